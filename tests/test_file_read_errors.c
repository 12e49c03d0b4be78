/*
 * test_file_read_errors.c - damaged input: every check gives its error code
 * and a message naming the input and the file offset; packets before the
 * damage come first; nothing is over-read (run under ASan) and errors are
 * sticky.
 */
#include "harness.h"
#include "test_file_read_build.h"
#include "testutil.h"

#include "ringcap/file.h"

#include <stdio.h>

/* msg starts with "NAME: what" (what may be only the start of the rest). */
static void expect_named(const char *msg, const char *name, const char *what)
{
	char want[RC_ERRBUF_SIZE], got[RC_ERRBUF_SIZE];
	int n = snprintf(want, sizeof(want), "%s: %s", name, what);
	snprintf(got, sizeof(got), "%.*s", n, msg);
	ASSERT_STR_EQ(got, want);
}

/*
 * Open b from memory (as an exact-size heap copy, so ASan sees any
 * over-read), expect `good` packets, then status `want` whose message
 * is "memory: " and then starts with `msg`: every message about the input
 * names it, also one found long after the open.  Fails the test on
 * mismatch.
 */
static void expect_damage(const struct fb *b, unsigned good, int want, const char *msg)
{
	uint8_t *copy = malloc(b->len ? b->len : 1);
	memcpy(copy, b->d, b->len);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, copy, b->len, NULL, err), 0);
	rc_packet p[64];
	unsigned n = 0;
	int rc;
	while ((rc = rc_reader_next_batch(r, p, 64)) > 0)
		n += (unsigned)rc;
	ASSERT_UINT_EQ(n, good);
	ASSERT_INT_EQ(rc, want);
	expect_named(rc_reader_error(r), "memory", msg);
	ASSERT_INT_EQ(rc_reader_next(r, p), want); /* sticky */
	rc_reader_close(r);
	free(copy);
}

static void expect_open_error(const struct fb *b, int want, const char *msg)
{
	uint8_t *copy = malloc(b->len ? b->len : 1);
	memcpy(copy, b->d, b->len);
	char err[RC_ERRBUF_SIZE] = "";
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, copy, b->len, NULL, err), want);
	ASSERT_TRUE(r == NULL);
	/* Open errors name the input first, as "memory" for a buffer. */
	expect_named(err, "memory", msg);
	free(copy);
}

/* ---- pcap ---- */

static void pcap2(struct fb *b)
{
	fb_pcap_hdr(b, 0xa1b2c3d4u, 2, 4, 262144, 1);
	fb_pcap_rec(b, 1, 0, 100, 100, 0); /* offset 24 */
	fb_pcap_rec(b, 2, 0, 100, 100, 1); /* offset 140 */
}

TEST(file_read_err_pcap_caplen_above_maximum)
{
	struct fb b = { 0 };
	pcap2(&b);
	fb_u32(&b, 3); /* record at offset 256 */
	fb_u32(&b, 0);
	fb_u32(&b, 300000);
	fb_u32(&b, 300000);
	fb_payload(&b, 0, 64);
	expect_damage(&b, 2, RC_EFORMAT,
		      "pcap record at offset 256: caplen 300000 exceeds the maximum 262144");
	fb_free(&b);
}

TEST(file_read_err_pcap_max_caplen_option_lowers_the_limit)
{
	struct fb b = { 0 };
	pcap2(&b);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	rc_reader_opts o = { .max_caplen = 99 };
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, &o, err), 0);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EFORMAT);
	ASSERT_STR_EQ(rc_reader_error(r), "memory: pcap record at offset 24: caplen 100 exceeds the maximum 99");
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_err_pcap_truncated_last_record)
{
	struct fb b = { 0 };
	pcap2(&b);
	b.len -= 30; /* the second record loses 30 of its 100 bytes */
	expect_damage(&b, 1, RC_ETRUNC,
		      "pcap record at offset 140: truncated: caplen 100 but only 70 bytes follow the header");
	fb_free(&b);
}

TEST(file_read_err_pcap_truncated_record_header)
{
	struct fb b = { 0 };
	pcap2(&b);
	fb_u32(&b, 9);
	fb_u16(&b, 1); /* 6 of 16 header bytes at offset 256 */
	expect_damage(&b, 2, RC_ETRUNC, "pcap record at offset 256: truncated header: 6 of 16 bytes");
	fb_free(&b);
}

TEST(file_read_err_pcap_truncated_file_header)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 262144, 1);
	b.len = 20;
	expect_open_error(&b, RC_ETRUNC, "pcap file header at offset 0: truncated: 20 of 24 bytes");
	fb_free(&b);
}

TEST(file_read_err_pcap_unsupported_version)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 3, 0, 262144, 1);
	expect_open_error(&b, RC_ENOTSUP, "pcap file header at offset 4: version 3.0 is not supported");
	fb_free(&b);
}

TEST(file_read_err_not_a_capture_file)
{
	struct fb b = { 0 };
	fb_bytes(&b, "GIF89a....", 10);
	expect_open_error(&b, RC_EFORMAT, "not a pcap or pcapng file (first 4 bytes 0x47494638)");
	b.len = 0;
	expect_open_error(&b, RC_EFORMAT, "empty input");
	b.len = 3;
	expect_open_error(&b, RC_ETRUNC, "only 3 bytes");
	fb_free(&b);
}

/* ---- pcapng ---- */

/* SHB (28 bytes at 0), IDB (20 at 28), EPB with 8 bytes (40 at 48),
 * then the test appends the damaged block at offset 88. */
static void ng_prefix(struct fb *b)
{
	fb_shb(b);
	fb_idb(b, 1, 0);
	fb_epb(b, 0, 1, 8, 8, 0);
}

TEST(file_read_err_pcapng_block_length_below_minimum)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_u32(&b, 6);
	fb_u32(&b, 24);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 24);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: block length 24 is smaller than the minimum 32");
	fb_free(&b);
	ng_prefix(&b);
	fb_u32(&b, 4);
	fb_u32(&b, 8);
	fb_u32(&b, 8);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: block length 8 is smaller than the minimum 12");
	fb_free(&b);
}

TEST(file_read_err_pcapng_block_length_not_multiple_of_4)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_u32(&b, 4);
	fb_u32(&b, 13);
	fb_u32(&b, 0);
	fb_u32(&b, 13);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: block length 13 is not a multiple of 4");
	fb_free(&b);
}

TEST(file_read_err_pcapng_block_length_above_maximum)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_u32(&b, 6);
	fb_u32(&b, 0xfffffff0u);
	fb_u32(&b, 0);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: block length 4294967280 exceeds the maximum");
	fb_free(&b);
}

TEST(file_read_err_pcapng_trailing_length_mismatch)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	size_t at = fb_epb(&b, 0, 2, 8, 8, 1);
	fb_put32(&b, b.len - 4, 44);
	(void)at;
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: trailing block length 44 does not match the leading 40");
	fb_free(&b);
}

TEST(file_read_err_pcapng_option_overruns_block)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	size_t at = fb_blk_begin(&b, 6);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 4);
	fb_u32(&b, 4);
	fb_u32(&b, 0xdeadbeef);
	fb_u16(&b, 1);   /* opt_comment at offset 88 + 32 */
	fb_u16(&b, 200); /* ... claiming 200 bytes */
	fb_u32(&b, 0);
	fb_blk_end(&b, at);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: option 1 at offset 120: length 200 overruns the block");
	fb_free(&b);
}

TEST(file_read_err_pcapng_option_wrong_size)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	size_t at = fb_blk_begin(&b, 6);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_opt(&b, 2, "\x01\x00", 2); /* epb_flags must be 4 bytes */
	fb_blk_end(&b, at);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: option epb_flags has length 2, expected 4");
	fb_free(&b);
}

TEST(file_read_err_pcapng_epb_caplen_beyond_body)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	size_t at = fb_blk_begin(&b, 6);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 64); /* caplen 64 ... */
	fb_u32(&b, 64);
	fb_payload(&b, 0, 16); /* ... but 16 bytes of body */
	fb_blk_end(&b, at);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: EPB caplen 64 exceeds the block body (16 bytes)");
	fb_free(&b);
}

TEST(file_read_err_pcapng_epb_caplen_above_maximum)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_epb(&b, 0, 0, 300000, 300000, 0);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: EPB caplen 300000 exceeds the maximum 262144");
	fb_free(&b);
}

TEST(file_read_err_pcapng_unknown_interface)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_epb(&b, 3, 0, 4, 4, 0);
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 88: EPB interface id 3 is not defined (section has 1 interfaces)");
	fb_free(&b);
	ng_prefix(&b);
	size_t at = fb_blk_begin(&b, 5);
	fb_u32(&b, 1);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_blk_end(&b, at);
	expect_damage(&b, 1, RC_EFORMAT, "pcapng block at offset 88: ISB interface id 1 is not defined");
	fb_free(&b);
}

TEST(file_read_err_pcapng_interfaces_do_not_survive_a_new_section)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_shb(&b); /* offset 88 */
	fb_epb(&b, 0, 0, 4, 4, 0); /* offset 116: section 2 has no IDB yet */
	expect_damage(&b, 1, RC_EFORMAT,
		      "pcapng block at offset 116: EPB interface id 0 is not defined (section has 0 interfaces)");
	fb_free(&b);
}

TEST(file_read_err_pcapng_spb_without_interface)
{
	struct fb b = { 0 };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 3);
	fb_u32(&b, 4);
	fb_u32(&b, 0);
	fb_blk_end(&b, at);
	expect_damage(&b, 0, RC_EFORMAT,
		      "pcapng block at offset 28: SPB before any interface description");
	fb_free(&b);
}

TEST(file_read_err_pcapng_truncated_last_block)
{
	struct fb b = { 0 };
	ng_prefix(&b);
	fb_epb(&b, 0, 2, 100, 100, 1);
	b.len -= 10;
	expect_damage(&b, 1, RC_ETRUNC,
		      "pcapng block at offset 88: truncated: block length 132 but only 122 bytes left");
	fb_free(&b);
	ng_prefix(&b);
	fb_u32(&b, 6);
	fb_u32(&b, 32); /* 8 bytes of a block header */
	expect_damage(&b, 1, RC_ETRUNC, "pcapng block at offset 88: truncated header: 8 of 12 bytes");
	fb_free(&b);
}

TEST(file_read_err_pcapng_bad_byte_order_magic_and_version)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_put32(&b, 8, 0x11223344);
	expect_open_error(&b, RC_EFORMAT,
			  "pcapng block at offset 0: SHB byte-order magic 0x11223344 is invalid");
	fb_free(&b);
	fb_shb(&b);
	b.d[12] = 2; /* major version 2 */
	expect_open_error(&b, RC_ENOTSUP, "pcapng block at offset 0: section version 2.0 is not supported");
	fb_free(&b);
	/* the same damage in a later section comes after the first section's packets */
	ng_prefix(&b);
	fb_shb(&b);
	fb_put32(&b, 88 + 8, 0x11223344);
	expect_damage(&b, 1, RC_EFORMAT, "pcapng block at offset 88: SHB byte-order magic");
	fb_free(&b);
}

TEST(file_read_err_pcapng_bad_idb_options)
{
	struct fb b = { 0 };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 1);
	fb_u16(&b, 1);
	fb_u16(&b, 0);
	fb_u32(&b, 0);
	fb_opt(&b, 9, "\x06\x06", 2);
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	expect_open_error(&b, RC_EFORMAT,
			  "pcapng block at offset 28: option if_tsresol has length 2, expected 1");
	fb_free(&b);
	fb_shb(&b);
	at = fb_blk_begin(&b, 1);
	fb_u16(&b, 1);
	fb_u16(&b, 0);
	fb_u32(&b, 0);
	fb_opt_u64(&b, 14, 0x7000000000000000ull);
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	expect_open_error(&b, RC_EFORMAT, "pcapng block at offset 28: if_tsoffset");
	fb_free(&b);
}

/* ---- the input's name ---- */

/* Read path to its end; the status, with the message in msg. */
static int read_to_the_end(const char *path, char *msg)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	rc_packet p;
	int rc;
	ASSERT_INT_EQ(rc_reader_open(&r, path, NULL, err), 0);
	while ((rc = rc_reader_next(r, &p)) > 0)
		;
	snprintf(msg, RC_ERRBUF_SIZE, "%s", rc_reader_error(r));
	rc_reader_close(r);
	return rc;
}

/* A pcap file at f whose first record claims a caplen of 2^31 - 1. */
static void write_huge_caplen_pcap(const char *f)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 0x7fffffff);
	fb_u32(&b, 64);
	fb_bytes(&b, "abc", 3);
	rc_test_write_file(f, b.d, b.len);
	fb_free(&b);
}

TEST(file_read_err_record_damage_names_the_file_as_header_damage_does)
{
	char msg[RC_ERRBUF_SIZE], want[RC_ERRBUF_SIZE];
	struct fb b = { 0 };
	const char *f = rc_test_tmpfile("bad.pcap");
	write_huge_caplen_pcap(f);
	ASSERT_INT_EQ(read_to_the_end(f, msg), RC_EFORMAT);
	snprintf(want, sizeof(want), "%s: pcap record at offset 24: caplen 2147483647 exceeds the maximum 262144", f);
	ASSERT_STR_EQ(msg, want);
	/* pcapng: a block after the first packet has a length of 13 */
	f = rc_test_tmpfile("bad.pcapng");
	ng_prefix(&b);
	fb_u32(&b, 4);
	fb_u32(&b, 13);
	fb_u32(&b, 0);
	fb_u32(&b, 13);
	rc_test_write_file(f, b.d, b.len);
	fb_free(&b);
	ASSERT_INT_EQ(read_to_the_end(f, msg), RC_EFORMAT);
	snprintf(want, sizeof(want), "%s: pcapng block at offset 88: block length 13 is not a multiple of 4", f);
	ASSERT_STR_EQ(msg, want);
}

/* A long path would crowd the reason out of RC_ERRBUF_SIZE bytes: messages
 * show "..." and the path's last RC__NAME_SHOWN - 3 (93) characters. */
TEST(file_read_err_long_path_is_shortened_so_the_reason_fits)
{
	char name[160], msg[RC_ERRBUF_SIZE], err[RC_ERRBUF_SIZE];
	memset(name, 'n', 150);
	memcpy(name + 150, ".pcap", 6);
	const char *f = rc_test_tmpfile(name);
	const char *tail = f + strlen(f) - 93;
	write_huge_caplen_pcap(f);
	ASSERT_INT_EQ(read_to_the_end(f, msg), RC_EFORMAT);
	char want[RC_ERRBUF_SIZE];
	snprintf(want, sizeof(want), "...%s: pcap record at offset 24: caplen 2147483647 exceeds "
		 "the maximum 262144", tail);
	ASSERT_STR_EQ(msg, want);
	/* the open errors too: a missing file, a file that is not a capture */
	char missing[512];
	snprintf(missing, sizeof(missing), "%sx", f);
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open(&r, missing, NULL, err), RC_ENOENT);
	ASSERT_PTR_EQ(r, NULL);
	snprintf(want, sizeof(want), "...%sx: No such file or directory", tail + 1);
	ASSERT_STR_EQ(err, want);
	rc_test_write_file(f, "not a capture file", 18);
	ASSERT_INT_EQ(rc_reader_open(&r, f, NULL, err), RC_EFORMAT);
	snprintf(want, sizeof(want), "...%s: not a pcap or pcapng file", tail);
	ASSERT_STR_CONTAINS(err, want);
}

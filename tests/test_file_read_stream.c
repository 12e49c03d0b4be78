/*
 * test_file_read_stream.c - rc_reader_open_stream: a capture read through a
 * caller's read function.  That its packets equal every other source's
 * (pcap, pcapng, truncated, odd piece sizes) is in test_file_read_sources.c;
 * here: failures of the function, EINTR and breakloop, refused options,
 * reading no further than needed, and an endless input in bounded memory.
 */
#include "harness.h"
#include "test_file_read_build.h"
#include "testutil.h"

#include "ringcap/file.h"

#include <errno.h>

/* pcap of n records of 100 bytes, record i stamped i seconds. */
static void build_pcap(struct fb *b, unsigned n)
{
	fb_pcap_hdr(b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	for (unsigned i = 0; i < n; i++)
		fb_pcap_rec(b, i, 0, 100, 100, i);
}

/* fb_pieces that fails with errno err (-1) once fail_at bytes were read. */
struct failing {
	struct fb_pieces p;
	size_t fail_at;
	int err;
};

static ssize_t failing_read(void *ctx, void *buf, size_t len)
{
	struct failing *f = ctx;
	if (f->p.pos >= f->fail_at) {
		f->p.calls++;
		errno = f->err;
		return -1;
	}
	if (len > f->fail_at - f->p.pos)
		len = f->fail_at - f->p.pos;
	return fb_pieces_read(&f->p, buf, len);
}

TEST(file_read_stream_error_after_packets_is_rc_eio_naming_the_offset)
{
	/* The function fails inside the 6th record (offset 24 + 5 * 116 + 50):
	 * five packets first, then RC_EIO naming the (copied) name, the offset
	 * and the errno's text, whatever the errno; the error sticks and the
	 * function is not called again. */
	static const size_t sizes[] = { 7 };
	struct fb b = { 0 };
	build_pcap(&b, 10);
	struct failing f = { { b.d, b.len, 0, sizes, 1, 0 }, 24 + 5 * 116 + 50, ENOENT };
	char *name = strdup("my-function");
	ASSERT_TRUE(name != NULL);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, failing_read, &f, name, NULL, err), 0);
	memset(name, 'Z', strlen(name));
	free(name);
	rc_packet pk[16];
	int status;
	ASSERT_UINT_EQ(read_all(r, pk, 16, &status), 5);
	ASSERT_INT_EQ(status, RC_EIO);
	ASSERT_STR_EQ(rc_reader_error(r), "my-function: read at offset 654: No such file or directory");
	size_t calls = f.p.calls;
	ASSERT_INT_EQ(rc_reader_next(r, pk), RC_EIO);
	ASSERT_UINT_EQ(f.p.calls, calls);
	rc_reader_close(r);
	ASSERT_UINT_EQ(f.p.calls, calls); /* close does not call it either */
	fb_free(&b);
}

TEST(file_read_stream_error_without_errno_is_eio)
{
	static const size_t sizes[] = { 4096 };
	struct fb b = { 0 };
	build_pcap(&b, 3);
	struct failing f = { { b.d, b.len, 0, sizes, 1, 0 }, 30, 0 };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, failing_read, &f, NULL, NULL, err), 0);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EIO);
	ASSERT_STR_EQ(rc_reader_error(r), "stream: read at offset 30: Input/output error");
	rc_reader_close(r);
	fb_free(&b);
}

/* Claims one byte more than it was asked for. */
static ssize_t overlong_read(void *ctx, void *buf, size_t len)
{
	(void)ctx;
	(void)buf;
	return (ssize_t)len + 1;
}

TEST(file_read_stream_count_above_len_is_an_error)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r = (rc_reader *)1;
	rc_reader_opts o = { .stream_buf_bytes = 4096 };
	ASSERT_INT_EQ(rc_reader_open_stream(&r, overlong_read, NULL, "liar", &o, err), RC_EIO);
	ASSERT_TRUE(r == NULL);
	ASSERT_STR_EQ(err, "liar: read at offset 0: 4097 bytes returned, more than the 4096 asked for");
}

TEST(file_read_stream_mmap_mode_and_null_arguments_are_refused)
{
	static const size_t sizes[] = { 1 };
	struct fb b = { 0 };
	build_pcap(&b, 1);
	struct fb_pieces fp = { .d = b.d, .len = b.len, .sizes = sizes, .nsizes = 1 };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r = (rc_reader *)1;
	rc_reader_opts o = { .mode = RC_READ_MMAP };
	ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "s", &o, err), RC_EINVAL);
	ASSERT_TRUE(r == NULL);
	ASSERT_STR_CONTAINS(err, "rc_reader_opts.mode RC_READ_MMAP");
	ASSERT_UINT_EQ(fp.calls, 0);
	r = (rc_reader *)1;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, NULL, &fp, "s", NULL, err), RC_EINVAL);
	ASSERT_TRUE(r == NULL);
	ASSERT_STR_CONTAINS(err, "fn is NULL");
	ASSERT_INT_EQ(rc_reader_open_stream(NULL, fb_pieces_read, &fp, "s", NULL, err), RC_EINVAL);
	o.mode = RC_READ_STREAM;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "s", &o, err), 0);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_stream_empty_and_short_inputs_are_refused_like_files)
{
	static const size_t sizes[] = { 1 };
	struct fb_pieces fp = { .d = (const uint8_t *)"\xd4\xc3\xb2", .len = 0, .sizes = sizes, .nsizes = 1 };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "nothing", NULL, err), RC_EFORMAT);
	ASSERT_STR_EQ(err, "nothing: empty input, not a capture file");
	ASSERT_TRUE(r == NULL);
	fp.len = 3;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "little", NULL, err), RC_ETRUNC);
	ASSERT_STR_EQ(err, "little: only 3 bytes, too short for a capture file");
}

TEST(file_read_stream_reads_no_further_than_the_packet_it_returns)
{
	/* Packets are delivered as their bytes come: after each packet the
	 * function has been asked for no more than the piece that completed
	 * it, so a function waiting on a live source never holds a whole
	 * packet back. */
	static const size_t sizes[] = { 10 };
	struct fb b = { 0 };
	build_pcap(&b, 20);
	struct fb_pieces fp = { .d = b.d, .len = b.len, .sizes = sizes, .nsizes = 1 };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "live", NULL, err), 0);
	rc_packet p;
	for (unsigned i = 0; i < 20; i++) {
		ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
		ASSERT_UINT_EQ(p.ts_nsec, i * 1000000000ull);
		ASSERT_UINT_EQ(rc_reader_offset(r), 24 + (i + 1) * 116);
		ASSERT_UINT_LE(fp.pos - rc_reader_offset(r), 9);
	}
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

/* fb_pieces that returns -1/EINTR every third call; on call brk_call it
 * first calls rc_reader_breakloop, as a signal handler would have. */
struct interrupted {
	struct fb_pieces p;
	unsigned n, brk_call, eintrs;
	rc_reader *r;
};

static ssize_t interrupted_read(void *ctx, void *buf, size_t len)
{
	struct interrupted *s = ctx;
	if (++s->n % 3 == 0) {
		if (s->n == s->brk_call)
			rc_reader_breakloop(s->r);
		s->eintrs++;
		errno = EINTR;
		return -1;
	}
	return fb_pieces_read(&s->p, buf, len);
}

TEST(file_read_stream_eintr_is_retried_and_ends_a_read_after_breakloop)
{
	static const size_t sizes[] = { 50 };
	struct fb b = { 0 };
	build_pcap(&b, 20);
	struct interrupted s = { { b.d, b.len, 0, sizes, 1, 0 }, 0, 30, 0, NULL };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, interrupted_read, &s, "eintr", NULL, err), 0);
	s.r = r;
	rc_packet p;
	unsigned got = 0, breaks = 0;
	int rc;
	while ((rc = rc_reader_next(r, &p)) != RC_EEOF) {
		if (rc == RC_EBREAK) {
			ASSERT_STR_CONTAINS(rc_reader_error(r), "eintr: read at offset ");
			ASSERT_STR_CONTAINS(rc_reader_error(r), "interrupted by rc_reader_breakloop");
			breaks++;
			continue;
		}
		ASSERT_INT_EQ(rc, 1);
		ASSERT_UINT_EQ(p.ts_nsec, got * 1000000000ull);
		ASSERT_TRUE(payload_ok(p.data, got, 100));
		got++;
	}
	ASSERT_UINT_EQ(got, 20);
	ASSERT_UINT_EQ(breaks, 1);
	ASSERT_UINT_GE(s.eintrs, 10); /* every other EINTR was retried */
	rc_reader_close(r);
	fb_free(&b);
}

/*
 * An endless pcap made on the fly: the file header, then 60-byte records
 * stamped with their index, forever, in pieces of at most 1000 bytes.
 */
enum { ENDLESS_REC = 16 + 60 };
struct endless {
	uint8_t hdr[24], rec[ENDLESS_REC];
	uint64_t pos; /* bytes returned so far */
	uint64_t calls;
};

static ssize_t endless_read(void *ctx, void *buf, size_t len)
{
	struct endless *e = ctx;
	uint8_t *out = buf;
	size_t n = 0;
	e->calls++;
	if (len > 1000)
		len = 1000;
	while (n < len) {
		const uint8_t *src;
		size_t at, left;
		if (e->pos < sizeof(e->hdr)) {
			at = (size_t)e->pos;
			src = e->hdr;
			left = sizeof(e->hdr) - at;
		} else {
			uint64_t k = (e->pos - sizeof(e->hdr)) / ENDLESS_REC;
			at = (size_t)((e->pos - sizeof(e->hdr)) % ENDLESS_REC);
			uint32_t sec = (uint32_t)k;
			memcpy(e->rec, &sec, 4);
			src = e->rec;
			left = ENDLESS_REC - at;
		}
		if (left > len - n)
			left = len - n;
		memcpy(out + n, src + at, left);
		n += left;
		e->pos += left;
	}
	return (ssize_t)n;
}

TEST_TIMEOUT(file_read_stream_endless_input_is_read_in_bounded_memory, 60)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	fb_pcap_rec(&b, 0, 0, 60, 60, 0);
	struct endless e = { 0 };
	ASSERT_UINT_EQ(b.len, sizeof(e.hdr) + sizeof(e.rec));
	memcpy(e.hdr, b.d, sizeof(e.hdr));
	memcpy(e.rec, b.d + sizeof(e.hdr), sizeof(e.rec));
	fb_free(&b);

	unsigned long rss0 = rc_test_rss_kib();
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, endless_read, &e, "endless", NULL, err), 0);
	rc_packet p[64];
	uint64_t got = 0;
	while (got < 100000) {
		int n = rc_reader_next_batch(r, p, 64);
		ASSERT_INT_GT(n, 0);
		for (int i = 0; i < n; i++) {
			ASSERT_UINT_EQ(p[i].ts_nsec, got * 1000000000ull);
			ASSERT_UINT_EQ(p[i].caplen, 60);
			ASSERT_TRUE(payload_ok(p[i].data, 0, 60));
			got++;
		}
	}
	/* read ahead by at most one stream buffer (256 KiB) */
	ASSERT_UINT_LE(e.pos, 24 + got * ENDLESS_REC + (256u << 10));
	uint64_t calls = e.calls;
	rc_reader_close(r);
	ASSERT_UINT_EQ(e.calls, calls);
	if (!rc_test_under_asan() && !rc_test_under_valgrind())
		ASSERT_UINT_LE(rc_test_rss_kib(), rss0 + 4096);
}

/* fb_pieces that counts the reads whose buffer is not at the stream
 * position's offset within a page. */
struct placed {
	struct fb_pieces p;
	size_t misplaced;
};

static ssize_t placed_read(void *ctx, void *buf, size_t len)
{
	struct placed *pl = ctx;
	if ((uintptr_t)buf % 4096 != pl->p.pos % 4096)
		pl->misplaced++;
	return fb_pieces_read(&pl->p, buf, len);
}

TEST(file_read_stream_reads_land_at_their_offset_within_a_page)
{
	/* source.c: a read(2) whose destination is 1-31 bytes past its source
	 * modulo 4096 copies many times slower on some CPUs, so every read
	 * goes where its bytes sit within a page of the file.  Odd piece sizes
	 * and odd record sizes put the leftovers at every offset. */
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	for (unsigned i = 0; i < 4000; i++)
		fb_pcap_rec(&b, i, 0, (i * 37) % 1601, (i * 37) % 1601, i);
	static const size_t sizes[] = { 4097, 13, 65536, 7, 1000, 262144 };
	struct placed pl = { .p = { .d = b.d, .len = b.len, .sizes = sizes, .nsizes = 6 } };
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_stream(&r, placed_read, &pl, "placed", NULL, err), 0);
	rc_packet p[16];
	int rc;
	size_t n = 0;
	while ((rc = rc_reader_next_batch(r, p, 16)) > 0)
		for (int i = 0; i < rc; i++, n++)
			ASSERT_TRUE(payload_ok(p[i].data, (unsigned)n, p[i].caplen));
	ASSERT_INT_EQ(rc, RC_EEOF);
	rc_reader_close(r);
	ASSERT_UINT_EQ(n, 4000);
	ASSERT_UINT_GE(pl.p.calls, 40);
	ASSERT_UINT_EQ(pl.misplaced, 0);
	fb_free(&b);
}

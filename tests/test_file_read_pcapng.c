/*
 * test_file_read_pcapng.c - reading pcapng: sections and byte orders,
 * interfaces and their options, time stamp resolutions, every packet block
 * kind, statistics, skipped blocks and packet options.
 */
#include "harness.h"
#include "test_file_read_build.h"

#include "ringcap/file.h"

static rc_reader *open_mem(const struct fb *b)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	int rc = rc_reader_open_mem(&r, b->d, b->len, NULL, err);
	if (rc < 0)
		rc_test_fail(__FILE__, __LINE__, "open: %s", err);
	return r;
}

static void basic(int swap)
{
	struct fb b = { .swap = swap };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 1);
	fb_u16(&b, 1);
	fb_u16(&b, 0);
	fb_u32(&b, 65535);
	fb_opt_str(&b, 2, "eth0");
	fb_opt_str(&b, 3, "The first NIC");
	fb_opt(&b, 11, "\0tcp port 80", 12);
	fb_opt_u8(&b, 13, 4);
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	fb_epb(&b, 0, 1700000000123456ull, 60, 60, 0);
	fb_epb(&b, 0, 1700000001000000ull, 0, 0, 1);
	fb_epb(&b, 0, 1700000002000001ull, 1514, 1514, 2);

	rc_reader *r = open_mem(&b);
	ASSERT_INT_EQ(rc_reader_format(r), RC_FORMAT_PCAPNG);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), swap);
	ASSERT_INT_EQ(rc_reader_linktype(r), 1);
	ASSERT_UINT_EQ(rc_reader_snaplen(r), 65535);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), 4);
	ASSERT_INT_EQ(rc_reader_ts_precision(r), RC_TS_MICRO);
	int maj, min;
	rc_reader_version(r, &maj, &min);
	ASSERT_INT_EQ(maj, 1);
	ASSERT_INT_EQ(min, 0);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 1);
	rc_iface_info info;
	ASSERT_INT_EQ(rc_reader_iface(r, 0, &info), 0);
	ASSERT_STR_EQ(info.name, "eth0");
	ASSERT_STR_EQ(info.description, "The first NIC");
	ASSERT_STR_EQ(info.filter, "tcp port 80");
	ASSERT_INT_EQ(info.fcslen, 4);
	ASSERT_UINT_EQ(info.ts_resol_num, 1);
	ASSERT_UINT_EQ(info.ts_resol_den, 1000000);
	ASSERT_INT_EQ(rc_reader_iface(r, 1, &info), RC_EINVAL);

	rc_packet p[4];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 4, &st), 3);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].ts_nsec, 1700000000123456000ull);
	ASSERT_UINT_EQ(p[0].caplen, 60);
	ASSERT_TRUE(payload_ok(p[0].data, 0, 60));
	ASSERT_UINT_EQ(p[0].ifindex, 0);
	ASSERT_INT_EQ(p[0].linktype, 1);
	ASSERT_INT_EQ(p[0].direction, RC_DIR_UNKNOWN);
	ASSERT_UINT_EQ(p[0].flags, 0);
	ASSERT_UINT_EQ(p[1].caplen, 0);
	ASSERT_UINT_EQ(p[2].ts_nsec, 1700000002000001000ull);
	ASSERT_TRUE(payload_ok(p[2].data, 2, 1514));
	ASSERT_UINT_EQ(rc_reader_offset(r), b.len);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_native_order)
{
	basic(0);
}

TEST(file_read_pcapng_swapped_order)
{
	basic(1);
}

/* One packet at `ticks` on an interface with if_tsresol `resol`. */
static uint64_t ts_with(uint8_t resol, uint64_t ticks, int with_offset, int64_t off_s)
{
	struct fb b = { 0 };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 1);
	fb_u16(&b, 1);
	fb_u16(&b, 0);
	fb_u32(&b, 0);
	fb_opt_u8(&b, 9, resol);
	if (with_offset)
		fb_opt_u64(&b, 14, (uint64_t)off_s);
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	fb_epb(&b, 0, ticks, 4, 4, 0);
	rc_reader *r = open_mem(&b);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	rc_reader_close(r);
	fb_free(&b);
	return p.ts_nsec;
}

TEST(file_read_pcapng_tsresol_powers_of_ten)
{
	ASSERT_UINT_EQ(ts_with(6, 1700000000123456ull, 0, 0), 1700000000123456000ull);
	ASSERT_UINT_EQ(ts_with(9, 1700000000123456789ull, 0, 0), 1700000000123456789ull);
	ASSERT_UINT_EQ(ts_with(3, 1700000000123ull, 0, 0), 1700000000123000000ull);
	ASSERT_UINT_EQ(ts_with(0, 1700000000ull, 0, 0), 1700000000000000000ull);
	/* finer than ns: floor, as libpcap does */
	ASSERT_UINT_EQ(ts_with(12, 17000000001234567899ull, 0, 0), 17000000001234567ull);
	ASSERT_UINT_EQ(ts_with(100, UINT64_MAX, 0, 0), 0);
}

TEST(file_read_pcapng_tsresol_powers_of_two)
{
	/* 2^-10 s ticks: 1024 ticks = 1 s; 1 tick = 976562.5 ns -> floor */
	ASSERT_UINT_EQ(ts_with(0x80 | 10, 1024ull * 1700000000ull + 1, 0, 0),
		       1700000000000000000ull + 976562ull);
	/* 2^-30: 1 tick = 0.931... ns */
	ASSERT_UINT_EQ(ts_with(0x80 | 30, (1ull << 30) * 3 + 3, 0, 0), 3000000002ull);
	/* 2^-64 s ticks: the 128-bit product is needed */
	ASSERT_UINT_EQ(ts_with(0x80 | 64, UINT64_MAX, 0, 0), 999999999ull);
	ASSERT_UINT_EQ(ts_with(0x80 | 0, 5, 0, 0), 5000000000ull);
}

TEST(file_read_pcapng_tsoffset_applied)
{
	ASSERT_UINT_EQ(ts_with(9, 123, 1, 1000), 1000000000123ull);
	ASSERT_UINT_EQ(ts_with(6, 5000000, 1, -2), 3000000000ull);
	ASSERT_UINT_EQ(ts_with(6, 5000000, 1, 0), 5000000000ull);
}

TEST(file_read_pcapng_timestamp_out_of_range_is_an_error)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb_resol(&b, 1, 0, 0); /* seconds: 2^64-1 s does not fit in ns */
	fb_epb(&b, 0, 7, 4, 4, 0);
	size_t bad = fb_epb(&b, 0, UINT64_MAX, 4, 4, 0);
	rc_reader *r = open_mem(&b);
	rc_packet p[2];
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 2), 1);
	ASSERT_UINT_EQ(p[0].ts_nsec, 7000000000ull);
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 2), RC_EFORMAT);
	char want[64];
	snprintf(want, sizeof(want), "pcapng block at offset %zu: time stamp", bad);
	ASSERT_STR_CONTAINS(rc_reader_error(r), want);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "out of range");
	rc_reader_close(r);
	fb_free(&b);

	/* a negative if_tsoffset taking the time before 1970 */
	struct fb c = { 0 };
	fb_shb(&c);
	size_t at = fb_blk_begin(&c, 1);
	fb_u16(&c, 1);
	fb_u16(&c, 0);
	fb_u32(&c, 0);
	fb_opt_u64(&c, 14, (uint64_t)-10);
	fb_opt_end(&c);
	fb_blk_end(&c, at);
	fb_epb(&c, 0, 1, 4, 4, 0);
	r = open_mem(&c);
	ASSERT_INT_EQ(rc_reader_next(r, p), RC_EFORMAT);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "out of range");
	rc_reader_close(r);
	fb_free(&c);
}

TEST(file_read_pcapng_sections_with_different_byte_orders)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_idb(&b, 101, 0);
	fb_epb(&b, 1, 1000000, 10, 10, 0);
	b.swap = 1;
	fb_shb(&b);
	fb_idb(&b, 113, 0);
	fb_epb(&b, 0, 2000000, 20, 20, 1);
	fb_epb(&b, 0, 3000000, 30, 30, 2);
	rc_reader *r = open_mem(&b);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), 0);
	rc_packet p[8];
	/* a batch stops at a section boundary */
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), 1);
	ASSERT_UINT_EQ(p[0].ifindex, 1);
	ASSERT_INT_EQ(p[0].linktype, 101);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 2);
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), 2);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), 1);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 1);
	ASSERT_UINT_EQ(p[0].ifindex, 0);
	ASSERT_INT_EQ(p[0].linktype, 113);
	ASSERT_UINT_EQ(p[0].ts_nsec, 2000000000ull);
	ASSERT_TRUE(payload_ok(p[0].data, 1, 20));
	ASSERT_TRUE(payload_ok(p[1].data, 2, 30));
	ASSERT_INT_EQ(rc_reader_linktype(r), 113);
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

/* An IDB after a packet ends the batch: the interfaces known after a read
 * are exactly those defined before all of its packets (file.h), which is
 * what lets libpcap's ABI check each interface before the packets after it. */
TEST(file_read_pcapng_batch_ends_before_an_interface)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_epb(&b, 0, 1, 10, 10, 0);
	fb_epb(&b, 0, 2, 10, 10, 1);
	fb_idb(&b, 101, 0);
	fb_idb(&b, 113, 0);
	fb_epb(&b, 0, 3, 10, 10, 2);
	fb_epb(&b, 2, 4, 10, 10, 3);
	rc_reader *r = open_mem(&b);
	rc_packet p[8];
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), 2);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 1);
	ASSERT_TRUE(payload_ok(p[1].data, 1, 10));
	/* both IDBs open the next batch, which then runs to the end */
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), 2);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 3);
	ASSERT_INT_EQ(p[1].linktype, 113);
	ASSERT_TRUE(payload_ok(p[1].data, 3, 10));
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 8), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_mixed_link_types)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_idb(&b, 276, 0);
	fb_idb(&b, 101, 0);
	for (unsigned i = 0; i < 6; i++)
		fb_epb(&b, i % 3, i, 40, 40, i);
	rc_reader *r = open_mem(&b);
	rc_packet p[6];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 6, &st), 6);
	static const int lt[3] = { 1, 276, 101 };
	for (unsigned i = 0; i < 6; i++) {
		ASSERT_UINT_EQ(p[i].ifindex, i % 3);
		ASSERT_INT_EQ(p[i].linktype, lt[i % 3]);
	}
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_simple_packet_block)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 64);
	for (unsigned i = 0; i < 3; i++) {
		uint32_t len = i == 0 ? 50 : i == 1 ? 100 : 0;
		size_t at = fb_blk_begin(&b, 3);
		fb_u32(&b, len);
		fb_payload(&b, i, len < 64 ? len : 64); /* stored: min(len, snaplen) */
		fb_blk_end(&b, at);
	}
	rc_reader *r = open_mem(&b);
	rc_packet p[3];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 3, &st), 3);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].caplen, 50);
	ASSERT_UINT_EQ(p[0].len, 50);
	ASSERT_TRUE(payload_ok(p[0].data, 0, 50));
	ASSERT_UINT_EQ(p[1].caplen, 64);
	ASSERT_UINT_EQ(p[1].len, 100);
	ASSERT_UINT_EQ(p[1].flags, RC_PKT_TRUNCATED);
	ASSERT_TRUE(payload_ok(p[1].data, 1, 64));
	ASSERT_UINT_EQ(p[2].caplen, 0);
	ASSERT_UINT_EQ(p[0].ts_nsec, 0);
	ASSERT_UINT_EQ(p[0].ifindex, 0);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_obsolete_packet_block)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_idb(&b, 1, 0);
	size_t at = fb_blk_begin(&b, 2);
	fb_u16(&b, 1);   /* interface */
	fb_u16(&b, 17);  /* drops count */
	fb_u32(&b, 0);
	fb_u32(&b, 2500000);
	fb_u32(&b, 33);
	fb_u32(&b, 40);
	fb_payload(&b, 9, 33);
	fb_pad4(&b);
	fb_opt_u32(&b, 2, 2); /* pack_flags: outbound */
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	at = fb_blk_begin(&b, 2);
	fb_u16(&b, 0);
	fb_u16(&b, 0xffff); /* drops not available */
	fb_u32(&b, 0);
	fb_u32(&b, 1);
	fb_u32(&b, 4);
	fb_u32(&b, 4);
	fb_payload(&b, 1, 4);
	fb_blk_end(&b, at);
	rc_reader *r = open_mem(&b);
	rc_packet p[2];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 2, &st), 2);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].ifindex, 1);
	ASSERT_UINT_EQ(p[0].caplen, 33);
	ASSERT_UINT_EQ(p[0].len, 40);
	ASSERT_UINT_EQ(p[0].ts_nsec, 2500000000ull);
	ASSERT_TRUE(payload_ok(p[0].data, 9, 33));
	ASSERT_INT_EQ(p[0].direction, RC_DIR_OUT);
	ASSERT_TRUE(p[0].flags & RC_PKT_HAS_DROPCOUNT);
	ASSERT_UINT_EQ(p[0].dropcount, 17);
	ASSERT_FALSE(p[1].flags & RC_PKT_HAS_DROPCOUNT);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_interface_statistics)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_idb(&b, 1, 0);
	fb_epb(&b, 0, 1, 4, 4, 0);
	size_t at = fb_blk_begin(&b, 5);
	fb_u32(&b, 1);
	fb_u32(&b, 0);
	fb_u32(&b, 3000000);
	fb_opt_u64(&b, 2, 1000000); /* isb_starttime (ignored, two u32 in spec, 8 bytes) */
	fb_opt_u64(&b, 4, 1234);
	fb_opt_u64(&b, 5, 56);
	fb_opt_u64(&b, 7, 7);
	fb_opt_str(&b, 1, "stats comment");
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	rc_reader *r = open_mem(&b);
	rc_packet p[2];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 2, &st), 1);
	ASSERT_INT_EQ(st, RC_EEOF);
	rc_iface_stats s;
	ASSERT_INT_EQ(rc_reader_iface_stats(r, 0, &s), 0);
	ASSERT_INT_EQ(s.valid, 0);
	ASSERT_INT_EQ(rc_reader_iface_stats(r, 1, &s), 0);
	ASSERT_INT_EQ(s.valid, 1);
	ASSERT_UINT_EQ(s.ts_nsec, 3000000000ull);
	ASSERT_INT_EQ(s.has_recv, 1);
	ASSERT_UINT_EQ(s.recv, 1234);
	ASSERT_INT_EQ(s.has_drop, 1);
	ASSERT_UINT_EQ(s.drop, 56);
	ASSERT_INT_EQ(s.has_osdrop, 1);
	ASSERT_UINT_EQ(s.osdrop, 7);
	ASSERT_INT_EQ(s.has_filter_accept, 0);
	ASSERT_INT_EQ(s.has_delivered, 0);
	ASSERT_INT_EQ(rc_reader_iface_stats(r, 2, &s), RC_EINVAL);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_nrb_dsb_custom_and_unknown_blocks_skipped)
{
	struct fb b = { 0 };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 4); /* NRB: one IPv4 record, end */
	fb_u16(&b, 1);
	fb_u16(&b, 13);
	fb_bytes(&b, "\x0a\x00\x00\x01host.local", 13);
	fb_pad4(&b);
	fb_u16(&b, 0);
	fb_u16(&b, 0);
	fb_blk_end(&b, at);
	fb_idb(&b, 1, 0);
	at = fb_blk_begin(&b, 0x0A); /* DSB: TLS key log */
	fb_u32(&b, 0x544c534b);
	fb_u32(&b, 5);
	fb_bytes(&b, "CLIEN", 5);
	fb_blk_end(&b, at);
	fb_epb(&b, 0, 1, 8, 8, 0);
	at = fb_blk_begin(&b, 0x00000BAD); /* custom: PEN + data */
	fb_u32(&b, 32473);
	fb_bytes(&b, "xyz", 3);
	fb_blk_end(&b, at);
	at = fb_blk_begin(&b, 0x40000BAD);
	fb_u32(&b, 32473);
	fb_blk_end(&b, at);
	at = fb_blk_begin(&b, 0x80001234); /* local use */
	fb_blk_end(&b, at);
	at = fb_blk_begin(&b, 9); /* systemd journal */
	fb_bytes(&b, "__CURSOR=x\n", 11);
	fb_blk_end(&b, at);
	fb_epb(&b, 0, 2, 9, 9, 1);
	rc_reader *r = open_mem(&b);
	rc_packet p[4];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 4, &st), 2);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_TRUE(payload_ok(p[0].data, 0, 8));
	ASSERT_TRUE(payload_ok(p[1].data, 1, 9));
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_epb_flags_dropcount_comment)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	static const uint32_t flags[4] = { 1, 2, 0, 3 | (5u << 5) };
	for (unsigned i = 0; i < 4; i++) {
		size_t at = fb_blk_begin(&b, 6);
		fb_u32(&b, 0);
		fb_u32(&b, 0);
		fb_u32(&b, i);
		fb_u32(&b, 5);
		fb_u32(&b, 5);
		fb_payload(&b, i, 5);
		fb_pad4(&b);
		fb_opt_u32(&b, 2, flags[i]);
		if (i == 1) {
			fb_opt_u64(&b, 4, 99);
			fb_opt_str(&b, 1, "hello, packet");
			fb_opt_str(&b, 1, "second comment ignored");
			fb_opt(&b, 3, "\x02\x01\x02\x03\x04", 5); /* epb_hash: skipped */
		}
		if (i != 2)
			fb_opt_end(&b); /* i == 2: options end at the block end */
		fb_blk_end(&b, at);
	}
	rc_reader *r = open_mem(&b);
	rc_packet p[4];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 4, &st), 4);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_INT_EQ(p[0].direction, RC_DIR_IN);
	ASSERT_INT_EQ(p[1].direction, RC_DIR_OUT);
	ASSERT_INT_EQ(p[2].direction, RC_DIR_UNKNOWN);
	ASSERT_INT_EQ(p[3].direction, RC_DIR_UNKNOWN);
	ASSERT_UINT_EQ(p[0].flags, 0);
	ASSERT_UINT_EQ(p[1].flags, RC_PKT_HAS_COMMENT | RC_PKT_HAS_DROPCOUNT);
	ASSERT_UINT_EQ(p[1].dropcount, 99);
	ASSERT_UINT_EQ(p[1].comment_len, 13);
	ASSERT_MEM_EQ(p[1].comment, "hello, packet", 13);
	ASSERT_TRUE(payload_ok(p[1].data, 1, 5));
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_snaplen_truncated_and_zero_length_epb)
{
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 96);
	fb_epb(&b, 0, 1, 96, 1500, 0);
	fb_epb(&b, 0, 2, 0, 0, 1);
	fb_epb(&b, 0, 3, 0, 60, 2);
	rc_reader *r = open_mem(&b);
	rc_packet p[3];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 3, &st), 3);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].flags, RC_PKT_TRUNCATED);
	ASSERT_UINT_EQ(p[0].caplen, 96);
	ASSERT_UINT_EQ(p[0].len, 1500);
	ASSERT_UINT_EQ(p[1].caplen, 0);
	ASSERT_UINT_EQ(p[1].flags, 0);
	ASSERT_UINT_EQ(p[2].caplen, 0);
	ASSERT_UINT_EQ(p[2].flags, RC_PKT_TRUNCATED);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_shb_only_and_no_idb_before_packets)
{
	struct fb b = { 0 };
	fb_shb(&b);
	rc_reader *r = open_mem(&b);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 0);
	ASSERT_INT_EQ(rc_reader_linktype(r), -1);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcapng_repeated_and_nul_terminated_strings)
{
	struct fb b = { 0 };
	fb_shb(&b);
	size_t at = fb_blk_begin(&b, 1);
	fb_u16(&b, 1);
	fb_u16(&b, 0);
	fb_u32(&b, 0);
	fb_opt(&b, 2, "old", 3);
	fb_opt(&b, 2, "new\0junk", 8);
	fb_opt(&b, 11, "\x01\x06\x00\x00\x00", 5); /* BPF program filter: not a string */
	fb_opt_end(&b);
	fb_blk_end(&b, at);
	rc_reader *r = open_mem(&b);
	rc_iface_info info;
	ASSERT_INT_EQ(rc_reader_iface(r, 0, &info), 0);
	ASSERT_STR_EQ(info.name, "new");
	ASSERT_TRUE(info.filter == NULL);
	ASSERT_TRUE(info.description == NULL);
	rc_reader_close(r);
	fb_free(&b);
}

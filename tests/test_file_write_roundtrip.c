/*
 * test_file_write_roundtrip.c - what rc_writer writes, rc_reader reads back
 * identically: bytes, lengths, nanosecond time stamps, interface numbers and
 * descriptions, direction, comments, drop counts and ISB counters.
 */
#include "test_file_write_common.h"

/* A pcapng file with two interfaces and every per-packet option. */
static void write_rich(const char *f, const wt_stream *s)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAPNG, .linktype = RC_LINKTYPE_ETHERNET,
			     .snaplen = 4000, .fcslen = 4, .buf_bytes = 6000 };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	rc_iface_info raw = { .linktype = RC_LINKTYPE_RAW, .name = "wg0", .description = "vpn",
			      .filter = "not port 22", .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &raw), 1);
	for (size_t i = 0; i < s->n; i++)
		ASSERT_OK(rc_writer_write(w, &s->pkts[i]));
	ASSERT_OK(rc_writer_set_iface_stats(w, 1, 123456789012ull, 77));
	ASSERT_OK(rc_writer_close(w));
}

/* Decorate the generated stream: interfaces, directions, comments, drops. */
static void decorate(wt_stream *s, char (*comments)[40])
{
	for (size_t i = 0; i < s->n; i++) {
		rc_packet *p = &s->pkts[i];
		p->ifindex = (uint32_t)(i % 5 == 0);
		p->direction = (uint8_t)(i % 3);
		if (i % 4 == 1) {
			p->comment_len = (uint32_t)snprintf(comments[i], 40, "comment %zu \xc3\xa9", i);
			p->comment = comments[i];
			p->flags |= RC_PKT_HAS_COMMENT;
		}
		if (i % 6 == 2) {
			p->dropcount = (uint64_t)i << 33;
			p->flags |= RC_PKT_HAS_DROPCOUNT;
		}
	}
}

TEST(write_roundtrip_pcapng_every_field_through_rc_reader)
{
	enum { N = 600 };
	static char comments[N][40];
	wt_stream s = wt_make(N);
	decorate(&s, comments);
	const char *f = rc_test_tmpfile("rich.pcapng");
	write_rich(f, &s);

	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&r, f, NULL, err));
	ASSERT_INT_EQ(rc_reader_format(r), RC_FORMAT_PCAPNG);
	rc_packet p;
	size_t i = 0;
	int st;
	while ((st = rc_reader_next(r, &p)) == 1) {
		const rc_packet *q = &s.pkts[i];
		uint32_t snap = q->ifindex == 0 ? 4000 : 262144;
		if (!wt_matches(i, p.data, p.caplen, p.len, snap))
			rc_test_fail(__FILE__, __LINE__, "packet %zu: caplen %u len %u or bytes differ",
				     i, p.caplen, p.len);
		ASSERT_UINT_EQ(p.ts_nsec, q->ts_nsec);
		ASSERT_UINT_EQ(p.ifindex, q->ifindex);
		ASSERT_UINT_EQ(p.linktype, q->ifindex ? RC_LINKTYPE_RAW : RC_LINKTYPE_ETHERNET);
		ASSERT_UINT_EQ(p.direction, q->direction);
		ASSERT_UINT_EQ(!!(p.flags & RC_PKT_HAS_COMMENT), !!(q->flags & RC_PKT_HAS_COMMENT));
		if (q->flags & RC_PKT_HAS_COMMENT) {
			ASSERT_UINT_EQ(p.comment_len, q->comment_len);
			ASSERT_MEM_EQ(p.comment, q->comment, q->comment_len);
		}
		ASSERT_UINT_EQ(!!(p.flags & RC_PKT_HAS_DROPCOUNT),
			       !!(q->flags & RC_PKT_HAS_DROPCOUNT));
		if (q->flags & RC_PKT_HAS_DROPCOUNT)
			ASSERT_UINT_EQ(p.dropcount, q->dropcount);
		i++;
	}
	if (st != RC_EEOF)
		rc_test_fail(__FILE__, __LINE__, "reader stopped after %zu packets: %s", i,
			     rc_reader_error(r));
	ASSERT_UINT_EQ(i, N);

	ASSERT_UINT_EQ(rc_reader_iface_count(r), 2);
	rc_iface_info ii;
	ASSERT_OK(rc_reader_iface(r, 0, &ii));
	ASSERT_UINT_EQ(ii.linktype, RC_LINKTYPE_ETHERNET);
	ASSERT_UINT_EQ(ii.snaplen, 4000);
	ASSERT_INT_EQ(ii.fcslen, 4);
	ASSERT_UINT_EQ(ii.ts_resol_den / ii.ts_resol_num, 1000000000ull);
	ASSERT_OK(rc_reader_iface(r, 1, &ii));
	ASSERT_UINT_EQ(ii.linktype, RC_LINKTYPE_RAW);
	ASSERT_UINT_EQ(ii.snaplen, 0); /* info.snaplen 0: "no limit" */
	ASSERT_STR_EQ(ii.name, "wg0");
	ASSERT_STR_EQ(ii.description, "vpn");
	ASSERT_STR_EQ(ii.filter, "not port 22");
	ASSERT_INT_EQ(ii.fcslen, -1);
	rc_iface_stats is;
	ASSERT_OK(rc_reader_iface_stats(r, 0, &is));
	ASSERT_INT_EQ(is.valid, 0);
	ASSERT_OK(rc_reader_iface_stats(r, 1, &is));
	ASSERT_INT_EQ(is.valid, 1);
	ASSERT_TRUE(is.has_recv && is.has_drop);
	ASSERT_UINT_EQ(is.recv, 123456789012ull);
	ASSERT_UINT_EQ(is.drop, 77);
	rc_reader_close(r);
	wt_free(&s);
}

static void roundtrip_pcap(enum rc_ts_precision prec, const char *name)
{
	wt_stream s = wt_make(700);
	const char *f = rc_test_tmpfile(name);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_LINUX_SLL2,
			     .ts_precision = prec, .snaplen = 2000, .fcslen = 2 };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, s.n));
	uint64_t size = rc_writer_offset(w);
	ASSERT_OK(rc_writer_close(w));

	rc_reader *r;
	ASSERT_OK(rc_reader_open(&r, f, NULL, err));
	ASSERT_INT_EQ(rc_reader_format(r), RC_FORMAT_PCAP);
	ASSERT_INT_EQ(rc_reader_linktype(r), RC_LINKTYPE_LINUX_SLL2);
	ASSERT_UINT_EQ(rc_reader_snaplen(r), 2000);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), 2);
	ASSERT_INT_EQ(rc_reader_ts_precision(r), prec);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), 0);
	rc_packet pk[32];
	size_t i = 0;
	int n;
	uint64_t div = prec == RC_TS_NANO ? 1 : 1000;
	while ((n = rc_reader_next_batch(r, pk, 32)) > 0) {
		for (int k = 0; k < n; k++, i++) {
			ASSERT_TRUE(i < s.n);
			if (!wt_matches(i, pk[k].data, pk[k].caplen, pk[k].len, 2000))
				rc_test_fail(__FILE__, __LINE__, "packet %zu differs", i);
			ASSERT_UINT_EQ(pk[k].ts_nsec, s.pkts[i].ts_nsec / div * div);
		}
	}
	if (n != RC_EEOF)
		rc_test_fail(__FILE__, __LINE__, "reader: %s", rc_reader_error(r));
	ASSERT_UINT_EQ(i, s.n);
	ASSERT_UINT_EQ(rc_reader_offset(r), size);
	rc_reader_close(r);
	wt_free(&s);
}

TEST(write_roundtrip_pcap_nanoseconds_through_rc_reader)
{
	roundtrip_pcap(RC_TS_NANO, "rt-nsec.pcap");
}

TEST(write_roundtrip_pcap_microseconds_through_rc_reader)
{
	roundtrip_pcap(RC_TS_MICRO, "rt-usec.pcap");
}

TEST(write_roundtrip_appended_pcapng_sections_through_rc_reader)
{
	wt_stream s = wt_make(50);
	const char *f = rc_test_tmpfile("sections.pcapng");
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAPNG, .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, 20));
	ASSERT_OK(rc_writer_close(w));
	o.append = 1;
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_write_batch(w, s.pkts + 20, 30));
	ASSERT_OK(rc_writer_close(w));
	rc_reader *r;
	ASSERT_OK(rc_reader_open(&r, f, NULL, err));
	rc_packet p;
	size_t i = 0;
	int st;
	while ((st = rc_reader_next(r, &p)) == 1) {
		if (!wt_matches(i, p.data, p.caplen, p.len, 262144))
			rc_test_fail(__FILE__, __LINE__, "packet %zu differs", i);
		ASSERT_UINT_EQ(p.ts_nsec, s.pkts[i].ts_nsec);
		i++;
	}
	if (st != RC_EEOF)
		rc_test_fail(__FILE__, __LINE__, "reader: %s", rc_reader_error(r));
	ASSERT_UINT_EQ(i, 50);
	rc_reader_close(r);
	wt_free(&s);
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

TEST(write_roundtrip_random_records_with_any_buffer_size)
{
	/* Random sizes (0 to 70000 bytes), comments, interfaces and buffer
	 * sizes from 1 byte up: whatever mix of buffered and direct writes
	 * results, rc_reader must see exactly what went in, and
	 * rc_writer_offset must equal the file size. */
	static uint8_t data[70000];
	static char text[3000];
	uint64_t seed = 0x1234567887654321ull;
	for (size_t j = 0; j < sizeof(data); j++)
		data[j] = (uint8_t)rnd(&seed);
	for (size_t j = 0; j < sizeof(text); j++)
		text[j] = (char)('a' + rnd(&seed) % 26);
	for (int round = 0; round < 12; round++) {
		enum rc_file_format fmt = round % 2 ? RC_FORMAT_PCAPNG : RC_FORMAT_PCAP;
		size_t bufsz = round < 2 ? 1 : (size_t)(rnd(&seed) % 150000) + 1;
		size_t n = 150;
		rc_packet pk[150];
		const char *f = rc_test_tmpfile(round % 2 ? "random.pcapng" : "random.pcap");
		rc_writer *w;
		char err[RC_ERRBUF_SIZE];
		rc_writer_opts o = { .format = fmt, .linktype = RC_LINKTYPE_ETHERNET,
				     .ts_precision = RC_TS_NANO, .buf_bytes = bufsz };
		ASSERT_OK(rc_writer_open(&w, f, &o, err));
		uint32_t nif = 1;
		for (size_t i = 0; i < n; i++) {
			if (fmt == RC_FORMAT_PCAPNG && rnd(&seed) % 20 == 0) {
				rc_iface_info ii = { .linktype = RC_LINKTYPE_RAW, .name = "x",
						     .fcslen = -1 };
				ASSERT_INT_EQ(rc_writer_add_iface(w, &ii), (long long)nif);
				nif++;
			}
			uint64_t r = rnd(&seed);
			uint32_t cap = r % 4 == 0 ? (uint32_t)(r >> 8) % 70000 : (uint32_t)(r >> 8) % 1600;
			size_t at = (size_t)(r >> 40) % (sizeof(data) - cap + 1);
			pk[i] = (rc_packet){ .data = data + at, .caplen = cap, .len = cap + 3,
					     .ts_nsec = r >> 3, .ifindex = (uint32_t)(r % nif),
					     .direction = (uint8_t)(r % 3) };
			if (fmt == RC_FORMAT_PCAP)
				pk[i].ts_nsec %= 4000000000ull * 1000000000ull;
			if (r % 5 == 0) {
				pk[i].comment = text + (r >> 20) % 1000;
				pk[i].comment_len = (uint32_t)(r >> 30) % 2000 + 1;
				pk[i].flags |= RC_PKT_HAS_COMMENT;
			}
			if (i % 3)
				ASSERT_OK(rc_writer_write(w, &pk[i]));
			else
				ASSERT_OK(rc_writer_write_batch(w, &pk[i], 1));
		}
		uint64_t off = rc_writer_offset(w);
		ASSERT_OK(rc_writer_close(w));

		rc_reader *r;
		ASSERT_OK(rc_reader_open(&r, f, NULL, err));
		rc_packet p;
		size_t i = 0;
		int st;
		while ((st = rc_reader_next(r, &p)) == 1) {
			ASSERT_TRUE(i < n);
			ASSERT_UINT_EQ(p.caplen, pk[i].caplen);
			ASSERT_UINT_EQ(p.len, pk[i].len);
			ASSERT_MEM_EQ(p.data, pk[i].data, p.caplen);
			ASSERT_UINT_EQ(p.ts_nsec, pk[i].ts_nsec);
			if (fmt == RC_FORMAT_PCAPNG) {
				ASSERT_UINT_EQ(p.ifindex, pk[i].ifindex);
				ASSERT_UINT_EQ(p.direction, pk[i].direction);
				ASSERT_UINT_EQ(p.comment_len, pk[i].comment_len);
				ASSERT_MEM_EQ(p.comment, pk[i].comment, p.comment_len);
			}
			i++;
		}
		if (st != RC_EEOF)
			rc_test_fail(__FILE__, __LINE__, "round %d: reader stopped after %zu: %s", round,
				     i, rc_reader_error(r));
		ASSERT_UINT_EQ(i, n);
		ASSERT_UINT_EQ(rc_reader_offset(r), off);
		rc_reader_close(r);
	}
}

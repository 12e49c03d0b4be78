/*
 * test_file_write_encoded.c - rc_encoder and rc_writer_write_encoded: the
 * records they make are byte for byte those rc_writer_write makes (both
 * precisions, snap length cuts, buffered and direct writes), the -C style
 * limit stops exactly before the right record, bad calls are refused
 * before anything is written, and rc_encoder_parse reads records back.  Disk-full behaviour is in
 * test_file_write_errors.c (write_encoded_disk_full_...).
 */
#include "harness.h"
#include "test_file_write_common.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rc_writer *open_writer(const char *name, enum rc_file_format fmt, uint32_t snaplen,
			      enum rc_ts_precision prec, size_t buf_bytes)
{
	rc_writer_opts o;
	memset(&o, 0, sizeof(o));
	o.format = fmt;
	o.linktype = RC_LINKTYPE_ETHERNET;
	o.snaplen = snaplen;
	o.ts_precision = prec;
	o.buf_bytes = buf_bytes;
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	if (rc_writer_open(&w, rc_test_tmpfile(name), &o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_writer_open %s: %s", name, err);
	return w;
}

static rc_writer *open_pcap(const char *name, uint32_t snaplen, enum rc_ts_precision prec,
			    size_t buf_bytes)
{
	return open_writer(name, RC_FORMAT_PCAP, snaplen, prec, buf_bytes);
}

/* pcapng: interface 0 from the options and a second one, Linux cooked. */
static rc_writer *open_pcapng(const char *name, uint32_t snaplen, size_t buf_bytes)
{
	rc_writer *w = open_writer(name, RC_FORMAT_PCAPNG, snaplen, RC_TS_NANO, buf_bytes);
	rc_iface_info info;
	memset(&info, 0, sizeof(info));
	info.linktype = RC_LINKTYPE_LINUX_SLL2;
	info.snaplen = snaplen ? snaplen : 262144;
	info.name = "any";
	info.fcslen = -1;
	if (rc_writer_add_iface(w, &info) != 1)
		rc_test_fail(__FILE__, __LINE__, "rc_writer_add_iface: %s", rc_writer_error(w));
	return w;
}

/* A pcap writer, its encoder and n packets of the test stream encoded into
 * recs (cap bytes). */
struct enc_case {
	wt_stream s;
	rc_writer *w;
	rc_encoder *e;
	size_t used;
};

static struct enc_case enc_case(const char *name, size_t n, uint32_t snaplen, uint8_t *recs,
				size_t cap)
{
	struct enc_case c;
	char err[RC_ERRBUF_SIZE];
	c.s = wt_make(n);
	c.w = open_pcap(name, snaplen, RC_TS_MICRO, 0);
	if (rc_encoder_new(&c.e, c.w, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_encoder_new: %s", err);
	c.used = rc_test_encode(c.e, c.s.pkts, n, recs, cap);
	return c;
}

static void enc_case_end(struct enc_case *c)
{
	ASSERT_OK(rc_writer_close(c->w));
	rc_encoder_free(c->e);
	wt_free(&c->s);
}

/* The same stream written with rc_writer_write and through an encoder in
 * runs of run packets gives the same file.  pcapng: the packets alternate
 * between the two interfaces and go in, out and neither way (epb_flags). */
static void same_file(enum rc_file_format fmt, uint32_t snaplen, enum rc_ts_precision prec,
		      size_t buf_bytes, size_t run)
{
	wt_stream s = wt_make(200);
	if (fmt == RC_FORMAT_PCAPNG)
		for (size_t i = 0; i < s.n; i++) {
			s.pkts[i].ifindex = (uint32_t)(i % 2);
			s.pkts[i].direction = (uint8_t)(i % 3); /* unknown, in, out */
		}
	rc_writer *a = fmt == RC_FORMAT_PCAPNG ? open_pcapng("plain.pcapng", snaplen, buf_bytes)
					       : open_pcap("plain.pcap", snaplen, prec, buf_bytes);
	for (size_t i = 0; i < s.n; i++)
		ASSERT_OK(rc_writer_write(a, &s.pkts[i]));
	ASSERT_OK(rc_writer_close(a));

	rc_writer *b = fmt == RC_FORMAT_PCAPNG ? open_pcapng("encoded.pcapng", snaplen, buf_bytes)
					       : open_pcap("encoded.pcap", snaplen, prec, buf_bytes);
	char err[RC_ERRBUF_SIZE];
	rc_encoder *e;
	ASSERT_OK(rc_encoder_new(&e, b, err));
	size_t cap = run * (48 + 10000);
	uint8_t *recs = malloc(cap);
	ASSERT_TRUE(recs != NULL);
	for (size_t i = 0; i < s.n; i += run) {
		size_t n = s.n - i < run ? s.n - i : run, bytes, pkts;
		size_t used = rc_test_encode(e, &s.pkts[i], n, recs, cap);
		ASSERT_OK(rc_writer_write_encoded(b, recs, used, n, UINT64_MAX, &bytes, &pkts));
		ASSERT_UINT_EQ(bytes, used);
		ASSERT_UINT_EQ(pkts, n);
	}
	ASSERT_OK(rc_writer_close(b));
	rc_encoder_free(e);
	free(recs);

	const char *ext = fmt == RC_FORMAT_PCAPNG ? "pcapng" : "pcap";
	char na[64], nb[64];
	snprintf(na, sizeof(na), "plain.%s", ext);
	snprintf(nb, sizeof(nb), "encoded.%s", ext);
	size_t la, lb;
	unsigned char *fa = rc_test_read_file(rc_test_tmpfile(na), &la);
	unsigned char *fb = rc_test_read_file(rc_test_tmpfile(nb), &lb);
	ASSERT_UINT_EQ(lb, la);
	ASSERT_MEM_EQ(fb, fa, la);
	free(fa);
	free(fb);
	wt_free(&s);
}

TEST(write_encoded_same_bytes_as_write_micro_buffered)
{
	same_file(RC_FORMAT_PCAP, 0, RC_TS_MICRO, 0, 3); /* short runs: into the 1 MiB buffer */
}

TEST(write_encoded_same_bytes_as_write_nano_direct_snapped)
{
	/* Runs of ~30 KB over a 4 KiB buffer go to write(2) from recs; snap
	 * length 1000 cuts the 1514, 4097 and 9014-byte packets. */
	same_file(RC_FORMAT_PCAP, 1000, RC_TS_NANO, 4096, 20);
}

TEST(write_encoded_pcapng_same_bytes_as_write_buffered)
{
	same_file(RC_FORMAT_PCAPNG, 0, RC_TS_NANO, 0, 3);
}

TEST(write_encoded_pcapng_same_bytes_as_write_direct_snapped)
{
	same_file(RC_FORMAT_PCAPNG, 1000, RC_TS_NANO, 4096, 20);
}

TEST(write_encoded_limit_stops_before_the_record_past_it)
{
	static uint8_t recs[10 * (16 + 10000)];
	struct enc_case c = enc_case("limit.pcap", 10, 0, recs, sizeof(recs));
	rc_writer *w = c.w;
	size_t used = c.used, n = c.s.n;
	/* Record k starts at 24 + sum of the earlier records: a limit equal
	 * to where record 4 starts still lets it in (the file does not yet
	 * hold *more*), one byte less stops before it. */
	uint64_t start4 = 24;
	for (size_t i = 0; i < 4; i++)
		start4 += 16 + wt_caplen(i);
	size_t bytes, pkts;
	ASSERT_OK(rc_writer_write_encoded(w, recs, used, n, start4 - 1, &bytes, &pkts));
	ASSERT_UINT_EQ(pkts, 4);
	ASSERT_UINT_EQ(24 + bytes, start4);
	ASSERT_UINT_EQ(rc_writer_offset(w), start4);
	/* The rest, with a limit equal to the current size: one more record
	 * goes in, then the file holds more than the limit. */
	ASSERT_OK(rc_writer_write_encoded(w, recs + bytes, used - bytes, n - 4, start4, &bytes,
					  &pkts));
	ASSERT_UINT_EQ(pkts, 1);
	ASSERT_UINT_EQ(bytes, 16 + wt_caplen(4));
	/* Over the limit already: nothing goes in, and that is no error. */
	ASSERT_OK(rc_writer_write_encoded(w, recs, used, n, start4, &bytes, &pkts));
	ASSERT_UINT_EQ(pkts, 0);
	ASSERT_UINT_EQ(bytes, 0);
	enc_case_end(&c);
}

TEST(write_encoded_refuses_bad_calls_before_writing)
{
	uint8_t recs[3 * (16 + 100)];
	struct enc_case c = enc_case("bad.pcap", 3, 100, recs, sizeof(recs));
	rc_writer *w = c.w;
	size_t used = c.used;
	uint64_t off = rc_writer_offset(w);
	/* len and npkts disagree */
	ASSERT_INT_EQ(rc_writer_write_encoded(w, recs, used, 0, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_writer_write_encoded(w, recs, 10, 1, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_writer_write_encoded(w, recs, 40, 3, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "cannot be 3 records");
	/* a first record longer than the snap length or than the run */
	uint8_t bad[sizeof(recs)];
	memcpy(bad, recs, used);
	uint32_t big = 101;
	memcpy(bad + 8, &big, 4);
	ASSERT_INT_EQ(rc_writer_write_encoded(w, bad, used, 3, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_writer_write_encoded(w, recs, 16 + 50, 1, UINT64_MAX, NULL, NULL),
		      RC_EINVAL);
	ASSERT_INT_EQ(rc_writer_write_encoded(w, NULL, 16, 1, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_UINT_EQ(rc_writer_offset(w), off);
	/* nothing at all is a valid, empty call */
	size_t b = 1, k = 1;
	ASSERT_OK(rc_writer_write_encoded(w, NULL, 0, 0, UINT64_MAX, &b, &k));
	ASSERT_UINT_EQ(b, 0);
	ASSERT_UINT_EQ(k, 0);
	/* not sticky: a good call still works */
	ASSERT_OK(rc_writer_write_encoded(w, recs, used, 3, UINT64_MAX, NULL, NULL));
	ASSERT_UINT_EQ(rc_writer_offset(w), off + used);
	enc_case_end(&c);
}

/* file.h: npkts is trusted once the cheap checks pass (counting the
 * records would cost the -r -w fast path a walk over all of them), so the
 * packet count follows the caller, not the file. */
TEST(write_encoded_trusts_npkts_that_passes_the_cheap_checks)
{
	uint8_t recs[3 * (16 + 100)];
	struct enc_case c = enc_case("trust.pcap", 3, 100, recs, sizeof(recs));
	size_t b, k;
	ASSERT_OK(rc_writer_write_encoded(c.w, recs, c.used, 4, UINT64_MAX, &b, &k));
	ASSERT_UINT_EQ(b, c.used);
	ASSERT_UINT_EQ(k, 4);
	ASSERT_UINT_EQ(rc_writer_packets(c.w), 4);
	enc_case_end(&c);
}

TEST(write_encoded_encoder_null_arguments)
{
	uint8_t recs[3 * (16 + 100)];
	struct enc_case c = enc_case("null.pcap", 3, 100, recs, sizeof(recs));
	uint8_t dst[256];
	ASSERT_INT_EQ(rc_encoder_encode(c.e, NULL, dst, sizeof(dst)), RC_EINVAL);
	ASSERT_INT_EQ(rc_encoder_encode(NULL, &c.s.pkts[0], dst, sizeof(dst)), RC_EINVAL);
	const void *rec = dst;
	ASSERT_INT_EQ(rc_encoder_reuse(c.e, NULL, &c.s.pkts[0], &rec), 0);
	ASSERT_PTR_EQ(rec, NULL);
	enc_case_end(&c);
}

TEST(write_encoded_refuses_a_pcapng_caplen_that_wraps_when_padded)
{
	/* caplen 2^32 - 3 padded to 4 in 32 bits is 0, which "fits" a 32-byte
	 * EPB; on an interface without a snap length nothing else stops it. */
	rc_writer_opts o = { .format = RC_FORMAT_PCAPNG, .linktype = RC_LINKTYPE_ETHERNET,
			     .no_default_iface = 1 };
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile("wrap.pcapng"), &o, err));
	rc_iface_info inf = { .linktype = RC_LINKTYPE_ETHERNET, .snaplen = 0, .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &inf), 0);
	uint64_t off = rc_writer_offset(w);
	uint32_t epb[8] = { 6 /* EPB */, 32, 0, 0, 0, 0xfffffffdu, 60, 32 };
	size_t b = 1, k = 1;
	ASSERT_INT_EQ(rc_writer_write_encoded(w, epb, sizeof(epb), 1, UINT64_MAX, &b, &k),
		      RC_EINVAL);
	ASSERT_UINT_EQ(k, 0);
	ASSERT_UINT_EQ(rc_writer_offset(w), off);
	epb[5] = 0; /* the same block with no data is fine */
	ASSERT_OK(rc_writer_write_encoded(w, epb, sizeof(epb), 1, UINT64_MAX, &b, &k));
	ASSERT_UINT_EQ(k, 1);
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_encoded_encoder_refusals)
{
	rc_writer_opts o;
	memset(&o, 0, sizeof(o));
	o.format = RC_FORMAT_PCAPNG;
	o.linktype = RC_LINKTYPE_ETHERNET;
	rc_writer *ng;
	rc_encoder *e;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_writer_open(&ng, rc_test_tmpfile("x.pcapng"), &o, err));
	uint8_t r[128];
	/* pcap records are not pcapng blocks */
	rc_writer *pw = open_pcap("y.pcap", 0, RC_TS_MICRO, 0);
	ASSERT_OK(rc_encoder_new(&e, pw, err));
	ASSERT_OK(rc_writer_close(pw));
	uint8_t data[40] = { 1, 2, 3 };
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = data;
	p.caplen = p.len = sizeof(data);
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 16 + 40);
	rc_encoder_free(e);
	ASSERT_INT_EQ(rc_writer_write_encoded(ng, r, 16 + 40, 1, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(ng), "pcapng, 1 interface(s) described");
	/* a pcapng encoder: blocks of interface 0 pass, of interface 1 (not
	 * described) do not, nor a packet with a comment */
	ASSERT_OK(rc_encoder_new(&e, ng, err));
	p.direction = RC_DIR_OUT;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, 28 + 40 + 12 + 3), 0); /* does not fit */
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 28 + 40 + 12 + 4);
	uint64_t off = rc_writer_offset(ng);
	p.ifindex = 1;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 28 + 40 + 12 + 4);
	ASSERT_INT_EQ(rc_writer_write_encoded(ng, r, 84, 1, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_writer_write_encoded(ng, r, 84, 3, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_UINT_EQ(rc_writer_offset(ng), off);
	p.ifindex = 0;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 84);
	ASSERT_INT_EQ(rc_writer_write_encoded(ng, r, 80, 1, UINT64_MAX, NULL, NULL), RC_EINVAL);
	ASSERT_OK(rc_writer_write_encoded(ng, r, 84, 1, UINT64_MAX, NULL, NULL));
	ASSERT_UINT_EQ(rc_writer_offset(ng), off + 84);
	p.flags = RC_PKT_HAS_COMMENT;
	p.comment = "c";
	p.comment_len = 1;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), RC_ENOTSUP);
	rc_encoder_free(e);
	ASSERT_OK(rc_writer_close(ng));
	ASSERT_INT_EQ(rc_encoder_new(&e, NULL, err), RC_EINVAL);

	rc_writer *w = open_pcap("enc.pcap", 0, RC_TS_MICRO, 0);
	ASSERT_OK(rc_encoder_new(&e, w, err));
	ASSERT_OK(rc_writer_close(w)); /* the encoder does not need the writer */
	memset(&p, 0, sizeof(p));
	p.data = data;
	p.caplen = p.len = sizeof(data);
	p.ts_nsec = 1700000000123456789ull;
	memset(r, 0xee, sizeof(r));
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, 16 + 39), 0); /* does not fit */
	ASSERT_UINT_EQ(r[0], 0xee);
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 16 + 40);
	uint32_t h[4];
	memcpy(h, r, sizeof(h));
	ASSERT_UINT_EQ(h[0], 1700000000);
	ASSERT_UINT_EQ(h[1], 123456); /* microseconds */
	ASSERT_UINT_EQ(h[2], 40);
	ASSERT_UINT_EQ(h[3], 40);
	ASSERT_MEM_EQ(r + 16, data, 40);
	p.ts_nsec = (UINT64_C(1) << 32) * 1000000000u; /* 2106 */
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), RC_EINVAL);
	p.ts_nsec = 0;
	p.data = NULL;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), RC_EINVAL);
	/* An empty packet needs no data (as rc_writer_write). */
	p.caplen = 0;
	ASSERT_INT_EQ(rc_encoder_encode(e, &p, r, sizeof(r)), 16);
	rc_encoder_free(e);
	rc_encoder_free(NULL);
}

/* Every record of a run parses back to the packet it was made from
 * (stamps at the file's precision), lengths and all; a cut or foreign
 * record is refused. */
static void parse_back(rc_writer *w, int ng, uint64_t ts_unit)
{
	char err[RC_ERRBUF_SIZE];
	rc_encoder *e;
	ASSERT_OK(rc_encoder_new(&e, w, err));
	wt_stream s = wt_make(50);
	for (size_t i = 0; i < s.n; i++) {
		s.pkts[i].ifindex = (uint32_t)(i % 3);
		s.pkts[i].direction = (uint8_t)(i % 3);
	}
	size_t cap = s.n * (48 + 10000);
	uint8_t *recs = malloc(cap);
	ASSERT_TRUE(recs != NULL);
	size_t used = rc_test_encode(e, s.pkts, s.n, recs, cap), off = 0;
	static uint8_t one[48 + 10000];
	for (size_t i = 0; i < s.n; i++) {
		const rc_packet *p = &s.pkts[i];
		rc_record_info ri;
		ASSERT_OK(rc_encoder_parse(e, recs + off, used - off, &ri));
		uint32_t cut = p->caplen < 100 ? p->caplen : 100; /* the snap length */
		ASSERT_UINT_EQ(ri.ts_nsec, p->ts_nsec / ts_unit * ts_unit);
		ASSERT_UINT_EQ(ri.caplen, cut);
		ASSERT_UINT_EQ(ri.len, p->len);
		ASSERT_UINT_EQ(ri.iface, ng ? p->ifindex : 0);
		ASSERT_UINT_EQ(ri.rec_len, (size_t)rc_encoder_encode(e, p, one, sizeof(one)));
		/* one byte short of the record, or of a header: refused */
		ASSERT_INT_EQ(rc_encoder_parse(e, recs + off, ri.rec_len - 1, &ri), RC_EINVAL);
		ASSERT_INT_EQ(rc_encoder_parse(e, recs + off, ng ? 31 : 15, &ri), RC_EINVAL);
		off += (size_t)rc_encoder_encode(e, p, one, sizeof(one));
	}
	ASSERT_UINT_EQ(off, used);
	rc_record_info ri;
	if (ng) {
		recs[0] = 3; /* a Packet Block is not an EPB */
		ASSERT_INT_EQ(rc_encoder_parse(e, recs, used, &ri), RC_EINVAL);
		recs[0] = 6;
		recs[4] = 30; /* total length below the 32 of an empty EPB */
		recs[5] = recs[6] = recs[7] = 0;
		ASSERT_INT_EQ(rc_encoder_parse(e, recs, used, &ri), RC_EINVAL);
	} else {
		uint32_t big = UINT32_MAX; /* caplen past the end */
		memcpy(recs + 8, &big, 4);
		ASSERT_INT_EQ(rc_encoder_parse(e, recs, used, &ri), RC_EINVAL);
	}
	free(recs);
	rc_encoder_free(e);
	wt_free(&s);
}

TEST(write_encoded_records_parse_back)
{
	rc_writer *w = open_pcap("p_micro.pcap", 100, RC_TS_MICRO, 0);
	parse_back(w, 0, 1000);
	ASSERT_OK(rc_writer_close(w));
	w = open_pcap("p_nano.pcap", 100, RC_TS_NANO, 0);
	parse_back(w, 0, 1);
	ASSERT_OK(rc_writer_close(w));
	w = open_pcapng("p.pcapng", 100, 0);
	parse_back(w, 1, 1);
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_encoded_reuse_only_for_records_from_the_reader)
{
	/* A host-order pcap of three 60-byte records. */
	wt_stream s = wt_make(3);
	rc_writer *w = open_pcap("src.pcap", 100, RC_TS_NANO, 0);
	for (size_t i = 0; i < 3; i++)
		ASSERT_OK(rc_writer_write(w, &s.pkts[i]));
	ASSERT_OK(rc_writer_close(w));
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&r, rc_test_tmpfile("src.pcap"), NULL, err));
	rc_writer *nano = open_pcap("nano.pcap", 100, RC_TS_NANO, 0);
	rc_writer *micro = open_pcap("micro.pcap", 100, RC_TS_MICRO, 0);
	rc_writer *small = open_pcap("small.pcap", 50, RC_TS_NANO, 0);
	rc_encoder *en, *em, *es;
	ASSERT_OK(rc_encoder_new(&en, nano, err));
	ASSERT_OK(rc_encoder_new(&em, micro, err));
	ASSERT_OK(rc_encoder_new(&es, small, err));
	rc_packet p;
	const void *rec;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	/* The same settings: the file's own record, right before the data. */
	ASSERT_INT_EQ(rc_encoder_reuse(en, r, &p, &rec), 16 + (long)p.caplen);
	ASSERT_TRUE((const uint8_t *)rec + 16 == p.data);
	/* Another precision or a smaller snap length: not as it is. */
	ASSERT_INT_EQ(rc_encoder_reuse(em, r, &p, &rec), 0);
	ASSERT_TRUE(rec == NULL);
	ASSERT_INT_EQ(rc_encoder_reuse(es, r, &p, &rec), 0);
	/* A packet that is not in the reader's memory. */
	rc_packet mine = p;
	uint8_t copy[64 + 16];
	memcpy(copy, p.data - 16, 16 + p.caplen < sizeof(copy) ? 16 + p.caplen : sizeof(copy));
	mine.data = copy + 16;
	ASSERT_INT_EQ(rc_encoder_reuse(en, r, &mine, &rec), 0);
	rc_reader_close(r);
	/* pcapng input: never. */
	rc_writer_opts o;
	memset(&o, 0, sizeof(o));
	o.format = RC_FORMAT_PCAPNG;
	o.linktype = RC_LINKTYPE_ETHERNET;
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile("src.pcapng"), &o, err));
	ASSERT_OK(rc_writer_write(w, &s.pkts[0]));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_OK(rc_reader_open(&r, rc_test_tmpfile("src.pcapng"), NULL, err));
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	ASSERT_INT_EQ(rc_encoder_reuse(en, r, &p, &rec), 0);
	rc_reader_close(r);
	rc_encoder_free(en);
	rc_encoder_free(em);
	rc_encoder_free(es);
	ASSERT_OK(rc_writer_close(nano));
	ASSERT_OK(rc_writer_close(micro));
	ASSERT_OK(rc_writer_close(small));
	wt_free(&s);
}

/* rc_encoder_encode_batch writes what rc_encoder_encode writes packet by
 * packet, stops at the first record that does not fit (for every room cut
 * from nothing to the whole), and at a packet the encoder refuses, saying
 * which; pcap in both precisions with a snap length cut, and pcapng with
 * directions (epb_flags). */
static void batch_same_as_single(rc_writer *w, wt_stream *s)
{
	char err[RC_ERRBUF_SIZE];
	rc_encoder *e;
	ASSERT_OK(rc_encoder_new(&e, w, err));
	size_t cap = 0;
	for (size_t i = 0; i < s->n; i++)
		cap += 48 + s->pkts[i].caplen;
	uint8_t *one = malloc(cap), *all = malloc(cap);
	size_t *end = malloc((s->n + 1) * sizeof(*end));
	ASSERT_TRUE(one && all && end);
	end[0] = 0;
	uint64_t wire = 0;
	for (size_t i = 0; i < s->n; i++) {
		long k = rc_encoder_encode(e, &s->pkts[i], one + end[i], cap - end[i]);
		ASSERT_TRUE(k > 0);
		end[i + 1] = end[i] + (size_t)k;
		wire += s->pkts[i].len;
	}
	rc_encoded_run run;
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, s->n, all, cap, &run), s->n);
	ASSERT_UINT_EQ(run.bytes, end[s->n]);
	ASSERT_UINT_EQ(run.wire_bytes, wire);
	ASSERT_INT_EQ(run.stop, 0);
	ASSERT_MEM_EQ(all, one, end[s->n]);
	/* every room: as many whole records as fit, then stop = 0 */
	for (size_t room = 0, k = 0; room <= end[s->n]; room += 7) {
		while (k < s->n && end[k + 1] <= room)
			k++;
		memset(all, 0xee, cap);
		ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, s->n, all, room, &run), k);
		ASSERT_UINT_EQ(run.bytes, end[k]);
		ASSERT_INT_EQ(run.stop, 0);
		ASSERT_MEM_EQ(all, one, end[k]);
		if (end[k] < cap)
			ASSERT_UINT_EQ(all[end[k]], 0xee); /* nothing past the last whole record */
	}
	/* a packet the encoder refuses stops the batch before it */
	const uint8_t *saved = s->pkts[5].data;
	s->pkts[5].data = NULL;
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, s->n, all, cap, NULL), 5);
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, s->n, all, cap, &run), 5);
	ASSERT_UINT_EQ(run.bytes, end[5]);
	ASSERT_INT_EQ(run.stop, RC_EINVAL);
	s->pkts[5].data = saved;
	/* nothing to do, and bad calls */
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, 0, all, cap, &run), 0);
	ASSERT_INT_EQ(run.stop, 0);
	ASSERT_UINT_EQ(rc_encoder_encode_batch(NULL, s->pkts, 1, all, cap, &run), 0);
	ASSERT_INT_EQ(run.stop, RC_EINVAL);
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, NULL, 1, all, cap, &run), 0);
	ASSERT_INT_EQ(run.stop, RC_EINVAL);
	ASSERT_UINT_EQ(rc_encoder_encode_batch(e, s->pkts, 1, NULL, cap, &run), 0);
	ASSERT_INT_EQ(run.stop, RC_EINVAL);
	rc_encoder_free(e);
	free(one);
	free(all);
	free(end);
}

TEST(write_encoded_batch_same_as_one_by_one_pcap)
{
	wt_stream s = wt_make(60);
	rc_writer *w = open_pcap("batch_micro.pcap", 0, RC_TS_MICRO, 0);
	batch_same_as_single(w, &s);
	ASSERT_OK(rc_writer_close(w));
	w = open_pcap("batch_nano.pcap", 100, RC_TS_NANO, 0);
	batch_same_as_single(w, &s);
	ASSERT_OK(rc_writer_close(w));
	wt_free(&s);
}

TEST(write_encoded_batch_same_as_one_by_one_pcapng)
{
	wt_stream s = wt_make(60);
	for (size_t i = 0; i < s.n; i++) {
		s.pkts[i].ifindex = (uint32_t)(i % 2);
		s.pkts[i].direction = (uint8_t)(i % 3); /* unknown, in, out */
	}
	rc_writer *w = open_pcapng("batch.pcapng", 100, 0);
	batch_same_as_single(w, &s);
	ASSERT_OK(rc_writer_close(w));
	wt_free(&s);
}

/*
 * test_cli_live_units.c - the live CLI's parts without a network: option
 * parsing, tcpdump's rotation names and batched rotation, the closing
 * counts and --stats line, JSON output (parsed by python3), and the writer
 * pipeline's merge order and drop accounting.
 */
#include "harness.h"
#include "testutil.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "options.h"
#include "outbuf.h"
#include "rotate.h"
#include "stats_line.h"
#include "writer_thread.h"
#include "ringcap/capture.h"
#include "ringcap/linktype.h"

static int parse(struct rc__cli_opts *o, char *err, const char *a1, const char *a2, const char *a3)
{
	char *argv[] = { "ringcap", (char *)a1, (char *)a2, (char *)a3, NULL };
	int argc = 1 + (a1 != NULL) + (a2 != NULL) + (a3 != NULL);
	return rc__cli_parse(argc, argv, o, err, 256);
}

TEST(cli_live_options_parse_tcpdump_letters)
{
	struct rc__cli_opts o;
	char err[256];
	char *argv[] = { "ringcap", "-i", "eth0", "-i", "any", "-pQ", "in", "-s", "96", "-B",
			 "8192", "-C", "100", "-W", "10", "-Z", "nobody", "--threads", "4",
			 "--fanout-mode", "lb", "--stats", "2", "--json", "-lU", "tcp", NULL };
	ASSERT_INT_EQ(rc__cli_parse(26, argv, &o, err, sizeof(err)), 0);
	ASSERT_UINT_EQ(o.live.nifaces, 2);
	ASSERT_STR_EQ(o.live.ifaces[1], "any");
	ASSERT_INT_EQ(o.live.no_promisc, 1);
	ASSERT_INT_EQ(o.live.direction, RC_CAPTURE_IN);
	ASSERT_INT_EQ(o.live.snaplen_bytes, 96);
	ASSERT_INT_EQ(o.live.ring_kib, 8192);
	ASSERT_INT_EQ(o.live.rotate_mb, 100);
	ASSERT_INT_EQ(o.live.file_count, 10);
	ASSERT_STR_EQ(o.live.drop_user, "nobody");
	ASSERT_INT_EQ(o.live.threads, 4);
	ASSERT_INT_EQ(o.live.fanout_mode, RC_FANOUT_LB);
	ASSERT_INT_EQ(o.live.stats_secs, 2);
	ASSERT_INT_EQ(o.live.json, 1);
	ASSERT_INT_EQ(o.live.line_buffered, 1);
	ASSERT_INT_EQ(o.live.packet_buffered, 1);
	ASSERT_STR_EQ(o.filter_expr, "tcp");
	rc__cli_opts_free(&o);
}

TEST(cli_live_options_reject_bad_values_clearly)
{
	struct rc__cli_opts o;
	char err[256];
	ASSERT_INT_EQ(parse(&o, err, "-Q", "both", NULL), -1);
	ASSERT_STR_EQ(err, "invalid -Q direction 'both' (expected in, out or inout)");
	rc__cli_opts_free(&o);
	ASSERT_INT_EQ(parse(&o, err, "-j", "adapter", NULL), -1);
	ASSERT_STR_CONTAINS(err, "'adapter' is not supported on Linux");
	rc__cli_opts_free(&o);
	ASSERT_INT_EQ(parse(&o, err, "-C", "0", NULL), -1);
	ASSERT_STR_EQ(err, "invalid file size in MB for -C '0' (expected 1..1000000)");
	rc__cli_opts_free(&o);
	ASSERT_INT_EQ(parse(&o, err, "--threads", "x", NULL), -1);
	ASSERT_STR_CONTAINS(err, "thread count");
	rc__cli_opts_free(&o);
	ASSERT_INT_EQ(parse(&o, err, "--fanout-mode", "fast", NULL), -1);
	ASSERT_STR_CONTAINS(err, "unknown --fanout-mode 'fast'");
	rc__cli_opts_free(&o);
}

TEST(cli_live_usage_errors_exit_2_before_capturing)
{
	char *out = NULL;
	int st = rc_test_sh(&out, "'%s/ringcap' -i lo -C 1 2>&1", rc_test_builddir());
	ASSERT_INT_EQ(st, 2);
	ASSERT_STR_CONTAINS(out, "ringcap: -C, -G and -W need -w FILE");
	free(out);
	st = rc_test_sh(&out, "'%s/ringcap' -i lo -w x.pcap -W 3 2>&1", rc_test_builddir());
	ASSERT_INT_EQ(st, 2);
	ASSERT_STR_CONTAINS(out, "ringcap: -W needs -C or -G");
	free(out);
}

/* --json where no packet is printed is refused before a capture is
 * opened (so without root), and before -w's file is created; with -w,
 * --print prints them too. */
TEST(cli_live_json_where_nothing_is_printed_is_refused)
{
	static const char *const cases[][2] = {
		{ "-i lo -w '%s' --json",
		  "ringcap: --json: -w writes the packets instead of printing them; add --print to print "
		  "them too\n" },
		{ "-i lo --count --json", "ringcap: --json: --count prints no packets\n" },
		{ "-i lo --count -w '%s' --print", "ringcap: --print: --count prints no packets\n" },
	};
	char never[512]; /* rc_test_tmpfile's buffers are reused */
	snprintf(never, sizeof(never), "%s", rc_test_tmpfile("never.pcap"));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char args[1024], *out, *err;
		snprintf(args, sizeof(args), cases[i][0], never);
		ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 2);
		ASSERT_STR_EQ(out, "");
		ASSERT_STR_EQ(err, cases[i][1]);
		free(out);
		free(err);
		ASSERT_INT_NE(access(never, F_OK), 0);
	}
}

TEST(cli_live_rotation_names_follow_tcpdump)
{
	char b[256];
	/* -C alone: f, f1, f2 */
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "f", 0, 0, 0, 0), 0);
	ASSERT_STR_EQ(b, "f");
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "f", 0, 0, 2, 0), 0);
	ASSERT_STR_EQ(b, "f2");
	/* -C with -W 3: f0, f1, f2 (digits of W-1 = 1) */
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "f", 0, 0, 0, 3), 0);
	ASSERT_STR_EQ(b, "f0");
	/* -W 11: two digits */
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "f", 0, 0, 7, 11), 0);
	ASSERT_STR_EQ(b, "f07");
	/* -W 10: one digit (0..9) */
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "f", 0, 0, 9, 10), 0);
	ASSERT_STR_EQ(b, "f9");
	/* -G: strftime */
	ASSERT_INT_EQ(rc__rot_make_name(b, sizeof(b), "d_%s.pcap", 1, 1700000000, 0, 0), 0);
	ASSERT_STR_EQ(b, "d_1700000000.pcap");
	/* too long */
	ASSERT_INT_EQ(rc__rot_make_name(b, 4, "abcdef", 0, 0, 0, 0), -1);
}

/* How rotate_frames hands the packets over. */
enum rot_mode { ROT_ONE, ROT_BATCH, ROT_ENCODED };

/* Write 3000 frames of 60..1500 bytes (snap length 1000, so the writer
 * cuts some) with -C 1 into files named base, base1, ...: one call per
 * packet (ROT_ONE), batches of 64 (ROT_BATCH), or the same batches encoded
 * with the rotation's own encoder and handed over as records
 * (ROT_ENCODED).  Returns the number of files.
 * pcapng: packets of kernel interfaces 1 (lo, named) and 1000 (none), and
 * from packet 2000 on - after the first rotation - also 1001, in and out. */
static unsigned rotate_frames(const char *base, enum rot_mode mode, int format)
{
	static uint8_t data[1500];
	rc_packet pkts[3000];
	memset(pkts, 0, sizeof(pkts));
	for (unsigned i = 0; i < 3000; i++) {
		pkts[i].data = data;
		pkts[i].caplen = pkts[i].len = 60 + (i * 977u) % 1441u;
		pkts[i].ts_nsec = 1700000000000000000ull + i * 1000ull;
		pkts[i].ifindex = i % 2 ? 1 : i >= 2000 && i % 4 == 0 ? 1001 : 1000;
		pkts[i].direction = (uint8_t)(i % 3);
		pkts[i].linktype = RC_LINKTYPE_ETHERNET;
	}
	struct rc__rot_cfg cfg;
	memset(&cfg, 0, sizeof(cfg));
	cfg.path = base;
	cfg.format = format;
	cfg.linktype = RC_LINKTYPE_ETHERNET;
	cfg.snaplen = 1000;
	cfg.ts_precision = RC_TS_MICRO;
	cfg.size_mb = 1;
	struct rc__rot *r;
	char err[512];
	if (rc__rot_open(&r, &cfg, err, sizeof(err)) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc__rot_open: %s", err);
	const rc_encoder *e = rc__rot_encoder(r);
	static uint8_t recs[64 * (48 + 1000)];
	for (unsigned i = 0; i < 3000;) {
		size_t n = mode != ROT_ONE ? (3000 - i < 64 ? 3000 - i : 64) : 1, done = n;
		int st;
		if (mode == ROT_ONE)
			st = rc__rot_write(r, &pkts[i], err, sizeof(err));
		else if (mode == ROT_BATCH)
			st = rc__rot_write_batch(r, &pkts[i], n, &done, err, sizeof(err));
		else
			st = rc__rot_write_encoded(r, recs, rc_test_encode(e, &pkts[i], n, recs, sizeof(recs)),
						   n, RC_LINKTYPE_ETHERNET, &done, err, sizeof(err));
		if (st < 0 || done != n)
			rc_test_fail(__FILE__, __LINE__, "write at packet %u: %s", i, err);
		i += (unsigned)n;
	}
	if (rc__rot_close(r, NULL, err, sizeof(err)) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc__rot_close: %s", err);
	unsigned files = 0;
	char name[600];
	for (;; files++) {
		rc__rot_make_name(name, sizeof(name), base, 0, 0, files, 0);
		if (access(name, F_OK) != 0)
			return files;
	}
}

/* The three ways to hand packets to a rotation give the same files; n: how
 * many files ~2.3 MB of records make over -C 1. */
static void same_rotated_files(const char *ext, int format, unsigned n)
{
	static const char *const modes[] = { "one", "batch", "encoded" };
	char base[3][512], name[3][600];
	unsigned files[3];
	for (int m = 0; m < 3; m++) {
		char leaf[64];
		snprintf(leaf, sizeof(leaf), "%s.%s", modes[m], ext);
		snprintf(base[m], sizeof(base[m]), "%s", rc_test_tmpfile(leaf));
		files[m] = rotate_frames(base[m], (enum rot_mode)m, format);
	}
	ASSERT_UINT_EQ(files[ROT_ONE], n);
	ASSERT_UINT_EQ(files[ROT_BATCH], files[ROT_ONE]);
	ASSERT_UINT_EQ(files[ROT_ENCODED], files[ROT_ONE]);
	for (unsigned k = 0; k < files[ROT_ONE]; k++) {
		size_t len[3];
		unsigned char *f[3];
		for (int m = 0; m < 3; m++) {
			rc__rot_make_name(name[m], sizeof(name[m]), base[m], 0, 0, k, 0);
			f[m] = rc_test_read_file(name[m], &len[m]);
		}
		for (int m = 1; m < 3; m++) {
			ASSERT_UINT_EQ(len[m], len[ROT_ONE]);
			ASSERT_MEM_EQ(f[m], f[ROT_ONE], len[ROT_ONE]);
		}
		for (int m = 0; m < 3; m++)
			free(f[m]);
	}
}

TEST(cli_live_rotation_batch_and_encoded_write_the_same_files)
{
	same_rotated_files("pcap", RC_FORMAT_PCAP, 3);
}

/* pcapng: besides the same bytes, every file describes every interface
 * seen so far, with the same number (first seen first: 1000 -> 0, lo -> 1,
 * 1001 -> 2), and each block names the right one. */
TEST(cli_live_rotation_pcapng_numbers_interfaces_alike_in_every_file)
{
	same_rotated_files("pcapng", RC_FORMAT_PCAPNG, 3);
	size_t total = 0;
	for (unsigned k = 0; k < 3; k++) {
		char name[600];
		rc__rot_make_name(name, sizeof(name), rc_test_tmpfile("encoded.pcapng"), 0, 0, k, 0);
		rc_reader *rd;
		char err[RC_ERRBUF_SIZE];
		ASSERT_OK(rc_reader_open(&rd, name, NULL, err));
		rc_packet p;
		uint64_t last = 0;
		int st;
		while ((st = rc_reader_next(rd, &p)) == 1) {
			uint64_t i = (p.ts_nsec - 1700000000000000000ull) / 1000u;
			uint32_t idb = i % 2 ? 1 : i >= 2000 && i % 4 == 0 ? 2 : 0;
			ASSERT_UINT_EQ(p.ifindex, idb);
			ASSERT_UINT_EQ(p.direction, i % 3);
			last = i;
			total++;
		}
		ASSERT_INT_EQ(st, RC_EEOF);
		ASSERT_UINT_EQ(rc_reader_iface_count(rd), last >= 2000 ? 3 : 2);
		rc_iface_info info;
		ASSERT_OK(rc_reader_iface(rd, 1, &info));
		ASSERT_STR_EQ(info.name, "lo");
		rc_reader_close(rd);
	}
	ASSERT_UINT_EQ(total, 3000);
}

TEST(cli_live_closing_counts_use_singular_and_plural)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rc__stats_final(f, 1, 2, 0, 0);
	fclose(f);
	ASSERT_STR_EQ(buf, "1 packet captured\n2 packets received by filter\n0 packets dropped by kernel\n");
	free(buf);
	f = open_memstream(&buf, &len);
	rc__stats_final(f, 5, 9, 1, 3);
	fclose(f);
	ASSERT_STR_EQ(buf, "5 packets captured\n9 packets received by filter\n1 packet dropped by kernel\n"
			   "3 packets dropped by ringcap\n");
	free(buf);
}

TEST(cli_live_stats_line_rates_and_counts)
{
	struct rc__stats_sample a, b;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.mono_nsec = 1000000000u;
	b.mono_nsec = 3000000000u; /* 2 s later */
	a.captured = 100;
	b.captured = 3100;
	a.captured_bytes = 0;
	b.captured_bytes = 3000000;
	b.kernel_dropped = 7;
	b.ringcap_dropped = 2;
	b.file_bytes = 12400000;
	char line[256];
	rc__stats_line_format(line, sizeof(line), &a, &b, 1);
	ASSERT_STR_EQ(line, "1500 pkts/s 1.5 MB/s | captured 3100 | dropped: kernel 7, ringcap 2 | file 12.4 MB");
	rc__stats_line_format(line, sizeof(line), &a, &b, 0);
	ASSERT_STR_EQ(line, "1500 pkts/s 1.5 MB/s | captured 3100 | dropped: kernel 7, ringcap 2");
}

static const uint8_t tcp_frame[] = {
	/* Ethernet */
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x81, 0x00,
	/* 802.1Q id 5 pcp 3 -> IPv4 */
	0x60, 0x05, 0x08, 0x00,
	/* IPv4, 40 bytes, TCP */
	0x45, 0x00, 0x00, 0x28, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00, 10, 0, 0, 1, 10, 0,
	0, 2,
	/* TCP 1234 -> 80, SYN */
	0x04, 0xd2, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xfa, 0xf0, 0, 0, 0, 0,
};

TEST(cli_live_json_decodes_layers_and_escapes)
{
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, -1));
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = tcp_frame;
	p.caplen = p.len = sizeof(tcp_frame);
	p.linktype = RC_LINKTYPE_ETHERNET;
	p.ts_nsec = 1700000000123456789ull;
	rc__json_packet(&ob, &p, "we\"ird\\\n");
	ASSERT_STR_EQ(rc__ob_str(&ob),
		      "{\"ts\":1700000000.123456789,\"interface\":\"we\\\"ird\\\\\\u000a\",\"len\":58,"
		      "\"caplen\":58,\"eth\":{\"src\":\"02:00:00:00:00:01\",\"dst\":\"00:11:22:33:44:55\","
		      "\"type\":33024},\"vlan\":[{\"tpid\":33024,\"id\":5,\"pcp\":3,\"type\":2048}],"
		      "\"ip\":{\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.2\",\"proto\":6,\"ttl\":64,\"len\":40,"
		      "\"id\":4660,\"frag\":0,\"mf\":false},\"tcp\":{\"sport\":1234,\"dport\":80,\"seq\":1,"
		      "\"ack\":0,\"flags\":\"S\",\"win\":64240,\"len\":0}}\n");
	/* Cut inside TCP: the layer is replaced by the truncation mark. */
	rc__ob_reset(&ob);
	p.caplen = 40;
	rc__json_packet(&ob, &p, NULL);
	ASSERT_STR_CONTAINS(rc__ob_str(&ob), "\"mf\":false},\"truncated\":true}\n");
	rc__ob_free(&ob);
}

TEST(cli_live_json_is_valid_for_python_on_every_prefix)
{
	rc_test_need_tool("python3");
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, -1));
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = tcp_frame;
	p.linktype = RC_LINKTYPE_ETHERNET;
	for (uint32_t n = 0; n <= sizeof(tcp_frame); n++) {
		p.caplen = n;
		p.len = sizeof(tcp_frame);
		rc__json_packet(&ob, &p, "eth0");
	}
	const char *path = rc_test_tmpfile("j.jsonl");
	rc_test_write_file(path, rc__ob_str(&ob), strlen(rc__ob_str(&ob)));
	rc__ob_free(&ob);
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out,
				 "/usr/bin/python3 -c 'import json,sys\n"
				 "print(sum(1 for l in open(sys.argv[1]) if json.loads(l)[\"len\"] == 58))' '%s'",
				 path),
		      0);
	ASSERT_STR_EQ(out, "59\n");
	free(out);
}

/* ---- writer pipeline ---- */

struct collect {
	uint64_t ts[4096];
	unsigned n;
	atomic_int gate; /* sink waits while 0 */
	atomic_int flushes;
	atomic_uint seen_at_flush; /* packets the sink had taken at the last flush */
	int flush_status;
};

/* End the pipeline and check how it ended and its counts. */
static void finish_expect(struct rc__wt *w, int status, uint64_t emitted, uint64_t dropped)
{
	uint64_t e, d;
	ASSERT_INT_EQ(rc__wt_finish(w, &e, &d), status);
	ASSERT_UINT_EQ(e, emitted);
	ASSERT_UINT_EQ(d, dropped);
}

static int collect_sink(void *user, unsigned s, const rc_packet *pkts, size_t n, size_t *taken)
{
	(void)s;
	(void)taken;
	struct collect *c = user;
	while (!atomic_load(&c->gate))
		usleep(1000);
	for (size_t i = 0; i < n; i++)
		if (c->n < 4096)
			c->ts[c->n++] = pkts[i].ts_nsec;
	return 0;
}

TEST(cli_live_writer_merges_sources_in_time_order)
{
	struct collect c;
	memset(&c, 0, sizeof(c));
	atomic_store(&c.gate, 1);
	struct rc__wt *w;
	ASSERT_OK(rc__wt_create(&w, 2, 1u << 16, 16, 1, collect_sink, &c));
	uint8_t data[64] = { 0 };
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = data;
	p.caplen = p.len = sizeof(data);
	/* Source 0: even stamps, source 1: odd; pushed in uneven chunks. */
	for (unsigned i = 0; i < 1000; i++) {
		p.ts_nsec = 1000 + 2 * i;
		ASSERT_UINT_EQ(rc__wt_put(w, 0, &p, 1), 1);
		if (i % 333 == 0)
			rc__wt_push(w, 0, p.ts_nsec);
	}
	/* As a capture thread does on its read timeout: all handed over. */
	rc__wt_push(w, 0, p.ts_nsec);
	for (unsigned i = 0; i < 1000; i++) {
		p.ts_nsec = 1001 + 2 * i;
		ASSERT_UINT_EQ(rc__wt_put(w, 1, &p, 1), 1);
		if (i % 250 == 0)
			rc__wt_push(w, 1, p.ts_nsec);
	}
	rc__wt_source_done(w, 0);
	rc__wt_source_done(w, 1);
	finish_expect(w, 0, 2000, 0);
	ASSERT_UINT_EQ(c.n, 2000);
	for (unsigned i = 0; i < 2000; i++)
		ASSERT_UINT_EQ(c.ts[i], 1000 + i);
}

struct raw_collect {
	size_t pkts, bytes, calls;
	uint64_t wire;
	uint32_t next_len; /* the len the next record must carry */
	int bad;
	size_t stop_after; /* take only this many packets of the first call, then stop */
};

/* Checks each record in order: lengths 100, 101, ... (see the test). */
static int raw_sink(void *user, unsigned s, uint8_t *recs, size_t len, size_t n,
		    uint64_t wire_bytes, size_t *taken)
{
	(void)s;
	struct raw_collect *c = user;
	size_t off = 0, k = 0;
	for (; off + 16 <= len; k++) {
		uint32_t h[4];
		memcpy(h, recs + off, sizeof(h));
		if (h[3] != c->next_len++ || h[2] != (h[3] < 200 ? h[3] : 200) ||
		    recs[off + 16] != (uint8_t)h[3])
			c->bad = 1;
		off += 16 + h[2];
	}
	if (off != len || k != n)
		c->bad = 1;
	c->calls++;
	if (c->stop_after) {
		*taken = c->stop_after;
		c->pkts += c->stop_after;
		return RC_EBREAK;
	}
	c->pkts += n;
	c->bytes += len;
	c->wire += wire_bytes;
	return 0;
}

static rc_encoder *test_encoder(uint32_t snaplen)
{
	rc_writer_opts o;
	memset(&o, 0, sizeof(o));
	o.format = RC_FORMAT_PCAP;
	o.linktype = RC_LINKTYPE_ETHERNET;
	o.snaplen = snaplen;
	rc_writer *wr;
	rc_encoder *e;
	char err[RC_ERRBUF_SIZE];
	if (rc_writer_open(&wr, rc_test_tmpfile("enc.pcap"), &o, err) < 0 ||
	    rc_encoder_new(&e, wr, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "encoder: %s", err);
	rc_writer_close(wr); /* the encoder outlives its writer */
	return e;
}

TEST(cli_live_writer_encoded_mode_hands_over_whole_records)
{
	rc_encoder *e = test_encoder(200);
	struct raw_collect c;
	memset(&c, 0, sizeof(c));
	c.next_len = 100;
	struct rc__wt *w;
	ASSERT_OK(rc__wt_create_encoded(&w, 1, 8192, 64, e, raw_sink, &c));
	uint8_t data[300];
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = data;
	uint64_t wire = 0;
	/* 300 packets of 100..299 bytes, cut to the snap length 200: many
	 * buffers of 8 KiB, each a whole number of records. */
	for (unsigned i = 0; i < 300; i++) {
		memset(data, (uint8_t)(100 + i), sizeof(data));
		p.caplen = p.len = 100 + i;
		p.ts_nsec = 1700000000000000000ull + i;
		wire += p.len;
		ASSERT_UINT_EQ(rc__wt_put(w, 0, &p, 1), 1);
	}
	rc__wt_source_done(w, 0);
	finish_expect(w, 0, 300, 0);
	ASSERT_UINT_EQ(c.pkts, 300);
	ASSERT_UINT_EQ(c.wire, wire);
	ASSERT_INT_EQ(c.bad, 0);
	ASSERT_UINT_GE(c.calls, 8); /* ~65 KB of records in 8 KiB buffers */

	/* A packet the encoder refuses (no data) is dropped and counted. */
	memset(&c, 0, sizeof(c));
	c.next_len = 100;
	ASSERT_OK(rc__wt_create_encoded(&w, 1, 8192, 4, e, raw_sink, &c));
	p.data = NULL;
	p.caplen = p.len = 100;
	ASSERT_UINT_EQ(rc__wt_put(w, 0, &p, 1), 0);
	rc__wt_source_done(w, 0);
	finish_expect(w, 0, 0, 1);
	rc_encoder_free(e);
}

TEST(cli_live_writer_encoded_mode_counts_a_partial_take)
{
	rc_encoder *e = test_encoder(200);
	struct raw_collect c;
	memset(&c, 0, sizeof(c));
	c.next_len = 100;
	c.stop_after = 3; /* e.g. -W reached inside the first buffer */
	struct rc__wt *w;
	ASSERT_OK(rc__wt_create_encoded(&w, 1, 1u << 16, 4, e, raw_sink, &c));
	uint8_t data[200] = { 0 };
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = data;
	for (unsigned i = 0; i < 10; i++) {
		data[0] = (uint8_t)(100 + i);
		p.caplen = p.len = 100 + i;
		ASSERT_UINT_EQ(rc__wt_put(w, 0, &p, 1), 1);
	}
	rc__wt_source_done(w, 0);
	finish_expect(w, RC_EBREAK, 3, 0);
	ASSERT_UINT_EQ(c.calls, 1);
	ASSERT_INT_EQ(c.bad, 0);
	rc_encoder_free(e);
}

TEST(cli_live_writer_counts_what_it_cannot_buffer)
{
	struct collect c;
	memset(&c, 0, sizeof(c));
	struct rc__wt *w;
	/* Two 8 KiB buffers, a sink that is stuck until the gate opens. */
	ASSERT_OK(rc__wt_create(&w, 1, 8192, 2, 0, collect_sink, &c));
	uint8_t data[1000] = { 0 };
	rc_packet p;
	memset(&p, 0, sizeof(p));
	p.data = data;
	p.caplen = p.len = sizeof(data);
	unsigned ok = 0, dropped_here = 0;
	uint64_t accepted[100];
	for (unsigned i = 0; i < 100; i++) {
		p.ts_nsec = i;
		if (rc__wt_put(w, 0, &p, 1) == 1)
			accepted[ok++] = i;
		else
			dropped_here++;
	}
	ASSERT_UINT_GE(dropped_here, 1);
	ASSERT_UINT_EQ(rc__wt_dropped(w), dropped_here);
	atomic_store(&c.gate, 1);
	rc__wt_source_done(w, 0);
	finish_expect(w, 0, ok, dropped_here);
	/* The sink got exactly the packets put accepted, in order: nothing
	 * refused reached it, nothing accepted was lost without a count. */
	ASSERT_UINT_EQ(c.n, ok);
	for (unsigned k = 0; k < ok; k++)
		ASSERT_UINT_EQ(c.ts[k], accepted[k]);
}

static int count_flush(void *user)
{
	struct collect *c = user;
	atomic_store(&c->seen_at_flush, c->n);
	atomic_fetch_add(&c->flushes, 1);
	return c->flush_status;
}

/* A pipeline with count_flush, 10 packets put and pushed at once. */
static struct rc__wt *flushing_pipeline(struct collect *c, int flush_status)
{
	memset(c, 0, sizeof(*c));
	atomic_store(&c->gate, 1);
	c->flush_status = flush_status;
	struct rc__wt *w;
	ASSERT_OK(rc__wt_create(&w, 1, 8192, 2, 0, collect_sink, c));
	rc__wt_set_flush(w, count_flush);
	static const uint8_t data[100];
	rc_packet p = { .data = data, .caplen = sizeof(data), .len = sizeof(data) };
	for (unsigned i = 0; i < 10; i++) {
		p.ts_nsec = i;
		ASSERT_UINT_EQ(rc__wt_put(w, 0, &p, 1), 1);
	}
	rc__wt_push(w, 0, 0);
	return w;
}

/* An idle writer calls the flush function once, RC__WT_FLUSH_NSEC after
 * the packets the sink took: no packet waits for the next one. */
TEST_TIMEOUT(cli_live_writer_flushes_when_idle, 20)
{
	struct collect c;
	long long t0 = rc_test_mono_ms();
	struct rc__wt *w = flushing_pipeline(&c, 0);
	while (atomic_load(&c.flushes) == 0 && rc_test_mono_ms() - t0 < 10000)
		usleep(10 * 1000);
	long long waited = rc_test_mono_ms() - t0;
	ASSERT_INT_EQ(atomic_load(&c.flushes), 1);
	ASSERT_UINT_EQ(atomic_load(&c.seen_at_flush), 10);
	ASSERT_INT_GE(waited, (long long)(RC__WT_FLUSH_NSEC / 1000000u));
	rc__wt_source_done(w, 0);
	finish_expect(w, 0, 10, 0);
}

/* A failing flush (a full disk) stops the pipeline with its status. */
TEST_TIMEOUT(cli_live_writer_stops_on_a_failed_flush, 20)
{
	struct collect c;
	long long t0 = rc_test_mono_ms();
	struct rc__wt *w = flushing_pipeline(&c, RC_EIO);
	while (!rc__wt_stopped(w) && rc_test_mono_ms() - t0 < 10000)
		usleep(10 * 1000);
	ASSERT_INT_EQ(rc__wt_stopped(w), 1);
	ASSERT_INT_EQ(atomic_load(&c.flushes), 1);
	rc__wt_source_done(w, 0);
	finish_expect(w, RC_EIO, 10, 0);
}

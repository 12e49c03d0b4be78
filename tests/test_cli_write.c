/*
 * test_cli_write.c - `ringcap -r IN -w OUT` writes files that tcpdump and
 * tshark read back with the same packets; pcapng output keeps every input
 * interface (and so mixed link types) as its own IDB.
 */
#include "harness.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "ringcap/file.h"

static void ringcap_ok(const char *args)
{
	int st = rc_test_sh(NULL, "'%s/ringcap' %s 2>/dev/null", rc_test_builddir(), args);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap %s exited with %d", args, st);
}

static char *tcpdump_text(const char *path)
{
	char *out = NULL;
	rc_test_sh(&out, "tcpdump -r '%s' -n -tt -xx 2>/dev/null", path);
	return out;
}

static int file_format(const char *path, int *linktype)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "cannot read back %s: %s", path, err);
	int f = rc_reader_format(r);
	*linktype = rc_reader_linktype(r);
	rc_reader_close(r);
	return f;
}

TEST(cli_write_pcap_holds_the_same_packets)
{
	rc_test_need_tool("tcpdump");
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/tcp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("out.pcap");
	snprintf(args, sizeof(args), "-r '%s' -w '%s'", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAP);
	ASSERT_INT_EQ(lt, RC_LINKTYPE_ETHERNET);
	char *want = tcpdump_text(in), *got = tcpdump_text(out);
	ASSERT_INT_GT(strlen(want), 100);
	ASSERT_STR_EQ(got, want);
	free(want);
	free(got);
}

TEST(cli_write_filtered_pcapng_by_extension)
{
	rc_test_need_tool("tcpdump");
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/udp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("dns.pcapng");
	snprintf(args, sizeof(args), "-r '%s' -w '%s' udp port 53", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAPNG);
	char *want = NULL, *got = NULL;
	rc_test_sh(&want, "tcpdump -r '%s' -n -tt -xx udp port 53 2>/dev/null", in);
	got = tcpdump_text(out);
	ASSERT_STR_EQ(got, want);
	free(want);
	free(got);
}

TEST(cli_write_format_option_overrides_the_extension)
{
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/icmp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("really-pcapng.pcap");
	snprintf(args, sizeof(args), "-r '%s' --format pcapng -w '%s'", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAPNG);
	out = rc_test_tmpfile("really-pcap.pcapng");
	snprintf(args, sizeof(args), "-r '%s' --format=pcap -w '%s'", in, out);
	ringcap_ok(args);
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAP);
}

TEST(cli_write_pcapng_keeps_each_input_interface)
{
	rc_test_need_tool("tshark");
	char args[2000];
	const char *src = rc_test_srcdir();
	const char *out = rc_test_tmpfile("mixed.pcapng");
	/* Three inputs with three link types: raw IPv6, raw IPv4, Linux SLL. */
	snprintf(args, sizeof(args),
		 "-r '%s/tests/cli/corpus/lt_ipv6.pcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' "
		 "-r '%s/tests/cli/corpus/lt_sll.pcap' -w '%s'",
		 src, src, src, out);
	ringcap_ok(args);
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "tshark -r '%s' -T fields -e frame.interface_id -e frame.len "
				       "2>/dev/null | tr '\\t\\n' ', '",
				 out),
		      0);
	ASSERT_STR_EQ(got, "0,48 1,32 1,40 2,48 2,64 2,56 2,44 2,48 2,48 2,52 ");
	free(got);
	ASSERT_INT_EQ(rc_test_sh(&got, "tshark -r '%s' -T fields -e frame.interface_id -e frame.encap_type "
				       "2>/dev/null | sort -u | tr '\\t\\n' ', '",
				 out),
		      0);
	/* Wireshark encapsulations: 130 raw IPv6, 129 raw IPv4, 25 Linux SLL. */
	ASSERT_STR_EQ(got, "0,130 1,129 2,25 ");
	free(got);
}

TEST(cli_write_pcap_rejects_a_second_link_type)
{
	char *err = NULL;
	const char *src = rc_test_srcdir();
	int st = rc_test_sh(&err, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' "
				  "-w '%s' 2>&1 >/dev/null | grep -v '^reading from'",
			    rc_test_builddir(), src, src, rc_test_tmpfile("mixed.pcap"));
	(void)st;
	ASSERT_STR_CONTAINS(err, "a pcap file holds one link type (228), this packet has 229; use --format pcapng");
	free(err);
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' "
				       "-w '%s' 2>/dev/null",
				 rc_test_builddir(), src, src, rc_test_tmpfile("mixed2.pcap")),
		      1);
}

/* ---- pcap to pcap: records copied as they are (rc_encoder_reuse) ---- */

static void same_files(const char *a, const char *b)
{
	size_t la, lb;
	unsigned char *fa = rc_test_read_file(a, &la), *fb = rc_test_read_file(b, &lb);
	ASSERT_UINT_EQ(lb, la);
	ASSERT_MEM_EQ(fb, fa, la);
	free(fa);
	free(fb);
}

/* 200 rounds of the 30 packets of corpus/apps.pcap (6000 packets, many
 * reader batches), time stamps moved on by 1 s per round. */
static void repeated_apps(const char *path)
{
	char src[512], err[RC_ERRBUF_SIZE];
	snprintf(src, sizeof(src), "%s/tests/cli/corpus/apps.pcap", rc_test_srcdir());
	rc_writer *w = NULL;
	for (int round = 0; round < 200; round++) {
		rc_reader *r;
		rc_packet p;
		ASSERT_OK(rc_reader_open(&r, src, NULL, err));
		if (!w) {
			rc_writer_opts o;
			memset(&o, 0, sizeof(o));
			o.format = RC_FORMAT_PCAP;
			o.linktype = (uint16_t)rc_reader_linktype(r);
			o.snaplen = rc_reader_snaplen(r);
			o.fcslen = -1;
			ASSERT_OK(rc_writer_open(&w, path, &o, err));
		}
		while (rc_reader_next(r, &p) == 1) {
			p.ts_nsec += (uint64_t)round * 1000000000u;
			ASSERT_OK(rc_writer_write(w, &p));
		}
		rc_reader_close(r);
	}
	ASSERT_OK(rc_writer_close(w));
}

TEST(cli_write_pcap_to_pcap_is_byte_for_byte_tcpdumps_file)
{
	rc_test_need_tool("tcpdump");
	char args[1200];
	const char *in = rc_test_tmpfile("apps200.pcap");
	repeated_apps(in);
	const char *out = rc_test_tmpfile("copy.pcap"), *want = rc_test_tmpfile("td.pcap");
	/* Everything: the input's own bytes, header included. */
	snprintf(args, sizeof(args), "-r '%s' -w '%s'", in, out);
	ringcap_ok(args);
	same_files(out, in);
	/* A filter that breaks the input into runs: what tcpdump writes. */
	snprintf(args, sizeof(args), "-r '%s' -w '%s' 'udp or tcp[tcpflags] & tcp-syn != 0'", in, out);
	ringcap_ok(args);
	ASSERT_INT_EQ(rc_test_sh(NULL, "tcpdump -r '%s' -w '%s' 'udp or tcp[tcpflags] & tcp-syn != 0' "
				       "2>/dev/null",
				 in, want),
		      0);
	same_files(out, want);
	/* From a pipe the reader streams: runs end with each batch. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "cat '%s' | '%s/ringcap' -r - -w '%s' "
				       "'udp or tcp[tcpflags] & tcp-syn != 0' 2>/dev/null",
				 in, rc_test_builddir(), out),
		      0);
	same_files(out, want);
}

/*
 * A pcap file of 6 records in the given byte order: plain ones, one whose
 * microseconds field is over a second, one whose caplen exceeds the file's
 * snap length (100).  None of the odd ones may be copied as they are.
 */
static void quirky_pcap(const char *path, int swap)
{
	static const uint32_t usec[6] = { 1, 2, 1500000, 4, 5, 6 };
	static const uint32_t caplen[6] = { 60, 60, 60, 150, 60, 60 };
	unsigned char buf[24 + 6 * (16 + 150)];
	size_t n = 0;
	uint32_t hdr[6] = { 0xa1b2c3d4u, 2u | 4u << 16, 0, 0, 100, 1 };
	for (int i = 0; i < 6; i++) {
		uint32_t v = swap ? __builtin_bswap32(hdr[i]) : hdr[i];
		memcpy(buf + n, &v, 4);
		n += 4;
	}
	if (!swap) { /* version: two u16 in host order */
		uint16_t ver[2] = { 2, 4 };
		memcpy(buf + 4, ver, 4);
	} else {
		uint16_t ver[2] = { __builtin_bswap16(2), __builtin_bswap16(4) };
		memcpy(buf + 4, ver, 4);
	}
	for (int i = 0; i < 6; i++) {
		uint32_t rec[4] = { 1700000000u + (uint32_t)i, usec[i], caplen[i], caplen[i] };
		for (int k = 0; k < 4; k++) {
			uint32_t v = swap ? __builtin_bswap32(rec[k]) : rec[k];
			memcpy(buf + n, &v, 4);
			n += 4;
		}
		memset(buf + n, 0x40 + i, caplen[i]);
		n += caplen[i];
	}
	rc_test_write_file(path, buf, n);
}

/* What rc_writer_write makes of every packet of in (the oracle). */
static void library_copy(const char *in, const char *out)
{
	rc_reader *r;
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&r, in, NULL, err));
	rc_writer_opts o;
	memset(&o, 0, sizeof(o));
	o.format = RC_FORMAT_PCAP;
	o.linktype = (uint16_t)rc_reader_linktype(r);
	o.snaplen = rc_reader_snaplen(r);
	o.ts_precision = rc_reader_ts_precision(r);
	o.fcslen = -1;
	ASSERT_OK(rc_writer_open(&w, out, &o, err));
	rc_packet p;
	while (rc_reader_next(r, &p) == 1)
		ASSERT_OK(rc_writer_write(w, &p));
	ASSERT_OK(rc_writer_close(w));
	rc_reader_close(r);
}

static void quirky_case(int swap)
{
	const char *in = rc_test_tmpfile(swap ? "q_swapped.pcap" : "q_host.pcap");
	const char *out = rc_test_tmpfile("q_out.pcap"), *want = rc_test_tmpfile("q_want.pcap");
	char args[1200];
	quirky_pcap(in, swap);
	library_copy(in, want);
	snprintf(args, sizeof(args), "-r '%s' -w '%s'", in, out);
	ringcap_ok(args);
	same_files(out, want);
	/* The oracle did normalise: 1.5 s became 1 s + 500000 us, caplen 150
	 * became the snap length 100, and a swapped file turned host order. */
	size_t len;
	unsigned char *f = rc_test_read_file(out, &len);
	uint32_t rec[4];
	memcpy(rec, f + 24 + 2 * (16 + 60), sizeof(rec));
	ASSERT_UINT_EQ(rec[0], 1700000003u);
	ASSERT_UINT_EQ(rec[1], 500000);
	memcpy(rec, f + 24 + 3 * (16 + 60), sizeof(rec));
	ASSERT_UINT_EQ(rec[2], 100);
	ASSERT_UINT_EQ(rec[3], 150);
	ASSERT_UINT_EQ(len, 24 + 5 * (16 + 60) + 16 + 100);
	free(f);
}

TEST(cli_write_pcap_to_pcap_normalises_what_it_cannot_copy)
{
	quirky_case(0);
}

TEST(cli_write_swapped_pcap_is_written_in_host_order)
{
	quirky_case(1);
}

/*
 * --time-stamp-precision picks the precision of a pcap -w file, as tcpdump
 * (it opens the input at that precision and writes the dump so): the same
 * bytes as tcpdump's file both ways.  Without it, the input's precision is
 * kept, nanoseconds included.
 */
TEST(cli_write_pcap_precision_follows_the_option_like_tcpdump)
{
	static const struct {
		const char *file, *option;
		uint32_t magic;
	} cases[] = {
		{ "tcp.pcap", "--time-stamp-precision nano", 0xa1b23c4du },
		{ "nano.pcap", "--time-stamp-precision micro", 0xa1b2c3d4u },
		{ "nano.pcap", "", 0xa1b23c4du },
		{ "tcp.pcap", "", 0xa1b2c3d4u },
	};
	const char *out = rc_test_tmpfile("prec.pcap"), *want = rc_test_tmpfile("td.pcap");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char in[512], args[1200];
		snprintf(in, sizeof(in), "%s/tests/cli/corpus/%s", rc_test_srcdir(), cases[i].file);
		snprintf(args, sizeof(args), "-r '%s' %s -w '%s'", in, cases[i].option, out);
		ringcap_ok(args);
		size_t len;
		unsigned char *f = rc_test_read_file(out, &len);
		uint32_t magic;
		ASSERT_UINT_GE(len, 24);
		memcpy(&magic, f, 4);
		free(f);
		if (magic != cases[i].magic)
			rc_test_fail(__FILE__, __LINE__, "%s %s: magic 0x%08x, expected 0x%08x",
				     cases[i].file, cases[i].option, magic, cases[i].magic);
		if (!*cases[i].option || rc_test_sh(NULL, "command -v tcpdump >/dev/null") != 0)
			continue;
		ASSERT_INT_EQ(rc_test_sh(NULL, "tcpdump -r '%s' %s -w '%s' 2>/dev/null", in,
					 cases[i].option, want),
			      0);
		same_files(out, want);
	}
}

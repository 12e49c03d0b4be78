/*
 * test_file_read_oracle.c - differential tests: files written by other
 * tools (scapy, editcap, mergecap, text2pcap) read by ringcap and by an
 * oracle - the system libpcap in nanosecond mode, or tshark where libpcap
 * cannot read the file (interfaces of different link types) - must agree
 * on every packet's time stamp (ns), lengths and bytes.
 */
#include "harness.h"
#include "testutil.h"

#include "ringcap/file.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

#define PY "/usr/bin/python3"

/* Write 60 Ethernet/IPv4/UDP packets of 42..1000 bytes with odd
 * microsecond time stamps to tmpdir/name with scapy; writer_fmt is the
 * python statement that writes list pk to the path given as its %s. */
static const char *scapy_file(const char *name, const char *writer_fmt)
{
	const char *path = rc_test_tmpfile(name);
	char writer[400];
	snprintf(writer, sizeof(writer), writer_fmt, path);
	int st = rc_test_sh(NULL,
			    PY " -c \"from scapy.all import *\n"
			    "pk=[Ether()/IP(dst='10.0.0.%%d'%%(i%%250))/UDP()/Raw(b'x'*(i*97%%959)) for i in range(60)]\n"
			    "for i,p in enumerate(pk): p.time = 1700000000 + i*7 + (i*123457 %% 1000000)/1e6\n"
			    "%s\" 2>/dev/null",
			    writer);
	if (st != 0)
		SKIP("scapy (python3) failed or is missing");
	return path;
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
/* Every packet of path read by ringcap (mode) equals libpcap's. */
static unsigned agree_with_libpcap(const char *path, enum rc_read_mode mode)
{
	char perr[PCAP_ERRBUF_SIZE], err[RC_ERRBUF_SIZE];
	pcap_t *pc = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, perr);
	if (!pc)
		rc_test_fail(__FILE__, __LINE__, "libpcap cannot open %s: %s", path, perr);
	rc_reader *r;
	rc_reader_opts o = { .mode = mode };
	if (rc_reader_open(&r, path, &o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap cannot open %s: %s", path, err);
	ASSERT_INT_EQ(rc_reader_linktype(r), pcap_datalink(pc));
	unsigned n = 0;
	for (;;) {
		struct pcap_pkthdr *h;
		const u_char *d;
		rc_packet p;
		int a = pcap_next_ex(pc, &h, &d);
		int b = rc_reader_next(r, &p);
		if (a == PCAP_ERROR_BREAK) {
			ASSERT_INT_EQ(b, RC_EEOF);
			break;
		}
		ASSERT_INT_EQ(a, 1);
		ASSERT_INT_EQ(b, 1);
		ASSERT_UINT_EQ(p.ts_nsec, (uint64_t)h->ts.tv_sec * 1000000000ull + (uint64_t)h->ts.tv_usec);
		ASSERT_UINT_EQ(p.caplen, h->caplen);
		ASSERT_UINT_EQ(p.len, h->len);
		ASSERT_MEM_EQ(p.data, d, p.caplen);
		n++;
	}
	rc_reader_close(r);
	pcap_close(pc);
	return n;
}
#define NEED_LIBPCAP() ((void)0)
#else
static unsigned agree_with_libpcap(const char *path, enum rc_read_mode mode)
{
	(void)path;
	(void)mode;
	return 0;
}
#define NEED_LIBPCAP() SKIP("built without the system libpcap oracle")
#endif

static unsigned agree_all_modes(const char *path)
{
	unsigned n = agree_with_libpcap(path, RC_READ_MMAP);
	ASSERT_UINT_EQ(agree_with_libpcap(path, RC_READ_STREAM), n);
	ASSERT_UINT_EQ(agree_with_libpcap(path, RC_READ_AUTO), n);
	return n;
}

TEST(file_read_oracle_scapy_pcap_little_and_big_endian)
{
	NEED_LIBPCAP();
	const char *le = scapy_file("le.pcap", "wrpcap('%s', pk)");
	ASSERT_UINT_EQ(agree_all_modes(le), 60);
	const char *be = scapy_file("be.pcap", "PcapWriter('%s', endianness='>').write(pk)");
	ASSERT_UINT_EQ(agree_all_modes(be), 60);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open(&r, be, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), 1);
	rc_reader_close(r);
}

TEST(file_read_oracle_scapy_pcapng)
{
	NEED_LIBPCAP();
	const char *ng = scapy_file("scapy.pcapng", "wrpcapng('%s', pk)");
	ASSERT_UINT_EQ(agree_all_modes(ng), 60);
}

TEST(file_read_oracle_editcap_conversions)
{
	NEED_LIBPCAP();
	rc_test_need_tool("editcap");
	const char *src = scapy_file("src.pcap", "wrpcap('%s', pk)");
	const char *dir = rc_test_tmpdir();
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -F pcapng %s %s/a.pcapng 2>/dev/null", src, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -F nsecpcap %s %s/a.ns.pcap 2>/dev/null", src, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -F pcapng %s/a.ns.pcap %s/a.ns.pcapng 2>/dev/null", dir, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -s 100 -F pcapng %s %s/snap.pcapng 2>/dev/null", src, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -s 100 %s %s/snap.pcap 2>/dev/null", src, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "editcap -t -3600.5 -F pcapng %s %s/shift.pcapng 2>/dev/null", src, dir), 0);
	static const char *const files[] = { "a.pcapng", "a.ns.pcap", "a.ns.pcapng", "snap.pcapng",
					     "snap.pcap", "shift.pcapng" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		ASSERT_UINT_EQ(agree_all_modes(rc_test_tmpfile(files[i])), 60);

	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open(&r, rc_test_tmpfile("a.ns.pcap"), NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_ts_precision(r), RC_TS_NANO);
	rc_reader_close(r);
	ASSERT_INT_EQ(rc_reader_open(&r, rc_test_tmpfile("snap.pcapng"), NULL, err), 0);
	rc_packet p;
	int truncated = 0;
	while (rc_reader_next(r, &p) == 1)
		truncated += (p.flags & RC_PKT_TRUNCATED) != 0;
	ASSERT_INT_GT(truncated, 10);
	rc_reader_close(r);
}

TEST(file_read_oracle_text2pcap)
{
	NEED_LIBPCAP();
	rc_test_need_tool("text2pcap");
	const char *dir = rc_test_tmpdir();
	ASSERT_INT_EQ(rc_test_sh(NULL,
				 "printf '0000  ff ff ff ff ff ff 00 11 22 33 44 55 08 00 45 00\\n"
				 "0010  00 14 00 00\\n\\n0000  01 02 03 04 05 06\\n' > %s/hex.txt && "
				 "text2pcap -q %s/hex.txt %s/t.pcap 2>/dev/null && "
				 "text2pcap -q -n %s/hex.txt %s/t.pcapng 2>/dev/null",
				 dir, dir, dir, dir, dir),
		      0);
	ASSERT_UINT_EQ(agree_all_modes(rc_test_tmpfile("t.pcap")), 2);
	ASSERT_UINT_EQ(agree_all_modes(rc_test_tmpfile("t.pcapng")), 2);
}

/* Parse tshark "sec.fraction<TAB>len<TAB>caplen<TAB>ifid" lines. */
static void agree_with_tshark(const char *path, unsigned want_n)
{
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out,
				 "tshark -r %s -T fields -e frame.time_epoch -e frame.len "
				 "-e frame.cap_len -e frame.interface_id 2>/dev/null",
				 path),
		      0);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open(&r, path, NULL, err), 0);
	unsigned n = 0;
	char *save = NULL;
	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long sec;
		char frac[16] = "";
		unsigned len, caplen, ifid;
		ASSERT_INT_EQ(sscanf(line, "%llu.%15[0-9]\t%u\t%u\t%u", &sec, frac, &len, &caplen, &ifid), 5);
		while (strlen(frac) < 9)
			strcat(frac, "0");
		frac[9] = '\0';
		rc_packet p;
		ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
		ASSERT_UINT_EQ(p.ts_nsec, sec * 1000000000ull + strtoull(frac, NULL, 10));
		ASSERT_UINT_EQ(p.len, len);
		ASSERT_UINT_EQ(p.caplen, caplen);
		ASSERT_UINT_EQ(p.ifindex, ifid);
		n++;
	}
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EEOF);
	ASSERT_UINT_EQ(n, want_n);
	rc_reader_close(r);
	free(out);
}

TEST(file_read_oracle_mergecap_mixed_link_types_vs_tshark)
{
	rc_test_need_tool("mergecap");
	rc_test_need_tool("tshark");
	const char *src = scapy_file("m.pcap", "wrpcap('%s', pk)");
	const char *dir = rc_test_tmpdir();
	/* a second input with link type RAW (101) whose time stamps interleave */
	ASSERT_INT_EQ(rc_test_sh(NULL,
				 "editcap -T rawip -t 3.25 %s %s/raw.pcap 2>/dev/null && "
				 "mergecap -F pcapng -w %s/mixed.pcapng %s %s/raw.pcap 2>/dev/null",
				 src, dir, dir, src, dir),
		      0);
	const char *mixed = rc_test_tmpfile("mixed.pcapng");
	agree_with_tshark(mixed, 120);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open(&r, mixed, NULL, err), 0);
	rc_packet p;
	int seen[2] = { 0, 0 };
	while (rc_reader_next(r, &p) == 1) {
		ASSERT_TRUE(p.ifindex < 2);
		seen[p.ifindex]++;
		rc_iface_info info;
		ASSERT_INT_EQ(rc_reader_iface(r, p.ifindex, &info), 0);
		ASSERT_INT_EQ(p.linktype, info.linktype);
	}
	ASSERT_INT_EQ(seen[0], 60);
	ASSERT_INT_EQ(seen[1], 60);
	ASSERT_UINT_EQ(rc_reader_iface_count(r), 2);
	rc_iface_info a, b;
	ASSERT_INT_EQ(rc_reader_iface(r, 0, &a), 0);
	ASSERT_INT_EQ(rc_reader_iface(r, 1, &b), 0);
	ASSERT_TRUE((a.linktype == 1 && b.linktype == 101) || (a.linktype == 101 && b.linktype == 1));
	rc_reader_close(r);
}

TEST(file_read_oracle_tshark_agrees_on_scapy_pcapng)
{
	rc_test_need_tool("tshark");
	const char *ng = scapy_file("t.pcapng", "wrpcapng('%s', pk)");
	agree_with_tshark(ng, 60);
}

/*
 * test_compat_tcpdump.c - Debian's unmodified tcpdump on ringcap's
 * libpcap.so.0.8 (LD_LIBRARY_PATH=<builddir>/compat) against the same
 * tcpdump on the system libpcap: reading the corpus of
 * tests/compat/make_corpus.sh must print byte-identical output, with and
 * without filters, and writing must produce identical files.
 *
 * The filters are compiled by ringcap's compiler inside the compat library,
 * so identical output also shows that each expression selects exactly the
 * packets libpcap's program selects on these captures.
 */
#include <string.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

/* Every corpus file tcpdump can read as one link type. */
static const char *const rc_files[] = {
	"eth.pcap", "eth_nano.pcap", "eth_snap96.pcap", "eth_trunc.pcap", "eth_be.pcap",
	"eth.pcapng", "eth_nano.pcapng", "eth_merged.pcapng", "raw.pcap", "raw.pcapng",
	"sll.pcap", "sll2.pcap", "null.pcap", "t2p_udp.pcap", "t2p_tcp.pcap",
};
#define RC_NFILES (sizeof(rc_files) / sizeof(rc_files[0]))

static void rc_expect_same(const char *cmd)
{
	char *sys, *rc;
	int s1, s2;

	if (!rc_compat_run_both(cmd, &sys, &rc, &s1, &s2))
		rc_test_fail(__FILE__, __LINE__, "`%s`: exit %d (libpcap) vs %d (ringcap), %s", cmd, s1,
			     s2, rc_compat_first_diff(sys, rc));
	free(sys);
	free(rc);
}

TEST(compat_tcpdump_runs_on_ringcap_library)
{
	char *out = NULL;

	rc_test_need_tool("tcpdump");
	/* The dynamic linker really picks ours ... */
	ASSERT_INT_EQ(rc_test_sh(&out, "%s ldd \"$(command -v tcpdump)\" | grep libpcap.so.0.8",
				 rc_compat_env()), 0);
	ASSERT_STR_CONTAINS(out, rc_compat_libdir());
	free(out);
	/* ... and tcpdump --version prints pcap_lib_version(). */
	ASSERT_INT_EQ(rc_test_sh(&out, "%s tcpdump --version 2>&1", rc_compat_env()), 0);
	ASSERT_STR_CONTAINS(out, "ringcap " RC_VERSION " (libpcap 1.10 compatible)");
	free(out);
}

TEST_TIMEOUT(compat_tcpdump_prints_corpus_like_libpcap, 120)
{
	/* The most verbose form on every file; the other forms (which differ
	 * in how time stamps and counts are handled) on one. */
	static const char *const flags[] = { "-nn -tt -e -X", "-nn -q -c 5", "-ttt -e" };
	const char *dir = rc_compat_corpus();
	char cmd[1024];

	rc_test_need_tool("tcpdump");
	for (size_t f = 0; f < RC_NFILES; f++) {
		snprintf(cmd, sizeof(cmd), "tcpdump -nn -tt -vv -e -x -r '%s/%s'", dir, rc_files[f]);
		rc_expect_same(cmd);
	}
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		snprintf(cmd, sizeof(cmd), "tcpdump %s -r '%s/eth_merged.pcapng'", flags[i], dir);
		rc_expect_same(cmd);
	}
	/* Nanosecond time stamps asked for by the reader, and refused. */
	snprintf(cmd, sizeof(cmd), "tcpdump --nano -nn -tt -r '%s/eth_nano.pcapng'", dir);
	rc_expect_same(cmd);
	snprintf(cmd, sizeof(cmd), "tcpdump --micro -nn -tt -r '%s/eth_nano.pcap'", dir);
	rc_expect_same(cmd);
}

/* Filters by link type; each is run on every file of that link type. */
static const char *const rc_ip_filters[] = {
	"tcp", "udp port 53", "icmp", "ip6", "not tcp and not udp",
	"tcp[tcpflags] & tcp-syn != 0", "ip[6:2] & 0x1fff != 0", "host 10.1.2.3 and port 80",
	"greater 100", "less 60", "portrange 50-100", "net 192.168.0.0/16", "ip proto 17",
	"src 8.8.8.8 or dst net 2001:db8::/32", "icmp[icmptype] == icmp-echoreply",
	"ip6 and udp", "tcp dst port 40000 or tcp src port 40000", "len > 500",
	"ip[8] == 1", "udp and not port 123",
};
static const char *const rc_eth_filters[] = {
	"arp", "vlan", "vlan 100", "vlan and ip", "ether broadcast", "icmp or arp",
	"ether proto 0x88b5", "ether host 66:77:88:99:aa:bb", "ether multicast", "not ip and not ip6",
	"vlan 20 and vlan 30", "arp[6:2] == 2", "ether src 00:11:22:33:44:55 and tcp",
};

static void rc_filters_on(const char *file, const char *const *filters, size_t n)
{
	const char *dir = rc_compat_corpus();
	char cmd[1024];

	for (size_t i = 0; i < n; i++) {
		snprintf(cmd, sizeof(cmd), "tcpdump -nn -tt -v -e -r '%s/%s' '%s'", dir, file,
			 filters[i]);
		rc_expect_same(cmd);
	}
}

#define RC_N(a) (sizeof(a) / sizeof((a)[0]))

TEST_TIMEOUT(compat_tcpdump_filters_select_like_libpcap_ethernet, 120)
{
	rc_test_need_tool("tcpdump");
	/* Two interfaces' worth of every protocol in the corpus ... */
	rc_filters_on("eth_merged.pcapng", rc_ip_filters, RC_N(rc_ip_filters));
	rc_filters_on("eth_merged.pcapng", rc_eth_filters, RC_N(rc_eth_filters));
	/* ... and frames cut to 54 bytes, where loads run past the data. */
	rc_filters_on("eth_trunc.pcap", rc_ip_filters, 8);
}

TEST_TIMEOUT(compat_tcpdump_filters_select_like_libpcap_other_linktypes, 120)
{
	rc_test_need_tool("tcpdump");
	rc_filters_on("raw.pcap", rc_ip_filters, RC_N(rc_ip_filters));
	rc_filters_on("sll2.pcap", rc_ip_filters, 8);
	rc_filters_on("sll.pcap", rc_ip_filters, 5);
	rc_filters_on("null.pcap", rc_ip_filters, 5);
	/* Link-level primitives on cooked captures; "arp" on raw IP can never
	 * match, which libpcap reports as an error. */
	static const char *const cooked[] = { "inbound", "outbound", "ifindex 3" };
	rc_filters_on("sll2.pcap", cooked, RC_N(cooked));
	rc_filters_on("sll.pcap", cooked, 2);
	static const char *const never[] = { "arp" };
	rc_filters_on("raw.pcap", never, 1);
}

TEST(compat_tcpdump_rejects_mixed_linktype_pcapng_like_libpcap)
{
	char cmd[1024], *sys, *rc;
	int s1, s2;

	rc_test_need_tool("tcpdump");
	snprintf(cmd, sizeof(cmd), "tcpdump -nn -tt -r '%s/mixed.pcapng'", rc_compat_corpus());
	ASSERT_TRUE(rc_compat_run_both(cmd, &sys, &rc, &s1, &s2));
	/* tcpdump prints the first interface's packets, then pcap_loop fails. */
	ASSERT_INT_NE(s1, 0);
	ASSERT_STR_CONTAINS(rc, "an interface has a type 101 different from the type of the first interface");
	free(sys);
	free(rc);
}

TEST(compat_tcpdump_writes_the_same_file_as_libpcap)
{
	const char *in = rc_compat_corpus(), *dir = rc_test_tmpdir();
	char *out = NULL;

	rc_test_need_tool("tcpdump");
	rc_test_need_tool("tshark");
	ASSERT_INT_EQ(rc_test_sh(NULL, "tcpdump -r '%s/eth.pcapng' -w '%s/w_sys.pcap' 'tcp or arp' 2>/dev/null",
				 in, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "%s tcpdump -r '%s/eth.pcapng' -w '%s/w_rc.pcap' 'tcp or arp' 2>/dev/null",
				 rc_compat_env(), in, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "cmp '%s/w_sys.pcap' '%s/w_rc.pcap'", dir, dir), 0);
	/* tshark (Wireshark's reader, not libpcap) sees the same packets. */
	ASSERT_INT_EQ(rc_test_sh(&out, "tshark -r '%s/w_rc.pcap' 2>/dev/null | wc -l", dir), 0);
	ASSERT_INT_EQ(atoi(out), 8);
	free(out);
	/* Nanosecond files stay nanosecond when tcpdump asks for it. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "tcpdump --nano -r '%s/eth_nano.pcap' -w '%s/n_sys.pcap' 2>/dev/null",
				 in, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "%s tcpdump --nano -r '%s/eth_nano.pcap' -w '%s/n_rc.pcap' 2>/dev/null",
				 rc_compat_env(), in, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "cmp '%s/n_sys.pcap' '%s/n_rc.pcap'", dir, dir), 0);
}

TEST(compat_tcpdump_reports_bad_files_without_crashing)
{
	const char *in = rc_compat_corpus(), *dir = rc_test_tmpdir();
	char *out = NULL;
	int st;

	rc_test_need_tool("tcpdump");
	/* A file cut inside a record: packets before it, then an error. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "head -c 1000 '%s/eth.pcap' > '%s/cut.pcap'", in, dir), 0);
	st = rc_test_sh(&out, "%s tcpdump -nn -r '%s/cut.pcap' 2>&1", rc_compat_env(), dir);
	ASSERT_INT_EQ(st, 1);
	ASSERT_STR_CONTAINS(out, "IP 10.1.2.3.40000 > 192.168.7.9.80");
	free(out);
	/* Not a capture file at all. */
	st = rc_test_sh(&out, "%s tcpdump -nn -r /etc/passwd 2>&1", rc_compat_env());
	ASSERT_INT_EQ(st, 1);
	ASSERT_STR_CONTAINS(out, "tcpdump: ");
	free(out);
	/* A missing file: libpcap's wording "NAME: strerror". */
	st = rc_test_sh(&out, "%s tcpdump -nn -r '%s/missing.pcap' 2>&1", rc_compat_env(), dir);
	ASSERT_INT_EQ(st, 1);
	ASSERT_STR_CONTAINS(out, "missing.pcap: No such file or directory");
	free(out);
	/* A filter that does not compile. */
	st = rc_test_sh(&out, "%s tcpdump -nn -r '%s/eth.pcap' 'tcp port 99999' 2>&1",
			rc_compat_env(), in);
	ASSERT_INT_EQ(st, 1);
	ASSERT_STR_CONTAINS(out, "99999");
	free(out);
}

/* Lines of s (0 for NULL). */
static int rc_lines(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

/* Drop tcpdump's stderr lines before a dump ("reading from file ...",
 * "Warning: interface names might be incorrect"). */
static void rc_strip_banner(char *s)
{
	while (strncmp(s, "reading from file", 17) == 0 || strncmp(s, "Warning:", 8) == 0) {
		char *nl = strchr(s, '\n');
		if (!nl)
			break;
		memmove(s, nl + 1, strlen(nl + 1) + 1);
	}
}

/*
 * tcpdump -d/-dd/-ddd print the compiled program.  ringcap's code
 * generator and optimizer are its own, so the text differs from libpcap's
 * in places (it orders the final "ret" blocks the other way round); what
 * must hold: every style prints the same program, it is no longer than
 * libpcap's (ringcap's optimizer is at least on a par), and the
 * filter tests above show on real packets that the programs select the
 * same packets.  Expressions libpcap rejects are rejected the same way.
 */
TEST_TIMEOUT(compat_tcpdump_dumps_programs_no_longer_than_libpcaps, 90)
{
	static const struct {
		const char *file, *expr;
	} cases[] = {
		{ "eth.pcap", "" }, { "eth.pcap", "host 10.1.2.3 and tcp port 80" },
		{ "eth.pcap", "vlan 100 and udp" }, { "eth.pcap", "ip[6:2] & 0x1fff != 0" },
		{ "eth.pcap", "arp or ether broadcast" }, { "raw.pcap", "net 10.0.0.0/8 and not udp" },
		{ "sll2.pcap", "ip6 and udp" }, { "null.pcap", "tcp port 80" },
	};
	const char *dir = rc_compat_corpus();
	char cmd[1024];

	rc_test_need_tool("tcpdump");
	for (size_t i = 0; i < RC_N(cases); i++) {
		char *sys[3], *rc[3];
		int s1, s2;
		for (int style = 0; style < 3; style++) {
			snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/%s' -%s '%s'", dir,
				 cases[i].file, style == 0 ? "d" : style == 1 ? "dd" : "ddd",
				 cases[i].expr);
			rc_compat_run_both(cmd, &sys[style], &rc[style], &s1, &s2);
			ASSERT_INT_EQ(s1, 0);
			ASSERT_INT_EQ(s2, 0);
		}
		/* After tcpdump's "reading from file" line, -ddd prints the
		 * count, then one line per instruction, as -d and -dd do. */
		for (int style = 0; style < 3; style++) {
			rc_strip_banner(rc[style]);
			rc_strip_banner(sys[style]);
		}
		int n = atoi(rc[2]);
		if (n < 1 || n > atoi(sys[2]) || rc_lines(rc[0]) != n || rc_lines(rc[1]) != n ||
		    rc_lines(rc[2]) != n + 1)
			rc_test_fail(__FILE__, __LINE__,
				     "%s on %s: libpcap %d instructions, ringcap -ddd %d, -d %d lines, -dd %d lines",
				     cases[i].expr, cases[i].file, atoi(sys[2]), n, rc_lines(rc[0]),
				     rc_lines(rc[1]));
		for (int style = 0; style < 3; style++) {
			free(sys[style]);
			free(rc[style]);
		}
	}
	/* An expression that can never match is an error with optimizing. */
	snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/raw.pcap' -d arp", dir);
	rc_expect_same(cmd);
	snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/eth.pcap' -d 'tcp and not tcp'", dir);
	rc_expect_same(cmd);
}

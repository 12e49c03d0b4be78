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

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

#include "compat/compat_util.h"
#include "harness.h"
#include "ringcap/file.h"
#include "ringcap/filter.h"
#include "test_bpf_support.h"
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

TEST(compat_tcpdump_damage_message_names_no_file_like_libpcap)
{
	/* A pcap header, then a record claiming 2^31 - 1 captured bytes. */
	static const unsigned char bad[] = {
		0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0x40, 0, 0, 0, 'a', 'b', 'c',
	};
	const char *f = rc_test_tmpfile("bad.pcap");
	char *out = NULL;

	rc_test_need_tool("tcpdump");
	rc_test_write_file(f, bad, sizeof(bad));
	/* libpcap's messages after the open do not name the file (tcpdump
	 * prints "pcap_loop: " before them), and the compat library strips
	 * the name the reader's message starts with. */
	ASSERT_INT_NE(rc_test_sh(&out, "%s tcpdump -nr '%s' 2>&1", rc_compat_env(), f), 0);
	ASSERT_STR_CONTAINS(out, "\ntcpdump: pcap_loop: pcap record at offset 24: caplen 2147483647 exceeds");
	free(out);
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

#ifdef RC_HAVE_LIBPCAP_ORACLE
/* Lines of s. */
static size_t rc_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
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

/* The next line of *s, cut out in place (a last line without '\n' counts
 * too, so that nothing goes unchecked); NULL at the end. */
static char *rc_next_line(char **s)
{
	char *line = *s;
	size_t n = strcspn(line, "\n");

	if (!*line)
		return NULL;
	*s = line + n + (line[n] == '\n');
	line[n] = '\0';
	return line;
}

/* One instruction as tcpdump -dd ("{ 0x28, 0, 0, 0x0000000c },", style 2)
 * or -ddd ("40 0 0 12", style 3) prints it; 0 for any other line. */
static int rc_parse_insn(const char *line, int style, rc_bpf_insn *out)
{
	unsigned code, jt, jf, k;
	int end = -1;

	if (style == 2)
		sscanf(line, "{ 0x%x, %u, %u, 0x%x },%n", &code, &jt, &jf, &k, &end);
	else
		sscanf(line, "%u %u %u %u%n", &code, &jt, &jf, &k, &end);
	/* end is set only once all four fields matched */
	if (end < 0 || line[end] != '\0' || code > 0xffff || jt > 0xff || jf > 0xff)
		return 0;
	*out = (rc_bpf_insn){ (uint16_t)code, (uint8_t)jt, (uint8_t)jf, k };
	return 1;
}

/* The program of a -dd (style 2) or -ddd (style 3: the instruction count
 * first) dump; a line of any other form fails the test. */
static rc_bpf_prog rc_parse_dump(char *text, int style, const char *who)
{
	const char *flag = style == 2 ? "-dd" : "-ddd";
	rc_bpf_prog p = { calloc(rc_lines(text) + 1, sizeof(rc_bpf_insn)), 0 };
	unsigned long count = 0;
	char *line, *end = NULL;

	ASSERT_TRUE(p.insns != NULL);
	if (style == 3) {
		line = rc_next_line(&text);
		if (line)
			count = strtoul(line, &end, 10);
		if (!line || end == line || *end)
			rc_test_fail(__FILE__, __LINE__, "%s -ddd: \"%s\" where the count should be", who,
				     line ? line : "(nothing)");
	}
	while ((line = rc_next_line(&text)) != NULL)
		if (!rc_parse_insn(line, style, &p.insns[p.len++]))
			rc_test_fail(__FILE__, __LINE__, "%s %s line %zu is no instruction: \"%s\"", who,
				     flag, p.len, line);
	if (p.len == 0 || (style == 3 && p.len != count))
		rc_test_fail(__FILE__, __LINE__, "%s %s: %zu instructions (count line %lu)", who, flag,
			     p.len, count);
	return p;
}

/* tcpdump -d: line i is libpcap's own bpf_image() of instruction i. */
static void rc_check_d(char *text, const rc_bpf_prog *p, const char *who)
{
	size_t i = 0;
	char *line;

	for (; (line = rc_next_line(&text)) != NULL; i++) {
		const char *want = i < p->len ?
			bpf_image((const struct bpf_insn *)&p->insns[i], (int)i) : "(no such instruction)";
		if (strcmp(line, want) != 0)
			rc_test_fail(__FILE__, __LINE__, "%s -d line %zu: \"%s\" but -dd holds \"%s\"", who,
				     i + 1, line, want);
	}
	if (i != p->len)
		rc_test_fail(__FILE__, __LINE__, "%s -d: %zu lines, -dd %zu instructions", who, i, p->len);
}

/*
 * The program one library's tcpdump printed, from out[] = its -d, -dd and
 * -ddd output (banner stripped): -dd and -ddd must hold the same
 * instructions, -d must be libpcap's rendering of them, and the program
 * must pass the kernel's checks, as bpf_filter() runs whatever it is given
 * (a jump past the end reads past the array).  Returns the -dd program.
 */
static rc_bpf_prog rc_dumped_program(char *const out[3], const char *who)
{
	rc_bpf_prog dd = rc_parse_dump(out[1], 2, who), ddd = rc_parse_dump(out[2], 3, who);
	char err[RC_ERRBUF_SIZE];

	if (dd.len != ddd.len)
		rc_test_fail(__FILE__, __LINE__, "%s: -dd %zu instructions, -ddd %zu", who, dd.len,
			     ddd.len);
	for (size_t i = 0; i < dd.len; i++) {
		const rc_bpf_insn *a = &dd.insns[i], *b = &ddd.insns[i];
		if (a->code != b->code || a->jt != b->jt || a->jf != b->jf || a->k != b->k)
			rc_test_fail(__FILE__, __LINE__,
				     "%s instruction %zu: -dd { 0x%x, %u, %u, 0x%x }, -ddd { 0x%x, %u, %u, 0x%x }",
				     who, i, a->code, a->jt, a->jf, a->k, b->code, b->jt, b->jf, b->k);
	}
	rc_check_d(out[0], &dd, who);
	if (rc_bpf_validate(dd.insns, dd.len, err) != 0)
		rc_test_fail(__FILE__, __LINE__, "%s is not a valid program: %s", who, err);
	rc_bpf_prog_free(&ddd);
	return dd;
}

/* A case's two printed programs and what they did with its packets. */
typedef struct rc_prog_pair {
	const char *file, *expr;
	rc_bpf_prog sys, rc;
	size_t packet;                   /* 1-based number in file, for messages */
	size_t file_packets, file_accepted;
	size_t changed, changed_accepted; /* the changed copies of rc_pair_run_file */
} rc_prog_pair;

/* Both programs on pkt through one interpreter, libpcap's bpf_filter():
 * the same return value (verdict and snapshot length) or the test fails.
 * pkt[at..at+width) are the bytes changed (width 0: none).  Returns the
 * verdict. */
static uint32_t rc_pair_run(const rc_prog_pair *c, const uint8_t *pkt, uint32_t caplen,
			    uint32_t wirelen, uint32_t at, uint32_t width)
{
	uint32_t sys = bpft_pcap_filter(c->sys.insns, pkt, caplen, wirelen);
	uint32_t rc = bpft_pcap_filter(c->rc.insns, pkt, caplen, wirelen);
	char how[64] = "";

	if (sys == rc)
		return sys;
	if (width) {
		int n = width == 1 ? snprintf(how, sizeof(how), ", byte %u set to ", at) :
			snprintf(how, sizeof(how), ", bytes %u-%u set to ", at, at + width - 1);
		for (uint32_t i = 0; i < width; i++)
			n += snprintf(how + n, sizeof(how) - (size_t)n, "%02x", pkt[at + i]);
	}
	rc_test_fail(__FILE__, __LINE__,
		     "'%s' on %s packet %zu, %u of %u bytes captured%s: libpcap's program returns %u, ringcap's %u",
		     c->expr, c->file, c->packet, caplen, wirelen, how, sys, rc);
}

/* Run the copy buf of packet p with buf[at..at+width) changed, count it,
 * and put p's bytes back. */
static void rc_pair_run_changed(rc_prog_pair *c, uint8_t *buf, const rc_packet *p, uint32_t at,
				uint32_t width)
{
	c->changed++;
	c->changed_accepted += rc_pair_run(c, buf, p->caplen, p->len, at, width) != 0;
	memcpy(buf + at, p->data + at, width);
}

/*
 * Every packet of the case's file, read with ringcap's reader; then, as
 * the corpus files hold only 17 to 22 packets and few of them take any
 * given way through a program, changed copies of each: cut to every
 * shorter length; each byte in turn with its lowest or every bit flipped;
 * and at each offset, every constant (k) of the two programs written
 * big-endian in each width of 1, 2 and 4 bytes it fits in, as a load
 * would compare it.  Those single changes move packets across the
 * programs' tests ("udp" becomes "tcp", an EtherType or address becomes
 * the one tested), so both ways out of most tests are compared.
 */
static void rc_pair_run_file(rc_prog_pair *c, const char *dir)
{
	char path[600], err[RC_ERRBUF_SIZE];
	uint32_t *ks = calloc(c->sys.len + c->rc.len, sizeof(uint32_t));
	size_t nk = 0;
	rc_reader *r;
	rc_packet p;
	int st;

	ASSERT_TRUE(ks != NULL);
	for (int side = 0; side < 2; side++) {
		const rc_bpf_prog *prog = side ? &c->rc : &c->sys;
		for (size_t i = 0, j; i < prog->len; i++) {
			for (j = 0; j < nk && ks[j] != prog->insns[i].k; j++)
				;
			if (j == nk)
				ks[nk++] = prog->insns[i].k;
		}
	}
	snprintf(path, sizeof(path), "%s/%s", dir, c->file);
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s", err);
	while ((st = rc_reader_next(r, &p)) == 1) {
		uint8_t *buf = malloc(p.caplen + 1);
		ASSERT_TRUE(buf != NULL);
		memcpy(buf, p.data, p.caplen);
		c->packet++;
		c->file_packets++;
		c->file_accepted += rc_pair_run(c, buf, p.caplen, p.len, 0, 0) != 0;
		for (uint32_t cap = 0; cap < p.caplen; cap++, c->changed++)
			c->changed_accepted += rc_pair_run(c, buf, cap, p.len, 0, 0) != 0;
		for (uint32_t at = 0; at < p.caplen; at++) {
			buf[at] ^= 0x01;
			rc_pair_run_changed(c, buf, &p, at, 1);
			buf[at] ^= 0xff;
			rc_pair_run_changed(c, buf, &p, at, 1);
			for (size_t j = 0; j < nk; j++)
				for (uint32_t w = 1; w <= 4 && at + w <= p.caplen; w *= 2) {
					if (w < 4 && ks[j] >> (8 * w) != 0)
						continue;
					for (uint32_t b = 0; b < w; b++)
						buf[at + b] = (uint8_t)(ks[j] >> (8 * (w - 1 - b)));
					rc_pair_run_changed(c, buf, &p, at, w);
				}
		}
		free(buf);
	}
	if (st != RC_EEOF)
		rc_test_fail(__FILE__, __LINE__, "%s: %s", path, rc_reader_error(r));
	rc_reader_close(r);
	free(ks);
}
#endif

/*
 * tcpdump -d/-dd/-ddd print the compiled program.  ringcap's code
 * generator and optimizer are its own but lay blocks out in libpcap's
 * order (src/filter/optimize_layout.c), so where both optimizers reach the
 * same program tcpdump prints the same text on both libraries; each case
 * below says which it is.  "same": the -d, -dd and -ddd outputs are
 * identical.  "shorter": ringcap's optimizer does better (merged address
 * sets, shared port tests), and the programs are compared by behaviour:
 * each library's -dd and -ddd output, parsed back into instructions, is one
 * program that passes the kernel's checks, and each of its -d lines is the
 * system libpcap's bpf_image() of that instruction (libpcap's renderer, not
 * ringcap's rc_bpf_image); and libpcap's bpf_filter(), one interpreter for
 * both programs and not ringcap's VM, returns the same value for the two on
 * every packet of the case's file and on the changed copies of
 * rc_pair_run_file.  The behaviour check runs for the "same" cases too.
 * Expressions libpcap rejects are rejected the same way.
 */
TEST_TIMEOUT(compat_tcpdump_dumps_the_same_programs_as_libpcap_or_shorter_ones, 90)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	enum { SAME, SHORTER };
	static const struct {
		const char *file, *expr;
		int kind;
	} cases[] = {
		{ "eth.pcap", "", SAME },
		{ "eth.pcap", "host 10.1.2.3 and tcp port 80", SAME },
		{ "eth.pcap", "vlan 100 and udp", SAME },
		{ "eth.pcap", "ip[6:2] & 0x1fff != 0", SAME },
		{ "eth.pcap", "arp or ether broadcast", SAME },
		{ "eth.pcap", "tcp[tcpflags] & tcp-syn != 0", SAME },
		{ "eth.pcap", "icmp or not ip", SAME },
		{ "eth.pcap", "ip6 net 2001:db8::/32", SAME },
		{ "eth.pcap", "ip host 10.0.0.1 or ip host 10.0.0.2 or ip host 10.0.0.3", SHORTER },
		{ "raw.pcap", "net 10.0.0.0/8 and not udp", SAME },
		{ "sll.pcap", "udp port 53 or portrange 1000-2000", SAME },
		{ "sll2.pcap", "ip6 and udp", SAME },
		{ "null.pcap", "tcp port 80", SAME },
		{ "null.pcap", "ip6 or arp", SAME },
	};
	static const char *const flags[] = { "-d", "-dd", "-ddd" };
	const char *dir = rc_compat_corpus();
	size_t accepted = 0, rejected = 0;
	char cmd[1024];

	rc_test_need_tool("tcpdump");
	for (size_t i = 0; i < RC_N(cases); i++) {
		rc_prog_pair c = { .file = cases[i].file, .expr = cases[i].expr };
		char *sys[3], *rc[3], who[2][300];
		int s1, s2;

		for (int style = 0; style < 3; style++) {
			snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/%s' %s '%s'", dir, c.file,
				 flags[style], c.expr);
			rc_compat_run_both(cmd, &sys[style], &rc[style], &s1, &s2);
			ASSERT_INT_EQ(s1, 0);
			ASSERT_INT_EQ(s2, 0);
			rc_strip_banner(sys[style]);
			rc_strip_banner(rc[style]);
		}
		snprintf(who[0], sizeof(who[0]), "libpcap's '%s' on %s", c.expr, c.file);
		snprintf(who[1], sizeof(who[1]), "ringcap's '%s' on %s", c.expr, c.file);
		c.sys = rc_dumped_program(sys, who[0]);
		c.rc = rc_dumped_program(rc, who[1]);
		if (cases[i].kind == SAME) {
			for (int style = 0; style < 3; style++)
				if (strcmp(sys[style], rc[style]) != 0)
					rc_test_fail(__FILE__, __LINE__,
						     "tcpdump %s '%s' on %s differs:\n--- libpcap\n%s--- ringcap\n%s",
						     flags[style], c.expr, c.file, sys[style], rc[style]);
		} else if (c.rc.len >= c.sys.len) {
			rc_test_fail(__FILE__, __LINE__, "'%s' on %s: ringcap %zu instructions, libpcap %zu",
				     c.expr, c.file, c.rc.len, c.sys.len);
		}
		rc_pair_run_file(&c, dir);
		/* Both verdicts occur among the changed copies (the empty
		 * expression need only accept), so the two programs were not
		 * compared only where every program says the same. */
		if (c.changed_accepted == 0 || (c.expr[0] && c.changed_accepted == c.changed))
			rc_test_fail(__FILE__, __LINE__, "'%s' on %s accepts %zu of %zu changed packets",
				     c.expr, c.file, c.changed_accepted, c.changed);
		accepted += c.file_accepted;
		rejected += c.file_packets - c.file_accepted;
		rc_bpf_prog_free(&c.sys);
		rc_bpf_prog_free(&c.rc);
		for (int style = 0; style < 3; style++) {
			free(sys[style]);
			free(rc[style]);
		}
	}
	/* The files' own packets take both ways too. */
	ASSERT_UINT_NE(accepted, 0);
	ASSERT_UINT_NE(rejected, 0);
	/* An expression that can never match is an error with optimizing. */
	snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/raw.pcap' -d arp", dir);
	rc_expect_same(cmd);
	snprintf(cmd, sizeof(cmd), "tcpdump -r '%s/eth.pcap' -d 'tcp and not tcp'", dir);
	rc_expect_same(cmd);
#endif
}

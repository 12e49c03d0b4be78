/*
 * test_filter_diff_grammar.c - differential test of the filter compiler's
 * grammar against the system libpcap (the oracle).  Where
 * tests/test_filter_diff_libpcap.c combines well-formed primitives, this
 * one draws random sequences of 1-7 tokens from a vocabulary of keywords,
 * operators, parentheses, addresses and numbers (from a fixed seed;
 * RC_TEST_SEED=N draws others), so most are malformed, and on every link
 * type of the scapy corpus (tests/filter/gen_corpus.py):
 *   - acceptance: libpcap (pcap_compile -O on the corpus file, netmask
 *     0xffffff00) and rc_filter_compile accept or refuse the same
 *     expressions ("expression rejects all packets" counts as accepted);
 *   - semantics: where both accept, both programs give the same verdict on
 *     every corpus packet.
 * The known, documented differences (docs/filters.md) are told apart
 * narrowly, counted in the report line and bounded, so that they stay
 * exceptions; anything else fails.
 */
#include <sched.h>

#include "harness.h"
#include "testutil.h"

#include "filter_diff_common.h"

#include "ringcap/filter.h"
#include "ringcap/linktype.h"

#ifdef RC_HAVE_LIBPCAP_ORACLE

static const char *const vocab[] = {
	"host", "net", "port", "portrange", "src", "dst", "ether", "ip", "ip6", "tcp", "udp",
	"icmp", "arp", "and", "or", "not", "(", ")", "10.0.0.1", "10.0.0", "10.0.0.0/8",
	"2001:db8::1", "80", "1-1024", "0x800", "00:11:22:33:44:55", "vlan", "mpls", "pppoes",
	"pppoed", "proto", "protochain", "less", "greater", "len", "=", "!=", ">", "<", "+",
	"-", "*", "&", "|", "<<", "[", "]", ":", "1", "2", "4", "broadcast", "multicast",
	"gateway", "mask", "255.0.0.0", "\\tcp", "and", "or", "http", "domain", "inbound",
	"byte", "ifindex", "llc", "stp", "ip[0]", "tcp[13]", "tcpflags", "tcp-syn", "icmptype",
	"icmp-echo", "decnet", "1.2", "sctp", "igmp", "esp", "ah", "atalk", "iso", "clnp",
	"wlan", "type", "subtype", "geneve", "vxlan", "carp", "vrrp", "rarp", "aarp",
	"netbeui", "ipx", "ether[0]", "^", "%", "/", ">>", "ip6[6]", "0", "65535", "65536",
	"geneve", "llc", "s", "u", "i", "rr", "ui", "xid", "l1", "lsp", "iih", "csnp",
	"decnet", "5.6", "vlan", "100", "tcp[0:2]", "udp[8:4]", "icmp6", "ip6", "protochain",
	"gre",
};
#define NVOCAB (sizeof(vocab) / sizeof(vocab[0]))
#define MAXTOK 12 /* 7 drawn; the examples below have more */

static uint32_t rng = 20261206;
static uint32_t rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

/* A protocol field "name[...]": one token "ip[0]", or "ip" then "[".
 * Returns the length of the name, 0 if tok[i] starts none. */
static size_t accessor(const char *const *tok, size_t n, size_t i)
{
	const char *b = strchr(tok[i], '[');
	if (b && b > tok[i])
		return (size_t)(b - tok[i]);
	if (!b && i + 1 < n && strcmp(tok[i + 1], "[") == 0 && tok[i][0] >= 'a' &&
	    tok[i][0] <= 'z')
		return strlen(tok[i]);
	return 0;
}

static int is_arith_op(const char *const *tok, size_t i)
{
	static const char *const ops[] = {"+", "*", "/", "%", "&", "|", "^", "<<", ">>"};
	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (strcmp(tok[i], ops[k]) == 0)
			return 1;
	if (strcmp(tok[i], "-") != 0 || i == 0)
		return 0;
	/* binary minus only: after an operand (a unary minus keeps its tests);
	 * pcap-filter's named constants are operands too ("icmptype - ip[0]",
	 * seed 1560) */
	const char *p = tok[i - 1];
	size_t l = strlen(p);
	return (p[0] >= '0' && p[0] <= '9') || p[l - 1] == ']' || strcmp(p, ")") == 0 ||
	       strcmp(p, "len") == 0 || strcmp(p, "icmptype") == 0 ||
	       strcmp(p, "icmpcode") == 0 || strcmp(p, "icmp6type") == 0 ||
	       strcmp(p, "icmp6code") == 0 || strcmp(p, "tcpflags") == 0 ||
	       strncmp(p, "tcp-", 4) == 0 || strncmp(p, "icmp-", 5) == 0 ||
	       strncmp(p, "icmp6-", 6) == 0;
}

/*
 * libpcap 1.10.3's gen_arth keeps the protocol tests of its left operand
 * only: a field on the right of an arithmetic operator ("0 & tcp[13] <
 * ip[0]", "1 < ether[0] % udp[8:4]") is read without its protocol test
 * (docs/filters.md).  Such expressions are compared for acceptance only.
 * Link-layer fields (ether[], link[]) have no test to lose.
 */
static int field_right_of_arith(const char *const *tok, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (!is_arith_op(tok, i))
			continue;
		size_t j = i + 1;
		while (j < n && strcmp(tok[j], "(") == 0)
			j++;
		size_t l = j < n ? accessor(tok, n, j) : 0;
		if (l && strncmp(tok[j], "ether", l) != 0 && strncmp(tok[j], "link", l) != 0)
			return 1;
	}
	return 0;
}

/*
 * libpcap 1.10.3's gen_byteop makes "byte N & V" and "byte N | V" an ALU
 * operation on the accumulator with no load of byte N before it, so the
 * test reads whatever the code before left in A (0 at the start: "byte 1
 * & 2" never holds); ringcap loads the byte, as later libpcap does
 * (docs/filters.md).  Such expressions are compared for acceptance only.
 */
static int byte_bitop(const char *const *tok, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (strcmp(tok[i], "byte") == 0 &&
		    (strcmp(tok[i + 2], "&") == 0 || strcmp(tok[i + 2], "|") == 0))
			return 1;
	return 0;
}

/*
 * libpcap refuses "x / F" and "x % F" as a division by zero when the first
 * instruction of the divisor F loads the constant 0, which is what a field
 * whose index starts with 0 begins with ("tcp[13] / ether[0]",
 * "x % ip [ 0 : 2 ]", "x / (tcp[0:2])").  ringcap compiles those
 * (docs/filters.md).  A constant 0 divisor is refused by both.
 */
static int divisor_field_at_zero(const char *const *tok, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (strcmp(tok[i], "/") != 0 && strcmp(tok[i], "%") != 0)
			continue;
		size_t j = i + 1;
		int in_field = 0;
		while (j < n) {
			while (j < n && strcmp(tok[j], "(") == 0)
				j++;
			if (j >= n)
				break;
			size_t l = accessor(tok, n, j);
			if (l && tok[j][l] == '[') {
				const char *ix = tok[j] + l + 1;
				if (ix[0] == '0' && (ix[1] == ']' || ix[1] == ':'))
					return 1;
				break;
			}
			if (l) {
				in_field = 1;
				j += 2;
				continue;
			}
			if (in_field && strcmp(tok[j], "0") == 0)
				return 1;
			break;
		}
	}
	return 0;
}

typedef struct gstats {
	size_t pairs;           /* expression x link type */
	size_t both_refuse, compared, pkts;
	size_t accept_diff, mismatch_exprs, mismatch_pkts;
	/* acceptance: ringcap refuses, libpcap accepts */
	size_t unsup_keyword;   /* a keyword docs/filters.md lists as not supported */
	size_t metadata_refused; /* inbound/outbound/ifindex on a file link type */
	size_t decnet_mask;     /* decnet address with a mask */
	/* acceptance: libpcap refuses, ringcap accepts */
	size_t div_zero;        /* libpcap's false division by zero (divisor field at 0) */
	size_t pcap_opt_error;  /* libpcap -O fails, -O0 compiles (compared against -O0) */
	/* semantics not compared */
	size_t arith_right;     /* libpcap drops a right operand's protocol test */
	size_t byte_bitop;      /* byte N & V, byte N | V: libpcap does not load the byte */
	size_t metadata_loads;  /* libpcap's kernel-metadata loads (fdiff_skip_expr) */
	/* packets not compared */
	size_t dead_load, set_trunc, pcap_opt_wrong, geneve_undef;
} gstats;

static void report(const gstats *st)
{
	fprintf(stderr, "grammar: %zu expression x link type pairs, %zu refused by both, %zu "
		"compared on %zu packets; %zu differ in acceptance, %zu differ in packets (%zu "
		"packets).  Documented differences: ringcap refuses %zu for an unsupported "
		"keyword, %zu for inbound/outbound/ifindex on a file link type, %zu for a "
		"DECnet mask; libpcap refuses %zu with a false division by zero, %zu in its "
		"optimizer only (compared with -O0); not compared: %zu with a field right of an "
		"arithmetic operator, %zu with byte & or | (libpcap does not load the byte), %zu "
		"with libpcap's metadata loads; packets: %zu where only "
		"ringcap stops at a load past caplen, %zu where only libpcap does, %zu where "
		"libpcap's optimizer changed the verdict, %zu where libpcap reads Geneve offsets "
		"it did not compute\n",
		st->pairs, st->both_refuse, st->compared, st->pkts, st->accept_diff,
		st->mismatch_exprs, st->mismatch_pkts, st->unsup_keyword, st->metadata_refused,
		st->decnet_mask, st->div_zero, st->pcap_opt_error, st->arith_right, st->byte_bitop,
		st->metadata_loads, st->dead_load, st->set_trunc, st->pcap_opt_wrong,
		st->geneve_undef);
}

#define VERBOSE(st) ((st)->accept_diff + (st)->mismatch_exprs < 10)

/*
 * Run both programs on every packet of the corpus.  want is libpcap's
 * program (NULL when libpcap found that it rejects all packets); plain_ok:
 * a packet where libpcap -O0 agrees with ringcap is libpcap's optimizer's
 * error (not when want is already the -O0 program).
 */
static void compare_packets(const char *e, size_t li, const fdiff_corpus *c, pcap_t *pc,
			    const struct bpf_program *want_bp, const rc_bpf_prog *prog,
			    int plain_ok, gstats *st)
{
	size_t bad = 0;
	struct bpf_program bp0;
	int have_bp0 = 0;
	for (size_t i = 0; i < c->n; i++) {
		const fdiff_pkt *p = &c->p[i];
		int want = want_bp ? fdiff_pcap_run(want_bp->bf_insns, p) != 0 : 0;
		int got = rc_bpf_run_simple(prog->insns, prog->len, p->data, p->caplen, p->len) != 0;
		st->pkts++;
		if (want == got)
			continue;
		if (fdiff_geneve_undefined(e, fdiff_links[li].rc_lt, p)) {
			st->geneve_undef++;
			continue;
		}
		if ((want_bp || !got) &&
		    fdiff_stops_at_load(got ? want_bp->bf_insns : (const struct bpf_insn *)prog->insns,
					got ? want_bp->bf_len : prog->len, p, !got)) {
			if (got)
				st->set_trunc++;
			else
				st->dead_load++;
			continue;
		}
		if (plain_ok && fdiff_pcap_plain_verdict(pc, e, &bp0, &have_bp0, p) == got) {
			st->pcap_opt_wrong++;
			continue;
		}
		if (VERBOSE(st) && bad < 3)
			fprintf(stderr, "  [%s] packet %zu (caplen %u of %u): libpcap %d ringcap %d: "
				"%s\n", fdiff_links[li].file, i, p->caplen, p->len, want, got, e);
		bad++;
	}
	if (have_bp0 > 0)
		pcap_freecode(&bp0);
	if (bad) {
		st->mismatch_exprs++;
		st->mismatch_pkts += bad;
	}
}

/* An expression both accept: compared on the corpus unless libpcap's
 * reading is documented to differ. */
static void compare_accepted(const char *const *tok, size_t n, const char *e, size_t li,
			     const fdiff_corpus *c, pcap_t *pc, const struct bpf_program *want_bp,
			     const rc_bpf_prog *prog, int plain_ok, gstats *st)
{
	st->compared++;
	if (fdiff_skip_expr(e, fdiff_links[li].rc_lt))
		st->metadata_loads++;
	else if (field_right_of_arith(tok, n))
		st->arith_right++;
	else if (byte_bitop(tok, n))
		st->byte_bitop++;
	else
		compare_packets(e, li, c, pc, want_bp, prog, plain_ok, st);
}

/* e's tokens, as the generator joined them with single spaces */
static size_t split(const char *e, char *buf, size_t size, const char **tok)
{
	snprintf(buf, size, "%s", e);
	size_t n = 0;
	for (char *t = strtok(buf, " "); t && n < MAXTOK; t = strtok(NULL, " "))
		tok[n++] = t;
	return n;
}

static void check_one(const char *e, size_t li, const fdiff_corpus *c, pcap_t *pc, gstats *st)
{
	int lt = fdiff_links[li].rc_lt;
	char tbuf[256];
	const char *tok[MAXTOK];
	size_t n = split(e, tbuf, sizeof(tbuf), tok);
	struct bpf_program bp;
	int pst = pcap_compile(pc, &bp, e, 1, 0xffffff00u);
	char perr[PCAP_ERRBUF_SIZE + 1];
	snprintf(perr, sizeof(perr), "%s", pcap_geterr(pc));
	int rejects_all = pst < 0 && strstr(perr, "rejects all packets") != NULL;
	rc_bpf_prog prog;
	char err[RC_ERRBUF_SIZE];
	rc_filter_opts o = {.optimize = 1, .linux_live = 0, .resolve_names = 1};
	int rst = rc_filter_compile(&prog, e, lt, 262144, 0xffffff00u, &o, err);
	st->pairs++;
	int pacc = pst == 0 || rejects_all, racc = rst == 0;

	if (!pacc && !racc) {
		st->both_refuse++;
		return;
	}
	if (pacc && !racc) {
		if (pst == 0)
			pcap_freecode(&bp);
		if (rst == RC_ENOTSUP && strstr(err, "keyword is not supported by ringcap"))
			st->unsup_keyword++;
		else if (rst == RC_ENOTSUP && (strstr(err, "inbound/outbound need a direction") ||
					       strstr(err, "ifindex is only available")))
			st->metadata_refused++;
		else if (rst == RC_ENOTSUP && strstr(err, "DECnet addresses take no mask") &&
			 strstr(e, "decnet"))
			st->decnet_mask++;
		else {
			if (VERBOSE(st))
				fprintf(stderr, "  [%s] ringcap refuses (%s), libpcap accepts: %s\n",
					fdiff_links[li].file, err, e);
			st->accept_diff++;
		}
		return;
	}
	if (!pacc && racc) {
		struct bpf_program bp0;
		if (strstr(perr, "by zero") && divisor_field_at_zero(tok, n)) {
			st->div_zero++;
		} else if (pcap_compile(pc, &bp0, e, 0, 0xffffff00u) == 0) {
			/* libpcap's optimizer failed; its -O0 program is the oracle */
			st->pcap_opt_error++;
			compare_accepted(tok, n, e, li, c, pc, &bp0, &prog, 0, st);
			pcap_freecode(&bp0);
		} else {
			if (VERBOSE(st))
				fprintf(stderr, "  [%s] libpcap refuses (%s), ringcap accepts: %s\n",
					fdiff_links[li].file, perr, e);
			st->accept_diff++;
		}
		rc_bpf_prog_free(&prog);
		return;
	}
	compare_accepted(tok, n, e, li, c, pc, rejects_all ? NULL : &bp, &prog, 1, st);
	if (!rejects_all)
		pcap_freecode(&bp);
	rc_bpf_prog_free(&prog);
}

/* The corpus, and a libpcap handle on each of its files: expressions are
 * compiled for the corpus file, as for tcpdump -r (see
 * test_filter_diff_libpcap.c). */
static void setup(fdiff_corpus c[FDIFF_NLINKS], pcap_t *pc[FDIFF_NLINKS])
{
	fdiff_load_all(c);
	/* Random IDs land where host names go ("src xid", "host domain"): both
	 * compilers look them up.  In a network namespace of its own (this
	 * test's process only), DNS fails at once and the same way everywhere,
	 * and only /etc/hosts answers. */
	if (unshare(CLONE_NEWNET) != 0 && unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0)
		SKIP("no private network namespace (host name lookups would go to DNS)");
	for (size_t li = 0; li < FDIFF_NLINKS; li++) {
		char oerr[PCAP_ERRBUF_SIZE];
		pc[li] = pcap_open_offline(c[li].path, oerr);
		ASSERT_TRUE(pc[li] != NULL);
	}
}

static void teardown(fdiff_corpus c[FDIFF_NLINKS], pcap_t *pc[FDIFF_NLINKS])
{
	for (size_t li = 0; li < FDIFF_NLINKS; li++)
		pcap_close(pc[li]);
	fdiff_free_all(c);
}

TEST_TIMEOUT(filter_diff_grammar_matches_libpcap, 180)
{
	fdiff_corpus c[FDIFF_NLINKS];
	pcap_t *pc[FDIFF_NLINKS];
	setup(c, pc);
	const char *seed = getenv("RC_TEST_SEED");
	if (seed && *seed)
		rng = (uint32_t)strtoul(seed, NULL, 0);
	gstats st = {0};
	for (int i = 0; i < 100000; i++) {
		size_t n = 1 + rnd(7);
		char e[256] = "";
		for (size_t k = 0; k < n; k++) {
			if (k)
				strcat(e, " ");
			strcat(e, vocab[rnd(NVOCAB)]);
		}
		for (size_t li = 0; li < FDIFF_NLINKS; li++)
			check_one(e, li, &c[li], pc[li], &st);
	}
	report(&st);
	teardown(c, pc);
	ASSERT_INT_EQ(st.accept_diff, 0);
	ASSERT_INT_EQ(st.mismatch_exprs, 0);
	/* not vacuous: a good share of both-accepted expressions, compared */
	ASSERT_UINT_GE(st.compared, 20000);
	ASSERT_UINT_GE(st.pkts, 1000000);
	/* the documented differences stay exceptions */
	ASSERT_UINT_LE((st.unsup_keyword + st.metadata_refused + st.decnet_mask) * 100, st.pairs);
	ASSERT_UINT_LE((st.div_zero + st.pcap_opt_error) * 100, st.pairs);
	ASSERT_UINT_LE((st.arith_right + st.metadata_loads) * 20, st.compared);
	ASSERT_UINT_LE((st.dead_load + st.set_trunc) * 1000, st.pkts);
	ASSERT_UINT_LE((st.pcap_opt_wrong + st.geneve_undef) * 1000, st.pkts);
}

/*
 * The exceptions are told apart narrowly: the documented examples land in
 * their own counters and nowhere else, near misses are not taken for them,
 * and an expression skipped for libpcap's gen_arth does differ when
 * compared.
 */
TEST(filter_diff_grammar_tells_documented_differences_apart)
{
	static const struct {
		const char *e;
		int right, divisor;
	} cls[] = {
		{"0 & tcp[13] < ip[0]", 1, 0}, {"1 < ether[0] % udp[8:4]", 1, 0},
		{"1 < 2 * ( udp[8:4] )", 1, 0}, {"len - ip [ 0 ] > 1", 1, 0},
		{"tcp[13] & 0 < ip[0]", 0, 0}, {"1 < - tcp[13]", 0, 0},
		{"0 & ether[0] < 1", 0, 0}, {"( ip[0] ) - 1 > 1", 0, 0},
		{"tcp[13] / ether[0] = 1", 0, 1}, {"1 % ip [ 0 ] > 0", 1, 1},
		{"1 / ( tcp[0:2] ) > 0", 1, 1}, {"ip[0] / 0 = 1", 0, 0},
		{"ip[0] / ip6[6] = 1", 1, 0}, {"1 / ( 0 ) > 1", 0, 0},
		{"icmptype - ip[0] < 0x800", 1, 0}, {"tcp-syn - tcp[13] > 1", 1, 0},
		{"icmptype < - ip[0]", 0, 0},
	};
	for (size_t i = 0; i < sizeof(cls) / sizeof(cls[0]); i++) {
		char buf[256];
		const char *tok[MAXTOK];
		size_t n = split(cls[i].e, buf, sizeof(buf), tok);
		if (field_right_of_arith(tok, n) != cls[i].right ||
		    divisor_field_at_zero(tok, n) != cls[i].divisor)
			rc_test_fail(__FILE__, __LINE__, "misclassified: %s", cls[i].e);
	}

	fdiff_corpus c[FDIFF_NLINKS];
	pcap_t *pc[FDIFF_NLINKS];
	setup(c, pc);
	gstats st = {0};
	for (size_t li = 0; li < FDIFF_NLINKS; li++) {
		check_one("0 & tcp[13] < ip[0]", li, &c[li], pc[li], &st);
		check_one("1 < ether[0] % udp[8:4]", li, &c[li], pc[li], &st);
		check_one("icmptype - ip[0] < 0x800", li, &c[li], pc[li], &st);
	}
	ASSERT_UINT_EQ(st.arith_right, st.compared);
	ASSERT_UINT_GE(st.arith_right, 12);
	ASSERT_UINT_EQ(st.pkts, 0);
	gstats d = {0};
	for (size_t li = 0; li < FDIFF_NLINKS; li++) {
		check_one("tcp[13] / ether[0] = 1", li, &c[li], pc[li], &d);
		check_one("1 % ip [ 0 ] > 0", li, &c[li], pc[li], &d);
	}
	ASSERT_UINT_EQ(d.div_zero, 2 * FDIFF_NLINKS);
	/* byte & and byte |, told from the other byte relations (found by
	 * seed 1259: "byte 1 & 2") */
	static const struct {
		const char *e;
		int bitop;
	} bytes[] = {{"byte 1 & 2", 1}, {"ip and byte 0 | 1", 1}, {"byte 1 = 2", 0},
		     {"byte 1 < 2", 0}, {"ip[1] & 2 != 0", 0}, {"byte", 0}};
	for (size_t i = 0; i < sizeof(bytes) / sizeof(bytes[0]); i++) {
		char buf[256];
		const char *tok[MAXTOK];
		size_t n = split(bytes[i].e, buf, sizeof(buf), tok);
		if (byte_bitop(tok, n) != bytes[i].bitop)
			rc_test_fail(__FILE__, __LINE__, "misclassified: %s", bytes[i].e);
	}
	gstats b = {0};
	for (size_t li = 0; li < FDIFF_NLINKS; li++)
		check_one("byte 1 & 2", li, &c[li], pc[li], &b);
	ASSERT_UINT_EQ(b.byte_bitop, b.compared);
	ASSERT_UINT_GE(b.byte_bitop, 1);
	/* and what is no documented difference still fails: besides, the
	 * grammar fuzzer's finds longer than the 7 tokens drawn above (a
	 * relation leaves no qualifier to inherit, commit 727a938) */
	gstats m = {0};
	for (size_t li = 0; li < FDIFF_NLINKS; li++) {
		check_one("inbound or ifindex 1", li, &c[li], pc[li], &m);
		check_one("port 80 or ip[0] = 1 or 80", li, &c[li], pc[li], &m);
		check_one("host 10.0.0.1 and ( ip[0] = 1 or 10.0.0.2 )", li, &c[li], pc[li], &m);
	}
	ASSERT_UINT_EQ(m.accept_diff + m.mismatch_exprs, 0);
	/* compared anyway, libpcap's reading differs on the corpus */
	gstats w = {0};
	rc_bpf_prog prog;
	char err[RC_ERRBUF_SIZE];
	rc_filter_opts o = {.optimize = 1, .linux_live = 0, .resolve_names = 1};
	ASSERT_INT_EQ(rc_filter_compile(&prog, "0 & tcp[13] < ip[0]", RC_LINKTYPE_ETHERNET, 262144,
					0xffffff00u, &o, err), 0);
	struct bpf_program bp;
	ASSERT_INT_EQ(pcap_compile(pc[0], &bp, "0 & tcp[13] < ip[0]", 1, 0xffffff00u), 0);
	compare_packets("0 & tcp[13] < ip[0]", 0, &c[0], pc[0], &bp, &prog, 1, &w);
	pcap_freecode(&bp);
	rc_bpf_prog_free(&prog);
	ASSERT_UINT_EQ(w.mismatch_exprs, 1);
	report(&st);
	report(&d);
	report(&m);
	teardown(c, pc);
}

#else

TEST(filter_diff_grammar_matches_libpcap)
{
	SKIP("built without the libpcap oracle (libpcap-dev)");
}

TEST(filter_diff_grammar_tells_documented_differences_apart)
{
	SKIP("built without the libpcap oracle (libpcap-dev)");
}

#endif

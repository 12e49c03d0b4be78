/*
 * filter_diff_common.c - the corpus and the adjudication of documented
 * differences shared by the differential tests against libpcap
 * (filter_diff_common.h).
 */
#include "filter_diff_common.h"

#ifdef RC_HAVE_LIBPCAP_ORACLE

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "testutil.h"

#include "ringcap/linktype.h"

const fdiff_link fdiff_links[FDIFF_NLINKS] = {
	{"en10mb", RC_LINKTYPE_ETHERNET, 1}, {"sll", RC_LINKTYPE_LINUX_SLL, 113},
	{"sll2", RC_LINKTYPE_LINUX_SLL2, 276}, {"raw", RC_LINKTYPE_RAW, 12},
	{"ipv4", RC_LINKTYPE_IPV4, 228}, {"ipv6", RC_LINKTYPE_IPV6, 229},
	{"null", RC_LINKTYPE_NULL, 0}, {"loop", RC_LINKTYPE_LOOP, 108},
};

/* classic little-endian pcap as gen_corpus.py writes it */
static void load_pcap(const char *path, fdiff_corpus *c)
{
	size_t len;
	c->buf = rc_test_read_file(path, &len);
	c->p = calloc(len / 16 + 1, sizeof(fdiff_pkt));
	c->n = 0;
	size_t off = 24;
	while (off + 16 <= len) {
		uint32_t cap, wire;
		memcpy(&cap, c->buf + off + 8, 4);
		memcpy(&wire, c->buf + off + 12, 4);
		if (off + 16 + cap > len)
			break;
		c->p[c->n++] = (fdiff_pkt){c->buf + off + 16, cap, wire};
		off += 16 + cap;
	}
}

void fdiff_load_all(fdiff_corpus c[FDIFF_NLINKS])
{
	const char *dir = rc_test_tmpdir();
	if (rc_test_sh(NULL, "/usr/bin/python3 -c 'import scapy' 2>/dev/null") != 0)
		SKIP("python3 scapy not installed (scripts/deps.sh installs python3-scapy)");
	int st = rc_test_sh(NULL, "/usr/bin/python3 %s/tests/filter/gen_corpus.py %s",
			    rc_test_srcdir(), dir);
	ASSERT_INT_EQ(st, 0);
	for (size_t i = 0; i < FDIFF_NLINKS; i++) {
		snprintf(c[i].path, sizeof(c[i].path), "%s/%s.pcap", dir, fdiff_links[i].file);
		load_pcap(c[i].path, &c[i]);
		ASSERT_TRUE(c[i].n > 10);
	}
}

void fdiff_free_all(fdiff_corpus c[FDIFF_NLINKS])
{
	for (size_t i = 0; i < FDIFF_NLINKS; i++) {
		free(c[i].buf);
		free(c[i].p);
	}
}

int fdiff_skip_expr(const char *e, int rc_lt)
{
	int sll = rc_lt == RC_LINKTYPE_LINUX_SLL || rc_lt == RC_LINKTYPE_LINUX_SLL2;
	if (!sll && (strstr(e, "bound") || strstr(e, "ifindex")))
		return 1;   /* libpcap emits kernel-only metadata loads here */
	if (rc_lt == RC_LINKTYPE_LINUX_SLL && strstr(e, "ifindex"))
		return 1;
	if (strstr(e, "pppoes") && (strstr(e, "bound") || strstr(e, "ifindex")))
		return 1;   /* after pppoes libpcap switches to metadata loads */
	return 0;
}

/*
 * libpcap's bpf_filter keeps the scratch memory in an uninitialized stack
 * array.  After "geneve", where Geneve did not match ("geneve or udp"),
 * libpcap's programs read words they never wrote; ringcap's programs clear
 * them first (src/filter/gen_geneve.c).  Running bpf_filter on a cleared
 * stack gives those reads the same 0.
 */
static __attribute__((noinline)) void clear_stack(void)
{
	uint8_t pad[16384];
	explicit_bzero(pad, sizeof(pad));
}

__attribute__((noinline)) u_int fdiff_pcap_run(const struct bpf_insn *insns, const fdiff_pkt *p)
{
	clear_stack();
	return bpf_filter(insns, p->data, p->len, p->caplen);
}

/*
 * Did the program reject the packet by running a load past caplen, rather
 * than by a "ret #0"?  Run a copy whose "ret #0"s return a marker: the
 * only way left to get 0 is the out-of-bounds load.  Needs a copy because
 * libpcap's bpf_filter and ringcap's VM both return 0 for both.
 */
_Static_assert(sizeof(rc_bpf_insn) == sizeof(struct bpf_insn), "one instruction layout");

int fdiff_stops_at_load(const struct bpf_insn *insns, size_t len, const fdiff_pkt *p, int rc)
{
	struct bpf_insn *c = malloc(len * sizeof(*c));
	memcpy(c, insns, len * sizeof(*c));
	for (size_t i = 0; i < len; i++)
		if (c[i].code == (BPF_RET | BPF_K) && c[i].k == 0)
			c[i].k = 0xdead;
	uint32_t r = rc ? rc_bpf_run_simple((const rc_bpf_insn *)c, len, p->data, p->caplen,
					    p->len)
			: fdiff_pcap_run(c, p);
	free(c);
	return r == 0;
}

/*
 * After "geneve", a primitive that runs where Geneve did not match reads
 * offsets that libpcap's program never computed: scratch words holding
 * whatever was there (uninitialized stack, or a value its arithmetic kept
 * in the same word earlier).  libpcap has no defined verdict there; ringcap
 * clears the words first (src/filter/gen_geneve.c, docs/filters.md).  Such
 * a packet is found with ringcap's unoptimized program, whose first block
 * is that clearing ("ld #0; st M[a]; st M[b] ..."): run with distinct huge
 * values in the words instead, an indexed load through one of them fails,
 * and the verdict (ret #0 marked apart from a failed load) changes.
 */
int fdiff_geneve_undefined(const char *e, int rc_lt, const fdiff_pkt *p)
{
	if (!strstr(e, "geneve"))
		return 0;
	rc_bpf_prog prog;
	char err[RC_ERRBUF_SIZE];
	rc_filter_opts o = {.optimize = 0, .linux_live = 0, .resolve_names = 1};
	if (rc_filter_compile(&prog, e, rc_lt, 262144, 0xffffff00u, &o, err) < 0)
		return 0;
	size_t n = 0;
	if (prog.len > 1 && prog.insns[0].code == (BPF_LD | BPF_IMM) && prog.insns[0].k == 0)
		while (1 + n < prog.len && prog.insns[1 + n].code == BPF_ST)
			n++;
	rc_bpf_insn *c = malloc((prog.len + n) * sizeof(*c));
	for (size_t i = 0; i < n; i++) {
		c[2 * i] = (rc_bpf_insn){.code = BPF_LD | BPF_IMM, .k = 0x80000000u + (uint32_t)i};
		c[2 * i + 1] = prog.insns[1 + i];
	}
	memcpy(c + 2 * n, prog.insns + 1 + n, (prog.len - 1 - n) * sizeof(*c));
	for (size_t i = 0; i < prog.len + n - 1; i++)
		if (c[i].code == (BPF_RET | BPF_K) && c[i].k == 0)
			c[i].k = 0xdead;
	uint32_t poisoned = rc_bpf_run_simple(c, prog.len + n - 1, p->data, p->caplen, p->len);
	memcpy(c, prog.insns, prog.len * sizeof(*c));
	for (size_t i = 0; i < prog.len; i++)
		if (c[i].code == (BPF_RET | BPF_K) && c[i].k == 0)
			c[i].k = 0xdead;
	uint32_t zeroed = rc_bpf_run_simple(c, prog.len, p->data, p->caplen, p->len);
	free(c);
	rc_bpf_prog_free(&prog);
	return n > 0 && poisoned != zeroed;
}

/*
 * libpcap's optimizer has bugs of its own: for "((len >= 60) or (ip
 * broadcast) and ip proto \udp) and not (less 60)" libpcap 1.10.3 -O
 * threads the broadcast branch's jump past the length test and accepts a
 * 44-byte UDP broadcast that the unoptimized program (and ringcap) reject.
 * Such a packet is ringcap agreeing with what the expression means, not a
 * difference.
 */
int fdiff_pcap_plain_verdict(pcap_t *pc, const char *e, struct bpf_program *bp0, int *have,
			     const fdiff_pkt *p)
{
	if (*have == 0)
		*have = pcap_compile(pc, bp0, e, 0, 0xffffff00u) == 0 ? 1 : -1;
	if (*have < 0)
		return -1;
	return fdiff_pcap_run(bp0->bf_insns, p) != 0;
}

#else

/* ISO C wants a declaration in every translation unit. */
typedef int fdiff_no_oracle;

#endif

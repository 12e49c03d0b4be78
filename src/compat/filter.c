/*
 * filter.c - pcap_compile, pcap_compile_nopcap, pcap_setfilter,
 * pcap_freecode, pcap_offline_filter and the bpf_* helpers, on ringcap's
 * filter compiler, validator, VM and dumper (include/ringcap/filter.h).
 *
 * struct bpf_insn and rc_bpf_insn are the same 8-byte layout (checked
 * below), so compiled programs are handed to the caller as they are.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compat/long_progs.h"
#include "compat/pcap_int.h"

_Static_assert(sizeof(struct bpf_insn) == sizeof(rc_bpf_insn), "bpf_insn layout");
_Static_assert(offsetof(struct bpf_insn, k) == offsetof(rc_bpf_insn, k), "bpf_insn layout");
_Static_assert(offsetof(struct bpf_insn, jf) == offsetof(rc_bpf_insn, jf), "bpf_insn layout");

/*
 * The netmask argument: libpcap uses the 32-bit value exactly as passed
 * (pcap_lookupnet() fills it from sin_addr.s_addr), so the same number
 * goes to ringcap's compiler, whose "unknown" is libpcap's; 0 is a mask.
 */
_Static_assert(PCAP_NETMASK_UNKNOWN == RC_NETMASK_UNKNOWN, "netmask unknown");

/* Longest program p accepts: the kernel's limit for live handles, ringcap's
 * user-space limit for programs that only run in user space. */
static size_t rc__pcap_max_insns(const pcap_t *p)
{
	return p->ops == &rc__pcap_live_ops ? RC_BPF_MAXINSNS : RC_BPF_USER_MAXINSNS;
}

int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize,
		 bpf_u_int32 netmask)
{
	rc_filter_opts opts = { .optimize = optimize != 0, .resolve_names = 1 };
	char err[RC_ERRBUF_SIZE];
	rc_bpf_prog prog = { 0 };
	int linktype, rc;

	if (!p->activated)
		return rc__pcap_err(p, PCAP_ERROR, "not-yet-activated pcap_t passed to pcap_compile");
	/* As libpcap's gencode.c, before looking at the expression. */
	if (p->snapshot == 0)
		return rc__pcap_err(p, PCAP_ERROR, "snaplen of 0 rejects all packets");
	/* Live Linux captures see VLAN tags as metadata (linux/filter.h
	 * SKF_AD_VLAN_TAG*), which changes the code for `vlan`. */
	opts.linux_live = p->ops == &rc__pcap_live_ops;
	/* Only a live handle's program goes to the kernel (4096 instructions);
	 * savefiles and dead handles filter in user space. */
	opts.max_insns = rc__pcap_max_insns(p);
	linktype = rc__dlt_to_linktype(p->linktype);
	if (linktype < 0)
		linktype = p->linktype;
	rc = rc_filter_compile(&prog, str ? str : "", linktype, (uint32_t)p->snapshot,
			       netmask, &opts, err);
	if (rc < 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s", err);
	if (prog.len > UINT32_MAX) {
		rc_bpf_prog_free(&prog);
		return rc__pcap_err(p, PCAP_ERROR, "filter program too long");
	}
	/* libpcap's optimizer refuses an expression it proves always false
	 * ("arp" on raw IP, "tcp and not tcp"); without optimizing it
	 * returns the program.  Callers rely on the error. */
	if (optimize && prog.len == 1 && prog.insns[0].code == (BPF_RET | BPF_K) &&
	    prog.insns[0].k == 0) {
		rc_bpf_prog_free(&prog);
		return rc__pcap_err(p, PCAP_ERROR, "expression rejects all packets");
	}
	if (prog.len > RC_BPF_MAXINSNS &&
	    rc__long_prog_add((const struct bpf_insn *)prog.insns, prog.len) < 0) {
		rc_bpf_prog_free(&prog);
		return rc__pcap_err(p, PCAP_ERROR, "out of memory for a %zu-instruction program",
				    prog.len);
	}
	/* rc_bpf_prog's array is malloc'ed: pcap_freecode() frees it. */
	fp->bf_len = (u_int)prog.len;
	fp->bf_insns = (struct bpf_insn *)prog.insns;
	return 0;
}

int pcap_compile_nopcap(int snaplen, int linktype, struct bpf_program *fp, const char *str,
			int optimize, bpf_u_int32 netmask)
{
	pcap_t *p = pcap_open_dead(linktype, snaplen);
	int rc;

	if (!p)
		return PCAP_ERROR;
	rc = pcap_compile(p, fp, str, optimize, netmask);
	pcap_close(p);
	return rc;
}

void pcap_freecode(struct bpf_program *fp)
{
	if (!fp)
		return;
	rc__long_prog_remove(fp->bf_insns);
	free(fp->bf_insns);
	fp->bf_insns = NULL;
	fp->bf_len = 0;
}

int rc__pcap_install_filter(pcap_t *p, const rc_bpf_insn *insns, size_t len)
{
	rc_bpf_insn *copy;

	copy = malloc(len * sizeof(*copy));
	if (!copy)
		return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
	memcpy(copy, insns, len * sizeof(*copy));
	free(p->filter);
	p->filter = copy;
	p->filter_len = len;
	return 0;
}

int rc__pcap_filter_accepts(const pcap_t *p, const rc_packet *pkt)
{
	if (!p->filter)
		return 1;
	return rc_bpf_run_simple(p->filter, p->filter_len, pkt->data, pkt->caplen, pkt->len) != 0;
}

int pcap_setfilter(pcap_t *p, struct bpf_program *fp)
{
	char err[RC_ERRBUF_SIZE];

	if (!p->activated)
		return rc__pcap_err(p, PCAP_ERROR_NOT_ACTIVATED, "This handle hasn't been activated yet");
	if (!p->ops->setfilter)
		return rc__pcap_err(p, PCAP_ERROR, "A filter cannot be set on a pcap_open_dead pcap_t");
	if (!fp || !fp->bf_insns)
		return rc__pcap_err(p, PCAP_ERROR, "No filter specified");
	/* Validate before anything changes: a rejected program leaves the old
	 * filter in place. */
	if (rc_bpf_validate_len((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, rc__pcap_max_insns(p),
				err) < 0)
		return rc__pcap_err(p, PCAP_ERROR, "BPF program is not valid: %s", err);
	return p->ops->setfilter(p, (const rc_bpf_insn *)fp->bf_insns, fp->bf_len);
}

/*
 * bpf_filter() gets no length and libpcap's trusts the program.  Any
 * pre-scan of "the program" would read instructions execution never reaches
 * (an untaken branch past the caller's array), so this interpreter checks
 * each instruction only when it executes it and so reads exactly what
 * libpcap's would.  What it checks, rejecting the packet (0) instead of
 * going on: an unknown opcode, a scratch index >= 16, an instruction index
 * at or past RC_BPF_MAXINSNS (a wild `ja` is refused, never followed),
 * unless pcap_compile() made the program and recorded its greater length
 * (long_progs.h), a load outside buflen bytes, division or modulo by 0.  Shifts as libpcap's
 * (see rc__alu).  Loads see no ancillary data (the kernel's
 * SKF_AD_* offsets are outside the packet), as libpcap's bpf_filter.
 *
 * pc is the index of the instruction being run; every path moves it
 * forward, so at most RC_BPF_MAXINSNS instructions run (a recorded
 * program's length for a long one).  What cannot be
 * checked without a length: a program that runs or jumps past the end of
 * its own array (below the cap) is read out of bounds, as by libpcap.
 */
static int rc__load(const u_char *p, u_int buflen, uint64_t off, u_int size, uint32_t *v)
{
	if (off > buflen || size > buflen - off)
		return -1;
	*v = 0;
	for (u_int i = 0; i < size; i++)
		*v = (*v << 8) | p[off + i];
	return 0;
}

static int rc__alu(uint32_t *a, u_int code, uint32_t v)
{
	/* libpcap checks a shift count in X (>= 32 gives 0) but shifts by a
	 * constant as C does on x86-64 and arm64, modulo 32. */
	if ((BPF_OP(code) == BPF_LSH || BPF_OP(code) == BPF_RSH) && BPF_SRC(code) == BPF_K)
		v &= 31;
	switch (BPF_OP(code)) {
	case BPF_ADD: *a += v; return 0;
	case BPF_SUB: *a -= v; return 0;
	case BPF_MUL: *a *= v; return 0;
	case BPF_DIV: if (v == 0) return -1; *a /= v; return 0;
	case BPF_MOD: if (v == 0) return -1; *a %= v; return 0;
	case BPF_AND: *a &= v; return 0;
	case BPF_OR: *a |= v; return 0;
	case BPF_XOR: *a ^= v; return 0;
	case BPF_LSH: *a = v < 32 ? *a << v : 0; return 0;
	case BPF_RSH: *a = v < 32 ? *a >> v : 0; return 0;
	case BPF_NEG: *a = (uint32_t)-*a; return 0;
	default: return -1;
	}
}

u_int bpf_filter(const struct bpf_insn *prog, const u_char *p, u_int wirelen, u_int buflen)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 }, v;
	static const u_int size[] = { [BPF_W >> 3] = 4, [BPF_H >> 3] = 2, [BPF_B >> 3] = 1, [3] = 0 };

	/* No program accepts everything (libpcap returns (u_int)-1). */
	if (!prog)
		return (u_int)-1;
	uint64_t limit = RC_BPF_MAXINSNS;
	for (uint64_t pc = 0;; pc++) {
		if (pc >= limit) {
			size_t len;
			if (limit != RC_BPF_MAXINSNS || (len = rc__long_prog_len(prog)) <= pc)
				return 0; /* past the end, or an unknown program past 4096 */
			limit = len;
		}
		const struct bpf_insn *in = &prog[pc];
		u_int code = in->code, sz = size[BPF_SIZE(code) >> 3];
		uint32_t src = BPF_SRC(code) == BPF_X ? x : in->k;

		switch (BPF_CLASS(code)) {
		case BPF_RET:
			if (code != (BPF_RET | BPF_K) && code != (BPF_RET | BPF_A))
				return 0;
			return BPF_RVAL(code) == BPF_A ? a : in->k;
		case BPF_LD:
		case BPF_LDX: {
			uint32_t *r = BPF_CLASS(code) == BPF_LD ? &a : &x;
			int ld = BPF_CLASS(code) == BPF_LD;

			if (code == (BPF_LDX | BPF_MSH | BPF_B)) {
				if (rc__load(p, buflen, in->k, 1, &v) < 0)
					return 0;
				x = (v & 0xf) << 2;
			} else if (BPF_MODE(code) == BPF_IMM && sz == 4) {
				*r = in->k;
			} else if (BPF_MODE(code) == BPF_LEN && sz == 4) {
				*r = wirelen;
			} else if (BPF_MODE(code) == BPF_MEM && sz == 4) {
				if (in->k >= BPF_MEMWORDS)
					return 0;
				*r = mem[in->k];
			} else if (ld && BPF_MODE(code) == BPF_ABS && sz) {
				if (rc__load(p, buflen, in->k, sz, r) < 0)
					return 0;
			} else if (ld && BPF_MODE(code) == BPF_IND && sz) {
				if (rc__load(p, buflen, (uint64_t)x + in->k, sz, r) < 0)
					return 0;
			} else {
				return 0;
			}
			break;
		}
		case BPF_ST:
		case BPF_STX:
			if (code != BPF_CLASS(code) || in->k >= BPF_MEMWORDS)
				return 0;
			mem[in->k] = BPF_CLASS(code) == BPF_ST ? a : x;
			break;
		case BPF_ALU:
			if ((BPF_OP(code) == BPF_NEG && BPF_SRC(code) == BPF_X) ||
			    rc__alu(&a, code, src) < 0)
				return 0;
			break;
		case BPF_JMP:
			if (BPF_OP(code) == BPF_JA) {
				if (code != (BPF_JMP | BPF_JA))
					return 0;
				pc += in->k;
				break;
			}
			switch (BPF_OP(code)) {
			case BPF_JEQ: v = a == src; break;
			case BPF_JGT: v = a > src; break;
			case BPF_JGE: v = a >= src; break;
			case BPF_JSET: v = (a & src) != 0; break;
			default: return 0;
			}
			pc += v ? in->jt : in->jf;
			break;
		case BPF_MISC:
			if (code == (BPF_MISC | BPF_TAX))
				x = a;
			else if (code == (BPF_MISC | BPF_TXA))
				a = x;
			else
				return 0;
			break;
		}
	}
}

int pcap_offline_filter(const struct bpf_program *fp, const struct pcap_pkthdr *h,
			const u_char *pkt)
{
	if (!fp->bf_insns || fp->bf_len == 0)
		return 0;
	if (rc_bpf_validate_len((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, RC_BPF_USER_MAXINSNS,
				NULL) < 0)
		return 0;
	return (int)rc_bpf_run_simple((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, pkt,
				      h->caplen, h->len);
}

int bpf_validate(const struct bpf_insn *f, int len)
{
	if (!f || len < 1)
		return 0;
	return rc_bpf_validate_len((const rc_bpf_insn *)f, (size_t)len, RC_BPF_USER_MAXINSNS, NULL) == 0;
}

char *bpf_image(const struct bpf_insn *p, int n)
{
	/* Static, as in libpcap: overwritten by the next call. */
	static char image[256];
	char body[200];

	rc_bpf_image((const rc_bpf_insn *)p, n < 0 ? 0 : (size_t)n, body, sizeof(body));
	snprintf(image, sizeof(image), "(%03d) %s", n, body);
	return image;
}

void bpf_dump(const struct bpf_program *p, int option)
{
	/* tcpdump -ddd (option > 2), -dd (> 1), -d (otherwise). */
	int style = option > 2 ? 3 : option > 1 ? 2 : 1;

	rc_bpf_dump(stdout, (const rc_bpf_insn *)p->bf_insns, p->bf_len, style);
}

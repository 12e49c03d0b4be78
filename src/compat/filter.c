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

int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize,
		 bpf_u_int32 netmask)
{
	rc_filter_opts opts = { .optimize = optimize != 0, .resolve_names = 1 };
	char err[RC_ERRBUF_SIZE];
	rc_bpf_prog prog = { 0 };
	int linktype, rc;

	if (!p->activated)
		return rc__pcap_err(p, PCAP_ERROR, "not-yet-activated pcap_t passed to pcap_compile");
	/* Live Linux captures see VLAN tags as metadata (linux/filter.h
	 * SKF_AD_VLAN_TAG*), which changes the code for `vlan`. */
	opts.linux_live = p->ops == &rc__pcap_live_ops;
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
	if (rc_bpf_validate((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, err) < 0)
		return rc__pcap_err(p, PCAP_ERROR, "BPF program is not valid: %s", err);
	return p->ops->setfilter(p, (const rc_bpf_insn *)fp->bf_insns, fp->bf_len);
}

/*
 * Length of the program that bpf_filter() gets without one: the last
 * instruction reachable from 0.  Jumps only go forward, so one pass over
 * the reachable instructions finds it.  0 if a path runs past
 * RC_BPF_MAXINSNS or a jump offset leaves that range.
 */
static size_t rc__reachable_len(const struct bpf_insn *pc)
{
	unsigned char seen[RC_BPF_MAXINSNS] = { 0 };
	size_t last = 0;

	seen[0] = 1;
	for (size_t i = 0; i <= last; i++) {
		uint64_t t1, t2;
		if (!seen[i])
			continue;
		if (BPF_CLASS(pc[i].code) == BPF_RET)
			continue;
		if (BPF_CLASS(pc[i].code) != BPF_JMP) {
			t1 = t2 = i + 1;
		} else if (BPF_OP(pc[i].code) == BPF_JA) {
			t1 = t2 = (uint64_t)i + 1 + pc[i].k;
		} else {
			t1 = i + 1u + pc[i].jt;
			t2 = i + 1u + pc[i].jf;
		}
		if (t1 >= RC_BPF_MAXINSNS || t2 >= RC_BPF_MAXINSNS)
			return 0;
		seen[t1] = seen[t2] = 1;
		if (t1 > last)
			last = (size_t)t1;
		if (t2 > last)
			last = (size_t)t2;
	}
	return last + 1;
}

u_int bpf_filter(const struct bpf_insn *pc, const u_char *p, u_int wirelen, u_int buflen)
{
	size_t len;

	/* No program accepts everything (libpcap returns (u_int)-1). */
	if (!pc)
		return (u_int)-1;
	/* libpcap trusts the program; ringcap checks it (and rejects the
	 * packet if it is not valid) rather than read out of bounds. */
	len = rc__reachable_len(pc);
	if (len == 0 || rc_bpf_validate((const rc_bpf_insn *)pc, len, NULL) < 0)
		return 0;
	return rc_bpf_run_simple((const rc_bpf_insn *)pc, len, p, buflen, wirelen);
}

int pcap_offline_filter(const struct bpf_program *fp, const struct pcap_pkthdr *h,
			const u_char *pkt)
{
	if (!fp->bf_insns || fp->bf_len == 0)
		return 0;
	if (rc_bpf_validate((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, NULL) < 0)
		return 0;
	return (int)rc_bpf_run_simple((const rc_bpf_insn *)fp->bf_insns, fp->bf_len, pkt,
				      h->caplen, h->len);
}

int bpf_validate(const struct bpf_insn *f, int len)
{
	if (!f || len < 1)
		return 0;
	return rc_bpf_validate((const rc_bpf_insn *)f, (size_t)len, NULL) == 0;
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

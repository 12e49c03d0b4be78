/*
 * gen_geneve.c - "geneve [VNI]": UDP to port 6081 carrying a version 0
 * Geneve header (RFC 8926 3.4), over IPv4 or IPv6; everything generated
 * after it reads the encapsulated frame (libpcap 1.10 gencode.c gen_geneve).
 *
 *   | UDP 8 | ver 2 bits, opt len 6 bits | flags | protocol type 2 |
 *           | VNI 3 | reserved 1 | options (opt len * 4 bytes) | inner frame
 *
 * Where the inner frame starts depends on the outer IPv4 header length and
 * the option length, so it is computed at run time into three scratch
 * words, as libpcap's gen_geneve_offsets does:
 *
 *   M[linkhdr] = end of the Geneve header
 *   protocol type 0x6558 (Transparent Ethernet Bridging), an inner Ethernet
 *   frame:      M[linktype] = M[linkhdr] + 12, M[linkpl] = M[linkhdr] + 14
 *   otherwise the payload is the protocol the type field names:
 *               M[linktype] = the protocol type field, M[linkpl] = M[linkhdr]
 *
 * and from then on the link layer is Ethernet, whatever the outer one: its
 * type field is an ethertype either way.  Ethernet addresses then also need
 * an inner Ethernet header (rc__gen_geneve_ll_check).
 *
 * Where "geneve" did not match but a later primitive still runs ("geneve or
 * udp", "not geneve and ip"), libpcap's program reads these words without
 * having written them: undefined in its bpf_filter (an uninitialized stack
 * array) and refused by the Linux kernel's filter check.  ringcap's
 * programs clear the words first (rc__gen_geneve_prologue), so such a
 * primitive reads at offset 0 of the packet, which is what libpcap's
 * program does when its scratch memory happens to be zero.
 */
#include <linux/filter.h>

#include "filter/gen.h"
#include "ringcap/linktype.h"

#define GENEVE_PORT 6081     /* RFC 8926 3.3 */
#define ETHERTYPE_TEB 0x6558 /* Transparent Ethernet Bridging */
#define GENEVE_VNI_MAX 0xffffffu

/* gen_geneve_check: UDP to the Geneve port, version 0, maybe the VNI */
static F check(rc__cg *cg, int v6, const rc__node *n)
{
	int rel = v6 ? RC_OR_TRAN6 : RC_OR_TRAN4;
	F b0 = rc__gen_port1(cg, v6, GENEVE_PORT, GENEVE_PORT, 17, RC_DIR_DST, 0);
	b0 = rc__cfg_and(b0, rc__gen_mcmp(cg, rel, 8, 1, 0, 0xc0));
	if (n->has_num)   /* the VNI is the upper 3 bytes of Geneve bytes 4..7 */
		b0 = rc__cfg_and(b0, rc__gen_mcmp(cg, rel, 12, 4, n->num << 8, 0xffffff00u));
	return b0;
}

/*
 * The block that stores the inner offsets for one IP version and tests the
 * protocol type for TEB; it needs nothing in A or X on entry.
 */
static rc__blk *offsets(rc__cg *cg, int v6, int lt, int hdr, int pl)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	if (!b)
		return NULL;
	/* A = the outer network header length (+ a variable offset part) */
	if (!v6) {
		rc__gen_loadx_iphdrlen(cg, b);
		rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TXA, 0);
	} else if (cg->reg_linkpl >= 0) {
		rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)cg->reg_linkpl);
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IMM, 40);
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	} else {
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IMM, 40);
	}
	/* X = start of the Geneve header, behind the 8-byte UDP header */
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_K, cg->off_linkpl + cg->off_nl + 8);
	rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_K, 2);
	rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)lt);
	/* end of the header: 8 + 4 * option length */
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | BPF_B, 0);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_AND | BPF_K, 0x3f);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_MUL | BPF_K, 4);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_K, 8);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)hdr);
	rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)pl);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | BPF_H, 2);
	b->jcode = BPF_JMP | BPF_JEQ | BPF_K;
	b->k = ETHERTYPE_TEB;
	return b;
}

F rc__gen_geneve(rc__cg *cg, const rc__node *n)
{
	F none = {0};
	if (n->has_num && n->num > GENEVE_VNI_MAX)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "Geneve VNI %u greater than maximum %u",
				    n->num, GENEVE_VNI_MAX);
	F c4 = check(cg, 0, n);
	F c6 = check(cg, 1, n);
	int lt = rc__gen_reg_alloc(cg, n->col);
	int hdr = rc__gen_reg_alloc(cg, n->col);
	int pl = rc__gen_reg_alloc(cg, n->col);
	if (pl < 0 || !c4.head || !c6.head)
		return none;
	rc__blk *g4 = offsets(cg, 0, lt, hdr, pl), *g6 = offsets(cg, 1, lt, hdr, pl);
	/* an inner Ethernet frame: its type field and payload */
	rc__blk *eth = rc__cfg_blk(&cg->g);
	if (!g4 || !g6 || !eth)
		return none;
	rc__cfg_stmt(&cg->g, eth, BPF_LD | BPF_MEM, (uint32_t)hdr);
	rc__cfg_stmt(&cg->g, eth, BPF_ALU | BPF_ADD | BPF_K, 12);
	rc__cfg_stmt(&cg->g, eth, BPF_ST, (uint32_t)lt);
	rc__cfg_stmt(&cg->g, eth, BPF_ALU | BPF_ADD | BPF_K, 2);
	rc__cfg_stmt(&cg->g, eth, BPF_ST, (uint32_t)pl);
	eth->jcode = BPF_JMP | BPF_JEQ | BPF_K;   /* both ways lead on: a goto */
	g4->jt = g6->jt = eth;
	rc__cfg_patch(c4.t, g4);
	rc__cfg_patch(c6.t, g6);
	rc__cfg_patch(c4.f, c6.head);
	rc__elist t = rc__cfg_cat(rc__cfg_edge(&cg->g, g4, 0), rc__cfg_edge(&cg->g, g6, 0));
	t = rc__cfg_cat(t, rc__cfg_edge(&cg->g, eth, 1));
	t = rc__cfg_cat(t, rc__cfg_edge(&cg->g, eth, 0));
	cg->zero_regs |= 1u << lt | 1u << hdr | 1u << pl;
	/* from here on: the encapsulated frame, read as Ethernet */
	cg->link = RC_LINKTYPE_ETHERNET;
	cg->in_geneve = 1;
	cg->off_linkhdr = cg->off_linktype = cg->off_linkpl = cg->off_nl = 0;
	cg->reg_linkhdr = hdr;
	cg->reg_linktype = lt;
	cg->reg_linkpl = pl;
	return (F){c4.head, t, c6.f};
}

/* gen_geneve_ll_check: an inner Ethernet header, i.e. linkhdr != linkpl */
F rc__gen_geneve_ll_check(rc__cg *cg)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_MEM, (uint32_t)cg->reg_linkhdr);
	rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)cg->reg_linkpl);
	return rc__cfg_not(rc__cfg_jump(&cg->g, b, BPF_JMP | BPF_JEQ | BPF_X, 0));
}

F rc__gen_geneve_prologue(rc__cg *cg, F f)
{
	if (!cg->zero_regs || !f.head)
		return f;
	rc__blk *b = rc__cfg_blk(&cg->g);
	if (!b)
		return f;
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IMM, 0);
	for (int r = 0; r < RC_BPF_MEMWORDS; r++)
		if (cg->zero_regs & (1u << r))
			rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)r);
	b->jcode = BPF_JMP | BPF_JEQ | BPF_K;   /* both ways lead on: a goto */
	rc__cfg_patch(rc__cfg_edge(&cg->g, b, 1), f.head);
	rc__cfg_patch(rc__cfg_edge(&cg->g, b, 0), f.head);
	return (F){b, f.t, f.f};
}

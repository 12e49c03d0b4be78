/*
 * gen_core.c - loads, comparisons, the link-layer type test and the walk
 * over the AST.  Semantics are libpcap 1.10's gencode.c; the functions
 * carry the libpcap names in comments where they mirror one.
 */
#include "filter/gen.h"

#include <arpa/inet.h>
#include <linux/filter.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ringcap/linktype.h"
#include "util/errmsg.h"

F rc__gen_fail(rc__cg *cg, int status, uint32_t col, const char *fmt, ...)
{
	F none = {0};
	if (cg->status)
		return none;
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cg->status = status;
	if (cg->at && cg->at->end > cg->at->start) {
		unsigned len = cg->at->end - cg->at->start;
		rc__errf(cg->errbuf, status, "%.*s%s: %s (column %u)", len > 48 ? 48 : (int)len,
			 cg->src + cg->at->start, len > 48 ? "..." : "", msg, col);
	} else {
		rc__errf(cg->errbuf, status, "%s (column %u)", msg, col);
	}
	return none;
}

int rc__gen_failed(rc__cg *cg)
{
	if (!cg->status && cg->g.failed)
		cg->status = cg->g.failed == RC__CFG_LIMIT ? RC_ELIMIT : RC_ENOMEM;
	return cg->status != 0;
}

const char *rc__gen_linkname(int link)
{
	if (link == RC__LINK_PPP)
		return "PPP (inside PPPoE)";
	const char *s = rc_linktype_name(link);
	return s ? s : "this link type";
}

int rc__gen_reg_alloc(rc__cg *cg, uint32_t col)
{
	for (int r = 0; r < RC_BPF_MEMWORDS; r++)
		if (!(cg->regs & (1u << r))) {
			cg->regs |= 1u << r;
			return r;
		}
	rc__gen_fail(cg, RC_ELIMIT, col, "expression needs more than %d scratch registers",
		     RC_BPF_MEMWORDS);
	return -1;
}

void rc__gen_reg_free(rc__cg *cg, int r)
{
	if (r >= 0)
		cg->regs &= ~(1u << r);
}

static uint16_t size_code(int size)
{
	return size == 4 ? BPF_W : size == 2 ? BPF_H : BPF_B;
}

/* gen_loadx_iphdrlen */
void rc__gen_loadx_iphdrlen(rc__cg *cg, rc__blk *b)
{
	uint32_t nl = cg->off_linkpl + cg->off_nl;
	if (cg->reg_linkpl < 0) {
		/* X = 4 * (ip[0] & 0xf): the IPv4 header length */
		rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MSH | BPF_B, nl);
		return;
	}
	/* the 4*([k]&0xf) form has no indexed variant: compute it in A and
	 * add the variable part of the offset */
	rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)cg->reg_linkpl);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | BPF_B, nl);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_AND | BPF_K, 0xf);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_LSH | BPF_K, 2);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
}

/* Constant part and variable-part word (-1: none) of an offrel's base;
 * TRAN4 has its own sequence (X = header length). */
static uint32_t base_of(rc__cg *cg, int offrel, int *reg)
{
	*reg = cg->reg_linkpl;
	switch (offrel) {
	case RC_OR_LINKHDR: *reg = cg->reg_linkhdr; return cg->off_linkhdr;
	case RC_OR_LINKTYPE: *reg = cg->reg_linktype; return cg->off_linktype;
	case RC_OR_LINKPL: return cg->off_linkpl + cg->off_nl;
	case RC_OR_NOSNAP: return cg->off_linkpl + cg->off_nl_nosnap;
	case RC_OR_LLC: return cg->off_linkpl;
	case RC_OR_PREVMPLS: return cg->off_linkpl + cg->off_nl - 4;
	case RC_OR_TRAN6: return cg->off_linkpl + cg->off_nl + 40;
	default: return cg->off_linkpl + cg->off_nl;   /* TRAN4: behind X */
	}
}

void rc__gen_load(rc__cg *cg, rc__blk *b, int offrel, uint32_t off, int size)
{
	uint16_t sz = size_code(size);
	int reg;
	uint32_t base = base_of(cg, offrel, &reg);
	if (offrel == RC_OR_TRAN4) {
		rc__gen_loadx_iphdrlen(cg, b);
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | sz, base + off);
	} else if (reg >= 0) {
		rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)reg);
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | sz, base + off);
	} else {
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_ABS | sz, base + off);
	}
}

void rc__gen_load_idx(rc__cg *cg, rc__blk *b, int offrel, uint32_t off, int size)
{
	uint16_t sz = size_code(size);
	int reg;
	uint32_t base = base_of(cg, offrel, &reg);
	if (offrel == RC_OR_TRAN4 && reg >= 0) {
		/* the header length needs A: keep the index in a word meanwhile */
		int t = rc__gen_reg_alloc(cg, cg->at ? cg->at->col : 0);
		if (t < 0)
			return;
		rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)t);
		rc__gen_loadx_iphdrlen(cg, b);
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_MEM, (uint32_t)t);
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
		rc__gen_reg_free(cg, t);
	} else if (offrel == RC_OR_TRAN4) {
		rc__gen_loadx_iphdrlen(cg, b);
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	} else if (reg >= 0) {
		rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)reg);
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	}
	rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IND | sz, base + off);
}

/* gen_ncmp */
F rc__gen_ncmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t mask, uint16_t jop,
	       int reverse, uint32_t v)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	rc__gen_load(cg, b, offrel, off, size);
	if (mask != 0xffffffffu)
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_AND | BPF_K, mask);
	F f = rc__cfg_jump(&cg->g, b, BPF_JMP | jop | BPF_K, v);
	return reverse ? rc__cfg_not(f) : f;
}

F rc__gen_cmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t v)
{
	return rc__gen_ncmp(cg, offrel, off, size, 0xffffffffu, BPF_JEQ, 0, v);
}

F rc__gen_mcmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t v, uint32_t mask)
{
	return rc__gen_ncmp(cg, offrel, off, size, mask, BPF_JEQ, 0, v);
}

/* gen_bcmp: compare size bytes, last word first, as libpcap does. */
F rc__gen_bcmp(rc__cg *cg, int offrel, uint32_t off, uint32_t size, const uint8_t *v)
{
	F b = {0};
	int have = 0;
	while (size >= 4) {
		const uint8_t *p = v + size - 4;
		uint32_t w = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
		F t = rc__gen_cmp(cg, offrel, off + size - 4, 4, w);
		b = have ? rc__cfg_and(b, t) : t;
		have = 1;
		size -= 4;
	}
	while (size >= 2) {
		const uint8_t *p = v + size - 2;
		F t = rc__gen_cmp(cg, offrel, off + size - 2, 2, (uint32_t)p[0] << 8 | p[1]);
		b = have ? rc__cfg_and(b, t) : t;
		have = 1;
		size -= 2;
	}
	if (size > 0) {
		F t = rc__gen_cmp(cg, offrel, off, 1, v[0]);
		b = have ? rc__cfg_and(b, t) : t;
	}
	return b;
}

F rc__gen_ipfrag_ok(rc__cg *cg)
{
	/* fragment offset bits of ip[6:2] zero: first or only fragment */
	return rc__gen_ncmp(cg, RC_OR_LINKPL, 6, 2, 0xffffffffu, BPF_JSET, 1, 0x1fff);
}

static F not_8023(rc__cg *cg)
{
	/* the type/length field is a length: an 802.3 frame */
	return rc__gen_ncmp(cg, RC_OR_LINKTYPE, 0, 2, 0xffffffffu, BPF_JGT, 1, RC_ETHERMTU);
}

/* gen_snap: LLC AA AA 03 + OUI + type */
static F gen_snap(rc__cg *cg, uint32_t orgcode, uint32_t ptype)
{
	uint8_t s[8] = {RC_SAP_SNAP, RC_SAP_SNAP, 0x03, (uint8_t)(orgcode >> 16),
			(uint8_t)(orgcode >> 8), (uint8_t)orgcode, (uint8_t)(ptype >> 8),
			(uint8_t)ptype};
	return rc__gen_bcmp(cg, RC_OR_LLC, 0, 8, s);
}

/* gen_ether_linktype */
static F ether_linktype(rc__cg *cg, uint32_t p)
{
	F b0, b1;
	switch (p) {
	case RC_SAP_ISONS:
	case RC_SAP_IP:
	case RC_SAP_NETBEUI:
		/* 802.2 with DSAP = SSAP = p */
		b0 = not_8023(cg);
		b1 = rc__gen_cmp(cg, RC_OR_LLC, 0, 2, (p << 8) | p);
		return rc__cfg_and(b0, b1);
	case RC_SAP_IPX:
		/* Ethernet_II 0x8137, or 802.3 with: IPX LSAP, raw 0xffff, or SNAP IPX */
		b0 = rc__gen_cmp(cg, RC_OR_LLC, 0, 1, RC_SAP_IPX);
		b1 = rc__gen_cmp(cg, RC_OR_LLC, 0, 2, 0xffff);
		b1 = rc__cfg_or(b0, b1);
		b0 = gen_snap(cg, 0, RC_ET_IPX);
		b1 = rc__cfg_or(b0, b1);
		b0 = not_8023(cg);
		b1 = rc__cfg_and(b0, b1);
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, RC_ET_IPX);
		return rc__cfg_or(b0, b1);
	case RC_ET_ATALK:
	case RC_ET_AARP:
		b0 = not_8023(cg);
		b1 = p == RC_ET_ATALK ? gen_snap(cg, 0x080007, RC_ET_ATALK)
				      : gen_snap(cg, 0, RC_ET_AARP);
		b1 = rc__cfg_and(b0, b1);
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, p);
		return rc__cfg_or(b0, b1);
	default:
		if (p <= RC_ETHERMTU) {
			b0 = not_8023(cg);
			b1 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 2, 1, p);
			return rc__cfg_and(b0, b1);
		}
		return rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, p);
	}
}

/* gen_linux_sll_linktype: protocol 0x0004 means 802.2 LLC, 0x0001 802.3 raw */
static F sll_linktype(rc__cg *cg, uint32_t p)
{
	F b0, b1;
	switch (p) {
	case RC_SAP_ISONS:
	case RC_SAP_IP:
	case RC_SAP_NETBEUI:
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, 4);
		b1 = rc__gen_cmp(cg, RC_OR_LINKPL, 0, 2, (p << 8) | p);
		return rc__cfg_and(b0, b1);
	case RC_SAP_IPX:
		b0 = rc__gen_cmp(cg, RC_OR_LINKPL, 0, 1, RC_SAP_IPX);
		b1 = gen_snap(cg, 0, RC_ET_IPX);
		b1 = rc__cfg_or(b0, b1);
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, 4);
		b1 = rc__cfg_and(b0, b1);
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, 1);
		b1 = rc__cfg_or(b0, b1);
		b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, RC_ET_IPX);
		return rc__cfg_or(b0, b1);
	case RC_ET_ATALK:
	case RC_ET_AARP:
		b0 = p == RC_ET_ATALK ? gen_snap(cg, 0x080007, RC_ET_ATALK)
				      : gen_snap(cg, 0, RC_ET_AARP);
		b1 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, 4);
		b0 = rc__cfg_and(b1, b0);
		b1 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, p);
		return rc__cfg_or(b0, b1);
	default:
		if (p <= RC_ETHERMTU) {
			b0 = rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, 4);
			b1 = rc__gen_cmp(cg, RC_OR_LINKHDR, cg->off_linkpl - cg->off_linkhdr, 1, p);
			return rc__cfg_and(b0, b1);
		}
		return rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, p);
	}
}

static uint32_t ethertype_to_ppp(uint32_t p)
{
	switch (p) {
	case RC_ET_IP: return 0x0021;
	case RC_ET_IPV6: return 0x0057;
	case RC_ET_DN: return 0x0027;
	case RC_ET_ATALK: return 0x0029;
	case 0x0600: return 0x0025;       /* XNS */
	case RC_SAP_ISONS: return 0x0023;
	case RC_SAP_8021D: return 0x0031;
	case RC_SAP_IPX: return 0x002b;
	default: return p;
	}
}

/* An AF_ value as the NULL (host order) or LOOP (network order) header holds it */
static F loopback_linktype(rc__cg *cg, uint32_t af)
{
	uint32_t k = af;
	if (cg->link == RC_LINKTYPE_NULL && htonl(1) != 1)
		k = __builtin_bswap32(af);
	return rc__gen_cmp(cg, RC_OR_LINKHDR, 0, 4, k);
}

/* gen_linktype: "is the link-layer payload protocol p" (an ethertype or a SAP) */
F rc__gen_linktype(rc__cg *cg, uint32_t p)
{
	if (cg->mpls_depth > 0) {
		/* inside MPLS: bottom-of-stack bit, then the IP version nibble */
		if (p != RC_ET_IP && p != RC_ET_IPV6 && p != 0x21 && p != 0x57)
			return rc__gen_fail(cg, RC_ENOTSUP, cg->at ? cg->at->col : 0,
					    "only IPv4 and IPv6 can be tested inside MPLS");
		F b0 = rc__gen_mcmp(cg, RC_OR_LINKPL, (uint32_t)-2, 1, 1, 1);
		F b1 = rc__gen_mcmp(cg, RC_OR_LINKPL, 0, 1,
				    (p == RC_ET_IP || p == 0x21) ? 0x40 : 0x60, 0xf0);
		return rc__cfg_and(b0, b1);
	}
	switch (cg->link) {
	case RC_LINKTYPE_ETHERNET:
		return ether_linktype(cg, p);
	case RC_LINKTYPE_LINUX_SLL:
		return sll_linktype(cg, p);
	case RC_LINKTYPE_LINUX_SLL2:
		return rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, p);
	case RC__LINK_PPP:
		return rc__gen_cmp(cg, RC_OR_LINKTYPE, 0, 2, ethertype_to_ppp(p));
	case RC_LINKTYPE_RAW:
		if (p == RC_ET_IP)
			return rc__gen_mcmp(cg, RC_OR_LINKHDR, 0, 1, 0x40, 0xf0);
		if (p == RC_ET_IPV6)
			return rc__gen_mcmp(cg, RC_OR_LINKHDR, 0, 1, 0x60, 0xf0);
		return rc__cfg_const(&cg->g, 0);
	case RC_LINKTYPE_IPV4:
		return rc__cfg_const(&cg->g, p == RC_ET_IP);
	case RC_LINKTYPE_IPV6:
		return rc__cfg_const(&cg->g, p == RC_ET_IPV6);
	case RC_LINKTYPE_NULL:
	case RC_LINKTYPE_LOOP:
		if (p == RC_ET_IP)
			return loopback_linktype(cg, 2);   /* AF_INET */
		if (p == RC_ET_IPV6) {
			/* AF_INET6 differs between the BSDs that write these
			 * headers; like libpcap on a savefile (gencode.c
			 * BSD_AFNUM_INET6_*): 24 (NetBSD, OpenBSD), 28 (FreeBSD),
			 * 30 (Darwin).  Linux has no NULL/LOOP interfaces, so
			 * its 10 never appears.  Tested in libpcap's order,
			 * gen_or(30, gen_or(24, 28)), so tcpdump -d matches. */
			F f = rc__cfg_or(loopback_linktype(cg, 24), loopback_linktype(cg, 28));
			return rc__cfg_or(loopback_linktype(cg, 30), f);
		}
		return rc__cfg_const(&cg->g, 0);
	default:
		return rc__gen_fail(cg, RC_ENOTSUP, cg->at ? cg->at->col : 0,
				    "link type %d is not supported by the filter compiler",
				    cg->linktype);
	}
}

/* Operands of a chain of the same binary operator, in source order. */
static const rc__node **flatten(rc__cg *cg, const rc__node *n, size_t *count)
{
	size_t k = 1;
	for (const rc__node *x = n; x->kind == n->kind; x = x->l)
		k++;
	const rc__node **v = rc__arena_calloc(cg->g.arena, k, sizeof(*v));
	if (!v) {
		cg->g.failed = RC__CFG_NOMEM;
		return NULL;
	}
	size_t i = k;
	const rc__node *x = n;
	for (; x->kind == n->kind; x = x->l)
		v[--i] = x->r;
	v[--i] = x;
	*count = k;
	return v;
}

static F gen_chain(rc__cg *cg, const rc__node *n)
{
	F none = {0};
	size_t k;
	const rc__node **v = flatten(cg, n, &k);
	if (!v)
		return none;
	F acc = none;
	int have = 0;
	for (size_t i = 0; i < k && !rc__gen_failed(cg);) {
		F f;
		size_t run = 1;
		uint32_t key;
		rc__iv iv;
		if (n->kind == RC_N_OR && rc__set_key(cg, v[i], &key, &iv) == 1) {
			uint32_t key2;
			while (i + run < k && rc__set_key(cg, v[i + run], &key2, &iv) == 1 &&
			       key2 == key)
				run++;
		}
		if (run >= 2)
			f = rc__gen_set(cg, v + i, run, key);
		else
			f = rc__gen_node(cg, v[i]);
		i += run;
		if (!f.head)
			return none;
		acc = !have ? f : n->kind == RC_N_AND ? rc__cfg_and(acc, f) : rc__cfg_or(acc, f);
		have = 1;
	}
	return rc__gen_failed(cg) ? none : acc;
}

F rc__gen_node(rc__cg *cg, const rc__node *n)
{
	F none = {0};
	if (rc__gen_failed(cg))
		return none;
	const rc__node *saved = cg->at;
	cg->at = n;
	F f; /* every case (and default) sets it */
	switch (n->kind) {
	case RC_N_TRUE: f = rc__cfg_const(&cg->g, 1); break;
	case RC_N_AND:
	case RC_N_OR: f = gen_chain(cg, n); break;
	case RC_N_NOT: {
		/* not not not ... iteratively */
		size_t depth = 0;
		const rc__node *x = n;
		while (x->kind == RC_N_NOT) {
			depth++;
			x = x->l;
		}
		f = rc__gen_node(cg, x);
		if (f.head && (depth & 1))
			f = rc__cfg_not(f);
		break;
	}
	case RC_N_ID: f = rc__gen_id(cg, n); break;
	case RC_N_PNAME: f = rc__gen_proto_abbrev(cg, n->q.proto, n->col); break;
	case RC_N_BCAST: f = rc__gen_bcast(cg, n); break;
	case RC_N_MCAST: f = rc__gen_mcast(cg, n); break;
	case RC_N_LESS: f = rc__gen_len(cg, BPF_JGT, 1, n->num); break;
	case RC_N_GREATER: f = rc__gen_len(cg, BPF_JGE, 0, n->num); break;
	case RC_N_INBOUND:
	case RC_N_OUTBOUND: f = rc__gen_direction(cg, n); break;
	case RC_N_IFINDEX: f = rc__gen_ifindex(cg, n); break;
	case RC_N_VLAN: f = rc__gen_vlan(cg, n); break;
	case RC_N_MPLS: f = rc__gen_mpls(cg, n); break;
	case RC_N_PPPOED:
	case RC_N_PPPOES: f = rc__gen_pppoe(cg, n); break;
	case RC_N_LLC: f = rc__gen_llc(cg, n); break;
	case RC_N_GENEVE: f = rc__gen_geneve(cg, n); break;
	case RC_N_BYTE: {
		/* byte N op V: byte N of the link-layer header, as libpcap reads
		 * it (gencode.c gen_byteop, OR_LINKHDR) */
		switch (n->byteop) {
		case '=': f = rc__gen_cmp(cg, RC_OR_LINKHDR, n->num, 1, n->num2); break;
		case '<': f = rc__gen_ncmp(cg, RC_OR_LINKHDR, n->num, 1, 0xffffffffu, BPF_JGE, 1,
					   n->num2); break;
		case '>': f = rc__gen_ncmp(cg, RC_OR_LINKHDR, n->num, 1, 0xffffffffu, BPF_JGT, 0,
					   n->num2); break;
		default: {
			rc__blk *b = rc__cfg_blk(&cg->g);
			rc__gen_load(cg, b, RC_OR_LINKHDR, n->num, 1);
			rc__cfg_stmt(&cg->g, b, BPF_ALU | (n->byteop == '|' ? BPF_OR : BPF_AND) | BPF_K,
				     n->num2);
			f = rc__cfg_not(rc__cfg_jump(&cg->g, b, BPF_JMP | BPF_JEQ | BPF_K, 0));
			break;
		}
		}
		break;
	}
	case RC_N_REL: f = rc__gen_relation(cg, n); break;
	default:
		f = rc__gen_fail(cg, RC_ESYNTAX, n->col, "internal: unknown node");
		break;
	}
	cg->at = saved;
	if (rc__gen_failed(cg))
		return none;
	return f;
}

/*
 * gen_proto.c - protocol primitives (tcp, ip6, iso ...), "proto",
 * "protochain", "len", and arithmetic relations (proto[expr:size] ...).
 *
 * IPv4 header fields used:      IPv6 header fields used:
 *   ip[0] & 0xf  header length    ip6[6]  next header
 *   ip[6:2] & 0x1fff frag offset  ip6[8..23] source, ip6[24..39] destination
 *   ip[9]        protocol         40      first extension / transport header
 *   ip[12] src, ip[16] dst
 */
#include <linux/filter.h>

#include "filter/gen.h"

/* gen_proto (libpcap): "<pq> proto v" */
F rc__gen_proto(rc__cg *cg, uint32_t v, int pq, uint32_t col)
{
	F b0, b1, b2;
	switch (pq) {
	case RC_PQ_DEFAULT:
		b0 = rc__gen_proto(cg, v, RC_PQ_IP, col);
		return rc__cfg_or(b0, rc__gen_proto(cg, v, RC_PQ_IPV6, col));
	case RC_PQ_LINK:
		return rc__gen_linktype(cg, v);
	case RC_PQ_IP:
		b0 = rc__gen_linktype(cg, RC_ET_IP);
		return rc__cfg_and(b0, rc__gen_cmp(cg, RC_OR_LINKPL, 9, 1, v));
	case RC_PQ_IPV6:
		/* next header v, or a fragment header (44) followed by v */
		b0 = rc__gen_linktype(cg, RC_ET_IPV6);
		b2 = rc__gen_cmp(cg, RC_OR_LINKPL, 6, 1, 44);
		b1 = rc__cfg_and(b2, rc__gen_cmp(cg, RC_OR_LINKPL, 40, 1, v));
		b2 = rc__gen_cmp(cg, RC_OR_LINKPL, 6, 1, v);
		b1 = rc__cfg_or(b2, b1);
		return rc__cfg_and(b0, b1);
	case RC_PQ_ISO:
		b0 = rc__gen_linktype(cg, RC_SAP_ISONS);
		return rc__cfg_and(b0, rc__gen_cmp(cg, RC_OR_NOSNAP, 0, 1, v));
	case RC_PQ_ISIS:
		/* the PDU type is byte 4 of the IS-IS header (ISO 10589 9.5) */
		b0 = rc__gen_proto(cg, 0x83, RC_PQ_ISO, col);
		return rc__cfg_and(b0, rc__gen_cmp(cg, RC_OR_NOSNAP, 4, 1, v));
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, col, "'%s proto' is not supported; use 'ip "
				    "proto', 'ip6 proto', 'ether proto', 'iso proto' or 'isis proto'",
				    rc__pq_name(pq));
	}
}

/*
 * IS-IS PDU types (libpcap isis.h, ISO 10589 9.5-9.13): LAN hellos 15/16,
 * point-to-point hello 17, LSPs 18/20, CSNPs 24/25, PSNPs 26/27.  A name
 * means any of its types, tested in libpcap's order (gen_proto_abbrev
 * Q_ISIS_L1 ...); "l1"/"l2" count the point-to-point hello as both levels.
 */
static F isis_types(rc__cg *cg, const uint8_t *t, size_t n, uint32_t col)
{
	F b = rc__gen_proto(cg, t[0], RC_PQ_ISIS, col);
	b = rc__cfg_or(b, rc__gen_proto(cg, t[1], RC_PQ_ISIS, col));
	for (size_t i = 2; i < n; i++)
		b = rc__cfg_or(rc__gen_proto(cg, t[i], RC_PQ_ISIS, col), b);
	return b;
}

static F isis_abbrev(rc__cg *cg, int pq, uint32_t col)
{
	static const uint8_t l1[] = {15, 17, 18, 24, 26}, l2[] = {16, 17, 20, 25, 27};
	static const uint8_t iih[] = {15, 16, 17}, lsp[] = {18, 20};
	static const uint8_t snp[] = {24, 25, 26, 27}, csnp[] = {24, 25}, psnp[] = {26, 27};
	switch (pq) {
	case RC_PQ_ISIS_L1: return isis_types(cg, l1, sizeof(l1), col);
	case RC_PQ_ISIS_L2: return isis_types(cg, l2, sizeof(l2), col);
	case RC_PQ_ISIS_IIH: return isis_types(cg, iih, sizeof(iih), col);
	case RC_PQ_ISIS_LSP: return isis_types(cg, lsp, sizeof(lsp), col);
	case RC_PQ_ISIS_SNP: return isis_types(cg, snp, sizeof(snp), col);
	case RC_PQ_ISIS_CSNP: return isis_types(cg, csnp, sizeof(csnp), col);
	default: return isis_types(cg, psnp, sizeof(psnp), col);
	}
}

/* gen_proto_abbrev: a protocol name alone */
F rc__gen_proto_abbrev(rc__cg *cg, int pq, uint32_t col)
{
	switch (pq) {
	case RC_PQ_ISIS_L1:
	case RC_PQ_ISIS_L2:
	case RC_PQ_ISIS_IIH:
	case RC_PQ_ISIS_LSP:
	case RC_PQ_ISIS_SNP:
	case RC_PQ_ISIS_CSNP:
	case RC_PQ_ISIS_PSNP: return isis_abbrev(cg, pq, col);
	case RC_PQ_SCTP: return rc__gen_proto(cg, 132, RC_PQ_DEFAULT, col);
	case RC_PQ_TCP: return rc__gen_proto(cg, 6, RC_PQ_DEFAULT, col);
	case RC_PQ_UDP: return rc__gen_proto(cg, 17, RC_PQ_DEFAULT, col);
	case RC_PQ_ICMP: return rc__gen_proto(cg, 1, RC_PQ_IP, col);
	case RC_PQ_IGMP: return rc__gen_proto(cg, 2, RC_PQ_IP, col);
	case RC_PQ_IGRP: return rc__gen_proto(cg, 9, RC_PQ_IP, col);
	case RC_PQ_PIM: return rc__gen_proto(cg, 103, RC_PQ_DEFAULT, col);
	case RC_PQ_VRRP:
	case RC_PQ_CARP: return rc__gen_proto(cg, 112, RC_PQ_IP, col);
	case RC_PQ_ICMPV6: return rc__gen_proto(cg, 58, RC_PQ_IPV6, col);
	case RC_PQ_AH: return rc__gen_proto(cg, 51, RC_PQ_DEFAULT, col);
	case RC_PQ_ESP: return rc__gen_proto(cg, 50, RC_PQ_DEFAULT, col);
	case RC_PQ_IP: return rc__gen_linktype(cg, RC_ET_IP);
	case RC_PQ_IPV6: return rc__gen_linktype(cg, RC_ET_IPV6);
	case RC_PQ_ARP: return rc__gen_linktype(cg, RC_ET_ARP);
	case RC_PQ_RARP: return rc__gen_linktype(cg, RC_ET_REVARP);
	case RC_PQ_ATALK: return rc__gen_linktype(cg, RC_ET_ATALK);
	case RC_PQ_AARP: return rc__gen_linktype(cg, RC_ET_AARP);
	case RC_PQ_DECNET: return rc__gen_linktype(cg, RC_ET_DN);
	case RC_PQ_LAT: return rc__gen_linktype(cg, RC_ET_LAT);
	case RC_PQ_SCA: return rc__gen_linktype(cg, RC_ET_SCA);
	case RC_PQ_MOPDL: return rc__gen_linktype(cg, RC_ET_MOPDL);
	case RC_PQ_MOPRC: return rc__gen_linktype(cg, RC_ET_MOPRC);
	case RC_PQ_ISO: return rc__gen_linktype(cg, RC_SAP_ISONS);
	case RC_PQ_ESIS: return rc__gen_proto(cg, 0x82, RC_PQ_ISO, col);
	case RC_PQ_ISIS: return rc__gen_proto(cg, 0x83, RC_PQ_ISO, col);
	case RC_PQ_CLNP: return rc__gen_proto(cg, 0x81, RC_PQ_ISO, col);
	case RC_PQ_STP: return rc__gen_linktype(cg, RC_SAP_8021D);
	case RC_PQ_IPX: return rc__gen_linktype(cg, RC_SAP_IPX);
	case RC_PQ_NETBEUI: return rc__gen_linktype(cg, RC_SAP_NETBEUI);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, col, "link-layer qualifier used alone; "
				    "say e.g. 'ether host ...' or 'ether[0]'");
	}
}

/*
 * Unrolled protochain walk.  libpcap loops with a backward jump, which
 * neither classic BPF in the kernel nor our validator accepts; we unroll a
 * fixed number of header steps instead (RC__CHAIN_STEPS).  A holds the
 * current next-header value, X the offset of that header from the network
 * header.  One step:
 *
 *   eq:   A == v ?                      -> accept
 *   v6:   A in {0 hop, 60 dst, 43 rt, 44 frag}  -> adv6: A = P[nl+X],
 *                                            X += (P[nl+X+1] + 1) * 8
 *   ah:   A == 51 ?                      -> adv4: A = P[nl+X],
 *                                            X += (P[nl+X+1] + 2) * 4
 *   else                                 -> reject
 */
#define RC__CHAIN_STEPS 8

static rc__blk *adv_block(rc__cg *cg, int r, int ah)
{
	uint32_t nl = cg->off_linkpl + cg->off_nl;
	rc__blk *b = rc__cfg_blk(&cg->g);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_B | BPF_IND, nl);
	rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)r);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_B | BPF_IND, nl + 1);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_K, ah ? 2 : 1);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_MUL | BPF_K, ah ? 4 : 8);
	rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_ADD | BPF_X, 0);
	rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_MEM, (uint32_t)r);
	return b;
}

static rc__blk *test_blk(rc__cg *cg, uint32_t k)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	if (b) {
		b->jcode = BPF_JMP | BPF_JEQ | BPF_K;
		b->k = k;
	}
	return b;
}

static F protochain1(rc__cg *cg, uint32_t v, int v6, uint32_t col)
{
	F none = {0};
	if (rc__gen_offsets_vary(cg))   /* as libpcap: the walk uses absolute loads */
		return rc__gen_fail(cg, RC_ENOTSUP, col, "'protochain' not supported with "
				    "variable length headers");
	F b0 = rc__gen_linktype(cg, v6 ? RC_ET_IPV6 : RC_ET_IP);
	int r = rc__gen_reg_alloc(cg, col);
	if (r < 0 || !b0.head)
		return none;
	uint32_t nl = cg->off_linkpl + cg->off_nl;
	rc__elist acc = {0}, rej = {0};
	/* entry: the first next-header value in A, its offset in X */
	rc__blk *e = rc__cfg_blk(&cg->g);
	if (v6) {
		rc__cfg_stmt(&cg->g, e, BPF_LD | BPF_B | BPF_ABS, nl + 6);
		rc__cfg_stmt(&cg->g, e, BPF_LDX | BPF_IMM, 40);
	} else {
		rc__cfg_stmt(&cg->g, e, BPF_LD | BPF_B | BPF_ABS, nl + 9);
		rc__cfg_stmt(&cg->g, e, BPF_LDX | BPF_MSH | BPF_B, nl);
	}
	rc__blk *entries[2] = {e, NULL};
	for (int step = 0; step <= RC__CHAIN_STEPS && !rc__gen_failed(cg); step++) {
		for (int i = 0; i < 2 && entries[i]; i++) {
			entries[i]->jcode = BPF_JMP | BPF_JEQ | BPF_K;
			entries[i]->k = v;
			acc = rc__cfg_cat(acc, rc__cfg_edge(&cg->g, entries[i], 1));
			if (step == RC__CHAIN_STEPS)
				rej = rc__cfg_cat(rej, rc__cfg_edge(&cg->g, entries[i], 0));
		}
		if (step == RC__CHAIN_STEPS)
			break;
		rc__blk *ah = test_blk(cg, 51), *advah = adv_block(cg, r, 1), *head = ah;
		rc__blk *adv6 = NULL;
		if (!ah || !advah)
			break;
		ah->jt = advah;
		rej = rc__cfg_cat(rej, rc__cfg_edge(&cg->g, ah, 0));
		if (v6) {
			/* 59 (no next header) needs no test: it is neither an
			 * extension header nor AH, so it ends the walk anyway */
			static const uint32_t ext[4] = {0, 60, 43, 44};
			rc__blk *prev = NULL;
			adv6 = adv_block(cg, r, 0);
			if (!adv6)
				break;
			for (int i = 0; i < 4; i++) {
				rc__blk *t = test_blk(cg, ext[i]);
				if (!t)
					break;
				t->jt = adv6;
				if (prev)
					prev->jf = t;
				else
					head = t;
				prev = t;
			}
			if (prev)
				prev->jf = ah;
		}
		for (int i = 0; i < 2 && entries[i]; i++)
			entries[i]->jf = head;
		entries[0] = advah;
		entries[1] = adv6;
	}
	rc__gen_reg_free(cg, r);
	if (rc__gen_failed(cg))
		return none;
	rc__frag chain = {e, acc, rej};
	return rc__cfg_and(b0, chain);
}

F rc__gen_protochain(rc__cg *cg, uint32_t v, int pq, uint32_t col)
{
	switch (pq) {
	case RC_PQ_DEFAULT: {
		F b0 = protochain1(cg, v, 0, col);
		return rc__cfg_or(b0, protochain1(cg, v, 1, col));
	}
	case RC_PQ_IP:
		return protochain1(cg, v, 0, col);
	case RC_PQ_IPV6:
		return protochain1(cg, v, 1, col);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, col, "'protochain' applies to ip or ip6 only");
	}
}

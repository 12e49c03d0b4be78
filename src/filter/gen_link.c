/*
 * gen_link.c - link-layer primitives: ether host/broadcast/multicast, llc,
 * vlan, mpls, pppoed/pppoes, inbound/outbound, ifindex ("geneve" is in
 * gen_geneve.c).
 *
 * vlan / mpls / pppoes shift the offsets of everything generated after them
 * (libpcap gen_vlan, gen_mpls, gen_pppoes):
 *
 *   Ethernet  | dst 6 | src 6 | 8100 | TCI 2 | type 2 | payload
 *             0               12     14      16       18
 *   after "vlan": off_linktype 12 -> 16, off_linkpl 14 -> 18
 *   after "mpls": off_nl += 4 (one 4-byte label stack entry)
 *   after "pppoes": the link layer becomes PPP at off_linkpl + 6:
 *             | ver/type 1 | code 1 | session 2 | length 2 | PPP proto 2 | payload
 *
 * Live Linux (opts->linux_live): the kernel removes the outermost 802.1Q tag
 * before the filter runs and offers it as metadata (SKF_AD_VLAN_TAG_PRESENT,
 * SKF_AD_VLAN_TAG, linux/filter.h), so the first "vlan" tests the metadata
 * and does not shift offsets.
 */
#include <linux/filter.h>
#include <strings.h>

#include "filter/gen.h"
#include "ringcap/linktype.h"

static int is_ether(rc__cg *cg)
{
	return cg->link == RC_LINKTYPE_ETHERNET;
}

/* gen_ehostop */
static F ehostop(rc__cg *cg, const uint8_t mac[6], int dir)
{
	switch (dir) {
	case RC_DIR_SRC:
		return rc__gen_bcmp(cg, RC_OR_LINKHDR, 6, 6, mac);
	case RC_DIR_DST:
		return rc__gen_bcmp(cg, RC_OR_LINKHDR, 0, 6, mac);
	case RC_DIR_AND: {
		F a = ehostop(cg, mac, RC_DIR_SRC);
		return rc__cfg_and(a, ehostop(cg, mac, RC_DIR_DST));
	}
	default: {
		F a = ehostop(cg, mac, RC_DIR_SRC);
		return rc__cfg_or(a, ehostop(cg, mac, RC_DIR_DST));
	}
	}
}

/* Inside Geneve, an Ethernet address needs an inner Ethernet header
 * (libpcap gen_prevlinkhdr_check before each gen_ehostop). */
F rc__gen_ehostop(rc__cg *cg, const uint8_t mac[6], int dir, uint32_t col)
{
	if (!is_ether(cg))
		return rc__gen_fail(cg, RC_ENOTSUP, col, "Ethernet addresses are only supported "
				    "on Ethernet, not on %s", rc__gen_linkname(cg->link));
	if (!cg->in_geneve)
		return ehostop(cg, mac, dir);
	F b = rc__gen_geneve_ll_check(cg);
	return rc__cfg_and(b, ehostop(cg, mac, dir));
}

/* gen_broadcast */
F rc__gen_bcast(rc__cg *cg, const rc__node *n)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	switch (n->q.proto) {
	case RC_PQ_DEFAULT:
	case RC_PQ_LINK:
		if (!is_ether(cg))
			return rc__gen_fail(cg, RC_ENOTSUP, n->col, "not a broadcast link (%s)",
					    rc__gen_linkname(cg->link));
		return rc__gen_ehostop(cg, bcast, RC_DIR_DST, n->col);
	case RC_PQ_IP: {
		if (cg->netmask == RC_NETMASK_UNKNOWN)
			return rc__gen_fail(cg, RC_EINVAL, n->col, "netmask not known, so 'ip "
					    "broadcast' is not supported");
		uint32_t hm = ~cg->netmask;
		F b0 = rc__gen_linktype(cg, RC_ET_IP);
		F b1 = rc__gen_mcmp(cg, RC_OR_LINKPL, 16, 4, 0, hm);
		F b2 = rc__gen_mcmp(cg, RC_OR_LINKPL, 16, 4, hm, hm);
		return rc__cfg_and(b0, rc__cfg_or(b1, b2));
	}
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "only link-layer and IP broadcast "
				    "filters are supported");
	}
}

/* gen_multicast */
F rc__gen_mcast(rc__cg *cg, const rc__node *n)
{
	switch (n->q.proto) {
	case RC_PQ_DEFAULT:
	case RC_PQ_LINK:
		if (!is_ether(cg))
			return rc__gen_fail(cg, RC_ENOTSUP, n->col, "link-layer multicast is only "
					    "supported on Ethernet, not on %s",
					    rc__gen_linkname(cg->link));
		if (cg->in_geneve) {   /* an inner Ethernet header first, as in ehostop */
			F b = rc__gen_geneve_ll_check(cg);
			return rc__cfg_and(b, rc__gen_ncmp(cg, RC_OR_LINKHDR, 0, 1, 0xffffffffu,
							   BPF_JSET, 0, 1));
		}
		/* group bit: lowest bit of the first destination byte */
		return rc__gen_ncmp(cg, RC_OR_LINKHDR, 0, 1, 0xffffffffu, BPF_JSET, 0, 1);
	case RC_PQ_IP: {
		F b0 = rc__gen_linktype(cg, RC_ET_IP);
		return rc__cfg_and(b0, rc__gen_ncmp(cg, RC_OR_LINKPL, 16, 1, 0xffffffffu, BPF_JGE,
						    0, 224));
	}
	case RC_PQ_IPV6: {
		F b0 = rc__gen_linktype(cg, RC_ET_IPV6);
		return rc__cfg_and(b0, rc__gen_cmp(cg, RC_OR_LINKPL, 24, 1, 255));
	}
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "only link-layer, IP and IPv6 "
				    "multicast filters are supported");
	}
}

/*
 * LLC frame formats and commands (libpcap llc.h, ISO/IEC 8802-2 5.4): the
 * low bits of the control byte (third LLC byte) tell I (x0), S (01) and
 * U (11) frames; S commands are the low 4 bits, U commands the byte
 * without the poll/final bit 0x10.
 */
static const struct {
	const char *name;
	uint8_t value, mask;
} llc_types[] = {
	{"rr", 0x01, 0x0f}, {"rnr", 0x05, 0x0f}, {"rej", 0x09, 0x0f},
	{"ui", 0x03, 0xef}, {"ua", 0x63, 0xef}, {"disc", 0x43, 0xef}, {"dm", 0x0f, 0xef},
	{"sabme", 0x6f, 0xef}, {"test", 0xe3, 0xef}, {"xid", 0xaf, 0xef}, {"frmr", 0x87, 0xef},
	{"s", 0x01, 0x03}, {"u", 0x03, 0x03},
};

/* gen_llc, gen_llc_i/s/u, gen_llc_s/u_subtype: an 802.2 frame (length
 * field, not raw Novell 802.3), maybe of one format or command; names are
 * matched ignoring case (grammar.y: pcap_strcasecmp, str2tok) */
F rc__gen_llc(rc__cg *cg, const rc__node *n)
{
	size_t t = 0;
	if (n->text && strcasecmp(n->text, "i") != 0) {
		while (t < sizeof(llc_types) / sizeof(llc_types[0]) &&
		       strcasecmp(n->text, llc_types[t].name) != 0)
			t++;
		if (t == sizeof(llc_types) / sizeof(llc_types[0]))
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "unknown LLC type name \"%s\"",
					    n->text);
	}
	if (!is_ether(cg))
		return rc__gen_fail(cg, RC_ENOTSUP, n->col, "'llc' is not supported on %s",
				    rc__gen_linkname(cg->link));
	F b0 = rc__gen_ncmp(cg, RC_OR_LINKTYPE, 0, 2, 0xffffffffu, BPF_JGT, 1, RC_ETHERMTU);
	F b1 = rc__cfg_not(rc__gen_cmp(cg, RC_OR_LLC, 0, 2, 0xffff));
	b1 = rc__cfg_and(b0, b1);
	if (!n->text)
		return b1;
	if (strcasecmp(n->text, "i") == 0)   /* I frames: low bit clear */
		return rc__cfg_and(b1, rc__gen_ncmp(cg, RC_OR_LLC, 2, 1, 0xffffffffu, BPF_JSET, 1,
						    0x01));
	return rc__cfg_and(b1, rc__gen_mcmp(cg, RC_OR_LLC, 2, 1, llc_types[t].value,
					    llc_types[t].mask));
}

static F anc_cmp(rc__cg *cg, uint32_t ad, int size, uint32_t mask, uint32_t v)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	uint16_t sz = size == 4 ? BPF_W : size == 2 ? BPF_H : BPF_B;
	rc__cfg_stmt(&cg->g, b, BPF_LD | sz | BPF_ABS, (uint32_t)SKF_AD_OFF + ad);
	if (mask != 0xffffffffu)
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_AND | BPF_K, mask);
	return rc__cfg_jump(&cg->g, b, BPF_JMP | BPF_JEQ | BPF_K, v);
}

/* gen_inbound: PACKET_OUTGOING (4) in the SLL packet type, else metadata */
F rc__gen_direction(rc__cg *cg, const rc__node *n)
{
	F b;
	if (cg->link == RC_LINKTYPE_LINUX_SLL)
		b = rc__gen_cmp(cg, RC_OR_LINKHDR, 0, 2, 4);
	else if (cg->link == RC_LINKTYPE_LINUX_SLL2)
		b = rc__gen_cmp(cg, RC_OR_LINKHDR, 10, 1, 4);
	else if (cg->linux_live)
		b = anc_cmp(cg, SKF_AD_PKTTYPE, 2, 0xffffffffu, 4);
	else
		return rc__gen_fail(cg, RC_ENOTSUP, n->col, "inbound/outbound need a direction: "
				    "only on LINUX_SLL/LINUX_SLL2 or live Linux captures");
	return n->kind == RC_N_INBOUND ? rc__cfg_not(b) : b;
}

F rc__gen_ifindex(rc__cg *cg, const rc__node *n)
{
	if (cg->link == RC_LINKTYPE_LINUX_SLL2)
		return rc__gen_cmp(cg, RC_OR_LINKHDR, 4, 4, n->num);
	if (cg->linux_live)
		return anc_cmp(cg, SKF_AD_IFINDEX, 4, 0xffffffffu, n->num);
	return rc__gen_fail(cg, RC_ENOTSUP, n->col, "ifindex is only available on LINUX_SLL2 "
			    "or live Linux captures");
}

/* gen_vlan_tpid_test: 802.1Q, 802.1ad or old QinQ ethertype */
static F vlan_tpid(rc__cg *cg)
{
	F b0 = rc__gen_linktype(cg, RC_ET_8021Q);
	F b1 = rc__gen_linktype(cg, RC_ET_8021AD);
	b1 = rc__cfg_or(b0, b1);
	return rc__cfg_or(b1, rc__gen_linktype(cg, RC_ET_QINQ));
}

F rc__gen_vlan(rc__cg *cg, const rc__node *n)
{
	if (!is_ether(cg) || cg->mpls_depth)
		return rc__gen_fail(cg, RC_ENOTSUP, n->col, "no VLAN support for %s",
				    cg->mpls_depth ? "MPLS payloads" : rc__gen_linkname(cg->link));
	if (n->has_num && n->num > 0x0fff)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "VLAN id %u out of range (0-4095)",
				    n->num);
	F b;
	/* the kernel's tag metadata is the outer frame's (libpcap: only with
	 * a constant link header offset) */
	if (cg->linux_live && cg->vlan_depth == 0 && !rc__gen_offsets_vary(cg)) {
		b = anc_cmp(cg, SKF_AD_VLAN_TAG_PRESENT, 4, 0xffffffffu, 1);
		if (n->has_num)
			b = rc__cfg_and(b, anc_cmp(cg, SKF_AD_VLAN_TAG, 4, 0x0fff, n->num));
	} else {
		b = vlan_tpid(cg);
		if (n->has_num)
			b = rc__cfg_and(b, rc__gen_mcmp(cg, RC_OR_LINKPL, 0, 2, n->num, 0x0fff));
		cg->off_linkpl += 4;
		cg->off_linktype += 4;
	}
	cg->vlan_depth++;
	return b;
}

F rc__gen_mpls(rc__cg *cg, const rc__node *n)
{
	F b0;
	if (n->has_num && n->num > 0xfffff)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "MPLS label %u out of range "
				    "(0-1048575)", n->num);
	if (cg->mpls_depth > 0) {
		/* the previous label must not be the bottom of the stack */
		b0 = rc__gen_mcmp(cg, RC_OR_PREVMPLS, 2, 1, 0, 1);
	} else if (is_ether(cg)) {
		b0 = rc__gen_linktype(cg, RC_ET_MPLS);
	} else if (cg->link == RC__LINK_PPP) {
		b0 = rc__gen_linktype(cg, RC_PPP_MPLS_UCAST);
	} else {
		return rc__gen_fail(cg, RC_ENOTSUP, n->col, "no MPLS support for %s",
				    rc__gen_linkname(cg->link));
	}
	if (n->has_num)
		b0 = rc__cfg_and(b0, rc__gen_mcmp(cg, RC_OR_LINKPL, 0, 4, n->num << 12,
						  0xfffff000u));
	cg->off_nl += 4;
	cg->off_nl_nosnap += 4;
	cg->mpls_depth++;
	return b0;
}

F rc__gen_pppoe(rc__cg *cg, const rc__node *n)
{
	if (n->kind == RC_N_PPPOED)
		return rc__gen_linktype(cg, RC_ET_PPPOED);
	if (n->has_num && n->num > 0xffff)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "PPPoE session %u out of range "
				    "(0-65535)", n->num);
	F b0 = rc__gen_linktype(cg, RC_ET_PPPOES);
	if (n->has_num)
		b0 = rc__cfg_and(b0, rc__gen_mcmp(cg, RC_OR_LINKPL, 0, 4, n->num, 0xffff));
	/* from here on the link layer is the PPP header behind the 6-byte PPPoE header */
	cg->off_linkhdr = cg->off_linkpl + cg->off_nl + 6;
	cg->off_linktype = cg->off_linkhdr;
	cg->off_linkpl = cg->off_linkhdr + 2;
	cg->off_nl = 0;
	cg->off_nl_nosnap = 0;
	cg->link = RC__LINK_PPP;
	/* inside Geneve all three keep the payload's variable part (PUSH_LINKHDR) */
	cg->reg_linkhdr = cg->reg_linktype = cg->reg_linkpl;
	cg->in_geneve = 0;
	return b0;
}

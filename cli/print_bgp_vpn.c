/*
 * print_bgp_vpn.c - the BGP NLRI of VPNs and other address families as
 * tcpdump 4.99 print-bgp.c prints them: MDT (RFC 6037), multicast VPN
 * (RFC 6514), route target membership (RFC 4684), L2VPN/VPLS (RFC 4761,
 * RFC 6074) and CLNP (RFC 4760 with NSAP addresses).
 *
 * tcpdump formats several of these into a buffer of MAXHOSTNAMELEN + 100
 * (164 on Linux) bytes before printing it, so their text is cut at 163
 * characters as its snprintf does.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "print_bgp.h"

#define RD_LEN 8
#define TEXT_MAX 164 /* tcpdump's char buf[MAXHOSTNAMELEN + 100] */

/* tcpdump prints the buffer only once it is complete: a stop inside takes
 * back what was printed since mark (and an unwinding stop then prints its
 * marker).  Returns r. */
static int take_back(rc__pctx *c, size_t mark, int r)
{
	if (r == BGP_PFX_CUT || r == RC_PRINT_TRUNC)
		rc__ob_truncate(c->ob, mark);
	if (r == RC_PRINT_TRUNC)
		rc__trunc(c);
	return r;
}

/* The text printed since mark, cut to what tcpdump's buffer holds. */
static void cut_text(rc__pctx *c, size_t mark)
{
	if (c->ob->len - mark > TEXT_MAX - 1)
		rc__ob_truncate(c->ob, mark + TEXT_MAX - 1);
}

void rc__bgp_put_nsap(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 1 || len > 20) {
		rc__ob_puts(c->ob, "isonsap_string: illegal length");
		return;
	}
	for (unsigned i = 0; i < len; i++) {
		rc__ob_x(c->ob, p[i], 2);
		if ((i & 1) == 0 && i + 1 < len)
			rc__ob_putc(c->ob, '.');
	}
}

int rc__bgp_mdt(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p, 1);
	if (p[0] != 128)
		return BGP_PFX_ILLEGAL;
	if (!rc__have(c, p + 1, RD_LEN))
		return BGP_PFX_CUT;
	RC_NEED(c, p + 1, 16);
	rc__ob_puts(c->ob, "\n\t      RD: ");
	rc__bgp_put_rd(c, p + 1);
	rc__ob_puts(c->ob, ", VPN IP Address: ");
	rc__put_ip4(c->ob, p + 9);
	rc__ob_puts(c->ob, ", MC Group Address: ");
	rc__put_ip4(c->ob, p + 13);
	return 17;
}

/* ---- multicast VPN (RFC 6514 4) ---- */

static const struct rc__bgp_tok mvpn_types[] = {
	{1, "Intra-AS I-PMSI"}, {2, "Inter-AS I-PMSI"}, {3, "S-PMSI"},
	{4, "Intra-AS Segment-Leaf"}, {5, "Source-Active"}, {6, "Shared Tree Join"},
	{7, "Source Tree Join"}, {0, NULL},
};

/* tcpdump's bgp_vpn_ip_print: an address of bits bits at p. */
static int vpn_ip(rc__pctx *c, const uint8_t *p, unsigned bits)
{
	if (bits == 32) {
		RC_NEED(c, p, 4);
		rc__put_ip4(c->ob, p);
	} else if (bits == 128) {
		RC_NEED(c, p, 16);
		rc__put_ip6(c->ob, p);
	} else {
		rc__ob_printf(c->ob, "bogus address length %u", bits);
	}
	return 0;
}

/* A multicast source and group, each a bit length and an address;
 * returns the bytes tcpdump counts for them (it stops counting at a
 * cut address). */
static int mvpn_sg(rc__pctx *c, const uint8_t *p, unsigned *total)
{
	static const char *const what[2] = {", Source ", ", Group "};
	*total = 0;
	for (int i = 0; i < 2; i++) {
		RC_NEED(c, p, 1);
		unsigned bits = *p++;
		if (!rc__have(c, p, bits >> 3))
			return 0;
		*total += (bits >> 3) + 1;
		if (bits) {
			rc__ob_puts(c->ob, what[i]);
			RC_TRY(vpn_ip(c, p, bits));
			p += bits >> 3;
		}
	}
	return 0;
}

/* RD and source AS of route types 2, 6 and 7. */
static int mvpn_rd_as(rc__pctx *c, const uint8_t *p)
{
	if (!rc__have(c, p, RD_LEN + 4))
		return BGP_PFX_CUT;
	rc__ob_puts(c->ob, ", RD: ");
	rc__bgp_put_rd(c, p);
	rc__ob_printf(c->ob, ", Source-AS %u", rc__be32(p + RD_LEN));
	return 0;
}

static int mvpn_route(rc__pctx *c, unsigned type, unsigned rlen, const uint8_t *p)
{
	unsigned sg;
	switch (type) {
	case 1:
		if (!rc__have(c, p, RD_LEN))
			return BGP_PFX_CUT;
		rc__ob_puts(c->ob, ", RD: ");
		rc__bgp_put_rd(c, p);
		rc__ob_puts(c->ob, ", Originator ");
		/* tcpdump shifts an int: a length under 8 comes out huge */
		return vpn_ip(c, p + RD_LEN, (unsigned)(((int)rlen - RD_LEN) * 8));
	case 2:
		return mvpn_rd_as(c, p);
	case 3:
		if (!rc__have(c, p, RD_LEN))
			return BGP_PFX_CUT;
		rc__ob_puts(c->ob, ", RD: ");
		rc__bgp_put_rd(c, p);
		p += RD_LEN;
		RC_TRY(mvpn_sg(c, p, &sg));
		/* tcpdump reads the originator where the source starts */
		if (!rc__have(c, p, (rlen - sg) & 0xffffffffu))
			return BGP_PFX_CUT;
		rc__ob_puts(c->ob, ", Originator ");
		return vpn_ip(c, p, (rlen - sg) << 3);
	case 5:
		if (!rc__have(c, p, RD_LEN))
			return BGP_PFX_CUT;
		rc__ob_puts(c->ob, ", RD: ");
		rc__bgp_put_rd(c, p);
		return mvpn_sg(c, p + RD_LEN, &sg);
	case 6: case 7: {
		int r = mvpn_rd_as(c, p);
		if (r < 0)
			return r;
		return mvpn_sg(c, p + RD_LEN + 4, &sg);
	}
	default:
		return 0;
	}
}

int rc__bgp_mvpn(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p, 2);
	unsigned type = p[0], rlen = p[1];
	size_t mark = c->ob->len;
	rc__ob_printf(c->ob, "\n\t      Route-Type: %s (%u), length: %u",
		      rc__bgp_tok(mvpn_types, type, "Unknown"), type, rlen);
	int r = take_back(c, mark, mvpn_route(c, type, rlen, p + 2));
	if (r < 0)
		return r;
	cut_text(c, mark + 8);
	return (int)rlen + 2;
}

/* ---- route target membership (RFC 4684 4) ---- */

/* The route target of plen bits (rt: 8 bytes, zero past them). */
static void rt_prefix(rc__pctx *c, const uint8_t *rt, unsigned plen)
{
	char hex[24] = "";
	size_t n = 0;
	unsigned octets = (plen + 7) / 8;
	if (plen == 0) {
		rc__ob_puts(c->ob, "route-target: 0:0/0");
		return;
	}
	for (unsigned i = 0; i < octets; i++)
		n += (size_t)snprintf(hex + n, sizeof(hex) - n, "%02x%s", rt[i],
				      (i % 2 == 1 && i < octets - 1) ? " " : "");
	if (plen < 16) {
		rc__ob_printf(c->ob, "route-target: partial-type: (%s/%u)", hex, plen);
		return;
	}
	switch (rc__be16(rt)) {
	case 0x0002:
		rc__ob_printf(c->ob, "route-target: %u:%u/%u (%s)", rc__be16(rt + 2),
			      rc__be32(rt + 4), plen, hex);
		break;
	case 0x0102:
		rc__ob_printf(c->ob, "route-target: %u.%u.%u.%u:%u/%u (%s)", rt[2], rt[3], rt[4],
			      rt[5], rc__be16(rt + 6), plen, hex);
		break;
	case 0x0202:
		rc__ob_printf(c->ob, "route-target: %u:%u/%u (%s)", rc__be32(rt + 2),
			      rc__be16(rt + 6), plen, hex);
		break;
	default:
		rc__ob_printf(c->ob, "route target: unknown-type(%04x) (%s/%u)", rc__be16(rt), hex,
			      plen);
		break;
	}
}

int rc__bgp_rt_routing(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p, 1);
	unsigned plen = p[0];
	if (plen == 0) {
		rc__ob_puts(c->ob, "\n\t      default route target");
		return 1;
	}
	if (plen < 32) {
		rc__ob_puts(c->ob, "\n\t      (illegal prefix length)");
		return BGP_PFX_SHORT; /* stops the list, prints nothing more */
	}
	RC_NEED(c, p + 1, 4);
	uint32_t as = rc__be32(p + 1);
	plen -= 32;
	if (plen > 64) {
		rc__ob_puts(c->ob, "\n\t      (illegal prefix length)");
		return BGP_PFX_SHORT;
	}
	unsigned n = (plen + 7) / 8;
	RC_NEED(c, p + 5, n);
	uint8_t rt[8] = {0};
	memcpy(rt, p + 5, n);
	if (plen % 8)
		rt[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	rc__ob_printf(c->ob, "\n\t      origin AS: %u, ", as);
	rt_prefix(c, rt, plen);
	return 5 + (int)n;
}

/* ---- L2VPN and VPLS (RFC 4761 3.2.2, RFC 6074 7.1) ---- */

/* tcpdump appends each piece with snprintf and stops appending once one
 * did not fit; *room mirrors its buflen (0: full).  1 if appended. */
static int l2_append(rc__pctx *c, size_t *room, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int l2_append(rc__pctx *c, size_t *room, const char *fmt, ...)
{
	char tmp[TEXT_MAX];
	va_list ap;
	if (*room == 0)
		return 0;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	rc__ob_put(c->ob, tmp, (size_t)n < *room ? (size_t)n : *room - 1);
	*room = (size_t)n > *room ? 0 : *room - (size_t)n;
	return 1;
}

/* The TLVs after an RFC 4761 NLRI's fixed part: tlen bytes at p. */
static int l2_tlvs(rc__pctx *c, const uint8_t *p, unsigned tlen, size_t *room)
{
	while (tlen != 0) {
		if (tlen < 3) {
			l2_append(c, room, "\n\t\tran past the end");
			return 0;
		}
		RC_NEED(c, p, 3);
		unsigned type = p[0], bits = rc__be16(p + 1), bytes = (bits + 7) / 8;
		p += 3; /* tcpdump leaves tlen as it is for the TLV header */
		if (type != 1) {
			l2_append(c, room, "\n\t\tunknown TLV #%u, length: %u", type, bits);
			if (tlen < bytes) {
				l2_append(c, room, " (ran past the end)");
				return 0;
			}
			tlen -= bytes; /* and does not step p over the value */
			continue;
		}
		l2_append(c, room, "\n\t\tcircuit status vector (%u) length: %u: 0x", type, bits);
		for (; bytes != 0; bytes--, tlen--) {
			if (tlen < 1) {
				l2_append(c, room, " (ran past the end)");
				return 0;
			}
			if (!rc__have(c, p, 1))
				return BGP_PFX_CUT;
			if (l2_append(c, room, "%02x", p[0]))
				p++; /* only while the text still fits, as tcpdump */
		}
	}
	return 0;
}

int rc__bgp_l2vpn(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p, 2);
	unsigned plen = rc__be16(p);
	char rd[64];
	size_t room = TEXT_MAX, mark = c->ob->len;
	p += 2;
	if (plen == 12) { /* RFC 6074 auto-discovery: RD and PE address */
		if (!rc__have(c, p, 12))
			return BGP_PFX_CUT;
		rc__bgp_rd_text(rd, sizeof(rd), p);
		rc__ob_puts(c->ob, "\n\t      ");
		l2_append(c, &room, "RD: %s, BGPNH: %u.%u.%u.%u", rd, p[8], p[9], p[10], p[11]);
		return (int)plen + 2;
	}
	if (plen <= 17)
		return BGP_PFX_CUT;
	if (!rc__have(c, p, 15))
		return BGP_PFX_CUT;
	rc__bgp_rd_text(rd, sizeof(rd), p);
	rc__ob_puts(c->ob, "\n\t      ");
	l2_append(c, &room, "RD: %s, CE-ID: %u, Label-Block Offset: %u, Label Base %u", rd,
		  rc__be16(p + 8), rc__be16(p + 10), rc__be24(p + 12) >> 4);
	int r = take_back(c, mark, l2_tlvs(c, p + 15, plen - 15, &room));
	if (r < 0)
		return r;
	return (int)plen + 2;
}

/* ---- CLNP (NSAP prefixes) ---- */

int rc__bgp_clnp(rc__pctx *c, const uint8_t *p, int vpn)
{
	RC_NEED(c, p, 1);
	unsigned plen = p[0], off = vpn ? 12 : 4;
	if (vpn) {
		if (plen < 88)
			return BGP_PFX_ILLEGAL;
		plen -= 88;
	}
	if (plen > 152)
		return BGP_PFX_ILLEGAL;
	unsigned n = (plen + 7) / 8;
	/* tcpdump copies a plain prefix from 4 bytes in, past its length */
	RC_NEED(c, p + off, n);
	if (vpn)
		RC_NEED(c, p, 12);
	uint8_t a[19] = {0};
	memcpy(a, p + off, n);
	if (plen % 8)
		a[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	rc__ob_puts(c->ob, "\n\t      ");
	if (vpn) {
		rc__ob_puts(c->ob, "RD: ");
		rc__bgp_put_rd(c, p + 4);
		rc__ob_puts(c->ob, ", ");
	}
	rc__bgp_put_nsap(c, a, n);
	rc__ob_printf(c->ob, "/%u", plen);
	if (vpn)
		rc__bgp_put_label(c, p);
	return (int)(vpn ? 12 : 1) + (int)n;
}

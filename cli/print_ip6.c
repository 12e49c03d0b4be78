/*
 * print_ip6.c - IPv6 (RFC 8200) with its extension headers, as tcpdump 4.99
 * print-ip6.c, print-ip6opts.c, print-frag6.c and print-rt6.c; and the
 * TCP/UDP/ICMPv6 pseudo-header checksum for both IP versions.
 *
 *   0           4               6      7      8          24         40
 *   |ver|tc|flow| payload length| next | hlim | src(16)  | dst(16)  | ext hdrs...
 *
 * Extension headers walked here: hop-by-hop (0), routing (43: types 0, 2
 * and 4), fragment (44), destination options (60).  Anything else goes to
 * the demultiplexer.
 */
#include "print.h"

#include <string.h>

static int frag6(rc__pctx *c, const uint8_t *p, const uint8_t *ip6)
{
	c->proto = "frag6";
	RC_NEED(c, p, c->o->vflag ? 8 : 4); /* the ident is read with -v only */
	unsigned offlg = rc__be16(p + 2);
	unsigned off = offlg & 0xfff8;
	/* tcpdump computes this in size_t: a payload length too short for
	 * the headers before shows as a huge number */
	unsigned long long plen = 40ull + rc__be16(ip6 + 4) - (unsigned long long)(p - ip6) - 8ull;
	if (c->o->vflag)
		rc__ob_printf(c->ob, "frag (0x%08x:%u|%llu)", rc__be32(p + 4), off, plen);
	else
		rc__ob_printf(c->ob, "frag (%u|%llu)", off, plen);
	if (off != 0)
		return 0; /* a non-first fragment: nothing more to decode */
	rc__ob_putc(c->ob, ' ');
	return 8;
}

static int rt6(rc__pctx *c, const uint8_t *p)
{
	c->proto = "rt6";
	rc__ob_puts(c->ob, "RT6");
	RC_NEED(c, p + 1, 1);
	unsigned len = p[1];
	rc__ob_printf(c->ob, " (len=%u", len);
	RC_NEED(c, p + 2, 1);
	unsigned type = p[2];
	rc__ob_printf(c->ob, ", type=%u", type);
	if (type == 0)
		rc__ob_puts(c->ob, " [Deprecated]");
	RC_NEED(c, p + 3, 1);
	rc__ob_printf(c->ob, ", segleft=%u", p[3]);
	if (type == 4) {
		/* segment routing header (RFC 8754): last entry(1) flags(1)
		 * tag(2), then the segments as type 0's addresses; tcpdump
		 * 4.99.3 walks len / 2 of them, not last entry + 1 */
		RC_NEED(c, p + 4, 1);
		rc__ob_printf(c->ob, ", last-entry=%u", p[4]);
		RC_NEED(c, p + 5, 1);
		if (c->o->vflag || p[5] != 0)
			rc__ob_printf(c->ob, ", flags=0x%0x", p[5]);
		RC_NEED(c, p + 6, 2);
		rc__ob_printf(c->ob, ", tag=%x", rc__be16(p + 6));
	} else if (type == 0 || type == 2) {
		RC_NEED(c, p, 8);
		/* tcpdump shows a non-zero reserved word without -v too */
		if (c->o->vflag || rc__be32(p + 4) != 0)
			rc__ob_printf(c->ob, ", rsv=0x%0x", rc__be32(p + 4));
	} else {
		/* tcpdump stops the packet here without a truncation marker */
		rc__ob_puts(c->ob, " (unknown type) (invalid)");
		return RC_PRINT_TRUNC;
	}
	if (len % 2 == 1) { /* addresses come in 16-byte pairs of units */
		rc__ob_printf(c->ob, " (invalid length %u) (invalid)", len);
		return RC_PRINT_TRUNC;
	}
	const uint8_t *a = p + 8;
	for (unsigned i = 0; i < len / 2; i++, a += 16) {
		RC_NEED(c, a, 16);
		rc__ob_printf(c->ob, ", [%u]", i);
		rc__put_ip6(c->ob, a);
	}
	rc__ob_puts(c->ob, ") ");
	return (int)((len + 1) << 3);
}

/* State of the walk over the extension headers, as tcpdump's ip6_print. */
struct ip6_walk {
	uint32_t payload_len;   /* IPv6 payload length, or the jumbo option's */
	unsigned len;           /* bytes left from the current header */
	unsigned total;         /* bytes walked so far, IPv6 header included */
	int found_ext, found_jumbo, found_hbh, fragmented;
};

/* The length the upper layer gets once the headers are walked: from a
 * jumbo option, or 0 for a packet whose payload length is 0 without one
 * (RFC 2675 3); -1 when that leaves no room for the headers walked. */
static int upper_len(rc__pctx *c, const uint8_t *ip6, uint32_t length, struct ip6_walk *w)
{
	if (w->found_jumbo) {
		unsigned len = w->payload_len + 40;
		if (len < w->total)
			return -1;
		if (length < len)
			rc__ob_printf(c->ob, "truncated-ip6 - %u bytes missing!", len - length);
		if (len < rc__avail(c, ip6))
			c->end = ip6 + len;
		w->len = len - w->total;
	} else if (w->payload_len == 0) {
		if (w->found_ext)
			return -1;
		c->end = ip6 + 40; /* captured: checked first */
		w->len = 0;
	}
	return 0;
}

/* A hop-by-hop header must come first and once (RFC 8200 4.1); one of a
 * packet with payload length 0 must hold the jumbo option. */
static int hbh_header(rc__pctx *c, const uint8_t *cp, uint8_t ph, struct ip6_walk *w)
{
	if (w->found_hbh) {
		rc__ob_puts(c->ob, "[The Hop-by-Hop Options header was already found] (invalid)");
		return RC_PRINT_TRUNC;
	}
	if (ph != 255) {
		rc__ob_puts(c->ob,
			    "[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
		return RC_PRINT_TRUNC;
	}
	int adv = rc__ip6_opts_header(c, cp, 1, &w->found_jumbo, &w->payload_len);
	if (adv < 0 && c->unwound)
		return adv;
	if (w->payload_len == 0 && !w->found_jumbo) {
		rc__ob_puts(c->ob, "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
		return RC_PRINT_TRUNC;
	}
	w->found_hbh = 1;
	return adv;
}

static int ip6_walk(rc__pctx *c, const uint8_t *ip6, uint32_t length, struct ip6_walk *w)
{
	const uint8_t *cp = ip6;
	uint8_t nh = ip6[6], ph = 255;
	int advance = 40;
	while (cp < c->end && advance > 0) {
		if (w->len < (unsigned)advance)
			return rc__trunc_soft(c);
		cp += advance;
		w->len -= (unsigned)advance;
		w->total += (unsigned)advance;
		if (cp == ip6 + 40 && nh != 6 && nh != 17 && nh != 33 && nh != 132) {
			rc__put_ip6(c->ob, ip6 + 8);
			rc__ob_puts(c->ob, " > ");
			rc__put_ip6(c->ob, ip6 + 24);
			rc__ob_puts(c->ob, ": ");
		}
		switch (nh) {
		case 0:
			advance = hbh_header(c, cp, ph, w);
			break;
		case 60:
			advance = rc__ip6_opts_header(c, cp, 0, NULL, NULL);
			break;
		case 44:
			advance = frag6(c, cp, ip6);
			if (advance == 0 || (advance > 0 && c->end <= cp + advance))
				return 0;
			w->fragmented = 1;
			break;
		case 43:
			RC_NEED_SOFT(c, cp, 1);
			advance = rt6(c, cp);
			break;
		default:
			if (upper_len(c, ip6, length, w) < 0)
				return rc__trunc_soft(c);
			return rc__ip_demux(c, cp, w->len, 6, w->fragmented, nh, ip6);
		}
		RC_TRY(advance);
		w->found_ext = 1;
		ph = nh;
		nh = cp[0];
		c->proto = "ip6";
	}
	return 0;
}

int rc__print_ip6(rc__pctx *c, const uint8_t *ip6, uint32_t length)
{
	c->proto = "ip6";
	RC_NEED_SOFT(c, ip6, 40);
	if (length < 40) {
		rc__ob_printf(c->ob, "truncated-ip6 %u", length);
		return 0;
	}
	if (!c->o->eflag)
		rc__ob_puts(c->ob, "IP6 ");
	if ((ip6[0] >> 4) != 6) {
		rc__ob_printf(c->ob, "version error: %u != 6", ip6[0] >> 4);
		return 0;
	}
	uint32_t payload_len = rc__be16(ip6 + 4);
	unsigned len;
	if (payload_len != 0) {
		len = payload_len + 40;
		if (len > length) {
			/* tcpdump goes on with the claimed length: the layers above
			 * see it and stop at the capture's end instead */
			rc__ob_printf(c->ob, "truncated-ip6 - %u bytes missing!", len - length);
		}
	} else {
		/* a jumbogram until the hop-by-hop options say otherwise */
		len = length + 40;
	}
	uint8_t nh = ip6[6];
	if (c->o->vflag) {
		uint32_t flow = rc__be32(ip6);
		rc__ob_putc(c->ob, '(');
		if (flow & 0x0ff00000)
			rc__ob_printf(c->ob, "class 0x%02x, ", (flow & 0x0ff00000) >> 20);
		if (flow & 0x000fffff)
			rc__ob_printf(c->ob, "flowlabel 0x%05x, ", flow & 0x000fffff);
		const char *pn = rc__ipproto_name(nh);
		rc__ob_printf(c->ob, "hlim %u, next-header %s (%u) payload length: %u) ", ip6[7],
			      pn ? pn : "unknown", nh, payload_len);
	}
	const uint8_t *saved_end = rc__push_end(c, ip6, len);
	struct ip6_walk w = { .payload_len = payload_len, .len = len };
	int r = ip6_walk(c, ip6, length, &w);
	c->end = saved_end;
	return r < 0 ? r : 0;
}

/* Destination the sender used for the checksum (RFC 8200 section 8.1), as
 * tcpdump 4.99.3's ip6_finddst takes it from the first routing header:
 * the last address of type 0 or 2, segment 0 of a type 4 segment routing
 * header (RFC 8754 lists the segments in reverse) if captured; an odd
 * length leaves the IPv6 destination. */
static const uint8_t *ip6_final_dst(const rc__pctx *c, const uint8_t *ip6)
{
	const uint8_t *dst = ip6 + 24;
	unsigned plen = rc__be16(ip6 + 4);
	const uint8_t *p = ip6 + 40, *end = ip6 + 40 + plen;
	uint8_t nh = ip6[6];
	for (int hops = 0; hops < 8; hops++) {
		if (nh != 0 && nh != 60 && nh != 43)
			break;
		if (p + 8 > end)
			break;
		unsigned hl = (p[1] + 1u) << 3;
		if (p + hl > end)
			break;
		if (nh == 43) {
			if ((p[2] == 0 || p[2] == 2) && p[1] >= 2 && p[1] % 2 == 0)
				dst = p + 8 + 16u * (p[1] / 2u - 1u);
			else if (p[2] == 4 && p[1] % 2 == 0 && rc__have(c, p + 8, 16))
				dst = p + 8; /* past the header when its length is 0 */
			break;
		}
		nh = p[0];
		p += hl;
	}
	return dst;
}

/* The callers only ask after checking that the whole segment was captured,
 * which implies the headers before it were captured too. */
uint32_t rc__pseudo_sum(const rc__pctx *c, const uint8_t *iph, uint8_t proto, uint32_t length)
{
	uint32_t sum = 0;
	uint8_t tail[8];
	if ((iph[0] >> 4) == 4) {
		sum = rc__cksum_add(sum, iph + 12, 4);
		sum = rc__cksum_add(sum, rc__ip4_final_dst(iph), 4);
		tail[0] = 0;
		tail[1] = proto;
		tail[2] = (uint8_t)(length >> 8);
		tail[3] = (uint8_t)length;
		return rc__cksum_add(sum, tail, 4);
	}
	sum = rc__cksum_add(sum, iph + 8, 16);
	sum = rc__cksum_add(sum, ip6_final_dst(c, iph), 16);
	tail[0] = (uint8_t)(length >> 24);
	tail[1] = (uint8_t)(length >> 16);
	tail[2] = (uint8_t)(length >> 8);
	tail[3] = (uint8_t)length;
	tail[4] = tail[5] = tail[6] = 0;
	tail[7] = proto;
	return rc__cksum_add(sum, tail, 8);
}

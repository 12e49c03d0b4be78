/*
 * print_ip6opts.c - IPv6 hop-by-hop and destination options headers
 * (RFC 8200 4.3, 4.6), as tcpdump 4.99 print-ip6opts.c.
 *
 *   0      1         2
 *   | next | hdr len | options (TLV: type(1) len(1) value, Pad1 = one 0 byte)
 *
 * tcpdump walks the hop-by-hop options with or without -v, because a Jumbo
 * Payload option (RFC 2675) there gives the payload length; it prints them
 * with -v only, and a malformed option ends the packet with the marker.
 */
#include "print.h"

#define OPT_PAD1 0x00
#define OPT_PADN 0x01
#define OPT_RTALERT 0x05   /* RFC 2711 */
#define OPT_JUMBO 0xc2     /* RFC 2675 */
#define OPT_HOMEADDR 0xc9  /* RFC 6275 6.3 */
#define HOMEADDR_MINLEN 18 /* type, length, address */

/* Length of the option at bp + i of an area of len bytes, 0 when its
 * length byte or its value would pass the end. */
static unsigned opt_len(const uint8_t *bp, unsigned i, unsigned len)
{
	unsigned optlen;
	if (bp[i] == OPT_PAD1)
		optlen = 1;
	else if (i + 1 < len)
		optlen = bp[i + 1] + 2u;
	else
		return 0;
	return i + optlen > len ? 0 : optlen;
}

/* Sub-options of a home address option; -1 if malformed. */
static int sopt_print(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	unsigned optlen;
	for (unsigned i = 0; i < len; i += optlen) {
		if (!(optlen = opt_len(bp, i, len)))
			return -1;
		if (bp[i] == OPT_PAD1)
			rc__ob_puts(c->ob, ", pad1");
		else if (bp[i] == OPT_PADN)
			rc__ob_puts(c->ob, ", padn");
		else
			rc__ob_printf(c->ob, ", sopt_type 0x%02x: len=%u", bp[i], bp[i + 1]);
	}
	return 0;
}

/* The Jumbo Payload option at o: taken when it is the first one, in a
 * hop-by-hop header (payload_len given) of a packet whose IPv6 payload
 * length is 0, and says at least 65536; -v tells why it was not. */
static void jumbo(rc__pctx *c, const uint8_t *o, int *seen, int *found, uint32_t *payload_len)
{
	uint32_t jl = rc__be32(o + 2);
	const char *why = NULL;
	if (*seen) {
		why = " - already seen";
	} else {
		*seen = 1;
		if (!payload_len)
			why = " - not a hop-by-hop option";
		else if (*payload_len != 0)
			why = " - payload len != 0";
		else if (jl < 65536)
			why = " - < 65536";
		else {
			*found = 1;
			*payload_len = jl;
		}
	}
	if (c->o->vflag)
		rc__ob_printf(c->ob, "(jumbo: %u%s) ", jl, why ? why : "");
}

/* One option at bp + i of an options area of len bytes; optlen fits.
 * -1 if malformed (after its message, which tcpdump prints without -v). */
static int opt_one(rc__pctx *c, const uint8_t *o, unsigned left, unsigned optlen, int *seen,
		   int *found, uint32_t *payload_len)
{
	int v = c->o->vflag;
	switch (o[0]) {
	case OPT_PAD1:
		if (v)
			rc__ob_puts(c->ob, "(pad1)");
		return 0;
	case OPT_PADN:
		if (v)
			rc__ob_puts(c->ob, "(padn)");
		return 0;
	case OPT_RTALERT:
		if (left < 4) {
			rc__ob_puts(c->ob, "(rtalert: trunc)");
			return -1;
		}
		if (o[1] != 2) {
			rc__ob_printf(c->ob, "(rtalert: invalid len %u)", o[1]);
			return -1;
		}
		if (v)
			rc__ob_printf(c->ob, "(rtalert: 0x%04x) ", rc__be16(o + 2));
		return 0;
	case OPT_JUMBO:
		if (left < 6) {
			rc__ob_puts(c->ob, "(jumbo: trunc)");
			return -1;
		}
		if (o[1] != 4) {
			rc__ob_printf(c->ob, "(jumbo: invalid len %u)", o[1]);
			return -1;
		}
		jumbo(c, o, seen, found, payload_len);
		return 0;
	case OPT_HOMEADDR:
		if (left < HOMEADDR_MINLEN) {
			rc__ob_puts(c->ob, "(homeaddr: trunc)");
			return -1;
		}
		if (o[1] < HOMEADDR_MINLEN - 2) {
			rc__ob_printf(c->ob, "(homeaddr: invalid len %u)", o[1]);
			return -1;
		}
		if (v) {
			rc__ob_puts(c->ob, "(homeaddr: ");
			rc__put_ip6(c->ob, o + 2);
			if (o[1] > HOMEADDR_MINLEN - 2 &&
			    sopt_print(c, o + HOMEADDR_MINLEN, optlen - HOMEADDR_MINLEN) < 0)
				return -1;
			rc__ob_putc(c->ob, ')');
		}
		return 0;
	default:
		if (v)
			rc__ob_printf(c->ob, "(opt_type 0x%02x: len=%u)", o[0], o[1]);
		return 0;
	}
}

/* The options of a header (all captured); -1 if malformed. */
static int opts(rc__pctx *c, const uint8_t *bp, unsigned len, int *found, uint32_t *payload_len)
{
	int seen = 0;
	unsigned optlen;
	if (len == 0)
		return 0;
	for (unsigned i = 0; i < len; i += optlen) {
		if (!(optlen = opt_len(bp, i, len)))
			return -1;
		if (opt_one(c, bp + i, len - i, optlen, &seen, found, payload_len) < 0)
			return -1;
	}
	if (c->o->vflag)
		rc__ob_putc(c->ob, ' ');
	return 0;
}

int rc__ip6_opts_header(rc__pctx *c, const uint8_t *p, int hbh, int *found_jumbo,
			uint32_t *payload_len)
{
	c->proto = hbh ? "hbhopt" : "dstopt";
	RC_NEED(c, p + 1, 1);
	unsigned len = (p[1] + 1u) << 3;
	RC_NEED_SOFT(c, p, len);
	rc__ob_puts(c->ob, hbh ? "HBH " : "DSTOPT ");
	/* a jumbo option counts in a hop-by-hop header only */
	if ((hbh || c->o->vflag) &&
	    opts(c, p + 2, len - 2, found_jumbo, hbh ? payload_len : NULL) < 0)
		return rc__trunc_soft(c);
	return (int)len;
}

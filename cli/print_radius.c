/*
 * print_radius.c - RADIUS (RFC 2865, 2866, 5176) on UDP 1645, 1646,
 * 1700, 1812, 1813 and 3799, in tcpdump 4.99.3's form without -v
 * (print-radius.c): the code, identifier and length.  The -v form, with
 * the authenticator and every attribute, is not decoded (docs/cli.md):
 * print_udp.c sends it to the generic UDP line.
 *
 *   code(1) identifier(1) length(2) authenticator(16) attributes
 */
#include "print.h"

#define RADIUS_HDRLEN 20

static const char *code_name(unsigned code)
{
	switch (code) {
	case 1: return "Access-Request";
	case 2: return "Access-Accept";
	case 3: return "Access-Reject";
	case 4: return "Accounting-Request";
	case 5: return "Accounting-Response";
	case 11: return "Access-Challenge";
	case 12: return "Status-Server";
	case 13: return "Status-Client";
	case 40: return "Disconnect-Request";
	case 41: return "Disconnect-ACK";
	case 42: return "Disconnect-NAK";
	case 43: return "CoA-Request";
	case 44: return "CoA-ACK";
	case 45: return "CoA-NAK";
	case 255: return "Reserved";
	default: return "Unknown Command";
	}
}

int rc__print_radius(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "radius";
	/* tcpdump checks the whole header, then returns after the marker */
	if (!rc__have(c, p, RADIUS_HDRLEN))
		return rc__trunc_soft(c);
	uint32_t len = rc__be16(p + 2);
	if (len < RADIUS_HDRLEN)
		return rc__trunc_soft(c);
	if (len > length)
		len = length;
	rc__ob_printf(c->ob, "RADIUS, %s (%u), id: 0x%02x length: %u", code_name(p[0]), p[0], p[1],
		      len);
	return 0;
}

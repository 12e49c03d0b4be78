/*
 * print_radius.c - RADIUS (RFC 2865, 2866, 5176) on UDP 1645, 1646,
 * 1700, 1812, 1813 and 3799, as tcpdump 4.99.3 print-radius.c prints it:
 * without -v the code, identifier and length; with -v the length, code,
 * identifier and authenticator, then each attribute's name, type and
 * length and its value (print_radius_attr.c); -vv adds each value in hex.
 *
 *   code(1) identifier(1) length(2) authenticator(16) attributes
 *   attribute: type(1) length(1, header included) value
 *
 * The length field, cut to the UDP payload, bounds the attributes.
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

/* Error-Cause values (RFC 5176 3.5, RFC 5580 4.2). */
int rc__radius_error_cause(rc__pctx *c, uint32_t v)
{
	static const struct {
		unsigned v;
		const char *name;
	} causes[] = {
		{201, "Residual Session Context Removed"},
		{202, "Invalid EAP Packet (Ignored)"},
		{401, "Unsupported Attribute"},
		{402, "Missing Attribute"},
		{403, "NAS Identification Mismatch"},
		{404, "Invalid Request"},
		{405, "Unsupported Service"},
		{406, "Unsupported Extension"},
		{407, "Invalid Attribute Value"},
		{501, "Administratively Prohibited"},
		{502, "Request Not Routable (Proxy)"},
		{503, "Session Context Not Found"},
		{504, "Session Context Not Removable"},
		{505, "Other Proxy Processing Error"},
		{506, "Resources Unavailable"},
		{507, "Request Initiated"},
		{508, "Multiple Session Selection Unsupported"},
		{509, "Location Info Required"},
	};
	rc__ob_printf(c->ob, "Error cause %u: ", v);
	for (size_t i = 0; i < sizeof causes / sizeof causes[0]; i++) {
		if (causes[i].v == v) {
			rc__ob_puts(c->ob, causes[i].name);
			return 0;
		}
	}
	rc__ob_printf(c->ob, "Error-Cause %u not known", v);
	return 0;
}

/* The attributes in length bytes at a; a length past them or under the
 * attribute header ends the walk with tcpdump's "(bogus, ...)" note. */
static int attributes(rc__pctx *c, const uint8_t *a, uint32_t length)
{
	while (length > 0) {
		if (length < 2)
			return rc__trunc_soft(c);
		RC_NEED_SOFT(c, a, 2);
		unsigned type = a[0], len = a[1];
		rc__ob_printf(c->ob, "\n\t  %s Attribute (%u), length: %u", rc__radius_attr_name(type),
			      type, len);
		if (len < 2) {
			rc__ob_puts(c->ob, " (bogus, must be >= 2)");
			return 0;
		}
		if (len > length) {
			rc__ob_puts(c->ob, " (bogus, goes past end of packet)");
			return 0;
		}
		rc__ob_puts(c->ob, ", Value: ");
		if (len > 2)
			RC_TRY(rc__radius_attr_value(c, type, a + 2, len - 2));
		if (c->o->vflag > 1)
			rc__unknown_data(c, a + 2, "\n\t    ", len - 2);
		length -= len;
		a += len;
	}
	return 0;
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
	if (!c->o->vflag) {
		rc__ob_printf(c->ob, "RADIUS, %s (%u), id: 0x%02x length: %u", code_name(p[0]), p[0],
			      p[1], len);
		return 0;
	}
	rc__ob_printf(c->ob, "RADIUS, length: %u\n\t%s (%u), id: 0x%02x, Authenticator: ", len,
		      code_name(p[0]), p[0], p[1]);
	for (int i = 0; i < 16; i++)
		rc__ob_printf(c->ob, "%02x", p[4 + i]);
	return len > RADIUS_HDRLEN ? attributes(c, p + RADIUS_HDRLEN, len - RADIUS_HDRLEN) : 0;
}

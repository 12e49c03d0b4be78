/*
 * print_udld.c - Cisco UniDirectional Link Detection (RFC 5171; SNAP OUI
 * 00:00:0c, PID 0x0111), as tcpdump 4.99.3 print-udld.c prints it.
 *
 *   version:3 opcode:5 flags(1) checksum(2), then TLVs: type(2)
 *   length(2, header included) value
 *
 * Without -v the header line, the whole PDU checked captured.  With -v
 * the checksum and each TLV: device, port and device name as text up to
 * a NUL, the echo as text, the intervals in seconds, the sequence number;
 * a length outside the TLV's form is "(invalid)".
 */
#include "print.h"

#define UDLD_HDRLEN 4
#define TLV_HDRLEN 4

static const rc__bitname flag_names[] = {
	{0x01, "RT"},    {0x02, "RSY"},   {0x04, "MBZ-2"}, {0x08, "MBZ-3"},
	{0x10, "MBZ-4"}, {0x20, "MBZ-5"}, {0x40, "MBZ-6"}, {0x80, "MBZ-7"},
};

static const char *code_name(unsigned code)
{
	static const char *const names[] = {"Reserved", "Probe message", "Echo message",
					    "Flush message"};
	return code < 4 ? names[code] : "Reserved";
}

static const char *tlv_name(unsigned t)
{
	static const char *const names[] = {
		NULL, "Device-ID TLV", "Port-ID TLV", "Echo TLV", "Message Interval TLV",
		"Timeout Interval TLV", "Device Name TLV", "Sequence Number TLV",
	};
	return t < sizeof names / sizeof names[0] && names[t] ? names[t] : "Unknown";
}

/* One TLV's value of len bytes at v: 0, 1 when its length does not fit
 * its type, or RC_PRINT_TRUNC. */
static int tlv_value(rc__pctx *c, unsigned type, const uint8_t *v, unsigned len)
{
	switch (type) {
	case 1: /* Device-ID */
	case 2: /* Port-ID */
	case 6: /* Device Name */
		rc__ob_puts(c->ob, ", ");
		return rc__printjnp(c, v, len);
	case 3: /* Echo: the neighbors' IDs, NULs and all */
		rc__ob_puts(c->ob, ", ");
		return rc__printn(c, v, len);
	case 4: /* Message Interval */
	case 5: /* Timeout Interval */
		if (len != 1)
			return 1;
		RC_NEED(c, v, 1);
		rc__ob_printf(c->ob, ", %us", v[0]);
		return 0;
	case 7: /* Sequence Number */
		if (len != 4)
			return 1;
		RC_NEED(c, v, 4);
		rc__ob_printf(c->ob, ", %u", rc__be32(v));
		return 0;
	default:
		RC_NEED(c, v, len);
		return 0;
	}
}

int rc__print_udld(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	char buf[96];
	c->proto = "udld";
	if (length < UDLD_HDRLEN)
		return rc__invalid(c, p, length);
	RC_NEED(c, p, 2);
	unsigned code = p[0] & 0x1f;
	rc__ob_printf(c->ob, "UDLDv%u, Code %s (%x), Flags [%s] (0x%02x), length %u", p[0] >> 5,
		      code_name(code), code,
		      rc__bit_names(buf, sizeof buf, p[1], flag_names,
				    sizeof flag_names / sizeof flag_names[0]),
		      p[1], length);
	if (!c->o->vflag) {
		RC_NEED(c, p, length);
		return 0;
	}
	RC_NEED(c, p + 2, 2);
	rc__ob_printf(c->ob, "\n\tChecksum 0x%04x (unverified)", rc__be16(p + 2));
	p += UDLD_HDRLEN;
	length -= UDLD_HDRLEN;
	while (length) {
		if (length < TLV_HDRLEN)
			return rc__invalid(c, p, length);
		RC_NEED(c, p, TLV_HDRLEN);
		unsigned type = rc__be16(p), len = rc__be16(p + 2);
		p += TLV_HDRLEN;
		length -= TLV_HDRLEN;
		rc__ob_printf(c->ob, "\n\t%s (0x%04x) TLV, length %u", tlv_name(type), type, len);
		if (len <= TLV_HDRLEN || len - TLV_HDRLEN > length)
			return rc__invalid(c, p, length);
		len -= TLV_HDRLEN;
		int r = tlv_value(c, type, p, len);
		RC_TRY(r);
		if (r)
			return rc__invalid(c, p, length);
		p += len;
		length -= len;
	}
	return 0;
}

/*
 * print_dtp.c - Cisco Dynamic Trunking Protocol (SNAP OUI 00:00:0c, PID
 * 0x2004), as tcpdump 4.99.3 print-dtp.c prints it.
 *
 *   version(1), then TLVs: type(2) length(2, header included) value
 *
 * Without -v the version and length only (nothing else checked).  With
 * -v each TLV: the domain as text, status and type bytes, the neighbor's
 * MAC address; a type 0 ends the walk quietly (tcpdump's captures have
 * such padding), a length outside the TLV's form is "(invalid)".
 */
#include "print.h"

#define T_DOMAIN 1
#define T_STATUS 2
#define T_TYPE 3
#define T_NEIGHBOR 4

static const char *tlv_name(unsigned t)
{
	switch (t) {
	case T_DOMAIN: return "Domain";
	case T_STATUS: return "Status";
	case T_TYPE: return "DTP type";
	case T_NEIGHBOR: return "Neighbor";
	default: return "Unknown";
	}
}

/* One TLV's value (len - 4 bytes at v): 0, 1 when its length does not
 * fit its type, or RC_PRINT_TRUNC. */
static int tlv_value(rc__pctx *c, unsigned type, const uint8_t *v, unsigned len)
{
	switch (type) {
	case T_DOMAIN:
		rc__ob_puts(c->ob, ", ");
		return rc__printjnp(c, v, len - 4);
	case T_STATUS:
	case T_TYPE:
		if (len != 5)
			return 1;
		RC_NEED(c, v, 1);
		rc__ob_printf(c->ob, ", 0x%x", v[0]);
		return 0;
	case T_NEIGHBOR:
		if (len != 10)
			return 1;
		RC_NEED(c, v, 6);
		rc__ob_puts(c->ob, ", ");
		rc__put_mac(c->ob, v);
		return 0;
	default:
		RC_NEED(c, v - 4, len);
		return 0;
	}
}

int rc__print_dtp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "dtp";
	if (length < 1) {
		rc__ob_puts(c->ob, "[zero packet length]");
		return rc__invalid(c, p, length);
	}
	RC_NEED(c, p, 1);
	rc__ob_printf(c->ob, "DTPv%u, length %u", p[0], length);
	if (!c->o->vflag)
		return 0;
	p++;
	length--;
	while (length) {
		if (length < 4) {
			rc__ob_printf(c->ob, "[%u bytes remaining]", length);
			return rc__invalid(c, p, length);
		}
		RC_NEED(c, p, 4);
		unsigned type = rc__be16(p), len = rc__be16(p + 2);
		if (type == 0)
			return 0;
		rc__ob_printf(c->ob, "\n\t%s (0x%04x) TLV, length %u", tlv_name(type), type, len);
		if (len < 4 || len > length) {
			rc__ob_printf(c->ob, "[invalid TLV length %u]", len);
			return rc__invalid(c, p, length);
		}
		int r = tlv_value(c, type, p + 4, len);
		if (r)
			return r < 0 ? r : rc__invalid(c, p, length);
		p += len;
		length -= len;
	}
	return 0;
}

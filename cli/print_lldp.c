/*
 * print_lldp.c - LLDP (IEEE 802.1AB) as tcpdump 4.99 print-lldp.c: the
 * length, the System Name at any verbosity and with -v one line per TLV
 * with the chassis ID, port ID, TTL, descriptions, capabilities,
 * management address and organization specific TLVs (print_lldp_org.c);
 * with -vv every TLV's value as hex after its lines, with -v only those
 * tcpdump does not decode.
 *
 * TLV header (IEEE 802.1AB clause 8.4): type (7 bits), length (9 bits).
 */
#include "print.h"

#include <stdio.h>
#include <string.h>

static const char *tlv_name(unsigned t)
{
	static const char *const names[] = { "End", "Chassis ID", "Port ID", "Time to Live",
		"Port Description", "System Name", "System Description", "System Capabilities",
		"Management Address" };
	if (t < sizeof(names) / sizeof(names[0]))
		return names[t];
	return t == 127 ? "Organization specific" : "Unknown";
}

static const char *subtype_name(unsigned tlv, uint8_t s)
{
	static const char *const chassis[] = { NULL, "Chassis component", "Interface alias",
		"Port component", "MAC address", "Network address", "Interface name", "Local" };
	static const char *const port[] = { NULL, "Interface alias", "Port component",
		"MAC address", "Network Address", "Interface Name", "Agent circuit ID", "Local" };
	const char *n = s < 8 ? (tlv == 1 ? chassis : port)[s] : NULL;
	return n ? n : "Unknown";
}

/* The subtype whose value is a MAC address, and the network address one. */
static unsigned mac_subtype(unsigned tlv)
{
	return tlv == 1 ? 4 : 3;
}
static unsigned net_subtype(unsigned tlv)
{
	return tlv == 1 ? 5 : 4;
}

/* nd_printzp: up to len bytes or a NUL, as fn_print_char. */
void rc__lldp_text(rc__pctx *c, const uint8_t *p, unsigned len)
{
	for (unsigned i = 0; i < len && p[i]; i++)
		rc__put_char(c->ob, p[i]);
}

/* lldp_network_addr_print: an IANA address family (tcpdump's af_values),
 * then the address for the families it has a printer for; 0, printing
 * nothing, if too short.  lead goes before the rest when it prints. */
static int network_addr(rc__pctx *c, const char *lead, const uint8_t *p, unsigned len)
{
	static const char *const afs[26] = { "Reserved", "IPv4", "IPv6", "NSAP", "HDLC",
		"BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "Novell IPX", "Appletalk",
		"Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress", [25] = "VPLS" };
	static const unsigned addr_len[7] = { [1] = 4, [2] = 16, [6] = 6 };
	if (len < 1)
		return 0;
	uint8_t af = p[0];
	const char *name = af < 26 && afs[af] ? afs[af] : af == 196 ? "Layer-2 VPN" : "Unknown";
	if (af >= 7 || !addr_len[af]) {
		rc__ob_printf(c->ob, "%sAFI %s (%u), no AF printer !", lead, name, af);
		return 1;
	}
	if (len < 1 + addr_len[af])
		return 0;
	rc__ob_printf(c->ob, "%sAFI %s (%u): ", lead, name, af);
	if (af == 1)
		rc__put_ip4(c->ob, p + 1);
	else if (af == 2)
		rc__put_ip6(c->ob, p + 1);
	else
		rc__put_mac(c->ob, p + 1);
	return 1;
}

/* IEEE 802.1AB 8.5.9: address string length, the address (family first),
 * the interface numbering subtype and number, an optional OID; 0 if the
 * lengths do not fit (tcpdump then ends the frame with its marker). */
static int mgmt_addr(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char *const numbering[4] = { NULL, NULL, "Interface Index",
		"System Port Number" };
	char lead[48];
	if (len < 1 || len - 1 < p[0])
		return 0;
	unsigned alen = p[0];
	snprintf(lead, sizeof(lead), "\n\t  Management Address length %u, ", alen);
	if (!network_addr(c, lead, p + 1, alen))
		return 0;
	p += 1 + alen;
	len -= 1 + alen;
	if (len < 5)
		return 0;
	rc__ob_printf(c->ob, "\n\t  %s Interface Numbering (%u): %u",
		      p[0] < 4 && numbering[p[0]] ? numbering[p[0]] : "Unknown", p[0],
		      rc__be32(p + 1));
	if (len == 5)
		return 1;
	unsigned oid_len = p[5];
	if (len - 6 < oid_len)
		return 0;
	if (oid_len) {
		rc__ob_printf(c->ob, "\n\t  OID length %u", oid_len);
		rc__lldp_text(c, p + 6, oid_len);
	}
	return 1;
}

static void caps(rc__pctx *c, const char *label, uint16_t v)
{
	static const char *const names[] = { "Other", "Repeater", "Bridge", "WLAN AP", "Router",
		"Telephone", "Docsis", "Station Only" };
	char buf[96] = "";
	for (int i = 0; i < 8; i++)
		if (v & (1u << i)) {
			if (buf[0])
				strcat(buf, ", ");
			strcat(buf, names[i]);
		}
	rc__ob_printf(c->ob, "\n\t  %s Capabilities [%s] (0x%04x)", label, buf[0] ? buf : "none", v);
}

/* One TLV body (all len bytes captured); returns 1 for a hex dump after it,
 * 0 for none, RC_PRINT_TRUNC where tcpdump gives up on the frame. */
static int tlv_body(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len)
{
	/* the shortest value tcpdump decodes with -v, by type */
	static const uint8_t min_len[8] = { [1] = 2, [2] = 2, [3] = 2, [7] = 4 };
	if (!c->o->vflag && type != 5) /* the System Name shows without -v too */
		return 0;
	if ((type < 8 && len < min_len[type]) || (type == 127 && len < 3))
		return rc__trunc_soft(c);
	switch (type) {
	case 1:
	case 2:
		rc__ob_printf(c->ob, "\n\t  Subtype %s (%u): ", subtype_name(type, p[0]), p[0]);
		if (p[0] == mac_subtype(type)) {
			if (len < 7)
				return rc__trunc_soft(c);
			rc__put_mac(c->ob, p + 1);
		} else if (p[0] == net_subtype(type)) {
			if (!network_addr(c, "", p + 1, len - 1))
				return rc__trunc_soft(c);
		} else if (p[0] >= 1 && p[0] <= 7) {
			rc__lldp_text(c, p + 1, len - 1);
		} else {
			return 1;
		}
		return 0;
	case 3:
		rc__ob_printf(c->ob, ": TTL %us", rc__be16(p));
		return 0;
	case 4:
	case 5:
		rc__ob_puts(c->ob, ": ");
		rc__lldp_text(c, p, len);
		return 0;
	case 6:
		rc__ob_puts(c->ob, "\n\t  ");
		rc__lldp_text(c, p, len);
		return 0;
	case 7:
		caps(c, "System ", rc__be16(p));
		caps(c, "Enabled", rc__be16(p + 2));
		return 0;
	case 8:
		return mgmt_addr(c, p, len) ? 0 : rc__trunc_soft(c);
	case 127:
		return rc__lldp_org(c, p, len);
	default:
		return 1;
	}
}

int rc__print_lldp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "lldp";
	rc__ob_printf(c->ob, "LLDP, length %u", length);
	for (uint32_t left = length; left >= 2;) {
		RC_NEED_SOFT(c, p, 2);
		unsigned type = p[0] >> 1, len = rc__be16(p) & 0x1ff;
		p += 2;
		left -= 2;
		if (c->o->vflag)
			rc__ob_printf(c->ob, "\n\t%s TLV (%u), length %u", tlv_name(type), type, len);
		if (type == 0 || len == 0) /* tcpdump's infinite loop check */
			break;
		RC_NEED_SOFT(c, p, len);
		if (left < len)
			return rc__trunc_soft(c);
		int hex = tlv_body(c, type, p, len);
		RC_TRY(hex);
		if (c->o->vflag > 1 || (c->o->vflag && hex))
			rc__hex_dump(c->ob, "\n\t  ", p, len, 0);
		p += len;
		left -= len;
	}
	return 0;
}

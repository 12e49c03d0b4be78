/*
 * print_vtp.c - Cisco VLAN Trunking Protocol (SNAP OUI 00:00:0c, PID
 * 0x2003), as tcpdump 4.99.3 print-vtp.c prints it.
 *
 *   version(1) code(1) followers/sequence(1) domain length(1)
 *   domain name(32, zero padded); then by code: a summary advertisement's
 *   revision, updater, time stamp and MD5 digest; a subset
 *   advertisement's revision and VLAN information fields; an
 *   advertisement request's start value.
 *
 * Without -v the header line only, the whole message checked captured.
 * A VLAN information field is len(1) status(1) type(1) name length(1)
 * VLAN ID(2) MTU(2) SAID(4), the name padded to 4 bytes, then TLVs of a
 * type byte and a length in 16-bit words (tcpdump reads one word).
 */
#include "print.h"

#define VTP_HDRLEN 36
#define VTP_DOMAIN_MAX 32
#define VLAN_FIXED 12

#define C_SUMMARY 1
#define C_SUBSET 2
#define C_REQUEST 3
#define C_JOIN 4

static const char *code_name(unsigned code)
{
	switch (code) {
	case C_SUMMARY: return "Summary advertisement";
	case C_SUBSET: return "Subset advertisement";
	case C_REQUEST: return "Advertisement request";
	case C_JOIN: return "Join message";
	default: return "Unknown message type";
	}
}

/* The third header byte's meaning by code. */
static const char *byte3_name(unsigned code)
{
	switch (code) {
	case C_SUMMARY: return "Followers";
	case C_SUBSET: return "Seq number";
	case C_REQUEST:
	case C_JOIN: return "Rsvd";
	default: return "Unknown";
	}
}

static const char *vlan_type_name(unsigned t)
{
	static const char *const names[] = {NULL, "Ethernet", "FDDI", "TrCRF", "FDDI-net", "TrBRF"};
	return t < sizeof names / sizeof names[0] && names[t] ? names[t] : "Unknown";
}

static const char *tlv_name(unsigned t)
{
	static const char *const names[] = {
		NULL,
		"Source-Routing Ring Number TLV",
		"Source-Routing Bridge Number TLV",
		"STP type TLV",
		"Parent VLAN TLV",
		"Translationally bridged VLANs TLV",
		"Pruning TLV",
		"Bridge Type TLV",
		"Max ARP Hop Count TLV",
		"Max STE Hop Count TLV",
		"Backup CRF Mode TLV",
	};
	return t < sizeof names / sizeof names[0] && names[t] ? names[t] : "Unknown";
}

/* One TLV of a VLAN information field, its 2 + 2 * words bytes within
 * the field and captured: 0, or 1 when tcpdump calls it invalid. */
static int vlan_tlv(rc__pctx *c, const uint8_t *p, unsigned words)
{
	static const char *const stp_types[] = {"Unknown", "SRT", "SRB", "Auto"};
	if (words != 1) {
		rc__ob_printf(c->ob, " (invalid TLV length %u != 1)", words);
		return 1;
	}
	unsigned v = rc__be16(p + 2);
	switch (p[0]) {
	case 0x09: /* Max STE Hop Count */
		rc__ob_printf(c->ob, ", %u", v);
		break;
	case 0x06: /* Pruning */
		rc__ob_printf(c->ob, ", %s (%u)", v == 1 ? "Enabled" : "Disabled", v);
		break;
	case 0x03: /* STP type */
		rc__ob_printf(c->ob, ", %s (%u)", stp_types[v < 4 ? v : 0], v);
		break;
	case 0x07: /* Bridge Type */
		rc__ob_printf(c->ob, ", %s (%u)", v == 1 ? "SRB" : "SRT", v);
		break;
	case 0x0a: /* Backup CRF Mode */
		rc__ob_printf(c->ob, ", %s (%u)", v == 1 ? "Backup" : "Not backup", v);
		break;
	default:
		rc__unknown_data(c, p, "\n\t\t  ", 4);
		break;
	}
	return 0;
}

/* One VLAN information field of len bytes (all captured): 0, 1 when
 * tcpdump calls it invalid, or RC_PRINT_TRUNC. */
static int vlan_info(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < VLAN_FIXED)
		return 1;
	rc__ob_printf(c->ob,
		      "\n\tVLAN info status %s, type %s, VLAN-id %u, MTU %u, SAID 0x%08x, Name ",
		      p[1] == 0 ? "Operational" : p[1] == 1 ? "Suspended" : "Unknown",
		      vlan_type_name(p[2]), rc__be16(p + 4), rc__be16(p + 6), rc__be32(p + 8));
	unsigned padded = 4 * ((p[3] + 3u) / 4);
	len -= VLAN_FIXED;
	if (len < padded)
		return 1;
	RC_TRY(rc__printjnp(c, p + VLAN_FIXED, p[3]));
	p += VLAN_FIXED + padded;
	len -= padded;
	while (len) {
		if (len < 2)
			return 1;
		unsigned words = p[1], tlen = 2 + 2 * words;
		rc__ob_printf(c->ob, "\n\t\t%s (0x%04x) TLV", tlv_name(p[0]), p[0]);
		if (len < tlen) {
			rc__ob_puts(c->ob, " (TLV goes past the end of the packet)");
			return 1;
		}
		if (vlan_tlv(c, p, words))
			return 1;
		p += tlen;
		len -= tlen;
	}
	return 0;
}

/* The -v body after the header at p (length bytes from p0): 0, 1 when
 * tcpdump calls it invalid, or RC_PRINT_TRUNC. */
static int body(rc__pctx *c, const uint8_t *p0, uint32_t length)
{
	const uint8_t *p = p0 + VTP_HDRLEN;
	switch (p0[1]) {
	case C_SUMMARY:
		RC_NEED(c, p, 8);
		rc__ob_printf(c->ob, "\n\t  Config Rev %x, Updater ", rc__be32(p));
		rc__put_ip4(c->ob, p + 4);
		RC_NEED(c, p + 8, 12);
		rc__ob_printf(c->ob, ", Timestamp 0x%08x 0x%08x 0x%08x", rc__be32(p + 8),
			      rc__be32(p + 12), rc__be32(p + 16));
		RC_NEED(c, p + 20, 16);
		rc__ob_printf(c->ob, ", MD5 digest: %08x%08x%08x%08x", rc__be32(p + 20),
			      rc__be32(p + 24), rc__be32(p + 28), rc__be32(p + 32));
		return 0;
	case C_SUBSET:
		RC_NEED(c, p, 4);
		rc__ob_printf(c->ob, ", Config Rev %x", rc__be32(p));
		for (p += 4; (uint32_t)(p - p0) < length;) {
			RC_NEED(c, p, 1);
			unsigned len = p[0];
			if (len == 0)
				break;
			RC_NEED(c, p, len);
			int r = vlan_info(c, p, len);
			if (r)
				return r;
			p += len;
		}
		return 0;
	case C_REQUEST:
		RC_NEED(c, p, 4);
		rc__ob_printf(c->ob, "\n\tStart value: %u", rc__be32(p));
		return 0;
	default:
		return 0;
	}
}

int rc__print_vtp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "vtp";
	if (length < VTP_HDRLEN)
		return rc__invalid(c, p, length);
	RC_NEED(c, p, VTP_HDRLEN);
	rc__ob_printf(c->ob, "VTPv%u, Message %s (0x%02x), length %u", p[0], code_name(p[1]), p[1],
		      length);
	if (!c->o->vflag) {
		RC_NEED(c, p, length);
		return 0;
	}
	rc__ob_puts(c->ob, "\n\tDomain name: ");
	unsigned dlen = p[3];
	if (dlen < 1 || dlen > VTP_DOMAIN_MAX) {
		rc__ob_printf(c->ob, " [invalid MgmtD Len %u]", dlen);
		return rc__invalid(c, p, length);
	}
	RC_TRY(rc__printjnp(c, p + 4, dlen));
	rc__ob_printf(c->ob, ", %s: %u", byte3_name(p[1]), p[2]);
	int r = body(c, p, length);
	RC_TRY(r);
	return r ? rc__invalid(c, p, length) : 0;
}

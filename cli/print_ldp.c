/*
 * print_ldp.c - LDP (RFC 5036) over UDP and TCP port 646 as tcpdump 4.99
 * print-ldp.c prints it: the PDU header line, and with -v each message and
 * its TLVs (FEC elements including Martini pseudowires, RFC 4447), with -vv
 * a hex dump of every message after its lines.
 *
 *   PDU:     version(2) pdu length(2) LSR id(4) label space(2) messages...
 *   message: U|type(2) length(2) id(4) TLVs...
 *   TLV:     U|F|type(2) length(2) value
 *
 * Lengths count what follows the length field, so a PDU takes pdu length
 * + 4 bytes and a message takes message length + 4.
 */
#include "print.h"

#include <string.h>

#define LDP_HDR_LEN 10
#define LDP_MSG_HDR_LEN 8

static const char *msg_name(unsigned type)
{
	switch (type) {
	case 0x0001: return "Notification";
	case 0x0100: return "Hello";
	case 0x0200: return "Initialization";
	case 0x0201: return "Keepalive";
	case 0x0300: return "Address";
	case 0x0301: return "Address Withdraw";
	case 0x0400: return "Label Mapping";
	case 0x0401: return "Label Request";
	case 0x0402: return "Label Withdraw";
	case 0x0403: return "Label Release";
	case 0x0404: return "Label Abort Request";
	default: return "Unknown";
	}
}

static const char *tlv_name(unsigned type)
{
	switch (type) {
	case 0x0100: return "FEC";
	case 0x0101: return "Address List";
	case 0x0103: return "Hop Count";
	case 0x0104: return "Path Vector";
	case 0x0200: return "Generic Label";
	case 0x0201: return "ATM Label";
	case 0x0202: return "Frame-Relay Label";
	case 0x0300: return "Status";
	case 0x0301: return "Extended Status";
	case 0x0302: return "Returned PDU";
	case 0x0303: return "Returned Message";
	case 0x0400: return "Common Hello Parameters";
	case 0x0401: return "IPv4 Transport Address";
	case 0x0402: return "Configuration Sequence Number";
	case 0x0403: return "IPv6 Transport Address";
	case 0x0500: return "Common Session Parameters";
	case 0x0501: return "ATM Session Parameters";
	case 0x0502: return "Frame-Relay Session Parameters";
	case 0x0503: return "Fault-Tolerant Session Parameters";
	case 0x0600: return "Label Request Message ID";
	case 0x0601: return "MTU";
	default: return "Unknown";
	}
}

/* IANA address family numbers, as tcpdump's af_values. */
static const char *af_name(unsigned af)
{
	static const char *const names[] = { "Reserved", "IPv4", "IPv6", "NSAP", "HDLC",
		"BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "Novell IPX", "Appletalk",
		"Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress" };
	if (af < sizeof(names) / sizeof(names[0]))
		return names[af];
	return af == 25 ? "VPLS" : af == 196 ? "Layer-2 VPN" : NULL;
}

/* RFC 4446 pseudowire types, as tcpdump's mpls_pw_types_values. */
static const char *pw_type_name(unsigned type)
{
	static const char *const names[] = {
		"Reserved", "Frame Relay DLCI (Martini Mode)", "ATM AAL5 SDU VCC transport",
		"ATM transparent cell transport", "Ethernet VLAN", "Ethernet", "Cisco-HDLC", "PPP",
		"SONET/SDH Circuit Emulation Service over MPLS", "ATM n-to-one VCC cell transport",
		"ATM n-to-one VPC cell transport", "IP Layer2 Transport",
		"ATM one-to-one VCC Cell Mode", "ATM one-to-one VPC Cell Mode",
		"ATM AAL5 PDU VCC transport", "Frame-Relay Port mode",
		"SONET/SDH Circuit Emulation over Packet", "Structure-agnostic E1 over Packet",
		"Structure-agnostic T1 (DS1) over Packet", "Structure-agnostic E3 over Packet",
		"Structure-agnostic T3 (DS3) over Packet", "CESoPSN basic mode",
		"TDMoIP basic mode", "CESoPSN TDM with CAS", "TDMoIP TDM with CAS",
		"Frame Relay DLCI",
	};
	if (type < sizeof(names) / sizeof(names[0]))
		return names[type];
	return type == 0x40 ? "IP-interworking" : "Unknown";
}

/* tcpdump's TLV_TCHECK: a value shorter than the TLV type needs is
 * reported and skipped. */
static int short_value(rc__pctx *c, unsigned have, unsigned need)
{
	if (have >= need)
		return 0;
	rc__ob_printf(c->ob, " [tlv length %u < %u] (invalid)", have, need);
	return 1;
}

/* decode_prefix4/6 of tcpdump's BGP printer: a prefix length byte and the
 * bytes it covers, zero-masked past it.  A prefix longer than the address
 * is "invalid length"; one running past the TLV unwinds like a cut packet
 * (tcpdump 4.99 turns its "past end" result into a truncation). */
static int fec_prefix(rc__pctx *c, const uint8_t *p, unsigned itemlen, int v6)
{
	unsigned alen = v6 ? 16 : 4;
	const char *fam = v6 ? "IPv6" : "IPv4";
	if (itemlen < 1)
		return rc__trunc(c);
	RC_NEED(c, p, 1);
	unsigned plen = p[0];
	if (plen > alen * 8) {
		rc__ob_printf(c->ob, ": %s prefix (invalid length)", fam);
		return 0;
	}
	unsigned nbytes = (plen + 7) / 8;
	if (itemlen - 1 < nbytes)
		return rc__trunc(c);
	RC_NEED(c, p + 1, nbytes);
	uint8_t addr[16] = { 0 };
	memcpy(addr, p + 1, nbytes);
	if (plen % 8)
		addr[nbytes - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	rc__ob_printf(c->ob, ": %s prefix ", fam);
	if (v6)
		rc__put_ip6(c->ob, addr);
	else
		rc__put_ip4(c->ob, addr);
	rc__ob_printf(c->ob, "/%u", plen);
	return 0;
}

static const rc__bitname vccv_cc[] = {
	{ 0x01, "PWE3 control word" },
	{ 0x02, "MPLS Router Alert Label" },
	{ 0x04, "MPLS inner label TTL = 1" },
};
static const rc__bitname vccv_cv[] = {
	{ 0x01, "ICMP Ping" },
	{ 0x02, "LSP Ping" },
	{ 0x04, "BFD" },
};

/* One Martini interface parameter (RFC 4447 5.5) of len bytes at p. */
static int martini_param(rc__pctx *c, const uint8_t *p, unsigned type, unsigned len)
{
	char b1[96], b2[64];
	static const char *const names[] = { [1] = "MTU", [3] = "Description", [12] = "VCCV" };
	const char *name = type < 13 && names[type] ? names[type] : "Unknown";
	rc__ob_printf(c->ob, "\n\t\tInterface Parameter: %s (0x%02x), len %u", name, type, len);
	switch (type) {
	case 1:
		RC_NEED(c, p + 2, 2);
		rc__ob_printf(c->ob, ": %u", rc__be16(p + 2));
		break;
	case 3:
		rc__ob_puts(c->ob, ": ");
		for (unsigned i = 2; i < len; i++) {
			RC_NEED(c, p + i, 1);
			rc__put_char(c->ob, p[i]);
		}
		break;
	case 12:
		RC_NEED(c, p + 2, 1);
		rc__ob_printf(c->ob, "\n\t\t  Control Channels (0x%02x) = [%s]", p[2],
			      rc__bit_names(b1, sizeof(b1), p[2], vccv_cc, 3));
		RC_NEED(c, p + 3, 1);
		rc__ob_printf(c->ob, "\n\t\t  CV Types (0x%02x) = [%s]", p[3],
			      rc__bit_names(b2, sizeof(b2), p[3], vccv_cv, 3));
		break;
	default:
		rc__unknown_data(c, p + 2, "\n\t\t  ", len - 2);
		break;
	}
	return 0;
}

/* Martini VC FEC (RFC 4447 5.2): C|PW type(2) info length(1) group id(4)
 * [VC id(4) interface parameters]; tlen counts from the PW type. */
static int fec_martini(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	if (short_value(c, tlen, 7))
		return 0;
	RC_NEED(c, p + 2, 1);
	unsigned info_len = p[2];
	RC_NEED(c, p, 7);
	unsigned pw = rc__be16(p);
	const char *name = pw_type_name(pw & 0x7fff), *cw = (pw & 0x8000) ? "" : "no ";
	/* RFC 4447: an info length of 0 leaves out the VC id too */
	if (info_len == 0) {
		rc__ob_printf(c->ob, ": %s, %scontrol word, group-ID %u, VC-info-length: %u", name,
			      cw, rc__be32(p + 3), info_len);
		return 0;
	}
	if (short_value(c, tlen, 11))
		return 0;
	RC_NEED(c, p, 11);
	rc__ob_printf(c->ob, ": %s, %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u",
		      name, cw, rc__be32(p + 3), rc__be32(p + 7), info_len);
	if (info_len < 4) {
		rc__ob_puts(c->ob, " (invalid, < 4"); /* sic: tcpdump leaves it open */
		return 0;
	}
	info_len -= 4;
	p += 11;
	if (short_value(c, tlen - 11, info_len))
		return 0;
	while (info_len > 2) {
		RC_NEED(c, p, 2);
		unsigned type = p[0], len = p[1];
		if (len < 2 || info_len < len)
			break;
		RC_TRY(martini_param(c, p, type, len));
		info_len -= len;
		p += len;
	}
	return 0;
}

/* FEC TLV: the first element only, as tcpdump decodes it. */
static int fec_tlv(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	static const char *const names[] = { [1] = "Wildcard", [2] = "Prefix",
					     [3] = "Host address" };
	if (short_value(c, tlen, 1))
		return 0;
	RC_NEED(c, p, 1);
	unsigned type = p[0];
	const char *name = type < 4 && names[type] ? names[type] : type == 0x80 ? "Martini VC"
										  : "Unknown";
	rc__ob_printf(c->ob, "\n\t      %s FEC (0x%02x)", name, type);
	p++;
	tlen--;
	if (type == 0x80)
		return fec_martini(c, p, tlen);
	if (type != 2)
		return 0;
	if (short_value(c, tlen, 2))
		return 0;
	RC_NEED(c, p, 2);
	unsigned af = rc__be16(p);
	if (af == 1 || af == 2)
		return fec_prefix(c, p + 2, tlen - 2, af == 2);
	rc__ob_printf(c->ob, ": Address family %u prefix", af);
	return 0;
}

static int address_list(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	if (short_value(c, tlen, 2))
		return 0;
	RC_NEED(c, p, 2);
	unsigned af = rc__be16(p);
	const char *name = af_name(af);
	if (name)
		rc__ob_printf(c->ob, "\n\t      Address Family: %s, addresses", name);
	else
		rc__ob_printf(c->ob, "\n\t      Address Family: Unknown (%u), addresses", af);
	unsigned alen = af == 1 ? 4 : af == 2 ? 16 : 0;
	if (!alen)
		return 0;
	for (p += 2, tlen -= 2; tlen >= alen; p += alen, tlen -= alen) {
		RC_NEED(c, p, alen);
		rc__ob_putc(c->ob, ' ');
		if (alen == 16)
			rc__put_ip6(c->ob, p);
		else
			rc__put_ip4(c->ob, p);
	}
	return 0;
}

/* RFC 5036 3.5.3: Version, KeepAlive, A|D|reserved, PVLim, max PDU
 * length, receiver LDP identifier.  tcpdump 4.99 prints the first two and
 * takes the A and D bits from the max PDU length field (offset 6). */
static int common_session(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	if (short_value(c, tlen, 8))
		return 0;
	RC_NEED(c, p, 8);
	unsigned flags = rc__be16(p + 6);
	rc__ob_printf(c->ob,
		      "\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
		      rc__be16(p), rc__be16(p + 2), (flags & 0x8000) ? "On Demand" : "Unsolicited",
		      (flags & 0x4000) ? "Enabled" : "Disabled");
	return 0;
}

/* RFC 3478 2.2: FT flags, reserved, reconnect timeout, recovery time. */
static int ft_session(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	if (short_value(c, tlen, 12))
		return 0;
	RC_NEED(c, p, 2);
	unsigned f = rc__be16(p);
	rc__ob_printf(c->ob,
		      "\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
		      (f & 0x8000) ? "" : "No ", (f & 0x8) ? "" : "Don't ", (f & 0x4) ? "" : "No ",
		      (f & 0x2) ? "Sequence Numbered Label" : "All Labels", (f & 0x1) ? "" : "Don't ");
	RC_NEED(c, p + 4, 4);
	if (rc__be32(p + 4))
		rc__ob_printf(c->ob, ", Reconnect Timeout: %ums", rc__be32(p + 4));
	RC_NEED(c, p + 8, 4);
	if (rc__be32(p + 8))
		rc__ob_printf(c->ob, ", Recovery Time: %ums", rc__be32(p + 8));
	return 0;
}

/* RFC 5036 3.4.6: E|F|status data(30), message id, message type. */
static int status_tlv(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	if (short_value(c, tlen, 8))
		return 0;
	RC_NEED(c, p, 4);
	uint32_t v = rc__be32(p);
	rc__ob_printf(c->ob, "\n\t      Status: 0x%02x, Flags: [%s and %s forward]", v & 0x3fffffff,
		      (v & 0x80000000u) ? "Fatal error" : "Advisory Notification",
		      (v & 0x40000000u) ? "do" : "don't");
	RC_NEED(c, p + 4, 4);
	if (rc__be32(p + 4))
		rc__ob_printf(c->ob, ", causing Message ID: 0x%08x", rc__be32(p + 4));
	return 0;
}

/* The fixed-size value of a one-line TLV, whose min bytes are known to
 * be there. */
static void fixed_value(rc__pctx *c, unsigned type, const uint8_t *p)
{
	switch (type) {
	case 0x0400: /* Common Hello Parameters: hold time, T|R|reserved */
		rc__ob_printf(c->ob, "\n\t      Hold Time: %us, Flags: [%s Hello%s]", rc__be16(p),
			      (p[2] & 0x80) ? "Targeted" : "Link",
			      (p[2] & 0x40) ? ", Request for targeted Hellos" : "");
		break;
	case 0x0401:
		rc__ob_puts(c->ob, "\n\t      IPv4 Transport Address: ");
		rc__put_ip4(c->ob, p);
		break;
	case 0x0403:
		rc__ob_puts(c->ob, "\n\t      IPv6 Transport Address: ");
		rc__put_ip6(c->ob, p);
		break;
	case 0x0402:
		rc__ob_printf(c->ob, "\n\t      Sequence Number: %u", rc__be32(p));
		break;
	case 0x0200:
		rc__ob_printf(c->ob, "\n\t      Label: %u", rc__be32(p) & 0xfffff);
		break;
	default: /* 0x0601, RFC 3988 MTU */
		rc__ob_printf(c->ob, "\n\t      MTU: %u", rc__be16(p));
		break;
	}
}

/* The bytes a one-line TLV's value needs, 0 for the other types. */
static unsigned fixed_min(unsigned type)
{
	switch (type) {
	case 0x0400: case 0x0401: case 0x0402: case 0x0200:
		return 4;
	case 0x0403:
		return 16;
	case 0x0601:
		return 2;
	default:
		return 0;
	}
}

static int tlv_value(rc__pctx *c, unsigned type, const uint8_t *p, unsigned tlen)
{
	unsigned min = fixed_min(type);
	if (min) {
		if (short_value(c, tlen, min))
			return 0;
		RC_NEED(c, p, min);
		fixed_value(c, type, p);
		return 0;
	}
	switch (type) {
	case 0x0101:
		return address_list(c, p, tlen);
	case 0x0500:
		return common_session(c, p, tlen);
	case 0x0503:
		return ft_session(c, p, tlen);
	case 0x0300:
		return status_tlv(c, p, tlen);
	case 0x0100:
		return fec_tlv(c, p, tlen);
	default:
		/* the rest, including hop count and path vector, as hex at -v */
		if (c->o->vflag <= 1)
			rc__unknown_data(c, p, "\n\t      ", tlen);
		return 0;
	}
}

/* One TLV of a message with msg_tlen bytes left: its size, 0 when it does
 * not fit (ending the message's TLVs), or RC_PRINT_TRUNC. */
static int tlv(rc__pctx *c, const uint8_t *p, unsigned msg_tlen)
{
	RC_NEED(c, p, 4);
	unsigned raw = rc__be16(p), len = rc__be16(p + 2), type = raw & 0x3fff;
	if (len + 4 > msg_tlen) {
		rc__ob_puts(c->ob, "\n\t\t TLV contents go past end of message");
		return 0;
	}
	rc__ob_printf(c->ob, "\n\t    %s TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]",
		      tlv_name(type), type, len, (raw & 0x8000) ? "continue processing" : "ignore",
		      (raw & 0x4000) ? "do" : "don't");
	RC_TRY(tlv_value(c, type, p + 4, len));
	return (int)len + 4;
}

/* tcpdump 4.99 walks the TLVs of these messages only; Label Request,
 * Release and Abort Request get the hex dump of unknown ones. */
static int tlvs_decoded(unsigned type)
{
	switch (type) {
	case 0x0001: case 0x0100: case 0x0200: case 0x0201:
	case 0x0300: case 0x0301: case 0x0400: case 0x0402:
		return 1;
	default:
		return 0;
	}
}

/* One message at p: its lines, then (-vv) its hex dump.  Returns 0 to go
 * on, 1 when it is too short to step over, or RC_PRINT_TRUNC. */
static int message(rc__pctx *c, const uint8_t *p, unsigned *msg_len)
{
	RC_NEED(c, p, LDP_MSG_HDR_LEN);
	unsigned raw = rc__be16(p), len = rc__be16(p + 2), type = raw & 0x7fff;
	*msg_len = len;
	if (len < 4) {
		rc__ob_printf(c->ob, "\n\t  %s Message (0x%04x), length: %u (too short, < 4)",
			      msg_name(type), type, len);
		return 1;
	}
	rc__ob_printf(c->ob, "\n\t  %s Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]",
		      msg_name(type), type, len, rc__be32(p + 4),
		      (raw & 0x8000) ? "continue processing" : "ignore");
	/* tcpdump checks length bytes from the message start, not the TLVs' end */
	RC_NEED(c, p, len);
	const uint8_t *tp = p + LDP_MSG_HDR_LEN;
	unsigned tlen = len - 4;
	if (tlvs_decoded(type)) {
		while (tlen >= 4) {
			int n = tlv(c, tp, tlen);
			RC_TRY(n);
			if (n == 0)
				break;
			tlen -= (unsigned)n;
			tp += n;
		}
	} else if (c->o->vflag <= 1) {
		rc__unknown_data(c, tp, "\n\t  ", tlen);
	}
	/* -vv: the message again as hex, from after its header, over its
	 * length field's count (4 bytes past its end) */
	if (c->o->vflag > 1)
		rc__unknown_data(c, p + LDP_MSG_HDR_LEN, "\n\t  ", len);
	return 0;
}

/* One PDU at p: its size, 0 to stop (not verbose, or a bad header), or
 * RC_PRINT_TRUNC. */
static int pdu(rc__pctx *c, const uint8_t *p)
{
	const char *lead = c->o->vflag < 1 ? "" : "\n\t";
	RC_NEED(c, p, LDP_HDR_LEN);
	unsigned version = rc__be16(p), pdu_len = rc__be16(p + 2);
	if (version != 1) {
		rc__ob_printf(c->ob, "%sLDP version %u packet not supported", lead, version);
		return 0;
	}
	if (pdu_len < LDP_HDR_LEN - 4) {
		rc__ob_printf(c->ob, "%sLDP, pdu-length: %u (too short, < 6)", lead, pdu_len);
		return 0;
	}
	rc__ob_printf(c->ob, "%sLDP, Label-Space-ID: ", lead);
	rc__put_ip4(c->ob, p + 4);
	rc__ob_printf(c->ob, ":%u, pdu-length: %u", rc__be16(p + 8), pdu_len);
	if (c->o->vflag < 1)
		return 0;
	const uint8_t *mp = p + LDP_HDR_LEN;
	/* a 16-bit count, as tcpdump keeps it: a message longer than what is
	 * left wraps it, and the walk goes on until the capture ends */
	uint16_t left = (uint16_t)(pdu_len - (LDP_HDR_LEN - 4));
	while (left > 0) {
		unsigned msg_len = 0;
		int r = message(c, mp, &msg_len);
		RC_TRY(r);
		if (r == 1)
			return 0;
		mp += msg_len + 4;
		left = (uint16_t)(left - (msg_len + 4));
	}
	return (int)pdu_len + 4;
}

int rc__print_ldp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "ldp";
	while (length > LDP_HDR_LEN + LDP_MSG_HDR_LEN) {
		int n = pdu(c, p);
		RC_TRY(n);
		if (n == 0)
			return 0;
		if (length < (uint32_t)n) {
			rc__ob_printf(c->ob, " [remaining length %u < %d] (invalid)", length, n);
			break;
		}
		length -= (uint32_t)n;
		p += n;
	}
	return 0;
}

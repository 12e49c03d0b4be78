/*
 * print_ppp.c - PPP frames (RFC 1661) as tcpdump 4.99 print-ppp.c prints
 * them inside PPPoE sessions, Ethernet type 0x880b and GRE v1: the
 * optional address/control and In/Out bytes, the protocol field (1 byte
 * when compressed, RFC 1661 section 6.5), then the payload by protocol:
 * IP, IPv6, MPLS, the control protocols (print_pppcp.c), PAP (RFC 1334),
 * CHAP (RFC 1994) and the multilink header (RFC 1990).
 */
#include "print_ppp.h"

#include <stdlib.h>

static const rc__ppp_tok ppp_types[] = {
	{ 0x0021, "IP" },       { 0x0023, "OSI" },        { 0x0025, "NS" },
	{ 0x0027, "DECNET" },   { 0x0029, "APPLE" },      { 0x002b, "IPX" },
	{ 0x002d, "VJC IP" },   { 0x002f, "VJNC IP" },    { 0x0031, "BRPDU" },
	{ 0x0033, "STII" },     { 0x0035, "VINES" },      { 0x0281, "MPLS" },
	{ 0x0283, "MPLS" },     { 0x00fd, "Compressed" }, { 0x003d, "MLPPP" },
	{ 0x0057, "IP6" },      { 0x0201, "HELLO" },      { 0x0231, "LUXCOM" },
	{ 0x0233, "SNS" },      { 0x8021, "IPCP" },       { 0x8023, "OSICP" },
	{ 0x8025, "NSCP" },     { 0x8027, "DECNETCP" },   { 0x8029, "APPLECP" },
	{ 0x802b, "IPXCP" },    { 0x8033, "STIICP" },     { 0x8035, "VINESCP" },
	{ 0x8057, "IP6CP" },    { 0x8281, "MPLSCP" },     { 0xc021, "LCP" },
	{ 0xc023, "PAP" },      { 0xc025, "LQM" },        { 0xc223, "CHAP" },
	{ 0xc227, "EAP" },      { 0xc027, "SPAP" },       { 0xc123, "Old-SPAP" },
	{ 0xc02b, "BACP" },     { 0xc02d, "BAP" },        { 0xc03d, "MLPPP-CP" },
	{ 0x80fd, "CCP" },
};

const char *rc__ppp_tok_name(const rc__ppp_tok *t, size_t n, unsigned v, const char *dflt)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].v == v)
			return t[i].s;
	return dflt;
}

const char *rc__ppp_proto_name(unsigned proto)
{
	return RC_PPP_TOK(ppp_types, proto, NULL);
}

/* A counted field: its count byte at *q, then the bytes under label;
 * 1 when tcpdump stops quietly because length has no room for it. */
static int counted(rc__pctx *c, const uint8_t **q, const uint8_t *p0, uint32_t length,
		   const char *label, int hex)
{
	if (length - (uint32_t)(*q - p0) < 1)
		return 1;
	RC_NEED(c, *q, 1);
	unsigned n = **q;
	(*q)++;
	if (length - (uint32_t)(*q - p0) < n)
		return 1;
	rc__ob_puts(c->ob, label);
	for (unsigned i = 0; i < n; i++) {
		RC_NEED(c, *q + i, 1);
		if (hex)
			rc__ob_printf(c->ob, "%02x", (*q)[i]);
		else
			rc__put_char(c->ob, (*q)[i]);
	}
	*q += n;
	return 0;
}

#define AUTH_SHORT (-2) /* too short for the header: tcpdump's marker printed */

/* The code, id and length header PAP and CHAP share (name is the
 * protocol's, cut its truncation marker's): the length field's value,
 * AUTH_SHORT or RC_PRINT_TRUNC. */
static int32_t auth_header(rc__pctx *c, const char *name, const char *cut,
			   const char *const *codes, unsigned ncodes, const uint8_t *p,
			   uint32_t length)
{
	if (length < 1) {
		rc__ob_printf(c->ob, "[|%s]", cut);
		return AUTH_SHORT;
	}
	if (length < 4) {
		RC_NEED(c, p, 1);
		rc__ob_printf(c->ob, "[|%s 0x%02x]", cut, p[0]);
		return AUTH_SHORT;
	}
	RC_NEED(c, p, 1);
	unsigned code = p[0];
	rc__ob_printf(c->ob, "%s, %s (0x%02x)", name,
		      code >= 1 && code <= ncodes ? codes[code - 1] : "unknown", code);
	RC_NEED(c, p + 1, 1);
	rc__ob_printf(c->ob, ", id %u", p[1]);
	RC_NEED(c, p + 2, 2);
	return rc__be16(p + 2);
}

/* CHAP (RFC 1994 section 4): value and name, or the message. */
static int chap(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const codes[] = { "Challenge", "Response", "Success", "Fail" };
	int32_t len = auth_header(c, "CHAP", "chap", codes, 4, p, length);
	if (len < 0)
		return len == AUTH_SHORT ? 0 : RC_PRINT_TRUNC;
	const uint8_t *q = p + 4;
	int r;
	switch (p[0]) {
	case 1:
	case 2:
		r = counted(c, &q, p, length, ", Value ", 1);
		if (r)
			return r < 0 ? r : 0;
		rc__ob_puts(c->ob, ", Name ");
		/* the rest of the encoded length, wrapping as tcpdump's unsigned */
		/* a wrapped length: the capture ends it */
		return rc__printn(c, q, (uint32_t)len - (uint32_t)(q - p));
	case 3:
	case 4:
		rc__ob_puts(c->ob, ", Msg ");
		return rc__printn(c, q, (uint32_t)len - 4u);
	default:
		return 0;
	}
}

/* PAP (RFC 1334 section 2.2): peer and password, or the message. */
static int pap(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const codes[] = { "Auth-Req", "Auth-ACK", "Auth-NACK" };
	int32_t len = auth_header(c, "PAP", "pap", codes, 3, p, length);
	if (len < 0)
		return len == AUTH_SHORT ? 0 : RC_PRINT_TRUNC;
	if ((uint32_t)len > length) {
		rc__ob_printf(c->ob, ", length %u > packet size", (unsigned)len);
		return 0;
	}
	if (len < 4) {
		rc__ob_printf(c->ob, ", length %u < PAP header length", (unsigned)len);
		return 0;
	}
	const uint8_t *q = p + 4;
	int r = 0;
	switch (p[0]) {
	case 1:
		if (len < 6) {
			rc__ob_puts(c->ob, "[|pap]");
			return 0;
		}
		r = counted(c, &q, p, (uint32_t)len, ", Peer ", 0);
		if (r == 0)
			r = counted(c, &q, p, (uint32_t)len, ", Name ", 0);
		break;
	case 2:
	case 3:
		if (len < 5) {
			rc__ob_puts(c->ob, "[|pap]");
			return 0;
		}
		r = counted(c, &q, p, (uint32_t)len, ", Msg ", 0);
		break;
	}
	return r < 0 ? r : 0;
}

/* The RFC 1990 section 3 multilink header, short sequence numbers. */
static int mlppp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const rc__bitname flags[] = { { 0x80, "begin" }, { 0x40, "end" } };
	char buf[32];
	if (!c->o->eflag)
		rc__ob_puts(c->ob, "MLPPP, ");
	if (length < 2 || !rc__have(c, p, 2)) {
		rc__ob_puts(c->ob, "[|mlppp]");
		return 0;
	}
	rc__ob_printf(c->ob, "seq 0x%03x, Flags [%s], length %u", rc__be16(p) & 0x0fff,
		      rc__bit_names(buf, sizeof(buf), p[0] & 0xc0, flags, 2), length);
	return 0;
}

static int payload(rc__pctx *c, unsigned proto, const uint8_t *p, uint32_t length);

/* A 0x7eXX protocol field is taken for RFC 1662 HDLC-like framing: the
 * captured bytes from p on, control escapes (0x7d) undone, then IP or
 * IPv6 by a 1-byte protocol, else a PPP frame with or without ff03.  As
 * tcpdump 4.99.3 the wire length is not used and a second escape byte
 * ends it: "(protocol 0x7eXX invalid)". */
static int hdlc(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	size_t caplen = rc__avail(c, p);
	if (caplen == 0 || length == 0)
		return 0;
	uint8_t *b = malloc(caplen);
	if (!b)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < caplen; i++) {
		if (p[i] == 0x7d) {
			if (i + 1 == caplen)
				break;
			i++;
			b[n++] = p[i] ^ 0x20;
		} else {
			b[n++] = p[i];
		}
	}
	const uint8_t *start = c->start, *end = c->end;
	c->start = b;
	c->end = b + n;
	int r = 0;
	unsigned proto = n ? b[0] : 0;
	if (n < 1 || (proto != 0x21 && proto != 0x57 && n < 2)) {
		r = rc__trunc_soft(c);
	} else if (proto == 0x21) {
		r = rc__print_ip(c, b + 1, (uint32_t)n - 1);
	} else if (proto == 0x57) {
		r = rc__print_ip6(c, b + 1, (uint32_t)n - 1);
	} else {
		size_t off = rc__be16(b) == 0xff03 ? 4 : 2;
		if (n < off) {
			r = rc__trunc_soft(c);
		} else {
			proto = rc__be16(b + off - 2);
			if ((proto & 0xff00) == 0x7e00)
				rc__ob_printf(c->ob, "(protocol 0x%04x invalid)", proto);
			else
				r = payload(c, proto, b + off, (uint32_t)(n - off));
		}
	}
	c->start = start;
	c->end = end;
	free(b);
	return r;
}

/* tcpdump's handle_ppp: the payload by protocol number. */
static int payload(rc__pctx *c, unsigned proto, const uint8_t *p, uint32_t length)
{
	if ((proto & 0xff00) == 0x7e00) /* the frame's flag byte: escaped framing */
		return hdlc(c, p - 1, length);
	switch (proto) {
	case 0xc021:
	case 0x8021:
	case 0x8023:
	case 0x8281:
	case 0x8057:
	case 0x80fd:
	case 0xc02b:
		return rc__ppp_ctrl(c, proto, p, length);
	case 0x003d:
		return mlppp(c, p, length);
	case 0xc223:
		return chap(c, p, length);
	case 0xc023:
		return pap(c, p, length);
	case 0xc02d: /* BAP: tcpdump prints nothing of it */
		return 0;
	case 0x0800:
	case 0x002f:
	case 0x0021:
		return rc__print_ip(c, p, length);
	case 0x86dd:
	case 0x0057:
		return rc__print_ip6(c, p, length);
	case 0x0281:
	case 0x0283:
		return rc__print_mpls(c, p, length);
	case 0x00fd:
		rc__ob_puts(c->ob, "compressed PPP data");
		return 0;
	case 0x8137: /* IPX by its Ethernet type: not decoded, as IPX */
		rc__ob_puts(c->ob, "IPX ");
		return rc__unknown_data(c, p, "\n\t", length);
	default: {
		const char *name = rc__ppp_proto_name(proto);
		if (name)
			rc__ob_printf(c->ob, "%s ", name);
		else
			rc__ob_printf(c->ob, "unknown PPP protocol (0x%04x) ", proto);
		/* tcpdump's print_unknown_data: hex only */
		return rc__unknown_data(c, p, "\n\t", length);
	}
	}
}

int rc__print_ppp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	uint32_t olen = length;
	unsigned proto;
	c->proto = "ppp";
	/* tcpdump checks the length and returns: -x skips the link header */
	if (length < 2)
		return rc__trunc_soft(c);
	RC_NEED(c, p, 2);
	unsigned hdr = rc__be16(p);
	/* pppd's In/Out direction byte (0x00/0x01) or the RFC 1662 address
	 * 0xff, each before the control byte 0x03 */
	if (hdr == 0x0003 || hdr == 0x0103 || hdr == 0xff03) {
		if (c->o->eflag && hdr != 0xff03)
			rc__ob_puts(c->ob, hdr == 0x0003 ? "In  " : "Out ");
		p += 2;
		length -= 2;
	}
	if (length < 2)
		return rc__trunc_soft(c);
	RC_NEED(c, p, 1);
	if (p[0] & 1) {
		proto = p[0];
		p++;
		length--;
	} else {
		RC_NEED(c, p, 2);
		proto = rc__be16(p);
		p += 2;
		length -= 2;
	}
	if (c->o->eflag) {
		const char *name = rc__ppp_proto_name(proto);
		rc__ob_printf(c->ob, "%s (0x%04x), length %u", name ? name : "unknown", proto, olen);
		if (!name)
			return 0;
		rc__ob_puts(c->ob, ": ");
	}
	return payload(c, proto, p, length);
}

/*
 * print_vxlan_gpe.c - VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe, UDP 4790) and
 * the Network Service Header it may carry (NSH, RFC 8300), as tcpdump
 * 4.99.3's print-vxlan-gpe.c and print-nsh.c.
 *
 * VXLAN-GPE: flags(1: R R Ver(2) I P B O) reserved(2) next protocol(1)
 *            VNI(3) reserved(1)
 * NSH:       Ver(2) O U TTL(6) Length(6, in words) U(4) MD type(4) next
 *            protocol(8), service path id(3) service index(1), then
 *            length - 2 words of context headers (MD type 1: four fixed
 *            words; MD type 2: TLVs of class(2) type(1) U+len(1, bytes)
 *            padded to words)
 * Next protocol 1 is IPv4, 2 IPv6, 3 Ethernet, and after VXLAN-GPE 4 NSH.
 * Each header is read field by field through the snapend, as tcpdump's
 * GET macros do: a cut field prints the marker and unwinds.
 */
#include <stdio.h>

#include "print.h"

#define VXLAN_GPE_HDRLEN 8
#define NSH_HDRLEN 8
#define NSH_WORD 4u
#define NSH_MD_TYPE1 1
#define NSH_MD_TYPE2 2

/* tcpdump's bittok2str_nosep: the names of the bits set, run together,
 * or "none". */
static void put_flags(rc__pctx *c, unsigned v, const rc__bitname *t, size_t n)
{
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		if (v & t[i].bit) {
			rc__ob_puts(c->ob, t[i].name);
			any = 1;
		}
	}
	if (!any)
		rc__ob_puts(c->ob, "none");
}

/* The packet after a VXLAN-GPE or NSH header by its next protocol, or
 * tcpdump's complaint: 0 after it, 1 when it was printed. */
static int inner(rc__pctx *c, unsigned np, const uint8_t *p, uint32_t length, int *r)
{
	switch (np) {
	case 1:
		*r = rc__print_ip(c, p, length);
		return 1;
	case 2:
		*r = rc__print_ip6(c, p, length);
		return 1;
	case 3:
		*r = rc__print_ether(c, p, length);
		return 1;
	default:
		rc__ob_puts(c->ob, "ERROR: unknown-next-protocol");
		*r = 0;
		return 0;
	}
}

static const char *nsh_next_name(unsigned np, char *buf, size_t n)
{
	static const char *const names[] = { NULL, "IPv4", "IPv6", "Ethernet", "NSH", "MPLS" };
	if (np < sizeof(names) / sizeof(names[0]) && names[np])
		return names[np];
	if (np == 0xfe || np == 0xff)
		return np == 0xfe ? "Experiment 1" : "Experiment 2";
	snprintf(buf, n, "unknown (0x%02x)", np);
	return buf;
}

static void nsh_put_md_type(rc__pctx *c, unsigned md)
{
	static const char *const names[] = { "reserved", "1", "2" };
	if (md < 3)
		rc__ob_puts(c->ob, names[md]);
	else if (md == 0x0f)
		rc__ob_puts(c->ob, "experimental");
	else
		rc__ob_printf(c->ob, "unknown (0x%02x)", md);
}

/* -vvv: the context headers, words of them at *pp.  0, 1 when tcpdump
 * finds them invalid (printed), or RC_PRINT_TRUNC. */
static int nsh_context(rc__pctx *c, const uint8_t **pp, unsigned words, unsigned md_type)
{
	const uint8_t *p = *pp;
	if (md_type == NSH_MD_TYPE1) {
		/* RFC 8300 2.4: MD type 1 carries exactly four words */
		if (words != 4) {
			rc__ob_puts(c->ob, " (invalid length for the MD type)");
			return 1;
		}
		for (unsigned n = 0; n < words; n++, p += NSH_WORD) {
			RC_NEED(c, p, NSH_WORD);
			rc__ob_printf(c->ob, "\n        Context[%02u]: 0x%08x", n, rc__be32(p));
		}
	} else {
		unsigned n = 0;
		while (n < words) {
			RC_NEED(c, p, 4);
			unsigned tlv_len = p[3] & 0x7f, padded = (tlv_len + 3) & ~3u;
			rc__ob_printf(c->ob, "\n        TLV Class %u, Type %u, Len %u", rc__be16(p), p[2],
				      tlv_len);
			p += 4;
			n++;
			if (words < n + padded / NSH_WORD) {
				rc__ob_puts(c->ob, " (length too big)");
				return 1;
			}
			if (tlv_len == 0)
				continue;
			rc__ob_puts(c->ob, "\n            Value: ");
			for (unsigned vn = 0; vn < tlv_len; vn++, p++) {
				RC_NEED(c, p, 1);
				rc__ob_printf(c->ob, "%s%02x", vn ? ":" : "0x", p[0]);
			}
			/* the padding must be captured too */
			RC_NEED(c, p, padded - tlv_len);
			p += padded - tlv_len;
			n += padded / NSH_WORD;
		}
	}
	*pp = p;
	return 0;
}

static int print_nsh(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const rc__bitname flags[] = { { 0x2, "O" } };
	c->proto = "nsh";
	if (length < NSH_HDRLEN) {
		rc__ob_printf(c->ob, " (packet length %u < %u) (invalid)", length, NSH_HDRLEN);
		return 0;
	}
	RC_NEED(c, p, 4);
	uint32_t base = rc__be32(p);
	unsigned ver = base >> 30, words = (base >> 16) & 0x3f, md_type = (base >> 8) & 0x0f;
	unsigned np = base & 0xff;
	rc__ob_puts(c->ob, "NSH, ");
	if (c->o->vflag > 1)
		rc__ob_printf(c->ob, "ver %u, ", ver);
	if (ver != 0)
		return 0;
	rc__ob_puts(c->ob, "flags [");
	put_flags(c, (base >> 28) & 3, flags, 1);
	rc__ob_puts(c->ob, "], ");
	if (c->o->vflag > 2) {
		rc__ob_printf(c->ob, "TTL %u, length %u, md type ", (base >> 22) & 0x3f, words);
		nsh_put_md_type(c, md_type);
		rc__ob_puts(c->ob, ", ");
	}
	if (c->o->vflag > 1) {
		char buf[24];
		rc__ob_printf(c->ob, "next-protocol %s, ", nsh_next_name(np, buf, sizeof(buf)));
	}
	if (length < words * NSH_WORD) {
		rc__ob_printf(c->ob, " (too many headers for packet length %u) (invalid)", length);
		return 0;
	}
	RC_NEED(c, p + 4, 3);
	rc__ob_printf(c->ob, "service-path-id 0x%06x, ", rc__be24(p + 4));
	RC_NEED(c, p + 7, 1);
	rc__ob_printf(c->ob, "service-index 0x%x", p[7]);
	if (words < 2) {
		rc__ob_puts(c->ob, " (less than two headers) (invalid)");
		return 0;
	}
	const uint8_t *q = p + NSH_HDRLEN;
	if (c->o->vflag > 2 && (md_type == NSH_MD_TYPE1 || md_type == NSH_MD_TYPE2)) {
		int r = nsh_context(c, &q, words - 2, md_type);
		if (r < 0)
			return r;
		if (r > 0) {
			rc__ob_puts(c->ob, " (invalid)");
			return 0;
		}
	} else {
		RC_NEED(c, q, (words - 2) * NSH_WORD);
		q += (words - 2) * NSH_WORD;
	}
	rc__ob_puts(c->ob, c->o->vflag ? "\n    " : ": ");
	int r;
	inner(c, np, q, length - words * NSH_WORD, &r);
	return r;
}

int rc__print_vxlan_gpe(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const rc__bitname flags[] = {
		{ 0x08, "I" }, { 0x04, "P" }, { 0x02, "B" }, { 0x01, "O" } };
	c->proto = "vxlan_gpe";
	rc__ob_puts(c->ob, "VXLAN-GPE, ");
	if (length < VXLAN_GPE_HDRLEN) {
		rc__ob_printf(c->ob, " (len %u < %u) (invalid)", length, VXLAN_GPE_HDRLEN);
		return 0;
	}
	RC_NEED(c, p, 1);
	rc__ob_puts(c->ob, "flags [");
	put_flags(c, p[0], flags, 4);
	rc__ob_puts(c->ob, "], ");
	RC_NEED(c, p + 3, 5);
	rc__ob_printf(c->ob, "vni %u", rc__be24(p + 4));
	rc__ob_puts(c->ob, c->o->vflag ? "\n    " : ": ");
	unsigned np = p[3];
	p += VXLAN_GPE_HDRLEN;
	length -= VXLAN_GPE_HDRLEN;
	if (np == 4)
		return print_nsh(c, p, length);
	int r;
	if (!inner(c, np, p, length, &r))
		rc__ob_puts(c->ob, " (invalid)");
	return r;
}

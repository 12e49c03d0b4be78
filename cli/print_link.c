/*
 * print_link.c - link layers: Ethernet (802.1Q/QinQ tags), Linux cooked v1
 * and v2, BSD/OpenBSD loopback, raw IP; and what rides directly on an
 * ethertype: MPLS label stacks, PPPoE discovery/session (their PPP frames:
 * print_ppp.c), LLDP (print_lldp.c), EAPOL (print_eap.c), PTP (print_ptp.c),
 * slow protocols (print_slow.c), CALM FAST (print_calm.c).
 *
 * Ethernet II frame (IEEE 802.3 clause 3):
 *   0      6      12          14 (+4 per 802.1Q tag: TPID 0x8100/0x88a8, TCI)
 *   | dst  | src  | type/len  | payload ...
 * A type/length value <= 1500 is an 802.3 length (LLC follows).
 *
 * Linux cooked v1 (LINKTYPE_LINUX_SLL, 16 bytes) and v2 (LINKTYPE_LINUX_SLL2,
 * 20 bytes), per tcpdump.org/linktypes:
 *   v1: pkttype(2) hatype(2) halen(2) addr(8) protocol(2)
 *   v2: protocol(2) reserved(2) ifindex(4) hatype(2) pkttype(1) halen(1) addr(8)
 *
 * Output follows tcpdump 4.99 print-ether.c, print-sll.c, print-null.c,
 * print-raw.c, print-mpls.c, print-pppoe.c.
 */
#include "print.h"

#include <net/if.h>
#include <stdio.h>
#include <string.h>

#define RC_ETHER_HDRLEN 14
#define RC_MAX_ETHER_LEN_VAL 1500

static void ether_type_print(rc__pctx *c, uint16_t type)
{
	const char *name = rc__ethertype_name(type);
	if (!c->o->qflag)
		rc__ob_printf(c->ob, "ethertype %s (0x%04x)", name ? name : "Unknown", type);
	else if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "Unknown Ethertype (0x%04x)", type);
}

static void ether_addresses(rc__pctx *c, const uint8_t *frame)
{
	rc__put_mac(c->ob, frame + 6);
	rc__ob_puts(c->ob, " > ");
	rc__put_mac(c->ob, frame);
	rc__ob_puts(c->ob, ", ");
}

static void tci_print(rc__pctx *c, uint16_t tci)
{
	rc__ob_printf(c->ob, "vlan %u, p %u%s, ", tci & 0xfff, tci >> 13,
		      (tci & 0x1000) ? ", DEI" : "");
}

static int is_vlan_tpid(uint16_t t)
{
	return t == 0x8100 || t == 0x9100 || t == 0x9200 || t == 0x88a8;
}

int rc__print_ethertype(rc__pctx *c, uint16_t type, const uint8_t *p, uint32_t length,
			const uint8_t *src)
{
	switch (type) {
	case 0x0800:
		RC_TRY(rc__print_ip(c, p, length));
		return 1;
	case 0x86dd:
		RC_TRY(rc__print_ip6(c, p, length));
		return 1;
	case 0x0806:
	case 0x8035:
		RC_TRY(rc__print_arp(c, p, length));
		return 1;
	case 0x8847:
	case 0x8848:
		RC_TRY(rc__print_mpls(c, p, length));
		return 1;
	case 0x8863:
	case 0x8864:
		RC_TRY(rc__print_pppoe(c, p, length));
		return 1;
	case 0x88cc:
		RC_TRY(rc__print_lldp(c, p, length));
		return 1;
	case 0x8809:
		RC_TRY(rc__print_slow(c, p, length));
		return 1;
	case 0x888e:
		RC_TRY(rc__print_eapol(c, p));
		return 1;
	case 0x88f7:
		RC_TRY(rc__print_ptp(c, p, length));
		return 1;
	case 0x9000:
		RC_TRY(rc__print_loopback(c, p, length));
		return 1;
	case 0x1111:
		RC_TRY(rc__print_calm_fast(c, p, length, src));
		return 1;
	case 0x880b: /* PPP frames straight on Ethernet */
		if (length) {
			rc__ob_puts(c->ob, ": ");
			RC_TRY(rc__print_ppp(c, p, length));
		}
		return 1;
	default:
		return 0;
	}
}

/* LLC at p (print_llc.c), with the payload dump tcpdump adds after I and
 * U frames; returns the LLC header length, or -1 with nothing printed for
 * a payload ringcap does not decode (the caller prints its generic form). */
static int llc_payload(rc__pctx *c, const uint8_t *frame, const uint8_t *p, uint32_t length)
{
	int llc_len = 0;
	int r = rc__print_llc(c, p, length, frame, &llc_len);
	if (r == RC_LLC_NOT_DECODED)
		return -1;
	if (r == RC_LLC_DUMP)
		rc__default_print(c, p, rc__avail(c, p));
	return llc_len;
}

/* Ethernet frame at p of wire length `length`; returns the header length. */
static uint32_t ether_common(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	const uint8_t *frame = p;
	uint32_t caplen = (uint32_t)rc__avail(c, p);
	uint32_t orig_length = length, hdrlen;
	int printed_length = 0;

	c->proto = "ether";
	if (length < caplen) {
		/* only an inner frame (VXLAN) can have bytes past its length */
		rc__ob_printf(c->ob, "[length %u < caplen %u] (invalid)", length, caplen);
		return length;
	}
	if (caplen < RC_ETHER_HDRLEN || length < RC_ETHER_HDRLEN) {
		/* tcpdump returns here instead of unwinding */
		rc__trunc(c);
		c->unwound = 0;
		return caplen < length ? caplen : length;
	}
	if (c->o->eflag)
		ether_addresses(c, frame);
	uint16_t type = rc__be16(p + 12);
	p += RC_ETHER_HDRLEN;
	length -= RC_ETHER_HDRLEN;
	caplen -= RC_ETHER_HDRLEN;
	hdrlen = RC_ETHER_HDRLEN;

	while (is_vlan_tpid(type)) {
		if (caplen < 4) {
			c->proto = "vlan";
			rc__trunc(c);
			c->unwound = 0;
			return hdrlen + caplen;
		}
		if (length < 4) {
			c->proto = "vlan";
			rc__trunc(c);
			c->unwound = 0;
			return hdrlen + length;
		}
		if (c->o->eflag) {
			ether_type_print(c, type);
			if (!printed_length) {
				rc__ob_printf(c->ob, ", length %u: ", orig_length);
				printed_length = 1;
			} else {
				rc__ob_puts(c->ob, ", ");
			}
			tci_print(c, rc__be16(p));
		}
		type = rc__be16(p + 2);
		p += 4;
		length -= 4;
		caplen -= 4;
		hdrlen += 4;
	}

	if (type <= RC_MAX_ETHER_LEN_VAL) {
		/* 802.3 length field: LLC follows (print_llc.c); tcpdump
		 * takes the field only where the frame is that long */
		if (type < length)
			length = type;
		if (caplen > length) {
			caplen = length;
			c->end = p + length;
		}
		if (c->o->eflag) {
			/* after a VLAN tag tcpdump prints the name alone */
			rc__ob_puts(c->ob, "802.3");
			if (!printed_length)
				rc__ob_printf(c->ob, ", length %u: ", length);
		}
		int llc_len = llc_payload(c, frame, p, length);
		if (llc_len < 0) {
			if (!c->o->eflag) {
				ether_addresses(c, frame);
				rc__ob_printf(c->ob, "802.3, length %u: ", length);
			}
			rc__default_print(c, p, caplen);
			llc_len = 0;
		}
		return hdrlen + (uint32_t)llc_len;
	}
	if (type == 0x8870) {
		/* Alteon jumbo frames: an LLC header follows the type
		 * (draft-ietf-isis-ext-eth-01), as tcpdump decodes them; -e
		 * shows no type before it */
		int llc_len = llc_payload(c, frame, p, length);
		if (llc_len >= 0)
			return hdrlen + (uint32_t)llc_len;
		if (!c->o->eflag) {
			ether_addresses(c, frame);
			ether_type_print(c, type);
			rc__ob_printf(c->ob, ", length %u: ", orig_length);
		}
		rc__default_print(c, p, caplen);
		return hdrlen;
	}
	if (c->o->eflag) {
		ether_type_print(c, type);
		if (!printed_length)
			rc__ob_printf(c->ob, ", length %u: ", orig_length);
		else
			rc__ob_puts(c->ob, ", ");
	}
	int r = rc__print_ethertype(c, type, p, length, frame + 6);
	if (r == 0) {
		if (!c->o->eflag) {
			ether_addresses(c, frame);
			ether_type_print(c, type);
			rc__ob_printf(c->ob, ", length %u: ", orig_length);
		}
		rc__default_print(c, p, caplen);
	}
	return hdrlen;
}

int rc__print_ether(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	/* An inner frame (VXLAN) starting past the snapend unwinds with the
	 * caller's marker; a partial one stops softly in ether_common. */
	if (p > c->end)
		return rc__trunc(c);
	uint32_t hdr = ether_common(c, p, length);
	(void)hdr;
	return 0;
}

uint32_t rc__if_ether(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	return ether_common(c, p, len);
}

/* ---- Linux cooked capture ---- */

const char *rc__sll_pkttype_name(unsigned t)
{
	switch (t) {
	case 0: return "In";
	case 1: return "B";
	case 2: return "M";
	case 3: return "P";
	case 4: return "Out";
	default: return "?";
	}
}

/* "ethertype X (0x....), length N: " part shared by v1 and v2 headers. */
static void sll_type_and_length(rc__pctx *c, uint16_t type, uint32_t length)
{
	if (c->o->qflag)
		return;
	if (type <= RC_MAX_ETHER_LEN_VAL) {
		if (type == 1)
			rc__ob_puts(c->ob, "802.3");
		else if (type == 4)
			rc__ob_puts(c->ob, "802.2");
		else
			rc__ob_printf(c->ob, "ethertype Unknown (0x%04x)", type);
	} else {
		const char *name = rc__ethertype_name(type);
		rc__ob_printf(c->ob, "ethertype %s (0x%04x)", name ? name : "Unknown", type);
	}
	rc__ob_printf(c->ob, ", length %u: ", length);
}

static void sll_hdr(rc__pctx *c, const uint8_t *h, uint32_t length)
{
	rc__ob_printf(c->ob, "%3s ", rc__sll_pkttype_name(rc__be16(h)));
	if (rc__be16(h + 4) == 6) {
		rc__put_mac(c->ob, h + 6);
		rc__ob_putc(c->ob, ' ');
	}
	sll_type_and_length(c, rc__be16(h + 14), length);
}

static void sll2_hdr(rc__pctx *c, const uint8_t *h, uint32_t length)
{
	rc__ob_printf(c->ob, "ifindex %u ", rc__be32(h + 4));
	if (h[11] == 6) {
		rc__put_mac(c->ob, h + 12);
		rc__ob_putc(c->ob, ' ');
	}
	sll_type_and_length(c, rc__be16(h), length);
}

/* The payload of a cooked header: ethertype dispatch with in-line VLAN tags. */
static uint32_t sll_payload(rc__pctx *c, const uint8_t *h, int v2, uint16_t type,
			    const uint8_t *p, uint32_t length, uint32_t hdrlen)
{
	uint32_t hlen0 = v2 ? 20 : 16;
	for (;;) {
		uint32_t caplen = (uint32_t)rc__avail(c, p);
		if (type <= RC_MAX_ETHER_LEN_VAL) {
			/* 802.2 (4): LLC.  Novell 802.3 (1) is not decoded: the
			 * header and a dump.  Other values get the bare dump. */
			int llc_len = 0;
			int r = type == 4 ? rc__print_llc(c, p, length, NULL, &llc_len)
					  : RC_LLC_DUMP;
			if (r == RC_LLC_NOT_DECODED || (r == RC_LLC_DUMP && type == 1 &&
							  !c->o->eflag)) {
				if (!c->o->eflag) {
					if (v2)
						sll2_hdr(c, h, length + hlen0);
					else
						sll_hdr(c, h, length + hlen0);
				}
			}
			if (r == RC_LLC_DONE)
				return hdrlen + (uint32_t)llc_len;
			if (r != RC_PRINT_TRUNC)
				rc__default_print(c, p, caplen);
			/* after an I or U frame's payload dump tcpdump's cooked
			 * printers leave the LLC header in the -x dump (its
			 * Ethernet printer does not) */
			return hdrlen;
		}
		if (type == 0x8100) {
			if (caplen < 4 || length < 4) {
				c->proto = "vlan";
				rc__trunc(c);
				c->unwound = 0;
				return hdrlen + (caplen < length ? caplen : length);
			}
			if (c->o->eflag)
				tci_print(c, rc__be16(p));
			type = rc__be16(p + 2);
			if (type <= RC_MAX_ETHER_LEN_VAL)
				type = 4;
			if (!c->o->qflag) {
				const char *name = rc__ethertype_name(type);
				rc__ob_printf(c->ob, "ethertype %s, ", name ? name : "Unknown");
			}
			p += 4;
			length -= 4;
			hdrlen += 4;
			continue;
		}
		int r = rc__print_ethertype(c, type, p, length, NULL);
		if (r == 0) {
			if (!c->o->eflag) {
				if (v2)
					sll2_hdr(c, h, length + hlen0);
				else
					sll_hdr(c, h, length + hlen0);
			}
			rc__default_print(c, p, caplen);
		}
		return hdrlen;
	}
}

uint32_t rc__if_sll(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	c->proto = "sll";
	if (caplen < 16 || len < 16) {
		rc__trunc(c);
		return caplen < len ? caplen : len;
	}
	if (c->o->eflag)
		sll_hdr(c, p, len);
	return sll_payload(c, p, 0, rc__be16(p + 14), p + 16, len - 16, 16);
}

uint32_t rc__if_sll2(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	char ifname[IF_NAMESIZE + 1];
	c->proto = "sll2";
	if (caplen < 20 || len < 20) {
		rc__trunc(c);
		return caplen < len ? caplen : len;
	}
	/* tcpdump names the interface as this host knows the index. */
	if (!if_indextoname(rc__be32(p + 4), ifname))
		strcpy(ifname, "?");
	rc__ob_printf(c->ob, "%-5s %-3s ", ifname, rc__sll_pkttype_name(p[10]));
	if (c->o->eflag)
		sll2_hdr(c, p, len);
	return sll_payload(c, p, 1, rc__be16(p), p + 20, len - 20, 20);
}

/* ---- BSD loopback (host byte order AF) and OpenBSD loopback (network order) ---- */

const char *rc__bsd_af_name(uint32_t af)
{
	switch (af) {
	case 2: return "IPv4";
	case 6: return "NS";
	case 7: return "ISO";
	case 16: return "Appletalk";
	case 23: return "IPX";
	case 24:
	case 28:
	case 30: return "IPv6";
	default: return NULL;
	}
}

static void null_hdr(rc__pctx *c, uint32_t family, uint32_t length)
{
	const char *name = rc__bsd_af_name(family);
	if (!c->o->qflag)
		rc__ob_printf(c->ob, "AF %s (%u)", name ? name : "Unknown", family);
	else if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "Unknown AF %u", family);
	rc__ob_printf(c->ob, ", length %u: ", length);
}

static uint32_t loopback_common(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len,
				uint32_t family)
{
	if (c->o->eflag)
		null_hdr(c, family, len);
	p += 4;
	len -= 4;
	caplen -= 4;
	switch (family) {
	case 2:
		rc__print_ip(c, p, len);
		break;
	case 24:
	case 28:
	case 30:
		rc__print_ip6(c, p, len);
		break;
	default:
		/* ISO, AppleTalk, IPX and unknown families are not decoded. */
		if (!c->o->eflag)
			null_hdr(c, family, len + 4);
		rc__default_print(c, p, caplen);
		break;
	}
	return 4;
}

uint32_t rc__if_null(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	c->proto = "null";
	if (caplen < 4 || len < 4) {
		rc__trunc(c); /* no header: -x dumps the whole frame */
		return 0;
	}
	/* Written in the capturing host's order; tcpdump un-swaps by magnitude. */
	uint32_t family = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
			  ((uint32_t)p[3] << 24);
	if (family & 0xffff0000u)
		family = rc__be32(p);
	return loopback_common(c, p, caplen, len, family);
}

uint32_t rc__if_loop(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	/* OpenBSD loopback stores the family in network order, but tcpdump
	 * 4.99.3 reads it as for NULL (host order, swapped when the high
	 * half is set): a family with bits in both middle bytes shows as
	 * tcpdump shows it. */
	return rc__if_null(c, p, caplen, len);
}

uint32_t rc__if_raw(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)caplen;
	if (c->o->eflag)
		rc__ob_puts(c->ob, "ip: ");
	rc__print_ip_any(c, p, len);
	return 0;
}

/* ---- MPLS (RFC 3032 label stack entry: label(20) tc(3) S(1) ttl(8)) ---- */

int rc__print_mpls(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	uint32_t entry;
	int depth = 0;
	c->proto = "mpls";
	rc__ob_puts(c->ob, "MPLS");
	do {
		/* print-mpls.c's "invalid" label checks the bytes it skips
		 * are captured (ND_TCHECK_LEN, longjmp): a cut stack unwinds */
		if (length < 4)
			return rc__invalid(c, p, length);
		RC_NEED(c, p, 4);
		entry = rc__be32(p);
		rc__ob_printf(c->ob, "%s(label %u", (depth && c->o->vflag) ? "\n\t" : " ", entry >> 12);
		depth++;
		/* -v names the reserved labels (RFC 3032 2.1) */
		if (c->o->vflag && (entry >> 12) < 16) {
			static const char *const names[4] = { "IPv4 explicit NULL", "router alert",
							      "IPv6 explicit NULL", "implicit NULL" };
			rc__ob_printf(c->ob, " (%s)", (entry >> 12) < 4 ? names[entry >> 12] : "rsvd");
		}
		rc__ob_printf(c->ob, ", tc %u", (entry >> 9) & 7);
		if (entry & 0x100)
			rc__ob_puts(c->ob, ", [S]");
		rc__ob_printf(c->ob, ", ttl %u)", entry & 0xff);
		p += 4;
		length -= 4;
	} while (!(entry & 0x100));

	int pt = 0; /* 4, 6 or unknown */
	switch (entry >> 12) {
	case 0:
	case 3:
		pt = 4;
		break;
	case 2:
		pt = 6;
		break;
	default:
		if (length < 1)
			return 0;
		RC_NEED(c, p, 1);
		if (p[0] >= 0x45 && p[0] <= 0x4f)
			pt = 4;
		else if (p[0] >= 0x60 && p[0] <= 0x6f)
			pt = 6;
		break;
	}
	if (pt == 0)
		return rc__default_print(c, p, length);
	rc__ob_puts(c->ob, c->o->vflag ? "\n\t" : " ");
	return pt == 4 ? rc__print_ip(c, p, length) : rc__print_ip6(c, p, length);
}

/* ---- PPPoE (RFC 2516); a session frame's PPP goes to print_ppp.c ---- */

static const char *pppoe_code(uint8_t code)
{
	switch (code) {
	case 0x00: return "";
	case 0x09: return "PADI";
	case 0x07: return "PADO";
	case 0x19: return "PADR";
	case 0x65: return "PADS";
	case 0xa7: return "PADT";
	default: return NULL;
	}
}

static const char *pppoe_tag(uint16_t t)
{
	switch (t) {
	case 0x0000: return "EOL";
	case 0x0101: return "Service-Name";
	case 0x0102: return "AC-Name";
	case 0x0103: return "Host-Uniq";
	case 0x0104: return "AC-Cookie";
	case 0x0105: return "Vendor-Specific";
	case 0x0110: return "Relay-Session-ID";
	case 0x0120: return "PPP-Max-Payload";
	case 0x0201: return "Service-Name-Error";
	case 0x0202: return "AC-System-Error";
	case 0x0203: return "Generic-Error";
	default: return NULL;
	}
}

#define RC_PPPOE_HDRLEN 6
#define RC_PPPOE_MAXTAGPRINT 80

int rc__print_pppoe(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "pppoe";
	if (length < RC_PPPOE_HDRLEN) {
		/* tcpdump checks the wire length before reading the header */
		rc__ob_printf(c->ob, " (length %u < %u) (invalid)", length, RC_PPPOE_HDRLEN);
		return 0;
	}
	RC_NEED(c, p, RC_PPPOE_HDRLEN);
	/* tcpdump takes the version from the high nibble, as RFC 2516 5 */
	unsigned ver = p[0] >> 4, type = p[0] & 0x0f;
	uint8_t code = p[1];
	uint16_t ses = rc__be16(p + 2), plen = rc__be16(p + 4);
	const uint8_t *payload = p + RC_PPPOE_HDRLEN;

	if (ver != 1)
		rc__ob_printf(c->ob, " [ver %u]", ver);
	if (type != 1)
		rc__ob_printf(c->ob, " [type %u]", type);
	const char *name = pppoe_code(code);
	if (name)
		rc__ob_printf(c->ob, "PPPoE %s", name);
	else
		rc__ob_printf(c->ob, "PPPoE PAD-%x", code);
	if (code == 0x09 && plen > 1484 - RC_PPPOE_HDRLEN)
		rc__ob_printf(c->ob, " [len %u!]", plen);
	if (plen > length - RC_PPPOE_HDRLEN) {
		/* tcpdump goes on with the frame's length, not the claimed one */
		rc__ob_printf(c->ob, " [len %u > %u!]", plen, length - RC_PPPOE_HDRLEN);
		plen = (uint16_t)(length - RC_PPPOE_HDRLEN);
	}
	if (ses)
		rc__ob_printf(c->ob, " [ses 0x%x]", ses);
	/* The snapend stays the frame's: the layers above see the PPPoE
	 * length but may read the captured bytes past it, as in tcpdump. */

	if (code) {
		uint16_t tag_type = 0xffff;
		const uint8_t *t = payload;
		/* Bounded by the PPPoE length, not the capture: a cut tag unwinds. */
		const uint8_t *tags_end = payload + plen;
		while (tag_type && t < tags_end) {
			RC_NEED(c, t, 4);
			tag_type = rc__be16(t);
			uint16_t tag_len = rc__be16(t + 2);
			t += 4;
			const char *tn = pppoe_tag(tag_type);
			char tnbuf[16];
			if (!tn) {
				snprintf(tnbuf, sizeof(tnbuf), "TAG-0x%x", tag_type);
				tn = tnbuf;
			}
			if (tag_len) {
				char str[RC_PPPOE_MAXTAGPRINT];
				unsigned n = 0, ascii = 0, garbage = 0;
				for (const uint8_t *v = t; v < t + tag_len && n < RC_PPPOE_MAXTAGPRINT - 1; v++) {
					RC_NEED(c, v, 1);
					if (*v >= 0x20 && *v < 0x7f) {
						str[n++] = (char)*v;
						ascii++;
					} else {
						str[n++] = '.';
						garbage++;
					}
				}
				str[n] = '\0';
				if (ascii > garbage) {
					rc__ob_printf(c->ob, " [%s \"%s\"]", tn, str);
				} else {
					rc__ob_printf(c->ob, " [%s 0x", tn);
					for (const uint8_t *v = t; v < t + tag_len; v++) {
						RC_NEED(c, v, 1);
						rc__ob_printf(c->ob, "%02X", *v);
					}
					rc__ob_putc(c->ob, ']');
				}
			} else {
				rc__ob_printf(c->ob, " [%s]", tn);
			}
			t += tag_len;
		}
		return 0;
	}
	rc__ob_putc(c->ob, ' ');
	return rc__print_ppp(c, payload, plen);
}

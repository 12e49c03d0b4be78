/*
 * print_bgp_attr.c - BGP path attributes (RFC 4271 5, RFC 4760
 * multiprotocol NLRI, RFC 1997/4360/8092 communities, RFC 6793 4-byte
 * ASes) and the prefixes they carry, as tcpdump 4.99 print-bgp.c prints
 * them under an UPDATE.
 *
 * Reads past the capture stop with " [|bgp]" and unwind (tcpdump's GET_
 * macros); tcpdump's explicit length checks return 0 to the UPDATE printer,
 * which prints the same marker and goes on with the next message.
 */
#include <stdio.h>
#include <string.h>

#include "print_bgp.h"

#define RD_LEN 8 /* RFC 4364 route distinguisher */

static const struct rc__bgp_tok attr_names[] = {
	{1, "Origin"}, {2, "AS Path"}, {17, "AS4 Path"}, {3, "Next Hop"},
	{4, "Multi Exit Discriminator"}, {5, "Local Preference"},
	{6, "Atomic Aggregate"}, {7, "Aggregator"}, {18, "Aggregator4"},
	{8, "Community"}, {9, "Originator ID"}, {10, "Cluster List"}, {11, "DPA"},
	{12, "Advertisers"}, {13, "RCID Path / Cluster ID"},
	{14, "Multi-Protocol Reach NLRI"}, {15, "Multi-Protocol Unreach NLRI"},
	{16, "Extended Community"}, {22, "PMSI Tunnel"}, {23, "Tunnel Encapsulation"},
	{24, "Traffic Engineering"}, {25, "IPv6 Extended Community"},
	{26, "Accumulated IGP Metric"}, {27, "PE Distinguisher Label"},
	{28, "Entropy Label"}, {32, "Large Community"}, {128, "Attribute Set"},
	{255, "Reserved for development"}, {0, NULL},
};

int rc__bgp_attr_head(rc__pctx *c, const char *indent, unsigned atype, unsigned alen,
		      unsigned flags)
{
	rc__ob_printf(c->ob, "%s%s (%u), length: %u", indent,
		      rc__bgp_tok(attr_names, atype, "Unknown Attribute"), atype, alen);
	if (!flags)
		return 0;
	rc__ob_printf(c->ob, ", Flags [%s%s%s%s", flags & 0x80 ? "O" : "", flags & 0x40 ? "T" : "",
		      flags & 0x20 ? "P" : "", flags & 0x10 ? "E" : "");
	if (flags & 0xf)
		rc__ob_printf(c->ob, "+%x", flags & 0xf);
	return 1;
}

int rc__bgp_invalid_len(rc__pctx *c, int bad)
{
	if (bad)
		rc__ob_puts(c->ob, "invalid len");
	return bad;
}

/* ---- prefixes ---- */

/* Copy the nbits-bit prefix of nbytes bytes at p into a zeroed addr,
 * clearing the bits past the length as tcpdump does. */
static void copy_prefix(uint8_t *addr, size_t size, const uint8_t *p, unsigned plen)
{
	unsigned nbytes = (plen + 7) / 8;
	memset(addr, 0, size);
	memcpy(addr, p, nbytes);
	if (plen % 8)
		addr[nbytes - 1] &= (uint8_t)(0xff00 >> (plen % 8));
}

/* "address/length" of a prefix copied out by copy_prefix(). */
static void put_prefix(rc__pctx *c, const uint8_t *a, unsigned plen, int v6)
{
	if (v6)
		rc__put_ip6(c->ob, a);
	else
		rc__put_ip4(c->ob, a);
	rc__ob_printf(c->ob, "/%u", plen);
}

int rc__bgp_prefix(rc__pctx *c, const uint8_t *p, unsigned itemlen, const char *indent, int v6)
{
	if (itemlen < 1)
		return BGP_PFX_SHORT;
	RC_NEED(c, p, 1);
	unsigned plen = p[0];
	if (plen > (v6 ? 128u : 32u))
		return BGP_PFX_ILLEGAL;
	unsigned nbytes = (plen + 7) / 8;
	if (itemlen - 1 < nbytes)
		return BGP_PFX_SHORT;
	RC_NEED(c, p + 1, nbytes);
	uint8_t a[16];
	copy_prefix(a, sizeof(a), p + 1, plen);
	rc__ob_puts(c->ob, indent);
	put_prefix(c, a, plen, v6);
	return 1 + (int)nbytes;
}

/* RFC 3107 label after a prefix: the 20-bit label and the bottom bit. */
void rc__bgp_put_label(rc__pctx *c, const uint8_t *p)
{
	rc__ob_printf(c->ob, ", label:%u %s", rc__be24(p + 1) >> 4,
		      (p[3] & 1) ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
}

/* RFC 3107 labeled prefix: length (label bits included), label, prefix. */
static int labeled_prefix(rc__pctx *c, const uint8_t *p, unsigned itemlen, int v6)
{
	if (!rc__have(c, p, 4))
		return BGP_PFX_CUT;
	if (itemlen < 4)
		return BGP_PFX_SHORT;
	unsigned plen = p[0], max = v6 ? 128 : 32;
	if (plen < 24 || plen - 24 > max)
		return BGP_PFX_ILLEGAL;
	plen -= 24;
	unsigned nbytes = (plen + 7) / 8;
	if (!v6 && itemlen - 4 < nbytes)
		return BGP_PFX_SHORT;
	RC_NEED(c, p + 4, nbytes);
	uint8_t a[16];
	copy_prefix(a, sizeof(a), p + 4, plen);
	rc__ob_puts(c->ob, "\n\t      ");
	put_prefix(c, a, plen, v6);
	rc__bgp_put_label(c, p);
	return 4 + (int)nbytes;
}

void rc__bgp_rd_text(char *buf, size_t n, const uint8_t *p)
{
	switch (rc__be16(p)) {
	case 0:
		snprintf(buf, n, "%u:%u (= %u.%u.%u.%u)", rc__be16(p + 2), rc__be32(p + 4), p[4], p[5],
			 p[6], p[7]);
		break;
	case 1:
		snprintf(buf, n, "%u.%u.%u.%u:%u", p[2], p[3], p[4], p[5], rc__be16(p + 6));
		break;
	case 2:
		snprintf(buf, n, "%u:%u (%u.%u.%u.%u:%u)", rc__be32(p + 2), rc__be16(p + 6), p[2],
			 p[3], p[4], p[5], rc__be16(p + 6));
		break;
	default:
		snprintf(buf, n, "unknown RD format");
		break;
	}
}

void rc__bgp_put_rd(rc__pctx *c, const uint8_t *p)
{
	char rd[64];
	rc__bgp_rd_text(rd, sizeof(rd), p);
	rc__ob_puts(c->ob, rd);
}

/* RFC 4364 VPN prefix: length, label, route distinguisher, prefix. */
static int vpn_prefix(rc__pctx *c, const uint8_t *p, int v6)
{
	RC_NEED(c, p, 1);
	unsigned plen = p[0], max = v6 ? 128 : 32;
	if (plen < 88 || plen - 88 > max)
		return BGP_PFX_ILLEGAL;
	plen -= 88;
	unsigned nbytes = (plen + 7) / 8;
	RC_NEED(c, p, 12 + nbytes);
	uint8_t a[16];
	copy_prefix(a, sizeof(a), p + 12, plen);
	rc__ob_puts(c->ob, "\n\t      RD: ");
	rc__bgp_put_rd(c, p + 4);
	rc__ob_puts(c->ob, ", ");
	put_prefix(c, a, plen, v6);
	rc__bgp_put_label(c, p);
	return 12 + (int)nbytes;
}

/* ---- multiprotocol NLRI (RFC 4760) ---- */

#define AF_SAFI(af, safi) ((unsigned)(af) << 8 | (safi))

/* The AFI/SAFI pairs decoded here, by how their next hop and NLRI read. */
enum mp_kind {
	MP_NONE, MP_V4, MP_V6, MP_LAB4, MP_LAB6, MP_VPN4, MP_VPN6, MP_MDT, MP_MVPN, MP_RT,
	MP_L2, MP_NSAP, MP_NSAP_VPN
};

static enum mp_kind mp_kind(unsigned af, unsigned safi)
{
	switch (AF_SAFI(af, safi)) {
	case AF_SAFI(1, 1): case AF_SAFI(1, 2): case AF_SAFI(1, 3):
		return MP_V4;
	case AF_SAFI(1, 4):
		return MP_LAB4;
	case AF_SAFI(1, 128): case AF_SAFI(1, 129): case AF_SAFI(1, 130):
		return MP_VPN4;
	case AF_SAFI(1, 66):
		return MP_MDT;
	case AF_SAFI(1, 5):
		return MP_MVPN;
	case AF_SAFI(1, 132):
		return MP_RT;
	case AF_SAFI(25, 65): case AF_SAFI(196, 128): case AF_SAFI(196, 129):
	case AF_SAFI(196, 130):
		return MP_L2;
	case AF_SAFI(3, 1): case AF_SAFI(3, 2): case AF_SAFI(3, 3):
		return MP_NSAP;
	case AF_SAFI(3, 128): case AF_SAFI(3, 129): case AF_SAFI(3, 130):
		return MP_NSAP_VPN;
	case AF_SAFI(2, 1): case AF_SAFI(2, 2): case AF_SAFI(2, 3):
		return MP_V6;
	case AF_SAFI(2, 4):
		return MP_LAB6;
	case AF_SAFI(2, 128): case AF_SAFI(2, 129): case AF_SAFI(2, 130):
		return MP_VPN6;
	default:
		return MP_NONE;
	}
}

/* "AFI: ..., SAFI: ..." of an MP attribute (3 bytes captured).  1 when
 * decoded, 0 when tcpdump has no decoder (printed), -1 its "goto trunc". */
static int mp_af(rc__pctx *c, const uint8_t *p, unsigned tlen, unsigned *af, unsigned *safi)
{
	*af = rc__be16(p);
	*safi = p[2];
	rc__ob_printf(c->ob, "\n\t    AFI: %s (%u), %sSAFI: %s (%u)",
		      rc__bgp_tok(rc__bgp_afi_names, *af, "Unknown AFI"), *af,
		      *safi > 128 ? "vendor specific " : "",
		      rc__bgp_tok(rc__bgp_safi_names, *safi, "Unknown SAFI"), *safi);
	if (mp_kind(*af, *safi) != MP_NONE)
		return 1;
	if (!rc__have(c, p, tlen))
		return -1;
	rc__ob_printf(c->ob, "\n\t    no AFI %u / SAFI %u decoder", *af, *safi);
	if (c->o->vflag <= 1)
		rc__unknown_data(c, p, "\n\t    ", tlen);
	return 0;
}

/* One NLRI entry; len is the whole attribute's length, as tcpdump passes
 * it.  Returns its length, <0 to stop (RC_PRINT_TRUNC unwinds, BGP_PFX_CUT is
 * tcpdump's "goto trunc"). */
static int nlri(rc__pctx *c, enum mp_kind k, const uint8_t *p, unsigned len, int add4,
		int add6)
{
	int add = (k == MP_V4 && add4) || (k == MP_V6 && add6), n;
	uint32_t path_id = 0;
	if (add) {
		RC_NEED(c, p, 4);
		path_id = rc__be32(p);
		p += 4;
	}
	switch (k) {
	case MP_V4: case MP_V6:
		n = rc__bgp_prefix(c, p, len, "\n\t      ", k == MP_V6);
		break;
	case MP_LAB4: case MP_LAB6:
		n = labeled_prefix(c, p, len, k == MP_LAB6);
		break;
	case MP_VPN4: case MP_VPN6:
		n = vpn_prefix(c, p, k == MP_VPN6);
		break;
	case MP_MVPN:
		n = rc__bgp_mvpn(c, p);
		break;
	case MP_RT:
		n = rc__bgp_rt_routing(c, p);
		break;
	case MP_L2:
		n = rc__bgp_l2vpn(c, p);
		break;
	case MP_NSAP: case MP_NSAP_VPN:
		n = rc__bgp_clnp(c, p, k == MP_NSAP_VPN);
		break;
	default:
		n = rc__bgp_mdt(c, p);
		break;
	}
	if (n == RC_PRINT_TRUNC || n == BGP_PFX_CUT)
		return n;
	if (n == BGP_PFX_ILLEGAL)
		rc__ob_puts(c->ob, "\n\t    (illegal prefix length)");
	if (add) {
		rc__ob_printf(c->ob, "   Path Id: %u", path_id);
		/* tcpdump adds the id's 4 bytes to any result, its -1 and -2 too */
		return (n == BGP_PFX_ILLEGAL ? -1 : n == BGP_PFX_SHORT ? -2 : n) + 4;
	}
	/* a plain prefix too long for the attribute is tcpdump's -2, which
	 * its caller takes for "goto trunc" */
	if (n == BGP_PFX_SHORT && (k == MP_V4 || k == MP_V6))
		return BGP_PFX_CUT;
	return n;
}

/* The NLRI from p to the attribute's end at end. */
static int nlri_list(rc__pctx *c, enum mp_kind k, const uint8_t *p, const uint8_t *end,
		     unsigned len)
{
	unsigned left = (unsigned)(end - p);
	int add4 = rc__bgp_add_path(c, p, left, 32), add6 = rc__bgp_add_path(c, p, left, 128);
	while (p < end) {
		int n = nlri(c, k, p, len, add4, add6);
		if (n == RC_PRINT_TRUNC)
			return n;
		if (n == BGP_PFX_CUT)
			return 0;
		if (n < 0)
			break;
		p += n;
	}
	return 1;
}

/* An NSAP next hop (RFC 4760 for AFI 3): all tnh bytes, after an RD for
 * the VPN SAFIs, with the IPv4 or IPv6 address it maps (RFC 986, RFC 1888).
 * Returns the bytes taken, or RC_PRINT_TRUNC / BGP_PFX_CUT. */
static int nsap_next_hop(rc__pctx *c, enum mp_kind k, const uint8_t *p, unsigned tnh)
{
	if (k == MP_NSAP) {
		RC_NEED(c, p, tnh);
		rc__bgp_put_nsap(c, p, tnh);
		return (int)tnh;
	}
	if (tnh < RD_LEN + 1) {
		rc__ob_puts(c->ob, "invalid len");
		return (int)tnh;
	}
	if (!rc__have(c, p, tnh))
		return BGP_PFX_CUT;
	rc__ob_puts(c->ob, "RD: ");
	rc__bgp_put_rd(c, p);
	rc__ob_puts(c->ob, ", ");
	rc__bgp_put_nsap(c, p + RD_LEN, tnh - RD_LEN);
	RC_NEED(c, p + RD_LEN, 4);
	if (rc__be32(p + RD_LEN) == 0x47000601) {
		RC_NEED(c, p + RD_LEN + 4, 4);
		rc__ob_puts(c->ob, " = ");
		rc__put_ip4(c->ob, p + RD_LEN + 4);
	} else if (rc__be24(p + RD_LEN) == 0x350000) {
		RC_NEED(c, p + RD_LEN + 3, 16);
		rc__ob_puts(c->ob, " = ");
		rc__put_ip6(c->ob, p + RD_LEN + 3);
	}
	return (int)tnh;
}

/* One next hop of the kind k from p, tnh bytes left of the next hops;
 * returns the bytes it took, or RC_PRINT_TRUNC / BGP_PFX_CUT. */
static int next_hop(rc__pctx *c, enum mp_kind k, const uint8_t *p, unsigned tnh)
{
	if (k == MP_NSAP || k == MP_NSAP_VPN)
		return nsap_next_hop(c, k, p, tnh);
	unsigned rd = (k == MP_VPN4 || k == MP_VPN6) ? RD_LEN : 0;
	unsigned alen = (k == MP_V6 || k == MP_LAB6 || k == MP_VPN6) ? 16 : 4;
	if (tnh < rd + alen) {
		rc__ob_puts(c->ob, "invalid len");
		return (int)tnh;
	}
	RC_NEED(c, p, rd + alen);
	if (rd) {
		rc__ob_puts(c->ob, "RD: ");
		rc__bgp_put_rd(c, p);
		rc__ob_puts(c->ob, ", ");
	}
	if (alen == 16)
		rc__put_ip6(c->ob, p + rd);
	else
		rc__put_ip4(c->ob, p + rd);
	return (int)(rd + alen);
}

static int mp_reach(rc__pctx *c, const uint8_t *pp, unsigned len)
{
	const uint8_t *p = pp;
	unsigned tlen = len, af, safi;
	if (!rc__have(c, p, 3) || tlen < 3)
		return 0;
	int r = mp_af(c, p, tlen, &af, &safi);
	if (r <= 0)
		return r < 0 ? 0 : 1;
	enum mp_kind k = mp_kind(af, safi);
	p += 3;
	tlen -= 3;
	if (!rc__have(c, p, 1) || tlen < 1)
		return 0;
	unsigned nhlen = *p++;
	tlen--;
	if (nhlen) {
		if (tlen < nhlen)
			return 0;
		rc__ob_puts(c->ob, "\n\t    nexthop: ");
		for (unsigned tnh = nhlen, nnh = 0; tnh != 0; nnh++) {
			if (nnh)
				rc__ob_puts(c->ob, ", ");
			int n = next_hop(c, k, p, tnh);
			if (n < 0)
				return n == RC_PRINT_TRUNC ? n : 0;
			p += n;
			tlen -= (unsigned)n;
			tnh -= (unsigned)n;
		}
	}
	rc__ob_printf(c->ob, ", nh-length: %u", nhlen);
	if (tlen < 1)
		return 0;
	RC_NEED(c, p, 1);
	unsigned snpa = *p++;
	tlen--;
	if (snpa) {
		rc__ob_printf(c->ob, "\n\t    %u SNPA", snpa);
		for (; snpa != 0; snpa--) {
			if (tlen < 1)
				return 0;
			RC_NEED(c, p, 1);
			unsigned slen = *p++;
			rc__ob_printf(c->ob, "\n\t      %u bytes", slen);
			tlen--;
			if (tlen < slen || !rc__have(c, p, slen))
				return 0;
			p += slen;
			tlen -= slen;
		}
	} else {
		rc__ob_puts(c->ob, ", no SNPA");
	}
	return nlri_list(c, k, p, pp + len, len);
}

static int mp_unreach(rc__pctx *c, const uint8_t *pp, unsigned len)
{
	unsigned af, safi;
	if (!rc__have(c, pp, 3))
		return 0;
	int r = mp_af(c, pp, len, &af, &safi);
	if (r <= 0)
		return r < 0 ? 0 : 1;
	if (len == 3)
		rc__ob_puts(c->ob, "\n\t      End-of-Rib Marker (empty NLRI)");
	return nlri_list(c, mp_kind(af, safi), pp + 3, pp + len, len);
}

int rc__bgp_add_path(rc__pctx *c, const uint8_t *p, unsigned len, unsigned maxlen)
{
	unsigned off;
	if (len < 5)
		return 0;
	/* every prefix parses behind a 4-byte path id ... */
	for (off = 0; off < len;) {
		off += 4;
		if (!rc__have(c, p + off, 1))
			break;
		if (p[off] > maxlen)
			return 0;
		off += 1 + (p[off] + 7) / 8;
	}
	if (off > len)
		return 0;
	/* ... and not without one */
	for (off = 0; off < len;) {
		if (!rc__have(c, p + off, 1))
			break;
		if (p[off] < 1 || p[off] > maxlen)
			return 1;
		off += 1 + (p[off] + 7) / 8;
	}
	return off > len;
}

/* ---- AS paths (RFC 4271 4.3, RFC 6793 4-byte ASes) ---- */

/* tcpdump's guess of 2- or 4-byte ASes: 2 when the segments, read with
 * 2-byte ASes, have valid types and end exactly at the attribute's end. */
static unsigned as_size(rc__pctx *c, unsigned atype, const uint8_t *p, unsigned len)
{
	if (atype == 17)
		return 4;
	const uint8_t *t = p;
	while (t < p + len) {
		if (!rc__have(c, t, 2) || t[0] < 1 || t[0] > 4)
			return 4;
		t += 2 + t[1] * 2;
	}
	return t == p + len ? 2 : 4;
}

static int as_path(rc__pctx *c, unsigned atype, const uint8_t *p, unsigned len)
{
	static const char *const open[5] = {"?", "{ ", "", "( ", "({ "};
	static const char *const close[5] = {"?", "}", "", ")", "})"};
	if (rc__bgp_invalid_len(c, len % 2))
		return 1;
	if (!len) {
		rc__ob_puts(c->ob, "empty");
		return 1;
	}
	unsigned size = as_size(c, atype, p, len);
	for (const uint8_t *t = p; t < p + len;) {
		RC_NEED(c, t, 1);
		unsigned seg = t[0] <= 4 ? t[0] : 0;
		rc__ob_puts(c->ob, open[seg]);
		RC_NEED(c, t + 1, 1);
		unsigned n = t[1];
		for (unsigned i = 0; i < n * size; i += size) {
			if (!rc__have(c, t + 2 + i, size))
				return 0;
			rc__ob_printf(c->ob, "%u ", size == 2 ? rc__be16(t + 2 + i) : rc__be32(t + 2 + i));
		}
		rc__ob_puts(c->ob, close[seg]);
		t += 2 + n * size;
	}
	return 1;
}

/* ---- provider tunnels (RFC 6514 5) and AIGP (RFC 7311) ---- */

static const struct rc__bgp_tok pmsi_tunnels[] = {
	{1, "RSVP-TE P2MP LSP"}, {2, "LDP P2MP LSP"}, {3, "PIM-SSM Tree"}, {4, "PIM-SM Tree"},
	{5, "PIM-Bidir Tree"}, {6, "Ingress Replication"}, {7, "LDP MP2MP LSP"}, {0, NULL},
};

static int pmsi_tunnel(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (!rc__have(c, p, 5) || len < 5)
		return 0;
	unsigned flags = p[0], type = p[1];
	rc__ob_printf(c->ob, "\n\t    Tunnel-type %s (%u), Flags [%s], MPLS Label %u",
		      rc__bgp_tok(pmsi_tunnels, type, "Unknown"), type,
		      (flags & 1) ? "Leaf Information required" : "none", rc__be24(p + 2) >> 4);
	p += 5;
	len -= 5;
	/* the two fields tcpdump reads for each type, and how it names them */
	static const char *const fields[8][2] = {
		{NULL, NULL},
		{"Extended-Tunnel-ID ", ", P2MP-ID 0x"},
		{"Root-Node ", ", LSP-ID 0x"},
		{"Root-Node ", ", P-Group "},
		{"Sender ", ", P-Group "},
		{"Sender ", ", P-Group "},
		{"Tunnel-Endpoint ", NULL},
		{"Root-Node ", ", LSP-ID 0x"},
	};
	if (type == 0 || type > 7) {
		if (c->o->vflag <= 1)
			rc__unknown_data(c, p, "\n\t      ", len);
		return 1;
	}
	RC_NEED(c, p, fields[type][1] ? 8 : 4);
	rc__ob_printf(c->ob, "\n\t      %s", fields[type][0]);
	rc__put_ip4(c->ob, p);
	if (fields[type][1]) {
		rc__ob_puts(c->ob, fields[type][1]);
		if (type >= 3 && type <= 5)
			rc__put_ip4(c->ob, p + 4);
		else
			rc__ob_x(c->ob, rc__be32(p + 4), 8);
	}
	return 1;
}

static int aigp(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	while (tlen >= 3) {
		RC_NEED(c, p, 3);
		unsigned type = p[0], length = rc__be16(p + 1);
		p += 3;
		tlen -= 3;
		rc__ob_printf(c->ob, "\n\t    %s TLV (%u), length %u", type == 1 ? "AIGP" : "Unknown",
			      type, length);
		if (length < 3)
			return 0;
		length -= 3;
		/* tcpdump checks the value 3 bytes further on than it is */
		if (!rc__have(c, p + 3, length) || tlen < length)
			return 0;
		if (type == 1) {
			if (length < 8)
				return 0;
			RC_NEED(c, p, 8);
			rc__ob_printf(c->ob, ", metric %llu",
				      (unsigned long long)rc__be32(p) << 32 | rc__be32(p + 4));
		} else if (c->o->vflag <= 1) {
			rc__unknown_data(c, p, "\n\t      ", length);
		}
		p += length;
		tlen -= length;
	}
	return 1;
}

/* ---- the attribute ---- */

/* "AS #n, origin a" of AGGREGATOR and AGGREGATOR4 (RFC 6793). */
static void aggregator(rc__pctx *c, const uint8_t *p, unsigned len)
{
	rc__ob_printf(c->ob, " AS #%u, origin ", len == 6 ? rc__be16(p) : rc__be32(p));
	rc__put_ip4(c->ob, p + len - 4);
}

/* RFC 6368 ATTR_SET: an origin AS, then attributes nested one level.
 * *left gets what tcpdump's len holds after it (the -vv dump's length). */
static int attr_set(rc__pctx *c, const uint8_t *p, unsigned len, unsigned level, unsigned *left)
{
	if (!rc__have(c, p, 4) || len < 4)
		return 0;
	rc__ob_printf(c->ob, "\n\t    Origin AS: %u", rc__be32(p));
	p += 4;
	len -= 4;
	while (len) {
		if (!rc__have(c, p, 2))
			return 0;
		if (len < 2) {
			rc__ob_puts(c->ob, " [path attr too short]");
			break;
		}
		unsigned aflags = p[0], atype = p[1], lenlen = (aflags & 0x10) ? 2 : 1;
		p += 2;
		len -= 2;
		if (!rc__have(c, p, lenlen))
			return 0;
		if (len < lenlen) {
			rc__ob_puts(c->ob, " [path attr too short]");
			break;
		}
		unsigned alen = lenlen == 2 ? rc__be16(p) : p[0];
		p += lenlen;
		len -= lenlen;
		if (rc__bgp_attr_head(c, "\n\t      ", atype, alen, aflags))
			rc__ob_putc(c->ob, ']');
		rc__ob_puts(c->ob, ": ");
		if (len < alen) {
			rc__ob_puts(c->ob, " [path attr too short]");
			break;
		}
		if (level == 10) {
			rc__ob_puts(c->ob, "(too many nested levels, not recursing)");
		} else {
			int r = rc__bgp_attr(c, atype, p, alen, level + 1);
			if (r <= 0)
				return r;
		}
		p += alen;
		len -= alen;
	}
	*left = len;
	return 1;
}

/* An attribute of exactly want bytes: the IPv4 address or number in it. */
static int fixed4(rc__pctx *c, const uint8_t *p, unsigned len, int addr)
{
	if (rc__bgp_invalid_len(c, len != 4))
		return 1;
	RC_NEED(c, p, 4);
	if (addr)
		rc__put_ip4(c->ob, p);
	else
		rc__ob_printf(c->ob, "%u", rc__be32(p));
	return 1;
}

static int attr_value(rc__pctx *c, unsigned atype, const uint8_t *p, unsigned len,
		      unsigned level, unsigned *left)
{
	switch (atype) {
	case 1:
		if (rc__bgp_invalid_len(c, len != 1))
			return 1;
		RC_NEED(c, p, 1);
		rc__ob_puts(c->ob, p[0] == 0 ? "IGP" : p[0] == 1 ? "EGP"
				 : p[0] == 2 ? "Incomplete" : "Unknown Origin Typecode");
		return 1;
	case 2: case 17:
		return as_path(c, atype, p, len);
	case 3: case 9:
		return fixed4(c, p, len, 1);
	case 4: case 5:
		return fixed4(c, p, len, 0);
	case 6:
		if (len != 0)
			rc__ob_puts(c->ob, "invalid len");
		return 1;
	case 7: case 18:
		if (rc__bgp_invalid_len(c, (atype == 7 && len != 6 && len != 8) || (atype == 18 && len != 8)))
			return 1;
		if (atype == 7 && !rc__have(c, p, len))
			return 0; /* tcpdump checks AGGREGATOR, reads AGGREGATOR4 */
		RC_NEED(c, p, len);
		aggregator(c, p, len);
		return 1;
	case 8:
		return rc__bgp_communities(c, p, len);
	case 10:
		if (rc__bgp_invalid_len(c, len % 4))
			return 1;
		for (unsigned i = 0; i < len; i += 4) {
			RC_NEED(c, p + i, 4);
			rc__put_ip4(c->ob, p + i);
			rc__ob_puts(c->ob, len - i > 4 ? ", " : "");
		}
		return 1;
	case 14:
		return mp_reach(c, p, len);
	case 15:
		return mp_unreach(c, p, len);
	case 16:
		return rc__bgp_extd_communities(c, p, len);
	case 22:
		return pmsi_tunnel(c, p, len);
	case 26:
		return aigp(c, p, len);
	case 32:
		return rc__bgp_large_communities(c, p, len, left);
	case 128:
		return attr_set(c, p, len, level, left);
	default:
		if (!rc__have(c, p, len))
			return 0;
		rc__ob_printf(c->ob, "\n\t    no Attribute %u decoder", atype);
		if (c->o->vflag <= 1)
			rc__unknown_data(c, p, "\n\t    ", len);
		return 1;
	}
}

int rc__bgp_attr(rc__pctx *c, unsigned atype, const uint8_t *p, unsigned len, unsigned level)
{
	/* tcpdump's len after the decoder: LARGE_COMMUNITY and ATTR_SET count
	 * it down, so -vv dumps none or only the rest of those */
	unsigned left = len;
	int r = attr_value(c, atype, p, len, level, &left);
	if (r <= 0)
		return r;
	if (c->o->vflag > 1 && left) { /* -vv: the attribute's bytes too */
		if (!rc__have(c, p, left))
			return 0;
		rc__unknown_data(c, p, "\n\t    ", left);
	}
	return 1;
}

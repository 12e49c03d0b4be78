/*
 * print_ospf6.c - OSPFv3 (RFC 5340, IP protocol 89 over IPv6) as tcpdump
 * 4.99 print-ospf6.c prints it: the header, with -v the Hello and DD
 * fields and the trailer (RFC 5613 LLS header, RFC 7166 authentication
 * trailer), with -vv also the LSA headers, LS Requests and the LSAs.
 *
 * Header (16 bytes):
 *   0 ver | 1 type | 2 length | 4 router ID | 8 area ID | 12 cksum |
 *   14 instance | 15 reserved
 *
 * tcpdump's GET_ macros unwind with " [|ospf3]" (RC_PRINT_TRUNC here);
 * its own length checks print the same marker and return (the soft
 * marker, SOFT below, which leaves -x dumping from the link header).
 */
#include "print_ospf.h"

#define HDR 16
#define LSA_HDR 20
/* tcpdump's "goto trunc": the marker, without unwinding; the TE and
 * grace LSAs stop with the same value */
#define SOFT RC_OSPF_TLV_STOP
#define OPT_L 0x200
#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

static const rc__bitname options[] = {
	{0x01, "V6"},           {0x02, "External"},    {0x04, "Deprecated"},
	{0x08, "NSSA"},         {0x10, "Router"},      {0x20, "Demand Circuit"},
	{0x100, "AFs Support"}, {0x200, "LLS"},        {0x400, "Authentication Trailer"}};

static void put_opts(rc__pctx *c, const char *pre, uint32_t v)
{
	char buf[160];
	rc__ob_puts(c->ob, pre);
	rc__ob_puts(c->ob, rc__bit_names(buf, sizeof(buf), v, options, NITEMS(options)));
	rc__ob_putc(c->ob, ']');
}

/* RFC 5340 A.4.2.1: function code, scope (S1/S2) and U bits. */
static int ls_type(rc__pctx *c, unsigned type, const uint8_t *lsid)
{
	static const char *const names[] = {
		NULL,     "Router", "Network", "Inter-Area Prefix", "Inter-Area Router",
		"External", "Deprecated", "NSSA", "Link", "Intra-Area Prefix", "Intra-Area TE",
		"Grace", "Router Information", "Inter-AS-TE", "Layer 1 VPN"};
	static const char *const scopes[] = {"Link Local", "Area Local", "Domain Wide",
					     "Unknown"};
	unsigned code = type & 0x1fff;
	RC_NEED(c, lsid, 4);
	rc__ob_printf(c->ob, "\n\t    %s LSA (%u), %s Scope%s, LSA-ID ",
		      code < NITEMS(names) && names[code] ? names[code] : "Unknown", code,
		      scopes[(type >> 13) & 3], (type & 0x8000) ? ", transitive" : "");
	rc__put_ip4(c->ob, lsid);
	return 0;
}

/* An LSA header wholly before end (the packet's length), else SOFT. */
static int lsa_header(rc__pctx *c, const uint8_t *h, const uint8_t *end)
{
	if (h + LSA_HDR > end)
		return SOFT;
	RC_NEED(c, h, LSA_HDR);
	rc__ob_puts(c->ob, "\n\t  Advertising Router ");
	rc__put_ip4(c->ob, h + 8);
	/* tcpdump prints the length less the header as a size_t */
	rc__ob_printf(c->ob, ", seq 0x%08x, age %us, length %zu", rc__be32(h + 12),
		      rc__be16(h), (size_t)rc__be16(h + 18) - LSA_HDR);
	return ls_type(c, rc__be16(h + 2), h + 4);
}

/* RFC 5340 A.4.1: one prefix of *left bytes at most; its size, SOFT or
 * RC_PRINT_TRUNC (negated sizes never occur: sizes are > 0). */
static int prefix(rc__pctx *c, const uint8_t *p, uint32_t *left, int *size)
{
	static const rc__bitname popts[] = {{0x01, "No Unicast"}, {0x02, "Local address"},
					    {0x04, "Deprecated"}, {0x08, "Propagate"},
					    {0x10, "Down"},       {0x20, "N-bit"}};
	if (*left < 4 || !rc__have(c, p, 4))
		return SOFT;
	*left -= 4;
	unsigned plen = p[0], words = (plen + 31) / 32;
	if (words > 4) {
		rc__ob_printf(c->ob, " bogus prefixlen /%u", plen);
		return SOFT;
	}
	if (*left < words * 4)
		return SOFT;
	*left -= words * 4;
	RC_NEED(c, p + 4, words * 4);
	uint8_t a[16] = {0};
	for (unsigned i = 0; i < words * 4; i++)
		a[i] = p[4 + i];
	rc__ob_puts(c->ob, "\n\t\t");
	rc__put_ip6(c->ob, a);
	rc__ob_printf(c->ob, "/%u", plen);
	if (p[1]) {
		char buf[96];
		rc__ob_printf(c->ob, ", Options [%s]",
			      rc__bit_names(buf, sizeof(buf), p[1], popts, NITEMS(popts)));
	}
	rc__ob_printf(c->ob, ", metric %u", rc__be16(p + 2));
	*size = 4 + (int)words * 4;
	return 0;
}

/* n prefixes from p (n == UINT32_MAX: until left is used up). */
static int prefixes(rc__pctx *c, const uint8_t *p, uint32_t left, uint32_t n)
{
	while (n == UINT32_MAX ? left != 0 : n-- > 0) {
		int size = 0, r = prefix(c, p, &left, &size);
		if (r != 0)
			return r;
		p += size;
	}
	return 0;
}

/* RFC 5340 A.4.3: flags and options word, then 16-byte interfaces. */
static int router_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	static const rc__bitname flags[] = {{0x01, "ABR"},
					    {0x02, "External"},
					    {0x04, "Virtual-Link Endpoint"},
					    {0x08, "Deprecated"},
					    {0x10, "NSSA Translator"}};
	static const char *const kinds[] = {
		NULL, "\n\t      Neighbor Router-ID ", "\n\t      Neighbor Network-ID ", NULL,
		"\n\t      Virtual Link: Neighbor Router-ID "};
	char buf[96];
	if (left < 4)
		return SOFT;
	left -= 4;
	RC_NEED(c, b, 4);
	put_opts(c, "\n\t      Options [", rc__be32(b));
	rc__ob_printf(c->ob, ", RLA-Flags [%s]",
		      rc__bit_names(buf, sizeof(buf), b[0], flags, NITEMS(flags)));
	for (const uint8_t *l = b + 4; left != 0; l += 16) {
		if (left < 16 || !rc__have(c, l, 16))
			return SOFT;
		left -= 16;
		if (l[0] > 4 || !kinds[l[0]]) {
			rc__ob_printf(c->ob, "\n\t      Unknown Router Links Type 0x%02x", l[0]);
			return 0;
		}
		rc__ob_puts(c->ob, kinds[l[0]]);
		rc__put_ip4(c->ob, l + 12);
		rc__ob_puts(c->ob, "\n\t      Neighbor Interface-ID ");
		rc__put_ip4(c->ob, l + 8);
		rc__ob_puts(c->ob, ", Interface ");
		rc__put_ip4(c->ob, l + 4);
		rc__ob_printf(c->ob, ", metric %u", rc__be16(l + 2));
	}
	return 0;
}

static int network_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	if (left < 4)
		return SOFT;
	left -= 4;
	RC_NEED(c, b, 4);
	put_opts(c, "\n\t      Options [", rc__be32(b));
	rc__ob_puts(c->ob, "\n\t      Connected Routers:");
	for (const uint8_t *a = b + 4; left != 0; a += 4, left -= 4) {
		if (left < 4)
			return SOFT;
		RC_TRY(rc__ospf_id(c, "\n\t\t", a));
	}
	return 0;
}

static int inter_area_prefix_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	if (left < 4)
		return SOFT;
	RC_NEED(c, b, 4);
	rc__ob_printf(c->ob, ", metric %u", rc__be32(b) & 0xffffff);
	return prefixes(c, b + 4, left - 4, UINT32_MAX);
}

/* RFC 5340 A.4.7: flags E, F, T, a prefix whose metric field holds the
 * referenced LS type, then the optional forwarding address, tag and
 * referenced LSA ID. */
static int external_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	static const rc__bitname flags[] = {
		{0x80000000u, "External Type 2"}, {0x02000000, "Forwarding"}, {0x01000000, "Tag"}};
	char buf[64];
	if (left < 4)
		return SOFT;
	left -= 4;
	RC_NEED(c, b, 4);
	uint32_t f = rc__be32(b);
	rc__ob_printf(c->ob, "\n\t     Flags [%s] metric %u",
		      rc__bit_names(buf, sizeof(buf), f, flags, NITEMS(flags)), f & 0xffffff);
	int size = 0, r = prefix(c, b + 4, &left, &size);
	if (r != 0)
		return r;
	const uint8_t *t = b + 4 + size;
	if (f & 0x02000000) {
		if (left < 16)
			return SOFT;
		left -= 16;
		RC_NEED(c, t, 16);
		rc__ob_puts(c->ob, " forward ");
		rc__put_ip6(c->ob, t);
		t += 16;
	}
	if (f & 0x01000000) {
		if (left < 4)
			return SOFT;
		left -= 4;
		RC_TRY(rc__ospf_id(c, " tag ", t));
		t += 4;
	}
	if (b[4 + 2]) {
		if (left < 4)
			return SOFT;
		RC_TRY(rc__ospf_id(c, " RefLSID: ", t));
	}
	return 0;
}

/* RFC 5340 A.4.9: priority and options, link-local address, prefixes. */
static int link_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	if (left < 4 || !rc__have(c, b, 4))
		return SOFT;
	left -= 4;
	put_opts(c, "\n\t      Options [", rc__be32(b));
	if (left < 20)
		return SOFT;
	left -= 20;
	RC_NEED(c, b + 20, 4);
	uint32_t n = rc__be32(b + 20);
	RC_NEED(c, b + 4, 16);
	rc__ob_printf(c->ob, "\n\t      Priority %u, Link-local address ", b[0]);
	rc__put_ip6(c->ob, b + 4);
	rc__ob_printf(c->ob, ", Prefixes %u:", n);
	return n ? prefixes(c, b + 24, left, n) : 0;
}

/* RFC 5340 A.4.10; tcpdump counts only 6 of the 12 fixed bytes. */
static int intra_area_prefix_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	if (left < 4 || !rc__have(c, b + 8, 4))
		return SOFT;
	left -= 4;
	RC_NEED(c, b + 2, 2);
	RC_TRY(ls_type(c, rc__be16(b + 2), b + 4));
	if (left < 2)
		return SOFT;
	left -= 2;
	unsigned n = rc__be16(b);
	rc__ob_printf(c->ob, "\n\t      Prefixes %u:", n);
	return n ? prefixes(c, b + 12, left, n) : 0;
}

/* The body after the header (b), left bytes, by the full LS type. */
static int lsa_body(rc__pctx *c, unsigned type, const uint8_t *b, uint32_t left)
{
	switch (type) {
	case 0x2001:
		return router_lsa(c, b, left);
	case 0x2002:
		return network_lsa(c, b, left);
	case 0x2003:
		return inter_area_prefix_lsa(c, b, left);
	case 0x4005:
		return external_lsa(c, b, left);
	case 0x0008:
		return link_lsa(c, b, left);
	case 0x2009:
		return intra_area_prefix_lsa(c, b, left);
	case 0x000b:
		return rc__ospf_grace_lsa(c, b, left);
	case 0x000a:
		return rc__ospf_te_lsa(c, b, left);
	default:
		rc__unknown_data(c, b, "\n\t      ", left);
		return 0;
	}
}

/* One LSA within end: 0, SOFT or RC_PRINT_TRUNC; *len gets its length. */
static int lsa(rc__pctx *c, const uint8_t *l, const uint8_t *end, unsigned *len)
{
	int r = lsa_header(c, l, end);
	if (r != 0)
		return r;
	*len = rc__be16(l + 18);
	if (*len < LSA_HDR || (size_t)(end - l) < *len)
		return SOFT;
	return lsa_body(c, rc__be16(l + 2), l + LSA_HDR, *len - LSA_HDR);
}

static int hello(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	RC_NEED(c, b + 20, 4);
	put_opts(c, "\n\tOptions [", rc__be32(b + 20));
	RC_NEED(c, b + 16, 12);
	rc__ob_printf(c->ob, "\n\t  Hello Timer %us, Dead Timer %us, Interface-ID ",
		      rc__be16(b + 24), rc__be16(b + 26));
	rc__put_ip4(c->ob, b + 16);
	rc__ob_printf(c->ob, ", Priority %u", b[20]);
	RC_TRY(rc__ospf_dr_bdr(c, b + 28));
	if (c->o->vflag < 2)
		return 0;
	rc__ob_puts(c->ob, "\n\t  Neighbor List:");
	for (const uint8_t *a = b + 36; a < end; a += 4)
		RC_TRY(rc__ospf_id(c, "\n\t    ", a));
	return 0;
}

static int db_desc(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	static const rc__bitname flags[] = {
		{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x10, "IPv6 MTU"}};
	char buf[64];
	RC_NEED(c, b + 16, 4);
	put_opts(c, "\n\tOptions [", rc__be32(b + 16));
	RC_NEED(c, b + 23, 1);
	rc__ob_printf(c->ob, ", DD Flags [%s]",
		      rc__bit_names(buf, sizeof(buf), b[23], flags, NITEMS(flags)));
	RC_NEED(c, b + 20, 8);
	rc__ob_printf(c->ob, ", MTU %u, DD-Sequence 0x%08x", rc__be16(b + 20), rc__be32(b + 24));
	if (c->o->vflag < 2)
		return 0;
	for (const uint8_t *h = b + 28; h < end; h += LSA_HDR) {
		int r = lsa_header(c, h, end);
		if (r != 0)
			return r;
	}
	return 0;
}

static int ls_request(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	for (const uint8_t *r = b + 16; r < end; r += 12) {
		if (!rc__have(c, r, 12))
			return SOFT;
		RC_TRY(rc__ospf_id(c, "\n\t  Advertising Router ", r + 8));
		RC_TRY(ls_type(c, rc__be16(r + 2), r + 4));
	}
	return 0;
}

static int ls_update(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	RC_NEED(c, b + 16, 4);
	uint32_t n = rc__be32(b + 16);
	for (const uint8_t *l = b + 20; l < end && n-- != 0;) {
		unsigned len = 0;
		int r = lsa(c, l, end, &len);
		if (r != 0)
			return r;
		l += len;
	}
	return 0;
}

static int ls_ack(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	for (const uint8_t *h = b + 16; h < end; h += LSA_HDR) {
		int r = lsa_header(c, h, end);
		if (r != 0)
			return r;
	}
	return 0;
}

/* -v shows the Hello and DD fields; the lists need -vv. */
static int body(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	switch (b[1]) {
	case 1:
		return hello(c, b, end);
	case 2:
		return db_desc(c, b, end);
	}
	if (c->o->vflag < 2)
		return 0;
	switch (b[1]) {
	case 3:
		return ls_request(c, b, end);
	case 4:
		return ls_update(c, b, end);
	default:
		return ls_ack(c, b, end);
	}
}

/* RFC 5613 2.2: the LLS header only; its data length, taken in bytes as
 * tcpdump takes it, or SOFT/RC_PRINT_TRUNC. */
static int lls(rc__pctx *c, const uint8_t *p, uint32_t len, uint32_t *used)
{
	*used = 0;
	if (len == 0)
		return 0;
	if (len < 4)
		return SOFT;
	RC_NEED(c, p, 2);
	rc__ob_printf(c->ob, "\n\tLLS Checksum 0x%04x", rc__be16(p));
	RC_NEED(c, p + 2, 2);
	unsigned dl = rc__be16(p + 2);
	rc__ob_printf(c->ob, ", Data Length %u", dl);
	if (dl < 4 || dl > len || !rc__have(c, p + 4, dl - 4))
		return SOFT;
	*used = dl;
	return 0;
}

/* RFC 7166 2: the authentication trailer. */
static int auth_trailer(rc__pctx *c, const uint8_t *p, uint32_t len)
{
	if (len == 0)
		return 0;
	if (len < 16)
		return SOFT;
	RC_NEED(c, p, 2);
	unsigned type = rc__be16(p);
	if (type == 1)
		rc__ob_puts(c->ob, "\n\tAuthentication Type HMAC");
	else
		rc__ob_printf(c->ob, "\n\tAuthentication Type unknown (0x%04x)", type);
	RC_NEED(c, p + 2, 2);
	unsigned dl = rc__be16(p + 2);
	rc__ob_printf(c->ob, ", Length %u", dl);
	if (dl < 16 || dl > len)
		return SOFT;
	RC_NEED(c, p + 6, 2);
	rc__ob_printf(c->ob, ", SAID %u", rc__be16(p + 6));
	RC_NEED(c, p + 8, 4);
	rc__ob_printf(c->ob, ", CSN 0x%08x", rc__be32(p + 8));
	RC_NEED(c, p + 12, 4);
	rc__ob_printf(c->ob, ":%08x", rc__be32(p + 12));
	if (!rc__have(c, p + 16, dl - 16))
		return SOFT;
	if (c->o->vflag > 1)
		rc__unknown_data(c, p + 16, "\n\tAuthentication Data ", dl - 16);
	return 0;
}

/* After the packet: LLS (Hello and DD with the L bit), then the
 * authentication trailer, which tcpdump looks for after any type. */
static int trailer(rc__pctx *c, const uint8_t *b, const uint8_t *p, uint32_t len)
{
	uint32_t used = 0;
	if (b[1] == 1 || b[1] == 2) {
		const uint8_t *o = b + (b[1] == 1 ? 20 : 16);
		RC_NEED(c, o, 4);
		if (rc__be32(o) & OPT_L) {
			int r = lls(c, p, len, &used);
			if (r != 0)
				return r;
		}
	}
	return auth_trailer(c, p + used, len - used);
}

static int verbose(rc__pctx *c, const uint8_t *b, uint32_t length)
{
	RC_NEED(c, b + 2, 2);
	unsigned dlen = rc__be16(b + 2);
	if (dlen > length) {
		rc__ob_printf(c->ob, " [len %u]", dlen);
		return 0;
	}
	const uint8_t *end = b + dlen;
	RC_TRY(rc__ospf_router_area(c, b));
	RC_NEED(c, b + 14, 1);
	if (b[14])
		rc__ob_printf(c->ob, ", Instance %u", b[14]);
	if (b[0] != 3)
		return 0;
	int r = body(c, b, end);
	if (r == 0)
		r = trailer(c, b, end, length - dlen);
	return r == SOFT ? rc__trunc_soft(c) : r;
}

int rc__print_ospf6(rc__pctx *c, const uint8_t *b, uint32_t length)
{
	c->proto = "ospf3";
	RC_NEED(c, b, 2);
	if (!rc__ospf_first_line(c, b, length, "unknown packet type (%u), length %u") ||
	    !c->o->vflag)
		return 0;
	return verbose(c, b, length);
}

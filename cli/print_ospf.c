/*
 * print_ospf.c - OSPFv2 (RFC 2328, IP protocol 89 over IPv4) as tcpdump
 * 4.99 print-ospf.c prints it: the common header, then with -v the
 * Hello, Database Description, LS Request, LS Update and LS Ack bodies,
 * the LSAs of RFC 2328 and RFC 3101 (NSSA), the opaque LSAs of RFC 5250
 * tcpdump knows (TE RFC 3630/4203, grace RFC 3623, router information RFC
 * 7770) and the link-local signalling block of RFC 5613 after the packet.
 *
 * Header (24 bytes):
 *   0 ver | 1 type | 2 length | 4 router ID | 8 area ID | 12 cksum |
 *   14 auth type | 16 auth data (8)
 *
 * tcpdump reads through its GET_ macros, which unwind with " [|ospf2]";
 * a few helpers (the TE and grace LSA bodies) instead stop silently at a
 * cut TLV and let the caller go on, and that is kept here: those return
 * RC_OSPF_TLV_STOP rather than RC_PRINT_TRUNC.
 */
#include "print_ospf.h"

#define LSA_HDR 20
#define AUTH_MD5 2
#define MD5_TRAILER 16 /* RFC 2328 D.3: the digest follows the packet */
#define OPT_L 0x10     /* RFC 5613: an LLS block follows the packet */
/* An LSA body stopped where tcpdump returns the LSA's end early: the rest
 * of it, and its -vv hex dump, are not printed.  The TE and grace LSAs
 * stop with the same value. */
#define SKIP_REST RC_OSPF_TLV_STOP

static const rc__bitname options[] = {
	{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"},
	{0x08, "NSSA"},          {0x10, "LLS"},      {0x20, "Demand Circuit"},
	{0x40, "Opaque"},        {0x80, "Up/Down"}};

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/* A name from a small table of consecutive codes, else dflt. */
static const char *name_of(const char *const *t, size_t n, uint32_t v, const char *dflt)
{
	return v < n && t[v] ? t[v] : dflt;
}

static const char *lsa_name(uint32_t type)
{
	static const char *const t[] = {
		NULL,     "Router", "Network", "Summary", "ASBR Summary", "External",
		"Multicast Group", "NSSA", NULL, "Link Local Opaque", "Area Local Opaque",
		"Domain Wide Opaque"};
	return name_of(t, NITEMS(t), type, "unknown");
}

static const char *opaque_name(uint32_t type)
{
	static const char *const t[] = {NULL, "Traffic Engineering", NULL, "Graceful restart",
					"Router Information"};
	return name_of(t, NITEMS(t), type, "unknown");
}

/* draft-ietf-ospf-mt: the TOS field names a topology */
static const char *topology_name(uint32_t t)
{
	static const char *const n[] = {"default", "multicast", "management"};
	return name_of(n, NITEMS(n), t, "Unknown");
}

static void put_opts(rc__pctx *c, const char *pre, uint8_t v, const char *post)
{
	char buf[128];
	rc__ob_puts(c->ob, pre);
	rc__ob_puts(c->ob, rc__bit_names(buf, sizeof(buf), v, options, NITEMS(options)));
	rc__ob_puts(c->ob, post);
}

/* ---- LSA header ---- */

/* The LSA header: its length field (>= 20), LSA_BOGUS after printing why
 * it is short, or RC_PRINT_TRUNC.  All its fields are read before the
 * first line, and the length field ends the header, so it prints whole. */
#define LSA_BOGUS (-2)
static int lsa_header(rc__pctx *c, const uint8_t *h)
{
	RC_NEED(c, h, LSA_HDR);
	unsigned len = rc__be16(h + 18), type = h[3];
	if (len < LSA_HDR) {
		rc__ob_printf(c->ob, "\n\t    Bogus length %u < header (%u)", len, LSA_HDR);
		return LSA_BOGUS;
	}
	rc__ob_puts(c->ob, "\n\t  Advertising Router ");
	rc__put_ip4(c->ob, h + 8);
	rc__ob_printf(c->ob, ", seq 0x%08x, age %us, length %u", rc__be32(h + 12),
		      rc__be16(h), len - LSA_HDR);
	if (type >= 9 && type <= 11)
		rc__ob_printf(c->ob, "\n\t    %s LSA (%u), Opaque-Type %s LSA (%u), Opaque-ID %u",
			      lsa_name(type), type, opaque_name(h[4]), h[4], rc__be24(h + 5));
	else {
		rc__ob_printf(c->ob, "\n\t    %s LSA (%u), LSA-ID: ", lsa_name(type), type);
		rc__put_ip4(c->ob, h + 4);
	}
	put_opts(c, "\n\t    Options: [", h[2], "]");
	return (int)len;
}

/* ---- LSA bodies (b is the LSA, end its declared end) ---- */

/* RFC 2328 A.4.2 plus the MT-ID words of RFC 4915: the link's own metric
 * is topology 0, each following word names its topology. */
static int router_metrics(rc__pctx *c, const uint8_t *w)
{
	unsigned n = (unsigned)w[1] + 1;
	for (unsigned i = 0; i < n; i++, w += 4) {
		RC_NEED(c, w, 4);
		unsigned topo = i ? w[0] : 0;
		rc__ob_printf(c->ob, "\n\t\ttopology %s (%u), metric %u", topology_name(topo), topo,
			      rc__be16(w + 2));
	}
	return 0;
}

/* SKIP_REST after an unknown link type, where tcpdump returns early. */
static int router_lsa(rc__pctx *c, const uint8_t *b)
{
	static const rc__bitname flags[] = {{0x01, "ABR"},      {0x02, "ASBR"}, {0x04, "Virtual"},
					    {0x08, "Wildcard"}, {0x10, "Nt"},   {0x80, "Host"}};
	static const char *const kinds[] = {
		NULL, "\n\t      Neighbor Router-ID: ", "\n\t      Neighbor Network-ID: ",
		"\n\t      Stub Network: ", "\n\t      Virtual Link: Neighbor Router-ID: "};
	char buf[64];
	RC_NEED(c, b + 20, 1);
	rc__ob_printf(c->ob, "\n\t    Router LSA Options: [%s]",
		      rc__bit_names(buf, sizeof(buf), b[20], flags, NITEMS(flags)));
	RC_NEED(c, b + 22, 2);
	unsigned count = rc__be16(b + 22);
	const uint8_t *l = b + 24;
	RC_NEED(c, l, 12);
	for (; count; count--) {
		RC_NEED(c, l, 12);
		uint8_t type = l[8];
		if (type < 1 || type > 4) {
			rc__ob_printf(c->ob, "\n\t      Unknown Router Link Type (%u)", type);
			return SKIP_REST;
		}
		rc__ob_puts(c->ob, kinds[type]);
		rc__put_ip4(c->ob, l);
		rc__ob_puts(c->ob, type == 3 ? ", Mask: " : ", Interface Address: ");
		rc__put_ip4(c->ob, l + 4);
		RC_TRY(router_metrics(c, l + 8));
		l += 12 + 4 * (size_t)l[9];
	}
	return 0;
}

static int network_lsa(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	RC_TRY(rc__ospf_id(c, "\n\t    Mask ", b + 20));
	rc__ob_puts(c->ob, "\n\t    Connected Routers:");
	for (const uint8_t *a = b + 24; a < end; a += 4)
		RC_TRY(rc__ospf_id(c, "\n\t      ", a));
	return 0;
}

/* RFC 2328 A.4.4: types 3 and 4; the ASBR summary's mask is not shown. */
static int summary_lsa(rc__pctx *c, const uint8_t *b, const uint8_t *end, int with_mask)
{
	if (with_mask)
		RC_TRY(rc__ospf_id(c, "\n\t    Mask ", b + 20));
	RC_NEED(c, b + 24, 4);
	for (const uint8_t *w = b + 24; w < end; w += 4) {
		RC_NEED(c, w, 4);
		uint32_t v = rc__be32(w);
		unsigned topo = (v >> 24) & 0x7f;
		rc__ob_printf(c->ob, "\n\t\ttopology %s (%u) metric %u", topology_name(topo), topo,
			      v & 0xffffff);
	}
	return 0;
}

/* RFC 2328 A.4.5 / RFC 3101 2.2: mask, then (metric, forward, tag) each. */
static int external_lsa(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	RC_TRY(rc__ospf_id(c, "\n\t    Mask ", b + 20));
	RC_NEED(c, b + 24, 4);
	for (const uint8_t *m = b + 24; m < end; m += 12) {
		RC_NEED(c, m, 4);
		uint32_t v = rc__be32(m);
		unsigned topo = (v >> 24) & 0x7f;
		rc__ob_printf(c->ob, "\n\t\ttopology %s (%u), type %u, metric", topology_name(topo),
			      topo, (v & 0x80000000u) ? 2 : 1);
		if ((v & 0xffffff) == 0xffffff)
			rc__ob_puts(c->ob, " infinite");
		else
			rc__ob_printf(c->ob, " %u", v & 0xffffff);
		RC_NEED(c, m + 4, 4);
		if (rc__be32(m + 4))
			RC_TRY(rc__ospf_id(c, ", forward ", m + 4));
		RC_NEED(c, m + 8, 4);
		if (rc__be32(m + 8))
			RC_TRY(rc__ospf_id(c, ", tag ", m + 8));
	}
	return 0;
}

/* Type 6, MOSPF (RFC 1584 A.3): vertex type and ID pairs. */
static int group_lsa(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	for (const uint8_t *m = b + 20; m < end; m += 8) {
		RC_NEED(c, m, 4);
		uint32_t vt = rc__be32(m);
		if (vt == 1)
			RC_TRY(rc__ospf_id(c, "\n\t    Router Router-ID ", m + 4));
		else if (vt == 2)
			RC_TRY(rc__ospf_id(c, "\n\t    Network Designated Router ", m + 4));
		else
			rc__ob_printf(c->ob, "\n\t    unknown VertexType (%u)", vt);
	}
	return 0;
}

/* RFC 7770 2: the router information LSA's TLVs; SKIP_REST where tcpdump
 * gives up on the LSA. */
static int ri_lsa(rc__pctx *c, const uint8_t *t, uint32_t left)
{
	static const rc__bitname caps[] = {
		{1, "Reserved"},
		{2, "Reserved"},
		{4, "Reserved"},
		{8, "Reserved"},
		{16, "graceful restart capable"},
		{32, "graceful restart helper"},
		{64, "Stub router support"},
		{128, "Traffic engineering"},
		{256, "p2p over LAN"},
		{512, "path computation server"}};
	while (left != 0) {
		RC_NEED(c, t, 4);
		if (left < 4) {
			rc__ob_printf(c->ob, "\n\t    Remaining LS length %u < 4", left);
			return SKIP_REST;
		}
		unsigned type = rc__be16(t), len = rc__be16(t + 2);
		t += 4;
		left -= 4;
		rc__ob_printf(c->ob, "\n\t    %s TLV (%u), length: %u, value: ",
			      type == 1 ? "Router Capabilities" : "unknown", type, len);
		if (len > left) {
			rc__ob_printf(c->ob, "\n\t    Bogus length %u > remaining LS length %u", len,
				      left);
			return SKIP_REST;
		}
		/* tcpdump 4.99 steps over the value unpadded here */
		left -= len;
		RC_NEED(c, t, len);
		if (type == 1) {
			if (len != 4) {
				rc__ob_printf(c->ob, "\n\t    Bogus length %u != 4", len);
				return SKIP_REST;
			}
			char buf[256];
			uint32_t v = rc__be32(t);
			rc__ob_printf(c->ob, "Capabilities: %s",
				      (v & 0x3ff) ? rc__bit_names(buf, sizeof(buf), v, caps,
								  NITEMS(caps))
						  : "Unknown");
		} else if (c->o->vflag <= 1) {
			rc__unknown_data(c, t, "\n\t      ", len);
		}
		t += len;
	}
	return 0;
}

/* ---- one LSA ---- */

/* The body of an opaque LSA, by its opaque type: 0, SKIP_REST or
 * RC_PRINT_TRUNC. */
static int opaque_lsa(rc__pctx *c, const uint8_t *b, uint32_t left)
{
	switch (b[4]) {
	case 4:
		return ri_lsa(c, b + 20, left);
	case 3:
		return rc__ospf_grace_lsa(c, b + 20, left);
	case 1:
		return rc__ospf_te_lsa(c, b + 20, left);
	default:
		if (c->o->vflag <= 1)
			rc__unknown_data(c, b + 20, "\n\t    ", left);
		return 0;
	}
}

/* The body by LS type: 0, SKIP_REST or RC_PRINT_TRUNC. */
static int lsa_body(rc__pctx *c, const uint8_t *b, const uint8_t *end, uint32_t left)
{
	switch (b[3]) {
	case 1:
		return router_lsa(c, b);
	case 2:
		return network_lsa(c, b, end);
	case 3:
	case 4:
		return summary_lsa(c, b, end, b[3] == 3);
	case 5:
	case 7:
		return external_lsa(c, b, end);
	case 6:
		return group_lsa(c, b, end);
	case 9:
	case 10:
	case 11:
		return opaque_lsa(c, b, left);
	default:
		return 0;
	}
}

/* One LSA of an LS Update: its length, or RC_PRINT_TRUNC (tcpdump also
 * unwinds on a bogus length here). */
static int lsa(rc__pctx *c, const uint8_t *b)
{
	int len = lsa_header(c, b);
	if (len == LSA_BOGUS)
		return rc__trunc(c);
	RC_TRY(len);
	uint32_t left = (uint32_t)len - LSA_HDR;
	int r = lsa_body(c, b, b + len, left);
	RC_TRY(r);
	if (r != SKIP_REST && c->o->vflag > 1)
		rc__unknown_data(c, b + 20, "\n\t    ", left);
	return len;
}

/* ---- packet bodies (b is the OSPF header, end the data's end) ---- */

static int hello(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	RC_NEED(c, b + 30, 1);
	put_opts(c, "\n\tOptions [", b[30], "]");
	RC_NEED(c, b + 24, 12);
	rc__ob_printf(c->ob, "\n\t  Hello Timer %us, Dead Timer %us, Mask ", rc__be16(b + 28),
		      rc__be32(b + 32));
	rc__put_ip4(c->ob, b + 24);
	rc__ob_printf(c->ob, ", Priority %u", b[31]);
	RC_TRY(rc__ospf_dr_bdr(c, b + 36));
	const uint8_t *a = b + 44;
	if (a < end)
		rc__ob_puts(c->ob, "\n\t  Neighbor List:");
	for (; a < end; a += 4)
		RC_TRY(rc__ospf_id(c, "\n\t    ", a));
	return 0;
}

static int db_desc(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	static const rc__bitname flags[] = {
		{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x08, "OOBResync"}};
	char buf[64];
	RC_NEED(c, b + 26, 1);
	put_opts(c, "\n\tOptions [", b[26], "]");
	RC_NEED(c, b + 27, 1);
	rc__ob_printf(c->ob, ", DD Flags [%s]",
		      rc__bit_names(buf, sizeof(buf), b[27], flags, NITEMS(flags)));
	RC_NEED(c, b + 24, 2);
	if (rc__be16(b + 24))
		rc__ob_printf(c->ob, ", MTU: %u", rc__be16(b + 24));
	RC_NEED(c, b + 28, 4);
	rc__ob_printf(c->ob, ", Sequence: 0x%08x", rc__be32(b + 28));
	for (const uint8_t *h = b + 32; h < end; h += LSA_HDR) {
		int r = lsa_header(c, h);
		if (r == LSA_BOGUS)
			break;
		RC_TRY(r);
	}
	return 0;
}

static int ls_request(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	for (const uint8_t *r = b + 24; r < end; r += 12) {
		RC_NEED(c, r, 12);
		uint32_t type = rc__be32(r);
		rc__ob_puts(c->ob, "\n\t  Advertising Router: ");
		rc__put_ip4(c->ob, r + 8);
		rc__ob_printf(c->ob, ", %s LSA (%u)", lsa_name(type), type);
		if (type >= 9 && type <= 11)
			rc__ob_printf(c->ob, ", Opaque-Type: %s LSA (%u), Opaque-ID: %u",
				      opaque_name(r[4]), r[4], rc__be24(r + 5));
		else
			rc__ob_puts(c->ob, ", LSA-ID: "), rc__put_ip4(c->ob, r + 4);
	}
	return 0;
}

/* The LS Update walks its count of LSAs, not the packet's length. */
static int ls_update(rc__pctx *c, const uint8_t *b)
{
	RC_NEED(c, b + 24, 4);
	uint32_t n = rc__be32(b + 24);
	rc__ob_printf(c->ob, ", %u LSA%s", n, n == 1 ? "" : "s");
	const uint8_t *l = b + 28;
	for (uint32_t i = 1; i <= n && i != 0; i++) {
		rc__ob_printf(c->ob, "\n\t  LSA #%u", i);
		int len = lsa(c, l);
		RC_TRY(len);
		l += len;
	}
	return 0;
}

/* tcpdump 4.99 walks the headers up to a bogus one or the snapend, past
 * the packet's length. */
static int ls_ack(rc__pctx *c, const uint8_t *b)
{
	for (const uint8_t *h = b + 24;; h += LSA_HDR) {
		int r = lsa_header(c, h);
		if (r < 0)
			return r == LSA_BOGUS ? 0 : r;
	}
}

/* RFC 5613 2: the LLS block after the packet (and after its MD5 digest),
 * printed for Hellos and DDs with the L option. */
static int lls(rc__pctx *c, const uint8_t *b, uint32_t length)
{
	uint8_t type = b[1];
	if (type != 1 && type != 2)
		return 0;
	RC_NEED(c, b + (type == 1 ? 30 : 26), 1);
	if (!(b[type == 1 ? 30 : 26] & OPT_L))
		return 0;
	uint32_t off = rc__be16(b + 2);
	if (rc__be16(b + 14) == AUTH_MD5) {
		RC_NEED(c, b + 19, 1);
		off += b[19];
	}
	if (off >= length) {
		rc__ob_puts(c->ob, "\n\t[LLS truncated]");
		return 0;
	}
	const uint8_t *d = b + off, *end = b + length;
	RC_NEED(c, d, 2);
	rc__ob_printf(c->ob, "\n\t  LLS: checksum: 0x%04x", rc__be16(d));
	RC_NEED(c, d + 2, 2);
	rc__ob_printf(c->ob, ", length: %u", rc__be16(d + 2));
	for (d += 4; d < end;) {
		RC_NEED(c, d, 2);
		unsigned t = rc__be16(d), len;
		rc__ob_printf(c->ob, "\n\t    %s (%u)",
			      t == 1 ? "Extended Options" : t == 2 ? "MD5 Authentication"
								   : "Unknown TLV",
			      t);
		RC_NEED(c, d + 2, 2);
		len = rc__be16(d + 2);
		rc__ob_printf(c->ob, ", length: %u", len);
		d += 4;
		if (t == 1 || t == 2) {
			unsigned want = t == 1 ? 4 : 20;
			if (len != want) {
				rc__ob_printf(c->ob, " [should be %u]", want);
				len = want;
			}
			RC_NEED(c, d, 4);
			uint32_t v = rc__be32(d);
			if (t == 2)
				rc__ob_printf(c->ob, "\n\t      Sequence number: 0x%08x", v);
			else
				rc__ob_printf(c->ob, "\n\t      Options: 0x%08x [%s]", v,
					      (v & 3) == 3 ? "LSDB resync, Restart"
					      : (v & 1)    ? "LSDB resync"
					      : (v & 2)    ? "Restart"
							   : "?");
		}
		if (d >= end || (size_t)(end - d) <= len)
			break;
		d += len;
	}
	return 0;
}

/* -v: the authentication fields; 1 for an unknown type, after which
 * tcpdump prints nothing more. */
static int auth(rc__pctx *c, const uint8_t *b)
{
	static const char *const names[] = {"none", "simple", "MD5"};
	RC_NEED(c, b + 16, 8);
	unsigned type = rc__be16(b + 14);
	rc__ob_printf(c->ob, ", Authentication Type: %s (%u)",
		      name_of(names, NITEMS(names), type, "unknown"), type);
	switch (type) {
	case 0:
		return 0;
	case 1:
		rc__ob_puts(c->ob, "\n\tSimple text password: ");
		return rc__printjnp(c, b + 16, 8);
	case 2:
		rc__ob_printf(c->ob, "\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x",
			      b[18], b[19], rc__be32(b + 20));
		return 0;
	default:
		return 1;
	}
}

static int body(rc__pctx *c, const uint8_t *b, const uint8_t *end)
{
	switch (b[1]) {
	case 1:
		return hello(c, b, end);
	case 2:
		return db_desc(c, b, end);
	case 3:
		return ls_request(c, b, end);
	case 4:
		return ls_update(c, b);
	default:
		return ls_ack(c, b);
	}
}

/* -v: everything after the first line. */
static int verbose(rc__pctx *c, const uint8_t *b, uint32_t length)
{
	RC_NEED(c, b + 2, 2);
	uint32_t plen = rc__be16(b + 2);
	if (length != plen)
		rc__ob_printf(c->ob, " [len %u]", plen);
	const uint8_t *end = b + (length > plen ? plen : length);
	RC_TRY(rc__ospf_router_area(c, b));
	int r = auth(c, b);
	if (r != 0)
		return r < 0 ? r : 0;
	if (b[0] != 2) {
		rc__ob_printf(c->ob, " ospf [version %u]", b[0]);
		return 0;
	}
	RC_TRY(body(c, b, end));
	if (length > plen)
		return lls(c, b, length);
	return 0;
}

int rc__print_ospf(rc__pctx *c, const uint8_t *b, uint32_t length)
{
	c->proto = "ospf2";
	RC_NEED(c, b + 14, 2);
	/* tcpdump drops the MD5 digest from the length and the capture
	 * before anything else (both may then be short or wrap) */
	if (rc__be16(b + 14) == AUTH_MD5) {
		length -= MD5_TRAILER;
		c->end -= MD5_TRAILER; /* 16 bytes were captured: the read above */
	}
	RC_NEED(c, b, 2);
	if (!rc__ospf_first_line(c, b, length, "unknown LS-type %u, length %u") || !c->o->vflag)
		return 0;
	return verbose(c, b, length);
}

/*
 * print_lldp_org.c - LLDP organization specific TLVs (type 127, IEEE
 * 802.1AB clause 8.6) as tcpdump 4.99 print-lldp.c prints them with -v:
 * the OUI, then for IEEE 802.1 (802.1AB annex E, 802.1Qaz/Qbg), IEEE 802.3
 * (802.3 clause 79), ANSI/TIA-1057 (LLDP-MED), IANA (RFC 8520 MUD URL) and
 * DCBX (print_lldp_dcbx.c) a "Subtype" line and its fields.
 *
 *   0 OUI (3 bytes)  3 subtype  4 information
 *
 * Every function gets the whole TLV value (len bytes, all captured) and
 * returns 1 when tcpdump follows with a hex dump of the TLV, as it does for
 * subtypes it does not know; a value too short for its subtype stops the
 * decoding silently, without a dump.
 */
#include "print.h"

#include <inttypes.h>

typedef struct {
	unsigned v;
	const char *s;
} tok;

static const char *tok_name(const tok *t, size_t n, unsigned v, const char *dflt)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].v == v)
			return t[i].s;
	return dflt;
}
#define TOK(t, v, dflt) tok_name((t), sizeof(t) / sizeof((t)[0]), (v), (dflt))

/* tcpdump's bittok2str: the names of the set bits in table order. */
static void bits(rc__pctx *c, const tok *t, size_t n, unsigned v, const char *none)
{
	int any = 0;
	for (size_t i = 0; i < n; i++)
		if (v & t[i].v) {
			rc__ob_printf(c->ob, "%s%s", any ? ", " : "", t[i].s);
			any = 1;
		}
	if (!any)
		rc__ob_puts(c->ob, none);
}
#define BITS(c, t, v, none) bits((c), (t), sizeof(t) / sizeof((t)[0]), (v), (none))

/* The "Subtype" line; then the subtype when its value is long enough to
 * decode (min[s] bytes with the 4-byte head), 0 when it is too short (no
 * dump), -1 when tcpdump does not decode the subtype (a dump follows). */
static int subtype(rc__pctx *c, const tok *t, size_t n, const uint8_t *min, size_t nmin,
		   const uint8_t *p, unsigned len)
{
	unsigned s = p[3];
	rc__ob_printf(c->ob, "\n\t  %s Subtype (%u)", tok_name(t, n, s, "unknown"), s);
	if (s >= nmin || !min[s])
		return -1;
	return len < min[s] ? 0 : (int)s;
}
#define SUBTYPE(c, t, min, p, len) \
	subtype((c), (t), sizeof(t) / sizeof((t)[0]), (min), sizeof(min), (p), (len))

/* ---- IEEE 802.1 ---- */

static void bit_row(rc__pctx *c, const char *title, uint8_t v)
{
	rc__ob_printf(c->ob, "\n\t    %s\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ",
		      title);
	for (int i = 0; i < 8; i++)
		rc__ob_printf(c->ob, "%-2d ", (v >> i) & 1);
}

/* 802.1Qaz D.2.9/D.2.10: the priority, bandwidth and TSA tables. */
static void ets_tables(rc__pctx *c, const uint8_t *p)
{
	rc__ob_puts(c->ob, "\n\t    Priority Assignment Table"
			   "\n\t     Priority : 0   1   2   3   4   5   6   7\n\t     Value    : ");
	for (int i = 0; i < 8; i++)
		rc__ob_printf(c->ob, i < 7 ? "%-3d " : "%-3d", (p[i / 2] >> (i % 2 ? 0 : 4)) & 15);
	rc__ob_puts(c->ob, "\n\t    TC Bandwidth Table\n\t     TC%   : 0   1   2   3   4   5   6   7"
			   "\n\t     Value : ");
	for (int i = 0; i < 8; i++)
		rc__ob_printf(c->ob, i < 7 ? "%-3d " : "%-3d", p[4 + i]);
	rc__ob_puts(c->ob, "\n\t    TSA Assignment Table\n\t     Traffic Class: 0   1   2   3   4   5   6   7"
			   "\n\t     Value        : ");
	for (int i = 0; i < 8; i++)
		rc__ob_printf(c->ob, i < 7 ? "%-3d " : "%-3d", p[12 + i]);
}

static int app_priority(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 5)
		return 0;
	rc__ob_printf(c->ob, "\n\t    RES: %u", p[4]);
	if (len == 5 || (len - 5) % 3)
		return 0;
	rc__ob_puts(c->ob, "\n\t    Application Priority Table");
	for (unsigned i = 5; i < len; i += 3)
		rc__ob_printf(c->ob, "\n\t      Priority: %u, RES: %u, Sel: %u, Protocol ID: %u",
			      p[i] >> 5, (p[i] >> 3) & 3, p[i] & 7, rc__be16(p + i + 1));
	return 0;
}

/* 802.1Qbg D.2.12/D.2.13: EVB and CDCP. */
static void evb(rc__pctx *c, const uint8_t *p)
{
	static const char *const mode[4] = { "Not Supported", "EVB Bridge", "EVB Station",
		"Reserved for future Standardization" };
	rc__ob_printf(c->ob, "\n\t    EVB Bridge Status\n\t      RES: %u, BGID: %u, RRCAP: %u, RRCTR: %u",
		      p[4] >> 3, (p[4] >> 2) & 1, (p[4] >> 1) & 1, p[4] & 1);
	rc__ob_printf(c->ob, "\n\t    EVB Station Status\n\t      RES: %u, SGID: %u, RRREQ: %u,RRSTAT: %u",
		      p[5] >> 4, (p[5] >> 3) & 1, (p[5] >> 2) & 1, p[5] & 3);
	rc__ob_printf(c->ob, "\n\t    R: %u, RTE: %u, EVB Mode: %s [%u]", p[6] >> 5, p[6] & 0x1f,
		      mode[p[7] >> 6], p[7] >> 6);
	rc__ob_printf(c->ob, "\n\t    ROL: %u, RWD: %u, RES: %u, ROL: %u, RKA: %u", (p[7] >> 5) & 1,
		      p[7] & 0x1f, p[8] >> 6, (p[8] >> 5) & 1, p[8] & 0x1f);
}

static void cdcp(rc__pctx *c, const uint8_t *p, unsigned len)
{
	rc__ob_printf(c->ob, "\n\t    Role: %u, RES: %u, Scomp: %u ChnCap: %u", p[4] >> 7,
		      (p[4] >> 4) & 7, (p[4] >> 3) & 1, rc__be16(p + 6) & 0x0fff);
	if ((len - 8) % 3)
		return;
	for (unsigned i = 8; i < len; i += 3)
		rc__ob_printf(c->ob, "\n\t    SCID: %u, SVID: %u", rc__be24(p + i) >> 12,
			      rc__be24(p + i) & 0xfff);
}

/* IEEE 802.1AB-2009 F.3 (802.1 subtype 7, the older 802.3 subtype 3):
 * aggregation status bits and the aggregated port's ifIndex. */
static void link_aggr(rc__pctx *c, const uint8_t *p)
{
	static const tok aggr[] = { { 1, "supported" }, { 2, "enabled" } };
	rc__ob_puts(c->ob, "\n\t    aggregation status [");
	BITS(c, aggr, p[4], "none");
	rc__ob_printf(c->ob, "], aggregation port ID %u", rc__be32(p + 5));
}

/* A length-prefixed name at p[at]: VLAN name, protocol identity. */
static void counted_text(rc__pctx *c, const char *label, const uint8_t *p, unsigned len,
			 unsigned at)
{
	if (len < at + 1u || len < at + 1u + p[at])
		return;
	rc__ob_printf(c->ob, "\n\t    %s: ", label);
	rc__lldp_text(c, p + at + 1, p[at]);
}

static int ieee8021(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok sub[] = { { 1, "Port VLAN Id" }, { 2, "Port and Protocol VLAN ID" },
		{ 3, "VLAN name" }, { 4, "Protocol Identity" }, { 7, "Link aggregation" }, { 8, "Congestion Notification" },
		{ 9, "ETS Configuration" }, { 10, "ETS Recommendation" },
		{ 11, "Priority Flow Control Configuration" }, { 12, "Application Priority" },
		{ 13, "EVB" }, { 14, "CDCP" } };
	static const tok ppvid[] = { { 2, "supported" }, { 4, "enabled" } };
	/* the shortest value each subtype decodes, with its 4-byte head */
	static const uint8_t min_len[15] = { 0, 6, 7, 6, 5, 0, 0, 9, 6, 25, 25, 6, 5, 9, 8 };
	int s = SUBTYPE(c, sub, min_len, p, len);
	if (s <= 0)
		return s < 0;
	switch (s) {
	case 1:
		rc__ob_printf(c->ob, "\n\t    port vlan id (PVID): %u", rc__be16(p + 4));
		break;
	case 2:
		rc__ob_printf(c->ob, "\n\t    port and protocol vlan id (PPVID): %u, flags [",
			      rc__be16(p + 5));
		BITS(c, ppvid, p[4], "none");
		rc__ob_printf(c->ob, "] (0x%02x)", p[4]);
		break;
	case 3:
		rc__ob_printf(c->ob, "\n\t    vlan id (VID): %u", rc__be16(p + 4));
		counted_text(c, "vlan name", p, len, 6);
		break;
	case 4:
		counted_text(c, "protocol identity", p, len, 4);
		break;
	case 7:
		link_aggr(c, p);
		break;
	case 8:
		bit_row(c, "Pre-Priority CNPV Indicator", p[4]);
		bit_row(c, "Pre-Priority Ready Indicator", p[5]);
		break;
	case 9:
		/* tcpdump shows CBS as (byte >> 6) & 2 */
		rc__ob_printf(c->ob, "\n\t    Willing:%u, CBS:%u, RES:%u, Max TCs:%u", p[4] >> 7,
			      (p[4] >> 6) & 2, (p[4] >> 3) & 7, p[4] & 7);
		ets_tables(c, p + 5);
		break;
	case 10:
		rc__ob_printf(c->ob, "\n\t    RES: %u", p[4]);
		ets_tables(c, p + 5);
		break;
	case 11:
		rc__ob_printf(c->ob, "\n\t    Willing: %u, MBC: %u, RES: %u, PFC cap:%u ", p[4] >> 7,
			      (p[4] >> 6) & 1, (p[4] >> 4) & 3, p[4] & 15);
		bit_row(c, "PFC Enable", p[5]);
		break;
	case 12:
		return app_priority(c, p, len);
	case 13:
		evb(c, p);
		break;
	default:
		cdcp(c, p, len);
		break;
	}
	return 0;
}

/* ---- IEEE 802.3 ---- */

static const char *mau_type(unsigned v)
{
	static const char *const names[] = { "Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2",
		"10BASET duplex mode unknown", "10BASEFP", "10BASEFB",
		"10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx",
		"10BASEFL hdx", "10BASEFL fdx", "100BASET4", "100BASETX hdx", "100BASETX fdx",
		"100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx", "1000BASEX hdx",
		"1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx",
		"1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx",
		"1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR",
		"10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW", "10GBASESW" };
	return v < sizeof(names) / sizeof(names[0]) ? names[v] : "unknown";
}

static void macphy(rc__pctx *c, const uint8_t *p)
{
	static const tok autoneg[] = { { 1, "supported" }, { 2, "enabled" } };
	/* RFC 3636 ifMauAutoNegCapAdvertisedBits, as tcpdump lists them */
	static const tok pmd[] = { { 1u << 14, "10BASE-T hdx" }, { 1u << 13, "10BASE-T fdx" },
		{ 1u << 12, "100BASE-T4" }, { 1u << 11, "100BASE-TX hdx" },
		{ 1u << 10, "100BASE-TX fdx" }, { 1u << 9, "100BASE-T2 hdx" },
		{ 1u << 8, "100BASE-T2 fdx" }, { 1u << 7, "Pause for fdx links" },
		{ 1u << 6, "Asym PAUSE for fdx" }, { 1u << 5, "Sym PAUSE for fdx" },
		{ 1u << 4, "Asym and Sym PAUSE for fdx" }, { 1u << 3, "1000BASE-{X LX SX CX} hdx" },
		{ 1u << 2, "1000BASE-{X LX SX CX} fdx" }, { 1u << 1, "1000BASE-T hdx" },
		{ 1u << 0, "1000BASE-T fdx" } };
	rc__ob_puts(c->ob, "\n\t    autonegotiation [");
	BITS(c, autoneg, p[4], "none");
	rc__ob_printf(c->ob, "] (0x%02x)\n\t    PMD autoneg capability [", p[4]);
	BITS(c, pmd, rc__be16(p + 5), "unknown");
	rc__ob_printf(c->ob, "] (0x%04x)\n\t    MAU type %s (0x%04x)", rc__be16(p + 5),
		      mau_type(rc__be16(p + 7)), rc__be16(p + 7));
}

static int ieee8023(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok sub[] = { { 1, "MAC/PHY configuration/status" }, { 2, "Power via MDI" },
		{ 3, "Link aggregation" }, { 4, "Max frame size" } };
	static const tok mdi[] = { { 1, "PSE" }, { 2, "supported" }, { 4, "enabled" },
		{ 8, "can be controlled" } };
	static const tok pairs[] = { { 1, "signal" }, { 2, "spare" } };
	static const tok pclass[] = { { 1, "class0" }, { 2, "class1" }, { 3, "class2" },
		{ 4, "class3" }, { 5, "class4" } };
	static const uint8_t min_len[5] = { 0, 9, 7, 9, 6 };
	int s = SUBTYPE(c, sub, min_len, p, len);
	if (s <= 0)
		return s < 0;
	switch (s) {
	case 1:
		macphy(c, p);
		break;
	case 2:
		rc__ob_puts(c->ob, "\n\t    MDI power support [");
		BITS(c, mdi, p[4], "none");
		rc__ob_printf(c->ob, "], power pair %s, power class %s", TOK(pairs, p[5], "unknown"),
			      TOK(pclass, p[6], "unknown"));
		break;
	case 3:
		link_aggr(c, p);
		break;
	default:
		rc__ob_printf(c->ob, "\n\t    MTU size %u", rc__be16(p + 4));
		break;
	}
	return 0;
}

/* ---- ANSI/TIA-1057 (LLDP-MED) ---- */

static const tok tia_sub[] = { { 1, "LLDP-MED Capabilities" }, { 2, "Network policy" },
	{ 3, "Location identification" }, { 4, "Extended power-via-MDI" },
	{ 5, "Inventory - hardware revision" }, { 6, "Inventory - firmware revision" },
	{ 7, "Inventory - software revision" }, { 8, "Inventory - serial number" },
	{ 9, "Inventory - manufacturer name" }, { 10, "Inventory - model name" },
	{ 11, "Inventory - asset ID" } };

/* 34 bits of latitude or longitude after a 6-bit resolution (annex A). */
static uint64_t latlon(const uint8_t *p)
{
	return ((uint64_t)(p[0] & 3) << 32) | rc__be32(p + 1);
}

static void coordinates(rc__pctx *c, const uint8_t *p)
{
	static const tok alt[] = { { 1, "meters" }, { 2, "floors" } };
	static const tok datum[] = { { 1, "World Geodesic System 1984" },
		{ 2, "North American Datum 1983 (NAVD88)" }, { 3, "North American Datum 1983 (MLLW)" } };
	rc__ob_printf(c->ob, "\n\t    Latitude resolution %u, latitude value %" PRIu64, p[5] >> 2,
		      latlon(p + 5));
	rc__ob_printf(c->ob, "\n\t    Longitude resolution %u, longitude value %" PRIu64, p[10] >> 2,
		      latlon(p + 10));
	rc__ob_printf(c->ob, "\n\t    Altitude type %s (%u)", TOK(alt, p[15] >> 4, "unknown"),
		      p[15] >> 4);
	rc__ob_printf(c->ob, "\n\t    Altitude resolution %u, altitude value 0x%x",
		      (rc__be16(p + 15) >> 6) & 0x3f, rc__be32(p + 16) & 0x3fffffff);
	rc__ob_printf(c->ob, "\n\t    Datum %s (0x%02x)", TOK(datum, p[20], "unknown"), p[20]);
}

/* Civic address LCI (RFC 4776 section 3.3 elements); tcpdump wants one
 * byte more than the LCI length covers. */
static void civic(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok catype[] = {
		{ 1, "national subdivisions (state,canton,region,province,prefecture)" },
		{ 2, "county, parish, gun, district" }, { 3, "city, township, shi" },
		{ 4, "city division, borough, city district, ward chou" },
		{ 5, "neighborhood, block" }, { 6, "street" } };
	static const tok what[] = { { 0, "location of DHCP server" },
		{ 1, "location of the network element believed to be closest to the client" },
		{ 2, "location of the client" } };
	if (len < 6)
		return;
	unsigned left = p[5];
	if (left < 3 || len < 7 + left)
		return;
	rc__ob_printf(c->ob, "\n\t    LCI length %u, LCI what %s (0x%02x), Country-code ", left,
		      TOK(what, p[6], "unknown"), p[6]);
	rc__lldp_text(c, p + 7, 2);
	left -= 3;
	for (const uint8_t *e = p + 9; left > 0;) {
		if (left < 2)
			return;
		unsigned type = e[0], elen = e[1];
		e += 2;
		left -= 2;
		rc__ob_printf(c->ob, "\n\t      CA type '%s' (%u), length %u: ",
			      TOK(catype, type, "unknown"), type, elen);
		if (type == 0 || elen == 0 || left < elen)
			return;
		rc__lldp_text(c, e, elen);
		e += elen;
		left -= elen;
	}
}

static void location(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok format[] = { { 1, "coordinate-based LCI" }, { 2, "civic address LCI" },
		{ 3, "ECS ELIN" } };
	rc__ob_printf(c->ob, "\n\t    Location data format %s (0x%02x)", TOK(format, p[4], "unknown"),
		      p[4]);
	switch (p[4]) {
	case 1:
		if (len >= 21)
			coordinates(c, p);
		break;
	case 2:
		civic(c, p, len);
		break;
	case 3:
		rc__ob_puts(c->ob, "\n\t    ECS ELIN id ");
		rc__lldp_text(c, p + 5, len - 5);
		break;
	default:
		rc__ob_puts(c->ob, "\n\t    Location ID ");
		rc__hex_dump(c->ob, "\n\t      ", p + 5, len - 5, 0);
		break;
	}
}

static void ext_power(rc__pctx *c, const uint8_t *p)
{
	static const tok source[] = { { 1, "PSE - primary power source" },
		{ 2, "local - backup power source" }, { 3, "PSE+local - reserved" } };
	static const tok prio[] = { { 1, "critical" }, { 2, "high" }, { 3, "low" } };
	unsigned power = rc__be16(p + 5);
	/* tcpdump tests p[4] & (0xC0 >> 6), that is bit 0, for the type */
	rc__ob_printf(c->ob, "\n\t    Power type [%s], Power source [%s]",
		      (p[4] & 3) ? "PD device" : "PSE device", TOK(source, (p[4] & 0x30) >> 4, "none"));
	rc__ob_printf(c->ob, "\n\t    Power priority [%s] (0x%02x)", TOK(prio, p[4] & 15, "none"),
		      p[4] & 15);
	if (power < 1024)
		rc__ob_printf(c->ob, ", Power %.1f Watts", (double)((float)power / 10));
	else
		rc__ob_printf(c->ob, ", Power %u (Reserved)", power);
}

static int tia(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok caps[] = { { 1, "LLDP-MED capabilities" }, { 2, "network policy" },
		{ 4, "location identification" }, { 8, "extended power via MDI-PSE" },
		{ 16, "extended power via MDI-PD" }, { 32, "Inventory" } };
	static const tok dev[] = { { 1, "endpoint class 1" }, { 2, "endpoint class 2" },
		{ 3, "endpoint class 3" }, { 4, "network connectivity" } };
	static const tok app[] = { { 1, "voice" }, { 2, "voice signaling" }, { 3, "guest voice" },
		{ 4, "guest voice signaling" }, { 5, "softphone voice" },
		{ 6, "video conferencing" }, { 7, "streaming video" }, { 8, "video signaling" } };
	static const tok policy[] = { { 0x80, "Unknown" }, { 0x40, "Tagged" }, { 0x20, "reserved" } };
	static const tok inventory[] = { { 5, "Hardware revision" }, { 6, "Firmware revision" },
		{ 7, "Software revision" }, { 8, "Serial number" }, { 9, "Manufacturer name" },
		{ 10, "Model name" }, { 11, "Asset ID" } };
	static const uint8_t min_len[12] = { 0, 7, 8, 5, 7, 4, 4, 4, 4, 4, 4, 4 };
	int s = SUBTYPE(c, tia_sub, min_len, p, len);
	if (s <= 0)
		return s < 0;
	switch (s) {
	case 1:
		rc__ob_puts(c->ob, "\n\t    Media capabilities [");
		BITS(c, caps, rc__be16(p + 4), "none");
		rc__ob_printf(c->ob, "] (0x%04x)\n\t    Device type [%s] (0x%02x)", rc__be16(p + 4),
			      TOK(dev, p[6], "unknown"), p[6]);
		break;
	case 2:
		rc__ob_printf(c->ob, "\n\t    Application type [%s] (0x%02x), Flags [",
			      TOK(app, p[4], "none"), p[4]);
		BITS(c, policy, p[5], "none");
		rc__ob_printf(c->ob, "]\n\t    Vlan id %u, L2 priority %u, DSCP value %u",
			      (rc__be16(p + 5) & 0x1ffe) >> 1, (rc__be16(p + 6) & 0x1ff) >> 6,
			      rc__be16(p + 6) & 0x3f);
		break;
	case 3:
		location(c, p, len);
		break;
	case 4:
		ext_power(c, p);
		break;
	default:
		rc__ob_printf(c->ob, "\n\t  %s ", TOK(inventory, s, "unknown"));
		rc__lldp_text(c, p + 4, len - 4);
		break;
	}
	return 0;
}

/* ---- IANA (RFC 8520) ---- */

static int iana(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const tok sub[] = { { 1, "MUD-URL" } };
	static const uint8_t min_len[2] = { 0, 8 };
	if (SUBTYPE(c, sub, min_len, p, len) < 0)
		return 1;
	rc__ob_puts(c->ob, "\n\t  MUD-URL=");
	for (unsigned i = 4; i < len; i++) /* nd_printn: NULs too */
		rc__put_char(c->ob, p[i]);
	return 0;
}

/* tcpdump's oui_values, first match: 0x0080c2 is "Ethernet bridged" */
static const tok oui[] = { { 0x000000, "Ethernet" }, { 0x00000c, "Cisco" },
	{ 0x00005e, "IANA" }, { 0x000081, "Nortel Networks SONMP" },
	{ 0x0000f8, "Cisco bridged" }, { 0x0080c2, "Ethernet bridged" },
	{ 0x00a03e, "ATM Forum" }, { 0x00e02f, "DOCSIS Spanning Tree" },
	{ 0x080007, "Appletalk" }, { 0x009069, "Juniper" }, { 0x080009, "Hewlett-Packard" },
	{ 0x00120f, "IEEE 802.3 Private" }, { 0x0012bb, "ANSI/TIA" }, { 0x001b21, "DCBX" },
	{ 0x002320, "Nicira Networks" }, { 0x5c16c7, "Big Switch Networks" },
	{ 0xb0d2f5, "Vello Systems" }, { 0x002481, "HP" }, { 0x0004ea, "HP-Labs" },
	{ 0x748771, "Infoblox Inc" }, { 0xa42305, "Open Networking Lab" },
	{ 0x00049f, "Freescale" }, { 0x0015ad, "Netronome" }, { 0x001018, "Broadcom" },
	{ 0x00e004, "PMC-Sierra" }, { 0xd0f0db, "Ericsson" } };

const char *rc__oui_name(uint32_t oui_id)
{
	return TOK(oui, oui_id, NULL);
}

int rc__lldp_org(rc__pctx *c, const uint8_t *p, unsigned len)
{
	/* the decoded OUIs and the shortest value each looks into */
	static const struct {
		uint32_t oui;
		unsigned min;
		int (*print)(rc__pctx *, const uint8_t *, unsigned);
	} orgs[] = { { 0x0080c2, 4, ieee8021 }, { 0x00120f, 4, ieee8023 }, { 0x00005e, 8, iana },
		     { 0x0012bb, 4, tia }, { 0x001b21, 4, rc__lldp_dcbx } };
	uint32_t id = rc__be24(p);
	const char *name = rc__oui_name(id);
	rc__ob_printf(c->ob, ": OUI %s (0x%06x)", name ? name : "Unknown", id);
	for (size_t i = 0; i < sizeof(orgs) / sizeof(orgs[0]); i++)
		if (orgs[i].oui == id)
			return len < orgs[i].min ? 0 : orgs[i].print(c, p, len);
	return 1;
}

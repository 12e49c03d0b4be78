/*
 * print_slow.c - IEEE 802.3 Slow Protocols (ethertype 0x8809, annex 57A)
 * as tcpdump 4.99.3 print-slow.c prints them: LACP and Marker (clause 43)
 * and Ethernet OAM (clause 57).
 *
 *   subtype(1)  1 LACP, 2 Marker: version(1) then TLVs
 *               3 OAM: flags(2) code(1) then the code's data
 *
 * Without -v only the subtype (and version) and the length are shown; -v
 * walks the TLVs, -vv adds a hex dump of each TLV where tcpdump has one.
 *
 * Two kinds of stop, as in tcpdump: a length that says the PDU ends before
 * a TLV does prints "packet is too short" and returns; a TLV that is
 * longer than the capture is checked whole before its fields are read
 * (tcpdump's ND_TCHECK_LEN), so a cut there ends in " [|slow]" after the
 * TLV's header line and unwinds.
 */
#include "print.h"

#include <stdio.h>

#define SLOW_LACP 1
#define SLOW_MARKER 2
#define SLOW_OAM 3

#define TLV_HDRLEN 2
/* Value lengths tcpdump requires, header excluded (43.4.2.2, 43.5.3.2). */
#define LACP_ACTOR_PARTNER_LEN 18 /* priority, system, key, port priority, port, state, pad */
#define LACP_COLLECTOR_LEN 14     /* max delay, pad */
#define MARKER_INFO_LEN 14        /* port, system, transaction ID, pad */
/* Whole TLV lengths tcpdump requires, header included (57.5.2.1, 57.5.3). */
#define OAM_INFO_LEN 16
#define OAM_LINK_EVENT_LEN 40

#define OAM_HDRLEN 3 /* flags(2) code(1), after the subtype */

/* tcpdump's "tooshort" label: inline without -v, else on its own line. */
static int too_short(rc__pctx *c)
{
	rc__ob_puts(c->ob, c->o->vflag ? "\n\t\t packet is too short" : " (packet is too short)");
	return 0;
}

static void illegal_length(rc__pctx *c, const char *cmp, unsigned want)
{
	rc__ob_printf(c->ob, "\n\t    ERROR: illegal length - should be %s%u", cmp, want);
}

/*
 * The TLV lists of LACP, Marker and the two OAM codes that have them are
 * walked alike: type(1) length(1, header included) value.  What differs is
 * the header line and what is done with a TLV once it is all captured.
 */
struct tlv_kind {
	unsigned subtype;  /* SLOW_LACP or SLOW_MARKER; 0 for OAM */
	const char *what;  /* OAM: "Information" or "Link Event" */
	const char *(*name)(unsigned subtype, unsigned type);
	void (*line)(rc__pctx *c, const struct tlv_kind *k, unsigned type, unsigned len);
	void (*value)(rc__pctx *c, const struct tlv_kind *k, const uint8_t *tlv, unsigned len);
};

static int tlv_walk(rc__pctx *c, const uint8_t *tp, uint32_t tlen, const struct tlv_kind *k)
{
	while (tlen != 0) {
		if (tlen < TLV_HDRLEN)
			return too_short(c);
		RC_NEED(c, tp, TLV_HDRLEN);
		unsigned type = tp[0], len = tp[1];
		k->line(c, k, type, len);
		/* type 0 ends the list whatever its length: LACP's and Marker's
		 * Terminator (43.4.2.2, 43.5.3.2), OAM's End of TLV marker, whose
		 * length and value may be ignored (57.5.2.3) */
		if (type == 0)
			return 0;
		if (len < TLV_HDRLEN) {
			illegal_length(c, ">= ", TLV_HDRLEN);
			return 0;
		}
		if (tlen < len)
			return too_short(c);
		RC_NEED(c, tp, len);
		k->value(c, k, tp, len);
		tp += len;
		tlen -= len;
	}
	return 0;
}

/* ---- LACP and Marker (clause 43) ---- */

/* tcpdump's slow_tlv_values: the names depend on the subtype; the Marker
 * Response Information TLV (type 2) has none there, so it is "Unknown". */
static const char *lacp_marker_tlv_name(unsigned subtype, unsigned type)
{
	static const char *const lacp[] = { "Terminator", "Actor Information",
					    "Partner Information", "Collector Information" };
	if (type == 0)
		return "Terminator";
	if (subtype == SLOW_LACP && type < 4)
		return lacp[type];
	if (subtype == SLOW_MARKER && type == 1)
		return "Marker Information";
	return "Unknown";
}

static void lacp_marker_line(rc__pctx *c, const struct tlv_kind *k, unsigned type, unsigned len)
{
	rc__ob_printf(c->ob, "\n\t%s TLV (0x%02x), length %u", k->name(k->subtype, type), type, len);
}

/* Actor_State / Partner_State bits (43.4.2.2). */
static void lacp_state_print(rc__pctx *c, uint8_t state)
{
	static const rc__bitname t[] = {
		{ 0x01, "Activity" },     { 0x02, "Timeout" },         { 0x04, "Aggregation" },
		{ 0x08, "Synchronization" }, { 0x10, "Collecting" },   { 0x20, "Distributing" },
		{ 0x40, "Default" },      { 0x80, "Expired" },
	};
	char buf[128];
	rc__ob_printf(c->ob, "\n\t  State Flags [%s]",
		      rc__bit_names(buf, sizeof(buf), state, t, sizeof(t) / sizeof(t[0])));
}

/* Actor and Partner Information (43.4.2.2): priority, system, key, port
 * priority, port, state; tcpdump prints the port before its priority. */
static void lacp_actor_partner_print(rc__pctx *c, const uint8_t *v)
{
	rc__ob_puts(c->ob, "\n\t  System ");
	rc__put_mac(c->ob, v + 2);
	rc__ob_printf(c->ob, ", System Priority %u, Key %u, Port %u, Port Priority %u", rc__be16(v),
		      rc__be16(v + 8), rc__be16(v + 12), rc__be16(v + 10));
	lacp_state_print(c, v[14]);
}

/* Marker Information (43.5.3.2): port, system, transaction ID. */
static void marker_info_print(rc__pctx *c, const uint8_t *v)
{
	rc__ob_puts(c->ob, "\n\t  Request System ");
	rc__put_mac(c->ob, v + 2);
	rc__ob_printf(c->ob, ", Request Port %u, Request Transaction ID 0x%08x", rc__be16(v),
		      rc__be32(v + 8));
}

/* Collector Information (43.4.2.2): the collector's maximum delay. */
static void lacp_collector_print(rc__pctx *c, const uint8_t *v)
{
	rc__ob_printf(c->ob, "\n\t  Max Delay %u", rc__be16(v));
}

/* A LACP or Marker TLV of len bytes, all captured.  Its value is checked
 * against the length tcpdump wants for the type; an unknown type's value
 * is dumped at -v, and every value (badly sized ones too) at -vv. */
static void lacp_marker_value(rc__pctx *c, const struct tlv_kind *k, const uint8_t *tlv,
			      unsigned len)
{
	static const struct {
		unsigned subtype, type, want;
		void (*print)(rc__pctx *, const uint8_t *);
	} decoded[] = {
		{ SLOW_LACP, 1, LACP_ACTOR_PARTNER_LEN, lacp_actor_partner_print },
		{ SLOW_LACP, 2, LACP_ACTOR_PARTNER_LEN, lacp_actor_partner_print },
		{ SLOW_LACP, 3, LACP_COLLECTOR_LEN, lacp_collector_print },
		{ SLOW_MARKER, 1, MARKER_INFO_LEN, marker_info_print },
	};
	const uint8_t *v = tlv + TLV_HDRLEN;
	unsigned vlen = len - TLV_HDRLEN;
	size_t i = 0;
	while (i < sizeof(decoded) / sizeof(decoded[0]) &&
	       (decoded[i].subtype != k->subtype || decoded[i].type != tlv[0]))
		i++;
	if (i == sizeof(decoded) / sizeof(decoded[0])) {
		if (c->o->vflag <= 1)
			rc__unknown_data(c, v, "\n\t  ", vlen);
	} else if (vlen != decoded[i].want) {
		illegal_length(c, "", TLV_HDRLEN + decoded[i].want);
	} else {
		decoded[i].print(c, v);
	}
	if (c->o->vflag > 1)
		rc__unknown_data(c, v, "\n\t  ", vlen);
}

/* ---- OAM (clause 57) ---- */

static const char *oam_code_name(unsigned code, char *buf, size_t n)
{
	static const char *const names[] = { "Information", "Event Notification",
					     "Variable Request", "Variable Response",
					     "Loopback Control" };
	if (code < sizeof(names) / sizeof(names[0]))
		return names[code];
	if (code == 0xfe)
		return "Vendor Private";
	snprintf(buf, n, "Unknown (%u)", code);
	return buf;
}

/* The OAMPDU's common header line (57.4.2): code and flags. */
static void oam_header_print(rc__pctx *c, uint16_t flags, unsigned code)
{
	static const rc__bitname t[] = {
		{ 0x0001, "Link Fault" },       { 0x0002, "Dying Gasp" },
		{ 0x0004, "Critical Event" },   { 0x0008, "Local Evaluating" },
		{ 0x0010, "Local Stable" },     { 0x0020, "Remote Evaluating" },
		{ 0x0040, "Remote Stable" },
	};
	char cbuf[32], fbuf[160];
	rc__ob_printf(c->ob, "\n\tCode %s OAM PDU, Flags [%s]", oam_code_name(code, cbuf, sizeof(cbuf)),
		      rc__bit_names(fbuf, sizeof(fbuf), flags, t, sizeof(t) / sizeof(t[0])));
}

static void oam_line(rc__pctx *c, const struct tlv_kind *k, unsigned type, unsigned len)
{
	rc__ob_printf(c->ob, "\n\t  %s %s Type (%u), length %u", k->name(0, type), k->what, type,
		      len);
}

/* An OAM TLV of len bytes, all captured; print decodes it when it has
 * the length want.  Unlike LACP's, the dump starts at the TLV's header,
 * and tcpdump makes it for whatever it did not decode as well as at -vv. */
static void oam_value(rc__pctx *c, const uint8_t *tlv, unsigned len, unsigned want,
		      void (*print)(rc__pctx *, const uint8_t *))
{
	int dump = 1;
	if (print && len != want) {
		illegal_length(c, "", want);
	} else if (print) {
		print(c, tlv);
		dump = 0;
	}
	if (dump || c->o->vflag > 1)
		rc__unknown_data(c, tlv, "\n\t  ", len);
}

static const char *oam_info_name(unsigned subtype, unsigned type)
{
	static const char *const names[] = { "End of TLV marker", "Local", "Remote" };
	(void)subtype;
	if (type < sizeof(names) / sizeof(names[0]))
		return names[type];
	return type == 0xfe ? "Organization specific" : "Reserved";
}

/* A Local or Remote Information TLV (57.5.2.1, 57.5.2.2) of OAM_INFO_LEN
 * bytes: version, revision, state, configuration, PDU configuration, OUI,
 * vendor specific information. */
static void oam_info_print(rc__pctx *c, const uint8_t *tp)
{
	static const char *const parser[] = { "forwarding", "looping back", "discarding",
					      "reserved" };
	static const rc__bitname config[] = {
		{ 0x01, "Active" },      { 0x02, "Unidirectional" },     { 0x04, "Remote-Loopback" },
		{ 0x08, "Link-Events" }, { 0x10, "Variable-Retrieval" },
	};
	char buf[96];
	uint32_t oui = rc__be24(tp + 9);
	const char *oui_name = rc__oui_name(oui);
	rc__ob_printf(c->ob, "\n\t    OAM-Version %u, Revision %u", tp[2], rc__be16(tp + 3));
	rc__ob_printf(c->ob, "\n\t    State-Parser-Action %s, State-MUX-Action %s", parser[tp[5] & 3],
		      (tp[5] & 4) ? "discarding" : "forwarding");
	/* the PDU configuration's low 11 bits are the maximum OAMPDU size */
	rc__ob_printf(c->ob, "\n\t    OAM-Config Flags [%s], OAM-PDU-Config max-PDU size %u",
		      rc__bit_names(buf, sizeof(buf), tp[6], config,
				    sizeof(config) / sizeof(config[0])),
		      rc__be16(tp + 7) & 0x7ff);
	rc__ob_printf(c->ob, "\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x",
		      oui_name ? oui_name : "Unknown", oui, rc__be32(tp + 12));
}

static void oam_info_value(rc__pctx *c, const struct tlv_kind *k, const uint8_t *tlv,
			   unsigned len)
{
	(void)k;
	oam_value(c, tlv, len, OAM_INFO_LEN, tlv[0] == 1 || tlv[0] == 2 ? oam_info_print : NULL);
}

static const char *oam_link_event_name(unsigned subtype, unsigned type)
{
	static const char *const names[] = { "End of TLV marker", "Errored Symbol Period Event",
					     "Errored Frame Event", "Errored Frame Period Event",
					     "Errored Frame Seconds Summary Event" };
	(void)subtype;
	if (type < sizeof(names) / sizeof(names[0]))
		return names[type];
	return type == 0xfe ? "Organization specific" : "Reserved";
}

static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)rc__be32(p) << 32 | rc__be32(p + 4);
}

/* One of the four link event TLVs (57.5.3.1-57.5.3.4) of
 * OAM_LINK_EVENT_LEN bytes.  tcpdump prints the same fields for all four,
 * though the Errored Frame Seconds Summary TLV lays them out differently
 * (its 16- and 32-bit fields read as parts of 64-bit ones). */
static void oam_link_event_print(rc__pctx *c, const uint8_t *tp)
{
	/* the time stamp counts 100 ms units */
	rc__ob_printf(c->ob, "\n\t    Timestamp %u ms, Errored Window %llu", rc__be16(tp + 2) * 100u,
		      (unsigned long long)be64(tp + 4));
	rc__ob_printf(c->ob, "\n\t    Errored Threshold %llu", (unsigned long long)be64(tp + 12));
	rc__ob_printf(c->ob, "\n\t    Errors %llu", (unsigned long long)be64(tp + 20));
	rc__ob_printf(c->ob, "\n\t    Error Running Total %llu", (unsigned long long)be64(tp + 28));
	rc__ob_printf(c->ob, "\n\t    Event Running Total %u", rc__be32(tp + 36));
}

static void oam_link_event_value(rc__pctx *c, const struct tlv_kind *k, const uint8_t *tlv,
				 unsigned len)
{
	(void)k;
	oam_value(c, tlv, len, OAM_LINK_EVENT_LEN,
		  tlv[0] >= 1 && tlv[0] <= 4 ? oam_link_event_print : NULL);
}

/* An Event Notification OAMPDU (57.4.3.2): sequence number, then TLVs. */
static int oam_event_print(rc__pctx *c, const uint8_t *tp, uint32_t tlen)
{
	static const struct tlv_kind events = { 0, "Link Event", oam_link_event_name, oam_line,
						oam_link_event_value };
	if (tlen < 2)
		return too_short(c);
	RC_NEED(c, tp, 2);
	rc__ob_printf(c->ob, "\n\t  Sequence Number %u", rc__be16(tp));
	return tlv_walk(c, tp + 2, tlen - 2, &events);
}

/* A Loopback Control OAMPDU (57.4.3.5): one command byte. */
static int oam_loopback_print(rc__pctx *c, const uint8_t *tp, uint32_t tlen)
{
	if (tlen < 1)
		return too_short(c);
	RC_NEED(c, tp, 1);
	const char *name = tp[0] == 1 ? "Enable OAM Remote Loopback"
			   : tp[0] == 2 ? "Disable OAM Remote Loopback"
					: "Unknown";
	rc__ob_printf(c->ob, "\n\t  Command %s (%u)", name, tp[0]);
	return 0;
}

/* An OAMPDU after its subtype: tlen bytes by the frame length. */
static int oam_print(rc__pctx *c, const uint8_t *tp, uint32_t tlen)
{
	static const struct tlv_kind info = { 0, "Information", oam_info_name, oam_line,
					      oam_info_value };
	if (tlen < OAM_HDRLEN)
		return too_short(c);
	RC_NEED(c, tp, OAM_HDRLEN);
	unsigned code = tp[2];
	oam_header_print(c, rc__be16(tp), code);
	tp += OAM_HDRLEN;
	tlen -= OAM_HDRLEN;
	switch (code) {
	case 0:
		return tlv_walk(c, tp, tlen, &info);
	case 1:
		return oam_event_print(c, tp, tlen);
	case 4:
		return oam_loopback_print(c, tp, tlen);
	default:
		/* tcpdump decodes neither variable requests and responses nor
		 * vendor codes: their data as hex, but not at -vv */
		if (c->o->vflag <= 1)
			rc__unknown_data(c, tp, "\n\t  ", tlen);
		return 0;
	}
}

/* ---- the subtype ---- */

int rc__print_slow(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const names[] = { NULL, "LACP", "MARKER" };
	c->proto = "slow";
	if (length < 1)
		return too_short(c);
	RC_NEED(c, p, 1);
	uint8_t subtype = p[0];
	if (subtype == SLOW_LACP || subtype == SLOW_MARKER) {
		if (length < 2)
			return too_short(c);
		RC_NEED(c, p + 1, 1);
		if (p[1] != 1) {
			rc__ob_printf(c->ob, "%s version %u packet not supported", names[subtype], p[1]);
			return 0;
		}
		rc__ob_printf(c->ob, "%sv%u, length %u", names[subtype], p[1], length);
		if (!c->o->vflag)
			return 0;
		const struct tlv_kind k = { subtype, NULL, lacp_marker_tlv_name, lacp_marker_line,
					    lacp_marker_value };
		return tlv_walk(c, p + 2, length - 2, &k);
	}
	if (subtype == SLOW_OAM) {
		rc__ob_printf(c->ob, "OAM, length %u", length);
		if (!c->o->vflag)
			return 0;
		return oam_print(c, p + 1, length - 1);
	}
	rc__ob_printf(c->ob, "unknown (%u), length %u", subtype, length);
	return rc__unknown_data(c, p, "\n\t", length);
}

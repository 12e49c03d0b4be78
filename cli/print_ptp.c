/*
 * print_ptp.c - IEEE 1588 Precision Time Protocol (ethertype 0x88f7, UDP
 * ports 319 and 320) as tcpdump 4.99.3 print-ptp.c prints it, whatever -v.
 *
 * Common header (IEEE 1588-2008 13.3), 34 bytes:
 *   0 transportSpecific(4) messageType(4)   1 versionPTP
 *   2 messageLength(2)  4 domainNumber  5 reserved  6 flagField(2)
 *   8 correctionField(8: 48-bit ns, 16-bit sub-ns)  16 reserved(4)
 *   20 sourcePortIdentity(clock identity 8, port number 2)
 *   30 sequenceId(2)  32 controlField  33 logMessageInterval
 * then the message body (13.5-13.12).  Version 1 is not decoded.
 *
 * Each field is read through the snapend (tcpdump's GET_ macros), so a cut
 * message ends in " [|ptp]" after the last field it holds.
 */
#include "print.h"

#include <inttypes.h>

#define PTP_HDRLEN 34

static uint64_t be48(const uint8_t *p)
{
	return (uint64_t)rc__be16(p) << 32 | rc__be32(p + 2);
}

static const char *msg_type_name(unsigned t)
{
	static const char *const names[16] = {
		[0x0] = "sync msg",        [0x1] = "delay req msg",
		[0x2] = "peer delay req msg", [0x3] = "peer delay resp msg",
		[0x8] = "follow up msg",   [0x9] = "delay resp msg",
		[0xa] = "pdelay resp fup msg", [0xb] = "announce msg",
		[0xc] = "signalling msg",  [0xd] = "management msg",
	};
	return names[t & 0x0f] ? names[t & 0x0f] : "Reserved";
}

/* controlField (13.3.2.10), kept for version 1 hardware. */
static const char *control_name(unsigned v)
{
	static const char *const names[] = { "Sync",       "Delay_Req",  "Follow_Up",
					     "Delay_Resp", "Management", "Other" };
	return v < sizeof(names) / sizeof(names[0]) ? names[v] : "Reserved";
}

/* flagField (13.3.2.6) as tcpdump's table names it; its "unknown" entry
 * covers several bits and, as tcpdump's bittok2str, shows only when all
 * of them are set. */
static void flags_print(rc__pctx *c, unsigned flags)
{
	static const struct {
		unsigned mask;
		const char *name;
	} t[] = {
		{ 0x0001, "l1 61" },          { 0x0002, "l1 59" },
		{ 0x0004, "utc reasonable" }, { 0x0008, "timescale" },
		{ 0x0010, "time tracable" },  { 0x0020, "frequency tracable" },
		{ 0x0100, "alternate master" }, { 0x0200, "two step" },
		{ 0x0400, "unicast" },        { 0x1000, "profile specific 1" },
		{ 0x2000, "profile specific 2" }, { 0x4000, "security mask" },
		{ 0x18c0, "unknown" },
	};
	const char *sep = "";
	rc__ob_puts(c->ob, ", Flags [");
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if ((flags & t[i].mask) == t[i].mask) {
			rc__ob_printf(c->ob, "%s%s", sep, t[i].name);
			sep = ", ";
		}
	}
	rc__ob_printf(c->ob, "%s]", *sep ? "" : "none");
}

/* A field of len bytes at off, big-endian, printed with fmt (which takes
 * a uint64_t) once it is read through the snapend. */
struct ptp_field {
	unsigned char off, len;
	const char *fmt;
};

static int fields_print(rc__pctx *c, const uint8_t *bp, const struct ptp_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = bp + f[i].off;
		RC_NEED(c, p, f[i].len);
		uint64_t v = 0;
		for (unsigned k = 0; k < f[i].len; k++)
			v = v << 8 | p[k];
		rc__ob_printf(c->ob, f[i].fmt, v);
	}
	return 0;
}

/* The header after its first two bytes; bp is the message. */
static int header_print(rc__pctx *c, const uint8_t *bp)
{
	static const struct ptp_field length = { 2, 2, ", length : %" PRIu64 };
	static const struct ptp_field f[] = {
		{ 8, 6, ", NS correction : %" PRIu64 },  { 14, 2, ", sub NS correction : %" PRIu64 },
		{ 16, 4, ", reserved2 : %" PRIu64 },     { 20, 8, ", clock identity : 0x%" PRIx64 },
		{ 28, 2, ", port id : %" PRIu64 },       { 30, 2, ", seq id : %" PRIu64 },
	};
	rc__ob_printf(c->ob, ", v1 compat : %s, msg type : %s", (bp[0] & 0x10) ? "yes" : "no",
		      msg_type_name(bp[0]));
	RC_TRY(fields_print(c, bp, &length, 1));
	/* tcpdump reads domain and reserved1 as one 16-bit word */
	RC_NEED(c, bp + 4, 2);
	rc__ob_printf(c->ob, ", domain : %u, reserved1 : %u", bp[4], bp[5]);
	RC_NEED(c, bp + 6, 2);
	flags_print(c, rc__be16(bp + 6));
	RC_TRY(fields_print(c, bp, f, sizeof(f) / sizeof(f[0])));
	RC_NEED(c, bp + 32, 1);
	rc__ob_printf(c->ob, ", control : %u (%s)", bp[32], control_name(bp[32]));
	/* and the interval as the low byte of control + interval */
	RC_NEED(c, bp + 32, 2);
	rc__ob_printf(c->ob, ", log message interval : %u", bp[33]);
	return 0;
}

/* A Timestamp (5.3.3): 48-bit seconds, 32-bit nanoseconds; the announce
 * message's form has no comma between them. */
static int timestamp_print(rc__pctx *c, const uint8_t *bp, const char *name, const char *sep)
{
	rc__ob_printf(c->ob, ", %s :", name);
	RC_NEED(c, bp, 6);
	rc__ob_printf(c->ob, " %" PRIu64 " seconds%s", be48(bp), sep);
	RC_NEED(c, bp + 6, 4);
	rc__ob_printf(c->ob, " %u nanoseconds", rc__be32(bp + 6));
	return 0;
}

/* A PortIdentity (5.3.5): clock identity and port number. */
static int port_identity_print(rc__pctx *c, const uint8_t *bp)
{
	static const struct ptp_field f[] = { { 0, 8, ", port identity : 0x%" PRIx64 },
					      { 8, 2, ", port id : %" PRIu64 } };
	return fields_print(c, bp, f, 2);
}

/* Announce (13.5): origin timestamp, then the grandmaster's data set. */
static int announce_print(rc__pctx *c, const uint8_t *bp)
{
	static const struct ptp_field f[] = {
		{ 10, 2, ", origin cur utc :%" PRIu64 },    { 12, 1, ", rsvd : %" PRIu64 },
		{ 13, 1, ", gm priority_1 : %" PRIu64 },    { 14, 1, ", gm clock class : %" PRIu64 },
		{ 15, 1, ", gm clock accuracy : %" PRIu64 }, { 16, 2, ", gm clock variance : %" PRIu64 },
		{ 18, 1, ", gm priority_2 : %" PRIu64 },    { 19, 8, ", gm clock id : 0x%" PRIx64 },
		{ 27, 2, ", steps removed : %" PRIu64 },    { 29, 1, ", time source : 0x%" PRIx64 },
	};
	RC_TRY(timestamp_print(c, bp, "originTimeStamp", ""));
	return fields_print(c, bp, f, sizeof(f) / sizeof(f[0]));
}

/* Management (15.4.1): target port identity, then tcpdump shows the body's
 * first byte four times, under the names of the four bytes that follow the
 * port identity, each with a doubled ", ". */
static int management_print(rc__pctx *c, const uint8_t *bp)
{
	RC_TRY(port_identity_print(c, bp));
	rc__ob_printf(c->ob, ", , start boundary hops  %u, , boundary hops  %u", bp[0], bp[0]);
	rc__ob_printf(c->ob, ", , flags  0x%x, , reserved  0x%x", bp[0], bp[0]);
	return 0;
}

static int body_print(rc__pctx *c, unsigned type, const uint8_t *bp)
{
	switch (type) {
	case 0x0:
	case 0x1:
		return timestamp_print(c, bp, "originTimeStamp", ",");
	case 0x8:
		return timestamp_print(c, bp, "preciseOriginTimeStamp", ",");
	case 0x2:
	case 0xa:
		RC_TRY(timestamp_print(c, bp, "preciseOriginTimeStamp", ","));
		return port_identity_print(c, bp + 10);
	case 0x3:
	case 0x9:
		RC_TRY(timestamp_print(c, bp, "receiveTimeStamp", ","));
		return port_identity_print(c, bp + 10);
	case 0xb:
		return announce_print(c, bp);
	case 0xc:
		return port_identity_print(c, bp);
	case 0xd:
		return management_print(c, bp);
	default:
		return 0;
	}
}

int rc__print_ptp(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "ptp";
	if (length < PTP_HDRLEN) {
		rc__ob_printf(c->ob, " [length %u < %u] (invalid)", length, PTP_HDRLEN);
		return 0;
	}
	RC_NEED(c, bp, 2);
	unsigned version = bp[1];
	rc__ob_printf(c->ob, "PTPv%u", version);
	if (version == 1) {
		rc__ob_puts(c->ob, " (not implemented)");
		return 0;
	}
	if (version != 2)
		return 0;
	RC_TRY(header_print(c, bp));
	return body_print(c, bp[0] & 0x0f, bp + PTP_HDRLEN);
}

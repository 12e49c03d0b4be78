/*
 * print_snmp.c - SNMP (UDP 161 and 162) as tcpdump 4.99 print-snmp.c prints
 * it when built without libsmi: v1 and v2c messages (RFC 1157, RFC 3416),
 * v3 messages with the user-based security model (RFC 3412, RFC 3414),
 * every PDU and its variable bindings, OIDs as numbers.  -v adds request
 * ids, braces around the parts and the v3 engine boots and time.
 *
 * tcpdump checks each element against what the message's grammar wants
 * there and, on a mismatch, prints "[what]" with the element and gives up
 * on the part it was reading; the parts around it go on (a closing "} "
 * still follows).  Each step here returns 0 after such a stop and
 * RC_PRINT_TRUNC only where tcpdump would unwind the whole packet.
 */
#include <string.h>

#include "print_asn1.h"

/* Context tags of the PDUs (RFC 3416 section 3, RFC 1157 4.1.6). */
enum { GETREQ, GETNEXTREQ, GETRESP, SETREQ, TRAP, GETBULKREQ, INFORMREQ, V2TRAP, REPORT };
enum { SNMP_V1 = 0, SNMP_V2C = 1, SNMP_V3 = 3 };

/* The bytes still to read in the current constructed element. */
typedef struct {
	const uint8_t *p;
	uint32_t len;
} snmp_cur;

/* A stop inside a step (RC_ASN1_BAD) ends only that step. */
#define STOP_IF_BAD(r)                                                  \
	do {                                                            \
		if ((r) < 0)                                            \
			return (r) == RC_PRINT_TRUNC ? RC_PRINT_TRUNC : 0; \
	} while (0)

/* Read the element at k of type want and step over it; another type
 * prints "[what]" and the element, as tcpdump does.  Its length, or < 0. */
static int next(rc__pctx *c, snmp_cur *k, rc__be *e, enum rc__be_type want, const char *what)
{
	int n = rc__asn1_parse(c, k->p, k->len, e);
	if (n < 0)
		return n;
	if (e->type != want) {
		rc__ob_printf(c->ob, "[%s]", what);
		rc__asn1_print(c, e);
		return RC_ASN1_BAD;
	}
	k->p += n;
	k->len -= (uint32_t)n;
	return n;
}

/* next(), giving up on the current step when it fails. */
#define NEXT(c, k, e, want, what)                             \
	do {                                                  \
		int r_ = next((c), (k), (e), (want), (what)); \
		STOP_IF_BAD(r_);                              \
	} while (0)

static snmp_cur contents(const rc__be *e)
{
	return (snmp_cur){e->data, e->asnlen};
}

static int is_read_request(unsigned pdu)
{
	return pdu == GETREQ || pdu == GETNEXTREQ || pdu == GETBULKREQ;
}

/* PDUs whose error-status and error-index must be 0 (all but responses
 * and GetBulk, where they are non-repeaters and max-repetitions). */
static int wants_zero_errors(unsigned pdu)
{
	return pdu == GETREQ || pdu == GETNEXTREQ || pdu == SETREQ || pdu == INFORMREQ ||
	       pdu == V2TRAP || pdu == REPORT;
}

static void put_error_status(rc__pctx *c, int32_t e)
{
	static const char *const names[] = {
		"noError",     "tooBig",        "noSuchName",        "badValue",
		"readOnly",    "genErr",        "noAccess",          "wrongType",
		"wrongLength", "wrongEncoding", "wrongValue",        "noCreation",
		"inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
		"authorizationError", "notWritable", "inconsistentName",
	};
	if (e >= 0 && (size_t)e < sizeof(names) / sizeof(names[0]))
		rc__ob_puts(c->ob, names[e]);
	else
		rc__ob_printf(c->ob, "err=%u", (unsigned)e);
}

/* One name=value pair; requests carry NULL values and print no "=".
 * 0, or < 0 when tcpdump stops the whole list. */
static int varbind_print(rc__pctx *c, unsigned pdu, snmp_cur vb)
{
	rc__be e;
	int r = next(c, &vb, &e, RC_BE_OID, "objName!=OID");
	if (r < 0)
		return r;
	rc__asn1_print(c, &e);
	if (!is_read_request(pdu))
		rc__ob_putc(c->ob, '=');
	r = rc__asn1_parse(c, vb.p, vb.len, &e);
	if (r < 0)
		return r;
	if (e.type != RC_BE_NULL) {
		if (is_read_request(pdu))
			rc__ob_puts(c->ob, "[objVal!=NULL]");
		rc__asn1_print(c, &e);
	}
	return 0;
}

static int varbinds_print(rc__pctx *c, unsigned pdu, snmp_cur k)
{
	rc__be e;
	NEXT(c, &k, &e, RC_BE_SEQ, "!SEQ of varbind");
	if (k.len)
		rc__ob_printf(c->ob, "[%d extra after SEQ of varbind]", (int)k.len);
	snmp_cur list = contents(&e);
	while (list.len) {
		rc__ob_putc(c->ob, ' ');
		NEXT(c, &list, &e, RC_BE_SEQ, "!varbind");
		int r = varbind_print(c, pdu, contents(&e));
		STOP_IF_BAD(r);
	}
	return 0;
}

/* request-id, error-status, error-index, variable-bindings (RFC 3416 3). */
static int snmppdu_print(rc__pctx *c, unsigned pdu, snmp_cur k)
{
	rc__be e;
	NEXT(c, &k, &e, RC_BE_INT, "reqId!=INT");
	if (c->o->vflag)
		rc__ob_printf(c->ob, "R=%d ", e.integer);

	NEXT(c, &k, &e, RC_BE_INT, "errorStatus!=INT");
	int32_t status = 0;
	if (wants_zero_errors(pdu) && e.integer != 0) {
		rc__ob_puts(c->ob, "[errorStatus(");
		put_error_status(c, e.integer);
		rc__ob_puts(c->ob, ")!=0]");
	} else if (pdu == GETBULKREQ) {
		rc__ob_printf(c->ob, " N=%d", e.integer);
	} else if (e.integer != 0) {
		rc__ob_putc(c->ob, ' ');
		put_error_status(c, e.integer);
		status = e.integer;
	}

	NEXT(c, &k, &e, RC_BE_INT, "errorIndex!=INT");
	if (wants_zero_errors(pdu) && e.integer != 0)
		rc__ob_printf(c->ob, "[errorIndex(%d)!=0]", e.integer);
	else if (pdu == GETBULKREQ)
		rc__ob_printf(c->ob, " M=%d", e.integer);
	else if (e.integer != 0 && !status)
		rc__ob_printf(c->ob, "[errorIndex(%d) w/o errorStatus]", e.integer);
	else if (e.integer != 0)
		rc__ob_printf(c->ob, "@%d", e.integer);
	else if (status)
		rc__ob_puts(c->ob, "[errorIndex==0]");
	return varbinds_print(c, pdu, k);
}

static void put_generic_trap(rc__pctx *c, int32_t t)
{
	static const char *const names[] = {
		"coldStart", "warmStart", "linkDown", "linkUp",
		"authenticationFailure", "egpNeighborLoss", "enterpriseSpecific",
	};
	if (t >= 0 && (size_t)t < sizeof(names) / sizeof(names[0]))
		rc__ob_printf(c->ob, " %s", names[t]);
	else
		rc__ob_printf(c->ob, " gt=%d", t);
}

/* The SNMPv1 Trap-PDU (RFC 1157 section 4.1.6): enterprise, agent-addr,
 * generic-trap, specific-trap (only enterpriseSpecific's is shown),
 * time-stamp, variable-bindings. */
static int trappdu_print(rc__pctx *c, snmp_cur k)
{
	rc__be e;
	rc__ob_putc(c->ob, ' ');
	NEXT(c, &k, &e, RC_BE_OID, "enterprise!=OID");
	rc__asn1_print(c, &e);
	rc__ob_putc(c->ob, ' ');
	NEXT(c, &k, &e, RC_BE_INETADDR, "agent-addr!=INETADDR");
	rc__asn1_print(c, &e);
	NEXT(c, &k, &e, RC_BE_INT, "generic-trap!=INT");
	int32_t generic = e.integer;
	put_generic_trap(c, generic);
	NEXT(c, &k, &e, RC_BE_INT, "specific-trap!=INT");
	if (generic == 6)
		rc__ob_printf(c->ob, " s=%d", e.integer);
	else if (e.integer != 0)
		rc__ob_printf(c->ob, "[specific-trap(%d)!=0]", e.integer);
	rc__ob_putc(c->ob, ' ');
	/* tcpdump takes any unsigned application type here */
	NEXT(c, &k, &e, RC_BE_UNS, "time-stamp!=TIMETICKS");
	rc__asn1_print(c, &e);
	return varbinds_print(c, TRAP, k);
}

/* The PDU: "Name(length)", then its fields; a PDU of the other version's
 * kind is named and not read (RFC 3584 section 2). */
static int pdu_print(rc__pctx *c, snmp_cur k, int version)
{
	rc__be pdu;
	int r = rc__asn1_parse(c, k.p, k.len, &pdu);
	STOP_IF_BAD(r);
	if (pdu.type != RC_BE_PDU) {
		rc__ob_puts(c->ob, "[no PDU]");
		return 0;
	}
	if ((uint32_t)r < k.len)
		rc__ob_printf(c->ob, "[%d extra after PDU]", (int)(k.len - (uint32_t)r));
	if (c->o->vflag)
		rc__ob_puts(c->ob, "{ ");
	rc__asn1_print(c, &pdu);
	rc__ob_putc(c->ob, ' ');
	if (version == SNMP_V1 && (pdu.id == GETBULKREQ || pdu.id == INFORMREQ ||
				   pdu.id == V2TRAP || pdu.id == REPORT)) {
		rc__ob_puts(c->ob, "[v2 PDU in v1 message]");
		return 0;
	}
	if (version == SNMP_V2C && pdu.id == TRAP) {
		rc__ob_puts(c->ob, "[v1 PDU in v2 message]");
		return 0;
	}
	if (pdu.id == TRAP)
		RC_TRY(trappdu_print(c, contents(&pdu)));
	else
		RC_TRY(snmppdu_print(c, pdu.id, contents(&pdu)));
	if (c->o->vflag)
		rc__ob_puts(c->ob, " } ");
	return 0;
}

/* v1/v2c: the community, shown unless it is "public". */
static int community_print(rc__pctx *c, snmp_cur k, int version)
{
	rc__be e;
	NEXT(c, &k, &e, RC_BE_STR, "comm!=STR");
	if (!(e.asnlen == 6 && memcmp(e.data, "public", 6) == 0)) {
		rc__ob_puts(c->ob, "C=");
		rc__asn1_print_string(c, &e);
		rc__ob_putc(c->ob, ' ');
	}
	return pdu_print(c, k, version);
}

/* The v3 header's and USM's "extra" checks: tcpdump compares the size of
 * the sequence's last element, not the sequence's, with what follows it. */
static void put_extra_after_last(rc__pctx *c, int last, uint32_t left, const char *what)
{
	if ((uint32_t)last < left)
		rc__ob_printf(c->ob, "[%d extra after %s]", (int)(left - (uint32_t)last), what);
}

/* UsmSecurityParameters (RFC 3414 section 2.4): the user, and with -v the
 * engine's boots and time. */
static int usm_print(rc__pctx *c, snmp_cur k)
{
	rc__be e;
	NEXT(c, &k, &e, RC_BE_SEQ, "!usm");
	k = contents(&e);
	NEXT(c, &k, &e, RC_BE_STR, "msgAuthoritativeEngineID!=STR");
	NEXT(c, &k, &e, RC_BE_INT, "msgAuthoritativeEngineBoots!=INT");
	if (c->o->vflag)
		rc__ob_printf(c->ob, "B=%d ", e.integer);
	NEXT(c, &k, &e, RC_BE_INT, "msgAuthoritativeEngineTime!=INT");
	if (c->o->vflag)
		rc__ob_printf(c->ob, "T=%d ", e.integer);
	NEXT(c, &k, &e, RC_BE_STR, "msgUserName!=STR");
	rc__ob_puts(c->ob, "U=");
	rc__asn1_print_string(c, &e);
	rc__ob_putc(c->ob, ' ');
	NEXT(c, &k, &e, RC_BE_STR, "msgAuthenticationParameters!=STR");
	int r = next(c, &k, &e, RC_BE_STR, "msgPrivacyParameters!=STR");
	STOP_IF_BAD(r);
	put_extra_after_last(c, r, k.len, "usm SEQ");
	return 0;
}

/* ScopedPDU (RFC 3412 section 6): context engine id, context name, PDU. */
static int scopedpdu_print(rc__pctx *c, snmp_cur k)
{
	rc__be e;
	NEXT(c, &k, &e, RC_BE_SEQ, "!scoped PDU");
	k = contents(&e);
	NEXT(c, &k, &e, RC_BE_STR, "contextEngineID!=STR");
	rc__ob_puts(c->ob, "E=");
	rc__asn1_print_octets(c, &e);
	rc__ob_putc(c->ob, ' ');
	NEXT(c, &k, &e, RC_BE_STR, "contextName!=STR");
	rc__ob_puts(c->ob, "C=");
	rc__asn1_print_string(c, &e);
	rc__ob_putc(c->ob, ' ');
	return pdu_print(c, k, SNMP_V3);
}

/* msgFlags (RFC 3412 6.4): one byte of auth, priv and reportable bits;
 * tcpdump takes only the combinations the RFC allows (no priv without
 * auth).  0 when it stops here. */
static int msg_flags(rc__pctx *c, const rc__be *e)
{
	if (e->asnlen != 1) {
		rc__ob_printf(c->ob, "[msgFlags size %d]", (int)e->asnlen);
		return 0;
	}
	uint8_t f = e->data[0];
	if (f != 0x00 && f != 0x01 && f != 0x03 && f != 0x04 && f != 0x05 && f != 0x07) {
		rc__ob_printf(c->ob, "[msgFlags=0x%02X]", f);
		return 0;
	}
	rc__ob_printf(c->ob, "F=%s%s%s ", (f & 1) ? "a" : "", (f & 2) ? "p" : "",
		      (f & 4) ? "r" : "");
	return 1;
}

/* msgGlobalData (RFC 3412 section 6): msgID, msgMaxSize, msgFlags and
 * msgSecurityModel.  Leaves *k after it and the model in *model; 1 to go
 * on, 0 to stop. */
static int v3_header(rc__pctx *c, snmp_cur *k, int32_t *model)
{
	rc__be e;
	NEXT(c, k, &e, RC_BE_SEQ, "!message");
	snmp_cur h = contents(&e);
	if (c->o->vflag)
		rc__ob_puts(c->ob, "{ ");
	NEXT(c, &h, &e, RC_BE_INT, "msgID!=INT");
	NEXT(c, &h, &e, RC_BE_INT, "msgMaxSize!=INT");
	NEXT(c, &h, &e, RC_BE_STR, "msgFlags!=STR");
	if (!msg_flags(c, &e))
		return 0;
	int r = next(c, &h, &e, RC_BE_INT, "msgSecurityModel!=INT");
	STOP_IF_BAD(r);
	*model = e.integer;
	put_extra_after_last(c, r, h.len, "message SEQ");
	if (c->o->vflag)
		rc__ob_puts(c->ob, "} ");
	/* tcpdump reads on from the end of the header's last element, which
	 * is inside the header when that has bytes to spare */
	k->len += (uint32_t)(k->p - h.p);
	k->p = h.p;
	return 1;
}

/* SNMPv3Message (RFC 3412 section 6): header, USM parameters (the only
 * security model tcpdump reads), scoped PDU. */
static int v3msg_print(rc__pctx *c, snmp_cur k)
{
	int32_t model = 0;
	int r = v3_header(c, &k, &model);
	if (r <= 0)
		return r;
	if (model != 3) {
		rc__ob_printf(c->ob, "[security model %d]", model);
		return 0;
	}
	if (c->o->vflag)
		rc__ob_puts(c->ob, "{ USM ");
	rc__be e;
	NEXT(c, &k, &e, RC_BE_STR, "msgSecurityParameters!=STR");
	RC_TRY(usm_print(c, contents(&e)));
	if (c->o->vflag)
		rc__ob_puts(c->ob, "} { ScopedPDU ");
	RC_TRY(scopedpdu_print(c, k));
	if (c->o->vflag)
		rc__ob_puts(c->ob, "} ");
	return 0;
}

/* Message = SEQUENCE { version, community or v3 parts }. */
static int message_print(rc__pctx *c, snmp_cur k)
{
	static const char *const names[] = {"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"};
	rc__be e;
	NEXT(c, &k, &e, RC_BE_SEQ, "!init SEQ");
	if (k.len)
		rc__ob_printf(c->ob, "[%d extra after iSEQ]", (int)k.len);
	k = contents(&e);
	NEXT(c, &k, &e, RC_BE_INT, "version!=INT");
	int32_t version = e.integer;
	if (version != SNMP_V1 && version != SNMP_V2C && version != SNMP_V3) {
		rc__ob_printf(c->ob, "SNMP [version = %d]", version);
		return 0;
	}
	if (c->o->vflag)
		rc__ob_printf(c->ob, "{ %s ", names[version]);
	if (version == SNMP_V3)
		RC_TRY(v3msg_print(c, k));
	else
		RC_TRY(community_print(c, k, version));
	if (c->o->vflag)
		rc__ob_puts(c->ob, "} ");
	return 0;
}

int rc__print_snmp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "snmp";
	rc__ob_putc(c->ob, ' ');
	return message_print(c, (snmp_cur){p, length});
}

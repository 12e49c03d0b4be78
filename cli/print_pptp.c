/*
 * print_pptp.c - PPTP control messages (RFC 2637) on TCP 1723, as tcpdump
 * 4.99 print-pptp.c prints them: ": pptp", with -v the length and message
 * type, the magic cookie (also without -v when it is wrong), the control
 * message type and then every field of the message by name.
 *
 *   0        2          4              8               10         12
 *   | length | msg type | magic cookie | ctrl msg type | reserved | fields
 *
 * tcpdump reads every field through the capture's end, not the segment's
 * length, so a short message ends in " [|pptp]" at the first field past it.
 * Each message is described here as its list of fields, in wire order.
 */
#include "print.h"

enum kind {
	U16, U32, HEX32,     /* " NAME(value)" */
	RSV8, RSV16,         /* printed only when not zero */
	VER,                 /* version.revision */
	FRAME_CAP, BEARER_CAP, BEARER_TYPE, FRAME_TYPE,
	RESULT, ERR, REASON, /* codes, named with -v */
	STR,                 /* up to size bytes or a NUL */
	STR_LEN,             /* the same, at most the earlier length field's value */
};

struct field {
	const char *name;
	uint8_t kind, size;
	uint8_t len_at; /* STR_LEN: offset of its length field in the message */
};

#define F16(n) {n, U16, 2, 0}
#define F32(n) {n, U32, 4, 0}
#define R8 {NULL, RSV8, 1, 0}
#define R16 {NULL, RSV16, 2, 0}
#define FRES {"RESULT_CODE", RESULT, 1, 0}
#define FERR {"ERR_CODE", ERR, 1, 0}
#define FVER {"PROTO_VER", VER, 2, 0}
#define FCAPS {"FRAME_CAP", FRAME_CAP, 4, 0}, {"BEARER_CAP", BEARER_CAP, 4, 0}
#define FBTYPE {"BEARER_TYPE", BEARER_TYPE, 4, 0}
#define FFTYPE {"FRAME_TYPE", FRAME_TYPE, 4, 0}
#define FNAMES F16("MAX_CHAN"), F16("FIRM_REV"), {"HOSTNAME", STR, 64, 0}, {"VENDOR", STR, 64, 0}
#define FWIN F16("RECV_WIN"), F16("PROC_DELAY")
#define FSUB {"SUB_ADDR", STR, 64, 0}
#define END {NULL, 0, 0, 0}

/* messages 1 to 15, in the RFC's order */
static const struct field sccrq[] = {FVER, R16, FCAPS, FNAMES, END};
static const struct field sccrp[] = {FVER, FRES, FERR, FCAPS, FNAMES, END};
static const struct field stopccrq[] = {{"REASON", REASON, 1, 0}, R8, R16, END};
static const struct field stopccrp[] = {FRES, FERR, R16, END};
static const struct field echorq[] = {F32("ID"), END};
static const struct field echorp[] = {F32("ID"), FRES, FERR, R16, END};
static const struct field ocrq[] = {
	F16("CALL_ID"), F16("CALL_SER_NUM"), F32("MIN_BPS"), F32("MAX_BPS"), FBTYPE, FFTYPE,
	FWIN, F16("PHONE_NO_LEN"), R16, {"PHONE_NO", STR_LEN, 64, 24}, FSUB, END};
static const struct field ocrp[] = {
	F16("CALL_ID"), F16("PEER_CALL_ID"), FRES, FERR, F16("CAUSE_CODE"), F32("CONN_SPEED"),
	FWIN, F32("PHY_CHAN_ID"), END};
static const struct field icrq[] = {
	F16("CALL_ID"), F16("CALL_SER_NUM"), FBTYPE, F32("PHY_CHAN_ID"), F16("DIALED_NO_LEN"),
	F16("DIALING_NO_LEN"), {"DIALED_NO", STR_LEN, 64, 12}, {"DIALING_NO", STR_LEN, 64, 14},
	FSUB, END};
static const struct field icrp[] = {F16("CALL_ID"), F16("PEER_CALL_ID"), FRES, FERR, FWIN, R16, END};
static const struct field iccn[] = {F16("PEER_CALL_ID"), R16, F32("CONN_SPEED"), FWIN, FFTYPE, END};
static const struct field ccrq[] = {F16("CALL_ID"), R16, END};
static const struct field cdn[] = {
	F16("CALL_ID"), FRES, FERR, F16("CAUSE_CODE"), R16, {"CALL_STATS", STR, 128, 0}, END};
static const struct field wen[] = {
	F16("PEER_CALL_ID"), R16, F32("CRC_ERR"), F32("FRAMING_ERR"), F32("HARDWARE_OVERRUN"),
	F32("BUFFER_OVERRUN"), F32("TIMEOUT_ERR"), F32("ALIGN_ERR"), END};
static const struct field sli[] = {
	F16("PEER_CALL_ID"), R16, {"SEND_ACCM", HEX32, 4, 0}, {"RECV_ACCM", HEX32, 4, 0}, END};

static const struct {
	const char *name;
	const struct field *fields;
	const char *const *results; /* names of the result codes (-v) */
	unsigned nresults;
} msgs[] = {
	{"NOT_DEFINED", NULL, NULL, 0},
	{"SCCRQ", sccrq, NULL, 0},
	{"SCCRP", sccrp, (const char *const[]){"Successful channel establishment", "General error",
			 "Command channel already exists",
			 "Requester is not authorized to establish a command channel",
			 "The protocol version of the requester is not supported"}, 5},
	{"StopCCRQ", stopccrq, NULL, 0},
	{"StopCCRP", stopccrp, (const char *const[]){"OK", "General Error"}, 2},
	{"ECHORQ", echorq, NULL, 0},
	{"ECHORP", echorp, (const char *const[]){"OK", "General Error"}, 2},
	{"OCRQ", ocrq, NULL, 0},
	{"OCRP", ocrp, (const char *const[]){"Connected", "General Error", "No Carrier", "Busy",
			 "No Dial Tone", "Time-out", "Do Not Accept"}, 7},
	{"ICRQ", icrq, NULL, 0},
	{"ICRP", icrp, (const char *const[]){"Connect", "General Error", "Do Not Accept"}, 3},
	{"ICCN", iccn, NULL, 0},
	{"CCRQ", ccrq, NULL, 0},
	{"CDN", cdn, (const char *const[]){"Lost Carrier", "General Error", "Admin Shutdown",
			 "Request"}, 4},
	{"WEN", wen, NULL, 0},
	{"SLI", sli, NULL, 0},
};

/* names[v - first], or "?" as tcpdump's tok2str */
static const char *code_name(const char *const *names, unsigned n, unsigned first, unsigned v)
{
	return v >= first && v - first < n ? names[v - first] : "?";
}

static const char *const err_names[] = {"None", "Not-Connected", "Bad-Format", "Bad-Value",
					"No-Resource", "Bad-Call-ID", "PAC-Error"};
static const char *const reason_names[] = {"None", "Stop-Protocol", "Stop-Local-Shutdown"};
/* bearer type 1-3, framing type 1-3 */
static const char *const btype_names[] = {"A", "D", "Any"};
static const char *const ftype_names[] = {"A", "S", "E"};

static void put_code(rc__pctx *c, const char *name, unsigned v, const char *text)
{
	rc__ob_printf(c->ob, " %s(%u", name, v);
	if (c->o->vflag && text)
		rc__ob_printf(c->ob, ":%s", text);
	rc__ob_putc(c->ob, ')');
}

static int put_string(rc__pctx *c, const char *name, const uint8_t *p, size_t n)
{
	rc__ob_printf(c->ob, " %s(", name);
	RC_TRY(rc__printjnp(c, p, n));
	rc__ob_putc(c->ob, ')');
	return 0;
}

static int field(rc__pctx *c, const struct field *f, const uint8_t *msg, const uint8_t *p,
		 unsigned type)
{
	if (f->kind == STR || f->kind == STR_LEN) {
		size_t n = f->size;
		if (f->kind == STR_LEN && rc__be16(msg + f->len_at) < n)
			n = rc__be16(msg + f->len_at);
		return put_string(c, f->name, p, n);
	}
	if (f->kind == FRAME_CAP) /* tcpdump prints the name before it reads */
		rc__ob_printf(c->ob, " %s(", f->name);
	RC_NEED(c, p, f->size);
	uint32_t v = f->size == 1 ? p[0] : f->size == 2 ? rc__be16(p) : rc__be32(p);
	switch (f->kind) {
	case U16:
	case U32: rc__ob_printf(c->ob, " %s(%u)", f->name, v); break;
	case HEX32: rc__ob_printf(c->ob, " %s(0x%08x)", f->name, v); break;
	case RSV8:
	case RSV16:
		if (v)
			rc__ob_printf(c->ob, " [ERROR: reserved=%u must be zero]", v);
		break;
	case VER: rc__ob_printf(c->ob, " %s(%u.%u)", f->name, v >> 8, v & 0xff); break;
	case FRAME_CAP:
		rc__ob_printf(c->ob, "%s%s)", v & 1 ? "A" : "", v & 2 ? "S" : "");
		break;
	case BEARER_CAP:
		rc__ob_printf(c->ob, " %s(%s%s)", f->name, v & 2 ? "D" : "", v & 1 ? "A" : "");
		break;
	case BEARER_TYPE:
		rc__ob_printf(c->ob, " %s(%s)", f->name, code_name(btype_names, 3, 1, v));
		break;
	case FRAME_TYPE:
		rc__ob_printf(c->ob, " %s(%s)", f->name, code_name(ftype_names, 3, 1, v));
		break;
	case RESULT:
		put_code(c, f->name, v, code_name(msgs[type].results, msgs[type].nresults, 1, v));
		break;
	case ERR: put_code(c, f->name, v, code_name(err_names, 7, 0, v)); break;
	default: put_code(c, f->name, v, code_name(reason_names, 3, 1, v)); break;
	}
	return 0;
}

/* The header, as tcpdump prints it; returns the control message type or
 * RC_PRINT_TRUNC. */
static int header(rc__pctx *c, const uint8_t *p)
{
	if (c->o->vflag) {
		RC_NEED(c, p, 2);
		rc__ob_printf(c->ob, " Length=%u", rc__be16(p));
		RC_NEED(c, p + 2, 2);
		unsigned mt = rc__be16(p + 2);
		rc__ob_printf(c->ob, " %s",
			      mt == 1 ? "CTRL-MSG" : mt == 2 ? "MGMT-MSG" : "UNKNOWN-MSG-TYPE");
	}
	RC_NEED(c, p + 4, 4);
	uint32_t cookie = rc__be32(p + 4);
	if (cookie != 0x1a2b3c4d)
		rc__ob_printf(c->ob, " UNEXPECTED Magic-Cookie!!(%08x)", cookie);
	if (c->o->vflag || cookie != 0x1a2b3c4d)
		rc__ob_printf(c->ob, " Magic-Cookie=%08x", cookie);
	RC_NEED(c, p + 8, 2);
	unsigned type = rc__be16(p + 8);
	if (type < sizeof(msgs) / sizeof(msgs[0]))
		rc__ob_printf(c->ob, " CTRL_MSGTYPE=%s", msgs[type].name);
	else
		rc__ob_printf(c->ob, " UNKNOWN_CTRL_MSGTYPE(%u)", type);
	RC_NEED(c, p + 10, 2);
	if (rc__be16(p + 10))
		rc__ob_printf(c->ob, " [ERROR: reserved=%u must be zero]", rc__be16(p + 10));
	return (int)type;
}

int rc__print_pptp(rc__pctx *c, const uint8_t *p)
{
	c->proto = "pptp";
	rc__ob_puts(c->ob, ": pptp");
	int type = header(c, p);
	if (type < 0)
		return type;
	if ((size_t)type >= sizeof(msgs) / sizeof(msgs[0]) || !msgs[type].fields)
		return 0;
	const uint8_t *msg = p + 12, *q = msg;
	for (const struct field *f = msgs[type].fields; f->size; q += f->size, f++)
		RC_TRY(field(c, f, msg, q, (unsigned)type));
	return 0;
}

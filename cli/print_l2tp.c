/*
 * print_l2tp.c - L2TPv2 (RFC 2661) on UDP port 1701, as tcpdump 4.99.3's
 * print-l2tp.c: the flags, tunnel and session ids, Ns/Nr, then a control
 * message's AVPs or a data message's PPP frame (print_ppp.c) in braces.
 * tcpdump prints the AVPs at every verbosity.
 *
 *   0        2          4        6         8       10       12
 *   | flags+ | [length] | tunnel | session | [Ns]  | [Nr]   | [offset size, pad]
 *   |  ver   |  (L)     |        |         |  (S)  |  (S)   |  (O)
 *
 * An AVP (RFC 2661 4.1): M, H bits and a 10-bit length, vendor id,
 * attribute type, value.  tcpdump checks that an AVP is all captured
 * before printing it, so the value printers below read inside it only;
 * a bad or cut AVP ends the list with " [|l2tp]" without unwinding.
 */
#include "print.h"
#include "print_ppp.h"

#define L2TP_FLAG_TYPE 0x8000     /* control message */
#define L2TP_FLAG_LENGTH 0x4000   /* length field present */
#define L2TP_FLAG_SEQUENCE 0x0800 /* Ns and Nr present */
#define L2TP_FLAG_OFFSET 0x0200   /* offset size present */
#define L2TP_FLAG_PRIORITY 0x0100
#define L2TP_VERSION_MASK 0x000f
#define L2TP_VERSION_L2F 1
#define L2TP_VERSION_L2TP 2

#define AVP_FLAG_MANDATORY 0x8000
#define AVP_FLAG_HIDDEN 0x4000
#define AVP_LEN_MASK 0x03ff
#define AVP_HDRLEN 6

static const char *const avp_names[] = {
	"MSGTYPE",        "RESULT_CODE",     "PROTO_VER",       "FRAMING_CAP",
	"BEARER_CAP",     "TIE_BREAKER",     "FIRM_VER",        "HOST_NAME",
	"VENDOR_NAME",    "ASSND_TUN_ID",    "RECV_WIN_SIZE",   "CHALLENGE",
	"Q931_CC",        "CHALLENGE_RESP",  "ASSND_SESS_ID",   "CALL_SER_NUM",
	"MINIMUM_BPS",    "MAXIMUM_BPS",     "BEARER_TYPE",     "FRAMING_TYPE",
	"PACKET_PROC_DELAY", "CALLED_NUMBER", "CALLING_NUMBER", "SUB_ADDRESS",
	"TX_CONN_SPEED",  "PHY_CHANNEL_ID",  "INI_RECV_LCP",    "LAST_SENT_LCP",
	"LAST_RECV_LCP",  "PROXY_AUTH_TYPE", "PROXY_AUTH_NAME", "PROXY_AUTH_CHAL",
	"PROXY_AUTH_ID",  "PROXY_AUTH_RESP", "CALL_ERRORS",     "ACCM",
	"RANDOM_VECTOR",  "PRIVATE_GRP_ID",  "RX_CONN_SPEED",   "SEQ_REQUIRED",
	NULL, NULL, NULL, NULL, NULL, NULL,
	"PPP_DISCON_CC",
};

static const char *const msg_names[] = {
	NULL,   "SCCRQ", "SCCRP", "SCCCN", "StopCCN", NULL,  "HELLO", "OCRQ", "OCRP",
	"OCCN", "ICRQ",  "ICRP",  "ICCN",  NULL,      "CDN", "WEN",   "SLI",
};

static const char *const auth_names[] = {
	"Reserved", "Textual", "CHAP", "PAP", "No Auth", "MS-CHAPv1",
};

static const char *const direction_names[] = {"global error", "at peer", "at local"};

/* tcpdump's tok2str for a table indexed by value. */
static void put_tok(rc__pctx *c, const char *const *names, size_t n, unsigned v, const char *fmt)
{
	if (v < n && names[v])
		rc__ob_puts(c->ob, names[v]);
	else
		rc__ob_printf(c->ob, fmt, v);
}
#define PUT_TOK(c, t, v, fmt) put_tok((c), (t), sizeof(t) / sizeof((t)[0]), (v), (fmt))

static void too_short(rc__pctx *c)
{
	rc__ob_puts(c->ob, "AVP too short");
}

static void octets(rc__pctx *c, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		rc__ob_printf(c->ob, "%02x", p[i]);
}

/* Result Code AVP: result code, optional error code and message. */
static void result_code(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 2) {
		too_short(c);
		return;
	}
	rc__ob_printf(c->ob, "%u", rc__be16(p));
	if (len == 2)
		return;
	if (len < 4) {
		rc__ob_puts(c->ob, " ");
		too_short(c);
		return;
	}
	rc__ob_printf(c->ob, "/%u", rc__be16(p + 2));
	if (len == 4)
		return;
	rc__ob_puts(c->ob, " ");
	rc__printn(c, p + 4, len - 4);
}

/* A 32-bit bit set of two bits, tcpdump's letter for each when set:
 * hi for bit 1, lo for bit 0 (framing A/S, bearer A/D). */
static void two_bits(rc__pctx *c, const uint8_t *p, unsigned len, const char *hi, const char *lo)
{
	if (len < 4) {
		too_short(c);
		return;
	}
	uint32_t v = rc__be32(p);
	if (v & 2)
		rc__ob_puts(c->ob, hi);
	if (v & 1)
		rc__ob_puts(c->ob, lo);
}

/* Q.931 cause code, cause message byte, optional advisory text. */
static void q931_cc(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 3) {
		too_short(c);
		return;
	}
	rc__ob_printf(c->ob, "%u, %02x", rc__be16(p), p[2]);
	if (len > 3) {
		rc__ob_puts(c->ob, " ");
		rc__printn(c, p + 3, len - 3);
	}
}

/* Call Errors (reserved, six 32-bit counters) and ACCM (reserved, send
 * and receive maps): tcpdump prints each field the AVP still holds. */
static void counters(rc__pctx *c, const uint8_t *p, unsigned len, const char *const *fmts,
		     size_t n)
{
	if (len < 2) {
		too_short(c);
		return;
	}
	p += 2;
	len -= 2;
	for (size_t i = 0; i < n; i++, p += 4, len -= 4) {
		if (len < 4) {
			too_short(c);
			return;
		}
		rc__ob_printf(c->ob, fmts[i], rc__be32(p));
	}
}

/* PPP Disconnect Cause Code (RFC 3145): code, protocol, direction, text. */
static void ppp_discon_cc(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 5) {
		too_short(c);
		return;
	}
	rc__ob_printf(c->ob, "%04x, %04x ", rc__be16(p), rc__be16(p + 2));
	PUT_TOK(c, direction_names, p[4], "Direction-#%u");
	if (len > 5) {
		rc__ob_puts(c->ob, " ");
		rc__printn(c, p + 5, len - 5);
	}
}

/* The value of an IETF AVP of type t, len bytes at p, all captured. */
static void avp_value(rc__pctx *c, unsigned t, const uint8_t *p, unsigned len)
{
	static const char *const call_errors[] = {
		"CRCErr=%u ", "FrameErr=%u ", "HardOver=%u ", "BufOver=%u ", "Timeout=%u ", "AlignErr=%u ",
	};
	static const char *const accm[] = {"send=%08x ", "recv=%08x "};
	switch (t) {
	case 0: /* Message Type */
		if (len < 2)
			too_short(c);
		else
			PUT_TOK(c, msg_names, rc__be16(p), "MSGTYPE-#%u");
		break;
	case 1:
		result_code(c, p, len);
		break;
	case 2: /* Protocol Version: version, revision */
		if (len < 2)
			too_short(c);
		else
			rc__ob_printf(c->ob, "%u.%u", p[0], p[1]);
		break;
	case 3:  /* Framing Capabilities */
	case 19: /* Framing Type */
		two_bits(c, p, len, "A", "S");
		break;
	case 4:  /* Bearer Capabilities */
	case 18: /* Bearer Type */
		two_bits(c, p, len, "A", "D");
		break;
	case 5: /* Tie Breaker */
		if (len < 8)
			too_short(c);
		else
			octets(c, p, 8);
		break;
	case 6:  /* Firmware Revision */
	case 9:  /* Assigned Tunnel ID */
	case 10: /* Receive Window Size */
	case 14: /* Assigned Session ID */
		if (len < 2)
			too_short(c);
		else
			rc__ob_printf(c->ob, "%u", rc__be16(p));
		break;
	case 7:  /* Host Name */
	case 8:  /* Vendor Name */
	case 21: /* Called Number */
	case 22: /* Calling Number */
	case 23: /* Sub-Address */
	case 30: /* Proxy Authen Name */
	case 37: /* Private Group ID */
		rc__printn(c, p, len);
		break;
	case 11: /* Challenge */
	case 26: /* Initial Received LCP CONFREQ */
	case 27: /* Last Sent LCP CONFREQ */
	case 28: /* Last Received LCP CONFREQ */
	case 31: /* Proxy Authen Challenge */
	case 33: /* Proxy Authen Response */
	case 36: /* Random Vector */
		octets(c, p, len);
		break;
	case 12:
		q931_cc(c, p, len);
		break;
	case 13: /* Challenge Response: an MD5 digest */
		if (len < 16)
			too_short(c);
		else
			octets(c, p, 16);
		break;
	case 15: /* Call Serial Number */
	case 16: /* Minimum BPS */
	case 17: /* Maximum BPS */
	case 24: /* (Tx) Connect Speed */
	case 25: /* Physical Channel ID */
	case 38: /* (Rx) Connect Speed */
		if (len < 4)
			too_short(c);
		else
			rc__ob_printf(c->ob, "%u", rc__be32(p));
		break;
	case 20: /* Packet Processing Delay, obsolete since RFC 2661 */
		rc__ob_puts(c->ob, "obsolete");
		break;
	case 29: /* Proxy Authen Type */
		if (len < 2)
			too_short(c);
		else
			PUT_TOK(c, auth_names, rc__be16(p), "AuthType-#%u");
		break;
	case 32: /* Proxy Authen ID: the low byte */
		if (len < 2)
			too_short(c);
		else
			rc__ob_printf(c->ob, "%u", p[1]);
		break;
	case 34:
		counters(c, p, len, call_errors, 6);
		break;
	case 35:
		counters(c, p, len, accm, 2);
		break;
	case 46:
		ppp_discon_cc(c, p, len);
		break;
	default: /* Sequencing Required has no value; others are not printed */
		break;
	}
}

/* One AVP of at most length bytes: its length, or RC_PRINT_TRUNC after
 * " [|l2tp]" when it is shorter than its header, longer than the message
 * or not all captured (tcpdump stops the list there without unwinding;
 * a cut length field unwinds). */
static int avp(rc__pctx *c, const uint8_t *p, unsigned length)
{
	rc__ob_puts(c->ob, " ");
	RC_NEED(c, p, 2);
	unsigned hdr = rc__be16(p), len = hdr & AVP_LEN_MASK;
	if (len < AVP_HDRLEN || len > length || !rc__have(c, p, len))
		return rc__trunc_soft(c);
	if (hdr & AVP_FLAG_MANDATORY)
		rc__ob_puts(c->ob, "*");
	if (hdr & AVP_FLAG_HIDDEN)
		rc__ob_puts(c->ob, "?");
	unsigned vendor = rc__be16(p + 2), type = rc__be16(p + 4);
	if (vendor) {
		rc__ob_printf(c->ob, "VENDOR%04x:ATTR%04x(", vendor, type);
		octets(c, p + AVP_HDRLEN, len - AVP_HDRLEN);
	} else {
		PUT_TOK(c, avp_names, type, "AVP-#%u");
		rc__ob_puts(c->ob, "(");
		/* a hidden value is encrypted (RFC 2661 4.3) */
		if (hdr & AVP_FLAG_HIDDEN)
			rc__ob_puts(c->ob, "???");
		else
			avp_value(c, type, p + AVP_HDRLEN, len - AVP_HDRLEN);
	}
	rc__ob_puts(c->ob, ")");
	return (int)len;
}

/* A data message's PPP frame in braces; tcpdump closes them unless the
 * PPP printer unwound. */
static int ppp_in_braces(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	rc__ob_puts(c->ob, " {");
	if (rc__print_ppp(c, p, length) < 0 && c->unwound)
		return RC_PRINT_TRUNC;
	rc__ob_puts(c->ob, "}");
	return 0;
}

int rc__print_l2tp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "l2tp";
	RC_NEED(c, p, 2);
	unsigned flags = rc__be16(p);
	if ((flags & L2TP_VERSION_MASK) == L2TP_VERSION_L2F) {
		rc__ob_puts(c->ob, " l2f:");
		return 0;
	}
	if ((flags & L2TP_VERSION_MASK) != L2TP_VERSION_L2TP) {
		rc__ob_puts(c->ob, " Unknown Version, neither L2F(1) nor L2TP(2)");
		return 0;
	}
	rc__ob_printf(c->ob, " l2tp:[%s%s%s%s%s]", (flags & L2TP_FLAG_TYPE) ? "T" : "",
		      (flags & L2TP_FLAG_LENGTH) ? "L" : "", (flags & L2TP_FLAG_SEQUENCE) ? "S" : "",
		      (flags & L2TP_FLAG_OFFSET) ? "O" : "", (flags & L2TP_FLAG_PRIORITY) ? "P" : "");
	const uint8_t *q = p + 2;
	unsigned l2tp_len = 0;
	if (flags & L2TP_FLAG_LENGTH) {
		RC_NEED(c, q, 2);
		l2tp_len = rc__be16(q);
		q += 2;
	}
	RC_NEED(c, q, 2);
	rc__ob_printf(c->ob, "(%u/", rc__be16(q));
	RC_NEED(c, q + 2, 2);
	rc__ob_printf(c->ob, "%u)", rc__be16(q + 2));
	q += 4;
	if (flags & L2TP_FLAG_SEQUENCE) {
		RC_NEED(c, q, 2);
		rc__ob_printf(c->ob, "Ns=%u,", rc__be16(q));
		RC_NEED(c, q + 2, 2);
		rc__ob_printf(c->ob, "Nr=%u", rc__be16(q + 2));
		q += 4;
	}
	/* the header length counts the offset padding, which tcpdump
	 * wants captured */
	uint32_t cnt = (uint32_t)(q - p);
	if (flags & L2TP_FLAG_OFFSET) {
		RC_NEED(c, q, 2);
		unsigned pad = rc__be16(q);
		RC_NEED_SOFT(c, q + 2, pad);
		q += 2 + pad;
		cnt += 2 + pad;
	}
	if (flags & L2TP_FLAG_LENGTH) {
		if (length < l2tp_len) {
			rc__ob_printf(c->ob, " Length %u larger than packet", l2tp_len);
			return 0;
		}
		length = l2tp_len;
	}
	if (length < cnt) {
		rc__ob_printf(c->ob, " Length %u smaller than header length", length);
		return 0;
	}
	if (!(flags & L2TP_FLAG_TYPE))
		return ppp_in_braces(c, q, length - cnt);
	if (!(flags & L2TP_FLAG_LENGTH)) {
		rc__ob_puts(c->ob, " No length");
		return 0;
	}
	if (length == cnt) {
		rc__ob_puts(c->ob, " ZLB");
		return 0;
	}
	while (length > cnt) {
		int n = avp(c, q, length - cnt);
		if (n < 0)
			return n;
		cnt += (uint32_t)n;
		q += n;
	}
	return 0;
}

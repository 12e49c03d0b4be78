/*
 * print_telnet.c - Telnet (RFC 854) commands at the start of a TCP 23
 * segment, as tcpdump 4.99 print-telnet.c shows them: " [telnet DO ECHO,
 * WILL NAWS, SB TERMINAL TYPE SEND SE]".  Text after the commands is not
 * printed; a command cut by the segment's end ends the list.
 *
 *   IAC (255) cmd            cmd 236-254 (EOF ... DONT), IAC IAC
 *   IAC WILL/WONT/DO/DONT opt
 *   IAC SB opt [qualifier [type]] bytes... IAC SE   (RFC 855)
 *
 * With -X and -vvv tcpdump puts each command on a line after its bytes
 * in hex instead.
 */
#include "print.h"

#include <stdio.h>

enum { IAC = 255, SB = 250, SE = 240, CMD_FIRST = 236, OPT_AUTH = 37, OPT_ENCRYPT = 38 };

/* commands 236 to 255, as tcpdump names them */
static const char *const cmd_names[] = {
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};

/* options 0 to 39 (RFC 855 onwards, as BSD's telnet.h) */
static const char *const opt_names[] = {
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS", "TIMING MARK",
	"RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
	"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
	"DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT", "SEND LOCATION",
	"TERMINAL TYPE", "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE", "XDISPLOC",
	"OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON",
};

/* subnegotiation qualifiers: most options, AUTHENTICATION (RFC 2941),
 * ENCRYPT (RFC 2946), and the types the last two name after them */
static const char *const sub_names[] = {"IS", "SEND", "INFO"};
static const char *const auth_cmds[] = {"IS", "SEND", "REPLY", "NAME"};
static const char *const auth_types[] = {
	"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL", NULL, NULL,
	"LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM",
};
static const char *const enc_cmds[] = {
	"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID",
	"DEC_KEYID",
};
static const char *const enc_types[] = {
	"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", NULL,
	"CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
};

#define NAMES(t) t, sizeof(t) / sizeof(t[0])

/* One parse of a command, for its length or (with out set) its text. */
struct cmd {
	const uint8_t *p;
	uint32_t len; /* bytes left in the segment */
	rc__ob *out;  /* NULL: only measure */
};

/* tcpdump's FETCH: 0 when the segment has no byte left (the command is
 * not complete), RC_PRINT_TRUNC past the capture. */
static int fetch(rc__pctx *c, struct cmd *k, unsigned *v)
{
	if (k->len < 1)
		return 0;
	RC_NEED(c, k->p, 1);
	*v = *k->p++;
	k->len--;
	return 1;
}

static void put_name(struct cmd *k, unsigned v, const char *const *t, size_t n)
{
	if (!k->out)
		return;
	if (v < n && t[v])
		rc__ob_printf(k->out, " %s", t[v]);
	else
		rc__ob_printf(k->out, " %#x", v);
}

/* "IAC SB opt ... IAC SE": the end is the first IAC SE inside the segment
 * or, failing that, its last byte, which must then be an IAC.  tcpdump
 * reads each byte it looks at through the capture's end. */
static int find_se(rc__pctx *c, const struct cmd *k, const uint8_t **end)
{
	const uint8_t *q = k->p;
	for (; k->len > (uint32_t)(q + 1 - k->p); q++) {
		RC_NEED(c, q, 1);
		if (*q != IAC)
			continue;
		RC_NEED(c, q + 1, 1);
		if (q[1] == SE)
			break;
	}
	RC_NEED(c, q, 1);
	*end = q;
	return *q == IAC;
}

/* The rest of an SB command after its option: returns the 2 bytes of its
 * IAC SE, not yet counted, 0 if it is not complete, or RC_PRINT_TRUNC. */
static int subneg(rc__pctx *c, struct cmd *k, unsigned opt)
{
	const uint8_t *end = NULL;
	int r = find_se(c, k, &end);
	if (r <= 0)
		return r;
	const char *const *first = sub_names, *const *second = NULL;
	size_t nfirst = 3, nsecond = 0;
	if (opt == OPT_AUTH) {
		first = auth_cmds, nfirst = 4;
		second = auth_types, nsecond = sizeof(auth_types) / sizeof(auth_types[0]);
	} else if (opt == OPT_ENCRYPT) {
		first = enc_cmds, nfirst = sizeof(enc_cmds) / sizeof(enc_cmds[0]);
		second = enc_types, nsecond = sizeof(enc_types) / sizeof(enc_types[0]);
	}
	unsigned v = 0;
	if (end > k->p) {
		if ((r = fetch(c, k, &v)) <= 0)
			return r;
		put_name(k, v, first, nfirst);
		if (second && end > k->p) {
			if ((r = fetch(c, k, &v)) <= 0)
				return r;
			put_name(k, v, second, nsecond);
		}
	}
	while (end > k->p) {
		if ((r = fetch(c, k, &v)) <= 0)
			return r;
		if (k->out)
			rc__ob_printf(k->out, " %#x", v);
	}
	if (k->out)
		rc__ob_puts(k->out, " SE");
	/* the IAC SE, which tcpdump steps over without counting it off the
	 * segment: a last lone IAC makes the command one byte longer than
	 * what is left */
	return 2;
}

/* Returns the command's length, 0 if it is not one or not complete, or
 * RC_PRINT_TRUNC. */
static int command(rc__pctx *c, const uint8_t *p, uint32_t len, rc__ob *out)
{
	struct cmd k = {p, len, out};
	unsigned v = 0, opt = 0;
	int r;
	if ((r = fetch(c, &k, &v)) <= 0 || v != IAC)
		return r;
	if ((r = fetch(c, &k, &v)) <= 0)
		return r;
	if (v < CMD_FIRST)
		return 0;
	const char *name = cmd_names[v - CMD_FIRST];
	if (v == IAC || v < SB) {
		if (out)
			rc__ob_printf(out, v == IAC ? "IAC IAC" : "%s", name);
		return (int)(k.p - p);
	}
	if ((r = fetch(c, &k, &opt)) <= 0)
		return r;
	if (out && opt < sizeof(opt_names) / sizeof(opt_names[0]))
		rc__ob_printf(out, "%s %s", name, opt_names[opt]);
	else if (out)
		rc__ob_printf(out, "%s %#x", name, opt);
	if (v == SB && (r = subneg(c, &k, opt)) <= 0)
		return r;
	return (int)(k.p - p) + (v == SB ? r : 0);
}

/* tcpdump's hex_print_with_offset: each pair of bytes is read whole, a
 * line's offset is printed before its first pair is read. */
static int hex_lines(rc__pctx *c, const uint8_t *p, uint32_t n, uint32_t off)
{
	for (uint32_t i = 0; i < n; i += 2) {
		if (i % 16 == 0)
			rc__ob_printf(c->ob, "\n0x%04x: ", off + i);
		uint32_t w = n - i < 2 ? 1 : 2;
		RC_NEED(c, p + i, w);
		rc__ob_printf(c->ob, w == 2 ? " %02x%02x" : " %02x", p[i], w == 2 ? p[i + 1] : 0);
	}
	return 0;
}

int rc__print_telnet(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	int hex = c->o->Xflag && c->o->vflag > 2;
	const uint8_t *start = p;
	int first = 1;
	c->proto = "telnet";
	while (length > 0) {
		RC_NEED(c, p, 1);
		if (*p != IAC)
			break;
		int l = command(c, p, length, NULL);
		if (l <= 0) {
			if (l < 0)
				return l;
			break;
		}
		if (hex) {
			if (first)
				rc__ob_puts(c->ob, "\nTelnet:");
			RC_TRY(hex_lines(c, p, (uint32_t)l, (uint32_t)(p - start)));
			if (l > 8)
				rc__ob_puts(c->ob, "\n\t\t\t\t");
			else
				rc__ob_printf(c->ob, "%*s\t", (8 - l) * 3, "");
		} else {
			rc__ob_puts(c->ob, first ? " [telnet " : ", ");
		}
		command(c, p, length, c->ob);
		first = 0;
		/* past a last lone IAC tcpdump's next read is beyond the segment */
		if ((uint32_t)l > length)
			return rc__trunc(c);
		p += l;
		length -= (uint32_t)l;
	}
	if (!first)
		rc__ob_puts(c->ob, hex ? "\n" : "]");
	return 0;
}

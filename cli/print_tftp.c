/*
 * print_tftp.c - TFTP (RFC 1350, options RFC 2347) as tcpdump 4.99
 * print-tftp.c prints it.
 *
 *   RRQ/WRQ  | 1,2 | filename | 0 | mode | 0 | [option | 0 | value | 0]...
 *   DATA/ACK | 3,4 | block # | [data]
 *   ERROR    | 5   | code    | message | 0
 *   OACK     | 6   | [option | 0 | value | 0]...
 *
 * A string cut by the snapend or the UDP length is tcpdump's
 * "[|tftp]" (a checked stop: tcpdump's nd_printztn returns 0 there); the
 * opcode, block and error code reads unwind as its GET_ macros do.
 */
#include "print.h"

/* tcpdump's nd_printztn: a NUL-terminated string of at most n bytes, its
 * length with the NUL, or 0 if neither the NUL nor the end was reached. */
static uint32_t ztn(rc__pctx *c, const uint8_t *p, uint32_t n)
{
	uint32_t used = 0;
	while (n > 0 && rc__have(c, p + used, 1)) {
		uint8_t ch = p[used++];
		n--;
		if (ch == 0)
			return used;
		rc__put_char(c->ob, ch);
	}
	return 0;
}

/* The option/value strings of RRQ, WRQ and OACK, separated by spaces. */
static int options(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	while (length != 0) {
		RC_NEED(c, bp, 1);
		if (bp[0] != 0)
			rc__ob_putc(c->ob, ' ');
		uint32_t used = ztn(c, bp, length);
		if (used == 0)
			return rc__trunc_soft(c);
		bp += used;
		length -= used;
	}
	return 0;
}

/* RRQ/WRQ: "filename" mode, then any options. */
static int request(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	if (length == 0)
		return rc__trunc_soft(c);
	rc__ob_puts(c->ob, " \"");
	uint32_t used = ztn(c, bp, length);
	rc__ob_putc(c->ob, '"');
	if (used == 0)
		return rc__trunc_soft(c);
	bp += used;
	length -= used;
	if (length == 0)
		return rc__trunc_soft(c); /* no mode */
	rc__ob_putc(c->ob, ' ');
	used = ztn(c, bp, length);
	if (used == 0)
		return rc__trunc_soft(c);
	return options(c, bp + used, length - used);
}

static int error_packet(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	static const char *const codes[] = {"EUNDEF", "ENOTFOUND", "EACCESS",
					    "ENOSPACE", "EBADOP", "EBADID",
					    "EEXISTS", "ENOUSER"}; /* no RFC 2347 EOPTNEG in 4.99 */
	if (length < 2)
		return rc__trunc_soft(c);
	RC_NEED(c, bp, 2);
	unsigned code = rc__be16(bp);
	if (code < sizeof(codes) / sizeof(codes[0]))
		rc__ob_printf(c->ob, " %s", codes[code]);
	else /* tcpdump's fallback format has the stray quote */
		rc__ob_printf(c->ob, " tftp-err-#%u \"", code);
	if (length == 2)
		return rc__trunc_soft(c); /* no message */
	rc__ob_puts(c->ob, " \"");
	uint32_t used = ztn(c, bp + 2, length - 2);
	rc__ob_putc(c->ob, '"');
	return used ? 0 : rc__trunc_soft(c);
}

int rc__print_tftp(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	static const char *const ops[] = {"RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"};
	c->proto = "tftp";
	rc__ob_printf(c->ob, "TFTP, length %u", length);
	if (length < 2)
		return rc__trunc_soft(c);
	RC_NEED(c, bp, 2);
	unsigned op = rc__be16(bp);
	if (op < 1 || op > 6) {
		rc__ob_printf(c->ob, ", tftp-#%u", op);
		return 0;
	}
	rc__ob_printf(c->ob, ", %s", ops[op - 1]);
	bp += 2;
	length -= 2;
	switch (op) {
	case 1:
	case 2:
		return request(c, bp, length);
	case 6:
		return options(c, bp, length);
	case 5:
		return error_packet(c, bp, length);
	default: /* DATA, ACK */
		if (length < 2)
			return rc__trunc_soft(c);
		RC_NEED(c, bp, 2);
		rc__ob_printf(c->ob, " block %u", rc__be16(bp));
		return 0;
	}
}

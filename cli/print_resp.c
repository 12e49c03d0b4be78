/*
 * print_resp.c - the Redis serialization protocol (RESP) on TCP 6379, as
 * tcpdump 4.99 print-resp.c prints it: ": RESP" then every value of the
 * segment in order, strings quoted, with " empty", " null" and tcpdump's
 * length complaints.
 *
 *   +text\r\n  -text\r\n  :digits\r\n        simple string, error, integer
 *   $N\r\n<N bytes>\r\n                       bulk string ($-1: null)
 *   *N\r\n<N values>                          array (*-1: null)
 *   text\r\n (any other first byte)           inline command
 *
 * tcpdump gives up on the whole segment at the first value it cannot
 * finish, for a short segment and a bad one alike, with " [|resp]".
 * Arrays nest: their values are counted here rather than recursed into, so
 * a segment of nested arrays costs no stack.
 */
#include "print.h"

#include <limits.h>

/* tcpdump's "goto trunc" inside the printer: the marker is printed once at
 * the top, without unwinding (RC_PRINT_TRUNC means it already unwound). */
#define RESP_GIVE_UP (-2)

/* resp_get_length's results besides a length */
enum { LEN_NULL = -1, LEN_SHORT = -2, LEN_TOO_LARGE = -3, LEN_NEGATIVE = -4, LEN_INVALID = -5 };

static void segment(rc__pctx *c, const uint8_t *p, size_t n)
{
	rc__ob_puts(c->ob, " \"");
	for (size_t i = 0; i < n; i++)
		rc__put_char(c->ob, p[i]);
	rc__ob_putc(c->ob, '"');
}

/* Moves *p to the next "\r\n" within *len bytes (tcpdump's FIND_CRLF). */
static int find_crlf(rc__pctx *c, const uint8_t **p, int *len)
{
	for (;;) {
		if (*len < 2 || !rc__have(c, *p, 2))
			return RESP_GIVE_UP;
		if ((*p)[0] == '\r' && (*p)[1] == '\n')
			return 0;
		(*p)++;
		(*len)--;
	}
}

/* Skips every \r and \n at *p; at the data's end that is only fine after
 * one of them (tcpdump's CONSUME_CR_OR_LF). */
static int skip_cr_lf(rc__pctx *c, const uint8_t **p, int *len)
{
	int found = 0;
	for (;;) {
		if (*len == 0 || !rc__have(c, *p, 1))
			return found ? 0 : RESP_GIVE_UP;
		if (**p != '\r' && **p != '\n')
			return 0;
		found = 1;
		(*p)++;
		(*len)--;
	}
}

/* The digits of a "$N\r\n" or "*N\r\n" header, as resp_get_length reads
 * them (an int saturating into "too large"; only -1 may be negative).
 * *end is where the caller goes on from, also after a bad byte. */
static int get_length(rc__pctx *c, const uint8_t *p, int len, const uint8_t **end, int *val)
{
	int neg = 0, saw_digit = 0, too_large = 0, result = 0;
	*end = p;
	*val = LEN_SHORT;
	if (len == 0)
		return 0;
	RC_NEED(c, p, 1);
	if (*p == '-') {
		neg = 1;
		p++;
		len--;
	}
	for (;; p++, len--, saw_digit = 1) {
		if (len == 0) {
			*end = p;
			return 0;
		}
		RC_NEED(c, p, 1);
		if (*p < '0' || *p > '9')
			break;
		int d = *p - '0';
		if (result > INT_MAX / 10) {
			too_large = 1;
		} else {
			result *= 10;
			if (result == INT_MAX / 10 * 10 && d > INT_MAX % 10)
				too_large = 1;
			else
				result += d;
		}
	}
	*end = p + 1;
	*val = LEN_INVALID;
	if (!saw_digit || *p != '\r')
		return 0;
	p++;
	len--;
	*end = p;
	*val = LEN_SHORT;
	if (len == 0)
		return 0;
	RC_NEED(c, p, 1);
	*end = p + 1;
	*val = LEN_INVALID;
	if (*p != '\n')
		return 0;
	if (neg)
		*val = too_large || result != 1 ? LEN_NEGATIVE : LEN_NULL;
	else
		*val = too_large ? LEN_TOO_LARGE : result;
	return 0;
}

/* The text for a header length that is not a count, or RESP_GIVE_UP. */
static int length_note(rc__pctx *c, int val)
{
	switch (val) {
	case 0: rc__ob_puts(c->ob, " empty"); break;
	case LEN_NULL: rc__ob_puts(c->ob, " null"); break;
	case LEN_SHORT: return RESP_GIVE_UP;
	case LEN_TOO_LARGE: rc__ob_puts(c->ob, " length too large"); break;
	case LEN_NEGATIVE: rc__ob_puts(c->ob, " length negative and not -1"); break;
	default: rc__ob_puts(c->ob, " invalid"); break;
	}
	return 0;
}

/* '+', '-' and ':' values: the text up to "\r\n". */
static int simple(rc__pctx *c, const uint8_t *p, int len)
{
	const uint8_t *q = p + 1;
	int cur = len - 1;
	int r = find_crlf(c, &q, &cur);
	if (r < 0)
		return r;
	segment(c, p + 1, (size_t)(q - (p + 1)));
	return (int)(q - p) + 2;
}

/* "$N\r\n" and N bytes, then whatever comes up to the next "\r\n". */
static int bulk(rc__pctx *c, const uint8_t *p, int len)
{
	const uint8_t *q = p + 1, *end;
	int cur = len - 1, n;
	RC_TRY(get_length(c, q, cur, &end, &n));
	cur -= (int)(end - q);
	q = end;
	if (n < 0) {
		int r = length_note(c, n);
		return r < 0 ? r : len - cur;
	}
	if (n == 0) {
		length_note(c, n);
	} else {
		if (cur < n || !rc__have(c, q, (size_t)n))
			return RESP_GIVE_UP;
		segment(c, q, (size_t)n);
		q += n;
		cur -= n;
	}
	int r = find_crlf(c, &q, &cur);
	return r < 0 ? r : len - (cur - 2);
}

/* "*N\r\n": the values follow as N more items for the caller to read. */
static int array(rc__pctx *c, const uint8_t *p, int len, int *items)
{
	const uint8_t *q = p + 1, *end;
	int cur = len - 1, n;
	RC_TRY(get_length(c, q, cur, &end, &n));
	cur -= (int)(end - q);
	if (n > 0) {
		*items = n;
		return len - cur;
	}
	int r = length_note(c, n);
	return r < 0 ? r : len - cur;
}

/* Anything else is an inline command: a line ended by \r, \n or both. */
static int inline_cmd(rc__pctx *c, const uint8_t *p, int len)
{
	const uint8_t *q = p;
	int cur = len;
	int r = skip_cr_lf(c, &q, &cur);
	if (r < 0)
		return r;
	const uint8_t *text = q;
	for (;; q++, cur--) {
		if (cur < 1)
			return RESP_GIVE_UP;
		RC_NEED(c, q, 1);
		if (*q == '\r' || *q == '\n')
			break;
	}
	segment(c, text, (size_t)(q - text));
	r = skip_cr_lf(c, &q, &cur);
	return r < 0 ? r : len - cur;
}

/* One value; *items gets the count of an array's values. */
static int value(rc__pctx *c, const uint8_t *p, int len, int *items)
{
	*items = 0;
	if (len < 1)
		return RESP_GIVE_UP;
	RC_NEED(c, p, 1);
	switch (*p) {
	case '+':
	case '-':
	case ':': return simple(c, p, len);
	case '$': return bulk(c, p, len);
	case '*': return array(c, p, len, items);
	default: return inline_cmd(c, p, len);
	}
}

int rc__print_resp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	int len = (int)length;
	c->proto = "resp";
	rc__ob_puts(c->ob, ": RESP");
	/* tcpdump reads a pipeline of values until the segment's end; an
	 * array's values are read as the values that follow it */
	uint64_t pending = 0;
	while (len > 0 || pending > 0) {
		int items;
		int r = value(c, p, len, &items);
		if (r == RESP_GIVE_UP)
			return rc__trunc_soft(c);
		if (r < 0)
			return r;
		p += r;
		len -= r;
		if (pending > 0)
			pending--; /* this value fills a slot of an open array */
		pending += (uint64_t)items;
	}
	return 0;
}

/*
 * print_ripng.c - RIPng (UDP 521, RFC 2080) as tcpdump 4.99
 * print-ripng.c prints it.
 *
 *   header: | command | version | must be zero(2) |
 *   entry:  | prefix(16) | route tag(2) | prefix len | metric |
 *
 * The entry count comes from the UDP length; each read unwinds at the
 * snapend with "[|ripng]".  A length that is not a whole number of
 * entries, a bad version or command, ends with tcpdump's " (invalid)".
 */
#include <string.h>

#include "print.h"

#define RIPNG_HDRLEN 4
#define RIPNG_ENTLEN 20
#define RIPNG_INFINITY 16

static int invalid(rc__pctx *c)
{
	rc__ob_puts(c->ob, " (invalid)");
	return 0;
}

/* "prefix/len [tag] (metric)": tcpdump reads the metric of every entry
 * but prints it only in responses, and only when it is not 0. */
static int entry_print(rc__pctx *c, const uint8_t *e, int show_metric)
{
	RC_NEED(c, e, 19); /* prefix and length are read before either prints */
	rc__put_ip6(c->ob, e);
	rc__ob_printf(c->ob, "/%u", e[18]);
	unsigned tag = rc__be16(e + 16);
	if (tag)
		rc__ob_printf(c->ob, " [%u]", tag);
	RC_NEED(c, e + 19, 1);
	if (e[19] && show_metric)
		rc__ob_printf(c->ob, " (%u)", e[19]);
	return 0;
}

static int entries_print(rc__pctx *c, const uint8_t *e, uint32_t left, int show_metric)
{
	for (; left >= RIPNG_ENTLEN; left -= RIPNG_ENTLEN, e += RIPNG_ENTLEN) {
		rc__ob_puts(c->ob, c->o->vflag > 1 ? "\n\t" : " ");
		RC_TRY(entry_print(c, e, show_metric));
	}
	return left ? invalid(c) : 0;
}

/* A request for the whole table (RFC 2080 2.4.1): one entry, prefix ::,
 * metric infinity. */
static int is_table_request(rc__pctx *c, const uint8_t *e, uint32_t left, int *dump)
{
	static const uint8_t unspecified[16];
	*dump = 0;
	if (left / RIPNG_ENTLEN != 1)
		return 0;
	RC_NEED(c, e + 19, 1);
	*dump = e[19] == RIPNG_INFINITY && memcmp(e, unspecified, 16) == 0;
	return 0;
}

int rc__print_ripng(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "ripng";
	RC_NEED(c, bp + 1, 1);
	if (bp[1] != 1) {
		rc__ob_printf(c->ob, " [vers %u]", bp[1]);
		return invalid(c);
	}
	unsigned cmd = bp[0];
	if (cmd != 1 && cmd != 2) {
		rc__ob_printf(c->ob, " ripng-%u ?? %u", cmd, length);
		return invalid(c);
	}
	if (length < RIPNG_HDRLEN)
		return invalid(c);
	const uint8_t *e = bp + RIPNG_HDRLEN;
	uint32_t left = length - RIPNG_HDRLEN, n = left / RIPNG_ENTLEN;
	if (cmd == 1) {
		int dump;
		RC_TRY(is_table_request(c, e, left, &dump));
		if (dump) {
			rc__ob_puts(c->ob, " ripng-req dump");
			return 0;
		}
	}
	rc__ob_printf(c->ob, " ripng-%s %u", cmd == 1 ? "req" : "resp", n);
	if (n * RIPNG_ENTLEN != left)
		rc__ob_printf(c->ob, "[%u]", length);
	rc__ob_putc(c->ob, ':');
	return entries_print(c, e, left, cmd == 2);
}

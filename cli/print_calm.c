/*
 * print_calm.c - CALM FAST (ISO 29281:2009, CALM non-IP networking) on
 * ethertype 0x1111, as tcpdump 4.99.3's print-calm-fast.c:
 *   source network reference(1) destination network reference(1) data ...
 * The link's source address is printed when the link has one (Ethernet;
 * tcpdump's cooked and Geneve printers pass none), and with -v the data
 * is dumped by ND_DEFAULTPRINT, which tcpdump calls even with -x or -q.
 */
#include "print.h"

int rc__print_calm_fast(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *src)
{
	c->proto = "calm_fast";
	rc__ob_puts(c->ob, "CALM FAST");
	if (src) {
		rc__ob_puts(c->ob, " src:");
		rc__put_mac(c->ob, src);
	}
	rc__ob_puts(c->ob, "; ");
	if (length < 2) {
		rc__ob_printf(c->ob, " (length %u < 2)", length);
		return rc__invalid(c, p, length);
	}
	RC_NEED(c, p, 1);
	rc__ob_printf(c->ob, "SrcNwref:%u; ", p[0]);
	RC_NEED(c, p + 1, 1);
	rc__ob_printf(c->ob, "DstNwref:%u; ", p[1]);
	if (!c->o->vflag)
		return 0;
	int quiet = c->suppress_default;
	c->suppress_default = 0;
	int r = rc__default_print(c, p + 2, length - 2);
	c->suppress_default = quiet;
	return r;
}

/*
 * print_ipcomp.c - IP Payload Compression (RFC 3173), IP protocol 108, as
 * tcpdump 4.99.3's print-ipcomp.c: the CPI of the 4-byte header
 * (next header(1) flags(1) CPI(2)).  tcpdump does not decompress, so
 * nothing follows it.
 */
#include "print.h"

int rc__print_ipcomp(rc__pctx *c, const uint8_t *p)
{
	c->proto = "ipcomp";
	RC_NEED(c, p + 2, 2);
	rc__ob_printf(c->ob, "IPComp(cpi=0x%04x)", rc__be16(p + 2));
	return 0;
}

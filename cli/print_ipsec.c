/*
 * print_ipsec.c - IPsec ESP (IP protocol 50, RFC 4303) and AH (IP protocol
 * 51, RFC 4302) as tcpdump 4.99 print-esp.c (without decryption) and
 * print-ah.c print them, over IPv4 and IPv6.
 *
 *   ESP:  0 spi(4)  4 seq(4)  8 encrypted payload ...
 *   AH:   0 next  1 len  2 reserved(2)  4 spi(4)  8 seq(4)  12 icv ...
 *         (len counts 32-bit words minus 2, RFC 4302 2.2)
 */
#include "print.h"

/* tcpdump wants more than the 8 header bytes before the snapend (it
 * compares the header's end with ">="), and its marker does not unwind. */
int rc__print_esp(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "esp";
	if (rc__avail(c, bp) <= 8)
		return rc__trunc_soft(c);
	rc__ob_printf(c->ob, "ESP(spi=0x%08x,seq=0x%x), length %u", rc__be32(bp), rc__be32(bp + 4),
		      length);
	return 0;
}

/* Each field is read through the snapend as it is printed, the ICV one
 * byte at a time, so a cut header stops mid-field with " [|ah]". */
int rc__print_ah(rc__pctx *c, const uint8_t *bp)
{
	c->proto = "ah";
	rc__ob_puts(c->ob, "AH");
	RC_NEED(c, bp + 1, 1);
	unsigned words = bp[1], hdr_len = (words + 2) * 4;
	rc__ob_putc(c->ob, '(');
	if (c->o->vflag)
		rc__ob_printf(c->ob, "length=%u(%u-bytes),", words, hdr_len);
	RC_NEED(c, bp + 2, 2);
	if (rc__be16(bp + 2) != 0)
		rc__ob_printf(c->ob, "reserved=0x%x[MustBeZero],", rc__be16(bp + 2));
	RC_NEED(c, bp + 4, 4);
	rc__ob_printf(c->ob, "spi=0x%08x,", rc__be32(bp + 4));
	RC_NEED(c, bp + 8, 4);
	rc__ob_printf(c->ob, "seq=0x%x,icv=0x", rc__be32(bp + 8));
	for (unsigned i = 12; i < hdr_len; i++) {
		RC_NEED(c, bp + i, 1);
		rc__ob_printf(c->ob, "%02x", bp[i]);
	}
	rc__ob_puts(c->ob, "): ");
	return (int)hdr_len;
}

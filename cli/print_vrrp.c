/*
 * print_vrrp.c - VRRP (IP protocol 112) as tcpdump 4.99 print-vrrp.c
 * prints it: version 2 (RFC 3768) and version 3 (RFC 5798), over IPv4 and
 * IPv6.
 *
 *   0       1      2      3       4            5        6      8
 *   |ver|typ| vrid | prio | naddr | auth type  | intvl  | csum | addrs...
 *                                 | rsvd|max adver int  |      (v3)
 *
 * Every read goes through the snapend as tcpdump's GET_ macros do, so a
 * cut packet ends in " [|vrrp]" where the read fails.
 */
#include "print.h"

/* "addrs(N): a,b" (-v): IPv4 addresses over IPv4, IPv6 over IPv6. */
static int addrs(rc__pctx *c, const uint8_t *bp, unsigned naddrs, size_t alen)
{
	rc__ob_puts(c->ob, ", addrs");
	if (naddrs > 1)
		rc__ob_printf(c->ob, "(%u)", naddrs);
	rc__ob_putc(c->ob, ':');
	for (unsigned i = 0; i < naddrs; i++, bp += alen) {
		RC_NEED(c, bp, alen);
		rc__ob_putc(c->ob, i ? ',' : ' ');
		if (alen == 16)
			rc__put_ip6(c->ob, bp);
		else
			rc__put_ip4(c->ob, bp);
	}
	return 0;
}

/* RFC 3768 5.3.10: a simple text password of 8 bytes, zero-filled; tcpdump
 * prints up to the first NUL and leaves the quote open when cut. */
static int simple_auth(rc__pctx *c, const uint8_t *bp)
{
	rc__ob_puts(c->ob, " auth \"");
	RC_TRY(rc__printjnp(c, bp, 8));
	rc__ob_putc(c->ob, '"');
	return 0;
}

/* -v: the checksum verdict when the whole message was captured (v2 sums
 * the message alone, v3 adds the IP pseudo-header), then the addresses. */
static int verbose(rc__pctx *c, const uint8_t *bp, uint32_t len, int version,
		   const uint8_t *iph)
{
	size_t alen = (iph[0] >> 4) == 6 ? 16 : 4;
	unsigned naddrs = bp[3];
	if (rc__have(c, bp, len)) {
		uint32_t sum = version == 3 ? rc__pseudo_sum(c, iph, 112, len) : 0;
		if (rc__cksum_fold(rc__cksum_add(sum, bp, len)) != 0) {
			RC_NEED(c, bp + 6, 2);
			rc__ob_printf(c->ob, ", (bad vrrp cksum %x)", rc__be16(bp + 6));
		}
	}
	RC_TRY(addrs(c, bp + 8, naddrs, alen));
	if (version == 2 && bp[4] == 1)
		return simple_auth(c, bp + 8 + alen * naddrs);
	return 0;
}

int rc__print_vrrp(rc__pctx *c, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	static const char *const auth[] = {"none", "simple", "ah"};
	c->proto = "vrrp";
	unsigned ttl = (iph[0] >> 4) == 6 ? iph[7] : iph[8];
	/* tcpdump names the protocol before its first read */
	rc__ob_puts(c->ob, "VRRP");
	RC_NEED(c, bp, 1);
	unsigned version = bp[0] >> 4, type = bp[0] & 0x0f;
	rc__ob_printf(c->ob, "v%u, ", version);
	if (type == 1)
		rc__ob_puts(c->ob, "Advertisement");
	else
		rc__ob_printf(c->ob, "unknown type (%u)", type);
	if (ttl != 255)
		rc__ob_printf(c->ob, ", (ttl %u)", ttl);
	if (version < 2 || version > 3 || type != 1)
		return 0;
	RC_NEED(c, bp + 1, 2);
	rc__ob_printf(c->ob, ", vrid %u, prio %u", bp[1], bp[2]);
	RC_NEED(c, bp + 4, 1);
	if (version == 2) {
		/* tcpdump's tok2str with a NULL format: "#N" for unknown types */
		if (bp[4] < 3)
			rc__ob_printf(c->ob, ", authtype %s", auth[bp[4]]);
		else
			rc__ob_printf(c->ob, ", authtype #%u", bp[4]);
		RC_NEED(c, bp + 5, 1);
		rc__ob_printf(c->ob, ", intvl %us, length %u", bp[5], len);
	} else {
		RC_NEED(c, bp + 5, 1);
		rc__ob_printf(c->ob, ", intvl %ucs, length %u", (bp[4] & 0x0fu) << 8 | bp[5], len);
	}
	if (!c->o->vflag)
		return 0;
	return verbose(c, bp, len, (int)version, iph);
}

/*
 * print_dns_rr.c - one DNS resource record (RFC 1035 4.1.3) as tcpdump 4.99
 * print-domain.c's ns_rprint prints it:
 *
 *   owner(name) type(2) class(2) ttl(4) rdlength(2) rdata
 *
 * " owner" only with -v, the class unless IN (or OPT, whose class is the UDP
 * size), " [ttl]" with -vvv (not for OPT, whose TTL holds the extended rcode,
 * version and flags: RFC 6891 6.1.3), then the type and its data.
 */
#include "print_dns.h"

#include <string.h>

enum {
	T_A = 1, T_NS = 2, T_CNAME = 5, T_SOA = 6, T_PTR = 12, T_MX = 15, T_TXT = 16,
	T_AAAA = 28, T_SRV = 33, T_A6 = 38, T_DNAME = 39, T_UNSPECA = 104, T_TSIG = 250,
	T_URI = 256,
};

/* tcpdump's nd_printn: n bytes as text, as far as captured; -1 if the
 * capture ends first. */
static int put_text(rc__pctx *c, const uint8_t *p, size_t n)
{
	size_t got = rc__avail(c, p);
	for (size_t k = 0; k < n && k < got; k++)
		rc__put_char(c->ob, p[k]);
	return got < n ? -1 : 0;
}

/* The n bytes from p, or NULL when they are not all captured. */
static const uint8_t *skip(rc__pctx *c, const uint8_t *p, size_t n)
{
	return rc__have(c, p, n) ? p + n : NULL;
}

static int rd_name(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	rc__ob_putc(c->ob, ' ');
	return rc__dns_fqdn(c, cp, msg) ? 0 : -1;
}

/* mname rname serial refresh retry expire minimum; only with -v. */
static int rd_soa(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	if (!c->o->vflag)
		return 0;
	for (int i = 0; i < 2; i++) {
		rc__ob_putc(c->ob, ' ');
		if (!(cp = rc__dns_fqdn(c, cp, msg)))
			return -1;
	}
	if (!rc__have(c, cp, 20))
		return -1;
	for (int i = 0; i < 5; i++)
		rc__ob_printf(c->ob, " %u", rc__be32(cp + 4 * i));
	return 0;
}

/* " exchange preference" (tcpdump's order). */
static int rd_mx(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	rc__ob_putc(c->ob, ' ');
	if (!rc__have(c, cp, 2) || !rc__dns_fqdn(c, cp + 2, msg))
		return -1;
	rc__ob_printf(c->ob, " %u", rc__be16(cp));
	return 0;
}

/* Each <character-string> quoted; a string may reach past rdlength. */
static int rd_txt(rc__pctx *c, const uint8_t *cp, const uint8_t *rp)
{
	while (cp < rp) {
		rc__ob_puts(c->ob, " \"");
		if (!rc__have(c, cp, 1))
			return -1;
		unsigned n = *cp++;
		if (put_text(c, cp, n) < 0)
			return -1;
		cp += n;
		rc__ob_putc(c->ob, '"');
	}
	return 0;
}

/* " target:port priority weight" (RFC 2782). */
static int rd_srv(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	rc__ob_putc(c->ob, ' ');
	if (!rc__have(c, cp, 6) || !rc__dns_fqdn(c, cp + 6, msg))
		return -1;
	rc__ob_printf(c->ob, ":%u %u %u", rc__be16(cp + 4), rc__be16(cp), rc__be16(cp + 2));
	return 0;
}

/* RFC 2874: prefix length, the address suffix, the prefix name.  tcpdump
 * copies 16 - (plen & ~7) / 8 suffix bytes, unwinding if they are not
 * captured. */
static int rd_a6(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	if (!rc__have(c, cp, 1))
		return -1;
	unsigned pbit = cp[0], pbyte = (pbit & ~7u) / 8;
	if (pbit > 128) {
		rc__ob_printf(c->ob, " %u(bad plen)", pbit);
		return 0;
	}
	if (pbit < 128) {
		uint8_t a[16] = { 0 };
		if (!rc__have(c, cp + 1, 16 - pbyte)) {
			c->unwound = 1;
			return -1;
		}
		memcpy(a + pbyte, cp + 1, 16 - pbyte);
		rc__ob_printf(c->ob, " %u ", pbit);
		rc__put_ip6(c->ob, a);
	}
	if (pbit > 0) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__dns_fqdn(c, cp + 1 + 16 - pbyte, msg))
			return -1;
	}
	return 0;
}

/* RFC 7553: " priority weight target".  With rdlength < 4 tcpdump's text
 * length wraps, so it prints to the snapend. */
static int rd_uri(rc__pctx *c, const uint8_t *cp, unsigned len)
{
	if (!rc__have(c, cp, 4)) {
		c->unwound = 1;
		return -1;
	}
	rc__ob_printf(c->ob, " %u %u ", rc__be16(cp), rc__be16(cp + 2));
	return put_text(c, cp + 4, len >= 4 ? len - 4 : SIZE_MAX);
}

/* RFC 8945 4.2, only with -v: algorithm name, then fudge, MAC size, original
 * id, error and other length (the time signed and the MAC are skipped). */
static int rd_tsig(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	static const char *const fields[] = { " fudge=", " maclen=", " origid=", " error=",
					      " otherlen=" };
	if (!c->o->vflag)
		return 0;
	rc__ob_putc(c->ob, ' ');
	if (!(cp = rc__dns_fqdn(c, cp, msg)) || !(cp = skip(c, cp, 6)))
		return -1;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (!rc__have(c, cp, 2))
			return -1;
		unsigned v = rc__be16(cp);
		rc__ob_printf(c->ob, "%s%u", fields[i], v);
		cp += 2;
		if (i == 1 && !(cp = skip(c, cp, v)))
			return -1;
	}
	return 0;
}

/* EDNS0 (RFC 6891 6.1.2): the class is the UDP payload size; DO is the top
 * flag bit (RFC 3225). */
static int rd_opt(rc__pctx *c, const uint8_t *cp, const uint8_t *rp, unsigned udpsize,
		  unsigned flags)
{
	rc__ob_printf(c->ob, " UDPsize=%u", udpsize);
	if (flags & 0x8000)
		rc__ob_puts(c->ob, " DO");
	return rc__dns_opt_options(c, cp, rp);
}

/* The record's data [cp, cp + len), all captured; 0 or -1. */
static int rdata_print(rc__pctx *c, unsigned typ, const uint8_t *cp, unsigned len,
		       const uint8_t *msg, unsigned cls, unsigned opt_flags)
{
	switch (typ) {
	case T_A:
		if (!rc__have(c, cp, 4))
			return -1;
		rc__ob_putc(c->ob, ' ');
		rc__put_ip4(c->ob, cp);
		return 0;
	case T_NS:
	case T_CNAME:
	case T_PTR:
	case T_DNAME:
		return rd_name(c, cp, msg);
	case T_SOA:
		return rd_soa(c, cp, msg);
	case T_MX:
		return rd_mx(c, cp, msg);
	case T_TXT:
		return rd_txt(c, cp, cp + len);
	case T_SRV:
		return rd_srv(c, cp, msg);
	case T_AAAA:
		if (!rc__have(c, cp, 16))
			return -1;
		rc__ob_putc(c->ob, ' ');
		rc__put_ip6(c->ob, cp);
		return 0;
	case T_A6:
		return rd_a6(c, cp, msg);
	case T_UNSPECA: /* one string, right after the type name */
		return put_text(c, cp, len);
	case T_URI:
		return rd_uri(c, cp, len);
	case DNS_T_OPT:
		return rd_opt(c, cp, cp + len, cls, opt_flags);
	case T_TSIG:
		return rd_tsig(c, cp, msg);
	default:
		return 0;
	}
}

const uint8_t *rc__dns_rr(rc__pctx *c, const uint8_t *cp, const uint8_t *msg, int is_mdns)
{
	char b1[24], b2[24];
	if (c->o->vflag) {
		rc__ob_putc(c->ob, ' ');
		if (!(cp = rc__dns_fqdn(c, cp, msg)))
			return NULL;
	} else {
		cp = rc__dns_nskip(c, cp);
	}
	if (!cp || !rc__have(c, cp, 10))
		return c->end;
	unsigned typ = rc__be16(cp), cl = rc__be16(cp + 2);
	/* mDNS: the top class bit is the cache flush flag (RFC 6762 10.2). */
	unsigned cls = is_mdns ? (cl & ~0x8000u) : cl;
	if (cls != 1 && typ != DNS_T_OPT)
		rc__ob_printf(c->ob, " %s", rc__dns_class_name(cls, b2, sizeof(b2)));
	if (is_mdns && (cl & 0x8000))
		rc__ob_puts(c->ob, " (Cache flush)");
	if (typ != DNS_T_OPT && c->o->vflag > 2) {
		rc__ob_puts(c->ob, " [");
		rc__put_relts(c->ob, rc__be32(cp + 4));
		rc__ob_putc(c->ob, ']');
	}
	unsigned opt_flags = rc__be16(cp + 6), len = rc__be16(cp + 8);
	cp += 10;
	rc__ob_printf(c->ob, " %s", rc__dns_type_name(typ, b1, sizeof(b1)));
	if (!rc__have(c, cp, len))
		return NULL;
	if (rdata_print(c, typ, cp, len, msg, cls, opt_flags) < 0)
		return NULL;
	return cp + len;
}

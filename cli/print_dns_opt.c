/*
 * print_dns_opt.c - the options of an EDNS0 OPT record (RFC 6891 6.1.2) as
 * tcpdump 4.99 print-domain.c prints them: " [NAME data,NAME data]".
 *
 *   code(2) length(2) data(length) ...
 *
 * An option's data is checked against the capture, not the rdata, as
 * tcpdump does; the list ends at the first option that starts at or past
 * the end of the rdata.
 */
#include "print_dns.h"

#include <string.h>

enum {
	E_NSID = 3, E_DAU = 5, E_DHU = 6, E_N3U = 7, E_ECS = 8, E_EXPIRE = 9, E_COOKIE = 10,
	E_KEEPALIVE = 11, E_PADDING = 12, E_CHAIN = 13, E_KEYTAG = 14,
};

static const char *opt_name(unsigned code)
{
	static const char *const names[] = {
		NULL, "LLQ", "UL", "NSID", NULL, "DAU", "DHU", "N3U", "ECS", "EXPIRE",
		"COOKIE", "KEEPALIVE", "PADDING", "CHAIN", "KEY-TAG", NULL, "CLIENT-TAG",
		"SERVER-TAG",
	};
	return code < sizeof(names) / sizeof(names[0]) ? names[code] : NULL;
}

/* DNSSEC algorithm numbers (RFC 6975 DAU), as tcpdump names them. */
static const char *dau_name(unsigned alg)
{
	static const char *const names[] = {
		"DELETE", "RSAMD5", "DH", "DS", NULL, "RSASHA1", "DSA-NSEC3-SHA1",
		"RSASHA1-NSEC3-SHA1", "RSASHA256", NULL, "RSASHA512", NULL, "ECC-GOST",
		"ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519", "ED448",
	};
	if (alg < sizeof(names) / sizeof(names[0]))
		return names[alg];
	switch (alg) {
	case 252: return "INDIRECT";
	case 253: return "PRIVATEDNS";
	case 254: return "PRIVATEOID";
	default: return NULL;
	}
}

/* DS hash algorithms (RFC 6975 DHU). */
static const char *dhu_name(unsigned alg)
{
	static const char *const names[] = { NULL, "SHA-1", "SHA-256", "GOST_R_34.11-94",
					     "SHA-384" };
	return alg < sizeof(names) / sizeof(names[0]) ? names[alg] : NULL;
}

/* NSEC3 hash algorithms (RFC 6975 N3U). */
static const char *n3u_name(unsigned alg)
{
	return alg == 1 ? "SHA-1" : NULL;
}

static void put_invalid(rc__pctx *c)
{
	rc__ob_puts(c->ob, " (invalid)");
}

static void put_algs(rc__pctx *c, const uint8_t *p, unsigned n, const char *(*name)(unsigned))
{
	for (unsigned i = 0; i < n; i++) {
		const char *s = name(p[i]);
		if (i > 0)
			rc__ob_putc(c->ob, ' ');
		if (s)
			rc__ob_puts(c->ob, s);
		else
			rc__ob_printf(c->ob, "Alg_%u", p[i]);
	}
}

static void put_hex(rc__pctx *c, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		rc__ob_x(c->ob, p[i], 2);
}

/* RFC 7871 6: family, source and scope prefix lengths, then exactly the
 * source prefix's bytes of the address: "addr/source/scope". */
static void put_ecs(rc__pctx *c, const uint8_t *p, unsigned n)
{
	if (n < 4) {
		put_invalid(c);
		return;
	}
	unsigned family = rc__be16(p), src = p[2], scope = p[3];
	unsigned bits = family == 1 ? 32 : family == 2 ? 128 : 0;
	if (bits == 0 || n - 4 > bits / 8 || src > bits || scope > bits ||
	    (src + 7) / 8 != n - 4) {
		put_invalid(c);
		return;
	}
	uint8_t addr[16] = { 0 };
	memcpy(addr, p + 4, n - 4);
	if (family == 1)
		rc__put_ip4(c->ob, addr);
	else
		rc__put_ip6(c->ob, addr);
	rc__ob_printf(c->ob, "/%u/%u", src, scope);
}

/* RFC 7873 4: an 8-byte client cookie, then an 8 to 32 byte server one. */
static void put_cookie(rc__pctx *c, const uint8_t *p, unsigned n)
{
	if (n < 8 || (n > 8 && n < 16) || n > 40) {
		put_invalid(c);
		return;
	}
	put_hex(c, p, 8);
	if (n > 8) {
		rc__ob_putc(c->ob, ' ');
		put_hex(c, p + 8, n - 8);
	}
}

/* RFC 7828 3.1: the idle timeout in units of 100 ms. */
static void put_keepalive(rc__pctx *c, const uint8_t *p, unsigned n)
{
	if (n != 2) {
		put_invalid(c);
		return;
	}
	unsigned v = rc__be16(p);
	rc__ob_printf(c->ob, "%u.%u sec", v / 10, v % 10);
}

/* RFC 8145 4.1: a list of 16-bit key tags. */
static void put_keytags(rc__pctx *c, const uint8_t *p, unsigned n)
{
	if (n % 2) {
		put_invalid(c);
		return;
	}
	for (unsigned i = 0; i < n; i += 2)
		rc__ob_printf(c->ob, i ? " %u" : "%u", rc__be16(p + i));
}

/* The data of one option, n > 0 bytes, all captured. */
static void opt_data(rc__pctx *c, unsigned code, const uint8_t *p, unsigned n)
{
	switch (code) {
	case E_ECS: put_ecs(c, p, n); break;
	case E_COOKIE: put_cookie(c, p, n); break;
	case E_KEEPALIVE: put_keepalive(c, p, n); break;
	case E_EXPIRE:
		if (n != 4)
			put_invalid(c);
		else
			rc__ob_printf(c->ob, "%u sec", rc__be32(p));
		break;
	case E_PADDING: rc__ob_printf(c->ob, "(%u)", n); break;
	case E_KEYTAG: put_keytags(c, p, n); break;
	case E_DAU: put_algs(c, p, n, dau_name); break;
	case E_DHU: put_algs(c, p, n, dhu_name); break;
	case E_N3U: put_algs(c, p, n, n3u_name); break;
	case E_CHAIN:
		/* RFC 7901: the closest trust point, a name whose pointers tcpdump
		 * takes relative to the option's end; a cut name only ends the
		 * name, not the record. */
		(void)rc__dns_fqdn(c, p, p + n);
		break;
	default: /* NSID and unknown options: hex */
		put_hex(c, p, n);
		break;
	}
}

/* One option; returns the byte after it or NULL if it is not captured. */
static const uint8_t *opt_print(rc__pctx *c, const uint8_t *cp)
{
	if (!rc__have(c, cp, 2))
		return NULL;
	unsigned code = rc__be16(cp);
	const char *name = opt_name(code);
	if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "Opt%u", code);
	if (!rc__have(c, cp + 2, 2))
		return NULL;
	unsigned n = rc__be16(cp + 2);
	cp += 4;
	if (!rc__have(c, cp, n))
		return NULL;
	if (n > 0) {
		rc__ob_putc(c->ob, ' ');
		opt_data(c, code, cp, n);
	}
	return cp + n;
}

int rc__dns_opt_options(rc__pctx *c, const uint8_t *cp, const uint8_t *rp)
{
	if (cp >= rp)
		return 0;
	rc__ob_puts(c->ob, " [");
	while (cp < rp) {
		if (!(cp = opt_print(c, cp)))
			return -1;
		if (cp < rp)
			rc__ob_putc(c->ob, ',');
	}
	rc__ob_putc(c->ob, ']');
	return 0;
}

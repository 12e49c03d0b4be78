/*
 * print_nd.c - IPv6 neighbor discovery options (RFC 4861 section 4.6) as
 * tcpdump 4.99 print-icmp6.c icmp6_opt_print prints them with -v: one line
 * per option, "\n\t  NAME option (TYPE), length BYTES (UNITS): VALUE", and
 * with -vv each option's value bytes as hex after it.
 *
 *   0 type  1 length (units of 8 bytes, including these two)  2 value
 */
#include "print.h"
#include "print_dns.h"

#include <string.h>

static const char *opt_name(uint8_t type)
{
	switch (type) {
	case 1: return "source link-address";
	case 2: return "destination link-address";
	case 3: return "prefix info";
	case 4: return "redirected header";
	case 5: return "mtu";
	case 7: return "advertisement interval";
	case 8: return "homeagent information";
	case 24: return "route info";
	case 25: return "rdnss";
	case 31: return "dnssl";
	default: return "unknown";
	}
}

const char *rc__nd_rtpref(uint8_t flags)
{
	static const char *const pref[4] = { "medium", "high", "rsv", "low" };
	return pref[(flags >> 3) & 3];
}

/* tcpdump's get_lifetime. */
static void lifetime(rc__pctx *c, uint32_t v)
{
	if (v == 0xffffffffu)
		rc__ob_puts(c->ob, "infinity");
	else
		rc__ob_printf(c->ob, "%us", v);
}

/* RFC 4861 section 4.6.2.  tcpdump reads the 32-byte layout whatever the
 * length says, so a short option borrows the bytes after it. */
static int prefix_info(rc__pctx *c, const uint8_t *op, unsigned units)
{
	RC_NEED(c, op, 32);
	static const rc__bitname prefix_bits[] = {
		{ 0x80, "onlink" }, { 0x40, "auto" }, { 0x20, "router" } };
	char fl[32];
	rc__put_ip6(c->ob, op + 16);
	rc__ob_printf(c->ob, "/%u%s, Flags [%s], valid time ", op[2], units != 4 ? "badlen" : "",
		      rc__bit_names(fl, sizeof(fl), op[3], prefix_bits, 3));
	lifetime(c, rc__be32(op + 4));
	rc__ob_puts(c->ob, ", pref. time ");
	lifetime(c, rc__be32(op + 8));
	return 0;
}

/* RFC 8106 section 5.1: as many whole addresses as the length holds. */
static void rdnss(rc__pctx *c, const uint8_t *op, unsigned units)
{
	rc__ob_printf(c->ob, " lifetime %us,", rc__be32(op + 4));
	for (unsigned i = 0; i < (units - 1) / 2; i++) {
		rc__ob_puts(c->ob, " addr: ");
		rc__put_ip6(c->ob, op + 8 + 16 * i);
	}
}

/* RFC 8106 section 5.2: names until a zero byte or the option's end; a
 * name may run past that end, and compression pointers count from the
 * first option (tcpdump passes it as the message start). */
static int dnssl(rc__pctx *c, const uint8_t *first, const uint8_t *op, unsigned len)
{
	rc__ob_printf(c->ob, " lifetime %us, domain(s):", rc__be32(op + 4));
	const uint8_t *dp = op + 8;
	while (dp < op + len) {
		RC_NEED(c, dp, 1);
		if (*dp == 0)
			break;
		rc__ob_putc(c->ob, ' ');
		dp = rc__dns_fqdn(c, dp, first);
		if (!dp)
			return rc__trunc_soft(c);
	}
	return 0;
}

/* RFC 4191 section 2.3: the prefix field is 0, 8 or 16 bytes long. */
static int route_info(rc__pctx *c, const uint8_t *op, unsigned units)
{
	uint8_t prefix[16] = { 0 };
	if (units > 3)
		return rc__trunc_soft(c);
	memcpy(prefix, op + 8, (units - 1) * 8);
	rc__ob_putc(c->ob, ' ');
	rc__put_ip6(c->ob, prefix);
	rc__ob_printf(c->ob, "/%u, pref=%s, lifetime=", op[2], rc__nd_rtpref(op[3]));
	lifetime(c, rc__be32(op + 4));
	return 0;
}

/* One option's value; 1 when tcpdump stops after it (an unknown option
 * below -vv), or RC_PRINT_TRUNC. */
static int opt_value(rc__pctx *c, const uint8_t *first, const uint8_t *cp, unsigned units)
{
	unsigned len = units << 3;
	switch (cp[0]) {
	case 1:
	case 2: /* print_lladdr: the value bytes, colon-separated */
		for (unsigned i = 2; i < len; i++)
			rc__ob_printf(c->ob, "%s%02x", i > 2 ? ":" : "", cp[i]);
		return 0;
	case 3:
		return prefix_info(c, cp, units);
	case 4: /* tcpdump dumps from the first option, not this one */
		rc__hex_dump(c->ob, "\n\t    ", first, len, 0);
		return 0;
	case 5:
		rc__ob_printf(c->ob, " %u%s", rc__be32(cp + 4), units != 1 ? "bad option length" : "");
		return 0;
	case 7:
		rc__ob_printf(c->ob, " %ums", rc__be32(cp + 4));
		return 0;
	case 8:
		rc__ob_printf(c->ob, " preference %u, lifetime %u", rc__be16(cp + 4), rc__be16(cp + 6));
		return 0;
	case 24:
		return route_info(c, cp, units);
	case 25:
		rdnss(c, cp, units);
		return 0;
	case 31:
		return dnssl(c, first, cp, len);
	default:
		if (c->o->vflag > 1)
			return 0;
		rc__hex_dump(c->ob, "\n\t  ", cp + 2, len - 2, 0);
		return 1;
	}
}

int rc__nd_options(rc__pctx *c, const uint8_t *cp, int resid)
{
	const uint8_t *first = cp;
	while (rc__have(c, cp, 1)) {
		RC_NEED_SOFT(c, cp, 2);
		if (resid <= 0)
			return 0;
		unsigned units = cp[1], len = units << 3;
		if (units == 0 || !rc__have(c, cp, len))
			return rc__trunc_soft(c);
		rc__ob_printf(c->ob, "\n\t  %s option (%u), length %u (%u): ", opt_name(cp[0]),
			      cp[0], len, units);
		int r = opt_value(c, first, cp, units);
		if (r != 0)
			return r < 0 ? r : 0;
		if (c->o->vflag > 1) /* tcpdump's "additional hexdump" */
			rc__hex_dump(c->ob, "\n\t    ", cp + 2, len - 2, 0);
		cp += len;
		resid -= (int)len;
	}
	return 0;
}

/*
 * print_nd.c - IPv6 neighbor discovery options (RFC 4861 section 4.6) as
 * tcpdump 4.99 print-icmp6.c icmp6_opt_print prints them with -v: one line
 * per option, "\n\t  NAME option (TYPE), length BYTES (UNITS): VALUE", and
 * with -vv a hex dump of the value under it.
 *
 *   0 type  1 length (units of 8 bytes, including these two)  2 value
 */
#include "print.h"

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

/* tcpdump's get_lifetime. */
static void lifetime(rc__pctx *c, uint32_t v)
{
	if (v == 0xffffffffu)
		rc__ob_puts(c->ob, "infinity");
	else
		rc__ob_printf(c->ob, "%us", v);
}

/* RFC 4861 section 4.6.2; the whole option is captured (checked by the caller). */
static void prefix_info(rc__pctx *c, const uint8_t *op, unsigned units)
{
	uint8_t f = op[3];
	char fl[32] = "";
	if (f & 0x80)
		strcat(fl, "onlink");
	if (f & 0x40)
		strcat(fl, fl[0] ? ", auto" : "auto");
	if (f & 0x20)
		strcat(fl, fl[0] ? ", router" : "router");
	rc__put_ip6(c->ob, op + 16);
	rc__ob_printf(c->ob, "/%u%s, Flags [%s], valid time ", op[2], units != 4 ? "badlen" : "",
		      fl[0] ? fl : "none");
	lifetime(c, rc__be32(op + 4));
	rc__ob_puts(c->ob, ", pref. time ");
	lifetime(c, rc__be32(op + 8));
}

int rc__nd_options(rc__pctx *c, const uint8_t *cp, int resid)
{
	while (rc__have(c, cp, 1)) {
		RC_NEED_SOFT(c, cp, 2);
		if (resid <= 0)
			return 0;
		uint8_t type = cp[0];
		unsigned units = cp[1], len = units << 3;
		if (units == 0 || !rc__have(c, cp, len))
			return rc__trunc_soft(c);
		rc__ob_printf(c->ob, "\n\t  %s option (%u), length %u (%u): ", opt_name(type), type,
			      len, units);
		switch (type) {
		case 1:
		case 2: /* print_lladdr: the value bytes, colon-separated */
			for (unsigned i = 2; i < len; i++)
				rc__ob_printf(c->ob, "%s%02x", i > 2 ? ":" : "", cp[i]);
			break;
		case 3:
			if (len < 32)
				return rc__trunc_soft(c);
			prefix_info(c, cp, units);
			break;
		case 5:
			rc__ob_printf(c->ob, " %u%s", rc__be32(cp + 4),
				      units != 1 ? "bad option length" : "");
			break;
		default:
			/* unknown options, and the ones tcpdump decodes but ringcap
			 * does not (docs/cli.md): at -v print_unknown_data, then
			 * stop; at -vv only the dump below, and go on */
			if (c->o->vflag <= 1) {
				rc__hex_dump(c->ob, "\n\t  ", cp + 2, len - 2, 0);
				return 0;
			}
			break;
		}
		/* -vv: every option's value again as hex, as tcpdump does */
		if (c->o->vflag > 1)
			rc__hex_dump(c->ob, "\n\t    ", cp + 2, len - 2, 0);
		cp += len;
		resid -= (int)len;
	}
	return 0;
}

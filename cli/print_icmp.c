/*
 * print_icmp.c - ICMP (RFC 792) and ICMPv6 (RFC 4443, ND RFC 4861, MLDv2
 * RFC 3810) summaries as tcpdump 4.99 print-icmp.c and print-icmp6.c.
 *
 *   0      1      2       4               8
 *   | type | code | csum  | rest of header | data (for errors: the offending
 *                                            IP header + 8 bytes)
 */
#include "print.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int icmp_errtype(uint8_t t)
{
	return t == 3 || t == 4 || t == 5 || t == 11 || t == 12;
}

static const char *unreach_fmt(unsigned code)
{
	switch (code) {
	case 5: return "%s unreachable - source route failed";
	case 6: return "net %s unreachable - unknown";
	case 7: return "host %s unreachable - unknown";
	case 8: return "%s unreachable - source host isolated";
	case 9: return "net %s unreachable - admin prohibited";
	case 10: return "host %s unreachable - admin prohibited";
	case 11: return "net %s unreachable - tos prohibited";
	case 12: return "host %s unreachable - tos prohibited";
	case 13: return "host %s unreachable - admin prohibited filter";
	case 14: return "host %s unreachable - host precedence violation";
	case 15: return "host %s unreachable - precedence cutoff";
	default: return NULL;
	}
}

static const char *icmp_type_name(uint8_t t)
{
	switch (t) {
	case 0: return "echo reply";
	case 3: return "destination unreachable";
	case 4: return "source quench";
	case 5: return "redirect";
	case 8: return "echo request";
	case 9: return "router advertisement";
	case 10: return "router solicitation";
	case 11: return "time exceeded";
	case 12: return "parameter problem";
	case 13: return "time stamp request";
	case 14: return "time stamp reply";
	case 15: return "information request";
	case 16: return "information reply";
	case 17: return "address mask request";
	case 18: return "address mask reply";
	default: return NULL;
	}
}

/* Milliseconds since midnight UT as tcpdump's icmp_tstamp_print. */
static void tstamp_str(char *buf, size_t size, uint32_t ms)
{
	uint32_t sec = ms / 1000, min = sec / 60, hrs = min / 60;
	snprintf(buf, size, "%02u:%02u:%02u.%03u", hrs, min % 60, sec % 60, ms % 1000);
}

static void ip4str(char *buf, const uint8_t *a)
{
	snprintf(buf, 16, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* Append to the summary as tcpdump does, cutting it at the buffer's end. */
static void append(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t n, const char *fmt, ...)
{
	size_t l = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + l, n - l, fmt, ap);
	va_end(ap);
}

/* Router advertisement (RFC 1256 3): count, entry size and lifetime, then
 * with 2-word entries the address/preference pairs. */
static int router_adv(rc__pctx *c, const uint8_t *dp, char *buf, size_t n)
{
	RC_NEED_SOFT(c, dp + 4, 4);
	unsigned num = dp[4], size = dp[5], life = rc__be16(dp + 6);
	snprintf(buf, n, "router advertisement lifetime ");
	if (life < 60)
		append(buf, n, "%u", life);
	else if (life < 3600)
		append(buf, n, "%u:%02u", life / 60, life % 60);
	else
		append(buf, n, "%u:%02u:%02u", life / 3600, (life % 3600) / 60, life % 60);
	append(buf, n, " %u:", num);
	if (size != 2) {
		append(buf, n, " [size %u]", size);
		return 0;
	}
	for (const uint8_t *e = dp + 8; num > 0; num--, e += 8) {
		char a[16];
		RC_NEED_SOFT(c, e, 8);
		ip4str(a, e);
		append(buf, n, " {%s %u}", a, rc__be32(e + 4));
	}
	return 0;
}

int rc__print_icmp(rc__pctx *c, const uint8_t *dp, uint32_t plen, const uint8_t *iph,
		   int fragmented)
{
	char buf[164], a1[16], a2[16]; /* tcpdump's MAXHOSTNAMELEN + 100 */
	(void)iph;
	c->proto = "icmp";
	RC_NEED(c, dp, 2);
	uint8_t type = dp[0], code = dp[1];
	const uint8_t *oip = dp + 8;

	switch (type) {
	case 0:
	case 8:
		RC_NEED(c, dp, 8);
		snprintf(buf, sizeof(buf), "echo %s, id %u, seq %u", type == 8 ? "request" : "reply",
			 rc__be16(dp + 4), rc__be16(dp + 6));
		break;
	case 3:
		/* Port unreachable checks the protocol byte first (ND_TCHECK). */
		if (code == 3)
			RC_NEED_SOFT(c, oip + 9, 1);
		RC_NEED(c, oip, 20);
		ip4str(a1, oip + 16);
		switch (code) {
		case 0:
			snprintf(buf, sizeof(buf), "net %s unreachable", a1);
			break;
		case 1:
			snprintf(buf, sizeof(buf), "host %s unreachable", a1);
			break;
		case 2:
			snprintf(buf, sizeof(buf), "%s protocol %u unreachable", a1, oip[9]);
			break;
		case 3: {
			unsigned hlen = (oip[0] & 0x0f) * 4u;
			RC_NEED(c, oip + hlen, 4);
			unsigned port = rc__be16(oip + hlen + 2);
			if (oip[9] == 6)
				snprintf(buf, sizeof(buf), "%s tcp port %u unreachable", a1, port);
			else if (oip[9] == 17)
				snprintf(buf, sizeof(buf), "%s udp port %u unreachable", a1, port);
			else
				snprintf(buf, sizeof(buf), "%s protocol %u port %u unreachable", a1, oip[9], port);
			break;
		}
		case 4: {
			unsigned mtu = rc__be16(dp + 6);
			if (mtu)
				snprintf(buf, sizeof(buf), "%s unreachable - need to frag (mtu %u)", a1, mtu);
			else
				snprintf(buf, sizeof(buf), "%s unreachable - need to frag", a1);
			break;
		}
		default: {
			const char *fmt = unreach_fmt(code);
			if (fmt)
				snprintf(buf, sizeof(buf), fmt, a1);
			else
				snprintf(buf, sizeof(buf), "%s unreachable - #%u", a1, code);
			break;
		}
		}
		break;
	case 5: {
		RC_NEED(c, oip, 20);
		ip4str(a1, oip + 16);
		ip4str(a2, dp + 4);
		static const char *const rfmt[4] = { "redirect %s to net %s", "redirect %s to host %s",
						     "redirect-tos %s to net %s",
						     "redirect-tos %s to host %s" };
		if (code < 4)
			snprintf(buf, sizeof(buf), rfmt[code], a1, a2);
		else
			snprintf(buf, sizeof(buf), "redirect-#%u %s to %s", code, a1, a2);
		break;
	}
	case 11:
		RC_NEED_SOFT(c, oip + 16, 4);
		if (code == 0)
			snprintf(buf, sizeof(buf), "time exceeded in-transit");
		else if (code == 1)
			snprintf(buf, sizeof(buf), "ip reassembly time exceeded");
		else
			snprintf(buf, sizeof(buf), "time exceeded-#%u", code);
		break;
	case 12:
		if (code) {
			snprintf(buf, sizeof(buf), "parameter problem - code %u", code);
		} else {
			RC_NEED(c, dp, 5);
			snprintf(buf, sizeof(buf), "parameter problem - octet %u", dp[4]);
		}
		break;
	case 13:
		RC_NEED(c, dp, 8);
		snprintf(buf, sizeof(buf), "time stamp query id %u seq %u", rc__be16(dp + 4), rc__be16(dp + 6));
		break;
	case 14: {
		char t[3][24];
		RC_NEED_SOFT(c, dp + 16, 4);
		for (int i = 0; i < 3; i++)
			tstamp_str(t[i], sizeof(t[i]), rc__be32(dp + 8 + 4 * i));
		snprintf(buf, sizeof(buf), "time stamp reply id %u seq %u: org %s, recv %s, xmit %s",
			 rc__be16(dp + 4), rc__be16(dp + 6), t[0], t[1], t[2]);
		break;
	}
	case 18:
		RC_NEED(c, dp, 12);
		snprintf(buf, sizeof(buf), "address mask is 0x%08x", rc__be32(dp + 8));
		break;
	case 9:
		RC_TRY(router_adv(c, dp, buf, sizeof(buf)));
		break;
	default: {
		const char *n = icmp_type_name(type);
		if (n)
			snprintf(buf, sizeof(buf), "%s", n);
		else
			snprintf(buf, sizeof(buf), "type-#%u", type);
		break;
	}
	}
	rc__ob_printf(c->ob, "ICMP %s, length %u", buf, plen);
	if (c->o->vflag && !fragmented && rc__have(c, dp, plen)) {
		uint16_t sum = rc__cksum_fold(rc__cksum_add(0, dp, plen));
		if (sum != 0) {
			RC_NEED(c, dp, 4);
			uint16_t icmp_sum = rc__be16(dp + 2);
			rc__ob_printf(c->ob, " (wrong icmp cksum %x (->%x)!)", icmp_sum,
				      rc__cksum_shouldbe(icmp_sum, sum));
		}
	}
	if (c->o->vflag >= 1 && icmp_errtype(type)) {
		rc__ob_puts(c->ob, "\n\t");
		const uint8_t *saved = c->end;
		RC_NEED(c, oip, 4);
		/* tcpdump reads that length again once the capture ends there:
		 * under 4 bytes the read is cut, still as ICMP */
		if (rc__be16(oip + 2) < 4)
			return rc__trunc(c);
		/* tcpdump ends the capture at the quoted packet's own length */
		rc__push_end(c, oip, rc__be16(oip + 2));
		int r = rc__print_ip(c, oip, rc__be16(oip + 2));
		c->end = saved;
		/* a quoted packet that stopped without unwinding lets tcpdump
		 * go on to the extensions */
		if (r < 0 && c->unwound)
			return r;
	}
	/* RFC 4884 multi-part extensions after the 128 bytes of a quoted
	 * packet: tcpdump looks for them in errors longer than 136 bytes.
	 * They are not decoded here (docs/cli.md), but their absence from
	 * the capture ends the line as in tcpdump. */
	if (c->o->vflag >= 1 && plen > 136 && (type == 3 || type == 11 || type == 12)) {
		c->proto = "icmp";
		RC_NEED_SOFT(c, dp, 161);
	}
	return 0;
}

/* ---- ICMPv6 ---- */

static const char *icmp6_type_name(uint8_t t)
{
	switch (t) {
	case 1: return "destination unreachable";
	case 2: return "packet too big";
	case 3: return "time exceeded in-transit";
	case 4: return "parameter problem";
	case 128: return "echo request";
	case 129: return "echo reply";
	case 130: return "multicast listener query";
	case 131: return "multicast listener report";
	case 132: return "multicast listener done";
	case 133: return "router solicitation";
	case 134: return "router advertisement";
	case 135: return "neighbor solicitation";
	case 136: return "neighbor advertisement";
	case 137: return "redirect";
	case 138: return "router renumbering";
	case 139: return "node information query";
	case 140: return "node information reply";
	case 141: return "inverse neighbor solicitation";
	case 142: return "inverse neighbor advertisement";
	case 143: return "multicast listener report v2";
	case 144: return "ha discovery request";
	case 145: return "ha discovery reply";
	case 146: return "mobile router solicitation";
	case 147: return "mobile router advertisement";
	case 200: return "mtrace response";
	case 201: return "mtrace message";
	default: return NULL;
	}
}

static const char *unreach6_code(uint8_t code)
{
	switch (code) {
	case 0: return "unreachable route";
	case 1: return " unreachable prohibited"; /* tcpdump's name starts with a blank */
	case 2: return "beyond scope";
	case 3: return "unreachable address";
	case 4: return "unreachable port";
	/* 5 and 6 (RFC 4443) have no name in tcpdump 4.99.3 */
	default: return NULL;
	}
}

/* Upper-layer header of the invoking packet inside an ICMPv6 error: walks
 * the inner IPv6 extension headers like tcpdump's get_upperlayer. */
static const uint8_t *upper_layer(rc__pctx *c, const uint8_t *oip, uint8_t *prot)
{
	if (!rc__have(c, oip, 40))
		return NULL;
	uint8_t nh = oip[6];
	const uint8_t *p = oip + 40;
	for (int hops = 0; hops < 16; hops++) {
		switch (nh) {
		case 6:
		case 17:
			*prot = nh;
			return rc__have(c, p, 4) ? p : NULL;
		case 0:
		case 60:
		case 43:
			if (!rc__have(c, p, 2))
				return NULL;
			nh = p[0];
			p += (p[1] + 1u) << 3;
			break;
		case 44:
			if (!rc__have(c, p, 4))
				return NULL;
			if (rc__be16(p + 2) & 0xfff8)
				return NULL;
			nh = p[0];
			p += 8;
			break;
		case 51:
			if (!rc__have(c, p, 2))
				return NULL;
			nh = p[0];
			p += (p[1] + 2u) << 2;
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

/* MLDv1 (RFC 2710 3): maximum response delay and multicast address, when
 * the 24-byte message is captured (tcpdump's mld6_print prints nothing
 * otherwise). */
static int mld_v1(rc__pctx *c, const uint8_t *dp)
{
	if (!rc__have(c, dp, 24))
		return 0;
	rc__ob_printf(c->ob, "max resp delay: %u addr: ", rc__be16(dp + 4));
	rc__put_ip6(c->ob, dp + 8);
	return 0;
}

/* RFC 3810 5.1.3 / 5.1.9: the maximum response code and QQIC as 12- and
 * 4-bit mantissas with 3-bit exponents once past their linear ranges. */
static unsigned mld_float(unsigned v, unsigned lin, unsigned mant, unsigned shift)
{
	if (v < lin)
		return v;
	return ((v & mant) | (mant + 1)) << (((v >> shift) & 7) + 3);
}

/* MLDv2 query (RFC 3810 5.1): group, with -v the delay, S flag, QRV and
 * QQI, then the source count (the sources with -vv). */
static int mld_v2_query(rc__pctx *c, const uint8_t *dp, uint32_t length)
{
	rc__ob_puts(c->ob, " v2");
	RC_NEED(c, dp + 4, 2);
	unsigned mrt = mld_float(rc__be16(dp + 4), 32768, 0x0fff, 12);
	if (c->o->vflag)
		rc__ob_printf(c->ob, " [max resp delay=%u]", mrt);
	RC_NEED(c, dp + 8, 16);
	rc__ob_puts(c->ob, " [gaddr ");
	rc__put_ip6(c->ob, dp + 8);
	if (c->o->vflag) {
		RC_NEED(c, dp + 24, 2);
		if (dp[24] & 0x08)
			rc__ob_puts(c->ob, " sflag");
		if (dp[24] & 0x07)
			rc__ob_printf(c->ob, " robustness=%u", dp[24] & 0x07);
		rc__ob_printf(c->ob, " qqi=%u", mld_float(dp[25], 128, 0x0f, 4));
	}
	RC_NEED(c, dp + 26, 2);
	unsigned nsrcs = rc__be16(dp + 26);
	if (nsrcs > 0) {
		if (length < 28 + nsrcs * 16u) {
			rc__ob_puts(c->ob, " [invalid number of sources]");
		} else if (c->o->vflag > 1) {
			rc__ob_puts(c->ob, " {");
			for (unsigned i = 0; i < nsrcs; i++) {
				RC_NEED(c, dp + 28 + 16 * i, 16);
				rc__ob_putc(c->ob, ' ');
				rc__put_ip6(c->ob, dp + 28 + 16 * i);
			}
			rc__ob_puts(c->ob, " }");
		} else {
			rc__ob_printf(c->ob, ", %u source(s)", nsrcs);
		}
	}
	rc__ob_putc(c->ob, ']');
	return 0;
}

/* RFC 6275 6.6: the identifier, then home agent addresses up to the ICMPv6
 * length (tcpdump reads a whole address even where the length ends). */
static int ha_reply(rc__pctx *c, const uint8_t *dp, uint32_t length)
{
	RC_NEED(c, dp, 6);
	rc__ob_printf(c->ob, ", id 0x%04x", rc__be16(dp + 4));
	for (uint32_t off = 8; off < length; off += 16) {
		RC_NEED(c, dp + off, 16);
		rc__ob_puts(c->ob, ", ");
		rc__put_ip6(c->ob, dp + off);
	}
	return 0;
}

/* RFC 6275 6.8: identifier, the M and O flags, then ND options. */
static int mobile_prefix_adv(rc__pctx *c, const uint8_t *dp, uint32_t length)
{
	RC_NEED(c, dp, 6);
	rc__ob_printf(c->ob, ", id 0x%04x", rc__be16(dp + 4));
	RC_NEED(c, dp, 8);
	rc__ob_printf(c->ob, "%s%s%s", (dp[6] & 0xc0) ? " " : "", (dp[6] & 0x80) ? "M" : "",
		      (dp[6] & 0x40) ? "O" : "");
	return rc__nd_options(c, dp + 8, (int)length - 8);
}

int rc__print_icmp6(rc__pctx *c, const uint8_t *dp, uint32_t length, const uint8_t *iph,
		    int fragmented)
{
	c->proto = "icmp6";
	const uint8_t *oip = dp + 8;
	if (length == 0) {
		rc__ob_puts(c->ob, "ICMP6, length 0 (invalid)");
		return 0;
	}
	if (c->o->vflag && !fragmented && rc__have(c, dp, length)) {
		RC_NEED(c, dp, 4);
		uint16_t sum = rc__cksum_fold(rc__cksum_add(rc__pseudo_sum(c, iph, 58, length), dp, length));
		uint16_t icmp_sum = rc__be16(dp + 2);
		if (sum != 0)
			rc__ob_printf(c->ob, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ", icmp_sum,
				      rc__cksum_shouldbe(icmp_sum, sum));
		else
			rc__ob_puts(c->ob, "[icmp6 sum ok] ");
	}
	RC_NEED(c, dp, 1);
	uint8_t type = dp[0];
	const char *tn = icmp6_type_name(type);
	if (tn)
		rc__ob_printf(c->ob, "ICMP6, %s", tn);
	else
		rc__ob_printf(c->ob, "ICMP6, unknown icmp6 type (%u)", type);
	if (c->o->vflag && (type == 133 || type == 134 || type == 135 || type == 136 || type == 137 ||
			    type == 145 || type == 147))
		rc__ob_printf(c->ob, ", length %u", length);
	/* tcpdump reads the code byte for every type */
	RC_NEED(c, dp, 2);

	switch (type) {
	case 1: {
		uint8_t code = dp[1];
		const char *cn = unreach6_code(code);
		if (cn)
			rc__ob_printf(c->ob, ", %s", cn);
		else
			rc__ob_printf(c->ob, ", unknown unreach code (%u)", code);
		switch (code) {
		case 0:
		case 1:
		case 3:
			RC_NEED(c, oip + 24, 16);
			rc__ob_putc(c->ob, ' ');
			rc__put_ip6(c->ob, oip + 24);
			break;
		case 2:
			RC_NEED(c, oip + 8, 32);
			rc__ob_putc(c->ob, ' ');
			rc__put_ip6(c->ob, oip + 24);
			rc__ob_puts(c->ob, ", source address ");
			rc__put_ip6(c->ob, oip + 8);
			break;
		case 4: {
			uint8_t prot = 0;
			const uint8_t *ouh = upper_layer(c, oip, &prot);
			if (!ouh)
				return rc__trunc_soft(c);
			unsigned dport = rc__be16(ouh + 2);
			rc__ob_puts(c->ob, ", ");
			rc__put_ip6(c->ob, oip + 24);
			if (prot == 6)
				rc__ob_printf(c->ob, " tcp port %u", dport);
			else if (prot == 17)
				rc__ob_printf(c->ob, " udp port %u", dport);
			else
				rc__ob_printf(c->ob, " protocol %u port %u unreachable", prot, dport);
			break;
		}
		default:
			if (c->o->vflag <= 1)
				return rc__unknown_data(c, dp, "\n\t", length);
			break;
		}
		break;
	}
	case 2:
		RC_NEED(c, dp, 8);
		rc__ob_printf(c->ob, ", mtu %u", rc__be32(dp + 4));
		break;
	case 3:
		if (dp[1] == 0) {
			RC_NEED(c, oip, 40);
			rc__ob_puts(c->ob, " for ");
			rc__put_ip6(c->ob, oip + 24);
		} else if (dp[1] == 1) {
			rc__ob_puts(c->ob, " (reassembly)");
		} else {
			rc__ob_printf(c->ob, ", unknown code (%u)", dp[1]);
		}
		break;
	case 4: {
		RC_NEED_SOFT(c, oip, 40);
		unsigned ptr = rc__be32(dp + 4);
		switch (dp[1]) {
		case 0: rc__ob_printf(c->ob, ", erroneous - octet %u", ptr); break;
		case 1: rc__ob_printf(c->ob, ", next header - octet %u", ptr); break;
		case 2: rc__ob_printf(c->ob, ", option - octet %u", ptr); break;
		case 3: rc__ob_printf(c->ob, ", incomplete header chain - octet %u", ptr); break;
		default: rc__ob_printf(c->ob, ", code-#%u", dp[1]); break;
		}
		break;
	}
	case 128:
	case 129:
		RC_NEED(c, dp, 8);
		rc__ob_printf(c->ob, ", id %u, seq %u", rc__be16(dp + 4), rc__be16(dp + 6));
		break;
	case 133:
	case 134:
		/* with -v: the RA parameters (RFC 4191 preference in flag bits
		 * 3-4), then the ND options after the 8-byte RS or 16-byte RA */
		if (type == 134 && c->o->vflag) {
			static const rc__bitname ra_bits[] = { { 0x80, "managed" },
							       { 0x40, "other stateful" },
							       { 0x20, "home agent" },
							       { 0x02, "ipv6 only" } };
			RC_NEED(c, dp, 16);
			uint8_t f = dp[5];
			char fl[64];
			rc__ob_printf(c->ob,
				      "\n\thop limit %u, Flags [%s], pref %s, router lifetime %us, "
				      "reachable time %ums, retrans timer %ums",
				      dp[4], rc__bit_names(fl, sizeof(fl), f, ra_bits, 4),
				      rc__nd_rtpref(f), rc__be16(dp + 6),
				      rc__be32(dp + 8), rc__be32(dp + 12));
		}
		if (c->o->vflag)
			RC_TRY(rc__nd_options(c, dp + (type == 133 ? 8 : 16),
					      (int)length - (type == 133 ? 8 : 16)));
		break;
	case 135:
	case 136:
		RC_NEED(c, dp, 24);
		rc__ob_puts(c->ob, type == 135 ? ", who has " : ", tgt is ");
		rc__put_ip6(c->ob, dp + 8);
		if (type == 136 && c->o->vflag) {
			static const rc__bitname na_bits[] = { { 0x80000000u, "router" },
							       { 0x40000000u, "solicited" },
							       { 0x20000000u, "override" } };
			char fl[48];
			rc__ob_printf(c->ob, ", Flags [%s]",
				      rc__bit_names(fl, sizeof(fl), rc__be32(dp + 4), na_bits, 3));
		}
		if (c->o->vflag)
			RC_TRY(rc__nd_options(c, dp + 24, (int)length - 24));
		break;
	case 137:
		RC_NEED(c, dp, 40);
		rc__ob_puts(c->ob, ", ");
		rc__put_ip6(c->ob, dp + 24);
		rc__ob_puts(c->ob, " to ");
		rc__put_ip6(c->ob, dp + 8);
		if (c->o->vflag)
			RC_TRY(rc__nd_options(c, dp + 40, (int)length - 40));
		break;
	case 143:
		/* tcpdump's mldv2_report_print checks the length first */
		if (length < 8) {
			rc__ob_printf(c->ob, " [invalid len %u]", length);
			break;
		}
		RC_NEED(c, dp, 8);
		RC_TRY(rc__group_records(c, dp, length, 16));
		break;
	case 130:
		if (length == 24)
			RC_TRY(mld_v1(c, dp));
		else if (length >= 28)
			RC_TRY(mld_v2_query(c, dp, length));
		else
			rc__ob_printf(c->ob, " unknown-version (len %u) ", length);
		break;
	case 131:
	case 132:
		RC_TRY(mld_v1(c, dp));
		break;
	case 144:
	case 146: /* RFC 6275 6.5 and 6.7: the identifier */
		RC_NEED(c, dp, 6);
		rc__ob_printf(c->ob, ", id 0x%04x", rc__be16(dp + 4));
		break;
	case 145:
	case 147: /* tcpdump reads the code byte even without -v */
		RC_NEED(c, dp, 2);
		if (c->o->vflag)
			RC_TRY(type == 145 ? ha_reply(c, dp, length) : mobile_prefix_adv(c, dp, length));
		break;
	default:
		if (tn && type < 200)
			break; /* named types whose bodies tcpdump decodes further */
		rc__ob_printf(c->ob, ", length %u", length);
		if (c->o->vflag <= 1)
			return rc__unknown_data(c, dp, "\n\t", length);
		return 0;
	}
	if (!c->o->vflag)
		rc__ob_printf(c->ob, ", length %u", length);
	return 0;
}

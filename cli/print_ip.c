/*
 * print_ip.c - IPv4 (RFC 791) and the protocol demultiplexer shared with
 * IPv6, as tcpdump 4.99 print-ip.c and print-ip-demux.c.
 *
 *   0       1       2               4               8       9      10
 *   |ver|ihl| tos   | total length  | id    |fl|off | ttl   | proto | csum |
 *   12 src(4)  16 dst(4)  20 options (ihl*4 - 20)
 */
#include "print.h"


#define RC_IP_MF 0x2000
#define RC_IP_DF 0x4000
#define RC_IP_RES 0x8000
#define RC_IP_OFFMASK 0x1fff

/* IPv4 options (RFC 791 3.1), walked as tcpdump 4.99 print-ip.c does: the
 * code and length bytes are read with unwinding reads (" [|ip]"), an option
 * body that is not all captured stops the walk with " [truncated-option]",
 * and route/time stamp entries are read up to the option length rounded up
 * to whole entries, so a short option can show bytes that follow it.
 *
 *   route (RR 7, LSRR 131, SSRR 137):  | code | len | ptr | addr(4) ...
 *   time stamp (68):  | code | len | ptr | oflw(4) flg(4) | [addr(4)] ts(4) ...
 */
#define RC_IPOPT_CUT 1   /* an option body passes the snapend */

static const char *ipopt_name(uint8_t code)
{
	switch (code) {
	case 0: return "EOL";
	case 1: return "NOP";
	case 7: return "RR";
	case 68: return "timestamp";
	case 82: return "traceroute";
	case 130: return "security";
	case 131: return "LSRR";
	case 137: return "SSRR";
	case 148: return "RA";
	default: return NULL;
	}
}

static int ipopt_route(rc__pctx *c, const uint8_t *cp, unsigned len)
{
	if (len < 3) {
		rc__ob_printf(c->ob, " [bad length %u]", len);
		return 0;
	}
	if ((len + 1) & 3)
		rc__ob_printf(c->ob, " [bad length %u]", len);
	/* ptr counts from 1; a zero pointer wraps and marks every address. */
	unsigned ptr = cp[2] - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1)
		rc__ob_printf(c->ob, " [bad ptr %u]", cp[2]);
	for (unsigned i = 3; i < len; i += 4) {
		if (!rc__have(c, cp + i, 4))
			return RC_IPOPT_CUT;
		rc__ob_putc(c->ob, ' ');
		rc__put_ip4(c->ob, cp + i);
		if (ptr > i)
			rc__ob_putc(c->ob, ',');
	}
	return 0;
}

static int ipopt_timestamp(rc__pctx *c, const uint8_t *cp, unsigned len)
{
	if (len < 4) {
		rc__ob_printf(c->ob, "[bad length %u]", len);
		return 0;
	}
	rc__ob_puts(c->ob, " TS{");
	unsigned flag = cp[3] & 0x0f;
	unsigned hoplen = flag != 0 ? 8 : 4; /* 0: time stamps only */
	if ((len - 4) & (hoplen - 1))
		rc__ob_printf(c->ob, "[bad length %u]", len);
	unsigned ptr = cp[2] - 1u, i = 0;
	if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > len + 1)
		rc__ob_printf(c->ob, "[bad ptr %u]", cp[2]);
	static const char *const flags[4] = { "TSONLY", "TS+ADDR", NULL, "PRESPEC" };
	if (flag < 4 && flags[flag]) {
		rc__ob_puts(c->ob, flags[flag]);
		const char *mark = " ";
		for (i = 4; i < len; i += hoplen) {
			if (ptr == i)
				mark = " ^ ";
			if (!rc__have(c, cp + i, hoplen))
				return RC_IPOPT_CUT;
			rc__ob_printf(c->ob, "%s%u@", mark, rc__be32(cp + i + hoplen - 4));
			if (hoplen == 8)
				rc__put_ip4(c->ob, cp + i);
			mark = " ";
		}
	} else {
		rc__ob_printf(c->ob, "[bad ts type %u]", flag);
	}
	if (ptr == i)
		rc__ob_puts(c->ob, " ^ ");
	if (cp[3] >> 4)
		rc__ob_printf(c->ob, " [%u hops not recorded]} ", cp[3] >> 4);
	else
		rc__ob_putc(c->ob, '}');
	return 0;
}

/* 0, RC_IPOPT_CUT, or RC_PRINT_TRUNC after printing " [|ip]". */
static int ip_options(rc__pctx *c, const uint8_t *p, unsigned len)
{
	const char *sep = "";
	unsigned olen;
	for (; len > 0; p += olen, len -= olen) {
		rc__ob_puts(c->ob, sep);
		sep = ",";
		RC_NEED(c, p, 1);
		uint8_t code = p[0];
		const char *name = ipopt_name(code);
		if (name)
			rc__ob_puts(c->ob, name);
		else
			rc__ob_printf(c->ob, "unknown %u", code);
		if (code == 0 || code == 1) {
			olen = 1;
		} else {
			RC_NEED(c, p + 1, 1);
			olen = p[1];
			if (olen < 2) {
				rc__ob_printf(c->ob, " [bad length %u]", olen);
				return 0;
			}
		}
		if (olen > len) {
			rc__ob_printf(c->ob, " [bad length %u]", olen);
			return 0;
		}
		if (!rc__have(c, p, olen))
			return RC_IPOPT_CUT;
		int r = 0;
		switch (code) {
		case 0:
			return 0;
		case 68:
			r = ipopt_timestamp(c, p, olen);
			break;
		case 7:
		case 131:
		case 137:
			r = ipopt_route(c, p, olen);
			break;
		case 148:
			if (olen < 4)
				rc__ob_printf(c->ob, " [bad length %u]", olen);
			else if (rc__be16(p + 2) != 0)
				rc__ob_printf(c->ob, " value %u", rc__be16(p + 2));
			break;
		default:
			break;
		}
		if (r != 0)
			return r;
	}
	return 0;
}

/* The destination a TCP/UDP sender puts in the pseudo-header: the last
 * address of a source route option (LSRR 131, SSRR 137) if one holds at
 * least one address, else the header's own (RFC 1122 3.2.1.8: the final
 * destination).  The walk follows tcpdump 4.99 ip_finddst: EOL, a length
 * below 2 or an option running past the header end it with the header's
 * destination.  Callers have captured the segment after the header, so the
 * options are all there. */
const uint8_t *rc__ip4_final_dst(const uint8_t *ip)
{
	unsigned hlen = (ip[0] & 0x0f) * 4u;
	const uint8_t *cp = ip + 20;
	unsigned left = hlen > 20 ? hlen - 20 : 0, olen;
	for (; left != 0; cp += olen, left -= olen) {
		if (cp[0] == 0)
			break;
		if (cp[0] == 1) {
			olen = 1;
			continue;
		}
		/* tcpdump reads the length byte even when it lies past the
		 * options; any value there ends in the header destination. */
		if (left < 2)
			break;
		olen = cp[1];
		if (olen < 2 || olen > left)
			break;
		if ((cp[0] == 131 || cp[0] == 137) && olen >= 7)
			return cp + olen - 4;
	}
	return ip + 16;
}

static void put_addrs(rc__pctx *c, const uint8_t *ip, const char *sep)
{
	rc__put_ip4(c->ob, ip + 12);
	rc__ob_puts(c->ob, " > ");
	rc__put_ip4(c->ob, ip + 16);
	rc__ob_puts(c->ob, sep);
}

int rc__print_ip(rc__pctx *c, const uint8_t *ip, uint32_t length)
{
	c->proto = "ip";
	RC_NEED(c, ip, 1);
	unsigned ver = ip[0] >> 4;
	if (ver != 4) {
		if (ver == 6)
			rc__ob_puts(c->ob, "IP6, wrong link-layer encapsulation");
		else
			rc__ob_printf(c->ob, "IP%u", ver);
		rc__ob_puts(c->ob, " (invalid)");
		return 0;
	}
	if (!c->o->eflag)
		rc__ob_puts(c->ob, "IP ");
	RC_NEED_SOFT(c, ip, 20);
	if (length < 20) {
		rc__ob_printf(c->ob, "truncated-ip %u", length);
		return 0;
	}
	unsigned hlen = (ip[0] & 0x0f) * 4u;
	if (hlen < 20) {
		rc__ob_printf(c->ob, "bad-hlen %u", hlen);
		return 0;
	}
	unsigned len = rc__be16(ip + 2);
	if (len > length) {
		rc__ob_printf(c->ob, "truncated-ip - %u bytes missing! ", len - length);
	}
	if (len < hlen) {
		rc__ob_printf(c->ob, "bad-len %u", len);
		return 0;
	}
	/* tcpdump 4.99.3's ip_print cuts its snapshot at the IP total length
	 * (nd_push_snaplen(bp, len)), never at a shorter length from below
	 * (a PPPoE or L2TP header's): the captured bytes past that length
	 * are read up to the IP length, as print_ip6.c does */
	const uint8_t *saved_end = rc__push_end(c, ip, len);
	unsigned plen = len - hlen;
	unsigned off = rc__be16(ip + 6);
	uint8_t proto = ip[9];

	if (c->o->vflag) {
		int options_cut = 0;
		uint8_t tos = ip[1];
		rc__ob_printf(c->ob, "(tos 0x%x", tos);
		static const char *const ecn[4] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
		rc__ob_puts(c->ob, ecn[tos & 3]);
		if (ip[8] >= 1)
			rc__ob_printf(c->ob, ", ttl %u", ip[8]);
		static const rc__bitname frag_bits[] = {
			{ RC_IP_MF, "+" }, { RC_IP_DF, "DF" }, { RC_IP_RES, "rsvd" } };
		char flags[16];
		const char *pn = rc__ipproto_name(proto);
		rc__ob_printf(c->ob, ", id %u, offset %u, flags [%s], proto %s (%u)", rc__be16(ip + 4),
			      (off & RC_IP_OFFMASK) * 8,
			      rc__bit_names(flags, sizeof(flags), off, frag_bits, 3),
			      pn ? pn : "unknown", proto);
		rc__ob_printf(c->ob, ", length %u", len);
		if (hlen > 20) {
			rc__ob_puts(c->ob, ", options (");
			int r = ip_options(c, ip + 20, hlen - 20);
			if (r < 0)
				return r;
			if (r == RC_IPOPT_CUT) {
				rc__ob_puts(c->ob, " [truncated-option]");
				options_cut = 1;
			}
			rc__ob_putc(c->ob, ')');
		}
		if (!c->o->Kflag && rc__have(c, ip, hlen)) {
			uint16_t sum = rc__cksum_fold(rc__cksum_add(0, ip, hlen));
			if (sum != 0) {
				uint16_t ip_sum = rc__be16(ip + 10);
				rc__ob_printf(c->ob, ", bad cksum %x (->%x)!", ip_sum,
					      rc__cksum_shouldbe(ip_sum, sum));
			}
		}
		rc__ob_puts(c->ob, ")\n    ");
		if (options_cut) {
			put_addrs(c, ip, ": ");
			c->end = saved_end;
			return rc__trunc_soft(c);
		}
	}

	int r = 0;
	if ((off & RC_IP_OFFMASK) == 0) {
		if (proto != 6 && proto != 17 && proto != 132 && proto != 33)
			put_addrs(c, ip, ": ");
		if (!rc__have(c, ip, hlen)) {
			rc__ob_printf(c->ob, " [remaining caplen(%zu) < header length(%u)]",
				      rc__avail(c, ip), hlen);
			return rc__trunc(c);
		}
		r = rc__ip_demux(c, ip + hlen, plen, 4, (off & RC_IP_MF) != 0, proto, ip);
	} else {
		if (c->o->qflag > 1) {
			c->end = saved_end;
			return 0;
		}
		put_addrs(c, ip, ":");
		rc__ob_printf(c->ob, " ip-proto-%u", proto);
	}
	if (r < 0)
		return r;
	c->end = saved_end;
	return 0;
}

int rc__print_ip_any(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "ipN";
	if (length < 1) {
		rc__ob_printf(c->ob, "truncated-ip %u", length);
		return 0;
	}
	RC_NEED(c, p, 1);
	switch (p[0] & 0xf0) {
	case 0x40:
		return rc__print_ip(c, p, length);
	case 0x60:
		return rc__print_ip6(c, p, length);
	default:
		rc__ob_printf(c->ob, "unknown ip %u", p[0] >> 4);
		return 0;
	}
}

int rc__ip_demux(rc__pctx *c, const uint8_t *p, uint32_t length, int ver, int fragmented,
		 uint8_t nh, const uint8_t *iph)
{
	/* tcpdump prints each AH header and goes on with its next header */
	while (nh == 51) {
		if (!rc__have(c, p, 1)) {
			c->proto = "ah";
			return rc__trunc_soft(c);
		}
		uint8_t next = p[0];
		int adv = rc__print_ah(c, p);
		RC_TRY(adv);
		p += adv;
		/* the header was captured, and the capture ends within length;
		 * the clamp only keeps a broken caller from wrapping it */
		length = (uint32_t)adv < length ? length - (uint32_t)adv : 0;
		nh = next;
	}
	switch (nh) {
	case 6:
		return rc__print_tcp(c, p, length, iph, fragmented);
	case 17:
		return rc__print_udp(c, p, length, iph, fragmented);
	case 132:
		return rc__print_sctp(c, p, length, iph);
	case 33:
		return rc__print_dccp(c, p, length, iph);
	case 1:
		if (ver == 4)
			return rc__print_icmp(c, p, length, iph, fragmented);
		rc__ob_puts(c->ob, "[ICMP requires IPv4] (invalid)");
		return 0;
	case 58:
		if (ver == 6)
			return rc__print_icmp6(c, p, length, iph, fragmented);
		rc__ob_puts(c->ob, "[ICMPv6 requires IPv6] (invalid)");
		return 0;
	case 2:
		if (ver == 4)
			return rc__print_igmp(c, p, length);
		rc__ob_puts(c->ob, "[IGMP requires IPv4] (invalid)");
		return 0;
	case 47:
		return rc__print_gre(c, p, length);
	case 4:
		return rc__print_ip(c, p, length);
	case 41:
		return rc__print_ip6(c, p, length);
	case 59:
		rc__ob_puts(c->ob, "no next header");
		return 0;
	case 112:
		return rc__print_vrrp(c, p, length, iph);
	case 50:
		return rc__print_esp(c, p, length);
	case 108:
		return rc__print_ipcomp(c, p);
	case 103:
		return rc__print_pim(c, p, length, iph);
	case 77: /* tcpdump names the Sun ND protocol without decoding it */
		rc__ob_printf(c->ob, " nd %u", length);
		return 0;
	case 143: /* Ethernet frames over IPv6 (RFC 8986) */
		if (ver == 6)
			return rc__print_ether(c, p, length);
		rc__ob_puts(c->ob, "[Ethernet requires IPv6] (invalid)");
		return 0;
	case 88:
		return rc__print_eigrp(c, p, length);
	case 89:
		if (ver == 4)
			return rc__print_ospf(c, p, length);
		return rc__print_ospf6(c, p, length);
	default:
		rc__ob_printf(c->ob, " ip-proto-%u %u", nh, length);
		return 0;
	}
}

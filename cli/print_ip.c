/*
 * print_ip.c - IPv4 (RFC 791) and the protocol demultiplexer shared with
 * IPv6, as tcpdump 4.99 print-ip.c and print-ip-demux.c.
 *
 *   0       1       2               4               8       9      10
 *   |ver|ihl| tos   | total length  | id    |fl|off | ttl   | proto | csum |
 *   12 src(4)  16 dst(4)  20 options (ihl*4 - 20)
 */
#include "print.h"

#include <string.h>

#define RC_IP_MF 0x2000
#define RC_IP_DF 0x4000
#define RC_IP_RES 0x8000
#define RC_IP_OFFMASK 0x1fff

static void ip_options(rc__pctx *c, const uint8_t *p, unsigned len)
{
	while (len > 0) {
		uint8_t code = p[0];
		unsigned olen;
		switch (code) {
		case 0: rc__ob_puts(c->ob, "EOL"); break;
		case 1: rc__ob_puts(c->ob, "NOP"); break;
		case 7: rc__ob_puts(c->ob, "RR"); break;
		case 68: rc__ob_puts(c->ob, "TS"); break;
		case 130: rc__ob_puts(c->ob, "security"); break;
		case 131: rc__ob_puts(c->ob, "LSRR"); break;
		case 137: rc__ob_puts(c->ob, "SSRR"); break;
		case 148: rc__ob_puts(c->ob, "RA"); break;
		default: rc__ob_printf(c->ob, "unknown %u", code); break;
		}
		if (code == 0 || code == 1) {
			olen = 1;
		} else {
			olen = len >= 2 ? p[1] : 0;
			if (olen < 2) {
				rc__ob_printf(c->ob, " [bad length %u]", olen);
				return;
			}
		}
		if (olen > len) {
			rc__ob_printf(c->ob, " [bad length %u]", olen);
			return;
		}
		if (code == 0)
			return;
		if (code == 148) {
			if (olen < 4)
				rc__ob_printf(c->ob, " [bad length %u]", olen);
			else if (rc__be16(p + 2) != 0)
				rc__ob_printf(c->ob, " value %u", rc__be16(p + 2));
		}
		p += olen;
		len -= olen;
	}
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
	const uint8_t *saved_end = rc__push_end(c, ip, len < length ? len : length);
	unsigned plen = len - hlen;
	unsigned off = rc__be16(ip + 6);
	uint8_t proto = ip[9];

	if (c->o->vflag) {
		uint8_t tos = ip[1];
		rc__ob_printf(c->ob, "(tos 0x%x", tos);
		static const char *const ecn[4] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
		rc__ob_puts(c->ob, ecn[tos & 3]);
		if (ip[8] >= 1)
			rc__ob_printf(c->ob, ", ttl %u", ip[8]);
		char flags[16] = "";
		if (off & RC_IP_MF)
			strcat(flags, "+");
		if (off & RC_IP_DF)
			strcat(flags, flags[0] ? ", DF" : "DF");
		if (off & RC_IP_RES)
			strcat(flags, flags[0] ? ", rsvd" : "rsvd");
		const char *pn = rc__ipproto_name(proto);
		rc__ob_printf(c->ob, ", id %u, offset %u, flags [%s], proto %s (%u)", rc__be16(ip + 4),
			      (off & RC_IP_OFFMASK) * 8, flags[0] ? flags : "none",
			      pn ? pn : "unknown", proto);
		rc__ob_printf(c->ob, ", length %u", len);
		if (hlen > 20) {
			rc__ob_puts(c->ob, ", options (");
			if (!rc__have(c, ip + 20, hlen - 20)) {
				rc__ob_puts(c->ob, " [truncated-option]");
				c->end = saved_end;
				return 0;
			}
			ip_options(c, ip + 20, hlen - 20);
			rc__ob_putc(c->ob, ')');
		}
		if (rc__have(c, ip, hlen)) {
			uint16_t sum = rc__cksum_fold(rc__cksum_add(0, ip, hlen));
			if (sum != 0) {
				uint16_t ip_sum = rc__be16(ip + 10);
				uint32_t sb = (uint32_t)ip_sum + sum;
				sb = (sb & 0xffff) + (sb >> 16);
				sb = (sb & 0xffff) + (sb >> 16);
				rc__ob_printf(c->ob, ", bad cksum %x (->%x)!", ip_sum, sb);
			}
		}
		rc__ob_puts(c->ob, ")\n    ");
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
	switch (nh) {
	case 6:
		return rc__print_tcp(c, p, length, iph, fragmented);
	case 17:
		return rc__print_udp(c, p, length, iph, fragmented);
	case 132:
		return rc__print_sctp(c, p, length, iph);
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
		return rc__print_igmp(c, p, length);
	case 47:
		return rc__print_gre(c, p, length);
	case 4:
		return rc__print_ip(c, p, length);
	case 41:
		return rc__print_ip6(c, p, length);
	case 59:
		rc__ob_puts(c->ob, "no next header");
		return 0;
	default:
		rc__ob_printf(c->ob, " ip-proto-%u %u", nh, length);
		return 0;
	}
}

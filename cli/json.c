/*
 * json.c - --json output (see json.h): the link layers, ARP and IP; the
 * transport layers are in json_transport.c.  Decoding is bounds-checked
 * against caplen at every step; nothing is read past the captured bytes.
 */
#include "json.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "json_layers.h"
#include "ringcap/linktype.h"

#define IP6_MAX_EXT 16 /* extension headers walked before giving up */

struct cur {
	const uint8_t *p;
	size_t left;
};

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

void rc__json_string(rc__ob *ob, const char *s)
{
	rc__ob_putc(ob, '"');
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\') {
			rc__ob_putc(ob, '\\');
			rc__ob_putc(ob, (char)*c);
		} else if (*c < 0x20 || *c >= 0x7f) {
			/* Control characters, and bytes that may not be UTF-8: \u00XX. */
			rc__ob_printf(ob, "\\u%04x", *c);
		} else {
			rc__ob_putc(ob, (char)*c);
		}
	}
	rc__ob_putc(ob, '"');
}

static void mac(rc__ob *ob, const char *key, const uint8_t *a)
{
	rc__ob_printf(ob, "\"%s\":\"%02x:%02x:%02x:%02x:%02x:%02x\"", key, a[0], a[1], a[2], a[3],
		      a[4], a[5]);
}

static void truncated(rc__ob *ob)
{
	rc__json_truncated(ob);
}

static void transport(rc__ob *ob, uint8_t proto, struct cur c, size_t len, int first_fragment)
{
	rc__json_transport(ob, proto, (struct rc__json_cur){ c.p, c.left }, len, first_fragment);
}

static void ip4(rc__ob *ob, struct cur c)
{
	if (c.left < 20 || (c.p[0] >> 4) != 4)
		return truncated(ob);
	size_t hl = (size_t)(c.p[0] & 0x0f) * 4;
	if (hl < 20 || hl > c.left)
		return truncated(ob);
	const uint8_t *s = c.p + 12, *d = c.p + 16;
	uint16_t frag = be16(c.p + 6);
	rc__ob_printf(ob,
		      ",\"ip\":{\"src\":\"%u.%u.%u.%u\",\"dst\":\"%u.%u.%u.%u\",\"proto\":%u,"
		      "\"ttl\":%u,\"len\":%u,\"id\":%u,\"frag\":%u,\"mf\":%s}",
		      s[0], s[1], s[2], s[3], d[0], d[1], d[2], d[3], c.p[9], c.p[8], be16(c.p + 2),
		      be16(c.p + 4), (unsigned)(frag & 0x1fff) * 8, frag & 0x2000 ? "true" : "false");
	uint8_t proto = c.p[9];
	size_t tot = be16(c.p + 2);
	struct cur t = { c.p + hl, c.left - hl };
	if (tot >= hl && tot - hl < t.left)
		t.left = tot - hl; /* ignore Ethernet padding */
	transport(ob, proto, t, tot >= hl ? tot - hl : 0, (frag & 0x1fff) == 0);
}

static void ip6_addr(rc__ob *ob, const char *key, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];
	if (!inet_ntop(AF_INET6, a, buf, sizeof(buf)))
		snprintf(buf, sizeof(buf), "?");
	rc__ob_printf(ob, "\"%s\":\"%s\"", key, buf);
}

/*
 * The extension headers after an IPv6 header (RFC 8200 4.1): hop-by-hop
 * (0), routing (43), fragment (44), destination options (60) and AH (51,
 * whose length is in 4-byte units, RFC 4302).  Moves c and *len past them
 * and lists their types; returns the upper-layer protocol, or -1 when a
 * header is cut.  *first is 0 past a fragment header with an offset.
 */
static int ip6_ext(rc__ob *ob, uint8_t nh, struct cur *c, size_t *len, int *first)
{
	int n = 0;
	*first = 1;
	for (; n < IP6_MAX_EXT && (nh == 0 || nh == 43 || nh == 44 || nh == 60 || nh == 51); n++) {
		if (c->left < 8) {
			if (n)
				rc__ob_putc(ob, ']');
			return -1;
		}
		size_t hl = nh == 44 ? 8 : nh == 51 ? ((size_t)c->p[1] + 2) * 4 : ((size_t)c->p[1] + 1) * 8;
		if (nh == 44 && (be16(c->p + 2) & 0xfff8))
			*first = 0;
		rc__ob_printf(ob, n ? ",%u" : ",\"ext\":[%u", nh);
		if (hl > c->left) {
			rc__ob_putc(ob, ']');
			return -1;
		}
		nh = c->p[0];
		c->p += hl;
		c->left -= hl;
		*len = *len > hl ? *len - hl : 0;
	}
	if (n)
		rc__ob_putc(ob, ']');
	return nh;
}

static void ip6(rc__ob *ob, struct cur c)
{
	if (c.left < 40 || (c.p[0] >> 4) != 6)
		return truncated(ob);
	rc__ob_puts(ob, ",\"ip6\":{");
	ip6_addr(ob, "src", c.p + 8);
	rc__ob_putc(ob, ',');
	ip6_addr(ob, "dst", c.p + 24);
	size_t plen = be16(c.p + 4);
	rc__ob_printf(ob, ",\"nh\":%u,\"hlim\":%u,\"plen\":%zu", c.p[6], c.p[7], plen);
	struct cur t = { c.p + 40, c.left - 40 };
	if (plen && plen < t.left)
		t.left = plen; /* ignore Ethernet padding */
	/* a jumbogram (payload length 0) runs to the end of the capture */
	size_t len = plen ? plen : t.left;
	int first, proto = ip6_ext(ob, c.p[6], &t, &len, &first);
	if (proto < 0) {
		rc__ob_putc(ob, '}');
		return truncated(ob);
	}
	rc__ob_printf(ob, ",\"proto\":%d}", proto);
	transport(ob, (uint8_t)proto, t, len, first);
}

/* ARP and RARP (RFC 826, RFC 903); addresses for Ethernet and IPv4. */
static void arp(rc__ob *ob, struct cur c)
{
	if (c.left < 8)
		return truncated(ob);
	unsigned htype = be16(c.p), ptype = be16(c.p + 2), hlen = c.p[4], plen = c.p[5];
	rc__ob_printf(ob, ",\"arp\":{\"htype\":%u,\"ptype\":%u,\"op\":%u", htype, ptype,
		      be16(c.p + 6));
	if (hlen != 6 || plen != 4) {
		rc__ob_putc(ob, '}');
		return;
	}
	if (c.left < 28) {
		rc__ob_putc(ob, '}');
		return truncated(ob);
	}
	const uint8_t *a = c.p + 8;
	rc__ob_putc(ob, ',');
	mac(ob, "sender_mac", a);
	rc__ob_printf(ob, ",\"sender_ip\":\"%u.%u.%u.%u\",", a[6], a[7], a[8], a[9]);
	mac(ob, "target_mac", a + 10);
	rc__ob_printf(ob, ",\"target_ip\":\"%u.%u.%u.%u\"}", a[16], a[17], a[18], a[19]);
}

static void ethertype(rc__ob *ob, uint16_t type, struct cur c)
{
	/* 802.1Q / 802.1ad tags, outer first. */
	int tags = 0;
	while ((type == 0x8100 || type == 0x88a8) && tags < 8) {
		if (c.left < 4) {
			if (tags)
				rc__ob_putc(ob, ']');
			return truncated(ob);
		}
		uint16_t tci = be16(c.p), inner = be16(c.p + 2);
		rc__ob_printf(ob, "%s{\"tpid\":%u,\"id\":%u,\"pcp\":%u,\"type\":%u}",
			      tags ? "," : ",\"vlan\":[", type, tci & 0x0fff, tci >> 13, inner);
		tags++;
		type = inner;
		c.p += 4;
		c.left -= 4;
	}
	if (tags)
		rc__ob_putc(ob, ']');
	if (type == 0x0800)
		ip4(ob, c);
	else if (type == 0x86dd)
		ip6(ob, c);
	else if (type == 0x0806 || type == 0x8035)
		arp(ob, c);
}

/* BSD loopback headers: the address family, in the capturing host's byte
 * order for NULL (tcpdump swaps a value with high bits set) and in network
 * order for LOOP.  AF_INET is 2 everywhere; AF_INET6 is 24, 28 or 30 on
 * the BSDs and 10 on Linux. */
static void loopback(rc__ob *ob, const char *key, int host_order, struct cur c)
{
	if (c.left < 4)
		return truncated(ob);
	uint32_t af = be32(c.p);
	if (host_order) {
		af = (uint32_t)c.p[0] | (uint32_t)c.p[1] << 8 | (uint32_t)c.p[2] << 16 |
		     (uint32_t)c.p[3] << 24;
		if (af & 0xffff0000u)
			af = be32(c.p);
	}
	rc__ob_printf(ob, ",\"%s\":{\"family\":%u}", key, af);
	struct cur n = { c.p + 4, c.left - 4 };
	if (af == 2)
		ip4(ob, n);
	else if (af == 10 || af == 24 || af == 28 || af == 30)
		ip6(ob, n);
}

void rc__json_packet(rc__ob *ob, const rc_packet *p, const char *ifname)
{
	rc__ob_printf(ob, "{\"ts\":%llu.%09llu", (unsigned long long)(p->ts_nsec / 1000000000u),
		      (unsigned long long)(p->ts_nsec % 1000000000u));
	if (ifname) {
		rc__ob_puts(ob, ",\"interface\":");
		rc__json_string(ob, ifname);
	}
	rc__ob_printf(ob, ",\"len\":%u,\"caplen\":%u", p->len, p->caplen);
	struct cur c = { p->data, p->caplen };
	switch (p->linktype) {
	case RC_LINKTYPE_ETHERNET:
		if (c.left < 14) {
			truncated(ob);
			break;
		}
		rc__ob_puts(ob, ",\"eth\":{");
		mac(ob, "src", c.p + 6);
		rc__ob_putc(ob, ',');
		mac(ob, "dst", c.p);
		rc__ob_printf(ob, ",\"type\":%u}", be16(c.p + 12));
		ethertype(ob, be16(c.p + 12), (struct cur){ c.p + 14, c.left - 14 });
		break;
	case RC_LINKTYPE_LINUX_SLL2:
		/* proto(2) reserved(2) ifindex(4) hatype(2) pkttype(1) halen(1) addr(8) */
		if (c.left < 20) {
			truncated(ob);
			break;
		}
		rc__ob_printf(ob, ",\"sll2\":{\"type\":%u,\"ifindex\":%u,\"hatype\":%u,\"pkttype\":%u}",
			      be16(c.p), be32(c.p + 4), be16(c.p + 8), c.p[10]);
		ethertype(ob, be16(c.p), (struct cur){ c.p + 20, c.left - 20 });
		break;
	case RC_LINKTYPE_LINUX_SLL:
		/* pkttype(2) hatype(2) halen(2) addr(8) proto(2) */
		if (c.left < 16) {
			truncated(ob);
			break;
		}
		rc__ob_printf(ob, ",\"sll\":{\"type\":%u,\"hatype\":%u,\"pkttype\":%u}",
			      be16(c.p + 14), be16(c.p + 2), be16(c.p));
		ethertype(ob, be16(c.p + 14), (struct cur){ c.p + 16, c.left - 16 });
		break;
	case RC_LINKTYPE_NULL:
		loopback(ob, "null", 1, c);
		break;
	case RC_LINKTYPE_LOOP:
		loopback(ob, "loop", 0, c);
		break;
	case RC_LINKTYPE_RAW:
	case RC_LINKTYPE_IPV4:
	case RC_LINKTYPE_IPV6:
		if (c.left >= 1 && (c.p[0] >> 4) == 6)
			ip6(ob, c);
		else
			ip4(ob, c);
		break;
	default:
		break;
	}
	rc__ob_puts(ob, "}\n");
}

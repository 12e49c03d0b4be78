/*
 * json.c - --json output (see json.h).  Decoding is bounds-checked against
 * caplen at every step; nothing is read past the captured bytes.
 */
#include "json.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ringcap/linktype.h"

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
	rc__ob_puts(ob, ",\"truncated\":true");
}

static void tcp_flags(rc__ob *ob, uint8_t f)
{
	/* tcpdump's letters, in its order. */
	static const struct {
		uint8_t bit;
		char ch;
	} fl[] = { { 0x01, 'F' }, { 0x02, 'S' }, { 0x04, 'R' }, { 0x08, 'P' },
		   { 0x10, '.' }, { 0x20, 'U' }, { 0x40, 'E' }, { 0x80, 'W' } };
	char s[9];
	size_t n = 0;
	for (size_t i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (f & fl[i].bit)
			s[n++] = fl[i].ch;
	s[n] = '\0';
	rc__ob_printf(ob, ",\"flags\":\"%s\"", s);
}

static void transport(rc__ob *ob, uint8_t proto, struct cur c, int first_fragment)
{
	if (!first_fragment)
		return;
	if (proto == 6) {
		if (c.left < 20)
			return truncated(ob);
		rc__ob_printf(ob, ",\"tcp\":{\"sport\":%u,\"dport\":%u,\"seq\":%u,\"ack\":%u",
			      be16(c.p), be16(c.p + 2), be32(c.p + 4), be32(c.p + 8));
		tcp_flags(ob, c.p[13]);
		rc__ob_printf(ob, ",\"win\":%u}", be16(c.p + 14));
	} else if (proto == 17) {
		if (c.left < 8)
			return truncated(ob);
		rc__ob_printf(ob, ",\"udp\":{\"sport\":%u,\"dport\":%u,\"len\":%u}", be16(c.p),
			      be16(c.p + 2), be16(c.p + 4));
	} else if (proto == 1 || proto == 58) {
		if (c.left < 4)
			return truncated(ob);
		rc__ob_printf(ob, ",\"%s\":{\"type\":%u,\"code\":%u}", proto == 1 ? "icmp" : "icmp6",
			      c.p[0], c.p[1]);
	}
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
	transport(ob, proto, t, (frag & 0x1fff) == 0);
}

static void ip6_addr(rc__ob *ob, const char *key, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];
	if (!inet_ntop(AF_INET6, a, buf, sizeof(buf)))
		snprintf(buf, sizeof(buf), "?");
	rc__ob_printf(ob, "\"%s\":\"%s\"", key, buf);
}

static void ip6(rc__ob *ob, struct cur c)
{
	if (c.left < 40 || (c.p[0] >> 4) != 6)
		return truncated(ob);
	rc__ob_puts(ob, ",\"ip6\":{");
	ip6_addr(ob, "src", c.p + 8);
	rc__ob_putc(ob, ',');
	ip6_addr(ob, "dst", c.p + 24);
	rc__ob_printf(ob, ",\"nh\":%u,\"hlim\":%u,\"plen\":%u}", c.p[6], c.p[7], be16(c.p + 4));
	/* Only the common case: the transport header follows directly. */
	struct cur t = { c.p + 40, c.left - 40 };
	transport(ob, c.p[6], t, 1);
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

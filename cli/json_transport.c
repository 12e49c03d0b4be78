/*
 * json_transport.c - --json's transport layers (TCP, UDP, ICMP, ICMPv6)
 * and, on UDP port 53 or 5353, DNS (RFC 1035 section 4.1).  Every read is
 * checked against the captured bytes.
 */
#include "json_layers.h"

#include <string.h>

#include "json.h"
#include "print.h"

#define DNS_HDRLEN 12
#define DNS_MAX_NAME 255 /* RFC 1035 2.3.4, dots and all */
#define DNS_MAX_JUMPS 64 /* compression pointers followed per name */

void rc__json_truncated(rc__ob *ob)
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

/*
 * The name at off of the message m (mlen captured bytes) into out (at
 * least DNS_MAX_NAME + 2 bytes), "." for the root; *next gets the offset
 * after the name where it first stood.  0 when the name is cut by the
 * capture, -1 when it is malformed (label top bits 01 or 10, a
 * pointer loop, a name over 255 bytes).
 */
static int dns_name(const uint8_t *m, size_t mlen, size_t off, char *out, size_t *next)
{
	size_t n = 0;
	int jumps = 0;
	*next = 0;
	for (;;) {
		if (off >= mlen)
			return 0;
		uint8_t l = m[off];
		if ((l & 0xc0) == 0xc0) {
			if (off + 1 >= mlen)
				return 0;
			if (!*next)
				*next = off + 2;
			if (++jumps > DNS_MAX_JUMPS)
				return -1;
			off = (size_t)(l & 0x3f) << 8 | m[off + 1];
			continue;
		}
		if (l & 0xc0)
			return -1; /* EDNS0 extended and bit-string labels */
		if (l == 0)
			break;
		if (off + 1 + l > mlen)
			return 0;
		if (n + l + 1 > DNS_MAX_NAME)
			return -1;
		memcpy(out + n, m + off + 1, l);
		n += l;
		out[n++] = '.';
		off += 1 + (size_t)l;
	}
	if (!*next)
		*next = off + 1;
	if (n == 0)
		out[n++] = '.';
	else
		n--; /* no dot after the last label */
	out[n] = '\0';
	return 1;
}

void rc__json_dns(rc__ob *ob, struct rc__json_cur c, size_t len)
{
	if (len < c.left)
		c.left = len;
	if (c.left < DNS_HDRLEN)
		return rc__json_truncated(ob);
	const uint8_t *m = c.p;
	unsigned flags = rc__be16(m + 2), qd = rc__be16(m + 4);
	rc__ob_printf(ob,
		      ",\"dns\":{\"id\":%u,\"qr\":%u,\"opcode\":%u,\"rcode\":%u,\"qdcount\":%u,"
		      "\"ancount\":%u,\"nscount\":%u,\"arcount\":%u,\"questions\":[",
		      rc__be16(m), flags >> 15, (flags >> 11) & 0xf, flags & 0xf, qd, rc__be16(m + 6),
		      rc__be16(m + 8), rc__be16(m + 10));
	size_t off = DNS_HDRLEN;
	int r = 1;
	for (unsigned i = 0; i < qd; i++) {
		char name[DNS_MAX_NAME + 2];
		size_t next;
		r = dns_name(m, c.left, off, name, &next);
		if (r > 0 && next + 4 > c.left)
			r = 0;
		if (r <= 0)
			break;
		rc__ob_puts(ob, i ? ",{\"name\":" : "{\"name\":");
		rc__json_string(ob, name);
		rc__ob_printf(ob, ",\"type\":%u,\"class\":%u}", rc__be16(m + next),
			      rc__be16(m + next + 2));
		off = next + 4;
	}
	rc__ob_puts(ob, r < 0 ? "],\"malformed\":true}" : "]}");
	if (r == 0)
		rc__json_truncated(ob);
}

static int is_port(unsigned sport, unsigned dport, unsigned port)
{
	return sport == port || dport == port;
}

static void tcp(rc__ob *ob, struct rc__json_cur c, size_t len)
{
	if (c.left < 20)
		return rc__json_truncated(ob);
	size_t hl = (size_t)(c.p[12] >> 4) * 4;
	rc__ob_printf(ob, ",\"tcp\":{\"sport\":%u,\"dport\":%u,\"seq\":%u,\"ack\":%u",
		      rc__be16(c.p), rc__be16(c.p + 2), rc__be32(c.p + 4), rc__be32(c.p + 8));
	tcp_flags(ob, c.p[13]);
	/* the payload by the IP lengths, captured or not */
	rc__ob_printf(ob, ",\"win\":%u,\"len\":%zu}", rc__be16(c.p + 14),
		      len > hl && hl >= 20 ? len - hl : 0);
}

static void udp(rc__ob *ob, struct rc__json_cur c, size_t len)
{
	if (c.left < 8)
		return rc__json_truncated(ob);
	unsigned sport = rc__be16(c.p), dport = rc__be16(c.p + 2), ulen = rc__be16(c.p + 4);
	rc__ob_printf(ob, ",\"udp\":{\"sport\":%u,\"dport\":%u,\"len\":%u}", sport, dport, ulen);
	if (!is_port(sport, dport, 53) && !is_port(sport, dport, 5353))
		return;
	/* the message: what both the UDP and the IP lengths cover */
	size_t mlen = ulen >= 8 ? ulen - 8u : 0;
	if (len >= 8 && len - 8 < mlen)
		mlen = len - 8;
	rc__json_dns(ob, (struct rc__json_cur){ c.p + 8, c.left - 8 }, mlen);
}

static void icmp(rc__ob *ob, uint8_t proto, struct rc__json_cur c)
{
	if (c.left < 4)
		return rc__json_truncated(ob);
	uint8_t type = c.p[0];
	rc__ob_printf(ob, ",\"%s\":{\"type\":%u,\"code\":%u", proto == 1 ? "icmp" : "icmp6", type,
		      c.p[1]);
	/* echo request and reply (RFC 792, RFC 4443 4.1-4.2): id and seq */
	int echo = proto == 1 ? (type == 8 || type == 0) : (type == 128 || type == 129);
	if (!echo) {
		rc__ob_putc(ob, '}');
		return;
	}
	if (c.left < 8) {
		rc__ob_putc(ob, '}');
		return rc__json_truncated(ob);
	}
	rc__ob_printf(ob, ",\"id\":%u,\"seq\":%u}", rc__be16(c.p + 4), rc__be16(c.p + 6));
}

void rc__json_transport(rc__ob *ob, uint8_t proto, struct rc__json_cur c, size_t len,
			int first_fragment)
{
	if (!first_fragment)
		return;
	if (proto == 6)
		tcp(ob, c, len);
	else if (proto == 17)
		udp(ob, c, len);
	else if (proto == 1 || proto == 58)
		icmp(ob, proto, c);
}

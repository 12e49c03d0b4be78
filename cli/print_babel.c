/*
 * print_babel.c - the Babel routing protocol (RFC 8966) on UDP 6696 and
 * the old port 6697, in tcpdump 4.99.3's form without -v (print-babel.c):
 * magic 42, version, body length, then one name per TLV of the body and,
 * after " |", of the trailer.  The -v form, which decodes each TLV's
 * fields, is not decoded (docs/cli.md): print_udp.c sends those packets
 * to the generic UDP line.
 *
 *   0       1         2             4
 *   | magic | version | body length | TLVs: type(1) [length(1) body] ...
 */
#include "print.h"

#define BABEL_MAGIC 42
#define BABEL_HDRLEN 4
#define TLV_PAD1 0
#define TLV_UPDATE 8
#define TLV_UPDATE_MINLEN 10

/* The TLVs of a body or trailer: 0, 1 when tcpdump finds them invalid
 * (a TLV past either length, an Update shorter than its fixed part), 2
 * when one is cut by the capture, or RC_PRINT_TRUNC. */
static int tlvs(rc__pctx *c, const uint8_t *p, unsigned tlvs_len, unsigned remaining)
{
	static const char *const names[] = {
		NULL,
		"padN",
		"ack-req",
		"ack",
		"hello",
		"ihu",
		"router-id",
		"nh",
		NULL, /* update: its flags follow */
		"route-request",
		"seqno-request",
		"tspc",
		"hmac",
		"ss-update",
		"ss-request",
		"ss-mh-request",
		"mac",
		"pc",
		"challenge_request",
		"challenge_reply",
	};
	unsigned i = 0;
	while (i < tlvs_len) {
		const uint8_t *m = p + i;
		if (i + 1 > tlvs_len || i + 1 > remaining)
			return 1;
		RC_NEED(c, m, 1);
		if (m[0] == TLV_PAD1) {
			rc__ob_puts(c->ob, " pad1");
			i++;
			continue;
		}
		if (i + 2 > tlvs_len || i + 2 > remaining)
			return 1;
		if (!rc__have(c, m, 2))
			return 2;
		unsigned len = m[1];
		if (i + 2 + len > tlvs_len || i + 2 + len > remaining)
			return 1;
		if (!rc__have(c, m, 2 + len))
			return 2;
		unsigned type = m[0];
		if (type == TLV_UPDATE) {
			rc__ob_puts(c->ob, " update");
			if (len < TLV_UPDATE_MINLEN)
				return 1;
			/* AE(1) flags(1): prefix and router-id bits */
			rc__ob_printf(c->ob, "%s%s%s", (m[3] & 0x80) ? "/prefix" : "",
				      (m[3] & 0x40) ? "/id" : "", (m[3] & 0x3f) ? "/unknown" : "");
		} else if (type < sizeof(names) / sizeof(names[0])) {
			rc__ob_printf(c->ob, " %s", names[type]);
		} else {
			rc__ob_puts(c->ob, " unknown");
		}
		i += len + 2;
	}
	return 0;
}

int rc__print_babel(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "babel";
	rc__ob_puts(c->ob, "babel");
	RC_NEED_SOFT(c, p, BABEL_HDRLEN);
	if (p[0] != BABEL_MAGIC) {
		rc__ob_puts(c->ob, " invalid header");
		return 0;
	}
	rc__ob_printf(c->ob, " %u", p[1]);
	if (p[1] != 2) {
		rc__ob_puts(c->ob, " unknown version");
		return 0;
	}
	if (length < BABEL_HDRLEN) {
		rc__ob_puts(c->ob, " (invalid)");
		return 0;
	}
	unsigned bodylen = rc__be16(p + 2);
	rc__ob_printf(c->ob, " (%u)", bodylen);
	length -= BABEL_HDRLEN;
	p += BABEL_HDRLEN;
	int r = 0;
	if (length < bodylen) {
		r = 1;
	} else {
		r = tlvs(c, p, bodylen, length);
		if (r == 0 && length != bodylen) {
			rc__ob_puts(c->ob, " |");
			r = tlvs(c, p + bodylen, length - bodylen, length - bodylen);
		}
	}
	if (r < 0)
		return r;
	if (r == 2)
		return rc__trunc_soft(c);
	if (r == 1)
		rc__ob_puts(c->ob, " (invalid)");
	return 0;
}

/*
 * print_mptcp.c - the Multipath TCP option (TCP option 30; RFC 8684,
 * version 0 in RFC 6824) as tcpdump 4.99.3 prints it: " LEN SUBTYPE" and
 * the subtype's fields, the same with and without -v.
 *
 * The TCP option printer has checked that the whole option is captured,
 * so the fields are read without further checks.  Each subtype accepts
 * only the lengths (and for some the SYN/ACK flags) its RFC section
 * defines; any other option returns 0, possibly after part of the fields,
 * and the caller prints "[bad opt]".  Subtypes from 8 on (MP_TCPRST among
 * them, which tcpdump 4.99.3 does not know) print "unknown".
 */
#include "print.h"

#include <inttypes.h>

#define TH_SYN 0x02
#define TH_ACK 0x10

static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)rc__be32(p) << 32 | rc__be32(p + 4);
}

/* RFC 8684 3.1: 4 bytes (v1 SYN), 12 with the sender's key (SYN, SYN/ACK),
 * 20 with both keys (third ACK), 22 with a data-level length too. */
static int capable(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	int syn = (len == 4 || len == 12) && (flags & TH_SYN);
	int ack = (len == 20 || len == 22) && (flags & (TH_SYN | TH_ACK)) == TH_ACK;
	if (!syn && !ack)
		return 0;
	unsigned version = o[2] & 0x0f;
	if (version > 1) {
		rc__ob_printf(c->ob, " Unknown Version (%u)", version);
		return 1;
	}
	rc__ob_printf(c->ob, " v%u", version);
	if (o[3] & 0x80) /* checksum required */
		rc__ob_puts(c->ob, " csum");
	if (len >= 12) {
		rc__ob_printf(c->ob, " {0x%" PRIx64, be64(o + 4));
		if (len >= 20)
			rc__ob_printf(c->ob, ",0x%" PRIx64, be64(o + 12));
		rc__ob_putc(c->ob, '}');
	}
	return 1;
}

/* RFC 8684 3.2: SYN (token, nonce), SYN/ACK (truncated HMAC, nonce) and
 * third ACK (full 160-bit HMAC). */
static int join(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	if (!(len == 12 && (flags & TH_SYN)) &&
	    !(len == 16 && (flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)) &&
	    !(len == 24 && (flags & TH_ACK)))
		return 0;
	if (len != 24) {
		if (o[2] & 0x01)
			rc__ob_puts(c->ob, " backup");
		rc__ob_printf(c->ob, " id %u", o[3]);
	}
	if (len == 12) {
		rc__ob_printf(c->ob, " token 0x%x nonce 0x%x", rc__be32(o + 4), rc__be32(o + 8));
	} else if (len == 16) {
		rc__ob_printf(c->ob, " hmac 0x%" PRIx64 " nonce 0x%x", be64(o + 4),
			      rc__be32(o + 12));
	} else {
		rc__ob_puts(c->ob, " hmac 0x");
		for (unsigned i = 4; i < 24; i++)
			rc__ob_x(c->ob, o[i], 2);
	}
	return 1;
}

/* One DSS number of 8 bytes (wide) or 4 at *o; 0 if fewer are left. */
static int dss_number(rc__pctx *c, const uint8_t **o, unsigned *left, int wide)
{
	unsigned n = wide ? 8 : 4;
	if (*left < n)
		return 0;
	if (wide)
		rc__ob_printf(c->ob, "%" PRIu64, be64(*o));
	else
		rc__ob_printf(c->ob, "%u", rc__be32(*o));
	*o += n;
	*left -= n;
	return 1;
}

/* RFC 8684 3.3: flags F (DATA_FIN), m/M (8-byte DSN, mapping present),
 * a/A (8-byte data ACK, ACK present); then the data ACK, the mapping (DSN,
 * subflow sequence, data-level length) and an optional checksum.  Fields
 * print as far as the length holds them; bytes left over make it bad. */
static int dss(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	if (len < 4 || (flags & TH_SYN))
		return 0;
	uint8_t f = o[3];
	const uint8_t *p = o + 4;
	unsigned left = len - 4;
	if (f & 0x10)
		rc__ob_puts(c->ob, " fin");
	if (f & 0x01) {
		rc__ob_puts(c->ob, " ack ");
		if (!dss_number(c, &p, &left, f & 0x02))
			return 0;
	}
	if (f & 0x04) {
		rc__ob_puts(c->ob, " seq ");
		if (!dss_number(c, &p, &left, f & 0x08) || left < 4)
			return 0;
		rc__ob_printf(c->ob, " subseq %u", rc__be32(p));
		if (left < 6)
			return 0;
		rc__ob_printf(c->ob, " len %u", rc__be16(p + 4));
		p += 6;
		left -= 6;
		if (left >= 2) {
			rc__ob_printf(c->ob, " csum 0x%x", rc__be16(p));
			left -= 2;
		}
	}
	return left == 0;
}

/* RFC 8684 3.4.1: the version/echo nibble, the address ID, an IPv4 (8,
 * 10, 16, 18 bytes) or IPv6 (20, 22, 28, 30) address, a port when the
 * length has 2 more bytes, a truncated HMAC when it has 8 more. */
static int add_addr(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	static const char *const echo[16] = {[0] = "v1", [1] = "v1-echo", [4] = "v0-ip4",
					     [6] = "v0-ip6"};
	(void)flags;
	unsigned alen = len == 8 || len == 10 || len == 16 || len == 18   ? 4
			: len == 20 || len == 22 || len == 28 || len == 30 ? 16
									   : 0;
	if (!alen)
		return 0;
	const char *e = echo[o[2] & 0x0f];
	rc__ob_printf(c->ob, " %s id %u ", e ? e : "[bad version/echo]", o[3]);
	if (alen == 4)
		rc__put_ip4(c->ob, o + 4);
	else
		rc__put_ip6(c->ob, o + 4);
	unsigned rest = len - 4 - alen, at = 4 + alen;
	if (rest == 2 || rest == 10) {
		rc__ob_printf(c->ob, ":%u", rc__be16(o + at));
		at += 2;
	}
	if (rest >= 8)
		rc__ob_printf(c->ob, " hmac 0x%" PRIx64, be64(o + at));
	return 1;
}

/* RFC 8684 3.4.2: a list of address IDs, at least one. */
static int remove_addr(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len < 4)
		return 0;
	rc__ob_puts(c->ob, " id");
	for (unsigned i = 3; i < len; i++)
		rc__ob_printf(c->ob, " %u", o[i]);
	return 1;
}

/* RFC 8684 3.3.8: the backup bit, with the address ID when 4 bytes long. */
static int prio(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	(void)flags;
	if (len != 3 && len != 4)
		return 0;
	rc__ob_puts(c->ob, (o[2] & 0x01) ? " backup" : " non-backup");
	if (len == 4)
		rc__ob_printf(c->ob, " id %u", o[3]);
	return 1;
}

/* The 8 bytes after a reserved field, in an option of 12: MP_FAIL's data
 * sequence number (RFC 8684 3.7) or MP_FASTCLOSE's key (3.5, in hex). */
static int reserved_then_64(rc__pctx *c, const uint8_t *o, unsigned len, int key)
{
	if (len != 12)
		return 0;
	if (key)
		rc__ob_printf(c->ob, " key 0x%" PRIx64, be64(o + 4));
	else
		rc__ob_printf(c->ob, " seq %" PRIu64, be64(o + 4));
	return 1;
}

static int fail(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	(void)flags;
	return reserved_then_64(c, o, len, 0);
}

static int fast_close(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	(void)flags;
	return reserved_then_64(c, o, len, 1);
}

int rc__print_mptcp(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags)
{
	static const struct {
		const char *name;
		int (*print)(rc__pctx *, const uint8_t *, unsigned, uint8_t);
	} subtypes[] = {
		{"capable", capable}, {"join", join}, {"dss", dss},
		{"add-addr", add_addr}, {"rem-addr", remove_addr}, {"prio", prio},
		{"fail", fail}, {"fast-close", fast_close}, {"unknown", NULL},
	};
	/* tcpdump names the protocol here: a later cut in the same TCP
	 * header (another option) is marked [|mptcp] */
	c->proto = "mptcp";
	if (len < 3)
		return 0;
	unsigned s = o[2] >> 4;
	if (s > 8)
		s = 8;
	rc__ob_printf(c->ob, " %u %s", len, subtypes[s].name);
	return subtypes[s].print ? subtypes[s].print(c, o, len, flags) : 1;
}

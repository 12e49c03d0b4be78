/*
 * print_rip.c - RIP (UDP port 520; v1 RFC 1058, v2 RFC 2453, crypto
 * authentication RFC 4822) as tcpdump 4.99 print-rip.c prints it.
 *
 *   header: | cmd | version | unused(2) |
 *   entry:  | family(2) | tag(2) | address(4) | mask(4) | next hop(4) | metric(4) |
 *   v2 authentication entry: | 0xffff | auth type(2) | data... |
 *
 * tcpdump walks the entries over the captured part of the message only
 * (the UDP length bounds it), so every stop is its checked "[|rip]" and
 * no read unwinds.
 */
#include <stdio.h>

#include "print.h"

#define RIP_ROUTELEN 20
#define ENTRY_CUT 0 /* an entry does not fit: tcpdump's "[|rip]" */

/* tcpdump's mask2plen: the prefix length of a contiguous mask, else -1. */
static int mask2plen(uint32_t mask)
{
	for (int len = 32; len >= 0; len--)
		if ((len ? ~0u << (32 - len) : 0u) == mask)
			return len;
	return -1;
}

static void put_af(rc__pctx *c, unsigned family, const char *unknown_fmt)
{
	const char *name = rc__bsd_af_name(family);
	if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, unknown_fmt, family);
}

/* An RFC 1058 entry: address and metric, or a hex dump when the family is
 * not IP or a must-be-zero field is set. */
static int entry_v1(rc__pctx *c, const uint8_t *p, unsigned remaining)
{
	if (remaining < RIP_ROUTELEN)
		return ENTRY_CUT;
	unsigned family = rc__be16(p);
	if (family != 2 && family != 0) {
		rc__ob_puts(c->ob, "\n\t AFI ");
		put_af(c, family, "Unknown (%u)");
		rc__ob_puts(c->ob, ", ");
		rc__unknown_data(c, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (rc__be16(p + 2) || rc__be32(p + 8) || rc__be32(p + 12)) {
		rc__unknown_data(c, p, "\n\t  ", RIP_ROUTELEN);
		return RIP_ROUTELEN;
	}
	rc__ob_puts(c->ob, family == 0 ? "\n\t  AFI 0, " : "\n\t  ");
	rc__put_ip4(c->ob, p + 4);
	rc__ob_printf(c->ob, ", metric: %u", rc__be32(p + 16));
	return RIP_ROUTELEN;
}

/* RFC 4822 crypto authentication header (16 bytes). */
static int auth_crypto(rc__pctx *c, const uint8_t *p, unsigned remaining)
{
	if (remaining < 16)
		return ENTRY_CUT;
	rc__ob_printf(c->ob,
		      "\n\t  Auth header: Packet Len %u, Key-ID %u, Auth Data Len %u, SeqNo %u, MBZ %u, MBZ %u",
		      rc__be16(p), p[2], p[3], rc__be32(p + 4), rc__be32(p + 8), rc__be32(p + 12));
	return RIP_ROUTELEN;
}

/* RFC 2453 4.1 simple password: 16 bytes, NUL padded.  tcpdump reads it
 * up to the NUL through the snapend, whatever the message length. */
static int auth_simple(rc__pctx *c, const uint8_t *p)
{
	rc__ob_puts(c->ob, "\n\t  Simple Text Authentication data: ");
	RC_TRY(rc__printjnp(c, p, 16));
	return RIP_ROUTELEN;
}

/* A v2 authentication entry (family 0xffff); p is past its 4 bytes.  The
 * trailer and unknown types run to the end of the message. */
static int auth_v2(rc__pctx *c, unsigned type, const uint8_t *p, unsigned remaining)
{
	if (type == 2)
		return auth_simple(c, p);
	if (type == 3)
		return auth_crypto(c, p, remaining);
	if (type == 1)
		rc__ob_puts(c->ob, "\n\t  Auth trailer:");
	else
		rc__ob_printf(c->ob, "\n\t  Unknown (%u) Authentication data:", type);
	rc__unknown_data(c, p, "\n\t  ", remaining);
	return (int)(4 + remaining);
}

static int entry_v2(rc__pctx *c, const uint8_t *p, unsigned remaining)
{
	if (remaining < 4)
		return ENTRY_CUT;
	unsigned family = rc__be16(p);
	if (family == 0xffff)
		return auth_v2(c, rc__be16(p + 2), p + 4, remaining - 4);
	if (family != 2 && family != 0) {
		rc__ob_puts(c->ob, "\n\t  AFI ");
		put_af(c, family, "Unknown (%u)");
		rc__unknown_data(c, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (remaining < RIP_ROUTELEN)
		return ENTRY_CUT;
	char dest[16];
	snprintf(dest, sizeof(dest), "%u.%u.%u.%u", p[4], p[5], p[6], p[7]);
	rc__ob_puts(c->ob, "\n\t  AFI ");
	put_af(c, family, "%u");
	rc__ob_printf(c->ob, ", %15s/%-2d, tag 0x%04x, metric: %u, next-hop: ", dest,
		      mask2plen(rc__be32(p + 8)), rc__be16(p + 2), rc__be32(p + 16));
	if (rc__be32(p + 12))
		rc__put_ip4(c->ob, p + 12);
	else
		rc__ob_puts(c->ob, "self");
	return RIP_ROUTELEN;
}

/* Requests and responses at -v: the entries over len captured bytes.
 * An entry returns its size, ENTRY_CUT, or RC_PRINT_TRUNC when a read
 * unwound (tcpdump skips the -vv dump then). */
static int entries(rc__pctx *c, const uint8_t *p, unsigned len, unsigned vers, uint32_t length)
{
	int (*entry)(rc__pctx *, const uint8_t *, unsigned) = vers == 1 ? entry_v1 : entry_v2;
	rc__ob_printf(c->ob, ", routes: %u%s", length / RIP_ROUTELEN, vers == 1 ? "" : " or less");
	while (len != 0) {
		int size = entry(c, p, len);
		if (size == ENTRY_CUT) {
			rc__trunc_soft(c);
			return 0;
		}
		RC_TRY(size);
		if (len < (unsigned)size) {
			rc__ob_printf(c->ob, " [remaining entries length %u < %d] (invalid)", len, size);
			return 0;
		}
		p += size;
		len -= (unsigned)size;
	}
	return 0;
}

int rc__print_rip(rc__pctx *c, const uint8_t *dat, uint32_t length)
{
	static const char *const cmds[] = {"Request", "Response",  "Trace on",
					   "Trace off", "Poll", "Poll Entry"};
	c->proto = "rip";
	size_t len = rc__avail(c, dat);
	if (len > length)
		len = length;
	if (len < 4)
		return rc__trunc_soft(c);
	unsigned cmd = dat[0], vers = dat[1];
	rc__ob_printf(c->ob, "%sRIPv%u", c->o->vflag ? "\n\t" : "", vers);
	if (vers == 0) /* RFC 1058 3: from an older protocol, dumped */
		return rc__unknown_data(c, dat, "\n\t", length);
	if (cmd >= 1 && cmd <= 6)
		rc__ob_printf(c->ob, ", %s, length: %u", cmds[cmd - 1], length);
	else
		rc__ob_printf(c->ob, ", unknown command (%u), length: %u", cmd, length);
	if (!c->o->vflag)
		return 0;
	if (cmd == 1 || cmd == 2) {
		if (vers <= 2)
			RC_TRY(entries(c, dat + 4, (unsigned)len - 4, vers, length));
		else
			rc__ob_puts(c->ob, ", unknown version");
	} else if ((cmd < 4 || cmd > 6) && c->o->vflag == 1) {
		/* trace on and unknown commands: dumped, as -vv dumps any */
		rc__unknown_data(c, dat, "\n\t", length);
	}
	if (c->o->vflag > 1)
		rc__unknown_data(c, dat, "\n\t", length);
	return 0;
}

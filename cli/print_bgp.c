/*
 * print_bgp.c - BGP-4 (RFC 4271, TCP port 179) as tcpdump 4.99 print-bgp.c
 * prints it: ": BGP" alone by default; with -v every message of the
 * segment found by its 16-byte all-ones marker:
 *
 *   | marker(16) | length(2) | type(1) | body: OPEN, UPDATE, NOTIFICATION,
 *                                       KEEPALIVE, ROUTE-REFRESH
 *
 * A message is decoded only when all of it is captured; reads past the
 * message (lengths that lie) still go to the end of the capture, where
 * they stop with " [|bgp]" as tcpdump's unwinding does.  Explicit checks
 * of tcpdump print the same marker and go on with the next message.
 * Path attributes and NLRI are in print_bgp_attr.c.
 */
#include <string.h>

#include "print_bgp.h"

#define BGP_HDR 19
#define BGP_OPEN_HDR 29
#define BGP_NOTIFY_HDR 21
#define BGP_RR_SIZE 23

const char *rc__bgp_tok(const struct rc__bgp_tok *t, unsigned v, const char *dflt)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return dflt;
}

const struct rc__bgp_tok rc__bgp_afi_names[] = {
	{0, "Reserved"},      {1, "IPv4"},        {2, "IPv6"},
	{3, "NSAP"},          {4, "HDLC"},        {5, "BBN 1822"},
	{6, "802"},           {7, "E.163"},       {8, "E.164"},
	{9, "F.69"},          {10, "X.121"},      {11, "Novell IPX"},
	{12, "Appletalk"},    {13, "Decnet IV"},  {14, "Banyan Vines"},
	{15, "E.164 with NSAP subaddress"},       {196, "Layer-2 VPN"},
	{25, "VPLS"},         {0, NULL},
};

const struct rc__bgp_tok rc__bgp_safi_names[] = {
	{0, "Reserved"},
	{1, "Unicast"},
	{2, "Multicast"},
	{3, "Unicast+Multicast"},
	{4, "labeled Unicast"},
	{64, "Tunnel"},
	{65, "VPLS"},
	{66, "MDT"},
	{70, "EVPN"},
	{128, "labeled VPN Unicast"},
	{129, "labeled VPN Multicast"},
	{130, "labeled VPN Unicast+Multicast"},
	{132, "Route Target Routing Information"},
	{5, "Multicast VPN"},
	{0, NULL},
};

static const struct rc__bgp_tok msg_names[] = {
	{1, "Open"}, {2, "Update"}, {3, "Notification"}, {4, "Keepalive"},
	{5, "Route Refresh"}, {0, NULL},
};

/* ---- OPEN (RFC 4271 4.2) and its capabilities (RFC 5492) ---- */

static const struct rc__bgp_tok cap_names[] = {
	{1, "Multiprotocol Extensions"},
	{2, "Route Refresh"},
	{3, "Cooperative Route Filtering"},
	{4, "Multiple Routes to a Destination"},
	{5, "Extended Next Hop Encoding"},
	{8, "Multiple Labels"},
	{64, "Graceful Restart"},
	{65, "32-Bit AS Number"},
	{67, "Dynamic Capability"},
	{68, "Multisession BGP"},
	{69, "Multiple Paths"},
	{70, "Enhanced Route Refresh"},
	{71, "Long-lived Graceful Restart"},
	{128, "Route Refresh (Cisco)"},
	{0, NULL},
};

static const struct rc__bgp_tok add_path_modes[] = {
	{1, "Receive"}, {2, "Send"}, {3, "Both"}, {0, NULL},
};

/* "AFI name (n), SAFI name (n)" of a 2-byte AFI at p and the SAFI at s. */
static void put_afi_safi(rc__pctx *c, const uint8_t *p, const uint8_t *s)
{
	rc__ob_printf(c->ob, "AFI %s (%u), SAFI %s (%u)",
		      rc__bgp_tok(rc__bgp_afi_names, rc__be16(p), "Unknown"), rc__be16(p),
		      rc__bgp_tok(rc__bgp_safi_names, *s, "Unknown"), *s);
}

/* Capability value v of len bytes (all captured).  0, or -1 when tcpdump
 * stops the capability list ("too short"). */
static int cap_value(rc__pctx *c, unsigned type, const uint8_t *v, unsigned len)
{
	unsigned off;
	switch (type) {
	case 1:
		if (len < 4) {
			rc__ob_puts(c->ob, " (too short, < 4)");
			return -1;
		}
		rc__ob_puts(c->ob, "\n\t\t");
		put_afi_safi(c, v, v + 3);
		break;
	case 8: /* RFC 8277 multiple labels: AFI, SAFI, count */
		for (off = 0; off + 4 <= len; off += 4) {
			rc__ob_puts(c->ob, "\n\t\t");
			put_afi_safi(c, v + off, v + off + 2);
			rc__ob_printf(c->ob, ", Count: %u", v[off + 3]);
		}
		break;
	case 64: /* RFC 4724: flags and time, then AFI, SAFI, flags */
		if (len < 2) {
			rc__ob_puts(c->ob, " (too short, < 2)");
			return -1;
		}
		rc__ob_printf(c->ob, "\n\t\tRestart Flags: [%s], Restart Time %us",
			      (v[0] & 0x80) ? "R" : "none", rc__be16(v) & 0xfff);
		for (off = 2; off + 4 <= len; off += 4) {
			rc__ob_puts(c->ob, "\n\t\t  ");
			put_afi_safi(c, v + off, v + off + 2);
			rc__ob_printf(c->ob, ", Forwarding state preserved: %s",
				      (v[off + 3] & 0x80) ? "yes" : "no");
		}
		break;
	case 2: case 71: case 128:
		break;
	case 65:
		if (len < 4) {
			rc__ob_puts(c->ob, " (too short, < 4)");
			return -1;
		}
		rc__ob_printf(c->ob, "\n\t\t 4 Byte AS %u", rc__be32(v));
		break;
	case 69: /* RFC 7911 ADD-PATH: AFI, SAFI, send/receive */
		if (len == 0) {
			rc__ob_puts(c->ob, " (bogus)");
			break;
		}
		for (off = 0; off < len; off += 4) {
			if (len - off < 4) {
				rc__ob_puts(c->ob, " (invalid)");
				break;
			}
			rc__ob_puts(c->ob, "\n\t\t");
			put_afi_safi(c, v + off, v + off + 2);
			const char *m = rc__bgp_tok(add_path_modes, v[off + 3], NULL);
			if (m)
				rc__ob_printf(c->ob, ", Send/Receive: %s", m);
			else
				rc__ob_printf(c->ob, ", Send/Receive: Bogus (0x%02x)", v[off + 3]);
		}
		break;
	default:
		rc__ob_printf(c->ob, "\n\t\tno decoder for Capability %u", type);
		if (c->o->vflag <= 1)
			rc__unknown_data(c, v, "\n\t\t", len);
		break;
	}
	return 0;
}

/* The capabilities of an OPEN's optional parameter 2. */
static void capabilities(rc__pctx *c, const uint8_t *p, unsigned caps_len)
{
	for (unsigned i = 0; i < caps_len;) {
		if (!rc__have(c, p + i, 2)) {
			rc__trunc_soft(c);
			return;
		}
		unsigned type = p[i], len = p[i + 1];
		rc__ob_printf(c->ob, "\n\t      %s (%u), length: %u",
			      rc__bgp_tok(cap_names, type, "Unknown"), type, len);
		if (!rc__have(c, p + i + 2, len)) {
			rc__trunc_soft(c);
			return;
		}
		if (cap_value(c, type, p + i + 2, len) < 0)
			return;
		if (c->o->vflag > 1 && len != 0)
			rc__unknown_data(c, p + i + 2, "\n\t\t", len);
		i += 2 + len;
	}
}

static int open_msg(rc__pctx *c, const uint8_t *m, unsigned length)
{
	if (!rc__have(c, m, BGP_OPEN_HDR) || length < BGP_OPEN_HDR)
		return rc__trunc_soft(c);
	rc__ob_printf(c->ob, "\n\t  Version %u, my AS %u, Holdtime %us, ID ", m[19],
		      rc__be16(m + 20), rc__be16(m + 22));
	rc__put_ip4(c->ob, m + 24);
	unsigned optslen = m[28];
	rc__ob_printf(c->ob, "\n\t  Optional parameters, length: %u", optslen);
	const uint8_t *opt = m + BGP_OPEN_HDR;
	length -= BGP_OPEN_HDR;
	for (unsigned i = 0; i < optslen;) {
		if (!rc__have(c, opt + i, 2) || length < 2 + i)
			return rc__trunc_soft(c);
		unsigned type = opt[i], len = opt[i + 1];
		if (2 + i + len > optslen) {
			rc__ob_printf(c->ob,
				      "\n\t     Option %u, length: %u, goes past the end of the options",
				      type, len);
			break;
		}
		rc__ob_printf(c->ob, "\n\t    Option %s (%u), length: %u",
			      type == 1 ? "Authentication Information"
			      : type == 2 ? "Capabilities Advertisement" : "Unknown",
			      type, len);
		if (type == 2)
			capabilities(c, opt + i + 2, len);
		else
			rc__ob_printf(c->ob, "\n\t      no decoder for option %u", type);
		i += 2 + len;
	}
	return 0;
}

/* ---- UPDATE (RFC 4271 4.3) ---- */

/* IPv4 prefixes of an UPDATE, n bytes at *pp after heading; *length is
 * what is left of the message.  Behind RFC 7911 path ids when they fit:
 * tcpdump ends withdrawn routes quietly at a cut id, the NLRI with its
 * marker. */
static int ipv4_routes(rc__pctx *c, const uint8_t **pp, unsigned *length, unsigned n,
		       const char *heading, int withdrawn)
{
	const uint8_t *p = *pp;
	int add_path = rc__bgp_add_path(c, p, n, 32);
	rc__ob_puts(c->ob, heading);
	while (n != 0) {
		uint32_t path_id = 0;
		if (add_path) {
			if (withdrawn && n < 4) {
				p += n;
				*length -= n;
				break;
			}
			if (!rc__have(c, p, 4) || n < 4)
				return rc__trunc_soft(c);
			path_id = rc__be32(p);
			p += 4;
			*length -= 4;
			n -= 4;
		}
		int r = rc__bgp_prefix(c, p, n, "\n\t    ", 0);
		if (r == RC_PRINT_TRUNC)
			return r;
		if (r == BGP_PFX_ILLEGAL) {
			rc__ob_puts(c->ob, "\n\t    (illegal prefix length)");
			break;
		}
		if (r == BGP_PFX_SHORT)
			return rc__trunc_soft(c);
		if (add_path)
			rc__ob_printf(c->ob, "   Path Id: %u", path_id);
		p += r;
		*length -= (unsigned)r;
		n -= (unsigned)r;
	}
	*pp = p;
	return 0;
}

/* The path attributes, len bytes at *pp.  0, or RC_PRINT_TRUNC after the
 * marker (c->unwound tells tcpdump's unwinding from its checks). */
static int path_attrs(rc__pctx *c, const uint8_t **pp, unsigned *length, unsigned len)
{
	const uint8_t *p = *pp;
	if (*length < len)
		return rc__trunc_soft(c);
	while (len) {
		if (!rc__have(c, p, 2) || *length < 2)
			return rc__trunc_soft(c);
		if (len < 2) {
			rc__ob_puts(c->ob, "\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		unsigned aflags = p[0], atype = p[1], lenlen = (aflags & 0x10) ? 2 : 1;
		p += 2;
		len -= 2;
		*length -= 2;
		if (!rc__have(c, p, lenlen) || *length < lenlen)
			return rc__trunc_soft(c);
		if (len < lenlen) {
			rc__ob_puts(c->ob, "\n\t  [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		unsigned alen = lenlen == 2 ? rc__be16(p) : p[0];
		p += lenlen;
		len -= lenlen;
		*length -= lenlen;
		if (rc__bgp_attr_head(c, "\n\t  ", atype, alen, aflags))
			rc__ob_puts(c->ob, "]: ");
		if (len < alen) {
			rc__ob_puts(c->ob, " [path attrs too short]");
			p += len;
			*length -= len;
			break;
		}
		if (*length < alen)
			return rc__trunc_soft(c);
		int r = rc__bgp_attr(c, atype, p, alen, 0);
		if (r < 0)
			return r;
		if (r == 0)
			return rc__trunc_soft(c);
		p += alen;
		len -= alen;
		*length -= alen;
	}
	*pp = p;
	return 0;
}

static int update_msg(rc__pctx *c, const uint8_t *m, unsigned length)
{
	const uint8_t *p = m + BGP_HDR;
	length -= BGP_HDR;
	if (!rc__have(c, p, 2) || length < 2)
		return rc__trunc_soft(c);
	unsigned wlen = rc__be16(p);
	p += 2;
	length -= 2;
	if (wlen > 1) {
		if (!rc__have(c, p, wlen) || length < wlen)
			return rc__trunc_soft(c);
		RC_TRY(ipv4_routes(c, &p, &length, wlen, "\n\t  Withdrawn routes:", 1));
		wlen = 0; /* tcpdump's loop counts it down */
	} else {
		if (!rc__have(c, p, wlen) || length < wlen)
			return rc__trunc_soft(c);
		p += wlen;
		length -= wlen;
	}
	if (!rc__have(c, p, 2) || length < 2)
		return rc__trunc_soft(c);
	unsigned alen = rc__be16(p);
	p += 2;
	length -= 2;
	if (wlen == 0 && alen == 0 && length == 0) {
		rc__ob_puts(c->ob, "\n\t  End-of-Rib Marker (empty NLRI)");
		return 0;
	}
	if (alen)
		RC_TRY(path_attrs(c, &p, &length, alen));
	if (length)
		return ipv4_routes(c, &p, &length, length, "\n\t  Updated routes:", 0);
	return 0;
}

/* ---- NOTIFICATION (RFC 4271 4.5) ---- */

static const struct rc__bgp_tok notify_major[] = {
	{1, "Message Header Error"}, {2, "OPEN Message Error"},
	{3, "UPDATE Message Error"}, {4, "Hold Timer Expired"},
	{5, "Finite State Machine Error"}, {6, "Cease"},
	{7, "Capability Message Error"}, {0, NULL},
};
static const struct rc__bgp_tok minor_msg[] = {
	{1, "Connection Not Synchronized"}, {2, "Bad Message Length"},
	{3, "Bad Message Type"}, {0, NULL},
};
static const struct rc__bgp_tok minor_open[] = {
	{1, "Unsupported Version Number"}, {2, "Bad Peer AS"},
	{3, "Bad BGP Identifier"}, {4, "Unsupported Optional Parameter"},
	{5, "Authentication Failure"}, {6, "Unacceptable Hold Time"},
	{7, "Capability Message Error"}, {0, NULL},
};
static const struct rc__bgp_tok minor_update[] = {
	{1, "Malformed Attribute List"}, {2, "Unrecognized Well-known Attribute"},
	{3, "Missing Well-known Attribute"}, {4, "Attribute Flags Error"},
	{5, "Attribute Length Error"}, {6, "Invalid ORIGIN Attribute"},
	{7, "AS Routing Loop"}, {8, "Invalid NEXT_HOP Attribute"},
	{9, "Optional Attribute Error"}, {10, "Invalid Network Field"},
	{11, "Malformed AS_PATH"}, {0, NULL},
};
static const struct rc__bgp_tok minor_fsm[] = {
	{0, "Unspecified Error"}, {1, "In OpenSent State"},
	{2, "In OpenConfirm State"}, {3, "In Established State"}, {0, NULL},
};
static const struct rc__bgp_tok minor_cap[] = {
	{1, "Invalid Action Value"}, {2, "Invalid Capability Length"},
	{3, "Malformed Capability Value"}, {4, "Unsupported Capability Code"},
	{0, NULL},
};
static const struct rc__bgp_tok minor_cease[] = {
	{1, "Maximum Number of Prefixes Reached"}, {2, "Administrative Shutdown"},
	{3, "Peer Unconfigured"}, {4, "Administrative Reset"},
	{5, "Connection Rejected"}, {6, "Other Configuration Change"},
	{7, "Connection Collision Resolution"}, {0, NULL},
};

/* RFC 8203 shutdown communication after a Cease 2 or 4, then any data. */
static int shutdown_comm(rc__pctx *c, const uint8_t *m, unsigned length)
{
	const uint8_t *t = m + BGP_NOTIFY_HDR;
	RC_NEED(c, t, 1);
	unsigned clen = t[0], skip = 0, rest = length - BGP_NOTIFY_HDR;
	if (clen > 128 || clen > rest - 1) {
		rc__ob_puts(c->ob, ", invalid Shutdown Communication length");
	} else if (clen == 0) {
		rc__ob_puts(c->ob, ", empty Shutdown Communication");
		skip = 1;
	} else {
		if (!rc__have(c, t + 1, clen))
			return rc__trunc_soft(c);
		rc__ob_printf(c->ob, ", Shutdown Communication (length: %u): \"", clen);
		for (unsigned i = 0; i < clen; i++)
			rc__put_char(c->ob, t[1 + i]);
		rc__ob_putc(c->ob, '"');
		skip = clen + 1;
	}
	if (rest - skip > 0) {
		rc__ob_printf(c->ob, ", Data: (length: %u)", rest - skip);
		RC_NEED(c, t + skip, rest - skip); /* inside the captured message */
		rc__hex_dump(c->ob, "\n\t\t", t + skip, rest - skip, 0);
	}
	return 0;
}

static int notification_msg(rc__pctx *c, const uint8_t *m, unsigned length)
{
	if (!rc__have(c, m, BGP_NOTIFY_HDR))
		return rc__trunc_soft(c);
	if (length < BGP_NOTIFY_HDR)
		return 0;
	unsigned major = m[19], minor = m[20];
	rc__ob_printf(c->ob, ", %s (%u)", rc__bgp_tok(notify_major, major, "Unknown Error"),
		      major);
	/* tcpdump prints FSM and capability subcodes without the comma */
	static const struct rc__bgp_tok *const minors[8] = {
		NULL, minor_msg, minor_open, minor_update, NULL, minor_fsm, minor_cease, minor_cap,
	};
	if (major >= 8 || !minors[major])
		return 0;
	rc__ob_printf(c->ob, "%s subcode %s (%u)", major == 5 || major == 7 ? "" : ",",
		      rc__bgp_tok(minors[major], minor, "Unknown"), minor);
	if (major != 6)
		return 0;
	if (minor == 1 && length >= BGP_NOTIFY_HDR + 7) { /* AFI, SAFI, prefix count */
		const uint8_t *t = m + BGP_NOTIFY_HDR;
		RC_NEED(c, t, 7);
		rc__ob_puts(c->ob, ", ");
		put_afi_safi(c, t, t + 2);
		rc__ob_printf(c->ob, ", Max Prefixes: %u", rc__be32(t + 3));
	}
	if ((minor == 2 || minor == 4) && length >= BGP_NOTIFY_HDR + 1)
		return shutdown_comm(c, m, length);
	return 0;
}

/* ---- ROUTE-REFRESH (RFC 2918) and the message loop ---- */

static int route_refresh_msg(rc__pctx *c, const uint8_t *m, unsigned length)
{
	if (!rc__have(c, m, BGP_RR_SIZE))
		return rc__trunc_soft(c);
	if (length < BGP_RR_SIZE)
		return 0;
	rc__ob_puts(c->ob, "\n\t  ");
	put_afi_safi(c, m + 19, m + 22);
	if (c->o->vflag > 1) {
		if (!rc__have(c, m, length))
			return rc__trunc_soft(c);
		rc__unknown_data(c, m, "\n\t  ", length);
	}
	return 0;
}

/* One message, all length bytes captured.  RC_PRINT_TRUNC only when a
 * read went past the capture (tcpdump unwinds out of bgp_print then). */
static int message(rc__pctx *c, const uint8_t *m, unsigned length)
{
	unsigned type = m[18];
	rc__ob_printf(c->ob, "\n\t%s Message (%u), length: %u",
		      rc__bgp_tok(msg_names, type, "Unknown"), type, length);
	int r = 0, was_unwound = c->unwound;
	switch (type) {
	case 1:
		r = open_msg(c, m, length);
		break;
	case 2:
		r = update_msg(c, m, length);
		break;
	case 3:
		r = notification_msg(c, m, length);
		break;
	case 4:
		break;
	case 5:
		r = route_refresh_msg(c, m, length);
		break;
	default:
		rc__ob_printf(c->ob, "\n\t  no Message %u decoder", type);
		rc__unknown_data(c, m, "\n\t  ", length);
		break;
	}
	return r < 0 && c->unwound && !was_unwound ? r : 0;
}

static int is_marker(const uint8_t *p)
{
	for (int i = 0; i < 16; i++)
		if (p[i] != 0xff)
			return 0;
	return 1;
}

int rc__print_bgp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	(void)length; /* tcpdump walks the captured bytes, not the TCP length */
	c->proto = "bgp";
	rc__ob_puts(c->ob, ": BGP");
	if (c->o->vflag < 1)
		return 0;
	const uint8_t *start = p;
	while (rc__have(c, p, 1)) {
		if (*p != 0xff) {
			p++;
			continue;
		}
		if (!rc__have(c, p, 16))
			break;
		if (!is_marker(p)) {
			p++;
			continue;
		}
		if (!rc__have(c, p, BGP_HDR))
			return rc__trunc_soft(c);
		if (start != p) /* bytes skipped to find this marker */
			rc__trunc_soft(c);
		unsigned hlen = rc__be16(p + 16);
		if (hlen < BGP_HDR) {
			rc__ob_printf(c->ob, "\nmessage length %u < %u (invalid)", hlen, BGP_HDR);
			break;
		}
		if (!rc__have(c, p, hlen)) {
			rc__ob_printf(c->ob, "\n[|BGP %s]",
				      rc__bgp_tok(msg_names, p[18], "Unknown Message Type"));
			break;
		}
		RC_TRY(message(c, p, hlen));
		p += hlen;
		start = p;
	}
	return 0;
}

/*
 * print_eigrp.c - EIGRP (IP protocol 88, RFC 7868) as tcpdump 4.99
 * print-eigrp.c prints it: the opcode and length, and with -v the header
 * and each TLV (parameters, software version, IPv4 and AppleTalk routes),
 * with -vv a hex dump of every TLV's value after its lines.
 *
 *   0    1      2      4      8    12   16     18   20
 *   | ver| opcd | csum | flags| seq| ack| VRID | AS | TLVs: type(2) length(2) value
 *
 * A TLV's length counts its 4-byte header.
 */
#include "print.h"

#include <stdio.h>

#define EIGRP_HDR_LEN 20

static const char *opcode_name(unsigned op)
{
	static const char *const names[] = { [1] = "Update", [3] = "Query", [4] = "Reply",
					     [5] = "Hello", [6] = "IPX SAP", [7] = "Probe" };
	return op < 8 ? names[op] : NULL;
}

static const char *tlv_name(unsigned type)
{
	switch (type) {
	case 0x0001: return "General Parameters";
	case 0x0002: return "Authentication";
	case 0x0003: return "Sequence";
	case 0x0004: return "Software Version";
	case 0x0005: return "Next Multicast Sequence";
	case 0x0102: return "IP Internal routes";
	case 0x0103: return "IP External routes";
	case 0x0202: return "AppleTalk Internal routes";
	case 0x0203: return "AppleTalk External routes";
	case 0x0204: return "AppleTalk Cable setup";
	case 0x0302: return "IPX Internal routes";
	case 0x0303: return "IPX External routes";
	default: return "Unknown";
	}
}

static const char *ext_proto_name(unsigned id)
{
	static const char *const names[] = { NULL, "IGRP", "EIGRP", "Static", "RIP", "Hello",
					     "OSPF", "IS-IS", "EGP", "BGP", "IDRP", "Connected" };
	return id < sizeof(names) / sizeof(names[0]) && names[id] ? names[id] : "unknown";
}

/* The value size each decoded TLV needs (tcpdump's structure sizes), 0
 * for the types it shows as hex. */
static unsigned tlv_min(unsigned type)
{
	switch (type) {
	case 0x0001: return 8;
	case 0x0004: return 4;
	case 0x0102: return 22;
	case 0x0103: return 42;
	case 0x0202: return 24;
	case 0x0203: return 40;
	case 0x0204: return 8;
	default: return 0;
	}
}

/* The metric block shared by the route TLVs: delay(4) bandwidth(4) mtu(3)
 * hop count, reliability, load. */
static void metric(rc__pctx *c, const uint8_t *p)
{
	rc__ob_printf(c->ob,
		      "\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
		      rc__be32(p) / 100, rc__be32(p + 4), rc__be24(p + 8), p[11], p[12], p[13]);
}

/* "IPv4 prefix: %15s/N, nexthop: " of a route TLV: the prefix takes as many
 * bytes as its length needs, and may run past the TLV (tcpdump reads them
 * through the snapend). */
static int ip_prefix(rc__pctx *c, const uint8_t *v, unsigned plen_off)
{
	unsigned plen = v[plen_off];
	if (plen > 32) {
		rc__ob_printf(c->ob, "\n\t    illegal prefix length %u", plen);
		return 1;
	}
	unsigned nbytes = (plen + 7) / 8;
	uint8_t a[4] = { 0 };
	RC_NEED(c, v + plen_off + 1, nbytes);
	for (unsigned i = 0; i < nbytes; i++)
		a[i] = v[plen_off + 1 + i];
	char text[16];
	snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	rc__ob_printf(c->ob, "\n\t    IPv4 prefix: %15s/%u, nexthop: ", text, plen);
	if (rc__be32(v) == 0)
		rc__ob_puts(c->ob, "self");
	else
		rc__put_ip4(c->ob, v);
	return 0;
}

/* The external route fields; at is the AppleTalk layout (numeric origin
 * router, 16-bit metric after the protocol and flags). */
static void external(rc__pctx *c, const uint8_t *v, int at)
{
	rc__ob_puts(c->ob, "\n\t      origin-router ");
	if (at)
		rc__ob_printf(c->ob, "%u", rc__be32(v + 4));
	else
		rc__put_ip4(c->ob, v + 4);
	unsigned proto = at ? v[16] : v[22], flags = at ? v[17] : v[23];
	uint32_t tag = rc__be32(v + 12), m = at ? rc__be16(v + 18) : rc__be32(v + 16);
	rc__ob_printf(c->ob, ", origin-as %u, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %u",
		      rc__be32(v + 8), ext_proto_name(proto), flags, tag, m);
}

/* AppleTalk route: cable range, then the next hop as net.node or "self". */
static void at_route(rc__pctx *c, const uint8_t *v, unsigned range_off)
{
	rc__ob_printf(c->ob, "\n\t     Cable-Range: %u-%u, nexthop: ", rc__be16(v + range_off),
		      rc__be16(v + range_off + 2));
	if (rc__be32(v) == 0)
		rc__ob_puts(c->ob, "self");
	else
		rc__ob_printf(c->ob, "%u.%u", rc__be16(v), rc__be16(v + 2));
}

/* A decoded TLV's value v, all of its tlv_min bytes captured. */
static int tlv_value(rc__pctx *c, unsigned type, const uint8_t *v)
{
	switch (type) {
	case 0x0001:
		rc__ob_printf(c->ob, "\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u",
			      rc__be16(v + 6), v[0], v[1], v[2], v[3], v[4]);
		return 0;
	case 0x0004:
		rc__ob_printf(c->ob, "\n\t    IOS version: %u.%u, EIGRP version %u.%u", v[0], v[1],
			      v[2], v[3]);
		return 0;
	case 0x0102: {
		int r = ip_prefix(c, v, 20);
		if (r == 0)
			metric(c, v + 4);
		return r < 0 ? r : 0;
	}
	case 0x0103: {
		int r = ip_prefix(c, v, 40);
		if (r == 0) {
			external(c, v, 0);
			metric(c, v + 24);
		}
		return r < 0 ? r : 0;
	}
	case 0x0204:
		rc__ob_printf(c->ob, "\n\t    Cable-range: %u-%u, Router-ID %u", rc__be16(v),
			      rc__be16(v + 2), rc__be32(v + 4));
		return 0;
	case 0x0202:
		at_route(c, v, 20);
		metric(c, v + 4);
		return 0;
	default: /* 0x0203 */
		at_route(c, v, 36);
		external(c, v, 1);
		metric(c, v + 20);
		return 0;
	}
}

/* One TLV of tlen bytes left: its length, 0 to stop, or RC_PRINT_TRUNC. */
static int tlv(rc__pctx *c, const uint8_t *p, unsigned tlen)
{
	RC_NEED_SOFT(c, p, 4);
	unsigned type = rc__be16(p), len = rc__be16(p + 2);
	if (len < 4 || len > tlen) {
		rc__unknown_data(c, p + 4, "\n\t    ", tlen);
		return 0;
	}
	rc__ob_printf(c->ob, "\n\t  %s TLV (0x%04x), length: %u", tlv_name(type), type, len);
	RC_NEED_SOFT(c, p, len);
	unsigned min = tlv_min(type);
	if (!min) {
		if (c->o->vflag <= 1)
			rc__unknown_data(c, p + 4, "\n\t    ", len - 4);
	} else if (len - 4 < min) {
		rc__ob_printf(c->ob, " (too short, < %u)", min + 4);
	} else {
		RC_TRY(tlv_value(c, type, p + 4));
	}
	if (c->o->vflag > 1)
		rc__unknown_data(c, p + 4, "\n\t    ", len - 4);
	return (int)len;
}

/* -v: the header lines, then the TLVs. */
static int verbose(rc__pctx *c, const uint8_t *bp, uint32_t len)
{
	static const rc__bitname flag_names[] = {
		{ 0x01, "Init" }, { 0x02, "Conditionally Received" },
		{ 0x04, "Restart" }, { 0x08, "End-of-Table" },
	};
	char flags[80];
	unsigned op = bp[1];
	const char *name = opcode_name(op);
	uint32_t tlen = len - EIGRP_HDR_LEN;
	rc__ob_printf(c->ob, "\n\tEIGRP v%u, opcode: ", bp[0]);
	if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "unknown, type: %u", op);
	rc__ob_printf(c->ob, " (%u), chksum: 0x%04x, Flags: [%s]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %u",
		      op, rc__be16(bp + 2),
		      rc__bit_names(flags, sizeof(flags), rc__be32(bp + 4), flag_names, 4),
		      rc__be32(bp + 8), rc__be32(bp + 12), rc__be16(bp + 16), rc__be16(bp + 18), tlen);
	const uint8_t *p = bp + EIGRP_HDR_LEN;
	while (tlen > 0) {
		int n = tlv(c, p, tlen);
		RC_TRY(n);
		if (n == 0)
			return 0;
		p += n;
		tlen -= (uint32_t)n;
	}
	return 0;
}

int rc__print_eigrp(rc__pctx *c, const uint8_t *bp, uint32_t len)
{
	c->proto = "eigrp";
	RC_NEED_SOFT(c, bp, EIGRP_HDR_LEN);
	if (bp[0] != 2) {
		rc__ob_printf(c->ob, "EIGRP version %u packet not supported", bp[0]);
		return 0;
	}
	const char *name = opcode_name(bp[1]);
	if (c->o->vflag < 1 || len < EIGRP_HDR_LEN) {
		rc__ob_puts(c->ob, "EIGRP ");
		if (name)
			rc__ob_puts(c->ob, name);
		else
			rc__ob_printf(c->ob, "unknown (%u)", bp[1]);
		rc__ob_printf(c->ob, ", length: %u", len);
		if (c->o->vflag >= 1)
			rc__ob_puts(c->ob, " (too short, < 20)");
		return 0;
	}
	return verbose(c, bp, len);
}

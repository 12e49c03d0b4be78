/*
 * print_bfd.c - BFD (RFC 5880; version 0 draft-ietf-bfd-base-01) on UDP
 * 3784 (single hop, RFC 5881), 4784 (multihop, RFC 5883), 6784 (LAG,
 * RFC 7130) and 3785 (echo), as tcpdump 4.99 print-bfd.c prints it.
 *
 *   control: | vers(3) diag(5) | flags | detect mult | length |
 *            | my discr(4) | your discr(4) | min tx(4) | min rx(4) | min echo rx(4) |
 *   optional authentication section (flag A): | type | len | key id | data... |
 *
 * tcpdump checks the whole 24-byte header before printing anything; every
 * later read unwinds at the snapend with "[|bfd]".
 */
#include "print.h"

#define BFD_HDRLEN 24
#define BFD_FLAG_AUTH 0x04

static const char *const diag_names[] = {
	"No Diagnostic",         "Control Detection Time Expired", "Echo Function Failed",
	"Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down",
	"Concatenated Path Down", "Administratively Down", "Reverse Concatenated Path Down",
};

static const char *const state_names[] = { "AdminDown", "Down", "Init", "Up" };

/* Version 0 had I Hear You and Demand where version 1 has the state. */
static const rc__bitname v0_flags[] = {
	{ 0x80, "I Hear You" }, { 0x40, "Demand" }, { 0x20, "Poll" }, { 0x10, "Final" },
	{ 0x08, "Control Plane Independent" }, { BFD_FLAG_AUTH, "Authentication Present" },
	{ 0x02, "Reserved" }, { 0x01, "Reserved" },
};
static const rc__bitname v1_flags[] = {
	{ 0x20, "Poll" }, { 0x10, "Final" }, { 0x08, "Control Plane Independent" },
	{ BFD_FLAG_AUTH, "Authentication Present" }, { 0x02, "Demand" }, { 0x01, "Multipoint" },
};

static const char *port_name(unsigned port)
{
	switch (port) {
	case 3784: return "Control";
	case 4784: return "Multihop";
	default: return "Lag"; /* 6784: tcpdump 4.99 spells it so */
	}
}

/* Simple password (RFC 5880 4.2): 1 to 16 bytes after a 3-byte header,
 * printed byte by byte as tcpdump's nd_printjn, NULs included. */
static int auth_password(rc__pctx *c, const uint8_t *a, unsigned alen)
{
	if (alen < 4 || alen > 19) {
		rc__ob_printf(c->ob, "[invalid length %u]", alen);
		return 0;
	}
	rc__ob_puts(c->ob, ", Password: ");
	for (unsigned i = 0; i < alen - 3u; i++) {
		RC_NEED(c, a + 3 + i, 1);
		rc__put_char(c->ob, a[3 + i]);
	}
	return 0;
}

/* Keyed MD5 / SHA1 (RFC 5880 4.3, 4.4): key id, reserved, sequence number,
 * then the digest, which must be captured whole before it is printed. */
static int auth_keyed(rc__pctx *c, const uint8_t *a, unsigned alen, unsigned want,
		      const char *label, unsigned hashlen)
{
	if (alen != want) {
		rc__ob_printf(c->ob, "[invalid length %u]", alen);
		return 0;
	}
	RC_NEED(c, a + 4, 4);
	rc__ob_printf(c->ob, ", Sequence Number: 0x%08x", rc__be32(a + 4));
	RC_NEED(c, a + 8, hashlen);
	rc__ob_printf(c->ob, "\n\t  %s: ", label);
	for (unsigned i = 0; i < hashlen; i++)
		rc__ob_printf(c->ob, "%02x", a[8 + i]);
	return 0;
}

static int auth_print(rc__pctx *c, const uint8_t *a)
{
	static const char *const names[] = { "Simple Password", "Keyed MD5", "Meticulous Keyed MD5",
					     "Keyed SHA1", "Meticulous Keyed SHA1" };
	/* tcpdump checks 4 bytes of the section first, whatever its type */
	RC_NEED(c, a, 4);
	unsigned type = a[0], alen = a[1];
	rc__ob_printf(c->ob, "\n\tAuthentication: %s (%u), length: %u",
		      type >= 1 && type <= 5 ? names[type - 1] : "Unknown", type, alen);
	rc__ob_printf(c->ob, "\n\t  Auth Key ID: %u", a[2]);
	switch (type) {
	case 1: return auth_password(c, a, alen);
	case 2:
	case 3: return auth_keyed(c, a, alen, 24, "Digest", 16);
	case 4:
	case 5: return auth_keyed(c, a, alen, 28, "Hash", 20);
	default: return 0;
	}
}

/* The -v body shared by versions 0 and 1, after the flags line. */
static void timers_print(rc__pctx *c, const uint8_t *h)
{
	uint32_t tx = rc__be32(h + 12);
	/* the product wraps in 32 bits as tcpdump's does */
	rc__ob_printf(c->ob, "\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u",
		      h[2], (uint32_t)(h[2] * tx) / 1000, h[3]);
	rc__ob_printf(c->ob, "\n\tMy Discriminator: 0x%08x", rc__be32(h + 4));
	rc__ob_printf(c->ob, ", Your Discriminator: 0x%08x", rc__be32(h + 8));
	rc__ob_printf(c->ob, "\n\t  Desired min Tx Interval:    %4u ms", tx / 1000);
	rc__ob_printf(c->ob, "\n\t  Required min Rx Interval:   %4u ms", rc__be32(h + 16) / 1000);
	rc__ob_printf(c->ob, "\n\t  Required min Echo Interval: %4u ms", rc__be32(h + 20) / 1000);
}

static void diag_print(rc__pctx *c, unsigned diag)
{
	rc__ob_printf(c->ob, ", Diagnostic: %s (0x%02x)",
		      diag < sizeof(diag_names) / sizeof(diag_names[0]) ? diag_names[diag] : "unknown",
		      diag);
}

static int control_print(rc__pctx *c, const uint8_t *h, uint32_t length, unsigned port)
{
	RC_NEED(c, h, BFD_HDRLEN);
	unsigned version = h[0] >> 5, diag = h[0] & 0x1f, flags = h[1];
	char fl[160];
	if (version > 1) {
		rc__ob_printf(c->ob, "BFDv%u, Control, length: %u", version, length);
		if (c->o->vflag)
			rc__unknown_data(c, h, "\n\t", length);
		return 0;
	}
	if (version == 0) {
		const char *names = rc__bit_names(fl, sizeof(fl), flags, v0_flags, 8);
		if (!c->o->vflag) {
			rc__ob_printf(c->ob, "BFDv0, Control, Flags: [%s], length: %u", names, length);
			return 0;
		}
		rc__ob_printf(c->ob, "BFDv0, length: %u\n\tControl, Flags: [%s]", length, names);
	} else {
		const char *names = rc__bit_names(fl, sizeof(fl), flags & 0x3f, v1_flags, 6);
		const char *state = state_names[flags >> 6];
		if (!c->o->vflag) {
			rc__ob_printf(c->ob, "BFDv1, %s, State %s, Flags: [%s], length: %u",
				      port_name(port), state, names, length);
			return 0;
		}
		rc__ob_printf(c->ob, "BFDv1, length: %u\n\t%s, State %s, Flags: [%s]", length,
			      port_name(port), state, names);
	}
	diag_print(c, diag);
	timers_print(c, h);
	if (flags & BFD_FLAG_AUTH)
		return auth_print(c, h + BFD_HDRLEN);
	return 0;
}

/* tcpdump's udp_print hands BFD the destination port only. */
int rc__print_bfd(rc__pctx *c, const uint8_t *bp, uint32_t length, unsigned port)
{
	c->proto = "bfd";
	if (port != 3785)
		return control_print(c, bp, length, port);
	/* Echo packets are private to their sender (RFC 5880 6.4): hex only. */
	rc__ob_printf(c->ob, "BFD, Echo, length: %u", length);
	if (c->o->vflag)
		rc__unknown_data(c, bp, "\n\t", length);
	return 0;
}

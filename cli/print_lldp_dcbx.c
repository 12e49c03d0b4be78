/*
 * print_lldp_dcbx.c - the DCB Capability Exchange protocol (DCBX 1.01,
 * OUI 00-1B-21) inside an LLDP organization specific TLV, as tcpdump 4.99
 * print-lldp.c prints it with -v: its own TLVs (7-bit type, 9-bit length)
 * for control, priority groups, priority flow control and applications;
 * with -vv, and for unknown ones, each as hex after its lines.
 *
 *   0 OUI  3 subtype (1: rev 1, not decoded; 2: rev 1.01)  4 TLVs ...
 */
#include "print.h"

/* The version bytes every DCBX TLV starts with. */
static void versions(rc__pctx *c, const uint8_t *t)
{
	rc__ob_printf(c->ob, "\n\t      Oper_Version: %u\n\t      Max_Version: %u", t[0], t[1]);
}

/* A feature TLV's head: versions, the enable/willing/error bits, subtype. */
static void feature(rc__pctx *c, const char *name, unsigned type, unsigned len, const uint8_t *t)
{
	rc__ob_printf(c->ob, "\n\t    Feature - %s (type 0x%x, length %u)", name, type, len);
	versions(c, t);
	rc__ob_printf(c->ob, "\n\t      Info block(0x%02X): Enable bit: %u, Willing bit: %u, Error Bit: %u",
		      t[2], (t[2] & 0x80) ? 1 : 0, (t[2] & 0x40) ? 1 : 0, (t[2] & 0x20) ? 1 : 0);
	rc__ob_printf(c->ob, "\n\t      SubType: %u", t[3]);
}

static void priority_groups(rc__pctx *c, unsigned len, const uint8_t *t)
{
	feature(c, "Priority Group", 2, len, t);
	rc__ob_puts(c->ob, "\n\t      Priority Allocation");
	uint32_t ids = rc__be32(t + 4);
	for (unsigned i = 0; i < 8; i++)
		rc__ob_printf(c->ob, "\n\t          PgId_%u: %u", i, (ids >> (28 - 4 * i)) & 15);
	rc__ob_puts(c->ob, "\n\t      Priority Group Allocation");
	for (unsigned i = 0; i < 8; i++)
		rc__ob_printf(c->ob, "\n\t          Pg percentage[%u]: %u", i, t[8 + i]);
	rc__ob_printf(c->ob, "\n\t      NumTCsSupported: %u", t[16]);
}

static void flow_control(rc__pctx *c, unsigned len, const uint8_t *t)
{
	feature(c, "Priority Flow Control", 3, len, t);
	rc__ob_printf(c->ob, "\n\t      PFC Config (0x%02X)", t[4]);
	for (unsigned i = 0; i < 8; i++)
		rc__ob_printf(c->ob, "\n\t          Priority Bit %u: %s", i,
			      (t[4] & (1u << i)) ? "Enabled" : "Disabled");
	rc__ob_printf(c->ob, "\n\t      NumTCPFCSupported: %u", t[5]);
}

static void applications(rc__pctx *c, unsigned len, const uint8_t *t)
{
	feature(c, "Application", 4, len, t);
	const uint8_t *m = t + 4;
	for (unsigned left = len - 4; left >= 6; left -= 6, m += 6) {
		uint32_t u = rc__be24(m + 2);
		rc__ob_printf(c->ob, "\n\t      Application Value\n\t          Application Protocol ID: 0x%04x",
			      rc__be16(m));
		rc__ob_printf(c->ob, "\n\t          SF (0x%x) Application Protocol ID is %s", u >> 22,
			      (u >> 22) ? "Socket Number" : "L2 EtherType");
		rc__ob_printf(c->ob, "\n\t          OUI: 0x%06x\n\t          User Priority Map: 0x%02x",
			      u & 0x3fffff, m[5]);
	}
}

/* One DCBX TLV: 1 if unknown (a hex dump follows), -1 if too short for its
 * type (tcpdump stops the TLV list there). */
static int dcbx_tlv(rc__pctx *c, unsigned type, unsigned len, const uint8_t *t)
{
	static const uint8_t min_len[5] = { 0, 10, 17, 6, 4 };
	if (type > 4)
		return 1;
	if (len < min_len[type])
		return -1;
	switch (type) {
	case 1:
		rc__ob_printf(c->ob, "\n\t    Control - Protocol Control (type 0x1, length %u)", len);
		versions(c, t);
		rc__ob_printf(c->ob, "\n\t      Sequence Number: %u\n\t      Acknowledgement Number: %u",
			      rc__be32(t + 2), rc__be32(t + 6));
		break;
	case 2:
		priority_groups(c, len, t);
		break;
	case 3:
		flow_control(c, len, t);
		break;
	default:
		applications(c, len, t);
		break;
	}
	return 0;
}

int rc__lldp_dcbx(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char *const rev[3] = { NULL, "DCB Capability Exchange Protocol Rev 1",
		"DCB Capability Exchange Protocol Rev 1.01" };
	rc__ob_printf(c->ob, "\n\t  %s Subtype (%u)", p[3] < 3 && rev[p[3]] ? rev[p[3]] : "unknown",
		      p[3]);
	if (p[3] == 1)
		return 1;
	int hex = 0;
	const uint8_t *t = p + 4;
	for (unsigned left = len - 4; left >= 2;) {
		unsigned type = t[0] >> 1, tlen = rc__be16(t) & 0x1ff;
		t += 2;
		left -= 2;
		hex = 0; /* a TLV list that ends badly asks for no dump */
		if (type == 0 || tlen == 0 || left < tlen)
			break;
		hex = dcbx_tlv(c, type, tlen, t);
		if (hex < 0)
			return 0;
		if (c->o->vflag > 1 || hex)
			rc__hex_dump(c->ob, "\n\t    ", t, tlen, 0);
		t += tlen;
		left -= tlen;
	}
	return hex;
}

/*
 * print_ospf_opaque.c - what OSPFv2 and OSPFv3 share (print_ospf.h): the
 * header fields both print alike, and the TLV-coded LSAs, as tcpdump 4.99
 * print-ospf.c prints them: Traffic Engineering (RFC 3630, GMPLS
 * additions of RFC 4203, bandwidth constraints of RFC 4124) and grace
 * (RFC 3623).
 *
 * TLV: 0 type | 2 length | 4 value, padded to 32 bits.  The Link TLV holds
 * sub-TLVs of the same form.  tcpdump stops the LSA silently when a TLV's
 * value was not captured, with " (invalid)" after a sub-TLV of the wrong
 * size, and unwinds (" [|ospf2]") where it reads a sub-TLV header past
 * the capture.
 */
#include <string.h>

#include "print_ospf.h"

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *subtlv_name(unsigned t)
{
	static const char *const n[] = {NULL,
					"Link Type",
					"Link ID",
					"Local Interface IP address",
					"Remote Interface IP address",
					"Traffic Engineering Metric",
					"Maximum Bandwidth",
					"Maximum Reservable Bandwidth",
					"Unreserved Bandwidth",
					"Administrative Group",
					NULL,
					"Link Local/Remote Identifier",
					NULL,
					NULL,
					"Link Protection Type",
					"Interface Switching Capability",
					"Shared Risk Link Group",
					"Bandwidth Constraints"};
	return t < NITEMS(n) && n[t] ? n[t] : "unknown";
}

/* RFC 3471 3.1.1 switching capabilities, as tcpdump's gmpls.c names them. */
static const char *switch_cap_name(unsigned v)
{
	static const char *const psc[] = {"Packet-Switch Capable-1", "Packet-Switch Capable-2",
					  "Packet-Switch Capable-3", "Packet-Switch Capable-4"};
	switch (v) {
	case 1: case 2: case 3: case 4: return psc[v - 1];
	case 51: return "Layer-2 Switch Capable";
	case 100: return "Time-Division-Multiplex";
	case 150: return "Lambda-Switch Capable";
	case 200: return "Fiber-Switch Capable";
	default: return "Unknown";
	}
}

/* RFC 3471 3.1.1 LSP encoding types, as tcpdump's gmpls.c names them. */
static const char *encoding_name(unsigned v)
{
	static const char *const n[] = {NULL,
					"Packet",
					"Ethernet V2/DIX",
					"ANSI/ETSI PDH",
					"Reserved",
					"SDH ITU-T G.707/SONET ANSI T1.105",
					"Reserved",
					"Digital Wrapper",
					"Lambda (photonic)",
					"Fiber",
					"Reserved",
					"FiberChannel"};
	return v < NITEMS(n) && n[v] ? n[v] : "Unknown";
}

static const char *bc_model_name(unsigned v)
{
	switch (v) {
	case 0: return "Russian dolls";
	case 1: return "Maximum allocation";
	case 254: return "Maximum allocation with E-LSP support";
	default: return "unknown";
	}
}

int rc__ospf_id(rc__pctx *c, const char *pre, const uint8_t *p)
{
	RC_NEED(c, p, 4);
	rc__ob_puts(c->ob, pre);
	rc__put_ip4(c->ob, p);
	return 0;
}

int rc__ospf_first_line(rc__pctx *c, const uint8_t *b, uint32_t length, const char *unknown_fmt)
{
	/* RFC 2328 A.3.1, RFC 5340 A.3.1 */
	static const char *const n[] = {NULL, "Hello", "Database Description", "LS-Request",
					"LS-Update", "LS-Ack"};
	rc__ob_printf(c->ob, "OSPFv%u, ", b[0]);
	if (b[1] == 0 || b[1] >= NITEMS(n)) {
		rc__ob_printf(c->ob, unknown_fmt, b[1], length);
		return 0;
	}
	rc__ob_printf(c->ob, "%s, length %u", n[b[1]], length);
	return 1;
}

int rc__ospf_router_area(rc__pctx *c, const uint8_t *b)
{
	RC_TRY(rc__ospf_id(c, "\n\tRouter-ID ", b + 4));
	RC_NEED(c, b + 8, 4);
	if (rc__be32(b + 8))
		return rc__ospf_id(c, ", Area ", b + 8);
	rc__ob_puts(c->ob, ", Backbone Area");
	return 0;
}

int rc__ospf_dr_bdr(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p, 4);
	if (rc__be32(p))
		RC_TRY(rc__ospf_id(c, "\n\t  Designated Router ", p));
	RC_NEED(c, p + 4, 4);
	if (rc__be32(p + 4))
		RC_TRY(rc__ospf_id(c, ", Backup Designated Router ", p + 4));
	return 0;
}

/* tcpdump pads every TLV to 32 bits (RFC 5250 3.1). */
static unsigned pad4(unsigned len)
{
	return len % 4 ? len + 4 - len % 4 : len;
}

/* A TE or grace TLV header at *t with *left bytes left: reads *type and
 * *len, moves past the header and prints the TLV's line (fmt takes the
 * name, the type and the length).  0, or RC_OSPF_TLV_STOP after tcpdump's checks
 * of the header (which stop without a marker when it was not captured). */
static int tlv_head(rc__pctx *c, const uint8_t **t, uint32_t *left, const char *fmt,
		    const char *name(unsigned), unsigned *type, unsigned *len)
{
	if (!rc__have(c, *t, 4))
		return RC_OSPF_TLV_STOP;
	if (*left < 4) {
		rc__ob_printf(c->ob, "\n\t    Remaining LS length %u < 4", *left);
		return RC_OSPF_TLV_STOP;
	}
	*type = rc__be16(*t);
	*len = rc__be16(*t + 2);
	*t += 4;
	*left -= 4;
	rc__ob_printf(c->ob, fmt, name(*type), *type, *len);
	if (*len > *left) {
		rc__ob_printf(c->ob, "\n\t    Bogus length %u > %u", *len, *left);
		return RC_OSPF_TLV_STOP;
	}
	/* tcpdump's guard against a TLV that does not advance */
	return *type == 0 || *len == 0 ? RC_OSPF_TLV_STOP : 0;
}

/* Bandwidths are IEEE floats in bytes per second; tcpdump scales them in
 * single precision before printing. */
static float mbps(const uint8_t *p)
{
	uint32_t u = rc__be32(p);
	float f;
	memcpy(&f, &u, sizeof(f));
	return f * 8 / 1000000;
}

static int invalid(rc__pctx *c, const char *why)
{
	rc__ob_puts(c->ob, why);
	rc__ob_puts(c->ob, " (invalid)");
	return RC_OSPF_TLV_STOP;
}

static int link_id(rc__pctx *c, const uint8_t *t, unsigned len)
{
	if (len != 4 && len != 8)
		return invalid(c, " != 4 && != 8");
	for (unsigned i = 0; i < len; i += 4) {
		rc__ob_puts(c->ob, ", ");
		rc__put_ip4(c->ob, t + i);
		rc__ob_printf(c->ob, " (0x%08x)", rc__be32(t + i));
	}
	return 0;
}

static int bw_constraints(rc__pctx *c, const uint8_t *t, unsigned len)
{
	if (len < 4)
		return invalid(c, " < 4");
	rc__ob_printf(c->ob, "\n\t\tBandwidth Constraints Model ID: %s (%u)", bc_model_name(t[0]),
		      t[0]);
	if (len % 4 != 0) {
		rc__ob_printf(c->ob, "\n\t\tlength %u != N x 4", len);
		return invalid(c, "");
	}
	if (len > 36) {
		rc__ob_printf(c->ob, "\n\t\tlength %u > 36", len);
		return invalid(c, "");
	}
	for (unsigned i = 0; i < (len - 4) / 4; i++)
		rc__ob_printf(c->ob, "\n\t\t  Bandwidth constraint CT%u: %.3f Mbps", i,
			      mbps(t + 4 + 4 * i));
	return 0;
}

static int switch_cap(rc__pctx *c, const uint8_t *t, unsigned len)
{
	if (len < 36)
		return invalid(c, " < 36");
	rc__ob_printf(c->ob, "\n\t\tInterface Switching Capability: %s", switch_cap_name(t[0]));
	rc__ob_printf(c->ob, "\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:",
		      encoding_name(t[1]));
	for (unsigned i = 0; i < 8; i++)
		rc__ob_printf(c->ob, "\n\t\t  priority level %u: %.3f Mbps", i,
			      mbps(t + 4 + 4 * i));
	return 0;
}

/* RFC 4203 1.4: tcpdump walks these with the TLV pointer itself, so after
 * this sub-TLV it skips its length twice; *t is advanced to match. */
static int srlg(rc__pctx *c, const uint8_t **t, unsigned len)
{
	if (len % 4 != 0)
		return invalid(c, " != N x 4");
	if (len)
		rc__ob_puts(c->ob, "\n\t\t  Shared risk group: ");
	for (unsigned i = 0; i < len; i += 4, *t += 4)
		rc__ob_printf(c->ob, "%s%u", i ? ", " : "", rc__be32(*t));
	return 0;
}

static int fixed_len(rc__pctx *c, unsigned len, unsigned want)
{
	if (len == want)
		return 0;
	rc__ob_printf(c->ob, " != %u", want);
	return invalid(c, "");
}

/* One sub-TLV's value, all captured: 0 or RC_OSPF_TLV_STOP. */
static int subtlv(rc__pctx *c, unsigned type, const uint8_t **tp, unsigned len)
{
	static const rc__bitname prot[] = {
		{0x01, "Extra Traffic"}, {0x02, "Unprotected"},   {0x04, "Shared"},
		{0x08, "Dedicated 1:1"}, {0x10, "Dedicated 1+1"}, {0x20, "Enhanced"},
		{0x40, "Reserved"},      {0x80, "Reserved"}};
	const uint8_t *t = *tp;
	char buf[128];
	switch (type) {
	case 1:
		if (fixed_len(c, len, 1))
			return RC_OSPF_TLV_STOP;
		rc__ob_printf(c->ob, ", %s (%u)",
			      t[0] == 1 ? "Point-to-point" : t[0] == 2 ? "Multi-Access" : "unknown",
			      t[0]);
		return 0;
	case 2:
	case 11:
		return link_id(c, t, len);
	case 3:
	case 4:
		if (fixed_len(c, len, 4))
			return RC_OSPF_TLV_STOP;
		rc__ob_puts(c->ob, ", ");
		rc__put_ip4(c->ob, t);
		return 0;
	case 5:
	case 9:
		if (fixed_len(c, len, 4))
			return RC_OSPF_TLV_STOP;
		rc__ob_printf(c->ob, type == 5 ? ", Metric %u" : ", 0x%08x", rc__be32(t));
		return 0;
	case 6:
	case 7:
		if (fixed_len(c, len, 4))
			return RC_OSPF_TLV_STOP;
		rc__ob_printf(c->ob, ", %.3f Mbps", mbps(t));
		return 0;
	case 8:
		if (fixed_len(c, len, 32))
			return RC_OSPF_TLV_STOP;
		for (unsigned i = 0; i < 8; i++)
			rc__ob_printf(c->ob, "\n\t\tTE-Class %u: %.3f Mbps", i, mbps(t + 4 * i));
		return 0;
	case 14:
		if (fixed_len(c, len, 4))
			return RC_OSPF_TLV_STOP;
		rc__ob_printf(c->ob, ", %s",
			      rc__bit_names(buf, sizeof(buf), t[0], prot, NITEMS(prot)));
		return 0;
	case 15:
		return switch_cap(c, t, len);
	case 16:
		return srlg(c, tp, len);
	case 17:
		return bw_constraints(c, t, len);
	default:
		if (c->o->vflag <= 1)
			rc__unknown_data(c, t, "\n\t\t", len);
		return 0;
	}
}

/* The Link TLV (RFC 3630 2.4.2): sub-TLVs up to len; *tp is advanced. */
static int link_tlv(rc__pctx *c, const uint8_t **tp, unsigned len)
{
	const uint8_t *t = *tp;
	while (len != 0) {
		if (len < 4) {
			rc__ob_printf(c->ob, "\n\t    Remaining TLV length %u < 4", len);
			return RC_OSPF_TLV_STOP;
		}
		RC_NEED(c, t, 4);
		unsigned type = rc__be16(t), sl = rc__be16(t + 2);
		t += 4;
		len -= 4;
		/* tcpdump's guard against a sub-TLV that does not advance */
		if (type == 0 || sl == 0)
			return invalid(c, "");
		rc__ob_printf(c->ob, "\n\t      %s subTLV (%u), length: %u", subtlv_name(type), type,
			      sl);
		if (len < sl) {
			rc__ob_printf(c->ob, "\n\t    Remaining TLV length %u < %u", len + 4, sl + 4);
			return RC_OSPF_TLV_STOP;
		}
		if (!rc__have(c, t, sl))
			return RC_OSPF_TLV_STOP;
		if (subtlv(c, type, &t, sl))
			return RC_OSPF_TLV_STOP;
		unsigned padded = pad4(sl);
		if (len < padded) {
			rc__ob_printf(c->ob, "\n\t    Remaining TLV length %u < %u", len + 4,
				      padded + 4);
			return RC_OSPF_TLV_STOP;
		}
		len -= padded;
		t += padded;
	}
	*tp = t;
	return 0;
}

/* RFC 3623 A: the grace LSA's TLVs.  0, RC_OSPF_TLV_STOP or RC_PRINT_TRUNC. */
static int grace_tlv(rc__pctx *c, unsigned type, const uint8_t *t, unsigned len)
{
	static const char *const reasons[] = {"Unknown", "Software Restart",
					      "Software Reload/Upgrade",
					      "Control Processor Switch"};
	unsigned want = type == 2 ? 1 : 4;
	if (type >= 1 && type <= 3 && len != want) {
		rc__ob_printf(c->ob, "\n\t    Bogus length %u != %u", len, want);
		return RC_OSPF_TLV_STOP;
	}
	switch (type) {
	case 1:
		rc__ob_printf(c->ob, "%us", rc__be32(t));
		return 0;
	case 2:
		rc__ob_printf(c->ob, "%s (%u)", t[0] < NITEMS(reasons) ? reasons[t[0]] : "Unknown",
			      t[0]);
		return 0;
	case 3:
		rc__put_ip4(c->ob, t);
		return 0;
	default:
		if (c->o->vflag <= 1)
			rc__unknown_data(c, t, "\n\t      ", len);
		return 0;
	}
}

static const char *grace_name(unsigned type)
{
	static const char *const n[] = {NULL, "Grace Period", "Graceful restart Reason",
					"IPv4 interface address"};
	return type >= 1 && type < NITEMS(n) ? n[type] : "unknown";
}

int rc__ospf_grace_lsa(rc__pctx *c, const uint8_t *t, uint32_t left)
{
	while (left > 0) {
		unsigned type, len;
		if (tlv_head(c, &t, &left, "\n\t    %s TLV (%u), length %u, value: ", grace_name,
			     &type, &len) ||
		    !rc__have(c, t, len))
			return RC_OSPF_TLV_STOP;
		int r = grace_tlv(c, type, t, len);
		if (r != 0)
			return r;
		left -= pad4(len);
		t += pad4(len);
	}
	return 0;
}

static const char *te_name(unsigned type)
{
	return type == 1 ? "Router Address" : type == 2 ? "Link" : "unknown";
}

int rc__ospf_te_lsa(rc__pctx *c, const uint8_t *t, uint32_t left)
{
	while (left != 0) {
		unsigned type, len;
		if (tlv_head(c, &t, &left, "\n\t    %s TLV (%u), length: %u", te_name, &type,
			     &len))
			return RC_OSPF_TLV_STOP;
		if (type == 2) {
			int r = link_tlv(c, &t, len);
			if (r != 0)
				return r;
			len = 0; /* the sub-TLV walk moved t past them */
		} else if (type == 1) {
			if (len < 4) {
				rc__ob_printf(c->ob, "\n\t    TLV length %u < 4", len);
				return RC_OSPF_TLV_STOP;
			}
			RC_NEED(c, t, 4);
			rc__ob_puts(c->ob, ", ");
			rc__put_ip4(c->ob, t);
		} else if (c->o->vflag <= 1) {
			rc__unknown_data(c, t, "\n\t      ", len);
		}
		unsigned padded = pad4(len);
		if (padded > left) {
			rc__ob_printf(c->ob, "\n\t    Bogus padded length %u > %u", padded, left);
			return RC_OSPF_TLV_STOP;
		}
		left -= padded;
		t += padded;
	}
	return 0;
}

/*
 * print_stp.c - IEEE 802.1D/Q spanning tree BPDUs (LLC SAP 0x42), as
 * tcpdump 4.99.3 print-stp.c prints them.
 *
 *   0        2         3      4      5          13     17          25
 *   | proto id | version | type | flags | root id | cost | bridge id |
 *   25       27     29       31        33           35           36
 *   | port id | age | max age | hello | fwd delay | v1 length (RSTP+) |
 *
 * Times are in 1/256 s.  Version 0 is 802.1D STP, 2 RSTP (802.1w), 3
 * MSTP (802.1s) and 4 SPB (802.1aq); an MSTP BPDU goes on with the v3
 * length at 36, the MST configuration identifier (name, revision,
 * digest), the CIST fields and 16-byte MSTI records; SPB adds a v4
 * block after them.  Flags bits 2-3 are the RSTP port role.
 *
 * tcpdump checks the BPDU's length against each form's size before it
 * reads ("(invalid)" when short) and unwinds at the snapend otherwise.
 */
#include "print.h"

#include <stdio.h>

#define STP_TIME_BASE 256
#define BPDU_LEN 36 /* tcpdump's struct stp_bpdu_, v1 length included */
#define MSTP_MIN_LEN 102
#define SPB_MIN_LEN 87

#define PROTO_STP 0
#define PROTO_RSTP 2
#define PROTO_MSTP 3
#define PROTO_SPB 4

#define TYPE_CONFIG 0x00
#define TYPE_RSTP 0x02
#define TYPE_TCN 0x80

/* MSTP offsets from the start of the BPDU (802.1Q 14.4). */
#define MST_V3LEN 36
#define MST_NAME 39
#define MST_DIGEST 73
#define MST_INT_COST 89
#define MST_BRIDGE 93
#define MST_HOPS 101
#define MST_MSTI 102
#define MST_MSTI_LEN 16
#define MST_CONFIG_LEN 64 /* the MCID and CIST fields the v3 length counts first */

/* SPB offsets from the start of the v4 block (802.1aq 13.14). */
#define SPB_NAME 3
#define SPB_REV 35
#define SPB_DIGEST 37
#define SPB_AGREE 53
#define SPB_FORMAT 55
#define SPB_CONV 56
#define SPB_EDGE 57
#define SPB_AGREE_DIGEST 67

static const rc__bitname flag_names[] = {
	{0x01, "Topology change"}, {0x02, "Proposal"},  {0x10, "Learn"},
	{0x20, "Forward"},         {0x40, "Agreement"}, {0x80, "Topology change ACK"},
};

static const char *const port_roles[4] = {"Unknown", "Alternate", "Root", "Designated"};

static const char *flags_str(char *buf, size_t n, uint8_t flags)
{
	return rc__bit_names(buf, n, flags, flag_names, sizeof flag_names / sizeof flag_names[0]);
}

static const char *port_role(uint8_t flags)
{
	return port_roles[(flags >> 2) & 3];
}

/* "pppp.aa:bb:cc:dd:ee:ff": priority and system ID of an 8-byte bridge ID,
 * which the caller has checked is captured. */
static const char *bridge_id(char buf[24], const uint8_t *p)
{
	snprintf(buf, 24, "%02x%02x.%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4],
		 p[5], p[6], p[7]);
	return buf;
}

/* Each block below is one of tcpdump's ND_PRINT calls: all its fields are
 * read (and checked against the snapend) before any of its text is
 * printed, so a cut prints the marker right after the previous block. */

static int times(rc__pctx *c, const uint8_t *p)
{
	RC_NEED(c, p + 27, 8);
	rc__ob_printf(c->ob,
		      "\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		      (double)rc__be16(p + 27) / STP_TIME_BASE, (double)rc__be16(p + 29) / STP_TIME_BASE,
		      (double)rc__be16(p + 31) / STP_TIME_BASE, (double)rc__be16(p + 33) / STP_TIME_BASE);
	return 0;
}

static int config_bpdu(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	char buf[96], id[24];
	RC_NEED(c, p + 4, 1);
	rc__ob_printf(c->ob, ", Flags [%s]", flags_str(buf, sizeof buf, p[4]));
	RC_NEED(c, p + 17, 10);
	rc__ob_printf(c->ob, ", bridge-id %s.%04x, length %u", bridge_id(id, p + 17),
		      rc__be16(p + 25), length);
	if (!c->o->vflag)
		return 0;
	RC_TRY(times(c, p));
	RC_NEED(c, p + 5, 12);
	rc__ob_printf(c->ob, "\n\troot-id %s, root-pathcost %u", bridge_id(id, p + 5),
		      rc__be32(p + 13));
	/* the port role is only defined for RSTP */
	if (p[2] == PROTO_RSTP)
		rc__ob_printf(c->ob, ", port-role %s", port_role(p[4]));
	return 0;
}

static int msti(rc__pctx *c, const uint8_t *m)
{
	char buf[96], id[24];
	RC_NEED(c, m, 3);
	rc__ob_printf(c->ob, "\n\tMSTI %u, Flags [%s], port-role %s", rc__be16(m + 1) & 0x0fff,
		      flags_str(buf, sizeof buf, m[0]), port_role(m[0]));
	RC_NEED(c, m + 1, 12);
	rc__ob_printf(c->ob, "\n\t\tMSTI regional-root-id %s, pathcost %u", bridge_id(id, m + 1),
		      rc__be32(m + 9));
	RC_NEED(c, m + 13, 3);
	rc__ob_printf(c->ob, "\n\t\tMSTI bridge-prio %u, port-prio %u, hops %u", m[13] >> 4,
		      m[14] >> 4, m[15]);
	return 0;
}

/* The MCID digest and SPB's agreement digest: words run together. */
static void digest(rc__pctx *c, const uint8_t *p, unsigned words)
{
	for (unsigned i = 0; i < words; i++)
		rc__ob_printf(c->ob, "%08x", rc__be32(p + 4 * i));
}

static int mstp_bpdu(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	char buf[96], id[24];
	RC_NEED(c, p + 4, 1);
	rc__ob_printf(c->ob, ", CIST Flags [%s], length %u", flags_str(buf, sizeof buf, p[4]),
		      length);
	if (!c->o->vflag)
		return 0;
	rc__ob_printf(c->ob, "\n\tport-role %s, ", port_role(p[4]));
	RC_NEED(c, p + 5, 12);
	rc__ob_printf(c->ob, "CIST root-id %s, CIST ext-pathcost %u", bridge_id(id, p + 5),
		      rc__be32(p + 13));
	RC_NEED(c, p + 17, 8);
	rc__ob_printf(c->ob, "\n\tCIST regional-root-id %s, ", bridge_id(id, p + 17));
	RC_NEED(c, p + 25, 2);
	rc__ob_printf(c->ob, "CIST port-id %04x,", rc__be16(p + 25));
	RC_TRY(times(c, p));
	RC_NEED(c, p + MST_V3LEN, 2);
	rc__ob_printf(c->ob, "\n\tv3len %u, MCID Name ", rc__be16(p + MST_V3LEN));
	RC_TRY(rc__printjnp(c, p + MST_NAME, 32));
	RC_NEED(c, p + MST_NAME + 32, MST_INT_COST - MST_NAME - 32);
	rc__ob_printf(c->ob, ", rev %u,\n\t\tdigest ", rc__be16(p + MST_NAME + 32));
	digest(c, p + MST_DIGEST, 4);
	rc__ob_puts(c->ob, ", ");
	RC_NEED(c, p + MST_INT_COST, 4);
	rc__ob_printf(c->ob, "CIST int-root-pathcost %u,", rc__be32(p + MST_INT_COST));
	RC_NEED(c, p + MST_BRIDGE, 8);
	rc__ob_printf(c->ob, "\n\tCIST bridge-id %s, ", bridge_id(id, p + MST_BRIDGE));
	RC_NEED(c, p + MST_HOPS, 1);
	rc__ob_printf(c->ob, "CIST remaining-hops %u", p[MST_HOPS]);
	unsigned v3len = rc__be16(p + MST_V3LEN);
	if (v3len <= MST_CONFIG_LEN)
		return 0;
	/* tcpdump walks the records the v3 length counts, whatever the
	 * BPDU's length says (the snapend stops it) */
	for (unsigned left = v3len - MST_CONFIG_LEN, off = MST_MSTI; left >= MST_MSTI_LEN;
	     left -= MST_MSTI_LEN, off += MST_MSTI_LEN)
		RC_TRY(msti(c, p + off));
	return 0;
}

static int spb_block(rc__pctx *c, const uint8_t *b)
{
	if (!c->o->vflag)
		return 0;
	RC_NEED(c, b, 2);
	rc__ob_printf(c->ob, "\n\tv4len %u, AUXMCID Name ", rc__be16(b));
	RC_TRY(rc__printjnp(c, b + SPB_NAME, 32));
	RC_NEED(c, b + SPB_REV, SPB_AGREE - SPB_REV);
	rc__ob_printf(c->ob, ", Rev %u,\n\t\tdigest ", rc__be16(b + SPB_REV));
	digest(c, b + SPB_DIGEST, 4);
	RC_NEED(c, b + SPB_AGREE, SPB_AGREE_DIGEST + 20 - SPB_AGREE);
	uint8_t a = b[SPB_AGREE], f = b[SPB_FORMAT], cv = b[SPB_CONV];
	/* the "cap" fields are tcpdump's byte & 0xff: the whole byte */
	rc__ob_printf(c->ob,
		      "\n\tAgreement num %u, Discarded Agreement num %u, Agreement valid-flag %u,"
		      "\n\tRestricted role-flag: %u, Format id %u cap %u, Convention id %u cap %u,"
		      "\n\tEdge count %u, Agreement digest ",
		      a >> 6, (a >> 4) & 3, (a >> 3) & 1, (a >> 2) & 1, f >> 4, f, cv >> 4, cv,
		      rc__be16(b + SPB_EDGE));
	digest(c, b + SPB_AGREE_DIGEST, 5);
	return 0;
}

static int invalid(rc__pctx *c)
{
	rc__ob_puts(c->ob, " (invalid)");
	return 0;
}

/* MSTP and SPB BPDUs (type 2 with version 3 or 4). */
static int mst_bpdu(rc__pctx *c, const uint8_t *p, uint32_t length, unsigned version)
{
	if (length < MSTP_MIN_LEN)
		return invalid(c);
	RC_NEED(c, p + 35, 1);
	if (p[35] != 0)
		return invalid(c); /* the v1 length is 0 in an MST BPDU */
	RC_NEED(c, p + MST_V3LEN, 2);
	uint32_t mstp_len = rc__be16(p + MST_V3LEN) + 2u;
	if (length < BPDU_LEN + mstp_len)
		return invalid(c);
	RC_TRY(mstp_bpdu(c, p, length));
	if (version != PROTO_SPB)
		return 0;
	/* the v4 block follows the v3 one (which starts with its length at 36) */
	const uint8_t *v4 = p + MST_V3LEN + mstp_len;
	RC_NEED(c, v4, 2);
	uint32_t spb_len = rc__be16(v4) + 2u;
	if (length < BPDU_LEN + mstp_len + spb_len || spb_len < SPB_MIN_LEN)
		return invalid(c);
	return spb_block(c, v4);
}

int rc__print_stp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "stp";
	if (length < 4)
		return invalid(c);
	RC_NEED(c, p, 2);
	if (rc__be16(p) != 0) {
		rc__ob_printf(c->ob, "unknown STP version, length %u", length);
		return 0;
	}
	RC_NEED(c, p + 2, 1);
	unsigned version = p[2];
	static const char *const versions[] = {"802.1d", NULL, "802.1w", "802.1s", "802.1aq"};
	if (version > PROTO_SPB || !versions[version]) {
		rc__ob_printf(c->ob, "STP Unknown STP protocol (0x%02x)", version);
		return 0;
	}
	rc__ob_printf(c->ob, "STP %s", versions[version]);
	RC_NEED(c, p + 3, 1);
	unsigned type = p[3];
	switch (type) {
	case TYPE_CONFIG:
		rc__ob_puts(c->ob, ", Config");
		if (length < BPDU_LEN - 1)
			return invalid(c);
		return config_bpdu(c, p, length);
	case TYPE_RSTP:
		rc__ob_puts(c->ob, ", Rapid STP");
		if (version == PROTO_RSTP) {
			if (length < BPDU_LEN)
				return invalid(c);
			return config_bpdu(c, p, length);
		}
		if (version == PROTO_MSTP || version == PROTO_SPB)
			return mst_bpdu(c, p, length, version);
		return 0;
	case TYPE_TCN:
		rc__ob_puts(c->ob, ", Topology Change");
		return 0;
	default:
		rc__ob_printf(c->ob, ", Unknown BPDU Type (0x%02x)", type);
		return 0;
	}
}

/*
 * print_llc.c - IEEE 802.2 LLC headers of 802.3 frames, as tcpdump 4.99
 * print-llc.c llc_print.
 *
 *   0      1      2
 *   | DSAP | SSAP | control (1 byte: U frames, low bits 11;
 *                 |          2 bytes little-endian: I and S frames)
 *
 * DSAP bit 0 is the individual/group bit, SSAP bit 0 command/response.
 * Control, I frame: N(S) << 1 | P/F << 8 | N(R) << 9; S frame: 01 in the
 * low bits and the function in bits 2-3; U frame: 11 in the low bits, P/F
 * in bit 4, the command in the rest.
 *
 * The payloads tcpdump decodes further (IPX, OSI, the SNAP ones
 * print_snap.c leaves) are not decoded here: the caller prints its generic
 * 802.3 form for them (docs/cli.md).  RFC 948 IP over LLC, spanning tree
 * BPDUs (print_stp.c) and SNAP (print_snap.c) are.
 */
#include "print.h"

#define LLC_U_FMT 0x03
#define LLC_S_FMT 0x01
#define LLC_U_POLL 0x10
#define LLC_IS_POLL 0x0100
#define LLC_UI 0x03
#define LLC_XID 0xaf
#define LLC_XID_FI 0x81 /* XID format identifier of IEEE 802.2 */

static const char *sap_name(uint8_t sap)
{
	switch (sap) {
	case 0x00: return "Null";
	case 0xff: return "Global";
	case 0x02: return "802.1B I";
	case 0x03: return "802.1B G";
	case 0x06: return "IP";
	case 0x04: return "SNA";
	case 0x0e: return "ProWay NM";
	case 0x42: return "STP";
	case 0x4e: return "RS511";
	case 0x7e: return "ISO8208";
	case 0x8e: return "ProWay";
	case 0xaa: return "SNAP";
	case 0xe0: return "IPX";
	case 0xf0: return "NetBeui";
	case 0xfe: return "OSI";
	default: return NULL;
	}
}

static const char *u_cmd_name(uint8_t cmd)
{
	switch (cmd) {
	case 0x03: return "ui";
	case 0xe3: return "test";
	case 0xaf: return "xid";
	case 0x63: return "ua";
	case 0x43: return "disc";
	case 0x0f: return "dm";
	case 0x6f: return "sabme";
	case 0x87: return "frmr";
	default: return NULL;
	}
}

/* tcpdump's llc_flag_values: the SSAP response bit with the P/F bit. */
static const char *pf_name(unsigned v)
{
	switch (v) {
	case 0: return "Command";
	case 1: return "Response";
	case LLC_U_POLL:
	case LLC_IS_POLL: return "Poll";
	case 1 | LLC_U_POLL:
	case 1 | LLC_IS_POLL: return "Final";
	default: return "?";
	}
}

static void put_sap(rc__pctx *c, const char *unknown, uint8_t sap)
{
	const char *n = sap_name(sap);
	if (n)
		rc__ob_puts(c->ob, n);
	else
		rc__ob_printf(c->ob, unknown, sap);
}

/* "src SSAP > dst DSAP " (one SAP name, after both addresses, when the
 * SAPs are the same), printed by the LLC layer itself when the link header
 * was not (no -e).  Without a frame (Linux cooked) the SAPs only. */
static void llc_addresses(rc__pctx *c, const uint8_t *frame, uint8_t dsap, uint8_t ssap)
{
	if (dsap == ssap) {
		if (frame) {
			rc__put_mac(c->ob, frame + 6);
			rc__ob_puts(c->ob, " > ");
			rc__put_mac(c->ob, frame);
			rc__ob_putc(c->ob, ' ');
		}
		put_sap(c, "Unknown DSAP 0x%02x", dsap);
	} else {
		if (frame) {
			rc__put_mac(c->ob, frame + 6);
			rc__ob_putc(c->ob, ' ');
		}
		put_sap(c, "Unknown SSAP 0x%02x", ssap);
		rc__ob_puts(c->ob, " > ");
		if (frame) {
			rc__put_mac(c->ob, frame);
			rc__ob_putc(c->ob, ' ');
		}
		put_sap(c, "Unknown DSAP 0x%02x", dsap);
	}
	rc__ob_putc(c->ob, ' ');
}

/* With -e: the header fields, after the link header's "802.3, length N: ". */
static void llc_fields(rc__pctx *c, const uint8_t *p, unsigned control, int is_u)
{
	uint8_t dsap = p[0] & 0xfe, ssap = p[1] & 0xfe;
	const char *dn = sap_name(dsap), *sn = sap_name(ssap);
	rc__ob_printf(c->ob, "LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s", dn ? dn : "Unknown",
		      dsap, (p[0] & 1) ? "Group" : "Individual", sn ? sn : "Unknown", ssap,
		      (p[1] & 1) ? "Response" : "Command");
	rc__ob_printf(c->ob, is_u ? ", ctrl 0x%02x: " : ", ctrl 0x%04x: ", control);
}

/* tcpdump's ND_DEFAULTPRINT called from llc_print itself: hex and ASCII
 * of the captured bytes, with -x, -X and -q too. */
static void llc_dump(rc__pctx *c, const uint8_t *p, uint32_t caplen)
{
	size_t avail = rc__avail(c, p);
	rc__hex_ascii_dump(c->ob, "\n\t", p, caplen < avail ? caplen : avail, 0);
}

/* A header cut by the capture or by the 802.3 length: the marker and the
 * bytes there are; tcpdump counts len bytes as the LLC header (so -x
 * dumps nothing more). */
static int llc_short(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len, int *hdrlen)
{
	rc__ob_puts(c->ob, " [|llc]");
	llc_dump(c, p, caplen);
	*hdrlen = (int)len;
	return RC_LLC_DONE;
}

/* The XID information field of IEEE 802.2 (format identifier 0x81, then
 * the types and window size): returns 1 when printed. */
static int llc_xid(rc__pctx *c, const uint8_t *p, uint32_t length, uint32_t caplen)
{
	if (length == 0)
		return 1;
	if (caplen < 1) {
		rc__ob_puts(c->ob, " [|llc]");
		return 1;
	}
	if (p[0] != LLC_XID_FI)
		return 0;
	if (caplen < 3 || length < 3) {
		rc__ob_puts(c->ob, " [|llc]");
		llc_dump(c, p, caplen);
	} else {
		rc__ob_printf(c->ob, ": %02x %02x", p[1], p[2]);
	}
	return 1;
}

int rc__print_llc(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *frame,
		  int *hdrlen)
{
	c->proto = "llc";
	uint32_t caplen = (uint32_t)rc__avail(c, p);
	if (caplen > length)
		caplen = length;
	if (caplen < 3)
		return llc_short(c, p, caplen, caplen, hdrlen);
	if (length < 3)
		return llc_short(c, p, caplen, length, hdrlen);
	unsigned control = p[2];
	int is_u = (control & LLC_U_FMT) == LLC_U_FMT;
	unsigned hl = is_u ? 3 : 4;
	if (!is_u) {
		if (caplen < 4)
			return llc_short(c, p, caplen, caplen, hdrlen);
		if (length < 4)
			return llc_short(c, p, caplen, length, hdrlen);
		control = p[2] | (unsigned)p[3] << 8;
	}
	uint8_t dsap = p[0] & 0xfe, ssap = p[1] & 0xfe;
	/* Raw 802.3 IPX (both SAP bytes 0xff) and the UI payloads tcpdump
	 * hands to decoders ringcap does not have.  (NetBEUI goes to the SMB
	 * printer only in a tcpdump built with it; 4.99.3 as packaged prints
	 * it as any other SAP.) */
	int snap = dsap == 0xaa && ssap == 0xaa && control == LLC_UI;
	if ((p[0] == 0xff && p[1] == 0xff) || (snap && !rc__snap_decoded(c, p + hl, length - hl)) ||
	    (dsap == ssap && control == LLC_UI && (dsap == 0xe0 || dsap == 0xfe)))
		return RC_LLC_NOT_DECODED;
	if (c->o->eflag)
		llc_fields(c, p, control, is_u);
	*hdrlen = (int)hl;
	if (snap) {
		/* tcpdump counts the SNAP header in, also when it is cut */
		*hdrlen = (int)(hl + RC_SNAP_HDRLEN);
		return rc__print_snap(c, p + hl, length - hl, frame);
	}
	if (dsap == 0x42 && ssap == 0x42 && control == LLC_UI) {
		/* 802.1D BPDUs; tcpdump prints no addresses before them */
		RC_TRY(rc__print_stp(c, p + hl, length - hl));
		return RC_LLC_DONE;
	}
	if (dsap == 0x06 && ssap == 0x06 && control == LLC_UI) {
		/* RFC 948: IP datagrams in 802.3 frames */
		RC_TRY(rc__print_ip(c, p + hl, length - hl));
		return RC_LLC_DONE;
	}
	if (!c->o->eflag)
		llc_addresses(c, frame, dsap, ssap);
	unsigned resp = p[1] & 1;
	if (is_u) {
		const char *cn = u_cmd_name((uint8_t)(control & 0xef));
		if (cn)
			rc__ob_printf(c->ob, "Unnumbered, %s", cn);
		else
			rc__ob_printf(c->ob, "Unnumbered, %02x", control & 0xef);
		rc__ob_printf(c->ob, ", Flags [%s], length %u", pf_name(resp | (control & LLC_U_POLL)),
			      length);
		if ((control & ~LLC_U_POLL) == LLC_XID &&
		    llc_xid(c, p + hl, length - hl, caplen - hl))
			return RC_LLC_DONE;
		return RC_LLC_DUMP;
	}
	unsigned nr = (control >> 9) & 0x7f;
	const char *pf = pf_name(resp | (control & LLC_IS_POLL));
	if (control & LLC_S_FMT) {
		static const char *const sfun[4] = { "Receiver Ready", "Receiver not Ready", "Reject",
						     "?" };
		rc__ob_printf(c->ob, "Supervisory, %s, rcv seq %u, Flags [%s], length %u",
			      sfun[(control >> 2) & 3], nr, pf, length);
		return RC_LLC_DONE;
	}
	rc__ob_printf(c->ob, "Information, send seq %u, rcv seq %u, Flags [%s], length %u",
		      (control >> 1) & 0x7f, nr, pf, length);
	return RC_LLC_DUMP;
}

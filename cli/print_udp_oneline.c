/*
 * print_udp_oneline.c - the UDP applications ringcap decodes only in
 * tcpdump 4.99.3's form without -v, where each prints one line from its
 * fixed header: LMP (RFC 4204, port 701, print-lmp.c), Cisco VQP (1589,
 * print-vqp.c), sFlow v5 (6343, print-sflow.c) and LWAPP (RFC 5412,
 * 12222 data and 12223 control, print-lwapp.c).  Their -v forms, which
 * walk the objects, samples and messages, are not decoded (docs/cli.md):
 * print_udp.c sends those packets to the generic UDP line.
 *
 * Each printer reads its fixed header before printing anything (a cut
 * header prints only " [|proto]"), then refuses a version other than the
 * one it knows with "... version N packet not supported".  Which cuts
 * unwind (RC_NEED: -x then dumps from the link header) and which return
 * (RC_NEED_SOFT) is tcpdump 4.99.3's, as cut_udp_oneline.pcap shows it.
 */
#include "print.h"

/* tcpdump's tok2str(table, "unknown (%u)", v) for a table indexed by value. */
static void put_tok(rc__pctx *c, const char *const *names, size_t n, unsigned v)
{
	if (v < n && names[v])
		rc__ob_puts(c->ob, names[v]);
	else
		rc__ob_printf(c->ob, "unknown (%u)", v);
}

/*
 * LMP common header (RFC 4204 12.1):
 *   version(4 bits) reserved(12 bits) flags(1) msg type(1) length(2) reserved(2)
 */
#define LMP_HDRLEN 8

int rc__print_lmp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const types[] = {
		NULL,
		"Config",
		"Config ACK",
		"Config NACK",
		"Hello",
		"Begin Verify",
		"Begin Verify ACK",
		"Begin Verify NACK",
		"End Verify",
		"End Verify ACK",
		"Test",
		"Test Status Success",
		"Test Status Failure",
		"Test Status ACK",
		"Link Summary",
		"Link Summary ACK",
		"Link Summary NACK",
		"Channel Status",
		"Channel Status ACK",
		"Channel Status Request",
		"Channel Status Response",
	};
	c->proto = "lmp";
	RC_NEED(c, p, LMP_HDRLEN);
	unsigned version = p[0] >> 4;
	if (version != 1) {
		rc__ob_printf(c->ob, "LMP version %u packet not supported", version);
		return 0;
	}
	/* the OIF UNI 1.0 service discovery messages, numbered after a gap */
	static const char *const service[] = {
		"Service Config", "Service Config ACK", "Service Config NACK",
	};
	rc__ob_printf(c->ob, "LMPv%u ", version);
	if (p[3] >= 50 && p[3] < 50 + sizeof(service) / sizeof(service[0]))
		rc__ob_puts(c->ob, service[p[3] - 50]);
	else
		put_tok(c, types, sizeof(types) / sizeof(types[0]), p[3]);
	rc__ob_printf(c->ob, " Message, length: %u", length);
	return 0;
}

/*
 * VQP header (Cisco VLAN Query Protocol, no RFC):
 *   version(1) msg type(1) error code(1) item count(1) sequence(4)
 */
#define VQP_HDRLEN 8

int rc__print_vqp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const types[] = {
		NULL, "Request, Join Port", "Response, VLAN", "Request, Reconfirm",
		"Response, Reconfirm",
	};
	static const char *const errors[] = {
		"No error", "unknown", "unknown", "Access denied", "Shutdown port", "Wrong VTP domain",
	};
	c->proto = "vqp";
	RC_NEED(c, p, VQP_HDRLEN);
	/* a UDP payload shorter than the captured header */
	if (length < VQP_HDRLEN) {
		rc__ob_puts(c->ob, " (invalid)");
		return 0;
	}
	if (p[0] != 1) {
		rc__ob_printf(c->ob, "VQP version %u packet not supported", p[0]);
		return 0;
	}
	rc__ob_printf(c->ob, "VQPv%u ", p[0]);
	put_tok(c, types, sizeof(types) / sizeof(types[0]), p[1]);
	rc__ob_puts(c->ob, " Message, error-code ");
	/* tcpdump names an unknown code "unknown" here: the number follows */
	size_t nerr = sizeof(errors) / sizeof(errors[0]);
	rc__ob_printf(c->ob, "%s (%u), length %u", p[2] < nerr ? errors[p[2]] : "unknown", p[2],
		      length);
	return 0;
}

/*
 * sFlow v5 datagram header (sflow_version_5.txt):
 *   version(4) agent address type(4: 1 IPv4, 2 IPv6) agent address(4 or 16)
 *   sub-agent id(4) sequence(4) uptime(4) sample count(4)
 * tcpdump reads the address type first and refuses a datagram shorter than
 * the header of that type, quoting the IPv4 header's size in both cases;
 * any type but 1 is read as IPv6.
 */
#define SFLOW_HDRLEN4 28
#define SFLOW_HDRLEN6 40

int rc__print_sflow(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "sflow";
	RC_NEED(c, p + 4, 4);
	uint32_t iptype = rc__be32(p + 4), version = rc__be32(p);
	if ((iptype == 1 && length < SFLOW_HDRLEN4) || (iptype == 2 && length < SFLOW_HDRLEN6)) {
		rc__ob_printf(c->ob, "sFlowv%u [length %u < %u] (invalid)", version, length,
			      SFLOW_HDRLEN4);
		return 0;
	}
	/* ND_TCHECK_SIZE of the IPv4 form under ND_LONGJMP_FROM_TCHECK: a
	 * cut header unwinds whatever the address type */
	RC_NEED(c, p, SFLOW_HDRLEN4);
	if (version != 5) {
		rc__ob_printf(c->ob, "sFlow version %u packet not supported", version);
		return 0;
	}
	if (iptype == 1) {
		rc__ob_printf(c->ob, "sFlowv%u, IPv4 agent ", version);
		rc__put_ip4(c->ob, p + 8);
		rc__ob_printf(c->ob, ", agent-id %u, length %u", rc__be32(p + 12), length);
		return 0;
	}
	/* any type but 1 is read as IPv6: address and id end at byte 28 */
	rc__ob_printf(c->ob, "sFlowv%u, IPv6 agent ", version);
	rc__put_ip6(c->ob, p + 8);
	rc__ob_printf(c->ob, ", agent-id %u, length %u", rc__be32(p + 24), length);
	return 0;
}

/*
 * LWAPP transport header (RFC 5412 3.1), after a 6-byte AP identity (a
 * MAC address) on control frames sent to port 12223:
 *   version(2 bits) radio id(3) C F L(1 each) frag id(1) length(2) status(2)
 */
#define LWAPP_HDRLEN 6
#define LWAPP_AP_IDENT 6

static int lwapp_line(rc__pctx *c, const uint8_t *th, uint32_t length)
{
	/* tcpdump 4.99.3's names for the L, F and C bits */
	static const rc__bitname bits[] = {
		{0x01, "Last Fragment Bit"},
		{0x02, "Fragment Bit"},
		{0x04, "Control Bit"},
	};
	RC_NEED_SOFT(c, th, LWAPP_HDRLEN);
	unsigned version = th[0] >> 6;
	if (version != 0) {
		rc__ob_printf(c->ob, "LWAPP version %u packet not supported", version);
		return 0;
	}
	char names[64];
	rc__ob_printf(c->ob, "LWAPPv%u, %s frame, Flags [%s], length %u", version,
		      (th[0] & 0x04) ? "Control" : "Data",
		      rc__bit_names(names, sizeof(names), th[0] & 0x07, bits, 3), length);
	return 0;
}

int rc__print_lwapp_control(rc__pctx *c, const uint8_t *p, uint32_t length, int has_ap_ident)
{
	c->proto = "lwapp_control";
	if (has_ap_ident) {
		RC_NEED_SOFT(c, p, LWAPP_AP_IDENT);
		p += LWAPP_AP_IDENT;
	}
	return lwapp_line(c, p, length);
}

int rc__print_lwapp_data(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "lwapp_data";
	return lwapp_line(c, p, length);
}

/*
 * print_bgp_comm.c - the BGP community attributes as tcpdump 4.99
 * print-bgp.c prints them: RFC 1997 communities, RFC 4360 extended
 * communities (route targets and origins, link bandwidth, OSPF domain, route
 * type and router id, layer 2 info, source AS, encapsulation) and RFC 8092
 * large communities.  Returns as rc__bgp_attr().
 */
#include "print_bgp.h"

static const struct rc__bgp_tok extd_names[] = {
	{0x0002, "target"}, {0x0102, "target"}, {0x0202, "target"},
	{0x0003, "origin"}, {0x0103, "origin"}, {0x0203, "origin"},
	{0x4004, "link-BW"}, {0x0005, "ospf-domain"}, {0x0105, "ospf-domain"},
	{0x0205, "ospf-domain"}, {0x8005, "ospf-domain"}, {0x0306, "ospf-route-type"},
	{0x8000, "ospf-route-type"}, {0x030c, "encapsulation"}, {0x0107, "ospf-router-id"},
	{0x8001, "ospf-router-id"}, {0x800a, "layer2-info"},
	{0x8800, "eigrp-general-route (flag, tag)"},
	{0x8801, "eigrp-route-metric (AS, delay)"},
	{0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)"},
	{0x8803, "eigrp-route-metric (load, MTU)"},
	{0x8804, "eigrp-external-route (remote-AS, remote-ID)"},
	{0x8805, "eigrp-external-route (remote-proto, remote-metric)"},
	{0x0009, "source-AS"}, {0x010b, "vrf-route-import"}, {0x000a, "l2vpn-id"},
	{0xf10a, "l2vpn-id"}, {0, NULL},
};

static const struct rc__bgp_tok ospf_rtypes[] = {
	{1, "Router"}, {2, "Network"}, {3, "Summary"}, {5, "External"},
	{7, "NSSA External"}, {129, "MPLS-VPN Sham"}, {0, NULL},
};

static const struct rc__bgp_tok encap_tunnels[] = {
	{1, "L2TPv3 over IP"}, {2, "GRE"}, {3, "Transmit Tunnel"}, {4, "IPsec"},
	{5, "IP in IP with IPsec"}, {6, "MPLS in IP with IPsec"}, {7, "IP in IP"},
	{8, "VXLAN"}, {9, "NVGRE"}, {10, "MPLS"}, {11, "MPLS in GRE"}, {12, "VXLAN GPE"},
	{13, "MPLS in UDP"}, {14, "IPv6"}, {15, "SR TE"}, {16, "Bare"}, {17, "SR"},
	{0, NULL},
};

/* tcpdump 4.99.3 l2vpn.c's layer 2 encapsulation names (RFC 6624), for
 * layer2-info, spelled as it spells them. */
static const struct rc__bgp_tok l2vpn_encaps[] = {
	{0, "Reserved"}, {1, "Frame Relay"}, {2, "ATM AAL5 SDU VCC transport"},
	{3, "ATM transparent cell transport"}, {4, "Ethernet (VLAN) Tagged Mode"},
	{5, "Ethernet Raw Mode"}, {6, "Cisco HDLC"}, {7, "PPP"},
	{8, "SONET/SDH Circuit Emulation Service over MPLS"},
	{9, "ATM n-to-one VCC cell transport"}, {10, "ATM n-to-one VPC cell transport"},
	{11, "IP layer 2 transport"}, {15, "Frame Relay Port mode"},
	{17, "Structure-agnostic E1 over packet"}, {18, "Structure-agnostic T1 (DS1) over packet"},
	{19, "VPLS"}, {20, "Structure-agnostic T3 (DS3) over packet"},
	{21, "Nx64kbit/s Basic Service using Structure-aware"}, {25, "Frame Relay DLCI"},
	{40, "Structure-agnostic E3 over packet"},
	{41, "Octet-aligned playload for Structure-agnostic DS1 circuits"},
	{42, "E1 Nx64kbit/s with CAS using Structure-aware"},
	{43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware"},
	{44, "DS1 (SF) Nx64kbit/s with CAS using Structure-aware"}, {0, NULL},
};

/* RFC 4360 extended community value, the 8 bytes at p (captured). */
static void extd_value(rc__pctx *c, const uint8_t *p)
{
	unsigned t = rc__be16(p);
	switch (t) {
	case 0x0002: case 0x0003: case 0x000a:
		rc__ob_printf(c->ob, "%u:%u (= ", rc__be16(p + 2), rc__be32(p + 4));
		rc__put_ip4(c->ob, p + 4);
		rc__ob_putc(c->ob, ')');
		break;
	case 0x0102: case 0x0103: case 0xf10a: case 0x010b:
		rc__put_ip4(c->ob, p + 2);
		rc__ob_printf(c->ob, ":%u", rc__be16(p + 6));
		break;
	case 0x0202: case 0x0203:
		rc__ob_printf(c->ob, "%u:%u", rc__be32(p + 2), rc__be16(p + 6));
		break;
	case 0x4004: { /* an IEEE float of bytes per second */
		union {
			float f;
			uint32_t i;
		} bw;
		bw.i = rc__be32(p + 4);
		rc__ob_printf(c->ob, "bandwidth: %.3f Mbps", bw.f * 8 / 1000000);
		break;
	}
	case 0x0005: case 0x0105: case 0x0205: case 0x8005: case 0x0107: case 0x8001:
		rc__put_ip4(c->ob, p + 2);
		break;
	case 0x0306: case 0x8000: {
		rc__ob_puts(c->ob, "area:");
		rc__put_ip4(c->ob, p + 2);
		const char *rt = rc__bgp_tok(ospf_rtypes, p[6], NULL);
		if (rt)
			rc__ob_printf(c->ob, ", router-type:%s", rt);
		else
			rc__ob_printf(c->ob, ", router-type:unknown (0x%02x)", p[6]);
		rc__ob_printf(c->ob, ", metric-type:%s%s", (p[7] & 1) ? "E2" : "",
			      (p[6] == 5 || p[6] == 7) ? "E1" : "");
		break;
	}
	case 0x800a:
		rc__ob_printf(c->ob, "%s Control Flags [0x%02x]:MTU %u",
			      rc__bgp_tok(l2vpn_encaps, p[2], "unknown encaps"), p[3],
			      rc__be16(p + 4));
		break;
	case 0x0009:
		rc__ob_printf(c->ob, "AS %u", rc__be16(p + 2));
		break;
	case 0x030c:
		rc__ob_printf(c->ob, "Tunnel type: %s",
			      rc__bgp_tok(encap_tunnels, rc__be16(p + 6), "unknown encaps"));
		break;
	default:
		rc__ob_printf(c->ob, "%02x%02x%02x%02x%02x%02x", p[2], p[3], p[4], p[5], p[6], p[7]);
		break;
	}
}

int rc__bgp_extd_communities(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (rc__bgp_invalid_len(c, len % 8))
		return 1;
	for (; len != 0; p += 8, len -= 8) {
		if (!rc__have(c, p, 2))
			return 0;
		unsigned t = rc__be16(p);
		char flags[40];
		static const rc__bitname fl[] = {{0x8000, "vendor-specific"},
						 {0x4000, "non-transitive"}};
		rc__ob_printf(c->ob, "\n\t    %s (0x%04x), Flags [%s]",
			      rc__bgp_tok(extd_names, t, "unknown extd community typecode"), t,
			      rc__bit_names(flags, sizeof(flags), t, fl, 2));
		if (!rc__have(c, p, 8))
			return 0;
		rc__ob_puts(c->ob, ": ");
		extd_value(c, p);
	}
	return 1;
}

/* RFC 1997 communities; the well-known ones by name. */
int rc__bgp_communities(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (rc__bgp_invalid_len(c, len % 4))
		return 1;
	for (; len != 0; p += 4, len -= 4) {
		if (!rc__have(c, p, 4))
			return 0;
		uint32_t v = rc__be32(p);
		if (v == 0xffffff01)
			rc__ob_puts(c->ob, " NO_EXPORT");
		else if (v == 0xffffff02)
			rc__ob_puts(c->ob, " NO_ADVERTISE");
		else if (v == 0xffffff03)
			rc__ob_puts(c->ob, " NO_EXPORT_SUBCONFED");
		else
			rc__ob_printf(c->ob, "%u:%u%s", v >> 16, v & 0xffff, len > 4 ? ", " : "");
	}
	return 1;
}

/* RFC 8092 large communities; *left counts down as tcpdump's len does. */
int rc__bgp_large_communities(rc__pctx *c, const uint8_t *p, unsigned len, unsigned *left)
{
	if (rc__bgp_invalid_len(c, len == 0 || len % 12))
		return 1;
	rc__ob_puts(c->ob, "\n\t    ");
	for (; len != 0; p += 12, len -= 12) {
		RC_NEED(c, p, 12);
		rc__ob_printf(c->ob, "%u:%u:%u%s", rc__be32(p), rc__be32(p + 4), rc__be32(p + 8),
			      len > 12 ? ", " : "");
		*left = len - 12;
	}
	return 1;
}

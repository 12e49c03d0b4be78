/*
 * print_udp.c - UDP (RFC 768) and the UDP applications decoded by port:
 * DNS/mDNS (print_dns.c), TFTP (print_tftp.c), BOOTP/DHCP (print_bootp.c),
 * RIP (print_rip.c), ISAKMP/IKE (print_isakmp.c), SNMP (print_snmp.c),
 * NTP (print_ntp.c), Kerberos (print_krb.c), RIPng (print_ripng.c), DHCPv6
 * (print_dhcp6.c), LDP (print_ldp.c), BFD (print_bfd.c), syslog
 * (print_syslog.c), VXLAN, OTV, Geneve (print_geneve.c), PTP (print_ptp.c),
 * RADIUS (print_radius.c), HSRP (print_hsrp.c), L2TP (print_l2tp.c), SIP
 * (print_tcp.c's text protocols), LMP, VQP, sFlow and LWAPP without -v
 * (print_udp_oneline.c), Babel without -v (print_babel.c), VXLAN-GPE
 * (print_vxlan_gpe.c), MPLS in UDP (print_link.c).  Output as tcpdump
 * 4.99 print-udp.c, print-vxlan.c and print-otv.c.
 *
 *   0      2      4        6        8
 *   | sport| dport| length | csum   | payload
 */
#include "print.h"

static void addr_print(rc__pctx *c, const uint8_t *iph, int sport, int dport)
{
	int v6 = (iph[0] >> 4) == 6;
	if ((v6 ? iph[6] : iph[9]) == 17) {
		if (v6)
			rc__put_ip6(c->ob, iph + 8);
		else
			rc__put_ip4(c->ob, iph + 12);
		if (sport >= 0)
			rc__ob_printf(c->ob, ".%d", sport);
		rc__ob_puts(c->ob, " > ");
		if (v6)
			rc__put_ip6(c->ob, iph + 24);
		else
			rc__put_ip4(c->ob, iph + 16);
		if (dport >= 0)
			rc__ob_printf(c->ob, ".%d", dport);
		rc__ob_puts(c->ob, ": ");
	} else if (sport >= 0) {
		rc__ob_printf(c->ob, "%d > %d: ", sport, dport);
	}
}

static int is_port(unsigned sport, unsigned dport, unsigned port)
{
	return sport == port || dport == port;
}

/* tcpdump 4.99's udp_print tries timed (525) before TFTP and BOOTP, AODV
 * before ISAKMP, VAT, Zephyr and RX between L2TP and RIPng, AHCP before
 * Babel, HNCP, whiteboard and Auto-RP before RADIUS, lwres between HSRP
 * and LDP, OLSR, LSP ping and BCM LI between LDP and BFD, LISP before
 * VXLAN-GPE and ZEP before MPLS in UDP; ringcap has none of those
 * decoders, so such a packet gets the generic form (docs/cli.md). */
static int claimed_before(unsigned sport, unsigned dport, const unsigned *ports, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_port(sport, dport, ports[i]))
			return 1;
	return 0;
}

/* The line for a payload not decoded (or -q): the UDP length, and the
 * IP payload length when the UDP length claims more. */
static int generic_udp(rc__pctx *c, unsigned ulen, uint32_t length, int fragmented)
{
	if (ulen > length && !fragmented)
		rc__ob_printf(c->ob, "UDP, bad length %u > %u", ulen, length);
	else
		rc__ob_printf(c->ob, "UDP, length %u", ulen);
	return 0;
}

/* tcpdump 4.99.3 tries PTP (319, 320) after AppleTalk DDP, whose "kip"
 * ports 200-327 hold 319 and 320: a payload with a third byte of 2 (LAP
 * type DDP) is taken for it. */
static int ddp_claimed(const rc__pctx *c, const uint8_t *cp)
{
	return rc__have(c, cp + 2, 1) && cp[2] == 2;
}

int rc__print_udp(rc__pctx *c, const uint8_t *up, uint32_t length, const uint8_t *iph,
		  int fragmented)
{
	int v6 = (iph[0] >> 4) == 6;
	c->proto = "udp";
	if (!rc__have(c, up, 4)) {
		addr_print(c, iph, -1, -1);
		return rc__trunc_soft(c);
	}
	unsigned sport = rc__be16(up), dport = rc__be16(up + 2);
	if (length < 8) {
		addr_print(c, iph, (int)sport, (int)dport);
		rc__ob_printf(c->ob, "truncated-udp %u", length);
		return 0;
	}
	if (!rc__have(c, up + 4, 2)) {
		addr_print(c, iph, (int)sport, (int)dport);
		return rc__trunc_soft(c);
	}
	unsigned ulen = rc__be16(up + 4);
	if (ulen == 0 && length > 65535)
		ulen = length;
	if (ulen < 8) {
		addr_print(c, iph, (int)sport, (int)dport);
		rc__ob_printf(c->ob, "truncated-udplength %u", ulen);
		return 0;
	}
	ulen -= 8;
	length -= 8;
	/* Payload printers see what both lengths cover; a UDP length past
	 * the IP payload is reported at the end unless fragmented. */
	if (ulen < length)
		length = ulen;
	const uint8_t *cp = up + 8;
	if (!rc__have(c, cp, 0)) {
		addr_print(c, iph, (int)sport, (int)dport);
		return rc__trunc_soft(c);
	}
	addr_print(c, iph, (int)sport, (int)dport);

	/* -K drops "[no cksum]" too, as tcpdump does. */
	if (c->o->vflag && !c->o->Kflag && !fragmented) {
		uint16_t udp_sum = rc__have(c, up + 6, 2) ? rc__be16(up + 6) : 0;
		int check = 0;
		if (!v6 && c->o->vflag > 1) {
			if (udp_sum == 0)
				rc__ob_puts(c->ob, "[no cksum] ");
			else
				check = 1;
		} else if (v6) {
			check = 1;
		}
		if (check && rc__have(c, cp, length)) {
			uint32_t sum = rc__pseudo_sum(c, iph, 17, length + 8);
			uint16_t res = rc__cksum_fold(rc__cksum_add(sum, up, length + 8));
			if (res != 0) {
				rc__ob_printf(c->ob, "[bad udp cksum 0x%04x -> 0x%04x!] ", udp_sum,
					      rc__cksum_shouldbe(udp_sum, res));
			} else {
				rc__ob_puts(c->ob, "[udp sum ok] ");
			}
		}
	}

	if (!c->o->qflag) {
		if (is_port(sport, dport, 53))
			return rc__print_dns(c, cp, length, 0);
		if (is_port(sport, dport, 5353))
			return rc__print_dns(c, cp, length, 1);
		static const unsigned before_tftp[] = { 525 };
		static const unsigned before_isakmp[] = { 654 };
		if (claimed_before(sport, dport, before_tftp, 1))
			goto generic;
		if (is_port(sport, dport, 69))
			return rc__print_tftp(c, cp, length);
		if (is_port(sport, dport, 67) || is_port(sport, dport, 68))
			return rc__print_bootp(c, cp, length);
		if (is_port(sport, dport, 520))
			return rc__print_rip(c, cp, length);
		if (claimed_before(sport, dport, before_isakmp, 1))
			goto generic;
		if (is_port(sport, dport, 500))
			return rc__print_isakmp(c, cp, length, iph);
		if (is_port(sport, dport, 4500))
			return rc__print_isakmp_natt(c, cp, length, iph);
		if (is_port(sport, dport, 7500) || is_port(sport, dport, 8500))
			return rc__print_isakmp(c, cp, length, iph);
		if (is_port(sport, dport, 161) || is_port(sport, dport, 162))
			return rc__print_snmp(c, cp, length);
		if (is_port(sport, dport, 123))
			return rc__print_ntp(c, cp, length);
		if (is_port(sport, dport, 88) || is_port(sport, dport, 750))
			return rc__print_krb(c, cp);
		if (is_port(sport, dport, 1701))
			return rc__print_l2tp(c, cp, length);
		static const unsigned before_ripng[] = { 2103, 2104, 7000, 7001, 7002, 7003,
							 7004, 7005, 7006, 7007, 7008, 7009 };
		/* VAT is tried on the destination port only. */
		if (claimed_before(sport, dport, before_ripng, 12) || dport == 3456)
			goto generic;
		if (is_port(sport, dport, 521))
			return rc__print_ripng(c, cp, length);
		if (is_port(sport, dport, 546) || is_port(sport, dport, 547))
			return rc__print_dhcp6(c, cp, length);
		/* AHCP, Babel (decoded without -v only), HNCP, whiteboard (by
		 * destination) and Auto-RP come before RADIUS */
		if (is_port(sport, dport, 5359))
			goto generic;
		if (is_port(sport, dport, 6696) || is_port(sport, dport, 6697)) {
			if (c->o->vflag)
				goto generic;
			return rc__print_babel(c, cp, length);
		}
		static const unsigned before_radius[] = { 8231, 496 };
		static const unsigned radius[] = { 1645, 1812, 1646, 1813, 1700, 3799 };
		if (claimed_before(sport, dport, radius, 6) &&
		    !claimed_before(sport, dport, before_radius, 2) && dport != 4567)
			return rc__print_radius(c, cp, length);
		static const unsigned before_hsrp[] = { 8231, 496, 1645, 1812, 1646, 1813, 1700, 3799 };
		/* whiteboard and HSRP go by the destination port */
		if (claimed_before(sport, dport, before_hsrp, 8) || dport == 4567)
			goto generic;
		if (dport == 1985)
			return rc__print_hsrp(c, cp, length);
		/* lwres, then LDP */
		if (is_port(sport, dport, 921))
			goto generic;
		if (is_port(sport, dport, 646))
			return rc__print_ldp(c, cp, length);
		static const unsigned before_bfd[] = { 698, 3503 };
		/* BCM LI goes by the source port */
		if (claimed_before(sport, dport, before_bfd, 2) || sport == 49152)
			goto generic;
		if (dport == 3784 || dport == 4784 || dport == 6784 || dport == 3785)
			return rc__print_bfd(c, cp, length, dport);
		/* From here tcpdump's order: LMP, VQP, sFlow, LWAPP control (by
		 * destination, then by source), LWAPP data, SIP, syslog, OTV,
		 * VXLAN, Geneve.  The first four are decoded without -v only. */
		static const unsigned oneline[] = { 701, 1589, 6343, 12222, 12223 };
		if (c->o->vflag && claimed_before(sport, dport, oneline, 5))
			goto generic;
		if (is_port(sport, dport, 701))
			return rc__print_lmp(c, cp, length);
		if (is_port(sport, dport, 1589))
			return rc__print_vqp(c, cp, length);
		if (is_port(sport, dport, 6343))
			return rc__print_sflow(c, cp, length);
		if (dport == 12223 || sport == 12223)
			return rc__print_lwapp_control(c, cp, length, dport == 12223);
		if (is_port(sport, dport, 12222))
			return rc__print_lwapp_data(c, cp, length);
		if (is_port(sport, dport, 5060))
			return rc__print_sip(c, cp, length);
		if (rc__syslog_port(sport, dport))
			return rc__print_syslog(c, cp, length);
		if (is_port(sport, dport, 8472))
			return rc__print_otv(c, cp, length);
		if (is_port(sport, dport, 4789))
			return rc__print_vxlan(c, cp, length);
		if (is_port(sport, dport, 6081))
			return rc__print_geneve(c, cp, length);
		/* LISP control, VXLAN-GPE, ZEP, MPLS in UDP (RFC 7510) */
		if (is_port(sport, dport, 4342))
			goto generic;
		if (is_port(sport, dport, 4790))
			return rc__print_vxlan_gpe(c, cp, length);
		if (is_port(sport, dport, 17754))
			goto generic;
		if (is_port(sport, dport, 6635))
			return rc__print_mpls(c, cp, length);
		if ((is_port(sport, dport, 319) || is_port(sport, dport, 320)) &&
		    !ddp_claimed(c, cp))
			return rc__print_ptp(c, cp, length);
	}
generic:
	return generic_udp(c, ulen, length, fragmented);
}

/* The flags byte of VXLAN and OTV, whose bit 3 is I (a valid VNI or
 * instance id), after lead; tcpdump names a clear I bit differently for
 * each. */
static int overlay_flags(rc__pctx *c, const uint8_t *bp, const char *lead, const char *no_i)
{
	RC_NEED(c, bp, 1);
	rc__ob_printf(c->ob, "%sflags [%s] (0x%02x), ", lead, (bp[0] & 0x08) ? "I" : no_i, bp[0]);
	return 0;
}

/* VXLAN (RFC 7348): flags(1) reserved(3) VNI(3) reserved(1), then Ethernet. */
int rc__print_vxlan(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "vxlan";
	rc__ob_puts(c->ob, "VXLAN");
	if (length < 8) {
		rc__ob_puts(c->ob, " (invalid)");
		return 0;
	}
	RC_TRY(overlay_flags(c, bp, ", ", "invalid"));
	RC_NEED(c, bp + 4, 3);
	rc__ob_printf(c->ob, "vni %u\n", rc__be24(bp + 4));
	return rc__print_ether(c, bp + 8, length - 8);
}

/* OTV (draft-hasmit-otv-04, UDP 8472): flags(1) overlay id(3) instance
 * id(3) reserved(1), then Ethernet.  tcpdump 4.99.3 prints each field as
 * it reads it, so a cut header shows the fields before the cut. */
int rc__print_otv(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "otv";
	rc__ob_puts(c->ob, "OTV, ");
	if (length < 8) {
		rc__ob_printf(c->ob, "[length %u < 8] (invalid)", length);
		RC_NEED(c, bp, length);
		return 0;
	}
	RC_TRY(overlay_flags(c, bp, "", "."));
	RC_NEED(c, bp + 1, 3);
	rc__ob_printf(c->ob, "overlay %u, ", rc__be24(bp + 1));
	RC_NEED(c, bp + 4, 3);
	rc__ob_printf(c->ob, "instance %u\n", rc__be24(bp + 4));
	RC_NEED(c, bp + 7, 1);
	return rc__print_ether(c, bp + 8, length - 8);
}

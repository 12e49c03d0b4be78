/*
 * print_snap.c - SNAP headers (IEEE 802 clause 10, RFC 1042) after an LLC
 * UI header with SAP 0xaa, as tcpdump 4.99.3 print-llc.c snap_print.
 *
 *   OUI(3) protocol ID(2)
 *
 * Under Cisco's OUI ringcap decodes CDP (print_cdp.c), VTP, DTP and UDLD
 * (print_vtp.c, print_dtp.c, print_udld.c) and the STP BPDUs of PVST+ and
 * "VLAN Bridge", and under RFC 2684's the bridged BPDU (print_stp.c); an
 * OUI or PID tcpdump has no decoder for prints its generic line and a
 * dump.  Encapsulated ethertypes (OUIs 00:00:00, 00:00:f8 and Apple's)
 * and the other RFC 2684 PIDs tcpdump decodes are not decoded here
 * (docs/cli.md): rc__snap_decoded() says so before anything is printed,
 * and the caller prints its generic 802.3 form.
 */
#include "print.h"

#define OUI_ENCAP_ETHER 0x000000
#define OUI_CISCO 0x00000c
#define OUI_CISCO_90 0x0000f8
#define OUI_RFC2684 0x0080c2
#define OUI_APPLETALK 0x080007

/* tcpdump llc.h */
#define PID_CISCO_CDP 0x2000
#define PID_CISCO_VTP 0x2003
#define PID_CISCO_DTP 0x2004
#define PID_CISCO_UDLD 0x0111
#define PID_CISCO_PVST 0x010b       /* PVST+ and Rapid PVST+ BPDUs */
#define PID_CISCO_VLANBRIDGE 0x010c /* STP BPDUs too */
#define PID_RFC2684_BPDU 0x000e

static const char *cisco_pid_name(unsigned pid)
{
	switch (pid) {
	case PID_CISCO_CDP: return "CDP";
	case PID_CISCO_VTP: return "VTP";
	case PID_CISCO_DTP: return "DTP";
	case PID_CISCO_UDLD: return "UDLD";
	case PID_CISCO_PVST: return "PVST";
	case PID_CISCO_VLANBRIDGE: return "VLAN Bridge";
	default: return "Unknown";
	}
}

int rc__snap_decoded(const rc__pctx *c, const uint8_t *s, uint32_t length)
{
	if (length < RC_SNAP_HDRLEN || !rc__have(c, s, RC_SNAP_HDRLEN))
		return 1; /* " [|snap]" */
	uint32_t oui = rc__be24(s);
	unsigned pid = rc__be16(s + 3);
	switch (oui) {
	case OUI_ENCAP_ETHER:
	case OUI_CISCO_90:
	case OUI_APPLETALK:
		return 0;
	case OUI_RFC2684:
		return pid == PID_RFC2684_BPDU;
	default:
		return 1;
	}
}

int rc__print_snap(rc__pctx *c, const uint8_t *s, uint32_t length, const uint8_t *frame)
{
	c->proto = "snap";
	if (length < RC_SNAP_HDRLEN || !rc__have(c, s, RC_SNAP_HDRLEN)) {
		/* tcpdump returns after the marker: -x still skips the header */
		rc__trunc_soft(c);
		return RC_LLC_DONE;
	}
	uint32_t oui = rc__be24(s);
	unsigned pid = rc__be16(s + 3);
	const char *oname = rc__oui_name(oui);
	/* only the Cisco PIDs have names among the OUIs printed here */
	const char *pname = oui == OUI_CISCO ? cisco_pid_name(pid)
					     : oui == OUI_RFC2684 ? "BPDU" : "Unknown";
	if (!oname)
		oname = "Unknown";
	if (c->o->eflag)
		rc__ob_printf(c->ob, "oui %s (0x%06x), pid %s (0x%04x), length %u: ", oname, oui,
			      pname, pid, length - RC_SNAP_HDRLEN);
	const uint8_t *body = s + RC_SNAP_HDRLEN;
	length -= RC_SNAP_HDRLEN;
	if (oui == OUI_CISCO) {
		int (*print)(rc__pctx *, const uint8_t *, uint32_t) = NULL;
		switch (pid) {
		case PID_CISCO_CDP: print = rc__print_cdp; break;
		case PID_CISCO_VTP: print = rc__print_vtp; break;
		case PID_CISCO_DTP: print = rc__print_dtp; break;
		case PID_CISCO_UDLD: print = rc__print_udld; break;
		default: break;
		}
		if (print) {
			RC_TRY(print(c, body, length));
			return RC_LLC_DONE;
		}
	}
	if ((oui == OUI_CISCO && (pid == PID_CISCO_PVST || pid == PID_CISCO_VLANBRIDGE)) ||
	    oui == OUI_RFC2684) {
		RC_TRY(rc__print_stp(c, body, length));
		return RC_LLC_DONE;
	}
	if (!c->o->eflag) {
		if (frame) {
			rc__put_mac(c->ob, frame + 6);
			rc__ob_puts(c->ob, " > ");
			rc__put_mac(c->ob, frame);
			rc__ob_putc(c->ob, ' ');
		}
		rc__ob_printf(c->ob, "SNAP, oui %s (0x%06x), pid %s (0x%04x), length %u: ", oname, oui,
			      pname, pid, length);
	}
	return RC_LLC_DUMP;
}

/*
 * print_arp.c - ARP and RARP (RFC 826, RFC 903), as tcpdump 4.99 print-arp.c.
 *
 *   0        2        4     5     6        8
 *   | hrd    | pro    | hln | pln | op     | sha[hln] spa[pln] tha[hln] tpa[pln]
 */
#include "print.h"

static const char *arp_op(uint16_t op)
{
	switch (op) {
	case 1: return "Request";
	case 2: return "Reply";
	case 3: return "Reverse Request";
	case 4: return "Reverse Reply";
	case 8: return "Inverse Request";
	case 9: return "Inverse Reply";
	case 10: return "NACK Reply";
	default: return NULL;
	}
}

static const char *arp_hrd(uint16_t hrd)
{
	switch (hrd) {
	case 1: return "Ethernet";
	case 6: return "TokenRing";
	case 7: return "ArcNet";
	case 15: return "FrameRelay";
	case 19: return "ATM (RFC 2225)";
	case 23: return "Strip";
	case 24: return "IEEE 1394";
	default: return NULL;
	}
}

/* Link-layer address as tcpdump's linkaddr_string: 6 bytes as a MAC, other
 * lengths as colon-separated hex bytes. */
static void put_linkaddr(rc__ob *ob, const uint8_t *a, unsigned len)
{
	if (len == 6) {
		rc__put_mac(ob, a);
		return;
	}
	if (len == 0) {
		rc__ob_puts(ob, "<empty>");
		return;
	}
	for (unsigned i = 0; i < len; i++) {
		if (i)
			rc__ob_putc(ob, ':');
		rc__ob_x(ob, a[i], 2);
	}
}

static void put_proto_addr(rc__pctx *c, const uint8_t *a, uint16_t pro, unsigned pln)
{
	if (pro != 0x0800 && pro != 0x1000)
		rc__ob_puts(c->ob, "<wrong proto type>");
	else if (pln != 4)
		rc__ob_puts(c->ob, "<wrong len>");
	else
		rc__put_ip4(c->ob, a);
}

static int is_nonzero(const uint8_t *a, unsigned len)
{
	for (unsigned i = 0; i < len; i++)
		if (a[i])
			return 1;
	return 0;
}

int rc__print_arp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "arp";
	RC_NEED(c, p, 8);
	uint16_t hrd = rc__be16(p), pro = rc__be16(p + 2), op = rc__be16(p + 6);
	unsigned hln = p[4], pln = p[5];
	const uint8_t *sha = p + 8, *spa = sha + hln, *tha = spa + pln, *tpa = tha + hln;
	RC_NEED(c, tpa, pln);

	if (!c->o->eflag)
		rc__ob_puts(c->ob, "ARP, ");
	int odd = (pro != 0x0800 && pro != 0x1000) || pln != 4 || hln == 0;
	if (odd || c->o->vflag) {
		const char *h = arp_hrd(hrd);
		if (h)
			rc__ob_printf(c->ob, "%s (len %u), ", h, hln);
		else
			rc__ob_printf(c->ob, "Unknown Hardware (%u) (len %u), ", hrd, hln);
	}
	if (odd || c->o->vflag) {
		const char *pn = rc__ethertype_name(pro);
		if (pn)
			rc__ob_printf(c->ob, "%s (len %u)", pn, pln);
		else
			rc__ob_printf(c->ob, "Unknown Protocol (0x%04x) (len %u)", pro, pln);
		if (!c->o->vflag)
			goto out;
		rc__ob_puts(c->ob, ", ");
	}
	const char *opname = arp_op(op);
	if (opname)
		rc__ob_printf(c->ob, "%s ", opname);
	else
		rc__ob_printf(c->ob, "Unknown (%u) ", op);

	switch (op) {
	case 1:
		rc__ob_puts(c->ob, "who-has ");
		put_proto_addr(c, tpa, pro, pln);
		if (is_nonzero(tha, hln)) {
			rc__ob_puts(c->ob, " (");
			put_linkaddr(c->ob, tha, hln);
			rc__ob_putc(c->ob, ')');
		}
		rc__ob_puts(c->ob, " tell ");
		put_proto_addr(c, spa, pro, pln);
		break;
	case 2:
		put_proto_addr(c, spa, pro, pln);
		rc__ob_puts(c->ob, " is-at ");
		put_linkaddr(c->ob, sha, hln);
		break;
	case 3:
	case 8:
		rc__ob_puts(c->ob, "who-is ");
		put_linkaddr(c->ob, tha, hln);
		rc__ob_puts(c->ob, " tell ");
		put_linkaddr(c->ob, sha, hln);
		break;
	case 4:
		put_linkaddr(c->ob, tha, hln);
		rc__ob_puts(c->ob, " at ");
		put_proto_addr(c, tpa, pro, pln);
		break;
	case 9:
		put_linkaddr(c->ob, sha, hln);
		rc__ob_puts(c->ob, " at ");
		put_proto_addr(c, spa, pro, pln);
		break;
	default:
		/* tcpdump's ND_DEFAULTPRINT: the captured bytes, even with -q/-x. */
		rc__hex_ascii_dump(c->ob, "\n\t", p, rc__avail(c, p), 0);
		return 0;
	}
out:
	rc__ob_printf(c->ob, ", length %u", length);
	return 0;
}

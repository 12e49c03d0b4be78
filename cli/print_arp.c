/*
 * print_arp.c - ARP, RARP and ATMARP (RFC 826, RFC 903, RFC 2225), as
 * tcpdump 4.99 print-arp.c.
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
	case 19: return "ATM";
	case 23: return "Strip";
	case 24: return "IEEE 1394";
	case 32: return "InfiniBand";
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

/*
 * A Frame Relay hardware address is a Q.922 address (ITU-T Q.922 section
 * 3.2): DLCI bits in the high 6 of the first byte and the high 4 of the
 * second, extended by a third and fourth byte while the EA bit (0x01) is
 * clear.  As tcpdump's q922_string: "DLCI N", "<Invalid DLCI>" when the
 * first byte ends the address or a fourth does not, "<Truncated>" when the
 * address length ends before a byte the EA bits call for.  The callers
 * checked that all len bytes are captured.
 */
static void put_q922(rc__pctx *c, const uint8_t *p, unsigned len)
{
	unsigned dlci, i = 2;
	if (p[0] & 1)
		goto invalid;
	if (len < 2)
		goto truncated;
	dlci = ((p[0] & 0xfcu) << 2) | (p[1] >> 4);
	if (!(p[1] & 1)) {
		if (len < 3)
			goto truncated;
		if (!(p[i] & 1)) {
			dlci = (dlci << 7) | (p[i++] >> 1);
			if (len < 4)
				goto truncated;
		}
		if (!(p[i] & 1))
			goto invalid;
		dlci = (dlci << 6) | (p[i] >> 2);
	}
	rc__ob_printf(c->ob, "DLCI %u", dlci);
	return;
invalid:
	rc__ob_puts(c->ob, "<Invalid DLCI>");
	return;
truncated:
	rc__ob_puts(c->ob, "<Truncated>");
}

/* A hardware address of the generic ARP layout: Q.922 for Frame Relay. */
static void put_hwaddr(rc__pctx *c, uint16_t hrd, const uint8_t *a, unsigned len)
{
	if (hrd == 15 && len != 0)
		put_q922(c, a, len);
	else
		put_linkaddr(c->ob, a, len);
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

/* A table's name for a value, or tcpdump's tok2str fallback text. */
static void put_name(rc__ob *ob, const char *name, const char *unknown_fmt, unsigned v)
{
	if (name)
		rc__ob_puts(ob, name);
	else
		rc__ob_printf(ob, unknown_fmt, v);
}

/* The operation (arpop_values), hardware (arphrd_values) and protocol
 * (ethertype_values) names tcpdump prints. */
static void put_op(rc__ob *ob, uint16_t op)
{
	put_name(ob, arp_op(op), "Unknown (%u)", op);
	rc__ob_putc(ob, ' ');
}

static void put_hrd(rc__ob *ob, uint16_t hrd)
{
	put_name(ob, arp_hrd(hrd), "Unknown Hardware (%u)", hrd);
}

static void put_pro(rc__ob *ob, uint16_t pro)
{
	put_name(ob, rc__ethertype_name(pro), "Unknown Protocol (0x%04x)", pro);
}

/*
 * ATMARP (RFC 2225 section 8.7): the hardware address lengths are
 * type/length bytes (low 6 bits), and each hardware address is an ATM
 * number plus an optional subaddress.
 *
 *   0 hrd  2 pro  4 shtl  5 sstl  6 op  8 spln  9 thtl  10 tstl  11 tpln
 *   12 sha[shtl] ssa[sstl] spa[spln] tha[thtl] tsa[tstl] tpa[tpln]
 */
struct atmarp {
	const uint8_t *sha, *ssa, *spa, *tha, *tsa, *tpa;
	unsigned shl, ssl, spl, thl, tsl, tpl;
};

static void atm_addr(rc__ob *ob, const uint8_t *ha, unsigned hl, const uint8_t *sa, unsigned sl)
{
	if (hl == 0) {
		rc__ob_puts(ob, "<No address>");
		return;
	}
	put_linkaddr(ob, ha, hl);
	if (sl != 0) {
		rc__ob_putc(ob, ',');
		put_linkaddr(ob, sa, sl);
	}
}

static void atm_proto_addr(rc__pctx *c, const uint8_t *a, uint16_t pro, unsigned len,
			   const char *wrong_len)
{
	if (pro != 0x0800 && pro != 0x1000)
		rc__ob_puts(c->ob, "<wrong proto type>");
	else if (len != 4)
		rc__ob_puts(c->ob, wrong_len);
	else
		rc__put_ip4(c->ob, a);
}

static int print_atmarp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	RC_NEED(c, p, 12);
	uint16_t hrd = rc__be16(p), pro = rc__be16(p + 2), op = rc__be16(p + 6);
	struct atmarp a = { .shl = p[4] & 0x3f, .ssl = p[5] & 0x3f, .spl = p[8],
			    .thl = p[9] & 0x3f, .tsl = p[10] & 0x3f, .tpl = p[11] };
	a.sha = p + 12;
	a.ssa = a.sha + a.shl;
	a.spa = a.ssa + a.ssl;
	a.tha = a.spa + a.spl;
	a.tsa = a.tha + a.thl;
	a.tpa = a.tsa + a.tsl;
	RC_NEED(c, a.tpa, a.tpl);

	if (!c->o->eflag)
		rc__ob_puts(c->ob, "ARP, ");
	if ((pro != 0x0800 && pro != 0x1000) || a.spl != 4 || a.tpl != 4 || c->o->vflag) {
		put_hrd(c->ob, hrd);
		rc__ob_puts(c->ob, ", ");
		put_pro(c->ob, pro);
		rc__ob_printf(c->ob, " (len %u/%u)", a.spl, a.tpl);
		if (!c->o->vflag)
			goto out;
		rc__ob_puts(c->ob, ", ");
	}
	put_op(c->ob, op);
	switch (op) {
	case 1:
		rc__ob_puts(c->ob, "who-has ");
		atm_proto_addr(c, a.tpa, pro, a.tpl, "<wrong tplen>");
		if (a.thl != 0) {
			rc__ob_puts(c->ob, " (");
			atm_addr(c->ob, a.tha, a.thl, a.tsa, a.tsl);
			rc__ob_putc(c->ob, ')');
		}
		rc__ob_puts(c->ob, " tell ");
		atm_proto_addr(c, a.spa, pro, a.spl, "<wrong splen>");
		break;
	case 2:
		atm_proto_addr(c, a.spa, pro, a.spl, "<wrong splen>");
		rc__ob_puts(c->ob, " is-at ");
		atm_addr(c->ob, a.sha, a.shl, a.ssa, a.ssl);
		break;
	case 8:
		rc__ob_puts(c->ob, "who-is ");
		atm_addr(c->ob, a.tha, a.thl, a.tsa, a.tsl);
		rc__ob_puts(c->ob, " tell ");
		atm_addr(c->ob, a.sha, a.shl, a.ssa, a.ssl);
		break;
	case 9:
		/* tcpdump prints no space before "at" here */
		atm_addr(c->ob, a.sha, a.shl, a.ssa, a.ssl);
		rc__ob_puts(c->ob, "at ");
		atm_proto_addr(c, a.spa, pro, a.spl, "<wrong splen>");
		break;
	case 10:
		rc__ob_puts(c->ob, "for ");
		atm_proto_addr(c, a.spa, pro, a.spl, "<wrong splen>");
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

int rc__print_arp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "arp";
	RC_NEED(c, p, 8);
	uint16_t hrd = rc__be16(p), pro = rc__be16(p + 2), op = rc__be16(p + 6);
	if (hrd == 19)
		return print_atmarp(c, p, length);
	unsigned hln = p[4], pln = p[5];
	const uint8_t *sha = p + 8, *spa = sha + hln, *tha = spa + pln, *tpa = tha + hln;
	RC_NEED(c, tpa, pln);

	if (!c->o->eflag)
		rc__ob_puts(c->ob, "ARP, ");
	int odd = (pro != 0x0800 && pro != 0x1000) || pln != 4 || hln == 0;
	if (odd || c->o->vflag) {
		put_hrd(c->ob, hrd);
		rc__ob_printf(c->ob, " (len %u), ", hln);
		put_pro(c->ob, pro);
		rc__ob_printf(c->ob, " (len %u)", pln);
		if (!c->o->vflag)
			goto out;
		rc__ob_puts(c->ob, ", ");
	}
	put_op(c->ob, op);

	switch (op) {
	case 1:
		rc__ob_puts(c->ob, "who-has ");
		put_proto_addr(c, tpa, pro, pln);
		if (is_nonzero(tha, hln)) {
			rc__ob_puts(c->ob, " (");
			put_hwaddr(c, hrd, tha, hln);
			rc__ob_putc(c->ob, ')');
		}
		rc__ob_puts(c->ob, " tell ");
		put_proto_addr(c, spa, pro, pln);
		break;
	case 2:
		put_proto_addr(c, spa, pro, pln);
		rc__ob_puts(c->ob, " is-at ");
		put_hwaddr(c, hrd, sha, hln);
		break;
	case 3:
	case 8:
		rc__ob_puts(c->ob, "who-is ");
		put_hwaddr(c, hrd, tha, hln);
		rc__ob_puts(c->ob, " tell ");
		put_hwaddr(c, hrd, sha, hln);
		break;
	case 4:
		put_hwaddr(c, hrd, tha, hln);
		rc__ob_puts(c->ob, " at ");
		put_proto_addr(c, tpa, pro, pln);
		break;
	case 9:
		put_hwaddr(c, hrd, sha, hln);
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

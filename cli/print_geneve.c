/*
 * print_geneve.c - Geneve (RFC 8926) on UDP port 6081, as tcpdump 4.99.3
 * print-geneve.c prints it.
 *
 *   0     1     2            4              7          8
 *   | ver(2) optlen(6) | O C rsvd(6) | protocol | VNI | reserved |
 *   then optlen * 4 bytes of options: class(2) type(1, bit 7 critical)
 *   rsvd(3 bits) length(5 bits, in 4-byte words) data
 *
 * The payload goes to the ethertype printers as in an Ethernet frame, or
 * to the Ethernet printer for 0x6558 (Transparent Ethernet Bridging).
 * tcpdump checks the fixed header and the options as a whole and returns
 * with " [|geneve]" when they are cut; inside the options (-v) its reads
 * unwind.
 */
#include "print.h"

#define GENEVE_HDRLEN 8
#define ETHERTYPE_TEB 0x6558
#define OPT_CRITICAL 0x80
#define OPT_LEN_MASK 0x1f

/* tcpdump's bittok2str_nosep over O, C, R1..R6: names run together. */
static void put_flags(rc__pctx *c, uint8_t flags)
{
	static const char *const names[8] = {"O", "C", "R1", "R2", "R3", "R4", "R5", "R6"};
	if (!flags) {
		rc__ob_puts(c->ob, "none");
		return;
	}
	for (unsigned i = 0; i < 8; i++)
		if (flags & (0x80 >> i))
			rc__ob_puts(c->ob, names[i]);
}

static const char *opt_class_name(unsigned cls)
{
	switch (cls) {
	case 0x0100: return "Linux";
	case 0x0101: return "Open vSwitch";
	case 0x0102: return "Open Virtual Networking (OVN)";
	case 0x0103: return "In-band Network Telemetry (INT)";
	case 0x0104: return "VMware";
	default: return cls <= 0x00ff ? "Standard" : cls >= 0xfff0 ? "Experimental" : "Unknown";
	}
}

static int options(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	const char *sep = "";
	while (len > 0) {
		rc__ob_puts(c->ob, sep);
		sep = ", ";
		RC_NEED(c, bp, 4);
		unsigned cls = rc__be16(bp), type = bp[2];
		unsigned olen = 4 + (bp[3] & OPT_LEN_MASK) * 4u;
		rc__ob_printf(c->ob, "class %s (0x%x) type 0x%x%s len %u", opt_class_name(cls), cls,
			      type, (type & OPT_CRITICAL) ? "(C)" : "", olen);
		if (olen > len) {
			rc__ob_puts(c->ob, " [bad length]");
			return 0;
		}
		if (c->o->vflag > 1 && olen > 4) {
			rc__ob_puts(c->ob, " data");
			for (unsigned i = 4; i < olen; i += 4) {
				RC_NEED(c, bp + i, 4);
				rc__ob_printf(c->ob, " %08x", rc__be32(bp + i));
			}
		}
		bp += olen;
		len -= olen;
	}
	return 0;
}

int rc__print_geneve(rc__pctx *c, const uint8_t *bp, uint32_t len)
{
	c->proto = "geneve";
	rc__ob_puts(c->ob, "Geneve");
	if (len < GENEVE_HDRLEN) {
		rc__ob_printf(c->ob, " [length %u < 8] (invalid)", len);
		return 0;
	}
	if (!rc__have(c, bp, GENEVE_HDRLEN))
		return rc__trunc_soft(c);
	unsigned version = bp[0] >> 6;
	if (version != 0) {
		rc__ob_printf(c->ob, " ERROR: unknown-version %u", version);
		return 0;
	}
	unsigned prot = rc__be16(bp + 2);
	rc__ob_puts(c->ob, ", Flags [");
	put_flags(c, bp[1]);
	rc__ob_printf(c->ob, "], vni 0x%x", rc__be24(bp + 4));
	if (bp[7])
		rc__ob_printf(c->ob, ", rsvd 0x%x", bp[7]);
	if (c->o->eflag) {
		const char *n = rc__ethertype_name((uint16_t)prot);
		rc__ob_printf(c->ob, ", proto %s (0x%04x)", n ? n : "unknown", prot);
	}
	unsigned opts_len = (bp[0] & 0x3f) * 4u;
	bp += GENEVE_HDRLEN;
	len -= GENEVE_HDRLEN;
	if (len < opts_len) {
		rc__ob_printf(c->ob, " truncated-geneve - %u bytes missing", opts_len - len);
		return 0;
	}
	if (!rc__have(c, bp, opts_len))
		return rc__trunc_soft(c);
	if (opts_len > 0) {
		rc__ob_puts(c->ob, ", options [");
		if (c->o->vflag)
			RC_TRY(options(c, bp, opts_len));
		else
			rc__ob_printf(c->ob, "%u bytes", opts_len);
		rc__ob_putc(c->ob, ']');
	}
	bp += opts_len;
	len -= opts_len;
	rc__ob_puts(c->ob, c->o->vflag < 1 ? ": " : "\n\t");
	int r = rc__print_ethertype(c, (uint16_t)prot, bp, len, NULL);
	RC_TRY(r);
	if (r)
		return 0;
	if (prot == ETHERTYPE_TEB)
		return rc__print_ether(c, bp, len);
	rc__ob_printf(c->ob, "geneve-proto-0x%x", prot);
	return 0;
}

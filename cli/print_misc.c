/*
 * print_misc.c - IGMP (RFC 2236, 3376) and GRE (RFC 2784/2890) summaries
 * as tcpdump 4.99 print-igmp.c and print-gre.c print them.
 *
 * GRE:  flags+version(2) protocol(2) [csum(2) offset(2)] [key(4)] [seq(4)]
 */
#include "print.h"

#include <stdio.h>

/* ---- IGMP ---- */

/* -vv: a query's source addresses (RFC 3376 4.1.8) as " { a b ... }". */
static int igmpv3_query_sources(rc__pctx *c, const uint8_t *src, unsigned nsrcs)
{
	rc__ob_puts(c->ob, " {");
	for (unsigned i = 0; i < nsrcs; i++) {
		RC_NEED(c, src + 4 * i, 4);
		rc__ob_putc(c->ob, ' ');
		rc__put_ip4(c->ob, src + 4 * i);
	}
	rc__ob_puts(c->ob, " }");
	return 0;
}

/* Fields are read as they are printed, so a cut query shows how far it got. */
static int igmpv3_query(rc__pctx *c, const uint8_t *bp, uint32_t len)
{
	rc__ob_puts(c->ob, " v3");
	if (len & 3) { /* 12 bytes and 4 per source (RFC 3376 4.1) */
		rc__ob_printf(c->ob, " [invalid len %u]", len);
		return 0;
	}
	RC_NEED(c, bp + 1, 1);
	unsigned mrc = bp[1], mrt;
	if (mrc < 128)
		mrt = mrc;
	else
		mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100) {
		rc__ob_puts(c->ob, " [max resp time ");
		if (mrt < 600)
			rc__ob_printf(c->ob, "%.1fs", mrt * 0.1);
		else
			rc__put_relts(c->ob, mrt / 10);
		rc__ob_putc(c->ob, ']');
	}
	RC_NEED(c, bp + 4, 4);
	if (rc__be32(bp + 4) == 0)
		return 0;
	rc__ob_puts(c->ob, " [gaddr ");
	rc__put_ip4(c->ob, bp + 4);
	RC_NEED(c, bp + 10, 2);
	unsigned nsrcs = rc__be16(bp + 10);
	if (nsrcs > 0) {
		if (len < 12 + (nsrcs << 2))
			rc__ob_puts(c->ob, " [invalid number of sources]");
		else if (c->o->vflag > 1)
			RC_TRY(igmpv3_query_sources(c, bp + 12, nsrcs));
		else
			rc__ob_printf(c->ob, ", %u source(s)", nsrcs);
	}
	rc__ob_putc(c->ob, ']');
	return 0;
}

/* mtrace (0x1f) and its response (0x1e), draft-ietf-idmr-traceroute-ipm:
 * after the IGMP header, source(4) destination(4) response address(4)
 * response TTL(1) query id(3).  tcpdump reads all of it before printing,
 * so a cut query prints only the marker. */
static int igmp_mtrace(rc__pctx *c, const char *name, const uint8_t *bp, uint32_t len)
{
	if (len < 24) {
		rc__ob_printf(c->ob, " [invalid len %u]", len);
		return 0;
	}
	RC_NEED(c, bp, 24);
	rc__ob_printf(c->ob, "%s %u: ", name, rc__be24(bp + 21));
	rc__put_ip4(c->ob, bp + 8);
	rc__ob_puts(c->ob, " to ");
	rc__put_ip4(c->ob, bp + 12);
	rc__ob_puts(c->ob, " reply-to ");
	rc__put_ip4(c->ob, bp + 16);
	if ((bp[16] & 0xf0) == 0xe0) /* a multicast reply address */
		rc__ob_printf(c->ob, " with-ttl %u", bp[20]);
	return 0;
}

int rc__print_igmp(rc__pctx *c, const uint8_t *bp, uint32_t len)
{
	c->proto = "igmp";
	if (c->o->qflag) {
		rc__ob_puts(c->ob, "igmp");
		return 0;
	}
	RC_NEED(c, bp, 1);
	uint8_t type = bp[0];
	switch (type) {
	case 0x11:
		rc__ob_puts(c->ob, "igmp query");
		if (len >= 12) {
			RC_TRY(igmpv3_query(c, bp, len));
		} else {
			RC_NEED(c, bp + 1, 1);
			if (bp[1]) {
				rc__ob_puts(c->ob, " v2");
				if (bp[1] != 100)
					rc__ob_printf(c->ob, " [max resp time %u]", bp[1]);
			} else {
				rc__ob_puts(c->ob, " v1");
			}
			RC_NEED(c, bp + 4, 4);
			if (rc__be32(bp + 4)) {
				rc__ob_puts(c->ob, " [gaddr ");
				rc__put_ip4(c->ob, bp + 4);
				rc__ob_putc(c->ob, ']');
			}
			if (len != 8)
				rc__ob_printf(c->ob, " [len %u]", len);
		}
		break;
	case 0x12:
	case 0x16:
	case 0x17:
		RC_NEED(c, bp, 8);
		rc__ob_puts(c->ob, type == 0x12 ? "igmp v1 report " : type == 0x16 ? "igmp v2 report "
										       : "igmp leave ");
		rc__put_ip4(c->ob, bp + 4);
		/* tcpdump checks the length of v1 reports only */
		if (type == 0x12 && len != 8)
			rc__ob_printf(c->ob, " [len %u]", len);
		break;
	case 0x22:
		rc__ob_puts(c->ob, "igmp v3 report");
		/* as tcpdump: at least the header and one group record's fixed
		 * part (16 bytes), in whole 32-bit words (RFC 3376 4.2) */
		if (len < 16 || (len & 3)) {
			rc__ob_printf(c->ob, " [invalid len %u]", len);
			break;
		}
		RC_NEED(c, bp, 8);
		RC_TRY(rc__group_records(c, bp, len, 4));
		break;
	case 0x1e:
	case 0x1f:
		RC_TRY(igmp_mtrace(c, type == 0x1e ? "mresp" : "mtrace", bp, len));
		break;
	default:
		/* DVMRP and PIMv1 bodies are not decoded. */
		rc__ob_printf(c->ob, "igmp-%d", type);
		break;
	}
	if (c->o->vflag && len >= 4 && rc__have(c, bp, len)) {
		if (rc__cksum_fold(rc__cksum_add(0, bp, len)) != 0)
			rc__ob_printf(c->ob, " bad igmp cksum %x!", rc__be16(bp + 2));
	}
	return 0;
}

/*
 * Group records of an IGMPv3 (RFC 3376 4.2) or MLDv2 (RFC 3810 5.2) report;
 * addr_len 4 or 16.  Record: type(1) auxlen(1) nsrcs(2) group sources[nsrcs].
 */
int rc__group_records(rc__pctx *c, const uint8_t *bp, uint32_t len, unsigned addr_len)
{
	static const char *const rtype[7] = { NULL, "is_in", "is_ex", "to_in", "to_ex", "allow", "block" };
	unsigned ngroups = rc__be16(bp + 6), group = 8;
	rc__ob_printf(c->ob, ", %u group record(s)", ngroups);
	if (!c->o->vflag)
		return 0;
	for (unsigned i = 0; i < ngroups; i++) {
		if (len < group + 4 + addr_len) {
			rc__ob_puts(c->ob, " [invalid number of groups]");
			return 0;
		}
		RC_NEED(c, bp + group, 4 + addr_len);
		rc__ob_puts(c->ob, " [gaddr ");
		if (addr_len == 4)
			rc__put_ip4(c->ob, bp + group + 4);
		else
			rc__put_ip6(c->ob, bp + group + 4);
		uint8_t t = bp[group];
		if (t >= 1 && t <= 6)
			rc__ob_printf(c->ob, " %s", rtype[t]);
		else
			rc__ob_printf(c->ob, "  [v%u-report-#%u]", addr_len == 16 ? 2 : 3, t);
		unsigned nsrcs = rc__be16(bp + group + 2);
		if (len < group + 4 + addr_len + nsrcs * addr_len) {
			rc__ob_printf(c->ob, " [invalid number of sources %u]", nsrcs);
			return 0;
		}
		if (c->o->vflag == 1) {
			rc__ob_printf(c->ob, ", %u source(s)", nsrcs);
		} else {
			rc__ob_puts(c->ob, " {");
			for (unsigned j = 0; j < nsrcs; j++) {
				const uint8_t *a = bp + group + 4 + addr_len + j * addr_len;
				RC_NEED(c, a, addr_len);
				rc__ob_putc(c->ob, ' ');
				if (addr_len == 4)
					rc__put_ip4(c->ob, a);
				else
					rc__put_ip6(c->ob, a);
			}
			rc__ob_puts(c->ob, " }");
		}
		group += 4 + addr_len + nsrcs * addr_len;
		rc__ob_putc(c->ob, ']');
	}
	return 0;
}

/* ---- GRE ---- */

#define GRE_CP 0x8000
#define GRE_RP 0x4000
#define GRE_KP 0x2000
#define GRE_SP 0x1000
#define GRE_AP 0x0080 /* acknowledgment number present (v1) */

/* Take the next n bytes of a GRE header: the field's start, or NULL after
 * the soft truncation marker when the GRE length or the capture ends first. */
static const uint8_t *gre_take(rc__pctx *c, const uint8_t **bp, uint32_t *len, unsigned n)
{
	if (*len < n || !rc__have(c, *bp, n)) {
		rc__trunc_soft(c);
		return NULL;
	}
	const uint8_t *f = *bp;
	*bp += n;
	*len -= n;
	return f;
}

/*
 * One source route entry's routing information (RFC 1701 2.2): IPv4
 * addresses (family 0x0800) or 2-byte AS numbers (0xfffe), the one at the
 * offset starred; other families are named only.  A bad offset or length
 * is noted and the walk goes on, as tcpdump's; -1 when the entry is not
 * captured (the caller prints the marker after the closing parenthesis).
 */
static int gre_sre_list(rc__pctx *c, unsigned unit, unsigned off, unsigned len,
			const uint8_t *bp)
{
	if (off % unit) {
		rc__ob_printf(c->ob, ", badoffset=%u", off);
		return 0;
	}
	if (len % unit) {
		rc__ob_printf(c->ob, ", badlength=%u", len);
		return 0;
	}
	if (off >= len) {
		rc__ob_printf(c->ob, ", badoff/len=%u/%u", off, len);
		return 0;
	}
	for (unsigned i = 0; i < len; i += unit) {
		if (!rc__have(c, bp + i, unit))
			return -1;
		rc__ob_printf(c->ob, " %s", i == off ? "*" : "");
		if (unit == 4)
			rc__put_ip4(c->ob, bp + i);
		else
			rc__ob_printf(c->ob, "%x", rc__be16(bp + i));
	}
	return 0;
}

static int gre_sre(rc__pctx *c, unsigned af, unsigned off, unsigned len, const uint8_t *bp)
{
	if (af != 0x0800 && af != 0xfffe) {
		rc__ob_printf(c->ob, ", (rtaf=0x%x)", af);
		return 0;
	}
	rc__ob_puts(c->ob, af == 0x0800 ? ", (rtaf=ip" : ", (rtaf=asn");
	int r = gre_sre_list(c, af == 0x0800 ? 4 : 2, off, len, bp);
	rc__ob_putc(c->ob, ')');
	return r;
}

static void gre_flags(rc__pctx *c, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} gf[] = { { GRE_CP, "checksum present" }, { GRE_RP, "routing present" },
		   { GRE_KP, "key present" }, { GRE_SP, "sequence# present" },
		   { 0x0800, "source routing present" }, { GRE_AP, "ack present" } };
	int any = 0;
	rc__ob_puts(c->ob, ", Flags [");
	for (size_t i = 0; i < sizeof(gf) / sizeof(gf[0]); i++)
		if (flags & gf[i].bit) {
			rc__ob_printf(c->ob, "%s%s", any ? ", " : "", gf[i].name);
			any = 1;
		}
	rc__ob_printf(c->ob, "%s]", any ? "" : "none");
}

/*
 * Enhanced GRE of PPTP (RFC 2637 4.1), as tcpdump's gre_print_1:
 *   flags/version(2) protocol(2) payload length(2) call id(2) [seq(4)] [ack(4)]
 * The key field holds the payload length and the call id; without a
 * sequence number the packet carries no payload (an ack only).
 */
static int gre_v1(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	unsigned flags = rc__be16(bp);
	uint32_t len = length - 2;
	const uint8_t *f;
	bp += 2;
	if (c->o->vflag)
		gre_flags(c, flags);
	if (!(f = gre_take(c, &bp, &len, 2)))
		return RC_PRINT_TRUNC;
	unsigned prot = rc__be16(f);
	if (flags & GRE_KP) {
		if (!(f = gre_take(c, &bp, &len, 4)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", call %u", rc__be32(f) & 0xffff);
	}
	if (flags & GRE_SP) {
		if (!(f = gre_take(c, &bp, &len, 4)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", seq %u", rc__be32(f));
	}
	if (flags & GRE_AP) {
		if (!(f = gre_take(c, &bp, &len, 4)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", ack %u", rc__be32(f));
	}
	if (!(flags & GRE_SP))
		rc__ob_puts(c->ob, ", no-payload");
	if (c->o->eflag) {
		const char *n = rc__ethertype_name((uint16_t)prot);
		rc__ob_printf(c->ob, ", proto %s (0x%04x)", n ? n : "unknown", prot);
	}
	rc__ob_printf(c->ob, ", length %u", length);
	if (!(flags & GRE_SP))
		return 0;
	rc__ob_puts(c->ob, c->o->vflag < 1 ? ": " : "\n\t");
	if (prot == 0x880b)
		return rc__print_ppp(c, bp, len);
	rc__ob_printf(c->ob, "gre-proto-0x%x", prot);
	return 0;
}

int rc__print_gre(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "gre";
	uint32_t len = length;
	if (len < 2)
		return rc__trunc_soft(c);
	RC_NEED_SOFT(c, bp, 2);
	unsigned flags = rc__be16(bp), vers = flags & 7;
	rc__ob_printf(c->ob, "GREv%u", vers);
	if (vers == 1)
		return gre_v1(c, bp, length);
	if (vers != 0) {
		rc__ob_puts(c->ob, " ERROR: unknown-version");
		return 0;
	}
	if (c->o->vflag)
		gre_flags(c, flags);
	bp += 2;
	len -= 2;
	/* Each field must fit both the GRE length and the capture; tcpdump
	 * checks them one at a time, so -v shows a checksum cut before the
	 * offset. */
	const uint8_t *f;
	if (!(f = gre_take(c, &bp, &len, 2)))
		return RC_PRINT_TRUNC;
	unsigned prot = rc__be16(f);
	if (flags & (GRE_CP | GRE_RP)) {
		if (!(f = gre_take(c, &bp, &len, 2)))
			return RC_PRINT_TRUNC;
		if (c->o->vflag)
			rc__ob_printf(c->ob, ", sum 0x%x", rc__be16(f));
		if (!(f = gre_take(c, &bp, &len, 2)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", off 0x%x", rc__be16(f));
	}
	if (flags & GRE_KP) {
		if (!(f = gre_take(c, &bp, &len, 4)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", key=0x%x", rc__be32(f));
	}
	if (flags & GRE_SP) {
		if (!(f = gre_take(c, &bp, &len, 4)))
			return RC_PRINT_TRUNC;
		rc__ob_printf(c->ob, ", seq %u", rc__be32(f));
	}
	if (flags & GRE_RP) {
		/* Source route entries (RFC 1701 2.2) up to the NULL one. */
		for (;;) {
			if (!(f = gre_take(c, &bp, &len, 4)))
				return RC_PRINT_TRUNC;
			unsigned af = rc__be16(f), sre_off = f[2], sre_len = f[3];
			if (af == 0 && sre_len == 0)
				break;
			if (gre_sre(c, af, sre_off, sre_len, bp) < 0 || len < sre_len)
				return rc__trunc_soft(c);
			bp += sre_len;
			len -= sre_len;
		}
	}
	if (c->o->eflag) {
		const char *n = rc__ethertype_name((uint16_t)prot);
		rc__ob_printf(c->ob, ", proto %s (0x%04x)", n ? n : "unknown", prot);
	}
	rc__ob_printf(c->ob, ", length %u", length);
	rc__ob_puts(c->ob, c->o->vflag < 1 ? ": " : "\n\t");
	switch (prot) {
	case 0x0800:
		return rc__print_ip(c, bp, len);
	case 0x86dd:
		return rc__print_ip6(c, bp, len);
	case 0x8847:
		return rc__print_mpls(c, bp, len);
	case 0x6558:
		return rc__print_ether(c, bp, len);
	default:
		rc__ob_printf(c->ob, "gre-proto-0x%x", prot);
		return 0;
	}
}

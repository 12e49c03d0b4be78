/*
 * print_pim.c - PIM (IP protocol 103) as tcpdump 4.99 print-pim.c prints
 * it over IPv4 and IPv6: version 2 (RFC 7761, with RFC 3973 Graft and
 * State Refresh, RFC 5015 DF Election, RFC 5059 Bootstrap) by type, and
 * the bare version and length for any other version (tcpdump decodes
 * PIMv1 only inside IGMP).
 *
 *   0           1          2         4
 *   |ver | type | rsvd/alen | cksum  | message ...
 *
 * tcpdump reads most fields with unwinding reads (" [|pimv2]", -x dumps
 * from the first byte) but checks message lengths and some captured
 * lengths itself and then prints the same marker without unwinding; each
 * check below keeps the kind tcpdump uses there.
 */
#include "print.h"

/* The message left to decode and the RFC 2117 unicast address length
 * (rsvd & 0x0f; 0 for the encoded addresses of RFC 7761 4.9.1). */
struct pim_cur {
	const uint8_t *bp;
	uint32_t len;
	unsigned addr_len;
};

static void skip(struct pim_cur *m, uint32_t n)
{
	m->bp += n;
	m->len -= n; /* unsigned, as tcpdump's u_int len */
}

/* tcpdump's "goto trunc": the marker without unwinding. */
static int cut(rc__pctx *c)
{
	return rc__trunc_soft(c);
}

enum pim_addr_kind { PIM_UNICAST, PIM_GROUP, PIM_SOURCE };

/* Encoded-Group flags byte as tcpdump shows it: the raw byte for a group,
 * S, W and R bits (and any others in hex) for a source. */
static void addr_flags(rc__pctx *c, uint8_t f, enum pim_addr_kind kind)
{
	if (f == 0)
		return;
	if (kind == PIM_GROUP) {
		rc__ob_printf(c->ob, "(0x%02x)", f);
		return;
	}
	rc__ob_printf(c->ob, "(%s%s%s", f & 4 ? "S" : "", f & 2 ? "W" : "", f & 1 ? "R" : "");
	if (f & 0xf8)
		rc__ob_printf(c->ob, "+0x%02x", f & 0xf8);
	rc__ob_putc(c->ob, ')');
}

/* An encoded unicast, group or source address (RFC 7761 4.9.1); an
 * unknown family or encoding ends the message as a cut one does. */
static int addr(rc__pctx *c, struct pim_cur *m, enum pim_addr_kind kind)
{
	unsigned alen = m->addr_len, hdr = 0;
	if (alen == 0) {
		if (m->len < 2)
			return cut(c);
		RC_NEED(c, m->bp, 1);
		if (m->bp[0] != 1 && m->bp[0] != 2)
			return cut(c);
		alen = m->bp[0] == 1 ? 4 : 16;
		RC_NEED(c, m->bp + 1, 1);
		if (m->bp[1] != 0)
			return cut(c);
		hdr = 2;
	} else if (alen != 4 && alen != 16) {
		return cut(c);
	}
	const uint8_t *bp = m->bp + hdr;
	unsigned need = kind == PIM_UNICAST ? alen : alen + 2;
	if (m->len - hdr < need || !rc__have(c, bp, need))
		return cut(c);
	const uint8_t *a = kind == PIM_UNICAST ? bp : bp + 2;
	if (alen == 4)
		rc__put_ip4(c->ob, a);
	else
		rc__put_ip6(c->ob, a);
	if (kind != PIM_UNICAST) {
		if (bp[1] != alen * 8)
			rc__ob_printf(c->ob, "/%u", bp[1]);
		addr_flags(c, bp[0], kind);
	}
	skip(m, hdr + need);
	return 0;
}

/* Label, then an address. */
static int laddr(rc__pctx *c, struct pim_cur *m, const char *label, enum pim_addr_kind kind)
{
	rc__ob_puts(c->ob, label);
	return addr(c, m, kind);
}

/* ---- Hello (RFC 7761 4.9.2) ---- */

static const char *hello_option_name(unsigned type)
{
	switch (type) {
	case 1: return "Hold Time";
	case 2: return "LAN Prune Delay";
	case 18: return "DR Priority (Old)";
	case 19: return "DR Priority";
	case 20: return "Generation ID";
	case 21: return "State Refresh Capability";
	case 22: return "Bi-Directional Capability";
	case 24: return "Address List";
	case 65001: return "Address List (Old)";
	default: return "Unknown";
	}
}

/* tcpdump stops the whole message at an option of the wrong length. */
static int bad_option_len(rc__pctx *c, unsigned olen, unsigned want)
{
	rc__ob_printf(c->ob, "[option length %u != %u] (invalid)", olen, want);
	return RC_PRINT_TRUNC;
}

/* -vv: the list's addresses, read against the rest of the message (not
 * the option), as tcpdump does. */
static int address_list(rc__pctx *c, const struct pim_cur *m, unsigned olen)
{
	struct pim_cur a = *m;
	while (a.bp < m->bp + olen) {
		rc__ob_puts(c->ob, "\n\t    ");
		RC_TRY(addr(c, &a, PIM_UNICAST));
	}
	return 0;
}

static int state_refresh(rc__pctx *c, const uint8_t *bp)
{
	rc__ob_printf(c->ob, "v%u", bp[0]);
	if (bp[1] != 0) {
		rc__ob_puts(c->ob, ", interval ");
		rc__put_relts(c->ob, bp[1]);
	}
	if (rc__be16(bp + 2) != 0)
		rc__ob_printf(c->ob, " ?0x%04x?", rc__be16(bp + 2));
	return 0;
}

/* One option's value (its olen bytes are captured). */
static int hello_value(rc__pctx *c, const struct pim_cur *m, unsigned type, unsigned olen)
{
	const uint8_t *bp = m->bp;
	switch (type) {
	case 1:
		if (olen != 2)
			return bad_option_len(c, olen, 2);
		rc__put_relts(c->ob, rc__be16(bp));
		return 0;
	case 2:
		if (olen != 4)
			return bad_option_len(c, olen, 4);
		rc__ob_printf(c->ob, "\n\t    T-bit=%u, LAN delay %ums, Override interval %ums",
			      bp[0] >> 7, rc__be16(bp) & 0x7fffu, rc__be16(bp + 2));
		return 0;
	case 18:
	case 19:
		if (olen == 0)
			rc__ob_puts(c->ob, "Bi-Directional Capability (Old)");
		else if (olen == 4)
			rc__ob_printf(c->ob, "%u", rc__be32(bp));
		else
			return bad_option_len(c, olen, 4);
		return 0;
	case 20:
		if (olen != 4)
			return bad_option_len(c, olen, 4);
		rc__ob_printf(c->ob, "0x%08x", rc__be32(bp));
		return 0;
	case 21:
		if (olen != 4)
			return bad_option_len(c, olen, 4);
		return state_refresh(c, bp);
	case 22:
		return 0;
	case 24:
	case 65001:
		return c->o->vflag > 1 ? address_list(c, m, olen) : 0;
	default:
		if (c->o->vflag <= 1)
			rc__unknown_data(c, bp, "\n\t    ", olen);
		return 0;
	}
}

static int hello(rc__pctx *c, struct pim_cur *m)
{
	while (m->len != 0) {
		if (m->len < 4)
			return cut(c);
		RC_NEED(c, m->bp, 4);
		unsigned type = rc__be16(m->bp), olen = rc__be16(m->bp + 2);
		rc__ob_printf(c->ob, "\n\t  %s Option (%u), length %u, Value: ",
			      hello_option_name(type), type, olen);
		skip(m, 4);
		if (m->len < olen || !rc__have(c, m->bp, olen))
			return cut(c);
		RC_TRY(hello_value(c, m, type, olen));
		/* -vv adds every option's bytes in hex */
		if (c->o->vflag > 1)
			rc__unknown_data(c, m->bp, "\n\t    ", olen);
		skip(m, olen);
	}
	return 0;
}

/* ---- Register (RFC 7761 4.9.3): flags, then the data packet ---- */

static int reg(rc__pctx *c, struct pim_cur *m)
{
	if (m->len < 4 || !rc__have(c, m->bp, 4))
		return cut(c);
	uint32_t flags = rc__be32(m->bp);
	/* tcpdump names the flag word only when exactly one flag is set */
	rc__ob_printf(c->ob, ", Flags [ %s ]\n\t",
		      flags == 0x80000000u ? "Border" : flags == 0x40000000u ? "Null" : "none");
	skip(m, 4);
	if (m->len == 0)
		return cut(c);
	RC_NEED(c, m->bp, 1);
	switch (m->bp[0] >> 4) {
	case 0: /* the Null-Register's dummy header */
		RC_NEED(c, m->bp + 12, 8);
		rc__ob_puts(c->ob, "IP-Null-header ");
		rc__put_ip4(c->ob, m->bp + 12);
		rc__ob_puts(c->ob, " > ");
		rc__put_ip4(c->ob, m->bp + 16);
		return 0;
	case 4:
		return rc__print_ip(c, m->bp, m->len);
	case 6:
		return rc__print_ip6(c, m->bp, m->len);
	default:
		rc__ob_printf(c->ob, "IP ver %u", m->bp[0] >> 4);
		return 0;
	}
}

/* ---- Join/Prune, Graft, Graft-Ack (RFC 7761 4.9.5, RFC 3973 4.7) ---- */

static int source_list(rc__pctx *c, struct pim_cur *m, const char *what, unsigned n)
{
	for (unsigned j = 0; j < n; j++) {
		rc__ob_printf(c->ob, "\n\t      %s source #%u: ", what, j + 1);
		RC_TRY(addr(c, m, PIM_SOURCE));
	}
	return 0;
}

static int join_group(rc__pctx *c, struct pim_cur *m, unsigned i)
{
	rc__ob_printf(c->ob, "\n\t    group #%u: ", i + 1);
	RC_TRY(addr(c, m, PIM_GROUP));
	if (m->len < 4 || !rc__have(c, m->bp, 4))
		return cut(c);
	unsigned njoin = rc__be16(m->bp), nprune = rc__be16(m->bp + 2);
	rc__ob_printf(c->ob, ", joined sources: %u, pruned sources: %u", njoin, nprune);
	skip(m, 4);
	RC_TRY(source_list(c, m, "joined", njoin));
	return source_list(c, m, "pruned", nprune);
}

/* A Graft-Ack (7) has no upstream neighbor or hold time in tcpdump's
 * reading: it takes the first four bytes as the group count word. */
static int join_prune(rc__pctx *c, struct pim_cur *m, unsigned type)
{
	if (type != 7)
		RC_TRY(laddr(c, m, ", upstream-neighbor: ", PIM_UNICAST));
	if (m->len < 4 || !rc__have(c, m->bp, 4))
		return cut(c);
	unsigned ngroups = m->bp[1], hold = rc__be16(m->bp + 2);
	rc__ob_printf(c->ob, "\n\t  %u group(s)", ngroups);
	if (type != 7) {
		rc__ob_puts(c->ob, ", holdtime: ");
		if (hold == 0xffff)
			rc__ob_puts(c->ob, "infinite");
		else
			rc__put_relts(c->ob, hold);
	}
	skip(m, 4);
	for (unsigned i = 0; i < ngroups; i++)
		RC_TRY(join_group(c, m, i));
	return 0;
}

/* ---- Bootstrap (RFC 5059 4.1) ---- */

static int bsr_rp(rc__pctx *c, struct pim_cur *m, unsigned j)
{
	rc__ob_printf(c->ob, " RP%u=", j);
	RC_TRY(addr(c, m, PIM_UNICAST));
	if (m->len < 2)
		return cut(c);
	rc__ob_puts(c->ob, ",holdtime=");
	RC_NEED(c, m->bp, 2);
	rc__put_relts(c->ob, rc__be16(m->bp));
	if (m->len < 3)
		return cut(c);
	RC_NEED(c, m->bp + 2, 1);
	rc__ob_printf(c->ob, ",prio=%u", m->bp[2]);
	if (m->len < 4)
		return cut(c);
	skip(m, 4);
	return 0;
}

static int bsr_group(rc__pctx *c, struct pim_cur *m, unsigned i)
{
	rc__ob_printf(c->ob, " (group%u: ", i);
	RC_TRY(addr(c, m, PIM_GROUP));
	if (m->len < 1)
		return cut(c);
	RC_NEED(c, m->bp, 1);
	rc__ob_printf(c->ob, " RPcnt=%u", m->bp[0]);
	if (m->len < 2)
		return cut(c);
	RC_NEED(c, m->bp + 1, 1);
	unsigned frpcnt = m->bp[1];
	rc__ob_printf(c->ob, " FRPcnt=%u", frpcnt);
	if (m->len < 4)
		return cut(c);
	skip(m, 4);
	for (unsigned j = 0; j < frpcnt && m->len > 0; j++)
		RC_TRY(bsr_rp(c, m, j));
	rc__ob_putc(c->ob, ')');
	return 0;
}

static int bootstrap(rc__pctx *c, struct pim_cur *m)
{
	if (m->len < 2)
		return cut(c);
	RC_NEED(c, m->bp, 2);
	rc__ob_printf(c->ob, " tag=%x", rc__be16(m->bp));
	skip(m, 2);
	if (m->len < 1)
		return cut(c);
	RC_NEED(c, m->bp, 1);
	rc__ob_printf(c->ob, " hashmlen=%u", m->bp[0]);
	if (m->len < 2)
		return cut(c);
	/* tcpdump checks one byte more than it reads here */
	if (!rc__have(c, m->bp + 2, 1))
		return cut(c);
	rc__ob_printf(c->ob, " BSRprio=%u", m->bp[1]);
	skip(m, 2);
	RC_TRY(laddr(c, m, " BSR=", PIM_UNICAST));
	for (unsigned i = 0; m->len > 0; i++)
		RC_TRY(bsr_group(c, m, i));
	return 0;
}

/* ---- Assert (RFC 7761 4.9.6), C-RP-Adv (RFC 5059 4.2), State Refresh
 * (RFC 3973 4.7.1) and DF Election (RFC 5015 3.7) ---- */

static int assert_msg(rc__pctx *c, struct pim_cur *m)
{
	RC_TRY(laddr(c, m, " group=", PIM_GROUP));
	RC_TRY(laddr(c, m, " src=", PIM_UNICAST));
	if (m->len < 8 || !rc__have(c, m->bp, 8))
		return cut(c);
	if (m->bp[0] & 0x80)
		rc__ob_puts(c->ob, " RPT");
	rc__ob_printf(c->ob, " pref=%u metric=%u", rc__be32(m->bp) & 0x7fffffffu,
		      rc__be32(m->bp + 4));
	return 0;
}

static int candidate_rp(rc__pctx *c, struct pim_cur *m)
{
	if (m->len < 1)
		return cut(c);
	RC_NEED(c, m->bp, 1);
	unsigned pfxcnt = m->bp[0];
	rc__ob_printf(c->ob, " prefix-cnt=%u", pfxcnt);
	if (m->len < 2)
		return cut(c);
	RC_NEED(c, m->bp + 1, 1);
	rc__ob_printf(c->ob, " prio=%u", m->bp[1]);
	if (m->len < 4)
		return cut(c);
	rc__ob_puts(c->ob, " holdtime=");
	RC_NEED(c, m->bp + 2, 2);
	rc__put_relts(c->ob, rc__be16(m->bp + 2));
	skip(m, 4);
	RC_TRY(laddr(c, m, " RP=", PIM_UNICAST));
	for (unsigned i = 0; i < pfxcnt && m->len > 0; i++) {
		rc__ob_printf(c->ob, " Group%u=", i);
		RC_TRY(addr(c, m, PIM_GROUP));
	}
	return 0;
}

static int prune_refresh(rc__pctx *c, struct pim_cur *m)
{
	RC_TRY(laddr(c, m, " src=", PIM_UNICAST));
	RC_TRY(laddr(c, m, " grp=", PIM_GROUP));
	RC_TRY(laddr(c, m, " forwarder=", PIM_UNICAST));
	if (m->len < 2)
		return cut(c);
	rc__ob_puts(c->ob, " TUNR ");
	RC_NEED(c, m->bp, 2);
	rc__put_relts(c->ob, rc__be16(m->bp));
	return 0;
}

/* Preference and metric words; tcpdump reads them without a length check. */
static int pref_metric(rc__pctx *c, struct pim_cur *m, const char *who)
{
	RC_NEED(c, m->bp, 4);
	rc__ob_printf(c->ob, " %s pref=%u", who, rc__be32(m->bp));
	RC_NEED(c, m->bp + 4, 4);
	rc__ob_printf(c->ob, " %s metric=%u", who, rc__be32(m->bp + 4));
	skip(m, 8);
	return 0;
}

static int df_election(rc__pctx *c, struct pim_cur *m, unsigned subtype)
{
	static const char *const names[] = { "Unknown", "Offer", "Winner", "Backoff", "Pass" };
	rc__ob_printf(c->ob, "\n\t  %s,", names[subtype <= 4 ? subtype : 0]);
	RC_TRY(laddr(c, m, " rpa=", PIM_UNICAST));
	RC_TRY(pref_metric(c, m, "sender"));
	if (subtype != 3 && subtype != 4)
		return 0;
	const char *who = subtype == 3 ? "offer" : "new winner";
	rc__ob_printf(c->ob, "\n\t  %s addr=", who);
	RC_TRY(addr(c, m, PIM_UNICAST));
	RC_TRY(pref_metric(c, m, who));
	if (subtype == 3) {
		RC_NEED(c, m->bp, 2);
		rc__ob_printf(c->ob, " interval %dms", rc__be16(m->bp));
	}
	return 0;
}

/* ---- the v2 header (-v) ---- */

/* RFC 7761 4.9: the checksum covers the message (a Register's only its
 * 8-byte header, though RFC 4601 asks to accept one over all of it), and
 * over IPv6 the pseudo-header too; tcpdump does not verify a zero one or
 * one over bytes not captured. */
static const char *cksum_verdict(rc__pctx *c, const uint8_t *bp, uint32_t len,
				 const uint8_t *iph)
{
	if (!rc__have(c, bp, len))
		return "unverified";
	uint32_t sum = (iph[0] >> 4) == 6 ? rc__pseudo_sum(c, iph, 103, len) : 0;
	return rc__cksum_fold(rc__cksum_add(sum, bp, len)) ? "incorrect" : "correct";
}

static int v2_header(rc__pctx *c, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	if (len < 2) {
		rc__ob_printf(c->ob, "[length %u < 2] (invalid)", len);
		return RC_PRINT_TRUNC;
	}
	RC_NEED(c, bp + 1, 1);
	if (bp[1] & 0x0f)
		rc__ob_puts(c->ob, ", RFC2117-encoding");
	if (len < 4) {
		rc__ob_printf(c->ob, "[length %u < 4] (invalid)", len);
		return RC_PRINT_TRUNC;
	}
	RC_NEED(c, bp + 2, 2);
	unsigned cksum = rc__be16(bp + 2);
	rc__ob_printf(c->ob, ", cksum 0x%04x ", cksum);
	const char *verdict = "unverified";
	if (cksum != 0 && (bp[0] & 0x0f) == 1) {
		verdict = cksum_verdict(c, bp, 8, iph);
		if (verdict[0] == 'i')
			verdict = cksum_verdict(c, bp, len, iph);
	} else if (cksum != 0) {
		verdict = cksum_verdict(c, bp, len, iph);
	}
	rc__ob_printf(c->ob, "(%s)", verdict);
	return 0;
}

static int v2_body(rc__pctx *c, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	c->proto = "pimv2";
	RC_TRY(v2_header(c, bp, len, iph));
	struct pim_cur m = { bp + 4, len - 4, bp[1] & 0x0fu };
	unsigned type = bp[0] & 0x0f;
	switch (type) {
	case 0: return hello(c, &m);
	case 1: return reg(c, &m);
	case 2:
		RC_TRY(laddr(c, &m, " group=", PIM_GROUP));
		return laddr(c, &m, " source=", PIM_UNICAST);
	case 3:
	case 6:
	case 7: return join_prune(c, &m, type);
	case 4: return bootstrap(c, &m);
	case 5: return assert_msg(c, &m);
	case 8: return candidate_rp(c, &m);
	case 9: return prune_refresh(c, &m);
	case 10: return df_election(c, &m, bp[1] >> 4);
	default:
		rc__ob_printf(c->ob, " [type %u]", type);
		return 0;
	}
}

static const char *v2_type_name(unsigned type)
{
	static const char *const names[] = {
		"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap", "Assert",
		"Graft", "Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh",
		"DF Election", "ECMP Redirect",
	};
	return type < sizeof names / sizeof names[0] ? names[type] : "Unknown Type";
}

int rc__print_pim(rc__pctx *c, const uint8_t *bp, uint32_t length, const uint8_t *iph)
{
	c->proto = "pim";
	RC_NEED(c, bp, 1);
	unsigned ver = bp[0] >> 4, type = bp[0] & 0x0f;
	if (ver != 2) {
		rc__ob_printf(c->ob, "PIMv%u, length %u", ver, length);
		return 0;
	}
	if (!c->o->vflag) {
		rc__ob_printf(c->ob, "PIMv2, %s, length %u", v2_type_name(type), length);
		return 0;
	}
	rc__ob_printf(c->ob, "PIMv2, length %u\n\t%s", length, v2_type_name(type));
	return v2_body(c, bp, length, iph);
}

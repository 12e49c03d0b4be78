/*
 * print_dns.c - DNS messages (RFC 1035; mDNS RFC 6762) as tcpdump 4.99
 * print-domain.c prints them: the id, opcode/rcode/flag marks, section
 * counts, the questions of a query and the answers of a response; with -vv
 * also a response's questions (" q:"), a query's answers, and both
 * messages' authority (" ns:") and additional (" ar:") records.  The records
 * themselves are print_dns_rr.c's.
 *
 *   0    2       4        6        8        10       12
 *   | id | flags | qdcnt  | ancnt  | nscnt  | arcnt  | question ...
 *   flags: QR(15) opcode(14..11) AA(10) TC(9) RD(8) RA(7) Z(6) AD(5) CD(4) rcode(3..0)
 *
 * Names may use compression pointers (RFC 1035 4.1.4); a pointer must go
 * strictly backwards, so every name walk ends.
 */
#include "print_dns.h"

#include <limits.h>
#include <stdio.h>

#define DNS_HDRLEN 12
#define INDIR_MASK 0xc0
#define EDNS0_MASK 0x40
#define RESERVED_MASK 0x80
#define EDNS0_BITLABEL 0x01

const char *rc__dns_type_name(unsigned t, char *buf, size_t n)
{
	static const char *const low[] = {
		NULL, "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS",
		"PTR", "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT",
		"NSAP", "NSAP_PTR", "SIG", "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT", "EID",
		"NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK", "OPT",
		"APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY",
	};
	static const char *const mid[] = { "SPF", "UINFO", "UID", "GID", "UNSPEC", "UNSPECA" };
	static const char *const high[] = { "TKEY", "TSIG", "IXFR", "AXFR", "MAILB", "MAILA",
					    "ANY", "URI" };
	if (t < sizeof(low) / sizeof(low[0]) && low[t])
		return low[t];
	if (t >= 99 && t <= 104)
		return mid[t - 99];
	if (t >= 249 && t <= 256)
		return high[t - 249];
	snprintf(buf, n, "Type%u", t);
	return buf;
}

const char *rc__dns_class_name(unsigned cl, char *buf, size_t n)
{
	switch (cl) {
	case 1: return "IN";
	case 3: return "CHAOS";
	case 4: return "HS";
	case 255: return "ANY";
	default:
		snprintf(buf, n, "(Class %u)", cl);
		return buf;
	}
}

/* Skip a name; returns the byte after it, or NULL if it runs off the capture. */
const uint8_t *rc__dns_nskip(rc__pctx *c, const uint8_t *cp)
{
	if (!rc__have(c, cp, 1))
		return NULL;
	uint8_t i = *cp++;
	while (i) {
		if ((i & INDIR_MASK) == INDIR_MASK)
			return cp + 1;
		if ((i & INDIR_MASK) == EDNS0_MASK) {
			if ((i & ~INDIR_MASK) != EDNS0_BITLABEL)
				return NULL;
			if (!rc__have(c, cp, 1))
				return NULL;
			unsigned bitlen = *cp++;
			if (bitlen == 0)
				bitlen = 256;
			cp += (bitlen + 7) / 8;
		} else {
			cp += i;
		}
		if (!rc__have(c, cp, 1))
			return NULL;
		i = *cp++;
	}
	return cp;
}

/* RFC 2673 bit-string label at cp (the bit count, then the bits): tcpdump
 * prints "\[x<hex>/<bits>]", unwinding if the bits are not all captured.
 * Returns 0 or -1. */
static int blabel_print(rc__pctx *c, const uint8_t *cp)
{
	if (!rc__have(c, cp, 1))
		return -1;
	unsigned bitlen = cp[0] ? cp[0] : 256, b = bitlen;
	const uint8_t *bitp = cp + 1;
	rc__ob_puts(c->ob, "\\[x");
	for (; b > 7; b -= 8, bitp++) {
		if (!rc__have(c, bitp, 1))
			goto unwind;
		rc__ob_x(c->ob, *bitp, 2);
	}
	if (b > 0 && !rc__have(c, bitp, 1))
		goto unwind;
	if (b > 4) /* the leading b bits of the last byte */
		rc__ob_x(c->ob, *bitp & (0xffu << (8 - b)) & 0xff, 2);
	else if (b > 0) /* or of its high nibble */
		rc__ob_x(c->ob, (*bitp >> 4) & (0x0fu << (4 - b)) & 0x0f, 1);
	rc__ob_printf(c->ob, "/%u]", bitlen);
	return 0;
unwind:
	c->unwound = 1;
	return -1;
}

/* Bytes the label at cp takes after its first byte (the pointer's byte
 * for a pointer), or -1 if it is not captured or of a type tcpdump cannot
 * walk, which it names: extended types other than bit strings (RFC 6891
 * 4.2) and the reserved type 0x80. */
static int label_len(rc__pctx *c, const uint8_t *cp)
{
	if (!rc__have(c, cp, 1))
		return -1;
	unsigned i = *cp;
	switch (i & INDIR_MASK) {
	case EDNS0_MASK:
		if ((i & ~INDIR_MASK) != EDNS0_BITLABEL) {
			rc__ob_printf(c->ob, "<ELT %u>", i & ~INDIR_MASK);
			return -1;
		}
		if (!rc__have(c, cp + 1, 1))
			return -1;
		return ((cp[1] ? cp[1] : 256) + 7) / 8 + 1;
	case RESERVED_MASK:
		rc__ob_puts(c->ob, "<BAD LABEL TYPE>");
		return -1;
	default:
		return (int)i;
	}
}

/* Follow the pointer whose first byte was i (cp at its second byte).  The
 * target must lie before the previous one, so every walk ends. */
static const uint8_t *follow_ptr(rc__pctx *c, unsigned i, const uint8_t *cp,
				 const uint8_t *msg, unsigned *max_offset)
{
	if (!rc__have(c, cp, 1))
		return NULL;
	unsigned offset = ((i << 8) | *cp) & 0x3fff;
	if (offset >= *max_offset) {
		rc__ob_puts(c->ob, "<BAD PTR>");
		return NULL;
	}
	*max_offset = offset;
	if (offset >= rc__avail(c, msg))
		return NULL;
	return msg + offset;
}

/* Print a name; returns the byte after it in the original position, or
 * NULL if truncated (the caller prints the marker) or unwalkable.  As
 * tcpdump 4.99, a label cut by the snapend is printed as far as captured
 * before NULL, and a walk that reaches the snapend right after a length
 * byte stops there and returns the (uncaptured) end of the name. */
const uint8_t *rc__dns_fqdn(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	const uint8_t *rp = NULL;
	/* An EDNS CHAIN option's name has its msg after it: any offset goes. */
	unsigned max_offset = cp >= msg ? (unsigned)(cp - msg) : UINT_MAX;
	int compress = 0, l = label_len(c, cp);

	if (l < 0)
		return NULL;
	unsigned i = *cp++;
	if (i == 0) {
		rc__ob_putc(c->ob, '.');
		return cp;
	}
	if ((i & INDIR_MASK) != INDIR_MASK)
		rp = cp + l;
	while (i && rc__have(c, cp, 1)) {
		if ((i & INDIR_MASK) == INDIR_MASK) {
			if (!compress) {
				rp = cp + 1;
				compress = 1;
			}
			if (!(cp = follow_ptr(c, i, cp, msg, &max_offset)) ||
			    (l = label_len(c, cp)) < 0)
				return NULL;
			i = *cp++;
			continue;
		}
		if ((i & INDIR_MASK) == EDNS0_MASK) {
			if (blabel_print(c, cp) < 0)
				return NULL;
		} else {
			size_t got = rc__avail(c, cp);
			for (unsigned k = 0; k < i && k < got; k++)
				rc__put_char(c->ob, cp[k]);
			if (got < i)
				return NULL;
		}
		cp += l;
		rc__ob_putc(c->ob, '.');
		if ((l = label_len(c, cp)) < 0)
			return NULL;
		i = *cp++;
		if (!compress)
			rp += l + 1; /* past the next label */
	}
	return rp;
}

static const uint8_t *ns_qprint(rc__pctx *c, const uint8_t *cp, const uint8_t *msg, int is_mdns)
{
	char b1[24], b2[24];
	const uint8_t *np = cp;
	cp = rc__dns_nskip(c, cp);
	if (!cp || !rc__have(c, cp, 4))
		return NULL;
	unsigned t = rc__be16(cp), cl = rc__be16(cp + 2);
	rc__ob_printf(c->ob, " %s", rc__dns_type_name(t, b1, sizeof(b1)));
	unsigned cls = is_mdns ? (cl & ~0x8000u) : cl;
	if (cls != 1)
		rc__ob_printf(c->ob, " %s", rc__dns_class_name(cls, b2, sizeof(b2)));
	if (is_mdns)
		rc__ob_puts(c->ob, (cl & 0x8000) ? " (QU)" : " (QM)");
	rc__ob_puts(c->ob, "? ");
	cp = rc__dns_fqdn(c, np, msg);
	return cp ? cp + 4 : NULL;
}

static const char *const ns_ops[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
};

static void put_rcode(rc__ob *ob, unsigned rcode)
{
	static const char *const names[] = {
		"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain",
		" YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12",
		" Resp13", " Resp14", " NoChange", " BadVers",
		/* tcpdump 4.99's table lacks the space for 17 and 21 */
		"Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
	};
	if (rcode < sizeof(names) / sizeof(names[0]))
		rc__ob_puts(ob, names[rcode]);
	else
		rc__ob_printf(ob, " Resp%u", rcode);
}

/* The records of one section, comma separated; the section's tag (" ns:",
 * " ar:") only when there is something left to print.  As tcpdump, the list
 * stops quietly at the snapend, and records left over mean truncation.
 * The answer section (tag NULL) starts even at the snapend. */
static int rr_list(rc__pctx *c, const uint8_t **cpp, const uint8_t *msg, int is_mdns,
		   const char *tag, unsigned count)
{
	const uint8_t *cp = *cpp;
	if (count && (!tag || cp < c->end)) {
		if (tag)
			rc__ob_puts(c->ob, tag);
		for (int first = 1; count && (first || cp < c->end); first = 0) {
			if (!first)
				rc__ob_putc(c->ob, ',');
			if (!(cp = rc__dns_rr(c, cp, msg, is_mdns)))
				return -1;
			count--;
		}
	}
	*cpp = cp;
	return count ? -1 : 0;
}

/* -vv: the authority and additional sections (RFC 1035 4.1). */
static int rr_extra(rc__pctx *c, const uint8_t **cpp, const uint8_t *msg, int is_mdns,
		    unsigned nscount, unsigned arcount)
{
	if (c->o->vflag < 2)
		return 0;
	if (rr_list(c, cpp, msg, is_mdns, " ns:", nscount) < 0)
		return -1;
	return rr_list(c, cpp, msg, is_mdns, " ar:", arcount);
}

/* A response: flags, the questions (-vv) and the answers. */
static int print_response(rc__pctx *c, const uint8_t *bp, unsigned rcode, int is_mdns)
{
	unsigned flags = rc__be16(bp + 2), qdcount = rc__be16(bp + 4);
	const uint8_t *cp = bp + DNS_HDRLEN;
	rc__ob_printf(c->ob, "%u%s", rc__be16(bp), ns_ops[(flags >> 11) & 0xf]);
	put_rcode(c->ob, rcode);
	rc__ob_printf(c->ob, "%s%s%s%s", (flags & 0x0400) ? "*" : "", (flags & 0x0080) ? "" : "-",
		      (flags & 0x0200) ? "|" : "", (flags & 0x0020) ? "$" : "");
	if (qdcount != 1)
		rc__ob_printf(c->ob, " [%uq]", qdcount);
	for (unsigned i = 0; i < qdcount; i++) {
		if (i != 0)
			rc__ob_putc(c->ob, ',');
		if (c->o->vflag > 1) {
			rc__ob_puts(c->ob, " q:");
			cp = ns_qprint(c, cp, bp, is_mdns);
		} else if ((cp = rc__dns_nskip(c, cp))) {
			cp += 4;
		}
		if (!cp)
			return -1;
	}
	unsigned ancount = rc__be16(bp + 6), nscount = rc__be16(bp + 8);
	unsigned arcount = rc__be16(bp + 10);
	rc__ob_printf(c->ob, " %u/%u/%u", ancount, nscount, arcount);
	if (rr_list(c, &cp, bp, is_mdns, NULL, ancount) < 0)
		return -1;
	return rr_extra(c, &cp, bp, is_mdns, nscount, arcount);
}

/* A query: flags, odd counts, the questions, and with -vv the rest. */
static int print_query(rc__pctx *c, const uint8_t *bp, int is_mdns)
{
	unsigned flags = rc__be16(bp + 2), qdcount = rc__be16(bp + 4);
	unsigned ancount = rc__be16(bp + 6), nscount = rc__be16(bp + 8);
	unsigned arcount = rc__be16(bp + 10);
	const uint8_t *cp = bp + DNS_HDRLEN;
	rc__ob_printf(c->ob, "%u%s%s%s", rc__be16(bp), ns_ops[(flags >> 11) & 0xf],
		      (flags & 0x0100) ? "+" : "", (flags & 0x0010) ? "%" : "");
	if (flags & 0x6cf)
		rc__ob_printf(c->ob, " [b2&3=0x%x]", flags);
	if (((flags >> 11) & 0xf) == 1) { /* inverse query: answers are the point */
		if (qdcount)
			rc__ob_printf(c->ob, " [%uq]", qdcount);
		if (ancount != 1)
			rc__ob_printf(c->ob, " [%ua]", ancount);
	} else {
		if (ancount)
			rc__ob_printf(c->ob, " [%ua]", ancount);
		if (qdcount != 1)
			rc__ob_printf(c->ob, " [%uq]", qdcount);
	}
	if (nscount)
		rc__ob_printf(c->ob, " [%un]", nscount);
	if (arcount)
		rc__ob_printf(c->ob, " [%uau]", arcount);
	for (int first = 1; qdcount && (first || cp < c->end); first = 0) {
		if (!(cp = ns_qprint(c, cp, bp, is_mdns)))
			return -1;
		qdcount--;
	}
	if (qdcount)
		return -1;
	if (c->o->vflag < 2)
		return 0;
	if (rr_list(c, &cp, bp, is_mdns, NULL, ancount) < 0)
		return -1;
	return rr_extra(c, &cp, bp, is_mdns, nscount, arcount);
}

/* The rcode with its upper bits from an OPT record (RFC 6891 6.1.3), found
 * by skipping to the additional section as far as the capture allows. */
static unsigned full_rcode(rc__pctx *c, const uint8_t *bp)
{
	unsigned qdcount = rc__be16(bp + 4), ancount = rc__be16(bp + 6);
	unsigned nscount = rc__be16(bp + 8), arcount = rc__be16(bp + 10);
	unsigned rcode = rc__be16(bp + 2) & 0xf;
	const uint8_t *cp = bp + DNS_HDRLEN;

	for (unsigned i = 0; i < qdcount; i++) {
		if (!(cp = rc__dns_nskip(c, cp)))
			return rcode;
		cp += 4;
		if (cp >= c->end)
			return rcode;
	}
	for (unsigned i = 0; i < ancount + nscount; i++) {
		if (!(cp = rc__dns_nskip(c, cp)))
			return rcode;
		cp += 8;
		if (!rc__have(c, cp, 2))
			return rcode;
		cp += 2 + rc__be16(cp);
	}
	for (unsigned i = 0; i < arcount; i++) {
		if (!(cp = rc__dns_nskip(c, cp)) || !rc__have(c, cp, 5))
			return rcode;
		if (rc__be16(cp) == DNS_T_OPT)
			return rcode | (unsigned)cp[4] << 4;
		cp += 8;
		if (!rc__have(c, cp, 2))
			return rcode;
		cp += 2 + rc__be16(cp);
	}
	return rcode;
}

int rc__print_dns(rc__pctx *c, const uint8_t *bp, uint32_t length, int is_mdns)
{
	c->proto = "domain";
	if (length < DNS_HDRLEN) {
		rc__ob_printf(c->ob, "domain [length %u < %d] (invalid)", length, DNS_HDRLEN);
		return 0;
	}
	RC_NEED_SOFT(c, bp, DNS_HDRLEN);
	int r = (rc__be16(bp + 2) & 0x8000) ? print_response(c, bp, full_rcode(c, bp), is_mdns)
					     : print_query(c, bp, is_mdns);
	if (r < 0)
		return rc__trunc_soft(c);
	rc__ob_printf(c->ob, " (%u)", length);
	return 0;
}

/*
 * print_dns.c - DNS messages (RFC 1035; mDNS RFC 6762) as tcpdump 4.99
 * print-domain.c prints them without -vv: the id, opcode/rcode/flag marks,
 * section counts, the questions of a query, and the answers of a response.
 *
 *   0    2       4        6        8        10       12
 *   | id | flags | qdcnt  | ancnt  | nscnt  | arcnt  | question ...
 *   flags: QR(15) opcode(14..11) AA(10) TC(9) RD(8) RA(7) Z(6) AD(5) CD(4) rcode(3..0)
 *
 * Names may use compression pointers (RFC 1035 4.1.4); a pointer must go
 * strictly backwards, so every name walk ends.
 */
#include "print.h"

#include <stdio.h>

#define DNS_HDRLEN 12
#define INDIR_MASK 0xc0
#define EDNS0_MASK 0x40

static const char *dns_type_name(unsigned t, char *buf, size_t n)
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

static const char *dns_class_name(unsigned cl, char *buf, size_t n)
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
static const uint8_t *ns_nskip(rc__pctx *c, const uint8_t *cp)
{
	if (!rc__have(c, cp, 1))
		return NULL;
	uint8_t i = *cp++;
	while (i) {
		if ((i & INDIR_MASK) == INDIR_MASK)
			return cp + 1;
		if ((i & INDIR_MASK) == EDNS0_MASK) {
			if ((i & ~INDIR_MASK) != 0x01) /* only bitlabels are defined */
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

/* Print a name; returns the byte after it in the original position, NULL
 * if truncated (the caller prints the marker), or bad pointer text.  As
 * tcpdump 4.99, a label cut by the snapend is printed as far as captured
 * before NULL, and a walk that reaches the snapend right after a length
 * byte stops there and returns the (uncaptured) end of the name. */
static const uint8_t *fqdn_print(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	const uint8_t *rp = NULL;
	unsigned max_offset = (unsigned)(cp - msg);
	int compress = 0;

	if (!rc__have(c, cp, 1))
		return NULL;
	unsigned i = *cp++;
	if (i == 0) {
		rc__ob_putc(c->ob, '.');
		return cp;
	}
	if ((i & INDIR_MASK) == 0)
		rp = cp + i;
	while (i && rc__have(c, cp, 1)) {
		if ((i & INDIR_MASK) == INDIR_MASK) {
			if (!compress) {
				rp = cp + 1;
				compress = 1;
			}
			if (!rc__have(c, cp, 1))
				return NULL;
			unsigned offset = ((i << 8) | *cp) & 0x3fff;
			if (offset >= max_offset) {
				rc__ob_puts(c->ob, "<BAD PTR>");
				return NULL;
			}
			max_offset = offset;
			cp = msg + offset;
			if (!rc__have(c, cp, 1))
				return NULL;
			i = *cp++;
			continue;
		}
		if ((i & INDIR_MASK) != 0) {
			/* EDNS0 extended label types: tcpdump prints "<ELT %d>". */
			rc__ob_printf(c->ob, "<ELT %d>", (int)(i & ~INDIR_MASK));
			return NULL;
		}
		size_t got = rc__avail(c, cp);
		for (unsigned k = 0; k < i && k < got; k++)
			rc__put_char(c->ob, cp[k]);
		if (got < i)
			return NULL;
		cp += i;
		rc__ob_putc(c->ob, '.');
		if (!rc__have(c, cp, 1))
			return NULL;
		i = *cp++;
		if (!compress)
			rp = cp + ((i & INDIR_MASK) ? 0 : i); /* past the next label */
	}
	return rp;
}

static const uint8_t *ns_qprint(rc__pctx *c, const uint8_t *cp, const uint8_t *msg, int is_mdns)
{
	char b1[24], b2[24];
	const uint8_t *np = cp;
	cp = ns_nskip(c, cp);
	if (!cp || !rc__have(c, cp, 4))
		return NULL;
	unsigned t = rc__be16(cp), cl = rc__be16(cp + 2);
	rc__ob_printf(c->ob, " %s", dns_type_name(t, b1, sizeof(b1)));
	unsigned cls = is_mdns ? (cl & ~0x8000u) : cl;
	if (cls != 1)
		rc__ob_printf(c->ob, " %s", dns_class_name(cls, b2, sizeof(b2)));
	if (is_mdns)
		rc__ob_puts(c->ob, (cl & 0x8000) ? " (QU)" : " (QM)");
	rc__ob_puts(c->ob, "? ");
	cp = fqdn_print(c, np, msg);
	return cp ? cp + 4 : NULL;
}

/* One resource record; returns the next record, the snapend when the fixed
 * part is missing (as tcpdump), or NULL when truncated. */
static const uint8_t *ns_rprint(rc__pctx *c, const uint8_t *cp, const uint8_t *msg, int is_mdns)
{
	char b1[24], b2[24];
	if (c->o->vflag) {
		rc__ob_putc(c->ob, ' ');
		cp = fqdn_print(c, cp, msg);
		if (!cp)
			return NULL;
	} else {
		cp = ns_nskip(c, cp);
	}
	if (!cp || !rc__have(c, cp, 10))
		return c->end;
	unsigned typ = rc__be16(cp), cl = rc__be16(cp + 2);
	cp += 4;
	unsigned cls = is_mdns ? (cl & ~0x8000u) : cl;
	if (cls != 1 && typ != 41)
		rc__ob_printf(c->ob, " %s", dns_class_name(cls, b2, sizeof(b2)));
	if (is_mdns && (cl & 0x8000))
		rc__ob_puts(c->ob, " (Cache flush)");
	unsigned opt_flags = 0;
	if (typ == 41)
		opt_flags = rc__be16(cp + 2);
	cp += 4; /* TTL (-vvv prints it) */
	unsigned len = rc__be16(cp);
	cp += 2;
	const uint8_t *rp = cp + len;
	rc__ob_printf(c->ob, " %s", dns_type_name(typ, b1, sizeof(b1)));
	if (!rc__have(c, cp, len))
		return NULL;
	switch (typ) {
	case 1:
		if (len < 4)
			return NULL;
		rc__ob_putc(c->ob, ' ');
		rc__put_ip4(c->ob, cp);
		break;
	case 2:
	case 5:
	case 12:
	case 39:
		rc__ob_putc(c->ob, ' ');
		if (!fqdn_print(c, cp, msg))
			return NULL;
		break;
	case 15:
		if (len < 2)
			return NULL;
		rc__ob_putc(c->ob, ' ');
		if (!fqdn_print(c, cp + 2, msg))
			return NULL;
		rc__ob_printf(c->ob, " %u", rc__be16(cp));
		break;
	case 16:
		while (cp < rp) {
			unsigned n = *cp++;
			rc__ob_puts(c->ob, " \"");
			if (!rc__have(c, cp, n))
				return NULL;
			for (unsigned k = 0; k < n; k++)
				rc__put_char(c->ob, cp[k]);
			cp += n;
			rc__ob_putc(c->ob, '"');
		}
		break;
	case 33:
		if (len < 6)
			return NULL;
		rc__ob_putc(c->ob, ' ');
		if (!fqdn_print(c, cp + 6, msg))
			return NULL;
		rc__ob_printf(c->ob, ":%u %u %u", rc__be16(cp + 4), rc__be16(cp), rc__be16(cp + 2));
		break;
	case 28:
		if (len < 16)
			return NULL;
		rc__ob_putc(c->ob, ' ');
		rc__put_ip6(c->ob, cp);
		break;
	case 41:
		rc__ob_printf(c->ob, " UDPsize=%u", cls);
		if (opt_flags & 0x8000)
			rc__ob_puts(c->ob, " DO");
		break;
	default:
		/* SOA and the rest only show details with -v in tcpdump. */
		break;
	}
	return rp;
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
		" Resp13", " Resp14", " Resp15", " BadVers",
	};
	if (rcode < sizeof(names) / sizeof(names[0]))
		rc__ob_puts(ob, names[rcode]);
	else
		rc__ob_printf(ob, " Resp%u", rcode);
}

int rc__print_dns(rc__pctx *c, const uint8_t *bp, uint32_t length, int is_mdns)
{
	c->proto = "domain";
	if (length < DNS_HDRLEN) {
		rc__ob_printf(c->ob, "domain [length %u < %d] (invalid)", length, DNS_HDRLEN);
		return 0;
	}
	RC_NEED_SOFT(c, bp, DNS_HDRLEN);
	unsigned id = rc__be16(bp), flags = rc__be16(bp + 2);
	unsigned qdcount = rc__be16(bp + 4), ancount = rc__be16(bp + 6);
	unsigned nscount = rc__be16(bp + 8), arcount = rc__be16(bp + 10);
	const uint8_t *cp = bp + DNS_HDRLEN;
	unsigned rcode = flags & 0xf;

	/* The extended rcode lives in an OPT record of the additional section. */
	for (unsigned i = 0; i < qdcount; i++) {
		if (!(cp = ns_nskip(c, cp)))
			goto print;
		cp += 4;
		if (cp >= c->end)
			goto print;
	}
	for (unsigned i = 0; i < ancount + nscount; i++) {
		if (!(cp = ns_nskip(c, cp)))
			goto print;
		cp += 8;
		if (!rc__have(c, cp, 2))
			goto print;
		cp += 2 + rc__be16(cp);
	}
	for (unsigned i = 0; i < arcount; i++) {
		if (!(cp = ns_nskip(c, cp)))
			goto print;
		if (!rc__have(c, cp, 10))
			goto print;
		if (rc__be16(cp) == 41) {
			rcode |= (unsigned)cp[4] << 4;
			goto print;
		}
		cp += 8;
		cp += 2 + rc__be16(cp);
	}
print:
	cp = bp + DNS_HDRLEN;
	if (flags & 0x8000) {
		rc__ob_printf(c->ob, "%u%s", id, ns_ops[(flags >> 11) & 0xf]);
		put_rcode(c->ob, rcode);
		rc__ob_printf(c->ob, "%s%s%s", (flags & 0x0400) ? "*" : "", (flags & 0x0080) ? "" : "-",
			      (flags & 0x0200) ? "|" : "");
		if (qdcount != 1)
			rc__ob_printf(c->ob, " [%uq]", qdcount);
		for (unsigned i = 0; i < qdcount; i++) {
			if (i != 0)
				rc__ob_putc(c->ob, ',');
			if (!(cp = ns_nskip(c, cp)))
				return rc__trunc_soft(c);
			cp += 4;
		}
		rc__ob_printf(c->ob, " %u/%u/%u", ancount, nscount, arcount);
		if (ancount) {
			if (!(cp = ns_rprint(c, cp, bp, is_mdns)))
				return rc__trunc_soft(c);
			ancount--;
			while (cp < c->end && ancount) {
				rc__ob_putc(c->ob, ',');
				if (!(cp = ns_rprint(c, cp, bp, is_mdns)))
					return rc__trunc_soft(c);
				ancount--;
			}
		}
		if (ancount)
			return rc__trunc_soft(c);
	} else {
		rc__ob_printf(c->ob, "%u%s%s%s", id, ns_ops[(flags >> 11) & 0xf],
			      (flags & 0x0100) ? "+" : "", (flags & 0x0010) ? "%" : "");
		if (flags & 0x6cf)
			rc__ob_printf(c->ob, " [b2&3=0x%x]", flags);
		if (((flags >> 11) & 0xf) == 1) {
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
		if (qdcount) {
			if (!(cp = ns_qprint(c, cp, bp, is_mdns)))
				return rc__trunc_soft(c);
			qdcount--;
			while (cp < c->end && qdcount) {
				if (!(cp = ns_qprint(c, cp, bp, is_mdns)))
					return rc__trunc_soft(c);
				qdcount--;
			}
		}
		if (qdcount)
			return rc__trunc_soft(c);
	}
	rc__ob_printf(c->ob, " (%u)", length);
	return 0;
}

const uint8_t *rc__dns_name(rc__pctx *c, const uint8_t *cp, const uint8_t *msg)
{
	return fqdn_print(c, cp, msg);
}

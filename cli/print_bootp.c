/*
 * print_bootp.c - BOOTP/DHCP (RFC 951, RFC 2131/2132) as tcpdump 4.99
 * print-bootp.c: the one-line summary, and with -v the interesting header
 * fields and the RFC 1048 vendor options, one per line.
 *
 *   0  op  1 htype 2 hlen 3 hops 4 xid 8 secs 10 flags 12 ciaddr 16 yiaddr
 *   20 siaddr 24 giaddr 28 chaddr(16) 44 sname(64) 108 file(128) 236 vend
 */
#include "print.h"

/* tcpdump's tag2str: the first character is the value format
 *   i IPv4 addresses, l unsigned / L signed 32-bit, s 16-bit, b decimal
 *   bytes, B booleans, p address pairs, a text, $ special, ' ' no value. */
static const struct {
	uint8_t tag;
	const char *name;
} tags[] = {
	{ 0, " PAD" }, { 1, "iSubnet-Mask" }, { 2, "LTime-Zone" }, { 3, "iDefault-Gateway" },
	{ 4, "iTime-Server" }, { 5, "iIEN-Name-Server" }, { 6, "iDomain-Name-Server" },
	{ 7, "iLOG" }, { 8, "iCS" }, { 9, "iLPR-Server" }, { 10, "iIM" }, { 11, "iRL" },
	{ 12, "aHostname" }, { 13, "sBS" }, { 14, "aDP" }, { 15, "aDomain-Name" },
	{ 16, "iSS" }, { 17, "aRP" }, { 18, "aEP" }, { 19, "BIPF" }, { 20, "BSRT" },
	{ 21, "pPF" }, { 22, "sRSZ" }, { 23, "bTTL" }, { 24, "lMTU-Timeout" },
	{ 25, "sMTU-Table" }, { 26, "sMTU" }, { 27, "BLSN" }, { 28, "iBR" }, { 29, "BMD" },
	{ 30, "BMS" }, { 31, "BRouter-Discovery" }, { 32, "iRSA" }, { 33, "pStatic-Route" },
	{ 34, "BUT" }, { 35, "lAT" }, { 36, "BIE" }, { 37, "bTT" }, { 38, "lKI" },
	{ 39, "BKG" }, { 40, "aYD" }, { 41, "iYS" }, { 42, "iNTP" }, { 43, "bVendor-Option" },
	{ 44, "iNetbios-Name-Server" }, { 45, "iWDD" }, { 46, "$Netbios-Node" },
	{ 47, "aNetbios-Scope" }, { 48, "iXFS" }, { 49, "iXDM" }, { 50, "iRequested-IP" },
	{ 51, "lLease-Time" }, { 52, "$OO" }, { 53, " DHCP-Message" }, { 54, "iServer-ID" },
	{ 55, "bParameter-Request" }, { 56, "aMSG" }, { 57, "sMSZ" }, { 58, "lRN" },
	{ 59, "lRB" }, { 60, "aVendor-Class" }, { 61, "$Client-ID" }, { 64, "sN+D" },
	{ 65, "iN+S" }, { 66, "aTFTP" }, { 67, "aBF" }, { 68, "iMH" }, { 69, "iSMTP" },
	{ 70, "iPOP3" }, { 71, "iNNTP" }, { 72, "iWWW" }, { 73, "iFG" }, { 74, "iIRC" },
	{ 75, "iSTS" }, { 76, "iSTDA" }, { 77, "$User-Class" }, { 78, "bSLP-DA" },
	{ 79, "bSLP-SCOPE" }, { 80, "aSLP-NA" }, { 81, "$FQDN" }, { 82, "$Agent-Information" },
	{ 83, "bARMT" }, { 88, "aTZSTR" }, { 89, "bFQDNS" }, { 90, "bAUTH" },
	{ 91, "LLast-Transaction-Time" }, { 92, "iAssociated-IP" }, { 93, "sARCH" },
	{ 94, "bNDI" }, { 95, "aLDAP" }, { 97, "bGUID" }, { 98, "aUAP" },
	{ 100, "aPOSIX-TZ" }, { 101, "aTZ-Name" }, { 112, "iNI" }, { 113, "aNITAG" },
	{ 114, "aURL" }, { 116, "BNOAUTO" }, { 117, "sNSSEARCH" }, { 118, "iSUBNET" },
	{ 121, "$Classless-Static-Route" }, { 150, "iTFTP-Server-Address" },
	{ 161, "aMUD-URL" }, { 249, "$Classless-Static-Route-Microsoft" }, { 255, " END" },
};

static const char *tag_name(uint8_t tag)
{
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (tags[i].tag == tag)
			return tags[i].name;
	return "?Unknown";
}

/* DHCP message types (RFC 2132 section 9.6, RFC 4388 section 6.1). */
static const char *dhcp_msg(uint8_t t)
{
	static const char *const names[] = { NULL, "Discover", "Offer", "Request", "Decline",
		"ACK", "NACK", "Release", "Inform", NULL, "LeaseQuery", "LeaseUnassigned",
		"LeaseUnknown", "LeaseActive" };
	return t < sizeof(names) / sizeof(names[0]) ? names[t] : NULL;
}

/* nd_printn: len bytes as fn_print_char; 1 if the capture ends first. */
static int print_text(rc__pctx *c, const uint8_t *p, unsigned len)
{
	for (unsigned i = 0; i < len; i++) {
		if (!rc__have(c, p + i, 1))
			return 1;
		rc__put_char(c->ob, p[i]);
	}
	return 0;
}

/* Client identifier (RFC 2132 section 9.14): type 0 is text, others a
 * hardware type and address. */
static void client_id(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	static const char *const hw[] = { [1] = "ether", [6] = "ieee802", [7] = "arcnet",
		[0xf] = "frelay", [0x17] = "strip", [0x18] = "ieee1394" };
	if (len < 1) {
		rc__ob_puts(c->ob, "[ERROR: length < 1 bytes]");
		return;
	}
	uint8_t type = bp[0];
	bp++;
	len--;
	if (type == 0) {
		rc__ob_putc(c->ob, '"');
		print_text(c, bp, len);
		rc__ob_putc(c->ob, '"');
		return;
	}
	if (type < sizeof(hw) / sizeof(hw[0]) && hw[type])
		rc__ob_printf(c->ob, "%s ", hw[type]);
	else
		rc__ob_printf(c->ob, "hardware-type %u, ", type);
	for (unsigned i = 0; i < len; i++)
		rc__ob_printf(c->ob, "%s%02x", i ? ":" : "", bp[i]);
}

/* User class (RFC 3004): length-prefixed instances. */
static void user_class(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	if (len < 2) {
		rc__ob_puts(c->ob, "[ERROR: length < 2 bytes]");
		return;
	}
	for (unsigned n = 1; len > 0; n++) {
		unsigned sub = *bp++;
		len--;
		rc__ob_printf(c->ob, "\n\t      instance#%u: ", n);
		if (sub == 0) {
			rc__ob_puts(c->ob, "[ERROR: suboption length must be non-zero]");
			return;
		}
		if (len < sub) {
			rc__ob_puts(c->ob, "[ERROR: invalid option]");
			return;
		}
		rc__ob_putc(c->ob, '"');
		print_text(c, bp, sub);
		rc__ob_printf(c->ob, "\", length %u", sub);
		bp += sub;
		len -= sub;
	}
}

/* Client FQDN (RFC 4702 section 2): flags, two obsolete RCODE bytes, the
 * name as text. */
static void client_fqdn(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	if (len < 3) {
		rc__ob_puts(c->ob, "[ERROR: length < 3 bytes]");
		return;
	}
	uint8_t flags = bp[0];
	if (flags & 0xf0)
		rc__ob_printf(c->ob, "[ERROR: MBZ nibble 0x%x != 0] ", flags >> 4);
	if (flags & 0x0f) {
		static const char letters[] = "SOEN"; /* bits 0x1, 0x2, 0x4, 0x8 */
		rc__ob_putc(c->ob, '[');
		for (int i = 0; i < 4; i++)
			if (flags & (1 << i))
				rc__ob_putc(c->ob, letters[i]);
		rc__ob_puts(c->ob, "] ");
	}
	if (bp[1] || bp[2])
		rc__ob_printf(c->ob, "%u/%u ", bp[1], bp[2]);
	rc__ob_putc(c->ob, '"');
	print_text(c, bp + 3, len - 3);
	rc__ob_putc(c->ob, '"');
}

/* Relay agent information (RFC 3046 section 2.0, RFC 3993): suboptions
 * as type, length, value; the known ones are text, others hex.  A lone
 * last byte is left over for the caller's "trailing data". */
static unsigned agent_info(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	while (len >= 2) {
		uint8_t sub = bp[0], sublen = bp[1];
		const char *name = sub == 1 ? "Circuit-ID" : sub == 2 ? "Remote-ID"
					 : sub == 6 ? "Subscriber-ID" : "Unknown";
		bp += 2;
		len -= 2;
		rc__ob_printf(c->ob, "\n\t      %s SubOption %u, length %u: ", name, sub, sublen);
		if (sublen > len) {
			rc__ob_puts(c->ob, "length goes past end of option");
			return 0;
		}
		if (sub == 1 || sub == 2 || sub == 6)
			print_text(c, bp, sublen);
		else
			rc__hex_dump(c->ob, "\n\t\t", bp, sublen, 0);
		bp += sublen;
		len -= sublen;
	}
	return len;
}

/* Classless static routes (RFC 3442; option 249 is Microsoft's copy):
 * mask width, the significant destination octets, the router. */
static void classless_routes(rc__pctx *c, const uint8_t *bp, unsigned len)
{
	if (len < 5) {
		rc__ob_puts(c->ob, "[ERROR: length < 5 bytes]");
		return;
	}
	for (int first = 1; len > 0; first = 0) {
		if (!first)
			rc__ob_putc(c->ob, ',');
		unsigned width = *bp++;
		len--;
		if (width > 32) {
			rc__ob_printf(c->ob, "[ERROR: Mask width (%u) > 32]", width);
			return;
		}
		unsigned sig = (width + 7) / 8;
		if (len < sig + 4) {
			rc__ob_printf(c->ob, "[ERROR: Remaining length (%u) < %u bytes]", len, sig + 4);
			return;
		}
		rc__ob_putc(c->ob, '(');
		if (width == 0) {
			rc__ob_puts(c->ob, "default");
		} else {
			for (unsigned i = 0; i < 4; i++)
				rc__ob_printf(c->ob, i ? ".%u" : "%u", i < sig ? bp[i] : 0);
			rc__ob_printf(c->ob, "/%u", width);
		}
		rc__ob_putc(c->ob, ':');
		rc__put_ip4(c->ob, bp + sig);
		rc__ob_putc(c->ob, ')');
		bp += sig + 4;
		len -= sig + 4;
	}
}

/* tcpdump's '$' options; returns what is left over. */
static unsigned print_special(rc__pctx *c, uint8_t tag, const uint8_t *bp, unsigned len)
{
	static const char *const node[9] = { [1] = "b-node", [2] = "p-node", [4] = "m-node",
		[8] = "h-node" };
	static const char *const overload[4] = { NULL, "file", "sname", "file+sname" };
	switch (tag) {
	case 46: /* NetBIOS node type */
	case 52: /* option overload */
		if (len < 1) {
			rc__ob_puts(c->ob, "[ERROR: length < 1 bytes]");
			return 0;
		}
		{
			const char *n = tag == 46 ? (*bp < 9 ? node[*bp] : NULL)
						  : (*bp < 4 ? overload[*bp] : NULL);
			if (n) /* tok2str's fallback without a format */
				rc__ob_puts(c->ob, n);
			else
				rc__ob_printf(c->ob, "#%u", *bp);
		}
		return len - 1;
	case 61:
		client_id(c, bp, len);
		return 0;
	case 77:
		user_class(c, bp, len);
		return 0;
	case 81:
		client_fqdn(c, bp, len);
		return 0;
	case 82:
		return agent_info(c, bp, len);
	case 121:
	case 249:
		classless_routes(c, bp, len);
		return 0;
	default:
		rc__ob_printf(c->ob, "[unknown special tag %u, size %u]", tag, len);
		return 0;
	}
}

/* The option value (all len bytes are captured); returns what is left over. */
static unsigned print_value(rc__pctx *c, uint8_t tag, char fmt, const uint8_t *bp, unsigned len)
{
	int first = 1;
	if (fmt == '?') /* unknown tags: a format from the length, as tcpdump */
		fmt = (len & 1) ? 'b' : (len & 2) ? 's' : 'l';
	switch (fmt) {
	case 'a':
		rc__ob_putc(c->ob, '"');
		print_text(c, bp, len);
		rc__ob_putc(c->ob, '"');
		return 0;
	case 'i':
	case 'l':
	case 'L':
		for (; len >= 4; bp += 4, len -= 4, first = 0) {
			if (!first)
				rc__ob_putc(c->ob, ',');
			if (fmt == 'i')
				rc__put_ip4(c->ob, bp);
			else if (fmt == 'L')
				rc__ob_printf(c->ob, "%d", (int32_t)rc__be32(bp));
			else
				rc__ob_printf(c->ob, "%u", rc__be32(bp));
		}
		return len;
	case 'p':
		for (; len >= 8; bp += 8, len -= 8, first = 0) {
			rc__ob_puts(c->ob, first ? "(" : ",(");
			rc__put_ip4(c->ob, bp);
			rc__ob_putc(c->ob, ':');
			rc__put_ip4(c->ob, bp + 4);
			rc__ob_putc(c->ob, ')');
		}
		return len;
	case 's':
		for (; len >= 2; bp += 2, len -= 2, first = 0)
			rc__ob_printf(c->ob, "%s%u", first ? "" : ",", rc__be16(bp));
		return len;
	case 'B':
		for (; len > 0; bp++, len--, first = 0) {
			if (!first)
				rc__ob_putc(c->ob, ',');
			if (*bp <= 1)
				rc__ob_putc(c->ob, *bp ? 'Y' : 'N');
			else
				rc__ob_printf(c->ob, "%u?", *bp);
		}
		return 0;
	case '$':
		return print_special(c, tag, bp, len);
	default: /* 'b' */
		for (; len > 0; bp++, len--, first = 0)
			rc__ob_printf(c->ob, "%s%u", first ? "" : ".", *bp);
		return 0;
	}
}

/* -vvv shows a run of PAD options as one, with its count. */
static const uint8_t *pad_run(rc__pctx *c, const uint8_t *bp)
{
	unsigned n = 1;
	while (rc__have(c, bp, 1) && *bp == 0) {
		bp++;
		n++;
	}
	if (n > 1)
		rc__ob_printf(c->ob, ", occurs %u", n);
	return bp;
}

/* rfc1048_print: the options after the magic cookie, up to the snapend.
 * Below -vvv tcpdump skips PAD and stops at END (RFC 2132 section 3);
 * with -vvv it prints both as options and goes on past END. */
static int rfc1048(rc__pctx *c, const uint8_t *bp)
{
	int all = c->o->vflag > 2;
	rc__ob_printf(c->ob, "\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x%08x",
		      rc__be32(bp));
	bp += 4;
	while (rc__have(c, bp, 1)) {
		uint8_t tag = *bp++;
		if ((tag == 0 || tag == 255) && !all) {
			if (tag == 255)
				return 0;
			continue;
		}
		const char *cp = tag_name(tag);
		char fmt = *cp++;
		unsigned len = 0;
		if (tag != 0 && tag != 255) {
			RC_NEED(c, bp, 1);
			len = *bp++;
		}
		rc__ob_printf(c->ob, "\n\t    %s (%u), length %u%s", cp, tag, len, len ? ": " : "");
		if (tag == 0)
			bp = pad_run(c, bp);
		RC_NEED_SOFT(c, bp, len);
		if (tag == 53 && len == 1) {
			const char *m = dhcp_msg(*bp);
			if (m)
				rc__ob_puts(c->ob, m);
			else
				rc__ob_printf(c->ob, "Unknown (%u)", *bp);
			bp++;
			continue;
		}
		if (tag == 55) {
			for (unsigned i = 0; i < len; i++) {
				const char *n = tag_name(bp[i]);
				rc__ob_puts(c->ob, i % 4 == 0 ? "\n\t      " : ", ");
				rc__ob_printf(c->ob, "%s (%u)", n + 1, bp[i]);
			}
			bp += len;
			continue;
		}
		unsigned left = print_value(c, tag, fmt, bp, len);
		if (left)
			rc__ob_printf(c->ob, "\n\t  trailing data length %u", left);
		bp += len;
	}
	return 0;
}

/* CMU's vendor area (tcpdump cmu_print): flags, then the non-zero
 * addresses on the same line.  tcpdump tests only the first flags byte. */
static int cmu_vendor(rc__pctx *c, const uint8_t *vp)
{
	static const struct {
		unsigned off;
		const char *label;
	} addrs[] = { { 12, "DG" }, { 8, NULL }, { 16, "NS1" }, { 20, "NS2" },
		      { 24, "IEN1" }, { 28, "IEN2" }, { 32, "TS1" }, { 36, "TS2" } };
	rc__ob_puts(c->ob, " vend-cmu");
	RC_NEED_SOFT(c, vp + 4, 4);
	uint8_t flags = vp[4];
	if (flags & ~1u)
		rc__ob_printf(c->ob, " F:0x%x", flags);
	for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		const uint8_t *a = vp + addrs[i].off;
		RC_NEED_SOFT(c, a, 4);
		if (!rc__be32(a))
			continue;
		/* the subnet mask is starred unless the flags say it is valid */
		rc__ob_printf(c->ob, " %s:", addrs[i].label ? addrs[i].label
							 : (flags & 1) ? "SM" : "SM*");
		rc__put_ip4(c->ob, a);
	}
	return 0;
}

/* The -v part of bootp_print, after ", length N". */
static int bootp_verbose(rc__pctx *c, const uint8_t *bp)
{
	static const char *const addrs[] = { "Client-IP", "Your-IP", "Server-IP", "Gateway-IP" };
	uint8_t htype = bp[1], hlen = bp[2];
	/* tcpdump checks secs and returns (soft); every later field is read
	 * with GET_ macros that unwind (hard), which -x shows. */
	RC_NEED_SOFT(c, bp + 8, 2);
	if (htype != 1)
		rc__ob_printf(c->ob, ", htype %u", htype);
	if (htype != 1 || hlen != 6)
		rc__ob_printf(c->ob, ", hlen %u", hlen);
	if (bp[3])
		rc__ob_printf(c->ob, ", hops %u", bp[3]);
	if (rc__be32(bp + 4))
		rc__ob_printf(c->ob, ", xid 0x%x", rc__be32(bp + 4));
	if (rc__be16(bp + 8))
		rc__ob_printf(c->ob, ", secs %u", rc__be16(bp + 8));
	RC_NEED(c, bp + 10, 2);
	uint16_t flags = rc__be16(bp + 10);
	rc__ob_printf(c->ob, ", Flags [%s]", (flags & 0x8000) ? "Broadcast" : "none");
	if (c->o->vflag > 1)
		rc__ob_printf(c->ob, " (0x%04x)", flags);
	for (int i = 0; i < 4; i++) {
		const uint8_t *a = bp + 12 + 4 * i;
		RC_NEED(c, a, 4);
		if (rc__be32(a)) {
			rc__ob_printf(c->ob, "\n\t  %s ", addrs[i]);
			rc__put_ip4(c->ob, a);
		}
	}
	if (htype == 1 && hlen == 6) {
		RC_NEED(c, bp + 28, 6);
		rc__ob_puts(c->ob, "\n\t  Client-Ethernet-Address ");
		rc__put_mac(c->ob, bp + 28);
	}
	/* sname and file: NUL-terminated text within their fields.  tcpdump's
	 * nd_printztn treats a field without a NUL like a cut one. */
	static const struct {
		unsigned off, size;
		const char *label;
	} strs[] = { { 44, 64, "sname" }, { 108, 128, "file" } };
	for (int i = 0; i < 2; i++) {
		const uint8_t *s = bp + strs[i].off;
		RC_NEED(c, s, 1);
		if (!s[0])
			continue;
		rc__ob_printf(c->ob, "\n\t  %s \"", strs[i].label);
		unsigned k = 0;
		for (; k < strs[i].size && rc__have(c, s + k, 1) && s[k]; k++)
			rc__put_char(c->ob, s[k]);
		rc__ob_putc(c->ob, '"');
		if (k == strs[i].size || !rc__have(c, s + k, 1))
			return rc__trunc_soft(c);
	}
	RC_NEED_SOFT(c, bp + 236, 4); /* ND_TCHECK_4(bp_vend) */
	uint32_t magic = rc__be32(bp + 236);
	if (magic == 0x63825363)
		return rfc1048(c, bp + 236);
	if (magic == 0x434d5500) /* "CMU\0" */
		return cmu_vendor(c, bp + 236);
	if (magic != 0)
		rc__ob_printf(c->ob, "\n\t  Vendor-#0x%x", magic);
	return 0;
}

int rc__print_bootp(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "bootp";
	RC_NEED(c, bp, 1);
	uint8_t op = bp[0];
	if (op == 1)
		rc__ob_puts(c->ob, "BOOTP/DHCP, Request");
	else if (op == 2)
		rc__ob_puts(c->ob, "BOOTP/DHCP, Reply");
	else
		rc__ob_printf(c->ob, "BOOTP/DHCP, unknown (0x%02x)", op);
	RC_NEED(c, bp, 3);
	if (bp[1] == 1 && bp[2] == 6 && op == 1) {
		RC_NEED(c, bp + 28, 6);
		rc__ob_puts(c->ob, " from ");
		rc__put_mac(c->ob, bp + 28);
	}
	rc__ob_printf(c->ob, ", length %u", length);
	if (!c->o->vflag)
		return 0;
	return bootp_verbose(c, bp);
}

/*
 * print_pppcp.c - PPP control protocols (RFC 1661 section 5) as tcpdump
 * 4.99 print-ppp.c prints them: LCP, IPCP (RFC 1332, 1877, 3544), IP6CP
 * (RFC 5072), CCP (RFC 1962) and BACP (RFC 2125) share one packet format
 *
 *   0 code  1 identifier  2 length (2 bytes)  4 data
 *
 * and, for the Configure codes, one option format (type, length, value).
 * The summary is "NAME, CODE (0xNN), id N, length N"; -v adds the encoded
 * length and the code's data, -vv hex dumps of the header and each option.
 *
 * tcpdump reads some fields past the option or packet it is in (the
 * Identification message, CHAP's algorithm byte of a 4-byte Auth-Prot
 * option); those reads are kept, bounded by the capture like tcpdump's.
 */
#include "print_ppp.h"

#define PPP_LCP 0xc021
#define PPP_IPCP 0x8021
#define PPP_IPV6CP 0x8057
#define PPP_CCP 0x80fd
#define PPP_BACP 0xc02b

/* What an option's value printer tells the option list walker. */
enum {
	OPT_DONE,      /* value printed: its hex dump follows at -vv */
	OPT_RAW,       /* not decoded: its hex dump follows at any -v level */
	OPT_SKIP,      /* bogus length noted: go on with the next option */
	OPT_STOP       /* bogus length noted or cut: end the list */
};

/* tcpdump's option length checks: 1 when len is want (at least want),
 * else 0 with its "length bogus" note. */
static int len_is(rc__pctx *c, unsigned len, unsigned want)
{
	if (len == want)
		return 1;
	rc__ob_printf(c->ob, " (length bogus, should be = %u)", want);
	return 0;
}

static int len_min(rc__pctx *c, unsigned len, unsigned want)
{
	if (len >= want)
		return 1;
	rc__ob_printf(c->ob, " (length bogus, should be >= %u)", want);
	return 0;
}

/* ---- LCP options (RFC 1661 section 6, RFC 1570, RFC 1990) ---- */

static const char *const lcp_opt_names[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC",
	"ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)",
	"deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
	"DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
	"Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
};

static const char *lcp_opt_name(unsigned opt)
{
	return opt < sizeof(lcp_opt_names) / sizeof(lcp_opt_names[0]) ? lcp_opt_names[opt] : NULL;
}

/* Auth-Prot (3): the protocol, CHAP's algorithm byte (read even when the
 * option ends before it, as tcpdump does), a dump of unknown ones. */
static int lcp_auth(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const rc__ppp_tok algs[] = { { 5, "MD5" }, { 128, "MS-CHAPv1" }, { 129, "MS-CHAPv2" } };
	RC_NEED(c, p + 2, 2);
	unsigned proto = rc__be16(p + 2);
	const char *name = rc__ppp_proto_name(proto);
	/* tcpdump's format here lacks its '%': the text comes out as is */
	rc__ob_printf(c->ob, ": %s", name ? name : "Unknown Auth Proto (0x04x)");
	switch (proto) {
	case 0xc223:
		RC_NEED(c, p + 4, 1);
		name = RC_PPP_TOK(algs, p[4], NULL);
		if (name)
			rc__ob_printf(c->ob, ", %s", name);
		else
			rc__ob_printf(c->ob, ", Unknown Auth Alg %u", p[4]);
		return OPT_DONE;
	case 0xc023: /* PAP, EAP, SPAP and old SPAP: the name says it all */
	case 0xc227:
	case 0xc027:
	case 0xc123:
		return OPT_DONE;
	default:
		rc__unknown_data(c, p, "\n\t", len);
		return OPT_DONE;
	}
}

/* Endpoint discriminator (19, RFC 1990 section 5.1.3) by its class. */
static int lcp_end_disc(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char *const classes[] = { "Null", "Local", NULL, NULL, "Magic-Num-Block",
					       "PSNDN" };
	RC_NEED(c, p + 2, 1);
	unsigned cls = p[2];
	if (cls == 2 || cls == 3) {
		unsigned want = cls == 2 ? 7 : 9;
		if (!len_is(c, len, want))
			return OPT_STOP;
		RC_NEED(c, p + 3, want - 3);
		rc__ob_puts(c->ob, cls == 2 ? ": IPv4 " : ": MAC ");
		if (cls == 2)
			rc__put_ip4(c->ob, p + 3);
		else
			rc__put_mac(c->ob, p + 3);
	} else if (cls < sizeof(classes) / sizeof(classes[0])) {
		rc__ob_printf(c->ob, ": %s", classes[cls]);
	} else {
		rc__ob_printf(c->ob, ": Unknown class %u", cls);
	}
	return OPT_DONE;
}

/* A value of exactly want bytes (2 or 4) printed with fmt; a wrong
 * length goes on to the next option or ends the list, as tcpdump's
 * checks for that option do. */
static int lcp_fixed(rc__pctx *c, const uint8_t *p, unsigned len, unsigned want, const char *fmt,
		     int bad)
{
	if (!len_is(c, len, want + 2))
		return bad;
	RC_NEED(c, p + 2, want);
	rc__ob_printf(c->ob, fmt, want == 2 ? rc__be16(p + 2) : rc__be32(p + 2));
	return OPT_DONE;
}

static int lcp_value(rc__pctx *c, const uint8_t *p, unsigned opt, unsigned len)
{
	static const rc__ppp_tok callback[] = { { 0, "UserAuth" }, { 1, "DialString" }, { 2, "LocalID" },
					{ 3, "E.164" },    { 4, "X.500" },      { 6, "CBCP" } };
	switch (opt) {
	case 0: { /* RFC 2153 vendor extension */
		if (!len_min(c, len, 6))
			return OPT_SKIP;
		RC_NEED(c, p + 2, 3);
		const char *org = rc__oui_name(rc__be24(p + 2));
		rc__ob_printf(c->ob, ": Vendor: %s (%u)", org ? org : "Unknown", rc__be24(p + 2));
		return OPT_DONE;
	}
	case 1:
		return lcp_fixed(c, p, len, 2, ": %u", OPT_SKIP);
	case 2:
		return lcp_fixed(c, p, len, 4, ": 0x%08x", OPT_SKIP);
	case 3:
		if (!len_min(c, len, 4))
			return OPT_SKIP;
		return lcp_auth(c, p, len);
	case 4:
		if (!len_min(c, len, 4))
			return OPT_STOP;
		RC_NEED(c, p + 2, 2);
		rc__ob_puts(c->ob, rc__be16(p + 2) == 0xc025 ? ": LQR" : ": unknown");
		return OPT_DONE;
	case 5:
		return lcp_fixed(c, p, len, 4, ": 0x%08x", OPT_STOP);
	case 7: /* PFC and ACFC have no value */
	case 8:
		return OPT_DONE;
	case 13:
		if (!len_min(c, len, 3))
			return OPT_STOP;
		RC_NEED(c, p + 2, 1);
		/* tcpdump prints the ": " twice */
		rc__ob_printf(c->ob, ": : Callback Operation %s (%u)",
			      RC_PPP_TOK(callback, p[2], "Unknown"), p[2]);
		return OPT_DONE;
	case 17:
		return lcp_fixed(c, p, len, 2, ": %u", OPT_STOP);
	case 19:
		if (!len_min(c, len, 3))
			return OPT_STOP;
		return lcp_end_disc(c, p, len);
	case 23:
		return lcp_fixed(c, p, len, 2, ": 0x%04x", OPT_STOP);
	default:
		return OPT_RAW;
	}
}

/* ---- IPCP options (RFC 1332 section 3, RFC 1877, RFC 3544) ---- */

static const rc__ppp_tok ipcp_opt_names[] = {
	{ 1, "IP-Addrs" },  { 2, "IP-Comp" },   { 3, "IP-Addr" },  { 4, "Home-Addr" },
	{ 129, "Pri-DNS" }, { 130, "Pri-NBNS" }, { 131, "Sec-DNS" }, { 132, "Sec-NBNS" },
};

#define IPCP_HC_MINLEN 14 /* RFC 3544 section 2.1 up to the suboptions */

/* RFC 3544 IP header compression suboptions after the fixed part. */
static int ipcp_hc_subopts(rc__pctx *c, const uint8_t *p, unsigned total, unsigned *used)
{
	static const rc__ppp_tok names[] = { { 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" } };
	rc__ob_printf(c->ob, "\n\t      Suboptions, length %u", total);
	while (total >= 2) {
		if (!rc__have(c, p + *used, 2)) {
			rc__ob_puts(c->ob, "[|ipcp]");
			return OPT_STOP;
		}
		unsigned sub = p[*used], sublen = p[*used + 1];
		if (sub == 0 || sublen == 0)
			break;
		rc__ob_printf(c->ob, "\n\t\t%s Suboption #%u, length %u",
			      RC_PPP_TOK(names, sub, "Unknown"), sub, sublen);
		if (total < sublen) {
			rc__ob_printf(c->ob, " [remaining suboptions length %u < %u] (invalid)", total,
				      sublen);
			break;
		}
		total -= sublen;
		*used += sublen;
	}
	return OPT_DONE;
}

/* IP-Comp (2).  *dump_at moves past the parameters tcpdump walked, as
 * its -vv dump starts there. */
static int ipcp_comp(rc__pctx *c, const uint8_t *p, unsigned len, unsigned *dump_at)
{
	static const rc__ppp_tok protos[] = { { 0x002d, "VJ-Comp" }, { 0x61, "IP Header Compression" } };
	if (!len_min(c, len, 4))
		return OPT_STOP;
	RC_NEED(c, p + 2, 2);
	unsigned proto = rc__be16(p + 2);
	rc__ob_printf(c->ob, ": %s (0x%02x):", RC_PPP_TOK(protos, proto, "Unknown"), proto);
	if (proto != 0x61)
		return OPT_DONE;
	if (!len_min(c, len, IPCP_HC_MINLEN))
		return OPT_STOP;
	if (!rc__have(c, p + 2, IPCP_HC_MINLEN)) {
		rc__ob_puts(c->ob, "[|ipcp]");
		return OPT_STOP;
	}
	rc__ob_printf(c->ob,
		      "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
		      rc__be16(p + 4), rc__be16(p + 6), rc__be16(p + 8), rc__be16(p + 10),
		      rc__be16(p + 12));
	if (len == IPCP_HC_MINLEN)
		return OPT_DONE;
	*dump_at = IPCP_HC_MINLEN;
	return ipcp_hc_subopts(c, p, len - IPCP_HC_MINLEN, dump_at);
}

static int ipcp_value(rc__pctx *c, const uint8_t *p, unsigned opt, unsigned len,
		      unsigned *dump_at)
{
	switch (opt) {
	case 1: /* RFC 1172's pair, deprecated */
		if (!len_is(c, len, 10))
			return OPT_SKIP;
		RC_NEED(c, p + 2, 8);
		rc__ob_puts(c->ob, ": src ");
		rc__put_ip4(c->ob, p + 2);
		rc__ob_puts(c->ob, ", dst ");
		rc__put_ip4(c->ob, p + 6);
		return OPT_DONE;
	case 2:
		return ipcp_comp(c, p, len, dump_at);
	case 3:
	case 4:
	case 129:
	case 130:
	case 131:
	case 132:
		if (!len_is(c, len, 6))
			return OPT_STOP;
		RC_NEED(c, p + 2, 4);
		rc__ob_puts(c->ob, ": ");
		rc__put_ip4(c->ob, p + 2);
		return OPT_DONE;
	default:
		return OPT_RAW;
	}
}

/* ---- IP6CP, CCP and BACP options ---- */

static int ip6cp_value(rc__pctx *c, const uint8_t *p, unsigned opt, unsigned len)
{
	if (opt != 1)
		return OPT_RAW;
	if (!len_is(c, len, 10))
		return OPT_SKIP;
	if (!rc__have(c, p + 2, 8)) {
		rc__ob_puts(c->ob, "[|ip6cp]");
		return OPT_STOP;
	}
	rc__ob_printf(c->ob, ": %04x:%04x:%04x:%04x", rc__be16(p + 2), rc__be16(p + 4),
		      rc__be16(p + 6), rc__be16(p + 8));
	return OPT_DONE;
}

static const rc__ppp_tok ccp_opt_names[] = {
	{ 0, "OUI" },       { 1, "Pred-1" },    { 2, "Pred-2" },    { 3, "Puddle" },
	{ 16, "HP-PPC" },   { 17, "Stac-LZS" }, { 18, "MPPC" },     { 19, "Gand-FZA" },
	{ 20, "V.42bis" },  { 21, "BSD-Comp" }, { 23, "LZS-DCP" },  { 24, "MVRCA" },
	{ 25, "DEC" },      { 26, "Deflate" },  { 255, "Reserved" },
};

static int ccp_value(rc__pctx *c, const uint8_t *p, unsigned opt, unsigned len)
{
	unsigned want = opt == 21 ? 3 : 4;
	if (opt != 21 && opt != 24 && opt != 26)
		return OPT_RAW;
	if (!len_min(c, len, want))
		return OPT_SKIP;
	RC_NEED(c, p + 2, want - 2);
	uint8_t b = p[2];
	if (opt == 21) /* RFC 1977 section 2.1 */
		rc__ob_printf(c->ob, ": Version: %u, Dictionary Bits: %u", b >> 5, b & 0x1f);
	else if (opt == 24) /* RFC 1975 */
		rc__ob_printf(c->ob, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u",
			      (b & 0xc0) >> 6, (b & 0x20) ? "Enabled" : "Disabled", b & 0x1f, p[3]);
	else /* RFC 1979 section 2 */
		rc__ob_printf(c->ob, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u",
			      (b & 0xf0) >> 4, (b & 0x0f) == 8 ? "zlib" : "unknown", b & 0x0f,
			      (p[3] & 0xfc) >> 2, p[3] & 0x03);
	return OPT_DONE;
}

static int bacp_value(rc__pctx *c, const uint8_t *p, unsigned opt, unsigned len)
{
	if (opt != 1) /* Favored-Peer, RFC 2125 section 4.1 */
		return OPT_RAW;
	if (!len_is(c, len, 6))
		return OPT_SKIP;
	RC_NEED(c, p + 2, 4);
	rc__ob_printf(c->ob, ": Magic-Num 0x%08x", rc__be32(p + 2));
	return OPT_DONE;
}

/* ---- the option list ---- */

/* The option at p as tcpdump's print_*_config_options: its length to
 * advance by, 0 to end the list, or RC_PRINT_TRUNC.  limit is the whole
 * list's encoded length, which tcpdump checks each option against. */
static int option(rc__pctx *c, unsigned proto, const uint8_t *p, unsigned limit)
{
	static const rc__ppp_tok bacp_names[] = { { 1, "Favored-Peer" } };
	static const rc__ppp_tok ip6cp_names[] = { { 1, "Interface-ID" } };
	const char *cut = proto == PPP_LCP ? "lcp" : proto == PPP_IPCP ? "ipcp"
					      : proto == PPP_IPV6CP ? "ip6cp"
					      : proto == PPP_CCP ? "ccp" : "bacp";
	if (limit < 2)
		return 0;
	if (!rc__have(c, p, 2)) {
		rc__ob_printf(c->ob, "[|%s]", cut);
		return 0;
	}
	unsigned opt = p[0], len = p[1];
	if (limit < len)
		return 0;
	const char *name = proto == PPP_LCP     ? lcp_opt_name(opt)
			   : proto == PPP_IPCP  ? RC_PPP_TOK(ipcp_opt_names, opt, "unknown")
			   : proto == PPP_IPV6CP ? RC_PPP_TOK(ip6cp_names, opt, "unknown")
			   : proto == PPP_CCP   ? RC_PPP_TOK(ccp_opt_names, opt, "Unknown")
						: RC_PPP_TOK(bacp_names, opt, "Unknown");
	if (!name) { /* LCP alone has no name for unknown options */
		rc__ob_printf(c->ob, "\n\tunknown LCP option 0x%02x", opt);
		return len < 2 ? 0 : (int)len;
	}
	rc__ob_printf(c->ob, "\n\t  %s Option (0x%02x), length %u", name, opt, len);
	if (len < 2) {
		rc__ob_puts(c->ob, " (length bogus, should be >= 2)");
		return 0;
	}
	unsigned dump_at = 0;
	int r = proto == PPP_LCP      ? lcp_value(c, p, opt, len)
		: proto == PPP_IPCP   ? ipcp_value(c, p, opt, len, &dump_at)
		: proto == PPP_IPV6CP ? ip6cp_value(c, p, opt, len)
		: proto == PPP_CCP    ? ccp_value(c, p, opt, len)
				      : bacp_value(c, p, opt, len);
	if (r < 0)
		return r;
	if (r == OPT_STOP)
		return 0;
	if (r == OPT_RAW || (r == OPT_DONE && c->o->vflag > 1))
		rc__unknown_data(c, p + dump_at + 2, "\n\t    ", len - 2);
	return (int)len;
}

/* Configure-Request/Ack/Nak/Reject options, len - 4 bytes of them. */
static int options(rc__pctx *c, unsigned proto, const uint8_t *p, unsigned len)
{
	unsigned left = len - 4;
	if (proto != PPP_LCP && proto != PPP_IPCP && proto != PPP_IPV6CP && proto != PPP_CCP &&
	    proto != PPP_BACP)
		return 0; /* OSICP, MPLSCP: no option printer */
	do {
		int adv = option(c, proto, p, len);
		if (adv <= 0)
			return adv;
		if (left < (unsigned)adv) {
			rc__ob_printf(c->ob, " [remaining options length %u < %u] (invalid)", left,
				      adv);
			return 0;
		}
		left -= (unsigned)adv;
		p += adv;
	} while (left != 0);
	return 0;
}

/* ---- the packet ---- */

static const rc__ppp_tok cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" },
	{ 3, "Conf-Nack" },        { 4, "Conf-Reject" },  { 5, "Term-Request" },
	{ 6, "Term-Ack" },         { 7, "Code-Reject" },  { 8, "Prot-Reject" },
	{ 9, "Echo-Request" },     { 10, "Echo-Reply" },  { 11, "Disc-Req" },
	{ 12, "Ident" },           { 13, "Time-Rem" },    { 14, "Reset-Req" },
	{ 15, "Reset-Ack" },
};

/* Protocol-Reject (RFC 1661 section 5.7): the protocol, the packet dumped. */
static int prot_reject(rc__pctx *c, const uint8_t *d, unsigned len)
{
	RC_NEED(c, d, 2);
	const char *name = rc__ppp_proto_name(rc__be16(d));
	rc__ob_printf(c->ob, "\n\t  Rejected %s Protocol (0x%04x)", name ? name : "unknown",
		      rc__be16(d));
	if (len > 6) {
		rc__ob_puts(c->ob, "\n\t  Rejected Packet");
		/* tcpdump's length counts the 4 header bytes in: the capture ends it */
		rc__unknown_data(c, d + 2, "\n\t    ", len - 2);
	}
	return 0;
}

/* Echo, Discard (RFC 1661 5.8, 5.9) and Identification (RFC 1570 2.1):
 * the magic number, then the data as hex or the message as text. */
static int magic_data(rc__pctx *c, const char *typestr, unsigned code, const uint8_t *d,
		      unsigned len)
{
	RC_NEED(c, d, 4);
	rc__ob_printf(c->ob, "\n\t  Magic-Num 0x%08x", rc__be32(d));
	if (len <= 8)
		return 0;
	if (code != 12) {
		rc__ob_puts(c->ob, "\n\t  -----trailing data-----");
		if (!rc__have(c, d + 4, len - 8)) {
			rc__ob_printf(c->ob, "[|%s]", typestr);
			return 0;
		}
		return rc__unknown_data(c, d + 4, "\n\t  ", len - 8);
	}
	rc__ob_puts(c->ob, "\n\t  Message\n\t    ");
	/* tcpdump prints len - 4 bytes from here, 4 past the packet, and
	 * marks a cut one with its own "[|NAME]" */
	for (unsigned i = 0; i < len - 4; i++) {
		if (!rc__have(c, d + 4 + i, 1)) {
			rc__ob_printf(c->ob, "[|%s]", typestr);
			return 0;
		}
		rc__put_char(c->ob, d[4 + i]);
	}
	return 0;
}

/* -v: the data of code, len bytes in all (header included), d after the
 * header; p is the packet, whose first bytes -vv dumps. */
static int cp_data(rc__pctx *c, unsigned proto, const char *typestr, unsigned code,
		   const uint8_t *p, unsigned len)
{
	const uint8_t *d = p + 4;
	switch (code) {
	case 0: { /* RFC 2153 */
		if (len < 11)
			return 0;
		RC_NEED(c, d, 4);
		rc__ob_printf(c->ob, "\n\t  Magic-Num 0x%08x", rc__be32(d));
		RC_NEED(c, d + 4, 3);
		const char *org = rc__oui_name(rc__be24(d + 4));
		rc__ob_printf(c->ob, " Vendor: %s (%u)", org ? org : "Unknown", rc__be24(d + 4));
		return 0;
	}
	case 1:
	case 2:
	case 3:
	case 4:
		return options(c, proto, d, len);
	case 5: /* Terminate and Code-Reject data: not decoded by tcpdump */
	case 6:
	case 7:
		return 0;
	case 8:
		return len < 6 ? 0 : prot_reject(c, d, len);
	case 9:
	case 10:
	case 11:
	case 12:
		return len < 8 ? 0 : magic_data(c, typestr, code, d, len);
	case 13: /* RFC 1570 section 2.2 */
		if (len < 12)
			return 0;
		RC_NEED(c, d, 4);
		rc__ob_printf(c->ob, "\n\t  Magic-Num 0x%08x", rc__be32(d));
		RC_NEED(c, d + 4, 4);
		rc__ob_printf(c->ob, ", Seconds-Remaining %us", rc__be32(d + 4));
		return 0;
	default:
		/* tcpdump dumps from the protocol field, unless -vv did */
		if (c->o->vflag <= 1)
			rc__unknown_data(c, p - 2, "\n\t  ", len + 2);
		return 0;
	}
}

int rc__ppp_ctrl(rc__pctx *c, unsigned proto, const uint8_t *p, uint32_t length)
{
	const char *typestr = rc__ppp_proto_name(proto);
	rc__ob_printf(c->ob, "%s, ", typestr);
	if (length < 4 || !rc__have(c, p, 2)) {
		rc__ob_printf(c->ob, "[|%s]", typestr);
		return 0;
	}
	unsigned code = p[0];
	rc__ob_printf(c->ob, "%s (0x%02x), id %u, length %u",
		      RC_PPP_TOK(cp_codes, code, "Unknown Opcode"), code, p[1], length + 2);
	if (!c->o->vflag)
		return 0;
	RC_NEED(c, p + 2, 2);
	unsigned len = rc__be16(p + 2);
	if (len < 4) {
		rc__ob_printf(c->ob, "\n\tencoded length %u (< 4))", len);
		return 0;
	}
	if (len > length) {
		rc__ob_printf(c->ob, "\n\tencoded length %u (> packet length %u))", len, length);
		return 0;
	}
	rc__ob_printf(c->ob, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (len == 4)
		return 0;
	if (c->o->vflag > 1) /* the protocol field and the header */
		rc__unknown_data(c, p - 2, "\n\t", 6);
	return cp_data(c, proto, typestr, code, p, len);
}

/*
 * print_dhcp6.c - DHCPv6 (UDP ports 546/547; RFC 8415 and the option RFCs
 * tcpdump names) as tcpdump 4.99 print-dhcp6.c prints it: the message type,
 * and with -v the transaction id or the relay addresses followed by the
 * options, relay messages nested inside their relay-forward/relay-reply.
 *
 *   client/server: | type | xid(3) | options...
 *   relay:         | type | hop count | link address(16) | peer address(16) | options...
 *   option:        | code(2) | length(2) | data...
 *
 * tcpdump bounds the option walk by the UDP length and the capture
 * together; an option that does not fit prints " [|dhcp6]" and ends that
 * option list only (an enclosing option still closes its parenthesis).
 * The reads it makes through its GET macros against the capture alone
 * (relay addresses, names running past their option) unwind instead.
 */
#include "print.h"
#include "print_dns.h"

/* Option walk results: go on, or the list ended at tcpdump's "goto trunc"
 * (its marker already printed); unwinding is RC_PRINT_TRUNC. */
#define OPT_NEXT 0
#define OPT_STOP 1

enum {
	MSG_RENEW = 5,
	MSG_INFORM_REQ = 11,
	MSG_RELAY_FORW = 12,
	MSG_RELAY_REPLY = 13,
};

static const char *const msg_names[] = {
	NULL,      "solicit",     "advertise", "request",   "confirm",     "renew",
	"rebind",  "reply",       "release",   "decline",   "reconfigure", "inf-req",
	"relay-fwd", "relay-reply", "leasequery", "leasequery-reply",
};

/* tcpdump 4.99.3's option names; 59 and 136 came later. */
static const struct {
	uint16_t code;
	const char *name;
} opt_names[] = {
	{1, "client-ID"},           {2, "server-ID"},             {3, "IA_NA"},
	{4, "IA_TA"},               {5, "IA_ADDR"},               {6, "option-request"},
	{7, "preference"},          {8, "elapsed-time"},          {9, "relay-message"},
	{11, "authentication"},     {12, "server-unicast"},       {13, "status-code"},
	{14, "rapid-commit"},       {15, "user-class"},           {16, "vendor-class"},
	{17, "vendor-specific-info"}, {18, "interface-ID"},       {19, "reconfigure-message"},
	{20, "reconfigure-accept"}, {21, "SIP-servers-domain"},   {22, "SIP-servers-address"},
	{23, "DNS-server"},         {24, "DNS-search-list"},      {25, "IA_PD"},
	{26, "IA_PD-prefix"},       {27, "NIS-server"},           {28, "NIS+-server"},
	{29, "NIS-domain-name"},    {30, "NIS+-domain-name"},     {31, "SNTP-servers"},
	{32, "lifetime"},           {33, "BCMCS-domain-name"},    {34, "BCMCS-server"},
	{36, "Geoconf-Civic"},      {37, "Remote-ID"},            {38, "Subscriber-ID"},
	{39, "Client-FQDN"},        {40, "PANA-agent"},           {41, "POSIX-timezone"},
	{42, "POSIX-tz-database"},  {43, "Echo-request-option"},  {44, "Lease-query"},
	{45, "LQ-client-data"},     {46, "Clt-time"},             {47, "LQ-relay-data"},
	{48, "LQ-client-link"},     {56, "NTP-server"},           {64, "AFTR-Name"},
	{112, "MUD-URL"},
};

/* RFC 8415 section 21.13, RFC 3633 and RFC 5007 status codes. */
static const char *const status_names[] = {
	"Success",       "UnspecFail",       "NoAddrsAvail",   "NoBinding",
	"NotOnLink",     "UseMulticast",     "NoPrefixAvail",  "UnknownQueryType",
	"MalformedQuery", "NotConfigured",   "NotAllowed",
};

static int print_opts(rc__pctx *c, const uint8_t *cp, const uint8_t *ep);

static void put_opt_name(rc__pctx *c, unsigned code)
{
	for (size_t i = 0; i < sizeof(opt_names) / sizeof(opt_names[0]); i++) {
		if (opt_names[i].code == code) {
			rc__ob_puts(c->ob, opt_names[i].name);
			return;
		}
	}
	rc__ob_printf(c->ob, "opt_%u", code);
}

static void put_hex(rc__pctx *c, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rc__ob_x(c->ob, p[i], 2);
}

static void put_addr(rc__pctx *c, const char *before, const uint8_t *a)
{
	rc__ob_puts(c->ob, before);
	rc__put_ip6(c->ob, a);
}

/* tcpdump's "goto trunc" inside the option walk: the marker, and the
 * current list ends. */
static int stop(rc__pctx *c)
{
	rc__trunc_soft(c);
	return OPT_STOP;
}

/* A name through print-domain.c's fqdn_print, which tcpdump hands the end
 * of the enclosing field as the message start: compression pointers count
 * from there, and the name itself is bounded only by the capture.  NULL
 * from it is a "goto trunc", or an unwinding where it unwound. */
static int put_name(rc__pctx *c, const uint8_t **tp, const uint8_t *msg)
{
	*tp = rc__dns_fqdn(c, *tp, msg);
	if (*tp)
		return OPT_NEXT;
	if (c->unwound)
		return rc__trunc(c);
	return stop(c);
}

/* Sub-options after a fixed part of skip bytes, then the closing ")". */
static int nested(rc__pctx *c, const uint8_t *tp, unsigned len, unsigned skip)
{
	if (len > skip)
		RC_TRY(print_opts(c, tp + skip, tp + len));
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

/* Client and server identifiers: the DUID types of RFC 8415 section 11
 * that tcpdump 4.99.3 knows (LLT, EN as "vid", LL). */
static int opt_duid(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	unsigned type = len >= 2 ? rc__be16(tp) : 0;
	if (len >= 8 && type == 1) {
		rc__ob_printf(c->ob, " hwaddr/time type %u time %u ", rc__be16(tp + 2),
			      rc__be32(tp + 4));
		put_hex(c, tp + 8, len - 8);
	} else if (len >= 10 && type == 2) {
		rc__ob_puts(c->ob, " vid ");
		put_hex(c, tp + 2, 8);
	} else if (len >= 4 && type == 3) {
		rc__ob_printf(c->ob, " hwaddr type %u ", rc__be16(tp + 2));
		put_hex(c, tp + 4, len - 4);
	} else if (len >= 2 && (type < 1 || type > 3)) {
		rc__ob_printf(c->ob, " type %u", type);
	} else {
		rc__ob_puts(c->ob, " ?");
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

static void put_words(rc__pctx *c, const char *label, const uint8_t *p, unsigned n, int w)
{
	rc__ob_puts(c->ob, label);
	for (unsigned i = 0; i < n; i++, p += w)
		rc__ob_printf(c->ob, w == 2 ? " %04x" : " %08x",
			      w == 2 ? rc__be16(p) : rc__be32(p));
}

/* RFC 8415 section 21.11: protocol, algorithm, replay detection method
 * and value, then what the protocol carries (RFC 3315's delayed
 * authentication, reconfigure key). */
static int opt_auth(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	if (len < 11) {
		rc__ob_puts(c->ob, " ?)");
		return OPT_NEXT;
	}
	unsigned proto = tp[0], info = len - 11;
	if (proto == 2)
		rc__ob_puts(c->ob, " proto: delayed");
	else if (proto == 3)
		rc__ob_puts(c->ob, " proto: reconfigure");
	else
		rc__ob_printf(c->ob, " proto: %u", proto);
	if (tp[1] == 1)
		rc__ob_puts(c->ob, ", alg: HMAC-MD5");
	else
		rc__ob_printf(c->ob, ", alg: %u", tp[1]);
	if (tp[2] == 0)
		rc__ob_puts(c->ob, ", RDM: mono");
	else
		rc__ob_printf(c->ob, ", RDM: %u", tp[2]);
	put_words(c, ", RD:", tp + 3, 4, 2);
	tp += 11;
	if (proto == 2 && info >= 20) {
		if (info > 20)
			rc__ob_puts(c->ob, ", realm: ");
		put_hex(c, tp, info - 20);
		tp += info - 20;
		rc__ob_printf(c->ob, ", key ID: %08x", rc__be32(tp));
		put_words(c, ", HMAC-MD5:", tp + 4, 4, 4);
	} else if (proto == 3 && info == 17) {
		static const char *const kinds[] = {" type: ??", " reconfig-key", " type: HMAC-MD5"};
		rc__ob_puts(c->ob, kinds[tp[0] <= 2 ? tp[0] : 0]);
		put_words(c, " value:", tp + 1, 4, 4);
	} else if (!(proto == 2 && info == 0)) {
		rc__ob_puts(c->ob, " ??");
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

/* The relay message option holds a whole message; tcpdump narrows the
 * snapend to the option so the inner walk stops there. */
static int opt_relay_msg(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	rc__ob_puts(c->ob, " (");
	const uint8_t *saved = rc__push_end(c, tp, len);
	int rc = rc__print_dhcp6(c, tp, len);
	c->end = saved;
	RC_TRY(rc);
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

/* RFC 5908: server address, multicast address and FQDN sub-options.
 * tcpdump walks while more than 4 bytes remain. */
static int opt_ntp_server(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	const uint8_t *end = tp + len;
	while (end - tp > 4) {
		unsigned code = rc__be16(tp), sublen = rc__be16(tp + 2);
		tp += 4;
		if ((size_t)(end - tp) < sublen)
			return stop(c);
		rc__ob_printf(c->ob, " subopt:%u", code);
		if ((code == 1 || code == 2) && sublen == 16) {
			put_addr(c, " ", tp);
		} else if (code == 3) {
			const uint8_t *np = tp;
			rc__ob_putc(c->ob, ' ');
			int rc = put_name(c, &np, tp + sublen);
			if (rc != OPT_NEXT)
				return rc;
		} else {
			rc__ob_puts(c->ob, " ?");
		}
		tp += sublen;
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

/* RFC 6334: the AFTR name as uncompressed labels, read within the option. */
static int opt_aftr_name(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	unsigned remain = len;
	rc__ob_putc(c->ob, ' ');
	while (remain && *tp) {
		unsigned label = *tp++;
		if (label >= remain - 1) {
			rc__ob_puts(c->ob, " ?");
			break;
		}
		RC_TRY(rc__printjnp(c, tp, label));
		tp += label;
		remain -= label + 1;
		if (*tp)
			rc__ob_putc(c->ob, '.');
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

static int opt_name_list(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	const uint8_t *end = tp + len;
	while (tp < end) {
		rc__ob_putc(c->ob, ' ');
		int rc = put_name(c, &tp, end);
		if (rc != OPT_NEXT)
			return rc;
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

static int opt_addr_list(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	if (len % 16) {
		rc__ob_puts(c->ob, " ?)");
		return OPT_NEXT;
	}
	for (unsigned i = 0; i < len; i += 16)
		put_addr(c, " ", tp + i);
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

/* Up to 10 bytes from skip on as hex, then "...", as tcpdump shows IDs. */
static int opt_hex_head(rc__pctx *c, const uint8_t *tp, unsigned len, unsigned skip)
{
	unsigned n = len - skip < 10 ? len - skip : 10;
	put_hex(c, tp + skip, n);
	rc__ob_puts(c->ob, "...)");
	return OPT_NEXT;
}

static int opt_option_list(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	if (len % 2) {
		rc__ob_puts(c->ob, " ?)");
		return OPT_NEXT;
	}
	for (unsigned i = 0; i < len; i += 2) {
		rc__ob_putc(c->ob, ' ');
		put_opt_name(c, rc__be16(tp + i));
	}
	rc__ob_putc(c->ob, ')');
	return OPT_NEXT;
}

static int opt_status(rc__pctx *c, const uint8_t *tp)
{
	unsigned code = rc__be16(tp);
	if (code > 255)
		rc__ob_puts(c->ob, " INVALID code)");
	else if (code < sizeof(status_names) / sizeof(status_names[0]))
		rc__ob_printf(c->ob, " %s)", status_names[code]);
	else
		rc__ob_printf(c->ob, " code%u)", code);
	return OPT_NEXT;
}

static int opt_reconf_msg(rc__pctx *c, uint8_t type)
{
	if (type == MSG_RENEW)
		rc__ob_puts(c->ob, " for renew)");
	else if (type == MSG_INFORM_REQ)
		rc__ob_puts(c->ob, " for inf-req)");
	else
		rc__ob_printf(c->ob, " for ?\?\?(%02x))", type);
	return OPT_NEXT;
}

static int opt_lq_query(rc__pctx *c, const uint8_t *tp, unsigned len)
{
	if (tp[0] == 1)
		rc__ob_puts(c->ob, " by-address");
	else if (tp[0] == 2)
		rc__ob_puts(c->ob, " by-clientID");
	else
		rc__ob_printf(c->ob, " type_%u", tp[0]);
	put_addr(c, " ", tp + 1);
	return nested(c, tp, len, 17);
}

/* The smallest (or, exact, the only) length tcpdump accepts for an option
 * before printing its value; shorter ones print " ?)". */
static int length_ok(unsigned code, unsigned len)
{
	switch (code) {
	case 3: case 25: return len >= 12;             /* IA_NA, IA_PD */
	case 4: case 37: case 56: return len >= 4;     /* IA_TA, Remote-ID, NTP */
	case 5: return len >= 24;                      /* IA_ADDR */
	case 7: case 19: return len == 1;              /* preference, reconf msg */
	case 8: return len == 2;                       /* elapsed time */
	case 13: return len >= 2;                      /* status code */
	case 26: return len >= 25;                     /* IA_PD prefix */
	case 32: case 46: return len == 4;             /* lifetime, Clt-time */
	case 41: case 42: case 112: return len >= 5;   /* time zones, MUD URL */
	case 44: return len >= 17;                     /* LQ query */
	case 47: return len >= 16;                     /* LQ relay data */
	case 64: return len >= 3;                      /* AFTR name */
	default: return 1;
	}
}

/* One option's value, all captured; the option name is printed. */
static int print_opt_value(rc__pctx *c, unsigned code, const uint8_t *tp, unsigned len)
{
	if (!length_ok(code, len)) {
		rc__ob_puts(c->ob, " ?)");
		return OPT_NEXT;
	}
	switch (code) {
	case 1: case 2:
		return opt_duid(c, tp, len);
	case 3: case 25:
		rc__ob_printf(c->ob, " IAID:%u T1:%u T2:%u", rc__be32(tp), rc__be32(tp + 4),
			      rc__be32(tp + 8));
		return nested(c, tp, len, 12);
	case 4:
		rc__ob_printf(c->ob, " IAID:%u", rc__be32(tp));
		return nested(c, tp, len, 4);
	case 5:
		put_addr(c, " ", tp);
		rc__ob_printf(c->ob, " pltime:%u vltime:%u", rc__be32(tp + 16), rc__be32(tp + 20));
		return nested(c, tp, len, 24);
	case 6: case 43:
		return opt_option_list(c, tp, len);
	case 7:
		rc__ob_printf(c->ob, " %u)", tp[0]);
		return OPT_NEXT;
	case 8:
		rc__ob_printf(c->ob, " %u)", rc__be16(tp));
		return OPT_NEXT;
	case 9:
		return opt_relay_msg(c, tp, len);
	case 11:
		return opt_auth(c, tp, len);
	case 13:
		return opt_status(c, tp);
	case 18: case 38:
		rc__ob_putc(c->ob, ' ');
		return opt_hex_head(c, tp, len, 0);
	case 19:
		return opt_reconf_msg(c, tp[0]);
	case 21: case 24:
		return opt_name_list(c, tp, len);
	case 22: case 23: case 27: case 28: case 31: case 34: case 40: case 48:
		return opt_addr_list(c, tp, len);
	case 26:
		put_addr(c, " ", tp + 9);
		rc__ob_printf(c->ob, "/%u pltime:%u vltime:%u", tp[8], rc__be32(tp),
			      rc__be32(tp + 4));
		return nested(c, tp, len, 25);
	case 32: case 46:
		rc__ob_printf(c->ob, " %u)", rc__be32(tp));
		return OPT_NEXT;
	case 37:
		rc__ob_printf(c->ob, " %u ", rc__be32(tp));
		return opt_hex_head(c, tp, len, 4);
	case 44:
		return opt_lq_query(c, tp, len);
	case 45:
		return nested(c, tp, len, 0);
	case 47:
		put_addr(c, " ", tp);
		rc__ob_putc(c->ob, ' ');
		return opt_hex_head(c, tp, len, 16);
	case 56:
		return opt_ntp_server(c, tp, len);
	case 64:
		return opt_aftr_name(c, tp, len);
	case 41: case 42: case 112:
		rc__ob_putc(c->ob, ' ');
		RC_TRY(rc__printjnp(c, tp, len));
		rc__ob_putc(c->ob, ')');
		return OPT_NEXT;
	default: /* rapid commit, reconfigure accept and the undecoded ones */
		rc__ob_putc(c->ob, ')');
		return OPT_NEXT;
	}
}

/* The options in [cp, ep): each " (name value)".  0, or RC_PRINT_TRUNC
 * when a read unwound. */
static int print_opts(rc__pctx *c, const uint8_t *cp, const uint8_t *ep)
{
	while (cp < ep) {
		if (ep - cp < 4 || !rc__have(c, cp, 4))
			break;
		unsigned code = rc__be16(cp), len = rc__be16(cp + 2);
		if ((size_t)(ep - cp) - 4 < len)
			break;
		rc__ob_puts(c->ob, " (");
		put_opt_name(c, code);
		if (!rc__have(c, cp + 4, len))
			break;
		int rc = print_opt_value(c, code, cp + 4, len);
		if (rc != OPT_NEXT)
			return rc == OPT_STOP ? 0 : rc;
		cp += 4 + len;
	}
	if (cp < ep)
		stop(c);
	return 0;
}

/* A message of length bytes at bp (the outer one or a relayed one). */
int rc__print_dhcp6(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	c->proto = "dhcp6";
	rc__ob_puts(c->ob, "dhcp6");
	/* The option walk stops at the message's end or the capture's. */
	const uint8_t *ep = rc__avail(c, bp) > length ? bp + length : c->end;
	if (!rc__have(c, bp, 4)) {
		rc__trunc_soft(c);
		return 0;
	}
	uint8_t type = bp[0];
	if (type > 0 && type < sizeof(msg_names) / sizeof(msg_names[0]))
		rc__ob_printf(c->ob, " %s", msg_names[type]);
	else
		rc__ob_printf(c->ob, " msgtype-%u", type);
	if (!c->o->vflag)
		return 0;
	rc__ob_puts(c->ob, " (");
	if (type == MSG_RELAY_FORW || type == MSG_RELAY_REPLY) {
		/* Read through the capture, not the message length. */
		RC_NEED(c, bp + 2, 16);
		put_addr(c, "linkaddr=", bp + 2);
		RC_NEED(c, bp + 18, 16);
		put_addr(c, " peeraddr=", bp + 18);
		RC_TRY(print_opts(c, bp + 34, ep));
	} else {
		rc__ob_printf(c->ob, "xid=%x", rc__be32(bp) & 0xffffff);
		RC_TRY(print_opts(c, bp + 4, ep));
	}
	rc__ob_putc(c->ob, ')');
	return 0;
}

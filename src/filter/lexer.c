/*
 * lexer.c - pcap-filter(7) tokenizer (see lexer.h for the matching rules).
 *
 * Longest match, as flex does for libpcap's scanner.l; candidates at one
 * position, in tie-break order:
 *
 *   keyword   "host", "tcp", "icmp-echo" ...   (only if the identifier
 *                                               match has the same length)
 *   NUM       [0-9]+ | 0[xX][0-9a-fA-F]+
 *   HID       N.N | N.N.N | N.N.N.N            (N = a NUM)
 *   HID6      an IPv6 literal (inet_pton decides)
 *   EID       xx:xx:xx:xx:xx:xx, xx-xx-.., xx.xx.., xxxx.xxxx.xxxx
 *   ID        [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?  |  \\[^ !()\n\t]+
 */
#include "filter/lexer.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

#include "util/errmsg.h"

struct rc__kw {
	const char *name;
	uint8_t kind;
	uint32_t num;
};

/* Keywords of libpcap's scanner.l.  Named constants are NUM tokens. */
static const struct rc__kw rc__kws[] = {
	{"dst", RC_T_DST, 0}, {"src", RC_T_SRC, 0},
	{"host", RC_T_HOST, 0}, {"net", RC_T_NET, 0}, {"mask", RC_T_MASK, 0},
	{"port", RC_T_PORT, 0}, {"portrange", RC_T_PORTRANGE, 0},
	{"proto", RC_T_PROTO, 0}, {"protochain", RC_T_PROTOCHAIN, 0},
	{"gateway", RC_T_GATEWAY, 0},
	{"less", RC_T_LESS, 0}, {"greater", RC_T_GREATER, 0}, {"byte", RC_T_BYTE, 0},
	{"broadcast", RC_T_BROADCAST, 0}, {"multicast", RC_T_MULTICAST, 0},
	{"and", RC_T_AND, 0}, {"or", RC_T_OR, 0}, {"not", RC_T_NOT, 0},
	{"len", RC_T_LEN, 0}, {"length", RC_T_LEN, 0},
	{"inbound", RC_T_INBOUND, 0}, {"outbound", RC_T_OUTBOUND, 0},
	{"ifindex", RC_T_IFINDEX, 0}, {"vlan", RC_T_VLAN, 0}, {"mpls", RC_T_MPLS, 0},
	{"pppoed", RC_T_PPPOED, 0}, {"pppoes", RC_T_PPPOES, 0}, {"llc", RC_T_LLC, 0},
	{"geneve", RC_T_GENEVE, 0},
	{"link", RC_T_PNAME, RC_PQ_LINK}, {"ether", RC_T_PNAME, RC_PQ_LINK},
	{"ppp", RC_T_PNAME, RC_PQ_LINK}, {"slip", RC_T_PNAME, RC_PQ_LINK},
	{"fddi", RC_T_PNAME, RC_PQ_LINK}, {"tr", RC_T_PNAME, RC_PQ_LINK},
	{"wlan", RC_T_PNAME, RC_PQ_LINK},
	{"ip", RC_T_PNAME, RC_PQ_IP}, {"arp", RC_T_PNAME, RC_PQ_ARP},
	{"rarp", RC_T_PNAME, RC_PQ_RARP}, {"sctp", RC_T_PNAME, RC_PQ_SCTP},
	{"tcp", RC_T_PNAME, RC_PQ_TCP}, {"udp", RC_T_PNAME, RC_PQ_UDP},
	{"icmp", RC_T_PNAME, RC_PQ_ICMP}, {"igmp", RC_T_PNAME, RC_PQ_IGMP},
	{"igrp", RC_T_PNAME, RC_PQ_IGRP}, {"pim", RC_T_PNAME, RC_PQ_PIM},
	{"vrrp", RC_T_PNAME, RC_PQ_VRRP}, {"carp", RC_T_PNAME, RC_PQ_CARP},
	{"ip6", RC_T_PNAME, RC_PQ_IPV6}, {"icmp6", RC_T_PNAME, RC_PQ_ICMPV6},
	{"ah", RC_T_PNAME, RC_PQ_AH}, {"esp", RC_T_PNAME, RC_PQ_ESP},
	{"atalk", RC_T_PNAME, RC_PQ_ATALK}, {"aarp", RC_T_PNAME, RC_PQ_AARP},
	{"decnet", RC_T_PNAME, RC_PQ_DECNET}, {"lat", RC_T_PNAME, RC_PQ_LAT},
	{"sca", RC_T_PNAME, RC_PQ_SCA}, {"moprc", RC_T_PNAME, RC_PQ_MOPRC},
	{"mopdl", RC_T_PNAME, RC_PQ_MOPDL}, {"iso", RC_T_PNAME, RC_PQ_ISO},
	{"esis", RC_T_PNAME, RC_PQ_ESIS}, {"es-is", RC_T_PNAME, RC_PQ_ESIS},
	{"isis", RC_T_PNAME, RC_PQ_ISIS}, {"is-is", RC_T_PNAME, RC_PQ_ISIS},
	{"clnp", RC_T_PNAME, RC_PQ_CLNP}, {"stp", RC_T_PNAME, RC_PQ_STP},
	{"ipx", RC_T_PNAME, RC_PQ_IPX}, {"netbeui", RC_T_PNAME, RC_PQ_NETBEUI},
	{"l1", RC_T_PNAME, RC_PQ_ISIS_L1}, {"l2", RC_T_PNAME, RC_PQ_ISIS_L2},
	{"iih", RC_T_PNAME, RC_PQ_ISIS_IIH}, {"lsp", RC_T_PNAME, RC_PQ_ISIS_LSP},
	{"snp", RC_T_PNAME, RC_PQ_ISIS_SNP}, {"csnp", RC_T_PNAME, RC_PQ_ISIS_CSNP},
	{"psnp", RC_T_PNAME, RC_PQ_ISIS_PSNP},
	/* libpcap keywords for link types or features ringcap does not handle */
	{"radio", RC_T_UNSUP, 0},
	{"addr1", RC_T_UNSUP, 0}, {"address1", RC_T_UNSUP, 0}, {"addr2", RC_T_UNSUP, 0},
	{"address2", RC_T_UNSUP, 0}, {"addr3", RC_T_UNSUP, 0}, {"address3", RC_T_UNSUP, 0},
	{"addr4", RC_T_UNSUP, 0}, {"address4", RC_T_UNSUP, 0}, {"ra", RC_T_UNSUP, 0},
	{"ta", RC_T_UNSUP, 0}, {"type", RC_T_UNSUP, 0}, {"subtype", RC_T_UNSUP, 0},
	{"dir", RC_T_UNSUP, 0}, {"vpi", RC_T_UNSUP, 0}, {"vci", RC_T_UNSUP, 0},
	{"lane", RC_T_UNSUP, 0}, {"oamf4", RC_T_UNSUP, 0}, {"oamf4ec", RC_T_UNSUP, 0},
	{"oamf4sc", RC_T_UNSUP, 0}, {"oam", RC_T_UNSUP, 0}, {"metac", RC_T_UNSUP, 0},
	{"bcc", RC_T_UNSUP, 0}, {"sc", RC_T_UNSUP, 0}, {"ilmic", RC_T_UNSUP, 0},
	{"connectmsg", RC_T_UNSUP, 0}, {"metaconnect", RC_T_UNSUP, 0},
	{"on", RC_T_UNSUP, 0}, {"ifname", RC_T_UNSUP, 0}, {"rnr", RC_T_UNSUP, 1},
	{"rulenum", RC_T_UNSUP, 1}, {"reason", RC_T_UNSUP, 0}, {"rset", RC_T_UNSUP, 0},
	{"ruleset", RC_T_UNSUP, 0}, {"srnr", RC_T_UNSUP, 0}, {"subrulenum", RC_T_UNSUP, 0},
	{"action", RC_T_UNSUP, 0}, {"fisu", RC_T_UNSUP, 0}, {"lssu", RC_T_UNSUP, 0},
	{"msu", RC_T_UNSUP, 0}, {"hfisu", RC_T_UNSUP, 0}, {"hlssu", RC_T_UNSUP, 0},
	{"hmsu", RC_T_UNSUP, 0}, {"sio", RC_T_UNSUP, 0}, {"opc", RC_T_UNSUP, 0},
	{"dpc", RC_T_UNSUP, 0}, {"sls", RC_T_UNSUP, 0}, {"hsio", RC_T_UNSUP, 0},
	{"hopc", RC_T_UNSUP, 0}, {"hdpc", RC_T_UNSUP, 0}, {"hsls", RC_T_UNSUP, 0},
	/* named constants (pcap-filter(7) "expr relop expr") */
	{"icmptype", RC_T_NUM, 0}, {"icmpcode", RC_T_NUM, 1},
	{"icmp-echoreply", RC_T_NUM, 0}, {"icmp-unreach", RC_T_NUM, 3},
	{"icmp-sourcequench", RC_T_NUM, 4}, {"icmp-redirect", RC_T_NUM, 5},
	{"icmp-echo", RC_T_NUM, 8}, {"icmp-routeradvert", RC_T_NUM, 9},
	{"icmp-routersolicit", RC_T_NUM, 10}, {"icmp-timxceed", RC_T_NUM, 11},
	{"icmp-paramprob", RC_T_NUM, 12}, {"icmp-tstamp", RC_T_NUM, 13},
	{"icmp-tstampreply", RC_T_NUM, 14}, {"icmp-ireq", RC_T_NUM, 15},
	{"icmp-ireqreply", RC_T_NUM, 16}, {"icmp-maskreq", RC_T_NUM, 17},
	{"icmp-maskreply", RC_T_NUM, 18},
	{"icmp6type", RC_T_NUM, 0}, {"icmp6code", RC_T_NUM, 1},
	{"icmp6-destinationunreach", RC_T_NUM, 1}, {"icmp6-packettoobig", RC_T_NUM, 2},
	{"icmp6-timeexceeded", RC_T_NUM, 3}, {"icmp6-parameterproblem", RC_T_NUM, 4},
	{"icmp6-echo", RC_T_NUM, 128}, {"icmp6-echoreply", RC_T_NUM, 129},
	{"icmp6-multicastlistenerquery", RC_T_NUM, 130},
	{"icmp6-multicastlistenerreportv1", RC_T_NUM, 131},
	{"icmp6-multicastlistenerdone", RC_T_NUM, 132},
	{"icmp6-routersolicit", RC_T_NUM, 133}, {"icmp6-routeradvert", RC_T_NUM, 134},
	{"icmp6-neighborsolicit", RC_T_NUM, 135}, {"icmp6-neighboradvert", RC_T_NUM, 136},
	{"icmp6-redirect", RC_T_NUM, 137}, {"icmp6-routerrenum", RC_T_NUM, 138},
	{"icmp6-nodeinformationquery", RC_T_NUM, 139},
	{"icmp6-nodeinformationresponse", RC_T_NUM, 140},
	{"icmp6-ineighbordiscoverysolicit", RC_T_NUM, 141},
	{"icmp6-ineighbordiscoveryadvert", RC_T_NUM, 142},
	{"icmp6-multicastlistenerreportv2", RC_T_NUM, 143},
	{"icmp6-homeagentdiscoveryrequest", RC_T_NUM, 144},
	{"icmp6-homeagentdiscoveryreply", RC_T_NUM, 145},
	{"icmp6-mobileprefixsolicit", RC_T_NUM, 146},
	{"icmp6-mobileprefixadvert", RC_T_NUM, 147},
	{"icmp6-certpathsolicit", RC_T_NUM, 148}, {"icmp6-certpathadvert", RC_T_NUM, 149},
	{"icmp6-multicastrouteradvert", RC_T_NUM, 151},
	{"icmp6-multicastroutersolicit", RC_T_NUM, 152},
	{"icmp6-multicastrouterterm", RC_T_NUM, 153},
	{"tcpflags", RC_T_NUM, 13}, {"tcp-fin", RC_T_NUM, 0x01}, {"tcp-syn", RC_T_NUM, 0x02},
	{"tcp-rst", RC_T_NUM, 0x04}, {"tcp-push", RC_T_NUM, 0x08}, {"tcp-ack", RC_T_NUM, 0x10},
	{"tcp-urg", RC_T_NUM, 0x20}, {"tcp-ece", RC_T_NUM, 0x40}, {"tcp-cwr", RC_T_NUM, 0x80},
};

static int is_hex(int c) { return isxdigit((unsigned char)c); }
static int is_dig(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return isalnum((unsigned char)c) && (unsigned char)c < 0x80; }

/* Length of the NUM match at s (0 if none). */
static size_t match_num(const char *s, size_t n)
{
	if (n >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && is_hex(s[2])) {
		size_t i = 2;
		while (i < n && is_hex(s[i]))
			i++;
		return i;
	}
	size_t i = 0;
	while (i < n && is_dig(s[i]))
		i++;
	return i;
}

/* Length of the HID match (at least one dot, at most three). */
static size_t match_hid(const char *s, size_t n)
{
	size_t i = match_num(s, n), best = 0;
	if (i == 0)
		return 0;
	for (int dots = 0; dots < 3; dots++) {
		if (i >= n || s[i] != '.')
			break;
		size_t m = match_num(s + i + 1, n - i - 1);
		if (m == 0)
			break;
		i += 1 + m;
		best = i;
	}
	return best;
}

/* Length of the identifier match: [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])? */
static size_t match_id(const char *s, size_t n)
{
	if (n == 0 || !is_alnum(s[0]))
		return 0;
	size_t i = 1, last_ok = 1;
	while (i < n && (is_alnum(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.')) {
		if (is_alnum(s[i]) || s[i] == '.')
			last_ok = i + 1;
		i++;
	}
	return last_ok;
}

/* Length of the run of hex digits, ':' and '.' at s, and in *colons how
 * many ':' it holds: what an IPv6 literal (or a mistyped address) spans. */
static size_t addr_run(const char *s, size_t n, int *colons)
{
	size_t run = 0;
	*colons = 0;
	while (run < n && (is_hex(s[run]) || s[run] == ':' || s[run] == '.'))
		*colons += s[run++] == ':';
	return run;
}

/* Longest prefix of the address run s[0..run) that is an IPv6 literal
 * inet_pton accepts (none is longer than 64 characters). */
static size_t match_v6(const char *s, size_t run)
{
	char buf[65];
	struct in6_addr a;
	for (size_t l = run < 64 ? run : 64; l >= 2; l--) {
		memcpy(buf, s, l);
		buf[l] = '\0';
		if (inet_pton(AF_INET6, buf, &a) == 1)
			return l;
	}
	return 0;
}

/* 6 groups of 1-2 hex digits with one separator, or xxxx.xxxx.xxxx. */
static size_t match_mac(const char *s, size_t n)
{
	static const char seps[] = ":-.";
	for (int k = 0; k < 3; k++) {
		size_t i = 0;
		int g;
		for (g = 0; g < 6; g++) {
			size_t d = 0;
			while (i + d < n && d < 2 && is_hex(s[i + d]))
				d++;
			if (d == 0)
				break;
			i += d;
			if (g < 5) {
				if (i >= n || s[i] != seps[k])
					break;
				i++;
			}
		}
		if (g == 6)
			return i;
	}
	/* xxxx.xxxx.xxxx */
	if (n >= 14) {
		int ok = 1;
		for (size_t i = 0; i < 14 && ok; i++)
			ok = (i == 4 || i == 9) ? s[i] == '.' : is_hex(s[i]);
		if (ok)
			return 14;
	}
	return 0;
}

/* Parse a NUM token value like libpcap's stoulen: 0x hex, 0 octal, decimal. */
static int num_value(const char *s, size_t n, uint32_t *out, const char **why)
{
	uint64_t v = 0;
	unsigned base = 10;
	size_t i = 0;
	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (n >= 2 && s[0] == '0') {
		base = 8;
		i = 1;
	}
	for (; i < n; i++) {
		unsigned d = is_dig(s[i]) ? (unsigned)(s[i] - '0')
					  : (unsigned)(tolower((unsigned char)s[i]) - 'a' + 10);
		if (d >= base) {
			*why = "contains a non-octal digit";
			return -1;
		}
		v = v * base + d;
		if (v > UINT32_MAX) {
			*why = "overflows 32 bits";
			return -1;
		}
	}
	*out = (uint32_t)v;
	return 0;
}

static const char *single_tokens = "()[]:+-*/%&|^";
static const uint8_t single_kinds[] = {
	RC_T_LPAREN, RC_T_RPAREN, RC_T_LBRACK, RC_T_RBRACK, RC_T_COLON, RC_T_PLUS,
	RC_T_MINUS, RC_T_STAR, RC_T_SLASH, RC_T_PERCENT, RC_T_AMP, RC_T_PIPE, RC_T_CARET,
};

/* Operator at s: kind and length, 0 length if none. */
static size_t match_op(const char *s, size_t n, uint8_t *kind)
{
	static const struct { const char *t; uint8_t k; } two[] = {
		{">=", RC_T_GE}, {"<=", RC_T_LE}, {"!=", RC_T_NE}, {"==", RC_T_EQ},
		{"<<", RC_T_LSH}, {">>", RC_T_RSH}, {"&&", RC_T_AND}, {"||", RC_T_OR},
	};
	for (size_t i = 0; i < sizeof(two) / sizeof(two[0]); i++)
		if (n >= 2 && s[0] == two[i].t[0] && s[1] == two[i].t[1]) {
			*kind = two[i].k;
			return 2;
		}
	switch (s[0]) {
	case '>': *kind = RC_T_GT; return 1;
	case '<': *kind = RC_T_LT; return 1;
	case '=': *kind = RC_T_EQ; return 1;
	case '!': *kind = RC_T_NOT; return 1;
	default: break;
	}
	const char *p = s[0] ? strchr(single_tokens, s[0]) : NULL;
	if (p) {
		*kind = single_kinds[p - single_tokens];
		return 1;
	}
	return 0;
}

int rc__lex(rc__arena *arena, const char *expr, size_t len, rc__toklist *out, char *errbuf)
{
	/* token array and paren stack grow by doubling inside the arena */
	size_t cap = 64, scap = 16;
	rc__token *v = rc__arena_calloc(arena, cap, sizeof(*v));
	uint32_t *stack = rc__arena_calloc(arena, scap, sizeof(*stack));
	size_t n = 0, depth = 0, i = 0;
	while (v && stack && i < len) {
		if (n + 1 >= cap) {
			rc__token *nv = rc__arena_calloc(arena, cap * 2, sizeof(*v));
			if (!nv) {
				v = NULL;
				break;
			}
			memcpy(nv, v, n * sizeof(*v));
			v = nv;
			cap *= 2;
		}
		if (depth + 1 >= scap) {
			uint32_t *ns = rc__arena_calloc(arena, scap * 2, sizeof(*stack));
			if (!ns) {
				stack = NULL;
				break;
			}
			memcpy(ns, stack, depth * sizeof(*stack));
			stack = ns;
			scap *= 2;
		}
		const char *s = expr + i;
		size_t rest = len - i;
		if (isspace((unsigned char)*s)) {
			i++;
			continue;
		}
		rc__token *t = &v[n];
		t->col = (uint32_t)i + 1;
		size_t l = 0;
		if (*s == '\\') {
			l = 1;
			while (l < rest && !strchr(" !()\n\t", s[l]) && s[l] != '\0')
				l++;
			if (l == 1)
				return rc__errf(errbuf, RC_ESYNTAX,
						"'\\': backslash must be followed by a name (column %u)", t->col);
			t->kind = RC_T_ID;
			char *c = rc__arena_alloc(arena, l);
			if (!c)
				return rc__errf(errbuf, RC_ENOMEM, "out of memory");
			memcpy(c, s + 1, l - 1);
			t->text = c;
			t->len = (uint32_t)l;
			i += l;
			n++;
			continue;
		}
		uint8_t opk;
		size_t lop = match_op(s, rest, &opk);
		size_t lid = match_id(s, rest), lnum = match_num(s, rest), lhid = match_hid(s, rest);
		int colons = 0;
		size_t run = (is_hex(*s) || *s == ':') ? addr_run(s, rest, &colons) : 0;
		size_t lv6 = colons ? match_v6(s, run) : 0;
		size_t lmac = is_hex(*s) ? match_mac(s, rest) : 0;
		/* Two colons or more that no MAC or IPv6 address covers can only
		 * be a mistyped address ("01:02:03", "1::2::3"), which would
		 * otherwise lex as pieces and fail as a syntax error at a colon.
		 * One colon stays a number pair, as in ip[0:1]. */
		if (colons >= 2 && run > lv6 && run > lmac)
			return rc__errf(errbuf, RC_ESYNTAX,
					"'%.*s': not an Ethernet (xx:xx:xx:xx:xx:xx) or IPv6 address "
					"(column %u)",
					(int)(run > 40 ? 40 : run), s, t->col);
		if (lid == 0 && lv6 == 0 && lmac == 0 && lnum == 0) {
			if (lop == 0) {
				if (*s == '\0' || !isprint((unsigned char)*s))
					return rc__errf(errbuf, RC_ESYNTAX,
							"illegal character 0x%02x (column %u)",
							(unsigned char)*s, t->col);
				return rc__errf(errbuf, RC_ESYNTAX, "'%c': illegal character (column %u)",
						*s, t->col);
			}
			t->kind = opk;
			l = lop;
		} else {
			/* longest match; ties go to the earlier rule */
			const struct rc__kw *kw = NULL;
			for (size_t k = 0; lid && k < sizeof(rc__kws) / sizeof(rc__kws[0]); k++)
				if (strncmp(rc__kws[k].name, s, lid) == 0 && rc__kws[k].name[lid] == '\0') {
					kw = &rc__kws[k];
					break;
				}
			size_t best = lid;
			t->kind = RC_T_ID;
			if (kw) {
				t->kind = kw->kind;
				t->num = kw->num;
			}
			if (lnum >= best && (!kw || lnum > best)) {
				best = lnum;
				t->kind = RC_T_NUM;
			}
			if (lhid > best || (lhid == best && lhid && t->kind == RC_T_ID)) {
				best = lhid;
				t->kind = RC_T_HID;
			}
			if (lv6 > best || (lv6 == best && lv6 && t->kind == RC_T_ID)) {
				best = lv6;
				t->kind = RC_T_HID6;
			}
			if (lmac > best || (lmac == best && lmac && t->kind == RC_T_ID)) {
				best = lmac;
				t->kind = RC_T_EID;
			}
			l = best;
			if (t->kind == RC_T_NUM && !kw) {
				const char *why = NULL;
				if (num_value(s, l, &t->num, &why) < 0)
					return rc__errf(errbuf, RC_ESYNTAX, "%.*s: number %s (column %u)",
							(int)(l > 40 ? 40 : l), s, why, t->col);
			}
		}
		char *c = rc__arena_alloc(arena, l + 1);
		if (!c)
			return arena->over_limit ? rc__errf(errbuf, RC_ELIMIT, "expression too long")
						 : rc__errf(errbuf, RC_ENOMEM, "out of memory");
		memcpy(c, s, l);
		t->text = c;
		t->len = (uint32_t)l;
		if (t->kind == RC_T_LPAREN) {
			stack[depth++] = (uint32_t)n;
		} else if (t->kind == RC_T_RPAREN) {
			if (depth == 0)
				return rc__errf(errbuf, RC_ESYNTAX, "')': unmatched parenthesis (column %u)",
						t->col);
			uint32_t o = stack[--depth];
			v[o].match = (uint32_t)n;
			t->match = o;
		}
		i += l;
		n++;
	}
	if (!v || !stack)
		return arena->over_limit
			       ? rc__errf(errbuf, RC_ELIMIT, "expression too long (%zu bytes)", len)
			       : rc__errf(errbuf, RC_ENOMEM, "out of memory tokenizing the expression");
	if (depth)
		return rc__errf(errbuf, RC_ESYNTAX, "'(': unmatched parenthesis (column %u)",
				v[stack[depth - 1]].col);
	v[n].kind = RC_T_EOF;
	v[n].col = (uint32_t)len + 1;
	v[n].text = "";
	out->v = v;
	out->n = n + 1;
	return 0;
}

const char *rc__pq_name(int pq)
{
	static const char *const names[] = {
		"", "ether", "ip", "arp", "rarp", "sctp", "tcp", "udp", "icmp", "igmp", "igrp",
		"atalk", "aarp", "decnet", "lat", "sca", "mopdl", "moprc", "ip6", "icmp6", "ah",
		"esp", "pim", "vrrp", "carp", "iso", "esis", "isis", "clnp", "stp", "ipx", "netbeui",
		"l1", "l2", "iih", "lsp", "snp", "csnp", "psnp",
	};
	if (pq < 0 || (size_t)pq >= sizeof(names) / sizeof(names[0]))
		return "?";
	return names[pq];
}

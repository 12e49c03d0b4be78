/*
 * gen_addr.c - qualified values (RC_N_ID): host, net, port, portrange,
 * gateway, proto, protochain with numbers, addresses or names.  Mirrors
 * libpcap's gen_ncode / gen_scode / gen_mcode / gen_mcode6 / gen_ecode.
 *
 * Address offsets inside the network header:
 *   IPv4:     src 12, dst 16          ARP/RARP: sender IP 14, target IP 24
 *   IPv6:     src 8..23, dst 24..39
 *   TCP/UDP/SCTP: sport 0, dport 2 of the transport header
 */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <stdio.h>
#include <string.h>

#include "filter/gen.h"
#include "filter/names.h"

/* gen_hostop */
static F hostop(rc__cg *cg, uint32_t addr, uint32_t mask, int dir, uint32_t et,
		uint32_t src_off, uint32_t dst_off)
{
	if (dir == RC_DIR_AND || dir == RC_DIR_OR || dir == RC_DIR_DEFAULT) {
		F a = hostop(cg, addr, mask, RC_DIR_SRC, et, src_off, dst_off);
		F b = hostop(cg, addr, mask, RC_DIR_DST, et, src_off, dst_off);
		return dir == RC_DIR_AND ? rc__cfg_and(a, b) : rc__cfg_or(a, b);
	}
	F b0 = rc__gen_linktype(cg, et);
	F b1 = rc__gen_mcmp(cg, RC_OR_LINKPL, dir == RC_DIR_SRC ? src_off : dst_off, 4, addr, mask);
	return rc__cfg_and(b0, b1);
}

/* gen_host */
F rc__gen_host(rc__cg *cg, uint32_t addr, uint32_t mask, int pq, int dir, int is_net,
	       uint32_t col)
{
	const char *what = is_net ? "net" : "host";
	if (addr & ~mask)
		return rc__gen_fail(cg, RC_ESYNTAX, col, "non-network bits set in the address");
	switch (pq) {
	case RC_PQ_DEFAULT: {
		F b0 = rc__gen_host(cg, addr, mask, RC_PQ_IP, dir, is_net, col);
		if (cg->mpls_depth == 0) {
			F b1 = rc__gen_host(cg, addr, mask, RC_PQ_ARP, dir, is_net, col);
			b0 = rc__cfg_or(b0, b1);
			b1 = rc__gen_host(cg, addr, mask, RC_PQ_RARP, dir, is_net, col);
			b0 = rc__cfg_or(b0, b1);
		}
		return b0;
	}
	case RC_PQ_IP:
		return hostop(cg, addr, mask, dir, RC_ET_IP, 12, 16);
	case RC_PQ_ARP:
		return hostop(cg, addr, mask, dir, RC_ET_ARP, 14, 24);
	case RC_PQ_RARP:
		return hostop(cg, addr, mask, dir, RC_ET_REVARP, 14, 24);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, col, "'%s' modifier applied to an IPv4 %s",
				    rc__pq_name(pq), what);
	}
}

/*
 * gen_hostop6: words compared last to first, as libpcap.  A word the mask
 * clears is not loaded at all: libpcap generates `ld; and #0; jeq #0` for
 * it and its optimizer deletes the always-true test with its load, so
 * `ip6 net 2001:db8::/32` reads only the first word of each address in
 * tcpdump's program, and a packet captured short of the other words still
 * matches.  ringcap's optimizer keeps loads that can fail (docs/filters.md,
 * "Dead loads"), so the word must not be generated in the first place.
 */
static F hostop6(rc__cg *cg, const uint8_t *a, const uint8_t *m, int dir, uint32_t off_src,
		 uint32_t off_dst)
{
	if (dir == RC_DIR_AND || dir == RC_DIR_OR || dir == RC_DIR_DEFAULT) {
		F x = hostop6(cg, a, m, RC_DIR_SRC, off_src, off_dst);
		F y = hostop6(cg, a, m, RC_DIR_DST, off_src, off_dst);
		return dir == RC_DIR_AND ? rc__cfg_and(x, y) : rc__cfg_or(x, y);
	}
	uint32_t off = dir == RC_DIR_SRC ? off_src : off_dst;
	F b = {0};
	int have = 0;
	for (int w = 3; w >= 0; w--) {
		uint32_t aw = (uint32_t)a[4 * w] << 24 | (uint32_t)a[4 * w + 1] << 16 |
			      (uint32_t)a[4 * w + 2] << 8 | a[4 * w + 3];
		uint32_t mw = (uint32_t)m[4 * w] << 24 | (uint32_t)m[4 * w + 1] << 16 |
			      (uint32_t)m[4 * w + 2] << 8 | m[4 * w + 3];
		if (mw == 0)
			continue;
		F t = rc__gen_mcmp(cg, RC_OR_LINKPL, off + 4 * (uint32_t)w, 4, aw, mw);
		b = have ? rc__cfg_and(t, b) : t;
		have = 1;
	}
	F ip6 = rc__gen_linktype(cg, RC_ET_IPV6);
	return have ? rc__cfg_and(ip6, b) : ip6;
}

static F gen_host6(rc__cg *cg, const uint8_t *a, const uint8_t *m, int pq, int dir, uint32_t col)
{
	if (pq != RC_PQ_DEFAULT && pq != RC_PQ_IPV6)
		return rc__gen_fail(cg, RC_ESYNTAX, col, "'%s' modifier applied to an IPv6 address",
				    rc__pq_name(pq));
	return hostop6(cg, a, m, dir, 8, 24);
}

/* gen_portop / gen_portop6 / gen_portrangeop for one transport protocol */
static F portcmp(rc__cg *cg, int v6, uint32_t off, uint32_t lo, uint32_t hi, int range)
{
	int rel = v6 ? RC_OR_TRAN6 : RC_OR_TRAN4;
	if (!range)
		return rc__gen_cmp(cg, rel, off, 2, lo);
	F a = rc__gen_ncmp(cg, rel, off, 2, 0xffffffffu, BPF_JGE, 0, lo);
	F b = rc__gen_ncmp(cg, rel, off, 2, 0xffffffffu, BPF_JGT, 1, hi);
	return rc__cfg_and(a, b);
}

static F portdir(rc__cg *cg, int v6, int dir, uint32_t lo, uint32_t hi, int range)
{
	switch (dir) {
	case RC_DIR_SRC: return portcmp(cg, v6, 0, lo, hi, range);
	case RC_DIR_DST: return portcmp(cg, v6, 2, lo, hi, range);
	case RC_DIR_AND: {
		F a = portcmp(cg, v6, 0, lo, hi, range);
		return rc__cfg_and(a, portcmp(cg, v6, 2, lo, hi, range));
	}
	default: {
		F a = portcmp(cg, v6, 0, lo, hi, range);
		return rc__cfg_or(a, portcmp(cg, v6, 2, lo, hi, range));
	}
	}
}

static F portop(rc__cg *cg, int v6, uint32_t ipproto, int dir, uint32_t lo, uint32_t hi,
		int range)
{
	F t = rc__gen_cmp(cg, RC_OR_LINKPL, v6 ? 6 : 9, 1, ipproto);
	if (!v6)
		t = rc__cfg_and(t, rc__gen_ipfrag_ok(cg));
	return rc__cfg_and(t, portdir(cg, v6, dir, lo, hi, range));
}

F rc__gen_port1(rc__cg *cg, int v6, uint32_t lo, uint32_t hi, int ipproto, int dir, int range)
{
	F b0 = rc__gen_linktype(cg, v6 ? RC_ET_IPV6 : RC_ET_IP);
	F b1;
	if (ipproto == RC_PROTO_UNDEF) {
		F tcp = portop(cg, v6, 6, dir, lo, hi, range);
		b1 = portop(cg, v6, 17, dir, lo, hi, range);
		b1 = rc__cfg_or(tcp, b1);
		F sctp = portop(cg, v6, 132, dir, lo, hi, range);
		b1 = rc__cfg_or(sctp, b1);
	} else {
		b1 = portop(cg, v6, (uint32_t)ipproto, dir, lo, hi, range);
	}
	return rc__cfg_and(b0, b1);
}

/* gen_port + gen_port6 (IPv6 first, as libpcap orders them) */
F rc__gen_port(rc__cg *cg, uint32_t lo, uint32_t hi, int ipproto, int dir, int range)
{
	if (range && lo > hi) {
		uint32_t t = lo;
		lo = hi;
		hi = t;
	}
	F b = rc__gen_port1(cg, 0, lo, hi, ipproto, dir, range);
	F b6 = rc__gen_port1(cg, 1, lo, hi, ipproto, dir, range);
	return rc__cfg_or(b6, b);
}

/* __pcap_atoin: dotted decimal, 1-4 parts; returns bit length or -1. */
static int atoin(const char *s, uint32_t *addr)
{
	uint32_t v = 0;
	int len = 0;
	while (*s) {
		uint32_t n = 0;
		int digits = 0;
		while (*s >= '0' && *s <= '9') {
			n = n * 10 + (uint32_t)(*s++ - '0');
			if (n > 255 || ++digits > 10)
				return -1;
		}
		if (!digits || len >= 32)
			return -1;
		v = v << 8 | n;
		len += 8;
		if (*s == '.')
			s++;
		else if (*s)
			return -1;
	}
	if (!len) /* "": no octet (callers shift by 32 - len) */
		return -1;
	*addr = v;
	return len;
}

int rc__gen_ipv4_of(rc__cg *cg, const rc__node *n, uint32_t *addr, uint32_t *mask)
{
	uint32_t a, m;
	int len;
	(void)cg;
	switch (n->vkind) {
	case RC_V_NUM:
		if (n->q.addr == RC_AQ_NET) {
			a = n->num;
			m = 0xffffffffu;
			while (a && (a & 0xff000000u) == 0) {
				a <<= 8;
				m <<= 8;
			}
		} else {
			a = n->num;
			m = 0xffffffffu;
		}
		break;
	case RC_V_HID:
		if ((len = atoin(n->text, &a)) < 0)
			return -1;
		a = len == 32 ? a : a << (32 - len);
		m = len == 32 ? 0xffffffffu : 0xffffffffu << (32 - len);
		break;
	case RC_V_NETLEN:
		if ((len = atoin(n->text, &a)) < 0 || n->num > 32)
			return -1;
		a = len == 32 ? a : a << (32 - len);
		m = n->num == 0 ? 0 : 0xffffffffu << (32 - n->num);
		break;
	case RC_V_NETMASK: {
		uint32_t mm;
		int ml;
		if ((len = atoin(n->text, &a)) < 0 || (ml = atoin(n->text2, &mm)) < 0)
			return -1;
		a = len == 32 ? a : a << (32 - len);
		m = ml == 32 ? mm : mm << (32 - ml);
		break;
	}
	default:
		return 1;
	}
	if (a & ~m)
		return -1;
	*addr = a;
	*mask = m;
	return 0;
}

static F gen_v4(rc__cg *cg, const rc__node *n)
{
	uint32_t a, m;
	if (n->q.proto == RC_PQ_DECNET)
		return rc__gen_decnet_host(cg, n);
	if (n->vkind == RC_V_HID || n->vkind == RC_V_NETLEN || n->vkind == RC_V_NETMASK) {
		if (atoin(n->text, &a) < 0)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "invalid IPv4 address '%s'",
					    n->text);
		if (n->vkind == RC_V_NETMASK && atoin(n->text2, &a) < 0)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "invalid IPv4 netmask '%s'",
					    n->text2);
		if (n->vkind == RC_V_NETLEN && n->num > 32)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "mask length must be <= 32");
	}
	if (rc__gen_ipv4_of(cg, n, &a, &m) != 0)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "non-network bits set in '%s'",
				    n->text);
	if ((n->vkind == RC_V_NETLEN || n->vkind == RC_V_NETMASK) && n->q.addr != RC_AQ_NET)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "mask syntax is for networks only "
				    "(use 'net')");
	if (n->q.proto == RC_PQ_LINK)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "illegal link-layer address");
	return rc__gen_host(cg, a, m, n->q.proto, n->q.dir, n->q.addr == RC_AQ_NET, n->col);
}

static F gen_v6(rc__cg *cg, const rc__node *n)
{
	uint8_t a[16], m[16];
	if (inet_pton(AF_INET6, n->text, a) != 1)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "invalid IPv6 address '%s'", n->text);
	uint32_t len = n->vkind == RC_V_NET6 ? n->num : 128;
	if (len > 128)
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "prefix length must be <= 128");
	for (int i = 0; i < 16; i++) {
		int bits = (int)len - 8 * i;
		m[i] = (uint8_t)(bits >= 8 ? 0xff : bits <= 0 ? 0 : 0xff << (8 - bits)); /* low byte */
		if (a[i] & ~m[i])
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "non-network bits set in '%s/%u'",
					    n->text, len);
	}
	switch (n->q.addr) {
	case RC_AQ_DEFAULT:
	case RC_AQ_HOST:
		if (len != 128)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "mask syntax is for networks "
					    "only (use 'net')");
		/* fall through */
	case RC_AQ_NET:
		return gen_host6(cg, a, m, n->q.proto, n->q.dir, n->col);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "invalid qualifier for an IPv6 address");
	}
}

static int port_proto(rc__cg *cg, const rc__node *n, int *proto)
{
	switch (n->q.proto) {
	case RC_PQ_DEFAULT: *proto = RC_PROTO_UNDEF; return 0;
	case RC_PQ_TCP: *proto = 6; return 0;
	case RC_PQ_UDP: *proto = 17; return 0;
	case RC_PQ_SCTP: *proto = 132; return 0;
	default:
		rc__gen_fail(cg, RC_ESYNTAX, n->col, "illegal qualifier '%s' for a port",
			     rc__pq_name(n->q.proto));
		return -1;
	}
}

/* gen_ncode: a number */
static F gen_num(rc__cg *cg, const rc__node *n)
{
	int proto;
	switch (n->q.addr) {
	case RC_AQ_DEFAULT:
	case RC_AQ_HOST:
	case RC_AQ_NET:
		return gen_v4(cg, n);
	case RC_AQ_PORT:
	case RC_AQ_PORTRANGE:
		if (port_proto(cg, n, &proto) < 0)
			return (F){0};
		if (n->num > 65535)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "port number out of range");
		return rc__gen_port(cg, n->num, n->num, proto, n->q.dir,
				    n->q.addr == RC_AQ_PORTRANGE);
	case RC_AQ_GATEWAY:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "'gateway' requires a name");
	case RC_AQ_PROTO:
		return rc__gen_proto(cg, n->num, n->q.proto, n->col);
	case RC_AQ_PROTOCHAIN:
		return rc__gen_protochain(cg, n->num, n->q.proto, n->col);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "syntax error");
	}
}

static int need_names(rc__cg *cg, const rc__node *n)
{
	if (cg->resolve_names)
		return 0;
	rc__gen_fail(cg, RC_ENOENT, n->col, "name lookup is disabled, so '%s' cannot be "
		     "resolved", n->text);
	return -1;
}

/* gen_scode: a name */
static F gen_name(rc__cg *cg, const rc__node *n)
{
	F none = {0};
	const rc__qual q = n->q;
	uint32_t v, lo, hi;
	int proto, rp;
	switch (q.addr) {
	case RC_AQ_DEFAULT:
	case RC_AQ_HOST: {
		if (need_names(cg, n) < 0)
			return none;
		if (q.proto == RC_PQ_LINK) {
			uint8_t mac[6];
			if (cg->link != 1)
				return rc__gen_fail(cg, RC_ENOTSUP, n->col, "Ethernet host names "
						    "need an Ethernet link");
			if (rc__name_ether(n->text, mac) < 0)
				return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown Ethernet host "
						    "'%s' (not in /etc/ethers)", n->text);
			return rc__gen_ehostop(cg, mac, q.dir, n->col);
		}
		rc__hostaddrs ha;
		if (rc__name_host(n->text, &ha) < 0)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown host '%s'", n->text);
		int p4 = q.proto, p6 = q.proto;
		if (cg->off_linktype == UINT32_MAX && q.proto == RC_PQ_DEFAULT) {
			p4 = RC_PQ_IP;
			p6 = RC_PQ_IPV6;
		}
		F b = none;
		int have = 0;
		static const uint8_t all[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
						0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
		for (size_t i = 0; i < ha.n4 && p4 != RC_PQ_IPV6; i++) {
			F t = rc__gen_host(cg, ha.v4[i], 0xffffffffu, p4, q.dir, 0, n->col);
			b = have ? rc__cfg_or(b, t) : t;
			have = 1;
		}
		for (size_t i = 0; i < ha.n6 && p6 != RC_PQ_IP; i++) {
			F t = gen_host6(cg, ha.v6[i].s6_addr, all, p6, q.dir, n->col);
			b = have ? rc__cfg_or(b, t) : t;
			have = 1;
		}
		if (!have)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown host '%s' for the "
					    "specified address family", n->text);
		return b;
	}
	case RC_AQ_NET: {
		if (need_names(cg, n) < 0)
			return none;
		if (rc__name_net(n->text, &v) < 0)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown network '%s'", n->text);
		uint32_t m = 0xffffffffu;
		while (v && (v & 0xff000000u) == 0) {
			v <<= 8;
			m <<= 8;
		}
		return rc__gen_host(cg, v, m, q.proto, q.dir, 1, n->col);
	}
	case RC_AQ_PORT:
	case RC_AQ_PORTRANGE:
		if (port_proto(cg, n, &proto) < 0)
			return none;
		if (q.addr == RC_AQ_PORT) {
			if (need_names(cg, n) < 0)
				return none;
			if (rc__name_port(n->text, &lo, &rp) < 0)
				return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown port '%s'", n->text);
			hi = lo;
		} else {
			/* numeric ranges need no lookup */
			unsigned a, b2;
			char tail;
			if (sscanf(n->text, "%u-%u%c", &a, &b2, &tail) != 2 && need_names(cg, n) < 0)
				return none;
			if (rc__name_portrange(n->text, &lo, &hi, &rp) < 0)
				return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown port range '%s'",
						    n->text);
		}
		if (proto != RC_PROTO_UNDEF && rp != RC_PROTO_UNDEF && rp != proto)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "port '%s' is %s", n->text,
					    rp == 6 ? "tcp" : "udp");
		if (proto == RC_PROTO_UNDEF)
			proto = rp;
		if (lo > 65535 || hi > 65535)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "port number out of range");
		return rc__gen_port(cg, lo, hi, proto, q.dir, q.addr == RC_AQ_PORTRANGE);
	case RC_AQ_GATEWAY: {
		if (need_names(cg, n) < 0)
			return none;
		uint8_t mac[6];
		rc__hostaddrs ha;
		if (cg->link != 1)
			return rc__gen_fail(cg, RC_ENOTSUP, n->col, "'gateway' needs an Ethernet link");
		if (rc__name_ether(n->text, mac) < 0)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown Ethernet host '%s' (not "
					    "in /etc/ethers)", n->text);
		if (rc__name_host(n->text, &ha) < 0 || ha.n4 == 0)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown host '%s'", n->text);
		F b0 = rc__gen_ehostop(cg, mac, RC_DIR_OR, n->col);
		F b1 = rc__gen_host(cg, ha.v4[0], 0xffffffffu, q.proto, RC_DIR_OR, 0, n->col);
		for (size_t i = 1; i < ha.n4; i++)
			b1 = rc__cfg_or(b1, rc__gen_host(cg, ha.v4[i], 0xffffffffu, q.proto,
							 RC_DIR_OR, 0, n->col));
		return rc__cfg_and(b0, rc__cfg_not(b1));
	}
	case RC_AQ_PROTO:
	case RC_AQ_PROTOCHAIN: {
		int r;
		if (q.proto == RC_PQ_LINK) {
			r = rc__name_eproto(n->text, &v);
		} else if (q.proto == RC_PQ_ISO) {
			r = rc__name_osiproto(n->text, &v);
		} else {
			if (need_names(cg, n) < 0)
				return none;
			r = rc__name_ipproto(n->text, &v);
		}
		if (r < 0)
			return rc__gen_fail(cg, RC_ENOENT, n->col, "unknown %s protocol '%s'",
					    q.proto == RC_PQ_LINK ? "ether" : q.proto == RC_PQ_ISO
					    ? "OSI" : "IP", n->text);
		return q.addr == RC_AQ_PROTO ? rc__gen_proto(cg, v, q.proto, n->col)
					     : rc__gen_protochain(cg, v, q.proto, n->col);
	}
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "syntax error");
	}
}

static int parse_mac(const char *s, uint8_t mac[6])
{
	unsigned b[6];
	char tail;
	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) == 6 ||
	    sscanf(s, "%2x-%2x-%2x-%2x-%2x-%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) == 6 ||
	    sscanf(s, "%2x.%2x.%2x.%2x.%2x.%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) == 6 ||
	    sscanf(s, "%2x%2x.%2x%2x.%2x%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
		   &tail) == 6) {
		for (int i = 0; i < 6; i++)
			mac[i] = (uint8_t)b[i];
		return 0;
	}
	return -1;
}

F rc__gen_id(rc__cg *cg, const rc__node *n)
{
	switch (n->vkind) {
	case RC_V_NUM:
		return gen_num(cg, n);
	case RC_V_HID:
	case RC_V_NETLEN:
	case RC_V_NETMASK:
		switch (n->q.addr) {
		case RC_AQ_PORT:
		case RC_AQ_PORTRANGE:
		case RC_AQ_PROTO:
		case RC_AQ_PROTOCHAIN:
		case RC_AQ_GATEWAY:
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "an IPv4 address is not valid "
					    "here");
		default:
			return gen_v4(cg, n);
		}
	case RC_V_HID6:
	case RC_V_NET6:
		return gen_v6(cg, n);
	case RC_V_EID: {
		uint8_t mac[6];
		if ((n->q.addr != RC_AQ_HOST && n->q.addr != RC_AQ_DEFAULT) ||
		    n->q.proto != RC_PQ_LINK)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "a MAC address needs 'ether "
					    "host', 'ether src' or 'ether dst'");
		if (parse_mac(n->text, mac) < 0)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "invalid MAC address");
		return rc__gen_ehostop(cg, mac, n->q.dir, n->col);
	}
	case RC_V_NAME:
		return gen_name(cg, n);
	default:
		return rc__gen_fail(cg, RC_ESYNTAX, n->col, "syntax error");
	}
}

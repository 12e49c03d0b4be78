/*
 * names.c - the pcap/namedb.h lookups: host, network, port, protocol,
 * EtherType and LLC SAP names, /etc/ethers parsing, and the exported
 * eproto_db table.
 *
 * Lookups go through the C library (getaddrinfo, getservbyname_r,
 * getprotobyname_r, getnetbyname_r, ether_hostton), i.e. through NSS
 * exactly as libpcap's do.  Results returned in static storage are so in
 * libpcap too, and documented in pcap/namedb.h.
 */
#include <ctype.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/namedb.h>

#include "compat/pcap_int.h"

/*
 * EtherType names used by filter expressions ("ether proto \ip").  libpcap
 * exports this table as data (struct eproto, NULL-terminated); the entries
 * and their order are those of Debian's libpcap.so.0.8.
 */
struct eproto {
	const char *s;
	u_short p;
};

struct eproto eproto_db[] = {
	{ "aarp", 0x80f3 },
	{ "arp", 0x0806 },
	{ "atalk", 0x809b },
	{ "decnet", 0x6003 },
	{ "ip", 0x0800 },
	{ "ip6", 0x86dd },
	{ "lat", 0x6004 },
	{ "loopback", 0x9000 },
	{ "mopdl", 0x6001 },
	{ "moprc", 0x6002 },
	{ "rarp", 0x8035 },
	{ "sca", 0x6007 },
	{ NULL, 0 },
};

int pcap_nametoeproto(const char *name)
{
	for (const struct eproto *e = eproto_db; e->s; e++)
		if (strcmp(e->s, name) == 0)
			return e->p;
	return PROTO_UNDEF;
}

int pcap_nametollc(const char *name)
{
	/* 802.2 SAPs with names in pcap-filter(7) ("llc iso" etc.). */
	static const struct {
		const char *s;
		int sap;
	} llc[] = { { "iso", 0xfe }, { "stp", 0x42 }, { "ipx", 0xe0 }, { "netbeui", 0xf0 } };

	for (size_t i = 0; i < sizeof(llc) / sizeof(llc[0]); i++)
		if (strcmp(llc[i].s, name) == 0)
			return llc[i].sap;
	return PROTO_UNDEF;
}

int pcap_nametoproto(const char *name)
{
	struct protoent pe, *res = NULL;
	char buf[1024];

	if (getprotobyname_r(name, &pe, buf, sizeof(buf), &res) != 0 || !res)
		return PROTO_UNDEF;
	return res->p_proto;
}

/* Port of a service name for one protocol, or -1. */
/*
 * A port by service name or number for one protocol, looked up as libpcap
 * 1.10 does, with getaddrinfo(): numbers too ("80"; glibc also takes ""
 * as 0 and keeps the low 16 bits of larger numbers).  -1 if none.
 */
static int rc__service_port(const char *name, int socktype, int protocol)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = socktype,
				  .ai_protocol = protocol };
	struct addrinfo *res;
	int port = -1;

	if (getaddrinfo(NULL, name, &hints, &res) != 0)
		return -1;
	if (res->ai_addr->sa_family == AF_INET)
		port = ntohs(((const struct sockaddr_in *)res->ai_addr)->sin_port);
	else if (res->ai_addr->sa_family == AF_INET6)
		port = ntohs(((const struct sockaddr_in6 *)res->ai_addr)->sin6_port);
	freeaddrinfo(res);
	return port;
}

int pcap_nametoport(const char *name, int *port, int *proto)
{
	int tcp = rc__service_port(name, SOCK_STREAM, IPPROTO_TCP);
	int udp = rc__service_port(name, SOCK_DGRAM, IPPROTO_UDP);

	if (tcp >= 0) {
		*port = tcp;
		/* A name meaning the same port for both is "any protocol";
		 * different ports: libpcap keeps the TCP one. */
		*proto = udp == tcp ? PROTO_UNDEF : IPPROTO_TCP;
		return 1;
	}
	if (udp >= 0) {
		*port = udp;
		*proto = IPPROTO_UDP;
		return 1;
	}
	return 0;
}

/*
 * libpcap 1.10's algorithm: "N-M" as two decimal numbers (sscanf), else
 * split at the first '-' and look both halves up with pcap_nametoport(); a
 * failure of the second leaves what the first wrote.  Not like libpcap: a
 * number outside 0..65535 (1-70000, -5-10) is refused (0, nothing
 * written) where libpcap returns it as a port (tests/compat/hostile_prog.c).
 */
int pcap_nametoportrange(const char *range, int *port1, int *port2, int *proto)
{
	const char *dash;
	char first[256];
	size_t n;
	int p1, p2, proto1;

	if (sscanf(range, "%d-%d", &p1, &p2) == 2) {
		if (p1 < 0 || p1 > 65535 || p2 < 0 || p2 > 65535)
			return 0;
		*port1 = p1;
		*port2 = p2;
		*proto = PROTO_UNDEF;
		return 1;
	}
	dash = strchr(range, '-');
	if (!dash || (n = (size_t)(dash - range)) >= sizeof(first))
		return 0;
	memcpy(first, range, n);
	first[n] = '\0';
	if (!pcap_nametoport(first, port1, proto))
		return 0;
	proto1 = *proto;
	if (!pcap_nametoport(dash + 1, port2, proto))
		return 0;
	if (*proto != proto1)
		*proto = PROTO_UNDEF;
	return 1;
}

bpf_u_int32 **pcap_nametoaddr(const char *name)
{
	/* Static result, as libpcap's (which rewrites gethostbyname's). */
	enum { RC__MAXADDRS = 64 };
	static bpf_u_int32 addrs[RC__MAXADDRS];
	static bpf_u_int32 *ptrs[RC__MAXADDRS + 1];
	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
	struct addrinfo *res, *ai;
	size_t n = 0;

	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return NULL;
	for (ai = res; ai && n < RC__MAXADDRS; ai = ai->ai_next) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)ai->ai_addr;
		addrs[n] = ntohl(sin->sin_addr.s_addr);
		ptrs[n] = &addrs[n];
		n++;
	}
	freeaddrinfo(res);
	ptrs[n] = NULL;
	return n ? ptrs : NULL;
}

struct addrinfo *pcap_nametoaddrinfo(const char *name)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_protocol = IPPROTO_TCP };
	struct addrinfo *res;

	return getaddrinfo(name, NULL, &hints, &res) == 0 ? res : NULL;
}

bpf_u_int32 pcap_nametonetaddr(const char *name)
{
	struct netent ne, *res = NULL;
	char buf[1024];
	int herr;

	if (getnetbyname_r(name, &ne, buf, sizeof(buf), &res, &herr) != 0 || !res)
		return 0;
	return res->n_net;
}

static int rc__xdigit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return tolower(c) - 'a' + 10;
}

u_char *pcap_ether_aton(const char *s)
{
	u_char *e = malloc(6);
	size_t i = 0;

	if (!e)
		return NULL;
	memset(e, 0, 6);
	/* Groups of one or two hex digits, separated by ':', '.' or '-'.
	 * Unlike libpcap, never more than 6 bytes are stored. */
	while (*s && i < 6) {
		int d;
		if (*s == ':' || *s == '.' || *s == '-') {
			s++;
			continue;
		}
		if (!isxdigit((unsigned char)*s))
			break;
		d = rc__xdigit((unsigned char)*s++);
		if (isxdigit((unsigned char)*s))
			d = (d << 4) | rc__xdigit((unsigned char)*s++);
		e[i++] = (u_char)d;
	}
	return e;
}

u_char *pcap_ether_hostton(const char *name)
{
	struct ether_addr ea;
	u_char *e;

	if (ether_hostton(name, &ea) != 0)
		return NULL;
	e = malloc(6);
	if (e)
		memcpy(e, ea.ether_addr_octet, 6);
	return e;
}

/* Skip spaces and tabs (not newlines) in a line being parsed. */
static int rc__skip_blanks(FILE *fp)
{
	int c;

	do
		c = getc(fp);
	while (c == ' ' || c == '\t' || c == '\r');
	return c;
}

/* Discard the rest of the line; returns the '\n' or EOF. */
static int rc__skip_line(FILE *fp, int c)
{
	while (c != '\n' && c != EOF)
		c = getc(fp);
	return c;
}

struct pcap_etherent *pcap_next_etherent(FILE *fp)
{
	/* Static, as in libpcap: overwritten by the next call. */
	static struct pcap_etherent e;

	for (;;) {
		int c = rc__skip_blanks(fp), i, n;

		if (c == EOF)
			return NULL;
		if (c == '\n')
			continue;
		if (!isxdigit(c)) {
			/* Comment or junk: ignore the line. */
			if (rc__skip_line(fp, c) == EOF)
				return NULL;
			continue;
		}
		memset(&e, 0, sizeof(e));
		/* Six groups of one or two hex digits separated by ':'. */
		for (i = 0; i < 6; i++) {
			int d = rc__xdigit(c);
			c = getc(fp);
			if (c != EOF && isxdigit(c)) {
				d = (d << 4) | rc__xdigit(c);
				c = getc(fp);
			}
			e.addr[i] = (u_char)d;
			if (i < 5) {
				if (c != ':')
					break;
				c = getc(fp);
				if (c == EOF || !isxdigit(c))
					break;
			}
		}
		if (i < 6 || (c != ' ' && c != '\t')) {
			if (rc__skip_line(fp, c) == EOF)
				return NULL;
			continue;
		}
		c = rc__skip_blanks(fp);
		if (c == '\n' || c == EOF || c == '#') {
			if (rc__skip_line(fp, c) == EOF)
				return NULL;
			continue;
		}
		/* The name: up to the next blank, at most 121 characters. */
		n = 0;
		while (c != EOF && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '#') {
			if (n < (int)sizeof(e.name) - 1)
				e.name[n++] = (char)c;
			c = getc(fp);
		}
		e.name[n] = '\0';
		rc__skip_line(fp, c);
		return &e;
	}
}

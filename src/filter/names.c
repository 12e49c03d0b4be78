/*
 * names.c - name lookups (see names.h).
 */
#include "filter/names.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int service(const char *name, int socktype, int proto, uint32_t *port)
{
	struct addrinfo hints = {0}, *res = NULL;
	hints.ai_family = AF_INET;
	hints.ai_socktype = socktype;
	hints.ai_protocol = proto;
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo(NULL, name, &hints, &res) != 0 || !res)
		return -1;
	*port = ntohs(((struct sockaddr_in *)res->ai_addr)->sin_port);
	freeaddrinfo(res);
	return 0;
}

int rc__name_port(const char *name, uint32_t *port, int *proto)
{
	uint32_t tp, up;
	int t = service(name, SOCK_STREAM, IPPROTO_TCP, &tp);
	int u = service(name, SOCK_DGRAM, IPPROTO_UDP, &up);
	if (t == 0) {
		*port = tp;
		*proto = (u == 0 && up == tp) ? -1 : 6;
		return 0;
	}
	if (u == 0) {
		*port = up;
		*proto = 17;
		return 0;
	}
	return -1;
}

int rc__name_portrange(const char *name, uint32_t *lo, uint32_t *hi, int *proto)
{
	unsigned a, b;
	char tail;
	if (sscanf(name, "%u-%u%c", &a, &b, &tail) == 2) {
		*lo = a;
		*hi = b;
		*proto = -1;
		return 0;
	}
	const char *dash = strchr(name, '-');
	if (!dash || dash == name || strlen(name) >= 256)
		return -1;
	char first[256];
	memcpy(first, name, (size_t)(dash - name));
	first[dash - name] = '\0';
	int p1, p2;
	if (rc__name_port(first, lo, &p1) < 0 || rc__name_port(dash + 1, hi, &p2) < 0)
		return -1;
	*proto = p1 == p2 ? p1 : -1;
	return 0;
}

int rc__name_ipproto(const char *name, uint32_t *proto)
{
	struct protoent pe, *res = NULL;
	char buf[1024];
	if (getprotobyname_r(name, &pe, buf, sizeof(buf), &res) != 0 || !res)
		return -1;
	*proto = (uint32_t)res->p_proto;
	return 0;
}

int rc__name_eproto(const char *name, uint32_t *proto)
{
	static const struct { const char *s; uint32_t p; } t[] = {
		{"ip", 0x0800}, {"ip6", 0x86dd}, {"arp", 0x0806}, {"rarp", 0x8035},
		{"revarp", 0x8035}, {"atalk", 0x809b}, {"aarp", 0x80f3}, {"decnet", 0x6003},
		{"sca", 0x6007}, {"lat", 0x6004}, {"mopdl", 0x6001}, {"moprc", 0x6002},
		{"loopback", 0x9000}, {"pup", 0x0200},
		{"iso", 0xfe}, {"stp", 0x42}, {"ipx", 0xe0}, {"netbeui", 0xf0},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(name, t[i].s) == 0) {
			*proto = t[i].p;
			return 0;
		}
	return -1;
}

int rc__name_osiproto(const char *name, uint32_t *proto)
{
	if (!strcmp(name, "clnp"))
		*proto = 0x81;
	else if (!strcmp(name, "esis") || !strcmp(name, "es-is"))
		*proto = 0x82;
	else if (!strcmp(name, "isis") || !strcmp(name, "is-is"))
		*proto = 0x83;
	else
		return -1;
	return 0;
}

int rc__name_ether(const char *name, uint8_t mac[6])
{
	struct ether_addr e;
	if (ether_hostton(name, &e) != 0)
		return -1;
	memcpy(mac, e.ether_addr_octet, 6);
	return 0;
}

int rc__name_net(const char *name, uint32_t *net)
{
	struct netent ne, *res = NULL;
	char buf[1024];
	int herr = 0;
	if (getnetbyname_r(name, &ne, buf, sizeof(buf), &res, &herr) != 0 || !res ||
	    res->n_addrtype != AF_INET)
		return -1;
	*net = res->n_net;
	return 0;
}

int rc__name_host(const char *name, rc__hostaddrs *out)
{
	struct addrinfo hints = {0}, *res = NULL;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;   /* one entry per address */
	out->n4 = out->n6 = 0;
	if (getaddrinfo(name, NULL, &hints, &res) != 0 || !res)
		return -1;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET && out->n4 < 64)
			out->v4[out->n4++] = ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr);
		else if (ai->ai_family == AF_INET6 && out->n6 < 64)
			out->v6[out->n6++] = ((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
	}
	freeaddrinfo(res);
	return out->n4 + out->n6 ? 0 : -1;
}

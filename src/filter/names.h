/*
 * names.h - name lookups for the filter compiler: services (/etc/services),
 * protocols (/etc/protocols), hosts (/etc/hosts, then getaddrinfo), MAC
 * addresses (/etc/ethers), networks (/etc/networks), and libpcap's built-in
 * ethertype / LLC / OSI protocol names.  All functions are thread-safe
 * (reentrant libc variants) except rc__name_ether (ether_hostton).
 */
#ifndef RC_FILTER_NAMES_H
#define RC_FILTER_NAMES_H

#include <netinet/in.h>
#include <stdint.h>

/* Port of a service; *proto = 6, 17 or -1 (both, same number). 0 or -1. */
int rc__name_port(const char *name, uint32_t *port, int *proto);
/* "lo-hi" numbers or "svc-svc" names; 0 or -1. */
int rc__name_portrange(const char *name, uint32_t *lo, uint32_t *hi, int *proto);
/* IP protocol number from /etc/protocols; 0 or -1. */
int rc__name_ipproto(const char *name, uint32_t *proto);
/* libpcap's ethertype names (ip, arp, ...) and LLC names (iso, stp, ipx, netbeui). */
int rc__name_eproto(const char *name, uint32_t *proto);
/* OSI names: clnp, esis, isis. */
int rc__name_osiproto(const char *name, uint32_t *proto);
/* MAC from /etc/ethers; 0 or -1. */
int rc__name_ether(const char *name, uint8_t mac[6]);
/* Network number from /etc/networks (host order, unshifted); 0 or -1. */
int rc__name_net(const char *name, uint32_t *net);

/* Addresses of a host name: up to max entries of each family. */
typedef struct rc__hostaddrs {
	size_t n4, n6;
	uint32_t v4[64];          /* host order */
	struct in6_addr v6[64];
} rc__hostaddrs;
/* 0, or -1 if the name does not resolve. */
int rc__name_host(const char *name, rc__hostaddrs *out);

#endif

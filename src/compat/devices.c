/*
 * devices.c - pcap_findalldevs, pcap_freealldevs, pcap_lookupdev,
 * pcap_lookupnet on ringcap's device listing (include/ringcap/device.h).
 *
 * rc_device_list() already returns libpcap's order and flag bits; this
 * file copies the list into pcap_if_t / pcap_addr_t nodes, which callers
 * free with pcap_freealldevs() (they must not depend on ringcap's list
 * staying alive).  Each pcap_if_t, its strings and its addresses are
 * separate allocations, as in libpcap.
 *
 * libpcap on Linux builds its address lists from getifaddrs(3), which also
 * returns one AF_PACKET entry (struct sockaddr_ll with the hardware
 * address) per interface, listed before the IP addresses; programs that
 * print or count addresses see it, so it is added here the same way.
 */
#include <errno.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "compat/pcap_int.h"
#include "ringcap/device.h"

static size_t rc__sockaddr_len(const struct sockaddr *sa)
{
	switch (sa->sa_family) {
	case AF_INET6: return sizeof(struct sockaddr_in6);
	case AF_PACKET: return sizeof(struct sockaddr_ll);
	default: return sizeof(struct sockaddr_in);
	}
}

/* A malloc'ed copy of sa (NULL stays NULL); *failed set on ENOMEM. */
static struct sockaddr *rc__dup_sockaddr(const struct sockaddr *sa, int *failed)
{
	struct sockaddr *copy;

	if (!sa)
		return NULL;
	copy = malloc(rc__sockaddr_len(sa));
	if (!copy) {
		*failed = 1;
		return NULL;
	}
	memcpy(copy, sa, rc__sockaddr_len(sa));
	return copy;
}

static void rc__free_addrs(pcap_addr_t *a)
{
	while (a) {
		pcap_addr_t *next = a->next;
		free(a->addr);
		free(a->netmask);
		free(a->broadaddr);
		free(a->dstaddr);
		free(a);
		a = next;
	}
}

void pcap_freealldevs(pcap_if_t *alldevs)
{
	while (alldevs) {
		pcap_if_t *next = alldevs->next;
		rc__free_addrs(alldevs->addresses);
		free(alldevs->name);
		free(alldevs->description);
		free(alldevs);
		alldevs = next;
	}
}

/* Append an address node to *tail; 0, or -1 on ENOMEM. */
static int rc__add_addr(pcap_addr_t ***tail, const struct sockaddr *addr,
			const struct sockaddr *netmask, const struct sockaddr *broadaddr,
			const struct sockaddr *dstaddr)
{
	pcap_addr_t *pa = calloc(1, sizeof(*pa));
	int failed = 0;

	if (!pa)
		return -1;
	**tail = pa;
	*tail = &pa->next;
	pa->addr = rc__dup_sockaddr(addr, &failed);
	pa->netmask = rc__dup_sockaddr(netmask, &failed);
	pa->broadaddr = rc__dup_sockaddr(broadaddr, &failed);
	pa->dstaddr = rc__dup_sockaddr(dstaddr, &failed);
	return failed ? -1 : 0;
}

/* The AF_PACKET entry of interface name from getifaddrs() (ifa may be NULL). */
static int rc__add_packet_addr(pcap_addr_t ***tail, const struct ifaddrs *ifa, const char *name)
{
	for (; ifa; ifa = ifa->ifa_next) {
		if (!ifa->ifa_addr || ifa->ifa_addr->sa_family != AF_PACKET ||
		    strcmp(ifa->ifa_name, name) != 0)
			continue;
		/* As libpcap: the broadcast or peer address only with the flag. */
		return rc__add_addr(tail, ifa->ifa_addr, ifa->ifa_netmask,
				    (ifa->ifa_flags & IFF_BROADCAST) ? ifa->ifa_broadaddr : NULL,
				    (ifa->ifa_flags & IFF_POINTOPOINT) ? ifa->ifa_dstaddr : NULL);
	}
	return 0;
}

/* Copy one ringcap device; NULL on ENOMEM. */
static pcap_if_t *rc__copy_device(const rc_device *d, const struct ifaddrs *ifa)
{
	pcap_if_t *pi = calloc(1, sizeof(*pi));
	pcap_addr_t **tail;
	int failed = 0;

	if (!pi)
		return NULL;
	pi->name = strdup(d->name);
	pi->description = d->description ? strdup(d->description) : NULL;
	pi->flags = d->flags | ((bpf_u_int32)d->connection << 4);
	if (!pi->name || (d->description && !pi->description))
		failed = 1;
	tail = &pi->addresses;
	if (!failed && rc__add_packet_addr(&tail, ifa, d->name) < 0)
		failed = 1;
	for (const rc_device_addr *a = d->addresses; a && !failed; a = a->next) {
		if (rc__add_addr(&tail, a->addr, a->netmask, a->broadaddr, a->dstaddr) < 0)
			failed = 1;
	}
	if (failed) {
		pcap_freealldevs(pi);
		return NULL;
	}
	return pi;
}

int pcap_findalldevs(pcap_if_t **alldevsp, char *errbuf)
{
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	struct ifaddrs *ifa = NULL;
	pcap_if_t *head = NULL, **tail = &head;

	*alldevsp = NULL;
	if (rc_device_list(&list, err) < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", err);
		return PCAP_ERROR;
	}
	/* Only for the hardware addresses: without them the list is still right. */
	if (getifaddrs(&ifa) < 0)
		ifa = NULL;
	for (const rc_device *d = list; d; d = d->next) {
		pcap_if_t *pi = rc__copy_device(d, ifa);
		if (!pi) {
			freeifaddrs(ifa);
			pcap_freealldevs(head);
			rc_device_list_free(list);
			snprintf(errbuf, PCAP_ERRBUF_SIZE, "malloc: %s", strerror(ENOMEM));
			return PCAP_ERROR;
		}
		*tail = pi;
		tail = &pi->next;
	}
	freeifaddrs(ifa);
	rc_device_list_free(list);
	*alldevsp = head;
	return 0;
}

char *pcap_lookupdev(char *errbuf)
{
	/* Static, as in libpcap (deprecated for that reason). */
	static char name[64];
	pcap_if_t *all;

	if (rc__pcap_new_api()) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE,
			 "pcap_lookupdev() is deprecated and is not supported in programs calling pcap_init()");
		return NULL;
	}
	if (pcap_findalldevs(&all, errbuf) < 0)
		return NULL;
	/* The first device, unless it is a loopback one (libpcap's rule). */
	if (!all || (all->flags & PCAP_IF_LOOPBACK)) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "no suitable device found");
		pcap_freealldevs(all);
		return NULL;
	}
	snprintf(name, sizeof(name), "%s", all->name);
	pcap_freealldevs(all);
	return name;
}

int pcap_lookupnet(const char *device, bpf_u_int32 *netp, bpf_u_int32 *maskp, char *errbuf)
{
	char err[RC_ERRBUF_SIZE];
	uint32_t net, mask;

	if (rc_device_lookup_net(device, &net, &mask, err) < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", err);
		return PCAP_ERROR;
	}
	/* Network byte order in the integer, as libpcap (sin_addr.s_addr). */
	*netp = net;
	*maskp = mask;
	return 0;
}

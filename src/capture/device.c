/*
 * device.c - the device list (include/ringcap/device.h).
 *
 * Building a list takes four steps:
 *   1. RTM_GETLINK dump -> one rc_device per interface, in index order,
 *      with name, alias, IFF_* flags, hardware type, MTU and address;
 *   2. RTM_GETADDR dump -> IPv4/IPv6 addresses appended to their device
 *      by interface index (IPv4 labels such as "eth0:1" need no name
 *      surgery, unlike getifaddrs() users);
 *   3. per device: link type (capture/arphrd.h), wireless bit and
 *      connection status, the way libpcap 1.10's get_if_flags() decides
 *      them (pcap-linux.c);
 *   4. the "any" pseudo-device, then a stable sort by libpcap's "figure of
 *      merit" (pcap.c get_figure_of_merit), so the order equals
 *      pcap_findalldevs() and tcpdump -D.
 *
 * Memory: every rc_device is one malloc'ed node plus its name and
 * description strings; every rc_device_addr is one block holding the
 * public node and the sockaddrs it points to:
 *
 *   struct rc__addr_block
 *   +-----------------+--------------+--------------+-----------+-----------+-------+
 *   | rc_device_addr  | storage[0]   | storage[1]   | storage[2]| storage[3]| label |
 *   | next,addr,mask, | addr         | netmask      | broadaddr | dstaddr   |       |
 *   | brd,dst,prefix  |              |              |           |           |       |
 *   +-----------------+--------------+--------------+-----------+-----------+-------+
 *
 * so rc_device_list_free() frees each block with one call.
 */
#include "ringcap/device.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/arphrd.h"
#include "capture/device_netlink.h"
#include "capture/sysfs.h"
#include "ringcap/linktype.h"
#include "util/errmsg.h"

#ifndef ARPHRD_IEEE802154_MONITOR
#define ARPHRD_IEEE802154_MONITOR 805
#endif
#ifndef ARPHRD_6LOWPAN
#define ARPHRD_6LOWPAN 825
#endif

#define RC__ANY_DESCRIPTION "Pseudo-device that captures on all interfaces"

struct rc__addr_block {
	rc_device_addr pub; /* first: the block's address is the node's */
	struct sockaddr_storage storage[4];
	char label[IFNAMSIZ]; /* IPv4 label ("eth0", "eth0:1"), "" if none */
};

/* The list under construction, in discovery (interface index) order. */
struct rc__builder {
	rc_device *head, **tail;
	size_t count;
	char *errbuf;
};

/* ---- freeing ---- */

static void rc__device_free(rc_device *d)
{
	rc_device_addr *a = d->addresses;

	while (a) {
		rc_device_addr *next = a->next;
		free(a); /* the rc__addr_block */
		a = next;
	}
	free(d->name);
	free(d->description);
	free(d);
}

void rc_device_list_free(rc_device *list)
{
	while (list) {
		rc_device *next = list->next;
		rc__device_free(list);
		list = next;
	}
}

/* ---- step 1: links ---- */

static int rc__add_link(void *ctx, const struct rc__nl_link *l)
{
	struct rc__builder *b = ctx;
	rc_device *d = calloc(1, sizeof(*d));

	if (!d)
		return rc__errf(b->errbuf, RC_ENOMEM, "device list: out of memory");
	d->name = strdup(l->name);
	d->description = l->alias ? strdup(l->alias) : NULL;
	if (!d->name || (l->alias && !d->description)) {
		rc__device_free(d);
		return rc__errf(b->errbuf, RC_ENOMEM, "device list: out of memory");
	}
	d->ifindex = l->ifindex;
	d->if_flags = l->if_flags;
	d->arphrd_type = l->arphrd_type;
	d->mtu_bytes = l->mtu_bytes;
	if (l->hwaddr) {
		memcpy(d->hwaddr, l->hwaddr, l->hwaddr_len);
		d->hwaddr_len = l->hwaddr_len;
	}
	*b->tail = d;
	b->tail = &d->next;
	b->count++;
	return 0;
}

/* ---- step 2: addresses ---- */

static void rc__fill_sockaddr(struct sockaddr_storage *ss, int family, const unsigned char *bytes,
			      int ifindex)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;
		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, bytes, 4);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, bytes, 16);
		/* As getifaddrs(3) does: link-local scope is the interface. */
		if (IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr) ||
		    IN6_IS_ADDR_MC_LINKLOCAL(&sin6->sin6_addr))
			sin6->sin6_scope_id = (uint32_t)ifindex;
	}
}

/* Netmask of prefix_len leading one bits, 4 or 16 bytes. */
static void rc__prefix_mask(unsigned char *mask, size_t len, unsigned prefix_len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned bits = prefix_len > 8 * i ? prefix_len - 8 * (unsigned)i : 0;
		mask[i] = (unsigned char)(bits >= 8 ? 0xffu : 0xff00u >> bits); /* low byte */
	}
}

static int rc__add_addr(void *ctx, const struct rc__nl_addr *r)
{
	struct rc__builder *b = ctx;
	unsigned char mask[16];
	rc_device *d;

	for (d = b->head; d && d->ifindex != r->ifindex; d = d->next)
		;
	if (!d)
		return 0; /* the interface appeared after the link dump */

	struct rc__addr_block *blk = calloc(1, sizeof(*blk));
	if (!blk)
		return rc__errf(b->errbuf, RC_ENOMEM, "device list: out of memory");
	rc_device_addr *a = &blk->pub;
	rc__prefix_mask(mask, r->family == AF_INET ? 4 : 16, r->prefix_len);
	rc__fill_sockaddr(&blk->storage[0], r->family, r->local, r->ifindex);
	rc__fill_sockaddr(&blk->storage[1], r->family, mask, r->ifindex);
	a->addr = (struct sockaddr *)&blk->storage[0];
	a->netmask = (struct sockaddr *)&blk->storage[1];
	a->prefix_len = r->prefix_len;
	/* libpcap reports a broadcast address only on IFF_BROADCAST devices
	 * and a destination only on IFF_POINTOPOINT ones; so does ringcap. */
	if (r->broadcast && (d->if_flags & IFF_BROADCAST)) {
		rc__fill_sockaddr(&blk->storage[2], r->family, r->broadcast, r->ifindex);
		a->broadaddr = (struct sockaddr *)&blk->storage[2];
	}
	if (r->peer && (d->if_flags & IFF_POINTOPOINT)) {
		rc__fill_sockaddr(&blk->storage[3], r->family, r->peer, r->ifindex);
		a->dstaddr = (struct sockaddr *)&blk->storage[3];
	}
	if (r->label)
		snprintf(blk->label, sizeof(blk->label), "%s", r->label);

	rc_device_addr **tail = &d->addresses;
	while (*tail)
		tail = &(*tail)->next;
	*tail = a;
	return 0;
}

/* ---- step 3: link type, wireless, connection status ---- */

static int rc__is_wireless_type(int arphrd_type)
{
	switch (arphrd_type) {
	case ARPHRD_IRDA:
	case ARPHRD_IEEE80211:
	case ARPHRD_IEEE80211_PRISM:
	case ARPHRD_IEEE80211_RADIOTAP:
	case ARPHRD_IEEE802154:
	case ARPHRD_IEEE802154_MONITOR:
	case ARPHRD_6LOWPAN:
		return 1;
	default:
		return 0;
	}
}

/* A socket for device ioctls that needs no privilege. */
static int rc__ioctl_socket(void)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	return fd;
}

/*
 * Connection status as libpcap 1.10 determines it: loopback devices are
 * "not applicable"; ARPHRD_LOOPBACK devices without IFF_LOOPBACK stay
 * unknown; otherwise ETHTOOL_GLINK (which needs no privilege) says
 * connected or disconnected, and a driver without it (EOPNOTSUPP/EINVAL)
 * is "not applicable".  Where libpcap fails the whole listing on another
 * ioctl error, ringcap reports that one device as unknown.
 */
static int rc__connection(const rc_device *d, int ioctl_fd)
{
	struct ethtool_value ev = { .cmd = ETHTOOL_GLINK, .data = 0 };
	struct ifreq ifr;

	if (d->if_flags & IFF_LOOPBACK)
		return RC_DEVICE_CONN_NOT_APPLICABLE;
	if (d->arphrd_type == ARPHRD_LOOPBACK || ioctl_fd < 0)
		return RC_DEVICE_CONN_UNKNOWN;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", d->name);
	ifr.ifr_data = (char *)&ev;
	if (ioctl(ioctl_fd, SIOCETHTOOL, &ifr) < 0)
		return errno == EOPNOTSUPP || errno == EINVAL ? RC_DEVICE_CONN_NOT_APPLICABLE
							      : RC_DEVICE_CONN_UNKNOWN;
	return ev.data ? RC_DEVICE_CONN_CONNECTED : RC_DEVICE_CONN_DISCONNECTED;
}

static void rc__classify(rc_device *d, int ioctl_fd)
{
	int cooked = 0;
	int lt = rc__device_linktype(d->name, d->ifindex, d->arphrd_type, &cooked, NULL);

	/* A DSA tag libpcap cannot open either: no link type to promise. */
	d->linktype = lt >= 0 ? lt : -1;
	d->cooked = cooked != RC__ARPHRD_RAW;
	if (d->if_flags & IFF_UP)
		d->flags |= RC_DEVICE_UP;
	if (d->if_flags & IFF_RUNNING)
		d->flags |= RC_DEVICE_RUNNING;
	if (d->if_flags & IFF_LOOPBACK)
		d->flags |= RC_DEVICE_LOOPBACK;
	else if (rc__sysfs_has(d->name, d->ifindex, "wireless") ||
		 rc__sysfs_has(d->name, d->ifindex, "phy80211") ||
		 rc__is_wireless_type(d->arphrd_type))
		d->flags |= RC_DEVICE_WIRELESS;
	d->connection = rc__connection(d, ioctl_fd);
}

/* ---- step 4: "any" and the order ---- */

static int rc__add_any(struct rc__builder *b)
{
	rc_device *d = calloc(1, sizeof(*d));

	if (!d || !(d->name = strdup("any")) || !(d->description = strdup(RC__ANY_DESCRIPTION))) {
		if (d)
			rc__device_free(d);
		return rc__errf(b->errbuf, RC_ENOMEM, "device list: out of memory");
	}
	d->flags = RC_DEVICE_UP | RC_DEVICE_RUNNING;
	d->connection = RC_DEVICE_CONN_NOT_APPLICABLE;
	d->arphrd_type = -1;
	d->linktype = RC_LINKTYPE_LINUX_SLL;
	d->cooked = 1;
	*b->tail = d;
	b->tail = &d->next;
	b->count++;
	return 0;
}

/* libpcap 1.10 get_figure_of_merit(): smaller sorts first. */
static uint32_t rc__merit(const rc_device *d)
{
	uint32_t n = 0;

	if (!(d->flags & RC_DEVICE_RUNNING))
		n |= 0x80000000u;
	if (!(d->flags & RC_DEVICE_UP))
		n |= 0x40000000u;
	if (!(d->flags & RC_DEVICE_WIRELESS) && d->connection == RC_DEVICE_CONN_DISCONNECTED)
		n |= 0x20000000u;
	if (d->flags & RC_DEVICE_LOOPBACK)
		n |= 0x10000000u;
	if (d->ifindex == 0 && strcmp(d->name, "any") == 0)
		n |= 0x08000000u;
	return n;
}

struct rc__rank {
	uint32_t merit;
	size_t pos; /* discovery position: ties keep it, as libpcap's insertion does */
	rc_device *dev;
};

static int rc__rank_cmp(const void *pa, const void *pb)
{
	const struct rc__rank *a = pa, *b = pb;

	if (a->merit != b->merit)
		return a->merit < b->merit ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int rc__sort(struct rc__builder *b)
{
	struct rc__rank *r = calloc(b->count, sizeof(*r));
	size_t i = 0;

	if (!r)
		return rc__errf(b->errbuf, RC_ENOMEM, "device list: out of memory");
	for (rc_device *d = b->head; d; d = d->next, i++)
		r[i] = (struct rc__rank){ rc__merit(d), i, d };
	qsort(r, b->count, sizeof(*r), rc__rank_cmp);
	b->tail = &b->head;
	for (i = 0; i < b->count; i++) {
		*b->tail = r[i].dev;
		b->tail = &r[i].dev->next;
	}
	*b->tail = NULL;
	free(r);
	return 0;
}

int rc_device_list(rc_device **out, char *errbuf)
{
	struct rc__builder b = { NULL, NULL, 0, errbuf };
	int st, fd;

	if (!out)
		return rc__errf(errbuf, RC_EINVAL, "rc_device_list: out is NULL");
	*out = NULL;
	b.tail = &b.head;
	st = rc__nl_dump_links(rc__add_link, &b, errbuf);
	if (st < 0)
		goto err;
	st = rc__nl_dump_addrs(rc__add_addr, &b, errbuf);
	if (st < 0)
		goto err;
	fd = rc__ioctl_socket();
	for (rc_device *d = b.head; d; d = d->next)
		rc__classify(d, fd);
	if (fd >= 0)
		close(fd);
	st = rc__add_any(&b);
	if (st < 0)
		goto err;
	st = rc__sort(&b);
	if (st < 0)
		goto err;
	*out = b.head;
	return (int)b.count;
err:
	rc_device_list_free(b.head);
	return st;
}

/* ---- lookups ---- */

const rc_device *rc_device_find(const rc_device *list, const char *name)
{
	if (!name)
		return NULL;
	for (; list; list = list->next)
		if (strcmp(list->name, name) == 0)
			return list;
	return NULL;
}

static int rc__check_name(const char *name, const char *what, char *errbuf)
{
	if (!name || !*name)
		return rc__errf(errbuf, RC_EINVAL, "%s: empty device name", what);
	if (strlen(name) >= IFNAMSIZ)
		return rc__errf(errbuf, RC_EINVAL, "%s: device name \"%.*s...\" longer than %d bytes",
				what, IFNAMSIZ, name, IFNAMSIZ - 1);
	return 0;
}

int rc_device_get(const char *name, rc_device **out, char *errbuf)
{
	rc_device *list, **link;
	int st;

	if (!out)
		return rc__errf(errbuf, RC_EINVAL, "rc_device_get: out is NULL");
	*out = NULL;
	st = rc__check_name(name, "rc_device_get", errbuf);
	if (st < 0)
		return st;
	st = rc_device_list(&list, errbuf);
	if (st < 0)
		return st;
	for (link = &list; *link; link = &(*link)->next) {
		if (strcmp((*link)->name, name) == 0) {
			rc_device *d = *link;
			*link = d->next;
			d->next = NULL;
			rc_device_list_free(list);
			*out = d;
			return 0;
		}
	}
	rc_device_list_free(list);
	return rc__errf(errbuf, RC_ENODEV, "no such device: %s", name);
}

int rc_device_lookup_net(const char *device, uint32_t *net_be, uint32_t *mask_be, char *errbuf)
{
	rc_device *d;
	int st;

	if (!net_be || !mask_be)
		return rc__errf(errbuf, RC_EINVAL, "rc_device_lookup_net: NULL output pointer");
	*net_be = *mask_be = 0;
	/* "any" spans every network: 0/0, as pcap_lookupnet() answers. */
	if (!device || strcmp(device, "any") == 0)
		return 0;
	st = rc_device_get(device, &d, errbuf);
	if (st < 0)
		return st;
	/*
	 * pcap_lookupnet() asks SIOCGIFADDR, which answers with the first IPv4
	 * address whose label is the device name itself (not "eth0:1").
	 */
	const struct rc__addr_block *found = NULL;
	for (const rc_device_addr *a = d->addresses; a && !found; a = a->next) {
		const struct rc__addr_block *blk = (const struct rc__addr_block *)a;
		if (a->addr->sa_family == AF_INET &&
		    (blk->label[0] == '\0' || strcmp(blk->label, device) == 0))
			found = blk;
	}
	if (!found) {
		rc_device_list_free(d);
		return rc__errf(errbuf, RC_ENOENT, "%s: no IPv4 address assigned", device);
	}
	uint32_t addr = ((const struct sockaddr_in *)found->pub.addr)->sin_addr.s_addr;
	uint32_t mask = ((const struct sockaddr_in *)found->pub.netmask)->sin_addr.s_addr;
	rc_device_list_free(d);
	if (mask == 0) {
		/*
		 * A /0 address: fall back to the classful mask of the address.
		 * (libpcap applies IN_CLASSx to the network-order value, which
		 * picks the wrong class on little-endian hosts; ringcap uses
		 * the address as written.)
		 */
		uint32_t h = ntohl(addr);
		if (IN_CLASSA(h))
			mask = htonl(IN_CLASSA_NET);
		else if (IN_CLASSB(h))
			mask = htonl(IN_CLASSB_NET);
		else if (IN_CLASSC(h))
			mask = htonl(IN_CLASSC_NET);
		else
			return rc__errf(errbuf, RC_ENOTSUP,
					"%s: class of address %u.%u.%u.%u has no default netmask",
					device, h >> 24, (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
	}
	*net_be = addr & mask;
	*mask_be = mask;
	return 0;
}

const char *rc_device_connection_name(int connection)
{
	switch (connection) {
	case RC_DEVICE_CONN_CONNECTED:
		return "Connected";
	case RC_DEVICE_CONN_DISCONNECTED:
		return "Disconnected";
	case RC_DEVICE_CONN_NOT_APPLICABLE:
		return "Not applicable";
	default:
		return "Unknown";
	}
}

/*
 * ringcap/device.h - the network devices a capture can be opened on.
 *
 * rc_device_list() returns every network interface of the calling
 * thread's network namespace, plus the pseudo-device "any", as a linked
 * list in the order tcpdump -D shows (libpcap 1.10's pcap_findalldevs()
 * order, see rc_device_list).  Everything comes from rtnetlink
 * (RTM_GETLINK, RTM_GETADDR) and the ETHTOOL_GLINK ioctl, so interfaces
 * without addresses and interfaces that are down are listed too, and the
 * result is right inside a network namespace even when /sys belongs to
 * another one.  Nothing is executed, nothing is cached: each call reads
 * the kernel's current state.
 *
 * Example (examples/list_devices.c does this in full):
 *
 *     rc_device *list;
 *     char err[RC_ERRBUF_SIZE];
 *     if (rc_device_list(&list, err) < 0) { fprintf(stderr, "%s\n", err); ... }
 *     for (rc_device *d = list; d; d = d->next)
 *         printf("%d.%s\n", d->ifindex, d->name);
 *     rc_device_list_free(list);
 */
#ifndef RINGCAP_DEVICE_H
#define RINGCAP_DEVICE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "ringcap/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rc_device.flags.  The bit values are those of libpcap's PCAP_IF_*
 * flags, so (flags | connection << 4) is exactly pcap_if_t.flags.
 */
enum rc_device_flag {
	RC_DEVICE_LOOPBACK = 0x1u, /* IFF_LOOPBACK */
	RC_DEVICE_UP = 0x2u,       /* IFF_UP: administratively up */
	RC_DEVICE_RUNNING = 0x4u,  /* IFF_RUNNING: up and the link has carrier */
	RC_DEVICE_WIRELESS = 0x8u, /* 802.11 (sysfs wireless/phy80211), IrDA,
	                            * 802.15.4 or 6LoWPAN hardware type */
};

/* rc_device.connection, libpcap's PCAP_IF_CONNECTION_STATUS_* >> 4. */
enum rc_device_connection {
	RC_DEVICE_CONN_UNKNOWN = 0,        /* the driver could not be asked */
	RC_DEVICE_CONN_CONNECTED = 1,      /* ETHTOOL_GLINK: link detected */
	RC_DEVICE_CONN_DISCONNECTED = 2,   /* ETHTOOL_GLINK: no link */
	RC_DEVICE_CONN_NOT_APPLICABLE = 3, /* loopback, "any", no link notion */
};

/* Longest hardware address a Linux device can have (MAX_ADDR_LEN). */
#define RC_DEVICE_HWADDR_MAX 32

/*
 * One IPv4 or IPv6 address of a device.  Field order matches libpcap's
 * pcap_addr_t.  Every sockaddr points into the same allocation as the node
 * (sockaddr_in or sockaddr_in6; IPv6 link-local addresses carry the
 * ifindex in sin6_scope_id).
 */
typedef struct rc_device_addr {
	struct rc_device_addr *next;
	struct sockaddr *addr;      /* the local address; never NULL */
	struct sockaddr *netmask;   /* from prefix_len; never NULL */
	struct sockaddr *broadaddr; /* IPv4 broadcast, NULL if none configured
	                             * or the device lacks IFF_BROADCAST */
	struct sockaddr *dstaddr;   /* peer of a point-to-point address, else NULL */
	unsigned prefix_len;        /* 0..32 (IPv4) or 0..128 (IPv6) */
} rc_device_addr;

/* One device.  All pointers are owned by the list they came from. */
typedef struct rc_device {
	struct rc_device *next;
	char *name;              /* "eth0", "any" */
	char *description;       /* the interface alias (ip link set X alias ...,
	                          * /sys/class/net/X/ifalias) or NULL; "any" has
	                          * "Pseudo-device that captures on all interfaces" */
	rc_device_addr *addresses; /* IPv4 first, then IPv6, in kernel order */
	unsigned flags;          /* enum rc_device_flag bits */
	int connection;          /* enum rc_device_connection */
	int ifindex;             /* kernel interface index; 0 for "any" */
	unsigned if_flags;       /* raw IFF_* flags (net/if.h); 0 for "any" */
	int arphrd_type;         /* ARPHRD_* hardware type; -1 for "any" */
	/*
	 * Link type (RC_LINKTYPE_* / LINKTYPE_* value) that libpcap reports for
	 * a capture on this device: ETHERNET for Ethernet and loopback, RAW for
	 * tun/ipip/sit, LINUX_SLL for "any" and for hardware types that need a
	 * cooked socket (cooked != 0).  ringcap's own capture may deliver
	 * LINUX_SLL2 in cooked mode: ask rc_capture_linktype() for an open
	 * capture.
	 */
	int linktype;
	int cooked;              /* 1 if capture needs SOCK_DGRAM (cooked) */
	unsigned mtu_bytes;      /* 0 for "any" */
	unsigned char hwaddr[RC_DEVICE_HWADDR_MAX]; /* e.g. the MAC address */
	size_t hwaddr_len;       /* 0 when the device has none (tun, "any") */
} rc_device;

/*
 * rc_device_list - every device of the current network namespace, plus
 * "any", as a newly allocated list in *out (caller frees it with
 * rc_device_list_free).  Returns the number of devices (>= 1: "any" is
 * always there) or a negative status with a message in errbuf
 * (RC_ERRBUF_SIZE bytes, may be NULL): RC_ENOMEM, RC_EIO (netlink failure,
 * message names the request), RC_EINVAL (out is NULL).  On error *out is
 * NULL.
 *
 * Order, as libpcap 1.10 sorts pcap_findalldevs(): devices are ranked by
 *   not RUNNING (worst) > not UP > wired and DISCONNECTED > LOOPBACK > "any"
 * - each condition a bit, compared as a number, so "any" comes after every
 * up-and-running non-loopback device and before loopback, down and
 * disconnected ones; equal ranks keep interface index order.
 *
 * Thread-safe (no shared state); each call opens its own netlink socket.
 */
int rc_device_list(rc_device **out, char *errbuf);

/*
 * rc_device_list_free - release a list from rc_device_list or
 * rc_device_get.  NULL is accepted.  Pointers into the list are invalid
 * afterwards.
 */
void rc_device_list_free(rc_device *list);

/*
 * rc_device_find - the device called name in list, or NULL.  The result
 * points into the list (no copy).  Thread-safe for concurrent readers.
 */
const rc_device *rc_device_find(const rc_device *list, const char *name);

/*
 * rc_device_get - one device by name ("any" included), as a one-element
 * list the caller frees with rc_device_list_free.  Returns 0, or
 * RC_ENODEV with "no such device: NAME" in errbuf, RC_EINVAL for a NULL,
 * empty or over-long (>= IFNAMSIZ) name, or an rc_device_list error.
 */
int rc_device_get(const char *name, rc_device **out, char *errbuf);

/*
 * rc_device_lookup_net - network number and netmask of the first IPv4
 * address of device, like pcap_lookupnet(): both in network byte order
 * (as in sin_addr.s_addr); network = address & mask.  A /0 address gets
 * its classful mask (A, B or C), as libpcap does.  device NULL or "any"
 * gives 0 and 0.  Returns 0, or RC_ENODEV ("no such device: NAME"),
 * RC_ENOENT ("NAME: no IPv4 address assigned"), RC_EINVAL (NULL output
 * pointer, bad name), or an rc_device_list error; message in errbuf
 * (may be NULL).  Thread-safe.
 */
int rc_device_lookup_net(const char *device, uint32_t *net_be, uint32_t *mask_be,
			 char *errbuf);

/*
 * rc_device_connection_name - "Connected", "Disconnected", "Not
 * applicable" or "Unknown" for an enum rc_device_connection value
 * ("Unknown" also for values outside the enum); static string.
 */
const char *rc_device_connection_name(int connection);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_DEVICE_H */

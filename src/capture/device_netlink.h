/*
 * device_netlink.h - the two rtnetlink dumps the device list is built from.
 *
 * rc__nl_dump_links walks RTM_GETLINK (one record per interface, in the
 * kernel's dump order, i.e. by interface index), rc__nl_dump_addrs walks
 * RTM_GETADDR (IPv4 then IPv6, each device's addresses in kernel order).
 * Each dump is read completely and checked before the first callback, so a
 * dump the kernel marks as interrupted (NLM_F_DUMP_INTR: an interface
 * changed meanwhile) is retried without calling back twice.  Records are
 * validated (lengths, NUL-terminated names) and malformed ones skipped.
 */
#ifndef RC_CAPTURE_DEVICE_NETLINK_H
#define RC_CAPTURE_DEVICE_NETLINK_H

#include <stddef.h>

/* One RTM_NEWLINK record.  Pointers are valid during the callback only. */
struct rc__nl_link {
	int ifindex;
	int arphrd_type;              /* ifi_type, ARPHRD_* */
	unsigned if_flags;            /* ifi_flags, IFF_* */
	const char *name;             /* IFLA_IFNAME, 1..IFNAMSIZ-1 chars */
	const char *alias;            /* IFLA_IFALIAS, NULL if unset or empty */
	unsigned mtu_bytes;           /* IFLA_MTU, 0 if absent */
	const unsigned char *hwaddr;  /* IFLA_ADDRESS, NULL if absent */
	size_t hwaddr_len;            /* 1..RC_DEVICE_HWADDR_MAX when present */
};

/* One RTM_NEWADDR record (AF_INET or AF_INET6 only). */
struct rc__nl_addr {
	int ifindex;
	int family;                       /* AF_INET or AF_INET6 */
	unsigned prefix_len;              /* <= 32 or <= 128 */
	const unsigned char *local;       /* 4 or 16 bytes, never NULL */
	const unsigned char *peer;        /* point-to-point peer, or NULL */
	const unsigned char *broadcast;   /* IFA_BROADCAST (IPv4), or NULL */
	const char *label;                /* IFA_LABEL (IPv4 "eth0:1"), or NULL */
};

/* Callbacks return 0 to go on or a negative status to stop the walk with it. */
typedef int (*rc__nl_link_fn)(void *ctx, const struct rc__nl_link *link);
typedef int (*rc__nl_addr_fn)(void *ctx, const struct rc__nl_addr *addr);

/*
 * Run the dump and call fn for each record.  Returns 0, the first negative
 * status of fn, or RC_EIO / RC_ENOMEM / RC_EPERM with a message naming the
 * request in errbuf (RC_ERRBUF_SIZE bytes, may be NULL).  Uses its own
 * socket; thread-safe.  The receive has a 5 s time limit so a kernel that
 * never answers cannot hang the caller.
 */
int rc__nl_dump_links(rc__nl_link_fn fn, void *ctx, char *errbuf);
int rc__nl_dump_addrs(rc__nl_addr_fn fn, void *ctx, char *errbuf);

#endif /* RC_CAPTURE_DEVICE_NETLINK_H */

/*
 * test_device_list.c - rc_device_list / rc_device_get / rc_device_lookup_net
 * in a private network namespace whose interfaces the test builds itself,
 * checked against the known setup and against libpcap's pcap_findalldevs,
 * pcap_lookupnet and tcpdump -D in the same namespace.
 *
 * Each test runs in its own process (harness), which unshares a network
 * and a mount namespace and mounts a sysfs of that network namespace on
 * /sys (as `ip netns exec` does, so that libpcap's sysfs lookups see the
 * test's interfaces).  The namespace and everything in it vanish when the
 * test process exits, whatever the outcome: nothing to clean up.
 *
 * Topology (enter_fixture):
 *   lo    up
 *   h4a   veth, up, running, MAC 02:..:0a, MTU 9000, alias "uplink under test",
 *         10.20.30.1/24 brd 10.20.30.255, 10.40.0.1/16 brd 10.40.255.255
 *         (label h4a:1), fd00:1::1/64, fd00:2::1/100, fe80::ff:fe00:a/64
 *   h4b   veth peer of h4a, up, running, MAC 02:..:0b, no addresses
 *   h4c   veth, down (disconnected)
 *   h4d   veth peer of h4c, up but no carrier, 10.77.1.1/0
 *   h4t   tun (ARPHRD_NONE), up, no reader attached, 192.168.50.1 peer .2
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "harness.h"
#include "ringcap/device.h"
#include "ringcap/linktype.h"
#include "testutil.h"

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

/* Run a command that must succeed. */
#define SH(...) ASSERT_INT_EQ(rc_test_sh(NULL, __VA_ARGS__), 0)

static void enter_netns(void)
{
	rc_test_need_root();
	rc_test_need_tool("ip");
	if (unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
		SKIP("unshare(CLONE_NEWNET|CLONE_NEWNS) not permitted here");
	ASSERT_INT_EQ(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), 0);
	ASSERT_INT_EQ(mount("sysfs", "/sys", "sysfs", 0, NULL), 0);
}

static void enter_fixture(void)
{
	enter_netns();
	SH("ip link set lo up");
	SH("ip link add h4a address 02:00:00:00:00:0a type veth "
	   "peer name h4b address 02:00:00:00:00:0b");
	SH("ip link set h4b addrgenmode none");
	SH("ip link set h4a mtu 9000 && ip link set h4b mtu 9000");
	SH("ip link set h4a alias 'uplink under test'");
	SH("ip addr add 10.20.30.1/24 brd + dev h4a");
	SH("ip addr add 10.40.0.1/16 brd 10.40.255.255 dev h4a label h4a:1");
	SH("ip -6 addr add fd00:1::1/64 dev h4a nodad");
	SH("ip -6 addr add fd00:2::1/100 dev h4a nodad");
	SH("ip link set h4a up && ip link set h4b up");
	SH("ip link add h4c type veth peer name h4d");
	SH("ip link set h4c addrgenmode none && ip link set h4d addrgenmode none");
	SH("ip addr add 10.77.1.1/0 dev h4d");
	SH("ip link set h4d up");
	SH("ip tuntap add mode tun name h4t");
	SH("ip link set h4t addrgenmode none");
	SH("ip addr add 192.168.50.1 peer 192.168.50.2 dev h4t");
	SH("ip link set h4t up");
	/* h4a got its carrier when h4b came up, and both become running
	 * (operstate UP) only when the linkwatch work has run - a kernel
	 * thread that waits for a CPU under load (net/core/link_watch.c).
	 * Bounded: 20 s. */
	SH("for i in $(seq 2000); do ip -o link show dev h4a | grep -q ' state UP ' && "
	   "ip -o link show dev h4b | grep -q ' state UP ' && exit 0; sleep 0.01; done; exit 1");
}

static const char *ntop(const struct sockaddr *sa, char *buf)
{
	const void *p = sa->sa_family == AF_INET
				? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
				: (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
	return inet_ntop(sa->sa_family, p, buf, INET6_ADDRSTRLEN);
}

/* Assert one address node: "addr/prefix", netmask, broadcast, peer ("" = none). */
static void check_addr(const rc_device_addr *a, const char *addr, unsigned prefix,
		       const char *mask, const char *brd, const char *peer)
{
	char b[INET6_ADDRSTRLEN];

	ASSERT_TRUE(a != NULL);
	ASSERT_STR_EQ(ntop(a->addr, b), addr);
	ASSERT_UINT_EQ(a->prefix_len, prefix);
	ASSERT_STR_EQ(ntop(a->netmask, b), mask);
	ASSERT_INT_EQ(a->netmask->sa_family, a->addr->sa_family);
	if (*brd)
		ASSERT_STR_EQ(a->broadaddr ? ntop(a->broadaddr, b) : "(none)", brd);
	else
		ASSERT_TRUE(a->broadaddr == NULL);
	if (*peer)
		ASSERT_STR_EQ(a->dstaddr ? ntop(a->dstaddr, b) : "(none)", peer);
	else
		ASSERT_TRUE(a->dstaddr == NULL);
}

static const rc_device *must_find(const rc_device *list, const char *name)
{
	const rc_device *d = rc_device_find(list, name);
	if (!d)
		rc_test_fail(__FILE__, __LINE__, "device %s missing from the list", name);
	return d;
}

TEST(device_list_names_and_order_follow_libpcap_ranking)
{
	static const char *const want[] = { "h4b", "h4a", "any", "lo", "h4d", "h4t", "h4c" };
	char err[RC_ERRBUF_SIZE];
	rc_device *list;
	size_t i = 0;

	enter_fixture();
	ASSERT_INT_EQ(rc_device_list(&list, err), 7);
	/*
	 * Up+running first (by index: h4b was created before h4a), then "any",
	 * loopback, up-but-disconnected (h4d, h4t by index), down (h4c).
	 */
	for (const rc_device *d = list; d; d = d->next, i++) {
		ASSERT_UINT_LE(i + 1, sizeof(want) / sizeof(want[0]));
		ASSERT_STR_EQ(d->name, want[i]);
		ASSERT_INT_EQ(d->ifindex, strcmp(d->name, "any") ? (int)if_nametoindex(d->name) : 0);
	}
	ASSERT_UINT_EQ(i, 7);
	rc_device_list_free(list);
}

TEST(device_list_reports_flags_connection_link_type_and_hardware)
{
	static const unsigned char mac_a[6] = { 2, 0, 0, 0, 0, 0x0a };
	rc_device *list;
	const rc_device *d;

	enter_fixture();
	ASSERT_OK(rc_device_list(&list, NULL));

	d = must_find(list, "h4a");
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP | RC_DEVICE_RUNNING);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_CONNECTED);
	ASSERT_INT_EQ(d->arphrd_type, ARPHRD_ETHER);
	ASSERT_INT_EQ(d->linktype, RC_LINKTYPE_ETHERNET);
	ASSERT_INT_EQ(d->cooked, 0);
	ASSERT_UINT_EQ(d->mtu_bytes, 9000);
	ASSERT_UINT_EQ(d->hwaddr_len, 6);
	ASSERT_MEM_EQ(d->hwaddr, mac_a, 6);
	ASSERT_TRUE(d->if_flags & IFF_BROADCAST);
	ASSERT_STR_EQ(d->description, "uplink under test");

	d = must_find(list, "h4b");
	ASSERT_TRUE(d->description == NULL);
	ASSERT_TRUE(d->addresses == NULL);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_CONNECTED);

	d = must_find(list, "lo");
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP | RC_DEVICE_RUNNING | RC_DEVICE_LOOPBACK);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_NOT_APPLICABLE);
	ASSERT_INT_EQ(d->arphrd_type, ARPHRD_LOOPBACK);
	ASSERT_INT_EQ(d->linktype, RC_LINKTYPE_ETHERNET);
	ASSERT_UINT_EQ(d->mtu_bytes, 65536);

	/* Up without carrier: not running, and the driver says "no link". */
	d = must_find(list, "h4d");
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_DISCONNECTED);

	d = must_find(list, "h4c");
	ASSERT_UINT_EQ(d->flags, 0);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_DISCONNECTED);

	/* tun: no link-layer header, no hardware address, point-to-point. */
	d = must_find(list, "h4t");
	ASSERT_INT_EQ(d->arphrd_type, ARPHRD_NONE);
	ASSERT_INT_EQ(d->linktype, RC_LINKTYPE_RAW);
	ASSERT_INT_EQ(d->cooked, 0);
	ASSERT_UINT_EQ(d->hwaddr_len, 0);
	ASSERT_TRUE(d->if_flags & IFF_POINTOPOINT);
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP);
	rc_device_list_free(list);
}

TEST(device_list_reports_every_address_with_mask_broadcast_and_peer)
{
	rc_device *list;
	const rc_device *d;
	const rc_device_addr *a;
	int seen_v6 = 0;

	enter_fixture();
	ASSERT_OK(rc_device_list(&list, NULL));
	d = must_find(list, "h4a");
	a = d->addresses;
	/* IPv4 in the order added, the h4a:1 label address included. */
	check_addr(a, "10.20.30.1", 24, "255.255.255.0", "10.20.30.255", "");
	a = a->next;
	check_addr(a, "10.40.0.1", 16, "255.255.0.0", "10.40.255.255", "");
	/* IPv6 after IPv4; within a scope the kernel lists newest first. */
	for (a = a->next; a; a = a->next, seen_v6++) {
		char b[INET6_ADDRSTRLEN];
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)a->addr;
		ASSERT_INT_EQ(a->addr->sa_family, AF_INET6);
		ntop(a->addr, b);
		if (strcmp(b, "fd00:2::1") == 0) {
			check_addr(a, "fd00:2::1", 100, "ffff:ffff:ffff:ffff:ffff:ffff:f000:0", "", "");
			ASSERT_UINT_EQ(s6->sin6_scope_id, 0);
		} else if (strcmp(b, "fd00:1::1") == 0) {
			check_addr(a, "fd00:1::1", 64, "ffff:ffff:ffff:ffff::", "", "");
		} else {
			/* EUI-64 from 02:00:00:00:00:0a; link scope = the device. */
			check_addr(a, "fe80::ff:fe00:a", 64, "ffff:ffff:ffff:ffff::", "", "");
			ASSERT_UINT_EQ(s6->sin6_scope_id, (unsigned)d->ifindex);
		}
	}
	ASSERT_INT_EQ(seen_v6, 3);

	d = must_find(list, "lo");
	check_addr(d->addresses, "127.0.0.1", 8, "255.0.0.0", "", "");
	check_addr(d->addresses->next, "::1", 128, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "",
		   "");
	ASSERT_TRUE(d->addresses->next->next == NULL);

	/* Point-to-point: the peer is the destination, no broadcast. */
	d = must_find(list, "h4t");
	check_addr(d->addresses, "192.168.50.1", 32, "255.255.255.255", "", "192.168.50.2");
	ASSERT_TRUE(d->addresses->next == NULL);

	d = must_find(list, "h4d");
	check_addr(d->addresses, "10.77.1.1", 0, "0.0.0.0", "", "");
	rc_device_list_free(list);
}

TEST(device_list_has_the_any_pseudo_device)
{
	rc_device *list;
	const rc_device *d;

	enter_netns(); /* only lo, which is down */
	ASSERT_INT_EQ(rc_device_list(&list, NULL), 2);
	/* lo is down: "any" ranks before it. */
	ASSERT_STR_EQ(list->name, "any");
	d = list;
	ASSERT_STR_EQ(d->description, "Pseudo-device that captures on all interfaces");
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP | RC_DEVICE_RUNNING);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_NOT_APPLICABLE);
	ASSERT_INT_EQ(d->ifindex, 0);
	ASSERT_INT_EQ(d->linktype, RC_LINKTYPE_LINUX_SLL);
	ASSERT_INT_EQ(d->cooked, 1);
	ASSERT_TRUE(d->addresses == NULL);
	ASSERT_STR_EQ(d->next->name, "lo");
	ASSERT_UINT_EQ(d->next->flags, RC_DEVICE_LOOPBACK);
	ASSERT_TRUE(d->next->next == NULL);
	rc_device_list_free(list);
}

TEST(device_list_reads_multi_part_netlink_dumps)
{
	rc_device *list;
	int n = 0;

	enter_netns();
	/* 150 veth pairs and 400 addresses: many netlink datagrams per dump. */
	{
		FILE *f = fopen(rc_test_tmpfile("batch"), "w");
		ASSERT_TRUE(f != NULL);
		for (int i = 0; i < 150; i++)
			fprintf(f, "link add m%da type veth peer name m%db\n", i, i);
		for (int i = 0; i < 400; i++)
			fprintf(f, "addr add 10.%d.%d.1/24 dev m0a\n", 100 + i / 256, i % 256);
		ASSERT_INT_EQ(fclose(f), 0);
	}
	SH("ip -batch %s", rc_test_tmpfile("batch"));
	ASSERT_INT_EQ(rc_device_list(&list, NULL), 302);
	for (int i = 0; i < 150; i++) {
		char name[16];
		snprintf(name, sizeof(name), "m%da", i);
		ASSERT_TRUE(rc_device_find(list, name) != NULL);
	}
	for (const rc_device_addr *a = must_find(list, "m0a")->addresses; a; a = a->next)
		n++;
	ASSERT_INT_EQ(n, 400);
	rc_device_list_free(list);
}

TEST(device_list_needs_no_sysfs)
{
	rc_device *list;
	const rc_device *d;

	enter_fixture();
	/* An empty /sys, as in a container without sysfs: netlink and ethtool
	 * still give everything but the sysfs-only wireless check. */
	ASSERT_INT_EQ(mount("tmpfs", "/sys", "tmpfs", 0, NULL), 0);
	ASSERT_INT_EQ(rc_device_list(&list, NULL), 7);
	d = must_find(list, "h4a");
	ASSERT_UINT_EQ(d->flags, RC_DEVICE_UP | RC_DEVICE_RUNNING);
	ASSERT_INT_EQ(d->connection, RC_DEVICE_CONN_CONNECTED);
	ASSERT_INT_EQ(d->linktype, RC_LINKTYPE_ETHERNET);
	ASSERT_STR_EQ(d->description, "uplink under test");
	ASSERT_INT_EQ(must_find(list, "h4c")->connection, RC_DEVICE_CONN_DISCONNECTED);
	rc_device_list_free(list);
}

TEST(device_get_returns_one_device_or_names_the_missing_one)
{
	char err[RC_ERRBUF_SIZE] = "";
	rc_device *d = (rc_device *)1;

	enter_fixture();
	ASSERT_OK(rc_device_get("h4a", &d, err));
	ASSERT_STR_EQ(d->name, "h4a");
	ASSERT_TRUE(d->next == NULL);
	ASSERT_INT_EQ(d->ifindex, (int)if_nametoindex("h4a"));
	check_addr(d->addresses, "10.20.30.1", 24, "255.255.255.0", "10.20.30.255", "");
	rc_device_list_free(d);

	ASSERT_OK(rc_device_get("any", &d, err));
	ASSERT_INT_EQ(d->ifindex, 0);
	rc_device_list_free(d);

	ASSERT_INT_EQ(rc_device_get("nosuch0", &d, err), RC_ENODEV);
	ASSERT_TRUE(d == NULL);
	ASSERT_STR_EQ(err, "no such device: nosuch0");
	ASSERT_INT_EQ(rc_device_get("", &d, err), RC_EINVAL);
	ASSERT_INT_EQ(rc_device_get(NULL, &d, err), RC_EINVAL);
	ASSERT_INT_EQ(rc_device_get("abcdefghijklmnopq", &d, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "longer than 15 bytes");
	ASSERT_INT_EQ(rc_device_get("h4a", NULL, err), RC_EINVAL);
}

TEST(device_find_and_free_accept_edge_cases)
{
	rc_device_list_free(NULL);
	ASSERT_TRUE(rc_device_find(NULL, "lo") == NULL);
	ASSERT_INT_EQ(rc_device_list(NULL, NULL), RC_EINVAL);
	ASSERT_STR_EQ(rc_device_connection_name(RC_DEVICE_CONN_CONNECTED), "Connected");
	ASSERT_STR_EQ(rc_device_connection_name(RC_DEVICE_CONN_NOT_APPLICABLE), "Not applicable");
	ASSERT_STR_EQ(rc_device_connection_name(99), "Unknown");
}

TEST(device_lookup_net_gives_network_and_mask_of_the_first_ipv4_address)
{
	char err[RC_ERRBUF_SIZE] = "";
	uint32_t net = 1, mask = 1;

	enter_fixture();
	ASSERT_OK(rc_device_lookup_net("h4a", &net, &mask, err));
	ASSERT_UINT_EQ(ntohl(net), 0x0a141e00u);  /* 10.20.30.0 */
	ASSERT_UINT_EQ(ntohl(mask), 0xffffff00u); /* /24 */

	ASSERT_OK(rc_device_lookup_net("h4t", &net, &mask, err));
	ASSERT_UINT_EQ(ntohl(net), 0xc0a83201u); /* 192.168.50.1/32 */
	ASSERT_UINT_EQ(ntohl(mask), 0xffffffffu);

	/* A /0 address gets its classful mask: 10/8. */
	ASSERT_OK(rc_device_lookup_net("h4d", &net, &mask, err));
	ASSERT_UINT_EQ(ntohl(net), 0x0a000000u);
	ASSERT_UINT_EQ(ntohl(mask), 0xff000000u);

	ASSERT_OK(rc_device_lookup_net("any", &net, &mask, err));
	ASSERT_UINT_EQ(net, 0);
	ASSERT_UINT_EQ(mask, 0);
	net = mask = 1;
	ASSERT_OK(rc_device_lookup_net(NULL, &net, &mask, err));
	ASSERT_UINT_EQ(net | mask, 0);
}

TEST(device_lookup_net_errors_name_the_device)
{
	char err[RC_ERRBUF_SIZE] = "";
	uint32_t net, mask;

	enter_fixture();
	ASSERT_INT_EQ(rc_device_lookup_net("h4b", &net, &mask, err), RC_ENOENT);
	ASSERT_STR_EQ(err, "h4b: no IPv4 address assigned");
	/* h4c has no IPv4 address (only h4d, its peer, has one). */
	ASSERT_INT_EQ(rc_device_lookup_net("h4c", &net, &mask, err), RC_ENOENT);
	ASSERT_INT_EQ(rc_device_lookup_net("nosuch0", &net, &mask, err), RC_ENODEV);
	ASSERT_STR_EQ(err, "no such device: nosuch0");
	ASSERT_INT_EQ(rc_device_lookup_net("h4a", NULL, &mask, err), RC_EINVAL);
}

TEST(device_lookup_net_skips_addresses_labelled_as_aliases)
{
	uint32_t net, mask;

	enter_fixture();
	/* pcap_lookupnet uses SIOCGIFADDR, which answers with the first
	 * address labelled exactly "h4b", not "h4b:7". */
	SH("ip addr add 10.5.0.1/16 dev h4b label h4b:7");
	SH("ip addr add 10.6.0.1/16 dev h4b");
	ASSERT_OK(rc_device_lookup_net("h4b", &net, &mask, NULL));
	ASSERT_UINT_EQ(ntohl(net), 0x0a060000u);
	ASSERT_UINT_EQ(ntohl(mask), 0xffff0000u);
#ifdef RC_HAVE_LIBPCAP_ORACLE
	{
		char perr[PCAP_ERRBUF_SIZE];
		bpf_u_int32 pnet, pmask;
		ASSERT_INT_EQ(pcap_lookupnet("h4b", &pnet, &pmask, perr), 0);
		ASSERT_UINT_EQ(net, pnet);
		ASSERT_UINT_EQ(mask, pmask);
	}
#endif
}

TEST(device_list_prints_like_tcpdump_D)
{
	char *ours = NULL, *theirs = NULL;
	char ex[4096];

	enter_fixture();
	rc_test_need_tool("tcpdump");
	snprintf(ex, sizeof(ex), "%s/examples/list_devices", rc_test_builddir());
	if (access(ex, X_OK) != 0)
		rc_test_fail(__FILE__, __LINE__, "%s not built", ex);
	/*
	 * Drop the line numbers, and from tcpdump's list the devices of
	 * libpcap's non-network capture modules (Bluetooth, netfilter,
	 * D-Bus, USB), which ringcap does not offer.
	 */
	ASSERT_INT_EQ(rc_test_sh(&ours, "'%s' | sed 's/^[0-9]*\\.//'", ex), 0);
	ASSERT_INT_EQ(rc_test_sh(&theirs,
				 "tcpdump -D | sed 's/^[0-9]*\\.//' | "
				 "grep -Ev '^(bluetooth|nflog|nfqueue|dbus|usbmon)'"),
		      0);
	/* libpcap on Linux has no interface descriptions: strip ours. */
	char *p = strstr(ours, " (uplink under test)");
	ASSERT_TRUE(p != NULL);
	memmove(p, p + strlen(" (uplink under test)"), strlen(p + strlen(" (uplink under test)")) + 1);
	ASSERT_STR_EQ(ours, theirs);
	free(ours);
	free(theirs);
	/* An argument it does not know is a usage error, not the list. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s' lo >/dev/null 2>&1", ex), 2);
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
/* libpcap's modules that are not network interfaces. */
static int pcap_only_device(const char *name)
{
	static const char *const prefixes[] = { "bluetooth", "nflog", "nfqueue", "dbus-",
						"usbmon" };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

static int same_sockaddr(const struct sockaddr *a, const struct sockaddr *b)
{
	if (!a || !b || a->sa_family != b->sa_family)
		return 0;
	if (a->sa_family == AF_INET)
		return memcmp(&((const struct sockaddr_in *)a)->sin_addr,
			      &((const struct sockaddr_in *)b)->sin_addr, 4) == 0;
	return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
		      &((const struct sockaddr_in6 *)b)->sin6_addr, 16) == 0;
}
#endif

TEST(device_list_matches_pcap_findalldevs)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	char perr[PCAP_ERRBUF_SIZE], b1[INET6_ADDRSTRLEN], b2[INET6_ADDRSTRLEN];
	char b3[INET6_ADDRSTRLEN], b4[INET6_ADDRSTRLEN];
	pcap_if_t *plist;
	rc_device *list;
	const rc_device *d;
	int compared = 0;

	enter_fixture();
	ASSERT_OK(rc_device_list(&list, NULL));
	ASSERT_INT_EQ(pcap_findalldevs(&plist, perr), 0);
	d = list;
	for (const pcap_if_t *p = plist; p; p = p->next) {
		if (pcap_only_device(p->name))
			continue;
		/* Same devices, same order. */
		ASSERT_TRUE(d != NULL);
		ASSERT_STR_EQ(d->name, p->name);
		/* Same flags: ringcap's bits are libpcap's, status in bits 4-5. */
		ASSERT_UINT_EQ(d->flags | (unsigned)d->connection << 4, p->flags);
		/* Same IPv4/IPv6 addresses in the same order (libpcap adds the
		 * AF_PACKET link address, which ringcap keeps in hwaddr). */
		const rc_device_addr *a = d->addresses;
		for (const pcap_addr_t *pa = p->addresses; pa; pa = pa->next) {
			if (!pa->addr || (pa->addr->sa_family != AF_INET &&
					  pa->addr->sa_family != AF_INET6))
				continue;
			ASSERT_TRUE(a != NULL);
			if (!same_sockaddr(a->addr, pa->addr) ||
			    !same_sockaddr(a->netmask, pa->netmask))
				rc_test_fail(__FILE__, __LINE__, "%s: ours %s/%s, libpcap's %s/%s",
					     d->name, ntop(a->addr, b1), ntop(a->netmask, b2),
					     ntop(pa->addr, b3),
					     pa->netmask ? ntop(pa->netmask, b4) : "-");
			/* glibc's getifaddrs reports the address itself as
			 * broadcast when none is configured; compare only
			 * configured ones. */
			if (a->broadaddr)
				ASSERT_TRUE(same_sockaddr(a->broadaddr, pa->broadaddr));
			if (a->dstaddr)
				ASSERT_TRUE(same_sockaddr(a->dstaddr, pa->dstaddr));
			else
				ASSERT_TRUE(pa->dstaddr == NULL);
			a = a->next;
			compared++;
		}
		ASSERT_TRUE(a == NULL);
		d = d->next;
	}
	ASSERT_TRUE(d == NULL);
	ASSERT_INT_EQ(compared, 9); /* h4a 5, lo 2, h4d 1, h4t 1 */
	pcap_freealldevs(plist);
	rc_device_list_free(list);
#else
	SKIP("built without the system libpcap oracle");
#endif
}

TEST(device_lookup_net_matches_pcap_lookupnet)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	static const char *const names[] = { "h4a", "h4t", "lo", "any" };
	char perr[PCAP_ERRBUF_SIZE];

	enter_fixture();
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		bpf_u_int32 pnet, pmask;
		uint32_t net, mask;
		ASSERT_INT_EQ(pcap_lookupnet(names[i], &pnet, &pmask, perr), 0);
		ASSERT_OK(rc_device_lookup_net(names[i], &net, &mask, NULL));
		ASSERT_UINT_EQ(net, pnet);
		ASSERT_UINT_EQ(mask, pmask);
	}
	/* Same error text for a device without IPv4. */
	{
		bpf_u_int32 pnet, pmask;
		uint32_t net, mask;
		char err[RC_ERRBUF_SIZE];
		ASSERT_INT_EQ(pcap_lookupnet("h4b", &pnet, &pmask, perr), -1);
		ASSERT_INT_EQ(rc_device_lookup_net("h4b", &net, &mask, err), RC_ENOENT);
		ASSERT_STR_EQ(err, perr);
	}
#else
	SKIP("built without the system libpcap oracle");
#endif
}

TEST(device_link_types_match_pcap_datalink)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	static const char *const names[] = { "h4a", "lo", "h4t", "any" };
	char perr[PCAP_ERRBUF_SIZE];
	rc_device *list;

	enter_fixture();
	ASSERT_OK(rc_device_list(&list, NULL));
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		pcap_t *p = pcap_open_live(names[i], 256, 0, 10, perr);
		if (!p)
			rc_test_fail(__FILE__, __LINE__, "pcap_open_live %s: %s", names[i], perr);
		int dlt = pcap_datalink(p);
		pcap_close(p);
		/* DLT_RAW is 12 on Linux; ringcap speaks LINKTYPE_RAW (101). */
		if (dlt == DLT_RAW)
			dlt = RC_LINKTYPE_RAW;
		ASSERT_INT_EQ(must_find(list, names[i])->linktype, dlt);
	}
	rc_device_list_free(list);
#else
	SKIP("built without the system libpcap oracle");
#endif
}

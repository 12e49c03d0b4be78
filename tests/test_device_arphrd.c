/*
 * test_device_arphrd.c - the ARPHRD_* -> link type table (capture/arphrd.h)
 * against libpcap 1.10's map_arphrd_to_dlt(), row by row.
 */
#include <linux/if_arp.h>

#include "capture/arphrd.h"
#include "capture/sysfs.h"
#include "harness.h"
#include "ringcap/linktype.h"

#ifndef ARPHRD_RAWIP
#define ARPHRD_RAWIP 519
#endif
#ifndef ARPHRD_NETLINK
#define ARPHRD_NETLINK 824
#endif
#ifndef ARPHRD_VSOCKMON
#define ARPHRD_VSOCKMON 826
#endif

/* Assert link type and socket kind of one hardware type. */
#define ASSERT_MAP(arphrd, want_lt, want_cooked)                               \
	do {                                                                   \
		int ck = -1;                                                   \
		ASSERT_INT_EQ(rc__arphrd_to_linktype((arphrd), &ck), (want_lt)); \
		ASSERT_INT_EQ(ck, (want_cooked));                              \
	} while (0)

TEST(arphrd_ethernet_and_loopback_are_ethernet_on_a_raw_socket)
{
	ASSERT_MAP(ARPHRD_ETHER, RC_LINKTYPE_ETHERNET, RC__ARPHRD_RAW);
	/* Linux lo builds a fake Ethernet header, unlike BSD's NULL/LOOP. */
	ASSERT_MAP(ARPHRD_LOOPBACK, RC_LINKTYPE_ETHERNET, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_METRICOM, RC_LINKTYPE_ETHERNET, RC__ARPHRD_RAW);
}

TEST(arphrd_headerless_ip_devices_are_raw)
{
	ASSERT_MAP(ARPHRD_NONE, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);   /* tun, wireguard */
	ASSERT_MAP(ARPHRD_TUNNEL, RC_LINKTYPE_RAW, RC__ARPHRD_RAW); /* ipip */
	ASSERT_MAP(ARPHRD_SIT, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_SLIP, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_CSLIP6, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_RAWHDLC, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_DLCI, RC_LINKTYPE_RAW, RC__ARPHRD_RAW);
	/* LINKTYPE_RAW (101), never Linux's DLT_RAW value 12. */
	ASSERT_INT_EQ(rc__arphrd_to_linktype(ARPHRD_NONE, NULL), 101);
}

TEST(arphrd_types_libpcap_does_not_know_fall_back_to_cooked)
{
	/* gre, ip6gre, ip6tnl, rawip: no row in libpcap either. */
	ASSERT_MAP(ARPHRD_IPGRE, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(ARPHRD_IP6GRE, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(ARPHRD_TUNNEL6, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(ARPHRD_RAWIP, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(ARPHRD_INFINIBAND, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(ARPHRD_VOID, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(12345, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
	ASSERT_MAP(-1, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED_UNKNOWN);
}

TEST(arphrd_ppp_and_atm_are_cooked_by_design)
{
	ASSERT_MAP(ARPHRD_PPP, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED);
	ASSERT_MAP(ARPHRD_ATM, RC_LINKTYPE_LINUX_SLL, RC__ARPHRD_COOKED);
}

TEST(arphrd_sll_shaped_types_keep_their_link_type_on_a_cooked_socket)
{
	ASSERT_MAP(ARPHRD_NETLINK, RC_LINKTYPE_NETLINK, RC__ARPHRD_COOKED);
	ASSERT_INT_EQ(RC_LINKTYPE_NETLINK, 253);
	ASSERT_MAP(ARPHRD_IRDA, 144, RC__ARPHRD_COOKED);
	ASSERT_MAP(8445 /* ARPHRD_LAPD, unofficial */, 177, RC__ARPHRD_COOKED);
}

TEST(arphrd_wireless_can_and_other_link_headers)
{
	ASSERT_MAP(ARPHRD_IEEE80211, RC_LINKTYPE_IEEE802_11, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_IEEE80211_PRISM, 119, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_IEEE80211_RADIOTAP, RC_LINKTYPE_IEEE802_11_RADIOTAP, RC__ARPHRD_RAW);
	ASSERT_INT_EQ(RC_LINKTYPE_IEEE802_11_RADIOTAP, 127);
	ASSERT_MAP(ARPHRD_IEEE802154, 230, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_CAN, RC_LINKTYPE_CAN_SOCKETCAN, RC__ARPHRD_RAW);
	ASSERT_INT_EQ(RC_LINKTYPE_CAN_SOCKETCAN, 227);
	ASSERT_MAP(ARPHRD_IEEE802, 6, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_IEEE802_TR, 6, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_FDDI, 10, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_CISCO, 104, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_FRAD, 107, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_ARCNET, 129, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_AX25, 202, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_FCFABRIC, 224, RC__ARPHRD_RAW);
	ASSERT_MAP(18 /* RFC 4338 IP over FC */, 122, RC__ARPHRD_RAW);
	ASSERT_MAP(ARPHRD_VSOCKMON, 271, RC__ARPHRD_RAW);
}

TEST(arphrd_every_result_has_a_link_type_name)
{
	/* So error messages and tcpdump -L style output never print "(null)". */
	for (int t = -2; t <= 0xffff; t++) {
		int lt = rc__arphrd_to_linktype(t, NULL);
		if (!rc_linktype_name(lt))
			rc_test_fail(__FILE__, __LINE__, "arphrd %d -> link type %d has no name", t,
				     lt);
	}
	ASSERT_STR_EQ(rc_linktype_name(RC_LINKTYPE_NETLINK), "NETLINK");
	ASSERT_STR_EQ(rc_linktype_name(RC_LINKTYPE_NFLOG), "NFLOG");
	ASSERT_INT_EQ(rc_linktype_from_name("CAN_SOCKETCAN"), 227);
}

TEST(arphrd_names_for_messages)
{
	ASSERT_STR_EQ(rc__arphrd_name(ARPHRD_ETHER), "ETHER");
	ASSERT_STR_EQ(rc__arphrd_name(ARPHRD_IPGRE), "IPGRE");
	ASSERT_STR_EQ(rc__arphrd_name(ARPHRD_NONE), "NONE");
	ASSERT_STR_EQ(rc__arphrd_name(4242), "unknown");
}

TEST(arphrd_device_name_quirks_apply_to_ethernet_only)
{
	int ck = -1;

	/* Android's mobile-data device: Ethernet type, bare IP packets. */
	ASSERT_INT_EQ(rc__device_linktype("cdma_rmnet0", 0, ARPHRD_ETHER, &ck, NULL),
		      RC_LINKTYPE_RAW);
	ASSERT_INT_EQ(ck, RC__ARPHRD_RAW);
	/* ISDN: cooked. */
	ASSERT_INT_EQ(rc__device_linktype("isdn0", 0, ARPHRD_ETHER, &ck, NULL),
		      RC_LINKTYPE_LINUX_SLL);
	ASSERT_INT_EQ(ck, RC__ARPHRD_COOKED);
	ASSERT_INT_EQ(rc__device_linktype("isdY1", 0, ARPHRD_ETHER, &ck, NULL),
		      RC_LINKTYPE_LINUX_SLL);
	/* The quirks key on Ethernet: a PPP device named isdn stays PPP. */
	ASSERT_INT_EQ(rc__device_linktype("isdn0", 0, ARPHRD_PPP, &ck, NULL), RC_LINKTYPE_LINUX_SLL);
	ASSERT_INT_EQ(ck, RC__ARPHRD_COOKED);
	ASSERT_INT_EQ(rc__device_linktype("cdma_rmnet0", 0, ARPHRD_NONE, &ck, NULL), RC_LINKTYPE_RAW);
	/* No name: table only. */
	ASSERT_INT_EQ(rc__device_linktype(NULL, 0, ARPHRD_ETHER, &ck, NULL), RC_LINKTYPE_ETHERNET);
	ASSERT_INT_EQ(ck, RC__ARPHRD_RAW);
	/* An ordinary device without a DSA tagging file stays Ethernet. */
	ASSERT_INT_EQ(rc__device_linktype("rc-no-such-dev", 0, ARPHRD_ETHER, &ck, NULL),
		      RC_LINKTYPE_ETHERNET);
}

/* sysfs answers for the interface with the index the kernel gave us only:
 * a same-named device of the namespace that mounted /sys is not ours. */
TEST(arphrd_sysfs_entries_checked_against_the_ifindex)
{
	char buf[32];
	ASSERT_INT_EQ(rc__sysfs_has("lo", 1, "ifindex"), 1);
	ASSERT_INT_EQ(rc__sysfs_has("lo", 2, "ifindex"), 0);
	ASSERT_INT_EQ(rc__sysfs_has("lo", 1, "rc-no-such-entry"), 0);
	ASSERT_INT_EQ(rc__sysfs_has("rc-no-such-dev", 1, "ifindex"), 0);
	ASSERT_INT_EQ((int)rc__sysfs_read("lo", 1, "ifindex", buf, sizeof(buf)), 1);
	ASSERT_STR_EQ(buf, "1");
	ASSERT_INT_EQ((int)rc__sysfs_read("lo", 3, "ifindex", buf, sizeof(buf)), -1);
	ASSERT_INT_EQ((int)rc__sysfs_read("lo", 1, "address", buf, 2), 1); /* cut to fit */
}

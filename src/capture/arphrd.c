/*
 * arphrd.c - the ARPHRD_* -> link type table (see arphrd.h for the idea).
 *
 * One row per Linux hardware type, in the order of <linux/if_arp.h>.  The
 * mapping reproduces libpcap 1.10's map_arphrd_to_dlt() and the cooked
 * fallback of its setup_socket(), translated from DLT_* to LINKTYPE_*
 * values (they differ only where a DLT value is platform-specific: DLT_RAW
 * is 12 on Linux, LINKTYPE_RAW is 101).  Notable facts behind the rows:
 *
 *   ARPHRD_LOOPBACK  Linux lo prepends a 14-byte Ethernet header with zero
 *                    addresses, so it is ETHERNET, not NULL/LOOP as on BSD.
 *   ARPHRD_NONE      tun (IFF_TUN), WireGuard: packets start at the IP
 *                    header.
 *   ARPHRD_TUNNEL    ipip; with SIT (IPv6-in-IPv4), the SLIP family, ADAPT,
 *                    RAWHDLC and DLCI: no link header on a SOCK_RAW socket,
 *                    libpcap maps them to RAW.
 *   ARPHRD_IPGRE     gre, ip6gre, ip6tnl (TUNNEL6), RAWIP, INFINIBAND, MCTP
 *                    and every other unlisted type: libpcap has no row, so
 *                    it falls back to a cooked socket (LINUX_SLL) with the
 *                    warning "arptype N not supported by libpcap - falling
 *                    back to cooked socket".  ringcap does the same so that
 *                    a filter means the same thing in both.
 *   ARPHRD_PPP/ATM   header differs by driver: cooked by design.
 *   ARPHRD_IRDA,     cooked socket, but reported as their own link types,
 *   LAPD, NETLINK    whose on-disk format is the 16-byte SLL header followed
 *                    by the frame (for NETLINK, sll_protocol carries the
 *                    netlink family).
 *   ARPHRD_CAN       SOCK_RAW gives struct can_frame: CAN_SOCKETCAN.
 */
#include "capture/arphrd.h"
#include "capture/sysfs.h"

#include <linux/if_arp.h>
#include <string.h>

#include "ringcap/linktype.h"
#include "util/errmsg.h"

/* Values missing from older kernel headers; numbers are kernel ABI. */
#ifndef ARPHRD_MCTP
#define ARPHRD_MCTP 290
#endif
#ifndef ARPHRD_RAWIP
#define ARPHRD_RAWIP 519
#endif
#ifndef ARPHRD_IP6GRE
#define ARPHRD_IP6GRE 823
#endif
#ifndef ARPHRD_NETLINK
#define ARPHRD_NETLINK 824
#endif
#ifndef ARPHRD_6LOWPAN
#define ARPHRD_6LOWPAN 825
#endif
#ifndef ARPHRD_VSOCKMON
#define ARPHRD_VSOCKMON 826
#endif
/* Not a kernel ARPHRD_ value: RFC 4338 IP-over-Fibre-Channel hardware
 * type, which libpcap maps in the hope a driver uses it one day. */
#define RC__ARPHRD_RFC4338_FC 18

/* LINKTYPE_* values (tcpdump.org/linktypes.html) used only here. */
enum {
	RC__LT_EXP_ETHERNET = 2,
	RC__LT_PRONET = 4,
	RC__LT_CHAOS = 5,
	RC__LT_IEEE802_5 = 6,
	RC__LT_FDDI = 10,
	RC__LT_C_HDLC = 104,
	RC__LT_FRELAY = 107,
	RC__LT_LTALK = 114,
	RC__LT_PRISM_HEADER = 119,
	RC__LT_IP_OVER_FC = 122,
	RC__LT_ARCNET_LINUX = 129,
	RC__LT_LINUX_IRDA = 144,
	RC__LT_LINUX_LAPD = 177,
	RC__LT_AX25_KISS = 202,
	RC__LT_FC_2 = 224,
	RC__LT_IEEE802_15_4_NOFCS = 230,
	RC__LT_VSOCK = 271,
	RC__LT_DSA_TAG_BRCM = 281,
	RC__LT_DSA_TAG_BRCM_PREPEND = 282,
	RC__LT_DSA_TAG_DSA = 284,
	RC__LT_DSA_TAG_EDSA = 285,
};

#define RC__LT_ETHERNET RC_LINKTYPE_ETHERNET
#define RC__LT_RAW RC_LINKTYPE_RAW
#define RC__LT_LINUX_SLL RC_LINKTYPE_LINUX_SLL

struct rc__arphrd_row {
	int arphrd;
	const char *name;  /* ARPHRD_ suffix */
	int linktype;      /* -1: libpcap has no mapping -> cooked LINUX_SLL */
	int cooked;        /* enum rc__arphrd_cooked for mapped rows */
};

#define ROW(t, lt, ck) { ARPHRD_##t, #t, (lt), (ck) }
#define UNMAPPED(t) { ARPHRD_##t, #t, -1, RC__ARPHRD_COOKED_UNKNOWN }

static const struct rc__arphrd_row rc__arphrd_rows[] = {
	UNMAPPED(NETROM),
	ROW(ETHER, RC__LT_ETHERNET, RC__ARPHRD_RAW),
	ROW(EETHER, RC__LT_EXP_ETHERNET, RC__ARPHRD_RAW),
	ROW(AX25, RC__LT_AX25_KISS, RC__ARPHRD_RAW),
	ROW(PRONET, RC__LT_PRONET, RC__ARPHRD_RAW),
	ROW(CHAOS, RC__LT_CHAOS, RC__ARPHRD_RAW),
	ROW(IEEE802, RC__LT_IEEE802_5, RC__ARPHRD_RAW),
	ROW(ARCNET, RC__LT_ARCNET_LINUX, RC__ARPHRD_RAW),
	UNMAPPED(APPLETLK),
	ROW(DLCI, RC__LT_RAW, RC__ARPHRD_RAW),
	{ RC__ARPHRD_RFC4338_FC, "RFC4338_FC", RC__LT_IP_OVER_FC, RC__ARPHRD_RAW },
	ROW(ATM, RC__LT_LINUX_SLL, RC__ARPHRD_COOKED),
	ROW(METRICOM, RC__LT_ETHERNET, RC__ARPHRD_RAW),
	UNMAPPED(IEEE1394),
	UNMAPPED(EUI64),
	UNMAPPED(INFINIBAND),
	ROW(SLIP, RC__LT_RAW, RC__ARPHRD_RAW),
	ROW(CSLIP, RC__LT_RAW, RC__ARPHRD_RAW),
	ROW(SLIP6, RC__LT_RAW, RC__ARPHRD_RAW),
	ROW(CSLIP6, RC__LT_RAW, RC__ARPHRD_RAW),
	UNMAPPED(RSRVD),
	ROW(ADAPT, RC__LT_RAW, RC__ARPHRD_RAW),
	UNMAPPED(ROSE),
	UNMAPPED(X25),
	UNMAPPED(HWX25),
	ROW(CAN, RC_LINKTYPE_CAN_SOCKETCAN, RC__ARPHRD_RAW),
	UNMAPPED(MCTP),
	ROW(PPP, RC__LT_LINUX_SLL, RC__ARPHRD_COOKED),
	ROW(CISCO, RC__LT_C_HDLC, RC__ARPHRD_RAW),
	UNMAPPED(LAPB),
	UNMAPPED(DDCMP),
	ROW(RAWHDLC, RC__LT_RAW, RC__ARPHRD_RAW),
	UNMAPPED(RAWIP),
	ROW(TUNNEL, RC__LT_RAW, RC__ARPHRD_RAW),
	UNMAPPED(TUNNEL6),
	ROW(FRAD, RC__LT_FRELAY, RC__ARPHRD_RAW),
	UNMAPPED(SKIP),
	ROW(LOOPBACK, RC__LT_ETHERNET, RC__ARPHRD_RAW),
	ROW(LOCALTLK, RC__LT_LTALK, RC__ARPHRD_RAW),
	ROW(FDDI, RC__LT_FDDI, RC__ARPHRD_RAW),
	UNMAPPED(BIF),
	ROW(SIT, RC__LT_RAW, RC__ARPHRD_RAW),
	UNMAPPED(IPDDP),
	UNMAPPED(IPGRE),
	UNMAPPED(PIMREG),
	UNMAPPED(HIPPI),
	UNMAPPED(ASH),
	UNMAPPED(ECONET),
	ROW(IRDA, RC__LT_LINUX_IRDA, RC__ARPHRD_COOKED),
	ROW(FCPP, RC__LT_FC_2, RC__ARPHRD_RAW),
	ROW(FCAL, RC__LT_FC_2, RC__ARPHRD_RAW),
	ROW(FCPL, RC__LT_FC_2, RC__ARPHRD_RAW),
	ROW(FCFABRIC, RC__LT_FC_2, RC__ARPHRD_RAW),
	ROW(IEEE802_TR, RC__LT_IEEE802_5, RC__ARPHRD_RAW),
	ROW(IEEE80211, RC_LINKTYPE_IEEE802_11, RC__ARPHRD_RAW),
	ROW(IEEE80211_PRISM, RC__LT_PRISM_HEADER, RC__ARPHRD_RAW),
	ROW(IEEE80211_RADIOTAP, RC_LINKTYPE_IEEE802_11_RADIOTAP, RC__ARPHRD_RAW),
	ROW(IEEE802154, RC__LT_IEEE802_15_4_NOFCS, RC__ARPHRD_RAW),
	UNMAPPED(IEEE802154_MONITOR),
	UNMAPPED(PHONET),
	UNMAPPED(PHONET_PIPE),
	UNMAPPED(CAIF),
	UNMAPPED(IP6GRE),
	ROW(NETLINK, RC_LINKTYPE_NETLINK, RC__ARPHRD_COOKED),
	UNMAPPED(6LOWPAN),
	ROW(VSOCKMON, RC__LT_VSOCK, RC__ARPHRD_RAW),
	/* Unofficial value from the LAPD (ISDN D channel) out-of-tree driver. */
	{ 8445, "LAPD", RC__LT_LINUX_LAPD, RC__ARPHRD_COOKED },
	UNMAPPED(VOID),
	ROW(NONE, RC__LT_RAW, RC__ARPHRD_RAW),
};

#undef ROW
#undef UNMAPPED

#define RC__NROWS (sizeof(rc__arphrd_rows) / sizeof(rc__arphrd_rows[0]))

static const struct rc__arphrd_row *rc__arphrd_find(int arphrd_type)
{
	for (size_t i = 0; i < RC__NROWS; i++)
		if (rc__arphrd_rows[i].arphrd == arphrd_type)
			return &rc__arphrd_rows[i];
	return NULL;
}

int rc__arphrd_to_linktype(int arphrd_type, int *cooked)
{
	const struct rc__arphrd_row *row = rc__arphrd_find(arphrd_type);
	int lt = RC__LT_LINUX_SLL, ck = RC__ARPHRD_COOKED_UNKNOWN;

	if (row && row->linktype >= 0) {
		lt = row->linktype;
		ck = row->cooked;
	}
	if (cooked)
		*cooked = ck;
	return lt;
}

const char *rc__arphrd_name(int arphrd_type)
{
	const struct rc__arphrd_row *row = rc__arphrd_find(arphrd_type);
	return row ? row->name : "unknown";
}

/*
 * DSA conduit devices (an Ethernet port wired to a switch chip) carry a
 * switch tag inside the Ethernet frame; the kernel names the tagging
 * protocol in /sys/class/net/<if>/dsa/tagging (Linux >= 4.20).  Tags
 * whose frames are still plain Ethernet to a dissector map to ETHERNET.
 */
static const struct {
	const char *tag;
	int linktype;
} rc__dsa_tags[] = {
	{ "none", RC__LT_ETHERNET },
	{ "brcm", RC__LT_DSA_TAG_BRCM },
	{ "brcm-prepend", RC__LT_DSA_TAG_BRCM_PREPEND },
	{ "dsa", RC__LT_DSA_TAG_DSA },
	{ "edsa", RC__LT_DSA_TAG_EDSA },
	{ "rtl4a", RC__LT_ETHERNET },
	{ "rtl8_4", RC__LT_ETHERNET },
	{ "rtl8_4t", RC__LT_ETHERNET },
};

/* 0: no DSA tagging file (not a DSA conduit); > 0 link type; < 0 error. */
static int rc__dsa_linktype(const char *name, int ifindex, char *errbuf)
{
	char tag[64];

	if (rc__sysfs_read(name, ifindex, "dsa/tagging", tag, sizeof(tag)) < 0)
		return 0;
	for (size_t i = 0; i < sizeof(rc__dsa_tags) / sizeof(rc__dsa_tags[0]); i++)
		if (strcmp(tag, rc__dsa_tags[i].tag) == 0)
			return rc__dsa_tags[i].linktype;
	return rc__errf(errbuf, RC_ENOTSUP, "%s: unsupported DSA switch tag \"%s\"", name, tag);
}

int rc__device_linktype(const char *name, int ifindex, int arphrd_type, int *cooked,
			char *errbuf)
{
	int lt = rc__arphrd_to_linktype(arphrd_type, cooked);

	if (!name || arphrd_type != ARPHRD_ETHER)
		return lt;
	/* Android's mobile-data device says Ethernet but sends bare IP. */
	if (strncmp(name, "cdma_rmnet", 10) == 0)
		return RC__LT_RAW;
	/* ISDN: the header depends on the line's encapsulation setting. */
	if (strncmp(name, "isdn", 4) == 0 || strncmp(name, "isdY", 4) == 0) {
		if (cooked)
			*cooked = RC__ARPHRD_COOKED;
		return RC__LT_LINUX_SLL;
	}
	int dsa = rc__dsa_linktype(name, ifindex, errbuf);
	return dsa != 0 ? dsa : lt;
}

/*
 * arphrd.h - which link-layer header a capture on a Linux device delivers.
 *
 * Every Linux network device has a hardware type, ARPHRD_* from
 * <linux/if_arp.h> (/sys/class/net/<if>/type, IFLA/ifi_type in netlink,
 * sll_hatype in a packet socket address).  An AF_PACKET socket of type
 * SOCK_RAW hands out the frame starting at whatever header that device type
 * builds; SOCK_DGRAM ("cooked") strips it and leaves only the sockaddr_ll
 * metadata, from which ringcap synthesises a LINUX_SLL / LINUX_SLL2 header.
 *
 * The table follows libpcap's map_arphrd_to_dlt() and setup_socket() in
 * pcap-linux.c (libpcap 1.10) so that a device gives the same link type in
 * ringcap as in tcpdump:
 *   - Ethernet, loopback (Linux loopback carries a fake all-zero Ethernet
 *     header), Metricom -> ETHERNET, raw socket;
 *   - ARPHRD_NONE (tun in IFF_TUN mode, WireGuard), ARPHRD_TUNNEL (ipip),
 *     ARPHRD_SIT, SLIP variants, ADAPT, RAWHDLC, DLCI -> RAW;
 *   - PPP and ATM -> cooked LINUX_SLL (their headers vary by driver);
 *   - IrDA, LAPD and NETLINK keep their own link type but need the cooked
 *     socket: their link type *is* an SLL-shaped header followed by the
 *     payload, so the caller builds the 16-byte SLL header as for LINUX_SLL
 *     and reports the mapped link type;
 *   - anything not in the table (ARPHRD_IPGRE, ARPHRD_IP6GRE,
 *     ARPHRD_TUNNEL6, ARPHRD_RAWIP, ARPHRD_INFINIBAND, ...) -> cooked
 *     LINUX_SLL, which libpcap reports as "arptype N not supported by
 *     libpcap - falling back to cooked socket".
 * The table itself, with the reason for every entry, is in arphrd.c.
 */
#ifndef RC_CAPTURE_ARPHRD_H
#define RC_CAPTURE_ARPHRD_H

/* How the caller must open the packet socket for the mapped link type. */
enum rc__arphrd_cooked {
	RC__ARPHRD_RAW = 0,            /* SOCK_RAW: the frame already starts with the link header */
	RC__ARPHRD_COOKED = 1,         /* SOCK_DGRAM + synthesised SLL header, by design */
	RC__ARPHRD_COOKED_UNKNOWN = 2, /* SOCK_DGRAM + SLL header: type not in the table */
};

/*
 * rc__arphrd_to_linktype - link type (RC_LINKTYPE_* / LINKTYPE_* value,
 * never a DLT_ value: ARPHRD_NONE gives 101, not DLT_RAW's 12) of a device
 * of hardware type arphrd_type.  Always returns a value >= 0: unknown
 * types give RC_LINKTYPE_LINUX_SLL.  If cooked is non-NULL it receives one
 * of enum rc__arphrd_cooked; when it is not RC__ARPHRD_RAW the socket must
 * be SOCK_DGRAM, and the returned link type is LINUX_SLL (the caller may
 * offer LINUX_SLL2 instead, as libpcap does) or one of the SLL-shaped
 * types IrDA (144), LAPD (177), NETLINK (253).
 * Pure function of its arguments; thread-safe.
 */
int rc__arphrd_to_linktype(int arphrd_type, int *cooked);

/*
 * rc__device_linktype - as rc__arphrd_to_linktype, plus libpcap's
 * device-name quirks for ARPHRD_ETHER devices (name may be NULL: none):
 *   - Android "cdma_rmnet*" devices claim Ethernet but deliver bare IP
 *     -> RAW, raw socket;
 *   - ISDN "isdn*" / "isdY*" devices: the header depends on the line's
 *     encapsulation -> cooked LINUX_SLL;
 *   - DSA switch conduits (/sys/class/net/<name>/dsa/tagging exists for
 *     the interface ifindex, see sysfs.h):
 *     "brcm" -> DSA_TAG_BRCM (281), "brcm-prepend" -> 282, "dsa" -> 284,
 *     "edsa" -> 285, "none"/"rtl4a"/"rtl8_4"/"rtl8_4t" -> ETHERNET.
 * Returns the link type (>= 0), or RC_ENOTSUP for a DSA tag libpcap does
 * not know either, with a message naming device and tag in errbuf
 * (RC_ERRBUF_SIZE bytes, may be NULL).  Use this one when opening a
 * capture on a named device.  Reads sysfs; thread-safe.
 */
int rc__device_linktype(const char *name, int ifindex, int arphrd_type, int *cooked,
			char *errbuf);

/*
 * rc__arphrd_name - "ETHER", "LOOPBACK", "IPGRE", ... (the ARPHRD_ suffix)
 * for messages such as "arptype 778 (IPGRE) not supported".  Static
 * string; "unknown" for values Linux does not define.
 */
const char *rc__arphrd_name(int arphrd_type);

#endif /* RC_CAPTURE_ARPHRD_H */

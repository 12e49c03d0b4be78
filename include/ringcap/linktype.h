/*
 * ringcap/linktype.h - link-layer header types.
 *
 * Values are the LINKTYPE_* numbers registered for pcap and pcapng files
 * (tcpdump.org/linktypes.html).  Where libpcap's DLT_* value differs from the
 * LINKTYPE_* value (DLT_RAW is 12 or 14 on some systems, LINKTYPE_RAW is
 * 101) ringcap uses the LINKTYPE value everywhere, in files and in the API.
 */
#ifndef RINGCAP_LINKTYPE_H
#define RINGCAP_LINKTYPE_H

#ifdef __cplusplus
extern "C" {
#endif

enum rc_linktype {
	RC_LINKTYPE_NULL = 0,          /* BSD loopback: 4-byte host-order AF_ value */
	RC_LINKTYPE_ETHERNET = 1,      /* Ethernet II / 802.3 */
	RC_LINKTYPE_RAW = 101,         /* raw IPv4 or IPv6, version nibble decides */
	RC_LINKTYPE_IEEE802_11 = 105,  /* 802.11 frames, no radio header */
	RC_LINKTYPE_LOOP = 108,        /* OpenBSD loopback: 4-byte network-order AF_ value */
	RC_LINKTYPE_LINUX_SLL = 113,   /* Linux cooked capture v1, 16-byte header */
	RC_LINKTYPE_IEEE802_11_RADIOTAP = 127, /* 802.11 plus radiotap header */
	RC_LINKTYPE_CAN_SOCKETCAN = 227, /* struct can_frame, CAN ID big-endian */
	RC_LINKTYPE_IPV4 = 228,        /* raw IPv4 */
	RC_LINKTYPE_IPV6 = 229,        /* raw IPv6 */
	RC_LINKTYPE_NFLOG = 239,       /* Linux netfilter NFLOG messages */
	RC_LINKTYPE_NETLINK = 253,     /* SLL-style header + netlink message */
	RC_LINKTYPE_LINUX_SLL2 = 276,  /* Linux cooked capture v2, 20-byte header */
};

/* Largest link type value ringcap accepts from a file (16 bits, pcap 2.4). */
#define RC_LINKTYPE_MAX 0xffff

/*
 * rc_linktype_name / rc_linktype_description - "EN10MB" / "Ethernet" style
 * names as tcpdump prints them.  Static strings; NULL for unknown values.
 * rc_linktype_from_name - inverse of rc_linktype_name (case-insensitive,
 * also accepts the number in decimal); returns -1 if unknown.
 */
const char *rc_linktype_name(int linktype);
const char *rc_linktype_description(int linktype);
int rc_linktype_from_name(const char *name);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_LINKTYPE_H */

/*
 * pcap/vlan.h - an 802.1Q tag as it sits in a frame after the two MAC
 * addresses (ringcap's libpcap-compatible headers).
 *
 *   0           2                       4
 *   +-----------+-----------------------+
 *   | TPID      | TCI: PCP(3) DEI(1) VID(12) |
 *   +-----------+-----------------------+
 */
#ifndef lib_pcap_vlan_h
#define lib_pcap_vlan_h

#include <stdint.h>

struct vlan_tag {
	uint16_t vlan_tpid; /* 0x8100 (802.1Q) or 0x88a8 (802.1ad), network order */
	uint16_t vlan_tci;  /* network order */
};

#define VLAN_TAG_LEN 4

#endif /* lib_pcap_vlan_h */

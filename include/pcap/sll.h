/*
 * pcap/sll.h - Linux "cooked" capture headers, DLT_LINUX_SLL (113) and
 * DLT_LINUX_SLL2 (276) (ringcap's libpcap-compatible headers).
 * All multi-byte fields are in network byte order.
 *
 * SLL (16 bytes):
 *   0          2          4          6                     14         16
 *   +----------+----------+----------+----------------------+----------+
 *   | pkttype  | hatype   | halen    | addr (8, zero-padded)| protocol |
 *   +----------+----------+----------+----------------------+----------+
 *
 * SLL2 (20 bytes):
 *   0          2          4                    8          10   11   12                  20
 *   +----------+----------+--------------------+----------+----+----+-------------------+
 *   | protocol | reserved | if_index (1-based) | hatype   |ptyp|hlen| addr (8)          |
 *   +----------+----------+--------------------+----------+----+----+-------------------+
 */
#ifndef lib_pcap_sll_h
#define lib_pcap_sll_h

#include <stdint.h>

#define SLL_HDR_LEN 16
#define SLL_ADDRLEN 8

struct sll_header {
	uint16_t sll_pkttype;
	uint16_t sll_hatype;
	uint16_t sll_halen;
	uint8_t sll_addr[SLL_ADDRLEN];
	uint16_t sll_protocol;
};

#define SLL2_HDR_LEN 20

struct sll2_header {
	uint16_t sll2_protocol;
	uint16_t sll2_reserved_mbz;
	uint32_t sll2_if_index;
	uint16_t sll2_hatype;
	uint8_t sll2_pkttype;
	uint8_t sll2_halen;
	uint8_t sll2_addr[SLL_ADDRLEN];
};

/* sll_pkttype / sll2_pkttype values (the kernel's PACKET_* numbers). */
#define LINUX_SLL_HOST 0
#define LINUX_SLL_BROADCAST 1
#define LINUX_SLL_MULTICAST 2
#define LINUX_SLL_OTHERHOST 3
#define LINUX_SLL_OUTGOING 4

/* Special sll_protocol values below 1536 (the kernel's ETH_P_*). */
#define LINUX_SLL_P_802_3 0x0001 /* Novell 802.3 without an 802.2 LLC header */
#define LINUX_SLL_P_802_2 0x0004 /* 802.2 LLC frames */
#define LINUX_SLL_P_CAN 0x000C   /* SocketCAN frames */
#define LINUX_SLL_P_CANFD 0x000D /* SocketCAN FD frames */

#endif /* lib_pcap_sll_h */

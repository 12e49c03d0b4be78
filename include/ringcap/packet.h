/*
 * ringcap/packet.h - the packet descriptor shared by files and live capture.
 *
 * An rc_packet describes one packet without owning it: `data` points into
 * memory owned by the source that produced it (a file mapping, a streaming
 * buffer, a kernel ring block).  How long that memory stays valid is part of
 * each source's contract and is stated next to its read functions; copy the
 * bytes if you need them longer.
 */
#ifndef RINGCAP_PACKET_H
#define RINGCAP_PACKET_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Direction of a packet relative to the capturing host. */
enum rc_direction {
	RC_DIR_UNKNOWN = 0,
	RC_DIR_IN = 1,  /* received by this host (incl. broadcast/multicast/other-host) */
	RC_DIR_OUT = 2, /* sent by this host */
};

/* rc_packet.flags bits. */
enum rc_packet_flag {
	RC_PKT_TRUNCATED = 1u << 0,     /* caplen < len (snap length or file truncation) */
	RC_PKT_CSUM_NOTREADY = 1u << 1, /* kernel: checksum not yet computed (TP_STATUS_CSUMNOTREADY) */
	RC_PKT_CSUM_VALID = 1u << 2,    /* kernel: checksum already verified (TP_STATUS_CSUM_VALID) */
	RC_PKT_VLAN = 1u << 3,          /* vlan_tci/vlan_tpid hold a tag the kernel stripped */
	RC_PKT_HAS_COMMENT = 1u << 4,   /* comment/comment_len are set (pcapng opt_comment) */
	RC_PKT_HAS_DROPCOUNT = 1u << 5, /* dropcount is set (pcapng epb_dropcount) */
	/* live: ts_nsec is the NIC's raw hardware stamp.  With hardware time
	 * stamps asked for (RC_TSTAMP_HARDWARE), a packet without it carries
	 * the kernel's software stamp: the NIC did not stamp that one. */
	RC_PKT_TS_HARDWARE = 1u << 6,
};

typedef struct rc_packet {
	const uint8_t *data; /* caplen bytes, owned by the source (see its contract) */
	uint64_t ts_nsec;    /* time stamp, nanoseconds since the UNIX epoch */
	uint32_t caplen;     /* bytes present at data */
	uint32_t len;        /* length of the packet on the wire */
	uint32_t ifindex;    /* live: kernel ifindex; files: interface number in the file */
	uint16_t linktype;   /* RC_LINKTYPE_* of this packet's interface */
	uint8_t direction;   /* enum rc_direction */
	uint8_t pkttype;     /* live: PACKET_HOST, PACKET_OUTGOING, ... (linux/if_packet.h) */
	uint32_t flags;      /* enum rc_packet_flag bits */
	uint16_t vlan_tci;   /* valid with RC_PKT_VLAN */
	uint16_t vlan_tpid;  /* valid with RC_PKT_VLAN: 0x8100 or 0x88a8 */
	uint32_t comment_len;
	const char *comment; /* not NUL-terminated; same lifetime as data */
	uint64_t dropcount;  /* valid with RC_PKT_HAS_DROPCOUNT */
} rc_packet;

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_PACKET_H */

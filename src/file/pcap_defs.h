/*
 * pcap_defs.h - on-disk layout of classic pcap files (shared by the reader
 * and the writer).  Source: draft-ietf-opsawg-pcap (sections 4 and 5) and
 * libpcap's sf-pcap.c / pcap-common.h for what real files contain.
 *
 * File header (24 bytes, in the byte order of the writer; the magic tells
 * which):
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *  0|                          Magic Number                         |
 *   +-------------------------------+-------------------------------+
 *  4|          Major Version        |         Minor Version         |
 *   +-------------------------------+-------------------------------+
 *  8|                   Reserved1 (thiszone, ignored)               |
 *   +---------------------------------------------------------------+
 * 12|                   Reserved2 (sigfigs, ignored)                |
 *   +---------------------------------------------------------------+
 * 16|                            SnapLen                            |
 *   +-------+-+-+-------------------+-------------------------------+
 * 20|FCS len|R|P|     Reserved3     |        Link-layer type        |
 *   +-------+-+-+-------------------+-------------------------------+
 *
 * The link-type field: low 16 bits are the LINKTYPE_* value.  If the P bit
 * (0x04000000, libpcap's LT_FCS_LENGTH_PRESENT) is set, "FCS len" (bits
 * 28-31) is the number of 16-bit words of FCS at the end of every packet
 * (libpcap LT_FCS_LENGTH / LT_FCS_DATALINK_EXT).  An older draft
 * (draft-gharris-opsawg-pcap-02) drew it as a 3-bit FCS field in bits 29-31
 * with an "f" flag in bit 28 (0x10000000); the reader also accepts that form
 * when P is clear.  Writers use the libpcap form.
 *
 * Record header (16 bytes) followed by caplen bytes of packet data:
 *
 *   +---------------------------------------------------------------+
 *  0|                      Timestamp (Seconds)                      |
 *   +---------------------------------------------------------------+
 *  4|            Timestamp (Microseconds or nanoseconds)            |
 *   +---------------------------------------------------------------+
 *  8|                    Captured Packet Length                     |
 *   +---------------------------------------------------------------+
 * 12|                    Original Packet Length                     |
 *   +---------------------------------------------------------------+
 *
 * "Modified" pcap (Alexey Kuznetsov's patched libpcap, magic 0xa1b2cd34,
 * microseconds, read by libpcap as a 24-byte record header):
 *
 * 16|                         ifindex (int32)                       |
 *   +-------------------------------+---------------+---------------+
 * 20|       protocol (be16)         |   pkt_type    |      pad      |
 *   +-------------------------------+---------------+---------------+
 */
#ifndef RC_FILE_PCAP_DEFS_H
#define RC_FILE_PCAP_DEFS_H

#include <stdint.h>

/* Magic numbers as read in the writer's byte order. */
#define RC_PCAP_MAGIC_USEC 0xa1b2c3d4u     /* microsecond time stamps */
#define RC_PCAP_MAGIC_NSEC 0xa1b23c4du     /* nanosecond time stamps */
#define RC_PCAP_MAGIC_MODIFIED 0xa1b2cd34u /* Kuznetsov's patched format, usec */

#define RC_PCAP_VERSION_MAJOR 2
#define RC_PCAP_VERSION_MINOR 4

#define RC_PCAP_FILE_HDR_LEN 24u
#define RC_PCAP_REC_HDR_LEN 16u
#define RC_PCAP_MODIFIED_REC_HDR_LEN 24u

/* Link-type field (offset 20 of the file header). */
#define RC_PCAP_LT_LINKTYPE_MASK 0x0000ffffu
#define RC_PCAP_LT_FCS_PRESENT 0x04000000u  /* P bit: FCS len is valid */
#define RC_PCAP_LT_FCS_SHIFT 28             /* FCS len, in 16-bit words */
#define RC_PCAP_LT_FCS_MASK 0xf0000000u
#define RC_PCAP_LT_OLD_F_BIT 0x10000000u    /* draft-gharris-02 "f" flag */
#define RC_PCAP_LT_OLD_FCS_SHIFT 29         /* draft-gharris-02 3-bit FCS */

/* Encode an FCS length in bytes (0..30, even) as libpcap does. */
#define RC_PCAP_LT_FCS_ENCODE(fcs_bytes) \
	((((uint32_t)(fcs_bytes) / 2u) << RC_PCAP_LT_FCS_SHIFT) | RC_PCAP_LT_FCS_PRESENT)

/* Default/maximum snap length libpcap uses (MAXIMUM_SNAPLEN). */
#define RC_PCAP_DEFAULT_SNAPLEN 262144u

#endif /* RC_FILE_PCAP_DEFS_H */

/*
 * pcapng_defs.h - on-disk layout of pcapng files (shared by the reader and
 * the writer).  Source: draft-ietf-opsawg-pcapng (section numbers below
 * refer to draft -02 and later).
 *
 * Every block (section 3.1), all fields in the section's byte order:
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +---------------------------------------------------------------+
 *  0|                          Block Type                           |
 *   +---------------------------------------------------------------+
 *  4|                      Block Total Length                       |
 *   +---------------------------------------------------------------+
 *  8/                          Block Body                           /
 *   /              variable length, padded to 32 bits               /
 *   +---------------------------------------------------------------+
 *   |                      Block Total Length                       |
 *   +---------------------------------------------------------------+
 * Block Total Length counts all of it (minimum 12) and is a multiple of 4.
 *
 * Options (section 3.5), after the fixed part of a block body:
 *   +-------------------------------+-------------------------------+
 *  0|         Option Code           |        Option Length          |
 *   +-------------------------------+-------------------------------+
 *  4/      Option Value (Option Length bytes, padded to 32 bits)    /
 *   +---------------------------------------------------------------+
 * The list ends with opt_endofopt (code 0, length 0) or at the block end.
 *
 * Section Header Block body (4.1):          Interface Description (4.2):
 *   0 Byte-Order Magic 0x1A2B3C4D             0 LinkType u16, Reserved u16
 *   4 Major u16, Minor u16 (1.0)              4 SnapLen u32 (0 = no limit)
 *   8 Section Length i64 (-1 unknown)         8 options
 *  16 options
 *
 * Enhanced Packet Block body (4.3):         Simple Packet Block body (4.4):
 *   0 Interface ID u32                        0 Original Packet Length u32
 *   4 Timestamp (Upper) u32                   4 data: min(len, IDB 0 snaplen)
 *   8 Timestamp (Lower) u32                     bytes, padded; no options
 *  12 Captured Packet Length u32
 *  16 Original Packet Length u32            Obsolete Packet Block (Appendix A):
 *  20 data, padded to 32 bits                 0 Interface ID u16, Drops u16
 *     options                                 4 Timestamp (Upper), 8 (Lower)
 *                                            12 Captured Len, 16 Original Len
 * Interface Statistics Block body (4.6):     20 data, padded; options
 *   0 Interface ID u32
 *   4 Timestamp (Upper) u32, 8 (Lower) u32
 *  12 options
 */
#ifndef RC_FILE_PCAPNG_DEFS_H
#define RC_FILE_PCAPNG_DEFS_H

#include <stdint.h>

/* Block types (section 10.1). */
#define RC_PCAPNG_BT_SHB 0x0A0D0D0Au   /* Section Header (palindrome: any order) */
#define RC_PCAPNG_BT_IDB 0x00000001u   /* Interface Description */
#define RC_PCAPNG_BT_PB 0x00000002u    /* Packet Block (obsolete) */
#define RC_PCAPNG_BT_SPB 0x00000003u   /* Simple Packet */
#define RC_PCAPNG_BT_NRB 0x00000004u   /* Name Resolution */
#define RC_PCAPNG_BT_ISB 0x00000005u   /* Interface Statistics */
#define RC_PCAPNG_BT_EPB 0x00000006u   /* Enhanced Packet */
#define RC_PCAPNG_BT_JOURNAL 0x00000009u /* systemd Journal Export */
#define RC_PCAPNG_BT_DSB 0x0000000Au   /* Decryption Secrets */
#define RC_PCAPNG_BT_CUSTOM 0x00000BADu      /* Custom, may be copied */
#define RC_PCAPNG_BT_CUSTOM_NOCOPY 0x40000BADu /* Custom, do not copy */

#define RC_PCAPNG_BYTE_ORDER_MAGIC 0x1A2B3C4Du
#define RC_PCAPNG_VERSION_MAJOR 1
#define RC_PCAPNG_VERSION_MINOR 0

#define RC_PCAPNG_BLOCK_MIN_LEN 12u  /* type + length + trailing length */
#define RC_PCAPNG_SHB_MIN_LEN 28u    /* 12 + BOM 4 + versions 4 + section length 8 */
#define RC_PCAPNG_IDB_MIN_LEN 20u    /* 12 + 8 */
#define RC_PCAPNG_EPB_MIN_LEN 32u    /* 12 + 20 */
#define RC_PCAPNG_PB_MIN_LEN 32u     /* 12 + 20 */
#define RC_PCAPNG_SPB_MIN_LEN 16u    /* 12 + 4 */
#define RC_PCAPNG_ISB_MIN_LEN 24u    /* 12 + 12 */

/* Options valid in every block (section 3.5). */
#define RC_PCAPNG_OPT_ENDOFOPT 0
#define RC_PCAPNG_OPT_COMMENT 1
#define RC_PCAPNG_OPT_CUSTOM_STR 2988
#define RC_PCAPNG_OPT_CUSTOM_BIN 2989
#define RC_PCAPNG_OPT_CUSTOM_STR_NOCOPY 19372
#define RC_PCAPNG_OPT_CUSTOM_BIN_NOCOPY 19373

/* SHB options (4.1). */
#define RC_PCAPNG_SHB_HARDWARE 2
#define RC_PCAPNG_SHB_OS 3
#define RC_PCAPNG_SHB_USERAPPL 4

/* IDB options (4.2). */
#define RC_PCAPNG_IF_NAME 2
#define RC_PCAPNG_IF_DESCRIPTION 3
#define RC_PCAPNG_IF_IPV4ADDR 4
#define RC_PCAPNG_IF_IPV6ADDR 5
#define RC_PCAPNG_IF_MACADDR 6
#define RC_PCAPNG_IF_EUIADDR 7
#define RC_PCAPNG_IF_SPEED 8
#define RC_PCAPNG_IF_TSRESOL 9   /* 1 byte: MSB 0 -> 10^-n s, MSB 1 -> 2^-n s; default 6 */
#define RC_PCAPNG_IF_TZONE 10
#define RC_PCAPNG_IF_FILTER 11   /* 1 byte type (0 = libpcap string, 1 = BPF) + data */
#define RC_PCAPNG_IF_OS 12
#define RC_PCAPNG_IF_FCSLEN 13   /* 1 byte: bytes of FCS per frame */
#define RC_PCAPNG_IF_TSOFFSET 14 /* i64 seconds added to every time stamp */
#define RC_PCAPNG_IF_HARDWARE 15
#define RC_PCAPNG_IF_TXSPEED 16
#define RC_PCAPNG_IF_RXSPEED 17
#define RC_PCAPNG_IF_IANA_TZNAME 18

#define RC_PCAPNG_TSRESOL_POW2 0x80u  /* if_tsresol MSB */
#define RC_PCAPNG_TSRESOL_DEFAULT 6   /* microseconds */
#define RC_PCAPNG_FILTER_STRING 0     /* if_filter type byte */

/* EPB options (4.3). */
#define RC_PCAPNG_EPB_FLAGS 2
#define RC_PCAPNG_EPB_HASH 3
#define RC_PCAPNG_EPB_DROPCOUNT 4
#define RC_PCAPNG_EPB_PACKETID 5
#define RC_PCAPNG_EPB_QUEUE 6
#define RC_PCAPNG_EPB_VERDICT 7
#define RC_PCAPNG_EPB_PROCESSID_THREADID 8

/* epb_flags word (4.3.1): bits 0-1 direction, 2-4 reception type,
 * 5-8 FCS length, 16-31 link-layer errors. */
#define RC_PCAPNG_EPB_FLAG_DIR_MASK 0x3u
#define RC_PCAPNG_EPB_FLAG_DIR_UNKNOWN 0u
#define RC_PCAPNG_EPB_FLAG_DIR_IN 1u
#define RC_PCAPNG_EPB_FLAG_DIR_OUT 2u

/* Obsolete Packet Block options (Appendix A). */
#define RC_PCAPNG_PACK_FLAGS 2
#define RC_PCAPNG_PACK_HASH 3

/* ISB options (4.6). */
#define RC_PCAPNG_ISB_STARTTIME 2
#define RC_PCAPNG_ISB_ENDTIME 3
#define RC_PCAPNG_ISB_IFRECV 4
#define RC_PCAPNG_ISB_IFDROP 5
#define RC_PCAPNG_ISB_FILTERACCEPT 6
#define RC_PCAPNG_ISB_OSDROP 7
#define RC_PCAPNG_ISB_USRDELIV 8

/* Round a length up to the 32-bit boundary every block and option uses. */
#define RC_PCAPNG_PAD4(n) (((n) + 3u) & ~(uint32_t)3u)

#endif /* RC_FILE_PCAPNG_DEFS_H */

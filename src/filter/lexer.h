/*
 * lexer.h - tokens of the pcap-filter(7) language.
 *
 * The whole expression is tokenized up front into an arena array, so the
 * parser can look ahead freely.  Token rules follow libpcap's scanner.l:
 * at each position the longest match wins among keyword, number (decimal,
 * 0x hex, 0-prefixed octal), dotted IPv4 (1 to 4 parts), IPv6 literal, MAC
 * address and identifier ([A-Za-z0-9][-_.A-Za-z0-9]*[.A-Za-z0-9], or any
 * run after a backslash); on a tie the earlier kind in that list wins.  So
 * "1-1024" is one identifier (a port range) and "len-1" is an identifier,
 * exactly as in tcpdump.
 */
#ifndef RC_FILTER_LEXER_H
#define RC_FILTER_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "filter/arena.h"

enum rc__tok {
	RC_T_EOF,
	RC_T_NUM,     /* num = value; also the named constants (tcpflags, icmp-echo) */
	RC_T_HID,     /* dotted IPv4, 1 to 4 parts */
	RC_T_HID6,    /* IPv6 literal */
	RC_T_EID,     /* MAC address */
	RC_T_ID,      /* identifier (a name; backslash removed) */
	RC_T_LPAREN, RC_T_RPAREN, RC_T_LBRACK, RC_T_RBRACK, RC_T_COLON,
	RC_T_PLUS, RC_T_MINUS, RC_T_STAR, RC_T_SLASH, RC_T_PERCENT,
	RC_T_AMP, RC_T_PIPE, RC_T_CARET, RC_T_LSH, RC_T_RSH,
	RC_T_GT, RC_T_GE, RC_T_LT, RC_T_LE, RC_T_EQ, RC_T_NE,
	RC_T_NOT, RC_T_AND, RC_T_OR,
	RC_T_SRC, RC_T_DST, RC_T_HOST, RC_T_NET, RC_T_MASK, RC_T_PORT, RC_T_PORTRANGE,
	RC_T_PROTO, RC_T_PROTOCHAIN, RC_T_GATEWAY,
	RC_T_LESS, RC_T_GREATER, RC_T_BYTE, RC_T_BROADCAST, RC_T_MULTICAST, RC_T_LEN,
	RC_T_INBOUND, RC_T_OUTBOUND, RC_T_IFINDEX, RC_T_VLAN, RC_T_MPLS, RC_T_PPPOED,
	RC_T_PPPOES, RC_T_LLC, RC_T_GENEVE,
	RC_T_PNAME,   /* protocol name; num = enum rc__pq */
	RC_T_UNSUP,   /* a libpcap keyword ringcap does not implement (radio, ...);
	               * num = 1 for PF's "rnr"/"rulenum", which "llc rnr" accepts */
};

/* Protocol qualifiers (libpcap's Q_* protocol values). */
enum rc__pq {
	RC_PQ_DEFAULT, RC_PQ_LINK, RC_PQ_IP, RC_PQ_ARP, RC_PQ_RARP, RC_PQ_SCTP,
	RC_PQ_TCP, RC_PQ_UDP, RC_PQ_ICMP, RC_PQ_IGMP, RC_PQ_IGRP, RC_PQ_ATALK,
	RC_PQ_AARP, RC_PQ_DECNET, RC_PQ_LAT, RC_PQ_SCA, RC_PQ_MOPDL, RC_PQ_MOPRC,
	RC_PQ_IPV6, RC_PQ_ICMPV6, RC_PQ_AH, RC_PQ_ESP, RC_PQ_PIM, RC_PQ_VRRP,
	RC_PQ_CARP, RC_PQ_ISO, RC_PQ_ESIS, RC_PQ_ISIS, RC_PQ_CLNP, RC_PQ_STP,
	RC_PQ_IPX, RC_PQ_NETBEUI,
	/* IS-IS PDU types (libpcap Q_ISIS_L1 ...): protocol names, not qualifiers */
	RC_PQ_ISIS_L1, RC_PQ_ISIS_L2, RC_PQ_ISIS_IIH, RC_PQ_ISIS_LSP, RC_PQ_ISIS_SNP,
	RC_PQ_ISIS_CSNP, RC_PQ_ISIS_PSNP,
	RC_PQ_UNDEF
};

typedef struct rc__token {
	uint8_t kind;        /* enum rc__tok */
	uint32_t col;        /* 1-based column of the first character */
	uint32_t len;        /* length in the source */
	uint32_t num;        /* value for RC_T_NUM, enum rc__pq for RC_T_PNAME */
	uint32_t match;      /* for '(' / ')': index of the matching paren, else 0 */
	const char *text;    /* NUL-terminated copy (backslash removed for IDs) */
} rc__token;

typedef struct rc__toklist {
	rc__token *v;        /* n tokens, the last one RC_T_EOF */
	size_t n;
} rc__toklist;

/*
 * rc__lex - tokenize expr (len bytes) into out, all memory from arena.
 * 0, or RC_ESYNTAX with "..." (column N) in errbuf for an illegal
 * character, a bad number (octal digit 8/9, over 32 bits) or unbalanced
 * parentheses; RC_ELIMIT if the arena limit is reached; RC_ENOMEM.
 */
int rc__lex(rc__arena *arena, const char *expr, size_t len, rc__toklist *out, char *errbuf);

/* The pcap-filter keyword for a protocol qualifier ("tcp"); static. */
const char *rc__pq_name(int pq);

#endif

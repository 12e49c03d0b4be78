/*
 * ast.h - syntax tree of a pcap-filter(7) expression.
 *
 * All nodes live in the compilation's arena.  The parser resolves
 * libpcap's implicit qualifiers ("host a or b" = "host a or host b") while
 * parsing, so every RC_N_ID node carries its complete qualifier triple.
 * Names are *not* resolved here: the code generator does that, so a syntax
 * error is always reported before a lookup is tried.
 *
 *   expr := expr (and|or) term | term        (left associative, same level)
 *   term := not term | primitive | '(' expr ')' | arith relop arith
 */
#ifndef RC_FILTER_AST_H
#define RC_FILTER_AST_H

#include <stdint.h>

#include "filter/lexer.h"

/* Direction qualifiers (libpcap Q_SRC ...). */
enum rc__dir { RC_DIR_DEFAULT, RC_DIR_SRC, RC_DIR_DST, RC_DIR_OR, RC_DIR_AND, RC_DIR_UNDEF };
/* Address-type qualifiers. */
enum rc__aq {
	RC_AQ_DEFAULT, RC_AQ_HOST, RC_AQ_NET, RC_AQ_PORT, RC_AQ_PORTRANGE, RC_AQ_GATEWAY,
	RC_AQ_PROTO, RC_AQ_PROTOCHAIN, RC_AQ_UNDEF
};

typedef struct rc__qual {
	uint8_t proto;  /* enum rc__pq */
	uint8_t dir;    /* enum rc__dir */
	uint8_t addr;   /* enum rc__aq */
} rc__qual;

enum rc__node_kind {
	RC_N_TRUE,      /* empty expression */
	RC_N_AND, RC_N_OR, RC_N_NOT,
	RC_N_ID,        /* qualified value: host/net/port/proto ... */
	RC_N_PNAME,     /* protocol name alone: "tcp" */
	RC_N_BCAST, RC_N_MCAST,   /* [pqual] broadcast|multicast; q.proto */
	RC_N_LESS, RC_N_GREATER, RC_N_INBOUND, RC_N_OUTBOUND, RC_N_IFINDEX,
	RC_N_VLAN, RC_N_MPLS, RC_N_PPPOED, RC_N_PPPOES, RC_N_LLC, RC_N_GENEVE,
	RC_N_BYTE,      /* byte NUM op NUM */
	RC_N_REL,       /* arith relop arith */
};

/* The value forms of an RC_N_ID (libpcap grammar's nid / pnum). */
enum rc__val {
	RC_V_NUM,       /* plain number */
	RC_V_HID,       /* dotted IPv4, maybe short ("10.1") */
	RC_V_NETLEN,    /* HID '/' NUM */
	RC_V_NETMASK,   /* HID mask HID */
	RC_V_HID6,      /* IPv6 */
	RC_V_NET6,      /* HID6 '/' NUM */
	RC_V_EID,       /* MAC */
	RC_V_NAME,      /* identifier */
};

enum rc__arith_kind { RC_A_NUM, RC_A_LEN, RC_A_LOAD, RC_A_BIN, RC_A_NEG };

typedef struct rc__arith rc__arith;
struct rc__arith {
	uint8_t kind;     /* enum rc__arith_kind */
	uint8_t pq;       /* RC_A_LOAD: enum rc__pq of the header */
	uint8_t size;     /* RC_A_LOAD: 1, 2 or 4 */
	uint16_t op;      /* RC_A_BIN: BPF_ADD ... BPF_XOR */
	uint32_t k;       /* RC_A_NUM */
	uint32_t col;
	rc__arith *a, *b; /* operands; RC_A_LOAD: a = index */
};

typedef struct rc__node rc__node;
struct rc__node {
	uint8_t kind;     /* enum rc__node_kind */
	uint8_t vkind;    /* RC_N_ID: enum rc__val */
	uint8_t has_num;  /* vlan/mpls/pppoes/geneve with a number */
	rc__qual q;
	uint32_t col;     /* column to report (the value / keyword) */
	uint32_t start;   /* source span [start, end) for error context */
	uint32_t end;
	uint32_t num;     /* RC_V_NUM value, mask length, less/greater/vlan... */
	const char *text; /* RC_N_ID: value text; RC_N_LLC: subtype name or NULL */
	const char *text2;/* RC_V_NETMASK: the mask text */
	rc__node *l, *r;  /* AND/OR operands; NOT: l */
	/* RC_N_REL: jump op (BPF_JGT/JGE/JEQ), reversed (negated), operands */
	uint16_t relop;
	uint8_t reversed;
	uint8_t byteop;   /* RC_N_BYTE: '&' '|' '<' '>' '=' */
	uint32_t num2;    /* RC_N_BYTE: second number */
	rc__arith *a, *b;
};

/*
 * rc__parse - build the tree for toks.  *root gets the tree (RC_N_TRUE for an
 * empty expression).  0, or RC_ESYNTAX / RC_ENOTSUP / RC_ELIMIT / RC_ENOMEM
 * with "<context>: <reason> (column N)" in errbuf.
 */
int rc__parse(rc__arena *arena, const rc__toklist *toks, rc__node **root, char *errbuf);

#endif

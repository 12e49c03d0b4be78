/*
 * print_asn1.h - the BER (X.690) element reader SNMP is printed with
 * (print_asn1.c), in the shape of tcpdump 4.99 print-snmp.c's asn1_parse
 * and asn1_print (built without libsmi, printing numeric OIDs as -n does).
 *
 * rc__asn1_parse returns the element's length with its header; RC_ASN1_BAD when the element
 * is bad or cut where tcpdump checks and returns (its message or " [|snmp]"
 * is printed and only the calling step gives up); RC_PRINT_TRUNC where
 * tcpdump's GET_U_1 would unwind the whole packet with longjmp.
 */
#ifndef RC_CLI_PRINT_ASN1_H
#define RC_CLI_PRINT_ASN1_H

#include "print.h"

#define RC_ASN1_BAD (-2)

/* What tcpdump's asn1_parse made of an element (its struct be types). */
enum rc__be_type {
	RC_BE_ANY,      /* a primitive context tag 3-8: no value type */
	RC_BE_NULL,
	RC_BE_OCTET,    /* a tag SNMP does not use: its contents as hex */
	RC_BE_OID,
	RC_BE_INT,
	RC_BE_UNS,      /* Counter, Gauge, TimeTicks */
	RC_BE_STR,
	RC_BE_SEQ,
	RC_BE_INETADDR,
	RC_BE_PDU,      /* a constructed context tag: an SNMP PDU */
	RC_BE_UNS64,
	RC_BE_NOSUCHOBJECT, /* RFC 3416 exceptions, context tags 0-2 */
	RC_BE_NOSUCHINST,
	RC_BE_ENDOFMIBVIEW
};

typedef struct rc__be {
	enum rc__be_type type;
	unsigned id;         /* the tag number (a PDU's type) */
	uint32_t asnlen;     /* contents length */
	const uint8_t *data; /* contents, all captured once parsed */
	int32_t integer;     /* RC_BE_INT */
	uint32_t uns;        /* RC_BE_UNS */
	uint64_t uns64;      /* RC_BE_UNS64 */
} rc__be;

/* Read the element at p, within len bytes: its length with the header. */
int rc__asn1_parse(rc__pctx *c, const uint8_t *p, uint32_t len, rc__be *e);
/* Print the element's value as tcpdump's asn1_print.  Its contents were
 * checked against the snapend when parsed, so tcpdump's own checks here
 * never fail. */
void rc__asn1_print(rc__pctx *c, const rc__be *e);
/* The contents as "_xx" per byte (asn1_print_octets). */
void rc__asn1_print_octets(rc__pctx *c, const rc__be *e);
/* A string: quoted when all printable, else "xx_xx" (asn1_print_string). */
void rc__asn1_print_string(rc__pctx *c, const rc__be *e);

#endif

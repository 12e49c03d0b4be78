/*
 * print_isakmp.h - what the ISAKMP/IKEv1 printer (print_isakmp.c) and the
 * IKEv2 payload printers (print_ikev2.c) share.
 *
 * Every payload starts with the generic header (RFC 2408 3.2, RFC 7296
 * 3.2): next payload(1) critical/reserved(1) length(2).  A payload printer
 * gets the payload type it was reached as (tpay), the payload (ext) and its
 * length (item_len, more than 4), and sets *next to where tcpdump goes on
 * reading, or to NULL where tcpdump stops the chain; it returns 0, or
 * RC_PRINT_TRUNC where tcpdump 4.99 unwinds.
 */
#ifndef RC_CLI_PRINT_ISAKMP_H
#define RC_CLI_PRINT_ISAKMP_H

#include "print.h"

typedef struct rc__ike {
	rc__pctx *c;
	const uint8_t *hdr; /* the ISAKMP header */
	const uint8_t *ep;  /* the snapend: tcpdump shows data up to it */
	unsigned phase;     /* 1 for message ID 0, else 2 */
	char num[2][16];    /* tcpdump's numstr "#N" for two names at once */
} rc__ike;

typedef int (*rc__ike_fn)(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
			  uint32_t proto, int depth, const uint8_t **next);

/* Payload type names (npstr), "#N" past the table, into s->num[slot]. */
const char *rc__ike_npstr(rc__ike *s, unsigned np, int slot);
/* tab[x], or "#x" (into s->num[slot]) when x is past tab or tab[x] is NULL. */
const char *rc__ike_name(rc__ike *s, const char *const *tab, size_t n, unsigned x, int slot);
/* Hex of len bytes at p if all are captured (1), else nothing (0). */
int rc__ike_raw(rc__ike *s, const uint8_t *p, uint32_t len);
/* tcpdump's ike_show_somedata: " data=(" the first 10 bytes from p, "...",
 * the last 20 before the snapend, ")". */
void rc__ike_somedata(rc__ike *s, const uint8_t *p);
/* " [|name]" for payload type np: tcpdump's explicit marker (no unwind). */
void rc__ike_trunc(rc__ike *s, unsigned np);
/* A transform's data attributes (RFC 2408 3.3) named by one of these
 * tables; *next as a payload printer's. */
int rc__ike_t_attrs(rc__ike *s, const uint8_t *ext, uint32_t item_len, int table,
		    const uint8_t **next);
enum { RC_IKE_MAP_NONE, RC_IKE_MAP_OAKLEY, RC_IKE_MAP_IPSEC, RC_IKE_MAP_ENCR };
/* The payload printer for type np (NULL: tcpdump prints only its name);
 * the encrypted payload (46) has one only in an IKEv2 message (v2). */
rc__ike_fn rc__ike_v1_fn(unsigned np);
rc__ike_fn rc__ike_v2_fn(unsigned np, int v2);
/* Diffie-Hellman group names, shared by IKEv1's Oakley "group desc" and
 * IKEv2's D-H transform and KE payload. */
extern const char *const rc__ike_dh_names[19];
/* IPsec ESP transform IDs, shared by IKEv1 and IKEv2's ENCR transform. */
extern const char *const rc__ike_esp_names[13];
/* protoid names (RFC 2407 4.4.1). */
extern const char *const rc__ike_protoid_names[5];
/* The payload chain starting with type np at ext, each payload on its own
 * line at depth+1, with the v1 or v2 printers. */
int rc__ike_chain(rc__ike *s, int v2, unsigned np, const uint8_t *ext, uint32_t proto, int depth,
		  const uint8_t **next);

#endif

/*
 * print_ospf.h - what the OSPFv2 (print_ospf.c) and OSPFv3 (print_ospf6.c)
 * printers share (print_ospf_opaque.c): tcpdump 4.99 prints router IDs
 * alike in both and hands the TE and grace LSAs of both to the same code.
 */
#ifndef RC_CLI_PRINT_OSPF_H
#define RC_CLI_PRINT_OSPF_H

#include "print.h"

/* Where tcpdump gives up on an LSA's TLVs without unwinding. */
#define RC_OSPF_TLV_STOP 1

/* The first line, "OSPFvN, TYPE, length L", of the header at b (2 bytes
 * captured); 0 after unknown_fmt (taking the type and length) for an
 * unknown type, where tcpdump stops. */
int rc__ospf_first_line(rc__pctx *c, const uint8_t *b, uint32_t length, const char *unknown_fmt);
/* -v: the router ID and area of the header at b (both versions hold them
 * at offsets 4 and 8). */
int rc__ospf_router_area(rc__pctx *c, const uint8_t *b);
/* pre, then the IPv4 address or router ID at p, read through the snapend. */
int rc__ospf_id(rc__pctx *c, const char *pre, const uint8_t *p);
/* The Hello's designated and backup designated routers at p and p + 4,
 * each only when not 0.0.0.0. */
int rc__ospf_dr_bdr(rc__pctx *c, const uint8_t *p);
/* The TLVs of a TE or grace LSA, left bytes from t: 0, RC_OSPF_TLV_STOP
 * or RC_PRINT_TRUNC. */
int rc__ospf_te_lsa(rc__pctx *c, const uint8_t *t, uint32_t left);
int rc__ospf_grace_lsa(rc__pctx *c, const uint8_t *t, uint32_t left);

#endif

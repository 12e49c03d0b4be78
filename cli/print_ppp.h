/*
 * print_ppp.h - shared pieces of the PPP printer, as tcpdump 4.99
 * print-ppp.c: print_ppp.c (the frame, PAP, CHAP, multilink) and
 * print_pppcp.c (the control protocols LCP, IPCP, IP6CP, CCP, BACP).
 */
#ifndef RC_CLI_PRINT_PPP_H
#define RC_CLI_PRINT_PPP_H

#include "print.h"

/* A code and its name, and tcpdump's tok2str over n of them: the name
 * of v, else dflt. */
typedef struct {
	unsigned v;
	const char *s;
} rc__ppp_tok;
const char *rc__ppp_tok_name(const rc__ppp_tok *t, size_t n, unsigned v, const char *dflt);
#define RC_PPP_TOK(t, v, dflt) rc__ppp_tok_name((t), sizeof(t) / sizeof((t)[0]), (v), (dflt))

/* tcpdump's ppptype2str name of a PPP protocol number, NULL if unknown. */
const char *rc__ppp_proto_name(unsigned proto);

/* A control protocol packet (RFC 1661 section 5) of protocol proto at p,
 * length bytes after the protocol field. */
int rc__ppp_ctrl(rc__pctx *c, unsigned proto, const uint8_t *p, uint32_t length);

#endif

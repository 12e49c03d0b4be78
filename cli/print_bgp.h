/*
 * print_bgp.h - shared pieces of the BGP printer (print_bgp.c: messages,
 * print_bgp_attr.c: path attributes and NLRI), as tcpdump 4.99 print-bgp.c.
 */
#ifndef RC_CLI_PRINT_BGP_H
#define RC_CLI_PRINT_BGP_H

#include "print.h"

/* A code and its name; tables end with a NULL name. */
struct rc__bgp_tok {
	unsigned v;
	const char *s;
};

/* tcpdump's tok2str: the name of v, else dflt. */
const char *rc__bgp_tok(const struct rc__bgp_tok *t, unsigned v, const char *dflt);

/* RFC 1700 address families (tcpdump af.c) and RFC 4760 SAFIs. */
extern const struct rc__bgp_tok rc__bgp_afi_names[];
extern const struct rc__bgp_tok rc__bgp_safi_names[];

/* Prefix decoder results besides a length (> 0) and RC_PRINT_TRUNC. */
#define BGP_PFX_ILLEGAL (-2) /* prefix length out of range */
#define BGP_PFX_SHORT (-3)   /* fewer bytes left than the prefix needs */
#define BGP_PFX_CUT (-4)     /* tcpdump's checked "goto trunc" */

/* RFC 4364 route distinguisher (8 bytes, captured) and RFC 3107 label
 * (the 3 bytes after p, captured) as tcpdump prints them. */
void rc__bgp_put_rd(rc__pctx *c, const uint8_t *p);
/* The route distinguisher's text into buf (64 bytes hold any). */
void rc__bgp_rd_text(char *buf, size_t n, const uint8_t *p);
void rc__bgp_put_label(rc__pctx *c, const uint8_t *p);
/* tcpdump's isonsap_string of len bytes (captured). */
void rc__bgp_put_nsap(rc__pctx *c, const uint8_t *p, unsigned len);

/* VPN and other NLRI (print_bgp_vpn.c), each printed on its own line:
 * its length or BGP_PFX_ILLEGAL, BGP_PFX_CUT, RC_PRINT_TRUNC. */
int rc__bgp_mdt(rc__pctx *c, const uint8_t *p);
int rc__bgp_l2vpn(rc__pctx *c, const uint8_t *p);
int rc__bgp_clnp(rc__pctx *c, const uint8_t *p, int vpn);
int rc__bgp_mvpn(rc__pctx *c, const uint8_t *p);
int rc__bgp_rt_routing(rc__pctx *c, const uint8_t *p);

/* An IPv4 or IPv6 prefix (RFC 4271 4.3) at p, itemlen bytes left:
 * printed after indent, returns its length. */
int rc__bgp_prefix(rc__pctx *c, const uint8_t *p, unsigned itemlen, const char *indent, int v6);

/* Path attribute atype of len bytes at p; level counts ATTR_SET nesting.
 * 1 printed, 0 tcpdump's "goto trunc" (the caller prints the marker),
 * RC_PRINT_TRUNC a read past the capture. */
int rc__bgp_attr(rc__pctx *c, unsigned atype, const uint8_t *p, unsigned len, unsigned level);

/* An attribute's "name (type), length: n" after indent, then
 * ", Flags [OTPE+x" when flags are set; returns 1 if they were (the
 * caller closes the bracket as tcpdump does at its level). */
int rc__bgp_attr_head(rc__pctx *c, const char *indent, unsigned atype, unsigned alen,
		      unsigned flags);

/* tcpdump's "invalid len" for an attribute whose length is bad; bad. */
int rc__bgp_invalid_len(rc__pctx *c, int bad);

/* Community attributes (print_bgp_comm.c), returning as rc__bgp_attr();
 * *left counts down as tcpdump's len does (large communities leave no
 * bytes for the -vv dump). */
int rc__bgp_communities(rc__pctx *c, const uint8_t *p, unsigned len);
int rc__bgp_extd_communities(rc__pctx *c, const uint8_t *p, unsigned len);
int rc__bgp_large_communities(rc__pctx *c, const uint8_t *p, unsigned len, unsigned *left);

/* tcpdump's check_add_path: 1 when the NLRI only parse with RFC 7911 path
 * identifiers in front of each prefix. */
int rc__bgp_add_path(rc__pctx *c, const uint8_t *p, unsigned len, unsigned maxlen);

#endif

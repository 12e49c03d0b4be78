/*
 * print_dns.h - the pieces the DNS printer files share: names (print_dns.c),
 * resource records (print_dns_rr.c) and EDNS0 OPT data (print_dns_opt.c);
 * print_nd.c prints the DNSSL option's names with rc__dns_fqdn too.
 *
 * All of them follow tcpdump 4.99 print-domain.c's conventions: a function
 * that returns a pointer returns NULL when it stopped at the snapend (the
 * caller prints " [|domain]"); where tcpdump would unwind with longjmp
 * instead, the function also sets c->unwound.
 */
#ifndef RC_CLI_PRINT_DNS_H
#define RC_CLI_PRINT_DNS_H

#include "print.h"

#define DNS_T_OPT 41

/* The byte after the name at cp, or NULL if it runs off the capture. */
const uint8_t *rc__dns_nskip(rc__pctx *c, const uint8_t *cp);
/* Print the name at cp; compression pointers are offsets from msg and must
 * point before cp.  Returns the byte after the name, or NULL. */
const uint8_t *rc__dns_fqdn(rc__pctx *c, const uint8_t *cp, const uint8_t *msg);
/* tcpdump's names for types ("Type%u" otherwise) and classes ("(Class %u)"). */
const char *rc__dns_type_name(unsigned t, char *buf, size_t n);
const char *rc__dns_class_name(unsigned cl, char *buf, size_t n);
/* One resource record: " owner [ttl] TYPE data".  Returns the next record,
 * the snapend when the fixed part is missing (as tcpdump), or NULL. */
const uint8_t *rc__dns_rr(rc__pctx *c, const uint8_t *cp, const uint8_t *msg, int is_mdns);
/* The options of an OPT record's rdata [cp, rp), as " [opt,opt]"; 0 or -1. */
int rc__dns_opt_options(rc__pctx *c, const uint8_t *cp, const uint8_t *rp);

#endif

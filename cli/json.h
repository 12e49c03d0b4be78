/*
 * json.h - --json: one JSON object per packet, one per line (JSON Lines),
 * for jq and scripts:
 *
 *   {"ts":1700000000.123456789,"interface":"eth0","len":74,"caplen":74,
 *    "eth":{"src":"02:..","dst":"02:..","type":2048},
 *    "vlan":[{"tpid":33024,"id":5,"pcp":0,"type":2048}],
 *    "ip":{"src":"10.0.0.1","dst":"10.0.0.2","proto":6,"ttl":64,"len":60,"id":1,"frag":0},
 *    "tcp":{"sport":1234,"dport":80,"seq":1,"ack":0,"flags":"S","win":64240,"len":0}}
 *
 * Layers: eth (or sll / sll2 for cooked captures, null / loop for BSD
 * loopback), vlan (a list, outer first), arp, or ip or ip6 (its extension
 * headers listed in "ext"), then tcp, udp, icmp or icmp6, and dns on UDP
 * port 53 or 5353 (docs/cli.md lists the fields).  A layer cut short by
 * the snap length ends the decoding with "truncated":true.  Every string
 * is escaped (RFC 8259 section 7), so any interface name is safe.
 *
 * Thread-safety: pure functions of their arguments.
 */
#ifndef RC_CLI_JSON_H
#define RC_CLI_JSON_H

#include "outbuf.h"
#include "ringcap/packet.h"

/* Append p's object and a newline to ob; ifname may be NULL (omitted). */
void rc__json_packet(rc__ob *ob, const rc_packet *p, const char *ifname);

/* Append s as a JSON string (quotes included). */
void rc__json_string(rc__ob *ob, const char *s);

#endif

/*
 * print.h - one-line packet summaries in tcpdump 4.99's format.
 *
 * The printer turns (bytes, link type, time stamp) into the text tcpdump
 * prints with -n, so that `ringcap -r F -n -tt` and `tcpdump -r F -n -tt`
 * read the same for the protocols listed in docs/cli.md.
 *
 * Decoders are pure functions over a bounds-checked cursor: every read is
 * checked against the end of the captured bytes (the "snapend"), and a read
 * that would pass it prints tcpdump's truncation marker " [|proto]" and
 * unwinds by returning RC_PRINT_TRUNC through every caller.  tcpdump does the
 * same with longjmp; here the unwinding is explicit so each decoder shows
 * where it can stop.
 *
 * Thread-safety: a printer (and its TCP sequence table) belongs to one thread.
 */
#ifndef RC_CLI_PRINT_H
#define RC_CLI_PRINT_H

#include <stddef.h>
#include <stdint.h>

#include "outbuf.h"
#include "ringcap/packet.h"

/* Time stamp styles, as tcpdump's -t count. */
enum rc__ts_style {
	RC_TS_LOCAL_HMS = 0,  /* default: HH:MM:SS.frac in local time */
	RC_TS_NONE = 1,       /* -t */
	RC_TS_UNIX = 2,       /* -tt: seconds.frac since the epoch */
	RC_TS_DELTA_PREV = 3, /* -ttt: since the previous packet */
	RC_TS_DATE = 4,       /* -tttt: YYYY-MM-DD HH:MM:SS.frac, local */
	RC_TS_DELTA_FIRST = 5 /* -ttttt: since the first packet */
};

struct rc__print_opts {
	int vflag;      /* -v count */
	int eflag;      /* -e: print link-level headers */
	int qflag;      /* -q: quieter protocol summaries */
	int xflag;      /* -x = 1, -xx = 2: hex dump */
	int Xflag;      /* -X = 1, -XX = 2: hex + ASCII dump (wins over -x) */
	int Aflag;      /* -A = 1, -AA = 2: ASCII dump (-x and -X win over it) */
	int ts_style;   /* enum rc__ts_style */
	int ts_nano;    /* 1: 9 fraction digits (--time-stamp-precision nano) */
	int Sflag;      /* -S: absolute TCP sequence numbers */
	int number;     /* -#: number each line, from 1 */
	int Kflag;      /* -K: with -v, no IP, TCP or UDP checksum verdicts (tcpdump
	                 * still checks ICMP, ICMPv6 and IGMP checksums then) */
};

struct rc__tcp_seq;

/* tcpdump's ISAKMP initiator cookie cache (print_isakmp.c): 20 slots
 * that live for the whole run, as tcpdump's static table does. */
#define RC_IKE_COOKIES 20
struct rc__ike_cookies {
	struct {
		uint8_t icookie[8];
		uint8_t version; /* 4 or 6; 0 for a slot never filled */
		uint8_t iaddr[16], raddr[16];
	} e[RC_IKE_COOKIES];
	unsigned next;
};

typedef struct rc__printer {
	struct rc__print_opts o;
	rc__ob *ob;
	uint64_t first_ts_nsec, prev_ts_nsec;
	int have_prev;
	unsigned numbered;         /* -#: lines printed so far */
	struct rc__tcp_seq *tcp;   /* relative sequence number state */
	struct rc__ike_cookies ike; /* ISAKMP initiators seen */
	int64_t cached_sec;        /* local-time formatting cache */
	char cached_hms[32];
} rc__printer;

/* Initialise p to print into ob (not owned).  0 or RC_ENOMEM. */
int rc__printer_init(rc__printer *p, const struct rc__print_opts *o, rc__ob *ob);
/* Free the printer's state; accepts a zeroed struct. */
void rc__printer_free(rc__printer *p);
/* Print pkt's summary line (time stamp, summary, optional hex dump, '\n'). */
void rc__print_packet(rc__printer *p, const rc_packet *pkt);
/* rc__print_packet with ifname (not NULL) and the packet's direction
 * (pkt->pkttype) after the time stamp, as tcpdump prints them from a
 * LINUX_SLL2 header ("eth0  In  IP ..."): the CLI's lines of several -i. */
void rc__print_packet_on(rc__printer *p, const rc_packet *pkt, const char *ifname);
/* A Linux packet type (PACKET_HOST, ... as in a cooked header) as tcpdump
 * names it: "In", "B", "M", "P", "Out", "?" (print_link.c). */
const char *rc__sll_pkttype_name(unsigned pkttype);
/* Print only the decoded summary of data/caplen/len for linktype (no time
 * stamp, no newline); used by tests. */
void rc__print_summary(rc__printer *p, int linktype, const uint8_t *data, uint32_t caplen,
		       uint32_t len);
/* 1 if linktype has a decoder here. */
int rc__print_linktype_supported(int linktype);

/* ---- internal interface between the decoder files ---- */

#define RC_PRINT_TRUNC (-1)

typedef struct rc__pctx {
	rc__printer *pr;
	rc__ob *ob;
	const struct rc__print_opts *o;
	const uint8_t *start;     /* first captured byte of the packet */
	const uint8_t *end;       /* one past the last byte the current layer may read */
	const char *proto;        /* name in the truncation marker */
	int suppress_default;     /* -x/-X/-q given: no hex dump for unknown payloads */
	int unwound;              /* a decoder stopped at the snapend (tcpdump's longjmp):
	                           * -x then dumps from the first byte */
} rc__pctx;

/* Bytes available from p to the snapend (0 if p is outside). */
static inline size_t rc__avail(const rc__pctx *c, const uint8_t *p)
{
	return (p >= c->start && p < c->end) ? (size_t)(c->end - p) : 0;
}
static inline int rc__have(const rc__pctx *c, const uint8_t *p, size_t n)
{
	return p >= c->start && p <= c->end && (size_t)(c->end - p) >= n;
}
static inline uint16_t rc__be16(const uint8_t *p)
{
	return (uint16_t)((p[0] << 8) | p[1]);
}
static inline uint32_t rc__be24(const uint8_t *p)
{
	return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}
static inline uint32_t rc__be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Print " [|proto]", mark the packet as unwound, return RC_PRINT_TRUNC. */
int rc__trunc(rc__pctx *c);
/* Same marker where tcpdump checks explicitly and returns instead of
 * unwinding (ND_TCHECK/ND_TTEST paths): -x still skips the link header. */
int rc__trunc_soft(rc__pctx *c);
#define RC_NEED_SOFT(c, p, n)                              \
	do {                                               \
		if (!rc__have((c), (p), (n)))              \
			return rc__trunc_soft(c);          \
	} while (0)
#define RC_NEED(c, p, n)                                   \
	do {                                               \
		if (!rc__have((c), (p), (n)))              \
			return rc__trunc(c);               \
	} while (0)
#define RC_TRY(expr)                                       \
	do {                                               \
		if ((expr) < 0)                            \
			return RC_PRINT_TRUNC;             \
	} while (0)

/* Narrow the snapend to p + len (never widens); returns the old end. */
static inline const uint8_t *rc__push_end(rc__pctx *c, const uint8_t *p, size_t len)
{
	const uint8_t *old = c->end;
	if (p >= c->start && p <= c->end && (size_t)(c->end - p) > len)
		c->end = p + len;
	return old;
}

/* Text helpers. */
void rc__put_ip4(rc__ob *ob, const uint8_t *a);
void rc__put_ip6(rc__ob *ob, const uint8_t *a);
void rc__put_mac(rc__ob *ob, const uint8_t *a);
/* One byte as tcpdump's fn_print_char: M- for the high bit, ^ for controls. */
void rc__put_char(rc__ob *ob, uint8_t ch);
/* tcpdump's unsigned_relts_print: "1h2m3s", "0s" for 0. */
void rc__put_relts(rc__ob *ob, uint32_t secs);
/* tcpdump's default printer: hex + ASCII of up to len bytes from p, then the
 * truncation marker if fewer were captured.  No-op with -x/-X. */
int rc__default_print(rc__pctx *c, const uint8_t *p, size_t len);
void rc__hex_ascii_dump(rc__ob *ob, const char *indent, const uint8_t *p, size_t len,
			size_t offset);
void rc__hex_dump(rc__ob *ob, const char *indent, const uint8_t *p, size_t len, size_t offset);
/* tcpdump's print_unknown_data: hex only (whatever -q/-x say), of the
 * captured part of len bytes, without a truncation marker. */
int rc__unknown_data(rc__pctx *c, const uint8_t *p, const char *indent, size_t len);
/* tcpdump's nd_printn without an end: n bytes as rc__put_char, each read
 * through the snapend (RC_PRINT_TRUNC, unwinding, past it). */
int rc__printn(rc__pctx *c, const uint8_t *p, size_t n);
/* tcpdump's nd_printjnp: up to n bytes or a NUL, as rc__put_char, each
 * read through the snapend (RC_PRINT_TRUNC, unwinding, past it). */
int rc__printjnp(rc__pctx *c, const uint8_t *p, size_t n);
/* tcpdump's ascii_print for -A: a newline, then the bytes as text. */
void rc__ascii_dump(rc__ob *ob, const uint8_t *p, size_t len);
/* Internet checksum of iov-like pieces; returns the folded one's-complement sum. */
uint32_t rc__cksum_add(uint32_t sum, const uint8_t *p, size_t len);
uint16_t rc__cksum_fold(uint32_t sum);
/* The value a bad checksum field should hold, as tcpdump's "(->%x)" and
 * "-> 0x%04x" show it: the field plus the folded sum over the data
 * (which is 0 when the field is right), folded back to 16 bits. */
uint16_t rc__cksum_shouldbe(uint16_t field, uint16_t computed);

/* Name tables. */
const char *rc__ethertype_name(uint16_t type);  /* NULL if unknown */
const char *rc__ipproto_name(uint8_t proto);    /* NULL if unknown */
const char *rc__bsd_af_name(uint32_t af);       /* BSD AF_ value; NULL if unknown */

/* tcpdump's bittok2str with ", ": the names of the bits set in v, in table
 * order, written into buf; returns buf, or "none" when no bit is set. */
typedef struct {
	uint32_t bit;
	const char *name;
} rc__bitname;
const char *rc__bit_names(char *buf, size_t n, uint32_t v, const rc__bitname *t, size_t nt);

/* Layers (print_link.c). */
int rc__print_ether(rc__pctx *c, const uint8_t *p, uint32_t length);
/* Returns 1 if printed, 0 if the ethertype is not decoded, or RC_PRINT_TRUNC;
 * src: the link's 6-byte source address, NULL where tcpdump passes none. */
int rc__print_ethertype(rc__pctx *c, uint16_t type, const uint8_t *p, uint32_t length,
			const uint8_t *src);
int rc__print_mpls(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_pppoe(rc__pctx *c, const uint8_t *p, uint32_t length);
/* PPP frame (optional ff03 address/control, protocol field): PPPoE, GRE v1
 * (print_ppp.c). */
int rc__print_ppp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_arp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_lldp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_loopback(rc__pctx *c, const uint8_t *p, uint32_t length);
/* LLDP helpers: text up to len bytes or a NUL (tcpdump's nd_printzp); an
 * organization specific TLV's value (print_lldp_org.c) and DCBX's
 * (print_lldp_dcbx.c), each returning 1 when a hex dump of it follows. */
void rc__lldp_text(rc__pctx *c, const uint8_t *p, unsigned len);
int rc__lldp_org(rc__pctx *c, const uint8_t *p, unsigned len);
int rc__lldp_dcbx(rc__pctx *c, const uint8_t *p, unsigned len);
/* tcpdump's oui_values name of an OUI, NULL if unknown (print_lldp_org.c). */
const char *rc__oui_name(uint32_t oui);
/* LLC of an 802.3 frame (print_llc.c); frame is the Ethernet header, for
 * the addresses.  *hdrlen gets the LLC header length.  Returns
 * RC_LLC_DONE, RC_LLC_DUMP (the caller dumps the frame's payload, as
 * tcpdump does for I and U frames), RC_LLC_NOT_DECODED (nothing printed:
 * a payload ringcap does not decode) or RC_PRINT_TRUNC. */
#define RC_LLC_DONE 1
#define RC_LLC_DUMP 2
#define RC_LLC_NOT_DECODED 0
int rc__print_llc(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *frame,
		  int *hdrlen);

/* IEEE 802.1D/Q spanning tree BPDUs after an LLC header (print_stp.c). */
int rc__print_stp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* SNAP after an LLC UI header with SAP 0xaa (print_snap.c): whether
 * ringcap decodes the payload (0: the caller prints its generic form,
 * nothing printed), and the printer, returning RC_LLC_DONE, RC_LLC_DUMP
 * (the caller dumps from the LLC header) or RC_PRINT_TRUNC. */
#define RC_SNAP_HDRLEN 5
int rc__snap_decoded(const rc__pctx *c, const uint8_t *s, uint32_t length);
int rc__print_snap(rc__pctx *c, const uint8_t *s, uint32_t length, const uint8_t *frame);
/* Cisco Discovery Protocol after a SNAP header (print_cdp.c). */
int rc__print_cdp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* tcpdump's nd_print_invalid then ND_TCHECK_LEN(p, len), as the Cisco
 * printers end a PDU they find malformed: " (invalid)", then the marker
 * and an unwind when the len bytes at p are not all captured
 * (print_cdp.c). */
int rc__invalid(rc__pctx *c, const uint8_t *p, uint32_t len);
/* n bytes at p, each printed with fmt after a read through the snapend
 * (tcpdump's GET_U_1 per byte): RC_PRINT_TRUNC, unwinding, past it
 * (print_cdp.c). */
int rc__bytes_fmt(rc__pctx *c, const uint8_t *p, unsigned n, const char *fmt);
/* Cisco VTP, DTP and UDLD after a SNAP header (print_vtp.c, print_dtp.c,
 * print_udld.c). */
int rc__print_vtp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_dtp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_udld(rc__pctx *c, const uint8_t *p, uint32_t length);
/* RADIUS -v attributes (print_radius_attr.c): tcpdump's name of a type
 * ("Unknown" outside its table) and the value of len bytes at p; the
 * RFC 5580 location attributes (print_radius_loc.c) and an Error-Cause
 * value's text (print_radius.c).  0 or RC_PRINT_TRUNC. */
const char *rc__radius_attr_name(unsigned type);
int rc__radius_attr_value(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len);
int rc__radius_location(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len);
int rc__radius_error_cause(rc__pctx *c, uint32_t v);
/* tcpdump's smi_values name of an enterprise number, NULL if it has none
 * (print_smi.c). */
const char *rc__smi_name(uint32_t code);
/* An EAP packet of length bytes, as its carrier gives it (print_eap.c). */
int rc__print_eap(rc__pctx *c, const uint8_t *p, unsigned length);
/* tcpdump's p_ntp_time of the 64-bit NTP time stamp at p (print_ntp.c). */
void rc__put_ntp_time(rc__ob *ob, const uint8_t *p);
/* DCCP, IP protocol 33, over IPv4 or IPv6 (print_dccp.c). */
int rc__print_dccp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);

/* Network layer (print_ip.c, print_ip6.c). */
int rc__print_ip(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_ip6(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_ip_any(rc__pctx *c, const uint8_t *p, uint32_t length); /* by version nibble */
/* An IPv6 hop-by-hop (hbh) or destination options header (print_ip6opts.c):
 * its length, or RC_PRINT_TRUNC.  A hop-by-hop Jumbo Payload option sets
 * *found_jumbo and *payload_len (when that is 0). */
int rc__ip6_opts_header(rc__pctx *c, const uint8_t *p, int hbh, int *found_jumbo,
			uint32_t *payload_len);
/* iph points at the enclosing IPv4 or IPv6 header (version nibble tells). */
int rc__ip_demux(rc__pctx *c, const uint8_t *p, uint32_t length, int ver, int fragmented,
		 uint8_t nh, const uint8_t *iph);
/* IPv4 pseudo-header destination: a source route's last hop, else ip + 16. */
const uint8_t *rc__ip4_final_dst(const uint8_t *ip);
/* Pseudo-header sum for TCP/UDP/ICMPv6 checksums over iph; c's snapend
 * bounds a type 4 routing header's segment 0, the IPv6 final destination. */
uint32_t rc__pseudo_sum(const rc__pctx *c, const uint8_t *iph, uint8_t proto, uint32_t length);

/* Transport and above. */
int rc__print_tcp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph,
		  int fragmented);
/* The MPTCP option o of len bytes, all captured (print_mptcp.c); flags
 * are the TCP header's.  0 when tcpdump finds it bad. */
int rc__print_mptcp(rc__pctx *c, const uint8_t *o, unsigned len, uint8_t flags);
int rc__print_udp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph,
		  int fragmented);
int rc__print_icmp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph,
		   int fragmented);
int rc__print_icmp6(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph,
		    int fragmented);
/* -v: the neighbor discovery options from cp, resid bytes (print_nd.c). */
int rc__nd_options(rc__pctx *c, const uint8_t *cp, int resid);
/* RFC 4191 route preference of flag bits 3-4, as tcpdump's get_rtpref. */
const char *rc__nd_rtpref(uint8_t flags);
int rc__print_igmp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* IGMPv3/MLDv2 report group records (print_misc.c); addr_len 4 or 16. */
int rc__group_records(rc__pctx *c, const uint8_t *bp, uint32_t len, unsigned addr_len);
int rc__print_gre(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_sctp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);
int rc__print_dns(rc__pctx *c, const uint8_t *p, uint32_t length, int is_mdns);
int rc__print_bootp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_dhcp6(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_ntp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_vxlan(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_geneve(rc__pctx *c, const uint8_t *p, uint32_t length);
/* RADIUS, tcpdump's line without -v, the attributes with it
 * (print_radius.c). */
int rc__print_radius(rc__pctx *c, const uint8_t *p, uint32_t length);
/* OTV over UDP 8472, then its Ethernet frame (print_udp.c). */
int rc__print_otv(rc__pctx *c, const uint8_t *p, uint32_t length);
/* One-line summaries without -v (print_udp_oneline.c): LMP, Cisco VQP,
 * sFlow and LWAPP; has_ap_ident: a control frame sent to port 12223,
 * whose transport header follows the AP's MAC address. */
int rc__print_lmp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_vqp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_sflow(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_lwapp_control(rc__pctx *c, const uint8_t *p, uint32_t length, int has_ap_ident);
int rc__print_lwapp_data(rc__pctx *c, const uint8_t *p, uint32_t length);
/* HSRP version 0 on UDP 1985 (print_hsrp.c). */
int rc__print_hsrp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* L2TPv2 on UDP 1701: control message AVPs, data messages' PPP frames
 * (print_l2tp.c). */
int rc__print_l2tp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* VXLAN-GPE on UDP 4790, with NSH inside (print_vxlan_gpe.c). */
int rc__print_vxlan_gpe(rc__pctx *c, const uint8_t *p, uint32_t length);
/* IPComp, IP protocol 108: its CPI (print_ipcomp.c). */
int rc__print_ipcomp(rc__pctx *c, const uint8_t *p);
/* CALM FAST, ethertype 0x1111 (print_calm.c); src as for rc__print_ethertype. */
int rc__print_calm_fast(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *src);
/* Babel on UDP 6696/6697, tcpdump's line without -v (print_babel.c). */
int rc__print_babel(rc__pctx *c, const uint8_t *p, uint32_t length);
/* SIP's first line, every line with -v, as the text protocols over TCP
 * (print_tcp.c). */
int rc__print_sip(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_vrrp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);
int rc__print_syslog(rc__pctx *c, const uint8_t *p, uint32_t length);
/* 1 if tcpdump 4.99 gives a UDP packet with these ports to syslog. */
int rc__syslog_port(unsigned sport, unsigned dport);
int rc__print_tftp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_snmp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_rip(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_bgp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* Telnet commands on TCP port 23 (print_telnet.c). */
int rc__print_telnet(rc__pctx *c, const uint8_t *p, uint32_t length);
/* PPTP control messages on TCP port 1723 (print_pptp.c). */
int rc__print_pptp(rc__pctx *c, const uint8_t *p);
/* Redis RESP on TCP port 6379 (print_resp.c). */
int rc__print_resp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* LDP over UDP or TCP port 646 (print_ldp.c). */
int rc__print_ldp(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_ripng(rc__pctx *c, const uint8_t *p, uint32_t length);
/* port: the UDP destination port, which tells BFD control from echo. */
int rc__print_bfd(rc__pctx *c, const uint8_t *p, uint32_t length, unsigned port);
/* Kerberos reads its strings up to the snapend, as tcpdump does. */
int rc__print_krb(rc__pctx *c, const uint8_t *p);
int rc__print_esp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* ISAKMP on UDP 500/7500/8500, and RFC 3948 NAT-T on 4500 (print_isakmp.c). */
int rc__print_isakmp(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);
int rc__print_isakmp_natt(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);
/* An AH header (print_ipsec.c): its length, or RC_PRINT_TRUNC. */
int rc__print_ah(rc__pctx *c, const uint8_t *p);
int rc__print_pim(rc__pctx *c, const uint8_t *p, uint32_t length, const uint8_t *iph);
int rc__print_ospf(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_ospf6(rc__pctx *c, const uint8_t *p, uint32_t length);
int rc__print_eigrp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* 802.1X EAPOL (print_eap.c): tcpdump passes it no length. */
int rc__print_eapol(rc__pctx *c, const uint8_t *p);
/* IEEE 1588 PTP on its ethertype or UDP 319/320 (print_ptp.c). */
int rc__print_ptp(rc__pctx *c, const uint8_t *p, uint32_t length);
/* IEEE 802.3 slow protocols, ethertype 0x8809: LACP, Marker, OAM
 * (print_slow.c). */
int rc__print_slow(rc__pctx *c, const uint8_t *p, uint32_t length);

/* TCP relative sequence numbers (print_tcp.c). */
struct rc__tcp_seq *rc__tcp_seq_new(void);
void rc__tcp_seq_free(struct rc__tcp_seq *t);

#endif

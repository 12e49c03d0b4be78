/*
 * print_core.c - the per-packet driver of the printer: time stamp, link-type
 * dispatch, -x/-X dumps, and the helpers every decoder shares (addresses,
 * hex dumps, checksums, truncation marker, name tables).
 *
 * Line layout, as tcpdump 4.99 prints it (print.c pretty_print_packet):
 *
 *   [<number, -#>]<time stamp><space><link summary ...>[<hex dump>]\n
 *
 * The hex dump of -x/-X starts after the link-layer header (-xx/-XX: from
 * the first byte) and each of its lines begins with "\n\t0xOOOO:  ".
 */
#include "print.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ringcap/error.h"
#include "ringcap/linktype.h"

/* Link-layer printers (print_link.c); each returns the header length. */
uint32_t rc__if_ether(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t rc__if_sll(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t rc__if_sll2(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t rc__if_null(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t rc__if_loop(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);
uint32_t rc__if_raw(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);

typedef uint32_t (*rc__if_printer)(rc__pctx *c, const uint8_t *p, uint32_t caplen, uint32_t len);

static const struct {
	int linktype;
	rc__if_printer fn;
} rc__if_printers[] = {
	{ RC_LINKTYPE_ETHERNET, rc__if_ether },
	{ RC_LINKTYPE_LINUX_SLL, rc__if_sll },
	{ RC_LINKTYPE_LINUX_SLL2, rc__if_sll2 },
	{ RC_LINKTYPE_NULL, rc__if_null },
	{ RC_LINKTYPE_LOOP, rc__if_loop },
	{ RC_LINKTYPE_RAW, rc__if_raw },
	{ RC_LINKTYPE_IPV4, rc__if_raw },
	{ RC_LINKTYPE_IPV6, rc__if_raw },
};

static rc__if_printer rc__find_if_printer(int linktype)
{
	for (size_t i = 0; i < sizeof(rc__if_printers) / sizeof(rc__if_printers[0]); i++)
		if (rc__if_printers[i].linktype == linktype)
			return rc__if_printers[i].fn;
	return NULL;
}

int rc__print_linktype_supported(int linktype)
{
	return rc__find_if_printer(linktype) != NULL;
}

int rc__printer_init(rc__printer *p, const struct rc__print_opts *o, rc__ob *ob)
{
	memset(p, 0, sizeof(*p));
	p->o = *o;
	p->ob = ob;
	p->cached_sec = -1;
	p->tcp = rc__tcp_seq_new();
	return p->tcp ? 0 : RC_ENOMEM;
}

void rc__printer_free(rc__printer *p)
{
	rc__tcp_seq_free(p->tcp);
	p->tcp = NULL;
}

int rc__trunc(rc__pctx *c)
{
	rc__ob_puts(c->ob, " [|");
	rc__ob_puts(c->ob, c->proto ? c->proto : "?");
	rc__ob_putc(c->ob, ']');
	c->unwound = 1;
	return RC_PRINT_TRUNC;
}

int rc__trunc_soft(rc__pctx *c)
{
	int unwound = c->unwound;
	rc__trunc(c);
	c->unwound = unwound;
	return RC_PRINT_TRUNC;
}

/* ---- time stamps (tcpdump print.c ts_print) ---- */

static void put_frac(rc__printer *p, uint64_t nsec)
{
	rc__ob_putc(p->ob, '.');
	if (p->o.ts_nano)
		rc__ob_u0(p->ob, nsec, 9);
	else
		rc__ob_u0(p->ob, nsec / 1000, 6);
}

/* HH:MM:SS of local time; cached per second because localtime_r is slow. */
static void put_local(rc__printer *p, int64_t sec, int with_date)
{
	if (sec != p->cached_sec) {
		time_t t = (time_t)sec;
		struct tm tm;
		if (!localtime_r(&t, &tm))
			memset(&tm, 0, sizeof(tm));
		strftime(p->cached_hms, sizeof(p->cached_hms), "%Y-%m-%d %H:%M:%S", &tm);
		p->cached_sec = sec;
	}
	rc__ob_puts(p->ob, with_date ? p->cached_hms : p->cached_hms + 11);
}

/* Delta as tcpdump's ts_format: hours are not wrapped at 24. */
static void put_delta(rc__printer *p, uint64_t later, uint64_t earlier)
{
	uint64_t d;
	if (later >= earlier) {
		rc__ob_putc(p->ob, ' ');
		d = later - earlier;
	} else {
		rc__ob_putc(p->ob, '-');
		d = earlier - later;
	}
	if (!p->o.ts_nano)
		d = d / 1000 * 1000; /* tcpdump subtracts the microsecond values */
	uint64_t sec = d / 1000000000u;
	rc__ob_u0(p->ob, sec / 3600, 2);
	rc__ob_putc(p->ob, ':');
	rc__ob_u0(p->ob, (sec % 3600) / 60, 2);
	rc__ob_putc(p->ob, ':');
	rc__ob_u0(p->ob, sec % 60, 2);
	put_frac(p, d % 1000000000u);
}

static void put_ts(rc__printer *p, uint64_t ts_nsec)
{
	uint64_t sec = ts_nsec / 1000000000u, ns = ts_nsec % 1000000000u;
	if (!p->o.ts_nano)
		ts_nsec = sec * 1000000000u + ns / 1000 * 1000;
	switch (p->o.ts_style) {
	case RC_TS_NONE:
		return;
	case RC_TS_UNIX:
		rc__ob_u(p->ob, sec);
		put_frac(p, ns);
		break;
	case RC_TS_DELTA_PREV:
		put_delta(p, ts_nsec, p->have_prev ? p->prev_ts_nsec : ts_nsec);
		break;
	case RC_TS_DELTA_FIRST:
		put_delta(p, ts_nsec, p->have_prev ? p->first_ts_nsec : ts_nsec);
		break;
	case RC_TS_DATE:
		put_local(p, (int64_t)sec, 1);
		put_frac(p, ns);
		break;
	default:
		put_local(p, (int64_t)sec, 0);
		put_frac(p, ns);
		break;
	}
	rc__ob_putc(p->ob, ' ');
	if (!p->have_prev)
		p->first_ts_nsec = ts_nsec;
	p->prev_ts_nsec = ts_nsec;
	p->have_prev = 1;
}

static uint32_t run_if_printer(rc__printer *p, int linktype, const uint8_t *data,
			       uint32_t caplen, uint32_t len)
{
	rc__pctx c = {
		.pr = p,
		.ob = p->ob,
		.o = &p->o,
		.start = data,
		.end = data + caplen,
		.proto = "?",
		.suppress_default = p->o.xflag || p->o.Xflag || p->o.qflag,
	};
	rc__if_printer fn = rc__find_if_printer(linktype);
	if (!fn) {
		const char *name = rc_linktype_name(linktype);
		if (name)
			rc__ob_printf(p->ob, "[link type %s not decoded], length %u", name, len);
		else
			rc__ob_printf(p->ob, "[link type %d not decoded], length %u", linktype, len);
		if (!c.suppress_default)
			rc__default_print(&c, data, caplen);
		return 0;
	}
	uint32_t hdrlen = fn(&c, data, caplen, len);
	return c.unwound ? 0 : hdrlen;
}

void rc__print_summary(rc__printer *p, int linktype, const uint8_t *data, uint32_t caplen,
		       uint32_t len)
{
	run_if_printer(p, linktype, data, caplen, len);
}

void rc__print_packet(rc__printer *p, const rc_packet *pkt)
{
	rc__print_packet_on(p, pkt, NULL);
}

void rc__print_packet_on(rc__printer *p, const rc_packet *pkt, const char *ifname)
{
	if (p->o.number) {
		/* tcpdump's "%5u  ": the number before the time stamp, wrapping
		 * as its unsigned counter does. */
		rc__ob_printf(p->ob, "%5u  ", ++p->numbered);
	}
	put_ts(p, pkt->ts_nsec);
	if (ifname) /* the layout of print-sll.c's LINUX_SLL2 line */
		rc__ob_printf(p->ob, "%-5s %-3s ", ifname, rc__sll_pkttype_name(pkt->pkttype));
	uint32_t hdrlen = run_if_printer(p, pkt->linktype, pkt->data, pkt->caplen, pkt->len);
	if (hdrlen > pkt->caplen)
		hdrlen = pkt->caplen;
	if (p->o.Xflag) {
		if (p->o.Xflag > 1)
			rc__hex_ascii_dump(p->ob, "\n\t", pkt->data, pkt->caplen, 0);
		else if (pkt->caplen > hdrlen)
			rc__hex_ascii_dump(p->ob, "\n\t", pkt->data + hdrlen, pkt->caplen - hdrlen, 0);
	} else if (p->o.xflag) {
		if (p->o.xflag > 1)
			rc__hex_dump(p->ob, "\n\t", pkt->data, pkt->caplen, 0);
		else if (pkt->caplen > hdrlen)
			rc__hex_dump(p->ob, "\n\t", pkt->data + hdrlen, pkt->caplen - hdrlen, 0);
	} else if (p->o.Aflag) {
		if (p->o.Aflag > 1)
			rc__ascii_dump(p->ob, pkt->data, pkt->caplen);
		else if (pkt->caplen > hdrlen)
			rc__ascii_dump(p->ob, pkt->data + hdrlen, pkt->caplen - hdrlen);
	}
	rc__ob_putc(p->ob, '\n');
	rc__ob_unclip(p->ob, "\n[ringcap: the rest of this packet's text, past 16 MiB, is left out]\n");
}

/* ---- text helpers ---- */

void rc__put_ip4(rc__ob *ob, const uint8_t *a)
{
	for (int i = 0; i < 4; i++) {
		if (i)
			rc__ob_putc(ob, '.');
		rc__ob_u(ob, a[i]);
	}
}

void rc__put_ip6(rc__ob *ob, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];
	if (inet_ntop(AF_INET6, a, buf, sizeof(buf)))
		rc__ob_puts(ob, buf);
}

void rc__put_mac(rc__ob *ob, const uint8_t *a)
{
	for (int i = 0; i < 6; i++) {
		if (i)
			rc__ob_putc(ob, ':');
		rc__ob_x(ob, a[i], 2);
	}
}

/* Printable for the ASCII column: tcpdump's ND_ASCII_ISGRAPH. */
static char graph_or_dot(uint8_t b)
{
	return (b > 0x20 && b <= 0x7e) ? (char)b : '.';
}

/*
 * tcpdump's hex_and_ascii_print_with_offset: per line
 *   <indent>0xOOOO: <8 x " hhhh", padded to 40>  <16 ASCII chars>
 */
void rc__hex_ascii_dump(rc__ob *ob, const char *indent, const uint8_t *p, size_t len,
			size_t offset)
{
	size_t i = 0;
	while (i < len) {
		size_t n = len - i < 16 ? len - i : 16;
		rc__ob_puts(ob, indent);
		rc__ob_puts(ob, "0x");
		rc__ob_x(ob, offset + i, 4);
		rc__ob_puts(ob, ": ");
		size_t hex_chars = 0;
		for (size_t j = 0; j < n; j += 2) {
			rc__ob_putc(ob, ' ');
			rc__ob_x(ob, p[i + j], 2);
			hex_chars += 3;
			if (j + 1 < n) {
				rc__ob_x(ob, p[i + j + 1], 2);
				hex_chars += 2;
			}
		}
		for (; hex_chars < 40; hex_chars++)
			rc__ob_putc(ob, ' ');
		rc__ob_puts(ob, "  ");
		for (size_t j = 0; j < n; j++)
			rc__ob_putc(ob, graph_or_dot(p[i + j]));
		i += n;
	}
}

/* tcpdump's hex_print_with_offset: "<indent>0xOOOO: " then " hhhh" groups. */
int rc__unknown_data(rc__pctx *c, const uint8_t *p, const char *indent, size_t len)
{
	size_t avail = rc__avail(c, p);
	rc__hex_dump(c->ob, indent, p, len < avail ? len : avail, 0);
	return 0;
}

int rc__printn(rc__pctx *c, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		RC_NEED(c, p + i, 1);
		rc__put_char(c->ob, p[i]);
	}
	return 0;
}

int rc__printjnp(rc__pctx *c, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		RC_NEED(c, p + i, 1);
		if (p[i] == 0)
			break;
		rc__put_char(c->ob, p[i]);
	}
	return 0;
}

void rc__hex_dump(rc__ob *ob, const char *indent, const uint8_t *p, size_t len, size_t offset)
{
	for (size_t i = 0; i < len; i += 2) {
		if (i % 16 == 0) {
			rc__ob_puts(ob, indent);
			rc__ob_puts(ob, "0x");
			rc__ob_x(ob, offset + i, 4);
			rc__ob_puts(ob, ": ");
		}
		rc__ob_putc(ob, ' ');
		rc__ob_x(ob, p[i], 2);
		if (i + 1 < len)
			rc__ob_x(ob, p[i + 1], 2);
	}
}

void rc__ascii_dump(rc__ob *ob, const uint8_t *p, size_t len)
{
	rc__ob_putc(ob, '\n');
	for (size_t i = 0; i < len; i++) {
		if (p[i] != '\r')
			rc__ob_putc(ob, p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ? (char)p[i]
										: graph_or_dot(p[i]));
		/* A CR is left out before a LF (text lines), as tcpdump does, and
		 * also when it is one of the last two bytes: tcpdump's test is
		 * "more than one byte follows and the next is not a LF". */
		else if (len - i - 1 > 1 && p[i + 1] != '\n')
			rc__ob_putc(ob, '.');
	}
}

int rc__default_print(rc__pctx *c, const uint8_t *p, size_t len)
{
	if (c->suppress_default)
		return 0;
	size_t avail = rc__avail(c, p);
	int truncated = len > avail;
	if (truncated)
		len = avail;
	rc__hex_ascii_dump(c->ob, "\n\t", p, len, 0);
	if (truncated)
		return rc__trunc(c);
	return 0;
}

uint32_t rc__cksum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i = 0;
	for (; i + 1 < len; i += 2) {
		sum += (uint32_t)((p[i] << 8) | p[i + 1]);
		if (sum & 0x80000000u)
			sum = (sum & 0xffff) + (sum >> 16);
	}
	if (i < len)
		sum += (uint32_t)(p[i] << 8);
	return sum;
}

uint16_t rc__cksum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t rc__cksum_shouldbe(uint16_t field, uint16_t computed)
{
	uint32_t s = (uint32_t)field + computed;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

/* ---- name tables (tcpdump's ethertype_values and ipproto_values) ---- */

static const struct {
	uint16_t type;
	const char *name;
} rc__ethertypes[] = {
	{ 0x00fe, "GRE-OSI" }, { 0x0200, "PUP" }, { 0x0500, "Sprite" }, { 0x0600, "NS" }, { 0x0707, "GeoNet (old)" }, { 0x0800, "IPv4" }, { 0x0806, "ARP" },
	{ 0x1000, "Trail" }, { 0x1111, "CALM FAST" }, { 0x6001, "MOP DL" }, { 0x6002, "MOP RC" },
	{ 0x6003, "DN" }, { 0x6004, "LAT" }, { 0x6007, "SCA" }, { 0x6558, "TEB" },
	{ 0x8035, "Reverse ARP" }, { 0x8038, "Lanbridge" }, { 0x803c, "DEC DNS" },
	{ 0x803e, "DEC DTS" }, { 0x805b, "VEXP" }, { 0x805c, "VPROD" }, { 0x809b, "Appletalk" },
	{ 0x80f3, "Appletalk ARP" }, { 0x8100, "802.1Q" }, { 0x8137, "IPX" }, { 0x86dd, "IPv6" },
	{ 0x8808, "MPCP" }, { 0x8809, "Slow Protocols" }, { 0x880b, "PPP" },
	{ 0x8847, "MPLS unicast" }, { 0x8848, "MPLS multicast" }, { 0x8863, "PPPoE D" },
	{ 0x8864, "PPPoE S" }, { 0x8870, "Jumbo" }, { 0x886f, "MS NLB heartbeat" }, { 0x888e, "EAPOL" },
	{ 0x8899, "Realtek protocols" }, { 0x88a2, "AoE" }, { 0x88a8, "802.1Q-QinQ" },
	{ 0x88ca, "TIPC" }, { 0x88cc, "LLDP" }, { 0x88e5, "802.1AE MACsec" }, { 0x88f7, "PTP" },
	{ 0x8902, "CFM" }, { 0x893a, "IEEE1905.1" }, { 0x8947, "GeoNet" }, { 0x894f, "NSH" },
	{ 0x9000, "Loopback" }, { 0x9100, "802.1Q-9100" }, { 0x9200, "802.1Q-9200" },
	{ 0xabcd, "CFM (old)" }, { 0xd28b, "Arista Vendor Specific Protocol" }, { 0xfefe, "OSI" },
};

const char *rc__ethertype_name(uint16_t type)
{
	for (size_t i = 0; i < sizeof(rc__ethertypes) / sizeof(rc__ethertypes[0]); i++)
		if (rc__ethertypes[i].type == type)
			return rc__ethertypes[i].name;
	return NULL;
}

const char *rc__bit_names(char *buf, size_t n, uint32_t v, const rc__bitname *t, size_t nt)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < nt; i++) {
		if (!(v & t[i].bit) || used >= n)
			continue;
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", t[i].name);
		used += w > 0 ? (size_t)w : 0;
	}
	return buf[0] ? buf : "none";
}

const char *rc__ipproto_name(uint8_t proto)
{
	switch (proto) {
	case 0: return "Options";
	case 1: return "ICMP";
	case 2: return "IGMP";
	case 4: return "IPIP";
	case 6: return "TCP";
	case 8: return "EGP";
	case 9: return "IGRP";
	case 17: return "UDP";
	case 33: return "DCCP";
	case 41: return "IPv6";
	case 43: return "Routing";
	case 44: return "Fragment";
	case 46: return "RSVP";
	case 47: return "GRE";
	case 50: return "ESP";
	case 51: return "AH";
	case 55: return "Mobile IP";
	case 58: return "ICMPv6";
	case 62: return "Mobile IP (old)";
	case 88: return "EIGRP";
	case 89: return "OSPF";
	case 103: return "PIM";
	case 108: return "Compressed IP";
	case 112: return "VRRP";
	case 113: return "PGM";
	case 132: return "SCTP";
	case 135: return "Mobility";
	case 143: return "Ethernet";
	default: return NULL;
	}
}

/* tcpdump's unsigned_relts_print: years (365 days), weeks, days, hours,
 * minutes and seconds, each only when non-zero; "0s" for 0. */
void rc__put_relts(rc__ob *ob, uint32_t secs)
{
	static const struct {
		uint32_t secs;
		char unit;
	} units[] = { { 31536000, 'y' }, { 604800, 'w' }, { 86400, 'd' },
		      { 3600, 'h' },     { 60, 'm' },     { 1, 's' } };
	if (secs == 0) {
		rc__ob_puts(ob, "0s");
		return;
	}
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (secs >= units[i].secs) {
			rc__ob_printf(ob, "%u%c", secs / units[i].secs, units[i].unit);
			secs %= units[i].secs;
		}
	}
}

void rc__put_char(rc__ob *ob, uint8_t ch)
{
	if (ch & 0x80) {
		ch &= 0x7f;
		rc__ob_puts(ob, "M-");
	}
	if (ch < 0x20 || ch == 0x7f) {
		ch ^= 0x40;
		rc__ob_putc(ob, '^');
	}
	rc__ob_putc(ob, (char)ch);
}

/*
 * test_cli_print_diff.c - differential test of the packet printer against
 * tcpdump 4.99.3 (the oracle) on damaged packets.
 *
 * tests/test_cli_output.c checks the corpus as generated; real captures
 * also hold packets whose bytes lie (lengths past the capture, unknown
 * codes, cut headers).  Here every packet of the tests/cli/corpus files is
 * taken as a template and, from a fixed seed (RC_TEST_SEED=N draws others),
 * thousands of copies get 0-3 random bytes overwritten, one in five is cut
 * short, and one in three records claims 4 more bytes on the wire than it
 * holds.  One capture per link type of the corpus is written and printed by
 * `tcpdump -n -tt -r F` and by `ringcap -n -tt -r F`, with each flag set of
 * run_one() (-v to -vvv, -e, -q, -S, and the -x/-X/-XX/-A dumps, whose
 * offsets show where tcpdump would have unwound); the output is split per
 * packet (each record has its own second) and compared.
 *
 * One kind of difference is expected and only counted: a protocol that
 * tcpdump decodes and ringcap does not (docs/cli.md lists them) prints
 * tcpdump's decoder output where ringcap prints its generic form.  It is
 * told apart narrowly, by the generic form ringcap printed and an explicit
 * list per layer (is_not_decoded()): an IP protocol number
 * (" ip-proto-N LEN", and tcpdump's output names that protocol there), a
 * UDP or TCP port (ringcap stops at the UDP or TCP length), an ethertype
 * or BSD loopback family (ringcap's unknown-type line with its name), an
 * ICMPv6 type, OSI guessed inside MPLS, a Linux cooked header type; the
 * outputs must be equal up to where ringcap's generic form starts (a dump
 * after it is set aside: tcpdump's may start at the frame where the
 * protocol's decoder unwinds).  The
 * count stays under 2% of the packets.  Any other difference fails the
 * test, printing the packet's bytes and both outputs.
 */
#include "harness.h"
#include "testutil.h"

#include <ctype.h>
#include <dirent.h>

#define BASE_SEC 1700000000u
#define MAX_LINKS 16
#define MAX_SHOWN 12

/*
 * IP protocols tcpdump 4.99.3 decodes and ringcap prints as
 * " ip-proto-N LEN", with the text tcpdump's line holds for each where
 * ringcap's generic form stands: its decoder's name or truncation marker.
 */
static const struct {
	unsigned proto;
	const char *names[3];
} not_decoded_ip[] = {
	{8, {"EGP", "[|egp]"}},       {9, {"igrp", "[|igrp]"}},
	{46, {"RSVP", "[|rsvp]"}},
	{55, {"mobile", "[|mobile]"}}, {62, {"mobility", "[|mobility]"}},
	{113, {"PGM", "[|pgm]"}},
	{135, {"mobility", "[|mobility]"}}, {240, {"pfsync", "[|pfsync]"}},
};

/* UDP and TCP ports whose payload tcpdump decodes and ringcap does not
 * (for UDP also those tcpdump tries before one ringcap decodes, which
 * print_udp.c sends to the generic form, and those ringcap decodes
 * without -v only: RADIUS, LMP, VQP, sFlow, LWAPP, Babel). */
static const unsigned not_decoded_udp[] = {
	496,  525,  654,  698,  701,  921,  1589,
	2103, 2104, 3456, 3503, 4342, 4567, 5359,  6343,
	6696, 6697, 7000, 7001, 7002, 7003, 7004, 7005, 7006,  7007,  7008, 7009,
	8231, 12222, 12223, 17754, 49152};
static const unsigned not_decoded_tcp[] = {323, 639, 6633, 6653, 10288};
/* AppleTalk DDP in UDP ("kip"): tcpdump takes a payload whose third byte
 * is 2 on these port ranges (an SNMP message's version tag is such a byte). */
static int atalk_port(unsigned p)
{
	return p - 16512 < 128 || p - 200 < 128 || p - 768 < 128;
}
/* Ethertypes (ringcap's "ethertype NAME (0xXXXX), length N: " line). */
static const unsigned not_decoded_ethertype[] = {0x809b, 0x80f3, 0x8137, 0x8808, 0x886f,
						  0x8899, 0x88a2, 0x88ca, 0x88e5, 0x8902,
						  0x8947};
/* BSD loopback families (ringcap's "AF NAME (N), length L: " line). */
static const unsigned not_decoded_af[] = {7, 16, 23};
/* ICMPv6 types, as ringcap names them after "ICMP6, ". */
static const char *const not_decoded_icmp6[] = {
	"router renumbering", "node information query", "node information reply",
	"unknown icmp6 type (155)", /* RPL */
};
/* IGMP types ringcap prints as "igmp-N" and the start of tcpdump's
 * line there: DVMRP 0x13, PIMv1 0x14. */
static const struct {
	unsigned type;
	const char *name;
} not_decoded_igmp[] = {{19, "igmp dvmrp"}, {20, "igmp pimv1"}};
/* PPP payloads tcpdump decodes (IPX 0x002b and 0x8137, OSI 0x0023) and
 * ringcap prints by name with a hex dump after it. */
static const char *const not_decoded_ppp[] = {"IPX ", "OSI "};
/* Linux cooked header types tcpdump hands to another decoder: 803,
 * ARPHRD_IEEE80211_RADIOTAP. */
static const unsigned not_decoded_hatype[] = {803};

static uint32_t rng = 20261206;
static uint32_t rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

struct tmpl {
	const uint8_t *data;
	uint32_t len;
};

struct link_set {
	uint32_t linktype;
	size_t n, cap;
	struct tmpl *t;
};

struct dstats {
	size_t pkts, not_decoded, failed;
};

static uint32_t le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static struct link_set *set_for(struct link_set *sets, size_t *nsets, uint32_t lt)
{
	for (size_t i = 0; i < *nsets; i++)
		if (sets[i].linktype == lt)
			return &sets[i];
	ASSERT_INT_LT(*nsets, MAX_LINKS);
	struct link_set *s = &sets[(*nsets)++];
	s->linktype = lt;
	s->n = s->cap = 0;
	s->t = NULL;
	return s;
}

/* Add the packets of one corpus file (little-endian pcap, either
 * precision) to the set of its link type.  The file buffer stays. */
static void load_file(const char *path, struct link_set *sets, size_t *nsets)
{
	size_t len;
	uint8_t *d = rc_test_read_file(path, &len);
	if (len < 24 || (le32(d) != 0xa1b2c3d4u && le32(d) != 0xa1b23c4du))
		rc_test_fail(__FILE__, __LINE__, "%s: not a little-endian pcap file", path);
	struct link_set *s = set_for(sets, nsets, le32(d + 20));
	for (size_t o = 24; o + 16 <= len;) {
		uint32_t cap = le32(d + o + 8);
		o += 16;
		if (cap > len - o)
			break;
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 256;
			s->t = realloc(s->t, s->cap * sizeof(*s->t));
			ASSERT_TRUE(s->t != NULL);
		}
		s->t[s->n].data = d + o;
		s->t[s->n++].len = cap;
		o += cap;
	}
}

static size_t load_corpus(struct link_set *sets)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/tests/cli/corpus", rc_test_srcdir());
	DIR *dp = opendir(dir);
	ASSERT_TRUE(dp != NULL);
	size_t nsets = 0;
	struct dirent *e;
	while ((e = readdir(dp)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 5, ".pcap") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		load_file(path, sets, &nsets);
	}
	closedir(dp);
	return nsets;
}

/* Bytes of the link header a cut keeps, so that cuts land in the layers
 * above it (the link layers' own cuts are in cut_*.pcap). */
static uint32_t link_header_len(uint32_t lt)
{
	switch (lt) {
	case 1: return 14;   /* EN10MB */
	case 0:              /* NULL */
	case 108: return 4;  /* LOOP */
	case 113: return 16; /* LINUX_SLL */
	case 276: return 20; /* LINUX_SLL2 */
	default: return 0;   /* RAW, IPV4, IPV6 */
	}
}

/* One damaged copy of a random template of s as a pcap record with time
 * stamp BASE_SEC + i; returns the record's size. */
static size_t mutate(const struct link_set *s, uint32_t i, uint8_t *rec)
{
	const struct tmpl *t = &s->t[rnd((uint32_t)s->n)];
	uint8_t *p = rec + 16;
	uint32_t len = t->len;
	memcpy(p, t->data, len);
	for (uint32_t k = rnd(4); k > 0 && len > 0; k--)
		p[rnd(len)] = (uint8_t)rnd(256);
	/* a record keeps a byte: tcpdump stops at an empty one */
	uint32_t keep = link_header_len(s->linktype) + 1;
	if (rnd(5) == 0 && len > keep)
		len = keep + rnd(len - keep + 1);
	put_le32(rec, BASE_SEC + i);
	put_le32(rec + 4, 0);
	put_le32(rec + 8, len);
	put_le32(rec + 12, len + (rnd(3) == 0 ? 4 : 0));
	return 16 + len;
}

/* Write npkts damaged packets of s to path; *recs gets each record's
 * offset in the malloc'ed file image (returned, *size its length). */
static uint8_t *build_capture(const struct link_set *s, size_t npkts, size_t **recs,
			      size_t *size)
{
	size_t cap = 24 + npkts * (16 + 65536);
	uint8_t *img = malloc(cap);
	*recs = malloc(npkts * sizeof(**recs));
	ASSERT_TRUE(img && *recs);
	static const uint8_t hdr[20] = {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0,
					0,    0,    0,    0,    0, 0, 0, 0, 4, 0};
	memcpy(img, hdr, 20);
	put_le32(img + 16, 262144);
	put_le32(img + 20, s->linktype);
	size_t o = 24;
	for (size_t i = 0; i < npkts; i++) {
		(*recs)[i] = o;
		o += mutate(s, (uint32_t)i, img + o);
	}
	*size = o;
	return img;
}

/* Per-packet blocks of a printer's output: block[i] is the text of the
 * packet stamped BASE_SEC + i (its line and any continuation lines), NULL
 * if none was printed.  The text is split in place. */
static void split_blocks(char *out, char **block, size_t npkts)
{
	memset(block, 0, npkts * sizeof(*block));
	/* the last block runs to the end; drop its final newline */
	size_t l = strlen(out);
	if (l && out[l - 1] == '\n')
		out[l - 1] = '\0';
	for (char *line = out; *line;) {
		char *nl = strchr(line, '\n');
		char *next = nl ? nl + 1 : line + strlen(line);
		char *endp;
		unsigned long sec = strtoul(line, &endp, 10);
		if (isdigit((unsigned char)line[0]) && *endp == '.' && sec >= BASE_SEC &&
		    sec - BASE_SEC < npkts) {
			if (line > out)
				line[-1] = '\0'; /* ends the block before */
			block[sec - BASE_SEC] = line;
		}
		line = next;
	}
}

static int in_list(const unsigned *l, size_t n, unsigned v)
{
	for (size_t i = 0; i < n; i++)
		if (l[i] == v)
			return 1;
	return 0;
}
#define IN_LIST(l, v) in_list((l), sizeof(l) / sizeof((l)[0]), (v))

/* Both lines equal up to g (a position in got). */
static int same_prefix(const char *want, const char *got, const char *g)
{
	return strncmp(want, got, (size_t)(g - got)) == 0;
}

/* " ip-proto-N LEN" ends got; tcpdump names protocol N there (want is
 * tcpdump's output from that line on: with -v its decoder may go on to
 * the next line). */
static int ip_proto_kind(const char *want, const char *got)
{
	const char *g = strstr(got, " ip-proto-");
	unsigned proto, len;
	int used = 0;
	if (!g || sscanf(g, " ip-proto-%u %u%n", &proto, &len, &used) != 2 || g[used] != '\0' ||
	    !same_prefix(want, got, g))
		return 0;
	for (size_t i = 0; i < sizeof(not_decoded_ip) / sizeof(not_decoded_ip[0]); i++) {
		if (not_decoded_ip[i].proto != proto)
			continue;
		for (size_t k = 0; k < 3 && not_decoded_ip[i].names[k]; k++)
			if (strstr(want + (g - got), not_decoded_ip[i].names[k]))
				return 1;
	}
	return 0;
}

/* The ports of "ADDR.SPORT > ADDR.DPORT: " ending at colon (in line), or
 * of "SPORT > DPORT: " after an IPv6 fragment header, where tcpdump leaves
 * the addresses out. */
static int ports(const char *line, const char *colon, unsigned *sport, unsigned *dport)
{
	const char *gt = NULL;
	for (const char *q = line; q + 3 < colon; q++)
		if (memcmp(q, " > ", 3) == 0)
			gt = q;
	if (!gt)
		return 0;
	const char *a = gt, *b = colon;
	while (a > line && a[-1] != '.' && a[-1] != ' ')
		a--;
	while (b > gt && b[-1] != '.' && b[-1] != ' ')
		b--;
	return a > line && b > gt && sscanf(a, "%u", sport) == 1 && sscanf(b, "%u", dport) == 1;
}

/* ringcap stops at "PORTS: UDP, length N" (or its bad length form) or at
 * the TCP ", length N" that tcpdump's line goes on from; a port is listed. */
static int port_kind(const char *want, const char *got)
{
	const char *g = strstr(got, " UDP, "), *colon = NULL;
	unsigned sp, dp;
	for (const char *q = got; g && (q = strstr(q, ": ")) && q < g; q++)
		colon = q;
	if (g) {
		/* with -v a checksum verdict may come between */
		if (strchr(g, ':') || !same_prefix(want, got, g + 1) || !colon ||
		    !ports(got, colon, &sp, &dp))
			return 0;
		return IN_LIST(not_decoded_udp, sp) || IN_LIST(not_decoded_udp, dp) ||
		       atalk_port(sp) || atalk_port(dp);
	}
	size_t gl = strlen(got);
	g = strstr(got, ": Flags [");
	const char *len = NULL; /* the TCP length is the last (-e shows the frame's first) */
	for (const char *q = got; (q = strstr(q, ", length ")) != NULL; q++)
		len = q;
	if (!g || !len || strchr(len + 9, ' ') || strncmp(want, got, gl) != 0 || !want[gl] ||
	    !ports(got, g, &sp, &dp))
		return 0;
	return IN_LIST(not_decoded_tcp, sp) || IN_LIST(not_decoded_tcp, dp);
}

/* Where an Ethernet frame's type/length field after its VLAN tags is
 * (0 if cut). */
static uint32_t inner_type_offset(const uint8_t *pkt, uint32_t caplen)
{
	for (uint32_t off = 12; off + 2 <= caplen; off += 4) {
		unsigned t = (unsigned)(pkt[off] << 8 | pkt[off + 1]);
		if (t != 0x8100 && t != 0x88a8 && t != 0x9100 && t != 0x9200)
			return off;
	}
	return 0;
}

/* The ethertype of an Ethernet frame after its VLAN tags (0 if cut). */
static unsigned inner_ethertype(const uint8_t *pkt, uint32_t caplen)
{
	uint32_t off = inner_type_offset(pkt, caplen);
	return off ? (unsigned)(pkt[off] << 8 | pkt[off + 1]) : 0;
}

/* An 802.3 frame whose LLC carries a SNAP payload ringcap leaves to its
 * generic form (print_snap.c): encapsulated ethertypes (OUIs 00:00:00,
 * 00:00:f8, Apple's 08:00:07) and RFC 2684 bridged frames other than
 * BPDUs. */
static int snap_not_decoded(const uint8_t *pkt, uint32_t caplen)
{
	uint32_t off = inner_type_offset(pkt, caplen);
	const uint8_t *s = pkt + off + 2;
	if (!off || off + 10 > caplen || inner_ethertype(pkt, caplen) > 1500 || s[0] != 0xaa ||
	    s[1] != 0xaa || s[2] != 0x03)
		return 0;
	unsigned oui = (unsigned)(s[3] << 16 | s[4] << 8 | s[5]), pid = (unsigned)(s[6] << 8 | s[7]);
	if (oui == 0x000000 || oui == 0x0000f8 || oui == 0x080007)
		return 1;
	return oui == 0x0080c2 && pid != 0x000e;
}

/* The protocol type of a Linux cooked header (v1 or v2). */
static int sll_type(uint32_t lt, const uint8_t *pkt, uint32_t caplen, unsigned *type)
{
	if (lt == 113 && caplen >= 16)
		*type = (unsigned)(pkt[14] << 8 | pkt[15]);
	else if (lt == 276 && caplen >= 2)
		*type = (unsigned)(pkt[0] << 8 | pkt[1]);
	else
		return 0;
	return 1;
}

/* ringcap's unknown-type line for a listed ethertype or loopback family;
 * with -q an untagged frame's is "SRC > DST, NAME, length N: " (the type
 * is read from the frame then). */
static int link_type_kind(uint32_t lt, const uint8_t *pkt, uint32_t caplen, const char *got)
{
	const char *g = strstr(got, " (0x");
	unsigned v, n;
	int used = 0;
	if (strstr(got, "ethertype ") && g && sscanf(g, " (0x%x), length %u: %n", &v, &n, &used) == 2 &&
	    g[used] == '\0')
		return IN_LIST(not_decoded_ethertype, v);
	/* after a VLAN tag with -e: "ethertype NAME (0xXXXX), " ends it */
	const char *last = NULL;
	for (const char *q = got; (q = strstr(q, " (0x")) != NULL; q++)
		last = q;
	if (last && sscanf(last, " (0x%x), %n", &v, &used) == 1 && last[used] == '\0')
		return IN_LIST(not_decoded_ethertype, v);
	/* with -e after a VLAN tag: "..., 802.3" ends it (its dump follows),
	 * where tcpdump goes on with "LLC, dsap ..." (found with
	 * RC_TEST_SEED=233) */
	size_t gl = strlen(got);
	if (lt == 1 && gl > 7 && strcmp(got + gl - 7, ", 802.3") == 0)
		return snap_not_decoded(pkt, caplen);
	g = strstr(got, " > ");
	if (lt == 1 && caplen >= 14 && g && (g = strchr(g, ',')) && (g = strchr(g + 1, ',')) &&
	    sscanf(g, ", length %u: %n", &n, &used) == 1 && g[used] == '\0')
		return IN_LIST(not_decoded_ethertype, inner_ethertype(pkt, caplen)) ||
		       snap_not_decoded(pkt, caplen);
	g = strstr(got, " AF ");
	if (g && (g = strchr(g, '(')) && sscanf(g, "(%u), length %u: %n", &v, &n, &used) == 2 &&
	    g[used] == '\0')
		return IN_LIST(not_decoded_af, v);
	/* cooked headers with -q: "PKTTYPE [ADDR] " alone, the type read
	 * from the header */
	size_t l = strlen(got);
	if (sll_type(lt, pkt, caplen, &v) && l && got[l - 1] == ' ' && !strchr(got, ','))
		return IN_LIST(not_decoded_ethertype, v);
	/* -q: "NAME, length N: " alone, the family in either byte order */
	g = strchr(got, ' ');
	if ((lt == 0 || lt == 108) && caplen >= 4 && g && (g = strchr(g, ',')) &&
	    sscanf(g, ", length %u: %n", &n, &used) == 1 && g[used] == '\0') {
		v = le32(pkt) < 0x10000 ? le32(pkt) : (unsigned)be32(pkt);
		return IN_LIST(not_decoded_af, v);
	}
	return 0;
}

/* An MPLS payload tcpdump takes for OSI (first byte 0x81-0x83: CLNP,
 * ES-IS, IS-IS): ringcap's output ends at the bottom label "[S], ttl N)"
 * (-v puts each label on a line) or has only dump lines after it, where
 * tcpdump's goes on with an OSI decoder's text. */
static int mpls_osi_kind(const char *want, const char *got)
{
	static const char *const osi[] = {"IS-IS", "ES-IS", "CLNP", "[|clnp]", "[|esis]", "[|isis]"};
	const char *s = strstr(got, ", [S], ttl ");
	const char *e = s ? strchr(s, ')') : NULL;
	if (!strstr(got, "MPLS (label ") || !e || !same_prefix(want, got, e + 1))
		return 0;
	for (const char *q = e + 1; *q;) {
		if (strncmp(q, "\n\t0x", 4) != 0)
			return 0;
		const char *nl = strchr(q + 1, '\n');
		q = nl ? nl : q + strlen(q);
	}
	/* tcpdump's text after the label, up to its dumps */
	char *rest = strdup(want + (e + 1 - got));
	ASSERT_TRUE(rest != NULL);
	char *d = strstr(rest, "\n\t0x");
	if (d)
		*d = '\0';
	int r = 0;
	for (size_t i = 0; i < sizeof(osi) / sizeof(osi[0]); i++)
		r |= strstr(rest, osi[i]) != NULL;
	free(rest);
	return r;
}

/* ringcap's " igmp-N" for a listed IGMP type (a bad checksum mark may
 * follow with -v), where tcpdump names it. */
static int igmp_kind(const char *want, const char *got)
{
	const char *g = strstr(got, " igmp-");
	unsigned type;
	if (!g || sscanf(g, " igmp-%u", &type) != 1 || !same_prefix(want, got, g + 1))
		return 0;
	for (size_t i = 0; i < sizeof(not_decoded_igmp) / sizeof(not_decoded_igmp[0]); i++)
		if (not_decoded_igmp[i].type == type &&
		    strncmp(want + (g + 1 - got), not_decoded_igmp[i].name,
			    strlen(not_decoded_igmp[i].name)) == 0)
			return 1;
	return 0;
}

static int icmp6_kind(const char *want, const char *got)
{
	const char *g = strstr(got, "ICMP6, ");
	if (!g || !same_prefix(want, got, g + 7))
		return 0;
	for (size_t i = 0; i < sizeof(not_decoded_icmp6) / sizeof(not_decoded_icmp6[0]); i++)
		if (strncmp(g + 7, not_decoded_icmp6[i], strlen(not_decoded_icmp6[i])) == 0)
			return 1;
	return 0;
}

static int hatype_kind(uint32_t lt, const uint8_t *pkt, uint32_t caplen)
{
	if (lt == 113 && caplen >= 4)
		return IN_LIST(not_decoded_hatype, (unsigned)(pkt[2] << 8 | pkt[3]));
	if (lt == 276 && caplen >= 10)
		return IN_LIST(not_decoded_hatype, (unsigned)(pkt[8] << 8 | pkt[9]));
	return 0;
}

/* Copy line k (from 0) of text into buf; 0 if text has fewer lines. */
static int line_at(const char *text, size_t k, char *buf, size_t n)
{
	for (; k > 0; k--) {
		text = strchr(text, '\n');
		if (!text)
			return 0;
		text++;
	}
	snprintf(buf, n, "%.*s", (int)strcspn(text, "\n"), text);
	return 1;
}

/*
 * The one expected difference: ringcap's generic form for a listed
 * protocol (see the top of the file).  The first lines that differ are
 * compared (with -v the IP header line comes first and is the same); the
 * generic form ends ringcap's output, or its first line is ringcap's
 * unknown-type line with the dump after it.
 */
/* A PPP payload ringcap names and dumps: its line ends with the name,
 * tcpdump's starts as ringcap's before the name (with -e ringcap's name
 * stands where tcpdump's decoder starts), only dump lines follow. */
static int ppp_kind(const char *w, const char *g, const char *got, size_t k)
{
	char rest[8];
	size_t gl = strlen(g);
	for (size_t j = k + 1; line_at(got, j, rest, sizeof(rest)); j++)
		if (strncmp(rest, "\t0x", 3) != 0)
			return 0;
	for (size_t i = 0; i < sizeof(not_decoded_ppp) / sizeof(not_decoded_ppp[0]); i++) {
		size_t n = strlen(not_decoded_ppp[i]);
		if (gl >= n && strcmp(g + gl - n, not_decoded_ppp[i]) == 0 &&
		    strncmp(w, g, gl - n) == 0)
			return 1;
	}
	return 0;
}

static int generic_form(uint32_t lt, const uint8_t *pkt, uint32_t caplen, const char *want,
			const char *got)
{
	char w[4096], g[4096];
	line_at(got, 0, g, sizeof(g));
	if (link_type_kind(lt, pkt, caplen, g))
		return 1;
	size_t k = 0;
	while (line_at(want, k, w, sizeof(w)) && line_at(got, k, g, sizeof(g)) && strcmp(w, g) == 0)
		k++;
	if (!line_at(want, k, w, sizeof(w)) || !line_at(got, k, g, sizeof(g)))
		return 0;
	if (icmp6_kind(w, g) || igmp_kind(w, g) || ppp_kind(w, g, got, k))
		return 1; /* an unknown type's dump may follow */
	char next[8];
	if (line_at(got, k + 1, next, sizeof(next)))
		return 0; /* the generic forms below end ringcap's output */
	if (port_kind(w, g))
		return 1;
	const char *rest = want;
	for (size_t j = 0; j < k; j++)
		rest = strchr(rest, '\n') + 1;
	return ip_proto_kind(rest, g);
}

/* tcpdump's -A text of n bytes (its ascii_print): a CR before a LF or
 * among the last two bytes is left out, tab, space and LF stand, other
 * unprintable bytes print '.'. */
static void ascii_text(const uint8_t *p, size_t n, char *out)
{
	*out++ = '\n';
	for (size_t i = 0; i < n; i++)
		if (p[i] != '\r' || (n - i - 1 > 1 && p[i + 1] != '\n'))
			*out++ = (p[i] == '\t' || p[i] == '\n' || isgraph(p[i]) || p[i] == ' ')
					 ? (char)p[i]
					 : '.';
	*out = '\0';
}

/*
 * Set aside the -x/-X/-A dump text ends with (its "\t0x" lines, or the -A
 * text of the packet's bytes from some offset).  The dump of a listed
 * protocol may start elsewhere than ringcap's: tcpdump starts it at the
 * frame when that protocol's decoder unwinds at the end of the capture.
 */
static void strip_dump(char *text, const char *flags, const uint8_t *pkt, uint32_t caplen)
{
	if (strstr(flags, " -A")) {
		char *a = malloc(2 + 2 * (size_t)caplen);
		ASSERT_TRUE(a != NULL);
		size_t tl = strlen(text);
		for (uint32_t off = 0; off <= caplen; off++) {
			ascii_text(pkt + off, caplen - off, a);
			size_t al = strlen(a);
			if (al <= tl && strcmp(text + tl - al, a) == 0) {
				text[tl - al] = '\0';
				break;
			}
		}
		free(a);
		return;
	}
	if (!strstr(flags, " -x") && !strstr(flags, " -X"))
		return;
	char *d = strstr(text, "\n\t0x");
	if (d)
		*d = '\0';
}

/* The generic form, with the dumps set aside. */
/*
 * SCTP DATA handed to tcpdump's ForCES decoder (docs/cli.md): ringcap's
 * output goes on after the chunk's "[PPID NAME] ", where tcpdump's goes on
 * with that decoder's first words; the two are equal up to there.  What
 * follows is set aside (the decoder may unwind the rest of the packet).
 */
static const char *const forces_start[] = {"Invalid ForCES message type", "\n\tForCES ",
					    "[|forces]"};

static int forces_kind(const char *want, const char *got)
{
	for (const char *g = got; (g = strstr(g, "[PPID ")) != NULL; g++) {
		const char *e = strstr(g, "] ");
		if (!e)
			return 0;
		e += 2;
		if (!same_prefix(want, got, e))
			return 0;
		for (size_t i = 0; i < sizeof(forces_start) / sizeof(forces_start[0]); i++)
			if (strncmp(want + (e - got), forces_start[i], strlen(forces_start[i])) == 0)
				return 1;
	}
	return 0;
}

static int is_not_decoded(uint32_t lt, const uint8_t *pkt, uint32_t caplen, const char *flags,
			  const char *want, const char *got)
{
	if (!want || !got)
		return 0;
	if (hatype_kind(lt, pkt, caplen) || forces_kind(want, got))
		return 1;
	char *w = strdup(want), *g = strdup(got);
	ASSERT_TRUE(w && g);
	strip_dump(w, flags, pkt, caplen);
	strip_dump(g, flags, pkt, caplen);
	int r = mpls_osi_kind(w, g) || generic_form(lt, pkt, caplen, w, g);
	free(w);
	free(g);
	return r;
}

static void show(const uint8_t *img, size_t rec, const char *flags, const char *want,
		 const char *got, uint32_t lt)
{
	uint32_t cap = le32(img + rec + 8), wire = le32(img + rec + 12);
	fprintf(stderr, "link type %u, %s, caplen %u len %u:", lt, flags, cap, wire);
	for (uint32_t k = 0; k < cap; k++)
		fprintf(stderr, "%s%02x", k % 32 ? "" : "\n  ", img[rec + 16 + k]);
	fprintf(stderr, "\n  tcpdump: %s\n  ringcap: %s\n", want ? want : "(nothing)",
		got ? got : "(nothing)");
}

static void compare(const uint8_t *img, const size_t *recs, size_t npkts, const char *flags,
		    char *want, char *got, uint32_t lt, struct dstats *st)
{
	char **wb = malloc(npkts * sizeof(*wb)), **gb = malloc(npkts * sizeof(*gb));
	ASSERT_TRUE(wb && gb);
	split_blocks(want, wb, npkts);
	split_blocks(got, gb, npkts);
	for (size_t i = 0; i < npkts; i++) {
		st->pkts++;
		if (wb[i] && gb[i] && strcmp(wb[i], gb[i]) == 0)
			continue;
		if (is_not_decoded(lt, img + recs[i] + 16, le32(img + recs[i] + 8), flags, wb[i],
				   gb[i])) {
			st->not_decoded++;
			continue;
		}
		if (st->failed++ < MAX_SHOWN)
			show(img, recs[i], flags, wb[i], gb[i], lt);
	}
	free(wb);
	free(gb);
}

static void run_one(const struct link_set *s, size_t npkts, struct dstats *st)
{
	size_t *recs, size;
	uint8_t *img = build_capture(s, npkts, &recs, &size);
	char name[64];
	snprintf(name, sizeof(name), "mut%u.pcap", s->linktype);
	const char *path = rc_test_tmpfile(name);
	rc_test_write_file(path, img, size);
	static const char *const flagsets[] = {"-n -tt",	    "-n -tt -v",      "-n -tt -e -vv -X",
					       "-n -tt -q",	    "-n -tt -vvv -x", "-n -tt -S -A",
					       "-n -tt -e -v -x", "-n -tt -e -XX"};
	for (size_t f = 0; f < sizeof(flagsets) / sizeof(flagsets[0]); f++) {
		char *want = NULL, *got = NULL;
		rc_test_sh(&want, "TZ=UTC tcpdump %s -r '%s' 2>/dev/null", flagsets[f], path);
		rc_test_sh(&got, "TZ=UTC '%s/ringcap' %s -r '%s' 2>/dev/null", rc_test_builddir(),
			   flagsets[f], path);
		compare(img, recs, npkts, flagsets[f], want, got, s->linktype, st);
		free(want);
		free(got);
	}
	free(recs);
	free(img);
}

TEST_TIMEOUT(cli_print_diff_damaged_packets_match_tcpdump, 300)
{
	rc_test_need_tool("tcpdump");
	static struct link_set sets[MAX_LINKS];
	size_t nsets = load_corpus(sets);
	ASSERT_INT_GE(nsets, 8);
	const char *seed = getenv("RC_TEST_SEED");
	if (seed && *seed)
		rng = (uint32_t)strtoul(seed, NULL, 0);
	struct dstats st = {0};
	for (size_t i = 0; i < nsets; i++)
		run_one(&sets[i], sets[i].linktype == 1 ? 6000 : 600, &st);
	fprintf(stderr, "seed %u: %zu packet prints compared, %zu not decoded by ringcap (docs/cli.md), %zu differ\n",
		seed && *seed ? (unsigned)strtoul(seed, NULL, 0) : 20261206u, st.pkts,
		st.not_decoded, st.failed);
	ASSERT_INT_EQ(st.failed, 0);
	/* not vacuous, and the expected difference stays an exception */
	ASSERT_UINT_GE(st.pkts, 10000);
	ASSERT_UINT_LE(st.not_decoded * 50, st.pkts);
}

/* The expected difference is told apart narrowly. */
TEST(cli_print_diff_tells_not_decoded_apart)
{
	static const uint8_t none[1];
	static const struct {
		const char *want, *got;
		int expect;
	} cases[] = {
		/* IP protocols: the name or marker, after the same prefix */
		{"1.0 IP 10.0.0.1 > 10.0.0.2:  igrp: v0 ...", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20", 1},
		{"1.0 IP 10.0.0.1 > 10.0.0.2:  [|igrp]", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20", 1},
		/* DCCP is decoded (print_dccp.c): its generic form is a difference */
		{"1.0 IP 10.0.0.1.1 > 10.0.0.2.2: DCCP DCCP-Data", "1.0 IP  ip-proto-33 12", 0},
		{"1.0 IP 10.0.0.1 > 10.0.0.2: ESP(spi=0x1,seq=0x2)", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20", 0},
		{"1.0 IP 10.0.0.9 > 10.0.0.2:  igrp: v0", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20", 0},
		{"1.0 IP 10.0.0.1 > 10.0.0.2:  igrp: v0", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20 x", 0},
		{"1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-99 20", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-99 2", 0},
		{"1.0 IP 10.0.0.1 > 10.0.0.2:  igrp", "1.0 IP 10.0.0.1 > 10.0.0.2:  ip-proto-9 20\n  x", 0},
		/* ports: a listed one, ringcap stopping at the generic form */
		{"1.0 IP 10.0.0.1.7 > 10.0.0.2.654: aodv rreq 4 [|rreq]", "1.0 IP 10.0.0.1.7 > 10.0.0.2.654: UDP, length 4", 1},
		{"1.0 IP 10.0.0.1.7 > 10.0.0.2.68: LDP, Label-Space-ID: 1.1.1.1:0", "1.0 IP 10.0.0.1.7 > 10.0.0.2.68: UDP, length 4", 0},
		{"1.0 IP 10.0.0.1.7 > 10.0.0.3.654: aodv rreq 4 [|rreq]", "1.0 IP 10.0.0.1.7 > 10.0.0.2.654: UDP, length 4", 0},
		{"1.0 IP 10.0.0.1.7 > 10.0.0.2.244: 1.99.25 > 2.105.160: nbp-0x1  1 (22)",
		 "1.0 IP 10.0.0.1.7 > 10.0.0.2.244: UDP, length 40", 1},
		{"1.0 IP 10.0.0.1.1 > 10.0.0.2.10288: Flags [S], seq 5, win 1, length 9: BEEP [|beep]",
		 "1.0 IP 10.0.0.1.1 > 10.0.0.2.10288: Flags [S], seq 5, win 1, length 9", 1},
		{"1.0 IP 10.0.0.1.1 > 10.0.0.2.80: Flags [S], seq 5, win 1, length 9: HTTP",
		 "1.0 IP 10.0.0.1.1 > 10.0.0.2.80: Flags [S], seq 5, win 1, length 9", 0},
		{"1.0 IP 10.0.0.1.1 > 10.0.0.2.10288: Flags [S], seq 6, win 1, length 9: BEEP",
		 "1.0 IP 10.0.0.1.1 > 10.0.0.2.10288: Flags [S], seq 5, win 1, length 9", 0},
		/* link types: ringcap's unknown-type line for a listed one */
		{"1.0 TIPC v2.0 1.2.3 > 0.0.0, headerlength 24 bytes",
		 "1.0 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype TIPC (0x88ca), length 38: \n\t0x0000:  5203", 1},
		{"1.0 something", "1.0 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype Unknown (0x9999), length 38: ", 0},
		{"1.0 AT  [|ddp 4]", "1.0 AF Appletalk (16), length 8: ", 1},
		{"1.0 x", "1.0 AF Unknown (99), length 8: ", 0},
		/* OSI guessed inside MPLS */
		{"1.0 MPLS (label 100, tc 0, [S], ttl 64)  [|clnp]",
		 "1.0 MPLS (label 100, tc 0, [S], ttl 64)\n\t0x0000:  81                       .", 1},
		{"1.0 MPLS (label 100, tc 0, [S], ttl 64)  x",
		 "1.0 MPLS (label 100, tc 0, [S], ttl 64)\n\t0x0000:  84                       .", 0},
		{"1.0 MPLS (label 1, tc 0, ttl 64)\n\t(label 2, tc 0, [S], ttl 64)\n\tIS-ISversion 9",
		 "1.0 MPLS (label 1, tc 0, ttl 64)\n\t(label 2, tc 0, [S], ttl 64)\n\t0x0000:  8300", 1},
		{"1.0 MPLS (label 1, tc 0, [S], ttl 64) IP 1.2.3.4", "1.0 MPLS (label 1, tc 0, [S], ttl 64)", 0},
		/* IGMP types */
		{"1.0 IP 1.1.1.1 > 2.2.2.2: igmp pimv1 [type 20] [v14]", "1.0 IP 1.1.1.1 > 2.2.2.2: igmp-20", 1},
		{"1.0 IP 1.1.1.1 > 2.2.2.2: igmp dvmrp [type 0]", "1.0 IP 1.1.1.1 > 2.2.2.2: igmp-20", 0},
		{"1.0 IP 1.1.1.1 > 2.2.2.2: igmp v2 report 1.1.1.1", "1.0 IP 1.1.1.1 > 2.2.2.2: igmp-21", 0},
		/* ICMPv6 types */
		{"1.0 IP6 ::1 > ::2: ICMP6, who-are-you reply [|icmp6], length 8",
		 "1.0 IP6 ::1 > ::2: ICMP6, node information reply, length 8", 1},
		{"1.0 IP6 ::1 > ::2: ICMP6, echo reply, id 1", "1.0 IP6 ::1 > ::2: ICMP6, echo reply, length 8", 0},
		/* PPP payloads: ringcap's name and dump where tcpdump decodes */
		{"1.0 PPPoE  [ses 0x1] IPX  [|ipx]", "1.0 PPPoE  [ses 0x1] IPX \n\t0x0000:  210d", 1},
		{"1.0 PPPoE  [ses 0x1] OSI (0x0023), length 8:  [|osi]",
		 "1.0 PPPoE  [ses 0x1] OSI (0x0023), length 8: OSI \n\t0x0000:  0201", 1},
		{"1.0 PPPoE  [ses 0x2] IPX  [|ipx]", "1.0 PPPoE  [ses 0x1] IPX \n\t0x0000:  210d", 0},
		{"1.0 PPPoE  [ses 0x1] LCP, x", "1.0 PPPoE  [ses 0x1] LQM \n\t0x0000:  210d", 0},
		{"1.0 PPPoE  [ses 0x1] IPX  [|ipx]", "1.0 PPPoE  [ses 0x1] IPX \n  x", 0},
		/* SCTP DATA to ForCES: tcpdump's decoder where ringcap goes on */
		{"1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 3] [PPID ForCES HP] Invalid ForCES message type 98\n\n\t[0x0000:  6162\n\t], (2) [FOR CUM TSN]",
		 "1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 3] [PPID ForCES HP] , (2) [FOR CUM TSN]", 1},
		{"1.0 IP 1.1.1.1.1 > 2.2.2.2.6704: sctp (1) [DATA] [TSN: 3] [PPID 0x0] \n\tForCES Config  [|forces]",
		 "1.0 IP 1.1.1.1.1 > 2.2.2.2.6704: sctp (1) [DATA] [TSN: 3] [PPID 0x0] ", 1},
		{"1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 4] [PPID ForCES HP] Invalid ForCES message type 98",
		 "1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 3] [PPID ForCES HP] ", 0},
		{"1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 3] [PPID ForCES HP] [Payload]",
		 "1.0 IP 1.1.1.1.1 > 2.2.2.2.2: sctp (1) [DATA] [TSN: 3] [PPID ForCES HP] ", 0},
		{"1.0 x", NULL, 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (is_not_decoded(1, none, 0, "-n", cases[i].want, cases[i].got) != cases[i].expect)
			rc_test_fail(__FILE__, __LINE__, "case %zu misclassified: %s | %s", i,
				     cases[i].want, cases[i].got ? cases[i].got : "(null)");
	/* a cooked header of a listed type, whatever the lines */
	static const uint8_t sll2[12] = {8, 0, 0, 0, 0, 0, 0, 1, 0x03, 0x23, 0, 6};
	ASSERT_TRUE(is_not_decoded(276, sll2, sizeof(sll2), "-n", "1.0 lo In  [|802.11_radio]", "1.0 lo In  IP"));
	ASSERT_FALSE(is_not_decoded(113, sll2, sizeof(sll2), "-n", "1.0 a", "1.0 b"));
	/* an ethertype after a VLAN tag, with -e and with -q */
	static const uint8_t vlan_ipx[18] = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x88, 0xa8, 0, 100, 0x81, 0x37};
	ASSERT_TRUE(is_not_decoded(1, vlan_ipx, sizeof(vlan_ipx), "-n -e", "1.0 x (NOV-ETHII)  [|ipx]",
				   "1.0 x, ethertype 802.1Q-QinQ (0x88a8), length 26: vlan 100, p 0, ethertype IPX (0x8137), "));
	ASSERT_TRUE(is_not_decoded(1, vlan_ipx, sizeof(vlan_ipx), "-n -q", "1.0 (NOV-ETHII) IPX  [|ipx]",
				   "1.0 02:00:00:00:00:01 > 02:00:00:00:00:02, IPX, length 26: "));
	ASSERT_FALSE(is_not_decoded(1, vlan_ipx, sizeof(vlan_ipx), "-n -e", "1.0 x",
				    "1.0 x, ethertype 802.1Q-QinQ (0x88a8), length 26: vlan 100, p 0, ethertype Unknown (0x9999), "));
	/* -q: the cooked header alone, for a listed ethertype */
	static const uint8_t sll_ipx[16] = {0, 4, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0, 0x81, 0x37};
	ASSERT_TRUE(is_not_decoded(113, sll_ipx, sizeof(sll_ipx), "-n -q", "1.0 (NOV-ETHII) IPX",
				   "1.0 Out 02:00:00:00:00:01 "));
	ASSERT_FALSE(is_not_decoded(113, sll2, sizeof(sll2), "-n -q", "1.0 IP", "1.0 Out 02:00:00:00:00:01 "));
	/* SNAP: an encapsulated ethertype (behind a VLAN tag) is left to the
	 * 802.3 form, Cisco VTP and CDP are not */
	static const uint8_t snap_ip[26] = {1, 0, 0x0c, 0xcc, 0xcc, 0xcc, 2, 0, 0, 0, 0, 1, 0x81, 0, 0, 5,
					    0, 30, 0xaa, 0xaa, 3, 0, 0, 0, 8, 0};
	static const uint8_t snap_vtp[22] = {1, 0, 0x0c, 0xcc, 0xcc, 0xcc, 2, 0, 0, 0, 0, 1,
					     0, 30, 0xaa, 0xaa, 3, 0, 0, 0x0c, 0x20, 0x03};
	static const uint8_t snap_cdp[22] = {1, 0, 0x0c, 0xcc, 0xcc, 0xcc, 2, 0, 0, 0, 0, 1,
					     0, 30, 0xaa, 0xaa, 3, 0, 0, 0x0c, 0x20, 0x00};
	const char *generic = "1.0 02:00:00:00:00:01 > 01:00:0c:cc:cc:cc, 802.3, length 30: ";
	ASSERT_TRUE(is_not_decoded(1, snap_ip, sizeof(snap_ip), "-n", "1.0 IP [|ip]", generic));
	ASSERT_FALSE(is_not_decoded(1, snap_vtp, sizeof(snap_vtp), "-n", "1.0 VTPv1, Message", generic));
	ASSERT_FALSE(is_not_decoded(1, snap_cdp, sizeof(snap_cdp), "-n", "1.0 CDPv2", generic));
	/* -e: the tag, then "802.3" alone before the dump */
	const char *tagged = "1.0 02:00:00:00:00:01 > 01:00:0c:cc:cc:cc, ethertype 802.1Q (0x8100), "
			     "length 30: vlan 5, p 0, 802.3";
	ASSERT_TRUE(is_not_decoded(1, snap_ip, sizeof(snap_ip), "-n -e",
				   "1.0 x, vlan 5, p 0, 802.3LLC, dsap SNAP (0xaa) Individual", tagged));
	ASSERT_FALSE(is_not_decoded(1, snap_vtp, sizeof(snap_vtp), "-n -e", "1.0 VTPv1, Message", tagged));
}

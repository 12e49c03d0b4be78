/*
 * print_cdp.c - Cisco Discovery Protocol (SNAP OUI 00:00:0c, PID 0x2000),
 * as tcpdump 4.99.3 print-cdp.c prints it.
 *
 *   version(1) ttl(1) checksum(2), then TLVs: type(2) length(2, header
 *   included) value
 *
 * Without -v only the Device-ID TLV is decoded; tcpdump dumps the others
 * in hex there (print_unknown_data), and at -v those it has no entry
 * for.  A TLV whose length is outside its type's bounds is marked
 * "(malformed TLV)" and dumped.  A length that runs past the PDU prints
 * "(invalid)" and ends the walk; the bytes it claimed must still be
 * captured (tcpdump's ND_TCHECK_LEN after nd_print_invalid).
 */
#include "print.h"

#include <string.h>

#define CDP_HDRLEN 4
#define TLV_HDRLEN 4
#define T_DEV_ID 0x01
#define T_MAX 0x17

/* Address TLV protocol types: an OSI NLPID, or an 802.2 LLC/SNAP header. */
#define PT_NLPID 1
#define PT_IEEE_802_2 2
#define NLPID_IP 0xcc

static const rc__bitname cap_names[] = {
	{0x01, "Router"},    {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"}, {0x10, "L3 capable"},         {0x20, "IGMP snooping"},
	{0x40, "L1 capable"},
};

/* tcpdump's ND_TCHECK_LEN after an "(invalid)" note: a marker and an
 * unwind when the bytes the note skips are not all captured. */
static int check_rest(rc__pctx *c, const uint8_t *p, uint32_t len)
{
	RC_NEED(c, p, len);
	return 0;
}

int rc__invalid(rc__pctx *c, const uint8_t *p, uint32_t len)
{
	rc__ob_puts(c->ob, " (invalid)");
	return check_rest(c, p, len);
}

static int p_string(rc__pctx *c, const uint8_t *p, unsigned len)
{
	rc__ob_putc(c->ob, '\'');
	RC_TRY(rc__printn(c, p, len));
	rc__ob_putc(c->ob, '\'');
	return 0;
}

/* A big-endian number of len (1 to 4) captured bytes. */
static unsigned p_number(const uint8_t *p, unsigned len)
{
	unsigned val = 0;
	for (unsigned i = 0; i < len; i++)
		val = val << 8 | p[i];
	return val;
}

static int p_power(rc__pctx *c, const uint8_t *p, unsigned len)
{
	RC_NEED(c, p, len);
	rc__ob_printf(c->ob, "%1.2fW", p_number(p, len) / 1000.0);
	return 0;
}

static int p_capability(rc__pctx *c, const uint8_t *p, unsigned len)
{
	char buf[128];
	(void)len;
	RC_NEED(c, p, 4);
	uint32_t v = rc__be32(p);
	rc__ob_printf(c->ob, "(0x%08x): %s", v,
		      rc__bit_names(buf, sizeof buf, v, cap_names, sizeof cap_names / sizeof cap_names[0]));
	return 0;
}

/* The software version: its lines each on a line of their own. */
static int p_version(rc__pctx *c, const uint8_t *p, unsigned len)
{
	rc__ob_puts(c->ob, "\n\t  ");
	for (unsigned i = 0; i < len; i++) {
		RC_NEED(c, p + i, 1);
		if (p[i] == '\n')
			rc__ob_puts(c->ob, "\n\t  ");
		else
			rc__put_char(c->ob, p[i]);
	}
	return 0;
}

static int p_duplex(rc__pctx *c, const uint8_t *p, unsigned len)
{
	(void)len;
	RC_NEED(c, p, 1);
	rc__ob_puts(c->ob, p[0] ? "full" : "half");
	return 0;
}

/* ATA-186 VoIP VLAN: a 3-byte application type and VLAN ID; a 2-byte
 * request value tcpdump does not know the meaning of. */
static int p_ata186(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len == 2) {
		RC_NEED(c, p, 2);
		rc__ob_printf(c->ob, "unknown 0x%04x", rc__be16(p));
	} else {
		RC_NEED(c, p, 3);
		rc__ob_printf(c->ob, "app %u, vlan %u", p[0], rc__be16(p + 1));
	}
	return 0;
}

static int p_phys_loc(rc__pctx *c, const uint8_t *p, unsigned len)
{
	RC_NEED(c, p, 1);
	rc__ob_printf(c->ob, "0x%02x", p[0]);
	if (len > 1) {
		rc__ob_putc(c->ob, '/');
		RC_TRY(rc__printn(c, p + 1, len - 1));
	}
	return 0;
}

int rc__bytes_fmt(rc__pctx *c, const uint8_t *p, unsigned n, const char *fmt)
{
	for (unsigned i = 0; i < n; i++) {
		RC_NEED(c, p + i, 1);
		rc__ob_printf(c->ob, fmt, p[i]);
	}
	return 0;
}

/* One address of an Address TLV at *pp with *lp bytes left: 1 when done,
 * 0 when the TLV ran out (after its note), or RC_PRINT_TRUNC. */
static int one_addr(rc__pctx *c, const uint8_t **pp, uint32_t *lp, uint32_t num)
{
	static const uint8_t llc_ipv6[8] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd};
	const uint8_t *p = *pp;
	uint32_t l = *lp;
	if (l < 2) {
		rc__ob_puts(c->ob, " (not enough space for PT+PL)");
		RC_TRY(check_rest(c, p, l));
		return 0;
	}
	RC_NEED(c, p, 2);
	unsigned pt = p[0], pl = p[1];
	p += 2;
	l -= 2;
	if (l < pl + 2) {
		rc__ob_puts(c->ob, " (not enough space for P+AL)");
		RC_TRY(check_rest(c, p, l));
		return 0;
	}
	/* the address length read checks the protocol bytes before it too */
	RC_NEED(c, p, pl + 2);
	unsigned al = rc__be16(p + pl);
	int ip4 = pt == PT_NLPID && pl == 1 && p[0] == NLPID_IP && al == 4;
	int ip6 = pt == PT_IEEE_802_2 && pl == 8 && memcmp(p, llc_ipv6, 8) == 0 && al == 16;
	if (!ip4 && !ip6) {
		rc__ob_printf(c->ob, "pt=0x%02x, pl=%u, pb=", pt, pl);
		RC_TRY(rc__bytes_fmt(c, p, pl, " %02x"));
		rc__ob_printf(c->ob, ", al=%u, a=", al);
	}
	p += pl + 2;
	l -= pl + 2;
	if (l < al) {
		rc__ob_puts(c->ob, " (not enough space for A)");
		RC_TRY(check_rest(c, p, l));
		return 0;
	}
	if (ip4 || ip6) {
		RC_NEED(c, p, al);
		rc__ob_printf(c->ob, "IPv%c (%u) ", ip4 ? '4' : '6', num);
		if (ip4)
			rc__put_ip4(c->ob, p);
		else
			rc__put_ip6(c->ob, p);
	} else {
		RC_TRY(rc__bytes_fmt(c, p, al, " %02x"));
	}
	*pp = p + al;
	*lp = l - al;
	return 1;
}

/* Address and Management Addresses: a count, then (protocol type,
 * protocol, address) triples; IPv4 and IPv6 by name, others in hex. */
static int p_addr(rc__pctx *c, const uint8_t *p, unsigned len)
{
	uint32_t l = len;
	if (l < 4) {
		rc__ob_puts(c->ob, " (not enough space for num)");
		return check_rest(c, p, l);
	}
	RC_NEED(c, p, 4);
	uint32_t num = rc__be32(p);
	p += 4;
	l -= 4;
	while (num) {
		int r = one_addr(c, &p, &l, num);
		if (r <= 0)
			return r;
		if (--num)
			rc__ob_putc(c->ob, ' ');
	}
	if (l)
		rc__ob_printf(c->ob, " (%u bytes of stray data)", l);
	return 0;
}

static int p_prefixes(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len % 5) {
		rc__ob_printf(c->ob, " [length %u is not a multiple of 5]", len);
		return check_rest(c, p, len);
	}
	rc__ob_printf(c->ob, " IPv4 Prefixes (%u):", len / 5);
	for (; len > 0; len -= 5, p += 5) {
		RC_NEED(c, p, 5);
		rc__ob_printf(c->ob, " %u.%u.%u.%u/%u", p[0], p[1], p[2], p[3], p[4]);
	}
	return 0;
}

/* tcpdump's cdptlvs: types 0x00, 0x0c and 0x0d have an entry without a
 * name or printer (so -v prints their header line and no dump); a type
 * with a name and no printer or number is checked captured and not
 * dumped. */
static const struct tlv_info {
	const char *name;
	int (*print)(rc__pctx *c, const uint8_t *p, unsigned len);
	unsigned min, max; /* value length bounds; 0: none */
	const char *num;   /* or: the value (min bytes) as this number */
} tlvs[T_MAX + 1] = {
	[T_DEV_ID] = {"Device-ID", p_string, 0, 0, NULL},
	[0x02] = {"Address", p_addr, 0, 0, NULL},
	[0x03] = {"Port-ID", p_string, 0, 0, NULL},
	[0x04] = {"Capability", p_capability, 4, 4, NULL},
	[0x05] = {"Version String", p_version, 0, 0, NULL},
	[0x06] = {"Platform", p_string, 0, 0, NULL},
	[0x07] = {"Prefixes", p_prefixes, 0, 0, NULL},
	[0x08] = {"Protocol-Hello option", NULL, 0, 0, NULL},
	[0x09] = {"VTP Management Domain", p_string, 0, 0, NULL},
	[0x0a] = {"Native VLAN ID", NULL, 2, 2, "%u"},
	[0x0b] = {"Duplex", p_duplex, 1, 1, NULL},
	[0x0e] = {"ATA-186 VoIP VLAN assignment", p_ata186, 3, 3, NULL},
	[0x0f] = {"ATA-186 VoIP VLAN request", p_ata186, 2, 3, NULL},
	[0x10] = {"power consumption", p_power, 1, 3, NULL},
	[0x11] = {"MTU", NULL, 4, 4, "%u bytes"},
	[0x12] = {"AVVID trust bitmap", NULL, 1, 1, "0x%02x"},
	[0x13] = {"AVVID untrusted ports CoS", NULL, 1, 1, "0x%02x"},
	[0x14] = {"System Name", p_string, 0, 0, NULL},
	[0x15] = {"System Object ID (not decoded)", NULL, 0, 0, NULL},
	[0x16] = {"Management Addresses", p_addr, 4, 0, NULL},
	[0x17] = {"Physical Location", p_phys_loc, 1, 0, NULL},
};

static const char *tlv_name(unsigned type)
{
	return type <= T_MAX && tlvs[type].name ? tlvs[type].name : "unknown field type";
}

/* One TLV's value of len bytes at p: its line (-v) or Device-ID, and its
 * decoding or hex dump. */
static int tlv_value(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len)
{
	const struct tlv_info *info = type <= T_MAX ? &tlvs[type] : NULL;
	int covered = 0;
	if (!c->o->vflag && type == T_DEV_ID)
		rc__ob_puts(c->ob, ", Device-ID ");
	else if (c->o->vflag)
		rc__ob_printf(c->ob, "\n\t%s (0x%02x), value length: %u byte%s: ", tlv_name(type), type, len,
			      len == 1 ? "" : "s");
	if (info) {
		if ((info->min && len < info->min) || (info->max && len > info->max)) {
			rc__ob_puts(c->ob, " (malformed TLV)");
		} else if (c->o->vflag || type == T_DEV_ID) {
			if (info->print) {
				RC_TRY(info->print(c, p, len));
			} else {
				RC_NEED(c, p, len);
				if (info->num)
					rc__ob_printf(c->ob, info->num, p_number(p, len));
			}
			covered = 1;
		}
	}
	if (!covered) {
		RC_NEED(c, p, len);
		RC_TRY(rc__unknown_data(c, p, "\n\t  ", len));
	}
	return 0;
}

int rc__print_cdp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	uint32_t orig_length = length;
	c->proto = "cdp";
	if (length < CDP_HDRLEN) {
		rc__ob_printf(c->ob, " (packet length %u < %u)", length, CDP_HDRLEN);
		return rc__invalid(c, p, length);
	}
	RC_NEED(c, p, 2);
	rc__ob_printf(c->ob, "CDPv%u, ttl: %us", p[0], p[1]);
	RC_NEED(c, p + 2, 2);
	if (c->o->vflag)
		rc__ob_printf(c->ob, ", checksum: 0x%04x (unverified), length %u", rc__be16(p + 2),
			      orig_length);
	p += CDP_HDRLEN;
	length -= CDP_HDRLEN;
	while (length) {
		if (length < TLV_HDRLEN) {
			rc__ob_printf(c->ob, " (remaining packet length %u < %u)", length, TLV_HDRLEN);
			return rc__invalid(c, p, length);
		}
		RC_NEED(c, p, TLV_HDRLEN);
		unsigned type = rc__be16(p), len = rc__be16(p + 2);
		if (len < TLV_HDRLEN) {
			if (c->o->vflag)
				rc__ob_printf(c->ob, "\n\t%s (0x%02x), TLV length: %u byte%s (too short)",
					      tlv_name(type), type, len, len == 1 ? "" : "s");
			else
				rc__ob_printf(c->ob, ", %s TLV length %u too short", tlv_name(type), len);
			return rc__invalid(c, p, length);
		}
		if (len > length) {
			rc__ob_printf(c->ob, " (TLV length %u > %u)", len, length);
			return rc__invalid(c, p, length);
		}
		p += TLV_HDRLEN;
		length -= TLV_HDRLEN;
		len -= TLV_HDRLEN;
		RC_TRY(tlv_value(c, type, p, len));
		p += len;
		length -= len;
	}
	if (!c->o->vflag)
		rc__ob_printf(c->ob, ", length %u", orig_length);
	return 0;
}

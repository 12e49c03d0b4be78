/*
 * print_dccp.c - DCCP (RFC 4340, IP protocol 33) over IPv4 and IPv6, as
 * tcpdump 4.99.3 print-dccp.c prints it.
 *
 *   sport(2) dport(2) data offset(1, words) CCVal:4 CsCov:4 checksum(2)
 *   res:3 type:4 X:1, then with X=1 a reserved byte and a 48-bit sequence
 *   number (16 bytes), with X=0 a 24-bit one (12 bytes); then the type's
 *   fields (service code, acknowledgement, reset code) and the options up
 *   to the data offset.
 *
 * -v adds CCVal, CsCov and the checksum over the coverage CsCov gives
 * (RFC 4340 9.2) when the whole packet is captured; -vv the sequence
 * number and the options.  A length under a header's size prints
 * tcpdump's "truncated-..." note and stops without a marker.
 */
#include "print.h"

#define DCCP_HDRLEN 12
#define DCCP_HDRLEN_X 16

#define T_REQUEST 0
#define T_RESPONSE 1
#define T_DATA 2
#define T_RESET 7
#define T_MAX 9

static const char *const type_names[T_MAX + 1] = {
	"DCCP-Request",  "DCCP-Response", "DCCP-Data",  "DCCP-Ack",  "DCCP-DataAck",
	"DCCP-CloseReq", "DCCP-Close",    "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck",
};

/* Bytes each type adds after the generic header (RFC 4340 5.2-5.6): a
 * service code, an acknowledgement subheader (8), or both (12); a reset
 * carries its code and data after the acknowledgement. */
static const unsigned type_extra[T_MAX + 1] = {4, 12, 0, 8, 8, 8, 8, 12, 8, 8};

static const char *const reset_codes[] = {
	"unspecified",     "closed",           "aborted",           "no_connection",
	"packet_error",    "option_error",     "mandatory_error",   "connection_refused",
	"bad_service_code", "too_busy",        "bad_init_cookie",   "aggression_penalty",
};

/* Feature numbers of the Change and Confirm options (RFC 4340 6). */
static const char *const feature_names[] = {
	"reserved",      "ccid",           "allow_short_seqno", "sequence_window",
	"ecn_incapable", "ack_ratio",      "send_ack_vector",   "send_ndp_count",
	"minimum checksum coverage", "check data checksum",
};

static const char *option_name(unsigned t)
{
	switch (t) {
	case 0: return "nop";
	case 1: return "mandatory";
	case 2: return "slowreceiver";
	case 32: return "change_l";
	case 33: return "confirm_l";
	case 34: return "change_r";
	case 35: return "confirm_r";
	case 36: return "initcookie";
	case 37: return "ndp_count";
	case 38: return "ack_vector0";
	case 39: return "ack_vector1";
	case 40: return "data_dropped";
	case 41: return "timestamp";
	case 42: return "timestamp_echo";
	case 43: return "elapsed_time";
	case 44: return "data_checksum";
	default: return NULL;
	}
}

/* An option's name as tcpdump starts its line: CCID-specific types
 * (128 and up) by number, others by name or "Option N". */
static void put_option(rc__pctx *c, unsigned t)
{
	const char *name = option_name(t);
	if (t >= 128)
		rc__ob_printf(c->ob, "CCID option %u", t);
	else if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "Option %u", t);
}

static void put_hex(rc__pctx *c, const char *lead, const uint8_t *p, unsigned n)
{
	if (!n)
		return;
	rc__ob_puts(c->ob, lead);
	for (unsigned i = 0; i < n; i++)
		rc__ob_printf(c->ob, "%02x", p[i]);
}

/* The value of option t (optlen bytes, all captured). */
static void option_value(rc__pctx *c, const uint8_t *o, unsigned t, unsigned optlen)
{
	if (t >= 128) {
		if (optlen == 4)
			rc__ob_printf(c->ob, " %u", rc__be16(o + 2));
		else if (optlen == 6)
			rc__ob_printf(c->ob, " %u", rc__be32(o + 2));
		return;
	}
	switch (t) {
	case 32: case 33: case 34: case 35:
		if (optlen < 3) {
			rc__ob_puts(c->ob, " optlen too short");
		} else if (o[2] < sizeof feature_names / sizeof feature_names[0]) {
			rc__ob_printf(c->ob, " %s", feature_names[o[2]]);
			for (unsigned i = 3; i < optlen; i++)
				rc__ob_printf(c->ob, " %u", o[i]);
		}
		break;
	case 36: case 38: case 39: case 40:
		put_hex(c, " 0x", o + 2, optlen - 2);
		break;
	case 37:
		for (unsigned i = 2; i < optlen; i++)
			rc__ob_printf(c->ob, " %u", o[i]);
		break;
	case 41:
		if (optlen == 6)
			rc__ob_printf(c->ob, " %u", rc__be32(o + 2));
		else
			rc__ob_puts(c->ob, " [optlen != 6]");
		break;
	case 42:
		if (optlen == 6 || optlen == 8 || optlen == 10)
			rc__ob_printf(c->ob, " %u", rc__be32(o + 2));
		if (optlen == 8)
			rc__ob_printf(c->ob, " (elapsed time %u)", rc__be16(o + 6));
		else if (optlen == 10)
			rc__ob_printf(c->ob, " (elapsed time %u)", rc__be32(o + 6));
		else if (optlen != 6)
			rc__ob_puts(c->ob, " [optlen != 6 or 8 or 10]");
		break;
	case 43:
		if (optlen == 6)
			rc__ob_printf(c->ob, " %u", rc__be32(o + 2));
		else if (optlen == 4)
			rc__ob_printf(c->ob, " %u", rc__be16(o + 2));
		else
			rc__ob_puts(c->ob, " [optlen != 4 or 6]");
		break;
	case 44:
		put_hex(c, " ", o + 2, optlen - 2);
		break;
	default:
		break;
	}
}

/* One option at o with hlen header bytes left: its length, 0 when the
 * walk stops after a note (a bad length, or the option not captured:
 * tcpdump's marker, after which it still closes the list), or
 * RC_PRINT_TRUNC when its type or length byte is not captured. */
static int option(rc__pctx *c, const uint8_t *o, unsigned hlen)
{
	RC_NEED(c, o, 1);
	unsigned t = o[0], optlen = 1;
	if (t >= 32) {
		RC_NEED(c, o + 1, 1);
		optlen = o[1];
		if (optlen < 2) {
			put_option(c, t);
			rc__ob_puts(c->ob, " optlen too short");
			return 0;
		}
	}
	if (hlen < optlen) {
		put_option(c, t);
		rc__ob_puts(c->ob, " optlen goes past header length");
		return 0;
	}
	if (!rc__have(c, o, optlen)) {
		rc__trunc_soft(c);
		return 0;
	}
	put_option(c, t);
	option_value(c, o, t, optlen);
	return (int)optlen;
}

/* -vv: the options between the type's fields and the data offset. */
static int options(rc__pctx *c, const uint8_t *cp, unsigned hlen)
{
	rc__ob_puts(c->ob, " <");
	for (;;) {
		int optlen = option(c, cp, hlen);
		RC_TRY(optlen);
		if (optlen == 0 || hlen <= (unsigned)optlen)
			break;
		hlen -= (unsigned)optlen;
		cp += optlen;
		rc__ob_puts(c->ob, ", ");
	}
	rc__ob_putc(c->ob, '>');
	return 0;
}

/* "SRC.SPORT > DST.DPORT: DCCP", the addresses from the IP header. */
static void put_addrs(rc__pctx *c, const uint8_t *bp, const uint8_t *iph)
{
	int v6 = (iph[0] >> 4) == 6;
	for (int side = 0; side < 2; side++) {
		if (v6)
			rc__put_ip6(c->ob, iph + 8 + 16 * side);
		else
			rc__put_ip4(c->ob, iph + 12 + 4 * side);
		rc__ob_printf(c->ob, side ? ".%u: DCCP" : ".%u > ", rc__be16(bp + 2 * side));
	}
}

/* -v: " (CCVal N, CsCov N, cksum ...)": the checksum only when all len
 * bytes are captured; CsCov 0 covers the packet, N the header and N-1
 * words of data (RFC 4340 9.2), never more than the packet. */
static void put_v(rc__pctx *c, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	unsigned cscov = bp[5] & 0xf;
	rc__ob_printf(c->ob, " (CCVal %u, CsCov %u", bp[5] >> 4, cscov);
	if (rc__have(c, bp, len)) {
		uint32_t cov = len;
		if (cscov) {
			uint32_t words = (uint32_t)bp[4] + cscov - 1;
			if (words * 4 < len)
				cov = words * 4;
		}
		uint16_t field = rc__be16(bp + 6);
		uint32_t sum = rc__pseudo_sum(c, iph, 33, len);
		uint16_t res = rc__cksum_fold(rc__cksum_add(sum, bp, cov));
		rc__ob_printf(c->ob, ", cksum 0x%04x ", field);
		if (res)
			rc__ob_printf(c->ob, "(incorrect -> 0x%04x)", rc__cksum_shouldbe(field, res));
		else
			rc__ob_puts(c->ob, "(correct)");
	}
	rc__ob_putc(c->ob, ')');
}

int rc__print_dccp(rc__pctx *c, const uint8_t *bp, uint32_t len, const uint8_t *iph)
{
	c->proto = "dccp";
	RC_NEED_SOFT(c, bp, DCCP_HDRLEN);
	if (len < DCCP_HDRLEN) {
		rc__ob_printf(c->ob, "truncated-dccp - %u bytes missing!", DCCP_HDRLEN - len);
		return 0;
	}
	int x = bp[8] & 1;
	unsigned fixed = x ? DCCP_HDRLEN_X : DCCP_HDRLEN;
	if (len < fixed) {
		rc__ob_printf(c->ob, "truncated-dccp - %u bytes missing!", fixed - len);
		return 0;
	}
	RC_NEED_SOFT(c, bp, fixed);
	unsigned hlen = bp[4] * 4u;
	put_addrs(c, bp, iph);
	if (c->o->qflag) {
		/* tcpdump's unsigned subtraction: a data offset past the
		 * length prints a wrapped count before its note */
		rc__ob_printf(c->ob, " %u", len - hlen);
		if (hlen > len)
			rc__ob_printf(c->ob, " [bad hdr length %u - too long, > %u]", hlen, len);
		return 0;
	}
	if (c->o->vflag)
		put_v(c, bp, len, iph);
	rc__ob_putc(c->ob, ' ');

	unsigned type = (bp[8] >> 1) & 0xf;
	const char *name = type <= T_MAX ? type_names[type] : NULL;
	if (name && type_extra[type]) {
		fixed += type_extra[type];
		if (len < fixed) {
			rc__ob_printf(c->ob, "truncated-%s - %u bytes missing!", name, fixed - len);
			return 0;
		}
	}
	const uint8_t *sub = bp + (x ? DCCP_HDRLEN_X : DCCP_HDRLEN);
	if (type == T_REQUEST) {
		RC_NEED_SOFT(c, sub, 4);
		rc__ob_printf(c->ob, "%s (service=%u) ", name, rc__be32(sub));
	} else if (type == T_RESPONSE) {
		RC_NEED_SOFT(c, sub, 12);
		rc__ob_printf(c->ob, "%s (service=%u) ", name, rc__be32(sub + 8));
	} else if (type == T_RESET) {
		RC_NEED_SOFT(c, sub, 12);
		rc__ob_printf(c->ob, "%s (code=%s) ", name,
			      sub[8] < sizeof reset_codes / sizeof reset_codes[0] ? reset_codes[sub[8]]
										    : "invalid");
	} else if (name) {
		rc__ob_printf(c->ob, "%s ", name);
	} else {
		rc__ob_printf(c->ob, "unknown-type-%u ", type);
	}
	/* the acknowledgement subheader: a reserved 16 (X=1) or 8 (X=0)
	 * bits, then a 48- or 24-bit number */
	if (type != T_DATA && type != T_REQUEST) {
		uint64_t ack;
		if (x) {
			RC_NEED(c, sub + 2, 6);
			ack = (uint64_t)rc__be16(sub + 2) << 32 | rc__be32(sub + 4);
		} else {
			RC_NEED(c, sub + 1, 3);
			ack = rc__be24(sub + 1);
		}
		rc__ob_printf(c->ob, "(ack=%llu) ", (unsigned long long)ack);
	}
	if (c->o->vflag < 2)
		return 0;
	uint64_t seq = x ? (uint64_t)rc__be16(bp + 10) << 32 | rc__be32(bp + 12) : rc__be24(bp + 9);
	rc__ob_printf(c->ob, "seq %llu", (unsigned long long)seq);
	if (hlen > fixed)
		return options(c, bp + fixed, hlen - fixed);
	return 0;
}

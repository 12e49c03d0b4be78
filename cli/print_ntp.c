/*
 * print_ntp.c - NTP (RFC 5905) as tcpdump 4.99 print-ntp.c: the one-line
 * summary, and with -v the time message fields (section 7.3) or the mode 6
 * control message header (draft-ietf-ntp-mode-6-cmds).
 *
 * Time message:
 *   0 LI|VN|Mode  1 stratum  2 poll  3 precision  4 root delay  8 root
 *   dispersion  12 reference ID  16 reference  24 origin  32 receive
 *   40 transmit timestamps  48 [key id  52 digest]
 * Control message:
 *   0 LI|VN|Mode  1 R|E|M|opcode  2 sequence  4 status  6 association
 *   8 offset  10 count  12 data
 */
#include "print.h"

#define NTP_TIME_LEN 48u /* header without key id and digest */
#define NTP_CTRL_LEN 12u
#define NTP_UNIX_OFFSET 2208988800LL /* 1900-01-01 to 1970-01-01, seconds */

/* Civil date of a day count from 1970-01-01 (proleptic Gregorian, works
 * for negative counts: NTP era 0 starts in 1900). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* tcpdump's p_ntp_time: seconds.nanoseconds, then for a non-zero time
 * the UTC date.  4.99 reads every time stamp as era 0 (1900-2036). */
void rc__put_ntp_time(rc__ob *ob, const uint8_t *p)
{
	uint32_t sec = rc__be32(p);
	uint32_t nsec = (uint32_t)(rc__be32(p + 4) / 4294967296.0 * 1000000000.0);
	rc__ob_printf(ob, "%u.%09u", sec, nsec);
	if (sec == 0)
		return;
	int64_t t = (int64_t)sec - NTP_UNIX_OFFSET;
	int64_t days = (t >= 0 ? t : t - 86399) / 86400;
	int64_t rem = t - days * 86400;
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	rc__ob_printf(ob, " (%04lld-%02u-%02uT%02u:%02u:%02uZ)", (long long)y, m, d,
		      (unsigned)(rem / 3600), (unsigned)(rem % 3600 / 60), (unsigned)(rem % 60));
}

/* tcpdump's p_ntp_delta: to - from as a signed seconds.nanoseconds, or
 * the time "to" itself when "from" is zero. */
static void put_ntp_delta(rc__ob *ob, const uint8_t *from, const uint8_t *to)
{
	uint32_t fs = rc__be32(from), ff = rc__be32(from + 4);
	uint32_t ts = rc__be32(to), tf = rc__be32(to + 4);
	if (fs == 0 && ff == 0) {
		rc__put_ntp_time(ob, to);
		return;
	}
	int neg;
	uint32_t s, f;
	if (ts != fs) {
		neg = ts < fs;
		s = neg ? fs - ts : ts - fs;
		f = neg ? ff - tf : tf - ff; /* unsigned wrap is the borrow */
		if (neg ? tf > ff : ff > tf)
			s--;
	} else {
		neg = tf <= ff;
		s = 0;
		f = neg ? ff - tf : tf - ff;
	}
	rc__ob_printf(ob, "%s%u.%09u", neg ? "-" : "+", s,
		      (uint32_t)(f / 4294967296.0 * 1000000000.0));
}

/* NTP short format (16.16 fixed point) as tcpdump's p_sfix. */
static void put_sfix(rc__ob *ob, const uint8_t *p)
{
	rc__ob_printf(ob, "%d.%06d", rc__be16(p), (int)(rc__be16(p + 2) / 65536.0 * 1000000.0));
}

/* The poll exponent as an interval, as tcpdump's p_poll. */
static void put_poll(rc__ob *ob, int8_t poll)
{
	if (poll <= -32 || poll >= 32)
		return;
	if (poll >= 0)
		rc__ob_printf(ob, " (%us)", 1u << poll);
	else
		rc__ob_printf(ob, " (1/%us)", 1u << -poll);
}

/* tcpdump's "invalid" path: the marker, then a check that the claimed
 * length was captured. */
static int print_invalid(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	rc__ob_puts(c->ob, " (invalid)");
	RC_NEED_SOFT(c, bp, length);
	return 0;
}

/* Reference ID by stratum (RFC 5905 section 7.3): a kiss code or clock
 * name at stratum 0/1, else the server's IPv4 address, which 4.99 shows
 * in hex.  Returns 1 where tcpdump stops printing (stratum 62, 63). */
static int put_refid(rc__pctx *c, uint8_t stratum, const uint8_t *p)
{
	switch (stratum) {
	case 0:
		rc__ob_puts(c->ob, "(unspec)");
		return 0;
	case 1:
		for (int i = 0; i < 4; i++)
			rc__put_char(c->ob, p[i]);
		return 0;
	case 62:
	case 63:
		rc__put_ip4(c->ob, p);
		rc__ob_puts(c->ob, stratum == 62 ? " INFO_QUERY" : " INFO_REPLY");
		return 1;
	default:
		rc__ob_printf(c->ob, "0x%08x", rc__be32(p));
		return 0;
	}
}

static const char *stratum_name(uint8_t s)
{
	if (s == 0)
		return "unspecified";
	if (s == 1)
		return "primary reference";
	return s <= 15 ? "secondary reference" : "reserved";
}

/* Key id and MAC after the header: tcpdump guesses them from the length
 * (4: crypto-NAK, 20: MD5, 24: SHA-1) and ignores extension fields. */
static int print_mac(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	uint32_t extra = length - NTP_TIME_LEN;
	const uint8_t *key = bp + NTP_TIME_LEN;
	if (extra == 4 || extra == 20 || extra == 24) {
		RC_NEED(c, key, 4);
		rc__ob_printf(c->ob, "\n\tKey id: %u", rc__be32(key));
		if (extra == 4)
			return 0;
		RC_NEED_SOFT(c, key + 4, extra - 4);
		rc__ob_puts(c->ob, "\n\tAuthentication: ");
		for (uint32_t i = 4; i < extra; i += 4)
			rc__ob_printf(c->ob, "%08x", rc__be32(key + i));
	} else if (extra > 0) {
		rc__ob_printf(c->ob, "\n\t(%u more bytes after the header)", extra);
	}
	return 0;
}

static int print_time_msg(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	static const char *const ts_labels[4] = {
		"Reference Timestamp:  ", "Originator Timestamp: ",
		"Receive Timestamp:    ", "Transmit Timestamp:   ",
	};
	if (length < NTP_TIME_LEN)
		return print_invalid(c, bp, length);
	RC_NEED(c, bp + 1, 1);
	uint8_t stratum = bp[1];
	rc__ob_printf(c->ob, ", Stratum %u (%s)", stratum, stratum_name(stratum));
	RC_NEED(c, bp + 2, 1);
	rc__ob_printf(c->ob, ", poll %d", (int8_t)bp[2]);
	put_poll(c->ob, (int8_t)bp[2]);
	RC_NEED(c, bp + 3, 1);
	rc__ob_printf(c->ob, ", precision %d", (int8_t)bp[3]);
	RC_NEED_SOFT(c, bp + 4, 4);
	rc__ob_puts(c->ob, "\n\tRoot Delay: ");
	put_sfix(c->ob, bp + 4);
	RC_NEED_SOFT(c, bp + 8, 4);
	rc__ob_puts(c->ob, ", Root dispersion: ");
	put_sfix(c->ob, bp + 8);
	RC_NEED_SOFT(c, bp + 12, 4);
	rc__ob_puts(c->ob, ", Reference-ID: ");
	if (put_refid(c, stratum, bp + 12))
		return 0;
	for (int i = 0; i < 4; i++) {
		RC_NEED_SOFT(c, bp + 16 + 8 * i, 8);
		rc__ob_printf(c->ob, "\n\t  %s", ts_labels[i]);
		rc__put_ntp_time(c->ob, bp + 16 + 8 * i);
	}
	rc__ob_puts(c->ob, "\n\t    Originator - Receive Timestamp:  ");
	put_ntp_delta(c->ob, bp + 24, bp + 32);
	rc__ob_puts(c->ob, "\n\t    Originator - Transmit Timestamp: ");
	put_ntp_delta(c->ob, bp + 24, bp + 40);
	return print_mac(c, bp, length);
}

/* Mode 6: the header only; tcpdump leaves the data uninterpreted. */
static int print_control_msg(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	if (length < NTP_CTRL_LEN)
		return print_invalid(c, bp, length);
	RC_NEED(c, bp + 1, 1);
	uint8_t ctl = bp[1];
	rc__ob_printf(c->ob, ", %s, %s, %s, OpCode=%u\n", (ctl & 0x80) ? "Response" : "Request",
		      (ctl & 0x40) ? "Error" : "OK", (ctl & 0x20) ? "More" : "Last", ctl & 0x1f);
	RC_NEED(c, bp + 2, 2);
	rc__ob_printf(c->ob, "\tSequence=%u", rc__be16(bp + 2));
	RC_NEED(c, bp + 4, 2);
	uint16_t status = rc__be16(bp + 4);
	/* "%#hx": no 0x prefix for zero */
	rc__ob_printf(c->ob, status ? ", Status=0x%x" : ", Status=%x", status);
	RC_NEED(c, bp + 6, 2);
	rc__ob_printf(c->ob, ", Assoc.=%u", rc__be16(bp + 6));
	RC_NEED(c, bp + 8, 2);
	rc__ob_printf(c->ob, ", Offset=%u", rc__be16(bp + 8));
	RC_NEED(c, bp + 10, 2);
	uint16_t count = rc__be16(bp + 10);
	rc__ob_printf(c->ob, ", Count=%u", count);
	if (NTP_CTRL_LEN + count > length)
		return print_invalid(c, bp, length);
	if (count) {
		RC_NEED_SOFT(c, bp + NTP_CTRL_LEN, count);
		rc__ob_puts(c->ob, "\n\tTO-BE-DONE: data not interpreted");
	}
	return 0;
}

int rc__print_ntp(rc__pctx *c, const uint8_t *bp, uint32_t length)
{
	static const char *const modes[8] = {
		"unspecified", "symmetric active", "symmetric passive", "Client",
		"Server", "Broadcast", "Control Message", "Reserved",
	};
	/* tcpdump indexes its leap table by the unshifted bits */
	static const char *const leap[4] = { "", "+1s", "-1s", "clock unsynchronized" };
	c->proto = "ntp";
	RC_NEED(c, bp, 1);
	uint8_t status = bp[0], mode = status & 7;
	rc__ob_printf(c->ob, "NTPv%u, %s, length %u", (status >> 3) & 7, modes[mode], length);
	if (!c->o->vflag)
		return 0;
	rc__ob_printf(c->ob, "\n\tLeap indicator: %s (%u)", leap[status >> 6], status & 0xc0);
	if (mode <= 5)
		return print_time_msg(c, bp, length);
	if (mode == 6)
		return print_control_msg(c, bp, length);
	return 0; /* mode 7 (private): tcpdump prints nothing more */
}

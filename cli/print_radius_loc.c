/*
 * print_radius_loc.c - the RFC 5580 RADIUS attributes with -v, as tcpdump
 * 4.99.3 print-radius.c prints them: Operator-Name (126),
 * Location-Information (127), Location-Data (128) and
 * Basic-Location-Policy-Rules (129).
 *
 * Each value is checked captured first (a " [|radius]" without an
 * unwind, tcpdump's goto trunc), then its length against the form's
 * minimum ("ERROR: length N < M").
 */
#include "print.h"

#define A_OPERATOR_NAME 126
#define A_LOCATION_INFO 127
#define A_LOCATION_DATA 128

/* " [|radius]" without an unwind when the len bytes at p are not all
 * captured, else "ERROR: length N < MIN" when len is short: 1 when the
 * value can be printed. */
static int usable(rc__pctx *c, const uint8_t *p, unsigned len, unsigned min)
{
	if (!rc__have(c, p, len)) {
		rc__trunc_soft(c);
		return 0;
	}
	if (len < min) {
		rc__ob_printf(c->ob, "ERROR: length %u < %u", len, min);
		return 0;
	}
	return 1;
}

/* Operator-Name: a namespace byte, then the name. */
static void operator_name(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char *const ns[] = {"TADIG", "REALM", "E212", "ICC"};
	if (p[0] >= 0x30 && p[0] <= 0x33)
		rc__ob_printf(c->ob, "[%s] ", ns[p[0] - 0x30]);
	else
		rc__ob_printf(c->ob, "[unknown namespace %u] ", p[0]);
	rc__printn(c, p + 1, len - 1);
}

/* Location-Information: index(2) code(1) entity(1) sighting time(8)
 * time to live(8) method. */
static void location_info(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char *const codes[] = {"Civic", "Geospatial"};
	static const char *const entities[] = {"User", "RADIUS"};
	rc__ob_printf(c->ob, "index %u, code ", rc__be16(p));
	if (p[2] < 2)
		rc__ob_puts(c->ob, codes[p[2]]);
	else
		rc__ob_printf(c->ob, "Unknown (%u)", p[2]);
	rc__ob_puts(c->ob, ", entity ");
	if (p[3] < 2)
		rc__ob_puts(c->ob, entities[p[3]]);
	else
		rc__ob_printf(c->ob, "Unknown (%u)", p[3]);
	rc__ob_puts(c->ob, ", sighting time ");
	rc__put_ntp_time(c->ob, p + 4);
	rc__ob_puts(c->ob, ", time to live ");
	rc__put_ntp_time(c->ob, p + 12);
	rc__ob_puts(c->ob, ", method \"");
	rc__printn(c, p + 20, len - 20);
	rc__ob_putc(c->ob, '"');
}

/* Basic-Location-Policy-Rules: flags(2) retention expires(8) note well. */
static void location_rules(rc__pctx *c, const uint8_t *p, unsigned len)
{
	char buf[256];
	static const rc__bitname flags[] = {
		{0x0001, "MBZ-15"}, {0x0002, "MBZ-14"}, {0x0004, "MBZ-13"}, {0x0008, "MBZ-12"},
		{0x0010, "MBZ-11"}, {0x0020, "MBZ-10"}, {0x0040, "MBZ-9"},  {0x0080, "MBZ-8"},
		{0x0100, "MBZ-7"},  {0x0200, "MBZ-6"},  {0x0400, "MBZ-5"},  {0x0800, "MBZ-4"},
		{0x1000, "MBZ-3"},  {0x2000, "MBZ-2"},  {0x4000, "MBZ-1"},
		{0x8000, "Retransmission Allowed"},
	};
	rc__ob_printf(c->ob, "flags [%s], retention expires ",
		      rc__bit_names(buf, sizeof buf, rc__be16(p), flags, sizeof flags / sizeof flags[0]));
	rc__put_ntp_time(c->ob, p + 2);
	if (len > 10) {
		rc__ob_puts(c->ob, ", note well \"");
		rc__printn(c, p + 10, len - 10);
		rc__ob_putc(c->ob, '"');
	}
}

int rc__radius_location(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len)
{
	switch (type) {
	case A_OPERATOR_NAME:
		if (usable(c, p, len, 2))
			operator_name(c, p, len);
		return 0;
	case A_LOCATION_INFO:
		if (usable(c, p, len, 21))
			location_info(c, p, len);
		return 0;
	case A_LOCATION_DATA:
		/* the location's form hangs on an earlier attribute's code:
		 * tcpdump dumps it */
		if (usable(c, p, len, 3)) {
			rc__ob_printf(c->ob, "index %u, location", rc__be16(p));
			rc__hex_ascii_dump(c->ob, "\n\t    ", p + 2, len - 2, 0);
		}
		return 0;
	default:
		if (usable(c, p, len, 10))
			location_rules(c, p, len);
		return 0;
	}
}

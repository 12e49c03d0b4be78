/*
 * print_syslog.c - syslog over UDP port 514 (RFC 3164, RFC 5424) as
 * tcpdump 4.99 print-syslog.c prints it: the "<PRI>" value split into
 * facility and severity, and with -v the message text (and with -vv a hex
 * dump of the whole message).
 */
#include "print.h"

/* tcpdump's udp_print tries about 40 other decoders before syslog; a
 * packet with one of their ports on either side (or on the one side
 * tcpdump looks at) is not syslog there.  Found by running tcpdump 4.99.3
 * on port 514 paired with every other port. */
static const unsigned either_side[] = {
	53,   67,   68,   69,   88,   123,  161,  162,  496,  500,   520,   521,  525,
	546,  547,  646,  654,  698,  701,  750,  921,  1589, 1645,  1646,  1700, 1701,
	1812, 1813, 2103, 2104, 3503, 3799, 4500, 5060, 5353, 5359,  6343,  6696, 6697,
	7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009,  7500,  8231, 8500,
	12222, 12223,
};
/* HSRP, VAT, BFD, the whiteboard: tcpdump tests the destination only. */
static const unsigned dest_only[] = {1985, 3456, 3784, 3785, 4567, 4784, 6784};

static int listed(const unsigned *ports, size_t n, unsigned port)
{
	for (size_t i = 0; i < n; i++)
		if (ports[i] == port)
			return 1;
	return 0;
}

int rc__syslog_port(unsigned sport, unsigned dport)
{
	size_t ne = sizeof(either_side) / sizeof(either_side[0]);
	if (sport != 514 && dport != 514)
		return 0;
	if (listed(either_side, ne, sport) || listed(either_side, ne, dport))
		return 0;
	if (listed(dest_only, sizeof(dest_only) / sizeof(dest_only[0]), dport))
		return 0;
	return sport != 49152; /* BCM LI: the source only */
}

static const char *facility_name(unsigned f)
{
	static const char *const names[] = {
		"kernel", "user", "mail",     "daemon",  "auth",   "syslog", "lpr",    "news",
		"uucp",   "cron", "authpriv", "ftp",     "ntp",    "security", "console", "cron",
		"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
	};
	return f < sizeof(names) / sizeof(names[0]) ? names[f] : NULL;
}

static void put_name(rc__pctx *c, const char *name, unsigned v)
{
	if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "unknown (%u)", v);
}

#define NOT_SYSLOG (-2)

/* "<" up to 3 digits ">": the priority (RFC 3164 4.1.1), NOT_SYSLOG when
 * a bracket is missing; *off gets the offset of the text after it. */
static int priority(rc__pctx *c, const uint8_t *p, unsigned *pri, unsigned *off)
{
	unsigned i = 1, v = 0;
	RC_NEED(c, p, 1);
	if (p[0] != '<')
		return NOT_SYSLOG;
	for (;;) {
		RC_NEED(c, p + i, 1);
		if (i > 3 || p[i] < '0' || p[i] > '9')
			break;
		v = v * 10 + (unsigned)(p[i++] - '0');
	}
	if (p[i] != '>')
		return NOT_SYSLOG;
	*pri = v;
	*off = i + 1;
	return 0;
}

int rc__print_syslog(rc__pctx *c, const uint8_t *p, uint32_t len)
{
	static const char *const severity[] = {"emergency", "alert",  "critical", "error",
					       "warning",   "notice", "info",     "debug"};
	unsigned pri = 0, off = 0;
	c->proto = "syslog";
	int r = priority(c, p, &pri, &off);
	if (r == RC_PRINT_TRUNC)
		return r;
	if (r == NOT_SYSLOG) { /* tcpdump's nd_print_invalid */
		rc__ob_puts(c->ob, " (invalid)");
		return 0;
	}
	unsigned fac = (pri & 0x3f8) >> 3, sev = pri & 7;
	if (!c->o->vflag) {
		rc__ob_puts(c->ob, "SYSLOG ");
		put_name(c, facility_name(fac), fac);
		rc__ob_printf(c->ob, ".%s, length: %u", severity[sev], len);
		return 0;
	}
	rc__ob_printf(c->ob, "SYSLOG, length: %u\n\tFacility ", len);
	put_name(c, facility_name(fac), fac);
	rc__ob_printf(c->ob, " (%u), Severity %s (%u)\n\tMsg: ", fac, severity[sev], sev);
	/* RFC 3164 4.1.3 text, read through the snapend; a UDP length that
	 * ends inside the priority leaves it empty, as in tcpdump */
	for (uint32_t i = off; i < len; i++) {
		RC_NEED(c, p + i, 1);
		rc__put_char(c->ob, p[i]);
	}
	if (c->o->vflag > 1)
		rc__unknown_data(c, p, "\n\t", len);
	return 0;
}

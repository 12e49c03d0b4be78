/*
 * print_hsrp.c - Cisco Hot Standby Router Protocol version 0 (RFC 2281)
 * on UDP port 1985 (destination), as tcpdump 4.99.3's print-hsrp.c.  Other
 * versions print "HSRPvN" alone: tcpdump 4.99 decodes version 0 only.
 *
 *   0        1        2        3        4        5        6        7
 *   | version| op code| state  | hello  | hold   | prio   | group  | rsvd
 *   8: authentication data (8 bytes, NUL padded), 16: virtual IPv4 address
 *
 * tcpdump reads each field as it prints it (GET_U_1 and friends unwind),
 * so a cut header shows the fields before the cut, then " [|hsrp]".
 */
#include "print.h"

#define HSRP_AUTH_OFF 8
#define HSRP_AUTH_SIZE 8
#define HSRP_VADDR_OFF 16

/* tcpdump's tok2str(states, "Unknown (%u)", v): the states are bit values. */
static void put_state(rc__pctx *c, unsigned v)
{
	static const struct {
		unsigned v;
		const char *name;
	} states[] = {
		{0, "initial"}, {1, "learn"}, {2, "listen"}, {4, "speak"}, {8, "standby"}, {16, "active"},
	};
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
		if (states[i].v == v) {
			rc__ob_puts(c->ob, states[i].name);
			return;
		}
	}
	rc__ob_printf(c->ob, "Unknown (%u)", v);
}

int rc__print_hsrp(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	static const char *const ops[] = {"hello", "coup", "resign"};
	c->proto = "hsrp";
	RC_NEED(c, p, 1);
	rc__ob_printf(c->ob, "HSRPv%u", p[0]);
	if (p[0] != 0)
		return 0;
	rc__ob_puts(c->ob, "-");
	RC_NEED(c, p + 1, 1);
	if (p[1] < sizeof(ops) / sizeof(ops[0]))
		rc__ob_printf(c->ob, "%s ", ops[p[1]]);
	else
		rc__ob_printf(c->ob, "unknown (%u) ", p[1]);
	rc__ob_printf(c->ob, "%u: ", length);
	RC_NEED(c, p + 2, 1);
	rc__ob_puts(c->ob, "state=");
	put_state(c, p[2]);
	rc__ob_puts(c->ob, " ");
	RC_NEED(c, p + 6, 1);
	rc__ob_printf(c->ob, "group=%u ", p[6]);
	RC_NEED(c, p + 7, 1);
	if (p[7] != 0)
		rc__ob_printf(c->ob, "[reserved=%u!] ", p[7]);
	RC_NEED(c, p + HSRP_VADDR_OFF, 4);
	rc__ob_puts(c->ob, "addr=");
	rc__put_ip4(c->ob, p + HSRP_VADDR_OFF);
	if (!c->o->vflag)
		return 0;
	/* hello time, hold time and priority lie before the address: read */
	rc__ob_puts(c->ob, " hellotime=");
	rc__put_relts(c->ob, p[3]);
	rc__ob_puts(c->ob, " holdtime=");
	rc__put_relts(c->ob, p[4]);
	rc__ob_printf(c->ob, " priority=%u auth=\"", p[5]);
	/* RFC 2281 5.1 pads the authentication data with NULs: tcpdump
	 * prints it up to the first one */
	RC_TRY(rc__printjnp(c, p + HSRP_AUTH_OFF, HSRP_AUTH_SIZE));
	rc__ob_puts(c->ob, "\"");
	return 0;
}

/*
 * print_loopback.c - the Ethernet configuration testing protocol
 * (ethertype 0x9000, "Loopback" in the Ethernet v2.0 specification,
 * section 8), as tcpdump 4.99.3's print-loopback.c prints it.
 *
 * A frame holds a skip count, forwarding entries and the message at the
 * entry the skip count selects: a function code (1 reply, 2 forward data)
 * and its fields.  The 16-bit fields are little-endian.
 */
#include "print.h"

#define LOOPBACK_REPLY 1
#define LOOPBACK_FWDDATA 2

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* tcpdump's " (invalid)"; it then needs the rest bytes from p (the rest
 * of the frame's length) captured, else it unwinds. */
static int invalid(rc__pctx *c, const uint8_t *p, uint32_t rest)
{
	rc__ob_puts(c->ob, " (invalid)");
	RC_NEED(c, p, rest);
	return 0;
}

/* The message of len bytes at p: the function code, then its fields;
 * the data after them is not shown but must be captured. */
static int message(rc__pctx *c, const uint8_t *p, uint32_t len)
{
	if (len < 2)
		return invalid(c, p, len);
	RC_NEED(c, p, 2);
	uint16_t function = le16(p);
	p += 2;
	switch (function) {
	case LOOPBACK_REPLY:
		rc__ob_puts(c->ob, ", Reply");
		if (len < 4)
			return invalid(c, p, len - 2);
		RC_NEED(c, p, 2);
		rc__ob_printf(c->ob, ", receipt number %u, data (%u octets)", le16(p), len - 4);
		RC_NEED(c, p + 2, len - 4);
		return 0;
	case LOOPBACK_FWDDATA:
		rc__ob_puts(c->ob, ", Forward Data");
		if (len < 8)
			return invalid(c, p, len - 2);
		RC_NEED(c, p, 6);
		rc__ob_puts(c->ob, ", forwarding address ");
		rc__put_mac(c->ob, p);
		rc__ob_printf(c->ob, ", data (%u octets)", len - 8);
		RC_NEED(c, p + 6, len - 8);
		return 0;
	default:
		/* tcpdump's name for an unknown code starts with a blank */
		rc__ob_printf(c->ob, ",  invalid (%u)", function);
		RC_NEED(c, p, len - 2);
		return 0;
	}
}

int rc__print_loopback(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	c->proto = "loopback";
	rc__ob_puts(c->ob, "Loopback");
	if (length < 2)
		return invalid(c, p, length);
	RC_NEED(c, p, 2);
	uint16_t skip = le16(p);
	rc__ob_printf(c->ob, ", skipCount %u", skip);
	/* forwarding entries are 8 bytes long */
	if (skip % 8)
		rc__ob_puts(c->ob, " (bogus)");
	if (skip > length - 2)
		return invalid(c, p + 2, length - 2);
	/* the skipped entries must be captured before the message is read */
	RC_NEED(c, p + 2, skip);
	if (length < 2u + skip + 2u)
		return invalid(c, p + 2 + skip, length - 2 - skip);
	return message(c, p + 2 + skip, length - 2 - skip);
}

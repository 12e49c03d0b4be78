/*
 * print_krb.c - Kerberos on UDP 88 and 750 as tcpdump 4.99 print-krb.c
 * prints it: the protocol version, and for version 4 (Athena Technical
 * Plan E.2.1, appendix I) the message type, byte order and principal
 * names.  Version 5 (RFC 4120) messages are ASN.1 and only "v5" is
 * printed, for the AS-REQ and AS-REP tags (106, 107) that tcpdump knows;
 * other first bytes print nothing.
 *
 *   v4 header: | version | type(7) byte-order(1) | ...
 *
 * Names are NUL-terminated strings read up to the snapend (not the UDP
 * length, as tcpdump's c_print); every stop is "[|krb]", a cut name or
 * version byte without unwinding (-x then skips the link header), any
 * other field by unwinding.
 */
#include "print.h"

#define KRB4_KDC_REQUEST 2
#define KRB4_KDC_REPLY 4
#define KRB4_APPL_REQUEST 6
#define KRB4_ERR_REPLY 10

static const char *type_name(unsigned type)
{
	switch (type) {
	case KRB4_KDC_REQUEST: return "KDC_REQUEST";
	case KRB4_KDC_REPLY: return "KDC_REPLY";
	case KRB4_APPL_REQUEST: return "APPL_REQUEST";
	case 8: return "APPL_REQUEST_MUTUAL";
	case KRB4_ERR_REPLY: return "ERR_REPLY";
	case 12: return "PRIVATE";
	case 14: return "SAFE";
	case 16: return "APPL_ERR";
	case 126: return "DIE";
	default: return NULL;
	}
}

static const char *const err_names[] = {
	"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER", "NAME_MAST_KEY_VER",
	"SERV_MAST_KEY_VER", "BYTE_ORDER", "PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY",
};

/* tcpdump's tok2str with no format: the name, else "#N". */
static void put_name(rc__pctx *c, const char *name, unsigned v)
{
	if (name)
		rc__ob_puts(c->ob, name);
	else
		rc__ob_printf(c->ob, "#%u", v);
}

/* A NUL-terminated string; *p moves past the NUL.  A string that runs
 * into the snapend is cut. */
static int string_print(rc__pctx *c, const uint8_t **p)
{
	for (const uint8_t *s = *p; rc__have(c, s, 1); s++) {
		if (*s == 0) {
			*p = s + 1;
			return 0;
		}
		rc__put_char(c->ob, *s);
	}
	return rc__trunc_soft(c); /* tcpdump's c_print returns, not unwinds */
}

/* "name.instance@realm" after the 2-byte header. */
static int principal_print(rc__pctx *c, const uint8_t **p)
{
	RC_TRY(string_print(c, p));
	rc__ob_putc(c->ob, '.');
	RC_TRY(string_print(c, p));
	rc__ob_putc(c->ob, '@');
	return string_print(c, p);
}

/* A 16-bit field in the sender's byte order (the type's low bit). */
static unsigned sender16(const uint8_t *p, int le)
{
	return le ? (unsigned)(p[0] | p[1] << 8) : rc__be16(p);
}

static int kdc_request(rc__pctx *c, const uint8_t *cp)
{
	RC_TRY(principal_print(c, &cp));
	cp += 4; /* time stamp */
	RC_NEED(c, cp, 1);
	/* the lifetime counts 5-minute units */
	rc__ob_printf(c->ob, " %umin ", cp[0] * 5u);
	cp++;
	RC_TRY(string_print(c, &cp));
	rc__ob_putc(c->ob, '.');
	return string_print(c, &cp);
}

static int appl_request(rc__pctx *c, const uint8_t *cp)
{
	RC_NEED(c, cp, 1);
	rc__ob_printf(c->ob, "v%u ", cp[0]); /* key version */
	cp++;
	RC_TRY(string_print(c, &cp));        /* realm */
	/* the ticket's and the authenticator's lengths */
	for (int i = 0; i < 2; i++) {
		RC_NEED(c, cp + i, 1);
		rc__ob_printf(c->ob, " (%u)", cp[i]);
	}
	return 0;
}

static int kdc_reply(rc__pctx *c, const uint8_t *cp, int le)
{
	RC_TRY(principal_print(c, &cp));
	cp += 10; /* time stamp, ticket count, expiry, key version */
	RC_NEED(c, cp, 2);
	rc__ob_printf(c->ob, " (%u)", sender16(cp, le));
	return 0;
}

static int err_reply(rc__pctx *c, const uint8_t *cp, int le)
{
	RC_TRY(principal_print(c, &cp));
	cp += 4; /* time stamp */
	/* tcpdump reads the first 16 bits of the 32-bit error code */
	RC_NEED(c, cp, 2);
	unsigned code = sender16(cp, le);
	rc__ob_putc(c->ob, ' ');
	put_name(c, code < sizeof(err_names) / sizeof(err_names[0]) ? err_names[code] : NULL, code);
	rc__ob_putc(c->ob, ' ');
	cp += 4;
	return string_print(c, &cp);
}

static int krb4_print(rc__pctx *c, const uint8_t *bp)
{
	RC_NEED(c, bp + 1, 1);
	unsigned type = bp[1] & 0xfe;
	int le = bp[1] & 1;
	rc__ob_printf(c->ob, " %s ", le ? "le" : "be");
	put_name(c, type_name(type), type);
	rc__ob_puts(c->ob, ": ");
	switch (type) {
	case KRB4_KDC_REQUEST: return kdc_request(c, bp + 2);
	case KRB4_APPL_REQUEST: return appl_request(c, bp + 2);
	case KRB4_KDC_REPLY: return kdc_reply(c, bp + 2, le);
	case KRB4_ERR_REPLY: return err_reply(c, bp + 2, le);
	default:
		rc__ob_puts(c->ob, "(unknown)");
		return 0;
	}
}

int rc__print_krb(rc__pctx *c, const uint8_t *bp)
{
	c->proto = "krb";
	RC_NEED_SOFT(c, bp, 1); /* tcpdump tests the version byte first */
	switch (bp[0]) {
	case 1:
	case 2:
	case 3:
		rc__ob_printf(c->ob, " v%u", bp[0]);
		return 0;
	case 4:
		rc__ob_puts(c->ob, " v4");
		return krb4_print(c, bp);
	case 106:
	case 107:
		rc__ob_puts(c->ob, " v5");
		return 0;
	default:
		return 0;
	}
}

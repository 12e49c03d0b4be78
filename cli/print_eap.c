/*
 * print_eap.c - IEEE 802.1X EAPOL frames (ethertype 0x888e) and the EAP
 * packets (RFC 3748) they carry, as tcpdump 4.99.3 print-eap.c prints them.
 *
 *   EAPOL (802.1X-2004 7.5):  version(1) type(1) body length(2) body
 *   EAP (RFC 3748 section 4): code(1) identifier(1) length(2) [type(1) data]
 *
 * Without -v only the EAPOL header is shown; -v adds the EAP packet of an
 * "EAP packet" frame.  tcpdump reads the EAP code and length through the
 * snapend (a cut there unwinds), then checks the whole packet is captured
 * before its type data, so nothing past that check can be cut.
 */
#include "print.h"

#define EAPOL_HDRLEN 4
#define EAP_CODE_REQUEST 1
#define EAP_CODE_RESPONSE 2

/* tcpdump's eap_frame_type_values */
static const char *eapol_type_name(unsigned t)
{
	static const char *const names[] = { "EAP packet", "EAPOL start", "EAPOL logoff",
					     "EAPOL key", "Encapsulated ASF alert" };
	return t < sizeof(names) / sizeof(names[0]) ? names[t] : "unknown";
}

static const char *eap_code_name(unsigned code)
{
	static const char *const names[] = { NULL, "Request", "Response", "Success", "Failure" };
	return code >= 1 && code <= 4 ? names[code] : "unknown";
}

/* tcpdump's eap_type_values (the RFC 3748 section 5 types it knows). */
static const char *eap_type_name(unsigned t)
{
	switch (t) {
	case 0: return "No proposed";
	case 1: return "Identity";
	case 2: return "Notification";
	case 3: return "Nak";
	case 4: return "MD5-challenge";
	case 5: return "OTP";
	case 6: return "GTC";
	case 13: return "TLS";
	case 18: return "SIM";
	case 21: return "TTLS";
	case 23: return "AKA";
	case 43: return "FAST";
	case 254: return "Expanded types";
	case 255: return "Experimental";
	default: return "unknown";
	}
}

/* RFC 4187 section 11 subtypes, EAP-SIM's (RFC 4186) among them. */
static const char *eap_aka_subtype_name(unsigned t)
{
	switch (t) {
	case 1: return "Challenge";
	case 2: return "Auth reject";
	case 4: return "Sync failure";
	case 5: return "Identity";
	case 10: return "Start";
	case 11: return "Challenge";
	case 12: return "Notification";
	case 13: return "Reauth";
	case 14: return "Client error";
	default: return "unknown";
	}
}

static int too_short(rc__pctx *c, const char *what)
{
	rc__ob_printf(c->ob, " (too short for EAP %s)", what);
	return 0;
}

/* EAP-TLS (RFC 5216 3.1), TTLS (RFC 5281 9.1) and FAST (RFC 4851 4.1)
 * flags octet; the 4-byte message length follows when L is set.
 * name is "TTLS" or "FAST" (their version in the low 3 bits) or NULL. */
static int tls_flags(rc__pctx *c, const uint8_t *cp, unsigned len, const char *name,
		     const char *what)
{
	static const rc__bitname flags[] = { { 0x80, "L bit" },
					     { 0x40, "More fragments bit" },
					     { 0x20, "Start bit" } };
	char buf[64];
	if (len < 6)
		return too_short(c, what);
	uint8_t f = cp[5];
	if (name)
		rc__ob_printf(c->ob, " %sv%u", name, f & 0x07);
	rc__ob_printf(c->ob, " flags [%s] 0x%02x",
		      rc__bit_names(buf, sizeof(buf), f, flags, sizeof(flags) / sizeof(flags[0])), f);
	if (!(f & 0x80))
		return 0;
	if (len < 10) {
		rc__ob_printf(c->ob, " (too short for EAP %s with length)", what);
		return 0;
	}
	rc__ob_printf(c->ob, ", len %u", rc__be32(cp + 6));
	return 0;
}

/* The type data of a request or response, all of len captured. */
static int eap_type_data(rc__pctx *c, const uint8_t *cp, unsigned len)
{
	unsigned type = cp[4];
	rc__ob_printf(c->ob, "\n\t\t Type %s (%u)", eap_type_name(type), type);
	switch (type) {
	case 1: /* the identity is optional (RFC 3748 5.1) */
		if (len > 5) {
			rc__ob_puts(c->ob, ", Identity: ");
			return rc__printjnp(c, cp + 5, len - 5);
		}
		return 0;
	case 2: /* a notification holds at least one octet (RFC 3748 5.2) */
		if (len < 6)
			return too_short(c, "Notification request/response");
		rc__ob_puts(c->ob, ", Notification: ");
		return rc__printjnp(c, cp + 5, len - 5);
	case 3: /* the desired types, one octet each (RFC 3748 5.3.1) */
		if (len < 6)
			return too_short(c, "Legacy NAK request/response");
		for (unsigned i = 5; i < len; i++)
			rc__ob_printf(c->ob, "%s %s (%u)", i > 5 ? "," : "", eap_type_name(cp[i]),
				      cp[i]);
		return 0;
	case 13:
		return tls_flags(c, cp, len, NULL, "TLS/TTLS request/response");
	case 21:
		return tls_flags(c, cp, len, "TTLS", "TLS/TTLS request/response");
	case 43:
		return tls_flags(c, cp, len, "FAST", "FAST request/response");
	case 18:
	case 23:
		if (len < 6)
			return too_short(c, "SIM/AKA request/response");
		rc__ob_printf(c->ob, " subtype [%s] 0x%02x", eap_aka_subtype_name(cp[5]), cp[5]);
		return 0;
	default:
		return 0;
	}
}

/* An EAP packet its carrier (the EAPOL header, a RADIUS EAP-Message)
 * says is length bytes long. */
int rc__print_eap(rc__pctx *c, const uint8_t *cp, unsigned length)
{
	RC_NEED(c, cp, 4);
	unsigned code = cp[0], len = rc__be16(cp + 2);
	if (len != length) {
		/* a fragment, as tcpdump guesses: its own length disagrees */
		rc__ob_puts(c->ob, "EAP fragment?");
		return 0;
	}
	rc__ob_printf(c->ob, "%s (%u), id %u, len %u", eap_code_name(code), code, cp[1], len);
	if (len < 4)
		return too_short(c, "header");
	RC_NEED_SOFT(c, cp, len);
	if (code != EAP_CODE_REQUEST && code != EAP_CODE_RESPONSE)
		return 0;
	if (len < 5)
		return too_short(c, "request/response");
	return eap_type_data(c, cp, len);
}

int rc__print_eapol(rc__pctx *c, const uint8_t *p)
{
	c->proto = "eap";
	RC_NEED_SOFT(c, p, EAPOL_HDRLEN);
	unsigned type = p[1], body_len = rc__be16(p + 2);
	rc__ob_printf(c->ob, "%s (%u) v%u, len %u", eapol_type_name(type), type, p[0], body_len);
	if (!c->o->vflag || type != 0)
		return 0;
	if (body_len == 0)
		return rc__trunc_soft(c);
	rc__ob_puts(c->ob, ", ");
	return rc__print_eap(c, p + EAPOL_HDRLEN, body_len);
}

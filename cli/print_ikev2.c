/*
 * print_ikev2.c - IKEv2 (RFC 7296) messages and payloads as tcpdump 4.99
 * print-isakmp.c prints them; the ISAKMP header, IKEv1 and the payload
 * chain are in print_isakmp.c.
 *
 * A payload's name carries "[C]" when its critical bit is set.  The
 * Encrypted payload (46) is shown by its length only (no -E secret), and
 * it ends the chain: its next-payload field names what is inside.
 */
#include "print_isakmp.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The payload's name (tpay's unless name is given) with "[C]" for the
 * critical bit, once its first need bytes are captured; else " [|tpay]"
 * and 0. */
static int v2_head(rc__ike *s, unsigned tpay, const uint8_t *ext, size_t need, const char *name)
{
	if (!rc__have(s->c, ext, need)) {
		rc__ike_trunc(s, tpay);
		return 0;
	}
	rc__ob_printf(s->c->ob, "%s%s:", name ? name : rc__ike_npstr(s, tpay, 0),
		      (ext[1] & 0x80) ? "[C]" : "");
	return 1;
}

/* " len=N" and, with -vvv, the data in hex; 0 if that was cut. */
static int len_and_hex(rc__ike *s, const uint8_t *ext, uint32_t len)
{
	rc__ob_printf(s->c->ob, " len=%d", (int)len - 4);
	if (s->c->o->vflag > 2 && len > 4) {
		rc__ob_putc(s->c->ob, ' ');
		return rc__ike_raw(s, ext + 4, len - 4);
	}
	return 1;
}

/* CERT, CERTREQ, Delete, TS, CP and EAP: only their length. */
static int v2_gen(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		  int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 4, NULL))
		return 0;
	if (!len_and_hex(s, ext, item_len)) {
		rc__ike_trunc(s, tpay);
		return 0;
	}
	*next = ext + item_len;
	return 0;
}

/* Transform type names and the IDs of each type (RFC 7296 3.3.2, as
 * tcpdump 4.99 knows them). */
static const char *const t_type_names[] = { NULL, "encr", "prf", "integ", "dh", "esn" };
static const char *const prf_names[] = { NULL, "hmac-md5", "hmac-sha", "hmac-tiger",
					 "aes128_xcbc" };
static const char *const integ_names[] = { NULL,       "hmac-md5", "hmac-sha",
					   "dec-mac", "kpdk-md5", "aes-xcbc" };
static const char *const esn_names[] = { "no-esn", "esn" };

static int v2_t(rc__ike *s, int tcount, const uint8_t *ext, uint32_t item_len,
		const uint8_t **next)
{
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, 3, ext, 8, "t"))
		return 0;
	unsigned type = ext[4], tid = rc__be16(ext + 6);
	const char *idstr = NULL;
	int table = RC_IKE_MAP_NONE;
	switch (type) {
	case 1:
		idstr = rc__ike_name(s, rc__ike_esp_names, 13, tid, 0);
		table = RC_IKE_MAP_ENCR;
		break;
	case 2:
		idstr = rc__ike_name(s, prf_names, NELEM(prf_names), tid, 0);
		break;
	case 3:
		idstr = rc__ike_name(s, integ_names, NELEM(integ_names), tid, 0);
		break;
	case 4:
		idstr = rc__ike_name(s, rc__ike_dh_names, 19, tid, 0);
		break;
	case 5:
		idstr = rc__ike_name(s, esn_names, NELEM(esn_names), tid, 0);
		break;
	}
	const char *tname = rc__ike_name(s, t_type_names, NELEM(t_type_names), type, 1);
	if (idstr)
		rc__ob_printf(c->ob, " #%d type=%s id=%s ", tcount, tname, idstr);
	else
		rc__ob_printf(c->ob, " #%d type=%s id=%u ", tcount, tname, tid);
	return rc__ike_t_attrs(s, ext, item_len, table, next);
}

/* The substructures of an SA (proposals) or a proposal (transforms):
 * each with a generic header, within room bytes.  One that does not fit
 * prints " [|tname]" and skips the rest (toolong: *next past it); a
 * nonsensical length or a cut one stops (*next NULL). */
struct subs {
	unsigned first; /* the substructure's payload type: 2 or 3 */
	const char *tname;
	int depth;
};

static int v2_p(rc__ike *s, const uint8_t *ext, uint32_t len, int depth, const uint8_t **next);

static int v2_subs(rc__ike *s, const struct subs *u, const uint8_t *cp, uint32_t room,
		   const uint8_t **next)
{
	rc__pctx *c = s->c;
	int count = 0, depth = u->depth;
	for (unsigned np = u->first; np != 0;) {
		count++;
		if (room < 4)
			goto toolong;
		if (!rc__have(c, cp, 4))
			goto trunc;
		uint32_t item_len = rc__be16(cp + 2);
		if (item_len <= 4)
			goto trunc;
		if (room < item_len)
			goto toolong;
		if (!rc__have(c, cp, item_len))
			goto trunc;
		rc__ob_putc(c->ob, '\n');
		for (int i = 0; i <= depth; i++)
			rc__ob_puts(c->ob, "    ");
		rc__ob_putc(c->ob, '(');
		const uint8_t *after;
		if (np == u->first) {
			if (np == 2)
				RC_TRY(v2_p(s, cp, item_len, depth + 1, &after));
			else
				RC_TRY(v2_t(s, count, cp, item_len, &after));
			if (!after) {
				*next = NULL;
				return 0;
			}
		} else {
			rc__ob_puts(c->ob, rc__ike_npstr(s, np, 0));
			after = cp + item_len;
		}
		rc__ob_putc(c->ob, ')');
		np = cp[0];
		cp = after;
		room -= item_len;
	}
	*next = cp;
	return 0;
toolong:
	rc__ob_printf(c->ob, " [|%s]", u->tname);
	*next = cp + room;
	return 0;
trunc:
	rc__ob_printf(c->ob, " [|%s]", u->tname);
	*next = NULL;
	return 0;
}

/* Proposal substructure (RFC 7296 3.3.1). */
static int v2_p(rc__ike *s, const uint8_t *ext, uint32_t len, int depth, const uint8_t **next)
{
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, 2, ext, 8, "p"))
		return 0;
	uint32_t room = len - 4;
	unsigned spi_size = ext[6];
	rc__ob_printf(c->ob, " #%u protoid=%s transform=%u len=%u", ext[4],
		      rc__ike_name(s, rc__ike_protoid_names, 5, ext[5], 0), ext[7], len);
	const uint8_t *cp = ext + 8;
	if (spi_size) {
		if (room < spi_size) {
			rc__ike_trunc(s, 2);
			*next = cp + room;
			return 0;
		}
		rc__ob_puts(c->ob, " spi=");
		if (!rc__ike_raw(s, cp, spi_size)) {
			rc__ike_trunc(s, 2);
			return 0;
		}
		cp += spi_size;
		room -= spi_size;
	}
	struct subs u = { 3, "p", depth };
	return v2_subs(s, &u, cp, room, next);
}

/* Security Association (RFC 7296 3.3): its proposals. */
static int v2_sa(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)proto;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 4, "sa"))
		return 0;
	rc__ob_printf(c->ob, " len=%u", item_len - 4);
	struct subs u = { 2, rc__ike_npstr(s, tpay, 1), depth };
	return v2_subs(s, &u, ext + 4, item_len - 4, next);
}

/* Key Exchange (RFC 7296 3.4): the D-H group, -vvv the data. */
static int v2_ke(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 8, NULL))
		return 0;
	*next = ext + item_len;
	if (item_len < 8) { /* tcpdump 4.99 checks this one payload's length */
		rc__ob_printf(c->ob, " len=%u < 8", item_len);
		return 0;
	}
	rc__ob_printf(c->ob, " len=%u group=%s", item_len - 8,
		      rc__ike_name(s, rc__ike_dh_names, 19, rc__be16(ext + 4), 0));
	if (c->o->vflag > 2 && item_len > 8) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__ike_raw(s, ext + 8, item_len - 8)) {
			rc__ike_trunc(s, tpay);
			*next = NULL;
		}
	}
	return 0;
}

/* Identification (RFC 7296 3.5): names as text, the rest in hex. */
static int v2_id(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	static const char *const kinds[] = { NULL,    "ipv4:", "fqdn:", "rfc822:", NULL, "ipv6:",
					     NULL,    NULL,    NULL,    "dn:",	   "gn:", "keyid:" };
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 8, NULL))
		return 0;
	if (!len_and_hex(s, ext, item_len)) {
		rc__ike_trunc(s, tpay);
		return 0;
	}
	unsigned type = ext[4];
	uint32_t dlen = item_len - 8; /* wraps below 8, as tcpdump's does */
	if (type < NELEM(kinds) && kinds[type]) {
		rc__ob_printf(c->ob, " %s", kinds[type]);
		if (!rc__have(c, ext + 8, dlen)) {
			rc__ike_trunc(s, tpay);
			return 0;
		}
		for (uint32_t i = 0; i < dlen; i++) {
			uint8_t ch = ext[8 + i];
			if (type == 2 || type == 3)
				rc__ob_putc(c->ob, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
			else
				rc__ob_printf(c->ob, "%02x", ch);
		}
	}
	*next = ext + item_len;
	return 0;
}

/* AUTH's and nonce's data from offset off: -vv all of it in hex inside
 * label's parentheses, -v some of it up to the snapend. */
static int v2_data(rc__ike *s, uint8_t tpay, const char *label, const uint8_t *ext, uint32_t off,
		   uint32_t item_len, const uint8_t **next)
{
	rc__ob *ob = s->c->ob;
	*next = NULL;
	if (s->c->o->vflag > 1) {
		rc__ob_puts(ob, label);
		if (!rc__ike_raw(s, ext + off, item_len - off)) {
			rc__ike_trunc(s, tpay);
			return 0;
		}
		rc__ob_puts(ob, ") ");
	} else {
		rc__ike_somedata(s, ext + off);
	}
	*next = ext + item_len;
	return 0;
}

/* Authentication (RFC 7296 3.8): -v some of the data, -vv all of it. */
static int v2_auth(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		   uint32_t proto, int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	static const char *const methods[] = { "invalid", "rsasig", "shared-secret", "dsssig" };
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 8, NULL))
		return 0;
	rc__ob_printf(c->ob, " len=%u method=%s", item_len - 4,
		      rc__ike_name(s, methods, NELEM(methods), ext[4], 0));
	return v2_data(s, tpay, " authdata=(", ext, 8, item_len, next);
}

static int v2_nonce(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		    uint32_t proto, int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 4, "nonce"))
		return 0;
	rc__ob_printf(c->ob, " len=%d", (int)item_len - 4);
	return v2_data(s, tpay, " nonce=(", ext, 4, item_len, next);
}

/* Notify message types tcpdump 4.99 names, and whether it shows the SPI
 * (RFC 7296 3.10.1); others are named by range and show it. */
static const struct {
	uint16_t type;
	uint8_t showspi;
	const char *name;
} notify_names[] = {
	{ 1, 0, "unsupported_critical_payload" },
	{ 4, 1, "invalid_ike_spi" },
	{ 5, 0, "invalid_major_version" },
	{ 7, 1, "invalid_syntax" },
	{ 9, 1, "invalid_message_id" },
	{ 11, 1, "invalid_spi" },
	{ 14, 1, "no_protocol_chosen" },
	{ 17, 1, "invalid_ke_payload" },
	{ 24, 1, "authentication_failed" },
	{ 34, 1, "single_pair_required" },
	{ 35, 0, "no_additional_sas" },
	{ 36, 0, "internal_address_failure" },
	{ 37, 0, "failed:cp_required" },
	{ 39, 0, "invalid_selectors" },
	{ 16384, 0, "initial_contact" },
	{ 16385, 0, "set_window_size" },
	{ 16386, 0, "additional_ts_possible" },
	{ 16387, 0, "ipcomp_supported" },
	{ 16388, 1, "nat_detection_source_ip" },
	{ 16389, 1, "nat_detection_destination_ip" },
	{ 16390, 1, "cookie" },
	{ 16391, 0, "use_transport_mode" },
	{ 16392, 0, "http_cert_lookup_supported" },
	{ 16393, 1, "rekey_sa" },
	{ 16394, 0, "tfc_padding_not_supported" },
	{ 16395, 0, "non_first_fragment_also" },
};

static const char *notify_name(unsigned type, int *showspi)
{
	for (size_t i = 0; i < NELEM(notify_names); i++) {
		if (notify_names[i].type == type) {
			*showspi = notify_names[i].showspi;
			return notify_names[i].name;
		}
	}
	*showspi = 1;
	if (type < 8192)
		return "error";
	if (type < 16384)
		return "private-error";
	return type < 40960 ? "status" : "private-status";
}

/* Notify (RFC 7296 3.10): the data (to the snapend) only for a cookie,
 * or with -vvvv. */
static int v2_n(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)tpay, (void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, 11, ext, 8, "n"))
		return 0;
	unsigned spi_size = ext[5], type = rc__be16(ext + 6);
	int showspi;
	const char *name = notify_name(type, &showspi);
	rc__ob_printf(c->ob, " prot_id=%s type=%u(%s)",
		      rc__ike_name(s, rc__ike_protoid_names, 5, ext[4], 0), type, name);
	if (showspi && spi_size) {
		rc__ob_puts(c->ob, " spi=");
		if (!rc__ike_raw(s, ext + 8, spi_size)) {
			rc__ike_trunc(s, 11);
			return 0;
		}
	}
	const uint8_t *cp = ext + 8 + spi_size;
	int cookie = type == 16390;
	if (cp < s->ep) {
		if (c->o->vflag > 3 || (cookie && s->ep - cp < 30)) {
			rc__ob_puts(c->ob, " data=(");
			if (!rc__ike_raw(s, cp, (uint32_t)(s->ep - cp))) {
				rc__ike_trunc(s, 11);
				return 0;
			}
			rc__ob_putc(c->ob, ')');
		} else if (cookie) {
			rc__ike_somedata(s, cp);
		}
	}
	*next = ext + item_len;
	return 0;
}

/* Vendor ID: the ID as text, -vvv also in hex. */
static int v2_vid(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		  uint32_t proto, int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 4, NULL))
		return 0;
	uint32_t len = item_len - 4;
	rc__ob_printf(c->ob, " len=%u vid=", len);
	if (!rc__have(c, ext + 4, len)) {
		rc__ike_trunc(s, tpay);
		return 0;
	}
	for (uint32_t i = 0; i < len; i++) {
		uint8_t ch = ext[4 + i];
		rc__ob_putc(c->ob, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
	}
	if (c->o->vflag > 2 && len > 4) {
		rc__ob_putc(c->ob, ' ');
		rc__ike_raw(s, ext + 4, len);
	}
	*next = ext + item_len;
	return 0;
}

/* Encrypted (RFC 7296 3.14): its length (-vvv the data); it ends the
 * chain whether or not all of it was captured. */
static int v2_e(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v2_head(s, tpay, ext, 4, NULL))
		return 0;
	uint32_t dlen = item_len - 4;
	rc__ob_printf(c->ob, " len=%u", dlen);
	if (c->o->vflag > 2 && dlen > 4) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__ike_raw(s, ext + 4, dlen)) {
			rc__ike_trunc(s, tpay);
			return 0;
		}
	}
	if (!rc__have(c, ext + 4, dlen))
		rc__ike_trunc(s, tpay);
	return 0;
}

rc__ike_fn rc__ike_v2_fn(unsigned np, int v2)
{
	static const rc__ike_fn fns[16] = {
		v2_sa,	 v2_ke,	 v2_id,	 v2_id,	 v2_gen, v2_gen, v2_auth, v2_nonce,
		v2_n,	 v2_gen, v2_vid, v2_gen, v2_gen, NULL,	 v2_gen,  v2_gen,
	};
	if (np == 46)
		return v2 ? v2_e : NULL;
	return np >= 33 && np <= 48 ? fns[np - 33] : NULL;
}

/*
 * print_isakmp.c - ISAKMP (RFC 2408) with the IPsec DOI (RFC 2407) and
 * IKEv1 (RFC 2409), as tcpdump 4.99 print-isakmp.c prints it, on UDP 500,
 * 7500 and 8500 and inside RFC 3948 UDP encapsulation on 4500; IKEv2's
 * payloads are in print_ikev2.c.
 *
 *   header: 0 initiator cookie(8)  8 responder cookie(8)  16 next payload
 *           17 version (major<<4 | minor)  18 exchange type  19 flags
 *           20 message ID(4)  24 length(4)  28 payloads ...
 *
 * tcpdump prints the payloads only with -v, one per line, nested ones
 * (proposals, transforms) indented four spaces a level.  Where a payload's
 * lengths lie it follows them as tcpdump does, including the places where
 * its printers go on from a pointer other than the payload's end (a
 * transform's attributes, a delete's SPIs, a non-IPsec notify).
 */
#include <stdio.h>
#include <string.h>

#include "print_isakmp.h"

static const char *const npstr[] = {
	"none",  "sa",     "p",       "t",     "ke",    "id",    "cert",  "cr",    "hash",
	"sig",   "nonce",  "n",       "d",     "vid",   "pay14", "pay15", "pay16", "pay17",
	"pay18", "pay19",  "pay20",   "pay21", "pay22", "pay23", "pay24", "pay25", "pay26",
	"pay27", "pay28",  "pay29",   "pay30", "pay31", "pay32", "v2sa",  "v2ke",  "v2IDi",
	"v2IDr", "v2cert", "v2cr",    "v2auth", "v2nonce", "v2n", "v2d",  "v2vid", "v2TSi",
	"v2TSr", "v2e",    "v2cp",    "v2eap",
};

/* Exchange types: IKEv1 (RFC 2408 4.1, RFC 2409) and IKEv2 (RFC 7296 3.1). */
static const char *const etypestr[] = {
	"none", "base", "ident", "auth", "agg", "inf", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, "oakley-quick", "oakley-newgroup", "ikev2_init",
	"ikev2_auth", "child_sa", "inf2",
};

const char *const rc__ike_protoid_names[5] = { NULL, "isakmp", "ipsec-ah", "ipsec-esp",
					       "ipcomp" };

const char *const rc__ike_dh_names[19] = {
	NULL,	      "modp768",    "modp1024",	  "EC2N 2^155", "EC2N 2^185", "modp1536",
	"iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11",
	"iana-grp12", "iana-grp13", "modp2048",	  "modp3072",	"modp4096",   "modp6144",
	"modp8192",
};

const char *const rc__ike_esp_names[13] = { NULL,	 "1des-iv64", "1des", "3des", "rc5",
					    "idea",	 "cast",      "blowfish", "3idea",
					    "1des-iv32", "rc4",	      "null", "aes" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *rc__ike_name(rc__ike *s, const char *const *tab, size_t n, unsigned x, int slot)
{
	if (x < n && tab[x])
		return tab[x];
	snprintf(s->num[slot], sizeof(s->num[slot]), "#%u", x);
	return s->num[slot];
}

const char *rc__ike_npstr(rc__ike *s, unsigned np, int slot)
{
	return rc__ike_name(s, npstr, NELEM(npstr), np, slot);
}

void rc__ike_trunc(rc__ike *s, unsigned np)
{
	rc__ob_printf(s->c->ob, " [|%s]", rc__ike_npstr(s, np, 1));
}

int rc__ike_raw(rc__ike *s, const uint8_t *p, uint32_t len)
{
	if (!rc__have(s->c, p, len))
		return 0;
	for (uint32_t i = 0; i < len; i++)
		rc__ob_printf(s->c->ob, "%02x", p[i]);
	return 1;
}

/* The head and the tail of the data up to the snapend (not the payload's
 * end: tcpdump passes it the snapend). */
void rc__ike_somedata(rc__ike *s, const uint8_t *p)
{
	size_t total = (size_t)(s->ep - p), len = total > 10 ? 10 : total;
	size_t tail_at = total >= 20 ? total - 20 : 0, elen = 20;
	if (tail_at < len) {
		tail_at = len;
		elen = total - tail_at;
	}
	rc__ob_puts(s->c->ob, " data=(");
	rc__ike_raw(s, p, (uint32_t)len);
	rc__ob_puts(s->c->ob, "...");
	if (elen)
		rc__ike_raw(s, p + tail_at, (uint32_t)elen);
	rc__ob_putc(s->c->ob, ')');
}

/* ---- data attributes (RFC 2408 3.3; RFC 2407 4.5; RFC 2409 appendix A) ---- */

struct attrmap {
	const char *type;
	unsigned nvalue;
	const char *const *value;
};

static const char *const lifetype_v[] = { NULL, "sec", "kb" };
static const char *const encmode_v[] = { NULL, "tunnel", "transport" };
static const char *const ipsec_auth_v[] = { NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed" };
static const char *const oak_enc_v[] = { NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast",
					 "aes" };
static const char *const oak_hash_v[] = { NULL,	      "md5",	    "sha1",	"tiger",
					  "sha2-256", "sha2-384", "sha2-512" };
static const char *const oak_auth_v[] = { NULL,	     "preshared", "dss", "rsa sig",
					  "rsa enc", "rsa enc revised" };
static const char *const oak_grptype_v[] = { NULL, "MODP", "ECP", "EC2N" };

static const struct attrmap ipsec_map[] = {
	{ NULL, 0, NULL },
	{ "lifetype", 3, lifetype_v },
	{ "life", 0, NULL },
	{ "group desc", 18, rc__ike_dh_names },
	{ "enc mode", 3, encmode_v },
	{ "auth", 5, ipsec_auth_v },
	{ "keylen", 0, NULL },
	{ "rounds", 0, NULL },
	{ "dictsize", 0, NULL },
	{ "privalg", 0, NULL },
};

static const struct attrmap oakley_map[] = {
	{ NULL, 0, NULL },
	{ "enc", 8, oak_enc_v },
	{ "hash", 7, oak_hash_v },
	{ "auth", 6, oak_auth_v },
	{ "group desc", 18, rc__ike_dh_names },
	{ "group type", 4, oak_grptype_v },
	{ "group prime", 0, NULL },
	{ "group gen1", 0, NULL },
	{ "group gen2", 0, NULL },
	{ "group curve A", 0, NULL },
	{ "group curve B", 0, NULL },
	{ "lifetype", 3, lifetype_v },
	{ "lifeduration", 0, NULL },
	{ "prf", 0, NULL },
	{ "keylen", 0, NULL },
	{ "field", 0, NULL },
	{ "order", 0, NULL },
};

/* IKEv2's ENCR transform names only attribute 14, key length. */
static const struct attrmap encr_map[] = {
	[14] = { "keylen", 14, NULL },
};

static const struct attrmap *attr_table(int table, size_t *n)
{
	switch (table) {
	case RC_IKE_MAP_OAKLEY:
		*n = NELEM(oakley_map);
		return oakley_map;
	case RC_IKE_MAP_IPSEC:
		*n = NELEM(ipsec_map);
		return ipsec_map;
	case RC_IKE_MAP_ENCR:
		*n = NELEM(encr_map);
		return encr_map;
	default:
		*n = 0;
		return NULL;
	}
}

/* An attribute longer than its payload prints "[|attr]" and tcpdump goes
 * on one byte past the payload's end. */
static int ike_attr(rc__ike *s, const uint8_t *p, const uint8_t *ep2, int table,
		    const uint8_t **next)
{
	rc__pctx *c = s->c;
	size_t nmap;
	const struct attrmap *map = attr_table(table, &nmap);
	*next = NULL;
	RC_NEED(c, p, 1);
	int tv = (p[0] & 0x80) != 0;
	uint32_t totlen = 4;
	if (!tv) {
		RC_NEED(c, p + 2, 2);
		totlen += rc__be16(p + 2);
	}
	if ((size_t)(ep2 - p) < totlen) {
		rc__ob_puts(c->ob, "[|attr]");
		*next = ep2 + 1;
		return 0;
	}
	RC_NEED(c, p, 2);
	unsigned t = rc__be16(p) & 0x7fff;
	const struct attrmap *m = map && t < nmap && map[t].type ? &map[t] : NULL;
	if (m)
		rc__ob_printf(c->ob, "(type=%s ", m->type);
	else
		rc__ob_printf(c->ob, "(type=#%u ", t);
	if (tv) {
		rc__ob_puts(c->ob, "value=");
		RC_NEED(c, p + 2, 2);
		unsigned v = rc__be16(p + 2);
		if (m && m->value && v < m->nvalue && m->value[v]) {
			rc__ob_puts(c->ob, m->value[v]);
		} else if (!rc__ike_raw(s, p + 2, 2)) {
			rc__ob_putc(c->ob, ')');
			return 0;
		}
	} else {
		rc__ob_printf(c->ob, "len=%u value=", totlen - 4);
		if (!rc__ike_raw(s, p + 4, totlen - 4)) {
			rc__ob_putc(c->ob, ')');
			return 0;
		}
	}
	rc__ob_putc(c->ob, ')');
	*next = p + totlen;
	return 0;
}

/* A transform's attributes after its 8-byte header (IKEv1 and IKEv2
 * alike), while both the snapend and the transform's end are ahead; "..."
 * when the snapend cuts the transform.  tcpdump goes on from the end of
 * the attributes it read. */
int rc__ike_t_attrs(rc__ike *s, const uint8_t *ext, uint32_t item_len, int table,
		    const uint8_t **next)
{
	const uint8_t *p = ext + 8, *ep2 = ext + item_len;
	*next = NULL;
	while (p < s->ep && p < ep2) {
		RC_TRY(ike_attr(s, p, ep2, table, &p));
		if (!p) {
			rc__ike_trunc(s, 3);
			return 0;
		}
	}
	if (s->ep < ep2)
		rc__ob_puts(s->c->ob, "...");
	*next = p;
	return 0;
}

/* ---- IKEv1 payloads ---- */

/* "name:" for payload type tpay; 0 after " [|name]" if its first need
 * bytes are not captured. */
static int v1_head(rc__ike *s, unsigned tpay, const uint8_t *ext, size_t need)
{
	rc__ob_printf(s->c->ob, "%s:", rc__ike_npstr(s, tpay, 0));
	if (rc__have(s->c, ext, need))
		return 1;
	rc__ike_trunc(s, tpay);
	return 0;
}

/* The payloads that are only a length and data (KE, hash, signature,
 * vendor ID): -vvv adds the data in hex. */
static int v1_opaque(rc__ike *s, uint8_t tpay, const uint8_t *ext, const char *label,
		     const uint8_t **next)
{
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 4))
		return 0;
	unsigned len = rc__be16(ext + 2);
	rc__ob_printf(c->ob, " %slen=%d", label, (int)len - 4);
	if (c->o->vflag > 2 && len > 4) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__ike_raw(s, ext + 4, len - 4)) {
			rc__ike_trunc(s, tpay);
			return 0;
		}
	}
	*next = ext + len;
	return 0;
}

static int v1_ke(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)item_len, (void)proto, (void)depth;
	return v1_opaque(s, tpay, ext, "key ", next);
}

static int v1_plain(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		    uint32_t proto, int depth, const uint8_t **next)
{
	(void)item_len, (void)proto, (void)depth;
	return v1_opaque(s, tpay, ext, "", next);
}

/* SA (RFC 2407 4.6.1): DOI, situation, then the proposals.  tcpdump takes
 * the "ident" of a situation other than identity-only from the DOI field
 * (offset 4) and starts the proposals 4 bytes later. */
static int v1_sa(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)item_len;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 12))
		return 0;
	uint32_t doi = rc__be32(ext + 4), sit = rc__be32(ext + 8);
	if (doi != 1) {
		rc__ob_printf(c->ob, " doi=%u situation=%u", doi, sit);
		*next = ext + 12;
		return 0;
	}
	rc__ob_puts(c->ob, " doi=ipsec situation=");
	int n = 0;
	if (sit & 0x01)
		rc__ob_puts(c->ob, n++ ? "+identity" : "identity");
	if (sit & 0x02)
		rc__ob_puts(c->ob, n++ ? "+secrecy" : "secrecy");
	if (sit & 0x04)
		rc__ob_puts(c->ob, n ? "+integrity" : "integrity");
	const uint8_t *np = ext + 12;
	if (sit != 0x01) {
		rc__ob_printf(c->ob, " ident=%u", rc__be32(ext + 4));
		np += 4;
	}
	if (!rc__have(c, np, 4)) {
		rc__ike_trunc(s, 1);
		return 0;
	}
	return rc__ike_chain(s, 0, 2, np, proto, depth, next);
}

/* Proposal (RFC 2408 3.5): its transforms follow the SPI. */
static int v1_p(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)item_len, (void)proto;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 8))
		return 0;
	unsigned spi_size = ext[6];
	rc__ob_printf(c->ob, " #%u protoid=%s transform=%u", ext[4],
		      rc__ike_name(s, rc__ike_protoid_names, 5, ext[5], 0), ext[7]);
	if (spi_size) {
		rc__ob_puts(c->ob, " spi=");
		if (!rc__ike_raw(s, ext + 8, spi_size)) {
			rc__ike_trunc(s, 2);
			return 0;
		}
	}
	const uint8_t *t = ext + 8 + spi_size;
	if (!rc__have(c, t, 4)) {
		rc__ike_trunc(s, 2);
		return 0;
	}
	return rc__ike_chain(s, 0, 3, t, ext[5], depth, next);
}

static const char *const ike_t_names[] = { NULL, "ike" };
static const char *const ah_t_names[] = { NULL,	      "(reserved)", "md5",     "sha",
					  "1des",     "sha2-256",   "sha2-384", "sha2-512" };
static const char *const ipcomp_t_names[] = { NULL, "oui", "deflate", "lzs" };

/* Transform (RFC 2408 3.6): the ID is named by the proposal's protocol;
 * tcpdump goes on from the end of the attributes it read. */
static int v1_t(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 8))
		return 0;
	unsigned tid = ext[5];
	const char *idstr = NULL;
	int table = RC_IKE_MAP_IPSEC;
	switch (proto) {
	case 1:
		idstr = rc__ike_name(s, ike_t_names, NELEM(ike_t_names), tid, 0);
		table = RC_IKE_MAP_OAKLEY;
		break;
	case 2:
		idstr = rc__ike_name(s, ah_t_names, NELEM(ah_t_names), tid, 0);
		break;
	case 3:
		idstr = rc__ike_name(s, rc__ike_esp_names, 13, tid, 0);
		break;
	case 4:
		idstr = rc__ike_name(s, ipcomp_t_names, NELEM(ipcomp_t_names), tid, 0);
		break;
	default:
		table = RC_IKE_MAP_NONE;
		break;
	}
	if (idstr)
		rc__ob_printf(c->ob, " #%u id=%s ", ext[4], idstr);
	else
		rc__ob_printf(c->ob, " #%u id=%u ", ext[4], tid);
	return rc__ike_t_attrs(s, ext, item_len, table, next);
}

/* ID (RFC 2407 4.6.2): tcpdump reads it with the IPsec DOI in both phases. */
static const char *const idtype_names[] = { NULL,    "IPv4",	  "FQDN",      "user FQDN",
					    "IPv4net", "IPv6",	  "IPv6net",   "IPv4range",
					    "IPv6range", "ASN1 DN", "ASN1 GN", "keyid" };

/* The identification data of a known type, or len back when tcpdump
 * prints only its length. */
static int v1_id_data(rc__ike *s, unsigned type, const uint8_t *d, int len)
{
	rc__ob *ob = s->c->ob;
	static const int need[] = { [1] = 4, [4] = 8, [5] = 16, [6] = 32, [7] = 8, [8] = 32 };
	if (type < NELEM(need) && need[type] && len < need[type]) {
		rc__ob_printf(ob, " len=%d [bad: < %d]", len, need[type]);
		return 0;
	}
	switch (type) {
	case 1:
	case 4:
	case 7:
		rc__ob_printf(ob, " len=%d ", len);
		rc__put_ip4(ob, d);
		if (type == 4)
			rc__ob_printf(ob, "/%u.%u.%u.%u", d[4], d[5], d[6], d[7]);
		if (type == 7) {
			rc__ob_putc(ob, '-');
			rc__put_ip4(ob, d + 4);
		}
		return 0;
	case 2:
	case 3:
		rc__ob_printf(ob, " len=%d ", len);
		for (int i = 0; i < len; i++)
			rc__put_char(ob, d[i]);
		return 0;
	case 5:
	case 6:
	case 8:
		rc__ob_printf(ob, " len=%d ", len);
		rc__put_ip6(ob, d);
		if (type == 6) {
			rc__ob_puts(ob, "/0x");
			for (int i = 16; i < 32; i++)
				rc__ob_printf(ob, "%02x", d[i]);
		}
		if (type == 8) {
			rc__ob_putc(ob, '-');
			rc__put_ip6(ob, d + 16);
		}
		return 0;
	default:
		return len;
	}
}

static int v1_id(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		 int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 8))
		return 0;
	const uint8_t *data = item_len > 8 ? ext + 8 : NULL;
	int len = item_len > 8 ? (int)item_len - 8 : 0;
	/* -n: the protocol as a number, as tcpdump prints it then. */
	rc__ob_printf(c->ob, " idtype=%s protoid=%u port=%u",
		      rc__ike_name(s, idtype_names, NELEM(idtype_names), ext[4], 0), ext[5],
		      rc__be16(ext + 6));
	if (len) {
		if (!rc__have(c, data, (size_t)len)) {
			rc__ike_trunc(s, 5);
			return 0;
		}
		len = v1_id_data(s, ext[4], data, len);
	}
	if (len) {
		rc__ob_printf(c->ob, " len=%d", len);
		if (c->o->vflag > 2) {
			rc__ob_putc(c->ob, ' ');
			if (!rc__ike_raw(s, data, (uint32_t)len)) {
				rc__ike_trunc(s, 5);
				return 0;
			}
		}
	}
	*next = ext + item_len;
	return 0;
}

/* CERT and CR (RFC 2408 3.9, 3.10): the encoding, -vvv the data in hex. */
static int v1_cert(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		   uint32_t proto, int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	static const char *const certstr[] = { "none",	   "pkcs7",  "pgp", "dns",
					       "x509sign", "x509ke", "kerberos", "crl",
					       "arl",	   "spki",   "x509attr" };
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 6))
		return 0;
	rc__ob_printf(c->ob, " len=%d type=%s", (int)item_len - 4,
		      rc__ike_name(s, certstr, NELEM(certstr), ext[4], 0));
	if (c->o->vflag > 2 && item_len > 4) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__ike_raw(s, ext + 4, item_len - 4)) {
			rc__ike_trunc(s, tpay);
			return 0;
		}
	}
	*next = ext + item_len;
	return 0;
}

/* Nonce: -vv shows some of the data (to the snapend), -vvv all of it. */
static int v1_nonce(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len,
		    uint32_t proto, int depth, const uint8_t **next)
{
	(void)item_len, (void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 4))
		return 0;
	unsigned len = rc__be16(ext + 2);
	rc__ob_printf(c->ob, " n len=%u", len - 4);
	if (len > 4 && c->o->vflag > 2) {
		rc__ob_putc(c->ob, ' ');
		if (!rc__ike_raw(s, ext + 4, len - 4)) {
			rc__ike_trunc(s, 10);
			return 0;
		}
	} else if (len > 4 && c->o->vflag > 1) {
		rc__ob_putc(c->ob, ' ');
		rc__ike_somedata(s, ext + 4);
	}
	*next = ext + len;
	return 0;
}

/* Notify message types (RFC 2408 3.14.1, RFC 2407 4.6.3), by range. */
static const char *const notify_error[] = {
	NULL,
	"INVALID-PAYLOAD-TYPE",
	"DOI-NOT-SUPPORTED",
	"SITUATION-NOT-SUPPORTED",
	"INVALID-COOKIE",
	"INVALID-MAJOR-VERSION",
	"INVALID-MINOR-VERSION",
	"INVALID-EXCHANGE-TYPE",
	"INVALID-FLAGS",
	"INVALID-MESSAGE-ID",
	"INVALID-PROTOCOL-ID",
	"INVALID-SPI",
	"INVALID-TRANSFORM-ID",
	"ATTRIBUTES-NOT-SUPPORTED",
	"NO-PROPOSAL-CHOSEN",
	"BAD-PROPOSAL-SYNTAX",
	"PAYLOAD-MALFORMED",
	"INVALID-KEY-INFORMATION",
	"INVALID-ID-INFORMATION",
	"INVALID-CERT-ENCODING",
	"INVALID-CERTIFICATE",
	"CERT-TYPE-UNSUPPORTED",
	"INVALID-CERT-AUTHORITY",
	"INVALID-HASH-INFORMATION",
	"AUTHENTICATION-FAILED",
	"INVALID-SIGNATURE",
	"ADDRESS-NOTIFICATION",
	"NOTIFY-SA-LIFETIME",
	"CERTIFICATE-UNAVAILABLE",
	"UNSUPPORTED-EXCHANGE-TYPE",
	"UNEQUAL-PAYLOAD-LENGTHS",
};
static const char *const ipsec_notify_error[] = { "RESERVED" };
static const char *const notify_status[] = { "CONNECTED" };
static const char *const ipsec_notify_status[] = { "RESPONDER-LIFETIME", "REPLAY-STATUS",
						   "INITIAL-CONTACT" };

/* The IPsec DOI names its own ranges; another DOI gets numbers there. */
static const char *v1_notify_name(rc__ike *s, unsigned type, int ipsec)
{
	if (type < 8192)
		return rc__ike_name(s, notify_error, NELEM(notify_error), type, 0);
	if (type < 16384)
		return ipsec ? rc__ike_name(s, ipsec_notify_error, 1, type - 8192, 0)
			     : rc__ike_name(s, NULL, 0, type, 0);
	if (type < 24576)
		return rc__ike_name(s, notify_status, 1, type - 16384, 0);
	if (ipsec && type < 32768)
		return rc__ike_name(s, ipsec_notify_status, 3, type - 24576, 0);
	return rc__ike_name(s, NULL, 0, type, 0);
}

/* The data after an IPsec notify's SPI, up to the snapend. */
static int v1_notify_data(rc__ike *s, unsigned type, const uint8_t *cp, const uint8_t *ep2)
{
	rc__pctx *c = s->c;
	if (type == 24576) { /* RESPONDER-LIFETIME: Oakley attributes */
		rc__ob_puts(c->ob, " attrs=(");
		while (cp < s->ep && cp < ep2) {
			RC_TRY(ike_attr(s, cp, ep2, RC_IKE_MAP_OAKLEY, &cp));
			if (!cp) {
				rc__ob_putc(c->ob, ')');
				rc__ike_trunc(s, 11);
				return 0;
			}
		}
		rc__ob_putc(c->ob, ')');
	} else if (type == 24577) { /* REPLAY-STATUS */
		rc__ob_puts(c->ob, " status=(");
		RC_NEED(c, cp, 4);
		rc__ob_printf(c->ob, "replay detection %sabled)", rc__be32(cp) ? "en" : "dis");
	} else if (c->o->vflag > 3) {
		rc__ob_puts(c->ob, " data=(");
		if (!rc__ike_raw(s, cp, (uint32_t)(s->ep - cp))) {
			rc__ike_trunc(s, 11);
			return 0;
		}
		rc__ob_putc(c->ob, ')');
	} else {
		rc__ike_somedata(s, cp);
	}
	return 0;
}

/* Notification (RFC 2408 3.14).  A non-IPsec one ends after its SPI. */
static int v1_n(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 12))
		return 0;
	uint32_t doi = rc__be32(ext + 4);
	unsigned pid = ext[8], spi_size = ext[9], type = rc__be16(ext + 10);
	if (doi != 1)
		rc__ob_printf(c->ob, " doi=%u proto=%u", doi, pid);
	else
		rc__ob_printf(c->ob, " doi=ipsec proto=%s",
			      rc__ike_name(s, rc__ike_protoid_names, 5, pid, 0));
	rc__ob_printf(c->ob, " type=%s", v1_notify_name(s, type, doi == 1));
	if (spi_size) {
		rc__ob_puts(c->ob, " spi=");
		if (!rc__ike_raw(s, ext + 12, spi_size)) {
			rc__ike_trunc(s, 11);
			return 0;
		}
	}
	const uint8_t *cp = ext + 12 + spi_size;
	if (doi != 1) {
		*next = cp;
		return 0;
	}
	if (cp < s->ep)
		RC_TRY(v1_notify_data(s, type, cp, ext + item_len));
	*next = ext + item_len;
	return 0;
}

/* Delete (RFC 2408 3.15): tcpdump goes on after the SPIs it printed. */
static int v1_d(rc__ike *s, uint8_t tpay, const uint8_t *ext, uint32_t item_len, uint32_t proto,
		int depth, const uint8_t **next)
{
	(void)item_len, (void)proto, (void)depth;
	rc__pctx *c = s->c;
	*next = NULL;
	if (!v1_head(s, tpay, ext, 12))
		return 0;
	uint32_t doi = rc__be32(ext + 4);
	unsigned spi_size = ext[9], nspi = rc__be16(ext + 10);
	if (doi != 1)
		rc__ob_printf(c->ob, " doi=%u proto=%u", doi, ext[8]);
	else
		rc__ob_printf(c->ob, " doi=ipsec proto=%s",
			      rc__ike_name(s, rc__ike_protoid_names, 5, ext[8], 0));
	rc__ob_printf(c->ob, " spilen=%u nspi=%u spi=", spi_size, nspi);
	const uint8_t *q = ext + 12;
	for (unsigned i = 0; i < nspi; i++, q += spi_size) {
		if (i)
			rc__ob_putc(c->ob, ',');
		if (!rc__ike_raw(s, q, spi_size)) {
			rc__ike_trunc(s, 12);
			return 0;
		}
	}
	*next = q;
	return 0;
}

rc__ike_fn rc__ike_v1_fn(unsigned np)
{
	static const rc__ike_fn fns[14] = {
		NULL, v1_sa, v1_p, v1_t, v1_ke, v1_id, v1_cert, v1_cert,
		v1_plain, v1_plain, v1_nonce, v1_n, v1_d, v1_plain,
	};
	return np < 14 ? fns[np] : NULL;
}

/* ---- payload chain ---- */

/* One payload: tcpdump stops the chain at a length of 4 or less, printing
 * nothing inside the parentheses. */
static int one_payload(rc__ike *s, int v2, unsigned np, const uint8_t *ext, uint32_t proto,
		       int depth, const uint8_t **next)
{
	uint32_t item_len = rc__be16(ext + 2);
	*next = NULL;
	if (item_len <= 4)
		return 0;
	rc__ike_fn fn = rc__ike_v1_fn(np);
	if (!fn)
		fn = rc__ike_v2_fn(np, v2);
	if (fn)
		return fn(s, (uint8_t)np, ext, item_len, proto, depth, next);
	rc__ob_puts(s->c->ob, rc__ike_npstr(s, np, 0));
	*next = ext + item_len;
	return 0;
}

int rc__ike_chain(rc__ike *s, int v2, unsigned np, const uint8_t *ext, uint32_t proto, int depth,
		  const uint8_t **next)
{
	rc__pctx *c = s->c;
	const uint8_t *cp = ext;
	while (np) {
		if (!rc__have(c, ext, 4) || !rc__have(c, ext, rc__be16(ext + 2))) {
			rc__ike_trunc(s, np);
			*next = NULL;
			return 0;
		}
		rc__ob_putc(c->ob, '\n');
		for (int i = 0; i <= depth; i++)
			rc__ob_puts(c->ob, "    ");
		rc__ob_putc(c->ob, '(');
		RC_TRY(one_payload(s, v2, np, ext, proto, depth + 1, &cp));
		rc__ob_putc(c->ob, ')');
		if (!cp)
			break;
		np = ext[0];
		ext = cp;
	}
	*next = cp;
	return 0;
}

/* ---- header ---- */

static int cookie_find(const struct rc__ike_cookies *k, const uint8_t *icookie)
{
	for (int i = 0; i < RC_IKE_COOKIES; i++)
		if (memcmp(k->e[i].icookie, icookie, 8) == 0)
			return i;
	return -1;
}

static void cookie_record(struct rc__ike_cookies *k, const uint8_t *icookie, const uint8_t *iph)
{
	unsigned v = iph[0] >> 4, n = k->next, alen = v == 6 ? 16 : 4;
	if (v != 4 && v != 6)
		return;
	k->e[n].version = (uint8_t)v;
	memcpy(k->e[n].iaddr, iph + (v == 6 ? 8 : 12), alen);
	memcpy(k->e[n].raddr, iph + (v == 6 ? 24 : 16), alen);
	memcpy(k->e[n].icookie, icookie, 8);
	k->next = (n + 1) % RC_IKE_COOKIES;
}

/* 1 if the packet's source is slot i's initiator (initiator) or responder. */
static int cookie_side(const struct rc__ike_cookies *k, int i, const uint8_t *iph, int initiator)
{
	unsigned v = iph[0] >> 4;
	if ((v != 4 && v != 6) || k->e[i].version != v)
		return 0;
	const uint8_t *src = iph + (v == 6 ? 8 : 12);
	return memcmp(src, initiator ? k->e[i].iaddr : k->e[i].raddr, v == 6 ? 16 : 4) == 0;
}

/* tcpdump's guess at the sender's role: I for a new initiator cookie with
 * a zero responder cookie (recorded), then I or R by the recorded
 * addresses, ? otherwise. */
static char ike_role(rc__ike *s, const uint8_t *iph)
{
	struct rc__ike_cookies *k = &s->c->pr->ike;
	static const uint8_t zero[8];
	int i = cookie_find(k, s->hdr);
	if (i < 0) {
		if (memcmp(s->hdr + 8, zero, 8) != 0)
			return '?';
		cookie_record(k, s->hdr, iph);
		return 'I';
	}
	if (cookie_side(k, i, iph, 1))
		return 'I';
	return cookie_side(k, i, iph, 0) ? 'R' : '?';
}

static void len_mismatch(rc__ike *s, uint32_t length)
{
	uint32_t hlen = rc__be32(s->hdr + 24);
	if (s->c->o->vflag && hlen != length)
		rc__ob_printf(s->c->ob, " (len mismatch: isakmp %u/ip %u)", hlen, length);
}

/* -v: ':' and the payloads, or only the first one's name under the E
 * flag (both versions honour IKEv1's E bit); then the lengths' agreement. */
static int ike_payloads(rc__ike *s, int v2, uint32_t length)
{
	rc__pctx *c = s->c;
	const uint8_t *h = s->hdr;
	if (c->o->vflag) {
		rc__ob_putc(c->ob, ':');
		if (h[19] & 1) {
			rc__ob_printf(c->ob, " [encrypted %s]", rc__ike_npstr(s, h[16], 0));
		} else {
			const uint8_t *next;
			RC_TRY(rc__ike_chain(s, v2, h[16], h + 28, 0, 0, &next));
		}
	}
	len_mismatch(s, length);
	return 0;
}

/* IKEv1: phase, the sender's role, exchange type, E(ncryption) and
 * C(ommit) flags. */
static int ikev1_body(rc__ike *s, uint32_t length, const uint8_t *iph)
{
	const uint8_t *h = s->hdr;
	rc__ob_printf(s->c->ob, s->phase == 1 ? " phase 1 %c %s" : " phase 2/others %c %s",
		      ike_role(s, iph), rc__ike_name(s, etypestr, NELEM(etypestr), h[18], 0));
	if (h[19])
		rc__ob_printf(s->c->ob, "[%s%s]", (h[19] & 1) ? "E" : "", (h[19] & 2) ? "C" : "");
	return ike_payloads(s, 0, length);
}

/* IKEv2 (RFC 7296 3.1): flags I(nitiator) V(ersion) R(esponse). */
static int ikev2_body(rc__ike *s, uint32_t length)
{
	const uint8_t *h = s->hdr;
	rc__ob_printf(s->c->ob, s->phase == 1 ? " parent_sa %s" : " child_sa  %s",
		      rc__ike_name(s, etypestr, NELEM(etypestr), h[18], 0));
	if (h[19])
		rc__ob_printf(s->c->ob, "[%s%s%s]", (h[19] & 0x08) ? "I" : "",
			      (h[19] & 0x10) ? "V" : "", (h[19] & 0x20) ? "R" : "");
	return ike_payloads(s, 1, length);
}

int rc__print_isakmp(rc__pctx *c, const uint8_t *bp, uint32_t length, const uint8_t *iph)
{
	c->proto = "isakmp";
	if (!rc__have(c, bp, 28))
		return rc__trunc_soft(c);
	rc__ike s = { .c = c, .hdr = bp, .ep = c->end };
	unsigned major = bp[17] >> 4, minor = bp[17] & 0x0f;
	s.phase = rc__be32(bp + 20) == 0 ? 1 : 2;
	rc__ob_puts(c->ob, "isakmp");
	if (c->o->vflag)
		rc__ob_printf(c->ob, " %u.%u msgid %08x", major, minor, rc__be32(bp + 20));
	if (c->o->vflag > 1) {
		rc__ob_puts(c->ob, " cookie ");
		rc__ike_raw(&s, bp, 8);
		rc__ob_puts(c->ob, "->");
		rc__ike_raw(&s, bp + 8, 8);
	}
	rc__ob_putc(c->ob, ':');
	if (major == 1)
		return ikev1_body(&s, length, iph);
	if (major == 2)
		return ikev2_body(&s, length);
	return 0;
}

/* RFC 3948: a one-byte 0xff keep-alive, four zero bytes (the non-ESP
 * marker) before IKE, else ESP. */
int rc__print_isakmp_natt(rc__pctx *c, const uint8_t *bp, uint32_t length, const uint8_t *iph)
{
	c->proto = "isakmp_rfc3948";
	if (length == 1) {
		RC_NEED(c, bp, 1);
		if (bp[0] == 0xff) {
			rc__ob_puts(c->ob, "isakmp-nat-keep-alive");
			return 0;
		}
	}
	if (length < 4)
		return rc__trunc_soft(c);
	RC_NEED(c, bp, 4);
	if (rc__be32(bp) == 0) {
		rc__ob_puts(c->ob, "NONESP-encap: ");
		return rc__print_isakmp(c, bp + 4, length - 4, iph);
	}
	rc__ob_puts(c->ob, "UDP-encap: ");
	return rc__print_esp(c, bp, length);
}

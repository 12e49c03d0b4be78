/*
 * print_asn1.c - BER (X.690) elements as tcpdump 4.99 print-snmp.c reads and
 * prints them: one tag-length-value at a time, with tcpdump's messages for
 * what it finds wrong ("[len5<asnlen9]", "[P/U/Boolean]", ...).
 *
 *   tag: class(2) constructed(1) number(5), number 31 = more tag bytes
 *   length: < 0x80 itself, else 0x80 | count of big-endian length bytes
 */
#include "print_asn1.h"

/* Tag names per class, as tcpdump's tables (SNMP's SMI types only).  A
 * tag number past a class's table is an error there. */
static const char *const universal_names[] = {
	"U-0",  "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes",
	"U-8",  "U-9",     "U-10",    "U-11",      "U-12",   "U-13", "U-14",  "U-15",
	"Sequence", "Set",
};
static const char *const application_names[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64",
};
static const char *const context_names[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
	"GetBulk",    "Inform",         "V2Trap",      "Report",
};
static const char *const private_names[] = {"P-0"};
static const char *const exception_names[] = {"noSuchObject", "noSuchInstance",
					      "endOfMibView"};

enum { CLASS_UNIVERSAL, CLASS_APPLICATION, CLASS_CONTEXT, CLASS_PRIVATE };
enum { U_INTEGER = 2, U_STRING = 4, U_NULL = 5, U_OID = 6, U_SEQUENCE = 16 };
enum { A_IPADDR = 0, A_COUNTER = 1, A_GAUGE = 2, A_TIMETICKS = 3, A_COUNTER64 = 6 };

static const struct {
	const char *const *names;
	unsigned n;
} classes[] = {
	{universal_names, sizeof(universal_names) / sizeof(universal_names[0])},
	{application_names, sizeof(application_names) / sizeof(application_names[0])},
	{context_names, sizeof(context_names) / sizeof(context_names[0])},
	{private_names, 1},
};

/* tcpdump's class table names every class "x" (its defineCLASS macro
 * quotes the parameter's name instead of expanding it), and messages
 * show that. */
#define CLASS_NAME "x"

/* The tag number of a multi-byte tag (X.690 8.1.2.4): 7 bits a byte while
 * the top bit is set.  tcpdump keeps it in a byte, dropping higher bits,
 * and reads each byte before checking the length. */
static int ext_tag(rc__pctx *c, const uint8_t **pp, uint32_t *len, unsigned *hdr,
		   uint8_t *id)
{
	const uint8_t *p = *pp;
	uint8_t v = 0;
	for (;;) {
		RC_NEED(c, p, 1);
		if (!(*p & 0x80))
			break;
		if (*len < 1) {
			rc__ob_puts(c->ob, "[Xtagfield?]");
			return RC_ASN1_BAD;
		}
		v = (uint8_t)((v << 7) | (*p & 0x7f));
		(*len)--, (*hdr)++, p++;
	}
	if (*len < 1) {
		rc__ob_puts(c->ob, "[Xtagfield?]");
		return RC_ASN1_BAD;
	}
	*id = (uint8_t)((v << 7) | *p);
	(*len)--, (*hdr)++, p++;
	*pp = p;
	return 0;
}

/* The length octets (X.690 8.1.3): short form, or long form with up to
 * 127 bytes, only the low 32 bits kept. */
static int read_length(rc__pctx *c, const uint8_t **pp, uint32_t *len, unsigned *hdr,
		       uint32_t *asnlen)
{
	const uint8_t *p = *pp;
	if (*len < 1) {
		rc__ob_puts(c->ob, "[no asnlen]");
		return RC_ASN1_BAD;
	}
	RC_NEED(c, p, 1);
	uint32_t v = *p++;
	(*len)--, (*hdr)++;
	if (v & 0x80) {
		uint32_t noct = v & 0x7f;
		v = 0;
		if (*len < noct) {
			rc__ob_printf(c->ob, "[asnlen? %d<%d]", (int)*len, (int)noct);
			return RC_ASN1_BAD;
		}
		if (!rc__have(c, p, noct)) {
			rc__trunc_soft(c);
			return RC_ASN1_BAD;
		}
		for (; noct; noct--, (*len)--, (*hdr)++)
			v = (v << 8) | *p++;
	}
	*asnlen = v;
	*pp = p;
	return 0;
}

/* A primitive universal element: the types SNMP messages are made of. */
static int universal_primitive(rc__pctx *c, rc__be *e)
{
	switch (e->id) {
	case U_STRING:
		e->type = RC_BE_STR;
		break;
	case U_INTEGER: {
		if (e->asnlen == 0) {
			rc__ob_puts(c->ob, "[asnlen=0]");
			return RC_ASN1_BAD;
		}
		/* two's complement, sign from the first byte; only the low
		 * 32 bits survive a longer encoding */
		uint32_t v = (e->data[0] & 0x80) ? UINT32_MAX : 0;
		for (uint32_t i = 0; i < e->asnlen; i++)
			v = (v << 8) | e->data[i];
		e->type = RC_BE_INT;
		e->integer = (int32_t)v;
		break;
	}
	case U_OID:
		e->type = RC_BE_OID;
		break;
	case U_NULL:
		e->type = RC_BE_NULL;
		break;
	default:
		e->type = RC_BE_OCTET;
		rc__ob_printf(c->ob, "[P/U/%s]", universal_names[e->id]);
		break;
	}
	return 0;
}

/* A primitive application element: the SMI's IpAddress, counters and
 * time (RFC 2578 section 7.1). */
static void application_primitive(rc__pctx *c, rc__be *e)
{
	switch (e->id) {
	case A_IPADDR:
		e->type = RC_BE_INETADDR;
		break;
	case A_COUNTER:
	case A_GAUGE:
	case A_TIMETICKS:
		e->type = RC_BE_UNS;
		for (uint32_t i = 0; i < e->asnlen; i++)
			e->uns = (e->uns << 8) + e->data[i];
		break;
	case A_COUNTER64:
		e->type = RC_BE_UNS64;
		for (uint32_t i = 0; i < e->asnlen; i++)
			e->uns64 = (e->uns64 << 8) + e->data[i];
		break;
	default:
		e->type = RC_BE_OCTET;
		rc__ob_printf(c->ob, "[P/A/%s]", application_names[e->id]);
		break;
	}
}

static int classify(rc__pctx *c, rc__be *e, unsigned cls, int constructed)
{
	if (!constructed) {
		switch (cls) {
		case CLASS_UNIVERSAL:
			return universal_primitive(c, e);
		case CLASS_APPLICATION:
			application_primitive(c, e);
			return 0;
		case CLASS_CONTEXT:
			/* RFC 3416's exceptions; tags 3-8 get no type */
			if (e->id <= 2)
				e->type = (enum rc__be_type)(RC_BE_NOSUCHOBJECT + e->id);
			return 0;
		default:
			rc__ob_printf(c->ob, "[P/%s/%s]", CLASS_NAME, private_names[e->id]);
			e->type = RC_BE_OCTET;
			return 0;
		}
	}
	if (cls == CLASS_CONTEXT) {
		e->type = RC_BE_PDU;
	} else if (cls == CLASS_UNIVERSAL && e->id == U_SEQUENCE) {
		e->type = RC_BE_SEQ;
	} else {
		e->type = RC_BE_OCTET;
		if (cls == CLASS_UNIVERSAL)
			rc__ob_printf(c->ob, "C/U/%s", universal_names[e->id]);
		else
			rc__ob_printf(c->ob, "C/%s/%s", CLASS_NAME, classes[cls].names[e->id]);
	}
	return 0;
}

int rc__asn1_parse(rc__pctx *c, const uint8_t *p, uint32_t len, rc__be *e)
{
	*e = (rc__be){.type = RC_BE_ANY};
	if (len < 1) {
		rc__ob_puts(c->ob, "[nothing to parse]");
		return RC_ASN1_BAD;
	}
	RC_NEED(c, p, 1);
	uint8_t tag = *p++;
	uint8_t id = tag & 0x1f;
	unsigned cls = tag >> 6, hdr = 1;
	int constructed = (tag & 0x20) != 0;
	len--;
	int r;
	if (id == 0x1f && (r = ext_tag(c, &p, &len, &hdr, &id)) < 0)
		return r;
	e->id = id;
	if ((r = read_length(c, &p, &len, &hdr, &e->asnlen)) < 0)
		return r;
	if (len < e->asnlen) {
		rc__ob_printf(c->ob, "[len%d<asnlen%u]", (int)len, e->asnlen);
		return RC_ASN1_BAD;
	}
	if (id >= classes[cls].n) {
		rc__ob_printf(c->ob, "[id?%c/%s/%d]", constructed ? 'C' : 'P', CLASS_NAME, id);
		return RC_ASN1_BAD;
	}
	if (!rc__have(c, p, e->asnlen)) {
		rc__trunc_soft(c);
		return RC_ASN1_BAD;
	}
	e->data = p;
	if ((r = classify(c, e, cls, constructed)) < 0)
		return r;
	return (int)(e->asnlen + hdr);
}

void rc__asn1_print_octets(rc__pctx *c, const rc__be *e)
{
	for (uint32_t i = 0; i < e->asnlen; i++)
		rc__ob_printf(c->ob, "_%.2x", e->data[i]);
}

void rc__asn1_print_string(rc__pctx *c, const rc__be *e)
{
	uint32_t i = 0;
	while (i < e->asnlen && e->data[i] >= 0x20 && e->data[i] < 0x7f)
		i++;
	if (i == e->asnlen) {
		rc__ob_putc(c->ob, '"');
		rc__ob_put(c->ob, (const char *)e->data, e->asnlen);
		rc__ob_putc(c->ob, '"');
		return;
	}
	for (i = 0; i < e->asnlen; i++)
		rc__ob_printf(c->ob, i ? "_%.2x" : "%.2x", e->data[i]);
}

/* An OID as dotted numbers (-n: no MIB names), the first sub-identifier
 * split into two (X.690 8.19.4, the first arc at most 2).  A last byte
 * with its continuation bit set is dropped, as tcpdump drops it. */
static void print_oid(rc__pctx *c, const rc__be *e)
{
	uint32_t o = 0;
	int first = 1;
	for (uint32_t i = 0; i < e->asnlen; i++) {
		o = (o << 7) + (e->data[i] & 0x7f);
		if (e->data[i] & 0x80)
			continue;
		if (first) {
			uint32_t arc = o / 40 > 2 ? 2 : o / 40;
			rc__ob_printf(c->ob, ".%u", arc);
			o -= arc * 40;
			first = 0;
		}
		rc__ob_printf(c->ob, ".%u", o);
		o = 0;
	}
}

static void print_inetaddr(rc__pctx *c, const rc__be *e)
{
	if (e->asnlen != 4)
		rc__ob_puts(c->ob, "[inetaddr len!=4]");
	for (uint32_t i = 0; i < e->asnlen; i++)
		rc__ob_printf(c->ob, i ? ".%u" : "%u", e->data[i]);
}

void rc__asn1_print(rc__pctx *c, const rc__be *e)
{
	switch (e->type) {
	case RC_BE_OCTET:
		rc__asn1_print_octets(c, e);
		break;
	case RC_BE_NULL:
		break;
	case RC_BE_OID:
		print_oid(c, e);
		break;
	case RC_BE_INT:
		rc__ob_printf(c->ob, "%d", e->integer);
		break;
	case RC_BE_UNS:
		rc__ob_printf(c->ob, "%u", e->uns);
		break;
	case RC_BE_UNS64:
		rc__ob_printf(c->ob, "%llu", (unsigned long long)e->uns64);
		break;
	case RC_BE_STR:
		rc__asn1_print_string(c, e);
		break;
	case RC_BE_SEQ:
		rc__ob_printf(c->ob, "Seq(%u)", e->asnlen);
		break;
	case RC_BE_INETADDR:
		print_inetaddr(c, e);
		break;
	case RC_BE_NOSUCHOBJECT:
	case RC_BE_NOSUCHINST:
	case RC_BE_ENDOFMIBVIEW:
		rc__ob_printf(c->ob, "[%s]", exception_names[e->type - RC_BE_NOSUCHOBJECT]);
		break;
	case RC_BE_PDU:
		rc__ob_printf(c->ob, "%s(%u)", context_names[e->id], e->asnlen);
		break;
	case RC_BE_ANY:
		rc__ob_puts(c->ob, "[BE_ANY!?]");
		break;
	}
}

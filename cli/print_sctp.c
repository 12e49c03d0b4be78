/*
 * print_sctp.c - SCTP (RFC 9260) chunk lists as tcpdump 4.99 print-sctp.c
 * prints them.
 *
 *   common header: sport(2) dport(2) vtag(4) csum(4), then chunks
 *   chunk: type(1) flags(1) len(2) body, padded to a multiple of 4
 *   DATA body: tsn(4) sid(2) sseq(2) ppid(4) payload
 *   SACK body: cum ack(4) a_rwnd(4) #gaps(2) #dups(2), start(2) end(2) per
 *              gap block, tsn(4) per duplicate
 *
 * Payloads tcpdump hands to its ForCES (ports 6704-6706, PPIDs 21-23) and
 * M3UA (PPID 3) printers are not decoded here: those DATA chunks end after
 * the PPID.
 */
#include "print.h"

/* A chunk whose length cannot hold its fields: tcpdump prints
 * "bogus chunk length N]" and stops the whole packet. */
#define SCTP_BOGUS 1

static const char *sctp_chunk_name(uint8_t id)
{
	switch (id) {
	case 0: return "DATA";
	case 1: return "INIT";
	case 2: return "INIT ACK";
	case 3: return "SACK";
	case 4: return "HB REQ";
	case 5: return "HB ACK";
	case 6: return "ABORT";
	case 7: return "SHUTDOWN";
	case 8: return "SHUTDOWN ACK";
	case 9: return "OP ERR";
	case 10: return "COOKIE ECHO";
	case 11: return "COOKIE ACK";
	case 12: return "ECN ECHO";
	case 13: return "ECN CWR";
	case 14: return "SHUTDOWN COMPLETE";
	/* tcpdump 4.99's names from the early partial reliability and
	 * reconfiguration drafts; I-DATA (64) and ASCONF ACK (0x80) unnamed. */
	case 0xc0: return "FOR CUM TSN";
	case 0xc1: return "REL CTRL";
	case 0xc2: return "REL CTRL ACK";
	default: return NULL;
	}
}

/* Payload protocol identifiers tcpdump names (IANA SCTP PPID registry). */
static const char *sctp_ppid_name(uint32_t ppid)
{
	static const char *const names[] = {
		NULL, "ISDN Q.921", "M2UA", "M3UA", "SUA", "M2PA", "V5.2", "H.248", "BICC",
		"TALI", "DUA", "ASAP", "ENRP", "H.323", "Q.IPC", "SIMCO", "DDPSC", "DDPSSC",
		"S1AP", "RUA", "HNBAP", "ForCES HP", "ForCES MP", "ForCES LP", "SBc-AP", "NBAP",
		NULL, "X2AP",
	};
	return ppid < sizeof names / sizeof names[0] ? names[ppid] : NULL;
}

/* ForCES channels (RFC 5811) by port, named after "sctp" as tcpdump does. */
static const char *sctp_forces_port(unsigned port)
{
	switch (port) {
	case 6704: return "ForCES HP";
	case 6705: return "ForCES MP";
	case 6706: return "ForCES LP";
	default: return NULL;
	}
}

static int sctp_bogus(rc__pctx *c, unsigned clen)
{
	rc__ob_printf(c->ob, "bogus chunk length %u]", clen);
	return SCTP_BOGUS;
}

/* DATA (RFC 9260 3.3.1).  With -vv the payload follows as tcpdump's default
 * print ("[Payload:" hex and ASCII "]"; only "[Payload]" where -x/-X/-q
 * suppress that), except for payloads tcpdump decodes (see the top). */
static int sctp_data(rc__pctx *c, const uint8_t *p, unsigned clen, int forces)
{
	uint8_t flags = p[1];
	if (flags & 4)
		rc__ob_puts(c->ob, "(U)");
	if (flags & 2)
		rc__ob_puts(c->ob, "(B)");
	if (flags & 1)
		rc__ob_puts(c->ob, "(E)");
	if (flags & 7)
		rc__ob_putc(c->ob, ' ');
	if (clen < 16)
		return sctp_bogus(c, clen);
	const uint8_t *body = p + 4;
	uint32_t ppid = rc__be32(body + 8);
	rc__ob_printf(c->ob, "[TSN: %u] [SID: %u] [SSEQ %u] ", rc__be32(body), rc__be16(body + 4),
		      rc__be16(body + 6));
	const char *name = sctp_ppid_name(ppid);
	if (name)
		rc__ob_printf(c->ob, "[PPID %s] ", name);
	else
		rc__ob_printf(c->ob, "[PPID 0x%x] ", ppid);
	if (clen == 16)
		return sctp_bogus(c, clen);
	forces = forces || (ppid >= 21 && ppid <= 23);
	if (forces || c->o->vflag < 2 || ppid == 3)
		return 0;
	rc__ob_puts(c->ob, "[Payload");
	if (!c->suppress_default) {
		rc__ob_putc(c->ob, ':');
		RC_TRY(rc__default_print(c, p + 16, clen - 16));
	}
	rc__ob_putc(c->ob, ']');
	return 0;
}

/* SACK (RFC 9260 3.3.4): the gap blocks (as TSNs, offsets added to the
 * cumulative ack) and duplicate TSNs, each on its own line, while the chunk
 * length lasts. */
static int sctp_sack(rc__pctx *c, const uint8_t *p, unsigned clen)
{
	if (clen < 16)
		return sctp_bogus(c, clen);
	const uint8_t *body = p + 4;
	uint32_t cum = rc__be32(body);
	unsigned ngaps = rc__be16(body + 8), ndups = rc__be16(body + 10);
	rc__ob_printf(c->ob, "[cum ack %u] [a_rwnd %u] [#gap acks %u] [#dup tsns %u] ", cum,
		      rc__be32(body + 4), ngaps, ndups);
	unsigned off = 16;
	for (unsigned i = 0; off != clen && i < ngaps; i++, off += 4) {
		if (clen - off < 4)
			return sctp_bogus(c, clen);
		rc__ob_printf(c->ob, "\n\t\t[gap ack block #%u: start = %u, end = %u] ", i + 1,
			      cum + rc__be16(p + off), cum + rc__be16(p + off + 2));
	}
	for (unsigned i = 0; off != clen && i < ndups; i++, off += 4) {
		if (clen - off < 4)
			return sctp_bogus(c, clen);
		rc__ob_printf(c->ob, "\n\t\t[dup TSN #%u: %u] ", i + 1, rc__be32(p + off));
	}
	return 0;
}

/* INIT and INIT ACK (RFC 9260 3.3.2, 3.3.3); parameters are not printed. */
static int sctp_init(rc__pctx *c, const uint8_t *p, unsigned clen)
{
	if (clen < 20)
		return sctp_bogus(c, clen);
	const uint8_t *body = p + 4;
	rc__ob_printf(c->ob, "[init tag: %u] [rwnd: %u] [OS: %u] [MIS: %u] [init TSN: %u] ",
		      rc__be32(body), rc__be32(body + 4), rc__be16(body + 8), rc__be16(body + 10),
		      rc__be32(body + 12));
	return 0;
}

/* One chunk, all captured (clen bytes at p): its name and details. */
static int sctp_chunk(rc__pctx *c, const uint8_t *p, unsigned clen, int forces)
{
	const char *name = sctp_chunk_name(p[0]);
	if (name)
		rc__ob_printf(c->ob, "[%s] ", name);
	else
		rc__ob_printf(c->ob, "[Unknown chunk type: 0x%x] ", p[0]);
	switch (p[0]) {
	case 0:
		return sctp_data(c, p, clen, forces);
	case 1:
	case 2:
		return sctp_init(c, p, clen);
	case 3:
		return sctp_sack(c, p, clen);
	default:
		return 0;
	}
}

static void sctp_addrs(rc__pctx *c, const uint8_t *bp, const uint8_t *iph)
{
	int v6 = (iph[0] >> 4) == 6;
	if (v6)
		rc__put_ip6(c->ob, iph + 8);
	else
		rc__put_ip4(c->ob, iph + 12);
	rc__ob_printf(c->ob, ".%u > ", rc__be16(bp));
	if (v6)
		rc__put_ip6(c->ob, iph + 24);
	else
		rc__put_ip4(c->ob, iph + 16);
	rc__ob_printf(c->ob, ".%u: sctp", rc__be16(bp + 2));
}

int rc__print_sctp(rc__pctx *c, const uint8_t *bp, uint32_t length, const uint8_t *iph)
{
	c->proto = "sctp";
	if (length < 12) {
		rc__ob_printf(c->ob, "truncated-sctp - %u bytes missing!", 12 - length);
		return 0;
	}
	RC_NEED_SOFT(c, bp, 12);
	sctp_addrs(c, bp, iph);
	int forces = 0;
	for (int i = 0; i < 2; i++) {
		const char *ch = sctp_forces_port(rc__be16(bp + 2 * i));
		if (ch) {
			rc__ob_printf(c->ob, "[%s]", ch);
			forces = 1;
		}
	}
	const uint8_t *p = bp + 12;
	uint32_t remaining = length - 12;
	const char *sep = c->o->vflag >= 2 ? "\n\t" : " (";
	for (unsigned count = 1; remaining != 0; count++) {
		if (remaining < 4) {
			rc__ob_printf(c->ob, "%s%u) [chunk descriptor cut off at end of packet]", sep, count);
			break;
		}
		RC_NEED_SOFT(c, p, 4);
		unsigned clen = rc__be16(p + 2);
		if (clen < 4) {
			rc__ob_printf(c->ob, "%s%u) [Bad chunk length %u, < size of chunk descriptor]", sep,
				      count, clen);
			break;
		}
		unsigned align = clen % 4 ? 4 - clen % 4 : 0;
		if (remaining < align) {
			rc__ob_printf(c->ob, "%s%u) [Bad chunk length %u, > remaining data in packet]", sep,
				      count, clen);
			break;
		}
		RC_NEED_SOFT(c, p, clen);
		rc__ob_printf(c->ob, "%s%u) ", sep, count);
		int r = sctp_chunk(c, p, clen, forces);
		if (r != 0)
			return r < 0 ? r : 0;
		RC_NEED_SOFT(c, p + clen, align); /* the padding must be captured too */
		unsigned step = clen + align;
		if (step > remaining)
			step = remaining;
		p += step;
		remaining -= step;
		if (c->o->vflag < 2)
			sep = ", (";
	}
	return 0;
}

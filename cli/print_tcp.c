/*
 * print_tcp.c - TCP (RFC 9293) summaries as tcpdump 4.99 print-tcp.c, with
 * its relative sequence numbers, plus the protocols tcpdump recognises by
 * port on top of TCP, tried in its order (telnet, SMTP, whois, BGP, PPTP,
 * Redis, SSH banner, FTP, HTTP and RTSP first lines, DNS, LDP).
 *
 *   0      2      4        8        12        13      14     16     18     20
 *   | sport| dport| seq    | ack    |off|rsvd | flags | win  | csum | urp  | options
 *
 * Relative sequence numbers: like tcpdump, the first packet with ACK set of a
 * conversation (or any SYN) records (seq, ack - 1) for that direction pair;
 * later packets print their numbers minus the recorded ones.  Conversations
 * are keyed by (addresses, ports) in one canonical direction.
 */
#include "print.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- conversation table ---- */

/* At most this many conversations are remembered (bounded memory); packets
 * of conversations beyond it print absolute numbers. */
#define RC_TCP_SEQ_MAX_ENTRIES (1u << 20)

struct rc__tcp_key {
	uint8_t src[16], dst[16];
	uint32_t port;
	uint8_t v6;
	uint8_t pad[3];
};

struct rc__tcp_entry {
	struct rc__tcp_key key;
	uint32_t seq, ack;
	uint32_t next; /* index + 1 of the next entry in the chain, 0 = end */
};

struct rc__tcp_seq {
	uint32_t *buckets; /* index + 1 of the chain head */
	size_t nbuckets;
	struct rc__tcp_entry *entries;
	size_t n, cap;
};

struct rc__tcp_seq *rc__tcp_seq_new(void)
{
	struct rc__tcp_seq *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->nbuckets = 4096;
	t->buckets = calloc(t->nbuckets, sizeof(*t->buckets));
	if (!t->buckets) {
		free(t);
		return NULL;
	}
	return t;
}

void rc__tcp_seq_free(struct rc__tcp_seq *t)
{
	if (!t)
		return;
	free(t->buckets);
	free(t->entries);
	free(t);
}

static uint32_t key_hash(const struct rc__tcp_key *k)
{
	const uint8_t *b = (const uint8_t *)k;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < sizeof(*k); i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

static int grow(struct rc__tcp_seq *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 256;
	struct rc__tcp_entry *ne = realloc(t->entries, ncap * sizeof(*ne));
	if (!ne)
		return -1;
	t->entries = ne;
	t->cap = ncap;
	if (t->n >= t->nbuckets) {
		size_t nb = t->nbuckets * 4;
		uint32_t *b = calloc(nb, sizeof(*b));
		if (!b)
			return 0; /* keep the old, longer chains */
		free(t->buckets);
		t->buckets = b;
		t->nbuckets = nb;
		for (size_t i = 0; i < t->n; i++) {
			uint32_t h = key_hash(&t->entries[i].key) % nb;
			t->entries[i].next = b[h];
			b[h] = (uint32_t)(i + 1);
		}
	}
	return 0;
}

/* Find the entry; if absent and create, add it.  NULL if absent/full. */
static struct rc__tcp_entry *seq_lookup(struct rc__tcp_seq *t, const struct rc__tcp_key *k,
					int create)
{
	uint32_t h = key_hash(k) % t->nbuckets;
	for (uint32_t i = t->buckets[h]; i; i = t->entries[i - 1].next)
		if (memcmp(&t->entries[i - 1].key, k, sizeof(*k)) == 0)
			return &t->entries[i - 1];
	if (!create || t->n >= RC_TCP_SEQ_MAX_ENTRIES)
		return NULL;
	if (t->n == t->cap && grow(t) != 0)
		return NULL;
	h = key_hash(k) % t->nbuckets;
	struct rc__tcp_entry *e = &t->entries[t->n];
	e->key = *k;
	e->next = t->buckets[h];
	t->buckets[h] = (uint32_t)(t->n + 1);
	t->n++;
	return e;
}

/* ---- text protocols (tcpdump print-ascii.c txtproto_print) ---- */

static int is_print(uint8_t ch)
{
	return ch >= 0x20 && ch < 0x7f;
}

/* First token at idx; returns the index after it and following blanks, or 0. */
static unsigned fetch_token(rc__pctx *c, const uint8_t *p, unsigned idx, unsigned len,
			    char *tok, size_t toklen_max)
{
	size_t n = 0;
	for (; idx < len; idx++) {
		if (!rc__have(c, p + idx, 1))
			return 0;
		uint8_t ch = p[idx];
		if (ch & 0x80)
			return 0;
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
			break;
		if (!is_print(ch))
			return 0;
		if (n + 2 > toklen_max)
			return 0;
		tok[n++] = (char)ch;
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	for (; idx < len; idx++) {
		if (!rc__have(c, p + idx, 1))
			break;
		uint8_t ch = p[idx];
		if (ch == '\r' || ch == '\n' || !is_print(ch))
			break;
		if (ch != ' ' && ch != '\t')
			break;
	}
	return idx;
}

/* Print one line with prefix; returns the next line's index, 0 if no more
 * complete line, RC_PRINT_TRUNC at the capture's end. */
static int print_txt_line(rc__pctx *c, const char *prefix, const uint8_t *p, unsigned idx,
			  unsigned len)
{
	unsigned start = idx, linelen;
	while (idx < len) {
		RC_NEED(c, p + idx, 1);
		uint8_t ch = p[idx];
		if (ch == '\n') {
			linelen = idx - start;
			idx++;
			goto print;
		} else if (ch == '\r') {
			if (idx + 1 >= len)
				return 0;
			RC_NEED(c, p + idx + 1, 1);
			if (p[idx + 1] == '\n') {
				linelen = idx - start;
				idx += 2;
				goto print;
			}
			return 0;
		} else if (!is_print(ch) && ch != '\t') {
			return 0;
		}
		idx++;
	}
	/* Printable up to the end but no line ending: tcpdump flags it. */
	rc__ob_puts(c->ob, prefix);
	rc__ob_put(c->ob, (const char *)p + start, idx - start);
	rc__trunc_soft(c);
	return 0;
print:
	rc__ob_puts(c->ob, prefix);
	rc__ob_put(c->ob, (const char *)p + start, linelen);
	return (int)idx;
}

static const char *const http_cmds[] = {
	"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT", "PATCH",
	"PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", NULL,
};

/* RTSP (RFC 2326) methods, as tcpdump print-rtsp.c lists them */
static const char *const rtsp_cmds[] = {
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN", NULL,
};

static int txtproto(rc__pctx *c, const uint8_t *p, unsigned len, const char *name,
		    const char *const *cmds, int resp_code_second)
{
	int print_this = 0;
	c->proto = name;
	if (cmds) {
		char tok[129];
		unsigned idx = fetch_token(c, p, 0, len, tok, sizeof(tok));
		if (idx != 0) {
			for (const char *const *cmd = cmds; *cmd; cmd++)
				if (strcasecmp(tok, *cmd) == 0) {
					print_this = 1;
					break;
				}
			if (resp_code_second)
				idx = fetch_token(c, p, idx, len, tok, sizeof(tok));
			if (idx != 0 && tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' &&
			    tok[1] <= '9' && tok[2] >= '0' && tok[2] <= '9' && tok[3] == '\0')
				print_this = 1;
		}
	} else {
		print_this = 1;
	}
	for (const char *q = name; *q; q++)
		rc__ob_putc(c->ob, (char)(*q >= 'a' && *q <= 'z' ? *q - 32 : *q));
	if (!print_this)
		return 0;
	if (c->o->vflag) {
		rc__ob_printf(c->ob, ", length: %u", len);
		unsigned idx = 0;
		int eol = 0;
		while (idx < len && (eol = print_txt_line(c, "\n\t", p, idx, len)) > 0)
			idx = (unsigned)eol;
		return eol < 0 ? eol : 0;
	}
	int r = print_txt_line(c, ": ", p, 0, len);
	return r < 0 ? r : 0;
}

/* SIP (RFC 3261) methods, as tcpdump print-sip.c lists them */
static const char *const sip_cmds[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS", "PRACK",
	"QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH", NULL,
};

int rc__print_sip(rc__pctx *c, const uint8_t *p, uint32_t length)
{
	return txtproto(c, p, length, "sip", sip_cmds, 1);
}

static int ssh_banner(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const char magic[] = "SSH-";
	unsigned idx;
	c->proto = "ssh";
	for (idx = 0; idx < 4; idx++) {
		RC_NEED(c, p + idx, 1);
		if (p[idx] != (uint8_t)magic[idx])
			return 0;
	}
	for (; idx < len; idx++) {
		RC_NEED(c, p + idx, 1);
		uint8_t ch = p[idx];
		if (ch == '\n')
			goto print;
		if (ch == '\r') {
			if (idx + 1 >= len)
				return 0;
			RC_NEED(c, p + idx + 1, 1);
			if (p[idx + 1] == '\n')
				goto print;
			return 0;
		}
		if (!is_print(ch))
			return 0;
	}
	return 0;
print:
	rc__ob_puts(c->ob, ": SSH: ");
	rc__ob_put(c->ob, (const char *)p, idx);
	return 0;
}

/* Data in a RST segment (RFC 1122 4.2.2.12: it may explain the reset),
 * with -v as tcpdump's print_tcp_rst_data: "!" when not all captured, "+"
 * when longer than the 30 bytes shown. */
static int rst_data(rc__pctx *c, const uint8_t *p, unsigned len)
{
	rc__ob_puts(c->ob, rc__have(c, p, len) ? " [RST" : " [!RST");
	if (len > 30) {
		len = 30;
		rc__ob_putc(c->ob, '+');
	}
	rc__ob_putc(c->ob, ' ');
	for (; len > 0 && rc__have(c, p, 1); p++, len--)
		rc__put_char(c->ob, *p);
	rc__ob_putc(c->ob, ']');
	return 0;
}

static int dns_over_tcp(rc__pctx *c, const uint8_t *p, unsigned len)
{
	c->proto = "domain";
	if (len < 2) {
		rc__ob_printf(c->ob, " [DNS over TCP: length %u < 2] (invalid)", len);
		return 0;
	}
	len -= 2;
	RC_NEED(c, p, 2);
	if (rc__be16(p) != len) {
		rc__ob_printf(c->ob, " [prefix length(%u) != length(%u)] (invalid)", rc__be16(p), len);
		return 0;
	}
	rc__ob_putc(c->ob, ' ');
	return rc__print_dns(c, p + 2, len, 0);
}

/* ---- options ---- */

static const char *tcp_opt_name(uint8_t k)
{
	switch (k) {
	case 0: return "eol";
	case 1: return "nop";
	case 2: return "mss";
	case 3: return "wscale";
	case 4: return "sackOK";
	case 5: return "sack";
	case 6: return "echo";
	case 7: return "echoreply";
	case 8: return "TS";
	case 11: return "cc";
	case 12: return "ccnew";
	case 13: return ""; /* tcpdump 4.99's table names it so */
	case 19: return "md5";
	case 20: return "scps";
	case 28: return "uto";
	case 29: return "tcp-ao";
	case 30: return "mptcp";
	case 34: return "tfo";
	case 254: return "exp";
	default: return NULL;
	}
}

/* TCP Fast Open cookie option (RFC 7413 4.1.1), as tcpdump's
 * print_tcp_fastopen_option; exp: in the experimental option. */
static void fastopen(rc__pctx *c, const uint8_t *cp, unsigned datalen, int exp)
{
	if (exp)
		rc__ob_puts(c->ob, "tfo");
	if (datalen == 0) {
		rc__ob_puts(c->ob, " cookiereq");
	} else if (datalen % 2 != 0 || datalen < 4 || datalen > 16) {
		rc__ob_puts(c->ob, " (invalid)");
	} else {
		rc__ob_puts(c->ob, " cookie ");
		for (unsigned i = 0; i < datalen; i++)
			rc__ob_x(c->ob, cp[i], 2);
	}
}

/* Returns 0, RC_PRINT_TRUNC, or 1 for "bad option" (already printed). */
static int tcp_options(rc__pctx *c, const uint8_t *cp, unsigned hlen, uint8_t flags, int rev,
		       uint32_t thseq, uint32_t thack, int data_captured)
{
	char ch = '\0';
	rc__ob_puts(c->ob, ", options [");
	while (hlen > 0) {
		unsigned len, datalen;
		if (ch)
			rc__ob_putc(c->ob, ch);
		RC_NEED(c, cp, 1);
		uint8_t opt = *cp++;
		if (opt == 0 || opt == 1) {
			len = 1;
		} else {
			RC_NEED(c, cp, 1);
			len = *cp++;
			if (len < 2 || len > hlen)
				goto bad;
			--hlen;
		}
		--hlen;
#define LENCHECK(l)                             \
	do {                                    \
		if ((l) > hlen)                 \
			goto bad;               \
		if (!rc__have(c, cp, (l)))      \
			goto trunc;             \
	} while (0)
		const char *name = tcp_opt_name(opt);
		if (name)
			rc__ob_puts(c->ob, name);
		else
			rc__ob_printf(c->ob, "unknown-%u", opt);
		switch (opt) {
		case 2:
			datalen = 2;
			LENCHECK(datalen);
			rc__ob_printf(c->ob, " %u", rc__be16(cp));
			break;
		case 3:
			datalen = 1;
			LENCHECK(datalen);
			rc__ob_printf(c->ob, " %u", cp[0]);
			break;
		case 5:
			datalen = len - 2;
			if (datalen % 8 != 0) {
				rc__ob_puts(c->ob, " invalid sack");
			} else {
				rc__ob_printf(c->ob, " %u ", datalen / 8);
				for (unsigned i = 0; i < datalen; i += 8) {
					LENCHECK(i + 8);
					uint32_t s = rc__be32(cp + i), e = rc__be32(cp + i + 4);
					if (rev) {
						s -= thseq;
						e -= thseq;
					} else {
						s -= thack;
						e -= thack;
					}
					rc__ob_printf(c->ob, "{%u:%u}", s, e);
				}
			}
			break;
		case 6:
		case 7:
		case 11:
		case 12:
		case 13:
			datalen = 4;
			LENCHECK(datalen);
			rc__ob_printf(c->ob, " %u", rc__be32(cp));
			break;
		case 8:
			datalen = 8;
			LENCHECK(datalen);
			rc__ob_printf(c->ob, " val %u ecr %u", rc__be32(cp), rc__be32(cp + 4));
			break;
		case 28: {
			datalen = 2;
			LENCHECK(datalen);
			unsigned uto = rc__be16(cp);
			rc__ob_printf(c->ob, " 0x%x", uto);
			uto = (uto & 1) ? (uto >> 1) * 60 : uto >> 1;
			rc__ob_printf(c->ob, " %u", uto);
			break;
		}
		case 0:
		case 1:
		case 4:
			datalen = 0; /* eol, nop, sackOK carry no data whatever len says */
			break;
		case 19: /* TCP MD5 signature (RFC 2385): tcpdump has no -M secret
			  * here, so it says why it cannot check */
			datalen = 16;
			LENCHECK(datalen);
			rc__ob_puts(c->ob, data_captured ? " shared secret not supplied with -M, "
							 : " snaplen too short, ");
			rc__ob_puts(c->ob, "can't check - ");
			for (unsigned i = 0; i < datalen; i++)
				rc__ob_x(c->ob, cp[i], 2);
			break;
		case 20: /* SCPS capabilities: flags and connection id */
			datalen = 2;
			LENCHECK(datalen);
			rc__ob_printf(c->ob, " cap %02x id %u", cp[0], cp[1]);
			break;
		case 29: /* TCP-AO (RFC 5925 2.2) */
			datalen = len - 2;
			if (datalen < 2) {
				rc__ob_puts(c->ob, " (invalid)");
				break;
			}
			LENCHECK(1);
			rc__ob_printf(c->ob, " keyid %u", cp[0]);
			LENCHECK(2);
			rc__ob_printf(c->ob, " rnextkeyid %u", cp[1]);
			if (datalen > 2)
				rc__ob_puts(c->ob, " mac 0x");
			for (unsigned i = 2; i < datalen; i++) {
				LENCHECK(i + 1);
				rc__ob_x(c->ob, cp[i], 2);
			}
			break;
		case 34:
			datalen = len - 2;
			LENCHECK(datalen);
			rc__ob_putc(c->ob, ' ');
			fastopen(c, cp, datalen, 0);
			break;
		case 254: /* shared experimental (RFC 6994): a 16-bit magic first */
			datalen = len - 2;
			LENCHECK(datalen);
			if (datalen < 2)
				goto bad;
			rc__ob_putc(c->ob, '-');
			if (rc__be16(cp) == 0xf989) /* TCP Fast Open, RFC 7413 */
				fastopen(c, cp + 2, datalen - 2, 1);
			else
				rc__ob_printf(c->ob, "%04x", rc__be16(cp));
			break;
		case 30: /* tcpdump checks the whole option is captured first */
			datalen = len - 2;
			LENCHECK(datalen);
			if (!rc__print_mptcp(c, cp - 2, len, flags))
				goto bad;
			break;
		default:
			datalen = len >= 2 ? len - 2 : 0;
			if (datalen)
				rc__ob_puts(c->ob, " 0x");
			for (unsigned i = 0; i < datalen; i++) {
				LENCHECK(i + 1);
				rc__ob_x(c->ob, cp[i], 2);
			}
			break;
		}
#undef LENCHECK
		cp += datalen;
		hlen -= datalen;
		datalen++;
		if (opt != 0 && opt != 1)
			datalen++;
		if (datalen != len)
			rc__ob_printf(c->ob, "[len %u]", len);
		ch = ',';
		if (opt == 0)
			break;
	}
	rc__ob_putc(c->ob, ']');
	return 0;
trunc:
	/* tcpdump's trunc label in tcp_print closes an open option list. */
	rc__trunc_soft(c);
	if (ch != '\0')
		rc__ob_putc(c->ob, '>');
	return RC_PRINT_TRUNC;
bad:
	rc__ob_puts(c->ob, "[bad opt]");
	if (ch != '\0')
		rc__ob_putc(c->ob, ']');
	return 1;
}

static int is_port(unsigned sport, unsigned dport, unsigned port)
{
	return sport == port || dport == port;
}

/* Ports tcpdump 4.99's tcp_print hands to a printer ringcap does not have:
 * such a segment ends after its length, and so later ports in tcpdump's
 * order of checks are not tried. */
static int undecoded(unsigned sport, unsigned dport, const unsigned *ports, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_port(sport, dport, ports[i]))
			return 1;
	return 0;
}

int rc__print_tcp(rc__pctx *c, const uint8_t *tp, uint32_t length, const uint8_t *iph,
		  int fragmented)
{
	int v6 = (iph[0] >> 4) == 6;
	c->proto = "tcp";
	if (!rc__have(c, tp, 4)) {
		if (v6) {
			rc__put_ip6(c->ob, iph + 8);
			rc__ob_puts(c->ob, " > ");
			rc__put_ip6(c->ob, iph + 24);
		} else {
			rc__put_ip4(c->ob, iph + 12);
			rc__ob_puts(c->ob, " > ");
			rc__put_ip4(c->ob, iph + 16);
		}
		rc__ob_putc(c->ob, ':');
		return rc__trunc_soft(c);
	}
	unsigned sport = rc__be16(tp), dport = rc__be16(tp + 2);
	if ((v6 ? iph[6] : iph[9]) == 6) {
		if (v6)
			rc__put_ip6(c->ob, iph + 8);
		else
			rc__put_ip4(c->ob, iph + 12);
		rc__ob_printf(c->ob, ".%u > ", sport);
		if (v6)
			rc__put_ip6(c->ob, iph + 24);
		else
			rc__put_ip4(c->ob, iph + 16);
		rc__ob_printf(c->ob, ".%u: ", dport);
	} else {
		rc__ob_printf(c->ob, "%u > %u: ", sport, dport);
	}
	RC_NEED_SOFT(c, tp, 20);
	unsigned hlen = (tp[12] >> 4) * 4u;
	if (hlen < 20) {
		rc__ob_printf(c->ob, " tcp %u [bad hdr length %u - too short, < 20]", length - hlen, hlen);
		return 0;
	}
	uint32_t seq = rc__be32(tp + 4), ack = rc__be32(tp + 8);
	unsigned win = rc__be16(tp + 14), urp = rc__be16(tp + 18);
	if (c->o->qflag) {
		rc__ob_printf(c->ob, "tcp %u", length - hlen);
		if (hlen > length)
			rc__ob_printf(c->ob, " [bad hdr length %u - too long, > %u]", hlen, length);
		return 0;
	}
	uint8_t flags = tp[13];
	static const char flag_chars[8] = { 'F', 'S', 'R', 'P', '.', 'U', 'E', 'W' };
	rc__ob_puts(c->ob, "Flags [");
	if (!flags)
		rc__ob_puts(c->ob, "none");
	for (int i = 0; i < 8; i++)
		if (flags & (1u << i))
			rc__ob_putc(c->ob, flag_chars[i]);
	rc__ob_putc(c->ob, ']');

	int rev = 0;
	uint32_t thseq = 0, thack = 0;
	if (!c->o->Sflag && (flags & 0x10)) {
		struct rc__tcp_key k;
		memset(&k, 0, sizeof(k));
		size_t alen = v6 ? 16 : 4;
		const uint8_t *src = v6 ? iph + 8 : iph + 12, *dst = v6 ? iph + 24 : iph + 16;
		if (sport > dport)
			rev = 1;
		else if (sport == dport && memcmp(src, dst, alen) > 0)
			rev = 1;
		if (rev) {
			memcpy(k.src, dst, alen);
			memcpy(k.dst, src, alen);
			k.port = (dport << 16) | sport;
		} else {
			memcpy(k.src, src, alen);
			memcpy(k.dst, dst, alen);
			k.port = (sport << 16) | dport;
		}
		k.v6 = (uint8_t)v6;
		struct rc__tcp_entry *e = seq_lookup(c->pr->tcp, &k, 0);
		if (!e || (flags & 0x02)) {
			if (!e)
				e = seq_lookup(c->pr->tcp, &k, 1);
			if (e) {
				if (rev) {
					e->ack = seq;
					e->seq = ack - 1;
				} else {
					e->seq = seq;
					e->ack = ack - 1;
				}
			}
		} else if (rev) {
			seq -= e->ack;
			ack -= e->seq;
		} else {
			seq -= e->seq;
			ack -= e->ack;
		}
		if (e) {
			thseq = e->seq;
			thack = e->ack;
		}
	}
	if (hlen > length) {
		rc__ob_printf(c->ob, " [bad hdr length %u - too long, > %u]", hlen, length);
		return 0;
	}
	if (c->o->vflag && !c->o->Kflag && !fragmented && rc__have(c, tp, length)) {
		uint32_t sum = rc__pseudo_sum(c, iph, 6, length);
		uint16_t res = rc__cksum_fold(rc__cksum_add(sum, tp, length));
		uint16_t tcp_sum = rc__be16(tp + 16);
		rc__ob_printf(c->ob, ", cksum 0x%04x", tcp_sum);
		if (res != 0) {
			rc__ob_printf(c->ob, " (incorrect -> 0x%04x)", rc__cksum_shouldbe(tcp_sum, res));
		} else {
			rc__ob_puts(c->ob, " (correct)");
		}
	}
	length -= hlen;
	if (c->o->vflag > 1 || length > 0 || (flags & 0x07)) {
		rc__ob_printf(c->ob, ", seq %u", seq);
		if (length > 0)
			rc__ob_printf(c->ob, ":%u", seq + length);
	}
	if (flags & 0x10)
		rc__ob_printf(c->ob, ", ack %u", ack);
	rc__ob_printf(c->ob, ", win %u", win);
	if (flags & 0x20)
		rc__ob_printf(c->ob, ", urg %u", urp);
	if (hlen > 20) {
		int r = tcp_options(c, tp + 20, hlen - 20, flags, rev, thseq, thack,
				    rc__have(c, tp + hlen, length));
		if (r != 0)
			return r < 0 ? r : 0;
	}
	rc__ob_printf(c->ob, ", length %u", length);
	if (length == 0)
		return 0;
	/* tcpdump wants the whole header captured before it looks at the
	 * payload, even when the options already stopped at an eol */
	if (!rc__have(c, tp, hlen)) {
		rc__ob_printf(c->ob, " [remaining caplen(%zu) < header length(%u)]", rc__avail(c, tp),
			      hlen);
		return rc__trunc(c);
	}

	/* in tcpdump's order: BEEP, OpenFlow; MSDP, RPKI-RTR */
	static const unsigned beep_openflow[] = {10288, 6633, 6653};
	static const unsigned msdp_rpki[] = {639, 323};
	const uint8_t *bp = tp + hlen;
	if ((flags & 0x04) && c->o->vflag)
		return rst_data(c, bp, length);
	if (is_port(sport, dport, 23))
		return rc__print_telnet(c, bp, length);
	if (is_port(sport, dport, 25)) {
		rc__ob_puts(c->ob, ": ");
		return txtproto(c, bp, length, "smtp", NULL, 0);
	}
	/* whois (RFC 3912) is plain text: tcpdump prints its first line */
	if (is_port(sport, dport, 43)) {
		rc__ob_puts(c->ob, ": ");
		return txtproto(c, bp, length, "whois", NULL, 0);
	}
	if (is_port(sport, dport, 179))
		return rc__print_bgp(c, bp, length);
	if (is_port(sport, dport, 1723))
		return rc__print_pptp(c, bp);
	if (is_port(sport, dport, 6379))
		return rc__print_resp(c, bp, length);
	if (is_port(sport, dport, 22))
		return ssh_banner(c, bp, length);
	if (undecoded(sport, dport, beep_openflow, 3))
		return 0;
	if (is_port(sport, dport, 21)) {
		rc__ob_puts(c->ob, ": ");
		return txtproto(c, bp, length, "ftp", NULL, 0);
	}
	if (is_port(sport, dport, 80) || is_port(sport, dport, 8080)) {
		rc__ob_puts(c->ob, ": ");
		return txtproto(c, bp, length, "http", http_cmds, 1);
	}
	if (is_port(sport, dport, 554) || is_port(sport, dport, 8554)) {
		rc__ob_puts(c->ob, ": ");
		return txtproto(c, bp, length, "rtsp", rtsp_cmds, 1);
	}
	if (is_port(sport, dport, 53))
		return dns_over_tcp(c, bp, length);
	if (undecoded(sport, dport, msdp_rpki, 2))
		return 0;
	if (is_port(sport, dport, 646))
		return rc__print_ldp(c, bp, length);
	return 0;
}

/*
 * offline.c - file mode of the CLI (see offline.h).
 *
 * Inputs are read in order with rc_reader batches.  A filter is compiled
 * once per link type met (a pcapng file may mix link types across its
 * interfaces) and run with rc_bpf_run_simple.  Matching packets are printed
 * through one rc__printer, counted (--count), or written with rc_writer:
 * pcap output takes the first input's link type; pcapng output gets one IDB
 * per interface of every input file, so mixed link types survive.
 *
 * pcap to pcap: a matching packet whose record in the input is byte for
 * byte the one the writer would make (rc_encoder_reuse: host byte order,
 * same precision, nothing to normalise) is not copied; adjacent ones form
 * a run of the input's own bytes that goes to write(2) from the mapping
 * (rc_writer_write_encoded).  Runs end at a packet that does not match,
 * at RC_RUN_MAX bytes, and at each batch when the reader streams (its
 * memory is reused by the next read).
 */
#include "offline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "ringcap/file.h"
#include "ringcap/filter.h"

#define RC_BATCH 64
#define RC_MAX_LINKTYPE_FILTERS 32
/* Longest run of input records handed to one write(2). */
#define RC_RUN_MAX (4u << 20)

struct compiled {
	int linktype;
	rc_bpf_prog prog;
};

struct offline {
	const struct rc__cli_opts *o;
	const char *expr;       /* NULL or all blank: no filtering */
	struct compiled filters[RC_MAX_LINKTYPE_FILTERS];
	size_t nfilters;
	uint32_t snaplen;       /* snap length the filters are compiled for */
	rc__ob out;
	rc__printer pr;
	int printing;
	int json;               /* --json instead of summaries */
	int flush_each;         /* stdout is a terminal, or -l */
	int packet_buffered;    /* -U with -w: flush after every packet */
	rc_writer *w;
	int w_linktype;
	rc_encoder *enc;        /* pcap output: for rc_encoder_reuse */
	const uint8_t *run;     /* input records waiting to be written as they are */
	size_t run_len, run_n;
	int32_t *ifmap;         /* pcapng: input interface -> output interface */
	size_t ifmap_len;
	int reading;            /* packets of some input are being read */
	long matched;
};

void rc__filter_error(FILE *out, const char *expr, const char *msg)
{
	fprintf(out, "ringcap: bad filter expression: %s\n", msg);
	const char *col = strstr(msg, "column ");
	if (!col)
		return;
	long n = strtol(col + 7, NULL, 10);
	if (n < 1 || (size_t)n > strlen(expr) + 1)
		return;
	/* The caret line copies the expression's tabs, so that it lines up
	 * wherever the terminal's tab stops are, and takes one column per
	 * UTF-8 character (continuation bytes add none). */
	fprintf(out, "  %s\n  ", expr);
	for (long i = 0; i < n - 1; i++)
		if (((unsigned char)expr[i] & 0xc0) != 0x80)
			fputc(expr[i] == '\t' ? '\t' : ' ', out);
	fputs("^\n", out);
}

static int expr_is_empty(const char *e)
{
	if (!e)
		return 1;
	for (; *e; e++)
		if (*e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
			return 0;
	return 1;
}

/* The program for linktype, compiled on first use; NULL after printing an error. */
static const rc_bpf_prog *filter_for(struct offline *s, int linktype)
{
	for (size_t i = 0; i < s->nfilters; i++)
		if (s->filters[i].linktype == linktype)
			return &s->filters[i].prog;
	if (s->nfilters == RC_MAX_LINKTYPE_FILTERS) {
		fprintf(stderr, "ringcap: more than %d link types in the input\n", RC_MAX_LINKTYPE_FILTERS);
		return NULL;
	}
	char err[RC_ERRBUF_SIZE];
	struct compiled *c = &s->filters[s->nfilters];
	/* Files are filtered here, never in the kernel, so the kernel's
	 * 4096-instruction limit does not apply: a list of 10,000 hosts works
	 * as it does with tcpdump -r. */
	rc_filter_opts fo = { .optimize = !s->o->no_optimize, .resolve_names = 1, .max_insns = RC_BPF_USER_MAXINSNS };
	/* Netmask 0, as tcpdump -r passes: `ip broadcast` matches 0.0.0.0 and
	 * 255.255.255.255. */
	if (rc_filter_compile(&c->prog, s->expr, linktype, s->snaplen, 0, &fo, err) < 0) {
		rc__filter_error(stderr, s->expr, err);
		return NULL;
	}
	c->linktype = linktype;
	s->nfilters++;
	return &c->prog;
}

void rc__print_reading(rc_reader *r, const char *path)
{
	int lt = rc_reader_linktype(r);
	const char *name = rc_linktype_name(lt), *desc = rc_linktype_description(lt);
	if (name)
		fprintf(stderr, "reading from file %s, link-type %s (%s), snapshot length %u\n",
			path, name, desc ? desc : name, rc_reader_snaplen(r));
	else
		fprintf(stderr, "reading from file %s, link-type %d, snapshot length %u\n", path, lt,
			rc_reader_snaplen(r));
	/* tcpdump's warning: the printer names the stored ifindex after an
	 * interface of this machine, not of the one that captured. */
	if (lt == RC_LINKTYPE_LINUX_SLL2)
		fprintf(stderr, "Warning: interface names might be incorrect\n");
}

static int open_writer(struct offline *s, rc_reader *r, int fmt)
{
	rc_writer_opts wo;
	char err[RC_ERRBUF_SIZE];
	memset(&wo, 0, sizeof(wo));
	wo.format = (enum rc_file_format)fmt;
	/* pcapng: every input interface becomes an IDB as packets need it. */
	wo.no_default_iface = fmt == RC_FORMAT_PCAPNG;
	wo.linktype = (uint16_t)rc_reader_linktype(r);
	wo.snaplen = rc_reader_snaplen(r);
	/* pcap: --time-stamp-precision, as tcpdump (which opens its input at
	 * that precision and writes the dump so); without it the input's, so
	 * that nanoseconds survive.  pcapng is written in ns anyway. */
	if (s->o->ts_precision_set)
		wo.ts_precision = s->o->print.ts_nano ? RC_TS_NANO : RC_TS_MICRO;
	else
		wo.ts_precision = rc_reader_ts_precision(r);
	wo.fcslen = -1;
	if (rc_writer_open(&s->w, s->o->write_path, &wo, err) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return -1;
	}
	s->w_linktype = wo.linktype;
	if (fmt == RC_FORMAT_PCAP && rc_encoder_new(&s->enc, s->w, err) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return -1;
	}
	return 0;
}

/* Write the pending run of input records; -1 on a fatal error. */
static int flush_run(struct offline *s)
{
	if (!s->run_n)
		return 0;
	int st = rc_writer_write_encoded(s->w, s->run, s->run_len, s->run_n, UINT64_MAX, NULL, NULL);
	s->run = NULL;
	s->run_len = s->run_n = 0;
	if (st < 0) {
		fprintf(stderr, "ringcap: %s\n", rc_writer_error(s->w));
		return -1;
	}
	return 0;
}

/* Add p's own record to the run when it can be written as it is: 1 if
 * added, 0 if p must be written through emit(), -1 on a fatal error. */
static int add_to_run(struct offline *s, rc_reader *r, const rc_packet *p)
{
	const void *rec;
	long k = s->enc && p->linktype == s->w_linktype ? rc_encoder_reuse(s->enc, r, p, &rec) : 0;
	if (k <= 0)
		return flush_run(s);
	if (s->run_n && ((const uint8_t *)rec != s->run + s->run_len || s->run_len >= RC_RUN_MAX) &&
	    flush_run(s) < 0)
		return -1;
	if (!s->run_n)
		s->run = rec;
	s->run_len += (size_t)k;
	s->run_n++;
	return 1;
}

/* Output interface for input interface idx of the current file (pcapng). */
static int out_iface(struct offline *s, rc_reader *r, uint32_t idx)
{
	if (idx < s->ifmap_len && s->ifmap[idx] >= 0)
		return s->ifmap[idx];
	if (idx >= s->ifmap_len) {
		size_t n = idx + 1u;
		int32_t *m = realloc(s->ifmap, n * sizeof(*m));
		if (!m)
			return -1;
		for (size_t i = s->ifmap_len; i < n; i++)
			m[i] = -1;
		s->ifmap = m;
		s->ifmap_len = n;
	}
	rc_iface_info info;
	if (rc_reader_iface(r, idx, &info) < 0)
		return -1;
	int out = rc_writer_add_iface(s->w, &info);
	if (out < 0)
		return -1;
	s->ifmap[idx] = out;
	return out;
}

/* Handle one matching packet; -1 on a fatal error. */
static int emit(struct offline *s, rc_reader *r, const rc_packet *pkt, int pcapng_out)
{
	if (s->w) {
		rc_packet copy = *pkt;
		if (pcapng_out) {
			int o = out_iface(s, r, pkt->ifindex);
			if (o < 0) {
				fprintf(stderr, "ringcap: %s: %s\n", s->o->write_path, rc_writer_error(s->w));
				return -1;
			}
			copy.ifindex = (uint32_t)o;
		} else {
			if (pkt->linktype != s->w_linktype) {
				fprintf(stderr,
					"ringcap: %s: a pcap file holds one link type (%d), this packet has %d; "
					"use --format pcapng\n",
					s->o->write_path, s->w_linktype, pkt->linktype);
				return -1;
			}
			copy.ifindex = 0;
		}
		if (rc_writer_write(s->w, &copy) < 0 ||
		    (s->packet_buffered && rc_writer_flush(s->w) < 0)) {
			fprintf(stderr, "ringcap: %s\n", rc_writer_error(s->w));
			return -1;
		}
	} else if (s->printing) {
		if (s->json) {
			rc_iface_info info;
			int named = rc_reader_iface(r, pkt->ifindex, &info) == 0 && info.name;
			rc__json_packet(&s->out, pkt, named ? info.name : NULL);
		} else {
			rc__print_packet(&s->pr, pkt);
		}
		if (s->flush_each)
			rc__ob_flush(&s->out);
		else
			rc__ob_maybe_flush(&s->out);
	}
	return 0;
}

/* Read one input; returns 0, 1 when -c was reached, or -1 on error. */
static int run_file(struct offline *s, const char *path, int *pcapng_out)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	rc_packet pkts[RC_BATCH];
	int ret = 0;

	if (rc_reader_open(&r, path, NULL, err) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return -1;
	}
	rc__print_reading(r, path);
	/* A pcapng file may describe its first interface only later, or never
	 * (a live capture that saw no packet writes no IDB): filters for such
	 * interfaces are compiled per packet link type below. */
	int lt = rc_reader_linktype(r);
	if (lt >= 0 && s->printing && !rc__print_linktype_supported(lt))
		fprintf(stderr, "ringcap: warning: link type %d is not decoded; printing lengths only\n",
			lt);
	if (s->expr) {
		/* Programs return this many bytes for a match; only 0 vs non-0 matters here. */
		if (!s->snaplen)
			s->snaplen = rc_reader_snaplen(r) ? rc_reader_snaplen(r) : 262144;
		if (lt >= 0 && !filter_for(s, lt)) {
			rc_reader_close(r);
			return -1;
		}
	}
	if (s->o->write_path && !s->w) {
		int fmt = s->o->write_format ? s->o->write_format
					     : rc__cli_format_of_name(s->o->write_path);
		if (open_writer(s, r, fmt) < 0) {
			rc_reader_close(r);
			return -1;
		}
		*pcapng_out = fmt == RC_FORMAT_PCAPNG;
	}
	s->ifmap_len = 0; /* interface numbers restart with each input file */
	s->reading = 1;

	int n;
	while ((n = rc_reader_next_batch(r, pkts, RC_BATCH)) > 0) {
		for (int i = 0; i < n; i++) {
			const rc_packet *p = &pkts[i];
			if (s->expr) {
				const rc_bpf_prog *prog = filter_for(s, p->linktype);
				if (!prog) {
					ret = -1;
					goto out;
				}
				if (rc_bpf_run_simple(prog->insns, prog->len, p->data, p->caplen, p->len) == 0)
					continue;
			}
			int queued = add_to_run(s, r, p);
			if (queued < 0 || (!queued && emit(s, r, p, *pcapng_out) < 0)) {
				ret = -1;
				goto out;
			}
			s->matched++;
			if (s->o->count_limit && s->matched >= s->o->count_limit) {
				ret = 1;
				goto out;
			}
		}
		if (!rc_reader_stable_data(r) && flush_run(s) < 0) {
			ret = -1;
			goto out;
		}
	}
	if (n != RC_EEOF) {
		/* Damage after good packets: they were printed; now say where. */
		if (s->printing)
			rc__ob_flush(&s->out);
		fprintf(stderr, "ringcap: %s\n", rc_reader_error(r));
		ret = -1;
	}
out:
	/* Packets queued before a stop (-c, damage further on) are written. */
	if (flush_run(s) < 0)
		ret = -1;
	rc_reader_close(r);
	return ret;
}

int rc__run_offline(const struct rc__cli_opts *o)
{
	struct offline s;
	char *file_expr = NULL;
	int code = RC_EXIT_OK, pcapng_out = 0;

	memset(&s, 0, sizeof(s));
	s.o = o;
	s.expr = o->filter_expr;
	if (o->filter_file) {
		file_expr = rc__cli_read_filter_file(o->filter_file);
		if (!file_expr)
			return RC_EXIT_ERROR;
		s.expr = file_expr;
	}
	if (expr_is_empty(s.expr))
		s.expr = NULL;
	s.printing = !o->write_path && !o->count_only;
	s.json = o->live.json;
	s.packet_buffered = o->live.packet_buffered;
	if (s.printing) {
		if (rc__ob_init(&s.out, STDOUT_FILENO) < 0 ||
		    rc__printer_init(&s.pr, &o->print, &s.out) < 0) {
			fprintf(stderr, "ringcap: out of memory\n");
			rc__ob_free(&s.out);
			free(file_expr);
			return RC_EXIT_ERROR;
		}
		s.flush_each = o->live.line_buffered || isatty(STDOUT_FILENO);
	}
	for (size_t i = 0; i < o->ninputs; i++) {
		int r = run_file(&s, o->inputs[i], &pcapng_out);
		if (r < 0) {
			code = RC_EXIT_ERROR;
			break;
		}
		if (r > 0)
			break;
	}
	if (s.printing) {
		if (rc__ob_flush(&s.out) < 0 && code == RC_EXIT_OK) {
			rc__ob_write_error(s.out.err);
			code = RC_EXIT_ERROR;
		}
		rc__printer_free(&s.pr);
		rc__ob_free(&s.out);
	}
	if (s.w && rc_writer_close(s.w) < 0 && code == RC_EXIT_OK) {
		fprintf(stderr, "ringcap: error closing %s\n", o->write_path);
		code = RC_EXIT_ERROR;
	}
	/* As tcpdump: no count when no input could be read (a missing file,
	 * a bad filter); damage further on keeps the packets counted so far.
	 * Write errors show at exit (rc__ob_stdio_done). */
	if (o->count_only && s.reading)
		printf("%ld packet%s\n", s.matched, s.matched == 1 ? "" : "s");
	rc_encoder_free(s.enc);
	for (size_t i = 0; i < s.nfilters; i++)
		rc_bpf_prog_free(&s.filters[i].prog);
	free(s.ifmap);
	free(file_expr);
	return code;
}

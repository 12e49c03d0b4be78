/*
 * rotate.c - the -w output file and its -C/-G/-W rotation (see rotate.h;
 * the rules follow tcpdump 4.99's dump_packet_and_trunc and MakeFilename).
 */
#include "rotate.h"

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RC_ROT_MAX_IFACES 256

/* A capture interface of the run: its IDB number in every pcapng file is
 * its index in rc__rot.map (each new file describes all of them first), so
 * a block encoded once is valid in whichever file of a rotation it lands. */
struct rot_ifmap {
	uint32_t kernel_ifindex;
	uint16_t linktype;
	int has_name;
	char name[IF_NAMESIZE + 1];
};

struct rc__rot {
	struct rc__rot_cfg cfg;
	rc_writer *w;
	rc_encoder *enc;      /* records of every file of the rotation */
	char name[PATH_MAX + 1];
	long cflag_count;     /* -C file number in the current -G period */
	long gflag_count;     /* -G rotations so far */
	int64_t gflag_time;   /* wall time (s) the current -G period began */
	struct rot_ifmap map[RC_ROT_MAX_IFACES];
	size_t nmap;
	size_t last;          /* map index of the latest lookup */
	struct rc__rot_counts counts; /* given: by every call; written: by the
				       * files closed so far */
};

/* tcpdump's getWflagChars: digits needed for the numbers 0..W-1. */
static int wflag_chars(long w)
{
	int c = 0;
	for (w -= 1; w > 0; w /= 10)
		c++;
	return c;
}

int rc__rot_make_name(char *buf, size_t len, const char *pattern, int use_strftime, int64_t t,
		      long cnt, long count_limit)
{
	char base[PATH_MAX + 1];
	if (use_strftime) {
		time_t tt = (time_t)t;
		struct tm tm;
		if (!localtime_r(&tt, &tm))
			return -1;
		size_t n = strftime(base, sizeof(base), pattern, &tm);
		if (n == 0 && *pattern)
			return -1;
	} else {
		if (strlen(pattern) >= sizeof(base))
			return -1;
		strcpy(base, pattern);
	}
	int chars = count_limit > 0 ? wflag_chars(count_limit) : 0;
	int n;
	if (cnt == 0 && chars == 0)
		n = snprintf(buf, len, "%s", base);
	else
		n = snprintf(buf, len, "%s%0*ld", base, chars, cnt);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* pcapng: the IDB of map[i] into the current file, which describes
 * map[0..i) already, so that its number there is i. */
static int describe(struct rc__rot *r, size_t i)
{
	rc_iface_info info;
	memset(&info, 0, sizeof(info));
	info.linktype = r->map[i].linktype;
	info.snaplen = r->cfg.snaplen;
	info.name = r->map[i].has_name ? r->map[i].name : NULL;
	info.filter = r->cfg.filter;
	info.fcslen = -1;
	int idb = rc_writer_add_iface(r->w, &info);
	return idb < 0 ? idb : idb == (int)i ? 0 : RC_ESTATE;
}

static int open_file(struct rc__rot *r, char *err, size_t errlen)
{
	rc_writer_opts wo;
	char e[RC_ERRBUF_SIZE];
	memset(&wo, 0, sizeof(wo));
	wo.format = (enum rc_file_format)r->cfg.format;
	wo.linktype = r->cfg.linktype;
	wo.snaplen = r->cfg.snaplen;
	wo.ts_precision = (enum rc_ts_precision)r->cfg.ts_precision;
	wo.fcslen = -1;
	/* pcapng: IDBs are added per capture interface as packets arrive. */
	wo.no_default_iface = r->cfg.format == RC_FORMAT_PCAPNG;
	/* Big writes (a syscall per 256 KiB, tcpdump's stdio makes one per
	 * 4 KiB) from a buffer small enough to stay in the CPU cache, so the
	 * kernel's copy into the page cache reads it from there; the writer
	 * thread's own buffers absorb a slow disk. */
	wo.buf_bytes = 256u << 10;
	if (rc_writer_open(&r->w, r->name, &wo, e) < 0) {
		snprintf(err, errlen, "%s", e);
		return RC_EIO;
	}
	for (size_t i = 0; i < r->nmap; i++) {
		int st = describe(r, i);
		if (st < 0) {
			snprintf(err, errlen, "%s: cannot add interface %u: %s", r->name,
				 r->map[i].kernel_ifindex, rc_writer_error(r->w));
			return st;
		}
	}
	return 0;
}

static int64_t now_sec(void)
{
	return (int64_t)time(NULL);
}

int rc__rot_open(struct rc__rot **out, const struct rc__rot_cfg *cfg, char *err, size_t errlen)
{
	*out = NULL;
	struct rc__rot *r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return RC_ENOMEM;
	}
	r->cfg = *cfg;
	r->gflag_time = now_sec();
	/* tcpdump numbers the first file only with -C (and -W). */
	if (rc__rot_make_name(r->name, sizeof(r->name), cfg->path, cfg->secs > 0, r->gflag_time, 0,
			      cfg->size_mb ? cfg->count : 0) < 0) {
		snprintf(err, errlen, "output file name '%s' is too long", cfg->path);
		free(r);
		return RC_EINVAL;
	}
	int st = open_file(r, err, errlen);
	if (st < 0) {
		free(r);
		return st;
	}
	char e[RC_ERRBUF_SIZE];
	if ((st = rc_encoder_new(&r->enc, r->w, e)) < 0) {
		snprintf(err, errlen, "%s", e);
		rc__rot_close(r, NULL, e, sizeof(e));
		return st;
	}
	*out = r;
	return 0;
}

/* Close the current file; 0 or a negative status with a message. */
static int close_file(struct rc__rot *r, char *err, size_t errlen)
{
	if (!r->w)
		return 0;
	for (size_t i = 0; r->cfg.iface_counts && i < r->nmap; i++) {
		uint64_t recv, drop;
		/* The file describes every interface of the map (open_file). */
		if (r->cfg.iface_counts(r->cfg.counts_user, r->map[i].kernel_ifindex, &recv, &drop))
			(void)rc_writer_set_iface_stats(r->w, (uint32_t)i, recv, drop);
	}
	int st = rc_writer_flush(r->w);
	if (st < 0)
		snprintf(err, errlen, "%s", rc_writer_error(r->w));
	r->counts.written += rc_writer_packets(r->w);
	int st2 = rc_writer_close(r->w);
	r->w = NULL;
	if (st == 0 && st2 < 0) {
		snprintf(err, errlen, "%s: error closing the file", r->name);
		st = st2;
	}
	return st;
}

/* Rotate before writing a packet if -G or -C says so. */
static int maybe_rotate(struct rc__rot *r, char *err, size_t errlen)
{
	const struct rc__rot_cfg *c = &r->cfg;
	if (c->secs > 0) {
		int64_t t = now_sec();
		if (t - r->gflag_time >= c->secs) {
			r->gflag_time = t;
			r->gflag_count++;
			int st = close_file(r, err, errlen);
			if (st < 0)
				return st;
			if (c->size_mb == 0 && c->count > 0 && r->gflag_count >= c->count) {
				snprintf(err, errlen, "Maximum file limit reached: %ld", c->count);
				return RC_EBREAK;
			}
			r->cflag_count = 0;
			if (rc__rot_make_name(r->name, sizeof(r->name), c->path, 1, t, 0,
					      c->size_mb ? c->count : 0) < 0) {
				snprintf(err, errlen, "output file name '%s' is too long", c->path);
				return RC_EINVAL;
			}
			return open_file(r, err, errlen);
		}
	}
	if (c->size_mb > 0 && rc_writer_offset(r->w) > (uint64_t)c->size_mb * 1000000u) {
		int st = close_file(r, err, errlen);
		if (st < 0)
			return st;
		r->cflag_count++;
		if (c->count > 0 && r->cflag_count >= c->count)
			r->cflag_count = 0;
		if (rc__rot_make_name(r->name, sizeof(r->name), c->path, c->secs > 0, r->gflag_time,
				      r->cflag_count, c->count) < 0) {
			snprintf(err, errlen, "output file name '%s' is too long", c->path);
			return RC_EINVAL;
		}
		return open_file(r, err, errlen);
	}
	return 0;
}

/* pcapng interface number of kernel ifindex k, or -1 if it is new. */
static int idb_known(struct rc__rot *r, uint32_t k)
{
	if (r->last < r->nmap && r->map[r->last].kernel_ifindex == k)
		return (int)r->last;
	for (size_t i = 0; i < r->nmap; i++)
		if (r->map[i].kernel_ifindex == k) {
			r->last = i;
			return (int)i;
		}
	return -1;
}

/* pcapng interface number of kernel ifindex k (link type lt), described
 * in the current file the first time it is seen. */
static int idb_for(struct rc__rot *r, uint32_t k, uint16_t lt)
{
	int idb = idb_known(r, k);
	if (idb >= 0)
		return idb;
	if (r->nmap == RC_ROT_MAX_IFACES)
		return RC_ELIMIT;
	struct rot_ifmap *m = &r->map[r->nmap];
	m->kernel_ifindex = k;
	m->linktype = lt;
	m->has_name = k && if_indextoname(k, m->name);
	int st = describe(r, r->nmap);
	if (st < 0)
		return st;
	r->last = r->nmap++;
	return (int)r->last;
}

/* A file is open and the -C/-G limits have been applied before a write. */
static int open_and_rotated(struct rc__rot *r, char *err, size_t errlen)
{
	if (!r->w) {
		snprintf(err, errlen, "no output file open");
		return RC_ESTATE;
	}
	return maybe_rotate(r, err, errlen);
}

/* The end of a write call of n packets with status st, done of them
 * written: all n count as given (in a file, or lost to the error), but
 * those a file limit stopped. */
static int given(struct rc__rot *r, int st, size_t n, size_t done)
{
	r->counts.given += st == RC_EBREAK ? done : n;
	return st;
}

static int write_packet(struct rc__rot *r, const rc_packet *p, char *err, size_t errlen)
{
	int st = open_and_rotated(r, err, errlen);
	if (st < 0)
		return st;
	rc_packet copy = *p;
	if (r->cfg.format == RC_FORMAT_PCAPNG) {
		int idb = idb_for(r, p->ifindex, p->linktype);
		if (idb < 0) {
			snprintf(err, errlen, "%s: cannot add interface %u: %s", r->name, p->ifindex,
				 rc_writer_error(r->w));
			return idb;
		}
		copy.ifindex = (uint32_t)idb;
	} else {
		copy.ifindex = 0;
	}
	st = rc_writer_write(r->w, &copy);
	if (st == 0 && r->cfg.packet_buffered)
		st = rc_writer_flush(r->w);
	if (st < 0) {
		snprintf(err, errlen, "%s", rc_writer_error(r->w));
		return st;
	}
	return 0;
}

int rc__rot_write(struct rc__rot *r, const rc_packet *p, char *err, size_t errlen)
{
	return given(r, write_packet(r, p, err, errlen), 1, 0);
}

/*
 * End of the run of pkts[start..n) that can be written without another
 * rotation check: tcpdump rotates before a packet once the file is larger
 * than -C, and 16 + caplen bounds each pcap record from above (the writer
 * may cut caplen to the snap length), so while that bound stays within -C
 * no check inside the run could fire.  The first packet is always in.
 */
static size_t run_end(const struct rc__rot *r, const rc_packet *pkts, size_t start, size_t n)
{
	if (r->cfg.size_mb <= 0)
		return n;
	uint64_t limit = (uint64_t)r->cfg.size_mb * 1000000u;
	uint64_t off = rc_writer_offset(r->w);
	size_t i = start;
	do
		off += 16u + pkts[i++].caplen;
	while (i < n && off <= limit);
	return i;
}

static int write_batch(struct rc__rot *r, const rc_packet *pkts, size_t n, size_t *done,
		       char *err, size_t errlen)
{
	if (r->cfg.format != RC_FORMAT_PCAP || r->cfg.packet_buffered) {
		/* pcapng maps each packet's ifindex; -U flushes each one. */
		for (; *done < n; (*done)++) {
			int st = write_packet(r, &pkts[*done], err, errlen);
			if (st < 0)
				return st;
		}
		return 0;
	}
	while (*done < n) {
		int st = open_and_rotated(r, err, errlen);
		if (st < 0)
			return st;
		/* pcap records no interface: pkts[i].ifindex is ignored. */
		for (size_t end = run_end(r, pkts, *done, n); *done < end; (*done)++) {
			st = rc_writer_write(r->w, &pkts[*done]);
			if (st < 0) {
				snprintf(err, errlen, "%s", rc_writer_error(r->w));
				return st;
			}
		}
	}
	return 0;
}

int rc__rot_write_batch(struct rc__rot *r, const rc_packet *pkts, size_t n, size_t *done,
			char *err, size_t errlen)
{
	*done = 0;
	return given(r, write_batch(r, pkts, n, done, err, errlen), n, *done);
}

const rc_encoder *rc__rot_encoder(const struct rc__rot *r)
{
	return r->enc;
}

/*
 * pcapng: the encoder put the kernel's ifindex where each block's
 * interface number goes; replace it by the run-wide IDB number, from the
 * first of the n blocks in recs[0..len) up to the next one of an interface
 * new to the run (the first block's may be new: it is described in the
 * current file now, as rc__rot_write would).  *seg_len, *seg_n: the
 * blocks renumbered.
 */
static int renumber(struct rc__rot *r, uint8_t *recs, size_t len, size_t n, uint16_t lt,
		    size_t *seg_len, size_t *seg_n, char *err, size_t errlen)
{
	size_t off = 0, i = 0, pf = 0;
	for (; i < n; i++) {
		/* Each block's length is in the block, so the walk is a chain
		 * of loads through a buffer the CPU cache no longer holds:
		 * request every line up to 4 KiB ahead, in address order, as
		 * the file reader does (src/file/source.h). */
		size_t lim = len - off > 4096 ? off + 4096 : len;
		for (; pf < lim; pf += 64)
			__builtin_prefetch(recs + pf, 1, 2);
		rc_record_info ri;
		if (rc_encoder_parse(r->enc, recs + off, len - off, &ri) < 0) {
			snprintf(err, errlen, "%s: encoded block %zu of %zu is cut short", r->name, i, n);
			return RC_EINVAL;
		}
		uint32_t ifindex = ri.iface;
		int idb = idb_known(r, ifindex);
		if (idb < 0 && i > 0)
			break;
		if (idb < 0 && (idb = idb_for(r, ifindex, lt)) < 0) {
			snprintf(err, errlen, "%s: cannot add interface %u: %s", r->name, ifindex,
				 rc_writer_error(r->w));
			return idb;
		}
		uint32_t v = (uint32_t)idb;
		memcpy(recs + off + 8, &v, 4); /* the EPB's interface id (pcapng_epb.h) */
		off += ri.rec_len;
	}
	*seg_len = off;
	*seg_n = i;
	return 0;
}

/* Write n records, recs[0..len), rotating between them as needed; *done
 * grows by each record written (also when an error stops the run). */
static int write_run(struct rc__rot *r, const uint8_t *recs, size_t len, size_t n, size_t *done,
		     char *err, size_t errlen)
{
	uint64_t limit = r->cfg.size_mb > 0 ? (uint64_t)r->cfg.size_mb * 1000000u : UINT64_MAX;
	size_t off = 0, written = 0;
	while (off < len) {
		/* After a rotation the file holds just its header, under any
		 * -C limit: every round writes at least one record. */
		int st = open_and_rotated(r, err, errlen);
		if (st < 0)
			return st;
		size_t bytes, pkts;
		st = rc_writer_write_encoded(r->w, recs + off, len - off, n - written, limit, &bytes,
					     &pkts);
		if (st == 0 && r->cfg.packet_buffered)
			st = rc_writer_flush(r->w);
		if (st < 0) {
			snprintf(err, errlen, "%s", rc_writer_error(r->w));
			return st;
		}
		off += bytes;
		written += pkts;
		*done += pkts;
	}
	return 0;
}

static int write_encoded(struct rc__rot *r, uint8_t *recs, size_t len, size_t n, uint16_t lt,
			 size_t *done, char *err, size_t errlen)
{
	size_t off = 0;
	while (*done < n) {
		size_t seg_len = len - off, seg_n = n - *done;
		int st;
		if (r->cfg.format == RC_FORMAT_PCAPNG &&
		    ((st = open_and_rotated(r, err, errlen)) < 0 ||
		     (st = renumber(r, recs + off, len - off, n - *done, lt, &seg_len, &seg_n, err,
				    errlen)) < 0))
			return st;
		if ((st = write_run(r, recs + off, seg_len, seg_n, done, err, errlen)) < 0)
			return st;
		off += seg_len;
	}
	return 0;
}

int rc__rot_write_encoded(struct rc__rot *r, uint8_t *recs, size_t len, size_t n, uint16_t lt,
			  size_t *done, char *err, size_t errlen)
{
	*done = 0;
	return given(r, write_encoded(r, recs, len, n, lt, done, err, errlen), n, *done);
}

uint64_t rc__rot_encoded_wire_bytes(const struct rc__rot *r, const uint8_t *recs, size_t len,
				    size_t n)
{
	uint64_t sum = 0;
	size_t off = 0;
	rc_record_info ri;
	for (size_t i = 0; i < n && rc_encoder_parse(r->enc, recs + off, len - off, &ri) == 0; i++) {
		sum += ri.len;
		off += ri.rec_len;
	}
	return sum;
}

int rc__rot_flush(struct rc__rot *r, char *err, size_t errlen)
{
	int st = r->w ? rc_writer_flush(r->w) : 0;
	if (st < 0)
		snprintf(err, errlen, "%s", rc_writer_error(r->w));
	return st;
}

uint64_t rc__rot_file_bytes(const struct rc__rot *r)
{
	return r && r->w ? rc_writer_offset(r->w) : 0;
}

int rc__rot_close(struct rc__rot *r, struct rc__rot_counts *counts, char *err, size_t errlen)
{
	if (counts)
		memset(counts, 0, sizeof(*counts));
	if (!r)
		return 0;
	int st = close_file(r, err, errlen);
	if (counts)
		*counts = r->counts;
	rc_encoder_free(r->enc);
	free(r);
	return st;
}

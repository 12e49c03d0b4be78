/*
 * reader.c - the public rc_reader_* API: opening (source choice and format
 * sniffing), the three reading styles, accessors and cleanup.  The parsing
 * itself is in pcap_read.c and pcapng_read.c behind rc__format_ops.
 *
 * RC_READ_AUTO and regular files.  Whether mmap or read(2) is faster
 * depends on the machine, and on how the file sits in the page cache (the
 * size of its folios, source.c), not on its format.  bench/bench_read (2,000,000
 * packets, a 1.2-1.6 GB pcap in the page cache) on this project's VMs:
 *   - one where the first touch of each mapped page costs ~1.8 us even after
 *     MAP_POPULATE / MADV_POPULATE_READ (a second touch costs nothing) while
 *     copying a cached page with read(2) costs ~0.6 us: read(2) into a 4 MiB
 *     buffer 63 ns/packet, mmap with prefaulted windows 386, a raw mmap walk
 *     452, libpcap pcap_loop 422;
 *   - Xeon ones where minor faults are cheap: mmap with the parsers'
 *     read-ahead 44-70 ns/packet, read(2) into 256 KiB 78-95, libpcap
 *     160-230;
 *   - an AMD EPYC one: mmap 84 (file in 4 KiB folios) to 40 (2 MiB
 *     folios), read(2) 52-69, libpcap 175-195.
 * So AUTO does not guess: for files of 32 MiB and more, source.c times both
 * ways on stretches spread over the file at open (mmap_probe_wins, a few ms
 * over bytes that are read anyway) and keeps the faster; smaller files are
 * mapped (zero-copy,
 * and the difference is under a few ms).  Both
 * paths deliver identical packets (tests/test_file_read_sources.c).
 */
#include "file/reader.h"

#include "file/pcap_defs.h"
#include "file/pcapng_defs.h"
#include "util/errmsg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int rc__reader_add_iface(struct rc_reader *r, uint64_t off, struct rc__iface **out)
{
	if (r->nifaces == r->ifaces_cap) {
		if (r->ifaces_cap >= RC__MAX_IFACES)
			return rc__reader_errf(r, RC_ELIMIT,
					"pcapng block at offset %llu: more than %u interfaces in the file",
					(unsigned long long)off, RC__MAX_IFACES);
		size_t cap = r->ifaces_cap ? r->ifaces_cap * 2 : 4;
		struct rc__iface *n = realloc(r->ifaces, cap * sizeof(*n));
		if (!n)
			return rc__reader_errf(r, RC_ENOMEM,
					"pcapng block at offset %llu: out of memory for %zu interfaces",
					(unsigned long long)off, cap);
		r->ifaces = n;
		r->ifaces_cap = cap;
	}
	struct rc__iface *ifc = &r->ifaces[r->nifaces++];
	memset(ifc, 0, sizeof(*ifc));
	*out = ifc;
	return 0;
}

int rc__reader_dup_string(struct rc_reader *r, const char **dst, const uint8_t *p, size_t len,
			  uint64_t off)
{
	/* Strings may carry their own NUL (some writers include it). */
	const uint8_t *z = memchr(p, 0, len);
	if (z)
		len = (size_t)(z - p);
	if (r->string_bytes + len + 1 > RC__MAX_IFACE_STRING_BYTES)
		return rc__reader_errf(r, RC_ELIMIT,
				"pcapng block at offset %llu: interface strings exceed %u bytes in total",
				(unsigned long long)off, RC__MAX_IFACE_STRING_BYTES);
	char *s = malloc(len + 1);
	if (!s)
		return rc__reader_errf(r, RC_ENOMEM, "pcapng block at offset %llu: out of memory",
				(unsigned long long)off);
	memcpy(s, p, len);
	s[len] = '\0';
	free((void *)*dst); /* a repeated option replaces the earlier one */
	*dst = s;
	r->string_bytes += len + 1;
	return 0;
}

static void reader_free(rc_reader *r, int close_fd)
{
	if (!r)
		return;
	if (r->fmt)
		r->fmt->close(r);
	int fd = r->src.fd;
	rc__source_close(&r->src);
	if (close_fd && fd >= 0)
		close(fd);
	for (size_t i = 0; i < r->nifaces; i++) {
		free((void *)r->ifaces[i].info.name);
		free((void *)r->ifaces[i].info.description);
		free((void *)r->ifaces[i].info.filter);
	}
	free(r->ifaces);
	free(r->name);
	free(r);
}

static int check_opts(const rc_reader_opts *opts, char *errbuf, rc_reader_opts *out)
{
	rc_reader_opts d = { 0 };
	if (opts)
		d = *opts;
	if (d.mode != RC_READ_AUTO && d.mode != RC_READ_MMAP && d.mode != RC_READ_STREAM)
		return rc__errf(errbuf, RC_EINVAL, "rc_reader_opts.mode %d is not a valid rc_read_mode",
				(int)d.mode);
	if (d.max_caplen == 0)
		d.max_caplen = RC_DEFAULT_MAX_CAPLEN;
	if (d.max_caplen > RC__MAX_CAPLEN_LIMIT)
		return rc__errf(errbuf, RC_EINVAL,
				"rc_reader_opts.max_caplen %u is above the limit of %u bytes",
				d.max_caplen, RC__MAX_CAPLEN_LIMIT);
	if (d.stream_buf_bytes > RC__STREAM_BUF_LIMIT)
		return rc__errf(errbuf, RC_EINVAL,
				"rc_reader_opts.stream_buf_bytes %zu is above the limit of %u bytes",
				d.stream_buf_bytes, RC__STREAM_BUF_LIMIT);
	*out = d;
	return 0;
}

/* Sniff the format and parse the file header; the source is open. */
static int reader_start(rc_reader *r)
{
	struct rc__source *s = &r->src;
	int rc = rc__source_need(s, 4);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		if (s->end == s->cur)
			return rc__reader_errf(r, RC_EFORMAT, "empty input, not a capture file");
		return rc__reader_errf(r, RC_ETRUNC, "only %zu bytes, too short for a capture file",
				       (size_t)(s->end - s->cur));
	}
	uint32_t m = rc__ld32(s->cur, 0), sm = __builtin_bswap32(m);
	if (m == RC_PCAPNG_BT_SHB)
		r->fmt = &rc__pcapng_format;
	else if (m == RC_PCAP_MAGIC_USEC || m == RC_PCAP_MAGIC_NSEC || m == RC_PCAP_MAGIC_MODIFIED ||
		 sm == RC_PCAP_MAGIC_USEC || sm == RC_PCAP_MAGIC_NSEC || sm == RC_PCAP_MAGIC_MODIFIED)
		r->fmt = &rc__pcap_format;
	else
		return rc__reader_errf(r, RC_EFORMAT,
				       "not a pcap or pcapng file (first 4 bytes 0x%08x)", sm);
	return r->fmt->open(r);
}

/* A zeroed reader for options o, with its own copy of name as messages
 * show it (src.name points there: messages are formatted long after the
 * open returned; a long path is shortened, rc__shown_name).  NULL when out
 * of memory, with the message in errbuf. */
static rc_reader *reader_alloc(const rc_reader_opts *o, const char *name, char *errbuf)
{
	char shown[RC__NAME_SHOWN + 1];
	rc__shown_name(shown, name);
	rc_reader *r = calloc(1, sizeof(*r));
	if (r && !(r->name = strdup(shown))) {
		free(r);
		r = NULL;
	}
	if (!r) {
		rc__errf(errbuf, RC_ENOMEM, "%s: out of memory", shown);
		return NULL;
	}
	r->max_caplen = o->max_caplen;
	r->src.fd = -1;
	return r;
}

/* Finish an open: on failure copy the message out and free everything. */
static int reader_finish(rc_reader **out, rc_reader *r, int rc, char *errbuf, int close_fd)
{
	if (rc < 0) {
		if (errbuf)
			memcpy(errbuf, r->err, RC_ERRBUF_SIZE);
		reader_free(r, close_fd);
		*out = NULL;
		return rc;
	}
	r->err[0] = '\0';
	*out = r;
	return 0;
}

static int open_fd(rc_reader **out, int fd, int own_fd, const char *name,
		   const rc_reader_opts *opts, char *errbuf)
{
	rc_reader_opts o;
	int rc = check_opts(opts, errbuf, &o);
	if (rc < 0)
		goto err_fd;
	rc_reader *r = reader_alloc(&o, name, errbuf);
	if (!r) {
		rc = RC_ENOMEM;
		goto err_fd;
	}
	r->own_fd = own_fd;
	r->src.fd = fd; /* so that a failure below closes it */
	name = r->name;
	struct stat st;
	if (fstat(fd, &st) != 0)
		return reader_finish(out, r,
				     rc__reader_errf(r, rc__from_errno(errno), "fstat: %s",
						     strerror(errno)),
				     errbuf, own_fd);
	int regular = S_ISREG(st.st_mode);
	if (o.mode == RC_READ_MMAP && !regular)
		return reader_finish(out, r,
				     rc__reader_errf(r, RC_ENOTSUP, "not a regular file, cannot be "
						     "mapped (use RC_READ_STREAM)"),
				     errbuf, own_fd);
	/* Both kinds read from the descriptor's position (stdin redirected from
	 * a file the shell or a previous reader has read into, a caller's
	 * lseek), so that they give the same packets. */
	off_t pos = regular ? lseek(fd, 0, SEEK_CUR) : 0;
	if (pos < 0)
		pos = 0;
	int use_mmap = regular && st.st_size > pos && o.mode != RC_READ_STREAM;
	rc = RC_ENOTSUP;
	if (use_mmap) {
		rc = rc__source_open_mmap(&r->src, fd, (uint64_t)st.st_size, (uint64_t)pos, name,
					  r->err, o.mode == RC_READ_AUTO);
		if (rc < 0 && o.mode == RC_READ_MMAP)
			return reader_finish(out, r, rc, errbuf, own_fd);
	}
	if (rc != 0) /* streaming asked for or measured faster, or mapping impossible */
		rc = rc__source_open_stream(&r->src, fd, o.stream_buf_bytes, (uint64_t)pos, name,
					    r->err);
	r->src.fd = fd;
	r->src.brk = &r->brk;
	if (rc == 0)
		rc = reader_start(r);
	return reader_finish(out, r, rc, errbuf, own_fd);
err_fd:
	if (own_fd)
		close(fd);
	*out = NULL;
	return rc;
}

int rc_reader_open(rc_reader **out, const char *path, const rc_reader_opts *opts, char *errbuf)
{
	if (!out || !path) {
		if (out)
			*out = NULL;
		return rc__errf(errbuf, RC_EINVAL, "rc_reader_open: %s is NULL", out ? "path" : "out");
	}
	if (strcmp(path, "-") == 0)
		return open_fd(out, STDIN_FILENO, 0, "stdin", opts, errbuf);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		char shown[RC__NAME_SHOWN + 1];
		rc__shown_name(shown, path);
		*out = NULL;
		return rc__errf(errbuf, rc__from_errno(err), "%s: %s", shown, strerror(err));
	}
	return open_fd(out, fd, 1, path, opts, errbuf);
}

int rc_reader_open_fd(rc_reader **out, int fd, const char *name, const rc_reader_opts *opts,
		      char *errbuf)
{
	if (!out || fd < 0) {
		if (out)
			*out = NULL;
		if (fd >= 0)
			close(fd); /* ours even on failure (file.h) */
		return rc__errf(errbuf, RC_EINVAL, "rc_reader_open_fd: %s",
				out ? "invalid descriptor" : "out is NULL");
	}
	return open_fd(out, fd, 1, name ? name : "descriptor", opts, errbuf);
}

int rc_reader_open_mem(rc_reader **out, const void *buf, size_t len, const rc_reader_opts *opts,
		       char *errbuf)
{
	rc_reader_opts o;
	if (!out || (!buf && len)) {
		if (out)
			*out = NULL;
		return rc__errf(errbuf, RC_EINVAL, "rc_reader_open_mem: %s is NULL", out ? "buf" : "out");
	}
	int rc = check_opts(opts, errbuf, &o);
	if (rc < 0) {
		*out = NULL;
		return rc;
	}
	rc_reader *r = reader_alloc(&o, "memory", errbuf);
	if (!r) {
		*out = NULL;
		return RC_ENOMEM;
	}
	rc__source_open_mem(&r->src, buf ? buf : "", len, r->err);
	return reader_finish(out, r, reader_start(r), errbuf, 0);
}

int rc_reader_open_stream(rc_reader **out, rc_read_fn fn, void *ctx, const char *name,
			  const rc_reader_opts *opts, char *errbuf)
{
	rc_reader_opts o;
	if (!out || !fn) {
		if (out)
			*out = NULL;
		return rc__errf(errbuf, RC_EINVAL, "rc_reader_open_stream: %s is NULL", out ? "fn" : "out");
	}
	*out = NULL;
	int rc = check_opts(opts, errbuf, &o);
	if (rc < 0)
		return rc;
	if (o.mode == RC_READ_MMAP)
		return rc__errf(errbuf, RC_EINVAL,
				"rc_reader_opts.mode RC_READ_MMAP: bytes from a read function cannot be "
				"mapped (use RC_READ_AUTO or RC_READ_STREAM)");
	rc_reader *r = reader_alloc(&o, name ? name : "stream", errbuf);
	if (!r)
		return RC_ENOMEM;
	rc = rc__source_open_fn(&r->src, fn, ctx, o.stream_buf_bytes, r->name, r->err);
	r->src.brk = &r->brk;
	if (rc == 0)
		rc = reader_start(r);
	return reader_finish(out, r, rc, errbuf, 0);
}

int rc__reader_open_chunked(rc_reader **out, const void *buf, size_t len, const uint8_t *sizes,
			    size_t nsizes, size_t buf_bytes, const rc_reader_opts *opts,
			    char *errbuf)
{
	rc_reader_opts o;
	int rc = check_opts(opts, errbuf, &o);
	if (rc < 0) {
		*out = NULL;
		return rc;
	}
	rc_reader *r = reader_alloc(&o, "memory stream", errbuf);
	if (!r) {
		*out = NULL;
		return RC_ENOMEM;
	}
	rc = rc__source_open_chunked(&r->src, buf, len, sizes, nsizes, buf_bytes, r->err);
	if (rc == 0)
		rc = reader_start(r);
	return reader_finish(out, r, rc, errbuf, 0);
}

/* ---- reading ---- */

int rc_reader_next_batch(rc_reader *r, rc_packet *pkts, size_t max)
{
	if (!r)
		return RC_EINVAL;
	if (!pkts)
		return rc__errf(r->err, RC_EINVAL, "rc_reader_next_batch: pkts is NULL");
	/* 0 is no return of this function (file.h: > 0, RC_EEOF or an error),
	 * and a loop `while (next_batch() > 0)` would take it for the end.
	 * rc_capture_next_batch returns 0 here because 0 is its "nothing
	 * yet" answer; a reader has no such answer. */
	if (max == 0)
		return rc__errf(r->err, RC_EINVAL, "rc_reader_next_batch: max is 0");
	if (r->qlen) {
		size_t n = r->qlen < max ? r->qlen : max;
		memcpy(pkts, &r->queue[r->qhead], n * sizeof(*pkts));
		r->qhead += n;
		r->qlen -= n;
		return (int)n;
	}
	if (r->pending)
		return r->pending;
	if (max > INT32_MAX)
		max = INT32_MAX;
	int rc = r->fmt->next_batch(r, pkts, max);
	if (rc == RC_EBREAK) /* not sticky: the next call reads on */
		r->brk = 0;
	else if (rc < 0)
		r->pending = rc;
	return rc;
}

int rc_reader_next(rc_reader *r, rc_packet *pkt)
{
	return rc_reader_next_batch(r, pkt, 1);
}

int rc_reader_loop(rc_reader *r, long count, rc_packet_cb cb, void *user)
{
	if (!r)
		return RC_EINVAL;
	if (!cb)
		return rc__errf(r->err, RC_EINVAL, "rc_reader_loop: cb is NULL");
	long done = 0;
	for (;;) {
		/* Both checks come before a refill: a loop that is done must not
		 * read on (and block on a pipe, or report damage after the
		 * count-th packet). */
		if (count > 0 && done >= count)
			return 0;
		if (r->brk) {
			r->brk = 0;
			return RC_EBREAK;
		}
		if (r->qlen == 0) {
			int n = r->pending;
			if (n == 0)
				n = r->fmt->next_batch(r, r->queue, sizeof(r->queue) / sizeof(r->queue[0]));
			if (n == RC_EBREAK) { /* a blocked read interrupted */
				r->brk = 0;
				return n;
			}
			if (n < 0) {
				r->pending = n;
				return n == RC_EEOF ? 0 : n;
			}
			r->qhead = 0;
			r->qlen = (size_t)n;
		}
		const rc_packet *pk = &r->queue[r->qhead++];
		r->qlen--;
		done++;
		int v = cb(user, pk);
		if (v)
			return v;
	}
}

void rc_reader_breakloop(rc_reader *r)
{
	if (r)
		r->brk = 1;
}

/* ---- facts ----
 * Every getter answers a NULL reader with the value file.h gives for it
 * (as the rc_writer_* getters do) instead of crashing a caller that
 * reports on a failed open. */

/* The getters take a const reader, but a refused call still leaves its
 * message: the buffer is the handle's scratch space, not part of what
 * const promises, and every reader is allocated writable (reader_alloc). */
static char *errbuf_of(const rc_reader *r)
{
	return ((rc_reader *)r)->err;
}

static const struct rc__iface *iface0(const rc_reader *r)
{
	if (!r)
		return NULL;
	return r->nifaces > r->sec_first ? &r->ifaces[r->sec_first] : NULL;
}

enum rc_file_format rc_reader_format(const rc_reader *r)
{
	return r ? r->fmt->format : (enum rc_file_format)0;
}

int rc_reader_linktype(const rc_reader *r)
{
	const struct rc__iface *i = iface0(r);
	return i ? i->info.linktype : -1;
}

uint32_t rc_reader_snaplen(const rc_reader *r)
{
	const struct rc__iface *i = iface0(r);
	return i ? i->info.snaplen : 0;
}

int rc_reader_fcs_bits(const rc_reader *r)
{
	if (!r)
		return -1;
	if (r->fmt->format == RC_FORMAT_PCAP)
		return r->fcs_bytes;
	const struct rc__iface *i = iface0(r);
	return i ? i->info.fcslen : -1;
}

enum rc_ts_precision rc_reader_ts_precision(const rc_reader *r)
{
	if (!r)
		return RC_TS_MICRO;
	if (r->fmt->format == RC_FORMAT_PCAP)
		return r->precision;
	/* pcapng: finer than microseconds on interface 0 -> nano. */
	const struct rc__iface *i = iface0(r);
	if (!i)
		return RC_TS_MICRO;
	if (i->ts_kind == RC__TS_MUL && i->ts_factor >= 1000)
		return RC_TS_MICRO;
	if (i->ts_kind == RC__TS_POW2 && i->ts_shift <= 19) /* 2^-19 s ~ 1.9 us */
		return RC_TS_MICRO;
	return RC_TS_NANO;
}

int rc_reader_is_swapped(const rc_reader *r)
{
	return r ? r->swapped : 0;
}

void rc_reader_version(const rc_reader *r, int *major, int *minor)
{
	if (major)
		*major = r ? r->version_major : 0;
	if (minor)
		*minor = r ? r->version_minor : 0;
}

int rc_reader_stable_data(const rc_reader *r)
{
	return r ? r->src.ops->stable : 0;
}

uint64_t rc_reader_offset(const rc_reader *r)
{
	return r ? rc__source_off(&r->src, r->src.cur) : 0;
}

size_t rc_reader_iface_count(const rc_reader *r)
{
	return r ? r->nifaces - r->sec_first : 0;
}

/* The arguments of rc_reader_iface and _iface_stats (fn): r, interface
 * idx of the current section, out (named out_name) not NULL.  0 if good. */
static int iface_args(const rc_reader *r, size_t idx, const void *out, const char *fn,
		      const char *out_name)
{
	if (!r)
		return RC_EINVAL;
	if (!out)
		return rc__errf(errbuf_of(r), RC_EINVAL, "%s: %s is NULL", fn, out_name);
	if (idx >= r->nifaces - r->sec_first)
		return rc__errf(errbuf_of(r), RC_EINVAL, "%s: no interface %zu (the section has %zu)",
				fn, idx, r->nifaces - r->sec_first);
	return 0;
}

int rc_reader_iface(const rc_reader *r, size_t idx, rc_iface_info *info)
{
	int st = iface_args(r, idx, info, "rc_reader_iface", "info");
	if (st == 0)
		*info = r->ifaces[r->sec_first + idx].info;
	return st;
}

int rc_reader_iface_stats(const rc_reader *r, size_t idx, rc_iface_stats *st)
{
	int status = iface_args(r, idx, st, "rc_reader_iface_stats", "st");
	if (status == 0)
		*st = r->ifaces[r->sec_first + idx].stats;
	return status;
}

const char *rc_reader_error(const rc_reader *r)
{
	if (!r)
		return "no reader";
	return r->err;
}

void rc_reader_close(rc_reader *r)
{
	if (r)
		reader_free(r, r->own_fd);
}

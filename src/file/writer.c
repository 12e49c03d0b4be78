/*
 * writer.c - rc_writer: option checks, the output buffer and crash-safe
 * writing, shared by the pcap and pcapng encoders (see writer.h for the
 * buffer invariant).
 *
 * Failure model
 * -------------
 * - Options are checked before the file is created or truncated.
 * - Only whole records reach write(2): the buffer holds whole records, and a
 *   record larger than the buffer goes out alone with writev(2).
 * - A write that fails part-way (ENOSPC, EIO, EDQUOT) leaves part of a record
 *   in the file.  For a regular file we ftruncate() back to the last whole
 *   record boundary, found by walking the buffer record by record; the
 *   packets after it leave the count rc_writer_packets() reports.  The error
 *   is then sticky: every later call returns the same status and message, so
 *   no record can ever be written after a hole.
 * - EINTR is retried; EAGAIN (a non-blocking pipe or stdout) waits in poll().
 *
 * One limit nobody can remove from user space: the kernel copies a write(2)
 * to a regular file page by page and stops early when the process receives
 * SIGKILL (mm/filemap.c generic_perform_write() checks
 * fatal_signal_pending()).  A SIGKILL that lands *inside* write(2) can thus
 * leave the file cut at a page boundary in the middle of a record; a kill
 * anywhere else leaves whole records only.  Readers report such a tail as a
 * truncated last record after delivering every whole packet.
 */
#include "file/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file/pcap_defs.h"
#include "file/copy_align.h"
#include "file/pcapng_defs.h"
#include "util/errmsg.h"

#define RC__WRITER_DEFAULT_BUF (1u << 20)
#define RC__WRITER_MAX_BUF ((size_t)1 << 30)

/* Start the (empty) buffer at the offset within a page where its first
 * byte will land in the file, so that each write(2) copies between equal
 * offsets within a page (copy_align.h says why). */
static void place_buf(rc_writer *w)
{
	w->buf = w->mem + w->file_off % RC__COPY_ALIGN;
}

uint64_t rc__writer_now_nsec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

ssize_t rc__writer_pread(int fd, void *buf, size_t n, uint64_t off)
{
	ssize_t got;
	do
		got = pread(fd, buf, n, (off_t)off);
	while (got < 0 && errno == EINTR);
	return got;
}

/* fcslen of opts or of an added interface, for both formats (field names
 * it in the message); pcap's own limits are in pcap_check_opts. */
static int check_fcslen(char *err, const char *name, const char *field, int fcslen)
{
	if (fcslen >= -1)
		return 0;
	return rc__errf(err, RC_EINVAL, "%s: %s %d is invalid (-1 or 0 = none, else FCS bytes)",
			name, field, fcslen);
}

int rc__writer_check_data(rc_writer *w, const rc_packet *pkt, uint32_t caplen)
{
	if (caplen > RC__WRITER_MAX_CAPLEN)
		return rc__errf(w->err, RC_EINVAL,
				"%s: packet with caplen %u is larger than the %u bytes a record may "
				"hold",
				w->name, caplen, RC__WRITER_MAX_CAPLEN);
	if (caplen && !pkt->data)
		return rc__errf(w->err, RC_EINVAL, "%s: packet with caplen %u has no data",
				w->name, caplen);
	return 0;
}

int rc__writer_push_iface(rc_writer *w, const struct rc__wiface *ifc)
{
	if (w->n_ifaces == RC__WRITER_MAX_IFACES)
		return rc__errf(w->err, RC_ELIMIT, "%s: more than %u interfaces", w->name,
				RC__WRITER_MAX_IFACES);
	if (w->n_ifaces == w->cap_ifaces) {
		size_t ncap = w->cap_ifaces ? w->cap_ifaces * 2 : 4;
		struct rc__wiface *n = realloc(w->ifaces, ncap * sizeof(*n));
		if (!n)
			return rc__errf(w->err, RC_ENOMEM, "%s: out of memory for interface %zu",
					w->name, w->n_ifaces);
		w->ifaces = n;
		w->cap_ifaces = ncap;
	}
	w->ifaces[w->n_ifaces] = *ifc;
	return (int)w->n_ifaces++;
}

/* ---- low-level output ---- */

/*
 * Write every byte described by iov (modified in place).  Returns 0, or a
 * negative errno with *done set to the bytes that did reach the file.
 */
static int put_all(int fd, struct iovec *iov, int cnt, size_t *done)
{
	*done = 0;
	while (cnt > 0) {
		ssize_t n = writev(fd, iov, cnt > IOV_MAX ? IOV_MAX : cnt);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				struct pollfd p = { .fd = fd, .events = POLLOUT };
				if (poll(&p, 1, -1) < 0 && errno != EINTR)
					return -errno;
				continue;
			}
			return -errno;
		}
		if (n == 0)
			return -EIO; /* no progress and no error: do not spin */
		*done += (size_t)n;
		size_t left = (size_t)n;
		while (cnt > 0 && left >= iov->iov_len) {
			left -= iov->iov_len;
			iov++;
			cnt--;
		}
		if (cnt > 0) {
			iov->iov_base = (uint8_t *)iov->iov_base + left;
			iov->iov_len -= left;
		}
	}
	return 0;
}

/*
 * A write failed with -err after `written` bytes of the region that started
 * at file offset w->file_off; `whole` of those bytes are whole records.
 * Cut the file back to them, remember the error for good, and describe it.
 */
static int fail_write(rc_writer *w, int err, size_t written, size_t whole)
{
	uint64_t at = w->file_off + written;
	uint64_t keep = w->file_off + whole;
	int st = rc__from_errno(err);
	if (st != RC_ENOSPC)
		st = RC_EIO;
	w->used = 0;
	w->file_off = keep;
	w->fatal = st;
	if (written == whole)
		return rc__errf(w->err, st, "%s: write at offset %llu failed: %s", w->name,
				(unsigned long long)at, strerror(err));
	if (w->is_regular && ftruncate(w->fd, (off_t)keep) == 0)
		return rc__errf(w->err, st,
				"%s: write at offset %llu failed: %s; file cut back to the last "
				"whole record (%llu bytes)",
				w->name, (unsigned long long)at, strerror(err),
				(unsigned long long)keep);
	return rc__errf(w->err, st,
			"%s: write at offset %llu failed: %s; the file ends with %zu bytes of a "
			"partial record that could not be removed",
			w->name, (unsigned long long)at, strerror(err), written - whole);
}

/*
 * Walk the whole records at the start of p[0..len), stopping before one
 * that would start more than last_start bytes in; returns their length and
 * (if n) the number of packets among them.  Used for the last record
 * boundary inside what a failed write did write (last_start = SIZE_MAX),
 * for the packets of the buffer it lost, and for where a -C style limit
 * cuts a run of pre-encoded records.
 */
static size_t whole_records(const rc_writer *w, const uint8_t *p, size_t len, size_t last_start,
			    size_t *n)
{
	size_t whole = 0, count = 0;
	while (whole < len && whole <= last_start) {
		size_t s = w->fmt->record_span(w, p + whole, len - whole);
		if (s == 0 || s > len - whole)
			break;
		count += n && w->fmt->record_is_packet(w, p + whole);
		whole += s;
	}
	if (n)
		*n = count;
	return whole;
}

/* Hand the whole buffer to the kernel.  After a failure the packets of
 * the records not (wholly) written no longer count. */
static int flush_buf(rc_writer *w)
{
	if (w->used == 0)
		return 0;
	struct iovec iov = { .iov_base = w->buf, .iov_len = w->used };
	size_t done;
	int err = put_all(w->fd, &iov, 1, &done);
	if (err < 0) {
		size_t lost, whole = whole_records(w, w->buf, done, SIZE_MAX, NULL);
		(void)whole_records(w, w->buf + whole, w->used - whole, SIZE_MAX, &lost);
		w->packets -= lost;
		return fail_write(w, -err, done, whole);
	}
	w->file_off += w->used;
	w->used = 0;
	place_buf(w);
	return 0;
}

/* A record larger than the buffer: one writev(2) of its pieces. */
static int write_direct(rc_writer *w, const struct rc__wrec *rec)
{
	struct iovec iov[RC__WREC_IOV];
	memcpy(iov, rec->iov, sizeof(iov[0]) * (size_t)rec->iovcnt);
	size_t done;
	int err = put_all(w->fd, iov, rec->iovcnt, &done);
	if (err < 0)
		return fail_write(w, -err, done, 0);
	w->file_off += rec->len;
	place_buf(w);
	return 0;
}

int rc__writer_emit(rc_writer *w, const struct rc__wrec *rec)
{
	if (rec->len > w->cap - w->used) {
		int r = flush_buf(w);
		if (r < 0)
			return r;
		if (rec->len > w->cap)
			return write_direct(w, rec);
	}
	uint8_t *d = w->buf + w->used;
	for (int i = 0; i < rec->iovcnt; i++) {
		memcpy(d, rec->iov[i].iov_base, rec->iov[i].iov_len);
		d += rec->iov[i].iov_len;
	}
	w->used += rec->len;
	return 0;
}

/* ---- opening ---- */

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* The format of an existing file from its first 4 bytes, 0 if unknown. */
static enum rc_file_format sniff_format(int fd)
{
	uint8_t b[4];
	uint32_t v;
	if (pread(fd, b, 4, 0) != 4)
		return 0;
	memcpy(&v, b, 4);
	if (v == RC_PCAPNG_BT_SHB)
		return RC_FORMAT_PCAPNG;
	if (v == RC_PCAP_MAGIC_USEC || v == RC_PCAP_MAGIC_NSEC ||
	    v == __builtin_bswap32(RC_PCAP_MAGIC_USEC) ||
	    v == __builtin_bswap32(RC_PCAP_MAGIC_NSEC))
		return RC_FORMAT_PCAP;
	return 0;
}

/* Checks that need no file: a new writer with its format chosen. */
static int writer_new(rc_writer **out, const char *name, enum rc_file_format fmt_hint,
		      const rc_writer_opts *o, char *errbuf)
{
	/* as messages show it: a long path shortened to its end (errmsg.h) */
	char label[RC__NAME_SHOWN + 1];
	rc__shown_name(label, name ? name : "(unnamed)");
	enum rc_file_format f = o->format;
	if (f == 0)
		f = fmt_hint ? fmt_hint : ends_with(label, ".pcapng") ? RC_FORMAT_PCAPNG
								      : RC_FORMAT_PCAP;
	if (f != RC_FORMAT_PCAP && f != RC_FORMAT_PCAPNG)
		return rc__errf(errbuf, RC_EINVAL,
				"%s: unknown file format %d in opts.format (1 = pcap, 2 = pcapng)",
				label, (int)o->format);
	if (o->ts_precision != RC_TS_MICRO && o->ts_precision != RC_TS_NANO)
		return rc__errf(errbuf, RC_EINVAL,
				"%s: opts.ts_precision %d is neither RC_TS_MICRO nor RC_TS_NANO",
				label, (int)o->ts_precision);
	if (o->buf_bytes > RC__WRITER_MAX_BUF)
		return rc__errf(errbuf, RC_EINVAL, "%s: opts.buf_bytes %zu is larger than %zu",
				label, o->buf_bytes, RC__WRITER_MAX_BUF);
	int r = check_fcslen(errbuf, label, "opts.fcslen", o->fcslen);
	if (r < 0)
		return r;

	rc_writer *w = calloc(1, sizeof(*w));
	if (!w)
		return rc__errf(errbuf, RC_ENOMEM, "%s: out of memory", label);
	w->fd = -1;
	w->fmt = f == RC_FORMAT_PCAPNG ? &rc__pcapng_wformat : &rc__pcap_wformat;
	w->name = strdup(label);
	w->cap = o->buf_bytes ? o->buf_bytes : RC__WRITER_DEFAULT_BUF;
	w->mem = w->buf = rc__page_alloc(w->cap + RC__COPY_ALIGN);
	if (!w->name || !w->buf) {
		rc_writer_close(w);
		return rc__errf(errbuf, RC_ENOMEM, "%s: out of memory for a %zu-byte buffer",
				label, o->buf_bytes ? o->buf_bytes : RC__WRITER_DEFAULT_BUF);
	}
	w->snaplen = o->snaplen ? o->snaplen : RC_PCAP_DEFAULT_SNAPLEN;
	r = w->fmt->check_opts(w, o);
	if (r < 0) {
		rc__errf(errbuf, r, "%s", w->err);
		rc_writer_close(w);
		return r;
	}
	*out = w;
	return 0;
}

/* The descriptor is open: append checks, then the header goes out. */
static int writer_start(rc_writer *w, int fd, int own_fd, const rc_writer_opts *o,
			char *errbuf)
{
	struct stat st;
	int r;
	memset(&st, 0, sizeof(st));
	w->fd = fd;
	w->own_fd = own_fd;
	w->open_ts_nsec = rc__writer_now_nsec();
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		w->is_regular = 1;
		/* Offsets (and the truncation after a failed write) are relative to
		 * where our bytes land: the end for O_APPEND (shell ">>"), else the
		 * descriptor's position. */
		int fl = fcntl(fd, F_GETFL);
		off_t pos = lseek(fd, 0, SEEK_CUR);
		w->file_off = (fl >= 0 && (fl & O_APPEND)) || pos < 0 ? (uint64_t)st.st_size
								       : (uint64_t)pos;
	}
	place_buf(w);
	if (o->append && w->is_regular && st.st_size > 0) {
		r = w->fmt->check_append(w, fd, (uint64_t)st.st_size);
		if (r < 0)
			goto err;
		w->file_off = (uint64_t)st.st_size;
		place_buf(w);
		if (lseek(fd, 0, SEEK_END) < 0) {
			r = rc__errf(w->err, RC_EIO, "%s: cannot seek to the end: %s", w->name,
				     strerror(errno));
			goto err;
		}
		/* pcap continues the existing header; pcapng starts a new section. */
		if (w->fmt->format == RC_FORMAT_PCAP)
			goto out;
	} else if (o->append && !w->is_regular) {
		r = rc__errf(w->err, RC_EINVAL,
			     "%s: opts.append needs a regular file to check and extend", w->name);
		goto err;
	}
	r = w->fmt->start(w, o);
	if (r < 0)
		goto err;
	/* The file is a valid, empty capture as soon as open returns. */
	r = flush_buf(w);
	if (r < 0)
		goto err;
	w->hdr_pending = 0;
out:
	return 0;
err:
	rc__errf(errbuf, r, "%s", w->err);
	return r;
}

/* Free a writer whose open failed: nothing more goes to the file. */
static void writer_discard(rc_writer *w)
{
	if (w->own_fd)
		close(w->fd);
	w->fd = -1;
	rc_writer_close(w);
}

/* What NULL opts mean (file.h): the format by extension, Ethernet.  Not
 * all zeros: link type 0 is BSD loopback. */
static const rc_writer_opts rc__writer_default_opts = { .linktype = RC_LINKTYPE_ETHERNET };

int rc_writer_open(rc_writer **out, const char *path, const rc_writer_opts *opts,
		   char *errbuf)
{
	const rc_writer_opts *o = opts ? opts : &rc__writer_default_opts;
	rc_writer *w = NULL;
	enum rc_file_format hint = 0;
	int fd, r;

	if (!out)
		return rc__errf(errbuf, RC_EINVAL, "rc_writer_open: out is NULL");
	*out = NULL;
	if (!path || !*path)
		return rc__errf(errbuf, RC_EINVAL, "rc_writer_open: %s path",
				path ? "empty" : "NULL");
	int to_stdout = strcmp(path, "-") == 0;
	if (to_stdout && o->append)
		return rc__errf(errbuf, RC_EINVAL, "stdout: opts.append needs a file, not \"-\"");
	if (o->append && o->format == 0) {
		/* Appending without a format: keep the one the file already has. */
		int probe = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC); /* no FIFO wait */
		if (probe >= 0) {
			hint = sniff_format(probe);
			close(probe);
		}
	}
	r = writer_new(&w, to_stdout ? "stdout" : path, hint, o, errbuf);
	if (r < 0)
		return r;
	if (to_stdout) {
		fd = STDOUT_FILENO;
	} else {
		int flags = o->append ? O_RDWR | O_CREAT | O_APPEND : O_WRONLY | O_CREAT | O_TRUNC;
		do
			fd = open(path, flags | O_CLOEXEC, 0666);
		while (fd < 0 && errno == EINTR);
		if (fd < 0) {
			r = rc__errf(errbuf, rc__from_errno(errno), "%s: cannot open for writing: %s",
				     w->name, strerror(errno));
			rc_writer_close(w);
			return r;
		}
	}
	r = writer_start(w, fd, !to_stdout, o, errbuf);
	if (r < 0) {
		writer_discard(w);
		return r;
	}
	*out = w;
	return 0;
}

int rc_writer_open_fd(rc_writer **out, int fd, int own_fd, const char *name,
		      const rc_writer_opts *opts, char *errbuf)
{
	const rc_writer_opts *o = opts ? opts : &rc__writer_default_opts;
	rc_writer *w = NULL;
	char label[32];

	if (!out)
		return rc__errf(errbuf, RC_EINVAL, "rc_writer_open_fd: out is NULL");
	*out = NULL;
	if (!name) {
		snprintf(label, sizeof(label), "fd %d", fd);
		name = label;
	}
	if (fd < 0)
		return rc__errf(errbuf, RC_EINVAL, "%s: invalid descriptor %d", name, fd);
	int r = writer_new(&w, name, o->append && o->format == 0 ? sniff_format(fd) : 0, o,
			   errbuf);
	if (r < 0)
		return r;
	r = writer_start(w, fd, own_fd, o, errbuf);
	if (r < 0) {
		w->own_fd = 0; /* on failure the caller keeps its descriptor */
		writer_discard(w);
		return r;
	}
	*out = w;
	return 0;
}

/* ---- writing ---- */

int rc_writer_add_iface(rc_writer *w, const rc_iface_info *info)
{
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	if (!info)
		return rc__errf(w->err, RC_EINVAL, "%s: rc_writer_add_iface: info is NULL", w->name);
	int r = check_fcslen(w->err, w->name, "interface fcslen", info->fcslen);
	if (r < 0)
		return r;
	return w->fmt->add_iface(w, info);
}

/* One packet: straight into the buffer when the format's fast path takes
 * it, else described as pieces and copied (or written directly). */
static inline int write_one(rc_writer *w, const rc_packet *pkt)
{
	size_t n = w->fmt->encode(w, pkt, w->buf + w->used, w->cap - w->used);
	if (n) {
		w->used += n;
		w->packets++;
		return 0;
	}
	struct rc__wrec rec;
	int r = w->fmt->packet(w, pkt, &rec);
	if (r == 0)
		r = rc__writer_emit(w, &rec);
	w->packets += r == 0;
	return r;
}

int rc_writer_write(rc_writer *w, const rc_packet *pkt)
{
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	if (!pkt)
		return rc__errf(w->err, RC_EINVAL, "%s: rc_writer_write: packet is NULL", w->name);
	return write_one(w, pkt);
}

int rc_writer_write_batch(rc_writer *w, const rc_packet *pkts, size_t n)
{
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	if (!pkts && n)
		return rc__errf(w->err, RC_EINVAL, "%s: rc_writer_write_batch: pkts is NULL",
				w->name);
	for (size_t i = 0; i < n; i++) {
		int r = write_one(w, &pkts[i]);
		if (r < 0)
			return r;
	}
	return 0;
}

/*
 * rc_writer_write_encoded's look at the first of npkts records in len (> 0)
 * bytes: one of w's format made by an rc_encoder, inside len, its data
 * within the snap length of its interface, and len long enough for npkts
 * records of the smallest size.  1 if it passes.
 */
static int first_record_ok(const rc_writer *w, const uint8_t *p, size_t len, size_t npkts)
{
	uint32_t h[7];
	if (w->fmt->format == RC_FORMAT_PCAP) {
		if (len / RC_PCAP_REC_HDR_LEN < npkts)
			return 0;
		memcpy(h, p, 16); /* ts, ts, caplen, len */
		return h[2] <= w->ifaces[0].snaplen && h[2] <= len - RC_PCAP_REC_HDR_LEN;
	}
	/* pcapng: an Enhanced Packet Block (pcapng_epb.h), 32 bytes at least */
	if (len / 32 < npkts)
		return 0;
	memcpy(h, p, sizeof(h)); /* type, length, interface, ts, ts, caplen, len */
	/* caplen against the room in the block, not caplen padded: padding
	 * 0xfffffffd in 32 bits wraps to 0.  The room is a multiple of 4, so
	 * a caplen that fits also fits padded. */
	return h[0] == RC_PCAPNG_BT_EPB && h[1] % 4 == 0 && h[1] >= 32 && h[1] <= len &&
	       h[2] < w->n_ifaces && h[5] <= w->ifaces[h[2]].snaplen && h[5] <= h[1] - 32;
}

int rc_writer_write_encoded(rc_writer *w, const void *recs, size_t len, size_t npkts,
			    uint64_t limit, size_t *done_bytes, size_t *done_pkts)
{
	size_t end = len, n = npkts;
	if (done_bytes)
		*done_bytes = 0;
	if (done_pkts)
		*done_pkts = 0;
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	/* The cheap checks; the records themselves are trusted (see file.h). */
	if ((len && !recs) || (len == 0) != (npkts == 0) || (len && !first_record_ok(w, recs, len, npkts)))
		return rc__errf(w->err, RC_EINVAL,
				"%s: rc_writer_write_encoded: %zu bytes cannot be %zu records made "
				"by an rc_encoder of this file (%s, %zu interface(s) described)",
				w->name, len, npkts, w->fmt->name, w->n_ifaces);
	uint64_t base = rc_writer_offset(w);
	if (base > limit) {
		end = n = 0; /* the file is past the limit already */
	} else if (base + len > limit) {
		/* The limit cuts the run; limit - base < len fits a size_t. */
		end = whole_records(w, recs, len, (size_t)(limit - base), &n);
	}
	if (end == 0) {
		/* Nothing to write (len 0, or the limit was already passed). */
	} else if (end <= w->cap - w->used) {
		/* A short run (slow traffic, a tail): keep it with the rest. */
		memcpy(w->buf + w->used, recs, end);
		w->used += end;
		w->packets += n;
	} else {
		/* Whole records only go to the kernel: the buffer first, then
		 * the run straight from the caller's memory. */
		int r = flush_buf(w);
		if (r < 0)
			return r;
		struct iovec iov = { .iov_base = (void *)recs, .iov_len = end };
		size_t done;
		int err = put_all(w->fd, &iov, 1, &done);
		if (err < 0) {
			size_t whole_n, whole = whole_records(w, recs, done, SIZE_MAX, &whole_n);
			w->packets += whole_n;
			return fail_write(w, -err, done, whole);
		}
		w->file_off += end;
		place_buf(w);
		w->packets += n;
	}
	if (done_bytes)
		*done_bytes = end;
	if (done_pkts)
		*done_pkts = n;
	return 0;
}

int rc_writer_set_iface_stats(rc_writer *w, uint32_t iface, uint64_t recv, uint64_t drop)
{
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	if (w->fmt->format == RC_FORMAT_PCAP)
		return 0;
	if (iface >= w->n_ifaces)
		return rc__errf(w->err, RC_EINVAL,
				"%s: statistics for interface %u, but only %zu are described",
				w->name, iface, w->n_ifaces);
	w->ifaces[iface].has_stats = 1;
	w->ifaces[iface].recv = recv;
	w->ifaces[iface].drop = drop;
	return 0;
}

int rc_writer_flush(rc_writer *w)
{
	if (!w)
		return RC_EINVAL;
	if (w->fatal)
		return w->fatal;
	return flush_buf(w);
}

uint64_t rc_writer_offset(const rc_writer *w)
{
	return w ? w->file_off + w->used : 0;
}

uint64_t rc_writer_packets(const rc_writer *w)
{
	return w ? w->packets : 0;
}

const char *rc_writer_error(const rc_writer *w)
{
	if (!w)
		return "no writer";
	return w->err;
}

int rc_writer_close(rc_writer *w)
{
	int r = 0;
	if (!w)
		return 0;
	if (w->fatal)
		r = w->fatal;
	if (r == 0 && w->fd >= 0 && w->fmt->finish)
		r = w->fmt->finish(w);
	if (r == 0 && w->fd >= 0)
		r = flush_buf(w);
	if (w->own_fd && w->fd >= 0 && close(w->fd) != 0 && r == 0 && errno != EINTR)
		r = rc__errf(w->err, RC_EIO, "%s: close failed: %s", w->name, strerror(errno));
	free(w->ifaces);
	free(w->mem);
	free(w->name);
	free(w);
	return r;
}

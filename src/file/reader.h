/*
 * reader.h - the capture-file reader's internal state (shared by reader.c,
 * pcap_read.c and pcapng_read.c).
 *
 * reader.c owns the public rc_reader_* API: it opens the source, sniffs the
 * first four bytes, picks a format table and then only calls through it.
 * A format's next_batch parses whole records from r->src into descriptors:
 *   - it returns the number of packets filled (> 0), or RC_EEOF, or a
 *     negative error with r->err set (rc__reader_errf, which names the input);
 *   - if it meets damage after filling some packets, it returns those and
 *     leaves the error in r->pending for the next call (packets first);
 *   - it calls the source's fill() only while it has filled no packet in
 *     this call, because a stream refill moves the bytes (source.h).
 */
#ifndef RC_FILE_READER_H
#define RC_FILE_READER_H

#include "file/source.h"
#include "ringcap/file.h"
#include "util/errmsg.h"

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct rc_reader;

struct rc__format_ops {
	enum rc_file_format format;
	/* Parse the file header (the source holds at least 4 bytes). */
	int (*open)(struct rc_reader *r);
	int (*next_batch)(struct rc_reader *r, rc_packet *pkts, size_t max);
	void (*close)(struct rc_reader *r);
};

extern const struct rc__format_ops rc__pcap_format;
extern const struct rc__format_ops rc__pcapng_format;

/* How a pcapng interface's time stamp ticks become nanoseconds. */
enum rc__ts_kind {
	RC__TS_MUL,  /* ns = ticks * factor (10^-n, n <= 9) */
	RC__TS_DIV,  /* ns = ticks / factor (10^-n, 9 < n <= 28) */
	RC__TS_ZERO, /* ns = 0 (10^-n with n > 28: any 64-bit tick count is < 1 ns) */
	RC__TS_POW2, /* ns = ticks * 10^9 >> shift (2^-n), in 128 bits */
};

/* One interface (pcapng IDB, or the pcap file's single link). */
struct rc__iface {
	rc_iface_info info;
	rc_iface_stats stats;
	enum rc__ts_kind ts_kind;
	uint64_t ts_factor;
	unsigned ts_shift;
	int64_t ts_offset_nsec; /* if_tsoffset in ns (bounded at IDB parse) */
};

struct rc_reader {
	struct rc__source src;
	const struct rc__format_ops *fmt;
	char err[RC_ERRBUF_SIZE];
	int pending;               /* sticky status to return next (0 = none) */
	volatile sig_atomic_t brk; /* set by rc_reader_breakloop */
	uint32_t max_caplen;
	int own_fd;                /* close src.fd at close (not for stdin) */
	char *name;                /* our copy of the caller's file name: src.name
				    * points here, and messages are formatted long
				    * after the open returned */

	/* Facts for the accessors. */
	int swapped;
	int version_major, version_minor;
	int fcs_bytes;             /* pcap only: link-type FCS length, -1 none */
	enum rc_ts_precision precision; /* pcap only: from the magic (pcapng: per IDB) */

	/* Interfaces: all sections' IDBs stay allocated until close (their
	 * strings are handed out); the current section's are
	 * ifaces[sec_first .. nifaces). */
	struct rc__iface *ifaces;
	size_t nifaces, ifaces_cap, sec_first;
	size_t string_bytes;       /* bound on interface string storage */

	/* pcap */
	uint16_t pcap_linktype;
	unsigned pcap_hdr_len;     /* 16, or 24 for the modified format */
	uint32_t pcap_frac_mul;    /* 1000 (usec) or 1 (nsec) */
	int pcap_len_swap;         /* 0 no, 1 yes, 2 maybe (version 2.3) */

	/* pcapng */
	int ng_swapped;            /* current section's byte order differs */
	uint32_t ng_max_block;

	/* Packets parsed but not handed out (after a breakloop). */
	rc_packet queue[64];
	size_t qhead, qlen;
};

/* Format the reader's message "NAME: what" (rc__errf's format and result),
 * NAME being the input's name (a path, "stdin", rc_reader_open_stream's name,
 * "memory").  Every message about the input, of the header or of a record
 * long after the open, goes through here, so that all of them name it the
 * same way; the source's own (read errors, source.c) start with src.name,
 * which points at the same string. */
static inline __attribute__((format(printf, 3, 4))) int
rc__reader_errf(struct rc_reader *r, int status, const char *fmt, ...)
{
	char what[RC_ERRBUF_SIZE];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return rc__errf(r->err, status, "%s: %s", r->name, what);
}

/* A format's next_batch meeting damage after n packets: return those and
 * keep status for the next call (packets first, see above). */
static inline int rc__reader_stop(struct rc_reader *r, size_t n, int status)
{
	if (n == 0)
		return status;
	r->pending = status;
	return (int)n;
}

/* Append a zeroed interface to the current section (*out points at it
 * until the next add).  Returns 0, or RC_ELIMIT / RC_ENOMEM with r->err set
 * naming the block offset off. */
int rc__reader_add_iface(struct rc_reader *r, uint64_t off, struct rc__iface **out);

/* Store a copy of len bytes as a NUL-terminated interface string.  Returns
 * 0 or a negative error (bounded total size). */
int rc__reader_dup_string(struct rc_reader *r, const char **dst, const uint8_t *p, size_t len,
			  uint64_t off);

/* Bounds that keep hostile input from allocating without limit. */
#define RC__MAX_IFACES 65536u
#define RC__MAX_IFACE_STRING_BYTES (16u << 20)
#define RC__PCAPNG_MAX_BLOCK_DEFAULT (16u << 20) /* like libpcap's INITIAL_MAX_BLOCKSIZE */
#define RC__MAX_CAPLEN_LIMIT (256u << 20)  /* largest rc_reader_opts.max_caplen */
#define RC__STREAM_BUF_LIMIT (1u << 30)    /* largest rc_reader_opts.stream_buf_bytes */

/* Byte-order helpers for unaligned loads. */
static inline uint16_t rc__ld16(const uint8_t *p, int swap)
{
	uint16_t v;
	__builtin_memcpy(&v, p, 2);
	return swap ? __builtin_bswap16(v) : v;
}

static inline uint32_t rc__ld32(const uint8_t *p, int swap)
{
	uint32_t v;
	__builtin_memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static inline uint64_t rc__ld64(const uint8_t *p, int swap)
{
	uint64_t v;
	__builtin_memcpy(&v, p, 8);
	return swap ? __builtin_bswap64(v) : v;
}

/* Test/fuzz hook: read a capture from memory through the streaming source,
 * delivered in pieces of the sizes in sizes[] (see rc__source_open_chunked),
 * with a stream buffer of buf_bytes (0 = default). */
int rc__reader_open_chunked(rc_reader **out, const void *buf, size_t len, const uint8_t *sizes,
			    size_t nsizes, size_t buf_bytes, const rc_reader_opts *opts,
			    char *errbuf);

#endif /* RC_FILE_READER_H */

/*
 * ringcap/file.h - reading and writing pcap and pcapng capture files.
 *
 * Reading
 * -------
 *   rc_reader *r;
 *   char err[RC_ERRBUF_SIZE];
 *   if (rc_reader_open(&r, "in.pcapng", NULL, err) < 0) { puts(err); ... }
 *   rc_packet pkts[64];
 *   int n;
 *   while ((n = rc_reader_next_batch(r, pkts, 64)) > 0)
 *           for (int i = 0; i < n; i++) use(&pkts[i]);
 *   if (n != RC_EEOF) puts(rc_reader_error(r));   // damage after good packets
 *   rc_reader_close(r);
 *
 * The format (pcap in either byte order, micro- or nanosecond magic, the
 * "modified" pcap variant, or pcapng) is detected from the first bytes.
 * Regular files are memory-mapped and packets are handed out zero-copy;
 * pipes, stdin ("-") and files that cannot be mapped are read with large
 * read(2) calls into an internal buffer.  Both paths give identical results.
 *
 * Packet memory lifetime (rc_packet.data and .comment):
 *   - mapped files: valid until rc_reader_close();
 *   - streaming: valid until the next read call (next/next_batch/loop) on
 *     the same reader.
 *   rc_reader_stable_data() tells which applies; code that must work for
 *   both copies what it keeps across calls.
 *
 * Damaged input never crashes, hangs, over-reads or allocates without
 * bound.  Packets before the damage are delivered first; the next read call
 * then returns RC_EFORMAT or RC_ETRUNC and rc_reader_error() names the file
 * offset and the problem, e.g.
 *   "pcapng block at offset 4096: block length 12 is smaller than the minimum 12"
 *
 * Writing
 * -------
 * rc_writer writes pcap or pcapng with large buffered writes.  Only whole
 * records are ever handed to write(2), so a file is valid up to its last
 * whole packet even if the process is killed; a short write (disk full) is
 * truncated back to the last whole record and reported with the file name.
 *
 * Thread safety: a reader or writer is used by one thread at a time.
 */
#ifndef RINGCAP_FILE_H
#define RINGCAP_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "ringcap/error.h"
#include "ringcap/linktype.h"
#include "ringcap/packet.h"

#ifdef __cplusplus
extern "C" {
#endif

enum rc_file_format {
	RC_FORMAT_PCAP = 1,
	RC_FORMAT_PCAPNG = 2,
};

/* Time stamp resolution a pcap file is written with (pcapng: always ns). */
enum rc_ts_precision {
	RC_TS_MICRO = 0,
	RC_TS_NANO = 1,
};

/* How the reader gets at the bytes. */
enum rc_read_mode {
	RC_READ_AUTO = 0,   /* the measured default for regular files, streaming otherwise */
	RC_READ_MMAP = 1,   /* map the whole file; fails on pipes */
	RC_READ_STREAM = 2, /* large read(2) calls into an internal buffer */
};

/* Largest caplen accepted by default (libpcap's own maximum is 256 KiB). */
#define RC_DEFAULT_MAX_CAPLEN (256u * 1024u)

typedef struct rc_reader_opts {
	enum rc_read_mode mode;
	uint32_t max_caplen;    /* 0 = RC_DEFAULT_MAX_CAPLEN; larger records are an error */
	size_t stream_buf_bytes; /* 0 = default (4 MiB) */
} rc_reader_opts;

/* One interface as described by a pcapng IDB (or synthesised for pcap). */
typedef struct rc_iface_info {
	uint16_t linktype;
	uint32_t snaplen;
	const char *name;        /* NUL-terminated or NULL; owned by the reader/caller */
	const char *description; /* ditto */
	const char *filter;      /* if_filter string (type 0), ditto */
	int8_t fcslen;           /* -1 unknown, else bytes of FCS at the end of each frame */
	uint64_t ts_resol_num;   /* 1 tick = ts_resol_num / ts_resol_den seconds (reader only) */
	uint64_t ts_resol_den;
	int64_t ts_offset_sec;   /* if_tsoffset, already applied to rc_packet.ts_nsec */
} rc_iface_info;

/* Counters from the last pcapng Interface Statistics Block of an interface. */
typedef struct rc_iface_stats {
	int valid;             /* 0 if the file carried no ISB for this interface */
	uint64_t ts_nsec;      /* time of the ISB */
	int has_recv, has_drop, has_osdrop, has_filter_accept, has_delivered;
	uint64_t recv;         /* isb_ifrecv */
	uint64_t drop;         /* isb_ifdrop */
	uint64_t osdrop;       /* isb_osdrop */
	uint64_t filter_accept; /* isb_filteraccept */
	uint64_t delivered;    /* isb_usrdeliv */
} rc_iface_stats;

typedef struct rc_reader rc_reader;

/*
 * rc_reader_open - open path ("-" = stdin) for reading.
 * opts may be NULL for defaults.  On success *out owns the file until
 * rc_reader_close().  On failure returns a negative RC_E* status, sets
 * *out = NULL and writes a message into errbuf (RC_ERRBUF_SIZE bytes).
 */
int rc_reader_open(rc_reader **out, const char *path, const rc_reader_opts *opts,
		   char *errbuf);

/* rc_reader_open_fd - like rc_reader_open on an open descriptor; the reader
 * takes ownership of fd (closes it).  name is used in error messages. */
int rc_reader_open_fd(rc_reader **out, int fd, const char *name,
		      const rc_reader_opts *opts, char *errbuf);

/* rc_reader_open_mem - read a capture held in memory (not copied; buf must
 * outlive the reader).  Used by fuzz targets and tests. */
int rc_reader_open_mem(rc_reader **out, const void *buf, size_t len,
		       const rc_reader_opts *opts, char *errbuf);

/*
 * rc_reader_next_batch - fill up to max descriptors.
 * Returns the number filled (> 0), RC_EEOF at the clean end of the input,
 * or a negative error (rc_reader_error() says what and at which offset).
 * Packets preceding damage are returned by earlier calls first.
 */
int rc_reader_next_batch(rc_reader *r, rc_packet *pkts, size_t max);

/* rc_reader_next - one packet: returns 1, RC_EEOF or a negative error. */
int rc_reader_next(rc_reader *r, rc_packet *pkt);

/*
 * rc_reader_loop - call cb for each packet until count packets were handed
 * out (count <= 0: until the end), the callback returns non-zero (that value
 * is returned) or rc_reader_breakloop() was called (returns RC_EBREAK).
 * Returns 0 at the clean end of input or after count packets, else an error.
 */
typedef int (*rc_packet_cb)(void *user, const rc_packet *pkt);
int rc_reader_loop(rc_reader *r, long count, rc_packet_cb cb, void *user);

/* rc_reader_breakloop - make the running rc_reader_loop return RC_EBREAK
 * after the current packet.  Async-signal-safe. */
void rc_reader_breakloop(rc_reader *r);

/* Facts about the open file. */
enum rc_file_format rc_reader_format(const rc_reader *r);
int rc_reader_linktype(const rc_reader *r);      /* of interface 0 (pcap: the file's) */
uint32_t rc_reader_snaplen(const rc_reader *r);  /* of interface 0 */
int rc_reader_fcs_bits(const rc_reader *r);      /* pcap link-type field FCS length in bytes, -1 none */
enum rc_ts_precision rc_reader_ts_precision(const rc_reader *r); /* resolution in the file */
int rc_reader_is_swapped(const rc_reader *r);    /* file byte order differs from host */
void rc_reader_version(const rc_reader *r, int *major, int *minor);
int rc_reader_stable_data(const rc_reader *r);   /* 1: packet data lives until close */
uint64_t rc_reader_offset(const rc_reader *r);   /* file offset of the next record */

/* pcapng: interfaces seen so far (pcap: exactly one).  Strings in *info
 * are owned by the reader and valid until close. Returns RC_EINVAL for a
 * bad index. */
size_t rc_reader_iface_count(const rc_reader *r);
int rc_reader_iface(const rc_reader *r, size_t idx, rc_iface_info *info);
int rc_reader_iface_stats(const rc_reader *r, size_t idx, rc_iface_stats *st);

/* Message for the last error on r (never NULL). */
const char *rc_reader_error(const rc_reader *r);

/* rc_reader_close - release everything; accepts NULL. */
void rc_reader_close(rc_reader *r);

/* ---- writing ---- */

typedef struct rc_writer_opts {
	enum rc_file_format format;   /* 0 = by extension: ".pcapng" -> pcapng, else pcap */
	uint16_t linktype;            /* pcap: the file's; pcapng: of the implicit interface 0 */
	uint32_t snaplen;             /* 0 = 262144 */
	enum rc_ts_precision ts_precision; /* pcap only */
	int8_t fcslen;                /* pcap FCS bits / pcapng if_fcslen; -1 = none */
	size_t buf_bytes;             /* 0 = default (1 MiB) */
	const char *userappl;         /* pcapng shb_userappl (NULL = "ringcap <version>") */
	const char *os;               /* pcapng shb_os (NULL = uname) */
	const char *comment;          /* pcapng shb opt_comment, may be NULL */
	int no_default_iface;         /* pcapng: don't create interface 0 from linktype/snaplen */
	int append;                   /* append to an existing file of the same format/linktype */
} rc_writer_opts;

typedef struct rc_writer rc_writer;

/* Open path ("-" = stdout) for writing; truncates unless opts->append. */
int rc_writer_open(rc_writer **out, const char *path, const rc_writer_opts *opts,
		   char *errbuf);
/* Same on an open descriptor (not closed by the writer unless own_fd). */
int rc_writer_open_fd(rc_writer **out, int fd, int own_fd, const char *name,
		      const rc_writer_opts *opts, char *errbuf);

/*
 * rc_writer_add_iface - pcapng: append an IDB (name, description, filter,
 * linktype, snaplen, fcslen from info; written with if_tsresol = 9).
 * Returns the new interface number (>= 0) or a negative error.  For pcap,
 * only a linktype equal to the file's is accepted (returns 0).
 */
int rc_writer_add_iface(rc_writer *w, const rc_iface_info *info);

/*
 * rc_writer_write - append one packet.  pkt->ifindex selects the interface
 * (pcapng); direction, comment and dropcount become EPB options.  caplen
 * larger than the snaplen is truncated to it (len keeps the wire length).
 */
int rc_writer_write(rc_writer *w, const rc_packet *pkt);
int rc_writer_write_batch(rc_writer *w, const rc_packet *pkts, size_t n);

/* rc_writer_set_iface_stats - counters written as an ISB per interface at
 * close (pcapng; ignored for pcap). */
int rc_writer_set_iface_stats(rc_writer *w, uint32_t iface, uint64_t recv, uint64_t drop);

/* rc_writer_flush - hand buffered whole records to the kernel. */
int rc_writer_flush(rc_writer *w);

/* rc_writer_offset - bytes in the file so far, buffered ones included
 * (exact size the file will have after flush; used for rotation). */
uint64_t rc_writer_offset(const rc_writer *w);

const char *rc_writer_error(const rc_writer *w);

/* rc_writer_close - write ISBs (pcapng), flush, close; returns the first
 * error met, if any.  Accepts NULL. */
int rc_writer_close(rc_writer *w);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_FILE_H */

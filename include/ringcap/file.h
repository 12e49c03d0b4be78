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
 * Regular files (also stdin, "-", redirected from one) are memory-mapped
 * and packets are handed out zero-copy; pipes and files that cannot be
 * mapped are read with large read(2) calls into an internal buffer.  Both
 * paths start at the descriptor's position and give identical results
 * (packets, errors and the file offsets they name).  A capture that is no
 * file at all (a decompressor, a network stream) is read through the same
 * buffer from a function the caller supplies (rc_reader_open_stream).
 *
 * Packet memory lifetime (rc_packet.data and .comment):
 *   - mapped files and rc_reader_open_mem: valid until rc_reader_close();
 *   - streaming (also rc_reader_open_stream): valid until the next read
 *     call (next/next_batch/loop) on the same reader.
 *   rc_reader_stable_data() tells which applies; code that must work for
 *   both copies what it keeps across calls.
 *
 * Damaged input never crashes, hangs, over-reads or allocates without
 * bound.  Packets before the damage are delivered first; the next read call
 * then returns RC_EFORMAT or RC_ETRUNC and rc_reader_error() names the
 * input, the file offset and the problem, e.g.
 *   "cap.pcapng: pcapng block at offset 88: block length 24 is smaller than the minimum 32"
 * Every message about the input, at the open or at any read call, starts
 * with its name: the path, "stdin" for "-", the name given to
 * rc_reader_open_fd ("descriptor" for NULL) or rc_reader_open_stream
 * ("stream"), "memory" for rc_reader_open_mem.  A name longer than 96
 * characters is shown as "..." and its last 93, so that the problem still
 * fits in RC_ERRBUF_SIZE bytes (writers' messages too).  Print it as it is.
 *
 * Writing
 * -------
 * rc_writer writes pcap or pcapng with large buffered writes.  Only whole
 * records are ever handed to write(2), so a file is valid up to its last
 * whole packet even if the process is killed between writer calls; a short
 * write (disk full) is truncated back to the last whole record and reported
 * with the file name.  One case no user-space writer can close: the kernel
 * copies a write(2) to a regular file page by page and stops at a page
 * boundary when SIGKILL arrives during the call (mm/filemap.c,
 * generic_perform_write), so a kill *inside* write(2) can leave one partial
 * record at the end; readers deliver every whole packet before it.
 *
 * Thread safety: a reader or writer is used by one thread at a time.
 */
#ifndef RINGCAP_FILE_H
#define RINGCAP_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

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
	RC_READ_AUTO = 0,   /* regular files: mmap or read(2), whichever a short probe at
			     * open measures faster on this machine (files >= 32 MiB;
			     * smaller ones are mapped); pipes: streaming */
	RC_READ_MMAP = 1,   /* map the whole file; fails on pipes */
	RC_READ_STREAM = 2, /* large read(2) calls into an internal buffer */
};

/* Largest caplen accepted by default (libpcap's own maximum is 256 KiB). */
#define RC_DEFAULT_MAX_CAPLEN (256u * 1024u)

typedef struct rc_reader_opts {
	enum rc_read_mode mode;
	uint32_t max_caplen;    /* 0 = RC_DEFAULT_MAX_CAPLEN; larger records are an error */
	size_t stream_buf_bytes; /* 0 = default (256 KiB) */
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
	uint64_t ts_resol_den;   /* 0 if not representable (if_tsresol 2^-64 or 10^-20 and finer) */
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
 * takes ownership of fd (closes it, also when the open fails).  name is used
 * in error messages and copied: the caller may free it once the call returns
 * (rc_reader_open copies path likewise). */
int rc_reader_open_fd(rc_reader **out, int fd, const char *name,
		      const rc_reader_opts *opts, char *errbuf);

/* rc_reader_open_mem - read a capture held in memory (not copied; buf must
 * outlive the reader).  Used by fuzz targets and tests. */
int rc_reader_open_mem(rc_reader **out, const void *buf, size_t len,
		       const rc_reader_opts *opts, char *errbuf);

/*
 * rc_read_fn - where rc_reader_open_stream gets its bytes, with read(2)'s
 * contract: copy at most len bytes (len > 0) to buf and return how many
 * (> 0; fewer than len does not mean the end), 0 at the end of the input,
 * or -1 with errno set on an error.  ctx is the pointer given at open.
 * The reader asks for as much as its buffer holds but waits only for the
 * record it is parsing, so a function that returns what it has at once
 * (as read(2) on a pipe does) rather than waiting for len bytes lets
 * packets be delivered as they arrive.
 */
typedef ssize_t (*rc_read_fn)(void *ctx, void *buf, size_t len);

/*
 * rc_reader_open_stream - read a capture from the bytes fn returns, in
 * order: sniffed and parsed as from a file, through the streaming buffer
 * (rc_reader_stable_data() is 0: packet data is valid until the next read
 * call), so memory stays bounded by the buffer and the largest record
 * however long the input runs.  Offsets in messages count from the first
 * byte fn returned.
 *
 * fn is called only inside this call and the read calls (next/next_batch/
 * loop), on the calling thread, and never again after it returned 0 or
 * failed.  -1 with errno EINTR is no error: fn is called again, unless
 * rc_reader_breakloop() was called, and then the read call returns
 * RC_EBREAK (the bytes read so far are kept; the next call calls fn
 * again).  ringcap cannot interrupt fn itself: a fn that blocks should
 * return EINTR when a signal arrives (read(2) does, under a handler
 * installed without SA_RESTART) for a handler's breakloop to end the read.
 * Any other -1 (errno 0 is taken as EIO), or a count above len, ends
 * reading with RC_EIO, whatever the errno, and a message naming name, the
 * offset and the errno's text (or the count), e.g.
 * "cap.pcap.gz: read at offset 4096: Input/output error"; packets before
 * it are delivered first, and later calls repeat the error.
 *
 * The reader never closes or frees ctx (rc_reader_close does not call fn):
 * ctx must stay valid until rc_reader_close().  name (NULL: "stream") is
 * copied.  opts may be NULL; opts->mode RC_READ_AUTO and RC_READ_STREAM
 * both stream, RC_READ_MMAP is refused with RC_EINVAL.  On failure returns
 * a negative RC_E* status, sets *out = NULL and writes a message into
 * errbuf: RC_EINVAL (NULL out or fn, bad opts), RC_EFORMAT / RC_ETRUNC
 * (not a capture: 0 bytes give "NAME: empty input, not a capture file"),
 * RC_EIO (fn failed), RC_ENOMEM.
 */
int rc_reader_open_stream(rc_reader **out, rc_read_fn fn, void *ctx, const char *name,
			  const rc_reader_opts *opts, char *errbuf);

/*
 * rc_reader_next_batch - fill up to max descriptors.
 * Returns the number filled (> 0), RC_EEOF at the clean end of the input,
 * or a negative error (rc_reader_error() names the input, then says what
 * and at which offset);
 * never 0.  RC_EINVAL for NULL r or pkts or a max of 0 (unlike
 * rc_capture_next_batch, whose 0 means "nothing yet": a reader's input
 * either has a packet or ends).
 * Packets preceding damage are returned by earlier calls first.  RC_EBREAK:
 * a signal handler's rc_reader_breakloop() ended a read blocked on a pipe;
 * unlike the errors it is not repeated, the next call reads on.
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
 * after the current packet.  Async-signal-safe.  Called from a handler
 * installed without SA_RESTART, it also ends a read(2) the handler's signal
 * interrupted (a pipe or socket waiting for input), and likewise a read
 * function that returns EINTR (rc_reader_open_stream).
 *
 * It sets a flag that stays set until something acts on it, as libpcap's
 * pcap_breakloop does: called while no loop runs, it makes the NEXT
 * rc_reader_loop return RC_EBREAK before its first packet (the callback is
 * not called; the packets stay for the call after).  rc_reader_next and
 * rc_reader_next_batch neither check nor clear it, except that a read(2)
 * of theirs interrupted while it is set returns RC_EBREAK, however old the
 * flag.  Every RC_EBREAK clears it. */
void rc_reader_breakloop(rc_reader *r);

/* Facts about the open file.  Each accepts a NULL r and then answers as
 * for a reader that knows nothing: format 0 (no RC_FORMAT_*), link type
 * -1, snap length 0, FCS -1, RC_TS_MICRO, not swapped, version 0.0, data
 * not stable, offset 0, no interfaces. */
enum rc_file_format rc_reader_format(const rc_reader *r);
int rc_reader_linktype(const rc_reader *r);      /* of interface 0 (pcap: the file's); -1 none yet */
uint32_t rc_reader_snaplen(const rc_reader *r);  /* of interface 0 */
int rc_reader_fcs_bits(const rc_reader *r);      /* BYTES, despite the name: the FCS length at
						  * the end of each frame (pcap: the link-type
						  * field's FCS bits, which count 16-bit words,
						  * times 2; pcapng: interface 0's if_fcslen);
						  * -1 none recorded */
enum rc_ts_precision rc_reader_ts_precision(const rc_reader *r); /* resolution in the file */
int rc_reader_is_swapped(const rc_reader *r);    /* file byte order differs from host */
void rc_reader_version(const rc_reader *r, int *major, int *minor);
int rc_reader_stable_data(const rc_reader *r);   /* 1: packet data lives until close */
uint64_t rc_reader_offset(const rc_reader *r);   /* file offset of the next record to parse
						  * (packets still queued after a breakloop
						  * were parsed already) */

/* pcapng: interfaces of the current section seen so far (pcap: exactly
 * one).  The current section is that of the packets the last read call
 * returned: a batch never spans two sections, and rc_packet.ifindex indexes
 * this list.  Nor does a batch span an IDB (one after a packet starts the
 * next batch), so after a read returning packets the list holds exactly
 * the interfaces that came before all of them.  Strings in *info
 * are owned by the reader and valid until close. Returns RC_EINVAL for a
 * NULL r, a NULL info/st or a bad index (the message, in rc_reader_error,
 * names the index and the count). */
size_t rc_reader_iface_count(const rc_reader *r);
int rc_reader_iface(const rc_reader *r, size_t idx, rc_iface_info *info);
int rc_reader_iface_stats(const rc_reader *r, size_t idx, rc_iface_stats *st);

/* Message for the last error on r (never NULL; "" before any error;
 * "no reader" for NULL).  It lives in r: valid until the next call on r
 * (a failing call overwrites it) and gone with rc_reader_close; copy it to
 * keep it. */
const char *rc_reader_error(const rc_reader *r);

/* rc_reader_close - release everything; accepts NULL. */
void rc_reader_close(rc_reader *r);

/* ---- writing ---- */

typedef struct rc_writer_opts {
	enum rc_file_format format;   /* 0 = by extension: ".pcapng" -> pcapng, else pcap;
				       * with append: the existing file's format */
	uint16_t linktype;            /* pcap: the file's; pcapng: of the implicit interface 0 */
	uint32_t snaplen;             /* 0 = 262144 (libpcap's default) */
	enum rc_ts_precision ts_precision; /* pcap only */
	int8_t fcslen;                /* FCS bytes per frame: pcap link-type FCS bits (even,
				       * <= 30), pcapng if_fcslen; -1 or 0 = none recorded */
	size_t buf_bytes;             /* 0 = default (1 MiB); at most 1 GiB */
	const char *userappl;         /* pcapng shb_userappl (NULL = "ringcap <version>") */
	const char *os;               /* pcapng shb_os (NULL = uname: "Linux 6.1.0") */
	const char *comment;          /* pcapng shb opt_comment, may be NULL */
	int no_default_iface;         /* pcapng: don't create interface 0 from linktype/snaplen */
	int append;                   /* append to an existing file of the same format/linktype */
} rc_writer_opts;

typedef struct rc_writer rc_writer;

/*
 * rc_writer_open - create (truncate) path for writing, "-" = stdout (not
 * closed at the end).  opts may be NULL (pcap by extension, Ethernet).
 * Every option is checked before the file is created or truncated; a bad
 * one gives RC_EINVAL and a message naming it ("opts.fcslen 3 ...").  The
 * header (pcap file header, or pcapng SHB and IDB 0) is written before the
 * call returns, so the file is a valid empty capture at once and a full
 * disk shows here (RC_ENOSPC).  Strings in opts are copied or written out
 * before the call returns.
 *
 * opts->append: pcap - the existing header must have host byte order,
 * version 2.4 and the same precision, link-type field (with FCS bits) and
 * snap length (libpcap's pcap_dump_open_append() rules); records are added
 * at the end.  pcapng - the file must start with an SHB and end on a whole
 * block; a new section (SHB, IDBs) is added at the end, which is valid
 * pcapng and leaves the old sections untouched.  A missing or empty file is
 * created as without append.  The pcap records are walked (one sequential
 * read) and a file that ends inside a record, as a crash can leave, is
 * refused with the offset to truncate to.  Errors: RC_EFORMAT (not such a
 * file / damaged), RC_EINVAL (does not match opts).
 *
 * On success *out owns the file until rc_writer_close().  On failure
 * returns a negative RC_E*, sets *out = NULL and writes a message naming
 * path into errbuf (RC_ERRBUF_SIZE bytes).
 */
int rc_writer_open(rc_writer **out, const char *path, const rc_writer_opts *opts,
		   char *errbuf);
/*
 * rc_writer_open_fd - the same on an open descriptor, named name in
 * messages.  The writer closes fd at rc_writer_close() only if own_fd; if
 * this call fails the caller keeps fd either way.  rc_writer_offset() and
 * the truncation after a failed write count from where the writer starts:
 * the end of the file for an O_APPEND descriptor (a shell's ">>"), else the
 * descriptor's position.  opts->append needs a regular file.
 */
int rc_writer_open_fd(rc_writer **out, int fd, int own_fd, const char *name,
		      const rc_writer_opts *opts, char *errbuf);

/*
 * rc_writer_add_iface - pcapng: append an IDB (name, description, filter,
 * linktype, snaplen, fcslen from info; written with if_tsresol = 9).
 * Returns the new interface number (>= 0) or a negative error.  For pcap,
 * only a linktype equal to the file's is accepted (returns 0).
 * info->snaplen 0 = no limit (written as 0, pcapng's "unlimited"); fcslen
 * -1 or 0 = no if_fcslen; strings are
 * written before the call returns (at most 65535 bytes each).  At most
 * 65536 interfaces (RC_ELIMIT).
 */
int rc_writer_add_iface(rc_writer *w, const rc_iface_info *info);

/*
 * rc_writer_write - append one packet.  pkt->ifindex selects the interface
 * (pcapng; ignored for pcap): it is read as the interface's NUMBER in the
 * file (0 for opts' interface, then what rc_writer_add_iface returned), not
 * a kernel ifindex.  A packet from rc_capture carries the kernel's
 * ifindex there, so a program that writes captured packets to pcapng
 * must put the number of the matching IDB in the field first
 * (docs/files.md, "Writing").  pkt->linktype is not looked at: the
 * interface's link type is what the file says, so a packet of another link
 * type needs an interface of its own.  direction (RC_DIR_IN/OUT -> epb_flags),
 * comment (with RC_PKT_HAS_COMMENT, <= 65535 bytes) and dropcount (with
 * RC_PKT_HAS_DROPCOUNT) become EPB options; pcap drops them.  caplen larger
 * than the interface's snaplen is truncated to it (len keeps the wire
 * length).  pkt->data is copied (or written) before the call returns.
 * The record goes into the buffer; a record larger than the buffer is
 * written at once on its own.
 *
 * Errors: RC_EINVAL for a packet that cannot be stored (unknown interface,
 * comment too long, pcap time stamp after 2106, caplen over 1 GiB after
 * snapping, NULL data); nothing is written and
 * the writer stays usable.  RC_ENOSPC / RC_EIO when writing failed; the file
 * has been cut back to its last whole record (regular files) and every
 * later call returns the same error and message.
 */
int rc_writer_write(rc_writer *w, const rc_packet *pkt);
/* rc_writer_write_batch - rc_writer_write for pkts[0..n) in one call (same
 * result, less overhead).  Returns 0, or the first error; the packets before
 * the failing one have been written. */
int rc_writer_write_batch(rc_writer *w, const rc_packet *pkts, size_t n);

/* rc_writer_set_iface_stats - counters written as an ISB (isb_ifrecv,
 * isb_ifdrop, isb_starttime = open time, isb_endtime = close time) per
 * interface at close (pcapng; ignored for pcap).  The last call per
 * interface wins.  RC_EINVAL for an unknown interface. */
int rc_writer_set_iface_stats(rc_writer *w, uint32_t iface, uint64_t recv, uint64_t drop);

/* rc_writer_flush - hand buffered whole records to the kernel (no fsync). */
int rc_writer_flush(rc_writer *w);

/* rc_writer_offset - bytes in the file so far, buffered ones included
 * (exact size the file will have after flush; used for rotation). */
uint64_t rc_writer_offset(const rc_writer *w);

/* rc_writer_packets - packet records w has written, buffered ones included
 * (the packets the file will hold after flush; not the header, IDBs or
 * ISBs, nor what an append found in the file).  A failed write takes the
 * packets it cut off back out: after an error the count is exactly the
 * packets w put in the file, for a caller that reports what reached the
 * disk (rc_writer_write_encoded adds the npkts its caller states: see
 * there).  0 for NULL. */
uint64_t rc_writer_packets(const rc_writer *w);

/* Message for the last error on w (never NULL; "" before any error);
 * valid until the next call on w. */
const char *rc_writer_error(const rc_writer *w);

/* rc_writer_close - write ISBs (pcapng), flush, close; returns the first
 * error met, if any (its message is gone with w: call rc_writer_flush()
 * first to read it).  Accepts NULL. */
int rc_writer_close(rc_writer *w);

/*
 * Pre-encoded records (pcap, pcapng)
 * ----------------------------------
 * A program that captures in one thread and writes in another can have the
 * capture thread turn each packet straight into the bytes of its file
 * record (pcap record, or pcapng Enhanced Packet Block), in a buffer of
 * its own, and the writer thread hand whole buffers to the file: one copy
 * per packet instead of one into the buffer and one into the writer's, and
 * no per-packet work in the writer thread.
 *
 *   rc_encoder *e;                                 // from the open writer
 *   rc_encoder_new(&e, w, err);
 *   // capture thread, per packet:
 *   long n = rc_encoder_encode(e, &pkt, buf + used, cap - used);
 *   if (n > 0) { used += n; count++; }             // 0: buffer full
 *   // writer thread, per buffer:
 *   rc_writer_write_encoded(w, buf, used, count, UINT64_MAX, &bytes, &pkts);
 *
 * The encoder copies the writer's settings (format, time stamp precision,
 * snap length) when it is made and never looks at the writer again: it may
 * outlive it and serves every writer opened with the same options (files
 * of a rotation).  It is immutable, so any number of threads may use it at
 * once.
 *
 * pcapng: each block is for interface pkt->ifindex, the interface's number
 * in the file (rc_writer_add_iface), which rc_writer_write_encoded checks
 * only for the first block of a run; data is cut to the snap length of the
 * writer's options (opts.snaplen), so every interface the blocks name must
 * have at least that one.  A caller that learns interface numbers only in
 * the writing thread may store something else in the field and rewrite it
 * there (the CLI stores the kernel's ifindex: cli/rotate.c).  Packets with
 * a comment or a drop count are not encoded (RC_ENOTSUP): write them with
 * rc_writer_write.
 */
typedef struct rc_encoder rc_encoder;

/* rc_encoder_new - an encoder for the records w writes (pcap or pcapng).
 * RC_EINVAL (message in errbuf) for a NULL writer, RC_ENOMEM.  *out is
 * freed with rc_encoder_free(). */
int rc_encoder_new(rc_encoder **out, const rc_writer *w, char *errbuf);

/*
 * rc_encoder_encode - put pkt's record (header, then at most snap length
 * bytes of data, as rc_writer_write would) at dst.  Returns its length, 0
 * if it does not fit in cap bytes (nothing written), RC_EINVAL for a
 * packet rc_writer_write would refuse (data NULL with caplen > 0, caplen
 * over 1 GiB, a pcap time stamp after 2106) or for a NULL e or pkt (or a
 * NULL dst with cap > 0), or RC_ENOTSUP (pcapng: a comment or a drop
 * count, see above).  No message: an encoder has nowhere to keep one.
 */
long rc_encoder_encode(const rc_encoder *e, const rc_packet *pkt, void *dst, size_t cap);

/* What rc_encoder_encode_batch wrote, and why it stopped early. */
typedef struct rc_encoded_run {
	size_t bytes;        /* bytes of records written at dst */
	uint64_t wire_bytes; /* the sum of the encoded packets' original lengths */
	long stop;           /* stopped before n: 0 = the next record did not fit;
				RC_EINVAL or RC_ENOTSUP = rc_encoder_encode refused
				the next packet (see there); 0 when all n went */
} rc_encoded_run;

/*
 * rc_encoder_encode_batch - rc_encoder_encode for pkts[0..n) in turn, each
 * record right after the last, from dst on: the same bytes, one call for a
 * batch (a capture thread's; cli/writer_thread.c).  It stops at the first
 * packet that does not fit in what is left of cap bytes or that
 * rc_encoder_encode would refuse, and returns how many it encoded
 * (0..n); *run (may be NULL) says how many bytes they take, their original
 * lengths' sum and why it stopped.  A NULL e, a NULL pkts with n > 0 or a
 * NULL dst with cap > 0: 0 with run->stop = RC_EINVAL.
 */
size_t rc_encoder_encode_batch(const rc_encoder *e, const rc_packet *pkts, size_t n, void *dst,
			       size_t cap, rc_encoded_run *run);

/*
 * rc_encoder_reuse - for pkt just read from r: if r's file stores pkt's
 * record exactly as e would encode it (classic pcap in host byte order,
 * the same time stamp precision, caplen within e's snap length, no field
 * to normalise), point *rec at that record in r's memory (valid as long as
 * pkt->data) and return its length; else 0 (*rec = NULL), also when e, r
 * or pkt is NULL (rec NULL: 0, nothing written).  With it, `-r
 * in.pcap -w out.pcap` hands runs of the input's own bytes (adjacent
 * records) to rc_writer_write_encoded instead of copying every packet.
 */
long rc_encoder_reuse(const rc_encoder *e, const rc_reader *r, const rc_packet *pkt,
		      const void **rec);

/* What the header of one encoded record says (rc_encoder_parse). */
typedef struct rc_record_info {
	size_t rec_len;   /* the whole record: header, data, padding, options */
	uint64_t ts_nsec; /* time stamp in nanoseconds, at the encoder's precision */
	uint32_t caplen;  /* data bytes in the record */
	uint32_t len;     /* the packet's original length */
	uint32_t iface;   /* pcapng: the block's interface field; pcap: 0 */
} rc_record_info;

/*
 * rc_encoder_parse - read back the header of the record at rec, avail
 * bytes from there on, one made by an rc_encoder of e's settings (or found
 * by rc_encoder_reuse): 0 and *info, or RC_EINVAL when avail bytes cannot
 * hold such a record (shorter than its header or than the length it
 * states, a pcapng block that is not an Enhanced Packet Block).  It trusts
 * the bytes as rc_writer_write_encoded does: it checks lengths, not
 * contents.  For callers that handle runs of records: merging runs of
 * several sources by time stamp, summing original lengths, rewriting
 * pcapng interface numbers (the CLI's writer thread, cli/rotate.c).
 */
int rc_encoder_parse(const rc_encoder *e, const void *rec, size_t avail, rc_record_info *info);

void rc_encoder_free(rc_encoder *e);

/*
 * rc_writer_write_encoded - append npkts records, recs[0..len), made by an
 * rc_encoder of w's settings (same format, time stamp precision and snap
 * length), or found by rc_encoder_reuse with such an encoder.  They go to
 * the file as they are: the writer does not read every record again (that
 * would cost as much as writing it), so recs must be exactly those records,
 * unmodified but for a pcapng block's interface number; it checks only
 * that len could hold npkts records (at least npkts times the smallest
 * record) and that the first record fits, and for pcapng that it is an
 * Enhanced Packet Block of a described interface (RC_EINVAL, nothing
 * written).  npkts itself is trusted: counting the records would mean a
 * walk over every one (in `ringcap -r in.pcap -w out.pcap`, whose fast
 * path this is, it measured some 5-15% more CPU, within noise of about
 * that size, never the ~2% it would be worth), so a wrong npkts that
 * passes these checks goes unnoticed, and rc_writer_packets() and
 * *done_pkts then count what the caller said, not what the file holds.
 * Writing stops before the first record when the file already holds more than limit
 * bytes (rc_writer_offset(); UINT64_MAX = no limit; tcpdump's -C rule), so
 * a caller rotates and passes the rest to the next file.  *done_bytes and
 * *done_pkts (either may be NULL) get what was written.  Short runs are
 * buffered; longer ones go to write(2) straight from recs, with the same
 * crash and disk-full guarantees as rc_writer_write (a failed write is cut
 * back to the last whole record).
 */
int rc_writer_write_encoded(rc_writer *w, const void *recs, size_t len, size_t npkts,
			    uint64_t limit, size_t *done_bytes, size_t *done_pkts);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_FILE_H */

/*
 * source.h - where a reader's bytes come from (internal).
 *
 * The pcap and pcapng parsers never call read(2) or mmap(2) themselves: they
 * walk a window [cur, end) of contiguous bytes and, when a record does not
 * fit, ask the source to make at least `need` bytes available at cur:
 *
 *     file:  |.......consumed.......|cur=====window=====end|....not yet....|
 *                                    ^ off(cur) = base_off + (cur - base)
 *
 * Three kinds sit behind one const ops table (chosen once at open):
 *   - mem:    the caller's buffer; the window is the whole buffer.
 *   - mmap:   the whole file is mapped once, so pointers stay valid until
 *             close; the window is the whole file (source.c says why it
 *             is not prefaulted).
 *   - stream: read(2), or a read function (the caller's, given to
 *             rc_reader_open_stream, or the chunked test hook's), into one
 *             buffer (default 256 KiB).  fill() moves the
 *             unconsumed tail to the front and reads more, which invalidates
 *             every pointer into the old window; parsers therefore call
 *             fill() only before they hand out the first packet of a batch.
 *             The buffer doubles only when it is full and a record still
 *             needs more, up to buf_max (the parser's largest record).
 */
#ifndef RC_FILE_SOURCE_H
#define RC_FILE_SOURCE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "file/copy_align.h"
#include "ringcap/file.h"

struct rc__source;

struct rc__source_ops {
	/* Make end - cur >= need.  Returns 1 when done, 0 at end of input
	 * (the window then holds everything left), negative RC_E* on error
	 * (message in src->err), RC_EBREAK if breakloop interrupted a read
	 * (the bytes read so far stay; the next call goes on).  May move the
	 * window (stream kinds). */
	int (*fill)(struct rc__source *src, size_t need);
	void (*close)(struct rc__source *src);
	int stable; /* 1: bytes stay at their address until close */
};

struct rc__source {
	const struct rc__source_ops *ops;
	const uint8_t *cur;  /* next unconsumed byte */
	const uint8_t *end;  /* end of the bytes available now */
	const uint8_t *base; /* address of file offset base_off */
	const uint8_t *pf;   /* stable kinds: next line rc__source_prefetch fetches */
	uint64_t base_off;
	/* kind-specific state */
	uint8_t *buf;        /* stream buffer, or mapping */
	size_t buf_cap;      /* stream buffer size, or mapping length */
	size_t buf_max;      /* stream: growth bound set by the parser */
	int fd;              /* -1 when none */
	int eof;             /* stream: the input ended (a read returned 0) */
	/* stream: the reader's breakloop flag (NULL: none).  A read that a
	 * signal interrupts (EINTR) while it is set ends the fill with
	 * RC_EBREAK, so a handler's rc_reader_breakloop can end a read blocked
	 * on a pipe; without it the read is retried. */
	const volatile sig_atomic_t *brk;
	/* stream through a read function: it and its argument */
	rc_read_fn read_fn;
	void *read_ctx;
	/* chunked-memory test source (fuzzing the stream path) */
	const uint8_t *chunk_data;
	size_t chunk_len, chunk_pos;
	const uint8_t *chunk_sizes;
	size_t chunk_nsizes, chunk_idx;
	char *err;           /* the reader's message buffer (RC_ERRBUF_SIZE) */
	const char *name;    /* file name for messages */
};

/* File offset of a pointer inside the current window. */
static inline uint64_t rc__source_off(const struct rc__source *src, const uint8_t *p)
{
	return src->base_off + (uint64_t)(p - src->base);
}

/* Convenience wrapper: 1 if need bytes are now at cur, 0 at EOF, < 0 error. */
static inline int rc__source_need(struct rc__source *src, size_t need)
{
	if ((size_t)(src->end - src->cur) >= need)
		return 1;
	return src->ops->fill(src, need);
}

/*
 * Software read-ahead for the stable kinds (mmap, mem): keep every cache line
 * of the next RC__PREFETCH_AHEAD bytes past cur requested.  Parsers call it
 * once per record.  Why every line and not just the next header: a record's
 * length is in its header, so walking headers is a chain of dependent loads,
 * each a miss into a page-cache page the CPU has not seen (the hardware
 * prefetchers stop at 4 KiB page boundaries).  Requesting the lines ahead in
 * address order turns that chain into a streamed read.  Measured with
 * bench_read's file (2,000,000 records, 1.2 GB, in the page cache) on the
 * project's VM: a bare header walk 126 ns/record, prefetching one line past
 * the next header 99-101, every line 4 KiB ahead 53-60, strides of 128 or
 * 256 bytes 67-70, distances of 2-16 KiB within 5% of each other.  The
 * lines are requested into L2 only (locality 2: prefetcht1), which left L1
 * to the parser: the reader's pcap walk 65 -> 59, pcapng 72 -> 62 ns/record
 * (alternating runs; the non-temporal hint doubled the time).  A
 * read(2) stream's buffer is already in cache (prefetching it measured 10%
 * slower), so stream kinds skip it.
 */
#define RC__PREFETCH_AHEAD 4096u
static inline void rc__source_prefetch(struct rc__source *src)
{
	const uint8_t *lim = (size_t)(src->end - src->cur) > RC__PREFETCH_AHEAD
				     ? src->cur + RC__PREFETCH_AHEAD
				     : src->end;
	if (src->pf < src->cur) /* a record longer than the distance was read */
		src->pf = src->cur;
	while (src->pf < lim) {
		__builtin_prefetch(src->pf, 0, 2);
		src->pf += 64;
	}
}

/* Open helpers; each initialises *src completely.  On failure the message is
 * in err and nothing needs closing (fd is closed by the caller). */
int rc__source_open_mem(struct rc__source *src, const void *buf, size_t len, char *err);
/* Map fd (a regular file of size bytes) and start the window at file offset
 * start (the descriptor's position, <= size).  Returns RC_ENOTSUP if the file
 * cannot be mapped, so the caller may fall back to streaming.  With probe
 * set (RC_READ_AUTO) and at least RC__CALIB_MIN_FILE bytes from start, first
 * times mapped access against read(2) on this machine and returns 1 (mapping
 * released) if read(2) was faster. */
int rc__source_open_mmap(struct rc__source *src, int fd, uint64_t size, uint64_t start,
			 const char *name, char *err, int probe);
/* Stream fd from its position, which is file offset start (0 for a pipe):
 * offsets in messages are file offsets on both kinds. */
int rc__source_open_stream(struct rc__source *src, int fd, size_t buf_bytes, uint64_t start,
			   const char *name, char *err);
/* Stream the bytes fn returns (rc_read_fn's contract): offsets count from
 * the first of them, and every failure of fn is RC_EIO (source.c says why). */
int rc__source_open_fn(struct rc__source *src, rc_read_fn fn, void *ctx, size_t buf_bytes,
		       const char *name, char *err);
/* Test/fuzz hook: stream data out of memory in pieces whose sizes are taken
 * in turn from sizes[] (each 1..256, 0 read as 1), exercising every refill
 * path of the stream source without a pipe.  The pieces come through a read
 * function, so fuzzing this reaches the path of rc_reader_open_stream. */
int rc__source_open_chunked(struct rc__source *src, const void *data, size_t len,
			    const uint8_t *sizes, size_t nsizes, size_t buf_bytes, char *err);
void rc__source_close(struct rc__source *src);

/* Default stream buffer.  Small enough that the bytes one read(2) copies
 * are still in the CPU cache when the parser reaches them: bench_read's
 * STREAM row on the project's VM, 4 MiB 110-116 ns/packet, 256 KiB 86-95
 * (a raw read(2) walk: 64 KiB 83-99, 256-512 KiB 79-86, 1 MiB 86, 4 MiB
 * 115), and still 64 times fewer system calls than stdio's 4 KiB. */
#define RC__STREAM_BUF_DEFAULT (256u << 10)
/* One stretch timed by the AUTO probe: x86-64's PMD size, so that a
 * stretch starting at a multiple of it covers a 2 MiB page-cache folio
 * whole, which the kernel then maps with one PMD entry (mmap_probe_wins). */
#define RC__CALIB_BYTES (2u << 20)
#define RC__CALIB_ROUNDS 8u            /* stretches timed each way */
#define RC__CALIB_MIN_FILE (32u << 20) /* smaller files are simply mapped */

#endif /* RC_FILE_SOURCE_H */

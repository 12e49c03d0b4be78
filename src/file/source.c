/*
 * source.c - byte sources for the capture-file reader: memory, mmap, and
 * streaming through read(2) or a read function, behind one const ops table
 * (see source.h).
 *
 * The mmap source maps the whole file once and lets the parsers' software
 * read-ahead (rc__source_prefetch) pull the bytes in.  It does not prefault:
 * MADV_POPULATE_READ windows of 4 MiB made the mapped walk 10-12% slower on
 * the project's VM (bench_read's raw rows show both), and where the first
 * touch of a mapped page is expensive prefaulting did not make it cheaper
 * (reader.c).  On such machines read(2) wins, which is why RC_READ_AUTO
 * measures both at open (mmap_probe_wins).
 */
#include "file/source.h"

#include "util/errmsg.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* ---- memory ---- */

static int mem_fill(struct rc__source *src, size_t need)
{
	(void)src;
	(void)need;
	return 0; /* everything is already in the window */
}

static void mem_close(struct rc__source *src)
{
	(void)src;
}

static const struct rc__source_ops rc__mem_ops = {
	.fill = mem_fill,
	.close = mem_close,
	.stable = 1,
};

int rc__source_open_mem(struct rc__source *src, const void *buf, size_t len, char *err)
{
	memset(src, 0, sizeof(*src));
	src->ops = &rc__mem_ops;
	src->fd = -1;
	src->err = err;
	src->name = "memory";
	src->base = src->cur = src->pf = buf;
	src->end = src->cur + len;
	return 0;
}

/* ---- mmap ---- */

static void mmap_close(struct rc__source *src)
{
	if (src->buf)
		munmap(src->buf, src->buf_cap);
	src->buf = NULL;
}

static const struct rc__source_ops rc__mmap_ops = {
	.fill = mem_fill, /* the window is the whole mapping from the start */
	.close = mmap_close,
	.stable = 1,
};

static uint64_t mono_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/*
 * What a parser does to [p, p + n): a chain of dependent loads, one per
 * record (each load's value moves the next one, 576-639 bytes on, like
 * headers whose lengths say where the next is), with the mapped kinds'
 * read-ahead (rc__source_prefetch) when prefetch is set.  A plain read of
 * every line instead let the probe pick the mapping on a VM where the
 * parsers' mapped walk lost by 25%: page faults drop the prefetches issued
 * into unmapped pages, which costs a chain far more than a linear sweep.
 */
static unsigned probe_walk(const uint8_t *p, size_t n, int prefetch)
{
	struct rc__source win = { .cur = p, .end = p + n, .pf = p };
	unsigned sum = 0;
	while (win.cur < win.end) {
		if (prefetch)
			rc__source_prefetch(&win);
		uint8_t v = *(volatile const uint8_t *)win.cur;
		sum += v;
		size_t step = 576u + (v & 63u);
		win.cur = (size_t)(win.end - win.cur) > step ? win.cur + step : win.end;
	}
	return sum;
}

/*
 * RC_READ_AUTO's probe: the two ways of getting RC__CALIB_BYTES of the file
 * to the CPU, timed alternately RC__CALIB_ROUNDS times each and compared by
 * their totals.  Round k maps the stretch at the first multiple of
 * RC__CALIB_BYTES at or after k/RC__CALIB_ROUNDS of the way from start to
 * the end, and reads the stretch after it: a file can hold some parts in
 * large folios and others in small ones, and a sample from its start alone
 * chose read(2) for one whose first 32 MiB were small and the rest 2 MiB
 * (62 ns/packet instead of 40).  Each side does what the reader will do for
 * those bytes (probe_walk):
 *   - mapped: walk the stretch in the reader's own mapping with the
 *     read-ahead, then MADV_DONTNEED it: the page faults, page-table walks,
 *     memory traffic and teardown the walk costs.  What a fault costs
 *     depends on the folios the file has in the page cache, which depends
 *     on how it got there: on one VM a file held in 2 MiB folios (mapped
 *     by PMD entries) walked at 40 ns/packet, the same bytes held in 4 KiB
 *     ones at 84, 64 KiB ones at 66, read(2) 52-65 for all three.  A
 *     stretch of its own mapping, 1 MiB long and at no 2 MiB boundary,
 *     could never be mapped by a PMD: the probe chose read(2) for the
 *     first file;
 *   - read(2): pread the next stretch in pieces of the stream buffer's
 *     default size into a page-aligned buffer, each at its file offset
 *     within a page as stream_fill_with places reads, and walk each piece
 *     there (in the cache, now; whole 1 MiB reads overflowed the L2 cache
 *     and priced read(2) 20% above what the stream reader pays).
 * Totals over several stretches, not the best of each: on a VM where the
 * mapped walk lost by 25% (bench_read, 80 vs 59 ns/packet) single 1 MiB
 * samples of either side ranged over 2x.  The stretches read are bytes the
 * reader needs anyway; the cost is a few ms.  Returns 1 if the mapping was
 * not slower.
 */
static int mmap_probe_wins(struct rc__source *src, uint64_t start)
{
	const size_t n = RC__CALIB_BYTES, piece = RC__STREAM_BUF_DEFAULT;
	uint8_t *tmp = rc__page_alloc(piece + RC__COPY_ALIGN);
	if (!tmp)
		return 1;
	memset(tmp, 0, piece + RC__COPY_ALIGN); /* first-touch costs are not read(2)'s */
	uint64_t map_ns = 0, read_ns = 0, span = src->buf_cap - start;
	unsigned sum = 0;
	for (unsigned round = 0; round < RC__CALIB_ROUNDS; round++) {
		uint64_t at = start + span / RC__CALIB_ROUNDS * round;
		uint64_t moff = (at + n - 1) / n * n, roff = moff + n;
		if (roff + n > src->buf_cap)
			break; /* touching a mapping past the end is SIGBUS */
		uint64_t t0 = mono_ns();
		sum += probe_walk(src->buf + moff, n, 1);
		(void)madvise(src->buf + moff, n, MADV_DONTNEED);
		uint64_t t1 = mono_ns();
		ssize_t got = 0;
		for (size_t done = 0; done < n; done += piece) {
			uint8_t *dst = tmp + (roff + done) % RC__COPY_ALIGN;
			got = pread(src->fd, dst, piece, (off_t)(roff + done));
			if (got != (ssize_t)piece)
				break;
			sum += probe_walk(dst, piece, 0);
		}
		uint64_t t2 = mono_ns();
		if (got != (ssize_t)piece)
			break;
		map_ns += t1 - t0;
		read_ns += t2 - t1;
	}
	free(tmp);
	(void)sum;
	return map_ns <= read_ns;
}

int rc__source_open_mmap(struct rc__source *src, int fd, uint64_t size, uint64_t start,
			 const char *name, char *err, int probe)
{
	memset(src, 0, sizeof(*src));
	src->ops = &rc__mmap_ops;
	src->fd = fd;
	src->err = err;
	src->name = name;
	if (size == 0 || size > (uint64_t)SIZE_MAX)
		return rc__errf(err, RC_ENOTSUP, "%s: cannot map a file of %llu bytes", name,
				(unsigned long long)size);
	/* Writable, copy-on-write: packet data is const to callers, but
	 * libpcap hands out a malloc'ed buffer and programs write into it
	 * (argus byte-swaps ESP headers in place), which must neither fault
	 * nor reach the file.  Reads map the page cache as before; only a
	 * written page is copied.  MAP_NORESERVE: no commit charge for the
	 * whole file (a strict overcommit policy may still refuse the map,
	 * and the reader then streams). */
	void *m = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE, fd, 0);
	if (m == MAP_FAILED)
		return rc__errf(err, RC_ENOTSUP, "%s: mmap: %s", name, strerror(errno));
	(void)madvise(m, (size_t)size, MADV_SEQUENTIAL);
	src->buf = m;
	src->buf_cap = (size_t)size;
	/* The whole file is mapped (offsets stay file offsets) but reading
	 * starts where the descriptor is, as read(2) would. */
	src->base = m;
	src->cur = src->pf = src->buf + start;
	src->end = src->buf + size;
	if (probe && size - start >= RC__CALIB_MIN_FILE && !mmap_probe_wins(src, start)) {
		mmap_close(src);
		return 1;
	}
	return 0;
}

/* ---- streaming: read(2), or a read function ---- */

/* A stream kind's read: bytes read (0 at the end of the input) or -errno.
 * EINTR goes back to stream_fill_with, which retries or stops for
 * rc_reader_breakloop. */
typedef long (*rc__read_fn)(struct rc__source *src, uint8_t *dst, size_t max);

static long fd_read(struct rc__source *src, uint8_t *dst, size_t max)
{
	for (;;) {
		ssize_t n = read(src->fd, dst, max);
		if (n >= 0)
			return (long)n;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -(long)errno;
		/* A non-blocking descriptor (an inherited stdin, say) that has
		 * nothing yet: wait as a blocking read would, rather than end
		 * the reader on a sticky RC_EAGAIN. */
		struct pollfd p = { .fd = src->fd, .events = POLLIN };
		if (poll(&p, 1, -1) < 0)
			return -(long)errno;
	}
}

static long fn_read(struct rc__source *src, uint8_t *dst, size_t max)
{
	errno = 0;
	ssize_t n = src->read_fn(src->read_ctx, dst, max);
	if (n >= 0)
		return (long)n;
	return errno ? -(long)errno : -(long)EIO; /* a function that set no errno */
}

/* How a failed read's errno becomes a status.  read(2)'s errno describes
 * the file; a read function's describes whatever it reads, where RC_EAGAIN
 * ("no packet now", but the error sticks) or RC_EINVAL (a bad argument to
 * ringcap) would mislead, so its failures are all RC_EIO, with the errno's
 * text in the message. */
typedef int (*rc__read_status_fn)(int e);

static int fn_status(int e)
{
	(void)e;
	return RC_EIO;
}

/*
 * Shared refill: slide the unconsumed bytes down the buffer, then read
 * until need bytes are there or the input ends, doubling the buffer when
 * it is full (never beyond buf_max, which bounds need).  Each read asks
 * for all the free space but we stop as soon as need is met, so a live
 * pipe never blocks us waiting for data we do not need yet.
 *
 * The bytes slide to the offset within a page that they have in the file,
 * so every read(2) lands at its source's offset within a page
 * (copy_align.h says why).
 */
static int stream_fill_with(struct rc__source *src, size_t need, rc__read_fn rd,
			    rc__read_status_fn status)
{
	size_t have = (size_t)(src->end - src->cur);
	if (need > src->buf_max)
		return rc__errf(src->err, RC_ELIMIT,
				"%s: a record of %zu bytes exceeds the reader's limit of %zu bytes",
				src->name, need, src->buf_max);
	if (src->eof)
		return 0;
	uint64_t cur_off = rc__source_off(src, src->cur);
	size_t pad = (size_t)(cur_off % RC__COPY_ALIGN);
	if (pad + need > src->buf_cap)
		pad = 0; /* a record as large as the buffer: room first */
	if (src->cur != src->buf + pad) {
		memmove(src->buf + pad, src->cur, have);
		src->base_off = cur_off;
		src->base = src->cur = src->buf + pad;
		src->end = src->cur + have;
	}
	while (have < need) {
		if (pad + have == src->buf_cap) {
			/* Grow only as data actually arrives, so a header that
			 * merely claims a huge record costs no memory. */
			size_t cap = src->buf_cap > src->buf_max / 2 ? src->buf_max : src->buf_cap * 2;
			uint8_t *nb = rc__page_alloc(cap);
			if (!nb)
				return rc__errf(src->err, RC_ENOMEM,
						"%s: cannot grow the read buffer to %zu bytes", src->name, cap);
			memcpy(nb, src->cur, have);
			free(src->buf);
			pad = 0;
			src->buf = nb;
			src->buf_cap = cap;
			src->base_off = cur_off;
			src->base = src->cur = nb;
			src->end = nb + have;
		}
		size_t room = src->buf_cap - pad - have;
		unsigned long long off = (unsigned long long)(cur_off + have);
		long n = rd(src, src->buf + pad + have, room);
		if (n == -(long)EINTR) {
			if (src->brk && *src->brk) /* the interrupting handler asked us to stop */
				return rc__errf(src->err, RC_EBREAK,
						"%s: read at offset %llu interrupted by rc_reader_breakloop",
						src->name, off);
			continue;
		}
		if (n < 0)
			return rc__errf(src->err, status((int)-n), "%s: read at offset %llu: %s",
					src->name, off, strerror((int)-n));
		if ((size_t)n > room) /* a read function that broke its contract */
			return rc__errf(src->err, RC_EIO,
					"%s: read at offset %llu: %ld bytes returned, more than the %zu asked for",
					src->name, off, n, room);
		if (n == 0) {
			src->eof = 1;
			break;
		}
		have += (size_t)n;
		src->end = src->cur + have;
	}
	return have >= need;
}

static int stream_fill(struct rc__source *src, size_t need)
{
	return stream_fill_with(src, need, fd_read, rc__from_errno);
}

static int fn_fill(struct rc__source *src, size_t need)
{
	return stream_fill_with(src, need, fn_read, fn_status);
}

static void stream_close(struct rc__source *src)
{
	free(src->buf);
	src->buf = NULL;
}

static const struct rc__source_ops rc__stream_ops = {
	.fill = stream_fill,
	.close = stream_close,
	.stable = 0,
};

static const struct rc__source_ops rc__fn_ops = {
	.fill = fn_fill,
	.close = stream_close, /* the function's argument is the caller's */
	.stable = 0,
};

static int stream_init(struct rc__source *src, const struct rc__source_ops *ops,
		       size_t buf_bytes, char *err)
{
	if (buf_bytes == 0)
		buf_bytes = RC__STREAM_BUF_DEFAULT;
	if (buf_bytes < 4096)
		buf_bytes = 4096;
	src->ops = ops;
	src->err = err;
	src->buf = rc__page_alloc(buf_bytes);
	if (!src->buf)
		return rc__errf(err, RC_ENOMEM, "%s: cannot allocate a %zu-byte read buffer", src->name,
				buf_bytes);
	src->buf_cap = buf_bytes;
	src->buf_max = buf_bytes; /* the parser raises it to its record bound */
	src->base = src->cur = src->end = src->buf;
	return 0;
}

int rc__source_open_stream(struct rc__source *src, int fd, size_t buf_bytes, uint64_t start,
			   const char *name, char *err)
{
	memset(src, 0, sizeof(*src));
	src->fd = fd;
	src->name = name;
	src->base_off = start;
	return stream_init(src, &rc__stream_ops, buf_bytes, err);
}

int rc__source_open_fn(struct rc__source *src, rc_read_fn fn, void *ctx, size_t buf_bytes,
		       const char *name, char *err)
{
	memset(src, 0, sizeof(*src));
	src->fd = -1;
	src->name = name;
	src->read_fn = fn;
	src->read_ctx = ctx;
	return stream_init(src, &rc__fn_ops, buf_bytes, err);
}

/* The chunked hook's read function; ctx is the source itself. */
static ssize_t chunk_read(void *ctx, void *dst, size_t max)
{
	struct rc__source *src = ctx;
	size_t want = 1;
	if (src->chunk_nsizes) {
		want = src->chunk_sizes[src->chunk_idx++ % src->chunk_nsizes];
		if (want == 0)
			want = 1;
	}
	size_t left = src->chunk_len - src->chunk_pos;
	if (want > left)
		want = left;
	if (want > max)
		want = max;
	memcpy(dst, src->chunk_data + src->chunk_pos, want);
	src->chunk_pos += want;
	return (ssize_t)want;
}

int rc__source_open_chunked(struct rc__source *src, const void *data, size_t len,
			    const uint8_t *sizes, size_t nsizes, size_t buf_bytes, char *err)
{
	int rc = rc__source_open_fn(src, chunk_read, src, buf_bytes, "memory stream", err);
	src->chunk_data = data;
	src->chunk_len = len;
	src->chunk_sizes = sizes;
	src->chunk_nsizes = nsizes;
	return rc;
}

void rc__source_close(struct rc__source *src)
{
	if (!src->ops)
		return;
	src->ops->close(src);
	src->ops = NULL;
}

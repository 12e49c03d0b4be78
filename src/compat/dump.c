/*
 * dump.c - writing pcap savefiles: pcap_dump_open, pcap_dump_fopen,
 * pcap_dump_open_append, pcap_dump, pcap_dump_flush, pcap_dump_ftell(64),
 * pcap_dump_file, pcap_dump_close.
 *
 * libpcap's dumper is a stdio stream, and callers rely on that:
 * pcap_dump_file() returns it, pcap_dump_ftell() is ftell() on it (tcpdump
 * -C rotates on it), pcap_dump_fopen() writes to a stream the caller may
 * also use.  So the dumper writes through stdio too, rather than through
 * rc_writer's own descriptor and buffer.
 *
 * Per record, pcap_dump() only copies into the dumper's own buffer; stdio
 * sees one fwrite() per buffer (see struct pcap_dumper for its size).  Two
 * locked fwrite() calls per record, as libpcap makes, were 40% of the CPU
 * of `tcpdump -r -w` at 64-byte packets (perf, issue 6).  Every other
 * entry point hands the pending bytes to stdio first (pcap_dump_file,
 * pcap_dump_flush, pcap_dump_close) or counts them in (pcap_dump_ftell),
 * so the stream is as libpcap's would be wherever a caller can look.
 * Only streams the dumper opened are buffered so, see rc__dumper_new, and
 * only until pcap_dump_file() hands the stream out.
 *
 * The format is always classic pcap (never pcapng, whatever the file name
 * ends with), in host byte order, version 2.4, with the magic telling the
 * handle's time stamp precision:
 *
 *   file header (24 bytes)                     record header (16 bytes)
 *   0  magic a1b2c3d4 (us) / a1b23c4d (ns)     0  ts_sec
 *   4  version_major 2, version_minor 4        4  ts_usec (ns with the ns magic)
 *   8  thiszone 0                              8  caplen
 *   12 sigfigs 0                               12 len
 *   16 snaplen                                 16 caplen bytes of data
 *   20 linktype (LINKTYPE_*, FCS bits above 16)
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compat/pcap_int.h"
#include "file/copy_align.h"

#define RC__MAGIC_US 0xa1b2c3d4u
#define RC__MAGIC_NS 0xa1b23c4du
#define RC__MAGIC_PCAPNG 0x0a0d0d0au

/*
 * The buffer trades what a crash can lose against CPU.  On a regular file
 * it is 64 KiB: SIGKILL or power loss loses at most that plus stdio's
 * partial block, where libpcap loses stdio's block (4 KiB); one fwrite per
 * 64 KiB makes two write(2) calls instead of 16.  Who needs every packet
 * on disk flushes: tcpdump -U calls pcap_dump_flush() after each packet.
 * On anything else (pipe, socket, tty, also as stdout for "-") a reader
 * waits for the data, so the dumper keeps libpcap's latency there: the
 * buffer is the size stdio gives such a stream (st_blksize, at most
 * BUFSIZ: glibc libio/filedoalloc.c), and each full buffer is fflush'ed
 * on, so no more than one such block is ever pending and write(2) sees
 * blocks of about stdio's size, as with libpcap.
 *
 * Programs count on exit(3) to write what libpcap left in stdio's buffer
 * (tcpdump -w never calls pcap_dump_close()), so open dumpers are listed
 * and their pending bytes handed to stdio at exit, before exit() flushes
 * the streams (see rc__dump_at_exit).
 *
 * Like libpcap's, a dumper is used by one thread at a time.  A buffer of
 * 0 bytes (cap 0) writes every record straight through.
 */
#define RC__DUMP_FILE_BUF (64u * 1024u)
#define RC__DUMP_STREAM_BUF 4096u

struct pcap_dumper {
	FILE *fp;
	unsigned char *mem; /* page-aligned allocation, cap + RC__COPY_ALIGN bytes */
	unsigned char *buf; /* in mem, at the stream position's offset within a
			     * page (rc__dump_place) */
	size_t cap;       /* bytes buf holds (0: no buffer) */
	size_t len;       /* bytes pending in buf, not yet given to stdio */
	int flush_each;   /* not a regular file: fflush every full buffer */
	pcap_dumper_t *prev, *next; /* rc__dumpers */
};

/* Every open dumper, for rc__dump_at_exit. */
static pcap_dumper_t *rc__dumpers;
static pthread_mutex_t rc__dumpers_lock = PTHREAD_MUTEX_INITIALIZER;

static void rc__dump_list_add(pcap_dumper_t *d)
{
	pthread_mutex_lock(&rc__dumpers_lock);
	d->prev = NULL;
	d->next = rc__dumpers;
	if (d->next)
		d->next->prev = d;
	rc__dumpers = d;
	pthread_mutex_unlock(&rc__dumpers_lock);
}

static void rc__dump_list_remove(pcap_dumper_t *d)
{
	if (d->cap == 0)
		return; /* never listed */
	pthread_mutex_lock(&rc__dumpers_lock);
	if (d->prev)
		d->prev->next = d->next;
	else
		rc__dumpers = d->next;
	if (d->next)
		d->next->prev = d->prev;
	pthread_mutex_unlock(&rc__dumpers_lock);
}

/* The on-disk record header: two 32-bit time fields, unlike pcap_pkthdr. */
struct rc__dump_rec {
	uint32_t ts_sec;
	uint32_t ts_frac;
	uint32_t caplen;
	uint32_t len;
};

static int rc__dump_fill_header(pcap_t *p, struct pcap_file_header *fh, const char *what)
{
	int linktype = rc__dlt_to_linktype(p->linktype);

	if (linktype < 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s: link-layer type %d isn't supported in savefiles",
				    what, p->linktype);
	memset(fh, 0, sizeof(*fh));
	fh->magic = p->tstamp_precision == PCAP_TSTAMP_PRECISION_NANO ? RC__MAGIC_NS : RC__MAGIC_US;
	fh->version_major = PCAP_VERSION_MAJOR;
	fh->version_minor = PCAP_VERSION_MINOR;
	fh->snaplen = (bpf_u_int32)p->snapshot;
	fh->linktype = (bpf_u_int32)linktype | (bpf_u_int32)p->linktype_ext;
	return 0;
}

/* Buffer size and flushing for fp, see struct pcap_dumper. */
static void rc__dumper_size(pcap_dumper_t *d)
{
	struct stat st;
	int fd = fileno(d->fp);

	d->cap = RC__DUMP_STREAM_BUF;
	d->flush_each = 1;
	if (fd < 0 || fstat(fd, &st) != 0)
		return;
	if (S_ISREG(st.st_mode)) {
		d->cap = RC__DUMP_FILE_BUF;
		d->flush_each = 0;
	} else if (st.st_blksize > 0) {
		d->cap = st.st_blksize < BUFSIZ ? (size_t)st.st_blksize : BUFSIZ;
	}
}

/*
 * Put the empty buffer where its bytes go in the file, modulo a page: they
 * reach the kernel as one fwrite(), whose large part stdio passes to
 * write(2) straight from the buffer, and the kernel's copy is slow when
 * the page-cache side is 1-31 bytes past ours modulo 4096
 * (file/copy_align.h).  Only regular files (not flush_each) have page
 * offsets.  ftello() costs an lseek(2) here, once per buffer handed over
 * (64 KiB), never per packet; errno stays as pcap_dump()'s caller had it.
 */
static void rc__dump_place(pcap_dumper_t *d)
{
	int saved = errno;
	off_t off;

	if (d->flush_each)
		return;
	off = ftello(d->fp);
	if (off >= 0)
		d->buf = d->mem + (size_t)off % RC__COPY_ALIGN;
	errno = saved;
}

/*
 * A stream of the caller's (pcap_dump_fopen) is written through, record by
 * record, as libpcap does: in libpcap the dumper is the FILE itself, so
 * fclose() on it is a complete clean-up and callers may do just that.
 * Records pending here would then be lost, and the exit-time hand-over
 * would write into a freed FILE.  Streams the dumper opened (a file name,
 * or stdout for "-") are buffered until pcap_dump_file() hands them out;
 * from then on they are written through as well.
 */
static pcap_dumper_t *rc__dumper_new(pcap_t *p, FILE *fp, int buffered, const char *what)
{
	pcap_dumper_t *d = malloc(sizeof(*d));

	if (d) {
		d->fp = fp;
		d->len = 0;
		d->mem = d->buf = NULL;
		d->cap = 0;
		d->flush_each = 0;
		if (buffered) {
			rc__dumper_size(d);
			d->mem = d->buf = rc__page_alloc(d->cap + RC__COPY_ALIGN);
		}
	}
	if (!d || (buffered && !d->mem)) {
		free(d);
		rc__pcap_err(p, PCAP_ERROR, "%s: %s", what, strerror(ENOMEM));
		return NULL;
	}
	if (buffered) {
		rc__dump_place(d);
		rc__dump_list_add(d);
	}
	return d;
}

/*
 * Hand the pending bytes to stdio (without fflush); returns 0 or
 * PCAP_ERROR.  They are dropped when the stream failed before (no writes
 * after an error, see pcap_dump) or fails now, as stdio drops its buffer
 * when write(2) fails; the stream's error indicator tells the caller.
 */
static int rc__dump_push(pcap_dumper_t *d)
{
	size_t n = d->len;
	int rc;

	d->len = 0;
	if (n == 0)
		return 0;
	if (ferror_unlocked(d->fp))
		return PCAP_ERROR;
	rc = fwrite(d->buf, n, 1, d->fp) == 1 ? 0 : PCAP_ERROR;
	rc__dump_place(d);
	return rc;
}

/* Write the file header fh (made by rc__dump_fill_header, before the
 * stream was opened) to fp and wrap it; fp is not closed on failure. */
static pcap_dumper_t *rc__dump_start(pcap_t *p, FILE *fp, const struct pcap_file_header *fh,
				     int buffered, const char *what)
{
	if (fwrite(fh, sizeof(*fh), 1, fp) != 1) {
		rc__pcap_err(p, PCAP_ERROR, "%s: can't write file header: %s", what, strerror(errno));
		return NULL;
	}
	return rc__dumper_new(p, fp, buffered, what);
}

static int rc__dump_check_activated(pcap_t *p, const char *fname)
{
	if (p->activated)
		return 0;
	return rc__pcap_err(p, PCAP_ERROR, "%s: not-yet-activated pcap_t passed to pcap_dump_open",
			    fname);
}

/* Checks are made before the file is created or truncated: a handle whose
 * link type cannot be saved leaves an existing file as it was. */
pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname)
{
	struct pcap_file_header fh;
	pcap_dumper_t *d;
	FILE *fp;

	if (!fname) {
		rc__pcap_err(p, PCAP_ERROR, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__dump_check_activated(p, fname) < 0 || rc__dump_fill_header(p, &fh, fname) < 0)
		return NULL;
	if (strcmp(fname, "-") == 0) {
		fp = stdout;
	} else {
		fp = fopen(fname, "we");
		if (!fp) {
			rc__pcap_err(p, PCAP_ERROR, "%s: %s", fname, strerror(errno));
			return NULL;
		}
	}
	d = rc__dump_start(p, fp, &fh, 1, fname);
	if (!d && fp != stdout)
		fclose(fp);
	return d;
}

pcap_dumper_t *pcap_dump_fopen(pcap_t *p, FILE *fp)
{
	struct pcap_file_header fh;

	if (rc__dump_check_activated(p, "stream") < 0 || rc__dump_fill_header(p, &fh, "stream") < 0)
		return NULL;
	return rc__dump_start(p, fp, &fh, 0, "stream");
}

/*
 * Check an existing file's header against want, p's header (same byte
 * order, precision, version 2.4, link type and snap length, as libpcap's
 * pcap_dump_open_append()).
 */
static int rc__dump_check_append(pcap_t *p, FILE *fp, const struct pcap_file_header *want_hdr,
				 const char *fname)
{
	struct pcap_file_header want = *want_hdr, got;
	size_t n;

	n = fread(&got, 1, sizeof(got), fp);
	if (n == 0 && !ferror(fp)) {
		/* An empty file: start it like pcap_dump_open() would. */
		if (fseek(fp, 0, SEEK_SET) != 0 || fwrite(&want, sizeof(want), 1, fp) != 1)
			return rc__pcap_err(p, PCAP_ERROR, "%s: can't write file header: %s",
					    fname, strerror(errno));
		return 0;
	}
	if (n != sizeof(got))
		return rc__pcap_err(p, PCAP_ERROR, "%s: truncated pcap file header", fname);
	if (got.magic == RC__MAGIC_PCAPNG)
		return rc__pcap_err(p, PCAP_ERROR, "%s: is a pcapng file; cannot append to it", fname);
	if (got.magic == __builtin_bswap32(RC__MAGIC_US) || got.magic == __builtin_bswap32(RC__MAGIC_NS))
		return rc__pcap_err(p, PCAP_ERROR, "%s: different byte order, cannot append to file",
				    fname);
	if (got.magic != RC__MAGIC_US && got.magic != RC__MAGIC_NS)
		return rc__pcap_err(p, PCAP_ERROR, "%s: not a pcap file", fname);
	if (got.magic != want.magic)
		return rc__pcap_err(p, PCAP_ERROR,
				    "%s: different time stamp precision, cannot append to file", fname);
	if (got.version_major != PCAP_VERSION_MAJOR || got.version_minor != PCAP_VERSION_MINOR)
		return rc__pcap_err(p, PCAP_ERROR, "%s: version is %u.%u, cannot append to file",
				    fname, got.version_major, got.version_minor);
	if (got.linktype != want.linktype)
		return rc__pcap_err(p, PCAP_ERROR, "%s: different linktype, cannot append to file",
				    fname);
	if (got.snaplen != want.snaplen)
		return rc__pcap_err(p, PCAP_ERROR, "%s: different snaplen, cannot append to file",
				    fname);
	if (fseek(fp, 0, SEEK_END) != 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s: can't seek to end of file: %s", fname,
				    strerror(errno));
	return 0;
}

pcap_dumper_t *pcap_dump_open_append(pcap_t *p, const char *fname)
{
	struct pcap_file_header fh;
	pcap_dumper_t *d;
	FILE *fp;

	if (!fname) {
		rc__pcap_err(p, PCAP_ERROR, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__dump_check_activated(p, fname) < 0)
		return NULL;
	if (rc__dlt_to_linktype(p->linktype) < 0) {
		/* libpcap 1.10 names the converted value here, i.e. -1 */
		rc__pcap_err(p, PCAP_ERROR, "%s: link-layer type %d isn't supported in savefiles",
			     fname, -1);
		return NULL;
	}
	if (rc__dump_fill_header(p, &fh, fname) < 0)
		return NULL;
	if (strcmp(fname, "-") == 0)
		return rc__dump_start(p, stdout, &fh, 1, fname);
	fp = fopen(fname, "r+e");
	if (!fp && errno == ENOENT)
		return pcap_dump_open(p, fname);
	if (!fp) {
		rc__pcap_err(p, PCAP_ERROR, "%s: %s", fname, strerror(errno));
		return NULL;
	}
	if (rc__dump_check_append(p, fp, &fh, fname) < 0) {
		fclose(fp);
		return NULL;
	}
	d = rc__dumper_new(p, fp, 1, fname);
	if (!d)
		fclose(fp);
	return d;
}

/*
 * Library destructors run inside exit(3) before stdio's own flush (glibc:
 * _dl_fini is an exit handler, _IO_cleanup comes after all of them), so
 * what is handed over here reaches the file like libpcap's buffered
 * records.  Only buffered dumpers are listed, and pcap_dump_file() takes a
 * dumper off the list before its caller can fclose() the stream.
 */
__attribute__((destructor)) static void rc__dump_at_exit(void)
{
	pthread_mutex_lock(&rc__dumpers_lock);
	for (pcap_dumper_t *d = rc__dumpers; d; d = d->next)
		(void)rc__dump_push(d);
	pthread_mutex_unlock(&rc__dumpers_lock);
}

/*
 * A record too big for the buffer (snap lengths up to 262144) goes to
 * stdio directly, header and data under one lock so that another thread
 * writing to the stream cannot come between them.
 */
static void rc__dump_direct(pcap_dumper_t *d, const struct rc__dump_rec *rec, const u_char *sp)
{
	flockfile(d->fp);
	/* A failed header write at least keeps the data of a half record out
	 * of the file (libpcap does the same). */
	if (fwrite_unlocked(rec, sizeof(*rec), 1, d->fp) == 1 && rec->caplen > 0)
		(void)fwrite_unlocked(sp, rec->caplen, 1, d->fp);
	funlockfile(d->fp);
}

void pcap_dump(u_char *user, const struct pcap_pkthdr *h, const u_char *sp)
{
	pcap_dumper_t *d = (pcap_dumper_t *)user;
	struct rc__dump_rec rec = {
		.ts_sec = (uint32_t)h->ts.tv_sec,
		.ts_frac = (uint32_t)h->ts.tv_usec,
		.caplen = h->caplen,
		.len = h->len,
	};
	size_t need = sizeof(rec) + (size_t)h->caplen;

	if (need > d->cap - d->len) {
		(void)rc__dump_push(d);
		/* a record too big for the buffer is flushed after it, below */
		if (d->flush_each && need <= d->cap)
			(void)fflush(d->fp);
	}
	/*
	 * Like libpcap 1.10, write nothing more once the stream failed: a
	 * record after a hole would make the rest of the file unreadable.
	 * libpcap's pcap_dump() reports nothing; ferror() on
	 * pcap_dump_file() and pcap_dump_flush() tell the caller.
	 */
	if (ferror_unlocked(d->fp))
		return;
	if (need > d->cap) {
		rc__dump_direct(d, &rec, sp);
		if (d->flush_each)
			(void)fflush(d->fp);
		if (d->cap > 0)
			rc__dump_place(d);
		return;
	}
	memcpy(d->buf + d->len, &rec, sizeof(rec));
	if (h->caplen > 0)
		memcpy(d->buf + d->len + sizeof(rec), sp, h->caplen);
	d->len += need;
}

/*
 * In libpcap the dumper is the stream, so a caller holding it may write to
 * it, fflush() it or fclose() it (then never calling pcap_dump_close()).
 * From here on the dumper writes every record straight through, as
 * libpcap's: the pending bytes go to stdio first, the buffer is freed and
 * the dumper leaves rc__dumpers, so neither a record held back here nor
 * the exit-time hand-over can meet a stream the caller closed.
 */
FILE *pcap_dump_file(pcap_dumper_t *d)
{
	if (d->cap > 0) {
		rc__dump_list_remove(d);
		(void)rc__dump_push(d);
		free(d->mem);
		d->mem = d->buf = NULL;
		d->cap = 0;
		d->flush_each = 0; /* stdio's own buffering, as libpcap's */
	}
	return d->fp;
}

/* ftello() plus what is pending here; no flush, tcpdump -C calls it per
 * packet.  A stream that cannot tell (a pipe) gives -1, as in libpcap. */
static int64_t rc__dump_tell(pcap_dumper_t *d)
{
	off_t off = ftello(d->fp);

	return off < 0 ? (int64_t)off : (int64_t)off + (int64_t)d->len;
}

long pcap_dump_ftell(pcap_dumper_t *d)
{
	int64_t off = rc__dump_tell(d);

	if (off > LONG_MAX) {
		/* ftell()'s answer for an offset a long cannot hold */
		errno = EOVERFLOW;
		return -1;
	}
	return (long)off;
}

int64_t pcap_dump_ftell64(pcap_dumper_t *d)
{
	return rc__dump_tell(d);
}

int pcap_dump_flush(pcap_dumper_t *d)
{
	int rc = rc__dump_push(d);

	if (fflush(d->fp) == EOF)
		rc = PCAP_ERROR;
	return rc;
}

void pcap_dump_close(pcap_dumper_t *d)
{
	if (!d)
		return;
	rc__dump_list_remove(d);
	(void)rc__dump_push(d);
	fclose(d->fp);
	free(d->mem);
	free(d);
}

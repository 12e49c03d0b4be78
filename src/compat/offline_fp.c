/*
 * offline_fp.c - pcap_file(), and a classic pcap savefile read through
 * the FILE it returns.
 *
 * libpcap reads a savefile with fread() from the FILE that pcap_file()
 * returns (sf-pcap.c, pcap_next_packet: a record's header, then its data),
 * so after every read that FILE is at the end of the last record handed
 * out, and a caller may ftell() it, fseek() it and read on from the new
 * position; after the end of the file feof() is true.  tcpslice does all
 * of it to find a time in a file (search.c: sf_find_end, read_up_to).
 * ringcap's reader maps the file or reads ahead of the records it hands
 * out, so a handle keeps it until the caller first asks for the FILE; a
 * classic pcap handle then reads every later record here, one fread()
 * for the header and one for the data, from wherever the FILE is.
 *
 * pcapng keeps ringcap's reader: pcap_file() returns a stream on the same
 * file, placed at the start of the next record the reader would parse,
 * that reading does not move and moving does not affect.  (A pcapng
 * record can only be parsed with its section's header and interfaces, so
 * reading it from wherever a caller put the FILE is not simple; tcpslice,
 * the program that does it, reads classic pcap only.)  So do pipes: what
 * the reader took from one cannot be put back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat/pcap_int.h"
#include "file/pcap_defs.h"

static uint32_t rc__fp_ld32(const pcap_t *p, const uint8_t *b)
{
	uint32_t v;

	memcpy(&v, b, 4);
	return p->swapped ? __builtin_bswap32(v) : v;
}

/*
 * The next record read through p->fp into *pkt (the data in p->fpr.buf):
 * 1, 0 at the end of the file, PCAP_ERROR.  Messages are the reader's
 * (pcap_read.c), with the FILE's positions.  A record longer than the
 * link type's maximum is returned with its data unread, as libpcap
 * leaves the FILE after its header, for rc__offline_get to refuse.
 */
int rc__offline_fp_next(pcap_t *p, rc_packet *pkt)
{
	struct rc__fp_read *f = &p->fpr;
	off_t off = ftello(p->fp);
	uint8_t h[RC_PCAP_MODIFIED_REC_HDR_LEN];
	uint32_t caplen, len;
	size_t n = fread(h, 1, f->hdr_len, p->fp);

	if (n != f->hdr_len) {
		if (ferror(p->fp))
			return rc__pcap_err(p, PCAP_ERROR, "read at offset %lld: %s",
					    (long long)off + (long long)n, strerror(errno));
		if (n == 0)
			return 0;
		return rc__pcap_err(p, PCAP_ERROR,
				    "pcap record at offset %lld: truncated header: %zu of %u bytes",
				    (long long)off, n, f->hdr_len);
	}
	caplen = rc__fp_ld32(p, h + 8);
	len = rc__fp_ld32(p, h + 12);
	if (f->len_swap == 1 || (f->len_swap == 2 && caplen > len)) {
		uint32_t t = caplen;

		caplen = len;
		len = t;
	}
	*pkt = (rc_packet){
		.ts_nsec = (uint64_t)rc__fp_ld32(p, h) * 1000000000u +
			   (uint64_t)rc__fp_ld32(p, h + 4) * f->frac_mul,
		.caplen = caplen,
		.len = len,
		.flags = caplen < len ? RC_PKT_TRUNCATED : 0,
	};
	if (caplen > p->max_caplen)
		return 1;
	if (caplen > f->cap) {
		uint8_t *b = realloc(f->buf, caplen);

		if (!b)
			return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
		f->buf = b;
		f->cap = caplen;
	}
	n = fread(f->buf, 1, caplen, p->fp);
	if (n != caplen) {
		if (ferror(p->fp))
			return rc__pcap_err(p, PCAP_ERROR, "read at offset %lld: %s",
					    (long long)off + (long long)(f->hdr_len + n), strerror(errno));
		return rc__pcap_err(p, PCAP_ERROR,
				    "pcap record at offset %lld: truncated: caplen %u but only %zu bytes follow the header",
				    (long long)off, caplen, n);
	}
	pkt->data = f->buf;
	return 1;
}

/*
 * Read the rest of a classic pcap savefile through p->fp (see the top):
 * 0, or -1 if fp cannot be placed (a pipe: its first fseeko() fails, and
 * the reader goes on).
 * fp starts at the end of the last record handed out; the reader's
 * records not yet handed out are dropped, to be read again through fp.
 * After damage was reported the FILE is at the end, as libpcap's is once
 * fread() met the end inside a record.
 */
static int rc__offline_to_fp(pcap_t *p)
{
	struct rc__fp_read *f = &p->fpr;
	uint64_t pos = p->off_base + rc_reader_offset(p->reader);
	uint32_t magic;
	uint8_t b[4];

	if (fseeko(p->fp, (off_t)p->first_rec_off - RC_PCAP_FILE_HDR_LEN, SEEK_SET) != 0 ||
	    fread(b, 1, 4, p->fp) != 4)
		return -1;
	magic = rc__fp_ld32(p, b);
	f->hdr_len = magic == RC_PCAP_MAGIC_MODIFIED ? RC_PCAP_MODIFIED_REC_HDR_LEN
						     : RC_PCAP_REC_HDR_LEN;
	f->frac_mul = magic == RC_PCAP_MAGIC_NSEC ? 1u : 1000u;
	/* sf-pcap.c: caplen and len were exchanged before version 2.3 (and
	 * in 543.0, the other version the reader accepts), may be in 2.3
	 * files (pcap_read.c alike). */
	f->len_swap = p->version_minor < 3 ? 1 : p->version_minor == 3 ? 2 : 0;
	for (size_t i = p->batch_i; i < p->batch_n; i++)
		pos -= f->hdr_len + p->batch[i].caplen;
	if (p->ended ? fseeko(p->fp, 0, SEEK_END) : fseeko(p->fp, (off_t)pos, SEEK_SET))
		return -1;
	rc_reader_close(p->reader);
	p->reader = NULL;
	p->batch_i = p->batch_n = 0;
	p->file_fd = fileno(p->fp);
	f->on = 1;
	return 0;
}

/*
 * A read-only stream of its own on the file a handle opened by name reads
 * (/proc/self/fd: a new open file description, so that moving it does not
 * move the reader's descriptor), placed at pos.  NULL if that fails.
 */
static FILE *rc__offline_open_fp(const pcap_t *p, uint64_t pos)
{
	char path[64];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", p->file_fd);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	fp = fdopen(fd, "r");
	if (!fp) {
		close(fd);
		return NULL;
	}
	if (fseeko(fp, (off_t)pos, SEEK_SET) != 0) {
		fclose(fp);
		return NULL;
	}
	return fp;
}

/*
 * pcap_file() of a savefile: libpcap's is the FILE it reads (the caller's
 * for pcap_fopen_offline, stdin for "-").  NULL only if a stream on a file
 * opened by name cannot be made (no /proc).
 */
FILE *rc__offline_file(pcap_t *p)
{
	if (p->fp_made)
		return p->fp;
	if (!p->fp)
		p->fp = rc__offline_open_fp(p, p->off_base + rc_reader_offset(p->reader));
	if (!p->fp)
		return NULL;
	p->fp_made = 1;
	if (rc_reader_format(p->reader) == RC_FORMAT_PCAP)
		rc__offline_to_fp(p); /* a pipe stays with the reader */
	return p->fp;
}

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
#include <stdlib.h>
#include <string.h>

#include "compat/pcap_int.h"

#define RC__MAGIC_US 0xa1b2c3d4u
#define RC__MAGIC_NS 0xa1b23c4du
#define RC__MAGIC_PCAPNG 0x0a0d0d0au

struct pcap_dumper {
	FILE *fp;
};

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

static pcap_dumper_t *rc__dumper_new(pcap_t *p, FILE *fp, const char *what)
{
	pcap_dumper_t *d = malloc(sizeof(*d));

	if (!d) {
		rc__pcap_err(p, PCAP_ERROR, "%s: %s", what, strerror(ENOMEM));
		return NULL;
	}
	d->fp = fp;
	return d;
}

/* Write the file header to fp and wrap it; fp is not closed on failure. */
static pcap_dumper_t *rc__dump_start(pcap_t *p, FILE *fp, const char *what)
{
	struct pcap_file_header fh;

	if (rc__dump_fill_header(p, &fh, what) < 0)
		return NULL;
	if (fwrite(&fh, sizeof(fh), 1, fp) != 1) {
		rc__pcap_err(p, PCAP_ERROR, "%s: can't write file header: %s", what, strerror(errno));
		return NULL;
	}
	return rc__dumper_new(p, fp, what);
}

static int rc__dump_check_activated(pcap_t *p, const char *fname)
{
	if (p->activated)
		return 0;
	return rc__pcap_err(p, PCAP_ERROR, "%s: not-yet-activated pcap_t passed to pcap_dump_open",
			    fname);
}

pcap_dumper_t *pcap_dump_open(pcap_t *p, const char *fname)
{
	pcap_dumper_t *d;
	FILE *fp;

	if (!fname) {
		rc__pcap_err(p, PCAP_ERROR, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__dump_check_activated(p, fname) < 0)
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
	d = rc__dump_start(p, fp, fname);
	if (!d && fp != stdout)
		fclose(fp);
	return d;
}

pcap_dumper_t *pcap_dump_fopen(pcap_t *p, FILE *fp)
{
	if (rc__dump_check_activated(p, "stream") < 0)
		return NULL;
	return rc__dump_start(p, fp, "stream");
}

/*
 * Check an existing file's header against p before appending to it (same
 * byte order, precision, version 2.4, link type and snap length, as
 * libpcap's pcap_dump_open_append()).
 */
static int rc__dump_check_append(pcap_t *p, FILE *fp, const char *fname)
{
	struct pcap_file_header want, got;
	size_t n;

	if (rc__dump_fill_header(p, &want, fname) < 0)
		return PCAP_ERROR;
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
	pcap_dumper_t *d;
	FILE *fp;

	if (!fname) {
		rc__pcap_err(p, PCAP_ERROR, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__dump_check_activated(p, fname) < 0)
		return NULL;
	if (strcmp(fname, "-") == 0)
		return rc__dump_start(p, stdout, fname);
	fp = fopen(fname, "r+e");
	if (!fp && errno == ENOENT)
		return pcap_dump_open(p, fname);
	if (!fp) {
		rc__pcap_err(p, PCAP_ERROR, "%s: %s", fname, strerror(errno));
		return NULL;
	}
	if (rc__dump_check_append(p, fp, fname) < 0) {
		fclose(fp);
		return NULL;
	}
	d = rc__dumper_new(p, fp, fname);
	if (!d)
		fclose(fp);
	return d;
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

	/* libpcap reports no error here; a failed header write at least
	 * keeps the data of a half record out of the file.  ferror() and
	 * pcap_dump_flush() tell the caller. */
	if (fwrite(&rec, sizeof(rec), 1, d->fp) == 1 && h->caplen > 0)
		(void)fwrite(sp, h->caplen, 1, d->fp);
}

FILE *pcap_dump_file(pcap_dumper_t *d)
{
	return d->fp;
}

long pcap_dump_ftell(pcap_dumper_t *d)
{
	return ftell(d->fp);
}

int64_t pcap_dump_ftell64(pcap_dumper_t *d)
{
	return (int64_t)ftello(d->fp);
}

int pcap_dump_flush(pcap_dumper_t *d)
{
	return fflush(d->fp) == EOF ? PCAP_ERROR : 0;
}

void pcap_dump_close(pcap_dumper_t *d)
{
	if (!d)
		return;
	fclose(d->fp);
	free(d);
}

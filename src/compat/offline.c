/*
 * offline.c - savefile handles: pcap_open_offline*, pcap_fopen_offline*
 * on ringcap's rc_reader (pcap in either byte order and resolution, and
 * pcapng).
 *
 * Behaviour follows libpcap 1.10's sf-pcap.c / sf-pcapng.c where callers
 * can see it:
 *   - the snap length is the pcap header's (0 or negative as an int: the
 *     link type's maximum, rc__pcap_max_snaplen: 262144, more for D-Bus,
 *     USBPcap, EBHSCR) or the first pcapng interface's (0 or more than the
 *     maximum: the maximum); a record longer than the link type's maximum
 *     is an error, one longer than the snap length is cut to it;
 *   - pcapng: a pcap_t has one link type and one snap length, so every
 *     interface must have the first one's link type and (adjusted) snap
 *     length; each interface is checked as the reader parses it, also one
 *     no packet uses.  libpcap 1.10 (sf-pcapng.c) does not add an
 *     interface unlike the first to its list: the read that meets it
 *     returns -1 ("an interface has a type %u different ...", or "... a
 *     snapshot length %u ..."), and reading goes on after it.  A packet
 *     then names an interface by its number in libpcap's list, which lacks
 *     the refused ones: one numbered past that list's end is -1 ("a packet
 *     arrived on interface %u, but there's no Interface Description Block
 *     for that interface") and reading goes on; one inside it is
 *     delivered, also when its file interface was a refused one (libpcap
 *     then stamps it with another interface's time resolution and offset,
 *     ringcap with its own: the one difference left);
 *   - pcap_datalink_ext() is the pcap header's FCS bits; 0 for pcapng;
 *   - time stamps are converted to the precision asked for at open
 *     (microseconds truncate);
 *   - the filter set with pcap_setfilter() runs in user space;
 *   - pcap_next_ex() returns PCAP_ERROR_BREAK at the end of the file;
 *   - pcap_fopen_offline(), and pcap_open_offline("-") through it, read
 *     from the stream's current position and leave stdin open at
 *     pcap_close(), see there;
 *   - damage is reported once, then the file has ended (see
 *     rc__offline_is_damage);
 *   - pcap_file() returns a FILE a caller may move, see offline_fp.c.
 * Packet data is handed out zero-copy from the reader, a batch of
 * descriptors at a time (rc__offline_fill): valid until the next read call
 * on the handle, as libpcap promises.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat/pcap_int.h"
#include "util/errmsg.h"

/* Descriptor pcap_get_selectable_fd() reports for a savefile (pcap_fileno()
 * reports -1 for savefiles, as libpcap 1.10, see handle.c). */
static int rc__offline_fd(pcap_t *p)
{
	return p->file_fd;
}

/*
 * Check the interfaces the reader parsed since the last call against the
 * first one, as libpcap does for each IDB it reads: the first unlike it is
 * counted as refused and reported (PCAP_ERROR), the ones after it are left
 * for the next call, one report per call as in libpcap.  A new section
 * starts the reader's list again; one with fewer interfaces is noticed and
 * checked from the start.
 */
static int rc__offline_check_ifaces(pcap_t *p)
{
	size_t n = rc_reader_iface_count(p->reader);
	rc_iface_info info;

	if (rc_reader_format(p->reader) != RC_FORMAT_PCAPNG)
		return 0; /* one interface, the file header */
	if (n < p->ifaces_checked)
		p->ifaces_checked = p->ifaces_refused = 0;
	while (p->ifaces_checked < n) {
		if (rc_reader_iface(p->reader, p->ifaces_checked, &info) < 0)
			break;
		p->ifaces_checked++;
		if (rc__linktype_to_dlt(info.linktype) != p->linktype) {
			p->ifaces_refused++;
			return rc__pcap_err(p, PCAP_ERROR,
					    "an interface has a type %u different from the type of the first interface",
					    (unsigned)info.linktype);
		}
		if (rc__pcap_adjust_snaplen(p->linktype, info.snaplen) != p->snapshot) {
			p->ifaces_refused++;
			return rc__pcap_err(p, PCAP_ERROR,
					    "an interface has a snapshot length %u different from the snapshot length of the first interface",
					    info.snaplen);
		}
	}
	return 0;
}

/*
 * pcap_bufsize() of a savefile is the size of libpcap's record buffer: at
 * open the snap length, at most 2048 (sf-pcap.c; sf-pcapng.c starts at
 * 2048), grown to the next power of 2 (at most the link type's maximum)
 * when a record does not fit.  pcapng's grows with whole blocks in libpcap,
 * here with the record's data: close, not exact.
 */
static void rc__offline_grow_bufsize(pcap_t *p, uint32_t caplen)
{
	uint64_t size = 1;

	if (caplen <= (uint32_t)p->bufsize)
		return;
	while (size < caplen)
		size <<= 1;
	p->bufsize = size > p->max_caplen ? (int)p->max_caplen : (int)size;
}

/*
 * The reader's message without the "NAME: " it starts with: libpcap's
 * messages about damage or read errors after the open do not name the
 * file (tcpdump prints them after "pcap_loop: "), its open errors do.
 */
static const char *rc__offline_unnamed(const pcap_t *p)
{
	const char *m = rc_reader_error(p->reader);
	size_t n = p->reader_name_len;

	if (strnlen(m, n + 2) == n + 2 && m[n] == ':' && m[n + 1] == ' ')
		return m + n + 2;
	return m;
}

/*
 * Damage the reader reports (a record cut short by the end of the file, a
 * malformed one) ends the file.  libpcap reports it once, and its next
 * read starts where fread() left the FILE: at the end of a truncated
 * file, where a read that gets no byte is the end of the file (sf-pcap.c,
 * sf-pcapng.c), or past the header of a malformed record, where what
 * follows is seldom a record.  The reader repeats its error instead, and
 * a `while (pcap_next_ex(..) != PCAP_ERROR_BREAK)` loop would never end.
 * Read errors (EIO from a stream) are not damage: libpcap's next fread()
 * tries again, and so does the reader.
 */
static int rc__offline_is_damage(int status)
{
	return status == RC_ETRUNC || status == RC_EFORMAT || status == RC_ELIMIT;
}

/*
 * Make p->batch hold a packet not yet looked at: 1, 0 at the end of the
 * file, PCAP_ERROR with the reader's message.  Packets are read a batch at
 * a time (one call into the reader per RC__PCAP_BATCH packets, not one per
 * packet); the reader keeps a batch's data valid until it is read again,
 * which happens only once every packet of the batch was looked at.  After
 * pcap_file(), a classic pcap file is read a record at a time through the
 * FILE instead (offline_fp.c).
 *
 * The interfaces the read parsed are checked before any of its packets is
 * handed out.  A pcapng batch never crosses an IDB (it ends before one,
 * pcapng_read.c), so the interfaces a read parsed precede all of its
 * packets: each refused one is reported by a call of its own (the batch
 * waits), then the packets come - libpcap's order.  Only after a refusal
 * may interfaces be left unchecked.
 */
static int rc__offline_fill(pcap_t *p)
{
	int n;

	if (p->ifaces_refused && rc__offline_check_ifaces(p) < 0)
		return PCAP_ERROR;
	if (p->batch_i < p->batch_n)
		return 1;
	p->batch_i = p->batch_n = 0;
	if (p->fpr.on) {
		n = rc__offline_fp_next(p, &p->batch[0]);
		p->batch_n = n > 0 ? 1 : 0;
		return n;
	}
	if (p->ended)
		return 0;
	n = rc_reader_next_batch(p->reader, p->batch, RC__PCAP_BATCH);
	p->batch_n = n > 0 ? (size_t)n : 0;
	/* A status after a refused interface waits too: the reader repeats
	 * it on the next call. */
	if (rc__offline_check_ifaces(p) < 0)
		return PCAP_ERROR;
	if (n == RC_EEOF)
		return 0;
	if (n < 0) {
		p->ended = rc__offline_is_damage(n);
		return rc__pcap_err(p, PCAP_ERROR, "%s", rc__offline_unnamed(p));
	}
	return 1;
}

/*
 * Next packet, whatever the filter says: 1 with *out pointing into
 * p->batch, 0 at the end of the file, PCAP_ERROR.  Every interface has the
 * handle's snap length (rc__offline_check_ifaces), so cutting to
 * p->snapshot cuts to the packet's own interface's.  A record refused here
 * is consumed: the next call goes on after it (read through the FILE, only
 * its header is, as in libpcap: offline_fp.c).
 */
static int rc__offline_get(pcap_t *p, rc_packet **out)
{
	rc_packet *pkt;
	int rc = rc__offline_fill(p);

	if (rc <= 0)
		return rc;
	pkt = &p->batch[p->batch_i++];
	/* libpcap's list lacks the refused interfaces (see the top) */
	if (p->ifaces_refused && pkt->ifindex >= p->ifaces_checked - p->ifaces_refused)
		return rc__pcap_err(p, PCAP_ERROR,
				    "a packet arrived on interface %u, but there's no Interface Description Block for that interface",
				    pkt->ifindex);
	if (pkt->caplen > p->max_caplen) {
		if (pkt->caplen > (uint32_t)p->snapshot)
			return rc__pcap_err(p, PCAP_ERROR,
					    "invalid packet capture length %u, bigger than snaplen of %d",
					    pkt->caplen, p->snapshot);
		return rc__pcap_err(p, PCAP_ERROR,
				    "invalid packet capture length %u, bigger than maximum of %u",
				    pkt->caplen, p->max_caplen);
	}
	if (pkt->caplen > (uint32_t)p->snapshot)
		pkt->caplen = (uint32_t)p->snapshot;
	rc__offline_grow_bufsize(p, pkt->caplen);
	*out = pkt;
	return 1;
}

static int rc__offline_read(pcap_t *p, int cnt, pcap_handler cb, u_char *user)
{
	struct pcap_pkthdr h;
	rc_packet *pkt;
	int n = 0, rc;

	for (;;) {
		/* As libpcap: a break with packets already delivered returns
		 * them and leaves the flag set for the next call. */
		if (p->break_loop) {
			if (n == 0) {
				p->break_loop = 0;
				return PCAP_ERROR_BREAK;
			}
			return n;
		}
		rc = rc__offline_get(p, &pkt);
		if (rc <= 0)
			return rc < 0 ? rc : n;
		if (!rc__pcap_filter_accepts(p, pkt))
			continue;
		rc__pcap_fill_hdr(p, pkt, &h);
		cb(user, &h, pkt->data);
		n++;
		if (cnt > 0 && n >= cnt)
			return n;
	}
}

static int rc__offline_next(pcap_t *p, struct pcap_pkthdr *h, const u_char **data)
{
	rc_packet *pkt;
	int rc;

	for (;;) {
		if (p->break_loop) {
			p->break_loop = 0;
			return PCAP_ERROR_BREAK;
		}
		rc = rc__offline_get(p, &pkt);
		if (rc == 0)
			return PCAP_ERROR_BREAK;
		if (rc < 0)
			return rc;
		if (rc__pcap_filter_accepts(p, pkt))
			break;
	}
	rc__pcap_fill_hdr(p, pkt, h);
	*data = pkt->data;
	return 1;
}

static int rc__offline_setfilter(pcap_t *p, const rc_bpf_insn *insns, size_t len)
{
	return rc__pcap_install_filter(p, insns, len);
}

static void rc__offline_cleanup(pcap_t *p)
{
	rc_reader_close(p->reader);
	p->reader = NULL;
	free(p->batch);
	p->batch = NULL;
	free(p->fpr.buf);
	p->fpr.buf = NULL;
	/* As libpcap: a handle on stdin leaves it open. */
	if (p->fp && p->fp != stdin)
		fclose(p->fp);
	p->fp = NULL;
}

const struct rc__pcap_ops rc__pcap_offline_ops = {
	.read = rc__offline_read,
	.next = rc__offline_next,
	.setfilter = rc__offline_setfilter,
	.selectable_fd = rc__offline_fd,
	.cleanup = rc__offline_cleanup,
};

/*
 * Make a savefile handle on an open reader, opened with name (NULL on
 * failure: the reader is closed, errbuf says why).  fd is what
 * pcap_get_selectable_fd() reports, fp the stream of pcap_fopen_offline()
 * (fclose'd at pcap_close) or stdin, NULL otherwise; off_base the
 * position in fp of the reader's offset 0 (offline_fp.c).
 */
static pcap_t *rc__offline_wrap(int rc, rc_reader *r, const char *name, const char *err, int fd,
				FILE *fp, uint64_t off_base, u_int precision, char *errbuf)
{
	pcap_t *p;
	int major, minor, fcs;
	uint32_t snaplen;

	if (rc < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", err);
		return NULL;
	}
	p = rc__pcap_alloc(&rc__pcap_offline_ops, errbuf);
	if (p && !(p->batch = calloc(RC__PCAP_BATCH, sizeof(*p->batch)))) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "malloc: %s", strerror(ENOMEM));
		free(p);
		p = NULL;
	}
	if (!p) {
		rc_reader_close(r);
		return NULL;
	}
	p->reader = r;
	p->reader_name_len = rc__shown_name_len(name);
	p->linktype = rc__linktype_to_dlt(rc_reader_linktype(r));
	p->max_caplen = (uint32_t)rc__pcap_max_snaplen(p->linktype);
	/* The pcap header's FCS field counts 16-bit words; libpcap leaves
	 * pcapng's if_fcslen out of pcap_datalink_ext(). */
	fcs = rc_reader_format(r) == RC_FORMAT_PCAP ? rc_reader_fcs_bits(r) : 0;
	p->linktype_ext = fcs > 0 ? (int)LT_FCS_DATALINK_EXT((unsigned)fcs / 2u) : 0;
	/* sf-pcap.c keeps a pcap header's snap length unless it is not
	 * positive as an int; sf-pcapng.c adjusts the IDB's like a live one. */
	snaplen = rc_reader_snaplen(r);
	if (rc_reader_format(r) == RC_FORMAT_PCAP)
		p->snapshot = (int32_t)snaplen > 0 ? (int)snaplen : (int)p->max_caplen;
	else
		p->snapshot = rc__pcap_adjust_snaplen(p->linktype, snaplen);
	p->bufsize = rc_reader_format(r) == RC_FORMAT_PCAP && p->snapshot < 2048 ? p->snapshot : 2048;
	p->swapped = rc_reader_is_swapped(r);
	rc_reader_version(r, &major, &minor);
	p->version_major = major;
	p->version_minor = minor;
	p->tstamp_precision = (int)precision;
	p->opt.tstamp_precision = (int)precision;
	p->file_fd = fd;
	p->fp = fp;
	p->off_base = off_base;
	p->first_rec_off = off_base + rc_reader_offset(r);
	p->activated = 1;
	return p;
}

/*
 * Reader options of every savefile: records up to the largest per-link-type
 * maximum (128 MiB, D-Bus) get through the reader; rc__offline_get holds
 * each record to its own link type's maximum, as libpcap does.  Until then
 * a damaged record can make a streaming reader allocate up to that much.
 */
static const rc_reader_opts rc__offline_opts = { .max_caplen = RC__PCAP_MAX_SNAPLEN_ANY };

static int rc__offline_check_precision(u_int precision, char *errbuf)
{
	if (precision == PCAP_TSTAMP_PRECISION_MICRO || precision == PCAP_TSTAMP_PRECISION_NANO)
		return 0;
	snprintf(errbuf, PCAP_ERRBUF_SIZE, "unknown time stamp resolution %u", precision);
	return -1;
}

/* Bytes stdio has read ahead from fp's descriptor and not handed out. */
static size_t rc__stdio_readahead(FILE *fp)
{
#ifdef __GLIBC__
	return fp->_IO_read_end > fp->_IO_read_ptr ? (size_t)(fp->_IO_read_end - fp->_IO_read_ptr) : 0;
#else
	(void)fp;
	return 0;
#endif
}

/*
 * The rc_read_fn of a stream without a descriptor (fmemopen, fopencookie)
 * or on a pipe whose bytes stdio has read ahead: like read(2) it returns
 * what one read of the stream brings - a byte that may make stdio call the
 * cookie (or read(2) the pipe) once, then what stdio holds buffered -
 * rather than fread()ing all len bytes, which would hold packets back
 * until the stream delivered 256 KiB.  (Without glibc's buffer pointers,
 * rc__stdio_readahead, that is a byte a call: slow, but never stuck.)
 */
static ssize_t rc__fopen_read(void *ctx, void *buf, size_t len)
{
	FILE *fp = ctx;
	size_t more;

	if (fread(buf, 1, 1, fp) == 0) {
		if (!ferror(fp))
			return 0;
		/* errno is the cookie's (ferror and clearerr keep it); clear
		 * the flag so an EINTR the reader retries leaves no trace */
		clearerr(fp);
		return -1;
	}
	more = rc__stdio_readahead(fp);
	if (more > len - 1)
		more = len - 1;
	return (ssize_t)(1 + fread((uint8_t *)buf + 1, 1, more, fp));
}

/*
 * As libpcap, reading starts at the stream's position, including bytes
 * stdio has buffered.  The reader reads a descriptor of its own (a dup of
 * fileno(fp)), placed at ftello(fp): stdio's read-ahead is accounted for,
 * and a file read from the middle is streamed rather than mapped (a mapping
 * starts at 0).  A pipe cannot be repositioned: it is read from its
 * descriptor if stdio holds none of its bytes (a fresh stream, the fast
 * path), else through stdio, as is a stream without a descriptor: as the
 * packets are asked for (rc__fopen_read), an endless stream as well as a
 * short one.  fp itself is kept to be fclose'd at pcap_close(), unless it
 * is stdin.  name is the reader's, for its messages.
 */
static pcap_t *rc__offline_open_fp(FILE *fp, const char *name, u_int precision, char *errbuf)
{
	rc_reader_opts opts = rc__offline_opts;
	char err[RC_ERRBUF_SIZE];
	rc_reader *r = NULL;
	int fd, rc;
	off_t pos;

	pos = ftello(fp);
	if (fileno(fp) < 0 || (pos < 0 && rc__stdio_readahead(fp) > 0)) {
		/* the reader's offsets count from fp's position */
		rc = rc_reader_open_stream(&r, rc__fopen_read, fp, name, &opts, err);
		return rc__offline_wrap(rc, r, name, err, fileno(fp), fp, pos < 0 ? 0 : (uint64_t)pos,
					precision, errbuf);
	}
	fd = fcntl(fileno(fp), F_DUPFD_CLOEXEC, 3);
	if (fd < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "dup: %s", strerror(errno));
		return NULL;
	}
	/* Also at 0: a seek inside stdio's buffer moves the stream, not the
	 * descriptor (glibc keeps the buffer once it knows the offset). */
	if (pos >= 0 && lseek(fd, pos, SEEK_SET) < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "stream: can't seek to offset %lld: %s",
			 (long long)pos, strerror(errno));
		close(fd);
		return NULL;
	}
	if (pos > 0)
		opts.mode = RC_READ_STREAM;
	/* a regular file's reader counts offsets from its start */
	rc = rc_reader_open_fd(&r, fd, name, &opts, err);
	return rc__offline_wrap(rc, r, name, err, fileno(fp), fp, 0, precision, errbuf);
}

pcap_t *pcap_fopen_offline_with_tstamp_precision(FILE *fp, u_int precision, char *errbuf)
{
	if (!fp) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "A null FILE pointer was supplied");
		return NULL;
	}
	if (rc__offline_check_precision(precision, errbuf) < 0)
		return NULL;
	return rc__offline_open_fp(fp, "(FILE)", precision, errbuf);
}

pcap_t *pcap_fopen_offline(FILE *fp, char *errbuf)
{
	return pcap_fopen_offline_with_tstamp_precision(fp, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
}

pcap_t *pcap_open_offline_with_tstamp_precision(const char *fname, u_int precision,
						char *errbuf)
{
	char err[RC_ERRBUF_SIZE];
	int fd, rc;
	rc_reader *r;

	if (!fname) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__offline_check_precision(precision, errbuf) < 0)
		return NULL;
	/* As libpcap (savefile.c): "-" is pcap_fopen_offline(stdin),
	 * read from stdin's position, which stdio may hold apart from its
	 * descriptor's (tcptrace rewinds stdin after peeking at it). */
	if (strcmp(fname, "-") == 0)
		return rc__offline_open_fp(stdin, fname, precision, errbuf);
	fd = open(fname, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s: %s", fname, strerror(errno));
		return NULL;
	}
	rc = rc_reader_open_fd(&r, fd, fname, &rc__offline_opts, err);
	return rc__offline_wrap(rc, r, fname, err, fd, NULL, 0, precision, errbuf);
}

pcap_t *pcap_open_offline(const char *fname, char *errbuf)
{
	return pcap_open_offline_with_tstamp_precision(fname, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
}

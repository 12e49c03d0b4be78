/*
 * offline.c - savefile handles: pcap_open_offline*, pcap_fopen_offline*
 * on ringcap's rc_reader (pcap in either byte order and resolution, and
 * pcapng).
 *
 * Behaviour follows libpcap 1.10's sf-pcap.c / sf-pcapng.c where callers
 * can see it:
 *   - the snap length is the file's (pcapng: the first interface's); 0 or
 *     more than 262144 means 262144, and a record longer than the snap
 *     length is cut to it;
 *   - pcapng: the link type is the first interface's; a later interface
 *     with another link type ends reading with an error, since a pcap_t
 *     has one link type;
 *   - time stamps are converted to the precision asked for at open
 *     (microseconds truncate);
 *   - the filter set with pcap_setfilter() runs in user space;
 *   - pcap_next_ex() returns PCAP_ERROR_BREAK at the end of the file.
 * Packet data is handed out zero-copy from the reader: valid until the next
 * read call on the handle, as libpcap promises.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat/pcap_int.h"

/* Descriptor a savefile handle reports through pcap_fileno(). */
static int rc__offline_fd(pcap_t *p)
{
	return p->fp ? fileno(p->fp) : p->file_fd;
}

/*
 * Next packet from the reader, whatever the filter says: 1, 0 at the end
 * of the file, PCAP_ERROR with the reader's message.
 */
static int rc__offline_get(pcap_t *p, rc_packet *pkt)
{
	int rc = rc_reader_next(p->reader, pkt);

	if (rc == RC_EEOF)
		return 0;
	if (rc < 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s", rc_reader_error(p->reader));
	if (rc__linktype_to_dlt(pkt->linktype) != p->linktype)
		return rc__pcap_err(p, PCAP_ERROR,
				    "an interface has a type %u different from the type of the first interface",
				    (unsigned)pkt->linktype);
	if (pkt->caplen > (uint32_t)p->snapshot)
		pkt->caplen = (uint32_t)p->snapshot;
	return 1;
}

static int rc__offline_read(pcap_t *p, int cnt, pcap_handler cb, u_char *user)
{
	struct pcap_pkthdr h;
	rc_packet pkt;
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
		if (!rc__pcap_filter_accepts(p, &pkt))
			continue;
		rc__pcap_fill_hdr(p, &pkt, &h);
		cb(user, &h, pkt.data);
		n++;
		if (cnt > 0 && n >= cnt)
			return n;
	}
}

static int rc__offline_next(pcap_t *p, struct pcap_pkthdr *h, const u_char **data)
{
	rc_packet pkt;
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
		if (rc__pcap_filter_accepts(p, &pkt))
			break;
	}
	rc__pcap_fill_hdr(p, &pkt, h);
	*data = pkt.data;
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
	if (p->fp)
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
 * Make a savefile handle reading fd (owned by the reader from here on);
 * name is used in messages, fileno_fd is what pcap_fileno() reports.
 */
static pcap_t *rc__offline_open_fd(int fd, const char *name, int fileno_fd, FILE *fp,
				   u_int precision, char *errbuf)
{
	char err[RC_ERRBUF_SIZE];
	pcap_t *p;
	int major, minor, fcs, lt;

	p = rc__pcap_alloc(&rc__pcap_offline_ops, errbuf);
	if (!p) {
		close(fd);
		return NULL;
	}
	if (rc_reader_open_fd(&p->reader, fd, name, NULL, err) < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", err);
		free(p);
		return NULL;
	}
	lt = rc_reader_linktype(p->reader);
	p->linktype = rc__linktype_to_dlt(lt);
	fcs = rc_reader_fcs_bits(p->reader);
	/* The pcap header's FCS field counts 16-bit words. */
	p->linktype_ext = fcs > 0 ? (int)LT_FCS_DATALINK_EXT((unsigned)fcs / 2u) : 0;
	p->snapshot = (int)rc_reader_snaplen(p->reader);
	if (p->snapshot <= 0 || p->snapshot > RC__PCAP_MAX_SNAPLEN)
		p->snapshot = RC__PCAP_MAX_SNAPLEN;
	p->swapped = rc_reader_is_swapped(p->reader);
	rc_reader_version(p->reader, &major, &minor);
	p->version_major = major;
	p->version_minor = minor;
	p->tstamp_precision = (int)precision;
	p->opt.tstamp_precision = (int)precision;
	p->file_fd = fileno_fd;
	p->fp = fp;
	p->activated = 1;
	return p;
}

static int rc__offline_check_precision(u_int precision, char *errbuf)
{
	if (precision == PCAP_TSTAMP_PRECISION_MICRO || precision == PCAP_TSTAMP_PRECISION_NANO)
		return 0;
	snprintf(errbuf, PCAP_ERRBUF_SIZE, "unknown time stamp resolution %u", precision);
	return -1;
}

pcap_t *pcap_open_offline_with_tstamp_precision(const char *fname, u_int precision,
						char *errbuf)
{
	int fd, fileno_fd;

	if (!fname) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "A null pointer was supplied as the file name");
		return NULL;
	}
	if (rc__offline_check_precision(precision, errbuf) < 0)
		return NULL;
	if (strcmp(fname, "-") == 0) {
		/* stdin stays open after pcap_close(), as with libpcap. */
		fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
		fileno_fd = STDIN_FILENO;
	} else {
		fd = open(fname, O_RDONLY | O_CLOEXEC);
		fileno_fd = fd;
	}
	if (fd < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s: %s", fname, strerror(errno));
		return NULL;
	}
	return rc__offline_open_fd(fd, fname, fileno_fd, NULL, precision, errbuf);
}

pcap_t *pcap_open_offline(const char *fname, char *errbuf)
{
	return pcap_open_offline_with_tstamp_precision(fname, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
}

pcap_t *pcap_fopen_offline_with_tstamp_precision(FILE *fp, u_int precision, char *errbuf)
{
	pcap_t *p;
	int fd;

	if (!fp) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "A null FILE pointer was supplied");
		return NULL;
	}
	if (rc__offline_check_precision(precision, errbuf) < 0)
		return NULL;
	/* The reader gets its own descriptor for the same open file; fp
	 * itself is only kept to be fclose'd at pcap_close(). */
	fd = fcntl(fileno(fp), F_DUPFD_CLOEXEC, 3);
	if (fd < 0) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "dup: %s", strerror(errno));
		return NULL;
	}
	p = rc__offline_open_fd(fd, "(FILE)", fileno(fp), fp, precision, errbuf);
	return p;
}

pcap_t *pcap_fopen_offline(FILE *fp, char *errbuf)
{
	return pcap_fopen_offline_with_tstamp_precision(fp, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
}

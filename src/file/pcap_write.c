/*
 * pcap_write.c - the classic pcap encoder behind rc_writer (layout in
 * pcap_defs.h; draft-ietf-opsawg-pcap sections 4 and 5).
 *
 * Files are written in host byte order, like libpcap's pcap_dump(): the
 * magic tells readers which order that was.  One record per packet:
 *
 *   +---------+----------+--------+-----+---------------------+
 *   | ts sec  | ts usec  | caplen | len | caplen bytes of data |
 *   |   u32   | or nsec  |  u32   | u32 |  (no padding)        |
 *   +---------+----------+--------+-----+---------------------+
 *
 * Appending follows libpcap's pcap_dump_open_append(): the existing header
 * must have our byte order, version 2.4, the same time stamp precision, link
 * type field (including the FCS bits) and snap length.  Unlike libpcap we
 * also walk the records and refuse a file that ends in a partial one.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file/pcap_defs.h"
#include "file/pcapng_defs.h"
#include "file/writer.h"
#include "util/errmsg.h"

/* Largest FCS length the 4-bit, 16-bit-unit field can hold. */
#define PCAP_MAX_FCS_BYTES 30

static int pcap_check_opts(rc_writer *w, const rc_writer_opts *o)
{
	/* fcslen 0 is treated like -1: "no FCS" carries nothing a reader acts
	 * on, and it keeps the link-type field plain for zero-initialised opts
	 * (older readers do not mask the FCS bits). */
	if (o->fcslen > 0 && (o->fcslen > PCAP_MAX_FCS_BYTES || o->fcslen % 2 != 0))
		return rc__errf(w->err, RC_EINVAL,
				"%s: opts.fcslen %d cannot be stored in pcap (16-bit units: "
				"an even number of bytes up to %d)",
				w->name, o->fcslen, PCAP_MAX_FCS_BYTES);
	w->pcap_magic = o->ts_precision == RC_TS_NANO ? RC_PCAP_MAGIC_NSEC : RC_PCAP_MAGIC_USEC;
	w->pcap_ts_div = o->ts_precision == RC_TS_NANO ? 1u : 1000u;
	w->pcap_lt_field = o->linktype;
	if (o->fcslen > 0)
		w->pcap_lt_field |= RC_PCAP_LT_FCS_ENCODE(o->fcslen);
	struct rc__wiface ifc = {
		.linktype = o->linktype,
		.snaplen = w->snaplen,
	};
	int r = rc__writer_push_iface(w, &ifc);
	return r < 0 ? r : 0;
}

/* The 24-byte file header. */
static void pcap_header(const rc_writer *w, uint8_t h[RC_PCAP_FILE_HDR_LEN])
{
	uint32_t magic = w->pcap_magic, zero = 0, snaplen = w->ifaces[0].snaplen;
	uint16_t major = RC_PCAP_VERSION_MAJOR, minor = RC_PCAP_VERSION_MINOR;
	memcpy(h + 0, &magic, 4);
	memcpy(h + 4, &major, 2);
	memcpy(h + 6, &minor, 2);
	memcpy(h + 8, &zero, 4);  /* thiszone */
	memcpy(h + 12, &zero, 4); /* sigfigs */
	memcpy(h + 16, &snaplen, 4);
	memcpy(h + 20, &w->pcap_lt_field, 4);
}

static int pcap_start(rc_writer *w, const rc_writer_opts *o)
{
	struct rc__wrec rec;
	(void)o;
	rc__wrec_init(&rec);
	pcap_header(w, rc__wrec_put(&rec, RC_PCAP_FILE_HDR_LEN));
	w->hdr_pending = 1;
	return rc__writer_emit(w, &rec);
}

/*
 * Walk the record headers of the existing file (1 MiB reads) to make sure it
 * ends exactly after a whole record: appending after a partial record, as a
 * crash can leave, would bury the new records behind damage.  Cost: one
 * sequential read of the file.
 */
static int pcap_scan_records(rc_writer *w, int fd, uint64_t size, uint32_t snaplen)
{
	const size_t cap = 1u << 20;
	uint32_t max_caplen = snaplen > RC_DEFAULT_MAX_CAPLEN ? snaplen : RC_DEFAULT_MAX_CAPLEN;
	uint64_t pos = RC_PCAP_FILE_HDR_LEN;
	int r = 0;
	uint8_t *buf = malloc(cap);
	if (!buf)
		return rc__errf(w->err, RC_ENOMEM, "%s: out of memory to check the file", w->name);
	while (pos < size) {
		size_t want = size - pos < cap ? (size_t)(size - pos) : cap;
		ssize_t n;
		if (want < RC_PCAP_REC_HDR_LEN)
			goto partial;
		n = rc__writer_pread(fd, buf, want, pos);
		if (n != (ssize_t)want) {
			r = rc__errf(w->err, RC_EIO, "%s: cannot append: reading offset %llu failed: %s",
				     w->name, (unsigned long long)pos,
				     n < 0 ? strerror(errno) : "short read");
			goto out;
		}
		size_t i = 0;
		while (want - i >= RC_PCAP_REC_HDR_LEN) {
			uint32_t caplen;
			memcpy(&caplen, buf + i + 8, 4);
			if (caplen > max_caplen) {
				r = rc__errf(w->err, RC_EFORMAT,
					     "%s: cannot append: the record at offset %llu claims %u "
					     "captured bytes (more than %u); the file is damaged",
					     w->name, (unsigned long long)(pos + i), caplen, max_caplen);
				goto out;
			}
			uint64_t end = pos + i + RC_PCAP_REC_HDR_LEN + caplen;
			if (end > size) {
				pos += i;
				goto partial;
			}
			if (end - pos > want) { /* data runs past this read: skip it */
				pos = end;
				goto next;
			}
			i = (size_t)(end - pos);
		}
		pos += i;
next:;
	}
	goto out;
partial:
	r = rc__errf(w->err, RC_EFORMAT,
		     "%s: cannot append: the file ends inside the record at offset %llu (it was "
		     "probably cut short by a crash); truncate it to %llu bytes first",
		     w->name, (unsigned long long)pos, (unsigned long long)pos);
out:
	free(buf);
	return r;
}

static int pcap_check_append(rc_writer *w, int fd, uint64_t size)
{
	uint8_t h[RC_PCAP_FILE_HDR_LEN];
	uint32_t magic, snaplen, lt;
	uint16_t major, minor;
	ssize_t n;

	if (size < RC_PCAP_FILE_HDR_LEN)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: the file has %llu bytes, less than a pcap "
				"file header (%u)",
				w->name, (unsigned long long)size, RC_PCAP_FILE_HDR_LEN);
	n = rc__writer_pread(fd, h, sizeof(h), 0);
	if (n != (ssize_t)sizeof(h))
		return rc__errf(w->err, RC_EIO, "%s: cannot append: reading the header failed: %s",
				w->name, n < 0 ? strerror(errno) : "short read");
	memcpy(&magic, h, 4);
	memcpy(&major, h + 4, 2);
	memcpy(&minor, h + 6, 2);
	memcpy(&snaplen, h + 16, 4);
	memcpy(&lt, h + 20, 4);
	if (magic == RC_PCAPNG_BT_SHB)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append pcap records: the file is pcapng", w->name);
	if (magic == __builtin_bswap32(RC_PCAP_MAGIC_USEC) ||
	    magic == __builtin_bswap32(RC_PCAP_MAGIC_NSEC))
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: the file has the other byte order", w->name);
	if (magic != RC_PCAP_MAGIC_USEC && magic != RC_PCAP_MAGIC_NSEC)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: not a pcap file (magic 0x%08x)", w->name, magic);
	if (magic != w->pcap_magic)
		return rc__errf(w->err, RC_EINVAL,
				"%s: cannot append: the file has %s time stamps, opts.ts_precision "
				"asks for %s",
				w->name, magic == RC_PCAP_MAGIC_NSEC ? "nanosecond" : "microsecond",
				w->pcap_magic == RC_PCAP_MAGIC_NSEC ? "nanosecond" : "microsecond");
	if (major != RC_PCAP_VERSION_MAJOR || minor != RC_PCAP_VERSION_MINOR)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: pcap version %u.%u, only %d.%d is written",
				w->name, major, minor, RC_PCAP_VERSION_MAJOR, RC_PCAP_VERSION_MINOR);
	if (lt != w->pcap_lt_field)
		return rc__errf(w->err, RC_EINVAL,
				"%s: cannot append: link-type field 0x%08x (link type %u) differs "
				"from 0x%08x (opts.linktype %u, opts.fcslen)",
				w->name, lt, lt & RC_PCAP_LT_LINKTYPE_MASK, w->pcap_lt_field,
				w->ifaces[0].linktype);
	if (snaplen != w->ifaces[0].snaplen)
		return rc__errf(w->err, RC_EINVAL,
				"%s: cannot append: snap length %u differs from opts.snaplen %u",
				w->name, snaplen, w->ifaces[0].snaplen);
	return pcap_scan_records(w, fd, size, snaplen);
}

static int pcap_packet(rc_writer *w, const rc_packet *pkt, struct rc__wrec *rec)
{
	uint32_t caplen = pkt->caplen;
	uint32_t hdr[4];

	if (caplen > w->ifaces[0].snaplen)
		caplen = w->ifaces[0].snaplen;
	int r = rc__writer_check_data(w, pkt, caplen);
	if (r < 0)
		return r;
	if (rc__pcap_rec_hdr(hdr, pkt, caplen, w->pcap_ts_div) < 0)
		return rc__errf(w->err, RC_EINVAL,
				"%s: packet time stamp %llu s is after 2106 and does not fit pcap's "
				"32-bit seconds (use pcapng)",
				w->name, (unsigned long long)(pkt->ts_nsec / 1000000000u));
	rc__wrec_init(rec);
	memcpy(rc__wrec_put(rec, sizeof(hdr)), hdr, sizeof(hdr));
	rc__wrec_ref(rec, pkt->data, caplen);
	return 0;
}

static size_t pcap_encode(const rc_writer *w, const rc_packet *pkt, uint8_t *dst, size_t room)
{
	long n = rc__pcap_encode(w->ifaces[0].snaplen, w->pcap_ts_div, pkt, dst, room);
	return n > 0 ? (size_t)n : 0;
}

static int pcap_add_iface(rc_writer *w, const rc_iface_info *info)
{
	if (info->linktype != w->ifaces[0].linktype)
		return rc__errf(w->err, RC_EINVAL,
				"%s: a pcap file holds one link type (%u); an interface with link "
				"type %u needs pcapng",
				w->name, w->ifaces[0].linktype, info->linktype);
	return 0;
}

static size_t pcap_record_span(const rc_writer *w, const uint8_t *p, size_t avail)
{
	uint32_t caplen;
	/* The file header goes out alone at open, as the first record. */
	if (w->hdr_pending && p == w->buf)
		return RC_PCAP_FILE_HDR_LEN;
	if (avail < RC_PCAP_REC_HDR_LEN)
		return 0;
	memcpy(&caplen, p + 8, 4);
	return RC_PCAP_REC_HDR_LEN + (size_t)caplen;
}

static int pcap_record_is_packet(const rc_writer *w, const uint8_t *p)
{
	return !(w->hdr_pending && p == w->buf);
}

const struct rc__wformat rc__pcap_wformat = {
	.format = RC_FORMAT_PCAP,
	.name = "pcap",
	.check_opts = pcap_check_opts,
	.start = pcap_start,
	.check_append = pcap_check_append,
	.packet = pcap_packet,
	.encode = pcap_encode,
	.add_iface = pcap_add_iface,
	.finish = NULL,
	.record_span = pcap_record_span,
	.record_is_packet = pcap_record_is_packet,
};

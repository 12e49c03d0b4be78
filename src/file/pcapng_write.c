/*
 * pcapng_write.c - the pcapng encoder behind rc_writer (layout in
 * pcapng_defs.h; draft-ietf-opsawg-pcapng sections 3-4).
 *
 * A file is one section in host byte order:
 *
 *   SHB (shb_userappl, shb_os, opt_comment)
 *   IDB 0 (from opts.linktype/snaplen/fcslen, unless opts.no_default_iface)
 *   IDB n ... EPB ... IDB m ... EPB ...  (IDBs in the order they were added)
 *   ISB per interface that got rc_writer_set_iface_stats(), at close
 *
 * The section length is written as -1 (unknown, section 4.1), so nothing is
 * ever rewritten: every block is final once it leaves the buffer.  Every IDB
 * has if_tsresol = 9, so EPB and ISB time stamps are plain nanoseconds since
 * the epoch split into upper and lower 32 bits (section 4.3).
 *
 * Enhanced Packet Block as written (section 4.3):
 *
 *    0 +---------------------------------------------------------------+
 *      |                  Block Type = 0x00000006                      |
 *    4 |                  Block Total Length                           |
 *    8 |                  Interface ID                                 |
 *   12 |                  Timestamp (upper 32 bits of ns)              |
 *   16 |                  Timestamp (lower 32 bits of ns)              |
 *   20 |                  Captured Packet Length                       |
 *   24 |                  Original Packet Length                       |
 *   28 /                  Packet Data, padded to 32 bits               /
 *      | epb_flags (2): direction in bits 0-1      [if known]          |
 *      | epb_dropcount (4): u64                    [if flagged]        |
 *      | opt_comment (1): UTF-8, padded            [if flagged]        |
 *      | opt_endofopt                              [if any option]     |
 *      |                  Block Total Length                           |
 *      +---------------------------------------------------------------+
 *
 * Appending (opts.append) adds a new section at the end of an existing
 * pcapng file; that is valid pcapng (section 3.1: a file is a sequence of
 * sections) and needs no change to the old one.  The old file must end on
 * a whole block, checked through its trailing Block Total Length.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "file/pcap_defs.h"
#include "file/pcapng_defs.h"
#include "file/pcapng_epb.h"
#include "file/writer.h"
#include "util/errmsg.h"

/* An option value is at most 65535 bytes (16-bit Option Length). */
#define OPT_MAX_LEN 0xffffu

/* ---- option helpers: each appends code, length, value and padding ---- */

static void opt_hdr(struct rc__wrec *r, uint16_t code, uint16_t len)
{
	uint8_t *p = rc__wrec_put(r, 4);
	memcpy(p, &code, 2);
	memcpy(p + 2, &len, 2);
}

static void opt_pad(struct rc__wrec *r, size_t value_len)
{
	size_t pad = RC_PCAPNG_PAD4(value_len) - value_len;
	if (pad)
		memset(rc__wrec_put(r, pad), 0, pad);
}

/* String option; the caller checked len <= OPT_MAX_LEN. Not copied. */
static void opt_str(struct rc__wrec *r, uint16_t code, const char *s, size_t len)
{
	opt_hdr(r, code, (uint16_t)len);
	rc__wrec_ref(r, s, len);
	opt_pad(r, len);
}

static void opt_u8(struct rc__wrec *r, uint16_t code, uint8_t v)
{
	opt_hdr(r, code, 1);
	uint8_t *p = rc__wrec_put(r, 4);
	memset(p, 0, 4);
	p[0] = v;
}

static void opt_u64(struct rc__wrec *r, uint16_t code, uint64_t v)
{
	opt_hdr(r, code, 8);
	memcpy(rc__wrec_put(r, 8), &v, 8);
}

/* A time stamp option: upper then lower 32 bits (like the EPB fields). */
static void opt_ts(struct rc__wrec *r, uint16_t code, uint64_t ts)
{
	uint32_t v[2] = { (uint32_t)(ts >> 32), (uint32_t)ts };
	opt_hdr(r, code, 8);
	memcpy(rc__wrec_put(r, 8), v, 8);
}

/* Start a block: type, a length patched by block_end(), fixed body. */
static uint8_t *block_begin(struct rc__wrec *r, uint32_t type, size_t fixed)
{
	rc__wrec_init(r);
	uint8_t *h = rc__wrec_put(r, 8 + fixed);
	memcpy(h, &type, 4);
	return h;
}

/* End a block: opt_endofopt if options were written, trailing length. */
static void block_end(struct rc__wrec *r, uint8_t *head, size_t fixed)
{
	if (r->len > 8 + fixed)
		opt_hdr(r, RC_PCAPNG_OPT_ENDOFOPT, 0);
	uint8_t *t = rc__wrec_put(r, 4);
	uint32_t total = (uint32_t)r->len;
	memcpy(head + 4, &total, 4);
	memcpy(t, &total, 4);
}

/* ---- interfaces ---- */

static size_t slen(const char *s)
{
	return s ? strlen(s) : 0;
}

/* Check an interface description; message names `what`. */
static int check_iface(rc_writer *w, const char *what, const rc_iface_info *info)
{
	if (slen(info->name) > OPT_MAX_LEN || slen(info->description) > OPT_MAX_LEN ||
	    slen(info->filter) > OPT_MAX_LEN - 1)
		return rc__errf(w->err, RC_EINVAL,
				"%s: %s name, description or filter is longer than the %u bytes "
				"a pcapng option holds",
				w->name, what, OPT_MAX_LEN);
	return 0;
}

/* Interface Description Block (section 4.2) for info, into the buffer. */
static int emit_idb(rc_writer *w, const rc_iface_info *info, uint32_t snaplen)
{
	struct rc__wrec r;
	uint8_t *h = block_begin(&r, RC_PCAPNG_BT_IDB, 8);
	uint16_t lt = info->linktype, reserved = 0;
	memcpy(h + 8, &lt, 2);
	memcpy(h + 10, &reserved, 2);
	memcpy(h + 12, &snaplen, 4);
	if (info->name && *info->name)
		opt_str(&r, RC_PCAPNG_IF_NAME, info->name, strlen(info->name));
	if (info->description && *info->description)
		opt_str(&r, RC_PCAPNG_IF_DESCRIPTION, info->description,
			strlen(info->description));
	if (info->filter && *info->filter) {
		/* if_filter: one type byte (0 = libpcap filter string), then the string. */
		size_t n = strlen(info->filter);
		opt_hdr(&r, RC_PCAPNG_IF_FILTER, (uint16_t)(n + 1));
		*rc__wrec_put(&r, 1) = RC_PCAPNG_FILTER_STRING;
		rc__wrec_ref(&r, info->filter, n);
		opt_pad(&r, n + 1);
	}
	opt_u8(&r, RC_PCAPNG_IF_TSRESOL, 9); /* 10^-9 s: nanoseconds */
	if (info->fcslen > 0)
		opt_u8(&r, RC_PCAPNG_IF_FCSLEN, (uint8_t)info->fcslen);
	block_end(&r, h, 8);
	return rc__writer_emit(w, &r);
}

/* Validate, register and emit one interface; returns its number. */
static int add_iface(rc_writer *w, const char *what, const rc_iface_info *info)
{
	int r = check_iface(w, what, info);
	if (r < 0)
		return r;
	/* SnapLen 0 in an IDB means "no limit" (section 4.2). */
	struct rc__wiface ifc = {
		.linktype = info->linktype,
		.snaplen = info->snaplen ? info->snaplen : UINT32_MAX,
	};
	int idx = rc__writer_push_iface(w, &ifc);
	if (idx < 0)
		return idx;
	r = emit_idb(w, info, info->snaplen);
	if (r < 0) {
		w->n_ifaces--;
		return r;
	}
	return idx;
}

static int pcapng_add_iface(rc_writer *w, const rc_iface_info *info)
{
	return add_iface(w, "interface", info);
}

/* ---- section ---- */

static int pcapng_check_opts(rc_writer *w, const rc_writer_opts *o)
{
	if (slen(o->userappl) > OPT_MAX_LEN || slen(o->os) > OPT_MAX_LEN ||
	    slen(o->comment) > OPT_MAX_LEN)
		return rc__errf(w->err, RC_EINVAL,
				"%s: opts.userappl, opts.os or opts.comment is longer than the %u "
				"bytes a pcapng option holds",
				w->name, OPT_MAX_LEN);
	return 0;
}

/* The implicit interface 0 as described by the writer options. */
static void default_iface(const rc_writer *w, const rc_writer_opts *o, rc_iface_info *info)
{
	memset(info, 0, sizeof(*info));
	info->linktype = o->linktype;
	info->snaplen = w->snaplen;
	info->fcslen = o->fcslen;
}

static int pcapng_start(rc_writer *w, const rc_writer_opts *o)
{
	struct rc__wrec r;
	struct utsname u;
	char osbuf[2 * sizeof(u.release) + 2];
	const char *os = o->os;
	const char *appl = o->userappl ? o->userappl : "ringcap " RC_VERSION;

	if (!os && uname(&u) == 0) {
		snprintf(osbuf, sizeof(osbuf), "%s %s", u.sysname, u.release);
		os = osbuf;
	}
	/* Section Header Block (section 4.1). */
	uint8_t *h = block_begin(&r, RC_PCAPNG_BT_SHB, 16);
	uint32_t bom = RC_PCAPNG_BYTE_ORDER_MAGIC;
	uint16_t major = RC_PCAPNG_VERSION_MAJOR, minor = RC_PCAPNG_VERSION_MINOR;
	int64_t section_len = -1;
	memcpy(h + 8, &bom, 4);
	memcpy(h + 12, &major, 2);
	memcpy(h + 14, &minor, 2);
	memcpy(h + 16, &section_len, 8);
	if (o->comment && *o->comment)
		opt_str(&r, RC_PCAPNG_OPT_COMMENT, o->comment, strlen(o->comment));
	if (os && *os)
		opt_str(&r, RC_PCAPNG_SHB_OS, os, strlen(os));
	if (*appl)
		opt_str(&r, RC_PCAPNG_SHB_USERAPPL, appl, strlen(appl));
	block_end(&r, h, 16);
	int ret = rc__writer_emit(w, &r);
	if (ret < 0)
		return ret;
	if (!o->no_default_iface) {
		rc_iface_info info;
		default_iface(w, o, &info);
		ret = add_iface(w, "opts (interface 0)", &info);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* ---- packets ---- */

static int pcapng_packet(rc_writer *w, const rc_packet *pkt, struct rc__wrec *r)
{
	if (pkt->ifindex >= w->n_ifaces)
		return rc__errf(w->err, RC_EINVAL,
				"%s: packet for interface %u, but only %zu interfaces are described "
				"(rc_writer_add_iface)",
				w->name, pkt->ifindex, w->n_ifaces);
	uint32_t caplen = pkt->caplen;
	if (caplen > w->ifaces[pkt->ifindex].snaplen)
		caplen = w->ifaces[pkt->ifindex].snaplen;
	int bad = rc__writer_check_data(w, pkt, caplen);
	if (bad < 0)
		return bad;
	int has_comment = (pkt->flags & RC_PKT_HAS_COMMENT) && pkt->comment_len > 0;
	if (has_comment && (!pkt->comment || pkt->comment_len > OPT_MAX_LEN))
		return rc__errf(w->err, RC_EINVAL,
				"%s: packet comment of %u bytes is missing or longer than the %u "
				"bytes a pcapng option holds",
				w->name, pkt->comment_len, OPT_MAX_LEN);

	uint8_t *h = block_begin(r, RC_PCAPNG_BT_EPB, 20);
	uint32_t f[5] = { pkt->ifindex, (uint32_t)(pkt->ts_nsec >> 32), (uint32_t)pkt->ts_nsec,
			  caplen, pkt->len };
	memcpy(h + 8, f, sizeof(f));
	rc__wrec_ref(r, pkt->data, caplen);
	opt_pad(r, caplen);
	if (pkt->direction == RC_DIR_IN || pkt->direction == RC_DIR_OUT) {
		uint32_t flags = pkt->direction == RC_DIR_IN ? RC_PCAPNG_EPB_FLAG_DIR_IN
							     : RC_PCAPNG_EPB_FLAG_DIR_OUT;
		opt_hdr(r, RC_PCAPNG_EPB_FLAGS, 4);
		memcpy(rc__wrec_put(r, 4), &flags, 4);
	}
	if (pkt->flags & RC_PKT_HAS_DROPCOUNT)
		opt_u64(r, RC_PCAPNG_EPB_DROPCOUNT, pkt->dropcount);
	if (has_comment)
		opt_str(r, RC_PCAPNG_OPT_COMMENT, pkt->comment, pkt->comment_len);
	block_end(r, h, 20 + RC_PCAPNG_PAD4(caplen));
	return 0;
}

/*
 * Fast path for the common EPB: a described interface, no comment, no drop
 * count; the direction, if known, in epb_flags.  The same bytes as
 * pcapng_packet (pcapng_epb.h).
 */
static size_t pcapng_encode(const rc_writer *w, const rc_packet *pkt, uint8_t *dst, size_t room)
{
	if (pkt->ifindex >= w->n_ifaces)
		return 0;
	long n = rc__pcapng_epb_encode(w->ifaces[pkt->ifindex].snaplen, pkt, dst, room);
	return n > 0 ? (size_t)n : 0;
}

/* ---- close: one Interface Statistics Block (section 4.6) per interface ---- */

static int pcapng_finish(rc_writer *w)
{
	uint64_t now = rc__writer_now_nsec();
	for (size_t i = 0; i < w->n_ifaces; i++) {
		const struct rc__wiface *ifc = &w->ifaces[i];
		struct rc__wrec r;
		if (!ifc->has_stats)
			continue;
		uint8_t *h = block_begin(&r, RC_PCAPNG_BT_ISB, 12);
		uint32_t f[3] = { (uint32_t)i, (uint32_t)(now >> 32), (uint32_t)now };
		memcpy(h + 8, f, sizeof(f));
		opt_ts(&r, RC_PCAPNG_ISB_STARTTIME, w->open_ts_nsec);
		opt_ts(&r, RC_PCAPNG_ISB_ENDTIME, now);
		opt_u64(&r, RC_PCAPNG_ISB_IFRECV, ifc->recv);
		opt_u64(&r, RC_PCAPNG_ISB_IFDROP, ifc->drop);
		block_end(&r, h, 12);
		int ret = rc__writer_emit(w, &r);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* ---- appending ---- */

static int read_at(int fd, void *buf, size_t n, uint64_t off)
{
	return rc__writer_pread(fd, buf, n, off) == (ssize_t)n ? 0 : -1;
}

/* Does the file end with a whole block whose trailing length is len? */
static int ends_on_block(int fd, uint64_t size, uint32_t len, int swapped)
{
	uint32_t head[2];
	if (len < RC_PCAPNG_BLOCK_MIN_LEN || len % 4 != 0 || len > size)
		return 0;
	if (read_at(fd, head, sizeof(head), size - len) < 0)
		return 0;
	return (swapped ? __builtin_bswap32(head[1]) : head[1]) == len;
}

static int pcapng_check_append(rc_writer *w, int fd, uint64_t size)
{
	uint32_t first = 0, last;
	if (size >= 4 && read_at(fd, &first, 4, 0) < 0)
		return rc__errf(w->err, RC_EIO, "%s: cannot append: reading the file failed: %s",
				w->name, strerror(errno));
	if (first == RC_PCAPNG_BT_SHB && size < RC_PCAPNG_SHB_MIN_LEN)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: the file has %llu bytes, less than a pcapng "
				"section header (%u)",
				w->name, (unsigned long long)size, RC_PCAPNG_SHB_MIN_LEN);
	if (first != RC_PCAPNG_BT_SHB)
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append pcapng blocks: the file is %s", w->name,
				first == RC_PCAP_MAGIC_USEC || first == RC_PCAP_MAGIC_NSEC ||
						first == __builtin_bswap32(RC_PCAP_MAGIC_USEC) ||
						first == __builtin_bswap32(RC_PCAP_MAGIC_NSEC)
					? "pcap"
					: "not pcapng");
	if (read_at(fd, &last, 4, size - 4) < 0)
		return rc__errf(w->err, RC_EIO, "%s: cannot append: reading the file failed: %s",
				w->name, strerror(errno));
	/* The last section may have either byte order. */
	if (!ends_on_block(fd, size, last, 0) &&
	    !ends_on_block(fd, size, __builtin_bswap32(last), 1))
		return rc__errf(w->err, RC_EFORMAT,
				"%s: cannot append: the file does not end on a whole pcapng block "
				"(trailing length %u at offset %llu); appending would hide the damage",
				w->name, last, (unsigned long long)(size - 4));
	return 0;
}

static size_t pcapng_record_span(const rc_writer *w, const uint8_t *p, size_t avail)
{
	uint32_t len;
	(void)w;
	if (avail < 8)
		return 0;
	memcpy(&len, p + 4, 4);
	return len;
}

static int pcapng_record_is_packet(const rc_writer *w, const uint8_t *p)
{
	uint32_t type;
	(void)w;
	memcpy(&type, p, 4);
	return type == RC_PCAPNG_BT_EPB; /* the only packet block written */
}

const struct rc__wformat rc__pcapng_wformat = {
	.format = RC_FORMAT_PCAPNG,
	.name = "pcapng",
	.check_opts = pcapng_check_opts,
	.start = pcapng_start,
	.check_append = pcapng_check_append,
	.packet = pcapng_packet,
	.encode = pcapng_encode,
	.add_iface = pcapng_add_iface,
	.finish = pcapng_finish,
	.record_span = pcapng_record_span,
	.record_is_packet = pcapng_record_is_packet,
};

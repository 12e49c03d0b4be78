/*
 * pcapng_read.c - pcapng files (layout in pcapng_defs.h).
 *
 * Every block is checked before its body is looked at: length >= the
 * minimum of its type, a multiple of 4, <= the reader's bound, wholly
 * present, and equal to the trailing copy.  Options are walked with their
 * padded length checked against the end of the block.
 *
 * Sections: each SHB sets the byte order and restarts interface numbering
 * (section 4.1).  A batch never crosses an SHB, so after a call returns,
 * rc_reader_iface*() describe the section of the packets just returned.
 * Packet blocks: EPB, SPB (interface 0, caplen = min(len, snaplen, body) as
 * Wireshark computes it) and the obsolete PB.  ISBs update the interface's
 * statistics; NRB, DSB, journal, custom and unknown blocks are skipped.
 */
#include "file/pcapng_defs.h"
#include "file/reader.h"
#include "util/errmsg.h"

#include <string.h>

#define OFF(p) ((unsigned long long)rc__source_off(&r->src, (p)))

struct ng_opt {
	uint16_t code, len;
	const uint8_t *val;
};

/* Next option in [*pp, end): 1 = got one, 0 = end of options, < 0 error. */
static int ng_opt_next(struct rc_reader *r, const uint8_t **pp, const uint8_t *end,
		       const uint8_t *blk, struct ng_opt *o)
{
	const uint8_t *p = *pp;
	if (end - p < 4)
		return 0;
	o->code = rc__ld16(p, r->ng_swapped);
	o->len = rc__ld16(p + 2, r->ng_swapped);
	if (o->code == RC_PCAPNG_OPT_ENDOFOPT)
		return 0;
	if (RC_PCAPNG_PAD4((uint32_t)o->len) > (size_t)(end - p) - 4)
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: option %u at offset %llu: length %u overruns the block",
				OFF(blk), o->code, OFF(p), o->len);
	o->val = p + 4;
	*pp = p + 4 + RC_PCAPNG_PAD4((uint32_t)o->len);
	return 1;
}

static int ng_opt_size(struct rc_reader *r, const uint8_t *blk, const struct ng_opt *o,
		       const char *name, unsigned want)
{
	if (o->len == want)
		return 0;
	return rc__reader_errf(r, RC_EFORMAT,
			"pcapng block at offset %llu: option %s has length %u, expected %u", OFF(blk),
			name, o->len, want);
}

/* Ticks of an interface's resolution -> ns since the epoch (if_tsoffset
 * applied).  Returns -1 if the result does not fit in 64 bits. */
static inline int ng_ts(const struct rc__iface *ifc, uint64_t ticks, uint64_t *ns)
{
	uint64_t v;
	switch (ifc->ts_kind) {
	case RC__TS_MUL:
		if (__builtin_mul_overflow(ticks, ifc->ts_factor, &v))
			return -1;
		break;
	case RC__TS_DIV:
		v = ticks / ifc->ts_factor;
		break;
	case RC__TS_ZERO:
		v = 0;
		break;
	default: { /* RC__TS_POW2: 2^-n s per tick; exact floor in 128 bits */
		unsigned __int128 x = ((unsigned __int128)ticks * 1000000000u) >> ifc->ts_shift;
		if (x > UINT64_MAX)
			return -1;
		v = (uint64_t)x;
		break;
	}
	}
	int64_t off = ifc->ts_offset_nsec;
	if (off > 0) {
		if (__builtin_add_overflow(v, (uint64_t)off, &v))
			return -1;
	} else if (off < 0) {
		if (v < (uint64_t)-off)
			return -1;
		v -= (uint64_t)-off;
	}
	*ns = v;
	return 0;
}

static int ng_ts_error(struct rc_reader *r, const uint8_t *blk, uint64_t ticks)
{
	return rc__reader_errf(r, RC_EFORMAT,
			"pcapng block at offset %llu: time stamp %llu ticks is out of range after conversion to nanoseconds",
			OFF(blk), (unsigned long long)ticks);
}

static void ng_set_tsresol(struct rc__iface *ifc, uint8_t v)
{
	static const uint64_t pow10[20] = {
		1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
		100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
		10000000000000ull, 100000000000000ull, 1000000000000000ull,
		10000000000000000ull, 100000000000000000ull, 1000000000000000000ull,
		10000000000000000000ull,
	};
	unsigned n = v & 0x7fu;
	ifc->info.ts_resol_num = 1;
	if (v & RC_PCAPNG_TSRESOL_POW2) {
		ifc->ts_kind = RC__TS_POW2;
		ifc->ts_shift = n;
		ifc->info.ts_resol_den = n < 64 ? (uint64_t)1 << n : 0; /* 0: not representable */
	} else if (n <= 9) {
		ifc->ts_kind = RC__TS_MUL;
		ifc->ts_factor = pow10[9 - n];
		ifc->info.ts_resol_den = pow10[n];
	} else if (n <= 28) {
		ifc->ts_kind = RC__TS_DIV;
		ifc->ts_factor = pow10[n - 9];
		ifc->info.ts_resol_den = n < 20 ? pow10[n] : 0;
	} else {
		ifc->ts_kind = RC__TS_ZERO;
		ifc->info.ts_resol_den = 0;
	}
}

static int ng_idb(struct rc_reader *r, const uint8_t *p, uint32_t blen)
{
	const int sw = r->ng_swapped;
	struct rc__iface *ifc;
	int rc = rc__reader_add_iface(r, rc__source_off(&r->src, p), &ifc);
	if (rc < 0)
		return rc;
	ifc->info.linktype = rc__ld16(p + 8, sw);
	ifc->info.snaplen = rc__ld32(p + 12, sw);
	ifc->info.fcslen = -1;
	ng_set_tsresol(ifc, RC_PCAPNG_TSRESOL_DEFAULT);
	const uint8_t *o = p + 16, *end = p + blen - 4;
	struct ng_opt opt;
	while ((rc = ng_opt_next(r, &o, end, p, &opt)) > 0) {
		switch (opt.code) {
		case RC_PCAPNG_IF_NAME:
			rc = rc__reader_dup_string(r, &ifc->info.name, opt.val, opt.len, OFF(p));
			break;
		case RC_PCAPNG_IF_DESCRIPTION:
			rc = rc__reader_dup_string(r, &ifc->info.description, opt.val, opt.len, OFF(p));
			break;
		case RC_PCAPNG_IF_FILTER:
			if (opt.len >= 1 && opt.val[0] == RC_PCAPNG_FILTER_STRING)
				rc = rc__reader_dup_string(r, &ifc->info.filter, opt.val + 1,
							   opt.len - 1u, OFF(p));
			break;
		case RC_PCAPNG_IF_TSRESOL:
			if ((rc = ng_opt_size(r, p, &opt, "if_tsresol", 1)) == 0)
				ng_set_tsresol(ifc, opt.val[0]);
			break;
		case RC_PCAPNG_IF_FCSLEN:
			if ((rc = ng_opt_size(r, p, &opt, "if_fcslen", 1)) == 0)
				ifc->info.fcslen = opt.val[0] > 127 ? 127 : (int8_t)opt.val[0];
			break;
		case RC_PCAPNG_IF_TSOFFSET:
			if ((rc = ng_opt_size(r, p, &opt, "if_tsoffset", 8)) == 0) {
				int64_t sec = (int64_t)rc__ld64(opt.val, sw);
				/* Bound it so sec * 10^9 fits in int64 (+-292 years). */
				if (sec > INT64_MAX / 1000000000 || sec < -(INT64_MAX / 1000000000))
					return rc__reader_errf(r, RC_EFORMAT,
							"pcapng block at offset %llu: if_tsoffset %lld s is out of range",
							OFF(p), (long long)sec);
				ifc->info.ts_offset_sec = sec;
				ifc->ts_offset_nsec = sec * 1000000000;
			}
			break;
		default:
			break;
		}
		if (rc < 0)
			return rc;
	}
	return rc;
}

static int ng_isb(struct rc_reader *r, const uint8_t *p, uint32_t blen)
{
	const int sw = r->ng_swapped;
	uint32_t id = rc__ld32(p + 8, sw);
	size_t count = r->nifaces - r->sec_first;
	if (id >= count)
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: ISB interface id %u is not defined (section has %zu interfaces)",
				OFF(p), id, count);
	struct rc__iface *ifc = &r->ifaces[r->sec_first + id];
	rc_iface_stats st = { .valid = 1 };
	uint64_t ticks = (uint64_t)rc__ld32(p + 12, sw) << 32 | rc__ld32(p + 16, sw);
	if (ng_ts(ifc, ticks, &st.ts_nsec) < 0)
		return ng_ts_error(r, p, ticks);
	const uint8_t *o = p + 20, *end = p + blen - 4;
	struct ng_opt opt;
	int rc;
	while ((rc = ng_opt_next(r, &o, end, p, &opt)) > 0) {
		uint64_t *dst = NULL;
		int *has = NULL;
		const char *name = NULL;
		switch (opt.code) {
		case RC_PCAPNG_ISB_IFRECV: dst = &st.recv; has = &st.has_recv; name = "isb_ifrecv"; break;
		case RC_PCAPNG_ISB_IFDROP: dst = &st.drop; has = &st.has_drop; name = "isb_ifdrop"; break;
		case RC_PCAPNG_ISB_OSDROP: dst = &st.osdrop; has = &st.has_osdrop; name = "isb_osdrop"; break;
		case RC_PCAPNG_ISB_FILTERACCEPT:
			dst = &st.filter_accept; has = &st.has_filter_accept; name = "isb_filteraccept";
			break;
		case RC_PCAPNG_ISB_USRDELIV:
			dst = &st.delivered; has = &st.has_delivered; name = "isb_usrdeliv";
			break;
		default:
			break;
		}
		if (!dst)
			continue;
		if ((rc = ng_opt_size(r, p, &opt, name, 8)) < 0)
			return rc;
		*dst = rc__ld64(opt.val, sw);
		*has = 1;
	}
	if (rc < 0)
		return rc;
	ifc->stats = st;
	return 0;
}

/* Options of an EPB or obsolete PB: flags (direction), dropcount, comment. */
static int ng_pkt_options(struct rc_reader *r, const uint8_t *p, const uint8_t *o,
			  const uint8_t *end, rc_packet *pk)
{
	struct ng_opt opt;
	int rc;
	while ((rc = ng_opt_next(r, &o, end, p, &opt)) > 0) {
		switch (opt.code) {
		case RC_PCAPNG_OPT_COMMENT:
			if (!(pk->flags & RC_PKT_HAS_COMMENT)) {
				pk->comment = (const char *)opt.val;
				pk->comment_len = opt.len;
				pk->flags |= RC_PKT_HAS_COMMENT;
			}
			break;
		case RC_PCAPNG_EPB_FLAGS: /* == RC_PCAPNG_PACK_FLAGS */
			if ((rc = ng_opt_size(r, p, &opt, "epb_flags", 4)) < 0)
				return rc;
			switch (rc__ld32(opt.val, r->ng_swapped) & RC_PCAPNG_EPB_FLAG_DIR_MASK) {
			case RC_PCAPNG_EPB_FLAG_DIR_IN: pk->direction = RC_DIR_IN; break;
			case RC_PCAPNG_EPB_FLAG_DIR_OUT: pk->direction = RC_DIR_OUT; break;
			default: pk->direction = RC_DIR_UNKNOWN; break;
			}
			break;
		case RC_PCAPNG_EPB_DROPCOUNT:
			if (rc__ld32(p, r->ng_swapped) != RC_PCAPNG_BT_EPB)
				break; /* PB has no dropcount option (code 4 unused there) */
			if ((rc = ng_opt_size(r, p, &opt, "epb_dropcount", 8)) < 0)
				return rc;
			pk->dropcount = rc__ld64(opt.val, r->ng_swapped);
			pk->flags |= RC_PKT_HAS_DROPCOUNT;
			break;
		default:
			break;
		}
	}
	return rc;
}

/* EPB (type 6) or obsolete PB (type 2): same fixed layout except that PB
 * has a 16-bit interface id and a 16-bit drops count. */
static int ng_packet(struct rc_reader *r, const uint8_t *p, uint32_t blen, uint32_t type,
		     rc_packet *pk)
{
	const int sw = r->ng_swapped;
	const char *what = type == RC_PCAPNG_BT_EPB ? "EPB" : "PB";
	uint32_t id = type == RC_PCAPNG_BT_EPB ? rc__ld32(p + 8, sw) : rc__ld16(p + 8, sw);
	size_t count = r->nifaces - r->sec_first;
	if (__builtin_expect(id >= count, 0))
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: %s interface id %u is not defined (section has %zu interfaces)",
				OFF(p), what, id, count);
	const struct rc__iface *ifc = &r->ifaces[r->sec_first + id];
	uint32_t caplen = rc__ld32(p + 20, sw), len = rc__ld32(p + 24, sw);
	uint32_t body = blen - RC_PCAPNG_EPB_MIN_LEN;
	if (__builtin_expect(caplen > body, 0))
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: %s caplen %u exceeds the block body (%u bytes)",
				OFF(p), what, caplen, body);
	if (__builtin_expect(caplen > r->max_caplen, 0))
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: %s caplen %u exceeds the maximum %u", OFF(p),
				what, caplen, r->max_caplen);
	uint64_t ticks = (uint64_t)rc__ld32(p + 12, sw) << 32 | rc__ld32(p + 16, sw);
	*pk = (rc_packet){
		.data = p + 28,
		.caplen = caplen,
		.len = len,
		.ifindex = id,
		.linktype = ifc->info.linktype,
		.flags = caplen < len ? RC_PKT_TRUNCATED : 0,
	};
	if (__builtin_expect(ng_ts(ifc, ticks, &pk->ts_nsec) < 0, 0))
		return ng_ts_error(r, p, ticks);
	if (type == RC_PCAPNG_BT_PB) {
		uint16_t drops = rc__ld16(p + 10, sw);
		if (drops != 0xffff) { /* 0xffff: count not available (Appendix A) */
			pk->dropcount = drops;
			pk->flags |= RC_PKT_HAS_DROPCOUNT;
		}
	}
	uint32_t opt_at = 28 + RC_PCAPNG_PAD4(caplen);
	if (opt_at + 4 < blen)
		return ng_pkt_options(r, p, p + opt_at, p + blen - 4, pk);
	return 0;
}

static int ng_spb(struct rc_reader *r, const uint8_t *p, uint32_t blen, rc_packet *pk)
{
	if (r->nifaces == r->sec_first)
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: SPB before any interface description",
				OFF(p));
	const struct rc__iface *ifc = &r->ifaces[r->sec_first];
	uint32_t len = rc__ld32(p + 8, r->ng_swapped);
	uint32_t caplen = blen - RC_PCAPNG_SPB_MIN_LEN;
	if (len < caplen)
		caplen = len;
	if (ifc->info.snaplen && ifc->info.snaplen < caplen)
		caplen = ifc->info.snaplen;
	if (caplen > r->max_caplen)
		return rc__reader_errf(r, RC_EFORMAT,
				"pcapng block at offset %llu: SPB caplen %u exceeds the maximum %u",
				OFF(p), caplen, r->max_caplen);
	*pk = (rc_packet){
		.data = p + 12,
		.caplen = caplen,
		.len = len,
		.linktype = ifc->info.linktype,
		.flags = caplen < len ? RC_PKT_TRUNCATED : 0,
	};
	return 0;
}

static int ng_shb(struct rc_reader *r, const uint8_t *p, int sw)
{
	int major = rc__ld16(p + 12, sw), minor = rc__ld16(p + 14, sw);
	if (major != RC_PCAPNG_VERSION_MAJOR)
		return rc__reader_errf(r, RC_ENOTSUP,
				"pcapng block at offset %llu: section version %d.%d is not supported (1.x)",
				OFF(p), major, minor);
	r->ng_swapped = r->swapped = sw;
	r->version_major = major;
	r->version_minor = minor;
	r->sec_first = r->nifaces;
	return 0;
}

static uint32_t ng_min_len(uint32_t type)
{
	switch (type) {
	case RC_PCAPNG_BT_SHB: return RC_PCAPNG_SHB_MIN_LEN;
	case RC_PCAPNG_BT_IDB: return RC_PCAPNG_IDB_MIN_LEN;
	case RC_PCAPNG_BT_EPB: return RC_PCAPNG_EPB_MIN_LEN;
	case RC_PCAPNG_BT_PB: return RC_PCAPNG_PB_MIN_LEN;
	case RC_PCAPNG_BT_SPB: return RC_PCAPNG_SPB_MIN_LEN;
	case RC_PCAPNG_BT_ISB: return RC_PCAPNG_ISB_MIN_LEN;
	default: return RC_PCAPNG_BLOCK_MIN_LEN;
	}
}

/*
 * The block loop.  opening = 1: stop after the first IDB or before the
 * first packet block (rc_reader_open wants interface 0 known).
 */
static int ng_run(struct rc_reader *r, rc_packet *pkts, size_t max, int opening)
{
	struct rc__source *s = &r->src;
	size_t n = 0;
	const int stable = s->ops->stable;
	int rc;

	while (opening || n < max) {
		const uint8_t *p = s->cur;
		size_t avail = (size_t)(s->end - p);
		if (avail < 12) {
			if (n)
				break;
			rc = rc__source_need(s, 12);
			if (rc < 0)
				return rc;
			if (rc == 0) {
				if (s->end == s->cur)
					return opening ? 0 : RC_EEOF;
				return rc__reader_errf(r, RC_ETRUNC,
						"pcapng block at offset %llu: truncated header: %zu of 12 bytes",
						OFF(s->cur), (size_t)(s->end - s->cur));
			}
			continue;
		}
		uint32_t type = rc__ld32(p, r->ng_swapped);
		int sw = r->ng_swapped;
		/* A batch never crosses a section or an interface: a caller
		 * that checks the interfaces after each batch (libpcap's ABI,
		 * compat/offline.c) knows that every packet of it came after
		 * them, and all of the previous batch before. */
		if (n && (type == RC_PCAPNG_BT_SHB || type == RC_PCAPNG_BT_IDB))
			break;
		if (type == RC_PCAPNG_BT_SHB) {
			uint32_t bom = rc__ld32(p + 8, 0);
			if (bom == RC_PCAPNG_BYTE_ORDER_MAGIC)
				sw = 0;
			else if (bom == __builtin_bswap32(RC_PCAPNG_BYTE_ORDER_MAGIC))
				sw = 1;
			else
				return rc__reader_errf(r, RC_EFORMAT,
						"pcapng block at offset %llu: SHB byte-order magic 0x%08x is invalid",
						OFF(p), bom);
		}
		uint32_t blen = rc__ld32(p + 4, sw);
		uint32_t minlen = ng_min_len(type);
		if (__builtin_expect(blen < minlen, 0))
			return rc__reader_stop(r, n, rc__reader_errf(r, RC_EFORMAT,
					"pcapng block at offset %llu: block length %u is smaller than the minimum %u",
					OFF(p), blen, minlen));
		if (__builtin_expect(blen & 3u, 0))
			return rc__reader_stop(r, n, rc__reader_errf(r, RC_EFORMAT,
					"pcapng block at offset %llu: block length %u is not a multiple of 4",
					OFF(p), blen));
		if (__builtin_expect(blen > r->ng_max_block, 0))
			return rc__reader_stop(r, n, rc__reader_errf(r, RC_EFORMAT,
					"pcapng block at offset %llu: block length %u exceeds the maximum %u",
					OFF(p), blen, r->ng_max_block));
		if (avail < blen) {
			if (n)
				break;
			rc = rc__source_need(s, blen);
			if (rc < 0)
				return rc;
			if (rc == 0)
				return rc__reader_errf(r, RC_ETRUNC,
						"pcapng block at offset %llu: truncated: block length %u but only %zu bytes left",
						OFF(s->cur), blen, (size_t)(s->end - s->cur));
			continue;
		}
		uint32_t trail = rc__ld32(p + blen - 4, sw);
		if (__builtin_expect(trail != blen, 0))
			return rc__reader_stop(r, n, rc__reader_errf(r, RC_EFORMAT,
					"pcapng block at offset %llu: trailing block length %u does not match the leading %u",
					OFF(p), trail, blen));
		switch (type) {
		case RC_PCAPNG_BT_EPB:
		case RC_PCAPNG_BT_PB:
		case RC_PCAPNG_BT_SPB:
			if (opening)
				return 0;
			rc = type == RC_PCAPNG_BT_SPB ? ng_spb(r, p, blen, &pkts[n])
						      : ng_packet(r, p, blen, type, &pkts[n]);
			if (rc < 0)
				return rc__reader_stop(r, n, rc);
			n++;
			break;
		case RC_PCAPNG_BT_SHB:
			if ((rc = ng_shb(r, p, sw)) < 0)
				return rc;
			break;
		case RC_PCAPNG_BT_IDB:
			if ((rc = ng_idb(r, p, blen)) < 0)
				return rc__reader_stop(r, n, rc);
			if (opening) {
				s->cur = p + blen;
				return 0;
			}
			break;
		case RC_PCAPNG_BT_ISB:
			if ((rc = ng_isb(r, p, blen)) < 0)
				return rc__reader_stop(r, n, rc);
			break;
		default: /* NRB, DSB, journal, custom, local use, unknown: skipped */
			break;
		}
		s->cur = p + blen;
		if (stable)
			rc__source_prefetch(s);
	}
	return (int)n;
}

static int ng_open(struct rc_reader *r)
{
	r->ng_max_block = RC__PCAPNG_MAX_BLOCK_DEFAULT + r->max_caplen;
	if (r->src.buf_max < r->ng_max_block)
		r->src.buf_max = r->ng_max_block;
	return ng_run(r, NULL, 0, 1);
}

static int ng_next_batch(struct rc_reader *r, rc_packet *pkts, size_t max)
{
	return ng_run(r, pkts, max, 0);
}

static void ng_close(struct rc_reader *r)
{
	(void)r;
}

const struct rc__format_ops rc__pcapng_format = {
	.format = RC_FORMAT_PCAPNG,
	.open = ng_open,
	.next_batch = ng_next_batch,
	.close = ng_close,
};

/*
 * pcap_read.c - classic pcap files (layout in pcap_defs.h).
 *
 * Accepted: magic 0xa1b2c3d4 (us) and 0xa1b23c4d (ns) in either byte
 * order, the "modified" 0xa1b2cd34 variant with 24-byte record headers, and
 * versions 2.0-2.4 plus 543.0 (like libpcap: files before 2.3 have caplen and
 * len exchanged, 2.3 files may have, 543.0 is an old byte-swapped writer).
 *
 * caplen larger than the file's snaplen is accepted (libpcap does the same:
 * some writers put a small or zero snaplen in the header), but caplen above
 * the reader's max_caplen (default 256 KiB) is an error, never an allocation.
 */
#include "file/pcap_defs.h"
#include "file/reader.h"
#include "util/errmsg.h"

#include <string.h>

static int pcap_open(struct rc_reader *r)
{
	struct rc__source *s = &r->src;
	int f = rc__source_need(s, RC_PCAP_FILE_HDR_LEN);
	if (f < 0)
		return f;
	if (f == 0)
		return rc__reader_errf(r, RC_ETRUNC,
				"pcap file header at offset 0: truncated: %zu of %u bytes",
				(size_t)(s->end - s->cur), RC_PCAP_FILE_HDR_LEN);
	const uint8_t *h = s->cur;
	uint32_t magic = rc__ld32(h, 0);
	int swap = 0;
	if (magic == __builtin_bswap32(RC_PCAP_MAGIC_USEC) ||
	    magic == __builtin_bswap32(RC_PCAP_MAGIC_NSEC) ||
	    magic == __builtin_bswap32(RC_PCAP_MAGIC_MODIFIED)) {
		swap = 1;
		magic = __builtin_bswap32(magic);
	}
	r->swapped = swap;
	r->precision = magic == RC_PCAP_MAGIC_NSEC ? RC_TS_NANO : RC_TS_MICRO;
	r->pcap_frac_mul = magic == RC_PCAP_MAGIC_NSEC ? 1u : 1000u;
	r->pcap_hdr_len = magic == RC_PCAP_MAGIC_MODIFIED ? RC_PCAP_MODIFIED_REC_HDR_LEN
							  : RC_PCAP_REC_HDR_LEN;
	r->version_major = rc__ld16(h + 4, swap);
	r->version_minor = rc__ld16(h + 6, swap);
	if (r->version_major == RC_PCAP_VERSION_MAJOR && r->version_minor <= RC_PCAP_VERSION_MINOR)
		r->pcap_len_swap = r->version_minor < 3 ? 1 : r->version_minor == 3 ? 2 : 0;
	else if (r->version_major == 543 && r->version_minor == 0)
		r->pcap_len_swap = 1;
	else
		return rc__reader_errf(r, RC_ENOTSUP,
				"pcap file header at offset 4: version %d.%d is not supported (2.0 to 2.4)",
				r->version_major, r->version_minor);
	uint32_t snaplen = rc__ld32(h + 16, swap);
	uint32_t lt = rc__ld32(h + 20, swap);
	r->pcap_linktype = (uint16_t)(lt & RC_PCAP_LT_LINKTYPE_MASK);
	r->fcs_bytes = -1;
	if (lt & RC_PCAP_LT_FCS_PRESENT)
		r->fcs_bytes = (int)((lt & RC_PCAP_LT_FCS_MASK) >> RC_PCAP_LT_FCS_SHIFT) * 2;
	else if (lt & RC_PCAP_LT_OLD_F_BIT)
		r->fcs_bytes = (int)(lt >> RC_PCAP_LT_OLD_FCS_SHIFT) * 2;

	struct rc__iface *ifc;
	int rc = rc__reader_add_iface(r, 0, &ifc);
	if (rc < 0)
		return rc;
	ifc->info.linktype = r->pcap_linktype;
	ifc->info.snaplen = snaplen;
	ifc->info.fcslen = (int8_t)r->fcs_bytes;
	ifc->info.ts_resol_num = 1;
	ifc->info.ts_resol_den = r->precision == RC_TS_NANO ? 1000000000u : 1000000u;
	s->cur += RC_PCAP_FILE_HDR_LEN;
	/* A stream must be able to hold the largest record we accept. */
	s->buf_max = RC_PCAP_MODIFIED_REC_HDR_LEN + (size_t)r->max_caplen;
	if (s->buf_max < s->buf_cap)
		s->buf_max = s->buf_cap;
	return 0;
}

/*
 * The hot loop, instantiated per byte order and record-header length so the
 * compiler drops the branches (always_inline with constant arguments).
 */
static inline __attribute__((always_inline)) int
pcap_batch(struct rc_reader *r, rc_packet *pkts, size_t max, const int swap, const unsigned hl)
{
	struct rc__source *s = &r->src;
	const uint32_t mul = r->pcap_frac_mul, max_caplen = r->max_caplen;
	const uint16_t linktype = r->pcap_linktype;
	const int stable = s->ops->stable;
	size_t n = 0;

	while (n < max) {
		const uint8_t *p = s->cur;
		size_t avail = (size_t)(s->end - p);
		if (avail < hl) {
			if (n)
				break;
			int f = rc__source_need(s, hl);
			if (f < 0)
				return f;
			if (f == 0) {
				if (s->end == s->cur)
					return RC_EEOF;
				return rc__reader_errf(r, RC_ETRUNC,
						"pcap record at offset %llu: truncated header: %zu of %u bytes",
						(unsigned long long)rc__source_off(s, s->cur),
						(size_t)(s->end - s->cur), hl);
			}
			continue;
		}
		uint32_t caplen = rc__ld32(p + 8, swap), len = rc__ld32(p + 12, swap);
		if (__builtin_expect(r->pcap_len_swap != 0, 0)) {
			if (r->pcap_len_swap == 1 || caplen > len) {
				uint32_t t = caplen;
				caplen = len;
				len = t;
			}
		}
		if (__builtin_expect(caplen > max_caplen, 0))
			return rc__reader_stop(r, n,
				    rc__reader_errf(r, RC_EFORMAT,
					     "pcap record at offset %llu: caplen %u exceeds the maximum %u",
					     (unsigned long long)rc__source_off(s, p), caplen, max_caplen));
		if (__builtin_expect(avail - hl < caplen, 0)) {
			if (n)
				break;
			int f = rc__source_need(s, hl + (size_t)caplen);
			if (f < 0)
				return f;
			if (f == 0)
				return rc__reader_errf(r, RC_ETRUNC,
						"pcap record at offset %llu: truncated: caplen %u but only %zu bytes follow the header",
						(unsigned long long)rc__source_off(s, s->cur), caplen,
						(size_t)(s->end - s->cur) - hl);
			continue;
		}
		rc_packet *pk = &pkts[n++];
		*pk = (rc_packet){
			.data = p + hl,
			.ts_nsec = (uint64_t)rc__ld32(p, swap) * 1000000000u +
				   (uint64_t)rc__ld32(p + 4, swap) * mul,
			.caplen = caplen,
			.len = len,
			.linktype = linktype,
			.flags = caplen < len ? RC_PKT_TRUNCATED : 0,
		};
		if (hl == RC_PCAP_MODIFIED_REC_HDR_LEN) {
			/* pkt_type is the kernel's PACKET_* value; 4 = PACKET_OUTGOING. */
			pk->pkttype = p[22];
			pk->direction = p[22] == 4 ? RC_DIR_OUT : RC_DIR_IN;
		}
		s->cur = p + hl + caplen;
		if (stable)
			rc__source_prefetch(s);
	}
	return (int)n;
}

static int pcap_next_batch(struct rc_reader *r, rc_packet *pkts, size_t max)
{
	if (r->pcap_hdr_len == RC_PCAP_REC_HDR_LEN)
		return r->swapped ? pcap_batch(r, pkts, max, 1, RC_PCAP_REC_HDR_LEN)
				  : pcap_batch(r, pkts, max, 0, RC_PCAP_REC_HDR_LEN);
	return r->swapped ? pcap_batch(r, pkts, max, 1, RC_PCAP_MODIFIED_REC_HDR_LEN)
			  : pcap_batch(r, pkts, max, 0, RC_PCAP_MODIFIED_REC_HDR_LEN);
}

static void pcap_close(struct rc_reader *r)
{
	(void)r;
}

const struct rc__format_ops rc__pcap_format = {
	.format = RC_FORMAT_PCAP,
	.open = pcap_open,
	.next_batch = pcap_next_batch,
	.close = pcap_close,
};

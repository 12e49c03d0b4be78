/*
 * encoder.c - rc_encoder: packets to file record bytes outside any writer
 * (see "Pre-encoded records" in ringcap/file.h).  A pcap record is the one
 * pcap_write.c builds for rc_writer_write, a pcapng Enhanced Packet Block
 * the one pcapng_write.c builds: the same functions (writer.h,
 * pcapng_epb.h), the same snap length cut and the same refusals.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "file/pcap_defs.h"
#include "file/pcapng_epb.h"
#include "file/reader.h"
#include "file/writer.h"
#include "util/errmsg.h"

struct rc_encoder {
	enum rc_file_format format;
	uint32_t snaplen;
	uint32_t ts_div; /* pcap */
};

int rc_encoder_new(rc_encoder **out, const rc_writer *w, char *errbuf)
{
	*out = NULL;
	if (!w)
		return rc__errf(errbuf, RC_EINVAL, "rc_encoder_new: writer is NULL");
	rc_encoder *e = malloc(sizeof(*e));
	if (!e)
		return rc__errf(errbuf, RC_ENOMEM, "%s: out of memory for an encoder", w->name);
	e->format = w->fmt->format;
	e->snaplen = w->snaplen; /* pcap: the file's (an append needs the same) */
	e->ts_div = w->pcap_ts_div;
	*out = e;
	return 0;
}

/* One packet is a batch of one: the format dispatch and the refusals live
 * in rc_encoder_encode_batch alone. */
long rc_encoder_encode(const rc_encoder *e, const rc_packet *pkt, void *dst, size_t cap)
{
	rc_encoded_run run;
	return rc_encoder_encode_batch(e, pkt, 1, dst, cap, &run) ? (long)run.bytes : run.stop;
}

size_t rc_encoder_encode_batch(const rc_encoder *e, const rc_packet *pkts, size_t n, void *dst,
			       size_t cap, rc_encoded_run *run)
{
	rc_encoded_run none;
	if (!run)
		run = &none;
	*run = (rc_encoded_run){ 0, 0, 0 };
	if (!e || (!pkts && n) || (!dst && cap)) {
		run->stop = RC_EINVAL;
		return 0;
	}
	/* Locals, not *e or *run, in the loop: the stores through dst could
	 * alias them, and the compiler would reload them for every packet. */
	uint8_t *d = dst;
	size_t used = 0, i;
	uint64_t wire = 0;
	long k = 0;
	const int pcap = e->format == RC_FORMAT_PCAP;
	const uint32_t snaplen = e->snaplen, ts_div = e->ts_div;
	for (i = 0; i < n; i++) {
		k = pcap ? rc__pcap_encode(snaplen, ts_div, &pkts[i], d + used, cap - used)
			 : rc__pcapng_epb_encode(snaplen, &pkts[i], d + used, cap - used);
		if (k <= 0)
			break;
		used += (size_t)k;
		wire += pkts[i].len;
	}
	run->bytes = used;
	run->wire_bytes = wire;
	run->stop = i < n ? k : 0;
	return i;
}

long rc_encoder_reuse(const rc_encoder *e, const rc_reader *r, const rc_packet *pkt,
		      const void **rec)
{
	if (!rec)
		return 0;
	*rec = NULL;
	if (!e || !r || !pkt)
		return 0;
	/* Only classic pcap in host byte order stores records as we write them
	 * (pcapng blocks and the modified variant's 24-byte headers do not). */
	if (e->format != RC_FORMAT_PCAP || r->fmt->format != RC_FORMAT_PCAP || r->swapped ||
	    r->pcap_hdr_len != RC_PCAP_REC_HDR_LEN || !pkt->data || pkt->caplen > e->snaplen)
		return 0;
	/* The record must lie in the bytes r has parsed: header right before
	 * the data, all of it between the window's start and the parse point. */
	uintptr_t d = (uintptr_t)pkt->data, lo = (uintptr_t)r->src.base, hi = (uintptr_t)r->src.cur;
	if (d < lo || d - lo < RC_PCAP_REC_HDR_LEN || d > hi || pkt->caplen > hi - d)
		return 0;
	uint32_t want[4];
	const uint8_t *h = pkt->data - RC_PCAP_REC_HDR_LEN;
	/* Equal bytes, not just equal values: a file's sub-second field over
	 * a second, or its swapped caplen/len quirk, is written normalised. */
	if (rc__pcap_rec_hdr(want, pkt, pkt->caplen, e->ts_div) < 0 || memcmp(h, want, sizeof(want)))
		return 0;
	*rec = h;
	return (long)(RC_PCAP_REC_HDR_LEN + pkt->caplen);
}

int rc_encoder_parse(const rc_encoder *e, const void *rec, size_t avail, rc_record_info *info)
{
	const uint8_t *p = rec;
	uint32_t f[7];
	if (e->format == RC_FORMAT_PCAP) {
		/* ts_sec, ts_frac, caplen, len (writer.h) */
		if (avail < RC_PCAP_REC_HDR_LEN)
			return RC_EINVAL;
		memcpy(f, p, RC_PCAP_REC_HDR_LEN);
		if (f[2] > avail - RC_PCAP_REC_HDR_LEN)
			return RC_EINVAL;
		info->rec_len = RC_PCAP_REC_HDR_LEN + (size_t)f[2];
		info->ts_nsec = (uint64_t)f[0] * 1000000000u + (uint64_t)f[1] * e->ts_div;
		info->caplen = f[2];
		info->len = f[3];
		info->iface = 0;
		return 0;
	}
	/* An EPB as pcapng_epb.h lays it out: 28 bytes of header, the data
	 * padded to 4, the trailing length; time stamps in nanoseconds. */
	if (avail < 32)
		return RC_EINVAL;
	memcpy(f, p, sizeof(f));
	if (f[0] != RC_PCAPNG_BT_EPB || f[1] < 32 || f[1] > avail ||
	    f[5] > f[1] - 32 || f[1] % 4)
		return RC_EINVAL;
	info->rec_len = f[1];
	info->ts_nsec = (uint64_t)f[3] << 32 | f[4];
	info->caplen = f[5];
	info->len = f[6];
	info->iface = f[2];
	return 0;
}

void rc_encoder_free(rc_encoder *e)
{
	free(e);
}

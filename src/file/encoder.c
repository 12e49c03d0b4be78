/*
 * encoder.c - rc_encoder: packets to pcap record bytes outside any writer
 * (see "Pre-encoded records" in ringcap/file.h).  The record is the one
 * pcap_write.c builds for rc_writer_write: the same header function, the
 * same snap length cut and the same refusals.
 */
#include <stdlib.h>
#include <string.h>

#include "file/pcap_defs.h"
#include "file/writer.h"
#include "util/errmsg.h"

struct rc_encoder {
	uint32_t snaplen;
	uint32_t ts_div;
};

int rc_encoder_new(rc_encoder **out, const rc_writer *w, char *errbuf)
{
	*out = NULL;
	if (!w)
		return rc__errf(errbuf, RC_EINVAL, "rc_encoder_new: writer is NULL");
	if (w->fmt->format != RC_FORMAT_PCAP)
		return rc__errf(errbuf, RC_EINVAL,
				"%s: pre-encoded records are pcap records; this writer writes %s",
				w->name, w->fmt->name);
	rc_encoder *e = malloc(sizeof(*e));
	if (!e)
		return rc__errf(errbuf, RC_ENOMEM, "%s: out of memory for an encoder", w->name);
	e->snaplen = w->ifaces[0].snaplen;
	e->ts_div = w->pcap_ts_div;
	*out = e;
	return 0;
}

long rc_encoder_encode(const rc_encoder *e, const rc_packet *pkt, void *dst, size_t cap)
{
	uint32_t caplen = pkt->caplen < e->snaplen ? pkt->caplen : e->snaplen;
	uint32_t hdr[4];
	if (caplen > RC__WRITER_MAX_CAPLEN || (caplen && !pkt->data) ||
	    rc__pcap_rec_hdr(hdr, pkt, caplen, e->ts_div) < 0)
		return RC_EINVAL;
	size_t len = RC_PCAP_REC_HDR_LEN + (size_t)caplen;
	if (len > cap)
		return 0;
	memcpy(dst, hdr, sizeof(hdr));
	memcpy((uint8_t *)dst + RC_PCAP_REC_HDR_LEN, pkt->data, caplen);
	return (long)len;
}

void rc_encoder_free(rc_encoder *e)
{
	free(e);
}

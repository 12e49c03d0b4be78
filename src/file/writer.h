/*
 * writer.h - internals of rc_writer shared by the generic part (writer.c:
 * options, buffer, crash-safe flushing) and the format encoders
 * (pcap_write.c, pcapng_write.c).
 *
 * The idea
 * --------
 * A format never touches the file descriptor.  For every record (packet,
 * interface description, statistics) it fills a struct rc__wrec: a list of
 * at most RC__WREC_IOV pieces whose concatenation is exactly one whole
 * record.  Small fixed pieces (headers, options) live in the record's own
 * scratch space; the packet bytes and the comment are referenced in place.
 * writer.c then either copies the pieces into the output buffer (one memcpy
 * per piece) or, for a record larger than the buffer, hands the pieces to
 * writev(2) directly.
 *
 * Invariant: the output buffer only ever holds whole records, and it is
 * handed to write(2) from its start.  So at any moment between API calls the
 * file on disk ends on a record boundary, and after a failed write the last
 * whole record boundary can be found by walking the buffer with the format's
 * record_span() (every record states its own length).
 *
 *   file on disk                       buffer (w->buf)
 *   +--------+-----+-----+-----+       +-----+-----+-------+.........+
 *   | header | rec | rec | rec |       | rec | rec |  rec  |  free   |
 *   +--------+-----+-----+-----+       +-----+-----+-------+.........+
 *   0                   file_off       0                   used      cap
 *   rc_writer_offset() = file_off + used
 */
#ifndef RC_FILE_WRITER_H
#define RC_FILE_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/uio.h>

#include "file/pcap_defs.h"
#include "ringcap/file.h"

/* Most pieces a record is made of: an SHB or IDB alternates scratch pieces
 * with up to three referenced strings (7 pieces). */
#define RC__WREC_IOV 8

/* One whole record, described as pieces (see above). */
struct rc__wrec {
	struct iovec iov[RC__WREC_IOV];
	int iovcnt;
	size_t len;            /* sum of the iov lengths */
	size_t scratch_used;
	uint8_t scratch[128];  /* backing store of the small pieces; the most any
				* record needs is 76 bytes (an ISB: 20 fixed, four
				* 12-byte options, end of options, trailing length) */
};

/* Per-interface state (pcapng; pcap has exactly one). */
struct rc__wiface {
	uint16_t linktype;
	uint32_t snaplen;
	int has_stats;
	uint64_t recv, drop;
};

/* A file format: a const table chosen once at open time. */
struct rc__wformat {
	enum rc_file_format format;
	const char *name;
	/* Check fields of opts only this format cares about; message in w->err. */
	int (*check_opts)(rc_writer *w, const rc_writer_opts *opts);
	/* Put the file header (pcap header / SHB + IDB 0) into the buffer. */
	int (*start)(rc_writer *w, const rc_writer_opts *opts);
	/* The existing file holds size bytes (> 0): may we append? */
	int (*check_append)(rc_writer *w, int fd, uint64_t size);
	/* Describe one packet as a record, or reject it (message in w->err). */
	int (*packet)(rc_writer *w, const rc_packet *pkt, struct rc__wrec *rec);
	/* Fast path: write pkt's whole record at dst when it is of the common
	 * kind and fits in room, and return its length; 0 leaves it to
	 * packet() + rc__writer_emit (which also report every error).  Writes
	 * exactly the bytes packet() describes (tests/test_file_write_fast.c).
	 * Why: building pieces and copying each cost pcap 20 and pcapng 35
	 * ns/packet more in user space when this path was added (commit
	 * 003ddfe, 2,000,000 mixed packets to /dev/null; docs/files.md has
	 * what bench_write measures now). */
	size_t (*encode)(const rc_writer *w, const rc_packet *pkt, uint8_t *dst, size_t room);
	/* Add an interface: validate, then put its record into the buffer. */
	int (*add_iface)(rc_writer *w, const rc_iface_info *info);
	/* Records written at close (pcapng ISBs); may be NULL. */
	int (*finish)(rc_writer *w);
	/* Length of the record at p given avail (> 0) buffered bytes; 0 if
	 * it cannot be told (only called on the writer's own buffer). */
	size_t (*record_span)(const rc_writer *w, const uint8_t *p, size_t avail);
	/* 1 if the whole record at p is a packet (not a file header, IDB or
	 * ISB): what rc_writer_packets counts. */
	int (*record_is_packet)(const rc_writer *w, const uint8_t *p);
};

extern const struct rc__wformat rc__pcap_wformat;
extern const struct rc__wformat rc__pcapng_wformat;

struct rc_writer {
	const struct rc__wformat *fmt;
	int fd;
	int own_fd;
	int is_regular;        /* ftruncate() can repair a short write */
	int fatal;             /* sticky I/O status, 0 while healthy */
	uint8_t *buf;          /* cap bytes for records, inside mem (writer.c place_buf) */
	uint8_t *mem;          /* the allocation: cap + RC__COPY_ALIGN bytes, page-aligned */
	size_t cap, used;
	uint64_t file_off;     /* file offset after the bytes handed to the kernel */
	uint64_t packets;      /* packet records written, buffered ones included */
	int hdr_pending;       /* the buffer starts with the pcap file header */
	uint32_t snaplen;      /* opts.snaplen (0 -> the default): pcap's, IDB 0's, rc_encoder's */
	uint64_t open_ts_nsec; /* CLOCK_REALTIME at open (isb_starttime) */

	/* pcap */
	uint32_t pcap_magic;
	uint32_t pcap_ts_div;  /* ns per stored sub-second unit: 1000 or 1 */
	uint32_t pcap_lt_field;

	/* interfaces (pcap: one) */
	struct rc__wiface *ifaces;
	size_t n_ifaces, cap_ifaces;

	char *name;            /* path or name, for messages */
	char err[RC_ERRBUF_SIZE];
};

/* Largest caplen one record may carry (after snap length truncation): keeps
 * the pcapng Block Total Length (u32) and all size arithmetic far from
 * overflow.  Readers refuse much less by default (256 KiB). */
#define RC__WRITER_MAX_CAPLEN (1u << 30)
/* Most interfaces one pcapng writer describes. */
#define RC__WRITER_MAX_IFACES 65536u

/* Record builder helpers for the formats. */
static inline void rc__wrec_init(struct rc__wrec *r)
{
	r->iovcnt = 0;
	r->len = 0;
	r->scratch_used = 0;
}

/* Add an external piece (not copied). */
static inline void rc__wrec_ref(struct rc__wrec *r, const void *p, size_t n)
{
	if (n == 0)
		return;
	r->iov[r->iovcnt].iov_base = (void *)p;
	r->iov[r->iovcnt].iov_len = n;
	r->iovcnt++;
	r->len += n;
}

/* Reserve n bytes of scratch as a new piece (or grow the last piece when it
 * is the scratch tail) and return where to write them. */
static inline uint8_t *rc__wrec_put(struct rc__wrec *r, size_t n)
{
	uint8_t *p = r->scratch + r->scratch_used;
	struct iovec *last = r->iovcnt ? &r->iov[r->iovcnt - 1] : NULL;
	if (last && (uint8_t *)last->iov_base + last->iov_len == p) {
		last->iov_len += n;
	} else {
		r->iov[r->iovcnt].iov_base = p;
		r->iov[r->iovcnt].iov_len = n;
		r->iovcnt++;
	}
	r->scratch_used += n;
	r->len += n;
	return p;
}

/* Append an interface to w->ifaces (bounded by RC__WRITER_MAX_IFACES). */
int rc__writer_push_iface(rc_writer *w, const struct rc__wiface *ifc);

/* Copy a whole record into the buffer (flushing first if needed) or write
 * it directly when it is larger than the buffer. */
int rc__writer_emit(rc_writer *w, const struct rc__wrec *rec);

/* pread(2) for the append checks, retried when a signal interrupts it.
 * Returns what pread returned: n, fewer at the end of the file, or -1. */
ssize_t rc__writer_pread(int fd, void *buf, size_t n, uint64_t off);

/* Check the bytes of a packet about to be stored with caplen bytes: not
 * over RC__WRITER_MAX_CAPLEN, and present.  Message in w->err. */
int rc__writer_check_data(rc_writer *w, const rc_packet *pkt, uint32_t caplen);

/* pcap: fill the 16-byte record header of pkt stored with caplen bytes
 * (ts_div: ns per stored sub-second unit); -1 if the seconds do not fit 32
 * bits.  Shared by the writer and rc_encoder. */
static inline int rc__pcap_rec_hdr(uint32_t hdr[4], const rc_packet *pkt, uint32_t caplen,
				   uint32_t ts_div)
{
	uint64_t sec = pkt->ts_nsec / 1000000000u;
	if (sec > UINT32_MAX)
		return -1;
	hdr[0] = (uint32_t)sec;
	/* ts_div is 1000 or 1: dividing by the constant is a multiply, by
	 * the variable a hardware divide (a 64-byte rc_encoder_encode,
	 * 6.4-6.6 -> 5.7-5.8 ns). */
	uint32_t frac = (uint32_t)(pkt->ts_nsec % 1000000000u);
	hdr[1] = ts_div == 1000 ? frac / 1000u : frac;
	hdr[2] = caplen;
	hdr[3] = pkt->len;
	return 0;
}

/* pkt's whole pcap record (header and caplen bytes, cut to snaplen) at dst:
 * its length, 0 when it needs more than room bytes, RC_EINVAL when it
 * cannot be a record (too large, no data, seconds past 2106).  Shared by
 * the pcap writer's fast path and rc_encoder_encode. */
static inline long rc__pcap_encode(uint32_t snaplen, uint32_t ts_div, const rc_packet *pkt,
				   uint8_t *dst, size_t room)
{
	uint32_t caplen = pkt->caplen < snaplen ? pkt->caplen : snaplen;
	uint32_t hdr[4];
	if (caplen > RC__WRITER_MAX_CAPLEN || (caplen && !pkt->data) ||
	    rc__pcap_rec_hdr(hdr, pkt, caplen, ts_div) < 0)
		return RC_EINVAL;
	size_t len = RC_PCAP_REC_HDR_LEN + (size_t)caplen;
	if (len > room)
		return 0;
	memcpy(dst, hdr, sizeof(hdr));
	if (caplen) /* data may be NULL for an empty packet */
		memcpy(dst + RC_PCAP_REC_HDR_LEN, pkt->data, caplen);
	return (long)len;
}

/* CLOCK_REALTIME in nanoseconds. */
uint64_t rc__writer_now_nsec(void);

#endif /* RC_FILE_WRITER_H */

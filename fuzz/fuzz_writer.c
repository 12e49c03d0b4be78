/*
 * fuzz_writer.c - libFuzzer target for the capture-file writers: packets
 * described by the input are written three times into memory files: with
 * the default buffer (records encoded in place, the fast path of
 * src/file/writer.h), with a 1-byte buffer (every record described as
 * pieces and written directly), and as records made by an rc_encoder and
 * handed over with rc_writer_write_encoded (rc_writer_write for the packets
 * the encoder leaves to it: pcapng comments and drop counts).  The three
 * files must be byte for byte equal, and rc_reader must read back every
 * packet with its length, bytes, time stamp, interface and direction.
 *
 * Input: byte 0 picks the format (bit 0: pcapng), the time stamp precision
 * (bit 1) and the snap length (bits 2-3: 0 = default, 65535, 200, 1); then
 * 12-byte packet descriptions (caplen 0..1023, extra wire length,
 * direction, interface, time stamp bits, comment/drop-count flags); a
 * packet's bytes are the input's from its description on, cut where the
 * input ends.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ringcap/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_PKTS = 64 };

struct fz_set {
	rc_packet pkts[MAX_PKTS];
	size_t n;
	char comment[16];
};

static void fz_parse(struct fz_set *s, const uint8_t *d, size_t size)
{
	s->n = 0;
	memcpy(s->comment, "fuzz comment 01", 16);
	for (size_t off = 1; off + 12 <= size && s->n < MAX_PKTS; off += 12) {
		const uint8_t *h = d + off;
		rc_packet *p = &s->pkts[s->n++];
		memset(p, 0, sizeof(*p));
		uint32_t caplen = ((uint32_t)h[0] | (uint32_t)h[1] << 8) & 1023u;
		p->caplen = caplen;
		p->len = caplen + (h[2] & 3u);
		p->data = caplen ? d + off : NULL;
		if (caplen > size - off) /* keep the bytes inside the input */
			p->caplen = p->len = (uint32_t)(size - off);
		p->direction = (uint8_t)(h[3] % 3);
		p->ifindex = h[4] & 1u;
		uint64_t ts = 0;
		memcpy(&ts, h + 5, 5);
		p->ts_nsec = ts * 977u; /* stays within pcap's 32-bit seconds */
		p->linktype = RC_LINKTYPE_ETHERNET;
		if (h[10] & 1u) {
			p->flags |= RC_PKT_HAS_COMMENT;
			p->comment = s->comment;
			p->comment_len = h[11] & 15u;
		}
		if (h[10] & 2u) {
			p->flags |= RC_PKT_HAS_DROPCOUNT;
			p->dropcount = h[11];
		}
	}
}

/* Write the set with an encoder, in runs of at most 8 records. */
static void fz_write_encoded(rc_writer *w, const struct fz_set *s)
{
	static uint8_t recs[8 * (48 + 1024)];
	char err[RC_ERRBUF_SIZE];
	rc_encoder *e;
	if (rc_encoder_new(&e, w, err) < 0)
		abort();
	size_t used = 0, n = 0;
	for (size_t i = 0; i <= s->n; i++) {
		long k = i < s->n && n < 8 ? rc_encoder_encode(e, &s->pkts[i], recs + used,
							      sizeof(recs) - used)
					   : 0;
		if (k > 0) {
			used += (size_t)k;
			n++;
			continue;
		}
		if (n && rc_writer_write_encoded(w, recs, used, n, UINT64_MAX, NULL, NULL) < 0)
			abort();
		used = n = 0;
		if (k == RC_ENOTSUP && rc_writer_write(w, &s->pkts[i]) < 0)
			abort();
		else if (k == 0 && i < s->n)
			i--; /* the run was full: encode this packet again */
		else if (k < 0 && k != RC_ENOTSUP)
			abort(); /* a packet rc_writer_write takes */
	}
	rc_encoder_free(e);
}

/* Write the set into a memory file (buf_bytes 0: through an encoder);
 * returns it (malloc'ed). */
static uint8_t *fz_write(const struct fz_set *s, uint8_t cfg, size_t buf_bytes, int encoded,
			 size_t *len)
{
	static const uint32_t snaps[4] = { 0, 65535, 200, 1 };
	int fd = memfd_create("fuzz_writer", 0);
	if (fd < 0)
		abort();
	char err[RC_ERRBUF_SIZE];
	rc_writer *w;
	int ng = cfg & 1;
	rc_writer_opts o = { .format = ng ? RC_FORMAT_PCAPNG : RC_FORMAT_PCAP,
			     .linktype = RC_LINKTYPE_ETHERNET,
			     .ts_precision = (cfg & 2) ? RC_TS_NANO : RC_TS_MICRO,
			     .snaplen = snaps[(cfg >> 2) & 3u], .buf_bytes = buf_bytes };
	if (rc_writer_open_fd(&w, fd, 1, "memfd", &o, err) < 0)
		abort(); /* every option above is valid */
	if (ng) {
		/* the snap length of the options: an encoder cuts at that one */
		rc_iface_info second = { .linktype = RC_LINKTYPE_RAW, .name = "if1", .fcslen = -1,
					 .snaplen = o.snaplen ? o.snaplen : 262144 };
		if (rc_writer_add_iface(w, &second) != 1)
			abort();
	}
	if (encoded)
		fz_write_encoded(w, s);
	else
		for (size_t i = 0; i < s->n; i++)
			if (rc_writer_write(w, &s->pkts[i]) < 0)
				abort();
	/* rc_writer_close would close fd: keep a copy to read back. */
	int keep = dup(fd);
	if (keep < 0 || rc_writer_close(w) < 0)
		abort();
	off_t end = lseek(keep, 0, SEEK_END);
	uint8_t *out = malloc(end > 0 ? (size_t)end : 1);
	if (!out || pread(keep, out, (size_t)end, 0) != end)
		abort();
	close(keep);
	*len = (size_t)end;
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static struct fz_set s;
	fz_parse(&s, data, size);
	size_t la, lb, lc;
	uint8_t *a = fz_write(&s, data[0], 0, 0, &la);
	uint8_t *b = fz_write(&s, data[0], 1, 0, &lb);
	uint8_t *c = fz_write(&s, data[0], 0, 1, &lc);
	if (la != lb || memcmp(a, b, la) != 0)
		abort(); /* fast path and general path disagree */
	if (la != lc || memcmp(a, c, la) != 0)
		abort(); /* the encoder and the writer disagree */

	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	if (rc_reader_open_mem(&r, a, la, NULL, err) < 0)
		abort();
	uint32_t snap = (data[0] >> 2) & 3u;
	static const uint32_t snaps[4] = { 262144, 65535, 200, 1 };
	rc_packet p;
	size_t i = 0;
	int st;
	while ((st = rc_reader_next(r, &p)) == 1) {
		const rc_packet *q = &s.pkts[i];
		uint32_t want = q->caplen;
		uint32_t lim = snaps[snap];
		if (want > lim)
			want = lim;
		if (i >= s.n || p.caplen != want || p.len != q->len ||
		    (want && memcmp(p.data, q->data, want) != 0))
			abort();
		uint64_t ts = (data[0] & 3u) == 0 ? q->ts_nsec / 1000u * 1000u : q->ts_nsec;
		if (p.ts_nsec != ts)
			abort();
		if ((data[0] & 1) && (p.ifindex != q->ifindex || p.direction != q->direction))
			abort();
		i++;
	}
	if (st != RC_EEOF || i != s.n)
		abort();
	rc_reader_close(r);
	free(a);
	free(b);
	free(c);
	return 0;
}

/*
 * fuzz_writer.c - libFuzzer target for the capture-file writers: packets
 * described by the input are written twice, once with the default buffer
 * (records encoded in place, the fast path of src/file/writer.h) and once
 * with a 1-byte buffer (every record described as pieces and written
 * directly), into memory files.  The two files must be byte for byte equal,
 * and rc_reader must read back every packet with its length, bytes, time
 * stamp, interface and direction.
 *
 * Input: byte 0 picks the format (bit 0: pcapng), the time stamp precision
 * (bit 1) and the snap length (bits 2-3: 65535, 200, 1, 0 = default); then
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

/* Write the set into a memory file; returns it (malloc'ed) or NULL. */
static uint8_t *fz_write(const struct fz_set *s, uint8_t cfg, size_t buf_bytes, size_t *len)
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
		rc_iface_info second = { .linktype = RC_LINKTYPE_RAW, .name = "if1", .fcslen = -1 };
		if (rc_writer_add_iface(w, &second) != 1)
			abort();
	}
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
	size_t la, lb;
	uint8_t *a = fz_write(&s, data[0], 0, &la);
	uint8_t *b = fz_write(&s, data[0], 1, &lb);
	if (la != lb || memcmp(a, b, la) != 0)
		abort(); /* fast path and general path disagree */

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
		uint32_t lim = (data[0] & 1) && q->ifindex ? 262144 : snaps[snap];
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
	return 0;
}

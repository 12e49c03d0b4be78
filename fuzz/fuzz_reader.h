/*
 * fuzz_reader.h - shared body of fuzz_pcap.c and fuzz_pcapng.c.
 *
 * Reads the input twice: from memory (zero-copy, so ASan catches any read
 * past the input) and through the streaming source fed in pieces whose
 * sizes come from the input itself, with a small buffer that has to grow.
 * Every byte of every packet and comment is touched, every interface is
 * queried, and both readings must agree exactly (count, status, message,
 * contents); a disagreement traps.
 */
#ifndef RC_FUZZ_READER_H
#define RC_FUZZ_READER_H

#include "file/reader.h"
#include "ringcap/file.h"

#include <stdint.h>
#include <string.h>

struct fz_digest {
	unsigned long n;
	uint64_t h;
	int status;
	char err[RC_ERRBUF_SIZE];
};

static uint64_t fz_mix(uint64_t h, const void *p, size_t n)
{
	const uint8_t *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

static void fz_str(struct fz_digest *d, const char *s)
{
	if (s)
		d->h = fz_mix(d->h, s, strlen(s) + 1);
}

static void fz_digest(rc_reader *r, size_t batch, struct fz_digest *d)
{
	rc_packet p[16];
	int rc;
	d->n = 0;
	d->h = 0xcbf29ce484222325ull;
	while ((rc = rc_reader_next_batch(r, p, batch)) > 0) {
		for (int i = 0; i < rc; i++) {
			uint64_t f[6] = { p[i].ts_nsec, p[i].caplen, p[i].len, p[i].ifindex,
					  p[i].linktype | (uint64_t)p[i].direction << 16, p[i].flags };
			d->h = fz_mix(d->h, f, sizeof(f));
			d->h = fz_mix(d->h, p[i].data, p[i].caplen);
			if (p[i].flags & RC_PKT_HAS_COMMENT)
				d->h = fz_mix(d->h, p[i].comment, p[i].comment_len);
			/* every packet's interface exists in the current section
			 * and has the packet's link type */
			rc_iface_info info;
			if (rc_reader_iface(r, p[i].ifindex, &info) != 0 ||
			    info.linktype != p[i].linktype)
				__builtin_trap();
		}
		d->n += (unsigned long)rc;
	}
	/* interfaces of the last section, and their statistics */
	for (size_t k = 0; k < rc_reader_iface_count(r); k++) {
		rc_iface_info info;
		rc_iface_stats st;
		if (rc_reader_iface(r, k, &info) != 0 || rc_reader_iface_stats(r, k, &st) != 0)
			__builtin_trap();
		fz_str(d, info.name);
		fz_str(d, info.description);
		fz_str(d, info.filter);
		uint64_t f[4] = { info.linktype, info.snaplen, st.recv, st.ts_nsec };
		d->h = fz_mix(d->h, f, sizeof(f));
	}
	d->status = rc;
	memcpy(d->err, rc_reader_error(r), RC_ERRBUF_SIZE);
}

/* msg without the "NAME: " that every message about the input starts
 * with (the two readings name it "memory" and "memory stream"); traps if
 * it does not start so. */
static const char *fz_unnamed(const char *msg, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(msg, name, n) != 0 || msg[n] != ':' || msg[n + 1] != ' ')
		__builtin_trap();
	return msg + n + 2;
}

static int fz_read_twice(const uint8_t *data, size_t size, uint32_t max_caplen)
{
	char err1[RC_ERRBUF_SIZE], err2[RC_ERRBUF_SIZE];
	rc_reader_opts o = { .max_caplen = max_caplen };
	rc_reader *a, *b;
	struct fz_digest da, db;
	int ra = rc_reader_open_mem(&a, data, size, &o, err1);
	/* chunk sizes: the input's own bytes, read from its end */
	uint8_t sizes[64];
	size_t ns = size < sizeof(sizes) ? size : sizeof(sizes);
	for (size_t i = 0; i < ns; i++)
		sizes[i] = data[size - 1 - i];
	int rb = rc__reader_open_chunked(&b, data, size, sizes, ns, 4096, &o, err2);
	if (ra != rb || (ra < 0 && strcmp(fz_unnamed(err1, "memory"), fz_unnamed(err2, "memory stream")) != 0))
		__builtin_trap();
	if (ra < 0)
		return 0;
	size_t batch = size ? 1 + data[0] % 16 : 1;
	fz_digest(a, batch, &da);
	fz_digest(b, 16 - batch + 1, &db);
	/* the same packets, the same end status and the same message but
	 * for the name */
	if (da.n != db.n || da.h != db.h || da.status != db.status)
		__builtin_trap();
	if (da.status != RC_EEOF &&
	    strcmp(fz_unnamed(da.err, "memory"), fz_unnamed(db.err, "memory stream")) != 0)
		__builtin_trap();
	(void)rc_reader_linktype(a);
	(void)rc_reader_snaplen(a);
	(void)rc_reader_fcs_bits(a);
	(void)rc_reader_ts_precision(a);
	(void)rc_reader_offset(a);
	rc_reader_close(a);
	rc_reader_close(b);
	return 0;
}

#endif /* RC_FUZZ_READER_H */

/*
 * test_file_read_build.h - byte-exact builders for pcap and pcapng test
 * inputs (header-only, used by tests/test_file_read_*.c).  Every field is
 * written explicitly so that a test can damage exactly one of them.
 */
#ifndef RC_TEST_FILE_READ_BUILD_H
#define RC_TEST_FILE_READ_BUILD_H

#include "harness.h"
#include "ringcap/file.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct fb {
	uint8_t *d;
	size_t len, cap;
	int swap; /* write fields byte-swapped (the "other" byte order) */
};

static inline void fb_bytes(struct fb *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->d = realloc(b->d, b->cap);
		if (!b->d)
			rc_test_fail(__FILE__, __LINE__, "out of memory");
	}
	if (n)
		memcpy(b->d + b->len, p, n);
	b->len += n;
}

static inline void fb_u8(struct fb *b, uint8_t v) { fb_bytes(b, &v, 1); }
static inline void fb_u16(struct fb *b, uint16_t v)
{
	if (b->swap)
		v = __builtin_bswap16(v);
	fb_bytes(b, &v, 2);
}
static inline void fb_u32(struct fb *b, uint32_t v)
{
	if (b->swap)
		v = __builtin_bswap32(v);
	fb_bytes(b, &v, 4);
}
static inline void fb_u64(struct fb *b, uint64_t v)
{
	if (b->swap)
		v = __builtin_bswap64(v);
	fb_bytes(b, &v, 8);
}
static inline void fb_pad4(struct fb *b)
{
	static const uint8_t z[4];
	fb_bytes(b, z, (4 - b->len % 4) % 4);
}
static inline void fb_put32(struct fb *b, size_t at, uint32_t v)
{
	if (b->swap)
		v = __builtin_bswap32(v);
	memcpy(b->d + at, &v, 4);
}
static inline void fb_free(struct fb *b) { free(b->d); memset(b, 0, sizeof(*b)); }

/* Packet payload i of length n: bytes (i * 7 + k) & 0xff. */
static inline void fb_payload(struct fb *b, unsigned i, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++)
		fb_u8(b, (uint8_t)(i * 7 + k));
}
static inline int payload_ok(const uint8_t *p, unsigned i, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++)
		if (p[k] != (uint8_t)(i * 7 + k))
			return 0;
	return 1;
}

/* ---- pcap ---- */

static inline void fb_pcap_hdr(struct fb *b, uint32_t magic, uint16_t maj, uint16_t min,
			       uint32_t snaplen, uint32_t ltfield)
{
	fb_u32(b, magic);
	fb_u16(b, maj);
	fb_u16(b, min);
	fb_u32(b, 0);
	fb_u32(b, 0);
	fb_u32(b, snaplen);
	fb_u32(b, ltfield);
}

static inline void fb_pcap_rec(struct fb *b, uint32_t sec, uint32_t frac, uint32_t caplen,
			       uint32_t len, unsigned payload_id)
{
	fb_u32(b, sec);
	fb_u32(b, frac);
	fb_u32(b, caplen);
	fb_u32(b, len);
	fb_payload(b, payload_id, caplen);
}

/* ---- pcapng ---- */

/* Start a block: type + placeholder length; returns its offset. */
static inline size_t fb_blk_begin(struct fb *b, uint32_t type)
{
	size_t at = b->len;
	fb_u32(b, type);
	fb_u32(b, 0);
	return at;
}

/* End a block: pad, trailing length, patch the leading one. */
static inline void fb_blk_end(struct fb *b, size_t at)
{
	fb_pad4(b);
	uint32_t total = (uint32_t)(b->len - at + 4);
	fb_u32(b, total);
	fb_put32(b, at + 4, total);
}

static inline void fb_opt(struct fb *b, uint16_t code, const void *val, uint16_t len)
{
	fb_u16(b, code);
	fb_u16(b, len);
	fb_bytes(b, val, len);
	fb_pad4(b);
}
static inline void fb_opt_u8(struct fb *b, uint16_t code, uint8_t v) { fb_opt(b, code, &v, 1); }
static inline void fb_opt_u32(struct fb *b, uint16_t code, uint32_t v)
{
	fb_u16(b, code);
	fb_u16(b, 4);
	fb_u32(b, v);
}
static inline void fb_opt_u64(struct fb *b, uint16_t code, uint64_t v)
{
	fb_u16(b, code);
	fb_u16(b, 8);
	fb_u64(b, v);
}
static inline void fb_opt_str(struct fb *b, uint16_t code, const char *s)
{
	fb_opt(b, code, s, (uint16_t)strlen(s));
}
static inline void fb_opt_end(struct fb *b)
{
	fb_u16(b, 0);
	fb_u16(b, 0);
}

static inline void fb_shb(struct fb *b)
{
	size_t at = fb_blk_begin(b, 0x0A0D0D0Au);
	fb_u32(b, 0x1A2B3C4Du);
	fb_u16(b, 1);
	fb_u16(b, 0);
	fb_u64(b, (uint64_t)-1);
	fb_blk_end(b, at);
}

/* IDB without options (tsresol default 10^-6). */
static inline void fb_idb(struct fb *b, uint16_t linktype, uint32_t snaplen)
{
	size_t at = fb_blk_begin(b, 1);
	fb_u16(b, linktype);
	fb_u16(b, 0);
	fb_u32(b, snaplen);
	fb_blk_end(b, at);
}

/* IDB with an if_tsresol option. */
static inline void fb_idb_resol(struct fb *b, uint16_t linktype, uint32_t snaplen, uint8_t resol)
{
	size_t at = fb_blk_begin(b, 1);
	fb_u16(b, linktype);
	fb_u16(b, 0);
	fb_u32(b, snaplen);
	fb_opt_u8(b, 9, resol);
	fb_opt_end(b);
	fb_blk_end(b, at);
}

/* EPB without options; returns the block offset. */
static inline size_t fb_epb(struct fb *b, uint32_t ifid, uint64_t ticks, uint32_t caplen,
			    uint32_t len, unsigned payload_id)
{
	size_t at = fb_blk_begin(b, 6);
	fb_u32(b, ifid);
	fb_u32(b, (uint32_t)(ticks >> 32));
	fb_u32(b, (uint32_t)ticks);
	fb_u32(b, caplen);
	fb_u32(b, len);
	fb_payload(b, payload_id, caplen);
	fb_blk_end(b, at);
	return at;
}

/* An rc_read_fn over the bytes d[0..len), returned in pieces of sizes[0],
 * sizes[1], ... bytes in turn (each cut to what is left and to len). */
struct fb_pieces {
	const uint8_t *d;
	size_t len, pos;
	const size_t *sizes;
	size_t nsizes, calls;
};

static inline ssize_t fb_pieces_read(void *ctx, void *buf, size_t len)
{
	struct fb_pieces *p = ctx;
	size_t n = p->sizes[p->calls++ % p->nsizes];
	if (n > p->len - p->pos)
		n = p->len - p->pos;
	if (n > len)
		n = len;
	memcpy(buf, p->d + p->pos, n);
	p->pos += n;
	return (ssize_t)n;
}

/* Read everything from r; returns the count and the final status. */
static inline size_t read_all(rc_reader *r, rc_packet *out, size_t max, int *status)
{
	size_t n = 0;
	int rc;
	rc_packet tmp[16];
	while ((rc = rc_reader_next_batch(r, tmp, 16)) > 0)
		for (int i = 0; i < rc; i++)
			if (n < max)
				out[n++] = tmp[i];
	*status = rc;
	return n;
}

#endif /* RC_TEST_FILE_READ_BUILD_H */

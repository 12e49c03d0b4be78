/*
 * test_file_write_common.h - helpers shared by the writer tests
 * (tests/test_file_write_*.c): a deterministic packet generator, a libpcap
 * oracle that compares a written file with the generated packets, and a
 * small pcapng block walker for checks no external tool exposes.
 */
#ifndef RC_TEST_FILE_WRITE_COMMON_H
#define RC_TEST_FILE_WRITE_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ringcap/file.h"
#include "testutil.h"

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

/* 2023-11-14T22:13:20Z plus a fraction, so every ns digit matters. */
#define WT_BASE_NSEC 1700000000123456789ull

/* Packet i of the deterministic stream: mixed sizes, content from (i, j). */
static inline uint32_t wt_caplen(size_t i)
{
	static const uint32_t sizes[] = { 60, 1514, 0, 98, 9014, 342, 1, 66, 577, 4097 };
	return sizes[i % 10] + (uint32_t)(i % 7);
}

static inline uint8_t wt_byte(size_t i, size_t j)
{
	return (uint8_t)(i * 131u + j * 7u + (j >> 8));
}

static inline uint64_t wt_ts(size_t i)
{
	return WT_BASE_NSEC + (uint64_t)i * 1000003007ull;
}

/* The stream as rc_packets over one malloc'ed arena (free with wt_free). */
typedef struct wt_stream {
	rc_packet *pkts;
	uint8_t *arena;
	size_t n;
} wt_stream;

static inline wt_stream wt_make(size_t n)
{
	wt_stream s = { calloc(n ? n : 1, sizeof(rc_packet)), NULL, n };
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += wt_caplen(i);
	s.arena = malloc(total ? total : 1);
	if (!s.pkts || !s.arena)
		rc_test_fail(__FILE__, __LINE__, "out of memory for %zu packets", n);
	uint8_t *p = s.arena;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = wt_caplen(i);
		for (size_t j = 0; j < c; j++)
			p[j] = wt_byte(i, j);
		s.pkts[i].data = p;
		s.pkts[i].caplen = c;
		s.pkts[i].len = c + (uint32_t)(i % 3); /* some packets snapped on the wire */
		s.pkts[i].ts_nsec = wt_ts(i);
		s.pkts[i].linktype = RC_LINKTYPE_ETHERNET;
		p += c;
	}
	return s;
}

static inline void wt_free(wt_stream *s)
{
	free(s->pkts);
	free(s->arena);
}

/* Check that p is packet i of the stream, snapped to snaplen. */
static inline int wt_matches(size_t i, const uint8_t *data, uint32_t caplen, uint32_t len,
			     uint32_t snaplen)
{
	uint32_t c = wt_caplen(i);
	uint32_t want = c < snaplen ? c : snaplen;
	if (caplen != want || len != c + (uint32_t)(i % 3))
		return 0;
	for (uint32_t j = 0; j < caplen; j++)
		if (data[j] != wt_byte(i, j))
			return 0;
	return 1;
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
/*
 * Read path with libpcap (nanosecond precision) and compare every packet with
 * the stream; ts_div is 1000 when the file has microseconds.  Returns the
 * number of packets read; fails the test on any difference or read error.
 */
static inline size_t wt_libpcap_check(const char *path, size_t expect_max, uint32_t snaplen,
				      uint32_t ts_div, int expect_dlt)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO,
							    err);
	if (!p)
		rc_test_fail(__FILE__, __LINE__, "libpcap cannot open %s: %s", path, err);
	if (expect_dlt >= 0 && pcap_datalink(p) != expect_dlt)
		rc_test_fail(__FILE__, __LINE__, "libpcap link type %d, expected %d",
			     pcap_datalink(p), expect_dlt);
	struct pcap_pkthdr *h;
	const u_char *d;
	size_t i = 0;
	int r;
	while ((r = pcap_next_ex(p, &h, &d)) == 1) {
		if (i >= expect_max)
			rc_test_fail(__FILE__, __LINE__, "libpcap read more than %zu packets",
				     expect_max);
		uint64_t want = wt_ts(i) / ts_div * ts_div;
		uint64_t got = (uint64_t)h->ts.tv_sec * 1000000000ull + (uint64_t)h->ts.tv_usec;
		if (got != want)
			rc_test_fail(__FILE__, __LINE__, "packet %zu: ts %llu ns, expected %llu", i,
				     (unsigned long long)got, (unsigned long long)want);
		if (!wt_matches(i, d, h->caplen, h->len, snaplen))
			rc_test_fail(__FILE__, __LINE__,
				     "packet %zu: caplen %u len %u or bytes differ from what was written",
				     i, h->caplen, h->len);
		i++;
	}
	if (r != PCAP_ERROR_BREAK)
		rc_test_fail(__FILE__, __LINE__, "libpcap stopped after %zu packets of %s: %s", i,
			     path, pcap_geterr(p));
	pcap_close(p);
	return i;
}
#endif

/*
 * Run `tshark -r path args` once (args may end in a pipeline); fail the
 * test unless it (or the pipeline) exits 0 and tshark prints
 * nothing on stderr but its running-as-root notice (a damaged file gives
 * "appears to have been cut short" and the like there).  Returns stdout,
 * malloc'ed.
 */
static inline char *wt_tshark(const char *path, const char *args)
{
	char *out = NULL, *err = NULL;
	int st = rc_test_sh(&out, "tshark -r '%s' 2>'%s.tshark-err' %s", path, path, args);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "tshark -r %s %s exited with %d", path, args, st);
	rc_test_sh(&err, "grep -v 'Running as user' '%s.tshark-err'", path);
	if (*err)
		rc_test_fail(__FILE__, __LINE__, "tshark complained about %s: %s", path, err);
	free(err);
	return out;
}

/* pcapng: the blocks of a file in host byte order, walked without trust. */
typedef struct wt_block {
	uint32_t type;
	uint32_t len;
	const uint8_t *body; /* len - 12 bytes */
} wt_block;

/* Next block at *off; 1 if one was read, 0 at the exact end, fails on damage. */
static inline int wt_next_block(const uint8_t *buf, size_t size, size_t *off, wt_block *b)
{
	if (*off == size)
		return 0;
	if (size - *off < 12)
		rc_test_fail(__FILE__, __LINE__, "partial block header at offset %zu", *off);
	memcpy(&b->type, buf + *off, 4);
	memcpy(&b->len, buf + *off + 4, 4);
	uint32_t trail;
	if (b->len < 12 || b->len % 4 || b->len > size - *off)
		rc_test_fail(__FILE__, __LINE__, "bad block length %u at offset %zu", b->len, *off);
	memcpy(&trail, buf + *off + b->len - 4, 4);
	if (trail != b->len)
		rc_test_fail(__FILE__, __LINE__, "trailing length %u != %u at offset %zu", trail,
			     b->len, *off);
	b->body = buf + *off + 8;
	*off += b->len;
	return 1;
}

/* Find option code in an option list; returns its value and length or NULL. */
static inline const uint8_t *wt_find_opt(const uint8_t *opts, size_t n, uint16_t code,
					 uint16_t *len)
{
	size_t o = 0;
	while (o + 4 <= n) {
		uint16_t c, l;
		memcpy(&c, opts + o, 2);
		memcpy(&l, opts + o + 2, 2);
		if (c == 0)
			return NULL;
		if (o + 4 + l > n)
			rc_test_fail(__FILE__, __LINE__, "option %u overruns its block", c);
		if (c == code) {
			*len = l;
			return opts + o + 4;
		}
		o += 4 + ((l + 3u) & ~3u);
	}
	return NULL;
}

#endif

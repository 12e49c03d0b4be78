/*
 * test_file_write_fast.c - the writers' fast path (a record encoded straight
 * into the buffer, src/file/writer.h) writes exactly the bytes of the
 * general path (pieces copied, or written directly).  A writer whose buffer
 * holds 1 byte never takes the fast path (no record fits), so the same
 * packets written with it and with the default buffer must give identical
 * files.  The packets cover what the fast path decides on: every direction,
 * caplen 0-5 and every padding, snap length cuts, two interfaces, and the
 * packets it leaves to the general path (comments, drop counts) between them.
 * Also here: every flush starts at its file offset within a page.
 */
#include "test_file_write_common.h"

#include "file/writer.h"

enum { FAST_N = 400 };

static void decorate(wt_stream *s, int pcapng, char (*comments)[32])
{
	for (size_t i = 0; i < s->n; i++) {
		rc_packet *p = &s->pkts[i];
		if (i < 6)
			p->caplen = (uint32_t)i; /* 0..5: every pcapng padding */
		p->direction = (uint8_t)(i % 4); /* unknown, in, out, and a value past them */
		if (!pcapng)
			continue;
		p->ifindex = (uint32_t)(i % 5 == 3);
		if (i % 9 == 4) {
			p->comment_len = (uint32_t)snprintf(comments[i], 32, "note %zu", i);
			p->comment = comments[i];
			p->flags |= RC_PKT_HAS_COMMENT;
		}
		if (i % 11 == 7) {
			p->dropcount = i;
			p->flags |= RC_PKT_HAS_DROPCOUNT;
		}
	}
}

static void write_all(const char *f, const wt_stream *s, int pcapng, enum rc_ts_precision prec,
		      size_t buf_bytes, int batch)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = pcapng ? RC_FORMAT_PCAPNG : RC_FORMAT_PCAP,
			     .linktype = RC_LINKTYPE_ETHERNET, .snaplen = 1500,
			     .ts_precision = prec, .buf_bytes = buf_bytes };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	if (pcapng) {
		rc_iface_info raw = { .linktype = RC_LINKTYPE_RAW, .name = "tun0", .fcslen = -1 };
		ASSERT_INT_EQ(rc_writer_add_iface(w, &raw), 1);
	}
	if (batch)
		ASSERT_OK(rc_writer_write_batch(w, s->pkts, s->n));
	else
		for (size_t i = 0; i < s->n; i++)
			ASSERT_OK(rc_writer_write(w, &s->pkts[i]));
	ASSERT_OK(rc_writer_close(w));
}

static void same_bytes(int pcapng, enum rc_ts_precision prec, int batch)
{
	static char comments[FAST_N][32];
	wt_stream s = wt_make(FAST_N);
	decorate(&s, pcapng, comments);
	const char *ext = pcapng ? "pcapng" : "pcap";
	char slow[512], fast[512];
	snprintf(slow, sizeof(slow), "%s", rc_test_tmpfile(pcapng ? "slow.pcapng" : "slow.pcap"));
	snprintf(fast, sizeof(fast), "%s", rc_test_tmpfile(pcapng ? "fast.pcapng" : "fast.pcap"));
	write_all(slow, &s, pcapng, prec, 1, batch);
	write_all(fast, &s, pcapng, prec, 0, batch);
	size_t ls, lf;
	unsigned char *a = rc_test_read_file(slow, &ls), *b = rc_test_read_file(fast, &lf);
	ASSERT_UINT_EQ(lf, ls);
	for (size_t i = 0; i < ls; i++)
		if (a[i] != b[i])
			rc_test_fail(__FILE__, __LINE__, "%s: byte %zu differs: %02x (general path) vs "
				     "%02x (fast path)", ext, i, a[i], b[i]);
	free(a);
	free(b);
	wt_free(&s);
}

TEST(write_fast_path_pcap_micro_same_bytes_as_general_path)
{
	same_bytes(0, RC_TS_MICRO, 0);
}

TEST(write_fast_path_pcap_nano_batch_same_bytes_as_general_path)
{
	same_bytes(0, RC_TS_NANO, 1);
}

TEST(write_fast_path_pcapng_same_bytes_as_general_path)
{
	same_bytes(1, RC_TS_NANO, 0);
}

TEST(write_fast_path_pcapng_batch_same_bytes_as_general_path)
{
	same_bytes(1, RC_TS_NANO, 1);
}

TEST(write_flushes_start_at_their_file_offset_within_a_page)
{
	/* writer.c place_buf: each write(2) copies from the buffer to the same
	 * offset within a page (`rep movsb` is many times slower on some CPUs
	 * when the destination is 1-31 bytes past the source modulo 4096).
	 * Odd record sizes and a small buffer put the flushes at every offset;
	 * a 9 KiB record goes out alone, past the 8 KiB buffer. */
	wt_stream s = wt_make(FAST_N);
	const char *f = rc_test_tmpfile("placed.pcap");
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_ETHERNET,
			     .snaplen = 65535, .buf_bytes = 8192 };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	size_t offsets = 0;
	uint64_t last = 0;
	for (size_t i = 0; i < s.n; i++) {
		ASSERT_OK(rc_writer_write(w, &s.pkts[i]));
		ASSERT_UINT_EQ(((uintptr_t)w->buf - w->file_off) % 4096, 0);
		if (w->file_off != last)
			offsets++;
		last = w->file_off;
	}
	ASSERT_UINT_GE(offsets, 30); /* flushes happened, at many offsets */
	ASSERT_OK(rc_writer_close(w));
	wt_free(&s);
}

/*
 * test_file_write_pcap.c - rc_writer writing classic pcap: both time stamp
 * precisions, snap length, FCS bits, append, offset, stdout; checked with
 * libpcap, capinfos and tshark as oracles.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_file_write_common.h"

/* Write the stream's first n packets to path with opts, through the batch or
 * the single-packet call. */
static void write_stream(const char *path, const rc_writer_opts *o, const wt_stream *s,
			 size_t n, int batch)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	if (rc_writer_open(&w, path, o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "open %s: %s", path, err);
	if (batch) {
		ASSERT_OK(rc_writer_write_batch(w, s->pkts, n));
	} else {
		for (size_t i = 0; i < n; i++)
			ASSERT_OK(rc_writer_write(w, &s->pkts[i]));
	}
	ASSERT_OK(rc_writer_close(w));
}

static uint32_t u32_at(const unsigned char *b, size_t off)
{
	uint32_t v;
	memcpy(&v, b + off, 4);
	return v;
}

TEST(write_pcap_usec_read_back_by_libpcap)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(500);
	rc_writer_opts o = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_ETHERNET };
	const char *f = rc_test_tmpfile("usec.pcap");
	write_stream(f, &o, &s, s.n, 0);
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1000, DLT_EN10MB), s.n);
	size_t len;
	unsigned char *b = rc_test_read_file(f, &len);
	ASSERT_UINT_EQ(u32_at(b, 0), 0xa1b2c3d4u);
	ASSERT_UINT_EQ(u32_at(b, 16), 262144); /* default snap length */
	ASSERT_UINT_EQ(u32_at(b, 20), 1);      /* plain link type, no FCS bits */
	free(b);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcap_nsec_batch_read_back_by_libpcap)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(3000);
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .ts_precision = RC_TS_NANO,
			     .buf_bytes = 8192 /* many flushes and direct writes */ };
	const char *f = rc_test_tmpfile("nsec.pcap");
	write_stream(f, &o, &s, s.n, 1);
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1, DLT_EN10MB), s.n);
	size_t len;
	unsigned char *b = rc_test_read_file(f, &len);
	ASSERT_UINT_EQ(u32_at(b, 0), 0xa1b23c4du);
	free(b);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcap_snaplen_truncates_caplen_and_keeps_len)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(100);
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .snaplen = 96 };
	const char *f = rc_test_tmpfile("snap.pcap");
	write_stream(f, &o, &s, s.n, 1);
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 96, 1000, DLT_EN10MB), s.n);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcap_fcs_length_goes_into_link_type_field)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	const char *f = rc_test_tmpfile("fcs.pcap");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .fcslen = 4 };
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_close(w));
	size_t len;
	unsigned char *b = rc_test_read_file(f, &len);
	ASSERT_UINT_EQ(len, 24);
	/* libpcap LT_FCS_DATALINK_EXT: P bit 0x04000000, 2 16-bit words in bits 28-31. */
	ASSERT_UINT_EQ(u32_at(b, 20), 0x24000001u);
	free(b);
#ifdef RC_HAVE_LIBPCAP_ORACLE
	char perr[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(f, perr);
	ASSERT_TRUE(p != NULL);
	ASSERT_INT_EQ(pcap_datalink(p), DLT_EN10MB);
	pcap_close(p);
#endif
}

TEST(write_pcap_accepted_by_capinfos_and_tshark)
{
	rc_test_need_tool("capinfos");
	rc_test_need_tool("tshark");
	wt_stream s = wt_make(250);
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .ts_precision = RC_TS_NANO };
	const char *f = rc_test_tmpfile("tools.pcap");
	write_stream(f, &o, &s, s.n, 1);
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "capinfos -c -E -t '%s'", f), 0);
	ASSERT_STR_CONTAINS(out, "Number of packets:   250");
	ASSERT_STR_CONTAINS(out, "File encapsulation:  Ethernet");
	ASSERT_STR_CONTAINS(out, "nanosecond"); /* "nanosecond (lib)pcap" */
	free(out);
	/* tshark reads every frame without "cut short" or other errors; packet
	 * 1 (1514 + 1 bytes) is checked field by field. */
	char *fields = wt_tshark(f, "-T fields -e frame.time_epoch -e frame.cap_len -e frame.len");
	size_t lines = 0;
	for (const char *c = fields; *c; c++)
		lines += *c == '\n';
	ASSERT_UINT_EQ(lines, 250);
	char *second = fields + strcspn(fields, "\n") + 1;
	second[strcspn(second, "\n") + 1] = '\0';
	ASSERT_STR_EQ(second, "1700000001.123459796\t1515\t1516\n");
	free(fields);
	wt_free(&s);
}

TEST(write_pcap_append_continues_a_matching_file)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(300);
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .ts_precision = RC_TS_NANO };
	const char *f = rc_test_tmpfile("append.pcap");
	write_stream(f, &o, &s, 120, 1);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	o.append = 1;
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_UINT_EQ(rc_writer_offset(w), (uint64_t)st.st_size);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts + 120, s.n - 120));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1, DLT_EN10MB), s.n);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcap_append_to_missing_or_empty_file_writes_a_header)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_RAW, .append = 1 };
	const char *f = rc_test_tmpfile("fresh.pcap");
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_close(w));
	const char *g = rc_test_tmpfile("empty.pcap");
	rc_test_write_file(g, "", 0);
	ASSERT_OK(rc_writer_open(&w, g, &o, err));
	ASSERT_OK(rc_writer_close(w));
	size_t la, lb;
	unsigned char *a = rc_test_read_file(f, &la), *b = rc_test_read_file(g, &lb);
	ASSERT_UINT_EQ(la, 24);
	ASSERT_UINT_EQ(lb, 24);
	ASSERT_UINT_EQ(u32_at(a, 20), RC_LINKTYPE_RAW);
	ASSERT_MEM_EQ(a, b, 24);
	free(a);
	free(b);
}

/* Open path for append with o; expect failure mentioning `what`, and the
 * file left byte for byte as it was. */
static void expect_append_refused(const char *path, const rc_writer_opts *o, const char *what)
{
	size_t l0, l1;
	unsigned char *before = rc_test_read_file(path, &l0);
	rc_writer *w = (rc_writer *)1;
	char err[RC_ERRBUF_SIZE] = "";
	int r = rc_writer_open(&w, path, o, err);
	if (r >= 0)
		rc_test_fail(__FILE__, __LINE__, "append to %s was accepted (wanted: %s)", path,
			     what);
	ASSERT_TRUE(w == NULL);
	ASSERT_STR_CONTAINS(err, path);
	ASSERT_STR_CONTAINS(err, what);
	unsigned char *after = rc_test_read_file(path, &l1);
	ASSERT_UINT_EQ(l0, l1);
	ASSERT_MEM_EQ(before, after, l0);
	free(before);
	free(after);
}

TEST(write_pcap_append_refuses_a_different_file)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_ETHERNET };
	const char *f = rc_test_tmpfile("base.pcap");
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_close(w));

	rc_writer_opts a = o;
	a.append = 1;
	a.linktype = RC_LINKTYPE_RAW;
	expect_append_refused(f, &a, "link-type field");
	a = o;
	a.append = 1;
	a.ts_precision = RC_TS_NANO;
	expect_append_refused(f, &a, "microsecond time stamps");
	a = o;
	a.append = 1;
	a.snaplen = 1500;
	expect_append_refused(f, &a, "snap length 262144");
	a = o;
	a.append = 1;
	a.fcslen = 4;
	expect_append_refused(f, &a, "link-type field");

	const char *g = rc_test_tmpfile("garbage.bin");
	rc_test_write_file(g, "this is not a capture file at all", 33);
	a = o;
	a.append = 1;
	expect_append_refused(g, &a, "not a pcap file");
	const char *h = rc_test_tmpfile("short.pcap");
	rc_test_write_file(h, "\xd4\xc3\xb2\xa1\x02\x00", 6);
	expect_append_refused(h, &a, "less than a pcap file header");
	const char *swapped = rc_test_tmpfile("swapped.pcap");
	rc_test_write_file(swapped, "\xa1\xb2\xc3\xd4\x00\x02\x00\x04" "0000000000000000", 24);
	expect_append_refused(swapped, &a, "other byte order");

	rc_writer_opts ng = { .format = RC_FORMAT_PCAPNG, .linktype = RC_LINKTYPE_ETHERNET };
	const char *n = rc_test_tmpfile("base.pcapng");
	ASSERT_OK(rc_writer_open(&w, n, &ng, err));
	ASSERT_OK(rc_writer_close(w));
	expect_append_refused(n, &a, "the file is pcapng");
}

TEST(write_offset_counts_buffered_bytes_exactly)
{
	wt_stream s = wt_make(40);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .buf_bytes = 5000 };
	const char *f = rc_test_tmpfile("offset.pcap");
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	uint64_t expect = 24;
	ASSERT_UINT_EQ(rc_writer_offset(w), expect);
	for (size_t i = 0; i < s.n; i++) {
		ASSERT_OK(rc_writer_write(w, &s.pkts[i]));
		expect += 16 + s.pkts[i].caplen;
		ASSERT_UINT_EQ(rc_writer_offset(w), expect);
	}
	ASSERT_OK(rc_writer_flush(w));
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	ASSERT_UINT_EQ((uint64_t)st.st_size, expect);
	ASSERT_OK(rc_writer_close(w));
	wt_free(&s);
}

/*
 * rc_writer_packets counts every packet as it is accepted - buffered,
 * written directly (larger than the 5000-byte buffer), from a comment's
 * slow path, pre-encoded - and no header, IDB or ISB.
 */
static void packets_counted(const char *name, enum rc_file_format fmt)
{
	wt_stream s = wt_make(40); /* packets 4, 14, ... (9 KB) go out directly */
	rc_writer *w;
	rc_encoder *e;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = fmt, .linktype = RC_LINKTYPE_ETHERNET, .buf_bytes = 5000 };
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile(name), &o, err));
	ASSERT_UINT_EQ(rc_writer_packets(w), 0);
	rc_iface_info idb = { .linktype = RC_LINKTYPE_ETHERNET, .fcslen = -1 };
	ASSERT_OK(rc_writer_add_iface(w, &idb));
	ASSERT_UINT_EQ(rc_writer_packets(w), 0);
	for (size_t i = 0; i < 10; i++)
		ASSERT_OK(rc_writer_write(w, &s.pkts[i]));
	ASSERT_UINT_EQ(rc_writer_packets(w), 10);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts + 10, 10));
	ASSERT_UINT_EQ(rc_writer_packets(w), 20);
	rc_packet c = s.pkts[20];
	c.flags |= RC_PKT_HAS_COMMENT;
	c.comment = "note";
	c.comment_len = 4;
	ASSERT_OK(rc_writer_write(w, &c));
	ASSERT_UINT_EQ(rc_writer_packets(w), 21);
	ASSERT_OK(rc_encoder_new(&e, w, err));
	static uint8_t recs[4 * (32 + 1600)];
	/* Packets 21..23 (no 9 KB one) fit the buffer; then 30..39 go out
	 * straight from recs. */
	size_t used = rc_test_encode(e, s.pkts + 21, 3, recs, sizeof(recs));
	ASSERT_OK(rc_writer_write_encoded(w, recs, used, 3, UINT64_MAX, NULL, NULL));
	ASSERT_UINT_EQ(rc_writer_packets(w), 24);
	static uint8_t big[10 * (32 + 10000)];
	used = rc_test_encode(e, s.pkts + 30, 10, big, sizeof(big));
	ASSERT_OK(rc_writer_write_encoded(w, big, used, 10, UINT64_MAX, NULL, NULL));
	ASSERT_UINT_EQ(rc_writer_packets(w), 34);
	ASSERT_OK(rc_writer_set_iface_stats(w, 0, 34, 0));
	ASSERT_OK(rc_writer_flush(w));
	ASSERT_UINT_EQ(rc_writer_packets(w), 34);
	rc_encoder_free(e);
	ASSERT_OK(rc_writer_close(w));
	ASSERT_UINT_EQ(rc_writer_packets(NULL), 0);
	wt_free(&s);
}

TEST(write_packets_counts_packets_on_every_path_pcap)
{
	packets_counted("count.pcap", RC_FORMAT_PCAP);
}

TEST(write_packets_counts_packets_on_every_path_pcapng)
{
	packets_counted("count.pcapng", RC_FORMAT_PCAPNG);
}

TEST(write_pcap_to_stdout_with_dash)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(64);
	const char *f = rc_test_tmpfile("stdout.pcap");
	pid_t pid = rc_test_fork();
	if (pid == 0) {
		int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(2);
		rc_writer *w;
		char err[RC_ERRBUF_SIZE];
		rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
		if (rc_writer_open(&w, "-", &o, err) < 0 ||
		    rc_writer_write_batch(w, s.pkts, s.n) < 0 || rc_writer_close(w) < 0)
			_exit(3);
		/* stdout is not closed by the writer. */
		_exit(fcntl(STDOUT_FILENO, F_GETFD) < 0 ? 4 : 0);
	}
	ASSERT_INT_EQ(rc_test_child_exit(pid), 0);
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1000, DLT_EN10MB), s.n);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcap_add_iface_accepts_only_the_file_link_type)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile("one.pcap"), &o, err));
	rc_iface_info same = { .linktype = RC_LINKTYPE_ETHERNET, .fcslen = -1 };
	rc_iface_info other = { .linktype = RC_LINKTYPE_RAW, .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &same), 0);
	ASSERT_INT_EQ(rc_writer_add_iface(w, &other), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "needs pcapng");
	/* Statistics are a pcapng feature; pcap ignores them. */
	ASSERT_INT_EQ(rc_writer_set_iface_stats(w, 0, 10, 1), 0);
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_pcap_rejects_time_stamps_beyond_32_bit_seconds)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile("y2106.pcap"), &o, err));
	uint8_t d[4] = { 1, 2, 3, 4 };
	rc_packet p = { .data = d, .caplen = 4, .len = 4, .ts_nsec = 4294967296ull * 1000000000ull };
	ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "2106");
	/* Not sticky: a bad packet writes nothing and the writer goes on. */
	p.ts_nsec = 1;
	ASSERT_OK(rc_writer_write(w, &p));
	ASSERT_UINT_EQ(rc_writer_offset(w), 24 + 16 + 4);
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_open_fd_counts_offsets_from_where_it_starts)
{
	/* A descriptor opened O_APPEND on a non-empty file (a shell's ">>"). */
	const char *f = rc_test_tmpfile("shell-append.bin");
	rc_test_write_file(f, "0123456789", 10);
	int fd = open(f, O_WRONLY | O_APPEND);
	ASSERT_INT_GE(fd, 0);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_open_fd(&w, fd, 1, "shell", &o, err));
	ASSERT_UINT_EQ(rc_writer_offset(w), 10 + 24);
	ASSERT_OK(rc_writer_close(w));
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	ASSERT_INT_EQ(st.st_size, 34);
	/* A descriptor positioned by the caller: counted from that position. */
	fd = open(f, O_WRONLY);
	ASSERT_INT_GE(fd, 0);
	ASSERT_INT_EQ(lseek(fd, 4, SEEK_SET), 4);
	ASSERT_OK(rc_writer_open_fd(&w, fd, 0, "positioned", &o, err));
	ASSERT_UINT_EQ(rc_writer_offset(w), 4 + 24);
	ASSERT_OK(rc_writer_close(w));
	ASSERT_INT_EQ(fcntl(fd, F_GETFD), 0); /* own_fd 0: still open */
	close(fd);
}

TEST(write_pcap_append_refuses_a_file_cut_inside_a_record)
{
	/* Records of every size, some larger than the 1 MiB read the check
	 * uses, so that headers fall on both sides of read boundaries. */
	static uint8_t big[200000];
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	const char *f = rc_test_tmpfile("cut.pcap");
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	wt_stream s = wt_make(3000);
	for (size_t i = 0; i < s.n; i++) {
		ASSERT_OK(rc_writer_write(w, &s.pkts[i]));
		if (i % 97 == 0) {
			rc_packet p = { .data = big, .caplen = sizeof(big) - (uint32_t)i,
					.len = sizeof(big) };
			ASSERT_OK(rc_writer_write(w, &p));
		}
	}
	ASSERT_OK(rc_writer_close(w));
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	ASSERT_UINT_GE((uint64_t)st.st_size, 3u << 20);

	/* Whole file: appending works. */
	o.append = 1;
	ASSERT_OK(rc_writer_open(&w, f, &o, err));
	ASSERT_OK(rc_writer_write(w, &s.pkts[0]));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_INT_EQ(stat(f, &st), 0);

	/* Cut inside the last record (a crash during write(2)): refused, and
	 * the message says where to cut. */
	ASSERT_INT_EQ(truncate(f, st.st_size - 10), 0);
	char want[64];
	snprintf(want, sizeof(want), "offset %llu", (unsigned long long)(st.st_size - 76));
	expect_append_refused(f, &o, "ends inside the record");
	expect_append_refused(f, &o, want);
	/* Cut inside a record header. */
	ASSERT_INT_EQ(truncate(f, st.st_size - 76 + 5), 0);
	expect_append_refused(f, &o, "ends inside the record");
	/* A record header with an impossible length. */
	ASSERT_INT_EQ(truncate(f, st.st_size - 76), 0);
	int fd = open(f, O_WRONLY | O_APPEND);
	ASSERT_INT_GE(fd, 0);
	uint32_t bad[4] = { 1, 0, 0x7fffffff, 0x7fffffff };
	ASSERT_INT_EQ(write(fd, bad, sizeof(bad)), (long long)sizeof(bad));
	close(fd);
	expect_append_refused(f, &o, "claims 2147483647 captured bytes");
	wt_free(&s);
}

static void expect_linktype_snaplen(const char *path, enum rc_file_format fmt)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "read %s: %s", path, err);
	ASSERT_INT_EQ(rc_reader_format(r), fmt);
	ASSERT_INT_EQ(rc_reader_linktype(r), RC_LINKTYPE_ETHERNET);
	ASSERT_UINT_EQ(rc_reader_snaplen(r), 262144);
	rc_reader_close(r);
}

TEST(write_null_opts_mean_ethernet_by_extension)
{
	/* file.h: "opts may be NULL (pcap by extension, Ethernet)". */
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	const char *f = rc_test_tmpfile("nullopts.pcap");
	ASSERT_OK(rc_writer_open(&w, f, NULL, err));
	ASSERT_OK(rc_writer_close(w));
	expect_linktype_snaplen(f, RC_FORMAT_PCAP);
	f = rc_test_tmpfile("nullopts.pcapng");
	ASSERT_OK(rc_writer_open(&w, f, NULL, err));
	ASSERT_OK(rc_writer_close(w));
	expect_linktype_snaplen(f, RC_FORMAT_PCAPNG);
	f = rc_test_tmpfile("nullopts-fd.pcap");
	int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ASSERT_INT_GE(fd, 0);
	ASSERT_OK(rc_writer_open_fd(&w, fd, 1, "fd", NULL, err));
	ASSERT_OK(rc_writer_close(w));
	expect_linktype_snaplen(f, RC_FORMAT_PCAP);
}

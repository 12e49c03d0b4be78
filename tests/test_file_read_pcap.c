/*
 * test_file_read_pcap.c - reading classic pcap: magics, byte orders,
 * link-type FCS bits, the modified variant, old versions, edge packets.
 */
#include "harness.h"
#include "test_file_read_build.h"

#include "ringcap/file.h"

#include <unistd.h>

/* Three packets of sizes 60, 0 and 1514 with distinct time stamps. */
static void build3(struct fb *b, uint32_t magic, int swap)
{
	b->swap = swap;
	fb_pcap_hdr(b, magic, 2, 4, 65535, 1);
	fb_pcap_rec(b, 1700000000, 123456, 60, 60, 0);
	fb_pcap_rec(b, 1700000001, 0, 0, 0, 1);
	fb_pcap_rec(b, 4294967295u, 999999, 1514, 1514, 2);
}

static void check3(const uint8_t *file, size_t len, uint64_t frac_ns_mul, int swapped,
		   enum rc_ts_precision prec)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, file, len, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_format(r), RC_FORMAT_PCAP);
	ASSERT_INT_EQ(rc_reader_is_swapped(r), swapped);
	ASSERT_INT_EQ(rc_reader_ts_precision(r), prec);
	ASSERT_INT_EQ(rc_reader_linktype(r), 1);
	ASSERT_UINT_EQ(rc_reader_snaplen(r), 65535);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), -1);
	int maj, min;
	rc_reader_version(r, &maj, &min);
	ASSERT_INT_EQ(maj, 2);
	ASSERT_INT_EQ(min, 4);
	ASSERT_INT_EQ(rc_reader_iface_count(r), 1);
	rc_packet p[4];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 4, &st), 3);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].ts_nsec, 1700000000ull * 1000000000ull + 123456 * frac_ns_mul);
	ASSERT_UINT_EQ(p[0].caplen, 60);
	ASSERT_UINT_EQ(p[0].len, 60);
	ASSERT_INT_EQ(p[0].linktype, 1);
	ASSERT_TRUE(payload_ok(p[0].data, 0, 60));
	ASSERT_TRUE(p[0].data == file + 24 + 16); /* zero-copy */
	ASSERT_UINT_EQ(p[1].caplen, 0);
	ASSERT_UINT_EQ(p[1].len, 0);
	ASSERT_UINT_EQ(p[1].ts_nsec, 1700000001ull * 1000000000ull);
	ASSERT_UINT_EQ(p[2].ts_nsec, 4294967295ull * 1000000000ull + 999999 * frac_ns_mul);
	ASSERT_TRUE(payload_ok(p[2].data, 2, 1514));
	ASSERT_UINT_EQ(p[2].flags, 0);
	ASSERT_INT_EQ(rc_reader_next(r, p), RC_EEOF); /* EOF is sticky */
	ASSERT_UINT_EQ(rc_reader_offset(r), len);
	rc_reader_close(r);
}

TEST(file_read_pcap_usec_native)
{
	struct fb b = { 0 };
	build3(&b, 0xa1b2c3d4u, 0);
	check3(b.d, b.len, 1000, 0, RC_TS_MICRO);
	fb_free(&b);
}

TEST(file_read_pcap_usec_swapped)
{
	struct fb b = { 0 };
	build3(&b, 0xa1b2c3d4u, 1);
	check3(b.d, b.len, 1000, 1, RC_TS_MICRO);
	fb_free(&b);
}

TEST(file_read_pcap_nsec_native)
{
	struct fb b = { 0 };
	build3(&b, 0xa1b23c4du, 0);
	check3(b.d, b.len, 1, 0, RC_TS_NANO);
	fb_free(&b);
}

TEST(file_read_pcap_nsec_swapped)
{
	struct fb b = { 0 };
	build3(&b, 0xa1b23c4du, 1);
	check3(b.d, b.len, 1, 1, RC_TS_NANO);
	fb_free(&b);
}

static int open_lt(uint32_t ltfield, rc_reader **r)
{
	static struct fb b;
	fb_free(&b);
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 262144, ltfield);
	char err[RC_ERRBUF_SIZE];
	return rc_reader_open_mem(r, b.d, b.len, NULL, err);
}

TEST(file_read_pcap_linktype_fcs_bits)
{
	rc_reader *r;
	/* libpcap form: P bit 0x04000000, length in 16-bit words in bits 28-31 */
	ASSERT_INT_EQ(open_lt(0x24000000u | 1, &r), 0);
	ASSERT_INT_EQ(rc_reader_linktype(r), 1);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), 4);
	rc_iface_info info;
	ASSERT_INT_EQ(rc_reader_iface(r, 0, &info), 0);
	ASSERT_INT_EQ(info.fcslen, 4);
	rc_reader_close(r);
	ASSERT_INT_EQ(open_lt(0x14000000u | 105, &r), 0);
	ASSERT_INT_EQ(rc_reader_linktype(r), 105);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), 2);
	rc_reader_close(r);
	/* old draft form: f bit 0x10000000, 3-bit length in bits 29-31 */
	ASSERT_INT_EQ(open_lt(0x50000000u | 1, &r), 0);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), 4);
	rc_reader_close(r);
	/* reserved bits alone say nothing about the FCS */
	ASSERT_INT_EQ(open_lt(0x00ff0000u | 228, &r), 0);
	ASSERT_INT_EQ(rc_reader_linktype(r), 228);
	ASSERT_INT_EQ(rc_reader_fcs_bits(r), -1);
	rc_reader_close(r);
}

TEST(file_read_pcap_modified_variant)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2cd34u, 2, 4, 65535, 1);
	for (unsigned i = 0; i < 2; i++) {
		fb_u32(&b, 100 + i);
		fb_u32(&b, 5);
		fb_u32(&b, 42);
		fb_u32(&b, 42);
		fb_u32(&b, 7);        /* ifindex */
		fb_u16(&b, 0x0008);   /* protocol, network order */
		fb_u8(&b, i ? 4 : 0); /* pkt_type: PACKET_OUTGOING / PACKET_HOST */
		fb_u8(&b, 0);
		fb_payload(&b, i, 42);
	}
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_ts_precision(r), RC_TS_MICRO);
	rc_packet p[2];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 2, &st), 2);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].ts_nsec, 100000005000ull);
	ASSERT_TRUE(payload_ok(p[0].data, 0, 42));
	ASSERT_TRUE(payload_ok(p[1].data, 1, 42));
	ASSERT_INT_EQ(p[0].direction, RC_DIR_IN);
	ASSERT_INT_EQ(p[1].direction, RC_DIR_OUT);
	ASSERT_INT_EQ(p[1].pkttype, 4);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_version_2_2_has_lengths_exchanged)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 2, 65535, 1);
	/* 2.2 writers put len where caplen belongs: caplen 20 of len 100 */
	fb_u32(&b, 1);
	fb_u32(&b, 0);
	fb_u32(&b, 100);
	fb_u32(&b, 20);
	fb_payload(&b, 0, 20);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	ASSERT_UINT_EQ(p.caplen, 20);
	ASSERT_UINT_EQ(p.len, 100);
	ASSERT_TRUE(p.flags & RC_PKT_TRUNCATED);
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_snaplen_truncated_packets)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 64, 1);
	fb_pcap_rec(&b, 1, 0, 64, 1500, 0); /* cut by the snap length */
	fb_pcap_rec(&b, 2, 0, 80, 80, 1);   /* caplen > snaplen: tolerated like libpcap */
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	rc_packet p[2];
	int st;
	ASSERT_UINT_EQ(read_all(r, p, 2, &st), 2);
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(p[0].caplen, 64);
	ASSERT_UINT_EQ(p[0].len, 1500);
	ASSERT_UINT_EQ(p[0].flags, RC_PKT_TRUNCATED);
	ASSERT_UINT_EQ(p[1].caplen, 80);
	ASSERT_TRUE(payload_ok(p[1].data, 1, 80));
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_only_header_is_empty_capture)
{
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

static int cb_count(void *user, const rc_packet *pkt)
{
	long *n = user;
	ASSERT_TRUE(payload_ok(pkt->data, (unsigned)*n, pkt->caplen));
	(*n)++;
	return 0;
}

struct brk_ctx {
	rc_reader *r;
	long n, at;
};

static int cb_break(void *user, const rc_packet *pkt)
{
	struct brk_ctx *c = user;
	ASSERT_TRUE(payload_ok(pkt->data, (unsigned)c->n, pkt->caplen));
	if (++c->n == c->at)
		rc_reader_breakloop(c->r);
	return 0;
}

static int cb_stop(void *user, const rc_packet *pkt)
{
	(void)pkt;
	return ++*(long *)user == 3 ? 42 : 0;
}

static void build_many(struct fb *b, unsigned n)
{
	fb_pcap_hdr(b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	for (unsigned i = 0; i < n; i++)
		fb_pcap_rec(b, i, i, 60 + i % 100, 60 + i % 100, i);
}

TEST(file_read_pcap_loop_count_break_and_callback_stop)
{
	struct fb b = { 0 };
	build_many(&b, 200);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	long n = 0;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_loop(r, 10, cb_count, &n), 0);
	ASSERT_INT_EQ(n, 10);
	ASSERT_INT_EQ(rc_reader_loop(r, -1, cb_count, &n), 0);
	ASSERT_INT_EQ(n, 200);
	rc_reader_close(r);

	struct brk_ctx c = { .at = 70 };
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	c.r = r;
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_break, &c), RC_EBREAK);
	ASSERT_INT_EQ(c.n, 70);
	/* the packets parsed but not handed out come next, in order */
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	ASSERT_TRUE(payload_ok(p.data, 70, p.caplen));
	c.n = 71;
	c.at = 0;
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_break, &c), 0);
	ASSERT_INT_EQ(c.n, 200);
	rc_reader_close(r);

	n = 0;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_stop, &n), 42);
	ASSERT_INT_EQ(n, 3);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_loop_stops_at_count_before_reading_on)
{
	/* One good record, then 3 bytes of a torn header: loop(count = 1)
	 * has done its job after the packet and must not meet the damage;
	 * the next call reports it. */
	struct fb b = { 0 };
	build_many(&b, 1);
	fb_bytes(&b, "\1\2\3", 3);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	long n = 0;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_loop(r, 1, cb_count, &n), 0);
	ASSERT_INT_EQ(n, 1);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_ETRUNC);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "offset 100: truncated header: 3 of 16 bytes");
	rc_reader_close(r);
	fb_free(&b);
}

TEST_TIMEOUT(file_read_pcap_loop_count_on_a_pipe_does_not_wait_for_more, 10)
{
	/* The writer stays open: reading past the counted packet would block
	 * until the test's time limit. */
	struct fb b = { 0 };
	build_many(&b, 1);
	int pfd[2];
	ASSERT_INT_EQ(pipe(pfd), 0);
	ASSERT_INT_EQ(write(pfd[1], b.d, b.len), (long long)b.len);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	long n = 0;
	ASSERT_INT_EQ(rc_reader_open_fd(&r, pfd[0], "pipe", NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_loop(r, 1, cb_count, &n), 0);
	ASSERT_INT_EQ(n, 1);
	rc_reader_close(r);
	close(pfd[1]);
	fb_free(&b);
}

TEST(file_read_pcap_breakloop_during_the_last_packet)
{
	/* breakloop in the callback of the file's only packet: RC_EBREAK (the
	 * contract), not 0, and the flag is consumed, so the next loop runs
	 * to the end. */
	struct fb b = { 0 };
	build_many(&b, 1);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	struct brk_ctx c = { .r = r, .at = 1 };
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_break, &c), RC_EBREAK);
	ASSERT_INT_EQ(c.n, 1);
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_break, &c), 0);
	ASSERT_INT_EQ(c.n, 1);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_breakloop_before_loop_returns_at_once)
{
	struct fb b = { 0 };
	build_many(&b, 5);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	long n = 0;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, NULL, err), 0);
	rc_reader_breakloop(r);
	/* file.h: the flag waits for a loop (as pcap_breakloop's does);
	 * rc_reader_next on an input that never blocks does not look at it */
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	n = 1; /* cb_count checks packet n's payload: count the one next took */
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_count, &n), RC_EBREAK);
	ASSERT_INT_EQ(n, 1);
	ASSERT_INT_EQ(rc_reader_loop(r, 0, cb_count, &n), 0);
	ASSERT_INT_EQ(n, 5);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_pcap_bad_options_rejected)
{
	struct fb b = { 0 };
	build_many(&b, 1);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r = (rc_reader *)1;
	rc_reader_opts o = { .mode = 7 };
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, &o, err), RC_EINVAL);
	ASSERT_TRUE(r == NULL);
	ASSERT_STR_CONTAINS(err, "mode 7");
	o = (rc_reader_opts){ .max_caplen = 0xffffffffu };
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b.d, b.len, &o, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "max_caplen");
	rc_reader_close(NULL);
	fb_free(&b);
}

#include <signal.h>

static rc_reader *sig_reader;

static void on_usr1(int sig)
{
	(void)sig;
	rc_reader_breakloop(sig_reader); /* from a signal handler */
}

static int cb_raise(void *user, const rc_packet *pkt)
{
	(void)pkt;
	if (++*(long *)user == 10)
		raise(SIGUSR1);
	return 0;
}

TEST(file_read_pcap_breakloop_from_a_signal_handler)
{
	struct fb b = { 0 };
	build_many(&b, 100);
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_reader_open_mem(&sig_reader, b.d, b.len, NULL, err), 0);
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	ASSERT_INT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	long n = 0;
	ASSERT_INT_EQ(rc_reader_loop(sig_reader, 0, cb_raise, &n), RC_EBREAK);
	ASSERT_INT_EQ(n, 10);
	ASSERT_INT_EQ(rc_reader_loop(sig_reader, 0, cb_raise, &n), 0);
	ASSERT_INT_EQ(n, 100);
	rc_reader_close(sig_reader);
	fb_free(&b);
}

#include "testutil.h"

static void on_usr2(int sig)
{
	(void)sig;
	rc_reader_breakloop(sig_reader);
}

struct kick_ctx {
	long n;
	pid_t kid;
	int wfd;
};

/* On the first packet, start a child that signals us 200 ms later, when
 * the loop is blocked reading the pipe for the next record. */
static int cb_kick(void *user, const rc_packet *pkt)
{
	struct kick_ctx *k = user;
	ASSERT_TRUE(payload_ok(pkt->data, (unsigned)k->n, pkt->caplen));
	if (k->n++ == 0) {
		k->kid = rc_test_fork();
		if (k->kid == 0) {
			close(k->wfd);
			usleep(200000);
			kill(getppid(), SIGUSR2);
			_exit(0);
		}
	}
	return 0;
}

TEST_TIMEOUT(file_read_pcap_breakloop_from_a_signal_handler_ends_a_blocked_pipe_read, 10)
{
	/* One record on a pipe whose writer stays open: after it the loop
	 * blocks in read(2), and only the handler's breakloop can end it
	 * (installed without SA_RESTART, so the read returns EINTR).  Should
	 * the signal come early, the loop still ends after that one packet. */
	struct fb b = { 0 };
	build_many(&b, 2);
	const size_t first = 24 + 16 + 60;
	int pfd[2];
	ASSERT_INT_EQ(pipe(pfd), 0);
	ASSERT_INT_EQ(write(pfd[1], b.d, first), (long long)first);
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_reader_open_fd(&sig_reader, pfd[0], "pipe", NULL, err), 0);
	struct sigaction sa = { .sa_handler = on_usr2 };
	sigemptyset(&sa.sa_mask);
	ASSERT_INT_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	struct kick_ctx k = { .wfd = pfd[1] };
	ASSERT_INT_EQ(rc_reader_loop(sig_reader, 0, cb_kick, &k), RC_EBREAK);
	ASSERT_INT_EQ(k.n, 1);
	ASSERT_INT_EQ(rc_test_child_exit(k.kid), 0);
	/* Not sticky: what arrives next is read as if nothing had happened. */
	ASSERT_INT_EQ(write(pfd[1], b.d + first, b.len - first), (long long)(b.len - first));
	close(pfd[1]);
	ASSERT_INT_EQ(rc_reader_loop(sig_reader, 0, cb_kick, &k), 0);
	ASSERT_INT_EQ(k.n, 2);
	rc_reader_close(sig_reader);
	fb_free(&b);
}

/*
 * test_capture_bytes.c - every byte, length and metadata field of real
 * frames sent over a veth pair, on each back-end.
 */
#include "harness.h"
#include "netns.h"

#include <linux/if_packet.h>
#include <time.h>

static const uint32_t sizes[] = { 60,   61,   64,   100,  128,  511,  1000, 1499,
				  1514, 1515, 2000, 4000, 8191, 9000, 9014 };
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))
#define NFRAMES 150u

static uint64_t real_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct check {
	const struct rc_send_spec *spec;
	const struct rc_netns_pair *pair;
	uint32_t snaplen;
	unsigned next;
	int backend;
	unsigned sub_us; /* packets whose time stamp is not whole microseconds */
	uint64_t last_ts, t0;
	uint8_t want[65536];
};

static void check_packet(void *user, const rc_packet *p)
{
	struct check *k = user;
	long seq = rc_test_frame_seq(p->data, p->caplen, 0);
	ASSERT_INT_EQ(seq, k->next);
	uint32_t size = sizes[k->next % NSIZES];
	rc_test_frame(k->want, k->spec, k->next, size);
	uint32_t cap = size < k->snaplen ? size : k->snaplen;
	ASSERT_UINT_EQ(p->len, size);
	ASSERT_UINT_EQ(p->caplen, cap);
	ASSERT_MEM_EQ(p->data, k->want, cap);
	ASSERT_UINT_EQ(!!(p->flags & RC_PKT_TRUNCATED), cap < size);
	ASSERT_UINT_EQ(p->ifindex, k->pair->ifindex_b);
	ASSERT_UINT_EQ(p->pkttype, PACKET_HOST);
	ASSERT_UINT_EQ(p->direction, RC_DIR_IN);
	ASSERT_UINT_EQ(p->linktype, RC_LINKTYPE_ETHERNET);
	ASSERT_UINT_EQ(p->flags & RC_PKT_VLAN, 0);
	/* The rings stamp in tpacket_rcv when nothing stamped before, so in
	 * order.  The socket back-end cannot promise that: its setsockopt
	 * (SO_TIMESTAMPNS) enables kernel stamping through a work queue
	 * (net/core/dev.c, net_enable_timestamp), and a packet queued before
	 * that ran is stamped when it is read (net/core/sock.c,
	 * __sock_recv_timestamp: "Race occurred between timestamp enabling
	 * and packet receiving"), later than the packets stamped on arrival
	 * after it.  Such a stamp is still no later than the read. */
	if (k->backend != RC_BACKEND_SOCKET)
		ASSERT_UINT_GE(p->ts_nsec, k->last_ts);
	ASSERT_UINT_GE(p->ts_nsec + 2000000000ull, k->t0);
	ASSERT_UINT_LE(p->ts_nsec, real_ns() + 2000000000ull);
	k->last_ts = p->ts_nsec;
	k->sub_us += p->ts_nsec % 1000 != 0;
	k->next++;
}

/* precision < 0: the default, which is nanoseconds. */
static void run_bytes(int backend, uint32_t snaplen, int precision)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 9000, backend);
	if (snaplen)
		ASSERT_OK(rc_capture_set_snaplen(c, snaplen));
	if (precision >= 0)
		ASSERT_OK(rc_capture_set_tstamp_precision(c, precision));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_backend(c), backend);
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_ETHERNET);
	ASSERT_INT_EQ(rc_capture_ifindex(c), pair.ifindex_b);

	static struct check k;
	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = NFRAMES,
				  .sizes = sizes, .nsizes = NSIZES };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	k.spec = &s;
	k.pair = &pair;
	k.backend = backend;
	k.snaplen = snaplen ? snaplen : RC_CAPTURE_DEFAULT_SNAPLEN;
	k.next = 0;
	k.sub_us = 0;
	k.t0 = real_ns();
	ASSERT_UINT_EQ(rc_send_frames(&s), NFRAMES);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, NFRAMES, RC_TEST_ARRIVAL_MS, check_packet, &k), NFRAMES);
	/* The kernel stamps in nanoseconds: of 150 packets, one whose stamp
	 * is a whole microsecond by chance is 1 in 1000 each. */
	if (precision == RC_TSTAMP_MICRO)
		ASSERT_UINT_EQ(k.sub_us, 0);
	else
		ASSERT_UINT_GE(k.sub_us, NFRAMES / 2);

	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.received, NFRAMES);
	ASSERT_UINT_EQ(st.dropped, 0);
	ASSERT_UINT_EQ(st.delivered, NFRAMES);
	/* Nothing else is on the link: a further read times out empty. */
	rc_packet p;
	ASSERT_INT_EQ(rc_capture_next(c, &p), 0);
	rc_capture_close(c);
}

static void bytes_full(int backend)
{
	run_bytes(backend, 0, -1);
}
RC_TEST_EACH_BACKEND(capture_delivers_every_byte_60_to_9014, 30, bytes_full)

static void bytes_snap(int backend)
{
	run_bytes(backend, 100, RC_TSTAMP_MICRO);
}
RC_TEST_EACH_BACKEND(capture_snaplen_truncates_and_flags, 30, bytes_snap)

static void nonblocking_empty(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_timeout(c, 0));
	rc_test_capture_activate(c);
	rc_packet p[4];
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 4), 0);
	ASSERT_TRUE(rc_capture_fd(c) >= 0);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_nonblocking_read_returns_zero, 20, nonblocking_empty)

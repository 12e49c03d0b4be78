/*
 * test_capture_bytes.c - every byte, length and metadata field of real
 * frames sent over a veth pair, on each back-end.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

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
	/* A veth stamps in software only.  (RC_PKT_TS_HARDWARE set needs a
	 * NIC with hardware stamps, which this machine's tests lack.) */
	ASSERT_UINT_EQ(p->flags & RC_PKT_TS_HARDWARE, 0);
	ASSERT_UINT_GE(p->ts_nsec, k->last_ts);
	ASSERT_UINT_GE(p->ts_nsec + 2000000000ull, k->t0);
	ASSERT_UINT_LE(p->ts_nsec, real_ns() + 2000000000ull);
	k->last_ts = p->ts_nsec;
	k->sub_us += p->ts_nsec % 1000 != 0;
	k->next++;
}

/*
 * The socket back-end asks for stamps with SO_TIMESTAMPNS.  When no socket
 * on the machine wanted stamps before, the kernel turns stamping on from a
 * work queue (net/core/dev.c, net_enable_timestamp), and a packet queued
 * before that ran is stamped when it is read (net/core/sock.c,
 * __sock_recv_timestamp), later than the packets after it: stamps step
 * back in that window (docs/capture.md, "Back-ends").  To test that
 * stamps are otherwise in order, the test first turns stamping on itself
 * and waits until it is on: a UDP datagram to itself over the namespace's
 * loopback, read 1 ms after it was sent, carries a stamp from before the
 * read only if it was stamped on arrival.  The returned socket keeps
 * stamping on until it is closed (after activate, when the capture's own
 * request holds it).
 */
static int stamping_on(const struct rc_netns_pair *pair)
{
	ASSERT_INT_EQ(rc_netns_sh(pair->ns_b, "ip link set lo up"), 0);
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	ASSERT_INT_GE(fd, 0);
	int one = 1;
	ASSERT_INT_EQ(setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof(one)), 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	ASSERT_INT_EQ(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ASSERT_INT_EQ(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
	for (int tries = 0; tries < 5000; tries++) { /* 5 s at the most */
		ASSERT_INT_EQ(sendto(fd, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)), 1);
		usleep(1000);
		uint64_t before_read = real_ns();
		char byte;
		union {
			struct cmsghdr align;
			char buf[CMSG_SPACE(sizeof(struct timespec))];
		} ctl;
		struct iovec iov = { &byte, 1 };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
				    .msg_controllen = sizeof(ctl.buf) };
		ASSERT_INT_EQ(recvmsg(fd, &m, 0), 1);
		struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
		ASSERT_TRUE(cm && cm->cmsg_type == SCM_TIMESTAMPNS);
		struct timespec ts;
		memcpy(&ts, CMSG_DATA(cm), sizeof(ts));
		if ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec < before_read)
			return fd;
	}
	rc_test_fail(__FILE__, __LINE__, "kernel time stamping still off after 5 s");
	return -1;
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
	int stamp_fd = backend == RC_BACKEND_SOCKET ? stamping_on(&pair) : -1;
	rc_test_capture_activate(c);
	if (stamp_fd >= 0)
		close(stamp_fd);
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

/* ------------------------------------------------- checksum not ready */

struct csum {
	uint16_t port; /* UDP source port of the test's datagrams */
	unsigned seen, notready;
};

static void count_csum(void *user, const rc_packet *p)
{
	struct csum *k = user;
	const uint8_t *d = p->data;
	if (p->caplen < 14 + 20 + 8 || d[12] != 0x08 || d[13] != 0x00 || d[14 + 9] != IPPROTO_UDP)
		return; /* an ICMP port unreachable coming back, say */
	const uint8_t *udp = d + 14 + 4 * (d[14] & 0x0f);
	if ((udp[0] << 8 | udp[1]) != k->port)
		return;
	ASSERT_UINT_EQ(p->direction, RC_DIR_OUT);
	k->seen++;
	k->notready += (p->flags & RC_PKT_CSUM_NOTREADY) != 0;
}

/*
 * UDP datagrams sent over if_b, captured there as outgoing packets: with
 * transmit checksum offload on (a veth's default) the stack leaves the
 * UDP checksum to the device (CHECKSUM_PARTIAL), and the kernel says so
 * in the packet's status (TP_STATUS_CSUMNOTREADY, on the socket in
 * PACKET_AUXDATA): RC_PKT_CSUM_NOTREADY.  With the offload off the stack
 * computes it, and the flag is clear.
 */
static void run_csum(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_a, "ip addr add 10.77.0.1/24 dev %s", pair.if_a), 0);
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "ip addr add 10.77.0.2/24 dev %s && "
				  "ip neigh add 10.77.0.1 lladdr %02x:%02x:%02x:%02x:%02x:%02x "
				  "dev %s nud permanent",
				  pair.if_b, pair.mac_a[0], pair.mac_a[1], pair.mac_a[2],
				  pair.mac_a[3], pair.mac_a[4], pair.mac_a[5], pair.if_b),
		       0);
	rc_test_capture_activate(c);
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	ASSERT_INT_GE(fd, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(0x0a4d0002) };
	socklen_t alen = sizeof(a);
	ASSERT_INT_EQ(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ASSERT_INT_EQ(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9),
				  .sin_addr.s_addr = htonl(0x0a4d0001) };
	struct csum k = { .port = ntohs(a.sin_port) };
	for (int off = 0; off < 2; off++) {
		if (off)
			ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "ethtool -K %s tx off >/dev/null",
						  pair.if_b), 0);
		for (int i = 0; i < 3; i++)
			ASSERT_INT_EQ(sendto(fd, "ringcap!", 8, 0, (struct sockaddr *)&to,
					     sizeof(to)), 8);
		unsigned want = 3u * (unsigned)(off + 1);
		for (long long t0 = rc_test_mono_ms();
		     k.seen < want && rc_test_mono_ms() - t0 < RC_TEST_ARRIVAL_MS;)
			rc_test_capture_drain(c, 1, 100, count_csum, &k);
		ASSERT_UINT_EQ(k.seen, want);
		ASSERT_UINT_EQ(k.notready, 3);
	}
	close(fd);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_outgoing_udp_with_tx_offload_is_csum_notready, 30, run_csum)

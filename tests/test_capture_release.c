/*
 * test_capture_release.c - rc_capture_release (the last batch's slots go
 * back before the next read, so poll on rc_capture_fd wakes only for new
 * packets), rc_capture_set_cooked_header (LINUX_SLL or LINUX_SLL2, also on
 * an active handle) and rc_capture_ring_size.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <poll.h>

static const uint32_t rsz[] = { 60, 300 };

static void send_n(const struct rc_netns_pair *pair, unsigned n, unsigned first)
{
	struct rc_send_spec s = { .ns = pair->ns_a, .ifname = pair->if_a, .count = n,
				  .first_seq = first, .sizes = rsz, .nsizes = 2 };
	memcpy(s.dst, pair->mac_b, 6);
	memcpy(s.src, pair->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), n);
}

/* poll(2) on the capture's descriptor without waiting: 1 readable. */
static int readable_now(const rc_capture *c)
{
	struct pollfd pfd = { .fd = rc_capture_fd(c), .events = POLLIN };
	return poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN);
}

/*
 * Read n frames, then the descriptor: a ring still holds the last batch's
 * slots, so the kernel reports it readable; after rc_capture_release it is
 * not (no new packet came), and the next read starts with the next frame.
 */
static void release_then_poll(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_release(c), 0); /* nothing held yet: no effect */
	send_n(&pair, 10, 0);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, NULL, NULL), 10);
	ASSERT_INT_EQ(readable_now(c), backend != RC_BACKEND_SOCKET);
	ASSERT_INT_EQ(rc_capture_release(c), 0);
	ASSERT_INT_EQ(readable_now(c), 0);
	send_n(&pair, 1, 10);
	rc_packet p;
	ASSERT_INT_EQ(rc_test_capture_next_wait(c, &p), 1);
	ASSERT_INT_EQ(rc_test_frame_seq(p.data, p.caplen, 0), 10);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_release_gives_slots_back_before_next_read, 30, release_then_poll)

TEST(capture_release_and_cooked_header_refuse_bad_calls)
{
	rc_capture *c;
	char err[RC_ERRBUF_SIZE];

	ASSERT_INT_EQ(rc_capture_release(NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_capture_set_cooked_header(NULL, RC_LINKTYPE_LINUX_SLL), RC_EINVAL);
	ASSERT_UINT_EQ(rc_capture_ring_size(NULL), 0);
	ASSERT_OK(rc_capture_create(&c, "lo", err));
	ASSERT_INT_EQ(rc_capture_release(c), RC_ESTATE);
	ASSERT_STR_EQ(rc_capture_error(c), "lo: release on a handle that is not active");
	ASSERT_INT_EQ(rc_capture_set_cooked_header(c, RC_LINKTYPE_ETHERNET), RC_EINVAL);
	ASSERT_STR_EQ(rc_capture_error(c),
		      "lo: cooked header link type 1 invalid: 113 LINUX_SLL or 276 LINUX_SLL2");
	/* Before activate any device takes it: whether it is cooked is known
	 * only then. */
	ASSERT_INT_EQ(rc_capture_set_cooked_header(c, RC_LINKTYPE_LINUX_SLL), 0);
	ASSERT_UINT_EQ(rc_capture_ring_size(c), 0);
	rc_capture_close(c);
}

/*
 * "any" in the test's namespace: the header chosen before activate, then
 * switched on the active handle; each packet carries the header its
 * linktype says.  A raw handle refuses the switch once active.
 */
static void check_cooked(const rc_packet *p, int linktype, const struct rc_netns_pair *pair,
			 long seq)
{
	ASSERT_INT_EQ(p->linktype, linktype);
	if (linktype == RC_LINKTYPE_LINUX_SLL) {
		/* +0 packet type, +2 ARPHRD, +4 address length, +6 address,
		 * +14 protocol: PACKET_HOST, ARPHRD_ETHER, the sender's MAC. */
		static const uint8_t head[6] = { 0, 0, 0, 1, 0, 6 };
		/* Each send is of one frame, of the first size. */
		ASSERT_UINT_EQ(p->caplen, rsz[0] - 14 + 16);
		ASSERT_MEM_EQ(p->data, head, 6);
		ASSERT_MEM_EQ(p->data + 6, pair->mac_a, 6);
		ASSERT_UINT_EQ(p->data[14] << 8 | p->data[15], RC_TEST_ETHERTYPE);
		ASSERT_INT_EQ(rc_test_frame_seq(p->data + 2, p->caplen - 2, 0), seq);
	} else {
		ASSERT_UINT_EQ(p->caplen, rsz[0] - 14 + 20);
		/* +0 protocol, +4 ifindex, +8 ARPHRD, +10 packet type, +11
		 * address length, +12 address; the sequence number at +20. */
		static const uint8_t mid[4] = { 0, 1, 0, 6 };
		ASSERT_UINT_EQ(p->data[0] << 8 | p->data[1], RC_TEST_ETHERTYPE);
		ASSERT_UINT_EQ((uint32_t)p->data[4] << 24 | (uint32_t)p->data[5] << 16 |
				       (uint32_t)p->data[6] << 8 | p->data[7],
			       pair->ifindex_b);
		ASSERT_MEM_EQ(p->data + 8, mid, 4);
		ASSERT_MEM_EQ(p->data + 12, pair->mac_a, 6);
		ASSERT_UINT_EQ((uint32_t)p->data[20] << 24 | (uint32_t)p->data[21] << 16 |
				       (uint32_t)p->data[22] << 8 | p->data[23],
			       seq);
	}
}

TEST_TIMEOUT(capture_cooked_header_switches_on_active_any, 30)
{
	struct rc_netns_pair pair;
	rc_capture *c, *raw;
	rc_packet p;

	raw = rc_test_pair_capture(&pair, 1500, RC_BACKEND_AUTO);
	rc_test_capture_activate(raw);
	ASSERT_INT_EQ(rc_capture_set_cooked_header(raw, RC_LINKTYPE_LINUX_SLL), RC_ENOTSUP);
	ASSERT_INT_EQ(rc_capture_linktype(raw), RC_LINKTYPE_ETHERNET);
	rc_capture_close(raw);

	c = rc_test_capture_new("any", RC_BACKEND_AUTO);
	ASSERT_OK(rc_capture_set_cooked_header(c, RC_LINKTYPE_LINUX_SLL));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_LINUX_SLL);
	send_n(&pair, 1, 0);
	ASSERT_INT_EQ(rc_test_capture_next_wait(c, &p), 1);
	check_cooked(&p, RC_LINKTYPE_LINUX_SLL, &pair, 0);
	ASSERT_OK(rc_capture_set_cooked_header(c, RC_LINKTYPE_LINUX_SLL2));
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_LINUX_SLL2);
	send_n(&pair, 1, 1);
	ASSERT_INT_EQ(rc_test_capture_next_wait(c, &p), 1);
	check_cooked(&p, RC_LINKTYPE_LINUX_SLL2, &pair, 1);
	rc_capture_close(c);
}

/* The ring in use, whole blocks (capture.h): TPACKET_V3 blocks of ring/16
 * rounded to a power of two, at least 128 KiB, at least two. */
TEST_TIMEOUT(capture_ring_size_reports_ring_in_use, 30)
{
	static const struct { uint64_t ask, got; } sizes[] = {
		{ 4u << 20, 4u << 20 }, { 1000000, 7u * (128u << 10) }, { 64u << 10, 256u << 10 },
	};
	struct rc_netns_pair pair;

	rc_netns_pair_create(&pair, 1500);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		rc_capture *c = rc_test_capture_new(pair.if_b, RC_BACKEND_TPACKET_V3);
		ASSERT_OK(rc_capture_set_ring_size(c, sizes[i].ask));
		rc_test_capture_activate(c);
		ASSERT_UINT_EQ(rc_capture_ring_size(c), sizes[i].got);
		rc_capture_close(c);
	}
}

/*
 * test_capture_stop.c - rc_capture_stop_input: after it, the ring gives
 * back exactly what the kernel had queued, then RC_EEOF, and the counts
 * are final (received - dropped = delivered), on every back-end, alone and
 * as fanout members (which the kernel does not let unbind).
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <string.h>
#include <time.h>

enum { STOP_BEFORE = 300, STOP_AFTER = 200, STOP_DEADLINE_MS = 10000 };
static const uint32_t s64[] = { 64 };

static int stop_config(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	int st = rc_capture_set_backend(c, *(int *)user);
	return st ? st : rc_capture_set_timeout(c, 200);
}

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void send_burst(const struct rc_netns_pair *pair, unsigned first, unsigned n)
{
	/* Sent on the capturing interface: each frame passes its packet taps
	 * inside send(2), so it is queued (or counted) before the call
	 * returns. */
	struct rc_send_spec s = { .ifname = pair->if_a, .count = n, .first_seq = first,
				  .sizes = s64, .nsizes = 1 };
	memcpy(s.dst, pair->mac_b, 6);
	memcpy(s.src, pair->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), n);
}

static void stop_run(int backend, unsigned members)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	rc_capture *h[2];
	rc_test_open_members(h, members, pair.if_a, backend, stop_config, &backend);

	send_burst(&pair, 0, STOP_BEFORE);
	rc_packet pk[64];
	unsigned long got = 0, received = 0, delivered = 0, dropped = 0;
	int n = rc_capture_next_batch(h[0], pk, 64); /* part of it before the stop */
	ASSERT_INT_GE(n, 0);
	got += (unsigned long)n;
	for (unsigned i = 0; i < members; i++)
		ASSERT_OK(rc_capture_stop_input(h[i]));
	ASSERT_OK(rc_capture_stop_input(h[0])); /* again: nothing more to do */
	/* Without the stop these would be captured too. */
	send_burst(&pair, STOP_BEFORE, STOP_AFTER);

	for (unsigned i = 0; i < members; i++) {
		uint64_t end = now_ms() + STOP_DEADLINE_MS;
		while ((n = rc_capture_next_batch(h[i], pk, 64)) != RC_EEOF) {
			if (n < 0)
				rc_test_fail(__FILE__, __LINE__, "read: %s", rc_capture_error(h[i]));
			for (int k = 0; k < n; k++)
				ASSERT_INT_LT(rc_test_frame_seq(pk[k].data, pk[k].caplen, 0), STOP_BEFORE);
			got += (unsigned long)n;
			if (now_ms() > end)
				rc_test_fail(__FILE__, __LINE__, "no RC_EEOF after %d ms",
					     STOP_DEADLINE_MS);
		}
		ASSERT_INT_EQ(rc_capture_next_batch(h[i], pk, 64), RC_EEOF);
		ASSERT_INT_EQ(rc_capture_set_filter(h[i], NULL, 0), RC_ESTATE);
		rc_capture_stats st;
		ASSERT_OK(rc_capture_stats_get(h[i], &st));
		received += st.received;
		delivered += st.delivered;
		dropped += st.dropped;
		rc_capture_close(h[i]);
	}
	fprintf(stderr, "  %u members: read %lu, received %lu, delivered %lu, dropped %lu\n",
		members, got, received, delivered, dropped);
	ASSERT_UINT_EQ(got, STOP_BEFORE);
	ASSERT_UINT_EQ(received, STOP_BEFORE);
	ASSERT_UINT_EQ(delivered, got);
	ASSERT_UINT_EQ(dropped, 0);
	rc_netns_pair_destroy(&pair);
}

static void stop_alone(int backend)
{
	stop_run(backend, 1);
}

static void stop_fanout(int backend)
{
	stop_run(backend, 2);
}

RC_TEST_EACH_BACKEND(capture_stop_input_drains_the_ring_then_eof_with_final_counts, 60, stop_alone)
RC_TEST_EACH_BACKEND(capture_stop_input_stops_fanout_members_by_filter, 60, stop_fanout)

TEST(capture_stop_input_needs_an_active_handle)
{
	rc_capture *c = NULL;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_capture_stop_input(NULL), RC_EINVAL);
	ASSERT_OK(rc_capture_create(&c, "lo", err));
	ASSERT_INT_EQ(rc_capture_stop_input(c), RC_ESTATE);
	ASSERT_TRUE(strstr(rc_capture_error(c), "lo: stop_input") != NULL);
	rc_capture_close(c);
}

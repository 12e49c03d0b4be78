/*
 * test_capture_stats.c - exact accounting under overload, and fanout
 * delivering every packet exactly once.
 */
#include "harness.h"
#include "netns.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

static const uint32_t s64[] = { 64 };

/*
 * A tiny ring that nobody reads while a burst is sent: most frames are
 * dropped.  The capture runs on the *sending* interface, so every frame
 * the sender hands to the device passes the packet taps exactly once
 * (dev_queue_xmit_nit) - nothing can be lost before the socket, and
 *   sent == received == delivered + dropped
 * holds exactly.
 */
static void overload(int backend)
{
	enum { N = 20000 };
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	rc_capture *c = rc_test_capture_new(pair.if_a, backend);
	if (backend == RC_BACKEND_SOCKET)
		ASSERT_OK(rc_capture_set_ring_size(c, 64 << 10));
	else
		ASSERT_OK(rc_capture_set_ring_geometry(c, 4096, 0, 4));
	rc_test_capture_activate(c);

	struct rc_send_spec s = { .ns = NULL, .ifname = pair.if_a, .count = N, .sizes = s64,
				  .nsizes = 1, .no_retry = 1 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), N);

	unsigned long got = rc_test_capture_drain(c, N, 300, NULL, NULL);
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.delivered, got);
	ASSERT_UINT_EQ(st.received, N);
	ASSERT_UINT_EQ(st.delivered + st.dropped, N);
	ASSERT_UINT_GE(st.dropped, 1);
	/* Counters accumulate: a second read adds nothing new, resets nothing. */
	rc_capture_stats st2;
	ASSERT_OK(rc_capture_stats_get(c, &st2));
	ASSERT_UINT_EQ(st2.received, st.received);
	ASSERT_UINT_EQ(st2.dropped, st.dropped);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_overload_sent_equals_captured_plus_dropped, 60, overload)

/* ----------------------------------------------------------------- fanout */

enum { FAN_N = 3000 };

struct fan {
	_Atomic unsigned char seen[FAN_N];
	atomic_uint total, dup, foreign;
};

static void fan_packet(void *user, const rc_packet *p)
{
	struct fan *f = user;
	long seq = rc_test_frame_seq(p->data, p->caplen, 0);
	if (seq < 0 || seq >= FAN_N) {
		atomic_fetch_add(&f->foreign, 1);
		return;
	}
	if (atomic_fetch_add(&f->seen[seq], 1) != 0)
		atomic_fetch_add(&f->dup, 1);
	atomic_fetch_add(&f->total, 1);
}

struct runner {
	rc_capture **h;
	struct fan *f;
	int status;
};

static void *run_fanout(void *arg)
{
	struct runner *r = arg;
	r->status = rc_fanout_run(r->h, 2, fan_packet, r->f);
	return NULL;
}

static int fan_config(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	return rc_capture_set_backend(c, *(int *)user);
}

static void fanout(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE];
	int st = rc_fanout_open(h, 2, pair.if_b, (uint16_t)(getpid() & 0xffff), RC_FANOUT_LB, 0,
				fan_config, &backend, err);
	if (st < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	static struct fan f;
	struct runner r = { h, &f, 0 };
	pthread_t t;
	ASSERT_INT_EQ(pthread_create(&t, NULL, run_fanout, &r), 0);

	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = FAN_N,
				  .sizes = s64, .nsizes = 1 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), FAN_N);
	for (int i = 0; i < 500 && atomic_load(&f.total) < FAN_N; i++)
		usleep(10 * 1000);
	usleep(50 * 1000); /* a duplicate would arrive now */
	rc_capture_breakloop(h[0]);
	rc_capture_breakloop(h[1]);
	pthread_join(t, NULL);
	ASSERT_INT_EQ(r.status, 0);

	rc_capture_stats a, b;
	ASSERT_OK(rc_capture_stats_get(h[0], &a));
	ASSERT_OK(rc_capture_stats_get(h[1], &b));
	if (atomic_load(&f.total) != FAN_N)
		rc_test_fail(__FILE__, __LINE__,
			     "handled %u of %d: member 0 received %llu delivered %llu dropped %llu, "
			     "member 1 received %llu delivered %llu dropped %llu",
			     atomic_load(&f.total), FAN_N, (unsigned long long)a.received,
			     (unsigned long long)a.delivered, (unsigned long long)a.dropped,
			     (unsigned long long)b.received, (unsigned long long)b.delivered,
			     (unsigned long long)b.dropped);
	ASSERT_UINT_EQ(atomic_load(&f.dup), 0);
	ASSERT_UINT_EQ(atomic_load(&f.foreign), 0);
	for (unsigned i = 0; i < FAN_N; i++)
		ASSERT_UINT_EQ(atomic_load(&f.seen[i]), 1);
	ASSERT_UINT_EQ(a.received + b.received, FAN_N);
	ASSERT_UINT_EQ(a.delivered + b.delivered, FAN_N);
	/* Round robin: both members got a share. */
	ASSERT_UINT_GE(a.delivered, 1);
	ASSERT_UINT_GE(b.delivered, 1);
	rc_capture_close(h[0]);
	rc_capture_close(h[1]);
}
RC_TEST_EACH_BACKEND(capture_fanout_two_sockets_deliver_each_packet_once, 30, fanout)

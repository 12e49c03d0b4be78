/*
 * test_capture_stats.c - exact accounting under overload, and fanout
 * delivering every packet exactly once in each mode.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"
#include "ringcap/filter.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

static const uint32_t s64[] = { 64 };

/*
 * A tiny ring that nobody reads while a burst is sent: most frames are
 * dropped.  The capture runs on the *sending* interface, so every frame
 * the sender hands to the device passes the packet taps exactly once
 * (dev_queue_xmit_nit) - nothing can be lost before the socket, and
 *   matching frames sent == received == delivered + dropped
 * holds exactly.  With a filter, the kernel counts only frames the filter
 * accepted (net/packet/af_packet.c: tp_packets/tp_drops are updated after
 * run_filter()): every other frame is 64 bytes, the filter takes those.
 * With fanout, the sums over the members hold.
 */
enum { OVL_N = 20000 };
static const uint32_t s64_128[] = { 64, 128 };

static int overload_config(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	int backend = *(int *)user;
	int st = rc_capture_set_backend(c, backend);
	if (st == 0)
		st = rc_capture_set_timeout(c, 200); /* the drain's reads must return */
	if (st == 0)
		st = backend == RC_BACKEND_SOCKET ? rc_capture_set_ring_size(c, 64 << 10)
						  : rc_capture_set_ring_geometry(c, 4096, 0, 4);
	return st;
}

static void overload_run(int backend, int filtered, unsigned members)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	rc_capture *h[2];
	rc_test_open_members(h, members, pair.if_a, backend, overload_config, &backend);
	unsigned long matching = OVL_N;
	if (filtered) {
		rc_bpf_prog prog;
		char err[RC_ERRBUF_SIZE];
		ASSERT_OK(rc_filter_compile(&prog, "less 100", rc_capture_linktype(h[0]), 65535, 0,
					    NULL, err));
		for (unsigned i = 0; i < members; i++)
			ASSERT_OK(rc_capture_set_filter(h[i], prog.insns, prog.len));
		rc_bpf_prog_free(&prog);
		matching = OVL_N / 2;
	}

	struct rc_send_spec s = { .ns = NULL, .ifname = pair.if_a, .count = OVL_N,
				  .sizes = filtered ? s64_128 : s64, .nsizes = filtered ? 2 : 1,
				  .no_retry = 1 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), OVL_N);

	unsigned long got = 0, received = 0, delivered = 0, dropped = 0, freeze = 0;
	for (unsigned i = 0; i < members; i++) {
		/* Every frame passed the tap inside the sender's send(2), so
		 * the kernel's counts are final: read until each frame it put
		 * in the ring is out.  (Not "until nothing comes for a while":
		 * the last, partly filled V3 block waits for the retire timer,
		 * a softirq that can run late under load.) */
		rc_capture_stats st, st2;
		ASSERT_OK(rc_capture_stats_get(h[i], &st));
		got += rc_test_capture_drain(h[i], st.received - st.dropped, RC_TEST_ARRIVAL_MS,
					     NULL, NULL);
		ASSERT_OK(rc_capture_stats_get(h[i], &st));
		/* Counters accumulate: a second read adds nothing, resets nothing. */
		ASSERT_OK(rc_capture_stats_get(h[i], &st2));
		ASSERT_UINT_EQ(st2.received, st.received);
		ASSERT_UINT_EQ(st2.dropped, st.dropped);
		received += st.received;
		delivered += st.delivered;
		dropped += st.dropped;
		freeze += st.freeze_count;
		rc_capture_close(h[i]);
	}
	fprintf(stderr, "  sent %d, matching %lu: received %lu = delivered %lu + dropped %lu\n",
		OVL_N, matching, received, delivered, dropped);
	ASSERT_UINT_EQ(delivered, got);
	ASSERT_UINT_EQ(received, matching);
	ASSERT_UINT_EQ(delivered + dropped, matching);
	ASSERT_UINT_GE(dropped, 1);
	/* TPACKET_V3 drops only with its block queue frozen (no free block:
	 * prb_freeze_queue counts tp_freeze_q_cnt), so a ring that dropped
	 * froze at least once; V2 and the socket have no such count. */
	if (backend == RC_BACKEND_TPACKET_V3)
		ASSERT_UINT_GE(freeze, 1);
	else
		ASSERT_UINT_EQ(freeze, 0);
}

static void overload(int backend)
{
	overload_run(backend, 0, 1);
}

static void overload_filtered(int backend)
{
	overload_run(backend, 1, 1);
}

static void overload_fanout(int backend)
{
	overload_run(backend, 0, 2);
}

static void overload_fanout_filtered(int backend)
{
	overload_run(backend, 1, 2);
}

RC_TEST_EACH_BACKEND(capture_overload_sent_equals_captured_plus_dropped, 60, overload)
RC_TEST_EACH_BACKEND(capture_overload_with_filter_counts_matching_frames_exactly, 60, overload_filtered)
RC_TEST_EACH_BACKEND(capture_overload_with_fanout_sums_exactly, 60, overload_fanout)
RC_TEST_EACH_BACKEND(capture_overload_with_fanout_and_filter_sums_exactly, 60, overload_fanout_filtered)

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
	int st = rc_capture_set_backend(c, *(int *)user);
	/* Room for the whole burst in one member: a mode may send it all
	 * there (4 MiB of TPACKET_V2 frames hold 2560 of them). */
	return st == 0 ? rc_capture_set_ring_size(c, 16u << 20) : st;
}

/* Two members of a group of this mode and flags, each packet once. */
static void fanout_run(int backend, int mode, unsigned flags)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE];
	int st = rc_fanout_open(h, 2, pair.if_b, (uint16_t)(getpid() & 0xffff), mode, flags,
				fan_config, &backend, err);
	if (st < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	static struct fan f;
	memset(&f, 0, sizeof(f));
	struct runner r = { h, &f, 0 };
	pthread_t t;
	ASSERT_INT_EQ(pthread_create(&t, NULL, run_fanout, &r), 0);

	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = FAN_N,
				  .sizes = s64, .nsizes = 1 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), FAN_N);
	for (long long t0 = rc_test_mono_ms();
	     atomic_load(&f.total) < FAN_N && rc_test_mono_ms() - t0 < RC_TEST_ARRIVAL_MS;)
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
	if (mode == RC_FANOUT_LB) {
		/* Round robin: both members got a share.  (The other modes
		 * may give one member everything: one flow, one CPU, one
		 * queue, a member never full.) */
		ASSERT_UINT_GE(a.delivered, 1);
		ASSERT_UINT_GE(b.delivered, 1);
	}
	rc_capture_close(h[0]);
	rc_capture_close(h[1]);
}

/* The tests of one mode and flags, one per back-end. */
#define FANOUT_TEST(name, mode, flags)                \
	static void name##_body(int backend)           \
	{                                              \
		fanout_run(backend, mode, flags);      \
	}                                              \
	RC_TEST_EACH_BACKEND(name, 30, name##_body)

FANOUT_TEST(capture_fanout_two_sockets_deliver_each_packet_once, RC_FANOUT_LB, 0)
FANOUT_TEST(capture_fanout_cpu_delivers_each_packet_once, RC_FANOUT_CPU, 0)
FANOUT_TEST(capture_fanout_rollover_delivers_each_packet_once, RC_FANOUT_ROLLOVER, 0)
FANOUT_TEST(capture_fanout_rnd_delivers_each_packet_once, RC_FANOUT_RND, 0)
FANOUT_TEST(capture_fanout_qm_delivers_each_packet_once, RC_FANOUT_QM, 0)
FANOUT_TEST(capture_fanout_rollover_flag_delivers_each_packet_once, RC_FANOUT_HASH,
	    RC_FANOUT_FLAG_ROLLOVER)

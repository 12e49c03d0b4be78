/*
 * test_capture_loop.c - callback loop with a count, rc_capture_breakloop
 * from another thread, from a signal handler and from the handler itself.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static const uint32_t lsz[] = { 60, 128 };

static void send_n(const struct rc_netns_pair *pair, unsigned n)
{
	struct rc_send_spec s = { .ns = pair->ns_a, .ifname = pair->if_a, .count = n,
				  .sizes = lsz, .nsizes = 2 };
	memcpy(s.dst, pair->mac_b, 6);
	memcpy(s.src, pair->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), n);
}

static rc_capture *open_blocking(struct rc_netns_pair *pair, int backend)
{
	rc_capture *c = rc_test_pair_capture(pair, 1500, backend);
	ASSERT_OK(rc_capture_set_timeout(c, -1)); /* block forever */
	rc_test_capture_activate(c);
	return c;
}

static void thread_break(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = open_blocking(&pair, backend);
	pthread_t t = rc_test_break_after(c, 200);
	rc_packet p[8];
	/* Nothing arrives: only the breakloop can end this read. */
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 8), RC_EBREAK);
	rc_test_break_join(t);
	/* The break is consumed: the handle still works afterwards. */
	ASSERT_OK(rc_capture_set_timeout(c, 100));
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 8), 0);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_breakloop_from_thread_ends_blocked_read, 20, thread_break)

static rc_capture *sig_handle;

static void on_usr1(int sig)
{
	(void)sig;
	rc_capture_breakloop(sig_handle);
}

static void signal_break(int backend)
{
	struct rc_netns_pair pair;
	sig_handle = open_blocking(&pair, backend);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART; /* the wake-up must come from the eventfd, not EINTR */
	sigemptyset(&sa.sa_mask);
	ASSERT_INT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	pid_t parent = getpid();
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		usleep(200 * 1000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	rc_packet p;
	ASSERT_INT_EQ(rc_capture_next(sig_handle, &p), RC_EBREAK);
	waitpid(kid, NULL, 0);
	rc_capture_close(sig_handle);
}
RC_TEST_EACH_BACKEND(capture_breakloop_from_signal_handler_ends_blocked_read, 20, signal_break)

struct seqs {
	rc_capture *c;
	long next;
	long stop_at; /* call breakloop from the handler at this sequence */
	unsigned handled;
};

static void on_packet(void *user, const rc_packet *p)
{
	struct seqs *s = user;
	long seq = rc_test_frame_seq(p->data, p->caplen, 0);
	ASSERT_INT_EQ(seq, s->next);
	s->next++;
	s->handled++;
	if (seq == s->stop_at)
		rc_capture_breakloop(s->c);
}

static void loop_count_and_break(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = open_blocking(&pair, backend);
	send_n(&pair, 25);
	struct seqs s = { c, 0, 13, 0 };
	/* A count ends the loop exactly there. */
	ASSERT_INT_EQ(rc_capture_loop(c, 10, on_packet, &s), 10);
	ASSERT_UINT_EQ(s.handled, 10);
	/* breakloop inside the handler ends the loop after that packet ... */
	ASSERT_INT_EQ(rc_capture_loop(c, 0, on_packet, &s), RC_EBREAK);
	ASSERT_UINT_EQ(s.handled, 14);
	/* ... and the rest of the batch is not lost: reads continue in order. */
	ASSERT_OK(rc_capture_set_timeout(c, 300));
	s.stop_at = -1;
	while (s.handled < 25) {
		int n = rc_capture_loop(c, 25 - s.handled, on_packet, &s);
		ASSERT_INT_GT(n, 0);
	}
	ASSERT_UINT_EQ(s.next, 25);
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.delivered, 25);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_loop_count_and_handler_breakloop_lose_nothing, 20,
		     loop_count_and_break)

/*
 * test_capture_filter.c - rc_capture_set_filter is atomic (nothing the new
 * filter rejects is delivered after it returns, nothing it accepts is
 * lost), a bad program keeps the old filter, and cooked handles judge by
 * the SLL2 bytes (the kernel runs the program rewritten for them:
 * test_capture_cooked_kernel.c).
 */
#include "harness.h"
#include "netns.h"

#include <linux/filter.h>

static const uint32_t fsz[] = { 60, 100 };

/* Accept frames whose sequence number is even: low byte of seq at off. */
#define EVEN_AT(off)                                                            \
	{                                                                       \
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, (off) },                      \
		{ BPF_JMP | BPF_JSET | BPF_K, 1, 0, 1 },                        \
		{ BPF_RET | BPF_K, 0, 0, 262144 }, { BPF_RET | BPF_K, 0, 0, 0 } \
	}

struct fstate {
	int tagged_off; /* offset of the seq's low byte */
	unsigned n, odd_after;
	int after; /* set_filter has returned */
	long seen[1024];
};

static void record(void *user, const rc_packet *p)
{
	struct fstate *s = user;
	const uint8_t *q = p->data + s->tagged_off - 3;
	long seq = ((long)q[0] << 24) | ((long)q[1] << 16) | ((long)q[2] << 8) | q[3];
	if (s->after && (seq & 1))
		s->odd_after++;
	if (s->n < 1024)
		s->seen[s->n] = seq;
	s->n++;
}

static void send_range(const struct rc_netns_pair *pair, unsigned first, unsigned n)
{
	struct rc_send_spec s = { .ns = pair->ns_a, .ifname = pair->if_a, .count = n,
				  .first_seq = first, .sizes = fsz, .nsizes = 2 };
	memcpy(s.dst, pair->mac_b, 6);
	memcpy(s.src, pair->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), n);
}

static void run_atomic(int backend, const char *dev, unsigned seq_low_off)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new(dev ? dev : pair.if_b, backend);
	rc_test_capture_activate(c);
	static struct fstate s;
	s.tagged_off = (int)seq_low_off;

	/* Before: no filter, everything arrives. */
	send_range(&pair, 0, 10);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, record, &s), 10);

	/* 40 frames wait in the ring (or queue) when the filter changes ...
	 * all of them: the order checked below spans two senders, which may
	 * run on different CPUs, and a frame still in one CPU's backlog
	 * could come after the next sender's. */
	send_range(&pair, 10, 40);
	rc_test_wait_received(c, 50);
	rc_bpf_insn even[] = EVEN_AT(seq_low_off);
	ASSERT_OK(rc_capture_set_filter(c, even, 4));
	s.after = 1;
	/* ... and 40 more come after it. */
	send_range(&pair, 50, 40);
	unsigned before = s.n;
	rc_test_capture_drain(c, 40, RC_TEST_ARRIVAL_MS, record, &s);
	ASSERT_UINT_EQ(s.odd_after, 0);    /* none the new filter rejects */
	ASSERT_UINT_EQ(s.n - before, 40);  /* and every even one, old or new */
	for (unsigned i = before; i < s.n; i++)
		ASSERT_INT_EQ(s.seen[i], 10 + 2 * (long)(i - before));

	/* An invalid program (jump past the end) is refused; the old stays. */
	rc_bpf_insn bad[] = { { BPF_JMP | BPF_JA, 0, 0, 5 }, { BPF_RET | BPF_K, 0, 0, 0 } };
	ASSERT_INT_EQ(rc_capture_set_filter(c, bad, 2), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "old filter kept");
	send_range(&pair, 300, 20);
	before = s.n;
	rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, record, &s);
	ASSERT_UINT_EQ(s.n - before, 10);
	ASSERT_UINT_EQ(s.odd_after, 0);

	/* Removing the filter lets everything through again. */
	ASSERT_OK(rc_capture_set_filter(c, NULL, 0));
	s.after = 0;
	send_range(&pair, 400, 20);
	before = s.n;
	rc_test_capture_drain(c, 20, RC_TEST_ARRIVAL_MS, record, &s);
	ASSERT_UINT_EQ(s.n - before, 20);

	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.delivered, s.n);
	rc_capture_close(c);
}

static void atomic_raw(int backend)
{
	run_atomic(backend, NULL, 17); /* Ethernet: seq at 14..17 */
}
RC_TEST_EACH_BACKEND(capture_set_filter_is_atomic_and_keeps_old_on_error, 30, atomic_raw)

static void atomic_cooked(int backend)
{
	run_atomic(backend, "any", 23); /* SLL2 20 bytes + seq at 20..23 */
}
RC_TEST_EACH_BACKEND(capture_set_filter_on_any_runs_on_sll2_bytes, 30, atomic_cooked)

/* set_filter from inside an rc_capture_loop handler: the packets the loop
 * has already taken from the ring (its stash) go through the new filter
 * as new packets would, so the loop delivers every even frame after the
 * first and no odd one. */
struct in_loop {
	struct fstate s;
	rc_capture *c;
	rc_bpf_insn even[4];
};

static void filter_at_first(void *user, const rc_packet *p)
{
	struct in_loop *l = user;
	record(&l->s, p);
	if (l->s.n == 1) {
		ASSERT_OK(rc_capture_set_filter(l->c, l->even, 4));
		l->s.after = 1;
	}
}

static void filter_in_loop(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	static struct in_loop l;
	memset(&l, 0, sizeof(l));
	l.c = rc_test_capture_new(pair.if_b, backend);
	rc_test_capture_activate(l.c);
	l.s.tagged_off = 17; /* Ethernet: seq at 14..17 */
	rc_bpf_insn even[] = EVEN_AT(17);
	memcpy(l.even, even, sizeof(even));
	send_range(&pair, 0, 30); /* waiting in the ring before the loop reads */
	/* seq 0 before the filter, then 2, 4, ..., 28; a lost even frame
	 * leaves the loop waiting until the test's time limit */
	ASSERT_INT_EQ(rc_capture_loop(l.c, 15, filter_at_first, &l), 15);
	ASSERT_UINT_EQ(l.s.odd_after, 0);
	for (unsigned i = 0; i < 15; i++)
		ASSERT_INT_EQ(l.s.seen[i], 2 * (long)i);
	rc_capture_close(l.c);
}
RC_TEST_EACH_BACKEND(capture_set_filter_inside_the_loop_judges_its_stash, 30, filter_in_loop)

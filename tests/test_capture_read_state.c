/*
 * test_capture_read_state.c - the read loop's own state (capture_read.c)
 * on a handle driven by a fake back-end: no ring, no root, and
 * interleavings of rc_capture_breakloop with a reader that a real second
 * thread would hit only by luck, written out step by step.
 */
#include "harness.h"

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture/capture_int.h"

/* Back-end reads since the last reset; the fake never has a packet. */
static unsigned long empty_reads;

static int empty_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	(void)c;
	(void)pkts;
	(void)max;
	empty_reads++;
	return 0;
}

static void nothing(rc_capture *c)
{
	(void)c;
}

static const struct rc__backend empty_backend = {
	.name = "empty",
	.id = RC_BACKEND_SOCKET,
	.packet_version = -1,
	.teardown = nothing,
	.read = empty_read,
	.release = nothing,
};

/* An active handle on be: fd is one end of an idle socket pair (poll never
 * reports it), efd a real eventfd, as activate leaves them. */
static rc_capture *fake_active(const struct rc__backend *be, int *peer)
{
	rc_capture *c;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_capture_create(&c, "lo", err));
	int sv[2];
	ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv), 0);
	c->fd = sv[0];
	*peer = sv[1];
	c->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	ASSERT_INT_GE(c->efd, 0);
	c->be = be;
	c->linktype = RC_LINKTYPE_ETHERNET;
	c->headroom = RC__HEADROOM_RAW;
	c->snaplen = c->opts.snaplen_bytes;
	c->state = RC__ACTIVE;
	return c;
}

static void fake_close(rc_capture *c, int peer)
{
	close(peer);
	rc_capture_close(c); /* closes fd and efd; teardown of the fake is a no-op */
}

/*
 * rc_capture_breakloop stores the flag, then writes the eventfd.  A reader
 * may consume the flag (and drain the eventfd) in between; the write then
 * lands after the drain.  That late wake-up must not make later reads
 * spin: a read with a timeout must sleep in poll, reading the back-end a
 * handful of times, not hundreds of thousands.
 */
static void late_eventfd_write(int immediate)
{
	int peer;
	rc_capture *c = fake_active(&empty_backend, &peer);
	c->opts.timeout_ms = 100;
	c->opts.immediate = immediate;
	/* Immediate mode: packets since the last wait make the first wait
	 * the eventfd-only pause, which the stale wake-up cuts short too. */
	if (immediate)
		c->delivered = 2;
	rc_packet p[4];

	atomic_store(&c->break_flag, 1);                  /* breakloop, step 1 */
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 4), RC_EBREAK); /* reader takes it */
	uint64_t one = 1;
	ASSERT_INT_EQ(write(c->efd, &one, sizeof(one)), (long)sizeof(one)); /* step 2 */

	for (int round = 0; round < 2; round++) {
		empty_reads = 0;
		ASSERT_INT_EQ(rc_capture_next_batch(c, p, 4), 0); /* timeout, no packet */
		/* One read before the wait, one after the stale wake-up, one
		 * more after the timeout at most. */
		ASSERT_UINT_LE(empty_reads, 4);
	}
	fake_close(c, peer);
}

TEST_TIMEOUT(capture_late_breakloop_wakeup_does_not_spin, 10)
{
	late_eventfd_write(0);
}

TEST_TIMEOUT(capture_late_breakloop_wakeup_does_not_spin_immediate, 10)
{
	late_eventfd_write(1);
}

/* The other order: the wake-up arrives before the reader looks at the
 * flag.  The break is still reported, once. */
TEST_TIMEOUT(capture_breakloop_during_wait_is_reported_once, 10)
{
	int peer;
	rc_capture *c = fake_active(&empty_backend, &peer);
	c->opts.timeout_ms = 100;
	rc_packet p[4];
	rc_capture_breakloop(c);
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 4), RC_EBREAK);
	empty_reads = 0;
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 4), 0);
	ASSERT_UINT_LE(empty_reads, 4);
	fake_close(c, peer);
}

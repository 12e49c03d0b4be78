/*
 * test_capture_read_state.c - the read loop's own state (capture_read.c)
 * on a handle driven by a fake back-end: no ring, no root, and
 * interleavings of rc_capture_breakloop with a reader that a real second
 * thread would hit only by luck, written out step by step.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <pthread.h>
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

/* ---- rc_capture_set_filter on packets rc_capture_loop left in the stash */

/* The frame the fake back-end delivers, as the kernel would have written
 * it: bytes (VLAN tag stripped into the metadata) and sockaddr_ll. */
static struct {
	uint8_t bytes[64];
	uint32_t len;
	uint32_t status;
	uint16_t vlan_tci;
	struct sockaddr_ll sll;
} kframe;

/* Two slots, headroom in front, rewritten by every read as a ring would be. */
static uint8_t slots[2][RC__HEADROOM + 64];

/* The kernel's description of slot i (what a ring keeps in its header). */
static void slot_frame(size_t i, struct rc__frame *f)
{
	*f = (struct rc__frame){
		.mac = slots[i] + RC__HEADROOM,
		.caplen = kframe.len,
		.len = kframe.len,
		.status = TP_STATUS_USER | kframe.status,
		.ts_nsec = 1,
		.vlan_tci = kframe.vlan_tci,
		.vlan_tpid = kframe.status & TP_STATUS_VLAN_TPID_VALID ? 0x8100 : 0,
		.sll = &kframe.sll,
	};
}

static int frames_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	struct rc__fill k;
	rc__fill_init(&k, c);
	size_t n = 0;
	for (; n < max && n < 2; n++) {
		memcpy(slots[n] + RC__HEADROOM, kframe.bytes, kframe.len);
		struct rc__frame f;
		slot_frame(n, &f);
		ASSERT_INT_EQ(rc__deliver_fast(c, &k, &f, &pkts[n]), 1);
	}
	c->progress = 1;
	return (int)n;
}

/* Stashed packet i sits in slot i: a read fills the stash from index 0,
 * and these tests call set_filter once, before any packet is dropped. */
static void frames_again(const rc_capture *c, size_t i, struct rc__frame *f)
{
	ASSERT_PTR_EQ(c->stash_sll[i], &kframe.sll);
	slot_frame(i, f);
}

static const struct rc__backend frames_backend = {
	.name = "frames",
	.id = RC_BACKEND_TPACKET_V3,
	.packet_version = TPACKET_V3,
	.teardown = nothing,
	.read = frames_read,
	.release = nothing,
	.frame_again = frames_again,
};

static void break_at_first(void *user, const rc_packet *p)
{
	(void)p;
	rc_capture_breakloop(user);
}

/* IPv4 in Ethernet, 60 bytes; pkttype and VLAN as given. */
static void set_kframe(uint8_t pkttype, int vlan_id)
{
	memset(&kframe, 0, sizeof(kframe));
	memcpy(kframe.bytes, "\x02\0\0\0\0\x01\x02\0\0\0\0\x02\x08\x00\x45", 15);
	kframe.len = 60;
	kframe.sll.sll_family = AF_PACKET;
	kframe.sll.sll_protocol = htons(0x0800);
	kframe.sll.sll_ifindex = 1;
	kframe.sll.sll_pkttype = pkttype;
	kframe.sll.sll_hatype = 1;
	if (vlan_id >= 0) {
		kframe.status = TP_STATUS_VLAN_VALID | TP_STATUS_VLAN_TPID_VALID;
		kframe.vlan_tci = (uint16_t)vlan_id;
	}
}

/*
 * rc_capture_loop reads two packets, the handler breaks after the first,
 * the second stays in the stash; then expr becomes the filter (compiled
 * for a live socket, as the CLI does).  The stashed packet must be judged
 * as the kernel's filter would have judged it; if kept, it is delivered
 * exactly as before.  Returns the number kept (0 or 1).
 */
static size_t stash_then_filter(const char *expr)
{
	int peer;
	rc_capture *c = fake_active(&frames_backend, &peer);
	c->block_nr = 16;
	c->opts.timeout_ms = 0;
	ASSERT_INT_EQ(rc_capture_loop(c, 0, break_at_first, c), RC_EBREAK);
	ASSERT_UINT_EQ(c->stash_n - c->stash_pos, 1);
	rc_packet before = c->stash[c->stash_pos];
	uint8_t before_bytes[64 + RC__VLAN_LEN];
	memcpy(before_bytes, before.data, before.caplen);

	rc_bpf_prog prog;
	rc_filter_opts o = { .optimize = 1, .linux_live = 1, .resolve_names = 0 };
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_filter_compile(&prog, expr, RC_LINKTYPE_ETHERNET, 65535, 0, &o, err));
	ASSERT_OK(rc_capture_set_filter(c, prog.insns, prog.len));
	rc_bpf_prog_free(&prog);

	size_t kept = c->stash_n - c->stash_pos;
	ASSERT_UINT_EQ(c->filter_discarded, 1 - kept);
	ASSERT_UINT_EQ(c->delivered, 1 + kept);
	if (kept) {
		rc_packet p;
		ASSERT_INT_EQ(rc_capture_next(c, &p), 1);
		ASSERT_UINT_EQ(p.caplen, before.caplen);
		ASSERT_UINT_EQ(p.len, before.len);
		ASSERT_UINT_EQ(p.flags, before.flags);
		ASSERT_UINT_EQ(p.pkttype, before.pkttype);
		ASSERT_MEM_EQ(p.data, before_bytes, p.caplen);
	}
	fake_close(c, peer);
	return kept;
}

TEST_TIMEOUT(capture_set_filter_rechecks_stash_with_packet_type, 10)
{
	set_kframe(PACKET_OUTGOING, -1);
	ASSERT_UINT_EQ(stash_then_filter("outbound"), 1);
	ASSERT_UINT_EQ(stash_then_filter("inbound"), 0);
}

TEST_TIMEOUT(capture_set_filter_rechecks_stash_on_untagged_bytes, 10)
{
	set_kframe(PACKET_HOST, 10);
	ASSERT_UINT_EQ(stash_then_filter("ip"), 1);
	ASSERT_UINT_EQ(stash_then_filter("vlan 10"), 1);
	ASSERT_UINT_EQ(stash_then_filter("vlan 20"), 0);
	ASSERT_UINT_EQ(stash_then_filter("arp"), 0);
}

/* ---- rc_capture_stats_get from other threads while one thread reads */

static int one_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	(void)max;
	memset(pkts, 0, sizeof(*pkts));
	c->progress = 1;
	return 1;
}

/* Each PACKET_STATISTICS read reports one new packet. */
static int one_kstat(rc_capture *c, uint64_t *packets, uint64_t *drops, uint64_t *freeze)
{
	(void)c;
	*packets = 1;
	*drops = 0;
	*freeze = 0;
	return 0;
}

static const struct rc__backend counting_backend = {
	.name = "counting",
	.id = RC_BACKEND_SOCKET,
	.packet_version = -1,
	.teardown = nothing,
	.read = one_read,
	.release = nothing,
	.kstats = one_kstat,
};

enum { STATS_READS = 200000, STATS_CALLS = 20000 };

static void ignore(void *user, const rc_packet *p)
{
	(void)user;
	(void)p;
}

static void *reader(void *c)
{
	return (void *)(intptr_t)rc_capture_loop(c, STATS_READS, ignore, NULL);
}

static void *stats_caller(void *c)
{
	uint64_t last = 0;
	for (int i = 0; i < STATS_CALLS; i++) {
		rc_capture_stats st;
		if (rc_capture_stats_get(c, &st) != 0 || st.delivered < last)
			return (void *)1;
		last = st.delivered;
	}
	return NULL;
}

/* What the CLI's statistics thread does, twice over (build-tsan or
 * valgrind --tool=helgrind see the races this rules out). */
TEST_TIMEOUT(capture_stats_get_from_other_threads_while_reading, 30)
{
	int peer;
	rc_capture *c = fake_active(&counting_backend, &peer);
	pthread_t r, s1, s2;
	ASSERT_INT_EQ(pthread_create(&r, NULL, reader, c), 0);
	ASSERT_INT_EQ(pthread_create(&s1, NULL, stats_caller, c), 0);
	ASSERT_INT_EQ(pthread_create(&s2, NULL, stats_caller, c), 0);
	void *rv, *v1, *v2;
	pthread_join(r, &rv);
	pthread_join(s1, &v1);
	pthread_join(s2, &v2);
	ASSERT_INT_EQ((intptr_t)rv, STATS_READS);
	ASSERT_PTR_EQ(v1, NULL);
	ASSERT_PTR_EQ(v2, NULL);
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.delivered, STATS_READS);
	/* Every kernel count added once, whichever thread read it. */
	ASSERT_UINT_EQ(st.received, 2 * STATS_CALLS + 1);
	fake_close(c, peer);
}

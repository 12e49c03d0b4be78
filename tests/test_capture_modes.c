/*
 * test_capture_modes.c - immediate mode, epoll integration through
 * rc_capture_fd, cooked (SLL2) capture on a named device, the protocol
 * option, a classic-BPF fanout program and the fanout defrag flag.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_packet.h>
#include <sys/epoll.h>
#include <unistd.h>

static const uint32_t msz[] = { 60, 300 };

static void send_n(const struct rc_netns_pair *pair, unsigned first, unsigned n)
{
	struct rc_send_spec s = { .ns = pair->ns_a, .ifname = pair->if_a, .count = n,
				  .first_seq = first, .sizes = msz, .nsizes = 2 };
	memcpy(s.dst, pair->mac_b, 6);
	memcpy(s.src, pair->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), n);
}

TEST_TIMEOUT(capture_immediate_mode_prefers_tpacket_v2, 20)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, RC_BACKEND_AUTO);
	ASSERT_OK(rc_capture_set_immediate(c, 1));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_backend(c), RC_BACKEND_TPACKET_V2);
	send_n(&pair, 0, 3);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 3, RC_TEST_ARRIVAL_MS, NULL, NULL), 3);
	rc_capture_close(c);

	/* Default mode picks TPACKET_V3. */
	c = rc_test_capture_new(pair.if_b, RC_BACKEND_AUTO);
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_backend(c), RC_BACKEND_TPACKET_V3);
	ASSERT_STR_EQ(rc_capture_warning(c), "");
	rc_capture_close(c);
}

static void immediate_forced(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_immediate(c, 1));
	ASSERT_OK(rc_capture_set_block_timeout(c, 60000)); /* immediate overrides it */
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_backend(c), backend);
	/* One lone packet must come out without the block filling up. */
	send_n(&pair, 0, 1);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 1, RC_TEST_ARRIVAL_MS, NULL, NULL), 1);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_immediate_mode_delivers_a_lone_packet, 20, immediate_forced)

struct seq_check {
	long next;
	unsigned bad;
};

static void in_order(void *user, const rc_packet *p)
{
	struct seq_check *k = user;
	k->bad += rc_test_frame_seq(p->data, p->caplen, 0) != k->next++;
}

/*
 * Immediate mode after a burst: several packets returned since the last
 * wait make the next wait on an empty ring a short pause before polling
 * (capture_read.c, RC__COALESCE_NS).  Every packet still comes out once and
 * in order, a lone packet sent afterwards too, and breakloop still ends a
 * blocked read.
 */
static void after_burst(int backend, uint32_t pause_us)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_immediate(c, 1));
	ASSERT_OK(rc_capture_set_immediate_pause(c, pause_us));
	/* Immediate V3 has a 1 ms retire timeout (at least a timer tick): the
	 * kernel closes the block at every expiry that finds a packet in it
	 * (prb_retire_rx_blk_timer_expired), so a burst sent while nobody
	 * reads takes one block per tick it spans.  A sender slowed by load
	 * past 16 ticks (the default 16 blocks) froze the ring and its later
	 * frames were dropped (seen with a 0.4 ms gap between frames: 29 of
	 * 200 arrived).  One block per frame of the largest burst cannot
	 * fill, however slow the sender. */
	if (backend == RC_BACKEND_TPACKET_V3)
		ASSERT_OK(rc_capture_set_ring_geometry(c, 16384, 0, 256));
	rc_test_capture_activate(c);
	struct seq_check k = { 0, 0 };
	for (unsigned round = 0; round < 3; round++) {
		send_n(&pair, (unsigned)k.next, 200);
		ASSERT_UINT_EQ(rc_test_capture_drain(c, 200, RC_TEST_ARRIVAL_MS, in_order, &k), 200);
		send_n(&pair, (unsigned)k.next, 1);
		ASSERT_UINT_EQ(rc_test_capture_drain(c, 1, RC_TEST_ARRIVAL_MS, in_order, &k), 1);
	}
	/* One packet per call: the burst is counted across calls. */
	send_n(&pair, (unsigned)k.next, 100);
	rc_packet one;
	for (unsigned i = 0; i < 100; i++) {
		ASSERT_INT_EQ(rc_test_capture_next_wait(c, &one), 1);
		in_order(&k, &one);
	}
	send_n(&pair, (unsigned)k.next, 1);
	ASSERT_INT_EQ(rc_test_capture_next_wait(c, &one), 1);
	in_order(&k, &one);
	ASSERT_UINT_EQ(k.bad, 0);
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.dropped, 0);

	send_n(&pair, (unsigned)k.next, 50);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 50, RC_TEST_ARRIVAL_MS, NULL, NULL), 50);
	ASSERT_OK(rc_capture_set_timeout(c, -1));
	pthread_t t = rc_test_break_after(c, 100);
	rc_packet p[8];
	ASSERT_INT_EQ(rc_capture_next_batch(c, p, 8), RC_EBREAK);
	rc_test_break_join(t);
	rc_capture_close(c);
}
static void after_burst_default(int backend)
{
	after_burst(backend, RC_CAPTURE_DEFAULT_PAUSE_US);
}
RC_TEST_EACH_BACKEND(capture_immediate_mode_after_a_burst_loses_and_holds_nothing, 30,
		     after_burst_default)

/* The longest pause allowed, and none (a wait for every packet). */
TEST_TIMEOUT(capture_immediate_pause_longest_and_none_lose_nothing, 30)
{
	after_burst(RC_BACKEND_TPACKET_V2, 1000);
	after_burst(RC_BACKEND_TPACKET_V2, 0);
}

static void epoll_use(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_timeout(c, 0));
	ASSERT_OK(rc_capture_set_block_timeout(c, 5));
	rc_test_capture_activate(c);
	int ep = epoll_create1(EPOLL_CLOEXEC);
	ASSERT_TRUE(ep >= 0);
	struct epoll_event ev = { .events = EPOLLIN };
	ASSERT_INT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, rc_capture_fd(c), &ev), 0);
	struct epoll_event out;
	ASSERT_INT_EQ(epoll_wait(ep, &out, 1, 0), 0); /* nothing yet */
	send_n(&pair, 0, 5);
	unsigned got = 0;
	for (int rounds = 0; rounds < 50 && got < 5; rounds++) {
		if (epoll_wait(ep, &out, 1, 1000) != 1)
			continue;
		ASSERT_TRUE(out.events & EPOLLIN);
		rc_packet p[8];
		int n;
		while ((n = rc_capture_next_batch(c, p, 8)) > 0) {
			for (int i = 0; i < n; i++)
				ASSERT_INT_EQ(rc_test_frame_seq(p[i].data, p[i].caplen, 0),
					      (long)got + i);
			got += (unsigned)n;
		}
		ASSERT_INT_EQ(n, 0);
	}
	ASSERT_UINT_EQ(got, 5);
	close(ep);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_fd_works_with_epoll_and_nonblocking_reads, 20, epoll_use)

struct cooked {
	const struct rc_netns_pair *pair;
	unsigned n;
};

static void check_cooked(void *user, const rc_packet *p)
{
	struct cooked *k = user;
	const uint8_t *h = p->data;
	ASSERT_UINT_EQ(p->linktype, RC_LINKTYPE_LINUX_SLL2);
	ASSERT_UINT_EQ(p->len, 20 + msz[k->n % 2] - 14);
	ASSERT_UINT_EQ((h[0] << 8) | h[1], 0x88b5);
	ASSERT_UINT_EQ(((uint32_t)h[4] << 24) | ((uint32_t)h[5] << 16) | (h[6] << 8) | h[7],
		       k->pair->ifindex_b);
	ASSERT_UINT_EQ((h[8] << 8) | h[9], ARPHRD_ETHER);
	ASSERT_UINT_EQ(h[10], PACKET_HOST);
	ASSERT_MEM_EQ(h + 12, k->pair->mac_a, 6);
	ASSERT_UINT_EQ(((uint32_t)h[20] << 24) | ((uint32_t)h[21] << 16) | (h[22] << 8) | h[23],
		       k->n);
	k->n++;
}

static void cooked_named(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_cooked(c, 1));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_LINUX_SLL2);
	send_n(&pair, 0, 10);
	struct cooked k = { &pair, 0 };
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, check_cooked, &k), 10);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_cooked_mode_on_a_device_gives_sll2, 20, cooked_named)

/* The received frames 0, 1, ... in order (*user counts them); nothing sent. */
static void check_in_order(void *user, const rc_packet *p)
{
	unsigned *next = user;
	ASSERT_UINT_EQ(p->direction, RC_DIR_IN);
	ASSERT_INT_EQ(rc_test_frame_seq(p->data, p->caplen, 0), (long)*next);
	(*next)++;
}

static void protocol_option(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *ip = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_protocol(ip, 0x0800));
	rc_test_capture_activate(ip);
	rc_capture *ours = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_protocol(ours, RC_TEST_ETHERTYPE));
	rc_test_capture_activate(ours);
	/* ETH_P_ALL is every protocol, a tap like protocol 0. */
	rc_capture *all = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_protocol(all, 3));
	rc_test_capture_activate(all);
	/* Sent from if_b first (seq 100..104): a socket bound to one
	 * protocol gets no outgoing packets (capture.h), so only the 10
	 * received ones (seq 0..9) come, in order. */
	struct rc_send_spec out = { .ns = NULL, .ifname = pair.if_b, .count = 5,
				    .first_seq = 100, .sizes = msz, .nsizes = 2 };
	memcpy(out.dst, pair.mac_a, 6);
	memcpy(out.src, pair.mac_b, 6);
	ASSERT_UINT_EQ(rc_send_frames(&out), 5);
	send_n(&pair, 0, 10);
	unsigned next = 0;
	ASSERT_UINT_EQ(rc_test_capture_drain(ours, 10, RC_TEST_ARRIVAL_MS, check_in_order, &next),
		       10);
	ASSERT_UINT_EQ(rc_test_capture_drain(ours, 1, 150, check_in_order, &next), 0);
	ASSERT_UINT_EQ(next, 10);
	ASSERT_UINT_EQ(rc_test_capture_drain(ip, 10, 200, NULL, NULL), 0);
	ASSERT_UINT_EQ(rc_test_capture_drain(all, 15, RC_TEST_ARRIVAL_MS, NULL, NULL), 15);
	rc_capture_close(ip);
	rc_capture_close(ours);
	rc_capture_close(all);
}
RC_TEST_EACH_BACKEND(capture_protocol_option_selects_one_ethertype, 20, protocol_option)

static int cbpf_config(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	(void)user;
	/* Every packet to member 1. */
	static const rc_bpf_insn to_one[] = { { BPF_RET | BPF_K, 0, 0, 1 } };
	int st = rc_capture_set_fanout_program(c, to_one, 1);
	if (st == 0)
		st = rc_capture_set_timeout(c, 200);
	return st;
}

TEST_TIMEOUT(capture_fanout_cbpf_program_chooses_the_member, 20)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE];
	if (rc_fanout_open(h, 2, pair.if_b, 77, RC_FANOUT_CBPF, 0, cbpf_config, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	send_n(&pair, 0, 20);
	ASSERT_UINT_EQ(rc_test_capture_drain(h[1], 20, RC_TEST_ARRIVAL_MS, NULL, NULL), 20);
	ASSERT_UINT_EQ(rc_test_capture_drain(h[0], 20, 200, NULL, NULL), 0);
	rc_capture_close(h[0]);
	rc_capture_close(h[1]);
}

static int fail_third(rc_capture *c, unsigned index, void *user)
{
	(void)user;
	return index == 2 ? rc_capture_set_snaplen(c, -1) : rc_capture_set_ring_size(c, 1 << 20);
}

static int fail_second_silently(rc_capture *c, unsigned index, void *user)
{
	(void)c;
	(void)user;
	return index == 1 ? RC_EINVAL : 0;
}

TEST_TIMEOUT(capture_fanout_open_failure_leaves_nothing_open, 20)
{
	rc_test_need_root();
	rc_capture *h[3] = { (void *)1, (void *)1, (void *)1 };
	char err[RC_ERRBUF_SIZE];
	unsigned fds = rc_test_count_fds(), maps = rc_test_count_socket_maps();
	ASSERT_INT_EQ(rc_fanout_open(h, 3, "rcnosuch0", 5, RC_FANOUT_HASH, 0, NULL, NULL, err),
		      RC_ENODEV);
	ASSERT_UINT_EQ(rc_test_count_fds(), fds);
	ASSERT_UINT_EQ(rc_test_count_socket_maps(), maps);
	ASSERT_STR_CONTAINS(err, "fanout member 0");
	ASSERT_STR_CONTAINS(err, "rcnosuch0");
	for (int i = 0; i < 3; i++)
		ASSERT_TRUE(h[i] == NULL);
	/* Members 0 and 1 are active with rings when member 2's configure
	 * fails: both must be closed again. */
	ASSERT_INT_EQ(rc_fanout_open(h, 3, "lo", (uint16_t)(getpid() & 0xffff), RC_FANOUT_HASH, 0,
				     fail_third, NULL, err),
		      RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "lo: fanout member 2: snaplen ");
	for (int i = 0; i < 3; i++)
		ASSERT_TRUE(h[i] == NULL);
	ASSERT_UINT_EQ(rc_test_count_fds(), fds);
	ASSERT_UINT_EQ(rc_test_count_socket_maps(), maps);
	/* A callback that fails without a message of its own is named. */
	ASSERT_INT_EQ(rc_fanout_open(h, 3, "lo", (uint16_t)(getpid() & 0xffff), RC_FANOUT_HASH, 0,
				     fail_second_silently, NULL, err),
		      RC_EINVAL);
	ASSERT_STR_EQ(err, "lo: fanout member 1: configure callback failed: invalid argument");
	for (int i = 0; i < 3; i++)
		ASSERT_TRUE(h[i] == NULL);
	ASSERT_UINT_EQ(rc_test_count_fds(), fds);
	ASSERT_UINT_EQ(rc_test_count_socket_maps(), maps);
}

TEST(capture_fanout_open_null_handles_says_null)
{
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_fanout_open(NULL, 2, "lo", 1, RC_FANOUT_HASH, 0, NULL, NULL, err),
		      RC_EINVAL);
	ASSERT_STR_EQ(err, "rc_fanout_open: handles is NULL");
}

/* A member that fails to activate names the device once, first. */
TEST_TIMEOUT(capture_fanout_open_error_names_the_device_once, 20)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "ip link set %s down", pair.if_b), 0);
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE], want[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_fanout_open(h, 2, pair.if_b, (uint16_t)(getpid() & 0xffff), RC_FANOUT_HASH,
				     0, NULL, NULL, err),
		      RC_ENETDOWN);
	snprintf(want, sizeof(want), "%s: fanout member 0: interface is down", pair.if_b);
	ASSERT_STR_EQ(err, want);
}

/*
 * RC_FANOUT_FLAG_DEFRAG is bit 15 of the mode, so the PACKET_FANOUT value
 * has bit 31 set: built in an int it overflowed (UBSan stops the test).
 * The kernel keeps a group's flags: a second member with DEFRAG joins, one
 * without is refused - the flag arrived as given.
 */
static void fanout_defrag(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	uint16_t group = (uint16_t)(getpid() & 0xffff);
	rc_capture *h[3];
	for (int i = 0; i < 3; i++) {
		h[i] = rc_test_capture_new(pair.if_b, backend);
		ASSERT_OK(rc_capture_set_fanout(h[i], group, RC_FANOUT_HASH,
						i < 2 ? RC_FANOUT_FLAG_DEFRAG : 0));
	}
	rc_test_capture_activate(h[0]);
	rc_test_capture_activate(h[1]);
	ASSERT_INT_LT(rc_capture_activate(h[2]), 0);
	ASSERT_STR_CONTAINS(rc_capture_error(h[2]), "fanout group");
	for (int i = 0; i < 3; i++)
		rc_capture_close(h[i]);
}
RC_TEST_EACH_BACKEND(capture_fanout_defrag_flag_joins_its_group, 20, fanout_defrag)

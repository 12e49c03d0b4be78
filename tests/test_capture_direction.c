/*
 * test_capture_direction.c - direction option (in/out/both) and
 * promiscuous mode, with real traffic in both directions on a veth;
 * loopback packets delivered once, not once per direction.
 */
#include "harness.h"
#include "netns.h"

#include <linux/if_arp.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <unistd.h>
#include "testutil.h"

static const uint32_t sz[] = { 60, 200, 1514 };

struct dircount {
	unsigned in, out, other;
};

static void count_dir(void *user, const rc_packet *p)
{
	struct dircount *d = user;
	long seq = rc_test_frame_seq(p->data, p->caplen, 0);
	if (seq >= 0 && seq < 1000) {
		ASSERT_UINT_EQ(p->pkttype, PACKET_HOST);
		ASSERT_UINT_EQ(p->direction, RC_DIR_IN);
		d->in++;
	} else if (seq >= 1000 && seq < 2000) {
		ASSERT_UINT_EQ(p->pkttype, PACKET_OUTGOING);
		ASSERT_UINT_EQ(p->direction, RC_DIR_OUT);
		d->out++;
	} else {
		d->other++;
	}
}

static void run_direction(int backend, int dir, unsigned want_in, unsigned want_out)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_direction(c, dir));
	rc_test_capture_activate(c);

	/* 20 frames arrive on if_b (from ns_a), 30 leave it (sent in ns_b). */
	struct rc_send_spec in = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 20,
				   .sizes = sz, .nsizes = 3 };
	memcpy(in.dst, pair.mac_b, 6);
	memcpy(in.src, pair.mac_a, 6);
	struct rc_send_spec out = { .ns = NULL, .ifname = pair.if_b, .count = 30,
				    .first_seq = 1000, .sizes = sz, .nsizes = 3 };
	memcpy(out.dst, pair.mac_a, 6);
	memcpy(out.src, pair.mac_b, 6);
	ASSERT_UINT_EQ(rc_send_frames(&in), 20);
	/* The incoming frames are in the ring before the outgoing ones are
	 * sent (those pass the capture's tap as they are sent): whatever
	 * the direction, reading up to the last expected frame then reads
	 * every frame, so the counts below are final. */
	rc_test_wait_received(c, 20);
	ASSERT_UINT_EQ(rc_send_frames(&out), 30);

	/* Everything was sent before reading starts: once the expected count
	 * is in, a short extra wait shows whether anything unwanted follows. */
	struct dircount d = { 0, 0, 0 };
	rc_test_capture_drain(c, want_in + want_out, RC_TEST_ARRIVAL_MS, count_dir, &d);
	rc_test_capture_drain(c, 1, 150, count_dir, &d);
	ASSERT_UINT_EQ(d.in, want_in);
	ASSERT_UINT_EQ(d.out, want_out);
	ASSERT_UINT_EQ(d.other, 0);

	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.delivered, want_in + want_out);
	ASSERT_UINT_EQ(st.dropped, 0);
	/* received - dropped = delivered + discarded (ring is empty now). */
	ASSERT_UINT_EQ(st.received, st.delivered + st.dir_discarded + st.filter_discarded);
	if (dir == RC_CAPTURE_OUT)
		ASSERT_UINT_EQ(st.dir_discarded, 20);
	rc_capture_close(c);
}

static void dir_both(int backend)
{
	run_direction(backend, RC_CAPTURE_BOTH, 20, 30);
}
RC_TEST_EACH_BACKEND(capture_direction_both_sees_in_and_out, 30, dir_both)

static void dir_in(int backend)
{
	run_direction(backend, RC_CAPTURE_IN, 20, 0);
}
RC_TEST_EACH_BACKEND(capture_direction_in_sees_only_received, 30, dir_in)

static void dir_out(int backend)
{
	run_direction(backend, RC_CAPTURE_OUT, 0, 30);
}
RC_TEST_EACH_BACKEND(capture_direction_out_sees_only_sent, 30, dir_out)

/* --------------------------------------------------------------- loopback */

struct locount {
	uint16_t port; /* UDP destination port of the test's datagrams */
	int lo_index;
	unsigned seen, other;
};

/* One of the test's UDP datagrams to 127.0.0.1:port, on lo (Ethernet) or
 * on "any" (SLL2: protocol at +0, ARPHRD at +8, IPv4 at +20). */
static void count_lo(void *user, const rc_packet *p)
{
	struct locount *k = user;
	int sll2 = p->linktype == RC_LINKTYPE_LINUX_SLL2;
	uint32_t ip = sll2 ? 20 : 14, type = sll2 ? 0 : 12;
	if (p->caplen < ip + 24 || p->data[type] != 0x08 || p->data[type + 1] != 0x00 ||
	    p->data[ip + 9] != IPPROTO_UDP) {
		k->other++;
		return;
	}
	uint32_t udp = ip + 4u * (p->data[ip] & 0x0f);
	if (p->caplen < udp + 4 || (p->data[udp + 2] << 8 | p->data[udp + 3]) != k->port) {
		k->other++;
		return;
	}
	/* The copy that is delivered is the incoming one. */
	ASSERT_UINT_EQ(p->pkttype, PACKET_HOST);
	ASSERT_UINT_EQ(p->direction, RC_DIR_IN);
	ASSERT_UINT_EQ(p->ifindex, k->lo_index);
	if (sll2)
		ASSERT_UINT_EQ(p->data[8] << 8 | p->data[9], ARPHRD_LOOPBACK);
	k->seen++;
}

/*
 * 3 UDP datagrams to 127.0.0.1 in the test's namespace, captured on dev
 * ("lo" or "any") in direction dir.  Each passes lo's packet taps twice,
 * outgoing and incoming; want of them are delivered.  The kernel counts
 * want_received (on lo PACKET_IGNORE_OUTGOING keeps the outgoing copies
 * away, on "any" it counts them and the library discards them), and the
 * statistics account for every one.
 */
static void run_loopback(int backend, const char *dev, int dir, unsigned want,
			 unsigned want_received)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500); /* the link stays silent */
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "ip link set lo up"), 0);
	rc_capture *c = rc_test_capture_new(dev, backend);
	ASSERT_OK(rc_capture_set_direction(c, dir));
	rc_test_capture_activate(c);

	uint16_t port;
	int rx = rc_send_udp_lo(3, &port);
	struct locount k = { .port = port, .lo_index = rc_netns_ifindex("lo") };
	rc_test_wait_received(c, want_received);
	rc_test_capture_drain(c, want, RC_TEST_ARRIVAL_MS, count_lo, &k);
	/* Read on until every packet the kernel queued is accounted for (a
	 * V3 block holding only discarded ones waits for its timer). */
	rc_capture_stats st;
	long long t0 = rc_test_mono_ms();
	for (;;) {
		ASSERT_OK(rc_capture_stats_get(c, &st));
		if (st.received == st.delivered + st.dir_discarded + st.filter_discarded ||
		    rc_test_mono_ms() - t0 > RC_TEST_ARRIVAL_MS)
			break;
		rc_test_capture_drain(c, 1, 100, count_lo, &k);
	}
	rc_test_capture_drain(c, 1, 150, count_lo, &k);
	ASSERT_UINT_EQ(k.seen, want);
	ASSERT_UINT_EQ(k.other, 0);
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.received, want_received);
	ASSERT_UINT_EQ(st.dropped, 0);
	ASSERT_UINT_EQ(st.delivered, want);
	ASSERT_UINT_EQ(st.received, st.delivered + st.dir_discarded + st.filter_discarded);
	rc_capture_close(c);
	close(rx);
}

static void lo_both(int backend)
{
	run_loopback(backend, "lo", RC_CAPTURE_BOTH, 3, 3);
}
RC_TEST_EACH_BACKEND(capture_loopback_delivers_each_packet_once, 30, lo_both)

static void lo_out(int backend)
{
	run_loopback(backend, "lo", RC_CAPTURE_OUT, 0, 3);
}
RC_TEST_EACH_BACKEND(capture_loopback_direction_out_delivers_nothing, 30, lo_out)

static void any_lo(int backend)
{
	run_loopback(backend, "any", RC_CAPTURE_BOTH, 3, 6);
}
RC_TEST_EACH_BACKEND(capture_any_delivers_loopback_packets_once, 30, any_lo)

/* ------------------------------------------------------------ promiscuous */

/* The device's promiscuity count (SIOCGIFFLAGS shows only the flag set by
 * the administrator, not the count packet sockets raise). */
static int if_promisc(const char *ifname)
{
	char *out = NULL;
	int n = -1;
	ASSERT_INT_EQ(rc_test_sh(&out, "ip -d -o link show dev %s", ifname), 0);
	const char *p = strstr(out, "promiscuity ");
	ASSERT_TRUE(p != NULL);
	ASSERT_INT_EQ(sscanf(p, "promiscuity %d", &n), 1);
	free(out);
	return n;
}

struct foreign {
	unsigned seen;
};

static void count_foreign(void *user, const rc_packet *p)
{
	struct foreign *f = user;
	if (rc_test_frame_seq(p->data, p->caplen, 0) < 0)
		return;
	/* The destination is not if_b's address: the stack marks it so. */
	ASSERT_UINT_EQ(p->pkttype, PACKET_OTHERHOST);
	ASSERT_UINT_EQ(p->data[0], 0x02);
	ASSERT_UINT_EQ(p->data[1], 0x99);
	f->seen++;
}

/*
 * A veth has no hardware address filter: frames to a foreign unicast MAC
 * reach the stack (as PACKET_OTHERHOST, dropped later by IP) whether or
 * not the device is promiscuous, so a packet socket sees them either way.
 * Promiscuous mode is checked by its effect on the device flag, which
 * must be set while the handle is active and cleared when it closes.
 */
static void run_promisc(int backend, int promisc)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	ASSERT_INT_EQ(if_promisc(pair.if_b), 0);
	rc_capture *c = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_promisc(c, promisc));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(if_promisc(pair.if_b), promisc);

	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 10,
				  .sizes = sz, .nsizes = 3,
				  .dst = { 0x02, 0x99, 0x00, 0x00, 0x00, 0x01 } };
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), 10);
	struct foreign f = { 0 };
	rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, count_foreign, &f);
	ASSERT_UINT_EQ(f.seen, 10);
	rc_capture_close(c);
	ASSERT_INT_EQ(if_promisc(pair.if_b), 0);
}

static void promisc_on(int backend)
{
	run_promisc(backend, 1);
}
RC_TEST_EACH_BACKEND(capture_promisc_sets_flag_and_sees_foreign_mac, 30, promisc_on)

static void promisc_off(int backend)
{
	run_promisc(backend, 0);
}
RC_TEST_EACH_BACKEND(capture_no_promisc_veth_still_sees_foreign_mac, 30, promisc_off)

/*
 * test_capture_vlan.c - VLAN tags the kernel strips into metadata are put
 * back byte-exact (802.1Q and 802.1ad), or left in metadata on request;
 * and the "any" device's cooked SLL2 headers.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <linux/if_arp.h>
#include <linux/if_packet.h>

static const uint32_t vsz[] = { 64, 300, 1518 };

struct vcheck {
	const struct rc_send_spec *spec;
	int reinsert;
	unsigned next;
	uint8_t want[2048];
};

static void check_vlan(void *user, const rc_packet *p)
{
	struct vcheck *k = user;
	const struct rc_send_spec *s = k->spec;
	uint32_t size = vsz[k->next % 3];
	rc_test_frame(k->want, s, k->next, size);
	if (k->reinsert) {
		/* As on the wire: dst, src, TPID, TCI, EtherType, payload. */
		ASSERT_UINT_EQ(p->len, size);
		ASSERT_UINT_EQ(p->caplen, size);
		ASSERT_MEM_EQ(p->data, k->want, size);
		ASSERT_UINT_EQ(p->flags & RC_PKT_VLAN, 0);
	} else {
		/* Untagged frame, the tag in metadata. */
		ASSERT_UINT_EQ(p->len, size - 4);
		ASSERT_UINT_EQ(p->caplen, size - 4);
		ASSERT_MEM_EQ(p->data, k->want, 12);
		ASSERT_MEM_EQ(p->data + 12, k->want + 16, size - 16);
		ASSERT_UINT_EQ(p->flags & RC_PKT_VLAN, RC_PKT_VLAN);
		ASSERT_UINT_EQ(p->vlan_tci, s->vlan_tci);
		ASSERT_UINT_EQ(p->vlan_tpid, s->vlan_tpid);
	}
	k->next++;
}

static void run_vlan(int backend, uint16_t tpid, uint16_t tci, int reinsert)
{
	struct rc_netns_pair pair;
	/* MTU 1600: the kernel allows a 4-byte tag beyond the MTU only for
	 * 802.1Q when a packet socket sends (packet_extra_vlan_len_allowed). */
	rc_netns_pair_create(&pair, 1600);
	/* Receive offload on: the kernel hands the tag over as metadata. */
	rc_netns_sh(pair.ns_b, "ethtool -K %s rxvlan on txvlan on 2>/dev/null", pair.if_b);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_vlan_reinsert(c, reinsert));
	rc_test_capture_activate(c);

	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 30,
				  .sizes = vsz, .nsizes = 3, .vlan_tpid = tpid, .vlan_tci = tci };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), 30);
	static struct vcheck k;
	k.spec = &s;
	k.reinsert = reinsert;
	k.next = 0;
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 30, RC_TEST_ARRIVAL_MS, check_vlan, &k), 30);
	rc_capture_close(c);
}

static void vlan_8021q(int backend)
{
	run_vlan(backend, 0x8100, 0xa07b, 1); /* PCP 5, DEI 0, VID 123 */
}
RC_TEST_EACH_BACKEND(capture_vlan_8021q_reinserted_byte_exact, 30, vlan_8021q)

static void vlan_8021ad(int backend)
{
	run_vlan(backend, 0x88a8, 0x0064, 1);
}
RC_TEST_EACH_BACKEND(capture_vlan_8021ad_reinserted_byte_exact, 30, vlan_8021ad)

static void vlan_off(int backend)
{
	run_vlan(backend, 0x8100, 0x3005, 0);
}
RC_TEST_EACH_BACKEND(capture_vlan_reinsert_off_keeps_tag_in_metadata, 30, vlan_off)

/* ------------------------------------------------------------------- any */

struct anycheck {
	const struct rc_netns_pair *pair;
	int lo_index;
	unsigned veth_in, lo_in, lo_out, other;
	uint8_t want[2048];
	const struct rc_send_spec *veth_spec, *lo_spec;
};

static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void check_any(void *user, const rc_packet *p)
{
	struct anycheck *k = user;
	ASSERT_UINT_EQ(p->linktype, RC_LINKTYPE_LINUX_SLL2);
	ASSERT_UINT_GE(p->caplen, 20 + 4);
	const uint8_t *h = p->data;
	/* SLL2: protocol, reserved, ifindex, hatype, pkttype, halen, addr. */
	if (h[0] != 0x88 || h[1] != 0xb5) {
		k->other++;
		return;
	}
	ASSERT_UINT_EQ(h[2] | h[3], 0);
	ASSERT_UINT_EQ(be32(h + 4), p->ifindex);
	ASSERT_UINT_EQ(h[10], p->pkttype);
	ASSERT_UINT_EQ(h[11], 6);
	long seq = (long)be32(h + 20);
	const struct rc_send_spec *s = p->ifindex == (uint32_t)k->lo_index ? k->lo_spec : k->veth_spec;
	rc_test_frame(k->want, s, (unsigned)(seq - (long)s->first_seq), 100);
	ASSERT_UINT_EQ(p->len, 20 + 100 - 14);
	ASSERT_UINT_EQ(p->caplen, 20 + 100 - 14);
	ASSERT_MEM_EQ(h + 12, k->want + 6, 6);  /* link address = source MAC */
	ASSERT_MEM_EQ(h + 20, k->want + 14, 100 - 14);
	unsigned hatype = ((unsigned)h[8] << 8) | h[9];
	if (p->ifindex == (uint32_t)k->pair->ifindex_b) {
		ASSERT_UINT_EQ(hatype, ARPHRD_ETHER);
		ASSERT_UINT_EQ(p->pkttype, PACKET_HOST);
		k->veth_in++;
	} else if (p->ifindex == (uint32_t)k->lo_index) {
		ASSERT_UINT_EQ(hatype, ARPHRD_LOOPBACK);
		if (p->pkttype == PACKET_OUTGOING)
			k->lo_out++;
		else
			k->lo_in++;
	} else {
		k->other++;
	}
}

static void any_device(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "ip link set lo up"), 0);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new("any", backend);
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_LINUX_SLL2);
	ASSERT_INT_EQ(rc_capture_ifindex(c), 0);

	static const uint32_t s100[] = { 100 };
	struct rc_send_spec v = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 5,
				  .sizes = s100, .nsizes = 1 };
	memcpy(v.dst, pair.mac_b, 6);
	memcpy(v.src, pair.mac_a, 6);
	struct rc_send_spec l = { .ns = NULL, .ifname = "lo", .count = 5, .first_seq = 500,
				  .sizes = s100, .nsizes = 1 };
	memcpy(l.src, pair.mac_b, 6); /* dst 00:00:00:00:00:00 = lo's address: PACKET_HOST */
	ASSERT_UINT_EQ(rc_send_frames(&v), 5);
	ASSERT_UINT_EQ(rc_send_frames(&l), 5);
	static struct anycheck k;
	k.pair = &pair;
	k.lo_index = rc_netns_ifindex("lo");
	k.veth_spec = &v;
	k.lo_spec = &l;
	/* lo's outgoing copies are discarded: each frame comes back in. */
	rc_test_capture_drain(c, 10, RC_TEST_ARRIVAL_MS, check_any, &k);
	rc_test_capture_drain(c, 1, 150, check_any, &k);
	ASSERT_UINT_EQ(k.veth_in, 5);
	ASSERT_UINT_EQ(k.lo_out, 0);
	ASSERT_UINT_EQ(k.lo_in, 5);
	ASSERT_UINT_EQ(k.other, 0);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_any_sees_every_interface_with_sll2_header, 30, any_device)

/* ------------------------------------------------------- any with a tag */

struct vany {
	const struct rc_send_spec *spec[2]; /* 802.1Q, 802.1ad */
	int ifindex;
	unsigned seen[2], other;
	uint8_t want[2048];
};

/*
 * A tagged frame on "any" with reinsertion on, as libpcap writes it: the
 * SLL2 protocol field holds the TPID (from the metadata, so 0x88a8 too),
 * then TCI and the real EtherType precede the payload.
 */
static void check_vlan_any(void *user, const rc_packet *p)
{
	struct vany *k = user;
	const uint8_t *h = p->data;
	ASSERT_UINT_GE(p->caplen, 20 + 4);
	unsigned proto = ((unsigned)h[0] << 8) | h[1];
	int which = proto == 0x8100 ? 0 : proto == 0x88a8 ? 1 : -1;
	if (which < 0) {
		k->other++;
		return;
	}
	const struct rc_send_spec *s = k->spec[which];
	uint32_t size = vsz[k->seen[which] % 3];
	rc_test_frame(k->want, s, k->seen[which], size);
	ASSERT_UINT_EQ(be32(h + 4), (uint32_t)k->ifindex);
	ASSERT_UINT_EQ(((unsigned)h[8] << 8) | h[9], ARPHRD_ETHER);
	ASSERT_UINT_EQ(h[10], PACKET_HOST);
	/* SLL2 header for the 14-byte Ethernet header; TCI, EtherType and
	 * payload as on the wire after the TPID. */
	ASSERT_UINT_EQ(p->len, 20 + size - 14);
	ASSERT_UINT_EQ(p->caplen, 20 + size - 14);
	ASSERT_MEM_EQ(h + 20, k->want + 14, size - 14);
	ASSERT_UINT_EQ(p->flags & RC_PKT_VLAN, 0);
	k->seen[which]++;
}

static void vlan_any(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1600); /* as run_vlan */
	rc_netns_sh(pair.ns_b, "ethtool -K %s rxvlan on txvlan on 2>/dev/null", pair.if_b);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new("any", backend);
	rc_test_capture_activate(c);

	struct rc_send_spec q = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 6,
				  .sizes = vsz, .nsizes = 3, .vlan_tpid = 0x8100, .vlan_tci = 0xa07b };
	memcpy(q.dst, pair.mac_b, 6);
	memcpy(q.src, pair.mac_a, 6);
	struct rc_send_spec ad = q;
	ad.first_seq = 100;
	ad.vlan_tpid = 0x88a8;
	ad.vlan_tci = 0x0064;
	ASSERT_UINT_EQ(rc_send_frames(&q), 6);
	ASSERT_UINT_EQ(rc_send_frames(&ad), 6);
	static struct vany k;
	k.spec[0] = &q;
	k.spec[1] = &ad;
	k.ifindex = pair.ifindex_b;
	rc_test_capture_drain(c, 12, RC_TEST_ARRIVAL_MS, check_vlan_any, &k);
	ASSERT_UINT_EQ(k.seen[0], 6);
	ASSERT_UINT_EQ(k.seen[1], 6);
	ASSERT_UINT_EQ(k.other, 0);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_any_reinserts_vlan_after_sll2_header, 30, vlan_any)

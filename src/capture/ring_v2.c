/*
 * ring_v2.c - the TPACKET_V2 reader (frame layout drawn in ring.c).
 *
 * c->cur is the next frame to look at.  The frames of the last batch,
 * [held_first, held_first + held_count) modulo frame_nr, stay ours until
 * the next read call gives them back in order.  A batch is capped so that
 * held frames never wrap onto themselves.
 *
 * A frame whose header breaks the ABI rules (packet bytes overlapping the
 * header or running past the frame, tp_snaplen > tp_len - the checks of
 * ring_v3_walk.h) is held and given back like a delivered one but not
 * delivered; it is counted in c->bad_slots and a warning names it, as
 * ring_v3.c does for a bad block.  The packets around it are delivered.
 */
#include "capture/ring.h"

#include "util/errmsg.h"

static struct tpacket2_hdr *frame_at(const rc_capture *c, uint32_t i)
{
	uint32_t per_block = c->block_size / c->frame_size;
	size_t off = (size_t)(i / per_block) * c->block_size + (size_t)(i % per_block) * c->frame_size;
	return (struct tpacket2_hdr *)(void *)(c->map + off);
}

static void v2_release(rc_capture *c)
{
	for (uint32_t k = 0; k < c->held_count; k++) {
		struct tpacket2_hdr *h = frame_at(c, (c->held_first + k) % c->frame_nr);
		rc__slot_give_back(&h->tp_status);
		if (c->recheck_slots)
			c->recheck_slots--;
	}
	c->held_count = 0;
}

static void note_bad_frame(rc_capture *c, const struct tpacket2_hdr *h)
{
	c->bad_slots++;
	rc__errf(c->warn, 0,
		 "%s: TPACKET_V2 frame %u: broken header (tp_mac %u, tp_snaplen %u, tp_len %u), "
		 "frame skipped (%llu such frames)",
		 rc__capture_devname(c), c->cur, h->tp_mac, h->tp_snaplen, h->tp_len,
		 (unsigned long long)c->bad_slots);
}

/* The frame a checked header h with status st describes. */
static inline void v2_frame(struct tpacket2_hdr *h, uint32_t st, struct rc__frame *f)
{
	f->mac = (uint8_t *)h + h->tp_mac;
	f->caplen = h->tp_snaplen;
	f->len = h->tp_len;
	f->status = st;
	f->ts_nsec = (uint64_t)h->tp_sec * 1000000000u + h->tp_nsec;
	f->vlan_tci = h->tp_vlan_tci;
	f->vlan_tpid = h->tp_vlan_tpid;
	f->sll = (const struct sockaddr_ll *)(const void *)((uint8_t *)h + RC__V2_SLL_OFF);
}

static int v2_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	size_t n = 0;
	struct rc__fill k;
	rc__fill_init(&k, c);

	if (c->held_count == 0)
		c->held_first = c->cur;
	while (n < max && c->held_count < c->frame_nr) {
		struct tpacket2_hdr *h = frame_at(c, c->cur);
		uint32_t st = rc__slot_status(&h->tp_status);
		if (!(st & TP_STATUS_USER))
			break;
		int bad = h->tp_mac < RC__TPACKET2_HDRLEN + c->headroom ||
			  (size_t)h->tp_mac + h->tp_snaplen > c->frame_size ||
			  h->tp_snaplen > h->tp_len;
		if (bad)
			note_bad_frame(c, h);
		c->held_count++;
		c->cur = (c->cur + 1) % c->frame_nr;
		c->progress = 1;
		if (bad)
			continue;
		struct rc__frame f;
		v2_frame(h, st, &f);
		n += (size_t)rc__deliver_fast(c, &k, &f, &pkts[n]);
	}
	return (int)n;
}

static int v2_setup(rc_capture *c)
{
	c->bad_slots = 0;
	return rc__ring_setup(c, TPACKET_V2);
}

static void v2_frame_again(const rc_capture *c, size_t i, struct rc__frame *f)
{
	struct tpacket2_hdr *h =
		(struct tpacket2_hdr *)(void *)((uint8_t *)(uintptr_t)c->stash_sll[i] - RC__V2_SLL_OFF);
	v2_frame(h, h->tp_status, f);
}

const struct rc__backend rc__backend_v2 = {
	.name = "TPACKET_V2",
	.id = RC_BACKEND_TPACKET_V2,
	.packet_version = TPACKET_V2,
	.setup = v2_setup,
	.teardown = rc__ring_teardown,
	.read = v2_read,
	.release = v2_release,
	.frame_again = v2_frame_again,
	.kstats = rc__ring_kstats,
};

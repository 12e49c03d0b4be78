/*
 * ring_v3.c - the TPACKET_V3 reader (block layout drawn in ring.c and
 * ring_v3_walk.h).
 *
 * State: c->cur is the block we read or wait for.  When its status turns
 * TP_STATUS_USER we walk its packets with rc__v3_walk_next (the walk
 * position lives in c->pkt_off / c->pkt_left between calls).  A batch
 * never spans two blocks; when the last packet of a block went into a
 * batch the block is marked release_blk and given back at the start of
 * the next read call (the caller's rc_packet.data still point into it
 * until then).  A block whose every packet was discarded is given back at
 * once.
 *
 * Cost per block: one acquire load of block_status when we take it, one
 * release store when we give it back; nothing atomic per packet.
 *
 * A header that breaks the ABI rules (ring_v3_walk.h) ends the walk of
 * its block: the packets before it are delivered, the block is counted in
 * c->bad_slots, a warning names it, and the capture goes on with the next
 * block - a wild offset never turns into a wild read.
 */
#include "capture/ring.h"
#include "capture/ring_v3_walk.h"

#include "util/errmsg.h"

static struct tpacket_block_desc *block_at(const rc_capture *c, uint32_t i)
{
	return (struct tpacket_block_desc *)(void *)(c->map + (size_t)i * c->block_size);
}

static void v3_release(rc_capture *c)
{
	if (!c->release_blk)
		return;
	struct tpacket_block_desc *b = block_at(c, c->cur);
	rc__slot_give_back(&b->hdr.bh1.block_status);
	c->release_blk = 0;
	c->blk_open = 0;
	c->cur = c->cur + 1 == c->block_nr ? 0 : c->cur + 1;
	if (c->recheck_slots)
		c->recheck_slots--;
}

static void note_bad_block(rc_capture *c)
{
	c->bad_slots++;
	rc__errf(c->warn, 0,
		 "%s: TPACKET_V3 block %u: packet header outside the block, rest of the block "
		 "skipped (%llu such blocks)",
		 rc__capture_devname(c), c->cur, (unsigned long long)c->bad_slots);
}

static int v3_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	size_t n = 0;
	struct rc__fill k;
	rc__fill_init(&k, c);

	while (n < max) {
		struct tpacket_block_desc *b = block_at(c, c->cur);
		struct rc__v3_walk w;
		if (!c->blk_open) {
			if (!(rc__slot_status(&b->hdr.bh1.block_status) & TP_STATUS_USER))
				break;
			c->blk_open = 1;
			if (rc__v3_walk_open(&w, (uint8_t *)b, c->block_size, c->headroom) < 0)
				note_bad_block(c);
		} else {
			rc__v3_walk_at(&w, (uint8_t *)b, c->block_size, c->headroom);
			w.off = c->pkt_off;
			w.left = c->pkt_left;
		}
		c->progress = 1;
		struct rc__frame f;
		int r = 0;
		while (n < max && (r = rc__v3_walk_next(&w, &f)) > 0)
			n += (size_t)rc__deliver_fast(c, &k, &f, &pkts[n]);
		if (r < 0)
			note_bad_block(c);
		c->pkt_off = w.off;
		c->pkt_left = w.left;
		if (w.left)
			break; /* batch full */
		c->release_blk = 1;
		if (n)
			break; /* one block per batch */
		v3_release(c);
	}
	return (int)n;
}

/*
 * The block we wait for is the one the kernel fills (blocks go round in
 * order).  tpacket_rcv raises its num_pkts under the queue lock before it
 * copies the packet, and the retire timer closes a block that has any
 * (net/packet/af_packet.c, prb_retire_rx_blk_timer_expired) - also after
 * the device went away, the timer belongs to the ring.
 */
static int v3_kernel_holds(const rc_capture *c)
{
	const struct tpacket_block_desc *b = block_at(c, c->cur);
	if (c->blk_open || (rc__slot_status(&b->hdr.bh1.block_status) & TP_STATUS_USER))
		return 0; /* ours: the next read takes it */
	return __atomic_load_n(&b->hdr.bh1.num_pkts, __ATOMIC_RELAXED) != 0;
}

static int v3_setup(rc_capture *c)
{
	c->bad_slots = 0;
	return rc__ring_setup(c, TPACKET_V3);
}

static void v3_frame_again(const rc_capture *c, size_t i, struct rc__frame *f)
{
	rc__v3_frame((uint8_t *)(uintptr_t)c->stash_sll[i] - RC__V3_SLL_OFF, f);
}

const struct rc__backend rc__backend_v3 = {
	.name = "TPACKET_V3",
	.id = RC_BACKEND_TPACKET_V3,
	.packet_version = TPACKET_V3,
	.setup = v3_setup,
	.teardown = rc__ring_teardown,
	.read = v3_read,
	.release = v3_release,
	.frame_again = v3_frame_again,
	.kstats = rc__ring_kstats,
	.kernel_holds = v3_kernel_holds,
};

/*
 * ring_v3.c - the TPACKET_V3 reader (block layout drawn in ring.c).
 *
 * State: c->cur is the block we read or wait for.  When its status turns
 * TP_STATUS_USER we walk its num_pkts packets through tp_next_offset.  A
 * batch never spans two blocks; when the last packet of a block went into
 * a batch the block is marked release_blk and given back at the start of
 * the next read call (the caller's rc_packet.data still point into it
 * until then).  A block whose every packet was discarded is given back at
 * once.
 *
 * Offsets written by the kernel are still checked against the block
 * bounds: a broken ring gives RC_EIO, never a wild read.
 */
#include "capture/ring.h"

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
	c->cur = (c->cur + 1) % c->block_nr;
	if (c->recheck_slots)
		c->recheck_slots--;
}

static int corrupt(rc_capture *c, const char *what)
{
	return rc__errf(c->err, RC_EIO, "%s: TPACKET_V3 block %u: %s",
			c->device[0] ? c->device : "any", c->cur, what);
}

static int v3_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	size_t n = 0;

	while (n < max) {
		struct tpacket_block_desc *b = block_at(c, c->cur);
		uint8_t *base = (uint8_t *)b;
		if (!c->blk_open) {
			if (!(rc__slot_status(&b->hdr.bh1.block_status) & TP_STATUS_USER))
				break;
			uint32_t first = b->hdr.bh1.offset_to_first_pkt;
			if (b->hdr.bh1.num_pkts && (first < sizeof(*b) || first >= c->block_size))
				return corrupt(c, "first packet offset out of block");
			c->blk_open = 1;
			c->pkt_left = b->hdr.bh1.num_pkts;
			c->pkt_next = base + first;
		}
		while (c->pkt_left && n < max) {
			struct tpacket3_hdr *h = (struct tpacket3_hdr *)(void *)c->pkt_next;
			size_t off = (size_t)(c->pkt_next - base);
			if (off + TPACKET3_HDRLEN > c->block_size ||
			    h->tp_mac < TPACKET3_HDRLEN + RC__HEADROOM ||
			    off + h->tp_mac + (size_t)h->tp_snaplen > c->block_size)
				return corrupt(c, "packet outside block");
			c->pkt_left--;
			if (c->pkt_left) {
				if (h->tp_next_offset == 0 ||
				    off + h->tp_next_offset + TPACKET3_HDRLEN > c->block_size)
					return corrupt(c, "next packet offset out of block");
				c->pkt_next += h->tp_next_offset;
			}
			c->progress = 1;
			struct rc__frame f = {
				.mac = (uint8_t *)h + h->tp_mac,
				.caplen = h->tp_snaplen,
				.len = h->tp_len,
				.status = h->tp_status,
				.ts_nsec = (uint64_t)h->tp_sec * 1000000000u + h->tp_nsec,
				.vlan_tci = h->hv1.tp_vlan_tci,
				.vlan_tpid = h->hv1.tp_vlan_tpid,
				.sll = (const struct sockaddr_ll *)(const void *)((uint8_t *)h +
					TPACKET_ALIGN(sizeof(struct tpacket3_hdr))),
			};
			n += (size_t)rc__capture_deliver(c, &f, &pkts[n]);
		}
		if (c->pkt_left)
			break; /* batch full */
		c->release_blk = 1;
		if (n)
			break; /* one block per batch */
		v3_release(c);
	}
	return (int)n;
}

static int v3_setup(rc_capture *c)
{
	return rc__ring_setup(c, TPACKET_V3);
}

const struct rc__backend rc__backend_v3 = {
	.name = "TPACKET_V3",
	.id = RC_BACKEND_TPACKET_V3,
	.packet_version = TPACKET_V3,
	.setup = v3_setup,
	.teardown = rc__ring_teardown,
	.read = v3_read,
	.release = v3_release,
	.kstats = rc__ring_kstats,
};

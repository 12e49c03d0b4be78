/*
 * ring_v3_walk.h - the walk over the packets of one TPACKET_V3 block,
 * shared by the V3 back-end (ring_v3.c) and its fuzz target
 * (fuzz/fuzz_ring_v3.c), so that what is fuzzed is what runs.
 *
 * Block layout (kernel Documentation/networking/packet_mmap.rst,
 * include/uapi/linux/if_packet.h, net/packet/af_packet.c):
 *
 *   +0                   tpacket_block_desc { version, offset_to_priv,
 *                          bh1 { block_status, num_pkts,
 *                                offset_to_first_pkt, blk_len, ... } }
 *   +offset_to_first_pkt tpacket3_hdr (48 bytes, TPACKET_ALIGN'ed)
 *   +48                  sockaddr_ll (20 bytes)  -> TPACKET3_HDRLEN = 68
 *   ...                  gap, PACKET_RESERVE headroom (c->headroom)
 *   +tp_mac              tp_snaplen packet bytes
 *   +tp_next_offset      next tpacket3_hdr ... (num_pkts headers in all)
 *
 * The kernel is trusted, but ringcap assumes no more than the ABI says:
 * every header must lie inside the block, 4-byte aligned (its fields are
 * u32), its packet bytes and the headroom in front of them (which deliver
 * rewrites in place) must lie inside the block after the header, and the
 * next header must start after the packet bytes (af_packet.c sets
 * tp_next_offset = TOTAL_PKT_LEN_INCL_ALIGN(tp_mac + tp_snaplen)), so a
 * rewrite of one packet's headroom never touches a packet already handed
 * out.  tp_snaplen > tp_len is also refused (af_packet never does it).
 * The first header that breaks a rule stops the walk: the caller counts
 * the block as inconsistent and gives it back.  Every step moves forward
 * by at least TPACKET3_HDRLEN bytes, so a walk takes at most
 * block_size / 68 steps whatever num_pkts says.
 *
 * Everything is static inline: the back-end's per-packet loop has no
 * function call of its own.  Offsets are uint64_t so that no sum of two
 * 32-bit kernel values can wrap.
 */
#ifndef RC_CAPTURE_RING_V3_WALK_H
#define RC_CAPTURE_RING_V3_WALK_H

#include <stdint.h>

#include "capture/capture_int.h"
#include "ringcap/error.h"

/* Packets ahead whose lines rc__v3_walk_next prefetches (bench_capture:
 * 16 at least as good as 8 for 64-byte and 1514-byte frames; 4 too few
 * for 1514-byte ones, 54 vs 37 ns/packet). */
#define RC__V3_AHEAD 16u

/* Offset that no header can have: the next step fails. */
#define RC__V3_BAD_OFF UINT64_MAX

struct rc__v3_walk {
	uint8_t *blk;
	uint64_t size;    /* block bytes */
	uint64_t off;     /* offset of the next header */
	uint64_t min_mac; /* TPACKET3_HDRLEN + the headroom deliver may rewrite */
	uint32_t left;    /* headers still to read (num_pkts) */
};

/* The block of size bytes at blk, whose packets have headroom bytes
 * (PACKET_RESERVE) in front of them; alone, for a walk resumed at a saved
 * offset (ring_v3.c). */
static inline void rc__v3_walk_at(struct rc__v3_walk *w, uint8_t *blk, uint64_t size,
				  uint32_t headroom)
{
	w->blk = blk;
	w->size = size;
	w->min_mac = RC__TPACKET3_HDRLEN + (uint64_t)headroom;
}

/*
 * rc__v3_walk_open - start walking the block of size bytes at blk (4-byte
 * aligned), whose packets have headroom bytes in front of them.  Returns 0
 * (w->left packets to read, maybe 0) or RC_EIO when the block descriptor
 * itself is inconsistent (nothing to read).
 */
static inline int rc__v3_walk_open(struct rc__v3_walk *w, uint8_t *blk, uint64_t size,
				   uint32_t headroom)
{
	rc__v3_walk_at(w, blk, size, headroom);
	w->off = RC__V3_BAD_OFF;
	w->left = 0;
	if (size < sizeof(struct tpacket_block_desc))
		return RC_EIO;
	const struct tpacket_block_desc *b = (const struct tpacket_block_desc *)(const void *)blk;
	uint32_t n = b->hdr.bh1.num_pkts;
	uint64_t first = b->hdr.bh1.offset_to_first_pkt;
	if (n == 0)
		return 0;
	if (first < sizeof(*b) || (first & 3u) || first + RC__TPACKET3_HDRLEN > size)
		return RC_EIO;
	w->off = first;
	w->left = n;
	return 0;
}

/* The frame described by the (checked) packet header at hp. */
static inline void rc__v3_frame(uint8_t *hp, struct rc__frame *f)
{
	const struct tpacket3_hdr *h = (const struct tpacket3_hdr *)(const void *)hp;
	f->mac = hp + h->tp_mac;
	f->caplen = h->tp_snaplen;
	f->len = h->tp_len;
	f->status = h->tp_status;
	f->ts_nsec = (uint64_t)h->tp_sec * 1000000000u + h->tp_nsec;
	f->vlan_tci = (uint16_t)h->hv1.tp_vlan_tci; /* a u32 field holding a 16-bit TCI */
	f->vlan_tpid = h->hv1.tp_vlan_tpid;
	f->sll = (const struct sockaddr_ll *)(const void *)(hp + RC__V3_SLL_OFF);
}

/*
 * rc__v3_walk_next - the next packet of the block into *f.  Returns 1 (f
 * filled), 0 (no packet left) or RC_EIO (the header at w->off breaks a
 * rule above; w->left is 0 afterwards, f untouched).
 */
static inline int rc__v3_walk_next(struct rc__v3_walk *w, struct rc__frame *f)
{
	if (w->left == 0)
		return 0;
	uint64_t off = w->off;
	if ((off & 3u) || off > w->size || w->size - off < RC__TPACKET3_HDRLEN)
		goto bad;
	uint8_t *hp = w->blk + off;
	const struct tpacket3_hdr *h = (const struct tpacket3_hdr *)(const void *)hp;
	uint64_t mac = h->tp_mac, snap = h->tp_snaplen;
	if (mac < w->min_mac || off + mac + snap > w->size ||
	    snap > h->tp_len)
		goto bad;
	if (--w->left) {
		uint64_t next = h->tp_next_offset;
		/* Checked in full (bounds, alignment) by the next call; here
		 * only what needs this header: past our packet bytes. */
		w->off = next >= mac + snap ? off + next : RC__V3_BAD_OFF;
		/*
		 * The kernel wrote this block on another CPU, so every line
		 * we touch misses our caches, and following tp_next_offset
		 * one header at a time would pay a full miss per packet.
		 * Packets of a burst tend to have the same size, so guess
		 * that the header RC__V3_AHEAD packets on is at
		 * off + RC__V3_AHEAD * next and prefetch its header, the
		 * end of its sockaddr_ll and its first packet byte - the
		 * lines deliver and a typical handler read.  A wrong guess
		 * costs one useless prefetch (which never faults); offsets
		 * are checked against the block anyway.  bench_capture,
		 * capturer CPU per packet: 64 B frames ~30 -> ~17 ns,
		 * 1514 B ~90 -> ~35 ns (docs/capture.md, "Where the CPU
		 * goes").
		 */
		uint64_t ahead = off + next * RC__V3_AHEAD;
		if (ahead + mac < w->size) {
			__builtin_prefetch(w->blk + ahead);
			__builtin_prefetch(w->blk + ahead + RC__TPACKET3_HDRLEN - 1);
			__builtin_prefetch(w->blk + ahead + mac);
		}
	}
	rc__v3_frame(hp, f);
	return 1;
bad:
	w->left = 0;
	return RC_EIO;
}

#endif /* RC_CAPTURE_RING_V3_WALK_H */

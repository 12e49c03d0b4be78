/*
 * test_capture_walker.c - the TPACKET_V3 block walk (ring_v3_walk.h) on
 * synthetic blocks, valid and hostile: every packet of a valid block,
 * and a stop at the first inconsistent header - never a read outside the
 * block.  Each block is its own heap allocation of exactly the block size,
 * so under AddressSanitizer an over-read fails the test.  No root needed.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "capture/ring_v3_walk.h"

/* Where af_packet puts the MAC header for a raw socket with its
 * PACKET_RESERVE (RC__HEADROOM_RAW): TPACKET_ALIGN(68 + 16) + 4 - 14. */
#define MAC_OFF 86u

struct blk {
	uint8_t *p;
	uint32_t size;
	uint32_t end; /* where the next packet header goes */
	uint32_t last; /* offset of the last header written */
	uint32_t n;
};

static void blk_init(struct blk *b, uint32_t size)
{
	b->p = calloc(1, size);
	b->size = size;
	b->end = sizeof(struct tpacket_block_desc);
	b->last = 0;
	b->n = 0;
	struct tpacket_block_desc *d = (struct tpacket_block_desc *)(void *)b->p;
	d->version = TPACKET_V3;
	d->hdr.bh1.block_status = TP_STATUS_USER;
	d->hdr.bh1.offset_to_first_pkt = b->end;
}

static struct tpacket3_hdr *hdr_at(struct blk *b, uint32_t off)
{
	return (struct tpacket3_hdr *)(void *)(b->p + off);
}

/* Append a packet as af_packet would: header, sockaddr_ll, bytes. */
static void blk_add(struct blk *b, uint32_t snaplen, uint32_t len, uint8_t fill)
{
	struct tpacket3_hdr *h = hdr_at(b, b->end);
	if (b->n)
		hdr_at(b, b->last)->tp_next_offset = b->end - b->last;
	h->tp_sec = 1700000000u;
	h->tp_nsec = 123456789u + b->n;
	h->tp_snaplen = snaplen;
	h->tp_len = len;
	h->tp_status = TP_STATUS_USER;
	h->tp_mac = MAC_OFF;
	h->tp_net = MAC_OFF + 14;
	struct sockaddr_ll *sll = (struct sockaddr_ll *)(void *)((uint8_t *)h + 48);
	sll->sll_ifindex = 7;
	sll->sll_pkttype = PACKET_HOST;
	memset((uint8_t *)h + MAC_OFF, fill, snaplen);
	b->last = b->end;
	b->end += TPACKET_ALIGN(MAC_OFF + snaplen);
	b->n++;
	((struct tpacket_block_desc *)(void *)b->p)->hdr.bh1.num_pkts = b->n;
}

static struct tpacket_block_desc *desc(struct blk *b)
{
	return (struct tpacket_block_desc *)(void *)b->p;
}

/* Walk the whole block: frames read, and the final status (0 or RC_EIO). */
static int walk_all(struct blk *b, uint32_t *frames, uint64_t *bytes)
{
	struct rc__v3_walk w;
	struct rc__frame f;
	*frames = 0;
	*bytes = 0;
	int r = rc__v3_walk_open(&w, b->p, b->size, RC__HEADROOM_RAW);
	if (r < 0)
		return r;
	while ((r = rc__v3_walk_next(&w, &f)) > 0) {
		(*frames)++;
		for (uint32_t i = 0; i < f.caplen; i++)
			*bytes += f.mac[i];
	}
	return r;
}

TEST(capture_walker_valid_block_gives_every_packet)
{
	struct blk b;
	blk_init(&b, 4096);
	blk_add(&b, 64, 64, 1);
	blk_add(&b, 100, 1514, 2);
	blk_add(&b, 60, 60, 3);
	struct rc__v3_walk w;
	struct rc__frame f;
	ASSERT_INT_EQ(rc__v3_walk_open(&w, b.p, b.size, RC__HEADROOM_RAW), 0);
	ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 1);
	ASSERT_UINT_EQ(f.caplen, 64);
	ASSERT_UINT_EQ(f.mac[0], 1);
	ASSERT_UINT_EQ(f.ts_nsec, 1700000000123456789ull);
	ASSERT_INT_EQ(f.sll->sll_ifindex, 7);
	ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 1);
	ASSERT_UINT_EQ(f.caplen, 100);
	ASSERT_UINT_EQ(f.len, 1514);
	ASSERT_UINT_EQ(f.mac[99], 2);
	ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 1);
	ASSERT_UINT_EQ(f.caplen, 60);
	ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 0);
	ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 0);
	free(b.p);
}

TEST(capture_walker_empty_block_gives_nothing)
{
	struct blk b;
	blk_init(&b, 256);
	desc(&b)->hdr.bh1.offset_to_first_pkt = 0xffffffffu; /* unused when empty */
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), 0);
	ASSERT_UINT_EQ(n, 0);
	free(b.p);
}

TEST(capture_walker_refuses_bad_first_offset)
{
	static const uint32_t bad[] = { 0, 47, 50, 4096 - 67, 4096, 0xffffffffu };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct blk b;
		blk_init(&b, 4096);
		blk_add(&b, 64, 64, 1);
		desc(&b)->hdr.bh1.offset_to_first_pkt = bad[i];
		uint32_t n;
		uint64_t bytes;
		ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
		ASSERT_UINT_EQ(n, 0);
		free(b.p);
	}
}

TEST(capture_walker_block_smaller_than_descriptor)
{
	uint8_t *p = calloc(1, 40);
	struct rc__v3_walk w;
	ASSERT_INT_EQ(rc__v3_walk_open(&w, p, 40, RC__HEADROOM_RAW), RC_EIO);
	free(p);
}

TEST(capture_walker_huge_num_pkts_stops_at_block_end)
{
	struct blk b;
	blk_init(&b, 1024);
	blk_add(&b, 64, 64, 1);
	blk_add(&b, 64, 64, 2);
	/* The last header says "no next" (0): a lying num_pkts makes the
	 * walk re-read the same header forever unless offset 0 is refused. */
	desc(&b)->hdr.bh1.num_pkts = 0xffffffffu;
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 2);
	free(b.p);
}

TEST(capture_walker_stops_at_next_offset_out_of_block)
{
	static const uint32_t bad[] = { 1024, 1024 - 48, 0x7fffffffu, 0xfffffff0u };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct blk b;
		blk_init(&b, 1024);
		blk_add(&b, 64, 64, 1);
		blk_add(&b, 64, 64, 2);
		hdr_at(&b, 48)->tp_next_offset = bad[i];
		uint32_t n;
		uint64_t bytes;
		ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
		ASSERT_UINT_EQ(n, 1); /* the packet before the bad link is fine */
		free(b.p);
	}
}

TEST(capture_walker_stops_at_next_header_inside_packet)
{
	struct blk b;
	blk_init(&b, 1024);
	blk_add(&b, 64, 64, 1);
	blk_add(&b, 64, 64, 2);
	/* Pointing back into our own packet bytes (or unaligned) would let
	 * deliver's headroom rewrite hit a packet already handed out. */
	hdr_at(&b, 48)->tp_next_offset = MAC_OFF + 32;
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 1);
	hdr_at(&b, 48)->tp_next_offset = TPACKET_ALIGN(MAC_OFF + 64) + 2;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 1);
	free(b.p);
}

TEST(capture_walker_refuses_packet_bytes_outside_block)
{
	struct blk b;
	blk_init(&b, 512);
	blk_add(&b, 64, 64, 1);
	struct tpacket3_hdr *h = hdr_at(&b, 48);
	h->tp_snaplen = 512 - 48 - MAC_OFF + 1; /* one byte past the end */
	h->tp_len = h->tp_snaplen;
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 0);
	h->tp_snaplen = 512 - 48 - MAC_OFF; /* exactly to the end: fine */
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), 0);
	ASSERT_UINT_EQ(n, 1);
	h->tp_mac = 0xffff; /* mac beyond the block */
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	h->tp_mac = 40; /* inside the header: no headroom */
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	h->tp_mac = MAC_OFF;
	h->tp_snaplen = 0xffffffffu;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	free(b.p);
}

/* The packet must leave the handle's headroom free behind the sockaddr_ll
 * (deliver writes there): a raw socket reserves 4 bytes, a cooked one 24. */
TEST(capture_walker_headroom_is_the_handles)
{
	static const uint32_t headroom[] = { RC__HEADROOM_RAW, RC__HEADROOM };
	for (size_t i = 0; i < 2; i++) {
		struct blk b;
		blk_init(&b, 512);
		blk_add(&b, 64, 64, 1);
		struct tpacket3_hdr *h = hdr_at(&b, 48);
		struct rc__v3_walk w;
		struct rc__frame f;
		h->tp_mac = (uint32_t)(RC__TPACKET3_HDRLEN + headroom[i]);
		ASSERT_INT_EQ(rc__v3_walk_open(&w, b.p, b.size, headroom[i]), 0);
		ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), 1);
		ASSERT_TRUE(f.mac == b.p + 48 + h->tp_mac);
		h->tp_mac--;
		ASSERT_INT_EQ(rc__v3_walk_open(&w, b.p, b.size, headroom[i]), 0);
		ASSERT_INT_EQ(rc__v3_walk_next(&w, &f), RC_EIO);
		free(b.p);
	}
}

TEST(capture_walker_refuses_snaplen_above_wire_length)
{
	struct blk b;
	blk_init(&b, 512);
	blk_add(&b, 64, 60, 1);
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 0);
	free(b.p);
}

TEST(capture_walker_header_cut_by_block_end)
{
	/* A second header that starts 20 bytes before the end of the block. */
	struct blk b;
	blk_init(&b, 256);
	blk_add(&b, 64, 64, 1);
	hdr_at(&b, 48)->tp_next_offset = 256 - 48 - 20;
	desc(&b)->hdr.bh1.num_pkts = 2;
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), RC_EIO);
	ASSERT_UINT_EQ(n, 1);
	free(b.p);
}

TEST(capture_walker_full_block_of_small_packets)
{
	struct blk b;
	blk_init(&b, 64 * 1024);
	uint32_t want = 0;
	uint64_t want_bytes = 0;
	while (b.end + TPACKET_ALIGN(MAC_OFF + 60) <= b.size) {
		blk_add(&b, 60, 60, (uint8_t)want);
		want_bytes += 60ull * (uint8_t)want;
		want++;
	}
	uint32_t n;
	uint64_t bytes;
	ASSERT_INT_EQ(walk_all(&b, &n, &bytes), 0);
	ASSERT_UINT_EQ(n, want);
	ASSERT_UINT_EQ(bytes, want_bytes);
	free(b.p);
}

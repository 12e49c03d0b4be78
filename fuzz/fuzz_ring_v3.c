/*
 * fuzz_ring_v3.c - libFuzzer target for the TPACKET_V3 block walk
 * (src/capture/ring_v3_walk.h), the code the V3 back-end runs on every
 * block the kernel hands over.
 *
 * Input: byte 0 picks the block size (0 = the input's length, else
 * 256 * byte 0 bytes) and, by its low bit, the headroom in front of each
 * packet (set: a raw socket's RC__HEADROOM_RAW, clear: RC__HEADROOM); the
 * rest is the block image itself, zero padded or cut to that size.  So
 * num_pkts, offset_to_first_pkt, tp_next_offset, tp_mac, tp_snaplen and
 * tp_len all come straight from the input.  The
 * block sits in its own heap allocation of exactly block size bytes, so
 * AddressSanitizer reports any read past its end; every frame the walk
 * returns has all its bytes, its sockaddr_ll and its headroom read (as
 * deliver reads and rewrites them).  Invariants checked with
 * __builtin_trap: frames inside the block and in increasing order,
 * caplen <= len, no more frames than num_pkts or than block_size / 68.
 * Seeds: fuzz/corpus/ring_v3/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "capture/ring_v3_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile uint8_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t blk_size = data[0] ? (size_t)data[0] * 256u : size - 1;
	uint32_t headroom = (data[0] & 1u) ? RC__HEADROOM_RAW : RC__HEADROOM;
	data++;
	size--;
	uint8_t *blk = malloc(blk_size ? blk_size : 1);
	if (!blk)
		return 0;
	memset(blk, 0, blk_size);
	memcpy(blk, data, size < blk_size ? size : blk_size);

	struct rc__v3_walk w;
	uint32_t num = blk_size >= sizeof(struct tpacket_block_desc)
			       ? ((struct tpacket_block_desc *)(void *)blk)->hdr.bh1.num_pkts
			       : 0;
	if (rc__v3_walk_open(&w, blk, blk_size, headroom) == 0) {
		struct rc__frame f;
		uint64_t frames = 0;
		const uint8_t *prev_end = blk;
		int r;
		while ((r = rc__v3_walk_next(&w, &f)) > 0) {
			frames++;
			const uint8_t *hdr = (const uint8_t *)f.sll - 48;
			if (hdr < prev_end || f.mac - headroom < hdr + TPACKET3_HDRLEN ||
			    f.mac + f.caplen > blk + blk_size || f.caplen > f.len ||
			    frames > num || frames > blk_size / TPACKET3_HDRLEN)
				__builtin_trap();
			prev_end = f.mac + f.caplen;
			uint8_t acc = f.sll->sll_pkttype ^ f.sll->sll_halen ^ f.sll->sll_addr[7];
			for (uint32_t i = 0; i < f.caplen; i++)
				acc ^= f.mac[i];
			for (uint32_t i = 1; i <= headroom; i++)
				acc ^= f.mac[-(ptrdiff_t)i];
			sink = acc;
		}
		if (r == 0 && frames != num)
			__builtin_trap(); /* a clean end means every header was read */
	}
	free(blk);
	return 0;
}

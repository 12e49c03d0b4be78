/*
 * rcb_ring.h - a bare TPACKET_V3 ring for the benchmarks' floors
 * (bench_capture's "floor: bare ring walk", rcb_floor_capture): open it on
 * an interface, wait for the next block the kernel handed over, give it
 * back.  No checks of the kernel's offsets and no VLAN or direction
 * handling - the point is to measure what is left without them.  The
 * callers walk each block's packets themselves, with ringcap's prefetch
 * (RCB_RING_AHEAD).  Header-only, like rcb_netns.h, because each bench .c
 * file is a program of its own.
 */
#ifndef RCB_RING_H
#define RCB_RING_H

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

/* Headers prefetched ahead, as RC__V3_AHEAD (src/capture/ring_v3_walk.h). */
#define RCB_RING_AHEAD 16u

struct rcb_ring {
	int fd;
	uint8_t *map;
	uint32_t block, nblocks, cur;
};

/* nblocks blocks of block bytes on interface ifname, retire timeout tov_ms.
 * 0, or -1 with errno set and nothing left open. */
static inline int rcb_ring_open(struct rcb_ring *r, const char *ifname, uint32_t block,
				uint32_t nblocks, unsigned tov_ms)
{
	memset(r, 0, sizeof(*r));
	r->block = block;
	r->nblocks = nblocks;
	r->map = MAP_FAILED;
	r->fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	int v = TPACKET_V3;
	/* V3 ignores the frame size but checks frames_per_block * block_nr */
	struct tpacket_req3 req = { .tp_block_size = block, .tp_block_nr = nblocks,
				    .tp_frame_size = block, .tp_frame_nr = nblocks,
				    .tp_retire_blk_tov = tov_ms };
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL),
				   .sll_ifindex = (int)if_nametoindex(ifname) };
	if (r->fd >= 0 && sll.sll_ifindex != 0 &&
	    setsockopt(r->fd, SOL_PACKET, PACKET_VERSION, &v, sizeof(v)) == 0 &&
	    setsockopt(r->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req)) == 0 &&
	    (r->map = mmap(NULL, (size_t)block * nblocks, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_POPULATE, r->fd, 0)) != MAP_FAILED &&
	    bind(r->fd, (struct sockaddr *)&sll, sizeof(sll)) == 0)
		return 0;
	int e = sll.sll_ifindex == 0 ? ENODEV : errno;
	if (r->map != MAP_FAILED)
		munmap(r->map, (size_t)block * nblocks);
	if (r->fd >= 0)
		close(r->fd);
	errno = e;
	return -1;
}

/* The next block, once the kernel has handed it over; NULL after waiting
 * up to timeout_ms for it (a signal, a timeout: the caller looks at its
 * own stop condition and asks again). */
static inline struct tpacket_block_desc *rcb_ring_next(struct rcb_ring *r, int timeout_ms)
{
	struct tpacket_block_desc *b = (void *)(r->map + (size_t)r->cur * r->block);
	if (__atomic_load_n(&b->hdr.bh1.block_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER)
		return b;
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	poll(&p, 1, timeout_ms);
	return NULL;
}

/* Give the block rcb_ring_next returned back to the kernel. */
static inline void rcb_ring_release(struct rcb_ring *r, struct tpacket_block_desc *b)
{
	__atomic_store_n(&b->hdr.bh1.block_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
	r->cur = r->cur + 1 == r->nblocks ? 0 : r->cur + 1;
}

/* Packets the kernel dropped since the last call (PACKET_STATISTICS);
 * -1 with errno on failure. */
static inline long rcb_ring_drops(const struct rcb_ring *r)
{
	struct tpacket_stats_v3 st;
	socklen_t len = sizeof(st);
	if (getsockopt(r->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) != 0)
		return -1;
	return (long)st.tp_drops;
}

static inline void rcb_ring_close(struct rcb_ring *r)
{
	munmap(r->map, (size_t)r->block * r->nblocks);
	close(r->fd);
}

#endif

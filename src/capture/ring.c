/*
 * ring.c - the memory-mapped receive rings, TPACKET_V3 and TPACKET_V2
 * (kernel Documentation/networking/packet_mmap.rst).
 *
 * The kernel allocates block_nr blocks of block_size bytes; we map them as
 * one contiguous area.  Each slot starts with a status word owned by the
 * kernel (TP_STATUS_KERNEL) or by us (TP_STATUS_USER); ownership moves with
 * an acquire load (kernel -> us) and a release store (us -> kernel), which
 * orders our reads of the packet before the kernel may overwrite it.
 *
 * TPACKET_V3: a slot is a block holding many packets.
 *
 *   block (block_size bytes)
 *   +0  tpacket_block_desc: version, offset_to_priv,
 *       bh1 { block_status, num_pkts, offset_to_first_pkt, blk_len, ... }
 *   +offset_to_first_pkt:
 *       tpacket3_hdr { tp_next_offset, tp_sec, tp_nsec, tp_snaplen, tp_len,
 *                      tp_status, tp_mac, tp_net, hv1 {rxhash, vlan_tci,
 *                      vlan_tpid}, pad }
 *       (pad to 16) sockaddr_ll   <- packet metadata
 *       gap >= 16 (SOCK_DGRAM) + PACKET_RESERVE (c->headroom)
 *       +tp_mac: tp_snaplen packet bytes
 *   +tp_next_offset: next packet ...
 *
 *   The kernel fills one block at a time and hands it over when it is full
 *   or when the retire timeout expires; one poll(2) wake-up and one status
 *   store per block, which is where V3 saves CPU.
 *
 * TPACKET_V2: a slot is a frame of frame_size bytes holding one packet,
 * frames_per_block = block_size / frame_size, frames never straddle
 * blocks:
 *
 *   frame: tpacket2_hdr { tp_status, tp_len, tp_snaplen, tp_mac, tp_net,
 *          tp_sec, tp_nsec, tp_vlan_tci, tp_vlan_tpid, pad } (pad to 16)
 *          sockaddr_ll, gap, +tp_mac: packet bytes
 *
 * Every packet is handed to us as soon as it is written (lowest latency,
 * one status store per packet).
 */
#include "capture/ring.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/errmsg.h"

#define RC__MIN_SLOTS 128u

static uint32_t round_pow2(uint32_t v)
{
	uint32_t p = 1;
	while (p < v && p < (1u << 31))
		p <<= 1;
	return p;
}

/* MemAvailable from /proc/meminfo in bytes, 0 if unknown. */
static uint64_t mem_available(void)
{
	FILE *f = fopen("/proc/meminfo", "re");
	if (!f)
		return 0;
	char line[128];
	unsigned long long kb = 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
			break;
	fclose(f);
	return (uint64_t)kb * 1024;
}

static void unset_ring(rc_capture *c)
{
	struct tpacket_req3 req;
	memset(&req, 0, sizeof(req));
	/* A zero request frees the ring (packet_set_ring with closing = 0). */
	(void)setsockopt(c->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof(req));
}

/* Slot bytes one packet of rc__capture_max_data needs. */
static uint32_t frame_need(const rc_capture *c, int version)
{
	uint32_t hdrlen = version == TPACKET_V3 ? RC__TPACKET3_HDRLEN : RC__TPACKET2_HDRLEN;
	/* Worst case offset of the packet bytes in a slot (tpacket_rcv):
	 * TPACKET_ALIGN(hdrlen + max(maclen, 16)) + reserve - maclen. */
	return (uint32_t)RC__TPACKET_ALIGN(hdrlen + 32 + c->headroom + rc__capture_max_data(c));
}

int rc__ring_check_geometry(rc_capture *c, int version)
{
	if (!c->opts.block_size_bytes)
		return 0;
	uint32_t need = frame_need(c, version);
	/* A V2 frame set by hand must hold a whole packet: the kernel would
	 * accept a smaller one and silently truncate every packet to it,
	 * under a snap length that then would not be the one in force.  V3
	 * ignores the frame size; its packets must fit a block after the
	 * block descriptor (max_frame_len in af_packet.c). */
	if (version == TPACKET_V2 && c->opts.frame_size_bytes) {
		if (c->opts.frame_size_bytes < need)
			return rc__errf(c->err, RC_EINVAL,
					"%s: frame size %u too small for snap length %u: needs at least %u",
					rc__capture_devname(c), c->opts.frame_size_bytes, c->snaplen,
					need);
		return 0;
	}
	if (version == TPACKET_V3)
		need += (uint32_t)RC__TPACKET_ALIGN(sizeof(struct tpacket_block_desc));
	if (need > c->opts.block_size_bytes)
		return rc__errf(c->err, RC_EINVAL,
				"%s: frame size %u (needed for snap length %u) exceeds block size %u",
				rc__capture_devname(c), need, c->snaplen, c->opts.block_size_bytes);
	return 0;
}

int rc__ring_setup(rc_capture *c, int version)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	uint32_t need = frame_need(c, version);
	uint32_t block_size, frame_size;
	uint64_t block_nr;

	if (c->opts.block_size_bytes) {
		int st = rc__ring_check_geometry(c, version);
		if (st < 0)
			return st;
		block_size = c->opts.block_size_bytes;
		frame_size = c->opts.frame_size_bytes ? c->opts.frame_size_bytes : need;
		block_nr = c->opts.block_count;
	} else {
		frame_size = need;
		block_size = round_pow2(frame_size);
		/* V3: every block costs a poll(2) wake-up and a context switch,
		 * which show for small packets when blocks are small
		 * (bench_capture, 64 B frames, before the walk prefetched:
		 * 51-52 ns/packet with 128 KiB blocks, 38-39 with 1 MiB; since,
		 * 256 KiB..8 MiB measure alike), so use big blocks: ring/16
		 * rounded to a power of two, within 128 KiB..1 MiB.  From a
		 * 2 MiB ring up that leaves >= 16 blocks, room for the kernel
		 * while we hold one (docs/capture.md); below, fewer, and never
		 * under 2 (the ring is raised, with a warning).  V2 blocks only
		 * group frames. */
		uint32_t min_block = 64u << 10;
		if (version == TPACKET_V3) {
			uint64_t b = c->opts.ring_bytes / 16;
			min_block = b >= (1u << 20) ? (1u << 20) : round_pow2((uint32_t)b);
			if (min_block < (128u << 10))
				min_block = 128u << 10;
		}
		if (block_size < min_block)
			block_size = min_block;
		if (block_size < page)
			block_size = (uint32_t)page;
		block_nr = c->opts.ring_bytes / block_size;
		/* With the default size, keep at least RC__MIN_SLOTS packets of
		 * the largest size: V2 frames for "any" or loopback are 64 KiB. */
		uint64_t min_nr = (RC__MIN_SLOTS + block_size / frame_size - 1) /
				  (block_size / frame_size);
		if (!c->opts.ring_bytes_set && block_nr < min_nr)
			block_nr = min_nr;
		if (block_nr < 2)
			block_nr = 2;
	}
	if (block_nr > UINT32_MAX / 2)
		block_nr = UINT32_MAX / 2;

	uint64_t want = block_nr * block_size;
	uint64_t avail = mem_available();
	/* Never ask for more than a quarter of free memory: the kernel would
	 * try hard to satisfy it (and the OOM killer might act) before it
	 * gives up with ENOMEM. */
	if (avail && want > avail / 4) {
		uint64_t nr = avail / 4 / block_size;
		block_nr = nr < 1 ? 1 : nr;
	}

	for (;;) {
		struct tpacket_req3 req;
		memset(&req, 0, sizeof(req));
		req.tp_block_size = block_size;
		req.tp_block_nr = (uint32_t)block_nr;
		req.tp_frame_size = frame_size;
		req.tp_frame_nr = (block_size / frame_size) * (uint32_t)block_nr;
		if (version == TPACKET_V3)
			req.tp_retire_blk_tov = c->tov_ms;
		socklen_t rlen = version == TPACKET_V3 ? sizeof(struct tpacket_req3)
						       : sizeof(struct tpacket_req);
		int err = 0;
		if (setsockopt(c->fd, SOL_PACKET, PACKET_RX_RING, &req, rlen) != 0) {
			err = errno;
		} else {
			size_t len = (size_t)block_size * (size_t)block_nr;
			void *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, c->fd, 0);
			if (m != MAP_FAILED) {
				c->map = m;
				c->map_len = len;
				break;
			}
			err = errno;
			unset_ring(c);
		}
		if (err != ENOMEM || block_nr <= 1)
			return rc__errf(c->err, err == ENOMEM ? RC_ENOMEM : rc__from_errno(err),
					"%s: ring of %u blocks x %u bytes refused: %s",
					rc__capture_devname(c), (unsigned)block_nr,
					block_size, strerror(err));
		block_nr /= 2;
	}
	if (block_nr * block_size < want)
		rc__warnf(c->warn, "%s: ring reduced from %llu to %llu bytes (not enough memory)",
			  rc__capture_devname(c), (unsigned long long)want,
			  (unsigned long long)(block_nr * block_size));
	else if (c->opts.ring_bytes_set && !c->opts.block_size_bytes &&
		 block_nr * block_size > c->opts.ring_bytes)
		/* Rounding down to whole blocks is not worth a word; a ring
		 * bigger than asked for is (memory the caller did not plan). */
		rc__warnf(c->warn, "%s: ring raised from %llu to %llu bytes (%u blocks of %u)",
			  rc__capture_devname(c), (unsigned long long)c->opts.ring_bytes,
			  (unsigned long long)(block_nr * block_size), (unsigned)block_nr,
			  block_size);
	c->block_size = block_size;
	c->block_nr = (uint32_t)block_nr;
	c->frame_size = frame_size;
	c->frame_nr = (block_size / frame_size) * (uint32_t)block_nr;
	c->cur = 0;
	c->pkt_left = 0;
	c->blk_open = 0;
	c->release_blk = 0;
	c->held_first = 0;
	c->held_count = 0;
	return 0;
}

void rc__ring_teardown(rc_capture *c)
{
	if (c->map)
		munmap(c->map, c->map_len);
	c->map = NULL;
	c->map_len = 0;
}

int rc__ring_kstats(rc_capture *c, uint64_t *packets, uint64_t *drops, uint64_t *freeze)
{
	/* tpacket_stats_v3 for V3 sockets, tpacket_stats otherwise; the
	 * kernel zeroes its counters on every read, the caller accumulates.
	 * No message on failure: see struct rc__backend.kstats. */
	struct tpacket_stats_v3 st;
	memset(&st, 0, sizeof(st));
	socklen_t len = sizeof(st);
	if (getsockopt(c->fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) != 0)
		return rc__from_errno(errno);
	*packets = st.tp_packets;
	*drops = st.tp_drops;
	*freeze = len >= sizeof(struct tpacket_stats_v3) ? st.tp_freeze_q_cnt : 0;
	return 0;
}

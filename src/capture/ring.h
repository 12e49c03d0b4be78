/*
 * ring.h - shared set-up of the TPACKET_V2/V3 receive rings (ring.c); the
 * per-version readers are in ring_v3.c and ring_v2.c.
 */
#ifndef RC_CAPTURE_RING_H
#define RC_CAPTURE_RING_H

#include "capture/capture_int.h"

/*
 * rc__ring_setup - size, request (PACKET_RX_RING) and map the ring on
 * c->fd, which already has PACKET_VERSION and PACKET_RESERVE set.  Halves
 * the block count while the kernel answers ENOMEM (and records a warning),
 * fails with RC_ENOMEM when even one block is refused.
 */
int rc__ring_setup(rc_capture *c, int version);
/*
 * rc__ring_check_geometry - RC_EINVAL (message set) when the geometry set
 * by rc_capture_set_ring_geometry cannot hold one packet of c's snap
 * length and MTU on a ring of this version; 0 otherwise or when the
 * geometry is automatic.  Needs c->snaplen, c->mtu and c->headroom.
 */
int rc__ring_check_geometry(rc_capture *c, int version);
void rc__ring_teardown(rc_capture *c);
/* PACKET_STATISTICS since the last read into the three deltas (also sock.c). */
int rc__ring_kstats(rc_capture *c, uint64_t *packets, uint64_t *drops, uint64_t *freeze);

/* Acquire load / release store of a slot's status word. */
static inline uint32_t rc__slot_status(const volatile uint32_t *w)
{
	return __atomic_load_n(w, __ATOMIC_ACQUIRE);
}

static inline void rc__slot_give_back(volatile uint32_t *w)
{
	__atomic_store_n(w, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
}

#endif

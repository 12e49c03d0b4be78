/*
 * capture_int.h - the capture handle and the back-end interface.
 *
 * A handle is configured (struct rc__capture_opts), then activate opens an
 * AF_PACKET socket and hands it to one back-end chosen from a const table:
 *
 *   rc__backend_v3      TPACKET_V3 ring of blocks (ring.c, ring_v3.c)
 *   rc__backend_v2      TPACKET_V2 ring of frames (ring.c, ring_v2.c)
 *   rc__backend_socket  recvmmsg(2) into a private buffer (sock.c)
 *
 * Every back-end turns what the kernel wrote into a struct rc__frame and
 * passes it to rc__capture_deliver (deliver.c), which owns everything the
 * three have in common: direction, user-space filter, VLAN reinsertion,
 * the cooked SLL/SLL2 header, snap length, time stamp precision, counters.
 * Back-ends guarantee c->headroom writable bytes in front of frame.mac
 * (RC__HEADROOM for cooked sockets, RC__HEADROOM_RAW for raw ones) so
 * deliver can grow the packet forwards in place (zero copy).
 */
#ifndef RC_CAPTURE_CAPTURE_INT_H
#define RC_CAPTURE_CAPTURE_INT_H

#include <linux/if_packet.h>
#include <net/if.h>
/* After net/if.h: linux/if_arp.h's linux/if.h then defers to glibc's. */
#include <linux/if_arp.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "ringcap/capture.h"

/*
 * Bytes reserved in front of each packet (PACKET_RESERVE for the rings, a
 * gap in the socket buffer).  Cooked sockets need a 20-byte SLL2 header
 * plus a 4-byte VLAN tag (RC__HEADROOM, the most any handle reserves); raw
 * sockets only ever insert the tag (RC__HEADROOM_RAW).  Reserving less
 * where less will do matters on the ring: tpacket_rcv rounds each packet's
 * slot to 16 bytes, so a 64-byte frame takes 160 bytes with 4 reserved and
 * 176 with 24 - 10% more ring per small packet, and 10% more cache lines
 * the capturing CPU pulls from the one that wrote them.
 */
#define RC__HEADROOM 24u
#define RC__HEADROOM_RAW 4u
/* rc_capture_stop_input (capture_read.c): a reject-all filter, and the
 * kernel waited out packets in flight (SYNCED) or not (FILTERED). */
#define RC__STOPPED_SYNCED 1
#define RC__STOPPED_FILTERED 2
#define RC__SLL2_LEN 20u
#define RC__SLL_LEN 16u
#define RC__VLAN_LEN 4u
/*
 * TPACKET_ALIGN and TPACKET{2,3}_HDRLEN of linux/if_packet.h in unsigned
 * arithmetic: the UAPI macros AND with ~(TPACKET_ALIGNMENT - 1), an int
 * (-16), which -Wsign-conversion reports at every use.  Same values
 * (16-byte alignment; 52 and 68 bytes).
 */
#define RC__TPACKET_ALIGN(x) (((x) + 15u) & ~(size_t)15u)
#define RC__TPACKET2_HDRLEN \
	(RC__TPACKET_ALIGN(sizeof(struct tpacket2_hdr)) + sizeof(struct sockaddr_ll))
#define RC__TPACKET3_HDRLEN \
	(RC__TPACKET_ALIGN(sizeof(struct tpacket3_hdr)) + sizeof(struct sockaddr_ll))
/* Where a slot's sockaddr_ll starts, after the packet header. */
#define RC__V2_SLL_OFF RC__TPACKET_ALIGN(sizeof(struct tpacket2_hdr))
#define RC__V3_SLL_OFF RC__TPACKET_ALIGN(sizeof(struct tpacket3_hdr))

/* Packets rc_capture_loop fetches per read call. */
#define RC__STASH 64u

struct rc__capture_opts {
	uint32_t snaplen_bytes;
	uint64_t ring_bytes;
	int ring_bytes_set; /* ring_bytes chosen by the caller */
	uint32_t block_size_bytes; /* 0 = automatic */
	uint32_t frame_size_bytes;
	uint32_t block_count;
	uint32_t block_timeout_ms; /* 0 = kernel default */
	int timeout_ms;            /* -1 forever, 0 non-blocking */
	int promisc;
	int direction;
	int immediate;
	uint32_t pause_us; /* immediate mode: pause before waiting on a busy link */
	int tstamp_precision;
	int tstamp_source;
	int vlan_reinsert;
	int cooked;
	int cooked_linktype; /* RC_LINKTYPE_LINUX_SLL2 or RC_LINKTYPE_LINUX_SLL */
	uint16_t protocol; /* host order; 0 = ETH_P_ALL */
	int fanout_on;
	uint16_t fanout_group;
	int fanout_mode;
	unsigned fanout_flags;
	rc_bpf_insn *fanout_prog; /* owned */
	size_t fanout_prog_len;
	int backend;
	int qdisc_bypass;
};

/* One packet as the kernel described it, before ringcap's rewriting. */
struct rc__frame {
	uint8_t *mac;        /* first byte the socket delivered; c->headroom writable bytes before */
	uint32_t caplen;     /* bytes at mac */
	uint32_t len;        /* wire length */
	uint32_t status;     /* TP_STATUS_* bits */
	uint64_t ts_nsec;
	uint16_t vlan_tci;
	uint16_t vlan_tpid;
	const struct sockaddr_ll *sll;
};

struct rc__backend {
	const char *name;
	int id;               /* enum rc_capture_backend */
	int packet_version;   /* TPACKET_V3/V2 for PACKET_VERSION; -1 = leave default */
	/* Allocate ring or buffers on c->fd (socket created, not yet bound). */
	int (*setup)(rc_capture *c);
	/* Release what setup acquired; safe after a failed setup. */
	void (*teardown)(rc_capture *c);
	/*
	 * Fill up to max packets without blocking: count (0 = nothing ready
	 * now) or negative status.  Sets c->progress when it consumed a slot
	 * even if every packet in it was discarded.
	 */
	int (*read)(rc_capture *c, rc_packet *pkts, size_t max);
	/* Hand back the slots of the previous batch (start of each read call). */
	void (*release)(rc_capture *c);
	/*
	 * The frame of stash[i] again, as the read that stashed it saw it
	 * (rc_capture_set_filter re-judges stashed packets): rings rebuild it
	 * from the kernel's header in front of c->stash_sll[i] (the slot is
	 * still ours), the socket back-end copies c->stash_frame[i].
	 */
	void (*frame_again)(const rc_capture *c, size_t i, struct rc__frame *f);
	/*
	 * Read PACKET_STATISTICS - counts since the last read, which the
	 * kernel resets - into the three deltas.  0 or a negative status;
	 * writes no message (rc_capture_stats_get may run beside a reader).
	 */
	int (*kstats)(rc_capture *c, uint64_t *packets, uint64_t *drops, uint64_t *freeze);
	/*
	 * 1 if the kernel holds packets it will hand over without more
	 * traffic (a V3 block its retire timer will close), else 0; NULL
	 * for back-ends whose packets are visible once received.
	 */
	int (*kernel_holds)(const rc_capture *c);
};

extern const struct rc__backend rc__backend_v3;
extern const struct rc__backend rc__backend_v2;
extern const struct rc__backend rc__backend_socket;

enum rc__state { RC__CREATED = 0, RC__ACTIVE = 1 };

struct rc_capture {
	char err[RC_ERRBUF_SIZE];
	char warn[RC_ERRBUF_SIZE];
	/* Length of warn once activate is done: rc_capture_set_filter's
	 * warning follows and is replaced by the next filter's. */
	size_t warn_activate;
	char device[IFNAMSIZ]; /* "" for any */
	int state;
	struct rc__capture_opts opts;

	/* ---- set by activate ---- */
	const struct rc__backend *be;
	int fd;
	int efd;           /* eventfd written by breakloop */
	int ifindex;       /* 0 for any */
	int arphrd;
	int linktype;      /* RC_LINKTYPE_* delivered */
	int sock_cooked;   /* SOCK_DGRAM */
	int sll_v1;        /* cooked with a 16-byte SLL header (LINUX_SLL, IrDA, LAPD, NETLINK) */
	uint32_t headroom; /* PACKET_RESERVE: RC__HEADROOM cooked, RC__HEADROOM_RAW raw */
	uint32_t snaplen;  /* in force */
	uint32_t mtu;      /* device MTU, 65535 for any */

	/* ---- ring back-ends (ring.c) ---- */
	uint8_t *map;
	size_t map_len;
	uint32_t block_size, block_nr, frame_size, frame_nr;
	uint32_t cur;       /* V3: current block; V2: next frame */
	uint32_t pkt_left;  /* V3: packets left in the current block */
	uint64_t pkt_off;   /* V3: offset of the next packet header in it */
	uint64_t bad_slots; /* V3 blocks whose walk stopped, V2 frames skipped: broken header */
	int blk_open;       /* V3: current block taken from the kernel */
	int release_blk;    /* V3: current block done, hand back on next call */
	uint32_t held_first, held_count; /* V2: frames of the last batch */
	uint32_t tov_ms;    /* V3 retire timeout in force */

	/* ---- socket back-end (sock.c) ---- */
	void *sock; /* struct rc__sockbuf, owned by sock.c */

	/* ---- filter ---- */
	rc_bpf_insn *filter; /* owned copy of the program in force, NULL = none */
	size_t filter_len;
	int filter_user_always; /* run in user space on every packet (socket back-end,
				 * cooked program the kernel cannot run) */
	int filter_user_tagged; /* run in user space on packets with a VLAN tag
				 * (cooked_filter.c: the kernel accepts them) */
	uint64_t recheck_slots; /* ring slots still to re-run through the filter */

	/* ---- read state ---- */
	/* Packets of the last batch that rc_capture_loop has not handled
	 * yet (breakloop from a handler); the next read returns them first. */
	rc_packet stash[RC__STASH];
	size_t stash_pos, stash_n;
	/* What rc_capture_set_filter needs to judge a stashed packet as
	 * deliver.c judges a new one - same bytes, same metadata (backend
	 * frame_again): the rings note only the slot's sockaddr_ll, one
	 * pointer a packet (a whole frame copied per packet cost capture
	 * loops ~3 ns of ~25, bench_capture 64 B); the socket back-end, whose
	 * buffers keep no kernel header, the frame itself. */
	const struct sockaddr_ll *stash_sll[RC__STASH];
	struct rc__frame stash_frame[RC__STASH];
	int reading_stash; /* this back-end read fills stash[] from index 0 */
	atomic_int break_flag;
	int progress;
	uint64_t delivered_at_wait; /* delivered when we last waited for the ring */
	int down_err;        /* errno reported by the socket (ENETDOWN, ...) */
	int input_stopped;   /* rc_capture_stop_input: RC__STOPPED_*, then drain and RC_EEOF */
	uint64_t down_deadline_ms; /* CLOCK_MONOTONIC: stop waiting for the last block */

	/*
	 * ---- counters ----
	 * rc_capture_stats_get may run in another thread while one reads
	 * (capture.h).  The reader is the only writer of the three below and
	 * adds with rc__count_add: relaxed load + store, plain moves on the
	 * hot path, no locked read-modify-write.  The kernel's counts are
	 * added by stats_get itself, possibly in two threads at once, hence
	 * atomic_fetch_add there.
	 */
	_Atomic uint64_t k_packets, k_drops, k_freeze;
	_Atomic uint64_t delivered, dir_discarded, filter_discarded;
};

/* x += n by the handle's single writer (see the counters above). */
static inline void rc__count_add(_Atomic uint64_t *x, uint64_t n)
{
	atomic_store_explicit(x, atomic_load_explicit(x, memory_order_relaxed) + n,
			      memory_order_relaxed);
}

/* The device for messages: its name, or "any". */
static inline const char *rc__capture_devname(const rc_capture *c)
{
	return c->device[0] ? c->device : "any";
}

/*
 * rc__capture_deliver - turn f into *p (see deliver.c).  Returns 1 if the
 * packet is delivered, 0 if direction (or the loopback rule) or filter
 * discarded it (counted in dir_discarded / filter_discarded; delivered is
 * counted by the read call).  May rewrite bytes in
 * [f->mac - c->headroom, f->mac + f->caplen).
 */
int rc__capture_deliver(rc_capture *c, const struct rc__frame *f, rc_packet *p);

/*
 * What the delivery of every packet of one read call needs from the
 * handle, read once per call: the compiler cannot keep c->snaplen and
 * friends in registers across the stores into rc_packet (same types, so
 * they may alias), and reloading them per packet shows in the profile.
 */
struct rc__fill {
	uint32_t snaplen;
	uint16_t linktype;
	uint8_t micro; /* RC_TSTAMP_MICRO: round ts_nsec down to microseconds */
	/* No packet of this call needs deliver.c's steps 1-4 except for a
	 * VLAN tag: every direction, no filter to re-run in user space, a
	 * raw (not cooked) socket, not a loopback device (whose outgoing
	 * copies step 1 discards if the kernel did not). */
	uint8_t plain;
	/* Non-NULL when the call reads into the stash: note each packet's
	 * sockaddr_ll at its index (c->stash_sll). */
	const struct sockaddr_ll **slls;
};

static inline void rc__fill_init(struct rc__fill *k, rc_capture *c)
{
	k->snaplen = c->snaplen;
	k->linktype = (uint16_t)c->linktype;
	k->micro = c->opts.tstamp_precision == RC_TSTAMP_MICRO;
	k->plain = c->opts.direction == RC_CAPTURE_BOTH && !c->sock_cooked &&
		   c->arphrd != ARPHRD_LOOPBACK &&
		   !(c->filter && (c->filter_user_always || c->recheck_slots > 0));
	k->slls = c->reading_stash ? c->stash_sll : NULL;
}

/*
 * rc__packet_fill - the last step of every delivery (deliver.c step 5):
 * snap length, flags from the kernel status, time stamp precision, the
 * descriptor fields.  data/caplen/len are the bytes after the rewriting
 * steps; flags holds what those steps set.  The delivered counter is
 * added per read call (capture_read.c).  Inline: the ring readers' plain
 * path (below) is this alone.
 */
static inline void rc__packet_fill(const struct rc__fill *k, const struct rc__frame *f,
				   rc_packet *p, const uint8_t *data, uint32_t caplen,
				   uint32_t len, uint32_t flags)
{
	uint8_t pkttype = f->sll->sll_pkttype;
	uint32_t st = f->status;
	if (caplen > k->snaplen)
		caplen = k->snaplen;
	if (caplen < len || (st & TP_STATUS_COPY))
		flags |= RC_PKT_TRUNCATED;
	if (st & TP_STATUS_CSUMNOTREADY)
		flags |= RC_PKT_CSUM_NOTREADY;
	if (st & TP_STATUS_CSUM_VALID)
		flags |= RC_PKT_CSUM_VALID;
	if (st & TP_STATUS_TS_RAW_HARDWARE) /* the rings; sock.c sets it too */
		flags |= RC_PKT_TS_HARDWARE;
	uint64_t ts = f->ts_nsec;
	if (__builtin_expect(k->micro, 0)) /* a branch, not a division per packet */
		ts -= ts % 1000;
	p->data = data;
	p->caplen = caplen;
	p->len = len;
	p->ts_nsec = ts;
	p->ifindex = (uint32_t)f->sll->sll_ifindex;
	p->linktype = k->linktype;
	p->direction = pkttype == PACKET_OUTGOING ? RC_DIR_OUT : RC_DIR_IN;
	p->pkttype = pkttype;
	p->flags = flags;
	p->comment_len = 0;
	p->comment = NULL;
	p->dropcount = 0;
}

/*
 * rc__deliver_fast - rc__capture_deliver with the plain path inline: when
 * k->plain and the kernel reported no VLAN tag, the packet is delivered as
 * the kernel wrote it; anything else takes the full path.  Same result
 * and counters as rc__capture_deliver.  Notes the slot when reading into
 * the stash (struct rc__fill.slls).
 */
static inline int rc__deliver_fast(rc_capture *c, const struct rc__fill *k,
				   const struct rc__frame *f, rc_packet *p)
{
	if (k->slls)
		k->slls[p - c->stash] = f->sll;
	if (__builtin_expect(k->plain && !(f->status & TP_STATUS_VLAN_VALID), 1)) {
		p->vlan_tci = 0;
		p->vlan_tpid = 0;
		rc__packet_fill(k, f, p, f->mac, f->caplen, f->len, 0);
		return 1;
	}
	/* A copy, so that *f itself never has its address taken and the
	 * compiler keeps the plain path's frame in registers. */
	struct rc__frame g = *f;
	return rc__capture_deliver(c, &g, p);
}

/* Data bytes a slot must hold for one packet: snap length, but no more
 * than the largest frame the device can deliver. */
uint32_t rc__capture_max_data(const rc_capture *c);

#endif /* RC_CAPTURE_CAPTURE_INT_H */

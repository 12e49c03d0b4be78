/*
 * ringcap/capture.h - live capture on Linux packet sockets.
 *
 * Life cycle (as libpcap's, on an opaque handle):
 *
 *   rc_capture *c;
 *   char err[RC_ERRBUF_SIZE];
 *   if (rc_capture_create(&c, "eth0", err) < 0) puts(err);
 *   rc_capture_set_snaplen(c, 256);            // options: validated here ...
 *   if (rc_capture_activate(c) < 0)            // ... and again here
 *           puts(rc_capture_error(c));
 *   rc_packet pkts[64];
 *   for (;;) {
 *           int n = rc_capture_next_batch(c, pkts, 64);
 *           if (n < 0) break;                  // RC_EBREAK, RC_ENETDOWN, ...
 *           for (int i = 0; i < n; i++) use(&pkts[i]);
 *   }
 *   rc_capture_close(c);
 *
 * Back-ends (chosen at activate, first that works, or forced with
 * rc_capture_set_backend): TPACKET_V3 block ring (default), TPACKET_V2
 * frame ring (default in immediate mode: a wake-up per packet on a quiet
 * link, one per 0.1 ms on a busy one), and a
 * plain packet socket read with recvmmsg(2).  All three deliver the same
 * rc_packet descriptors; docs/capture.md explains the trade-offs.
 *
 * Zero copy: rc_packet.data points into the kernel ring (or the handle's
 * receive buffer).  It stays valid until the next read call on the same
 * handle (rc_capture_next_batch, rc_capture_next, rc_capture_loop),
 * rc_capture_release or rc_capture_close; the ring slot is handed back
 * to the kernel at the start of that next call (or by rc_capture_release).
 * Copy what you keep.
 *
 * Threads: a handle is used by one thread at a time, with two exceptions:
 * rc_capture_breakloop (any thread, and async-signal-safe), and
 * rc_capture_stats_get, which other threads may call while one thread
 * reads (and at the same time as each other).  Different handles are
 * independent.
 *
 * Privileges: packet sockets need CAP_NET_RAW in the network namespace of
 * the process; promiscuous mode needs nothing more.
 */
#ifndef RINGCAP_CAPTURE_H
#define RINGCAP_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "ringcap/error.h"
#include "ringcap/filter.h"
#include "ringcap/linktype.h"
#include "ringcap/packet.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rc_capture rc_capture;

/* Back-ends; RC_BACKEND_AUTO tries V3 (V2 in immediate mode), V2, socket. */
enum rc_capture_backend {
	RC_BACKEND_AUTO = 0,
	RC_BACKEND_TPACKET_V3 = 1,
	RC_BACKEND_TPACKET_V2 = 2,
	RC_BACKEND_SOCKET = 3,
};

/*
 * Which packets to deliver, relative to the capturing host.  Whatever the
 * direction, a loopback device's outgoing packets are not delivered: each
 * comes back as an incoming packet, and only that copy is delivered (as in
 * libpcap), so RC_CAPTURE_OUT on a loopback device delivers nothing.
 */
enum rc_capture_direction {
	RC_CAPTURE_BOTH = 0,
	RC_CAPTURE_IN = 1,  /* received: kernel drops outgoing (PACKET_IGNORE_OUTGOING) */
	RC_CAPTURE_OUT = 2, /* sent: ringcap discards sll_pkttype != PACKET_OUTGOING */
};

enum rc_tstamp_precision {
	RC_TSTAMP_MICRO = 0, /* ts_nsec is a multiple of 1000 (pcap files) */
	RC_TSTAMP_NANO = 1,
};

enum rc_tstamp_source {
	RC_TSTAMP_SOFTWARE = 0, /* kernel time when the packet reached the socket layer */
	/* NIC clock (SOF_TIMESTAMPING_RAW_HARDWARE); RC_ENOTSUP if absent.
	 * Packets the NIC stamped carry RC_PKT_TS_HARDWARE (ringcap/packet.h). */
	RC_TSTAMP_HARDWARE = 1,
};

/* Fanout modes (PACKET_FANOUT_*, linux/if_packet.h). */
enum rc_fanout_mode {
	RC_FANOUT_HASH = 0,     /* flow hash: a flow stays on one socket */
	RC_FANOUT_LB = 1,       /* round robin */
	RC_FANOUT_CPU = 2,      /* the CPU that received the packet */
	RC_FANOUT_ROLLOVER = 3, /* fill one socket, then the next */
	RC_FANOUT_RND = 4,      /* random */
	RC_FANOUT_QM = 5,       /* NIC receive queue */
	RC_FANOUT_CBPF = 6,     /* a classic BPF program returns the socket index */
};

/* Fanout flags (PACKET_FANOUT_FLAG_*). */
enum rc_fanout_flag {
	RC_FANOUT_FLAG_DEFRAG = 1u << 0,   /* reassemble IP fragments before hashing */
	RC_FANOUT_FLAG_ROLLOVER = 1u << 1, /* move to the next socket when one is full */
};

/* Defaults. */
#define RC_CAPTURE_DEFAULT_SNAPLEN 262144u
#define RC_CAPTURE_DEFAULT_RING_BYTES (4u << 20)
#define RC_CAPTURE_DEFAULT_BLOCK_TIMEOUT_MS 10u
#define RC_CAPTURE_DEFAULT_PAUSE_US 100u
#define RC_CAPTURE_DEFAULT_TIMEOUT_MS (-1) /* block until a packet arrives */

/*
 * rc_capture_create - a new, inactive handle for device ("eth0"; "any" or
 * NULL for every interface, cooked LINUX_SLL2 headers).  Nothing touches
 * the kernel before rc_capture_activate.  *out is owned by the caller and
 * released with rc_capture_close; on failure *out is NULL.  Errors:
 * RC_EINVAL (out NULL, name longer than IFNAMSIZ-1 or empty), RC_ENOMEM;
 * message in errbuf (may be NULL).
 */
int rc_capture_create(rc_capture **out, const char *device, char *errbuf);

/*
 * Options.  Each setter validates its value at once and returns RC_EINVAL
 * with a message naming option and value (rc_capture_error); setters on an
 * active handle return RC_ESTATE, except rc_capture_set_timeout, which
 * only changes how later reads wait.  rc_capture_activate checks them
 * again as a whole (e.g. geometry against snap length).
 */

/* Bytes kept of each packet, 1..RC_CAPTURE_DEFAULT_SNAPLEN (0 = default). */
int rc_capture_set_snaplen(rc_capture *c, uint32_t snaplen_bytes);
/*
 * Total ring (or receive buffer) size, 64 KiB .. 64 GiB.  A ring is whole
 * blocks, at least two (one only when memory is short, see
 * docs/capture.md): 256 KiB for TPACKET_V3 (128 KiB blocks); for
 * TPACKET_V2 two blocks of 64 KiB, or of the frame size rounded up to a
 * power of two if larger.  A smaller request is raised (with a warning,
 * rc_capture_warning), others are rounded down to whole blocks.  The
 * socket back-end's receive buffer is capped by the kernel
 * (net.core.rmem_max without CAP_NET_ADMIN): a smaller one than asked
 * for also warns.
 */
int rc_capture_set_ring_size(rc_capture *c, uint64_t ring_bytes);
/*
 * Expert ring geometry (overrides the ring size): block_size_bytes a
 * multiple of the page size, frame_size_bytes a multiple of 16 and at most
 * block_size_bytes (TPACKET_V2 frame; TPACKET_V3 ignores it and packs
 * packets densely), block_count >= 1 (the kernel's minimum; a single
 * TPACKET_V3 block drops what arrives while the caller holds it).  All
 * zero = automatic.  rc_capture_activate fails with RC_EINVAL, naming the
 * sizes and the minimum, when a packet of the snap length (capped by the
 * device MTU) plus its tpacket header does not fit a TPACKET_V2 frame
 * (also under RC_BACKEND_AUTO when frame_size_bytes is set) or a
 * TPACKET_V3 block: the kernel would silently truncate every packet.
 */
int rc_capture_set_ring_geometry(rc_capture *c, uint32_t block_size_bytes,
				 uint32_t frame_size_bytes, uint32_t block_count);
/* TPACKET_V3 block retire timeout: a partly filled block is handed to user
 * space after this many ms (1..60000; 0 = kernel default from link speed). */
int rc_capture_set_block_timeout(rc_capture *c, uint32_t timeout_ms);
/* How long a read waits: -1 forever (default), 0 never (non-blocking,
 * reads return 0 when nothing is ready), > 0 at most that many ms. */
int rc_capture_set_timeout(rc_capture *c, int timeout_ms);
/* Promiscuous mode (PACKET_MR_PROMISC membership, dropped at close). */
int rc_capture_set_promisc(rc_capture *c, int on);
/* enum rc_capture_direction. */
int rc_capture_set_direction(rc_capture *c, int direction);
/* Deliver each packet as soon as it arrives (picks TPACKET_V2 in AUTO).  On
 * a busy link (several packets returned since the last wait) the next wait
 * for the ring starts with a pause (rc_capture_set_immediate_pause), so one
 * wake-up serves many packets: a packet waits at most that pause plus the
 * timer's slack. */
int rc_capture_set_immediate(rc_capture *c, int on);
/* That pause in microseconds, 0..1000 (default RC_CAPTURE_DEFAULT_PAUSE_US);
 * 0 waits for every packet, at about 1 us of CPU per wake-up. */
int rc_capture_set_immediate_pause(rc_capture *c, uint32_t us);
/* enum rc_tstamp_precision (default RC_TSTAMP_NANO) / enum rc_tstamp_source
 * (default RC_TSTAMP_SOFTWARE). */
int rc_capture_set_tstamp_precision(rc_capture *c, int precision);
int rc_capture_set_tstamp_source(rc_capture *c, int source);
/* Rebuild 802.1Q/802.1ad tags the kernel stripped into metadata (default on).
 * Off: frames come untagged and the tag is in vlan_tci/vlan_tpid. */
int rc_capture_set_vlan_reinsert(rc_capture *c, int on);
/* Cooked mode (SOCK_DGRAM): every packet gets a LINUX_SLL2 header instead
 * of its link-layer header.  Always on for "any". */
int rc_capture_set_cooked(rc_capture *c, int on);
/*
 * The header of cooked captures: RC_LINKTYPE_LINUX_SLL2 (default, 20
 * bytes, with the interface index) or RC_LINKTYPE_LINUX_SLL (16 bytes,
 * libpcap's default for "any").  Raw captures and devices whose link type
 * is SLL-shaped itself (IrDA, LAPD, NETLINK) ignore it before activate.
 * Unlike the other setters it also works on an active cooked handle: the
 * next packet read gets the new header and rc_capture_linktype changes;
 * packets already returned keep theirs (rc_packet.linktype says which).
 * A filter set before the switch was compiled for the old header: set it
 * again.  Errors: RC_EINVAL (another link type), RC_ENOTSUP (active and
 * not a LINUX_SLL/LINUX_SLL2 capture).
 */
int rc_capture_set_cooked_header(rc_capture *c, int linktype);
/*
 * Only this EtherType (host byte order, 0x0600..0xffff, e.g. 0x0800), or
 * one of the kernel's non-DIX protocol numbers below 0x0100
 * (linux/if_ether.h: ETH_P_802_2 = 4 takes LLC frames, ETH_P_ALL = 3 is
 * the same as 0); 0 = all (default); 0x0100..0x05ff, an 802.3 length,
 * RC_EINVAL.  The socket is then bound to that
 * protocol, and the kernel treats such a socket as a protocol handler, not
 * a tap (libpcap's pcap_set_protocol_linux alike):
 *   - it gets no outgoing packets (dev_queue_xmit_nit feeds only sockets
 *     bound to every protocol);
 *   - a VLAN tag is gone before protocol dispatch: a tagged frame arrives
 *     untagged, without the tag in metadata, matched by its inner
 *     EtherType, and 0x8100 / 0x88a8 match nothing.
 * For every direction, or for the tags, capture all and filter instead
 * ("ether proto 0x88b5", "vlan and ...").
 */
int rc_capture_set_protocol(rc_capture *c, uint16_t ethertype);
/* Join fanout group group_id with mode (enum rc_fanout_mode) and flags
 * (enum rc_fanout_flag bits).  RC_FANOUT_CBPF needs rc_capture_set_fanout_program. */
int rc_capture_set_fanout(rc_capture *c, uint16_t group_id, int mode, unsigned flags);
/*
 * Program for RC_FANOUT_CBPF: returns the socket index (modulo group size).
 * Copied; validated with rc_bpf_validate.  Written for the frames the
 * handle delivers (its link type).  The kernel runs it before the
 * socket's view is set (received packets from the network header, sent
 * ones from the link-layer header), so activate translates it: packet
 * loads become loads relative to the link-layer header (SKF_LL_OFF); on a
 * cooked handle ("any") cooked header fields become packet metadata and
 * other loads are relative to the network header, as rc_capture_set_filter
 * does.  A frame whose VLAN tag the device stripped is judged as delivered
 * without the tag reinserted.  A program with no translation (`ld len`,
 * `ldx len`, a cooked header address byte) fails activate with RC_EINVAL
 * and a message naming the instruction.
 */
int rc_capture_set_fanout_program(rc_capture *c, const rc_bpf_insn *insns, size_t len);
/* enum rc_capture_backend; a forced back-end that fails fails activate. */
int rc_capture_set_backend(rc_capture *c, int backend);
/* Injected frames skip the qdisc layer (PACKET_QDISC_BYPASS). */
int rc_capture_set_qdisc_bypass(rc_capture *c, int on);

/*
 * rc_capture_activate - open the socket, set up the ring, bind.  On
 * failure every resource acquired so far is released and the handle stays
 * inactive (options may be changed and activate called again).  Errors:
 * RC_EPERM (no CAP_NET_RAW), RC_ENODEV (no such device), RC_ENETDOWN (the
 * interface is down), RC_ENOTSUP (hardware time stamps not offered by the
 * device, back-end unavailable), RC_ENOMEM (even the smallest ring was
 * refused), RC_EINVAL (options that do not fit together, such as the ring
 * geometry and the snap length; c NULL), RC_ESTATE (already active),
 * RC_EIO.
 * A smaller ring than asked for is not an error: see rc_capture_warning.
 */
int rc_capture_activate(rc_capture *c);

/*
 * rc_capture_next_batch - up to max packets into pkts[0..max).  Returns
 * the count (0 when the timeout expired or, non-blocking, nothing was
 * ready) or RC_EBREAK (rc_capture_breakloop was called), RC_ENETDOWN (the
 * interface went down or was deleted; returned only after every packet
 * already in the ring was delivered, and on every later call), RC_ESTATE
 * (not active), RC_EIO.  pkts[i].data is valid until the next read call
 * on this handle (see "Zero copy" above).  A batch never spans two
 * TPACKET_V3 blocks.  Once the interface is gone, a call may wait (also
 * in non-blocking mode) for the kernel to hand over the last, partly
 * filled block: two block retire timeouts when it is empty, until the
 * kernel's retire timer has run (late under load) when it holds packets.
 */
int rc_capture_next_batch(rc_capture *c, rc_packet *pkts, size_t max);

/*
 * rc_capture_release - hand the slots of the last batch back to the kernel
 * now instead of at the start of the next read call: the data of every
 * packet returned so far is invalid afterwards.  For event loops: a ring
 * slot that is still held keeps rc_capture_fd readable (the kernel's poll
 * reports POLLIN while the slot before the one it fills is not its own),
 * so call this when done with a batch and poll wakes only for new packets.
 * A TPACKET_V3 block whose packets were not all returned yet stays held
 * (the next read returns the rest), and so do the slots of packets
 * rc_capture_loop has not handed to its handler yet (a breakloop).
 * Errors: RC_EINVAL (c NULL), RC_ESTATE (not active).
 */
int rc_capture_release(rc_capture *c);

/* rc_capture_next - one packet: 1, 0 (timeout) or a negative status. */
int rc_capture_next(rc_capture *c, rc_packet *pkt);

typedef void (*rc_capture_handler)(void *user, const rc_packet *pkt);

/*
 * rc_capture_loop - call handler for each packet until count packets were
 * handled (count <= 0: no limit), an error, or rc_capture_breakloop.
 * Returns the number handled, or RC_EBREAK / another negative status if
 * the loop ended for that reason (packets handled before still count in
 * the statistics).  A timeout does not end the loop, except a timeout of
 * 0 (non-blocking): then the loop returns the number handled as soon as
 * nothing is ready (0 if nothing was).  Calling
 * rc_capture_breakloop from the handler ends the loop after it returns.
 */
int rc_capture_loop(rc_capture *c, long count, rc_capture_handler handler, void *user);

/*
 * rc_capture_stop_input - end a capture with exact counts.  The kernel
 * stops queueing packets for c, and reads then return what the ring (or
 * the socket's queue) already holds, then RC_EEOF on every call (waiting,
 * also in non-blocking mode, for a TPACKET_V3 block the kernel has not
 * closed yet: its retire timer hands it over).  Once a read returned
 * RC_EEOF the statistics are final:
 *   received - dropped = delivered + dir_discarded + filter_discarded.
 * The socket gets a filter that rejects every packet and is bound again
 * (to another protocol), which makes af_packet wait until no packet is on
 * its way in (synchronize_net()).  The kernel does not let a fanout member
 * bind; its reads wait two retire timeouts (TPACKET_V3) or 20 ms for a
 * packet that passed the old filter on another CPU instead.  Call it
 * from the thread that reads c (e.g. after RC_EBREAK); afterwards
 * rc_capture_set_filter is RC_ESTATE.  0 or a status (message set).
 */
int rc_capture_stop_input(rc_capture *c);

/*
 * rc_capture_breakloop - make the current (or next) read call on c return
 * RC_EBREAK.  Safe from any thread and from a signal handler: it only sets
 * an atomic flag and write(2)s to an eventfd that the blocked poll(2)
 * watches.  No effect on an inactive handle.
 */
void rc_capture_breakloop(rc_capture *c);

/*
 * rc_capture_fd - the packet socket, for poll/epoll: wait for POLLIN
 * (EPOLLIN) on it, then call rc_capture_next_batch on a handle with
 * timeout 0 until it returns 0.  POLLERR means the interface went away;
 * the next read reports it.  -1 if inactive.  Do not read from the fd.
 */
int rc_capture_fd(const rc_capture *c);

/*
 * After activate: RC_LINKTYPE_* of delivered packets, the back-end in use,
 * the snap length in force, the ifindex (0 for "any").  Before activate
 * (or after it failed) linktype, backend and ifindex return RC_ESTATE and
 * snaplen the configured snap length; for a NULL handle the same, and
 * snaplen 0.
 */
int rc_capture_linktype(const rc_capture *c);
int rc_capture_backend(const rc_capture *c);
uint32_t rc_capture_snaplen(const rc_capture *c);
int rc_capture_ifindex(const rc_capture *c);
/*
 * Bytes of the ring in use after activate: whole blocks, possibly fewer or
 * more than rc_capture_set_ring_size asked for (see there); for the socket
 * back-end the receive buffer the kernel granted (SO_RCVBUF, which the
 * kernel reports doubled for its bookkeeping, halved).  0 if inactive.
 */
uint64_t rc_capture_ring_size(const rc_capture *c);

/*
 * rc_capture_set_filter - replace the packet filter (classic BPF, e.g. from
 * rc_filter_compile for rc_capture_linktype(c)).  The program is copied and
 * validated (rc_bpf_validate) before anything changes; an invalid program,
 * or one the kernel refuses, returns RC_EINVAL and leaves the old filter in
 * force.  Atomic: once it returns, no packet that the new program rejects
 * is delivered — packets that entered the ring under the old filter are
 * re-run through the new one in user space (one ring turn), so none is
 * lost either.  In cooked mode ("any") the kernel sees packets from the
 * network header on: the program is translated for it (cooked header
 * fields become the kernel's packet metadata, docs/capture.md).  A program
 * with no translation (it reads a cooked header byte the kernel does not
 * have, e.g. an address byte) runs in user space on every packet, each
 * copied into the ring first; that is not an error, but
 * rc_capture_warning then says so and why (the instruction), until the
 * next filter replaces it.  len 0 (insns NULL) removes the filter.
 * Packets of the last batch stay valid.  The socket back-end re-runs the
 * filter in user space on every packet.  Errors: RC_EINVAL, RC_ESTATE
 * (inactive), RC_ENOMEM.
 */
int rc_capture_set_filter(rc_capture *c, const rc_bpf_insn *insns, size_t len);

/*
 * rc_capture_inject - send one frame (link-layer header included) on the
 * device.  Returns 0, or RC_ENOTSUP on "any"/cooked handles, RC_EINVAL
 * (len 0 or > 65535), RC_EAGAIN (socket buffer full), RC_ENETDOWN, RC_EIO.
 * rc_capture_inject_batch sends n frames with one sendmmsg(2) and returns
 * how many were sent (>= 0) or a negative status if none was.
 */
int rc_capture_inject(rc_capture *c, const void *frame, size_t len);
int rc_capture_inject_batch(rc_capture *c, const uint8_t *const *frames,
			    const uint32_t *lens, size_t n);

/*
 * Statistics, exact and accumulated since activate (the kernel's
 * PACKET_STATISTICS counters reset on each read; ringcap adds them up).
 *
 *   received  = every packet the kernel's filter accepted for this socket
 *               (= tp_packets, libpcap's ps_recv), including dropped ones
 *   dropped   = no room in the ring/queue (= tp_drops, libpcap's ps_drop)
 *   received - dropped = delivered + dir_discarded + filter_discarded
 *                        + packets still waiting in the ring
 */
typedef struct rc_capture_stats {
	uint64_t received;
	uint64_t dropped;
	uint64_t freeze_count;     /* V3: times the ring was full (tp_freeze_q_cnt) */
	uint64_t delivered;        /* packets handed to the caller */
	uint64_t dir_discarded;    /* discarded in user space by the direction option
				    * or as a loopback device's outgoing copy */
	uint64_t filter_discarded; /* discarded by the filter run in user space */
} rc_capture_stats;

/*
 * Fill *st (reads PACKET_STATISTICS).  May be called from any thread while
 * another reads the handle, and from several threads at once: no count is
 * lost or counted twice, but the six fields are not one snapshot (a packet
 * may show in received before delivered).  RC_ESTATE if inactive (message
 * set).  If PACKET_STATISTICS fails, its status (e.g. RC_EIO) is returned
 * without a message, because the message belongs to the reading thread.
 */
int rc_capture_stats_get(rc_capture *c, rc_capture_stats *st);

/* The last error message / the last warning ("" if none); owned by the
 * handle, valid until the next call on it. */
const char *rc_capture_error(const rc_capture *c);
const char *rc_capture_warning(const rc_capture *c);

/* Release everything (ring, socket, promiscuous membership).  NULL is ok. */
void rc_capture_close(rc_capture *c);

/*
 * Fanout helper: n handles on device, each with its own ring, joined to one
 * fanout group.  configure (may be NULL) is called for each handle before
 * activation to set options; its negative return aborts.  On success the
 * n handles are in handles[0..n) and owned by the caller (rc_capture_close
 * each).  On failure nothing is left open and errbuf says why.
 * Handle i is created, configured and activated on a short-lived thread
 * pinned to the CPU rc_fanout_run's thread i will run on (below), one
 * handle after the other: the kernel allocates a ring's pages
 * (PACKET_RX_RING, in activate) on the NUMA node of the CPU that asks, so
 * each ring lies in the node of the CPU that reads it.  So configure runs on that thread too (not the caller's;
 * rc_fanout_open waits for it); the thread starts in the caller's network
 * namespace.
 *
 * rc_fanout_run starts n threads, thread i pinned to CPU i modulo the CPUs
 * the calling thread may use (sched_getaffinity: call both from the same
 * thread, or with the same affinity), each running
 * rc_capture_loop(handles[i], 0, handler, user); it returns when every
 * loop has ended (end them with rc_capture_breakloop on each handle).
 * handler runs concurrently in n threads and must be thread-safe.
 * Returns 0 or the first error status a loop ended with other than
 * RC_EBREAK.  A cpuset that forbids a CPU leaves that thread unpinned.
 */
typedef int (*rc_fanout_configure)(rc_capture *c, unsigned index, void *user);
int rc_fanout_open(rc_capture **handles, unsigned n, const char *device, uint16_t group_id,
		   int mode, unsigned flags, rc_fanout_configure configure, void *user,
		   char *errbuf);
int rc_fanout_run(rc_capture **handles, unsigned n, rc_capture_handler handler, void *user);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_CAPTURE_H */

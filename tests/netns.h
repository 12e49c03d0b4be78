/*
 * netns.h - fixtures for live capture tests: two private network
 * namespaces joined by a veth pair, and a sender of known frames.
 *
 *   ns_a [ if_a ]====veth====[ if_b ] ns_b
 *
 * The namespaces are anonymous: made with unshare(CLONE_NEWNET) and held
 * only by two file descriptors of the test process (ns_a / ns_b are
 * /proc/<pid>/fd/<n> paths that its children can open).  Teardown is
 * therefore guaranteed by the kernel: when the test process and its
 * children are gone - normal exit, failure, or the harness's SIGKILL on
 * timeout - nothing references the namespaces any more and the kernel
 * destroys them together with the veth.  IPv6 is disabled and no address
 * is configured, so the link is silent: every frame on it was sent by the
 * test.  Interface names contain the pid; they are private to the
 * namespaces anyway.
 *
 * Test frames carry a sequence number so captures can be checked byte by
 * byte:
 *   +0 dst MAC  +6 src MAC  [+12 TPID, TCI]  +12/16 EtherType (0x88b5)
 *   then: seq (BE32), then byte k of the payload = (seq * 7 + k) & 0xff
 */
#ifndef RC_TEST_NETNS_H
#define RC_TEST_NETNS_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define RC_TEST_ETHERTYPE 0x88b5 /* IEEE 802 local experimental */

struct rc_netns_pair {
	char ns_a[48], ns_b[48]; /* paths for rc_netns_enter / rc_netns_sh / rc_send_spec.ns */
	int fd_a, fd_b;
	char if_a[IFNAMSIZ], if_b[IFNAMSIZ];
	int ifindex_a, ifindex_b; /* inside their namespaces */
	uint8_t mac_a[6], mac_b[6];
};

/*
 * Create the pair (veth MTU mtu, both ends up and able to send, IPv6
 * off).  Fails the test on error; SKIPs it without root or without `ip`.
 * At most 4 pairs per process.  Returns with the calling process in ns_b.
 */
void rc_netns_pair_create(struct rc_netns_pair *p, unsigned mtu);
/* Delete the veth now (namespaces go when the process exits). */
void rc_netns_pair_destroy(struct rc_netns_pair *p);
/* Move the calling thread into namespace ns (a path from the pair). */
void rc_netns_enter(const char *ns);
/* ifindex of ifname in the current namespace, or fail the test. */
int rc_netns_ifindex(const char *ifname);
/* Run a shell command inside ns; returns its exit status. */
int rc_netns_sh(const char *ns, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* What rc_send_frames sends. */
struct rc_send_spec {
	const char *ns;        /* namespace of the sender, NULL = current */
	const char *ifname;    /* interface to send on */
	unsigned count;
	unsigned first_seq;    /* sequence number of the first frame */
	const uint32_t *sizes; /* frame i is sizes[i % nsizes] bytes (>= 18, tag included) */
	unsigned nsizes;
	uint8_t dst[6], src[6];
	uint16_t vlan_tpid;    /* 0 = untagged, else 0x8100 / 0x88a8 */
	uint16_t vlan_tci;
	unsigned gap_us;       /* pause between frames, 0 = as fast as possible */
	int no_retry;          /* 1: one send(2) per frame, count attempts, not successes */
};

/* Build frame number i (seq = first_seq + i) of size bytes into buf. */
void rc_test_frame(uint8_t *buf, const struct rc_send_spec *s, unsigned i, uint32_t size);
/* Sequence number of a captured test frame (-1 if not one of ours). */
long rc_test_frame_seq(const uint8_t *frame, uint32_t caplen, int tagged);

/*
 * Send the frames from a child process (in s->ns) and wait for it.
 * Returns how many send(2) calls succeeded (with no_retry: how many were
 * made - each one passed the device's packet taps exactly once).  rc_send_start/rc_send_wait
 * split it for concurrent capture.
 */
unsigned long rc_send_frames(const struct rc_send_spec *s);
pid_t rc_send_start(const struct rc_send_spec *s, int *result_fd);
unsigned long rc_send_wait(pid_t pid, int result_fd);

/*
 * Read the capture file path to its end; every packet must be one of s's
 * frames, byte for byte, and no sequence number may repeat.  seen[]
 * (s->count entries, may be shared across files) marks the frames found.
 * Returns the packet count; fails the test otherwise.
 */
unsigned rc_test_check_frames_file(const char *path, const struct rc_send_spec *s,
				   unsigned char *seen);

/*
 * Send n UDP datagrams of 1, 2, ... n bytes to 127.0.0.1 from a socket
 * bound there (lo must be up), so each passes lo's packet taps twice,
 * sent and received; *port gets the port, source and destination alike.
 * Returns that socket: close it once the capture saw the datagrams - a
 * datagram received after it closed would draw an ICMP port unreachable.
 */
int rc_send_udp_lo(unsigned n, uint16_t *port);

/* ---- capture test helpers ---- */
#include "ringcap/capture.h"

#include <pthread.h>

/* Three tests per behaviour, one per back-end: body(backend). */
#define RC_TEST_EACH_BACKEND(name, secs, body)                     \
	TEST_TIMEOUT(name##_v3, secs) { body(RC_BACKEND_TPACKET_V3); } \
	TEST_TIMEOUT(name##_v2, secs) { body(RC_BACKEND_TPACKET_V2); } \
	TEST_TIMEOUT(name##_socket, secs) { body(RC_BACKEND_SOCKET); }

/* Create a handle on dev with back-end backend, timeout 200 ms; not yet active. */
rc_capture *rc_test_capture_new(const char *dev, int backend);
/* Activate, failing the test with the handle's message. */
void rc_test_capture_activate(rc_capture *c);
/* h[0]: one active handle on dev, or h[0..members): an RC_FANOUT_LB group
 * of members handles (group id from the pid); each set up with
 * rc_test_capture_new's options, then configure(c, index, user).  Fails
 * the test on error. */
void rc_test_open_members(rc_capture **h, unsigned members, const char *dev, int backend,
			  rc_fanout_configure configure, void *user);
/* The usual set-up: a fresh veth pair of this mtu, this process moved into
 * ns_b, and rc_test_capture_new(pair->if_b, backend) - not yet active. */
rc_capture *rc_test_pair_capture(struct rc_netns_pair *pair, unsigned mtu, int backend);

/* A thread that calls rc_capture_breakloop(c) after ms milliseconds;
 * rc_test_break_join waits for it. */
pthread_t rc_test_break_after(rc_capture *c, unsigned ms);
void rc_test_break_join(pthread_t t);

/*
 * How long a frame already sent may take to reach a capture before the
 * test calls it lost.  The receive path runs in softirq context, which
 * under load the kernel hands to ksoftirqd, an ordinary thread that waits
 * for a CPU like any other; the V3 retire timer is a softirq too.  So no
 * short time is safe: this bound is only ever reached when a frame really
 * is missing.
 */
#define RC_TEST_ARRIVAL_MS 20000

/*
 * Read packets until want were seen or quiet_ms passed without one; for
 * each packet call fn (may be NULL).  Returns the number read.  When want
 * frames were sent and must all come, quiet_ms is RC_TEST_ARRIVAL_MS (the
 * read ends at the count, the bound costs nothing); a short quiet_ms only
 * shows that nothing more comes, which can pass by luck but never fail.
 */
typedef void (*rc_test_pkt_fn)(void *user, const rc_packet *p);
unsigned long rc_test_capture_drain(rc_capture *c, unsigned long want, int quiet_ms,
				    rc_test_pkt_fn fn, void *user);

/*
 * Wait until the kernel has counted at least n packets for c (its
 * received statistic; the library adds up the kernel's counts, so reading
 * them here changes nothing the test reads later), or fail the test after
 * RC_TEST_ARRIVAL_MS.  Frames a sender has handed to the device may still
 * be on their way (a CPU's backlog) when it exits.
 */
void rc_test_wait_received(rc_capture *c, uint64_t n);

/* rc_capture_next, reading again after each read timeout until a packet
 * comes or RC_TEST_ARRIVAL_MS passed; returns the last result. */
int rc_test_capture_next_wait(rc_capture *c, rc_packet *p);

/*
 * The capture interface taken away mid-capture: capture on p->if_b (read
 * timeout timeout_ms, 0 = non-blocking and polled), send count frames of
 * sizes[i % nsizes] bytes from p->if_a, run the shell command cut_fmt in
 * namespace cut_ns (`ip link del` or `ip link set down`), then read.  Every
 * frame already queued must come first, in order and at full size; then
 * RC_ENETDOWN with a message naming if_b, again on the next read; the
 * statistics count each frame received and delivered, none dropped.
 * Fails the test otherwise.
 */
void rc_test_capture_until_enetdown(const struct rc_netns_pair *p, int backend, int timeout_ms,
				    const uint32_t *sizes, unsigned nsizes, unsigned count,
				    const char *cut_ns, const char *cut_fmt, ...)
	__attribute__((format(printf, 8, 9)));

#endif

/*
 * sock.c - the fall-back back-end: no ring, recvmmsg(2) from the packet
 * socket's receive queue into a private buffer (kernels or sandboxes that
 * refuse PACKET_RX_RING).
 *
 * Buffer: nslots (<= RC__SOCK_SLOTS) slots, each
 *
 *   [ RC__HEADROOM bytes ][ up to slot_data bytes of packet ]
 *   ^slot                 ^iov_base
 *
 * so deliver.c can write the VLAN tag and SLL2 header in front, as on the
 * rings.  Metadata comes from the ancillary data: PACKET_AUXDATA
 * (struct tpacket_auxdata: status, wire length, VLAN) and SO_TIMESTAMPNS /
 * SO_TIMESTAMPING; the sockaddr_ll from msg_name.  A slot is reused by the
 * next read call, which is what the zero-copy contract promises.
 *
 * The kernel reports a pending socket error (ENETDOWN) before the packets
 * still queued; we note it, keep reading the queue, and report it once
 * the queue is empty (capture_read.c).
 */
#include "capture/ring.h"

#include <errno.h>
#include <limits.h>
#include <linux/net_tstamp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "util/errmsg.h"

#define RC__SOCK_SLOTS 64u
#define RC__CMSG_BYTES 256u

struct rc__sockbuf {
	uint32_t nslots;
	uint32_t slot_size;
	uint32_t slot_data;
	uint8_t *buf;
	struct mmsghdr msgs[RC__SOCK_SLOTS];
	struct iovec iov[RC__SOCK_SLOTS];
	struct sockaddr_ll addr[RC__SOCK_SLOTS];
	union {
		struct cmsghdr align;
		uint8_t bytes[RC__CMSG_BYTES];
	} cmsg[RC__SOCK_SLOTS];
};

/*
 * The ring size becomes the receive buffer.  SO_RCVBUFFORCE passes
 * net.core.rmem_max with CAP_NET_ADMIN; without it SO_RCVBUF is clamped
 * to rmem_max.  The kernel keeps twice the size asked for (the other half
 * pays for sk_buff bookkeeping) in an int, so it caps the request at
 * INT_MAX / 2 (net/core/sock.c, __sock_set_rcvbuf).  What it granted is
 * read back: a buffer smaller than the ring size asked for gets a warning,
 * as a reduced ring does (ring.c).
 */
static void set_rcvbuf(rc_capture *c)
{
	int rcv = c->opts.ring_bytes > INT_MAX / 2 ? INT_MAX / 2 : (int)c->opts.ring_bytes;
	int forced = setsockopt(c->fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv)) == 0;
	if (!forced)
		(void)setsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv));
	int got = 0;
	socklen_t len = sizeof(got);
	if (getsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &got, &len) != 0)
		return;
	if ((uint64_t)got / 2 >= c->opts.ring_bytes)
		return;
	rc__warnf(c->warn, "%s: socket receive buffer reduced from %llu to %d bytes (%s)",
		  rc__capture_devname(c), (unsigned long long)c->opts.ring_bytes, got / 2,
		  forced ? "the kernel's maximum"
			 : "net.core.rmem_max: SO_RCVBUFFORCE needs CAP_NET_ADMIN");
}

static int sock_setup(rc_capture *c)
{
	struct rc__sockbuf *s = calloc(1, sizeof(*s));
	if (!s)
		return rc__errf(c->err, RC_ENOMEM, "out of memory for the socket buffer");
	s->slot_data = rc__capture_max_data(c);
	s->slot_size = (RC__HEADROOM + s->slot_data + 15u) & ~15u;
	/* Up to RC__SOCK_SLOTS packets per recvmmsg, in at most about 1 MiB:
	 * 64 KiB slots ("any", loopback) give 16 per call. */
	s->nslots = (1u << 20) / s->slot_size;
	if (s->nslots > RC__SOCK_SLOTS)
		s->nslots = RC__SOCK_SLOTS;
	if (s->nslots < 4)
		s->nslots = 4;
	s->buf = malloc((size_t)s->slot_size * s->nslots);
	if (!s->buf) {
		free(s);
		return rc__errf(c->err, RC_ENOMEM, "out of memory for the socket buffer");
	}
	int one = 1;
	if (setsockopt(c->fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof(one)) != 0) {
		int e = errno;
		free(s->buf);
		free(s);
		return rc__errf(c->err, rc__from_errno(e), "PACKET_AUXDATA: %s", strerror(e));
	}
	set_rcvbuf(c);
	if (c->opts.tstamp_source == RC_TSTAMP_SOFTWARE &&
	    setsockopt(c->fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof(one)) != 0) {
		int e = errno;
		free(s->buf);
		free(s);
		return rc__errf(c->err, rc__from_errno(e), "SO_TIMESTAMPNS: %s", strerror(e));
	}
	c->sock = s;
	return 0;
}

static void sock_teardown(rc_capture *c)
{
	struct rc__sockbuf *s = c->sock;
	if (!s)
		return;
	free(s->buf);
	free(s);
	c->sock = NULL;
}

static void sock_release(rc_capture *c)
{
	(void)c; /* slots are simply overwritten by the next recvmmsg */
}

static uint64_t now_nsec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int sock_read(rc_capture *c, rc_packet *pkts, size_t max)
{
	struct rc__sockbuf *s = c->sock;
	unsigned want = max < s->nslots ? (unsigned)max : s->nslots;

	for (unsigned i = 0; i < want; i++) {
		s->iov[i].iov_base = s->buf + (size_t)i * s->slot_size + RC__HEADROOM;
		s->iov[i].iov_len = s->slot_data;
		struct msghdr *m = &s->msgs[i].msg_hdr;
		memset(m, 0, sizeof(*m));
		m->msg_name = &s->addr[i];
		m->msg_namelen = sizeof(s->addr[i]);
		m->msg_iov = &s->iov[i];
		m->msg_iovlen = 1;
		m->msg_control = s->cmsg[i].bytes;
		m->msg_controllen = RC__CMSG_BYTES;
	}
	int got = recvmmsg(c->fd, s->msgs, want, MSG_DONTWAIT, NULL);
	if (got < 0) {
		int e = errno;
		if (e == EAGAIN || e == EINTR)
			return 0;
		if (e == ENETDOWN || e == ENODEV || e == ENXIO) {
			c->down_err = e;
			c->progress = 1; /* the queue may still hold packets */
			return 0;
		}
		return rc__errf(c->err, rc__from_errno(e), "%s: recvmmsg: %s",
				rc__capture_devname(c), strerror(e));
	}
	size_t n = 0;
	for (int i = 0; i < got; i++) {
		struct msghdr *m = &s->msgs[i].msg_hdr;
		struct rc__frame f = {
			.mac = s->iov[i].iov_base,
			.caplen = s->msgs[i].msg_len,
			.len = s->msgs[i].msg_len,
			.sll = &s->addr[i],
		};
		int have_ts = 0, hw_ts = 0;
		for (struct cmsghdr *cm = CMSG_FIRSTHDR(m); cm; cm = CMSG_NXTHDR(m, cm)) {
			if (cm->cmsg_level == SOL_PACKET && cm->cmsg_type == PACKET_AUXDATA &&
			    cm->cmsg_len >= CMSG_LEN(sizeof(struct tpacket_auxdata))) {
				struct tpacket_auxdata aux;
				memcpy(&aux, CMSG_DATA(cm), sizeof(aux));
				f.status = aux.tp_status;
				f.len = aux.tp_len;
				f.vlan_tci = aux.tp_vlan_tci;
				f.vlan_tpid = aux.tp_vlan_tpid;
			} else if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_TIMESTAMPNS &&
				   cm->cmsg_len >= CMSG_LEN(sizeof(struct timespec))) {
				struct timespec ts;
				memcpy(&ts, CMSG_DATA(cm), sizeof(ts));
				f.ts_nsec = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
				have_ts = 1;
			} else if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_TIMESTAMPING &&
				   cm->cmsg_len >= CMSG_LEN(3 * sizeof(struct timespec))) {
				struct timespec ts[3];
				memcpy(ts, CMSG_DATA(cm), sizeof(ts));
				/* ts[2] is the raw hardware time stamp, zero when
				 * the NIC did not stamp this packet (struct
				 * scm_timestamping, Documentation/networking/
				 * timestamping.rst): then the read time stands in. */
				if (ts[2].tv_sec != 0 || ts[2].tv_nsec != 0) {
					f.ts_nsec = (uint64_t)ts[2].tv_sec * 1000000000u +
						    (uint64_t)ts[2].tv_nsec;
					have_ts = hw_ts = 1;
				}
			}
		}
		if (!have_ts)
			f.ts_nsec = now_nsec();
		/* After the loop: PACKET_AUXDATA, which comes after the stamps
		 * (packet_recvmsg), sets the whole status word. */
		if (hw_ts)
			f.status |= TP_STATUS_TS_RAW_HARDWARE;
		if (f.len < f.caplen)
			f.len = f.caplen;
		c->progress = 1;
		if (c->reading_stash)
			c->stash_frame[n] = f; /* see frame_again */
		n += (size_t)rc__capture_deliver(c, &f, &pkts[n]);
	}
	return (int)n;
}

static void sock_frame_again(const rc_capture *c, size_t i, struct rc__frame *f)
{
	*f = c->stash_frame[i];
}

const struct rc__backend rc__backend_socket = {
	.name = "socket",
	.id = RC_BACKEND_SOCKET,
	.packet_version = -1,
	.setup = sock_setup,
	.teardown = sock_teardown,
	.read = sock_read,
	.release = sock_release,
	.frame_again = sock_frame_again,
	.kstats = rc__ring_kstats,
};

/*
 * capture_read.c - reading (batch, single, loop), waiting, breakloop,
 * statistics, filters and injection: everything an active handle does.
 *
 * A read call:
 *   1. returns packets rc_capture_loop left over (stash) if any;
 *   2. hands the previous batch's slots back to the kernel (unless
 *      rc_capture_release did already);
 *   3. loops: breakloop flag? -> RC_EBREAK; back-end read (non-blocking);
 *      nothing ready -> poll(2) on { packet socket, eventfd } with what is
 *      left of the timeout.
 * The eventfd makes rc_capture_breakloop wake a blocked poll: write(2) is
 * async-signal-safe, so a signal handler may call it.  The flag, not the
 * eventfd, says whether the loop was broken: breakloop stores the flag and
 * then writes, so a reader on another thread may take the flag (and drain)
 * between the two and find the write later.  Whenever a wait wakes up on
 * the eventfd we drain it and look at the flag again; a wake-up without
 * the flag is stale and costs one more turn, never a spin.
 *
 * Interface gone: the kernel sets sk_err = ENETDOWN (packet_notifier on
 * NETDEV_DOWN / NETDEV_UNREGISTER), poll reports POLLERR; we fetch and
 * clear it with SO_ERROR, keep delivering what is still in the ring - for
 * TPACKET_V3 waiting for the last, partly filled block to be closed - and
 * then return RC_ENETDOWN on every call.
 */
#include "capture/capture_int.h"
#include "capture/cooked_filter.h"
#include "capture/kernel_holds.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/errmsg.h"

#define RC__MAX_BATCH 65536u
/*
 * The kernel's V3 retire timer closes a block within two retire timeouts
 * - on time.  It runs as a softirq, which under load the kernel defers to
 * ksoftirqd, a thread that waits for a CPU like any other; so while the
 * block still holds packets an interface that went away waits this much
 * longer for it.  Only a timer that never fires runs into it.
 */
#define RC__DOWN_HELD_MS 5000u

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void drain_eventfd(rc_capture *c)
{
	uint64_t v;
	while (read(c->efd, &v, sizeof(v)) == (ssize_t)sizeof(v))
		;
}

static int down_status(rc_capture *c)
{
	return rc__errf(c->err, RC_ENETDOWN, "%s: interface went down or was removed (%s)",
			rc__capture_devname(c), strerror(c->down_err));
}

/* POLLERR on the socket: fetch (and clear) the pending error. */
static int socket_error(rc_capture *c)
{
	int soerr = 0;
	socklen_t len = sizeof(soerr);
	if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0)
		return rc__errf(c->err, RC_EIO, "%s: SO_ERROR: %s", rc__capture_devname(c),
				strerror(errno));
	if (soerr == ENETDOWN || soerr == ENODEV || soerr == ENXIO) {
		c->down_err = soerr;
		return 0;
	}
	if (soerr)
		return rc__errf(c->err, rc__from_errno(soerr), "%s: socket error: %s",
				rc__capture_devname(c), strerror(soerr));
	return 0;
}

/* RC_ESTATE for a call (what) that needs an active handle. */
static int not_active(rc_capture *c, const char *what)
{
	return rc__errf(c->err, RC_ESTATE, "%s: %s on a handle that is not active",
			rc__capture_devname(c), what);
}

int rc_capture_next_batch(rc_capture *c, rc_packet *pkts, size_t max)
{
	if (!c)
		return RC_EINVAL;
	if (!pkts && max)
		return rc__errf(c->err, RC_EINVAL, "%s: rc_capture_next_batch: pkts is NULL",
				rc__capture_devname(c));
	if (c->state != RC__ACTIVE)
		return not_active(c, "read");
	if (max == 0)
		return 0;
	if (max > RC__MAX_BATCH)
		max = RC__MAX_BATCH;
	if (c->stash_pos < c->stash_n) {
		size_t n = c->stash_n - c->stash_pos;
		if (n > max)
			n = max;
		if (pkts != c->stash + c->stash_pos)
			memmove(pkts, c->stash + c->stash_pos, n * sizeof(*pkts));
		c->stash_pos += n;
		return (int)n;
	}
	c->stash_pos = c->stash_n = 0;
	c->be->release(c);

	int timeout = c->opts.timeout_ms;
	uint64_t deadline = 0; /* set when we first have to wait: clock reads cost */
	int checked = 0;
	for (;;) {
		if (atomic_exchange(&c->break_flag, 0)) {
			drain_eventfd(c);
			return rc__errf(c->err, RC_EBREAK, "%s: loop broken by rc_capture_breakloop",
					rc__capture_devname(c));
		}
		c->progress = 0;
		c->reading_stash = pkts == c->stash;
		int n = c->be->read(c, pkts, max);
		if (n > 0)
			rc__count_add(&c->delivered, (uint64_t)n);
		if (n != 0)
			return n;
		c->be->release(c); /* slots whose every packet was discarded */
		uint64_t now = mono_ms();
		if (timeout > 0 && !deadline)
			deadline = now + (uint64_t)timeout;
		if (c->progress && (!deadline || now < deadline))
			continue;
		/*
		 * Immediate mode under load.  Waking up for every packet costs
		 * about 1 us of CPU each (poll, scheduler, the ring check) - at
		 * 600,000 packets/s more than the packets themselves.  So when
		 * more than one packet was returned since the last wait (they
		 * queued while we worked: a busy link; counted across calls, so
		 * one-packet readers see it too) and the ring is now empty,
		 * wait opts.pause_us on the eventfd only (breakloop still wakes
		 * it) before reading again, instead of poll()ing for the very
		 * next packet.  A packet then waits at most that long plus the
		 * timer's slack, far inside the 1 ms an immediate-mode reader
		 * may take; at low rates (one packet per wake-up) nothing
		 * changes.
		 */
		uint64_t delivered = atomic_load_explicit(&c->delivered, memory_order_relaxed);
		int busy = delivered - c->delivered_at_wait > 1;
		c->delivered_at_wait = delivered;
		if (busy && c->opts.immediate && c->opts.pause_us && timeout != 0 && !c->down_err &&
		    !c->input_stopped) {
			struct pollfd efd = { .fd = c->efd, .events = POLLIN };
			struct timespec pause = { 0, (long)c->opts.pause_us * 1000 };
			/* EINTR: just read again */
			if (ppoll(&efd, 1, &pause, NULL) > 0 && (efd.revents & POLLIN))
				drain_eventfd(c);
			continue;
		}

		int wait_ms;
		if (c->down_err || c->input_stopped) {
			if (!c->down_deadline_ms) {
				uint64_t tov = c->be->id == RC_BACKEND_TPACKET_V3
						       ? (c->tov_ms ? c->tov_ms : 100)
						       : 0;
				/* Nothing on its way in once the kernel synced. */
				c->down_deadline_ms = c->input_stopped == RC__STOPPED_SYNCED
							      ? now
							      : now + 2 * tov + 20;
			}
			/* Wait for the last, partly filled block to be retired -
			 * even in non-blocking mode: two timeouts if it is empty
			 * (a packet may still be on its way in), longer while
			 * it holds packets. */
			uint64_t end = c->down_deadline_ms;
			if (c->be->kernel_holds && c->be->kernel_holds(c))
				end += RC__DOWN_HELD_MS;
			if (now >= end)
				return c->down_err ? down_status(c)
						   : rc__errf(c->err, RC_EEOF,
							      "%s: input stopped, every packet read",
							      rc__capture_devname(c));
			wait_ms = (int)(end - now);
		} else if (timeout == 0) {
			/* Non-blocking: one zero-time poll notices a socket error
			 * (interface gone), which an epoll user sees as EPOLLERR. */
			if (checked)
				return 0;
			checked = 1;
			wait_ms = 0;
		} else {
			wait_ms = timeout;
			if (deadline) {
				if (now >= deadline)
					return 0;
				wait_ms = (int)(deadline - now);
			}
		}
		struct pollfd pfd[2] = {
			{ .fd = c->fd, .events = POLLIN },
			{ .fd = c->efd, .events = POLLIN },
		};
		int r = poll(pfd, 2, wait_ms);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return rc__errf(c->err, RC_EIO, "%s: poll: %s", rc__capture_devname(c),
					strerror(errno));
		}
		if (pfd[1].revents & POLLIN)
			drain_eventfd(c); /* the flag is checked at the top of the loop */
		if (pfd[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
			int st = socket_error(c);
			if (st < 0)
				return st;
			if (!c->down_err && (pfd[0].revents & (POLLHUP | POLLNVAL)))
				return rc__errf(c->err, RC_EIO, "%s: socket hung up",
						rc__capture_devname(c));
		}
	}
}

int rc_capture_release(rc_capture *c)
{
	if (!c)
		return RC_EINVAL;
	if (c->state != RC__ACTIVE)
		return not_active(c, "release");
	/* Packets rc_capture_loop has not handled yet live in those slots. */
	if (c->stash_pos < c->stash_n)
		return 0;
	/* The back-ends' release gives back only what the caller has seen
	 * in full: a V3 block with packets left stays (release_blk unset). */
	c->be->release(c);
	return 0;
}

int rc__capture_kernel_holds(const rc_capture *c)
{
	return c && c->state == RC__ACTIVE && c->be->kernel_holds && c->be->kernel_holds(c);
}

int rc_capture_next(rc_capture *c, rc_packet *pkt)
{
	if (c && !pkt)
		return rc__errf(c->err, RC_EINVAL, "%s: rc_capture_next: pkt is NULL",
				rc__capture_devname(c));
	return rc_capture_next_batch(c, pkt, 1);
}

int rc_capture_loop(rc_capture *c, long count, rc_capture_handler handler, void *user)
{
	if (!c)
		return RC_EINVAL;
	if (!handler)
		return rc__errf(c->err, RC_EINVAL, "%s: rc_capture_loop: handler is NULL",
				rc__capture_devname(c));
	long handled = 0;
	while (count <= 0 || handled < count) {
		size_t want = RC__STASH;
		if (count > 0 && (unsigned long)(count - handled) < want)
			want = (size_t)(count - handled);
		/* Read into the stash so that a breakloop from the handler
		 * leaves the rest of the batch for the next read call. */
		int n = c->stash_pos < c->stash_n ? (int)(c->stash_n - c->stash_pos)
						  : rc_capture_next_batch(c, c->stash, want);
		if (n < 0)
			return n;
		if (n == 0) {
			if (c->opts.timeout_ms == 0)
				return handled > INT_MAX ? INT_MAX : (int)handled;
			continue;
		}
		if (c->stash_pos >= c->stash_n) {
			c->stash_pos = 0;
			c->stash_n = (size_t)n;
		}
		while (c->stash_pos < c->stash_n && (count <= 0 || handled < count)) {
			handler(user, &c->stash[c->stash_pos++]);
			handled++;
			if (atomic_load(&c->break_flag))
				break;
		}
		if (atomic_load(&c->break_flag) && c->stash_pos < c->stash_n) {
			atomic_store(&c->break_flag, 0);
			drain_eventfd(c);
			return rc__errf(c->err, RC_EBREAK, "%s: loop broken by rc_capture_breakloop",
					rc__capture_devname(c));
		}
	}
	return handled > INT_MAX ? INT_MAX : (int)handled;
}

/*
 * First a filter that rejects every packet: the kernel counts a packet in
 * PACKET_STATISTICS only once the socket's filter took it (af_packet.c,
 * tpacket_rcv / packet_rcv), so nothing new is queued or counted.  But
 * the swap does not wait for a CPU that ran the old filter a moment
 * before and is about to queue its packet.  A bind to another protocol
 * does: packet_do_bind unhooks the socket with __unregister_prot_hook(sk,
 * true), which waits in synchronize_net() until no CPU is in the receive
 * path, and then hooks it for the new protocol, where the filter rejects
 * everything.  (Protocol 0 would mean "keep the current one".)  Fanout
 * members may not bind (EINVAL); their reads wait for such a packet as for
 * one of a vanished interface (rc_capture_next_batch).
 */
int rc_capture_stop_input(rc_capture *c)
{
	if (!c)
		return RC_EINVAL;
	if (c->state != RC__ACTIVE)
		return not_active(c, "stop_input");
	if (c->input_stopped)
		return 0;
	struct sock_filter reject = BPF_STMT(BPF_RET | BPF_K, 0);
	struct sock_fprog prog = { .len = 1, .filter = &reject };
	if (setsockopt(c->fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)) != 0)
		return rc__errf(c->err, rc__from_errno(errno), "%s: stopping the input: %s",
				rc__capture_devname(c), strerror(errno));
	c->input_stopped = RC__STOPPED_FILTERED;
	c->down_deadline_ms = 0;
	if (!c->opts.fanout_on) {
		uint16_t now = c->opts.protocol ? c->opts.protocol : ETH_P_ALL;
		struct sockaddr_ll sll = {
			.sll_family = AF_PACKET,
			.sll_protocol = htons(now == ETH_P_ALL ? ETH_P_802_3 : ETH_P_ALL),
			.sll_ifindex = c->ifindex,
		};
		/* ENODEV: the device is gone, and the wait covers it. */
		if (bind(c->fd, (struct sockaddr *)&sll, sizeof(sll)) == 0)
			c->input_stopped = RC__STOPPED_SYNCED;
	}
	return 0;
}

void rc_capture_breakloop(rc_capture *c)
{
	if (!c || c->state != RC__ACTIVE)
		return;
	int saved = errno; /* may run in a signal handler */
	atomic_store(&c->break_flag, 1);
	uint64_t one = 1;
	ssize_t r = write(c->efd, &one, sizeof(one));
	(void)r;
	errno = saved;
}

/*
 * May run in another thread while one reads (capture.h), so it touches
 * nothing the reader writes except the counters, which are atomic: not
 * c->err either, when PACKET_STATISTICS fails.  An inactive handle has no
 * reader, so RC_ESTATE may name itself.
 */
int rc_capture_stats_get(rc_capture *c, rc_capture_stats *st)
{
	if (!c)
		return RC_EINVAL;
	if (!st)
		return rc__errf(c->err, RC_EINVAL, "%s: rc_capture_stats_get: st is NULL",
				rc__capture_devname(c));
	if (c->state != RC__ACTIVE)
		return rc__errf(c->err, RC_ESTATE, "%s: statistics of a handle that is not active",
				rc__capture_devname(c));
	uint64_t packets = 0, drops = 0, freeze = 0;
	int r = c->be->kstats(c, &packets, &drops, &freeze);
	if (r < 0)
		return r;
	/* The kernel hands each count to one getsockopt only: two callers
	 * at once each add their own share. */
	st->received = atomic_fetch_add(&c->k_packets, packets) + packets;
	st->dropped = atomic_fetch_add(&c->k_drops, drops) + drops;
	st->freeze_count = atomic_fetch_add(&c->k_freeze, freeze) + freeze;
	st->delivered = atomic_load_explicit(&c->delivered, memory_order_relaxed);
	st->dir_discarded = atomic_load_explicit(&c->dir_discarded, memory_order_relaxed);
	st->filter_discarded = atomic_load_explicit(&c->filter_discarded, memory_order_relaxed);
	return 0;
}

/*
 * Attach prog to c's socket, or detach whatever is attached (prog NULL;
 * none attached is fine).  On failure the old kernel filter stays.
 */
static int kernel_filter(rc_capture *c, const rc_bpf_insn *prog, size_t len)
{
	if (!prog) {
		int dummy = 0;
		if (setsockopt(c->fd, SOL_SOCKET, SO_DETACH_FILTER, &dummy, sizeof(dummy)) != 0 &&
		    errno != ENOENT)
			return rc__errf(c->err, rc__from_errno(errno), "%s: removing the filter: %s",
					rc__capture_devname(c), strerror(errno));
		return 0;
	}
	/* rc_bpf_insn has struct sock_filter's layout (filter.h). */
	struct sock_fprog fprog = { .len = (unsigned short)len,
				    .filter = (struct sock_filter *)(uintptr_t)prog };
	if (setsockopt(c->fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof(fprog)) != 0) {
		int e = errno;
		return rc__errf(c->err, e == ENOMEM ? RC_ENOMEM : RC_EINVAL,
				"%s: kernel refused the filter, old filter kept: %s",
				rc__capture_devname(c), strerror(e));
	}
	return 0;
}

int rc_capture_set_filter(rc_capture *c, const rc_bpf_insn *insns, size_t len)
{
	if (!c)
		return RC_EINVAL;
	if (c->state != RC__ACTIVE)
		return rc__errf(c->err, RC_ESTATE, "%s: set_filter needs an active handle",
				rc__capture_devname(c));
	if (c->input_stopped)
		return rc__errf(c->err, RC_ESTATE, "%s: set_filter after rc_capture_stop_input",
				rc__capture_devname(c));
	if (len == 0) {
		if (c->filter) {
			int st = kernel_filter(c, NULL, 0);
			if (st < 0)
				return st;
		}
		free(c->filter);
		c->filter = NULL;
		c->filter_len = 0;
		c->recheck_slots = 0;
		c->warn[c->warn_activate] = '\0';
		return 0;
	}
	char msg[RC_ERRBUF_SIZE];
	if (!insns)
		return rc__errf(c->err, RC_EINVAL, "filter: %zu instructions but no program", len);
	if (rc_bpf_validate(insns, len, msg) < 0)
		return rc__errf(c->err, RC_EINVAL, "filter rejected, old filter kept: %s", msg);
	rc_bpf_insn *copy = malloc(len * sizeof(*copy));
	if (!copy)
		return rc__errf(c->err, RC_ENOMEM, "out of memory for the filter");
	memcpy(copy, insns, len * sizeof(*copy));
	rc_bpf_insn *kprog = copy;
	size_t klen = len;
	int translated = 0;
	if (c->sock_cooked) {
		/* The program reads the cooked header of c's link type now: a
		 * header switched later does not change what is attached. */
		translated = rc__cooked_filter(copy, len, c->linktype, &kprog, &klen, msg);
		if (translated < 0) {
			free(copy);
			return rc__errf(c->err, RC_ENOMEM, "out of memory for the filter");
		}
		if (!translated)
			kprog = NULL; /* user space alone: no kernel filter */
	}
	int st = kernel_filter(c, kprog, klen);
	if (kprog != copy)
		free(kprog);
	if (st < 0 && translated) {
		/* e.g. ENOMEM past net.core.optmem_max: user space takes any
		 * valid program, as before the translation existed */
		snprintf(msg, sizeof(msg), "the kernel refused its translation (%s%s)",
			 rc_strerror(st), st == RC_ENOMEM ? ": net.core.optmem_max too small?" : "");
		translated = 0;
		st = kernel_filter(c, NULL, 0);
	}
	if (st < 0) {
		free(copy);
		return st;
	}
	free(c->filter);
	c->filter = copy;
	c->filter_len = len;
	/* The previous filter's warning goes with it.  A cooked program the
	 * kernel cannot run lets every packet into the ring, to be copied
	 * there and then judged here: the user should know why. */
	c->warn[c->warn_activate] = '\0';
	if (c->sock_cooked && !translated)
		rc__warnf(c->warn, "%s: the filter cannot run in the kernel, so every packet is "
			  "copied and filtered in user space: %s", rc__capture_devname(c), msg);
	/* A cooked program the kernel cannot run is run here on every
	 * packet; a translated one on the tagged packets it hands over. */
	c->filter_user_always = c->be->id == RC_BACKEND_SOCKET || (c->sock_cooked && !translated);
	c->filter_user_tagged = translated;
	/* Packets the old filter let into the ring are at most one ring turn
	 * ahead of us (the kernel cannot pass unread slots), including one
	 * still being copied on another CPU: re-run the new filter on them. */
	c->recheck_slots = c->be->id == RC_BACKEND_TPACKET_V3   ? (uint64_t)c->block_nr + 1
			   : c->be->id == RC_BACKEND_TPACKET_V2 ? (uint64_t)c->frame_nr + 1
								: 0;
	/* Stashed packets were delivered by rc_capture_loop's read already;
	 * deliver them again, now through the new filter.  deliver.c runs it
	 * here as on a new packet (recheck_slots > 0, or filter_user_always
	 * for the socket back-end): on the bytes and with the metadata the
	 * kernel gave, not on what deliver made of them. */
	size_t keep = c->stash_pos;
	for (size_t i = c->stash_pos; i < c->stash_n; i++) {
		struct rc__frame f;
		c->be->frame_again(c, i, &f);
		/* A raw socket's VLAN tag went in by moving the MAC addresses
		 * 4 bytes forward; move them back.  Cooked headers were written
		 * in front of f.mac, the bytes from f.mac on are unchanged. */
		if (!c->sock_cooked && c->stash[i].data != f.mac)
			memmove(f.mac, f.mac - RC__VLAN_LEN, 12);
		if (rc__capture_deliver(c, &f, &c->stash[keep]) == 0)
			continue; /* counted in filter_discarded by deliver */
		c->stash_sll[keep] = c->stash_sll[i];
		c->stash_frame[keep] = c->stash_frame[i];
		keep++;
	}
	/* No longer delivered; subtracted by the single writer, as
	 * rc__count_add adds. */
	atomic_store_explicit(&c->delivered,
			      atomic_load_explicit(&c->delivered, memory_order_relaxed) -
				      (c->stash_n - keep),
			      memory_order_relaxed);
	c->stash_n = keep;
	return 0;
}

static int send_status(rc_capture *c, int e, size_t len)
{
	switch (e) {
	case EAGAIN:
	case ENOBUFS:
		return rc__errf(c->err, RC_EAGAIN, "%s: send buffer full", rc__capture_devname(c));
	case ENETDOWN:
	case ENXIO:
	case ENODEV:
		return rc__errf(c->err, RC_ENETDOWN, "%s: cannot send, interface down or gone: %s",
				rc__capture_devname(c), strerror(e));
	case EMSGSIZE:
		return rc__errf(c->err, RC_EINVAL, "%s: frame of %zu bytes larger than the MTU",
				rc__capture_devname(c), len);
	default:
		return rc__errf(c->err, rc__from_errno(e), "%s: send: %s", rc__capture_devname(c),
				strerror(e));
	}
}

static int inject_check(rc_capture *c)
{
	if (!c)
		return RC_EINVAL;
	if (c->state != RC__ACTIVE)
		return rc__errf(c->err, RC_ESTATE, "%s: inject needs an active handle",
				rc__capture_devname(c));
	if (!c->ifindex || c->sock_cooked)
		return rc__errf(c->err, RC_ENOTSUP,
				"%s: injection needs a raw (not cooked) handle on one device",
				rc__capture_devname(c));
	return 0;
}

int rc_capture_inject(rc_capture *c, const void *frame, size_t len)
{
	int st = inject_check(c);
	if (st < 0)
		return st;
	if (!frame)
		return rc__errf(c->err, RC_EINVAL, "%s: inject: frame is NULL",
				rc__capture_devname(c));
	if (len == 0 || len > 65535)
		return rc__errf(c->err, RC_EINVAL, "%s: frame length %zu out of range 1..65535",
				rc__capture_devname(c), len);
	ssize_t r = send(c->fd, frame, len, c->opts.timeout_ms == 0 ? MSG_DONTWAIT : 0);
	if (r < 0)
		return send_status(c, errno, len);
	return 0;
}

int rc_capture_inject_batch(rc_capture *c, const uint8_t *const *frames, const uint32_t *lens,
			    size_t n)
{
	enum { CHUNK = 256 };
	struct mmsghdr msgs[CHUNK];
	struct iovec iov[CHUNK];
	int st = inject_check(c);
	if (st < 0)
		return st;
	if (n && (!frames || !lens))
		return rc__errf(c->err, RC_EINVAL, "%s: inject_batch without frames",
				rc__capture_devname(c));
	if (n > INT32_MAX)
		n = INT32_MAX;
	for (size_t i = 0; i < n; i++) {
		if (!frames[i])
			return rc__errf(c->err, RC_EINVAL, "%s: inject_batch: frame %zu is NULL",
					rc__capture_devname(c), i);
		if (lens[i] == 0 || lens[i] > 65535)
			return rc__errf(c->err, RC_EINVAL, "%s: frame %zu length %u out of range 1..65535",
					rc__capture_devname(c), i, lens[i]);
	}
	size_t sent = 0;
	while (sent < n) {
		unsigned k = n - sent < CHUNK ? (unsigned)(n - sent) : CHUNK;
		memset(msgs, 0, sizeof(msgs[0]) * k);
		for (unsigned i = 0; i < k; i++) {
			iov[i].iov_base = (void *)(uintptr_t)frames[sent + i];
			iov[i].iov_len = lens[sent + i];
			msgs[i].msg_hdr.msg_iov = &iov[i];
			msgs[i].msg_hdr.msg_iovlen = 1;
		}
		int r = sendmmsg(c->fd, msgs, k, c->opts.timeout_ms == 0 ? MSG_DONTWAIT : 0);
		if (r < 0) {
			if (sent)
				break;
			return send_status(c, errno, lens[0]);
		}
		sent += (size_t)r;
		if ((unsigned)r < k)
			break;
	}
	return (int)sent;
}

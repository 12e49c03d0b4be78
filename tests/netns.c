/*
 * netns.c - see netns.h.
 */
#include "netns.h"

#include "harness.h"
#include "testutil.h"
#include "ringcap/file.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define RC_NETNS_MAX_PAIRS 4

static unsigned rc_netns_npairs;

/* Move the calling thread into the namespace behind path (setns). */
static int enter_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = setns(fd, CLONE_NEWNET);
	close(fd);
	return r;
}

/* rc_netns_sh on a va_list, for helpers that take a command format too. */
__attribute__((format(printf, 2, 0)))
static int netns_vsh(const char *ns, const char *fmt, va_list ap)
{
	char *cmd;
	if (vasprintf(&cmd, fmt, ap) < 0)
		rc_test_fail(__FILE__, __LINE__, "vasprintf failed");
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		rc_test_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
	if (pid == 0) {
		if (enter_path(ns) != 0)
			_exit(126);
		/* As `ip netns exec` does: a private mount namespace with /sys
		 * remounted, so /sys/class/net shows this namespace's devices.
		 * Best effort: without it only sysfs lookups see the host. */
		if (unshare(CLONE_NEWNS) == 0 &&
		    mount("", "/", NULL, MS_SLAVE | MS_REC, NULL) == 0 &&
		    umount2("/sys", MNT_DETACH) == 0)
			(void)mount("sysfs", "/sys", "sysfs", 0, NULL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int rc_netns_sh(const char *ns, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int st = netns_vsh(ns, fmt, ap);
	va_end(ap);
	return st;
}

/*
 * An fd on the current network namespace, as a path others can open.
 * Close-on-exec: helpers enter a namespace through the path before they
 * exec (netns_vsh, rc_send_start), and `ip link add ... netns` gets the pid
 * of a parked child, so no program needs the fd; one that inherited it would
 * keep the namespace alive after the test is gone.
 */
static int hold_current(char *path, size_t len)
{
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		rc_test_fail(__FILE__, __LINE__, "open /proc/self/ns/net: %s", strerror(errno));
	snprintf(path, len, "/proc/%ld/fd/%d", (long)getpid(), fd);
	return fd;
}

/*
 * Wait until ifname in ns can send.  if_b comes up first, without a
 * carrier (its peer is down), so its transmit queue keeps the noop qdisc,
 * which drops every frame while send(2) reports success (NET_XMIT_CN):
 * the carrier if_a's ifup gives it is acted on later, by the linkwatch
 * work (net/core/link_watch.c, linkwatch_do_dev: operstate, then
 * dev_activate), a kernel thread that waits for a CPU under load.  So
 * wait for operstate UP, then run one command that takes the RTNL lock,
 * which linkwatch holds across both steps.  Bounded: 20 s.
 */
static int link_ready(const char *ns, const char *ifname)
{
	return rc_netns_sh(ns,
			   "for i in $(seq 2000); do ip -o link show dev %s | grep -q ' state UP ' "
			   "&& exec ip link set dev %s up; sleep 0.01; done; exit 1",
			   ifname, ifname) == 0;
}

void rc_netns_pair_create(struct rc_netns_pair *p, unsigned mtu)
{
	rc_test_need_root();
	rc_test_need_tool("ip");
	if (rc_netns_npairs == RC_NETNS_MAX_PAIRS)
		rc_test_fail(__FILE__, __LINE__, "more than %d namespace pairs", RC_NETNS_MAX_PAIRS);
	unsigned k = rc_netns_npairs++;
	memset(p, 0, sizeof(*p));
	snprintf(p->if_a, sizeof(p->if_a), "rca%ld_%u", (long)getpid() % 100000000, k);
	snprintf(p->if_b, sizeof(p->if_b), "rcb%ld_%u", (long)getpid() % 100000000, k);
	static const uint8_t ma[6] = { 0x02, 0x72, 0x63, 0, 0, 0x0a };
	static const uint8_t mb[6] = { 0x02, 0x72, 0x63, 0, 0, 0x0b };
	memcpy(p->mac_a, ma, 6);
	memcpy(p->mac_b, mb, 6);

	/* Two fresh namespaces, held only by file descriptors of this process. */
	if (unshare(CLONE_NEWNET) != 0)
		rc_test_fail(__FILE__, __LINE__, "unshare(CLONE_NEWNET): %s", strerror(errno));
	p->fd_a = hold_current(p->ns_a, sizeof(p->ns_a));
	if (unshare(CLONE_NEWNET) != 0)
		rc_test_fail(__FILE__, __LINE__, "unshare(CLONE_NEWNET): %s", strerror(errno));
	p->fd_b = hold_current(p->ns_b, sizeof(p->ns_b));

	/* `ip link add ... netns X` wants a name or a pid: a child parked in
	 * A.  It says when it is there: until its setns, the pid names the
	 * namespace it was forked in (B), and the peer would be made there. */
	int go[2], ready[2];
	if (pipe(go) != 0 || pipe(ready) != 0)
		rc_test_fail(__FILE__, __LINE__, "pipe: %s", strerror(errno));
	fflush(NULL);
	pid_t holder = fork();
	if (holder < 0)
		rc_test_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
	if (holder == 0) {
		close(go[1]);
		close(ready[0]);
		if (setns(p->fd_a, CLONE_NEWNET) != 0)
			_exit(1);
		char c = 1;
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		while (read(go[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(0);
	}
	close(go[0]);
	close(ready[1]);
	char parked;
	ssize_t got;
	while ((got = read(ready[0], &parked, 1)) < 0 && errno == EINTR)
		;
	close(ready[0]);
	const char *off = "sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1";
	int ok = got == 1 && rc_netns_sh(p->ns_a, "%s", off) == 0 &&
		 rc_netns_sh(p->ns_b,
			     "%s && ip link add %s address 02:72:63:00:00:0b mtu %u type veth "
			     "peer name %s address 02:72:63:00:00:0a mtu %u netns %ld && ip link set %s up",
			     off, p->if_b, mtu, p->if_a, mtu, (long)holder, p->if_b) == 0 &&
		 rc_netns_sh(p->ns_a, "ip link set %s up", p->if_a) == 0;
	close(go[1]);
	waitpid(holder, NULL, 0);
	ok = ok && link_ready(p->ns_b, p->if_b) && link_ready(p->ns_a, p->if_a);
	if (!ok)
		rc_test_fail(__FILE__, __LINE__, "could not create the veth pair %s/%s", p->if_a,
			     p->if_b);
	rc_netns_enter(p->ns_a);
	p->ifindex_a = rc_netns_ifindex(p->if_a);
	rc_netns_enter(p->ns_b);
	p->ifindex_b = rc_netns_ifindex(p->if_b);
}

void rc_netns_pair_destroy(struct rc_netns_pair *p)
{
	rc_netns_sh(p->ns_a, "ip link del %s 2>/dev/null", p->if_a);
}

void rc_netns_enter(const char *ns)
{
	if (enter_path(ns) != 0)
		rc_test_fail(__FILE__, __LINE__, "setns %s: %s", ns, strerror(errno));
}

int rc_netns_ifindex(const char *ifname)
{
	unsigned idx = if_nametoindex(ifname);
	if (!idx)
		rc_test_fail(__FILE__, __LINE__, "no interface %s here", ifname);
	return (int)idx;
}

void rc_test_frame(uint8_t *buf, const struct rc_send_spec *s, unsigned i, uint32_t size)
{
	uint32_t seq = s->first_seq + i;
	size_t off = 12;
	memcpy(buf, s->dst, 6);
	memcpy(buf + 6, s->src, 6);
	if (s->vlan_tpid) {
		buf[12] = (uint8_t)(s->vlan_tpid >> 8);
		buf[13] = (uint8_t)s->vlan_tpid;
		buf[14] = (uint8_t)(s->vlan_tci >> 8);
		buf[15] = (uint8_t)s->vlan_tci;
		off = 16;
	}
	buf[off] = RC_TEST_ETHERTYPE >> 8;
	buf[off + 1] = RC_TEST_ETHERTYPE & 0xff;
	off += 2;
	uint8_t *pl = buf + off;
	size_t plen = size - off;
	uint8_t sq[4] = { (uint8_t)(seq >> 24), (uint8_t)(seq >> 16), (uint8_t)(seq >> 8),
			  (uint8_t)seq };
	for (size_t k = 0; k < plen; k++)
		pl[k] = k < 4 ? sq[k] : (uint8_t)((seq * 7u + k) & 0xff);
}

long rc_test_frame_seq(const uint8_t *f, uint32_t caplen, int tagged)
{
	uint32_t off = tagged ? 16 : 12;
	if (caplen < off + 6)
		return -1;
	if (f[off] != (RC_TEST_ETHERTYPE >> 8) || f[off + 1] != (RC_TEST_ETHERTYPE & 0xff))
		return -1;
	const uint8_t *q = f + off + 2;
	return (long)(((uint32_t)q[0] << 24) | ((uint32_t)q[1] << 16) | ((uint32_t)q[2] << 8) | q[3]);
}

/*
 * The tests check that frames arrive in the order sent.  A frame a packet
 * socket sends on a veth is queued on the backlog of the CPU the sender
 * runs on (veth_xmit -> netif_rx -> enqueue_to_backlog, net/core/dev.c)
 * and each CPU works off its own backlog; when that work is deferred to
 * ksoftirqd (under load), a sender the scheduler moved to the other CPU
 * mid-burst could see a later frame delivered before an earlier one.
 * Pinned to one CPU, all its frames pass one queue in order.
 *
 * And a burst must not be spread out by the scheduler: a TPACKET_V3 ring
 * that nobody reads during it takes a new block at every retire timeout
 * (10 ms) the burst spans, so a sender preempted for 16 of them would
 * freeze the default 16-block ring and see frames dropped.  Real-time
 * priority keeps ordinary tasks from preempting it; it sleeps whenever
 * it waits (gap_us, a full backlog), so nothing starves.  Best effort,
 * as the pinning: a container may refuse both.
 */
static void sender_sched(void)
{
	int cpu = sched_getcpu();
	if (cpu >= 0) {
		cpu_set_t set;
		CPU_ZERO(&set);
		CPU_SET((size_t)cpu, &set);
		(void)sched_setaffinity(0, sizeof(set), &set);
	}
	struct sched_param sp = { .sched_priority = 1 };
	(void)sched_setscheduler(0, SCHED_FIFO, &sp);
}

static unsigned long send_all(const struct rc_send_spec *s)
{
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	struct sockaddr_ll sll;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = (int)if_nametoindex(s->ifname);
	sll.sll_protocol = 0; /* send only: receive nothing */
	if (!sll.sll_ifindex || bind(fd, (struct sockaddr *)&sll, sizeof(sll)) != 0) {
		close(fd);
		return 0;
	}
	uint8_t *buf = malloc(65536);
	unsigned long sent = 0;
	for (unsigned i = 0; buf && i < s->count; i++) {
		uint32_t size = s->sizes[i % s->nsizes];
		rc_test_frame(buf, s, i, size);
		if (s->no_retry) {
			(void)send(fd, buf, size, 0);
			sent++;
			continue;
		}
		for (int tries = 0; tries < 1000; tries++) {
			if (send(fd, buf, size, 0) == (ssize_t)size) {
				sent++;
				break;
			}
			if (errno != ENOBUFS && errno != EAGAIN)
				break;
			usleep(100);
		}
		if (s->gap_us)
			usleep(s->gap_us);
	}
	free(buf);
	close(fd);
	return sent;
}

pid_t rc_send_start(const struct rc_send_spec *s, int *result_fd)
{
	int fds[2];
	if (pipe(fds) != 0)
		rc_test_fail(__FILE__, __LINE__, "pipe: %s", strerror(errno));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		rc_test_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
	if (pid == 0) {
		close(fds[0]);
		if (s->ns)
			rc_netns_enter(s->ns);
		sender_sched();
		unsigned long n = send_all(s);
		ssize_t w = write(fds[1], &n, sizeof(n));
		_exit(w == (ssize_t)sizeof(n) ? 0 : 1);
	}
	close(fds[1]);
	*result_fd = fds[0];
	return pid;
}

unsigned long rc_send_wait(pid_t pid, int result_fd)
{
	unsigned long n = 0;
	ssize_t r = read(result_fd, &n, sizeof(n));
	close(result_fd);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (r != (ssize_t)sizeof(n) || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		rc_test_fail(__FILE__, __LINE__, "sender process failed");
	return n;
}

unsigned long rc_send_frames(const struct rc_send_spec *s)
{
	int fd;
	pid_t pid = rc_send_start(s, &fd);
	return rc_send_wait(pid, fd);
}

rc_capture *rc_test_capture_new(const char *dev, int backend)
{
	char err[RC_ERRBUF_SIZE];
	rc_capture *c;
	if (rc_capture_create(&c, dev, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_capture_create(%s): %s", dev, err);
	if (rc_capture_set_backend(c, backend) < 0 || rc_capture_set_timeout(c, 200) < 0)
		rc_test_fail(__FILE__, __LINE__, "options: %s", rc_capture_error(c));
	return c;
}

void rc_test_open_members(rc_capture **h, unsigned members, const char *dev, int backend,
			  rc_fanout_configure configure, void *user)
{
	char err[RC_ERRBUF_SIZE];
	if (members == 1) {
		h[0] = rc_test_capture_new(dev, backend);
		if (configure(h[0], 0, user) < 0)
			rc_test_fail(__FILE__, __LINE__, "options: %s", rc_capture_error(h[0]));
		rc_test_capture_activate(h[0]);
	} else if (rc_fanout_open(h, members, dev, (uint16_t)(getpid() & 0xffff), RC_FANOUT_LB, 0,
				  configure, user, err) < 0) {
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	}
}

rc_capture *rc_test_pair_capture(struct rc_netns_pair *pair, unsigned mtu, int backend)
{
	rc_netns_pair_create(pair, mtu);
	rc_netns_enter(pair->ns_b);
	return rc_test_capture_new(pair->if_b, backend);
}

struct break_after {
	rc_capture *c;
	unsigned ms;
};

static void *break_main(void *arg)
{
	struct break_after b = *(struct break_after *)arg;
	free(arg);
	usleep(b.ms * 1000u);
	rc_capture_breakloop(b.c);
	return NULL;
}

pthread_t rc_test_break_after(rc_capture *c, unsigned ms)
{
	struct break_after *b = malloc(sizeof(*b));
	pthread_t t;
	if (!b)
		rc_test_fail(__FILE__, __LINE__, "out of memory");
	*b = (struct break_after){ c, ms };
	if (pthread_create(&t, NULL, break_main, b) != 0)
		rc_test_fail(__FILE__, __LINE__, "pthread_create failed");
	return t;
}

void rc_test_break_join(pthread_t t)
{
	pthread_join(t, NULL);
}

void rc_test_capture_activate(rc_capture *c)
{
	int st = rc_capture_activate(c);
	if (st < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_capture_activate: %s (%s)", rc_errname(st),
			     rc_capture_error(c));
}

unsigned long rc_test_capture_drain(rc_capture *c, unsigned long want, int quiet_ms,
				    rc_test_pkt_fn fn, void *user)
{
	rc_packet pkts[64];
	unsigned long got = 0;
	long long last = rc_test_mono_ms();
	while (got < want && rc_test_mono_ms() - last < quiet_ms) {
		int n = rc_capture_next_batch(c, pkts, 64);
		if (n < 0)
			rc_test_fail(__FILE__, __LINE__, "next_batch: %s (%s)", rc_errname(n),
				     rc_capture_error(c));
		if (n > 0)
			last = rc_test_mono_ms();
		for (int i = 0; i < n; i++)
			if (fn)
				fn(user, &pkts[i]);
		got += (unsigned long)n;
	}
	return got;
}

void rc_test_wait_received(rc_capture *c, uint64_t n)
{
	rc_capture_stats st;
	long long t0 = rc_test_mono_ms();
	for (;;) {
		if (rc_capture_stats_get(c, &st) < 0)
			rc_test_fail(__FILE__, __LINE__, "stats: %s", rc_capture_error(c));
		if (st.received >= n)
			return;
		if (rc_test_mono_ms() - t0 > RC_TEST_ARRIVAL_MS)
			rc_test_fail(__FILE__, __LINE__, "the kernel counted %llu of %llu packets",
				     (unsigned long long)st.received, (unsigned long long)n);
		usleep(1000);
	}
}

int rc_test_capture_next_wait(rc_capture *c, rc_packet *p)
{
	long long t0 = rc_test_mono_ms();
	int n;
	while ((n = rc_capture_next(c, p)) == 0 && rc_test_mono_ms() - t0 < RC_TEST_ARRIVAL_MS)
		;
	return n;
}

unsigned rc_test_check_frames_file(const char *path, const struct rc_send_spec *s,
				   unsigned char *seen)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "cannot read %s: %s", path, err);
	rc_packet pkts[64];
	uint8_t want[2048];
	unsigned n = 0;
	int k;
	while ((k = rc_reader_next_batch(r, pkts, 64)) > 0)
		for (int i = 0; i < k; i++) {
			long seq = rc_test_frame_seq(pkts[i].data, pkts[i].caplen, 0);
			if (seq < (long)s->first_seq || seq >= (long)(s->first_seq + s->count))
				rc_test_fail(__FILE__, __LINE__, "%s: packet %u is not a test frame", path, n);
			unsigned idx = (unsigned)(seq - (long)s->first_seq);
			uint32_t size = s->sizes[idx % s->nsizes];
			ASSERT_UINT_EQ(pkts[i].caplen, size);
			ASSERT_UINT_EQ(pkts[i].len, size);
			rc_test_frame(want, s, idx, size);
			ASSERT_MEM_EQ(pkts[i].data, want, size);
			if (seen[idx])
				rc_test_fail(__FILE__, __LINE__, "%s: sequence %ld captured twice", path, seq);
			seen[idx] = 1;
			n++;
		}
	if (k != RC_EEOF)
		rc_test_fail(__FILE__, __LINE__, "%s: %s", path, rc_reader_error(r));
	rc_reader_close(r);
	return n;
}

void rc_test_capture_until_enetdown(const struct rc_netns_pair *p, int backend, int timeout_ms,
				    const uint32_t *sizes, unsigned nsizes, unsigned count,
				    const char *cut_ns, const char *cut_fmt, ...)
{
	rc_netns_enter(p->ns_b);
	rc_capture *c = rc_test_capture_new(p->if_b, backend);
	ASSERT_OK(rc_capture_set_timeout(c, timeout_ms));
	rc_test_capture_activate(c);
	struct rc_send_spec s = { .ns = p->ns_a, .ifname = p->if_a, .count = count,
				  .sizes = sizes, .nsizes = nsizes };
	memcpy(s.dst, p->mac_b, 6);
	memcpy(s.src, p->mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), count);
	/* Frames still on their way when the link goes are dropped by the
	 * kernel (flush_backlog on unregister; a device that is down takes
	 * none), never queued: cut only once all are in the ring. */
	rc_test_wait_received(c, count);
	va_list ap;
	va_start(ap, cut_fmt);
	int cut = netns_vsh(cut_ns, cut_fmt, ap);
	va_end(ap);
	ASSERT_INT_EQ(cut, 0);

	rc_packet pkts[8];
	unsigned got = 0;
	int n = 0;
	for (int guard = 0; guard < 1000; guard++) {
		n = rc_capture_next_batch(c, pkts, 8);
		if (n == 0 && timeout_ms == 0) {
			usleep(1000); /* non-blocking: poll again, bounded by guard */
			continue;
		}
		if (n <= 0)
			break;
		for (int i = 0; i < n; i++) {
			ASSERT_INT_EQ(rc_test_frame_seq(pkts[i].data, pkts[i].caplen, 0), (long)got + i);
			ASSERT_UINT_EQ(pkts[i].caplen, sizes[(got + (unsigned)i) % nsizes]);
		}
		got += (unsigned)n;
	}
	ASSERT_UINT_EQ(got, count);    /* every queued frame first ... */
	ASSERT_INT_EQ(n, RC_ENETDOWN); /* ... then the error, naming the device ... */
	ASSERT_STR_CONTAINS(rc_capture_error(c), p->if_b);
	ASSERT_INT_EQ(rc_capture_next_batch(c, pkts, 8), RC_ENETDOWN); /* ... and it stays */
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.received, count);
	ASSERT_UINT_EQ(st.delivered, count);
	ASSERT_UINT_EQ(st.dropped, 0);
	rc_capture_close(c);
}

int rc_send_udp_lo(unsigned n, uint16_t *port)
{
	static const char bytes[64] = { 0 };
	ASSERT_UINT_LE(n, sizeof(bytes));
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	ASSERT_INT_GE(fd, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	ASSERT_INT_EQ(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	ASSERT_INT_EQ(getsockname(fd, (struct sockaddr *)&a, &alen), 0);
	for (unsigned i = 1; i <= n; i++)
		ASSERT_INT_EQ(sendto(fd, bytes, i, 0, (struct sockaddr *)&a, sizeof(a)), (long long)i);
	*port = ntohs(a.sin_port);
	return fd;
}

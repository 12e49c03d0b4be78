/*
 * rcb_netns.h - the test bed of the live benchmarks (bench_capture,
 * rcb_live_tools):
 *
 *   ns A [ veth a ] ===== [ veth b ] ns B
 *     sender, CPU 0          capturer, CPU 1
 *
 * Two named network namespaces (names carry the pid; removed at exit and
 * on SIGINT/SIGTERM) joined by a veth, IPv6 off so that nothing but the
 * sender's frames crosses it; the first two allowed CPUs (one CPU: both
 * the same); and a sender process pinned to the first that blasts frames
 * with sendmmsg(2) on a packet socket (PACKET_QDISC_BYPASS: straight to
 * the driver, no qdisc) or paces them.  The program itself is left in ns
 * B, where the capturer runs.  Header-only, like rcb_stats.h, because each
 * bench .c file is a program of its own (CMakeLists.txt builds one
 * executable per file).
 */
#ifndef RCB_NETNS_H
#define RCB_NETNS_H

#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct rcb_netns {
	const char *prog; /* for messages */
	pid_t main_pid;   /* forked children never clean up */
	char ns_a[32], ns_b[32], if_a[IFNAMSIZ], if_b[IFNAMSIZ];
	int cpus[2]; /* sender, capturer */
	pid_t sender_pid; /* running sender, 0: none */
} rcb_net;

/* Before anything else: names the program in messages, picks the CPUs. */
static inline void rcb_init(const char *prog)
{
	rcb_net.prog = prog;
	rcb_net.main_pid = getpid();
	cpu_set_t allowed;
	int ncpu = 0;
	sched_getaffinity(0, sizeof(allowed), &allowed);
	for (int k = 0; k < CPU_SETSIZE && ncpu < 2; k++)
		if (CPU_ISSET(k, &allowed))
			rcb_net.cpus[ncpu++] = k;
	if (ncpu < 2)
		rcb_net.cpus[1] = rcb_net.cpus[0];
}

/* A message and exit: exit(3) in the main process (atexit handlers clean
 * up), _exit(2) in a forked child (whose parent cleans up). */
static inline void rcb_die(const char *what)
{
	fprintf(stderr, "%s: %s\n", rcb_net.prog, what);
	if (getpid() != rcb_net.main_pid)
		_exit(1);
	exit(1);
}

static inline void rcb_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void rcb_sh(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0) {
		fprintf(stderr, "%s: failed: %s\n", rcb_net.prog, cmd);
		exit(1);
	}
}

/* Move the calling thread into a namespace made by `ip netns add`. */
static inline void rcb_enter(const char *ns)
{
	char path[64];
	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) != 0)
		rcb_die("setns failed");
	close(fd);
}

static inline void rcb_pin(int cpu)
{
	cpu_set_t s;
	CPU_ZERO(&s);
	CPU_SET(cpu, &s);
	(void)sched_setaffinity(0, sizeof(s), &s);
}

static inline uint64_t rcb_mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline uint64_t rcb_now_ms(void)
{
	return rcb_mono_ns() / 1000000u;
}

static inline void rcb_sleep_ms(unsigned ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Kill and reap a child still running (*pid 0: none). */
static inline void rcb_reap(pid_t *pid)
{
	if (*pid > 0) {
		kill(*pid, SIGKILL);
		waitpid(*pid, NULL, 0);
		*pid = 0;
	}
}

/* atexit: no sender may outlive the run (it would keep namespace A alive
 * after its name is gone), then the namespaces go. */
static inline void rcb_netns_cleanup(void)
{
	if (getpid() != rcb_net.main_pid)
		return; /* a forked child that failed: the parent cleans up */
	rcb_reap(&rcb_net.sender_pid);
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "ip netns del %s 2>/dev/null; ip netns del %s 2>/dev/null",
		 rcb_net.ns_a, rcb_net.ns_b);
	if (system(cmd) != 0)
		fprintf(stderr, "%s: could not remove %s/%s\n", rcb_net.prog, rcb_net.ns_a,
			rcb_net.ns_b);
}

static inline void rcb_on_signal(int sig)
{
	(void)sig;
	exit(1); /* runs the atexit handlers */
}

/*
 * Create the test bed, names from tag ("rcb": namespaces rcbA<pid> and
 * rcbB<pid>, interfaces rcba<pid> and rcbb<pid>), and enter ns B.  Its
 * removal is registered with atexit first: handlers a program registers
 * afterwards run before it (atexit order is last in, first out).
 */
static inline void rcb_netns_create(const char *tag)
{
	long pid = (long)getpid();
	snprintf(rcb_net.ns_a, sizeof(rcb_net.ns_a), "%sA%ld", tag, pid);
	snprintf(rcb_net.ns_b, sizeof(rcb_net.ns_b), "%sB%ld", tag, pid);
	snprintf(rcb_net.if_a, sizeof(rcb_net.if_a), "%sa%ld", tag, pid % 10000000);
	snprintf(rcb_net.if_b, sizeof(rcb_net.if_b), "%sb%ld", tag, pid % 10000000);
	atexit(rcb_netns_cleanup);
	signal(SIGINT, rcb_on_signal);
	signal(SIGTERM, rcb_on_signal);
	rcb_sh("ip netns add %s && ip netns add %s", rcb_net.ns_a, rcb_net.ns_b);
	for (int k = 0; k < 2; k++)
		rcb_sh("ip netns exec %s sysctl -qw net.ipv6.conf.all.disable_ipv6=1 "
		       "net.ipv6.conf.default.disable_ipv6=1",
		       k ? rcb_net.ns_b : rcb_net.ns_a);
	rcb_sh("ip -n %s link add %s address 02:72:63:00:00:0a type veth peer name %s netns %s "
	       "address 02:72:63:00:00:0b",
	       rcb_net.ns_a, rcb_net.if_a, rcb_net.if_b, rcb_net.ns_b);
	rcb_sh("ip -n %s link set %s up && ip -n %s link set %s up", rcb_net.ns_a, rcb_net.if_a,
	       rcb_net.ns_b, rcb_net.if_b);
	rcb_enter(rcb_net.ns_b);
}

/* ---------------------------------------------------------------- sender */

struct rcb_send {
	unsigned long n;    /* frames */
	unsigned size;      /* bytes each, 22..1514 */
	unsigned gap_us;    /* 0: blast with sendmmsg; > 0: one frame every gap_us,
			       carrying its CLOCK_MONOTONIC send time (rcb_mono_ns) at offset 14 */
	unsigned settle_ms; /* pause before the first frame, for the capturer to settle */
	unsigned max_ms;    /* blasting stops after this long (0: no limit) */
};

/* Pace frame after frame, gap_us apart on an absolute clock (no drift). */
static inline unsigned long rcb_send_paced(int fd, uint8_t *frame, const struct rcb_send *s)
{
	struct timespec next;
	clock_gettime(CLOCK_MONOTONIC, &next);
	unsigned long sent = 0;
	for (; sent < s->n; sent++) {
		next.tv_nsec += (long)s->gap_us * 1000;
		while (next.tv_nsec >= 1000000000) {
			next.tv_nsec -= 1000000000;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
		uint64_t t = rcb_mono_ns();
		memcpy(frame + 14, &t, sizeof(t));
		if (send(fd, frame, s->size, 0) != (ssize_t)s->size)
			break;
	}
	return sent;
}

/* sendmmsg(2) batches of the same frame, retried while the device queue
 * is full (ENOBUFS/EAGAIN). */
static inline unsigned long rcb_send_blast(int fd, uint8_t *frame, const struct rcb_send *s)
{
	enum { B = 256 };
	struct iovec iov = { frame, s->size };
	static struct mmsghdr m[B];
	for (int i = 0; i < B; i++) {
		m[i].msg_hdr.msg_iov = &iov;
		m[i].msg_hdr.msg_iovlen = 1;
	}
	unsigned long sent = 0;
	uint64_t deadline = s->max_ms ? rcb_now_ms() + s->max_ms : UINT64_MAX;
	while (sent < s->n && rcb_now_ms() < deadline) {
		unsigned k = s->n - sent < B ? (unsigned)(s->n - sent) : B;
		int r = sendmmsg(fd, m, k, 0);
		if (r > 0)
			sent += (unsigned long)r;
		else if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR)
			break;
	}
	return sent;
}

/* Fork the sender: it enters ns A, pins itself to the first CPU, sends
 * and writes how many frames it sent to *rfd. */
static inline pid_t rcb_sender_start(const struct rcb_send *s, int *rfd)
{
	int fds[2];
	if (pipe(fds) != 0)
		rcb_die("pipe");
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		rcb_die("fork");
	if (pid) {
		close(fds[1]);
		*rfd = fds[0];
		rcb_net.sender_pid = pid;
		return pid;
	}
	close(fds[0]);
	rcb_enter(rcb_net.ns_a);
	rcb_pin(rcb_net.cpus[0]);
	int fd = socket(AF_PACKET, SOCK_RAW, 0);
	int one = 1;
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
				   .sll_ifindex = (int)if_nametoindex(rcb_net.if_a) };
	if (fd < 0 || bind(fd, (struct sockaddr *)&sll, sizeof(sll)) != 0)
		_exit(2);
	(void)setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one));
	static uint8_t frame[1514];
	memset(frame, 0xab, sizeof(frame));
	/* dst = veth b, src = veth a, EtherType 0x88b5 (IEEE local experimental) */
	memcpy(frame, "\x02\x72\x63\x00\x00\x0b\x02\x72\x63\x00\x00\x0a\x88\xb5", 14);
	rcb_sleep_ms(s->settle_ms);
	unsigned long sent = s->gap_us ? rcb_send_paced(fd, frame, s) : rcb_send_blast(fd, frame, s);
	if (write(fds[1], &sent, sizeof(sent)) != (ssize_t)sizeof(sent))
		_exit(3);
	_exit(0);
}

/* The sender's count, once it is done; reaps it. */
static inline unsigned long rcb_sender_wait(pid_t pid, int rfd)
{
	unsigned long sent = 0;
	if (read(rfd, &sent, sizeof(sent)) != (ssize_t)sizeof(sent))
		rcb_die("sender failed");
	close(rfd);
	waitpid(pid, NULL, 0);
	rcb_net.sender_pid = 0;
	return sent;
}

#endif

/*
 * bench_capture.c - live capture cost: ringcap vs libpcap on the same traffic.
 *
 *   ns A [ veth a ] ===== [ veth b ] ns B
 *     sender, CPU 0          capturer, CPU 1 (and the next CPU for fanout)
 *
 * Two private network namespaces (rcb_netns.h: names carry the pid,
 * removed at exit and on SIGINT/SIGTERM) joined by a veth.  A sender
 * process pinned to the first allowed CPU blasts N frames with sendmmsg(2)
 * on a packet socket (PACKET_QDISC_BYPASS); the capturer, pinned to the
 * second CPU, counts packets and bytes through its callback.  Measured per run: frames sent,
 * captured, dropped (the capture's own statistics), and the capturer's
 * CPU time (getrusage(RUSAGE_THREAD) user+sys of every capture thread over
 * the traffic window) per captured packet.  The kernel's copy into the
 * ring happens in the sender's softirq and is not in either number.
 *
 * Cases: 64 B and 1514 B frames; default and immediate mode; ringcap with
 * 1 thread and with 2 (fanout, round robin); libpcap pcap_loop (1 thread,
 * libpcap has no fanout API); in default mode also a floor (run_floor: a
 * bare ring walk, the least any library can spend per packet here).
 * Same snap length (262144), time stamp precision (micro) and buffer
 * (32 MiB) for both libraries.  Counts: BENCH_N64
 * (default 5,000,000) and BENCH_N1514 (default 2,000,000); BENCH_QUICK=1
 * divides them by 50.
 * BENCH_IMPL=libpcap|ringcap|fanout|floor runs one implementation only (for
 * profiling) and skips the latency table; BENCH_MODE=default|immediate one
 * mode only; BENCH_RC_BLOCK=bytes gives ringcap that block size (ring of
 * 32 MiB / bytes blocks) instead of its automatic geometry.
 * A second table measures delivery latency at 1,000 packets/s for the
 * immediate-mode choices (TPACKET_V2, TPACKET_V3 with a 1 ms timeout,
 * socket) and libpcap.
 * Output: a markdown table on stdout with the CPU ratio libpcap/ringcap
 * (> 1 means ringcap spends less CPU per packet).  Needs root.
 */
#include "rcb_netns.h"
#include "rcb_ring.h"
#include "ringcap/capture.h"

#include <pcap/pcap.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define BUF_BYTES (32u << 20)
#define QUIET_MS 300

static uint64_t thread_cpu_ns(void)
{
	struct rusage ru;
	getrusage(RUSAGE_THREAD, &ru);
	return ((uint64_t)ru.ru_utime.tv_sec + (uint64_t)ru.ru_stime.tv_sec) * 1000000000u +
	       ((uint64_t)ru.ru_utime.tv_usec + (uint64_t)ru.ru_stime.tv_usec) * 1000u;
}

/*
 * The sender (rcb_netns.h), once the capturer had 100 ms to settle:
 * gap_us == 0 blasts n frames with sendmmsg, gap_us > 0 sends one frame
 * every gap_us with its send time at offset 14.  Returns the count sent.
 */
static unsigned long send_frames(unsigned long n, unsigned size, unsigned gap_us)
{
	struct rcb_send s = { .n = n, .size = size, .gap_us = gap_us, .settle_ms = 100 };
	int rfd;
	pid_t pid = rcb_sender_start(&s, &rfd);
	return rcb_sender_wait(pid, rfd);
}

struct result {
	unsigned long sent, captured, dropped;
	uint64_t cpu_ns;
	int ok;
};

/*
 * One more packet on a counter that only the capture thread writes and the
 * main thread polls: a relaxed load and store, no locked read-modify-write
 * (a `lock add` costs ~10 ns per packet on the development VM, as much as
 * the whole capture path, and would hide the libraries' own cost).
 */
static void bump(atomic_ulong *n)
{
	atomic_store_explicit(n, atomic_load_explicit(n, memory_order_relaxed) + 1,
			      memory_order_relaxed);
}

/*
 * Once the sender is done: poll the n capture threads' counters every
 * 20 ms until their sum has not moved for QUIET_MS, so that the capture
 * has read what the ring still held before the loop is broken.
 */
static void wait_quiet(atomic_ulong *const *counts, unsigned n)
{
	unsigned long last = ~0ul;
	uint64_t since = rcb_now_ms();
	for (;;) {
		unsigned long cur = 0;
		for (unsigned i = 0; i < n; i++)
			cur += atomic_load(counts[i]);
		if (cur != last) {
			last = cur;
			since = rcb_now_ms();
		} else if (rcb_now_ms() - since > QUIET_MS) {
			return;
		}
		usleep(20 * 1000);
	}
}

/* ---------------------------------------------------------------- ringcap */

struct rc_worker {
	rc_capture *c;
	atomic_ulong pkts;
	uint64_t bytes;
	uint64_t cpu_ns;
	int cpu;
};

static void rc_count(void *user, const rc_packet *p)
{
	struct rc_worker *w = user;
	w->bytes += p->caplen + p->data[0];
	bump(&w->pkts);
}

static void *rc_thread(void *arg)
{
	struct rc_worker *w = arg;
	rcb_pin(w->cpu);
	uint64_t t0 = thread_cpu_ns();
	(void)rc_capture_loop(w->c, 0, rc_count, w);
	w->cpu_ns = thread_cpu_ns() - t0;
	return NULL;
}

static int rc_configure(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	int immediate = *(int *)user;
	int st;
	/* Microsecond time stamps, as libpcap's default: the same work per
	 * packet (ringcap's own default is nanoseconds). */
	if ((st = rc_capture_set_ring_size(c, BUF_BYTES)) < 0 ||
	    (st = rc_capture_set_tstamp_precision(c, RC_TSTAMP_MICRO)) < 0 ||
	    (st = rc_capture_set_immediate(c, immediate)) < 0 ||
	    (st = rc_capture_set_timeout(c, 100)) < 0)
		return st;
	/* BENCH_RC_BLOCK=bytes: ringcap's ring as BUF_BYTES / bytes blocks of
	 * that size instead of the automatic geometry (to measure defaults). */
	const char *blk = getenv("BENCH_RC_BLOCK");
	unsigned long b = blk && *blk ? strtoul(blk, NULL, 0) : 0;
	if (b && (st = rc_capture_set_ring_geometry(c, (uint32_t)b, 0,
						    (uint32_t)(BUF_BYTES / b))) < 0)
		return st;
	return 0;
}

static struct result run_ringcap(unsigned long n, unsigned size, int immediate, unsigned threads)
{
	struct result r = { 0 };
	rc_capture *h[2] = { NULL, NULL };
	char err[RC_ERRBUF_SIZE];
	if (threads == 1) {
		if (rc_capture_create(&h[0], rcb_net.if_b, err) < 0 ||
		    rc_configure(h[0], 0, &immediate) < 0 || rc_capture_activate(h[0]) < 0) {
			fprintf(stderr, "ringcap: %s\n", h[0] ? rc_capture_error(h[0]) : err);
			rc_capture_close(h[0]);
			return r;
		}
	} else if (rc_fanout_open(h, threads, rcb_net.if_b, (uint16_t)getpid(), RC_FANOUT_LB, 0,
				  rc_configure, &immediate, err) < 0) {
		fprintf(stderr, "ringcap fanout: %s\n", err);
		return r;
	}
	static struct rc_worker w[2];
	pthread_t t[2];
	for (unsigned i = 0; i < threads; i++) {
		w[i].c = h[i];
		atomic_store(&w[i].pkts, 0);
		w[i].bytes = 0;
		w[i].cpu = rcb_net.cpus[(1 + i) % 2];
		pthread_create(&t[i], NULL, rc_thread, &w[i]);
	}
	r.sent = send_frames(n, size, 0);
	atomic_ulong *counts[2] = { &w[0].pkts, &w[1].pkts };
	wait_quiet(counts, threads);
	for (unsigned i = 0; i < threads; i++)
		rc_capture_breakloop(h[i]);
	for (unsigned i = 0; i < threads; i++) {
		pthread_join(t[i], NULL);
		rc_capture_stats st;
		if (rc_capture_stats_get(h[i], &st) == 0)
			r.dropped += st.dropped;
		r.captured += atomic_load(&w[i].pkts);
		r.cpu_ns += w[i].cpu_ns;
		rc_capture_close(h[i]);
	}
	r.ok = 1;
	return r;
}

/* ---------------------------------------------------------------- libpcap */

struct pc_worker {
	pcap_t *p;
	atomic_ulong pkts;
	uint64_t bytes;
	uint64_t cpu_ns;
};

static void pc_count(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
	struct pc_worker *w = (struct pc_worker *)(void *)user;
	w->bytes += h->caplen + bytes[0];
	bump(&w->pkts);
}

static void *pc_thread(void *arg)
{
	struct pc_worker *w = arg;
	rcb_pin(rcb_net.cpus[1]);
	uint64_t t0 = thread_cpu_ns();
	(void)pcap_loop(w->p, -1, pc_count, (u_char *)(void *)w);
	w->cpu_ns = thread_cpu_ns() - t0;
	return NULL;
}

static struct result run_libpcap(unsigned long n, unsigned size, int immediate)
{
	struct result r = { 0 };
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_create(rcb_net.if_b, err);
	if (!p || pcap_set_snaplen(p, 262144) != 0 || pcap_set_buffer_size(p, BUF_BYTES) != 0 ||
	    pcap_set_immediate_mode(p, immediate) != 0 || pcap_set_timeout(p, 100) != 0 ||
	    pcap_activate(p) < 0) {
		fprintf(stderr, "libpcap: %s\n", p ? pcap_geterr(p) : err);
		if (p)
			pcap_close(p);
		return r;
	}
	static struct pc_worker w;
	w.p = p;
	atomic_store(&w.pkts, 0);
	pthread_t t;
	pthread_create(&t, NULL, pc_thread, &w);
	r.sent = send_frames(n, size, 0);
	atomic_ulong *counts[1] = { &w.pkts };
	wait_quiet(counts, 1);
	pcap_breakloop(p);
	pthread_join(t, NULL);
	struct pcap_stat ps;
	if (pcap_stats(p, &ps) == 0)
		r.dropped = ps.ps_drop;
	r.captured = atomic_load(&w.pkts);
	r.cpu_ns = w.cpu_ns;
	pcap_close(p);
	r.ok = 1;
	return r;
}

/* ------------------------------------------------------------------ floor */

/*
 * The floor: what handing each packet to a callback costs at the least on
 * this machine.  A bare TPACKET_V3 ring of the geometry ringcap picks for
 * BUF_BYTES (1 MiB blocks, src/capture/ring.c) and its default 10 ms
 * retire timeout; each block's headers walked with ringcap's prefetch
 * (RC__V3_AHEAD = 16 headers ahead, src/capture/ring_v3_walk.h), each
 * packet's length, time stamp and first byte read - what the callbacks
 * above read - and nothing else: no checks of the kernel's offsets, no
 * descriptor, no call.  The kernel writes the ring on the sender's CPU,
 * so this is mostly the cost of moving those lines to the capturer's.
 */
#define FLOOR_BLOCK (1u << 20)

struct floor_worker {
	struct rcb_ring ring;
	atomic_int stop;
	atomic_ulong pkts;
	uint64_t bytes, cpu_ns;
};

static void *floor_thread(void *arg)
{
	struct floor_worker *w = arg;
	rcb_pin(rcb_net.cpus[1]);
	uint64_t t0 = thread_cpu_ns();
	while (!atomic_load_explicit(&w->stop, memory_order_relaxed)) {
		struct tpacket_block_desc *b = rcb_ring_next(&w->ring, 100);
		if (!b)
			continue;
		const uint8_t *h = (const uint8_t *)b + b->hdr.bh1.offset_to_first_pkt;
		for (uint32_t i = b->hdr.bh1.num_pkts; i > 0; i--) {
			const struct tpacket3_hdr *t = (const void *)h;
			__builtin_prefetch(h + (size_t)t->tp_next_offset * RCB_RING_AHEAD);
			w->bytes += t->tp_snaplen + t->tp_sec + t->tp_nsec + h[t->tp_mac];
			bump(&w->pkts);
			h += t->tp_next_offset;
		}
		rcb_ring_release(&w->ring, b);
	}
	w->cpu_ns = thread_cpu_ns() - t0;
	return NULL;
}

static struct result run_floor(unsigned long n, unsigned size)
{
	struct result r = { 0 };
	static struct floor_worker w;
	memset(&w, 0, sizeof(w));
	if (rcb_ring_open(&w.ring, rcb_net.if_b, FLOOR_BLOCK, BUF_BYTES / FLOOR_BLOCK, 10) < 0) {
		fprintf(stderr, "floor: %s\n", strerror(errno));
		return r;
	}
	pthread_t t;
	pthread_create(&t, NULL, floor_thread, &w);
	r.sent = send_frames(n, size, 0);
	atomic_ulong *counts[1] = { &w.pkts };
	wait_quiet(counts, 1);
	atomic_store(&w.stop, 1);
	pthread_join(t, NULL);
	long drops = rcb_ring_drops(&w.ring);
	r.dropped = drops < 0 ? 0 : (unsigned long)drops;
	r.captured = atomic_load(&w.pkts);
	r.cpu_ns = w.cpu_ns;
	rcb_ring_close(&w.ring);
	r.ok = drops >= 0;
	return r;
}

/* ---------------------------------------------------------------- latency */

/*
 * Which set-up hands a packet over soonest when traffic is slow?  One
 * 64-byte frame per millisecond; the handler computes now - send time.
 * Answers the immediate-mode question: TPACKET_V2 (one wake-up per
 * packet) against TPACKET_V3 with a 1 ms retire timeout.  A second table
 * paces frames 10 us apart (the sender's sleeps make that bursts at up to
 * 100,000 frames/s): immediate mode under load, where ringcap pauses
 * 0.1 ms before waiting (src/capture/capture_read.c) and must still stay
 * far inside 1 ms.
 */
/* 997 us, not 1000: TPACKET_V3's retire timer ticks every 1 ms, so with a
 * 1000 us gap every frame would meet the timer at the same phase and the V3
 * row's median would be whatever that phase happened to be in the run
 * (111 us in one run, 860-950 us in later ones); a 3 us drift walks the
 * 500 frames across the whole period. */
enum { LAT_N = 500, LAT_GAP_US = 997, LAT_LOAD_N = 20000, LAT_LOAD_GAP_US = 10 };

struct lat {
	uint64_t ns[LAT_LOAD_N];
	atomic_uint n;
	uint64_t cpu_ns;
	rc_capture *c;
	pcap_t *p;
};

static void lat_record(struct lat *l, const uint8_t *data, uint32_t caplen)
{
	uint64_t now = rcb_mono_ns(), sent;
	unsigned i = atomic_load(&l->n);
	if (caplen < 22 || i >= LAT_LOAD_N)
		return;
	memcpy(&sent, data + 14, sizeof(sent));
	l->ns[i] = now - sent;
	atomic_store(&l->n, i + 1);
}

static void lat_rc(void *user, const rc_packet *p)
{
	lat_record(user, p->data, p->caplen);
}

static void lat_pc(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes)
{
	lat_record((struct lat *)(void *)user, bytes, h->caplen);
}

static void *lat_thread(void *arg)
{
	struct lat *l = arg;
	rcb_pin(rcb_net.cpus[1]);
	uint64_t t0 = thread_cpu_ns();
	if (l->c)
		(void)rc_capture_loop(l->c, 0, lat_rc, l);
	else
		(void)pcap_loop(l->p, -1, lat_pc, (u_char *)(void *)l);
	l->cpu_ns = thread_cpu_ns() - t0;
	return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* backend < 0: libpcap in immediate mode.  n frames, gap_us apart. */
static void run_latency(const char *what, int backend, int immediate, unsigned n_send,
			unsigned gap_us)
{
	static struct lat l;
	memset(&l, 0, sizeof(l));
	char err[PCAP_ERRBUF_SIZE > RC_ERRBUF_SIZE ? PCAP_ERRBUF_SIZE : RC_ERRBUF_SIZE];
	if (backend >= 0) {
		if (rc_capture_create(&l.c, rcb_net.if_b, err) < 0 ||
		    rc_capture_set_backend(l.c, backend) < 0 ||
		    rc_capture_set_immediate(l.c, immediate) < 0 || rc_capture_activate(l.c) < 0) {
			printf("| %s | failed: %s | | | |\n", what, l.c ? rc_capture_error(l.c) : err);
			rc_capture_close(l.c);
			return;
		}
	} else {
		l.p = pcap_create(rcb_net.if_b, err);
		if (!l.p || pcap_set_immediate_mode(l.p, 1) != 0 || pcap_set_timeout(l.p, 100) != 0 ||
		    pcap_activate(l.p) < 0) {
			printf("| %s | failed | | | |\n", what);
			if (l.p)
				pcap_close(l.p);
			return;
		}
	}
	pthread_t t;
	pthread_create(&t, NULL, lat_thread, &l);
	(void)send_frames(n_send, 64, gap_us);
	usleep(200 * 1000);
	if (l.c)
		rc_capture_breakloop(l.c);
	else
		pcap_breakloop(l.p);
	pthread_join(t, NULL);
	unsigned n = atomic_load(&l.n);
	qsort(l.ns, n, sizeof(l.ns[0]), cmp_u64);
	if (n)
		printf("| %s | %u/%u | %.1f | %.1f | %.2f |\n", what, n, n_send,
		       (double)l.ns[n / 2] / 1000.0, (double)l.ns[n * 99 / 100] / 1000.0,
		       (double)l.cpu_ns / (double)n / 1000.0);
	else
		printf("| %s | 0/%u | - | - | - |\n", what, n_send);
	if (l.c)
		rc_capture_close(l.c);
	else
		pcap_close(l.p);
}

static void latency_table(void)
{
	printf("\n## Delivery latency at 1,000 packets/s (64 B)\n\n");
	printf("| set-up | captured | median us | p99 us | CPU us/pkt |\n");
	printf("|---|---:|---:|---:|---:|\n");
	run_latency("ringcap immediate, TPACKET_V2 (AUTO's choice)", RC_BACKEND_TPACKET_V2, 1, LAT_N,
		    LAT_GAP_US);
	run_latency("ringcap immediate, TPACKET_V3 (1 ms retire timeout)", RC_BACKEND_TPACKET_V3, 1,
		    LAT_N, LAT_GAP_US);
	run_latency("ringcap default, TPACKET_V3 (10 ms retire timeout)", RC_BACKEND_TPACKET_V3, 0,
		    LAT_N, LAT_GAP_US);
	run_latency("ringcap immediate, socket", RC_BACKEND_SOCKET, 1, LAT_N, LAT_GAP_US);
	run_latency("libpcap immediate", -1, 1, LAT_N, LAT_GAP_US);

	printf("\n## Delivery latency under load: %d frames 10 us apart (64 B)\n\n", LAT_LOAD_N);
	printf("| set-up | captured | median us | p99 us | CPU us/pkt |\n");
	printf("|---|---:|---:|---:|---:|\n");
	run_latency("ringcap immediate, TPACKET_V2 (AUTO's choice)", RC_BACKEND_TPACKET_V2, 1,
		    LAT_LOAD_N, LAT_LOAD_GAP_US);
	run_latency("libpcap immediate", -1, 1, LAT_LOAD_N, LAT_LOAD_GAP_US);
}

/* ------------------------------------------------------------------- main */

static unsigned long env_count(const char *name, unsigned long dflt)
{
	const char *v = getenv(name);
	unsigned long n = v && *v ? strtoul(v, NULL, 10) : dflt;
	if (getenv("BENCH_QUICK") && *getenv("BENCH_QUICK"))
		n /= 50;
	return n ? n : 1;
}

static double per_pkt(const struct result *r)
{
	return r->captured ? (double)r->cpu_ns / (double)r->captured : 0.0;
}

static void row(const char *what, const char *impl, const struct result *r, double ratio)
{
	if (!r->ok) {
		printf("| %s | %s | - | - | - | - | failed |\n", what, impl);
		return;
	}
	printf("| %s | %s | %lu | %lu | %lu | %.1f | ", what, impl, r->sent, r->captured, r->dropped,
	       per_pkt(r));
	if (ratio > 0)
		printf("%.2f |\n", ratio);
	else
		printf("- |\n");
}

int main(void)
{
	rcb_init("bench_capture");
	if (geteuid() != 0)
		rcb_die("needs root (network namespaces, packet sockets)");
	rcb_netns_create("rcb");

	static const struct {
		unsigned size;
		const char *env;
		unsigned long dflt;
	} sizes[] = { { 64, "BENCH_N64", 5000000 }, { 1514, "BENCH_N1514", 2000000 } };

	printf("## Live capture (veth, sender CPU %d, capturer CPU %d)\n\n", rcb_net.cpus[0],
	       rcb_net.cpus[1]);
	printf("CPU ns/pkt = capture threads' user+sys time per captured packet; ratio = "
	       "libpcap CPU/pkt divided by ringcap's (> 1: ringcap cheaper).\n\n");
	printf("| case | implementation | sent | captured | dropped | CPU ns/pkt | ratio |\n");
	printf("|---|---|---:|---:|---:|---:|---:|\n");
	for (size_t s = 0; s < 2; s++) {
		unsigned long n = env_count(sizes[s].env, sizes[s].dflt);
		for (int immediate = 0; immediate <= 1; immediate++) {
			const char *mode = getenv("BENCH_MODE");
			if (mode && *mode && strcmp(mode, immediate ? "immediate" : "default"))
				continue;
			char what[64];
			snprintf(what, sizeof(what), "%u B x %lu, %s", sizes[s].size, n,
				 immediate ? "immediate" : "default");
			fprintf(stderr, "bench_capture: %s\n", what);
			const char *only = getenv("BENCH_IMPL");
			struct result none = { 0 };
			int want_pc = !only || !strcmp(only, "libpcap");
			int want_rc = !only || !strcmp(only, "ringcap");
			int want_fan = !only || !strcmp(only, "fanout");
			int want_floor = !immediate && (!only || !strcmp(only, "floor"));
			struct result pc = want_pc ? run_libpcap(n, sizes[s].size, immediate) : none;
			struct result fl = want_floor ? run_floor(n, sizes[s].size) : none;
			struct result r1 = want_rc ? run_ringcap(n, sizes[s].size, immediate, 1) : none;
			struct result r2 = want_fan ? run_ringcap(n, sizes[s].size, immediate, 2) : none;
			double base = per_pkt(&pc);
			row(what, "libpcap pcap_loop", &pc, 0);
			if (!immediate)
				row(what, "floor: bare ring walk", &fl,
				    per_pkt(&fl) > 0 && base > 0 ? base / per_pkt(&fl) : 0);
			row(what, "ringcap loop, 1 thread", &r1,
			    per_pkt(&r1) > 0 && base > 0 ? base / per_pkt(&r1) : 0);
			row(what, "ringcap fanout, 2 threads", &r2,
			    per_pkt(&r2) > 0 && base > 0 ? base / per_pkt(&r2) : 0);
			fflush(stdout);
		}
	}
	if (!getenv("BENCH_IMPL"))
		latency_table();
	return 0;
}

/*
 * live.c - live capture mode of the CLI (see live.h, docs/ringcap.1).
 *
 * Threads:
 *
 *   capture thread 0 ──copy──> [big buffers] ──┐
 *   capture thread 1 ──copy──> [big buffers] ──┼──> writer thread: sink()
 *   ...                                        │      rotate / print / JSON
 *   main thread: signals, --stats line, end    ┘
 *
 * One capture thread ("source") per handle: one per -i, times --threads
 * fanout members.  Capture threads only copy packets out of the ring, so
 * the ring is freed at once; the writer thread (writer_thread.c) merges
 * the sources in time stamp order and runs the sink.  Writing files and
 * nothing else (the common `-i IF -w F`, without a merge of several
 * interfaces), the copy is the file record itself (rc_encoder) and the
 * writer hands whole buffers to the file (sink_encoded): one copy per
 * packet in user space.  The main thread
 * waits, prints the --stats line, and on SIGINT/SIGTERM/SIGHUP, -c, a -W
 * limit or an error breaks every capture loop; then everything queued is
 * written, files are closed, and tcpdump's counts go to stderr.
 *
 * Order of privileged steps for -Z: sockets, filters, then
 * rc__privs_drop, then the output files and threads.  tcpdump 4.99 drops
 * privileges right after opening the capture device, before it opens
 * the -w file, so every file of a rotation belongs to the new user, and
 * a directory that user cannot write to fails at start-up rather than at
 * the first rotation.
 */
#include "live.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "capture/kernel_holds.h"
#include "json.h"
#include "offline.h"
#include "privs.h"
#include "rotate.h"
#include "ringcap/capture.h"
#include "ringcap/device.h"
#include "ringcap/file.h"
#include "stats_line.h"
#include "writer_thread.h"

#define RC_LIVE_MAX_SOURCES 256
#define RC_LIVE_BATCH 64
/* With a merge: how often an idle source tells the merge it is idle, so
 * that busy sources are not held back. */
#define RC_LIVE_MERGE_READ_TIMEOUT_MS 20
/* A read that returned nothing after starting at t, while no TPACKET_V3
 * block waits for its retire timer (capture_main), means every packet
 * stamped before t - HOLD was delivered: HOLD covers a packet stamped on
 * its way in that is not in the ring yet. */
#define RC_LIVE_HOLD_NSEC (50u * 1000u * 1000u)
/* Longest time copied packets wait before they are handed to the writer. */
#define RC_LIVE_PUSH_NSEC (20u * 1000u * 1000u)
/* Buffers towards the writer: 64 MiB of slack per source for a slow disk;
 * 1 MiB each so that the two in use stay in the CPU cache. */
#define RC_LIVE_BUF_BYTES (1u << 20)
#define RC_LIVE_BUFS_PER_SOURCE 64u
/* Kernel ring per capture socket without -B.  The capture thread shares a
 * CPU with the writer thread when the process has one (pinned, or a
 * one-core machine); the ring must then cover the writer's time slices.
 * Measured with bench/rcb_live_tools (1514 B frames at the sender-bound
 * rate, capturer pinned to one CPU): the library's 4 MiB lost 14% of the
 * frames, 16 MiB none. */
#define RC_LIVE_DEFAULT_RING_BYTES (16u << 20)

struct live;

struct source {
	struct live *L;
	rc_capture *c;
	const char *ifname;
	unsigned idx;
	pthread_t thread;
	int started;
	int cpu;         /* pin to this CPU, -1 = no pinning */
	int status;      /* how the loop ended (0, RC_ENETDOWN, ...) */
};

struct name_cache {
	uint32_t ifindex;
	char name[IF_NAMESIZE + 1];
};

struct live {
	const struct rc__cli_opts *o;
	const char *expr;
	struct source src[RC_LIVE_MAX_SOURCES];
	unsigned nsrc;
	struct rc__wt *wt;
	struct rc__rot *rot[RC_LIVE_MAX_SOURCES];
	unsigned nrot;
	int format;
	int printing, json, flush_each;
	int name_ifaces;               /* several -i: printed lines name theirs */
	rc__ob out;
	rc__printer pr;
	struct name_cache names[64];
	unsigned nnames;
	int merge;                     /* the writer merges sources by time stamp */
	atomic_ullong taken;           /* packets accepted towards -c: by the
					* capture threads, or with a merge by
					* the sink */
	atomic_ullong captured_bytes;
	atomic_ullong file_bytes;
	pthread_mutex_t mu;            /* guards capture_running */
	pthread_cond_t cv;             /* signalled when a capture thread ends */
	int capture_running;           /* capture threads still in their loop */
	struct rot_counts {
		struct live *L;
		int src;               /* the file's only source, -1: every source */
	} counts[RC_LIVE_MAX_SOURCES];
};

static struct live *g_live;
static volatile sig_atomic_t g_signal;

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void break_all(struct live *L)
{
	for (unsigned i = 0; i < L->nsrc; i++)
		rc_capture_breakloop(L->src[i].c);
}

/* Async-signal-safe: sets a flag and breaks the loops (an atomic store and
 * an eventfd write each, see rc_capture_breakloop). */
static void on_signal(int sig)
{
	g_signal = sig;
	if (g_live)
		break_all(g_live);
}

/* ---- the sink, in the writer thread ---- */

static const char *ifname_of(struct live *L, uint32_t ifindex)
{
	for (unsigned i = 0; i < L->nnames; i++)
		if (L->names[i].ifindex == ifindex)
			return L->names[i].name;
	char tmp[IF_NAMESIZE + 1];
	if (!ifindex || !if_indextoname(ifindex, tmp))
		return NULL;
	struct name_cache *n = &L->names[L->nnames < 64 ? L->nnames++ : 63];
	n->ifindex = ifindex;
	snprintf(n->name, sizeof(n->name), "%s", tmp);
	return n->name;
}

/* A stop status of the output file: print its message, return it. */
static int rot_failed(int st, const char *err)
{
	if (st == RC_EBREAK)
		fprintf(stderr, "%s\n", err); /* "Maximum file limit reached: N" */
	else
		fprintf(stderr, "ringcap: %s\n", err);
	return st;
}

/* One packet of source s to the file, stdout or both; 0 or a stop status. */
static int sink_one(struct live *L, struct rc__rot *r, unsigned s, const rc_packet *p)
{
	if (r) {
		char err[512];
		int st = rc__rot_write(r, p, err, sizeof(err));
		if (st < 0)
			return rot_failed(st, err);
	}
	if (L->json)
		rc__json_packet(&L->out, p, ifname_of(L, p->ifindex));
	else if (L->name_ifaces && p->linktype != RC_LINKTYPE_LINUX_SLL2)
		rc__print_packet_on(&L->pr, p, L->src[s].ifname);
	else /* a LINUX_SLL2 line (-i any) names its interface itself */
		rc__print_packet(&L->pr, p);
	if (L->flush_each)
		rc__ob_flush(&L->out);
	else
		rc__ob_maybe_flush(&L->out);
	if (L->out.err) {
		rc__ob_write_error(L->out.err);
		return RC_EIO;
	}
	return 0;
}

/* With a merge, -c counts here, after the merge: the packets of a batch
 * that -c still allows (the writer emits in time stamp order, so the
 * first -c of the output are the earliest captured). */
static size_t merged_count_allows(struct live *L, size_t n)
{
	unsigned long long limit = (unsigned long long)L->o->count_limit,
			   before = atomic_load(&L->taken);
	if (!L->merge || L->o->count_limit <= 0)
		return n;
	return before + n > limit ? (size_t)(limit - before) : n;
}

/* The writer thread's sink: a batch of source s.  A file alone takes the
 * batch at once; the shared counters are updated once per batch; a stop
 * (-c reached after a merge included) breaks the capture loops at once. */
static int sink(void *user, unsigned s, const rc_packet *pkts, size_t n, size_t *taken)
{
	struct live *L = user;
	struct rc__rot *r = L->nrot ? L->rot[L->nrot > 1 ? s : 0] : NULL;
	int st = 0;
	size_t i = 0, want = merged_count_allows(L, n), asked = n;
	n = want;
	if (!r && !L->printing) {
		i = n; /* --count without -w: only counted */
	} else if (!L->json && !L->printing) {
		char err[512];
		st = rc__rot_write_batch(r, pkts, n, &i, err, sizeof(err));
		if (st < 0)
			rot_failed(st, err);
	} else {
		for (; i < n && (st = sink_one(L, r, s, &pkts[i])) == 0; i++)
			;
	}
	uint64_t bytes = 0;
	for (size_t k = 0; k < i; k++)
		bytes += pkts[k].len;
	*taken = i;
	if (L->merge && L->o->count_limit > 0) {
		unsigned long long now = atomic_fetch_add(&L->taken, i) + i;
		if (st == 0 && (want < asked || now >= (unsigned long long)L->o->count_limit))
			st = RC_EBREAK;
	}
	atomic_fetch_add_explicit(&L->captured_bytes, bytes, memory_order_relaxed);
	if (r)
		atomic_store_explicit(&L->file_bytes, rc__rot_file_bytes(r), memory_order_relaxed);
	if (st != 0)
		break_all(L);
	return st;
}

/*
 * The sink in encoded mode (files, nothing printed): runs of records go to
 * the file whole.  Bytes of packets taken before a stop are summed from
 * their records.
 */
static int sink_encoded(void *user, unsigned s, uint8_t *recs, size_t len, size_t n,
			uint64_t wire_bytes, size_t *taken)
{
	struct live *L = user;
	struct rc__rot *r = L->rot[L->nrot > 1 ? s : 0];
	char err[512];
	uint16_t lt = (uint16_t)rc_capture_linktype(L->src[s].c);
	int st = rc__rot_write_encoded(r, recs, len, n, lt, taken, err, sizeof(err));
	if (st < 0) {
		rot_failed(st, err);
		wire_bytes = rc__rot_encoded_wire_bytes(r, recs, len, *taken);
	} else {
		*taken = n;
	}
	atomic_fetch_add_explicit(&L->captured_bytes, wire_bytes, memory_order_relaxed);
	atomic_store_explicit(&L->file_bytes, rc__rot_file_bytes(r), memory_order_relaxed);
	if (st != 0)
		break_all(L);
	return st;
}

/*
 * The writer's flush function (writer_thread.h): the files' buffered
 * records go to the kernel, so packets taken before a quiet spell are in
 * the file even if ringcap is then killed (SIGKILL, a crash), and a
 * reader following the file sees them; printed lines go out too.
 */
static int flush_outputs(void *user)
{
	struct live *L = user;
	for (unsigned i = 0; i < L->nrot; i++) {
		char err[512];
		int st = rc__rot_flush(L->rot[i], err, sizeof(err));
		if (st < 0) {
			rot_failed(st, err);
			break_all(L);
			return st;
		}
	}
	if ((L->printing || L->json) && rc__ob_flush(&L->out) < 0) {
		rc__ob_write_error(L->out.err);
		break_all(L);
		return RC_EIO;
	}
	return 0;
}

/* ---- capture threads ---- */

static void pin(const struct source *s)
{
	if (s->cpu < 0)
		return;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(s->cpu, &set);
	/* Best effort: a CPU taken away since start-up only costs locality. */
	(void)pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

/* Packets of a batch of n that -c still allows (all of them without -c). */
static int count_allows(struct live *L, int n)
{
	unsigned long long limit = L->o->count_limit > 0 ? (unsigned long long)L->o->count_limit : 0;
	if (!limit)
		return n;
	unsigned long long before = atomic_fetch_add(&L->taken, (unsigned long long)n);
	if (before >= limit)
		return 0;
	return before + (unsigned long long)n > limit ? (int)(limit - before) : n;
}

/* A capture thread ends: the main thread waits for the last one. */
static void capture_ended(struct live *L)
{
	pthread_mutex_lock(&L->mu);
	L->capture_running--;
	pthread_cond_signal(&L->cv);
	pthread_mutex_unlock(&L->mu);
}

/*
 * Read batches and copy them to the writer.  Without a merge, a read
 * blocks in poll(2) for as long as the ring is empty and nothing waits to
 * be handed over: an idle capture makes no wake-ups (a signal, -c or the
 * writer's stop end the wait through rc_capture_breakloop).  Packets not
 * yet pushed are pushed after at most RC_LIVE_PUSH_NSEC: the read timeout
 * is that long while some wait.  With a merge, every source wakes each
 * RC_LIVE_MERGE_READ_TIMEOUT_MS to publish its progress (see HOLD).
 */
static void *capture_main(void *arg)
{
	struct source *s = arg;
	struct live *L = s->L;
	rc_packet pkts[RC_LIVE_BATCH];
	uint64_t last_push = clock_ns(CLOCK_MONOTONIC);
	int idle_timeout = L->merge ? RC_LIVE_MERGE_READ_TIMEOUT_MS : -1;
	int timeout = idle_timeout;

	pin(s);
	(void)rc_capture_set_timeout(s->c, timeout);
	for (int draining = 0;;) {
		if (rc__wt_stopped(L->wt))
			break;
		if (g_signal && !draining) {
			/* SIGINT/SIGTERM/SIGHUP: the kernel queues nothing
			 * more, what the ring holds is still written, and then
			 * the closing lines add up: captured = received -
			 * dropped (rc_capture_stop_input). */
			if (rc_capture_stop_input(s->c) < 0)
				break;
			draining = 1;
		}
		uint64_t t0 = L->merge ? clock_ns(CLOCK_REALTIME) : 0;
		int n = rc_capture_next_batch(s->c, pkts, RC_LIVE_BATCH);
		if (n == RC_EEOF)
			break;
		/* The signal's own break starts the drain; a break while
		 * draining (a second signal) or without a signal (-c, the
		 * writer) ends at once. */
		if (n == RC_EBREAK && (draining || !g_signal))
			break;
		if (n == RC_EBREAK)
			continue;
		if (n < 0) {
			s->status = n;
			break;
		}
		if (n == 0) {
			/* Packets in a V3 block that the kernel's retire timer
			 * has not closed yet may be older than t0 - HOLD: the
			 * timer is a softirq, which under load runs late (in
			 * ksoftirqd).  Promising that progress would let the
			 * merge write another source's newer packets first, so
			 * hand over what was read and promise nothing new. */
			uint64_t progress = t0 > RC_LIVE_HOLD_NSEC ? t0 - RC_LIVE_HOLD_NSEC : 0;
			if (rc__capture_kernel_holds(s->c))
				progress = 0;
			rc__wt_push(L->wt, s->idx, progress);
			last_push = clock_ns(CLOCK_MONOTONIC);
		} else {
			/* With a merge, -c applies in the writer (sink). */
			int take = L->merge ? n : count_allows(L, n);
			(void)rc__wt_put(L->wt, s->idx, pkts, (size_t)take); /* drops are counted */
			uint64_t now = clock_ns(CLOCK_MONOTONIC);
			if (take < n || now - last_push >= RC_LIVE_PUSH_NSEC) {
				rc__wt_push(L->wt, s->idx, pkts[n - 1].ts_nsec);
				last_push = now;
			}
			if (take < n || (!L->merge && L->o->count_limit > 0 &&
					 atomic_load(&L->taken) >= (unsigned long long)L->o->count_limit)) {
				break_all(L);
				break;
			}
		}
		int want = rc__wt_pending(L->wt, s->idx) ? (int)(RC_LIVE_PUSH_NSEC / 1000000u)
							  : idle_timeout;
		if (want != timeout) {
			timeout = want;
			(void)rc_capture_set_timeout(s->c, timeout);
		}
	}
	rc__wt_source_done(L->wt, s->idx);
	capture_ended(L);
	return NULL;
}

/* ---- setup ---- */

struct conf {
	const struct rc__cli_opts *o;
	const char *dev;
};

static int configure(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	const struct conf *cf = user;
	const struct rc__cli_opts *o = cf->o;
	const struct rc__live_opts *lo = &o->live;
	int st = 0;
	if (lo->snaplen_bytes)
		st = rc_capture_set_snaplen(c, (uint32_t)lo->snaplen_bytes);
	if (st == 0)
		st = rc_capture_set_ring_size(c, lo->ring_kib ? (uint64_t)lo->ring_kib * 1024u
							     : RC_LIVE_DEFAULT_RING_BYTES);
	/* "any" has no promiscuous mode (tcpdump does not ask for it there). */
	if (st == 0 && strcmp(cf->dev, "any") != 0)
		st = rc_capture_set_promisc(c, !lo->no_promisc);
	if (st == 0 && lo->direction)
		st = rc_capture_set_direction(c, lo->direction);
	if (st == 0 && lo->immediate)
		st = rc_capture_set_immediate(c, 1);
	if (st == 0)
		st = rc_capture_set_tstamp_precision(c, o->print.ts_nano ? RC_TSTAMP_NANO : RC_TSTAMP_MICRO);
	if (st == 0 && lo->tstamp_type)
		st = rc_capture_set_tstamp_source(c, lo->tstamp_type == 2 ? RC_TSTAMP_HARDWARE
									 : RC_TSTAMP_SOFTWARE);
	if (st == 0 && (o->dump_linktype == RC_LINKTYPE_LINUX_SLL2))
		st = rc_capture_set_cooked(c, 1);
	return st;
}

/* msg without the "<dev>: " most library messages start with, for a line
 * that names the device itself ("ringcap: <dev>: <msg>"). */
static const char *undev(const char *dev, const char *msg)
{
	size_t n = strlen(dev);
	return strncmp(msg, dev, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ' ? msg + n + 2 : msg;
}

/* One clear line for an open/activate failure. */
static void open_error(const char *dev, int st, const char *msg)
{
	msg = undev(dev, msg);
	if (st == RC_ENODEV)
		rc__live_no_such_device(dev);
	else if (st == RC_EPERM)
		/* Promiscuous mode (PACKET_MR_PROMISC) needs no more than the
		 * socket does; the NIC's time stamps are configured with
		 * SIOCSHWTSTAMP, which needs CAP_NET_ADMIN (docs/SECURITY.md). */
		fprintf(stderr,
			"ringcap: %s: permission denied: capturing needs CAP_NET_RAW; run as root "
			"or `setcap cap_net_raw=eip ringcap` (-j adapter_unsynced also needs "
			"cap_net_admin)\n",
			dev);
	else if (st == RC_ENOTSUP && strstr(msg, "stamp"))
		fprintf(stderr, "ringcap: %s: %s (try -j host)\n", dev, msg);
	else
		fprintf(stderr, "ringcap: %s: %s\n", dev, msg);
}

static int cpu_list(int *cpus, int max)
{
	cpu_set_t set;
	int n = 0;
	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return 0;
	for (int i = 0; i < CPU_SETSIZE && n < max; i++)
		if (CPU_ISSET(i, &set))
			cpus[n++] = i;
	return n;
}

static int open_sources(struct live *L)
{
	const struct rc__live_opts *lo = &L->o->live;
	unsigned threads = lo->threads > 1 ? (unsigned)lo->threads : 1;
	int cpus[256];
	int ncpu = threads > 1 ? cpu_list(cpus, 256) : 0;
	char err[RC_ERRBUF_SIZE];

	if (lo->nifaces * threads > RC_LIVE_MAX_SOURCES) {
		fprintf(stderr, "ringcap: too many capture threads (at most %d)\n", RC_LIVE_MAX_SOURCES);
		return -1;
	}
	for (size_t i = 0; i < lo->nifaces; i++) {
		const char *dev = lo->ifaces[i];
		struct conf cf = { L->o, dev };
		rc_capture *hs[64];
		if (threads > 1) {
			uint16_t group = (uint16_t)((getpid() + (int)i) & 0xffff);
			int st = rc_fanout_open(hs, threads, dev, group, lo->fanout_mode, 0, configure, &cf,
						err);
			if (st < 0) {
				open_error(dev, st, err);
				return -1;
			}
		} else {
			int st = rc_capture_create(&hs[0], dev, err);
			if (st < 0) {
				open_error(dev, st, err);
				return -1;
			}
			st = configure(hs[0], 0, &cf);
			if (st == 0)
				st = rc_capture_activate(hs[0]);
			if (st < 0) {
				open_error(dev, st, rc_capture_error(hs[0]));
				rc_capture_close(hs[0]);
				return -1;
			}
		}
		for (unsigned t = 0; t < threads; t++) {
			struct source *s = &L->src[L->nsrc];
			s->L = L;
			s->c = hs[t];
			s->ifname = dev;
			s->idx = L->nsrc;
			s->cpu = ncpu > 0 ? cpus[t % (unsigned)ncpu] : -1;
			L->nsrc++;
			if (*rc_capture_warning(hs[t]))
				fprintf(stderr, "ringcap: warning: %s: %s\n", dev,
					undev(dev, rc_capture_warning(hs[t])));
		}
		/* -y: the device's own link type, or LINUX_SLL2 (cooked, see
		 * configure); tcpdump refuses a type the device does not offer. */
		int lt = rc_capture_linktype(hs[0]), want = L->o->dump_linktype;
		if (want >= 0 && want != lt) {
			const char *name = rc_linktype_name(want);
			fprintf(stderr,
				"ringcap: %s: -y %s: the device captures as %s or LINUX_SLL2 (see -L)\n",
				dev, name ? name : "?", rc_linktype_name(lt) ? rc_linktype_name(lt) : "?");
			return -1;
		}
	}
	return 0;
}

/* Compile the filter per link type and attach it to every handle. */
static int attach_filters(struct live *L)
{
	if (!L->expr)
		return 0;
	rc_filter_opts fo;
	memset(&fo, 0, sizeof(fo));
	fo.optimize = !L->o->no_optimize;
	fo.linux_live = 1;
	fo.resolve_names = 1;
	for (unsigned i = 0; i < L->nsrc; i++) {
		struct source *s = &L->src[i];
		uint32_t net = 0, mask = 0;
		if (rc_device_lookup_net(s->ifname, &net, &mask, NULL) < 0)
			mask = 0;
		rc_bpf_prog prog;
		char err[RC_ERRBUF_SIZE];
		if (rc_filter_compile(&prog, L->expr, rc_capture_linktype(s->c), rc_capture_snaplen(s->c),
				      ntohl(mask), &fo, err) < 0) {
			rc__filter_error(stderr, L->expr, err);
			return -1;
		}
		/* The handle's warning grows by the filter's (one the kernel
		 * cannot run: every packet copied to user space): say it once
		 * per device, after what activate said (open_sources). */
		size_t said = strlen(rc_capture_warning(s->c));
		int st = rc_capture_set_filter(s->c, prog.insns, prog.len);
		rc_bpf_prog_free(&prog);
		if (st < 0) {
			fprintf(stderr, "ringcap: %s: cannot attach the filter: %s\n", s->ifname,
				undev(s->ifname, rc_capture_error(s->c)));
			return -1;
		}
		const char *w = rc_capture_warning(s->c);
		if (strlen(w) > said && (i == 0 || strcmp(L->src[i - 1].ifname, s->ifname) != 0))
			fprintf(stderr, "ringcap: warning: %s: %s\n", s->ifname,
				undev(s->ifname, w + said + strspn(w + said, "; ")));
	}
	return 0;
}

/* "dir/cap.pcap" + 1 -> "dir/cap_1.pcap" (--per-thread-files). */
static void thread_file_name(char *buf, size_t len, const char *path, unsigned i)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	if (!dot || dot == (slash ? slash + 1 : path))
		snprintf(buf, len, "%s_%u", path, i);
	else
		snprintf(buf, len, "%.*s_%u%s", (int)(dot - path), path, i, dot);
}

/* rc__rot_cfg.iface_counts: the summed counts of the handles capturing on
 * kernel interface k alone (fanout members add up).  A handle on "any"
 * counts every interface together, so its interfaces get no ISB.  Runs in
 * the writer thread beside the capture threads and the main thread's
 * --stats: rc_capture_stats_get allows that (capture.h). */
static int iface_counts(void *user, uint32_t k, uint64_t *recv, uint64_t *drop)
{
	const struct rot_counts *rc = user;
	struct live *L = rc->L;
	int found = 0;
	*recv = *drop = 0;
	for (unsigned i = 0; i < L->nsrc; i++) {
		rc_capture_stats st;
		int ifindex = rc_capture_ifindex(L->src[i].c); /* 0: "any" */
		if ((rc->src >= 0 && (unsigned)rc->src != i) || ifindex <= 0 ||
		    (uint32_t)ifindex != k || rc_capture_stats_get(L->src[i].c, &st) < 0)
			continue;
		*recv += st.received;
		*drop += st.dropped;
		found = 1;
	}
	return found;
}

static int open_outputs(struct live *L, char names[][4096])
{
	const struct rc__cli_opts *o = L->o;
	const struct rc__live_opts *lo = &o->live;
	int lt = rc_capture_linktype(L->src[0].c);
	for (unsigned i = 1; i < L->nsrc; i++)
		if (rc_capture_linktype(L->src[i].c) != lt && L->format == RC_FORMAT_PCAP) {
			fprintf(stderr,
				"ringcap: %s: a pcap file holds one link type, but %s and %s differ; "
				"use --format pcapng\n",
				o->write_path, L->src[0].ifname, L->src[i].ifname);
			return -1;
		}
	struct rc__rot_cfg cfg;
	memset(&cfg, 0, sizeof(cfg));
	cfg.format = L->format;
	cfg.linktype = (uint16_t)lt;
	cfg.snaplen = rc_capture_snaplen(L->src[0].c);
	cfg.ts_precision = o->print.ts_nano ? RC_TS_NANO : RC_TS_MICRO;
	cfg.size_mb = lo->rotate_mb;
	cfg.secs = lo->rotate_secs;
	cfg.count = lo->file_count;
	cfg.packet_buffered = lo->packet_buffered;
	cfg.filter = L->expr;
	cfg.iface_counts = iface_counts;
	L->nrot = lo->per_thread_files ? L->nsrc : 1;
	for (unsigned i = 0; i < L->nrot; i++) {
		char err[512];
		if (lo->per_thread_files)
			thread_file_name(names[i], 4096, o->write_path, i);
		else
			snprintf(names[i], 4096, "%s", o->write_path);
		cfg.path = names[i];
		L->counts[i].L = L;
		L->counts[i].src = lo->per_thread_files ? (int)i : -1;
		cfg.counts_user = &L->counts[i];
		if (rc__rot_open(&L->rot[i], &cfg, err, sizeof(err)) < 0) {
			fprintf(stderr, "ringcap: %s\n", err);
			return -1;
		}
	}
	return 0;
}

/* Whole-command-line checks, before anything is opened. */
static int check_options(const struct rc__cli_opts *o)
{
	const struct rc__live_opts *lo = &o->live;
	const char *bad = NULL;
	if ((lo->rotate_mb || lo->rotate_secs || lo->file_count) && !o->write_path)
		bad = "-C, -G and -W need -w FILE";
	else if (lo->file_count && !lo->rotate_mb && !lo->rotate_secs)
		bad = "-W needs -C or -G";
	else if ((lo->rotate_mb || lo->rotate_secs) && strcmp(o->write_path, "-") == 0)
		bad = "-C and -G cannot rotate standard output (-w -)";
	else if (lo->per_thread_files && (!o->write_path || lo->threads < 2))
		bad = "--per-thread-files needs -w FILE and --threads N (N >= 2)";
	else if (lo->print_too && !o->write_path)
		bad = "--print is for use with -w";
	else if (lo->keep_net_raw && !lo->drop_user)
		bad = "--keep-cap-net-raw is for use with -Z USER";
	else if (o->ninputs)
		bad = "-r and -i cannot be combined";
	else if (o->write_path && strcmp(o->write_path, "-") == 0 && lo->print_too)
		bad = "--print cannot share standard output with -w -";
	if (bad) {
		fprintf(stderr, "ringcap: %s\n", bad);
		return -1;
	}
	return 0;
}

static int pick_format(const struct rc__cli_opts *o)
{
	if (o->write_format)
		return o->write_format;
	int any = 0;
	for (size_t i = 0; i < o->live.nifaces; i++)
		any |= strcmp(o->live.ifaces[i], "any") == 0;
	if (any || o->live.nifaces > 1)
		return RC_FORMAT_PCAPNG;
	return rc__cli_format_of_name(o->write_path);
}

static void sample(struct live *L, struct rc__stats_sample *s)
{
	memset(s, 0, sizeof(*s));
	s->mono_nsec = clock_ns(CLOCK_MONOTONIC);
	s->captured = rc__wt_emitted(L->wt);
	s->captured_bytes = atomic_load(&L->captured_bytes);
	s->ringcap_dropped = rc__wt_dropped(L->wt);
	s->file_bytes = atomic_load(&L->file_bytes);
	for (unsigned i = 0; i < L->nsrc; i++) {
		rc_capture_stats st;
		if (rc_capture_stats_get(L->src[i].c, &st) == 0) {
			s->received += st.received;
			s->kernel_dropped += st.dropped;
		}
	}
}

static void install_signals(void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void listening(const struct live *L)
{
	for (unsigned i = 0; i < L->nsrc; i++) {
		if (i && L->src[i].ifname == L->src[i - 1].ifname)
			continue; /* fanout members of the same -i */
		int lt = rc_capture_linktype(L->src[i].c);
		const char *n = rc_linktype_name(lt), *d = rc_linktype_description(lt);
		fprintf(stderr, "ringcap: listening on %s, link-type %s (%s), snapshot length %u bytes\n",
			L->src[i].ifname, n ? n : "?", d ? d : "?", rc_capture_snaplen(L->src[i].c));
	}
}

/* Main thread: wait for the capture threads, printing --stats lines.
 * It sleeps on L->cv (no polling): a capture thread signals it when it
 * ends, and signals, -c and the writer's stop end them. */
static void wait_loop(struct live *L, long stats_secs, int tty)
{
	struct rc__stats_sample prev, now;
	sample(L, &prev);
	uint64_t next = prev.mono_nsec + (uint64_t)stats_secs * 1000000000u;
	pthread_mutex_lock(&L->mu);
	while (L->capture_running > 0) {
		if (stats_secs <= 0) {
			pthread_cond_wait(&L->cv, &L->mu);
			continue;
		}
		struct timespec ts = { (time_t)(next / 1000000000u), (long)(next % 1000000000u) };
		if (pthread_cond_timedwait(&L->cv, &L->mu, &ts) != ETIMEDOUT)
			continue;
		pthread_mutex_unlock(&L->mu);
		char line[256];
		sample(L, &now);
		rc__stats_line_format(line, sizeof(line), &prev, &now, L->nrot > 0);
		fprintf(stderr, tty ? "\r%s\033[K" : "%s\n", line);
		prev = now;
		next = now.mono_nsec + (uint64_t)stats_secs * 1000000000u;
		pthread_mutex_lock(&L->mu);
	}
	pthread_mutex_unlock(&L->mu);
	if (stats_secs > 0 && tty)
		fputc('\n', stderr);
}

static void close_sources(struct live *L)
{
	for (unsigned i = 0; i < L->nsrc; i++)
		rc_capture_close(L->src[i].c);
	L->nsrc = 0;
}

int rc__run_live(const struct rc__cli_opts *o)
{
	if (o->live.list_devices)
		return rc__live_list_devices(o);
	/* tcpdump lists time stamp types before it would list link types. */
	if (o->live.list_tstamp_types)
		return rc__live_list_tstamp_types(o);
	if (o->live.list_linktypes)
		return rc__live_list_linktypes(o);
	if (check_options(o) < 0)
		return RC_EXIT_USAGE;

	struct live *L = calloc(1, sizeof(*L));
	char (*names)[4096] = calloc(RC_LIVE_MAX_SOURCES, 4096);
	char *file_expr = NULL;
	int code = RC_EXIT_ERROR;
	if (!L || !names) {
		fprintf(stderr, "ringcap: out of memory\n");
		free(L);
		free(names);
		return RC_EXIT_ERROR;
	}
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC); /* --stats deadlines */
	pthread_mutex_init(&L->mu, NULL);
	pthread_cond_init(&L->cv, &ca);
	pthread_condattr_destroy(&ca);
	L->o = o;
	L->expr = o->filter_expr;
	if (o->filter_file) {
		file_expr = rc__cli_read_filter_file(o->filter_file);
		if (!file_expr)
			goto out;
		L->expr = file_expr;
	}
	if (L->expr && !L->expr[strspn(L->expr, " \t\r\n")])
		L->expr = NULL;
	/* --count prints no packet, as tcpdump's: the closing lines count them. */
	L->printing = (!o->write_path || o->live.print_too) && !o->count_only;
	L->json = o->live.json && L->printing;
	/* tcpdump -i any names each line's interface and direction; merged
	 * lines of several -i need that as much (JSON has "interface") */
	L->name_ifaces = o->live.nifaces > 1;
	if (L->printing || L->json) {
		if (rc__ob_init(&L->out, STDOUT_FILENO) < 0 ||
		    rc__printer_init(&L->pr, &o->print, &L->out) < 0) {
			fprintf(stderr, "ringcap: out of memory\n");
			goto out;
		}
		L->flush_each = o->live.line_buffered || isatty(STDOUT_FILENO);
	}

	if (open_sources(L) < 0 || attach_filters(L) < 0)
		goto out;
	if (o->live.drop_user) {
		char err[256];
		if ((o->live.keep_net_raw
			     ? rc__privs_drop_keep_net_raw(o->live.drop_user, err, sizeof(err))
			     : rc__privs_drop(o->live.drop_user, err, sizeof(err))) < 0) {
			fprintf(stderr, "ringcap: %s\n", err);
			goto out;
		}
	}
	if (o->write_path) {
		L->format = pick_format(o);
		if (open_outputs(L, names) < 0)
			goto out;
	}
	L->merge = L->nsrc > 1 && !o->live.per_thread_files;
	/* Files and nothing else, no merge: capture threads encode the
	 * records themselves (one copy per packet, see writer_thread.h).
	 * Every file of the run has the same settings, so rot[0]'s encoder
	 * serves all. */
	const rc_encoder *enc = L->nrot && !L->printing && !L->json && !L->merge
					? rc__rot_encoder(L->rot[0])
					: NULL;
	if ((enc ? rc__wt_create_encoded(&L->wt, L->nsrc, RC_LIVE_BUF_BYTES,
					 RC_LIVE_BUFS_PER_SOURCE, enc, sink_encoded, L)
		 : rc__wt_create(&L->wt, L->nsrc, RC_LIVE_BUF_BYTES, RC_LIVE_BUFS_PER_SOURCE,
				 L->merge, sink, L)) < 0) {
		fprintf(stderr, "ringcap: cannot start the writer thread\n");
		goto out;
	}
	rc__wt_set_flush(L->wt, flush_outputs);
	signal(SIGPIPE, SIG_IGN);
	g_live = L;
	install_signals(on_signal);
	listening(L);

	L->capture_running = (int)L->nsrc; /* no thread runs yet */
	int thread_failed = 0;
	for (unsigned i = 0; i < L->nsrc; i++) {
		if (pthread_create(&L->src[i].thread, NULL, capture_main, &L->src[i]) != 0) {
			fprintf(stderr, "ringcap: cannot start capture thread %u\n", i);
			thread_failed = 1;
			pthread_mutex_lock(&L->mu);
			L->capture_running -= (int)(L->nsrc - i);
			pthread_mutex_unlock(&L->mu);
			for (unsigned k = i; k < L->nsrc; k++)
				rc__wt_source_done(L->wt, k);
			g_signal = SIGTERM;
			break_all(L);
			break;
		}
		L->src[i].started = 1;
	}

	int tty = isatty(STDERR_FILENO);
	long stats_secs = o->live.stats_secs;
	if (stats_secs == 0)
		stats_secs = o->write_path && strcmp(o->write_path, "-") != 0 && tty ? 1 : -1;
	wait_loop(L, stats_secs, tty);
	for (unsigned i = 0; i < L->nsrc; i++)
		if (L->src[i].started)
			pthread_join(L->src[i].thread, NULL);

	struct rc__stats_sample fin;
	sample(L, &fin);
	int wst = rc__wt_finish(L->wt, &fin.captured, &fin.ringcap_dropped);
	L->wt = NULL;
	code = thread_failed ? RC_EXIT_ERROR : RC_EXIT_OK;
	if (wst < 0 && wst != RC_EBREAK)
		code = RC_EXIT_ERROR;
	for (unsigned i = 0; i < L->nsrc; i++)
		if (L->src[i].status < 0) {
			fprintf(stderr, "ringcap: %s: %s\n", L->src[i].ifname,
				undev(L->src[i].ifname, rc_capture_error(L->src[i].c)));
			code = RC_EXIT_ERROR;
		}
	struct rc__rot_counts files = { 0, 0 };
	for (unsigned i = 0; i < L->nrot; i++) {
		char err[512];
		struct rc__rot_counts c;
		/* A stop that printed its own message (not -c or -W) says it all. */
		if (rc__rot_close(L->rot[i], &c, err, sizeof(err)) < 0 &&
		    (wst == 0 || wst == RC_EBREAK)) {
			fprintf(stderr, "ringcap: %s\n", err);
			code = RC_EXIT_ERROR;
		}
		L->rot[i] = NULL;
		files.given += c.given;
		files.written += c.written;
	}
	/* With -w, "captured" is what reached the files: packets the writer had
	 * taken that a full disk cut off are dropped by ringcap. */
	if (L->nrot) {
		fin.captured = files.written;
		fin.ringcap_dropped += files.given - files.written;
	}
	if ((L->printing || L->json) && rc__ob_flush(&L->out) < 0 && code == RC_EXIT_OK) {
		rc__ob_write_error(L->out.err);
		code = RC_EXIT_ERROR;
	}
	/* The handlers stay installed: with g_live NULL they only record the
	 * signal, so one repeated during shutdown (a storm of SIGTERMs, a
	 * second Ctrl-C) can no longer kill ringcap before the counts below
	 * or turn its exit status into 128 + signal. */
	g_live = NULL;
	/* "captured": every packet in the files, or printed. */
	rc__stats_final(stderr, fin.captured, fin.received, fin.kernel_dropped, fin.ringcap_dropped);
out:
	if (L->wt) {
		for (unsigned i = 0; i < L->nsrc; i++)
			rc__wt_source_done(L->wt, i);
		rc__wt_finish(L->wt, NULL, NULL);
	}
	for (unsigned i = 0; i < L->nrot; i++)
		rc__rot_close(L->rot[i], NULL, names[0], 4096);
	close_sources(L);
	if (L->printing || L->json) {
		rc__printer_free(&L->pr);
		rc__ob_free(&L->out);
	}
	free(file_expr);
	free(names);
	pthread_cond_destroy(&L->cv);
	pthread_mutex_destroy(&L->mu);
	free(L);
	return code;
}

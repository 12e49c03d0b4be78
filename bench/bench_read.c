/*
 * bench_read.c - offline reading speed: ringcap vs libpcap on the same file.
 *
 * Generates (once, deterministic) bench/data/read_<N>.pcap with N packets of
 * 60..1514 bytes (default N = 2,000,000, about 1.2 GB; BENCH_PACKETS=N for
 * less) and its pcapng twin, makes sure both are in the page cache, then
 * times every way of walking all packets while touching the first byte of
 * each: ringcap batch (AUTO, MMAP, STREAM), ringcap callback, libpcap
 * pcap_loop and pcap_next_ex, and raw mmap walks with no parsing at all: one
 * prefetching only the line after the next header, one prefetching every line
 * 4 KiB ahead (what the reader does: the floor for it), and that one again
 * with the mapping prefaulted in MADV_POPULATE_READ windows (the data behind
 * the reader not prefaulting).
 * BENCH_RUNS=n runs (default 5, at most 16); prints the median wall time per
 * packet with the min-max, the median CPU time, and the ratio of medians to
 * libpcap pcap_loop, as a markdown table.
 */
#include "ringcap/file.h"
#include "rcb_stats.h"

#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

static volatile unsigned sink;

/* ---- input generation (plain write(2), deterministic) ---- */

struct wbuf {
	int fd;
	uint8_t buf[1 << 20];
	size_t len;
};

static void wflush(struct wbuf *w)
{
	size_t off = 0;
	while (off < w->len) {
		ssize_t n = write(w->fd, w->buf + off, w->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror("bench_read: write");
			exit(1);
		}
		off += (size_t)n;
	}
	w->len = 0;
}

static void wput(struct wbuf *w, const void *p, size_t n)
{
	if (w->len + n > sizeof(w->buf))
		wflush(w);
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void w32(struct wbuf *w, uint32_t v) { wput(w, &v, 4); }

static uint32_t pkt_len(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
	uint32_t r = (uint32_t)(*seed >> 33);
	/* a mix like real traffic: half small (ACKs, DNS), a quarter full-size,
	 * a quarter anywhere between; mean about 615 B, so 2 M packets = 1.26 GB */
	switch (r % 8) {
	case 0: case 1: case 2: case 3: return 60 + r % 40;
	case 4: case 5: return 1514;
	default: return 60 + r % 1455;
	}
}

static void generate(const char *path, unsigned long n, int ng)
{
	char tmp[512];
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	static struct wbuf w;
	w.len = 0;
	w.fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (w.fd < 0) {
		perror(tmp);
		exit(1);
	}
	static uint8_t payload[1514];
	for (unsigned i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 31 + 7);
	if (!ng) {
		uint32_t h[6] = { 0xa1b2c3d4u, 2 | (4u << 16), 0, 0, 65535, 1 };
		wput(&w, h, sizeof(h));
	} else {
		uint32_t shb[7] = { 0x0A0D0D0Au, 28, 0x1A2B3C4Du, 1, 0xffffffffu, 0xffffffffu, 28 };
		uint32_t idb[5] = { 1, 20, 1, 65535, 20 };
		wput(&w, shb, sizeof(shb));
		wput(&w, idb, sizeof(idb));
	}
	uint64_t seed = 42, ts_us = 1700000000000000ull;
	for (unsigned long i = 0; i < n; i++) {
		uint32_t len = pkt_len(&seed);
		ts_us += 1 + (seed >> 50) % 300;
		payload[0] = (uint8_t)i;
		if (!ng) {
			w32(&w, (uint32_t)(ts_us / 1000000));
			w32(&w, (uint32_t)(ts_us % 1000000));
			w32(&w, len);
			w32(&w, len);
			wput(&w, payload, len);
		} else {
			uint32_t total = 32 + ((len + 3) & ~3u);
			w32(&w, 6);
			w32(&w, total);
			w32(&w, 0);
			w32(&w, (uint32_t)(ts_us >> 32));
			w32(&w, (uint32_t)ts_us);
			w32(&w, len);
			w32(&w, len);
			wput(&w, payload, len);
			static const uint8_t zero[4];
			wput(&w, zero, ((len + 3) & ~3u) - len);
			w32(&w, total);
		}
	}
	wflush(&w);
	close(w.fd);
	if (rename(tmp, path) != 0) {
		perror(path);
		exit(1);
	}
}

/*
 * The page cache is this benchmark's input, and how a file came into it
 * decides what mapping it costs: the kernel keeps a file in folios of 4 KiB
 * to 2 MiB, and a mapped walk pays a fault per folio (a 2 MiB one is mapped
 * by one PMD entry).  On a 2-core EPYC VM the same file walked mapped at
 * 84 ns/packet in 4 KiB folios, 66 in 64 KiB ones, 40 in 2 MiB ones;
 * read(2) copies from any at 52-65.  A file read back with read-ahead (cat,
 * a copy, a fresh download) sits in large folios; one written 4 KiB at a
 * time (stdio, tcpdump -w) or read back without read-ahead after memory
 * pressure sits in 4 KiB ones.  So each table starts from a state set
 * here: the file written out and dropped from the cache, then read back
 * either with read-ahead in 1 MiB reads (LARGE) or 4 KiB at a time with
 * read-ahead off (SMALL: POSIX_FADV_RANDOM makes the kernel read exactly
 * the pages asked for, one folio each).
 */
enum cache_state { SMALL, LARGE };

static void set_cache_state(const char *path, enum cache_state state)
{
	static uint8_t buf[1 << 20];
	const size_t chunk = state == LARGE ? sizeof(buf) : 4096;
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		exit(1);
	}
	/* dirty pages are not dropped: write them out first */
	if (fdatasync(fd) != 0 || posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) != 0 ||
	    posix_fadvise(fd, 0, 0, state == LARGE ? POSIX_FADV_SEQUENTIAL : POSIX_FADV_RANDOM) != 0) {
		perror(path);
		exit(1);
	}
	while (read(fd, buf, chunk) > 0)
		;
	close(fd);
}

/* ---- the contenders; each returns the packet count ---- */

static unsigned long rc_batch(const char *path, enum rc_read_mode mode)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	rc_reader_opts o = { .mode = mode };
	if (rc_reader_open(&r, path, &o, err) < 0) {
		fprintf(stderr, "bench_read: %s\n", err);
		exit(1);
	}
	rc_packet p[256];
	unsigned long n = 0;
	unsigned s = 0;
	int k;
	while ((k = rc_reader_next_batch(r, p, 256)) > 0) {
		for (int i = 0; i < k; i++)
			s += p[i].caplen ? p[i].data[0] : 0;
		n += (unsigned long)k;
	}
	if (k != RC_EEOF) {
		fprintf(stderr, "bench_read: %s\n", rc_reader_error(r));
		exit(1);
	}
	sink += s;
	rc_reader_close(r);
	return n;
}

static unsigned long rc_auto(const char *p) { return rc_batch(p, RC_READ_AUTO); }
static unsigned long rc_mmap(const char *p) { return rc_batch(p, RC_READ_MMAP); }
static unsigned long rc_stream(const char *p) { return rc_batch(p, RC_READ_STREAM); }

static int loop_cb(void *user, const rc_packet *p)
{
	*(unsigned *)user += p->caplen ? p->data[0] : 0;
	return 0;
}

static unsigned long rc_cb(const char *path)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	if (rc_reader_open(&r, path, NULL, err) < 0) {
		fprintf(stderr, "bench_read: %s\n", err);
		exit(1);
	}
	unsigned s = 0;
	if (rc_reader_loop(r, 0, loop_cb, &s) != 0) {
		fprintf(stderr, "bench_read: %s\n", rc_reader_error(r));
		exit(1);
	}
	sink += s;
	rc_reader_close(r);
	return 0;
}

static pcap_t *lp_open(const char *path)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, err);
	if (!p) {
		fprintf(stderr, "bench_read: libpcap: %s\n", err);
		exit(1);
	}
	return p;
}

static void lp_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	*(unsigned *)user += h->caplen ? d[0] : 0;
}

static unsigned long lp_loop(const char *path)
{
	pcap_t *p = lp_open(path);
	unsigned s = 0;
	pcap_loop(p, -1, lp_cb, (u_char *)&s);
	sink += s;
	pcap_close(p);
	return 0;
}

static unsigned long lp_next_ex(const char *path)
{
	pcap_t *p = lp_open(path);
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned long n = 0;
	unsigned s = 0;
	while (pcap_next_ex(p, &h, &d) == 1) {
		s += h->caplen ? d[0] : 0;
		n++;
	}
	sink += s;
	pcap_close(p);
	return n;
}

/* Raw pcap walk over a mapping: the floor for any mmap-based reader.
 * RAW_NEXT prefetches the line after the next header only; RAW_STREAM
 * requests every line 4 KiB ahead (as src/file/source.h does); RAW_POPULATE
 * adds MADV_POPULATE_READ windows of 4 MiB to RAW_STREAM. */
enum raw_kind { RAW_NEXT, RAW_STREAM, RAW_POPULATE };

static unsigned long raw_walk(const char *path, enum raw_kind kind)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(path);
		exit(1);
	}
	size_t size = (size_t)st.st_size;
	const uint8_t *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	madvise((void *)m, size, MADV_SEQUENTIAL);
	const size_t win = 4u << 20;
	size_t off = 24, populated = 0, pf = 0;
	unsigned long n = 0;
	unsigned s = 0;
	while (off + 16 <= size) {
		if (kind == RAW_POPULATE && off + 16 + 65535 > populated && populated < size) {
			size_t len = size - populated < win ? size - populated : win;
			madvise((void *)(m + populated), len, MADV_POPULATE_READ);
			populated += len;
		}
		uint32_t caplen;
		memcpy(&caplen, m + off + 8, 4);
		if (off + 16 + caplen > size)
			break;
		s += caplen ? m[off + 16] : 0;
		off += 16 + caplen;
		n++;
		if (kind == RAW_NEXT) {
			__builtin_prefetch(m + off + 64);
		} else {
			size_t lim = size - off > 4096 ? off + 4096 : size;
			for (; pf < lim; pf += 64)
				__builtin_prefetch(m + pf, 0, 2);
		}
	}
	sink += s;
	munmap((void *)m, size);
	close(fd);
	return n;
}

static unsigned long raw_next(const char *p) { return raw_walk(p, RAW_NEXT); }
static unsigned long raw_stream(const char *p) { return raw_walk(p, RAW_STREAM); }
static unsigned long raw_populate(const char *p) { return raw_walk(p, RAW_POPULATE); }

/* ---- timing ---- */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double cpu_s(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec * 1e-6 +
	       (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec * 1e-6;
}

struct result {
	double min, median, max, cpu; /* wall min/median/max, CPU median (s) */
};

/* One timed run of fn: wall and CPU seconds. */
static void time_once(unsigned long (*fn)(const char *), const char *path, double *wall, double *cpu)
{
	double c0 = cpu_s(), t0 = now_s();
	fn(path);
	*wall = now_s() - t0;
	*cpu = cpu_s() - c0;
}

static struct result summarize(double *wall, double *cpu, int runs)
{
	rcb_stats w = rcb_summary(wall, (size_t)runs), c = rcb_summary(cpu, (size_t)runs);
	return (struct result){ w.min, w.med, w.max, c.med };
}

struct contender {
	const char *name;
	unsigned long (*fn)(const char *);
	int pcap_only;
};

/* Time rows [0, rows) of cs and row base (if not among them) on both
 * files, runs times each, interleaved (run 1 of every row, then run 2, ...)
 * so that a burst of load on the machine hits all rows alike. */
static void measure(const struct contender *cs, int nc, int rows, int base, char files[2][256],
		    int runs, struct result res[2][nc])
{
	static double w[2][16][16], c[2][16][16];
	for (int r = 0; r < runs; r++)
		for (int ng = 0; ng < 2; ng++)
			for (int i = 0; i < nc; i++)
				if ((i < rows || i == base) && !(cs[i].pcap_only && ng))
					time_once(cs[i].fn, files[ng], &w[ng][i][r], &c[ng][i][r]);
	for (int ng = 0; ng < 2; ng++)
		for (int i = 0; i < nc; i++)
			if ((i < rows || i == base) && !(cs[i].pcap_only && ng))
				res[ng][i] = summarize(w[ng][i], c[ng][i], runs);
}

static void print_table(const struct contender *cs, int nc, int rows, int base, unsigned long n,
			struct result res[2][nc])
{
	printf("| reader | file | wall ns/pkt median (min-max) | CPU ns/pkt | speed-up vs libpcap pcap_loop |\n");
	printf("|---|---|---:|---:|---:|\n");
	for (int ng = 0; ng < 2; ng++) {
		double b = res[ng][base].median;
		for (int i = 0; i < nc; i++) {
			if ((i >= rows && i != base) || (cs[i].pcap_only && ng))
				continue;
			const double k = 1e9 / (double)n;
			printf("| %s | %s | %.1f (%.1f-%.1f) | %.1f | %.2fx |\n", cs[i].name,
			       ng ? "pcapng" : "pcap", res[ng][i].median * k, res[ng][i].min * k,
			       res[ng][i].max * k, res[ng][i].cpu * k, b / res[ng][i].median);
		}
	}
}

int main(void)
{
	const char *e = getenv("BENCH_PACKETS");
	unsigned long n = e ? strtoul(e, NULL, 10) : 2000000ul;
	e = getenv("BENCH_RUNS");
	int runs = e ? atoi(e) : 5;
	if (runs < 1)
		runs = 1;
	if (runs > 16)
		runs = 16;
	if (n == 0)
		n = 1;
	mkdir("bench", 0755);
	mkdir("bench/data", 0755);
	char files[2][256];
	for (int ng = 0; ng < 2; ng++) {
		snprintf(files[ng], sizeof(files[ng]), "bench/data/read_%lu.%s", n, ng ? "pcapng" : "pcap");
		if (access(files[ng], R_OK) != 0) {
			fprintf(stderr, "bench_read: generating %s\n", files[ng]);
			generate(files[ng], n, ng);
		}
		/* check the files are what we think they are */
		if (rc_auto(files[ng]) != n || lp_next_ex(files[ng]) != n) {
			fprintf(stderr, "bench_read: %s does not hold %lu packets; delete it\n", files[ng], n);
			return 1;
		}
	}

	static const struct contender cs[] = {
		{ "ringcap batch, AUTO", rc_auto, 0 },
		{ "ringcap batch, MMAP", rc_mmap, 0 },
		{ "ringcap batch, STREAM", rc_stream, 0 },
		{ "ringcap callback (rc_reader_loop)", rc_cb, 0 },
		{ "libpcap pcap_loop", lp_loop, 0 },
		{ "libpcap pcap_next_ex", lp_next_ex, 0 },
		{ "raw mmap walk, next-header prefetch", raw_next, 1 },
		{ "raw mmap walk, every line 4 KiB ahead (floor)", raw_stream, 1 },
		{ "raw mmap walk, same + POPULATE_READ windows", raw_populate, 1 },
	};
	/* indexes into cs[]; the SMALL table has the first SMALL_NC rows and
	 * libpcap pcap_loop */
	enum { RC_AUTO = 0, RC_MMAP = 1, RC_STREAM = 2, LP_LOOP = 4, SMALL_NC = 3,
	       NC = sizeof(cs) / sizeof(cs[0]) };
	struct stat st;
	stat(files[0], &st);
	struct result res[2][NC];
	int mapped = 0;
	/* SMALL first: the files stay in the LARGE state for the benchmarks
	 * that run after this one (bench/offline.sh). */
	for (int state = SMALL; state <= LARGE; state++) {
		for (int ng = 0; ng < 2; ng++)
			set_cache_state(files[ng], (enum cache_state)state);
		measure(cs, NC, state == SMALL ? SMALL_NC : NC, LP_LOOP, files, runs, res);
		if (state == SMALL) {
			printf("## Offline read, file in 4 KiB page-cache folios (bench_read): %lu packets, "
			       "pcap %.0f MB, median of %d runs\n\n", n, (double)st.st_size / 1e6, runs);
			printf("Each file dropped from the page cache and read back 4 KiB at a time without "
			       "read-ahead, as a file written by stdio or evicted under memory pressure "
			       "is held; the full table below reads them from large folios.\n\n");
		} else {
			printf("## Offline read (bench_read): %lu packets, pcap %.0f MB, median of %d runs\n\n",
			       n, (double)st.st_size / 1e6, runs);
			printf("Each file dropped from the page cache and read back with read-ahead "
			       "(as cat or a copy leaves it: large folios).  Every packet's first byte is "
			       "touched.  Wall time per packet: median (min-max); CPU = user + system, median; "
			       "speed-up = libpcap pcap_loop's median wall time / this row's, on the same "
			       "file.\n\n");
		}
		print_table(cs, NC, state == SMALL ? SMALL_NC : NC, LP_LOOP, n, res);
		double speed = res[0][LP_LOOP].median / res[0][RC_AUTO].median;
		double speed_ng = res[1][LP_LOOP].median / res[1][RC_AUTO].median;
		char err[RC_ERRBUF_SIZE];
		rc_reader *r;
		if (rc_reader_open(&r, files[0], NULL, err) == 0) {
			mapped = rc_reader_stable_data(r);
			rc_reader_close(r);
		}
		if (state == SMALL) {
			printf("\n- 4 KiB folios: ringcap batch API vs libpcap pcap_loop %.2fx on pcap, %.2fx "
			       "on pcapng; MMAP/STREAM time %.2f; RC_READ_AUTO's probe picked %s\n\n",
			       speed, speed_ng, res[0][RC_MMAP].median / res[0][RC_STREAM].median,
			       mapped ? "mmap" : "read(2) streaming");
			continue;
		}
		double ngr = res[1][RC_AUTO].median / res[0][RC_AUTO].median;
		printf("\n- offline read, ringcap batch API vs libpcap pcap_loop: %.2fx faster on pcap, %.2fx "
		       "on pcapng (target >= 4x): %s\n",
		       speed, speed_ng, speed >= 4 && speed_ng >= 4 ? "MET" : "NOT MET");
		printf("- ringcap batch API pcapng/pcap time: %.2f (target <= 1.3): %s\n", ngr,
		       ngr <= 1.3 ? "MET" : "NOT MET");
		printf("- MMAP/STREAM time on this machine: %.2f; RC_READ_AUTO's probe picked %s\n",
		       res[0][RC_MMAP].median / res[0][RC_STREAM].median,
		       mapped ? "mmap" : "read(2) streaming");
	}
	fprintf(stderr, "(sink %u)\n", sink);
	return 0;
}

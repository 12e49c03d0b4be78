/*
 * bench_filter_compile.c - filter compiler speed, memory and code size,
 * ringcap vs the system libpcap in the same run.
 *
 *   1. Compile time and peak memory for "host A or host B or ..." and
 *      "port P or port Q or ..." lists of 10, 100, 1,000 and 10,000 values.
 *   2. The same, and instruction counts, for ten typical filters.
 * Each compile runs in a forked child; memory is the child's peak RSS
 * (ru_maxrss) minus its RSS before compiling.  BENCH_RUNS compiles (default
 * 5) per cell give the median (min-max); a compile slower than 1 s runs
 * once.  Each compile gets BENCH_PCAP_TIMEOUT seconds (default 60); when
 * libpcap timed out on a list, the longer lists of that kind are not tried
 * (they only take longer) and also count as timeouts.
 * ringcap compiles with max_insns = RC_BPF_USER_MAXINSNS, like libpcap
 * without the kernel's 4096 limit (10,000 hosts need ~25,000 instructions).
 * Prints markdown tables; ratio > 1 means ringcap is faster / smaller.
 * BENCH_QUICK=1 stops at 1,000 values.
 */
#include <pcap/pcap.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rcb_stats.h"
#include "ringcap/filter.h"
#include "ringcap/linktype.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static long rss_kb(void)
{
	struct rusage r;
	getrusage(RUSAGE_SELF, &r);
	return r.ru_maxrss;
}

static char *make_list(const char *kind, int n)
{
	char *e = malloc((size_t)n * 32 + 1);
	size_t off = 0;
	uint32_t x = 12345;
	for (int i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		if (!strcmp(kind, "host"))
			off += (size_t)sprintf(e + off, "%shost %u.%u.%u.%u", i ? " or " : "",
					       10 + (x >> 28), (x >> 20) & 255, (x >> 12) & 255,
					       (x >> 4) & 255);
		else
			off += (size_t)sprintf(e + off, "%sport %d", i ? " or " : "",
					       1 + (int)((uint64_t)i * 65534 / (uint64_t)n));
	}
	return e;
}

typedef struct result {
	int ok;          /* 1 compiled, 0 refused (error), -1 timeout/crash */
	double ms;
	long rss_kb;
	unsigned insns;
	char err[RC_ERRBUF_SIZE + 16];
} result;

/* Compile in a child; impl 0 = ringcap, 1 = libpcap. */
static result run_child(int impl, const char *expr, int timeout_s)
{
	result r = {0};
	int fd[2];
	if (pipe(fd) < 0)
		return r;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		alarm((unsigned)timeout_s);
		result c = {0};
		long before = rss_kb();
		double t0 = now_ms();
		if (impl == 0) {
			rc_bpf_prog p;
			char err[RC_ERRBUF_SIZE];
			/* pcap_compile has no length limit (only the kernel does), so
			 * ringcap is asked for a userspace program too: same work. */
			rc_filter_opts fo = { .optimize = 1, .resolve_names = 1,
					      .max_insns = RC_BPF_USER_MAXINSNS };
			c.ok = rc_filter_compile(&p, expr, RC_LINKTYPE_ETHERNET, 262144, 0, &fo, err) == 0;
			if (c.ok)
				c.insns = (unsigned)p.len;
			else
				snprintf(c.err, sizeof(c.err), "%s", err);
		} else {
			pcap_t *pc = pcap_open_dead(DLT_EN10MB, 262144);
			struct bpf_program bp;
			c.ok = pcap_compile(pc, &bp, expr, 1, PCAP_NETMASK_UNKNOWN) == 0;
			if (c.ok)
				c.insns = bp.bf_len;
			else
				snprintf(c.err, sizeof(c.err), "%.*s", (int)sizeof(c.err) - 1, pcap_geterr(pc));
		}
		c.ms = now_ms() - t0;
		c.rss_kb = rss_kb() - before;
		if (write(fd[1], &c, sizeof(c)) != (ssize_t)sizeof(c))
			_exit(2);
		_exit(0);
	}
	close(fd[1]);
	int st;
	struct rusage ru;
	ssize_t got = read(fd[0], &r, sizeof(r));
	close(fd[0]);
	wait4(pid, &st, 0, &ru);
	if (got != (ssize_t)sizeof(r) || !WIFEXITED(st)) {
		memset(&r, 0, sizeof(r));
		r.ok = -1;
		snprintf(r.err, sizeof(r.err), "no result after %d s", timeout_s);
	}
	return r;
}

/* Median (min-max) over up to MAX_RUNS compiles of one expression. */
#define MAX_RUNS 16
typedef struct cellv {
	result r;         /* the first run: status, insns, error */
	double med, min, max;
	long rss_kb;      /* median */
	int runs;
} cellv;

static cellv measure(int impl, const char *expr, int runs, int timeout)
{
	cellv c = { 0 };
	double ms[MAX_RUNS], kb[MAX_RUNS];
	c.r = run_child(impl, expr, timeout);
	ms[0] = c.r.ms;
	kb[0] = (double)c.r.rss_kb;
	c.runs = 1;
	/* repeat only what is cheap: a slow compile's noise is small anyway */
	while (c.r.ok >= 0 && c.runs < runs && c.r.ms < 1000) {
		result more = run_child(impl, expr, timeout);
		if (more.ok != c.r.ok)
			break;
		ms[c.runs] = more.ms;
		kb[c.runs++] = (double)more.rss_kb;
	}
	rcb_stats t = rcb_summary(ms, (size_t)c.runs);
	c.med = t.med;
	c.min = t.min;
	c.max = t.max;
	c.rss_kb = (long)rcb_summary(kb, (size_t)c.runs).med;
	return c;
}

static void cell(const cellv *c, int timeout)
{
	if (c->r.ok < 0) {
		printf(" timeout (> %d s) | - | - |", timeout);
		return;
	}
	if (c->runs > 1)
		printf(" %.2f ms (%.2f-%.2f)", c->med, c->min, c->max);
	else
		printf(" %.2f ms (1 run)", c->med);
	if (c->r.ok == 0)
		printf(" refused | %ld KiB | - |", c->rss_kb);
	else
		printf(" | %ld KiB | %u |", c->rss_kb, c->r.insns);
}

int main(void)
{
	int quick = getenv("BENCH_QUICK") != NULL;
	int timeout = getenv("BENCH_PCAP_TIMEOUT") ? atoi(getenv("BENCH_PCAP_TIMEOUT")) : 60;
	int runs = getenv("BENCH_RUNS") ? atoi(getenv("BENCH_RUNS")) : 5;
	if (timeout < 1)
		timeout = 60;
	if (runs < 1 || runs > MAX_RUNS)
		runs = 5;
	static const int sizes[] = {10, 100, 1000, 10000};
	printf("## Filter compiler: large OR-lists (Ethernet)\n\n");
	printf("Compile time median (min-max) of %d compiles (1 when slower than 1 s), each in a "
	       "fresh process; memory = peak RSS growth during the compile; libpcap and ringcap "
	       "both give up after %d s.  speed ratio = libpcap time / ringcap time.\n\n",
	       runs, timeout);
	printf("| list | ringcap time | ringcap mem | ringcap insns | libpcap time | libpcap mem "
	       "| libpcap insns | speed ratio |\n|---|---|---|---|---|---|---|---|\n");
	char verdict[256] = "- compile, 10,000 hosts: not measured (quick mode stops at 1,000 values)";
	for (int k = 0; k < 2; k++) {
		const char *kind = k ? "port" : "host";
		int lib_timed_out = 0;
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			if (quick && sizes[i] > 1000)
				break;
			char *e = make_list(kind, sizes[i]);
			cellv a = measure(0, e, runs, timeout), b = { 0 };
			if (lib_timed_out)
				b.r.ok = -1; /* a shorter list already took too long */
			else
				b = measure(1, e, runs, timeout);
			lib_timed_out = b.r.ok < 0;
			printf("| %d %ss |", sizes[i], kind);
			cell(&a, timeout);
			cell(&b, timeout);
			double rc_ms = a.med > 0.001 ? a.med : 0.001;
			if (a.r.ok <= 0)
				printf(" - |\n");
			else if (b.r.ok < 0)
				printf(" > %.0fx |\n", (double)timeout * 1e3 / rc_ms);
			else
				printf(" %.1fx |\n", b.med / rc_ms);
			if (k == 0 && sizes[i] == 10000) {
				double r = b.r.ok < 0 ? (double)timeout * 1e3 / rc_ms : b.med / rc_ms;
				if (a.r.ok <= 0)
					snprintf(verdict, sizeof(verdict),
						 "- compile, 10,000 hosts: ringcap %s, libpcap %s "
						 "(target >= 100x faster): NOT MET",
						 a.r.ok == 0 ? "refused the list (the program would be "
							       "over the kernel's 4096 instructions)"
							     : "timed out",
						 b.r.ok < 0 ? "timed out" : "compiled it");
				else
					snprintf(verdict, sizeof(verdict),
						 "- compile, 10,000 hosts: ringcap %.1f ms, libpcap %s; "
						 "%s%.0fx faster (target >= 100x): %s",
						 a.med, b.r.ok < 0 ? "timed out" : "compiled it",
						 b.r.ok < 0 ? "> " : "", r, r >= 100 ? "MET" : "NOT MET");
			}
			if (a.r.ok == 0)
				printf("|  | ringcap: %s |||||||\n", a.r.err);
			if (b.r.ok == 0)
				printf("|  | libpcap: %s |||||||\n", b.r.err);
			free(e);
		}
	}
	static const char *const typical[] = {
		"tcp port 80", "host 10.0.0.1", "udp and dst port 53", "tcp[tcpflags] & tcp-syn != 0",
		"net 192.168.0.0/16 and not port 22", "icmp or icmp6", "vlan 100 and ip",
		"ip6 and tcp dst port 443", "arp or (ip and host 10.1.2.3)",
		"port 80 or port 443 or port 8080",
	};
	printf("\n## Filter compiler: typical filters (Ethernet)\n\n"
	       "| filter | ringcap time | ringcap mem | ringcap insns | libpcap time | libpcap mem "
	       "| libpcap insns | insns ratio libpcap/ringcap |\n|---|---|---|---|---|---|---|---|\n");
	unsigned ta = 0, tb = 0;
	for (size_t i = 0; i < sizeof(typical) / sizeof(typical[0]); i++) {
		cellv a = measure(0, typical[i], runs, timeout), b = measure(1, typical[i], runs, timeout);
		printf("| `%s` |", typical[i]);
		cell(&a, timeout);
		cell(&b, timeout);
		printf(" %.2f |\n", a.r.insns ? (double)b.r.insns / a.r.insns : 0.0);
		ta += a.r.insns;
		tb += b.r.insns;
	}
	printf("| **total** | | | %u | | | %u | %.2f |\n", ta, tb, ta ? (double)tb / ta : 0.0);
	printf("\n%s\n", verdict);
	printf("- compile, typical filters: ringcap %u instructions, libpcap %u (target: not more): "
	       "%s\n", ta, tb, ta <= tb ? "MET" : "NOT MET");
	return 0;
}

/*
 * bench_filter_compile.c - filter compiler speed, memory and code size,
 * ringcap vs the system libpcap in the same run.
 *
 *   1. Compile time and peak RSS for "host A or host B or ..." and
 *      "port P or port Q or ..." lists of 10, 100, 1,000 and 10,000 values.
 *      Each compile runs in a forked child; peak memory is the child's
 *      ru_maxrss (wait4), minus the same child's RSS before compiling.
 *      libpcap gets BENCH_PCAP_TIMEOUT seconds (default 60) per compile.
 *   2. Instruction counts for ten typical filters.
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
			c.ok = rc_filter_compile(&p, expr, RC_LINKTYPE_ETHERNET, 262144, 0, NULL, err) == 0;
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

static void cell(const result *r)
{
	if (r->ok < 0)
		printf(" timeout | - | - |");
	else if (r->ok == 0)
		printf(" %.2f ms (refused) | %ld KiB | - |", r->ms, r->rss_kb);
	else
		printf(" %.2f ms | %ld KiB | %u |", r->ms, r->rss_kb, r->insns);
}

int main(void)
{
	int quick = getenv("BENCH_QUICK") != NULL;
	int timeout = getenv("BENCH_PCAP_TIMEOUT") ? atoi(getenv("BENCH_PCAP_TIMEOUT")) : 60;
	static const int sizes[] = {10, 100, 1000, 10000};
	printf("## Filter compiler: large OR-lists (Ethernet)\n\n");
	printf("| list | ringcap time | ringcap mem | ringcap insns | libpcap time | libpcap mem "
	       "| libpcap insns | speed ratio |\n|---|---|---|---|---|---|---|---|\n");
	for (int k = 0; k < 2; k++) {
		const char *kind = k ? "port" : "host";
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			if (quick && sizes[i] > 1000)
				break;
			char *e = make_list(kind, sizes[i]);
			result a = run_child(0, e, timeout), b = run_child(1, e, timeout);
			printf("| %d %ss |", sizes[i], kind);
			cell(&a);
			cell(&b);
			if (b.ok < 0)
				printf(" > %.0fx |\n", (double)timeout * 1e3 / (a.ms > 0.001 ? a.ms : 0.001));
			else
				printf(" %.1fx |\n", b.ms / (a.ms > 0.001 ? a.ms : 0.001));
			if (a.ok == 0)
				printf("|  | ringcap: %s |||||||\n", a.err);
			if (b.ok == 0)
				printf("|  | libpcap: %s |||||||\n", b.err);
			free(e);
		}
	}
	static const char *const typical[] = {
		"tcp port 80", "host 10.0.0.1", "udp and dst port 53", "tcp[tcpflags] & tcp-syn != 0",
		"net 192.168.0.0/16 and not port 22", "icmp or icmp6", "vlan 100 and ip",
		"ip6 and tcp dst port 443", "arp or (ip and host 10.1.2.3)",
		"port 80 or port 443 or port 8080",
	};
	printf("\n## Filter compiler: instruction counts (Ethernet)\n\n"
	       "| filter | ringcap | libpcap | ratio libpcap/ringcap |\n|---|---|---|---|\n");
	unsigned ta = 0, tb = 0;
	for (size_t i = 0; i < sizeof(typical) / sizeof(typical[0]); i++) {
		result a = run_child(0, typical[i], timeout), b = run_child(1, typical[i], timeout);
		printf("| `%s` | %u | %u | %.2f |\n", typical[i], a.insns, b.insns,
		       a.insns ? (double)b.insns / a.insns : 0.0);
		ta += a.insns;
		tb += b.insns;
	}
	printf("| **total** | %u | %u | %.2f |\n", ta, tb, ta ? (double)tb / ta : 0.0);
	return 0;
}

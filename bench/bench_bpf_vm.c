/*
 * bench_bpf_vm.c - classic BPF interpreter speed: ringcap's rc_bpf_run
 * against libpcap's bpf_filter on the same programs and packets, in the
 * same run; and program sizes: libpcap's optimizer against ringcap's.
 *
 * Ten typical filters are compiled by libpcap (pcap_compile, Ethernet) so
 * the numbers do not depend on ringcap's compiler.  Each is run over a
 * mixed set of 16 cache-hot frames (TCP/UDP/ICMP over IPv4 and IPv6, ARP,
 * VLAN, broadcast, some truncated) for BENCH_ITERS packets, BENCH_RUNS
 * times, interleaved; the best run counts.  Both engines must give the same verdicts.
 * Output: a markdown table with ns/packet and the ratio ringcap/libpcap
 * (target <= 0.70), then instruction counts.
 *   BENCH_QUICK=1 fewer packets; BENCH_RUNS=N; BENCH_ITERS=N.
 */
#include <pcap/pcap.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ringcap/filter.h"

static const char *const filters[] = {
	"tcp port 80",
	"net 192.168.0.0/16 and not port 443",
	"port 1 or port 2 or port 3 or port 4 or port 5 or port 6 or port 7 or port 8 or port 9 or port 10",
	"vlan and ip",
	"tcp[tcpflags] & tcp-syn != 0",
	"udp and dst port 53",
	"icmp or arp",
	"ip6 and tcp",
	"host 10.0.0.1 and (port 22 or port 80)",
	"ether broadcast",
};
#define NFILTERS (sizeof filters / sizeof filters[0])

#define NPKTS 16
static uint8_t pkts[NPKTS][128];
static uint32_t caplens[NPKTS], wirelens[NPKTS];

static void set16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Build the packet mix. */
static void make_packets(void)
{
	for (int i = 0; i < NPKTS; i++) {
		uint8_t *p = pkts[i];
		uint32_t len;
		memset(p, 0, 128);
		for (int j = 0; j < 12; j++)
			p[j] = (uint8_t)(j + i);
		switch (i % 8) {
		case 0: /* IPv4 TCP to port 80 / 443 / 22 */
		case 1:
		case 2:
			set16(p + 12, 0x0800);
			p[14] = 0x45;
			p[23] = 6;
			memcpy(p + 26, (const uint8_t[]){10, 0, 0, (uint8_t)(1 + i % 2)}, 4);
			memcpy(p + 30, (const uint8_t[]){192, 168, 1, 2}, 4);
			set16(p + 34, (uint16_t)(40000 + i));
			set16(p + 36, (uint16_t)(i % 8 == 0 ? 80 : i % 8 == 1 ? 443 : 22));
			p[47] = (uint8_t)(i & 1 ? 0x02 : 0x10);
			len = 66;
			break;
		case 3: /* IPv4 UDP DNS */
			set16(p + 12, 0x0800);
			p[14] = 0x45;
			p[23] = 17;
			memcpy(p + 26, (const uint8_t[]){192, 168, 3, 4}, 4);
			set16(p + 34, 5353);
			set16(p + 36, 53);
			len = 74;
			break;
		case 4: /* IPv6 TCP */
			set16(p + 12, 0x86dd);
			p[14] = 0x60;
			p[20] = 6;
			set16(p + 54, 22);
			set16(p + 56, (uint16_t)(i < 8 ? 80 : 5));
			len = 86;
			break;
		case 5: /* ARP broadcast */
			memset(p, 0xff, 6);
			set16(p + 12, 0x0806);
			len = 42;
			break;
		case 6: /* VLAN-tagged IPv4 ICMP */
			set16(p + 12, 0x8100);
			set16(p + 14, 100);
			set16(p + 16, 0x0800);
			p[18] = 0x45;
			p[27] = 1;
			len = 60;
			break;
		default: /* IPv4 ICMP, truncated on odd indexes */
			set16(p + 12, 0x0800);
			p[14] = 0x45;
			p[23] = 1;
			len = i & 1 ? 30 : 60;
			break;
		}
		caplens[i] = len;
		wirelens[i] = len + (i & 1 ? 0 : 1000);
	}
}

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static long env_long(const char *name, long dflt)
{
	const char *v = getenv(name);
	return v && *v ? atol(v) : dflt;
}

static volatile uint32_t sink;

/* One timed run: ns per packet. */
static double time_libpcap(const struct bpf_insn *p, long iters)
{
	uint32_t acc = 0;
	double t0 = now_ns();
	for (long n = 0; n < iters; n++) {
		int i = (int)(n & (NPKTS - 1));
		acc += bpf_filter(p, pkts[i], wirelens[i], caplens[i]);
	}
	sink += acc;
	return (now_ns() - t0) / (double)iters;
}

static double time_ringcap(const rc_bpf_insn *p, size_t len, long iters)
{
	uint32_t acc = 0;
	double t0 = now_ns();
	for (long n = 0; n < iters; n++) {
		int i = (int)(n & (NPKTS - 1));
		acc += rc_bpf_run_simple(p, len, pkts[i], caplens[i], wirelens[i]);
	}
	sink += acc;
	return (now_ns() - t0) / (double)iters;
}

static double min2(double a, double b)
{
	return a < b ? a : b;
}

static int copy_prog(const struct bpf_program *bp, rc_bpf_prog *out)
{
	out->len = bp->bf_len;
	out->insns = malloc(bp->bf_len * sizeof(rc_bpf_insn));
	if (!out->insns)
		return -1;
	memcpy(out->insns, bp->bf_insns, bp->bf_len * sizeof(rc_bpf_insn));
	return 0;
}

int main(void)
{
	long iters = env_long("BENCH_ITERS", getenv("BENCH_QUICK") ? 400000 : 4000000);
	int runs = (int)env_long("BENCH_RUNS", 7);
	pcap_t *h = pcap_open_dead(DLT_EN10MB, 262144);
	double sum_ratio = 0, sum_lib = 0, sum_rc = 0;
	size_t sizes[NFILTERS][4];

	if (!h)
		return 1;
	make_packets();
	printf("## Classic BPF interpreter: rc_bpf_run vs libpcap bpf_filter\n\n");
	printf("%ld packets per run, best of %d runs, %d cache-hot frames (mixed).\n\n", iters, runs,
	       NPKTS);
	printf("| filter | insns | libpcap ns/pkt | ringcap ns/pkt | ratio | ringcap on its own optimization ns/pkt |\n");
	printf("|---|---:|---:|---:|---:|---:|\n");
	for (size_t f = 0; f < NFILTERS; f++) {
		struct bpf_program opt, raw;
		rc_bpf_prog p, reopt, fromraw;
		if (pcap_compile(h, &opt, filters[f], 1, 0) < 0 ||
		    pcap_compile(h, &raw, filters[f], 0, 0) < 0) {
			fprintf(stderr, "bench_bpf_vm: %s: %s\n", filters[f], pcap_geterr(h));
			return 1;
		}
		if (copy_prog(&opt, &p) < 0 || copy_prog(&opt, &reopt) < 0 ||
		    copy_prog(&raw, &fromraw) < 0)
			return 1;
		if (rc_bpf_optimize(&reopt) < 0 || rc_bpf_optimize(&fromraw) < 0) {
			fprintf(stderr, "bench_bpf_vm: %s: rc_bpf_optimize failed\n", filters[f]);
			return 1;
		}
		for (int i = 0; i < NPKTS; i++) {
			uint32_t a = bpf_filter(opt.bf_insns, pkts[i], wirelens[i], caplens[i]);
			uint32_t b = rc_bpf_run_simple(p.insns, p.len, pkts[i], caplens[i], wirelens[i]);
			uint32_t c = rc_bpf_run_simple(fromraw.insns, fromraw.len, pkts[i], caplens[i],
						       wirelens[i]);
			uint32_t d = bpf_filter(raw.bf_insns, pkts[i], wirelens[i], caplens[i]);
			if (a != b || c != d) {
				fprintf(stderr, "bench_bpf_vm: %s: verdicts differ on packet %d\n",
					filters[f], i);
				return 1;
			}
		}
		/* interleaved runs, best of each: a busy machine hurts both alike */
		double tl = 1e30, tr = 1e30, to = 1e30;
		for (int r = 0; r < runs; r++) {
			tl = min2(tl, time_libpcap(opt.bf_insns, iters));
			tr = min2(tr, time_ringcap(p.insns, p.len, iters));
			to = min2(to, time_ringcap(fromraw.insns, fromraw.len, iters));
		}
		sum_ratio += tr / tl;
		sum_lib += tl;
		sum_rc += tr;
		printf("| `%s` | %u | %.2f | %.2f | %.2f | %.2f |\n", filters[f], opt.bf_len, tl, tr,
		       tr / tl, to);
		sizes[f][0] = raw.bf_len;
		sizes[f][1] = opt.bf_len;
		sizes[f][2] = reopt.len;
		sizes[f][3] = fromraw.len;
		pcap_freecode(&opt);
		pcap_freecode(&raw);
		rc_bpf_prog_free(&p);
		rc_bpf_prog_free(&reopt);
		rc_bpf_prog_free(&fromraw);
	}
	printf("\nMean ratio ringcap/libpcap: **%.2f**; total time ratio: **%.2f** (target <= 0.70)\n\n",
	       sum_ratio / NFILTERS, sum_rc / sum_lib);
	printf("## Optimizer: program sizes (instructions)\n\n");
	printf("| filter | libpcap -O0 | libpcap -O | ringcap on libpcap -O | ringcap on libpcap -O0 |\n");
	printf("|---|---:|---:|---:|---:|\n");
	for (size_t f = 0; f < NFILTERS; f++)
		printf("| `%s` | %zu | %zu | %zu | %zu |\n", filters[f], sizes[f][0], sizes[f][1],
		       sizes[f][2], sizes[f][3]);
	printf("\nringcap never shortens a program by changing the verdict on truncated packets;\n"
	       "libpcap does for `port 1 or ... port 10` and `host ... and (port 22 or port 80)`.\n");
	pcap_close(h);
	return 0;
}

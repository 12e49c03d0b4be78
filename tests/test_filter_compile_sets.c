/*
 * test_filter_compile_sets.c - large OR-lists compile to sorted search
 * trees: correct membership, logarithmic path length, linear-ish compile,
 * and a clear RC_ELIMIT when the program cannot fit the kernel limit.
 */
#include "harness.h"

#include <linux/filter.h>
#include <time.h>

#include "ringcap/filter.h"

/* Longest path (in instructions executed) from insn 0 to a return. */
static size_t longest_path(const rc_bpf_prog *p)
{
	size_t *d = calloc(p->len + 1, sizeof(*d)), best = 0;
	for (size_t i = p->len; i-- > 0;) {
		const rc_bpf_insn *in = &p->insns[i];
		size_t m = 0;
		if (BPF_CLASS(in->code) == BPF_RET) {
			m = 0;
		} else if (BPF_CLASS(in->code) == BPF_JMP) {
			if (BPF_OP(in->code) == BPF_JA) {
				m = d[i + 1 + in->k];
			} else {
				size_t a = d[i + 1 + in->jt], b = d[i + 1 + in->jf];
				m = a > b ? a : b;
			}
		} else {
			m = d[i + 1];
		}
		d[i] = m + 1;
	}
	best = d[0];
	free(d);
	return best;
}

static char *port_list(int n, int step)
{
	char *e = malloc((size_t)n * 20 + 1);
	size_t off = 0;
	for (int i = 0; i < n; i++)
		off += (size_t)sprintf(e + off, "%sdst port %d", i ? " or " : "", 1 + i * step);
	return e;
}

static void eth_udp(uint8_t *f, uint16_t sport, uint16_t dport)
{
	memset(f, 0, 60);
	f[12] = 0x08; f[14] = 0x45; f[23] = 17;
	f[34] = (uint8_t)(sport >> 8); f[35] = (uint8_t)sport;
	f[36] = (uint8_t)(dport >> 8); f[37] = (uint8_t)dport;
}

TEST(filter_sets_thousand_dst_ports_match_exactly_in_log_time)
{
	char *e = port_list(1000, 7);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	free(e);
	ASSERT_TRUE(p.len <= RC_BPF_MAXINSNS);
	size_t path = longest_path(&p);
	fprintf(stderr, "1000 dst ports: %zu instructions, longest path %zu\n", p.len, path);
	ASSERT_UINT_LE(path, 80);   /* a chain would be > 2000 */
	uint8_t f[60];
	for (int port = 0; port < 7200; port++) {
		int member = port >= 1 && port <= 1 + 999 * 7 && (port - 1) % 7 == 0;
		eth_udp(f, 3, (uint16_t)port);
		uint32_t got = rc_bpf_run_simple(p.insns, p.len, f, 60, 60);
		if ((got != 0) != member)
			rc_test_fail(__FILE__, __LINE__, "port %d: accepted %u, member %d", port, got,
				     member);
	}
	rc_bpf_prog_free(&p);
}

TEST(filter_sets_host_and_net_lists_merge_into_intervals)
{
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, "dst net 10.0.0.0/24 or dst net 10.0.1.0/24 or dst "
					"host 10.0.2.0 or dst host 192.168.0.1 or dst 1.1.1.1",
					RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	uint8_t f[60] = {0};
	f[12] = 0x08; f[14] = 0x45;
	static const struct { uint32_t a; int in; } cases[] = {
		{0x0a000000, 1}, {0x0a0001ff, 1}, {0x0a000200, 1}, {0x0a000201, 0},
		{0x09ffffff, 0}, {0xc0a80001, 1}, {0xc0a80002, 0}, {0x01010101, 1},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (int b = 0; b < 4; b++)
			f[30 + b] = (uint8_t)(cases[i].a >> (24 - 8 * b));
		ASSERT_INT_EQ(rc_bpf_run_simple(p.insns, p.len, f, 60, 60) != 0, cases[i].in);
	}
	rc_bpf_prog_free(&p);
}

TEST_TIMEOUT(filter_sets_ten_thousand_hosts_fail_fast_with_limit, 60)
{
	char *e = malloc(10000 * 24 + 1);
	size_t off = 0;
	uint32_t x = 7;
	for (int i = 0; i < 10000; i++) {
		x = x * 1103515245u + 12345u;
		off += (size_t)sprintf(e + off, "%shost %u.%u.%u.%u", i ? " or " : "", 10 + (x >> 28),
				       (x >> 20) & 255, (x >> 12) & 255, (x >> 4) & 255);
	}
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), RC_ELIMIT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ASSERT_STR_CONTAINS(err, "4096");
	fprintf(stderr, "10000 hosts: %s after %.1f ms\n", err,
		(double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	/* 500 "dst host" values fit, and a lookup walks two trees (IPv4, ARP) */
	char *q = strstr(e, " or ");
	for (int i = 0; i < 499 && q; i++)
		q = strstr(q + 1, " or ");
	*q = '\0';
	char *d = malloc(strlen(e) + 16);
	size_t dn = (size_t)sprintf(d, "dst host");
	for (const char *s = e + 4; *s;) {   /* "dst host A or B or C": bare values */
		if (!strncmp(s, " or host ", 9)) {
			dn += (size_t)sprintf(d + dn, " or ");
			s += 9;
		} else {
			d[dn++] = *s++;
		}
	}
	d[dn] = '\0';
	ASSERT_INT_EQ(rc_filter_compile(&p, d, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	fprintf(stderr, "500 dst hosts: %zu instructions, longest path %zu\n", p.len,
		longest_path(&p));
	ASSERT_UINT_LE(longest_path(&p), 40);
	rc_bpf_prog_free(&p);
	/* 500 "host" values: four trees (IPv4 src/dst, ARP sender/target) */
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	fprintf(stderr, "500 hosts: %zu instructions, longest path %zu\n", p.len, longest_path(&p));
	ASSERT_UINT_LE(longest_path(&p), 80);
	rc_bpf_prog_free(&p);
	free(d);
	free(e);
}

/*
 * test_filter_compile_sets.c - large OR-lists compile to sorted search
 * trees: correct membership, logarithmic path length, linear-ish compile,
 * and a clear RC_ELIMIT when the program cannot fit the kernel limit.
 */
#include "harness.h"

#include <linux/filter.h>
#include <time.h>

#include "filter/compile.h"
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

static char *port_list(const char *prefix, int n, int step)
{
	char *e = malloc((size_t)n * 24 + 1);
	size_t off = 0;
	for (int i = 0; i < n; i++)
		off += (size_t)sprintf(e + off, "%s%s %d", i ? " or " : "", prefix, 1 + i * step);
	return e;
}

static void eth_udp(uint8_t *f, uint16_t sport, uint16_t dport)
{
	memset(f, 0, 60);
	f[12] = 0x08; f[14] = 0x45; f[23] = 17;
	f[34] = (uint8_t)(sport >> 8); f[35] = (uint8_t)sport;
	f[36] = (uint8_t)(dport >> 8); f[37] = (uint8_t)dport;
}

/* n pseudo-random IPv4 addresses (10.x.x.x .. 25.x.x.x), as "host A or host B ...". */
static char *host_list(const char *prefix, int n, uint32_t *addrs)
{
	char *e = malloc((size_t)n * 40 + 1);
	size_t off = 0;
	uint32_t x = 12345;
	e[0] = '\0';
	for (int i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		uint32_t a = (10u + (x >> 28)) << 24 | ((x >> 20) & 255) << 16 | ((x >> 12) & 255) << 8 |
			     ((x >> 4) & 255);
		if (addrs)
			addrs[i] = a;
		off += (size_t)sprintf(e + off, "%s%s %u.%u.%u.%u", i ? " or " : "", prefix, a >> 24,
				       (a >> 16) & 255, (a >> 8) & 255, a & 255);
	}
	return e;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static int is_member(const uint32_t *v, int n, uint32_t a)
{
	for (int i = 0; i < n; i++)
		if (v[i] == a)
			return 1;
	return 0;
}

TEST(filter_sets_thousand_dst_ports_match_exactly_in_log_time)
{
	char *e = port_list("dst port", 1000, 7);
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
	char *e = host_list("host", 10000, NULL);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), RC_ELIMIT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ASSERT_STR_CONTAINS(err, "4096");
	fprintf(stderr, "10000 hosts: %s after %.1f ms\n", err,
		(double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	/* 500 "dst host" values fit; IPv4 and ARP share one tree */
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
	/* 500 "host" values: two trees (source/sender, destination/target) */
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	fprintf(stderr, "500 hosts: %zu instructions, longest path %zu\n", p.len, longest_path(&p));
	ASSERT_UINT_LE(longest_path(&p), 80);
	rc_bpf_prog_free(&p);
	free(d);
	free(e);
}

/*
 * IPv4 and ARP/RARP share the trees of a host list; the miss path of the
 * first tree loads the second field through X, which each protocol's
 * prologue sets.  Every field of every protocol must still test exactly
 * its own bytes, and a truncated packet must stop at the right load.
 */
TEST(filter_sets_shared_host_trees_test_each_protocol_field)
{
	enum { N = 100 };
	uint32_t v[N];
	char *e = host_list("host", N, v);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	fprintf(stderr, "100 hosts: %zu instructions (libpcap 1.10.3: 361)\n", p.len);
	ASSERT_UINT_LE(p.len, 300);
	static const struct { uint16_t et; uint32_t off[2]; } pr[] = {
		{0x0800, {26, 30}}, {0x0806, {28, 38}}, {0x8035, {28, 38}}, {0x86dd, {26, 30}},
	};
	uint32_t other = 0x0b000001; /* a non-member for the field not under test */
	ASSERT_FALSE(is_member(v, N, other));
	uint8_t f[60];
	for (size_t k = 0; k < sizeof(pr) / sizeof(pr[0]); k++)
		for (int field = 0; field < 2; field++)
			for (int i = 0; i < N; i++)
				for (uint32_t d = 0; d < 2; d++) {
					uint32_t a = v[i] + d;
					int want = pr[k].et != 0x86dd && is_member(v, N, a);
					memset(f, 0, sizeof(f));
					f[12] = (uint8_t)(pr[k].et >> 8); f[13] = (uint8_t)pr[k].et;
					f[14] = 0x45;
					put32(f + pr[k].off[0], other);
					put32(f + pr[k].off[1], other);
					put32(f + pr[k].off[field], a);
					if ((rc_bpf_run_simple(p.insns, p.len, f, 60, 60) != 0) != want)
						rc_test_fail(__FILE__, __LINE__, "ethertype %#x field %d "
							     "address %#x: want %d", pr[k].et, field, a,
							     want);
				}
	/* source in the set: accepted even when the destination is cut off;
	 * source not in the set: the destination load fails, rejected */
	memset(f, 0, sizeof(f));
	f[12] = 0x08; f[14] = 0x45;
	put32(f + 26, v[7]);
	ASSERT_UINT_NE(rc_bpf_run_simple(p.insns, p.len, f, 31, 60), 0);
	put32(f + 26, other);
	put32(f + 30, v[7]);
	ASSERT_UINT_EQ(rc_bpf_run_simple(p.insns, p.len, f, 33, 60), 0);
	ASSERT_UINT_NE(rc_bpf_run_simple(p.insns, p.len, f, 34, 60), 0);
	f[12] = 0x08; f[13] = 0x06;
	put32(f + 28, other);
	put32(f + 38, v[7]);
	ASSERT_UINT_EQ(rc_bpf_run_simple(p.insns, p.len, f, 41, 60), 0);
	ASSERT_UINT_NE(rc_bpf_run_simple(p.insns, p.len, f, 42, 60), 0);
	rc_bpf_prog_free(&p);
	free(e);
}

/* TCP/UDP/SCTP over IPv4 (any header length) and IPv6 share the port trees. */
TEST(filter_sets_shared_port_trees_test_ipv4_and_ipv6)
{
	enum { N = 100, STEP = 13 };
	char *e = port_list("port", N, STEP);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err), 0);
	fprintf(stderr, "100 ports: %zu instructions (libpcap 1.10.3: 378)\n", p.len);
	ASSERT_UINT_LE(p.len, 300);
	uint8_t f[100];
	for (int v6 = 0; v6 < 2; v6++)
		for (int ihl = 5; ihl <= (v6 ? 5 : 7); ihl++)
			for (int field = 0; field < 2; field++)
				for (int port = 0; port < (N + 2) * STEP; port++) {
					int want = port >= 1 && (port - 1) % STEP == 0 &&
						   (port - 1) / STEP < N;
					uint32_t l4 = v6 ? 54 : 14 + 4 * (uint32_t)ihl;
					memset(f, 0, sizeof(f));
					f[12] = v6 ? 0x86 : 0x08; f[13] = v6 ? 0xdd : 0x00;
					f[14] = v6 ? 0x60 : (uint8_t)(0x40 | ihl);
					f[v6 ? 20 : 23] = field ? 6 : 17;
					f[l4] = f[l4 + 2] = 0xff;        /* 65280+: not members */
					f[l4 + 2 * field] = (uint8_t)(port >> 8);
					f[l4 + 2 * field + 1] = (uint8_t)port;
					if ((rc_bpf_run_simple(p.insns, p.len, f, 100, 100) != 0) != want)
						rc_test_fail(__FILE__, __LINE__, "v6 %d ihl %d field %d "
							     "port %d: want %d", v6, ihl, field, port,
							     want);
				}
	/* a later IPv4 fragment has no ports */
	memset(f, 0, sizeof(f));
	f[12] = 0x08; f[14] = 0x45; f[23] = 6; f[20] = 0x00; f[21] = 0x10;
	f[35] = 1;
	ASSERT_UINT_EQ(rc_bpf_run_simple(p.insns, p.len, f, 100, 100), 0);
	f[21] = 0;
	ASSERT_UINT_NE(rc_bpf_run_simple(p.insns, p.len, f, 100, 100), 0);
	rc_bpf_prog_free(&p);
	free(e);
}

/*
 * Compile cost grows linearly (issue 5): a list of 2n values costs at most
 * about twice the work of n values in every stage.  Work counters (tokens,
 * generated instructions, blocks visited by layout and by the optimizer's
 * passes), not time: a quadratic stage would show a ratio near 4.
 */
/*
 * A set loads its field once, in the first block of its tree; the blocks
 * below test the A it left.  When an earlier test of the same field decides
 * that first block, jumping past it must not land in the tree (which would
 * test the protocol byte or whatever A held): TCP from 10.0.0.5 matches all
 * of these, with the optimizer and without.
 */
TEST(filter_sets_decided_first_test_keeps_the_set_load)
{
	static const char *const exprs[] = {
		"ip src 10.0.0.5 and tcp and (ip src 10.0.0.1 or ip src 10.0.0.5)",
		"src host 10.0.0.5 and tcp and src host (10.0.0.1 or 10.0.0.3 or 10.0.0.5 or "
		"10.0.0.7 or 10.0.0.9 or 10.0.0.11)",
		"ip dst 10.0.0.9 and tcp and (ip dst 10.0.0.1 or ip dst 10.0.0.9)",
		"ip src 10.0.0.5 and tcp and (host 10.0.0.1 or host 10.0.0.5)",
		"ether[26:4] = 0x0a000005 and ip and (ip src 10.0.0.1 or ip src 10.0.0.5)",
		"ip src 10.0.0.5 and (src net 10.0.0.0/30 or src net 10.0.0.4/30 or "
		"src net 192.168.0.0/16)",
		"ip[12:4] = 0x0a000005 and tcp and (ip src 10.0.0.1 or ip src 10.0.0.5)",
	};
	uint8_t f[60];
	memset(f, 0, sizeof(f));
	f[12] = 0x08; f[14] = 0x45; f[23] = 6;
	put32(f + 26, 0x0a000005);
	put32(f + 30, 0x0a000009);
	for (int opt = 0; opt < 2; opt++)
		for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
			rc_filter_opts o = {.optimize = opt, .linux_live = 0, .resolve_names = 0};
			rc_bpf_prog p;
			char err[RC_ERRBUF_SIZE];
			ASSERT_INT_EQ(rc_filter_compile(&p, exprs[i], RC_LINKTYPE_ETHERNET, 65535, 0,
							&o, err), 0);
			if (rc_bpf_run_simple(p.insns, p.len, f, 60, 60) == 0)
				rc_test_fail(__FILE__, __LINE__, "optimize %d: \"%s\" rejects TCP "
					     "10.0.0.5 -> 10.0.0.9", opt, exprs[i]);
			rc_bpf_prog_free(&p);
		}
}

TEST(filter_sets_compile_work_grows_linearly)
{
	static const struct { const char *prefix; int n; } lists[] = {
		{"host", 500}, {"dst host", 1000}, {"net", 250}, {"port", 500},
	};
	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		struct rc__compile_work w[2];
		for (int d = 0; d < 2; d++) {
			int n = lists[k].n << d;
			char *e;
			if (!strcmp(lists[k].prefix, "port")) {
				e = port_list("port", n, 31);
			} else {
				uint32_t *v = malloc((size_t)n * sizeof(*v));
				e = host_list(lists[k].prefix, n, v);
				if (!strcmp(lists[k].prefix, "net")) { /* a.b.c.0/24 each */
					size_t off = 0;
					for (int i = 0; i < n; i++)
						off += (size_t)sprintf(e + off, "%snet %u.%u.%u.0/24",
								       i ? " or " : "", v[i] >> 24,
								       (v[i] >> 16) & 255,
								       (v[i] >> 8) & 255);
				}
				free(v);
			}
			rc_bpf_prog p;
			char err[RC_ERRBUF_SIZE];
			ASSERT_INT_EQ(rc__filter_compile_counted(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0,
								 NULL, err, &w[d]), 0);
			rc_bpf_prog_free(&p);
			free(e);
		}
		uint64_t a[4] = {w[0].lex, w[0].gen, w[0].layout, w[0].optimize};
		uint64_t b[4] = {w[1].lex, w[1].gen, w[1].layout, w[1].optimize};
		uint64_t ta = 0, tb = 0;
		for (int s = 0; s < 4; s++) {
			ta += a[s];
			tb += b[s];
		}
		fprintf(stderr, "%d -> %d x '%s': work lex %llu -> %llu, gen %llu -> %llu, layout "
			"%llu -> %llu, optimize %llu -> %llu (total x%.2f)\n", lists[k].n,
			2 * lists[k].n, lists[k].prefix, (unsigned long long)a[0],
			(unsigned long long)b[0], (unsigned long long)a[1], (unsigned long long)b[1],
			(unsigned long long)a[2], (unsigned long long)b[2], (unsigned long long)a[3],
			(unsigned long long)b[3], (double)tb / (double)ta);
		for (int s = 0; s < 4; s++) {
			ASSERT_TRUE(a[s] > 0);
			ASSERT_UINT_LE(b[s] * 10, a[s] * 30);   /* no stage near quadratic */
		}
		ASSERT_UINT_LE(tb * 10, ta * 25);
		ASSERT_UINT_GE(tb * 10, ta * 15);           /* the counters do count */
	}
}

/*
 * Opt-in larger programs for userspace-only use: 10,000 hosts compile with
 * opts->max_insns, linearly, and the result is validated against that
 * limit (the kernel's limit still refuses it).
 */
TEST_TIMEOUT(filter_sets_ten_thousand_hosts_compile_for_userspace, 60)
{
	enum { N = 10000 };
	uint32_t *v = malloc(N * sizeof(*v));
	char *e = host_list("host", N, v);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	rc_filter_opts o = {.optimize = 1, .resolve_names = 1, .max_insns = RC_BPF_USER_MAXINSNS};
	struct rc__compile_work w[2];
	ASSERT_INT_EQ(rc__filter_compile_counted(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, &o, err,
						 &w[1]), 0);
	size_t path = longest_path(&p);
	fprintf(stderr, "10000 hosts (max_insns %u): %zu instructions, longest path %zu\n",
		RC_BPF_USER_MAXINSNS, p.len, path);
	ASSERT_TRUE(p.len > RC_BPF_MAXINSNS);
	ASSERT_UINT_LE(p.len, 3 * N);
	ASSERT_UINT_LE(path, 80);
	ASSERT_INT_EQ(rc_bpf_validate(p.insns, p.len, NULL), RC_EINVAL);
	ASSERT_INT_EQ(rc_bpf_validate_len(p.insns, p.len, o.max_insns, err), 0);
	uint8_t f[60] = {0};
	f[12] = 0x08; f[14] = 0x45;
	put32(f + 26, 0x0b000001);
	for (int i = 0; i < N; i += 7)
		for (uint32_t d = 0; d < 2; d++) {
			put32(f + 30, v[i] + d);
			int want = d == 0 || is_member(v, N, v[i] + d);
			if ((rc_bpf_run_simple(p.insns, p.len, f, 60, 60) != 0) != want)
				rc_test_fail(__FILE__, __LINE__, "dst %#x: want %d", v[i] + d, want);
		}
	rc_bpf_prog_free(&p);
	/* half the list: half the work (no stage grows faster than linearly) */
	char *q = e;
	for (int i = 0; i < N / 2; i++)
		q = strstr(q + 1, " or ");
	*q = '\0';
	ASSERT_INT_EQ(rc__filter_compile_counted(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, &o, err,
						 &w[0]), 0);
	rc_bpf_prog_free(&p);
	uint64_t ta = w[0].lex + w[0].gen + w[0].layout + w[0].optimize;
	uint64_t tb = w[1].lex + w[1].gen + w[1].layout + w[1].optimize;
	fprintf(stderr, "5000 -> 10000 hosts: work x%.2f\n", (double)tb / (double)ta);
	ASSERT_UINT_LE(tb * 10, ta * 25);
	/* the default limit still refuses the list, and a smaller one is kept */
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_ELIMIT);
	ASSERT_STR_CONTAINS(err, "kernel limit of 4096");
	o.max_insns = 2000;
	ASSERT_INT_EQ(rc_filter_compile(&p, "host 1.1.1.1 or host 2.2.2.2", RC_LINKTYPE_ETHERNET,
					65535, 0, &o, err), 0);
	rc_bpf_prog_free(&p);
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, &o, err), RC_ELIMIT);
	ASSERT_STR_CONTAINS(err, "limit of 2000");
	o.max_insns = RC_BPF_USER_MAXINSNS + 1;
	ASSERT_INT_EQ(rc_filter_compile(&p, "tcp", RC_LINKTYPE_ETHERNET, 65535, 0, &o, err),
		      RC_EINVAL);
	free(v);
	free(e);
}

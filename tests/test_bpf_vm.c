/*
 * test_bpf_vm.c - rc_bpf_run gives the same answer as libpcap's bpf_filter
 * on every program and packet, rejects out-of-packet loads and division by
 * X == 0, and never touches a byte past caplen.
 */
#include "harness.h"
#include "test_bpf_support.h"

#include <linux/filter.h>
#include <sys/mman.h>
#include <unistd.h>

#define I(c, t, f, kk) {(uint16_t)(c), (uint8_t)(t), (uint8_t)(f), (uint32_t)(kk)}
#define RET_A I(BPF_RET | BPF_A, 0, 0, 0)

static const uint8_t pkt16[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
				  0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};

TEST(bpf_vm_loads_are_big_endian_at_any_alignment)
{
	rc_bpf_insn w[] = {I(BPF_LD | BPF_W | BPF_ABS, 0, 0, 3), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(w, 2, pkt16, 16, 16), 0x33445566u);
	rc_bpf_insn h[] = {I(BPF_LD | BPF_H | BPF_ABS, 0, 0, 15 - 1), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(h, 2, pkt16, 16, 16), 0xeeffu);
	rc_bpf_insn ind[] = {I(BPF_LDX | BPF_IMM, 0, 0, 5), I(BPF_LD | BPF_W | BPF_IND, 0, 0, 7),
			     RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(ind, 3, pkt16, 16, 16), 0xccddeeffu);
	rc_bpf_insn msh[] = {I(BPF_LDX | BPF_B | BPF_MSH, 0, 0, 4), I(BPF_MISC | BPF_TXA, 0, 0, 0),
			     RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(msh, 3, pkt16, 16, 16), 4u * 4);
}

TEST(bpf_vm_rejects_loads_past_caplen)
{
	static const struct {
		uint16_t code;
		uint32_t k;
	} edge[] = {{BPF_LD | BPF_W | BPF_ABS, 12}, {BPF_LD | BPF_H | BPF_ABS, 14},
		    {BPF_LD | BPF_B | BPF_ABS, 15}};
	for (size_t i = 0; i < 3; i++) {
		/* ret #7 after the load: 7 means the load succeeded */
		rc_bpf_insn p[] = {I(edge[i].code, 0, 0, edge[i].k), I(BPF_RET | BPF_K, 0, 0, 7)};
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 2, pkt16, 16, 1000), 7);
		p[0].k++;
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 2, pkt16, 16, 1000), 0);
		p[0].k = 0xffffffffu - 1; /* k + size wraps in 32 bits */
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 2, pkt16, 16, 1000), 0);
	}
	rc_bpf_insn msh[] = {I(BPF_LDX | BPF_B | BPF_MSH, 0, 0, 16), I(BPF_RET | BPF_K, 0, 0, 7)};
	ASSERT_UINT_EQ(rc_bpf_run_simple(msh, 2, pkt16, 16, 16), 0);
	ASSERT_UINT_EQ(rc_bpf_run_simple(msh, 2, pkt16, 0, 16), 0);
}

TEST(bpf_vm_rejects_indexed_load_when_x_plus_k_wraps)
{
	rc_bpf_insn p[] = {I(BPF_LDX | BPF_IMM, 0, 0, 0xfffffff0u), I(BPF_LD | BPF_B | BPF_IND, 0, 0, 0x11),
			   I(BPF_RET | BPF_K, 0, 0, 7)};
	/* X + k = 1 modulo 2^32, but the real offset is past 4 GiB */
	ASSERT_UINT_EQ(rc_bpf_run_simple(p, 3, pkt16, 16, 16), 0);
	p[0].k = 2;
	ASSERT_UINT_EQ(rc_bpf_run_simple(p, 3, pkt16, 16, 16), 0);
	p[0].k = 1;
	p[1].k = 14;
	ASSERT_UINT_EQ(rc_bpf_run_simple(p, 3, pkt16, 16, 16), 7);
}

TEST(bpf_vm_rejects_division_and_modulo_by_x_zero)
{
	rc_bpf_insn d[] = {I(BPF_LD | BPF_IMM, 0, 0, 100), I(BPF_ALU | BPF_DIV | BPF_X, 0, 0, 0),
			   I(BPF_RET | BPF_K, 0, 0, 7)};
	ASSERT_UINT_EQ(rc_bpf_run_simple(d, 3, pkt16, 16, 16), 0);
	d[1].code = BPF_ALU | BPF_MOD | BPF_X;
	ASSERT_UINT_EQ(rc_bpf_run_simple(d, 3, pkt16, 16, 16), 0);
	rc_bpf_insn ok[] = {I(BPF_LDX | BPF_IMM, 0, 0, 7), I(BPF_LD | BPF_IMM, 0, 0, 100),
			    I(BPF_ALU | BPF_MOD | BPF_X, 0, 0, 0), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(ok, 4, pkt16, 16, 16), 2);
}

TEST(bpf_vm_shift_by_x_of_32_or_more_gives_zero)
{
	for (uint32_t x = 30; x < 70; x++) {
		rc_bpf_insn p[] = {I(BPF_LDX | BPF_IMM, 0, 0, x), I(BPF_LD | BPF_IMM, 0, 0, 0xf0000001u),
				   I(BPF_ALU | BPF_LSH | BPF_X, 0, 0, 0), RET_A};
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 4, pkt16, 16, 16),
			       x < 32 ? 0xf0000001u << x : 0);
		p[2].code = BPF_ALU | BPF_RSH | BPF_X;
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 4, pkt16, 16, 16),
			       x < 32 ? 0xf0000001u >> x : 0);
	}
}

TEST(bpf_vm_len_is_the_wire_length)
{
	rc_bpf_insn p[] = {I(BPF_LD | BPF_W | BPF_LEN, 0, 0, 0), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(p, 2, pkt16, 16, 1514), 1514);
	rc_bpf_insn x[] = {I(BPF_LDX | BPF_W | BPF_LEN, 0, 0, 0), I(BPF_MISC | BPF_TXA, 0, 0, 0), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(x, 3, pkt16, 4, 60), 60);
}

TEST(bpf_vm_ancillary_loads_read_the_input)
{
	rc_bpf_input in = {.pkt = pkt16, .caplen = 16, .wirelen = 16, .ifindex = 7,
			   .protocol = 0x0800, .pkttype = 4, .vlan_tci = 0x0123,
			   .vlan_present = 1, .vlan_tpid = 0x88a8};
	static const struct {
		uint32_t n, want;
	} cases[] = {{SKF_AD_PROTOCOL, 0x0800}, {SKF_AD_PKTTYPE, 4}, {SKF_AD_IFINDEX, 7},
		     {SKF_AD_VLAN_TAG, 0x0123}, {SKF_AD_VLAN_TAG_PRESENT, 1},
		     {SKF_AD_VLAN_TPID, 0x88a8}, {SKF_AD_MARK, 0}, {SKF_AD_CPU, 0}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* the width is ignored, as in the kernel */
		rc_bpf_insn p[] = {I(BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF + cases[i].n),
				   RET_A};
		ASSERT_UINT_EQ(rc_bpf_run(p, 2, &in), cases[i].want);
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, 2, pkt16, 16, 16), 0);
	}
	rc_bpf_insn xr[] = {I(BPF_LDX | BPF_IMM, 0, 0, 0xff), I(BPF_LD | BPF_IMM, 0, 0, 0x0f),
			    I(BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF + SKF_AD_ALU_XOR_X),
			    RET_A};
	ASSERT_UINT_EQ(rc_bpf_run(xr, 4, &in), 0xf0);
	/* the kernel's network-relative area is not packet data here: reject */
	rc_bpf_insn net[] = {I(BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)SKF_NET_OFF),
			     I(BPF_RET | BPF_K, 0, 0, 7)};
	ASSERT_UINT_EQ(rc_bpf_run(net, 2, &in), 0);
}

TEST(bpf_vm_scratch_memory_and_registers)
{
	rc_bpf_insn p[] = {I(BPF_LD | BPF_IMM, 0, 0, 5), I(BPF_ST, 0, 0, 15), I(BPF_LDX | BPF_IMM, 0, 0, 9),
			   I(BPF_STX, 0, 0, 0), I(BPF_LD | BPF_MEM, 0, 0, 0), I(BPF_LDX | BPF_MEM, 0, 0, 15),
			   I(BPF_ALU | BPF_SUB | BPF_X, 0, 0, 0), I(BPF_ALU | BPF_NEG, 0, 0, 0), RET_A};
	ASSERT_UINT_EQ(rc_bpf_run_simple(p, 9, pkt16, 16, 16), (uint32_t)-(int32_t)4);
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
static void compare_with_libpcap(const rc_bpf_insn *p, size_t len, const uint8_t *pkt,
				 uint32_t caplen, uint32_t wirelen, const char *what, int iter)
{
	uint32_t ours = rc_bpf_run_simple(p, len, pkt, caplen, wirelen);
	uint32_t theirs = bpft_pcap_filter(p, pkt, caplen, wirelen);
	if (ours != theirs) {
		char img[128];
		for (size_t i = 0; i < len; i++)
			fprintf(stderr, "(%03zu) %s\n", i, rc_bpf_image(&p[i], i, img, sizeof img));
		fprintf(stderr, "packet caplen %u wirelen %u:", caplen, wirelen);
		for (uint32_t i = 0; i < caplen; i++)
			fprintf(stderr, " %02x", pkt[i]);
		fprintf(stderr, "\n");
		rc_test_fail(__FILE__, __LINE__, "%s #%d: ringcap %u, libpcap %u", what, iter, ours,
			     theirs);
	}
}
#endif

TEST(bpf_vm_matches_libpcap_on_random_programs_and_packets)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	uint64_t seed = 0xb0f0001;
	uint8_t pkt[BPFT_PKT_MAX];
	size_t accepted = 0, runs = 0;
	for (int iter = 0; iter < 4000; iter++) {
		rc_bpf_insn p[48];
		size_t len = bpft_rand_program(&seed, p, 48, BPFT_PLAIN);
		for (int j = 0; j < 16; j++) {
			uint32_t caplen, wirelen;
			bpft_rand_packet(&seed, pkt, &caplen, &wirelen);
			compare_with_libpcap(p, len, pkt, caplen, wirelen, "random program", iter);
			accepted += rc_bpf_run_simple(p, len, pkt, caplen, wirelen) != 0;
			runs++;
		}
	}
	/* the programs must exercise both outcomes */
	ASSERT_UINT_GE(accepted, runs / 10);
	ASSERT_UINT_LE(accepted, runs - runs / 10);
#endif
}

TEST(bpf_vm_matches_libpcap_on_compiled_filters)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	uint64_t seed = 0xb0f0002;
	uint8_t pkt[BPFT_PKT_MAX];
	for (size_t e = 0; e < bpft_nexprs; e++) {
		rc_bpf_prog prog;
		if (bpft_pcap_compile(bpft_exprs[e], 1, 1, &prog) < 0)
			continue;
		if (rc_bpf_validate(prog.insns, prog.len, NULL) == 0)
			for (int j = 0; j < 400; j++) {
				uint32_t caplen, wirelen;
				bpft_rand_packet(&seed, pkt, &caplen, &wirelen);
				compare_with_libpcap(prog.insns, prog.len, pkt, caplen, wirelen,
						     bpft_exprs[e], j);
			}
		rc_bpf_prog_free(&prog);
	}
#endif
}

/* The packet ends exactly at a page followed by an inaccessible page: any
 * read past caplen faults and fails the test. */
TEST(bpf_vm_never_reads_past_caplen)
{
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *area = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(area != MAP_FAILED);
	ASSERT_INT_EQ(mprotect(area + page, (size_t)page, PROT_NONE), 0);
	uint64_t seed = 0xb0f0003;
	uint8_t pkt[BPFT_PKT_MAX];
	for (int iter = 0; iter < 3000; iter++) {
		rc_bpf_insn p[48];
		size_t len = bpft_rand_program(&seed, p, 48, BPFT_ANCILLARY);
		for (int j = 0; j < 8; j++) {
			uint32_t caplen, wirelen;
			bpft_rand_packet(&seed, pkt, &caplen, &wirelen);
			uint8_t *at = area + page - caplen;
			memcpy(at, pkt, caplen);
			rc_bpf_input in = {.pkt = at, .caplen = caplen, .wirelen = wirelen};
			(void)rc_bpf_run(p, len, &in);
		}
	}
	munmap(area, (size_t)page * 2);
}

/*
 * test_bpf_vm.c - rc_bpf_run gives the same answer as libpcap's bpf_filter
 * on every program and packet, rejects out-of-packet loads and division by
 * X == 0, and never touches a byte past caplen; every load width at every
 * offset around the packet end, and every jump offset (the VM's fast paths:
 * the inline `jeq` after a load, the fall-through test of a jump).
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

TEST(bpf_vm_null_input_rejects)
{
	rc_bpf_insn accept[] = {I(BPF_RET | BPF_K, 0, 0, 0xffff)};
	ASSERT_UINT_EQ(rc_bpf_run(accept, 1, NULL), 0);
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
		/* k + size would wrap in 32 bits, but k = 0xfffffffe is in the
		 * ancillary area (SKF_AD_OFF = -0x1000 and up): an unknown
		 * ancillary load ends the filter with 0, as in the kernel. */
		p[0].k = 0xffffffffu - 1;
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

/* Two pages, the second PROT_NONE: a packet copied to end at area + page
 * faults on any read past its caplen.  NULL on failure. */
static uint8_t *guarded_area(size_t *page)
{
	*page = (size_t)sysconf(_SC_PAGESIZE);
	uint8_t *area = mmap(NULL, *page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			     -1, 0);
	if (area == MAP_FAILED)
		return NULL;
	if (mprotect(area + *page, *page, PROT_NONE) != 0) {
		munmap(area, *page * 2);
		return NULL;
	}
	return area;
}

/* The packet bytes of the load tests: distinct, none zero. */
static uint8_t load_byte(uint32_t i)
{
	return (uint8_t)(0x31 + 7 * i);
}

/* Reference for a load of size bytes at off from a caplen-byte packet of
 * load_byte()s: big-endian, assembled byte by byte in 64-bit arithmetic.
 * -1 if any byte is outside the packet (the VM must then reject). */
static int64_t ref_load(uint64_t off, uint32_t size, uint32_t caplen)
{
	if (off + size > caplen)
		return -1;
	uint32_t v = 0;
	for (uint32_t i = 0; i < size; i++)
		v = v << 8 | load_byte((uint32_t)off + i);
	return v;
}

/*
 * Run `<prefix>; jeq #want jt 1 jf 0; ret #1; ret #2` on a packet that ends
 * at an inaccessible page: 2 if the load gave want, 1 if it gave something
 * else, 0 if it rejected.  The jeq right after the load takes the VM's
 * inline compare (jt 1: offset != 0, jf 0: fall through); the flipped form
 * `jeq #want jt 0 jf 1; ret #2; ret #1` must agree.
 */
static uint32_t run_load_check(const rc_bpf_insn *prefix, size_t n, uint32_t want,
			       const uint8_t *pkt, uint32_t caplen)
{
	rc_bpf_insn p[8], q[8];
	memcpy(p, prefix, n * sizeof *p);
	memcpy(q, prefix, n * sizeof *p);
	p[n] = (rc_bpf_insn)I(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, want);
	p[n + 1] = (rc_bpf_insn)I(BPF_RET | BPF_K, 0, 0, 1);
	p[n + 2] = (rc_bpf_insn)I(BPF_RET | BPF_K, 0, 0, 2);
	q[n] = (rc_bpf_insn)I(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, want);
	q[n + 1] = (rc_bpf_insn)I(BPF_RET | BPF_K, 0, 0, 2);
	q[n + 2] = (rc_bpf_insn)I(BPF_RET | BPF_K, 0, 0, 1);
	if (rc_bpf_validate(p, n + 3, NULL) != 0 || rc_bpf_validate(q, n + 3, NULL) != 0)
		return 99; /* a broken test program, never a VM answer */
	uint32_t a = rc_bpf_run_simple(p, n + 3, pkt, caplen, caplen + 100);
	uint32_t b = rc_bpf_run_simple(q, n + 3, pkt, caplen, caplen + 100);
	return a == b ? a : 98;
}

/* Every width, absolute and indexed, and the msh load, at every offset from
 * 0 to a few bytes past the end of packets of 0..20 bytes placed right before
 * a PROT_NONE page (a read past caplen faults), plus huge and wrapping
 * offsets; each result against ref_load. */
TEST(bpf_vm_every_load_size_at_every_offset_and_past_the_end)
{
	size_t page;
	uint8_t *area = guarded_area(&page);
	ASSERT_TRUE(area != NULL);
	static const uint16_t widths[3] = {BPF_B, BPF_H, BPF_W};
	static const uint32_t sizes[3] = {1, 2, 4};
	size_t loaded = 0, rejected = 0;
	for (uint32_t caplen = 0; caplen <= 20; caplen++) {
		uint8_t *pkt = area + page - caplen;
		for (uint32_t i = 0; i < caplen; i++)
			pkt[i] = load_byte(i);
		for (int w = 0; w < 3; w++) {
			uint32_t offs[32], noffs = 0;
			for (uint32_t o = 0; o <= caplen + 4; o++)
				offs[noffs++] = o;
			offs[noffs++] = 0x7fffffffu;
			offs[noffs++] = 0xffffefffu; /* just below the ancillary area */
			for (uint32_t j = 0; j < noffs; j++) {
				uint32_t off = offs[j];
				int64_t want = ref_load(off, sizes[w], caplen);
				uint32_t expect = want < 0 ? 0 : 2;
				uint32_t v = want < 0 ? 0 : (uint32_t)want;
				if (want < 0)
					rejected++;
				else
					loaded++;
				rc_bpf_insn abs[] = {I(BPF_LD | widths[w] | BPF_ABS, 0, 0, off)};
				ASSERT_UINT_EQ(run_load_check(abs, 1, v, pkt, caplen), expect);
				/* X + k = off, split several ways */
				uint32_t xs[3] = {0, off / 2, off};
				for (int x = 0; x < 3; x++) {
					rc_bpf_insn ind[] = {I(BPF_LDX | BPF_IMM, 0, 0, xs[x]),
							     I(BPF_LD | widths[w] | BPF_IND, 0, 0,
							       off - xs[x])};
					ASSERT_UINT_EQ(run_load_check(ind, 2, v, pkt, caplen), expect);
				}
				/* X + k wraps past 2^32 to off: never packet data */
				rc_bpf_insn wrap[] = {I(BPF_LDX | BPF_IMM, 0, 0, 0xfffffff0u),
						      I(BPF_LD | widths[w] | BPF_IND, 0, 0,
							off + 0x10u)};
				ASSERT_UINT_EQ(run_load_check(wrap, 2, v, pkt, caplen), 0);
			}
		}
		for (uint32_t off = 0; off <= caplen + 2; off++) {
			int64_t b = ref_load(off, 1, caplen);
			rc_bpf_insn msh[] = {I(BPF_LDX | BPF_B | BPF_MSH, 0, 0, off),
					     I(BPF_MISC | BPF_TXA, 0, 0, 0)};
			ASSERT_UINT_EQ(run_load_check(msh, 2, b < 0 ? 0 : ((uint32_t)b & 0xf) << 2,
						      pkt, caplen),
				       b < 0 ? 0 : 2);
		}
	}
	munmap(area, page * 2);
	ASSERT_UINT_GE(loaded, 500);
	ASSERT_UINT_GE(rejected, 500);
}

/* Reference for a conditional jump's test. */
static int ref_cond(uint16_t op, uint32_t a, uint32_t b)
{
	switch (op) {
	case BPF_JEQ:
		return a == b;
	case BPF_JGT:
		return a > b;
	case BPF_JGE:
		return a >= b;
	default:
		return (a & b) != 0;
	}
}

/*
 * Every conditional jump, K and X forms, right after a packet load (the
 * VM's inline path) and after `ld #imm` (the plain handler), taken and not
 * taken, with jt and jf from {0, 1, 2, 7, 128, 254, 255}: the program is
 * `ldx #x; ld <A>; j<op> ...; ret #3; ret #4; ... ret #258`, so the value
 * returned is the index the jump landed on.  ja with the same offsets too.
 */
TEST(bpf_vm_conditional_jumps_land_on_every_offset)
{
	static const uint16_t ops[4] = {BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET};
	static const uint8_t offs[7] = {0, 1, 2, 7, 128, 254, 255};
	static const uint32_t operands[5] = {0x10, 0x11, 0x12, 0x01, 0xee};
	enum { N = 3 + 256 };
	static rc_bpf_insn p[N];
	size_t taken = 0, not_taken = 0;
	for (size_t i = 3; i < N; i++)
		p[i] = (rc_bpf_insn)I(BPF_RET | BPF_K, 0, 0, i);
	/* case number -> (op, K or X, A from the packet or ld #imm, operand, jt, jf) */
	for (int n = 0; n < 4 * 2 * 2 * 5 * 7 * 7; n++) {
		int o = n % 4, src = n / 4 % 2, from_pkt = n / 8 % 2, v = n / 16 % 5;
		int t = n / 80 % 7, f = n / 560;
		uint32_t a = pkt16[1]; /* 0x11 */
		uint32_t b = operands[v];
		p[0] = (rc_bpf_insn)I(BPF_LDX | BPF_IMM, 0, 0, b);
		p[1] = from_pkt ? (rc_bpf_insn)I(BPF_LD | BPF_B | BPF_ABS, 0, 0, 1)
				: (rc_bpf_insn)I(BPF_LD | BPF_IMM, 0, 0, a);
		p[2] = (rc_bpf_insn)I(BPF_JMP | ops[o] | (src ? BPF_X : BPF_K), offs[t], offs[f], b);
		ASSERT_INT_EQ(rc_bpf_validate(p, N, NULL), 0);
		int c = ref_cond(ops[o], a, b);
		if (c)
			taken++;
		else
			not_taken++;
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, N, pkt16, 16, 16), 3u + (c ? offs[t] : offs[f]));
	}
	ASSERT_UINT_GE(taken, 1000);
	ASSERT_UINT_GE(not_taken, 1000);
	for (int t = 0; t < 7; t++) {
		p[2] = (rc_bpf_insn)I(BPF_JMP | BPF_JA, 0, 0, offs[t]);
		ASSERT_UINT_EQ(rc_bpf_run_simple(p, N, pkt16, 16, 16), 3u + offs[t]);
	}
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

/* Run program p on 16 random packets in both VMs (failing on the first
 * difference); returns how many of them it accepted. */
static size_t compare_on_random_packets(uint64_t *seed, const rc_bpf_insn *p, size_t len,
					const char *what, int iter)
{
	uint8_t pkt[BPFT_PKT_MAX];
	size_t accepted = 0;
	for (int j = 0; j < 16; j++) {
		uint32_t caplen, wirelen;
		bpft_rand_packet(seed, pkt, &caplen, &wirelen);
		compare_with_libpcap(p, len, pkt, caplen, wirelen, what, iter);
		accepted += rc_bpf_run_simple(p, len, pkt, caplen, wirelen) != 0;
	}
	return accepted;
}
#endif

TEST(bpf_vm_matches_libpcap_on_random_programs_and_packets)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	uint64_t seed = 0xb0f0001;
	size_t accepted = 0, runs = 0;
	for (int iter = 0; iter < 4000; iter++) {
		rc_bpf_insn p[48];
		size_t len = bpft_rand_program(&seed, p, 48, BPFT_PLAIN);
		accepted += compare_on_random_packets(&seed, p, len, "random program", iter);
		runs += 16;
	}
	/* the programs must exercise both outcomes */
	ASSERT_UINT_GE(accepted, runs / 10);
	ASSERT_UINT_LE(accepted, runs - runs / 10);
#endif
}

/* Random programs again, with each conditional jump's jt or jf set to 0
 * half of the time (falling through is the VM's fast path, and what compiled
 * filters mostly do); programs the change makes invalid are skipped. */
TEST(bpf_vm_matches_libpcap_on_random_programs_with_fall_through_jumps)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	uint64_t seed = 0xb0f0004;
	size_t programs = 0, jumps = 0;
	for (int iter = 0; iter < 3000; iter++) {
		rc_bpf_insn p[48];
		size_t len = bpft_rand_program(&seed, p, 48, BPFT_PLAIN);
		for (size_t i = 0; i < len; i++) {
			if (BPF_CLASS(p[i].code) != BPF_JMP || BPF_OP(p[i].code) == BPF_JA)
				continue;
			uint32_t r = bpft_rand(&seed);
			if (r & 1)
				p[i].jt = 0;
			if (r & 2)
				p[i].jf = 0;
			jumps++;
		}
		if (rc_bpf_validate(p, len, NULL) != 0)
			continue;
		programs++;
		(void)compare_on_random_packets(&seed, p, len, "fall-through program", iter);
	}
	ASSERT_UINT_GE(programs, 2000);
	ASSERT_UINT_GE(jumps, 5000);
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
	size_t page;
	uint8_t *area = guarded_area(&page);
	ASSERT_TRUE(area != NULL);
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
	munmap(area, page * 2);
}

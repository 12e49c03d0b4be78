/*
 * vm.c - rc_bpf_run: the classic BPF interpreter.
 *
 * Machine state (pcap-filter(7), kernel Documentation/networking/filter.rst):
 *
 *     A   32-bit accumulator, 0 at start
 *     X   32-bit index register, 0 at start
 *     M   scratch memory, 16 x 32-bit words (a validated program writes
 *         each word before reading it, so it starts undefined)
 *         +------+------+-- ... --+-------+
 *         | M[0] | M[1] |         | M[15] |
 *         +------+------+-- ... --+-------+
 *     pkt caplen bytes; multi-byte loads are big-endian (network order),
 *         any alignment
 *
 * Guarantees, for any program that passed rc_bpf_validate:
 *   - it terminates: every jump goes forward, at most len instructions run;
 *   - no read outside pkt[0..caplen): a load whose bytes are not all present
 *     ends the program with 0 (reject), as both the kernel and libpcap do;
 *     offsets are added in 64 bits, so X + k cannot wrap around (libpcap
 *     rejects such a load too; the kernel adds in 32 bits and loads from
 *     the wrapped offset);
 *   - `ld len` / `ldx len` give wirelen, not caplen (libpcap semantics);
 *   - division or modulo by X == 0 ends the program with 0 (reject);
 *   - shifts by X >= 32 give 0, as libpcap's bpf_filter does (the kernel
 *     masks the count to 5 bits; constant shifts >= 32 are invalid anyway);
 *   - ancillary loads (LD ABS, k = SKF_AD_OFF + n) read rc_bpf_input:
 *     protocol, pkttype, ifindex, vlan_tci, vlan_present, vlan_tpid;
 *     alu_xor_x computes A ^ X as the kernel does; the others (nlattr,
 *     nlattr_nest, mark, queue, hatype, rxhash, cpu, pay_offset, random)
 *     have no source here and load 0.  The load width is ignored, as in
 *     the kernel.  The kernel's other negative offsets (SKF_NET_OFF,
 *     SKF_LL_OFF) are out of the packet here, so they reject (as libpcap);
 *   - thread-safe: all state lives on the stack.
 *
 * Speed: dispatch is one indirect jump per instruction through a table
 * indexed by the full 8-bit opcode (GCC/clang labels-as-values; a switch on
 * other compilers), so each opcode has its own branch-predictor slot and
 * nothing is decoded twice.  The bounds check of a load is one 64-bit
 * compare; the slow path (ancillary or out of bounds) is kept out of line;
 * a `jeq #k` right after a packet load runs inline (NEXT_AFTER_LOAD); a
 * conditional jump whose chosen offset is 0 steps to the next instruction
 * without using the loaded offset (JUMP), so the out-of-order core, which
 * predicts the branch, never waits for a load to know where pc is; the
 * handlers are laid out on 64-byte boundaries (RC__VM_LAYOUT) so that the
 * speed does not depend on where the linker puts the function.
 */
#include "filter/bpf_defs.h"

#include <string.h>

static inline uint32_t load_be32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return __builtin_bswap32(v);
}

static inline uint32_t load_be16(const uint8_t *p)
{
	uint16_t v;
	memcpy(&v, p, sizeof v);
	return __builtin_bswap16(v);
}

/*
 * The value of an ancillary load, or -1 (as int64) if k is not ancillary
 * (then the load is simply out of the packet and the program rejects).
 */
__attribute__((noinline, cold)) static int64_t ancillary(const rc_bpf_input *in, uint32_t k,
							 uint32_t a, uint32_t x)
{
	if (!rc__bpf_is_anc(k))
		return -1;
	switch (k - RC__BPF_AD_BASE) {
	case SKF_AD_PROTOCOL:
		return in->protocol;
	case SKF_AD_PKTTYPE:
		return in->pkttype;
	case SKF_AD_IFINDEX:
		return in->ifindex;
	case SKF_AD_VLAN_TAG:
		return in->vlan_tci;
	case SKF_AD_VLAN_TAG_PRESENT:
		return in->vlan_present ? 1 : 0;
	case SKF_AD_VLAN_TPID:
		return in->vlan_tpid;
	case SKF_AD_ALU_XOR_X:
		return a ^ x;
	default:
		return 0;
	}
}

#if defined(__GNUC__)
#define RC__VM_THREADED 1
/* An empty asm that "changes" pc: the compiler cannot prove the two paths of
 * JUMP equal, so it keeps the branch instead of folding them into one add. */
#define OPAQUE_PC() __asm__("" : "+r"(pc))
#else
#define OPAQUE_PC() ((void)0)
#endif

/*
 * After a packet load, the next instruction is most often `jeq #k`: run it
 * right here with a plain conditional branch, saving one indirect jump per
 * load/compare pair (about 20% on typical filters).
 */
#define NEXT_AFTER_LOAD()                                                                   \
	do {                                                                                \
		pc++;                                                                       \
		if (pc->code == (BPF_JMP | BPF_JEQ | BPF_K))                                \
			JUMP(A == pc->k);                                                   \
		DISPATCH();                                                                 \
	} while (0)

/*
 * A conditional jump: to jt if cond, else to jf.  Computing pc += 1 + off
 * directly makes the next pc depend on the load of off (~5 cycles), and every
 * later instruction's loads depend on pc: the whole run becomes one chain of
 * loads even when every branch is predicted.  Most offsets are 0 (the test
 * falls through, e.g. in `port 1 or port 2 ...` chains), so testing off == 0
 * with a (predicted) branch gives pc + 1 with no data dependency at all.
 * Measured on bench_bpf_vm's hot filters with the layout below: 0.645x
 * libpcap's time without this, 0.60x with it (the port chain gains most).
 */
#define JUMP(cond)                                                                          \
	do {                                                                                \
		uint32_t off_ = (cond) ? pc->jt : pc->jf;                                   \
		if (off_ == 0)                                                              \
			NEXT();                                                             \
		pc += 1 + off_;                                                             \
		OPAQUE_PC();                                                                \
		DISPATCH();                                                                 \
	} while (0)

/* Step to the next instruction and run it. */
#define NEXT()                                                                              \
	do {                                                                                \
		pc++;                                                                       \
		DISPATCH();                                                                 \
	} while (0)

/*
 * Code layout of the interpreter.  Its speed depended by up to 10% on where
 * the linker happened to put it, i.e. on the size of unrelated code linked
 * before it (bench_bpf_vm, hot: the same code at 0, 16, 32 and 48 bytes past
 * a 64-byte boundary ran at 0.64-0.71x libpcap's time): the ~70 indirect
 * and ~100 conditional branches of the handlers share branch-predictor and
 * uop-cache entries differently at each offset.  So the function starts on
 * a 64-byte boundary and, with GCC, every jump target (each handler, each
 * out-of-line path) starts its own 64-byte block (-falign-jumps=64: padding
 * goes only where nothing falls through, so no padding is ever executed):
 * 0.59-0.61x at every offset, for 2.3 KiB more code (5 KiB in all).  The
 * -falign-jumps=64 option is set for this file in CMakeLists.txt (GCC only;
 * clang has no equivalent and gets the function alignment alone).
 */
#if defined(__GNUC__)
#define RC__VM_LAYOUT __attribute__((aligned(64)))
#else
#define RC__VM_LAYOUT
#endif

/*
 * The interpreter proper; in carries the ancillary values (only the slow
 * path reads it).  Scratch memory is not zeroed: rc_bpf_validate's
 * check_load_and_stores rule guarantees every word is written before it is
 * read, so zeroing would be 64 bytes of stores per packet for nothing.
 */
RC__VM_LAYOUT static uint32_t
run(const rc_bpf_insn *insns, size_t len, const uint8_t *p, uint32_t caplen32, uint32_t wirelen,
    const rc_bpf_input *in)
{
	const rc_bpf_insn *pc = insns;
	/* A k at or above the ancillary base must never reach packet bytes. */
	const uint64_t caplen = caplen32 < RC__BPF_AD_BASE ? caplen32 : RC__BPF_AD_BASE - 1;
	uint32_t A = 0, X = 0, k;
	uint32_t mem[RC_BPF_MEMWORDS];
	int64_t anc;

	/* Unlikely: keeps the entry a straight line into the first dispatch. */
	if (__builtin_expect(!insns || len == 0, 0))
		return 0;

#ifdef RC__VM_THREADED
	/* Every slot defaults to op_bad, then the valid opcodes override it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#ifdef __clang__
#pragma GCC diagnostic ignored "-Winitializer-overrides"
#endif
	static const void *const labels[256] = {
		[0 ... 255] = &&op_bad,
		[BPF_RET | BPF_K] = &&op_ret_k,
		[BPF_RET | BPF_A] = &&op_ret_a,
		[BPF_LD | BPF_W | BPF_ABS] = &&op_ld_w_abs,
		[BPF_LD | BPF_H | BPF_ABS] = &&op_ld_h_abs,
		[BPF_LD | BPF_B | BPF_ABS] = &&op_ld_b_abs,
		[BPF_LD | BPF_W | BPF_LEN] = &&op_ld_len,
		[BPF_LDX | BPF_W | BPF_LEN] = &&op_ldx_len,
		[BPF_LD | BPF_W | BPF_IND] = &&op_ld_w_ind,
		[BPF_LD | BPF_H | BPF_IND] = &&op_ld_h_ind,
		[BPF_LD | BPF_B | BPF_IND] = &&op_ld_b_ind,
		[BPF_LDX | BPF_MSH | BPF_B] = &&op_ldx_msh,
		[BPF_LD | BPF_IMM] = &&op_ld_imm,
		[BPF_LDX | BPF_IMM] = &&op_ldx_imm,
		[BPF_LD | BPF_MEM] = &&op_ld_mem,
		[BPF_LDX | BPF_MEM] = &&op_ldx_mem,
		[BPF_ST] = &&op_st,
		[BPF_STX] = &&op_stx,
		[BPF_JMP | BPF_JA] = &&op_ja,
		[BPF_JMP | BPF_JGT | BPF_K] = &&op_jgt_k,
		[BPF_JMP | BPF_JGE | BPF_K] = &&op_jge_k,
		[BPF_JMP | BPF_JEQ | BPF_K] = &&op_jeq_k,
		[BPF_JMP | BPF_JSET | BPF_K] = &&op_jset_k,
		[BPF_JMP | BPF_JGT | BPF_X] = &&op_jgt_x,
		[BPF_JMP | BPF_JGE | BPF_X] = &&op_jge_x,
		[BPF_JMP | BPF_JEQ | BPF_X] = &&op_jeq_x,
		[BPF_JMP | BPF_JSET | BPF_X] = &&op_jset_x,
		[BPF_ALU | BPF_ADD | BPF_X] = &&op_add_x,
		[BPF_ALU | BPF_SUB | BPF_X] = &&op_sub_x,
		[BPF_ALU | BPF_MUL | BPF_X] = &&op_mul_x,
		[BPF_ALU | BPF_DIV | BPF_X] = &&op_div_x,
		[BPF_ALU | BPF_MOD | BPF_X] = &&op_mod_x,
		[BPF_ALU | BPF_AND | BPF_X] = &&op_and_x,
		[BPF_ALU | BPF_OR | BPF_X] = &&op_or_x,
		[BPF_ALU | BPF_XOR | BPF_X] = &&op_xor_x,
		[BPF_ALU | BPF_LSH | BPF_X] = &&op_lsh_x,
		[BPF_ALU | BPF_RSH | BPF_X] = &&op_rsh_x,
		[BPF_ALU | BPF_ADD | BPF_K] = &&op_add_k,
		[BPF_ALU | BPF_SUB | BPF_K] = &&op_sub_k,
		[BPF_ALU | BPF_MUL | BPF_K] = &&op_mul_k,
		[BPF_ALU | BPF_DIV | BPF_K] = &&op_div_k,
		[BPF_ALU | BPF_MOD | BPF_K] = &&op_mod_k,
		[BPF_ALU | BPF_AND | BPF_K] = &&op_and_k,
		[BPF_ALU | BPF_OR | BPF_K] = &&op_or_k,
		[BPF_ALU | BPF_XOR | BPF_K] = &&op_xor_k,
		[BPF_ALU | BPF_LSH | BPF_K] = &&op_lsh_k,
		[BPF_ALU | BPF_RSH | BPF_K] = &&op_rsh_k,
		[BPF_ALU | BPF_NEG] = &&op_neg,
		[BPF_MISC | BPF_TAX] = &&op_tax,
		[BPF_MISC | BPF_TXA] = &&op_txa,
	};
#pragma GCC diagnostic pop
#define OP(name) op_##name:
#define OP_BAD op_bad:
#define DISPATCH() goto *labels[pc->code & 0xff]
	/* Codes above 0xff are invalid; the table index alone would alias them. */
	(void)len;
	if (__builtin_expect(pc->code > 0xff, 0))
		return 0;
	DISPATCH();
#else
#define OP(name) case name:
#define OP_BAD
#define DISPATCH() goto top
	enum {
		ret_k = BPF_RET | BPF_K, ret_a = BPF_RET | BPF_A,
		ld_w_abs = BPF_LD | BPF_W | BPF_ABS, ld_h_abs = BPF_LD | BPF_H | BPF_ABS,
		ld_b_abs = BPF_LD | BPF_B | BPF_ABS, ld_len = BPF_LD | BPF_W | BPF_LEN,
		ldx_len = BPF_LDX | BPF_W | BPF_LEN, ld_w_ind = BPF_LD | BPF_W | BPF_IND,
		ld_h_ind = BPF_LD | BPF_H | BPF_IND, ld_b_ind = BPF_LD | BPF_B | BPF_IND,
		ldx_msh = BPF_LDX | BPF_MSH | BPF_B, ld_imm = BPF_LD | BPF_IMM,
		ldx_imm = BPF_LDX | BPF_IMM, ld_mem = BPF_LD | BPF_MEM, ldx_mem = BPF_LDX | BPF_MEM,
		st = BPF_ST, stx = BPF_STX, ja = BPF_JMP | BPF_JA,
		jgt_k = BPF_JMP | BPF_JGT | BPF_K, jge_k = BPF_JMP | BPF_JGE | BPF_K,
		jeq_k = BPF_JMP | BPF_JEQ | BPF_K, jset_k = BPF_JMP | BPF_JSET | BPF_K,
		jgt_x = BPF_JMP | BPF_JGT | BPF_X, jge_x = BPF_JMP | BPF_JGE | BPF_X,
		jeq_x = BPF_JMP | BPF_JEQ | BPF_X, jset_x = BPF_JMP | BPF_JSET | BPF_X,
		add_x = BPF_ALU | BPF_ADD | BPF_X, sub_x = BPF_ALU | BPF_SUB | BPF_X,
		mul_x = BPF_ALU | BPF_MUL | BPF_X, div_x = BPF_ALU | BPF_DIV | BPF_X,
		mod_x = BPF_ALU | BPF_MOD | BPF_X, and_x = BPF_ALU | BPF_AND | BPF_X,
		or_x = BPF_ALU | BPF_OR | BPF_X, xor_x = BPF_ALU | BPF_XOR | BPF_X,
		lsh_x = BPF_ALU | BPF_LSH | BPF_X, rsh_x = BPF_ALU | BPF_RSH | BPF_X,
		add_k = BPF_ALU | BPF_ADD | BPF_K, sub_k = BPF_ALU | BPF_SUB | BPF_K,
		mul_k = BPF_ALU | BPF_MUL | BPF_K, div_k = BPF_ALU | BPF_DIV | BPF_K,
		mod_k = BPF_ALU | BPF_MOD | BPF_K, and_k = BPF_ALU | BPF_AND | BPF_K,
		or_k = BPF_ALU | BPF_OR | BPF_K, xor_k = BPF_ALU | BPF_XOR | BPF_K,
		lsh_k = BPF_ALU | BPF_LSH | BPF_K, rsh_k = BPF_ALU | BPF_RSH | BPF_K,
		neg = BPF_ALU | BPF_NEG, tax = BPF_MISC | BPF_TAX, txa = BPF_MISC | BPF_TXA,
	};
	(void)len;
top:
	switch (pc->code) {
	default:
#endif
	OP_BAD
		return 0;
	OP(ret_k)
		return pc->k;
	OP(ret_a)
		return A;

	OP(ld_w_abs)
		k = pc->k;
		if ((uint64_t)k + 4 > caplen)
			goto abs_slow;
		A = load_be32(p + k);
		NEXT_AFTER_LOAD();
	OP(ld_h_abs)
		k = pc->k;
		if ((uint64_t)k + 2 > caplen)
			goto abs_slow;
		A = load_be16(p + k);
		NEXT_AFTER_LOAD();
	OP(ld_b_abs)
		k = pc->k;
		if ((uint64_t)k + 1 > caplen)
			goto abs_slow;
		A = p[k];
		NEXT_AFTER_LOAD();
	OP(ld_w_ind)
		if ((uint64_t)X + pc->k + 4 > caplen)
			return 0;
		A = load_be32(p + X + pc->k);
		NEXT_AFTER_LOAD();
	OP(ld_h_ind)
		if ((uint64_t)X + pc->k + 2 > caplen)
			return 0;
		A = load_be16(p + X + pc->k);
		NEXT_AFTER_LOAD();
	OP(ld_b_ind)
		if ((uint64_t)X + pc->k + 1 > caplen)
			return 0;
		A = p[X + pc->k];
		NEXT_AFTER_LOAD();
	OP(ldx_msh)
		if ((uint64_t)pc->k + 1 > caplen)
			return 0;
		X = (uint32_t)(p[pc->k] & 0xf) << 2;
		NEXT();
	OP(ld_len)
		A = wirelen;
		NEXT();
	OP(ldx_len)
		X = wirelen;
		NEXT();
	OP(ld_imm)
		A = pc->k;
		NEXT();
	OP(ldx_imm)
		X = pc->k;
		NEXT();
	OP(ld_mem)
		A = mem[pc->k & (RC_BPF_MEMWORDS - 1)];
		NEXT();
	OP(ldx_mem)
		X = mem[pc->k & (RC_BPF_MEMWORDS - 1)];
		NEXT();
	OP(st)
		mem[pc->k & (RC_BPF_MEMWORDS - 1)] = A;
		NEXT();
	OP(stx)
		mem[pc->k & (RC_BPF_MEMWORDS - 1)] = X;
		NEXT();

	OP(ja)
		pc += 1 + pc->k;
		DISPATCH();
	OP(jgt_k)
		JUMP(A > pc->k);
	OP(jge_k)
		JUMP(A >= pc->k);
	OP(jeq_k)
		JUMP(A == pc->k);
	OP(jset_k)
		JUMP(A & pc->k);
	OP(jgt_x)
		JUMP(A > X);
	OP(jge_x)
		JUMP(A >= X);
	OP(jeq_x)
		JUMP(A == X);
	OP(jset_x)
		JUMP(A & X);

	OP(add_x)
		A += X;
		NEXT();
	OP(sub_x)
		A -= X;
		NEXT();
	OP(mul_x)
		A *= X;
		NEXT();
	OP(div_x)
		if (X == 0)
			return 0;
		A /= X;
		NEXT();
	OP(mod_x)
		if (X == 0)
			return 0;
		A %= X;
		NEXT();
	OP(and_x)
		A &= X;
		NEXT();
	OP(or_x)
		A |= X;
		NEXT();
	OP(xor_x)
		A ^= X;
		NEXT();
	OP(lsh_x)
		A = X < 32 ? A << X : 0;
		NEXT();
	OP(rsh_x)
		A = X < 32 ? A >> X : 0;
		NEXT();
	OP(add_k)
		A += pc->k;
		NEXT();
	OP(sub_k)
		A -= pc->k;
		NEXT();
	OP(mul_k)
		A *= pc->k;
		NEXT();
	OP(div_k)
		/* validated: k != 0; the check keeps unvalidated input defined */
		if (pc->k == 0)
			return 0;
		A /= pc->k;
		NEXT();
	OP(mod_k)
		if (pc->k == 0)
			return 0;
		A %= pc->k;
		NEXT();
	OP(and_k)
		A &= pc->k;
		NEXT();
	OP(or_k)
		A |= pc->k;
		NEXT();
	OP(xor_k)
		A ^= pc->k;
		NEXT();
	OP(lsh_k)
		A = pc->k < 32 ? A << pc->k : 0;
		NEXT();
	OP(rsh_k)
		A = pc->k < 32 ? A >> pc->k : 0;
		NEXT();
	OP(neg)
		A = 0u - A;
		NEXT();
	OP(tax)
		X = A;
		NEXT();
	OP(txa)
		A = X;
		NEXT();
#ifndef RC__VM_THREADED
	}
#endif

abs_slow:
	/* Out of the packet: either an ancillary load or a reject. */
	anc = ancillary(in, k, A, X);
	if (anc < 0)
		return 0;
	A = (uint32_t)anc;
	NEXT();
}

uint32_t rc_bpf_run(const rc_bpf_insn *insns, size_t len, const rc_bpf_input *in)
{
	if (!in)
		return 0; /* nothing to accept */
	return run(insns, len, in->pkt, in->caplen, in->wirelen, in);
}

uint32_t rc_bpf_run_simple(const rc_bpf_insn *insns, size_t len, const uint8_t *pkt,
			   uint32_t caplen, uint32_t wirelen)
{
	static const rc_bpf_input no_ancillary_data;
	return run(insns, len, pkt, caplen, wirelen, &no_ancillary_data);
}

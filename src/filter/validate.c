/*
 * validate.c - rc_bpf_validate: the Linux kernel's classic BPF checks.
 *
 * A program that passes here is one the kernel accepts with
 * SO_ATTACH_FILTER, and one the VM (vm.c) and the optimizer (optimize.c)
 * may assume well-formed.  The rules follow net/core/filter.c
 * (bpf_check_basics_ok, bpf_check_classic, chk_code_allowed,
 * check_load_and_stores), checked in the same order so that the first
 * error reported is the one the kernel would stop at:
 *
 *   1. 1 <= len <= 4096 (BPF_MAXINSNS); rc_bpf_validate_len allows longer
 *      programs that only run in userspace, never over RC_BPF_USER_MAXINSNS.
 *   2. For each instruction, in order:
 *      - the opcode is one of the 49 the kernel knows (table below, exact
 *        16-bit code: any unused bit set means unknown);
 *      - DIV/MOD by constant: k != 0; LSH/RSH by constant: k < 32;
 *      - LD/LDX MEM, ST, STX: k < 16 (BPF_MEMWORDS);
 *      - JA: pc + 1 + k < len (so forward only, the kernel has no loops);
 *        conditional jumps: pc + 1 + jt < len and pc + 1 + jf < len;
 *      - LD ABS (any width) with k >= SKF_AD_OFF (0xfffff000) must be a
 *        known ancillary load: SKF_AD_OFF + 0 (protocol), 4 (pkttype),
 *        8 (ifindex), 12 (nlattr), 16 (nlattr_nest), 20 (mark), 24 (queue),
 *        28 (hatype), 32 (rxhash), 36 (cpu), 40 (alu_xor_x), 44 (vlan_tci),
 *        48 (vlan_tag_present), 52 (pay_offset), 56 (random), 60 (vlan_tpid).
 *   3. The last instruction is RET K or RET A.
 *   4. Every LD/LDX MEM reads a word that was stored on the way there,
 *      by the kernel's own linear propagation (check_load_and_stores):
 *      one 16-bit "written" mask flows down the program; a jump ANDs it
 *      into the masks of its targets and resets it to all-ones; at each
 *      instruction the flowing mask is ANDed with the mask jumps left there.
 *      As in the kernel, RET does not reset the flowing mask, so this is
 *      exactly as strict as the kernel, never looser.
 */
#include "filter/bpf_defs.h"
#include "util/errmsg.h"

#include <stdlib.h>

/* The kernel's opcode whitelist (chk_code_allowed), indexed by code. */
static const uint8_t code_known[256] = {
	[BPF_ALU | BPF_ADD | BPF_K] = 1,  [BPF_ALU | BPF_ADD | BPF_X] = 1,
	[BPF_ALU | BPF_SUB | BPF_K] = 1,  [BPF_ALU | BPF_SUB | BPF_X] = 1,
	[BPF_ALU | BPF_MUL | BPF_K] = 1,  [BPF_ALU | BPF_MUL | BPF_X] = 1,
	[BPF_ALU | BPF_DIV | BPF_K] = 1,  [BPF_ALU | BPF_DIV | BPF_X] = 1,
	[BPF_ALU | BPF_MOD | BPF_K] = 1,  [BPF_ALU | BPF_MOD | BPF_X] = 1,
	[BPF_ALU | BPF_AND | BPF_K] = 1,  [BPF_ALU | BPF_AND | BPF_X] = 1,
	[BPF_ALU | BPF_OR | BPF_K] = 1,   [BPF_ALU | BPF_OR | BPF_X] = 1,
	[BPF_ALU | BPF_XOR | BPF_K] = 1,  [BPF_ALU | BPF_XOR | BPF_X] = 1,
	[BPF_ALU | BPF_LSH | BPF_K] = 1,  [BPF_ALU | BPF_LSH | BPF_X] = 1,
	[BPF_ALU | BPF_RSH | BPF_K] = 1,  [BPF_ALU | BPF_RSH | BPF_X] = 1,
	[BPF_ALU | BPF_NEG] = 1,
	[BPF_LD | BPF_W | BPF_ABS] = 1,   [BPF_LD | BPF_H | BPF_ABS] = 1,
	[BPF_LD | BPF_B | BPF_ABS] = 1,   [BPF_LD | BPF_W | BPF_LEN] = 1,
	[BPF_LD | BPF_W | BPF_IND] = 1,   [BPF_LD | BPF_H | BPF_IND] = 1,
	[BPF_LD | BPF_B | BPF_IND] = 1,   [BPF_LD | BPF_IMM] = 1,
	[BPF_LD | BPF_MEM] = 1,           [BPF_LDX | BPF_W | BPF_LEN] = 1,
	[BPF_LDX | BPF_B | BPF_MSH] = 1,  [BPF_LDX | BPF_IMM] = 1,
	[BPF_LDX | BPF_MEM] = 1,          [BPF_ST] = 1,
	[BPF_STX] = 1,                    [BPF_MISC | BPF_TAX] = 1,
	[BPF_MISC | BPF_TXA] = 1,         [BPF_RET | BPF_K] = 1,
	[BPF_RET | BPF_A] = 1,            [BPF_JMP | BPF_JA] = 1,
	[BPF_JMP | BPF_JEQ | BPF_K] = 1,  [BPF_JMP | BPF_JEQ | BPF_X] = 1,
	[BPF_JMP | BPF_JGE | BPF_K] = 1,  [BPF_JMP | BPF_JGE | BPF_X] = 1,
	[BPF_JMP | BPF_JGT | BPF_K] = 1,  [BPF_JMP | BPF_JGT | BPF_X] = 1,
	[BPF_JMP | BPF_JSET | BPF_K] = 1, [BPF_JMP | BPF_JSET | BPF_X] = 1,
};

/* Rule 2 for one instruction; 0 or RC_EINVAL with the message. */
static int check_insn(const rc_bpf_insn *in, size_t pc, size_t len, char *errbuf)
{
	uint16_t code = in->code;

	if (code > 0xff || !code_known[code])
		return rc__errf(errbuf, RC_EINVAL, "instruction %zu: unknown opcode 0x%x", pc,
				code);
	switch (code) {
	case BPF_ALU | BPF_DIV | BPF_K:
	case BPF_ALU | BPF_MOD | BPF_K:
		if (in->k == 0)
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: %s by constant zero", pc,
					BPF_OP(code) == BPF_DIV ? "division" : "modulo");
		break;
	case BPF_ALU | BPF_LSH | BPF_K:
	case BPF_ALU | BPF_RSH | BPF_K:
		if (in->k >= 32)
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: shift by constant %u (must be < 32)", pc,
					in->k);
		break;
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
	case BPF_ST:
	case BPF_STX:
		if (in->k >= RC_BPF_MEMWORDS)
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: scratch memory index %u out of range 0..%d",
					pc, in->k, RC_BPF_MEMWORDS - 1);
		break;
	case BPF_JMP | BPF_JA:
		if (in->k >= (uint32_t)(len - pc - 1))
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: ja %u jumps beyond the end of the %zu-instruction program",
					pc, in->k, len);
		break;
	case BPF_LD | BPF_W | BPF_ABS:
	case BPF_LD | BPF_H | BPF_ABS:
	case BPF_LD | BPF_B | BPF_ABS:
		if (in->k >= RC__BPF_AD_BASE && !rc__bpf_is_anc(in->k))
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: unknown ancillary load SKF_AD_OFF+%u", pc,
					in->k - RC__BPF_AD_BASE);
		break;
	default:
		if (rc__bpf_is_cond_jump(code) &&
		    (pc + 1 + in->jt >= len || pc + 1 + in->jf >= len))
			return rc__errf(errbuf, RC_EINVAL,
					"instruction %zu: jump target (jt %zu, jf %zu) beyond the end of the %zu-instruction program",
					pc, pc + 1 + in->jt, pc + 1 + in->jf, len);
		break;
	}
	return 0;
}

/* Rule 4, the kernel's check_load_and_stores. */
static int check_mem_init(const rc_bpf_insn *insns, size_t len, char *errbuf)
{
	uint16_t *masks = malloc(len * sizeof(*masks));
	uint16_t valid = 0;
	int ret = 0;

	if (!masks)
		return rc__errf(errbuf, RC_ENOMEM, "validating BPF program: out of memory");
	for (size_t pc = 0; pc < len; pc++)
		masks[pc] = 0xffff;
	for (size_t pc = 0; pc < len && ret == 0; pc++) {
		const rc_bpf_insn *in = &insns[pc];
		valid &= masks[pc];
		switch (in->code) {
		case BPF_ST:
		case BPF_STX:
			valid |= (uint16_t)(1u << in->k);
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
			if (!(valid & (1u << in->k)))
				ret = rc__errf(errbuf, RC_EINVAL,
					       "instruction %zu: M[%u] may be read before it is written",
					       pc, in->k);
			break;
		case BPF_JMP | BPF_JA:
			masks[pc + 1 + in->k] &= valid;
			valid = 0xffff;
			break;
		default:
			if (rc__bpf_is_cond_jump(in->code)) {
				masks[pc + 1 + in->jt] &= valid;
				masks[pc + 1 + in->jf] &= valid;
				valid = 0xffff;
			}
			break;
		}
	}
	free(masks);
	return ret;
}

int rc_bpf_validate(const rc_bpf_insn *insns, size_t len, char *errbuf)
{
	return rc_bpf_validate_len(insns, len, RC_BPF_MAXINSNS, errbuf);
}

int rc_bpf_validate_len(const rc_bpf_insn *insns, size_t len, size_t max_len, char *errbuf)
{
	/* A limit outside 1..RC_BPF_USER_MAXINSNS is the caller's mistake:
	 * capping it silently would refuse programs the caller meant to allow
	 * with a message about their length. */
	if (max_len == 0 || max_len > RC_BPF_USER_MAXINSNS)
		return rc__errf(errbuf, RC_EINVAL,
				"rc_bpf_validate_len: max_len %zu is not 1..%u (RC_BPF_USER_MAXINSNS)",
				max_len, RC_BPF_USER_MAXINSNS);
	if (len == 0 || len > max_len)
		return rc__errf(errbuf, RC_EINVAL,
				"BPF program has %zu instructions (must be 1..%zu)", len, max_len);
	if (!insns)
		return rc__errf(errbuf, RC_EINVAL, "BPF program has no instructions (NULL)");
	for (size_t pc = 0; pc < len; pc++) {
		int r = check_insn(&insns[pc], pc, len, errbuf);
		if (r < 0)
			return r;
	}
	uint16_t last = insns[len - 1].code;
	if (last != (BPF_RET | BPF_K) && last != (BPF_RET | BPF_A))
		return rc__errf(errbuf, RC_EINVAL,
				"instruction %zu: the last instruction must be a return (ret #k or ret a)",
				len - 1);
	return check_mem_init(insns, len, errbuf);
}

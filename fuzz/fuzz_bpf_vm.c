/*
 * fuzz_bpf_vm.c - libFuzzer target for the classic BPF validator, VM,
 * optimizer and dumps.
 *
 * Input layout:
 *   +-------+-------+-------+----------------------+------------------+
 *   | flags | n lo  | n hi  | n x 8-byte insns     | packet bytes ... |
 *   +-------+-------+-------+----------------------+------------------+
 *   flags bit 0: "repair" the instructions into mostly valid ones (opcode
 *   from the kernel's list, jumps inside the program, a final return), so
 *   the fuzzer spends its time in the VM and the optimizer, not in the
 *   validator's first check.  n = (lo | hi << 8) % 4096 + 1, cut to what
 *   the input holds.  Instructions are little-endian struct sock_filter.
 *
 * Checks: rc_bpf_validate never crashes; a valid program runs on the
 * packet and on every shorter cut of it, each copied into a buffer of
 * exactly that size (ASan flags any read past caplen) and terminates;
 * rc_bpf_optimize'd copy is valid, not longer, and gives the same result on
 * every cut; the dumps format every instruction without overflow.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/filter.h>

#include "ringcap/filter.h"

static const uint16_t valid_codes[] = {
	BPF_ALU | BPF_ADD | BPF_K,  BPF_ALU | BPF_ADD | BPF_X,  BPF_ALU | BPF_SUB | BPF_K,
	BPF_ALU | BPF_SUB | BPF_X,  BPF_ALU | BPF_MUL | BPF_K,  BPF_ALU | BPF_MUL | BPF_X,
	BPF_ALU | BPF_DIV | BPF_K,  BPF_ALU | BPF_DIV | BPF_X,  BPF_ALU | BPF_MOD | BPF_K,
	BPF_ALU | BPF_MOD | BPF_X,  BPF_ALU | BPF_AND | BPF_K,  BPF_ALU | BPF_AND | BPF_X,
	BPF_ALU | BPF_OR | BPF_K,   BPF_ALU | BPF_OR | BPF_X,   BPF_ALU | BPF_XOR | BPF_K,
	BPF_ALU | BPF_XOR | BPF_X,  BPF_ALU | BPF_LSH | BPF_K,  BPF_ALU | BPF_LSH | BPF_X,
	BPF_ALU | BPF_RSH | BPF_K,  BPF_ALU | BPF_RSH | BPF_X,  BPF_ALU | BPF_NEG,
	BPF_LD | BPF_W | BPF_ABS,   BPF_LD | BPF_H | BPF_ABS,   BPF_LD | BPF_B | BPF_ABS,
	BPF_LD | BPF_W | BPF_LEN,   BPF_LD | BPF_W | BPF_IND,   BPF_LD | BPF_H | BPF_IND,
	BPF_LD | BPF_B | BPF_IND,   BPF_LD | BPF_IMM,           BPF_LD | BPF_MEM,
	BPF_LDX | BPF_W | BPF_LEN,  BPF_LDX | BPF_B | BPF_MSH,  BPF_LDX | BPF_IMM,
	BPF_LDX | BPF_MEM,          BPF_ST,                     BPF_STX,
	BPF_MISC | BPF_TAX,         BPF_MISC | BPF_TXA,         BPF_RET | BPF_K,
	BPF_RET | BPF_A,            BPF_JMP | BPF_JA,           BPF_JMP | BPF_JEQ | BPF_K,
	BPF_JMP | BPF_JEQ | BPF_X,  BPF_JMP | BPF_JGE | BPF_K,  BPF_JMP | BPF_JGE | BPF_X,
	BPF_JMP | BPF_JGT | BPF_K,  BPF_JMP | BPF_JGT | BPF_X,  BPF_JMP | BPF_JSET | BPF_K,
	BPF_JMP | BPF_JSET | BPF_X,
};

static void repair(rc_bpf_insn *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rc_bpf_insn *in = &p[i];
		size_t room = n - i - 1;
		in->code = valid_codes[in->code % (sizeof valid_codes / sizeof valid_codes[0])];
		switch (in->code) {
		case BPF_ALU | BPF_DIV | BPF_K:
		case BPF_ALU | BPF_MOD | BPF_K:
			if (in->k == 0)
				in->k = 1;
			break;
		case BPF_ALU | BPF_LSH | BPF_K:
		case BPF_ALU | BPF_RSH | BPF_K:
			in->k %= 32;
			break;
		case BPF_LD | BPF_MEM:
		case BPF_LDX | BPF_MEM:
		case BPF_ST:
		case BPF_STX:
			in->k %= 16;
			break;
		case BPF_LD | BPF_W | BPF_ABS:
		case BPF_LD | BPF_H | BPF_ABS:
		case BPF_LD | BPF_B | BPF_ABS:
			if (in->k >= (uint32_t)SKF_AD_OFF)
				in->k = (uint32_t)SKF_AD_OFF + (in->k % SKF_AD_MAX & ~3u);
			break;
		case BPF_JMP | BPF_JA:
			in->k = room ? in->k % room : 0;
			if (!room)
				in->code = BPF_RET | BPF_K;
			break;
		default:
			if (BPF_CLASS(in->code) == BPF_JMP) {
				if (!room) {
					in->code = BPF_RET | BPF_A;
					break;
				}
				in->jt = (uint8_t)(in->jt % (room < 256 ? room : 256));
				in->jf = (uint8_t)(in->jf % (room < 256 ? room : 256));
			}
			break;
		}
	}
	if (BPF_CLASS(p[n - 1].code) != BPF_RET)
		p[n - 1].code = BPF_RET | BPF_K;
}

/* Run on data[0..cut) copied into a buffer of exactly cut bytes. */
static uint32_t run_cut(const rc_bpf_insn *p, size_t n, const uint8_t *data, uint32_t cut,
			uint32_t wirelen)
{
	uint8_t *buf = malloc(cut ? cut : 1);
	if (!buf)
		abort();
	memcpy(buf, data, cut);
	rc_bpf_input in = {.pkt = buf, .caplen = cut, .wirelen = wirelen, .ifindex = 3,
			   .protocol = 0x0800, .pkttype = 1, .vlan_tci = 5, .vlan_present = 1,
			   .vlan_tpid = 0x8100};
	uint32_t r = rc_bpf_run(p, n, &in);
	free(buf);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	int fix = data[0] & 1;
	size_t n = ((size_t)data[1] | (size_t)data[2] << 8) % RC_BPF_MAXINSNS + 1;
	data += 3;
	size -= 3;
	if (n > size / sizeof(rc_bpf_insn))
		n = size / sizeof(rc_bpf_insn);
	if (n == 0)
		return 0;
	rc_bpf_insn *p = malloc(n * sizeof *p);
	if (!p)
		abort();
	memcpy(p, data, n * sizeof *p); /* little-endian hosts: the kernel's layout */
	const uint8_t *pkt = data + n * sizeof *p;
	uint32_t pktlen = (uint32_t)(size - n * sizeof *p);
	if (fix)
		repair(p, n);

	char err[RC_ERRBUF_SIZE], img[128];
	for (size_t i = 0; i < n; i++)
		rc_bpf_image(&p[i], i, img, sizeof img);
	if (rc_bpf_validate(p, n, err) == 0) {
		rc_bpf_prog q = {malloc(n * sizeof *p), n};
		if (!q.insns)
			abort();
		memcpy(q.insns, p, n * sizeof *p);
		if (rc_bpf_optimize(&q) != 0 || q.len > n || rc_bpf_validate(q.insns, q.len, err) != 0)
			abort();
		/* every cut of the packet, up to 64 of them */
		uint32_t step = pktlen / 64 + 1;
		for (uint32_t cut = 0; cut <= pktlen; cut += step) {
			uint32_t a = run_cut(p, n, pkt, cut, pktlen);
			uint32_t b = run_cut(q.insns, q.len, pkt, cut, pktlen);
			if (a != b) {
				fprintf(stderr, "optimizer changed the result at caplen %u: %u -> %u\n",
					cut, a, b);
				abort();
			}
		}
		FILE *devnull = fopen("/dev/null", "w");
		if (devnull) {
			for (int style = 1; style <= 3; style++)
				rc_bpf_dump(devnull, q.insns, q.len, style);
			fclose(devnull);
		}
		rc_bpf_prog_free(&q);
	}
	free(p);
	return 0;
}

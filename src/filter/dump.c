/*
 * dump.c - rc_bpf_image / rc_bpf_dump: programs printed exactly as
 * tcpdump -d, -dd and -ddd print them (libpcap 1.10 bpf_image/bpf_dump),
 * byte for byte, so that scripts and eyes used to tcpdump read ringcap's
 * output unchanged:
 *
 *   -d    (000) ldh      [12]
 *         (001) jeq      #0x800           jt 2	jf 5
 *         "(%03d) " + mnemonic padded to 8 + " " + operand, and for a
 *         conditional jump the operand padded to 16 then " jt T\tjf F"
 *         with absolute targets.
 *   -dd   { 0x28, 0, 0, 0x0000000c },       (C array initializer)
 *   -ddd  a count line, then "40 0 0 12" per instruction (decimal).
 *
 * libpcap quirks kept on purpose (tests compare with libpcap's output):
 * signed decimal for ret/add/sub/mul/div/mod/lsh/rsh/ABS offsets
 * ("ret #-1", "ld [x + -16]"), ancillary loads by short name
 * ("ld [proto]", "ldb [vlanp]"), and opcodes libpcap does not print,
 * including the valid `ldx len` (0x81), as "unimp 0x81".
 */
#include "filter/bpf_defs.h"

#include <stdio.h>

/* libpcap's names for SKF_AD_OFF + 4*i, i = 0..15 (bpf_image.c). */
static const char *const anc_names[SKF_AD_MAX / 4] = {
	"proto", "type",   "ifidx", "nla",      "nlan",  "mark",   "queue",  "hatype",
	"rxhash", "cpu",   "xor_x", "vlan_tci", "vlanp", "poff",   "random", "vlan_tpid",
};

const char *rc__bpf_anc_name(uint32_t k)
{
	return rc__bpf_is_anc(k) ? anc_names[(k - RC__BPF_AD_BASE) / 4] : NULL;
}

/* How the operand prints: the format's argument is k, except where noted. */
enum operand_style {
	OP_NONE,    /* "" */
	OP_SDEC,    /* "#%d" */
	OP_HEX,     /* "#0x%x" */
	OP_ABS,     /* "[%d]" or "[name]" for ancillary */
	OP_IND,     /* "[x + %d]" */
	OP_MSH,     /* "4*([%d]&0xf)" */
	OP_MEM,     /* "M[%d]" */
	OP_X,       /* "x" */
	OP_PKTLEN,  /* "#pktlen" */
	OP_JA,      /* "%d" of the absolute target */
	OP_UNIMP,   /* "0x%x" of the code */
};

struct image_entry {
	const char *mnemonic;
	enum operand_style style;
};

static const struct image_entry image_table[256] = {
	[BPF_RET | BPF_K] = {"ret", OP_SDEC},
	[BPF_RET | BPF_A] = {"ret", OP_NONE},
	[BPF_LD | BPF_W | BPF_ABS] = {"ld", OP_ABS},
	[BPF_LD | BPF_H | BPF_ABS] = {"ldh", OP_ABS},
	[BPF_LD | BPF_B | BPF_ABS] = {"ldb", OP_ABS},
	[BPF_LD | BPF_W | BPF_LEN] = {"ld", OP_PKTLEN},
	[BPF_LD | BPF_W | BPF_IND] = {"ld", OP_IND},
	[BPF_LD | BPF_H | BPF_IND] = {"ldh", OP_IND},
	[BPF_LD | BPF_B | BPF_IND] = {"ldb", OP_IND},
	[BPF_LD | BPF_IMM] = {"ld", OP_HEX},
	[BPF_LDX | BPF_IMM] = {"ldx", OP_HEX},
	[BPF_LDX | BPF_MSH | BPF_B] = {"ldxb", OP_MSH},
	[BPF_LD | BPF_MEM] = {"ld", OP_MEM},
	[BPF_LDX | BPF_MEM] = {"ldx", OP_MEM},
	[BPF_ST] = {"st", OP_MEM},
	[BPF_STX] = {"stx", OP_MEM},
	[BPF_JMP | BPF_JA] = {"ja", OP_JA},
	[BPF_JMP | BPF_JGT | BPF_K] = {"jgt", OP_HEX},
	[BPF_JMP | BPF_JGE | BPF_K] = {"jge", OP_HEX},
	[BPF_JMP | BPF_JEQ | BPF_K] = {"jeq", OP_HEX},
	[BPF_JMP | BPF_JSET | BPF_K] = {"jset", OP_HEX},
	[BPF_JMP | BPF_JGT | BPF_X] = {"jgt", OP_X},
	[BPF_JMP | BPF_JGE | BPF_X] = {"jge", OP_X},
	[BPF_JMP | BPF_JEQ | BPF_X] = {"jeq", OP_X},
	[BPF_JMP | BPF_JSET | BPF_X] = {"jset", OP_X},
	[BPF_ALU | BPF_ADD | BPF_X] = {"add", OP_X},
	[BPF_ALU | BPF_SUB | BPF_X] = {"sub", OP_X},
	[BPF_ALU | BPF_MUL | BPF_X] = {"mul", OP_X},
	[BPF_ALU | BPF_DIV | BPF_X] = {"div", OP_X},
	[BPF_ALU | BPF_MOD | BPF_X] = {"mod", OP_X},
	[BPF_ALU | BPF_AND | BPF_X] = {"and", OP_X},
	[BPF_ALU | BPF_OR | BPF_X] = {"or", OP_X},
	[BPF_ALU | BPF_XOR | BPF_X] = {"xor", OP_X},
	[BPF_ALU | BPF_LSH | BPF_X] = {"lsh", OP_X},
	[BPF_ALU | BPF_RSH | BPF_X] = {"rsh", OP_X},
	[BPF_ALU | BPF_ADD | BPF_K] = {"add", OP_SDEC},
	[BPF_ALU | BPF_SUB | BPF_K] = {"sub", OP_SDEC},
	[BPF_ALU | BPF_MUL | BPF_K] = {"mul", OP_SDEC},
	[BPF_ALU | BPF_DIV | BPF_K] = {"div", OP_SDEC},
	[BPF_ALU | BPF_MOD | BPF_K] = {"mod", OP_SDEC},
	[BPF_ALU | BPF_AND | BPF_K] = {"and", OP_HEX},
	[BPF_ALU | BPF_OR | BPF_K] = {"or", OP_HEX},
	[BPF_ALU | BPF_XOR | BPF_K] = {"xor", OP_HEX},
	[BPF_ALU | BPF_LSH | BPF_K] = {"lsh", OP_SDEC},
	[BPF_ALU | BPF_RSH | BPF_K] = {"rsh", OP_SDEC},
	[BPF_ALU | BPF_NEG] = {"neg", OP_NONE},
	[BPF_MISC | BPF_TAX] = {"tax", OP_NONE},
	[BPF_MISC | BPF_TXA] = {"txa", OP_NONE},
};

/* Format the operand of in (at pc) into op[oplen]. */
static void format_operand(const rc_bpf_insn *in, size_t pc, enum operand_style style,
			   char *op, size_t oplen)
{
	int sk = (int)in->k; /* libpcap prints k through an int */
	const char *name;

	switch (style) {
	case OP_NONE:
		op[0] = '\0';
		break;
	case OP_SDEC:
		snprintf(op, oplen, "#%d", sk);
		break;
	case OP_HEX:
		snprintf(op, oplen, "#0x%x", in->k);
		break;
	case OP_ABS:
		name = rc__bpf_anc_name(in->k);
		if (name)
			snprintf(op, oplen, "[%s]", name);
		else
			snprintf(op, oplen, "[%d]", sk);
		break;
	case OP_IND:
		snprintf(op, oplen, "[x + %d]", sk);
		break;
	case OP_MSH:
		snprintf(op, oplen, "4*([%d]&0xf)", sk);
		break;
	case OP_MEM:
		snprintf(op, oplen, "M[%d]", sk);
		break;
	case OP_X:
		snprintf(op, oplen, "x");
		break;
	case OP_PKTLEN:
		snprintf(op, oplen, "#pktlen");
		break;
	case OP_JA:
		/* libpcap computes n + 1 + k in int arithmetic. */
		snprintf(op, oplen, "%d", (int)((uint32_t)pc + 1u + in->k));
		break;
	case OP_UNIMP:
		snprintf(op, oplen, "0x%x", in->code);
		break;
	}
}

char *rc_bpf_image(const rc_bpf_insn *insn, size_t pc, char *buf, size_t buflen)
{
	char op[64];
	const char *mnemonic = "unimp";
	enum operand_style style = OP_UNIMP;

	if (!buf || buflen == 0)
		return buf;
	if (!insn) {
		buf[0] = '\0';
		return buf;
	}
	if (insn->code <= 0xff && image_table[insn->code].mnemonic) {
		mnemonic = image_table[insn->code].mnemonic;
		style = image_table[insn->code].style;
	}
	format_operand(insn, pc, style, op, sizeof op);
	if (rc__bpf_is_cond_jump(insn->code))
		snprintf(buf, buflen, "%-8s %-16s jt %d\tjf %d", mnemonic, op,
			 (int)pc + 1 + insn->jt, (int)pc + 1 + insn->jf);
	else
		snprintf(buf, buflen, "%-8s %s", mnemonic, op);
	return buf;
}

int rc_bpf_dump(FILE *out, const rc_bpf_insn *insns, size_t len, int style)
{
	char image[128];

	if (!out || (!insns && len > 0) || style < 1 || style > 3)
		return RC_EINVAL;
	if (style == 3 && fprintf(out, "%zu\n", len) < 0)
		return RC_EIO;
	for (size_t i = 0; i < len; i++) {
		const rc_bpf_insn *in = &insns[i];
		int n;
		if (style == 1)
			n = fprintf(out, "(%03zu) %s\n", i, rc_bpf_image(in, i, image, sizeof image));
		else if (style == 2)
			n = fprintf(out, "{ 0x%x, %d, %d, 0x%08x },\n", in->code, in->jt, in->jf,
				    in->k);
		else
			n = fprintf(out, "%u %u %u %u\n", in->code, in->jt, in->jf, in->k);
		if (n < 0)
			return RC_EIO;
	}
	return 0;
}

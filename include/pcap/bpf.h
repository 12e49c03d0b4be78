/*
 * pcap/bpf.h - classic BPF types, opcodes and helpers (ringcap's
 * libpcap-compatible headers, matching libpcap 1.10).
 *
 * struct bpf_insn has the layout of the kernel's struct sock_filter
 * (linux/filter.h), so a struct bpf_program can be handed to
 * SO_ATTACH_FILTER as it is:
 *
 *   offset 0        2    3    4                8
 *          +--------+----+----+----------------+
 *          | code   | jt | jf | k              |
 *          +--------+----+----+----------------+
 *
 * The opcode macros are defined only if linux/filter.h (whose identical
 * definitions come from linux/bpf_common.h) did not define them first.
 */
#ifndef lib_pcap_bpf_h
#define lib_pcap_bpf_h

#include <sys/types.h>

#include <pcap/dlt.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int bpf_int32;
typedef u_int bpf_u_int32;

/* Alignment of records in a BSD BPF read buffer; kept for source compatibility. */
#ifndef BPF_ALIGNMENT
#define BPF_ALIGNMENT sizeof(bpf_int32)
#endif
#define BPF_WORDALIGN(x) (((x) + (BPF_ALIGNMENT - 1)) & ~(BPF_ALIGNMENT - 1))

/* A program: bf_len instructions at bf_insns (owned by whoever filled it;
 * pcap_compile() allocates, pcap_freecode() frees). */
struct bpf_program {
	u_int bf_len;
	struct bpf_insn *bf_insns;
};

struct bpf_insn {
	u_short code;
	u_char jt;
	u_char jf;
	bpf_u_int32 k;
};

#define BPF_RELEASE 199606

/* Instruction classes: code & 0x07. */
#ifndef BPF_CLASS
#define BPF_CLASS(code) ((code) & 0x07)
#define BPF_LD 0x00
#define BPF_LDX 0x01
#define BPF_ST 0x02
#define BPF_STX 0x03
#define BPF_ALU 0x04
#define BPF_JMP 0x05
#define BPF_RET 0x06
#define BPF_MISC 0x07
#endif

/* ld/ldx operand size and addressing mode. */
#ifndef BPF_SIZE
#define BPF_SIZE(code) ((code) & 0x18)
#define BPF_W 0x00
#define BPF_H 0x08
#define BPF_B 0x10
#endif
#ifndef BPF_MODE
#define BPF_MODE(code) ((code) & 0xe0)
#define BPF_IMM 0x00
#define BPF_ABS 0x20
#define BPF_IND 0x40
#define BPF_MEM 0x60
#define BPF_LEN 0x80
#define BPF_MSH 0xa0
#endif

/* alu/jmp operation and source operand. */
#ifndef BPF_OP
#define BPF_OP(code) ((code) & 0xf0)
#define BPF_ADD 0x00
#define BPF_SUB 0x10
#define BPF_MUL 0x20
#define BPF_DIV 0x30
#define BPF_OR 0x40
#define BPF_AND 0x50
#define BPF_LSH 0x60
#define BPF_RSH 0x70
#define BPF_NEG 0x80
#define BPF_JA 0x00
#define BPF_JEQ 0x10
#define BPF_JGT 0x20
#define BPF_JGE 0x30
#define BPF_JSET 0x40
#endif
#ifndef BPF_MOD
#define BPF_MOD 0x90
#endif
#ifndef BPF_XOR
#define BPF_XOR 0xa0
#endif
#ifndef BPF_SRC
#define BPF_SRC(code) ((code) & 0x08)
#define BPF_K 0x00
#define BPF_X 0x08
#endif

/* ret: what is returned. */
#ifndef BPF_RVAL
#define BPF_RVAL(code) ((code) & 0x18)
#define BPF_A 0x10
#endif

/* misc: register moves. */
#ifndef BPF_MISCOP
#define BPF_MISCOP(code) ((code) & 0xf8)
#define BPF_TAX 0x00
#define BPF_TXA 0x80
#endif

/* Scratch memory words M[0..15]. */
#ifndef BPF_MEMWORDS
#define BPF_MEMWORDS 16
#endif

/* Initialisers for struct bpf_insn arrays. */
#ifndef BPF_STMT
#define BPF_STMT(code, k) { (u_short)(code), 0, 0, k }
#endif
#ifndef BPF_JUMP
#define BPF_JUMP(code, k, jt, jf) { (u_short)(code), jt, jf, k }
#endif

/*
 * bpf_filter - run a program over a packet of wirelen bytes of which
 * buflen are at pkt; returns the number of bytes to keep (0 = reject).
 * A NULL program accepts everything (returns (u_int)-1), as in libpcap.
 * The program is checked with bpf_validate() first; an invalid one
 * rejects.  Thread-safe.
 */
u_int bpf_filter(const struct bpf_insn *insns, const u_char *pkt, u_int wirelen, u_int buflen);

/* bpf_validate - 1 if the len-instruction program is valid, else 0. */
int bpf_validate(const struct bpf_insn *insns, int len);

/*
 * bpf_image - one instruction as tcpdump -d prints it, "(NNN) ..." with
 * the index n.  Returns a static buffer overwritten by the next call (not
 * thread-safe, as in libpcap).
 */
char *bpf_image(const struct bpf_insn *insn, int n);

/* bpf_dump - print a program to stdout: option > 2 like tcpdump -ddd
 * (decimal), option > 1 like -dd (C array), else like -d (text). */
void bpf_dump(const struct bpf_program *prog, int option);

#ifdef __cplusplus
}
#endif
#endif /* lib_pcap_bpf_h */

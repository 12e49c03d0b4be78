/*
 * bpf_defs.h - classic BPF opcode constants and small shared helpers.
 *
 * The opcode constants (BPF_LD, BPF_ABS, BPF_JEQ, ...) and the ancillary
 * offsets (SKF_AD_*) come from the Linux UAPI headers linux/bpf_common.h
 * and linux/filter.h, so ringcap and the kernel can never disagree on a
 * number.  An opcode is one byte split into fields (bpf_common.h):
 *
 *     bit  7 6 5 | 4 3 | 2 1 0
 *         mode   | size| class      for BPF_LD / BPF_LDX
 *         op (4 bits)  |src| class  for BPF_ALU / BPF_JMP   (src: K=0, X=8)
 *         rval 0x18    |   class    for BPF_RET              (K=0, A=0x10)
 *
 * Ancillary loads: BPF_LD|BPF_{W,H,B}|BPF_ABS with k = SKF_AD_OFF + n
 * (SKF_AD_OFF = -0x1000, n a multiple of 4 below SKF_AD_MAX) read socket
 * metadata instead of packet bytes; the load width is ignored by the kernel
 * (net/core/filter.c convert_bpf_extensions).
 */
#ifndef RC_FILTER_BPF_DEFS_H
#define RC_FILTER_BPF_DEFS_H

#include <stddef.h>
#include <stdint.h>

#include <linux/filter.h>

#include "ringcap/filter.h"

_Static_assert(sizeof(rc_bpf_insn) == sizeof(struct sock_filter),
	       "rc_bpf_insn must have the layout of struct sock_filter");
_Static_assert(offsetof(rc_bpf_insn, k) == offsetof(struct sock_filter, k),
	       "rc_bpf_insn.k must sit where sock_filter.k does");
_Static_assert(RC_BPF_MAXINSNS == BPF_MAXINSNS, "kernel program length limit");
_Static_assert(RC_BPF_MEMWORDS == BPF_MEMWORDS, "scratch memory size");

/* First k of the ancillary area, as an unsigned 32-bit value (0xfffff000). */
#define RC__BPF_AD_BASE ((uint32_t)SKF_AD_OFF)

/* Is this k, on a BPF_ABS load, one of the kernel's known ancillary loads? */
static inline int rc__bpf_is_anc(uint32_t k)
{
	return k >= RC__BPF_AD_BASE && k - RC__BPF_AD_BASE < SKF_AD_MAX &&
	       (k - RC__BPF_AD_BASE) % 4 == 0;
}

/* Is code a conditional jump (both jt and jf are used)? */
static inline int rc__bpf_is_cond_jump(uint16_t code)
{
	return BPF_CLASS(code) == BPF_JMP && BPF_OP(code) != BPF_JA;
}

/*
 * rc__bpf_anc_name - libpcap's short name for ancillary load n
 * (SKF_AD_PROTOCOL -> "proto", ...), or NULL if n is not one.  Static string.
 */
const char *rc__bpf_anc_name(uint32_t k);

#endif

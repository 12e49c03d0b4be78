/*
 * long_progs.h - the lengths of the programs pcap_compile() made longer than
 * the kernel's 4096 instructions (internal to the libpcap layer).
 *
 * bpf_filter() gets a program without its length.  ringcap's refuses to run
 * an instruction at or past index 4096 of a program it knows nothing about
 * (a wild jump in a hand-made program would read anywhere), but a savefile
 * or dead handle's pcap_compile() may return up to RC_BPF_USER_MAXINSNS
 * instructions, valid by construction, that libpcap's bpf_filter() runs to
 * the end.  pcap_compile() records such programs here and pcap_freecode()
 * removes them, so that bpf_filter() can run them whole.  Programs of 4096
 * instructions or fewer are never recorded; bpf_filter() asks only when it
 * reaches index 4096, so the common case takes no lock.
 *
 * A program freed with free() instead of pcap_freecode() stays recorded:
 * its address may come back from malloc for another array, which would
 * then be trusted to that length.  libpcap says to free with pcap_freecode().
 */
#ifndef RC_COMPAT_LONG_PROGS_H
#define RC_COMPAT_LONG_PROGS_H

#include <stddef.h>

#include "pcap/bpf.h"

/* Record insns as a valid program of len instructions.  0, or -1 when out of
 * memory (the caller fails its pcap_compile: a program bpf_filter() would
 * cut short must not be handed out). */
int rc__long_prog_add(const struct bpf_insn *insns, size_t len);

/* Forget insns (nothing happens if it was not recorded). */
void rc__long_prog_remove(const struct bpf_insn *insns);

/* The recorded length of insns, 0 if it is not recorded.  Thread-safe. */
size_t rc__long_prog_len(const struct bpf_insn *insns);

#endif

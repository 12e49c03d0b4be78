/*
 * link_fanout.h - a PACKET_FANOUT_CBPF program written for the link-layer
 * frames a SOCK_RAW handle delivers, rewritten for where the kernel runs
 * it (link_fanout.c).  Cooked handles: rc__cooked_fanout.
 */
#ifndef RC_CAPTURE_LINK_FANOUT_H
#define RC_CAPTURE_LINK_FANOUT_H

#include <stddef.h>

#include "ringcap/filter.h"

/*
 * rc__link_fanout - translate prog[0..len) (valid: rc_bpf_validate).
 * Returns 1 with *out (malloc'ed, len instructions: jumps are unchanged);
 * 0 when the program has no kernel equivalent, with why (RC_ERRBUF_SIZE
 * bytes) naming the instruction; RC_ENOMEM.
 */
int rc__link_fanout(const rc_bpf_insn *prog, size_t len, rc_bpf_insn **out, char *why);

#endif

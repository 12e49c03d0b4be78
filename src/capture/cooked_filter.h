/*
 * cooked_filter.h - a program compiled for the cooked header (LINUX_SLL2 or
 * LINUX_SLL), rewritten for the kernel filter of a cooked (SOCK_DGRAM)
 * packet socket, which sees the packet from the network header on.
 */
#ifndef RC_CAPTURE_COOKED_FILTER_H
#define RC_CAPTURE_COOKED_FILTER_H

#include <stddef.h>

#include "ringcap/filter.h"

/*
 * rc__cooked_filter - translate prog[0..len) (valid: rc_bpf_validate),
 * compiled for linktype (RC_LINKTYPE_LINUX_SLL2 or RC_LINKTYPE_LINUX_SLL).
 * The translated program accepts every packet with a VLAN tag whole, and
 * user space has to run prog on those (cooked_filter.c says which and
 * why); it decides every other packet as prog decides the cooked bytes
 * ringcap delivers.
 * Returns 1 with *out (malloc'ed, *out_len instructions); 0 when the
 * program has no kernel equivalent, with why (RC_ERRBUF_SIZE bytes) naming
 * the instruction; RC_ENOMEM.
 */
int rc__cooked_filter(const rc_bpf_insn *prog, size_t len, int linktype, rc_bpf_insn **out,
		      size_t *out_len, char *why);

/*
 * rc__cooked_fanout - the same for a PACKET_FANOUT_CBPF program, which the
 * kernel runs on received packets from the network header and on sent
 * ones from the link-layer header (cooked_filter.c): the translation
 * picks the member prog picks for the cooked bytes ringcap delivers
 * (for a VLAN-tagged packet, the bytes without vlan_reinsert).  Same
 * results as rc__cooked_filter.
 */
int rc__cooked_fanout(const rc_bpf_insn *prog, size_t len, int linktype, rc_bpf_insn **out,
		      size_t *out_len, char *why);

#endif

/*
 * cfg.h - control-flow graph of basic blocks, the code generator's target.
 *
 * A block is straight-line statements followed by one conditional jump
 * (or a return).  Boolean primitives are built as fragments: a head block
 * plus the lists of still-unpatched "true" and "false" exits; and/or/not
 * just splice those lists (libpcap's backpatching, gencode.c gen_and).
 *
 *   frag a = (head A, T: {A.jt}, F: {A.jf})
 *   and(a, b): patch a.T -> b.head; T = b.T; F = a.F + b.F
 *   or(a, b):  patch a.F -> b.head; T = a.T + b.T; F = b.F
 *   not(a):    swap T and F
 *
 * A constant block (is_const) decides without looking at the packet; the
 * linearizer forwards every edge into it to its successor, so constants
 * cost no instruction.  Blocks never assume anything about A or X on entry
 * except inside one generator that chains its own blocks (value trees,
 * protochain).  rc__cfg_emit() orders blocks topologically, inserts "ja"
 * trampolines for jumps longer than 255, and produces the program.
 */
#ifndef RC_FILTER_CFG_H
#define RC_FILTER_CFG_H

#include <stdint.h>

#include "filter/arena.h"
#include "ringcap/filter.h"

typedef struct rc__blk rc__blk;
struct rc__blk {
	rc_bpf_insn *stmts;
	uint32_t nstmts, cap;
	uint16_t jcode;       /* BPF_JMP|op|src, or BPF_RET|BPF_K */
	uint8_t is_const;     /* constant: outcome = k != 0, follow jt if true else jf */
	uint32_t k;
	rc__blk *jt, *jf;
	/* linearizer state */
	uint32_t mark, pos, ntramp;
	rc__blk *tramp[2];    /* targets of the "ja" trampolines behind the jump */
	rc__blk *next_order;
	uint32_t near_gen, near_pos; /* nearest trampoline to this block at or after
	                              * the block being laid out (valid in pass near_gen) */
	uint32_t tramp_pos[2];       /* jt/jf: the trampoline each far edge uses */
};

typedef struct rc__edge rc__edge;
struct rc__edge {
	rc__blk *b;
	uint8_t sense;        /* 1: b->jt, 0: b->jf */
	rc__edge *next;
};

typedef struct rc__elist {
	rc__edge *head, *tail;
} rc__elist;

typedef struct rc__frag {
	rc__blk *head;        /* NULL only after an allocation failure */
	rc__elist t, f;
} rc__frag;

/* Why generation stopped (rc__cfg.failed); callers map it to a status. */
enum {
	RC__CFG_LIMIT = -1,   /* past max_insns: RC_ELIMIT, may retry with smaller sets */
	RC__CFG_NOMEM = -2,   /* RC_ENOMEM */
	RC__CFG_HOPELESS = -3 /* a value list cannot fit even as chains: RC_ELIMIT with
	                       * gen_set's message, no retry */
};

typedef struct rc__cfg {
	rc__arena *arena;
	uint64_t ninsns;      /* statements + jumps created so far */
	uint64_t max_insns;   /* generation stops (RC_ELIMIT) past this */
	int failed;           /* 0 or an RC__CFG_* reason */
	uint64_t work;        /* steps of rc__cfg_emit (blocks visited by its passes),
	                       * so tests can check that layout grows linearly */
} rc__cfg;

rc__blk *rc__cfg_blk(rc__cfg *g);
/* Append one statement to b (silently nothing after a failure). */
void rc__cfg_stmt(rc__cfg *g, rc__blk *b, uint16_t code, uint32_t k);
/* Frag for "b ends with jump jcode k" (b already holds its statements). */
rc__frag rc__cfg_jump(rc__cfg *g, rc__blk *b, uint16_t jcode, uint32_t k);
rc__frag rc__cfg_const(rc__cfg *g, int value);
rc__frag rc__cfg_and(rc__frag a, rc__frag b);
rc__frag rc__cfg_or(rc__frag a, rc__frag b);
rc__frag rc__cfg_not(rc__frag a);
void rc__cfg_patch(rc__elist l, rc__blk *target);
rc__elist rc__cfg_cat(rc__elist a, rc__elist b);
/* One-edge list for b's jt (sense 1) or jf (sense 0). */
rc__elist rc__cfg_edge(rc__cfg *g, rc__blk *b, int sense);

/*
 * rc__cfg_emit - patch f's exits to "ret #accept_k" / "ret #0", lay the
 * graph out and return a malloc'ed program in *out (*len instructions).
 * 0, RC_ENOMEM, or RC_ELIMIT when the program would exceed max_len.
 */
int rc__cfg_emit(rc__cfg *g, rc__frag f, uint32_t accept_k, size_t max_len,
		 rc_bpf_insn **out, size_t *len);

#endif

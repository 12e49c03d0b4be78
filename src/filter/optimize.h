/*
 * optimize.h - internals of the classic BPF optimizer (optimize.c drives
 * the passes over the control-flow graph; optimize_vn.c knows what values
 * are: value numbering, facts learnt from branches, and the transfer
 * function of one instruction).
 *
 * Value numbers (VN) name *values*, not registers: two loads of the
 * halfword at offset 12 get the same VN anywhere in the program, because
 * the packet does not change while the filter runs.  A fact "VN v == 0x800
 * was true" learnt on a branch therefore stays true on every path below it,
 * whatever the registers do later.  Where paths with different values meet,
 * the register gets a fresh opaque VN.
 *
 * Registers are numbered 0 = A, 1 = X, 2..17 = M[0..15]; a register set is
 * a bit mask of those 18 bits.
 */
#ifndef RC_FILTER_OPTIMIZE_H
#define RC_FILTER_OPTIMIZE_H

#include <stddef.h>
#include <stdint.h>

#include "filter/bpf_defs.h"

typedef uint32_t rc__vn;

enum { RC__R_A = 0, RC__R_X = 1, RC__R_M0 = 2, RC__NREG = 18 };

#define RC__OPT_MAXFACTS 48
#define RC__OPT_MAXAVAIL 16

/* "Comparing VN v with operand VN opnd by op gave outcome". */
struct rc__fact {
	rc__vn v, opnd;
	uint8_t op;      /* BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET */
	uint8_t outcome; /* 1 = true edge taken */
};

/* What is known at one point of the program, on every path reaching it. */
struct rc__opt_state {
	rc__vn reg[RC__NREG];
	uint32_t bound;  /* caplen >= bound: ABS loads ending below it cannot fail */
	uint8_t nfacts, navail;
	struct rc__fact facts[RC__OPT_MAXFACTS];
	rc__vn avail[RC__OPT_MAXAVAIL]; /* fallible non-ABS loads/divisions that succeeded */
};

/* The hash-consed value table. */
struct rc__vn_entry {
	uint8_t kind, op;
	uint16_t size;
	uint32_t k;
	rc__vn a, b;
};

struct rc__vn_table {
	struct rc__vn_entry *e; /* e[0] unused: VN 0 means "none" */
	size_t n, cap;
	uint32_t *slots; /* open addressing, 0 = empty */
	size_t nslots;
	int failed; /* RC__VN_NOMEM or RC__VN_TOO_MANY: give up optimizing */
};

enum { RC__VN_NOMEM = 1, RC__VN_TOO_MANY = 2 };

/* Internal status of a pass: the value table failed (t->failed says why);
 * the driver then leaves the program as it was. */
#define RC__OPT_VN_FAILED 1

int rc__vn_init(struct rc__vn_table *t);
void rc__vn_free(struct rc__vn_table *t);
/* A fresh value equal to no other (each `random` load). */
rc__vn rc__vn_opaque(struct rc__vn_table *t);
/*
 * The value of register reg on entry to block `block` where incoming paths
 * disagree.  The same number in every pass: a pass never mixes its values
 * with an earlier pass's, so "this block's merged A" needs no fresh name.
 */
rc__vn rc__vn_phi(struct rc__vn_table *t, uint32_t block, int reg);
rc__vn rc__vn_const(struct rc__vn_table *t, uint32_t k);
/* 1 and *k if v is a constant. */
int rc__vn_is_const(const struct rc__vn_table *t, rc__vn v, uint32_t *k);

/* The initial state: A = X = 0, M[] uninitialized (values equal to nothing else). */
void rc__opt_state_init(struct rc__vn_table *t, struct rc__opt_state *s);
/* Record a branch outcome (oldest fact dropped when full). */
void rc__opt_add_fact(struct rc__opt_state *s, rc__vn v, uint8_t op, rc__vn opnd, int outcome);
/*
 * Meet: dst becomes what holds on both dst's paths and src's paths.
 * conflict collects registers whose values differ (the caller gives them
 * fresh opaque values once all predecessors are met).
 */
void rc__opt_meet(struct rc__opt_state *dst, const struct rc__opt_state *src, uint32_t *conflict);

/* Outcome of "v op opnd" from constants and facts: 1, 0, or -1 unknown. */
int rc__opt_eval(const struct rc__vn_table *t, const struct rc__opt_state *s, uint8_t op,
		 rc__vn v, rc__vn opnd);

/* Result of rc__opt_xfer. */
enum {
	RC__XF_KEEP,        /* the statement runs (possibly rewritten in place) */
	RC__XF_DELETE,      /* it cannot fail and changes nothing: remove it */
	RC__XF_ALWAYS_FAILS /* it always ends the program with 0 (division by X == 0) */
};

/*
 * Apply one non-jump, non-return instruction to s.  With rewrite set, the
 * instruction may be rewritten into an equivalent cheaper one (constant
 * folding, X-form to K-form, indexed load to absolute).  *fallible says
 * whether it may end the program (a load that may be out of the packet, a
 * division by an X that may be 0); *def is the register it writes (-1 none).
 */
int rc__opt_xfer(struct rc__vn_table *t, struct rc__opt_state *s, rc_bpf_insn *in, int rewrite,
		 int *fallible, int *def);

/* Registers an instruction reads (mask), for liveness. */
uint32_t rc__opt_uses(const rc_bpf_insn *in);

/* ---- the control-flow graph (optimize.c builds and transforms it) ---- */

/*
 * A basic block: statements, then a terminal.  Blocks sit in an array in
 * program order, which is always a topological order: every successor has
 * a larger index than its block.
 */
enum { RC__T_RET, RC__T_GOTO, RC__T_COND };

struct rc__opt_block {
	uint32_t first, n;    /* statements: graph.stmts[first .. first + n) */
	uint8_t term;         /* RC__T_RET, RC__T_GOTO, RC__T_COND */
	uint8_t reachable;
	rc_bpf_insn tinsn;    /* the return or conditional jump (jt/jf unused) */
	uint32_t succ[2];     /* GOTO: succ[0]; COND: true, false */
	uint32_t live_in;     /* registers read before written, from here on */
	rc__vn cmp_a, cmp_opnd; /* the compared values, from the last forward pass */
	struct rc__opt_state exit;
};

struct rc__opt_graph {
	struct rc__opt_block *b;
	size_t nb;
	uint32_t entry;
	rc_bpf_insn *stmts;
	uint8_t *fallible;
	struct rc__vn_table vn;
	/* predecessor edges, CSR: pred_of[pred_off[i] .. pred_off[i+1]) = (block << 1 | edge) */
	uint32_t *pred_off, *pred_of;
	/* steps of work (blocks and statements visited, simulations, probes):
	 * lets tests check that optimizing grows linearly with the program */
	uint64_t work;
};

/* rc_bpf_optimize for programs of up to max_len instructions (see
 * rc_bpf_validate_len), adding its steps of work to *work (if not NULL). */
int rc__bpf_optimize_counted(rc_bpf_prog *prog, size_t max_len, uint64_t *work);

/* Number of successors of b: 0 (return), 1 (goto) or 2 (conditional). */
int rc__opt_nsucc(const struct rc__opt_block *b);
/* Bit of register def (-1: none) in a register mask. */
uint32_t rc__opt_def_mask(int def);
/* Recompute every block's live_in (registers read before written). */
void rc__opt_liveness(struct rc__opt_graph *g);
/* What holds on entry to reachable block i (meet of its incoming edges,
 * from the exit states of the last forward pass). */
void rc__opt_entry_state(struct rc__opt_graph *g, size_t i, struct rc__opt_state *s);

/*
 * optimize_chain.c: reorder one chain of tests with a common exit so tests
 * of the same value sit together (at most one chain per call: the exit
 * states after it are stale until the next forward pass).  Sets *changed.
 * 0, RC_ENOMEM, or RC__OPT_VN_FAILED.
 */
int rc__opt_reorder_chains(struct rc__opt_graph *g, int *changed);

/*
 * optimize_layout.c: lay the reachable blocks out in order into out (room
 * for cap instructions), with `ja` for gotos to other than the next block
 * and trampolines for conditional jumps over 255.  The instruction count,
 * or -1 if over cap or out of memory.
 */
long rc__opt_layout(struct rc__opt_graph *g, rc_bpf_insn *out, size_t cap);

#endif

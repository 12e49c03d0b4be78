/*
 * optimize_layout.c - the optimizer's last step: the graph back into a
 * linear classic BPF program.
 *
 * Blocks are emitted in libpcap's order, so that `tcpdump -d` prints the
 * same program wherever the two optimizers reach the same graph: libpcap's
 * convert_code_r (optimize.c) fills the program from its end, placing a
 * block after it has placed its false successor's blocks and then its true
 * successor's; in program order that is the reverse of a depth-first
 * post-order that visits the false edge first.  It is a topological order
 * (a block comes before everything it jumps to), so every jump goes
 * forward.  A goto to the next block costs nothing, any other goto is a
 * `ja`; a conditional jump whose target is more than 255 instructions
 * away gets a `ja` trampoline right after it:
 *
 *     jeq #k  jt 0  jf 1      (both targets far)
 *     ja  <true target>
 *     ja  <false target>
 *
 * Trampolines move later code, which may push other jumps past 255, so the
 * positions are recomputed until no new trampoline is needed (they are only
 * ever added, so this ends).
 */
#include "filter/optimize.h"

#include <stdlib.h>
#include <string.h>

/*
 * Lay the reachable blocks out in order into out (room for cap
 * instructions).  The number of instructions, or -1 if over cap.
 */
/*
 * The reachable blocks in libpcap's order (see the top of the file) into
 * order; their number.  An iterative depth-first walk, since a 10,000-host
 * filter nests thousands of blocks deep: stack (room for c->nb) holds the
 * path from the entry; state[i] is 0 for a block not yet reached, else 1 +
 * the number of its edges already walked.
 */
static size_t libpcap_order(const struct rc__opt_graph *c, uint32_t *order, uint32_t *stack,
			    uint8_t *state)
{
	size_t n = 0, sp = 0;
	stack[sp++] = c->entry;
	state[c->entry] = 1;
	while (sp) {
		uint32_t i = stack[sp - 1];
		const struct rc__opt_block *b = &c->b[i];
		int ns = rc__opt_nsucc(b), done = state[i] - 1;
		if (done == ns) {
			order[n++] = i; /* post-order */
			sp--;
			continue;
		}
		state[i]++;
		/* A conditional's false edge (succ[1]) first, then its true one. */
		uint32_t s = b->succ[ns == 2 && done == 0 ? 1 : 0];
		if (!state[s]) {
			state[s] = 1;
			stack[sp++] = s;
		}
	}
	for (size_t lo = 0, hi = n; lo + 1 < hi; lo++, hi--) {
		uint32_t t = order[lo];
		order[lo] = order[hi - 1];
		order[hi - 1] = t;
	}
	return n;
}

long rc__opt_layout(struct rc__opt_graph *c, rc_bpf_insn *out, size_t cap)
{
	uint32_t *pos = malloc((c->nb + 1) * sizeof *pos);
	uint32_t *next = malloc((c->nb + 1) * sizeof *next);
	uint32_t *order = malloc((c->nb + 1) * sizeof *order);
	uint32_t *stack = malloc((c->nb + 1) * sizeof *stack);
	uint8_t *state = calloc(c->nb + 1, 1);
	uint8_t *tramp = calloc(c->nb, 1); /* bit 0: true edge, bit 1: false edge */
	long total = -1;

	if (!pos || !next || !order || !stack || !state || !tramp)
		goto done;
	size_t nr = libpcap_order(c, order, stack, state);
	/* next[i]: the block laid out after i */
	for (size_t k = 0; k < nr; k++)
		next[order[k]] = k + 1 < nr ? order[k + 1] : (uint32_t)c->nb;
	for (int again = 1; again;) {
		size_t at = 0;
		again = 0;
		c->work += 2 * c->nb;
		for (size_t k = 0; k < nr; k++) {
			uint32_t i = order[k];
			const struct rc__opt_block *b = &c->b[i];
			pos[i] = (uint32_t)at;
			at += b->n;
			if (b->term == RC__T_RET)
				at++;
			else if (b->term == RC__T_GOTO)
				at += b->succ[0] != next[i];
			else
				at += 1u + (tramp[i] & 1) + ((tramp[i] >> 1) & 1);
		}
		if (at > cap) {
			/* A later pass (with trampolines) no longer fits: out was
			 * never written, so the earlier pass's total must not stand. */
			total = -1;
			goto done;
		}
		total = (long)at;
		for (size_t k = 0; k < nr; k++) {
			uint32_t i = order[k];
			const struct rc__opt_block *b = &c->b[i];
			if (b->term != RC__T_COND)
				continue;
			uint32_t jpos = pos[i] + b->n;
			for (int e = 0; e < 2; e++)
				if (!(tramp[i] & (1 << e)) &&
				    pos[b->succ[e]] - (jpos + 1) > 255) {
					tramp[i] |= (uint8_t)(1 << e);
					again = 1;
				}
		}
	}
	for (size_t k = 0; k < nr; k++) {
		uint32_t i = order[k];
		const struct rc__opt_block *b = &c->b[i];
		uint32_t at = pos[i];
		memcpy(&out[at], &c->stmts[b->first], b->n * sizeof *out);
		at += b->n;
		if (b->term == RC__T_RET) {
			out[at] = b->tinsn;
		} else if (b->term == RC__T_GOTO) {
			if (b->succ[0] != next[i])
				out[at] = (rc_bpf_insn){BPF_JMP | BPF_JA, 0, 0,
							pos[b->succ[0]] - (at + 1)};
		} else {
			rc_bpf_insn j = b->tinsn;
			uint32_t slot = at + 1;
			uint32_t off[2];
			for (int e = 0; e < 2; e++) {
				if (tramp[i] & (1 << e)) {
					out[slot] = (rc_bpf_insn){BPF_JMP | BPF_JA, 0, 0,
								  pos[b->succ[e]] - (slot + 1)};
					off[e] = slot - (at + 1);
					slot++;
				} else {
					off[e] = pos[b->succ[e]] - (at + 1);
				}
			}
			j.jt = (uint8_t)off[0];
			j.jf = (uint8_t)off[1];
			out[at] = j;
		}
	}
done:
	free(pos);
	free(next);
	free(order);
	free(stack);
	free(state);
	free(tramp);
	return total;
}

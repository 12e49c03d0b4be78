/*
 * optimize_layout.c - the optimizer's last step: the graph back into a
 * linear classic BPF program.
 *
 * Blocks are emitted in array order (a topological order, so every jump
 * goes forward).  A goto to the next block costs nothing, any other goto is
 * a `ja`; a conditional jump whose target is more than 255 instructions
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
long rc__opt_layout(struct rc__opt_graph *c, rc_bpf_insn *out, size_t cap)
{
	uint32_t *pos = malloc((c->nb + 1) * sizeof *pos);
	uint32_t *next = malloc((c->nb + 1) * sizeof *next);
	uint8_t *tramp = calloc(c->nb, 1); /* bit 0: true edge, bit 1: false edge */
	long total = -1;

	if (!pos || !next || !tramp)
		goto done;
	/* next[i]: the block laid out after i */
	uint32_t last = (uint32_t)c->nb;
	for (size_t i = c->nb; i-- > c->entry;)
		if (c->b[i].reachable) {
			next[i] = last;
			last = (uint32_t)i;
		}
	for (int again = 1; again;) {
		size_t at = 0;
		again = 0;
		c->work += 2 * c->nb;
		for (size_t i = c->entry; i < c->nb; i++) {
			const struct rc__opt_block *b = &c->b[i];
			if (!b->reachable)
				continue;
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
		for (size_t i = c->entry; i < c->nb; i++) {
			const struct rc__opt_block *b = &c->b[i];
			if (!b->reachable || b->term != RC__T_COND)
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
	for (size_t i = c->entry; i < c->nb; i++) {
		const struct rc__opt_block *b = &c->b[i];
		if (!b->reachable)
			continue;
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
	free(tramp);
	return total;
}

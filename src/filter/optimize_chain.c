/*
 * optimize_chain.c - the optimizer's test-chain pass: runs of tests that
 * share an exit are reordered so that tests of the same value sit together
 * and the reloads between them disappear (see optimize.c for the driver).
 */
#include "filter/optimize.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CHAIN 64

struct link {
	uint32_t block;
	rc__vn a, o;   /* compared values, as seen from the chain's entry */
	int loads;     /* has statements */
};

/* Simulate block b from s; 0 if a statement may fail.  *a, *o: compared values. */
static int simulate(struct rc__opt_graph *c, const struct rc__opt_block *b,
		    struct rc__opt_state *s, rc__vn *a, rc__vn *o, uint32_t *defs)
{
	c->work += 1 + b->n;
	for (uint32_t k = 0; k < b->n; k++) {
		rc_bpf_insn in = c->stmts[b->first + k];
		int fallible, def;
		if (rc__opt_xfer(&c->vn, s, &in, 0, &fallible, &def) == RC__XF_ALWAYS_FAILS ||
		    fallible)
			return 0;
		*defs |= rc__opt_def_mask(def);
	}
	*a = s->reg[RC__R_A];
	*o = BPF_SRC(b->tinsn.code) == BPF_X ? s->reg[RC__R_X] : rc__vn_const(&c->vn, b->tinsn.k);
	return 1;
}

/*
 * A chain is blocks B1..Bn, each a test whose one edge goes to the common
 * exit E (the true edge for `or`, the false edge for `and`) and whose other
 * edge goes to the next block (the only way into it); after Bn comes F.
 * When no statement of the chain can fail and nothing it writes is read at
 * E or F, the tests can run in any order: they are grouped by the value
 * they compare, the value already in A first, so the forward pass can drop
 * the reloads (`port 1 or port 2 ...` tests the source port against every
 * number, then the destination port).  Both the old and the new order
 * are simulated from the chain's entry: no statement may fail in either,
 * and every test must compare the same values in both.
 */
static int reorder_chain(struct rc__opt_graph *c, size_t first, int edge, uint8_t *used,
			 uint8_t *covered, int *changed)
{
	struct rc__opt_state entry, s;
	struct link ln[MAX_CHAIN], order[MAX_CHAIN];
	struct {
		uint32_t first, n;
		rc_bpf_insn tinsn;
	} saved[MAX_CHAIN];
	uint32_t exit_block = c->b[first].succ[edge], defs = 0, cur = (uint32_t)first;
	size_t n = 0;

	rc__opt_entry_state(c, first, &entry);
	s = entry;
	while (n < MAX_CHAIN) {
		const struct rc__opt_block *b = &c->b[cur];
		if (b->term != RC__T_COND || b->succ[edge] != exit_block || used[cur] ||
		    (n > 0 && c->pred_off[cur + 1] - c->pred_off[cur] != 1))
			break;
		/* (s is not used after a failed block: the new order is
		 * simulated again from entry) */
		if (!simulate(c, b, &s, &ln[n].a, &ln[n].o, &defs))
			break;
		ln[n].block = cur;
		ln[n].loads = b->n > 0;
		n++;
		cur = b->succ[!edge];
	}
	int cur_is_end = n < MAX_CHAIN; /* the walk ended by itself, not at the cap */
	if (n < 2 || (defs & (c->b[exit_block].live_in | c->b[cur].live_in)))
		return 0;
	/* Group by compared value: A's current value first, then in order of
	 * appearance; in a group, a block that loads the value comes first. */
	size_t m = 0;
	uint8_t taken[MAX_CHAIN] = {0};
	for (size_t g = 0; g <= n && m < n; g++) {
		rc__vn v;
		if (g == 0) {
			v = entry.reg[RC__R_A];
		} else {
			size_t j = 0;
			while (j < n && taken[j])
				j++;
			if (j == n)
				break;
			v = ln[j].a;
		}
		for (int pass = 1; pass >= 0; pass--)
			for (size_t j = 0; j < n; j++)
				if (!taken[j] && ln[j].a == v && ln[j].loads == pass) {
					order[m++] = ln[j];
					taken[j] = 1;
				}
	}
	int same = 1;
	for (size_t j = 0; j < n; j++)
		same &= order[j].block == ln[j].block;
	if (same) {
		/*
		 * Already grouped.  A chain starting at any later block of this
		 * one is a suffix of it (the walk did not stop at MAX_CHAIN), its
		 * entry holds the value the block before compared, and a suffix
		 * of a grouped chain is grouped: skip those starts, which made
		 * this pass cost MAX_CHAIN simulations per block on long chains.
		 */
		if (cur_is_end)
			for (size_t j = 1; j < n; j++)
				covered[ln[j].block] |= (uint8_t)(1u << edge);
		return 0;
	}
	/* The new order must compare exactly the same values. */
	s = entry;
	for (size_t j = 0; j < n; j++) {
		rc__vn a, o;
		uint32_t d = 0;
		if (!simulate(c, &c->b[order[j].block], &s, &a, &o, &d) || a != order[j].a ||
		    o != order[j].o)
			return 0;
	}
	for (size_t j = 0; j < n; j++) {
		const struct rc__opt_block *b = &c->b[order[j].block];
		saved[j].first = b->first;
		saved[j].n = b->n;
		saved[j].tinsn = b->tinsn;
	}
	for (size_t j = 0; j < n; j++) {
		struct rc__opt_block *b = &c->b[ln[j].block];
		b->first = saved[j].first;
		b->n = saved[j].n;
		b->tinsn = saved[j].tinsn;
		used[ln[j].block] = 1;
	}
	*changed = 1;
	return c->vn.failed ? RC__OPT_VN_FAILED : 0;
}

int rc__opt_reorder_chains(struct rc__opt_graph *c, int *changed)
{
	uint8_t *used = calloc(c->nb, 1);
	uint8_t *covered = calloc(c->nb, 1); /* bit e: a chain on edge e starting here is
					      * a suffix of an already grouped one */
	int r = 0;
	if (!used || !covered) {
		free(used);
		free(covered);
		return RC_ENOMEM;
	}
	rc__opt_liveness(c);
	/* One chain per round: the exit states of the blocks after a reordered
	 * chain are stale until the next forward pass. */
	int done = 0;
	for (size_t i = c->entry; i < c->nb && r == 0 && !done; i++)
		if (c->b[i].reachable && c->b[i].term == RC__T_COND && !used[i]) {
			if (!(covered[i] & 1))
				r = reorder_chain(c, i, 0, used, covered, &done);
			if (r == 0 && !done && !used[i] && !(covered[i] & 2))
				r = reorder_chain(c, i, 1, used, covered, &done);
		}
	*changed |= done;
	free(used);
	free(covered);
	return r;
}

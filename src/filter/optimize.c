/*
 * optimize.c - rc_bpf_optimize: classic BPF -> shorter, equivalent classic
 * BPF, on a control-flow graph of basic blocks.
 *
 * The program is cut into basic blocks: straight-line statements, then a
 * terminal (return, goto, or conditional jump with a true and a false
 * successor).  Classic BPF only jumps forward, so the block array in program
 * order is a topological order of the graph; every pass keeps it so (a
 * successor always has a larger index), which makes every data-flow problem
 * a single sweep.
 *
 * Each round runs, until nothing changes (at most MAX_ROUNDS):
 *   1. forward  - value numbering from the entry (optimize_vn.c): constant
 *                 folding, X-forms with a known X turned into K-forms,
 *                 redundant loads/stores removed (the register already
 *                 holds that value on every incoming path), conditional
 *                 jumps whose outcome is known turned into gotos;
 *   2. thread   - jump threading: an edge P->B skips B and goes straight to
 *                 T when, with what is known on that edge, B's jump outcome
 *                 is known, no statement of B can fail (a load inside the
 *                 bytes already proven present, or an identical load that
 *                 already succeeded) and nothing B writes is read at T
 *                 before being written again (or B writes what is there);
 *   3. cleanup  - jumps with equal targets become gotos, unreachable
 *                 blocks go, a block absorbs a successor that has no other
 *                 predecessor;
 *   4. forward, then chains (optimize_chain.c): runs of tests that share an
 *                 exit are reordered so that tests of the same value sit
 *                 together and the reloads between them go; then dead
 *                 code: a statement whose result is never read and that
 *                 cannot fail is removed; one that can fail stays, because
 *                 failing (rejecting a truncated packet) is behaviour;
 *   5. merge    - blocks with identical statements and terminals (e.g. the
 *                 many `ret #0`) become one; the later copy is kept so
 *                 every edge still points forward.
 * Then the graph is laid out again in libpcap's block order
 * (optimize_layout.c): a goto to the next block costs nothing, any other
 * goto is a `ja`, and a conditional jump farther than 255 instructions
 * gets a `ja` trampoline right after it.
 *
 * Guarantees: the result is never longer than the input and passes
 * rc_bpf_validate (otherwise the input is left untouched); it accepts and
 * rejects exactly the same packets with the same return values, including
 * truncated packets, on ringcap's VM, libpcap and the kernel.
 */
#include "filter/optimize.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ROUNDS 64

int rc__opt_nsucc(const struct rc__opt_block *b)
{
	return b->term == RC__T_RET ? 0 : b->term == RC__T_GOTO ? 1 : 2;
}

/* ---- building the graph ---- */

static int build(struct rc__opt_graph *c, const rc_bpf_insn *p, size_t len)
{
	uint8_t *leader = calloc(len + 1, 1);
	uint32_t *block_of = malloc((len + 1) * sizeof *block_of);
	int ret = RC_ENOMEM;

	c->stmts = malloc(len * sizeof *c->stmts);
	c->fallible = calloc(len, 1);
	if (!leader || !block_of || !c->stmts || !c->fallible)
		goto err;
	leader[0] = 1;
	for (size_t i = 0; i < len; i++) {
		uint16_t code = p[i].code;
		if (BPF_CLASS(code) == BPF_RET) {
			leader[i + 1] = 1;
		} else if (code == (BPF_JMP | BPF_JA)) {
			leader[i + 1] = 1;
			leader[i + 1 + p[i].k] = 1;
		} else if (rc__bpf_is_cond_jump(code)) {
			leader[i + 1] = 1;
			leader[i + 1 + p[i].jt] = 1;
			leader[i + 1 + p[i].jf] = 1;
		}
	}
	size_t nb = 0;
	for (size_t i = 0; i < len; i++) {
		if (leader[i])
			nb++;
		block_of[i] = (uint32_t)(nb - 1);
	}
	c->b = calloc(nb, sizeof *c->b);
	if (!c->b)
		goto err;
	c->nb = nb;
	size_t i = 0, ns = 0;
	for (size_t bi = 0; bi < nb; bi++) {
		struct rc__opt_block *b = &c->b[bi];
		b->first = (uint32_t)ns;
		for (;;) {
			uint16_t code = p[i].code;
			if (BPF_CLASS(code) == BPF_RET) {
				b->term = RC__T_RET;
				b->tinsn = p[i++];
				break;
			}
			if (code == (BPF_JMP | BPF_JA)) {
				b->term = RC__T_GOTO;
				b->succ[0] = block_of[i + 1 + p[i].k];
				i++;
				break;
			}
			if (rc__bpf_is_cond_jump(code)) {
				b->term = RC__T_COND;
				b->tinsn = p[i];
				b->succ[0] = block_of[i + 1 + p[i].jt];
				b->succ[1] = block_of[i + 1 + p[i].jf];
				i++;
				break;
			}
			c->stmts[ns] = p[i++];
			c->stmts[ns].jt = c->stmts[ns].jf = 0; /* unused outside jumps */
			ns++;
			b->n++;
			if (leader[i]) { /* falls through into the next block */
				b->term = RC__T_GOTO;
				b->succ[0] = (uint32_t)bi + 1;
				break;
			}
		}
	}
	ret = 0;
err:
	free(leader);
	free(block_of);
	return ret;
}

/* ---- reachability, predecessors, liveness ---- */

/* Mark reachable blocks from the entry; predecessor lists over them. */
static int analyze_edges(struct rc__opt_graph *c)
{
	for (size_t i = 0; i < c->nb; i++)
		c->b[i].reachable = 0;
	c->b[c->entry].reachable = 1;
	c->work += c->nb;
	size_t nedges = 0;
	for (size_t i = c->entry; i < c->nb; i++) {
		struct rc__opt_block *b = &c->b[i];
		if (!b->reachable)
			continue;
		for (int e = 0; e < rc__opt_nsucc(b); e++) {
			c->b[b->succ[e]].reachable = 1;
			nedges++;
		}
	}
	free(c->pred_off);
	free(c->pred_of);
	c->pred_off = calloc(c->nb + 1, sizeof *c->pred_off);
	c->pred_of = malloc((nedges + 1) * sizeof *c->pred_of);
	if (!c->pred_off || !c->pred_of)
		return RC_ENOMEM;
	for (size_t i = c->entry; i < c->nb; i++)
		if (c->b[i].reachable)
			for (int e = 0; e < rc__opt_nsucc(&c->b[i]); e++)
				c->pred_off[c->b[i].succ[e] + 1]++;
	for (size_t i = 0; i < c->nb; i++)
		c->pred_off[i + 1] += c->pred_off[i];
	uint32_t *fill = malloc((c->nb + 1) * sizeof *fill);
	if (!fill)
		return RC_ENOMEM;
	memcpy(fill, c->pred_off, (c->nb + 1) * sizeof *fill);
	for (size_t i = c->entry; i < c->nb; i++)
		if (c->b[i].reachable)
			for (int e = 0; e < rc__opt_nsucc(&c->b[i]); e++)
				c->pred_of[fill[c->b[i].succ[e]]++] = (uint32_t)(i << 1 | (uint32_t)e);
	free(fill);
	return 0;
}

uint32_t rc__opt_def_mask(int def)
{
	return def < 0 ? 0 : 1u << def;
}

/* Register an instruction writes, -1 for none. */
static int insn_def(const rc_bpf_insn *in)
{
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
	case BPF_ALU:
		return RC__R_A;
	case BPF_LDX:
		return RC__R_X;
	case BPF_ST:
	case BPF_STX:
		return RC__R_M0 + (int)(in->k & 15);
	case BPF_MISC:
		return BPF_MISCOP(in->code) == BPF_TAX ? RC__R_X : RC__R_A;
	default:
		return -1;
	}
}

static uint32_t term_uses(const struct rc__opt_block *b)
{
	return b->term == RC__T_GOTO ? 0 : rc__opt_uses(&b->tinsn);
}

static uint32_t live_out(const struct rc__opt_graph *c, const struct rc__opt_block *b)
{
	uint32_t live = 0;
	for (int e = 0; e < rc__opt_nsucc(b); e++)
		live |= c->b[b->succ[e]].live_in;
	return live;
}

/* live_in of block i from its successors' live_in (which must be current). */
static void liveness_block(struct rc__opt_graph *c, size_t i)
{
	struct rc__opt_block *b = &c->b[i];
	uint32_t live = live_out(c, b) | term_uses(b);
	c->work += 1 + b->n;
	for (uint32_t s = b->n; s-- > 0;) {
		const rc_bpf_insn *in = &c->stmts[b->first + s];
		live = (live & ~rc__opt_def_mask(insn_def(in))) | rc__opt_uses(in);
	}
	b->live_in = live;
}

void rc__opt_liveness(struct rc__opt_graph *c)
{
	for (size_t i = c->nb; i-- > 0;)
		liveness_block(c, i);
}

/* ---- 1. forward value numbering ---- */

static void edge_state(const struct rc__opt_graph *c, uint32_t pred_edge, struct rc__opt_state *out)
{
	const struct rc__opt_block *p = &c->b[pred_edge >> 1];
	*out = p->exit;
	if (p->term == RC__T_COND)
		rc__opt_add_fact(out, p->cmp_a, (uint8_t)BPF_OP(p->tinsn.code), p->cmp_opnd,
				 (pred_edge & 1) == 0);
}

/* Delete statement s of block b (shifting the rest down). */
static void delete_stmt(struct rc__opt_graph *c, struct rc__opt_block *b, uint32_t s)
{
	uint32_t at = b->first + s;
	memmove(&c->stmts[at], &c->stmts[at + 1], (b->n - s - 1) * sizeof c->stmts[0]);
	memmove(&c->fallible[at], &c->fallible[at + 1], b->n - s - 1);
	b->n--;
}

/* What holds on entry to reachable block i: the meet of its incoming edges. */
void rc__opt_entry_state(struct rc__opt_graph *c, size_t i, struct rc__opt_state *s)
{
	struct rc__opt_state tmp;
	uint32_t conflict = 0;

	c->work++;
	if (i == c->entry) {
		rc__opt_state_init(&c->vn, s);
		return;
	}
	edge_state(c, c->pred_of[c->pred_off[i]], s);
	for (uint32_t k = c->pred_off[i] + 1; k < c->pred_off[i + 1]; k++) {
		c->work++;
		edge_state(c, c->pred_of[k], &tmp);
		rc__opt_meet(s, &tmp, &conflict);
	}
	for (int reg = 0; reg < RC__NREG; reg++)
		if (conflict & (1u << reg))
			s->reg[reg] = rc__vn_phi(&c->vn, (uint32_t)i, reg);
}

static int forward(struct rc__opt_graph *c, int *changed)
{
	int r = analyze_edges(c);
	if (r < 0)
		return r;
	for (size_t i = c->entry; i < c->nb; i++) {
		struct rc__opt_block *b = &c->b[i];
		struct rc__opt_state *s = &b->exit;
		if (!b->reachable)
			continue;
		c->work += 1 + b->n;
		rc__opt_entry_state(c, i, s);
		for (uint32_t k = 0; k < b->n;) {
			rc_bpf_insn *in = &c->stmts[b->first + k];
			rc_bpf_insn before = *in;
			int fallible, def;
			int x = rc__opt_xfer(&c->vn, s, in, 1, &fallible, &def);
			if (memcmp(&before, in, sizeof before) != 0)
				*changed = 1;
			if (x == RC__XF_DELETE) {
				delete_stmt(c, b, k);
				*changed = 1;
				continue;
			}
			if (x == RC__XF_ALWAYS_FAILS) {
				/* the rest of the block never runs: return 0 here */
				b->n = k;
				b->term = RC__T_RET;
				b->tinsn = (rc_bpf_insn){BPF_RET | BPF_K, 0, 0, 0};
				*changed = 1;
				break;
			}
			c->fallible[b->first + k] = (uint8_t)fallible;
			k++;
		}
		if (b->term == RC__T_COND) {
			uint32_t kx;
			if (BPF_SRC(b->tinsn.code) == BPF_X &&
			    rc__vn_is_const(&c->vn, s->reg[RC__R_X], &kx)) {
				b->tinsn.code = (uint16_t)(BPF_JMP | BPF_OP(b->tinsn.code) | BPF_K);
				b->tinsn.k = kx;
				*changed = 1;
			}
			b->cmp_a = s->reg[RC__R_A];
			b->cmp_opnd = BPF_SRC(b->tinsn.code) == BPF_X ? s->reg[RC__R_X]
								    : rc__vn_const(&c->vn, b->tinsn.k);
			int out = rc__opt_eval(&c->vn, s, (uint8_t)BPF_OP(b->tinsn.code), b->cmp_a,
					       b->cmp_opnd);
			if (out >= 0) {
				b->term = RC__T_GOTO;
				b->succ[0] = b->succ[out ? 0 : 1];
				*changed = 1;
			}
		}
	}
	return c->vn.failed ? RC__OPT_VN_FAILED : 0;
}

/* ---- 2. jump threading ---- */

/*
 * Where does the edge with state st, entering block bi, really go?  The
 * block index T to jump to instead, or 0 if bi cannot be skipped.
 */
static uint32_t skip_target(struct rc__opt_graph *c, const struct rc__opt_state *st, uint32_t bi)
{
	const struct rc__opt_block *b = &c->b[bi];
	struct rc__opt_state sim = *st;
	uint32_t defs = 0, target;

	c->work += 1 + b->n;
	if (b->term == RC__T_RET)
		return 0;
	for (uint32_t k = 0; k < b->n; k++) {
		rc_bpf_insn in = c->stmts[b->first + k];
		int fallible, def;
		int x = rc__opt_xfer(&c->vn, &sim, &in, 0, &fallible, &def);
		if (x == RC__XF_ALWAYS_FAILS || fallible)
			return 0;
		defs |= rc__opt_def_mask(def);
	}
	if (b->term == RC__T_GOTO) {
		target = b->succ[0];
	} else {
		rc__vn a = sim.reg[RC__R_A];
		rc__vn o = BPF_SRC(b->tinsn.code) == BPF_X ? sim.reg[RC__R_X]
							   : rc__vn_const(&c->vn, b->tinsn.k);
		int out = rc__opt_eval(&c->vn, &sim, (uint8_t)BPF_OP(b->tinsn.code), a, o);
		if (out < 0)
			return 0;
		target = b->succ[out ? 0 : 1];
	}
	for (int r = 0; r < RC__NREG; r++)
		if ((defs & (1u << r)) && (c->b[target].live_in & (1u << r)) &&
		    sim.reg[r] != st->reg[r])
			return 0;
	return target;
}

static int thread(struct rc__opt_graph *c, int *changed)
{
	struct rc__opt_state st;
	rc__opt_liveness(c);
	/*
	 * Later blocks first: a retargeted edge of block i changes only the
	 * liveness of i and of blocks before it (every edge points forward).
	 * skip_target for block i reads live_in of blocks after i only, so
	 * liveness is brought up to date lazily, one block at a time, down to
	 * i + 1: blocks >= valid are current.  Each block is recomputed at most
	 * once per pass, keeping the pass linear (recomputing the whole graph
	 * after every move made it quadratic on large sets).
	 */
	size_t valid = c->nb;
	int dirty = 0;
	for (size_t i = c->nb; i-- > c->entry;) {
		struct rc__opt_block *p = &c->b[i];
		if (!p->reachable)
			continue;
		if (dirty)
			for (; valid > i + 1; valid--)
				liveness_block(c, valid - 1);
		for (int e = 0; e < rc__opt_nsucc(p); e++) {
			edge_state(c, (uint32_t)(i << 1 | (uint32_t)e), &st);
			for (uint32_t t; (t = skip_target(c, &st, p->succ[e])) != 0;) {
				p->succ[e] = t;
				*changed = 1;
				valid = i + 1;
				dirty = 1;
			}
		}
	}
	if (dirty)
		for (; valid > c->entry + 1; valid--)
			liveness_block(c, valid - 1);
	/* The entry itself can be skipped the same way. */
	rc__opt_state_init(&c->vn, &st);
	for (uint32_t t; (t = skip_target(c, &st, c->entry)) != 0;) {
		c->entry = t;
		*changed = 1;
	}
	return c->vn.failed ? RC__OPT_VN_FAILED : 0;
}

/* ---- 3./4. cleanup and dead code ---- */

/*
 * A block that falls into a successor with no other predecessor absorbs
 * it, so dead-code removal sees one straight line.  The statement array is
 * rebuilt in block order with the absorbed statements appended.
 */
static int coalesce(struct rc__opt_graph *c, int *changed)
{
	int r = analyze_edges(c);
	if (r < 0)
		return r;
	size_t total = 0;
	for (size_t i = 0; i < c->nb; i++)
		if (c->b[i].reachable)
			total += c->b[i].n;
	rc_bpf_insn *stmts = malloc((total + 1) * sizeof *stmts);
	uint8_t *fallible = malloc(total + 1);
	if (!stmts || !fallible) {
		free(stmts);
		free(fallible);
		return RC_ENOMEM;
	}
	size_t at = 0;
	c->work += c->nb + total;
	for (size_t i = 0; i < c->nb; i++) {
		struct rc__opt_block *b = &c->b[i];
		if (!b->reachable) {
			b->first = b->n = 0; /* its statements are not copied */
			continue;
		}
		uint32_t first = (uint32_t)at;
		memcpy(&stmts[at], &c->stmts[b->first], b->n * sizeof *stmts);
		memcpy(&fallible[at], &c->fallible[b->first], b->n);
		at += b->n;
		while (b->term == RC__T_GOTO) {
			struct rc__opt_block *s = &c->b[b->succ[0]];
			if (c->pred_off[b->succ[0] + 1] - c->pred_off[b->succ[0]] != 1)
				break;
			memcpy(&stmts[at], &c->stmts[s->first], s->n * sizeof *stmts);
			memcpy(&fallible[at], &c->fallible[s->first], s->n);
			at += s->n;
			b->term = s->term;
			b->tinsn = s->tinsn;
			b->succ[0] = s->succ[0];
			b->succ[1] = s->succ[1];
			s->reachable = 0;
			s->n = 0;
			*changed = 1;
		}
		b->first = first;
		b->n = (uint32_t)(at - first);
	}
	free(c->stmts);
	free(c->fallible);
	c->stmts = stmts;
	c->fallible = fallible;
	return analyze_edges(c);
}


static int is_ret0(const struct rc__opt_block *b)
{
	return b->term == RC__T_RET && b->tinsn.code == (BPF_RET | BPF_K) && b->tinsn.k == 0;
}

/*
 * Jumps with equal targets become gotos.  A block from which every path
 * ends in `ret #0` becomes `ret #0` itself: its statements can only fail,
 * and failing also returns 0.
 */
static void cleanup(struct rc__opt_graph *c, int *changed)
{
	c->work += c->nb;
	for (size_t i = c->nb; i-- > 0;) {
		struct rc__opt_block *b = &c->b[i];
		if (b->term == RC__T_COND && b->succ[0] == b->succ[1]) {
			b->term = RC__T_GOTO;
			*changed = 1;
		}
		if (is_ret0(b) || b->term == RC__T_RET)
			continue;
		int zero = 1;
		for (int e = 0; e < rc__opt_nsucc(b); e++)
			zero &= is_ret0(&c->b[b->succ[e]]);
		if (zero) {
			b->n = 0;
			b->term = RC__T_RET;
			b->tinsn = (rc_bpf_insn){BPF_RET | BPF_K, 0, 0, 0};
			*changed = 1;
		}
	}
}

/*
 * Peephole on a block's last statement and its `jeq #k`, when A is not read
 * after the jump:  and #m; jeq #0  ->  jset #m (targets swapped);
 * sub x; jeq #0 -> jeq x;  add/sub/xor #c; jeq #k -> jeq #(k -/+/^ c)
 * (each a bijection of A, so equality is kept).
 */
static int fold_compare(struct rc__opt_graph *c, struct rc__opt_block *b)
{
	if (b->term != RC__T_COND || b->n == 0 || b->tinsn.code != (BPF_JMP | BPF_JEQ | BPF_K) ||
	    (live_out(c, b) & (1u << RC__R_A)))
		return 0;
	rc_bpf_insn *st = &c->stmts[b->first + b->n - 1];
	uint32_t k = b->tinsn.k;
	switch (st->code) {
	case BPF_ALU | BPF_AND | BPF_K:
		if (k != 0)
			return 0;
		b->tinsn = (rc_bpf_insn){BPF_JMP | BPF_JSET | BPF_K, 0, 0, st->k};
		uint32_t t = b->succ[0];
		b->succ[0] = b->succ[1];
		b->succ[1] = t;
		break;
	case BPF_ALU | BPF_SUB | BPF_X:
		if (k != 0)
			return 0;
		b->tinsn = (rc_bpf_insn){BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 0};
		break;
	case BPF_ALU | BPF_ADD | BPF_K:
		b->tinsn.k = k - st->k;
		break;
	case BPF_ALU | BPF_SUB | BPF_K:
		b->tinsn.k = k + st->k;
		break;
	case BPF_ALU | BPF_XOR | BPF_K:
		b->tinsn.k = k ^ st->k;
		break;
	default:
		return 0;
	}
	b->n--;
	return 1;
}

/*
 * Statements s-4..s of b are  ld #c; ldxb 4*([k']&0xf); add x; tax; ld? [x + k]
 * (how a constant offset into a variable-length header is computed) and X
 * is not read afterwards: keep only  ldxb; ld? [x + k + c].  X is at most
 * 60 and c + k small, so no offset wraps and the same bytes are loaded.
 */
static int fold_indexed(struct rc__opt_graph *c, struct rc__opt_block *b, uint32_t s)
{
	if (s < 4)
		return 0;
	rc_bpf_insn *p = &c->stmts[b->first + s - 4];
	if (p[0].code != (BPF_LD | BPF_IMM) || p[1].code != (BPF_LDX | BPF_B | BPF_MSH) ||
	    p[2].code != (BPF_ALU | BPF_ADD | BPF_X) || p[3].code != (BPF_MISC | BPF_TAX) ||
	    BPF_CLASS(p[4].code) != BPF_LD || BPF_MODE(p[4].code) != BPF_IND ||
	    (uint64_t)p[0].k + p[4].k + 60 >= 0x80000000u)
		return 0;
	p[4].k += p[0].k;
	delete_stmt(c, b, s - 1);
	delete_stmt(c, b, s - 2);
	delete_stmt(c, b, s - 4);
	return 1;
}

/*
 * For an absolute packet load (or ldxb 4*([k]&0xf)) at a non-negative
 * offset: k + size, the caplen it needs.  0 for anything else.
 */
static uint64_t packet_load_end(const rc_bpf_insn *in)
{
	if (in->k >= 0x80000000u)
		return 0;
	switch (in->code) {
	case BPF_LD | BPF_W | BPF_ABS:
		return (uint64_t)in->k + 4;
	case BPF_LD | BPF_H | BPF_ABS:
		return (uint64_t)in->k + 2;
	case BPF_LD | BPF_B | BPF_ABS:
	case BPF_LDX | BPF_B | BPF_MSH:
		return (uint64_t)in->k + 1;
	default:
		return 0;
	}
}

static void dead_code(struct rc__opt_graph *c, int *changed)
{
	rc__opt_liveness(c);
	for (size_t i = c->entry; i < c->nb; i++) {
		struct rc__opt_block *b = &c->b[i];
		if (!b->reachable)
			continue;
		c->work += 1 + b->n;
		if (fold_compare(c, b))
			*changed = 1;
		uint32_t live = live_out(c, b) | term_uses(b);
		uint64_t later_end = 0; /* farthest end of a packet load kept below */
		for (uint32_t s = b->n; s-- > 0;) {
			const rc_bpf_insn *in = &c->stmts[b->first + s];
			int def = insn_def(in);
			uint64_t end = packet_load_end(in);
			/* A dead load that may fail is still redundant when a load
			 * further on in the block needs at least as many bytes: if
			 * this one fails, that one fails too (and the return is 0
			 * either way). */
			if (!(live & rc__opt_def_mask(def)) &&
			    (!c->fallible[b->first + s] || (end && end <= later_end))) {
				delete_stmt(c, b, s);
				*changed = 1;
				continue;
			}
			if (end > later_end)
				later_end = end;
			if (!(live & (1u << RC__R_X)) && fold_indexed(c, b, s)) {
				s -= 3; /* the load moved down to s - 3 */
				in = &c->stmts[b->first + s];
				*changed = 1;
			}
			live = (live & ~rc__opt_def_mask(def)) | rc__opt_uses(in);
		}
	}
}

/* ---- 5. merging identical blocks ---- */

static int same_block(const struct rc__opt_graph *c, const struct rc__opt_block *x,
		      const struct rc__opt_block *y)
{
	if (x->term != y->term || x->n != y->n)
		return 0;
	/* (tinsn.jt/jf are stale: the successors say where the jump goes) */
	if (x->term != RC__T_GOTO && (x->tinsn.code != y->tinsn.code || x->tinsn.k != y->tinsn.k))
		return 0;
	for (int e = 0; e < rc__opt_nsucc(x); e++)
		if (x->succ[e] != y->succ[e])
			return 0;
	return memcmp(&c->stmts[x->first], &c->stmts[y->first], x->n * sizeof c->stmts[0]) == 0;
}

/* Hash of what same_block compares. */
static uint32_t block_hash(const struct rc__opt_graph *c, const struct rc__opt_block *x)
{
	uint64_t h = 0xcbf29ce484222325ull ^ ((uint64_t)x->term << 32 | x->n);
	uint64_t parts[3] = {x->term != RC__T_GOTO ? ((uint64_t)x->tinsn.code << 32 | x->tinsn.k)
						    : 0,
			     rc__opt_nsucc(x) > 0 ? x->succ[0] : 0,
			     rc__opt_nsucc(x) > 1 ? x->succ[1] : 0};
	for (int i = 0; i < 3; i++)
		h = (h ^ parts[i]) * 0x100000001b3ull;
	for (uint32_t s = 0; s < x->n; s++) {
		const rc_bpf_insn *in = &c->stmts[x->first + s];
		h = (h ^ ((uint64_t)in->code << 32 | in->k)) * 0x100000001b3ull;
	}
	return (uint32_t)(h ^ h >> 32);
}

/*
 * Blocks are visited from the last one back; each small block that stays
 * canonical goes into a hash table, so an earlier identical block finds its
 * twin in O(1) instead of by comparing against every later block.  At most
 * one canonical block has a given content (an earlier twin would have been
 * merged into it), so the result is the same as the full comparison.
 */
static int merge(struct rc__opt_graph *c, int *changed)
{
	size_t nslots = 16;
	while (nslots < 2 * c->nb)
		nslots *= 2;
	uint32_t *canon = malloc(c->nb * sizeof *canon);
	uint32_t *slot = calloc(nslots, sizeof *slot); /* block index + 1, 0 = empty */
	if (!canon || !slot) {
		free(canon);
		free(slot);
		return RC_ENOMEM;
	}
	for (size_t i = c->nb; i-- > 0;) {
		struct rc__opt_block *b = &c->b[i];
		canon[i] = (uint32_t)i;
		c->work += 1 + b->n;
		if (!b->reachable)
			continue;
		for (int e = 0; e < rc__opt_nsucc(b); e++)
			b->succ[e] = canon[b->succ[e]];
		/* Only small blocks are merged. */
		if (b->n + (b->term == RC__T_GOTO) > 8)
			continue;
		size_t h = block_hash(c, b) & (nslots - 1);
		for (; slot[h]; h = (h + 1) & (nslots - 1), c->work++)
			if (same_block(c, b, &c->b[slot[h] - 1]))
				break;
		if (slot[h]) {
			canon[i] = slot[h] - 1;
			*changed = 1;
		} else {
			slot[h] = (uint32_t)i + 1;
		}
	}
	c->entry = canon[c->entry];
	free(canon);
	free(slot);
	return 0;
}

static void ctx_free(struct rc__opt_graph *c)
{
	free(c->b);
	free(c->stmts);
	free(c->fallible);
	free(c->pred_off);
	free(c->pred_of);
	rc__vn_free(&c->vn);
}

int rc_bpf_optimize(rc_bpf_prog *prog)
{
	return rc__bpf_optimize_counted(prog, RC_BPF_MAXINSNS, NULL);
}

int rc__bpf_optimize_counted(rc_bpf_prog *prog, size_t max_len, uint64_t *work)
{
	struct rc__opt_graph c;
	rc_bpf_insn *out = NULL;
	int r;

	if (!prog || rc_bpf_validate_len(prog->insns, prog->len, max_len, NULL) < 0)
		return RC_EINVAL;
	memset(&c, 0, sizeof c);
	r = rc__vn_init(&c.vn);
	if (r < 0)
		return r;
	r = build(&c, prog->insns, prog->len);
	for (int round = 0; r == 0 && round < MAX_ROUNDS; round++) {
		int changed = 0;
		r = forward(&c, &changed);
		if (r == 0)
			r = thread(&c, &changed);
		if (r == 0) {
			cleanup(&c, &changed);
			r = coalesce(&c, &changed);
		}
		if (r == 0)
			r = forward(&c, &changed);
		if (r == 0)
			r = rc__opt_reorder_chains(&c, &changed);
		if (r == 0)
			dead_code(&c, &changed);
		if (r == 0)
			r = analyze_edges(&c);
		if (r == 0)
			r = merge(&c, &changed);
		if (r == 0)
			r = analyze_edges(&c);
		if (!changed)
			break;
	}
	if (r == 0 && c.vn.failed)
		r = RC__OPT_VN_FAILED;
	if (r != 0) {
		/* the program stays as it was; only a failed allocation is an error */
		r = r < 0 || c.vn.failed == RC__VN_NOMEM ? RC_ENOMEM : 0;
		goto done;
	}
	out = malloc(prog->len * sizeof *out);
	if (!out) {
		r = RC_ENOMEM;
		goto done;
	}
	long n = rc__opt_layout(&c, out, prog->len);
	/* Never longer, always valid; otherwise the input stands. */
	if (n > 0 && (size_t)n <= prog->len &&
	    rc_bpf_validate_len(out, (size_t)n, max_len, NULL) == 0) {
		memcpy(prog->insns, out, (size_t)n * sizeof *out);
		prog->len = (size_t)n;
	}
done:
	if (work)
		*work += c.work;
	free(out);
	ctx_free(&c);
	return r;
}

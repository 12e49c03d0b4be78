/*
 * cfg.c - basic blocks, backpatching and layout (see cfg.h).
 *
 * Layout: blocks are ordered by reverse post-order of a depth-first walk
 * from the entry, which puts every block after all its predecessors (the
 * graph is acyclic), so every jump is forward as classic BPF requires.
 * A block occupies nstmts + 1 + ntramp slots:
 *
 *   stmts... | jcode jt/jf | [ja -> far jt] [ja -> far jf]
 *
 * A conditional jump carries 8-bit offsets; when a target is more than 255
 * instructions ahead the jump goes to a trampoline "ja" (32-bit offset)
 * behind its own block or behind a later block within reach, so the many
 * far jumps of a search tree to "accept" share a few trampolines.  Blocks
 * are visited from the end so later trampolines exist before earlier
 * blocks look for one.  Adding trampolines moves code, so layout repeats
 * until nothing is added (each round only adds, at most two per block, so
 * it terminates).
 */
#include "filter/cfg.h"

#include <linux/filter.h>
#include <stdlib.h>
#include <string.h>

static int charge(rc__cfg *g, uint32_t n)
{
	if (g->failed)
		return -1;
	g->ninsns += n;
	if (g->ninsns > g->max_insns) {
		g->failed = RC__CFG_LIMIT;
		return -1;
	}
	return 0;
}

rc__blk *rc__cfg_blk(rc__cfg *g)
{
	if (charge(g, 1) < 0)
		return NULL;
	rc__blk *b = rc__arena_alloc(g->arena, sizeof(*b));
	if (!b)
		g->failed = RC__CFG_NOMEM;
	return b;
}

void rc__cfg_stmt(rc__cfg *g, rc__blk *b, uint16_t code, uint32_t k)
{
	if (!b || charge(g, 1) < 0)
		return;
	if (b->nstmts == b->cap) {
		uint32_t cap = b->cap ? b->cap * 2 : 4;
		rc_bpf_insn *s = rc__arena_calloc(g->arena, cap, sizeof(*s));
		if (!s) {
			g->failed = RC__CFG_NOMEM;
			return;
		}
		if (b->nstmts)
			memcpy(s, b->stmts, b->nstmts * sizeof(*s));
		b->stmts = s;
		b->cap = cap;
	}
	b->stmts[b->nstmts++] = (rc_bpf_insn){.code = code, .k = k};
}

rc__elist rc__cfg_edge(rc__cfg *g, rc__blk *b, int sense)
{
	rc__elist l = {NULL, NULL};
	if (!b)
		return l;
	rc__edge *e = rc__arena_alloc(g->arena, sizeof(*e));
	if (!e) {
		g->failed = RC__CFG_NOMEM;
		return l;
	}
	e->b = b;
	e->sense = (uint8_t)sense;
	l.head = l.tail = e;
	return l;
}

rc__frag rc__cfg_jump(rc__cfg *g, rc__blk *b, uint16_t jcode, uint32_t k)
{
	rc__frag f = {0};
	if (!b)
		return f;
	b->jcode = jcode;
	b->k = k;
	f.head = b;
	f.t = rc__cfg_edge(g, b, 1);
	f.f = rc__cfg_edge(g, b, 0);
	return f;
}

rc__frag rc__cfg_const(rc__cfg *g, int value)
{
	rc__frag f = {0};
	rc__blk *b = rc__cfg_blk(g);
	if (!b)
		return f;
	b->is_const = 1;
	b->k = value != 0;
	f.head = b;
	if (value)
		f.t = rc__cfg_edge(g, b, 1);
	else
		f.f = rc__cfg_edge(g, b, 0);
	return f;
}

rc__elist rc__cfg_cat(rc__elist a, rc__elist b)
{
	if (!a.head)
		return b;
	if (!b.head)
		return a;
	a.tail->next = b.head;
	a.tail = b.tail;
	return a;
}

void rc__cfg_patch(rc__elist l, rc__blk *target)
{
	for (rc__edge *e = l.head; e; e = e->next) {
		if (e->sense)
			e->b->jt = target;
		else
			e->b->jf = target;
		if (e == l.tail)
			break;
	}
}

rc__frag rc__cfg_and(rc__frag a, rc__frag b)
{
	rc__frag r = {0};
	if (!a.head || !b.head)
		return r;
	rc__cfg_patch(a.t, b.head);
	r.head = a.head;
	r.t = b.t;
	r.f = rc__cfg_cat(a.f, b.f);
	return r;
}

rc__frag rc__cfg_or(rc__frag a, rc__frag b)
{
	rc__frag r = {0};
	if (!a.head || !b.head)
		return r;
	rc__cfg_patch(a.f, b.head);
	r.head = a.head;
	r.t = rc__cfg_cat(a.t, b.t);
	r.f = b.f;
	return r;
}

rc__frag rc__cfg_not(rc__frag a)
{
	rc__elist t = a.t;
	a.t = a.f;
	a.f = t;
	return a;
}

/* Follow constant blocks to the first real one. */
static rc__blk *fwd(rc__blk *b)
{
	while (b && b->is_const)
		b = b->k ? b->jt : b->jf;
	return b;
}

/*
 * Jump threading on packet facts.  A "pure test" block is one absolute load
 * (optionally "and #mask") followed by a jump on a constant; its outcome is
 * a fact about packet bytes, and packet bytes never change while the
 * program runs.  Facts flow along edges (the set reaching a block is the
 * intersection over its incoming edges, computed in topological order);
 * an edge into a pure test whose outcome the edge's facts already decide is
 * redirected to the matching successor, e.g. the second "ethertype ==
 * 0x800" test behind a first one, or "ip[9] == 17" behind "ip[9] == 50".
 * Skipping the block also skips its load, so the new target must not read
 * A before writing it: a set's search tree loads its field once, in its
 * first block, and the blocks below test the A it left (cfg.h), so a hop
 * from that first block into the tree would test whatever the edge's
 * source had in A.  So an edge moves only to a target that does not read
 * A on entry (reads_a), or to one that reads the skipped load when the
 * edge's source is a pure test of the same field (A then holds that value
 * already).  Hops go on through such tree blocks while the facts decide
 * them, e.g. past a whole search tree whose first test is decided.
 */
#define RC__NFACTS 16

typedef struct rc__fact {
	uint16_t lcode, jop;
	uint8_t sense;
	uint32_t lk, mask, k;
} rc__fact;

typedef struct rc__facts {
	uint32_t n;
	uint8_t seen;
	rc__fact f[RC__NFACTS];
} rc__facts;

static int pure_test(const rc__blk *b, rc__fact *f)
{
	if (b->jcode == (BPF_RET | BPF_K) || BPF_SRC(b->jcode) != BPF_K ||
	    BPF_OP(b->jcode) == BPF_JA)
		return 0;
	if (b->nstmts < 1 || b->nstmts > 2 || BPF_CLASS(b->stmts[0].code) != BPF_LD ||
	    BPF_MODE(b->stmts[0].code) != BPF_ABS || b->stmts[0].k >= 0xfffff000u)
		return 0;
	f->mask = 0xffffffffu;
	if (b->nstmts == 2) {
		if (b->stmts[1].code != (BPF_ALU | BPF_AND | BPF_K))
			return 0;
		f->mask = b->stmts[1].k;
	}
	f->lcode = b->stmts[0].code;
	f->lk = b->stmts[0].k;
	f->jop = BPF_OP(b->jcode);
	f->k = b->k;
	return 1;
}

/* 1 if b may use the A it was entered with (b is never a constant here:
 * edges into constants were forwarded before threading). */
static int reads_a(const rc__blk *b)
{
	for (uint32_t i = 0; i < b->nstmts; i++) {
		uint16_t c = b->stmts[i].code;
		switch (BPF_CLASS(c)) {
		case BPF_LD:
			return 0;
		case BPF_LDX:
		case BPF_STX:
			continue;
		case BPF_MISC:
			if (BPF_MISCOP(c) == BPF_TXA)
				return 0;
			return 1;
		default:             /* ALU, ST */
			return 1;
		}
	}
	/* the generators' only return is "ret #k" */
	return b->jcode != (BPF_RET | BPF_K) && BPF_OP(b->jcode) != BPF_JA;
}

/* A jump on A against a constant, with no statements: a block inside a
 * set's tree, testing the value its first block loaded. */
static int bare_test(const rc__blk *b)
{
	return b->nstmts == 0 && b->jcode != (BPF_RET | BPF_K) &&
	       BPF_SRC(b->jcode) == BPF_K && BPF_OP(b->jcode) != BPF_JA;
}

static int same_load(const rc__fact *a, const rc__fact *b)
{
	return a->lcode == b->lcode && a->lk == b->lk && a->mask == b->mask;
}

static int eval_op(uint16_t op, uint32_t v, uint32_t k)
{
	switch (op) {
	case BPF_JEQ: return v == k;
	case BPF_JGT: return v > k;
	case BPF_JGE: return v >= k;
	default: return (v & k) != 0;
	}
}

/* 1/0 if fact f decides test t (same field), -1 if not. */
static int decide(const rc__fact *f, const rc__fact *t)
{
	if (f->lcode != t->lcode || f->lk != t->lk || f->mask != t->mask)
		return -1;
	uint32_t lo = 0, hi = 0xffffffffu;
	switch (f->jop) {
	case BPF_JEQ:
		if (f->sense)
			return eval_op(t->jop, f->k, t->k);
		return (t->jop == BPF_JEQ && t->k == f->k) ? 0 : -1;
	case BPF_JSET:
		if (t->jop != BPF_JSET)
			return -1;
		if (f->sense && (f->k & ~t->k) == 0 && f->k)
			return 1;
		if (!f->sense && (t->k & ~f->k) == 0)
			return 0;
		return -1;
	case BPF_JGT:
		if (f->sense) {
			if (f->k == 0xffffffffu)
				return -1;
			lo = f->k + 1;
		} else {
			hi = f->k;
		}
		break;
	case BPF_JGE:
		if (f->sense) {
			lo = f->k;
		} else {
			if (f->k == 0)
				return -1;
			hi = f->k - 1;
		}
		break;
	default:
		return -1;
	}
	switch (t->jop) {
	case BPF_JEQ:
		if (t->k < lo || t->k > hi)
			return 0;
		return lo == hi ? 1 : -1;
	case BPF_JGT:
		return lo > t->k ? 1 : hi <= t->k ? 0 : -1;
	case BPF_JGE:
		return lo >= t->k ? 1 : hi < t->k ? 0 : -1;
	default:
		return lo == hi ? eval_op(BPF_JSET, lo, t->k) : -1;
	}
}

static int facts_decide(const rc__facts *fs, const rc__fact *t)
{
	for (uint32_t i = 0; i < fs->n; i++) {
		int d = decide(&fs->f[i], t);
		if (d >= 0)
			return d;
	}
	return -1;
}

/* Facts on edge (b, sense): b's incoming facts plus b's own outcome. */
static void edge_facts(const rc__blk *b, const rc__facts *in, int sense, rc__facts *out)
{
	*out = *in;
	rc__fact f;
	if (!pure_test(b, &f))
		return;
	f.sense = (uint8_t)sense;
	if (out->n == RC__NFACTS) {   /* forget the oldest: fewer facts is always safe */
		memmove(out->f, out->f + 1, (RC__NFACTS - 1) * sizeof(f));
		out->n--;
	}
	out->f[out->n++] = f;
}

/* Field by field: memcmp would also compare the padding after sense,
 * which is never written, and make the result vary from run to run. */
static int same_fact(const rc__fact *a, const rc__fact *b)
{
	return a->lcode == b->lcode && a->jop == b->jop && a->sense == b->sense &&
	       a->lk == b->lk && a->mask == b->mask && a->k == b->k;
}

static void meet(rc__facts *dst, const rc__facts *e)
{
	if (!dst->seen) {
		*dst = *e;
		dst->seen = 1;
		return;
	}
	uint32_t n = 0;
	for (uint32_t i = 0; i < dst->n; i++)
		for (uint32_t j = 0; j < e->n; j++)
			if (same_fact(&dst->f[i], &e->f[j])) {
				dst->f[n++] = dst->f[i];
				break;
			}
	dst->n = n;
}

/* One round over blocks in topological order; 1 if an edge moved. */
static int thread_round(rc__blk **vec, size_t nb, rc__facts *fs, uint64_t *work)
{
	int changed = 0;
	*work += nb;
	for (size_t i = 0; i < nb; i++) {
		vec[i]->pos = (uint32_t)i;
		memset(&fs[i], 0, sizeof(fs[i]));
	}
	fs[0].seen = 1;
	for (size_t i = 0; i < nb; i++) {
		rc__blk *b = vec[i];
		if (b->jcode == (BPF_RET | BPF_K))
			continue;
		for (int sense = 1; sense >= 0; sense--) {
			rc__facts e;
			edge_facts(b, &fs[i], sense, &e);
			rc__blk *t = sense ? b->jt : b->jf, *to = t;
			rc__fact bf, ld;
			int b_pure = pure_test(b, &bf), have_ld = 0;
			for (int hops = 0; hops < 64; hops++, (*work)++) {
				rc__fact tf;
				if (pure_test(t, &tf)) {
					ld = tf;
					have_ld = 1;
				} else if (have_ld && bare_test(t)) {
					tf = ld;   /* tests the skipped load's value */
					tf.jop = BPF_OP(t->jcode);
					tf.k = t->k;
				} else {
					break;
				}
				int d = facts_decide(&e, &tf);
				if (d < 0)
					break;
				t = d ? t->jt : t->jf;
				if (!reads_a(t) || (b_pure && same_load(&bf, &ld))) {
					to = t;
					changed = 1;
				}
			}
			t = to;
			if (sense)
				b->jt = t;
			else
				b->jf = t;
			if (t->pos > i && t->pos < nb && vec[t->pos] == t)
				meet(&fs[t->pos], &e);
		}
	}
	return changed;
}

/*
 * Trampolines are found without searching: blocks are visited from the
 * last one back, and each visited block registers its trampolines in their
 * target (near_pos), so a target always knows its nearest trampoline at or
 * after the current block.  A far jump uses it if it is within 255, else
 * gets a trampoline of its own.  (Scanning the next 256 instructions per
 * far jump made layout cost O(n * 256).)
 */
static void note_tramps(rc__blk *b, uint32_t pass)
{
	for (uint32_t k = b->ntramp; k-- > 0;) {
		b->tramp[k]->near_gen = pass;
		b->tramp[k]->near_pos = b->pos + b->nstmts + 1 + k;
	}
}

/* Position of a trampoline to t reachable from the jump at jpos, or 0. */
static uint32_t near_tramp(const rc__blk *t, uint32_t jpos, uint32_t pass)
{
	if (t->near_gen != pass || t->near_pos <= jpos || t->near_pos - jpos - 1 > 255)
		return 0;
	return t->near_pos;
}

/*
 * One pass over the blocks from the end: far edges without a trampoline in
 * reach get one (add != 0; returns 1 if any was added), and every far edge
 * records the trampoline it jumps to in tramp_pos.
 */
static int place_tramps(rc__blk **vec, size_t nb, uint32_t pass, int add, uint64_t *work)
{
	int changed = 0;
	*work += nb;
	for (size_t i = nb; i-- > 0;) {
		rc__blk *b = vec[i];
		note_tramps(b, pass);
		if (b->jcode == (BPF_RET | BPF_K))
			continue;
		uint32_t jpos = b->pos + b->nstmts;
		rc__blk *tg[2] = {b->jt, b->jf};
		for (int e = 0; e < 2; e++) {
			b->tramp_pos[e] = 0;
			if (tg[e]->pos - jpos - 1 <= 255)
				continue;
			b->tramp_pos[e] = near_tramp(tg[e], jpos, pass);
			if (b->tramp_pos[e] || !add)
				continue;
			b->tramp[b->ntramp++] = tg[e];
			note_tramps(b, pass);
			b->tramp_pos[e] = near_tramp(tg[e], jpos, pass);
			changed = 1;
		}
	}
	return changed;
}

/*
 * Reverse post-order of the blocks reachable from entry (iterative DFS);
 * blocks visited in this walk get mark == gen.  Edges into constant blocks
 * are forwarded on the way.
 */
static int topo(rc__blk *entry, rc__blk *rej, uint32_t gen, rc__blk **order_out, size_t *n_out)
{
	size_t cap = 64, sp = 0, n = 0;
	rc__blk **stack = malloc(cap * sizeof(*stack));
	if (!stack)
		return -1;
	rc__blk *order = NULL;
	entry->mark = gen;
	stack[sp++] = entry;
	while (sp) {
		rc__blk *b = stack[sp - 1];
		rc__blk *next = NULL;
		if (b->jcode != (BPF_RET | BPF_K)) {
			b->jt = fwd(b->jt);
			b->jf = fwd(b->jf);
			if (!b->jt)     /* an exit left unpatched would be a bug: reject */
				b->jt = rej;
			if (!b->jf)
				b->jf = rej;
			if (b->jt->mark != gen)
				next = b->jt;
			else if (b->jf->mark != gen)
				next = b->jf;
		}
		if (next) {
			if (sp == cap) {
				rc__blk **s = realloc(stack, cap * 2 * sizeof(*stack));
				if (!s) {
					free(stack);
					return -1;
				}
				stack = s;
				cap *= 2;
			}
			next->mark = gen;
			stack[sp++] = next;
			continue;
		}
		b->next_order = order;
		order = b;
		n++;
		sp--;
	}
	free(stack);
	*order_out = order;
	*n_out = n;
	return 0;
}

int rc__cfg_emit(rc__cfg *g, rc__frag f, uint32_t accept_k, size_t max_len,
		 rc_bpf_insn **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	rc__blk *acc = rc__cfg_blk(g), *rej = rc__cfg_blk(g);
	if (g->failed || !f.head)
		return g->failed == RC__CFG_LIMIT ? RC_ELIMIT : RC_ENOMEM;
	acc->jcode = BPF_RET | BPF_K;
	acc->k = accept_k;
	rej->jcode = BPF_RET | BPF_K;
	rej->k = 0;
	rc__cfg_patch(f.t, acc);
	rc__cfg_patch(f.f, rej);
	rc__blk *entry = fwd(f.head);
	if (!entry)
		return RC_ENOMEM;

	rc__blk *order = NULL;
	size_t nblocks = 0;
	uint32_t gen = 1;
	if (topo(entry, rej, gen, &order, &nblocks) < 0)
		return RC_ENOMEM;
	g->work += nblocks;
	/* jump threading (bounded rounds; graphs of huge sets are left alone) */
	if (nblocks <= 20000) {
		rc__blk **tv = malloc(nblocks * sizeof(*tv));
		rc__facts *fs = malloc(nblocks * sizeof(*fs));
		int changed = tv && fs;
		for (int round = 0; changed && round < 8; round++) {
			size_t n = 0;
			for (rc__blk *b = order; b; b = b->next_order)
				tv[n++] = b;
			changed = thread_round(tv, n, fs, &g->work);
			g->work += nblocks;
			if (changed && topo(entry, rej, ++gen, &order, &nblocks) < 0) {
				free(tv);
				free(fs);
				return RC_ENOMEM;
			}
		}
		free(tv);
		free(fs);
	}

	/* Layout with trampolines until stable. */
	rc__blk **vec = malloc((nblocks ? nblocks : 1) * sizeof(*vec));
	if (!vec)
		return RC_ENOMEM;
	size_t nb = 0;
	for (rc__blk *b = order; b; b = b->next_order)
		vec[nb++] = b;
	size_t total = 0;
	for (int changed = 1; changed;) {
		uint64_t pos = 0;
		g->work += nb;
		for (size_t i = 0; i < nb; i++) {
			vec[i]->pos = (uint32_t)pos;
			pos += vec[i]->nstmts + 1 + vec[i]->ntramp;
		}
		total = (size_t)pos;
		if (pos > max_len) {   /* trampolines only add: it cannot fit */
			free(vec);
			return RC_ELIMIT;
		}
		changed = place_tramps(vec, nb, ++gen, 1, &g->work);
	}
	/* positions are final: record which trampoline each far edge uses */
	place_tramps(vec, nb, ++gen, 0, &g->work);
	free(vec);
	if (total > max_len)
		return RC_ELIMIT;
	rc_bpf_insn *p = calloc(total ? total : 1, sizeof(*p));
	if (!p)
		return RC_ENOMEM;
	for (rc__blk *b = order; b; b = b->next_order) {
		uint32_t i = b->pos;
		if (b->nstmts)
			memcpy(&p[i], b->stmts, b->nstmts * sizeof(*p));
		i += b->nstmts;
		rc_bpf_insn *j = &p[i];
		j->code = b->jcode;
		j->k = b->k;
		for (uint32_t t = 0; t < b->ntramp; t++)
			p[i + 1 + t] = (rc_bpf_insn){.code = BPF_JMP | BPF_JA,
						     .k = b->tramp[t]->pos - (i + 1 + t) - 1};
		if (b->jcode == (BPF_RET | BPF_K))
			continue;
		uint32_t dt = b->jt->pos - i - 1, df = b->jf->pos - i - 1;
		if (dt > 255)
			dt = b->tramp_pos[0] - i - 1;
		if (df > 255)
			df = b->tramp_pos[1] - i - 1;
		j->jt = (uint8_t)dt;
		j->jf = (uint8_t)df;
	}
	*out = p;
	*len = total;
	return 0;
}

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
		g->failed = -1;   /* RC_ELIMIT, mapped by the caller */
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
		g->failed = -2;
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
			g->failed = -2;
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
		g->failed = -2;
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

/* Position of a trampoline to t reachable from the jump at jpos, or 0. */
static uint32_t find_tramp(rc__blk *b, uint32_t jpos, const rc__blk *t)
{
	for (rc__blk *x = b; x && x->pos <= jpos + 256; x = x->next_order)
		for (uint32_t k = 0; k < x->ntramp; k++) {
			uint32_t tp = x->pos + x->nstmts + 1 + k;
			if (x->tramp[k] == t && tp > jpos && tp - jpos - 1 <= 255)
				return tp;
		}
	return 0;
}

int rc__cfg_emit(rc__cfg *g, rc__frag f, uint32_t accept_k, size_t max_len,
		 rc_bpf_insn **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	rc__blk *acc = rc__cfg_blk(g), *rej = rc__cfg_blk(g);
	if (g->failed || !f.head)
		return g->failed == -1 ? RC_ELIMIT : RC_ENOMEM;
	acc->jcode = BPF_RET | BPF_K;
	acc->k = accept_k;
	rej->jcode = BPF_RET | BPF_K;
	rej->k = 0;
	rc__cfg_patch(f.t, acc);
	rc__cfg_patch(f.f, rej);
	rc__blk *entry = fwd(f.head);
	if (!entry)
		return RC_ENOMEM;

	/* Iterative DFS; post-order is pushed on a list, giving reverse post-order. */
	size_t cap = 64, sp = 0;
	rc__blk **stack = malloc(cap * sizeof(*stack));
	if (!stack)
		return RC_ENOMEM;
	rc__blk *order = NULL;
	size_t nblocks = 0;
	entry->mark = 1;
	stack[sp++] = entry;
	while (sp) {
		rc__blk *b = stack[sp - 1];
		if (b->jcode != (BPF_RET | BPF_K)) {
			b->jt = fwd(b->jt);
			b->jf = fwd(b->jf);
			if (!b->jt)     /* an exit left unpatched would be a bug: reject */
				b->jt = rej;
			if (!b->jf)
				b->jf = rej;
		}
		rc__blk *next = NULL;
		if (b->jcode != (BPF_RET | BPF_K)) {
			if (b->jt && b->jt->mark == 0)
				next = b->jt;
			else if (b->jf && b->jf->mark == 0)
				next = b->jf;
		}
		if (next) {
			if (sp == cap) {
				rc__blk **s = realloc(stack, cap * 2 * sizeof(*stack));
				if (!s) {
					free(stack);
					return RC_ENOMEM;
				}
				stack = s;
				cap *= 2;
			}
			next->mark = 1;
			stack[sp++] = next;
			continue;
		}
		b->mark = 2;
		b->next_order = order;
		order = b;
		nblocks++;
		sp--;
	}
	free(stack);

	/* Layout with trampolines until stable. */
	rc__blk **vec = malloc((nblocks ? nblocks : 1) * sizeof(*vec));
	if (!vec)
		return RC_ENOMEM;
	size_t nb = 0;
	for (rc__blk *b = order; b; b = b->next_order)
		vec[nb++] = b;
	size_t total = 0;
	for (int changed = 1; changed;) {
		changed = 0;
		uint64_t pos = 0;
		for (size_t i = 0; i < nb; i++) {
			vec[i]->pos = (uint32_t)pos;
			pos += vec[i]->nstmts + 1 + vec[i]->ntramp;
		}
		total = (size_t)pos;
		if (pos > max_len) {   /* trampolines only add: it cannot fit */
			free(vec);
			return RC_ELIMIT;
		}
		for (size_t i = nb; i-- > 0;) {
			rc__blk *b = vec[i];
			if (b->jcode == (BPF_RET | BPF_K))
				continue;
			uint32_t jpos = b->pos + b->nstmts;
			rc__blk *tg[2] = {b->jt, b->jf};
			for (int e = 0; e < 2; e++) {
				if (tg[e]->pos - jpos - 1 <= 255 || find_tramp(b, jpos, tg[e]))
					continue;
				b->tramp[b->ntramp++] = tg[e];
				changed = 1;
			}
		}
	}
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
			dt = find_tramp(b, i, b->jt) - i - 1;
		if (df > 255)
			df = find_tramp(b, i, b->jf) - i - 1;
		j->jt = (uint8_t)dt;
		j->jf = (uint8_t)df;
	}
	*out = p;
	*len = total;
	return 0;
}

/*
 * optimize_vn.c - value numbering, branch facts and the transfer function
 * of the classic BPF optimizer (see optimize.h for the ideas).
 *
 * Every rewrite here must mean the same on every packet for *both* engines
 * a program may run on: ringcap's VM / libpcap's bpf_filter, and the Linux
 * kernel.  Where they differ, nothing is folded:
 *   - shift by X >= 32: libpcap gives 0, the kernel masks the count, so a
 *     shift by a constant X >= 32 stays as it is;
 *   - negative offsets (k >= 0x80000000): the kernel reads link-layer or
 *     network-relative data there, so such loads never teach a caplen bound
 *     and an indexed load only becomes absolute when X + k < 0x80000000;
 *   - ancillary loads never fail, have no packet bound, and the width is
 *     ignored (as in the kernel); `random` is a fresh value every time and
 *     nlattr/nlattr_nest depend on A and X.
 */
#include "filter/optimize.h"

#include <stdlib.h>
#include <string.h>

enum vn_kind {
	VN_CONST = 1, /* k */
	VN_ABS,       /* packet bytes [k, k+size) */
	VN_IND,       /* packet bytes [a + k, ...), a = X's value */
	VN_MSH,       /* 4*(pkt[k]&0xf) */
	VN_LEN,       /* wire length */
	VN_ANC,       /* ancillary k (pure) */
	VN_ANCF,      /* ancillary k as a function of a = A, b = X */
	VN_ALU,       /* a op b */
	VN_NEG,       /* -a */
	VN_OPAQUE,    /* unique (each `random` load) */
	VN_PHI,       /* register `size` on entry to block k, where paths disagree */
	VN_UNINIT,    /* M[size] before any store */
};

/* The table stops growing here; optimization then gives up (unchanged program). */
#define VN_LIMIT (1u << 22)

int rc__vn_init(struct rc__vn_table *t)
{
	memset(t, 0, sizeof *t);
	t->cap = 1024;
	t->e = calloc(t->cap, sizeof *t->e);
	t->nslots = 2048;
	t->slots = calloc(t->nslots, sizeof *t->slots);
	t->n = 1;
	if (!t->e || !t->slots) {
		rc__vn_free(t);
		return RC_ENOMEM;
	}
	return 0;
}

void rc__vn_free(struct rc__vn_table *t)
{
	free(t->e);
	free(t->slots);
	t->e = NULL;
	t->slots = NULL;
	t->n = t->cap = t->nslots = 0;
}

static uint32_t entry_hash(const struct rc__vn_entry *x)
{
	uint64_t h = 0xcbf29ce484222325ull;
	uint64_t parts[4] = {((uint64_t)x->kind << 24) | ((uint64_t)x->op << 16) | x->size, x->k,
			     x->a, x->b};
	for (int i = 0; i < 4; i++) {
		h ^= parts[i];
		h *= 0x100000001b3ull;
		h ^= h >> 29;
	}
	return (uint32_t)h;
}

static int entry_eq(const struct rc__vn_entry *x, const struct rc__vn_entry *y)
{
	return x->kind == y->kind && x->op == y->op && x->size == y->size && x->k == y->k &&
	       x->a == y->a && x->b == y->b;
}

/* Append without hashing; 0 on failure (t->failed set). */
static rc__vn append(struct rc__vn_table *t, const struct rc__vn_entry *x)
{
	if (t->failed)
		return 0;
	if (t->n >= VN_LIMIT) {
		t->failed = RC__VN_TOO_MANY;
		return 0;
	}
	if (t->n == t->cap) {
		struct rc__vn_entry *e = realloc(t->e, 2 * t->cap * sizeof *e);
		if (!e) {
			t->failed = RC__VN_NOMEM;
			return 0;
		}
		t->e = e;
		t->cap *= 2;
	}
	t->e[t->n] = *x;
	return (rc__vn)t->n++;
}

static int rehash(struct rc__vn_table *t)
{
	size_t ns = t->nslots * 2;
	uint32_t *slots = calloc(ns, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t v = 1; v < t->n; v++) {
		if (t->e[v].kind == VN_OPAQUE)
			continue;
		size_t i = entry_hash(&t->e[v]) & (ns - 1);
		while (slots[i])
			i = (i + 1) & (ns - 1);
		slots[i] = (uint32_t)v;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
	return 0;
}

/* The VN of x, created if new. */
static rc__vn intern(struct rc__vn_table *t, const struct rc__vn_entry *x)
{
	if (t->failed)
		return 0;
	if (2 * (t->n + 1) >= t->nslots && rehash(t) < 0) {
		t->failed = RC__VN_NOMEM;
		return 0;
	}
	size_t i = entry_hash(x) & (t->nslots - 1);
	while (t->slots[i]) {
		if (entry_eq(&t->e[t->slots[i]], x))
			return t->slots[i];
		i = (i + 1) & (t->nslots - 1);
	}
	rc__vn v = append(t, x);
	if (v)
		t->slots[i] = v;
	return v;
}

static rc__vn mk(struct rc__vn_table *t, uint8_t kind, uint8_t op, uint16_t size, uint32_t k,
		 rc__vn a, rc__vn b)
{
	struct rc__vn_entry x = {kind, op, size, k, a, b};
	return intern(t, &x);
}

rc__vn rc__vn_opaque(struct rc__vn_table *t)
{
	struct rc__vn_entry x = {VN_OPAQUE, 0, 0, (uint32_t)t->n, 0, 0};
	return append(t, &x);
}

rc__vn rc__vn_phi(struct rc__vn_table *t, uint32_t block, int reg)
{
	return mk(t, VN_PHI, 0, (uint16_t)reg, block, 0, 0);
}

rc__vn rc__vn_const(struct rc__vn_table *t, uint32_t k)
{
	return mk(t, VN_CONST, 0, 0, k, 0, 0);
}

int rc__vn_is_const(const struct rc__vn_table *t, rc__vn v, uint32_t *k)
{
	if (v == 0 || v >= t->n || t->e[v].kind != VN_CONST)
		return 0;
	*k = t->e[v].k;
	return 1;
}

/* a op b on constants, or 0 with *ok = 0 where it must not be folded. */
static uint32_t fold(uint8_t op, uint32_t a, uint32_t b, int *ok)
{
	*ok = 1;
	switch (op) {
	case BPF_ADD: return a + b;
	case BPF_SUB: return a - b;
	case BPF_MUL: return a * b;
	case BPF_AND: return a & b;
	case BPF_OR: return a | b;
	case BPF_XOR: return a ^ b;
	case BPF_DIV:
		if (b)
			return a / b;
		break;
	case BPF_MOD:
		if (b)
			return a % b;
		break;
	case BPF_LSH:
		if (b < 32)
			return a << b;
		break;
	case BPF_RSH:
		if (b < 32)
			return a >> b;
		break;
	}
	*ok = 0;
	return 0;
}

/* VN of a op b, with constant folding and the identities x+0, x*1, x&~0... */
static rc__vn alu(struct rc__vn_table *t, uint8_t op, rc__vn a, rc__vn b)
{
	uint32_t ka = 0, kb = 0;
	int ca = rc__vn_is_const(t, a, &ka), cb = rc__vn_is_const(t, b, &kb);
	if (ca && cb) {
		int ok;
		uint32_t r = fold(op, ka, kb, &ok);
		if (ok)
			return rc__vn_const(t, r);
	}
	if (cb) {
		switch (op) {
		case BPF_ADD:
		case BPF_SUB:
		case BPF_OR:
		case BPF_XOR:
		case BPF_LSH:
		case BPF_RSH:
			if (kb == 0)
				return a;
			break;
		case BPF_MUL:
			if (kb == 1)
				return a;
			if (kb == 0)
				return rc__vn_const(t, 0);
			break;
		case BPF_DIV:
			if (kb == 1)
				return a;
			break;
		case BPF_MOD:
			if (kb == 1)
				return rc__vn_const(t, 0);
			break;
		case BPF_AND:
			if (kb == 0xffffffffu)
				return a;
			if (kb == 0)
				return rc__vn_const(t, 0);
			break;
		}
	}
	return mk(t, VN_ALU, op, 0, 0, a, b);
}

void rc__opt_state_init(struct rc__vn_table *t, struct rc__opt_state *s)
{
	memset(s, 0, sizeof *s);
	s->reg[RC__R_A] = s->reg[RC__R_X] = rc__vn_const(t, 0);
	for (int i = RC__R_M0; i < RC__NREG; i++)
		s->reg[i] = mk(t, VN_UNINIT, 0, (uint16_t)i, 0, 0, 0);
}

void rc__opt_add_fact(struct rc__opt_state *s, rc__vn v, uint8_t op, rc__vn opnd, int outcome)
{
	for (unsigned i = 0; i < s->nfacts; i++) {
		const struct rc__fact *f = &s->facts[i];
		if (f->v == v && f->opnd == opnd && f->op == op && f->outcome == (outcome != 0))
			return;
	}
	if (s->nfacts == RC__OPT_MAXFACTS) {
		memmove(&s->facts[0], &s->facts[1], (RC__OPT_MAXFACTS - 1) * sizeof s->facts[0]);
		s->nfacts--;
	}
	s->facts[s->nfacts++] = (struct rc__fact){v, opnd, op, (uint8_t)(outcome != 0)};
}

static int has_fact(const struct rc__opt_state *s, const struct rc__fact *f)
{
	for (unsigned i = 0; i < s->nfacts; i++) {
		const struct rc__fact *g = &s->facts[i];
		if (g->v == f->v && g->opnd == f->opnd && g->op == f->op && g->outcome == f->outcome)
			return 1;
	}
	return 0;
}

static int avail_has(const struct rc__opt_state *s, rc__vn v)
{
	for (unsigned i = 0; i < s->navail; i++)
		if (s->avail[i] == v)
			return 1;
	return 0;
}

static void avail_add(struct rc__opt_state *s, rc__vn v)
{
	if (avail_has(s, v))
		return;
	if (s->navail == RC__OPT_MAXAVAIL) {
		memmove(&s->avail[0], &s->avail[1], (RC__OPT_MAXAVAIL - 1) * sizeof s->avail[0]);
		s->navail--;
	}
	s->avail[s->navail++] = v;
}

void rc__opt_meet(struct rc__opt_state *dst, const struct rc__opt_state *src, uint32_t *conflict)
{
	unsigned n = 0;
	for (int r = 0; r < RC__NREG; r++)
		if (dst->reg[r] != src->reg[r])
			*conflict |= 1u << r;
	if (src->bound < dst->bound)
		dst->bound = src->bound;
	for (unsigned i = 0; i < dst->nfacts; i++)
		if (has_fact(src, &dst->facts[i]))
			dst->facts[n++] = dst->facts[i];
	dst->nfacts = (uint8_t)n;
	n = 0;
	for (unsigned i = 0; i < dst->navail; i++)
		if (avail_has(src, dst->avail[i]))
			dst->avail[n++] = dst->avail[i];
	dst->navail = (uint8_t)n;
}

static int compare(uint8_t op, uint32_t a, uint32_t b)
{
	switch (op) {
	case BPF_JEQ: return a == b;
	case BPF_JGT: return a > b;
	case BPF_JGE: return a >= b;
	default: return (a & b) != 0;
	}
}

int rc__opt_eval(const struct rc__vn_table *t, const struct rc__opt_state *s, uint8_t op,
		 rc__vn v, rc__vn opnd)
{
	uint32_t a = 0, b = 0;
	int ca = rc__vn_is_const(t, v, &a), cb = rc__vn_is_const(t, opnd, &b);

	if (ca && cb)
		return compare(op, a, b);
	if (v == opnd && op != BPF_JSET)
		return op != BPF_JGT;
	for (unsigned i = 0; i < s->nfacts; i++) {
		const struct rc__fact *f = &s->facts[i];
		if (f->v == v && f->opnd == opnd && f->op == op)
			return f->outcome;
	}
	if (!cb)
		return -1;

	/* What the facts with constant operands say about v. */
	int64_t lo = 0, hi = 0xffffffff;
	uint32_t zero = 0, c;
	for (unsigned i = 0; i < s->nfacts; i++) {
		const struct rc__fact *f = &s->facts[i];
		if (f->v != v || !rc__vn_is_const(t, f->opnd, &c))
			continue;
		switch (f->op) {
		case BPF_JEQ:
			if (f->outcome)
				lo = hi = c;
			break;
		case BPF_JGT:
			if (f->outcome)
				lo = lo > (int64_t)c + 1 ? lo : (int64_t)c + 1;
			else
				hi = hi < (int64_t)c ? hi : (int64_t)c;
			break;
		case BPF_JGE:
			if (f->outcome)
				lo = lo > (int64_t)c ? lo : (int64_t)c;
			else
				hi = hi < (int64_t)c - 1 ? hi : (int64_t)c - 1;
			break;
		case BPF_JSET:
			if (!f->outcome)
				zero |= c;
			break;
		}
	}
	if (lo > hi)
		return -1; /* this path cannot happen; nothing to gain from it */
	if (lo == hi)
		return compare(op, (uint32_t)lo, b);
	switch (op) {
	case BPF_JEQ:
		if (b < lo || b > hi || (b & zero))
			return 0;
		for (unsigned i = 0; i < s->nfacts; i++) {
			const struct rc__fact *f = &s->facts[i];
			if (f->v == v && f->op == BPF_JEQ && !f->outcome &&
			    rc__vn_is_const(t, f->opnd, &c) && c == b)
				return 0;
		}
		return -1;
	case BPF_JGT:
		if (lo > b)
			return 1;
		if (hi <= b)
			return 0;
		return -1;
	case BPF_JGE:
		if (lo >= b)
			return 1;
		if (hi < b)
			return 0;
		return -1;
	default: /* JSET */
		if ((b & ~zero) == 0 || (b && hi < (int64_t)(b & (0u - b))))
			return 0;
		for (unsigned i = 0; i < s->nfacts; i++) {
			const struct rc__fact *f = &s->facts[i];
			if (f->v == v && f->op == BPF_JSET && f->outcome &&
			    rc__vn_is_const(t, f->opnd, &c) && c != 0 && (c & ~b) == 0)
				return 1;
		}
		return -1;
	}
}

static uint32_t load_size(uint16_t code)
{
	switch (BPF_SIZE(code)) {
	case BPF_W: return 4;
	case BPF_H: return 2;
	default: return 1;
	}
}

/* The value and fallibility of an absolute load of k (packet or ancillary). */
static rc__vn abs_load(struct rc__vn_table *t, struct rc__opt_state *s, uint16_t code, uint32_t k,
		       int *fallible)
{
	uint32_t size = load_size(code);
	*fallible = 0;
	if (k >= RC__BPF_AD_BASE) {
		/* validated: a known ancillary load */
		switch (k - RC__BPF_AD_BASE) {
		case SKF_AD_ALU_XOR_X:
			return alu(t, BPF_XOR, s->reg[RC__R_A], s->reg[RC__R_X]);
		case SKF_AD_RANDOM:
			return rc__vn_opaque(t);
		case SKF_AD_NLATTR:
		case SKF_AD_NLATTR_NEST:
			return mk(t, VN_ANCF, 0, 0, k, s->reg[RC__R_A], s->reg[RC__R_X]);
		default:
			return mk(t, VN_ANC, 0, 0, k, 0, 0);
		}
	}
	if (k >= 0x80000000u) {
		*fallible = 1;
	} else {
		*fallible = (uint64_t)k + size > s->bound;
		if (k + size > s->bound)
			s->bound = k + size;
	}
	return mk(t, VN_ABS, 0, (uint16_t)size, k, 0, 0);
}

/* Set register r to v; DELETE if it already holds it. */
static int assign(struct rc__opt_state *s, int r, rc__vn v, int *def)
{
	*def = r;
	if (s->reg[r] == v)
		return RC__XF_DELETE;
	s->reg[r] = v;
	return RC__XF_KEEP;
}

int rc__opt_xfer(struct rc__vn_table *t, struct rc__opt_state *s, rc_bpf_insn *in, int rewrite,
		 int *fallible, int *def)
{
	rc_bpf_insn tmp = *in;
	rc_bpf_insn *w = rewrite ? in : &tmp; /* what may be rewritten */
	uint32_t c;
	rc__vn v;
	int r;

	*fallible = 0;
	*def = -1;
	switch (w->code) {
	case BPF_LD | BPF_IMM:
		return assign(s, RC__R_A, rc__vn_const(t, w->k), def);
	case BPF_LDX | BPF_IMM:
		return assign(s, RC__R_X, rc__vn_const(t, w->k), def);
	case BPF_LD | BPF_W | BPF_LEN:
		return assign(s, RC__R_A, mk(t, VN_LEN, 0, 0, 0, 0, 0), def);
	case BPF_LDX | BPF_W | BPF_LEN:
		return assign(s, RC__R_X, mk(t, VN_LEN, 0, 0, 0, 0, 0), def);
	case BPF_LD | BPF_W | BPF_IND:
	case BPF_LD | BPF_H | BPF_IND:
	case BPF_LD | BPF_B | BPF_IND:
		if (rc__vn_is_const(t, s->reg[RC__R_X], &c) && (uint64_t)c + w->k < 0x80000000u) {
			/* X is known: an absolute load of the same bytes */
			w->code = (uint16_t)(BPF_LD | BPF_SIZE(w->code) | BPF_ABS);
			w->k += c;
			goto abs;
		}
		v = mk(t, VN_IND, 0, (uint16_t)load_size(w->code), w->k, s->reg[RC__R_X], 0);
		r = assign(s, RC__R_A, v, def);
		*fallible = r == RC__XF_KEEP && !avail_has(s, v);
		avail_add(s, v);
		return r;
	case BPF_LD | BPF_W | BPF_ABS:
	case BPF_LD | BPF_H | BPF_ABS:
	case BPF_LD | BPF_B | BPF_ABS:
	abs: {
		int f;
		v = abs_load(t, s, w->code, w->k, &f);
		r = assign(s, RC__R_A, v, def);
		*fallible = r == RC__XF_KEEP && f;
		return r;
	}
	case BPF_LDX | BPF_B | BPF_MSH:
		v = mk(t, VN_MSH, 0, 1, w->k, 0, 0);
		r = assign(s, RC__R_X, v, def);
		if (r == RC__XF_KEEP)
			*fallible = w->k >= 0x80000000u || (uint64_t)w->k + 1 > s->bound;
		if (w->k < 0x80000000u && w->k + 1 > s->bound)
			s->bound = w->k + 1;
		return r;
	case BPF_LD | BPF_MEM:
		/* the value is in X: `txa` leaves the store to M[] dead */
		v = s->reg[RC__R_M0 + (w->k & 15)];
		if (v == s->reg[RC__R_X] && v != s->reg[RC__R_A])
			*w = (rc_bpf_insn){BPF_MISC | BPF_TXA, 0, 0, 0};
		return assign(s, RC__R_A, v, def);
	case BPF_LDX | BPF_MEM:
		v = s->reg[RC__R_M0 + (w->k & 15)];
		if (v == s->reg[RC__R_A] && v != s->reg[RC__R_X])
			*w = (rc_bpf_insn){BPF_MISC | BPF_TAX, 0, 0, 0};
		return assign(s, RC__R_X, v, def);
	case BPF_ST:
		return assign(s, RC__R_M0 + (int)(w->k & 15), s->reg[RC__R_A], def);
	case BPF_STX:
		return assign(s, RC__R_M0 + (int)(w->k & 15), s->reg[RC__R_X], def);
	case BPF_MISC | BPF_TAX:
		return assign(s, RC__R_X, s->reg[RC__R_A], def);
	case BPF_MISC | BPF_TXA:
		return assign(s, RC__R_A, s->reg[RC__R_X], def);
	case BPF_ALU | BPF_NEG:
		v = rc__vn_is_const(t, s->reg[RC__R_A], &c) ? rc__vn_const(t, 0u - c)
							    : mk(t, VN_NEG, 0, 0, 0, s->reg[RC__R_A], 0);
		break;
	default:
		if (BPF_CLASS(w->code) != BPF_ALU)
			return RC__XF_KEEP; /* not a statement: left alone */
		if (BPF_SRC(w->code) == BPF_X) {
			uint8_t op = (uint8_t)BPF_OP(w->code);
			if (rc__vn_is_const(t, s->reg[RC__R_X], &c)) {
				if ((op == BPF_DIV || op == BPF_MOD) && c == 0)
					return RC__XF_ALWAYS_FAILS;
				if (!((op == BPF_LSH || op == BPF_RSH) && c >= 32)) {
					w->code = (uint16_t)(BPF_ALU | op | BPF_K);
					w->k = c;
					v = alu(t, op, s->reg[RC__R_A], rc__vn_const(t, c));
					break;
				}
			}
			v = alu(t, op, s->reg[RC__R_A], s->reg[RC__R_X]);
			if (op == BPF_DIV || op == BPF_MOD) {
				r = assign(s, RC__R_A, v, def);
				*fallible = r == RC__XF_KEEP && !avail_has(s, v) &&
					    rc__opt_eval(t, s, BPF_JEQ, s->reg[RC__R_X],
							 rc__vn_const(t, 0)) != 0;
				avail_add(s, v);
				return r;
			}
		} else {
			v = alu(t, (uint8_t)BPF_OP(w->code), s->reg[RC__R_A], rc__vn_const(t, w->k));
		}
		break;
	}
	/* ALU results: a constant result becomes `ld #c` */
	r = assign(s, RC__R_A, v, def);
	if (r == RC__XF_KEEP && rc__vn_is_const(t, v, &c)) {
		w->code = BPF_LD | BPF_IMM;
		w->k = c;
	}
	return r;
}

uint32_t rc__opt_uses(const rc_bpf_insn *in)
{
	const uint32_t A = 1u << RC__R_A, X = 1u << RC__R_X;
	switch (in->code) {
	case BPF_LD | BPF_W | BPF_IND:
	case BPF_LD | BPF_H | BPF_IND:
	case BPF_LD | BPF_B | BPF_IND:
	case BPF_STX:
	case BPF_MISC | BPF_TXA:
		return X;
	case BPF_LD | BPF_W | BPF_ABS:
	case BPF_LD | BPF_H | BPF_ABS:
	case BPF_LD | BPF_B | BPF_ABS:
		if (in->k == RC__BPF_AD_BASE + SKF_AD_ALU_XOR_X || in->k == RC__BPF_AD_BASE + SKF_AD_NLATTR ||
		    in->k == RC__BPF_AD_BASE + SKF_AD_NLATTR_NEST)
			return A | X;
		return 0;
	case BPF_LD | BPF_MEM:
	case BPF_LDX | BPF_MEM:
		return 1u << (RC__R_M0 + (in->k & 15));
	case BPF_ST:
	case BPF_MISC | BPF_TAX:
	case BPF_RET | BPF_A:
		return A;
	case BPF_ALU | BPF_NEG:
		return A;
	default:
		if (BPF_CLASS(in->code) == BPF_ALU || rc__bpf_is_cond_jump(in->code))
			return BPF_SRC(in->code) == BPF_X ? (A | X) : A;
		return 0;
	}
}

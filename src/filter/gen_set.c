/*
 * gen_set.c - large "or" lists on one field as a sorted search tree.
 *
 * "host A or host B or ..." (and nets, ports, port ranges) tests the same
 * packet field against many values.  A run of such primitives with the same
 * qualifiers becomes a set of disjoint intervals [lo, hi]; the code then
 * loads the field once and walks a balanced tree of "jge" nodes down to
 * leaves of at most 4 interval tests:
 *
 *                 jge v[m].lo
 *               /            \
 *        tree(v[0..m))     tree(v[m..n))
 *
 * So evaluation costs O(log n) instead of O(n), and code size is about
 * 1.25 instructions per value.  When that does not fit the kernel's 4096
 * instructions, rc_filter_compile retries with leaves of 16 values and then
 * with plain chains (1 instruction per value, linear time), so every list
 * libpcap can fit compiles too.
 *
 * ARP and RARP keep their addresses at the same offsets, so "host" sets
 * test both ethertypes and then share one pair of trees.  Only runs of adjacent primitives are merged
 * (a "vlan" between them would change offsets), and only forms whose meaning
 * is "field in set": IPv4 host/net with proto ip/arp/rarp/none and direction
 * src/dst/either; port/portrange with tcp/udp/sctp/none.
 */
#include <linux/filter.h>
#include <stdlib.h>

#include "filter/gen.h"

enum { SET_HOST4 = 1, SET_PORT = 2 };

static uint32_t mkkey(int kind, int proto, int dir)
{
	if (dir == RC_DIR_DEFAULT)
		dir = RC_DIR_OR;
	return (uint32_t)kind << 16 | (uint32_t)proto << 8 | (uint32_t)dir;
}

int rc__set_key(rc__cg *cg, const rc__node *n, uint32_t *key, rc__iv *iv)
{
	if (n->kind != RC_N_ID || n->q.dir == RC_DIR_AND || n->q.dir == RC_DIR_UNDEF)
		return 0;
	const rc__qual q = n->q;
	if (q.addr == RC_AQ_PORT || q.addr == RC_AQ_PORTRANGE) {
		if (n->vkind != RC_V_NUM || n->num > 65535)
			return 0;
		if (q.proto != RC_PQ_DEFAULT && q.proto != RC_PQ_TCP && q.proto != RC_PQ_UDP &&
		    q.proto != RC_PQ_SCTP)
			return 0;
		iv->lo = iv->hi = n->num;
		*key = mkkey(SET_PORT, q.proto, q.dir);
		return 1;
	}
	if (q.addr != RC_AQ_DEFAULT && q.addr != RC_AQ_HOST && q.addr != RC_AQ_NET)
		return 0;
	if (q.proto != RC_PQ_DEFAULT && q.proto != RC_PQ_IP && q.proto != RC_PQ_ARP &&
	    q.proto != RC_PQ_RARP)
		return 0;
	if ((n->vkind == RC_V_NETLEN || n->vkind == RC_V_NETMASK) && q.addr != RC_AQ_NET)
		return 0;
	uint32_t a, m;
	if (rc__gen_ipv4_of(cg, n, &a, &m) != 0)
		return 0;
	iv->lo = a;
	iv->hi = a | ~m;
	*key = mkkey(SET_HOST4, q.proto, q.dir);
	return 1;
}

static int cmp_iv(const void *x, const void *y)
{
	const rc__iv *a = x, *b = y;
	return a->lo < b->lo ? -1 : a->lo > b->lo;
}

static F test(rc__cg *cg, uint16_t jop, int reverse, uint32_t k)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	F f = rc__cfg_jump(&cg->g, b, BPF_JMP | jop | BPF_K, k);
	return reverse ? rc__cfg_not(f) : f;
}

/* A (already loaded) in v[0..n), knowing blo <= A <= bhi. */
static F tree(rc__cg *cg, const rc__iv *v, size_t n, uint32_t blo, uint32_t bhi)
{
	if (n == 0)
		return rc__cfg_const(&cg->g, 0);
	if (n <= cg->set_leaf) {
		F acc = {0};
		for (size_t i = 0; i < n; i++) {
			uint32_t lo = v[i].lo < blo ? blo : v[i].lo;
			uint32_t hi = v[i].hi > bhi ? bhi : v[i].hi;
			F p;
			if (lo <= blo && hi >= bhi)
				p = rc__cfg_const(&cg->g, 1);
			else if (lo == hi)
				p = test(cg, BPF_JEQ, 0, lo);
			else if (lo <= blo)
				p = test(cg, BPF_JGT, 1, hi);
			else if (hi >= bhi)
				p = test(cg, BPF_JGE, 0, lo);
			else
				p = rc__cfg_and(test(cg, BPF_JGE, 0, lo), test(cg, BPF_JGT, 1, hi));
			acc = i == 0 ? p : rc__cfg_or(acc, p);
		}
		return acc;
	}
	/* split on a multiple of the leaf size so leaves are full: ~n/leaf
	 * inner nodes */
	size_t leaf = cg->set_leaf, groups = (n + leaf - 1) / leaf, m = (groups / 2) * leaf;
	F none = {0};
	rc__blk *root = rc__cfg_blk(&cg->g);
	if (!root)
		return none;
	root->jcode = BPF_JMP | BPF_JGE | BPF_K;
	root->k = v[m].lo;
	F right = tree(cg, v + m, n - m, v[m].lo, bhi);
	F left = tree(cg, v, m, blo, v[m].lo - 1);
	if (!right.head || !left.head)
		return none;
	root->jt = right.head;
	root->jf = left.head;
	F f = {root, rc__cfg_cat(right.t, left.t), rc__cfg_cat(right.f, left.f)};
	return f;
}

F rc__gen_in_set(rc__cg *cg, int offrel, uint32_t off, int size, const rc__iv *ivs, size_t n)
{
	uint32_t bhi = size == 4 ? 0xffffffffu : size == 2 ? 0xffffu : 0xffu;
	F f = tree(cg, ivs, n, 0, bhi);
	if (!f.head)
		return f;
	if (!f.head->is_const && f.head->nstmts == 0) {
		rc__gen_load(cg, f.head, offrel, off, size);
		return f;
	}
	/* degenerate set (everything or nothing): still do the load */
	rc__blk *l = rc__cfg_blk(&cg->g);
	if (!l)
		return (F){0};
	rc__gen_load(cg, l, offrel, off, size);
	l->jcode = BPF_JMP | BPF_JGE | BPF_K;
	l->k = 0;
	l->jt = l->jf = f.head;
	f.head = l;
	return f;
}

static F dirsets(rc__cg *cg, int dir, int rel, uint32_t src, uint32_t dst, int size,
		 const rc__iv *v, size_t n)
{
	if (dir == RC_DIR_SRC)
		return rc__gen_in_set(cg, rel, src, size, v, n);
	if (dir == RC_DIR_DST)
		return rc__gen_in_set(cg, rel, dst, size, v, n);
	F a = rc__gen_in_set(cg, rel, src, size, v, n);
	return rc__cfg_or(a, rc__gen_in_set(cg, rel, dst, size, v, n));
}

static F protos(rc__cg *cg, int v6, int proto)
{
	uint32_t off = v6 ? 6 : 9;
	if (proto != RC_PQ_DEFAULT) {
		uint32_t p = proto == RC_PQ_TCP ? 6 : proto == RC_PQ_UDP ? 17 : 132;
		return rc__gen_cmp(cg, RC_OR_LINKPL, off, 1, p);
	}
	F s = rc__gen_cmp(cg, RC_OR_LINKPL, off, 1, 132);
	s = rc__cfg_or(s, rc__gen_cmp(cg, RC_OR_LINKPL, off, 1, 6));
	return rc__cfg_or(s, rc__gen_cmp(cg, RC_OR_LINKPL, off, 1, 17));
}

F rc__gen_set(rc__cg *cg, const rc__node *const *nodes, size_t n, uint32_t key)
{
	F none = {0};
	rc__iv *v = rc__arena_calloc(cg->g.arena, n, sizeof(*v));
	if (!v) {
		cg->g.failed = -2;
		return none;
	}
	uint32_t k;
	for (size_t i = 0; i < n; i++)
		rc__set_key(cg, nodes[i], &k, &v[i]);
	qsort(v, n, sizeof(*v), cmp_iv);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && (v[i].lo <= v[m - 1].hi ||
			  (v[m - 1].hi != 0xffffffffu && v[i].lo == v[m - 1].hi + 1))) {
			if (v[i].hi > v[m - 1].hi)
				v[m - 1].hi = v[i].hi;
		} else {
			v[m++] = v[i];
		}
	}
	int kind = (int)(key >> 16), proto = (int)(key >> 8 & 0xff), dir = (int)(key & 0xff);
	/* every value costs at least one instruction per tested field: refuse
	 * hopeless lists before building anything */
	uint64_t fields = (dir == RC_DIR_OR ? 2 : 1) *
			  (kind == SET_PORT ? 2 : (proto == RC_PQ_DEFAULT ? 2 : 1));
	if ((uint64_t)m * fields > RC_BPF_MAXINSNS) {
		cg->used_sets = 1;
		cg->g.failed = -3;   /* no retry: chains cannot fit either */
		cg->at = nodes[0];   /* report at the list's first value */
		return rc__gen_fail(cg, RC_ELIMIT, nodes[0]->col, "%zu values in one list need at "
				    "least %llu instructions, over the kernel limit of %d", m,
				    (unsigned long long)(m * fields), RC_BPF_MAXINSNS);
	}
	if (kind == SET_PORT) {
		cg->used_sets = 1;
		F b6 = rc__cfg_and(rc__gen_linktype(cg, RC_ET_IPV6), protos(cg, 1, proto));
		b6 = rc__cfg_and(b6, dirsets(cg, dir, RC_OR_TRAN6, 0, 2, 2, v, m));
		F b4 = rc__cfg_and(rc__gen_linktype(cg, RC_ET_IP), protos(cg, 0, proto));
		b4 = rc__cfg_and(b4, rc__gen_ipfrag_ok(cg));
		b4 = rc__cfg_and(b4, dirsets(cg, dir, RC_OR_TRAN4, 0, 2, 2, v, m));
		return rc__cfg_or(b6, b4);
	}
	cg->used_sets = 1;
	F acc = none;
	int have = 0;
	if (proto == RC_PQ_DEFAULT || proto == RC_PQ_IP) {
		acc = rc__cfg_and(rc__gen_linktype(cg, RC_ET_IP),
				  dirsets(cg, dir, RC_OR_LINKPL, 12, 16, 4, v, m));
		have = 1;
	}
	if ((proto == RC_PQ_DEFAULT && cg->mpls_depth == 0) || proto == RC_PQ_ARP ||
	    proto == RC_PQ_RARP) {
		F et;
		if (proto == RC_PQ_ARP)
			et = rc__gen_linktype(cg, RC_ET_ARP);
		else if (proto == RC_PQ_RARP)
			et = rc__gen_linktype(cg, RC_ET_REVARP);
		else
			et = rc__cfg_or(rc__gen_linktype(cg, RC_ET_ARP),
					rc__gen_linktype(cg, RC_ET_REVARP));
		F b = rc__cfg_and(et, dirsets(cg, dir, RC_OR_LINKPL, 14, 24, 4, v, m));
		acc = have ? rc__cfg_or(acc, b) : b;
	}
	return acc;
}

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
 * 1.25 instructions per value.  When that does not fit the program limit
 * (the kernel's 4096 instructions unless opts->max_insns says otherwise),
 * rc_filter_compile retries with leaves of 16 values and then with plain
 * chains (1 instruction per value, linear time), so every list libpcap can
 * fit compiles too.
 *
 * The trees are shared between protocols (IPv4 and ARP/RARP for hosts,
 * IPv4 and IPv6 for ports; see protocol_sets).  Only runs of adjacent
 * primitives are merged (a "vlan" between them would change offsets), and
 * only forms whose meaning is "field in set": IPv4 host/net with proto
 * ip/arp/rarp/none and direction src/dst/either; port/portrange with
 * tcp/udp/sctp/none.
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
	/* the trees load through X, which variable offsets (after "geneve") need too */
	if (n->kind != RC_N_ID || n->q.dir == RC_DIR_AND || n->q.dir == RC_DIR_UNDEF ||
	    rc__gen_offsets_vary(cg))
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

/*
 * Several protocols test the same set (IPv4 and ARP/RARP addresses, IPv4
 * and IPv6 ports) at different offsets.  The trees do not depend on where
 * the value came from, so for large sets they are built once and shared:
 * each protocol's prologue loads its own field and enters the shared tree.
 * For "src or dst" the first tree's miss path must then load the second
 * field at an offset that depends on the protocol: the prologue sets X so
 * that "ld [x + dst_k]" reads its destination field (X = the IPv4 header
 * length for ports; the field's absolute offset for hosts, with dst_k = 0).
 * The indexed load fails exactly when the absolute one would (same bytes).
 * This halves a `host` list against trees per protocol (100 hosts: 260
 * instructions; libpcap 361, which shares only identical chain tails).
 *
 * Sharing has a price: below the shared tree the paths of all protocols
 * meet, so what each one knew (e.g. "the ethertype is IPv4") is lost and
 * later tests that depended on it can no longer be threaded away.  Small
 * sets, where the copies cost a few instructions, keep one tree per
 * protocol with absolute loads.
 */
#define SHARE_MIN_VALUES 8

struct prologue {
	F et;            /* protocol test; its true exits enter the prologue */
	int rel;         /* how to load the first field: RC_OR_* and offset */
	uint32_t off;
	int rel2;        /* and the second one ("src or dst") */
	uint32_t off2;
	int setx;        /* shared "src or dst": 1: X = xk; 0: the first load sets X (TRAN4) */
	uint32_t xk;
};

/* A block that only jumps to target (statements go in by the caller); the
 * optimizer turns it into a fall-through or a `ja`. */
static rc__blk *goto_blk(rc__cg *cg, rc__blk *target)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	if (b) {
		b->jcode = BPF_JMP | BPF_JGE | BPF_K;
		b->jt = b->jf = target;
	}
	return b;
}

/* A in set, else (both) the second field in set: the second field comes
 * from pr's absolute load, or from "ld [x + dst_k]" when pr is NULL. */
static F field_trees(rc__cg *cg, const struct prologue *pr, int both, uint32_t dst_k, int size,
		     const rc__iv *v, size_t n)
{
	F none = {0};
	uint32_t bhi = size == 4 ? 0xffffffffu : 0xffffu;
	F s = tree(cg, v, n, 0, bhi);
	if (!s.head || !both)
		return s;
	F t = tree(cg, v, n, 0, bhi);
	if (!t.head)
		return none;
	rc__blk *l = t.head; /* the load goes into T's root, if it is a real test */
	if ((l->is_const || l->nstmts) && !(l = goto_blk(cg, t.head)))
		return none;
	if (pr)
		rc__gen_load(cg, l, pr->rel2, pr->off2, size);
	else
		rc__cfg_stmt(&cg->g, l, BPF_LD | BPF_IND | (size == 4 ? BPF_W : BPF_H), dst_k);
	rc__cfg_patch(s.f, l);
	return (F){s.head, rc__cfg_cat(s.t, t.t), t.f};
}

static F protocol_sets(rc__cg *cg, const struct prologue *pr, size_t npr, int both,
		       uint32_t dst_k, int size, const rc__iv *v, size_t n)
{
	F none = {0}, cur = none, res = none;
	rc__elist t = {0}, f = {0};
	int share = n >= SHARE_MIN_VALUES && npr > 1;
	for (size_t i = 0; i < npr; i++) {
		if (!pr[i].et.head)
			return none;
		if (i == 0 || !share) {
			cur = field_trees(cg, share ? NULL : &pr[i], both, dst_k, size, v, n);
			if (!cur.head)
				return none;
			t = rc__cfg_cat(t, cur.t);
			f = rc__cfg_cat(f, cur.f);
		}
		/* the load goes into the tree's root, or (shared or constant
		 * root) into a block of its own that jumps there */
		rc__blk *p = cur.head;
		if (share || p->is_const || p->nstmts) {
			if (!(p = goto_blk(cg, cur.head)))
				return none;
			if (share && both && pr[i].setx)
				rc__cfg_stmt(&cg->g, p, BPF_LDX | BPF_IMM, pr[i].xk);
		}
		rc__gen_load(cg, p, pr[i].rel, pr[i].off, size);
		rc__cfg_patch(pr[i].et.t, p);
		/* protocol tests in order; each one's miss goes to the next */
		if (i == 0) {
			res = (F){pr[i].et.head, t, pr[i].et.f};
		} else {
			rc__cfg_patch(res.f, pr[i].et.head);
			res.f = pr[i].et.f;
		}
	}
	res.t = t;
	res.f = rc__cfg_cat(res.f, f);
	return res;
}

/* Absolute offset of a network-layer field (RC_OR_LINKPL). */
static uint32_t nl_off(const rc__cg *cg, uint32_t k)
{
	return cg->off_linkpl + cg->off_nl + k;
}

F rc__gen_set(rc__cg *cg, const rc__node *const *nodes, size_t n, uint32_t key)
{
	F none = {0};
	rc__iv *v = rc__arena_calloc(cg->g.arena, n, sizeof(*v));
	if (!v) {
		cg->g.failed = RC__CFG_NOMEM;
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
	uint64_t fields = dir == RC_DIR_OR ? 2u : 1u; /* trees are shared across protocols */
	if ((uint64_t)m * fields > cg->max_prog) {
		cg->used_sets = 1;
		cg->g.failed = RC__CFG_HOPELESS;
		cg->at = nodes[0];   /* report at the list's first value */
		return rc__gen_fail(cg, RC_ELIMIT, nodes[0]->col, "%zu values in one list need at "
				    "least %llu instructions, over the %slimit of %u", m,
				    (unsigned long long)(m * fields),
				    cg->max_prog == RC_BPF_MAXINSNS ? "kernel " : "", cg->max_prog);
	}
	cg->used_sets = 1;
	int both = dir == RC_DIR_OR;
	struct prologue pr[2];
	size_t npr = 0;
	if (kind == SET_PORT) {
		/* src port at +0, dst at +2 of the transport header */
		uint32_t first = dir == RC_DIR_DST ? 2 : 0;
		F b6 = rc__cfg_and(rc__gen_linktype(cg, RC_ET_IPV6), protos(cg, 1, proto));
		pr[npr++] = (struct prologue){b6, RC_OR_TRAN6, first, RC_OR_TRAN6, 2, 1, 40};
		F b4 = rc__cfg_and(rc__gen_linktype(cg, RC_ET_IP), protos(cg, 0, proto));
		b4 = rc__cfg_and(b4, rc__gen_ipfrag_ok(cg));
		pr[npr++] = (struct prologue){b4, RC_OR_TRAN4, first, RC_OR_TRAN4, 2, 0, 0};
		return protocol_sets(cg, pr, npr, both, nl_off(cg, 2), 2, v, m);
	}
	/* IPv4 src/dst at +12/+16, ARP/RARP sender/target address at +14/+24 */
	if (proto == RC_PQ_DEFAULT || proto == RC_PQ_IP)
		pr[npr++] = (struct prologue){rc__gen_linktype(cg, RC_ET_IP), RC_OR_LINKPL,
					      dir == RC_DIR_DST ? 16 : 12, RC_OR_LINKPL, 16, 1,
					      nl_off(cg, 16)};
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
		pr[npr++] = (struct prologue){et, RC_OR_LINKPL, dir == RC_DIR_DST ? 24 : 14,
					      RC_OR_LINKPL, 24, 1, nl_off(cg, 24)};
	}
	return protocol_sets(cg, pr, npr, both, 0, 4, v, m);
}

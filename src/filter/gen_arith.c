/*
 * gen_arith.c - arithmetic expressions and relations (pcap-filter(7)
 * "expr relop expr"), and len/less/greater.
 *
 * A value is computed into A inside the relation's block; temporaries live
 * in scratch memory M[0..15].  A load "proto[i]" also requires that the
 * packet *is* that protocol: those tests (libpcap's inst->b) are collected
 * as separate blocks that run before the value block:
 *
 *   [ether type is IPv4] -> [ip[9] == 6] -> [not a fragment] -> value; jgt/jge/jeq
 *
 * Transport-layer loads (tcp[], udp[], icmp[] ...) are IPv4 only and add
 * the IPv4 header length with "ldxb 4*([nl]&0xf)", as libpcap does.
 */
#include <linux/filter.h>

#include "filter/gen.h"

typedef struct rc__acc {
	F checks;
	int have;
} rc__acc;

static void add_check(rc__acc *acc, F f)
{
	acc->checks = acc->have ? rc__cfg_and(acc->checks, f) : f;
	acc->have = 1;
}

static int is_transport(int pq)
{
	switch (pq) {
	case RC_PQ_TCP: case RC_PQ_UDP: case RC_PQ_SCTP: case RC_PQ_ICMP: case RC_PQ_IGMP:
	case RC_PQ_IGRP: case RC_PQ_PIM: case RC_PQ_VRRP: case RC_PQ_CARP:
		return 1;
	default:
		return 0;
	}
}

static int is_network(int pq)
{
	switch (pq) {
	case RC_PQ_IP: case RC_PQ_ARP: case RC_PQ_RARP: case RC_PQ_ATALK: case RC_PQ_DECNET:
	case RC_PQ_SCA: case RC_PQ_LAT: case RC_PQ_MOPRC: case RC_PQ_MOPDL: case RC_PQ_IPV6:
		return 1;
	default:
		return 0;
	}
}

/* Constant value of a, folding as libpcap's optimizer does. 1 if constant. */
static int fold(rc__cg *cg, const rc__arith *a, uint32_t *k)
{
	uint32_t x, y;
	switch (a->kind) {
	case RC_A_NUM:
		*k = a->k;
		return 1;
	case RC_A_NEG:
		if (!fold(cg, a->a, &x))
			return 0;
		*k = 0u - x;
		return 1;
	case RC_A_BIN:
		if (!fold(cg, a->a, &x) || !fold(cg, a->b, &y))
			return 0;
		switch (a->op) {
		case BPF_ADD: *k = x + y; return 1;
		case BPF_SUB: *k = x - y; return 1;
		case BPF_MUL: *k = x * y; return 1;
		case BPF_AND: *k = x & y; return 1;
		case BPF_OR: *k = x | y; return 1;
		case BPF_XOR: *k = x ^ y; return 1;
		case BPF_LSH:
		case BPF_RSH:
			/* refused like a shift of a packet value (gen_value), as
			 * libpcap does; C leaves shifts of 32 or more undefined */
			if (y > 31) {
				rc__gen_fail(cg, RC_ESYNTAX, a->col, "shift by more than 31 bits");
				return 0;
			}
			*k = a->op == BPF_LSH ? x << y : x >> y;
			return 1;
		case BPF_DIV:
		case BPF_MOD:
			if (y == 0) {
				rc__gen_fail(cg, RC_ESYNTAX, a->col, "%s by zero",
					     a->op == BPF_DIV ? "division" : "modulus");
				return 0;
			}
			*k = a->op == BPF_DIV ? x / y : x % y;
			return 1;
		default:
			return 0;
		}
	default:
		return 0;
	}
}

/* Does computing a into A leave X alone? */
static int x_safe(rc__cg *cg, const rc__arith *a)
{
	uint32_t k;
	switch (a->kind) {
	case RC_A_NUM:
	case RC_A_LEN:
		return 1;
	case RC_A_NEG:
		return x_safe(cg, a->a);
	case RC_A_LOAD:
		/* variable offsets (after "geneve") are loaded through X */
		return !is_transport(a->pq) && !rc__gen_offsets_vary(cg) && fold(cg, a->a, &k);
	case RC_A_BIN:
		return fold(cg, a->b, &k) && x_safe(cg, a->a);
	default:
		return 0;
	}
}

static int gen_value(rc__cg *cg, rc__blk *b, const rc__arith *a, rc__acc *acc, unsigned depth);

static int gen_load(rc__cg *cg, rc__blk *b, const rc__arith *a, rc__acc *acc, unsigned depth)
{
	int pq = a->pq;
	uint32_t idx;
	int konst = fold(cg, a->a, &idx);
	if (rc__gen_failed(cg))
		return -1;
	if (pq != RC_PQ_LINK && !is_network(pq) && !is_transport(pq) && pq != RC_PQ_ICMPV6) {
		rc__gen_fail(cg, RC_ESYNTAX, a->col, "'%s[...]' is not supported: use ether, ip, "
			     "ip6, arp, rarp, tcp, udp, icmp, icmp6, sctp, igmp ...", rc__pq_name(pq));
		return -1;
	}
	if (!konst && gen_value(cg, b, a->a, acc, depth + 1) < 0)
		return -1;
	int rel;
	if (pq == RC_PQ_LINK) {
		rel = RC_OR_LINKHDR;
	} else if (is_network(pq)) {
		rel = RC_OR_LINKPL;
		add_check(acc, rc__gen_proto_abbrev(cg, pq, a->col));
	} else if (pq == RC_PQ_ICMPV6) {
		rel = RC_OR_TRAN6;
		add_check(acc, rc__gen_linktype(cg, RC_ET_IPV6));
		add_check(acc, rc__gen_cmp(cg, RC_OR_LINKPL, 6, 1, 58));
	} else {
		/* transport: IPv4 only, first fragment only */
		rel = RC_OR_TRAN4;
		add_check(acc, rc__gen_linktype(cg, RC_ET_IP));
		add_check(acc, rc__gen_proto_abbrev(cg, pq, a->col));
		add_check(acc, rc__gen_ipfrag_ok(cg));
	}
	if (konst)
		rc__gen_load(cg, b, rel, idx, a->size);
	else
		rc__gen_load_idx(cg, b, rel, 0, a->size);
	return rc__gen_failed(cg) ? -1 : 0;
}

/* Emit code leaving the value of a in A (X may be clobbered). */
static int gen_value(rc__cg *cg, rc__blk *b, const rc__arith *a, rc__acc *acc, unsigned depth)
{
	uint32_t k;
	if (depth > 400) {
		rc__gen_fail(cg, RC_ELIMIT, a->col, "arithmetic expression too deeply nested");
		return -1;
	}
	if (fold(cg, a, &k)) {
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_IMM, k);
		return 0;
	}
	if (rc__gen_failed(cg))
		return -1;
	switch (a->kind) {
	case RC_A_LEN:
		rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_W | BPF_LEN, 0);
		return 0;
	case RC_A_LOAD:
		return gen_load(cg, b, a, acc, depth);
	case RC_A_NEG:
		if (gen_value(cg, b, a->a, acc, depth + 1) < 0)
			return -1;
		rc__cfg_stmt(&cg->g, b, BPF_ALU | BPF_NEG, 0);
		return 0;
	case RC_A_BIN:
		if (fold(cg, a->b, &k)) {
			if ((a->op == BPF_DIV || a->op == BPF_MOD) && k == 0) {
				rc__gen_fail(cg, RC_ESYNTAX, a->col, "%s by zero",
					     a->op == BPF_DIV ? "division" : "modulus");
				return -1;
			}
			if ((a->op == BPF_LSH || a->op == BPF_RSH) && k > 31) {
				rc__gen_fail(cg, RC_ESYNTAX, a->col, "shift by more than 31 bits");
				return -1;
			}
			if (gen_value(cg, b, a->a, acc, depth + 1) < 0)
				return -1;
			rc__cfg_stmt(&cg->g, b, BPF_ALU | a->op | BPF_K, k);
			return 0;
		}
		if (rc__gen_failed(cg) || gen_value(cg, b, a->b, acc, depth + 1) < 0)
			return -1;
		if (x_safe(cg, a->a)) {
			rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
			if (gen_value(cg, b, a->a, acc, depth + 1) < 0)
				return -1;
		} else {
			int r = rc__gen_reg_alloc(cg, a->col);
			if (r < 0)
				return -1;
			rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)r);
			if (gen_value(cg, b, a->a, acc, depth + 1) < 0)
				return -1;
			rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)r);
			rc__gen_reg_free(cg, r);
		}
		rc__cfg_stmt(&cg->g, b, BPF_ALU | a->op | BPF_X, 0);
		return 0;
	default:
		return -1;
	}
}

F rc__gen_relation(rc__cg *cg, const rc__node *n)
{
	F none = {0};
	rc__acc acc = {0};
	rc__blk *b = rc__cfg_blk(&cg->g);
	uint32_t k;
	if (!b)
		return none;
	if (fold(cg, n->b, &k)) {
		if (gen_value(cg, b, n->a, &acc, 0) < 0)
			return none;
		b->jcode = BPF_JMP | n->relop | BPF_K;
		b->k = k;
	} else {
		if (rc__gen_failed(cg))
			return none;
		/* checks of the left operand come first, as in libpcap */
		rc__acc acc_b = {0};
		if (x_safe(cg, n->a)) {
			rc__acc acc_a = {0};
			if (gen_value(cg, b, n->b, &acc_b, 0) < 0)
				return none;
			rc__cfg_stmt(&cg->g, b, BPF_MISC | BPF_TAX, 0);
			if (gen_value(cg, b, n->a, &acc_a, 0) < 0)
				return none;
			if (acc_a.have)
				add_check(&acc, acc_a.checks);
		} else {
			int r = rc__gen_reg_alloc(cg, n->col);
			if (r < 0 || gen_value(cg, b, n->b, &acc_b, 0) < 0)
				return none;
			rc__cfg_stmt(&cg->g, b, BPF_ST, (uint32_t)r);
			rc__acc acc_a = {0};
			if (gen_value(cg, b, n->a, &acc_a, 0) < 0)
				return none;
			rc__cfg_stmt(&cg->g, b, BPF_LDX | BPF_MEM, (uint32_t)r);
			rc__gen_reg_free(cg, r);
			if (acc_a.have)
				add_check(&acc, acc_a.checks);
		}
		if (acc_b.have)
			add_check(&acc, acc_b.checks);
		b->jcode = BPF_JMP | n->relop | BPF_X;
	}
	if (rc__gen_failed(cg))
		return none;
	rc__frag f = {b, rc__cfg_edge(&cg->g, b, 1), rc__cfg_edge(&cg->g, b, 0)};
	if (n->reversed)
		f = rc__cfg_not(f);
	return acc.have ? rc__cfg_and(acc.checks, f) : f;
}

F rc__gen_len(rc__cg *cg, uint16_t jop, int reverse, uint32_t v)
{
	rc__blk *b = rc__cfg_blk(&cg->g);
	rc__cfg_stmt(&cg->g, b, BPF_LD | BPF_W | BPF_LEN, 0);
	F f = rc__cfg_jump(&cg->g, b, BPF_JMP | jop | BPF_K, v);
	return reverse ? rc__cfg_not(f) : f;
}

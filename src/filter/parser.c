/*
 * parser.c - recursive-descent parser for pcap-filter(7), building the AST
 * of ast.h in the arena.  No setjmp/longjmp: every function returns NULL on
 * error after writing the message, and callers pass NULL up.
 *
 * Grammar and precedence are libpcap's grammar.y:
 *   - "and" and "or" have the SAME precedence and associate to the left:
 *     "a or b and c" is "(a or b) and c";
 *   - "not" binds tighter than both;
 *   - a bare value after and/or/not inherits the qualifiers of the
 *     primitive before it: "host a or b" = "host a or host b",
 *     "port 1 or (2 or 3)" = "port 1 or port 2 or port 3"; a relation or a
 *     primitive without a value ("ip[0] = 1", "tcp") leaves none, so a
 *     bare value after one is a syntax error;
 *   - arithmetic: | < & < << >> < + - < * / %, and '^' (which has no yacc
 *     precedence, so it always shifts: "a + b ^ c + d" = "a + (b ^ (c + d))").
 */
#include "filter/ast.h"

#include <linux/filter.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/errmsg.h"

/* Deeper nesting than this is refused rather than risking the C stack. */
#define RC__MAX_DEPTH 200

typedef struct rc__parser {
	rc__arena *arena;
	const rc__token *t;   /* token array */
	size_t pos;
	size_t n;
	char *errbuf;
	int status;           /* first error */
	unsigned depth;
} rc__parser;

static const rc__qual qerr = {RC_PQ_UNDEF, RC_DIR_UNDEF, RC_AQ_UNDEF};

static const rc__token *cur(rc__parser *p) { return &p->t[p->pos]; }
static const rc__token *peek(rc__parser *p, size_t k)
{
	return p->pos + k < p->n ? &p->t[p->pos + k] : &p->t[p->n - 1];
}
static int at(rc__parser *p, int kind) { return cur(p)->kind == kind; }
static void adv(rc__parser *p)
{
	if (p->pos + 1 < p->n)
		p->pos++;
}

static void *fail(rc__parser *p, int status, const rc__token *t, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void *fail(rc__parser *p, int status, const rc__token *t, const char *fmt, ...)
{
	if (p->status)
		return NULL;
	char msg[160];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->status = status;
	if (t->kind == RC_T_EOF)
		rc__errf(p->errbuf, status, "%s at end of expression (column %u)", msg, t->col);
	else
		rc__errf(p->errbuf, status, "'%.40s': %s (column %u)", t->text, msg, t->col);
	return NULL;
}

static void *nomem(rc__parser *p)
{
	if (p->status)
		return NULL;
	p->status = p->arena->over_limit ? RC_ELIMIT : RC_ENOMEM;
	rc__errf(p->errbuf, p->status, "%s while parsing the expression",
		 p->arena->over_limit ? "memory limit reached" : "out of memory");
	return NULL;
}

static rc__node *node(rc__parser *p, int kind, const rc__token *t)
{
	rc__node *n = rc__arena_alloc(p->arena, sizeof(*n));
	if (!n)
		return nomem(p);
	n->kind = (uint8_t)kind;
	n->col = t->col;
	n->start = t->col - 1;
	n->end = t->col - 1 + t->len;
	return n;
}

static void span_end(rc__parser *p, rc__node *n)
{
	if (p->pos > 0) {
		const rc__token *last = &p->t[p->pos - 1];
		if (last->col - 1 + last->len > n->end)
			n->end = last->col - 1 + last->len;
	}
}

/*
 * Nesting costs C stack here and in the code generator.  A chain of binary
 * operators nests too: it is a tree that leans left ((a op b) op c), and
 * the generator recurses along that lean, for and/or once per switch
 * between them (a run of one operator is flattened), for arithmetic once
 * per operator.  So those count as levels as well; the message names the
 * token where the count passes the limit.  A parenthesis costs two levels
 * (expr and term, two frames) and the whole expression two more, so 99
 * nested parentheses fit and the 100th fails; the message says so, since
 * "200 levels" alone reads as 200 parentheses.
 */
static int enter(rc__parser *p)
{
	if (++p->depth > RC__MAX_DEPTH) {
		fail(p, RC_ELIMIT, cur(p), "expression nested more than %d levels deep "
		     "(a parenthesis counts as 2: at most %d nested)",
		     RC__MAX_DEPTH, RC__MAX_DEPTH / 2 - 1);
		return -1;
	}
	return 0;
}

static int is_arith_op(int k)
{
	return k == RC_T_PLUS || k == RC_T_MINUS || k == RC_T_STAR || k == RC_T_SLASH ||
	       k == RC_T_PERCENT || k == RC_T_AMP || k == RC_T_PIPE || k == RC_T_CARET ||
	       k == RC_T_LSH || k == RC_T_RSH;
}
static int is_relop(int k)
{
	return k == RC_T_GT || k == RC_T_GE || k == RC_T_LT || k == RC_T_LE || k == RC_T_EQ ||
	       k == RC_T_NE;
}

/* ---- arithmetic ---- */

static rc__arith *arith(rc__parser *p, int level);

static rc__arith *anode(rc__parser *p, int kind, const rc__token *t)
{
	rc__arith *a = rc__arena_alloc(p->arena, sizeof(*a));
	if (!a)
		return nomem(p);
	a->kind = (uint8_t)kind;
	a->col = t->col;
	return a;
}

static rc__arith *primary(rc__parser *p)
{
	const rc__token *t = cur(p);
	rc__arith *a;
	switch (t->kind) {
	case RC_T_NUM:
		if (!(a = anode(p, RC_A_NUM, t)))
			return NULL;
		a->k = t->num;
		adv(p);
		return a;
	case RC_T_LEN:
		adv(p);
		return anode(p, RC_A_LEN, t);
	case RC_T_LPAREN: {
		adv(p);
		if (enter(p) < 0)
			return NULL;
		a = arith(p, 0);
		p->depth--;
		if (!a)
			return NULL;
		if (!at(p, RC_T_RPAREN))
			return fail(p, RC_ESYNTAX, cur(p), "expected ')' to close the arithmetic "
				    "expression opened at column %u", t->col);
		adv(p);
		return a;
	}
	case RC_T_PNAME: {
		if (peek(p, 1)->kind != RC_T_LBRACK)
			return fail(p, RC_ESYNTAX, t, "expected '[' after protocol name in an "
				    "arithmetic expression");
		if (!(a = anode(p, RC_A_LOAD, t)))
			return NULL;
		a->pq = (uint8_t)t->num;
		a->size = 1;
		adv(p);
		adv(p);
		if (enter(p) < 0)
			return NULL;
		a->a = arith(p, 0);
		p->depth--;
		if (!a->a)
			return NULL;
		if (at(p, RC_T_COLON)) {
			adv(p);
			if (!at(p, RC_T_NUM))
				return fail(p, RC_ESYNTAX, cur(p), "expected the data size 1, 2 or 4");
			if (cur(p)->num != 1 && cur(p)->num != 2 && cur(p)->num != 4)
				return fail(p, RC_ESYNTAX, cur(p), "data size must be 1, 2 or 4");
			a->size = (uint8_t)cur(p)->num;
			adv(p);
		}
		if (!at(p, RC_T_RBRACK))
			return fail(p, RC_ESYNTAX, cur(p), "expected ']' to close %s[ at column %u",
				    t->text, t->col);
		adv(p);
		return a;
	}
	default:
		return fail(p, RC_ESYNTAX, t, "syntax error: expected a number, 'len', "
			    "proto[offset] or '('");
	}
}

/* operand := '-' operand | primary ['^' arith] */
static rc__arith *operand(rc__parser *p)
{
	const rc__token *t = cur(p);
	if (enter(p) < 0)
		return NULL;
	rc__arith *a;
	if (t->kind == RC_T_MINUS) {
		adv(p);
		rc__arith *x = operand(p);
		if (!x || !(a = anode(p, RC_A_NEG, t)))
			return NULL;
		a->a = x;
	} else {
		a = primary(p);
		if (a && at(p, RC_T_CARET)) {
			const rc__token *op = cur(p);
			adv(p);
			rc__arith *b = arith(p, 0), *x;
			if (!b || !(x = anode(p, RC_A_BIN, op)))
				return NULL;
			x->op = BPF_XOR;
			x->a = a;
			x->b = b;
			a = x;
		}
	}
	p->depth--;
	return a;
}

static int binop_level(int k, uint16_t *op)
{
	switch (k) {
	case RC_T_PIPE: *op = BPF_OR; return 1;
	case RC_T_AMP: *op = BPF_AND; return 2;
	case RC_T_LSH: *op = BPF_LSH; return 3;
	case RC_T_RSH: *op = BPF_RSH; return 3;
	case RC_T_PLUS: *op = BPF_ADD; return 4;
	case RC_T_MINUS: *op = BPF_SUB; return 4;
	case RC_T_STAR: *op = BPF_MUL; return 5;
	case RC_T_SLASH: *op = BPF_DIV; return 5;
	case RC_T_PERCENT: *op = BPF_MOD; return 5;
	default: return 0;
	}
}

/* Precedence climbing for the left-associative levels 1..5. */
static rc__arith *arith(rc__parser *p, int min_level)
{
	unsigned depth = p->depth;
	rc__arith *a = operand(p);
	for (;;) {
		if (!a)
			return NULL;
		uint16_t op;
		int lvl = binop_level(cur(p)->kind, &op);
		if (lvl == 0 || lvl <= min_level) {
			p->depth = depth;
			return a;
		}
		const rc__token *t = cur(p);
		if (enter(p) < 0)
			return NULL;
		adv(p);
		rc__arith *b = arith(p, lvl), *x;
		if (!b || !(x = anode(p, RC_A_BIN, t)))
			return NULL;
		x->op = op;
		x->a = a;
		x->b = b;
		a = x;
	}
}

/* A relation term; it leaves no qualifier for a bare value after it to
 * inherit (*qout = qerr, libpcap's grammar.y). */
static rc__node *relation(rc__parser *p, rc__qual *qout)
{
	*qout = qerr;
	const rc__token *first = cur(p);
	rc__node *n = node(p, RC_N_REL, first);
	if (!n)
		return NULL;
	n->q = qerr;
	n->a = arith(p, 0);
	if (!n->a)
		return NULL;
	const rc__token *r = cur(p);
	switch (r->kind) {
	case RC_T_GT: n->relop = BPF_JGT; break;
	case RC_T_GE: n->relop = BPF_JGE; break;
	case RC_T_EQ: n->relop = BPF_JEQ; break;
	case RC_T_LE: n->relop = BPF_JGT; n->reversed = 1; break;
	case RC_T_LT: n->relop = BPF_JGE; n->reversed = 1; break;
	case RC_T_NE: n->relop = BPF_JEQ; n->reversed = 1; break;
	default:
		return fail(p, RC_ESYNTAX, r, "expected a comparison (= != < <= > >=) after "
			    "the arithmetic expression");
	}
	n->col = r->col;
	adv(p);
	n->b = arith(p, 0);
	if (!n->b)
		return NULL;
	span_end(p, n);
	return n;
}

/* ---- ids (values that take qualifiers) ---- */

/* Does the '(' at index i enclose nothing but parens around one NUM? */
static int paren_is_pnum(rc__parser *p, size_t i)
{
	size_t j = i;
	while (p->t[j].kind == RC_T_LPAREN)
		j++;
	if (p->t[j].kind != RC_T_NUM)
		return 0;
	size_t opens = j - i;
	for (size_t k = 1; k <= opens; k++)
		if (p->t[j + k].kind != RC_T_RPAREN)
			return 0;
	return 1;
}

/* Would libpcap read an "id" (rather than a term) at the current token? */
static int looks_like_id(rc__parser *p)
{
	size_t i = p->pos;
	while (p->t[i].kind == RC_T_NOT || p->t[i].kind == RC_T_LPAREN)
		i++;
	switch (p->t[i].kind) {
	case RC_T_ID:
	case RC_T_HID:
	case RC_T_HID6:
	case RC_T_EID:
		return 1;
	case RC_T_NUM: {
		size_t j = i + 1;
		while (p->t[j].kind == RC_T_RPAREN)
			j++;
		return !is_arith_op(p->t[j].kind) && !is_relop(p->t[j].kind);
	}
	default:
		return 0;
	}
}

static rc__node *id(rc__parser *p, rc__qual q);

/* pid := id ((and|or) id)*  -- inside "host ( ... )" */
static rc__node *pid(rc__parser *p, rc__qual q)
{
	unsigned depth = p->depth;
	int prev = 0;
	rc__node *l = id(p, q);
	while (l && (at(p, RC_T_AND) || at(p, RC_T_OR))) {
		const rc__token *op = cur(p);
		if (prev && op->kind != prev && enter(p) < 0)
			return NULL;
		prev = op->kind;
		adv(p);
		rc__node *r = id(p, q), *n;
		if (!r || !(n = node(p, op->kind == RC_T_AND ? RC_N_AND : RC_N_OR, op)))
			return NULL;
		n->l = l;
		n->r = r;
		l = n;
	}
	p->depth = depth;
	return l;
}

static rc__node *id(rc__parser *p, rc__qual q)
{
	const rc__token *t = cur(p);
	rc__node *n;
	if (enter(p) < 0)
		return NULL;
	if (t->kind == RC_T_NOT) {
		adv(p);
		rc__node *c = id(p, q);
		if (!c || !(n = node(p, RC_N_NOT, t)))
			return NULL;
		n->l = c;
		p->depth--;
		return n;
	}
	if (t->kind == RC_T_LPAREN && !paren_is_pnum(p, p->pos)) {
		adv(p);
		n = pid(p, q);
		if (!n)
			return NULL;
		if (!at(p, RC_T_RPAREN))
			return fail(p, RC_ESYNTAX, cur(p), "expected ')' (the '(' at column %u "
				    "groups values of one qualifier)", t->col);
		adv(p);
		p->depth--;
		return n;
	}
	if (q.addr == RC_AQ_UNDEF)
		return fail(p, RC_ESYNTAX, t, "syntax error: a value here needs a qualifier "
			    "such as 'host' or 'port'");
	size_t parens = 0;
	while (at(p, RC_T_LPAREN)) {   /* pnum := '(' pnum ')' */
		parens++;
		adv(p);
	}
	t = cur(p);
	if (!(n = node(p, RC_N_ID, t)))
		return NULL;
	n->q = q;
	n->text = t->text;
	switch (t->kind) {
	case RC_T_NUM:
		n->vkind = RC_V_NUM;
		n->num = t->num;
		adv(p);
		break;
	case RC_T_HID:
		n->vkind = RC_V_HID;
		adv(p);
		if (at(p, RC_T_SLASH)) {
			adv(p);
			if (!at(p, RC_T_NUM))
				return fail(p, RC_ESYNTAX, cur(p), "expected a mask length after '/'");
			n->vkind = RC_V_NETLEN;
			n->num = cur(p)->num;
			adv(p);
		} else if (at(p, RC_T_MASK)) {
			adv(p);
			if (!at(p, RC_T_HID))
				return fail(p, RC_ESYNTAX, cur(p), "expected a dotted netmask after 'mask'");
			n->vkind = RC_V_NETMASK;
			n->text2 = cur(p)->text;
			adv(p);
		}
		break;
	case RC_T_HID6:
		n->vkind = RC_V_HID6;
		adv(p);
		if (at(p, RC_T_SLASH)) {
			adv(p);
			if (!at(p, RC_T_NUM))
				return fail(p, RC_ESYNTAX, cur(p), "expected a prefix length after '/'");
			n->vkind = RC_V_NET6;
			n->num = cur(p)->num;
			adv(p);
		}
		break;
	case RC_T_EID:
		n->vkind = RC_V_EID;
		adv(p);
		break;
	case RC_T_ID:
		n->vkind = RC_V_NAME;
		adv(p);
		break;
	default:
		return fail(p, RC_ESYNTAX, t, "syntax error: expected a host, network, port, "
			    "protocol or name%s", t->kind == RC_T_PNAME ? " (escape protocol names "
			    "with a backslash, e.g. 'ip proto \\tcp')" : "");
	}
	if (parens && n->vkind != RC_V_NUM)
		return fail(p, RC_ESYNTAX, t, "syntax error");
	while (parens--) {
		if (!at(p, RC_T_RPAREN))
			return fail(p, RC_ESYNTAX, cur(p), "expected ')'");
		adv(p);
	}
	span_end(p, n);
	p->depth--;
	return n;
}

/* ---- terms ---- */

static rc__node *expr(rc__parser *p, rc__qual q, rc__qual *qout);

/* Optional number after vlan/mpls/pppoes: NUM or '(' NUM ')'. */
static int opt_pnum(rc__parser *p, rc__node *n)
{
	if (at(p, RC_T_NUM) || (at(p, RC_T_LPAREN) && paren_is_pnum(p, p->pos))) {
		size_t parens = 0;
		while (at(p, RC_T_LPAREN)) {
			parens++;
			adv(p);
		}
		n->has_num = 1;
		n->num = cur(p)->num;
		n->col = cur(p)->col;
		adv(p);
		while (parens--)
			adv(p);
	}
	return 0;
}

static rc__node *simple(rc__parser *p, int kind, rc__qual *qout)
{
	rc__node *n = node(p, kind, cur(p));
	if (!n)
		return NULL;
	adv(p);
	n->q = qerr;
	*qout = qerr;
	return n;
}

static rc__node *num_arg(rc__parser *p, int kind, rc__qual *qout)
{
	const rc__token *kw = cur(p);
	rc__node *n = simple(p, kind, qout);
	if (!n)
		return NULL;
	if (!at(p, RC_T_NUM))
		return fail(p, RC_ESYNTAX, cur(p), "expected a number after '%s'", kw->text);
	n->num = cur(p)->num;
	n->col = cur(p)->col;
	adv(p);
	span_end(p, n);
	return n;
}

/* head := [pname] [dqual] [aqual | proto | protochain | gateway], then an id */
static rc__node *head_id(rc__parser *p, rc__qual *qout)
{
	rc__qual q = {RC_PQ_DEFAULT, RC_DIR_DEFAULT, RC_AQ_DEFAULT};
	const rc__token *first = cur(p);
	if (at(p, RC_T_PNAME)) {
		q.proto = (uint8_t)cur(p)->num;
		adv(p);
	}
	if (at(p, RC_T_SRC) || at(p, RC_T_DST)) {
		int d = at(p, RC_T_SRC) ? RC_DIR_SRC : RC_DIR_DST;
		q.dir = (uint8_t)d;
		adv(p);
		if (at(p, RC_T_OR) || at(p, RC_T_AND)) {
			int other = d == RC_DIR_SRC ? RC_T_DST : RC_T_SRC;
			if (peek(p, 1)->kind != other)
				return fail(p, RC_ESYNTAX, peek(p, 1), "syntax error: expected '%s' "
					    "after '%s %s'", other == RC_T_DST ? "dst" : "src",
					    d == RC_DIR_SRC ? "src" : "dst", cur(p)->text);
			q.dir = at(p, RC_T_OR) ? RC_DIR_OR : RC_DIR_AND;
			adv(p);
			adv(p);
		}
	}
	switch (cur(p)->kind) {
	case RC_T_HOST: q.addr = RC_AQ_HOST; adv(p); break;
	case RC_T_NET: q.addr = RC_AQ_NET; adv(p); break;
	case RC_T_PORT: q.addr = RC_AQ_PORT; adv(p); break;
	case RC_T_PORTRANGE: q.addr = RC_AQ_PORTRANGE; adv(p); break;
	case RC_T_PROTO:
	case RC_T_PROTOCHAIN:
	case RC_T_GATEWAY:
		if (q.dir != RC_DIR_DEFAULT)
			return fail(p, RC_ESYNTAX, cur(p), "syntax error: '%s' takes no direction "
				    "qualifier", cur(p)->text);
		q.addr = at(p, RC_T_PROTO) ? RC_AQ_PROTO
			 : at(p, RC_T_PROTOCHAIN) ? RC_AQ_PROTOCHAIN : RC_AQ_GATEWAY;
		adv(p);
		break;
	default:
		/* a direction alone, "src 1.2.3.4" (callers enter only at a
		 * direction or one of the keywords above) */
		break;
	}
	rc__node *n = id(p, q);
	if (n) {
		n->start = first->col - 1;
		*qout = q;
	}
	return n;
}

static rc__node *rterm(rc__parser *p, rc__qual q, rc__qual *qout)
{
	const rc__token *t = cur(p);
	rc__node *n;
	switch (t->kind) {
	case RC_T_LPAREN: {
		const rc__token *after = &p->t[t->match + 1];
		if (is_arith_op(after->kind) || is_relop(after->kind))
			return relation(p, qout);
		adv(p);
		rc__qual dummy;
		n = expr(p, q, &dummy);
		if (!n)
			return NULL;
		if (!at(p, RC_T_RPAREN))
			return fail(p, RC_ESYNTAX, cur(p), "syntax error: expected ')' to close "
				    "the '(' at column %u", t->col);
		adv(p);
		*qout = q;
		return n;
	}
	case RC_T_PNAME: {
		int nk = peek(p, 1)->kind;
		if (nk == RC_T_LBRACK)
			return relation(p, qout);
		if (nk == RC_T_BROADCAST || nk == RC_T_MULTICAST) {
			n = node(p, nk == RC_T_BROADCAST ? RC_N_BCAST : RC_N_MCAST, t);
			if (!n)
				return NULL;
			n->q.proto = (uint8_t)t->num;
			adv(p);
			adv(p);
			span_end(p, n);
			*qout = qerr;
			return n;
		}
		if (nk == RC_T_SRC || nk == RC_T_DST || nk == RC_T_HOST || nk == RC_T_NET ||
		    nk == RC_T_PORT || nk == RC_T_PORTRANGE || nk == RC_T_PROTO ||
		    nk == RC_T_PROTOCHAIN || nk == RC_T_GATEWAY)
			return head_id(p, qout);
		n = simple(p, RC_N_PNAME, qout);
		if (n)
			n->q.proto = (uint8_t)t->num;
		return n;
	}
	case RC_T_SRC:
	case RC_T_DST:
	case RC_T_HOST:
	case RC_T_NET:
	case RC_T_PORT:
	case RC_T_PORTRANGE:
	case RC_T_PROTO:
	case RC_T_PROTOCHAIN:
	case RC_T_GATEWAY:
		return head_id(p, qout);
	case RC_T_BROADCAST:
	case RC_T_MULTICAST:
		n = simple(p, t->kind == RC_T_BROADCAST ? RC_N_BCAST : RC_N_MCAST, qout);
		if (n)
			n->q.proto = RC_PQ_DEFAULT;
		return n;
	case RC_T_NUM:
	case RC_T_LEN:
	case RC_T_MINUS:
		return relation(p, qout);
	case RC_T_LESS:
		return num_arg(p, RC_N_LESS, qout);
	case RC_T_GREATER:
		return num_arg(p, RC_N_GREATER, qout);
	case RC_T_IFINDEX:
		return num_arg(p, RC_N_IFINDEX, qout);
	case RC_T_INBOUND:
		return simple(p, RC_N_INBOUND, qout);
	case RC_T_OUTBOUND:
		return simple(p, RC_N_OUTBOUND, qout);
	case RC_T_PPPOED:
		return simple(p, RC_N_PPPOED, qout);
	case RC_T_VLAN:
	case RC_T_MPLS:
	case RC_T_PPPOES:
	case RC_T_GENEVE:
		n = simple(p, t->kind == RC_T_VLAN ? RC_N_VLAN
			      : t->kind == RC_T_MPLS ? RC_N_MPLS
			      : t->kind == RC_T_PPPOES ? RC_N_PPPOES : RC_N_GENEVE, qout);
		if (n)
			opt_pnum(p, n);
		return n;
	case RC_T_LLC:
		n = simple(p, RC_N_LLC, qout);
		/* "rnr" is a PF keyword, so libpcap's grammar has "llc PF_RNR" too */
		if (n && (at(p, RC_T_ID) || (at(p, RC_T_UNSUP) && cur(p)->num == 1))) {
			n->text = at(p, RC_T_ID) ? cur(p)->text : "rnr";
			adv(p);
			span_end(p, n);
		}
		return n;
	case RC_T_BYTE: {
		n = num_arg(p, RC_N_BYTE, qout);
		if (!n)
			return NULL;
		switch (cur(p)->kind) {
		case RC_T_AMP: n->byteop = '&'; break;
		case RC_T_PIPE: n->byteop = '|'; break;
		case RC_T_LT: n->byteop = '<'; break;
		case RC_T_GT: n->byteop = '>'; break;
		case RC_T_EQ: n->byteop = '='; break;
		default:
			return fail(p, RC_ESYNTAX, cur(p), "expected one of & | < > = after "
				    "'byte %u'", n->num);
		}
		adv(p);
		if (!at(p, RC_T_NUM))
			return fail(p, RC_ESYNTAX, cur(p), "expected a number");
		n->num2 = cur(p)->num;
		adv(p);
		span_end(p, n);
		return n;
	}
	case RC_T_UNSUP:
		return fail(p, RC_ENOTSUP, t, "this libpcap keyword is not supported by ringcap");
	case RC_T_EOF:
		return fail(p, RC_ESYNTAX, t, "syntax error: expression ends too early");
	default:
		return fail(p, RC_ESYNTAX, t, "syntax error");
	}
}

static rc__node *term(rc__parser *p, rc__qual q, rc__qual *qout)
{
	if (enter(p) < 0)
		return NULL;
	rc__node *n;
	if (at(p, RC_T_NOT)) {
		const rc__token *t = cur(p);
		adv(p);
		rc__node *c = term(p, q, qout);
		if (!c || !(n = node(p, RC_N_NOT, t)))
			return NULL;
		n->l = c;
	} else {
		n = rterm(p, q, qout);
	}
	p->depth--;
	return n;
}

static rc__node *expr(rc__parser *p, rc__qual q, rc__qual *qout)
{
	if (enter(p) < 0)
		return NULL;
	unsigned depth = p->depth;
	int prev = 0;
	rc__node *l = term(p, q, &q);
	while (l && (at(p, RC_T_AND) || at(p, RC_T_OR))) {
		const rc__token *op = cur(p);
		if (prev && op->kind != prev && enter(p) < 0)
			return NULL;
		prev = op->kind;
		adv(p);
		rc__node *r = looks_like_id(p) ? id(p, q) : term(p, q, &q), *n;
		if (!r || !(n = node(p, op->kind == RC_T_AND ? RC_N_AND : RC_N_OR, op)))
			return NULL;
		n->l = l;
		n->r = r;
		l = n;
	}
	*qout = q;
	p->depth = depth - 1;
	return l;
}

int rc__parse(rc__arena *arena, const rc__toklist *toks, rc__node **root, char *errbuf)
{
	rc__parser p = {.arena = arena, .t = toks->v, .n = toks->n, .errbuf = errbuf};
	if (at(&p, RC_T_EOF)) {
		*root = node(&p, RC_N_TRUE, cur(&p));
		return *root ? 0 : p.status;
	}
	rc__qual q;
	rc__node *n = expr(&p, qerr, &q);
	if (n && !at(&p, RC_T_EOF)) {
		const rc__token *t = cur(&p);
		fail(&p, RC_ESYNTAX, t, "syntax error: unexpected %s after a complete expression",
		     t->kind == RC_T_RPAREN ? "')'" : "token");
		n = NULL;
	}
	if (!n)
		return p.status ? p.status : rc__errf(errbuf, RC_ESYNTAX, "syntax error");
	*root = n;
	return 0;
}

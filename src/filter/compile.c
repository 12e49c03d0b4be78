/*
 * compile.c - rc_filter_compile: lexer -> parser -> code generator ->
 * layout -> optimizer (rc_bpf_optimize) -> validator.
 *
 * Memory is bounded: everything lives in one arena capped at
 * RC__ARENA_BASE + RC__ARENA_PER_BYTE * strlen(expr), and code generation
 * stops once the graph holds RC__GEN_FACTOR times the program limit
 * (RC_ELIMIT), well before anything near that could fit: the kernel's 4096
 * instructions, or opts->max_insns (at most RC_BPF_USER_MAXINSNS) for
 * programs that stay in userspace.
 */
#include <stdlib.h>
#include <string.h>

#include "filter/ast.h"
#include "filter/compile.h"
#include "filter/gen.h"
#include "filter/optimize.h"
#include "ringcap/filter.h"
#include "ringcap/linktype.h"
#include "util/errmsg.h"

#define RC__EXPR_MAX_BYTES ((size_t)4 * 1024 * 1024)
#define RC__ARENA_BASE ((size_t)32 * 1024 * 1024)
#define RC__ARENA_PER_BYTE 512
#define RC__GEN_FACTOR 8

static int link_offsets(rc__cg *cg, int linktype)
{
	cg->off_linkhdr = 0;
	cg->off_nl = 0;
	cg->off_nl_nosnap = 0;
	switch (linktype) {
	case RC_LINKTYPE_ETHERNET:
		cg->off_linktype = 12;
		cg->off_linkpl = 14;
		cg->off_nl_nosnap = 3;
		return 0;
	/* SLL/SLL2: libpcap's init_linktype leaves off_nl_nosnap 0 ("XXX -
	 * what does it do with 802.3 packets?"), so "isis" there reads the
	 * DSAP as the NLPID; ringcap means what libpcap means */
	case RC_LINKTYPE_LINUX_SLL:
		cg->off_linktype = 14;
		cg->off_linkpl = 16;
		return 0;
	case RC_LINKTYPE_LINUX_SLL2:
		cg->off_linktype = 0;
		cg->off_linkpl = 20;
		return 0;
	case RC_LINKTYPE_RAW:
	case RC_LINKTYPE_IPV4:
	case RC_LINKTYPE_IPV6:
		cg->off_linktype = UINT32_MAX;
		cg->off_linkpl = 0;
		return 0;
	case RC_LINKTYPE_NULL:
	case RC_LINKTYPE_LOOP:
		cg->off_linktype = 0;
		cg->off_linkpl = 4;
		return 0;
	default:
		return -1;
	}
}

static int limit_error(char *errbuf, size_t max)
{
	if (max == RC_BPF_MAXINSNS)
		return rc__errf(errbuf, RC_ELIMIT, "filter program would exceed %d instructions "
				"(the kernel limit)", RC_BPF_MAXINSNS);
	return rc__errf(errbuf, RC_ELIMIT, "filter program would exceed %zu instructions "
			"(opts->max_insns)", max);
}

/* Code generation and layout for one set-leaf size; the AST stays in its arena. */
static int generate(rc__cg *cg, rc__arena *code, const rc__node *root, const char *expr,
		    int linktype, uint32_t netmask, const rc_filter_opts *o, uint32_t leaf,
		    uint32_t accept_k, rc_bpf_prog *prog, char *errbuf)
{
	memset(cg, 0, sizeof(*cg));
	link_offsets(cg, linktype);
	cg->g.arena = code;
	cg->g.max_insns = (uint64_t)RC__GEN_FACTOR * o->max_insns;
	cg->max_prog = (uint32_t)o->max_insns;
	cg->errbuf = errbuf;
	cg->src = expr;
	cg->linktype = linktype;
	cg->link = linktype;
	cg->netmask = netmask;
	cg->linux_live = o->linux_live;
	cg->resolve_names = o->resolve_names;
	cg->set_leaf = leaf;
	cg->reg_linkhdr = cg->reg_linktype = cg->reg_linkpl = -1;
	rc__frag f = rc__gen_node(cg, root);
	if (rc__gen_failed(cg)) {
		int st = cg->status;
		if (st == RC_ELIMIT && cg->g.failed == RC__CFG_LIMIT)
			limit_error(errbuf, o->max_insns);
		else if (st == RC_ENOMEM || (st == RC_ELIMIT && cg->g.failed == RC__CFG_NOMEM))
			rc__errf(errbuf, st, "out of memory compiling the filter");
		return st;
	}
	f = rc__gen_geneve_prologue(cg, f);
	/* the optimizer (like the kernel) takes at most the limit */
	int st = rc__cfg_emit(&cg->g, f, accept_k, o->max_insns, &prog->insns, &prog->len);
	if (st == RC_ELIMIT)
		return limit_error(errbuf, o->max_insns);
	if (st < 0)
		return rc__errf(errbuf, st, "out of memory laying out the program (limit %zu)",
				o->max_insns);
	return 0;
}

int rc_filter_compile(rc_bpf_prog *out, const char *expr, int linktype,
		      uint32_t snaplen_bytes, uint32_t netmask,
		      const rc_filter_opts *opts, char *errbuf)
{
	return rc__filter_compile_counted(out, expr, linktype, snaplen_bytes, netmask, opts,
					  errbuf, NULL);
}

int rc__filter_compile_counted(rc_bpf_prog *out, const char *expr, int linktype,
			       uint32_t snaplen_bytes, uint32_t netmask,
			       const rc_filter_opts *opts, char *errbuf,
			       struct rc__compile_work *work)
{
	struct rc__compile_work w = {0};
	if (!work)
		work = &w;
	*work = w;
	/* Cleared before any check, so that *out is {NULL, 0} after every
	 * failure and a caller may rc_bpf_free it whatever happened. */
	if (out) {
		out->insns = NULL;
		out->len = 0;
	}
	if (!out || !expr)
		return rc__errf(errbuf, RC_EINVAL, "rc_filter_compile: NULL %s",
				out ? "expression" : "output program");
	rc_filter_opts o = {.optimize = 1, .linux_live = 0, .resolve_names = 1};
	if (opts)
		o = *opts;
	if (o.max_insns == 0)
		o.max_insns = RC_BPF_MAXINSNS;
	if (o.max_insns > RC_BPF_USER_MAXINSNS)
		return rc__errf(errbuf, RC_EINVAL, "rc_filter_compile: max_insns %zu over %u",
				o.max_insns, RC_BPF_USER_MAXINSNS);
	size_t len = strnlen(expr, RC__EXPR_MAX_BYTES + 1);
	if (len > RC__EXPR_MAX_BYTES)
		return rc__errf(errbuf, RC_ELIMIT, "filter expression longer than %zu bytes",
				RC__EXPR_MAX_BYTES);
	rc__cg cg;
	memset(&cg, 0, sizeof(cg));
	if (link_offsets(&cg, linktype) < 0) {
		const char *name = rc_linktype_name(linktype);
		return rc__errf(errbuf, RC_ENOTSUP, "filters are not supported on link type %d%s%s%s",
				linktype, name ? " (" : "", name ? name : "", name ? ")" : "");
	}
	rc__arena arena, code;
	rc__arena_init(&arena, RC__ARENA_BASE + RC__ARENA_PER_BYTE * len);
	rc__arena_init(&code, RC__ARENA_BASE + RC__ARENA_PER_BYTE * len);
	rc__toklist toks;
	rc__node *root = NULL;
	rc_bpf_prog prog = {0};
	int st = rc__lex(&arena, expr, len, &toks, errbuf);
	if (st == 0) {
		work->lex = toks.n;
		st = rc__parse(&arena, &toks, &root, errbuf);
	}
	if (st < 0)
		goto err;
	/* Large sets first as search trees (leaves of 4), then, if that cannot
	 * fit, with bigger leaves and finally as plain chains (gen_set.c). */
	static const uint32_t leaves[] = {4, 16, UINT32_MAX};
	for (size_t attempt = 0; attempt < sizeof(leaves) / sizeof(leaves[0]); attempt++) {
		rc__arena_free(&code);
		rc__arena_init(&code, RC__ARENA_BASE + RC__ARENA_PER_BYTE * len);
		st = generate(&cg, &code, root, expr, linktype, netmask, &o, leaves[attempt],
			      snaplen_bytes ? snaplen_bytes : 262144, &prog, errbuf);
		work->gen += cg.g.ninsns;
		work->layout += cg.g.work;
		/* a generator stopped at its cap (g.failed) cannot fit as chains either */
		if (st != RC_ELIMIT || !cg.used_sets || cg.g.failed != 0)
			break;
	}
	if (st < 0)
		goto err;
	rc__arena_free(&code);
	rc__arena_free(&arena);
	if (o.optimize) {
		/* keep the generated program if optimizing fails or makes it longer:
		 * the generator's code is already valid and reasonably tight */
		rc_bpf_prog orig = {malloc(prog.len * sizeof(*prog.insns)), prog.len};
		if (!orig.insns) {
			rc_bpf_prog_free(&prog);
			return rc__errf(errbuf, RC_ENOMEM, "out of memory optimizing the filter");
		}
		memcpy(orig.insns, prog.insns, prog.len * sizeof(*prog.insns));
		if (rc__bpf_optimize_counted(&prog, o.max_insns, &work->optimize) < 0 ||
		    prog.len > orig.len) {
			rc_bpf_prog_free(&prog);
			prog = orig;
		} else {
			rc_bpf_prog_free(&orig);
		}
	}
	if (prog.len > o.max_insns) {
		size_t n = prog.len;
		rc_bpf_prog_free(&prog);
		return rc__errf(errbuf, RC_ELIMIT, "filter program has %zu instructions, more than "
				"the limit of %zu", n, o.max_insns);
	}
	char verr[RC_ERRBUF_SIZE];
	st = rc_bpf_validate_len(prog.insns, prog.len, o.max_insns, verr);
	if (st < 0) {
		rc_bpf_prog_free(&prog);
		return rc__errf(errbuf, st, "internal error: compiled program is invalid: %s", verr);
	}
	*out = prog;
	return 0;
err:
	rc__arena_free(&code);
	rc__arena_free(&arena);
	return st;
}

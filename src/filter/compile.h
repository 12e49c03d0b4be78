/*
 * compile.h - rc_filter_compile with its cost counted, for tests.
 *
 * Each stage counts steps of work (tokens, instructions generated, blocks
 * visited by layout and by every optimizer pass).  Tests compile lists of
 * n and 2n values and compare the counts: compile cost must grow linearly
 * (issue 5), which wall-clock time on a shared machine cannot show.
 */
#ifndef RC_FILTER_COMPILE_H
#define RC_FILTER_COMPILE_H

#include <stdint.h>

#include "ringcap/filter.h"

struct rc__compile_work {
	uint64_t lex;      /* tokens (the parser does O(1) work per token) */
	uint64_t gen;      /* instructions generated, summed over set retries */
	uint64_t layout;   /* rc__cfg_emit steps, summed over set retries */
	uint64_t optimize; /* rc_bpf_optimize steps */
};

/* rc_filter_compile, filling *work (zeroed first; may be NULL). */
int rc__filter_compile_counted(rc_bpf_prog *out, const char *expr, int linktype,
			       uint32_t snaplen_bytes, uint32_t netmask,
			       const rc_filter_opts *opts, char *errbuf,
			       struct rc__compile_work *work);

#endif

/*
 * prog.c - ownership of rc_bpf_prog: the one place a program is freed.
 */
#include "ringcap/filter.h"

#include <stdlib.h>

void rc_bpf_prog_free(rc_bpf_prog *prog)
{
	if (!prog)
		return;
	free(prog->insns);
	prog->insns = NULL;
	prog->len = 0;
}

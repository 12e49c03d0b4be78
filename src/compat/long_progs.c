/*
 * long_progs.c - which compiled programs are longer than 4096 instructions
 * (see long_progs.h for why bpf_filter() needs to know).
 *
 * A mutex and an unsorted array: the array holds the long programs a process
 * has compiled and not freed (a handful), and it is read only when
 * bpf_filter() runs past instruction 4095 of a program.  The atomic count
 * lets pcap_freecode() of the usual short program skip the lock.
 */
#include "compat/long_progs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct rc__long_prog {
	const struct bpf_insn *insns;
	size_t len;
};

static pthread_mutex_t rc__lp_mu = PTHREAD_MUTEX_INITIALIZER;
static struct rc__long_prog *rc__lp;
static size_t rc__lp_cap;
static atomic_size_t rc__lp_n;

/* Index of insns in the array, or the count if absent (lock held). */
static size_t rc__lp_find(const struct bpf_insn *insns)
{
	size_t n = atomic_load_explicit(&rc__lp_n, memory_order_relaxed), i;
	for (i = 0; i < n && rc__lp[i].insns != insns; i++)
		;
	return i;
}

int rc__long_prog_add(const struct bpf_insn *insns, size_t len)
{
	int rc = 0;
	pthread_mutex_lock(&rc__lp_mu);
	size_t n = atomic_load_explicit(&rc__lp_n, memory_order_relaxed);
	size_t i = rc__lp_find(insns);
	if (i == n && n == rc__lp_cap) {
		size_t cap = rc__lp_cap ? rc__lp_cap * 2 : 8;
		struct rc__long_prog *bigger = realloc(rc__lp, cap * sizeof(*bigger));
		if (!bigger) {
			rc = -1;
			goto out;
		}
		rc__lp = bigger;
		rc__lp_cap = cap;
	}
	/* The same address again: a program freed with free() and its memory
	 * reused by this one; the new length replaces the old. */
	rc__lp[i] = (struct rc__long_prog){ insns, len };
	if (i == n)
		atomic_store_explicit(&rc__lp_n, n + 1, memory_order_relaxed);
out:
	pthread_mutex_unlock(&rc__lp_mu);
	return rc;
}

void rc__long_prog_remove(const struct bpf_insn *insns)
{
	if (atomic_load_explicit(&rc__lp_n, memory_order_relaxed) == 0)
		return;
	pthread_mutex_lock(&rc__lp_mu);
	size_t n = atomic_load_explicit(&rc__lp_n, memory_order_relaxed);
	size_t i = rc__lp_find(insns);
	if (i < n) {
		rc__lp[i] = rc__lp[n - 1];
		atomic_store_explicit(&rc__lp_n, n - 1, memory_order_relaxed);
	}
	pthread_mutex_unlock(&rc__lp_mu);
}

size_t rc__long_prog_len(const struct bpf_insn *insns)
{
	pthread_mutex_lock(&rc__lp_mu);
	size_t n = atomic_load_explicit(&rc__lp_n, memory_order_relaxed);
	size_t i = rc__lp_find(insns), len = i < n ? rc__lp[i].len : 0;
	pthread_mutex_unlock(&rc__lp_mu);
	return len;
}

/*
 * rcb_stats.h - the summary behind every benchmark table: median, min and
 * max of a few runs.  Header-only because each bench .c file is a program of
 * its own (CMakeLists.txt builds one executable per file).
 */
#ifndef RCB_STATS_H
#define RCB_STATS_H

#include <stddef.h>
#include <stdlib.h>

typedef struct rcb_stats {
	double med, min, max;
} rcb_stats;

static inline int rcb_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts v[0..n), n >= 1, and summarizes it; an even n takes the mean of
 * the two middle values. */
static inline rcb_stats rcb_summary(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), rcb_cmp_double);
	double med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	return (rcb_stats){ med, v[0], v[n - 1] };
}

#endif

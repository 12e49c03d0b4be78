/*
 * arena.h - bump allocator for the filter compiler.
 *
 * Every token, AST node, basic block and edge of one compilation comes from
 * one arena and is released by one rc__arena_free() call, so the compiler
 * never frees piecemeal and error paths never leak (STYLE.md rule 10).
 * The arena has a byte limit: hostile expressions cannot make the compiler
 * allocate without bound; an allocation past the limit fails (NULL) and the
 * caller reports RC_ELIMIT.
 */
#ifndef RC_FILTER_ARENA_H
#define RC_FILTER_ARENA_H

#include <stddef.h>

typedef struct rc__arena_chunk rc__arena_chunk;

typedef struct rc__arena {
	rc__arena_chunk *head;   /* newest chunk first */
	size_t reserved_bytes;   /* bytes malloc'ed for chunks */
	size_t limit_bytes;      /* reserved_bytes never exceeds this */
	int over_limit;          /* 1 once an allocation failed on the limit */
} rc__arena;

/* Start an empty arena that will never reserve more than limit_bytes. */
void rc__arena_init(rc__arena *a, size_t limit_bytes);

/* n zeroed bytes aligned for any object; NULL on malloc failure or limit
 * (then a->over_limit tells which). Valid until rc__arena_free(). */
void *rc__arena_alloc(rc__arena *a, size_t n);

/* n * size zeroed bytes with overflow check. */
void *rc__arena_calloc(rc__arena *a, size_t n, size_t size);

/* Release every allocation; the arena may be reused after rc__arena_init. */
void rc__arena_free(rc__arena *a);

#endif

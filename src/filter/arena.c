/*
 * arena.c - chunked bump allocator (see arena.h).
 *
 *   head -> [chunk: next | size | used | data ..........]
 *             \-> [older chunk] -> ... -> NULL
 *
 * Chunks grow geometrically from 16 KiB to 1 MiB; an allocation larger than
 * the default chunk gets a chunk of its own.
 */
#include "filter/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct rc__arena_chunk {
	rc__arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

#define RC__ARENA_ALIGN 16
#define RC__ARENA_MIN_CHUNK ((size_t)16 * 1024)
#define RC__ARENA_MAX_CHUNK ((size_t)1024 * 1024)

void rc__arena_init(rc__arena *a, size_t limit_bytes)
{
	memset(a, 0, sizeof(*a));
	a->limit_bytes = limit_bytes;
}

void *rc__arena_alloc(rc__arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2) {
		a->over_limit = 1;
		return NULL;
	}
	n = (n + RC__ARENA_ALIGN - 1) & ~(size_t)(RC__ARENA_ALIGN - 1);
	rc__arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t want = c ? c->size * 2 : RC__ARENA_MIN_CHUNK;
		if (want > RC__ARENA_MAX_CHUNK)
			want = RC__ARENA_MAX_CHUNK;
		if (want < n)
			want = n;
		if (a->reserved_bytes > a->limit_bytes ||
		    want + sizeof(*c) > a->limit_bytes - a->reserved_bytes) {
			a->over_limit = 1;
			return NULL;
		}
		c = malloc(sizeof(*c) + want);
		if (!c)
			return NULL;
		c->next = a->head;
		c->size = want;
		c->used = 0;
		a->head = c;
		a->reserved_bytes += sizeof(*c) + want;
	}
	void *p = c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

void *rc__arena_calloc(rc__arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		a->over_limit = 1;
		return NULL;
	}
	return rc__arena_alloc(a, n * size);
}

void rc__arena_free(rc__arena *a)
{
	rc__arena_chunk *c = a->head;
	while (c) {
		rc__arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->reserved_bytes = 0;
}

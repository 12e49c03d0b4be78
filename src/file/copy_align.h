/*
 * copy_align.h - where the file code puts the user-space side of a
 * read(2) or write(2): at the same offset within a page as the file bytes
 * it is copied from or to.
 *
 * Why: the kernel copies with `rep movsb`, which on some CPUs runs many
 * times slower when the destination is 1-31 bytes past the source modulo
 * 4096 (stores and the loads that follow them alias).  Measured on an AMD
 * EPYC VM, kernel 6.18: a 1 MiB pread 370-650 us that way, 41 us at equal
 * offsets, 44-85 us elsewhere; a 1 MiB write into cached pages 370-440 us
 * against 44-51.  A buffer at a fixed address (malloc returns addresses 16
 * bytes into a page) falls in that window about once in 130 copies.
 * Equal offsets are the fastest case on every machine measured.
 *
 * Users: source.c (stream_fill_with, the AUTO probe), writer.c
 * (place_buf) and the libpcap ABI's dumper (compat/dump.c, rc__dump_place).
 */
#ifndef RC_FILE_COPY_ALIGN_H
#define RC_FILE_COPY_ALIGN_H

#include <stdint.h>
#include <stdlib.h>

#define RC__COPY_ALIGN 4096u

/* n bytes at a page boundary, or NULL; freed with free(). */
static inline uint8_t *rc__page_alloc(size_t n)
{
	void *p;
	return posix_memalign(&p, RC__COPY_ALIGN, n) == 0 ? p : NULL;
}

#endif /* RC_FILE_COPY_ALIGN_H */

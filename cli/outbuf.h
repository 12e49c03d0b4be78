/*
 * outbuf.h - the CLI's output buffer.
 *
 * Printing one packet summary takes a few dozen small appends; doing each
 * through stdio costs more than decoding the packet.  rc__ob collects text in
 * one growing buffer and hands it to write(2) in large chunks (fd mode) or
 * keeps it in memory for tests and fuzzing (fd = -1).  Appends never write:
 * the caller flushes at packet boundaries with rc__ob_maybe_flush(), so a
 * position taken inside one packet's text stays valid while it is printed.
 *
 * Not thread-safe; one buffer per printing thread.
 *
 * What is not a packet (usage, --version, -D, -L, --count, -d) goes
 * through stdio's stdout; rc__ob_stdio_done checks it once, at exit, so
 * no path can end with its output lost and a zero exit status.
 */
#ifndef RC_CLI_OUTBUF_H
#define RC_CLI_OUTBUF_H

#include <stddef.h>
#include <stdint.h>

/* Flush to the descriptor once this many bytes are pending. */
#define RC_OB_FLUSH_BYTES (64u * 1024u)
/* The buffer never grows past this (one packet's text is far smaller,
 * but for hostile ones: deeply nested ISAKMP payloads indent each level
 * further, and tcpdump prints all of it).  Text that would pass it is
 * left out - "clipped" - and the printer says so at the packet's end. */
#define RC_OB_MAX_MEM_BYTES (16u * 1024u * 1024u)

typedef struct rc__ob {
	char *buf;
	size_t len;
	size_t cap;
	int fd;     /* -1: memory mode */
	int err;    /* first errno from write(2) or ENOMEM, sticky */
	int clipped; /* text was left out at RC_OB_MAX_MEM_BYTES */
} rc__ob;

/* Initialise; fd = -1 for memory mode.  Returns 0 or RC_ENOMEM. */
int rc__ob_init(rc__ob *ob, int fd);
/* Flush (fd mode) and free; accepts a zeroed struct. */
void rc__ob_free(rc__ob *ob);
/* Write everything pending to fd; returns 0 or a negative RC_E* status. */
int rc__ob_flush(rc__ob *ob);
/* Flush if at least RC_OB_FLUSH_BYTES are pending (fd mode); 0 or RC_E*. */
int rc__ob_maybe_flush(rc__ob *ob);
/* Memory mode: the text so far, NUL-terminated (valid until the next append). */
const char *rc__ob_str(rc__ob *ob);
void rc__ob_reset(rc__ob *ob);
/* Drop what was put after the first len bytes (a printer taking text back;
 * nothing is flushed between puts).  No-op if len is not shorter. */
void rc__ob_truncate(rc__ob *ob, size_t len);

/* If text was clipped since the last call: end the text with note (a
 * line, cutting more text to make room for it) and return 1; else 0.
 * A clip not reported this way before the next flush is an ENOMEM error
 * there (the text before it is written). */
int rc__ob_unclip(rc__ob *ob, const char *note);

void rc__ob_put(rc__ob *ob, const char *s, size_t n);
void rc__ob_puts(rc__ob *ob, const char *s);
void rc__ob_putc(rc__ob *ob, char c);
void rc__ob_u(rc__ob *ob, uint64_t v);          /* decimal */
void rc__ob_u0(rc__ob *ob, uint64_t v, int width); /* decimal, zero-padded */
void rc__ob_x(rc__ob *ob, uint64_t v, int width);  /* lower hex, zero-padded to width */
void rc__ob_printf(rc__ob *ob, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "ringcap: error writing to standard output: <strerror(errnum)>" on
 * stderr (without the reason when errnum is 0). */
void rc__ob_write_error(int errnum);
/* At exit: flush stdio's stdout.  Returns code, or 1 (RC_EXIT_ERROR) when
 * anything written to it failed, after rc__ob_write_error. */
int rc__ob_stdio_done(int code);

#endif

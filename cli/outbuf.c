/*
 * outbuf.c - see outbuf.h.
 */
#include "outbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ringcap/error.h"
#include "util/errmsg.h"

#define RC_OB_INITIAL_BYTES (128u * 1024u)

int rc__ob_init(rc__ob *ob, int fd)
{
	memset(ob, 0, sizeof(*ob));
	ob->fd = fd;
	ob->cap = fd >= 0 ? RC_OB_INITIAL_BYTES : 4096;
	ob->buf = malloc(ob->cap);
	if (!ob->buf) {
		ob->cap = 0;
		ob->err = ENOMEM;
		return RC_ENOMEM;
	}
	ob->buf[0] = '\0';
	return 0;
}

void rc__ob_free(rc__ob *ob)
{
	if (!ob->buf)
		return;
	if (ob->fd >= 0)
		rc__ob_flush(ob);
	free(ob->buf);
	ob->buf = NULL;
	ob->len = ob->cap = 0;
}

int rc__ob_flush(rc__ob *ob)
{
	size_t off = 0;
	if (ob->fd < 0)
		return 0;
	while (off < ob->len && !ob->err) {
		ssize_t n = write(ob->fd, ob->buf + off, ob->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ob->err = errno;
			break;
		}
		off += (size_t)n;
	}
	ob->len = 0;
	/* Text clipped that no printer reported with rc__ob_unclip (a path
	 * other than rc__print_packet) is lost: an error, sticky as ever. */
	if (ob->clipped && !ob->err)
		ob->err = ENOMEM;
	return ob->err ? rc__from_errno(ob->err) : 0;
}

void rc__ob_write_error(int errnum)
{
	fprintf(stderr, "ringcap: error writing to standard output%s%s\n", errnum ? ": " : "",
		errnum ? strerror(errnum) : "");
}

int rc__ob_stdio_done(int code)
{
	/* A write that failed inside printf leaves its bytes buffered (glibc),
	 * so this flush fails again with the reason; ferror catches the rest. */
	errno = 0;
	int failed = fflush(stdout) != 0;
	int errnum = failed ? errno : 0;
	if (!failed && !ferror(stdout))
		return code;
	rc__ob_write_error(errnum);
	return code ? code : 1;
}

const char *rc__ob_str(rc__ob *ob)
{
	if (!ob->buf)
		return "";
	ob->buf[ob->len] = '\0';
	return ob->buf;
}

void rc__ob_reset(rc__ob *ob)
{
	ob->len = 0;
	if (ob->buf)
		ob->buf[0] = '\0';
}

void rc__ob_truncate(rc__ob *ob, size_t len)
{
	if (len < ob->len)
		ob->len = len;
}

/* Make room for n more bytes plus a NUL; 0 on success. */
static int ob_reserve(rc__ob *ob, size_t n)
{
	if (ob->err || ob->clipped || !ob->buf)
		return -1;
	if (ob->len + n + 1 <= ob->cap)
		return 0;
	size_t cap = ob->cap;
	while (cap < ob->len + n + 1)
		cap *= 2;
	if (cap > RC_OB_MAX_MEM_BYTES) {
		/* Not an error: the rest of this packet's text is left out,
		 * and the packets after it print as usual. */
		ob->clipped = 1;
		return -1;
	}
	char *nb = realloc(ob->buf, cap);
	if (!nb) {
		ob->err = ENOMEM;
		return -1;
	}
	ob->buf = nb;
	ob->cap = cap;
	return 0;
}

void rc__ob_put(rc__ob *ob, const char *s, size_t n)
{
	if (ob_reserve(ob, n) != 0)
		return;
	memcpy(ob->buf + ob->len, s, n);
	ob->len += n;
}

int rc__ob_unclip(rc__ob *ob, const char *note)
{
	if (!ob->clipped)
		return 0;
	ob->clipped = 0;
	size_t n = strlen(note);
	if (ob->len + n + 1 > ob->cap) /* clipped: cap is the maximum, >= n + 1 */
		ob->len = ob->cap - n - 1;
	rc__ob_put(ob, note, n);
	return 1;
}

int rc__ob_maybe_flush(rc__ob *ob)
{
	if (ob->fd >= 0 && ob->len >= RC_OB_FLUSH_BYTES)
		return rc__ob_flush(ob);
	return ob->err ? rc__from_errno(ob->err) : 0;
}

void rc__ob_puts(rc__ob *ob, const char *s)
{
	rc__ob_put(ob, s, strlen(s));
}

void rc__ob_putc(rc__ob *ob, char c)
{
	if (ob->len + 2 <= ob->cap && !ob->err && !ob->clipped) {
		ob->buf[ob->len++] = c;
		return;
	}
	rc__ob_put(ob, &c, 1);
}

void rc__ob_u(rc__ob *ob, uint64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	rc__ob_put(ob, tmp + i, sizeof(tmp) - i);
}

void rc__ob_u0(rc__ob *ob, uint64_t v, int width)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v && i > 0);
	while ((int)(sizeof(tmp) - i) < width && i > 0)
		tmp[--i] = '0';
	rc__ob_put(ob, tmp + i, sizeof(tmp) - i);
}

void rc__ob_x(rc__ob *ob, uint64_t v, int width)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[20];
	size_t i = sizeof(tmp);
	do {
		tmp[--i] = hex[v & 15];
		v >>= 4;
	} while (v && i > 0);
	while ((int)(sizeof(tmp) - i) < width && i > 0)
		tmp[--i] = '0';
	rc__ob_put(ob, tmp + i, sizeof(tmp) - i);
}

void rc__ob_printf(rc__ob *ob, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		rc__ob_put(ob, tmp, (size_t)n);
		return;
	}
	/* Longer than the stack buffer: format again straight into ob. */
	if (ob_reserve(ob, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(ob->buf + ob->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ob->len += (size_t)n;
}

/*
 * errmsg.c - formatting of handle error messages and errno conversion.
 */
#define RC_ERRMSG_IMPL /* the definition below, not errmsg.h's analyzer macro */
#include "errmsg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int rc__errf(char *buf, int status, const char *fmt, ...)
{
	if (buf) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(buf, RC_ERRBUF_SIZE, fmt, ap);
		va_end(ap);
	}
	return status;
}

void rc__warnf(char *buf, const char *fmt, ...)
{
	size_t len = strnlen(buf, RC_ERRBUF_SIZE - 1);
	if (len && len + 2 < RC_ERRBUF_SIZE - 1) {
		memcpy(buf + len, "; ", 3);
		len += 2;
	}
	if (len >= RC_ERRBUF_SIZE - 1)
		return; /* full: the earlier warnings stand */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, RC_ERRBUF_SIZE - len, fmt, ap);
	va_end(ap);
}

int rc__from_errno(int err)
{
	switch (err) {
	case ENOMEM:
		return RC_ENOMEM;
	case EPERM:
	case EACCES:
		return RC_EPERM;
	case ENODEV:
	case ENXIO:
		return RC_ENODEV;
	case ENETDOWN:
		return RC_ENETDOWN;
	case ENOSPC:
	case EDQUOT:
		return RC_ENOSPC;
	case ENOENT:
		return RC_ENOENT;
	case EAGAIN:
		return RC_EAGAIN;
	case EINVAL:
		return RC_EINVAL;
	default:
		return RC_EIO;
	}
}

size_t rc__shown_name_len(const char *name)
{
	size_t n = strlen(name);
	return n > RC__NAME_SHOWN ? RC__NAME_SHOWN : n;
}

void rc__shown_name(char *out, const char *name)
{
	size_t n = strlen(name);
	if (n <= RC__NAME_SHOWN) {
		memcpy(out, name, n + 1);
		return;
	}
	memcpy(out, "...", 3);
	memcpy(out + 3, name + n - (RC__NAME_SHOWN - 3), RC__NAME_SHOWN - 3 + 1);
}

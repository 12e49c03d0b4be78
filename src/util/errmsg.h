/*
 * errmsg.h - internal helpers to format a handle's error message.
 *
 * Every handle embeds a char[RC_ERRBUF_SIZE]; rc__errf() formats into it
 * and returns the status so that failing paths read
 *     return rc__errf(h->err, RC_EFORMAT, "pcap record at offset %llu: ...", off);
 */
#ifndef RC_UTIL_ERRMSG_H
#define RC_UTIL_ERRMSG_H

#include <stddef.h>

#include "ringcap/error.h"

/* Format msg into buf (RC_ERRBUF_SIZE bytes, may be NULL) and return status. */
int rc__errf(char *buf, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#if defined(__clang_analyzer__) && !defined(RC_ERRMSG_IMPL)
/*
 * clang --analyze (scripts/analyze.sh) sees one file at a time and would
 * assume rc__errf may return anything, e.g. 1 ("got an option") on an
 * error path, and then report the caller's uninitialised outputs.  Show it
 * the result is status.  The analyzer only: compiled code is unchanged.
 */
#define rc__errf(buf, status, ...) (rc__errf((buf), (status), __VA_ARGS__), (status))
#endif

/*
 * Add a warning to those already in buf (RC_ERRBUF_SIZE bytes, a handle's
 * warning text): after "; " when buf holds one, so that a later warning
 * (a ring reduced) never hides an earlier one (a device without a link
 * type); the end is cut if the whole does not fit.
 */
void rc__warnf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Map an errno value to the closest RC_E* status (ENOMEM -> RC_ENOMEM,
 * EPERM/EACCES -> RC_EPERM, ENODEV/ENXIO -> RC_ENODEV, ENETDOWN -> RC_ENETDOWN,
 * ENOSPC/EDQUOT -> RC_ENOSPC, ENOENT -> RC_ENOENT, EAGAIN -> RC_EAGAIN,
 * EINVAL -> RC_EINVAL, anything else -> RC_EIO).  Convert once, where the
 * syscall failed.
 */
int rc__from_errno(int err);
#if defined(__clang_analyzer__) && !defined(RC_ERRMSG_IMPL)
/* As rc__errf above: show clang --analyze that the result is negative. */
static inline int rc__from_errno_analyzed(int err)
{
	int st = rc__from_errno(err);
	return st < 0 ? st : RC_EIO;
}
#define rc__from_errno(err) rc__from_errno_analyzed(err)
#endif

/*
 * How messages name an input (a file path, say): a name longer than
 * RC__NAME_SHOWN characters is shown as "..." and its last characters, so
 * that the reason after it still fits in RC_ERRBUF_SIZE bytes.
 * rc__shown_name_len is the length of the shown form; rc__shown_name
 * writes it (with its NUL) into out, which holds RC__NAME_SHOWN + 1 bytes.
 */
#define RC__NAME_SHOWN 96
size_t rc__shown_name_len(const char *name);
void rc__shown_name(char *out, const char *name);

#endif

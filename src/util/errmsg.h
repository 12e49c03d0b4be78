/*
 * errmsg.h - internal helpers to format a handle's error message.
 *
 * Every handle embeds a char[RC_ERRBUF_SIZE]; rc__errf() formats into it
 * and returns the status so that failing paths read
 *     return rc__errf(h->err, RC_EFORMAT, "pcap record at offset %llu: ...", off);
 */
#ifndef RC_UTIL_ERRMSG_H
#define RC_UTIL_ERRMSG_H

#include "ringcap/error.h"

/* Format msg into buf (RC_ERRBUF_SIZE bytes, may be NULL) and return status. */
int rc__errf(char *buf, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Map an errno value to the closest RC_E* status (ENOMEM -> RC_ENOMEM,
 * EPERM/EACCES -> RC_EPERM, ENODEV/ENXIO -> RC_ENODEV, ENETDOWN -> RC_ENETDOWN,
 * ENOSPC/EDQUOT -> RC_ENOSPC, ENOENT -> RC_ENOENT, EAGAIN -> RC_EAGAIN,
 * anything else -> RC_EIO).  Convert once, where the syscall failed.
 */
int rc__from_errno(int err);

#endif

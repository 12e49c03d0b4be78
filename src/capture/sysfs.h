/*
 * sysfs.h - reading /sys/class/net/<device>/<entry> for the right device
 * (internal).
 *
 * sysfs shows the network namespace of whoever mounted it.  After
 * unshare(CLONE_NEWNET) or setns() without a remount that is another
 * namespace, where a same-named interface may be something else entirely.
 * Each helper first compares /sys/class/net/<device>/ifindex with the index
 * the caller got from the kernel in its own namespace (SIOCGIFINDEX or
 * netlink) and answers "not there" when they differ.
 */
#ifndef RC_CAPTURE_SYSFS_H
#define RC_CAPTURE_SYSFS_H

#include <stddef.h>
#include <sys/types.h>

/* 1 if /sys/class/net/<name>/<entry> exists and belongs to the interface
 * with this ifindex, else 0. */
int rc__sysfs_has(const char *name, int ifindex, const char *entry);

/* Read up to len - 1 bytes of that file into buf, NUL-terminated, one
 * trailing newline removed.  Returns the length, or -1 when the file is
 * missing, empty, unreadable or another interface's. */
ssize_t rc__sysfs_read(const char *name, int ifindex, const char *entry, char *buf, size_t len);

#endif

/*
 * sysfs.c - /sys/class/net/<device>/<entry>, checked against the device's
 * ifindex (see sysfs.h for why).
 */
#include "capture/sysfs.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Path of entry for name; 0 if it does not fit. */
static int entry_path(char *path, size_t len, const char *name, const char *entry)
{
	int n = snprintf(path, len, "/sys/class/net/%s/%s", name, entry);
	return n > 0 && (size_t)n < len;
}

/* Read a small file; the length with a newline removed, or -1. */
static ssize_t read_small(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return -1;
	if (buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return n;
}

/* 1 if the sysfs directory of name is the interface ifindex. */
static int same_device(const char *name, int ifindex)
{
	char path[128], buf[32], *end;
	if (!entry_path(path, sizeof(path), name, "ifindex") ||
	    read_small(path, buf, sizeof(buf)) < 0)
		return 0;
	long v = strtol(buf, &end, 10);
	return *end == '\0' && v == ifindex;
}

int rc__sysfs_has(const char *name, int ifindex, const char *entry)
{
	char path[128];
	struct stat st;
	return same_device(name, ifindex) && entry_path(path, sizeof(path), name, entry) &&
	       stat(path, &st) == 0;
}

ssize_t rc__sysfs_read(const char *name, int ifindex, const char *entry, char *buf, size_t len)
{
	char path[128];
	if (len < 2 || !same_device(name, ifindex) || !entry_path(path, sizeof(path), name, entry))
		return -1;
	return read_small(path, buf, len);
}

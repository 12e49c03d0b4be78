/*
 * privs.c - dropping root for -Z (see privs.h).
 *
 * Order matters: supplementary groups and the gid first, while we still
 * may change them, then the uid; and a check that root cannot be regained.
 * For --keep-cap-net-raw the bounding set is cut while we still hold
 * CAP_SETPCAP, and PR_SET_KEEPCAPS spans the uid change only.
 */
#include "privs.h"

#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/* 64 capability bits in two words (_LINUX_CAPABILITY_VERSION_3, capget(2)). */
struct capsets {
	struct __user_cap_header_struct h;
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];
};

static int drop(const char *user, int keep_net_raw, char *err, size_t errlen)
{
	errno = 0;
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		snprintf(err, errlen, "-Z: unknown user '%s'%s%s", user, errno ? ": " : "",
			 errno ? strerror(errno) : "");
		return -1;
	}
	uid_t uid = pw->pw_uid;
	gid_t gid = pw->pw_gid;
	if (keep_net_raw) {
		/* Bounding set: everything but CAP_NET_RAW, up to the kernel's
		 * last capability (EINVAL past it ends the loop). */
		for (unsigned long cap = 0; cap < 64; cap++) {
			if (cap == CAP_NET_RAW)
				continue;
			if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0) {
				if (errno == EINVAL)
					break;
				snprintf(err, errlen, "-Z %s: cannot drop capability %lu from the bounding set: %s",
					 user, cap, strerror(errno));
				return -1;
			}
		}
		if (prctl(PR_SET_KEEPCAPS, 1L, 0L, 0L, 0L) != 0) {
			snprintf(err, errlen, "-Z %s: cannot keep capabilities: %s", user,
				 strerror(errno));
			return -1;
		}
	}
	if (initgroups(pw->pw_name, gid) != 0) {
		snprintf(err, errlen, "-Z %s: cannot set supplementary groups: %s", user,
			 strerror(errno));
		return -1;
	}
	if (setresgid(gid, gid, gid) != 0) {
		snprintf(err, errlen, "-Z %s: cannot set group id %ld: %s", user, (long)gid,
			 strerror(errno));
		return -1;
	}
	if (setresuid(uid, uid, uid) != 0) {
		snprintf(err, errlen, "-Z %s: cannot set user id %ld: %s", user, (long)uid,
			 strerror(errno));
		return -1;
	}
	if (keep_net_raw) {
		/* The uid change emptied the effective set and, with KEEPCAPS,
		 * left the permitted set whole: narrow both to CAP_NET_RAW. */
		(void)prctl(PR_SET_KEEPCAPS, 0L, 0L, 0L, 0L);
		struct capsets c;
		memset(&c, 0, sizeof(c));
		c.h.version = _LINUX_CAPABILITY_VERSION_3;
		c.d[CAP_NET_RAW / 32].permitted = 1u << (CAP_NET_RAW % 32);
		c.d[CAP_NET_RAW / 32].effective = 1u << (CAP_NET_RAW % 32);
		if (syscall(SYS_capset, &c.h, c.d) != 0) {
			snprintf(err, errlen, "-Z %s: cannot keep CAP_NET_RAW: %s", user,
				 strerror(errno));
			return -1;
		}
		struct capsets got;
		memset(&got, 0, sizeof(got));
		got.h.version = _LINUX_CAPABILITY_VERSION_3;
		if (syscall(SYS_capget, &got.h, got.d) != 0 ||
		    memcmp(got.d, c.d, sizeof(c.d)) != 0) {
			snprintf(err, errlen, "-Z %s: capabilities are not CAP_NET_RAW alone; refusing to go on",
				 user);
			return -1;
		}
	}
	if (uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
		snprintf(err, errlen, "-Z %s: root privileges could be regained; refusing to go on",
			 user);
		return -1;
	}
	return 0;
}

int rc__privs_drop(const char *user, char *err, size_t errlen)
{
	return drop(user, 0, err, errlen);
}

int rc__privs_drop_keep_net_raw(const char *user, char *err, size_t errlen)
{
	return drop(user, 1, err, errlen);
}

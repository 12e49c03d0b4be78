/*
 * privs.c - dropping root for -Z (see privs.h).
 *
 * Order matters: supplementary groups and the gid first, while we still
 * may change them, then the uid; and a check that root cannot be regained.
 */
#include "privs.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int rc__privs_drop(const char *user, char *err, size_t errlen)
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
	if (uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
		snprintf(err, errlen, "-Z %s: root privileges could be regained; refusing to go on",
			 user);
		return -1;
	}
	return 0;
}

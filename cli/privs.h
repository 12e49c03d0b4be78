/*
 * privs.h - -Z USER: give up root once the capture sockets are open and
 * their filters attached, before any output file is opened (tcpdump's
 * order; --keep-cap-net-raw: all of root but CAP_NET_RAW).
 */
#ifndef RC_CLI_PRIVS_H
#define RC_CLI_PRIVS_H

#include <stddef.h>

/*
 * Switch the whole process (every thread: glibc's setuid family applies
 * to all threads) to user's uid, primary gid and supplementary groups
 * from the password database.  Changing the uid away from 0 clears the
 * permitted and effective capability sets (capabilities(7), "Effect of
 * user ID changes"), so CAP_NET_RAW is gone too; already open sockets and
 * files stay usable.  Returns 0 or -1 with a message in err.
 */
int rc__privs_drop(const char *user, char *err, size_t errlen);

/*
 * rc__privs_drop, but the process keeps CAP_NET_RAW - and nothing else -
 * in its permitted and effective sets, so it can still open packet
 * sockets as USER (capabilities(7): PR_SET_KEEPCAPS keeps the permitted
 * set across the uid change; capset(2) then narrows it).  Every other
 * capability also leaves the bounding set, and none is inheritable, so
 * no program it could exec gains more.  Checked with capget(2) after.
 */
int rc__privs_drop_keep_net_raw(const char *user, char *err, size_t errlen);

#endif

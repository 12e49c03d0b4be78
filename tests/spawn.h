/*
 * spawn.h - a program under test running in the background (the ringcap
 * CLI in the live tests): started through the shell with its stdout and
 * stderr in files, waited for until it says it is ready, and reaped within
 * a time limit - killed, never left running, when a limit is passed.
 */
#ifndef RC_TEST_SPAWN_H
#define RC_TEST_SPAWN_H

#include <sys/types.h>

struct rc_spawn {
	pid_t pid;
	char out[256], err[256]; /* files holding its stdout and its stderr */
};

/*
 * Run `sh -c "exec CMD"` (CMD from fmt) in the current namespace with
 * stdout in <tmpdir>/<name>.out and stderr in <tmpdir>/<name>.err, both
 * created empty first.  The shell splits the arguments and then replaces
 * itself with the program (exec), so r->pid is the program: signals and
 * /proc/<pid>/status reach it, not a shell.
 */
void rc_spawn_sh(struct rc_spawn *r, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Wait up to 5 s until its stderr contains text: returns 1 then, or 0 when
 * the program exited first (its status is left for rc_spawn_wait).  After
 * 5 s it is killed and the test fails.
 */
int rc_spawn_ready(struct rc_spawn *r, const char *text);
/* rc_spawn_ready for a program that must get there: an early exit fails
 * the test, showing its stderr. */
void rc_spawn_need_ready(struct rc_spawn *r, const char *text);

/* Its exit code within secs, or 128 + the signal that ended it; after
 * secs it is killed and the test fails, showing its stderr. */
int rc_spawn_wait(struct rc_spawn *r, int secs);

/*
 * Stop a capture that has been sent its last frame: wait settle_ms (more
 * than the CLI's push interval and merge hold, RC_LIVE_PUSH_NSEC and
 * RC_LIVE_HOLD_NSEC in cli/live.c, so every frame has reached the
 * writer), send sig, then rc_spawn_wait(r, secs).
 */
int rc_spawn_stop(struct rc_spawn *r, unsigned settle_ms, int sig, int secs);

#endif

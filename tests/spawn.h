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
 * Wait up to 15 s until its stderr contains text: returns 1 then, or 0 when
 * the program exited first (its status is left for rc_spawn_wait).  After
 * 15 s it is killed and the test fails.
 */
int rc_spawn_ready(struct rc_spawn *r, const char *text);
/* rc_spawn_ready for a program that must get there: an early exit fails
 * the test, showing its stderr. */
void rc_spawn_need_ready(struct rc_spawn *r, const char *text);

/* Its exit code within secs, or 128 + the signal that ended it; after
 * secs it is killed and the test fails, showing its stderr. */
int rc_spawn_wait(struct rc_spawn *r, int secs);

/*
 * Complete packet records in the pcap file path as it stands (possibly
 * still being written: a partial last record does not count; a missing,
 * empty or non-pcap file holds 0).
 */
unsigned rc_spawn_file_packets(const char *path);

/*
 * Wait until the capture file path holds want packets - the program must
 * write it with -U, so that each packet reaches the file as it is handled
 * - or secs seconds have passed; returns the count it last saw.
 */
unsigned rc_spawn_wait_packets(const char *path, unsigned want, int secs);

/*
 * Stop a capture that has been sent its last frame once its output file
 * (written with -U) holds want packets: then every frame has been through
 * the writer.  After secs seconds without that it is stopped anyway, and
 * the caller's count check shows what is missing.  Sends sig, then
 * rc_spawn_wait(r, secs).
 */
int rc_spawn_stop_at(struct rc_spawn *r, const char *path, unsigned want, int sig, int secs);

#endif

/*
 * testutil.h - helpers shared by tests: paths, temporary directories,
 * running external validators (tshark, tcpdump, python3/scapy) and reading
 * their output.
 */
#ifndef RC_TEST_UTIL_H
#define RC_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "ringcap/file.h"

/* Source tree and build tree (RC_TEST_BUILDDIR env overrides the build tree,
 * so the ASan runner finds its own binaries). */
const char *rc_test_srcdir(void);
const char *rc_test_builddir(void);

/* The test's private directory under /tmp (0700).  The runner makes it before
 * the test starts and removes it after the test's processes are gone, on pass,
 * fail and skip alike; RC_TEST_KEEP=1 keeps a failed test's (harness.c). */
const char *rc_test_tmpdir(void);

/* rc_test_path(buf, "name") -> "<tmpdir>/name" in a static rotating buffer. */
const char *rc_test_tmpfile(const char *name);

/*
 * rc_test_sh - run a shell command; returns its exit status (or -1).
 * If out is non-NULL, stdout is captured into a malloc'ed NUL-terminated
 * string stored in *out (caller frees).  stderr goes to the test's stderr.
 */
int rc_test_sh(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * rc_test_ringcap - run the ringcap program of the build tree with args
 * (shell words, from fmt); *out gets its stdout and *err its stderr as
 * malloc'ed NUL-terminated strings (caller frees).  Returns its exit
 * status, as rc_test_sh.
 */
int rc_test_ringcap(char **out, char **err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* rc_test_need_tool - SKIP the test if `cmd` is not on PATH. */
void rc_test_need_tool(const char *cmd);

/* rc_test_need_root - SKIP the test unless running as root. */
void rc_test_need_root(void);

/* Encode pkts[0..n) with e into buf (cap bytes), as a capture thread
 * fills its buffers; returns the bytes used.  Fails the test if one does
 * not fit or is refused. */
size_t rc_test_encode(const rc_encoder *e, const rc_packet *pkts, size_t n, uint8_t *buf,
		      size_t cap);

/* Read a whole file into a malloc'ed buffer; *len gets its size. Fails the test on error. */
unsigned char *rc_test_read_file(const char *path, size_t *len);
/* Write len bytes to path; fails the test on error. */
void rc_test_write_file(const char *path, const void *buf, size_t len);

/* Read a whole text file as a malloc'ed NUL-terminated string; fails the test on error. */
char *rc_test_read_text(const char *path);
/* CLOCK_MONOTONIC in milliseconds. */
long long rc_test_mono_ms(void);

/* fork(2) with stdio flushed first, so nothing buffered is written twice; a
 * failed fork fails the test.  The child must end with _exit(2). */
pid_t rc_test_fork(void);
/* Reap child kid and return its exit code; a child ended by a signal fails
 * the test. */
int rc_test_child_exit(pid_t kid);

/*
 * What the process holds, for leak checks over many open/close cycles:
 * entries in /proc/self/fd, lines of /proc/self/maps, VmRSS in KiB.
 */
unsigned rc_test_count_fds(void);
unsigned rc_test_count_maps(void);
/* Mappings of sockets ("socket:[inode]" in /proc/self/maps): packet rings. */
unsigned rc_test_count_socket_maps(void);
unsigned long rc_test_rss_kib(void);
/* A "Name:  N kB" field of /proc/self/status (VmSize, VmRSS, ...) in KiB. */
unsigned long rc_test_status_kib(const char *name);
/* 1 when running under valgrind (its preload library is in LD_PRELOAD):
 * valgrind's own allocations then show up in /proc/self/maps and RSS. */
int rc_test_under_valgrind(void);
/* 1 when built with AddressSanitizer: it keeps freed blocks mapped
 * (quarantine), so mappings and RSS grow by design; it checks leaks itself. */
int rc_test_under_asan(void);

#endif

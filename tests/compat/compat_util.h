/*
 * compat_util.h - helpers of the libpcap compatibility tests
 * (tests/test_compat_*.c): where ringcap's libpcap.so.0.8 is, how to run
 * an unmodified program on it, and the capture corpus.
 */
#ifndef RC_TEST_COMPAT_UTIL_H
#define RC_TEST_COMPAT_UTIL_H

/* <builddir>/compat, which holds libpcap.so.0.8 (fails the test if absent). */
const char *rc_compat_libdir(void);

/*
 * Environment assignments that make a program load ringcap's library:
 * "LD_LIBRARY_PATH=<libdir> ASAN_OPTIONS=..." (the sanitizer options let a
 * sanitized library run inside an uninstrumented program).  Static string.
 */
const char *rc_compat_env(void);

/* Directory with the corpus of tests/compat/make_corpus.sh (made once into
 * the build tree); SKIPs without scapy or Wireshark's tools.  Read-only:
 * tests write their own files into rc_test_tmpdir(). */
const char *rc_compat_corpus(void);

/*
 * Run the shell command cmd twice, with the system libpcap and with
 * ringcap's (rc_compat_env() prepended), capturing stdout and stderr
 * together.  *sys_out / *rc_out receive malloc'ed output; returns 1 if both
 * outputs and exit statuses are equal.  *sys_status / *rc_status may be NULL.
 */
int rc_compat_run_both(const char *cmd, char **sys_out, char **rc_out, int *sys_status,
		       int *rc_status);

/*
 * Build tests/compat/NAME.c against Debian's pcap.h and libpcap into the
 * test's directory (-Werror); returns the program's path (static buffer).
 * SKIPs without a C compiler or the headers; fails the test if the build
 * fails.  Run it on ringcap's library with rc_compat_env().
 */
const char *rc_compat_build_prog(const char *name);

/* First line where a and b differ, for failure messages (static buffer). */
const char *rc_compat_first_diff(const char *a, const char *b);

#endif

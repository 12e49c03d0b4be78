/*
 * test_compat_util.c - see compat/compat_util.h (no tests of its own).
 */
#include "compat/compat_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "testutil.h"

const char *rc_compat_libdir(void)
{
	static char dir[512];
	char lib[600];
	struct stat st;

	snprintf(dir, sizeof(dir), "%s/compat", rc_test_builddir());
	snprintf(lib, sizeof(lib), "%s/libpcap.so.0.8", dir);
	if (stat(lib, &st) != 0)
		rc_test_fail(__FILE__, __LINE__, "%s is missing: build the pcap_compat target", lib);
	return dir;
}

const char *rc_compat_env(void)
{
	static char env[800];

	snprintf(env, sizeof(env),
		 "LD_LIBRARY_PATH='%s' ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 "
		 "UBSAN_OPTIONS=halt_on_error=1",
		 rc_compat_libdir());
	return env;
}

/*
 * The corpus is a build product: made once into <builddir>/tests/compat-corpus
 * (scapy takes seconds to start) and remade when the scripts are newer than
 * its stamp.  It is built in a private directory and renamed into place, so
 * tests running at the same time never see half a corpus.
 */
const char *rc_compat_corpus(void)
{
	static char dir[512];
	const char *src = rc_test_srcdir();

	if (dir[0])
		return dir;
	snprintf(dir, sizeof(dir), "%s/tests/compat-corpus", rc_test_builddir());
	if (rc_test_sh(NULL, "test -f '%s/stamp' && test '%s/stamp' -nt '%s/tests/compat/make_corpus.py' "
		       "&& test '%s/stamp' -nt '%s/tests/compat/make_corpus.sh'",
		       dir, dir, src, dir, src) == 0)
		return dir;
	rc_test_need_tool("editcap");
	rc_test_need_tool("mergecap");
	rc_test_need_tool("text2pcap");
	if (rc_test_sh(NULL, "/usr/bin/python3 -c 'import scapy.all' 2>/dev/null") != 0)
		SKIP("python3-scapy is not installed");
	if (rc_test_sh(NULL, "set -e; t=$(mktemp -d '%s.XXXXXX'); '%s/tests/compat/make_corpus.sh' \"$t\" 2>/dev/null; "
		       "touch \"$t/stamp\"; rm -rf '%s'; mv \"$t\" '%s' || rm -rf \"$t\"",
		       dir, src, dir, dir) != 0)
		rc_test_fail(__FILE__, __LINE__, "tests/compat/make_corpus.sh failed");
	return dir;
}

/* Read all of p into a malloc'ed string; returns the exit status. */
static int rc_compat_collect(FILE *p, char **out)
{
	size_t cap = 8192, len = 0, n;
	char *buf = malloc(cap);
	int st;

	while (buf && (n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (cap - len < 2) {
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
	}
	if (!buf)
		rc_test_fail(__FILE__, __LINE__, "out of memory");
	buf[len] = '\0';
	*out = buf;
	st = pclose(p);
	if (st == -1)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int rc_compat_run_both(const char *cmd, char **sys_out, char **rc_out, int *sys_status,
		       int *rc_status)
{
	char *c1, *c2;
	FILE *p1, *p2;
	int s1, s2;

	/* Both run at the same time: the tests run hundreds of these. */
	if (asprintf(&c1, "%s 2>&1", cmd) < 0 ||
	    asprintf(&c2, "%s %s 2>&1", rc_compat_env(), cmd) < 0)
		rc_test_fail(__FILE__, __LINE__, "out of memory");
	fflush(NULL);
	p1 = popen(c1, "r");
	p2 = popen(c2, "r");
	if (!p1 || !p2)
		rc_test_fail(__FILE__, __LINE__, "popen failed for `%s`", cmd);
	s1 = rc_compat_collect(p1, sys_out);
	s2 = rc_compat_collect(p2, rc_out);
	free(c1);
	free(c2);
	if (sys_status)
		*sys_status = s1;
	if (rc_status)
		*rc_status = s2;
	return s1 == s2 && strcmp(*sys_out, *rc_out) == 0;
}

const char *rc_compat_first_diff(const char *a, const char *b)
{
	static char msg[1024];
	int line = 1;
	const char *la = a, *lb = b;

	while (*a && *a == *b) {
		if (*a == '\n') {
			line++;
			la = a + 1;
			lb = b + 1;
		}
		a++;
		b++;
	}
	if (!*a && !*b)
		return "(no difference)";
	snprintf(msg, sizeof(msg), "line %d:\n    libpcap: %.*s\n    ringcap: %.*s", line,
		 (int)strcspn(la, "\n"), la, (int)strcspn(lb, "\n"), lb);
	return msg;
}

const char *rc_compat_build_prog(const char *name)
{
	static char bin[600];
	char *out = NULL;

	rc_test_need_tool("cc");
	if (access("/usr/include/pcap/pcap.h", R_OK) != 0)
		SKIP("Debian's libpcap0.8-dev headers are not installed");
	snprintf(bin, sizeof(bin), "%s/%s", rc_test_tmpdir(), name);
	if (rc_test_sh(&out, "cc -std=gnu11 -Wall -Wextra -Werror -o '%s' '%s/tests/compat/%s.c' "
			     "-lpcap 2>&1", bin, rc_test_srcdir(), name) != 0)
		rc_test_fail(__FILE__, __LINE__, "build %s against the system libpcap:\n%s", name, out);
	free(out);
	return bin;
}

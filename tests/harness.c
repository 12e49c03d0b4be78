/*
 * harness.c - the test runner: forks one child per registered test, applies
 * its time limit, and prints one line per test and the closing
 * "N passed, N failed, N skipped" line.  Exit status 1 if any test failed.
 *
 *   rc_tests              run everything
 *   rc_tests SUBSTR...    run tests whose name or file name contains a SUBSTR
 *   rc_tests -l           list tests
 *
 * Each test gets a private directory /tmp/rc_test.XXXXXX (rc_test_tmpdir()
 * in testutil.c): the runner makes it before the fork and removes it once the
 * test's process group is gone, whether the test passed, failed or skipped.
 * RC_TEST_KEEP=1 keeps a failed test's directory; the failure output names it.
 */
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RC_TEST_MAX 4096
#define RC_TEST_EXIT_SKIP 77

struct rc_test {
	const char *name;
	const char *file;
	rc_test_fn fn;
	unsigned timeout_s;
};

static struct rc_test rc_tests[RC_TEST_MAX];
static size_t rc_ntests;
/* RC_TEST_TIMEOUT_SCALE=N multiplies every time limit: under valgrind
 * (scripts/valgrind.sh) code runs 10-50 times slower. */
static unsigned rc_timeout_scale = 1;
/* The running test's private directory; empty outside a test. */
static char rc_workdir[64];

const char *rc_test_workdir(void)
{
	return rc_workdir;
}

void rc_test_register(const char *name, const char *file, rc_test_fn fn, unsigned timeout_s)
{
	if (rc_ntests == RC_TEST_MAX) {
		fprintf(stderr, "harness: more than %d tests\n", RC_TEST_MAX);
		exit(2);
	}
	rc_tests[rc_ntests++] = (struct rc_test){ name, file, fn, timeout_s };
}

void rc_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(NULL);
	_exit(1);
}

void rc_test_skip(const char *file, int line, const char *reason)
{
	fprintf(stderr, "  %s:%d: skipped: %s\n", file, line, reason);
	fflush(NULL);
	_exit(RC_TEST_EXIT_SKIP);
}

/* A test is selected by a substring of its name or of its file's name -
 * not of the file's whole path, which names the checkout's directories
 * too (`rc_tests filter` in /tmp/wt_filter would select everything). */
static int rc_test_selected(const struct rc_test *t, int argc, char **argv)
{
	if (argc <= 1)
		return 1;
	const char *slash = strrchr(t->file, '/');
	const char *base = slash ? slash + 1 : t->file;
	for (int i = 1; i < argc; i++)
		if (strstr(t->name, argv[i]) || strstr(base, argv[i]))
			return 1;
	return 0;
}

static int rc_test_cmp(const void *a, const void *b)
{
	const struct rc_test *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	return c ? c : strcmp(x->name, y->name);
}

static double rc_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int rc_rm_entry(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)type;
	(void)f;
	if (remove(path) != 0)
		fprintf(stderr, "  harness: cannot remove %s: %s\n", path, strerror(errno));
	return 0;
}

/* 1 if dir holds anything besides . and .. (or cannot be read). */
static int rc_dir_used(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 1;
	struct dirent *e;
	int used = 0;
	while (!used && (e = readdir(d)))
		used = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return used;
}

/* After a test: remove its directory, or keep a failed test's on RC_TEST_KEEP. */
static void rc_workdir_done(int result)
{
	const char *keep = getenv("RC_TEST_KEEP");
	int used = rc_dir_used(rc_workdir);
	if (result == 1 && used && keep && *keep && strcmp(keep, "0") != 0) {
		fprintf(stderr, "  kept its files in %s (RC_TEST_KEEP)\n", rc_workdir);
	} else {
		if (result == 1 && used)
			fprintf(stderr, "  removed its files in %s (RC_TEST_KEEP=1 keeps them)\n",
				rc_workdir);
		(void)nftw(rc_workdir, rc_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	rc_workdir[0] = '\0';
}

/* Run one test in a child; returns 0 pass, 1 fail, 2 skip. */
static int rc_test_run_child(const struct rc_test *t)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		/* Own process group so a timeout kills helpers the test started. */
		setpgid(0, 0);
		alarm(t->timeout_s * rc_timeout_scale);
		t->fn();
		fflush(NULL);
		_exit(0);
	}
	setpgid(pid, pid);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		;
	kill(-pid, SIGKILL);
	if (WIFEXITED(status)) {
		if (WEXITSTATUS(status) == 0)
			return 0;
		if (WEXITSTATUS(status) == RC_TEST_EXIT_SKIP)
			return 2;
		return 1;
	}
	if (WIFSIGNALED(status)) {
		if (WTERMSIG(status) == SIGALRM)
			fprintf(stderr, "  timed out after %us\n", t->timeout_s * rc_timeout_scale);
		else
			fprintf(stderr, "  killed by signal %d (%s)\n", WTERMSIG(status),
				strsignal(WTERMSIG(status)));
	}
	return 1;
}

static int rc_test_run(const struct rc_test *t)
{
	snprintf(rc_workdir, sizeof(rc_workdir), "/tmp/rc_test.XXXXXX");
	if (!mkdtemp(rc_workdir)) {
		fprintf(stderr, "  harness: mkdtemp %s: %s\n", rc_workdir, strerror(errno));
		rc_workdir[0] = '\0';
		return 1;
	}
	int r = rc_test_run_child(t);
	rc_workdir_done(r);
	return r;
}

int main(int argc, char **argv)
{
	size_t passed = 0, failed = 0, skipped = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	const char *scale = getenv("RC_TEST_TIMEOUT_SCALE");
	if (scale && atoi(scale) > 0)
		rc_timeout_scale = (unsigned)atoi(scale);
	qsort(rc_tests, rc_ntests, sizeof(rc_tests[0]), rc_test_cmp);
	if (argc == 2 && strcmp(argv[1], "-l") == 0) {
		for (size_t i = 0; i < rc_ntests; i++)
			printf("%s (%s)\n", rc_tests[i].name, rc_tests[i].file);
		return 0;
	}
	for (size_t i = 0; i < rc_ntests; i++) {
		const struct rc_test *t = &rc_tests[i];
		if (!rc_test_selected(t, argc, argv))
			continue;
		double t0 = rc_now();
		int r = rc_test_run(t);
		double dt = rc_now() - t0;
		const char *what = r == 0 ? "ok  " : r == 2 ? "SKIP" : "FAIL";
		printf("%s %s (%.2fs)\n", what, t->name, dt);
		if (r == 0)
			passed++;
		else if (r == 2)
			skipped++;
		else
			failed++;
	}
	if (passed + failed + skipped == 0) {
		printf("no test matched\n");
		return 1;
	}
	printf("%zu passed, %zu failed, %zu skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}

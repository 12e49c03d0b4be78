/*
 * testutil.c - see testutil.h.
 */
#include "testutil.h"

#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *rc_test_srcdir(void)
{
	return RC_TEST_SRCDIR;
}

const char *rc_test_builddir(void)
{
	const char *env = getenv("RC_TEST_BUILDDIR");
	return env && *env ? env : RC_TEST_BUILDDIR;
}

const char *rc_test_tmpdir(void)
{
	const char *dir = rc_test_workdir();
	if (!dir[0])
		rc_test_fail(__FILE__, __LINE__, "rc_test_tmpdir() called outside a test");
	return dir;
}

const char *rc_test_tmpfile(const char *name)
{
	static char bufs[8][512];
	static unsigned next;
	char *b = bufs[next++ % 8];
	snprintf(b, 512, "%s/%s", rc_test_tmpdir(), name);
	return b;
}

/* fmt and ap as a malloc'ed string; fails the test when out of memory. */
static char *vformat(const char *fmt, va_list ap)
{
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		rc_test_fail(__FILE__, __LINE__, "vasprintf failed");
	return s;
}

int rc_test_sh(char **out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *cmd = vformat(fmt, ap);
	va_end(ap);
	fflush(NULL);
	FILE *p = popen(cmd, "r");
	if (!p) {
		free(cmd);
		return -1;
	}
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
	}
	if (!buf)
		rc_test_fail(__FILE__, __LINE__, "out of memory reading `%s`", cmd);
	buf[len] = '\0';
	int st = pclose(p);
	free(cmd);
	if (out)
		*out = buf;
	else
		free(buf);
	if (st == -1)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int rc_test_ringcap(char **out, char **err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *args = vformat(fmt, ap);
	va_end(ap);
	char errpath[4096];
	snprintf(errpath, sizeof(errpath), "%s", rc_test_tmpfile("ringcap.stderr"));
	int st = rc_test_sh(out, "'%s/ringcap' %s 2>'%s'", rc_test_builddir(), args, errpath);
	free(args);
	*err = rc_test_read_text(errpath);
	return st;
}

void rc_test_need_tool(const char *cmd)
{
	char *path = NULL;
	if (rc_test_sh(&path, "command -v '%s'", cmd) != 0) {
		free(path);
		char msg[200];
		snprintf(msg, sizeof(msg), "%s is not installed (make test installs it)", cmd);
		rc_test_skip(__FILE__, __LINE__, msg);
	}
	free(path);
}

void rc_test_need_root(void)
{
	if (geteuid() != 0)
		rc_test_skip(__FILE__, __LINE__, "needs root (network namespaces, packet sockets)");
}

unsigned char *rc_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		rc_test_fail(__FILE__, __LINE__, "cannot open %s", path);
	struct stat st;
	if (fstat(fileno(f), &st) != 0)
		rc_test_fail(__FILE__, __LINE__, "cannot stat %s", path);
	unsigned char *buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		rc_test_fail(__FILE__, __LINE__, "out of memory for %s", path);
	size_t n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size)
		rc_test_fail(__FILE__, __LINE__, "short read on %s", path);
	*len = n;
	return buf;
}

void rc_test_write_file(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
		rc_test_fail(__FILE__, __LINE__, "cannot write %s", path);
}

unsigned rc_test_count_fds(void)
{
	unsigned n = 0;
	DIR *d = opendir("/proc/self/fd");
	ASSERT_TRUE(d != NULL);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

/* Lines of /proc/self/maps that contain with (NULL: every line). */
static unsigned count_maps_with(const char *with)
{
	/* /proc files report size 0: read them line by line; a line longer
	 * than the buffer comes in pieces and counts once, at its end. */
	char line[512];
	unsigned n = 0;
	int match = !with;
	FILE *f = fopen("/proc/self/maps", "r");
	ASSERT_TRUE(f != NULL);
	while (fgets(line, sizeof(line), f)) {
		match |= with && strstr(line, with) != NULL;
		if (strchr(line, '\n')) {
			n += match;
			match = !with;
		}
	}
	fclose(f);
	return n;
}

unsigned rc_test_count_maps(void)
{
	return count_maps_with(NULL);
}

unsigned rc_test_count_socket_maps(void)
{
	return count_maps_with(" socket:[");
}

unsigned long rc_test_status_kib(const char *name)
{
	char line[256];
	unsigned long kib = 0;
	size_t n = strlen(name);
	FILE *f = fopen("/proc/self/status", "r");
	ASSERT_TRUE(f != NULL);
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, name, n) == 0 && line[n] == ':' &&
		    sscanf(line + n + 1, "%lu kB", &kib) == 1)
			break;
	fclose(f);
	ASSERT_TRUE(kib > 0);
	return kib;
}

unsigned long rc_test_rss_kib(void)
{
	return rc_test_status_kib("VmRSS");
}

int rc_test_under_valgrind(void)
{
	const char *pre = getenv("LD_PRELOAD");
	return pre && strstr(pre, "vgpreload") != NULL;
}

char *rc_test_read_text(const char *path)
{
	size_t n;
	unsigned char *b = rc_test_read_file(path, &n);
	char *s = realloc(b, n + 1);
	ASSERT_TRUE(s != NULL);
	s[n] = '\0';
	return s;
}

pid_t rc_test_fork(void)
{
	fflush(NULL);
	pid_t kid = fork();
	if (kid < 0)
		rc_test_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
	return kid;
}

int rc_test_child_exit(pid_t kid)
{
	int st;
	pid_t got;
	do
		got = waitpid(kid, &st, 0);
	while (got < 0 && errno == EINTR);
	if (got != kid)
		rc_test_fail(__FILE__, __LINE__, "waitpid(%d): %s", (int)kid, strerror(errno));
	if (!WIFEXITED(st))
		rc_test_fail(__FILE__, __LINE__, "child %d ended by signal %d", (int)kid,
			     WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return WEXITSTATUS(st);
}

long long rc_test_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int rc_test_under_asan(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	return 1;
#endif
#endif
	return 0;
}

size_t rc_test_encode(const rc_encoder *e, const rc_packet *pkts, size_t n, uint8_t *buf,
		      size_t cap)
{
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		long k = rc_encoder_encode(e, &pkts[i], buf + used, cap - used);
		if (k <= 0)
			rc_test_fail(__FILE__, __LINE__, "rc_encoder_encode of packet %zu: %ld", i, k);
		used += (size_t)k;
	}
	return used;
}

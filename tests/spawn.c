/*
 * spawn.c - see spawn.h.
 */
#include "spawn.h"

#include "harness.h"
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>

/* A bound for a start that fails, not a wait: a ready program is seen
 * within 20 ms.  Generous, as a loaded machine may take seconds to start
 * a capture (rings to allocate, threads to schedule). */
#define RC_SPAWN_READY_MS 15000

void rc_spawn_sh(struct rc_spawn *r, const char *name, const char *fmt, ...)
{
	char *cmd, *line;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0 || asprintf(&line, "exec %s", cmd) < 0)
		rc_test_fail(__FILE__, __LINE__, "out of memory");
	va_end(ap);
	free(cmd);
	char file[64];
	snprintf(file, sizeof(file), "%s.out", name);
	snprintf(r->out, sizeof(r->out), "%s", rc_test_tmpfile(file));
	snprintf(file, sizeof(file), "%s.err", name);
	snprintf(r->err, sizeof(r->err), "%s", rc_test_tmpfile(file));
	/* Created here, so that rc_spawn_ready can read them at once. */
	rc_test_write_file(r->out, "", 0);
	rc_test_write_file(r->err, "", 0);
	fflush(NULL);
	r->pid = fork();
	ASSERT_TRUE(r->pid >= 0);
	if (r->pid == 0) {
		int out = open(r->out, O_WRONLY | O_CLOEXEC), err = open(r->err, O_WRONLY | O_CLOEXEC);
		if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(126);
		execl("/bin/sh", "sh", "-c", line, (char *)NULL);
		_exit(127);
	}
	free(line);
}

/* SIGKILL and reap: nothing outlives a test that gives up on it. */
static void kill_and_reap(struct rc_spawn *r)
{
	kill(r->pid, SIGKILL);
	while (waitpid(r->pid, NULL, 0) < 0 && errno == EINTR)
		;
}

int rc_spawn_ready(struct rc_spawn *r, const char *text)
{
	for (long long t0 = rc_test_mono_ms(); rc_test_mono_ms() - t0 < RC_SPAWN_READY_MS;
	     usleep(20000)) {
		char *e = rc_test_read_text(r->err);
		int ready = strstr(e, text) != NULL;
		free(e);
		if (ready)
			return 1;
		/* WNOWAIT: an exited program stays a zombie, its status for
		 * rc_spawn_wait, and its pid cannot be reused meanwhile. */
		siginfo_t si;
		memset(&si, 0, sizeof(si));
		if (waitid(P_PID, (id_t)r->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
		    si.si_pid == r->pid)
			return 0;
	}
	kill_and_reap(r);
	rc_test_fail(__FILE__, __LINE__, "no \"%s\" from %s within %d ms", text, r->err,
		     RC_SPAWN_READY_MS);
}

void rc_spawn_need_ready(struct rc_spawn *r, const char *text)
{
	if (!rc_spawn_ready(r, text))
		rc_test_fail(__FILE__, __LINE__, "exited before \"%s\": %s", text,
			     rc_test_read_text(r->err));
}

int rc_spawn_wait(struct rc_spawn *r, int secs)
{
	int st;
	for (long long t0 = rc_test_mono_ms(); rc_test_mono_ms() - t0 < secs * 1000LL;
	     usleep(20000))
		if (waitpid(r->pid, &st, WNOHANG) == r->pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	kill_and_reap(r);
	rc_test_fail(__FILE__, __LINE__, "did not exit within %d s; stderr: %s", secs,
		     rc_test_read_text(r->err));
}

static uint32_t rd32(const unsigned char *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/* pcap: [24-byte file header] then records [16-byte header, incl_len at +8]. */
unsigned rc_spawn_file_packets(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t cap = 1 << 16, len = 0;
	unsigned char *b = malloc(cap);
	ssize_t n;
	while (b && (n = read(fd, b + len, cap - len)) > 0) {
		len += (size_t)n;
		if (len == cap)
			b = realloc(b, cap *= 2);
	}
	close(fd);
	if (!b)
		rc_test_fail(__FILE__, __LINE__, "out of memory reading %s", path);
	unsigned count = 0;
	if (len >= 24 && (rd32(b, 0) == 0xa1b2c3d4u || rd32(b, 0) == 0xa1b23c4du ||
			  rd32(b, 1) == 0xa1b2c3d4u || rd32(b, 1) == 0xa1b23c4du)) {
		int swap = rd32(b, 0) != 0xa1b2c3d4u && rd32(b, 0) != 0xa1b23c4du;
		for (size_t off = 24; off + 16 <= len; count++) {
			size_t rec = 16 + (size_t)rd32(b + off + 8, swap);
			if (rec > len - off)
				break;
			off += rec;
		}
	}
	free(b);
	return count;
}

unsigned rc_spawn_wait_packets(const char *path, unsigned want, int secs)
{
	long long t0 = rc_test_mono_ms();
	unsigned n;
	while ((n = rc_spawn_file_packets(path)) < want && rc_test_mono_ms() - t0 < secs * 1000LL)
		usleep(10 * 1000);
	return n;
}

int rc_spawn_stop_at(struct rc_spawn *r, const char *path, unsigned want, int sig, int secs)
{
	unsigned n = rc_spawn_wait_packets(path, want, secs);
	if (n < want)
		fprintf(stderr, "  %s holds %u of %u packets after %d s; stopping anyway\n", path, n,
			want, secs);
	/* Not reaped yet, so the pid cannot be reused: an early exit leaves
	 * a zombie that the signal cannot harm. */
	kill(r->pid, sig);
	return rc_spawn_wait(r, secs);
}

/*
 * test_file_write_crash.c - what a killed writer leaves on disk.
 *
 * 1. SIGKILL between any two writer calls (at many deterministic points:
 *    with data buffered, right after a flush, after records larger than the
 *    buffer went out directly) leaves only whole records: libpcap and the
 *    block walker read the file to a clean end.
 * 2. SIGKILL at an arbitrary moment, while write(2) may be running: the
 *    kernel copies a regular-file write page by page and stops at a page
 *    boundary when SIGKILL is pending (generic_perform_write()), which no
 *    user-space writer can prevent.  The file is then whole records followed
 *    by at most one partial record that ends exactly at a page boundary;
 *    every whole record is intact.  The test asserts exactly that.
 */
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "file/pcapng_defs.h"
#include "test_file_write_common.h"

/* Child: write packets 0..kill_at-1 (alternating single and batch calls,
 * flushing every 50), then die by SIGKILL without closing. */
static void write_then_die(const char *path, enum rc_file_format fmt, size_t kill_at,
			   const wt_stream *s)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = fmt, .linktype = RC_LINKTYPE_ETHERNET,
			     .buf_bytes = 8192 };
	if (rc_writer_open(&w, path, &o, err) < 0)
		_exit(2);
	size_t i = 0;
	while (i < kill_at) {
		size_t n = i % 2 ? 1 : (kill_at - i < 7 ? kill_at - i : 7);
		if (rc_writer_write_batch(w, s->pkts + i, n) < 0)
			_exit(3);
		for (size_t k = i; k < i + n; k++)
			if (k % 50 == 49 && rc_writer_flush(w) < 0)
				_exit(4);
		i += n;
	}
	raise(SIGKILL);
	_exit(5);
}

/* Number of whole packets in a file written by write_then_die(); fails the
 * test if anything but whole, correct records is found. */
static size_t count_whole(const char *path, enum rc_file_format fmt, size_t *tail_bytes)
{
	size_t size, off, n = 0;
	unsigned char *b = rc_test_read_file(path, &size);
	*tail_bytes = 0;
	if (fmt == RC_FORMAT_PCAP) {
		ASSERT_UINT_GE(size, 24);
		off = 24;
		while (size - off >= 16) {
			uint32_t h[4];
			memcpy(h, b + off, 16);
			if (h[2] > size - off - 16)
				break;
			uint64_t ts = (uint64_t)h[0] * 1000000000u + (uint64_t)h[1] * 1000u;
			if (ts != wt_ts(n) / 1000 * 1000 || !wt_matches(n, b + off + 16, h[2], h[3], 262144))
				rc_test_fail(__FILE__, __LINE__, "%s: record %zu at offset %zu is damaged",
					     path, n, off);
			off += 16 + h[2];
			n++;
		}
	} else {
		off = 0;
		while (size - off >= 12) {
			uint32_t type, len, trail, caplen, plen;
			memcpy(&type, b + off, 4);
			memcpy(&len, b + off + 4, 4);
			if (len > size - off)
				break;
			memcpy(&trail, b + off + len - 4, 4);
			if (len < 12 || len % 4 || trail != len)
				rc_test_fail(__FILE__, __LINE__, "%s: block at offset %zu is damaged",
					     path, off);
			if (type == RC_PCAPNG_BT_EPB) {
				memcpy(&caplen, b + off + 20, 4);
				memcpy(&plen, b + off + 24, 4);
				if (!wt_matches(n, b + off + 28, caplen, plen, 262144))
					rc_test_fail(__FILE__, __LINE__, "%s: packet %zu differs", path, n);
				n++;
			}
			off += len;
		}
	}
	*tail_bytes = size - off;
	free(b);
	return n;
}

static pid_t spawn_killed_writer(const char *path, enum rc_file_format fmt, size_t kill_at,
				 const wt_stream *s)
{
	pid_t pid = rc_test_fork();
	if (pid == 0)
		write_then_die(path, fmt, kill_at, s);
	int st;
	ASSERT_INT_EQ(waitpid(pid, &st, 0), pid);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
		rc_test_fail(__FILE__, __LINE__, "writer child did not die by SIGKILL (status 0x%x)",
			     st);
	return pid;
}

static void killed_between_calls(enum rc_file_format fmt)
{
	static const size_t points[] = { 0, 1, 2, 5, 9, 17, 49, 50, 51, 63, 99, 100, 137, 250, 333 };
	wt_stream s = wt_make(400);
	for (size_t k = 0; k < sizeof(points) / sizeof(points[0]); k++) {
		char name[64];
		snprintf(name, sizeof(name), "killed-%zu.%s", points[k],
			 fmt == RC_FORMAT_PCAP ? "pcap" : "pcapng");
		const char *f = rc_test_tmpfile(name);
		spawn_killed_writer(f, fmt, points[k], &s);
		size_t tail;
		size_t n = count_whole(f, fmt, &tail);
		if (tail != 0)
			rc_test_fail(__FILE__, __LINE__, "kill after %zu packets left %zu bytes of a "
				     "partial record", points[k], tail);
		ASSERT_UINT_LE(n, points[k]);
		/* Everything flushed explicitly is there. */
		ASSERT_UINT_GE(n, points[k] / 50 * 50);
#ifdef RC_HAVE_LIBPCAP_ORACLE
		if (fmt == RC_FORMAT_PCAP)
			ASSERT_UINT_EQ(wt_libpcap_check(f, n, 262144, 1000, DLT_EN10MB), n);
#endif
	}
	wt_free(&s);
}

TEST(write_pcap_killed_between_calls_leaves_whole_records)
{
	killed_between_calls(RC_FORMAT_PCAP);
}

TEST(write_pcapng_killed_between_calls_leaves_whole_blocks)
{
	killed_between_calls(RC_FORMAT_PCAPNG);
}

TEST(write_killed_file_read_by_tshark_without_errors)
{
	rc_test_need_tool("tshark");
	wt_stream s = wt_make(200);
	const char *f = rc_test_tmpfile("killed-tshark.pcapng");
	spawn_killed_writer(f, RC_FORMAT_PCAPNG, 177, &s);
	size_t tail, n = count_whole(f, RC_FORMAT_PCAPNG, &tail);
	char *out = wt_tshark(f, "-T fields -e frame.number");
	size_t lines = 0;
	for (const char *c = out; *c; c++)
		lines += *c == '\n';
	ASSERT_UINT_EQ(lines, n);
	free(out);
	wt_free(&s);
}

/* Child: write the stream over and over with 1 MiB flushes until killed. */
static void write_forever(const char *path, const wt_stream *s)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_ETHERNET };
	if (rc_writer_open(&w, path, &o, err) < 0)
		_exit(2);
	/* Bounded: ~100 MB, far beyond the point where the parent kills us. */
	for (int round = 0; round < 60; round++)
		if (rc_writer_write_batch(w, s->pkts, s->n) < 0)
			_exit(3);
	_exit(4);
}

TEST(write_killed_at_any_moment_leaves_whole_records_or_a_page_cut)
{
	/* The stream restarts every round, so records are checked by their
	 * position modulo the stream length. */
	wt_stream s = wt_make(1000);
	long page = sysconf(_SC_PAGESIZE);
	for (int trial = 0; trial < 4; trial++) {
		char name[64];
		snprintf(name, sizeof(name), "async-%d.pcap", trial);
		const char *f = rc_test_tmpfile(name);
		pid_t pid = rc_test_fork();
		if (pid == 0)
			write_forever(f, &s);
		/* Kill once the file passes a trial-dependent size (bounded wait). */
		struct stat st;
		off_t target = (off_t)(2 + trial) << 20;
		for (int i = 0; i < 5000; i++) {
			if (stat(f, &st) == 0 && st.st_size >= target)
				break;
			nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
		}
		kill(pid, SIGKILL);
		int wst;
		ASSERT_INT_EQ(waitpid(pid, &wst, 0), pid);
		ASSERT_TRUE(WIFSIGNALED(wst) && WTERMSIG(wst) == SIGKILL);

		size_t size, off = 24, n = 0;
		unsigned char *b = rc_test_read_file(f, &size);
		ASSERT_UINT_GE(size, 24);
		while (size - off >= 16) {
			uint32_t h[4];
			memcpy(h, b + off, 16);
			if (h[2] > size - off - 16)
				break;
			size_t i = n % s.n;
			if (!wt_matches(i, b + off + 16, h[2], h[3], 262144))
				rc_test_fail(__FILE__, __LINE__, "trial %d: record %zu damaged", trial, n);
			off += 16 + h[2];
			n++;
		}
		if (off != size && size % (size_t)page != 0)
			rc_test_fail(__FILE__, __LINE__,
				     "trial %d: %zu-byte partial record at offset %zu and the file "
				     "size %zu is not a page multiple",
				     trial, size - off, off, size);
		free(b);
	}
	wt_free(&s);
}

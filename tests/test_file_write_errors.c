/*
 * test_file_write_errors.c - rc_writer failure behaviour: bad options are
 * refused before the file is touched, I/O errors name the file, a full disk
 * leaves a file of whole records, and errors are sticky.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file/pcapng_defs.h"
#include "test_file_write_common.h"

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

struct bad_opts_case {
	const char *file;
	rc_writer_opts opts;
	const char *names; /* the message must name the option */
};

TEST(write_bad_options_refused_before_the_file_is_created)
{
	static char longstr[70000];
	memset(longstr, 'c', sizeof(longstr) - 1);
	const struct bad_opts_case cases[] = {
		{ "fmt.pcap", { .format = 7 }, "opts.format" },
		{ "prec.pcap", { .ts_precision = 3 }, "opts.ts_precision" },
		{ "odd.pcap", { .fcslen = 3 }, "opts.fcslen" },
		{ "big.pcap", { .fcslen = 32 }, "opts.fcslen" },
		{ "neg.pcapng", { .fcslen = -2 }, "opts.fcslen" },
		{ "buf.pcap", { .buf_bytes = (size_t)1 << 31 }, "opts.buf_bytes" },
		{ "cmt.pcapng", { .comment = longstr }, "opts.comment" },
		{ "appl.pcapng", { .userappl = longstr }, "opts.userappl" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *f = rc_test_tmpfile(cases[i].file);
		rc_writer *w = (rc_writer *)1;
		char err[RC_ERRBUF_SIZE] = "";
		int r = rc_writer_open(&w, f, &cases[i].opts, err);
		if (r != RC_EINVAL)
			rc_test_fail(__FILE__, __LINE__, "case %s: status %d, expected RC_EINVAL (%s)",
				     cases[i].file, r, err);
		ASSERT_TRUE(w == NULL);
		ASSERT_STR_CONTAINS(err, cases[i].names);
		ASSERT_STR_CONTAINS(err, f);
		if (exists(f))
			rc_test_fail(__FILE__, __LINE__, "case %s: the file was created", cases[i].file);
	}
	/* The same check for an added interface, in either format. */
	for (int ng = 0; ng < 2; ng++) {
		rc_writer *aw;
		char aerr[RC_ERRBUF_SIZE];
		const char *f = rc_test_tmpfile(ng ? "iface.pcapng" : "iface.pcap");
		rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
		ASSERT_INT_EQ(rc_writer_open(&aw, f, &o, aerr), 0);
		rc_iface_info inf = { .linktype = RC_LINKTYPE_ETHERNET, .fcslen = -2 };
		ASSERT_INT_EQ(rc_writer_add_iface(aw, &inf), RC_EINVAL);
		ASSERT_STR_CONTAINS(rc_writer_error(aw), "interface fcslen -2 is invalid");
		ASSERT_INT_EQ(rc_writer_close(aw), 0);
	}
	/* An existing file is not truncated by a refused open. */
	const char *keep = rc_test_tmpfile("keep.pcap");
	rc_test_write_file(keep, "precious", 8);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts bad = { .fcslen = 5 };
	ASSERT_INT_EQ(rc_writer_open(&w, keep, &bad, err), RC_EINVAL);
	size_t n;
	unsigned char *b = rc_test_read_file(keep, &n);
	ASSERT_UINT_EQ(n, 8);
	ASSERT_MEM_EQ(b, "precious", 8);
	free(b);
	/* Append needs a file, and open_fd refuses a negative descriptor. */
	rc_writer_opts app = { .append = 1 };
	ASSERT_INT_EQ(rc_writer_open(&w, "-", &app, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "opts.append");
	ASSERT_INT_EQ(rc_writer_open_fd(&w, -1, 0, "nofd", NULL, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "nofd");
}

TEST(write_open_failure_names_the_path)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	const char *f = rc_test_tmpfile("no/such/dir/x.pcap");
	ASSERT_INT_EQ(rc_writer_open(&w, f, NULL, err), RC_ENOENT);
	ASSERT_STR_CONTAINS(err, f);
	ASSERT_STR_CONTAINS(err, "No such file or directory");
}

/* A long path is shown as "..." and its last 93 characters, so that the
 * reason still fits the message (errmsg.h, RC__NAME_SHOWN). */
TEST(write_open_failure_shortens_a_long_path)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE], name[220], want[RC_ERRBUF_SIZE];
	memcpy(name, "no/", 3);
	memset(name + 3, 'd', 200);
	memcpy(name + 203, ".pcapng", 8);
	const char *f = rc_test_tmpfile(name);
	ASSERT_INT_EQ(rc_writer_open(&w, f, NULL, err), RC_ENOENT);
	snprintf(want, sizeof(want), "...%s: cannot open for writing: No such file or directory",
		 f + strlen(f) - 93);
	ASSERT_STR_EQ(err, want);
}

TEST(write_open_null_or_empty_path_says_which)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_writer_open(&w, NULL, NULL, err), RC_EINVAL);
	ASSERT_STR_EQ(err, "rc_writer_open: NULL path");
	ASSERT_INT_EQ(rc_writer_open(&w, "", NULL, err), RC_EINVAL);
	ASSERT_STR_EQ(err, "rc_writer_open: empty path");
}

TEST(write_to_dev_full_reports_no_space_with_the_path)
{
	rc_writer *w = (rc_writer *)1;
	char err[RC_ERRBUF_SIZE];
	if (!exists("/dev/full"))
		SKIP("/dev/full does not exist");
	/* The header is written at open, so the error shows there. */
	ASSERT_INT_EQ(rc_writer_open(&w, "/dev/full", NULL, err), RC_ENOSPC);
	ASSERT_TRUE(w == NULL);
	ASSERT_STR_CONTAINS(err, "/dev/full");
	ASSERT_STR_CONTAINS(err, "No space left on device");
	rc_writer_opts ng = { .format = RC_FORMAT_PCAPNG };
	ASSERT_INT_EQ(rc_writer_open(&w, "/dev/full", &ng, err), RC_ENOSPC);
	ASSERT_STR_CONTAINS(err, "/dev/full");
	/* open_fd: the caller keeps its descriptor on failure. */
	int fd = open("/dev/full", O_WRONLY);
	ASSERT_INT_GE(fd, 0);
	ASSERT_INT_EQ(rc_writer_open_fd(&w, fd, 1, "full-disk", NULL, err), RC_ENOSPC);
	ASSERT_STR_CONTAINS(err, "full-disk");
	ASSERT_INT_EQ(fcntl(fd, F_GETFD), 0);
	close(fd);
}

TEST(write_error_is_sticky_and_returned_by_close)
{
	int p[2];
	ASSERT_INT_EQ(pipe(p), 0);
	signal(SIGPIPE, SIG_IGN);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_writer_open_fd(&w, p[1], 1, "the-pipe", NULL, err));
	close(p[0]); /* the reader goes away: EPIPE */
	wt_stream s = wt_make(10);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, s.n)); /* buffered */
	int r = rc_writer_flush(w);
	ASSERT_INT_EQ(r, RC_EIO);
	char first[RC_ERRBUF_SIZE];
	snprintf(first, sizeof(first), "%s", rc_writer_error(w));
	ASSERT_STR_CONTAINS(first, "the-pipe");
	ASSERT_STR_CONTAINS(first, "Broken pipe");
	ASSERT_INT_EQ(rc_writer_write(w, &s.pkts[0]), RC_EIO);
	ASSERT_INT_EQ(rc_writer_write_batch(w, s.pkts, 2), RC_EIO);
	ASSERT_INT_EQ(rc_writer_flush(w), RC_EIO);
	ASSERT_INT_EQ(rc_writer_add_iface(w, &(rc_iface_info){ .fcslen = -1 }), RC_EIO);
	ASSERT_STR_EQ(rc_writer_error(w), first);
	ASSERT_INT_EQ(rc_writer_close(w), RC_EIO);
	wt_free(&s);
}

/* Check that path holds only whole records (pcapng: from offset skip);
 * returns the packets in it. */
static size_t whole_records(const char *path, enum rc_file_format fmt, size_t skip)
{
	if (fmt == RC_FORMAT_PCAP) {
#ifdef RC_HAVE_LIBPCAP_ORACLE
		return wt_libpcap_check(path, (size_t)-1, 262144, 1000, DLT_EN10MB);
#else
		SKIP("system libpcap (oracle) not found at build time");
#endif
	}
	size_t size, off = skip, n = 0;
	unsigned char *b = rc_test_read_file(path, &size);
	wt_block blk;
	for (size_t i = 0; i < skip; i++)
		if (b[i] != 'P')
			rc_test_fail(__FILE__, __LINE__, "%s: byte %zu of the old content changed",
				     path, i);
	while (wt_next_block(b, size, &off, &blk)) {
		if (blk.type != RC_PCAPNG_BT_EPB)
			continue;
		uint32_t caplen, len;
		memcpy(&caplen, blk.body + 12, 4);
		memcpy(&len, blk.body + 16, 4);
		if (!wt_matches(n, blk.body + 20, caplen, len, 262144))
			rc_test_fail(__FILE__, __LINE__, "%s: packet %zu differs", path, n);
		n++;
	}
	free(b);
	return n;
}

/* Child body: fill a 64 KiB tmpfs until ENOSPC.  With prefix > 0 the file
 * first holds that many 'P' bytes and the writer gets a descriptor opened
 * O_APPEND, as from a shell's ">>".  Exit 0, 77 (cannot set up the
 * namespace) or 1 via the assertion macros. */
/* Write s through an encoder in runs of 50 records (~80 KB: larger than
 * the writer's buffer, so they go to write(2) straight from recs). */
static int write_encoded_runs(rc_writer *w, const wt_stream *s, size_t *i)
{
	char err[RC_ERRBUF_SIZE];
	rc_encoder *e;
	ASSERT_OK(rc_encoder_new(&e, w, err));
	size_t cap = 50 * (16 + 10000);
	uint8_t *recs = malloc(cap);
	ASSERT_TRUE(recs != NULL);
	int r = 0;
	while (*i < s->n && r == 0) {
		size_t n = s->n - *i < 50 ? s->n - *i : 50;
		size_t used = rc_test_encode(e, &s->pkts[*i], n, recs, cap);
		r = rc_writer_write_encoded(w, recs, used, n, UINT64_MAX, NULL, NULL);
		*i += n;
	}
	free(recs);
	rc_encoder_free(e);
	return r;
}

static void fill_tiny_tmpfs(const char *dir, enum rc_file_format fmt, size_t buf_bytes,
			    size_t prefix, int encoded)
{
	if (unshare(CLONE_NEWNS) != 0)
		_exit(77);
	/* Keep the mount private to this namespace (systemd makes / shared). */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("rc_test_tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
		_exit(77);
	char path[512];
	snprintf(path, sizeof(path), "%s/full.%s", dir, fmt == RC_FORMAT_PCAP ? "pcap" : "pcapng");
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .format = fmt, .linktype = RC_LINKTYPE_ETHERNET,
			     .buf_bytes = buf_bytes };
	if (prefix) {
		char *old = malloc(prefix);
		ASSERT_TRUE(old != NULL);
		memset(old, 'P', prefix);
		rc_test_write_file(path, old, prefix);
		free(old);
		int fd = open(path, O_WRONLY | O_APPEND);
		ASSERT_INT_GE(fd, 0);
		ASSERT_OK(rc_writer_open_fd(&w, fd, 1, path, &o, err));
	} else {
		ASSERT_OK(rc_writer_open(&w, path, &o, err));
	}
	wt_stream s = wt_make(1000); /* ~1.6 MB: far more than fits */
	int r = 0;
	size_t i;
	if (encoded) {
		i = 0;
		r = write_encoded_runs(w, &s, &i);
	} else {
		for (i = 0; i < s.n && r == 0; i++)
			r = rc_writer_write(w, &s.pkts[i]);
	}
	if (r == 0)
		r = rc_writer_flush(w);
	ASSERT_INT_EQ(r, RC_ENOSPC);
	const char *msg = rc_writer_error(w);
	ASSERT_STR_CONTAINS(msg, path);
	ASSERT_STR_CONTAINS(msg, "No space left on device");
	ASSERT_STR_CONTAINS(msg, "cut back to the last whole record");
	uint64_t off = rc_writer_offset(w), packets = rc_writer_packets(w);
	/* Sticky: nothing more is accepted, the file does not change. */
	ASSERT_INT_EQ(rc_writer_write(w, &s.pkts[0]), RC_ENOSPC);
	ASSERT_UINT_EQ(rc_writer_offset(w), off);
	ASSERT_UINT_EQ(rc_writer_packets(w), packets);
	ASSERT_INT_EQ(rc_writer_close(w), RC_ENOSPC);
	struct stat st;
	ASSERT_INT_EQ(stat(path, &st), 0);
	ASSERT_UINT_EQ((uint64_t)st.st_size, off);
	size_t n = whole_records(path, fmt, prefix);
	ASSERT_UINT_GE(n, 10);
	ASSERT_UINT_LE(n, i);
	/* The count left after the failure is what the file holds. */
	ASSERT_UINT_EQ(packets, n);
	wt_free(&s);
	_exit(0);
}

static void run_tiny_tmpfs(const char *name, enum rc_file_format fmt, size_t buf_bytes,
			   size_t prefix, int encoded)
{
	rc_test_need_root();
	const char *dir = rc_test_tmpfile(name);
	ASSERT_INT_EQ(mkdir(dir, 0700), 0);
	pid_t pid = rc_test_fork();
	if (pid == 0)
		fill_tiny_tmpfs(dir, fmt, buf_bytes, prefix, encoded);
	int code = rc_test_child_exit(pid);
	if (code == 77)
		SKIP("cannot create a mount namespace with a tmpfs (unshare/mount refused)");
	ASSERT_INT_EQ(code, 0);
}

TEST(write_pcap_disk_full_keeps_whole_records_and_names_the_file)
{
	run_tiny_tmpfs("tmpfs-pcap", RC_FORMAT_PCAP, 16384, 0, 0);
}

TEST(write_pcapng_disk_full_with_direct_writes_keeps_whole_blocks)
{
	/* A 4 KiB buffer sends the 4097 and 9014-byte packets out directly. */
	run_tiny_tmpfs("tmpfs-pcapng", RC_FORMAT_PCAPNG, 4096, 0, 0);
}

TEST(write_encoded_disk_full_keeps_whole_records_and_names_the_file)
{
	run_tiny_tmpfs("tmpfs-encoded", RC_FORMAT_PCAP, 16384, 0, 1);
}

TEST(write_pcap_disk_full_with_default_buffer)
{
	/* The 1 MiB buffer is cut short by the 64 KiB file system in one write. */
	run_tiny_tmpfs("tmpfs-default", RC_FORMAT_PCAP, 0, 0, 0);
}

TEST(write_disk_full_after_shell_append_keeps_the_old_content)
{
	/* Truncation after ENOSPC is relative to where the writer started:
	 * the 10000 bytes already in the file survive. */
	run_tiny_tmpfs("tmpfs-prefix", RC_FORMAT_PCAPNG, 16384, 10000, 0);
}

#ifdef RC_HAVE_LIBPCAP_ORACLE
static volatile sig_atomic_t usr1_seen;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen++;
}
#endif

TEST(write_pipe_interrupted_by_signals_loses_nothing)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	/* A slow reader signals the writer between small reads, so writes to
	 * the full pipe are interrupted (EINTR) or cut short (partial count);
	 * both must be resumed transparently. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1; /* no SA_RESTART: write(2) really returns early */
	ASSERT_INT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	const char *f = rc_test_tmpfile("from-pipe.pcap");
	int p[2];
	ASSERT_INT_EQ(pipe(p), 0);
	pid_t pid = rc_test_fork();
	if (pid == 0) {
		close(p[1]);
		int out = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		char buf[3000];
		ssize_t n;
		if (out < 0)
			_exit(2);
		for (;;) {
			nanosleep(&(struct timespec){ 0, 100000 }, NULL);
			kill(getppid(), SIGUSR1);
			n = read(p[0], buf, sizeof(buf));
			if (n <= 0)
				break;
			if (write(out, buf, (size_t)n) != n)
				_exit(3);
		}
		_exit(n == 0 ? 0 : 4);
	}
	close(p[0]);
	wt_stream s = wt_make(1000);
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .buf_bytes = 256 * 1024 };
	ASSERT_OK(rc_writer_open_fd(&w, p[1], 1, "pipe", &o, err));
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, s.n));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_INT_EQ(rc_test_child_exit(pid), 0);
	ASSERT_INT_GT(usr1_seen, 0);
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1000, DLT_EN10MB), s.n);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

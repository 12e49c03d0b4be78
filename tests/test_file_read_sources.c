/*
 * test_file_read_sources.c - the same file read through every source
 * (memory, mmap, read(2) streaming with tiny and default buffers, chunked
 * stream, a caller's read function, a pipe on stdin) gives identical
 * packets and identical errors.
 */
#include "harness.h"
#include "test_file_read_build.h"
#include "testutil.h"

#include "file/reader.h"
#include "ringcap/file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

struct digest {
	unsigned long n;
	uint64_t h;
	int status;
	char err[RC_ERRBUF_SIZE];
};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const uint8_t *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* Consume every packet right away (stream data dies at the next call).
 * An error message must start with the input's name ("NAME: "): d->err
 * keeps the rest, which is the same whatever the source. */
static void digest_reader(rc_reader *r, const char *name, struct digest *d)
{
	rc_packet p[7]; /* odd batch size on purpose */
	int rc;
	d->n = 0;
	d->h = 0xcbf29ce484222325ull;
	while ((rc = rc_reader_next_batch(r, p, 7)) > 0) {
		for (int i = 0; i < rc; i++) {
			uint64_t f[6] = { p[i].ts_nsec, p[i].caplen, p[i].len, p[i].ifindex,
					  p[i].linktype | (uint64_t)p[i].direction << 16,
					  p[i].flags };
			d->h = fnv(d->h, f, sizeof(f));
			d->h = fnv(d->h, p[i].data, p[i].caplen);
			if (p[i].flags & RC_PKT_HAS_COMMENT)
				d->h = fnv(d->h, p[i].comment, p[i].comment_len);
			d->n++;
		}
	}
	d->status = rc;
	const char *msg = rc_reader_error(r);
	size_t len = strlen(name);
	if (rc != RC_EEOF) {
		if (strncmp(msg, name, len) != 0 || strncmp(msg + len, ": ", 2) != 0)
			rc_test_fail(__FILE__, __LINE__, "\"%s\" does not start with \"%s: \"", msg, name);
		msg += len + 2;
	}
	snprintf(d->err, sizeof(d->err), "%s", msg);
}

/* Digest of path read in mode; want_stable: what rc_reader_stable_data must
 * say (1 mapped, 0 streamed), -1 either. */
static void digest_path(const char *path, enum rc_read_mode mode, size_t buf, struct digest *d,
			int want_stable)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	rc_reader_opts o = { .mode = mode, .stream_buf_bytes = buf };
	if (rc_reader_open(&r, path, &o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "open %s: %s", path, err);
	if (want_stable >= 0)
		ASSERT_INT_EQ(rc_reader_stable_data(r), want_stable);
	digest_reader(r, path, d);
	rc_reader_close(r);
}

/* A pcapng with 3000 packets of 0..1600 bytes, a 9000-byte jumbo, options
 * and two sections; or the pcap equivalent. */
static void build_big(struct fb *b, int ng)
{
	if (!ng) {
		fb_pcap_hdr(b, 0xa1b23c4du, 2, 4, 65535, 1);
		for (unsigned i = 0; i < 3000; i++) {
			uint32_t n = i == 1500 ? 9000 : (i * 37) % 1601;
			fb_pcap_rec(b, i, i * 3, n, n + (i & 1), i);
		}
		return;
	}
	fb_shb(b);
	fb_idb(b, 1, 0);
	fb_idb_resol(b, 113, 0, 9);
	for (unsigned i = 0; i < 3000; i++) {
		if (i == 2000) {
			b->swap = 1;
			fb_shb(b);
			fb_idb(b, 101, 0);
		}
		uint32_t n = i == 1500 ? 9000 : (i * 37) % 1601;
		if (i % 5 == 0) {
			size_t at = fb_blk_begin(b, 6);
			fb_u32(b, 0);
			fb_u32(b, 0);
			fb_u32(b, i);
			fb_u32(b, n);
			fb_u32(b, n);
			fb_payload(b, i, n);
			fb_pad4(b);
			fb_opt_u32(b, 2, 1 + (i & 1));
			fb_opt_str(b, 1, "a comment");
			fb_opt_end(b);
			fb_blk_end(b, at);
		} else {
			fb_epb(b, i < 2000 ? i % 2 : 0, 1000000ull * i, n, n, i);
		}
	}
}

static void same(const struct digest *a, const struct digest *b)
{
	ASSERT_UINT_EQ(a->n, b->n);
	ASSERT_UINT_EQ(a->h, b->h);
	ASSERT_INT_EQ(a->status, b->status);
	ASSERT_STR_EQ(a->err, b->err);
}

/* Digest of the file image b read from memory: what every source must give. */
static void digest_mem(const struct fb *b, struct digest *mem)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_mem(&r, b->d, b->len, NULL, err), 0);
	digest_reader(r, "memory", mem);
	rc_reader_close(r);
}

static void all_sources_agree(int ng, size_t cut)
{
	struct fb b = { 0 };
	build_big(&b, ng);
	b.len -= cut;
	const char *path = rc_test_tmpfile(ng ? "big.pcapng" : "big.pcap");
	rc_test_write_file(path, b.d, b.len);

	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	struct digest mem, d;
	digest_mem(&b, &mem);
	ASSERT_UINT_EQ(mem.n, cut ? 2999 : 3000);
	ASSERT_INT_EQ(mem.status, cut ? RC_ETRUNC : RC_EEOF);

	digest_path(path, RC_READ_AUTO, 0, &d, 1);
	same(&mem, &d);
	digest_path(path, RC_READ_MMAP, 0, &d, 1);
	same(&mem, &d);
	digest_path(path, RC_READ_STREAM, 0, &d, 0);
	same(&mem, &d);
	digest_path(path, RC_READ_STREAM, 4096, &d, 0); /* grows for the jumbo */
	same(&mem, &d);

	/* chunked stream: pieces of 1..255 bytes */
	uint8_t sizes[97];
	for (unsigned i = 0; i < sizeof(sizes); i++)
		sizes[i] = (uint8_t)(1 + (i * 53) % 255);
	ASSERT_INT_EQ(rc__reader_open_chunked(&r, b.d, b.len, sizes, sizeof(sizes), 4096, NULL, err), 0);
	digest_reader(r, "memory stream", &d);
	rc_reader_close(r);
	same(&mem, &d);

	/* a read function returning 1 byte at a time, then odd pieces (with a
	 * buffer that grows for the jumbo) */
	static const size_t ones[] = { 1 }, odd[] = { 1, 7, 13, 4099, 65537, 7 };
	static const struct {
		const size_t *sizes;
		size_t n;
		rc_reader_opts o;
	} fns[] = {
		{ ones, 1, { .mode = RC_READ_AUTO } },
		{ odd, 6, { .mode = RC_READ_STREAM, .stream_buf_bytes = 4096 } },
	};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		struct fb_pieces fp = { .d = b.d, .len = b.len, .sizes = fns[i].sizes, .nsizes = fns[i].n };
		ASSERT_INT_EQ(rc_reader_open_stream(&r, fb_pieces_read, &fp, "fn", &fns[i].o, err), 0);
		ASSERT_INT_EQ(rc_reader_stable_data(r), 0);
		digest_reader(r, "fn", &d);
		rc_reader_close(r);
		same(&mem, &d);
	}

	/* stdin through a pipe, written by a child in small pieces */
	int fds[2];
	ASSERT_INT_EQ(pipe(fds), 0);
	pid_t pid = rc_test_fork();
	if (pid == 0) {
		close(fds[0]);
		for (size_t off = 0; off < b.len;) {
			size_t n = b.len - off < 1000 ? b.len - off : 1000;
			ssize_t w = write(fds[1], b.d + off, n);
			if (w <= 0)
				_exit(1);
			off += (size_t)w;
		}
		_exit(0);
	}
	close(fds[1]);
	int saved = dup(0);
	ASSERT_INT_EQ(dup2(fds[0], 0), 0);
	close(fds[0]);
	ASSERT_INT_EQ(rc_reader_open(&r, "-", NULL, err), 0);
	ASSERT_INT_EQ(rc_reader_stable_data(r), 0);
	digest_reader(r, "stdin", &d);
	rc_reader_close(r);
	dup2(saved, 0);
	close(saved);
	ASSERT_INT_EQ(rc_test_child_exit(pid), 0);
	/* the message names "stdin" where the others name their inputs */
	same(&mem, &d);

	/* open_fd takes ownership of the descriptor */
	int fd = open(path, O_RDONLY);
	ASSERT_INT_GE(fd, 0);
	ASSERT_INT_EQ(rc_reader_open_fd(&r, fd, "by-fd", NULL, err), 0);
	digest_reader(r, "by-fd", &d);
	rc_reader_close(r);
	same(&mem, &d);
	ASSERT_INT_EQ(fcntl(fd, F_GETFD), -1);
	fb_free(&b);
}

TEST(file_read_sources_identical_pcap)
{
	all_sources_agree(0, 0);
}

TEST(file_read_sources_identical_pcapng)
{
	all_sources_agree(1, 0);
}

TEST(file_read_sources_identical_truncated_pcap)
{
	all_sources_agree(0, 7);
}

TEST(file_read_sources_identical_truncated_pcapng)
{
	all_sources_agree(1, 7);
}

TEST(file_read_sources_open_errors_name_the_file)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	const char *missing = rc_test_tmpfile("does-not-exist.pcap");
	ASSERT_INT_EQ(rc_reader_open(&r, missing, NULL, err), RC_ENOENT);
	ASSERT_STR_CONTAINS(err, missing);
	ASSERT_TRUE(r == NULL);

	const char *empty = rc_test_tmpfile("empty.pcap");
	rc_test_write_file(empty, "", 0);
	ASSERT_INT_EQ(rc_reader_open(&r, empty, NULL, err), RC_EFORMAT);
	ASSERT_STR_CONTAINS(err, "empty.pcap: empty input");

	int fds[2];
	ASSERT_INT_EQ(pipe(fds), 0);
	close(fds[1]);
	rc_reader_opts o = { .mode = RC_READ_MMAP };
	ASSERT_INT_EQ(rc_reader_open_fd(&r, fds[0], "a-pipe", &o, err), RC_ENOTSUP);
	ASSERT_STR_CONTAINS(err, "a-pipe: not a regular file, cannot be mapped");
	ASSERT_INT_EQ(fcntl(fds[0], F_GETFD), -1); /* closed on failure too */
}

/* file.h: the reader owns fd "also when the open fails", and a NULL out
 * is such a failure. */
TEST(file_read_sources_open_fd_with_null_out_still_closes_fd)
{
	char err[RC_ERRBUF_SIZE];
	int fds[2];
	ASSERT_INT_EQ(pipe(fds), 0);
	close(fds[1]);
	ASSERT_INT_EQ(rc_reader_open_fd(NULL, fds[0], "a-pipe", NULL, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "out is NULL");
	errno = 0;
	ASSERT_INT_EQ(fcntl(fds[0], F_GETFD), -1);
	ASSERT_INT_EQ(errno, EBADF);
}

TEST(file_read_sources_stream_buffer_is_bounded)
{
	/* A pcapng block claiming 15 MiB in a stream that ends early must
	 * not make the reader allocate beyond its block bound, and a block
	 * above the bound is refused before any allocation. */
	struct fb b = { 0 };
	fb_shb(&b);
	fb_idb(&b, 1, 0);
	fb_u32(&b, 6);
	fb_u32(&b, 15u << 20);
	fb_u32(&b, 0);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	uint8_t one = 200;
	ASSERT_INT_EQ(rc__reader_open_chunked(&r, b.d, b.len, &one, 1, 0, NULL, err), 0);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_ETRUNC);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "pcapng block at offset 48: truncated: block length 15728640");
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_sources_auto_probe_on_a_large_file_agrees)
{
	/* >= 32 MiB (RC__CALIB_MIN_FILE): RC_READ_AUTO times mmap against
	 * read(2) at open, on stretches spread over the file up to its end,
	 * and may pick either; the packets must be the same as from memory.
	 * Sizes just above the threshold and a few MiB on put the last
	 * stretches at the end of the file, where touching the mapping one
	 * page too far would be SIGBUS. */
	static const size_t sizes[] = { (32u << 20) + 100, (34u << 20) - 3000, (35u << 20) + 12345 };
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		struct fb b = { 0 };
		fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
		for (unsigned i = 0; b.len < sizes[k]; i++)
			fb_pcap_rec(&b, i, i % 1000000, 1000 + i % 515, 1514, i);
		const char *path = rc_test_tmpfile("large.pcap");
		rc_test_write_file(path, b.d, b.len);
		struct digest mem, d;
		digest_mem(&b, &mem);
		ASSERT_INT_EQ(mem.status, RC_EEOF);
		digest_path(path, RC_READ_AUTO, 0, &d, -1);
		same(&mem, &d);
		fb_free(&b);
	}
}

TEST(file_read_sources_fuzz_seed_corpus_reads_cleanly)
{
	/* The seeds are valid files except the one named *trunc*, which ends
	 * in a truncated record. */
	char *list = NULL;
	ASSERT_INT_EQ(rc_test_sh(&list, "ls %s/fuzz/corpus/pcap/* %s/fuzz/corpus/pcapng/*",
				 rc_test_srcdir(), rc_test_srcdir()),
		      0);
	unsigned files = 0;
	char *save = NULL;
	for (char *path = strtok_r(list, "\n", &save); path; path = strtok_r(NULL, "\n", &save)) {
		char err[RC_ERRBUF_SIZE];
		rc_reader *r;
		if (rc_reader_open(&r, path, NULL, err) < 0)
			rc_test_fail(__FILE__, __LINE__, "%s: %s", path, err);
		struct digest d;
		digest_reader(r, path, &d);
		rc_reader_close(r);
		ASSERT_INT_GT(d.n, 0);
		if (strstr(path, "trunc"))
			ASSERT_INT_EQ(d.status, RC_ETRUNC);
		else if (d.status != RC_EEOF)
			rc_test_fail(__FILE__, __LINE__, "%s: %s", path, d.err);
		files++;
	}
	ASSERT_INT_GE(files, 10);
	free(list);
}

TEST(file_read_sources_read_error_names_the_source)
{
	/* A directory opens fine but read(2) fails with EISDIR. */
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	const char *dir = rc_test_tmpdir();
	ASSERT_INT_EQ(rc_reader_open(&r, dir, NULL, err), RC_EIO);
	ASSERT_TRUE(r == NULL);
	ASSERT_STR_CONTAINS(err, dir);
	ASSERT_STR_CONTAINS(err, "read at offset 0: Is a directory");
}

TEST(file_read_sources_keeps_its_own_copy_of_the_name)
{
	/* One whole record on a socket, then a reset (the peer closes with
	 * our byte unread): the read error comes after rc_reader_open_fd
	 * returned, when the caller's name buffer is long gone. */
	int sv[2];
	ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	struct fb b = { 0 };
	fb_u32(&b, 0xa1b2c3d4);
	fb_u16(&b, 2);
	fb_u16(&b, 4);
	fb_u32(&b, 0);
	fb_u32(&b, 0);
	fb_u32(&b, 65535);
	fb_u32(&b, 1);
	fb_u32(&b, 1);
	fb_u32(&b, 0);
	fb_u32(&b, 10);
	fb_u32(&b, 10);
	fb_payload(&b, 0, 10);
	ASSERT_INT_EQ(write(sv[1], b.d, b.len), (long long)b.len);
	ASSERT_INT_EQ(write(sv[0], "x", 1), 1);
	char *name = strdup("my-socket");
	ASSERT_TRUE(name != NULL);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_fd(&r, sv[0], name, NULL, err), 0);
	memset(name, 'Z', strlen(name));
	free(name);
	close(sv[1]);
	rc_packet p;
	ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
	ASSERT_INT_EQ(rc_reader_next(r, &p), RC_EIO);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "my-socket: read at offset 50: ");
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_sources_start_at_the_descriptors_position)
{
	/* 10 bytes of something else, then a pcap of two packets and a torn
	 * third record; the descriptor is positioned at the pcap, as a caller's
	 * lseek or a shell's "< file" after an earlier reader leave it.  Every
	 * mode reads from there, and names the damage by its file offset. */
	struct fb b = { 0 };
	fb_bytes(&b, "JUNKJUNK!!", 10);
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	fb_pcap_rec(&b, 1, 0, 60, 60, 0);
	fb_pcap_rec(&b, 2, 0, 61, 61, 1);
	fb_u32(&b, 3);
	const char *f = rc_test_tmpfile("prefixed.bin");
	rc_test_write_file(f, b.d, b.len);
	static const enum rc_read_mode modes[] = { RC_READ_AUTO, RC_READ_MMAP, RC_READ_STREAM };
	struct digest d[3];
	for (int m = 0; m < 3; m++) {
		int fd = open(f, O_RDONLY);
		ASSERT_INT_GE(fd, 0);
		ASSERT_INT_EQ(lseek(fd, 10, SEEK_SET), 10);
		char err[RC_ERRBUF_SIZE];
		rc_reader *r;
		rc_reader_opts o = { .mode = modes[m] };
		if (rc_reader_open_fd(&r, fd, "prefixed", &o, err) < 0)
			rc_test_fail(__FILE__, __LINE__, "mode %d: %s", (int)modes[m], err);
		ASSERT_INT_EQ(rc_reader_stable_data(r), modes[m] != RC_READ_STREAM);
		digest_reader(r, "prefixed", &d[m]);
		rc_reader_close(r);
		ASSERT_INT_EQ(d[m].n, 2);
		ASSERT_INT_EQ(d[m].status, RC_ETRUNC);
		ASSERT_STR_CONTAINS(d[m].err, "pcap record at offset 187: truncated header: 4 of 16");
	}
	same(&d[0], &d[1]);
	same(&d[0], &d[2]);
	fb_free(&b);
}

TEST_TIMEOUT(file_read_sources_nonblocking_pipe_waits_for_input, 10)
{
	/* A non-blocking descriptor (say an inherited stdin): read(2) says
	 * EAGAIN while the writer is slow, which is no error; the reader waits
	 * for input as on a blocking pipe. */
	struct fb b = { 0 };
	fb_pcap_hdr(&b, 0xa1b2c3d4u, 2, 4, 65535, 1);
	fb_pcap_rec(&b, 1, 0, 60, 60, 0);
	const size_t first = b.len;
	fb_pcap_rec(&b, 2, 0, 61, 61, 1);
	int pfd[2];
	ASSERT_INT_EQ(pipe(pfd), 0);
	ASSERT_INT_EQ(fcntl(pfd[0], F_SETFL, fcntl(pfd[0], F_GETFL) | O_NONBLOCK), 0);
	ASSERT_INT_EQ(write(pfd[1], b.d, first), (long long)first);
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		close(pfd[0]);
		usleep(100000);
		_exit(write(pfd[1], b.d + first, b.len - first) == (ssize_t)(b.len - first) ? 0 : 1);
	}
	close(pfd[1]);
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	ASSERT_INT_EQ(rc_reader_open_fd(&r, pfd[0], "pipe", NULL, err), 0);
	struct digest d;
	digest_reader(r, "pipe", &d);
	ASSERT_INT_EQ(d.status, RC_EEOF);
	ASSERT_INT_EQ(d.n, 2);
	rc_reader_close(r);
	ASSERT_INT_EQ(rc_test_child_exit(kid), 0);
	fb_free(&b);
}

/*
 * test_cli_live_capture.c - the real `ringcap -i` program, run as root in
 * the test's own network namespaces (tests/netns.h): frames sent from the
 * peer namespace arrive exactly once, byte for byte, in the files it
 * writes, under -c, signals, rotation, fanout threads, -Z and errors;
 * --count counts them without printing.
 *
 * The link is silent (no addresses, IPv6 off), so every frame on it is
 * one of ours; each carries a sequence number (netns.h).
 */
#include "harness.h"
#include "netns.h"
#include "spawn.h"
#include "testutil.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ringcap/file.h"

static const uint32_t sizes[] = { 60, 128, 1000, 1514 };

/* Start ringcap (in the current namespace) with args split on spaces;
 * wait until it says it is listening - its sockets are bound then, so no
 * frame sent afterwards is missed - or exited (a test of a start-up
 * error). */
static void start_or_exit(struct rc_spawn *r, const char *args)
{
	rc_spawn_sh(r, "ringcap", "'%s/ringcap' %s", rc_test_builddir(), args);
	(void)rc_spawn_ready(r, "listening on");
}

/* The same for a capture that must get there: an early exit fails the
 * test with ringcap's stderr instead of a count short later on. */
static void start(struct rc_spawn *r, const char *args)
{
	rc_spawn_sh(r, "ringcap", "'%s/ringcap' %s", rc_test_builddir(), args);
	rc_spawn_need_ready(r, "listening on");
}

static void pair_and_enter(struct rc_netns_pair *p)
{
	rc_netns_pair_create(p, 1500);
	rc_netns_enter(p->ns_a);
}

static void spec_init(struct rc_send_spec *s, const struct rc_netns_pair *p, unsigned count,
		      unsigned first)
{
	memset(s, 0, sizeof(*s));
	s->ns = p->ns_b;
	s->ifname = p->if_b;
	s->count = count;
	s->first_seq = first;
	s->sizes = sizes;
	s->nsizes = 4;
	memcpy(s->dst, p->mac_a, 6);
	memcpy(s->src, p->mac_b, 6);
}

static void assert_counts(const char *errpath, unsigned captured)
{
	char *e = rc_test_read_text(errpath), line[64];
	snprintf(line, sizeof(line), "\n%u packet%s captured\n", captured, captured == 1 ? "" : "s");
	ASSERT_STR_CONTAINS(e, line);
	ASSERT_STR_CONTAINS(e, " received by filter\n");
	ASSERT_STR_CONTAINS(e, " dropped by kernel\n");
	free(e);
}

/* The number on the exit line of e ending in suffix (" captured\n", ...). */
static unsigned long exit_count(const char *e, const char *suffix)
{
	const char *end = strstr(e, suffix);
	if (!end)
		rc_test_fail(__FILE__, __LINE__, "no line ending in \"%s\" in:\n%s", suffix, e);
	const char *line = end;
	while (line > e && line[-1] != '\n')
		line--;
	return strtoul(line, NULL, 10);
}

/*
 * ringcap's exit lines in errpath against what the test saw: each of the
 * sent frames reached the files once (in_files of them, counted by the
 * caller) or was counted as lost, by the kernel or by ringcap - none
 * vanished, none came twice.  Returns the captured count.
 */
static unsigned long assert_sent_is_captured_plus_dropped(const char *errpath,
							  unsigned long in_files,
							  unsigned long sent)
{
	char *e = rc_test_read_text(errpath);
	unsigned long captured = exit_count(e, " captured\n"),
		      received = exit_count(e, " received by filter\n"),
		      dropped = exit_count(e, " dropped by kernel\n");
	if (strstr(e, " dropped by ringcap\n"))
		dropped += exit_count(e, " dropped by ringcap\n");
	free(e);
	ASSERT_UINT_EQ(in_files, captured);
	ASSERT_UINT_EQ(captured + dropped, sent);
	ASSERT_UINT_EQ(received, sent);
	return captured;
}

/* A fresh pair, and ringcap started in ns_a with args_fmt, which takes
 * the interface and the output file (a temporary file called name,
 * returned). */
static const char *start_writing(struct rc_netns_pair *p, struct rc_spawn *r,
				 const char *args_fmt, const char *name)
{
	char args[512];
	pair_and_enter(p);
	const char *out = rc_test_tmpfile(name);
	snprintf(args, sizeof(args), args_fmt, p->if_a, out);
	start(r, args);
	return out;
}

/* Frames 0..sent-1 from ns_b, gap_us apart, to ringcap (r), which must
 * then end by itself (its -c) with status 0; s describes what was sent. */
static void send_until_exit(struct rc_netns_pair *p, struct rc_spawn *r, struct rc_send_spec *s,
			    unsigned sent, unsigned gap_us)
{
	spec_init(s, p, sent, 0);
	s->gap_us = gap_us;
	ASSERT_UINT_EQ(rc_send_frames(s), sent);
	ASSERT_INT_EQ(rc_spawn_wait(r, 10), 0);
}

/* On a fresh pair, ringcap with args_fmt (which takes the interface) is
 * sent frames 0..sent-1, gap_us apart, and must end by itself (its -c)
 * with status 0. */
static void run_to_count(struct rc_spawn *r, const char *args_fmt, unsigned sent,
			 unsigned gap_us)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	char args[512];
	pair_and_enter(&p);
	snprintf(args, sizeof(args), args_fmt, p.if_a);
	start(r, args);
	send_until_exit(&p, r, &s, sent, gap_us);
}

/*
 * -c 50 with sent frames spaced gap_us apart: ringcap (args_fmt, as
 * start_writing) ends by itself, and its file holds exactly the first 50
 * frames sent.
 */
static void count_limit_case(const char *args_fmt, const char *name, unsigned sent,
			     unsigned gap_us)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	const char *out = start_writing(&p, &r, args_fmt, name);
	send_until_exit(&p, &r, &s, sent, gap_us);
	unsigned char *seen = calloc(sent, 1);
	ASSERT_TRUE(seen != NULL);
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 50);
	for (unsigned i = 0; i < 50; i++)
		if (!seen[i])
			rc_test_fail(__FILE__, __LINE__, "frame %u of the first 50 is missing", i);
	free(seen);
	assert_counts(r.err, 50);
}

TEST_TIMEOUT(cli_live_count_limit_writes_exact_frames, 30)
{
	count_limit_case("-i %s -c 50 -w %s", "c.pcap", 80, 200);
}

/*
 * Without -U, packets the writer took reach the file (write(2)) once it
 * has been idle for a second: a capture killed with SIGKILL after a burst
 * leaves a file with every frame of it.  500 frames of 200 bytes fill
 * neither the writer's file buffer nor a TPACKET_V3 block, so they only
 * come out through the block's retire timer and the writer's idle flush.
 */
static void sigkill_case(const char *args_fmt, const char *name)
{
	static const uint32_t small[] = { 200 };
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	const char *out = start_writing(&p, &r, args_fmt, name);
	spec_init(&s, &p, 500, 0);
	s.sizes = small;
	s.nsizes = 1;
	ASSERT_UINT_EQ(rc_send_frames(&s), 500);
	/* Killed once the file holds them all, or after 10 s if it never does. */
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, 500, SIGKILL, 10), 128 + SIGKILL);
	unsigned char seen[500] = { 0 };
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 500);
}

TEST_TIMEOUT(cli_live_sigkill_after_a_burst_keeps_every_frame, 30)
{
	sigkill_case("-i %s -w %s", "kill.pcap");
}

/* The same through the merging writer (two fanout threads). */
TEST_TIMEOUT(cli_live_sigkill_after_a_burst_keeps_every_frame_merged, 30)
{
	sigkill_case("-i %s --threads 2 -w %s", "killm.pcap");
}

/*
 * --threads 2 -c: the count applies after the merge by time stamp, so the
 * file holds exactly the first 50 frames sent, whichever thread read
 * them and whenever its ring block was handed over.
 */
TEST_TIMEOUT(cli_live_threads_count_limit_writes_the_first_frames, 30)
{
	count_limit_case("-i %s --threads 2 --fanout-mode lb -c 50 -w %s", "thr_c.pcap", 400, 100);
}

/* The same for printing: with -xx the frame's bytes 16-17 (the low half
 * of its sequence number, netns.h) start each packet's "0x0010:" line;
 * the 20 packets printed are frames 0-19, in order. */
TEST_TIMEOUT(cli_live_threads_count_limit_prints_the_first_frames, 30)
{
	struct rc_spawn r;
	run_to_count(&r, "-i %s --threads 2 --fanout-mode lb -c 20 -n -xx", 400, 100);
	char *out = rc_test_read_text(r.out);
	unsigned n = 0;
	for (const char *l = out; (l = strstr(l, "\t0x0010:  ")) != NULL; l++, n++)
		ASSERT_UINT_EQ(strtoul(l + 11, NULL, 16), n);
	ASSERT_UINT_EQ(n, 20);
	free(out);
	assert_counts(r.err, 20);
}

/* SIGINT, SIGTERM and SIGHUP all end the capture with a complete file. */
static void signal_case(int sig, const char *name)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	const char *out = start_writing(&p, &r, "-i %s -w %s -U", name);
	spec_init(&s, &p, 300, 1000);
	ASSERT_UINT_EQ(rc_send_frames(&s), 300);
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, 300, sig, 10), 0);
	unsigned char seen[300] = { 0 };
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 300);
	assert_counts(r.err, 300);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "300 packets received by filter\n");
	ASSERT_STR_CONTAINS(e, "0 packets dropped by kernel\n");
	free(e);
}

TEST_TIMEOUT(cli_live_sigint_closes_file_with_every_frame, 30) { signal_case(SIGINT, "int.pcap"); }
TEST_TIMEOUT(cli_live_sigterm_closes_file_with_every_frame, 30) { signal_case(SIGTERM, "term.pcap"); }
TEST_TIMEOUT(cli_live_sighup_closes_file_with_every_frame, 30) { signal_case(SIGHUP, "hup.pcap"); }

TEST_TIMEOUT(cli_live_one_packet_is_singular, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	snprintf(args, sizeof(args), "-i %s -c 1 -w %s", p.if_a, rc_test_tmpfile("one.pcap"));
	start(&r, args);
	spec_init(&s, &p, 1, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 1);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "\n1 packet captured\n");
	free(e);
}

/* --count, as tcpdump's in live capture: no packet is printed; the closing
 * lines count them, -c included. */
TEST_TIMEOUT(cli_live_count_prints_no_packets_and_counts_them, 30)
{
	struct rc_spawn r;
	run_to_count(&r, "-i %s --count -c 5", 10, 200);
	char *o = rc_test_read_text(r.out);
	ASSERT_STR_EQ(o, "");
	free(o);
	assert_counts(r.err, 5);
}

/*
 * Read the pcapng file path to its end: every packet must name, through
 * its interface description block, the interface ifname, and pass check
 * (when given) with its index in the file.  Returns the packet count.
 */
static unsigned pcapng_packets(const char *path, const char *ifname,
			       void (*check)(const rc_packet *, const rc_iface_info *, unsigned))
{
	rc_reader *rd;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&rd, path, NULL, err));
	ASSERT_INT_EQ(rc_reader_format(rd), RC_FORMAT_PCAPNG);
	rc_packet pk;
	unsigned n = 0;
	while (rc_reader_next(rd, &pk) == 1) {
		rc_iface_info info;
		ASSERT_OK(rc_reader_iface(rd, pk.ifindex, &info));
		ASSERT_STR_EQ(info.name, ifname);
		if (check)
			check(&pk, &info, n);
		n++;
	}
	rc_reader_close(rd);
	return n;
}

/* The counts of interface idx's last ISB in the pcapng file path (read to
 * its end, where ringcap writes them). */
static rc_iface_stats isb_of(const char *path, size_t idx)
{
	rc_reader *rd;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&rd, path, NULL, err));
	rc_packet pk;
	int st;
	while ((st = rc_reader_next(rd, &pk)) == 1)
		;
	ASSERT_INT_EQ(st, RC_EEOF);
	rc_iface_stats is;
	ASSERT_OK(rc_reader_iface_stats(rd, idx, &is));
	rc_reader_close(rd);
	return is;
}

#define ANY_FILTER "ether proto 0x88b5"

/* On "any" frames are cooked: the interface's link type is SLL2, whose
 * 20-byte header stands where Ethernet's 14 were, and its description
 * carries the filter (pcapng option if_filter). */
static void check_any_sll2(const rc_packet *pk, const rc_iface_info *info, unsigned i)
{
	ASSERT_INT_EQ(info->linktype, RC_LINKTYPE_LINUX_SLL2);
	ASSERT_STR_EQ(info->filter, ANY_FILTER);
	ASSERT_UINT_EQ(pk->caplen, sizes[i % 4] - 14 + 20); /* SLL2 replaces Ethernet */
}

TEST_TIMEOUT(cli_live_any_pcapng_has_named_idbs_and_filter, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("any.pcapng");
	snprintf(args, sizeof(args), "-i any -c 20 -w %s " ANY_FILTER, out);
	start(&r, args);
	send_until_exit(&p, &r, &s, 20, 200);
	ASSERT_UINT_EQ(pcapng_packets(out, p.if_a, check_any_sll2), 20);
	/* "any" counts all interfaces together: no per-interface ISB */
	ASSERT_INT_EQ(isb_of(out, 0).valid, 0);
	/* the kernel runs this filter: nothing to warn about */
	char *e = rc_test_read_text(r.err);
	ASSERT_TRUE(strstr(e, "warning") == NULL);
	free(e);
}

/* A filter on "any" that reads a cooked header byte the kernel does not
 * have (an address byte) runs in user space, every packet copied first:
 * ringcap says so once, and still captures what the filter picks. */
TEST_TIMEOUT(cli_live_any_filter_in_user_space_is_a_warning, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("any_user.pcap");
	snprintf(args, sizeof(args),
		 "-i any -c 20 --format pcap -w %s " ANY_FILTER " and link[12:4] != 0x12345678", out);
	start(&r, args);
	send_until_exit(&p, &r, &s, 20, 200);
	char *e = rc_test_read_text(r.err);
	const char *w = "ringcap: warning: any: the filter cannot run in the kernel, so every "
			"packet is copied and filtered in user space: instruction ";
	const char *at = strstr(e, w);
	ASSERT_TRUE(at != NULL);
	ASSERT_TRUE(strstr(at + 1, w) == NULL);
	free(e);
	ASSERT_UINT_EQ(rc_spawn_file_packets(out), 20);
}

/* Closing a pcapng file, ringcap writes the interface's statistics (ISB):
 * received and dropped as the closing lines count them. */
TEST_TIMEOUT(cli_live_pcapng_closes_with_the_interface_counts, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("isb.pcapng");
	snprintf(args, sizeof(args), "-i %s -c 20 -w %s " ANY_FILTER, p.if_a, out);
	start(&r, args);
	send_until_exit(&p, &r, &s, 20, 200);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "\n20 packets received by filter\n0 packets dropped by kernel\n");
	free(e);
	ASSERT_UINT_EQ(pcapng_packets(out, p.if_a, NULL), 20);
	rc_iface_stats is = isb_of(out, 0);
	ASSERT_INT_EQ(is.valid, 1);
	ASSERT_TRUE(is.has_recv && is.has_drop);
	ASSERT_UINT_EQ(is.recv, 20);
	ASSERT_UINT_EQ(is.drop, 0);
}

/* Complete packets in the files base, base1, base2, ... as they stand. */
static unsigned rotated_packets(const char *base)
{
	unsigned n = rc_spawn_file_packets(base);
	for (unsigned k = 1;; k++) {
		char name[512];
		snprintf(name, sizeof(name), "%s%u", base, k);
		if (access(name, F_OK) != 0)
			return n;
		n += rc_spawn_file_packets(name);
	}
}

/*
 * -C 1 over 6000 frames.  The frames come over ~0.2 s or more, so the
 * ring takes a new block at every retire timeout meanwhile: a capture
 * thread that load keeps from running for 16 of them lets the kernel
 * drop frames, and -c would then never be reached.  So the end is the
 * count, as in cli_live_two_threads_capture_each_frame_once: -c stops
 * ringcap at the last frame, else (drops, or a frame the sender gave up
 * on) the -U files are watched until they hold every frame sent or a
 * generous bound passes, and SIGINT ends it; sent = captured + dropped
 * must hold, each frame once in the files.
 */
TEST_TIMEOUT(cli_live_rotation_by_size_loses_and_repeats_nothing, 90)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *base = rc_test_tmpfile("rot.pcap");
	/* 1500 frames of ~660 B average = ~1 MB per 1500: -C 1 gives several files. */
	const unsigned total = 6000;
	snprintf(args, sizeof(args), "-i %s -c %u -C 1 -U -w %s", p.if_a, total, base);
	start(&r, args);
	spec_init(&s, &p, total, 0);
	s.gap_us = 20;
	unsigned long sent = rc_send_frames(&s);
	ASSERT_UINT_GE(sent, 1);
	for (long long t0 = rc_test_mono_ms();
	     rotated_packets(base) < sent && rc_test_mono_ms() - t0 < 30000;)
		usleep(10 * 1000);
	/* Not reaped yet: a ringcap that -c ended is a zombie the signal cannot harm. */
	kill(r.pid, SIGINT);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 30), 0);
	unsigned char *seen = calloc(total, 1);
	ASSERT_TRUE(seen != NULL);
	unsigned sum = rc_test_check_frames_file(base, &s, seen), files = 1;
	for (unsigned k = 1;; k++) {
		char name[512];
		snprintf(name, sizeof(name), "%s%u", base, k);
		if (access(name, F_OK) != 0)
			break;
		sum += rc_test_check_frames_file(name, &s, seen);
		files++;
	}
	free(seen);
	unsigned long captured = assert_sent_is_captured_plus_dropped(r.err, sum, sent);
	/* bytes: 6000 * (avg 675.5 + 16) = 4.15 MB -> files of just over 1 MB */
	if (captured == total)
		ASSERT_UINT_EQ(files, 5);
}

TEST_TIMEOUT(cli_live_rotation_by_time_stops_at_file_count, 40)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *pattern = rc_test_tmpfile("g_%s.pcap"); /* %s: seconds since the epoch */
	snprintf(args, sizeof(args), "-i %s -G 1 -W 2 -w %s", p.if_a, pattern);
	start(&r, args);
	/* ~4 s of frames, one every 2 ms: the second rotation ends the capture. */
	spec_init(&s, &p, 2000, 0);
	s.gap_us = 2000;
	int fd;
	pid_t snd = rc_send_start(&s, &fd);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 15), 0);
	unsigned long sent = rc_send_wait(snd, fd);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "Maximum file limit reached: 2\n");
	unsigned long captured = exit_count(e, " captured\n"),
		      received = exit_count(e, " received by filter\n"),
		      dropped = exit_count(e, " dropped by kernel\n");
	free(e);
	char *ls = NULL;
	ASSERT_INT_EQ(rc_test_sh(&ls, "ls '%s' | grep -c '^g_[0-9]*\\.pcap$'", rc_test_tmpdir()), 0);
	ASSERT_STR_EQ(ls, "2\n");
	free(ls);
	/* Both files valid and no frame in both. */
	unsigned char *seen = calloc(2000, 1);
	ASSERT_TRUE(seen != NULL);
	ASSERT_INT_EQ(rc_test_sh(&ls, "ls '%s' | grep '^g_[0-9]*\\.pcap$'", rc_test_tmpdir()), 0);
	unsigned sum = 0;
	for (char *line = strtok(ls, "\n"); line; line = strtok(NULL, "\n")) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", rc_test_tmpdir(), line);
		sum += rc_test_check_frames_file(path, &s, seen);
	}
	free(ls);
	/* The files hold what the exit lines say was captured.  The capture
	 * ends itself while the sender goes on, so sent = captured + dropped
	 * cannot hold here (frames after the stop are neither); what does:
	 * the kernel's count covers the captured and the dropped (and the
	 * frames that reached the ring after the stop) and no more than was
	 * sent, and without drops the files hold the first frames sent, each
	 * once, none missing. */
	ASSERT_UINT_GE(sum, 1);
	ASSERT_UINT_EQ(sum, captured);
	ASSERT_UINT_LE(captured + dropped, received);
	ASSERT_UINT_LE(received, sent);
	if (dropped == 0)
		for (unsigned i = 0; i < sum; i++)
			if (!seen[i])
				rc_test_fail(__FILE__, __LINE__, "frame %u of the first %u is missing", i,
					     sum);
	free(seen);
}

/*
 * Two fanout threads: every frame sent is in the merged file once, or
 * counted as dropped, and the file is in time stamp order.  Nothing here
 * waits on a guess: sending starts once ringcap is listening, and the end
 * is the count - -c stops ringcap at the last frame; should fewer have
 * been sent or one have been dropped, the -U file is watched until it
 * holds every frame sent or a generous bound passes, and the counts then
 * show where each frame went.
 */
TEST_TIMEOUT(cli_live_two_threads_capture_each_frame_once, 90)
{
	const unsigned total = 2000;
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("thr.pcap");
	snprintf(args, sizeof(args), "-i %s --threads 2 --fanout-mode lb -c %u -U -w %s", p.if_a,
		 total, out);
	start(&r, args);
	spec_init(&s, &p, total, 0);
	s.gap_us = 20;
	/* A frame the sender gave up on (ENOBUFS past its retries: the
	 * receiving side's backlog stayed full) never reached ringcap's
	 * namespace and is not counted as sent. */
	unsigned long sent = rc_send_frames(&s);
	ASSERT_UINT_GE(sent, 1);
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, (unsigned)sent, SIGINT, 30), 0);
	unsigned char *seen = calloc(total, 1);
	ASSERT_TRUE(seen != NULL);
	unsigned in_file = rc_test_check_frames_file(out, &s, seen); /* each at most once */
	free(seen);
	assert_sent_is_captured_plus_dropped(r.err, in_file, sent);
	/* One merged file in time stamp order. */
	rc_reader *rd;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&rd, out, NULL, err));
	rc_packet pk;
	uint64_t last = 0;
	while (rc_reader_next(rd, &pk) == 1) {
		ASSERT_UINT_GE(pk.ts_nsec, last);
		last = pk.ts_nsec;
	}
	rc_reader_close(rd);
}

TEST_TIMEOUT(cli_live_json_lines_parse_with_fields, 30)
{
	rc_test_need_tool("python3");
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	snprintf(args, sizeof(args), "-i %s -c 5 --json", p.if_a);
	start(&r, args);
	send_until_exit(&p, &r, &s, 5, 1000);
	char *py = NULL;
	int st = rc_test_sh(&py,
			    "/usr/bin/python3 -c 'import json,sys\n"
			    "for l in open(sys.argv[1]):\n"
			    " o=json.loads(l)\n"
			    " print(o[\"interface\"], o[\"len\"], o[\"caplen\"], o[\"eth\"][\"type\"], "
			    "o[\"eth\"][\"src\"], type(o[\"ts\"]).__name__)' '%s'",
			    r.out);
	ASSERT_INT_EQ(st, 0);
	char want[1024];
	snprintf(want, sizeof(want),
		 "%s 60 60 34997 02:72:63:00:00:0b float\n%s 128 128 34997 02:72:63:00:00:0b float\n"
		 "%s 1000 1000 34997 02:72:63:00:00:0b float\n%s 1514 1514 34997 02:72:63:00:00:0b float\n"
		 "%s 60 60 34997 02:72:63:00:00:0b float\n",
		 p.if_a, p.if_a, p.if_a, p.if_a, p.if_a);
	ASSERT_STR_EQ(py, want);
	free(py);
}

/* /proc/<pid>/status line "Key:\t..." (malloc'ed, without the key). */
static char *status_field(pid_t pid, const char *key)
{
	char path[64], *text = NULL;
	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if (rc_test_sh(&text, "grep '^%s:' %s | cut -f2- | tr '\\t' ' '", key, path) != 0)
		rc_test_fail(__FILE__, __LINE__, "cannot read %s", path);
	return text;
}

/*
 * For -Z nobody: file (in *out) in a directory of the test's own, which
 * nobody may reach (the test directory becomes 0711) and which, if
 * writable, is nobody's (0755), else root's (0755).  Returns nobody's
 * uid; SKIPs the test without that user.
 */
static long nobody_file(int writable, const char *file, char *out, size_t len)
{
	char *uidline = NULL;
	if (rc_test_sh(&uidline, "id -u nobody") != 0)
		SKIP("no user nobody");
	long uid = strtol(uidline, NULL, 10);
	free(uidline);
	snprintf(out, len, "%s/%s", rc_test_tmpdir(), writable ? "nobody" : "root");
	ASSERT_INT_EQ(chmod(rc_test_tmpdir(), 0711), 0);
	ASSERT_INT_EQ(mkdir(out, 0755), 0);
	if (writable)
		ASSERT_INT_EQ(rc_test_sh(NULL, "chown nobody '%s'", out), 0);
	size_t n = strlen(out);
	snprintf(out + n, len - n, "/%s", file);
	return uid;
}

TEST_TIMEOUT(cli_live_drop_privileges_to_nobody, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[1024], out[600];
	pair_and_enter(&p);
	/* Every file is opened after the switch, as by tcpdump: its
	 * directory must be nobody's to write. */
	long uid = nobody_file(1, "z.pcap", out, sizeof(out));
	snprintf(args, sizeof(args), "-i %s -Z nobody -U -w %s", p.if_a, out);
	start(&r, args);
	/* The shell exec'ed ringcap: r.pid is ringcap itself. */
	char *u = status_field(r.pid, "Uid"), *g = status_field(r.pid, "Gid"),
	     *gr = status_field(r.pid, "Groups"), *cap = status_field(r.pid, "CapEff"),
	     *prm = status_field(r.pid, "CapPrm");
	char want[128];
	snprintf(want, sizeof(want), "%ld %ld %ld %ld\n", uid, uid, uid, uid);
	ASSERT_STR_EQ(u, want);
	ASSERT_FALSE(strncmp(g, "0 ", 2) == 0);
	ASSERT_FALSE(strstr(gr, " 0 ") || strncmp(gr, "0 ", 2) == 0 || strcmp(gr, "0\n") == 0);
	ASSERT_STR_EQ(cap, "0000000000000000\n");
	ASSERT_STR_EQ(prm, "0000000000000000\n");
	/* ... and it still captures. */
	spec_init(&s, &p, 10, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 10);
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, 10, SIGINT, 10), 0);
	unsigned char seen[10] = { 0 };
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 10);
	struct stat sb;
	ASSERT_INT_EQ(stat(out, &sb), 0);
	ASSERT_INT_EQ((long)sb.st_uid, uid);
	free(u);
	free(g);
	free(gr);
	free(cap);
	free(prm);
}

/*
 * -Z drops root before the first output file is opened, as tcpdump does:
 * a directory nobody cannot write fails at start-up, naming the file,
 * instead of at the first -C rotation with packets lost.
 */
TEST_TIMEOUT(cli_live_drop_privileges_before_the_first_file, 30)
{
	struct rc_netns_pair p;
	struct rc_spawn r;
	char args[1024], out[600];
	pair_and_enter(&p);
	(void)nobody_file(0, "c", out, sizeof(out));
	snprintf(args, sizeof(args), "-i %s -Z nobody -C 1 -w %s", p.if_a, out);
	start_or_exit(&r, args);
	int code = rc_spawn_wait(&r, 10);
	ASSERT_INT_NE(code, 0);
	ASSERT_INT_LT(code, 128); /* an exit, not a signal */
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, out);
	ASSERT_STR_CONTAINS(e, "Permission denied");
	ASSERT_FALSE(strstr(e, "listening on") != NULL);
	free(e);
	ASSERT_INT_NE(access(out, F_OK), 0); /* nothing created as root */
}

TEST_TIMEOUT(cli_live_dev_full_reports_no_space_with_the_name, 30)
{
	struct rc_netns_pair p;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	snprintf(args, sizeof(args), "-i %s -w /dev/full", p.if_a);
	start_or_exit(&r, args);
	int code = rc_spawn_wait(&r, 10);
	ASSERT_INT_EQ(code, 1);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "/dev/full");
	ASSERT_STR_CONTAINS(e, "space");
	free(e);
}

TEST_TIMEOUT(cli_live_no_such_interface_lists_valid_ones, 30)
{
	struct rc_netns_pair p;
	struct rc_spawn r;
	pair_and_enter(&p);
	start_or_exit(&r, "-i nosuchif0 -c 1");
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 1);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "ringcap: nosuchif0: no such device; available: ");
	ASSERT_STR_CONTAINS(e, p.if_a);
	ASSERT_STR_CONTAINS(e, "any");
	free(e);
}

/* Library messages and warnings name the device already: ringcap does not
 * put it in front a second time. */
TEST_TIMEOUT(cli_live_device_named_once_in_errors_and_warnings, 30)
{
	struct rc_netns_pair p;
	char *out = NULL, want[128], twice[128];
	pair_and_enter(&p);
	snprintf(twice, sizeof(twice), "%s: %s:", p.if_a, p.if_a);
	ASSERT_INT_EQ(rc_test_sh(NULL, "ip link set %s down", p.if_a), 0);
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -i %s -c 1 2>&1", rc_test_builddir(), p.if_a), 1);
	snprintf(want, sizeof(want), "ringcap: %s: interface is down\n", p.if_a);
	ASSERT_STR_EQ(out, want);
	free(out);
	/* -B 64: a ring too small for one 262144-byte packet is raised. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "ip link set %s up", p.if_a), 0);
	struct rc_spawn r;
	char args[256];
	snprintf(args, sizeof(args), "-i %s -B 64 -c 1 -w /dev/null", p.if_a);
	start(&r, args);
	struct rc_send_spec s;
	spec_init(&s, &p, 1, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 1);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	char *e = rc_test_read_text(r.err);
	snprintf(want, sizeof(want), "ringcap: warning: %s: ring raised from 65536 to ", p.if_a);
	ASSERT_STR_CONTAINS(e, want);
	ASSERT_FALSE(strstr(e, twice) != NULL);
	free(e);
}

TEST_TIMEOUT(cli_live_list_interfaces_of_the_namespace, 30)
{
	struct rc_netns_pair p;
	pair_and_enter(&p);
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -D", rc_test_builddir()), 0);
	char want[128];
	/* veth up with a peer: connected (Running follows once carrier is seen). */
	snprintf(want, sizeof(want), ".%s [Up, ", p.if_a);
	ASSERT_STR_CONTAINS(out, want);
	ASSERT_STR_CONTAINS(out, "Connected]\n");
	ASSERT_STR_CONTAINS(out, ".any (Pseudo-device that captures on all interfaces) [Up, Running]\n");
	ASSERT_STR_CONTAINS(out, ".lo [");
	ASSERT_FALSE(strstr(out, p.if_b) != NULL); /* the peer is in the other namespace */
	free(out);
}

/*
 * Without -i, as tcpdump: the first interface of -D that is up and not
 * loopback (nor "any") - here the veth, the namespace's only one - for a
 * capture, -L and -J.
 */
TEST_TIMEOUT(cli_live_default_interface_when_no_i_is_given, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char want[128], *out = NULL;
	pair_and_enter(&p);
	start(&r, "-c 1 -n");
	char *e = rc_test_read_text(r.err);
	snprintf(want, sizeof(want), "listening on %s, link-type EN10MB (Ethernet)", p.if_a);
	ASSERT_STR_CONTAINS(e, want);
	free(e);
	spec_init(&s, &p, 1, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 1);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	assert_counts(r.err, 1);
	out = rc_test_read_text(r.out);
	const char *one = strstr(out, "ethertype Unknown (0x88b5)");
	ASSERT_TRUE(one != NULL);
	ASSERT_TRUE(strstr(one + 1, "ethertype") == NULL); /* one packet printed */
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -L", rc_test_builddir()), 0);
	snprintf(want, sizeof(want), "Data link types for %s (use option -y to set):\n", p.if_a);
	ASSERT_STR_CONTAINS(out, want);
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -J 2>&1", rc_test_builddir()), 0);
	snprintf(want, sizeof(want), "Time stamp types for %s (use option -j to set):\n", p.if_a);
	ASSERT_STR_CONTAINS(out, want);
	free(out);
}

TEST_TIMEOUT(cli_live_bad_filter_shows_caret, 30)
{
	struct rc_netns_pair p;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	snprintf(args, sizeof(args), "-i %s tcp port 99999", p.if_a);
	start_or_exit(&r, args);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 1);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, "ringcap: bad filter expression: ");
	ASSERT_STR_CONTAINS(e, "  tcp port 99999\n");
	ASSERT_STR_CONTAINS(e, "^");
	free(e);
}

/* -w into a 256 KiB tmpfs: ringcap names the file and the error, stops,
 * and still prints its counts.  leaf picks the format (.pcap, .pcapng). */
static void disk_full(const char *leaf)
{
	rc_test_need_tool("unshare");
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	pair_and_enter(&p);
	/* A 256 KiB tmpfs in a private mount namespace that dies with ringcap. */
	const char *dir = rc_test_tmpfile("small");
	ASSERT_INT_EQ(rc_test_sh(NULL, "mkdir -p '%s'", dir), 0);
	/* start() execs ringcap directly; here a shell mounts first. */
	rc_spawn_sh(&r, "ringcap",
		    "unshare -m --propagation private sh -c \"mount -t tmpfs -o size=256k none '%s' "
		    "&& exec '%s/ringcap' -i %s -w '%s/%s' -U\"",
		    dir, rc_test_builddir(), p.if_a, dir, leaf);
	rc_spawn_need_ready(&r, "listening on");
	spec_init(&s, &p, 400, 0); /* ~270 KB of frames: more than fits */
	s.gap_us = 100;
	ASSERT_UINT_EQ(rc_send_frames(&s), 400);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 1);
	char *e = rc_test_read_text(r.err);
	ASSERT_STR_CONTAINS(e, leaf);
	ASSERT_STR_CONTAINS(e, "No space left on device");
	ASSERT_STR_CONTAINS(e, " packets captured\n");
	ASSERT_STR_CONTAINS(e, " dropped by kernel\n");
	free(e);
}

TEST_TIMEOUT(cli_live_disk_full_mid_capture_stops_cleanly, 30)
{
	disk_full("full.pcap");
}

TEST_TIMEOUT(cli_live_disk_full_mid_capture_stops_cleanly_pcapng, 30)
{
	disk_full("full.pcapng");
}

TEST_TIMEOUT(cli_live_stats_lines_and_print_with_write, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("pw.pcap");
	snprintf(args, sizeof(args), "-i %s --stats 1 --print -c 30 -w %s", p.if_a, out);
	start(&r, args);
	spec_init(&s, &p, 30, 0);
	s.gap_us = 50000; /* 1.5 s: at least one stats line */
	ASSERT_UINT_EQ(rc_send_frames(&s), 30);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	unsigned char seen[30] = { 0 };
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 30);
	char *e = rc_test_read_text(r.err), *o = rc_test_read_text(r.out);
	ASSERT_STR_CONTAINS(e, " pkts/s ");
	ASSERT_STR_CONTAINS(e, "| file ");
	/* --print: one summary line per packet as well (hex dump lines of the
	 * unknown EtherType start with a tab) */
	unsigned lines = 0;
	for (const char *c = o; *c; c++)
		lines += *c == '\n' && c[1] && c[1] != '\t';
	lines += *o && *o != '\t';
	ASSERT_UINT_EQ(lines, 30);
	free(e);
	free(o);
}

TEST_TIMEOUT(cli_live_two_interfaces_make_pcapng_with_two_idbs, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	ASSERT_INT_EQ(rc_test_sh(NULL, "ip link set lo up"), 0);
	const char *out = rc_test_tmpfile("two.out");
	/* 10 frames on if_a, then one on lo, which passes lo's taps twice
	 * (sent and received) and is captured once: 11.  An interface gets
	 * its IDB with its first packet. */
	snprintf(args, sizeof(args), "-i %s -i lo -c 11 -w %s", p.if_a, out);
	start(&r, args);
	spec_init(&s, &p, 10, 0);
	s.gap_us = 1000;
	ASSERT_UINT_EQ(rc_send_frames(&s), 10);
	struct rc_send_spec l = s;
	l.ns = p.ns_a;
	l.ifname = "lo";
	l.count = 1;
	l.first_seq = 100;
	ASSERT_UINT_EQ(rc_send_frames(&l), 1);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);

	rc_reader *rd;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&rd, out, NULL, err));
	ASSERT_INT_EQ(rc_reader_format(rd), RC_FORMAT_PCAPNG);
	rc_packet pk;
	unsigned on_a = 0, on_lo = 0;
	size_t idx_a = 0;
	int st;
	while ((st = rc_reader_next(rd, &pk)) == 1) {
		rc_iface_info info;
		ASSERT_OK(rc_reader_iface(rd, pk.ifindex, &info));
		long seq = rc_test_frame_seq(pk.data, pk.caplen, 0);
		if (strcmp(info.name, p.if_a) == 0) {
			ASSERT_INT_LT(seq, 10);
			idx_a = pk.ifindex;
			on_a++;
		} else {
			ASSERT_STR_EQ(info.name, "lo");
			ASSERT_INT_EQ(seq, 100);
			on_lo++;
		}
	}
	ASSERT_INT_EQ(st, RC_EEOF);
	ASSERT_UINT_EQ(rc_reader_iface_count(rd), 2);
	rc_reader_close(rd);
	ASSERT_UINT_EQ(on_a, 10);
	ASSERT_UINT_EQ(on_lo, 1);
	/* the counts of the interface the frames came on */
	rc_iface_stats is = isb_of(out, idx_a);
	ASSERT_INT_EQ(is.valid, 1);
	ASSERT_UINT_GE(is.recv, 10);
}

/*
 * Several -i merge into one stream of lines: each names its interface and
 * direction after the time stamp, as tcpdump -i any does ("%-5s %-3s ").
 * A second veth pair inside ns_a (x <-> y) is the other interface: frames
 * 0-2 come from ns_b to if_a, 100-102 from y to x.  -i x alone prints no
 * name; --json has each packet's "interface" (as with one -i).
 */
static void second_veth(char *x, char *y, size_t n)
{
	snprintf(x, n, "rcx%ld", (long)getpid() % 100000);
	snprintf(y, n, "rcy%ld", (long)getpid() % 100000);
	ASSERT_INT_EQ(rc_test_sh(NULL,
				 "ip link add %s type veth peer name %s && ip link set %s up && "
				 "ip link set %s up",
				 x, y, x, y),
		      0);
}

/* Run ringcap with args (taking if_a and x, in that order: "%s" twice),
 * send 3 frames on each interface, return its stdout (malloc'ed). */
static char *two_iface_run(const struct rc_netns_pair *p, const char *x, const char *y,
			   const char *fmt)
{
	struct rc_send_spec s, t;
	struct rc_spawn r;
	char args[512];
	snprintf(args, sizeof(args), fmt, p->if_a, x);
	start(&r, args);
	spec_init(&s, p, 3, 0);
	s.gap_us = 1000;
	ASSERT_UINT_EQ(rc_send_frames(&s), 3);
	t = s;
	t.ns = p->ns_a;
	t.ifname = y;
	t.first_seq = 100;
	ASSERT_UINT_EQ(rc_send_frames(&t), 3);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	return rc_test_read_text(r.out);
}

/* Lines of o whose text after the time stamp starts with want. */
static unsigned lines_after_ts(const char *o, const char *want)
{
	unsigned n = 0;
	for (const char *l = o; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		const char *sp = strchr(l, ' ');
		n += sp && strncmp(sp + 1, want, strlen(want)) == 0;
	}
	return n;
}

/* Occurrences of needle in o. */
static unsigned count_of(const char *o, const char *needle)
{
	unsigned n = 0;
	for (const char *c = o; (c = strstr(c, needle)) != NULL; c += strlen(needle))
		n++;
	return n;
}

TEST_TIMEOUT(cli_live_several_interfaces_name_each_line, 30)
{
	struct rc_netns_pair p;
	char x[IFNAMSIZ], y[IFNAMSIZ], want[64];
	pair_and_enter(&p);
	second_veth(x, y, sizeof(x));
	char *o = two_iface_run(&p, x, y, "-i %s -i %s -c 6 -n");
	snprintf(want, sizeof(want), "%-5s In  02:72:63:00:00:0b > 02:72:63:00:00:0a, ", p.if_a);
	ASSERT_UINT_EQ(lines_after_ts(o, want), 3);
	/* addressed to if_a's MAC, the frames reach x as another host's */
	snprintf(want, sizeof(want), "%-5s P   02:72:63:00:00:0b > ", x);
	ASSERT_UINT_EQ(lines_after_ts(o, want), 3);
	free(o);

	o = two_iface_run(&p, x, y, "-i %s -i %s -c 6 --json");
	snprintf(want, sizeof(want), "{\"ts\":");
	ASSERT_UINT_EQ(count_of(o, want), 6);
	snprintf(want, sizeof(want), ",\"interface\":\"%s\",", p.if_a);
	ASSERT_UINT_EQ(count_of(o, want), 3);
	snprintf(want, sizeof(want), ",\"interface\":\"%s\",", x);
	ASSERT_UINT_EQ(count_of(o, want), 3);
	free(o);

	/* one -i: the line as before, the link header first */
	struct rc_send_spec t;
	struct rc_spawn r;
	char args[128];
	snprintf(args, sizeof(args), "-i %s -c 1 -n", x);
	start(&r, args);
	spec_init(&t, &p, 1, 100);
	t.ns = p.ns_a;
	t.ifname = y;
	ASSERT_UINT_EQ(rc_send_frames(&t), 1);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	o = rc_test_read_text(r.out);
	ASSERT_UINT_EQ(lines_after_ts(o, "02:72:63:00:00:0b > 02:72:63:00:00:0a, "), 1);
	free(o);
}

/* Datagrams of 1, 2 and 3 bytes to 127.0.0.1 pass lo's taps twice each
 * (sent, received): -c 3 must print one line for each, as tcpdump does,
 * not the first two datagrams' two copies. */
TEST_TIMEOUT(cli_live_loopback_prints_each_datagram_once, 30)
{
	struct rc_netns_pair p;
	struct rc_spawn r;
	pair_and_enter(&p);
	ASSERT_INT_EQ(rc_test_sh(NULL, "ip link set lo up"), 0);
	start(&r, "-i lo -c 3 -n udp");
	uint16_t port;
	int fd = rc_send_udp_lo(3, &port);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	close(fd);
	char *o = rc_test_read_text(r.out);
	const char *l1 = strstr(o, ": UDP, length 1\n"), *l2 = strstr(o, ": UDP, length 2\n"),
		   *l3 = strstr(o, ": UDP, length 3\n");
	if (!l1 || !l2 || !l3 || !(l1 < l2 && l2 < l3))
		rc_test_fail(__FILE__, __LINE__, "not the three datagrams in order:\n%s", o);
	unsigned lines = 0;
	for (const char *c = o; *c; c++)
		lines += *c == '\n';
	ASSERT_UINT_EQ(lines, 3);
	free(o);
	assert_counts(r.err, 3);
}

TEST_TIMEOUT(cli_live_without_cap_net_raw_names_the_capability, 30)
{
	rc_test_need_tool("setpriv");
	struct rc_netns_pair p;
	pair_and_enter(&p);
	char *out = NULL;
	int st = rc_test_sh(&out,
			    "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "
			    "'%s/ringcap' -i %s -c 1 2>&1",
			    rc_test_builddir(), p.if_a);
	ASSERT_INT_EQ(st, 1);
	ASSERT_STR_CONTAINS(out, "permission denied: capturing needs CAP_NET_RAW;");
	ASSERT_FALSE(strstr(out, "promiscuous") != NULL);
	free(out);
}

/* CAP_NET_RAW alone captures in promiscuous mode: the PACKET_MR_PROMISC
 * membership needs nothing the socket did not (docs/SECURITY.md). */
TEST_TIMEOUT(cli_live_cap_net_raw_alone_captures_promiscuously, 30)
{
	rc_test_need_tool("setpriv");
	struct rc_netns_pair p;
	struct rc_spawn r;
	pair_and_enter(&p);
	rc_spawn_sh(&r, "ringcap",
		    "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all,+net_raw "
		    "--ambient-caps=+net_raw '%s/ringcap' -i %s -c 5",
		    rc_test_builddir(), p.if_a);
	rc_spawn_need_ready(&r, "listening on");
	char *link = NULL;
	ASSERT_INT_EQ(rc_test_sh(&link, "ip -d link show %s", p.if_a), 0);
	ASSERT_STR_CONTAINS(link, "promiscuity 1 ");
	free(link);
	struct rc_send_spec s;
	spec_init(&s, &p, 5, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 5);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 10), 0);
	assert_counts(r.err, 5);
}

/* Context switches of every thread of pid so far (voluntary: it slept;
 * nonvoluntary: it was preempted) - each one is a wake-up. */
static unsigned long long switches(pid_t pid)
{
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "cat /proc/%d/task/*/status | awk '/ctxt_switches/ { s += $2 } "
				       "END { print s }'",
				 (int)pid),
		      0);
	unsigned long long n = strtoull(out, NULL, 10);
	free(out);
	return n;
}

/* An idle capture sleeps in the kernel: no read timeouts, no polling
 * writer or main thread (they used to wake 50-90 times a second).  A
 * frame after the idle time still wakes it and reaches the file. */
TEST_TIMEOUT(cli_live_idle_capture_does_not_wake_up, 30)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("idle.pcap");
	/* -U: each frame is in the file once written, which shows when the
	 * hand-over of the last one is done and the capture is idle. */
	snprintf(args, sizeof(args), "-i %s -U -w %s", p.if_a, out);
	start(&r, args);
	spec_init(&s, &p, 100, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 100);
	ASSERT_UINT_EQ(rc_spawn_wait_packets(out, 100, 10), 100);
	/* The file holds the frames once the writer wrote them; its thread
	 * and the capture threads are still on their way to sleep then, and
	 * under load each preemption on the way counts as a switch.  Start
	 * counting once 200 ms passed without one (looked for 5 s at most: a
	 * polling thread never gets there and fails the count below). */
	unsigned long long before = switches(r.pid);
	for (int i = 0; i < 25; i++) {
		usleep(200000);
		unsigned long long now = switches(r.pid);
		if (now == before)
			break;
		before = now;
	}
	usleep(1500000);
	unsigned long long idle = switches(r.pid) - before;
	/* A few stray wake-ups are tolerated (e.g. a kernel timer); a polling
	 * thread would make 75 or more in 1.5 s. */
	ASSERT_UINT_LE(idle, 5);
	spec_init(&s, &p, 20, 100);
	ASSERT_UINT_EQ(rc_send_frames(&s), 20);
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, 120, SIGINT, 10), 0);
	unsigned char seen[120] = { 0 };
	spec_init(&s, &p, 120, 0);
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 120);
	assert_counts(r.err, 120);
}

/*
 * SIGINT while frames still arrive.  ringcap stops the kernel's queueing
 * (rc_capture_stop_input), writes what the ring held, and only then prints
 * its closing lines, so they add up exactly: captured + dropped =
 * received, and the file holds the captured frames, each once.  A capture
 * that just stops reading (tcpdump on libpcap) counts the ring's last
 * packets as received without writing them.  The signal lands ~0.3 s into
 * ~2 s of traffic; the counts must hold wherever it lands.
 */
static void sigint_mid_traffic(const char *extra)
{
	struct rc_netns_pair p;
	struct rc_send_spec s;
	struct rc_spawn r;
	char args[512];
	pair_and_enter(&p);
	const char *out = rc_test_tmpfile("mid.pcap");
	snprintf(args, sizeof(args), "-i %s %s -w %s", p.if_a, extra, out);
	start(&r, args);
	spec_init(&s, &p, 40000, 0);
	s.gap_us = 50;
	int fd;
	pid_t snd = rc_send_start(&s, &fd);
	usleep(300 * 1000);
	kill(r.pid, SIGINT);
	ASSERT_INT_EQ(rc_spawn_wait(&r, 30), 0);
	(void)rc_send_wait(snd, fd);
	unsigned char *seen = calloc(s.count, 1);
	ASSERT_TRUE(seen != NULL);
	unsigned in_file = rc_test_check_frames_file(out, &s, seen);
	free(seen);
	char *e = rc_test_read_text(r.err);
	unsigned long captured = exit_count(e, " captured\n"),
		      received = exit_count(e, " received by filter\n"),
		      dropped = exit_count(e, " dropped by kernel\n");
	if (strstr(e, " dropped by ringcap\n"))
		dropped += exit_count(e, " dropped by ringcap\n");
	fprintf(stderr, "  %s: %u in the file, captured %lu, received %lu, dropped %lu\n",
		extra, in_file, captured, received, dropped);
	free(e);
	ASSERT_UINT_GE(in_file, 1);
	ASSERT_UINT_EQ(in_file, captured);
	ASSERT_UINT_EQ(captured + dropped, received);
}

TEST_TIMEOUT(cli_live_sigint_mid_traffic_counts_add_up, 60) { sigint_mid_traffic("-B 4096"); }
TEST_TIMEOUT(cli_live_sigint_mid_traffic_counts_add_up_threads, 60)
{
	sigint_mid_traffic("--threads 2");
}

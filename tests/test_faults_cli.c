/*
 * test_faults_cli.c - the `ringcap` program under faults and with least
 * privilege (issue 9): a storm of SIGINT/SIGTERM/SIGHUP while it captures
 * and rotates files, -Z with --keep-cap-net-raw, and reading files with
 * no capability at all.  Live parts run in the test's own namespaces
 * (tests/netns.h); every frame on the link is one of ours.
 */
#include "harness.h"
#include "netns.h"
#include "spawn.h"
#include "testutil.h"

#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ringcap/file.h"

static unsigned occurrences(const char *hay, const char *needle)
{
	unsigned n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* The number that starts the line holding tail ("12 packets captured"). */
static unsigned long number_before(const char *text, const char *tail)
{
	const char *t = strstr(text, tail);
	ASSERT_TRUE(t != NULL);
	while (t > text && t[-1] != '\n')
		t--;
	return strtoul(t, NULL, 10);
}

/* s: count frames of sizes[0] bytes from p's b end to its a end, gap_us
 * apart (sizes must outlive s). */
static void frames_b_to_a(struct rc_send_spec *s, const struct rc_netns_pair *p, unsigned count,
			  const uint32_t *sizes, unsigned gap_us)
{
	memset(s, 0, sizeof(*s));
	s->ns = p->ns_b;
	s->ifname = p->if_b;
	s->count = count;
	s->sizes = sizes;
	s->nsizes = 1;
	s->gap_us = gap_us;
	memcpy(s->dst, p->mac_a, 6);
	memcpy(s->src, p->mac_b, 6);
}

/* ------------------------------------------------------- signal storm */

#define STORM_FRAMES 12000u

TEST_TIMEOUT(faults_cli_signal_storm_while_rotating_closes_every_file, 60)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	char base[256];
	snprintf(base, sizeof(base), "%s", rc_test_tmpfile("storm.pcap"));
	/* -C 1 -W 5: files base0..base4 of 1 MB, reused in turn; 12000 frames
	 * of 1000 B fill about 12 of them, so the ring turns over twice. */
	struct rc_spawn r;
	rc_spawn_sh(&r, "storm", "'%s/ringcap' -i %s -C 1 -W 5 -w '%s'", rc_test_builddir(),
		    pair.if_a, base);
	rc_spawn_need_ready(&r, "listening on");

	static const uint32_t sz[] = { 1000 };
	struct rc_send_spec s;
	frames_b_to_a(&s, &pair, STORM_FRAMES, sz, 20);
	int fd;
	pid_t snd = rc_send_start(&s, &fd);
	/* Storm once the last file of the ring exists: rotation is under way. */
	char last[300];
	snprintf(last, sizeof(last), "%s4", base);
	for (long long t0 = rc_test_mono_ms(); access(last, F_OK) != 0 && rc_test_mono_ms() - t0 < 20000;)
		usleep(5000);
	ASSERT_INT_EQ(access(last, F_OK), 0);
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	unsigned sent = 0;
	for (; sent < 300; sent++) {
		/* Exited (a zombie until reap): stop, never signal a reused pid. */
		siginfo_t si = { 0 };
		if (waitid(P_PID, (id_t)r.pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
		    si.si_pid == r.pid)
			break;
		kill(r.pid, sigs[sent % 3]);
		usleep(300);
	}
	/* ringcap was still running after the first signal, so at least one
	 * more was sent to a process that was already shutting down */
	ASSERT_UINT_GE(sent, 2);
	int code = rc_spawn_wait(&r, 15);
	unsigned long sender_ok = rc_send_wait(snd, fd);
	ASSERT_TRUE(sender_ok > 0);

	char *e = rc_test_read_text(r.err);
	if (code != 0)
		rc_test_fail(__FILE__, __LINE__, "exit status %d after %u signals; stderr: %s", code,
			     sent, e);
	ASSERT_UINT_EQ(occurrences(e, " captured\n"), 1);
	ASSERT_UINT_EQ(occurrences(e, " received by filter\n"), 1);
	ASSERT_UINT_EQ(occurrences(e, " dropped by kernel\n"), 1);
	unsigned long captured = number_before(e, " captured\n");
	free(e);

	/* Every file of the ring is whole: read to the end by the library
	 * and, when installed, by tshark. */
	unsigned char *seen = calloc(STORM_FRAMES, 1);
	ASSERT_TRUE(seen != NULL);
	unsigned total = 0;
	for (int k = 0; k < 5; k++) {
		char name[300];
		snprintf(name, sizeof(name), "%s%d", base, k);
		total += rc_test_check_frames_file(name, &s, seen);
		if (rc_test_sh(NULL, "command -v tshark >/dev/null") == 0)
			ASSERT_INT_EQ(rc_test_sh(NULL, "tshark -r '%s' >/dev/null 2>&1", name), 0);
	}
	free(seen);
	/* The ring kept the newest files: they hold at most what was captured. */
	ASSERT_TRUE(total > 0);
	ASSERT_UINT_LE(total, captured);
	fprintf(stderr, "  %u signals, %lu captured, %u in the 5 files of the ring\n", sent, captured,
		total);
}

/* ----------------------------------------------------------- disk full */

#define FULL_FRAMES 600u
#define FULL_LIMIT 400u

/*
 * -w into a 64 KiB tmpfs, far too small for the -c 400 frames of 600 B
 * sent: the library cuts the failed write back to its last whole record,
 * and "N packets captured" must be the packets the file holds; what the
 * writer took and the disk lost is "dropped by ringcap".  The tmpfs lives
 * in a private mount namespace (gone with its last process, pass or fail);
 * the shell copies the file out before it ends.  extra: "" (capture
 * threads encode file records, written in runs), "--threads 2" (two
 * sources merged: packets written one by one), "-U" (flushed per run).
 */
static void disk_full_counts(const char *leaf, const char *extra)
{
	rc_test_need_tool("unshare");
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	char dir[256], copy[256];
	snprintf(dir, sizeof(dir), "%s", rc_test_tmpfile("small"));
	snprintf(copy, sizeof(copy), "%s", rc_test_tmpfile(leaf));
	ASSERT_INT_EQ(mkdir(dir, 0700), 0);
	struct rc_spawn r;
	rc_spawn_sh(&r, "full",
		    "unshare -m --propagation private sh -c \"mount -t tmpfs -o size=64k none '%s' "
		    "&& { '%s/ringcap' -i %s -c %u %s -w '%s/%s'; st=\\$?; cp '%s/%s' '%s'; "
		    "exit \\$st; }\"",
		    dir, rc_test_builddir(), pair.if_a, FULL_LIMIT, extra, dir, leaf, dir, leaf, copy);
	rc_spawn_need_ready(&r, "listening on");
	static const uint32_t sz[] = { 600 };
	struct rc_send_spec s;
	frames_b_to_a(&s, &pair, FULL_FRAMES, sz, 100);
	ASSERT_TRUE(rc_send_frames(&s) > FULL_LIMIT);
	int code = rc_spawn_wait(&r, 15);
	char *e = rc_test_read_text(r.err);
	if (code != 1 || !strstr(e, "No space left on device"))
		rc_test_fail(__FILE__, __LINE__, "exit status %d, expected 1 for a full disk; stderr: %s",
			     code, e);
	unsigned char seen[FULL_FRAMES] = { 0 };
	unsigned in_file = rc_test_check_frames_file(copy, &s, seen);
	ASSERT_TRUE(in_file > 0);
	unsigned long captured = number_before(e, " packets captured\n");
	ASSERT_UINT_EQ(captured, in_file);
	/* The record the disk had no room for, at least, was lost. */
	unsigned long dropped = number_before(e, " dropped by ringcap\n");
	ASSERT_UINT_GE(dropped, 1);
	ASSERT_UINT_LE(captured + dropped, FULL_LIMIT);
	free(e);
}

TEST_TIMEOUT(faults_cli_disk_full_captured_is_what_the_file_holds_pcap, 30)
{
	disk_full_counts("full.pcap", "");
}

TEST_TIMEOUT(faults_cli_disk_full_captured_is_what_the_file_holds_pcapng, 30)
{
	disk_full_counts("full.pcapng", "");
}

TEST_TIMEOUT(faults_cli_disk_full_captured_is_what_the_file_holds_pcap_threads, 30)
{
	disk_full_counts("full.pcap", "--threads 2");
}

TEST_TIMEOUT(faults_cli_disk_full_captured_is_what_the_file_holds_pcapng_threads, 30)
{
	disk_full_counts("full.pcapng", "--threads 2");
}

TEST_TIMEOUT(faults_cli_disk_full_captured_is_what_the_file_holds_packet_buffered, 30)
{
	disk_full_counts("full.pcap", "-U");
}

/* ---------------------------------------------------------- privileges */

/* "Key:\tvalue" of /proc/PID/status, value only (static buffer). */
static const char *status_of(pid_t pid, const char *key)
{
	static char val[128];
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	FILE *f = fopen(path, "r");
	ASSERT_TRUE(f != NULL);
	size_t klen = strlen(key);
	val[0] = '\0';
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			snprintf(val, sizeof(val), "%s", line + klen + 1 + strspn(line + klen + 1, " \t"));
			val[strcspn(val, "\n")] = '\0';
			break;
		}
	fclose(f);
	return val;
}

/*
 * -Z nobody --keep-cap-net-raw: the running process is nobody and holds
 * exactly CAP_NET_RAW (bit 13) in its permitted, effective and bounding
 * sets, nothing inheritable or ambient - and it still captures.
 */
TEST_TIMEOUT(faults_cli_keep_cap_net_raw_keeps_only_that_capability, 30)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_a);
	char *id = NULL;
	if (rc_test_sh(&id, "id -u nobody") != 0)
		SKIP("no user nobody");
	long uid = strtol(id, NULL, 10);
	free(id);
	char out[256];
	snprintf(out, sizeof(out), "%s", rc_test_tmpfile("keep.pcap"));
	/* -Z: the file is created as nobody, in a directory like /tmp. */
	ASSERT_INT_EQ(chmod(rc_test_tmpdir(), 01777), 0);
	struct rc_spawn r;
	rc_spawn_sh(&r, "keep", "'%s/ringcap' -i %s -Z nobody --keep-cap-net-raw -U -w '%s'",
		    rc_test_builddir(), pair.if_a, out);
	rc_spawn_need_ready(&r, "listening on");
	char want_uid[128];
	snprintf(want_uid, sizeof(want_uid), "%ld\t%ld\t%ld\t%ld", uid, uid, uid, uid);
	ASSERT_STR_EQ(status_of(r.pid, "Uid"), want_uid);
	ASSERT_STR_EQ(status_of(r.pid, "CapPrm"), "0000000000002000");
	ASSERT_STR_EQ(status_of(r.pid, "CapEff"), "0000000000002000");
	ASSERT_STR_EQ(status_of(r.pid, "CapBnd"), "0000000000002000");
	ASSERT_STR_EQ(status_of(r.pid, "CapInh"), "0000000000000000");
	ASSERT_STR_EQ(status_of(r.pid, "CapAmb"), "0000000000000000");

	static const uint32_t sz[] = { 200 };
	struct rc_send_spec s;
	frames_b_to_a(&s, &pair, 25, sz, 0);
	ASSERT_UINT_EQ(rc_send_frames(&s), 25);
	ASSERT_INT_EQ(rc_spawn_stop_at(&r, out, 25, SIGINT, 10), 0);
	unsigned char seen[25] = { 0 };
	ASSERT_UINT_EQ(rc_test_check_frames_file(out, &s, seen), 25);
}

TEST_TIMEOUT(faults_cli_keep_cap_net_raw_needs_z, 10)
{
	char *out = NULL;
	int st = rc_test_sh(&out, "'%s/ringcap' -i lo --keep-cap-net-raw 2>&1", rc_test_builddir());
	ASSERT_INT_EQ(st, 2);
	ASSERT_STR_CONTAINS(out, "--keep-cap-net-raw is for use with -Z USER");
	free(out);
}

/*
 * Files need no privilege: as nobody with every capability gone (also
 * from the bounding set), the CLI reads a capture file from a path and
 * from standard input, and the library reads it mapped.
 */
TEST_TIMEOUT(faults_cli_reading_files_needs_no_capability, 30)
{
	rc_test_need_root();
	rc_test_need_tool("setpriv");
	const char *path = rc_test_tmpfile("plain.pcapng");
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	if (rc_writer_open(&w, path, &o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s", err);
	static const uint32_t sz[] = { 300 };
	struct rc_send_spec s = { .count = 7, .sizes = sz, .nsizes = 1 };
	uint8_t frame[300];
	for (unsigned i = 0; i < 7; i++) {
		rc_test_frame(frame, &s, i, 300);
		rc_packet p = { .data = frame, .caplen = 300, .len = 300, .ts_nsec = i * 1000ull };
		ASSERT_OK(rc_writer_write(w, &p));
	}
	ASSERT_OK(rc_writer_close(w));
	/* Our private directory is 0700: let nobody reach this one file. */
	ASSERT_INT_EQ(chmod(rc_test_tmpdir(), 0711), 0);
	ASSERT_INT_EQ(chmod(path, 0644), 0);

	const char *drop = "setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all "
			   "--bounding-set=-all --";
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "%s sh -c 'grep -E \"^Cap(Eff|Prm|Bnd)\" /proc/self/status; "
				       "exec \"$0\" -r \"$1\" --count; ' '%s/ringcap' '%s'",
				 drop, rc_test_builddir(), path), 0);
	ASSERT_STR_EQ(out, "CapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
			   "CapBnd:\t0000000000000000\n7 packets\n");
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "%s '%s/ringcap' -r - --count < '%s'", drop,
				 rc_test_builddir(), path), 0);
	ASSERT_STR_EQ(out, "7 packets\n");
	free(out);

	/* The library itself, mapped, in a child that gave up root. */
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		if (setgroups(0, NULL) != 0 || setresgid(65534, 65534, 65534) != 0 ||
		    setresuid(65534, 65534, 65534) != 0)
			_exit(3);
		rc_reader *r;
		if (rc_reader_open(&r, path, NULL, err) < 0) {
			fprintf(stderr, "  as nobody: %s\n", err);
			_exit(4);
		}
		rc_packet p;
		unsigned n = 0;
		while (rc_reader_next(r, &p) == 1)
			n += rc_test_frame_seq(p.data, p.caplen, 0) == (long)n;
		int stable = rc_reader_stable_data(r);
		rc_reader_close(r);
		_exit(n == 7 && stable ? 0 : 1);
	}
	ASSERT_INT_EQ(rc_test_child_exit(kid), 0);
}

/*
 * test_compat_live.c - unmodified programs capturing live through
 * ringcap's libpcap.so.0.8, in two private network namespaces joined by a
 * veth pair (tests/netns.h; removed at exit whatever happens).  The
 * sender puts numbered frames (EtherType 0x88b5) on one end; the program
 * under test captures on the other; every frame must arrive exactly once
 * with its bytes intact.  Every program runs under `timeout --foreground`
 * (plain `timeout` would move it into a process group of its own, out of
 * reach of the harness's kill of the test's group after a failed
 * assertion), and every wait is bounded.
 *
 * Programs: tcpdump (-c, -w, SIGINT statistics, -D), dumpcap (writes
 * pcapng), tcpreplay (reads a file through the library and sends it),
 * netsniff-ng (links libpcap only to compile its -f filter: capture and
 * writing are its own, so the test checks that the filter compiled by
 * ringcap selects exactly the right frames), and tests/compat/live_prog.c
 * run on both libraries at once (cooked headers on "any", poll() after the
 * last packet, pcap_bufsize()).
 *
 * The test never waits for a time, always for an observable fact: a log
 * line, the program's packet socket bound to the device (/proc/net/packet),
 * a packet count in the file or in the program's output.
 */
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "netns.h"
#include "ringcap/file.h"
#include "testutil.h"

#define RC_NFRAMES 200u

static const uint32_t rc_sizes[] = { 60, 200, 1514, 99 };

/*
 * Run a shell script inside ns (a path from the netns fixture), written to
 * a file so that it may quote freely.  With out, its stdout and stderr are
 * returned in a malloc'ed string.
 */
static int rc_ns_run(const char *ns, char **out, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int rc_ns_run(const char *ns, char **out, const char *fmt, ...)
{
	static unsigned n;
	char path[600], *body;
	va_list ap;
	FILE *f;
	int st;

	va_start(ap, fmt);
	if (vasprintf(&body, fmt, ap) < 0)
		rc_test_fail(__FILE__, __LINE__, "vasprintf failed");
	va_end(ap);
	snprintf(path, sizeof(path), "%s/script%u.sh", rc_test_tmpdir(), n++);
	f = fopen(path, "w");
	if (!f)
		rc_test_fail(__FILE__, __LINE__, "cannot write %s", path);
	fprintf(f, "%s\n", body);
	fclose(f);
	free(body);
	st = rc_netns_sh(ns, "sh '%s' >'%s.out' 2>&1", path, path);
	if (out) {
		size_t len;
		char outpath[700];
		snprintf(outpath, sizeof(outpath), "%s.out", path);
		*out = (char *)rc_test_read_file(outpath, &len);
		(*out)[len] = '\0';
	}
	return st;
}

/* Poll a shell condition until it holds; 0 if it did within timeout_ms. */
static int rc_wait_until(int timeout_ms, const char *cond)
{
	for (int waited = 0; waited < timeout_ms; waited += 50) {
		if (rc_test_sh(NULL, "%s", cond) == 0)
			return 0;
		usleep(50 * 1000);
	}
	return -1;
}

/*
 * Wait until a packet socket in ns is bound to ifindex and running (the
 * columns of /proc/net/packet: sk RefCnt Type Proto Iface R ...): from then
 * on every frame arriving on the device reaches that socket.  ringcap binds
 * as the last step of activation (after the ring exists), netsniff-ng after
 * its ring too.  Bounded wait; 0 once it holds.
 */
static int rc_wait_bound(const char *ns, int ifindex)
{
	return rc_netns_sh(ns,
			   "for i in $(seq 200); do awk 'NR > 1 && $5 == %d && $6 == 1 {f = 1} "
			   "END {exit !f}' /proc/net/packet && exit 0; sleep 0.05; done; exit 1",
			   ifindex);
}

/* The veth pair of the fixture (which waits until both ends are up and
 * can send, so tcpdump -D calls them Running). */
static void rc_pair_create(struct rc_netns_pair *p)
{
	rc_netns_pair_create(p, 1600);
}

static void rc_send(const struct rc_netns_pair *p, unsigned count, unsigned first_seq)
{
	struct rc_send_spec s = {
		.ns = p->ns_b, .ifname = p->if_b, .count = count, .first_seq = first_seq,
		.sizes = rc_sizes, .nsizes = 4, .gap_us = 100,
	};
	memset(s.dst, 0xff, 6);
	memcpy(s.src, p->mac_b, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), count);
}

/*
 * Check that path holds exactly the frames first..first+count-1, each once,
 * with the sender's bytes and length.  Any format ringcap reads.
 */
static void rc_expect_frames(const char *path, unsigned first, unsigned count)
{
	char err[RC_ERRBUF_SIZE];
	unsigned char *seen = calloc(count, 1);
	uint8_t want[2048];
	rc_reader *r;
	rc_packet pkt;
	unsigned n = 0;
	int rc;
	struct rc_send_spec s = { .sizes = rc_sizes, .nsizes = 4, .first_seq = first };

	memset(s.dst, 0xff, 6);
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s", err);
	while ((rc = rc_reader_next(r, &pkt)) == 1) {
		long seq = rc_test_frame_seq(pkt.data, pkt.caplen, 0);
		if (seq < (long)first || seq >= (long)(first + count))
			rc_test_fail(__FILE__, __LINE__, "%s: unexpected frame (seq %ld)", path, seq);
		if (seen[seq - first]++)
			rc_test_fail(__FILE__, __LINE__, "%s: frame %ld twice", path, seq);
		unsigned i = (unsigned)(seq - first);
		uint32_t size = rc_sizes[i % 4];
		ASSERT_UINT_EQ(pkt.len, size);
		ASSERT_UINT_EQ(pkt.caplen, size);
		memcpy(s.src, pkt.data + 6, 6);
		rc_test_frame(want, &s, i, size);
		ASSERT_MEM_EQ(pkt.data, want, size);
		n++;
	}
	ASSERT_INT_EQ(rc, RC_EEOF);
	ASSERT_UINT_EQ(n, count);
	rc_reader_close(r);
	free(seen);
}

TEST_TIMEOUT(compat_live_tcpdump_captures_every_frame, 60)
{
	struct rc_netns_pair p;
	const char *dir = rc_test_tmpdir();

	rc_test_need_tool("tcpdump");
	rc_pair_create(&p);
	ASSERT_INT_EQ(rc_ns_run(p.ns_a, NULL,
				"%s timeout --foreground 30 tcpdump -i %s -c %u -w %s/live.pcap 'ether proto 0x88b5' "
				"</dev/null >/dev/null 2>%s/live.err & echo $! > %s/live.pid",
				rc_compat_env(), p.if_a, RC_NFRAMES, dir, dir, dir), 0);
	char cond[700];
	snprintf(cond, sizeof(cond), "grep -qs 'listening on' %s/live.err", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	rc_send(&p, RC_NFRAMES, 0);
	/* tcpdump exits by itself after RC_NFRAMES packets (and only then has
	 * it closed its file). */
	snprintf(cond, sizeof(cond), "! kill -0 $(cat %s/live.pid) 2>/dev/null", dir);
	ASSERT_INT_EQ(rc_wait_until(15000, cond), 0);
	size_t len;
	char *err = (char *)rc_test_read_file(rc_test_tmpfile("live.err"), &len);
	err[len] = '\0';
	ASSERT_STR_CONTAINS(err, "200 packets captured");
	free(err);
	rc_expect_frames(rc_test_tmpfile("live.pcap"), 0, RC_NFRAMES);
}

/*
 * tcpdump without -c until SIGINT: its exit lines come from pcap_stats()
 * and must be exact, and the same as with libpcap.
 */
static char *rc_sigint_run(const struct rc_netns_pair *p, const char *env, const char *tag,
			   unsigned first)
{
	const char *dir = rc_test_tmpdir();
	char cond[800], *err;
	size_t len;

	ASSERT_INT_EQ(rc_ns_run(p->ns_a, NULL,
				"%s timeout --foreground -s INT 30 tcpdump -i %s -U -w %s/%s.pcap 'ether proto 0x88b5' "
				"</dev/null >/dev/null 2>%s/%s.err & echo $! > %s/%s.pid",
				env, p->if_a, dir, tag, dir, tag, dir, tag), 0);
	snprintf(cond, sizeof(cond), "grep -qs 'listening on' %s/%s.err", dir, tag);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	rc_send(p, 100, first);
	/* With -U every packet is written when handled: wait for all 100. */
	snprintf(cond, sizeof(cond), "test \"$(capinfos -Mc %s/%s.pcap 2>/dev/null | awk '/Number of packets/ {print $NF}')\" = 100",
		 dir, tag);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "kill -INT $(cat %s/%s.pid)", dir, tag), 0);
	snprintf(cond, sizeof(cond), "! kill -0 $(cat %s/%s.pid) 2>/dev/null", dir, tag);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	snprintf(cond, sizeof(cond), "%s/%s.err", dir, tag);
	err = (char *)rc_test_read_file(cond, &len);
	err[len] = '\0';
	return err;
}

TEST_TIMEOUT(compat_live_tcpdump_sigint_counts_are_exact, 90)
{
	struct rc_netns_pair p;
	char *rc, *sys;

	rc_test_need_tool("tcpdump");
	rc_test_need_tool("capinfos");
	rc_pair_create(&p);
	rc = rc_sigint_run(&p, rc_compat_env(), "rc", 0);
	sys = rc_sigint_run(&p, "", "sys", 1000);
	ASSERT_STR_CONTAINS(rc, "100 packets captured\n100 packets received by filter\n0 packets dropped by kernel\n");
	ASSERT_STR_EQ(strstr(rc, "packets captured") - 4, strstr(sys, "packets captured") - 4);
	free(rc);
	free(sys);
	rc_expect_frames(rc_test_tmpfile("rc.pcap"), 0, 100);
}

TEST_TIMEOUT(compat_live_tcpdump_lists_namespace_devices, 30)
{
	struct rc_netns_pair p;
	char *rc = NULL, *sys = NULL, line[256];

	rc_test_need_tool("tcpdump");
	rc_pair_create(&p);
	ASSERT_INT_EQ(rc_ns_run(p.ns_a, &rc, "%s tcpdump -D", rc_compat_env()), 0);
	ASSERT_INT_EQ(rc_ns_run(p.ns_a, &sys, "tcpdump -D"), 0);
	/* ringcap lists the network devices, in libpcap's order and words;
	 * libpcap adds non-network sources (bluetooth-monitor, nflog,
	 * nfqueue, dbus-*) after them. */
	snprintf(line, sizeof(line), "1.%s [Up, Running, Connected]\n"
		 "2.any (Pseudo-device that captures on all interfaces) [Up, Running]\n"
		 "3.lo [Loopback]\n", p.if_a);
	ASSERT_STR_EQ(rc, line);
	/* Same lines (without their numbers) in the same order in libpcap's. */
	const char *q = sys;
	for (char *l = strtok(rc, "\n"); l; l = strtok(NULL, "\n")) {
		const char *body = strchr(l, '.') + 1, *hit;
		size_t blen = strlen(body);
		for (hit = strstr(q, body); hit; hit = strstr(hit + 1, body))
			if (hit[-1] == '.' && (hit[blen] == '\n' || hit[blen] == '\0'))
				break;
		if (!hit)
			rc_test_fail(__FILE__, __LINE__, "\"%s\" is not in libpcap's list (in order):\n%s",
				     body, sys);
		q = hit + blen;
	}
	free(rc);
	free(sys);
}

TEST_TIMEOUT(compat_live_dumpcap_writes_pcapng, 60)
{
	struct rc_netns_pair p;
	const char *dir = rc_test_tmpdir();
	char cond[700], *out = NULL;

	rc_test_need_tool("dumpcap");
	rc_test_need_tool("capinfos");
	rc_pair_create(&p);
	ASSERT_INT_EQ(rc_ns_run(p.ns_a, NULL,
				"%s timeout --foreground 30 dumpcap -i %s -c %u -f 'ether proto 0x88b5' -w %s/d.pcapng "
				"</dev/null >%s/d.err 2>&1 & echo $! > %s/d.pid",
				rc_compat_env(), p.if_a, RC_NFRAMES, dir, dir, dir), 0);
	snprintf(cond, sizeof(cond), "grep -qs 'Capturing on' %s/d.err", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	/* dumpcap prints that line before it opens the device: wait for its
	 * socket to be bound (ringcap's last step of activation). */
	ASSERT_INT_EQ(rc_wait_bound(p.ns_a, p.ifindex_a), 0);
	rc_send(&p, RC_NFRAMES, 0);
	snprintf(cond, sizeof(cond), "! kill -0 $(cat %s/d.pid) 2>/dev/null", dir);
	ASSERT_INT_EQ(rc_wait_until(15000, cond), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "grep -q 'Packets captured: %u' %s/d.err", RC_NFRAMES, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(&out, "capinfos -t %s/d.pcapng", dir), 0);
	ASSERT_STR_CONTAINS(out, "pcapng");
	free(out);
	rc_expect_frames(rc_test_tmpfile("d.pcapng"), 0, RC_NFRAMES);
}

TEST_TIMEOUT(compat_live_tcpreplay_sends_every_frame_of_a_file, 60)
{
	struct rc_netns_pair p;
	const char *dir = rc_test_tmpdir();
	char err[RC_ERRBUF_SIZE], cond[700];
	rc_writer_opts wo = { .format = RC_FORMAT_PCAPNG, .linktype = RC_LINKTYPE_ETHERNET };
	struct rc_send_spec s = { .sizes = rc_sizes, .nsizes = 4 };
	uint8_t frame[2048];
	rc_writer *w;

	rc_test_need_tool("tcpreplay");
	rc_test_need_tool("tcpdump");
	rc_pair_create(&p);
	/* The file to replay: RC_NFRAMES numbered frames, as pcapng. */
	memset(s.dst, 0xff, 6);
	memcpy(s.src, p.mac_b, 6);
	ASSERT_OK(rc_writer_open(&w, rc_test_tmpfile("replay.pcapng"), &wo, err));
	for (unsigned i = 0; i < RC_NFRAMES; i++) {
		rc_packet pkt = { .data = frame, .ts_nsec = 1000000000ull * 1700000000u + i * 1000u,
				  .caplen = rc_sizes[i % 4], .len = rc_sizes[i % 4],
				  .linktype = RC_LINKTYPE_ETHERNET };
		rc_test_frame(frame, &s, i, rc_sizes[i % 4]);
		ASSERT_OK(rc_writer_write(w, &pkt));
	}
	ASSERT_OK(rc_writer_close(w));

	ASSERT_INT_EQ(rc_ns_run(p.ns_a, NULL,
				"%s timeout --foreground 30 tcpdump -i %s -c %u -w %s/got.pcap 'ether proto 0x88b5' "
				"</dev/null >/dev/null 2>%s/got.err & echo $! > %s/got.pid",
				rc_compat_env(), p.if_a, RC_NFRAMES, dir, dir, dir), 0);
	snprintf(cond, sizeof(cond), "grep -qs 'listening on' %s/got.err", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	/* tcpreplay reads the pcapng file through ringcap's pcap_open_offline. */
	char *out = NULL;
	ASSERT_INT_EQ(rc_ns_run(p.ns_b, &out, "%s timeout --foreground 30 tcpreplay -i %s --pps 5000 %s/replay.pcapng 2>&1",
				rc_compat_env(), p.if_b, dir), 0);
	ASSERT_STR_CONTAINS(out, "Successful packets:        200");
	free(out);
	snprintf(cond, sizeof(cond), "! kill -0 $(cat %s/got.pid) 2>/dev/null", dir);
	ASSERT_INT_EQ(rc_wait_until(15000, cond), 0);
	rc_expect_frames(rc_test_tmpfile("got.pcap"), 0, RC_NFRAMES);
}

TEST_TIMEOUT(compat_live_netsniff_ng_filter_compiled_by_ringcap, 60)
{
	struct rc_netns_pair p;
	const char *dir = rc_test_tmpdir();
	char *out = NULL;

	rc_test_need_tool("netsniff-ng");
	/* netsniff-ng calls mlockall(), which never returns when the library
	 * brings AddressSanitizer's terabytes of shadow memory along. */
	if (rc_test_sh(NULL, "nm -D '%s/libpcap.so.0.8' | grep -q __asan_init", rc_compat_libdir()) == 0)
		SKIP("netsniff-ng's mlockall() cannot lock an ASan-instrumented library's shadow memory");
	/* netsniff-ng uses libpcap only to compile -f expressions. */
	ASSERT_INT_EQ(rc_test_sh(&out, "nm -D \"$(command -v netsniff-ng)\" | awk '$1 == \"U\" && $2 ~ /^pcap_/ {print $2}' | sort | tr '\\n' ' '"), 0);
	ASSERT_STR_EQ(out, "pcap_compile_nopcap pcap_freecode ");
	free(out);
	rc_pair_create(&p);
	/* Only frames 0..49 pass: the sequence number is the 4 bytes at 14.
	 * Without -s netsniff-ng prints every frame it takes, numbered "#N". */
	ASSERT_INT_EQ(rc_ns_run(p.ns_a, NULL,
				"%s timeout --foreground 30 netsniff-ng --in %s --out %s/n.pcap -n 50 "
				"-f 'ether proto 0x88b5 and ether[14:4] < 50' </dev/null >%s/n.out 2>&1 & "
				"echo $! > %s/n.pid",
				rc_compat_env(), p.if_a, dir, dir, dir), 0);
	char cond[700];
	snprintf(cond, sizeof(cond), "grep -qs 'Running' %s/n.out", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	ASSERT_INT_EQ(rc_wait_bound(p.ns_a, p.ifindex_a), 0);
	/* The frames the filter must drop go first: had it let them through,
	 * they would be among the 50 that -n takes, and in the file. */
	rc_send(&p, 50, 50);
	rc_send(&p, 50, 0);
	/* netsniff-ng writes its file when it exits, and with -n it still
	 * waits for a signal: once it has printed frame #50, SIGINT it and
	 * wait for the exit. */
	snprintf(cond, sizeof(cond), "grep -qs '#50 *$' %s/n.out", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "kill -INT $(cat %s/n.pid)", dir), 0);
	snprintf(cond, sizeof(cond), "! kill -0 $(cat %s/n.pid) 2>/dev/null", dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
	rc_expect_frames(rc_test_tmpfile("n.pcap"), 0, 50);
}

/*
 * Opening fails like libpcap: same status line from tcpdump (which picks
 * it from the PCAP_ERROR_* code), then ringcap's own, more precise reason.
 */
TEST_TIMEOUT(compat_live_open_errors_match_libpcap_codes, 30)
{
	static const char *const cmds[] = {
		/* No CAP_NET_RAW: PCAP_ERROR_PERM_DENIED. */
		"setpriv --reuid=65534 --regid=65534 --clear-groups env %s tcpdump -i lo -c 1",
		/* No such interface: PCAP_ERROR_NO_SUCH_DEVICE. */
		"env %s tcpdump -i nosuchdev0 -c 1",
	};
	char cmd[1024], *sys = NULL, *rc = NULL;

	rc_test_need_root();
	rc_test_need_tool("tcpdump");
	rc_test_need_tool("setpriv");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		snprintf(cmd, sizeof(cmd), cmds[i], "");
		ASSERT_INT_EQ(rc_test_sh(&sys, "%s 2>&1", cmd), 1);
		snprintf(cmd, sizeof(cmd), cmds[i], rc_compat_env());
		ASSERT_INT_EQ(rc_test_sh(&rc, "%s 2>&1", cmd), 1);
		/* The first line is tcpdump's text for the code. */
		size_t n = strcspn(sys, "\n");
		if (strncmp(sys, rc, n + 1) != 0)
			rc_test_fail(__FILE__, __LINE__, "libpcap: %s\nringcap: %s", sys, rc);
		free(sys);
		free(rc);
	}
}

/*
 * Start tests/compat/live_prog.c twice in ns_a, on libpcap and on ringcap
 * (outputs sys.out and rc.out in the test's directory), on the same
 * traffic.
 */
static void rc_live_prog_start(const struct rc_netns_pair *p, const char *args)
{
	const char *bin = rc_compat_build_prog("live_prog"), *dir = rc_test_tmpdir();

	ASSERT_INT_EQ(rc_ns_run(p->ns_a, NULL,
				"timeout --foreground 60 '%s' %s >%s/sys.out 2>&1 </dev/null &\n"
				"%s timeout --foreground 60 '%s' %s >%s/rc.out 2>&1 </dev/null &",
				bin, args, dir, rc_compat_env(), bin, args, dir), 0);
}

/* Wait (bounded) until both programs printed line. */
static void rc_live_prog_wait(const char *line)
{
	const char *dir = rc_test_tmpdir();
	char cond[900];

	snprintf(cond, sizeof(cond), "grep -qsx '%s' %s/sys.out && grep -qsx '%s' %s/rc.out",
		 line, dir, line, dir);
	if (rc_wait_until(RC_TEST_ARRIVAL_MS + 10000, cond) != 0)
		rc_test_fail(__FILE__, __LINE__, "no \"%s\" from both programs:\nlibpcap:\n%s\nringcap:\n%s",
			     line, rc_test_read_text(rc_test_tmpfile("sys.out")),
			     rc_test_read_text(rc_test_tmpfile("rc.out")));
}

/* Both outputs, once both programs are done: equal, and equal to want. */
static void rc_live_prog_expect(const char *want)
{
	char *sys, *rc;

	rc_live_prog_wait("done");
	sys = rc_test_read_text(rc_test_tmpfile("sys.out"));
	rc = rc_test_read_text(rc_test_tmpfile("rc.out"));
	ASSERT_STR_EQ(sys, want);
	ASSERT_STR_EQ(rc, want);
	free(sys);
	free(rc);
}

/*
 * "any": LINUX_SLL (16-byte header) by default, [LINUX_SLL, LINUX_SLL2]
 * offered, pcap_set_datalink() switching after activation; each header
 * field of known frames (broadcast from mac_b on if_a, EtherType 0x88b5).
 */
TEST_TIMEOUT(compat_live_any_cooked_headers_like_libpcap, 90)
{
	struct rc_netns_pair p;
	char want[8192], args[200], mac[20];
	size_t w = 0;

	rc_pair_create(&p);
	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", p.mac_b[0], p.mac_b[1],
		 p.mac_b[2], p.mac_b[3], p.mac_b[4], p.mac_b[5]);
	snprintf(args, sizeof(args), "cooked any 8 %s", p.if_a);
	rc_live_prog_start(&p, args);
	rc_live_prog_wait("ready 1");
	rc_send(&p, 8, 0);
	rc_live_prog_wait("ready 2");
	rc_send(&p, 8, 100);
	w += (size_t)snprintf(want + w, sizeof(want) - w,
			      "activate = 0\ndatalink 113\ndatalinks 113 276\nready 1\n");
	/* PACKET_BROADCAST 1, ARPHRD_ETHER 1; the cooked header replaces
	 * the 14-byte Ethernet header. */
	for (unsigned i = 0; i < 8; i++)
		w += (size_t)snprintf(want + w, sizeof(want) - w,
				      "sll pkttype=1 hatype=1 halen=6 addr=%s proto=0x88b5 seq=%u caplen=%u len=%u\n",
				      mac, i, rc_sizes[i % 4] + 2, rc_sizes[i % 4] + 2);
	w += (size_t)snprintf(want + w, sizeof(want) - w,
			      "got 8\nset_datalink(LINUX_SLL2) = 0\nset_datalink(EN10MB) = -1\n"
			      "datalink 276\nready 2\n");
	for (unsigned i = 0; i < 8; i++)
		w += (size_t)snprintf(want + w, sizeof(want) - w,
				      "sll2 proto=0x88b5 ifindex_ok=1 hatype=1 pkttype=1 halen=6 addr=%s seq=%u caplen=%u len=%u\n",
				      mac, 100 + i, rc_sizes[i % 4] + 6, rc_sizes[i % 4] + 6);
	snprintf(want + w, sizeof(want) - w,
		 "got 8\nset_datalink(LINUX_SLL) = 0\ndatalink 113\ndone\n");
	rc_live_prog_expect(want);
}

/*
 * After the last packet was read the selectable descriptor is not
 * readable (libpcap gives the ring block back with its last packet), with
 * pcap_dispatch() and with pcap_next_ex(); the last packet pcap_next_ex()
 * returned stays intact while `more` frames fill the ring (256 KiB: the
 * program asks for 100 KiB).  tail: the program's lines after those two.
 */
static void rc_fd_after_last_packet(const char *mode, unsigned more, const char *tail)
{
	struct rc_netns_pair p;
	char args[200], want[600];

	rc_pair_create(&p);
	snprintf(args, sizeof(args), "%s %s 20 %u", mode, p.if_a, more);
	rc_live_prog_start(&p, args);
	rc_live_prog_wait("ready 1");
	rc_send(&p, 20, 0);
	if (more) {
		rc_live_prog_wait("ready 2");
		rc_send(&p, more, 1000);
	}
	snprintf(want, sizeof(want), "activate = 0\nready 1\nreadable before reading: 1\ngot 20\n"
		 "readable after reading all: 0\n%s", tail);
	rc_live_prog_expect(want);
}

TEST_TIMEOUT(compat_live_fd_not_readable_after_last_packet_dispatch, 90)
{
	rc_fd_after_last_packet("dispatch", 0, "done\n");
}

TEST_TIMEOUT(compat_live_fd_not_readable_after_last_packet_next_ex, 90)
{
	rc_fd_after_last_packet("next", 1000, "ready 2\nmore traffic counted: 1\n"
				"last packet intact: 1 (seq 19)\ndone\n");
}

/* tcpdump -i any -c 8 with args (options and filter) on both libraries
 * at once, in ns_a, output into sys.out/.err and rc.out/.err; returns once
 * both listen. */
static void rc_tcpdump_any_both(const struct rc_netns_pair *p, const char *args)
{
	const char *dir = rc_test_tmpdir();
	char cond[900];

	ASSERT_INT_EQ(rc_ns_run(p->ns_a, NULL,
				"for lib in sys rc; do\n"
				"  if [ $lib = rc ]; then export %s; fi\n"
				"  timeout --foreground 30 tcpdump -i any -c 8 %s "
				"</dev/null >%s/$lib.out 2>%s/$lib.err &\n"
				"done", rc_compat_env(), args, dir, dir), 0);
	snprintf(cond, sizeof(cond), "grep -qs 'listening on' %s/sys.err && grep -qs 'listening on' %s/rc.err",
		 dir, dir);
	ASSERT_INT_EQ(rc_wait_until(10000, cond), 0);
}

/* Once both have ended: the same lines, eight frames each with its own
 * header line (B: broadcast). */
static void rc_tcpdump_any_same_8(void)
{
	const char *dir = rc_test_tmpdir();
	char cond[900], *sys, *rc;

	snprintf(cond, sizeof(cond), "grep -qs 'packets dropped by kernel' %s/sys.err && "
		 "grep -qs 'packets dropped by kernel' %s/rc.err", dir, dir);
	ASSERT_INT_EQ(rc_wait_until(RC_TEST_ARRIVAL_MS, cond), 0);
	sys = rc_test_read_text(rc_test_tmpfile("sys.out"));
	rc = rc_test_read_text(rc_test_tmpfile("rc.out"));
	ASSERT_STR_EQ(rc, sys);
	ASSERT_INT_EQ(rc_test_sh(NULL, "test $(grep -c '^ *B .* ethertype Unknown (0x88b5)' %s/rc.out) = 8",
				 dir), 0);
	free(sys);
	free(rc);
}

/*
 * tcpdump -i any -y LINUX_SLL (libpcap's default header on "any", which
 * tcpdump 4.99 replaces by LINUX_SLL2 unless told): the same lines on both
 * libraries, the cooked v1 header printed with -e and dumped with -xx.
 * And -B 100, under ringcap's smallest ring: no warning, as in libpcap.
 */
TEST_TIMEOUT(compat_live_tcpdump_any_linux_sll_like_libpcap, 90)
{
	struct rc_netns_pair p;
	char *sys, *rc;

	rc_test_need_tool("tcpdump");
	rc_pair_create(&p);
	rc_tcpdump_any_both(&p, "-y LINUX_SLL -B 100 -nn -e -xx -t 'ether proto 0x88b5'");
	rc_send(&p, 8, 0);
	rc_tcpdump_any_same_8();
	sys = rc_test_read_text(rc_test_tmpfile("sys.err"));
	rc = rc_test_read_text(rc_test_tmpfile("rc.err"));
	ASSERT_STR_EQ(rc, sys);
	ASSERT_STR_CONTAINS(rc, "listening on any, link-type LINUX_SLL (Linux cooked v1)");
	free(sys);
	free(rc);
}

/*
 * A filter the kernel cannot run on "any" (an address byte of the cooked
 * header, which the SOCK_DGRAM socket's filter never sees): pcap_setfilter
 * succeeds on both libraries, as libpcap falls back to filtering in user
 * space (ringcap's handle warns, which the compat layer does not turn into
 * a failure), and the filter still decides: the 8 outgoing frames, sent
 * first, carry if_a's address and are skipped, the 8 incoming ones carry
 * if_b's and are printed alike by both.
 */
TEST_TIMEOUT(compat_live_tcpdump_any_filter_in_user_space_like_libpcap, 90)
{
	struct rc_netns_pair p;
	char args[100], *rc;
	unsigned k = 0;

	rc_test_need_tool("tcpdump");
	rc_pair_create(&p);
	while (k < 5 && p.mac_a[k] == p.mac_b[k])
		k++;
	ASSERT_TRUE(p.mac_a[k] != p.mac_b[k]);
	/* LINUX_SLL: the source address starts at byte 6 */
	snprintf(args, sizeof(args), "-y LINUX_SLL -nn -e -t 'link[%u] = 0x%02x'", 6 + k,
		 p.mac_b[k]);
	rc_tcpdump_any_both(&p, args);
	struct rc_send_spec out = {
		.ns = p.ns_a, .ifname = p.if_a, .count = 8, .first_seq = 0,
		.sizes = rc_sizes, .nsizes = 4,
	};
	memset(out.dst, 0xff, 6);
	memcpy(out.src, p.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&out), 8);
	rc_send(&p, 8, 100);
	rc_tcpdump_any_same_8();
	ASSERT_INT_EQ(rc_test_sh(NULL, "! grep -q ' Out ' %s/rc.out", rc_test_tmpdir()), 0);
	rc = rc_test_read_text(rc_test_tmpfile("rc.err"));
	ASSERT_STR_CONTAINS(rc, "8 packets captured");
	free(rc);
}

/*
 * pcap_bufsize() is the ring in use (whole blocks: capture.h); a buffer
 * under ringcap's smallest ring, 256 KiB, is raised without a warning, as
 * libpcap takes any size.  libpcap's own pcap_bufsize() on Linux is its
 * ring frame size (docs/compat.md): only pcap_activate() is compared.
 */
TEST_TIMEOUT(compat_live_bufsize_is_the_ring_in_use, 60)
{
	static const struct { int ask, ring; } sizes[] = {
		{ 0, 4 << 20 }, { 1000, 256 << 10 }, { 100 << 10, 256 << 10 },
		{ 1000000, 7 * (128 << 10) }, { 8 << 20, 8 << 20 },
	};
	const char *bin = rc_compat_build_prog("live_prog");
	struct rc_netns_pair p;
	char want[100], *out;

	rc_pair_create(&p);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		ASSERT_INT_EQ(rc_ns_run(p.ns_a, &out, "'%s' bufsize %s 0 %d", bin, p.if_a,
					sizes[i].ask), 0);
		ASSERT_STR_CONTAINS(out, "activate = 0\n");
		free(out);
		ASSERT_INT_EQ(rc_ns_run(p.ns_a, &out, "%s '%s' bufsize %s 0 %d", rc_compat_env(), bin,
					p.if_a, sizes[i].ask), 0);
		snprintf(want, sizeof(want), "activate = 0\nbufsize = %d\ndone\n", sizes[i].ring);
		ASSERT_STR_EQ(out, want);
		free(out);
	}
}

/*
 * test_cli_file_modes.c - the live-capture options in file mode (-r): the
 * ones a file cannot honour are refused with exit 2 before anything is
 * read or written, named as the command line gives them, and so are -y
 * without -d and --json where nothing is printed; -s is accepted and
 * ignored as tcpdump does; --json, -l and -U work on files too.
 */
#include "harness.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ringcap/file.h"

static const char *corpus(const char *name)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/tests/cli/corpus/%s", rc_test_srcdir(), name);
	return path;
}

/* Run ringcap with args; *out gets stdout, the exit code is returned and
 * stderr goes to the file *errpath names. */
static int run(char **out, const char **errpath, const char *args)
{
	*errpath = rc_test_tmpfile("stderr.txt");
	return rc_test_sh(out, "'%s/ringcap' %s 2>'%s'", rc_test_builddir(), args, *errpath);
}

static char *file_text(const char *path)
{
	size_t len;
	unsigned char *b = rc_test_read_file(path, &len);
	char *s = malloc(len + 1);
	ASSERT_TRUE(s != NULL);
	memcpy(s, b, len);
	s[len] = '\0';
	free(b);
	return s;
}

/* Refused with exit 2 and the option named as given, before the output
 * is created. */
static void assert_refused(const char *opt, const char *named)
{
	char outfile[512]; /* rc_test_tmpfile's buffers are reused */
	snprintf(outfile, sizeof(outfile), "%s", rc_test_tmpfile("never.pcap"));
	char args[2048], *out, want[128];
	const char *ep;
	snprintf(args, sizeof(args), "%s -r '%s' -w '%s'", opt, corpus("tcp.pcap"), outfile);
	ASSERT_INT_EQ(run(&out, &ep, args), 2);
	ASSERT_STR_EQ(out, "");
	char *err = file_text(ep);
	snprintf(want, sizeof(want), "ringcap: %s: for live capture (-i), not for files (-r)\n", named);
	ASSERT_STR_EQ(err, want);
	free(err);
	free(out);
	ASSERT_INT_NE(access(outfile, F_OK), 0);
}

TEST(cli_file_mode_refuses_live_only_options)
{
	static const char *const opts[][2] = {
		{ "-p", "-p" },
		{ "-Q in", "-Q" },
		{ "-B 1024", "-B" },
		{ "--immediate-mode", "--immediate-mode" },
		{ "-j host", "-j" },
		{ "-C 1", "-C" },
		{ "-G 60", "-G" },
		{ "-W 3", "-W" },
		{ "-Z nobody", "-Z" },
		{ "--threads 2", "--threads" },
		{ "--fanout-mode lb", "--fanout-mode" },
		{ "--per-thread-files", "--per-thread-files" },
		{ "--stats 1", "--stats" },
		{ "--print", "--print" },
	};
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		assert_refused(opts[i][0], opts[i][1]);
}

/* The name the user gave: the long one when given long (a shortened one
 * in full), and the first of several. */
TEST(cli_file_mode_refusal_names_the_option_as_given)
{
	static const char *const opts[][2] = {
		{ "--no-stats", "--no-stats" },
		{ "--stats 0", "--stats" },
		{ "--keep-cap-net-raw", "--keep-cap-net-raw" },
		{ "--relinquish-privileges nobody", "--relinquish-privileges" },
		{ "--buffer-size 1024", "--buffer-size" },
		{ "--buff 1024", "--buffer-size" },
		{ "--no-stats -p", "--no-stats" },
		{ "-pQ in", "-p" },
	};
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		assert_refused(opts[i][0], opts[i][1]);
}

/* tcpdump -r ignores -y; ringcap refuses it, as it refuses the other
 * options a file cannot honour.  -y stays for -d. */
TEST(cli_file_mode_refuses_link_type_without_d)
{
	char args[1024], *out;
	const char *ep;
	snprintf(args, sizeof(args), "-y LINUX_SLL2 -r '%s'", corpus("tcp.pcap"));
	ASSERT_INT_EQ(run(&out, &ep, args), 2);
	ASSERT_STR_EQ(out, "");
	char *err = file_text(ep);
	ASSERT_STR_EQ(err, "ringcap: -y: for live capture (-i) and -d, not for files (-r)\n");
	free(err);
	free(out);
	snprintf(args, sizeof(args), "-y LINUX_SLL2 -r '%s' -d tcp", corpus("tcp.pcap"));
	ASSERT_INT_EQ(run(&out, &ep, args), 0);
	ASSERT_STR_CONTAINS(out, "(000) ldh      [0]\n");
	free(out);
}

/* --json where no packet is printed: -w writes them, --count counts them. */
TEST(cli_file_mode_refuses_json_where_nothing_is_printed)
{
	static const char *const cases[][2] = {
		{ "--json -w '%s'", "ringcap: --json: -w writes the packets instead of printing them\n" },
		{ "--json --count", "ringcap: --json: --count prints no packets\n" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char opt[600], args[1200], *out;
		const char *ep;
		snprintf(opt, sizeof(opt), cases[i][0], rc_test_tmpfile("never.pcap"));
		snprintf(args, sizeof(args), "%s -r '%s'", opt, corpus("tcp.pcap"));
		ASSERT_INT_EQ(run(&out, &ep, args), 2);
		ASSERT_STR_EQ(out, "");
		char *err = file_text(ep);
		ASSERT_STR_EQ(err, cases[i][1]);
		free(err);
		free(out);
	}
}

/* -s, -l: the same lines as without them (tcpdump ignores -s with -r). */
TEST(cli_file_mode_snaplen_and_line_buffering_change_nothing)
{
	char args[1024], *plain, *with;
	const char *ep;
	snprintf(args, sizeof(args), "-n -tt -r '%s'", corpus("apps.pcap"));
	ASSERT_INT_EQ(run(&plain, &ep, args), 0);
	ASSERT_INT_GT(strlen(plain), 100);
	snprintf(args, sizeof(args), "-s 60 -l -n -tt -r '%s'", corpus("apps.pcap"));
	ASSERT_INT_EQ(run(&with, &ep, args), 0);
	ASSERT_STR_EQ(with, plain);
	free(plain);
	free(with);
}

/* -U with -w: flushed after every packet, the same file in the end. */
TEST(cli_file_mode_packet_buffered_write_is_the_same_file)
{
	const char *a = rc_test_tmpfile("a.pcap"), *b = rc_test_tmpfile("b.pcap");
	char args[1024], *out;
	const char *ep;
	snprintf(args, sizeof(args), "-r '%s' -w '%s' tcp", corpus("tcp.pcap"), a);
	ASSERT_INT_EQ(run(&out, &ep, args), 0);
	free(out);
	snprintf(args, sizeof(args), "-U -r '%s' -w '%s' tcp", corpus("tcp.pcap"), b);
	ASSERT_INT_EQ(run(&out, &ep, args), 0);
	free(out);
	size_t la, lb;
	unsigned char *fa = rc_test_read_file(a, &la), *fb = rc_test_read_file(b, &lb);
	ASSERT_INT_GT(la, 24);
	ASSERT_UINT_EQ(lb, la);
	ASSERT_MEM_EQ(fb, fa, la);
	free(fa);
	free(fb);
}

/* --json on a file: one object per packet, with each packet's time stamp
 * and lengths as the library reads them. */
TEST(cli_file_mode_json_has_every_packet)
{
	rc_test_need_tool("python3");
	const char *in = corpus("apps.pcap");
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got,
				 "'%s/ringcap' --json -r '%s' 2>/dev/null | /usr/bin/python3 -c '"
				 "import json,sys\n"
				 "for l in sys.stdin:\n"
				 "    o = json.loads(l, parse_float=str)\n"
				 "    print(o[\"ts\"], o[\"len\"], o[\"caplen\"])'",
				 rc_test_builddir(), in),
		      0);
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_reader_open(&r, in, NULL, err));
	rc_packet p;
	size_t cap = 1 << 16, used = 0;
	char *want = malloc(cap);
	ASSERT_TRUE(want != NULL);
	want[0] = '\0';
	int n = 0;
	while (rc_reader_next(r, &p) == 1) {
		ASSERT_UINT_LE(used + 64, cap);
		/* the time stamp as the JSON text has it (parse_float=str) */
		used += (size_t)snprintf(want + used, cap - used, "%llu.%09llu %u %u\n",
					 (unsigned long long)(p.ts_nsec / 1000000000u),
					 (unsigned long long)(p.ts_nsec % 1000000000u), p.len, p.caplen);
		n++;
	}
	rc_reader_close(r);
	ASSERT_INT_GT(n, 5);
	ASSERT_STR_EQ(got, want);
	free(got);
	free(want);
}

/*
 * test_cli_errors.c - every error path of the CLI gives one clear line on
 * stderr and a non-zero exit: missing file, damaged file (packets before the
 * damage still printed, then the offset), bad filter (expression and caret),
 * unknown option (usage), bad option values, a filter file that cannot be
 * used.
 */
#include "harness.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "offline.h"

TEST(cli_missing_file_is_an_error)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r /nonexistent/x.pcap"), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: ");
	ASSERT_STR_CONTAINS(err, "/nonexistent/x.pcap");
	ASSERT_STR_CONTAINS(err, "No such file");
	free(out);
	free(err);
}

TEST(cli_damaged_file_prints_good_packets_then_the_offset)
{
	char src[512];
	size_t len;
	snprintf(src, sizeof(src), "%s/tests/cli/corpus/lt_ipv4.pcap", rc_test_srcdir());
	unsigned char *buf = rc_test_read_file(src, &len);
	/* Keep the header, the first record and half of the second. */
	const char *cut = rc_test_tmpfile("cut.pcap");
	ASSERT_INT_GT(len, 100);
	rc_test_write_file(cut, buf, len - 20);
	free(buf);
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-n -tt -r '%s'", cut), 1);
	ASSERT_STR_EQ(out, "1700000000.500000 IP 10.0.0.1.1111 > 10.0.0.2.2222: UDP, length 4\n");
	/* The file is named once (the library's message names it). */
	char want[1024];
	snprintf(want, sizeof(want),
		 "reading from file %s, link-type IPV4 (Raw IPv4), snapshot length 65535\n"
		 "ringcap: %s: pcap record at offset 72: truncated: caplen 40 but only 20 bytes follow the header\n",
		 cut, cut);
	ASSERT_STR_EQ(err, want);
	free(out);
	free(err);
	/* Standard input is "stdin" in every message about it. */
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-n -tt -r - <'%s'", cut), 1);
	ASSERT_STR_CONTAINS(err, "\nringcap: stdin: pcap record at offset 72: truncated:");
	free(out);
	free(err);
}

/* --count, as tcpdump --count: no count when no input could be read; the
 * packets counted before damage further on are printed. */
TEST(cli_count_is_printed_only_once_reading_started)
{
	char args[1200], *out, *err;
	snprintf(args, sizeof(args), "-r '%s/tests/cli/corpus/tcp.pcap' --count 'tcp and and'",
		 rc_test_srcdir());
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "bad filter expression");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r /nonexistent/x.pcap --count"), 1);
	ASSERT_STR_EQ(out, "");
	free(out);
	free(err);
	/* lt_ipv4.pcap cut inside its second record: one packet, then the error. */
	char src[512];
	size_t len;
	snprintf(src, sizeof(src), "%s/tests/cli/corpus/lt_ipv4.pcap", rc_test_srcdir());
	unsigned char *buf = rc_test_read_file(src, &len);
	const char *cut = rc_test_tmpfile("cut.pcap");
	rc_test_write_file(cut, buf, len - 20);
	free(buf);
	snprintf(args, sizeof(args), "-r '%s' --count", cut);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 1);
	ASSERT_STR_EQ(out, "1 packet\n");
	ASSERT_STR_CONTAINS(err, "offset 72");
	free(out);
	free(err);
	/* A later input that cannot be opened: the count of the earlier ones. */
	snprintf(args, sizeof(args), "-r '%s' -r /nonexistent/x.pcap --count", src);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 1);
	ASSERT_STR_EQ(out, "2 packets\n");
	free(out);
	free(err);
}

/* Everything printed on stdout - help, version, lists, counts, dumps,
 * packets, a file to "-w -" - ends in a message naming stdout and the
 * reason, and exit status 1, when stdout is full. */
TEST(cli_full_stdout_is_an_error_on_every_path)
{
	if (rc_test_sh(NULL, "test -w /dev/full") != 0)
		SKIP("no /dev/full");
	char tcp[600];
	snprintf(tcp, sizeof(tcp), "-r '%s/tests/cli/corpus/tcp.pcap'", rc_test_srcdir());
	const struct {
		const char *args, *file;
	} cases[] = {
		{ "-h", "" },
		{ "--version", "" },
		{ "-D", "" },
		{ "-L -i lo", "" },
		{ "-d tcp", "" },
		{ "-dd", tcp },
		{ "--count", tcp },
		{ "-n", tcp },
		{ "-w -", tcp },
	};
	const char *ef = rc_test_tmpfile("stderr.txt");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int st = rc_test_sh(NULL, "'%s/ringcap' %s %s >/dev/full 2>'%s'", rc_test_builddir(),
				    cases[i].args, cases[i].file, ef);
		char *err = rc_test_read_text(ef);
		int named = strstr(err, "error writing to standard output: No space left on device\n") ||
			    strstr(err, "stdout: write at offset 0 failed: No space left on device");
		if (st != 1 || !named)
			rc_test_fail(__FILE__, __LINE__, "ringcap %s >/dev/full: exit %d, stderr: %s",
				     cases[i].args, st, err);
		free(err);
	}
}

TEST(cli_not_a_capture_file_is_an_error)
{
	const char *junk = rc_test_tmpfile("junk.pcap");
	rc_test_write_file(junk, "this is not a capture file at all", 33);
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s'", junk), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: ");
	ASSERT_STR_CONTAINS(err, "junk.pcap");
	free(out);
	free(err);
}

TEST(cli_bad_filter_shows_the_expression_and_a_caret)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s/tests/cli/corpus/tcp.pcap' tcp port 99999",
				      rc_test_srcdir()),
		      1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: bad filter expression: ");
	/* The caret line sits under the column the compiler names. */
	const char *col = strstr(err, "column ");
	ASSERT_PTR_NE(col, NULL);
	long c = strtol(col + 7, NULL, 10);
	ASSERT_INT_GE(c, 1);
	char want[128];
	snprintf(want, sizeof(want), "  tcp port 99999\n  %*s^\n", (int)(c - 1), "");
	ASSERT_STR_CONTAINS(err, want);
	free(out);
	free(err);
}

/* What rc__filter_error prints for expr and the compiler's msg (static). */
static const char *filter_error_text(const char *expr, const char *msg)
{
	static char buf[512];
	FILE *f = fmemopen(buf, sizeof(buf), "w");
	ASSERT_TRUE(f != NULL);
	rc__filter_error(f, expr, msg);
	fclose(f);
	return buf;
}

TEST(cli_filter_error_caret_is_placed_under_the_column)
{
	ASSERT_STR_EQ(filter_error_text("host 1.2.3.4 and bogus", "unknown name 'bogus' (column 18)"),
		      "ringcap: bad filter expression: unknown name 'bogus' (column 18)\n"
		      "  host 1.2.3.4 and bogus\n"
		      "                   ^\n");
}

/* The expression is echoed as given: the caret line has a tab where it
 * has one, so both reach the same tab stop, and one column per UTF-8
 * character ("\xc3\xa9", e-acute, is two bytes). */
TEST(cli_filter_error_caret_lines_up_after_tabs_and_utf8)
{
	ASSERT_STR_EQ(filter_error_text("tcp\tand\t\tand", "'and': syntax error (column 10)"),
		      "ringcap: bad filter expression: 'and': syntax error (column 10)\n"
		      "  tcp\tand\t\tand\n"
		      "     \t   \t\t^\n");
	ASSERT_STR_EQ(filter_error_text("host caf\xc3\xa9 and", "unknown host (column 6)"),
		      "ringcap: bad filter expression: unknown host (column 6)\n"
		      "  host caf\xc3\xa9 and\n"
		      "       ^\n");
	ASSERT_STR_EQ(filter_error_text("port \xc3\xa9x", "unknown port (column 8)"),
		      "ringcap: bad filter expression: unknown port (column 8)\n"
		      "  port \xc3\xa9x\n"
		      "        ^\n");
}

TEST(cli_unknown_option_prints_usage)
{
	char *out, *err;
	static const char usage[] = "usage: ringcap [-i IFACE | -r FILE] [-w OUT] [OPTION ...] "
				    "[EXPRESSION] (ringcap -h lists the options)\n";
	char want[256];
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "--bogus"), 2);
	ASSERT_STR_EQ(out, "");
	/* The message and one line of usage, not the whole -h text. */
	snprintf(want, sizeof(want), "ringcap: unrecognized option '--bogus'\n%s", usage);
	ASSERT_STR_EQ(err, want);
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r x -k"), 2);
	snprintf(want, sizeof(want), "ringcap: invalid option -- 'k'\n%s", usage);
	ASSERT_STR_EQ(err, want);
	free(out);
	free(err);
}

TEST(cli_bad_option_values_are_usage_errors)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r x -c 0"), 2);
	ASSERT_STR_CONTAINS(err, "invalid packet count '0'");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r x --format pcapx"), 2);
	ASSERT_STR_CONTAINS(err, "unknown --format 'pcapx' (expected pcap or pcapng)");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-d -y NOSUCHTYPE ip"), 2);
	ASSERT_STR_CONTAINS(err, "unknown link type 'NOSUCHTYPE'");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r"), 2);
	ASSERT_STR_CONTAINS(err, "option requires an argument -- 'r'");
	free(out);
	free(err);
}

/* -y with -i: a link type the device does not offer is refused before
 * any packet is read (tcpdump's "not one of the DLTs supported"). */
TEST(cli_live_link_type_the_device_lacks_is_refused)
{
	rc_test_need_root();
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-i lo -y NULL -c 1"), 1);
	ASSERT_STR_CONTAINS(err, "lo: -y NULL: the device captures as EN10MB or LINUX_SLL2");
	ASSERT_STR_EQ(out, "");
	free(out);
	free(err);
}

TEST(cli_version_and_help_exit_zero)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "--version"), 0);
	ASSERT_STR_CONTAINS(out, "ringcap version ");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-h"), 0);
	ASSERT_STR_CONTAINS(out, "--count");
	ASSERT_STR_EQ(err, "");
	free(out);
	free(err);
}

TEST(cli_d_dumps_the_program_for_the_link_type)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-d -y EN10MB ip"), 0);
	ASSERT_STR_CONTAINS(out, "(000) ldh      [12]\n");
	free(out);
	free(err);
	/* Raw IPv4 has no link header: the program does not load the ethertype. */
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-dd -r '%s/tests/cli/corpus/lt_ipv4.pcap' ip",
				      rc_test_srcdir()),
		      0);
	ASSERT_STR_CONTAINS(out, "{ 0x");
	ASSERT_FALSE(strstr(out, "0x0000000c"));
	free(out);
	free(err);
}

/* A directory opens but cannot be read: the message says why. */
TEST(cli_filter_file_that_is_a_directory_says_so)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s/tests/cli/corpus/tcp.pcap' -F '%s'",
				      rc_test_srcdir(), rc_test_tmpdir()),
		      1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: filter file ");
	ASSERT_STR_CONTAINS(err, ": Is a directory\n");
	free(out);
	free(err);
}

/* tcpdump 4.99.3 filters with -F's file and ignores the words, wherever
 * they stand; ringcap does the same and warns, naming the words.  The
 * file says tcp, the words udp: tcp.pcap's packets must all print, and -d
 * must print tcp's program. */
TEST(cli_filter_file_wins_over_an_expression_with_a_warning)
{
	const char *f = rc_test_tmpfile("filter.txt");
	rc_test_write_file(f, "tcp\n", 4);
	char *want, *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&want, &err, "-n -r '%s/tests/cli/corpus/tcp.pcap' tcp",
				      rc_test_srcdir()),
		      0);
	free(err);
	ASSERT_TRUE(want[0] != '\0');
	static const char *const orders[] = { "-n -F '%s' -r '%s/tests/cli/corpus/tcp.pcap' udp port 53",
					      "udp port 53 -n -F '%s' -r '%s/tests/cli/corpus/tcp.pcap'" };
	for (size_t i = 0; i < 2; i++) {
		char args[1200];
		snprintf(args, sizeof(args), orders[i], f, rc_test_srcdir());
		ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 0);
		ASSERT_STR_EQ(out, want);
		char line[600];
		snprintf(line, sizeof(line),
			 "ringcap: warning: -F %s given: ignoring the expression \"udp port 53\"\n", f);
		ASSERT_STR_CONTAINS(err, line);
		free(out);
		free(err);
	}
	free(want);
	ASSERT_INT_EQ(rc_test_ringcap(&want, &err, "-d -y EN10MB tcp"), 0);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-F '%s' -d -y EN10MB udp", f), 0);
	ASSERT_STR_EQ(out, want);
	ASSERT_STR_CONTAINS(err, "ignoring the expression \"udp\"\n");
	free(out);
	free(err);
	free(want);
}

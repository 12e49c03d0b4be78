/*
 * test_cli_options.c - the command line is parsed as tcpdump's
 * getopt_long parses it: options anywhere, the other words forming the
 * filter expression, "--" and POSIXLY_CORRECT ending the options, and
 * long options shortened to any prefix that names one option.
 */
#include "harness.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *corpus(const char *name)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/tests/cli/corpus/%s", rc_test_srcdir(), name);
	return path;
}

/* stdout of ringcap with args, which must exit with 0. */
static char *ringcap_ok(const char *args)
{
	char *out, *err;
	int st = rc_test_ringcap(&out, &err, "%s", args);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap %s exited with %d:\n%s", args, st, err);
	free(err);
	return out;
}

/* tcpdump, when installed, prints the same for the same words. */
static void tcpdump_agrees(const char *args, const char *want)
{
	char *out = NULL;
	if (rc_test_sh(NULL, "command -v tcpdump >/dev/null") != 0)
		return;
	ASSERT_INT_EQ(rc_test_sh(&out, "tcpdump %s 2>/dev/null", args), 0);
	ASSERT_STR_EQ(out, want);
	free(out);
}

/* apps.pcap holds 30 packets, 7 of them TCP, 4 of those on port 3333. */
TEST(cli_options_after_the_expression_still_apply)
{
	static const char *const cases[][2] = {
		{ "-r '%s' tcp --count", "7 packets\n" },
		{ "-r '%s' tcp -c 3 --count", "3 packets\n" },
		/* the words around an option form one expression */
		{ "-r '%s' tcp -c 9 and port 3333 --count", "4 packets\n" },
		{ "tcp --count -r '%s'", "7 packets\n" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char args[1024];
		snprintf(args, sizeof(args), cases[i][0], corpus("apps.pcap"));
		char *out = ringcap_ok(args);
		ASSERT_STR_EQ(out, cases[i][1]);
		free(out);
		tcpdump_agrees(args, cases[i][1]);
	}
}

/* A lone "-" is a word of the expression (here pcap-filter's minus), not
 * an option: the same count as the expression given as one word. */
TEST(cli_options_a_lone_dash_is_a_word)
{
	char args[1024];
	snprintf(args, sizeof(args), "-r '%s' --count 'ip[2:2]' - 100 '>' 0", corpus("apps.pcap"));
	char *words = ringcap_ok(args);
	snprintf(args, sizeof(args), "-r '%s' --count 'ip[2:2] - 100 > 0'", corpus("apps.pcap"));
	char *one = ringcap_ok(args);
	ASSERT_STR_EQ(words, one);
	free(words);
	free(one);
}

TEST(cli_options_end_at_double_dash)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s' -- tcp -c 3", corpus("apps.pcap")), 1);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: bad filter expression: ");
	ASSERT_STR_CONTAINS(err, "  tcp -c 3\n");
	free(out);
	free(err);
}

/* As glibc's getopt does for tcpdump: the first word ends the options
 * (without POSIXLY_CORRECT the same words count 3 packets, above). */
TEST(cli_options_posixly_correct_ends_them_at_the_first_word)
{
	char *out;
	ASSERT_INT_EQ(rc_test_sh(&out, "POSIXLY_CORRECT=1 '%s/ringcap' -r '%s' --count tcp -c 3 2>&1",
				 rc_test_builddir(), corpus("apps.pcap")),
		      1);
	ASSERT_STR_CONTAINS(out, "ringcap: bad filter expression: ");
	ASSERT_STR_CONTAINS(out, "  tcp -c 3\n");
	free(out);
}

/* tcpdump reads "-1" after an expression as the option 1, not as a
 * number of the expression; so does ringcap. */
TEST(cli_options_a_negative_number_is_an_option_as_in_tcpdump)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s' 'ip[2:2]' '>' -1", corpus("apps.pcap")), 2);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: invalid option -- '1'\n");
	free(out);
	free(err);
}

TEST(cli_long_options_may_be_shortened_to_a_unique_prefix)
{
	char args[1024];
	snprintf(args, sizeof(args), "-r '%s' --coun tcp", corpus("apps.pcap"));
	char *out = ringcap_ok(args);
	ASSERT_STR_EQ(out, "7 packets\n");
	free(out);
	/* "=ARG" and a separate word both reach the shortened option */
	snprintf(args, sizeof(args), "-tt -c 1 -r '%s' --time-stamp-p=nano", corpus("apps.pcap"));
	out = ringcap_ok(args);
	ASSERT_STR_CONTAINS(out, "1700000600.000000000 ");
	free(out);
	snprintf(args, sizeof(args), "-tt -c 1 -r '%s' --time-stamp-pr nano", corpus("apps.pcap"));
	out = ringcap_ok(args);
	ASSERT_STR_CONTAINS(out, "1700000600.000000000 ");
	free(out);
}

TEST(cli_ambiguous_long_option_names_the_candidates)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s' --t", corpus("apps.pcap")), 2);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_CONTAINS(err, "ringcap: option '--t' is ambiguous; possibilities: "
				 "'--time-stamp-precision' '--time-stamp-type' '--threads'\n");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s' --bogus=1", corpus("apps.pcap")), 2);
	ASSERT_STR_CONTAINS(err, "ringcap: unrecognized option '--bogus=1'\n");
	free(out);
	free(err);
}

/* The first line of text (malloc'ed). */
static char *first_line(const char *text)
{
	return strndup(text, strcspn(text, "\n"));
}

/* --linktype is -y: the same program, starting with the load tcpdump's
 * starts with for that link type (the cooked header puts the protocol at
 * offset 0, Ethernet at 12).  The rest may differ in order from tcpdump's
 * (docs/compat.md). */
TEST(cli_linktype_long_option_is_y)
{
	static const char *const types[] = { "LINUX_SLL2", "EN10MB" };
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		char args[256];
		snprintf(args, sizeof(args), "--linktype=%s -d tcp", types[i]);
		char *lng = ringcap_ok(args);
		snprintf(args, sizeof(args), "-y %s -d tcp", types[i]);
		char *shrt = ringcap_ok(args);
		ASSERT_STR_EQ(lng, shrt);
		if (rc_test_sh(NULL, "command -v tcpdump >/dev/null") == 0) {
			char *want = NULL;
			ASSERT_INT_EQ(rc_test_sh(&want, "tcpdump --linktype=%s -d tcp 2>/dev/null", types[i]), 0);
			char *w = first_line(want), *g = first_line(lng);
			ASSERT_STR_EQ(g, w);
			free(w);
			free(g);
			free(want);
		}
		free(lng);
		free(shrt);
	}
}

/* -O compiles without the optimizer: a longer program that selects the
 * packets tcpdump -O selects. */
TEST(cli_no_optimize_selects_what_tcpdump_selects)
{
	char args[1024];
	char *opt = ringcap_ok("-y EN10MB -d 'tcp or udp'");
	char *noopt = ringcap_ok("-y EN10MB --no-optimize -d 'tcp or udp'");
	size_t lines_opt = 0, lines_noopt = 0;
	for (const char *p = opt; (p = strchr(p, '\n')); p++)
		lines_opt++;
	for (const char *p = noopt; (p = strchr(p, '\n')); p++)
		lines_noopt++;
	ASSERT_UINT_GE(lines_noopt, lines_opt + 1);
	free(opt);
	free(noopt);
	snprintf(args, sizeof(args), "-O -n -tt -r '%s' 'tcp or udp port 53'", corpus("apps.pcap"));
	char *out = ringcap_ok(args);
	ASSERT_STR_CONTAINS(out, " IP 10.0.0.1.");
	tcpdump_agrees(args, out);
	free(out);
}

/* Prefixes of the long options tcpdump 4.99 added to ringcap's set: the
 * shortest unique one works (as in tcpdump), and "--n" is ambiguous in
 * both (tcpdump names its four; ringcap adds its --no-stats). */
TEST(cli_tcpdump_long_option_prefixes)
{
	static const char *const cases[][2] = {
		{ "--nu -n -t -c 1", "    1  IP 10.0.0.1." },
		{ "--na -n -tt -c 1", "1700000600.000000000 " },
		{ "--mi -n -tt -c 1", "1700000600.000000 " },
		{ "--ab -n -t -c 1", "IP 10.0.0.1." },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char args[1024];
		snprintf(args, sizeof(args), "-r '%s' %s", corpus("apps.pcap"), cases[i][0]);
		char *out = ringcap_ok(args);
		ASSERT_STR_CONTAINS(out, cases[i][1]);
		tcpdump_agrees(args, out);
		free(out);
	}
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-r '%s' --n", corpus("apps.pcap")), 2);
	ASSERT_STR_CONTAINS(err, "ringcap: option '--n' is ambiguous; possibilities: '--number' "
				 "'--nano' '--no-optimize' '--no-promiscuous-mode' '--no-stats'\n");
	free(out);
	free(err);
}

/* -f (foreign addresses as numbers) has no effect: ringcap never resolves
 * names.  tcpdump refuses it with -r, and so does ringcap; with -d it
 * changes nothing (tcpdump's own -f program differs: docs/cli.md). */
TEST(cli_f_is_refused_with_r_and_changes_nothing_else)
{
	char *out, *err, args[1024];
	snprintf(args, sizeof(args), "-f -n -r '%s'", corpus("tcp.pcap"));
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 2);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_EQ(err, "ringcap: -f can not be used with -r\n");
	free(out);
	free(err);
	if (rc_test_sh(NULL, "command -v tcpdump >/dev/null") == 0) {
		ASSERT_INT_EQ(rc_test_sh(&err, "tcpdump %s 2>&1", args), 1);
		ASSERT_STR_CONTAINS(err, "-f can not be used with -V or -r");
		free(err);
	}
	char *plain = ringcap_ok("-y EN10MB -d tcp");
	out = ringcap_ok("-f -y EN10MB -d tcp");
	ASSERT_STR_EQ(out, plain);
	free(out);
	free(plain);
}

/* ringcap's stderr for args, which must exit with 0 and print nothing on
 * stdout; tcpdump, when installed, prints the same on its stderr. */
static void tcpdump_stderr_agrees(const char *args, const char *want)
{
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "%s", args), 0);
	ASSERT_STR_EQ(out, "");
	ASSERT_STR_EQ(err, want);
	free(out);
	free(err);
	if (rc_test_sh(NULL, "command -v tcpdump >/dev/null") != 0)
		return;
	ASSERT_INT_EQ(rc_test_sh(&err, "tcpdump %s 2>&1 >/dev/null", args), 0);
	ASSERT_STR_EQ(err, want);
	free(err);
}

/* -J lists the time stamp types -j accepts, in tcpdump's words and, as
 * tcpdump 4.99 does, on stderr: on lo and "any" host stamps only, as
 * libpcap says.  Like -L it is refused with -r, and comes before -L
 * (without -i: cli_live_default_interface_when_no_i_is_given). */
TEST(cli_list_time_stamp_types_as_tcpdump)
{
	static const char *const ifaces[] = { "lo", "any" };
	for (size_t i = 0; i < sizeof(ifaces) / sizeof(ifaces[0]); i++) {
		char args[64], want[128];
		snprintf(want, sizeof(want),
			 "Time stamp types for %s (use option -j to set):\n  host (Host)\n", ifaces[i]);
		snprintf(args, sizeof(args), "-J -i %s", ifaces[i]);
		tcpdump_stderr_agrees(args, want);
		snprintf(args, sizeof(args), "--list-time-stamp-types -L -i %s", ifaces[i]);
		tcpdump_stderr_agrees(args, want);
	}
	char *out, *err;
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-J -i lo -i any"), 0);
	ASSERT_STR_EQ(err, "Time stamp types for lo (use option -j to set):\n  host (Host)\n"
			   "Time stamp types for any (use option -j to set):\n  host (Host)\n");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-J -r '%s'", corpus("tcp.pcap")), 2);
	ASSERT_STR_EQ(out, "");
	free(out);
	free(err);
	ASSERT_INT_EQ(rc_test_ringcap(&out, &err, "-J -i no-such-dev0"), 1);
	ASSERT_STR_CONTAINS(err, "ringcap: no-such-dev0: no such device");
	free(out);
	free(err);
}

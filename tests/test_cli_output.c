/*
 * test_cli_output.c - `ringcap -r F FLAGS` prints what tcpdump 4.99 prints.
 *
 * The cases are listed in tests/cli/cases.txt; tests/cli/expected/<n>.txt
 * holds tcpdump 4.99.3's output for case n (tests/cli/regen.sh).  The stored
 * text is always checked; a live tcpdump, when installed, is checked too.
 */
#include "harness.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "options.h"
#include "print.h"
#include "ringcap/file.h"

struct cli_case {
	char file[64];
	char flags[128];
};

#define MAX_CASES 512

static size_t load_cases(struct cli_case *cases, size_t max)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/cli/cases.txt", rc_test_srcdir());
	FILE *f = fopen(path, "r");
	if (!f)
		rc_test_fail(__FILE__, __LINE__, "cannot open %s", path);
	char line[256];
	size_t n = 0;
	while (fgets(line, sizeof(line), f)) {
		char *bar = strchr(line, '|');
		if (line[0] == '#' || !bar)
			continue;
		line[strcspn(line, "\n")] = '\0';
		*bar = '\0';
		if (n == max) /* a case dropped here would pass unseen */
			rc_test_fail(__FILE__, __LINE__, "more than %zu cases in %s", max, path);
		snprintf(cases[n].file, sizeof(cases[n].file), "%.63s", line);
		snprintf(cases[n].flags, sizeof(cases[n].flags), "%.127s", bar + 1);
		n++;
	}
	fclose(f);
	return n;
}

/* NULL if equal, else a malloc'ed description of the first differing line. */
static char *first_difference(const char *want, const char *got)
{
	int line = 1;
	for (;;) {
		const char *we = strchr(want, '\n'), *ge = strchr(got, '\n');
		size_t wl = we ? (size_t)(we - want) : strlen(want);
		size_t gl = ge ? (size_t)(ge - got) : strlen(got);
		if (wl != gl || memcmp(want, got, wl) != 0 || (!we) != (!ge)) {
			char *msg;
			if (asprintf(&msg, "line %d:\n  want: %.*s\n  got:  %.*s", line, (int)wl, want,
				     (int)gl, got) < 0)
				return strdup("difference");
			return msg;
		}
		if (!we)
			return NULL;
		want = we + 1;
		got = ge + 1;
		line++;
	}
}

static char *run_ringcap(const char *file, const char *flags)
{
	char *out = NULL;
	int st = rc_test_sh(&out, "TZ=UTC '%s/ringcap' -r '%s/tests/cli/corpus/%s' %s 2>/dev/null",
			    rc_test_builddir(), rc_test_srcdir(), file, flags);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap -r %s %s exited with %d", file, flags, st);
	return out;
}

/* Run the printer in-process on a corpus file with command-line flags. */
static char *print_in_process(const char *file, const char *flags)
{
	char buf[256], *argv[32];
	int argc = 0;
	snprintf(buf, sizeof(buf), "%s", flags);
	argv[argc++] = "ringcap";
	for (char *tok = strtok(buf, " "); tok && argc < 31; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	argv[argc] = NULL;
	struct rc__cli_opts o;
	char err[256];
	if (rc__cli_parse(argc, argv, &o, err, sizeof(err)) < 0)
		rc_test_fail(__FILE__, __LINE__, "flags %s: %s", flags, err);

	char path[512];
	snprintf(path, sizeof(path), "%s/tests/cli/corpus/%s", rc_test_srcdir(), file);
	rc_reader *r;
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s", err);
	rc__ob ob;
	rc__printer p;
	ASSERT_OK(rc__ob_init(&ob, -1));
	ASSERT_OK(rc__printer_init(&p, &o.print, &ob));
	rc_packet pkt;
	while (rc_reader_next(r, &pkt) == 1)
		rc__print_packet(&p, &pkt);
	char *s = strdup(rc__ob_str(&ob));
	rc__printer_free(&p);
	rc__ob_free(&ob);
	rc_reader_close(r);
	rc__cli_opts_free(&o);
	return s;
}

TEST(cli_output_equals_stored_tcpdump_text)
{
	static struct cli_case cases[MAX_CASES];
	size_t n = load_cases(cases, MAX_CASES);
	ASSERT_INT_GT(n, 30);
	setenv("TZ", "UTC", 1);
	tzset();
	for (size_t i = 0; i < n; i++) {
		char path[512];
		size_t len;
		snprintf(path, sizeof(path), "%s/tests/cli/expected/%zu.txt", rc_test_srcdir(), i + 1);
		unsigned char *want = rc_test_read_file(path, &len);
		char *w = malloc(len + 1);
		memcpy(w, want, len);
		w[len] = '\0';
		char *got = print_in_process(cases[i].file, cases[i].flags);
		char *diff = first_difference(w, got);
		if (diff)
			rc_test_fail(__FILE__, __LINE__, "case %zu (%s %s) differs at %s", i + 1,
				     cases[i].file, cases[i].flags, diff);
		free(got);
		free(w);
		free(want);
	}
}

TEST(cli_program_output_equals_stored_tcpdump_text)
{
	/* End to end through the binary for a few cases (the rest in-process). */
	static const size_t picks[] = { 1, 3, 10, 24, 37, 41, 71, 77 };
	static struct cli_case cases[MAX_CASES];
	size_t n = load_cases(cases, MAX_CASES);
	for (size_t k = 0; k < sizeof(picks) / sizeof(picks[0]); k++) {
		size_t i = picks[k] - 1, len;
		ASSERT_INT_LT(i, n);
		char path[512];
		snprintf(path, sizeof(path), "%s/tests/cli/expected/%zu.txt", rc_test_srcdir(), i + 1);
		unsigned char *want = rc_test_read_file(path, &len);
		char *w = malloc(len + 1);
		memcpy(w, want, len);
		w[len] = '\0';
		char *got = run_ringcap(cases[i].file, cases[i].flags);
		char *diff = first_difference(w, got);
		if (diff)
			rc_test_fail(__FILE__, __LINE__, "case %zu (%s %s) differs at %s", i + 1,
				     cases[i].file, cases[i].flags, diff);
		free(got);
		free(w);
		free(want);
	}
}

TEST(cli_output_equals_live_tcpdump)
{
	rc_test_need_tool("tcpdump");
	static struct cli_case cases[MAX_CASES + 2];
	size_t n = load_cases(cases, MAX_CASES);
	/* Interface names of LINUX_SLL2 resolve on this host for both tools. */
	snprintf(cases[n].file, sizeof(cases[n].file), "lt_sll2.pcap");
	snprintf(cases[n++].flags, sizeof(cases[n].flags), "-n -tt");
	snprintf(cases[n].file, sizeof(cases[n].file), "lt_sll2.pcap");
	snprintf(cases[n++].flags, sizeof(cases[n].flags), "-n -tt -e -x");
	setenv("TZ", "UTC", 1);
	tzset();
	for (size_t i = 0; i < n; i++) {
		char *want = NULL;
		rc_test_sh(&want, "TZ=UTC tcpdump -r '%s/tests/cli/corpus/%s' %s 2>/dev/null",
			   rc_test_srcdir(), cases[i].file, cases[i].flags);
		char *got = print_in_process(cases[i].file, cases[i].flags);
		char *diff = first_difference(want, got);
		if (diff)
			rc_test_fail(__FILE__, __LINE__, "%s %s differs from tcpdump at %s", cases[i].file,
				     cases[i].flags, diff);
		free(got);
		free(want);
	}
}

TEST(cli_prints_local_time_by_default)
{
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "TZ=Asia/Kolkata '%s/ringcap' -r '%s/tests/cli/corpus/nano.pcap' -c 1 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      0);
	/* 1700000500 is 22:21:40 UTC, 03:51:40 in UTC+05:30. */
	ASSERT_STR_CONTAINS(got, "03:51:40.000000 IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S]");
	free(got);
}

TEST(cli_reads_several_files_in_order_and_stdin)
{
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "cat '%s/tests/cli/corpus/lt_ipv6.pcap' | '%s/ringcap' -n -tt "
				       "-r '%s/tests/cli/corpus/lt_ipv4.pcap' -r - 2>/dev/null",
				 rc_test_srcdir(), rc_test_builddir(), rc_test_srcdir()),
		      0);
	ASSERT_STR_EQ(got, "1700000000.500000 IP 10.0.0.1.1111 > 10.0.0.2.2222: UDP, length 4\n"
			   "1700000002.500000 IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 5, win 1000, length 0\n"
			   "1700000001.500000 IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 1, seq 1, length 8\n");
	free(got);
}

TEST(cli_c_stops_after_n_matching_packets)
{
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "'%s/ringcap' -n -t -c 2 -r '%s/tests/cli/corpus/udp.pcap' udp port 53 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      0);
	ASSERT_STR_EQ(got, "IP 10.0.0.1.33333 > 10.0.0.53.53: 4660+ A? example.com. (29)\n"
			   "IP 10.0.0.1.33334 > 10.0.0.53.53: 4661+ AAAA? example.com. (29)\n");
	free(got);
}

TEST(cli_stdout_holds_only_packet_lines)
{
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "'%s/ringcap' -n -tt -r '%s/tests/cli/corpus/lt_ipv6.pcap' 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      0);
	ASSERT_STR_EQ(got, "1700000001.500000 IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 1, seq 1, length 8\n");
	free(got);
	/* ... while stderr names the file like tcpdump does. */
	ASSERT_INT_EQ(rc_test_sh(&got, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' 2>&1 >/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      0);
	ASSERT_STR_CONTAINS(got, "lt_ipv6.pcap, link-type IPV6 (Raw IPv6), snapshot length 65535");
	free(got);
}

/* stderr of ringcap -r (or tcpdump -r) on a corpus file with args;
 * stdout is discarded. */
static char *stderr_of(const char *tool, const char *file, const char *args)
{
	char *got = NULL;
	rc_test_sh(&got, "%s -r '%s/tests/cli/corpus/%s' %s 2>&1 >/dev/null", tool, rc_test_srcdir(),
		   file, args);
	return got;
}

/* A LINUX_SLL2 file names interfaces by the ifindex it stores, which the
 * printer maps to this machine's interfaces: as tcpdump, a warning follows
 * the "reading from file" line, whatever is done with the packets. */
TEST(cli_sll2_file_warns_that_interface_names_might_be_incorrect)
{
	char tool[600], want[800];
	snprintf(tool, sizeof(tool), "'%s/ringcap'", rc_test_builddir());
	snprintf(want, sizeof(want),
		 "reading from file %s/tests/cli/corpus/lt_sll2.pcap, link-type LINUX_SLL2 (Linux "
		 "cooked v2), snapshot length 65535\nWarning: interface names might be incorrect\n",
		 rc_test_srcdir());
	static const char *const args[] = { "-n -e", "--count", "-w /dev/null" };
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++) {
		char *got = stderr_of(tool, "lt_sll2.pcap", args[i]);
		ASSERT_STR_EQ(got, want);
		free(got);
	}
	char *got = stderr_of(tool, "lt_sll.pcap", "-n");
	ASSERT_FALSE(strstr(got, "Warning") != NULL);
	free(got);
	if (rc_test_sh(NULL, "command -v tcpdump >/dev/null") != 0)
		return;
	static const char *const files[] = { "lt_sll2.pcap", "lt_sll.pcap", "tcp.pcap" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *td = stderr_of("tcpdump", files[i], "-n");
		got = stderr_of(tool, files[i], "-n");
		ASSERT_STR_EQ(got, td);
		free(got);
		free(td);
	}
}

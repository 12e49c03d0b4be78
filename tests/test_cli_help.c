/*
 * test_cli_help.c - `ringcap -h` and docs/ringcap.1 cover every option of
 * the command (issue 7's list), name the same long options, and the man
 * page renders without warnings.
 */
#include "harness.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

/*
 * Every option: how it starts a line of `ringcap -h` (after two blanks),
 * and how the man page names it in roff (a '-' is "\-").  Variants such
 * as -nn, -xx, -vv, -ttttt, -dd are checked in the man page only: the help
 * names them in the line of the single letter.
 */
static const struct {
	const char *help; /* NULL: named on another option's line */
	const char *man;
} options[] = {
	{ "-i, --interface IFACE", "\\-i" },
	{ "-r FILE", "\\-r" },
	{ "-w FILE", "\\-w" },
	{ "-c N", "\\-c" },
	{ "-s, --snapshot-length N", "\\-s" },
	{ "-p, --no-promiscuous-mode", "\\-p" },
	{ "-Q, --direction DIR", "\\-Q" },
	{ "-B, --buffer-size KiB", "\\-B" },
	{ "--immediate-mode", "\\-\\-immediate\\-mode" },
	{ "-n ", "\\-n" },
	{ NULL, "\\-nn" },
	{ "-N ", "\\-N" },
	{ "-f ", "\\-f" },
	{ "-e ", "\\-e" },
	{ "-K, --dont-verify-checksums", "\\-K" },
	{ "-x ", "\\-x" },
	{ NULL, "\\-xx" },
	{ "-X ", "\\-X" },
	{ NULL, "\\-XX" },
	{ "-A ", "\\-A" },
	{ NULL, "\\-AA" },
	{ "-v ", "\\-v" },
	{ NULL, "\\-vvv" },
	{ "-q ", "\\-q" },
	{ "-S, --absolute-tcp-sequence-numbers", "\\-S" },
	{ "-#, --number", "\\-#" },
	{ "-t ", "\\-t" },
	{ NULL, "\\-ttttt" },
	{ "--time-stamp-precision P", "\\-\\-time\\-stamp\\-precision" },
	{ "--micro", "\\-\\-micro" },
	{ "--nano", "\\-\\-nano" },
	{ "-j, --time-stamp-type TYPE", "\\-j" },
	{ "-y, --linktype TYPE", "\\-y" },
	{ "-D, --list-interfaces", "\\-D" },
	{ "-J, --list-time-stamp-types", "\\-J" },
	{ "-L, --list-data-link-types", "\\-L" },
	{ "-d ", "\\-d" },
	{ NULL, "\\-ddd" },
	{ "-O, --no-optimize", "\\-O" },
	{ "-F FILE", "\\-F" },
	{ "-C SIZE", "\\-C" },
	{ "-G SECS", "\\-G" },
	{ "-W COUNT", "\\-W" },
	{ "-Z, --relinquish-privileges USER", "\\-Z" },
	{ "--count", "\\-\\-count" },
	{ "-l ", "\\-l" },
	{ "-U, --packet-buffered", "\\-U" },
	{ "--version", "\\-\\-version" },
	{ "-h, --help", "\\-h" },
	{ "--format FMT", "\\-\\-format" },
	{ "--threads N", "\\-\\-threads" },
	{ "--fanout-mode MODE", "\\-\\-fanout\\-mode" },
	{ "--per-thread-files", "\\-\\-per\\-thread\\-files" },
	{ "--stats SECS", "\\-\\-stats" },
	{ "--no-stats", "\\-\\-no\\-stats" },
	{ "--json", "\\-\\-json" },
	{ "--print", "\\-\\-print" },
};

TEST(cli_help_lists_every_option)
{
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -h", rc_test_builddir()), 0);
	ASSERT_STR_CONTAINS(out, "usage: ringcap [-i IFACE ...]");
	ASSERT_STR_CONTAINS(out, "\n       ringcap -r FILE");
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (!options[i].help)
			continue;
		char line[64];
		snprintf(line, sizeof(line), "\n  %s", options[i].help);
		ASSERT_STR_CONTAINS(out, line);
	}
	/* -C names its files as tcpdump does: FILE, FILE1, FILE2, ... */
	ASSERT_STR_CONTAINS(out, "(-w FILE, FILE1, FILE2...)");
	/* Both standard streams are named as targets of "-". */
	ASSERT_STR_CONTAINS(out, "(\"-\" = stdin)");
	ASSERT_STR_CONTAINS(out, "(\"-\" = stdout)");
	free(out);
}

/* Is opt (roff) the first word of a .B/.BI/.BR line of man, or listed
 * after a quote on such a line, as a whole word? */
static int documents(const char *man, const char *opt)
{
	static const char *const before[] = { "\n.B ", "\n.BI ", "\n.BR ", "\" " };
	size_t n = strlen(opt);
	for (size_t k = 0; k < sizeof(before) / sizeof(before[0]); k++) {
		size_t m = strlen(before[k]);
		for (const char *p = man; (p = strstr(p, before[k])) != NULL; p += m) {
			const char *e = p + m + n;
			if (strncmp(p + m, opt, n) == 0 && strchr(" \n\",", *e))
				return 1;
		}
	}
	return 0;
}

TEST(cli_man_page_documents_every_option)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/docs/ringcap.1", rc_test_srcdir());
	char *man = rc_test_read_text(path);
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (!documents(man, options[i].man))
			fprintf(stderr, "docs/ringcap.1 does not document %s\n", options[i].man);
		ASSERT_INT_EQ(documents(man, options[i].man), 1);
	}
	free(man);
}

/* Add name[0..len) to set, a list ",a,b," sized cap. */
static void add_name(char *set, size_t cap, const char *name, size_t len)
{
	char item[80];
	snprintf(item, sizeof(item), ",%.*s,", (int)len, name);
	if (!strstr(set, item) && strlen(set) + len + 2 < cap)
		snprintf(set + strlen(set), cap - strlen(set), "%.*s,", (int)len, name);
}

/* The long options `ringcap -h` names in its option column (the first 38
 * characters of a line "  -x, --name ARG   help"), as ",name,...,". */
static void help_long_names(const char *help, char *set, size_t cap)
{
	snprintf(set, cap, ",");
	for (const char *line = help; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (strncmp(line, "  -", 3) != 0)
			continue;
		const char *end = strchr(line, '\n');
		size_t col = end && end - line < 38 ? (size_t)(end - line) : 38;
		for (const char *p = line; (p = strstr(p, "--")) && p < line + col; p += 2) {
			size_t n = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
			add_name(set, cap, p + 2, n);
		}
	}
}

/* The long options the man page names in roff ("\-\-time\-stamp\-type"). */
static void man_long_names(const char *man, char *set, size_t cap)
{
	snprintf(set, cap, ",");
	for (const char *p = man; (p = strstr(p, "\\-\\-")) != NULL;) {
		char name[80];
		size_t n = 0;
		for (p += 4; n + 1 < sizeof(name);) {
			if (*p >= 'a' && *p <= 'z')
				name[n++] = *p++;
			else if (n && strncmp(p, "\\-", 2) == 0 && p[2] >= 'a' && p[2] <= 'z') {
				name[n++] = '-';
				p += 2;
			} else
				break;
		}
		if (n)
			add_name(set, cap, name, n);
	}
}

/* How many names of set start with name[0..len). */
static int names_starting(const char *set, const char *name, size_t len)
{
	int k = 0;
	for (const char *p = set + 1; *p; p = strchr(p, ',') + 1)
		k += strncmp(p, name, len) == 0;
	return k;
}

/* Each name of set is in other, or with abbrev, shortens exactly one of
 * other's names (an example of a shortened option); "in what" names other. */
static void assert_names_in(const char *set, const char *other, int abbrev, const char *in_what)
{
	for (const char *p = set + 1; *p; p = strchr(p, ',') + 1) {
		char item[80];
		size_t n = strcspn(p, ",");
		snprintf(item, sizeof(item), ",%.*s,", (int)n, p);
		if (!strstr(other, item) && !(abbrev && names_starting(other, p, n) == 1))
			rc_test_fail(__FILE__, __LINE__, "--%.*s is missing from %s", (int)n, p, in_what);
	}
}

/* The man page names every long option of `ringcap -h`, aliases of
 * letters included, and no other (except shortened ones, as examples). */
TEST(cli_man_page_and_help_name_the_same_long_options)
{
	char *help = NULL, path[4096], h[2048], m[2048];
	ASSERT_INT_EQ(rc_test_sh(&help, "'%s/ringcap' -h", rc_test_builddir()), 0);
	snprintf(path, sizeof(path), "%s/docs/ringcap.1", rc_test_srcdir());
	char *man = rc_test_read_text(path);
	help_long_names(help, h, sizeof(h));
	man_long_names(man, m, sizeof(m));
	ASSERT_STR_CONTAINS(h, ",snapshot-length,"); /* the extraction works */
	assert_names_in(h, m, 0, "docs/ringcap.1");
	assert_names_in(m, h, 1, "ringcap -h");
	free(help);
	free(man);
}

TEST(cli_man_page_renders_without_warnings)
{
	rc_test_need_tool("man");
	char *out = NULL;
	/* --warnings: groff reports every problem on stderr; capture it. */
	ASSERT_INT_EQ(rc_test_sh(&out, "MANWIDTH=80 man --warnings -l '%s/docs/ringcap.1' 2>&1 >/dev/null",
				 rc_test_srcdir()),
		      0);
	ASSERT_STR_EQ(out, "");
	free(out);
}

/* tcpdump 4.99.3's long options (its longopts[] as built on Linux). */
static const char tcpdump_long_names[] =
	",absolute-tcp-sequence-numbers,buffer-size,count,direction,dont-verify-checksums,"
	"fp-type,help,immediate-mode,interface,linktype,list-data-link-types,list-interfaces,"
	"list-time-stamp-types,micro,monitor-mode,nano,no-optimize,no-promiscuous-mode,number,"
	"packet-buffered,print,relinquish-privileges,snapshot-length,time-stamp-precision,"
	"time-stamp-type,version,";

/* A prefix that names one of tcpdump's long options never names another
 * option in ringcap: it names the same one, or none - ringcap lacks it, or
 * the prefix also starts one of ringcap's own (--s: --snapshot-length,
 * --stats), an "ambiguous" error rather than another meaning.  A prefix
 * ambiguous for tcpdump may name one option here, where some of its
 * candidates are missing. */
TEST(cli_long_option_prefixes_never_change_meaning_from_tcpdump)
{
	char *help = NULL, h[2048];
	ASSERT_INT_EQ(rc_test_sh(&help, "'%s/ringcap' -h", rc_test_builddir()), 0);
	help_long_names(help, h, sizeof(h));
	for (const char *p = tcpdump_long_names + 1; *p; p = strchr(p, ',') + 1) {
		size_t n = strcspn(p, ",");
		char item[80];
		snprintf(item, sizeof(item), ",%.*s,", (int)n, p);
		int ours = strstr(h, item) != NULL;
		for (size_t len = 1; len <= n; len++) {
			if (names_starting(tcpdump_long_names, p, len) != 1)
				continue;
			snprintf(item, sizeof(item), ",%.*s,", (int)len, p);
			int exact = strstr(h, item) != NULL;
			if (exact ? len != n : !ours && names_starting(h, p, len) == 1)
				rc_test_fail(__FILE__, __LINE__, "--%.*s names --%.*s in tcpdump, not in ringcap",
					     (int)len, p, (int)n, p);
		}
	}
	free(help);
}

/*
 * test_cli_help.c - `ringcap -h` and docs/ringcap.1 cover every option of
 * the command (issue 7's list), and the man page renders without warnings.
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
	{ "-e ", "\\-e" },
	{ "-x ", "\\-x" },
	{ NULL, "\\-xx" },
	{ "-X ", "\\-X" },
	{ NULL, "\\-XX" },
	{ "-v ", "\\-v" },
	{ NULL, "\\-vvv" },
	{ "-q ", "\\-q" },
	{ "-S ", "\\-S" },
	{ "-t ", "\\-t" },
	{ NULL, "\\-ttttt" },
	{ "--time-stamp-precision P", "\\-\\-time\\-stamp\\-precision" },
	{ "-j, --time-stamp-type TYPE", "\\-j" },
	{ "-y TYPE", "\\-y" },
	{ "-D, --list-interfaces", "\\-D" },
	{ "-L, --list-data-link-types", "\\-L" },
	{ "-d ", "\\-d" },
	{ NULL, "\\-ddd" },
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
	ASSERT_STR_CONTAINS(out, "usage: ringcap -i IFACE");
	ASSERT_STR_CONTAINS(out, "\n       ringcap -r FILE");
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (!options[i].help)
			continue;
		char line[64];
		snprintf(line, sizeof(line), "\n  %s", options[i].help);
		ASSERT_STR_CONTAINS(out, line);
	}
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

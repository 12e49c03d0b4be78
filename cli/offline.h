/*
 * offline.h - the CLI's file mode: read captures, filter, then print,
 * count or write the matching packets.
 */
#ifndef RC_CLI_OFFLINE_H
#define RC_CLI_OFFLINE_H

#include <stdio.h>

#include "options.h"
#include "ringcap/file.h"

/* Exit codes of the ringcap program. */
enum rc__exit_code {
	RC_EXIT_OK = 0,
	RC_EXIT_ERROR = 1, /* unreadable or damaged input, bad filter, write error */
	RC_EXIT_USAGE = 2, /* bad command line */
};

/* Run -r mode as o says (rc__cli_check has passed); messages go to
 * stderr.  Returns an exit code. */
int rc__run_offline(const struct rc__cli_opts *o);

/*
 * rc__filter_error - print a compile error like
 *     ringcap: bad filter expression: <message>
 *       tcp port 99999
 *                ^
 * with the caret under the column named by "column N" in msg, if any (a
 * byte column: the caret line repeats the expression's tabs and counts a
 * UTF-8 character once, so the caret lines up on a terminal).
 */
void rc__filter_error(FILE *out, const char *expr, const char *msg);

/* tcpdump's "reading from file PATH, link-type ..., snapshot length N" on
 * stderr, and its warning for LINUX_SLL2 files; -r and -d -r print it. */
void rc__print_reading(rc_reader *r, const char *path);

#endif

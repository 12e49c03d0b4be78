/*
 * dump.h - the CLI's -d, -dd and -ddd: print the program a filter
 * expression compiles to, and exit.
 */
#ifndef RC_CLI_DUMP_H
#define RC_CLI_DUMP_H

#include "options.h"

/* Print o's filter program in -d style o->dump_style (dump.c says what it
 * is compiled for); messages go to stderr.  Returns an exit code (enum
 * rc__exit_code in offline.h). */
int rc__run_dump(const struct rc__cli_opts *o);

#endif

/*
 * main.c - the ringcap program: parse the command line, then run the
 * device listings or live capture (live.c: -D, -L, -i), print a filter
 * program (dump.c: -d) or run the file mode (offline.c: -r).
 */
#include <stdio.h>
#include <string.h>

#include "dump.h"
#include "live.h"
#include "offline.h"
#include "options.h"
#include "outbuf.h"

/*
 * Without -i, a capture (no -r) and -L / -J use the device tcpdump would
 * pick (rc__live_default_device), as if given with -i; -d without -i
 * keeps the link type of -y (Ethernet, with a warning, without it).
 */
static int default_iface(struct rc__cli_opts *o)
{
	struct rc__live_opts *lo = &o->live;
	if (lo->nifaces || lo->list_devices || o->ninputs ||
	    (o->dump_style && !lo->list_linktypes && !lo->list_tstamp_types))
		return RC_EXIT_OK;
	int code = rc__live_default_device(lo->default_iface, sizeof(lo->default_iface));
	if (code == RC_EXIT_OK)
		lo->ifaces[lo->nifaces++] = lo->default_iface;
	return code;
}

/* Run what the parsed command line asks for; returns the exit code. */
static int run(struct rc__cli_opts *o)
{
	char err[256];
	if (o->show_help) {
		rc__cli_usage(stdout);
		return RC_EXIT_OK;
	}
	if (o->show_version) {
		printf("ringcap version %s\n", RC_VERSION);
		return RC_EXIT_OK;
	}
	if (rc__cli_check(o, err, sizeof(err)) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		return RC_EXIT_USAGE;
	}
	/* tcpdump 4.99.3 filters with -F's file and silently drops the words
	 * (`tcpdump -F f -d udp` prints f's program); so does ringcap, but
	 * says which words it drops. */
	if (o->filter_file && o->filter_expr)
		fprintf(stderr, "ringcap: warning: -F %s given: ignoring the expression \"%s\"\n",
			o->filter_file, o->filter_expr);
	int code = default_iface(o);
	if (code != RC_EXIT_OK)
		return code;
	/* tcpdump's order: the listings, then -d (even with -i), then capture. */
	if (o->live.list_devices || o->live.list_tstamp_types || o->live.list_linktypes)
		return rc__run_live(o);
	if (o->dump_style)
		return rc__run_dump(o);
	if (o->live.nifaces)
		return rc__run_live(o);
	return rc__run_offline(o);
}

int main(int argc, char **argv)
{
	struct rc__cli_opts o;
	char err[256];
	int code;

	if (rc__cli_parse(argc, argv, &o, err, sizeof(err)) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		rc__cli_short_usage(stderr);
		code = RC_EXIT_USAGE;
	} else {
		code = run(&o);
	}
	rc__cli_opts_free(&o);
	return rc__ob_stdio_done(code);
}

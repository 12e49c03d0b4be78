/*
 * main.c - the ringcap program: parse the command line, then run live
 * capture or the device listings (live.c: -i, -D, -L) or the file mode
 * (offline.c: -r, -d).
 */
#include <stdio.h>
#include <string.h>

#include "live.h"
#include "offline.h"
#include "options.h"
#include "outbuf.h"

static int run(int argc, char **argv)
{
	struct rc__cli_opts o;
	char err[256];

	if (rc__cli_parse(argc, argv, &o, err, sizeof(err)) < 0) {
		fprintf(stderr, "ringcap: %s\n", err);
		rc__cli_usage(stderr);
		rc__cli_opts_free(&o);
		return RC_EXIT_USAGE;
	}
	if (o.show_help) {
		rc__cli_usage(stdout);
		rc__cli_opts_free(&o);
		return RC_EXIT_OK;
	}
	if (o.show_version) {
		printf("ringcap version %s\n", RC_VERSION);
		rc__cli_opts_free(&o);
		return RC_EXIT_OK;
	}
	if (o.live.nifaces || o.live.list_devices || o.live.list_linktypes) {
		int live_code = rc__run_live(&o);
		rc__cli_opts_free(&o);
		return live_code;
	}
	if (o.ninputs == 0 && !o.dump_style) {
		fprintf(stderr, "ringcap: no input: give -r FILE or -i IFACE\n");
		rc__cli_usage(stderr);
		rc__cli_opts_free(&o);
		return RC_EXIT_USAGE;
	}
	int code = rc__run_offline(&o);
	rc__cli_opts_free(&o);
	return code;
}

int main(int argc, char **argv)
{
	return rc__ob_stdio_done(run(argc, argv));
}

/*
 * options.h - command-line options of the ringcap CLI.
 *
 * Options are described by const tables (struct rc__optdef): each entry has
 * a short and/or long name, whether it takes an argument, and a handler that
 * stores into struct rc__cli_opts.  The file-mode options live in
 * options.c; live-capture options (-i, -s, -p, -Q, -B, --immediate-mode,
 * --threads, --stats, -G/-C/-W, -Z, --json, ...) in options_live.c with
 * their own table, listed in rc__opt_tables[] in options.c, and their own
 * fields below.  File mode refuses the ones a file cannot honour
 * (rc__optdef.live_only, rc__cli_check).
 */
#ifndef RC_CLI_OPTIONS_H
#define RC_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "print.h"

#define RC_CLI_MAX_INPUTS 64

/* Live-capture options (cli/options_live.c; used by cli/live*.c). */
#define RC_CLI_MAX_IFACES 16
struct rc__live_opts {
	const char *ifaces[RC_CLI_MAX_IFACES]; /* -i, in order */
	size_t nifaces;
	long snaplen_bytes;      /* -s; 0 = default */
	int no_promisc;          /* -p */
	int direction;           /* -Q: enum rc_capture_direction */
	long ring_kib;           /* -B; 0 = default */
	int immediate;           /* --immediate-mode */
	int tstamp_type;         /* -j: 0 default, 1 host, 2 adapter_unsynced */
	int list_devices;        /* -D */
	int list_linktypes;      /* -L */
	int list_tstamp_types;   /* -J */
	long rotate_mb;          /* -C (millions of bytes) */
	long rotate_secs;        /* -G */
	long file_count;         /* -W */
	const char *drop_user;   /* -Z */
	int keep_net_raw;        /* --keep-cap-net-raw (with -Z) */
	int line_buffered;       /* -l */
	int packet_buffered;     /* -U */
	int threads;             /* --threads; 0 = 1 */
	int fanout_mode;         /* --fanout-mode: enum rc_fanout_mode */
	int per_thread_files;    /* --per-thread-files */
	long stats_secs;         /* --stats; 0 = default (see live.c), -1 = off */
	int json;                /* --json */
	int print_too;           /* --print */
	char default_iface[32];  /* ifaces[0] when no -i was given (main.c) */
};

struct rc__cli_opts {
	const char *inputs[RC_CLI_MAX_INPUTS]; /* -r, in order; "-" = stdin */
	size_t ninputs;
	const char *write_path;  /* -w */
	int write_format;        /* 0 = by extension, else enum rc_file_format */
	long count_limit;        /* -c; 0 = no limit */
	int count_only;          /* --count */
	int nflag;               /* -n count (names are never resolved anyway) */
	int fflag;               /* -f: no effect here, but refused with -r as by tcpdump */
	int dump_style;          /* -d count: 1..3 */
	int dump_linktype;       /* -y; -1 = the file's */
	int no_optimize;         /* -O: compile filters without the optimizer */
	const char *filter_file; /* -F */
	char *filter_expr;       /* the words that are not options, joined by spaces
	                          * (malloc'ed); NULL if none; unused with -F */
	int ts_precision_set;    /* --time-stamp-precision given (print.ts_nano says which) */
	int show_version;
	int show_help;
	/* The first live-only option given (rc__optdef.live_only), named as on
	 * the command line: "-B", "--buffer-size" (also for "--buff"); "" if
	 * none. */
	char live_only_opt[32];
	struct rc__print_opts print;
	struct rc__live_opts live; /* options_live.c */
};

typedef int (*rc__opt_handler)(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen);

struct rc__optdef {
	char short_name;        /* 0 if none */
	const char *long_name;  /* NULL if none */
	int takes_arg;
	rc__opt_handler handler;
	const char *help;       /* one line for -h; NULL hides the option */
	const char *arg_name;
	int live_only;          /* refused where nothing is captured: -r, -d without -i */
};

/* The live-capture option table (options_live.c). */
#define RC_CLI_LIVE_OPTDEFS_COUNT 24 /* entries in rc__live_optdefs */
extern const struct rc__optdef rc__live_optdefs[RC_CLI_LIVE_OPTDEFS_COUNT];

/*
 * rc__cli_parse - parse argv into o (initialised here) as tcpdump's
 * getopt_long does.  Short options may be combined ("-nnvv", "-c5",
 * "-rFILE"); long options take "--opt=ARG" or "--opt ARG" and may be
 * shortened to any prefix that names one option ("--coun"; an exact name
 * wins).  Options may come anywhere: the other words, in order, form the
 * filter expression ("-" is a word); after "--" every word is.  With
 * POSIXLY_CORRECT in the environment the first word ends the options, as
 * it does for tcpdump.  Returns 0, or -1 with a message in err (usage
 * error).
 */
int rc__cli_parse(int argc, char **argv, struct rc__cli_opts *o, char *err, size_t errlen);
/*
 * rc__cli_check - refuse what the parsed command line asks for but no mode
 * would do: a live-only option where nothing is captured (-r, or -d
 * without -i), -L or -J with -r but no -i, -y when reading files without
 * -d, --json where no packet is printed.  Returns 0, or -1 with a one-line message in err (exit 2).
 */
int rc__cli_check(const struct rc__cli_opts *o, char *err, size_t errlen);
void rc__cli_opts_free(struct rc__cli_opts *o);

/* -F FILE's expression (malloc'ed; the caller frees it): at most 1 MiB;
 * '#' starts a comment to the end of the line and line ends become
 * blanks, as in tcpdump.  NULL after printing why to stderr. */
char *rc__cli_read_filter_file(const char *path);

/* The output format a -w name asks for without --format: pcapng for a
 * name ending in .pcapng, else pcap (enum rc_file_format). */
int rc__cli_format_of_name(const char *path);
/* Print the option summary for -h. */
void rc__cli_usage(FILE *out);
/* The one line after a usage error's message: the command's shape and
 * where the options are (tcpdump prints its short usage there too). */
void rc__cli_short_usage(FILE *out);

#endif

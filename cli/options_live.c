/*
 * options_live.c - the live-capture options of the CLI (tcpdump's letters
 * and meanings; see options.h for the table format and docs/ringcap.1).
 *
 * Handlers only check the shape of each value; whether the combination
 * makes sense is checked once the whole command line is known: options
 * that file mode cannot honour (live_only in the table below) by
 * rc__cli_check() in options.c, the ones that need each other (-C without
 * -w, --per-thread-files without --threads, ...) by check_options() in
 * live.c.
 */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ringcap/capture.h"

/* A decimal number in [lo, hi]; -1 with a message naming the option. */
static int parse_long(const char *arg, long lo, long hi, const char *what, long *out, char *err,
		      size_t errlen)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi) {
		snprintf(err, errlen, "invalid %s '%s' (expected %ld..%ld)", what, arg, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int opt_iface(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (o->live.nifaces >= RC_CLI_MAX_IFACES) {
		snprintf(err, errlen, "too many -i interfaces (at most %d)", RC_CLI_MAX_IFACES);
		return -1;
	}
	if (!*arg) {
		snprintf(err, errlen, "empty interface name for -i");
		return -1;
	}
	o->live.ifaces[o->live.nifaces++] = arg;
	return 0;
}

static int opt_snaplen(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	/* tcpdump: -s 0 means the default (262144). */
	return parse_long(arg, 0, RC_CAPTURE_DEFAULT_SNAPLEN, "snapshot length", &o->live.snaplen_bytes,
			  err, errlen);
}

static int opt_direction(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (strcmp(arg, "in") == 0)
		o->live.direction = RC_CAPTURE_IN;
	else if (strcmp(arg, "out") == 0)
		o->live.direction = RC_CAPTURE_OUT;
	else if (strcmp(arg, "inout") == 0)
		o->live.direction = RC_CAPTURE_BOTH;
	else {
		snprintf(err, errlen, "invalid -Q direction '%s' (expected in, out or inout)", arg);
		return -1;
	}
	return 0;
}

static int opt_ring(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	/* capture.h accepts 64 KiB .. 64 GiB. */
	return parse_long(arg, 64, 64L * 1024 * 1024, "buffer size in KiB for -B", &o->live.ring_kib,
			  err, errlen);
}

static int opt_tstamp(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	/*
	 * libpcap's names: "host" is the kernel's software stamp;
	 * "adapter_unsynced" the NIC's raw clock (SOF_TIMESTAMPING_RAW_HARDWARE).
	 * "adapter" (NIC clock converted to system time) relied on
	 * SOF_TIMESTAMPING_SYS_HARDWARE, which Linux removed in 3.17.
	 */
	if (strcmp(arg, "host") == 0)
		o->live.tstamp_type = 1;
	else if (strcmp(arg, "adapter_unsynced") == 0)
		o->live.tstamp_type = 2;
	else if (strcmp(arg, "adapter") == 0) {
		snprintf(err, errlen,
			 "time stamp type 'adapter' is not supported on Linux (the kernel removed "
			 "SYS_HARDWARE stamps); use 'adapter_unsynced' or 'host'");
		return -1;
	} else {
		snprintf(err, errlen,
			 "unknown time stamp type '%s' (expected host or adapter_unsynced)", arg);
		return -1;
	}
	return 0;
}

static int opt_rotate_size(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	return parse_long(arg, 1, 1000000, "file size in MB for -C", &o->live.rotate_mb, err, errlen);
}

static int opt_rotate_secs(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	return parse_long(arg, 1, INT_MAX, "rotation interval in seconds for -G",
			  &o->live.rotate_secs, err, errlen);
}

static int opt_file_count(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	return parse_long(arg, 1, 1000000, "file count for -W", &o->live.file_count, err, errlen);
}

static int opt_user(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	if (!*arg) {
		snprintf(err, errlen, "empty user name for -Z");
		return -1;
	}
	o->live.drop_user = arg;
	return 0;
}

static int opt_threads(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	long v;
	if (parse_long(arg, 1, 64, "thread count for --threads", &v, err, errlen) < 0)
		return -1;
	o->live.threads = (int)v;
	return 0;
}

static int opt_fanout_mode(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	static const struct {
		const char *name;
		int mode;
	} modes[] = {
		{ "hash", RC_FANOUT_HASH }, { "lb", RC_FANOUT_LB },   { "cpu", RC_FANOUT_CPU },
		{ "rollover", RC_FANOUT_ROLLOVER }, { "random", RC_FANOUT_RND }, { "qm", RC_FANOUT_QM },
	};
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(arg, modes[i].name) == 0) {
			o->live.fanout_mode = modes[i].mode;
			return 0;
		}
	snprintf(err, errlen, "unknown --fanout-mode '%s' (hash, lb, cpu, rollover, random or qm)", arg);
	return -1;
}

static int opt_stats(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen)
{
	long v;
	if (parse_long(arg, 0, 86400, "--stats interval in seconds (0 = off)", &v, err, errlen) < 0)
		return -1;
	o->live.stats_secs = v == 0 ? -1 : v;
	return 0;
}

#define LIVE_FLAG(name, stmt)                                                            \
	static int name(struct rc__cli_opts *o, const char *arg, char *err, size_t errlen) \
	{                                                                                \
		(void)arg;                                                               \
		(void)err;                                                               \
		(void)errlen;                                                            \
		stmt;                                                                    \
		return 0;                                                                \
	}

LIVE_FLAG(opt_no_promisc, o->live.no_promisc = 1)
LIVE_FLAG(opt_immediate, o->live.immediate = 1)
LIVE_FLAG(opt_list_devices, o->live.list_devices = 1)
LIVE_FLAG(opt_list_linktypes, o->live.list_linktypes = 1)
LIVE_FLAG(opt_list_tstamp_types, o->live.list_tstamp_types = 1)
LIVE_FLAG(opt_line_buffered, o->live.line_buffered = 1)
LIVE_FLAG(opt_packet_buffered, o->live.packet_buffered = 1)
LIVE_FLAG(opt_per_thread_files, o->live.per_thread_files = 1)
LIVE_FLAG(opt_json, o->live.json = 1)
LIVE_FLAG(opt_print, o->live.print_too = 1)
LIVE_FLAG(opt_no_stats, o->live.stats_secs = -1)
LIVE_FLAG(opt_keep_net_raw, o->live.keep_net_raw = 1)

const struct rc__optdef rc__live_optdefs[RC_CLI_LIVE_OPTDEFS_COUNT] = {
	{ 'i', "interface", 1, opt_iface, "capture on IFACE (\"any\" = all); repeatable", "IFACE", 0 },
	{ 's', "snapshot-length", 1, opt_snaplen, "bytes kept of each packet (0 = 262144)", "N", 0 },
	{ 'p', "no-promiscuous-mode", 0, opt_no_promisc, "do not put the interface in promiscuous mode", NULL, 1 },
	{ 'Q', "direction", 1, opt_direction, "capture direction: in, out or inout", "DIR", 1 },
	{ 'B', "buffer-size", 1, opt_ring, "kernel ring size in KiB (default 16384)", "KiB", 1 },
	{ 0, "immediate-mode", 0, opt_immediate, "deliver each packet at once (lowest latency)", NULL, 1 },
	{ 'j', "time-stamp-type", 1, opt_tstamp, "host or adapter_unsynced (NIC clock)", "TYPE", 1 },
	{ 'D', "list-interfaces", 0, opt_list_devices, "list the capture interfaces and exit", NULL, 0 },
	{ 'L', "list-data-link-types", 0, opt_list_linktypes, "list the link types of -i IFACE (or the default) and exit", NULL, 0 },
	{ 'J', "list-time-stamp-types", 0, opt_list_tstamp_types, "list the time stamp types of -i IFACE (or the default) and exit", NULL, 0 },
	{ 'C', NULL, 1, opt_rotate_size, "new output file after SIZE million bytes (-w FILE, FILE1, FILE2...)", "SIZE", 1 },
	{ 'G', NULL, 1, opt_rotate_secs, "new output file every SECS seconds (strftime in -w name)", "SECS", 1 },
	{ 'W', NULL, 1, opt_file_count, "with -C: ring of COUNT files; with -G: stop after COUNT", "COUNT", 1 },
	{ 'Z', "relinquish-privileges", 1, opt_user, "drop root to USER after opening the capture", "USER", 1 },
	{ 0, "keep-cap-net-raw", 0, opt_keep_net_raw, "with -Z: keep CAP_NET_RAW (only it) as USER", NULL, 1 },
	{ 'l', NULL, 0, opt_line_buffered, "line-buffered standard output", NULL, 0 },
	{ 'U', "packet-buffered", 0, opt_packet_buffered, "flush the output file after each packet", NULL, 0 },
	{ 0, "threads", 1, opt_threads, "capture with N fanout threads, one per CPU", "N", 1 },
	{ 0, "fanout-mode", 1, opt_fanout_mode, "hash (default), lb, cpu, rollover, random, qm", "MODE", 1 },
	{ 0, "per-thread-files", 0, opt_per_thread_files, "with --threads and -w: one file per thread", NULL, 1 },
	{ 0, "stats", 1, opt_stats, "live statistics on stderr every SECS seconds (0 = off)", "SECS", 1 },
	{ 0, "no-stats", 0, opt_no_stats, "no live statistics line", NULL, 1 },
	{ 0, "json", 0, opt_json, "print one JSON object per packet", NULL, 0 },
	{ 0, "print", 0, opt_print, "with -w: also print the packets", NULL, 1 },
};

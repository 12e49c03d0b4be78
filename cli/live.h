/*
 * live.h - the CLI's live capture mode (-i) and the device listings
 * (-D, -L).  See docs/ringcap.1 for the options.
 */
#ifndef RC_CLI_LIVE_H
#define RC_CLI_LIVE_H

#include <stddef.h>

#include "options.h"

/* Run -i / -D / -L as o says; messages go to stderr.  Returns an exit code
 * (enum rc__exit_code in offline.h). */
int rc__run_live(const struct rc__cli_opts *o);

/* -D: tcpdump's "1.eth0 [Up, Running, Connected]" lines (live_devices.c). */
int rc__live_list_devices(const struct rc__cli_opts *o);
/* -J: the time stamp types -j accepts for each -i device. */
int rc__live_list_tstamp_types(const struct rc__cli_opts *o);
/* -L: the link types a capture on each -i device can deliver. */
int rc__live_list_linktypes(const struct rc__cli_opts *o);
/* The device to capture on without -i, as tcpdump picks it, into
 * name[0..len) (live_devices.c); an exit code, after saying why on
 * failure. */
int rc__live_default_device(char *name, size_t len);
/* "no such device" message listing the valid names (live_devices.c). */
void rc__live_no_such_device(const char *name);

#endif

/*
 * stats_line.h - the CLI's capture statistics: the --stats line on stderr
 * and tcpdump's closing counts.
 *
 * Pure formatting: the caller samples the counters (capture stats, the
 * writer pipeline's drops, the output file size) and passes two samples.
 */
#ifndef RC_CLI_STATS_LINE_H
#define RC_CLI_STATS_LINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct rc__stats_sample {
	uint64_t mono_nsec;        /* CLOCK_MONOTONIC when sampled */
	uint64_t captured;         /* packets handed to the output */
	uint64_t captured_bytes;   /* their wire lengths */
	uint64_t received;         /* kernel: accepted by the filter */
	uint64_t kernel_dropped;   /* kernel: no room in the ring */
	uint64_t ringcap_dropped;  /* no free buffer towards the writer */
	uint64_t file_bytes;       /* current output file size, 0 if none */
};

/*
 * One status line from the change between prev and now, e.g.
 *   "1523 pkts/s 1.9 MB/s | captured 15230 | dropped: kernel 0, ringcap 0 | file 12.4 MB"
 * into buf (always NUL-terminated); returns its length.
 */
size_t rc__stats_line_format(char *buf, size_t len, const struct rc__stats_sample *prev,
			     const struct rc__stats_sample *now, int have_file);

/*
 * tcpdump's closing lines, with its singular/plural:
 *   "N packet(s) captured", "N packet(s) received by filter",
 *   "N packet(s) dropped by kernel", and, only if non-zero,
 *   "N packet(s) dropped by ringcap" (the writer could not keep up).
 */
void rc__stats_final(FILE *out, uint64_t captured, uint64_t received, uint64_t kernel_dropped,
		     uint64_t ringcap_dropped);

#endif

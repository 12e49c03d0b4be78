/*
 * stats_line.c - formatting of the --stats line and of the closing counts
 * (see stats_line.h).
 */
#include "stats_line.h"

#include <inttypes.h>

/* "12.4 MB" style, decimal units as network tools use for rates. */
static void human(char *buf, size_t len, double v, const char *unit)
{
	static const char *const pfx[] = { "", "k", "M", "G", "T" };
	size_t i = 0;
	while (v >= 1000.0 && i + 1 < sizeof(pfx) / sizeof(pfx[0])) {
		v /= 1000.0;
		i++;
	}
	snprintf(buf, len, i ? "%.1f %s%s" : "%.0f %s%s", v, pfx[i], unit);
}

size_t rc__stats_line_format(char *buf, size_t len, const struct rc__stats_sample *prev,
			     const struct rc__stats_sample *now, int have_file)
{
	double secs = now->mono_nsec > prev->mono_nsec
			      ? (double)(now->mono_nsec - prev->mono_nsec) / 1e9
			      : 0.0;
	double pps = 0, bps = 0;
	if (secs > 0) {
		pps = (double)(now->captured - prev->captured) / secs;
		bps = (double)(now->captured_bytes - prev->captured_bytes) / secs;
	}
	char rate[32], file[32];
	human(rate, sizeof(rate), bps, "B/s");
	human(file, sizeof(file), (double)now->file_bytes, "B");
	int n = snprintf(buf, len,
			 "%.0f pkts/s %s | captured %" PRIu64 " | dropped: kernel %" PRIu64
			 ", ringcap %" PRIu64 "%s%s",
			 pps, rate, now->captured, now->kernel_dropped, now->ringcap_dropped,
			 have_file ? " | file " : "", have_file ? file : "");
	if (n < 0)
		n = 0;
	if (len && (size_t)n >= len)
		n = (int)len - 1;
	return (size_t)n;
}

static void count_line(FILE *out, uint64_t n, const char *what)
{
	fprintf(out, "%" PRIu64 " packet%s %s\n", n, n == 1 ? "" : "s", what);
}

void rc__stats_final(FILE *out, uint64_t captured, uint64_t received, uint64_t kernel_dropped,
		     uint64_t ringcap_dropped)
{
	count_line(out, captured, "captured");
	count_line(out, received, "received by filter");
	count_line(out, kernel_dropped, "dropped by kernel");
	if (ringcap_dropped)
		count_line(out, ringcap_dropped, "dropped by ringcap");
	fflush(out);
}

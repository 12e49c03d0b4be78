/*
 * dump_prog.c - drives libpcap's dumper (pcap_dump_*) for
 * tests/test_compat_dump.c.  Built once against Debian's <pcap/pcap.h> and
 * -lpcap, run on the system library and on ringcap's (LD_LIBRARY_PATH):
 * the files it writes must be byte-identical and its output equal.  It
 * also checks, on either library, what a caller can observe without
 * flushing: pcap_dump_ftell(64) after every record, the file size after
 * pcap_dump_flush(), the order of the caller's own writes after
 * pcap_dump_file(), pcap_dump_flush() on a full device, and how much a
 * pipe reader may wait for.  Each failed check prints a FAIL line; the
 * last line is "dump done failures=N".  The report goes to a copy of
 * descriptor 1, so that stdout is free for pcap_dump_open(p, "-").
 *
 *   dump_prog DIR          every scenario, files into DIR
 *   dump_prog gen FILE N   N records of 60..1514 bytes (tcpdump -C input)
 */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
static FILE *report;
static const char *dir;
static u_char *pkt; /* MAXIMUM_SNAPLEN bytes of packet data */

#define SNAPLEN 262144
#define FILE_HDR 24
#define REC_HDR 16

#define CHECK(cond, ...)                                   \
	do {                                               \
		if (!(cond)) {                             \
			fprintf(report, "FAIL line %d: ", __LINE__); \
			fprintf(report, __VA_ARGS__);     \
			fprintf(report, "\n");            \
			failures++;                        \
		}                                          \
	} while (0)

static const char *path(const char *name)
{
	static char buf[4][1024];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

/*
 * Caplen of record i: mostly small (0..1599, including empty records),
 * with records around ringcap's 64 KiB buffer (exactly filling it, one
 * byte more) and up to the snap length mixed in.
 */
static bpf_u_int32 caplen_of(unsigned i, bpf_u_int32 max)
{
	static const bpf_u_int32 big[] = { 65536 - REC_HDR, 65536 - REC_HDR + 1, 70000,
					   SNAPLEN, 100000, 4096 - REC_HDR, 4097 };
	bpf_u_int32 c;

	if (i % 53 == 7)
		c = big[(i / 53) % (sizeof(big) / sizeof(big[0]))];
	else
		c = (i * 2654435761u >> 7) % 1600;
	return c < max ? c : max;
}

static void hdr_of(unsigned i, bpf_u_int32 max, struct pcap_pkthdr *h)
{
	h->ts.tv_sec = 1700000000 + (time_t)i;
	h->ts.tv_usec = (suseconds_t)((i * 7919u) % 1000000u);
	h->caplen = caplen_of(i, max);
	h->len = h->caplen + i % 3;
	/* the data differs per record, so a record written twice or out of
	 * order shows in the comparison */
	for (bpf_u_int32 k = 0; k < h->caplen && k < 64; k++)
		pkt[k] = (u_char)(i + k);
}

/* Dump records first..last-1, checking ftell/ftell64 against *expect
 * (advanced by each record) after every one; *expect < 0: no checks. */
static void dump_range(pcap_dumper_t *d, unsigned first, unsigned last, bpf_u_int32 max,
		       int64_t *expect, const char *what)
{
	int bad = 0;

	for (unsigned i = first; i < last; i++) {
		struct pcap_pkthdr h;
		hdr_of(i, max, &h);
		pcap_dump((u_char *)d, &h, pkt);
		if (*expect < 0)
			continue;
		*expect += REC_HDR + h.caplen;
		long t = pcap_dump_ftell(d);
		int64_t t64 = pcap_dump_ftell64(d);
		if ((t != *expect || t64 != *expect) && bad++ < 3)
			CHECK(0, "%s: after record %u ftell %ld ftell64 %lld, want %lld", what, i, t,
			      (long long)t64, (long long)*expect);
	}
}

static long long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long long)st.st_size : -1;
}

static pcap_t *dead(int precision)
{
	return pcap_open_dead_with_tstamp_precision(DLT_EN10MB, SNAPLEN, (u_int)precision);
}

/* pcap_dump_open, then pcap_dump_open_append on the same file. */
static void open_and_append(int precision, const char *name)
{
	pcap_t *p = dead(precision);
	pcap_dumper_t *d = pcap_dump_open(p, path(name));
	int64_t expect = FILE_HDR;

	CHECK(d != NULL, "pcap_dump_open %s: %s", name, pcap_geterr(p));
	if (!d)
		return;
	CHECK(pcap_dump_ftell64(d) == FILE_HDR, "%s: ftell64 after open", name);
	dump_range(d, 0, 700, SNAPLEN, &expect, name);
	CHECK(pcap_dump_flush(d) == 0, "%s: pcap_dump_flush", name);
	CHECK(file_size(path(name)) == expect, "%s: size after flush %lld, want %lld", name,
	      file_size(path(name)), (long long)expect);
	dump_range(d, 700, 760, SNAPLEN, &expect, name);
	pcap_dump_close(d);
	CHECK(file_size(path(name)) == expect, "%s: size after close", name);

	d = pcap_dump_open_append(p, path(name));
	CHECK(d != NULL, "pcap_dump_open_append %s: %s", name, pcap_geterr(p));
	if (d) {
		CHECK(pcap_dump_ftell64(d) == expect, "%s: ftell64 after append open", name);
		dump_range(d, 760, 1100, SNAPLEN, &expect, name);
		CHECK(pcap_dump_flush(d) == 0, "%s: pcap_dump_flush after append", name);
		CHECK(file_size(path(name)) == expect, "%s: size after append flush", name);
		pcap_dump_close(d);
	}
	pcap_close(p);
	fprintf(report, "%s: %lld bytes\n", name, (long long)expect);
}

/* pcap_dump_open_append on a missing and on an empty file, small snaplen. */
static void append_new(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 1500);
	int64_t expect = FILE_HDR;
	pcap_dumper_t *d;

	unlink(path("append_new.pcap"));
	d = pcap_dump_open_append(p, path("append_new.pcap"));
	CHECK(d != NULL, "append to a missing file");
	if (d) {
		dump_range(d, 0, 300, 1500, &expect, "append_new");
		pcap_dump_close(d);
	}
	close(open(path("append_empty.pcap"), O_WRONLY | O_CREAT | O_TRUNC, 0644));
	expect = FILE_HDR;
	d = pcap_dump_open_append(p, path("append_empty.pcap"));
	CHECK(d != NULL, "append to an empty file");
	if (d) {
		dump_range(d, 300, 600, 1500, &expect, "append_empty");
		pcap_dump_close(d);
	}
	CHECK(file_size(path("append_empty.pcap")) == expect, "append_empty: size after close");
	pcap_close(p);
}

/*
 * The caller writes to the dumper's stream through pcap_dump_file(): those
 * bytes must follow the records dumped so far.  With pcap_dump_fopen the
 * caller also wrote to the stream before handing it over.
 */
static void caller_writes(int precision, const char *name, int use_fopen)
{
	static const char prefix[] = "caller-prefix\n", middle[] = "caller-bytes-in-the-middle";
	pcap_t *p = dead(precision);
	int64_t expect = FILE_HDR, at;
	pcap_dumper_t *d;
	FILE *fp = NULL;

	if (use_fopen) {
		fp = fopen(path(name), "wb");
		fputs(prefix, fp);
		expect += (int64_t)strlen(prefix);
		d = pcap_dump_fopen(p, fp);
	} else {
		d = pcap_dump_open(p, path(name));
	}
	CHECK(d != NULL, "%s: %s", name, pcap_geterr(p));
	if (!d)
		return;
	dump_range(d, 0, 400, SNAPLEN, &expect, name);
	at = expect;
	CHECK(!use_fopen || pcap_dump_file(d) == fp, "%s: pcap_dump_file is the stream", name);
	CHECK(fwrite(middle, strlen(middle), 1, pcap_dump_file(d)) == 1, "%s: caller fwrite", name);
	expect += (int64_t)strlen(middle);
	dump_range(d, 400, 800, SNAPLEN, &expect, name);
	pcap_dump_close(d);
	pcap_close(p);

	char got[sizeof(middle)] = "";
	fp = fopen(path(name), "rb");
	CHECK(fp && fseeko(fp, at, SEEK_SET) == 0 && fread(got, strlen(middle), 1, fp) == 1 &&
		      memcmp(got, middle, strlen(middle)) == 0,
	      "%s: the caller's bytes are not at offset %lld", name, (long long)at);
	if (fp)
		fclose(fp);
	CHECK(file_size(path(name)) == expect, "%s: size after close", name);
	fprintf(report, "%s: %lld bytes, caller's bytes at %lld\n", name, (long long)expect,
		(long long)at);
}

/*
 * In libpcap the dumper is the FILE itself, so a caller of pcap_dump_fopen
 * may clean up with fclose() alone: every record must be in the file.
 * (The dumper is then left unfreed, which is nothing in libpcap.)
 */
static void fopen_then_fclose(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 1500);
	FILE *fp = fopen(path("fclose.pcap"), "wb");
	pcap_dumper_t *d = fp ? pcap_dump_fopen(p, fp) : NULL;
	int64_t expect = FILE_HDR;

	CHECK(d != NULL, "fclose.pcap: pcap_dump_fopen");
	if (!d)
		return;
	dump_range(d, 0, 300, 1500, &expect, "fclose.pcap");
	fclose(fp);
	CHECK(file_size(path("fclose.pcap")) == expect, "fclose.pcap: size %lld after fclose, want %lld",
	      file_size(path("fclose.pcap")), (long long)expect);
	pcap_close(p);
}

/*
 * A device that refuses every write: pcap_dump_flush reports it when it
 * is the first to write (2 records are less than any stdio buffer).
 */
static void full_device(unsigned records)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 1500);
	pcap_dumper_t *d = pcap_dump_open(p, "/dev/full");
	int64_t expect = -1;

	CHECK(d != NULL, "pcap_dump_open /dev/full: %s", pcap_geterr(p));
	if (!d)
		return;
	dump_range(d, 0, records, 1500, &expect, "/dev/full");
	int rc = pcap_dump_flush(d);
	int err = ferror(pcap_dump_file(d)) != 0;
	fprintf(report, "/dev/full after %u records: pcap_dump_flush %d, ferror %d\n", records, rc, err);
	CHECK(err, "/dev/full: no error on the stream");
	/* Once the stream failed while dumping, libpcap writes nothing
	 * more, so there is nothing left for the flush to fail on. */
	if (records == 2)
		CHECK(rc == PCAP_ERROR, "/dev/full: pcap_dump_flush returned %d", rc);
	pcap_dump_close(d);
	pcap_close(p);
}

/*
 * pcap_dump_open(p, "-") with stdout a pipe: a reader waits for at most
 * one stdio block (the pipe's st_blksize) plus the file header, as with
 * libpcap's stdio buffering, and ftell fails as on any pipe.  What the
 * reader got goes to pipe.pcap.  pcap_dump_close() closes stdout.
 */
static void pipe_latency(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 1500);
	unsigned char buf[65536];
	long long written = FILE_HDR, got = 0, worst = 0;
	int fds[2];
	struct stat st;
	ssize_t n;

	if (pipe(fds) != 0 || fcntl(fds[0], F_SETFL, O_NONBLOCK) != 0 || fstat(fds[1], &st) != 0 ||
	    dup2(fds[1], STDOUT_FILENO) < 0) {
		CHECK(0, "pipe: %s", strerror(errno));
		return;
	}
	close(fds[1]);
	FILE *out = fopen(path("pipe.pcap"), "wb");
	pcap_dumper_t *d = pcap_dump_open(p, "-");
	CHECK(d != NULL && out != NULL, "pcap_dump_open(\"-\") on a pipe");
	if (!d || !out)
		return;
	for (unsigned i = 0; i < 2000; i++) {
		struct pcap_pkthdr h;
		hdr_of(i, 1500, &h);
		pcap_dump((u_char *)d, &h, pkt);
		written += REC_HDR + h.caplen;
		while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
			fwrite(buf, (size_t)n, 1, out);
			got += n;
		}
		if (written - got > worst)
			worst = written - got;
		if (i == 0)
			CHECK(pcap_dump_ftell(d) == -1 && pcap_dump_ftell64(d) == -1,
			      "pipe: ftell %ld, want -1", pcap_dump_ftell(d));
	}
	CHECK(worst <= (long long)st.st_blksize + FILE_HDR,
	      "pipe: the reader waited for %lld bytes, more than st_blksize %ld + header", worst,
	      (long)st.st_blksize);
	pcap_dump_close(d);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		fwrite(buf, (size_t)n, 1, out);
		got += n;
	}
	CHECK(got == written, "pipe: reader got %lld of %lld bytes", got, written);
	fclose(out);
	close(fds[0]);
	pcap_close(p);
	fprintf(report, "pipe: %lld bytes\n", got);
}

static int gen(const char *file, unsigned n)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 1514);
	pcap_dumper_t *d = pcap_dump_open(p, file);

	if (!d)
		return 1;
	for (unsigned i = 0; i < n; i++) {
		struct pcap_pkthdr h;
		hdr_of(i, 1514, &h);
		if (h.caplen < 60)
			h.caplen = h.len = 60;
		pcap_dump((u_char *)d, &h, pkt);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return 0;
}

int main(int argc, char **argv)
{
	pkt = calloc(1, SNAPLEN);
	if (!pkt)
		return 2;
	for (unsigned k = 64; k < SNAPLEN; k++)
		pkt[k] = (u_char)(k * 31 + 7);
	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], (unsigned)atoi(argv[3]));
	if (argc != 2) {
		fprintf(stderr, "usage: dump_prog DIR | dump_prog gen FILE N\n");
		return 2;
	}
	dir = argv[1];
	report = fdopen(dup(STDOUT_FILENO), "w");
	if (!report)
		return 2;
	open_and_append(PCAP_TSTAMP_PRECISION_MICRO, "open_us.pcap");
	open_and_append(PCAP_TSTAMP_PRECISION_NANO, "open_ns.pcap");
	append_new();
	caller_writes(PCAP_TSTAMP_PRECISION_MICRO, "fopen_us.pcap", 1);
	caller_writes(PCAP_TSTAMP_PRECISION_NANO, "fopen_ns.pcap", 1);
	caller_writes(PCAP_TSTAMP_PRECISION_MICRO, "file_us.pcap", 0);
	fopen_then_fclose();
	full_device(2);
	full_device(1000);
	pipe_latency();
	fprintf(report, "dump done failures=%d\n", failures);
	fclose(report);
	free(pkt);
	return failures != 0;
}

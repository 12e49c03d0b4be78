/*
 * files_prog.c - savefile, dumper, filter and return-code behaviour of
 * libpcap that tests/test_compat_files.c compares on both libraries.
 * Built once against Debian's <pcap/pcap.h> and -lpcap, run on the system
 * library and on ringcap's (LD_LIBRARY_PATH), each run in a directory of
 * its own; what it prints, and the files it leaves, must be equal.
 *
 *   files_prog DIR SCENARIO
 *
 * Every scenario writes the input files it needs into DIR itself (pcap and
 * pcapng built byte by byte below), so no corpus is needed.  Results are
 * printed one per line; nothing depends on the time or on addresses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <pcap/namedb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

static u_char zeros[300000];

/* ---- writing inputs ---- */

static FILE *create(const char *name)
{
	FILE *f = fopen(name, "wb");

	if (!f) {
		perror(name);
		exit(2);
	}
	return f;
}

static void put32(FILE *f, uint32_t v)
{
	fwrite(&v, 4, 1, f);
}

static void put16(FILE *f, uint16_t v)
{
	fwrite(&v, 2, 1, f);
}

static void pcap_hdr(FILE *f, uint32_t snaplen, uint32_t linktype)
{
	put32(f, 0xa1b2c3d4);
	put16(f, 2);
	put16(f, 4);
	put32(f, 0);
	put32(f, 0);
	put32(f, snaplen);
	put32(f, linktype);
}

static void pcap_rec(FILE *f, uint32_t sec, uint32_t caplen, uint32_t len)
{
	put32(f, sec);
	put32(f, 0);
	put32(f, caplen);
	put32(f, len);
	fwrite(zeros, 1, caplen, f);
}

/* A pcap file of n records of caplen bytes (len 2 * caplen). */
static void make_pcap(const char *name, uint32_t snaplen, uint32_t linktype, int n, uint32_t caplen)
{
	FILE *f = create(name);

	pcap_hdr(f, snaplen, linktype);
	for (int i = 0; i < n; i++)
		pcap_rec(f, 1 + (uint32_t)i, caplen, caplen * 2);
	fclose(f);
}

static void ng_shb(FILE *f)
{
	put32(f, 0x0a0d0d0a);
	put32(f, 28);
	put32(f, 0x1a2b3c4d);
	put16(f, 1);
	put16(f, 0);
	put32(f, 0xffffffff);
	put32(f, 0xffffffff);
	put32(f, 28);
}

/* fcslen < 0: no if_fcslen option. */
static void ng_idb(FILE *f, uint16_t linktype, uint32_t snaplen, int fcslen)
{
	uint32_t len = fcslen < 0 ? 20 : 32;

	put32(f, 1);
	put32(f, len);
	put16(f, linktype);
	put16(f, 0);
	put32(f, snaplen);
	if (fcslen >= 0) {
		put16(f, 13); /* if_fcslen */
		put16(f, 1);
		put32(f, (uint32_t)fcslen); /* one byte and padding (little endian) */
		put32(f, 0);                /* opt_endofopt */
	}
	put32(f, len);
}

static void ng_epb(FILE *f, uint32_t ifid, uint32_t caplen, uint32_t len)
{
	uint32_t pad = (4 - caplen % 4) % 4, blen = 32 + caplen + pad;

	put32(f, 6);
	put32(f, blen);
	put32(f, ifid);
	put32(f, 0);
	put32(f, 1000000);
	put32(f, caplen);
	put32(f, len);
	fwrite(zeros, 1, caplen + pad, f);
	put32(f, blen);
}

/* ---- reading ---- */

static void cb_print(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	(void)user;
	(void)data;
	printf("  packet caplen %u len %u\n", h->caplen, h->len);
}

static void cb_count(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	(void)h;
	(void)data;
	(*(int *)user)++;
}

/* Open name, print its facts, dispatch everything. */
static void read_all(const char *name)
{
	char eb[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(name, eb);
	int r;

	if (!p) {
		printf("%s: open failed: %s\n", name, eb);
		return;
	}
	printf("%s: datalink %d ext 0x%x snapshot %d\n", name, pcap_datalink(p), pcap_datalink_ext(p),
	       pcap_snapshot(p));
	r = pcap_dispatch(p, -1, cb_print, NULL);
	printf("  dispatch %d %s\n", r, r < 0 ? pcap_geterr(p) : "");
	pcap_close(p);
}

/* Read name to the end with pcap_loop(), then again with pcap_next_ex():
 * how many packets each way got, the last return and the message. */
static void count_both_ways(const char *name)
{
	char eb[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	pcap_t *p = pcap_open_offline(name, eb);
	int n = 0;
	int r;

	if (!p) {
		printf("%s: open failed: %s\n", name, eb);
		return;
	}
	r = pcap_loop(p, -1, cb_count, (u_char *)&n);
	printf("%s: pcap_loop %d packets, %d %s\n", name, n, r, r < 0 ? pcap_geterr(p) : "");
	pcap_close(p);
	p = pcap_open_offline(name, eb);
	for (n = 0; (r = pcap_next_ex(p, &h, &data)) == 1; n++)
		;
	printf("%s: pcap_next_ex %d packets, %d %s\n", name, n, r, r == PCAP_ERROR ? pcap_geterr(p) : "");
	pcap_close(p);
}

static void print_file_size(const char *name)
{
	struct stat st;

	if (stat(name, &st) != 0)
		printf("%s: %s\n", name, strerror(errno));
	else
		printf("%s: %lld bytes\n", name, (long long)st.st_size);
}

static const struct pcap_pkthdr hdr60 = { { 1, 2 }, 60, 60 };

/* ---- scenarios ---- */

/* pcap_dump_file(), records, then fclose() and exit without
 * pcap_dump_close(): the stream is the dumper, the file is complete. */
static void s_dump_file_fclose(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(p, "fclose.pcap");
	FILE *f = pcap_dump_file(d);

	for (int i = 0; i < 5; i++)
		pcap_dump((u_char *)d, &hdr60, zeros);
	printf("fclose %d\n", fclose(f));
	print_file_size("fclose.pcap");
	fflush(stdout);
	/* the dumper is left as it is, exit() must not touch the stream */
}

/* fflush() on pcap_dump_file()'s stream writes every record dumped so far,
 * also those dumped before the call. */
static void s_dump_file_fflush(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(p, "fflush.pcap");
	FILE *f;

	for (int i = 0; i < 10; i++)
		pcap_dump((u_char *)d, &hdr60, zeros);
	f = pcap_dump_file(d);
	fflush(f);
	print_file_size("fflush.pcap");
	for (int i = 0; i < 10; i++)
		pcap_dump((u_char *)d, &hdr60, zeros);
	fflush(f);
	print_file_size("fflush.pcap");
	printf("ftell %ld dump_ftell %ld\n", ftell(f), pcap_dump_ftell(d));
	pcap_dump_close(d);
	print_file_size("fflush.pcap");
	pcap_close(p);
}

/* Records of many sizes through pcap_dump() to a regular file, so that
 * the dumper's buffer is handed to stdio at many file offsets. */
static void s_dump_placed(void)
{
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = pcap_dump_open(p, "placed.pcap");

	for (uint32_t i = 0; i < 3000; i++) {
		struct pcap_pkthdr h = { { 1, (suseconds_t)i }, 60 + i * 7 % 1441, 60 + i * 7 % 1441 };

		pcap_dump((u_char *)d, &h, zeros);
	}
	pcap_dump_close(d);
	print_file_size("placed.pcap");
	pcap_close(p);
}

/* A link type savefiles cannot hold leaves the named file alone. */
static void s_dump_bad_linktype(void)
{
	pcap_t *p = pcap_open_dead(20, 65535); /* DLT 20: no LINKTYPE_ */
	FILE *f = create("keep.pcap");
	pcap_dumper_t *d;

	fputs("precious data", f);
	fclose(f);
	d = pcap_dump_open(p, "keep.pcap");
	printf("dump_open: %s [%s]\n", d ? "dumper" : "NULL", pcap_geterr(p));
	print_file_size("keep.pcap");
	d = pcap_dump_open(p, "new.pcap");
	printf("dump_open new: %s [%s]\n", d ? "dumper" : "NULL", pcap_geterr(p));
	print_file_size("new.pcap");
	d = pcap_dump_open_append(p, "new_append.pcap");
	printf("dump_open_append new: %s [%s]\n", d ? "dumper" : "NULL", pcap_geterr(p));
	print_file_size("new_append.pcap");
	d = pcap_dump_open_append(p, "keep.pcap");
	printf("dump_open_append existing: %s\n", d ? "dumper" : "NULL");
	print_file_size("keep.pcap");
	pcap_close(p);
}

/* pcapng: a second interface with another snap length, with and without
 * packets; one with another link type and no packets; equal snap lengths
 * once adjusted (0 and 262144). */
static void s_pcapng_interfaces(void)
{
	FILE *f = create("snaps.pcapng");

	ng_shb(f);
	ng_idb(f, 1, 100, -1);
	ng_idb(f, 1, 65535, -1);
	ng_epb(f, 0, 100, 200);
	ng_epb(f, 1, 200, 200);
	fclose(f);
	read_all("snaps.pcapng");

	f = create("snaps_late.pcapng");
	ng_shb(f);
	ng_idb(f, 1, 100, -1);
	ng_epb(f, 0, 100, 200);
	ng_idb(f, 1, 65535, -1);
	ng_epb(f, 0, 100, 200);
	fclose(f);
	read_all("snaps_late.pcapng");

	f = create("type_unused.pcapng");
	ng_shb(f);
	ng_idb(f, 1, 65535, -1);
	ng_epb(f, 0, 200, 200);
	ng_epb(f, 0, 200, 200);
	ng_idb(f, 101, 65535, -1);
	fclose(f);
	read_all("type_unused.pcapng");

	/* More packets before the mismatch than ringcap reads at a time: all
	 * of them are delivered, none after it, either way of reading. */
	f = create("type_late_many.pcapng");
	ng_shb(f);
	ng_idb(f, 1, 65535, -1);
	for (int i = 0; i < 600; i++)
		ng_epb(f, 0, 60, 60);
	ng_idb(f, 101, 65535, -1);
	for (int i = 0; i < 3; i++)
		ng_epb(f, 0, 60, 60);
	fclose(f);
	count_both_ways("type_late_many.pcapng");

	f = create("snap_trailing.pcapng");
	ng_shb(f);
	ng_idb(f, 1, 1000, -1);
	ng_epb(f, 0, 200, 200);
	ng_idb(f, 1, 2000, -1);
	fclose(f);
	read_all("snap_trailing.pcapng");

	f = create("snaps_equal.pcapng");
	ng_shb(f);
	ng_idb(f, 1, 0, -1);
	ng_idb(f, 1, 262144, -1);
	ng_epb(f, 0, 300, 300);
	ng_epb(f, 1, 400, 400);
	fclose(f);
	read_all("snaps_equal.pcapng");
}

/* if_fcslen is not turned into the FCS bits of pcap_datalink_ext(). */
static void s_pcapng_fcslen(void)
{
	pcap_t *p;
	pcap_dumper_t *d;
	FILE *f = create("fcs.pcapng");
	char eb[PCAP_ERRBUF_SIZE];
	uint32_t h[6] = { 0 };

	ng_shb(f);
	ng_idb(f, 1, 65535, 4);
	ng_epb(f, 0, 64, 64);
	fclose(f);
	read_all("fcs.pcapng");
	p = pcap_open_offline("fcs.pcapng", eb);
	d = pcap_dump_open(p, "fcs_out.pcap");
	pcap_dump_close(d);
	pcap_close(p);
	f = fopen("fcs_out.pcap", "rb");
	if (fread(h, 4, 6, f) != 6)
		printf("short header\n");
	fclose(f);
	printf("dumped linktype field 0x%x\n", h[5]);
}

/* Per-link-type maximum snap lengths of savefiles. */
static void s_snaplen_max(void)
{
	static const struct { const char *name; uint32_t linktype; } files[] = {
		{ "dbus.pcap", 231 }, { "usbpcap.pcap", 249 }, { "ebhscr.pcap", 279 },
		{ "eth.pcap", 1 },
	};

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		FILE *f = create(files[i].name);

		pcap_hdr(f, 0, files[i].linktype);
		pcap_rec(f, 1, 100, 100);
		pcap_rec(f, 2, 300000, 300000);
		fclose(f);
		read_all(files[i].name);
	}
	make_pcap("dbus_snap.pcap", 10000000, 231, 1, 100);
	read_all("dbus_snap.pcap");
	make_pcap("eth_snap.pcap", 10000000, 1, 1, 100);
	read_all("eth_snap.pcap");
}

static void fopen_report(const char *what, FILE *f)
{
	char eb[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_fopen_offline(f, eb);
	int n = 0, r;

	if (!p) {
		printf("%s: NULL %s\n", what, eb);
		return;
	}
	r = pcap_dispatch(p, -1, cb_count, (u_char *)&n);
	printf("%s: dispatch %d packets %d\n", what, r, n);
	pcap_close(p);
}

/* pcap_fopen_offline() reads from the stream's position, through stdio. */
static void s_fopen_position(void)
{
	static char buf[1 << 16];
	FILE *f;
	size_t n;

	f = create("embedded.bin");
	fwrite(zeros, 1, 100, f);
	pcap_hdr(f, 65535, 1);
	for (int i = 0; i < 3; i++)
		pcap_rec(f, 1, 60, 60);
	fclose(f);
	make_pcap("eth3.pcap", 65535, 1, 3, 60);

	f = fopen("embedded.bin", "rb");
	fseek(f, 100, SEEK_SET);
	fopen_report("after fseek", f);

	f = fopen("embedded.bin", "rb");
	n = fread(buf, 1, 100, f);
	printf("fread %zu\n", n);
	fopen_report("after fread", f);

	f = fopen("eth3.pcap", "rb");
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	fopen_report("fmemopen", fmemopen(buf, n, "rb"));

	f = fopen("eth3.pcap", "rb");
	fopen_report("from 0", f);
}

/* pcap_close() of a pcap_fopen_offline(stdin) handle leaves stdin open. */
static void s_fopen_stdin(void)
{
	int fd;

	make_pcap("eth3.pcap", 65535, 1, 3, 60);
	fd = open("eth3.pcap", O_RDONLY);
	dup2(fd, 0);
	close(fd);
	fopen_report("stdin", stdin);
	printf("fd 0 after pcap_close: %s\n", fcntl(0, F_GETFD) >= 0 ? "open" : "closed");
	printf("stdin usable: %s\n", fileno(stdin) == 0 && !ferror(stdin) ? "yes" : "no");
}

/* The bytes of a pcap header and one record of caplen zero bytes. */
static size_t pcap_bytes(char **buf, uint32_t caplen)
{
	size_t len = 0;
	FILE *f = open_memstream(buf, &len);

	pcap_hdr(f, 65535, 1);
	pcap_rec(f, 0, caplen, caplen);
	fclose(f);
	return len;
}

/* An endless pcap for fopencookie: the header, then 60-byte records
 * stamped with their index, made as they are read, 777 bytes at most a
 * call. */
struct endless {
	char *bytes; /* header and record 0 */
	uint64_t pos;
	int closed;
};

static ssize_t endless_read(void *cookie, char *buf, size_t size)
{
	struct endless *e = cookie;
	size_t n = 0, at, k;
	uint32_t sec;

	if (size > 777)
		size = 777;
	for (; n < size; n += k, e->pos += k) {
		at = e->pos < 24 ? (size_t)e->pos : 24 + (size_t)((e->pos - 24) % 76);
		if (at == 24) {
			sec = (uint32_t)((e->pos - 24) / 76);
			memcpy(e->bytes + 24, &sec, 4);
		}
		k = (at < 24 ? 24 : 100) - at;
		if (k > size - n)
			k = size - n;
		memcpy(buf + n, e->bytes + at, k);
	}
	return (ssize_t)n;
}

static int endless_close(void *cookie)
{
	((struct endless *)cookie)->closed = 1;
	return 0;
}

/* pcap_fopen_offline() on an endless fopencookie stream: packets come as
 * they are read, not after the end of the stream. */
static void s_fopen_cookie_endless(void)
{
	cookie_io_functions_t io = { .read = endless_read, .close = endless_close };
	struct endless e = { 0 };
	char eb[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h = NULL;
	const u_char *d;
	pcap_t *p;
	int n = 0, r = 0;

	pcap_bytes(&e.bytes, 60);
	p = pcap_fopen_offline(fopencookie(&e, "r", io), eb);
	if (!p) {
		printf("NULL %s\n", eb);
		return;
	}
	while (n < 100000 && (r = pcap_next_ex(p, &h, &d)) == 1)
		n++;
	printf("%d packets (last %d), last stamped %ld caplen %u\n", n, r, n ? (long)h->ts.tv_sec : -1L,
	       n ? h->caplen : 0);
	pcap_close(p);
	printf("cookie closed: %d\n", e.closed);
	free(e.bytes);
}

static ssize_t fd_cookie_read(void *cookie, char *buf, size_t size)
{
	return read(*(int *)cookie, buf, size);
}

/* pcap_fopen_offline() on a cookie over a pipe whose writer sends the
 * second record only after the first packet was read. */
static void s_fopen_cookie_live(void)
{
	cookie_io_functions_t io = { .read = fd_cookie_read };
	int data[2], go[2], st;
	char eb[PCAP_ERRBUF_SIZE], c = 'g';
	struct pcap_pkthdr *h;
	const u_char *d;
	pid_t kid;
	pcap_t *p;
	FILE *w;
	int r;

	if (pipe(data) != 0 || pipe(go) != 0 || (kid = fork()) < 0) {
		perror("pipe/fork");
		exit(2);
	}
	if (kid == 0) {
		close(data[0]);
		close(go[1]);
		w = fdopen(data[1], "wb");
		pcap_hdr(w, 65535, 1);
		pcap_rec(w, 1, 60, 60);
		fflush(w);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		pcap_rec(w, 2, 60, 60);
		pcap_rec(w, 3, 60, 60);
		_exit(fclose(w) == 0 ? 0 : 1);
	}
	close(data[1]);
	close(go[0]);
	alarm(10); /* a reader that waits for more than the first packet dies here */
	p = pcap_fopen_offline(fopencookie(&data[0], "r", io), eb);
	if (!p) {
		printf("NULL %s\n", eb);
		exit(1);
	}
	r = pcap_next_ex(p, &h, &d);
	printf("first: %d stamped %ld\n", r, (long)h->ts.tv_sec);
	if (write(go[1], &c, 1) != 1)
		exit(2);
	while ((r = pcap_next_ex(p, &h, &d)) == 1)
		printf("then: stamped %ld\n", (long)h->ts.tv_sec);
	printf("end: %d\n", r);
	pcap_close(p);
	alarm(0);
	waitpid(kid, &st, 0);
	printf("writer: %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

/* A cookie that returns the first cut bytes of its buffer, then fails
 * with EIO. */
struct failing {
	char *bytes;
	size_t pos, cut;
};

static ssize_t failing_read(void *cookie, char *buf, size_t size)
{
	struct failing *f = cookie;

	if (f->pos == f->cut) {
		errno = EIO;
		return -1;
	}
	if (size > f->cut - f->pos)
		size = f->cut - f->pos;
	memcpy(buf, f->bytes + f->pos, size);
	f->pos += size;
	return (ssize_t)size;
}

/* pcap_fopen_offline() on a cookie that fails inside the 4th record. */
static void s_fopen_cookie_error(void)
{
	cookie_io_functions_t io = { .read = failing_read };
	struct failing f = { NULL, 0, 24 + 3 * 76 + 30 };
	char eb[PCAP_ERRBUF_SIZE], *one;
	struct pcap_pkthdr *h;
	const u_char *d;
	size_t n = pcap_bytes(&one, 60);
	pcap_t *p;
	int r;

	f.bytes = malloc(24 + 4 * 76);
	memcpy(f.bytes, one, n);
	for (int i = 1; i < 4; i++)
		memcpy(f.bytes + 24 + i * 76, one + 24, 76);
	p = pcap_fopen_offline(fopencookie(&f, "r", io), eb);
	if (!p) {
		printf("NULL %s\n", eb);
		return;
	}
	while ((r = pcap_next_ex(p, &h, &d)) == 1)
		printf("packet caplen %u\n", h->caplen);
	printf("then %d, names EIO: %s\n", r, strstr(pcap_geterr(p), strerror(EIO)) ? "yes" : pcap_geterr(p));
	printf("again %d\n", pcap_next_ex(p, &h, &d));
	pcap_close(p);
	free(f.bytes);
	free(one);
}

/* Netmask 0 is a netmask; only PCAP_NETMASK_UNKNOWN is unknown.  The code
 * differs from libpcap's in block order, so what it matches is compared. */
static void s_netmask(void)
{
	static const bpf_u_int32 masks[] = { 0, 0xffffff00, PCAP_NETMASK_UNKNOWN };
	static const uint8_t dsts[][4] = {
		{ 0, 0, 0, 0 }, { 255, 255, 255, 255 }, { 10, 0, 0, 255 }, { 10, 0, 0, 1 },
	};
	pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);
	struct pcap_pkthdr h = { { 0, 0 }, 34, 34 };
	struct bpf_program bp;
	u_char pkt[34] = { [12] = 0x08, [14] = 0x45 };

	for (size_t i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		int r = pcap_compile(p, &bp, "ip broadcast", 1, masks[i]);

		printf("mask %08x: %d\n", masks[i], r);
		if (r != 0)
			continue;
		for (size_t k = 0; k < sizeof(dsts) / sizeof(dsts[0]); k++) {
			memcpy(pkt + 30, dsts[k], 4);
			printf("  %u.%u.%u.%u: %s\n", dsts[k][0], dsts[k][1], dsts[k][2], dsts[k][3],
			       pcap_offline_filter(&bp, &h, pkt) ? "match" : "no match");
		}
		pcap_freecode(&bp);
	}
	pcap_close(p);
}

/* Programs of more than 4096 instructions in user space (savefile
 * pcap_compile and pcap_setfilter, pcap_offline_filter, bpf_validate). */
static void s_long_programs(void)
{
	enum { N = 5000 };
	struct bpf_insn *ins = calloc(N, sizeof(*ins));
	struct bpf_program bp = { N, ins };
	struct pcap_pkthdr h = { { 0, 0 }, 10, 10 };
	char eb[PCAP_ERRBUF_SIZE];
	size_t cap = 1 << 20;
	char *expr = malloc(cap);
	pcap_t *p;
	int n = 0, r;

	for (int i = 0; i < N - 1; i++) {
		ins[i].code = BPF_LD | BPF_IMM;
		ins[i].k = (bpf_u_int32)i;
	}
	ins[N - 1].code = BPF_RET | BPF_K;
	ins[N - 1].k = 65535;
	/* not bpf_filter() on this hand-made array: without a length ringcap's
	 * stops an unknown program at 4096 (src/compat/long_progs.h), where
	 * libpcap's follows any jump */
	printf("bpf_validate %d offline_filter %d\n", bpf_validate(ins, N),
	       pcap_offline_filter(&bp, &h, zeros));
	make_pcap("eth3.pcap", 65535, 1, 3, 60);
	p = pcap_open_offline("eth3.pcap", eb);
	r = pcap_setfilter(p, &bp);
	printf("setfilter %d %s\n", r, r ? pcap_geterr(p) : "");
	r = pcap_dispatch(p, -1, cb_count, (u_char *)&n);
	printf("dispatch %d packets %d\n", r, n);

	expr[0] = '\0';
	for (int i = 0; i < 400; i++) {
		char b[96];

		snprintf(b, sizeof(b), "%s(src host 10.%d.%d.1 and dst port %d)", i ? " or " : "",
			 i / 256, i % 256, i + 1);
		strcat(expr, b);
	}
	/* unoptimized: libpcap's optimizer takes many seconds on it */
	r = pcap_compile(p, &bp, expr, 0, PCAP_NETMASK_UNKNOWN);
	printf("compile %d %s long %d\n", r, r ? pcap_geterr(p) : "", r ? 0 : bp.bf_len > 4096);
	if (r == 0) {
		r = pcap_setfilter(p, &bp);
		printf("setfilter %d %s\n", r, r ? pcap_geterr(p) : "");
		printf("bpf_validate %d\n", bpf_validate(bp.bf_insns, (int)bp.bf_len));
		/* bpf_filter() runs pcap_compile's long program to its end: the
		 * last alternative (10.1.143.1, port 400) lies past 4096, the
		 * first does not; a third packet matches none. */
		for (int i = 0; i < 3; i++) {
			int alt = i == 0 ? 399 : i == 1 ? 0 : 400;
			u_char pkt[54] = { [12] = 0x08, [14] = 0x45, [23] = 6, [26] = 10 };
			pkt[27] = (u_char)(alt / 256);
			pkt[28] = (u_char)(alt % 256);
			pkt[29] = 1;
			pkt[36] = (u_char)((alt + 1) >> 8);
			pkt[37] = (u_char)(alt + 1);
			printf("bpf_filter alternative %d: %u\n", alt,
			       bpf_filter(bp.bf_insns, pkt, sizeof(pkt), sizeof(pkt)));
		}
		pcap_freecode(&bp);
	}
	pcap_close(p);
	free(expr);
	free(ins);
}

/* bpf_filter() reads no instruction that execution does not reach: the
 * program ends right before a page that cannot be read. */
static void s_bpf_filter_tail(void)
{
	long page = sysconf(_SC_PAGESIZE);
	u_char *m = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	struct bpf_insn *pc;

	mprotect(m + page, (size_t)page, PROT_NONE);
	pc = (struct bpf_insn *)(m + page) - 2;
	pc[0] = (struct bpf_insn){ BPF_JMP | BPF_JEQ | BPF_K, 0, 50, 0 }; /* A == 0: jt 0 */
	pc[1] = (struct bpf_insn){ BPF_RET | BPF_K, 0, 0, 1 };
	printf("bpf_filter %u\n", bpf_filter(pc, zeros, 4, 4));
}

/* Return codes and messages that differed. */
static void s_return_codes(void)
{
	static const char *const ports[] = {
		"80", "70000", "0", "-1", " 80", "80x", "0x50", "65536", "", "domain", "ssh",
	};
	/* not "1-70000" or "-5-10": ringcap refuses numbers outside 0..65535
	 * that libpcap returns as ports (hostile_prog.c) */
	static const char *const ranges[] = {
		"80-90", "80-ssh", "ssh-80", "80-nonexistent", "nonexistent-80", "80-", "-80",
		"80 - 90", "domain-ssh",
	};
	char eb[PCAP_ERRBUF_SIZE];
	struct bpf_program bp;
	pcap_t *p;
	int r, port, proto, p1, p2;

	make_pcap("eth3.pcap", 65535, 1, 3, 60);
	p = pcap_open_offline("eth3.pcap", eb);
	printf("savefile bufsize %d\n", pcap_bufsize(p));
	strcpy(eb, "untouched");
	r = pcap_setnonblock(p, 1, eb);
	printf("savefile setnonblock %d [%s] [%s]\n", r, eb, pcap_geterr(p));
	pcap_close(p);

	p = pcap_open_dead(DLT_EN10MB, 65535);
	r = pcap_can_set_rfmon(p);
	printf("dead can_set_rfmon %d [%s]\n", r, pcap_geterr(p));
	strcpy(eb, "untouched");
	r = pcap_setnonblock(p, 1, eb);
	printf("dead setnonblock %d [%s] [%s]\n", r, eb, pcap_geterr(p));
	pcap_close(p);

	p = pcap_open_dead(DLT_EN10MB, 0);
	r = pcap_compile(p, &bp, "tcp", 1, PCAP_NETMASK_UNKNOWN);
	printf("compile snaplen 0: %d [%s]\n", r, r ? pcap_geterr(p) : "");
	if (r == 0)
		pcap_freecode(&bp);
	pcap_close(p);

	/* numbers, as getaddrinfo() takes them, and names */
	for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		port = proto = -5;
		r = pcap_nametoport(ports[i], &port, &proto);
		printf("nametoport [%s]: %d port %d proto %d\n", ports[i], r, port, proto);
	}
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		p1 = p2 = proto = -5;
		r = pcap_nametoportrange(ranges[i], &p1, &p2, &proto);
		printf("nametoportrange [%s]: %d %d %d %d\n", ranges[i], r, p1, p2, proto);
	}
}

/*
 * Live, on lo (the test runs it in a network namespace of its own):
 * pcap_breakloop() from the callback ends that call only; the next call
 * delivers packets again.
 */
static pcap_t *live;
static int seen;

static void cb_break(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	(void)user;
	(void)h;
	(void)data;
	if (++seen == 1)
		pcap_breakloop(live);
}

static void send_udp(int n)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };

	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (int i = 0; i < n; i++)
		sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
	close(s);
}

static void s_live_breakloop(void)
{
	char eb[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *d;
	int r, total = 0;

	live = pcap_create("lo", eb);
	pcap_set_timeout(live, 100);
	pcap_set_immediate_mode(live, 1);
	if (pcap_activate(live) < 0) {
		printf("activate: %s\n", pcap_geterr(live));
		return;
	}
	send_udp(6);
	/* the first call stops after one packet (or returns -2) */
	r = pcap_dispatch(live, -1, cb_break, NULL);
	printf("dispatch with break: %s\n", r == 1 || r == PCAP_ERROR_BREAK ? "1 or -2" : "other");
	/* the break is used up: the next calls return the rest */
	for (int i = 0; i < 5 && total < 5; i++) {
		r = pcap_dispatch(live, -1, cb_count, (u_char *)&total);
		if (r < 0)
			printf("dispatch after break: %d\n", r);
	}
	printf("delivered after the break: %s\n", total >= 5 ? "all" : "missing");

	/* a break between calls: the next call returns -2, the one after
	 * that packets again */
	send_udp(2);
	pcap_breakloop(live);
	r = pcap_next_ex(live, &h, &d);
	printf("next_ex after breakloop %d\n", r);
	r = pcap_next_ex(live, &h, &d);
	printf("next_ex next %d\n", r);
	r = pcap_loop(live, 1, cb_count, (u_char *)&total);
	printf("loop %d\n", r);
	pcap_close(live);
}

/* The packet pcap_next_ex() returned stays valid across pcap_setfilter()
 * calls (libpcap: until the next read call); in the ASan build a freed
 * buffer fails the run, else the bytes are compared. */
static void s_live_setfilter(void)
{
	char eb[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	struct bpf_program bp;
	const u_char *d;
	u_char copy[128];
	int r, same = 1;

	live = pcap_create("lo", eb);
	pcap_set_timeout(live, 100);
	pcap_set_immediate_mode(live, 1);
	if (pcap_activate(live) < 0) {
		printf("activate: %s\n", pcap_geterr(live));
		return;
	}
	send_udp(4);
	for (int round = 0; round < 3; round++) {
		r = pcap_next_ex(live, &h, &d);
		printf("next_ex %d\n", r);
		if (r != 1)
			break;
		memcpy(copy, d, h->caplen < sizeof(copy) ? h->caplen : sizeof(copy));
		for (int k = 0; k < 2; k++) {
			pcap_compile(live, &bp, k ? "udp or icmp" : "ip", 1, PCAP_NETMASK_UNKNOWN);
			printf("setfilter %d\n", pcap_setfilter(live, &bp));
			pcap_freecode(&bp);
		}
		same &= memcmp(copy, d, h->caplen < sizeof(copy) ? h->caplen : sizeof(copy)) == 0;
	}
	printf("data unchanged across setfilter: %s\n", same ? "yes" : "no");
	pcap_close(live);
}

/*
 * One savefile read by turns with every reading call, a filter changed and
 * breaks taken part-way: ringcap reads a file many packets at a time, and
 * what it read ahead must come out in order, under the filter in force
 * when each packet is handed out, and with its data intact.
 */
static void s_offline_mixed_calls(void)
{
	char eb[PCAP_ERRBUF_SIZE];
	struct bpf_program bp;
	struct pcap_pkthdr *h, h1;
	const u_char *d;
	FILE *f = create("mixed.pcap");
	pcap_t *p;
	int n = 0, r;

	pcap_hdr(f, 65535, DLT_EN10MB);
	for (uint32_t i = 0; i < 700; i++)
		pcap_rec(f, i, 60 + i % 40, 60 + i % 40);
	fclose(f);
	p = pcap_open_offline("mixed.pcap", eb);
	printf("dispatch 3: %d\n", pcap_dispatch(p, 3, cb_print, NULL));
	r = pcap_next_ex(p, &h, &d);
	printf("next_ex %d: caplen %u sec %ld\n", r, h->caplen, (long)h->ts.tv_sec);
	d = pcap_next(p, &h1);
	printf("next: caplen %u sec %ld\n", h1.caplen, (long)h1.ts.tv_sec);
	pcap_compile(p, &bp, "greater 95", 1, PCAP_NETMASK_UNKNOWN);
	printf("setfilter %d\n", pcap_setfilter(p, &bp));
	pcap_freecode(&bp);
	printf("loop 2: %d\n", pcap_loop(p, 2, cb_print, NULL));
	pcap_breakloop(p);
	printf("loop after break: %d\n", pcap_loop(p, -1, cb_print, NULL));
	r = pcap_next_ex(p, &h, &d);
	printf("next_ex %d: caplen %u sec %ld\n", r, h->caplen, (long)h->ts.tv_sec);
	pcap_compile(p, &bp, "", 1, PCAP_NETMASK_UNKNOWN);
	printf("setfilter %d\n", pcap_setfilter(p, &bp));
	pcap_freecode(&bp);
	printf("loop rest: %d\n", pcap_loop(p, -1, cb_count, (u_char *)&n));
	printf("counted %d, next_ex at the end %d\n", n, pcap_next_ex(p, &h, &d));
	pcap_close(p);
}

static const struct {
	const char *name;
	void (*run)(void);
} scenarios[] = {
	{ "offline_mixed_calls", s_offline_mixed_calls },
	{ "dump_placed", s_dump_placed },
	{ "dump_file_fclose", s_dump_file_fclose },
	{ "dump_file_fflush", s_dump_file_fflush },
	{ "dump_bad_linktype", s_dump_bad_linktype },
	{ "pcapng_interfaces", s_pcapng_interfaces },
	{ "pcapng_fcslen", s_pcapng_fcslen },
	{ "snaplen_max", s_snaplen_max },
	{ "fopen_position", s_fopen_position },
	{ "fopen_stdin", s_fopen_stdin },
	{ "fopen_cookie_endless", s_fopen_cookie_endless },
	{ "fopen_cookie_live", s_fopen_cookie_live },
	{ "fopen_cookie_error", s_fopen_cookie_error },
	{ "netmask", s_netmask },
	{ "long_programs", s_long_programs },
	{ "bpf_filter_tail", s_bpf_filter_tail },
	{ "return_codes", s_return_codes },
	{ "live_breakloop", s_live_breakloop },
	{ "live_setfilter", s_live_setfilter },
};

int main(int argc, char **argv)
{
	if (argc != 3 || chdir(argv[1]) != 0) {
		fprintf(stderr, "usage: files_prog DIR SCENARIO\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (strcmp(argv[2], scenarios[i].name) == 0) {
			scenarios[i].run();
			return 0;
		}
	fprintf(stderr, "files_prog: unknown scenario %s\n", argv[2]);
	return 2;
}

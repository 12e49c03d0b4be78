/*
 * savefile_prog.c - reading savefiles the way libpcap's callers do beyond
 * the reading calls: through the FILE of pcap_file() (ftell, fseek, feof,
 * as tcpslice does), after damage at the end of a file, from a pipe or a
 * file stdio has already read from, written into by the caller, and past pcapng interfaces libpcap refuses.  tests/test_compat_savefile.c builds it
 * against Debian's <pcap/pcap.h> and -lpcap and runs each scenario on
 * both libraries: the outputs must be equal.
 *
 *   savefile_prog DIR SCENARIO...
 *
 * Each run writes its inputs into a directory of its own under DIR (the
 * two runs go at the same time).  Only facts libpcap defines are printed:
 * no message texts, which ringcap words differently - except for the
 * interfaces libpcap refuses, whose messages ringcap repeats.
 */
#define _GNU_SOURCE
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- inputs, built in memory ---- */

static uint8_t img[1 << 22];
static size_t img_len;
static int img_be; /* write big-endian */

static void w32(uint32_t v)
{
	for (int i = 0; i < 4; i++)
		img[img_len++] = (uint8_t)(img_be ? v >> (24 - 8 * i) : v >> (8 * i));
}

static void w16(uint16_t v)
{
	img[img_len++] = (uint8_t)(img_be ? v >> 8 : v);
	img[img_len++] = (uint8_t)(img_be ? v : v >> 8);
}

/* n bytes of a pattern that differs per record */
static void wdata(uint32_t n, uint32_t seed)
{
	for (uint32_t i = 0; i < n; i++)
		img[img_len++] = (uint8_t)(seed * 31 + i);
}

static void pcap_start(uint32_t magic, int be)
{
	img_len = 0;
	img_be = be;
	w32(magic);
	w16(2);
	w16(4);
	w32(0);
	w32(0);
	w32(65535);
	w32(1);
}

static void pcap_add(uint32_t sec, uint32_t frac, uint32_t caplen)
{
	w32(sec);
	w32(frac);
	w32(caplen);
	w32(caplen + 4);
	wdata(caplen, sec);
}

/* An IDB without options. */
static void ng_idb(uint16_t linktype, uint32_t snaplen)
{
	w32(1);
	w32(20);
	w16(linktype);
	w16(0);
	w32(snaplen);
	w32(20);
}

static void ng_start(void)
{
	img_len = 0;
	img_be = 0;
	w32(0x0a0d0d0a); /* SHB */
	w32(28);
	w32(0x1a2b3c4d);
	w16(1);
	w16(0);
	w32(0xffffffff);
	w32(0xffffffff);
	w32(28);
	ng_idb(1, 65535); /* Ethernet */
}

/* An EPB on interface iface, microseconds. */
static void ng_add_on(uint32_t iface, uint32_t sec, uint32_t caplen)
{
	uint32_t pad = (4 - caplen % 4) % 4, blen = 32 + caplen + pad;

	w32(6);
	w32(blen);
	w32(iface);
	w32(0);
	w32(sec * 1000000u);
	w32(caplen);
	w32(caplen + 4);
	wdata(caplen, sec);
	for (uint32_t i = 0; i < pad; i++)
		img[img_len++] = 0;
	w32(blen);
}

static void ng_add(uint32_t sec, uint32_t caplen)
{
	ng_add_on(0, sec, caplen);
}

/* Write the first len bytes of the image to name. */
static void save(const char *name, size_t len)
{
	FILE *f = fopen(name, "wb");

	if (!f || fwrite(img, 1, len, f) != len || fclose(f) != 0) {
		perror(name);
		exit(2);
	}
}

/* ---- reading ---- */

/* One pcap_next_ex(): its return, and the packet's facts. */
static int next(pcap_t *p, const char *what)
{
	struct pcap_pkthdr *h;
	const u_char *d;
	int r = pcap_next_ex(p, &h, &d);

	if (r == 1)
		printf("  %s: 1 sec %ld frac %ld caplen %u len %u byte0 %u\n", what, (long)h->ts.tv_sec,
		       (long)h->ts.tv_usec, h->caplen, h->len, h->caplen ? d[0] : 0);
	else
		printf("  %s: %d%s\n", what, r, r == PCAP_ERROR && *pcap_geterr(p) ? " (message)" : "");
	return r;
}

static pcap_t *open_how(const char *name, const char *how)
{
	char eb[PCAP_ERRBUF_SIZE];
	pcap_t *p;

	if (strcmp(how, "stdin") == 0) {
		if (!freopen(name, "rb", stdin)) {
			perror(name);
			exit(2);
		}
		p = pcap_open_offline("-", eb);
	} else if (strcmp(how, "fopen") == 0) {
		p = pcap_fopen_offline(fopen(name, "rb"), eb);
	} else if (strcmp(how, "fmemopen") == 0) {
		/* a stream without a descriptor; the bytes outlive the handle */
		static char mem[4096];
		FILE *f = fopen(name, "rb");
		size_t n = f ? fread(mem, 1, sizeof(mem), f) : 0;

		if (f)
			fclose(f);
		p = pcap_fopen_offline(fmemopen(mem, n, "rb"), eb);
	} else {
		p = pcap_open_offline(name, eb);
	}
	if (!p)
		printf("%s (%s): open failed\n", name, how);
	return p;
}

/*
 * Records of 60, 100 and 40 bytes: after two reads the FILE is at 24 +
 * (16 + 60) + (16 + 100); fseek back to record 1 reads it again; at the
 * end feof() is set, and clearerr() and fseek() to record 3 read it again.
 * early: ask for the FILE right after the open (tcpslice's order) rather
 * than after two packets were read.
 */
static void seek_around(const char *name, const char *how, int early)
{
	pcap_t *p = open_how(name, how);
	FILE *f = NULL;
	long pos;

	if (!p)
		return;
	printf("%s (%s, pcap_file %s):\n", name, how, early ? "first" : "after two packets");
	if (early) {
		f = pcap_file(p);
		printf("  ftell at the start %ld\n", f ? ftell(f) : -1L);
	}
	next(p, "first");
	next(p, "second");
	if (!early)
		f = pcap_file(p);
	if (!f) {
		printf("  pcap_file NULL\n");
		pcap_close(p);
		return;
	}
	pos = ftell(f);
	printf("  ftell %ld%s\n", pos, pos == 24 + 76 + 116 ? " = 24 + 76 + 116" : " WRONG");
	printf("  fseek to record 1: %d\n", fseek(f, 24, SEEK_SET));
	next(p, "record 1 again");
	printf("  ftell %ld\n", ftell(f));
	next(p, "then");
	next(p, "then");
	next(p, "then");
	printf("  feof %d\n", feof(f) != 0);
	clearerr(f);
	printf("  fseek to record 3: %d\n", fseek(f, 24 + 76 + 116, SEEK_SET));
	next(p, "record 3 again");
	next(p, "then");
	pcap_close(p);
}

static void s_file_seek(void)
{
	static const char *const hows[] = { "name", "fopen", "fmemopen", "stdin" };

	pcap_start(0xa1b2c3d4, 0);
	pcap_add(1, 500000, 60);
	pcap_add(2, 600000, 100);
	pcap_add(3, 700000, 40);
	save("us.pcap", img_len);
	/* big-endian, nanoseconds: the same records */
	pcap_start(0xa1b23c4d, 1);
	pcap_add(1, 500000001, 60);
	pcap_add(2, 600000002, 100);
	pcap_add(3, 700000003, 40);
	save("be_ns.pcap", img_len);
	for (size_t i = 0; i < sizeof(hows) / sizeof(hows[0]); i++)
		for (int early = 0; early < 2; early++) {
			seek_around("us.pcap", hows[i], early);
			seek_around("be_ns.pcap", hows[i], early);
		}
}

/* pcapng: pcap_file() is a FILE, and reading goes on as before. */
static void s_file_pcapng(void)
{
	pcap_t *p;

	ng_start();
	for (uint32_t i = 1; i <= 3; i++)
		ng_add(i, 50 + 10 * i);
	save("three.pcapng", img_len);
	p = open_how("three.pcapng", "name");
	if (!p)
		return;
	next(p, "first");
	printf("pcap_file %s\n", pcap_file(p) ? "a FILE" : "NULL");
	next(p, "second");
	next(p, "third");
	next(p, "then");
	pcap_close(p);
}

static void count_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	(void)h;
	(void)d;
	(*(int *)user)++;
}

/*
 * A file cut inside its last record: the error once, then the end of the
 * file, for pcap_next_ex() and for pcap_loop()/pcap_dispatch(); with and
 * without pcap_file() asked for first.
 */
static void truncated(const char *name, int with_file)
{
	pcap_t *p = open_how(name, "name");
	int n = 0, r;

	if (!p)
		return;
	printf("%s%s:\n", name, with_file ? " (pcap_file first)" : "");
	if (with_file)
		pcap_file(p);
	for (int i = 0; i < 6 && next(p, "next_ex") != PCAP_ERROR_BREAK; i++)
		;
	pcap_close(p);
	p = open_how(name, "name");
	if (with_file)
		pcap_file(p);
	r = pcap_loop(p, -1, count_cb, (u_char *)&n);
	printf("  loop %d after %d packets%s\n", r, n, r == PCAP_ERROR && *pcap_geterr(p) ? " (message)" : "");
	printf("  loop again %d\n", pcap_loop(p, -1, count_cb, (u_char *)&n));
	printf("  dispatch %d\n", pcap_dispatch(p, -1, count_cb, (u_char *)&n));
	printf("  next_ex %d\n", pcap_next_ex(p, &(struct pcap_pkthdr *){ NULL }, &(const u_char *){ NULL }));
	pcap_close(p);
}

static void s_truncated(void)
{
	size_t whole;

	pcap_start(0xa1b2c3d4, 0);
	pcap_add(1, 0, 60);
	pcap_add(2, 0, 70);
	whole = img_len;
	pcap_add(3, 0, 60);
	save("cut_header.pcap", whole + 5);
	save("cut_data.pcap", whole + 16 + 10);
	ng_start();
	ng_add(1, 60);
	ng_add(2, 70);
	whole = img_len;
	ng_add(3, 60);
	save("cut_block.pcapng", whole + 20);
	for (int with_file = 0; with_file < 2; with_file++) {
		truncated("cut_header.pcap", with_file);
		truncated("cut_data.pcap", with_file);
		truncated("cut_block.pcapng", with_file);
	}
}

/*
 * pcapng interfaces unlike the first (sf-pcapng.c refuses each: not added
 * to the handle's list): the messages and results of every call, with
 * pcap_next_ex() and with pcap_dispatch(), for packets on interface 0, on
 * the refused interface, on one added after it (which libpcap numbers
 * one lower) and on one it never added; and two refusals in a row.
 */
static void idb_read(const char *name)
{
	pcap_t *p = open_how(name, "name");
	int n, r;

	if (!p)
		return;
	printf("%s: datalink %d snapshot %d\n", name, pcap_datalink(p), pcap_snapshot(p));
	for (int i = 0; i < 20; i++) {
		struct pcap_pkthdr *h;
		const u_char *d;

		r = pcap_next_ex(p, &h, &d);
		if (r == 1)
			printf("  next_ex: 1 sec %ld caplen %u\n", (long)h->ts.tv_sec, h->caplen);
		else
			printf("  next_ex: %d %s\n", r, r == PCAP_ERROR ? pcap_geterr(p) : "");
		if (r == PCAP_ERROR_BREAK)
			break;
	}
	pcap_close(p);
	p = open_how(name, "name");
	for (int i = 0; i < 20; i++) {
		n = 0;
		r = pcap_dispatch(p, -1, count_cb, (u_char *)&n);
		printf("  dispatch: %d after %d packets %s\n", r, n, r == PCAP_ERROR ? pcap_geterr(p) : "");
		if (r == 0)
			break;
	}
	pcap_close(p);
}

static void s_idb_mismatch(void)
{
	static const struct {
		const char *name;
		uint16_t linktype;
		uint32_t snaplen;
	} odd[] = {
		{ "idb_type.pcapng", 101, 65535 }, /* RAW */
		{ "idb_snaplen.pcapng", 1, 1000 },
	};
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		ng_start();
		ng_add(1, 60);
		ng_idb(odd[i].linktype, odd[i].snaplen); /* file interface 1: refused */
		ng_add_on(0, 2, 61);
		ng_add_on(1, 3, 62);
		ng_add_on(0, 4, 63);
		ng_idb(1, 65535); /* file interface 2: libpcap's 1 */
		ng_add_on(1, 5, 64);
		ng_add_on(2, 6, 65);
		ng_idb(odd[i].linktype, odd[i].snaplen); /* two refused in a row */
		ng_idb(odd[i].linktype, odd[i].snaplen);
		ng_add_on(0, 7, 66);
		ng_add_on(3, 8, 67);
		save(odd[i].name, img_len);
		idb_read(odd[i].name);
	}
}

/* A child that writes the image into a pipe; returns the read end. */
static int image_pipe(pid_t *pid)
{
	int fds[2];

	if (pipe(fds) != 0 || (*pid = fork()) < 0) {
		perror("pipe/fork");
		exit(2);
	}
	if (*pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], img, img_len) == (ssize_t)img_len ? 0 : 1);
	}
	close(fds[1]);
	return fds[0];
}

/*
 * pcap_fopen_offline() on a pipe the program has peeked at with
 * getc()/ungetc(): stdio holds the bytes it read ahead, libpcap reads them
 * through the FILE.
 */
static void from_peeked_pipe(const char *what)
{
	char eb[PCAP_ERRBUF_SIZE];
	int c, st;
	pid_t pid;
	FILE *f = fdopen(image_pipe(&pid), "rb");
	pcap_t *p;

	c = getc(f);
	printf("%s: peeked 0x%02x, ungetc %s\n", what, c, ungetc(c, f) == c ? "ok" : "failed");
	p = pcap_fopen_offline(f, eb);
	if (!p) {
		printf("  open failed\n");
		fclose(f);
	} else {
		while (next(p, "next_ex") == 1)
			;
		pcap_close(p);
	}
	waitpid(pid, &st, 0);
}

static void s_fopen_pipe_peeked(void)
{
	pcap_start(0xa1b2c3d4, 0);
	for (uint32_t i = 1; i <= 5; i++)
		pcap_add(i, i * 1000, 40 * i);
	from_peeked_pipe("pcap");
	ng_start();
	for (uint32_t i = 1; i <= 5; i++)
		ng_add(i, 40 * i);
	from_peeked_pipe("pcapng");
}

/* "-" on a pipe: pcap_file() is stdin, which cannot tell a position;
 * every packet comes all the same. */
static void s_stdin_pipe(void)
{
	char eb[PCAP_ERRBUF_SIZE];
	pcap_t *p;
	pid_t pid;
	int fd, st;

	pcap_start(0xa1b2c3d4, 0);
	for (uint32_t i = 1; i <= 4; i++)
		pcap_add(i, 0, 30 * i);
	fd = image_pipe(&pid);
	dup2(fd, 0);
	close(fd);
	p = pcap_open_offline("-", eb);
	if (!p) {
		printf("open failed\n");
		return;
	}
	next(p, "first");
	printf("pcap_file is stdin: %d, ftell %ld\n", pcap_file(p) == stdin, ftell(pcap_file(p)));
	while (next(p, "next_ex") == 1)
		;
	pcap_close(p);
	waitpid(pid, &st, 0);
}

/* A pcap file of three records, of step, 2 step and 3 step bytes. */
static void save_three(const char *name, uint32_t step)
{
	pcap_start(0xa1b2c3d4, 0);
	for (uint32_t i = 1; i <= 3; i++)
		pcap_add(i, 0, step * i);
	save(name, img_len);
}

/*
 * A stream stdio has read ahead and then rewound, as tcptrace leaves stdin
 * after trying its other formats (freopen() of the file on stdin, then
 * rewind(), fread() of a header and rewind() again per format, then
 * pcap_open_offline("-")): once glibc knows the descriptor's offset, a seek
 * inside the buffer keeps the buffer, so the descriptor's offset is past
 * what ftell() says.  Reading
 * starts at the stream's position, by "-" and by pcap_fopen_offline().
 */
static void s_rewound(void)
{
	static const char *const hows[] = { "stdin", "fopen" };
	char eb[PCAP_ERRBUF_SIZE], hdr[24];
	pcap_t *p;
	FILE *f;

	save_three("rewound.pcap", 30);
	for (size_t i = 0; i < sizeof(hows) / sizeof(hows[0]); i++) {
		f = i == 0 ? freopen("rewound.pcap", "rb", stdin) : fopen("rewound.pcap", "rb");
		if (f)
			rewind(f);
		if (!f || fread(hdr, 1, sizeof(hdr), f) != sizeof(hdr)) {
			perror("rewound.pcap");
			exit(2);
		}
		rewind(f);
		printf("%s, read and rewound: ftell %ld\n", hows[i], ftell(f));
		p = i == 0 ? pcap_open_offline("-", eb) : pcap_fopen_offline(f, eb);
		if (!p) {
			printf("  open failed\n");
			continue;
		}
		while (next(p, "next_ex") == 1)
			;
		pcap_close(p);
	}
}

/* What the packets written into hold; the file's first data byte after. */
static void write_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	u_char *w = (u_char *)d; /* as argus's in-place ntohl() of ESP headers */

	(void)user;
	for (uint32_t i = 0; i + 4 <= h->caplen && i < 16; i += 4) {
		u_char t = w[i];

		w[i] = w[i + 3];
		w[i + 3] = t;
	}
	printf("  loop: caplen %u, swapped byte0 %u byte3 %u\n", h->caplen, d[0], d[3]);
}

/*
 * Writing into the packet data: the pointer is const, but libpcap's buffer
 * is writable and programs use it so (argus byte-swaps headers in place).
 * A file opened by name, by pcap_fopen_offline() and on stdin; the file on
 * disk stays as it was.
 */
static void s_write_packets(void)
{
	static const char *const hows[] = { "name", "fopen", "stdin" };
	struct pcap_pkthdr *h;
	const u_char *d;
	pcap_t *p;

	save_three("written.pcap", 20);
	for (size_t i = 0; i < sizeof(hows) / sizeof(hows[0]); i++) {
		if (!(p = open_how("written.pcap", hows[i])))
			continue;
		printf("%s:\n", hows[i]);
		printf("  loop %d\n", pcap_loop(p, 2, write_cb, NULL));
		if (pcap_next_ex(p, &h, &d) == 1) {
			((u_char *)d)[0] ^= 0xff;
			printf("  next_ex: caplen %u, byte0 written %u\n", h->caplen, d[0]);
		}
		pcap_close(p);
	}
	p = open_how("written.pcap", "name");
	if (p) {
		while (next(p, "afterwards") == 1)
			;
		pcap_close(p);
	}
}

/* tcpslice's input: 3000 records over 300 s, of 60 to 1000 bytes. */
static void s_slice_input(void)
{
	pcap_start(0xa1b2c3d4, 0);
	for (uint32_t i = 0; i < 3000; i++)
		pcap_add(1000000000u + i / 10, (i % 10) * 100000, 60 + (i * 37) % 941);
	save("../slice.pcap", img_len);
}

static const struct {
	const char *name;
	void (*run)(void);
} scenarios[] = {
	{ "file_seek", s_file_seek },
	{ "file_pcapng", s_file_pcapng },
	{ "truncated", s_truncated },
	{ "fopen_pipe_peeked", s_fopen_pipe_peeked },
	{ "stdin_pipe", s_stdin_pipe },
	{ "rewound", s_rewound },
	{ "write_packets", s_write_packets },
	{ "slice_input", s_slice_input },
	{ "idb_mismatch", s_idb_mismatch },
};

int main(int argc, char **argv)
{
	char own[32];
	int ran = 0;

	snprintf(own, sizeof(own), "run%ld", (long)getpid());
	if (argc < 3 || chdir(argv[1]) != 0 || mkdir(own, 0700) != 0 || chdir(own) != 0) {
		fprintf(stderr, "usage: savefile_prog DIR SCENARIO...\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int a = 2; a < argc; a++)
		for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
			ran += strcmp(argv[a], scenarios[i].name) == 0 ? (scenarios[i].run(), 1) : 0;
	if (ran == argc - 2)
		return 0;
	fprintf(stderr, "savefile_prog: %d of the scenarios are unknown\n", argc - 2 - ran);
	return 2;
}

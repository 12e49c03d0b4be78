/*
 * hostile_prog.c - bad input to ringcap's libpcap.so.0.8 gives an error,
 * never a crash or an out-of-bounds access (the library is built with
 * ASan in `make asan`).  libpcap itself trusts several of these inputs, so
 * this program runs on ringcap's library only.  Exit status 0 if every
 * CHECK held; each failure is printed.
 *
 * Usage: hostile_prog TMPDIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>
#include <pcap/namedb.h>

static int failures;
static char err[PCAP_ERRBUF_SIZE];

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			printf("FAILED line %d: %s\n", __LINE__, #cond);     \
			failures++;                                          \
		}                                                            \
	} while (0)

static void write_bytes(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	fwrite(buf, 1, len, f);
	fclose(f);
}

static void cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	(void)d;
	*(unsigned *)user += h->caplen;
}

int main(int argc, char **argv)
{
	char path[512], path2[512];
	u_char pkt[64] = { 0 };
	unsigned total = 0;
	pcap_t *p;

	if (argc < 2)
		return 2;
	/* bpf_filter without a length: jumps past the end, a missing ret,
	 * a load from scratch out of range - all reject, none is run. */
	struct bpf_insn jump_out[] = { BPF_JUMP(BPF_JMP | BPF_JA, 100000, 0, 0),
				       BPF_STMT(BPF_RET | BPF_K, 1) };
	CHECK(bpf_filter(jump_out, pkt, 64, 64) == 0);
	struct bpf_insn bad_mem[] = { BPF_STMT(BPF_LD | BPF_MEM, 16), BPF_STMT(BPF_RET | BPF_A, 0) };
	CHECK(bpf_filter(bad_mem, pkt, 64, 64) == 0);
	CHECK(bpf_validate(bad_mem, 2) == 0);
	struct bpf_insn div0[] = { BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0), BPF_STMT(BPF_RET | BPF_A, 0) };
	CHECK(bpf_validate(div0, 2) == 0);
	CHECK(bpf_filter(div0, pkt, 64, 64) == 0);
	/* Loads beyond the packet reject, even with buflen < wirelen. */
	struct bpf_insn far_load[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 62),
				       BPF_STMT(BPF_RET | BPF_K, 99) };
	CHECK(bpf_filter(far_load, pkt, 1000, 64) == 0);
	CHECK(bpf_filter(far_load, pkt, 1000, 66) == 99);
	struct bpf_program badprog = { 2, bad_mem };
	struct pcap_pkthdr h = { { 0, 0 }, 64, 64 };
	CHECK(pcap_offline_filter(&badprog, &h, pkt) == 0);

	/* Strings: over-long Ethernet addresses, names, ranges. */
	u_char *e = pcap_ether_aton("00:11:22:33:44:55:66:77:88:99:aa:bb:cc");
	CHECK(e && e[5] == 0x55);
	free(e);
	char longname[5000];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	int port, port2, proto;
	CHECK(pcap_nametoportrange(longname, &port, &port2, &proto) == 0);
	longname[2000] = '-';
	CHECK(pcap_nametoportrange(longname, &port, &port2, &proto) == 0);
	CHECK(pcap_nametoportrange("70000-1", &port, &port2, &proto) == 0);
	snprintf(path, sizeof(path), "%s/ethers", argv[1]);
	FILE *f = fopen(path, "w+");
	fprintf(f, "00:01:02:03:04:05 %s\n1:2:3\n0:0:0:0:0:1\n0:0:0:0:0:2 ok\n", longname);
	rewind(f);
	struct pcap_etherent *ent = pcap_next_etherent(f);
	CHECK(ent && strlen(ent->name) == sizeof(ent->name) - 1);
	ent = pcap_next_etherent(f);
	CHECK(ent && strcmp(ent->name, "ok") == 0 && ent->addr[5] == 2);
	CHECK(pcap_next_etherent(f) == NULL);
	fclose(f);

	/* Filters: garbage and huge expressions fail with a message. */
	p = pcap_open_dead(DLT_EN10MB, 65535);
	struct bpf_program prog;
	CHECK(pcap_compile(p, &prog, "(((((((((( tcp", 1, 0) == PCAP_ERROR && pcap_geterr(p)[0]);
	CHECK(pcap_compile(p, &prog, "\xff\xfe garbage \x01", 1, 0) == PCAP_ERROR);
	size_t big = 200000;
	char *expr = malloc(big + 1);
	for (size_t i = 0; i + 12 < big; i += 12)
		memcpy(expr + i, "port 1 or   ", 12);
	strcpy(expr + (big / 12) * 12 - 12, "port 1");
	/* Either outcome is fine, but never a silent one: a failure comes
	 * with a message, a success with a program that has instructions. */
	if (pcap_compile(p, &prog, expr, 1, 0) == PCAP_ERROR) {
		CHECK(pcap_geterr(p)[0] != '\0');
	} else {
		CHECK(prog.bf_len > 0 && prog.bf_insns != NULL);
		pcap_freecode(&prog);
	}
	free(expr);
	CHECK(pcap_set_datalink(p, -5) == PCAP_ERROR);
	pcap_close(p);

	/* Savefiles: empty, short, garbage, absurd record lengths. */
	snprintf(path, sizeof(path), "%s/empty.pcap", argv[1]);
	write_bytes(path, "", 0);
	CHECK(pcap_open_offline(path, err) == NULL && err[0]);
	static const unsigned char hdr[24] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
					       0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0 };
	write_bytes(path, hdr, 10);
	CHECK(pcap_open_offline(path, err) == NULL && err[0]);
	unsigned char file[24 + 16 + 8];
	memcpy(file, hdr, 24);
	unsigned rec[4] = { 1, 2, 0x7fffffff, 0x7fffffff };
	memcpy(file + 24, rec, 16);
	memset(file + 40, 0xab, 8);
	write_bytes(path, file, sizeof(file));
	p = pcap_open_offline(path, err);
	CHECK(p != NULL);
	if (p) {
		CHECK(pcap_loop(p, -1, cb, (u_char *)&total) == PCAP_ERROR && pcap_geterr(p)[0]);
		struct pcap_pkthdr *hp;
		const u_char *d;
		CHECK(pcap_next_ex(p, &hp, &d) < 0);
		/* An invalid program is refused and the handle keeps working. */
		struct bpf_program bp = { 2, bad_mem };
		CHECK(pcap_setfilter(p, &bp) == PCAP_ERROR);
		struct bpf_program empty = { 0, NULL };
		CHECK(pcap_setfilter(p, &empty) == PCAP_ERROR);
		pcap_close(p);
	}
	/* Appending to files that are not this kind of pcap. */
	p = pcap_open_dead(DLT_EN10MB, 65535);
	snprintf(path2, sizeof(path2), "%s/garbage.pcap", argv[1]);
	write_bytes(path2, "this is not a capture file at all", 33);
	CHECK(pcap_dump_open_append(p, path2) == NULL && strstr(pcap_geterr(p), "garbage.pcap"));
	write_bytes(path2, hdr, 12);
	CHECK(pcap_dump_open_append(p, path2) == NULL);
	static const unsigned char ng[28] = { 0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c,
					      0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,
					      0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0 };
	write_bytes(path2, ng, sizeof(ng));
	CHECK(pcap_dump_open_append(p, path2) == NULL);
	snprintf(path2, sizeof(path2), "%s/no/such/dir/x.pcap", argv[1]);
	CHECK(pcap_dump_open(p, path2) == NULL && strstr(pcap_geterr(p), "No such file"));
	pcap_close(p);

	/* Live: bad device names fail cleanly. */
	p = pcap_create("this-name-is-far-too-long-for-an-interface", err);
	CHECK(p == NULL || pcap_activate(p) < 0);
	pcap_close(p);
	CHECK(pcap_open_live("", 100, 0, 10, err) == NULL);

	printf("hostile done failures=%d\n", failures);
	return failures != 0;
}

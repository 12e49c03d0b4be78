/*
 * abi_prog.c - calls every function libpcap.so.0.8 exports and prints
 * what each returned, one call per line ("expr = value").
 *
 * tests/test_compat_abi.c builds it twice - against Debian's <pcap/pcap.h>
 * and against ringcap's include/pcap/pcap.h - and runs each build on both
 * Debian's libpcap.so.0.8 and ringcap's build/compat/libpcap.so.0.8.  The
 * outputs must be identical, which checks the headers (types, constants,
 * struct layouts) and the library (return codes, results) against libpcap
 * at once.  Only facts libpcap defines are printed: never message texts
 * that may be worded differently, never addresses.
 *
 * Usage: abi_prog TMPDIR [live]
 *   live: also capture on "lo" (run it in a fresh network namespace with
 *   lo up: it sends two frames there).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Debian's namedb.h needs pcap.h first. */
#include <pcap/pcap.h>
#include <pcap/namedb.h>

/* Exported data, declared by neither header set. */
struct eproto {
	const char *s;
	u_short p;
};
extern struct eproto eproto_db[];
extern char pcap_version[];

#define SAY(...) printf(__VA_ARGS__)
/* One call per line, evaluated in order: "expr = value". */
#define SHOW(expr) SAY("%s = %d\n", #expr, (int)(expr))
#define SHOWU(expr) SAY("%s = %u\n", #expr, (unsigned)(expr))
#define SHOWX(expr) SAY("%s = 0x%x\n", #expr, (unsigned)(expr))
#define SHOWS(expr)                                                 \
	do {                                                        \
		const char *s_ = (expr);                            \
		SAY("%s = %s\n", #expr, s_ ? s_ : "(null)");        \
	} while (0)
#define SHOWP(expr) SAY("%s = %s\n", #expr, (expr) ? "non-NULL" : "NULL")

static const char *tmpdir;
static char err[PCAP_ERRBUF_SIZE];

static const char *tmp(const char *name)
{
	static char buf[4][512];
	static int i;
	char *b = buf[i++ % 4];
	snprintf(b, 512, "%s/%s", tmpdir, name);
	return b;
}

/* A 60-byte Ethernet/IPv4 frame to port dport of protocol proto. */
static void make_frame(u_char *f, int proto, int dport)
{
	memset(f, 0, 60);
	memcpy(f, "\x00\x11\x22\x33\x44\x55\x00\x66\x77\x88\x99\xaa\x08\x00", 14);
	f[14] = 0x45;
	f[17] = 46;
	f[22] = 64;
	f[23] = (u_char)proto;
	memcpy(f + 26, "\x0a\x00\x00\x01\x0a\x00\x00\x02", 8);
	f[34] = 0x30;
	f[35] = 0x39;
	f[36] = (u_char)(dport >> 8);
	f[37] = (u_char)dport;
	if (proto == 6)
		f[46] = 0x50;
}

static void print_hdr(const char *what, const struct pcap_pkthdr *h, const u_char *d)
{
	SAY("%s: ts=%ld.%06ld caplen=%u len=%u byte23=%u\n", what, (long)h->ts.tv_sec,
	    (long)h->ts.tv_usec, h->caplen, h->len, h->caplen > 23 ? d[23] : 0);
}

static int cb_count;
static void cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	cb_count++;
	print_hdr((const char *)user, h, d);
}

static void cb_break(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	(void)h;
	(void)d;
	cb_count++;
	pcap_breakloop((pcap_t *)user);
}

static void names(void)
{
	int port = -9, port2 = -9, proto = -9;
	bpf_u_int32 **a;
	struct addrinfo *ai;
	u_char *e;

	SAY("sizeof pkthdr=%zu stat=%zu if=%zu addr=%zu insn=%zu program=%zu filehdr=%zu\n",
	    sizeof(struct pcap_pkthdr), sizeof(struct pcap_stat), sizeof(pcap_if_t),
	    sizeof(pcap_addr_t), sizeof(struct bpf_insn), sizeof(struct bpf_program),
	    sizeof(struct pcap_file_header));
	SAY("consts %d %d %d %d %d %d %d %u %d %d %d\n", PCAP_ERRBUF_SIZE, PCAP_ERROR_BREAK,
	    PCAP_ERROR_TSTAMP_PRECISION_NOTSUP, PCAP_WARNING_TSTAMP_TYPE_NOTSUP, DLT_RAW,
	    DLT_LINUX_SLL2, PCAP_IF_CONNECTION_STATUS_NOT_APPLICABLE, PCAP_NETMASK_UNKNOWN,
	    BPF_MEMWORDS, DLT_IEEE802_11_RADIO, PCAP_D_OUT);
	SHOW(pcap_lib_version()[0] != 0);
	SHOWS(pcap_version);
	SHOW(pcap_init(7, err));
	SHOW(pcap_init(PCAP_CHAR_ENC_UTF_8, err));
	SHOW(pcap_init(PCAP_CHAR_ENC_LOCAL, err));
	SHOW(pcap_init(PCAP_CHAR_ENC_UTF_8, err));
	SHOW(strcmp(pcap_strerror(ENOENT), strerror(ENOENT)) == 0);
	for (int s = -13; s <= 4; s++)
		SAY("statustostr %d %s\n", s, pcap_statustostr(s));
	for (int v = 0; v < 300; v++)
		if (pcap_datalink_val_to_name(v))
			SAY("dlt %d %s %s\n", v, pcap_datalink_val_to_name(v),
			    pcap_datalink_val_to_description(v));
	SHOWS(pcap_datalink_val_to_description(4242));
	SHOW(pcap_datalink_name_to_val("en10mb"));
	SHOW(pcap_datalink_name_to_val("RAW"));
	SHOW(pcap_datalink_name_to_val("DLT_EN10MB"));
	SHOW(pcap_datalink_name_to_val("nosuch"));
	SHOWS(pcap_datalink_val_to_description_or_dlt(1));
	SHOWS(pcap_datalink_val_to_description_or_dlt(4242));
	for (int t = -1; t < 7; t++) {
		SHOWS(pcap_tstamp_type_val_to_name(t));
		SHOWS(pcap_tstamp_type_val_to_description(t));
	}
	SHOW(pcap_tstamp_type_name_to_val("host"));
	SHOW(pcap_tstamp_type_name_to_val("ADAPTER"));
	SHOW(pcap_tstamp_type_name_to_val("bad"));

	for (struct eproto *p = eproto_db; p->s; p++)
		SAY("eproto %s 0x%04x\n", p->s, p->p);
	SHOWX(pcap_nametoeproto("ip"));
	SHOW(pcap_nametoeproto("nosuch"));
	SHOWX(pcap_nametollc("stp"));
	SHOWX(pcap_nametollc("iso"));
	SHOW(pcap_nametollc("bad"));
	SHOW(pcap_nametoproto("tcp"));
	SHOW(pcap_nametoproto("udp"));
	SHOW(pcap_nametoproto("nosuchproto"));
	SHOW(pcap_nametoport("ssh", &port, &proto));
	SAY("port=%d proto=%d\n", port, proto);
	SHOW(pcap_nametoport("domain", &port, &proto));
	SAY("port=%d proto=%d\n", port, proto);
	SHOW(pcap_nametoport("nosuchservice", &port, &proto));
	SHOW(pcap_nametoportrange("20-21", &port, &port2, &proto));
	SAY("port=%d port2=%d proto=%d\n", port, port2, proto);
	SHOW(pcap_nametoportrange("20", &port, &port2, &proto));
	a = pcap_nametoaddr("localhost");
	SAY("nametoaddr localhost first=0x%08x\n", a && a[0] ? *a[0] : 0);
	ai = pcap_nametoaddrinfo("127.0.0.1");
	SAY("nametoaddrinfo family=%d\n", ai ? ai->ai_family : -1);
	if (ai)
		freeaddrinfo(ai);
	SHOWU(pcap_nametonetaddr("nosuchnet"));
	e = pcap_ether_aton("0:11:22:33:44:5");
	SAY("ether_aton %02x:%02x:%02x:%02x:%02x:%02x\n", e[0], e[1], e[2], e[3], e[4], e[5]);
	free(e);
	SHOWP(e = pcap_ether_hostton("nosuchhost.invalid"));
	free(e);

	FILE *f = fopen(tmp("ethers"), "w+");
	fputs("# comment\n00:01:02:03:04:05 alpha\n\nzz bad line\n0a:b:c:d:e:f\tbeta # c\n", f);
	rewind(f);
	struct pcap_etherent *ent;
	while ((ent = pcap_next_etherent(f)) != NULL)
		SAY("etherent %02x:%02x:%02x:%02x:%02x:%02x %s\n", ent->addr[0], ent->addr[1],
		    ent->addr[2], ent->addr[3], ent->addr[4], ent->addr[5], ent->name);
	fclose(f);
}

static void filters(void)
{
	pcap_t *d = pcap_open_dead(DLT_EN10MB, 1500);
	struct bpf_program prog;
	struct pcap_pkthdr h = { { 1, 2 }, 60, 60 };
	struct pcap_stat st;
	u_char tcp80[60], udp53[60];
	int *dl, n;

	make_frame(tcp80, 6, 80);
	make_frame(udp53, 17, 53);
	SHOW(pcap_datalink(d));
	SHOW(pcap_datalink_ext(d));
	SHOW(pcap_snapshot(d));
	SHOW(pcap_is_swapped(d));
	SHOW(pcap_major_version(d));
	SHOW(pcap_minor_version(d));
	SHOW(pcap_bufsize(d));
	SHOW(pcap_get_tstamp_precision(d));
	SHOW(n = pcap_list_datalinks(d, &dl));
	SAY("first=%d\n", n > 0 ? dl[0] : -1);
	pcap_free_datalinks(dl);
	SHOW(pcap_set_datalink(d, DLT_EN10MB));
	SHOW(pcap_set_datalink(d, DLT_IEEE802_11));
	SHOW(pcap_stats(d, &st));
	SHOW(pcap_inject(d, tcp80, 60));
	SHOW(pcap_sendpacket(d, tcp80, 60));
	SHOW(pcap_setdirection(d, PCAP_D_IN));
	SHOW(pcap_getnonblock(d, err));
	SHOW(pcap_setnonblock(d, 1, err));

	SHOW(pcap_compile(d, &prog, "tcp port 80", 1, PCAP_NETMASK_UNKNOWN));
	SHOW(bpf_validate(prog.bf_insns, (int)prog.bf_len));
	SHOWU(bpf_filter(prog.bf_insns, tcp80, 60, 60));
	SHOWU(bpf_filter(prog.bf_insns, udp53, 60, 60));
	SHOW(pcap_offline_filter(&prog, &h, tcp80) != 0);
	SHOW(pcap_offline_filter(&prog, &h, udp53));
	SHOW(strncmp(bpf_image(prog.bf_insns, 0), "(000) ", 6));
	SHOW(pcap_setfilter(d, &prog));
	pcap_freecode(&prog);
	SHOWP(prog.bf_insns);
	SHOW(prog.bf_len);
	SHOW(pcap_compile(d, &prog, "tcp port 99999", 1, 0));
	SHOW(pcap_compile(d, &prog, "tcp and and", 1, 0));
	SHOW(pcap_compile_nopcap(65535, DLT_EN10MB, &prog, "udp", 1, PCAP_NETMASK_UNKNOWN));
	SHOW(bpf_filter(prog.bf_insns, udp53, 60, 60) != 0);
	SHOWU(bpf_filter(prog.bf_insns, tcp80, 60, 60));
	pcap_freecode(&prog);
	SHOWU(bpf_filter(NULL, tcp80, 60, 60));
	struct bpf_insn bad[] = { BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0) };
	SHOW(bpf_validate(bad, 1));
	SHOW(bpf_validate(bad, 0));
	struct bpf_insn ret[] = { BPF_STMT(BPF_RET | BPF_K, 42) };
	struct bpf_program rp = { 1, ret };
	SHOW(bpf_validate(ret, 1));
	SHOWU(bpf_filter(ret, tcp80, 60, 60));
	SHOWS(bpf_image(ret, 7));
	fflush(stdout);
	bpf_dump(&rp, 1);
	bpf_dump(&rp, 2);
	bpf_dump(&rp, 3);
	fflush(stdout);
	pcap_close(d);
}

static void write_file(const char *path, int precision)
{
	pcap_t *d = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 1500, (u_int)precision);
	pcap_dumper_t *w = pcap_dump_open(d, path);
	u_char f[60];
	struct pcap_pkthdr h;

	for (int i = 0; i < 3; i++) {
		make_frame(f, i == 1 ? 17 : 6, 80);
		h.ts.tv_sec = 1000 + i;
		h.ts.tv_usec = 123456 + i;
		h.caplen = 60;
		h.len = 60 + (bpf_u_int32)i;
		pcap_dump((u_char *)w, &h, f);
	}
	SHOW(pcap_dump_flush(w));
	SHOW(pcap_dump_ftell(w));
	SHOW(pcap_dump_ftell64(w));
	SHOWP(pcap_dump_file(w));
	pcap_dump_close(w);
	pcap_close(d);
}

static void savefiles(void)
{
	struct pcap_pkthdr *hp, h1;
	struct pcap_stat st;
	struct bpf_program prog;
	const u_char *data;
	pcap_dumper_t *w;
	pcap_t *p;
	FILE *fp;
	int rc;

	write_file(tmp("a.pcap"), PCAP_TSTAMP_PRECISION_MICRO);
	write_file(tmp("n.pcap"), PCAP_TSTAMP_PRECISION_NANO);

	SHOWP(p = pcap_open_offline(tmp("a.pcap"), err));
	SHOW(pcap_datalink(p));
	SHOW(pcap_datalink_ext(p));
	SHOW(pcap_snapshot(p));
	SHOW(pcap_is_swapped(p));
	SHOW(pcap_major_version(p));
	SHOW(pcap_minor_version(p));
	SHOW(pcap_get_tstamp_precision(p));
	SHOW(pcap_fileno(p) >= 0);
	SHOW(pcap_stats(p, &st));
	SHOW(pcap_inject(p, "x", 1));
	SHOW(pcap_setdirection(p, PCAP_D_IN));
	SHOW(pcap_getnonblock(p, err));
	while ((rc = pcap_next_ex(p, &hp, &data)) == 1)
		print_hdr("next_ex", hp, data);
	SAY("next_ex end = %d\n", rc);
	SHOW(pcap_next_ex(p, &hp, &data));
	pcap_close(p);

	p = pcap_open_offline_with_tstamp_precision(tmp("a.pcap"), PCAP_TSTAMP_PRECISION_NANO, err);
	SHOW(pcap_get_tstamp_precision(p));
	cb_count = 0;
	SHOW(pcap_loop(p, 2, cb, (u_char *)"loop"));
	SHOW(pcap_dispatch(p, -1, cb, (u_char *)"dispatch"));
	SHOW(pcap_dispatch(p, -1, cb, (u_char *)"x"));
	SHOW(pcap_loop(p, -1, cb, (u_char *)"x"));
	SHOW(cb_count);
	pcap_close(p);

	p = pcap_open_offline(tmp("n.pcap"), err);
	SHOW(pcap_get_tstamp_precision(p));
	data = pcap_next(p, &h1);
	print_hdr("next", &h1, data);
	pcap_close(p);

	fp = fopen(tmp("a.pcap"), "rb");
	p = pcap_fopen_offline(fp, err);
	SHOW(pcap_file(p) == fp);
	SHOW(pcap_compile(p, &prog, "udp", 1, 0));
	SHOW(pcap_setfilter(p, &prog));
	pcap_freecode(&prog);
	cb_count = 0;
	SHOW(pcap_loop(p, -1, cb, (u_char *)"filtered"));
	SHOW(cb_count);
	pcap_close(p);

	p = pcap_open_offline(tmp("a.pcap"), err);
	cb_count = 0;
	SHOW(pcap_loop(p, -1, cb_break, (u_char *)p));
	SHOW(cb_count);
	SHOW(pcap_loop(p, -1, cb_break, (u_char *)p));
	SHOW(cb_count);
	pcap_breakloop(p);
	SHOW(pcap_next_ex(p, &hp, &data));
	SHOW(pcap_next_ex(p, &hp, &data));
	pcap_close(p);

	p = pcap_open_dead(DLT_EN10MB, 1500);
	SHOWP(w = pcap_dump_open_append(p, tmp("a.pcap")));
	struct pcap_pkthdr h = { { 2000, 1 }, 14, 14 };
	pcap_dump((u_char *)w, &h, (const u_char *)"\1\2\3\4\5\6\7\10\11\12\13\14\15\16");
	pcap_dump_close(w);
	SHOWP(w = pcap_dump_open_append(p, tmp("new.pcap")));
	pcap_dump_close(w);
	pcap_close(p);
	p = pcap_open_dead(DLT_RAW, 1500);
	SHOWP(pcap_dump_open_append(p, tmp("a.pcap")));
	SHOWP(w = pcap_dump_fopen(p, fopen(tmp("raw.pcap"), "wb")));
	pcap_dump_close(w);
	pcap_close(p);
	p = pcap_open_offline(tmp("raw.pcap"), err);
	SHOW(pcap_datalink(p));
	pcap_close(p);
	p = pcap_open_offline(tmp("new.pcap"), err);
	SHOW(pcap_next_ex(p, &hp, &data));
	pcap_close(p);
	p = pcap_open_offline(tmp("a.pcap"), err);
	cb_count = 0;
	SHOW(pcap_loop(p, -1, cb, (u_char *)"appended"));
	SHOW(cb_count);
	pcap_close(p);
	SHOWP(pcap_open_offline(tmp("missing.pcap"), err));
	SHOWP(pcap_open_offline_with_tstamp_precision(tmp("a.pcap"), 9, err));
	SHOWP(p = pcap_fopen_offline_with_tstamp_precision(fopen(tmp("n.pcap"), "rb"),
							   PCAP_TSTAMP_PRECISION_MICRO, err));
	data = pcap_next(p, &h1);
	print_hdr("nano as micro", &h1, data);
	pcap_close(p);
}

static void live(void)
{
	pcap_t *p;
	struct bpf_program prog;
	struct pcap_pkthdr *hp;
	const u_char *data;
	struct pcap_stat st;
	int *types, n, rc, got = 0;
	u_char frame[60];

	SHOWP(p = pcap_create("lo", err));
	SHOW(pcap_datalink(p));
	SHOW(pcap_snapshot(p));
	SHOW(pcap_getnonblock(p, err));
	SHOW(pcap_stats(p, &st));
	SHOW(pcap_fileno(p));
	SHOW(pcap_set_snaplen(p, 2000));
	SHOW(pcap_set_promisc(p, 0));
	SHOW(pcap_set_timeout(p, 100));
	SHOW(pcap_set_immediate_mode(p, 1));
	SHOW(pcap_set_buffer_size(p, 1 << 20));
	SHOW(pcap_set_tstamp_type(p, PCAP_TSTAMP_ADAPTER));
	SHOW(pcap_set_tstamp_type(p, PCAP_TSTAMP_HOST));
	SHOW(pcap_set_tstamp_precision(p, 5));
	SHOW(pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO));
	SHOW(pcap_set_rfmon(p, 0));
	SHOW(pcap_can_set_rfmon(p));
	SHOW(pcap_set_protocol_linux(p, 0));
	SHOW(n = pcap_list_tstamp_types(p, &types));
	SAY("first=%d\n", n > 0 ? types[0] : -1);
	pcap_free_tstamp_types(types);
	SHOW(pcap_activate(p));
	SHOW(pcap_activate(p));
	SHOW(pcap_set_snaplen(p, 10));
	SHOW(pcap_datalink(p));
	SHOW(pcap_snapshot(p));
	SHOW(pcap_get_tstamp_precision(p));
	SHOW(pcap_getnonblock(p, err));
	SHOW(pcap_get_selectable_fd(p) >= 0);
	SHOW(pcap_fileno(p) == pcap_get_selectable_fd(p));
	SHOWP(pcap_get_required_select_timeout(p));
	SHOW(pcap_is_swapped(p));
	SHOW(pcap_major_version(p));
	SHOW(pcap_setnonblock(p, 1, err));
	SHOW(pcap_getnonblock(p, err));
	SHOW(pcap_next_ex(p, &hp, &data));
	SHOW(pcap_setnonblock(p, 0, err));
	SHOW(pcap_getnonblock(p, err));
	SHOW(pcap_compile(p, &prog, "ether proto 0x88b5", 1, PCAP_NETMASK_UNKNOWN));
	SHOW(pcap_setfilter(p, &prog));
	pcap_freecode(&prog);
	SHOW(pcap_setdirection(p, PCAP_D_IN));
	memset(frame, 0, sizeof(frame));
	memcpy(frame, "\xff\xff\xff\xff\xff\xff\x02\x00\x00\x00\x00\x01\x88\xb5ringcap-abi", 25);
	SHOW(pcap_inject(p, frame, 60));
	SHOW(pcap_sendpacket(p, frame, 60));
	SHOW(pcap_sendpacket(p, frame, 0));
	for (int i = 0; i < 30 && got < 2; i++) {
		rc = pcap_next_ex(p, &hp, &data);
		if (rc == 1) {
			got++;
			SAY("live packet caplen=%u len=%u marker=%d\n", hp->caplen, hp->len,
			    memcmp(data + 14, "ringcap-abi", 11) == 0);
		} else if (rc < 0) {
			SAY("live next_ex = %d\n", rc);
			break;
		}
	}
	SHOW(got);
	SHOW(pcap_stats(p, &st));
	SAY("recv=%u drop=%u ifdrop=%u\n", st.ps_recv, st.ps_drop, st.ps_ifdrop);
	pcap_close(p);

	SHOWP(p = pcap_open_live("lo", 100, 0, 10, err));
	SHOW(pcap_snapshot(p));
	pcap_close(p);
	SHOWP(pcap_open_live("nosuchdev0", 100, 0, 10, err));
	p = pcap_create("nosuchdev0", err);
	SHOW(pcap_activate(p));
	pcap_close(p);

	/* libpcap also lists non-network sources (bluetooth-monitor, nflog,
	 * dbus-*) that ringcap does not offer: only lo and any are compared. */
	pcap_if_t *all;
	SHOW(pcap_findalldevs(&all, err));
	for (pcap_if_t *d = all; d; d = d->next) {
		int naddr = 0;
		if (strcmp(d->name, "lo") != 0 && strcmp(d->name, "any") != 0)
			continue;
		for (pcap_addr_t *a = d->addresses; a; a = a->next)
			naddr++;
		SAY("dev %s flags=0x%x addrs=%d desc=%s\n", d->name, d->flags, naddr,
		    d->description ? d->description : "(null)");
	}
	pcap_freealldevs(all);
	bpf_u_int32 net = 0, mask = 0;
	SHOW(pcap_lookupnet("lo", &net, &mask, err));
	SAY("net=0x%08x mask=0x%08x\n", net, mask);
	SHOW(pcap_lookupnet("nosuchdev0", &net, &mask, err));
	/* After pcap_init() (called above) the deprecated lookupdev fails. */
	SHOWP(pcap_lookupdev(err));
	pcap_perror(p = pcap_open_dead(DLT_EN10MB, 100), "abi_prog perror test");
	pcap_close(p);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: abi_prog TMPDIR [live]\n");
		return 2;
	}
	tmpdir = argv[1];
	setvbuf(stdout, NULL, _IOLBF, 0);
	names();
	filters();
	savefiles();
	if (argc > 2 && strcmp(argv[2], "live") == 0)
		live();
	/* Debian's pcap.h includes <inttypes.h> (pcap/pcap-inttypes.h), and
	 * sources print with its macros without including it themselves. */
	SAY("PRIu64 from pcap.h: %" PRIu64 "\n", (uint64_t)PCAP_ERRBUF_SIZE);
	SAY("done\n");
	return 0;
}

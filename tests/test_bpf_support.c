/*
 * test_bpf_support.c - generators and the libpcap oracle for the BPF tests
 * (see test_bpf_support.h).  No TEST() here.
 */
#include "test_bpf_support.h"

#include <linux/filter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

uint32_t bpft_rand(uint64_t *state)
{
	uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ull;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (uint32_t)((x * 0x2545f4914f6cdd1dull) >> 32);
}

static uint32_t pick(uint64_t *s, uint32_t n)
{
	return bpft_rand(s) % n;
}

/* A load offset: mostly inside a typical frame, sometimes at the edges. */
static uint32_t rand_offset(uint64_t *s)
{
	switch (pick(s, 10)) {
	case 0:
		return bpft_rand(s);
	case 1:
		return 0xffffffffu - pick(s, 8);
	case 2:
		return 0x80000000u - pick(s, 4);
	default:
		return pick(s, 80);
	}
}

static uint32_t rand_const(uint64_t *s)
{
	switch (pick(s, 6)) {
	case 0:
		return bpft_rand(s);
	case 1:
		return 0xffffffffu;
	case 2:
		return pick(s, 40);
	default:
		return pick(s, 256);
	}
}

static const uint16_t alu_ops[] = {BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD,
				   BPF_AND, BPF_OR,  BPF_XOR, BPF_LSH, BPF_RSH};
static const uint16_t jmp_ops[] = {BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET};
static const uint16_t sizes[] = {BPF_W, BPF_H, BPF_B};

static void rand_insn(uint64_t *s, rc_bpf_insn *in, size_t pc, size_t len, int kind)
{
	size_t room = len - pc - 1; /* instructions after this one */
	memset(in, 0, sizeof *in);
	for (;;) {
		switch (pick(s, 16)) {
		case 0:
		case 1:
			in->code = BPF_LD | sizes[pick(s, 3)] | BPF_ABS;
			in->k = rand_offset(s);
			if (kind == BPFT_ANCILLARY && pick(s, 3) == 0)
				in->k = (uint32_t)SKF_AD_OFF + 4 * pick(s, SKF_AD_MAX / 4);
			else if (in->k >= (uint32_t)SKF_AD_OFF)
				in->k = pick(s, 80);
			return;
		case 2:
			in->code = BPF_LD | sizes[pick(s, 3)] | BPF_IND;
			in->k = rand_offset(s);
			return;
		case 3:
			in->code = BPF_LDX | BPF_B | BPF_MSH;
			in->k = rand_offset(s);
			return;
		case 4:
			in->code = pick(s, 2) ? (BPF_LD | BPF_IMM) : (BPF_LDX | BPF_IMM);
			in->k = rand_const(s);
			return;
		case 5:
			in->code = pick(s, 2) ? (BPF_LD | BPF_W | BPF_LEN) : (BPF_LDX | BPF_W | BPF_LEN);
			return;
		case 6: {
			static const uint16_t memops[] = {BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM, BPF_ST,
							  BPF_STX};
			in->code = memops[pick(s, 4)];
			in->k = pick(s, 4); /* few slots: more reuse */
			return;
		}
		case 7:
		case 8: {
			uint16_t op = alu_ops[pick(s, 10)];
			int x = pick(s, 2);
			in->code = BPF_ALU | op | (x ? BPF_X : BPF_K);
			in->k = rand_const(s);
			if (!x && (op == BPF_DIV || op == BPF_MOD) && in->k == 0)
				in->k = 1 + pick(s, 7);
			if (!x && (op == BPF_LSH || op == BPF_RSH))
				in->k %= 32;
			return;
		}
		case 9:
			in->code = pick(s, 3) == 0 ? (BPF_ALU | BPF_NEG)
						   : (BPF_MISC | (pick(s, 2) ? BPF_TAX : BPF_TXA));
			return;
		case 10:
		case 11:
		case 12:
			if (room < 2)
				continue;
			in->code = BPF_JMP | jmp_ops[pick(s, 4)] | (pick(s, 3) == 0 ? BPF_X : BPF_K);
			in->k = pick(s, 2) ? pick(s, 8) : rand_const(s);
			in->jt = (uint8_t)pick(s, (uint32_t)(room < 256 ? room : 256));
			in->jf = (uint8_t)pick(s, (uint32_t)(room < 256 ? room : 256));
			return;
		case 13:
			if (room < 2)
				continue;
			in->code = BPF_JMP | BPF_JA;
			in->k = pick(s, (uint32_t)room);
			return;
		default:
			in->code = pick(s, 2) ? (BPF_RET | BPF_K) : (BPF_RET | BPF_A);
			in->k = pick(s, 3) ? 0xffff : pick(s, 3);
			return;
		}
	}
}

size_t bpft_rand_program(uint64_t *s, rc_bpf_insn *out, size_t max_len, int kind)
{
	size_t len = 1 + pick(s, (uint32_t)max_len);
	for (size_t pc = 0; pc + 1 < len; pc++)
		rand_insn(s, &out[pc], pc, len, kind);
	out[len - 1].code = pick(s, 2) ? (BPF_RET | BPF_K) : (BPF_RET | BPF_A);
	out[len - 1].jt = out[len - 1].jf = 0;
	out[len - 1].k = 0x40000;
	/* Scratch reads that the kernel's check would refuse become immediates. */
	char err[RC_ERRBUF_SIZE];
	while (rc_bpf_validate(out, len, err) < 0) {
		size_t at = strtoul(err + strlen("instruction "), NULL, 10);
		if (at >= len || (out[at].code != (BPF_LD | BPF_MEM) && out[at].code != (BPF_LDX | BPF_MEM))) {
			fprintf(stderr, "bpft_rand_program: generated an invalid program: %s\n", err);
			abort();
		}
		out[at].code = out[at].code == (BPF_LD | BPF_MEM) ? (BPF_LD | BPF_IMM) : (BPF_LDX | BPF_IMM);
	}
	return len;
}

/* Real frames, byte for byte. */
static const uint8_t frame_tcp4[] = {
	/* Ethernet */ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
	/* IPv4 ihl 5, proto 6, 10.0.0.1 -> 192.168.1.2 */
	0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 192, 168, 1, 2,
	/* TCP 1234 -> 80, SYN */
	0x04, 0xd2, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0};
static const uint8_t frame_udp4_opts[] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
	/* IPv4 ihl 6 (one option word), proto 17 */
	0x46, 0, 0, 36, 0, 2, 0, 0, 64, 17, 0, 0, 192, 168, 7, 7, 10, 0, 0, 1, 1, 1, 1, 0,
	/* UDP 5353 -> 53 */
	0x14, 0xe9, 0, 53, 0, 12, 0, 0, 1, 2, 3, 4};
static const uint8_t frame_tcp6[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x86, 0xdd,
	0x60, 0, 0, 0, 0, 20, 6, 64,
	0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
	0, 22, 0x01, 0xbb, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x12, 0xff, 0xff, 0, 0, 0, 0};
static const uint8_t frame_vlan_icmp[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x81, 0x00, 0x00, 0x64, 0x08, 0x00,
	0x45, 0, 0, 28, 0, 3, 0x20, 0x05, 64, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
	8, 0, 0, 0, 0, 1, 0, 1};
static const uint8_t frame_arp[] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 1, 2, 3, 4, 5, 0x08, 0x06,
	0, 1, 8, 0, 6, 4, 0, 1, 0, 1, 2, 3, 4, 5, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2};

static const struct {
	const uint8_t *bytes;
	uint32_t len;
} frames[] = {
	{frame_tcp4, sizeof frame_tcp4},           {frame_udp4_opts, sizeof frame_udp4_opts},
	{frame_tcp6, sizeof frame_tcp6},           {frame_vlan_icmp, sizeof frame_vlan_icmp},
	{frame_arp, sizeof frame_arp},
};

void bpft_rand_packet(uint64_t *s, uint8_t *buf, uint32_t *caplen, uint32_t *wirelen)
{
	uint32_t len;
	memset(buf, 0, BPFT_PKT_MAX);
	if (pick(s, 4) == 0) {
		len = pick(s, BPFT_PKT_MAX + 1);
		for (uint32_t i = 0; i < len; i++)
			buf[i] = (uint8_t)(pick(s, 3) ? pick(s, 256) : pick(s, 8));
	} else {
		size_t f = pick(s, sizeof frames / sizeof frames[0]);
		len = frames[f].len;
		memcpy(buf, frames[f].bytes, len);
		for (uint32_t n = pick(s, 3); n > 0; n--)
			buf[pick(s, len)] = (uint8_t)bpft_rand(s);
		if (pick(s, 3) == 0)
			len = pick(s, len + 1); /* truncated capture */
	}
	*caplen = len;
	*wirelen = len + (pick(s, 4) == 0 ? pick(s, 1500) : 0);
}

const char *const bpft_exprs[] = {
	"",
	"tcp port 80",
	"net 192.168.0.0/16 and not port 443",
	"port 1 or port 2 or port 3 or port 4 or port 5 or port 6 or port 7 or port 8 or port 9 or port 10",
	"vlan and ip",
	"tcp[tcpflags] & tcp-syn != 0",
	"udp and dst port 53",
	"icmp or arp",
	"ip6 and tcp",
	"host 10.0.0.1 and (port 22 or port 80)",
	"ether broadcast",
	"ip",
	"ip6",
	"arp",
	"tcp",
	"udp",
	"icmp6",
	"host 10.0.0.1",
	"src host 10.0.0.1",
	"dst net 10.0.0.0/8",
	"ether host 00:01:02:03:04:05",
	"ether src 00:01:02:03:04:05 and ether dst ff:ff:ff:ff:ff:ff",
	"portrange 1000-2000",
	"tcp portrange 1-1023",
	"less 100",
	"greater 1000",
	"len > 64 and len < 1500",
	"ip[8] < 5",
	"ip[2:2] > 576",
	"tcp[13] & 2 != 0",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
	"icmp[icmptype] == icmp-echo",
	"ip and ip[6:2] & 0x1fff != 0",
	"ip multicast",
	"ether multicast",
	"not ip and not arp",
	"vlan 100",
	"vlan 100 and tcp port 22",
	"mpls",
	"ip proto 47",
	"ip6 proto 17",
	"ip6 protochain 6",
	"ip protochain 17",
	"host fe80::1",
	"net fe80::/10",
	"udp port 67 or udp port 68",
	"tcp dst port 443 and ip src 10.1.2.3",
	"ip[0] & 0xf > 5",
	"(tcp[12] >> 2) > 20",
	"ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2) != 0",
	"ip[1] % 4 == 0 or ip[1] / 4 == 3",
	"ip[1] * 3 + 1 == ip[2] ^ 7",
	"decnet host 1.2",
	"not tcp port 22 and not udp port 53",
	"ip broadcast or ip multicast",
	"ether proto 0x88cc",
	"llc",
	"pppoed or pppoes",
	"wlan host 00:01:02:03:04:05",
	"sctp port 9",
};
const size_t bpft_nexprs = sizeof bpft_exprs / sizeof bpft_exprs[0];

#ifdef RC_HAVE_LIBPCAP_ORACLE
int bpft_pcap_compile(const char *expr, int dlt, int optimize, rc_bpf_prog *out)
{
	struct bpf_program bp;
	pcap_t *h = pcap_open_dead(dlt, 262144);
	if (!h)
		return -1;
	/* netmask for `ip broadcast` */
	if (pcap_compile(h, &bp, expr, optimize, 0xffffff00u) < 0) {
		/* e.g. "vlan" on raw IP: callers skip such pairs */
		pcap_close(h);
		return -1;
	}
	out->len = bp.bf_len;
	out->insns = malloc(bp.bf_len * sizeof(rc_bpf_insn));
	if (!out->insns)
		abort();
	memcpy(out->insns, bp.bf_insns, bp.bf_len * sizeof(rc_bpf_insn));
	pcap_freecode(&bp);
	pcap_close(h);
	return 0;
}

uint32_t bpft_pcap_filter(const rc_bpf_insn *insns, const uint8_t *pkt, uint32_t caplen,
			  uint32_t wirelen)
{
	return bpf_filter((const struct bpf_insn *)insns, pkt, wirelen, caplen);
}
#endif

/*
 * test_filter_compile_codegen.c - what specific primitives compile to, and
 * that the result behaves as pcap-filter(7) says on hand-made packets.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <linux/filter.h>

#include "ringcap/filter.h"

static rc_bpf_prog compile(const char *expr, int lt, const rc_filter_opts *o)
{
	rc_bpf_prog p = {0};
	char err[RC_ERRBUF_SIZE] = "";
	if (rc_filter_compile(&p, expr, lt, 262144, 0xffffff00u, o, err) != 0)
		rc_test_fail(__FILE__, __LINE__, "compile \"%s\": %s", expr, err);
	return p;
}

/* Does the program contain instruction (code, k)? */
static int has(const rc_bpf_prog *p, uint16_t code, uint32_t k)
{
	for (size_t i = 0; i < p->len; i++)
		if (p->insns[i].code == code && p->insns[i].k == k)
			return 1;
	return 0;
}

static uint32_t run(const rc_bpf_prog *p, const uint8_t *pkt, size_t len)
{
	return rc_bpf_run_simple(p->insns, p->len, pkt, (uint32_t)len, (uint32_t)len);
}

/* Ethernet + IPv4 + TCP, ports and addresses filled in by the caller. */
static void eth_tcp(uint8_t *f, uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport)
{
	memset(f, 0, 54);
	f[12] = 0x08;
	f[14] = 0x45;
	f[23] = 6;
	for (int i = 0; i < 4; i++) {
		f[26 + i] = (uint8_t)(src >> (24 - 8 * i));
		f[30 + i] = (uint8_t)(dst >> (24 - 8 * i));
	}
	f[34] = (uint8_t)(sport >> 8);
	f[35] = (uint8_t)sport;
	f[36] = (uint8_t)(dport >> 8);
	f[37] = (uint8_t)dport;
}

TEST(filter_codegen_empty_expression_accepts_everything)
{
	rc_bpf_prog p = compile("   ", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_EQ(p.len, 1);
	ASSERT_UINT_EQ(p.insns[0].code, BPF_RET | BPF_K);
	ASSERT_UINT_EQ(p.insns[0].k, 262144);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_ip_on_ethernet_is_one_ethertype_test)
{
	rc_bpf_prog p = compile("ip", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_EQ(p.len, 4);
	ASSERT_UINT_EQ(p.insns[0].code, BPF_LD | BPF_H | BPF_ABS);
	ASSERT_UINT_EQ(p.insns[0].k, 12);
	ASSERT_UINT_EQ(p.insns[1].code, BPF_JMP | BPF_JEQ | BPF_K);
	ASSERT_UINT_EQ(p.insns[1].k, 0x800);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_link_types_place_the_network_header)
{
	rc_bpf_prog p = compile("ip[9] = 6", RC_LINKTYPE_LINUX_SLL, NULL);
	ASSERT_TRUE(has(&p, BPF_LD | BPF_H | BPF_ABS, 14));     /* SLL protocol */
	ASSERT_TRUE(has(&p, BPF_LD | BPF_B | BPF_ABS, 16 + 9));
	rc_bpf_prog_free(&p);
	p = compile("ip[9] = 6", RC_LINKTYPE_LINUX_SLL2, NULL);
	ASSERT_TRUE(has(&p, BPF_LD | BPF_H | BPF_ABS, 0));
	ASSERT_TRUE(has(&p, BPF_LD | BPF_B | BPF_ABS, 20 + 9));
	rc_bpf_prog_free(&p);
	p = compile("ip", RC_LINKTYPE_RAW, NULL);                /* version nibble */
	ASSERT_TRUE(has(&p, BPF_ALU | BPF_AND | BPF_K, 0xf0));
	ASSERT_TRUE(has(&p, BPF_JMP | BPF_JEQ | BPF_K, 0x40));
	rc_bpf_prog_free(&p);
	p = compile("ip", RC_LINKTYPE_LOOP, NULL);               /* AF_INET, network order */
	ASSERT_TRUE(has(&p, BPF_JMP | BPF_JEQ | BPF_K, 2));
	rc_bpf_prog_free(&p);
	p = compile("ip and tcp", RC_LINKTYPE_IPV4, NULL);       /* no link header at all */
	ASSERT_TRUE(has(&p, BPF_LD | BPF_B | BPF_ABS, 9));
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_vlan_shifts_later_offsets)
{
	rc_bpf_prog p = compile("vlan 10 and ip", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_TRUE(has(&p, BPF_LD | BPF_H | BPF_ABS, 16));      /* ethertype behind the tag */
	ASSERT_TRUE(has(&p, BPF_ALU | BPF_AND | BPF_K, 0x0fff));
	uint8_t f[64] = {0};
	f[12] = 0x81; f[14] = 0x00; f[15] = 10; f[16] = 0x08;
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	f[15] = 11;
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_linux_live_vlan_uses_kernel_metadata)
{
	rc_filter_opts o = {.optimize = 1, .linux_live = 1, .resolve_names = 0};
	rc_bpf_prog p = compile("vlan 10 and ip", RC_LINKTYPE_ETHERNET, &o);
	ASSERT_TRUE(has(&p, BPF_LD | BPF_W | BPF_ABS, (uint32_t)SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT));
	ASSERT_TRUE(has(&p, BPF_LD | BPF_W | BPF_ABS, (uint32_t)SKF_AD_OFF + SKF_AD_VLAN_TAG));
	ASSERT_TRUE(has(&p, BPF_LD | BPF_H | BPF_ABS, 12));      /* tag stripped: no shift */
	rc_bpf_prog_free(&p);
	p = compile("outbound", RC_LINKTYPE_ETHERNET, &o);
	ASSERT_TRUE(has(&p, BPF_LD | BPF_H | BPF_ABS, (uint32_t)SKF_AD_OFF + SKF_AD_PKTTYPE));
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_tcp_port_checks_fragments_and_header_length)
{
	rc_bpf_prog p = compile("tcp dst port 80", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_TRUE(has(&p, BPF_JMP | BPF_JSET | BPF_K, 0x1fff));
	ASSERT_TRUE(has(&p, BPF_LDX | BPF_MSH | BPF_B, 14));
	uint8_t f[64];
	eth_tcp(f, 0x0a000001, 0x0a000002, 1234, 80);
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	eth_tcp(f, 0x0a000001, 0x0a000002, 80, 1234);
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	eth_tcp(f, 0x0a000001, 0x0a000002, 1234, 80);
	f[20] = 0x00; f[21] = 0x10;                               /* a later fragment */
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_implicit_qualifiers_and_precedence)
{
	rc_bpf_prog a = compile("host 10.0.0.1 or 10.0.0.2", RC_LINKTYPE_ETHERNET, NULL);
	rc_bpf_prog b = compile("host 10.0.0.1 or host 10.0.0.2", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_EQ(a.len, b.len);
	ASSERT_MEM_EQ(a.insns, b.insns, a.len * sizeof(rc_bpf_insn));
	rc_bpf_prog_free(&a);
	rc_bpf_prog_free(&b);
	/* and/or: same precedence, left to right */
	a = compile("udp or tcp and port 80", RC_LINKTYPE_ETHERNET, NULL);
	b = compile("(udp or tcp) and port 80", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_EQ(a.len, b.len);
	ASSERT_MEM_EQ(a.insns, b.insns, a.len * sizeof(rc_bpf_insn));
	rc_bpf_prog_free(&a);
	rc_bpf_prog_free(&b);
	/* '^' takes everything to its right: 1 ^ (2 + 3) = 4 */
	uint8_t f[60] = {0};
	a = compile("1 ^ 2 + 3 = 4", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_NE(run(&a, f, sizeof(f)), 0);
	rc_bpf_prog_free(&a);
	a = compile("2 * 3 + 1 = 7 and 10 - 2 - 3 = 5 and -1 = 0xffffffff", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_NE(run(&a, f, sizeof(f)), 0);
	rc_bpf_prog_free(&a);
}

/* "byte N op V" reads byte N of the link-layer header, as libpcap does
 * (tcpdump -y EN10MB -d 'byte 9 = 6' loads [9]); after pppoes that header
 * is PPP's, after vlan/mpls it stays Ethernet's. */
TEST(filter_codegen_byte_reads_the_link_layer_header)
{
	static const struct { const char *expr; int lt; uint32_t off; } c[] = {
		{"byte 9 = 6", RC_LINKTYPE_ETHERNET, 9},
		{"byte 9 < 6", RC_LINKTYPE_ETHERNET, 9},
		{"byte 9 > 6", RC_LINKTYPE_ETHERNET, 9},
		{"byte 9 & 6", RC_LINKTYPE_ETHERNET, 9},
		{"byte 9 | 6", RC_LINKTYPE_ETHERNET, 9},
		{"byte 9 = 6", RC_LINKTYPE_LINUX_SLL, 9},
		{"byte 3 = 6", RC_LINKTYPE_NULL, 3},
		{"vlan and byte 9 > 6", RC_LINKTYPE_ETHERNET, 9},
		{"mpls and byte 9 > 6", RC_LINKTYPE_ETHERNET, 9},
		{"pppoes and byte 9 = 6", RC_LINKTYPE_ETHERNET, 29},
	};
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		rc_bpf_prog p = compile(c[i].expr, c[i].lt, NULL);
		if (!has(&p, BPF_LD | BPF_B | BPF_ABS, c[i].off))
			rc_test_fail(__FILE__, __LINE__, "\"%s\" on link type %d: no ldb [%u]",
				     c[i].expr, c[i].lt, c[i].off);
		rc_bpf_prog_free(&p);
	}
	uint8_t f[60] = {0};
	f[9] = 7;
	f[23] = 6;
	rc_bpf_prog p = compile("byte 9 = 7 and byte 9 > 6 and byte 9 & 1", RC_LINKTYPE_ETHERNET,
				NULL);
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

/* NULL (host byte order) and LOOP (network order) headers hold a BSD's
 * AF_INET6: 24, 28 or 30, the values libpcap tests in a savefile. */
TEST(filter_codegen_ip6_on_loopback_headers_takes_each_bsd_af_inet6)
{
	static const uint32_t af[] = {24, 28, 30, 10};   /* 10: Linux's, never written */
	uint8_t f[44] = {0};
	f[4] = 0x60;
	for (int loop = 0; loop < 2; loop++) {
		rc_bpf_prog p = compile("ip6", loop ? RC_LINKTYPE_LOOP : RC_LINKTYPE_NULL, NULL);
		for (size_t i = 0; i < 4; i++) {
			uint32_t be = htonl(af[i]);
			if (loop)
				memcpy(f, &be, 4);
			else
				memcpy(f, &af[i], 4);
			if ((run(&p, f, sizeof(f)) != 0) != (af[i] != 10))
				rc_test_fail(__FILE__, __LINE__, "%s header with AF %u: want %d",
					     loop ? "LOOP" : "NULL", af[i], af[i] != 10);
		}
		rc_bpf_prog_free(&p);
	}
}

TEST(filter_codegen_arithmetic_with_variable_operands)
{
	/* ether[0] + ether[1] * 2 = ether[2] with bytes 3, 4, 11 */
	rc_bpf_prog p = compile("ether[0] + ether[1] * 2 = ether[2] and len - 1 > ether[0]",
				RC_LINKTYPE_ETHERNET, NULL);
	uint8_t f[20] = {3, 4, 11};
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	f[2] = 12;
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
	/* an index computed from the packet */
	p = compile("ether[ether[0]] = 0x55", RC_LINKTYPE_ETHERNET, NULL);
	uint8_t g[20] = {7};
	g[7] = 0x55;
	ASSERT_UINT_NE(run(&p, g, sizeof(g)), 0);
	g[7] = 0x56;
	ASSERT_UINT_EQ(run(&p, g, sizeof(g)), 0);
	rc_bpf_prog_free(&p);
}

/* A field's protocol test holds on either side of an operator (libpcap
 * 1.10.3 keeps only the left side's: docs/filters.md). */
TEST(filter_codegen_field_on_the_right_keeps_its_protocol_test)
{
	uint8_t f[60];
	eth_tcp(f, 0x0a000001, 0x0a000002, 1000, 2000);
	for (int i = 0; i < 2; i++) {
		rc_bpf_prog p = compile(i ? "not 0 & tcp[13] < ip[0]" : "not tcp[13] & 0 < ip[0]",
					RC_LINKTYPE_ETHERNET, NULL);
		f[23] = 6; /* TCP: 0 < 0x45 holds, "not" rejects */
		ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
		f[23] = 17; /* UDP: no tcp[13], the relation fails, "not" accepts */
		ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
		rc_bpf_prog_free(&p);
	}
	/* A divisor field at index 0 is no constant 0 (libpcap refuses it). */
	rc_bpf_prog p = compile("tcp[13] / ether[0] = 2", RC_LINKTYPE_ETHERNET, NULL);
	f[23] = 6;
	f[0] = 2;
	f[14 + 20 + 13] = 4;
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	f[0] = 0; /* division by zero at run time rejects */
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_protochain_walks_ipv6_extension_headers)
{
	rc_bpf_prog p = compile("ip6 protochain 6", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_TRUE(p.len <= RC_BPF_MAXINSNS);
	uint8_t f[14 + 40 + 8 + 8 + 20] = {0};
	f[12] = 0x86; f[13] = 0xdd; f[14] = 0x60;
	f[14 + 6] = 0;              /* hop-by-hop */
	f[54] = 60; f[55] = 0;      /* -> destination options, 8 bytes */
	f[62] = 6; f[63] = 0;       /* -> TCP */
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	f[62] = 17;
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_names_resolve_like_numbers)
{
	rc_bpf_prog a = compile("tcp port http", RC_LINKTYPE_ETHERNET, NULL);
	rc_bpf_prog b = compile("tcp port 80", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_UINT_EQ(a.len, b.len);
	ASSERT_MEM_EQ(a.insns, b.insns, a.len * sizeof(rc_bpf_insn));
	rc_bpf_prog_free(&a);
	rc_bpf_prog_free(&b);
	a = compile("ip proto \\udp", RC_LINKTYPE_ETHERNET, NULL);
	b = compile("ip proto 17", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_MEM_EQ(a.insns, b.insns, a.len * sizeof(rc_bpf_insn));
	rc_bpf_prog_free(&a);
	rc_bpf_prog_free(&b);
	a = compile("host localhost", RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_TRUE(has(&a, BPF_JMP | BPF_JEQ | BPF_K, 0x7f000001));
	rc_bpf_prog_free(&a);
}

TEST(filter_codegen_long_programs_get_trampolines)
{
	/* enough distinct IPv6 hosts that jumps exceed 255 instructions */
	char expr[8192] = "";
	for (int i = 0; i < 40; i++) {
		char h[64];
		snprintf(h, sizeof(h), "%shost 2001:db8::%x", i ? " or " : "", i + 1);
		strcat(expr, h);
	}
	rc_bpf_prog p = compile(expr, RC_LINKTYPE_ETHERNET, NULL);
	ASSERT_TRUE(p.len > 256);
	ASSERT_INT_EQ(rc_bpf_validate(p.insns, p.len, NULL), 0);
	uint8_t f[14 + 40 + 8] = {0};
	f[12] = 0x86; f[13] = 0xdd; f[14] = 0x60;
	f[14 + 24] = 0x20; f[14 + 25] = 0x01; f[14 + 26] = 0x0d; f[14 + 27] = 0xb8;
	f[14 + 39] = 40;            /* dst 2001:db8::28, the last one */
	ASSERT_UINT_NE(run(&p, f, sizeof(f)), 0);
	f[14 + 39] = 41;
	ASSERT_UINT_EQ(run(&p, f, sizeof(f)), 0);
	rc_bpf_prog_free(&p);
}

TEST(filter_codegen_threads_jumps_over_decided_tests)
{
	/* without the optimizer, the generator itself skips tests whose outcome
	 * an earlier test of the same packet field decides */
	rc_filter_opts o = {.optimize = 0, .linux_live = 0, .resolve_names = 0};
	rc_bpf_prog p = compile("ip and ip and ip", RC_LINKTYPE_ETHERNET, &o);
	ASSERT_UINT_EQ(p.len, 4);
	rc_bpf_prog_free(&p);
	p = compile("ip[9] = 50 and ip[9] = 17", RC_LINKTYPE_ETHERNET, &o);
	ASSERT_FALSE(has(&p, BPF_JMP | BPF_JEQ | BPF_K, 17));
	ASSERT_FALSE(has(&p, BPF_RET | BPF_K, 262144));   /* can never match */
	rc_bpf_prog_free(&p);
	p = compile("ether[0] > 10 and ether[0] > 5", RC_LINKTYPE_ETHERNET, &o);
	ASSERT_FALSE(has(&p, BPF_JMP | BPF_JGT | BPF_K, 5));
	rc_bpf_prog_free(&p);
}

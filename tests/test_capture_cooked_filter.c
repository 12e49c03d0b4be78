/*
 * test_capture_cooked_filter.c - rc__cooked_filter, the rewrite of a
 * program compiled for the cooked header into the one a cooked socket's
 * kernel filter runs: hand-written programs (each rule, each case it must
 * refuse) and compiled filters run by the VM on both sides of the
 * rewrite - the original on the cooked bytes ringcap delivers, the
 * translation on the network-layer bytes the kernel's filter sees; and
 * rc__cooked_fanout, the same rewrite for a fanout group's program.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>

#include "capture/cooked_filter.h"
#include "ringcap/linktype.h"

#define ANC(n) ((uint32_t)SKF_AD_OFF + (n))

/* The instructions in front of every translation: tagged packets go to user space. */
#define PRE 6

static rc_bpf_insn *xlate(const rc_bpf_insn *p, size_t n, int link, size_t *out_n, char *why)
{
	rc_bpf_insn *out = NULL;
	why[0] = '\0';
	int r = rc__cooked_filter(p, n, link, &out, out_n, why);
	if (r < 0)
		rc_test_fail(__FILE__, __LINE__, "rc__cooked_filter: %d", r);
	return r ? out : NULL;
}

/* xlate that must translate, into want_n instructions. */
/* xlate that must translate, into PRE + want_n instructions; returns
 * the translation of p itself (free it with tfree). */
static rc_bpf_insn *xlate_ok(const rc_bpf_insn *p, size_t n, int link, size_t want_n)
{
	char why[RC_ERRBUF_SIZE];
	size_t got;
	rc_bpf_insn *t = xlate(p, n, link, &got, why);
	if (!t)
		rc_test_fail(__FILE__, __LINE__, "not translated: %s", why);
	ASSERT_UINT_EQ(got, PRE + want_n);
	return t + PRE;
}

static void tfree(rc_bpf_insn *body)
{
	free(body - PRE);
}

static void expect_insn(const rc_bpf_insn *got, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	ASSERT_INT_EQ(got->code, code);
	ASSERT_INT_EQ(got->jt, jt);
	ASSERT_INT_EQ(got->jf, jf);
	ASSERT_UINT_EQ(got->k, k);
}

TEST(capture_cooked_filter_moves_sll2_loads_and_returns)
{
	/* udp on SLL2, with the ifindex and packet type fields and a length */
	const rc_bpf_insn p[] = {
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, 0 },         /* protocol */
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 7, 0x0800 },
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, 20 + 9 },    /* IPv4 protocol */
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 17 },
		{ BPF_LD | BPF_W | BPF_ABS, 0, 0, 4 },         /* ifindex */
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 7 },
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, 10 },        /* packet type */
		{ BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 },
		{ BPF_JMP | BPF_JGT | BPF_K, 0, 1, 100 },
		{ BPF_RET | BPF_K, 0, 0, 262144 },
		{ BPF_RET | BPF_K, 0, 0, 0 },
	};
	rc_bpf_insn *t = xlate_ok(p, 11, RC_LINKTYPE_LINUX_SLL2, 12); /* ld len: two */
	expect_insn(&t[0], BPF_LD | BPF_H | BPF_ABS, 0, 0, ANC(SKF_AD_PROTOCOL));
	expect_insn(&t[1], BPF_JMP | BPF_JEQ | BPF_K, 0, 8, 0x0800); /* over the add too */
	expect_insn(&t[2], BPF_LD | BPF_B | BPF_ABS, 0, 0, 9);
	expect_insn(&t[3], BPF_JMP | BPF_JEQ | BPF_K, 0, 6, 17);
	expect_insn(&t[4], BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_IFINDEX));
	expect_insn(&t[5], BPF_JMP | BPF_JEQ | BPF_K, 0, 4, 7);
	expect_insn(&t[6], BPF_LD | BPF_B | BPF_ABS, 0, 0, ANC(SKF_AD_PKTTYPE));
	expect_insn(&t[7], BPF_LD | BPF_W | BPF_LEN, 0, 0, 0);
	expect_insn(&t[8], BPF_ALU | BPF_ADD | BPF_K, 0, 0, 20);
	expect_insn(&t[9], BPF_JMP | BPF_JGT | BPF_K, 0, 1, 100);
	expect_insn(&t[10], BPF_RET | BPF_K, 0, 0, 262144 - 20);
	expect_insn(&t[11], BPF_RET | BPF_K, 0, 0, 0);

	/* In front: a packet with a VLAN tag (metadata, or a TPID as
	 * protocol: the tag is still in its data) is accepted whole. */
	t -= PRE;
	expect_insn(&t[0], BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_VLAN_TAG_PRESENT));
	expect_insn(&t[1], BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 0);
	expect_insn(&t[2], BPF_LD | BPF_H | BPF_ABS, 0, 0, ANC(SKF_AD_PROTOCOL));
	expect_insn(&t[3], BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 0x8100);
	expect_insn(&t[4], BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0x88a8);
	expect_insn(&t[5], BPF_RET | BPF_K, 0, 0, UINT32_MAX);
	free(t);
}

TEST(capture_cooked_filter_moves_sll_v1_fields_and_indexed_loads)
{
	const rc_bpf_insn p[] = {
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, 0 },          /* packet type */
		{ BPF_JMP | BPF_JEQ | BPF_K, 6, 0, PACKET_OUTGOING },
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, 14 },         /* protocol */
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 4, 0x0800 },
		{ BPF_LDX | BPF_B | BPF_MSH, 0, 0, 16 },
		{ BPF_LD | BPF_H | BPF_IND, 0, 0, 16 + 2 },     /* destination port */
		{ BPF_JMP | BPF_JA, 0, 0, 1 },
		{ BPF_RET | BPF_K, 0, 0, 0 },
		{ BPF_RET | BPF_K, 0, 0, 65535 },
	};
	rc_bpf_insn *t = xlate_ok(p, 9, RC_LINKTYPE_LINUX_SLL, 9);
	expect_insn(&t[0], BPF_LD | BPF_H | BPF_ABS, 0, 0, ANC(SKF_AD_PKTTYPE));
	expect_insn(&t[1], BPF_JMP | BPF_JEQ | BPF_K, 6, 0, PACKET_OUTGOING);
	expect_insn(&t[2], BPF_LD | BPF_H | BPF_ABS, 0, 0, ANC(SKF_AD_PROTOCOL));
	expect_insn(&t[4], BPF_LDX | BPF_B | BPF_MSH, 0, 0, 0);
	expect_insn(&t[5], BPF_LD | BPF_H | BPF_IND, 0, 0, 2);
	expect_insn(&t[6], BPF_JMP | BPF_JA, 0, 0, 1);
	expect_insn(&t[8], BPF_RET | BPF_K, 0, 0, 65535 - 16);
	tfree(t);
}

/* A one-instruction body in front of `ret #262144`: not convertible on link,
 * with a reason naming instruction 0 and containing what. */
static void refused(rc_bpf_insn body, int link, const char *what)
{
	rc_bpf_insn p[] = { body, { BPF_RET | BPF_K, 0, 0, 262144 } };
	char why[RC_ERRBUF_SIZE];
	size_t n = 0;
	ASSERT_PTR_EQ(xlate(p, body.code == (BPF_RET | BPF_K) || body.code == (BPF_RET | BPF_A) ? 1 : 2,
			    link, &n, why),
		      NULL);
	ASSERT_STR_CONTAINS(why, "instruction 0");
	ASSERT_STR_CONTAINS(why, what);
}

TEST(capture_cooked_filter_refuses_what_the_kernel_cannot_see)
{
	const int sll2 = RC_LINKTYPE_LINUX_SLL2, sll1 = RC_LINKTYPE_LINUX_SLL;
	/* a field at another width than its own: not the value user space loads */
	refused((rc_bpf_insn){ BPF_LD | BPF_B | BPF_ABS, 0, 0, 0 }, sll2, "header byte 0");
	refused((rc_bpf_insn){ BPF_LD | BPF_W | BPF_ABS, 0, 0, 0 }, sll2, "header byte 0");
	refused((rc_bpf_insn){ BPF_LD | BPF_H | BPF_ABS, 0, 0, 4 }, sll2, "header byte 4");
	refused((rc_bpf_insn){ BPF_LD | BPF_B | BPF_ABS, 0, 0, 0 }, sll1, "header byte 0");
	/* header fields without metadata: ARPHRD type, address, its length */
	refused((rc_bpf_insn){ BPF_LD | BPF_H | BPF_ABS, 0, 0, 8 }, sll2, "header byte 8");
	refused((rc_bpf_insn){ BPF_LD | BPF_W | BPF_ABS, 0, 0, 12 }, sll2, "header byte 12");
	refused((rc_bpf_insn){ BPF_LD | BPF_B | BPF_ABS, 0, 0, 11 }, sll2, "header byte 11");
	refused((rc_bpf_insn){ BPF_LD | BPF_H | BPF_ABS, 0, 0, 6 }, sll1, "header byte 6");
	/* a word across the header's end */
	refused((rc_bpf_insn){ BPF_LD | BPF_W | BPF_ABS, 0, 0, 18 }, sll2, "header byte 18");
	/* indexed loads that may start in the header */
	refused((rc_bpf_insn){ BPF_LD | BPF_B | BPF_IND, 0, 0, 19 }, sll2, "X + 19");
	refused((rc_bpf_insn){ BPF_LDX | BPF_B | BPF_MSH, 0, 0, 15 }, sll1, "X + 15");
	/* the kernel's negative offsets and extensions the VM loads as 0 */
	refused((rc_bpf_insn){ BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)SKF_NET_OFF }, sll2,
		"kernel extension");
	refused((rc_bpf_insn){ BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_MARK) }, sll2,
		"kernel extension");
	refused((rc_bpf_insn){ BPF_LD | BPF_W | BPF_IND, 0, 0, (uint32_t)SKF_LL_OFF }, sll2,
		"X + ");
	/* lengths */
	refused((rc_bpf_insn){ BPF_LDX | BPF_W | BPF_LEN, 0, 0, 0 }, sll2, "ldx len");
	refused((rc_bpf_insn){ BPF_RET | BPF_K, 0, 0, 20 }, sll2, "inside the header");
	refused((rc_bpf_insn){ BPF_RET | BPF_K, 0, 0, 1 }, sll1, "inside the header");
	refused((rc_bpf_insn){ BPF_RET | BPF_A, 0, 0, 0 }, sll2, "returns A");

	/* the extensions the VM computes as the kernel does pass unchanged */
	const rc_bpf_insn ok[] = { { BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_VLAN_TAG) },
				   { BPF_RET | BPF_K, 0, 0, 0 } };
	rc_bpf_insn *t = xlate_ok(ok, 2, sll2, 2);
	expect_insn(&t[0], BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_VLAN_TAG));
	tfree(t);

	/* not a cooked link type */
	char why[RC_ERRBUF_SIZE];
	size_t n;
	ASSERT_PTR_EQ(xlate(ok, 2, RC_LINKTYPE_ETHERNET, &n, why), NULL);
	ASSERT_STR_CONTAINS(why, "no cooked header");
}

TEST(capture_cooked_filter_refuses_jumps_and_lengths_past_the_kernel_limits)
{
	static rc_bpf_insn p[RC_BPF_MAXINSNS];
	char why[RC_ERRBUF_SIZE];
	size_t n;
	/* jeq over 200 `ld len` (each becomes two): 255 is the longest jump */
	p[0] = (rc_bpf_insn){ BPF_JMP | BPF_JEQ | BPF_K, 200, 0, 0 };
	for (size_t i = 1; i <= 200; i++)
		p[i] = (rc_bpf_insn){ BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 };
	p[201] = (rc_bpf_insn){ BPF_RET | BPF_K, 0, 0, 0 };
	ASSERT_PTR_EQ(xlate(p, 202, RC_LINKTYPE_LINUX_SLL2, &n, why), NULL);
	ASSERT_STR_CONTAINS(why, "instruction 0: its jump is longer than 255");
	/* over 100 it still fits: 100 + 100 */
	p[0].jt = 100;
	rc_bpf_insn *t = xlate_ok(p, 202, RC_LINKTYPE_LINUX_SLL2, 1 + 400 + 1);
	ASSERT_INT_EQ(t[0].jt, 200);
	tfree(t);

	/* the longest program: with the 6 VLAN instructions in front, 4090 */
	const size_t most = RC_BPF_MAXINSNS - PRE;
	for (size_t i = 0; i + 1 < most; i++)
		p[i] = (rc_bpf_insn){ BPF_LD | BPF_W | BPF_IMM, 0, 0, 1 };
	p[most - 1] = (rc_bpf_insn){ BPF_RET | BPF_K, 0, 0, 0 };
	tfree(xlate_ok(p, most, RC_LINKTYPE_LINUX_SLL2, most));
	/* one `ld len` more (it becomes two), or one instruction more: refused */
	p[7] = (rc_bpf_insn){ BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 };
	ASSERT_PTR_EQ(xlate(p, most, RC_LINKTYPE_LINUX_SLL2, &n, why), NULL);
	ASSERT_STR_CONTAINS(why, "4097 instructions");
	p[7] = (rc_bpf_insn){ BPF_LD | BPF_W | BPF_IMM, 0, 0, 1 };
	p[most] = p[most - 1];
	ASSERT_PTR_EQ(xlate(p, most + 1, RC_LINKTYPE_LINUX_SLL2, &n, why), NULL);
	ASSERT_STR_CONTAINS(why, "4097 instructions");
}

/* ---- compiled filters: the same decision on both sides ---- */

struct pkt {
	uint8_t b[20 + 128]; /* cooked header + network layer */
	uint32_t hlen, len;
	uint16_t proto;
	uint8_t pkttype;
	uint32_t ifindex;
};

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Network layer of kind k (0 UDP/IPv4 to port 53, 1 TCP/IPv4 SYN to 80, 2
 * ICMP echo, 3 UDP/IPv6, 4 ARP), netlen bytes, into n. */
static uint16_t build_net(uint8_t *n, int k, uint32_t netlen)
{
	memset(n, 0, netlen);
	for (uint32_t i = 0; i < netlen; i++)
		n[i] = (uint8_t)(i * 13 + k);
	if (k == 4) {
		const uint8_t arp[8] = { 0, 1, 8, 0, 6, 4, 0, 1 };
		memcpy(n, arp, 8);
		return 0x0806;
	}
	if (k == 3) {
		n[0] = 0x60;
		put16(n + 4, (uint16_t)(netlen - 40));
		n[6] = 17;
		put16(n + 40 + 2, 53);
		return 0x86dd;
	}
	n[0] = 0x45;
	put16(n + 2, (uint16_t)netlen);
	put16(n + 6, 0); /* not a fragment */
	n[9] = k == 0 ? 17 : k == 1 ? 6 : 1;
	const uint8_t src[4] = { 10, 0, 0, 1 }, dst[4] = { 10, 0, 0, 2 };
	memcpy(n + 12, src, 4);
	memcpy(n + 16, dst, 4);
	put16(n + 20, 1024);
	put16(n + 22, k == 0 ? 53 : 80);
	if (k == 1)
		n[20 + 13] = 0x02; /* SYN */
	if (k == 2)
		n[20] = 8; /* echo request */
	return 0x0800;
}

static void build(struct pkt *p, int link, int kind, uint32_t netlen, uint8_t pkttype,
		  uint32_t ifindex)
{
	p->hlen = link == RC_LINKTYPE_LINUX_SLL2 ? 20 : 16;
	p->len = p->hlen + netlen;
	p->pkttype = pkttype;
	p->ifindex = ifindex;
	p->proto = build_net(p->b + p->hlen, kind, netlen);
	uint8_t *h = p->b;
	memset(h, 0, p->hlen);
	if (link == RC_LINKTYPE_LINUX_SLL2) {
		put16(h, p->proto);
		put16(h + 4, (uint16_t)(ifindex >> 16));
		put16(h + 6, (uint16_t)ifindex);
		put16(h + 8, 1);
		h[10] = pkttype;
		h[11] = 6;
	} else {
		put16(h, pkttype);
		put16(h + 2, 1);
		put16(h + 4, 6);
		put16(h + 14, p->proto);
	}
	memset(h + (link == RC_LINKTYPE_LINUX_SLL2 ? 12 : 6), 0xa2, 6);
}

static uint32_t run(const rc_bpf_insn *insns, size_t n, const struct pkt *p, uint32_t skip)
{
	rc_bpf_input in = { .pkt = p->b + skip, .caplen = p->len - skip, .wirelen = p->len - skip,
			    .ifindex = p->ifindex, .protocol = p->proto, .pkttype = p->pkttype };
	return rc_bpf_run(insns, n, &in);
}

static const char *const exprs[] = {
	"udp", "port 53", "icmp", "inbound", "outbound", "ifindex 3", "ip6", "arp",
	"tcp dst port 80 and tcp[tcpflags] & tcp-syn != 0", "greater 100", "less 80",
	"ip[0] & 0xf = 5", "ip host 10.0.0.2", "ip6 and udp port 53", "not arp",
};

static void same_decisions(int link)
{
	const uint8_t types[] = { PACKET_HOST, PACKET_OUTGOING, PACKET_BROADCAST };
	unsigned accepted = 0, rejected = 0;
	for (size_t e = 0; e < sizeof(exprs) / sizeof(exprs[0]); e++) {
		rc_bpf_prog prog;
		char err[RC_ERRBUF_SIZE];
		if (link == RC_LINKTYPE_LINUX_SLL && strncmp(exprs[e], "ifindex", 7) == 0)
			continue; /* SLL v1 has no ifindex */
		ASSERT_OK(rc_filter_compile(&prog, exprs[e], link, 262144, 0, NULL, err));
		char why[RC_ERRBUF_SIZE];
		size_t tn;
		rc_bpf_insn *t = xlate(prog.insns, prog.len, link, &tn, why);
		if (!t)
			rc_test_fail(__FILE__, __LINE__, "%s: %s", exprs[e], why);
		for (int kind = 0; kind < 5; kind++)
			for (uint32_t netlen = 40; netlen <= 120; netlen += 40)
				for (size_t ty = 0; ty < sizeof(types); ty++)
					for (uint32_t ifx = 2; ifx <= 3; ifx++) {
						struct pkt p;
						build(&p, link, kind, netlen, types[ty], ifx);
						uint32_t user = run(prog.insns, prog.len, &p, 0);
						uint32_t kern = run(t, tn, &p, p.hlen);
						if (user ? kern + p.hlen != user : kern != 0)
							rc_test_fail(__FILE__, __LINE__,
								     "%s, kind %d, %u bytes, type %u: "
								     "user %u, kernel %u", exprs[e],
								     kind, netlen, types[ty], user, kern);
						if (user)
							accepted++;
						else
							rejected++;
					}
		free(t);
		rc_bpf_prog_free(&prog);
	}
	/* the packets tell the filters apart: both answers occur often */
	ASSERT_UINT_GE(accepted, 300);
	ASSERT_UINT_GE(rejected, 300);
}

TEST(capture_cooked_filter_compiled_sll2_decides_as_the_user_space_run)
{
	same_decisions(RC_LINKTYPE_LINUX_SLL2);
}

TEST(capture_cooked_filter_compiled_sll_decides_as_the_user_space_run)
{
	same_decisions(RC_LINKTYPE_LINUX_SLL);
}

/* "ether host" does not compile for cooked headers ("Ethernet addresses
 * are only supported on Ethernet"); link[] reaches the address bytes. */
TEST(capture_cooked_filter_refuses_compiled_address_loads)
{
	rc_bpf_prog prog;
	char err[RC_ERRBUF_SIZE], why[RC_ERRBUF_SIZE];
	size_t n;
	ASSERT_INT_EQ(rc_filter_compile(&prog, "ether host a2:a2:a2:a2:a2:a2",
					RC_LINKTYPE_LINUX_SLL2, 262144, 0, NULL, err),
		      RC_ENOTSUP);
	ASSERT_OK(rc_filter_compile(&prog, "udp or link[12] = 0xa2", RC_LINKTYPE_LINUX_SLL2,
				    262144, 0, NULL, err));
	ASSERT_PTR_EQ(xlate(prog.insns, prog.len, RC_LINKTYPE_LINUX_SLL2, &n, why), NULL);
	ASSERT_STR_CONTAINS(why, "cooked header byte 12");
	rc_bpf_prog_free(&prog);
}

/* The fanout program (rc__cooked_fanout): packet loads relative to the
 * network header (SKF_NET_OFF: the kernel runs it on sent packets from the
 * link-layer header), header fields as metadata, returns (member indices)
 * and extension loads unchanged, no VLAN prefix; ld len and header bytes
 * refused. */
TEST(capture_cooked_filter_fanout_loads_from_the_network_header)
{
	const rc_bpf_insn p[] = {
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, 0 },          /* protocol */
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0x0800 },
		{ BPF_LDX | BPF_B | BPF_MSH, 0, 0, 20 },
		{ BPF_LD | BPF_H | BPF_IND, 0, 0, 20 + 4 },     /* IP id */
		{ BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_RXHASH) },
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, 20 + 5 },
		{ BPF_RET | BPF_A, 0, 0, 0 },
		{ BPF_RET | BPF_K, 0, 0, 3 },
	};
	char why[RC_ERRBUF_SIZE];
	size_t n;
	rc_bpf_insn *t = NULL;
	ASSERT_INT_EQ(rc__cooked_fanout(p, 8, RC_LINKTYPE_LINUX_SLL2, &t, &n, why), 1);
	ASSERT_UINT_EQ(n, 8);
	const uint32_t net = (uint32_t)SKF_NET_OFF;
	expect_insn(&t[0], BPF_LD | BPF_H | BPF_ABS, 0, 0, ANC(SKF_AD_PROTOCOL));
	expect_insn(&t[1], BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0x0800);
	expect_insn(&t[2], BPF_LDX | BPF_B | BPF_MSH, 0, 0, net);
	expect_insn(&t[3], BPF_LD | BPF_H | BPF_IND, 0, 0, net + 4);
	expect_insn(&t[4], BPF_LD | BPF_W | BPF_ABS, 0, 0, ANC(SKF_AD_RXHASH));
	expect_insn(&t[5], BPF_LD | BPF_B | BPF_ABS, 0, 0, net + 5);
	expect_insn(&t[6], BPF_RET | BPF_A, 0, 0, 0);
	expect_insn(&t[7], BPF_RET | BPF_K, 0, 0, 3);
	free(t);

	static const struct {
		rc_bpf_insn first;
		const char *why;
	} refused[] = {
		{ { BPF_LD | BPF_B | BPF_ABS, 0, 0, 12 },
		  "instruction 0 loads cooked header byte 12, which the kernel's filter does not see" },
		{ { BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 }, "instruction 0, ld len: the kernel's length" },
		{ { BPF_LD | BPF_B | BPF_ABS, 0, 0, 20 + 0xff000 },
		  "instruction 0 loads at 1044500, past what the kernel can address" },
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const rc_bpf_insn q[] = { refused[i].first, { BPF_RET | BPF_A, 0, 0, 0 } };
		t = NULL;
		ASSERT_INT_EQ(rc__cooked_fanout(q, 2, RC_LINKTYPE_LINUX_SLL2, &t, &n, why), 0);
		ASSERT_TRUE(t == NULL);
		ASSERT_STR_CONTAINS(why, refused[i].why);
	}
	/* the last offset SKF_NET_OFF reaches */
	const rc_bpf_insn last[] = { { BPF_LD | BPF_B | BPF_ABS, 0, 0, 20 + 0xfefff },
				     { BPF_RET | BPF_A, 0, 0, 0 } };
	ASSERT_INT_EQ(rc__cooked_fanout(last, 2, RC_LINKTYPE_LINUX_SLL2, &t, &n, why), 1);
	expect_insn(&t[0], BPF_LD | BPF_B | BPF_ABS, 0, 0, (uint32_t)SKF_AD_OFF - 1);
	free(t);
}

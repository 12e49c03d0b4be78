/*
 * test_bpf_kernel.c - the running kernel as the oracle for the VM and the
 * optimizer: random programs are attached (SO_ATTACH_FILTER) to an
 * AF_PACKET socket on the loopback device of a private network namespace,
 * frames are sent through it, and what the kernel delivers (nothing, or
 * the first min(verdict, len) bytes) must be what rc_bpf_run says -- for
 * the program and for its rc_bpf_optimize'd version.
 *
 * Synchronisation without timing guesses: a second packet socket with no
 * filter, created *before* the filtered one, sits behind it in the kernel's
 * list of taps, so once the unfiltered socket holds the incoming copy of a
 * frame, the filtered socket's verdict on that copy is already made.
 */
#include "harness.h"
#include "test_bpf_support.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

struct rig {
	int tx, all, filtered;
	int ifindex;
};

/* A new network namespace with lo up, and the three packet sockets. */
static void rig_open(struct rig *r)
{
	rc_test_need_root();
	if (unshare(CLONE_NEWNET) < 0)
		SKIP("cannot create a network namespace");
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	ASSERT_INT_EQ(ioctl(fd, SIOCGIFFLAGS, &ifr), 0);
	ifr.ifr_flags |= IFF_UP;
	ASSERT_INT_EQ(ioctl(fd, SIOCSIFFLAGS, &ifr), 0);
	close(fd);
	r->ifindex = (int)if_nametoindex("lo");
	ASSERT_INT_GT(r->ifindex, 0);
	struct sockaddr_ll sll = {.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL),
				  .sll_ifindex = r->ifindex};
	r->tx = socket(AF_PACKET, SOCK_RAW, 0);
	r->all = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	r->filtered = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	ASSERT_TRUE(r->tx >= 0 && r->all >= 0 && r->filtered >= 0);
	ASSERT_INT_EQ(bind(r->all, (struct sockaddr *)&sll, sizeof sll), 0);
	ASSERT_INT_EQ(bind(r->filtered, (struct sockaddr *)&sll, sizeof sll), 0);
	sll.sll_protocol = 0;
	ASSERT_INT_EQ(bind(r->tx, (struct sockaddr *)&sll, sizeof sll), 0);
}

static void drain(int fd)
{
	uint8_t buf[2048];
	while (recv(fd, buf, sizeof buf, MSG_DONTWAIT) >= 0)
		;
}

/*
 * Send one frame; return what the filtered socket got for its incoming
 * copy: -1 nothing, else the number of bytes delivered.
 */
static long kernel_verdict(struct rig *r, const uint8_t *frame, size_t len)
{
	uint8_t buf[2048];
	struct sockaddr_ll from;
	socklen_t fl;

	ASSERT_INT_EQ(send(r->tx, frame, len, 0), (long long)len);
	/* wait (bounded) until the unfiltered socket has the incoming copy */
	for (int tries = 0;; tries++) {
		struct pollfd pfd = {.fd = r->all, .events = POLLIN};
		ASSERT_TRUE(tries < 50);
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		fl = sizeof from;
		ssize_t n = recvfrom(r->all, buf, sizeof buf, MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
		if (n >= 0 && from.sll_pkttype != PACKET_OUTGOING)
			break;
	}
	long got = -1;
	for (;;) {
		fl = sizeof from;
		ssize_t n = recvfrom(r->filtered, buf, sizeof buf, MSG_DONTWAIT,
				     (struct sockaddr *)&from, &fl);
		if (n < 0)
			break;
		if (from.sll_pkttype != PACKET_OUTGOING)
			got = n;
	}
	return got;
}

/* Shifts by X differ (the kernel masks, libpcap and ringcap give 0), and
 * offsets at or above 2^31 reach the kernel's link/network-relative areas:
 * programs with those are not comparable (see also narrow_indexed_loads). */
static int comparable(const rc_bpf_insn *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint16_t c = p[i].code;
		if (c == (BPF_ALU | BPF_LSH | BPF_X) || c == (BPF_ALU | BPF_RSH | BPF_X))
			return 0;
		if ((BPF_CLASS(c) == BPF_LD || BPF_CLASS(c) == BPF_LDX) &&
		    (BPF_MODE(c) == BPF_ABS || BPF_MODE(c) == BPF_IND || BPF_MODE(c) == BPF_MSH) &&
		    p[i].k >= 0x80000000u)
			return 0;
	}
	return 1;
}

/*
 * The kernel adds X + k of an indexed load in 32 bits (a wrapped offset
 * loads from the start of the packet); libpcap and ringcap reject it.  When
 * X may hold a large value (tax, ldx M[], ldx #big), indexed loads become
 * absolute loads of the same k so the program stays comparable.
 */
static void narrow_indexed_loads(rc_bpf_insn *p, size_t n)
{
	int wide_x = 0;
	for (size_t i = 0; i < n; i++)
		wide_x |= p[i].code == (BPF_MISC | BPF_TAX) || p[i].code == (BPF_LDX | BPF_MEM) ||
			  (p[i].code == (BPF_LDX | BPF_IMM) && p[i].k >= 0x10000);
	if (!wide_x)
		return;
	for (size_t i = 0; i < n; i++)
		if (BPF_CLASS(p[i].code) == BPF_LD && BPF_MODE(p[i].code) == BPF_IND) {
			p[i].code = (uint16_t)(BPF_LD | BPF_SIZE(p[i].code) | BPF_ABS);
			if (p[i].k >= (uint32_t)SKF_AD_OFF)
				p[i].k &= 0xff;
		}
}

static void attach(struct rig *r, const rc_bpf_insn *p, size_t n)
{
	struct sock_fprog fp = {.len = (unsigned short)n, .filter = (struct sock_filter *)p};
	ASSERT_INT_EQ(setsockopt(r->filtered, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof fp), 0);
	drain(r->filtered);
	drain(r->all);
}

/* Frames the kernel hands to packet sockets as sent: at least an Ethernet
 * header, and no 802.1Q/802.1ad tag (the receive path moves those into
 * metadata, so the filter would see other bytes). */
static int sendable(const uint8_t *pkt, uint32_t caplen)
{
	if (caplen < ETH_HLEN)
		return 0;
	uint16_t type = (uint16_t)(pkt[12] << 8 | pkt[13]);
	return type != ETH_P_8021Q && type != ETH_P_8021AD;
}

/* What the kernel should deliver for verdict v on a frame of len bytes. */
static long expected(uint32_t v, size_t len)
{
	return v == 0 ? -1 : (long)(v < len ? v : len);
}

TEST_TIMEOUT(bpf_kernel_agrees_with_vm_and_optimizer_on_random_programs, 120)
{
	struct rig r;
	rig_open(&r);
	uint64_t seed = 0x6e6e0001;
	int programs = 0, accepted = 0;
	while (programs < 600) {
		rc_bpf_insn p[40];
		size_t n = bpft_rand_program(&seed, p, 40, BPFT_PLAIN);
		narrow_indexed_loads(p, n);
		if (!comparable(p, n))
			continue;
		/* small verdicts exercise the kernel's truncation too */
		for (size_t i = 0; i < n; i++)
			if (p[i].code == (BPF_RET | BPF_K) && p[i].k > 0)
				p[i].k = 1 + bpft_rand(&seed) % 80;
		programs++;
		rc_bpf_prog q = {malloc(n * sizeof *p), n};
		ASSERT_TRUE(q.insns != NULL);
		memcpy(q.insns, p, n * sizeof *p);
		ASSERT_INT_EQ(rc_bpf_optimize(&q), 0);
		for (int variant = 0; variant < 2; variant++) {
			const rc_bpf_insn *prog = variant ? q.insns : p;
			size_t len = variant ? q.len : n;
			attach(&r, prog, len);
			uint64_t pseed = seed ^ (uint64_t)programs; /* same frames for both */
			for (int j = 0; j < 6; j++) {
				uint8_t pkt[BPFT_PKT_MAX];
				uint32_t caplen, wirelen;
				bpft_rand_packet(&pseed, pkt, &caplen, &wirelen);
				if (!sendable(pkt, caplen))
					continue;
				long got = kernel_verdict(&r, pkt, caplen);
				uint32_t v = rc_bpf_run_simple(prog, len, pkt, caplen, caplen);
				if (got != expected(v, caplen)) {
					char img[128];
					for (size_t i = 0; i < len; i++)
						fprintf(stderr, "(%03zu) %s\n", i,
							rc_bpf_image(&prog[i], i, img, sizeof img));
					rc_test_fail(__FILE__, __LINE__,
						     "program %d (%s), frame %d of %u bytes: kernel delivered %ld, ringcap says %ld",
						     programs, variant ? "optimized" : "original", j,
						     caplen, got, expected(v, caplen));
				}
				accepted += got >= 0;
			}
		}
		rc_bpf_prog_free(&q);
	}
	ASSERT_INT_GT(accepted, 300);
	close(r.tx);
	close(r.all);
	close(r.filtered);
}

TEST_TIMEOUT(bpf_kernel_agrees_on_libpcap_filters_and_their_optimization, 120)
{
#ifndef RC_HAVE_LIBPCAP_ORACLE
	SKIP("system libpcap not available");
#else
	struct rig r;
	rig_open(&r);
	uint64_t seed = 0x6e6e0002;
	int compared = 0;
	for (size_t e = 0; e < bpft_nexprs; e++) {
		rc_bpf_prog raw;
		if (bpft_pcap_compile(bpft_exprs[e], 1, 0, &raw) < 0)
			continue;
		if (rc_bpf_validate(raw.insns, raw.len, NULL) < 0 || !comparable(raw.insns, raw.len)) {
			rc_bpf_prog_free(&raw);
			continue;
		}
		rc_bpf_prog q = {malloc(raw.len * sizeof *raw.insns), raw.len};
		ASSERT_TRUE(q.insns != NULL);
		memcpy(q.insns, raw.insns, raw.len * sizeof *raw.insns);
		ASSERT_INT_EQ(rc_bpf_optimize(&q), 0);
		attach(&r, q.insns, q.len);
		for (int j = 0; j < 40; j++) {
			uint8_t pkt[BPFT_PKT_MAX];
			uint32_t caplen, wirelen;
			bpft_rand_packet(&seed, pkt, &caplen, &wirelen);
			if (!sendable(pkt, caplen))
				continue;
			long got = kernel_verdict(&r, pkt, caplen);
			uint32_t v = rc_bpf_run_simple(raw.insns, raw.len, pkt, caplen, caplen);
			if (got != expected(v, caplen))
				rc_test_fail(__FILE__, __LINE__,
					     "\"%s\", frame %d of %u bytes: kernel runs the optimized program to %ld, the original gives %ld",
					     bpft_exprs[e], j, caplen, got, expected(v, caplen));
			compared++;
		}
		rc_bpf_prog_free(&raw);
		rc_bpf_prog_free(&q);
	}
	ASSERT_INT_GT(compared, 1000);
	close(r.tx);
	close(r.all);
	close(r.filtered);
#endif
}

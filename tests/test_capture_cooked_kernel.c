/*
 * test_capture_cooked_kernel.c - filters on "any" run in the kernel
 * (cooked_filter.c): the kernel counts only what the filter accepts, and
 * a handle with a filter delivers exactly the packets the user-space run
 * of the same program picks from an unfiltered handle beside it - for
 * packets in both directions, of several protocols, VLAN-tagged ones
 * (which the kernel hands to user space) and a filter the kernel cannot
 * run (link[12], an address byte of the SLL2 header), which the handle's
 * warning then names; a filter the kernel runs leaves no warning.
 */
#include "harness.h"
#include "netns.h"

#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include "testutil.h"

/* Frame kinds: what follows the Ethernet header (and an 802.1Q tag for
 * TAGGED_UDP).  Frame seq is 80, 90 or 100 bytes long (seq % 3) and ends
 * with seq (BE32). */
enum { UDP, TCP, ICMP, UDP6, ARP, OTHER, TAGGED_UDP, NKINDS };
#define FRAME_MAX 100u

static void be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static unsigned frame(uint8_t *f, const uint8_t dst[6], const uint8_t src[6], int kind,
		      uint32_t seq)
{
	unsigned len = 80 + 10 * (seq % 3);
	memset(f, 0, len);
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	uint8_t *t = f + 12;
	if (kind == TAGGED_UDP) {
		be16(t, 0x8100);
		be16(t + 2, 42);
		t += 4;
	}
	uint8_t *ip = t + 2;
	unsigned iplen = len - (unsigned)(ip - f);
	static const uint16_t types[NKINDS] = { 0x0800, 0x0800, 0x0800, 0x86dd, 0x0806,
						RC_TEST_ETHERTYPE, 0x0800 };
	be16(t, types[kind]);
	if (kind == UDP6) {
		ip[0] = 0x60;
		be16(ip + 4, (uint16_t)(iplen - 40));
		ip[6] = 17;
		be16(ip + 40 + 2, 53);
	} else if (kind == ARP) {
		be16(ip, 1);
		be16(ip + 2, 0x0800);
		ip[4] = 6;
		ip[5] = 4;
	} else if (kind != OTHER) {
		ip[0] = 0x45;
		be16(ip + 2, (uint16_t)iplen);
		ip[8] = 64;
		ip[9] = kind == TCP ? 6 : kind == ICMP ? 1 : 17;
		ip[15] = 1;
		ip[19] = 2;
		be16(ip + 22, kind == TCP ? 80 : 53);
		if (kind == TCP)
			ip[20 + 13] = 0x02; /* SYN */
	}
	f[len - 4] = (uint8_t)(seq >> 24);
	f[len - 3] = (uint8_t)(seq >> 16);
	f[len - 2] = (uint8_t)(seq >> 8);
	f[len - 1] = (uint8_t)seq;
	return len;
}

/* Send reps frames of each kind in kinds[0..nk) from ifname in namespace
 * ns (NULL: this one), seqs from first_seq on; fails the test unless every
 * send succeeded.  Returns how many were sent. */
static unsigned send_kinds(const char *ns, const char *ifname, const uint8_t dst[6],
			   const uint8_t src[6], const int *kinds, unsigned nk, unsigned reps,
			   uint32_t first_seq)
{
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		if (ns)
			rc_netns_enter(ns);
		int fd = socket(AF_PACKET, SOCK_RAW, 0);
		struct sockaddr_ll to = { .sll_family = AF_PACKET,
					  .sll_ifindex = (int)if_nametoindex(ifname),
					  .sll_halen = 6 };
		memcpy(to.sll_addr, dst, 6);
		uint8_t f[FRAME_MAX];
		uint32_t seq = first_seq;
		for (unsigned r = 0; r < reps; r++)
			for (unsigned k = 0; k < nk; k++) {
				unsigned n = frame(f, dst, src, kinds[k], seq++);
				if (fd < 0 || sendto(fd, f, n, 0, (struct sockaddr *)&to,
						     sizeof(to)) != (ssize_t)n)
					_exit(1);
			}
		_exit(0);
	}
	ASSERT_INT_EQ(rc_test_child_exit(kid), 0);
	return nk * reps;
}

static long seq_of(const rc_packet *p)
{
	if (p->caplen != p->len || p->caplen < 4)
		return -1;
	const uint8_t *q = p->data + p->caplen - 4;
	return ((long)q[0] << 24) | ((long)q[1] << 16) | ((long)q[2] << 8) | q[3];
}

#define MAXSEQ 256

struct seen {
	unsigned n, dup;
	unsigned char at[MAXSEQ];
};

static void mark(void *user, const rc_packet *p)
{
	struct seen *s = user;
	long seq = seq_of(p);
	ASSERT_TRUE(seq >= 0 && seq < MAXSEQ);
	if (s->at[seq])
		s->dup++;
	s->at[seq] = 1;
	s->n++;
}

static rc_capture *open_any_tags(int backend, int vlan_reinsert)
{
	rc_capture *c = rc_test_capture_new("any", backend);
	ASSERT_OK(rc_capture_set_vlan_reinsert(c, vlan_reinsert));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_linktype(c), RC_LINKTYPE_LINUX_SLL2);
	return c;
}

static rc_capture *open_any(int backend)
{
	return open_any_tags(backend, 1);
}

static void compile(rc_bpf_prog *prog, const char *expr)
{
	rc_filter_opts o = { .optimize = 1, .linux_live = 1, .resolve_names = 0 };
	char err[RC_ERRBUF_SIZE];
	if (rc_filter_compile(prog, expr, RC_LINKTYPE_LINUX_SLL2, 262144, 0, &o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s: %s", expr, err);
}

/* N UDP and M other frames, filter udp: N captured, N received. */
static void udp_counts(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = open_any(backend);
	rc_bpf_prog prog;
	compile(&prog, "udp");
	ASSERT_OK(rc_capture_set_filter(c, prog.insns, prog.len));
	rc_bpf_prog_free(&prog);

	/* udp is UDP over IPv4 or IPv6 */
	const int udp[] = { UDP, UDP6 }, others[] = { TCP, ICMP, ARP, OTHER };
	unsigned n = send_kinds(pair.ns_a, pair.if_a, pair.mac_b, pair.mac_a, udp, 2, 10, 0);
	send_kinds(pair.ns_a, pair.if_a, pair.mac_b, pair.mac_a, others, 4, 5, 100);
	static struct seen s;
	ASSERT_UINT_EQ(rc_test_capture_drain(c, n, RC_TEST_ARRIVAL_MS, mark, &s), n);
	/* nothing else follows (this can pass by luck, never fail by it) */
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 1, 300, mark, &s), 0);
	for (unsigned i = 0; i < n; i++)
		ASSERT_INT_EQ(s.at[i], 1);

	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.received, n); /* the kernel saw the filter's verdict */
	ASSERT_UINT_EQ(st.delivered, n);
	ASSERT_UINT_EQ(st.filter_discarded, 0);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_any_filter_runs_in_the_kernel_and_counts_only_matches, 60,
		     udp_counts)

struct diff_case {
	const char *expr; /* %d: ifindex of if_b */
	int in_kernel;    /* 0: the kernel cannot run it, user space filters all */
};

static const struct diff_case cases[] = {
	{ "udp", 1 },     { "port 53", 1 },  { "icmp", 1 },     { "inbound", 1 },
	{ "outbound", 1 }, { "ifindex %d", 1 }, { "ip6", 1 },    { "arp", 1 },
	{ "greater 106", 1 }, { "tcp[tcpflags] & tcp-syn != 0", 1 }, { "link[12] = 0x%02x", 0 },
};

static void same_as_user_space_tags(int backend, int vlan_reinsert)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	const int kinds[] = { UDP, TCP, ICMP, UDP6, ARP, OTHER, TAGGED_UDP };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char expr[64];
		/* the one address byte case picks if_a's first byte: only the
		 * frames that came in from ns_a carry it at SLL2 offset 12 */
		if (strstr(cases[i].expr, "link"))
			snprintf(expr, sizeof(expr), cases[i].expr, pair.mac_a[0]);
		else
			snprintf(expr, sizeof(expr), cases[i].expr, pair.ifindex_b);
		rc_bpf_prog prog;
		compile(&prog, expr);
		rc_capture *f = open_any_tags(backend, vlan_reinsert);
		rc_capture *all = open_any_tags(backend, vlan_reinsert);
		char activated[RC_ERRBUF_SIZE];
		snprintf(activated, sizeof(activated), "%s", rc_capture_warning(f));
		ASSERT_OK(rc_capture_set_filter(f, prog.insns, prog.len));
		/* the kernel's filter adds no warning; user space's says why */
		if (cases[i].in_kernel) {
			ASSERT_STR_EQ(rc_capture_warning(f), activated);
		} else {
			ASSERT_STR_CONTAINS(rc_capture_warning(f), "any: the filter cannot run in the "
					    "kernel, so every packet is copied and filtered in user space: "
					    "instruction ");
			ASSERT_STR_CONTAINS(rc_capture_warning(f), "loads cooked header byte 12");
		}

		/* 3 of each kind in (from ns_a), 2 of each out (sent on if_b) */
		unsigned total = send_kinds(pair.ns_a, pair.if_a, pair.mac_b, pair.mac_a, kinds,
					    NKINDS, 3, 0);
		total += send_kinds(NULL, pair.if_b, pair.mac_a, pair.mac_b, kinds, NKINDS, 2, 100);

		/* the user-space verdicts on the unfiltered handle's packets */
		static struct seen every, want, got;
		memset(&every, 0, sizeof(every));
		memset(&want, 0, sizeof(want));
		memset(&got, 0, sizeof(got));
		unsigned tagged = 0;
		rc_packet p;
		while (every.n < total) {
			ASSERT_INT_EQ(rc_test_capture_next_wait(all, &p), 1);
			mark(&every, &p);
			rc_bpf_input in = { .pkt = p.data, .caplen = p.caplen, .wirelen = p.len,
					    .ifindex = p.ifindex, .pkttype = p.pkttype,
					    .protocol = (uint16_t)(p.data[0] << 8 | p.data[1]) };
			if ((p.flags & RC_PKT_VLAN) || (p.data[0] == 0x81 && p.data[1] == 0x00))
				tagged++;
			if (rc_bpf_run(prog.insns, prog.len, &in))
				mark(&want, &p);
		}
		ASSERT_UINT_EQ(every.dup, 0);
		ASSERT_UINT_EQ(tagged, 5); /* in and out */

		/* a missing packet costs the arrival bound; the loop below names it */
		rc_test_capture_drain(f, want.n, RC_TEST_ARRIVAL_MS, mark, &got);
		rc_test_capture_drain(f, 1, 300, mark, &got);
		ASSERT_UINT_EQ(got.dup, 0);
		for (unsigned q = 0; q < MAXSEQ; q++)
			if (got.at[q] != want.at[q])
				rc_test_fail(__FILE__, __LINE__, "%s: seq %u: %s, user space %s",
					     expr, q, got.at[q] ? "delivered" : "not delivered",
					     want.at[q] ? "accepts" : "rejects");
		/* the kernel counts what its filter passed: every packet when
		 * it cannot run the program, else the matches and at most the
		 * tagged ones, which user space decides */
		rc_capture_stats st;
		ASSERT_OK(rc_capture_stats_get(f, &st));
		ASSERT_UINT_EQ(st.received, st.delivered + st.filter_discarded);
		if (cases[i].in_kernel)
			ASSERT_UINT_LE(st.filter_discarded, tagged);
		else
			ASSERT_UINT_EQ(st.received, total);
		rc_capture_close(f);
		rc_capture_close(all);
		rc_bpf_prog_free(&prog);
	}
}
static void same_as_user_space(int backend)
{
	same_as_user_space_tags(backend, 1);
}
RC_TEST_EACH_BACKEND(capture_any_kernel_filter_picks_what_user_space_picks, 120,
		     same_as_user_space)

/* Tags left in metadata: user space sees the inner protocol, as the
 * kernel does for received packets, not for sent ones with the tag in
 * their data. */
TEST_TIMEOUT(capture_any_kernel_filter_picks_what_user_space_picks_tags_in_metadata, 120)
{
	same_as_user_space_tags(RC_BACKEND_TPACKET_V3, 0);
}

/* The kernel refuses the translation (socket option memory: the program
 * is charged to net.core.optmem_max, per namespace): the filter runs in
 * user space instead, as a raw handle's cannot. */
static void refused_by_kernel(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	ASSERT_INT_EQ(rc_netns_sh(pair.ns_b, "echo 64 > /proc/sys/net/core/optmem_max"), 0);
	rc_bpf_prog prog;
	compile(&prog, "udp");
	rc_capture *raw = rc_test_capture_new(pair.if_b, backend);
	rc_test_capture_activate(raw);
	ASSERT_INT_EQ(rc_capture_set_filter(raw, prog.insns, prog.len), RC_ENOMEM);
	rc_capture_close(raw);

	rc_capture *c = open_any(backend);
	ASSERT_OK(rc_capture_set_filter(c, prog.insns, prog.len));
	ASSERT_STR_CONTAINS(rc_capture_warning(c), "filtered in user space: the kernel refused its "
			    "translation (out of memory: net.core.optmem_max too small?)");
	rc_bpf_prog_free(&prog);
	const int udp[] = { UDP }, others[] = { TCP, ARP };
	unsigned n = send_kinds(pair.ns_a, pair.if_a, pair.mac_b, pair.mac_a, udp, 1, 10, 0);
	unsigned m = send_kinds(pair.ns_a, pair.if_a, pair.mac_b, pair.mac_a, others, 2, 5, 100);
	static struct seen s;
	ASSERT_UINT_EQ(rc_test_capture_drain(c, n, RC_TEST_ARRIVAL_MS, mark, &s), n);
	rc_test_wait_received(c, n + m);
	ASSERT_UINT_EQ(rc_test_capture_drain(c, 1, 300, mark, &s), 0);
	for (unsigned i = 0; i < n; i++)
		ASSERT_INT_EQ(s.at[i], 1);
	rc_capture_stats st;
	ASSERT_OK(rc_capture_stats_get(c, &st));
	ASSERT_UINT_EQ(st.received, n + m);
	ASSERT_UINT_EQ(st.filter_discarded, m);
	rc_capture_close(c);
}
RC_TEST_EACH_BACKEND(capture_any_filter_the_kernel_refuses_runs_in_user_space, 60,
		     refused_by_kernel)

/* The warning describes the filter in force: the next filter replaces
 * it, removing the filter removes it, a refused program keeps it (and the
 * filter it describes), and the activation's warnings stay throughout. */
TEST_TIMEOUT(capture_any_filter_warning_follows_the_filter_in_force, 30)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new("any", RC_BACKEND_TPACKET_V3);
	ASSERT_OK(rc_capture_set_promisc(c, 1)); /* "ignored on any": a warning of activate */
	rc_test_capture_activate(c);
	char activated[RC_ERRBUF_SIZE];
	snprintf(activated, sizeof(activated), "%s", rc_capture_warning(c));
	ASSERT_STR_CONTAINS(activated, "promiscuous mode");
	rc_bpf_prog user, kernel;
	compile(&user, "link[13] = 1");
	compile(&kernel, "udp");

	ASSERT_OK(rc_capture_set_filter(c, user.insns, user.len));
	const char *w = rc_capture_warning(c);
	ASSERT_TRUE(strncmp(w, activated, strlen(activated)) == 0);
	ASSERT_STR_CONTAINS(w + strlen(activated), "; any: the filter cannot run in the kernel");
	ASSERT_STR_CONTAINS(w, "loads cooked header byte 13");
	char with_filter[RC_ERRBUF_SIZE];
	snprintf(with_filter, sizeof(with_filter), "%s", w);
	/* once only, however often the same filter is set */
	ASSERT_OK(rc_capture_set_filter(c, user.insns, user.len));
	ASSERT_STR_EQ(rc_capture_warning(c), with_filter);
	static const rc_bpf_insn bad[] = { { BPF_LD | BPF_W | BPF_ABS, 0, 0, 0 } }; /* no ret */
	ASSERT_INT_EQ(rc_capture_set_filter(c, bad, 1), RC_EINVAL);
	ASSERT_STR_EQ(rc_capture_warning(c), with_filter);

	ASSERT_OK(rc_capture_set_filter(c, kernel.insns, kernel.len));
	ASSERT_STR_EQ(rc_capture_warning(c), activated);
	ASSERT_OK(rc_capture_set_filter(c, user.insns, user.len));
	ASSERT_STR_EQ(rc_capture_warning(c), with_filter);
	ASSERT_OK(rc_capture_set_filter(c, NULL, 0));
	ASSERT_STR_EQ(rc_capture_warning(c), activated);
	rc_bpf_prog_free(&user);
	rc_bpf_prog_free(&kernel);
	rc_capture_close(c);
}

/*
 * test_capture_fanout.c - a classic-BPF fanout program picks the member by
 * the bytes it names in the frame the handle delivers, on "any" (the
 * kernel runs it without the cooked header: cooked_filter.c translates
 * it) and on Ethernet (the kernel runs it on received packets from the
 * network header: link_fanout.c translates it), or activate refuses it;
 * and rc_fanout_open sets each member up on the CPU that rc_fanout_run
 * reads it from.
 */
#include "harness.h"
#include "netns.h"

#include <linux/filter.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#define SLL2_LEN 20u
#define ETH_LEN 14u

/*
 * Test frames (EtherType RC_TEST_ETHERTYPE) go to the member the low bit
 * of their sequence number's last byte names (the network layer's byte 3);
 * anything else to member 0.  For LINUX_SLL2 the EtherType is the protocol
 * field at 0 (a header field the kernel has as metadata), the network
 * layer at 20; for Ethernet at 12 and 14.
 */
#define BY_SEQ_BIT(type_off, net_off)                                        \
	{                                                                    \
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, (type_off) },              \
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 3, RC_TEST_ETHERTYPE },      \
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, (net_off) + 3 },           \
		{ BPF_ALU | BPF_AND | BPF_K, 0, 0, 1 },                      \
		{ BPF_RET | BPF_A, 0, 0, 0 },                                \
		{ BPF_RET | BPF_K, 0, 0, 0 },                                \
	}
static const rc_bpf_insn by_seq_bit_sll2[] = BY_SEQ_BIT(0, SLL2_LEN);
static const rc_bpf_insn by_seq_bit_eth[] = BY_SEQ_BIT(12, ETH_LEN);

struct program {
	int backend;
	const rc_bpf_insn *insns;
	size_t len;
};

static int set_program(rc_capture *c, unsigned index, void *user)
{
	(void)index;
	const struct program *p = user;
	int st = rc_capture_set_backend(c, p->backend);
	if (st == 0)
		st = rc_capture_set_timeout(c, 200);
	if (st == 0)
		st = rc_capture_set_fanout_program(c, p->insns, p->len);
	return st;
}

struct member_seen {
	int linktype;
	unsigned net_off; /* where the network layer starts */
	unsigned index, n, wrong, in, out;
};

static void check_member(void *user, const rc_packet *p)
{
	struct member_seen *m = user;
	ASSERT_INT_EQ(p->linktype, m->linktype);
	ASSERT_TRUE(p->caplen >= m->net_off + 4);
	unsigned type_off = m->linktype == RC_LINKTYPE_LINUX_SLL2 ? 0 : 12;
	ASSERT_UINT_EQ((unsigned)(p->data[type_off] << 8 | p->data[type_off + 1]),
		       RC_TEST_ETHERTYPE);
	if ((p->data[m->net_off + 3] & 1) != m->index)
		m->wrong++;
	if (p->direction == RC_DIR_OUT)
		m->out++;
	else
		m->in++;
	m->n++;
}

static const uint32_t sizes[] = { 60, 200 };

static void cbpf_picks(int backend, int cooked)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE];
	struct program prog = { backend, cooked ? by_seq_bit_sll2 : by_seq_bit_eth,
				sizeof(by_seq_bit_eth) / sizeof(by_seq_bit_eth[0]) };
	if (rc_fanout_open(h, 2, cooked ? "any" : pair.if_b, (uint16_t)(getpid() & 0xffff),
			   RC_FANOUT_CBPF, 0, set_program, &prog, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	/* 20 received by if_b (seq 0..19), 10 sent by it (seq 100..109):
	 * the kernel's program sees the former from the network header, the
	 * latter from the Ethernet header (untranslated, every received frame
	 * would go to member 0 on Ethernet) */
	struct rc_send_spec in = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 20,
				   .first_seq = 0, .sizes = sizes, .nsizes = 2 };
	memcpy(in.dst, pair.mac_b, 6);
	memcpy(in.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&in), 20);
	struct rc_send_spec out = { .ifname = pair.if_b, .count = 10, .first_seq = 100,
				    .sizes = sizes, .nsizes = 2 };
	memcpy(out.dst, pair.mac_a, 6);
	memcpy(out.src, pair.mac_b, 6);
	ASSERT_UINT_EQ(rc_send_frames(&out), 10);

	/* 10 + 5 even sequence numbers, 10 + 5 odd ones */
	static struct member_seen m[2];
	for (unsigned i = 0; i < 2; i++) {
		memset(&m[i], 0, sizeof(m[i]));
		m[i].index = i;
		m[i].linktype = cooked ? RC_LINKTYPE_LINUX_SLL2 : RC_LINKTYPE_ETHERNET;
		m[i].net_off = cooked ? SLL2_LEN : ETH_LEN;
		ASSERT_UINT_EQ(rc_test_capture_drain(h[i], 15, RC_TEST_ARRIVAL_MS, check_member,
						     &m[i]), 15);
	}
	for (unsigned i = 0; i < 2; i++) {
		/* nothing more comes (can pass by luck, never fail by it) */
		ASSERT_UINT_EQ(rc_test_capture_drain(h[i], 1, 200, check_member, &m[i]), 0);
		ASSERT_UINT_EQ(m[i].wrong, 0);
		ASSERT_UINT_EQ(m[i].in, 10);
		ASSERT_UINT_EQ(m[i].out, 5);
		rc_capture_close(h[i]);
	}
}

static void cbpf_on_any(int backend)
{
	cbpf_picks(backend, 1);
}
RC_TEST_EACH_BACKEND(capture_fanout_cbpf_on_any_picks_by_the_cooked_bytes, 60, cbpf_on_any)

static void cbpf_on_ethernet(int backend)
{
	cbpf_picks(backend, 0);
}
RC_TEST_EACH_BACKEND(capture_fanout_cbpf_on_ethernet_picks_by_the_frame_bytes, 60,
		     cbpf_on_ethernet)

/* A fanout program the kernel cannot follow fails rc_fanout_open with
 * RC_EINVAL and a message naming the option, the handle's kind and why;
 * no member is left open. */
static void refused(int cooked, const rc_bpf_insn *insns, size_t len, const char *why)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	const char *dev = cooked ? "any" : pair.if_b;
	struct program prog = { RC_BACKEND_TPACKET_V3, insns, len };
	rc_capture *h[2];
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_fanout_open(h, 2, dev, (uint16_t)(getpid() & 0xffff), RC_FANOUT_CBPF, 0,
				     set_program, &prog, err),
		      RC_EINVAL);
	char want[RC_ERRBUF_SIZE];
	snprintf(want, sizeof(want),
		 "%s: fanout member 0: fanout program (rc_capture_set_fanout_program, "
		 "PACKET_FANOUT_DATA) has no kernel equivalent on a %s handle: %s",
		 dev, cooked ? "cooked" : "link-layer", why);
	ASSERT_STR_EQ(err, want);
	ASSERT_TRUE(h[0] == NULL && h[1] == NULL);
}

/* On "any", a program reading what the kernel does not have (an SLL2
 * address byte). */
TEST_TIMEOUT(capture_fanout_cbpf_on_any_untranslatable_is_refused, 30)
{
	static const rc_bpf_insn addr_byte[] = {
		{ BPF_LD | BPF_B | BPF_ABS, 0, 0, 12 },
		{ BPF_RET | BPF_A, 0, 0, 0 },
	};
	refused(1, addr_byte, 2,
		"instruction 0 loads cooked header byte 12, which the kernel's filter does not see");
}

/* On Ethernet, a program reading what the kernel cannot compute: its
 * length lacks the link-layer header of received packets only. */
TEST_TIMEOUT(capture_fanout_cbpf_on_ethernet_untranslatable_is_refused, 30)
{
	static const rc_bpf_insn by_len[] = {
		{ BPF_LD | BPF_W | BPF_LEN, 0, 0, 0 },
		{ BPF_RET | BPF_A, 0, 0, 0 },
	};
	refused(0, by_len, 2,
		"instruction 0, ld len: the kernel's length lacks the link-layer header of "
		"received packets");
}

/* Where each member's configure callback ran: the thread and its CPU. */
struct where {
	pthread_t caller;
	int cpu[3];
	int other_thread[3];
};

static int note_cpu(rc_capture *c, unsigned index, void *user)
{
	struct where *w = user;
	w->cpu[index] = sched_getcpu();
	w->other_thread[index] = !pthread_equal(pthread_self(), w->caller);
	return rc_capture_set_timeout(c, 200);
}

/* rc_fanout_open configures and activates member i on a thread pinned to
 * the CPU rc_fanout_run's thread i gets (the i-th allowed CPU modulo
 * their count, 3 members so that one wraps on 2 CPUs); the members still
 * capture every frame between them. */
TEST_TIMEOUT(capture_fanout_open_sets_each_member_up_on_its_cpu, 30)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	cpu_set_t allowed;
	ASSERT_INT_EQ(sched_getaffinity(0, sizeof(allowed), &allowed), 0);
	int cpus[CPU_SETSIZE], ncpu = 0;
	for (int k = 0; k < CPU_SETSIZE; k++)
		if (CPU_ISSET(k, &allowed))
			cpus[ncpu++] = k;
	struct where w = { .caller = pthread_self() };
	rc_capture *h[3];
	char err[RC_ERRBUF_SIZE];
	if (rc_fanout_open(h, 3, pair.if_b, (uint16_t)(getpid() & 0xffff), RC_FANOUT_LB, 0,
			   note_cpu, &w, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_fanout_open: %s", err);
	for (unsigned i = 0; i < 3; i++) {
		ASSERT_INT_EQ(w.other_thread[i], 1);
		ASSERT_INT_EQ(w.cpu[i], cpus[i % (unsigned)ncpu]);
	}
	/* the caller's affinity is left alone */
	cpu_set_t after;
	ASSERT_INT_EQ(sched_getaffinity(0, sizeof(after), &after), 0);
	ASSERT_TRUE(CPU_EQUAL(&after, &allowed));

	struct rc_send_spec s = { .ns = pair.ns_a, .ifname = pair.if_a, .count = 30,
				  .sizes = sizes, .nsizes = 2 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	ASSERT_UINT_EQ(rc_send_frames(&s), 30);
	/* round robin: 10 each */
	for (unsigned i = 0; i < 3; i++)
		ASSERT_UINT_EQ(rc_test_capture_drain(h[i], 10, RC_TEST_ARRIVAL_MS, NULL, NULL), 10);
	for (unsigned i = 0; i < 3; i++) {
		ASSERT_UINT_EQ(rc_test_capture_drain(h[i], 1, 200, NULL, NULL), 0);
		rc_capture_close(h[i]);
	}
}

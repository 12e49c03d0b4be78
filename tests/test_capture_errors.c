/*
 * test_capture_errors.c - clear errors for bad options, missing devices,
 * missing privilege and unsupported features; an interface deleted during
 * capture; no descriptor or mapping leak over many open/close cycles;
 * a ring too large for the address space falls back with a warning.
 */
#include "harness.h"
#include "netns.h"
#include "testutil.h"

#include <linux/filter.h>
#include <sys/resource.h>
#include <unistd.h>

TEST(capture_bad_options_name_device_option_and_value)
{
	rc_capture *c;
	char err[RC_ERRBUF_SIZE];
	ASSERT_OK(rc_capture_create(&c, "lo", err));
	ASSERT_INT_EQ(rc_capture_set_snaplen(c, 300000), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: snaplen 300000");
	ASSERT_INT_EQ(rc_capture_set_ring_size(c, 1000), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: ring size 1000");
	ASSERT_INT_EQ(rc_capture_set_ring_geometry(c, 1000, 0, 4), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: block size 1000");
	ASSERT_INT_EQ(rc_capture_set_ring_geometry(c, 8192, 100, 4), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: frame size 100");
	ASSERT_INT_EQ(rc_capture_set_ring_geometry(c, 8192, 0, 0), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: block count 0");
	ASSERT_INT_EQ(rc_capture_set_block_timeout(c, 70000), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: block timeout 70000");
	ASSERT_INT_EQ(rc_capture_set_immediate_pause(c, 1001), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: immediate pause 1001");
	ASSERT_INT_EQ(rc_capture_set_timeout(c, -5), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: timeout -5");
	ASSERT_INT_EQ(rc_capture_set_direction(c, 7), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: direction 7");
	ASSERT_INT_EQ(rc_capture_set_promisc(c, 2), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: promisc: 2");
	ASSERT_INT_EQ(rc_capture_set_tstamp_precision(c, 9), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: time stamp precision 9");
	ASSERT_INT_EQ(rc_capture_set_backend(c, 9), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: back-end 9");
	/* 0x0100..0x05ff is an 802.3 length; 0 (all), the kernel's own
	 * numbers below 0x0100 (ETH_P_ALL, ETH_P_802_2) and 0x0600 pass. */
	ASSERT_INT_EQ(rc_capture_set_protocol(c, 0x05ff), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: protocol 0x05ff is not an EtherType");
	ASSERT_INT_EQ(rc_capture_set_protocol(c, 0x0100), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: protocol 0x0100 ");
	ASSERT_OK(rc_capture_set_protocol(c, 3));
	ASSERT_OK(rc_capture_set_protocol(c, 4));
	ASSERT_OK(rc_capture_set_protocol(c, 0x0600));
	ASSERT_OK(rc_capture_set_protocol(c, 0));
	ASSERT_INT_EQ(rc_capture_set_fanout(c, 1, 42, 0), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: fanout mode 42");
	rc_bpf_insn bad[] = { { BPF_LD | BPF_W | BPF_ABS, 0, 0, 0 } }; /* no return */
	ASSERT_INT_EQ(rc_capture_set_fanout_program(c, bad, 1), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "lo: fanout program invalid");
	/* Reading or filtering an inactive handle is a state error. */
	rc_packet p;
	ASSERT_INT_EQ(rc_capture_next(c, &p), RC_ESTATE);
	ASSERT_INT_EQ(rc_capture_set_filter(c, NULL, 0), RC_ESTATE);
	rc_capture_close(c);

	ASSERT_INT_EQ(rc_capture_create(&c, "a-name-much-too-long-for-linux", err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "a-name-much-too-long-for-linux");
	ASSERT_TRUE(c == NULL);
	rc_capture_close(NULL);
}

/* Activating c fails with status want and a message holding text, and
 * leaves no socket behind; closes c. */
static void activate_fails(rc_capture *c, int want, const char *text)
{
	ASSERT_INT_EQ(rc_capture_activate(c), want);
	ASSERT_STR_CONTAINS(rc_capture_error(c), text);
	ASSERT_INT_EQ(rc_capture_fd(c), -1);
	rc_capture_close(c);
}

TEST(capture_cbpf_fanout_without_program_fails_activate)
{
	rc_test_need_root();
	rc_capture *c;
	ASSERT_OK(rc_capture_create(&c, "lo", NULL));
	ASSERT_OK(rc_capture_set_fanout(c, 7, RC_FANOUT_CBPF, 0));
	activate_fails(c, RC_EINVAL, "fanout program");
}

TEST(capture_options_frozen_after_activate)
{
	rc_test_need_root();
	rc_capture *c;
	ASSERT_OK(rc_capture_create(&c, "lo", NULL));
	ASSERT_OK(rc_capture_activate(c));
	ASSERT_INT_EQ(rc_capture_set_snaplen(c, 100), RC_ESTATE);
	ASSERT_STR_EQ(rc_capture_error(c),
		      "lo: rc_capture_set_snaplen: options cannot change after activate");
	ASSERT_INT_EQ(rc_capture_activate(c), RC_ESTATE);
	rc_capture_close(c);
}

TEST(capture_missing_device_is_named)
{
	rc_test_need_root();
	rc_capture *c;
	ASSERT_OK(rc_capture_create(&c, "rcnosuch0", NULL));
	activate_fails(c, RC_ENODEV, "no such device: rcnosuch0");
}

TEST(capture_without_cap_net_raw_says_so)
{
	rc_test_need_root();
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		/* nobody: no capabilities left */
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(3);
		rc_capture *c;
		if (rc_capture_create(&c, "lo", NULL) < 0)
			_exit(4);
		int st = rc_capture_activate(c);
		int ok = st == RC_EPERM && strstr(rc_capture_error(c), "CAP_NET_RAW");
		if (!ok)
			fprintf(stderr, "  got %s: %s\n", rc_errname(st), rc_capture_error(c));
		rc_capture_close(c);
		_exit(ok ? 0 : 1);
	}
	ASSERT_INT_EQ(rc_test_child_exit(kid), 0);
}

TEST(capture_hardware_tstamps_unsupported_on_veth)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, RC_BACKEND_AUTO);
	ASSERT_OK(rc_capture_set_tstamp_source(c, RC_TSTAMP_HARDWARE));
	ASSERT_INT_EQ(rc_capture_activate(c), RC_ENOTSUP);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "hardware time stamps not supported by");
	ASSERT_STR_CONTAINS(rc_capture_error(c), pair.if_b);
	/* Nothing half-configured: the same handle activates with software stamps. */
	ASSERT_OK(rc_capture_set_tstamp_source(c, RC_TSTAMP_SOFTWARE));
	rc_test_capture_activate(c);
	rc_capture_close(c);
}

/* ------------------------------------------------- interface goes away */

/* Deleting one end of a veth deletes both (veth_dellink). */
static void deleted_midway(int backend, int timeout_ms)
{
	static const uint32_t sz[] = { 80 };
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_test_capture_until_enetdown(&pair, backend, timeout_ms, sz, 1, 20, pair.ns_a,
				       "ip link del %s", pair.if_a);
}

static void deleted_blocking(int backend)
{
	deleted_midway(backend, 2000);
}
RC_TEST_EACH_BACKEND(capture_interface_deleted_delivers_queued_then_enetdown, 30,
		     deleted_blocking)

static void deleted_nonblocking(int backend)
{
	deleted_midway(backend, 0);
}
RC_TEST_EACH_BACKEND(capture_interface_deleted_nonblocking_reports_enetdown, 30,
		     deleted_nonblocking)

/* --------------------------------------------------------------- leaks */

#if defined(__SANITIZE_ADDRESS__)
#define RC_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RC_TEST_ASAN 1
#endif
#endif

static void open_close(int backend, int i)
{
	rc_capture *c = rc_test_capture_new(i % 3 == 2 ? "rcnosuch0" : "lo", backend);
	ASSERT_OK(rc_capture_set_ring_size(c, 256 << 10));
	if (i % 3 == 1)
		ASSERT_OK(rc_capture_set_promisc(c, 1));
	ASSERT_INT_EQ(rc_capture_activate(c), i % 3 == 2 ? RC_ENODEV : 0);
	rc_capture_close(c);
}

static void cycles(int backend)
{
	rc_test_need_root();
	/* Warm-up, so that lazily created process state (malloc's heap, whose
	 * mmap threshold adapts to the first large free) is not counted. */
	for (int i = 0; i < 6; i++)
		open_close(backend, i);
	unsigned fds = rc_test_count_fds(), maps = rc_test_count_maps();
	for (int i = 0; i < 1000; i++)
		open_close(backend, i);
	ASSERT_UINT_EQ(rc_test_count_fds(), fds);
#ifdef RC_TEST_ASAN
	/* ASan keeps freed malloc blocks mapped (quarantine), so heap
	 * mappings grow with 1000 freed handles, and it checks heap leaks
	 * itself; the rings are the mappings of ours, and none may stay. */
	ASSERT_UINT_EQ(rc_test_count_socket_maps(), 0);
	return;
#endif
	/* Valgrind maps memory for itself as the program runs; its leak
	 * check covers the heap and munmap of the rings. */
	if (rc_test_under_valgrind())
		return;
	ASSERT_UINT_EQ(rc_test_count_maps(), maps);
}
RC_TEST_EACH_BACKEND(capture_1000_open_close_cycles_leak_nothing, 60, cycles)

/* --------------------------------------------------- ring over the limit */

TEST(capture_ring_too_large_falls_back_with_warning)
{
	rc_test_need_root();
	/* The kernel allocates the ring, then mmap fails against RLIMIT_AS:
	 * ringcap halves the ring until it fits and says so. */
	pid_t kid = rc_test_fork();
	if (kid == 0) {
		unsigned long long kb = 0;
		char line[256];
		FILE *f = fopen("/proc/self/status", "r");
		while (f && fgets(line, sizeof(line), f))
			if (sscanf(line, "VmSize: %llu kB", &kb) == 1)
				break;
		if (f)
			fclose(f);
		struct rlimit rl = { (kb << 10) + (96ull << 20), (kb << 10) + (96ull << 20) };
		if (!kb || setrlimit(RLIMIT_AS, &rl) != 0)
			_exit(3);
		rc_capture *c = rc_test_capture_new("lo", RC_BACKEND_TPACKET_V3);
		if (rc_capture_set_ring_size(c, 256ull << 20) < 0)
			_exit(4);
		int r = rc_capture_activate(c);
		int ok = r == 0 && strstr(rc_capture_warning(c), "ring reduced from 268435456");
		if (!ok)
			fprintf(stderr, "  activate: %s (%s) warning \"%s\"\n", rc_errname(r),
				rc_capture_error(c), rc_capture_warning(c));
		rc_capture_close(c);
		_exit(ok ? 0 : 1);
	}
	ASSERT_INT_EQ(rc_test_child_exit(kid), 0);
}

/* -------------------------------------------------------------- inject */

struct injcheck {
	unsigned n;
	uint8_t want[256];
	const struct rc_send_spec *spec;
};

static void check_inj(void *user, const rc_packet *p)
{
	struct injcheck *k = user;
	rc_test_frame(k->want, k->spec, k->n, 90);
	ASSERT_UINT_EQ(p->caplen, 90);
	ASSERT_MEM_EQ(p->data, k->want, 90);
	ASSERT_UINT_EQ(p->direction, RC_DIR_IN);
	k->n++;
}

static void inject(int backend)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	/* Receiver in ns_b; the injecting handle lives in ns_a. */
	rc_netns_enter(pair.ns_b);
	rc_capture *rx = rc_test_capture_new(pair.if_b, backend);
	rc_test_capture_activate(rx);
	rc_netns_enter(pair.ns_a);
	rc_capture *tx = rc_test_capture_new(pair.if_a, backend);
	ASSERT_OK(rc_capture_set_qdisc_bypass(tx, 1));
	rc_test_capture_activate(tx);

	static const uint32_t sz[] = { 90 };
	struct rc_send_spec s = { .sizes = sz, .nsizes = 1 };
	memcpy(s.dst, pair.mac_b, 6);
	memcpy(s.src, pair.mac_a, 6);
	uint8_t frames[12][90];
	const uint8_t *ptr[12];
	uint32_t lens[12];
	for (unsigned i = 0; i < 12; i++) {
		rc_test_frame(frames[i], &s, i, 90);
		ptr[i] = frames[i];
		lens[i] = 90;
	}
	ASSERT_OK(rc_capture_inject(tx, frames[0], 90));
	ASSERT_OK(rc_capture_inject(tx, frames[1], 90));
	ASSERT_INT_EQ(rc_capture_inject_batch(tx, ptr + 2, lens + 2, 10), 10);
	ASSERT_INT_EQ(rc_capture_inject(tx, frames[0], 0), RC_EINVAL);

	struct injcheck k = { .spec = &s };
	ASSERT_UINT_EQ(rc_test_capture_drain(rx, 12, RC_TEST_ARRIVAL_MS, check_inj, &k), 12);
	rc_capture_close(tx);
	rc_capture_close(rx);
}
RC_TEST_EACH_BACKEND(capture_inject_single_and_batch_arrive_intact, 30, inject)

TEST(capture_inject_on_any_is_not_supported)
{
	rc_test_need_root();
	rc_capture *c = rc_test_capture_new("any", RC_BACKEND_AUTO);
	rc_test_capture_activate(c);
	uint8_t f[60] = { 0 };
	ASSERT_INT_EQ(rc_capture_inject(c, f, sizeof(f)), RC_ENOTSUP);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "any");
	rc_capture_close(c);
}

/* A NULL pointer argument on a live handle names the function and argument. */
TEST_TIMEOUT(capture_null_arguments_name_function_and_argument, 20)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, RC_BACKEND_AUTO);
	rc_test_capture_activate(c);
	char want[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_capture_next_batch(c, NULL, 4), RC_EINVAL);
	snprintf(want, sizeof(want), "%s: rc_capture_next_batch: pkts is NULL", pair.if_b);
	ASSERT_STR_EQ(rc_capture_error(c), want);
	ASSERT_INT_EQ(rc_capture_next(c, NULL), RC_EINVAL);
	snprintf(want, sizeof(want), "%s: rc_capture_next: pkt is NULL", pair.if_b);
	ASSERT_STR_EQ(rc_capture_error(c), want);
	ASSERT_INT_EQ(rc_capture_loop(c, 1, NULL, NULL), RC_EINVAL);
	snprintf(want, sizeof(want), "%s: rc_capture_loop: handler is NULL", pair.if_b);
	ASSERT_STR_EQ(rc_capture_error(c), want);
	ASSERT_INT_EQ(rc_capture_stats_get(c, NULL), RC_EINVAL);
	snprintf(want, sizeof(want), "%s: rc_capture_stats_get: st is NULL", pair.if_b);
	ASSERT_STR_EQ(rc_capture_error(c), want);
	rc_capture_close(c);
}

/* A NULL frame is named as such, not as a length out of range. */
TEST_TIMEOUT(capture_inject_null_frame_says_null, 20)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, RC_BACKEND_AUTO);
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_inject(c, NULL, 60), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), ": inject: frame is NULL");
	ASSERT_STR_CONTAINS(rc_capture_error(c), pair.if_b);
	uint8_t f[60] = { 0 };
	const uint8_t *frames[2] = { f, NULL };
	const uint32_t lens[2] = { 60, 60 };
	ASSERT_INT_EQ(rc_capture_inject_batch(c, frames, lens, 2), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), ": inject_batch: frame 1 is NULL");
	rc_capture_close(c);
}

/*
 * Block size set by hand but too small for one packet of the device's MTU:
 * an error of the options, so activate fails - it does not quietly fall
 * back to the socket back-end, which has no geometry to honour.
 */
static void geometry_too_small(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 9000, backend);
	ASSERT_OK(rc_capture_set_ring_geometry(c, 4096, 0, 4));
	ASSERT_INT_EQ(rc_capture_activate(c), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), "exceeds block size 4096");
	ASSERT_INT_EQ(rc_capture_backend(c), RC_ESTATE);
	rc_capture_close(c);
}

TEST_TIMEOUT(capture_geometry_too_small_fails_activate_auto, 20)
{
	geometry_too_small(RC_BACKEND_AUTO);
}

TEST_TIMEOUT(capture_geometry_too_small_fails_activate_v3, 20)
{
	geometry_too_small(RC_BACKEND_TPACKET_V3);
}

TEST_TIMEOUT(capture_geometry_too_small_fails_activate_v2, 20)
{
	geometry_too_small(RC_BACKEND_TPACKET_V2);
}

/*
 * A TPACKET_V2 frame size set by hand that cannot hold a packet of the
 * snap length (capped by the MTU) fails activate and names both and the
 * minimum: the kernel would accept it and cut every packet to the frame,
 * flagged truncated, while rc_capture_snaplen claimed the whole snap
 * length.  AUTO refuses it too, though V3 ignores the frame size.  A frame
 * that holds an MTU-sized packet is fine.
 */
static void frame_too_small(int backend)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_ring_geometry(c, 4096, 1024, 2));
	ASSERT_INT_EQ(rc_capture_activate(c), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_capture_error(c), ": frame size 1024 too small for snap length 262144: needs at least ");
	ASSERT_INT_EQ(rc_capture_backend(c), RC_ESTATE);
	rc_capture_close(c);

	c = rc_test_capture_new(pair.if_b, backend);
	ASSERT_OK(rc_capture_set_ring_geometry(c, 4096, 2048, 2));
	rc_test_capture_activate(c);
	ASSERT_UINT_EQ(rc_capture_snaplen(c), 262144);
	rc_capture_close(c);
}

TEST_TIMEOUT(capture_v2_frame_too_small_for_snaplen_fails_activate, 20)
{
	frame_too_small(RC_BACKEND_TPACKET_V2);
}

TEST_TIMEOUT(capture_v2_frame_too_small_for_snaplen_fails_activate_auto, 20)
{
	frame_too_small(RC_BACKEND_AUTO);
}

/*
 * TPACKET_V3's larger frame header does not fit this block, V2's does: AUTO
 * falls back to V2, which warns that "any" has no promiscuous mode.  The
 * warning keeps both: the fallback notice is appended, not dropped.
 * Snap length: V2 needs TPACKET_ALIGN(52 + 32 + 24 + snap) = 4096 bytes
 * for a cooked packet, V3 needs 16 more.
 */
TEST_TIMEOUT(capture_fallback_notice_is_kept_beside_other_warnings, 20)
{
	struct rc_netns_pair pair;
	rc_netns_pair_create(&pair, 1500);
	rc_netns_enter(pair.ns_b);
	rc_capture *c = rc_test_capture_new("any", RC_BACKEND_AUTO);
	ASSERT_OK(rc_capture_set_snaplen(c, 4096 - 108));
	ASSERT_OK(rc_capture_set_ring_geometry(c, 4096, 0, 4));
	ASSERT_OK(rc_capture_set_promisc(c, 1));
	rc_test_capture_activate(c);
	ASSERT_INT_EQ(rc_capture_backend(c), RC_BACKEND_TPACKET_V2);
	ASSERT_STR_CONTAINS(rc_capture_warning(c), "promiscuous mode is not supported");
	ASSERT_STR_CONTAINS(rc_capture_warning(c), "TPACKET_V3 unavailable");
	ASSERT_STR_CONTAINS(rc_capture_warning(c), "using TPACKET_V2");
	rc_capture_close(c);
}

/* A ring size below what the back-end sets up (two blocks: 2 x 128 KiB
 * for V3, 2 x 64 KiB for V2 with this MTU) is raised, and says so. */
static void small_ring(int backend, uint64_t ring_bytes, const char *warning)
{
	struct rc_netns_pair pair;
	rc_capture *c = rc_test_pair_capture(&pair, 1500, backend);
	ASSERT_OK(rc_capture_set_ring_size(c, ring_bytes));
	rc_test_capture_activate(c);
	if (warning)
		ASSERT_STR_CONTAINS(rc_capture_warning(c), warning);
	else
		ASSERT_STR_EQ(rc_capture_warning(c), "");
	rc_capture_close(c);
}

TEST_TIMEOUT(capture_small_ring_raised_with_warning_v3, 20)
{
	small_ring(RC_BACKEND_TPACKET_V3, 64u << 10, "ring raised from 65536 to 262144 bytes");
}

TEST_TIMEOUT(capture_small_ring_raised_with_warning_v2, 20)
{
	small_ring(RC_BACKEND_TPACKET_V2, 64u << 10, "ring raised from 65536 to 131072 bytes");
}

TEST_TIMEOUT(capture_ring_of_whole_blocks_as_asked_v3, 20)
{
	small_ring(RC_BACKEND_TPACKET_V3, 1u << 20, NULL);
}

/*
 * test_file_read_calls.c - the reader's calls outside the happy path: bad
 * arguments are refused with a message that names the call and the
 * argument, and getters on a NULL reader answer as file.h says
 * (rc_reader_breakloop outside a loop: test_file_read_pcap.c).
 */
#include "harness.h"
#include "test_file_read_build.h"

#include "ringcap/file.h"

/* A classic pcap file of three Ethernet packets, in memory. */
static rc_reader *open3(struct fb *b)
{
	memset(b, 0, sizeof(*b));
	fb_pcap_hdr(b, 0xa1b2c3d4, 2, 4, 65535, 1);
	for (unsigned i = 0; i < 3; i++)
		fb_pcap_rec(b, 1700000000 + i, 0, 60, 60, i);
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open_mem(&r, b->d, b->len, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "rc_reader_open_mem: %s", err);
	return r;
}

TEST(file_read_calls_next_batch_refuses_max_0)
{
	struct fb b;
	rc_reader *r = open3(&b);
	rc_packet p[4];
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 0), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "rc_reader_next_batch: max is 0");
	/* a refused call reads nothing: all three packets are still there */
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 4), 3);
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 4), RC_EEOF);
	rc_reader_close(r);
	fb_free(&b);
}

static int count_cb(void *user, const rc_packet *pkt)
{
	(void)pkt;
	++*(int *)user;
	return 0;
}

TEST(file_read_calls_null_arguments_leave_a_message)
{
	struct fb b;
	rc_reader *r = open3(&b);
	rc_packet p[4];
	rc_iface_info info;
	ASSERT_INT_EQ(rc_reader_next_batch(r, NULL, 4), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "rc_reader_next_batch: pkts is NULL");
	ASSERT_INT_EQ(rc_reader_loop(r, 0, NULL, NULL), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "rc_reader_loop: cb is NULL");
	ASSERT_INT_EQ(rc_reader_iface(r, 99, &info), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "rc_reader_iface: no interface 99 (the section has 1)");
	ASSERT_INT_EQ(rc_reader_iface(r, 0, NULL), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_reader_error(r), "rc_reader_iface: info is NULL");
	/* none of them read anything */
	ASSERT_INT_EQ(rc_reader_next_batch(r, p, 4), 3);
	rc_reader_close(r);
	fb_free(&b);
}

TEST(file_read_calls_getters_accept_a_null_reader)
{
	ASSERT_INT_EQ(rc_reader_format(NULL), 0);
	ASSERT_INT_EQ(rc_reader_linktype(NULL), -1);
	ASSERT_UINT_EQ(rc_reader_snaplen(NULL), 0);
	ASSERT_INT_EQ(rc_reader_fcs_bits(NULL), -1);
	ASSERT_INT_EQ(rc_reader_ts_precision(NULL), RC_TS_MICRO);
	ASSERT_INT_EQ(rc_reader_is_swapped(NULL), 0);
	int maj = 9, min = 9;
	rc_reader_version(NULL, &maj, &min);
	ASSERT_INT_EQ(maj, 0);
	ASSERT_INT_EQ(min, 0);
	ASSERT_INT_EQ(rc_reader_stable_data(NULL), 0);
	ASSERT_UINT_EQ(rc_reader_offset(NULL), 0);
	ASSERT_UINT_EQ(rc_reader_iface_count(NULL), 0);
	rc_iface_info info;
	rc_iface_stats st;
	ASSERT_INT_EQ(rc_reader_iface(NULL, 0, &info), RC_EINVAL);
	ASSERT_INT_EQ(rc_reader_iface_stats(NULL, 0, &st), RC_EINVAL);
	ASSERT_INT_EQ(rc_reader_next_batch(NULL, NULL, 4), RC_EINVAL);
	int n = 0;
	ASSERT_INT_EQ(rc_reader_loop(NULL, 0, count_cb, &n), RC_EINVAL);
	ASSERT_STR_EQ(rc_reader_error(NULL), "no reader");
}

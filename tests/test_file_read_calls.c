/*
 * test_file_read_calls.c - the reader's calls outside the happy path: bad
 * arguments are refused with a message that names the call and the
 * argument, getters on a NULL reader answer as file.h says, and
 * rc_reader_breakloop behaves as documented when no loop runs.
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

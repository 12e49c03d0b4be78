/*
 * test_cli_write.c - `ringcap -r IN -w OUT` writes files that tcpdump and
 * tshark read back with the same packets; pcapng output keeps every input
 * interface (and so mixed link types) as its own IDB.
 */
#include "harness.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "ringcap/file.h"

static void ringcap_ok(const char *args)
{
	int st = rc_test_sh(NULL, "'%s/ringcap' %s 2>/dev/null", rc_test_builddir(), args);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap %s exited with %d", args, st);
}

static char *tcpdump_text(const char *path)
{
	char *out = NULL;
	rc_test_sh(&out, "tcpdump -r '%s' -n -tt -xx 2>/dev/null", path);
	return out;
}

static int file_format(const char *path, int *linktype)
{
	rc_reader *r;
	char err[RC_ERRBUF_SIZE];
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "cannot read back %s: %s", path, err);
	int f = rc_reader_format(r);
	*linktype = rc_reader_linktype(r);
	rc_reader_close(r);
	return f;
}

TEST(cli_write_pcap_holds_the_same_packets)
{
	rc_test_need_tool("tcpdump");
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/tcp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("out.pcap");
	snprintf(args, sizeof(args), "-r '%s' -w '%s'", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAP);
	ASSERT_INT_EQ(lt, RC_LINKTYPE_ETHERNET);
	char *want = tcpdump_text(in), *got = tcpdump_text(out);
	ASSERT_INT_GT(strlen(want), 100);
	ASSERT_STR_EQ(got, want);
	free(want);
	free(got);
}

TEST(cli_write_filtered_pcapng_by_extension)
{
	rc_test_need_tool("tcpdump");
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/udp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("dns.pcapng");
	snprintf(args, sizeof(args), "-r '%s' -w '%s' udp port 53", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAPNG);
	char *want = NULL, *got = NULL;
	rc_test_sh(&want, "tcpdump -r '%s' -n -tt -xx udp port 53 2>/dev/null", in);
	got = tcpdump_text(out);
	ASSERT_STR_EQ(got, want);
	free(want);
	free(got);
}

TEST(cli_write_format_option_overrides_the_extension)
{
	char in[512], args[1200];
	snprintf(in, sizeof(in), "%s/tests/cli/corpus/icmp.pcap", rc_test_srcdir());
	const char *out = rc_test_tmpfile("really-pcapng.pcap");
	snprintf(args, sizeof(args), "-r '%s' --format pcapng -w '%s'", in, out);
	ringcap_ok(args);
	int lt;
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAPNG);
	out = rc_test_tmpfile("really-pcap.pcapng");
	snprintf(args, sizeof(args), "-r '%s' --format=pcap -w '%s'", in, out);
	ringcap_ok(args);
	ASSERT_INT_EQ(file_format(out, &lt), RC_FORMAT_PCAP);
}

TEST(cli_write_pcapng_keeps_each_input_interface)
{
	rc_test_need_tool("tshark");
	char args[2000];
	const char *src = rc_test_srcdir();
	const char *out = rc_test_tmpfile("mixed.pcapng");
	/* Three inputs with three link types: Ethernet, raw IPv4, Linux SLL. */
	snprintf(args, sizeof(args),
		 "-r '%s/tests/cli/corpus/lt_ipv6.pcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' "
		 "-r '%s/tests/cli/corpus/lt_sll.pcap' -w '%s'",
		 src, src, src, out);
	ringcap_ok(args);
	char *got = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "tshark -r '%s' -T fields -e frame.interface_id -e frame.len "
				       "2>/dev/null | tr '\\t\\n' ', '",
				 out),
		      0);
	ASSERT_STR_EQ(got, "0,48 1,32 1,40 2,48 2,64 2,56 2,44 2,48 2,48 2,52 ");
	free(got);
	ASSERT_INT_EQ(rc_test_sh(&got, "tshark -r '%s' -T fields -e frame.interface_id -e frame.encap_type "
				       "2>/dev/null | sort -u | tr '\\t\\n' ', '",
				 out),
		      0);
	/* Wireshark encapsulations: 130 raw IPv6, 129 raw IPv4, 25 Linux SLL. */
	ASSERT_STR_EQ(got, "0,130 1,129 2,25 ");
	free(got);
}

TEST(cli_write_pcap_rejects_a_second_link_type)
{
	char *err = NULL;
	const char *src = rc_test_srcdir();
	int st = rc_test_sh(&err, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' "
				  "-w '%s' 2>&1 >/dev/null | grep -v '^reading from'",
			    rc_test_builddir(), src, src, rc_test_tmpfile("mixed.pcap"));
	(void)st;
	ASSERT_STR_CONTAINS(err, "a pcap file holds one link type (228), this packet has 229; use --format pcapng");
	free(err);
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv4.pcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' "
				       "-w '%s' 2>/dev/null",
				 rc_test_builddir(), src, src, rc_test_tmpfile("mixed2.pcap")),
		      1);
}

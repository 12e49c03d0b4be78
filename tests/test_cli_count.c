/*
 * test_cli_count.c - `ringcap --count` prints "N packets" on stdout as
 * `tcpdump --count` does, with and without a filter.
 */
#include "harness.h"
#include "testutil.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *count(const char *tool, const char *file, const char *filter)
{
	char *out = NULL;
	int st = rc_test_sh(&out, "%s -r '%s/tests/cli/corpus/%s' --count %s 2>/dev/null", tool,
			    rc_test_srcdir(), file, filter);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "%s --count %s on %s exited with %d", tool, filter,
			     file, st);
	return out;
}

static char *ringcap_path(void)
{
	static char path[600];
	snprintf(path, sizeof(path), "'%s/ringcap'", rc_test_builddir());
	return path;
}

TEST(cli_count_prints_n_packets)
{
	char *got = count(ringcap_path(), "tcp.pcap", "");
	ASSERT_STR_EQ(got, "18 packets\n");
	free(got);
	got = count(ringcap_path(), "tcp.pcap", "'tcp port 80'");
	ASSERT_STR_EQ(got, "12 packets\n");
	free(got);
	got = count(ringcap_path(), "lt_ipv6.pcap", "");
	ASSERT_STR_EQ(got, "1 packet\n");
	free(got);
	got = count(ringcap_path(), "udp.pcap", "'port 9'");
	ASSERT_STR_EQ(got, "0 packets\n");
	free(got);
}

TEST(cli_count_equals_tcpdump_count_with_filters)
{
	rc_test_need_tool("tcpdump");
	static const struct {
		const char *file, *filter;
	} cases[] = {
		{ "tcp.pcap", "" },
		{ "tcp.pcap", "'tcp[tcpflags] & tcp-syn != 0'" },
		{ "tcp.pcap", "ip6" },
		{ "udp.pcap", "'udp port 53'" },
		{ "udp.pcap", "'udp and not port 53'" },
		{ "icmp.pcap", "icmp" },
		{ "icmp.pcap", "'ip proto 47 or sctp'" },
		{ "l2.pcap", "arp" },
		{ "l2.pcap", "vlan" },
		{ "l2.pcap", "mpls" },
		{ "ipv6.pcap", "icmp6" },
		{ "lt_sll.pcap", "'host 10.0.0.1'" },
		{ "lt_raw.pcap", "'ip6 or tcp'" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *want = count("tcpdump", cases[i].file, cases[i].filter);
		char *got = count(ringcap_path(), cases[i].file, cases[i].filter);
		if (strcmp(want, got) != 0)
			rc_test_fail(__FILE__, __LINE__, "%s %s: tcpdump says %s, ringcap says %s",
				     cases[i].file, cases[i].filter, want, got);
		free(want);
		free(got);
	}
}

TEST(cli_count_with_c_stops_at_the_limit)
{
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -r '%s/tests/cli/corpus/tcp.pcap' --count -c 3 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      0);
	ASSERT_STR_EQ(out, "3 packets\n");
	free(out);
}

TEST(cli_filter_from_file_ignores_comments)
{
	const char *ff = rc_test_tmpfile("filter.txt");
	const char text[] = "# only DNS\nudp port 53 # and nothing else\n";
	rc_test_write_file(ff, text, sizeof(text) - 1);
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -r '%s/tests/cli/corpus/udp.pcap' --count -F '%s' 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir(), ff),
		      0);
	ASSERT_STR_EQ(out, "9 packets\n");
	free(out);
}

TEST(cli_filter_is_compiled_per_link_type_of_a_pcapng)
{
	const char *src = rc_test_srcdir(), *bin = rc_test_builddir();
	const char *mixed = rc_test_tmpfile("mixed.pcapng");
	/* Raw IPv6 + raw IPv4 + Linux cooked interfaces in one pcapng file. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s/ringcap' -r '%s/tests/cli/corpus/lt_ipv6.pcap' "
				       "-r '%s/tests/cli/corpus/lt_ipv4.pcap' -r '%s/tests/cli/corpus/lt_sll.pcap' "
				       "-w '%s' 2>/dev/null",
				 bin, src, src, src, mixed),
		      0);
	static const struct {
		const char *filter, *want;
	} cases[] = {
		/* 2 raw IPv4 + 4 cooked IPv4 (the VLAN-tagged one is not `ip`). */
		{ "ip", "6 packets\n" },
		{ "ip6", "2 packets\n" },
		{ "arp", "1 packet\n" },
		{ "'udp port 2222'", "4 packets\n" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL;
		ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -r '%s' --count %s 2>/dev/null", bin, mixed,
					 cases[i].filter),
			      0);
		if (strcmp(out, cases[i].want) != 0)
			rc_test_fail(__FILE__, __LINE__, "filter %s: got %s, want %s", cases[i].filter, out,
				     cases[i].want);
		free(out);
	}
	/* Printing decodes each packet with its own interface's link type. */
	char *got = NULL, *want = NULL;
	ASSERT_INT_EQ(rc_test_sh(&got, "'%s/ringcap' -n -tt -r '%s' 2>/dev/null", bin, mixed), 0);
	ASSERT_INT_EQ(rc_test_sh(&want, "for f in lt_ipv6 lt_ipv4 lt_sll; do '%s/ringcap' -n -tt "
					"-r \"%s/tests/cli/corpus/$f.pcap\" 2>/dev/null; done",
				 bin, src),
		      0);
	ASSERT_STR_EQ(got, want);
	free(got);
	free(want);
}

/* A live capture that saw no packet leaves a pcapng file with a section
 * header and no interface: reading it with a filter counts 0 packets (the
 * filter is compiled once an interface appears), it is not an error. */
TEST(cli_filter_on_a_pcapng_without_interfaces_counts_zero)
{
	/* SHB: type, total length 28, byte-order magic, version 1.0,
	 * section length -1 (unknown), total length again. */
	static const uint32_t shb[7] = { 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0xffffffffu, 0xffffffffu, 28 };
	const char *path = rc_test_tmpfile("no_idb.pcapng");
	rc_test_write_file(path, shb, sizeof(shb));
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -r '%s' --count 'tcp port 443' 2>/dev/null",
				 rc_test_builddir(), path),
		      0);
	ASSERT_STR_EQ(out, "0 packets\n");
	free(out);
	/* A bad expression is still reported once an interface has a link type. */
	ASSERT_INT_EQ(rc_test_sh(&out, "'%s/ringcap' -r '%s/tests/cli/corpus/tcp.pcap' --count "
				       "'tcp port 99999' 2>/dev/null",
				 rc_test_builddir(), rc_test_srcdir()),
		      1);
	free(out);
}

/* Files are filtered in userspace, so a host list far over the kernel's
 * 4096-instruction limit works with -r (as with tcpdump -r); the count
 * must equal that of the one listed host that occurs in the file. */
TEST_TIMEOUT(cli_count_ten_thousand_hosts_from_a_filter_file, 60)
{
	const char *path = rc_test_tmpfile("hosts.filter");
	FILE *f = fopen(path, "w");
	ASSERT_TRUE(f != NULL);
	fprintf(f, "host 10.0.0.2");
	for (unsigned i = 0; i < 9999; i++)
		fprintf(f, " or host 10.%u.%u.%u", 100 + i / 65536, (i / 256) % 256, i % 256);
	fprintf(f, "\n");
	ASSERT_INT_EQ(fclose(f), 0);
	char *big = NULL, *one = NULL;
	int st = rc_test_sh(&big, "%s -r '%s/tests/cli/corpus/tcp.pcap' --count -F '%s' 2>/dev/null",
			    ringcap_path(), rc_test_srcdir(), path);
	ASSERT_INT_EQ(st, 0);
	one = count(ringcap_path(), "tcp.pcap", "'host 10.0.0.2'");
	ASSERT_STR_EQ(big, one);
	ASSERT_STR_EQ(one, "16 packets\n");
	free(big);
	free(one);
}

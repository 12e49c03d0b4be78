/*
 * test_cli_json.c - --json layers checked with jq over the corpus: ARP,
 * DNS (its ids and names against tcpdump's text), ICMP echo id and seq,
 * TCP payload length and flags, IPv6 extension headers walked to the
 * transport layer, NULL and LOOP link types; every object of every corpus
 * file (cut packets too) is valid JSON; hostile DNS names end in
 * "malformed" or "truncated" instead of a read past the packet.
 */
#include "harness.h"
#include "testutil.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "ringcap/linktype.h"

/* jq -e FILTER over the slurped objects of corpus file `file`. */
static int jq_holds(const char *file, const char *filter)
{
	char *out = NULL;
	int rc = rc_test_sh(&out, "'%s/ringcap' --json -r '%s/tests/cli/corpus/%s' 2>/dev/null | jq -e -s '%s' >/dev/null 2>&1",
			    rc_test_builddir(), rc_test_srcdir(), file, filter);
	free(out);
	return rc == 0;
}

TEST(cli_json_layers_hold_the_packets_fields)
{
	rc_test_need_tool("jq");
	static const struct {
		const char *file, *filter;
	} cases[] = {
		/* ARP request and RARP reply (who-has 10.0.0.2 tell 10.0.0.1) */
		{"l2.pcap", ".[0].arp == {\"htype\":1,\"ptype\":2048,\"op\":1,\"sender_mac\":\"02:00:00:00:00:01\","
			    "\"sender_ip\":\"10.0.0.1\",\"target_mac\":\"00:00:00:00:00:00\",\"target_ip\":\"10.0.0.2\"}"},
		{"l2.pcap", ".[4].eth.type == 32821 and .[4].arp.op == 4 and .[4].arp.target_ip == \"10.0.0.1\""},
		{"l2.pcap", ".[6].vlan[0].id == 20 and .[6].arp.op == 1"},
		/* DNS query, NXDomain answer, an answer with two records, IPv6 */
		{"udp.pcap", ".[1].dns | .id == 4660 and .qr == 0 and .opcode == 0 and .qdcount == 1 and "
			     ".questions == [{\"name\":\"example.com\",\"type\":1,\"class\":1}]"},
		{"udp.pcap", ".[5].dns | .id == 153 and .qr == 1 and .rcode == 3 and .ancount == 0"},
		{"udp.pcap", ".[8].dns | .qr == 1 and .ancount == 2 and .questions[0].type == 15"},
		{"udp.pcap", ".[9].ip6.proto == 17 and .[9].dns.questions[0].name == \"v6.example\""},
		{"udp.pcap", ".[0] | has(\"dns\") | not"},
		/* ICMP echo id and seq; none for an unreachable */
		{"icmp.pcap", ".[0].icmp == {\"type\":8,\"code\":0,\"id\":31,\"seq\":1}"},
		{"icmp.pcap", ".[1].icmp.type == 0 and .[1].icmp.id == 31"},
		{"icmp.pcap", ".[2].icmp == {\"type\":3,\"code\":3}"},
		{"ipv6.pcap", ".[0].icmp6 == {\"type\":128,\"code\":0,\"id\":16,\"seq\":1}"},
		/* IPv6 extension headers: hop-by-hop, fragment (first and
		 * later), destination options, routing; no next header */
		{"ipv6.pcap", ".[8].ip6.ext == [0] and .[8].ip6.proto == 17 and .[8].udp.dport == 2"},
		{"ipv6.pcap", ".[9].ip6.ext == [44] and .[9].udp.sport == 3"},
		{"ipv6.pcap", ".[10].ip6.ext == [44] and (.[10] | has(\"udp\") | not)"},
		{"ipv6.pcap", ".[11].ip6.ext == [60] and .[11].icmp6.seq == 2"},
		{"ipv6.pcap", ".[12].ip6.ext == [43] and .[12].udp.sport == 5"},
		{"ipv6.pcap", ".[13].ip6.proto == 59 and (.[13].ip6 | has(\"ext\") | not)"},
		/* TCP payload length by the IP lengths, flags as tcpdump's letters */
		{"tcp.pcap", ".[3].tcp.len == 33 and .[3].tcp.flags == \"P.\""},
		{"tcp.pcap", ".[1].tcp.flags == \"S.\" and .[1].tcp.len == 0"},
		{"tcp.pcap", "[.[] | .tcp.len] | add == 73"},
		/* BSD loopback: the family in either byte order, IP under it */
		{"lt_null.pcap", ".[0].null.family == 2 and .[0].udp.sport == 1111"},
		{"lt_null.pcap", ".[1].null.family == 10 and .[1].ip6.src == \"2001:db8::1\""},
		{"lt_null.pcap", ".[3].null.family == 30 and .[3].icmp6.seq == 1"},
		{"lt_null.pcap", ".[5].null.family == 99 and (.[5] | has(\"ip\") or has(\"ip6\") | not)"},
		{"lt_loop.pcap", ".[1].loop.family == 24 and .[1].icmp6.type == 128"},
		{"lt_loop.pcap", ".[2].loop.family == 2 and .[2].tcp.flags == \"S\""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (!jq_holds(cases[i].file, cases[i].filter))
			rc_test_fail(__FILE__, __LINE__, "%s: jq -e '%s' does not hold", cases[i].file,
				     cases[i].filter);
	/* the filters can fail: a wrong value is seen as one */
	ASSERT_FALSE(jq_holds("udp.pcap", ".[1].dns.id == 4661"));
}

/* The id and question name of every DNS query, as tcpdump prints them
 * ("4660+ A? example.com."). */
TEST(cli_json_dns_queries_match_tcpdump)
{
	rc_test_need_tool("jq");
	rc_test_need_tool("tcpdump");
	char *got = NULL, *want = NULL;
	const char *f = "udp.pcap";
	ASSERT_INT_EQ(rc_test_sh(&got, "'%s/ringcap' --json -r '%s/tests/cli/corpus/%s' 2>/dev/null | "
				       "jq -r 'select(.dns.qr == 0) | \"\\(.dns.id) \\(.dns.questions[0].name).\"'",
				 rc_test_builddir(), rc_test_srcdir(), f),
		      0);
	ASSERT_INT_EQ(rc_test_sh(&want, "tcpdump -n -r '%s/tests/cli/corpus/%s' 2>/dev/null | "
					"sed -n 's/.*: \\([0-9]*\\)+ [A-Z]*? \\([^ ]*\\) .*/\\1 \\2/p'",
				 rc_test_srcdir(), f),
		      0);
	ASSERT_TRUE(strchr(want, '\n') != NULL && strchr(strchr(want, '\n') + 1, '\n') != NULL);
	ASSERT_STR_EQ(got, want);
	free(got);
	free(want);
}

/* Every object of every corpus file parses, cut packets included, and the
 * cut ones say so. */
TEST(cli_json_every_corpus_object_is_valid)
{
	rc_test_need_tool("jq");
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/tests/cli/corpus", rc_test_srcdir());
	DIR *d = opendir(dir);
	ASSERT_TRUE(d != NULL);
	int files = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.')
			continue;
		char *out = NULL;
		int rc = rc_test_sh(&out, "'%s/ringcap' --json -r '%s/%s' 2>/dev/null | jq -c . >/dev/null",
				    rc_test_builddir(), dir, e->d_name);
		free(out);
		if (rc != 0)
			rc_test_fail(__FILE__, __LINE__, "%s: --json output is not valid JSON", e->d_name);
		files++;
	}
	closedir(d);
	ASSERT_INT_GT(files, 50);
	ASSERT_TRUE(jq_holds("cut_eth.pcap", "[.[] | select(.truncated)] | length > 10"));
}

static char *json_of(const uint8_t *data, uint32_t caplen)
{
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, -1));
	rc_packet p = { .data = data, .caplen = caplen, .len = caplen, .linktype = RC_LINKTYPE_RAW };
	rc__json_packet(&ob, &p, NULL);
	char *s = strdup(rc__ob_str(&ob));
	rc__ob_free(&ob);
	return s;
}

/* IPv4 + UDP to port 53 + a DNS header with one question; the name bytes
 * follow. */
static size_t dns_packet(uint8_t *b, const uint8_t *name, size_t nlen)
{
	static const uint8_t hdr[40] = {
		0x45, 0, 0, 0, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
		0x30, 0x39, 0, 53, 0, 0, 0, 0,
		0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
	};
	memcpy(b, hdr, sizeof(hdr));
	memcpy(b + sizeof(hdr), name, nlen);
	memcpy(b + sizeof(hdr) + nlen, "\0\1\0\1", 4);
	size_t total = sizeof(hdr) + nlen + 4;
	b[2] = (uint8_t)(total >> 8);
	b[3] = (uint8_t)total;
	b[24] = (uint8_t)((total - 20) >> 8);
	b[25] = (uint8_t)(total - 20);
	return total;
}

TEST(cli_json_hostile_dns_names_end_safely)
{
	uint8_t b[512];
	/* a pointer to itself (offset 12 of the message) */
	static const uint8_t loop[] = {0xc0, 0x0c};
	size_t n = dns_packet(b, loop, sizeof(loop));
	uint8_t *heap = malloc(n);
	ASSERT_TRUE(heap != NULL);
	memcpy(heap, b, n);
	char *s = json_of(heap, (uint32_t)n);
	ASSERT_TRUE(strstr(s, "\"id\":4660") != NULL);
	ASSERT_TRUE(strstr(s, "\"questions\":[],\"malformed\":true}") != NULL);
	free(s);
	free(heap);
	/* a label running past the capture (exactly sized, for ASan) */
	static const uint8_t longlabel[] = {40, 'a', 'b', 'c'};
	n = dns_packet(b, longlabel, sizeof(longlabel));
	heap = malloc(n);
	ASSERT_TRUE(heap != NULL);
	memcpy(heap, b, n);
	s = json_of(heap, (uint32_t)n);
	ASSERT_TRUE(strstr(s, "\"questions\":[]},\"truncated\":true}") != NULL);
	free(s);
	free(heap);
	/* a good name, then cut one byte at a time: never a read past it */
	static const uint8_t good[] = {3, 'w', 'w', 'w', 2, 'e', 'x', 0};
	n = dns_packet(b, good, sizeof(good));
	for (size_t cut = n; cut > 0; cut--) {
		heap = malloc(cut);
		ASSERT_TRUE(heap != NULL);
		memcpy(heap, b, cut);
		s = json_of(heap, (uint32_t)cut);
		if (cut == n)
			ASSERT_TRUE(strstr(s, "\"questions\":[{\"name\":\"www.ex\",\"type\":1,\"class\":1}]") != NULL);
		else
			ASSERT_TRUE(strstr(s, "\"truncated\":true}") != NULL);
		free(s);
		free(heap);
	}
}

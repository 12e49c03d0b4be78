/*
 * test_cli_print_units.c - the packet printer as a pure function: bounds
 * safety on every prefix of real frames (run under ASan: each prefix sits in
 * an exactly sized heap block), time stamp formats, dumps, hostile DNS names.
 */
#include "harness.h"
#include "testutil.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "ringcap/file.h"

static char *summary(const struct rc__print_opts *o, int linktype, const uint8_t *data,
		     uint32_t caplen, uint32_t len)
{
	rc__ob ob;
	rc__printer p;
	ASSERT_OK(rc__ob_init(&ob, -1));
	ASSERT_OK(rc__printer_init(&p, o, &ob));
	rc__print_summary(&p, linktype, data, caplen, len);
	char *s = strdup(rc__ob_str(&ob));
	rc__printer_free(&p);
	rc__ob_free(&ob);
	return s;
}

static char *line(const struct rc__print_opts *o, const rc_packet *pkts, size_t n)
{
	rc__ob ob;
	rc__printer p;
	ASSERT_OK(rc__ob_init(&ob, -1));
	ASSERT_OK(rc__printer_init(&p, o, &ob));
	for (size_t i = 0; i < n; i++)
		rc__print_packet(&p, &pkts[i]);
	char *s = strdup(rc__ob_str(&ob));
	rc__printer_free(&p);
	rc__ob_free(&ob);
	return s;
}

/* Print every prefix of every packet of a corpus file with several flag sets;
 * each prefix is copied into an exactly sized heap block. */
static void all_prefixes(const char *name)
{
	static const struct rc__print_opts flagsets[] = {
		{ 0 },
		{ .eflag = 1, .vflag = 1, .xflag = 1 },
		{ .qflag = 1, .Xflag = 2, .Sflag = 1, .vflag = 3 },
	};
	enum { NF = sizeof(flagsets) / sizeof(flagsets[0]) };
	rc__ob ob[NF];
	rc__printer pr[NF];
	for (int f = 0; f < NF; f++) {
		ASSERT_OK(rc__ob_init(&ob[f], -1));
		ASSERT_OK(rc__printer_init(&pr[f], &flagsets[f], &ob[f]));
	}
	char path[512], err[RC_ERRBUF_SIZE];
	snprintf(path, sizeof(path), "%s/tests/cli/corpus/%s", rc_test_srcdir(), name);
	rc_reader *r;
	if (rc_reader_open(&r, path, NULL, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "%s", err);
	rc_packet pkt;
	size_t npkts = 0;
	while (rc_reader_next(r, &pkt) == 1) {
		npkts++;
		for (uint32_t cut = 0; cut <= pkt.caplen; cut++) {
			uint8_t *copy = malloc(cut ? cut : 1);
			memcpy(copy, pkt.data, cut);
			for (int f = 0; f < NF; f++) {
				rc__print_summary(&pr[f], pkt.linktype, copy, cut, pkt.len);
				ASSERT_TRUE(ob[f].len < 65536);
				ASSERT_INT_EQ(ob[f].err, 0);
				rc__ob_reset(&ob[f]);
			}
			free(copy);
		}
	}
	rc_reader_close(r);
	for (int f = 0; f < NF; f++) {
		rc__printer_free(&pr[f]);
		rc__ob_free(&ob[f]);
	}
	ASSERT_INT_GT(npkts, 0);
}

TEST(print_every_prefix_of_tcp_frames_is_safe) { all_prefixes("tcp.pcap"); }
TEST(print_every_prefix_of_udp_frames_is_safe) { all_prefixes("udp.pcap"); }
TEST(print_every_prefix_of_icmp_frames_is_safe) { all_prefixes("icmp.pcap"); }
TEST(print_every_prefix_of_ipv6_frames_is_safe) { all_prefixes("ipv6.pcap"); }
TEST(print_every_prefix_of_l2_frames_is_safe) { all_prefixes("l2.pcap"); }
TEST(print_every_prefix_of_application_frames_is_safe) { all_prefixes("apps.pcap"); }

TEST(print_every_prefix_of_bridge_tunnel_radius_sip_frames_is_safe)
{
	all_prefixes("stp.pcap");
	all_prefixes("cdp.pcap");
	all_prefixes("geneve.pcap");
	all_prefixes("radius.pcap");
	all_prefixes("sip.pcap");
}

TEST(print_every_prefix_of_review_frames_is_safe)
{
	all_prefixes("review.pcap");
	all_prefixes("review6.pcap");
	all_prefixes("ipopt.pcap");
	all_prefixes("verbose.pcap");
	all_prefixes("udplen.pcap");
	all_prefixes("vxlan.pcap");
}

TEST(print_every_prefix_of_calm_fast_and_segment_routing_frames_is_safe)
{
	all_prefixes("calm.pcap");
	all_prefixes("srh.pcap");
}

TEST(print_checksum_should_be_adds_the_residue_with_end_around_carry)
{
	/* a right field leaves a residue of 0 and is its own value */
	ASSERT_INT_EQ(rc__cksum_shouldbe(0x1234, 0), 0x1234);
	ASSERT_INT_EQ(rc__cksum_shouldbe(0x1234, 0x5496), 0x66ca);
	/* the carry out of bit 15 comes back in at bit 0 */
	ASSERT_INT_EQ(rc__cksum_shouldbe(0xffff, 0x7bdd), 0x7bdd);
	ASSERT_INT_EQ(rc__cksum_shouldbe(0x8000, 0x8000), 0x0001);
	ASSERT_INT_EQ(rc__cksum_shouldbe(0xffff, 0xffff), 0xffff);
}

TEST(print_every_prefix_of_cooked_and_loopback_frames_is_safe)
{
	all_prefixes("lt_sll.pcap");
	all_prefixes("lt_sll2.pcap");
	all_prefixes("lt_null.pcap");
	all_prefixes("lt_loop.pcap");
	all_prefixes("lt_raw.pcap");
}

TEST(print_truncated_tcp_shows_tcpdump_marker)
{
	static const uint8_t frame[] = {
		0x45, 0x00, 0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x40, 0x06, 0x00, 0x00,
		10, 0, 0, 1, 10, 0, 0, 2, 0x9c, 0x40, 0x00, 0x50,
	};
	struct rc__print_opts o = { 0 };
	char *s = summary(&o, RC_LINKTYPE_RAW, frame, sizeof(frame), 40);
	ASSERT_STR_EQ(s, "IP 10.0.0.1.40000 > 10.0.0.2.80:  [|tcp]");
	free(s);
	s = summary(&o, RC_LINKTYPE_RAW, frame, 10, 40);
	ASSERT_STR_EQ(s, "IP  [|ip]");
	free(s);
}

TEST(print_ip_past_a_shorter_pppoe_length_reads_the_captured_bytes)
{
	/* PPPoE says 43 bytes (1 of them the compressed PPP protocol), the
	 * IPv6 header 48; 48 were captured.  tcpdump 4.99.3 cuts its snapshot
	 * at the IPv6 length, not at the smaller length from below, so the
	 * ICMPv6 echo is read whole from the captured bytes (found by
	 * cli_print_diff with RC_TEST_SEED=321). */
	static const uint8_t ip6[] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x88, 0x64,
		0x11, 0x00, 0x00, 0x11, 0x00, 0x2b, 0x57, 0x60, 0x00, 0x00, 0x00, 0x00, 0x08, 0x3a,
		0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x67, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x01, 0x20, 0xae, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x02, 0x80, 0x00, 0x24, 0x48, 0x00, 0x00, 0x00, 0x00,
	};
	/* The same for IPv4: PPPoE says 26 bytes (2 of them the PPP
	 * protocol), the IPv4 header 28, all captured; ip_print cuts its
	 * snapshot at the IP total length only (nd_push_snaplen). */
	static const uint8_t ip4[] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x88, 0x64,
		0x11, 0x00, 0x00, 0x11, 0x00, 0x1a, 0x00, 0x21, 0x45, 0x00, 0x00, 0x1c, 0x00, 0x01,
		0x00, 0x00, 0x40, 0x01, 0x66, 0xde, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02,
		0x08, 0x00, 0xe5, 0xca, 0x12, 0x34, 0x00, 0x01,
	};
	struct rc__print_opts o = { 0 }; /* names are never resolved */
	char *s = summary(&o, RC_LINKTYPE_ETHERNET, ip6, sizeof(ip6), 73);
	ASSERT_STR_EQ(s, "PPPoE  [ses 0x11] IP6 truncated-ip6 - 6 bytes missing!2001:db8:0:6700::1 > "
			 "20ae:db8::2: ICMP6, echo request, id 0, seq 0, length 8");
	free(s);
	s = summary(&o, RC_LINKTYPE_ETHERNET, ip4, sizeof(ip4), sizeof(ip4));
	ASSERT_STR_EQ(s, "PPPoE  [ses 0x11] IP truncated-ip - 4 bytes missing! 10.0.0.1 > 10.0.0.2: "
			 "ICMP echo request, id 4660, seq 1, length 8");
	free(s);
}

TEST(print_loopback_skipped_entries_must_be_captured)
{
	/* Skip count 69 of the 70 bytes after it, 66 of them captured: tcpdump
	 * 4.99.3 checks the skipped entries are captured before it looks at
	 * the message, so the frame ends in [|loopback], not " (invalid)"
	 * (found by cli_print_diff with RC_TEST_SEED=604). */
	uint8_t frame[82] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x90, 0x00,
		0x45, 0x00,
	};
	struct rc__print_opts o = { 0 };
	char *s = summary(&o, RC_LINKTYPE_ETHERNET, frame, sizeof(frame), 86);
	ASSERT_STR_EQ(s, "Loopback, skipCount 69 (bogus) [|loopback]");
	free(s);
	/* all of it captured: the 1 byte left for the message is too short */
	uint8_t whole[86] = { 0 };
	memcpy(whole, frame, 16);
	s = summary(&o, RC_LINKTYPE_ETHERNET, whole, sizeof(whole), 86);
	ASSERT_STR_EQ(s, "Loopback, skipCount 69 (bogus) (invalid)");
	free(s);
}

/* One Ethernet frame printed with -x: the dump's offset shows whether
 * the printer unwound (tcpdump then dumps from the link header). */
static char *dumped(const uint8_t *frame, uint32_t caplen, uint32_t len)
{
	rc_packet pk;
	memset(&pk, 0, sizeof(pk));
	pk.data = frame;
	pk.caplen = caplen;
	pk.len = len;
	pk.linktype = RC_LINKTYPE_ETHERNET;
	struct rc__print_opts o = { .xflag = 1, .ts_style = RC_TS_NONE };
	return line(&o, &pk, 1);
}

TEST(print_sflow_cut_header_unwinds_whatever_the_address_type)
{
	/* 20 of the 28 header bytes, address type 0xe01: tcpdump 4.99.3's
	 * ND_TCHECK_SIZE unwinds before it looks at the version (found by
	 * cli_print_diff with RC_TEST_SEED=1) */
	static const uint8_t frame[] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00,
		0x45, 0x00, 0x00, 0x30, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x66, 0xba, 0x0a, 0x00,
		0x00, 0x01, 0x0a, 0x00, 0x00, 0x02, 0x9c, 0x40, 0x18, 0xc7, 0x00, 0x1c, 0x74, 0x39,
		0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x0e, 0x01, 0xc0, 0x00, 0x02, 0x01, 0x00, 0x00,
		0x00, 0x07, 0x00, 0x00, 0x00, 0x64,
	};
	char *s = dumped(frame, sizeof(frame), sizeof(frame));
	ASSERT_STR_EQ(s, "IP 10.0.0.1.40000 > 10.0.0.2.6343:  [|sflow]\n"
			 "\t0x0000:  0200 0000 0002 0200 0000 0001 0800 4500\n"
			 "\t0x0010:  0030 0001 0000 4011 66ba 0a00 0001 0a00\n"
			 "\t0x0020:  0002 9c40 18c7 001c 7439 0000 0005 0000\n"
			 "\t0x0030:  0e01 c000 0201 0000 0007 0000 0064\n");
	free(s);
	/* the same datagram cut after its address type, which is 0x7d01
	 * (RC_TEST_SEED=3) */
	uint8_t cut[50];
	memcpy(cut, frame, sizeof(cut));
	cut[48] = 0x7d;
	s = dumped(cut, sizeof(cut), sizeof(cut));
	ASSERT_STR_EQ(s, "IP truncated-ip - 12 bytes missing! 10.0.0.1.40000 > 10.0.0.2.6343:  [|sflow]\n"
			 "\t0x0000:  0200 0000 0002 0200 0000 0001 0800 4500\n"
			 "\t0x0010:  0030 0001 0000 4011 66ba 0a00 0001 0a00\n"
			 "\t0x0020:  0002 9c40 18c7 001c 7439 0000 0005 0000\n"
			 "\t0x0030:  7d01\n");
	free(s);
}

TEST(print_mpls_short_payload_checks_it_is_captured)
{
	/* Two bytes on the wire after the ethertype, one captured: tcpdump
	 * 4.99.3 prints " (invalid)", then ND_TCHECK_LEN over those bytes
	 * marks the cut and unwinds; all captured, it stops at the note. */
	static const uint8_t frame[] = {
		0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x88, 0x47,
		0x8a, 0x00,
	};
	char *s = dumped(frame, 15, 16);
	ASSERT_STR_EQ(s, "MPLS (invalid) [|mpls]\n"
			 "\t0x0000:  0200 0000 0002 0200 0000 0001 8847 8a\n");
	free(s);
	s = dumped(frame, 16, 16);
	ASSERT_STR_EQ(s, "MPLS (invalid)\n\t0x0000:  8a00\n");
	free(s);
}

TEST(print_lmp_names_the_service_config_messages)
{
	/* tcpdump 4.99.3 names message types 50-52 after the RFC 4204 ones
	 * (found by cli_print_diff with RC_TEST_SEED=264) */
	static const struct {
		uint8_t type;
		const char *line;
	} cases[] = {
		{20, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 Channel Status Response Message, length: 8"},
		{49, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 unknown (49) Message, length: 8"},
		{50, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 Service Config Message, length: 8"},
		{51, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 Service Config ACK Message, length: 8"},
		{52, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 Service Config NACK Message, length: 8"},
		{53, "IP 10.0.0.1.40000 > 10.0.0.2.701: LMPv1 unknown (53) Message, length: 8"},
	};
	uint8_t pkt[20 + 8 + 8] = {
		0x45, 0, 0, 36, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
		0x9c, 0x40, 0x02, 0xbd, 0, 16, 0, 0,
		0x10, 0, 0, 0, 0, 8, 0, 0,
	};
	struct rc__print_opts o = { 0 };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pkt[31] = cases[i].type;
		char *s = summary(&o, RC_LINKTYPE_RAW, pkt, sizeof(pkt), sizeof(pkt));
		ASSERT_STR_EQ(s, cases[i].line);
		free(s);
	}
}

TEST(print_dns_pointer_loop_ends)
{
	/* Query whose name is a compression pointer to itself (offset 12). */
	uint8_t pkt[20 + 8 + 18] = {
		0x45, 0x00, 0x00, 46, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
		0x30, 0x39, 0x00, 53, 0x00, 26, 0x00, 0x00,
		0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1,
	};
	struct rc__print_opts o = { 0 };
	char *s = summary(&o, RC_LINKTYPE_RAW, pkt, sizeof(pkt), sizeof(pkt));
	ASSERT_STR_EQ(s, "IP 10.0.0.1.12345 > 10.0.0.2.53: 4660+ A? <BAD PTR> [|domain]");
	free(s);
}

TEST(print_time_stamp_styles)
{
	static const uint8_t ip[] = { 0x45, 0, 0, 20, 0, 0, 0, 0, 64, 59, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	rc_packet pk[2];
	memset(pk, 0, sizeof(pk));
	pk[0].data = pk[1].data = ip;
	pk[0].caplen = pk[1].caplen = pk[0].len = pk[1].len = sizeof(ip);
	pk[0].linktype = pk[1].linktype = RC_LINKTYPE_RAW;
	pk[0].ts_nsec = 1700000000123456789ull;
	pk[1].ts_nsec = 1700003661000000001ull; /* 1:01:00.876543212 later */

	struct rc__print_opts o = { .ts_style = RC_TS_UNIX };
	char *s = line(&o, pk, 1);
	ASSERT_STR_EQ(s, "1700000000.123456 IP 1.2.3.4 > 5.6.7.8: no next header\n");
	free(s);
	o.ts_nano = 1;
	s = line(&o, pk, 1);
	ASSERT_STR_EQ(s, "1700000000.123456789 IP 1.2.3.4 > 5.6.7.8: no next header\n");
	free(s);
	o = (struct rc__print_opts){ .ts_style = RC_TS_DELTA_PREV };
	s = line(&o, pk, 2);
	ASSERT_STR_CONTAINS(s, " 00:00:00.000000 IP");
	ASSERT_STR_CONTAINS(s, "\n 01:01:00.876544 IP");
	free(s);
	o = (struct rc__print_opts){ .ts_style = RC_TS_NONE };
	s = line(&o, pk, 1);
	ASSERT_STR_EQ(s, "IP 1.2.3.4 > 5.6.7.8: no next header\n");
	free(s);
}

TEST(print_hex_dumps_match_tcpdump_layout)
{
	static const uint8_t b[] = "0123456789abcdefXY Z";
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, -1));
	rc__hex_ascii_dump(&ob, "\n\t", b, 19, 0);
	ASSERT_STR_EQ(rc__ob_str(&ob), "\n\t0x0000:  3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef"
				       "\n\t0x0010:  5859 20                                  XY.");
	rc__ob_reset(&ob);
	rc__hex_dump(&ob, "\n\t", b, 17, 0);
	ASSERT_STR_EQ(rc__ob_str(&ob), "\n\t0x0000:  3031 3233 3435 3637 3839 6162 6364 6566\n\t0x0010:  58");
	rc__ob_free(&ob);
}

TEST(print_tcp_relative_sequence_numbers_follow_the_conversation)
{
	/* SYN-ACK then ACK of the other direction, as tcpdump numbers them. */
	uint8_t synack[40] = { 0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 2, 10, 0, 0, 1,
			       0x00, 0x50, 0x9c, 0x40, 0, 0, 0x13, 0x88, 0, 0, 0x03, 0xe9, 0x50, 0x12, 0x10, 0 };
	uint8_t ack[40] = { 0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
			    0x9c, 0x40, 0x00, 0x50, 0, 0, 0x03, 0xe9, 0, 0, 0x13, 0x89, 0x50, 0x10, 0x10, 0 };
	rc_packet pk[2];
	memset(pk, 0, sizeof(pk));
	pk[0].data = synack;
	pk[1].data = ack;
	for (int i = 0; i < 2; i++) {
		pk[i].caplen = pk[i].len = 40;
		pk[i].linktype = RC_LINKTYPE_RAW;
	}
	struct rc__print_opts o = { .ts_style = RC_TS_NONE };
	char *s = line(&o, pk, 2);
	ASSERT_STR_EQ(s, "IP 10.0.0.2.80 > 10.0.0.1.40000: Flags [S.], seq 5000, ack 1001, win 4096, length 0\n"
			 "IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 4096, length 0\n");
	free(s);
	o.Sflag = 1;
	s = line(&o, pk, 2);
	ASSERT_STR_CONTAINS(s, "Flags [.], ack 5001, win 4096");
	free(s);
}

TEST(print_unknown_link_type_prints_length)
{
	static const uint8_t b[4] = { 1, 2, 3, 4 };
	struct rc__print_opts o = { .qflag = 1 };
	char *s = summary(&o, 147, b, 4, 4);
	ASSERT_STR_EQ(s, "[link type USER0 not decoded], length 4");
	free(s);
}

/*
 * One packet whose text would pass RC_OB_MAX_MEM_BYTES (hostile input:
 * deeply nested payloads) loses the rest of its text, marked at its end,
 * and the packets after it print as usual: before, the buffer's error
 * was sticky and took every later line, and the unwritten earlier ones,
 * with it.
 */
TEST(cli_outbuf_clips_one_huge_packet_and_prints_the_next)
{
	const char *path = rc_test_tmpfile("clip.txt");
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ASSERT_INT_GE(fd, 0);
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, fd));
	rc__ob_puts(&ob, "first\n");
	ASSERT_OK(rc__ob_maybe_flush(&ob));
	static char chunk[4096];
	memset(chunk, 'a', sizeof(chunk));
	for (size_t i = 0; i < RC_OB_MAX_MEM_BYTES / sizeof(chunk) + 4; i++)
		rc__ob_put(&ob, chunk, sizeof(chunk));
	rc__ob_putc(&ob, 'b');
	rc__ob_printf(&ob, "%s", "b");
	ASSERT_INT_EQ(rc__ob_unclip(&ob, "\n[cut]\n"), 1);
	ASSERT_INT_EQ(rc__ob_unclip(&ob, "\n[cut]\n"), 0);
	ASSERT_OK(rc__ob_maybe_flush(&ob));
	rc__ob_puts(&ob, "next\n");
	rc__ob_free(&ob);
	ASSERT_INT_EQ(ob.err, 0);

	off_t size = lseek(fd, 0, SEEK_END);
	ASSERT_INT_GT(size, (off_t)RC_OB_MAX_MEM_BYTES - 4096);
	ASSERT_INT_LE(size, (off_t)RC_OB_MAX_MEM_BYTES + 64);
	char head[6], tail[14];
	ASSERT_INT_EQ(pread(fd, head, sizeof(head), 0), (ssize_t)sizeof(head));
	ASSERT_MEM_EQ(head, "first\n", sizeof(head));
	ASSERT_INT_EQ(pread(fd, tail, sizeof(tail), size - (off_t)sizeof(tail)), (ssize_t)sizeof(tail));
	ASSERT_MEM_EQ(tail, "aa\n[cut]\nnext\n", sizeof(tail));
	close(fd);
	unlink(path);
}

/* A clip that nobody reports (rc__ob_unclip) is not silent: the flush
 * writes the text before it and fails with ENOMEM from then on. */
TEST(cli_outbuf_unreported_clip_fails_the_flush)
{
	const char *path = rc_test_tmpfile("clip2.txt");
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ASSERT_INT_GE(fd, 0);
	rc__ob ob;
	ASSERT_OK(rc__ob_init(&ob, fd));
	rc__ob_puts(&ob, "first\n");
	static char chunk[4096];
	memset(chunk, 'a', sizeof(chunk));
	for (size_t i = 0; i < RC_OB_MAX_MEM_BYTES / sizeof(chunk) + 4; i++)
		rc__ob_put(&ob, chunk, sizeof(chunk));
	ASSERT_INT_EQ(rc__ob_flush(&ob), RC_ENOMEM);
	rc__ob_puts(&ob, "next\n");
	ASSERT_INT_EQ(rc__ob_flush(&ob), RC_ENOMEM);
	rc__ob_free(&ob);
	char head[6];
	ASSERT_INT_EQ(pread(fd, head, sizeof(head), 0), (ssize_t)sizeof(head));
	ASSERT_MEM_EQ(head, "first\n", sizeof(head));
	ASSERT_INT_LE(lseek(fd, 0, SEEK_END), (off_t)RC_OB_MAX_MEM_BYTES);
	close(fd);
	unlink(path);
}

/* Big-endian 16 bits into p. */
static void be16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/*
 * The hostile packet the 16 MiB clip is for: IKEv1 SA payloads nested as
 * deep as one IPv4 datagram allows (2337 levels of SA > proposal >
 * transform, whose next payload is the next SA; RFC 2408 3.4-3.6), each
 * level indented 4 spaces more, as tcpdump prints them.  The printer
 * recurses once per level (checked here under ASan too) and the text
 * ends in the marker.
 */
TEST(print_isakmp_nested_as_deep_as_a_datagram_allows)
{
	enum { LEVEL = 28, LEVELS = (65535 - 20 - 8 - 28) / LEVEL };
	static uint8_t pkt[20 + 8 + 28 + LEVELS * LEVEL];
	memset(pkt, 0, sizeof(pkt));
	pkt[0] = 0x45;
	be16(pkt + 2, sizeof(pkt));
	pkt[8] = 64;
	pkt[9] = 17;
	static const uint8_t addrs[8] = { 10, 0, 0, 1, 10, 0, 0, 2 };
	memcpy(pkt + 12, addrs, sizeof(addrs));
	uint8_t *udp = pkt + 20;
	be16(udp, 500);
	be16(udp + 2, 500);
	be16(udp + 4, sizeof(pkt) - 20);
	uint8_t *ike = udp + 8;
	memset(ike, 0x11, 8);          /* initiator cookie */
	ike[16] = 1;                    /* next payload: SA */
	ike[17] = 0x10;                 /* version 1.0 */
	ike[18] = 2;                    /* identity protection */
	ike[24] = (uint8_t)((sizeof(pkt) - 28) >> 24);
	be16(ike + 26, (uint32_t)(sizeof(pkt) - 28) & 0xffff);
	for (unsigned i = 0; i < LEVELS; i++) {
		uint8_t *sa = ike + 28 + i * LEVEL, *p = sa + 12, *t = p + 8;
		uint32_t left = (uint32_t)(LEVELS - i) * LEVEL;
		be16(sa + 2, left > 0xffff ? 0xffff : left);
		sa[7] = 1;              /* DOI: IPsec */
		sa[11] = 1;             /* situation: identity only */
		be16(p + 2, left - 12 > 0xffff ? 0xffff : left - 12);
		p[4] = 1, p[5] = 1, p[7] = 1; /* #1, ISAKMP, one transform */
		t[0] = i + 1 < LEVELS ? 1 : 0;  /* next: the next level's SA */
		be16(t + 2, 8);
		t[4] = 1, t[5] = 1;     /* #1, KEY_IKE */
	}
	rc_packet pk;
	memset(&pk, 0, sizeof(pk));
	pk.data = pkt;
	pk.caplen = pk.len = sizeof(pkt);
	pk.linktype = RC_LINKTYPE_RAW;
	struct rc__print_opts o = { .vflag = 1 };
	char *s = line(&o, &pk, 1);
	const char *mark = "\n[ringcap: the rest of this packet's text, past 16 MiB, is left out]\n";
	size_t n = strlen(s), m = strlen(mark);
	ASSERT_UINT_GE(n, RC_OB_MAX_MEM_BYTES / 2);
	ASSERT_UINT_LE(n, RC_OB_MAX_MEM_BYTES);
	ASSERT_STR_EQ(s + n - m, mark);
	ASSERT_TRUE(strstr(s, "isakmp 1.0 msgid 00000000: phase 1 I ident:\n    (sa: doi=ipsec") != NULL);
	free(s);
}

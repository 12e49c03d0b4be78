/*
 * test_file_write_pcapng.c - rc_writer writing pcapng: section header
 * options, several interfaces of different link types, EPB options
 * (direction, drop count, comment), ISB statistics, append as a new
 * section; checked with tshark, capinfos, libpcap and a block walker.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "file/pcapng_defs.h"
#include "test_file_write_common.h"

static rc_writer *open_ng(const char *path, const rc_writer_opts *o)
{
	rc_writer *w;
	char err[RC_ERRBUF_SIZE];
	if (rc_writer_open(&w, path, o, err) < 0)
		rc_test_fail(__FILE__, __LINE__, "open %s: %s", path, err);
	return w;
}

/*
 * Three interfaces (Ethernet from opts, raw IP and Linux SLL added), one
 * packet each in turn; every third packet carries a comment, directions
 * cycle unknown/in/out, packets on interface 2 carry a drop count.
 */
static const char *write_three_ifaces(const char *name, size_t n)
{
	const char *f = rc_test_tmpfile(name);
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .comment = "section note",
			     .userappl = "writer-test", .os = "TestOS 1.0" };
	rc_writer *w = open_ng(f, &o);
	rc_iface_info raw = { .linktype = RC_LINKTYPE_RAW, .name = "tun0",
			      .description = "the tunnel", .filter = "ip and udp port 53",
			      .fcslen = -1 };
	rc_iface_info sll = { .linktype = RC_LINKTYPE_LINUX_SLL, .name = "any", .snaplen = 128,
			      .fcslen = 4 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &raw), 1);
	ASSERT_INT_EQ(rc_writer_add_iface(w, &sll), 2);
	wt_stream s = wt_make(n);
	char comments[64][32];
	for (size_t i = 0; i < n; i++) {
		rc_packet p = s.pkts[i];
		p.ifindex = (uint32_t)(i % 3);
		p.direction = (uint8_t)(i % 3 == 0 ? RC_DIR_UNKNOWN : i % 3 == 1 ? RC_DIR_IN : RC_DIR_OUT);
		if (i % 3 == 0) {
			char *c = comments[i % 64];
			int len = snprintf(c, sizeof(comments[0]), "packet %zu", i);
			p.comment = c;
			p.comment_len = (uint32_t)len;
			p.flags |= RC_PKT_HAS_COMMENT;
		}
		if (p.ifindex == 2) {
			p.dropcount = i * 10;
			p.flags |= RC_PKT_HAS_DROPCOUNT;
		}
		ASSERT_OK(rc_writer_write(w, &p));
	}
	ASSERT_OK(rc_writer_set_iface_stats(w, 0, 1000, 7));
	ASSERT_OK(rc_writer_set_iface_stats(w, 2, 5000, 42));
	ASSERT_OK(rc_writer_close(w));
	wt_free(&s);
	return f;
}

TEST(write_pcapng_interfaces_and_packet_options_seen_by_tshark)
{
	rc_test_need_tool("tshark");
	const char *f = write_three_ifaces("three.pcapng", 30);
	char *out = wt_tshark(f, "-T fields -E 'separator=;' -e frame.interface_id "
				 "-e frame.interface_name -e frame.interface_description "
				 "-e frame.encap_type -e frame.packet_flags_direction "
				 "-e frame.drop_count -e frame.comment -e frame.cap_len");
	ASSERT_UINT_EQ(strlen(out) > 0, 1);
	char *end = out;
	for (int k = 0; k < 6 && end; k++)
		end = strchr(end, '\n') ? strchr(end, '\n') + 1 : NULL;
	ASSERT_TRUE(end != NULL);
	*end = '\0'; /* the first six packets */
	/* wtap encapsulations: 1 Ethernet, 7 raw IP, 25 Linux SLL; tshark names
	 * an interface without if_name "unknown".  caplen of packet 5 (342 + 5)
	 * is cut to the SLL interface's snaplen 128. */
	ASSERT_STR_EQ(out, "0;unknown;;1;;;packet 0;60\n"
			   "1;tun0;the tunnel;7;0x00000001;;;1515\n"
			   "2;any;;25;0x00000002;20;;2\n"
			   "0;unknown;;1;;;packet 3;101\n"
			   "1;tun0;the tunnel;7;0x00000001;;;9018\n"
			   "2;any;;25;0x00000002;50;;128\n");
	free(out);
}

TEST(write_pcapng_section_and_interface_details_seen_by_capinfos)
{
	rc_test_need_tool("capinfos");
	const char *f = write_three_ifaces("three-capinfos.pcapng", 9);
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "capinfos '%s'", f), 0);
	ASSERT_STR_CONTAINS(out, "Number of packets:   9");
	ASSERT_STR_CONTAINS(out, "Capture application: writer-test");
	ASSERT_STR_CONTAINS(out, "Capture oper-sys:    TestOS 1.0");
	ASSERT_STR_CONTAINS(out, "Capture comment:     section note");
	ASSERT_STR_CONTAINS(out, "Number of interfaces in file: 3");
	ASSERT_STR_CONTAINS(out, "Name = tun0");
	ASSERT_STR_CONTAINS(out, "Description = the tunnel");
	ASSERT_STR_CONTAINS(out, "Filter string = ip and udp port 53");
	ASSERT_STR_CONTAINS(out, "FCS length = 4");
	ASSERT_STR_CONTAINS(out, "Capture length = 128");
	ASSERT_STR_CONTAINS(out, "Time resolution = 0x09");
	ASSERT_STR_CONTAINS(out, "Number of stat entries = 1");
	free(out);
}

TEST(write_pcapng_default_shb_names_ringcap_and_the_os)
{
	rc_test_need_tool("capinfos");
	const char *f = rc_test_tmpfile("defaults.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_close(open_ng(f, &o)));
	char *out = NULL;
	ASSERT_INT_EQ(rc_test_sh(&out, "capinfos '%s'", f), 0);
	ASSERT_STR_CONTAINS(out, "Capture application: ringcap " RC_VERSION);
	ASSERT_STR_CONTAINS(out, "Capture oper-sys:    Linux ");
	ASSERT_STR_CONTAINS(out, "File type:           Wireshark/... - pcapng");
	free(out);
}

TEST(write_pcapng_blocks_are_whole_and_isb_holds_the_counters)
{
	const char *f = write_three_ifaces("isb.pcapng", 12);
	size_t size, off = 0;
	unsigned char *b = rc_test_read_file(f, &size);
	wt_block blk;
	size_t idb = 0, epb = 0, isb = 0;
	uint32_t isb_ifaces[4];
	while (wt_next_block(b, size, &off, &blk)) {
		const uint8_t *o;
		uint16_t olen;
		uint64_t v, start, end;
		switch (blk.type) {
		case RC_PCAPNG_BT_SHB:
			ASSERT_UINT_EQ(off, blk.len); /* first block */
			break;
		case RC_PCAPNG_BT_IDB:
			ASSERT_UINT_EQ(epb, 0); /* all IDBs precede the packets here */
			o = wt_find_opt(blk.body + 8, blk.len - 20, RC_PCAPNG_IF_TSRESOL, &olen);
			ASSERT_TRUE(o != NULL);
			ASSERT_UINT_EQ(olen, 1);
			ASSERT_UINT_EQ(o[0], 9);
			idb++;
			break;
		case RC_PCAPNG_BT_EPB:
			ASSERT_UINT_EQ(isb, 0);
			epb++;
			break;
		case RC_PCAPNG_BT_ISB: {
			uint32_t id;
			memcpy(&id, blk.body, 4);
			ASSERT_TRUE(isb < 4);
			isb_ifaces[isb++] = id;
			const uint8_t *opts = blk.body + 12;
			size_t on = blk.len - 24;
			o = wt_find_opt(opts, on, RC_PCAPNG_ISB_IFRECV, &olen);
			ASSERT_TRUE(o && olen == 8);
			memcpy(&v, o, 8);
			ASSERT_UINT_EQ(v, id == 0 ? 1000 : 5000);
			o = wt_find_opt(opts, on, RC_PCAPNG_ISB_IFDROP, &olen);
			ASSERT_TRUE(o && olen == 8);
			memcpy(&v, o, 8);
			ASSERT_UINT_EQ(v, id == 0 ? 7 : 42);
			/* start/end: upper 32 bits first, like EPB time stamps. */
			uint32_t hl[2];
			o = wt_find_opt(opts, on, RC_PCAPNG_ISB_STARTTIME, &olen);
			ASSERT_TRUE(o && olen == 8);
			memcpy(hl, o, 8);
			start = (uint64_t)hl[0] << 32 | hl[1];
			o = wt_find_opt(opts, on, RC_PCAPNG_ISB_ENDTIME, &olen);
			ASSERT_TRUE(o && olen == 8);
			memcpy(hl, o, 8);
			end = (uint64_t)hl[0] << 32 | hl[1];
			ASSERT_TRUE(start <= end);
			ASSERT_TRUE(start > 1600000000ull * 1000000000ull); /* wall clock ns */
			break;
		}
		default:
			rc_test_fail(__FILE__, __LINE__, "unexpected block type 0x%x", blk.type);
		}
	}
	ASSERT_UINT_EQ(idb, 3);
	ASSERT_UINT_EQ(epb, 12);
	ASSERT_UINT_EQ(isb, 2);
	ASSERT_UINT_EQ(isb_ifaces[0], 0);
	ASSERT_UINT_EQ(isb_ifaces[1], 2);
	free(b);
}

TEST(write_pcapng_single_interface_read_back_by_libpcap)
{
#ifdef RC_HAVE_LIBPCAP_ORACLE
	wt_stream s = wt_make(2000);
	const char *f = rc_test_tmpfile("oracle.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET, .buf_bytes = 10000 };
	rc_writer *w = open_ng(f, &o);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, s.n));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_UINT_EQ(wt_libpcap_check(f, s.n, 262144, 1, DLT_EN10MB), s.n);
	wt_free(&s);
#else
	SKIP("system libpcap (oracle) not found at build time");
#endif
}

TEST(write_pcapng_by_extension_when_format_is_zero)
{
	const char *f = rc_test_tmpfile("ext.PCAPNG");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_close(open_ng(f, &o)));
	size_t n;
	unsigned char *b = rc_test_read_file(f, &n);
	uint32_t t;
	memcpy(&t, b, 4);
	ASSERT_UINT_EQ(t, RC_PCAPNG_BT_SHB);
	free(b);
}

TEST(write_pcapng_append_adds_a_section)
{
	rc_test_need_tool("tshark");
	wt_stream s = wt_make(20);
	const char *f = rc_test_tmpfile("append.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	rc_writer *w = open_ng(f, &o);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, 8));
	ASSERT_OK(rc_writer_close(w));
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	o.append = 1;
	o.linktype = RC_LINKTYPE_RAW; /* a new section may describe other interfaces */
	w = open_ng(f, &o);
	ASSERT_UINT_GE(rc_writer_offset(w), (uint64_t)st.st_size);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts + 8, 12));
	ASSERT_OK(rc_writer_close(w));

	size_t size, off = 0, shb = 0;
	unsigned char *b = rc_test_read_file(f, &size);
	wt_block blk;
	while (wt_next_block(b, size, &off, &blk))
		shb += blk.type == RC_PCAPNG_BT_SHB;
	ASSERT_UINT_EQ(shb, 2);
	free(b);
	char *out = wt_tshark(f, "-T fields -e frame.section_number -e frame.encap_type "
				 "| sort | uniq -c | tr -s ' '");
	ASSERT_STR_EQ(out, " 8 1\t1\n 12 2\t7\n");
	free(out);
	wt_free(&s);
}

TEST(write_pcapng_append_refuses_a_damaged_or_pcap_file)
{
	const char *f = rc_test_tmpfile("cut.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	wt_stream s = wt_make(3);
	rc_writer *w = open_ng(f, &o);
	ASSERT_OK(rc_writer_write_batch(w, s.pkts, s.n));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_INT_EQ(truncate(f, 150), 0); /* inside the second EPB */
	char err[RC_ERRBUF_SIZE];
	o.append = 1;
	w = (rc_writer *)1;
	ASSERT_INT_EQ(rc_writer_open(&w, f, &o, err), RC_EFORMAT);
	ASSERT_TRUE(w == NULL);
	ASSERT_STR_CONTAINS(err, f);
	ASSERT_STR_CONTAINS(err, "does not end on a whole pcapng block");
	struct stat st;
	ASSERT_INT_EQ(stat(f, &st), 0);
	ASSERT_INT_EQ(st.st_size, 150);

	const char *p = rc_test_tmpfile("plain.pcap");
	rc_writer_opts po = { .format = RC_FORMAT_PCAP, .linktype = RC_LINKTYPE_ETHERNET };
	ASSERT_OK(rc_writer_open(&w, p, &po, err));
	ASSERT_OK(rc_writer_close(w));
	o.format = RC_FORMAT_PCAPNG;
	ASSERT_INT_EQ(rc_writer_open(&w, p, &o, err), RC_EFORMAT);
	ASSERT_STR_CONTAINS(err, "the file is pcap");
	/* Without opts.format, appending keeps the existing file's format. */
	po.append = 1;
	po.format = 0;
	ASSERT_OK(rc_writer_open(&w, p, &po, err));
	ASSERT_OK(rc_writer_write(w, &s.pkts[0]));
	ASSERT_OK(rc_writer_close(w));
	ASSERT_INT_EQ(stat(p, &st), 0);
	ASSERT_INT_EQ(st.st_size, 24 + 16 + 60);
	wt_free(&s);
}

TEST(write_pcapng_rejects_packets_for_undescribed_interfaces)
{
	const char *f = rc_test_tmpfile("noiface.pcapng");
	rc_writer_opts o = { .format = RC_FORMAT_PCAPNG, .no_default_iface = 1 };
	rc_writer *w = open_ng(f, &o);
	uint64_t off = rc_writer_offset(w);
	uint8_t d[8] = { 0 };
	rc_packet p = { .data = d, .caplen = 8, .len = 8 };
	ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "only 0 interfaces");
	ASSERT_INT_EQ(rc_writer_set_iface_stats(w, 0, 1, 1), RC_EINVAL);
	rc_iface_info eth = { .linktype = RC_LINKTYPE_ETHERNET, .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &eth), 0);
	ASSERT_OK(rc_writer_write(w, &p));
	p.ifindex = 1;
	ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "interface 1");
	/* SHB only, then an IDB (20 + tsresol 8 + end 4), then one EPB (32 + 8 + 0). */
	ASSERT_UINT_EQ(rc_writer_offset(w), off + 32 + 40);
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_pcapng_rejects_oversized_options)
{
	static char big[70000];
	memset(big, 'x', sizeof(big) - 1);
	const char *f = rc_test_tmpfile("bigopt.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET };
	rc_writer *w = open_ng(f, &o);
	rc_iface_info ifc = { .linktype = RC_LINKTYPE_ETHERNET, .name = big, .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &ifc), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "65535");
	uint8_t d[4] = { 0 };
	rc_packet p = { .data = d, .caplen = 4, .len = 4, .comment = big,
			.comment_len = 65536, .flags = RC_PKT_HAS_COMMENT };
	ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
	ASSERT_STR_CONTAINS(rc_writer_error(w), "comment");
	p.comment_len = 65535; /* the largest that fits */
	ASSERT_OK(rc_writer_write(w, &p));
	ASSERT_OK(rc_writer_close(w));
}

TEST(write_pcapng_idb_snaplen_is_written_as_given)
{
	const char *f = rc_test_tmpfile("snaplens.pcapng");
	rc_writer_opts o = { .linktype = RC_LINKTYPE_ETHERNET }; /* interface 0: 262144 */
	rc_writer *w = open_ng(f, &o);
	rc_iface_info unlimited = { .linktype = RC_LINKTYPE_RAW, .snaplen = 0, .fcslen = -1 };
	rc_iface_info huge = { .linktype = RC_LINKTYPE_RAW, .snaplen = 0xffffffffu, .fcslen = -1 };
	ASSERT_INT_EQ(rc_writer_add_iface(w, &unlimited), 1);
	ASSERT_INT_EQ(rc_writer_add_iface(w, &huge), 2);
	static uint8_t big[300000];
	rc_packet p = { .data = big, .caplen = sizeof(big), .len = sizeof(big) };
	ASSERT_OK(rc_writer_write(w, &p)); /* interface 0: cut to 262144 */
	p.ifindex = 1;
	ASSERT_OK(rc_writer_write(w, &p)); /* no limit: whole */
	ASSERT_OK(rc_writer_close(w));
	size_t size, off = 0;
	unsigned char *b = rc_test_read_file(f, &size);
	wt_block blk;
	uint32_t snaps[3], caps[2];
	size_t ni = 0, ne = 0;
	while (wt_next_block(b, size, &off, &blk)) {
		if (blk.type == RC_PCAPNG_BT_IDB && ni < 3)
			memcpy(&snaps[ni++], blk.body + 4, 4);
		if (blk.type == RC_PCAPNG_BT_EPB && ne < 2)
			memcpy(&caps[ne++], blk.body + 12, 4);
	}
	ASSERT_UINT_EQ(ni, 3);
	ASSERT_UINT_EQ(ne, 2);
	ASSERT_UINT_EQ(snaps[0], 262144);
	ASSERT_UINT_EQ(snaps[1], 0);
	ASSERT_UINT_EQ(snaps[2], 0xffffffffu);
	ASSERT_UINT_EQ(caps[0], 262144);
	ASSERT_UINT_EQ(caps[1], 300000);
	free(b);
}

TEST(write_rejects_caplen_over_one_gib_and_missing_data)
{
	/* Snap length "no limit": only the writer's own bound stops a caplen
	 * that would overflow the 32-bit block length.  Nothing is read from
	 * data, which is why a tiny buffer is enough here. */
	uint8_t d[4] = { 0 };
	for (int fmt = RC_FORMAT_PCAP; fmt <= RC_FORMAT_PCAPNG; fmt++) {
		rc_writer_opts o = { .format = (enum rc_file_format)fmt,
				     .linktype = RC_LINKTYPE_ETHERNET, .snaplen = 0xffffffffu };
		rc_writer *w = open_ng(rc_test_tmpfile(fmt == RC_FORMAT_PCAP ? "huge.pcap"
										 : "huge.pcapng"),
				       &o);
		uint64_t off = rc_writer_offset(w);
		rc_packet p = { .data = d, .caplen = 0xfffffffdu, .len = 0xfffffffdu };
		ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
		ASSERT_STR_CONTAINS(rc_writer_error(w), "caplen 4294967293");
		p.caplen = 4;
		p.data = NULL;
		ASSERT_INT_EQ(rc_writer_write(w, &p), RC_EINVAL);
		ASSERT_STR_CONTAINS(rc_writer_error(w), "has no data");
		ASSERT_UINT_EQ(rc_writer_offset(w), off);
		ASSERT_OK(rc_writer_close(w));
	}
}

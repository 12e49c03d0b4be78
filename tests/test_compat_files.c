/*
 * test_compat_files.c - savefiles, dumpers, filters and return codes of
 * ringcap's libpcap.so.0.8 against the system libpcap.
 * tests/compat/files_prog.c is built once against Debian's headers and
 * library; each test runs one of its scenarios on both libraries, each in
 * a directory of its own, and wants the same output, exit status and
 * (where named) byte-identical files.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

/*
 * Run scenario in <tmpdir>/sys on the system library and in <tmpdir>/rc
 * on ringcap's; prefix is a command that runs the program (its words
 * follow, e.g. RC_FILES_NETNS) or "".  Outputs, exit statuses and the
 * named files must be equal.
 */
static void rc_files_same(const char *scenario, const char *prefix, const char *const *files,
			  size_t nfiles)
{
	const char *bin = rc_compat_build_prog("files_prog"), *dir = rc_test_tmpdir();
	char *sys = NULL, *rc = NULL;
	int sys_st, rc_st;

	ASSERT_INT_EQ(rc_test_sh(NULL, "mkdir '%s/sys' '%s/rc'", dir, dir), 0);
	sys_st = rc_test_sh(&sys, "%s '%s' '%s/sys' %s 2>&1", prefix, bin, dir, scenario);
	rc_st = rc_test_sh(&rc, "%s %s '%s' '%s/rc' %s 2>&1", rc_compat_env(), prefix, bin, dir,
			   scenario);
	if (strcmp(sys, rc) != 0)
		rc_test_fail(__FILE__, __LINE__, "%s: output differs, %s", scenario,
			     rc_compat_first_diff(sys, rc));
	ASSERT_INT_EQ(rc_st, sys_st);
	ASSERT_INT_EQ(sys_st, 0);
	for (size_t i = 0; i < nfiles; i++)
		if (rc_test_sh(NULL, "cmp '%s/sys/%s' '%s/rc/%s' >&2", dir, files[i], dir, files[i]) != 0)
			rc_test_fail(__FILE__, __LINE__, "%s differs from libpcap's (or is missing)",
				     files[i]);
	free(sys);
	free(rc);
}

/*
 * In libpcap the dumper is its FILE: after pcap_dump_file() a caller may
 * fclose() the stream and exit without pcap_dump_close().  Every record
 * must be in the file, and exit() must not write into the closed stream.
 */
TEST_TIMEOUT(compat_files_dump_file_then_fclose_keeps_every_record, 60)
{
	static const char *const files[] = { "fclose.pcap" };

	rc_files_same("dump_file_fclose", "", files, 1);
}

/* fflush() on pcap_dump_file()'s stream writes the records dumped before. */
TEST_TIMEOUT(compat_files_dump_file_then_fflush_writes_every_record, 60)
{
	static const char *const files[] = { "fflush.pcap" };

	rc_files_same("dump_file_fflush", "", files, 1);
}

/*
 * pcap_dump() hands its buffer to stdio in one fwrite(), and stdio passes
 * the whole-block part of it to write(2) straight from the buffer.  Each
 * such write must copy from the offset within a page of the file bytes it
 * fills (file/copy_align.h: on some CPUs the kernel's copy is many times
 * slower when those are 1-31 bytes apart).  strace shows each write's
 * address and size; the 4 KiB writes from stdio's own buffer are not the
 * dumper's.  Records of many sizes put the hand-overs at many offsets.
 */
TEST_TIMEOUT(compat_files_dump_writes_start_at_their_file_offset_within_a_page, 60)
{
	const char *bin = rc_compat_build_prog("files_prog"), *dir = rc_test_tmpdir();
	char *log = NULL, *save = NULL, path[600];
	unsigned fd = 0, direct = 0;
	struct stat st;
	unsigned long off = 0;

	rc_test_need_tool("strace");
	ASSERT_INT_EQ(rc_test_sh(NULL, "%s strace -o '%s/trace.txt' -e trace=openat,write -e raw=write "
				 "'%s' '%s' dump_placed >/dev/null 2>&1", rc_compat_env(), dir, bin, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(&log, "cat '%s/trace.txt'", dir), 0);
	for (char *l = strtok_r(log, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		unsigned wfd;
		unsigned long addr, len, ret;

		if (strstr(l, "\"placed.pcap\"") && strstr(l, "= "))
			fd = (unsigned)strtoul(strrchr(l, '=') + 1, NULL, 0);
		if (!fd || sscanf(l, "write(0x%x, 0x%lx, 0x%lx) = 0x%lx", &wfd, &addr, &len, &ret) != 4 ||
		    wfd != fd)
			continue;
		if (len > 4096) {
			if ((addr - off) % 4096 != 0)
				rc_test_fail(__FILE__, __LINE__, "write of %lu bytes at file offset %lu from address 0x%lx",
					     len, off, addr);
			direct++;
		}
		off += ret;
	}
	/* the whole file went through the writes seen */
	snprintf(path, sizeof(path), "%s/placed.pcap", dir);
	ASSERT_INT_EQ(stat(path, &st), 0);
	ASSERT_UINT_EQ(off, (unsigned long)st.st_size);
	ASSERT_UINT_GE(direct, 30);
	free(log);
}

/* A link type savefiles cannot hold: no file is created or truncated. */
TEST_TIMEOUT(compat_files_dump_open_checks_link_type_before_the_file, 60)
{
	static const char *const files[] = { "keep.pcap" };

	rc_files_same("dump_bad_linktype", "", files, 1);
}

/*
 * pcapng: every interface must have the first one's link type and snap
 * length, checked as each IDB is read (also one no packet uses, also after
 * the last packet); records are never cut to another interface's length.
 */
TEST_TIMEOUT(compat_files_pcapng_interfaces_checked_like_libpcap, 60)
{
	rc_files_same("pcapng_interfaces", "", NULL, 0);
}

/* Reading calls taken by turns on one savefile, with a filter changed and
 * a break part-way, see the same packets in the same order as libpcap's. */
TEST_TIMEOUT(compat_files_offline_reading_calls_by_turns, 60)
{
	rc_files_same("offline_mixed_calls", "", NULL, 0);
}

/* pcapng if_fcslen is not pcap_datalink_ext(), nor in a dumped header. */
TEST_TIMEOUT(compat_files_pcapng_fcslen_is_not_datalink_ext, 60)
{
	static const char *const files[] = { "fcs_out.pcap" };

	rc_files_same("pcapng_fcslen", "", files, 1);
}

/* Savefile snap lengths and record limits per link type (D-Bus 128 MiB,
 * USBPcap 1 MiB, EBHSCR 8 MiB, else 262144), with libpcap's messages. */
TEST_TIMEOUT(compat_files_snap_length_maximum_per_link_type, 60)
{
	rc_files_same("snaplen_max", "", NULL, 0);
}

/* pcap_fopen_offline() reads from the stream's position (after fseek, after
 * fread) and reads streams without a descriptor (fmemopen). */
TEST_TIMEOUT(compat_files_fopen_offline_starts_at_the_stream_position, 60)
{
	rc_files_same("fopen_position", "", NULL, 0);
}

/* pcap_fopen_offline() on an endless fopencookie stream: 100000 packets,
 * then pcap_close() closes the stream (reading it whole first never ends). */
TEST_TIMEOUT(compat_files_fopen_offline_cookie_endless_stream, 60)
{
	rc_files_same("fopen_cookie_endless", "", NULL, 0);
}

/* pcap_fopen_offline() on a cookie over a pipe delivers the first packet
 * before its writer sends the rest. */
TEST_TIMEOUT(compat_files_fopen_offline_cookie_packets_as_they_come, 60)
{
	rc_files_same("fopen_cookie_live", "", NULL, 0);
}

/* A cookie that fails inside a record: the packets before it, then
 * PCAP_ERROR with the errno's text, also on the next call. */
TEST_TIMEOUT(compat_files_fopen_offline_cookie_read_error_after_packets, 60)
{
	rc_files_same("fopen_cookie_error", "", NULL, 0);
}

/* pcap_close() of pcap_fopen_offline(stdin) leaves stdin open. */
TEST_TIMEOUT(compat_files_fopen_offline_stdin_stays_open, 60)
{
	rc_files_same("fopen_stdin", "", NULL, 0);
}

/* pcap_compile's netmask 0 is a mask (tcpdump -r passes it); only
 * PCAP_NETMASK_UNKNOWN makes `ip broadcast` an error. */
TEST_TIMEOUT(compat_files_netmask_zero_is_a_mask, 60)
{
	rc_files_same("netmask", "", NULL, 0);
}

/* ringcap -r FILE 'ip broadcast' works, as tcpdump -r does. */
TEST_TIMEOUT(compat_files_cli_reads_ip_broadcast_like_tcpdump, 60)
{
	const char *dir = rc_test_tmpdir();
	char *out = NULL;

	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s' '%s' snaplen_max >/dev/null", rc_compat_build_prog("files_prog"), dir), 0);
	if (rc_test_sh(&out, "'%s/ringcap' -r '%s/eth_snap.pcap' 'ip broadcast' 2>&1",
		       rc_test_builddir(), dir) != 0)
		rc_test_fail(__FILE__, __LINE__, "ringcap -r ... 'ip broadcast' failed:\n%s", out);
	free(out);
}

/* Live scenarios run on lo in a network namespace of their own. */
#define RC_FILES_NETNS "unshare -n sh -c 'ip link set lo up && exec \"$0\" \"$@\"'"

/*
 * pcap_breakloop(3PCAP): after PCAP_ERROR_BREAK the flag is cleared and
 * the next call reads again, also when the break came from the callback
 * in the middle of a batch.
 */
TEST_TIMEOUT(compat_files_live_breakloop_is_used_up_by_one_break, 60)
{
	rc_test_need_root();
	rc_test_need_tool("unshare");
	rc_files_same("live_breakloop", RC_FILES_NETNS, NULL, 0);
}

/* The packet pcap_next_ex() returned survives two pcap_setfilter() calls. */
TEST_TIMEOUT(compat_files_live_setfilter_keeps_the_last_packet, 60)
{
	rc_test_need_root();
	rc_test_need_tool("unshare");
	rc_files_same("live_setfilter", RC_FILES_NETNS, NULL, 0);
}

/* Programs over the kernel's 4096 instructions work wherever they run in
 * user space: pcap_compile and pcap_setfilter on a savefile,
 * pcap_offline_filter, bpf_validate. */
TEST_TIMEOUT(compat_files_long_programs_in_user_space, 60)
{
	rc_files_same("long_programs", "", NULL, 0);
}

/*
 * bpf_filter() has no length: it must read no instruction execution does
 * not reach.  The program ends right before an unreadable page and has an
 * untaken branch beyond it (a segmentation fault fails the test).
 */
TEST_TIMEOUT(compat_files_bpf_filter_reads_only_executed_instructions, 60)
{
	rc_files_same("bpf_filter_tail", "", NULL, 0);
}

/* Return codes and messages: pcap_bufsize on a savefile, pcap_can_set_rfmon
 * and pcap_setnonblock on dead handles and savefiles (errbuf and
 * pcap_geterr), pcap_compile with snap length 0, pcap_nametoport of
 * numbers, pcap_nametoportrange as libpcap parses it. */
TEST_TIMEOUT(compat_files_return_codes_like_libpcap, 60)
{
	rc_files_same("return_codes", "", NULL, 0);
}

/*
 * test_compat_dump.c - the dumper of ringcap's libpcap.so.0.8
 * (pcap_dump_*, src/compat/dump.c) against the system libpcap.
 * tests/compat/dump_prog.c is built once against Debian's headers and
 * library and run on both libraries: every file it writes (both time stamp
 * precisions, records from 0 bytes to the 262144-byte snap length, through
 * pcap_dump_open, pcap_dump_fopen, pcap_dump_open_append and a pipe) must
 * be byte-identical, and its own checks (ftell after each record without
 * flushing, file size after pcap_dump_flush, the caller's writes after
 * pcap_dump_file, /dev/full, pipe latency) must pass on both.  tcpdump -C
 * rotates on pcap_dump_ftell() and must cut its files at the same records.
 */
#include <string.h>
#include <unistd.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

/* Every file both runs write, each under <tmpdir>/sys and <tmpdir>/rc. */
static void rc_expect_same_files(const char *const *names, size_t n)
{
	const char *dir = rc_test_tmpdir();

	for (size_t i = 0; i < n; i++)
		if (rc_test_sh(NULL, "cmp '%s/sys/%s' '%s/rc/%s' >&2", dir, names[i], dir, names[i]) != 0)
			rc_test_fail(__FILE__, __LINE__, "%s differs from libpcap's (or is missing)",
				     names[i]);
}

TEST_TIMEOUT(compat_dump_writes_the_same_bytes_as_libpcap, 60)
{
	static const char *const files[] = {
		"open_us.pcap", "open_ns.pcap", "append_new.pcap", "append_empty.pcap",
		"fopen_us.pcap", "fopen_ns.pcap", "file_us.pcap", "fclose.pcap", "pipe.pcap",
	};
	const char *bin = rc_compat_build_prog("dump_prog"), *dir = rc_test_tmpdir();
	char *sys = NULL, *rc = NULL;

	ASSERT_INT_EQ(rc_test_sh(NULL, "mkdir '%s/sys' '%s/rc'", dir, dir), 0);
	if (rc_test_sh(&sys, "'%s' '%s/sys' 2>&1", bin, dir) != 0)
		rc_test_fail(__FILE__, __LINE__, "on the system libpcap:\n%s", sys);
	if (rc_test_sh(&rc, "%s '%s' '%s/rc' 2>&1", rc_compat_env(), bin, dir) != 0)
		rc_test_fail(__FILE__, __LINE__, "on ringcap's library:\n%s", rc);
	ASSERT_STR_CONTAINS(rc, "\ndump done failures=0\n");
	if (strcmp(sys, rc) != 0)
		rc_test_fail(__FILE__, __LINE__, "output differs, %s", rc_compat_first_diff(sys, rc));
	rc_expect_same_files(files, sizeof(files) / sizeof(files[0]));
	free(sys);
	free(rc);
}

/*
 * tcpdump -C 1 asks pcap_dump_ftell() after every packet and starts a new
 * file past 1,000,000 bytes; the buffered dumper must answer as libpcap
 * (-Z root: tcpdump would otherwise drop to its own user before writing).
 */
TEST_TIMEOUT(compat_dump_tcpdump_rotates_like_libpcap, 60)
{
	static const char *const files[] = { "rot", "rot1", "rot2" };
	const char *bin = rc_compat_build_prog("dump_prog"), *dir = rc_test_tmpdir();
	char *ls = NULL;

	rc_test_need_tool("tcpdump");
	rc_test_need_root();
	/* 3000 records of 60..1514 bytes: about 2.5 MB, three files */
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s' gen '%s/in.pcap' 3000", bin, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "mkdir '%s/sys' '%s/rc'", dir, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL, "tcpdump -Z root -C 1 -r '%s/in.pcap' -w '%s/sys/rot' 2>/dev/null",
				 dir, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(NULL,
				 "%s tcpdump -Z root -C 1 -r '%s/in.pcap' -w '%s/rc/rot' 2>/dev/null",
				 rc_compat_env(), dir, dir), 0);
	ASSERT_INT_EQ(rc_test_sh(&ls, "cd '%s/rc' && ls | tr '\\n' ' '", dir), 0);
	ASSERT_STR_EQ(ls, "rot rot1 rot2 ");
	free(ls);
	rc_expect_same_files(files, sizeof(files) / sizeof(files[0]));
}

/*
 * test_compat_savefile.c - savefiles read the way libpcap's callers rely
 * on beyond the reading calls, on ringcap's libpcap.so.0.8 and on the
 * system libpcap: the FILE of pcap_file() (its position, fseek, feof),
 * the end of a file cut inside a record, pcap_fopen_offline() on a pipe
 * stdio has read from, and pcapng interfaces libpcap refuses.  tests/compat/savefile_prog.c runs each
 * scenario on both libraries; outputs and exit statuses must be equal.
 */
#include <string.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

/* Run savefile_prog's scenario on both libraries; returns ringcap's
 * output (malloc'ed) once it equals libpcap's. */
static char *rc_savefile_same(const char *scenario)
{
	const char *bin = rc_compat_build_prog("savefile_prog");
	char cmd[1400], *sys = NULL, *rc = NULL;
	int sys_st, rc_st;

	snprintf(cmd, sizeof(cmd), "'%s' '%s' %s", bin, rc_test_tmpdir(), scenario);
	if (!rc_compat_run_both(cmd, &sys, &rc, &sys_st, &rc_st))
		rc_test_fail(__FILE__, __LINE__, "%s: exit %d and %d, %s", scenario, sys_st, rc_st,
			     rc_compat_first_diff(sys, rc));
	ASSERT_INT_EQ(rc_st, 0);
	free(sys);
	return rc;
}

/*
 * After two records of 60 and 100 bytes, ftell(pcap_file(p)) is 24 + 76 +
 * 116; fseek back to record 1 reads it again; at the end feof() is set and
 * an fseek reads a record again.  Opened by name, with
 * pcap_fopen_offline() on a file and on fmemopen(), and on stdin, in both
 * byte orders and precisions, with pcap_file() asked for before the first
 * read or after two.
 */
TEST_TIMEOUT(compat_savefile_pcap_file_position_and_fseek, 60)
{
	char *out = rc_savefile_same("file_seek");

	ASSERT_STR_CONTAINS(out, "(stdin, pcap_file after two packets):\n"
				 "  first: 1 sec 1 frac 500000 caplen 60 len 64 byte0 31\n"
				 "  second: 1 sec 2 frac 600000 caplen 100 len 104 byte0 62\n"
				 "  ftell 216 = 24 + 76 + 116\n"
				 "  fseek to record 1: 0\n"
				 "  record 1 again: 1 sec 1 frac 500000 caplen 60 len 64 byte0 31\n");
	ASSERT_STR_CONTAINS(out, "  feof 1\n  fseek to record 3: 0\n"
				 "  record 3 again: 1 sec 3 frac 700000 caplen 40 len 44 byte0 93\n");
	free(out);
}

/* pcapng: pcap_file() is a FILE, and the packets after it come as before. */
TEST_TIMEOUT(compat_savefile_pcap_file_of_pcapng, 60)
{
	char *out = rc_savefile_same("file_pcapng");

	ASSERT_STR_CONTAINS(out, "pcap_file a FILE\n"
				 "  second: 1 sec 2 frac 0 caplen 70 len 74 byte0 62\n"
				 "  third: 1 sec 3 frac 0 caplen 80 len 84 byte0 93\n  then: -2\n");
	free(out);
}

/* "-" on a pipe: pcap_file() is stdin (no position), every packet comes. */
TEST_TIMEOUT(compat_savefile_pcap_file_of_a_pipe_is_stdin, 60)
{
	char *out = rc_savefile_same("stdin_pipe");

	ASSERT_STR_CONTAINS(out, "pcap_file is stdin: 1, ftell -1\n");
	ASSERT_STR_CONTAINS(out, "  next_ex: 1 sec 4 frac 0 caplen 120 len 124 byte0 124\n  next_ex: -2\n");
	free(out);
}

/*
 * A file stdio read ahead and rewound (tcptrace's stdin): every packet,
 * by "-" and by pcap_fopen_offline(), not the end of the file where the
 * descriptor stands.
 */
TEST_TIMEOUT(compat_savefile_stream_rewound_after_stdio_read_ahead, 60)
{
	char *out = rc_savefile_same("rewound");

	ASSERT_STR_CONTAINS(out, "stdin, read and rewound: ftell 0\n"
				 "  next_ex: 1 sec 1 frac 0 caplen 30 len 34 byte0 31\n");
	ASSERT_STR_CONTAINS(out, "fopen, read and rewound: ftell 0\n"
				 "  next_ex: 1 sec 1 frac 0 caplen 30 len 34 byte0 31\n");
	ASSERT_STR_CONTAINS(out, "  next_ex: 1 sec 3 frac 0 caplen 90 len 94 byte0 93\n  next_ex: -2\n");
	free(out);
}

/*
 * The caller writes into the packets it is handed (argus byte-swaps ESP
 * headers in place): no crash, the bytes are written, the file is not.
 */
TEST_TIMEOUT(compat_savefile_caller_writes_into_packet_data, 60)
{
	char *out = rc_savefile_same("write_packets");

	ASSERT_STR_CONTAINS(out, "name:\n  loop: caplen 20, swapped byte0 34 byte3 31\n"
				 "  loop: caplen 40, swapped byte0 65 byte3 62\n  loop 0\n"
				 "  next_ex: caplen 60, byte0 written 162\n");
	ASSERT_STR_CONTAINS(out, "  afterwards: 1 sec 1 frac 0 caplen 20 len 24 byte0 31\n");
	free(out);
}

/*
 * A truncated record header, truncated record data and a truncated pcapng
 * block: the error once (pcap_next_ex -1, pcap_loop -1), then the end of
 * the file (-2; pcap_loop and pcap_dispatch 0), also once pcap_file() was
 * asked for.
 */
TEST_TIMEOUT(compat_savefile_damage_reported_once_then_end_of_file, 60)
{
	char *out = rc_savefile_same("truncated");

	ASSERT_STR_CONTAINS(out, "cut_block.pcapng:\n"
				 "  next_ex: 1 sec 1 frac 0 caplen 60 len 64 byte0 31\n"
				 "  next_ex: 1 sec 2 frac 0 caplen 70 len 74 byte0 62\n"
				 "  next_ex: -1 (message)\n  next_ex: -2\n"
				 "  loop -1 after 2 packets (message)\n"
				 "  loop again 0\n  dispatch 0\n  next_ex -2\n");
	free(out);
}

/* pcap_fopen_offline() on a pipe after getc()/ungetc(): every packet, in
 * pcap and pcapng. */
TEST_TIMEOUT(compat_savefile_fopen_pipe_after_stdio_read_ahead, 60)
{
	char *out = rc_savefile_same("fopen_pipe_peeked");

	ASSERT_STR_CONTAINS(out, "pcapng: peeked 0x0a, ungetc ok\n");
	ASSERT_STR_CONTAINS(out, "  next_ex: 1 sec 5 frac 0 caplen 200 len 204 byte0 155\n  next_ex: -2\n");
	free(out);
}

/*
 * tcpslice finds the first and last time and a slice's start by fseek(),
 * fread() and ftell() on pcap_file() between pcap_next() calls: the same
 * slices and time reports as with libpcap.
 */
TEST_TIMEOUT(compat_savefile_tcpslice_cuts_the_same_slices, 60)
{
	static const char *const slices[] = { "", "1000000100 1000000200", "1000000250.5" };
	const char *bin = rc_compat_build_prog("savefile_prog"), *dir = rc_test_tmpdir();
	char *sys = NULL, *rc = NULL, cmd[1400];

	rc_test_need_tool("tcpslice");
	ASSERT_INT_EQ(rc_test_sh(NULL, "'%s' '%s' slice_input", bin, dir), 0);
	for (size_t i = 0; i < sizeof(slices) / sizeof(slices[0]); i++) {
		ASSERT_INT_EQ(rc_test_sh(NULL, "tcpslice -w '%s/sys.pcap' %s '%s/slice.pcap'", dir,
					 slices[i], dir), 0);
		ASSERT_INT_EQ(rc_test_sh(NULL, "%s tcpslice -w '%s/rc.pcap' %s '%s/slice.pcap'",
					 rc_compat_env(), dir, slices[i], dir), 0);
		if (rc_test_sh(NULL, "cmp '%s/sys.pcap' '%s/rc.pcap' >&2", dir, dir) != 0)
			rc_test_fail(__FILE__, __LINE__, "tcpslice %s: the slice differs from libpcap's",
				     slices[i]);
		/* a slice, not an empty file nor the whole input */
		ASSERT_INT_EQ(rc_test_sh(NULL, "test $(stat -c %%s '%s/rc.pcap') -gt 1000", dir), 0);
		ASSERT_INT_EQ(rc_test_sh(NULL, "test $(stat -c %%s '%s/rc.pcap') -lt $(stat -c %%s '%s/slice.pcap')",
					 dir, dir) == 0, i > 0);
	}
	snprintf(cmd, sizeof(cmd), "tcpslice -R '%s/slice.pcap'", dir);
	if (!rc_compat_run_both(cmd, &sys, &rc, NULL, NULL))
		rc_test_fail(__FILE__, __LINE__, "tcpslice -R: %s", rc_compat_first_diff(sys, rc));
	ASSERT_STR_CONTAINS(rc, "\t1000000000.000000\t1000000299.900000\n");
	free(sys);
	free(rc);
}

/*
 * pcapng interfaces unlike the first (link type, then snap length):
 * libpcap 1.10.3 refuses each, -1 once, and reads on; a packet on a
 * number past its list (which lacks the refused ones) is -1 too, one on a
 * number inside it is delivered.  Same results and messages on both, with
 * pcap_next_ex() and pcap_dispatch().
 */
TEST_TIMEOUT(compat_savefile_pcapng_refused_interfaces_like_libpcap, 60)
{
	char *out = rc_savefile_same("idb_mismatch");
	static const char *const what[] = {
		"a type 101 different from the type",
		"a snapshot length 1000 different from the snapshot length",
	};
	static const char noidb[] = "but there's no Interface Description Block for that interface";
	char want[2048];

	for (size_t i = 0; i < 2; i++) {
		snprintf(want, sizeof(want),
			 "  next_ex: 1 sec 1 caplen 60\n"
			 "  next_ex: -1 an interface has %s of the first interface\n"
			 "  next_ex: 1 sec 2 caplen 61\n"
			 "  next_ex: -1 a packet arrived on interface 1, %s\n"
			 "  next_ex: 1 sec 4 caplen 63\n"
			 "  next_ex: 1 sec 5 caplen 64\n"
			 "  next_ex: -1 a packet arrived on interface 2, %s\n"
			 "  next_ex: -1 an interface has %s of the first interface\n"
			 "  next_ex: -1 an interface has %s of the first interface\n"
			 "  next_ex: 1 sec 7 caplen 66\n"
			 "  next_ex: -1 a packet arrived on interface 3, %s\n"
			 "  next_ex: -2 \n"
			 "  dispatch: -1 after 1 packets an interface has %s of the first interface\n"
			 "  dispatch: -1 after 1 packets a packet arrived on interface 1, %s\n"
			 "  dispatch: -1 after 2 packets a packet arrived on interface 2, %s\n"
			 "  dispatch: -1 after 0 packets an interface has %s of the first interface\n"
			 "  dispatch: -1 after 0 packets an interface has %s of the first interface\n"
			 "  dispatch: -1 after 1 packets a packet arrived on interface 3, %s\n"
			 "  dispatch: 0 after 0 packets \n",
			 what[i], noidb, noidb, what[i], what[i], noidb, what[i], noidb, noidb, what[i],
			 what[i], noidb);
		ASSERT_STR_CONTAINS(out, want);
	}
	free(out);
}

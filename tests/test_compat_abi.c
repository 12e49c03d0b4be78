/*
 * test_compat_abi.c - the ABI both ways.  tests/compat/abi_prog.c calls
 * every exported function and prints the results; it is compiled against
 * Debian's <pcap/pcap.h> (linked with -lpcap, the system library) and
 * against ringcap's include/ (linked with build/compat), and each binary
 * runs on both libraries (LD_LIBRARY_PATH picks ringcap's).  All four
 * outputs must equal the reference run: Debian's header on Debian's
 * library.  As root the program also captures on "lo" inside a fresh
 * network namespace (unshare -n), so the live part is compared too.
 */
#include <string.h>
#include <unistd.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

/* Run build bin on the system library (ours = 0) or ringcap's; returns output. */
static char *rc_abi_run(const char *bin, int ours, const char *tag, int live)
{
	const char *dir = rc_test_tmpdir();
	char *out = NULL;
	int st;

	/* [unshare -n] env [LD_LIBRARY_PATH=...] sh -c '[ip link set lo up &&] BIN DIR [live]' */
	st = rc_test_sh(&out, "mkdir -p '%s/%s' && %s env %s sh -c \"%s '%s/%s' '%s/%s' %s\" 2>&1",
			dir, tag, live ? "unshare -n" : "", ours ? rc_compat_env() : "",
			live ? "ip link set lo up &&" : "", dir, bin, dir, tag, live ? "live" : "");
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "%s on %s library exited %d:\n%s", bin,
			     ours ? "ringcap's" : "the system", st, out);
	return out;
}

TEST_TIMEOUT(compat_abi_every_function_same_results_both_ways, 90)
{
	const char *dir = rc_test_tmpdir(), *src = rc_test_srcdir();
	char *out = NULL, *ref, *got;
	int live;

	rc_test_need_tool("cc");
	if (access("/usr/include/pcap/pcap.h", R_OK) != 0)
		SKIP("Debian's libpcap0.8-dev headers are not installed");
	live = geteuid() == 0 && rc_test_sh(NULL, "command -v unshare >/dev/null && command -v ip >/dev/null") == 0;
	if (!live)
		fprintf(stderr, "  live capture calls NOT compared: they need root, unshare and ip; "
			"only the offline part is checked\n");
	/* Debian's headers, linked against Debian's library. */
	if (rc_test_sh(&out, "cc -std=gnu11 -Wall -Wno-deprecated-declarations -o '%s/abi_sys' "
			     "'%s/tests/compat/abi_prog.c' -lpcap 2>&1", dir, src) != 0)
		rc_test_fail(__FILE__, __LINE__, "build against system headers:\n%s", out);
	free(out);
	/* ringcap's headers, linked against ringcap's library (no rpath). */
	if (rc_test_sh(&out, "cc -std=gnu11 -Wall -Wextra -Werror -I'%s/include' -o '%s/abi_rc' "
			     "'%s/tests/compat/abi_prog.c' -L'%s' -l:libpcap.so.0.8 2>&1",
		       src, dir, src, rc_compat_libdir()) != 0)
		rc_test_fail(__FILE__, __LINE__, "build against ringcap headers:\n%s", out);
	free(out);

	ref = rc_abi_run("abi_sys", 0, "ref", live);
	ASSERT_STR_CONTAINS(ref, "\ndone\n");
	const struct {
		const char *bin;
		int ours;
		const char *what;
	} runs[] = {
		{ "abi_sys", 1, "Debian's headers on ringcap's library" },
		{ "abi_rc", 0, "ringcap's headers on Debian's library" },
		{ "abi_rc", 1, "ringcap's headers on ringcap's library" },
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		char tag[16];
		snprintf(tag, sizeof(tag), "run%zu", i);
		got = rc_abi_run(runs[i].bin, runs[i].ours, tag, live);
		if (strcmp(ref, got) != 0)
			rc_test_fail(__FILE__, __LINE__, "%s differs from Debian's, %s", runs[i].what,
				     rc_compat_first_diff(ref, got));
		free(got);
	}
	free(ref);
}

/*
 * tests/compat/hostile_prog.c feeds bad programs, strings, files and
 * device names to ringcap's library only (libpcap trusts some of them and
 * would crash); each must give an error.  In the ASan build the library is
 * instrumented, so an out-of-bounds access fails the run.
 */
TEST_TIMEOUT(compat_hostile_input_gives_errors_not_crashes, 60)
{
	const char *dir = rc_test_tmpdir(), *src = rc_test_srcdir();
	char *out = NULL;
	int st;

	rc_test_need_tool("cc");
	if (rc_test_sh(&out, "cc -std=gnu11 -Wall -Wextra -Werror -I'%s/include' -o '%s/hostile' "
			     "'%s/tests/compat/hostile_prog.c' -L'%s' -l:libpcap.so.0.8 2>&1",
		       src, dir, src, rc_compat_libdir()) != 0)
		rc_test_fail(__FILE__, __LINE__, "build:\n%s", out);
	free(out);
	st = rc_test_sh(&out, "%s '%s/hostile' '%s' 2>&1", rc_compat_env(), dir, dir);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "hostile_prog exited %d:\n%s", st, out);
	ASSERT_STR_CONTAINS(out, "hostile done failures=0");
	free(out);
}

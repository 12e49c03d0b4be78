/*
 * test_compat_symbols.c - build/compat/libpcap.so.0.8 offers exactly what
 * Debian's libpcap.so.0.8 offers: the same defined dynamic symbols (94
 * functions plus the data symbols pcap_version and eproto_db), none of
 * ringcap's own, no symbol versions (Debian's has none either), the same
 * soname, and nothing left undefined.  Also checks the include-path split
 * of CMakeLists.txt: rc_tests sees the system <pcap/pcap.h>, programs built
 * with -I include/ see ringcap's.
 */
#ifdef RC_HAVE_LIBPCAP_ORACLE
#include <pcap/pcap.h>
#endif

#include <string.h>
#include <unistd.h>

#include "compat/compat_util.h"
#include "harness.h"
#include "testutil.h"

#define RC_SYSTEM_LIBPCAP "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8"

static const char *rc_lib(void)
{
	static char path[600];
	snprintf(path, sizeof(path), "%s/libpcap.so.0.8", rc_compat_libdir());
	return path;
}

/* Sorted "TYPE NAME" lines of a library's defined dynamic symbols. */
static char *rc_defined_symbols(const char *lib)
{
	char *out = NULL;
	if (rc_test_sh(&out, "nm -D --defined-only '%s' | awk '{print $2, $3}' | sort -k2", lib) != 0)
		rc_test_fail(__FILE__, __LINE__, "nm failed on %s", lib);
	return out;
}

TEST(compat_exports_exactly_debians_libpcap_symbols)
{
	char *sys, *rc;
	int n = 0;

	rc_test_need_tool("nm");
	if (access(RC_SYSTEM_LIBPCAP, R_OK) != 0)
		SKIP("Debian's libpcap0.8 is not installed");
	sys = rc_defined_symbols(RC_SYSTEM_LIBPCAP);
	rc = rc_defined_symbols(rc_lib());
	if (strcmp(sys, rc) != 0)
		rc_test_fail(__FILE__, __LINE__, "symbol lists differ, %s", rc_compat_first_diff(sys, rc));
	for (const char *s = rc; *s; s++)
		n += *s == '\n';
	ASSERT_INT_EQ(n, 96);
	ASSERT_STR_CONTAINS(rc, "D eproto_db\n");
	ASSERT_STR_CONTAINS(rc, "D pcap_version\n");
	ASSERT_STR_CONTAINS(rc, "T pcap_dump_ftell64\n");
	free(sys);
	free(rc);
}

TEST(compat_symbols_are_unversioned_and_soname_is_libpcap_0_8)
{
	char *out = NULL;

	rc_test_need_tool("objdump");
	/* Every defined dynamic symbol carries the base version only. */
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -T '%s' | awk '$4 != \"*UND*\" && /pcap_|bpf_|eproto_db/ "
				       "&& $(NF-1) != \"Base\"' | wc -l", rc_lib()), 0);
	ASSERT_INT_EQ(atoi(out), 0);
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -p '%s' | awk '/SONAME/ {print $2}'", rc_lib()), 0);
	ASSERT_STR_EQ(out, "libpcap.so.0.8\n");
	free(out);
}

TEST(compat_library_resolves_every_symbol_and_needs_only_libc)
{
	static const char *const allowed[] = {
		"libc.so", "ld-linux", "libasan", "libubsan", "libstdc", "libm.so",
		"libgcc_s", "libpthread", "libdl", "librt",
	};
	char *out = NULL;

	rc_test_need_tool("ldd");
	rc_test_need_tool("objdump");
	/* ldd -r lists undefined symbols: a missing implementation shows.  Its
	 * own status and output are checked, so a failing ldd cannot pass. */
	ASSERT_INT_EQ(rc_test_sh(&out, "ldd -r '%s' 2>&1", rc_lib()), 0);
	ASSERT_STR_CONTAINS(out, "libc.so");
	if (strstr(out, "undefined symbol"))
		rc_test_fail(__FILE__, __LINE__, "ldd -r: %s", out);
	free(out);
	/* Never the system libpcap (nor anything else beyond libc and the
	 * sanitizer runtimes of an ASan build). */
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -p '%s'", rc_lib()), 0);
	unsigned needed = 0;
	for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n")) {
		char name[256];
		if (sscanf(l, " NEEDED %255s", name) != 1)
			continue;
		needed++;
		size_t k = 0;
		while (k < sizeof(allowed) / sizeof(allowed[0]) &&
		       strncmp(name, allowed[k], strlen(allowed[k])) != 0)
			k++;
		if (k == sizeof(allowed) / sizeof(allowed[0]))
			rc_test_fail(__FILE__, __LINE__, "the library needs %s", name);
	}
	ASSERT_UINT_GE(needed, 1); /* at least libc: objdump's output was read */
	free(out);
}

TEST(compat_headers_reach_only_the_programs_that_ask_for_them)
{
	char *out = NULL;
	const char *dir = rc_test_tmpdir();

#ifdef RC_HAVE_LIBPCAP_ORACLE
	/* This file was built by rc_tests' rules and got the system header:
	 * only Debian's pcap.h pulls in pcap/funcattrs.h, which defines PCAP_API. */
#ifndef PCAP_API
	rc_test_fail(__FILE__, __LINE__, "rc_tests compiled ringcap's include/pcap/pcap.h, not the system one");
#endif
#endif
	/* A program built with -I include/ gets ringcap's header ... */
	static const char prog[] =
		"#include <pcap.h>\n#include <pcap/namedb.h>\n#include <pcap/sll.h>\n"
		"#include <pcap/vlan.h>\n#include <pcap/dlt.h>\n"
		"#include <pcap-bpf.h>\n#include <pcap-namedb.h>\n"
		"#ifdef PCAP_API\n#error system header\n#endif\n"
		"int main(void) { return DLT_LINUX_SLL2 == 276 && SLL2_HDR_LEN == 20 ? 0 : 1; }\n";
	rc_test_write_file(rc_test_tmpfile("which.c"), prog, sizeof(prog) - 1);
	ASSERT_INT_EQ(rc_test_sh(&out, "cc -std=gnu11 -Wall -Wextra -Werror -I'%s/include' -o '%s/which' '%s/which.c' 2>&1 && '%s/which'",
				 rc_test_srcdir(), dir, dir, dir), 0);
	free(out);
	/* ... and the same headers compile as C++ too. */
	if (rc_test_sh(NULL, "command -v c++ >/dev/null") == 0) {
		ASSERT_INT_EQ(rc_test_sh(&out, "c++ -x c++ -fsyntax-only -Wall -Werror -I'%s/include' '%s/which.c' 2>&1",
					 rc_test_srcdir(), dir), 0);
		free(out);
	}
	/* ... while one built without it gets the system's. */
	if (access("/usr/include/pcap/pcap.h", R_OK) == 0)
		ASSERT_INT_NE(rc_test_sh(&out, "cc -o '%s/which2' '%s/which.c' 2>&1", dir, dir), 0);
	free(out);
}

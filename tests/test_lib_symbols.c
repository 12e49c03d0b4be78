/*
 * test_lib_symbols.c - build/libringcap.so exports exactly the public API:
 * the functions declared in the headers of include/ringcap/, each in a RINGCAP_*
 * version node (src/libringcap.map), and none of the rc__* internals; the
 * libpcap ABI exports none of ringcap's names; and a program built from the
 * installed tree with pkg-config links and runs against the shared library.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "testutil.h"

static const char *rc_shared_lib(void)
{
	static char path[600];
	snprintf(path, sizeof(path), "%s/libringcap.so", rc_test_builddir());
	return path;
}

/* Sorted names of the functions declared in the public headers: the
 * preprocessor drops comments, and a name followed by "(" is a declaration
 * (a function-pointer typedef's name is followed by ")"). */
static void rc_write_header_functions(const char *path)
{
	const char *src = rc_test_srcdir();

	if (rc_test_sh(NULL, "for h in '%s'/include/ringcap/*.h; do printf '#include <ringcap/%%s>\\n' \"${h##*/}\"; done"
			     " | cc -E -P -I'%s/include' -x c - | grep -oE '\\<rc_[a-z0-9_]+[[:space:]]*\\('"
			     " | tr -d ' \\t(' | sort -u >'%s'", src, src, path) != 0)
		rc_test_fail(__FILE__, __LINE__, "could not list the functions of %s/include/ringcap", src);
}

TEST(lib_shared_exports_exactly_the_functions_of_the_public_headers)
{
	const char *hdr = rc_test_tmpfile("header_functions"), *exp = rc_test_tmpfile("exported");
	char *names = NULL, *diff = NULL;

	rc_test_need_tool("nm");
	rc_test_need_tool("cc");
	rc_write_header_functions(hdr);
	/* The parse found both return shapes ("int rc_x(" and "char *rc_x("). */
	names = rc_test_read_text(hdr);
	ASSERT_STR_CONTAINS(names, "\nrc_reader_open\n");
	ASSERT_STR_CONTAINS(names, "\nrc_strerror\n");
	free(names);
	/* Every defined dynamic symbol but the version node's own (type A),
	 * data included, without its @@VERSION suffix. */
	ASSERT_INT_EQ(rc_test_sh(NULL, "nm -D --defined-only '%s' | awk '$2 != \"A\" {sub(/@.*/, \"\", $3); print $3}'"
				       " | sort >'%s'", rc_shared_lib(), exp), 0);
	/* comm -3: the names only one of the two lists has, marked by column. */
	ASSERT_INT_EQ(rc_test_sh(&diff, "comm -3 '%s' '%s' | sed 's/^\\t/exported only: /; t; s/^/header only: /'",
				 hdr, exp), 0);
	ASSERT_STR_EQ(diff, "");
	free(diff);
}

TEST(lib_shared_exports_carry_the_ringcap_version_node)
{
	char *out = NULL;

	rc_test_need_tool("objdump");
	/* objdump -T: "... .text ... VERSION NAME" for each defined symbol. */
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -T '%s' | awk '$4 == \".text\" && $(NF-1) !~ /^RINGCAP_/ {print $NF}'",
				 rc_shared_lib()), 0);
	ASSERT_STR_EQ(out, "");
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -T '%s' | awk '$NF == \"rc_reader_open\" {print $(NF-1)}'",
				 rc_shared_lib()), 0);
	ASSERT_STR_EQ(out, "RINGCAP_0.1\n");
	free(out);
}

TEST(lib_compat_abi_exports_no_ringcap_names)
{
	char *out = NULL;

	rc_test_need_tool("nm");
	ASSERT_INT_EQ(rc_test_sh(&out, "nm -D --defined-only '%s/compat/libpcap.so.0.8' | awk '$3 ~ /^rc_/ {print $3}'",
				 rc_test_builddir()), 0);
	ASSERT_STR_EQ(out, "");
	free(out);
}

TEST_TIMEOUT(lib_installed_tree_builds_a_pkg_config_program_on_the_shared_library, 120)
{
	const char *dir = rc_test_tmpdir();
	char *out = NULL;

	rc_test_need_tool("cmake");
	rc_test_need_tool("objdump");
	rc_test_need_tool("pkg-config");
	rc_test_need_tool("cc");
	ASSERT_INT_EQ(rc_test_sh(NULL, "cmake --install '%s' --prefix '%s/prefix' >/dev/null", rc_test_builddir(), dir), 0);
	/* A sanitized library needs the sanitizer runtime in the program too. */
	ASSERT_INT_EQ(rc_test_sh(&out, "pc=$(find '%s/prefix' -name ringcap.pc) && "
				       "cc %s -o '%s/file_stats' '%s/examples/file_stats.c' "
				       "$(PKG_CONFIG_PATH=\"${pc%%/*}\" pkg-config --cflags --libs ringcap) 2>&1",
				 dir, rc_test_under_asan() ? "-fsanitize=address,undefined" : "", dir, rc_test_srcdir()),
		      0);
	free(out);
	/* It runs on the installed libringcap.so.0, not on libringcap.a. */
	ASSERT_INT_EQ(rc_test_sh(&out, "objdump -p '%s/file_stats' | awk '$1 == \"NEEDED\" {print $2}' | grep ringcap", dir),
		      0);
	ASSERT_STR_EQ(out, "libringcap.so.0\n");
	free(out);
	ASSERT_INT_EQ(rc_test_sh(&out, "LD_LIBRARY_PATH=\"$(dirname \"$(find '%s/prefix' -name libringcap.so.0)\")\" "
				       "'%s/file_stats' '%s/examples/demo.pcapng' tcp",
				 dir, dir, rc_test_srcdir()),
		      0);
	ASSERT_STR_CONTAINS(out, "packets");
	free(out);
}

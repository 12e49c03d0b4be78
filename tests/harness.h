/*
 * harness.h - ringcap's test harness.
 *
 * A test is a function declared with TEST(name) in tests/test_<area>_*.c;
 * it registers itself at start-up.  The runner (harness.c) runs each test in
 * its own child process with a time limit, so a crash or hang fails that test
 * alone, and ends with the line "N passed, N failed, N skipped".
 *
 * Assertions print the expression and both values, then end the test:
 *     ASSERT_INT_EQ(rc_reader_next(r, &p), 1);
 *     ASSERT_STR_EQ(rc_reader_error(r), "...");
 * SKIP("reason") ends a test as skipped (never as passed) when something it
 * needs is truly missing; a skipped test is reported as such.
 */
#ifndef RC_TEST_HARNESS_H
#define RC_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*rc_test_fn)(void);

void rc_test_register(const char *name, const char *file, rc_test_fn fn, unsigned timeout_s);
_Noreturn void rc_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
_Noreturn void rc_test_skip(const char *file, int line, const char *reason);
/* The running test's private directory, made by the runner before the test
 * starts and removed after it ends (harness.c); "" outside a test.  Tests use
 * rc_test_tmpdir() (testutil.h). */
const char *rc_test_workdir(void);

#define RC_TEST_DEFAULT_TIMEOUT 60

/* TEST_TIMEOUT(name, seconds): a test with its own time limit. */
#define TEST_TIMEOUT(name, secs)                                                  \
	static void rc_test_##name(void);                                         \
	__attribute__((constructor)) static void rc_test_reg_##name(void)         \
	{                                                                         \
		rc_test_register(#name, __FILE__, rc_test_##name, (secs));        \
	}                                                                         \
	static void rc_test_##name(void)

#define TEST(name) TEST_TIMEOUT(name, RC_TEST_DEFAULT_TIMEOUT)

#define SKIP(reason) rc_test_skip(__FILE__, __LINE__, (reason))

#define ASSERT_TRUE(c)                                                            \
	do {                                                                      \
		if (!(c))                                                         \
			rc_test_fail(__FILE__, __LINE__, "expected true: %s", #c); \
	} while (0)

#define ASSERT_FALSE(c)                                                            \
	do {                                                                       \
		if (c)                                                             \
			rc_test_fail(__FILE__, __LINE__, "expected false: %s", #c); \
	} while (0)

#define RC__ASSERT_CMP(type, fmt, a, op, b)                                         \
	do {                                                                        \
		type rc__a = (type)(a);                                             \
		type rc__b = (type)(b);                          \
		if (!(rc__a op rc__b))                                              \
			rc_test_fail(__FILE__, __LINE__,                            \
				     "%s %s %s: got " fmt " vs " fmt, #a, #op, #b, \
				     rc__a, rc__b);                                 \
	} while (0)

#define ASSERT_INT_EQ(a, b) RC__ASSERT_CMP(long long, "%lld", a, ==, b)
#define ASSERT_INT_NE(a, b) RC__ASSERT_CMP(long long, "%lld", a, !=, b)
#define ASSERT_INT_LT(a, b) RC__ASSERT_CMP(long long, "%lld", a, <, b)
#define ASSERT_INT_LE(a, b) RC__ASSERT_CMP(long long, "%lld", a, <=, b)
#define ASSERT_INT_GT(a, b) RC__ASSERT_CMP(long long, "%lld", a, >, b)
#define ASSERT_INT_GE(a, b) RC__ASSERT_CMP(long long, "%lld", a, >=, b)
#define ASSERT_UINT_EQ(a, b) RC__ASSERT_CMP(unsigned long long, "%llu", a, ==, b)
#define ASSERT_UINT_NE(a, b) RC__ASSERT_CMP(unsigned long long, "%llu", a, !=, b)
#define ASSERT_UINT_LE(a, b) RC__ASSERT_CMP(unsigned long long, "%llu", a, <=, b)
#define ASSERT_UINT_GE(a, b) RC__ASSERT_CMP(unsigned long long, "%llu", a, >=, b)
#define ASSERT_PTR_NE(a, b) RC__ASSERT_CMP(const void *, "%p", a, !=, b)
#define ASSERT_PTR_EQ(a, b) RC__ASSERT_CMP(const void *, "%p", a, ==, b)

/* Status checks that show the ringcap error name on failure. */
#define ASSERT_OK(expr)                                                             \
	do {                                                                        \
		long long rc__s = (long long)(expr);                                \
		if (rc__s < 0)                                                      \
			rc_test_fail(__FILE__, __LINE__, "%s failed: %lld", #expr,  \
				     rc__s);                                        \
	} while (0)

#define ASSERT_STR_EQ(a, b)                                                          \
	do {                                                                         \
		const char *rc__a = (a), *rc__b = (b);                               \
		if (!rc__a || !rc__b || strcmp(rc__a, rc__b) != 0)                   \
			rc_test_fail(__FILE__, __LINE__, "%s == %s: got \"%s\" vs \"%s\"", \
				     #a, #b, rc__a ? rc__a : "(null)",               \
				     rc__b ? rc__b : "(null)");                      \
	} while (0)

/* ASSERT_STR_CONTAINS(haystack, needle) */
#define ASSERT_STR_CONTAINS(h, n)                                                    \
	do {                                                                         \
		const char *rc__h = (h), *rc__n = (n);                               \
		if (!rc__h || !rc__n || !strstr(rc__h, rc__n))                       \
			rc_test_fail(__FILE__, __LINE__, "%s contains %s: \"%s\" lacks \"%s\"", \
				     #h, #n, rc__h ? rc__h : "(null)", rc__n ? rc__n : "(null)"); \
	} while (0)

#define ASSERT_MEM_EQ(a, b, n)                                                       \
	do {                                                                         \
		size_t rc__n = (n);                                                  \
		const unsigned char *rc__a = (const void *)(a), *rc__b = (const void *)(b); \
		for (size_t rc__i = 0; rc__i < rc__n; rc__i++)                       \
			if (rc__a[rc__i] != rc__b[rc__i])                            \
				rc_test_fail(__FILE__, __LINE__,                     \
					     "%s == %s: first difference at byte %zu: 0x%02x vs 0x%02x", \
					     #a, #b, rc__i, rc__a[rc__i], rc__b[rc__i]); \
	} while (0)

#endif /* RC_TEST_HARNESS_H */

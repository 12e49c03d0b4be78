/*
 * test_util_errors.c - the status code table, and warnings that add up.
 */
#include "harness.h"
#include "ringcap/error.h"
#include "ringcap/linktype.h"
#include "util/errmsg.h"

#include <limits.h>
#include <string.h>

TEST(errors_have_distinct_negative_codes_and_messages)
{
	/* Every entry of the table: codes -1, -2, ... in order, each with its
	 * own name and message, none of them the fallback texts. */
#define RC__XX(name, msg) { RC_E##name, "E" #name, msg },
	static const struct {
		int code;
		const char *name, *msg;
	} table[] = { RC_ERRNO_MAP(RC__XX) };
#undef RC__XX
	size_t n = sizeof(table) / sizeof(table[0]);
	for (size_t i = 0; i < n; i++) {
		ASSERT_INT_EQ(table[i].code, -(long long)i - 1);
		ASSERT_STR_EQ(rc_errname(table[i].code), table[i].name);
		ASSERT_STR_EQ(rc_strerror(table[i].code), table[i].msg);
		ASSERT_TRUE(strcmp(table[i].msg, "success") != 0);
		ASSERT_TRUE(strcmp(table[i].msg, "unknown error") != 0);
		for (size_t j = 0; j < i; j++) {
			if (strcmp(table[i].msg, table[j].msg) == 0)
				rc_test_fail(__FILE__, __LINE__, "%s and %s share \"%s\"",
					     table[j].name, table[i].name, table[i].msg);
			if (strcmp(rc_errname(table[i].code), rc_errname(table[j].code)) == 0)
				rc_test_fail(__FILE__, __LINE__, "codes %d and %d share the name %s",
					     table[j].code, table[i].code, table[i].name);
		}
	}
	ASSERT_STR_EQ(rc_strerror(-(int)n - 1), "unknown error");
	ASSERT_INT_EQ(RC_EINVAL, -1);
	ASSERT_INT_LT(RC_ENOENT, RC_EINVAL);
	ASSERT_STR_EQ(rc_strerror(RC_EINVAL), "invalid argument");
	ASSERT_STR_EQ(rc_strerror(RC_ENOENT), "no such file or name");
	ASSERT_STR_EQ(rc_errname(RC_ETRUNC), "ETRUNC");
	ASSERT_STR_EQ(rc_strerror(0), "success");
	ASSERT_STR_EQ(rc_strerror(-10000), "unknown error");
}

TEST(errors_any_int_has_a_name_and_a_message)
{
	/* INT_MIN cannot be negated: it must not index the tables. */
	ASSERT_STR_EQ(rc_strerror(INT_MIN), "unknown error");
	ASSERT_STR_EQ(rc_errname(INT_MIN), "EUNKNOWN");
	ASSERT_STR_EQ(rc_strerror(INT_MIN + 1), "unknown error");
	ASSERT_STR_EQ(rc_errname(-10000), "EUNKNOWN");
	ASSERT_STR_EQ(rc_errname(INT_MAX), "OK");
}

TEST(linktype_names_round_trip)
{
	ASSERT_STR_EQ(rc_linktype_name(RC_LINKTYPE_ETHERNET), "EN10MB");
	ASSERT_INT_EQ(rc_linktype_from_name("en10mb"), RC_LINKTYPE_ETHERNET);
	ASSERT_INT_EQ(rc_linktype_from_name("DLT_LINUX_SLL2"), RC_LINKTYPE_LINUX_SLL2);
	ASSERT_INT_EQ(rc_linktype_from_name("101"), RC_LINKTYPE_RAW);
	ASSERT_INT_EQ(rc_linktype_from_name("NOSUCH"), -1);
	ASSERT_INT_EQ(rc_linktype_from_name("70000"), -1);
	ASSERT_TRUE(rc_linktype_name(4242) == NULL);
}

/* Warnings add up: a later one never hides an earlier one, and a full
 * buffer keeps what it holds (cut at the end, NUL-terminated). */
TEST(errors_warnings_are_appended_not_overwritten)
{
	char w[RC_ERRBUF_SIZE] = "";
	rc__warnf(w, "eth0: ring raised from %d to %d bytes", 1, 2);
	ASSERT_STR_EQ(w, "eth0: ring raised from 1 to 2 bytes");
	rc__warnf(w, "TPACKET_V3 unavailable (%s); using TPACKET_V2", "x");
	ASSERT_STR_EQ(w, "eth0: ring raised from 1 to 2 bytes; TPACKET_V3 unavailable (x); "
			 "using TPACKET_V2");
	for (int i = 0; i < 40; i++)
		rc__warnf(w, "warning %d", i);
	ASSERT_UINT_EQ(strlen(w), RC_ERRBUF_SIZE - 1);
	static const char first[] = "eth0: ring raised from 1 to 2 bytes; ";
	ASSERT_TRUE(strncmp(w, first, sizeof(first) - 1) == 0);
}

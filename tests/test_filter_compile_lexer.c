/*
 * test_filter_compile_lexer.c - the tokenizer: longest match as in
 * libpcap's scanner, numbers, addresses, escapes and error columns.
 */
#include "harness.h"

#include "filter/lexer.h"
#include "ringcap/error.h"

static rc__toklist lex_ok(rc__arena *a, const char *s)
{
	rc__toklist t;
	char err[RC_ERRBUF_SIZE] = "";
	rc__arena_init(a, 1 << 20);
	int st = rc__lex(a, s, strlen(s), &t, err);
	if (st != 0)
		rc_test_fail(__FILE__, __LINE__, "lex(\"%s\") failed: %s", s, err);
	return t;
}

TEST(filter_lexer_splits_keywords_numbers_and_operators)
{
	rc__arena a;
	rc__toklist t = lex_ok(&a, "tcp port 80 and ip[2:2] >= 0x10");
	ASSERT_INT_EQ(t.n, 13);
	ASSERT_INT_EQ(t.v[0].kind, RC_T_PNAME);
	ASSERT_INT_EQ(t.v[0].num, RC_PQ_TCP);
	ASSERT_INT_EQ(t.v[1].kind, RC_T_PORT);
	ASSERT_INT_EQ(t.v[2].kind, RC_T_NUM);
	ASSERT_INT_EQ(t.v[2].num, 80);
	ASSERT_INT_EQ(t.v[2].col, 10);
	ASSERT_INT_EQ(t.v[3].kind, RC_T_AND);
	ASSERT_INT_EQ(t.v[5].kind, RC_T_LBRACK);
	ASSERT_INT_EQ(t.v[7].kind, RC_T_COLON);
	ASSERT_INT_EQ(t.v[10].kind, RC_T_GE);
	ASSERT_INT_EQ(t.v[11].num, 16);
	ASSERT_INT_EQ(t.v[12].kind, RC_T_EOF);
	rc__arena_free(&a);
}

TEST(filter_lexer_takes_longest_match_like_libpcap)
{
	rc__arena a;
	rc__toklist t = lex_ok(&a, "1-1024 len-1 10.1.2.3 fe80::1 00:11:22:33:44:55 10.1 010 \\tcp");
	ASSERT_INT_EQ(t.v[0].kind, RC_T_ID);       /* a port range is one name */
	ASSERT_STR_EQ(t.v[0].text, "1-1024");
	ASSERT_INT_EQ(t.v[1].kind, RC_T_ID);       /* not len - 1 */
	ASSERT_INT_EQ(t.v[2].kind, RC_T_HID);
	ASSERT_INT_EQ(t.v[3].kind, RC_T_HID6);
	ASSERT_INT_EQ(t.v[4].kind, RC_T_EID);
	ASSERT_INT_EQ(t.v[5].kind, RC_T_HID);
	ASSERT_INT_EQ(t.v[6].kind, RC_T_NUM);
	ASSERT_INT_EQ(t.v[6].num, 8);              /* octal */
	ASSERT_INT_EQ(t.v[7].kind, RC_T_ID);       /* backslash escapes a keyword */
	ASSERT_STR_EQ(t.v[7].text, "tcp");
	rc__arena_free(&a);
}

TEST(filter_lexer_named_constants_are_numbers)
{
	rc__arena a;
	rc__toklist t = lex_ok(&a, "tcpflags tcp-syn icmp-echo icmp6-echoreply");
	ASSERT_INT_EQ(t.v[0].kind, RC_T_NUM);
	ASSERT_INT_EQ(t.v[0].num, 13);
	ASSERT_INT_EQ(t.v[1].num, 2);
	ASSERT_INT_EQ(t.v[2].num, 8);
	ASSERT_INT_EQ(t.v[3].num, 129);
	rc__arena_free(&a);
}

static void lex_err(const char *s, const char *want)
{
	rc__arena a;
	rc__toklist t;
	char err[RC_ERRBUF_SIZE] = "";
	rc__arena_init(&a, 1 << 20);
	int st = rc__lex(&a, s, strlen(s), &t, err);
	rc__arena_free(&a);
	if (st != RC_ESYNTAX || !strstr(err, want))
		rc_test_fail(__FILE__, __LINE__, "lex(\"%s\"): status %d, \"%s\" lacks \"%s\"", s,
			     st, err, want);
}

TEST(filter_lexer_reports_bad_input_with_column)
{
	lex_err("ether[0] = 09", "contains a non-octal digit (column 12)");
	lex_err("len > 4294967296", "overflows 32 bits (column 7)");
	lex_err("tcp and (udp", "unmatched parenthesis (column 9)");
	lex_err("tcp)", "unmatched parenthesis (column 4)");
	lex_err("host 1.2.3.4 # x", "'#': illegal character (column 14)");
	lex_err("a\001", "illegal character 0x01 (column 2)");
}

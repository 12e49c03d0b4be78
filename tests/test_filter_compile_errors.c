/*
 * test_filter_compile_errors.c - rc_filter_compile rejects bad expressions
 * with the right status, the offending part and a 1-based column.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "ringcap/filter.h"

static void expect_err(const char *expr, int linktype, int status, const char *msg)
{
	rc_bpf_prog p = {0};
	char err[RC_ERRBUF_SIZE] = "";
	rc_filter_opts o = {.optimize = 1, .linux_live = 0, .resolve_names = 0};
	int st = rc_filter_compile(&p, expr, linktype, 262144, 0xffffff00u, &o, err);
	if (st != status || !strstr(err, msg))
		rc_test_fail(__FILE__, __LINE__, "\"%s\": got %d \"%s\", want %d containing \"%s\"",
			     expr, st, err, status, msg);
	ASSERT_PTR_EQ(p.insns, NULL);
}

TEST(filter_compile_error_port_out_of_range_names_token_and_column)
{
	expect_err("port 99999", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "port 99999: port number out of range (column 6)");
	expect_err("tcp and port 70000", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "(column 14)");
}

TEST(filter_compile_error_syntax_errors_have_columns)
{
	expect_err("tcp port", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "at end of expression (column 9)");
	expect_err("ip proto tcp", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "'tcp'");
	expect_err("ip proto tcp", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "(column 10)");
	expect_err("tcp or 80", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "(column 8)");
	expect_err("host", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "column 5");
	expect_err("tcp tcp", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "(column 5)");
	expect_err("ether[1:3] = 1", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "data size");
	/* A mistyped address is named whole, not a syntax error at a colon. */
	expect_err("ether host 01:02:03", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "'01:02:03': not an Ethernet (xx:xx:xx:xx:xx:xx) or IPv6 address (column 12)");
	expect_err("ether src 1:2:3:4:5:6:7", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "'1:2:3:4:5:6:7': not an Ethernet");
	expect_err("ip6 host 1::2::3", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "'1::2::3': not an");
	expect_err("src or udp host 1.2.3.4", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "column 8");
	expect_err("len >", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "column 6");
	/* A relation leaves no qualifier for a bare value after it to inherit
	 * (libpcap's grammar.y gives it qerr), whatever came before the group:
	 * this is not "host 1.2.3.4 and (ip[0] = 1 or host 1.2.3.5)". */
	expect_err("host 1.2.3.4 and (ip[0] = 1 or 1.2.3.5)", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "'1.2.3.5': syntax error: a value here needs a qualifier");
	expect_err("host 1.2.3.4 and ((ip[0] & 3) = 1 or 1.2.3.5)", RC_LINKTYPE_ETHERNET,
		   RC_ESYNTAX, "(column 38)");
	expect_err("port 80 or (ip[0] = 20 or 81)", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "'81': syntax error");
}

TEST(filter_compile_error_semantic_errors)
{
	expect_err("net 10.0.0.1/8", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "non-network bits");
	expect_err("host 10.0.0.0/8", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "networks only");
	expect_err("host 1.2.3.999", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "invalid IPv4 address");
	expect_err("ip[0] / 0 = 1", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "division by zero");
	expect_err("ip[0] % (2 - 2) = 1", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "modulus by zero");
	expect_err("ip[0] << 32 = 1", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "more than 31 bits");
	expect_err("1 << 32 = 0", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "shift by more than 31 bits (column 3)");
	expect_err("len = 1 >> (30 + 2)", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "more than 31 bits");
	expect_err("vlan 4096", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "out of range");
	expect_err("mpls 1048576", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "out of range");
	expect_err("tcp host 1.2.3.4", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "'tcp' modifier");
	expect_err("decnet net 1.2/8", RC_LINKTYPE_ETHERNET, RC_ENOTSUP,
		   "DECnet addresses take no mask in ringcap (column 12)");
	expect_err("decnet port 80", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "illegal qualifier 'decnet' for a port");
}

TEST(filter_compile_error_link_type_limits)
{
	expect_err("ether host 1:2:3:4:5:6", RC_LINKTYPE_RAW, RC_ENOTSUP, "only supported on Ethernet");
	expect_err("vlan", RC_LINKTYPE_LINUX_SLL, RC_ENOTSUP, "no VLAN support");
	expect_err("llc", RC_LINKTYPE_NULL, RC_ENOTSUP, "'llc'");
	expect_err("inbound", RC_LINKTYPE_ETHERNET, RC_ENOTSUP, "inbound/outbound");
	expect_err("tcp", 147, RC_ENOTSUP, "link type 147");
	expect_err("radio", RC_LINKTYPE_ETHERNET, RC_ENOTSUP, "not supported by ringcap");
	expect_err("llc rej", RC_LINKTYPE_RAW, RC_ENOTSUP, "'llc'");
}

/* Geneve, LLC and IS-IS limits, with libpcap's wording where it has one */
TEST(filter_compile_error_geneve_llc_isis)
{
	expect_err("geneve 16777216", RC_LINKTYPE_ETHERNET, RC_ESYNTAX,
		   "Geneve VNI 16777216 greater than maximum 16777215");
	expect_err("geneve and protochain 6", RC_LINKTYPE_ETHERNET, RC_ENOTSUP,
		   "not supported with variable length headers");
	/* three scratch words per "geneve": the sixth finds none left */
	expect_err("geneve and geneve and geneve and geneve and geneve and geneve",
		   RC_LINKTYPE_ETHERNET, RC_ELIMIT, "scratch registers");
	expect_err("llc foo", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "unknown LLC type name \"foo\"");
	expect_err("lsp proto 3", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "'lsp proto'");
	expect_err("l1 host 10.0.0.1", RC_LINKTYPE_ETHERNET, RC_ESYNTAX, "'l1' modifier");
}

TEST(filter_compile_error_names_need_lookup)
{
	expect_err("host foo.invalid", RC_LINKTYPE_ETHERNET, RC_ENOENT, "name lookup is disabled");
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, "port nosuchservice", RC_LINKTYPE_ETHERNET, 65535, 0,
					NULL, err), RC_ENOENT);
	ASSERT_STR_CONTAINS(err, "unknown port 'nosuchservice'");
	ASSERT_INT_EQ(rc_filter_compile(&p, "ip proto nosuchproto", RC_LINKTYPE_ETHERNET, 65535, 0,
					NULL, err), RC_ENOENT);
	ASSERT_INT_EQ(rc_filter_compile(&p, "ether proto \\nosuch", RC_LINKTYPE_ETHERNET, 65535, 0,
					NULL, err), RC_ENOENT);
}

TEST(filter_compile_error_ip_broadcast_needs_netmask)
{
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, "ip broadcast", RC_LINKTYPE_ETHERNET, 65535,
					RC_NETMASK_UNKNOWN, NULL, err), RC_EINVAL);
	ASSERT_STR_CONTAINS(err, "netmask not known");
}

TEST(filter_compile_error_deep_nesting_is_refused_not_crashing)
{
	char expr[4000];
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		expr[n++] = '(';
	memcpy(expr + n, "tcp", 3);
	n += 3;
	for (int i = 0; i < 1000; i++)
		expr[n++] = ')';
	expr[n] = '\0';
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&p, expr, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_ELIMIT);
	ASSERT_STR_CONTAINS(err, "nested");
	char nots[3000];
	n = 0;
	for (int i = 0; i < 600; i++) {
		memcpy(nots + n, "not ", 4);
		n += 4;
	}
	memcpy(nots + n, "tcp", 4);
	ASSERT_INT_EQ(rc_filter_compile(&p, nots, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_ELIMIT);
}

/* head, then rep n times, then tail, in a buffer the caller frees */
static char *repeat(const char *head, const char *rep, int n, const char *tail)
{
	size_t hl = strlen(head), rl = strlen(rep), tl = strlen(tail);
	char *e = malloc(hl + rl * (size_t)n + tl + 1), *q = e;
	memcpy(q, head, hl);
	q += hl;
	for (int i = 0; i < n; i++, q += rl)
		memcpy(q, rep, rl);
	memcpy(q, tail, tl + 1);
	return e;
}

static void expect_limit(char *expr)
{
	rc_bpf_prog p = {0};
	char err[RC_ERRBUF_SIZE] = "";
	int st = rc_filter_compile(&p, expr, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err);
	if (st != RC_ELIMIT || !strstr(err, "nested more than 200 levels") || !strstr(err, "(column "))
		rc_test_fail(__FILE__, __LINE__, "%.40s... (%zu bytes): got %d \"%s\"", expr,
			     strlen(expr), st, err);
	free(expr);
}

static void expect_ok(char *expr)
{
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE] = "";
	if (rc_filter_compile(&p, expr, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err) != 0)
		rc_test_fail(__FILE__, __LINE__, "%.40s...: %s", expr, err);
	rc_bpf_prog_free(&p);
	free(expr);
}

/* and/or group to the left, so each switch between them nests a level
 * (300 KB of "or tcp and tcp" used to overflow the stack) */
TEST(filter_compile_error_long_and_or_chains_are_refused_not_crashing)
{
	expect_limit(repeat("tcp", " or tcp and tcp", 20000, ""));
	expect_limit(repeat("host 1.1.1.1", " or 2.2.2.2 and 3.3.3.3", 20000, ""));
	/* 100 switches, and a run of 300 of one operator, are fine */
	expect_ok(repeat("tcp", " or udp and tcp", 50, ""));
	expect_ok(repeat("len = 1", " or len = 2", 299, ""));
}

/* A parenthesis is two levels, so the message says how many parentheses
 * fit (it said "more than 200 levels" at the 100th). */
TEST(filter_compile_error_nesting_message_counts_parentheses)
{
	char *close = repeat("tcp", ")", 99, "");
	expect_ok(repeat("", "(", 99, close));
	free(close);
	close = repeat("tcp", ")", 100, "");
	char *e = repeat("", "(", 100, close);
	free(close);
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE] = "";
	ASSERT_INT_EQ(rc_filter_compile(&p, e, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_ELIMIT);
	ASSERT_STR_EQ(err, "'tcp': expression nested more than 200 levels deep (a parenthesis counts "
				   "as 2: at most 99 nested) (column 101)");
	free(e);
}

/* each operator of an arithmetic chain nests a level */
TEST(filter_compile_error_long_arithmetic_chains_are_refused_not_crashing)
{
	expect_limit(repeat("len", " + 1", 100000, " = 0"));
	expect_limit(repeat("len = 0", " * ip[0]", 100000, ""));
	expect_limit(repeat("ip[1", " - 1", 100000, "] = 0"));
	expect_ok(repeat("len", " + 1", 150, " = 0"));
}

TEST(filter_compile_error_null_arguments)
{
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	/* *out is {NULL, 0} after this failure too, not what was there */
	memset(&p, 0xa5, sizeof(p));
	ASSERT_INT_EQ(rc_filter_compile(&p, NULL, RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_EINVAL);
	ASSERT_PTR_EQ(p.insns, NULL);
	ASSERT_UINT_EQ(p.len, 0);
	ASSERT_STR_CONTAINS(err, "NULL expression");
	rc_bpf_prog_free(&p);
	ASSERT_INT_EQ(rc_filter_compile(NULL, "tcp", RC_LINKTYPE_ETHERNET, 65535, 0, NULL, err),
		      RC_EINVAL);
	/* errbuf may be NULL */
	ASSERT_INT_EQ(rc_filter_compile(&p, "tcp port", RC_LINKTYPE_ETHERNET, 65535, 0, NULL, NULL),
		      RC_ESYNTAX);
}

/* filter.h: zeroed options are not NULL options; they turn name lookup and
 * the optimizer off. */
TEST(filter_compile_error_zeroed_opts_are_not_the_defaults)
{
	rc_filter_opts zero;
	memset(&zero, 0, sizeof(zero));
	rc_bpf_prog a, b;
	char err[RC_ERRBUF_SIZE];
	ASSERT_INT_EQ(rc_filter_compile(&a, "tcp port 80 or udp port 53", RC_LINKTYPE_ETHERNET,
					65535, 0, NULL, err), 0);
	ASSERT_INT_EQ(rc_filter_compile(&b, "tcp port 80 or udp port 53", RC_LINKTYPE_ETHERNET,
					65535, 0, &zero, err), 0);
	ASSERT_TRUE(b.len > a.len);
	rc_bpf_prog_free(&a);
	rc_bpf_prog_free(&b);
	ASSERT_INT_EQ(rc_filter_compile(&b, "port domain", RC_LINKTYPE_ETHERNET, 65535, 0, &zero,
					err), RC_ENOENT);
	ASSERT_PTR_EQ(b.insns, NULL);
}

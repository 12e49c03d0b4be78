/*
 * fuzz_filter_compile.c - libFuzzer target for rc_filter_compile.
 *
 * Input: byte 0 selects the link type and options, the rest is the
 * expression.  Any string must either fail with a message or produce a
 * program that validates and terminates in the VM on a few packets; names
 * are never resolved (no DNS from a fuzzer).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ringcap/filter.h"
#include "ringcap/linktype.h"

static const int links[8] = {
	RC_LINKTYPE_ETHERNET, RC_LINKTYPE_LINUX_SLL, RC_LINKTYPE_LINUX_SLL2, RC_LINKTYPE_RAW,
	RC_LINKTYPE_IPV4, RC_LINKTYPE_IPV6, RC_LINKTYPE_NULL, RC_LINKTYPE_LOOP,
};

/* Ethernet / IPv4 / TCP 80 -> 443, and an Ethernet / 802.1Q / IPv6 / UDP frame */
static const uint8_t tcp4[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
	0x45, 0, 0, 40, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
	0, 80, 1, 187, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0x20, 0, 0, 0, 0, 0,
};
static const uint8_t udp6[] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 6, 7, 8, 9, 10, 11, 0x81, 0x00, 0, 10, 0x86, 0xdd,
	0x60, 0, 0, 0, 0, 8, 17, 64, 0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 53, 0, 53, 0, 8, 0, 0,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	char *expr = malloc(size);
	if (!expr)
		return 0;
	memcpy(expr, data + 1, size - 1);
	expr[size - 1] = '\0';
	rc_filter_opts o = {.optimize = !(data[0] & 0x10), .linux_live = !!(data[0] & 0x20),
			    .resolve_names = 0};
	rc_bpf_prog p;
	char err[RC_ERRBUF_SIZE];
	int st = rc_filter_compile(&p, expr, links[data[0] & 7], 262144, 0xffffff00u, &o, err);
	free(expr);
	if (st < 0) {
		if (err[0] == '\0')
			abort();   /* every failure must say why */
		return 0;
	}
	if (rc_bpf_validate(p.insns, p.len, NULL) != 0)
		abort();
	static const uint8_t zeros[64];
	rc_bpf_run_simple(p.insns, p.len, tcp4, sizeof(tcp4), sizeof(tcp4));
	rc_bpf_run_simple(p.insns, p.len, tcp4, 30, sizeof(tcp4));
	rc_bpf_run_simple(p.insns, p.len, udp6, sizeof(udp6), sizeof(udp6));
	rc_bpf_run_simple(p.insns, p.len, zeros, sizeof(zeros), sizeof(zeros));
	rc_bpf_run_simple(p.insns, p.len, zeros, 0, 0);
	rc_bpf_prog_free(&p);
	return 0;
}

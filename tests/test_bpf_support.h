/*
 * test_bpf_support.h - shared material for the tests/test_bpf_*.c files:
 * a deterministic random generator, random *valid* classic BPF programs,
 * random and crafted packets, the filter expressions used as a corpus, and
 * (with RC_HAVE_LIBPCAP_ORACLE) compilation through the system libpcap.
 */
#ifndef RC_TEST_BPF_SUPPORT_H
#define RC_TEST_BPF_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ringcap/filter.h"

/* xorshift64*: fixed seeds give the same programs and packets on every run. */
uint32_t bpft_rand(uint64_t *state);

/* Random program kinds for bpft_rand_program(). */
enum {
	BPFT_PLAIN = 0,      /* every opcode libpcap's bpf_filter shares with the kernel */
	BPFT_ANCILLARY = 1,  /* also SKF_AD_* loads (our VM and the kernel only) */
};

/*
 * A random program of 1..max_len (<= 64) instructions that passes
 * rc_bpf_validate: random opcodes with loads biased towards the first
 * 80 bytes, small and huge offsets, X-forms (including division by X and
 * shifts by X >= 32), scratch memory, forward jumps, several returns.
 * Returns the length; out must hold max_len instructions.
 */
size_t bpft_rand_program(uint64_t *state, rc_bpf_insn *out, size_t max_len, int kind);

/*
 * A packet into buf (>= BPFT_PKT_MAX bytes): either random bytes or one of
 * several real frames (Ethernet+VLAN/IPv4/IPv6/TCP/UDP/ICMP/ARP) with a few
 * bytes mutated, truncated at a random caplen (sometimes 0).  *wirelen is
 * >= *caplen.
 */
#define BPFT_PKT_MAX 128
void bpft_rand_packet(uint64_t *state, uint8_t *buf, uint32_t *caplen, uint32_t *wirelen);

/* Filter expressions (for Ethernet) that libpcap compiles: the corpus. */
extern const char *const bpft_exprs[];
extern const size_t bpft_nexprs;

#ifdef RC_HAVE_LIBPCAP_ORACLE
/*
 * Compile expr with the system libpcap for linktype dlt (snaplen 262144);
 * optimize 0/1.  0 and a malloc'ed program in *out, or -1 if libpcap
 * refuses the expression on that link type.
 */
int bpft_pcap_compile(const char *expr, int dlt, int optimize, rc_bpf_prog *out);

/* The system libpcap's bpf_filter() on the same program and bytes. */
uint32_t bpft_pcap_filter(const rc_bpf_insn *insns, const uint8_t *pkt, uint32_t caplen,
			  uint32_t wirelen);
#endif

#endif

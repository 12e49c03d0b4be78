/*
 * filter_diff_common.h - what the differential tests of the filter compiler
 * against the system libpcap share (tests/test_filter_diff_libpcap.c,
 * tests/test_filter_diff_grammar.c): the scapy corpus of
 * tests/filter/gen_corpus.py, one capture file per link type, and the
 * adjudication of the documented differences (docs/filters.md).
 * Everything here needs the libpcap oracle (RC_HAVE_LIBPCAP_ORACLE).
 */
#ifndef RC_TEST_FILTER_DIFF_COMMON_H
#define RC_TEST_FILTER_DIFF_COMMON_H

#ifdef RC_HAVE_LIBPCAP_ORACLE

#include <stddef.h>
#include <stdint.h>

#include <pcap/pcap.h>

#include "ringcap/filter.h"

typedef struct fdiff_pkt {
	const uint8_t *data;
	uint32_t caplen, len;
} fdiff_pkt;

typedef struct fdiff_corpus {
	char path[512];
	unsigned char *buf;
	fdiff_pkt *p;
	size_t n;
} fdiff_corpus;

/* The corpus's link types: file basename, ringcap's and libpcap's number. */
typedef struct fdiff_link {
	const char *file;
	int rc_lt;
	int dlt;
} fdiff_link;

#define FDIFF_NLINKS 8
extern const fdiff_link fdiff_links[FDIFF_NLINKS];

/* Generate the corpus (SKIPs the test without python3 scapy) and load one
 * fdiff_corpus per link type; fdiff_free_all releases them. */
void fdiff_load_all(fdiff_corpus c[FDIFF_NLINKS]);
void fdiff_free_all(fdiff_corpus c[FDIFF_NLINKS]);

/* Known, documented differences (docs/filters.md) that are not compared:
 * libpcap's kernel-metadata loads (inbound/outbound/ifindex) on rc_lt. */
int fdiff_skip_expr(const char *e, int rc_lt);

/* libpcap's bpf_filter on a cleared stack (its scratch memory is an
 * uninitialized stack array; ringcap's programs clear what they read). */
u_int fdiff_pcap_run(const struct bpf_insn *insns, const fdiff_pkt *p);

/* Did the program (ringcap's VM if rc, else libpcap's bpf_filter) reject p
 * by a load past caplen rather than by a "ret #0"? */
int fdiff_stops_at_load(const struct bpf_insn *insns, size_t len, const fdiff_pkt *p, int rc);

/* Does libpcap's verdict on p depend on Geneve offsets its program never
 * computed (e after "geneve", compiled by ringcap for rc_lt)? */
int fdiff_geneve_undefined(const char *e, int rc_lt, const fdiff_pkt *p);

/* libpcap's verdict on p with its optimizer off (compiled on pc into *bp0
 * on first use; *have: 0 not yet, 1 compiled, -1 failed), or -1 if libpcap
 * -O0 refuses e.  The caller frees *bp0 when *have > 0. */
int fdiff_pcap_plain_verdict(pcap_t *pc, const char *e, struct bpf_program *bp0, int *have,
			     const fdiff_pkt *p);

#endif /* RC_HAVE_LIBPCAP_ORACLE */
#endif

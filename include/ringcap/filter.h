/*
 * ringcap/filter.h - pcap-filter(7) expressions compiled to classic BPF,
 * and the tools around classic BPF programs: validator, interpreter (VM),
 * optimizer and tcpdump -d/-dd/-ddd style dumps.
 *
 *   rc_bpf_prog prog;
 *   char err[RC_ERRBUF_SIZE];
 *   if (rc_filter_compile(&prog, "tcp port 80", RC_LINKTYPE_ETHERNET,
 *                         262144, 0, NULL, err) < 0)
 *           puts(err);   // "port 99999: port number out of range (column 6)"
 *   if (rc_bpf_run(prog.insns, prog.len, &in) != 0) ... accepted ...
 *   rc_bpf_prog_free(&prog);
 *
 * Programs are classic BPF exactly as the kernel takes them with
 * SO_ATTACH_FILTER (struct sock_filter layout, linux/filter.h).
 */
#ifndef RINGCAP_FILTER_H
#define RINGCAP_FILTER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ringcap/error.h"
#include "ringcap/linktype.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One instruction; same layout as struct sock_filter and libpcap's bpf_insn. */
typedef struct rc_bpf_insn {
	uint16_t code;
	uint8_t jt;
	uint8_t jf;
	uint32_t k;
} rc_bpf_insn;

/* Kernel limit on program length (BPF_MAXINSNS in linux/bpf_common.h). */
#define RC_BPF_MAXINSNS 4096
/* Largest program ringcap builds or validates for userspace-only use
 * (rc_filter_opts.max_insns, rc_bpf_validate_len). */
#define RC_BPF_USER_MAXINSNS (1u << 20)
/* Scratch memory words M[0..15] (BPF_MEMWORDS). */
#define RC_BPF_MEMWORDS 16

/* An owned program: insns is malloc'ed, freed by rc_bpf_prog_free(). */
typedef struct rc_bpf_prog {
	rc_bpf_insn *insns;
	size_t len;
} rc_bpf_prog;

void rc_bpf_prog_free(rc_bpf_prog *prog);

/*
 * Compile-time options; NULL means all defaults.
 *
 * CAUTION: a zero-initialised rc_filter_opts is NOT the same as NULL opts.
 * Zero turns the optimizer OFF (optimize = 0) and name lookup OFF
 * (resolve_names = 0: `port http` or `host gw` fail with RC_ENOENT), and
 * the program comes out longer than tcpdump's.  For the defaults with one
 * change, start from { .optimize = 1, .resolve_names = 1 }.
 */
typedef struct rc_filter_opts {
	int optimize;        /* 1 (default when opts is NULL): run the optimizer */
	int linux_live;      /* 1: the program will be attached to a live Linux packet
	                      * socket, so VLAN tags are stripped into metadata and
	                      * `vlan` uses the SKF_AD_VLAN_TAG_PRESENT loads as libpcap
	                      * does for live Linux captures; 0: the frame carries its tags
	                      * (files, or tags reinserted) */
	int resolve_names;   /* 1 (default): look names up in /etc/services,
	                      * /etc/protocols, /etc/hosts + getaddrinfo, /etc/ethers */
	size_t max_insns;    /* 0 (default): RC_BPF_MAXINSNS, the kernel's limit.  A caller
	                      * whose program never goes to the kernel (rc_bpf_run, offline
	                      * filtering) may allow up to RC_BPF_USER_MAXINSNS, e.g. for
	                      * a list of 10,000 hosts; the kernel refuses such a program
	                      * (SO_ATTACH_FILTER fails with EINVAL).  Larger: RC_EINVAL. */
} rc_filter_opts;

/* rc_filter_compile's netmask when none is known (libpcap's
 * PCAP_NETMASK_UNKNOWN, the same value). */
#define RC_NETMASK_UNKNOWN 0xffffffffu

/*
 * rc_filter_compile - compile expr for linktype.
 * snaplen_bytes is the largest packet the program must return for an
 * accepted packet (libpcap's snaplen argument); netmask is the IPv4 netmask
 * in host byte order for `ip broadcast`, every value a mask as in libpcap
 * (0 too: `ip broadcast` then matches 0.0.0.0 and 255.255.255.255, as
 * `tcpdump -r`, which passes 0), except RC_NETMASK_UNKNOWN: `ip broadcast`
 * is then an error, as in libpcap.  An empty or all-blank expression accepts every
 * packet.  On success *out owns a validated program.  On failure returns
 * RC_ESYNTAX (or RC_ENOENT for an unknown name, RC_ELIMIT for a program over
 * opts->max_insns (default RC_BPF_MAXINSNS), nesting over 200 levels (a
 * parenthesis counts 2: at most 99 nested; docs/filters.md) or an
 * expression over 4 MiB, RC_ENOTSUP for a primitive not valid on this link
 * type) and errbuf holds a message with the 1-based column and offending
 * token; RC_EINVAL for a NULL out or expr, opts->max_insns over
 * RC_BPF_USER_MAXINSNS, or `ip broadcast` with netmask 0; RC_ENOMEM when
 * memory runs out.  After any failure *out is { NULL, 0 } (a NULL out
 * aside), so rc_bpf_prog_free(out) is safe whatever the result.  errbuf
 * (RC_ERRBUF_SIZE bytes) may be NULL: no message, the status alone.
 *
 * Thread-safe: the compiler keeps no global state (each call has its own
 * arena), and name lookups go through reentrant libc calls (getaddrinfo,
 * getprotobyname_r, ether_hostton), so any number of threads may compile
 * at once.  Those lookups read /etc files and may ask DNS (getaddrinfo for
 * a host name), which can block; resolve_names = 0 avoids them.
 */
int rc_filter_compile(rc_bpf_prog *out, const char *expr, int linktype,
		      uint32_t snaplen_bytes, uint32_t netmask,
		      const rc_filter_opts *opts, char *errbuf);

/*
 * rc_bpf_validate - the kernel's checks (net/core/filter.c
 * bpf_check_classic): known opcodes, jumps forward and in range, the last
 * instruction a return, scratch index < 16, no constant division or modulo
 * by zero, 1..RC_BPF_MAXINSNS instructions.  0 if valid, else RC_EINVAL
 * with the instruction index and reason in errbuf (may be NULL).
 * Every program ringcap accepts from anyone passes through here first.
 */
int rc_bpf_validate(const rc_bpf_insn *insns, size_t len, char *errbuf);

/*
 * rc_bpf_validate_len - the same checks with 1..max_len instructions
 * allowed, for programs that only run in userspace
 * (rc_filter_opts.max_insns).  rc_bpf_validate is max_len =
 * RC_BPF_MAXINSNS.  A max_len of 0 or over RC_BPF_USER_MAXINSNS is
 * refused (RC_EINVAL, the message names the limit), whatever the program.
 */
int rc_bpf_validate_len(const rc_bpf_insn *insns, size_t len, size_t max_len, char *errbuf);

/* What the VM knows besides the bytes: the SKF_AD_* ancillary values. */
typedef struct rc_bpf_input {
	const uint8_t *pkt;  /* caplen bytes */
	uint32_t caplen;
	uint32_t wirelen;    /* BPF_LEN loads see this */
	uint32_t ifindex;    /* SKF_AD_IFINDEX */
	uint16_t protocol;   /* SKF_AD_PROTOCOL: the EtherType as the program sees it, e.g.
	                      * 0x0800 (the kernel loads ntohs(skb->protocol); from a
	                      * sockaddr_ll, pass ntohs(sll_protocol)) */
	uint16_t pkttype;    /* SKF_AD_PKTTYPE */
	uint16_t vlan_tci;   /* SKF_AD_VLAN_TAG */
	uint8_t vlan_present;/* SKF_AD_VLAN_TAG_PRESENT */
	uint16_t vlan_tpid;  /* SKF_AD_VLAN_TPID */
} rc_bpf_input;

/*
 * rc_bpf_run - run a *validated* program; returns the accepted length
 * (0 = reject).  Out-of-packet loads reject, as in the kernel.  Never reads
 * outside in->pkt[0..caplen).  Thread-safe (no shared state).  A NULL in
 * rejects (0).
 */
uint32_t rc_bpf_run(const rc_bpf_insn *insns, size_t len, const rc_bpf_input *in);

/* Convenience for files: plain bytes, no ancillary data. */
uint32_t rc_bpf_run_simple(const rc_bpf_insn *insns, size_t len, const uint8_t *pkt,
			   uint32_t caplen, uint32_t wirelen);

/*
 * rc_bpf_optimize - rewrite a valid program in place into an equivalent one
 * no longer than before (constant folding, redundant/dead load removal,
 * jump threading, unreachable code removal).  0 or a negative error.
 */
int rc_bpf_optimize(rc_bpf_prog *prog);

/*
 * rc_bpf_dump - print the program to out as tcpdump -d (style 1), -dd (2)
 * or -ddd (3) does.  Returns 0, RC_EINVAL (NULL out, NULL insns with len
 * > 0, another style; nothing printed) or RC_EIO when fprintf fails (out
 * holds the lines before it).  stdio buffers: a write error may show only
 * at the caller's fflush or fclose, so check those too.  No message.
 */
int rc_bpf_dump(FILE *out, const rc_bpf_insn *insns, size_t len, int style);

/* Room rc_bpf_image needs for any instruction at any pc, the NUL included
 * (the longest image is 55 characters: a conditional jump at a pc near
 * INT_MAX, tests/test_bpf_dump.c). */
#define RC_BPF_IMAGE_SIZE 64

/* rc_bpf_image - one instruction as tcpdump -d prints it, without the
 * "(NNN) " prefix, into buf; returns buf.  A buflen under
 * RC_BPF_IMAGE_SIZE may cut the text short (snprintf rules: always
 * NUL-terminated when buflen > 0; buflen 0 writes nothing). */
char *rc_bpf_image(const rc_bpf_insn *insn, size_t pc, char *buf, size_t buflen);

#ifdef __cplusplus
}
#endif
#endif /* RINGCAP_FILTER_H */

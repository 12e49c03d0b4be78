/*
 * gen.h - code generator state and the helpers shared by gen_*.c.
 *
 * The generator walks the AST left to right, exactly in the order libpcap's
 * parser runs its actions, because some primitives change how everything
 * *after* them is read (pcap-filter(7)): "vlan", "mpls" and "pppoes" move
 * the link-layer payload offset, so "vlan and ip" tests the ethertype
 * behind the tag.  Offsets follow libpcap's compiler_state:
 *
 *   off_linkhdr   start of the (current) link-layer header
 *   off_linktype  the ethertype / protocol field (UINT32_MAX: none)
 *   off_linkpl    start of the link-layer payload
 *   off_nl        network header, relative to off_linkpl (MPLS adds 4)
 *   off_nl_nosnap the same for 802.2 LLC frames without SNAP (3 on Ethernet)
 *
 * Offset-relative loads (libpcap's enum e_offrel):
 *   LINKHDR  off_linkhdr + k          LINKTYPE  off_linktype + k
 *   LINKPL   off_linkpl + off_nl + k  NOSNAP    off_linkpl + off_nl_nosnap + k
 *   LLC      off_linkpl + k           PREVMPLS  off_linkpl + off_nl - 4 + k
 *   TRAN4    X = IPv4 header length; [x + off_linkpl + off_nl + k]
 *   TRAN6    off_linkpl + off_nl + 40 + k
 *
 * After "geneve" the encapsulated frame's offsets depend on the outer IPv4
 * header and the Geneve options, so they are computed at run time into
 * scratch words (libpcap's bpf_abs_offset with is_variable):
 * reg_linkhdr / reg_linktype / reg_linkpl >= 0 means that the word
 * M[reg] is added to the constant offset, by "ldx M[reg]; ld [x + k]".
 */
#ifndef RC_FILTER_GEN_H
#define RC_FILTER_GEN_H

#include <stdint.h>

#include "filter/ast.h"
#include "filter/cfg.h"

enum rc__offrel {
	RC_OR_LINKHDR, RC_OR_LINKTYPE, RC_OR_LINKPL, RC_OR_NOSNAP, RC_OR_LLC,
	RC_OR_PREVMPLS, RC_OR_TRAN4, RC_OR_TRAN6
};

/* Link layer currently in effect ("pppoes" switches Ethernet to PPP). */
#define RC__LINK_PPP (-9)

/* Ethertypes, LLC SAPs and PPP protocol numbers used by the generator. */
enum {
	RC_ET_IP = 0x0800, RC_ET_ARP = 0x0806, RC_ET_REVARP = 0x8035, RC_ET_IPV6 = 0x86dd,
	RC_ET_ATALK = 0x809b, RC_ET_AARP = 0x80f3, RC_ET_DN = 0x6003, RC_ET_LAT = 0x6004,
	RC_ET_SCA = 0x6007, RC_ET_MOPRC = 0x6002, RC_ET_MOPDL = 0x6001, RC_ET_IPX = 0x8137,
	RC_ET_8021Q = 0x8100, RC_ET_8021AD = 0x88a8, RC_ET_QINQ = 0x9100,
	RC_ET_MPLS = 0x8847, RC_ET_PPPOED = 0x8863, RC_ET_PPPOES = 0x8864,
	RC_SAP_ISONS = 0xfe, RC_SAP_IP = 0x06, RC_SAP_NETBEUI = 0xf0, RC_SAP_IPX = 0xe0,
	RC_SAP_8021D = 0x42, RC_SAP_SNAP = 0xaa,
	RC_ETHERMTU = 1500,
	RC_PPP_MPLS_UCAST = 0x0281,
	RC_PROTO_UNDEF = -1,
};

typedef struct rc__cg {
	rc__cfg g;
	char *errbuf;
	int status;           /* first error, 0 while fine */
	const char *src;
	const rc__node *at;   /* node being generated (error context) */
	int linktype;         /* as given (RC_LINKTYPE_*) */
	int link;             /* current link layer: a linktype or RC__LINK_PPP */
	uint32_t netmask;
	int linux_live;
	int resolve_names;
	uint32_t off_linkhdr, off_linktype, off_linkpl, off_nl, off_nl_nosnap;
	unsigned vlan_depth, mpls_depth;
	int reg_linkhdr, reg_linktype, reg_linkpl;  /* -1, or the word of a variable part */
	int in_geneve;        /* link is the frame inside Geneve (libpcap is_geneve) */
	uint32_t zero_regs;   /* words the program clears first (see rc__gen_geneve) */
	uint32_t regs;        /* bitmask of scratch words in use */
	uint32_t set_leaf;    /* values per leaf of a set's search tree */
	uint32_t max_prog;    /* program length limit (opts->max_insns or the kernel's) */
	int used_sets;        /* 1 once a set was generated */
} rc__cg;

typedef rc__frag F;

/* Record an error "<expression part>: <msg> (column N)"; returns a null frag. */
F rc__gen_fail(rc__cg *cg, int status, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* True once an error is recorded (or an allocation failed). */
int rc__gen_failed(rc__cg *cg);

/* Append the load of size bytes (1/2/4) at offrel+off to b. */
void rc__gen_load(rc__cg *cg, rc__blk *b, int offrel, uint32_t off, int size);
/* Append the load of size bytes at offrel + A + off (A holds an index; X is lost). */
void rc__gen_load_idx(rc__cg *cg, rc__blk *b, int offrel, uint32_t off, int size);
/* Append X = IPv4 header length (+ the variable part of off_linkpl). */
void rc__gen_loadx_iphdrlen(rc__cg *cg, rc__blk *b);
/* Are the link-layer offsets computed at run time (after "geneve")? */
static inline int rc__gen_offsets_vary(const rc__cg *cg)
{
	return cg->reg_linkpl >= 0;
}
/* [offrel+off] & mask  <jop>  v, negated when reverse */
F rc__gen_ncmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t mask, uint16_t jop,
	       int reverse, uint32_t v);
F rc__gen_cmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t v);
F rc__gen_mcmp(rc__cg *cg, int offrel, uint32_t off, int size, uint32_t v, uint32_t mask);
F rc__gen_bcmp(rc__cg *cg, int offrel, uint32_t off, uint32_t size, const uint8_t *v);
F rc__gen_linktype(rc__cg *cg, uint32_t ll_proto);
F rc__gen_ipfrag_ok(rc__cg *cg);   /* not a non-first IPv4 fragment */
int rc__gen_reg_alloc(rc__cg *cg, uint32_t col);
void rc__gen_reg_free(rc__cg *cg, int r);
const char *rc__gen_linkname(int link);

/* gen_core.c: any node */
F rc__gen_node(rc__cg *cg, const rc__node *n);
/* gen_link.c: vlan / mpls / pppoe / llc / inbound / ifindex / broadcast */
F rc__gen_vlan(rc__cg *cg, const rc__node *n);
F rc__gen_mpls(rc__cg *cg, const rc__node *n);
F rc__gen_pppoe(rc__cg *cg, const rc__node *n);
F rc__gen_llc(rc__cg *cg, const rc__node *n);
F rc__gen_direction(rc__cg *cg, const rc__node *n);
F rc__gen_ifindex(rc__cg *cg, const rc__node *n);
F rc__gen_bcast(rc__cg *cg, const rc__node *n);
F rc__gen_mcast(rc__cg *cg, const rc__node *n);
F rc__gen_ehostop(rc__cg *cg, const uint8_t mac[6], int dir, uint32_t col);
/* gen_decnet.c: a DECnet node address (q.proto decnet, a number or AREA.NODE) */
F rc__gen_decnet_host(rc__cg *cg, const rc__node *n);
/* gen_geneve.c */
F rc__gen_geneve(rc__cg *cg, const rc__node *n);
F rc__gen_geneve_ll_check(rc__cg *cg);
/* f behind the clearing of the words "geneve" uses, if any */
F rc__gen_geneve_prologue(rc__cg *cg, F f);
/* gen_proto.c: protocols, protochain, arithmetic */
F rc__gen_proto_abbrev(rc__cg *cg, int pq, uint32_t col);
F rc__gen_proto(rc__cg *cg, uint32_t v, int pq, uint32_t col);
F rc__gen_protochain(rc__cg *cg, uint32_t v, int pq, uint32_t col);
F rc__gen_relation(rc__cg *cg, const rc__node *n);
F rc__gen_len(rc__cg *cg, uint16_t jop, int reverse, uint32_t v);
/* gen_addr.c: RC_N_ID */
F rc__gen_id(rc__cg *cg, const rc__node *n);
F rc__gen_host(rc__cg *cg, uint32_t addr, uint32_t mask, int pq, int dir, int is_net,
	       uint32_t col);
F rc__gen_port(rc__cg *cg, uint32_t lo, uint32_t hi, int ipproto, int dir, int range);
/* the same over IPv4 (gen_port) or IPv6 (gen_port6) alone */
F rc__gen_port1(rc__cg *cg, int v6, uint32_t lo, uint32_t hi, int ipproto, int dir, int range);
/* (addr, mask) of an IPv4 RC_N_ID if it is one; 0 if so, 1 if not IPv4, <0 error */
int rc__gen_ipv4_of(rc__cg *cg, const rc__node *n, uint32_t *addr, uint32_t *mask);
/* gen_set.c: a run of "or"-ed primitives on the same field as one sorted test */
typedef struct rc__iv {
	uint32_t lo, hi;
} rc__iv;
/* Is n part of a set (key into *key)? */
int rc__set_key(rc__cg *cg, const rc__node *n, uint32_t *key, rc__iv *iv);
F rc__gen_set(rc__cg *cg, const rc__node *const *v, size_t n, uint32_t key);

#endif

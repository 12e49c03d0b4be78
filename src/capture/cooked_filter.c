/*
 * cooked_filter.c - a filter compiled for the cooked header, rewritten so
 * that the kernel can run it on a cooked packet socket.
 *
 * A SOCK_DGRAM packet socket's filter sees the packet from the network
 * header on (af_packet.c packet_rcv / tpacket_rcv: outgoing packets are
 * pulled to skb_network_offset first); the SLL2 / SLL header exists only
 * in what ringcap delivers (deliver.c step 4).  So, as libpcap's
 * pcap-linux.c fix_program / fix_offset does, every packet load below
 * SKF_AD_OFF is moved:
 *
 *   k >= header length            -> k - header length
 *   a header field the kernel has as metadata, loaded whole:
 *     SLL2  ldh [0]  protocol     -> SKF_AD_PROTOCOL  (ntohs(skb->protocol))
 *           ld  [4]  ifindex      -> SKF_AD_IFINDEX   (skb->dev->ifindex)
 *           ldb [10] packet type  -> SKF_AD_PKTTYPE   (skb->pkt_type)
 *     SLL   ldh [0]  packet type  -> SKF_AD_PKTTYPE
 *           ldh [14] protocol     -> SKF_AD_PROTOCOL
 *   any other load of header bytes -> not convertible
 *
 * The kernel ignores an ancillary load's width and gives the whole value
 * (net/core/filter.c convert_bpf_extensions); libpcap rewrites whatever
 * the width.  Here the width must be the field's, so that A holds what
 * the user-space run would load: `ldb [0]` on SLL2 is the protocol's high
 * byte, SKF_AD_PROTOCOL would be all 16 bits.  Beyond libpcap:
 *   - `ld len` gives the network length in the kernel, wirelen (header
 *     included) in user space: it becomes `ld len; add #header length`;
 *   - `ret #k` truncates the data the kernel copies, which starts after
 *     the header: k becomes k - header length (0 stays 0; a k inside the
 *     header is not convertible); `ret a` is not convertible;
 *   - indexed loads (X + k, and ldxb 4*([k]&0xf)) move only when k >= the
 *     header length (X is unsigned, so X + k is past the header too);
 *   - ancillary loads pass unchanged if ringcap's VM computes them as the
 *     kernel does (vm.c: protocol, pkttype, ifindex, VLAN tag, present and
 *     TPID, alu_xor_x); the VM loads 0 for the others, so they and
 *     SKF_NET_OFF / SKF_LL_OFF loads are not convertible.
 *
 * VLAN: the kernel strips the outer tag of a received packet before
 * packet sockets see it (skb_vlan_untag: tag in metadata, skb->protocol
 * the inner type).  An outgoing packet may carry its tag in the data
 * instead (sent without VLAN offload, e.g. by a raw packet socket); then
 * skb->protocol is the TPID and the filter sees what follows the tag,
 * while newer kernels (af_packet: "Handle outgoing VLAN packets without
 * hardware offloading") report the tag to a SOCK_DGRAM ring as if it were
 * metadata (TP_STATUS_VLAN_VALID, sll_protocol the inner type), so the
 * protocol ringcap writes is not the one the filter sees.  With
 * vlan_reinsert ringcap puts the tag in front of the payload: the protocol
 * field holds the TPID and TCI + inner type precede the payload, 4 bytes
 * the kernel's filter never sees.  The compiler has no "vlan" for cooked
 * link types, so a program reads them as network data and a tagged packet
 * has no translation.  The translated program therefore starts with
 *
 *     ld vlan_avail; jeq #0, +0, +3; ld proto; jeq #0x8100, +1, +0;
 *     jeq #0x88a8, +0, +1; ret #0xffffffff
 *
 * (a tag in metadata or skb->protocol a TPID, as eth_type_vlan: accept the
 * whole packet) and deliver.c runs the user's program on such packets
 * (filter_user_tagged).  Without vlan_reinsert only the outgoing packets
 * with a tag in their data would need it; one rule is simpler, and user
 * space decides as the kernel would on the others.
 *
 * Fanout (PACKET_FANOUT_CBPF): the group's program runs in
 * packet_rcv_fanout, before af_packet moves skb->data for the socket
 * type: a received packet starts at the network header, a sent one
 * (dev_queue_xmit_nit) at the link-layer header.  So packet loads become
 * loads relative to the network header (SKF_NET_OFF + k - header length,
 * bpf_internal_load_pointer_neg_helper), right in both directions; `ld
 * len` / `ldx len` have no translation (the kernel's length includes the
 * link-layer header of sent packets only); `ret` is a member index and
 * stays; loads at the kernel's negative offsets (extensions, SKF_NET_OFF,
 * SKF_LL_OFF) stay, as user space never runs this program.  No VLAN
 * prefix: there is no user-space pass to hand tagged packets to, so the
 * program picks their member as it would for the packet delivered without
 * vlan_reinsert (protocol the inner type, no tag in the data).  An
 * indexed load whose X goes past 1 MiB - SKF_NET_OFF's reach, no packet
 * is that long - wraps to a load from the start of the data.
 */
#include "capture/cooked_filter.h"

#include <linux/if_ether.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/bpf_defs.h"
#include "ringcap/error.h"
#include "ringcap/linktype.h"

/* A header field the kernel offers as ancillary data. */
struct field {
	uint32_t k;
	uint16_t size; /* BPF_W, BPF_H, BPF_B */
	uint32_t ad;   /* SKF_AD_* */
};

struct cooked_hdr {
	uint32_t len;
	struct field fields[3];
	size_t nfields;
};

/* LINKTYPE_LINUX_SLL2: +0 protocol (BE16) +4 ifindex (BE32) +10 packet type */
static const struct cooked_hdr sll2 = {
	20,
	{ { 0, BPF_H, SKF_AD_PROTOCOL }, { 4, BPF_W, SKF_AD_IFINDEX }, { 10, BPF_B, SKF_AD_PKTTYPE } },
	3,
};
/* LINKTYPE_LINUX_SLL: +0 packet type (BE16) +14 protocol (BE16) */
static const struct cooked_hdr sll1 = {
	16,
	{ { 0, BPF_H, SKF_AD_PKTTYPE }, { 14, BPF_H, SKF_AD_PROTOCOL } },
	2,
};

/* Ancillary loads ringcap's VM gives the kernel's value for (vm.c). */
static int anc_same_in_vm(uint32_t k)
{
	if (!rc__bpf_is_anc(k))
		return 0;
	switch (k - RC__BPF_AD_BASE) {
	case SKF_AD_PROTOCOL:
	case SKF_AD_PKTTYPE:
	case SKF_AD_IFINDEX:
	case SKF_AD_VLAN_TAG:
	case SKF_AD_VLAN_TAG_PRESENT:
	case SKF_AD_VLAN_TPID:
	case SKF_AD_ALU_XOR_X:
		return 1;
	default:
		return 0;
	}
}

/* What the translated program is for. */
struct target {
	const struct cooked_hdr *h;
	int fanout; /* PACKET_FANOUT_DATA, else SO_ATTACH_FILTER */
};

/* k of a packet load (ld abs) that starts inside the header, or fail. */
static int header_load(const struct cooked_hdr *h, const rc_bpf_insn *in, uint32_t *k)
{
	for (size_t f = 0; f < h->nfields; f++)
		if (h->fields[f].k == in->k && h->fields[f].size == BPF_SIZE(in->code)) {
			*k = RC__BPF_AD_BASE + h->fields[f].ad;
			return 1;
		}
	return 0;
}

/*
 * Offset k >= the header length, as the target's program loads it: from
 * the data start (the socket filter's network header), or relative to the
 * network header (fanout).  Fails (0) past SKF_NET_OFF's reach, which ends
 * where the extensions' offsets begin.
 */
static int data_offset(const struct target *t, uint32_t k, uint32_t *out)
{
	uint32_t off = k - t->h->len;
	if (!t->fanout) {
		*out = off;
		return 1;
	}
	if (off >= (uint32_t)(SKF_AD_OFF - SKF_NET_OFF))
		return 0;
	*out = (uint32_t)SKF_NET_OFF + off;
	return 1;
}

/*
 * Instruction pc of prog rewritten into out[0..n): returns n (1 or 2), or
 * 0 with why filled.  Jump offsets are fixed by the caller.
 */
static size_t rewrite(const struct target *t, const rc_bpf_insn *in, size_t pc,
		      rc_bpf_insn out[2], char *why)
{
	/* Offsets at or above 2^31 are the kernel's negative ones
	 * (SKF_NET_OFF, SKF_LL_OFF, SKF_AD_OFF). */
	const uint32_t neg = 0x80000000u;
	const struct cooked_hdr *h = t->h;
	uint16_t code = in->code;
	out[0] = *in;
	switch (BPF_CLASS(code)) {
	case BPF_LD:
		if (BPF_MODE(code) == BPF_ABS) {
			if (in->k >= neg && (t->fanout || anc_same_in_vm(in->k)))
				return 1;
			if (in->k >= h->len && in->k < neg && data_offset(t, in->k, &out[0].k))
				return 1;
			if (in->k < h->len && header_load(h, in, &out[0].k))
				return 1;
			if (in->k < h->len)
				snprintf(why, RC_ERRBUF_SIZE, "instruction %zu loads cooked header "
					 "byte %u, which the kernel's filter does not see", pc, in->k);
			else if (in->k < neg)
				snprintf(why, RC_ERRBUF_SIZE, "instruction %zu loads at %u, past "
					 "what the kernel can address", pc, in->k);
			else
				snprintf(why, RC_ERRBUF_SIZE, "instruction %zu loads at %#x, a kernel "
					 "extension ringcap's VM does not compute", pc, in->k);
			return 0;
		}
		if (BPF_MODE(code) == BPF_IND)
			break;
		if (BPF_MODE(code) == BPF_LEN && !t->fanout) {
			out[1] = (rc_bpf_insn){ BPF_ALU | BPF_ADD | BPF_K, 0, 0, h->len };
			return 2;
		}
		if (BPF_MODE(code) == BPF_LEN) {
			snprintf(why, RC_ERRBUF_SIZE, "instruction %zu, ld len: the kernel's length "
				 "lacks the cooked header and has the link-layer one of sent packets", pc);
			return 0;
		}
		return 1; /* imm, mem */
	case BPF_LDX:
		if (BPF_MODE(code) == BPF_MSH)
			break;
		if (BPF_MODE(code) == BPF_LEN) {
			snprintf(why, RC_ERRBUF_SIZE, "instruction %zu, ldx len: the kernel's "
				 "length lacks the cooked header", pc);
			return 0;
		}
		return 1;
	case BPF_RET:
		if (t->fanout)
			return 1; /* a member index */
		if (BPF_RVAL(code) == BPF_K && (in->k == 0 || in->k > h->len)) {
			out[0].k = in->k ? in->k - h->len : 0;
			return 1;
		}
		snprintf(why, RC_ERRBUF_SIZE, "instruction %zu returns %s, a length the kernel "
			 "would apply without the cooked header", pc,
			 BPF_RVAL(code) == BPF_K ? "a length inside the header" : "A");
		return 0;
	default:
		return 1;
	}
	/* X + k (ld ind, ldxb msh) */
	if (in->k >= h->len && in->k < neg && data_offset(t, in->k, &out[0].k))
		return 1;
	snprintf(why, RC_ERRBUF_SIZE, "instruction %zu loads at X + %u, which may be a cooked "
		 "header byte", pc, in->k);
	return 0;
}

/* Offset from out[from] + 1 to out[to], or -1 past a conditional jump's 8 bits. */
static long jump_off(const size_t *pos, size_t from, size_t to, int cond)
{
	long off = (long)pos[to] - (long)pos[from] - 1;
	return cond && off > 255 ? -1 : off;
}

static int translate(const rc_bpf_insn *prog, size_t len, int linktype, int fanout,
		     rc_bpf_insn **out, size_t *out_len, char *why)
{
	const struct cooked_hdr *h = linktype == RC_LINKTYPE_LINUX_SLL2  ? &sll2
				     : linktype == RC_LINKTYPE_LINUX_SLL ? &sll1
									 : NULL;
	if (!h) {
		snprintf(why, RC_ERRBUF_SIZE, "link type %d has no cooked header", linktype);
		return 0;
	}
	const struct target t = { h, fanout };
	static const rc_bpf_insn tags[] = {
		{ BPF_LD | BPF_W | BPF_ABS, 0, 0, RC__BPF_AD_BASE + SKF_AD_VLAN_TAG_PRESENT },
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 0 },
		{ BPF_LD | BPF_H | BPF_ABS, 0, 0, RC__BPF_AD_BASE + SKF_AD_PROTOCOL },
		{ BPF_JMP | BPF_JEQ | BPF_K, 1, 0, ETH_P_8021Q },
		{ BPF_JMP | BPF_JEQ | BPF_K, 0, 1, ETH_P_8021AD },
		{ BPF_RET | BPF_K, 0, 0, UINT32_MAX },
	};
	const size_t pre = fanout ? 0 : sizeof(tags) / sizeof(tags[0]);
	/* Each instruction becomes at most two; pos[len] is the end. */
	rc_bpf_insn *p = malloc((pre + 2 * len) * sizeof(*p));
	size_t *pos = malloc((len + 1) * sizeof(*pos));
	if (!p || !pos) {
		free(p);
		free(pos);
		return RC_ENOMEM;
	}
	size_t n = pre;
	for (size_t i = 0; i < len; i++) {
		pos[i] = n;
		size_t m = rewrite(&t, &prog[i], i, &p[n], why);
		if (m == 0)
			goto fail;
		n += m;
	}
	pos[len] = n;
	if (n > RC_BPF_MAXINSNS) {
		snprintf(why, RC_ERRBUF_SIZE, "%zu instructions once translated, over the kernel's "
			 "%d", n, RC_BPF_MAXINSNS);
		goto fail;
	}
	/* Jumps only go forward (validated) and land on an instruction's first. */
	for (size_t i = 0; i < len; i++) {
		rc_bpf_insn *j = &p[pos[i]];
		if (BPF_CLASS(j->code) != BPF_JMP)
			continue;
		if (!rc__bpf_is_cond_jump(j->code)) {
			j->k = (uint32_t)jump_off(pos, i, i + 1 + prog[i].k, 0);
			continue;
		}
		long jt = jump_off(pos, i, i + 1 + prog[i].jt, 1);
		long jf = jump_off(pos, i, i + 1 + prog[i].jf, 1);
		if (jt < 0 || jf < 0) {
			snprintf(why, RC_ERRBUF_SIZE, "instruction %zu: its jump is longer than 255 "
				 "once translated", i);
			goto fail;
		}
		j->jt = (uint8_t)jt;
		j->jf = (uint8_t)jf;
	}
	memcpy(p, tags, pre * sizeof(*p));
	free(pos);
	*out = p;
	*out_len = n;
	return 1;
fail:
	free(p);
	free(pos);
	return 0;
}

int rc__cooked_filter(const rc_bpf_insn *prog, size_t len, int linktype, rc_bpf_insn **out,
		      size_t *out_len, char *why)
{
	return translate(prog, len, linktype, 0, out, out_len, why);
}

int rc__cooked_fanout(const rc_bpf_insn *prog, size_t len, int linktype, rc_bpf_insn **out,
		      size_t *out_len, char *why)
{
	return translate(prog, len, linktype, 1, out, out_len, why);
}

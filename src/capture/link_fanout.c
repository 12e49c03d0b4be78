/*
 * link_fanout.c - a fanout program for a link-layer (SOCK_RAW) handle.
 *
 * The group's program runs in packet_rcv_fanout (net/packet/af_packet.c),
 * before packet_rcv pushes a SOCK_RAW socket's view back to the link-layer
 * header: a received packet starts at the network header there (the
 * driver's eth_type_trans pulled the Ethernet header), a sent one
 * (dev_queue_xmit_nit) at the link-layer header.  The same `ldh [12]`
 * would read the EtherType of sent frames and bytes 12-13 of the IP header
 * of received ones.  Loads relative to the link-layer header (SKF_LL_OFF +
 * k: bpf_internal_load_pointer_neg_helper, from skb_mac_header) read the
 * frame the program was written for in both directions, also on devices
 * without a link-layer header (tun, ipip), where the mac header is the
 * network header.  `ld len` / `ldx len` have no translation: the kernel's
 * length lacks the link-layer header of received packets only.  Loads at
 * the kernel's negative offsets (extensions, SKF_NET_OFF, SKF_LL_OFF) and
 * returns (a member index) stay.  A VLAN tag the device stripped
 * (rx/txvlan offload) is not in the kernel's data: the program sees such a
 * frame as delivered without vlan_reinsert.
 */
#include "capture/link_fanout.h"

#include <linux/filter.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ringcap/error.h"

/* SKF_LL_OFF reaches 1 MiB: SKF_NET_OFF's range starts there. */
#define LL_REACH ((uint32_t)(SKF_NET_OFF - SKF_LL_OFF))

int rc__link_fanout(const rc_bpf_insn *prog, size_t len, rc_bpf_insn **out, char *why)
{
	rc_bpf_insn *p = malloc(len * sizeof(*p));
	if (!p)
		return RC_ENOMEM;
	memcpy(p, prog, len * sizeof(*p));
	for (size_t i = 0; i < len; i++) {
		uint16_t code = p[i].code;
		uint16_t cls = BPF_CLASS(code), mode = BPF_MODE(code);
		int load = (cls == BPF_LD && (mode == BPF_ABS || mode == BPF_IND)) ||
			   (cls == BPF_LDX && mode == BPF_MSH);
		if ((cls == BPF_LD || cls == BPF_LDX) && mode == BPF_LEN) {
			snprintf(why, RC_ERRBUF_SIZE, "instruction %zu, %s len: the kernel's length "
				 "lacks the link-layer header of received packets", i,
				 cls == BPF_LD ? "ld" : "ldx");
			goto fail;
		}
		/* Offsets at or above 2^31 are the kernel's negative ones. */
		if (!load || p[i].k >= 0x80000000u)
			continue;
		if (p[i].k >= LL_REACH) {
			snprintf(why, RC_ERRBUF_SIZE, "instruction %zu loads at %u, past what the "
				 "kernel can address", i, p[i].k);
			goto fail;
		}
		/* An indexed load adds X, which keeps it inside SKF_LL_OFF's
		 * range for any X the frame can need (under 1 MiB). */
		p[i].k = (uint32_t)SKF_LL_OFF + p[i].k;
	}
	*out = p;
	return 1;
fail:
	free(p);
	return 0;
}

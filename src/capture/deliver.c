/*
 * deliver.c - from what the kernel wrote to the rc_packet the caller sees.
 *
 * Order matters:
 *   1. direction option: "out" is user space only; "in" is checked here
 *      too, which discards nothing where the kernel took PACKET_IGNORE_OUTGOING
 *      (Linux 4.20) and every outgoing packet where it did not.  And,
 *      whatever the option, an outgoing packet on a loopback device
 *      (sll_hatype ARPHRD_LOOPBACK) is discarded: it comes back as an
 *      incoming one, and libpcap drops the outgoing copy "as we'll see
 *      the packet as an incoming packet as well" (pcap-linux.c,
 *      linux_check_direction).  A loopback handle asked the kernel for
 *      PACKET_IGNORE_OUTGOING (capture.c), so this matters on "any" and
 *      on kernels before 4.20.  Counted as a direction discard: the
 *      kernel counted the packet as received;
 *   2. the user-space run of the filter, on the bytes the kernel's filter
 *      saw (untagged frame, VLAN in metadata) for raw sockets, so that it
 *      decides exactly as the kernel would have;
 *   3. VLAN reinsertion, in place, into the headroom:
 *
 *        before:      [ headroom ][ dst 6 | src 6 | type 2 | payload ...]
 *                                 ^mac
 *        after:  [..][ dst 6 | src 6 | TPID 2 | TCI 2 | type 2 | payload ...]
 *                    ^mac - 4
 *
 *   4. cooked sockets: the SLL2 (or SLL) header written in front of the
 *      network-layer data, again into the headroom;
 *        LINKTYPE_LINUX_SLL2 (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html):
 *          +0 protocol (BE16)  +2 reserved  +4 ifindex (BE32)
 *          +8 ARPHRD type (BE16)  +10 packet type  +11 address length
 *          +12 address (8 bytes, zero padded)
 *        LINKTYPE_LINUX_SLL: +0 packet type (BE16) +2 ARPHRD (BE16)
 *          +4 address length (BE16) +6 address (8) +14 protocol (BE16)
 *      With a VLAN tag the protocol field holds the TPID and TCI + real
 *      protocol precede the payload, as libpcap writes it;
 *   5. snap length, flags, time stamp precision, counters: rc__packet_fill
 *      (capture_int.h), which is all the ring readers' plain path does.
 *   In cooked mode the filter (step 2) runs after step 4 instead: the
 *   program was compiled for the SLL2 header.  The kernel runs a
 *   translation of it (cooked_filter.c) except on packets with a VLAN
 *   tag (in metadata, or still in the data: skb->protocol a TPID), which
 *   it accepts for this run to decide.
 */
#include "capture/capture_int.h"

#include <arpa/inet.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <string.h>

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	put_be16(p, (uint16_t)(v >> 16));
	put_be16(p + 2, (uint16_t)v);
}

/*
 * The kernel's eth_type_vlan on skb->protocol: a tag still in the data of
 * an outgoing packet, which kernels before af_packet's "Handle outgoing
 * VLAN packets without hardware offloading" do not mark
 * TP_STATUS_VLAN_VALID (cooked_filter.c).
 */
static int tpid_proto(const struct rc__frame *f)
{
	return f->sll->sll_protocol == htons(ETH_P_8021Q) ||
	       f->sll->sll_protocol == htons(ETH_P_8021AD);
}

/* Run the user filter; returns the accepted length (0 = reject). */
static uint32_t run_filter(const rc_capture *c, const uint8_t *pkt, uint32_t caplen,
			   uint32_t len, const struct rc__frame *f, int vlan_valid)
{
	rc_bpf_input in = {
		.pkt = pkt,
		.caplen = caplen,
		.wirelen = len,
		.ifindex = (uint32_t)f->sll->sll_ifindex,
		/* SKF_AD_PROTOCOL gives ntohs(skb->protocol): 0x0800 for IPv4. */
		.protocol = ntohs(f->sll->sll_protocol),
		.pkttype = f->sll->sll_pkttype,
		.vlan_tci = vlan_valid ? f->vlan_tci : 0,
		.vlan_present = (uint8_t)(vlan_valid != 0),
		.vlan_tpid = vlan_valid ? f->vlan_tpid : 0,
	};
	return rc_bpf_run(c->filter, c->filter_len, &in);
}

int rc__capture_deliver(rc_capture *c, const struct rc__frame *f, rc_packet *p)
{
	uint8_t pkttype = f->sll->sll_pkttype;
	int outgoing = pkttype == PACKET_OUTGOING;

	if ((outgoing && f->sll->sll_hatype == ARPHRD_LOOPBACK) ||
	    (c->opts.direction == RC_CAPTURE_OUT && !outgoing) ||
	    (c->opts.direction == RC_CAPTURE_IN && outgoing)) {
		rc__count_add(&c->dir_discarded, 1);
		return 0;
	}

	uint8_t *data = f->mac;
	uint32_t caplen = f->caplen, len = f->len;
	int vlan_valid = (f->status & TP_STATUS_VLAN_VALID) != 0;
	uint16_t tpid = (f->status & TP_STATUS_VLAN_TPID_VALID) && f->vlan_tpid ? f->vlan_tpid
										 : ETH_P_8021Q;
	int recheck = c->filter && (c->filter_user_always || c->recheck_slots > 0 ||
				    (c->filter_user_tagged && (vlan_valid || tpid_proto(f))));

	if (recheck && !c->sock_cooked) {
		uint32_t keep = run_filter(c, data, caplen, len, f, vlan_valid);
		if (keep == 0) {
			rc__count_add(&c->filter_discarded, 1);
			return 0;
		}
		if (keep < caplen)
			caplen = keep;
	}

	uint32_t flags = 0;
	int tag_in_data = 0;
	if (vlan_valid && c->opts.vlan_reinsert) {
		if (!c->sock_cooked && c->linktype == RC_LINKTYPE_ETHERNET && caplen >= 12) {
			memmove(data - RC__VLAN_LEN, data, 12);
			data -= RC__VLAN_LEN;
			put_be16(data + 12, tpid);
			put_be16(data + 14, f->vlan_tci);
			caplen += RC__VLAN_LEN;
			len += RC__VLAN_LEN;
			tag_in_data = 1;
		} else if (c->sock_cooked) {
			data -= RC__VLAN_LEN;
			put_be16(data, f->vlan_tci);
			memcpy(data + 2, &f->sll->sll_protocol, 2);
			caplen += RC__VLAN_LEN;
			len += RC__VLAN_LEN;
			tag_in_data = 1;
		}
	}

	if (c->sock_cooked) {
		uint16_t proto = tag_in_data ? tpid : ntohs(f->sll->sll_protocol);
		uint8_t alen = f->sll->sll_halen > 8 ? 8 : f->sll->sll_halen;
		if (c->sll_v1) {
			data -= RC__SLL_LEN;
			memset(data, 0, RC__SLL_LEN);
			put_be16(data, pkttype);
			put_be16(data + 2, f->sll->sll_hatype);
			put_be16(data + 4, f->sll->sll_halen);
			memcpy(data + 6, f->sll->sll_addr, alen);
			put_be16(data + 14, proto);
			caplen += RC__SLL_LEN;
			len += RC__SLL_LEN;
		} else {
			data -= RC__SLL2_LEN;
			memset(data, 0, RC__SLL2_LEN);
			put_be16(data, proto);
			put_be32(data + 4, (uint32_t)f->sll->sll_ifindex);
			put_be16(data + 8, f->sll->sll_hatype);
			data[10] = pkttype;
			data[11] = f->sll->sll_halen;
			memcpy(data + 12, f->sll->sll_addr, alen);
			caplen += RC__SLL2_LEN;
			len += RC__SLL2_LEN;
		}
		if (recheck) {
			uint32_t keep = run_filter(c, data, caplen, len, f, vlan_valid);
			if (keep == 0) {
				rc__count_add(&c->filter_discarded, 1);
				return 0;
			}
			if (keep < caplen)
				caplen = keep;
		}
	}

	if (vlan_valid && !tag_in_data) {
		flags |= RC_PKT_VLAN;
		p->vlan_tci = f->vlan_tci;
		p->vlan_tpid = tpid;
	} else {
		p->vlan_tci = 0;
		p->vlan_tpid = 0;
	}
	struct rc__fill k;
	rc__fill_init(&k, c);
	rc__packet_fill(&k, f, p, data, caplen, len, flags);
	return 1;
}

uint32_t rc__capture_max_data(const rc_capture *c)
{
	/* Device MTU plus the largest link header we expect (Ethernet 14 +
	 * a second VLAN tag 4, rounded up); "any" and loopback can carry
	 * 64 KiB. GSO packets larger than the slot are truncated, as in libpcap. */
	uint64_t want = (uint64_t)c->mtu + 32;
	if (want > 65535 + 32)
		want = 65535 + 32;
	if (want > c->snaplen)
		want = c->snaplen;
	return (uint32_t)want;
}

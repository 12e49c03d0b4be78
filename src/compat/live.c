/*
 * live.c - live handles: pcap_activate() and the read, filter, stats and
 * inject operations of a pcap_t made by pcap_create(), on ringcap's
 * rc_capture (include/ringcap/capture.h).
 *
 * Mapping of libpcap's options (pcap_create(3PCAP), pcap-linux.c):
 *   snaplen        <= 0 or > 262144 means 262144
 *   timeout_ms     > 0: a read returns after that long without packets
 *                  (and the ring's block timeout is at most that); 0: wait
 *                  forever, as libpcap on Linux does
 *   immediate      rc_capture_set_immediate
 *   buffer_size    ring size, at least 256 KiB: ringcap's smallest ring
 *                  (capture.h: two blocks of at most 128 KiB, as a
 *                  TPACKET_V2 frame is at most 64 KiB plus headers) -
 *                  libpcap takes any size without a word, where
 *                  rc_capture would raise it with a warning;
 *                  pcap_bufsize() reports the ring size in use
 *   promisc        rc_capture_set_promisc; ignored on "any", as libpcap 1.10 does
 *   rfmon          PCAP_ERROR_RFMON_NOTSUP (monitor mode is not offered)
 *   nonblock       read timeout 0
 *   direction      PCAP_D_IN also sets PACKET_IGNORE_OUTGOING, as libpcap;
 *                  both directions are also applied in user space from the
 *                  packet's direction (libpcap's check of sll_pkttype ==
 *                  PACKET_OUTGOING), for older kernels and PCAP_D_OUT, so
 *                  pcap_setdirection() works after activation too
 *
 *   cooked header  "any" gets LINUX_SLL (16 bytes) as in libpcap 1.10, and
 *                  pcap_set_datalink() switches it to LINUX_SLL2 and back
 *                  (rc_capture_set_cooked_header), also after activation;
 *                  other cooked devices get LINUX_SLL only, as in libpcap
 *
 * Reading: rc_capture_next_batch() fills up to RC__PCAP_BATCH descriptors
 * (never more than one ring block); pcap_dispatch() hands out that batch.
 * If the caller stops early (count reached, pcap_breakloop() from the
 * callback) the rest stays in p->batch for the next read, so nothing is
 * lost, as libpcap keeps its place inside a ring block.  The data stays
 * valid meanwhile because no other rc_capture read call happens, and
 * rc_capture_set_filter() keeps the last batch valid.
 *
 * Once the last packet of a batch was handed out, its slots go back to the
 * kernel at once (rc_capture_release), not at the next read: libpcap gives
 * a block back as soon as its last packet was processed, so poll() on
 * pcap_get_selectable_fd() reports "not readable" until new packets come,
 * and a program that polls before each pcap_dispatch() would otherwise wake
 * up at once and then wait a whole timeout for nothing.  A callback sees
 * its data only during the call, so pcap_dispatch()/pcap_loop() release at
 * their end; pcap_next()/pcap_next_ex() hand out the last packet of a
 * batch from a copy in p->oneshot (libpcap copies every packet there,
 * pcap-linux.c pcap_oneshot_linux), the others from the ring, still held.
 *
 * Breaking: p->break_loop is the one break flag, as in libpcap: set by
 * pcap_breakloop(), cleared when a read returns PCAP_ERROR_BREAK for it.
 * pcap_breakloop() also calls rc_capture_breakloop(), only to wake a read
 * blocked in rc_capture; its RC_EBREAK is taken as that wake-up and
 * p->break_loop decides.  A break consumed between packets of a batch
 * leaves rc_capture's flag set: the next rc_capture read returns RC_EBREAK
 * with p->break_loop clear and is simply made again (rc__live_fill).
 */
#include <errno.h>
#include <limits.h>
#include <linux/if_packet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "compat/pcap_int.h"
#include "ringcap/capture.h"

/* The smallest ring rc_capture sets up without raising it (see the
 * buffer_size mapping above). */
#define RC__LIVE_MIN_RING (256u << 10)

/* Status of a failed rc_capture call as a PCAP_ERROR_* with its message. */
static int rc__live_fail(pcap_t *p, int rc)
{
	rc__pcap_err(p, PCAP_ERROR, "%s", rc_capture_error(p->cap));
	return rc__pcap_status(rc);
}

/* The read timeout rc_capture should use for p's settings. */
static int rc__live_read_timeout(const pcap_t *p)
{
	if (p->opt.nonblock)
		return 0;
	return p->opt.timeout_ms > 0 ? p->opt.timeout_ms : -1;
}

static int rc__live_configure(pcap_t *p)
{
	rc_capture *c = p->cap;
	int snaplen = p->opt.snaplen, rc;
	int any = strcmp(p->device, "any") == 0;

	if (snaplen <= 0 || snaplen > RC__PCAP_MAX_SNAPLEN)
		snaplen = RC__PCAP_MAX_SNAPLEN;
	if ((rc = rc_capture_set_snaplen(c, (uint32_t)snaplen)) < 0)
		return rc;
	if (p->opt.buffer_bytes > 0) {
		uint64_t bytes = (uint64_t)p->opt.buffer_bytes;
		if (bytes < RC__LIVE_MIN_RING)
			bytes = RC__LIVE_MIN_RING;
		if ((rc = rc_capture_set_ring_size(c, bytes)) < 0)
			return rc;
	}
	/* libpcap 1.10's header on "any" and other cooked devices; raw ones
	 * ignore it. */
	if ((rc = rc_capture_set_cooked_header(c, RC_LINKTYPE_LINUX_SLL)) < 0)
		return rc;
	if (p->opt.timeout_ms > 0 && (uint32_t)p->opt.timeout_ms < RC_CAPTURE_DEFAULT_BLOCK_TIMEOUT_MS &&
	    (rc = rc_capture_set_block_timeout(c, (uint32_t)p->opt.timeout_ms)) < 0)
		return rc;
	if ((rc = rc_capture_set_timeout(c, rc__live_read_timeout(p))) < 0)
		return rc;
	if (p->opt.immediate && (rc = rc_capture_set_immediate(c, 1)) < 0)
		return rc;
	/* libpcap 1.10 ignores promiscuous mode on "any" without a warning. */
	if (p->opt.promisc && !any && (rc = rc_capture_set_promisc(c, 1)) < 0)
		return rc;
	if ((rc = rc_capture_set_tstamp_precision(c, p->opt.tstamp_precision ==
							     PCAP_TSTAMP_PRECISION_NANO
						     ? RC_TSTAMP_NANO : RC_TSTAMP_MICRO)) < 0)
		return rc;
	if (p->opt.protocol > 0 && p->opt.protocol <= 0xffff &&
	    (rc = rc_capture_set_protocol(c, (uint16_t)p->opt.protocol)) < 0)
		return rc;
	return 0;
}

int rc__pcap_live_activate(pcap_t *p)
{
	char err[RC_ERRBUF_SIZE];
	uint64_t ring;
	int rc;

	if (p->opt.rfmon)
		return rc__pcap_err(p, PCAP_ERROR_RFMON_NOTSUP,
				    "%s: monitor mode is not supported by ringcap", p->device);
	if (!p->batch) {
		p->batch = calloc(RC__PCAP_BATCH, sizeof(*p->batch));
		if (!p->batch)
			return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
	}
	rc = rc_capture_create(&p->cap, p->device, err);
	if (rc < 0)
		return rc__pcap_err(p, rc == RC_EINVAL ? PCAP_ERROR_NO_SUCH_DEVICE : PCAP_ERROR, "%s", err);
	rc = rc__live_configure(p);
	if (rc >= 0)
		rc = rc_capture_activate(p->cap);
	if (rc < 0) {
		/* Not activated: the caller may change options and retry. */
		rc = rc__live_fail(p, rc);
		rc_capture_close(p->cap);
		p->cap = NULL;
		return rc;
	}
	p->linktype = rc__linktype_to_dlt(rc_capture_linktype(p->cap));
	p->linktype_ext = 0;
	p->snapshot = (int)rc_capture_snaplen(p->cap);
	/* Room for the largest packet: caplen never exceeds the snap length
	 * (the cooked header included).  Pages never touched cost nothing. */
	p->oneshot = malloc((size_t)p->snapshot);
	if (!p->oneshot) {
		rc_capture_close(p->cap);
		p->cap = NULL;
		return rc__pcap_err(p, PCAP_ERROR, "malloc: %s", strerror(ENOMEM));
	}
	ring = rc_capture_ring_size(p->cap);
	p->bufsize = ring > INT_MAX ? INT_MAX : (int)ring;
	p->tstamp_precision = p->opt.tstamp_precision;
	p->batch_n = p->batch_i = 0;
	p->activated = 1;
	if (rc_capture_warning(p->cap)[0])
		return rc__pcap_err(p, PCAP_WARNING, "%s", rc_capture_warning(p->cap));
	return 0;
}

static int rc__live_wanted(const pcap_t *p, const rc_packet *pkt)
{
	switch (p->direction) {
	case PCAP_D_IN: return pkt->direction != RC_DIR_OUT;
	case PCAP_D_OUT: return pkt->direction == RC_DIR_OUT;
	default: return 1;
	}
}

/* A pending pcap_breakloop(): clear it and say so (1), else 0. */
static int rc__live_take_break(pcap_t *p)
{
	if (!p->break_loop)
		return 0;
	p->break_loop = 0;
	return 1;
}

/*
 * Make sure p->batch has a packet to hand out: 1, 0 (timeout or nothing
 * ready), PCAP_ERROR_BREAK, PCAP_ERROR.
 */
static int rc__live_fill(pcap_t *p)
{
	int n;

	if (p->batch_i < p->batch_n)
		return 1;
	p->batch_n = p->batch_i = 0;
	do {
		if (rc__live_take_break(p))
			return PCAP_ERROR_BREAK;
		n = rc_capture_next_batch(p->cap, p->batch, RC__PCAP_BATCH);
	} while (n == RC_EBREAK); /* a wake-up: p->break_loop decides */
	if (n < 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s", rc_capture_error(p->cap));
	p->batch_n = (size_t)n;
	return n > 0;
}

/*
 * 1 if every packet of the batch that is still to be handed out is one
 * rc__live_wanted() skips (or there is none): the batch is then done, and
 * its slots may go back to the kernel.  Skips those packets.
 */
static int rc__live_batch_done(pcap_t *p)
{
	while (p->batch_i < p->batch_n && !rc__live_wanted(p, &p->batch[p->batch_i]))
		p->batch_i++;
	return p->batch_i == p->batch_n;
}

/* Give a finished batch's slots back (see the comment at the top); at the
 * end of a read call, and when a new filter dropped the rest. */
static void rc__live_release_if_done(pcap_t *p)
{
	if (rc__live_batch_done(p))
		rc_capture_release(p->cap);
}

static int rc__live_read(pcap_t *p, int cnt, pcap_handler cb, u_char *user)
{
	struct pcap_pkthdr h;
	int n = 0, rc;

	if (rc__live_take_break(p))
		return PCAP_ERROR_BREAK;
	rc = rc__live_fill(p);
	if (rc <= 0)
		return rc;
	while (p->batch_i < p->batch_n) {
		const rc_packet *pkt = &p->batch[p->batch_i++];
		if (!rc__live_wanted(p, pkt))
			continue;
		rc__pcap_fill_hdr(p, pkt, &h);
		cb(user, &h, pkt->data);
		n++;
		/* As libpcap on Linux: -2 even after packets were delivered. */
		if (rc__live_take_break(p)) {
			rc__live_release_if_done(p);
			return PCAP_ERROR_BREAK;
		}
		if (cnt > 0 && n >= cnt)
			break;
	}
	rc__live_release_if_done(p);
	return n;
}

static int rc__live_next(pcap_t *p, struct pcap_pkthdr *h, const u_char **data)
{
	for (;;) {
		const rc_packet *pkt;
		int rc;

		if (rc__live_take_break(p))
			return PCAP_ERROR_BREAK;
		rc = rc__live_fill(p);
		if (rc <= 0)
			return rc;
		pkt = &p->batch[p->batch_i++];
		if (!rc__live_wanted(p, pkt))
			continue;
		rc__pcap_fill_hdr(p, pkt, h);
		*data = pkt->data;
		if (rc__live_batch_done(p)) {
			/* The caller may keep the data until its next read:
			 * a copy, so that the slots can go back now. */
			memcpy(p->oneshot, pkt->data, pkt->caplen);
			*data = p->oneshot;
			rc_capture_release(p->cap);
		}
		return 1;
	}
}

/*
 * Drop pending packets the new program rejects.  rc_capture re-filters what
 * it has not handed out yet; the rest of the batch it returned last is ours
 * (still valid after rc_capture_set_filter) and is re-run here.  Those
 * packets were counted as received by rc_capture: they are counted as
 * filtered out here, for pcap_stats().
 */
static void rc__live_refilter_pending(pcap_t *p, const rc_bpf_insn *insns, size_t len)
{
	size_t out = p->batch_i;

	for (size_t i = p->batch_i; i < p->batch_n; i++) {
		const rc_packet *pkt = &p->batch[i];
		rc_bpf_input in = {
			.pkt = pkt->data,
			.caplen = pkt->caplen,
			.wirelen = pkt->len,
			.ifindex = pkt->ifindex,
			.pkttype = pkt->pkttype,
			.vlan_tci = pkt->vlan_tci,
			.vlan_present = (pkt->flags & RC_PKT_VLAN) != 0,
			.vlan_tpid = pkt->vlan_tpid,
		};
		if (len == 0 || rc_bpf_run(insns, len, &in) != 0)
			p->batch[out++] = *pkt;
		else
			p->pending_discarded++;
	}
	p->batch_n = out;
}

static int rc__live_setfilter(pcap_t *p, const rc_bpf_insn *insns, size_t len)
{
	int rc = rc_capture_set_filter(p->cap, insns, len);

	if (rc < 0)
		return rc__pcap_err(p, PCAP_ERROR, "%s", rc_capture_error(p->cap));
	rc__live_refilter_pending(p, insns, len);
	rc__live_release_if_done(p);
	return 0;
}

int rc__pcap_live_datalinks(const pcap_t *p, int dlts[2])
{
	/* libpcap 1.10 (pcap-linux.c setup_socket) lists both cooked headers
	 * for "any" only; a cooked device has LINUX_SLL alone, others their
	 * one link type (libpcap adds DOCSIS on Ethernet, ringcap does not). */
	dlts[0] = p->linktype;
	if (strcmp(p->device, "any") != 0 ||
	    (p->linktype != DLT_LINUX_SLL && p->linktype != DLT_LINUX_SLL2))
		return 1;
	dlts[0] = DLT_LINUX_SLL;
	dlts[1] = DLT_LINUX_SLL2;
	return 2;
}

int rc__pcap_live_set_datalink(pcap_t *p, int dlt)
{
	int rc = rc_capture_set_cooked_header(p->cap, rc__dlt_to_linktype(dlt));

	if (rc < 0)
		return rc__live_fail(p, rc);
	p->linktype = dlt;
	return 0;
}

static int rc__live_stats(pcap_t *p, struct pcap_stat *ps)
{
	rc_capture_stats st;
	int rc = rc_capture_stats_get(p->cap, &st);

	if (rc < 0)
		return rc__live_fail(p, rc);
	/* ps_recv / ps_drop are tp_packets / tp_drops summed since activation,
	 * exactly what libpcap reports on Linux; the fields are 32 bits and
	 * wrap like libpcap's.  Where ringcap had to run the filter in user
	 * space ("any", cooked), the kernel counted packets the filter then
	 * rejected: those are not "received by filter", nor are pending
	 * packets a new filter dropped (rc__live_refilter_pending). */
	ps->ps_recv = (u_int)(st.received - st.filter_discarded - p->pending_discarded);
	ps->ps_drop = (u_int)st.dropped;
	ps->ps_ifdrop = 0;
	return 0;
}

static int rc__live_inject(pcap_t *p, const void *buf, size_t size)
{
	int rc;

	if (strcmp(p->device, "any") == 0)
		return rc__pcap_err(p, PCAP_ERROR, "Sending packets isn't supported on the \"any\" device");
	rc = rc_capture_inject(p->cap, buf, size);
	if (rc < 0) {
		rc__live_fail(p, rc);
		return PCAP_ERROR;
	}
	return (int)size;
}

static int rc__live_setdirection(pcap_t *p, pcap_direction_t d)
{
	int ignore_outgoing = d == PCAP_D_IN;

	/* As libpcap: "in" also asks the kernel not to queue outgoing packets
	 * (PACKET_IGNORE_OUTGOING, Linux 4.20), so they are not counted in
	 * ps_recv either; the user-space check in rc__live_wanted() covers
	 * older kernels and "out". */
	if (setsockopt(rc_capture_fd(p->cap), SOL_PACKET, PACKET_IGNORE_OUTGOING,
		       &ignore_outgoing, sizeof(ignore_outgoing)) < 0 &&
	    errno != ENOPROTOOPT && errno != EINVAL)
		return rc__pcap_err(p, PCAP_ERROR, "%s: setsockopt PACKET_IGNORE_OUTGOING: %s",
				    p->device, strerror(errno));
	p->direction = d;
	return 0;
}

static int rc__live_setnonblock(pcap_t *p, int nonblock)
{
	int rc, was = p->opt.nonblock;

	p->opt.nonblock = nonblock;
	rc = rc_capture_set_timeout(p->cap, rc__live_read_timeout(p));
	if (rc < 0) {
		p->opt.nonblock = was;
		return rc__live_fail(p, rc);
	}
	return 0;
}

static int rc__live_fd(pcap_t *p)
{
	return p->cap ? rc_capture_fd(p->cap) : -1;
}

static void rc__live_breakloop(pcap_t *p)
{
	if (p->cap)
		rc_capture_breakloop(p->cap);
}

static void rc__live_cleanup(pcap_t *p)
{
	rc_capture_close(p->cap);
	p->cap = NULL;
	free(p->batch);
	p->batch = NULL;
	free(p->oneshot);
	p->oneshot = NULL;
}

const struct rc__pcap_ops rc__pcap_live_ops = {
	.read = rc__live_read,
	.next = rc__live_next,
	.setfilter = rc__live_setfilter,
	.stats = rc__live_stats,
	.inject = rc__live_inject,
	.setdirection = rc__live_setdirection,
	.setnonblock = rc__live_setnonblock,
	.selectable_fd = rc__live_fd,
	.breakloop = rc__live_breakloop,
	.cleanup = rc__live_cleanup,
};

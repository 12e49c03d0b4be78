/*
 * capture.c - handle life cycle: create, options, activate, close.
 *
 * activate, in order (each step undone on failure, in reverse):
 *   1. look the device up (index, ARPHRD type, MTU) with a throw-away
 *      socket, pick the link type (arphrd.h) and raw or cooked socket;
 *      check a hand-set ring geometry against snap length and MTU;
 *   2. eventfd for rc_capture_breakloop;
 *   3. for each candidate back-end (V3 -> V2 -> socket, or the forced one):
 *      socket(AF_PACKET, type, 0) - protocol 0, so nothing is queued
 *      before the ring exists - PACKET_VERSION, PACKET_RESERVE, time
 *      stamps, PACKET_IGNORE_OUTGOING (direction "in", loopback),
 *      PACKET_QDISC_BYPASS, the ring,
 *      bind(protocol, ifindex), SO_ERROR (interface down?), promiscuous
 *      membership, fanout.  A failure closes that socket and tries the
 *      next back-end, unless no back-end could do better: no privilege
 *      (RC_EPERM), no device or device down (RC_ENODEV, RC_ENETDOWN), a
 *      feature the device or kernel lacks (RC_ENOTSUP).
 * The options live in c->opts and are checked again as a whole here.
 */
#include "capture/capture_int.h"
#include "capture/cooked_filter.h"
#include "capture/link_fanout.h"
#include "capture/ring.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/ethtool.h>
#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/net_tstamp.h>
#include <linux/sockios.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "capture/arphrd.h"
#include "util/errmsg.h"

int rc_capture_create(rc_capture **out, const char *device, char *errbuf)
{
	if (!out)
		return rc__errf(errbuf, RC_EINVAL, "rc_capture_create: out is NULL");
	*out = NULL;
	if (device && strcmp(device, "any") == 0)
		device = NULL;
	if (device && (device[0] == '\0' || strlen(device) >= IFNAMSIZ))
		return rc__errf(errbuf, RC_EINVAL, "device name \"%.64s\" must be 1..%d characters",
				device, IFNAMSIZ - 1);
	rc_capture *c = calloc(1, sizeof(*c));
	if (!c)
		return rc__errf(errbuf, RC_ENOMEM, "out of memory for a capture handle");
	if (device)
		memcpy(c->device, device, strlen(device) + 1);
	c->fd = -1;
	c->efd = -1;
	c->opts.snaplen_bytes = RC_CAPTURE_DEFAULT_SNAPLEN;
	c->opts.ring_bytes = RC_CAPTURE_DEFAULT_RING_BYTES;
	c->opts.block_timeout_ms = RC_CAPTURE_DEFAULT_BLOCK_TIMEOUT_MS;
	c->opts.timeout_ms = RC_CAPTURE_DEFAULT_TIMEOUT_MS;
	c->opts.pause_us = RC_CAPTURE_DEFAULT_PAUSE_US;
	c->opts.vlan_reinsert = 1;
	c->opts.cooked_linktype = RC_LINKTYPE_LINUX_SLL2;
	c->opts.tstamp_precision = RC_TSTAMP_NANO; /* as the kernel stamps */
	atomic_init(&c->break_flag, 0);
	*out = c;
	return 0;
}

/* ---------------------------------------------------------------- options */

#define RC__SETTER_PROLOGUE(c)                                                            \
	do {                                                                              \
		if (!(c))                                                                 \
			return RC_EINVAL;                                                 \
		if ((c)->state != RC__CREATED)                                            \
			return rc__errf((c)->err, RC_ESTATE,                              \
					"%s: %s: options cannot change after activate",   \
					rc__capture_devname(c), __func__);                \
	} while (0)

int rc_capture_set_snaplen(rc_capture *c, uint32_t snaplen_bytes)
{
	RC__SETTER_PROLOGUE(c);
	if (snaplen_bytes > RC_CAPTURE_DEFAULT_SNAPLEN)
		return rc__errf(c->err, RC_EINVAL,
				"%s: snaplen %u out of range 1..%u (0 = default)",
				rc__capture_devname(c), snaplen_bytes, RC_CAPTURE_DEFAULT_SNAPLEN);
	c->opts.snaplen_bytes = snaplen_bytes ? snaplen_bytes : RC_CAPTURE_DEFAULT_SNAPLEN;
	return 0;
}

int rc_capture_set_ring_size(rc_capture *c, uint64_t ring_bytes)
{
	RC__SETTER_PROLOGUE(c);
	if (ring_bytes < (64u << 10) || ring_bytes > (64ull << 30))
		return rc__errf(c->err, RC_EINVAL,
				"%s: ring size %llu bytes out of range 64 KiB..64 GiB",
				rc__capture_devname(c), (unsigned long long)ring_bytes);
	c->opts.ring_bytes = ring_bytes;
	c->opts.ring_bytes_set = 1;
	return 0;
}

int rc_capture_set_ring_geometry(rc_capture *c, uint32_t block_size_bytes,
				 uint32_t frame_size_bytes, uint32_t block_count)
{
	RC__SETTER_PROLOGUE(c);
	long page = sysconf(_SC_PAGESIZE);
	if (!block_size_bytes && !frame_size_bytes && !block_count) {
		c->opts.block_size_bytes = c->opts.frame_size_bytes = c->opts.block_count = 0;
		return 0;
	}
	if (!block_size_bytes || block_size_bytes % (uint32_t)page || block_size_bytes > (1u << 30))
		return rc__errf(c->err, RC_EINVAL,
				"%s: block size %u must be a non-zero multiple of the page size (%ld), at most 1 GiB",
				rc__capture_devname(c), block_size_bytes, page);
	if (frame_size_bytes && (frame_size_bytes % TPACKET_ALIGNMENT ||
				 frame_size_bytes < RC__TPACKET3_HDRLEN + RC__HEADROOM + 16 ||
				 frame_size_bytes > block_size_bytes))
		return rc__errf(c->err, RC_EINVAL,
				"%s: frame size %u must be a multiple of %d in %u..%u (block size)",
				rc__capture_devname(c), frame_size_bytes, TPACKET_ALIGNMENT,
				(unsigned)(RC__TPACKET3_HDRLEN + RC__HEADROOM + 16), block_size_bytes);
	if (block_count < 1 || block_count > (1u << 20))
		return rc__errf(c->err, RC_EINVAL, "%s: block count %u out of range 1..%u",
				rc__capture_devname(c), block_count,
				1u << 20);
	c->opts.block_size_bytes = block_size_bytes;
	c->opts.frame_size_bytes = frame_size_bytes;
	c->opts.block_count = block_count;
	return 0;
}

int rc_capture_set_block_timeout(rc_capture *c, uint32_t timeout_ms)
{
	RC__SETTER_PROLOGUE(c);
	if (timeout_ms > 60000)
		return rc__errf(c->err, RC_EINVAL, "%s: block timeout %u ms out of range 0..60000",
				rc__capture_devname(c), timeout_ms);
	c->opts.block_timeout_ms = timeout_ms;
	return 0;
}

int rc_capture_set_timeout(rc_capture *c, int timeout_ms)
{
	/* Also allowed on an active handle: it only changes how reads wait. */
	if (!c)
		return RC_EINVAL;
	if (timeout_ms < -1)
		return rc__errf(c->err, RC_EINVAL,
				"%s: timeout %d ms invalid: -1 (forever), 0 (non-blocking) or > 0",
				rc__capture_devname(c), timeout_ms);
	c->opts.timeout_ms = timeout_ms;
	return 0;
}

static int check_bool(rc_capture *c, const char *what, int on)
{
	if (on != 0 && on != 1)
		return rc__errf(c->err, RC_EINVAL, "%s: %s: %d is not 0 or 1",
				rc__capture_devname(c), what, on);
	return 0;
}

int rc_capture_set_promisc(rc_capture *c, int on)
{
	RC__SETTER_PROLOGUE(c);
	if (check_bool(c, "promisc", on) < 0)
		return RC_EINVAL;
	c->opts.promisc = on;
	return 0;
}

int rc_capture_set_direction(rc_capture *c, int direction)
{
	RC__SETTER_PROLOGUE(c);
	if (direction < RC_CAPTURE_BOTH || direction > RC_CAPTURE_OUT)
		return rc__errf(c->err, RC_EINVAL, "%s: direction %d invalid: 0 both, 1 in, 2 out",
				rc__capture_devname(c), direction);
	c->opts.direction = direction;
	return 0;
}

int rc_capture_set_immediate(rc_capture *c, int on)
{
	RC__SETTER_PROLOGUE(c);
	if (check_bool(c, "immediate", on) < 0)
		return RC_EINVAL;
	c->opts.immediate = on;
	return 0;
}

int rc_capture_set_immediate_pause(rc_capture *c, uint32_t us)
{
	RC__SETTER_PROLOGUE(c);
	/* Over 1 ms the mode would no longer be immediate (issue 4's bound). */
	if (us > 1000)
		return rc__errf(c->err, RC_EINVAL, "%s: immediate pause %u us out of range 0..1000",
				rc__capture_devname(c), us);
	c->opts.pause_us = us;
	return 0;
}

int rc_capture_set_tstamp_precision(rc_capture *c, int precision)
{
	RC__SETTER_PROLOGUE(c);
	if (precision != RC_TSTAMP_MICRO && precision != RC_TSTAMP_NANO)
		return rc__errf(c->err, RC_EINVAL,
				"%s: time stamp precision %d invalid: 0 micro, 1 nano",
				rc__capture_devname(c), precision);
	c->opts.tstamp_precision = precision;
	return 0;
}

int rc_capture_set_tstamp_source(rc_capture *c, int source)
{
	RC__SETTER_PROLOGUE(c);
	if (source != RC_TSTAMP_SOFTWARE && source != RC_TSTAMP_HARDWARE)
		return rc__errf(c->err, RC_EINVAL,
				"%s: time stamp source %d invalid: 0 software, 1 hardware",
				rc__capture_devname(c), source);
	if (source == RC_TSTAMP_HARDWARE && !c->device[0])
		return rc__errf(c->err, RC_ENOTSUP, "%s: hardware time stamps not supported",
				rc__capture_devname(c));
	c->opts.tstamp_source = source;
	return 0;
}

int rc_capture_set_vlan_reinsert(rc_capture *c, int on)
{
	RC__SETTER_PROLOGUE(c);
	if (check_bool(c, "vlan_reinsert", on) < 0)
		return RC_EINVAL;
	c->opts.vlan_reinsert = on;
	return 0;
}

int rc_capture_set_cooked(rc_capture *c, int on)
{
	RC__SETTER_PROLOGUE(c);
	if (check_bool(c, "cooked", on) < 0)
		return RC_EINVAL;
	c->opts.cooked = on;
	return 0;
}

int rc_capture_set_cooked_header(rc_capture *c, int linktype)
{
	/* Not RC__SETTER_PROLOGUE: switching an active handle only changes
	 * the header deliver.c writes (step 4) and the link type reported,
	 * as libpcap's pcap_set_datalink does on "any". */
	if (!c)
		return RC_EINVAL;
	if (linktype != RC_LINKTYPE_LINUX_SLL && linktype != RC_LINKTYPE_LINUX_SLL2)
		return rc__errf(c->err, RC_EINVAL,
				"%s: cooked header link type %d invalid: %d LINUX_SLL or %d LINUX_SLL2",
				rc__capture_devname(c), linktype, RC_LINKTYPE_LINUX_SLL,
				RC_LINKTYPE_LINUX_SLL2);
	if (c->state == RC__ACTIVE) {
		if (c->linktype != RC_LINKTYPE_LINUX_SLL && c->linktype != RC_LINKTYPE_LINUX_SLL2)
			return rc__errf(c->err, RC_ENOTSUP,
					"%s: link type %d is not a cooked LINUX_SLL/LINUX_SLL2 capture",
					rc__capture_devname(c), c->linktype);
		c->linktype = linktype;
		c->sll_v1 = linktype == RC_LINKTYPE_LINUX_SLL;
	}
	c->opts.cooked_linktype = linktype;
	return 0;
}

int rc_capture_set_protocol(rc_capture *c, uint16_t ethertype)
{
	RC__SETTER_PROLOGUE(c);
	/* IEEE 802.3: a type/length field below 0x0600 is a frame length,
	 * never an EtherType (ETH_P_802_3_MIN).  Below 0x0100 the kernel has
	 * numbers of its own for frames without one (linux/if_ether.h, "Non
	 * DIX types": ETH_P_802_2 for LLC frames, ...), which libpcap's
	 * pcap_set_protocol_linux passes on too; ETH_P_ALL is all, as 0. */
	if (ethertype >= 0x0100 && ethertype < 0x0600)
		return rc__errf(c->err, RC_EINVAL,
				"%s: protocol 0x%04x is not an EtherType (0x0600..0xffff; below 0x0100 "
				"the kernel's own numbers; 0 = all)",
				rc__capture_devname(c), ethertype);
	c->opts.protocol = ethertype == ETH_P_ALL ? 0 : ethertype;
	return 0;
}

int rc_capture_set_fanout(rc_capture *c, uint16_t group_id, int mode, unsigned flags)
{
	RC__SETTER_PROLOGUE(c);
	if (mode < RC_FANOUT_HASH || mode > RC_FANOUT_CBPF)
		return rc__errf(c->err, RC_EINVAL, "%s: fanout mode %d invalid (0..%d)",
				rc__capture_devname(c), mode,
				RC_FANOUT_CBPF);
	if (flags & ~(unsigned)(RC_FANOUT_FLAG_DEFRAG | RC_FANOUT_FLAG_ROLLOVER))
		return rc__errf(c->err, RC_EINVAL, "%s: fanout flags 0x%x invalid",
				rc__capture_devname(c), flags);
	c->opts.fanout_on = 1;
	c->opts.fanout_group = group_id;
	c->opts.fanout_mode = mode;
	c->opts.fanout_flags = flags;
	return 0;
}

int rc_capture_set_fanout_program(rc_capture *c, const rc_bpf_insn *insns, size_t len)
{
	RC__SETTER_PROLOGUE(c);
	char msg[RC_ERRBUF_SIZE];
	if (!insns || rc_bpf_validate(insns, len, msg) < 0)
		return rc__errf(c->err, RC_EINVAL, "%s: fanout program invalid: %s",
				rc__capture_devname(c), insns ? msg : "no instructions");
	rc_bpf_insn *copy = malloc(len * sizeof(*copy));
	if (!copy)
		return rc__errf(c->err, RC_ENOMEM, "%s: out of memory for the fanout program",
				rc__capture_devname(c));
	memcpy(copy, insns, len * sizeof(*copy));
	free(c->opts.fanout_prog);
	c->opts.fanout_prog = copy;
	c->opts.fanout_prog_len = len;
	return 0;
}

int rc_capture_set_backend(rc_capture *c, int backend)
{
	RC__SETTER_PROLOGUE(c);
	if (backend < RC_BACKEND_AUTO || backend > RC_BACKEND_SOCKET)
		return rc__errf(c->err, RC_EINVAL,
				"%s: back-end %d invalid: 0 auto, 1 TPACKET_V3, 2 TPACKET_V2, 3 socket",
				rc__capture_devname(c), backend);
	c->opts.backend = backend;
	return 0;
}

int rc_capture_set_qdisc_bypass(rc_capture *c, int on)
{
	RC__SETTER_PROLOGUE(c);
	if (check_bool(c, "qdisc_bypass", on) < 0)
		return RC_EINVAL;
	c->opts.qdisc_bypass = on;
	return 0;
}

/* --------------------------------------------------------------- activate */

/* Index, hardware type and MTU of c->device (throw-away socket). */
static int lookup_device(rc_capture *c)
{
	if (!c->device[0]) {
		c->ifindex = 0;
		c->arphrd = 0;
		c->mtu = 65535;
		c->linktype = c->opts.cooked_linktype;
		c->sock_cooked = 1;
		c->sll_v1 = c->linktype == RC_LINKTYPE_LINUX_SLL;
		return 0;
	}
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return rc__errf(c->err, rc__from_errno(errno), "socket(AF_UNIX): %s",
				strerror(errno));
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, c->device, strlen(c->device) + 1);
	int st = 0;
	if (ioctl(s, SIOCGIFINDEX, &ifr) != 0) {
		int e = errno;
		st = e == ENODEV ? rc__errf(c->err, RC_ENODEV, "no such device: %s", c->device)
				 : rc__errf(c->err, rc__from_errno(e), "%s: SIOCGIFINDEX: %s",
					    c->device, strerror(e));
		goto out;
	}
	c->ifindex = ifr.ifr_ifindex;
	if (ioctl(s, SIOCGIFHWADDR, &ifr) != 0) {
		st = rc__errf(c->err, rc__from_errno(errno), "%s: SIOCGIFHWADDR: %s", c->device,
			      strerror(errno));
		goto out;
	}
	c->arphrd = ifr.ifr_hwaddr.sa_family;
	c->mtu = ioctl(s, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu > 0 ? (uint32_t)ifr.ifr_mtu : 65535;

	int cooked = RC__ARPHRD_RAW;
	int lt = rc__device_linktype(c->device, c->ifindex, c->arphrd, &cooked, c->err);
	if (lt < 0) {
		st = lt;
		goto out;
	}
	if (cooked != RC__ARPHRD_RAW || c->opts.cooked) {
		c->sock_cooked = 1;
		/* IrDA, LAPD and NETLINK are SLL-shaped link types of their own. */
		int own = !c->opts.cooked && lt != RC_LINKTYPE_LINUX_SLL;
		c->linktype = own ? lt : c->opts.cooked_linktype;
		c->sll_v1 = c->linktype != RC_LINKTYPE_LINUX_SLL2;
		if (cooked == RC__ARPHRD_COOKED_UNKNOWN)
			rc__errf(c->warn, 0, "%s: arptype %d (%s) has no link type, using cooked %s",
				 c->device, c->arphrd, rc__arphrd_name(c->arphrd),
				 c->sll_v1 ? "LINUX_SLL" : "LINUX_SLL2");
	} else {
		c->sock_cooked = 0;
		c->sll_v1 = 0;
		c->linktype = lt;
	}
out:
	close(s);
	return st;
}

static int setopt(rc_capture *c, int level, int name, const char *what, int val)
{
	if (setsockopt(c->fd, level, name, &val, sizeof(val)) != 0)
		return rc__errf(c->err, rc__from_errno(errno), "%s: %s: %s",
				rc__capture_devname(c), what, strerror(errno));
	return 0;
}

static int hw_tstamps(rc_capture *c)
{
	struct ethtool_ts_info info;
	struct ifreq ifr;
	memset(&info, 0, sizeof(info));
	memset(&ifr, 0, sizeof(ifr));
	info.cmd = ETHTOOL_GET_TS_INFO;
	memcpy(ifr.ifr_name, c->device, strlen(c->device) + 1);
	ifr.ifr_data = (void *)&info;
	if (ioctl(c->fd, SIOCETHTOOL, &ifr) != 0 ||
	    !(info.so_timestamping & SOF_TIMESTAMPING_RAW_HARDWARE) ||
	    !(info.rx_filters & (1u << HWTSTAMP_FILTER_ALL)))
		return rc__errf(c->err, RC_ENOTSUP, "hardware time stamps not supported by %s",
				c->device);
	/* Device-wide and left on at close, as libpcap does: putting back a
	 * saved copy could undo what a PTP daemon set meanwhile (docs/capture.md). */
	struct hwtstamp_config cfg;
	memset(&cfg, 0, sizeof(cfg));
	cfg.tx_type = HWTSTAMP_TX_OFF;
	cfg.rx_filter = HWTSTAMP_FILTER_ALL;
	ifr.ifr_data = (void *)&cfg;
	if (ioctl(c->fd, SIOCSHWTSTAMP, &ifr) != 0)
		return rc__errf(c->err, rc__from_errno(errno),
				"%s: enabling hardware time stamps (SIOCSHWTSTAMP, needs CAP_NET_ADMIN): %s",
				c->device, strerror(errno));
	if (c->be->packet_version >= 0)
		return setopt(c, SOL_PACKET, PACKET_TIMESTAMP, "PACKET_TIMESTAMP",
			      SOF_TIMESTAMPING_RAW_HARDWARE);
	return setopt(c, SOL_SOCKET, SO_TIMESTAMPING, "SO_TIMESTAMPING",
		      SOF_TIMESTAMPING_RX_HARDWARE | SOF_TIMESTAMPING_RAW_HARDWARE);
}

/*
 * PACKET_FANOUT_DATA: the program, written for the frames the handle
 * delivers.  The kernel runs it before af_packet sets the socket's view
 * (received packets from the network header, sent ones from the
 * link-layer header), so it is translated (link_fanout.c, and for a cooked
 * handle cooked_filter.c as the socket filter is) or refused: the kernel
 * would pick members by other bytes than the program names.
 */
static int fanout_program(rc_capture *c)
{
	rc_bpf_insn *insns = NULL;
	size_t len = c->opts.fanout_prog_len;
	char why[RC_ERRBUF_SIZE];
	int t = c->sock_cooked ? rc__cooked_fanout(c->opts.fanout_prog, len, c->linktype, &insns,
						   &len, why)
			       : rc__link_fanout(c->opts.fanout_prog, len, &insns, why);
	if (t < 0)
		return rc__errf(c->err, RC_ENOMEM, "%s: out of memory for the fanout program",
				rc__capture_devname(c));
	if (t == 0)
		return rc__errf(c->err, RC_EINVAL,
				"%s: fanout program (rc_capture_set_fanout_program, "
				"PACKET_FANOUT_DATA) has no kernel equivalent on a %s handle: %s",
				rc__capture_devname(c), c->sock_cooked ? "cooked" : "link-layer", why);
	/* memset: the padding after .len is passed to the kernel too
	 * (valgrind: uninitialised bytes in setsockopt). */
	struct sock_fprog prog;
	memset(&prog, 0, sizeof(prog));
	prog.len = (unsigned short)len;
	prog.filter = (struct sock_filter *)(void *)insns;
	int st = 0;
	if (setsockopt(c->fd, SOL_PACKET, PACKET_FANOUT_DATA, &prog, sizeof(prog)) != 0)
		st = rc__errf(c->err, rc__from_errno(errno), "%s: fanout program: %s",
			      rc__capture_devname(c), strerror(errno));
	free(insns);
	return st;
}

static int join_fanout(rc_capture *c)
{
	static const int modes[] = {
		[RC_FANOUT_HASH] = PACKET_FANOUT_HASH, [RC_FANOUT_LB] = PACKET_FANOUT_LB,
		[RC_FANOUT_CPU] = PACKET_FANOUT_CPU,   [RC_FANOUT_ROLLOVER] = PACKET_FANOUT_ROLLOVER,
		[RC_FANOUT_RND] = PACKET_FANOUT_RND,   [RC_FANOUT_QM] = PACKET_FANOUT_QM,
		[RC_FANOUT_CBPF] = PACKET_FANOUT_CBPF,
	};
	/* Group id in the low 16 bits, mode and flags in the high 16: with
	 * PACKET_FANOUT_FLAG_DEFRAG (0x8000) that is bit 31, so unsigned. */
	uint32_t mode = (uint32_t)modes[c->opts.fanout_mode];
	if (c->opts.fanout_flags & RC_FANOUT_FLAG_DEFRAG)
		mode |= PACKET_FANOUT_FLAG_DEFRAG;
	if (c->opts.fanout_flags & RC_FANOUT_FLAG_ROLLOVER)
		mode |= PACKET_FANOUT_FLAG_ROLLOVER;
	uint32_t val = c->opts.fanout_group | (mode << 16);
	if (setsockopt(c->fd, SOL_PACKET, PACKET_FANOUT, &val, sizeof(val)) != 0)
		return rc__errf(c->err, rc__from_errno(errno),
				"%s: joining fanout group %u: %s (members must share mode, flags, device, protocol)",
				rc__capture_devname(c), c->opts.fanout_group, strerror(errno));
	return c->opts.fanout_mode == RC_FANOUT_CBPF ? fanout_program(c) : 0;
}

/* One back-end attempt; on failure everything it acquired is released. */
static int try_backend(rc_capture *c, const struct rc__backend *be)
{
	int st;
	int type = c->sock_cooked ? SOCK_DGRAM : SOCK_RAW;

	c->be = be;
	c->fd = socket(AF_PACKET, type | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		int e = errno;
		if (e == EPERM || e == EACCES)
			return rc__errf(c->err, RC_EPERM,
					"%s: opening a packet socket needs CAP_NET_RAW (run as root or grant the capability)",
					rc__capture_devname(c));
		return rc__errf(c->err, e == EAFNOSUPPORT ? RC_ENOTSUP : rc__from_errno(e),
				"%s: socket(AF_PACKET): %s", rc__capture_devname(c), strerror(e));
	}
	if (be->packet_version >= 0) {
		if ((st = setopt(c, SOL_PACKET, PACKET_VERSION, "PACKET_VERSION", be->packet_version)) < 0 ||
		    (st = setopt(c, SOL_PACKET, PACKET_RESERVE, "PACKET_RESERVE", (int)c->headroom)) < 0)
			goto err;
	}
	if (c->opts.tstamp_source == RC_TSTAMP_HARDWARE && (st = hw_tstamps(c)) < 0)
		goto err;
	if (c->opts.direction == RC_CAPTURE_IN || c->arphrd == ARPHRD_LOOPBACK) {
		/* Since Linux 4.20: outgoing packets then take no ring space.
		 * Refused or not, deliver.c discards any that come.  A
		 * loopback device's outgoing packets come back as incoming
		 * ones, which libpcap delivers alone (pcap-linux.c,
		 * linux_check_direction): there "out" captures nothing. */
		int one = 1;
		(void)setsockopt(c->fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	}
	if (c->opts.qdisc_bypass &&
	    (st = setopt(c, SOL_PACKET, PACKET_QDISC_BYPASS, "PACKET_QDISC_BYPASS", 1)) < 0)
		goto err;
	c->tov_ms = be->id == RC_BACKEND_TPACKET_V3 && c->opts.immediate ? 1 : c->opts.block_timeout_ms;
	if ((st = be->setup(c)) < 0)
		goto err;

	struct sockaddr_ll sll;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(c->opts.protocol ? c->opts.protocol : ETH_P_ALL);
	sll.sll_ifindex = c->ifindex;
	if (bind(c->fd, (struct sockaddr *)&sll, sizeof(sll)) != 0) {
		int e = errno;
		const char *dev = rc__capture_devname(c);
		st = e == ENODEV ? rc__errf(c->err, RC_ENODEV, "no such device: %s", dev)
				 : rc__errf(c->err, rc__from_errno(e), "%s: bind: %s", dev,
					    strerror(e));
		goto err_setup;
	}
	int soerr = 0;
	socklen_t slen = sizeof(soerr);
	if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &slen) == 0 && soerr) {
		const char *dev = rc__capture_devname(c);
		st = soerr == ENETDOWN
			     ? rc__errf(c->err, RC_ENETDOWN, "%s: interface is down", dev)
			     : rc__errf(c->err, rc__from_errno(soerr), "%s: bind: %s", dev,
					strerror(soerr));
		goto err_setup;
	}
	if (c->opts.promisc) {
		if (!c->ifindex) {
			rc__warnf(c->warn, "promiscuous mode is not supported on \"any\"; ignored");
		} else {
			struct packet_mreq mr;
			memset(&mr, 0, sizeof(mr));
			mr.mr_ifindex = c->ifindex;
			mr.mr_type = PACKET_MR_PROMISC;
			if (setsockopt(c->fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)) != 0) {
				st = rc__errf(c->err, rc__from_errno(errno),
					      "%s: promiscuous mode (PACKET_ADD_MEMBERSHIP): %s",
					      rc__capture_devname(c), strerror(errno));
				goto err_setup;
			}
		}
	}
	if (c->opts.fanout_on && (st = join_fanout(c)) < 0)
		goto err_setup;
	return 0;

err_setup:
	be->teardown(c);
err:
	close(c->fd); /* also drops the promiscuous membership and the fanout */
	c->fd = -1;
	c->be = NULL;
	return st;
}

static void reset_read_state(rc_capture *c)
{
	c->k_packets = c->k_drops = c->k_freeze = 0;
	c->delivered = c->dir_discarded = c->filter_discarded = 0;
	c->down_err = 0;
	c->down_deadline_ms = 0;
	c->input_stopped = 0;
	c->stash_pos = c->stash_n = 0;
	c->recheck_slots = 0;
	c->filter_user_always = 0;
	atomic_store(&c->break_flag, 0);
}

int rc_capture_activate(rc_capture *c)
{
	if (!c)
		return RC_EINVAL;
	if (c->state != RC__CREATED)
		return rc__errf(c->err, RC_ESTATE, "%s: already active", rc__capture_devname(c));
	c->warn[0] = '\0';
	/* Mode and program of a cbpf fanout are set by two calls in either
	 * order, so only here can they be checked together.  (Hardware time
	 * stamps on "any" never get this far: rc_capture_set_tstamp_source
	 * refuses them, and the device is fixed at create.) */
	if (c->opts.fanout_on && c->opts.fanout_mode == RC_FANOUT_CBPF && !c->opts.fanout_prog)
		return rc__errf(c->err, RC_EINVAL, "fanout mode cbpf needs a fanout program");

	int st = lookup_device(c);
	if (st < 0)
		return st;
	c->snaplen = c->opts.snaplen_bytes;
	c->headroom = c->sock_cooked ? RC__HEADROOM : RC__HEADROOM_RAW;
	/* The options as a whole: a ring geometry that cannot hold a packet
	 * fails activate here, instead of failing one back-end after another
	 * and ending on the socket, which has no geometry.  A TPACKET_V2
	 * frame header is the smaller: what V2 cannot hold, V3 cannot.  A
	 * frame size set by hand too small for a packet fails even when V3,
	 * which ignores it, might have been used: the options are wrong. */
	if (c->opts.backend != RC_BACKEND_SOCKET &&
	    (st = rc__ring_check_geometry(c, c->opts.backend == RC_BACKEND_TPACKET_V3 ? TPACKET_V3
										: TPACKET_V2)) < 0)
		return st;
	c->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (c->efd < 0)
		return rc__errf(c->err, rc__from_errno(errno), "eventfd: %s", strerror(errno));

	const struct rc__backend *order[3];
	size_t n = 0;
	switch (c->opts.backend) {
	case RC_BACKEND_TPACKET_V3: order[n++] = &rc__backend_v3; break;
	case RC_BACKEND_TPACKET_V2: order[n++] = &rc__backend_v2; break;
	case RC_BACKEND_SOCKET: order[n++] = &rc__backend_socket; break;
	default:
		/* Immediate mode: V2 wakes us per packet; V3 would wait for
		 * the block timeout when traffic is slow (libpcap does the same). */
		order[n++] = c->opts.immediate ? &rc__backend_v2 : &rc__backend_v3;
		order[n++] = c->opts.immediate ? &rc__backend_v3 : &rc__backend_v2;
		order[n++] = &rc__backend_socket;
		break;
	}
	char first_err[RC_ERRBUF_SIZE] = "";
	/* Warnings of the device look-up stay; a failed back-end attempt's
	 * warnings (a ring it had to shrink) do not describe the handle. */
	char lookup_warn[RC_ERRBUF_SIZE];
	memcpy(lookup_warn, c->warn, sizeof(lookup_warn));
	for (size_t i = 0; i < n; i++) {
		memcpy(c->warn, lookup_warn, sizeof(c->warn));
		st = try_backend(c, order[i]);
		if (st == 0)
			break;
		if (i == 0)
			memcpy(first_err, c->err, sizeof(first_err));
		if (st == RC_EPERM || st == RC_ENODEV || st == RC_ENETDOWN || st == RC_ENOTSUP)
			break;
	}
	if (st < 0) {
		close(c->efd);
		c->efd = -1;
		return st;
	}
	if (first_err[0])
		rc__warnf(c->warn, "%s unavailable (%s); using %s", order[0]->name, first_err,
			  c->be->name);
	reset_read_state(c);
	/* The socket back-end cannot tell old queued packets from new ones:
	 * it runs the user's filter in user space on every packet (and so
	 * do cooked sockets whose program the kernel cannot run:
	 * rc_capture_set_filter). */
	c->filter_user_always = c->be->id == RC_BACKEND_SOCKET;
	c->filter_user_tagged = 0;
	c->warn_activate = strlen(c->warn);
	c->err[0] = '\0';
	c->state = RC__ACTIVE;
	return 0;
}

void rc_capture_close(rc_capture *c)
{
	if (!c)
		return;
	if (c->state == RC__ACTIVE) {
		c->be->teardown(c);
		close(c->fd);
		close(c->efd);
	}
	free(c->filter);
	free(c->opts.fanout_prog);
	free(c);
}

/* -------------------------------------------------------------- accessors */

int rc_capture_fd(const rc_capture *c)
{
	return c && c->state == RC__ACTIVE ? c->fd : -1;
}

int rc_capture_linktype(const rc_capture *c)
{
	return c && c->state == RC__ACTIVE ? c->linktype : RC_ESTATE;
}

int rc_capture_backend(const rc_capture *c)
{
	return c && c->state == RC__ACTIVE ? c->be->id : RC_ESTATE;
}

uint32_t rc_capture_snaplen(const rc_capture *c)
{
	return c ? (c->state == RC__ACTIVE ? c->snaplen : c->opts.snaplen_bytes) : 0;
}

int rc_capture_ifindex(const rc_capture *c)
{
	return c && c->state == RC__ACTIVE ? c->ifindex : RC_ESTATE;
}

uint64_t rc_capture_ring_size(const rc_capture *c)
{
	if (!c || c->state != RC__ACTIVE)
		return 0;
	if (c->be->id != RC_BACKEND_SOCKET)
		return c->map_len;
	/* socket(7): the kernel doubles the SO_RCVBUF value set, and
	 * getsockopt returns the doubled one. */
	int rcv = 0;
	socklen_t len = sizeof(rcv);
	if (getsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &rcv, &len) != 0 || rcv < 0)
		return 0;
	return (uint64_t)rcv / 2;
}

const char *rc_capture_error(const rc_capture *c)
{
	return c ? c->err : "no handle";
}

const char *rc_capture_warning(const rc_capture *c)
{
	return c ? c->warn : "";
}

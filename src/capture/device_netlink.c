/*
 * device_netlink.c - RTM_GETLINK / RTM_GETADDR dumps over NETLINK_ROUTE.
 *
 * A dump request is one message; the kernel answers with datagrams that
 * each hold several messages, ending with NLMSG_DONE (rtnetlink(7),
 * netlink(7)):
 *
 *   request:  +----------------------+----------------------------+
 *             | nlmsghdr (16)        | ifinfomsg (16) or          |
 *             | type RTM_GETLINK/ADDR| ifaddrmsg (8), family 0    |
 *             | flags REQUEST|DUMP   |                            |
 *             +----------------------+----------------------------+
 *   answer:   +----------+-------------+---------------------------+ ...
 *             | nlmsghdr | ifinfomsg / | rtattr TLVs, each aligned |
 *             | len,type | ifaddrmsg   | to 4: {len, type, value}  |
 *             +----------+-------------+---------------------------+
 *             ... repeated, then nlmsghdr{NLMSG_DONE, int error}.
 *
 * A message flagged NLM_F_DUMP_INTR means the set changed during the dump
 * and the result may be inconsistent: the whole dump is then repeated (a
 * few times at most).  All answers are collected first and parsed after,
 * so callbacks never see a half or doubled dump.
 */
#include "capture/device_netlink.h"

#include <errno.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "ringcap/device.h"
#include "util/errmsg.h"

/* Bounds: one datagram, one whole dump, repeated interrupted dumps. */
#define RC__NL_DGRAM_MAX (1u << 20)
#define RC__NL_DUMP_MAX (64u << 20)
#define RC__NL_DUMP_TRIES 4

/* A growable byte buffer holding the collected messages of one dump. */
struct rc__nl_buf {
	unsigned char *data;
	size_t len, cap;
};

static int rc__nl_append(struct rc__nl_buf *b, const void *msg, size_t len, char *errbuf)
{
	size_t need = NLMSG_ALIGN(len);

	if (need > RC__NL_DUMP_MAX - b->len)
		return rc__errf(errbuf, RC_ELIMIT, "netlink dump larger than %u bytes",
				RC__NL_DUMP_MAX);
	if (b->len + need > b->cap) {
		size_t cap = b->cap ? b->cap : 16384;
		while (cap < b->len + need)
			cap *= 2;
		unsigned char *p = realloc(b->data, cap);
		if (!p)
			return rc__errf(errbuf, RC_ENOMEM, "netlink dump: out of memory");
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, msg, len);
	memset(b->data + b->len + len, 0, need - len);
	b->len += need;
	return 0;
}

/*
 * Message walking with size_t lengths (the NLMSG_OK/NLMSG_NEXT macros mix
 * signed and unsigned types).  A message is usable if its header fits and
 * its stated length lies within what is left.
 */
static int rc__nl_ok(const struct nlmsghdr *nh, size_t left)
{
	return left >= sizeof(*nh) && nh->nlmsg_len >= sizeof(*nh) && nh->nlmsg_len <= left;
}

static struct nlmsghdr *rc__nl_next(struct nlmsghdr *nh, size_t *left)
{
	size_t step = NLMSG_ALIGN(nh->nlmsg_len);

	if (step >= *left) {
		*left = 0;
		return nh;
	}
	*left -= step;
	return (struct nlmsghdr *)((unsigned char *)nh + step);
}

/* The same for the attributes of one message (RTA_OK/RTA_NEXT take an
 * int length and compare it with the unsigned rta_len). */
static int rc__rta_ok(const struct rtattr *a, size_t left)
{
	return left >= sizeof(*a) && a->rta_len >= sizeof(*a) && a->rta_len <= left;
}

static const struct rtattr *rc__rta_next(const struct rtattr *a, size_t *left)
{
	size_t step = RTA_ALIGN((size_t)a->rta_len);

	*left = step >= *left ? 0 : *left - step;
	return (const struct rtattr *)(const void *)((const unsigned char *)a + step);
}

static int rc__nl_socket(const char *what, char *errbuf)
{
	struct timeval tv = { .tv_sec = 5, .tv_usec = 0 };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0)
		return rc__errf(errbuf, rc__from_errno(errno), "%s: netlink socket: %s", what,
				strerror(errno));
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0) {
		int err = errno;
		close(fd);
		return rc__errf(errbuf, rc__from_errno(err), "%s: SO_RCVTIMEO: %s", what,
				strerror(err));
	}
	return fd;
}

/*
 * One attempt at a dump: send the request, collect every message of type
 * msg_type into out.  Returns 1 if the kernel flagged the dump as
 * interrupted, 0 if complete, negative status on failure.
 */
static int rc__nl_dump_once(int fd, uint16_t req_type, uint16_t msg_type, uint32_t seq,
			    struct rc__nl_buf *out, const char *what, char *errbuf)
{
	struct {
		struct nlmsghdr nh;
		union {
			struct ifinfomsg ifi;
			struct ifaddrmsg ifa;
		} body;
	} req;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	size_t cap = 32768;
	unsigned char *dgram = NULL;
	int interrupted = 0, st = 0;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(req_type == RTM_GETLINK ? sizeof(struct ifinfomsg)
								 : sizeof(struct ifaddrmsg));
	req.nh.nlmsg_type = req_type;
	req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.nh.nlmsg_seq = seq;
	/* family 0 (AF_UNSPEC): every family; for addresses IPv4 then IPv6. */
	if (sendto(fd, &req, req.nh.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return rc__errf(errbuf, rc__from_errno(errno), "%s: netlink send: %s", what,
				strerror(errno));

	dgram = malloc(cap);
	if (!dgram)
		return rc__errf(errbuf, RC_ENOMEM, "%s: out of memory", what);
	for (;;) {
		struct sockaddr_nl from;
		socklen_t fromlen = sizeof(from);
		/* Peek at the real size first so a big datagram is never cut. */
		ssize_t n = recv(fd, dgram, cap, MSG_PEEK | MSG_TRUNC);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = rc__errf(errbuf, errno == EAGAIN ? RC_EIO : rc__from_errno(errno),
				      "%s: netlink receive: %s", what,
				      errno == EAGAIN ? "kernel did not answer within 5 s"
						      : strerror(errno));
			goto out;
		}
		if ((size_t)n > cap) {
			if ((size_t)n > RC__NL_DGRAM_MAX) {
				st = rc__errf(errbuf, RC_ELIMIT,
					      "%s: netlink datagram of %zd bytes", what, n);
				goto out;
			}
			unsigned char *p = realloc(dgram, (size_t)n);
			if (!p) {
				st = rc__errf(errbuf, RC_ENOMEM, "%s: out of memory", what);
				goto out;
			}
			dgram = p;
			cap = (size_t)n;
		}
		n = recvfrom(fd, dgram, cap, 0, (struct sockaddr *)&from, &fromlen);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			st = rc__errf(errbuf, rc__from_errno(errno), "%s: netlink receive: %s",
				      what, strerror(errno));
			goto out;
		}
		/* Only the kernel (port 0) may answer. */
		if (fromlen < sizeof(from) || from.nl_pid != 0)
			continue;

		size_t left = (size_t)n;
		for (struct nlmsghdr *nh = (struct nlmsghdr *)dgram; rc__nl_ok(nh, left);
		     nh = rc__nl_next(nh, &left)) {
			if (nh->nlmsg_seq != seq)
				continue; /* a stale answer to an earlier attempt */
			if (nh->nlmsg_flags & NLM_F_DUMP_INTR)
				interrupted = 1;
			if (nh->nlmsg_type == NLMSG_DONE) {
				/* The DONE message may carry the dump's error. */
				if (nh->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
					int err;
					memcpy(&err, NLMSG_DATA(nh), sizeof(err));
					if (err < 0) {
						st = rc__errf(errbuf, rc__from_errno(-err),
							      "%s: netlink dump failed: %s", what,
							      strerror(-err));
						goto out;
					}
				}
				st = interrupted;
				goto out;
			}
			if (nh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr e;
				if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(e))) {
					st = rc__errf(errbuf, RC_EIO, "%s: short netlink error",
						      what);
					goto out;
				}
				memcpy(&e, NLMSG_DATA(nh), sizeof(e));
				if (e.error == 0)
					continue; /* an acknowledgement */
				st = rc__errf(errbuf, rc__from_errno(-e.error),
					      "%s: netlink request refused: %s", what,
					      strerror(-e.error));
				goto out;
			}
			if (nh->nlmsg_type != msg_type)
				continue;
			st = rc__nl_append(out, nh, nh->nlmsg_len, errbuf);
			if (st < 0)
				goto out;
		}
	}
out:
	free(dgram);
	return st;
}

/* Collect a complete, uninterrupted dump (or the last try's result). */
static int rc__nl_dump(uint16_t req_type, uint16_t msg_type, struct rc__nl_buf *out,
		       const char *what, char *errbuf)
{
	int fd = rc__nl_socket(what, errbuf);
	uint32_t seq = (uint32_t)time(NULL);
	int st = 0;

	if (fd < 0)
		return fd;
	for (int attempt = 0; attempt < RC__NL_DUMP_TRIES; attempt++) {
		out->len = 0;
		st = rc__nl_dump_once(fd, req_type, msg_type, seq + (uint32_t)attempt, out, what,
				      errbuf);
		if (st <= 0)
			break;
		/* Interrupted: the last attempt's result is accepted as is,
		 * as iproute2 does, rather than failing the listing. */
		st = 0;
	}
	close(fd);
	return st;
}

/* A NUL-terminated string attribute of 1..max-1 characters, else NULL. */
static const char *rc__nl_str(const struct rtattr *rta, size_t max)
{
	const char *s = RTA_DATA(rta);
	size_t n = RTA_PAYLOAD(rta);
	const char *nul = memchr(s, '\0', n);

	if (!nul || nul == s || (size_t)(nul - s) >= max)
		return NULL;
	return s;
}

static int rc__nl_parse_link(const struct nlmsghdr *nh, struct rc__nl_link *l)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(nh);
	size_t len;

	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return -1;
	memset(l, 0, sizeof(*l));
	l->ifindex = ifi->ifi_index;
	l->arphrd_type = ifi->ifi_type;
	l->if_flags = ifi->ifi_flags;
	len = nh->nlmsg_len - NLMSG_LENGTH(sizeof(*ifi));
	for (const struct rtattr *a = IFLA_RTA(ifi); rc__rta_ok(a, len);
	     a = rc__rta_next(a, &len)) {
		switch (a->rta_type) {
		case IFLA_IFNAME:
			l->name = rc__nl_str(a, IFNAMSIZ);
			break;
		case IFLA_IFALIAS:
			/* IFALIASZ is 256 including the NUL. */
			l->alias = rc__nl_str(a, 256);
			break;
		case IFLA_MTU:
			if (RTA_PAYLOAD(a) == sizeof(uint32_t))
				memcpy(&l->mtu_bytes, RTA_DATA(a), sizeof(uint32_t));
			break;
		case IFLA_ADDRESS:
			if (RTA_PAYLOAD(a) >= 1 && RTA_PAYLOAD(a) <= RC_DEVICE_HWADDR_MAX) {
				l->hwaddr = RTA_DATA(a);
				l->hwaddr_len = RTA_PAYLOAD(a);
			}
			break;
		default:
			break;
		}
	}
	return l->name && l->ifindex > 0 ? 0 : -1;
}

static int rc__nl_parse_addr(const struct nlmsghdr *nh, struct rc__nl_addr *r)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(nh);
	const unsigned char *address = NULL, *local = NULL;
	size_t alen;
	size_t len;

	if (nh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifa)))
		return -1;
	if (ifa->ifa_family == AF_INET)
		alen = 4;
	else if (ifa->ifa_family == AF_INET6)
		alen = 16;
	else
		return -1;
	if (ifa->ifa_prefixlen > alen * 8)
		return -1;
	memset(r, 0, sizeof(*r));
	r->ifindex = (int)ifa->ifa_index;
	r->family = ifa->ifa_family;
	r->prefix_len = ifa->ifa_prefixlen;
	len = nh->nlmsg_len - NLMSG_LENGTH(sizeof(*ifa));
	for (const struct rtattr *a = IFA_RTA(ifa); rc__rta_ok(a, len);
	     a = rc__rta_next(a, &len)) {
		int is_addr = a->rta_type == IFA_ADDRESS || a->rta_type == IFA_LOCAL ||
			      a->rta_type == IFA_BROADCAST;
		if (is_addr && RTA_PAYLOAD(a) != alen)
			continue;
		switch (a->rta_type) {
		case IFA_ADDRESS:
			address = RTA_DATA(a);
			break;
		case IFA_LOCAL:
			local = RTA_DATA(a);
			break;
		case IFA_BROADCAST:
			r->broadcast = RTA_DATA(a);
			break;
		case IFA_LABEL:
			r->label = rc__nl_str(a, IFNAMSIZ);
			break;
		default:
			break;
		}
	}
	/*
	 * rtnetlink(7): IFA_LOCAL is the interface's own address, IFA_ADDRESS
	 * the peer's on a point-to-point link; without a peer they are equal
	 * (or only IFA_ADDRESS is sent, as for most IPv6 addresses).
	 */
	if (local) {
		r->local = local;
		if (address && memcmp(address, local, alen) != 0)
			r->peer = address;
	} else {
		r->local = address;
	}
	return r->local && r->ifindex > 0 ? 0 : -1;
}

int rc__nl_dump_links(rc__nl_link_fn fn, void *ctx, char *errbuf)
{
	struct rc__nl_buf b = { 0 };
	int st = rc__nl_dump(RTM_GETLINK, RTM_NEWLINK, &b, "listing interfaces (RTM_GETLINK)",
			     errbuf);
	size_t left = b.len;

	for (struct nlmsghdr *nh = (struct nlmsghdr *)b.data; st == 0 && rc__nl_ok(nh, left);
	     nh = rc__nl_next(nh, &left)) {
		struct rc__nl_link l;
		if (rc__nl_parse_link(nh, &l) == 0)
			st = fn(ctx, &l);
	}
	free(b.data);
	return st;
}

int rc__nl_dump_addrs(rc__nl_addr_fn fn, void *ctx, char *errbuf)
{
	struct rc__nl_buf b = { 0 };
	int st = rc__nl_dump(RTM_GETADDR, RTM_NEWADDR, &b, "listing addresses (RTM_GETADDR)",
			     errbuf);
	size_t left = b.len;

	for (struct nlmsghdr *nh = (struct nlmsghdr *)b.data; st == 0 && rc__nl_ok(nh, left);
	     nh = rc__nl_next(nh, &left)) {
		struct rc__nl_addr r;
		if (rc__nl_parse_addr(nh, &r) == 0)
			st = fn(ctx, &r);
	}
	free(b.data);
	return st;
}

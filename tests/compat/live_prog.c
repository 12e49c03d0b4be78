/*
 * live_prog.c - live-capture facts of a libpcap build, printed one per
 * line, for tests/test_compat_live.c: it is built against Debian's
 * libpcap and run on both libraries at the same time, on the same
 * traffic, and the two outputs must be equal.
 *
 * Usage: live_prog MODE DEVICE COUNT ARG
 *   cooked  DEVICE is "any", ARG the interface the frames arrive on; the
 *           cooked headers: LINUX_SLL by default, then LINUX_SLL2 after
 *           pcap_set_datalink(), COUNT frames each
 *   dispatch / next
 *           DEVICE is the capture interface; poll() on the selectable fd
 *           after COUNT frames were read with pcap_dispatch() /
 *           pcap_next_ex(); "next" then checks that the last packet's
 *           data stays intact while the test sends ARG more frames, which
 *           fill the ring
 *   bufsize DEVICE ignored BYTES
 *           pcap_activate() and pcap_bufsize() with a buffer of BYTES
 *           (0 = the default); only pcap_activate()'s status is libpcap's
 *           too (pcap_bufsize() is ringcap's ring, docs/compat.md)
 *
 * The frames are the test's (tests/netns.h): EtherType 0x88b5, a 32-bit
 * sequence number first.  "ready N" lines tell the test when to send; the
 * program waits for traffic at most DEADLINE_S seconds at each step, so a
 * missing frame ends it with a line that the comparison shows.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pcap/pcap.h>

#define DEADLINE_S 20

static time_t deadline;

static int expired(void)
{
	return time(NULL) > deadline;
}

static unsigned be16(const u_char *b)
{
	return (unsigned)b[0] << 8 | b[1];
}

static unsigned long be32(const u_char *b)
{
	return (unsigned long)be16(b) << 16 | be16(b + 2);
}

static void addr(char *out, const u_char *a, unsigned len)
{
	out[0] = '\0';
	for (unsigned i = 0; i < len && i < 8; i++)
		sprintf(out + strlen(out), "%s%02x", i ? ":" : "", a[i]);
}

/* One cooked packet, as its header says: LINUX_SLL (16 bytes,
 * pcap/sll.h) or LINUX_SLL2 (20 bytes, with the interface index). */
static void print_cooked(pcap_t *p, const struct pcap_pkthdr *h, const u_char *d,
			 unsigned ifindex)
{
	char a[32];

	if (pcap_datalink(p) == DLT_LINUX_SLL && h->caplen >= 20) {
		addr(a, d + 6, be16(d + 4));
		printf("sll pkttype=%u hatype=%u halen=%u addr=%s proto=0x%04x seq=%lu caplen=%u len=%u\n",
		       be16(d), be16(d + 2), be16(d + 4), a, be16(d + 14), be32(d + 16), h->caplen,
		       h->len);
	} else if (pcap_datalink(p) == DLT_LINUX_SLL2 && h->caplen >= 24) {
		addr(a, d + 12, d[11]);
		printf("sll2 proto=0x%04x ifindex_ok=%d hatype=%u pkttype=%u halen=%u addr=%s seq=%lu caplen=%u len=%u\n",
		       be16(d), be32(d + 4) == ifindex, be16(d + 8), d[10], d[11], a, be32(d + 20),
		       h->caplen, h->len);
	} else {
		printf("packet of link type %d, caplen %u\n", pcap_datalink(p), h->caplen);
	}
}

/* COUNT packets with pcap_next_ex(), printed. */
static void read_cooked(pcap_t *p, int count, unsigned ifindex)
{
	struct pcap_pkthdr *h;
	const u_char *d;
	int got = 0, rc;

	deadline = time(NULL) + DEADLINE_S;
	while (got < count && !expired()) {
		rc = pcap_next_ex(p, &h, &d);
		if (rc < 0) {
			printf("pcap_next_ex = %d\n", rc);
			return;
		}
		if (rc == 1) {
			print_cooked(p, h, d, ifindex);
			got++;
		}
	}
	printf("got %d\n", got);
}

static void cooked(pcap_t *p, int count, const char *ifname)
{
	unsigned ifindex = if_nametoindex(ifname);
	int *dlts, n;

	printf("datalink %d\n", pcap_datalink(p));
	n = pcap_list_datalinks(p, &dlts);
	printf("datalinks");
	for (int i = 0; i < n; i++)
		printf(" %d", dlts[i]);
	printf("\n");
	pcap_free_datalinks(dlts);
	printf("ready 1\n");
	read_cooked(p, count, ifindex);
	printf("set_datalink(LINUX_SLL2) = %d\n", pcap_set_datalink(p, DLT_LINUX_SLL2));
	printf("set_datalink(EN10MB) = %d\n", pcap_set_datalink(p, DLT_EN10MB));
	printf("datalink %d\n", pcap_datalink(p));
	printf("ready 2\n");
	read_cooked(p, count, ifindex);
	printf("set_datalink(LINUX_SLL) = %d\n", pcap_set_datalink(p, DLT_LINUX_SLL));
	printf("datalink %d\n", pcap_datalink(p));
}

/* poll() on the selectable fd: 1 readable, 0 not, waiting up to ms. */
static int readable(pcap_t *p, int ms)
{
	struct pollfd pfd = { .fd = pcap_get_selectable_fd(p), .events = POLLIN };

	return poll(&pfd, 1, ms) > 0 && (pfd.revents & POLLIN);
}

static int dispatched;

static void count_cb(u_char *user, const struct pcap_pkthdr *h, const u_char *d)
{
	(void)user;
	(void)h;
	(void)d;
	dispatched++;
}

static void polled(pcap_t *p, int count, int use_next, unsigned more)
{
	struct pcap_pkthdr *h;
	struct pcap_stat st;
	const u_char *d = NULL;
	u_char last[2048];
	unsigned last_len = 0;
	int got = 0, rc;

	printf("ready 1\n");
	deadline = time(NULL) + DEADLINE_S;
	while (!readable(p, 100) && !expired())
		;
	printf("readable before reading: %d\n", readable(p, 0));
	while (got < count && !expired()) {
		if (use_next) {
			rc = pcap_next_ex(p, &h, &d);
			if (rc == 1 && h->caplen <= sizeof(last)) {
				memcpy(last, d, h->caplen);
				last_len = h->caplen;
			}
		} else {
			dispatched = 0;
			rc = pcap_dispatch(p, -1, count_cb, NULL);
			if (rc >= 0)
				rc = dispatched;
		}
		if (rc < 0) {
			printf("read = %d\n", rc);
			return;
		}
		got += rc;
	}
	printf("got %d\n", got);
	/* libpcap gave the ring block back with its last packet: nothing new
	 * came, so the descriptor is not readable. */
	printf("readable after reading all: %d\n", readable(p, 0));
	if (!use_next)
		return;
	/* The last packet's data must outlive the ring filling up again. */
	printf("ready 2\n");
	deadline = time(NULL) + DEADLINE_S;
	do {
		if (pcap_stats(p, &st) < 0) {
			printf("pcap_stats failed\n");
			return;
		}
		if (st.ps_recv >= (u_int)count + more)
			break;
		poll(NULL, 0, 50);
	} while (!expired());
	/* ps_recv counts what the ring had no room for too (tp_packets). */
	printf("more traffic counted: %d\n", st.ps_recv >= (u_int)count + more);
	printf("last packet intact: %d (seq %lu)\n",
	       last_len > 18 && memcmp(d, last, last_len) == 0, last_len > 18 ? be32(last + 14) : 0);
}

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p;
	int count;

	if (argc < 5) {
		fprintf(stderr, "usage: live_prog cooked|dispatch|next DEVICE COUNT ARG\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	count = atoi(argv[3]);
	p = pcap_create(argv[2], err);
	if (!p) {
		printf("pcap_create: %s\n", err);
		return 1;
	}
	pcap_set_timeout(p, 100);
	/* Under ringcap's smallest ring (256 KiB): activation must stay
	 * silent, as libpcap's is, and "next" fills this ring quickly. */
	pcap_set_buffer_size(p, strcmp(argv[1], "bufsize") == 0 ? atoi(argv[4]) : 100 * 1024);
	printf("activate = %d\n", pcap_activate(p));
	if (strcmp(argv[1], "bufsize") == 0)
		printf("bufsize = %d\n", pcap_bufsize(p));
	else if (strcmp(argv[1], "cooked") == 0)
		cooked(p, count, argv[4]);
	else
		polled(p, count, strcmp(argv[1], "next") == 0, (unsigned)atoi(argv[4]));
	pcap_close(p);
	printf("done\n");
	return 0;
}

/*
 * rcb_floor_capture.c - the least work a program can do to capture live
 * packets into a pcap file on this machine: the floor that rcb_live_tools
 * sets beside tcpdump and the ringcap CLI, as bench/cli.sh sets `cat`
 * beside `-r F -w OUT`.
 *
 * usage: rcb_floor_capture IFACE OUT -B KiB
 *
 * A TPACKET_V3 ring of KiB with the block size ringcap picks by default
 * for that size (src/capture/ring.c: ring / 16 as a power of two, within
 * 128 KiB..1 MiB, at least 2 blocks), bound to IFACE; each block's
 * packets walked with the prefetch ringcap uses (RC__V3_AHEAD headers
 * ahead), each appended as a pcap record (microsecond time stamps, as
 * tcpdump writes) to a 1 MiB buffer that goes to OUT with write(2) when
 * full.  Nothing else: no bounds checks on the kernel's offsets, no VLAN
 * tags put back, no filter, no second thread - so it is a measure, not a
 * tool, and lives with the benchmarks only.
 *
 * SIGINT or SIGTERM ends it: the buffer is written out and the counts go
 * to stderr in tcpdump's words ("N packets captured", "M packets dropped
 * by kernel"), which rcb_live_tools parses.  Exit status 0, or 1 with a
 * message.
 */
#include "rcb_ring.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUT_BYTES (1u << 20) /* as the CLI's writer buffers (cli/live.c) */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void die(const char *what)
{
	fprintf(stderr, "rcb_floor_capture: %s: %s\n", what, strerror(errno));
	exit(1);
}

static uint32_t pow2_floor(uint64_t v)
{
	uint32_t p = 1;
	while ((uint64_t)p * 2 <= v && p < (1u << 30))
		p *= 2;
	return p;
}

static uint8_t *buf;
static size_t used;
static int out_fd;

static void flush_out(void)
{
	size_t off = 0;
	while (off < used) {
		ssize_t n = write(out_fd, buf + off, used - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die("write");
		off += (size_t)n;
	}
	used = 0;
}

int main(int argc, char **argv)
{
	if (argc != 5 || strcmp(argv[3], "-B") != 0) {
		fprintf(stderr, "usage: rcb_floor_capture IFACE OUT -B KiB\n");
		return 1;
	}
	uint64_t ring_bytes = strtoull(argv[4], NULL, 10) * 1024u;
	uint32_t block = pow2_floor(ring_bytes / 16);
	if (block < (128u << 10))
		block = 128u << 10;
	if (block > (1u << 20))
		block = 1u << 20;
	uint32_t nblocks = (uint32_t)(ring_bytes / block);
	if (nblocks < 2)
		nblocks = 2;

	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	struct rcb_ring ring;
	if (rcb_ring_open(&ring, argv[1], block, nblocks, 100) < 0)
		die(argv[1]);
	out_fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	buf = malloc(OUT_BYTES);
	if (out_fd < 0 || !buf)
		die(argv[2]);
	static const uint32_t file_hdr[6] = { 0xa1b2c3d4, 0x00040002, 0, 0, 262144, 1 };
	memcpy(buf, file_hdr, sizeof(file_hdr));
	used = sizeof(file_hdr);

	unsigned long captured = 0;
	while (!stop) {
		/* a signal between the test of stop and the wait would not
		 * interrupt it: the wait ends every 100 ms to look */
		struct tpacket_block_desc *b = rcb_ring_next(&ring, 100);
		if (!b)
			continue;
		uint8_t *h = (uint8_t *)b + b->hdr.bh1.offset_to_first_pkt;
		for (uint32_t i = b->hdr.bh1.num_pkts; i > 0; i--) {
			const struct tpacket3_hdr *t = (const void *)h;
			__builtin_prefetch(h + (size_t)t->tp_next_offset * RCB_RING_AHEAD);
			uint32_t rec[4] = { t->tp_sec, t->tp_nsec / 1000u, t->tp_snaplen, t->tp_len };
			if (used + sizeof(rec) + t->tp_snaplen > OUT_BYTES)
				flush_out();
			memcpy(buf + used, rec, sizeof(rec));
			memcpy(buf + used + sizeof(rec), h + t->tp_mac, t->tp_snaplen);
			used += sizeof(rec) + t->tp_snaplen;
			captured++;
			h += t->tp_next_offset;
		}
		rcb_ring_release(&ring, b);
	}
	flush_out();
	long drops = rcb_ring_drops(&ring);
	if (drops < 0)
		die("PACKET_STATISTICS");
	fprintf(stderr, "%lu packets captured\n%ld packets dropped by kernel\n", captured, drops);
	return 0;
}

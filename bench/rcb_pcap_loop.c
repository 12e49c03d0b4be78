/*
 * rcb_pcap_loop.c - a plain libpcap program that reads a capture file:
 * the probe for ringcap's libpcap ABI (build/compat/libpcap.so.0.8).
 *
 * It is linked against the system libpcap (soname libpcap.so.0.8) and calls
 * only the libpcap API.  bench/offline.sh runs the SAME binary twice: once
 * as is, and once with LD_LIBRARY_PATH=build/compat so that the dynamic
 * loader binds the same pcap_* calls to ringcap's compat library.  The
 * ratio of the two is what an unmodified libpcap application gains.
 *
 * usage: rcb_pcap_loop loop|next_ex FILE
 *   loop     pcap_loop(3PCAP) with a callback touching the first byte
 *   next_ex  pcap_next_ex(3PCAP) in a loop, touching the first byte
 * Prints "PACKETS LIBRARY" on stdout (LIBRARY = pcap_lib_version(), which
 * tells which library actually ran); exit 1 on error with the message.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

static unsigned long count;
static unsigned sink;

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	(void)user;
	if (h->caplen > 0)
		sink += data[0];
	count++;
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "loop") && strcmp(argv[1], "next_ex"))) {
		fprintf(stderr, "usage: rcb_pcap_loop loop|next_ex FILE\n");
		return 2;
	}
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(argv[2], err);
	if (!p) {
		fprintf(stderr, "rcb_pcap_loop: %s\n", err);
		return 1;
	}
	int st = 0;
	if (!strcmp(argv[1], "loop")) {
		if (pcap_loop(p, -1, on_packet, NULL) == PCAP_ERROR)
			st = 1;
	} else {
		struct pcap_pkthdr *h;
		const u_char *data;
		int r;
		while ((r = pcap_next_ex(p, &h, &data)) == 1)
			on_packet(NULL, h, data);
		if (r != PCAP_ERROR_BREAK)
			st = 1;
	}
	if (st)
		fprintf(stderr, "rcb_pcap_loop: %s: %s\n", argv[2], pcap_geterr(p));
	pcap_close(p);
	printf("%lu %s%s\n", count, pcap_lib_version(), sink == 0xdeadbeef ? " " : "");
	return st;
}

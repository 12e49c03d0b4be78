/*
 * file_stats.c - the smallest useful ringcap program: open a capture file
 * (pcap or pcapng, "-" for stdin), optionally compile a tcpdump filter, and
 * count the packets and bytes that match, using the zero-copy batch API.
 *
 *   build/examples/file_stats examples/demo.pcapng 'tcp port 80'
 */
#include <stdio.h>
#include <stdlib.h>

#include "ringcap/file.h"
#include "ringcap/filter.h"

int main(int argc, char **argv)
{
	char err[RC_ERRBUF_SIZE];
	rc_reader *r;
	rc_bpf_prog prog = { 0 };
	rc_packet pkts[64];
	unsigned long long npkts = 0, nbytes = 0;
	int n;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s FILE [FILTER]\n", argv[0]);
		return 2;
	}
	if (rc_reader_open(&r, argv[1], NULL, err) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (argc == 3 && rc_filter_compile(&prog, argv[2], rc_reader_linktype(r), 262144, 0,
					   NULL, err) < 0) {
		fprintf(stderr, "%s\n", err);
		rc_reader_close(r);
		return 1;
	}
	/* pkts[i].data points into the reader's memory: use it before the next call. */
	while ((n = rc_reader_next_batch(r, pkts, 64)) > 0) {
		for (int i = 0; i < n; i++) {
			if (prog.len && !rc_bpf_run_simple(prog.insns, prog.len, pkts[i].data,
							   pkts[i].caplen, pkts[i].len))
				continue;
			npkts++;
			nbytes += pkts[i].len;
		}
	}
	int status = n == RC_EEOF ? 0 : 1;
	if (status)
		fprintf(stderr, "%s\n", rc_reader_error(r));
	printf("%llu packets, %llu bytes\n", npkts, nbytes);
	rc_bpf_prog_free(&prog);
	rc_reader_close(r);
	return status;
}

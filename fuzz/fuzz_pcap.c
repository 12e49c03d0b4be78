/*
 * fuzz_pcap.c - libFuzzer target for the pcap reader (memory and streaming
 * paths must agree; see fuzz_reader.h).  Seeds: fuzz/corpus/pcap/.
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a small max_caplen so the limit check is reached often */
	return fz_read_twice(data, size, size && (data[0] & 1) ? 2048 : 0);
}

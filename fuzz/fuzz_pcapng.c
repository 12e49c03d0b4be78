/*
 * fuzz_pcapng.c - libFuzzer target for the pcapng reader (memory and
 * streaming paths must agree; see fuzz_reader.h).  Seeds:
 * fuzz/corpus/pcapng/, dictionary fuzz/pcapng.dict.
 */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_read_twice(data, size, size && (data[0] & 1) ? 2048 : 0);
}

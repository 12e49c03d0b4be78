/*
 * fuzz_print.c - random bytes through the packet printer and the --json
 * encoder.
 *
 * Input layout:
 *   byte 0: link type (index into the table below, modulo its size)
 *   byte 1: flags - bit0 -e, bit1..2 -v count, bit3 -q, bit4 -x, bit5 -X,
 *           bit6 -S, bit7 -xx/-XX
 *   byte 2..: the packet; a second packet follows if the input is long, so
 *   the TCP sequence table sees a conversation.
 * The packet is copied into an exactly sized heap block so ASan catches any
 * read past the captured bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "print.h"
#include "ringcap/linktype.h"

static const int linktypes[] = {
	RC_LINKTYPE_ETHERNET, RC_LINKTYPE_LINUX_SLL, RC_LINKTYPE_LINUX_SLL2, RC_LINKTYPE_RAW,
	RC_LINKTYPE_IPV4,     RC_LINKTYPE_IPV6,      RC_LINKTYPE_NULL,       RC_LINKTYPE_LOOP,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	uint8_t f = data[1];
	struct rc__print_opts o = {
		.eflag = f & 1,
		.vflag = (f >> 1) & 3,
		.qflag = (f >> 3) & 1,
		.xflag = ((f >> 4) & 1) ? 1 + (f >> 7) : 0,
		.Xflag = ((f >> 5) & 1) ? 1 + (f >> 7) : 0,
		.Sflag = (f >> 6) & 1,
		.ts_style = f % 6,
		.ts_nano = (f >> 2) & 1,
	};
	rc__ob ob;
	rc__printer p;
	if (rc__ob_init(&ob, -1) < 0)
		return 0;
	if (rc__printer_init(&p, &o, &ob) < 0) {
		rc__ob_free(&ob);
		return 0;
	}
	size_t plen = size - 2;
	size_t first = plen > 64 ? plen / 2 : plen;
	size_t parts[2] = { first, plen - first };
	const uint8_t *src = data + 2;
	for (int i = 0; i < 2; i++) {
		if (i == 1 && parts[1] == 0)
			break;
		uint8_t *copy = malloc(parts[i] ? parts[i] : 1);
		if (!copy)
			break;
		memcpy(copy, src, parts[i]);
		rc_packet pkt;
		memset(&pkt, 0, sizeof(pkt));
		pkt.data = copy;
		pkt.caplen = (uint32_t)parts[i];
		/* Claim a longer wire length sometimes, as snaplen-cut captures do. */
		pkt.len = (uint32_t)parts[i] + ((f & 0x80) ? 100u : 0u);
		pkt.linktype = (uint16_t)linktypes[data[0] % (sizeof(linktypes) / sizeof(linktypes[0]))];
		pkt.ts_nsec = 1700000000000000000ull + i * 1234567ull;
		rc__print_packet(&p, &pkt);
		rc__ob_reset(&ob);
		rc__json_packet(&ob, &pkt, NULL);
		rc__ob_reset(&ob);
		free(copy);
		src += parts[i];
	}
	rc__printer_free(&p);
	rc__ob_free(&ob);
	return 0;
}

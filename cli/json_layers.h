/*
 * json_layers.h - the --json decoders shared between json.c (link and
 * network layers) and json_transport.c (transport layers and DNS).
 */
#ifndef RC_CLI_JSON_LAYERS_H
#define RC_CLI_JSON_LAYERS_H

#include <stddef.h>
#include <stdint.h>

#include "outbuf.h"

/* Captured bytes from p on. */
struct rc__json_cur {
	const uint8_t *p;
	size_t left;
};

/* ",\"truncated\":true": a layer the snap length cut ends the decoding. */
void rc__json_truncated(rc__ob *ob);

/* The transport layer of IP protocol proto: c holds its captured bytes,
 * len its length by the IP header (which may be more); nothing is decoded
 * past the first fragment's. */
void rc__json_transport(rc__ob *ob, uint8_t proto, struct rc__json_cur c, size_t len,
			int first_fragment);

/* A DNS message of len bytes (c: the captured part) as the "dns" layer. */
void rc__json_dns(rc__ob *ob, struct rc__json_cur c, size_t len);

#endif

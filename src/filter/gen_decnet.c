/*
 * gen_decnet.c - "decnet host|net|src|dst AREA.NODE" (and a plain number):
 * the DECnet Phase IV routing header's source or destination node address
 * (libpcap 1.10 gencode.c gen_dnhostop, nametoaddr.c __pcap_atodn).
 *
 * The address is area (6 bits) << 10 | node (10 bits), carried
 * little-endian.  After the 2-byte length word, the routing header starts
 * with a flags byte whose low 3 bits say short (2) or long (6) format, and
 * whose top bit says one pad byte comes first; a program cannot tell which
 * of the four layouts it has without testing all four:
 *
 *   short:  flags | dst node 2 | src node 2 | ...
 *   long:   flags | d-area | d-subarea | d-id 6 (HIORD + node) | s-area |
 *           s-subarea | s-id 6 | ...
 *
 * so the node address sits 1 (dst) or 3 (src) bytes after the flags in the
 * short form and 7 or 15 in the long one.  libpcap compares the halfword
 * with ntohs(address), i.e. the program it generates depends on the byte
 * order of the host compiling it; ringcap always generates what libpcap
 * generates on a little-endian host, the one that matches the wire.
 */
#include "filter/gen.h"

#include <ctype.h>

static uint32_t swap16(uint32_t v)
{
	return (v & 0xff) << 8 | (v >> 8 & 0xff);
}

/* One direction: the four header layouts, in libpcap's order. */
static F dn_dir(rc__cg *cg, uint16_t addr, uint32_t off_short, uint32_t off_long)
{
	uint32_t a = swap16(addr);
	/* pad byte, long header: flags halfword 0x81 0x06 under mask 0xff 0x07 */
	F pad_long = rc__cfg_and(rc__gen_mcmp(cg, RC_OR_LINKPL, 2, 2, 0x8106, 0xff07),
				 rc__gen_cmp(cg, RC_OR_LINKPL, 2 + 1 + off_long, 2, a));
	F nopad_long = rc__cfg_and(rc__gen_mcmp(cg, RC_OR_LINKPL, 2, 1, 0x06, 0x07),
				   rc__gen_cmp(cg, RC_OR_LINKPL, 2 + off_long, 2, a));
	F pad_short = rc__cfg_and(rc__gen_mcmp(cg, RC_OR_LINKPL, 2, 2, 0x8102, 0xff07),
				  rc__gen_cmp(cg, RC_OR_LINKPL, 2 + 1 + off_short, 2, a));
	F nopad_short = rc__cfg_and(rc__gen_mcmp(cg, RC_OR_LINKPL, 2, 1, 0x02, 0x07),
				    rc__gen_cmp(cg, RC_OR_LINKPL, 2 + off_short, 2, a));
	F any = rc__cfg_or(nopad_long, pad_long);
	any = rc__cfg_or(pad_short, any);
	any = rc__cfg_or(nopad_short, any);
	return rc__cfg_and(rc__gen_linktype(cg, RC_ET_DN), any);
}

static F dn_host(rc__cg *cg, uint16_t addr, int dir)
{
	switch (dir) {
	case RC_DIR_SRC:
		return dn_dir(cg, addr, 3, 15);
	case RC_DIR_DST:
		return dn_dir(cg, addr, 1, 7);
	case RC_DIR_AND:
		return rc__cfg_and(dn_host(cg, addr, RC_DIR_SRC), dn_host(cg, addr, RC_DIR_DST));
	default: /* or, and no direction */
		return rc__cfg_or(dn_host(cg, addr, RC_DIR_SRC), dn_host(cg, addr, RC_DIR_DST));
	}
}

/*
 * __pcap_atodn: "AREA.NODE" as sscanf("%d.%d") reads it, so anything after
 * the node is ignored ("10.0.0.1" is area 10, node 0).  -1 if malformed.
 * Only the low 6 bits of the area and 10 of the node are kept, so counting
 * modulo 2^20 gives the same address for any length of digits.
 */
static int atodn(const char *s, uint16_t *addr)
{
	unsigned long area = 0, node = 0;
	if (!isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s))
		area = (area * 10 + (unsigned long)(*s++ - '0')) & 0xfffffu;
	if (*s++ != '.' || !isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s))
		node = (node * 10 + (unsigned long)(*s++ - '0')) & 0xfffffu;
	*addr = (uint16_t)((area << 10 & 0xfc00u) | (node & 0x03ffu));
	return 0;
}

F rc__gen_decnet_host(rc__cg *cg, const rc__node *n)
{
	uint16_t addr;
	if (n->vkind == RC_V_NUM) {
		addr = (uint16_t)n->num; /* libpcap casts the number to u_short */
	} else if (n->vkind == RC_V_HID) {
		if (atodn(n->text, &addr) < 0)
			return rc__gen_fail(cg, RC_ESYNTAX, n->col, "malformed DECnet address '%s' "
					    "(AREA.NODE)", n->text);
	} else {
		return rc__gen_fail(cg, RC_ENOTSUP, n->col, "DECnet addresses take no mask "
				    "in ringcap");
	}
	return dn_host(cg, addr, n->q.dir);
}

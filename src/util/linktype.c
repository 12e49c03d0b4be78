/*
 * linktype.c - names of link-layer types as tcpdump prints them (-L, -y).
 * Names and descriptions follow libpcap's dlt_choices table so that
 * `-y EN10MB` and `tcpdump -L` style output mean the same here.
 */
#include "ringcap/linktype.h"

#include <stdlib.h>
#include <strings.h>

struct rc__linktype_name {
	int value;
	const char *name;
	const char *description;
};

static const struct rc__linktype_name rc__linktypes[] = {
	{ 0, "NULL", "BSD loopback" },
	{ 1, "EN10MB", "Ethernet" },
	{ 2, "EN3MB", "Experimental Ethernet (3Mb)" },
	{ 3, "AX25", "AX.25 layer 2" },
	{ 4, "PRONET", "Proteon ProNET Token Ring" },
	{ 5, "CHAOS", "Chaos" },
	{ 6, "IEEE802", "Token ring" },
	{ 7, "ARCNET", "BSD ARCNET" },
	{ 8, "SLIP", "SLIP" },
	{ 9, "PPP", "PPP" },
	{ 10, "FDDI", "FDDI" },
	{ 50, "PPP_SERIAL", "PPP over serial" },
	{ 51, "PPP_ETHER", "PPPoE" },
	{ 100, "ATM_RFC1483", "RFC 1483 LLC-encapsulated ATM" },
	{ 101, "RAW", "Raw IP" },
	{ 104, "C_HDLC", "Cisco HDLC" },
	{ 105, "IEEE802_11", "802.11" },
	{ 107, "FRELAY", "Frame Relay" },
	{ 108, "LOOP", "OpenBSD loopback" },
	{ 113, "LINUX_SLL", "Linux cooked v1" },
	{ 114, "LTALK", "Localtalk" },
	{ 119, "PRISM_HEADER", "802.11 plus Prism header" },
	{ 122, "IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel" },
	{ 127, "IEEE802_11_RADIO", "802.11 plus radiotap header" },
	{ 129, "ARCNET_LINUX", "Linux ARCNET" },
	{ 143, "DOCSIS", "DOCSIS" },
	{ 144, "LINUX_IRDA", "Linux IrDA" },
	{ 147, "USER0", "USER 0" },
	{ 177, "LINUX_LAPD", "LAPD" },
	{ 195, "IEEE802_15_4_WITHFCS", "IEEE 802.15.4 with FCS" },
	{ 197, "ERF", "Endace ERF header" },
	{ 201, "BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART transport layer plus pseudo-header" },
	{ 202, "AX25_KISS", "AX.25 with KISS header" },
	{ 220, "USB_LINUX_MMAPPED", "USB with padded Linux header" },
	{ 224, "FC_2", "Fibre Channel FC-2" },
	{ 227, "CAN_SOCKETCAN", "CAN-bus with SocketCAN headers" },
	{ 228, "IPV4", "Raw IPv4" },
	{ 229, "IPV6", "Raw IPv6" },
	{ 230, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS" },
	{ 239, "NFLOG", "Linux netfilter log messages" },
	{ 249, "USBPCAP", "USB with USBPcap header" },
	{ 253, "NETLINK", "Linux netlink" },
	{ 271, "VSOCK", "Linux vsock" },
	{ 276, "LINUX_SLL2", "Linux cooked v2" },
	{ 281, "DSA_TAG_BRCM", "Broadcom tag" },
	{ 282, "DSA_TAG_BRCM_PREPEND", "Broadcom tag (prepended)" },
	{ 284, "DSA_TAG_DSA", "Marvell DSA" },
	{ 285, "DSA_TAG_EDSA", "Marvell EDSA" },
};

#define RC__NLINKTYPES (sizeof(rc__linktypes) / sizeof(rc__linktypes[0]))

static const struct rc__linktype_name *rc__linktype_find(int value)
{
	for (size_t i = 0; i < RC__NLINKTYPES; i++)
		if (rc__linktypes[i].value == value)
			return &rc__linktypes[i];
	return NULL;
}

const char *rc_linktype_name(int linktype)
{
	const struct rc__linktype_name *e = rc__linktype_find(linktype);
	return e ? e->name : NULL;
}

const char *rc_linktype_description(int linktype)
{
	const struct rc__linktype_name *e = rc__linktype_find(linktype);
	return e ? e->description : NULL;
}

int rc_linktype_from_name(const char *name)
{
	char *end;
	long v;

	if (!name || !*name)
		return -1;
	for (size_t i = 0; i < RC__NLINKTYPES; i++)
		if (strcasecmp(rc__linktypes[i].name, name) == 0)
			return rc__linktypes[i].value;
	/* libpcap also accepts a "DLT_" prefix. */
	if (strncasecmp(name, "DLT_", 4) == 0)
		return rc_linktype_from_name(name + 4);
	v = strtol(name, &end, 10);
	if (*end == '\0' && v >= 0 && v <= RC_LINKTYPE_MAX)
		return (int)v;
	return -1;
}

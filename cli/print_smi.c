/*
 * print_smi.c - names of SMI Network Management Private Enterprise Codes
 * (IANA enterprise numbers), as tcpdump 4.99.3's smi_values table has
 * them (oui.c; RADIUS Vendor-Specific prints them).  The table holds
 * exactly tcpdump's entries: every number it does not list prints
 * "Unknown" there, so ringcap must not know more.
 */
#include "print.h"

static const struct {
	uint32_t code;
	const char *name;
} smi[] = {
	{0, "IETF (reserved)"},
	{5, "ACC"},
	{9, "Cisco"},
	{11, "Hewlett Packard"},
	{42, "Sun Microsystems"},
	{61, "Merit"},
	{74, "AT&T"},
	{161, "Motorola"},
	{166, "Shiva"},
	{193, "Ericsson AB"},
	{255, "Cisco VPN 5000"},
	{307, "Livingston"},
	{311, "Microsoft"},
	{429, "3Com"},
	{529, "Ascend"},
	{1584, "Bay Networks"},
	{1991, "Foundry"},
	{2180, "Versanet"},
	{2352, "Redback"},
	{2636, "Juniper Networks"},
	{2637, "Aptis"},
	{2937, "Deutsche Telekom AG"},
	{3054, "Ixia Communications"},
	{3076, "Cisco VPN 3000"},
	{3085, "CoSine Communications"},
	{3199, "Shasta"},
	{3224, "Netscreen"},
	{3309, "Nomadix"},
	{3414, "T-Mobile"},
	{3561, "The Broadband Forum"},
	{3902, "ZTE"},
	{4329, "Siemens"},
	{4491, "CableLabs"},
	{4874, "Unisphere Networks"},
	{5263, "Cisco BBSM"},
	{5535, "3rd Generation Partnership Project 2 (3GPP2)"},
	{5806, "SK Telecom"},
	{5925, "ipUnplugged"},
	{5948, "Issanni Communications"},
	{5951, "Netscaler"},
	{6490, "T-Mobile"},
	{6618, "Quintum"},
	{6728, "Interlink"},
	{7951, "CNCTC"},
	{8164, "Starent Networks"},
	{8744, "Colubris"},
	{10415, "3GPP"},
	{10529, "Gemtek-Systems"},
	{10704, "Barracuda Networks"},
	{10923, "Ericsson AB - Packet Core Networks"},
	{11665, "dacom"},
	{11862, "Columbia University"},
	{12356, "Fortinet"},
	{12951, "Verizon Wireless"},
	{13745, "Plixer"},
	{14122, "Wi-Fi Alliance"},
	{16787, "T-Systems Nova"},
	{20942, "China Telecom - Guangzhou Research Institute"},
	{26866, "Gigamon Systems"},
	{32622, "CACE Technologies"},
	{35632, "ntop"},
	{46098, "Ericsson Canada"},
};

const char *rc__smi_name(uint32_t code)
{
	size_t lo = 0, hi = sizeof smi / sizeof smi[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (smi[mid].code == code)
			return smi[mid].name;
		if (smi[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * print_radius_attr.c - the value of one RADIUS attribute with -v, as
 * tcpdump 4.99.3 print-radius.c prints it (RFC 2865, 2866, 2867, 2868,
 * 2869, 3162, 4072, 4675, 4818, 5090, 5580, 6572).
 *
 * tcpdump's attr_type table gives each type 1-129 a name and a printer:
 * text (up to a NUL, '.' for what is not printable ASCII, with tunnel
 * tags, salts and RFC 4675 tags in front), a 32-bit number (by name where
 * the RFC lists values, times as "secs", "min" or "hours"), IPv4 and IPv6
 * addresses and prefixes, the Vendor-Specific vendor and its raw
 * sub-attributes, the ARAP fields, Error-Cause, dates, the MIP6 feature
 * bits and the RFC 5580 location attributes; EAP-Message goes to the EAP
 * printer.  A value whose length does not fit its form prints tcpdump's
 * "ERROR: length ..." note instead.
 *
 * The text printers check the whole value first and print " [|radius]"
 * without unwinding (tcpdump's goto trunc), the others read field by
 * field and unwind at the snapend (GET_ macros).
 */
#include "print.h"

#include <string.h>
#include <time.h>

enum kind {
	K_NONE, K_STRING, K_NUM, K_ADDR, K_ADDR6, K_PREFIX6, K_TIME, K_STRANGE, K_VENDOR,
	K_VECTOR64, K_HOME_PREFIX, K_OPERATOR, K_LOC_INFO, K_LOC_DATA, K_LOC_RULES,
};

/* Attribute types with a special form (IANA RADIUS Types). */
#define A_FRM_IPADDR 8
#define A_LOG_IPHOST 14
#define A_FRM_IPX 23
#define A_SESSION_TIMEOUT 27
#define A_IDLE_TIMEOUT 28
#define A_ATALK_LINK 37
#define A_ATALK_NETWORK 38
#define A_ACCT_DELAY 41
#define A_ACCT_SESSION_TIME 46
#define A_EGRESS_VLAN_ID 56
#define A_EGRESS_VLAN_NAME 58
#define A_TUNNEL_TYPE 64
#define A_TUNNEL_MEDIUM 65
#define A_TUNNEL_CLIENT_END 66
#define A_TUNNEL_SERVER_END 67
#define A_TUNNEL_PASS 69
#define A_ARAP_PASS 70
#define A_ARAP_FEATURES 71
#define A_EAP_MESSAGE 79
#define A_TUNNEL_PRIV_GROUP 81
#define A_TUNNEL_ASSIGN_ID 82
#define A_TUNNEL_PREFERENCE 83
#define A_ARAP_CHALLENGE_RESP 84
#define A_ACCT_INT_INTERVAL 85
#define A_TUNNEL_CLIENT_AUTH 90
#define A_TUNNEL_SERVER_AUTH 91
#define A_ERROR_CAUSE 101

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Standard values of the enumerated attributes, from the first listed. */
static const char *const serv_type[] = {
	"Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative",
	"NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check",
	"Callback Administrative", "Voice", "Fax", "Modem Relay", "IAPP-Register",
	"IAPP-AP-Check", "Authorize Only", "Framed-Management", "Additional-Authorization",
};
static const char *const frm_proto[] = {
	"PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous",
	"GPRS PDP Context",
};
static const char *const frm_routing[] = {"None", "Send", "Listen", "Send&Listen"};
static const char *const frm_comp[] = {"None", "VJ TCP/IP", "IPX", "Stac-LZS"};
static const char *const login_serv[] = {
	"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD",
	"X.25-T3POS", "Unassigned", "TCP Clear Quiet",
};
static const char *const term_action[] = {"Default", "RADIUS-Request"};
static const char *const ingress_filters[] = {"Enabled", "Disabled"};
static const char *const nas_port_type[] = {
	"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS",
	"HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT",
	"ISDN-DSL", "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11",
	"Token-Ring", "FDDI", "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP",
	"FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20", "Wireless - IEEE 802.22",
	"PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP",
	"WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF", "WIMAX-HA-LMA",
	"WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS",
};
static const char *const acct_status[] = {
	"Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned",
	"Accounting-On", "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject",
	"Tunnel-Link-Start", "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed",
};
static const char *const acct_auth[] = {"RADIUS", "Local", "Remote", "Diameter"};
static const char *const acct_term[] = {
	"User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout",
	"Admin Reset", "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot",
	"Port Unneeded", "Port Preempted", "Port Suspended", "Service Unavailable", "Callback",
	"User Error", "Host Request", "Supplicant Restart", "Reauthentication Failure",
	"Port Reinitialized", "Port Administratively Disabled", "Lost Power",
};
static const char *const tunnel_type[] = {
	"PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS",
	"IP-in-IP Tunneling", "VLAN",
};
static const char *const tunnel_medium[] = {
	"IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121",
	"IPX", "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress",
};
static const char *const arap_zone[] = {
	"Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc.",
};
static const char *const prompt[] = {"No Echo", "Echo"};

struct values {
	const char *const *names;
	unsigned n, first;
};
#define VALUES(t, f) {t, N(t), f}

static const struct attr {
	const char *name;
	enum kind kind;
	struct values values;
} attrs[] = {
	[1] = {"User-Name", K_STRING, {0}},
	[2] = {"User-Password", K_NONE, {0}},
	[3] = {"CHAP-Password", K_NONE, {0}},
	[4] = {"NAS-IP-Address", K_ADDR, {0}},
	[5] = {"NAS-Port", K_NUM, {0}},
	[6] = {"Service-Type", K_NUM, VALUES(serv_type, 1)},
	[7] = {"Framed-Protocol", K_NUM, VALUES(frm_proto, 1)},
	[8] = {"Framed-IP-Address", K_ADDR, {0}},
	[9] = {"Framed-IP-Netmask", K_ADDR, {0}},
	[10] = {"Framed-Routing", K_NUM, VALUES(frm_routing, 0)},
	[11] = {"Filter-Id", K_STRING, {0}},
	[12] = {"Framed-MTU", K_NUM, {0}},
	[13] = {"Framed-Compression", K_NUM, VALUES(frm_comp, 0)},
	[14] = {"Login-IP-Host", K_ADDR, {0}},
	[15] = {"Login-Service", K_NUM, VALUES(login_serv, 0)},
	[16] = {"Login-TCP-Port", K_NUM, {0}},
	[17] = {"Unassigned", K_NONE, {0}},
	[18] = {"Reply-Message", K_STRING, {0}},
	[19] = {"Callback-Number", K_STRING, {0}},
	[20] = {"Callback-Id", K_STRING, {0}},
	[21] = {"Unassigned", K_NONE, {0}},
	[22] = {"Framed-Route", K_STRING, {0}},
	[23] = {"Framed-IPX-Network", K_NUM, {0}},
	[24] = {"State", K_STRING, {0}},
	[25] = {"Class", K_STRING, {0}},
	[26] = {"Vendor-Specific", K_VENDOR, {0}},
	[27] = {"Session-Timeout", K_NUM, {0}},
	[28] = {"Idle-Timeout", K_NUM, {0}},
	[29] = {"Termination-Action", K_NUM, VALUES(term_action, 0)},
	[30] = {"Called-Station-Id", K_STRING, {0}},
	[31] = {"Calling-Station-Id", K_STRING, {0}},
	[32] = {"NAS-Identifier", K_STRING, {0}},
	[33] = {"Proxy-State", K_STRING, {0}},
	[34] = {"Login-LAT-Service", K_STRING, {0}},
	[35] = {"Login-LAT-Node", K_STRING, {0}},
	[36] = {"Login-LAT-Group", K_STRING, {0}},
	[37] = {"Framed-AppleTalk-Link", K_NUM, {0}},
	[38] = {"Framed-AppleTalk-Network", K_NUM, {0}},
	[39] = {"Framed-AppleTalk-Zone", K_STRING, {0}},
	[40] = {"Acct-Status-Type", K_NUM, VALUES(acct_status, 1)},
	[41] = {"Acct-Delay-Time", K_NUM, {0}},
	[42] = {"Acct-Input-Octets", K_NUM, {0}},
	[43] = {"Acct-Output-Octets", K_NUM, {0}},
	[44] = {"Acct-Session-Id", K_STRING, {0}},
	[45] = {"Acct-Authentic", K_NUM, VALUES(acct_auth, 1)},
	[46] = {"Acct-Session-Time", K_NUM, {0}},
	[47] = {"Acct-Input-Packets", K_NUM, {0}},
	[48] = {"Acct-Output-Packets", K_NUM, {0}},
	[49] = {"Acct-Terminate-Cause", K_NUM, VALUES(acct_term, 1)},
	[50] = {"Acct-Multi-Session-Id", K_STRING, {0}},
	[51] = {"Acct-Link-Count", K_NUM, {0}},
	[52] = {"Acct-Input-Gigawords", K_NUM, {0}},
	[53] = {"Acct-Output-Gigawords", K_NUM, {0}},
	[54] = {"Unassigned", K_NONE, {0}},
	[55] = {"Event-Timestamp", K_TIME, {0}},
	[56] = {"Egress-VLANID", K_NUM, {0}},
	[57] = {"Ingress-Filters", K_NUM, VALUES(ingress_filters, 1)},
	[58] = {"Egress-VLAN-Name", K_STRING, {0}},
	[59] = {"User-Priority-Table", K_NONE, {0}},
	[60] = {"CHAP-Challenge", K_STRING, {0}},
	[61] = {"NAS-Port-Type", K_NUM, VALUES(nas_port_type, 0)},
	[62] = {"Port-Limit", K_NUM, {0}},
	[63] = {"Login-LAT-Port", K_STRING, {0}},
	[64] = {"Tunnel-Type", K_NUM, VALUES(tunnel_type, 1)},
	[65] = {"Tunnel-Medium-Type", K_NUM, VALUES(tunnel_medium, 1)},
	[66] = {"Tunnel-Client-Endpoint", K_STRING, {0}},
	[67] = {"Tunnel-Server-Endpoint", K_STRING, {0}},
	[68] = {"Acct-Tunnel-Connection", K_STRING, {0}},
	[69] = {"Tunnel-Password", K_STRING, {0}},
	[70] = {"ARAP-Password", K_STRANGE, {0}},
	[71] = {"ARAP-Features", K_STRANGE, {0}},
	[72] = {"ARAP-Zone-Access", K_NUM, VALUES(arap_zone, 1)},
	[73] = {"ARAP-Security", K_STRING, {0}},
	[74] = {"ARAP-Security-Data", K_STRING, {0}},
	[75] = {"Password-Retry", K_NUM, {0}},
	[76] = {"Prompt", K_NUM, VALUES(prompt, 0)},
	[77] = {"Connect-Info", K_STRING, {0}},
	[78] = {"Configuration-Token", K_STRING, {0}},
	[79] = {"EAP-Message", K_STRING, {0}},
	[80] = {"Message-Authenticator", K_STRING, {0}},
	[81] = {"Tunnel-Private-Group-ID", K_STRING, {0}},
	[82] = {"Tunnel-Assignment-ID", K_STRING, {0}},
	[83] = {"Tunnel-Preference", K_NUM, {0}},
	[84] = {"ARAP-Challenge-Response", K_STRANGE, {0}},
	[85] = {"Acct-Interim-Interval", K_NUM, {0}},
	[86] = {"Acct-Tunnel-Packets-Lost", K_NUM, {0}},
	[87] = {"NAS-Port-Id", K_STRING, {0}},
	[88] = {"Framed-Pool", K_STRING, {0}},
	[89] = {"CUI", K_STRING, {0}},
	[90] = {"Tunnel-Client-Auth-ID", K_STRING, {0}},
	[91] = {"Tunnel-Server-Auth-ID", K_STRING, {0}},
	[92] = {"NAS-Filter-Rule", K_STRING, {0}},
	[93] = {"Unassigned", K_NONE, {0}},
	[94] = {"Originating-Line-Info", K_NONE, {0}},
	[95] = {"NAS-IPv6-Address", K_ADDR6, {0}},
	[96] = {"Framed-Interface-ID", K_NONE, {0}},
	[97] = {"Framed-IPv6-Prefix", K_PREFIX6, {0}},
	[98] = {"Login-IPv6-Host", K_ADDR6, {0}},
	[99] = {"Framed-IPv6-Route", K_STRING, {0}},
	[100] = {"Framed-IPv6-Pool", K_STRING, {0}},
	[101] = {"Error-Cause", K_STRANGE, {0}},
	[102] = {"EAP-Key-Name", K_NONE, {0}},
	[103] = {"Digest-Response", K_STRING, {0}},
	[104] = {"Digest-Realm", K_STRING, {0}},
	[105] = {"Digest-Nonce", K_STRING, {0}},
	[106] = {"Digest-Response-Auth", K_STRING, {0}},
	[107] = {"Digest-Nextnonce", K_STRING, {0}},
	[108] = {"Digest-Method", K_STRING, {0}},
	[109] = {"Digest-URI", K_STRING, {0}},
	[110] = {"Digest-Qop", K_STRING, {0}},
	[111] = {"Digest-Algorithm", K_STRING, {0}},
	[112] = {"Digest-Entity-Body-Hash", K_STRING, {0}},
	[113] = {"Digest-CNonce", K_STRING, {0}},
	[114] = {"Digest-Nonce-Count", K_STRING, {0}},
	[115] = {"Digest-Username", K_STRING, {0}},
	[116] = {"Digest-Opaque", K_STRING, {0}},
	[117] = {"Digest-Auth-Param", K_STRING, {0}},
	[118] = {"Digest-AKA-Auts", K_STRING, {0}},
	[119] = {"Digest-Domain", K_STRING, {0}},
	[120] = {"Digest-Stale", K_STRING, {0}},
	[121] = {"Digest-HA1", K_STRING, {0}},
	[122] = {"SIP-AOR", K_STRING, {0}},
	[123] = {"Delegated-IPv6-Prefix", K_PREFIX6, {0}},
	[124] = {"MIP6-Feature-Vector", K_VECTOR64, {0}},
	[125] = {"MIP6-Home-Link-Prefix", K_HOME_PREFIX, {0}},
	[126] = {"Operator-Name", K_OPERATOR, {0}},
	[127] = {"Location-Information", K_LOC_INFO, {0}},
	[128] = {"Location-Data", K_LOC_DATA, {0}},
	[129] = {"Basic-Location-Policy-Rules", K_LOC_RULES, {0}},
};

const char *rc__radius_attr_name(unsigned type)
{
	return type != 0 && type < N(attrs) ? attrs[type].name : "Unknown";
}

/* tcpdump's ND_ASCII_ISPRINT or '.'. */
static void put_ascii(rc__ob *ob, uint8_t ch)
{
	rc__ob_putc(ob, ch >= 0x20 && ch <= 0x7e ? (char)ch : '.');
}

/* tcpdump's note for a fixed-size value of another length: 0 (note
 * printed) or 1 (length right). */
static int len_is(rc__pctx *c, unsigned len, unsigned want)
{
	if (len == want)
		return 1;
	rc__ob_printf(c->ob, "ERROR: length %u != %u", len, want);
	return 0;
}

/* "Tag[N] " for tags 1-31, "Tag[Unused] " otherwise (RFC 2868 3.5). */
static void put_tag(rc__pctx *c, unsigned tag, int in_range)
{
	if (tag && in_range)
		rc__ob_printf(c->ob, "Tag[%u] ", tag);
	else
		rc__ob_puts(c->ob, "Tag[Unused] ");
}

static const char *rfc4675_tag(unsigned t)
{
	return t == 0x31 ? "Tagged" : t == 0x32 ? "Untagged" : "Unknown tag";
}

static int p_string(rc__pctx *c, const uint8_t *p, unsigned len, unsigned type)
{
	if (!rc__have(c, p, len)) {
		rc__trunc_soft(c);
		return 0;
	}
	switch (type) {
	case A_TUNNEL_PASS:
		if (len < 3) {
			rc__trunc_soft(c);
			return 0;
		}
		put_tag(c, p[0], p[0] <= 0x1f);
		rc__ob_printf(c->ob, "Salt %u ", rc__be16(p + 1));
		p += 3;
		len -= 3;
		break;
	case A_TUNNEL_CLIENT_END:
	case A_TUNNEL_SERVER_END:
	case A_TUNNEL_PRIV_GROUP:
	case A_TUNNEL_ASSIGN_ID:
	case A_TUNNEL_CLIENT_AUTH:
	case A_TUNNEL_SERVER_AUTH:
		if (p[0] <= 0x1f) {
			put_tag(c, p[0], 1);
			p++;
			len--;
		}
		break;
	case A_EGRESS_VLAN_NAME:
		rc__ob_printf(c->ob, "%s (0x%02x) ", rfc4675_tag(p[0]), p[0]);
		p++;
		len--;
		break;
	case A_EAP_MESSAGE:
		return rc__print_eap(c, p, len);
	default:
		break;
	}
	for (unsigned i = 0; i < len && p[i]; i++)
		put_ascii(c->ob, p[i]);
	return 0;
}

/* "Vendor: NAME (ID)", then each sub-attribute's type, length and raw
 * value as text. */
static int p_vendor(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (len < 4) {
		rc__trunc_soft(c);
		return 0;
	}
	RC_NEED(c, p, 4);
	uint32_t id = rc__be32(p);
	const char *vendor = rc__smi_name(id);
	rc__ob_printf(c->ob, "Vendor: %s (%u)", vendor ? vendor : "Unknown", id);
	p += 4;
	len -= 4;
	while (len >= 2) {
		RC_NEED(c, p, 2);
		unsigned vtype = p[0], vlen = p[1];
		const char *bogus = vlen < 2 ? "must be >= 2"
			: vlen > len ? "goes past end of vendor-specific attribute" : NULL;
		if (bogus) {
			rc__ob_printf(c->ob, "\n\t    Vendor Attribute: %u, Length: %u (bogus, %s)", vtype,
				      vlen, bogus);
			return 0;
		}
		p += 2;
		vlen -= 2;
		len -= 2;
		if (!rc__have(c, p, vlen)) {
			rc__trunc_soft(c);
			return 0;
		}
		rc__ob_printf(c->ob, "\n\t    Vendor Attribute: %u, Length: %u, Value: ", vtype, vlen);
		for (unsigned i = 0; i < vlen; i++)
			put_ascii(c->ob, p[i]);
		p += vlen;
		len -= vlen;
	}
	return 0;
}

/* A duration as tcpdump prints the timeouts: "SS secs", "MM:SS min" or
 * "HH:MM:SS hours". */
static void put_duration(rc__ob *ob, uint32_t t)
{
	if (t < 60)
		rc__ob_printf(ob, "%02u secs", t);
	else if (t < 3600)
		rc__ob_printf(ob, "%02u:%02u min", t / 60, t % 60);
	else
		rc__ob_printf(ob, "%02u:%02u:%02u hours", t / 3600, t % 3600 / 60, t % 60);
}

/* A tag or RFC 4675 tag byte, then a 24-bit number. */
static int tagged24(rc__pctx *c, const uint8_t *p, unsigned type)
{
	RC_NEED(c, p, 1);
	if (type == A_EGRESS_VLAN_ID)
		rc__ob_printf(c->ob, "%s (0x%02x) ", rfc4675_tag(p[0]), p[0]);
	else
		put_tag(c, p[0], 1);
	RC_NEED(c, p + 1, 3);
	return (int)rc__be24(p + 1);
}

static int p_num(rc__pctx *c, const uint8_t *p, unsigned len, unsigned type)
{
	if (!len_is(c, len, 4))
		return 0;
	const struct values *v = &attrs[type].values;
	if (v->names) {
		uint32_t val;
		if (type == A_TUNNEL_TYPE || type == A_TUNNEL_MEDIUM) {
			int r = tagged24(c, p, type);
			RC_TRY(r);
			val = (uint32_t)r;
		} else {
			RC_NEED(c, p, 4);
			val = rc__be32(p);
		}
		if (val >= v->first && val - v->first < v->n)
			rc__ob_puts(c->ob, v->names[val - v->first]);
		else
			rc__ob_printf(c->ob, "#%u", val);
		return 0;
	}
	if (type == A_TUNNEL_PREFERENCE || type == A_EGRESS_VLAN_ID) {
		int r = tagged24(c, p, type);
		RC_TRY(r);
		rc__ob_printf(c->ob, "%u", (unsigned)r);
		return 0;
	}
	RC_NEED(c, p, 4);
	uint32_t val = rc__be32(p);
	switch (type) {
	case A_FRM_IPX:
		if (val == 0xfffffffe) {
			rc__ob_puts(c->ob, "NAS Select");
			return 0;
		}
		break;
	case A_SESSION_TIMEOUT:
	case A_IDLE_TIMEOUT:
	case A_ACCT_DELAY:
	case A_ACCT_SESSION_TIME:
	case A_ACCT_INT_INTERVAL:
		put_duration(c->ob, val);
		return 0;
	case A_ATALK_LINK:
	case A_ATALK_NETWORK:
		if (val == 0) {
			rc__ob_puts(c->ob, type == A_ATALK_LINK ? "Unnumbered" : "NAS assigned");
			return 0;
		}
		break;
	default:
		break;
	}
	rc__ob_printf(c->ob, "%u", val);
	return 0;
}

static int p_addr(rc__pctx *c, const uint8_t *p, unsigned len, unsigned type)
{
	if (!len_is(c, len, 4))
		return 0;
	RC_NEED(c, p, 4);
	uint32_t a = rc__be32(p);
	if ((type == A_FRM_IPADDR || type == A_LOG_IPHOST) && a >= 0xfffffffe)
		rc__ob_puts(c->ob, a == 0xffffffff ? "User Selected" : "NAS Select");
	else
		rc__put_ip4(c->ob, p);
	return 0;
}

static int p_addr6(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (!len_is(c, len, 16))
		return 0;
	RC_NEED(c, p, 16);
	rc__put_ip6(c->ob, p);
	return 0;
}

/* RFC 3162/4818 prefix: reserved(1) length(1) prefix(0-16, zero filled). */
static int p_prefix6(rc__pctx *c, const uint8_t *p, unsigned len)
{
	uint8_t a[16] = {0};
	if (len < 2 || len > 18) {
		rc__ob_printf(c->ob, "ERROR: length %u not in range (2..18)", len);
		return 0;
	}
	if (!rc__have(c, p, len)) {
		rc__trunc_soft(c);
		return 0;
	}
	if (p[1] > 128) {
		rc__ob_printf(c->ob, "ERROR: netmask %u not in range (0..128)", p[1]);
		return 0;
	}
	memcpy(a, p + 2, len - 2);
	rc__put_ip6(c->ob, a);
	rc__ob_printf(c->ob, "/%u", p[1]);
	if (p[1] > 8 * (len - 2))
		rc__ob_puts(c->ob, " (inconsistent prefix length)");
	return 0;
}

/* RFC 5447 MIP6-Home-Link-Prefix: length(1) prefix(16). */
static int p_home_prefix(rc__pctx *c, const uint8_t *p, unsigned len)
{
	if (!len_is(c, len, 17))
		return 0;
	if (!rc__have(c, p, len)) {
		rc__trunc_soft(c);
		return 0;
	}
	if (p[0] > 128) {
		rc__ob_printf(c->ob, "ERROR: netmask %u not in range (0..128)", p[0]);
		return 0;
	}
	rc__put_ip6(c->ob, p + 1);
	rc__ob_printf(c->ob, "/%u", p[0]);
	return 0;
}

/* Event-Timestamp: seconds since 1970 as ctime() prints them in local
 * time, as tcpdump does. */
static int p_time(rc__pctx *c, const uint8_t *p, unsigned len)
{
	char buf[64];
	struct tm tm;
	if (!len_is(c, len, 4))
		return 0;
	RC_NEED(c, p, 4);
	time_t t = (time_t)rc__be32(p);
	if (localtime_r(&t, &tm) && strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm))
		rc__ob_puts(c->ob, buf);
	return 0;
}

/* RFC 5447 MIP6-Feature-Vector bits by name. */
static int p_vector64(rc__pctx *c, const uint8_t *p, unsigned len)
{
	static const struct {
		uint64_t bit;
		const char *name;
	} bits[] = {
		{0x0000000000000001ull, "MIP6_INTEGRATED"},
		{0x0000000000000002ull, "LOCAL_HOME_AGENT_ASSIGNMENT"},
		{0x0000010000000000ull, "PMIP6_SUPPORTED"},
		{0x0000020000000000ull, "IP4_HOA_SUPPORTED"},
		{0x0000040000000000ull, "LOCAL_MAG_ROUTING_SUPPORTED"},
		{0x0000080000000000ull, "ASSIGN_LOCAL_IP"},
		{0x0000100000000000ull, "MIP4_SUPPORTED"},
		{0x0000200000000000ull, "OPTIMIZED_IDLE_MODE_MOBILITY"},
		{0x0000400000000000ull, "GTPv2_SUPPORTED"},
		{0x0000800000000000ull, "IP4_TRANSPORT_SUPPORTED"},
		{0x0001000000000000ull, "IP4_HOA_ONLY_SUPPORTED"},
		{0x0002000000000000ull, "INTER_MAG_ROUTING_SUPPORTED"},
	};
	if (!len_is(c, len, 8))
		return 0;
	rc__ob_putc(c->ob, '[');
	RC_NEED(c, p, 8);
	uint64_t v = (uint64_t)rc__be32(p) << 32 | rc__be32(p + 4);
	const char *sep = "";
	for (size_t i = 0; i < N(bits); i++) {
		if (v & bits[i].bit) {
			rc__ob_printf(c->ob, "%s%s", sep, bits[i].name);
			sep = ", ";
		}
	}
	rc__ob_putc(c->ob, ']');
	return 0;
}

/* tcpdump's PRINT_HEX: n bytes as "%02X", each read through the snapend. */
static int upper_hex(rc__pctx *c, const uint8_t *p, unsigned n)
{
	return rc__bytes_fmt(c, p, n, "%02X");
}

/* ARAP fields (RFC 2869 5.4, 5.5, 5.15) and Error-Cause (RFC 5176 3.5). */
static int p_strange(rc__pctx *c, const uint8_t *p, unsigned len, unsigned type)
{
	switch (type) {
	case A_ARAP_PASS:
		if (!len_is(c, len, 16))
			return 0;
		rc__ob_puts(c->ob, "User_challenge (");
		RC_TRY(upper_hex(c, p, 8));
		rc__ob_puts(c->ob, ") User_resp(");
		RC_TRY(upper_hex(c, p + 8, 8));
		rc__ob_putc(c->ob, ')');
		return 0;
	case A_ARAP_FEATURES:
		if (!len_is(c, len, 14))
			return 0;
		RC_NEED(c, p, 1);
		rc__ob_printf(c->ob, "User %s change password", p[0] ? "can" : "cannot");
		RC_NEED(c, p + 1, 1);
		rc__ob_printf(c->ob, ", Min password length: %u, created at: ", p[1]);
		RC_TRY(upper_hex(c, p + 2, 4));
		rc__ob_puts(c->ob, ", expires in: ");
		RC_TRY(upper_hex(c, p + 6, 4));
		rc__ob_puts(c->ob, ", Current Time: ");
		return upper_hex(c, p + 10, 4);
	case A_ARAP_CHALLENGE_RESP:
		/* tcpdump tests "< 8" and says "!= 8" */
		if (len < 8) {
			rc__ob_printf(c->ob, "ERROR: length %u != 8", len);
			return 0;
		}
		return upper_hex(c, p, 8);
	default: /* A_ERROR_CAUSE, whose note tcpdump spells "Error:" */
		if (len != 4) {
			rc__ob_printf(c->ob, "Error: length %u != 4", len);
			return 0;
		}
		RC_NEED(c, p, 4);
		return rc__radius_error_cause(c, rc__be32(p));
	}
}

int rc__radius_attr_value(rc__pctx *c, unsigned type, const uint8_t *p, unsigned len)
{
	if (type >= N(attrs))
		return 0;
	switch (attrs[type].kind) {
	case K_STRING: return p_string(c, p, len, type);
	case K_NUM: return p_num(c, p, len, type);
	case K_ADDR: return p_addr(c, p, len, type);
	case K_ADDR6: return p_addr6(c, p, len);
	case K_PREFIX6: return p_prefix6(c, p, len);
	case K_TIME: return p_time(c, p, len);
	case K_STRANGE: return p_strange(c, p, len, type);
	case K_VENDOR: return p_vendor(c, p, len);
	case K_VECTOR64: return p_vector64(c, p, len);
	case K_HOME_PREFIX: return p_home_prefix(c, p, len);
	case K_OPERATOR:
	case K_LOC_INFO:
	case K_LOC_DATA:
	case K_LOC_RULES: return rc__radius_location(c, type, p, len);
	default: return 0;
	}
}

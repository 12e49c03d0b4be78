/*
 * pcap/namedb.h - name lookups used by filter compilers and tools
 * (ringcap's libpcap-compatible headers, matching libpcap 1.10).
 */
#ifndef lib_pcap_namedb_h
#define lib_pcap_namedb_h

#include <stdio.h>

#include <pcap/pcap.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One line of /etc/ethers. */
struct pcap_etherent {
	u_char addr[6];
	char name[122];
};
#ifndef PCAP_ETHERS_FILE
#define PCAP_ETHERS_FILE "/etc/ethers"
#endif

/*
 * pcap_next_etherent - parse the next valid "xx:xx:xx:xx:xx:xx name" line
 * of fp (comments and malformed lines skipped).  Returns a pointer to a
 * static entry overwritten by the next call, or NULL at end of file.
 */
struct pcap_etherent *pcap_next_etherent(FILE *fp);

/* pcap_ether_hostton - MAC address of a name, looked up with
 * ether_hostton(3) (glibc: the NSS "ethers" database, /etc/ethers by
 * default); malloc'ed 6 bytes the caller frees, or NULL. */
u_char *pcap_ether_hostton(const char *name);

/* pcap_ether_aton - parse "00:11:22:33:44:55" (also '.' or '-' separated,
 * one- or two-digit groups); malloc'ed 6 bytes, or NULL if out of memory. */
u_char *pcap_ether_aton(const char *s);

/*
 * pcap_nametoaddr - IPv4 addresses of a host name, host byte order, as a
 * NULL-terminated array in static storage (overwritten by the next call),
 * or NULL if the name has none.  Not thread-safe, as in libpcap.
 */
bpf_u_int32 **pcap_nametoaddr(const char *name);
/* pcap_nametoaddrinfo - getaddrinfo(name); free with freeaddrinfo(). */
struct addrinfo *pcap_nametoaddrinfo(const char *name);
/* pcap_nametonetaddr - network number from /etc/networks, or 0. */
bpf_u_int32 pcap_nametonetaddr(const char *name);

/* pcap_nametoport - port of a service name: 1 and *port, *proto (IPPROTO_TCP,
 * IPPROTO_UDP, or PROTO_UNDEF if both) on success, 0 if unknown. */
int pcap_nametoport(const char *name, int *port, int *proto);
/* pcap_nametoportrange - "lo-hi" with numbers or names: 1 on success. */
int pcap_nametoportrange(const char *range, int *port1, int *port2, int *proto);
/* pcap_nametoproto - IP protocol number from /etc/protocols, or PROTO_UNDEF. */
int pcap_nametoproto(const char *name);
/* pcap_nametoeproto - EtherType of a name from eproto_db, or PROTO_UNDEF. */
int pcap_nametoeproto(const char *name);
/* pcap_nametollc - 802.2 LLC SAP of a name ("iso", "stp", "ipx", "netbeui"), or PROTO_UNDEF. */
int pcap_nametollc(const char *name);

#define PROTO_UNDEF -1

#ifdef __cplusplus
}
#endif
#endif /* lib_pcap_namedb_h */

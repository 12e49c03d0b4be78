/*
 * pcap-namedb.h - historical location of the name lookups; new code
 * includes <pcap/namedb.h>.  Part of ringcap's libpcap-compatible headers.
 */
#include <pcap/namedb.h>

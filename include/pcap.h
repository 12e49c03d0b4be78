/*
 * pcap.h - historical location of the libpcap API; new code includes
 * <pcap/pcap.h>.  Part of ringcap's libpcap-compatible headers.
 */
#include <pcap/pcap.h>

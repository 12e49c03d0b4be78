/*
 * pcap-bpf.h - historical location of the BPF definitions; new code
 * includes <pcap/bpf.h>.  Part of ringcap's libpcap-compatible headers.
 */
#include <pcap/bpf.h>

#!/bin/sh
# make_corpus.sh DIR - the capture corpus of tests/test_compat_tcpdump.c:
# make_corpus.py (scapy) plus files made with Wireshark's tools, which
# write what real captures contain (pcapng sections, several interfaces,
# text2pcap's synthesized headers).
set -e
dir=$1
here=$(dirname "$0")
/usr/bin/python3 "$here/make_corpus.py" "$dir"
cd "$dir"
# pcapng versions of pcap files (one IDB each), with nanosecond resolution.
editcap -F pcapng eth.pcap eth.pcapng
editcap -F pcapng eth_nano.pcap eth_nano.pcapng
editcap -F pcapng raw.pcap raw.pcapng
# Two interfaces of the same link type in one pcapng file, interleaved by time.
editcap -F pcapng -t 0.0005 eth.pcap eth_shift.pcapng
mergecap -F pcapng -w eth_merged.pcapng eth.pcapng eth_shift.pcapng
# A file whose second interface has another link type: libpcap refuses it.
mergecap -F pcapng -w mixed.pcapng eth.pcapng raw.pcapng
# text2pcap: UDP and TCP headers synthesized around hex payloads.
printf '0000  de ad be ef 00 01 02 03 04 05 06 07 08 09\n0000  68 65 6c 6c 6f\n' > payload.txt
text2pcap -q -u 1234,53 -t '%H:%M:%S.' payload.txt t2p_udp.pcap
text2pcap -q -T 80,44444 payload.txt t2p_tcp.pcap
rm -f payload.txt

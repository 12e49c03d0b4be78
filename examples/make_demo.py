#!/usr/bin/python3
"""make_demo.py - writes examples/demo.pcapng, the capture `make demo` shows.

A small, realistic session on one Ethernet segment, with fixed time stamps
and fixed header fields so that re-running the script reproduces the file
byte for byte:

  host 192.168.1.10 (02:00:00:00:00:0a) resolves its gateway with ARP, asks
  the DNS server for www.example.com (A and AAAA), fetches http://www.example.com/
  over TCP (handshake, GET, 200 OK, close), pings the server, sends a few
  UDP datagrams (syslog-free port), does IPv6 neighbour discovery and an
  IPv6 ping, and one frame arrives tagged with VLAN 100.

Usage: make_demo.py [OUTPUT]   (default: demo.pcapng next to this script)
"""
import os
import sys

from scapy.all import (ARP, DNS, DNSQR, DNSRR, ICMP, IP, IPv6, TCP, UDP, Dot1Q,
                       Ether, ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6ND_NA,
                       ICMPv6ND_NS, ICMPv6NDOptDstLLAddr, ICMPv6NDOptSrcLLAddr,
                       Raw, conf, wrpcapng)

HOST_MAC, GW_MAC = "02:00:00:00:00:0a", "02:00:00:00:00:01"
HOST, GW, DNS_SRV, WEB = "192.168.1.10", "192.168.1.1", "192.168.1.53", "93.184.216.34"
HOST6, GW6 = "2001:db8:1::10", "2001:db8:1::1"
T0 = 1700000000.0


def session():
    up = Ether(src=HOST_MAC, dst=GW_MAC)
    down = Ether(src=GW_MAC, dst=HOST_MAC)
    pkts = [
        Ether(src=HOST_MAC, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=HOST_MAC, psrc=HOST, pdst=GW),
        down / ARP(op=2, hwsrc=GW_MAC, psrc=GW, hwdst=HOST_MAC, pdst=HOST),
    ]
    for i, (qt, ans) in enumerate((("A", WEB), ("AAAA", "2606:2800:220:1:248:1893:25c8:1946"))):
        qid = 0x3a00 + i
        pkts.append(up / IP(src=HOST, dst=DNS_SRV, id=100 + i) / UDP(sport=41000 + i, dport=53) /
                    DNS(id=qid, rd=1, qd=DNSQR(qname="www.example.com", qtype=qt)))
        pkts.append(down / IP(src=DNS_SRV, dst=HOST, id=200 + i) / UDP(sport=53, dport=41000 + i) /
                    DNS(id=qid, qr=1, rd=1, ra=1, qd=DNSQR(qname="www.example.com", qtype=qt),
                        an=DNSRR(rrname="www.example.com", type=qt, rdata=ans, ttl=3600)))
    c, s = 51000, 80
    cseq, sseq = 100000, 900000
    opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None), ("WScale", 7)]
    ip_c = lambda n: IP(src=HOST, dst=WEB, id=300 + n, flags="DF")
    ip_s = lambda n: IP(src=WEB, dst=HOST, id=400 + n, flags="DF", ttl=56)
    req = b"GET / HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: demo\r\n\r\n"
    body = b"<html><body>hello from the demo</body></html>\n"
    resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
    pkts += [
        up / ip_c(0) / TCP(sport=c, dport=s, flags="S", seq=cseq, window=64240, options=opts),
        down / ip_s(0) / TCP(sport=s, dport=c, flags="SA", seq=sseq, ack=cseq + 1, window=65160, options=opts),
        up / ip_c(1) / TCP(sport=c, dport=s, flags="A", seq=cseq + 1, ack=sseq + 1, window=502),
        up / ip_c(2) / TCP(sport=c, dport=s, flags="PA", seq=cseq + 1, ack=sseq + 1, window=502) / Raw(req),
        down / ip_s(1) / TCP(sport=s, dport=c, flags="A", seq=sseq + 1, ack=cseq + 1 + len(req), window=509),
        down / ip_s(2) / TCP(sport=s, dport=c, flags="PA", seq=sseq + 1, ack=cseq + 1 + len(req), window=509) / Raw(resp),
        up / ip_c(3) / TCP(sport=c, dport=s, flags="A", seq=cseq + 1 + len(req), ack=sseq + 1 + len(resp), window=501),
        up / ip_c(4) / TCP(sport=c, dport=s, flags="FA", seq=cseq + 1 + len(req), ack=sseq + 1 + len(resp), window=501),
        down / ip_s(3) / TCP(sport=s, dport=c, flags="FA", seq=sseq + 1 + len(resp), ack=cseq + 2 + len(req), window=509),
        up / ip_c(5) / TCP(sport=c, dport=s, flags="A", seq=cseq + 2 + len(req), ack=sseq + 2 + len(resp), window=501),
    ]
    for n in range(6):
        pkts.append(up / IP(src=HOST, dst=WEB, id=500 + n) / ICMP(type=8, id=0x77, seq=n + 1) / Raw(bytes(range(48))))
        pkts.append(down / IP(src=WEB, dst=HOST, id=600 + n, ttl=56) / ICMP(type=0, id=0x77, seq=n + 1) / Raw(bytes(range(48))))
    for n in range(12):
        pkts.append(up / IP(src=HOST, dst=GW, id=700 + n) / UDP(sport=40000, dport=9999) / Raw(b"metric %d\n" % n))
    pkts += [
        Ether(src=HOST_MAC, dst="33:33:ff:00:00:01") / IPv6(src=HOST6, dst="ff02::1:ff00:1", hlim=255) /
        ICMPv6ND_NS(tgt=GW6) / ICMPv6NDOptSrcLLAddr(lladdr=HOST_MAC),
        down / IPv6(src=GW6, dst=HOST6, hlim=255) / ICMPv6ND_NA(tgt=GW6, R=1, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=GW_MAC),
    ]
    for n in range(4):
        pkts.append(up / IPv6(src=HOST6, dst=GW6) / ICMPv6EchoRequest(id=0x66, seq=n + 1) / Raw(b"ping6"))
        pkts.append(down / IPv6(src=GW6, dst=HOST6) / ICMPv6EchoReply(id=0x66, seq=n + 1) / Raw(b"ping6"))
    pkts.append(Ether(src=GW_MAC, dst=HOST_MAC) / Dot1Q(vlan=100, prio=5) / IP(src=GW, dst=HOST, id=800) /
                UDP(sport=5000, dport=5001) / Raw(b"tagged"))
    # Time stamps: 1.25 ms apart with a little structure, all fixed.
    for i, p in enumerate(pkts):
        p.time = T0 + i * 0.00125 + (i % 3) * 0.000011
    return pkts


def main():
    conf.verb = 0
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo.pcapng")
    wrpcapng(out, session())


if __name__ == "__main__":
    main()

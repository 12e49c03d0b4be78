#!/usr/bin/python3
"""make_corpus.py DIR - write the capture corpus of the libpcap compatibility
tests (tests/test_compat_tcpdump.c) into DIR, with scapy.

Every file is deterministic (fixed time stamps, no randomness) and small.
The mix is what tcpdump's printers and the filter compiler must get right:
Ethernet with ARP, IPv4/IPv6, TCP with options and flags, UDP/DNS, ICMP,
ICMPv6, 802.1Q and QinQ tags (IPv4 and IPv6 inside), IPv4 and IPv6
fragments, truncated frames (caplen < len); and the other link types ringcap
reads: raw IP, Linux cooked v1/v2, BSD loopback (DLT_NULL).  The pcap written by hand in big-endian byte order checks
swapped files.
"""
import os
import struct
import sys

from scapy.all import (ARP, DNS, DNSQR, DNSRR, ICMP, IP, TCP, UDP, Dot1AD, Dot1Q, Ether,
                       ICMPv6EchoRequest, IPv6, IPv6ExtHdrFragment, Loopback, Raw, CookedLinux,
                       CookedLinuxV2, fragment, fragment6, wrpcap)

out = sys.argv[1]
T0 = 1700000000


def stamp(pkts, nano=False):
    for i, p in enumerate(pkts):
        p.time = T0 + i * 0.001 + (0.000000123 if nano else 0)
    return pkts


def l3():
    """IPv4/IPv6 packets without a link header."""
    a, b = "10.1.2.3", "192.168.7.9"
    pkts = [
        IP(src=a, dst=b) / TCP(sport=40000, dport=80, flags="S", seq=1000,
                               options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)),
                                        ("NOP", None), ("WScale", 7)]),
        IP(src=b, dst=a) / TCP(sport=80, dport=40000, flags="SA", seq=5000, ack=1001),
        IP(src=a, dst=b) / TCP(sport=40000, dport=80, flags="PA", seq=1001, ack=5001)
        / Raw(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
        IP(src=b, dst=a) / TCP(sport=80, dport=40000, flags="FA", seq=5001, ack=1035),
        IP(src=a, dst=b) / TCP(sport=40000, dport=80, flags="R", seq=1035),
        IP(src=a, dst="8.8.8.8") / UDP(sport=5353, dport=53)
        / DNS(id=7, rd=1, qd=DNSQR(qname="example.com", qtype="A")),
        IP(src="8.8.8.8", dst=a) / UDP(sport=53, dport=5353)
        / DNS(id=7, qr=1, qd=DNSQR(qname="example.com"),
              an=DNSRR(rrname="example.com", rdata="93.184.216.34", ttl=300)),
        IP(src=a, dst=b, ttl=1) / ICMP(type=8, id=1, seq=1) / Raw(b"x" * 32),
        IP(src=b, dst=a) / ICMP(type=0, id=1, seq=1) / Raw(b"x" * 32),
        IP(src=b, dst=a) / ICMP(type=3, code=3) / IP(src=a, dst=b) / UDP(sport=1, dport=2),
        IPv6(src="2001:db8::1", dst="2001:db8::2") / TCP(sport=443, dport=50000, flags="A"),
        IPv6(src="fe80::1", dst="ff02::1") / ICMPv6EchoRequest(id=3, seq=4),
        IPv6(src="2001:db8::2", dst="2001:db8::1") / UDP(sport=123, dport=123) / Raw(b"\x1b" + b"\0" * 47),
        IP(src=a, dst=b, tos=0x10, flags="DF", id=4242) / UDP(sport=9, dport=9) / Raw(b"discard"),
    ]
    pkts += fragment(IP(src=a, dst=b, id=99) / UDP(sport=7, dport=7) / Raw(b"F" * 2000), fragsize=800)
    pkts += fragment6(IPv6(src="2001:db8::1", dst="2001:db8::2") / IPv6ExtHdrFragment(id=77)
                      / UDP(sport=7, dport=7) / Raw(b"G" * 2000), 1280)
    return pkts


def ether(pkts):
    e = [Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb") / p for p in pkts]
    e += [
        Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff")
        / ARP(op=1, hwsrc="00:11:22:33:44:55", psrc="10.1.2.3", pdst="10.1.2.1"),
        Ether(src="66:77:88:99:aa:bb", dst="00:11:22:33:44:55")
        / ARP(op=2, hwsrc="66:77:88:99:aa:bb", psrc="10.1.2.1", hwdst="00:11:22:33:44:55",
              pdst="10.1.2.3"),
        Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb") / Dot1Q(vlan=100, prio=3)
        / IP(src="10.9.9.1", dst="10.9.9.2") / UDP(sport=1000, dport=2000) / Raw(b"vlan"),
        Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb") / Dot1Q(vlan=100)
        / IPv6(src="2001:db8::9", dst="2001:db8::a") / UDP(sport=1000, dport=2000) / Raw(b"vlan6"),
        Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb") / Dot1AD(vlan=20) / Dot1Q(vlan=30)
        / IP(src="10.9.9.1", dst="10.9.9.2") / TCP(sport=22, dport=60000, flags="A"),
        Ether(src="00:11:22:33:44:55", dst="01:80:c2:00:00:00", type=0x88b5) / Raw(b"local experimental"),
    ]
    return e


def write(name, pkts, **kw):
    wrpcap(os.path.join(out, name), pkts, **kw)


eth = stamp(ether(l3()))
write("eth.pcap", eth)
write("eth_nano.pcap", stamp(ether(l3()), nano=True), nano=True)
write("eth_snap96.pcap", eth, snaplen=96)
write("raw.pcap", stamp(l3()), linktype=101)
write("sll.pcap", stamp([CookedLinux(pkttype=i % 5, lladdrtype=1, lladdrlen=6,
                                     src=b"\x00\x11\x22\x33\x44\x55\0\0", proto=0x0800 if p.version == 4 else 0x86dd) / p
                         for i, p in enumerate(l3())]))
write("sll2.pcap", stamp([CookedLinuxV2(proto=0x0800 if p.version == 4 else 0x86dd, ifindex=3 + i % 2,
                                        pkttype=i % 5, lladdrtype=1, lladdrlen=6,
                                        src=b"\x00\x11\x22\x33\x44\x55\0\0") / p
                          for i, p in enumerate(l3())]))
# DLT_NULL: the address family in the writing host's byte order (scapy's Loopback
# packs it little-endian, as an x86 host does); 30 is AF_INET6 on FreeBSD/macOS.
write("null.pcap", stamp([Loopback(type=2 if p.version == 4 else 30) / p for p in l3()]), linktype=0)

# caplen < len: cut every frame to 54 bytes by hand (scapy writes whole frames).
with open(os.path.join(out, "eth.pcap"), "rb") as f:
    data = f.read()
hdr, off, cut = bytearray(data[:24]), 24, bytearray()
struct.pack_into("<I", hdr, 16, 54)
while off < len(data):
    sec, usec, caplen, wirelen = struct.unpack_from("<IIII", data, off)
    body = data[off + 16: off + 16 + caplen]
    n = min(caplen, 54)
    cut += struct.pack("<IIII", sec, usec, n, wirelen) + body[:n]
    off += 16 + caplen
with open(os.path.join(out, "eth_trunc.pcap"), "wb") as f:
    f.write(hdr + cut)

# The same packets in big-endian byte order (a capture made on a big-endian host).
off, be = 24, bytearray(struct.pack(">IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
while off < len(data):
    sec, usec, caplen, wirelen = struct.unpack_from("<IIII", data, off)
    be += struct.pack(">IIII", sec, usec, caplen, wirelen) + data[off + 16: off + 16 + caplen]
    off += 16 + caplen
with open(os.path.join(out, "eth_be.pcap"), "wb") as f:
    f.write(be)

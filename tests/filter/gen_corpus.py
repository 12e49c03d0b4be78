#!/usr/bin/python3
"""Packet corpus for the filter differential tests (tests/test_filter_diff_*.c).

Writes one classic pcap file per link type into the directory given as argv[1]:
  en10mb.pcap (1), sll.pcap (113), sll2.pcap (276), raw.pcap (12 = DLT_RAW as
  libpcap numbers it on Linux), ipv4.pcap (228), ipv6.pcap (229), null.pcap (0),
  loop.pcap (108).
Frames are built with scapy from a fixed list (deterministic), and a few are
written truncated (caplen < wire length) to exercise out-of-bounds loads.
"""
import struct
import sys

from scapy.all import (AH, ARP, GRE, ICMP, IP, LLC, SNAP, STP, TCP, UDP, Dot1AD,
                       Dot1Q, Dot3, Ether, ICMPv6EchoRequest, IPv6, IPv6ExtHdrDestOpt,
                       IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting,
                       PPPoE, PPPoED, PPP, Raw, raw)
from scapy.contrib.geneve import GENEVE
from scapy.contrib.igmp import IGMP
from scapy.contrib.mpls import MPLS
from scapy.layers.sctp import SCTP

M1, M2, BC = "00:11:22:33:44:55", "66:77:88:99:aa:bb", "ff:ff:ff:ff:ff:ff"
A = ["10.0.0.1", "10.0.0.2", "192.168.1.255", "224.0.0.5", "10.1.2.3", "127.0.0.1", "1.2.3.4"]
A6 = ["2001:db8::1", "2001:db8::2", "fe80::1", "ff02::1", "::1"]


def frames():
    e = lambda s=M1, d=M2: Ether(src=s, dst=d)
    out = []
    for i, (s, d) in enumerate([(A[0], A[1]), (A[1], A[4]), (A[4], A[2]), (A[5], A[3]), (A[6], A[0])]):
        out.append(e() / IP(src=s, dst=d) / TCP(sport=80 + i, dport=443, flags="S"))
        out.append(e() / IP(src=s, dst=d) / UDP(sport=53, dport=1024 + i * 1000) / (b"x" * i))
        out.append(e(d=BC) / IP(src=s, dst=d, options=b"\x01\x01\x01\x00") / TCP(sport=22, dport=8080, flags="SA"))
    out.append(e() / IP(src=A[0], dst=A[1]) / ICMP(type=8))
    out.append(e() / IP(src=A[0], dst=A[1]) / ICMP(type=0, code=0))
    out.append(e() / IP(src=A[1], dst=A[0]) / ICMP(type=3, code=1))
    out.append(e() / IP(src=A[0], dst=A[3]) / IGMP())
    out.append(e() / IP(src=A[0], dst=A[1]) / GRE() / IP(src=A[4], dst=A[6]) / UDP())
    out.append(e() / IP(src=A[0], dst=A[1]) / SCTP(sport=80, dport=9))
    out.append(e() / IP(src=A[0], dst=A[1], proto=112) / b"vrrp")
    out.append(e() / IP(src=A[0], dst=A[1], proto=103) / b"pim.")
    out.append(e() / IP(src=A[0], dst=A[1], proto=50) / b"espespesp")
    out.append(e() / IP(src=A[0], dst=A[1]) / AH(nh=6) / TCP(sport=80, dport=81))
    # fragments
    out.append(e() / IP(src=A[0], dst=A[1], flags="MF", frag=0) / TCP(sport=80, dport=443))
    out.append(e() / IP(src=A[0], dst=A[1], frag=100, proto=6) / (b"\x00\x50\x01\xbb" * 5))
    # IPv6
    for i, (s, d) in enumerate([(A6[0], A6[1]), (A6[2], A6[3]), (A6[4], A6[4])]):
        out.append(e() / IPv6(src=s, dst=d) / TCP(sport=80, dport=443 + i))
        out.append(e() / IPv6(src=s, dst=d) / UDP(sport=53 + i, dport=53))
        out.append(e() / IPv6(src=s, dst=d) / ICMPv6EchoRequest())
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / IPv6ExtHdrHopByHop() / TCP(sport=1, dport=80))
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() /
               IPv6ExtHdrRouting() / UDP(sport=7, dport=80))
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / IPv6ExtHdrFragment() / TCP(sport=80, dport=80))
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / IPv6ExtHdrFragment(offset=10, nh=17) / b"\x00\x35\x00\x35")
    out.append(e() / IPv6(src=A6[1], dst=A6[0]) / AH(nh=6) / TCP(sport=80, dport=80))
    out.append(e() / IPv6(src=A6[1], dst=A6[0], nh=59) / b"")
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / SCTP(sport=5, dport=80))
    # ARP / RARP
    out.append(e(d=BC) / ARP(psrc=A[0], pdst=A[1], hwsrc=M1))
    out.append(e(d=BC) / ARP(op=2, psrc=A[4], pdst=A[6], hwsrc=M2))
    out.append(Ether(src=M1, dst=BC, type=0x8035) / ARP(op=3, psrc=A[1], pdst=A[4]))
    # VLAN, QinQ, MPLS, PPPoE
    out.append(e() / Dot1Q(vlan=10) / IP(src=A[0], dst=A[1]) / TCP(sport=80, dport=1))
    out.append(e() / Dot1Q(vlan=20) / IPv6(src=A6[0], dst=A6[1]) / UDP(sport=53, dport=53))
    out.append(e() / Dot1AD(vlan=100) / Dot1Q(vlan=10) / IP(src=A[4], dst=A[1]) / UDP(sport=80))
    out.append(Ether(src=M1, dst=M2, type=0x9100) / Dot1Q(vlan=7) / IP(src=A[0], dst=A[6]) / ICMP())
    out.append(Ether(src=M1, dst=M2, type=0x8847) / MPLS(label=5, s=1) / IP(src=A[0], dst=A[1]) / TCP(sport=80))
    out.append(Ether(src=M1, dst=M2, type=0x8847) / MPLS(label=5, s=0) / MPLS(label=7, s=1) /
               IP(src=A[1], dst=A[0]) / UDP(dport=80))
    out.append(Ether(src=M1, dst=M2, type=0x8847) / MPLS(label=9, s=1) / IPv6(src=A6[0], dst=A6[1]) / TCP())
    out.append(e() / Dot1Q(vlan=10, type=0x8847) / MPLS(label=5, s=1) / IP(src=A[0], dst=A[1]) / TCP(sport=80))
    out.append(e() / PPPoED())
    out.append(e() / PPPoE(sessionid=3) / PPP(proto=0x21) / IP(src=A[0], dst=A[1]) / TCP(sport=80, dport=1))
    out.append(e() / PPPoE(sessionid=4) / PPP(proto=0x57) / IPv6(src=A6[0], dst=A6[1]) / UDP(dport=80))
    # 802.3 / LLC / SNAP / STP / IPX / raw Novell (Dot3: a length field;
    # scapy's Ether / LLC writes the type 0x8870 instead)
    out.append(Dot3(src=M1, dst="01:80:c2:00:00:00") / LLC() / STP())
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0, code=0x0800) /
               IP(src=A[0], dst=A[1]) / TCP())
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xe0, ssap=0xe0, ctrl=3) / b"ipx-payload-here")
    out.append(Ether(src=M1, dst=M2, type=60) / (b"\xff\xff" + b"\x00" * 40))
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xfe, ssap=0xfe, ctrl=3) / b"\x81\x01\x02\x03")
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xfe, ssap=0xfe, ctrl=3) / b"\x83\x01\x02\x03")
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xf0, ssap=0xf0, ctrl=3) / b"netbeui")
    out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0x080007, code=0x809b) / b"atalk")
    out.append(Ether(src=M1, dst=M2, type=0x809b) / b"atalk-phase1")
    out.append(Ether(src=M1, dst=M2, type=0x8137) / b"ipx-ethernet-ii")
    out.append(Ether(src=M1, dst=M2, type=0x6003) / b"decnet")
    # DECnet Phase IV routing headers (little-endian length word, flags,
    # addresses area << 10 | node, little-endian) in the four layouts
    # "decnet host" tests: short/long, with and without a pad byte.
    dn = lambda area, node: struct.pack("<H", area << 10 | node)
    hiord = b"\xaa\x00\x04\x00"
    short = lambda d, s: b"\x02" + d + s + b"\x00"
    long_ = lambda d, s: b"\x06\x00\x00" + hiord + d + b"\x00\x00" + hiord + s + b"\x00\x00\x00"
    for body in (short(dn(1, 2), dn(10, 5)), b"\x81" + short(dn(10, 5), dn(1, 2)),
                 long_(dn(63, 1023), dn(1, 2)), b"\x81" + long_(dn(1, 2), dn(10, 0))):
        out.append(Ether(src=M1, dst=M2, type=0x6003) / (struct.pack("<H", len(body)) + body + b"payload"))
    out.append(Ether(src=M1, dst="01:00:5e:00:00:05") / IP(src=A[0], dst=A[3]) / UDP())
    # Geneve (UDP port 6081): inner Ethernet (protocol 0x6558) or bare IP,
    # VNIs 7 and 100, options (optionlen in 4-byte words) and outer IPv4
    # options that move the inner frame; then near misses: version 1, the
    # port as source only, a fragment
    in4 = Ether(src=M2, dst=M1) / IP(src=A[0], dst=A[6]) / TCP(sport=1234, dport=80)
    in6 = Ether(src=M1, dst=BC) / IPv6(src=A6[0], dst=A6[3]) / UDP(sport=53, dport=53)
    gen = lambda **kw: UDP(sport=40000, dport=6081) / GENEVE(**kw)
    out.append(e() / IP(src=A[4], dst=A[1]) / gen(vni=7, proto=0x6558) / in4)
    out.append(e() / IP(src=A[4], dst=A[1]) / gen(vni=100, proto=0x6558) / in6)
    out.append(e() / IP(src=A[1], dst=A[4], options=b"\x01\x01\x01\x00") /
               gen(vni=100, proto=0x6558, options=b"\x01" * 8) / in4)
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / gen(vni=7, proto=0x6558) / in4)
    out.append(e() / IPv6(src=A6[1], dst=A6[0]) / gen(vni=7, proto=0x6558, options=b"\x02" * 12) / in6)
    out.append(e() / IPv6(src=A6[1], dst=A6[0]) / gen(vni=100, proto=0x6558, options=b"\x02" * 4) / in4)
    out.append(e() / IP(src=A[4], dst=A[1]) / gen(vni=7, proto=0x0800, options=b"\x03" * 4) /
               IP(src=A[0], dst=A[1]) / UDP(sport=53, dport=80))
    out.append(e() / IPv6(src=A6[0], dst=A6[1]) / gen(vni=100, proto=0x86DD) /
               IPv6(src=A6[0], dst=A6[1]) / TCP(sport=80, dport=443))
    out.append(e() / IP(src=A[4], dst=A[1]) / gen(vni=7, proto=0x6558) /
               Ether(src=M2, dst=M1) / Dot1Q(vlan=10) / IP(src=A[0], dst=A[1]) / TCP(dport=80))
    out.append(e() / IP(src=A[4], dst=A[1]) / gen(version=1, vni=7, proto=0x6558) / in4)
    out.append(e() / IP(src=A[4], dst=A[1]) / UDP(sport=6081, dport=40000) / GENEVE(vni=7, proto=0x6558) / in4)
    out.append(e() / IP(src=A[4], dst=A[1], frag=3, proto=17) / raw(gen(vni=7, proto=0x6558) / in4))
    # 802.2 LLC frames of each format: I (control bit 0 clear, 2 control
    # bytes), S (RR, RNR, REJ), U (UI, UA, DISC, DM, SABME, TEST, XID, FRMR),
    # some with the poll/final bit
    for ctrl in (0x00, 0x02, 0x01, 0x05, 0x09, 0x0d, 0x63, 0x73, 0x43, 0x0F, 0x1F, 0x6F,
                 0xE3, 0xAF, 0xBF, 0x87):
        pf = b"\x00" if ctrl & 3 != 3 else b""
        out.append(Dot3(src=M1, dst=M2) / LLC(dsap=0x04, ssap=0x05, ctrl=ctrl) / (pf + b"llc-data"))
    # IS-IS PDUs over LLC (ISO 10589 9.5: discriminator 0x83, PDU type in
    # byte 4): LAN hellos 15/16, p2p hello 17, LSPs 18/20, CSNPs 24/25,
    # PSNPs 26/27, an unknown type, and ES-IS (0x82) with an LSP-like byte
    for nlpid, pdu in ((0x83, 15), (0x83, 16), (0x83, 17), (0x83, 18), (0x83, 20), (0x83, 24),
                       (0x83, 25), (0x83, 26), (0x83, 27), (0x83, 21), (0x82, 18)):
        out.append(Dot3(src=M1, dst="01:80:c2:00:00:14") / LLC(dsap=0xfe, ssap=0xfe, ctrl=3) /
                   bytes([nlpid, 27, 1, 0, pdu, 1, 0, 0]) / (b"\x00" * 20))
    return [raw(f) for f in out]


def ether_payload(b):
    """(ethertype or None for 802.3, payload) of an Ethernet frame."""
    t = struct.unpack(">H", b[12:14])[0]
    return (t if t > 1500 else None), b[14:]


def to_sll(b, v2, pkttype):
    t, pl = ether_payload(b)
    proto = t if t is not None else (1 if pl[:2] == b"\xff\xff" else 4)
    addr = b[6:12] + b"\0\0"
    if v2:
        return struct.pack(">HHIHBB", proto, 0, 2 + pkttype, 1, pkttype, 6) + addr + pl
    return struct.pack(">HHH", pkttype, 1, 6) + addr + struct.pack(">H", proto) + pl


def ip_only(b):
    t, pl = ether_payload(b)
    return pl if t in (0x0800, 0x86DD) else None


def write(path, linktype, pkts):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for i, p in enumerate(pkts):
            cap = len(p)
            # every 7th packet truncated to exercise out-of-bounds loads
            if i % 7 == 3 and cap > 20:
                cap = cap * 2 // 3
            f.write(struct.pack("<IIII", i, 0, cap, len(p)) + p[:cap])


def main():
    d = sys.argv[1]
    fr = frames()
    write(d + "/en10mb.pcap", 1, fr)
    write(d + "/sll.pcap", 113, [to_sll(b, False, i % 5) for i, b in enumerate(fr)])
    write(d + "/sll2.pcap", 276, [to_sll(b, True, i % 5) for i, b in enumerate(fr)])
    ips = [p for p in map(ip_only, fr) if p]
    write(d + "/raw.pcap", 12, ips)
    write(d + "/ipv4.pcap", 228, [p for p in ips if p[0] >> 4 == 4])
    write(d + "/ipv6.pcap", 229, [p for p in ips if p[0] >> 4 == 6])
    # IPv6 under each BSD's AF_INET6 (24, 28, 30) and Linux's (10), which
    # libpcap does not take for IPv6 in a savefile
    af = lambda i, p: 2 if p[0] >> 4 == 4 else (24, 28, 30, 10)[i % 4]
    write(d + "/null.pcap", 0, [struct.pack("<I", af(i, p)) + p for i, p in enumerate(ips)])
    write(d + "/loop.pcap", 108, [struct.pack(">I", af(i, p)) + p for i, p in enumerate(ips)])


if __name__ == "__main__":
    main()

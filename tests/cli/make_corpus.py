#!/usr/bin/python3
"""make_corpus.py - deterministic capture corpus for the CLI printer tests.

Writes tests/cli/corpus/*.pcap (and .pcapng).  Every packet gets a fixed time
stamp so that re-running the script reproduces byte-identical files.  The
expected outputs in tests/cli/expected/ come from tcpdump 4.99 run on these
files (see regen.sh); tests compare build/ringcap's output against both the
stored text and, when installed, the live tcpdump.

Usage: make_corpus.py OUTDIR
"""
import os
import random
import re
import struct
import subprocess
import sys
import tempfile

from scapy.all import (ARP, DNSRROPT, DNSRRSRV, BOOTP, DHCP, DNS, DNSQR, DNSRR, GRE, ICMP, IP,
                       IPv6, TCP, UDP, VXLAN, Dot1Q, Dot1AD, Ether, Raw,
                       ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6ND_NA,
                       ICMPv6ND_NS, ICMPv6ND_RA, ICMPv6ND_RS, ICMPv6ND_Redirect,
                       ICMPv6HAADReply, ICMPv6HAADRequest, ICMPv6MPAdv, ICMPv6MPSol,
                       ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr,
                       ICMPv6DestUnreach, ICMPv6PacketTooBig,
                       IPv6ExtHdrHopByHop, IPv6ExtHdrFragment,
                       IPv6ExtHdrRouting, IPv6ExtHdrDestOpt,
                       PPPoED, PPPoE, PPP, SCTP, SCTPChunkInit,
                       SCTPChunkData, PcapWriter, fragment, conf)
from scapy.contrib.mpls import MPLS
from scapy.contrib.igmp import IGMP

BASE = 1700000000
A = "02:00:00:00:00:01"
B = "02:00:00:00:00:02"
BC = "ff:ff:ff:ff:ff:ff"
IA = "10.0.0.1"
IB = "10.0.0.2"
SA = "2001:db8::1"
SB = "2001:db8::2"


def stamp(pkts, base=BASE, step=0.001001):
    for i, p in enumerate(pkts):
        p.time = base + i * step + 0.000007 * i
    return pkts


def write(outdir, name, pkts, linktype=None, nano=False, snaplen=65535):
    path = os.path.join(outdir, name)
    w = PcapWriter(path, linktype=linktype, nano=nano, snaplen=snaplen,
                   sync=True)
    for p in pkts:
        w.write(p)
    w.close()


def write_raw(outdir, name, linktype, frames, snaplen=65535, nano=False):
    """pcap file from raw bytes: frames = [(ts_float, bytes, wirelen)]."""
    magic = 0xa1b23c4d if nano else 0xa1b2c3d4
    with open(os.path.join(outdir, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
        for ts, data, wirelen in frames:
            sec = int(ts)
            frac = round((ts - sec) * (1e9 if nano else 1e6))
            data = bytes(data)[:snaplen]
            f.write(struct.pack("<IIII", sec, frac, len(data), wirelen))
            f.write(data)


def tcp_session():
    e = Ether(src=A, dst=B)
    r = Ether(src=B, dst=A)
    opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1000, 0)),
            ("NOP", None), ("WScale", 7)]
    return [
        e / IP(src=IA, dst=IB, id=1, flags="DF") / TCP(sport=40000, dport=80, flags="S", seq=1000, window=64240, options=opts),
        r / IP(src=IB, dst=IA, id=0, flags="DF") / TCP(sport=80, dport=40000, flags="SA", seq=5000, ack=1001, window=65160,
                                                       options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (2000, 1000)), ("NOP", None), ("WScale", 7)]),
        e / IP(src=IA, dst=IB, id=2, flags="DF") / TCP(sport=40000, dport=80, flags="A", seq=1001, ack=5001, window=502,
                                                       options=[("NOP", None), ("NOP", None), ("Timestamp", (1001, 2000))]),
        e / IP(src=IA, dst=IB, id=3, flags="DF") / TCP(sport=40000, dport=80, flags="PA", seq=1001, ack=5001, window=502) /
        Raw(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
        r / IP(src=IB, dst=IA, id=1, flags="DF") / TCP(sport=80, dport=40000, flags="A", seq=5001, ack=1034, window=509),
        r / IP(src=IB, dst=IA, id=2, flags="DF") / TCP(sport=80, dport=40000, flags="PA", seq=5001, ack=1034, window=509) /
        Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"),
        e / IP(src=IA, dst=IB, id=4, flags="DF") / TCP(sport=40000, dport=80, flags="FA", seq=1034, ack=5042, window=502),
        r / IP(src=IB, dst=IA, id=3, flags="DF") / TCP(sport=80, dport=40000, flags="FA", seq=5042, ack=1035, window=509),
        e / IP(src=IA, dst=IB, id=5, flags="DF") / TCP(sport=40000, dport=80, flags="A", seq=1035, ack=5043, window=502),
        e / IP(src=IA, dst=IB) / TCP(sport=40001, dport=443, flags="R", seq=77),
        e / IP(src=IA, dst=IB) / TCP(sport=40002, dport=22, flags="RA", seq=0, ack=99),
        e / IP(src=IA, dst=IB) / TCP(sport=40003, dport=25, flags="SEC", seq=1, window=100),
        e / IP(src=IA, dst=IB) / TCP(sport=40004, dport=23, flags="FSRPAUEC", seq=1, ack=2, urgptr=5, window=100),
        e / IP(src=IA, dst=IB) / TCP(sport=40005, dport=80, flags="A", seq=10, ack=20,
                                     options=[("SAck", (100, 200)), ("NOP", None), ("NOP", None)]),
        e / IP(src=IA, dst=IB) / TCP(sport=40006, dport=80, flags="S", seq=1,
                                     options=[("MSS", 536), ("EOL", None)]),
        e / IP(src=IA, dst=IB) / TCP(sport=40007, dport=80, flags="S", seq=1,
                                     options=[("MSS", 1460), (28, b"\x81\x2c"), ("NOP", None), ("NOP", None)]),
        e / IPv6(src=SA, dst=SB) / TCP(sport=40010, dport=443, flags="S", seq=7, window=64800,
                                       options=[("MSS", 1440), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None), ("WScale", 10)]),
        e / IPv6(src=SB, dst=SA) / TCP(sport=443, dport=40010, flags="SA", seq=9, ack=8, window=64260),
    ]


def udp_apps():
    e = Ether(src=A, dst=B)
    return [
        e / IP(src=IA, dst=IB) / UDP(sport=5000, dport=6000) / Raw(b"hello"),
        e / IP(src=IA, dst="10.0.0.53") / UDP(sport=33333, dport=53) / DNS(id=0x1234, rd=1, qd=DNSQR(qname="example.com", qtype="A")),
        e / IP(src=IA, dst="10.0.0.53") / UDP(sport=33334, dport=53) / DNS(id=0x1235, rd=1, qd=DNSQR(qname="example.com", qtype="AAAA")),
        e / IP(src="10.0.0.53", dst=IA) / UDP(sport=53, dport=33333) /
        DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="A"),
            an=DNSRR(rrname="example.com", type="A", rdata="93.184.216.34", ttl=300)),
        e / IP(src="10.0.0.53", dst=IA) / UDP(sport=53, dport=33334) /
        DNS(id=0x1235, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="AAAA"),
            an=DNSRR(rrname="example.com", type="AAAA", rdata="2606:2800:220:1::1", ttl=300)),
        e / IP(src="10.0.0.53", dst=IA) / UDP(sport=53, dport=33335) /
        DNS(id=0x99, qr=1, rd=1, ra=1, rcode=3, qd=DNSQR(qname="nope.example", qtype="A")),
        e / IP(src=IA, dst="10.0.0.53") / UDP(sport=33336, dport=53) / DNS(id=7, rd=1, qd=DNSQR(qname="2.0.0.10.in-addr.arpa", qtype="PTR")),
        e / IP(src=IA, dst="10.0.0.53") / UDP(sport=33337, dport=53) / DNS(id=8, rd=1, qd=DNSQR(qname="example.com", qtype="MX")),
        e / IP(src="10.0.0.53", dst=IA) / UDP(sport=53, dport=33337) /
        DNS(id=8, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="MX"),
            an=DNSRR(rrname="example.com", type="CNAME", rdata="mail.example.com", ttl=60) /
            DNSRR(rrname="mail.example.com", type="A", rdata="10.0.0.25", ttl=60)),
        e / IPv6(src=SA, dst=SB) / UDP(sport=33338, dport=53) / DNS(id=9, rd=1, qd=DNSQR(qname="v6.example", qtype="AAAA")),
        Ether(src=A, dst=BC) / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67) /
        BOOTP(chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x11223344) / DHCP(options=[("message-type", "discover"), "end"]),
        Ether(src=B, dst=A) / IP(src=IB, dst=IA) / UDP(sport=67, dport=68) /
        BOOTP(op=2, yiaddr=IA, chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x11223344) / DHCP(options=[("message-type", "offer"), "end"]),
        e / IP(src=IA, dst=IB) / UDP(sport=123, dport=123) / Raw(b"\x23" + b"\x00" * 47),
        e / IP(src=IA, dst=IB) / UDP(sport=50000, dport=4789) / VXLAN(vni=42) /
        Ether(src="02:00:00:00:01:01", dst="02:00:00:00:01:02") / IP(src="192.168.1.1", dst="192.168.1.2") / ICMP(id=1, seq=1),
        e / IP(src=IA, dst=IB) / UDP(sport=5353, dport=5353) / Raw(b"\x00" * 4),
        e / IPv6(src=SA, dst=SB) / UDP(sport=1000, dport=2000) / Raw(b"abc"),
    ]


def icmp_misc():
    e = Ether(src=A, dst=B)
    r = Ether(src=B, dst=A)
    inner = IP(src=IB, dst=IA) / UDP(sport=1234, dport=9999)
    return [
        e / IP(src=IA, dst=IB, id=100) / ICMP(type=8, id=0x1f, seq=1) / Raw(b"x" * 56),
        r / IP(src=IB, dst=IA, id=200) / ICMP(type=0, id=0x1f, seq=1) / Raw(b"x" * 56),
        r / IP(src=IA, dst=IB) / ICMP(type=3, code=3) / inner,
        r / IP(src=IA, dst=IB) / ICMP(type=3, code=1) / IP(src=IB, dst="10.9.9.9") / UDP(sport=1, dport=2),
        r / IP(src=IA, dst=IB) / ICMP(type=11, code=0) / inner,
        r / IP(src=IA, dst=IB) / ICMP(type=13, id=1, seq=2, ts_ori=1000, ts_rx=0, ts_tx=0),
        r / IP(src=IA, dst=IB) / ICMP(type=5, code=1, gw="10.0.0.254") / inner,
        r / IP(src=IA, dst=IB) / ICMP(type=3, code=4, nexthopmtu=1400) / IP(src=IB, dst="10.9.9.9", flags="DF") / TCP(sport=1, dport=2),
        e / IP(src=IA, dst="224.0.0.1", ttl=1) / IGMP(type=0x11, mrcode=100, gaddr="0.0.0.0"),
        e / IP(src=IA, dst="224.1.2.3", ttl=1) / IGMP(type=0x16, gaddr="224.1.2.3"),
        e / IP(src=IA, dst="224.0.0.2", ttl=1) / IGMP(type=0x17, gaddr="224.1.2.3"),
        e / IP(src=IA, dst=IB) / GRE() / IP(src="192.168.0.1", dst="192.168.0.2") / ICMP(),
        e / IP(src=IA, dst=IB) / GRE(key_present=1, key=5) / IP(src="192.168.0.1", dst="192.168.0.2") / UDP(sport=1, dport=2),
        e / IP(src=IA, dst=IB) / SCTP(sport=5000, dport=5001) / SCTPChunkInit(),
        e / IP(src=IA, dst=IB) / SCTP(sport=5000, dport=5001, tag=5) / SCTPChunkData(data=b"abcd", tsn=3, stream_id=1, stream_seq=2),
        e / IP(src=IA, dst=IB, proto=253) / Raw(b"abcdefgh"),
        e / IP(src=IA, dst=IB, id=0x4242, flags="MF", frag=0) / Raw(bytes(UDP(sport=1, dport=2) / Raw(b"y" * 40))[:24]),
        e / IP(src=IA, dst=IB, id=0x4242, frag=3, proto=17) / Raw(b"y" * 24),
        e / IP(src=IA, dst=IB, id=0x4343, flags="MF", frag=0) / ICMP(type=8, id=5, seq=5) / Raw(b"z" * 16),
        e / IP(src=IA, dst=IB, options=[b"\x94\x04\x00\x00"]) / UDP(sport=9, dport=9),
        e / IP(src=IA, dst=IB, ttl=1, tos=0x10) / ICMP(type=8, id=2, seq=3),
    ]


def ipv6_set():
    e = Ether(src=A, dst=B)
    r = Ether(src=B, dst=A)
    return [
        e / IPv6(src=SA, dst=SB) / ICMPv6EchoRequest(id=0x10, seq=1) / Raw(b"ping"),
        r / IPv6(src=SB, dst=SA) / ICMPv6EchoReply(id=0x10, seq=1) / Raw(b"ping"),
        Ether(src=A, dst="33:33:ff:00:00:02") / IPv6(src=SA, dst="ff02::1:ff00:2", hlim=255) / ICMPv6ND_NS(tgt=SB) / ICMPv6NDOptSrcLLAddr(lladdr=A),
        r / IPv6(src=SB, dst=SA, hlim=255) / ICMPv6ND_NA(tgt=SB, R=0, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=B),
        Ether(src=A, dst="33:33:00:00:00:02") / IPv6(src="fe80::1", dst="ff02::2", hlim=255) / ICMPv6ND_RS(),
        Ether(src=B, dst="33:33:00:00:00:01") / IPv6(src="fe80::2", dst="ff02::1", hlim=255) / ICMPv6ND_RA(),
        r / IPv6(src=SB, dst=SA) / ICMPv6DestUnreach(code=4) / IPv6(src=SA, dst=SB) / UDP(sport=1, dport=2),
        r / IPv6(src=SB, dst=SA) / ICMPv6PacketTooBig(mtu=1280) / IPv6(src=SA, dst=SB) / UDP(sport=1, dport=2),
        e / IPv6(src=SA, dst="ff02::16") / IPv6ExtHdrHopByHop(options=[]) / UDP(sport=1, dport=2),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrFragment(id=0xabcd, m=1, offset=0) / UDP(sport=3, dport=4) / Raw(b"q" * 16),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrFragment(id=0xabcd, m=0, offset=3, nh=17) / Raw(b"q" * 8),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrDestOpt() / ICMPv6EchoRequest(id=1, seq=2),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrRouting(addresses=["2001:db8::9"], segleft=1) / UDP(sport=5, dport=6),
        e / IPv6(src=SA, dst=SB, nh=59),
        e / IPv6(src=SA, dst=SB, tc=0x28, fl=0x12345) / UDP(sport=7, dport=8),
    ]


def l2_set():
    e = Ether(src=A, dst=B)
    return [
        Ether(src=A, dst=BC) / ARP(op=1, hwsrc=A, psrc=IA, pdst=IB),
        Ether(src=B, dst=A) / ARP(op=2, hwsrc=B, psrc=IB, hwdst=A, pdst=IA),
        Ether(src=A, dst=BC) / ARP(op=1, hwsrc=A, psrc=IA, pdst=IA),
        Ether(src=A, dst=BC, type=0x8035) / ARP(op=3, hwsrc=A, hwdst=A, psrc="0.0.0.0", pdst="0.0.0.0"),
        Ether(src=B, dst=A, type=0x8035) / ARP(op=4, hwsrc=B, hwdst=A, psrc=IB, pdst=IA),
        Ether(src=A, dst=B) / Dot1Q(vlan=10, prio=3) / IP(src=IA, dst=IB) / ICMP(type=8, id=3, seq=4),
        Ether(src=A, dst=B) / Dot1Q(vlan=20) / ARP(op=1, hwsrc=A, psrc=IA, pdst=IB),
        Ether(src=A, dst=B, type=0x88a8) / Dot1AD(vlan=100) / Dot1Q(vlan=200) / IP(src=IA, dst=IB) / UDP(sport=1, dport=2),
        Ether(src=A, dst=B) / Dot1Q(vlan=5) / IPv6(src=SA, dst=SB) / ICMPv6EchoRequest(id=9, seq=9),
        Ether(src=A, dst=B, type=0x8847) / MPLS(label=100, s=1, ttl=64) / IP(src=IA, dst=IB) / ICMP(),
        Ether(src=A, dst=B, type=0x8847) / MPLS(label=200, s=0, ttl=63) / MPLS(label=300, s=1, ttl=62, cos=5) / IP(src=IA, dst=IB) / UDP(sport=7, dport=7),
        Ether(src=A, dst=BC) / PPPoED(code=0x09, sessionid=0) / Raw(b"\x01\x01\x00\x00"),
        Ether(src=B, dst=A) / PPPoED(code=0x07, sessionid=0) / Raw(b"\x01\x01\x00\x00"),
        Ether(src=A, dst=B) / PPPoE(sessionid=0x11) / PPP(proto=0x0021) / IP(src=IA, dst=IB) / ICMP(),
        Ether(src=A, dst=B, type=0x88cc) / Raw(b"\x02\x07\x04" + b"\x00" * 43),
        Ether(src=A, dst=B, type=0x9999) / Raw(b"\x00" * 46),
        Ether(src=A, dst=B, type=0x0800) / Raw(b"\x45\x00"),
        Ether(src=A, dst=B, type=0x0800) / Raw(b"\x46\x00\x00\x14" + b"\x00" * 16),
        Ether(src=A, dst=B, type=0x86dd) / Raw(b"\x60\x00\x00\x00\x00\x08\x11\x40" + b"\x00" * 10),
    ]


def apps_set():
    """Application payloads tcpdump recognises by port, and rarer headers."""
    from scapy.all import (SCTPChunkSACK, SCTPChunkHeartbeatReq, SCTPChunkInitAck,
                           SCTPChunkCookieAck, ICMPv6TimeExceeded, ICMPv6ParamProblem,
                           ICMPv6MLReport2, ICMPv6MLDMultAddrRec, RouterAlert)
    from scapy.contrib.igmpv3 import IGMPv3, IGMPv3mq, IGMPv3mr, IGMPv3gr
    e = Ether(src=A, dst=B)
    ip = IP(src=IA, dst=IB)
    dns_tcp = bytes(DNS(id=5, rd=1, qd=DNSQR(qname="example.com")))
    return [
        e / ip / TCP(sport=3333, dport=53, flags="PA", seq=1, ack=1) / Raw(struct.pack(">H", len(dns_tcp)) + dns_tcp),
        e / ip / TCP(sport=22, dport=3333, flags="PA", seq=1, ack=1) / Raw(b"SSH-2.0-OpenSSH_9.2\r\n"),
        e / ip / TCP(sport=22, dport=3333, flags="PA", seq=21, ack=1) / Raw(b"\x00\x00\x01\x0c\x0a"),
        e / ip / TCP(sport=3333, dport=25, flags="PA", seq=1, ack=1) / Raw(b"EHLO client.example\r\n"),
        e / ip / TCP(sport=21, dport=3334, flags="PA", seq=1, ack=1) / Raw(b"220 ready\r\n"),
        e / ip / TCP(sport=3335, dport=8080, flags="PA", seq=1, ack=1) / Raw(b"POST /x HTTP/1.0\r\n\r\n"),
        e / ip / TCP(sport=3336, dport=80, flags="PA", seq=1, ack=1) / Raw(b"\x16\x03\x01binary"),
        e / ip / UDP(sport=53, dport=3337) / DNS(id=9, qr=1, aa=1, rd=1, qd=DNSQR(qname="example.com", qtype="TXT"),
                                                an=DNSRR(rrname="example.com", type="TXT", rdata=["v=spf1 -all"], ttl=60)),
        e / ip / UDP(sport=53, dport=3338) / DNS(id=10, qr=1, rd=1, ra=1, qd=DNSQR(qname="_sip._udp.example.com", qtype="SRV"),
                                                an=DNSRRSRV(rrname="_sip._udp.example.com", target="sip.example.com", port=5060, priority=10, weight=5)),
        e / ip / UDP(sport=53, dport=3339) / DNS(id=11, qr=1, rd=1, ra=1, rcode=2, qd=DNSQR(qname="example.org", qtype="SOA")),
        e / ip / UDP(sport=3340, dport=53) / DNS(id=12, rd=1, cd=1, qd=DNSQR(qname="x.example", qtype="ANY"), ar=DNSRROPT(rclass=1232)),
        e / ip / UDP(sport=5353, dport=5353) / DNS(id=0, qd=DNSQR(qname="_http._tcp.local", qtype="PTR", qclass=0x8001)),
        e / ip / SCTP(sport=1, dport=2) / SCTPChunkData(data=b"ab", tsn=1, stream_id=1, stream_seq=2) /
        SCTPChunkSACK(cumul_tsn_ack=5, a_rwnd=100) / SCTPChunkHeartbeatReq(),
        e / IPv6(src=SA, dst=SB) / SCTP(sport=3, dport=4) / SCTPChunkInitAck() / SCTPChunkCookieAck(),
        e / ip / SCTP(sport=1, dport=2) / SCTPChunkData(data=b"abc", tsn=1, ending=1, beginning=1, unordered=1),
        e / IPv6(src=SB, dst=SA) / ICMPv6TimeExceeded(code=0) / IPv6(src=SA, dst="2001:db8::99") / UDP(),
        e / IPv6(src=SB, dst=SA) / ICMPv6ParamProblem(code=1, ptr=40) / IPv6(src=SA, dst=SB) / UDP(),
        e / IPv6(src="fe80::1", dst="ff02::16") / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff02::fb")]),
        e / IP(src=IA, dst="224.0.0.22", ttl=1) / IGMPv3(type=0x22) / IGMPv3mr(records=[IGMPv3gr(maddr="239.1.1.1")]),
        e / IP(src=IA, dst="224.0.0.1", ttl=1) / IGMPv3(type=0x11, mrcode=20) / IGMPv3mq(gaddr="239.1.1.1", srcaddrs=["10.0.0.9"]),
        e / ip / GRE(seqnum_present=1, seqence_number=7, chksum_present=1) / IPv6(src=SA, dst=SB) / ICMPv6EchoRequest(),
        e / IP(src=IA, dst=IB, options=[b"\x94\x04\x00\x01"]) / ICMP(type=8, id=1, seq=1),
        e / IP(src=IA, dst=IB, tos=0x03, flags="evil+MF") / UDP(sport=1, dport=2),
        e / ip / ICMP(type=3, code=13) / IP(src=IB, dst="10.9.9.9") / UDP(sport=1, dport=2),
        e / ip / ICMP(type=12, code=0, ptr=20) / IP(src=IB, dst="10.9.9.9") / UDP(sport=1, dport=2),
        e / ip / ICMP(type=18, addr_mask="255.255.255.0"),
        e / ip / ICMP(type=4),
        e / ip / ICMP(type=99, code=3),
        e / IP(src=IA, dst=IB) / IP(src="172.16.0.1", dst="172.16.0.2") / UDP(sport=7, dport=8),
        e / IP(src=IA, dst=IB) / IPv6(src=SA, dst=SB) / UDP(sport=7, dport=8),
    ]


def review_set():
    """Frames for printer defects found in review: IPv4 option lists, bad
    UDP/IP lengths, ARP corners, odd TCP option lengths, ICMP/ICMPv6 types."""
    e = Ether(src=A, dst=B)
    ip = IP(src=IA, dst=IB)
    udp = UDP(sport=7, dport=9) / Raw(b"abcd")
    return [
        e / IP(src=IA, dst=IB, options=[b"\x01\x01\x94\x04\x00\x00\x00\x00"]) / udp,
        e / IP(src=IA, dst=IB, options=[b"\x83\x0b\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00"]) / udp,
        e / IP(src=IA, dst=IB, options=[b"\x89\x07\x04\x01\x02\x03\x04\x00"]) / udp,
        e / IP(src=IA, dst=IB, options=[b"\x07\x07\x04\x00\x00\x00\x00\x00"]) / udp,
        e / IP(src=IA, dst=IB, options=[b"\x44\x0c\x05\x00\x00\x00\x00\x01\x00\x00\x00\x02"]) / udp,
        e / ip / Raw(struct.pack(">HHHH", 7, 9, 30, 0) + b"xy"),
        Ether(src=A, dst=B, type=0x0800) / Raw(bytes(IP(src=IA, dst=IB, len=182) / UDP(sport=7, dport=9) / Raw(b"z" * 12))),
        Ether(src=A, dst=B, type=0x86dd) / Raw(bytes(IPv6(src=SA, dst=SB, plen=200) / UDP(sport=7, dport=9))),
        Ether(src=A, dst=B, type=0x0806) / ARP(op=8, hwsrc=A, hwdst=B, psrc=IA, pdst=IB),
        Ether(src=A, dst=B, type=0x0806) / ARP(op=9, hwsrc=A, hwdst=B, psrc=IA, pdst=IB),
        Ether(src=A, dst=B, type=0x0806) / Raw(struct.pack(">HHBBH", 1, 0x86dd, 6, 16, 1) + bytes.fromhex("020000000001") +
                                              b"\x20" * 16 + bytes(6) + b"\x20" * 16),
        Ether(src=A, dst=B, type=0x0806) / ARP(op=25, hwsrc=A, psrc=IA, pdst=IB),
        e / ip / TCP(sport=1, dport=2, flags="S", seq=1, options=[(4, b"\x00\x00"), ("NOP", None), (3, b"")]),
        e / ip / TCP(sport=1, dport=2, flags="S", seq=1, options=[(1, b""), (0, b"\x00\x00"), ("NOP", None), ("NOP", None)]),
        e / ip / ICMP(type=14, id=1, seq=2, ts_ori=1000, ts_rx=2000, ts_tx=3000),
        e / IPv6(src=SB, dst=SA) / ICMPv6DestUnreach(code=5) / IPv6(src=SA, dst=SB) / UDP(sport=1, dport=2),
        e / IPv6(src=SB, dst=SA) / ICMPv6DestUnreach(code=6) / IPv6(src=SA, dst=SB) / UDP(sport=1, dport=2),
        e / IPv6(src=SA, dst=SB) / Raw(b"\xc8\x00\x00\x00" + b"abcdefgh"),
        e / IPv6(src=SB, dst=SA) / ICMPv6DestUnreach(code=9) / Raw(b"abcdefgh" * 2),
        e / ip / UDP(sport=50000, dport=4789) / Raw(b"\x08\x00\x00"),
        e / PPPoE(sessionid=0x11) / PPP(proto=0x0057) / IPv6(src=SA, dst=SB) / ICMPv6EchoRequest(),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrRouting(addresses=["2001:db8::9"], segleft=0) / UDP(sport=5, dport=6),
        e / IPv6(src=SA, dst=SB) / IPv6ExtHdrRouting(addresses=["2001:db8::9"], segleft=0) / ICMPv6EchoRequest(),
    ]


IPOPT_LISTS = [
    b"\x01\x01\x94\x04\x00\x05\x01\x01",                 # NOP, RA with a value
    b"\x94\x03\x00\x00", b"\x94\x02\x01\x01",                 # RA bad lengths
    b"\x01\x94\x01\x01", b"\x01\x01\x01\x83",                 # length < 2
    b"\x94\x09\x00\x00",                                     # length past the list
    b"\x83\x0b\x08\x01\x02\x03\x04\x05\x06\x07\x08\x00",     # LSRR pointer at 2nd, past end
    b"\x83\x0b\x0c\x01\x02\x03\x04\x05\x06\x07\x08\x00",
    b"\x83\x0b\x10\x01\x02\x03\x04\x05\x06\x07\x08\x00",     # bad ptr: too far
    b"\x83\x0b\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00",     # bad ptr: misaligned
    b"\x83\x0b\x00\x01\x02\x03\x04\x05\x06\x07\x08\x00",     # bad ptr 0
    b"\x83\x0a\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00",     # bad length, reads on
    b"\x83\x02\x04\x01", b"\x83\x04\x04\x01",                 # too short, reads past
    b"\x07\x07\x08\x01\x02\x03\x04\x00",                     # RR full
    b"\x44\x0c\x09\x00\x00\x00\x00\x01\x00\x00\x00\x02",     # TSONLY, pointer moves
    b"\x44\x0c\x0d\x00\x00\x00\x00\x01\x00\x00\x00\x02",
    b"\x44\x0c\x05\x01\x01\x02\x03\x04\x00\x00\x00\x02",     # TS+ADDR
    b"\x44\x0c\x0d\x01\x01\x02\x03\x04\x00\x00\x00\x02",
    b"\x44\x0c\x05\x03\x01\x02\x03\x04\x00\x00\x00\x02",     # PRESPEC
    b"\x44\x0c\x05\x02\x01\x02\x03\x04\x00\x00\x00\x02",     # bad type
    b"\x44\x0c\x05\x31\x01\x02\x03\x04\x00\x00\x00\x02",     # hops not recorded
    b"\x44\x0b\x05\x00\x00\x00\x00\x01\x00\x00\x00\x02",     # bad length
    b"\x44\x0a\x05\x01\x00\x00\x00\x01\x00\x00\x00\x02",
    b"\x44\x03\x05\x01", b"\x44\x04\x04\x00",                 # too short, empty
    b"\x44\x08\x06\x00\x00\x00\x00\x01",                     # bad ptr
    b"\x44\x08\x01\x00\x00\x00\x00\x01",
    b"\x82\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",     # security
    b"\x52\x0c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",     # traceroute
    b"\x99\x04\x00\x00", b"\x19\x04\x00\x00\x00\x01\x01\x01",   # unknown
]


def ipopt_set():
    """IPv4 option lists for -v: every option tcpdump decodes, bad lengths
    and pointers (lists are whole words, so nothing is padded)."""
    e = Ether(src=A, dst=B)
    return [e / IP(src=IA, dst=IB, options=[o]) / UDP(sport=7, dport=9) / Raw(b"abcd") for o in IPOPT_LISTS]


def ipopt_cuts(outdir):
    """Option lists cut at every byte up to the UDP header: the walk stops
    with [|ip] on a code or length byte and [truncated-option] in a body."""
    frames = []
    for k, i in enumerate((0, 6, 13, 14, 17, 22, 28, 31)):
        raw = bytes(ipopt_set()[i])
        for n in range(34, 34 + len(IPOPT_LISTS[i]) + 9):
            frames.append((BASE + 900 + k + (n - 34) * 0.001, raw[:n], len(raw)))
    write_raw(outdir, "ipopt_cut.pcap", 1, frames)


def verbose_set():
    """Frames whose -v output reads more than without -v: router
    advertisement parameters (flags, preference, timers), DNS answers
    with their owner names, uncompressed and compressed, GRE checksum,
    and the bad IPv4/UDP/TCP/ICMP checksums -v recomputes."""
    ra = []
    for flags, life in ((0x00, 1800), (0x80, 300), (0x40, 0), (0x20, 9000), (0x02, 1),
                        (0x08, 60), (0x18, 60), (0xff, 65535)):
        p = Ether(src=B, dst="33:33:00:00:00:01") / IPv6(src="fe80::2", dst="ff02::1", hlim=255) / \
            ICMPv6ND_RA(chlim=64, routerlifetime=life, reachabletime=30000, retranstimer=1000)
        raw = bytearray(bytes(p))
        raw[14 + 40 + 5] = flags
        p = Ether(bytes(raw))
        del p[ICMPv6ND_RA].cksum
        ra.append(Ether(bytes(p)))
    hdr = struct.pack(">HHHHHH", 9, 0x8180, 1, 2, 0, 0)
    q = b"\x07example\x03com\x00" + struct.pack(">HH", 15, 1)
    a1 = b"\xc0\x0c" + struct.pack(">HHIH", 5, 1, 60, 7) + b"\x04mail\xc0\x0c"
    a2 = b"\xc0\x29" + struct.pack(">HHIH", 1, 1, 60, 4) + bytes([10, 0, 0, 25])
    e = Ether(src=B, dst=A) / IP(src="10.0.0.53", dst=IA)
    return ra + [
        e / UDP(sport=53, dport=33337) /
        DNS(id=8, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="MX"),
            an=DNSRR(rrname="example.com", type="CNAME", rdata="mail.example.com", ttl=60) /
            DNSRR(rrname="mail.example.com", type="A", rdata="10.0.0.25", ttl=60)),
        e / UDP(sport=53, dport=33338) / Raw(hdr + q + a1 + a2),
        Ether(src=A, dst=B) / IP(src=IA, dst=IB) / GRE(chksum_present=1, key_present=1, key=7) /
        IP(src="192.168.0.1", dst="192.168.0.2") / ICMP(),
        Ether(src=A, dst=B) / IP(src=IA, dst=IB, chksum=0x1234) / UDP(sport=7, dport=9, chksum=0x4321) / Raw(b"abcd"),
        Ether(src=A, dst=B) / IP(src=IA, dst=IB) / TCP(sport=1, dport=2, flags="S", seq=1, chksum=0xffff),
        Ether(src=A, dst=B) / IP(src=IA, dst=IB) / ICMP(type=8, id=1, seq=1, chksum=0x0001),
    ]


def udp_length_set():
    """UDP length fields past the IP payload (by 1, 2, 8, 100 and 65000
    bytes, IPv4 and IPv6, plain and application ports), shorter than the
    payload, and the fragmented forms that print the UDP length as is:
    IPv4 MF, an IPv6 fragment header, inside GRE and quoted by ICMP."""
    e = Ether(src=A, dst=B)
    frames = []
    for dport, pay in ((9, b""), (9, b"ab"), (9, b"abcdefghijkl"), (53, b"ab"), (4789, b"abcdefghijkl")):
        for extra in (-3, 1, 2, 8, 100, 65000):
            u = struct.pack(">HHHH", 7, dport, min(8 + len(pay) + extra, 65535), 0) + pay
            frames.append(e / IP(src=IA, dst=IB, proto=17) / Raw(u))
            frames.append(e / IPv6(src=SA, dst=SB, nh=17) / Raw(u))
    u = struct.pack(">HHHH", 7, 9, 8 + 4 + 30, 0) + b"abcd"
    for mf in (0, 1):
        frames += [
            e / IP(src=IA, dst=IB, proto=17, flags=mf) / Raw(u),
            e / IPv6(src=SA, dst=SB) / IPv6ExtHdrFragment(nh=17, m=mf, offset=0, id=5) / Raw(u),
            e / IP(src=IA, dst=IB) / GRE() / IP(src="1.1.1.1", dst="2.2.2.2", proto=17, flags=mf) / Raw(u),
            e / IP(src=IA, dst=IB) / ICMP(type=3, code=3) / IP(src=IB, dst=IA, proto=17, flags=mf) / Raw(u),
        ]
    return frames


def vxlan_set():
    """VXLAN flag bytes with and without the I bit, and inner frames whose
    UDP length ends before the captured bytes do."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    inner = bytes(Ether(src=A, dst=B) / IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())
    frames = [e / UDP(sport=5, dport=4789) / Raw(bytes([fl, 0, 0, 0, 0, 0, 42, 0]) + inner)
              for fl in (0x00, 0x08, 0x0c, 0x80, 0x88, 0x09)]
    for inner_len in (0, 1, 10, 14, 20, 42):
        u = struct.pack(">HHHH", 5, 4789, 16 + inner_len, 0) + bytes([8, 0, 0, 0, 0, 0, 42, 0]) + inner
        frames.append(Ether(src=A, dst=B) / IP(src=IA, dst=IB, proto=17) / Raw(u))
    return frames


def dns_vv_set():
    """DNS shapes -vv and -vvv print: authority and additional records of
    responses and queries, TTLs of several magnitudes, EDNS0 OPT flags and
    options (valid and malformed), SOA/TSIG/URI/A6/UNSPECA data and
    bit-string labels; built from bytes so the odd ones stay exact."""
    def name(s):
        return b"".join(bytes([len(x)]) + x.encode() for x in s.split(".") if x) + b"\0"

    def hdr(ident, flags, qd, an, ns, ar):
        return struct.pack(">6H", ident, flags, qd, an, ns, ar)

    def q(n, t=1):
        return name(n) + struct.pack(">HH", t, 1)

    def rr(owner, t, c, ttl, rd):
        return (name(owner) if isinstance(owner, str) else owner) + struct.pack(">HHIH", t, c, ttl, len(rd)) + rd

    def opt(size, ext, flags, rd=b""):
        return b"\0" + struct.pack(">HHBBHH", 41, size, ext, 0, flags, len(rd)) + rd

    def eo(code, data):
        return struct.pack(">HH", code, len(data)) + data

    ip, soa = bytes([192, 0, 2, 1]), name("ns.b") + name("h.b") + struct.pack(">5I", 1, 2, 3, 4, 5)
    msgs = [
        hdr(1, 0x81a0, 1, 1, 1, 1) + q("a.b") + rr("a.b", 1, 1, 3723, ip) + rr("b", 2, 1, 90061, name("ns.b"))
        + rr("ns.b", 1, 1, 32745601, ip),
        hdr(2, 0x8183, 1, 0, 1, 0) + q("x.b") + rr("b", 6, 1, 900, soa),
        hdr(3, 0x0100, 1, 1, 1, 1) + q("a.b") + rr("a.b", 1, 1, 0, ip) + rr("b", 2, 1, 61, name("ns.b"))
        + opt(1232, 0, 0x8000),
        hdr(4, 0x8180, 1, 0, 0, 1) + q("a.b") + opt(4096, 0, 0x8000, eo(10, bytes(range(8))) + eo(8, bytes([0, 1, 24, 0, 10, 0, 0]))
        + eo(12, bytes(5)) + eo(11, b"\0\x64") + eo(3, b"ab") + eo(9, b"\0\0\1\0") + eo(14, b"\0\1\0\2")
        + eo(5, bytes([8, 13, 99])) + eo(6, bytes([1, 2])) + eo(7, bytes([1])) + eo(99, b"x") + eo(13, name("a.b"))),
        hdr(5, 0x8180, 1, 0, 0, 1) + q("a.b") + opt(512, 1, 0x7fff, eo(8, bytes([0, 2, 48, 0, 0x20, 1, 0xd, 0xb8, 0, 0]))),
        hdr(6, 0x8180, 1, 0, 0, 1) + q("a.b") + opt(512, 0, 0, eo(8, bytes([0, 1, 24, 0, 10, 0])) + eo(10, b"123")
        + eo(11, b"1") + eo(3, b"") + eo(14, b"1")),
        hdr(7, 0x8180, 1, 1, 0, 1) + q("a.b", 256) + rr("a.b", 256, 1, 604800, struct.pack(">HH", 1, 2) + b"http://x")
        + rr("k", 250, 255, 0, name("hmac") + bytes(6) + struct.pack(">HH", 300, 4) + b"abcd" + struct.pack(">3H", 7, 0, 0)),
        hdr(8, 0x8180, 1, 2, 0, 0) + q("a.b", 38) + rr("a.b", 38, 1, 86400, bytes([64]) + bytes(8) + name("x.b"))
        + rr("a.b", 104, 1, 0xffffffff, b"hello"),
        hdr(9, 0x8180, 1, 1, 0, 0) + q("a.b") + rr(b"\x41\x0c\xab\xc0\0", 1, 1, 1, ip),
    ]
    e = Ether(src=A, dst=B) / IP(src=IB, dst=IA)
    return [e / UDP(sport=53, dport=4000 + i) / Raw(m) for i, m in enumerate(msgs)]


def ntp_ts(unix, frac=0):
    """NTP 64-bit time stamp (era 0) for a Unix time."""
    return struct.pack(">II", (unix + 2208988800) & 0xffffffff, frac)


def ntp_time_msg(first, stratum, poll, prec, refid, stamps, delay=0, disp=0):
    return (bytes([first, stratum, poll & 0xff, prec & 0xff]) + struct.pack(">II", delay, disp) +
            refid + b"".join(stamps))


def ntp_set():
    """NTP time messages (strata 0, 1, 2+, 62, 63; leap, poll and time
    stamp corners; key id and MAC lengths), mode 6 control messages and
    lengths tcpdump calls invalid."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    t0 = ntp_ts(1700000000, 0x80000000)
    t1 = ntp_ts(1700000000, 0x80418937)
    t2 = ntp_ts(1700000001, 0x00a3d70a)
    z = b"\0" * 8
    msgs = [
        ntp_time_msg(0xe3, 0, 6, -20, b"\0" * 4, [z, z, z, t0]),
        ntp_time_msg(0x24, 1, 6, -20, b"GPS\0", [ntp_ts(1699999990, 0x12345678), t0, t1, t2],
                     delay=0x00000010, disp=0x00010a3d),
        ntp_time_msg(0x24, 2, 10, -23, bytes([192, 0, 2, 1]), [t0, t2, t1, t0], delay=0x0001ffff,
                     disp=0xffffffff),
        ntp_time_msg(0xd9, 3, -3, -6, bytes([10, 0, 0, 9]), [t0, t1, t1, t1]),
        ntp_time_msg(0x65, 16, 40, 0, b"LOCL", [z, struct.pack(">II", 215924456, 1), z,
                                               struct.pack(">II", 0xffffffff, 0xffffffff)]),
        ntp_time_msg(0xa2, 1, -40, 127, bytes([1, 0x80, 0x41, 0x7f]), [t1, t1, t0, t1]),
        ntp_time_msg(0x24, 62, 4, -10, bytes([192, 0, 2, 62]), [t0, t0, t0, t0]),
        ntp_time_msg(0x24, 63, 4, -10, bytes([192, 0, 2, 63]), [t0, t0, t0, t0]),
        ntp_time_msg(0x1c, 2, 4, -10, bytes([192, 0, 2, 2]), [t0, t1, t2, t0]) + struct.pack(">I", 7),
        ntp_time_msg(0x1c, 2, 4, -10, bytes([192, 0, 2, 2]), [t0, t1, t2, t0]) + struct.pack(">I", 8) + bytes(range(16)),
        ntp_time_msg(0x1c, 2, 4, -10, bytes([192, 0, 2, 2]), [t0, t1, t2, t0]) + struct.pack(">I", 9) + bytes(range(20)),
        ntp_time_msg(0x1c, 2, 4, -10, bytes([192, 0, 2, 2]), [t0, t1, t2, t0]) + bytes(12),
        bytes([0x23, 2, 6, 0xec]) + bytes(16),
        bytes([0x1e, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
        bytes([0x1e, 0x82, 0, 1, 0x06, 0x18, 0, 0, 0, 0, 0, 12]) + b"version=\"4\"",
        bytes([0x1e, 0xe1, 0xff, 0xff, 0x01, 0x00, 0x30, 0x39, 0, 4, 0, 4]) + b"abcd",
        bytes([0x1e, 0x02, 0, 2, 0, 0, 0, 0, 0, 0, 0, 40]) + b"short",
        bytes([0x16, 0x01, 0, 3, 0, 0]),
        bytes([0x17, 0x00, 0x03, 0x2a]) + bytes(4),
        bytes([0x03]) + bytes(47),
    ]
    pkts = [e / UDP(sport=123, dport=123) / Raw(m) for m in msgs]
    pkts.append(Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=40000, dport=123) / Raw(msgs[0]))
    return pkts


def dhcp_opt(tag, data):
    return bytes([tag, len(data)]) + data


def dhcp_opts_set():
    """BOOTP flags and the DHCP options tcpdump decodes specially: client
    FQDN (81), relay agent information (82), classless static routes (121,
    249), well formed and malformed; PAD runs and data after END."""
    cookie = b"\x63\x82\x53\x63"
    mt = dhcp_opt(53, b"\x03")
    sets = [
        dhcp_opt(81, b"\x01\x00\x00host.example.com"),
        dhcp_opt(81, b"\xf5\xff\x01fqdn") + dhcp_opt(81, b"\x0e\x00\x00") + dhcp_opt(81, b"\x00\x00"),
        dhcp_opt(81, b"\x08\x00\x00a\x01\x80z"),
        dhcp_opt(82, dhcp_opt(1, b"eth0/1:100") + dhcp_opt(2, b"\x00\x11\x22\x33\x44\x55") +
                 dhcp_opt(6, b"sub-42")),
        dhcp_opt(82, dhcp_opt(9, bytes(range(20))) + dhcp_opt(5, b"") + dhcp_opt(7, b"\xab")),
        dhcp_opt(82, dhcp_opt(1, b"ab") + b"\x02\x09xyz"),
        dhcp_opt(82, dhcp_opt(1, b"ab") + b"\x02"),
        dhcp_opt(82, b"\x01"),
        dhcp_opt(121, b"\x00" + bytes([10, 0, 0, 1]) + b"\x18" + bytes([192, 168, 5, 10, 0, 0, 1]) +
                 b"\x20" + bytes([10, 1, 2, 3, 10, 0, 0, 254]) + b"\x09" + bytes([172, 128, 10, 0, 0, 2])),
        dhcp_opt(249, b"\x10" + bytes([169, 254, 10, 0, 0, 1]) + b"\x00" + bytes([10, 0, 0, 1])),
        dhcp_opt(121, b"\x21" + bytes(8)) + dhcp_opt(249, b"\x08\x0a\x00\x00\x00\x01\x18\x0a\x00"),
        dhcp_opt(121, b"\x00\x0a\x00\x00") + dhcp_opt(249, b""),
        b"\x00\x00\x00" + dhcp_opt(12, b"pad") + b"\x00",
    ]
    pkts = []
    for i, opts in enumerate(sets):
        flags = (0x8000, 0x0001, 0x8001, 0)[i % 4]
        tail = b"\xff\x00\x00" if i % 3 == 0 else b"\xff"
        pkts.append(Ether(src=A, dst=BC) / IP(src="0.0.0.0", dst="255.255.255.255") /
                    UDP(sport=68, dport=67) /
                    BOOTP(chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x5000 + i, flags=flags,
                          options=cookie + mt + opts + tail))
    relay = BOOTP(op=2, hops=1, giaddr="10.9.0.1", yiaddr=IA, chaddr=bytes.fromhex("020000000001") + b"\0" * 10,
                  xid=0x6000, options=cookie + dhcp_opt(53, b"\x05") +
                  dhcp_opt(82, dhcp_opt(1, b"port7") + dhcp_opt(2, b"relay1")) + b"\xff")
    pkts.append(Ether(src=B, dst=A) / IP(src="10.9.0.1", dst=IA) / UDP(sport=67, dport=67) / relay)
    leaseq = cookie + dhcp_opt(53, b"\x0a") + dhcp_opt(53, b"\x0d") + dhcp_opt(53, b"\x09") + b"\xff"
    # CMU vendor areas: magic "CMU\0", flags, subnet mask, gateway, name and time servers
    cmu_a = b"CMU\0" + bytes([1, 0, 0, 0]) + bytes([255, 255, 255, 0, 10, 0, 0, 254, 10, 0, 0, 53]) + bytes(24) + bytes(24)
    cmu_b = b"CMU\0" + bytes([3, 0, 0, 0]) + bytes([255, 0, 0, 0]) + bytes(20) + bytes([10, 0, 0, 123] * 2) + bytes(24)
    # sname and file filling their fields with no NUL: tcpdump marks them cut
    pkts.append(Ether(src=A, dst=BC) / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67) /
                BOOTP(chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x7100, sname=b"s" * 64,
                      options=cookie + b"\xff"))
    pkts.append(Ether(src=A, dst=BC) / IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67) /
                BOOTP(chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x7101, sname=b"srv",
                      file=b"f" * 128, options=cookie + b"\xff"))
    for i, vend in enumerate((leaseq, cmu_a, cmu_b)):
        pkts.append(Ether(src=A, dst=BC) / IP(src="0.0.0.0", dst="255.255.255.255") /
                    UDP(sport=68, dport=67) /
                    BOOTP(chaddr=bytes.fromhex("020000000001") + b"\0" * 10, xid=0x7000 + i, options=vend))
    return pkts


def nd_opt(t, body, units=None):
    """One ND option (RFC 4861 4.6): body padded to the 8-byte units that
    `units` (default: enough for the body) gives in the length byte."""
    n = units if units is not None else (len(body) + 2 + 7) // 8
    return bytes([t, n]) + body + b"\0" * max(0, n * 8 - 2 - len(body))


def lldp_tlv(t, body):
    return struct.pack(">H", (t << 9) | len(body)) + body


def nd_lldp_set():
    """-v/-vv ND options (RFC 4861, 4191, 5175, 6106 ...) after router,
    neighbor and redirect messages, well formed and with lengths that
    disagree with their contents; LLDP management address and organization
    specific TLVs (IEEE 802.1, 802.3, TIA-MED, IANA, DCBX, others)."""
    a6 = bytes.fromhex("20010db8000000000000000000000053")
    a6b = bytes.fromhex("20010db8000000000000000000000054")
    dom = b"\x07example\x03com\x00\x04corp\x07example\x03org\x00"
    life = struct.pack(">HI", 0, 600)
    opts = [
        nd_opt(1, bytes.fromhex("020000000002")) + nd_opt(5, struct.pack(">HI", 0, 1500)) +
        nd_opt(3, struct.pack(">BBIII", 64, 0xc0, 86400, 14400, 0) + a6) +
        nd_opt(25, life + a6) + nd_opt(31, life + dom),
        nd_opt(25, life + a6 + a6b) + nd_opt(25, life) + nd_opt(25, life + a6, units=4),
        nd_opt(31, struct.pack(">HI", 0, 0xffffffff) + b"\x03abc\xc0\x08\x00"),
        nd_opt(31, life + b"\x05a.b-c\x00") + nd_opt(31, life),
        nd_opt(31, life + b"\x20" + b"x" * 30, units=4) + nd_opt(5, struct.pack(">HI", 0, 9000)),
        nd_opt(7, struct.pack(">HI", 0, 600000)) + nd_opt(8, struct.pack(">HHH", 0, 10, 1800)),
        nd_opt(24, struct.pack(">BBI", 0, 0x08, 3600), units=1) +
        nd_opt(24, struct.pack(">BBI", 48, 0x18, 0xffffffff) + a6[:8]) +
        nd_opt(24, struct.pack(">BBI", 64, 0x10, 60) + a6) +
        nd_opt(24, struct.pack(">BBI", 128, 0x00, 60) + a6 + a6, units=4),
        nd_opt(14, bytes(range(1, 7))) + nd_opt(9, a6) + nd_opt(200, b"abcdef"),
        nd_opt(5, struct.pack(">HI", 0, 1280), units=2) + nd_opt(3, struct.pack(">BBII", 64, 0xe0, 1, 2), units=2),
        nd_opt(1, bytes.fromhex("020000000002")) + bytes([3, 0]) + b"\0" * 6,
        nd_opt(1, bytes.fromhex("020000000002")) + bytes([25, 5]) + life + a6,
        nd_opt(3, struct.pack(">BBII", 48, 0x20, 0xffffffff, 0), units=2) + nd_opt(25, life + a6) +
        nd_opt(31, life + b"\x01a\xc0\x0a"),
        nd_opt(31, life + b"\x01a\xc0\x2e" + bytes(6)) + nd_opt(31, life + b"\x01b\xc0\x0a\x00"),
    ]
    ll = Ether(src=B, dst="33:33:00:00:00:01") / IPv6(src="fe80::2", dst="ff02::1", hlim=255)
    frames = [ll / ICMPv6ND_RA(chlim=64, M=1, routerlifetime=1800, reachabletime=30000, retranstimer=1000) / Raw(o)
              for o in opts]
    frames += [
        ll / ICMPv6ND_RS() / Raw(nd_opt(1, bytes.fromhex("020000000002")) + nd_opt(14, bytes(6))),
        ll / ICMPv6ND_NS(tgt="fe80::1") / Raw(nd_opt(14, bytes(range(6))) + nd_opt(25, life + a6)),
        ll / ICMPv6ND_NA(tgt="fe80::1", R=1, S=1, O=0) / Raw(nd_opt(2, bytes.fromhex("020000000001")) + nd_opt(31, life + dom)),
        ll / ICMPv6ND_Redirect(tgt="fe80::1", dst="2001:db8::99") /
        Raw(nd_opt(2, bytes.fromhex("020000000001")) + nd_opt(4, bytes(6) + bytes(IPv6(src=SA, dst="2001:db8::99") / UDP(sport=1, dport=2))[:40])),
    ]
    # RFC 6275 6.5-6.8: home agent discovery and mobile prefix messages
    for b6 in (0x00, 0x40, 0x80, 0xc0):
        raw = bytearray(bytes(ll / ICMPv6MPAdv(id=7) / Raw(nd_opt(3, struct.pack(">BBIII", 64, 0xc0, 1, 2, 0) + a6))))
        raw[14 + 40 + 6] = b6
        p = Ether(bytes(raw))
        del p[ICMPv6MPAdv].cksum
        frames.append(Ether(bytes(p)))
    frames += [ll / ICMPv6HAADReply(id=5, addresses=[SA, SB]), ll / ICMPv6HAADReply(id=6) / Raw(bytes(20)),
               ll / ICMPv6MPSol(id=9), ll / ICMPv6HAADRequest(id=3)]
    mac = bytes.fromhex("020000000001")
    head = lldp_tlv(1, b"\x04" + mac) + lldp_tlv(2, b"\x05eth0") + lldp_tlv(3, b"\x00\x78")

    def ouitlv(oui, sub, body):
        return lldp_tlv(127, oui + bytes([sub]) + body)
    i1, i3, tia, iana, dcbx = (bytes.fromhex(x) for x in ("0080c2", "00120f", "0012bb", "00005e", "001b21"))
    mgmt = [
        lldp_tlv(8, b"\x05\x01" + bytes([192, 0, 2, 1]) + b"\x02" + struct.pack(">I", 7) + b"\x00"),
        lldp_tlv(8, b"\x11\x02" + a6 + b"\x03" + struct.pack(">I", 12) + b"\x08\x2b\x06\x01\x02\x01\x02\x02\x01"),
        lldp_tlv(8, b"\x07\x06" + mac + b"\x01" + struct.pack(">I", 1)),
        lldp_tlv(8, b"\x03\x1a\x00\x01\x09" + struct.pack(">I", 5)),
        lldp_tlv(8, b"\x05\x01" + bytes([192, 0, 2, 1]) + b"\x02\x00\x00"),
        lldp_tlv(8, b"\x05\x01" + bytes([192, 0, 2, 1]) + b"\x02" + struct.pack(">I", 7) + b"\x05ab"),
        lldp_tlv(8, b"\x04\x01" + bytes([192, 0, 2])),
        lldp_tlv(8, b"\x02\x01\x01\x02" + struct.pack(">I", 7)),
    ]
    org = [
        ouitlv(i1, 1, b"\x00\x0a") + ouitlv(i1, 2, b"\x06\x00\x14") + ouitlv(i1, 3, b"\x00\x1e\x05users") +
        ouitlv(i1, 4, b"\x04\x88\x8e\x01\x00"),
        ouitlv(i1, 1, b"\x00") + ouitlv(i1, 3, b"\x00\x1e\x09ab") + ouitlv(i1, 99, b"xyz") + lldp_tlv(127, i1),
        ouitlv(i1, 8, b"\x81\x42") + ouitlv(i1, 9, bytes([0x83, 0x01, 0x23, 0x45, 0x67]) + bytes(range(10, 18)) + bytes([0, 1, 2, 2, 0, 0, 0, 255])),
        ouitlv(i1, 10, bytes([5, 0x76, 0x54, 0x32, 0x10]) + bytes(range(8)) + bytes(8)) + ouitlv(i1, 11, b"\xd4\x81") +
        ouitlv(i1, 12, b"\x00\x60\x0c\xbc\xa2\x12\x83"),
        ouitlv(i1, 13, bytes([0x0f, 0x1e, 0xe5, 0xff, 0xa5])) + ouitlv(i1, 14, bytes([0xf8, 0, 0x0f, 0xff, 0x00, 0x10, 0x01])) +
        ouitlv(i1, 12, b"\x00\x60\x0c") + ouitlv(i1, 13, b"\x00"),
        ouitlv(i3, 1, b"\x03\x6c\x01\x00\x1e") + ouitlv(i3, 2, b"\x0f\x01\x03") + ouitlv(i3, 3, b"\x03\x00\x00\x00\x2a") +
        ouitlv(i3, 4, b"\x05\xee") + ouitlv(i3, 1, b"\x00\xff\xff\x00\x63") + ouitlv(i3, 7, b"ab"),
        ouitlv(i3, 1, b"\x00") + ouitlv(i3, 2, b"\x00\x09\x07") + ouitlv(i3, 4, b"\x05"),
        ouitlv(tia, 1, b"\x00\x33\x03") + ouitlv(tia, 2, b"\x01\x40\xc8\x2e") + ouitlv(tia, 4, b"\x51\x00\x35") +
        ouitlv(tia, 4, b"\x9f\x04\x00") + ouitlv(tia, 5, b"rev A") + ouitlv(tia, 11, b"asset\x00x"),
        ouitlv(tia, 3, b"\x01" + bytes([0x55, 0x12, 0x34, 0x56, 0x78, 0x56, 0x9a, 0xbc, 0xde, 0xf0, 0x12, 0x40, 0, 0, 0x12, 1])) +
        ouitlv(tia, 3, b"\x02\x0c\x02US\x01\x02CA\x03\x03SFO") + ouitlv(tia, 3, b"\x03911") + ouitlv(tia, 3, b"\x07ab"),
        ouitlv(tia, 3, b"\x02\x02\x00") + ouitlv(tia, 3, b"\x02\x06\x00US\x00\x03") + ouitlv(tia, 99, b"z") + ouitlv(tia, 2, b"\x01"),
        ouitlv(iana, 1, b"https://example.com/mud") + ouitlv(iana, 2, b"abcd") + ouitlv(iana, 1, b""),
        ouitlv(bytes.fromhex("00000c"), 1, b"cisco") + ouitlv(bytes.fromhex("abcdef"), 1, b"x") + lldp_tlv(127, b"\x00\x80"),
        ouitlv(dcbx, 1, b"abc") + ouitlv(dcbx, 2, lldp_tlv(1, bytes([0, 0]) + struct.pack(">II", 7, 6)) +
                                         lldp_tlv(2, bytes([0, 0, 0xc0, 0]) + struct.pack(">I", 0x01234567) + bytes(range(8)) + b"\x08") +
                                         lldp_tlv(3, bytes([0, 0, 0x20, 0, 0x05, 8])) +
                                         lldp_tlv(4, bytes([0, 0, 0x80, 0]) + bytes([0x88, 0x06, 0x40, 0x1b, 0x21, 0x08])) +
                                         lldp_tlv(9, b"q")),
        ouitlv(dcbx, 2, lldp_tlv(1, bytes(4))) + ouitlv(dcbx, 2, lldp_tlv(3, bytes(9)) + b"\x00"),
        ouitlv(dcbx, 3, lldp_tlv(4, bytes(4) + bytes(range(12))) + lldp_tlv(1, bytes(20))) +
        ouitlv(dcbx, 2, lldp_tlv(4, bytes(262))) + ouitlv(dcbx, 0, lldp_tlv(0, b"")),
        b"".join(lldp_tlv(127, struct.pack(">I", o)[1:] + b"\x01") for o in (
            0, 0x0c, 0x5e, 0x81, 0xf8, 0x00a03e, 0x00e02f, 0x080007, 0x009069, 0x080009, 0x002320,
            0x5c16c7, 0xb0d2f5, 0x002481, 0x0004ea, 0x748771, 0xa42305, 0x00049f, 0x0015ad,
            0x001018, 0x00e004, 0xd0f0db, 0x0080c3)),
        ouitlv(tia, 3, b"\x02\x0c\x02US\x01\x02CA\x03\x03SFO\x00") + ouitlv(tia, 3, b"\x02\x07\x01DE\x00\x02ab\x00") +
        ouitlv(tia, 3, b"\x02\x07\x00FR\x07\x04ab\x00") + ouitlv(iana, 1, b"http://a\x00b\x01") +
        lldp_tlv(8, b"\x03\xc4\x01\x02" + struct.pack(">I", 3)) + lldp_tlv(8, b"\x02\x03\x01\x03" + struct.pack(">I", 4) + b"\x03a\x00b"),
    ]
    frames += [Ether(src=A, dst="01:80:c2:00:00:0e", type=0x88cc) / Raw(head + t + lldp_tlv(0, b""))
               for t in mgmt + org]
    return frames


def linktype_files(outdir):
    ip4 = IP(src=IA, dst=IB) / UDP(sport=1111, dport=2222) / Raw(b"data")
    ip6 = IPv6(src=SA, dst=SB) / ICMPv6EchoRequest(id=1, seq=1)
    tcp4 = IP(src=IA, dst=IB, flags="DF") / TCP(sport=1, dport=2, flags="S", seq=5, window=1000)
    arp = ARP(op=1, hwsrc=A, psrc=IA, pdst=IB)
    frames = [bytes(ip4), bytes(ip6), bytes(tcp4)]
    ts = [BASE + 0.5 + i for i in range(len(frames))]
    write_raw(outdir, "lt_raw.pcap", 101, [(t, f, len(f)) for t, f in zip(ts, frames)])
    write_raw(outdir, "lt_ipv4.pcap", 228, [(ts[0], frames[0], len(frames[0])), (ts[2], frames[2], len(frames[2]))])
    write_raw(outdir, "lt_ipv6.pcap", 229, [(ts[1], frames[1], len(frames[1]))])
    null = []
    loop = []
    for t, f in zip(ts, frames):
        af = 2 if f[0] >> 4 == 4 else 10
        null.append((t, struct.pack("<I", af) + f, 4 + len(f)))
        af_loop = 2 if f[0] >> 4 == 4 else 24
        loop.append((t, struct.pack(">I", af_loop) + f, 4 + len(f)))
    null.append((ts[2] + 1, struct.pack("<I", 30) + frames[1], 4 + len(frames[1])))
    null.append((ts[2] + 2, struct.pack(">I", 2) + frames[0], 4 + len(frames[0])))
    null.append((ts[2] + 3, struct.pack("<I", 99) + b"abcd", 8))
    write_raw(outdir, "lt_null.pcap", 0, null)
    write_raw(outdir, "lt_loop.pcap", 108, loop)

    def sll(pkttype, proto, payload, hatype=1, addr=bytes.fromhex("020000000001")):
        return struct.pack(">HHH", pkttype, hatype, len(addr)) + addr.ljust(8, b"\0") + struct.pack(">H", proto) + payload

    sll_frames = [sll(0, 0x0800, frames[0]), sll(4, 0x86dd, frames[1]), sll(1, 0x0800, frames[2]),
                  sll(3, 0x0806, bytes(arp)), sll(2, 0x0800, frames[0]),
                  sll(0, 0x0800, frames[0], hatype=772, addr=b"\0" * 6),
                  sll(4, 0x8100, bytes(Dot1Q(vlan=7, type=0x0800) / ip4))]
    write_raw(outdir, "lt_sll.pcap", 113, [(BASE + 1 + i, f, len(f)) for i, f in enumerate(sll_frames)])

    def sll2(proto, ifindex, pkttype, payload, hatype=1, addr=bytes.fromhex("020000000002")):
        return struct.pack(">HHIHBB", proto, 0, ifindex, hatype, pkttype, len(addr)) + addr.ljust(8, b"\0") + payload

    sll2_frames = [sll2(0x0800, 2, 0, frames[0]), sll2(0x86dd, 3, 4, frames[1]),
                   sll2(0x0800, 1, 0, frames[2], hatype=772, addr=b"\0" * 6), sll2(0x0806, 2, 1, bytes(arp))]
    write_raw(outdir, "lt_sll2.pcap", 276, [(BASE + 2 + i, f, len(f)) for i, f in enumerate(sll2_frames)])


def truncated_set(outdir):
    pkts = tcp_session()[:4] + udp_apps()[1:4] + icmp_misc()[:2] + ipv6_set()[:3] + l2_set()[:1]
    stamp(pkts)
    frames = []
    for i, p in enumerate(pkts):
        raw = bytes(p)
        for cut in (14, 20, 30, 40, 54, 60, 70):
            if cut < len(raw):
                frames.append((float(p.time) + cut * 1e-6, raw[:cut], len(raw)))
    write_raw(outdir, "trunc.pcap", 1, frames, snaplen=65535)


def read_raw(path):
    """(linktype, [(bytes, wirelen)]) of a little-endian microsecond pcap."""
    with open(path, "rb") as f:
        d = f.read()
    linktype = struct.unpack("<I", d[20:24])[0]
    frames, off = [], 24
    while off < len(d):
        _, _, caplen, wirelen = struct.unpack("<IIII", d[off:off + 16])
        frames.append((d[off + 16:off + 16 + caplen], wirelen))
        off += 16 + caplen
    return linktype, frames


def tcpdump_shapes(path, flags=()):
    """Per packet: (summary with digits folded, bytes before the -x dump)."""
    out = subprocess.run(["tcpdump", "-n", "-tt", "-x", *flags, "-r", path], capture_output=True,
                         text=True, env={"TZ": "UTC"}, check=True).stdout
    pkts, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^(\d+)\.\d{6} (.*)", line)
        if m:
            cur = int(m.group(1)) - BASE
            pkts[cur] = [m.group(2), 0]
        elif line.startswith("\t0x"):
            pkts[cur][1] += len(line.split(":", 1)[1].replace(" ", ""))
        else:
            pkts[cur][0] += line
    return {k: (re.sub(r"\d+", "N", s), nhex // 2) for k, (s, nhex) in pkts.items()}


def cut_set(outdir, name, sources, flags=()):
    """Every frame of `sources` cut at every captured length, keeping the
    cuts where tcpdump 4.99's summary (with `flags`) or -x dump offset
    changes (the first cut of each frame always): truncation markers, where
    they appear, and whether the dump starts after the link header."""
    linktype, cuts = None, []
    for src in sources:
        linktype, frames = read_raw(os.path.join(outdir, src))
        for i, (data, wirelen) in enumerate(frames):
            cuts += [(i, data[:n], wirelen) for n in range(1, len(data))]
    fd, tmp = tempfile.mkstemp(suffix=".pcap")
    os.close(fd)
    try:
        write_raw(os.path.dirname(tmp), os.path.basename(tmp), linktype,
                  [(BASE + k, d, w) for k, (_, d, w) in enumerate(cuts)])
        shapes = tcpdump_shapes(tmp, flags)
    finally:
        os.unlink(tmp)
    kept, prev = [], None
    for k, (frame, data, wirelen) in enumerate(cuts):
        s, dumped = shapes[k]
        key = (frame, s, len(data) - dumped)
        if prev is None or key != prev:
            kept.append((data, wirelen))
        prev = key
    write_raw(outdir, name, linktype, [(BASE + 800 + k, d, w) for k, (d, w) in enumerate(kept)])


def vv_set():
    """Frames for -vv/-vvv: TCP/UDP checksums over IPv4 source routes (the
    pseudo-header takes the route's last address), SCTP chunk lists with
    DATA payloads, SACK gap blocks and bad lengths, IGMPv3 source lists,
    neighbor discovery options and LLDP TLVs with their -vv hex dumps."""
    from scapy.all import (ICMPv6NDOptMTU, ICMPv6NDOptPrefixInfo, SCTPChunkSACK)
    from scapy.contrib.igmpv3 import IGMPv3, IGMPv3mq, IGMPv3mr, IGMPv3gr
    e = Ether(src=A, dst=B)
    lsrr = b"\x83\x0b\x04\x0a\x09\x09\x01\x0a\x09\x09\x09\x00"  # final 10.9.9.9
    ssrr = b"\x89\x07\x04\x0a\x08\x08\x08\x00"                  # final 10.8.8.8

    def udp_ok(opts, dst):
        # checksum as the sender computes it towards dst
        raw = bytes(IP(src=IA, dst=dst) / UDP(sport=7, dport=9) / Raw(b"abcd"))
        return e / IP(src=IA, dst=IB, options=[opts]) / UDP(sport=7, dport=9, chksum=struct.unpack(">H", raw[26:28])[0]) / Raw(b"abcd")

    def tcp_ok(opts, dst):
        raw = bytes(IP(src=IA, dst=dst) / TCP(sport=3000, dport=80, flags="S", seq=1))
        return e / IP(src=IA, dst=IB, options=[opts]) / TCP(sport=3000, dport=80, flags="S", seq=1,
                                                           chksum=struct.unpack(">H", raw[36:38])[0])

    def sctp_chunk(t, f, body, clen=None):
        b = struct.pack(">BBH", t, f, 4 + len(body) if clen is None else clen) + body
        return b + b"\0" * (-len(b) % 4)

    def data(tsn, ppid, payload, flags=0):
        return sctp_chunk(0, flags, struct.pack(">IHHI", tsn, 1, tsn, ppid) + payload)

    def sack(ngaps, ndups, rest, clen=None):
        return sctp_chunk(3, 0, struct.pack(">IIHH", 5, 100, ngaps, ndups) + rest, clen)

    def sctp(*chunks, ip=IP(src=IA, dst=IB)):
        return e / ip / SCTP(sport=1, dport=2) / Raw(b"".join(chunks))

    def lldp_tlv(t, v):
        return struct.pack(">H", (t << 9) | len(v)) + v

    lldp = (lldp_tlv(1, b"\x04\x02\0\0\0\0\1") + lldp_tlv(2, b"\x05eth0") + lldp_tlv(3, b"\x00\x78") +
            lldp_tlv(4, b"uplink") + lldp_tlv(5, b"sw1") + lldp_tlv(6, b"Linux x") +
            lldp_tlv(7, b"\x00\x14\x00\x04") + lldp_tlv(9, b"\x01\x02\x03") + lldp_tlv(1, b"\x09zz") + lldp_tlv(0, b""))
    ll6 = IPv6(src="fe80::1", dst="ff02::1")
    return [
        tcp_ok(lsrr, "10.9.9.9"),
        tcp_ok(lsrr, IB),                                    # summed towards the first hop: bad
        udp_ok(ssrr, "10.8.8.8"),
        e / IP(src=IA, dst=IB, options=[ssrr]) / UDP(sport=7, dport=9, chksum=0x1234) / Raw(b"abcd"),
        udp_ok(b"\x83\x03\x04" + ssrr + b"\x00", "10.8.8.8"),  # LSRR without an address: skipped
        udp_ok(lsrr + ssrr[:4] + b"\x0a\x08\x08\x08", "10.9.9.9"),  # the first route wins
        udp_ok(b"\x01\x94\x0c\x00" + ssrr, IB),               # length past the list ends the walk
        udp_ok(b"\x01\x01\x01\x83", IB),                       # a lone code byte at the end
        udp_ok(b"\x07\x07\x08\x0a\x09\x09\x09\x00", IB),      # RR is no source route
        udp_ok(b"\x00" + ssrr[:7], IB),                          # after EOL nothing counts
        e / IP(src=IB, dst=IA) / ICMP(type=3, code=3) / IP(src=IA, dst=IB, options=[ssrr]) / UDP(sport=7, dport=9, chksum=0x1234) / Raw(b"abcd"),
        sctp(data(1, 18, b"hello world, this is a longer payload!"), data(2, 99, b"xyz", flags=3),
             sack(1, 2, b"\0\1\0\2" + b"\0\0\0\x07\0\0\0\x08")),
        sctp(sack(2, 0, b"\0\1\0\2\0\3", clen=22)),
        sctp(sack(0, 2, b"\0\0\0\x07\0\0", clen=22)),
        sctp(data(3, 27, b"abcd"), sctp_chunk(0x40, 0, b"x" * 12), sctp_chunk(0xc0, 0, b"\0" * 4), data(4, 0, b"")),
        sctp(sctp_chunk(1, 0, struct.pack(">IIHHI", 7, 1000, 2, 2, 9)), data(9, 26, b"q" * 20, flags=4),
             ip=IPv6(src=SA, dst=SB)),
        e / IP(src=IA, dst="224.0.0.1", ttl=1) / IGMPv3(type=0x11, mrcode=20) / IGMPv3mq(gaddr="239.1.1.1", srcaddrs=["10.0.0.9", "10.0.0.10", "192.168.1.1"]),
        e / IP(src=IA, dst="224.0.0.1", ttl=1) / IGMPv3(type=0x11, mrcode=200) / IGMPv3mq(gaddr="239.1.1.2", numsrc=3, srcaddrs=["10.0.0.9"]),
        e / IP(src=IA, dst="224.0.0.22", ttl=1) / IGMPv3(type=0x22) / IGMPv3mr(records=[
            IGMPv3gr(rtype=1, maddr="239.1.1.1", srcaddrs=["10.1.1.1", "10.1.1.2"]),
            IGMPv3gr(rtype=6, maddr="239.2.2.2", srcaddrs=["10.2.2.2"]), IGMPv3gr(rtype=9, maddr="239.3.3.3")]),
        e / ll6 / ICMPv6ND_RA() / ICMPv6NDOptSrcLLAddr(lladdr=A) / ICMPv6NDOptMTU(mtu=1400) /
        ICMPv6NDOptPrefixInfo(prefix="2001:db8::", prefixlen=64) / Raw(b"\x63\x01abcdef") / ICMPv6NDOptDstLLAddr(lladdr=B),
        e / ll6 / ICMPv6ND_NS(tgt=SB) / Raw(b"\x63\x02" + bytes(range(14))) / ICMPv6NDOptSrcLLAddr(lladdr=A),
        Ether(src=A, dst="01:80:c2:00:00:0e", type=0x88cc) / Raw(lldp),
    ]


def arp_kinds_set():
    """ARP beyond Ethernet/IPv4, from raw bytes with a fixed seed: ATMARP
    (RFC 2225: type/length bytes, E.164 bit, subaddresses, every op),
    Frame Relay Q.922 addresses of 1 to 8 bytes, InfiniBand, protocol types
    tcpdump names (PUP, Trail, IPv6) and cuts inside the addresses."""
    rng = random.Random(2225)
    frames = []
    for i in range(200):
        hrd = rng.choice([1, 15, 15, 19, 19, 19, 32, 6, 7])
        pro = rng.choice([0x0800, 0x0800, 0x1000, 0x0200, 0x86dd])
        op = rng.choice([1, 2, 3, 4, 8, 9, 10, 11])
        body = bytes(rng.randrange(256) for _ in range(40))
        if hrd == 19 and rng.random() < 0.8:
            arp = struct.pack(">HHBBHBBBB", hrd, pro, rng.choice([0, 4, 6, 20, 0x46, 0x54]),
                              rng.choice([0, 0, 2, 0x41]), op, rng.choice([4, 4, 0, 16]),
                              rng.choice([0, 6, 20, 0x54]), rng.choice([0, 0, 1]),
                              rng.choice([4, 4, 0, 3])) + body
        else:
            arp = struct.pack(">HHBBH", hrd, pro, rng.choice([6, 6, 0, 1, 2, 3, 4, 8]),
                              rng.choice([4, 4, 0, 6]), op) + body
        if rng.random() < 0.3:
            arp = arp[:rng.randint(6, len(arp))]
        frame = bytes.fromhex("ffffffffffff020000000000" "0806") + arp
        frames.append((BASE + 1200 + i, frame, len(frame) + rng.choice([0, 0, 10])))
    return frames


def inet_sum(data):
    """RFC 1071 checksum of data (the field already zero)."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def vrrp_msg(ver, vrid, prio, addrs, auth=0, intvl=1, tail=b"", pseudo=None, bad=False,
             typ=1, count=None):
    """VRRP v2 (RFC 3768) or v3 (RFC 5798) message; v3 sums the pseudo-header."""
    second = struct.pack("!BB", auth, intvl) if ver == 2 else struct.pack("!H", intvl & 0xfff)
    body = struct.pack("!BBBB", ver << 4 | typ, vrid, prio,
                       len(addrs) if count is None else count) + second
    msg = body + b"\0\0" + b"".join(addrs) + tail
    ck = inet_sum((pseudo or b"") + msg) ^ (0x1234 if bad else 0)
    return msg[:6] + struct.pack("!H", ck) + msg[8:]


def vrrp_set():
    """VRRP over IPv4 and IPv6: v2 with every auth type (simple text cut
    short of 8 bytes, with controls and high bytes), v3 with its
    centisecond interval, bad checksums, a TTL other than 255, unknown
    versions and types, and address counts past the message."""
    from socket import inet_aton, inet_pton, AF_INET6
    v4 = [inet_aton("10.0.0.%d" % i) for i in (100, 101, 102)]
    v6 = [inet_pton(AF_INET6, "2001:db8::%x" % i) for i in (100, 101)]
    ip_src, ip_dst = inet_aton(IA), inet_aton("224.0.0.18")
    s6, d6 = inet_pton(AF_INET6, "fe80::1"), inet_pton(AF_INET6, "ff02::12")

    def ps4(n):
        return ip_src + ip_dst + struct.pack("!BBH", 0, 112, n)

    def ps6(n):
        return s6 + d6 + struct.pack("!IxxxB", n, 112)

    e = Ether(src="00:00:5e:00:01:01", dst="01:00:5e:00:00:12")
    e6 = Ether(src="00:00:5e:00:02:01", dst="33:33:00:00:00:12")
    m4 = [
        vrrp_msg(2, 1, 100, v4[:1], tail=b"\0" * 8),
        vrrp_msg(2, 2, 255, v4, auth=1, tail=b"secret\0\0"),
        vrrp_msg(2, 3, 0, v4[:2], auth=1, tail=b"12345678"),
        vrrp_msg(2, 4, 10, v4[:1], auth=1, tail=b"a\x01\x7f\xe9bcd\0"),
        vrrp_msg(2, 5, 10, v4[:1], auth=2, tail=b"\0" * 8),
        vrrp_msg(2, 6, 10, v4[:1], auth=7, tail=b"\0" * 8),
        vrrp_msg(2, 7, 10, v4[:1], tail=b"\0" * 8, bad=True),
        vrrp_msg(2, 8, 10, [], tail=b"\0" * 8),
        vrrp_msg(2, 9, 10, v4[:1], count=5, tail=b"\0" * 8),
        vrrp_msg(2, 10, 10, v4[:1], auth=1, count=2, tail=b"pw"),
        vrrp_msg(3, 11, 100, v4[:2], intvl=100, pseudo=ps4(16)),
        vrrp_msg(3, 12, 100, v4[:1], intvl=0xfff, pseudo=ps4(12), bad=True),
        vrrp_msg(3, 13, 100, v4[:1], intvl=0xfff, pseudo=ps4(12)),
        vrrp_msg(2, 14, 10, v4[:1], typ=2, tail=b"\0" * 8),
        vrrp_msg(1, 15, 10, v4[:1], tail=b"\0" * 8),
        vrrp_msg(4, 16, 10, v4[:1], tail=b"\0" * 8),
        b"\x21",
    ]
    pkts = [e / IP(src=IA, dst="224.0.0.18", ttl=255, proto=112) / Raw(m) for m in m4]
    pkts[13][IP].ttl = 64
    pkts[7][IP].ttl = 1
    m6 = [
        vrrp_msg(3, 20, 100, v6, intvl=100, pseudo=ps6(40)),
        vrrp_msg(3, 21, 100, v6[:1], intvl=100, pseudo=ps6(24), bad=True),
        vrrp_msg(2, 22, 100, v6[:1], tail=b"\0" * 8),
        vrrp_msg(2, 23, 100, v6, auth=1, tail=b"v6pass\0\0"),
    ]
    pkts += [e6 / IPv6(src="fe80::1", dst="ff02::12", hlim=255, nh=112) / Raw(m) for m in m6]
    return pkts

def udp_to(port, payloads, sport=None):
    """UDP datagrams to `port` (from the same port unless sport is given)."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    return [e / UDP(sport=sport or port, dport=port) / Raw(p) for p in payloads]


def syslog_set():
    """syslog (UDP 514): every facility and severity, priorities of 0-4
    digits, missing brackets, message text with controls and high bytes,
    an empty message, and a UDP length shorter than the priority."""
    msgs = [b"<%d>Dec  6 12:00:00 host app[1]: message %d" % (pri, pri)
            for pri in list(range(0, 192, 9)) + [191, 999]]
    msgs += [b"<0>", b"<13>", b"<1234>x", b"<13x", b"13>x", b"<>", b"<007>lead \x01\x7f\xff\xe9",
             b"<13>" + bytes(range(1, 40)), b"<",
             b"<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
             b"[exampleSDID@32473 iut=\"3\"] An application event log entry"]
    pkts = udp_to(514, msgs)
    pkts += udp_to(514, [b"<13>from a high port"], sport=40000)
    short = udp_to(514, [b"<13>abcdef"])[0]
    short[UDP].len = 10  # two bytes of payload: shorter than "<13>"
    return pkts + [short]


def tftp_set():
    """TFTP (UDP 69): RRQ and WRQ with modes and RFC 2347 options, OACK,
    DATA and ACK blocks, every ERROR code and an unknown one, unknown
    opcodes, and strings missing their NUL or cut by the UDP length."""
    p = [
        b"\x00\x01boot/pxelinux.0\x00octet\x00",
        b"\x00\x02upload.bin\x00netascii\x00",
        b"\x00\x01f\x00octet\x00blksize\x001428\x00tsize\x000\x00",
        b"\x00\x01f\x00octet\x00\x00\x00opt\x00",
        b"\x00\x01f\x00octet\x00blksize\x00512",
        b"\x00\x01f\x00octet",
        b"\x00\x01f\x00",
        b"\x00\x01name\x01\x7f\xe9\x00mail\x00",
        b"\x00\x01",
        b"\x00\x06blksize\x001428\x00tsize\x001024\x00",
        b"\x00\x06",
        b"\x00\x06x",
        b"\x00\x03\x00\x01" + bytes(range(64)),
        b"\x00\x03\xff\xff",
        b"\x00\x03\x00",
        b"\x00\x04\x00\x2a",
        b"\x00\x04",
        b"\x00\x05\x00\x01File not found\x00",
        b"\x00\x05\x00\x09odd code\x00",
        b"\x00\x05\xbe\xef\x00",
        b"\x00\x05\x00\x02no nul",
        b"\x00\x05\x00\x03",
        b"\x00\x05\x00",
        b"\x00\x07\x00\x01",
        b"\x00\x00",
        b"\x00",
        b"",
    ]
    p += [b"\x00\x05" + struct.pack("!H", code) + b"msg %d\x00" % code for code in range(9)]
    pkts = udp_to(69, p, sport=1069)
    cut = udp_to(69, [b"\x00\x01longfilename\x00octet\x00"], sport=1069)[0]
    cut[UDP].len = 8 + 7  # the UDP length ends inside the filename
    return pkts + [cut]


def rip_entry(family, addr, metric, tag=0, mask="0.0.0.0", nexthop="0.0.0.0"):
    from socket import inet_aton
    return (struct.pack("!HH", family, tag) + inet_aton(addr) + inet_aton(mask) +
            inet_aton(nexthop) + struct.pack("!I", metric))


def rip_set():
    """RIP (UDP 520): v1 and v2 requests and responses, entries of other
    families, must-be-zero fields set, v2 masks that are not prefixes,
    next hops, simple, crypto (RFC 4822), trailer and unknown
    authentication, other commands and versions, and entries cut short."""
    v1 = rip_entry(2, "10.1.0.0", 1) + rip_entry(0, "10.2.0.0", 16)
    v2 = (rip_entry(2, "192.168.1.0", 1, tag=7, mask="255.255.255.0") +
          rip_entry(2, "10.0.0.0", 2, mask="255.0.0.0", nexthop="10.0.0.254") +
          rip_entry(0, "0.0.0.0", 16) +
          rip_entry(2, "172.16.0.0", 3, mask="255.0.255.0"))
    p = [
        b"\x01\x01\x00\x00" + rip_entry(0, "0.0.0.0", 16),
        b"\x02\x01\x00\x00" + v1,
        b"\x02\x01\x00\x00" + rip_entry(2, "10.1.0.0", 1, tag=5),
        b"\x02\x01\x00\x00" + rip_entry(16, "10.1.0.0", 1),
        b"\x02\x01\x00\x00" + v1 + b"\x00\x02\x00\x00\x0a\x00",
        b"\x01\x02\x00\x00" + rip_entry(0, "0.0.0.0", 16),
        b"\x02\x02\x00\x00" + v2,
        b"\x02\x02\x00\x00" + rip_entry(30, "10.0.0.0", 1) + rip_entry(99, "10.0.0.0", 1),
        b"\x02\x02\x00\x00\xff\xff\x00\x02secret\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + v2[:20],
        b"\x02\x02\x00\x00\xff\xff\x00\x02sixteen-bytes-pw" + v2[:20],
        b"\x02\x02\x00\x00\xff\xff\x00\x02short",
        b"\x02\x02\x00\x00\xff\xff\x00\x03\x00\x2c\x01\x10\x00\x00\x00\x05" + b"\x00" * 8 + v2[:20] +
        b"\xff\xff\x00\x01" + bytes(range(16)),
        b"\x02\x02\x00\x00\xff\xff\x00\x03\x00\x2c\x01\x10",
        b"\x02\x02\x00\x00\xff\xff\x00\x09" + bytes(range(10)),
        b"\x02\x02\x00\x00" + v2[:30],
        b"\x02\x02\x00\x00\x00\x02",
        b"\x02\x03\x00\x00" + v2[:20],
        b"\x03\x01\x00\x00" + b"trace.file\x00",
        b"\x04\x01\x00\x00",
        b"\x05\x02\x00\x00" + v2[:20],
        b"\x06\x02\x00\x00",
        b"\x09\x02\x00\x00\x01\x02",
        b"\x02\x00\x00\x00" + v1,
        b"\x02\x02\x00",
        b"",
    ]
    pkts = udp_to(520, p)
    short = udp_to(520, [b"\x02\x02\x00\x00" + v2])[0]
    short[UDP].len = 8 + 4 + 30  # the UDP length ends inside the second entry
    pw = udp_to(520, [b"\x02\x02\x00\x00\xff\xff\x00\x02password"])[0]
    pw[UDP].len = 8 + 4 + 4 + 3  # ... and inside a simple password
    return pkts + [short, pw]


def mptcp_set():
    """TCP option 30 (MPTCP, RFC 8684/6824): every subtype at each length
    tcpdump 4.99 accepts, with the SYN/ACK flags it checks, and at lengths
    and flags it calls bad; DSS with 4- and 8-byte numbers and a checksum;
    ADD_ADDR v4/v6 with port and HMAC; MP_TCPRST and higher subtypes
    (tcpdump's "unknown"); an option after it cut by the capture."""
    k1, k2 = bytes(range(1, 9)), bytes(range(0x11, 0x19))
    v4, v6 = bytes([192, 168, 1, 1]), bytes(range(0x20, 0x30))
    u32 = lambda v: struct.pack("!I", v)

    def seg(flags, *opts, load=b""):
        t = TCP(sport=40000, dport=8080, seq=1000, ack=2000 if "A" in flags else 0,
                flags=flags, options=[(30, o) for o in opts])
        return Ether(src=A, dst=B) / IP(src=IA, dst=IB) / t / Raw(load)

    pkts = [
        seg("S", b"\x00\x81" + k1), seg("S", b"\x01\x01"), seg("A", b"\x01\x81" + k1 + k2),
        seg("A", b"\x01\x01" + k1 + k2 + b"\x00\x10"), seg("S", b"\x02\x81" + k1),
        seg("A", b"\x00\x81" + k1), seg("SA", b"\x01\x01" + k1 + k2),
        seg("S", b"\x11\x05\xaa\xbb\xcc\xdd\x11\x22\x33\x44"),
        seg("SA", b"\x10\x05" + k1 + b"\x11\x22\x33\x44"),
        seg("A", b"\x10\x00" + bytes(range(20))), seg("A", b"\x10\x05" + k1),
        seg("A", b"\x20\x01" + u32(5)), seg("A", b"\x20\x1f" + k1 + k2 + u32(7) + b"\x01\x00\x12\x34"),
        seg("PA", b"\x20\x05" + u32(5) + u32(6) + u32(7) + b"\x01\x00", load=b"data"),
        seg("A", b"\x20\x00"), seg("A", b"\x20\x01\x00\x00"), seg("S", b"\x20\x01" + u32(5)),
        seg("A", b"\x20\x01" + u32(5) + b"\x00"), seg("A", b"\x20\x0c" + k1 + u32(7)),
        seg("A", b"\x30\x02" + v4), seg("A", b"\x31\x02" + v4 + b"\x1f\x90"),
        seg("A", b"\x30\x02" + v4 + k1), seg("A", b"\x30\x02" + v4 + b"\x1f\x90" + k1),
        seg("A", b"\x36\x02" + v6), seg("A", b"\x34\x02" + v6 + b"\x1f\x90"),
        seg("A", b"\x30\x02" + v6 + k1), seg("A", b"\x3f\x02" + v6 + b"\x1f\x90" + k1),
        seg("A", b"\x35\x02" + v4 + b"\x00"),
        seg("A", b"\x40\x01\x02\x03"), seg("A", b"\x40"), seg("A", b"\x51"), seg("A", b"\x50\x07"),
        seg("A", b"\x50\x07\x08"), seg("A", b"\x60\x00" + k1), seg("A", b"\x70\x00" + k1),
        seg("A", b"\x70\x00" + k1[:4]), seg("RA", b"\x8f\x03"), seg("A", b"\xf0"),
        seg("A", b""), seg("S", b"\x00\x81" + k1, b"\x00\x01"),
    ]
    cut = seg("S", b"\x00\x81" + k1)
    cut[TCP].options = [(30, b"\x00\x81" + k1), ("MSS", 1460)]
    frame = bytes(cut)
    pkts += [Ether(frame[:-1]), Ether(frame[:-3])]
    six = Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / TCP(
        sport=40000, dport=8080, flags="A", ack=1, options=[(30, b"\x36\x02" + v6)])
    return pkts + [six]


def ah_hdr(nh, icv, spi=0x1000, seq=1, rsv=0, words=None):
    """AH header (RFC 4302 2): words defaults to the real length."""
    if words is None:
        words = (12 + len(icv)) // 4 - 2
    return struct.pack("!BBHII", nh, words, rsv, spi, seq) + icv


def ipsec_set():
    """ESP and AH over IPv4 and IPv6: ESP headers of 8 bytes or less, AH
    before TCP, UDP, ICMP, IGMP, ESP, another AH and no next header, a
    reserved field set, an ICV longer than the packet, AH after IPv6
    hop-by-hop and fragment headers and before extension headers that the
    demultiplexer does not walk."""
    e = Ether(src=A, dst=B)
    udp = bytes(UDP(sport=1, dport=2) / Raw(b"x" * 8))
    tcp = bytes(TCP(sport=1, dport=2))
    esp = lambda spi, seq, body: struct.pack("!II", spi, seq) + body
    v4 = [esp(0x1234, 1, bytes(range(32))), esp(0xdeadbeef, 0xffffffff, b""), esp(1, 2, b"\x01"),
          b"\0\0\0", ah_hdr(6, bytes(range(12))) + tcp, ah_hdr(50, bytes(12)) + esp(5, 6, b"abcdefgh"),
          ah_hdr(17, b"\xaa" * 12, rsv=0x1234) + udp, ah_hdr(59, b"\xbb" * 4),
          ah_hdr(59, b"\xbb" * 4, words=10), ah_hdr(1, b"\xcc" * 12) + bytes(ICMP()),
          ah_hdr(51, b"\xcc" * 12) + ah_hdr(17, b"\xdd" * 8) + udp, ah_hdr(6, b"", words=0),
          ah_hdr(6, b"", words=1)[:8], ah_hdr(2, b"\1" * 12) + b"\x11\x64\xee\x9b\0\0\0\0", b""]
    pkts = [e / IP(src=IA, dst=IB, proto=50 + (i >= 4 and i != 14)) / Raw(m) for i, m in enumerate(v4)]
    pkts[-1][IP].proto = 51
    s6, d6 = "2001:db8::1", "2001:db8::2"
    opt = b"\x01\x04\0\0\0\0"
    v6 = [(50, esp(0x99, 7, bytes(20))), (51, ah_hdr(6, bytes(range(12))) + tcp),
          (51, ah_hdr(60, bytes(12)) + b"\x11\0" + opt + udp),
          (0, b"\x33\0" + opt + ah_hdr(58, bytes(12)) + bytes(ICMPv6EchoRequest())),
          (44, b"\x33\0\0\0\0\0\0\1" + ah_hdr(17, bytes(12)) + udp),
          (51, ah_hdr(43, bytes(12)) + b"\x11" + bytes(7) + udp),
          (51, ah_hdr(2, bytes(12)) + udp), (51, ah_hdr(17, bytes(12), words=200) + udp)]
    pkts += [e / IPv6(src=s6, dst=d6, nh=nh) / Raw(m) for nh, m in v6]
    return pkts


def pim_msg(typ, body, ver=2, rsv=0, bad=False, zero=False, pseudo=b"", sumlen=None):
    """PIM message; the checksum covers sumlen bytes (all by default)."""
    m = struct.pack("!BBH", ver << 4 | typ, rsv, 0) + body
    ck = 0 if zero else inet_sum(pseudo + m[:sumlen or len(m)]) ^ (0x1111 if bad else 0)
    return m[:2] + struct.pack("!H", ck) + m[4:]


def pim_set():
    """PIM over IPv4 and IPv6: v2 Hello with every option tcpdump names,
    bad option lengths and an unknown option; Register (Border, Null with
    its dummy header, IPv4, IPv6 and unknown inner versions, checksum over
    the header or all); Register-Stop, Join/Prune, Graft, Graft-Ack,
    Bootstrap, Assert, C-RP-Adv, State Refresh, DF Election subtypes and
    unknown types; RFC 2117 address lengths, unknown address families,
    bad and zero checksums, messages under 4 bytes, versions 1 and 3."""
    from socket import inet_aton, inet_pton, AF_INET6

    def u4(a):
        return b"\x01\x00" + inet_aton(a)

    def g4(a, m=32, f=0):
        return struct.pack("!BBBB", 1, 0, f, m) + inet_aton(a)

    def opt(t, v):
        return struct.pack("!HH", t, len(v)) + v

    hello = (opt(1, b"\x00\x69") + opt(2, b"\x81\xf4\x09\xc4") + opt(19, b"\0\0\0\x01") +
             opt(20, b"\x12\x34\x56\x78") + opt(21, b"\x01\x3c\x00\x00") + opt(22, b"") +
             opt(24, u4("10.0.0.9") + u4("10.0.0.10")) + opt(18, b"") + opt(99, b"abc") +
             opt(65001, u4("10.0.0.11")) + opt(21, b"\x01\x00\x12\x34"))
    inner = bytes(IP(src="10.1.1.1", dst="239.1.1.1") / UDP(sport=1, dport=2) / Raw(b"hi"))
    inner6 = bytes(IPv6(src="2001:db8::1", dst="ff0e::1") / UDP(sport=1, dport=2))
    jp = (u4("10.0.0.254") + b"\x00\x02\x00\xd2" + g4("239.1.1.1") + b"\x00\x01\x00\x01" +
          g4("10.1.1.1", f=4) + g4("10.1.1.2", 24, f=7) + g4("239.2.0.0", 16, f=0x81) +
          b"\x00\x01\x00\x00" + g4("10.9.9.9", f=0xfc))
    bsr = (b"\x12\x34\x1e\x40" + u4("10.0.0.1") + g4("224.0.0.0", 4) + b"\x02\x02\x00\x00" +
           u4("10.0.0.2") + b"\x00\x96\x01\x00" + u4("10.0.0.3") + b"\xff\xff\xc0\x00")
    df = u4("10.0.0.1") + b"\0\0\0\1\0\0\0\2"
    msgs = [
        pim_msg(0, hello), pim_msg(0, opt(1, b"\x00\x69"), bad=True),
        pim_msg(0, opt(1, b"\x00\x69"), zero=True), pim_msg(0, opt(1, b"\x00\x69\x00")),
        pim_msg(0, opt(20, b"\x01\x02")), pim_msg(0, opt(19, b"\x01")), pim_msg(0, opt(2, b"\0")),
        pim_msg(0, opt(21, b"\0")), pim_msg(0, opt(1, b"\xff\xff") + b"\x00\x01"),
        pim_msg(0, opt(24, b"\x07\x00abcd")), pim_msg(0, opt(24, u4("10.0.0.9")[:5])),
        pim_msg(1, b"\0\0\0\0" + inner, sumlen=8),
        pim_msg(1, b"\x40\0\0\0" + bytes(IP(src="10.1.1.1", dst="239.1.1.1", version=0, proto=0)),
                sumlen=8),
        pim_msg(1, b"\x80\0\0\0" + inner), pim_msg(1, b"\xc0\0\0\0\x50" + bytes(19), sumlen=8),
        pim_msg(1, b"\0\0\0\0"), pim_msg(1, b"\0\0\0\0" + inner6, sumlen=8),
        pim_msg(1, b"\0\0\0\0" + inner, bad=True, sumlen=8), pim_msg(1, b"\0\0\0"),
        pim_msg(2, g4("239.1.1.1") + u4("10.1.1.1")), pim_msg(2, g4("239.1.1.1", 24, 1) + u4("10.1.1.1")[:3]),
        pim_msg(3, jp), pim_msg(3, jp[:20]), pim_msg(6, jp), pim_msg(7, jp),
        pim_msg(3, u4("10.0.0.254") + b"\x00\x01\xff\xff" + g4("239.1.1.1") + b"\0\0\0\0"),
        pim_msg(3, u4("10.0.0.254") + b"\x00\x01\x00\x00" + g4("239.1.1.1") + b"\0\0"),
        pim_msg(4, bsr), pim_msg(4, bsr[:12]), pim_msg(4, bsr[:3]), pim_msg(4, bsr[:-1]),
        pim_msg(5, g4("239.1.1.1") + u4("10.1.1.1") + b"\x80\0\0\x78\0\0\0\x0a"),
        pim_msg(5, g4("239.1.1.1") + u4("10.1.1.1") + b"\x00\0\0\x78\0\0"),
        pim_msg(8, b"\x02\xc0\x00\x96" + u4("10.0.0.5") + g4("224.0.0.0", 4) + g4("239.0.0.0", 8)),
        pim_msg(8, b"\x05\xc0\x00\x96" + u4("10.0.0.5") + g4("224.0.0.0", 4)), pim_msg(8, b"\x01\x02"),
        pim_msg(9, u4("10.1.1.1") + g4("239.1.1.1") + u4("10.0.0.7") + b"\x00\x3c"),
        pim_msg(9, u4("10.1.1.1") + g4("239.1.1.1") + u4("10.0.0.7") + b"\x00"),
        pim_msg(10, df, rsv=0x10), pim_msg(10, df, rsv=0x20),
        pim_msg(10, df + df + b"\x01\xf4", rsv=0x30), pim_msg(10, df + df, rsv=0x40),
        pim_msg(10, df, rsv=0x70), pim_msg(10, df[:9], rsv=0x10),
        pim_msg(13, b"abcd"), pim_msg(1, b"", ver=1), pim_msg(0, b"xx", ver=3), pim_msg(15, b""),
        pim_msg(2, inet_aton("239.1.1.1") + inet_aton("10.1.1.1"), rsv=4), pim_msg(2, b"", rsv=5),
        pim_msg(2, bytes(40), rsv=0x10),
        pim_msg(0, b""), b"\x20", b"\x20\x04", b"\x20\x00\x00", b"",
        pim_msg(2, struct.pack("!BBBB", 3, 0, 0, 32) + bytes(8)),
        pim_msg(2, struct.pack("!BBBB", 1, 1, 0, 32) + bytes(8)),
    ]
    e = Ether(src=A, dst="01:00:5e:00:00:0d")
    pkts = [e / IP(src=IA, dst="224.0.0.13", ttl=1, proto=103) / Raw(m) for m in msgs]
    s6, d6 = "fe80::1", "ff02::d"

    def ps6(n):
        return inet_pton(AF_INET6, s6) + inet_pton(AF_INET6, d6) + struct.pack("!IxxxB", n, 103)

    u6 = b"\x02\x00" + inet_pton(AF_INET6, "2001:db8::9")
    g6 = struct.pack("!BBBB", 2, 0, 0, 128) + inet_pton(AF_INET6, "ff0e::1")
    m6 = [(0, opt(1, b"\x00\x69") + opt(24, u6), False), (2, g6 + u6, False),
          (0, opt(1, b"\x00\x69") + opt(24, u6), True), (1, b"\0\0\0\0" + inner6, False)]
    e6 = Ether(src=A, dst="33:33:00:00:00:0d")
    pkts += [e6 / IPv6(src=s6, dst=d6, nh=103, hlim=1) / Raw(pim_msg(t, b, bad=bad, pseudo=ps6(4 + len(b))))
             for t, b, bad in m6]
    return pkts


def igmp_pim_edge_set():
    """IGMPv3 reports of 8 to 24 bytes (tcpdump wants 16 or more) and PIMv2
    types 11 (ECMP Redirect) to 15, from raw bytes."""
    frames = []
    for i, n in enumerate((8, 12, 16, 20, 24)):
        body = (bytes([0x22, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 239, 1, 1, 1]) + bytes(8))[:n]
        frames.append(bytes(Ether(src=A, dst="01:00:5e:00:00:16") / IP(src=IA, dst="224.0.0.22", ttl=1, proto=2) / Raw(body)))
    for t in (11, 12, 13, 15):
        body = bytes([0x20 | t, 0, 0, 0]) + bytes(24)
        frames.append(bytes(Ether(src=A, dst="01:00:5e:00:00:0d") / IP(src=IA, dst="224.0.0.13", ttl=1, proto=103) / Raw(body)))
    return [(BASE + 1600 + i, f, len(f)) for i, f in enumerate(frames)]


def igmp_mtrace_set():
    """IGMP mtrace (0x1f) and mtrace response (0x1e) queries: unicast and
    multicast reply addresses, a query a byte short, one longer, a zero
    checksum, and captures cut inside the query, from raw bytes."""
    frames = []
    for t in (0x1e, 0x1f):
        for reply, extra, cut, good in ((b"\x0a\x03\x03\x03", 0, 0, True),
                                        (b"\xe0\x03\x03\x03", 0, 0, True),
                                        (b"\x0a\x03\x03\x03", -1, 0, True),
                                        (b"\x0a\x03\x03\x03", 28, 0, True),
                                        (b"\x0a\x03\x03\x03", 0, 40, True),
                                        (b"\x0a\x03\x03\x03", 0, 0, False)):
            q = (bytes([10, 1, 1, 1, 10, 2, 2, 2]) + reply + b"\x07\x12\x34\x56" + bytes(max(extra, 0)))
            body = bytes([t, 5, 0, 0, 239, 1, 1, 1]) + q[:len(q) + min(extra, 0)]
            ck = inet_sum(body) if good else 0
            body = body[:2] + struct.pack("!H", ck) + body[4:]
            f = bytes(Ether(src=A, dst="01:00:5e:00:00:01") / IP(src=IA, dst="224.0.0.1", ttl=1, proto=2) / Raw(body))
            frames.append(f[:cut] if cut else f)
    return [(BASE + 1660 + i, f, len(f)) for i, f in enumerate(frames)]


def nb_name(name, suffix=0x00):
    """RFC 1001 14.1 first-level encoding of a 16-byte NetBIOS name."""
    raw = name.ljust(15)[:15].encode() + bytes([suffix])
    return b"\x20" + bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15))) + b"\x00"


def nbt_set():
    """NetBIOS over TCP/IP (RFC 1002): name service (UDP 137) queries,
    registrations, releases, WACK, refreshes, node status and their
    positive and negative responses, an unknown opcode and a header cut
    short; datagram service (UDP 138) direct, broadcast, error and query
    datagrams with an SMB mailslot payload.  tcpdump 4.99.3 as installed
    (built without --enable-smb) prints all of them as plain UDP."""
    def ns(trn, flags, qd=0, an=0, ns_=0, ar=0):
        return struct.pack("!HHHHHH", trn, flags, qd, an, ns_, ar)
    host, wg = nb_name("HOST", 0x20), nb_name("WORKGROUP", 0x1d)
    nb_q, stat_q = host + b"\x00\x20\x00\x01", nb_name("*") + b"\x00\x21\x00\x01"
    nb_rr = host + struct.pack("!HHIH", 0x20, 1, 300000, 6) + b"\x00\x00" + bytes([10, 0, 0, 1])
    nb_neg = host + struct.pack("!HHIH", 0x0a, 1, 0, 0)
    reg_ar = b"\xc0\x0c" + nb_rr[34:]  # the question's name by pointer
    wack = host + struct.pack("!HHIHH", 0x20, 1, 0, 2, 0x2910)
    names = b"".join(n.ljust(15).encode() + bytes([t]) + f for n, t, f in
                     (("HOST", 0x00, b"\x04\x00"), ("WORKGROUP", 0x00, b"\x84\x00"),
                      ("HOST", 0x20, b"\x04\x00"), ("\x01\x02MSBROWSE\x02", 0x01, b"\x84\x00")))
    stat_rd = bytes([4]) + names + bytes.fromhex("020000000001") + bytes(40)
    stat_rr = nb_name("*") + struct.pack("!HHIH", 0x21, 1, 0, len(stat_rd)) + stat_rd
    msgs = [
        ns(0x8001, 0x0110, qd=1) + nb_q,                          # broadcast query
        ns(0x8001, 0x8500, an=1) + nb_rr,                         # positive response
        ns(0x8002, 0x8503, an=1) + nb_neg,                        # negative (rcode 3)
        ns(0x8003, 0x2910, qd=1, ar=1) + nb_q + reg_ar,           # registration
        ns(0x8003, 0xad86, an=1) + nb_neg,                        # negative registration (ACT_ERR)
        ns(0x8004, 0x3010, qd=1, ar=1) + nb_q + reg_ar,           # release
        ns(0x8004, 0xb400, an=1) + nb_rr,                         # release response
        ns(0x8005, 0xbc00, an=1) + wack,                          # WACK
        ns(0x8006, 0x4000, qd=1, ar=1) + nb_q + reg_ar,           # refresh (8)
        ns(0x8007, 0x4800, qd=1, ar=1) + nb_q + reg_ar,           # refresh (9)
        ns(0x8008, 0x7900, qd=1, ar=1) + wg + b"\x00\x20\x00\x01" + reg_ar,  # multihomed
        ns(0x8009, 0x0000, qd=1) + stat_q,                        # node status request
        ns(0x8009, 0x8400, an=1) + stat_rr,                       # node status response
        ns(0x800a, 0x6110, qd=1) + nb_q,                          # unknown opcode 12
        ns(0x800b, 0x0110)[:7],                                   # header cut short
    ]
    pkts = udp_to(137, msgs)
    smb = b"\xffSMB\x25" + bytes(27) + b"\x11\x00" + bytes(34) + b"\\MAILSLOT\\BROWSE\x00\x01\x00"
    def dg(typ, flags, body):
        return struct.pack("!BBH4sHHH", typ, flags, 0x1234, bytes([10, 0, 0, 1]), 138,
                           len(body), 0) + body
    pkts += udp_to(138, [dg(0x11, 0x02, host + wg + smb), dg(0x10, 0x0a, host + host + smb),
                         dg(0x12, 0x02, host + wg + smb)[:40], dg(0x13, 0x02, b"\x82"),
                         dg(0x14, 0x02, wg), dg(0x16, 0x02, wg), dg(0x11, 0x02, b"")[:6]])
    pkts += [Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=137, dport=137) / Raw(msgs[0])]
    return pkts


def dhcp6_set():
    """DHCPv6 (UDP 546/547): every message type, every option tcpdump
    4.99.3 decodes with its short and odd lengths, relay-forward and
    relay-reply nesting, names, and options past the UDP length."""
    from socket import AF_INET6, inet_pton

    def o(code, data):
        return struct.pack("!HH", code, len(data)) + data

    def a6(s):
        return inet_pton(AF_INET6, s)

    def relay(t, hops, link, peer, opts):
        return bytes([t, hops]) + a6(link) + a6(peer) + opts

    x = b"\x01\xab\xcd\xef"
    duid = o(1, b"\x00\x01\x00\x01\x2a\x00\x00\x01" + bytes.fromhex("020000000001"))
    ia_addr = o(5, a6("2001:db8::100") + struct.pack("!II", 3600, 7200) + o(13, b"\x00\x00ok"))
    prefix = o(26, struct.pack("!IIB", 1800, 3600, 56) + a6("2001:db8:100::") + o(13, b"\x00\x06"))
    lq = b"\x01" + a6("2001:db8::5") + o(2, b"\x00\x03\x00\x01" + bytes(6))
    names = b"\x07example\x03com\x00\x03lab\xc0\x00"
    ntp = (o(1, a6("2001:db8::123")) + o(2, a6("ff05::101")) + o(3, b"\x03ntp\x02db\x00") +
           o(1, b"\x00\x01") + o(9, b"zz"))
    auth_delayed = b"\x02\x01\x00" + bytes(range(8)) + b"realm" + struct.pack("!I", 0x1234) + bytes(range(16))
    auth_reconf = b"\x03\x01\x00" + bytes(8) + b"\x01" + bytes(range(16))
    msgs = [x + duid + o(6, b"\x00\x17\x00\x18\x00\x38\x12\x34") + o(8, b"\x00\x00") +
            o(3, struct.pack("!III", 1, 0, 0)) + o(14, b"")]
    msgs += [bytes([t]) + x[1:] for t in range(0, 17)] + [b"\xff" + x[1:]]
    msgs += [
        x + o(2, b"\x00\x02\x00\x00\x00\x09" + bytes(range(6))) + o(1, b"\x00\x03\x00\x01" + bytes(6)),
        x + o(1, b"\x00\x07abc") + o(1, b"\x00") + o(2, b"\x00\x01\x00\x01") +
        o(2, b"\x00\x02\x00\x00") + o(2, b"\x00\x03\x00") + o(1, b"\x00\x00"),
        x + o(3, struct.pack("!III", 7, 3600, 5400) + ia_addr) + o(3, b"\x00\x00\x00") +
        o(4, struct.pack("!I", 9) + ia_addr) + o(4, b"\x01") + o(5, bytes(23)),
        x + o(25, struct.pack("!III", 1, 2, 3) + prefix) + o(26, bytes(24)),
        x + o(7, b"\xff") + o(7, b"") + o(8, b"\xff\xff") + o(8, b"\x01") + o(6, b"\x00\x01\x00"),
        x + o(11, auth_delayed) + o(11, auth_delayed[:11]) + o(11, auth_delayed[:20]) +
        o(11, auth_delayed[:11] + bytes(20)),
        x + o(11, auth_reconf) + o(11, auth_reconf[:11] + b"\x02" + auth_reconf[12:]) +
        o(11, auth_reconf[:11] + b"\x07" + auth_reconf[12:]) + o(11, auth_reconf[:-1]) +
        o(11, b"\x09\x05\x03" + bytes(8)) + o(11, bytes(10)),
        x + o(12, a6("2001:db8::1")) + o(14, b"") + o(15, b"\x00\x03abc") + o(16, b"\x00\x00\x01\x37") +
        o(17, b"\x00\x00\x01\x37\x00\x01\x00\x01x") + o(20, b"") + o(10, b"old"),
        x + o(18, b"eth0") + o(18, bytes(range(12))) + o(38, b"sub-1") + o(18, b""),
        x + o(19, b"\x05") + o(19, b"\x0b") + o(19, b"\x07") + o(19, b"\x05\x05"),
        x + o(21, names) + o(24, names) + o(24, b"\x03bad\x80") + o(29, names) + o(30, b"x") + o(33, b"y"),
        x + o(24, b"\x04long") + o(8, b"\x00\x01"),
        x + o(22, a6("2001:db8::22")) + o(23, a6("2001:db8::53") + a6("2001:db8::54")) +
        o(31, a6("::1")) + o(27, a6("::2")) + o(28, a6("::3")) + o(34, a6("::4")) + o(40, a6("::5")) +
        o(48, a6("::6")) + o(23, bytes(15)) + o(23, b""),
        x + o(32, b"\xff\xff\xff\xff") + o(46, struct.pack("!I", 60)) + o(32, b"\x00") +
        o(37, struct.pack("!I", 0xfffffff0) + bytes(range(14))) + o(37, struct.pack("!I", 311) + b"ab") +
        o(37, b"abc"),
        x + o(44, lq) + o(44, b"\x02" + a6("::")) + o(44, b"\x07" + a6("::1")) + o(44, bytes(16)) +
        o(45, duid + ia_addr + o(46, struct.pack("!I", 5))) + o(45, b"") +
        o(47, a6("2001:db8::47") + bytes(range(12))) + o(47, a6("::") ) + o(47, bytes(15)),
        x + o(56, ntp) + o(56, b"\x00\x09") + o(56, o(3, b"\x03abc") ) + o(56, b"\x00\x01\x00\x10" + bytes(4)),
        x + o(64, b"\x04aftr\x07example\x03com\x00") + o(64, b"\x04aftr\x05ab") + o(64, b"\x02ab") +
        o(64, b"\x01a\x00\x01b") + o(64, b"\x00\x00\x00"),
        x + o(41, b"EST5EDT,M3.2.0/2,M11.1.0") + o(42, b"Europe/Zurich") + o(112, b"https://mud.example/x\x00y") +
        o(41, b"UTC") + o(42, b"a\x01\x7f\xe9b"),
        x + o(36, b"\x00US") + o(39, b"\x01\x03foo\x00") + o(99, b"") + o(65535, b"\x00"),
        x + o(8, b"\x00\x05") + b"\x00\x08\x00\x05\x00",
        x + o(8, b"\x00\x05") + b"\x00\x08",
        x + o(8, b"\x00\x05") + b"\x00",
        x[:3], x[:1], b"",
        relay(12, 0, "2001:db8::1", "fe80::1", o(18, b"eth0") + o(9, x + duid + o(8, b"\x00\x00")) + o(37, b"\x00\x00\x00\x01id")),
        relay(13, 1, "2001:db8::1", "fe80::2", o(9, relay(13, 0, "::", "fe80::3", o(9, b"\x07\x00\x00\x01" + o(13, b"\x00\x02")))) +
              o(18, b"x")),
        relay(12, 0, "::", "::", o(9, x + o(8, b"\x00\x05") + b"\x00") + o(18, b"y")),
        relay(12, 0, "::", "::", o(9, b"\x0c\x00" + bytes(20)) + o(18, b"y")),
        relay(12, 0, "::", "::", o(9, b"\x01")),
        relay(12, 0, "::", "::", b"")[:20],
        relay(13, 0, "::", "::", o(9, b"") + o(13, b"\x01\x2c")),
        x + b"".join(o(13, struct.pack("!H", n)) for n in list(range(12)) + [255, 256]),
    ]
    e6 = Ether(src=A, dst=B) / IPv6(src="fe80::1", dst="ff02::1:2")
    pkts = [e6 / UDP(sport=546, dport=547) / Raw(m) for m in msgs]
    pkts += [e6 / UDP(sport=547, dport=547) / Raw(msgs[0]), e6 / UDP(sport=546, dport=40000) / Raw(msgs[0]),
             Ether(src=A, dst=B) / IP(src=IA, dst=IB) / UDP(sport=40000, dport=547) / Raw(msgs[0])]
    short = e6 / UDP(sport=546, dport=547) / Raw(msgs[0])
    short[UDP].len = 8 + 20  # the UDP length ends inside an option
    pkts.append(short)
    return pkts


def ber(tag, body):
    """One BER element (short or long form length as the body needs)."""
    n = len(body)
    if n < 0x80:
        return bytes([tag]) + bytes([n]) + body
    ln = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(ln)]) + ln + body


def ber_int(v, tag=2, size=None):
    size = size or max(1, (v + (v < 0)).bit_length() // 8 + 1)
    return ber(tag, v.to_bytes(size, "big", signed=v < 0 or tag == 2))


def ber_oid(*arcs):
    body = bytearray()
    for i, a in enumerate([arcs[0] * 40 + arcs[1]] + list(arcs[2:])):
        enc = [a & 0x7f]
        a >>= 7
        while a:
            enc.insert(0, 0x80 | (a & 0x7f))
            a >>= 7
        body += bytes(enc)
    return ber(6, bytes(body))


def snmp_set():
    """SNMP (UDP 161/162): v1, v2c and v3 messages with every PDU type and
    value type tcpdump prints, error statuses, traps, communities, the USM
    header, and BER it finds wrong (bad tags, lengths, types, extra bytes)."""
    seq = lambda *e: ber(0x30, b"".join(e))
    null, s = ber(5, b""), lambda t: ber(4, t)
    sysdescr = ber_oid(1, 3, 6, 1, 2, 1, 1, 1, 0)

    def vb(oid, val=null):
        return seq(oid, val)

    def pdu(tag, rid, es, ei, *vbs, raw=None):
        body = ber_int(rid) + ber_int(es) + ber_int(ei) + (raw if raw is not None else seq(*vbs))
        return ber(0xa0 | tag, body)

    def msg(ver, comm, p, extra=b""):
        return seq(ber_int(ver), s(comm), p) + extra

    values = [
        ber_int(0), ber_int(-1), ber_int(2147483647), ber_int(-2147483648),
        ber_int(0x123456789, size=5), s(b"Linux host 5.10"), s(b""), s(b"\x00\x01\xff"),
        s(b"tab\there"), null, ber_oid(1, 3, 6, 1, 4, 1, 8072, 3, 2, 10),
        ber_oid(2, 999, 1), ber_oid(0, 0), ber(6, b"\x2b\x86"),
        ber(0x40, b"\xc0\xa8\x01\x01"), ber(0x40, b"\x0a\x00\x01"), ber(0x40, b""),
        ber_int(4294967295, tag=0x41, size=5), ber_int(12345, tag=0x42),
        ber_int(8640000, tag=0x43), ber_int(2**64 - 1, tag=0x46, size=9),
        ber_int(5, tag=0x46), ber(0x44, b"\x9f\x78\x04\x42\x00\x00\x00"),
        ber(0x45, b"\x01"), ber(0x80, b""), ber(0x81, b""), ber(0x82, b""),
        ber(0x83, b""), ber(0x01, b"\xff"), ber(0x03, b"\x00\x80"), ber(0x31, null),
        ber(0xc0, b"\x01\x02"), ber(0xe0, b""), ber(0x61, b"\x01"), ber(0x10, b""),
    ]
    resp = [vb(ber_oid(1, 3, 6, 1, 2, 1, 2, 2, 1, 10, i), v) for i, v in enumerate(values)]
    p161 = []
    for ver in (0, 1):
        p161 += [
            msg(ver, b"public", pdu(0, 1, 0, 0, vb(sysdescr), vb(ber_oid(1, 3, 6, 1, 2, 1, 1, 3, 0)))),
            msg(ver, b"private", pdu(1, 2, 0, 0, vb(sysdescr))),
            msg(ver, b"public", pdu(2, 3, 0, 0, *resp[:18])),
            msg(ver, b"public", pdu(2, 3, 0, 0, *resp[18:])),
            msg(ver, b"s3cr\x01t", pdu(3, 4, 0, 0, vb(sysdescr, s(b"new")))),
            msg(ver, b"public", pdu(5, 5, 0, 10, vb(sysdescr))),
            msg(ver, b"public", pdu(6, 6, 0, 0, vb(sysdescr, ber_int(1, tag=0x43)))),
            msg(ver, b"public", pdu(7, 7, 0, 0, vb(sysdescr, ber_int(1, tag=0x43)))),
            msg(ver, b"public", pdu(8, 8, 0, 0, vb(sysdescr, ber_int(1, tag=0x41)))),
        ]
    # error-status and error-index in every PDU kind that checks them
    p161 += [msg(1, b"public", pdu(2, 9, es, ei, vb(sysdescr)))
             for es, ei in ((2, 1), (18, 3), (19, 1), (-1, 1), (0, 2), (5, 0))]
    p161 += [msg(1, b"public", pdu(t, 10, 3, 1, vb(sysdescr))) for t in (0, 1, 3, 6, 7, 8)]
    p161 += [msg(1, b"public", pdu(5, 11, -1, 2147483647, vb(sysdescr)))]
    # request values that are not NULL, a GetBulk with many bindings, none at all
    p161 += [msg(1, b"public", pdu(0, 12, 0, 0, vb(sysdescr, ber_int(7)), vb(sysdescr, s(b"x")))),
             msg(1, b"public", pdu(5, 13, 1, 5, *[vb(ber_oid(1, 3, 6, 1, 2, 1, 2, 2, 1, i)) for i in range(1, 9)])),
             msg(1, b"public", pdu(0, 14, 0, 0))]
    # grammar errors at each level
    p161 += [
        ber_int(1), seq(s(b"x")), seq(ber_int(2), s(b"public")), seq(ber_int(-3)),
        seq(ber_int(0), ber_int(5)), seq(ber_int(0), s(b"public"), ber_int(1)),
        msg(0, b"public", pdu(0, 1, 0, 0, vb(sysdescr)), extra=b"\x00\x00"),
        seq(ber_int(1), s(b"public"), pdu(0, 1, 0, 0, vb(sysdescr)), b"\x05\x00"),
        msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(vb(sysdescr)) + b"\x05\x00")),
        msg(1, b"public", ber(0xa0, s(b"x"))),
        msg(1, b"public", ber(0xa0, ber_int(1) + s(b"x"))),
        msg(1, b"public", ber(0xa0, ber_int(1) + ber_int(0) + s(b"x"))),
        msg(1, b"public", pdu(0, 1, 0, 0, raw=s(b"x"))),
        msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(s(b"x")))),
        msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(seq(s(b"x"))))),
        msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(seq(sysdescr)))),
        msg(1, b"public", pdu(2, 1, 0, 0, raw=seq(seq(sysdescr, b"\x02\x00")))),
        seq(ber_int(1), s(b"public"), ber(0x84, b"")), seq(ber_int(1), s(b"public"), seq()),
        seq(ber_int(1), s(b"public")), seq(ber_int(1), b"\x02\x00"), seq(), b"", b"\x30",
        b"\x30\x81", b"\x30\x82\x01\x00", b"\x30\x80",
        ber(0x30, ber_int(0, size=3) + s(b"public") + pdu(0, 1, 0, 0, vb(sysdescr))),
        seq(ber(0x02, b"\x00\x00\x00\x00\x00\x01"), s(b"public"), pdu(0, 1, 0, 0, vb(sysdescr))),
    ]
    # a value's tag or length wrong, and a tag cut by the binding's end
    bad_values = (
        b"\x02\x05\x01", b"\x02\x85\x01", b"\x02", b"\x1f", b"\x1f\x81", b"\x1f\x81\x02\x00",
        b"\x1f\x10\x00", b"\x5f\x83\x00\x00", b"\x12\x00", b"\x47\x00", b"\xa9\x00",
        b"\xc1\x00", b"\x30\x84\x00\x00\x00\x00")
    p161 += [msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(seq(sysdescr, v)))) for v in bad_values]
    p161 += [msg(1, b"public", pdu(0, 1, 0, 0, raw=seq(seq(sysdescr, v), vb(sysdescr))))
             for v in (b"\x1f", b"\x1f\x81")]
    # SNMPv1 traps (to 162), v2 PDUs in v1 and the reverse
    def trap(ent, addr, gen, spec, ts, *vbs):
        return ber(0xa4, ent + addr + ber_int(gen) + ber_int(spec) + ts + seq(*vbs))
    ent, agent, ticks = ber_oid(1, 3, 6, 1, 4, 1, 9), ber(0x40, b"\x0a\x00\x00\x01"), ber_int(100, tag=0x43)
    p162 = [msg(0, b"public", trap(ent, agent, g, 0, ticks)) for g in range(6)]
    p162 += [
        msg(0, b"public", trap(ent, agent, 6, 42, ticks, vb(sysdescr, s(b"up")))),
        msg(0, b"trapcomm", trap(ent, agent, 7, 1, ticks)),
        msg(0, b"public", trap(ent, agent, -1, 0, ber_int(5, tag=0x41))),
        msg(0, b"public", trap(ent, ber(0x40, b"\x0a\x00"), 2, 0, ticks)),
        msg(0, b"public", trap(s(b"x"), agent, 0, 0, ticks)),
        msg(0, b"public", trap(ent, s(b"x"), 0, 0, ticks)),
        msg(0, b"public", trap(ent, agent, 0, 0, ber_int(5))),
        msg(0, b"public", ber(0xa4, ent + agent + s(b"g"))),
        msg(0, b"public", ber(0xa4, ent + agent + ber_int(0) + s(b"g"))),
        msg(1, b"public", trap(ent, agent, 0, 0, ticks)),
        msg(0, b"public", pdu(7, 1, 0, 0, vb(sysdescr))),
        msg(1, b"public", pdu(7, 1, 0, 0, vb(ber_oid(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0), ber_oid(1, 3, 6, 1, 6, 3, 1, 1, 5, 1)))),
    ]

    # SNMPv3 (RFC 3412, RFC 3414)
    def v3(flags=b"\x04", model=3, usm=None, scoped=None, hdr_extra=b"", hdr=None):
        usm = usm if usm is not None else seq(s(b"\x80\x00\x1f\x88\x04"), ber_int(3), ber_int(1234),
                                               s(b"alice"), s(b""), s(b""))
        scoped = scoped if scoped is not None else seq(s(b"\x80\x00\x1f\x88\x04"), s(b""), pdu(0, 77, 0, 0, vb(sysdescr)))
        hdr = hdr if hdr is not None else seq(ber_int(1), ber_int(65507), s(flags), ber_int(model), hdr_extra)
        return seq(ber_int(3), hdr, s(usm), scoped)
    usm_ok = lambda *x: seq(s(b"\x80\x00\x1f\x88\x04"), *x)
    p161 += [v3(), v3(flags=b"\x05"), v3(flags=b"\x07"), v3(flags=b"\x00"), v3(flags=b"\x01"), v3(flags=b"\x03"),
             v3(flags=b"\x02"), v3(flags=b"\x06"), v3(flags=b""), v3(flags=b"\x04\x00"), v3(model=2),
             v3(hdr_extra=ber_int(9)),
             v3(scoped=seq(s(b""), s(b"ctx"), pdu(8, 1, 0, 0, vb(ber_oid(1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0), ber_int(7, tag=0x41))))),
             v3(scoped=seq(s(b"\x01"), s(b"\x01"), pdu(4, 1, 0, 0))),
             v3(scoped=seq(s(b"e"), s(b"c"), pdu(2, 1, 0, 0, vb(sysdescr)), b"\x05\x00")),
             v3(scoped=s(b"x")), v3(scoped=seq(ber_int(1))), v3(scoped=seq(s(b""), ber_int(1))),
             v3(scoped=b"\x04\x06" + bytes(6)),
             v3(usm=ber_int(1)), v3(usm=seq(ber_int(1))), v3(usm=usm_ok(s(b"x"))),
             v3(usm=usm_ok(ber_int(1), s(b"x"))), v3(usm=usm_ok(ber_int(1), ber_int(2), ber_int(3))),
             v3(usm=usm_ok(ber_int(1), ber_int(2), s(b"bob"), ber_int(3))),
             v3(usm=usm_ok(ber_int(1), ber_int(2), s(b"bob"), s(b"\x01" * 12), ber_int(3))),
             v3(usm=usm_ok(ber_int(1), ber_int(2), s(b"b\xffb"), s(b"\x01" * 12), s(b"\x02" * 8), null)),
             v3(usm=usm_ok(ber_int(1), ber_int(2), s(b"bob"), s(b"\x01" * 12), s(b"\x02" * 8), null, null)),
             seq(ber_int(3), s(b"x")), seq(ber_int(3), seq(s(b"x"))), seq(ber_int(3), seq(ber_int(1), s(b"x"))),
             seq(ber_int(3), seq(ber_int(1), ber_int(2), ber_int(3))),
             seq(ber_int(3), seq(ber_int(1), ber_int(2), s(b"\x04"), s(b"x"))),
             seq(ber_int(3), seq(ber_int(1), ber_int(2), s(b"\x04"), ber_int(3)), ber_int(5)),
             v3(hdr=seq(ber_int(1), ber_int(2), s(b"\x04"), ber_int(3), s(usm_ok(ber_int(1))))) + b""]
    pkts = udp_to(161, p161, sport=40001) + udp_to(162, p162, sport=40002)
    pkts += udp_to(161, [msg(1, b"public", pdu(2, 1, 0, 0, vb(sysdescr, s(b"reply"))))], sport=161)
    e6 = Ether(src=A, dst=B) / IPv6(src=SA, dst=SB)
    pkts += [e6 / UDP(sport=40003, dport=161) / Raw(msg(1, b"public", pdu(0, 1, 0, 0, vb(sysdescr))))]
    short = udp_to(161, [msg(1, b"public", pdu(0, 1, 0, 0, vb(sysdescr)))], sport=40001)[0]
    short[UDP].len = 8 + 20  # the UDP length ends inside the PDU
    big = udp_to(161, [msg(1, b"public", pdu(2, 1, 0, 0, *[vb(sysdescr, s(b"y" * 40))] * 5))], sport=40001)
    return pkts + [short] + big


def ospf_set():
    """OSPFv2 (IP protocol 89) from raw bytes: Hellos (no, simple and MD5
    authentication, an LLS block), DDs, LS Requests, LS Updates with every
    LSA type tcpdump 4.99 decodes (router, network, summary, external, NSSA,
    MOSPF group, opaque TE, grace and router information), LS Acks, and
    damaged headers (unknown type, version 3, unknown auth, short LSAs)."""
    from socket import inet_aton

    def a(x):
        return inet_aton(x)

    def pkt(t, body, auth=0, adata=bytes(8), ver=2, plen=None, tail=b"", area="0.0.0.0"):
        n = 24 + len(body) if plen is None else plen
        return (struct.pack("!BBH", ver, t, n) + a("10.0.0.1") + a(area) +
                struct.pack("!HH", 0, auth) + adata + body + tail)

    def lsh(typ, lsid, n, opts=0x22, age=1, seq=0x80000001, adv="10.0.0.1"):
        return struct.pack("!HBB", age, opts, typ) + a(lsid) + a(adv) + struct.pack("!IHH", seq, 0, n)

    def lsa(typ, lsid, body, **kw):
        return lsh(typ, lsid, 20 + len(body), **kw) + body

    def tlv(t, v):
        return struct.pack("!HH", t, len(v)) + v + bytes(-len(v) % 4)

    def lsu(*lsas):
        return struct.pack("!I", len(lsas)) + b"".join(lsas)

    f = struct.pack
    hello = a("255.255.255.0") + f("!HBBI", 10, 0x02, 1, 40)
    links = (a("10.0.0.2") + a("10.1.1.1") + f("!BBH", 1, 0, 10) +
             a("10.2.0.0") + a("10.2.0.1") + f("!BBH", 2, 1, 20) + f("!BBH", 1, 0, 30) +
             a("10.3.0.0") + a("255.255.255.0") + f("!BBH", 3, 0, 1) +
             a("10.0.0.9") + a("10.4.0.1") + f("!BBH", 4, 0, 5))
    router = lsa(1, "10.0.0.1", f("!BBH", 0x03, 0, 4) + links)
    bad_link = lsa(1, "10.0.0.2", f("!BBH", 0x94, 0, 2) + a("1.1.1.1") + a("2.2.2.2") + f("!BBH", 7, 0, 1))
    network = lsa(2, "10.2.0.1", a("255.255.255.0") + a("10.0.0.1") + a("10.0.0.2"))
    summary = lsa(3, "10.5.0.0", a("255.255.0.0") + f("!I", 100) + f("!I", 0x01000007))
    asbr = lsa(4, "10.0.0.7", a("0.0.0.0") + f("!I", 16))
    ext = lsa(5, "0.0.0.0", a("0.0.0.0") + f("!I", 0x80ffffff) + a("10.0.0.3") + a("0.0.0.42") +
              f("!I", 0x02000020) + bytes(8))
    nssa = lsa(7, "10.6.0.0", a("255.255.0.0") + f("!I", 5) + bytes(8), opts=0x08)
    group = lsa(6, "239.1.1.1", f("!I", 1) + a("10.0.0.1") + f("!I", 2) + a("10.0.0.2") + f("!I", 9) + a("10.0.0.3"))
    unknown = lsa(8, "1.2.3.4", b"\x01\x02\x03\x04\x05")
    bw = f("!f", 125000000.0)
    te_link = (tlv(1, b"\x01") + tlv(2, a("10.0.0.2")) + tlv(3, a("10.1.1.1")) + tlv(4, a("10.1.1.2")) +
               tlv(5, f("!I", 10)) + tlv(6, bw) + tlv(7, f("!f", 1e6)) + tlv(8, bw * 8) +
               tlv(9, f("!I", 0xff)) + tlv(11, f("!II", 1, 2)) + tlv(14, b"\x12\0\0\0") +
               tlv(15, b"\x01\x02\0\0" + bw * 8) + tlv(17, b"\0\0\0\0" + bw * 2) + tlv(99, b"xyz"))
    te = lsa(10, "1.0.0.1", tlv(1, a("10.0.0.1")) + tlv(2, te_link) + tlv(7, b"ab"))
    te_bad = lsa(10, "1.0.0.2", tlv(2, tlv(9, b"\0\0\0")))
    te_srlg = lsa(10, "1.0.0.3", tlv(2, tlv(16, f("!II", 7, 8))))
    grace = lsa(9, "3.0.0.0", tlv(1, f("!I", 120)) + tlv(2, b"\x01") + tlv(3, a("10.0.0.1")) + tlv(9, b"zz"))
    ri = lsa(10, "4.0.0.0", tlv(1, f("!I", 0x70)) + tlv(8, b"\x00\x01"))
    ri_unknown_cap = lsa(11, "4.0.0.1", tlv(1, f("!I", 0x400)))
    opaque7 = lsa(10, "7.0.0.1", b"\xde\xad\xbe\xef")
    ri_bogus = lsa(10, "4.0.0.2", f("!HH", 1, 40) + bytes(4))
    ri_short = lsa(10, "4.0.0.3", tlv(1, f("!I", 1)) + b"\0\0")
    lls = f("!HH", 0, 7) + f("!HHI", 1, 4, 3) + f("!HHI", 2, 20, 0x1234) + bytes(16)
    md5 = f("!HBBI", 0, 1, 16, 0x5f000001)
    bodies = [
        pkt(1, hello + a("10.0.0.1") + a("10.0.0.2") + a("10.0.0.2") + a("10.0.0.3")),
        pkt(1, hello + bytes(8)),
        pkt(1, hello.replace(b"\x02\x01", b"\x12\x01") + bytes(8), tail=lls),
        pkt(1, hello + bytes(8), auth=1, adata=b"secret\0\0", area="0.0.0.1"),
        pkt(1, hello + bytes(8), auth=2, adata=md5, tail=bytes(range(16))),
        pkt(1, hello.replace(b"\x02\x01", b"\x52\x01") + bytes(8), auth=2, adata=md5,
            tail=bytes(range(16)) + lls),
        pkt(2, f("!HBBI", 1500, 0x42, 0x07, 0x1234) + lsh(1, "10.0.0.1", 48) + lsh(10, "1.0.0.1", 60)),
        pkt(2, f("!HBBI", 0, 0, 0, 1)),
        pkt(2, f("!HBBI", 0, 0x52, 0x08, 2) + lsh(1, "10.0.0.1", 3) + lsh(1, "10.0.0.2", 20)),
        pkt(2, f("!HBBI", 0, 0x52, 0, 3) + lsh(1, "10.0.0.1", 3), tail=lls),
        pkt(3, f("!I", 1) + a("10.0.0.1") + a("10.0.0.1") + f("!I", 10) + a("4.0.0.0") + a("10.0.0.2")),
        pkt(4, lsu(router)),
        pkt(4, lsu(network, summary, asbr, ext, nssa)),
        pkt(4, lsu(group, unknown, bad_link, router)),
        pkt(4, lsu(te, te_bad, te_srlg)),
        pkt(4, lsu(grace, ri, ri_unknown_cap, opaque7)),
        pkt(4, lsu(ri_bogus, ri_short)),
        pkt(4, f("!I", 2) + lsh(1, "10.0.0.1", 4)),
        pkt(4, f("!I", 0)),
        pkt(5, lsh(1, "10.0.0.1", 48) + lsh(2, "10.0.0.2", 7) + lsh(11, "4.0.0.0", 28)),
        pkt(6, b""), pkt(0, b""), pkt(1, hello + bytes(8), ver=3),
        pkt(1, hello + bytes(8), auth=5), pkt(5, lsh(1, "10.0.0.1", 48), plen=30),
        pkt(5, lsh(1, "10.0.0.1", 48), plen=60),
    ]
    e = Ether(src=A, dst="01:00:5e:00:00:05")
    return [e / IP(src=IA, dst="224.0.0.5", ttl=1, proto=89) / Raw(b) for b in bodies]


def ospf6_set():
    """OSPFv3 (IPv6 next header 89) from raw bytes: Hellos (with the LLS
    header and an authentication trailer), a DD, an LS Request, LS Updates
    with every LSA tcpdump 4.99 decodes (router, network, inter-area prefix,
    external, link, intra-area prefix, grace) and an unknown one, an LS Ack,
    and damaged ones (unknown type, version 2, long length, bogus prefix)."""
    from socket import inet_aton, inet_pton, AF_INET6
    f = struct.pack

    def a(x):
        return inet_aton(x)

    def pkt(t, body, ver=3, plen=None, inst=0, area="0.0.0.0", tail=b""):
        n = 16 + len(body) if plen is None else plen
        return f("!BBH", ver, t, n) + a("10.0.0.1") + a(area) + f("!HBB", 0, inst, 0) + body + tail

    def lsh(typ, lsid, n, adv="10.0.0.1"):
        return f("!HH", 3, typ) + a(lsid) + a(adv) + f("!IHH", 0x80000002, 0, n)

    def lsa(typ, lsid, body):
        return lsh(typ, lsid, 20 + len(body)) + body

    def pfx(plen, addr, opt=0, metric=0):
        w = (plen + 31) // 32 * 4
        return f("!BBH", plen, opt, metric) + inet_pton(AF_INET6, addr)[:w]

    hello = f("!IIHH", 5, 0x01000013, 10, 40)
    router = lsa(0x2001, "0.0.0.0", f("!I", 0x03000033) +
                 f("!BBHIII", 1, 0, 10, 5, 6, 0x0a000002) + f("!BBHIII", 2, 0, 20, 5, 7, 0x0a000003) +
                 f("!BBHIII", 4, 0, 30, 8, 9, 0x0a000004) + f("!BBHIII", 3, 0, 1, 1, 1, 1))
    network = lsa(0x2002, "0.0.0.5", f("!I", 0x33) + a("10.0.0.1") + a("10.0.0.2"))
    inter = lsa(0x2003, "0.0.0.1", f("!I", 0x01000064) + pfx(64, "2001:db8:1::", 0x02) + pfx(0, "::"))
    ext = lsa(0x4005, "0.0.0.2", f("!I", 0x83000014) + pfx(48, "2001:db8:2::", 0, 0x2001) +
              inet_pton(AF_INET6, "fe80::1") + a("0.0.0.7") + a("0.0.0.9"))
    link = lsa(0x0008, "0.0.0.5", f("!I", 0x01000013) + inet_pton(AF_INET6, "fe80::1") +
               f("!I", 1) + pfx(64, "2001:db8:3::", 0x10))
    intra = lsa(0x2009, "0.0.0.0", f("!HHII", 2, 0x2001, 0, 0x0a000001) +
                pfx(128, "2001:db8::1", 0x02, 0) + pfx(96, "2001:db8:4::", 0, 10))
    grace = lsa(0x000b, "0.0.0.0", f("!HHI", 1, 4, 60) + f("!HHBxxx", 2, 1, 2))
    unknown = lsa(0x4006, "0.0.0.3", b"\x01\x02\x03")
    te = lsa(0x000a, "0.0.0.4", f("!HH", 1, 4) + a("10.0.0.1") + f("!HH", 2, 8) + f("!HHI", 5, 4, 7))
    lls = f("!HH", 0xabcd, 12) + bytes(8)
    at = f("!HHHHII", 1, 32, 0, 5, 1, 2) + bytes(range(16))
    bodies = [
        pkt(1, hello + a("10.0.0.1") + a("10.0.0.2") + a("10.0.0.2") + a("10.0.0.3")),
        pkt(1, f("!IIHH", 5, 0x01000613, 10, 40) + bytes(8), tail=lls + at),
        pkt(1, hello + bytes(8), inst=1, area="0.0.0.1", tail=f("!HHHHII", 9, 16, 0, 1, 0, 3)),
        pkt(2, f("!IHBBI", 0x13, 1500, 0, 0x17, 0x1234) + lsh(0x2001, "0.0.0.0", 56) + lsh(0x0008, "0.0.0.5", 44)),
        pkt(2, f("!IHBBI", 0x213, 1500, 0, 0, 1), tail=f("!HH", 0, 2)),
        pkt(3, f("!HHII", 0, 0x2001, 0, 0x0a000002) + f("!HHII", 0, 0xa00b, 7, 0x0a000003)),
        pkt(4, f("!I", 4) + router + network + inter + ext),
        pkt(4, f("!I", 5) + link + intra + grace + unknown + lsa(0x2003, "0.0.0.9", f("!I", 1) + pfx(200, "::"))),
        pkt(4, f("!I", 2) + te + lsh(0x2001, "0.0.0.0", 8)),
        pkt(4, f("!I", 9) + router),
        pkt(5, lsh(0x2001, "0.0.0.0", 56) + lsh(0x2009, "0.0.0.0", 72) + b"\0\0"),
        pkt(9, b""), pkt(1, hello + bytes(8), ver=2), pkt(5, b"", plen=90),
    ]
    e = Ether(src=A, dst="33:33:00:00:00:05")
    return [e / IPv6(src="fe80::1", dst="ff02::5", nh=89, hlim=1) / Raw(b) for b in bodies]


def bgp_msg(typ, body=b""):
    """RFC 4271 4.1: marker, length, type."""
    return b"\xff" * 16 + struct.pack("!HB", 19 + len(body), typ) + body


def bgp_attr(typ, val, flags=0x40):
    if len(val) > 255:
        flags |= 0x10
    return struct.pack("!BB", flags, typ) + (struct.pack("!H", len(val)) if flags & 0x10
                                             else bytes([len(val)])) + val


def bgp_more_updates():
    """BGP UPDATEs for the other address families tcpdump decodes
    (multicast VPN, route target membership, L2VPN, NSAP, MDT, labeled and
    VPN IPv6), nested ATTR_SETs, AIGP, PMSI tunnels, RFC 7911 path ids, an
    unknown AS path segment type, an unknown AFI; a shutdown communication
    too long and one with data after it; an OPEN with extended optional
    parameter lengths (RFC 9072), which tcpdump 4.99.3 does not know."""
    import socket

    def v6(a):
        return socket.inet_pton(socket.AF_INET6, a)

    def mp(af, safi, nh, nlri, typ=14):
        if typ == 15:
            return bgp_attr(15, struct.pack("!HB", af, safi) + nlri, 0x80)
        return bgp_attr(14, struct.pack("!HBB", af, safi, len(nh)) + nh + b"\x00" + nlri, 0x80)

    def upd(attrs, nlri=b""):
        return bgp_msg(2, b"\x00\x00" + struct.pack("!H", len(attrs)) + attrs + nlri)
    rd0 = b"\x00\x00\xfd\xe9\x00\x00\x00\x01"
    ip = bytes([10, 0, 0, 1])
    as4 = b"\x00\x00\xfd\xe9"
    mvpn = (bytes([1, 12]) + rd0 + ip + bytes([2, 12]) + rd0 + as4 +
            bytes([3, 22]) + rd0 + bytes([32]) + ip + bytes([32, 224, 1, 1, 1]) + ip +
            bytes([5, 10]) + rd0 + b"\x00\x00" + bytes([7, 14]) + rd0 + b"\x00\x00\x00\x07\x00\x00" +
            bytes([4, 3, 1, 2, 3]) + bytes([1, 5]) + rd0[:5])
    rtc = (bytes([0, 96]) + as4 + b"\x00\x02\xfd\xe9\x00\x00\x00\x64" +
           bytes([40]) + b"\x00\x00\x00\x01\x01" +
           bytes([96]) + b"\x00\x00\x00\x01" + b"\x01\x02\x0a\x00\x00\x01\x00\x05" +
           bytes([96]) + b"\x00\x00\x00\x01" + b"\x07\x02\x0a\x00\x00\x01\x00\x05" + bytes([20]))
    l2 = (struct.pack("!H", 12) + rd0 + ip + struct.pack("!H", 24) + rd0 +
          b"\x00\x01\x00\x02\x00\x10\x01" + b"\x01\x00\x10\xab\xcd" + b"\x05\x00\x08\x11")
    nsap_nh = bytes([0x47, 0, 6, 1, 10, 0, 0, 1])
    attr_set = bgp_attr(128, as4 + bgp_attr(1, b"\x00") + bgp_attr(5, struct.pack("!I", 7)) +
                        bgp_attr(128, b"\x00\x00\x00\x01" + bgp_attr(6, b"")), 0xc0)
    open_ext = (struct.pack("!BHH4sB", 4, 1, 90, ip, 255) + b"\xff\x00\x08" +
                b"\x02\x00\x05\x02\x03\x01\x00\x01")
    extd = bytes.fromhex("800a13ff05dc0000" "030c000000000008" "0009fde900000000")
    return [
        upd(mp(1, 5, ip, mvpn)),
        upd(mp(1, 132, ip, rtc)),
        upd(mp(196, 128, ip, l2)),
        upd(mp(3, 1, nsap_nh, bytes([40]) + b"\x00\x00\x00" + b"\x49\x00\x01\x02\x03")),
        upd(mp(3, 128, rd0 + nsap_nh + bytes(4), bytes([128]) + b"\x00\x01\x01" + rd0 + b"\x49\x01")),
        upd(mp(1, 66, ip, bytes([128]) + rd0 + ip + bytes([239, 1, 1, 1]))),
        upd(mp(2, 4, v6("2001:db8::1"), bytes([88]) + b"\x00\x01\x01" + v6("2001:db8:7::")[:8])),
        upd(mp(2, 128, rd0 + v6("::ffff:10.0.0.1"),
               bytes([136]) + b"\x00\x01\x01" + rd0 + v6("2001:db8:7::")[:6])),
        upd(attr_set),
        upd(bgp_attr(26, b"\x01\x00\x0b" + struct.pack("!Q", 123456), 0x80) +
            bgp_attr(22, b"\x01\x03\x00\x01\x01" + ip + bytes([232, 1, 1, 1]), 0xc0)),
        upd(bgp_attr(22, b"\x00\x06\x00\x01\x01" + ip, 0xc0) +
            bgp_attr(22, b"\x00\x09\x00\x01\x01" + ip, 0xc0)),
        upd(mp(1, 1, ip, b"\x00\x00\x00\x01" + bytes([24, 10, 1, 1]) + b"\x00\x00\x00\x02" + bytes([0]))),
        upd(bgp_attr(2, b"\x05\x01\x00\x07\x02\x01\x00\x08")),
        upd(mp(2, 1, v6("2001:db8::1"), b"", 15)),
        upd(mp(7, 1, ip, b"\x01\x02")),
        bgp_msg(3, bytes([6, 2, 200]) + b"abc"),
        bgp_msg(3, bytes([6, 2, 2]) + b"ab\x01\x02\x03"),
        bgp_msg(1, open_ext),
        upd(bgp_attr(16, extd, 0xc0)),
        upd(bgp_attr(1, b"\x00"), b"\x00\x00\x00\x01\x18\x0a\x01\x01\x00\x00\x00\x02\x00"),
    ] + bgp_long_nlri(mp, upd)


def bgp_long_nlri(mp, upd):
    """Multicast VPN and L2VPN NLRI whose text passes the 163 characters
    tcpdump formats them into (it cuts them there)."""
    import socket
    ip = bytes([10, 0, 0, 1])
    rd2 = b"\x00\x02\xff\xff\xff\xff\xff\xff"
    a = socket.inet_pton(socket.AF_INET6, "2001:db8:ffff:ffff:ffff:ffff:ffff:fff1")
    sg = bytes([128]) + a + bytes([128]) + a
    msgs = [upd(mp(1, 5, ip, bytes([3, 8 + len(sg) + 16]) + rd2 + sg + a)),
            upd(mp(1, 5, ip, bytes([7, 12 + len(sg)]) + rd2 + b"\xff" * 4 + sg)),
            upd(mp(1, 5, ip, bytes([1, 8 + 16]) + rd2 + a))]
    for n in (40, 64, 70):
        tlv = b"\x01" + struct.pack("!H", n * 8) + bytes(range(n))
        body = rd2 + b"\x00\x01\x00\x02\x00\x10\x01" + tlv + b"\x05\x00\x08\x11"
        msgs.append(upd(mp(196, 128, ip, struct.pack("!H", len(body)) + body)))
    return msgs


def bgp_set():
    """BGP-4 (TCP 179): OPENs with capabilities, UPDATEs with the RFC 4271
    attributes, 2- and 4-byte AS paths, communities, MP_REACH/MP_UNREACH
    for IPv4 and IPv6 unicast, labeled and VPN prefixes, NOTIFICATIONs with
    their subcodes, KEEPALIVE, ROUTE-REFRESH, several messages in one
    segment, bytes before a marker, a message cut by the capture."""
    def cap(code, val=b""):
        return bytes([code, len(val)]) + val
    caps = (cap(1, b"\x00\x01\x00\x01") + cap(1, b"\x00\x02\x00\x01") + cap(2) + cap(128) +
            cap(65, struct.pack("!I", 4200000001)) + cap(64, b"\x40\x78\x00\x01\x01\x80") +
            cap(69, b"\x00\x01\x01\x03") + cap(6) + cap(73, b"\x04host\x00") + cap(71))
    open1 = bgp_msg(1, struct.pack("!BHH4sB", 4, 23456, 90, bytes([10, 0, 0, 1]), len(caps) + 2)
                    + bytes([2, len(caps)]) + caps)
    opts2 = bytes([1, 2, 0xaa, 0xbb]) + bytes([2, 6]) + cap(8, b"\x00\x01\x04\x02") + bytes([2, 9, 1])
    open2 = bgp_msg(1, struct.pack("!BHH4sB", 4, 65001, 180, bytes([10, 0, 0, 2]), len(opts2)) + opts2)
    ka = bgp_msg(4)
    pfx = lambda a, l: bytes([l]) + bytes(int(x) for x in a.split("."))[:(l + 7) // 8]
    attrs = (bgp_attr(1, b"\x00") + bgp_attr(2, b"\x02\x02" + struct.pack("!HH", 65001, 65002) +
                                                 b"\x01\x02" + struct.pack("!HH", 7, 8)) +
             bgp_attr(3, bytes([10, 0, 0, 1])) + bgp_attr(4, struct.pack("!I", 100), 0x80) +
             bgp_attr(5, struct.pack("!I", 200)) + bgp_attr(6, b"") +
             bgp_attr(7, struct.pack("!H4s", 65001, bytes([10, 0, 0, 9])), 0xc0) +
             bgp_attr(8, struct.pack("!III", 0xfde90064, 0xffffff01, 0xffffff02), 0xc0))
    wd = pfx("192.168.1.0", 24) + pfx("172.16.0.0", 12)
    nlri = pfx("10.1.0.0", 16) + pfx("10.2.3.0", 25) + pfx("0.0.0.0", 0)
    upd1 = bgp_msg(2, struct.pack("!H", len(wd)) + wd + struct.pack("!H", len(attrs)) + attrs + nlri)
    attrs4 = (bgp_attr(1, b"\x02") + bgp_attr(2, b"\x02\x03" + struct.pack("!III", 4200000001, 65001, 3)) +
              bgp_attr(3, bytes([10, 0, 0, 2])) +
              bgp_attr(7, struct.pack("!I4s", 4200000001, bytes([10, 0, 0, 9])), 0xc0) +
              bgp_attr(17, b"\x02\x01" + struct.pack("!I", 4200000002), 0xc0) +
              bgp_attr(18, struct.pack("!I4s", 4200000002, bytes([10, 0, 0, 8])), 0xc0) +
              bgp_attr(9, bytes([10, 9, 9, 9]), 0x80) + bgp_attr(10, bytes([1, 1, 1, 1, 2, 2, 2, 2]), 0x80) +
              bgp_attr(16, bytes.fromhex("0002fde900000064") + bytes.fromhex("01020a0000010064") +
                       bytes.fromhex("0202fa56ea010001") + bytes.fromhex("4004fde94a989680") +
                       bytes.fromhex("0306000000000501") + bytes.fromhex("9999010203040506"), 0xc0) +
              bgp_attr(32, struct.pack("!III", 4200000001, 1, 2) + struct.pack("!III", 65001, 3, 4), 0xc0) +
              bgp_attr(99, b"\x01\x02\x03", 0xc0) + bgp_attr(6, b"\x00", 0x4f))
    upd2 = bgp_msg(2, b"\x00\x00" + struct.pack("!H", len(attrs4)) + attrs4 + pfx("10.3.0.0", 16))
    import socket
    v6 = lambda a: socket.inet_pton(socket.AF_INET6, a)
    p6 = lambda a, l: bytes([l]) + v6(a)[:(l + 7) // 8]
    reach6 = (b"\x00\x02\x01\x20" + v6("2001:db8::1") + v6("fe80::1") + b"\x00" +
              p6("2001:db8:1::", 48) + p6("2001:db8:2:3::", 64))
    a3 = bgp_attr(1, b"\x00") + bgp_attr(14, reach6, 0x80)
    upd3 = bgp_msg(2, b"\x00\x00" + struct.pack("!H", len(a3)) + a3)
    unreach6 = b"\x00\x02\x01" + p6("2001:db8:5::", 48)
    upd4 = bgp_msg(2, b"\x00\x00" + struct.pack("!H", 3 + len(unreach6)) + bgp_attr(15, unreach6, 0x80))
    eor6 = bgp_msg(2, b"\x00\x00\x00\x06" + bgp_attr(15, b"\x00\x02\x01", 0x80))
    eor4 = bgp_msg(2, b"\x00\x00\x00\x00")
    reach4 = (b"\x00\x01\x04\x04" + bytes([10, 0, 0, 1]) + b"\x00" + bytes([24 + 24]) +
              b"\x00\x06\x41" + bytes([10, 5, 0]) +
              b"\x00\x01\x80\x0c" + bytes(8) + bytes([10, 0, 0, 1]) + b"\x00")
    lab = bgp_msg(2, b"\x00\x00" + struct.pack("!H", 3 + 12) + bgp_attr(14, reach4[:15], 0x80))
    vpn = (b"\x00\x01\x80\x0c" + b"\x00\x00\xfd\xe9\x00\x00\x00\x01" + bytes([10, 0, 0, 1]) + b"\x00" +
           bytes([88 + 24]) + b"\x00\x07\x31" + b"\x00\x01\x0a\x00\x00\x01\x00\x05" + bytes([10, 6, 7]))
    upd_vpn = bgp_msg(2, b"\x00\x00" + struct.pack("!H", 3 + len(vpn)) + bgp_attr(14, vpn, 0x80))
    upd_odd = bgp_msg(2, b"\x00\x00\x00\x0e" + bgp_attr(14, b"\x00\x19\x41\x00\x00\x00\x00", 0x80) +
                      bgp_attr(1, b"\x07"))
    def notify(major, minor, data=b""):
        return bgp_msg(3, bytes([major, minor]) + data)
    shut = b"maintenance"
    notes = [notify(6, 2, bytes([len(shut)]) + shut), notify(6, 4, b"\x00\xde\xad"),
             notify(6, 1, b"\x00\x01\x01\x00\x00\x03\xe8"), notify(2, 2, b"\xfd\xe9"), notify(3, 11),
             notify(1, 2, b"\x00\x05"), notify(4, 0), notify(5, 2), notify(7, 4), notify(9, 1),
             notify(6, 9)]
    rr = bgp_msg(5, b"\x00\x02\x00\x01")
    unknown = bgp_msg(7, b"\x01\x02\x03\x04\x05")
    short = b"\xff" * 16 + b"\x00\x05\x04"
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    def seg(payload, sport=179, dport=50123, seq=1000):
        return e / TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=5000) / Raw(payload)
    pkts = [seg(open1, 50123, 179), seg(open2), seg(ka), seg(upd1), seg(upd2), seg(upd3),
            seg(upd4), seg(eor6), seg(eor4), seg(lab), seg(upd_vpn), seg(upd_odd)]
    pkts += [seg(n) for n in notes]
    pkts += [seg(rr), seg(unknown), seg(short), seg(ka + upd1 + ka), seg(b"\x01\x02\x03" + ka + ka),
             seg(ka + upd2[:40])]
    pkts += [Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) /
             TCP(sport=50124, dport=179, flags="PA", seq=1, ack=1) / Raw(upd3 + ka)]
    pkts += [seg(m, seq=2000 + 100 * i) for i, m in enumerate(bgp_more_updates())]
    return pkts


def ldp_set():
    """LDP (RFC 5036) over UDP and TCP port 646: hellos, initialization with
    session parameters, address and label messages with prefix, host,
    wildcard and Martini FECs, notifications, several messages and PDUs in
    one segment, and damaged headers, TLVs and FECs."""
    def tlv(t, v, u=0, f=0):
        return struct.pack(">HH", (u << 15) | (f << 14) | t, len(v)) + v

    def msg(t, mid, tlvs, u=0, ln=None):
        body = struct.pack(">I", mid) + b"".join(tlvs)
        return struct.pack(">HH", (u << 15) | t, len(body) if ln is None else ln) + body

    def pdu(msgs, lsr=b"\x0a\x00\x00\x01", space=0, ver=1, ln=None):
        body = lsr + struct.pack(">H", space) + b"".join(msgs)
        return struct.pack(">HH", ver, len(body) if ln is None else ln) + body

    def ip4(s):
        return bytes(int(x) for x in s.split("."))

    def ip6(s):
        import socket
        return socket.inet_pton(socket.AF_INET6, s)

    def pfx4(plen, a):
        return struct.pack(">BHB", 2, 1, plen) + ip4(a)[:(plen + 7) // 8]

    def martini(pw, cw, group, vcid, params, info=None):
        p = b"".join(struct.pack(">BB", t, len(v) + 2) + v for t, v in params)
        il = 4 + len(p) if info is None else info
        b = struct.pack(">BHBI", 0x80, pw | (0x8000 if cw else 0), il, group)
        if vcid is not None:
            b += struct.pack(">I", vcid) + p
        return b

    hello = tlv(0x400, struct.pack(">HH", 15, 0))
    thello = tlv(0x400, struct.pack(">HH", 45, 0xc000))
    tr4 = tlv(0x401, ip4("10.0.0.1"))
    tr6 = tlv(0x403, ip6("2001:db8::1"))
    seq = tlv(0x402, struct.pack(">I", 7))
    sess = tlv(0x500, struct.pack(">HHBBH", 1, 30, 0xc0, 0, 4096) + ip4("10.0.0.2") + b"\0\0")
    sess2 = tlv(0x500, struct.pack(">HHBBH", 1, 180, 0x00, 5, 1500) + ip4("10.0.0.3") + b"\0\3")
    ft = tlv(0x503, struct.pack(">HHII", 0x800f, 0, 120000, 30000))
    ft0 = tlv(0x503, struct.pack(">HHII", 0x0000, 0, 0, 0))
    addrl = tlv(0x101, struct.pack(">H", 1) + ip4("10.0.0.1") + ip4("192.168.1.1"))
    addrl6 = tlv(0x101, struct.pack(">H", 2) + ip6("2001:db8::1") + ip6("fe80::1"))
    addrlx = tlv(0x101, struct.pack(">H", 6) + b"\1\2\3\4\5\6")
    addrly = tlv(0x101, struct.pack(">H", 300) + b"\1\2")
    label = tlv(0x200, struct.pack(">I", 0xfff12345))
    hop = tlv(0x103, b"\x05")
    pv = tlv(0x104, ip4("10.0.0.1") + ip4("10.0.0.2"))
    status = tlv(0x300, struct.pack(">IIH", 0x8000000a, 0x1234, 0x0400), u=0, f=0)
    status2 = tlv(0x300, struct.pack(">IIH", 0x40000019, 0, 0))
    mtu = tlv(0x601, struct.pack(">H", 1500))
    unk = tlv(0x3e01, b"\xde\xad\xbe\xef", u=1, f=1)
    fec_pfx = tlv(0x100, pfx4(24, "192.168.1.0"))
    fec_pfx19 = tlv(0x100, pfx4(19, "172.16.255.255"))
    fec_pfx0 = tlv(0x100, pfx4(0, "0.0.0.0"))
    fec_host = tlv(0x100, b"\x03\x00\x01\x04" + ip4("10.1.1.1"))
    fec_wild = tlv(0x100, b"\x01")
    fec_bad = tlv(0x100, struct.pack(">BHB", 2, 1, 33) + b"\1\2\3\4\5")
    fec_past = tlv(0x100, struct.pack(">BHB", 2, 1, 32) + b"\1\2")
    fec_v6 = tlv(0x100, struct.pack(">BHB", 2, 2, 64) + ip6("2001:db8:1:2::")[:8])
    fec_v6bad = tlv(0x100, struct.pack(">BHB", 2, 2, 129) + b"\0" * 16)
    fec_af = tlv(0x100, struct.pack(">BH", 2, 3) + b"\x08\x01")
    fec_unk = tlv(0x100, b"\x42\x00")
    fec_short = tlv(0x100, b"\x02\x00")
    fec_mv = tlv(0x100, martini(5, True, 7, 100, [(1, struct.pack(">H", 1500)), (3, b"pw to pe2\x01"), (0x0c, b"\x03\x06"), (0x09, b"\xaa\xbb\xcc")]))
    fec_mv0 = tlv(0x100, martini(4, False, 8, None, [], info=0))
    fec_mv2 = tlv(0x100, martini(0x40, False, 9, 200, [], info=2))
    fec_mvx = tlv(0x100, martini(0x33, True, 9, 201, [(1, struct.pack(">H", 9000))], info=20))
    fec_mvs = tlv(0x100, b"\x80\x00\x05")
    hello_short = tlv(0x400, b"\0\x0f")

    def udp(payload, sport=646, dport=646, src=IA, dst="224.0.0.2"):
        return Ether(src=A, dst=B) / IP(src=src, dst=dst, ttl=1) / UDP(sport=sport, dport=dport) / Raw(payload)

    def tcp(payload, sport=646, dport=40001, seq=1000):
        return Ether(src=A, dst=B) / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=1) / Raw(payload)

    return [
        udp(pdu([msg(0x100, 1, [hello, tr4])])),
        udp(pdu([msg(0x100, 2, [thello, seq, tr6, unk])], space=3), dst="10.0.0.9"),
        Ether(src=A, dst=B) / IPv6(src="fe80::1", dst="ff02::2") / UDP(sport=646, dport=646) / Raw(pdu([msg(0x100, 3, [hello, tr6])])),
        tcp(pdu([msg(0x200, 4, [sess, ft, tlv(0x501, b"\0\0\0\0\0\0\0\0")])])),
        tcp(pdu([msg(0x200, 5, [sess2, ft0]), msg(0x201, 6, [])]), sport=40001, dport=646),
        tcp(pdu([msg(0x300, 7, [addrl]), msg(0x301, 8, [addrl6]), msg(0x300, 9, [addrlx, addrly])])),
        tcp(pdu([msg(0x400, 10, [fec_pfx, label, hop, pv]), msg(0x400, 11, [fec_pfx19, label, mtu]),
                 msg(0x400, 12, [fec_host, label]), msg(0x402, 13, [fec_wild]), msg(0x402, 14, [fec_pfx0])])),
        tcp(pdu([msg(0x200, 49, [tlv(0x500, b"\0\1\0\x1e\0\0\xc0\0"), tlv(0x500, b"\0\1\0\x1e\0\0\x40"), tlv(0x500, b"\0\1\0\x1e\0\0\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\0")])])),
        tcp(pdu([msg(0x401, 15, [fec_pfx]), msg(0x403, 16, [fec_pfx, label]), msg(0x404, 17, [fec_pfx, tlv(0x600, b"\0\0\0\x0f")])])),
        tcp(pdu([msg(0x001, 18, [status]), msg(0x001, 19, [status2], u=1)])),
        tcp(pdu([msg(0x400, 20, [fec_mv, label]), msg(0x400, 21, [fec_mv0, label]), msg(0x400, 22, [fec_mv2]), msg(0x400, 23, [fec_mvx]), msg(0x400, 24, [fec_mvs])])),
        tcp(pdu([msg(0x400, 25, [fec_v6, label]), msg(0x400, 26, [fec_v6bad]), msg(0x400, 27, [fec_af]), msg(0x400, 28, [fec_unk]), msg(0x400, 29, [fec_short])])),
        tcp(pdu([msg(0x400, 30, [fec_bad, label])])),
        tcp(pdu([msg(0x400, 31, [fec_past, label])])),
        tcp(pdu([msg(0x201, 32, [])]) + pdu([msg(0x201, 33, [])], lsr=ip4("10.0.0.2"))),
        tcp(pdu([msg(0x201, 34, [b"\0"])], ver=2)),
        tcp(pdu([msg(0x201, 35, [b"\0"])], ln=4)),
        tcp(pdu([msg(0x201, 36, [b"\0"], ln=2)])),
        Ether(src=A, dst=B) / IP(src="10.0.0.1", dst="224.0.0.2", ttl=1) / UDP(sport=646, dport=646, len=8 + 20) / Raw(pdu([msg(0x201, 50, [b"\0" * 12])])),
        tcp(pdu([msg(0x100, 37, [tlv(0x400, b"\0\x0f\0\0\0\0\0\0\0\0\0\0\0\0\0\0")[:4] + b"\0\x0f"])])),
        tcp(pdu([msg(0x100, 38, [hello_short, tr4])])),
        tcp(pdu([msg(0x3f00, 39, [b"\1\2\3\4\5\6"])])),
        tcp(pdu([msg(0x201, 40, [])], ln=100)),
        tcp(pdu([msg(0x201, 41, [], ln=60), msg(0x201, 42, [])])),
        tcp(pdu([msg(0x100, 43, [tlv(0x400, b"\0\x0f"), tlv(0x401, b"\1\2"), tlv(0x403, b"\0" * 8), tlv(0x402, b""), tlv(0x500, b"\0" * 10), tlv(0x503, b"\0" * 4), tlv(0x200, b"\0"), tlv(0x300, b"\0" * 4), tlv(0x601, b"\0"), tlv(0x101, b"\0"), tlv(0x100, b"")])])),
        udp(pdu([msg(0x100, 45, [hello])]), sport=4567),
        udp(b"\0\1\0\x06\1\2"),
        udp(pdu([msg(0x100, 47, [hello])]) + b"\0"),
    ]


def eigrp_set():
    """EIGRP (IP protocol 88): hellos with parameters, software version and
    authentication, IPv4 internal and external routes, AppleTalk routes and
    cable setup, IPX and unknown TLVs, short and overlong TLVs, prefixes
    running past their TLV, bad versions; over IPv4 and IPv6."""
    def ip4(s):
        return bytes(int(x) for x in s.split("."))

    def tlv(t, v, ln=None):
        return struct.pack(">HH", t, 4 + len(v) if ln is None else ln) + v

    def hdr(op, tlvs, ver=2, flags=0, seq=1, ack=0, vrid=0, asn=100, csum=0x1234):
        return struct.pack(">BBHIIIHH", ver, op, csum, flags, seq, ack, vrid, asn) + b"".join(tlvs)

    def metric(delay=2560000, bw=256, mtu=1500, hop=0, rel=255, load=1):
        return struct.pack(">II", delay, bw) + mtu.to_bytes(3, "big") + bytes([hop, rel, load]) + b"\0\0"

    def ipint(nh, plen, dest):
        return tlv(0x102, ip4(nh) + metric() + bytes([plen]) + dest)

    def ipext(nh, plen, dest, proto=6):
        return tlv(0x103, ip4(nh) + ip4("10.9.9.9") + struct.pack(">III", 65001, 0xabcd, 77) + b"\0\0" + bytes([proto, 0x40]) + metric(hop=2) + bytes([plen]) + dest)

    gp = tlv(1, bytes([1, 0, 1, 0, 0, 0]) + struct.pack(">H", 15))
    sw = tlv(4, bytes([12, 4, 1, 2]))
    seq = tlv(3, b"\x04\x0a\x00\x00\x02")
    auth = tlv(2, b"\x00\x02\x00\x10" + b"\0" * 12 + b"\x11" * 16)
    mseq = tlv(5, struct.pack(">I", 9))
    atc = tlv(0x204, struct.pack(">HHI", 10, 20, 7))
    atint = tlv(0x202, struct.pack(">HH", 100, 1) + metric() + struct.pack(">HH", 30, 40))
    atint0 = tlv(0x202, b"\0\0\0\0" + metric() + struct.pack(">HH", 30, 40))
    atext = tlv(0x203, struct.pack(">HH", 100, 1) + struct.pack(">III", 5, 6, 0x77) + bytes([4, 1]) + struct.pack(">H", 3) + metric() + struct.pack(">HH", 30, 40))

    def pkt(payload, dst="224.0.0.10"):
        return Ether(src=A, dst=B) / IP(src="10.0.0.1", dst=dst, proto=88, ttl=2) / Raw(payload)

    return [
        pkt(hdr(5, [gp, sw])),
        pkt(hdr(5, [gp, auth, sw], flags=1)),
        pkt(hdr(1, [ipint("0.0.0.0", 24, ip4("192.168.1.0")[:3]), ipint("10.0.0.5", 32, ip4("10.1.1.1")), ipint("0.0.0.0", 0, b"")], flags=3, seq=5, ack=4)),
        pkt(hdr(3, [ipext("0.0.0.0", 16, ip4("172.16.0.0")[:2]), ipext("10.0.0.9", 8, b"\x0a", proto=0x20)], flags=0xc)),
        pkt(hdr(4, [ipint("0.0.0.0", 33, b"\1\2\3\4\5"), ipext("0.0.0.0", 40, b"\0\0\0\0\0")], flags=0x10)),
        pkt(hdr(5, [seq, mseq], vrid=1)),
        pkt(hdr(1, [atc, atint, atint0, atext])),
        pkt(hdr(6, [tlv(0x302, b"\1\2\3\4"), tlv(0x999, b"\xaa\xbb")])),
        pkt(hdr(9, [gp])),
        pkt(hdr(5, [tlv(1, b"\1\2\3"), tlv(4, b"\1"), tlv(0x102, b"\0" * 10), tlv(0x103, b"\0" * 30), tlv(0x202, b""), tlv(0x203, b"\0" * 4), tlv(0x204, b"\0")])),
        pkt(hdr(5, [gp, tlv(1, b"", ln=2)])),
        pkt(hdr(5, [gp, tlv(1, b"\0" * 8, ln=40)])),
        pkt(hdr(5, [gp], ver=1)),
        pkt(hdr(7, [])),
        pkt(hdr(5, [])[:18]),
        pkt(hdr(1, [ipint("0.0.0.0", 32, ip4("10.1.1.1"))[:-3]])),
        pkt(hdr(1, [tlv(0x102, ip4("0.0.0.0") + metric() + bytes([32, 10]))])),
        Ether(src=A, dst=B) / IP(src="10.0.0.1", dst="224.0.0.10", proto=88, ttl=2, len=20 + 18) / Raw(hdr(5, [])),
        Ether(src=A, dst=B) / IPv6(src="fe80::1", dst="ff02::a", nh=88) / Raw(hdr(5, [gp, sw])),
    ]


def isakmp_set():
    """ISAKMP/IKE on UDP 500, 4500 (RFC 3948 NAT-T: keep-alive, the non-ESP
    marker, ESP), 7500 and 8500, from raw bytes: an IKEv1 main mode
    exchange (SA with Oakley transforms, KE, nonce, vendor IDs), quick mode
    (IPsec DOI transforms, every ID type), informational notifies and
    deletes, aggressive mode CERT/CR/SIG/HASH, encrypted messages, and IKEv2
    IKE_SA_INIT / IKE_AUTH / CREATE_CHILD_SA / INFORMATIONAL payloads
    (SA proposals, KE, IDs, AUTH, nonce, notifies, TS, CP, EAP, v2e), plus
    damaged ones (zero-length payloads, length mismatches, version 3)."""
    from socket import inet_aton, inet_pton, AF_INET6
    f = struct.pack
    ci, cr, cz = bytes(range(1, 9)), bytes(range(0x11, 0x19)), bytes(8)

    def gen(np, body, crit=0, n=None):
        return f("!BBH", np, crit, 4 + len(body) if n is None else n) + body

    def hdr(np, body, ver=0x10, et=2, fl=0, mid=0, i=ci, r=cz, n=None):
        return i + r + f("!BBBBII", np, ver, et, fl, mid, 28 + len(body) if n is None else n) + body

    def a(t, v):  # basic (TV) attribute
        return f("!HH", 0x8000 | t, v)

    def av(t, v):  # variable (TLV) attribute
        return f("!HH", t, len(v)) + v

    def t1(np, no, tid, attrs):
        return gen(np, f("!BBH", no, tid, 0) + attrs)

    def prop(np, no, pid, spi, ntr, ts):
        return gen(np, f("!BBBB", no, pid, len(spi), ntr) + spi + ts)

    def sa1(np, props, doi=1, sit=1, extra=b""):
        return gen(np, f("!II", doi, sit) + extra + props)

    oak = (t1(3, 1, 1, a(1, 5) + a(2, 2) + a(3, 1) + a(4, 2) + a(11, 1) + av(12, f("!I", 28800))) +
           t1(0, 2, 1, a(1, 7) + a(14, 128) + a(2, 4) + a(3, 65001) + a(4, 14) + a(0x63, 3) + av(5, b"\x01")))
    vid = gen(13, bytes.fromhex("4a131c81070358455c5728f20e95452f"))
    vid_last = gen(0, b"\xaf\xca\xd7\x13h\xa1\xf1\xc9k\x86\x96\xfcwW\x01\x00")
    mm1 = hdr(1, sa1(13, prop(0, 1, 1, b"", 2, oak)) + vid + vid_last)
    mm2 = hdr(1, sa1(0, prop(0, 1, 1, b"", 1, t1(0, 1, 1, a(1, 5) + a(2, 2) + a(3, 3) + a(4, 5)))), r=cr)
    ke = gen(10, bytes(range(128)))
    nonce = gen(20, bytes(range(100, 120)))
    natd = gen(20, bytes(20))
    natd2 = f("!BBH", 0, 0, 24) + bytes(range(20))
    mm3 = hdr(4, ke + nonce + natd + natd2, r=cr)
    mm4 = hdr(4, gen(10, bytes(range(96))) + gen(0, bytes(range(5))), r=cr)
    mm5 = hdr(5, bytes(40), fl=1, r=cr)
    ident_sit = sa1(0, prop(0, 1, 1, b"", 1, t1(0, 1, 1, a(1, 1))), sit=7, extra=f("!I", 77))
    doi2 = sa1(0, b"", doi=2, sit=9)

    def ipsec_t(np, no, tid, attrs):
        return t1(np, no, tid, attrs)

    esp_ts = (ipsec_t(3, 1, 12, a(1, 1) + av(2, f("!I", 3600)) + a(4, 1) + a(5, 2) + a(6, 256) + a(3, 2)) +
              ipsec_t(3, 2, 3, a(4, 2) + a(5, 1) + a(7, 1) + a(8, 4) + av(9, b"\xaa\xbb")) +
              ipsec_t(0, 3, 99, a(5, 9) + a(4, 7)))
    qsa = sa1(10, prop(2, 1, 3, f("!I", 0xc0ffee01), 3, esp_ts) +
              prop(2, 2, 2, f("!I", 0x1234), 1, ipsec_t(0, 1, 3, a(1, 2) + av(2, b"\0\0\x10\0"))) +
              prop(2, 3, 4, f("!H", 0x55), 1, ipsec_t(0, 1, 2, a(0x44, 1))) +
              prop(0, 4, 9, b"", 1, ipsec_t(0, 7, 8, a(2, 3) + av(3, b"\x09\x08\x07"))))

    def id1(np, t, data, proto=17, port=500):
        return gen(np, f("!BBH", t, proto, port) + data)

    v6 = inet_pton(AF_INET6, "2001:db8::1")
    v6m = inet_pton(AF_INET6, "ffff:ffff:ffff:ffff::")
    ids = (id1(5, 4, inet_aton("10.1.0.0") + inet_aton("255.255.0.0")) +
           id1(5, 1, inet_aton("10.0.0.1"), 0, 0) +
           id1(5, 2, b"vpn.example.com", 6, 0) +
           id1(5, 3, b"user@ex\x01\xffmple") +
           id1(5, 5, v6) + id1(5, 6, v6 + v6m) + id1(5, 7, inet_aton("10.0.0.1") + inet_aton("10.0.0.9")) +
           id1(5, 8, v6 + v6) + id1(5, 9, b"\x30\x03abc") + id1(5, 11, b"keyid-1") +
           id1(5, 1, b"\x01\x02") + id1(5, 4, b"\x01") + id1(5, 5, b"\x01" * 8) + id1(5, 6, v6) +
           id1(5, 7, b"\x01") + id1(5, 8, v6) + id1(5, 15, b"zz") + id1(0, 1, b""))
    qm1 = hdr(8, gen(1, bytes(range(20))) + qsa + gen(5, bytes(range(16))) + ids, et=32, mid=0x5a5a0001, r=cr)
    qm2 = hdr(8, gen(0, bytes(20)), et=32, fl=3, mid=0x5a5a0001, r=cr)
    qm3 = hdr(8, gen(0, bytes(20)), et=32, fl=2, mid=0x5a5a0002, r=cr)

    def n1(np, doi, pid, ntype, spi, data=b""):
        return gen(np, f("!IBBH", doi, pid, len(spi), ntype) + spi + data)

    def d1(np, doi, pid, spis, size=4):
        return gen(np, f("!IBBH", doi, pid, size, len(spis)) + b"".join(spis))

    life = a(11, 1) + av(12, f("!I", 600)) + a(11, 2) + a(12, 1000)
    inf = hdr(8, gen(11, bytes(range(20))) +
              n1(11, 1, 1, 14, ci + cr) + n1(11, 1, 3, 24576, f("!I", 0xc0ffee01), life) +
              n1(11, 1, 3, 24577, f("!I", 0xc0ffee01), f("!I", 1)) +
              n1(11, 1, 1, 24578, ci + cr, bytes(range(40))) +
              n1(11, 1, 2, 8192, b"", b"\x01\x02\x03") + n1(11, 1, 9, 16384, b"") +
              n1(11, 1, 1, 30, b"") + n1(11, 1, 1, 40000, b"\x42") + n1(11, 1, 1, 9000, b"") +
              n1(11, 2, 1, 14, b"\x01\x02") + n1(11, 3, 1, 10000, b"") + n1(11, 0, 1, 16384, b"") +
              n1(12, 4, 1, 30000, b"") +
              d1(12, 1, 3, [f("!I", 0xc0ffee01), f("!I", 0xc0ffee02)]) + d1(12, 1, 1, [ci + cr], 16) +
              d1(0, 7, 5, [b"\x01\x02"], 2), et=5, mid=0x01020304, r=cr)
    inf2 = hdr(11, n1(0, 1, 3, 24577, b"", f("!I", 0)), et=5, mid=9, r=cr)
    cert = gen(7, b"\x04" + bytes(range(30)))
    creq = gen(9, b"\x0c" + b"\x30\x00")
    sig = gen(8, bytes(range(40)))
    agg = hdr(6, cert + creq + sig + gen(14, bytes(16)) + gen(0, b"unknown-np"), et=4, r=cr)
    agg2 = hdr(6, gen(0, b"\x00"), et=4, r=cr)
    zero = hdr(13, gen(13, b"abcd") + gen(0, b"", n=4) + gen(0, b"x"), et=1, i=cr)
    short = hdr(13, gen(13, b"abcd") + gen(0, b"", n=2), et=3, i=cr)
    mism = hdr(13, gen(0, b"abcd"), et=6, n=1000, i=cr)
    longp = hdr(10, gen(0, bytes(10), n=200), et=2, i=cr)
    over = hdr(1, sa1(0, prop(0, 1, 1, b"", 1, t1(0, 1, 1, a(1, 5) + f("!HH", 12, 40) + bytes(4)))), et=2, i=cr)
    v3 = hdr(1, bytes(8), ver=0x31, et=2)
    mmz = hdr(0, b"", et=0, fl=4, i=bytes(8), r=bytes(8))

    # IKEv2
    def t2(np, ty, tid, attrs=b"", crit=0):
        return gen(np, f("!BBH", ty, 0, tid) + attrs, crit)

    trs = (t2(3, 1, 12, a(14, 256)) + t2(3, 2, 2) + t2(3, 3, 2) + t2(3, 4, 14) + t2(3, 5, 0) +
           t2(3, 1, 3) + t2(3, 3, 12) + t2(3, 6, 7) + t2(0, 1, 20, av(14, b"\x01")))
    sa2 = gen(34, prop(2, 1, 1, b"", 9, trs) + prop(0, 2, 3, f("!I", 0xabcdef01), 2,
                                                  t2(3, 1, 12, a(14, 128)) + t2(0, 5, 1)))
    ke2 = gen(40, f("!HH", 14, 0) + bytes(range(64)))
    no2 = gen(41, bytes(range(32)))

    def n2(np, pid, ntype, spi=b"", data=b"", crit=0):
        return gen(np, f("!BBH", pid, len(spi), ntype) + spi + data, crit)

    init = hdr(33, sa2 + ke2 + no2 + n2(41, 0, 16388, data=bytes(range(20))) +
               n2(41, 0, 16389, data=bytes(20)) + n2(41, 0, 16390, data=bytes(range(16))) +
               n2(41, 0, 16390, data=bytes(range(40))) + n2(43, 0, 16430) +
               gen(0, b"strongSwan\x01"), ver=0x20, et=34, fl=0x08)
    resp = hdr(33, gen(34, prop(0, 1, 1, b"", 4, t2(3, 1, 12, a(14, 256)) + t2(3, 2, 5) + t2(3, 3, 12) +
                                t2(0, 4, 19))) +
               gen(40, f("!HH", 31, 0) + bytes(32)) + gen(38, bytes(range(24))) +
               gen(41, b"\x04" + bytes(range(20))) +
               n2(41, 1, 14, spi=b"") + n2(41, 3, 11, spi=f("!I", 7), crit=0x80) +
               n2(41, 0, 1, data=b"\x21") + n2(41, 0, 4) + n2(41, 0, 5) + n2(41, 0, 7) + n2(41, 0, 9) +
               n2(41, 0, 17, data=b"\0\x0e") + n2(41, 0, 24) + n2(41, 3, 34, spi=f("!I", 1)) +
               n2(41, 0, 35) + n2(41, 0, 36) + n2(41, 0, 37) + n2(41, 0, 39) + n2(41, 0, 16384) +
               n2(41, 0, 16385, data=f("!I", 10)) + n2(41, 0, 16386) + n2(41, 4, 16387, data=b"\0\x01\x02") +
               n2(41, 0, 16391) + n2(41, 0, 16392) + n2(41, 3, 16393, spi=f("!I", 0xdead)) +
               n2(41, 0, 16394) + n2(41, 0, 16395) + n2(41, 0, 100) + n2(41, 0, 9000) +
               n2(41, 0, 20000) + n2(0, 0, 50000, spi=b"\x01\x02"), ver=0x20, et=34, fl=0x20,
               r=cr)

    def id2(np, t, data):
        return gen(np, f("!BBH", t, 0, 0) + data)

    auth = (id2(36, 1, inet_aton("10.0.0.1")) + id2(37, 2, b"vpn.example.org\x07") +
            gen(35, b"\x04" + bytes(range(16))) + id2(35, 3, b"me@example.org") + id2(35, 5, v6) +
            id2(35, 9, b"\x30\x01\x00") + id2(35, 10, b"\x82\x01a") + id2(35, 11, b"key") +
            id2(39, 77, b"?") + gen(33, f("!BBH", 2, 0, 0) + bytes(range(20))) +
            gen(44, prop(0, 1, 3, f("!I", 0x1111), 1, t2(0, 1, 12, a(14, 256)))) +
            gen(45, bytes(range(24))) + gen(47, bytes(range(24))) + gen(48, bytes(8)) +
            gen(42, bytes(12)) + gen(39, f("!BBH", 1, 0, 0) + bytes(range(40))) +
            gen(39, f("!BBH", 3, 0, 0) + bytes(4)) + gen(39, f("!BBH", 9, 0, 0) + bytes(1)) +
            gen(50, b"x") + gen(0, f("!BBH", 1, 0, 0) + b"\x01\x02"))
    ike_auth = hdr(35, auth, ver=0x20, et=35, fl=0x08, mid=1, r=cr)
    enc = hdr(46, gen(37, bytes(range(48))), ver=0x20, et=35, fl=0x08, mid=1, r=cr)
    enc_r = hdr(46, gen(0, bytes(range(6))), ver=0x20, et=37, fl=0x20, mid=2, r=cr)
    child = hdr(33, gen(40, prop(0, 1, 3, f("!I", 0x2222), 1, t2(0, 1, 12, a(14, 128))), crit=0x80) + gen(0, bytes(8)), ver=0x20, et=36, fl=0x18, mid=3, r=cr)
    v2e_flag = hdr(41, n2(0, 0, 16384), ver=0x20, et=37, fl=0x01, mid=4, r=cr)
    v2_bad = hdr(33, gen(0, prop(0, 1, 1, b"", 1, f("!BBH", 0, 0, 4))), ver=0x20, et=34)
    v2_bad2 = hdr(33, gen(0, gen(0, f("!BBBB", 1, 1, 9, 1) + b"\x01\x02")), ver=0x20, et=34)
    v2_bad3 = hdr(33, gen(0, gen(0, b"\x01\x01\x00\x01" + t2(0, 1, 3), n=40)), ver=0x20, et=34)
    v2_bad4 = hdr(33, gen(0, gen(2, b"\x01\x01\x00\x01" + t2(0, 1, 3)) + gen(0, b"abcd")), ver=0x20, et=34)
    v2_bad5 = hdr(33, gen(0, gen(0, b"\x01\x01\x00\x02" + t2(3, 1, 3) + t2(0, 1, 3), n=16)), ver=0x20, et=34)
    v2_ke_short = hdr(34, gen(0, b"\x00"), ver=0x20, et=34)

    esp = f("!II", 0x1001, 7) + bytes(range(40))
    rows = [
        (500, 500, mm1), (500, 500, mm2), (500, 500, mm3), (500, 500, mm4), (500, 500, mm5),
        (500, 500, hdr(1, ident_sit, r=cr)), (500, 500, hdr(1, doi2, r=cr)),
        (500, 500, qm1), (500, 500, qm2), (500, 500, qm3), (500, 500, inf), (500, 500, inf2),
        (500, 500, agg), (500, 500, agg2), (500, 500, zero), (500, 500, short), (500, 500, mism),
        (500, 500, longp), (500, 500, over), (500, 500, v3), (500, 500, mmz),
        (500, 500, init), (500, 500, resp), (500, 500, ike_auth), (500, 500, enc),
        (500, 500, enc_r), (500, 500, child), (500, 500, v2e_flag), (500, 500, v2_bad),
        (500, 500, v2_bad2), (500, 500, v2_bad3), (500, 500, v2_bad4), (500, 500, v2_bad5),
        (500, 500, v2_ke_short),
        (4500, 4500, b"\xff"), (4500, 4500, b"\0\0\0\0" + enc), (4500, 4500, esp),
        (4500, 1234, b"\0\0\0"), (4500, 4500, b"\0\0\0\0" + mm1[:20]), (4500, 4500, b"\xfe"),
        (4500, 4500, b"\0\0\0\0" + ike_auth[:200]),
        (7500, 7500, mm2), (8500, 8500, init), (1500, 500, mm1), (500, 500, b"\x01" * 20),
    ]
    e = Ether(src=A, dst=B)
    out = []
    for k, (sp, dp, body) in enumerate(rows):
        src, dst = (IB, IA) if k % 3 == 1 else (IA, IB)
        out.append(e / IP(src=src, dst=dst) / UDP(sport=sp, dport=dp) / Raw(body))
    for sp, dp, body in [(500, 500, mm1), (500, 500, mm2), (500, 500, mm3), (4500, 4500, b"\xff")]:
        out.append(e / IPv6(src=SA, dst=SB) / UDP(sport=sp, dport=dp) / Raw(body))
    out.append(e / IPv6(src=SB, dst=SA) / UDP(sport=500, dport=500) / Raw(mm2))
    return out


def bfd_set():
    """BFD (UDP 3784/4784/6784 control, 3785 echo): versions 0, 1 and
    later, every flag, state and diagnostic, wrapping detection times,
    each authentication type with right and wrong lengths, a section cut
    by the UDP length, short headers, and a BFD source port (not decoded:
    tcpdump goes by the destination)."""
    def ctl(ver=1, diag=0, sta=3, flags=0, mult=3, tx=1000000, auth=b""):
        return struct.pack("!BBBBIIIII", ver << 5 | diag, sta << 6 | flags, mult,
                           24 + len(auth), 0x1234, 0xabcdef01, tx, 300000, 50000) + auth
    seq = b"\x00\x00\x00\x00\x00\x09"
    p = [
        (3784, ctl()),
        (3784, ctl(ver=0, diag=9, flags=0x3f)),
        (3784, ctl(diag=8, sta=0, flags=0x3b, mult=255, tx=0xffffffff)),
        (4784, ctl(diag=31, sta=2, flags=0x04, auth=b"\x01\x07\x05secret")),
        (4784, ctl(sta=1, flags=0x04, auth=b"\x01\x08\x05ab\x00\x01\xffx")),
        (4784, ctl(sta=1, flags=0x04, auth=b"\x01\x14\x05" + b"A" * 17)),
        (4784, ctl(sta=1, flags=0x04, auth=b"\x01\x03\x05")),
        (4784, ctl(flags=0x04, auth=b"\x02\x18\x05" + seq + bytes(range(16)))),
        (4784, ctl(flags=0x04, auth=b"\x03\x17\x05" + seq + bytes(range(16)))),
        (4784, ctl(flags=0x04, auth=b"\x04\x1c\x05" + seq + bytes(range(20)))),
        (6784, ctl(flags=0x04, auth=b"\x05\x1c\x07\x00\x01\x02\x03\x04" + bytes(range(20)))),
        (6784, ctl(flags=0x04, auth=b"\x09\x1c\x05\x00\x01\x02\x03\x04")),
        (3784, ctl(flags=0x04)),
        (3784, ctl(ver=0, flags=0xc4, auth=b"\x01\x05\x05ab\x01")),
        (6784, ctl(ver=2)),
        (3784, ctl(ver=7, diag=3)),
        (3785, b"\x01\x02\x03echo payload"),
        (3785, b""),
        (3784, b"\x20\x40\x03"),
        (3784, b""),
    ]
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB, ttl=255)
    pkts = [e / UDP(sport=50000 + i, dport=d) / Raw(b) for i, (d, b) in enumerate(p)]
    pkts.append(Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=50100, dport=4784) /
                Raw(ctl(sta=2)))
    pkts.append(e / UDP(sport=3784, dport=50101) / Raw(ctl()))
    short = e / UDP(sport=50102, dport=4784) / Raw(ctl(flags=0x04, auth=b"\x02\x18\x05" + seq +
                                                        bytes(range(16))))
    short[UDP].len = 8 + 24 + 10  # the UDP length ends inside the digest
    return pkts + [short]


def ripng_set():
    """RIPng (UDP 521): table requests, requests and responses with tags
    and metrics, lengths that are not whole entries, other versions and
    commands, short headers, and a UDP length shorter than the entries."""
    from socket import AF_INET6, inet_pton

    def ent(prefix, plen, metric, tag=0):
        return inet_pton(AF_INET6, prefix) + struct.pack("!HBB", tag, plen, metric)
    two = ent("2001:db8::", 32, 1, 5) + ent("2001:db8:1::", 48, 0) + ent("::", 0, 16, 0xffff)
    p = [
        b"\x01\x01\x00\x00" + ent("::", 0, 16),
        b"\x01\x01\x00\x00" + ent("::", 0, 15),
        b"\x01\x01\x00\x00" + ent("::1", 0, 16),
        b"\x01\x01\x00\x00" + ent("2001:db8::", 32, 1, 5) + ent("::", 0, 16),
        b"\x02\x01\x00\x00" + two,
        b"\x02\x01\x00\x00" + ent("fe80::1:2", 128, 255, 1) + ent("2001:db8::", 64, 0, 7),
        b"\x02\x01\x00\x00" + ent("2001:db8::", 32, 1) + b"\x00\x01",
        b"\x01\x01\x00\x00" + ent("2001:db8::", 32, 1) + b"\x00\x01",
        b"\x01\x01\x00\x00" + ent("::", 0, 16) + b"\x00",
        b"\x02\x02\x00\x00" + ent("2001:db8::", 32, 1),
        b"\x03\x02\x00\x00",
        b"\x03\x01\x00\x00" + ent("2001:db8::", 32, 1),
        b"\x00\x01",
        b"\x02\x01\x00\x00",
        b"\x01\x01\x00\x00",
        b"\x02\x01",
        b"\x01\x01\x00",
        b"\x02",
        b"",
    ]
    e = Ether(src=A, dst="33:33:00:00:00:09") / IPv6(src="fe80::1", dst="ff02::9", hlim=255)
    pkts = [e / UDP(sport=521, dport=521) / Raw(b) for b in p]
    pkts.append(Ether(src=A, dst=B) / IP(src=IA, dst=IB) / UDP(sport=40000, dport=521) /
                Raw(b"\x02\x01\x00\x00" + two))
    short = e / UDP(sport=521, dport=521) / Raw(b"\x02\x01\x00\x00" + two)
    short[UDP].len = 8 + 4 + 30  # the UDP length ends inside the second entry
    return pkts + [short]


def krb_set():
    """Kerberos (UDP 88, 750): version 4 messages of every type in both
    byte orders, names with control and high bytes, unknown error codes
    and types, version 5 AS-REQ/AS-REP and other tags, versions 1-3 and
    others, names cut by the capture, and a name running past the UDP
    length (tcpdump reads it up to the IP length)."""
    hdr = b"alice\x00admin\x00EXAMPLE.ORG\x00"
    p = [
        (88, b"\x04\x02" + hdr + b"\x01\x02\x03\x04\x0c" + b"krbtgt\x00EXAMPLE.ORG\x00"),
        (88, b"\x04\x03" + hdr + b"\x01\x02\x03\x04\xff" + b"rcmd\x00host\x00"),
        (750, b"\x04\x04" + hdr + b"\x00" * 10 + b"\x01\x02" + b"\x00" * 8),
        (750, b"\x04\x05" + hdr + b"\x00" * 10 + b"\x01\x02" + b"\x00" * 8),
        (750, b"\x04\x06\x07\x08REALM\x00\x09\x0a"),
        (750, b"\x04\x0a" + hdr + b"\x00" * 4 + b"\x00\x00\x00\x08" + b"unknown principal\x00"),
        (750, b"\x04\x0b" + hdr + b"\x00" * 4 + b"\x08\x00\x00\x00" + b"err\x00"),
        (750, b"\x04\x0a" + hdr + b"\x00" * 4 + b"\x00\x63\x00\x00" + b"err\x00"),
        (750, b"\x04\x0a" + b"\x00\x00\x00" + b"\x00" * 4 + b"\x00\x0a\x00\x00" + b"\x00"),
        (750, b"\x04\x08" + hdr),
        (750, b"\x04\x0c"), (750, b"\x04\x0e"), (750, b"\x04\x10"), (750, b"\x04\x7e"),
        (750, b"\x04\x7f"), (750, b"\x04\x12"), (750, b"\x04\x00"),
        (88, b"\x04\x02al\x01\xff\x7f\x80"),
        (88, b"\x04\x02" + hdr + b"\x01\x02"),
        (88, b"\x04\x04a\x00b\x00c\x00" + b"\x00" * 10 + b"\x01"),
        (88, b"\x04\x06\x01"),
        (88, b"\x04\x06\x01R\x00\x05"),
        (88, b"\x6a\x81\xa0\x30\x81\x9d"), (88, b"\x6b\x10"), (88, b"\x6c\x10"),
        (88, b"\x7e\x10"), (88, b"\x01"), (88, b"\x02\x04"), (88, b"\x03\x09"),
        (88, b"\x05"), (88, b"\x00"), (88, b""), (750, b"\x04"),
    ]
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    pkts = [e / UDP(sport=40000 + i, dport=d) / Raw(b) for i, (d, b) in enumerate(p)]
    pkts.append(e / UDP(sport=88, dport=40100) / Raw(b"\x6b\x82\x01\x00"))
    pkts.append(Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=750, dport=40101) /
                Raw(b"\x04\x04" + hdr + b"\x00" * 10 + b"\x00\x30"))
    past = e / UDP(sport=40102, dport=750) / Raw(b"\x04\x02" + hdr + b"\x01\x02\x03\x04\x0c" +
                                                 b"krbtgt\x00EXAMPLE.ORG\x00")
    past[UDP].len = 8 + 10  # the strings go on past the UDP length
    return pkts + [past]


def pppcp_set():
    """PPP control protocols (tcpdump 4.99 print-ppp.c) in PPPoE sessions,
    Ethernet type 0x880b (with ff03, pppd In/Out bytes, HDLC escapes) and
    GRE v1: LCP codes and options (bogus, short and overlong lengths),
    IPCP with RFC 3544 header compression suboptions, IP6CP, CCP, BACP,
    OSICP, MPLSCP, PAP, CHAP, multilink headers and compressed data."""
    sess = [
        "c021 01010004", "c021 01010002 010405dc", "c021 01010028 010405dc",
        "c021 01010008 010405dc 090909", "c021 0901000c 01020304 05060708",
        "c021 01", "c021 010100",
        "c021 0101002c 000600000c01 010405dc 020600000000 0304c023 0305c22305 0305c22381"
        " 0304c0ff 0304c025 0404c025 0506aabbccdd 0702 0802 0d0306 1104 05dc 1203 1306020a000001",
        "c021 01010020 13090300010203040506 130300 130304 1307020a0000 1704abcd 1e020402 ff02"
        " 0603aa",
        "c021 0801000c c02101020304", "c021 0801000a 802101020304",
        "c021 0c01000e 01020304 68656c6c6f21", "c021 0d01000c 01020304 0000003c",
        "c021 0e010008 01020304", "c021 0001000c 01020304 00000c01",
        "c021 0501000a 01020304 0506", "c021 01010010 0104 05dc 0102 0304",
        "c021 01010009 0106 05dc", "c021 01010008 0100 05dc",
        "c021 0101001b 0004000000 0003 0204 05 0d02 1102 1302 1303ff 130304 1704 0001 1f03aa",
        "c021 0a01000c 01020304 0a0b", "c021 0b010008 0a0b0c0d",
        "8021 0101002a 030600000000 81060a000001 83060a000002 0206002d0f01 010a0a0000010a000002"
        " 0406 0a000003 8206 01020304 8406 05060708 0703 aa",
        "8021 01010030 0228 0061 0010 0020 0030 0040 0050 0104 0204 0303 0000 0102 0300 0000"
        " 0000 0000 0000 0000 0000 0000 0000 0000",
        "8021 01010018 020e 0061 0010 0020 0030 0040 0050 0205 002d0f 0303 aabb",
        "8021 0201000a 0305 0a000001 00", "8021 0301000e 0209 0061 0010 0020 0030 00",
        "8057 0101000e 010a 0011 2233 4455 6677", "8057 01010010 0109 0011 2233 4455 66 0204aabb",
        "80fd 01010018 1503 2f 1804 e505 1a04 7802 1a04 7f03 1102 1202",
        "80fd 01010014 1502 1803 1a03 0004 0102 ff02 1203 00", "80fd 0e010004",
        "80fd 0f010006 aabb",
        "c02b 0101000c 0106 01020304 0203aa", "c02b 01010009 0105 01020304", "c02d 01010004",
        "8023 01010008 0104 0000", "8281 01010008 0104 0000",
        "c023 0101000c 04 75736572 02 7077", "c023 0201000a 05 68656c6c6f",
        "c023 0301000a 05 68650a6c6f", "c023 01010005 04", "c023 01010040 04 75736572 02 7077",
        "c023 01010003 04 75736572 02 7077", "c023 01", "c023 0101", "c023 07010004",
        "c023 01010009 04 757365 72",
        "c223 0101001a 04 01020304 7365727665726e616d656e616d65",
        "c223 02010010 04 01020304 75736572 ff", "c223 03010008 57656c63", "c223 04010004",
        "c223 04010002 4142", "c223 02010005 08 0102", "c223 0201", "c223 09010004",
        "003d 8123", "003d c0", "003d 0fff", "00fd 0102", "0025 0102030405", "c025 0102",
    ]
    eth = [
        "ff03c02101010008010405dc", "0003c02101010008010405dc", "0103c02101010008010405dc",
        "0103", "01", "21450000140000000040000000010203040a000002", "ff0380210101000a03060a000001",
        "ff03c0210101", "7e7ec021", "ff037e2145000014000000004000000001020304 0a000002",
        "ff037eff03c02101010008010405dc", "ff037eff7d23c02101010008010405dc",
        "ff037ec02101010008010405dc", "ff037ec0210101000801040 57d",
        "ff037ec07d217d7d01", "ff037e",
    ]
    gre = ["ff03c02101010008010405dc", "c02109010008 01020304", "c0230101000c04757365720270770000",
           "80570101000e010a0011223344556677"]
    h = lambda x: bytes.fromhex(x.replace(" ", ""))
    pkts = [Ether(src=A, dst=B) / PPPoE(sessionid=1) / Raw(h(x)) for x in sess]
    pkts += [Ether(src=A, dst=B, type=0x880b) / Raw(h(x)) for x in eth]
    for x in gre:
        b = h(x)
        pkts.append(Ether(src=A, dst=B) / IP(src=IA, dst=IB, proto=47) /
                    Raw(struct.pack(">HHHHI", 0x3001, 0x880b, len(b), 7, 1) + b))
    return pkts


def eap_set():
    """802.1X EAPOL (ethertype 0x888e): start, logoff, key, ASF alert and
    unknown frames; EAP packets with every code, identity, notification,
    legacy NAK, TLS/TTLS/FAST flags with and without length, SIM/AKA
    subtypes, and lengths that disagree with the EAPOL header or are too
    short for what the type needs."""
    dst = "01:80:c2:00:00:03"

    def eapol(t, body=b"", ver=1, ln=None):
        return Ether(src=A, dst=dst, type=0x888e) / Raw(
            struct.pack(">BBH", ver, t, len(body) if ln is None else ln) + body)

    def eap(code, ident, data=b"", ln=None):
        return struct.pack(">BBH", code, ident, 4 + len(data) if ln is None else ln) + data

    return [
        eapol(1), eapol(2, ver=2), eapol(3, b"\x02" + b"\0" * 94), eapol(4, b"ab"), eapol(9, b"xy"),
        eapol(0, eap(2, 1, b"\x01user@example.com")),
        eapol(0, eap(1, 2, b"\x01")),
        eapol(0, eap(1, 3, b"\x02hello note")),
        eapol(0, eap(1, 3, b"\x02")),
        eapol(0, eap(2, 4, b"\x03\x0d\x15\x2b\x63")),
        eapol(0, eap(2, 4, b"\x03")),
        eapol(0, eap(1, 5, b"\x0d\x20")),
        eapol(0, eap(1, 5, b"\x0d")),
        eapol(0, eap(2, 6, b"\x0d\xc0\x00\x00\x10\x00" + b"\x16" * 10)),
        eapol(0, eap(2, 6, b"\x0d\x80\x00\x00")),
        eapol(0, eap(1, 7, b"\x15\x21")),
        eapol(0, eap(2, 8, b"\x15\x81\x00\x00\x00\x40abc")),
        eapol(0, eap(1, 9, b"\x2b\x21")),
        eapol(0, eap(1, 9, b"\x2b\xa1\x00\x00\x01\x00")),
        eapol(0, eap(1, 9, b"\x2b\x80")),
        eapol(0, eap(1, 9, b"\x2b")),
        eapol(0, eap(1, 10, b"\x17\x01\x00\x00")),
        eapol(0, eap(1, 11, b"\x12\x0a\x00\x00")),
        eapol(0, eap(1, 12, b"\x12\x63\x00\x00")),
        eapol(0, eap(1, 12, b"\x17")),
        eapol(0, eap(3, 13)), eapol(0, eap(4, 14)), eapol(0, eap(7, 15, b"zz")),
        eapol(0, eap(1, 16, b"\x04\x10" + b"\x11" * 16)),
        eapol(0, eap(1, 17, b"\xfe\x00\x00\x00")),
        eapol(0, eap(1, 18, b"\x19\x01")),
        eapol(0, eap(2, 19, b"\x01a\x00b\x7fc\xc3")),
        eapol(0, eap(2, 19, b"\x01\x7fc\xc3\x01")),
        eapol(0, eap(2, 20, b"\x01abc", ln=30)),
        eapol(0, eap(2, 21, b"\x01abc", ln=3), ln=3),
        eapol(0, eap(2, 22, b"\x01abc"), ln=0),
        eapol(0, eap(2, 22, b"\x01abc"), ln=100),
        eapol(0, eap(2, 23, b"", ln=4)),
        eapol(0, eap(2, 25, b"\x03")),
        eapol(0, eap(2, 26, b"\x01long identity")[:12], ln=20),
    ]


def ptp_set():
    """IEEE 1588 PTP version 2 on ethertype 0x88f7 and UDP 319/320 (IPv4,
    IPv6, VLAN): every message type tcpdump decodes and reserved ones,
    flag bits, v1 compatibility, versions 1 and other, short and cut
    messages, and PTP paired with ports whose decoders tcpdump tries only
    by the other direction (BFD by destination, Broadcom LI by source)."""
    dst = "01:1b:19:00:00:00"

    def hdr(mt, body, ver=2, ln=None, flags=0x0208, ctl=0, hi=0):
        total = 34 + len(body) if ln is None else ln
        return (bytes([(hi << 4) | mt, ver]) + struct.pack(">HBBH", total, 4, 0, flags)
                + (0x123456789a).to_bytes(6, "big") + struct.pack(">HI", 0x55, 0)
                + (0x0011223344556677).to_bytes(8, "big") + struct.pack(">HHBB", 1, 77, ctl, 0xfd) + body)

    ts = (1700000000).to_bytes(6, "big") + struct.pack(">I", 123456789)
    pid = (0x8899aabbccddeeff).to_bytes(8, "big") + struct.pack(">H", 3)
    ann = (ts + struct.pack(">hBBBBHB", 37, 0, 128, 6, 0x21, 0x4e5d, 128)
           + (0xaabbccfffeddeeff).to_bytes(8, "big") + struct.pack(">HB", 2, 0xa0))
    mgmt = pid + bytes([1, 2, 3, 4]) + b"\x00\x01\x00\x02\x20\x05"

    def eth(pl, vlan=False):
        if vlan:
            return Ether(src=A, dst=dst) / Dot1Q(vlan=5, type=0x88f7) / Raw(pl)
        return Ether(src=A, dst=dst, type=0x88f7) / Raw(pl)

    def udp(pl, sport=319, dport=319):
        return Ether(src=A, dst=B) / IP(src="10.0.0.1", dst="224.0.1.129") / UDP(sport=sport, dport=dport) / Raw(pl)

    pkts = [eth(hdr(mt, b)) for mt, b in (
        (0, ts), (1, ts), (2, ts + b"\0" * 10), (3, ts + pid), (8, ts), (9, ts + pid),
        (10, ts + pid), (11, ann), (12, pid + b"\x00\x01\x00\x00"), (13, mgmt), (4, b"\0" * 10))]
    pkts += [
        eth(hdr(0, ts, flags=0xffff, ctl=5, hi=1)), eth(hdr(0, ts, flags=0x18c0, ctl=9)),
        eth(hdr(0, ts, flags=0)), eth(hdr(0, ts, ver=1)), eth(hdr(0, ts, ver=0x12)),
        eth(b"\x00\x02\x00\x20" + b"\0" * 29), eth(hdr(11, ts)), eth(hdr(13, pid[:9])),
        eth(hdr(9, ts + pid), vlan=True),
        udp(hdr(0, ts)), udp(hdr(11, ann), 320, 320), udp(hdr(3, ts + pid), 1234, 319),
        udp(hdr(0, ts), 3784, 319), udp(hdr(0, ts), 320, 49152), udp(hdr(0, ts)[:20]),
        Ether(src=A, dst=B) / IPv6(src="fe80::1", dst="ff02::181") / UDP(sport=320, dport=320) / Raw(hdr(12, pid)),
    ]
    return pkts


def tcpapps_set():
    """Text and small binary protocols tcpdump 4.99 finds by TCP port:
    RTSP 554/8554 requests, responses and other lines, whois 43 (also
    against BGP's 179), Redis RESP 6379 (every value kind, pipelines, nested
    arrays, bad and huge lengths, values cut by the segment; before SSH's
    22), telnet 23 commands and subnegotiations (AUTHENTICATION, ENCRYPT,
    unknown options, a last lone IAC)."""
    def tcp(payload, sport, dport, v6=False):
        ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst="10.0.0.2")
        return Ether(src=A, dst=B) / ip / TCP(sport=sport, dport=dport, flags="PA", seq=1000, ack=1) / Raw(payload)
    iac = b"\xff"
    rtsp = [
        (40000, 554, b"OPTIONS rtsp://x/y RTSP/1.0\r\nCSeq: 1\r\n\r\n"),
        (8554, 40000, b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE\r\n\r\n"),
        (40000, 554, b"FOO bar\r\n"),
        (40000, 8554, b"play x RTSP/1.0"),
        (80, 554, b"GET / HTTP/1.0\r\n\r\n"),
        (40000, 43, b"example.com\r\n"),
        (43, 40000, b"Domain Name: EXAMPLE.COM\r\nRegistrar: x\x01\r\n"),
        (43, 179, b"example.com\r\n"),
    ]
    resp = [b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n",
            b"+OK\r\n-ERR bad\r\n:1234\r\n", b"$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n", b"$2147483648\r\nx",
            b"$-0\r\n$-2\r\n", b"$x\r\n+OK\r\n", b"$1x\r\n", b"$1\rx+OK\r\n", b"*2\r\n$1\r\na\r\n",
            b"*2\r\n*1\r\n:1\r\n+x\r\n+y\r\n", b"PING\r\nPING\n\nECHO x", b"\r\n\r\nQUIT\r\n",
            b"\x80\x01abc\r\n", b"$3\r\nabcdef\r\n+z\r\n", b"+no crlf", b"$5\r\nab", b"*1\r",
            b"$99999999999\r\n+ok\r\n", b"*2147483648\r\n", b"$-1\r\r"]
    telnet = [iac + b"\xfd\x01" + iac + b"\xfb\x1f" + iac + b"\xfa\x18\x01" + iac + b"\xf0",
              iac + b"\xff", iac + b"\xf1" + iac + b"\xf6login:", b"login: ",
              iac + b"\xfa\x1f\x00\x50\x00\x18" + iac + b"\xf0", iac + b"\xfa\x25\x00\x02\x03" + iac + b"\xf0",
              iac + b"\xfa\x25\x05\x08" + iac + b"\xf0", iac + b"\xfa\x26\x01\x05\x07" + iac + b"\xf0",
              iac + b"\xfa\x26\x0a" + iac + b"\xf0", iac + b"\xfa\x18\x01\x02", iac + b"\xfa\x18\x01\x02" + iac,
              iac + b"\xfd", iac + b"\x10", iac + b"\xfd\x28" + iac + b"\xfe\xff", iac + b"\xfa\x80\x63" + iac + b"\xf0",
              iac + b"\xec" + iac + b"\xef" + iac + b"\xf9" + iac + b"\xf2"]
    return ([tcp(d, s, t) for s, t, d in rtsp] + [tcp(d, 40001, 6379) for d in resp] +
            [tcp(b"+PONG\r\n", 6379, 22, v6=True)] + [tcp(d, 40002, 23) for d in telnet] +
            [tcp(telnet[0], 23, 40002, v6=True)])


def pptp_set():
    """PPTP control messages (TCP 1723, RFC 2637): every message type 1-15
    with names, lengths and codes known and unknown, a wrong magic cookie,
    management and unknown message types, nonzero reserved fields, phone
    numbers longer than their fields, control and high bytes in strings,
    unknown control types, a message shorter than its header, and 1723
    against SSH's 22 (tcpdump tries PPTP first)."""
    def tcp(payload, sport=40003, dport=1723):
        return Ether(src=A, dst=B) / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=sport, dport=dport, flags="PA", seq=1000, ack=1) / Raw(payload)

    def h(ctype, body, mt=1, cookie=0x1a2b3c4d, rsv=0):
        return struct.pack(">HHIHH", 12 + len(body), mt, cookie, ctype, rsv) + body
    host, vend = b"host1".ljust(64, b"\0"), b"vend\x01\x80".ljust(64, b"\0")
    msgs = [h(1, struct.pack(">HHIIHH", 0x100, 0, 3, 3, 10, 5) + host + vend),
            h(2, struct.pack(">HBBIIHH", 0x100, 1, 0, 1, 2, 1, 2) + host + vend, mt=2, cookie=0x11, rsv=5),
            h(2, struct.pack(">HBBIIHH", 0x100, 9, 7, 0, 0, 1, 2) + b"x" * 128, mt=7),
            h(3, struct.pack(">BBH", 2, 1, 3)), h(3, struct.pack(">BBH", 4, 0, 0)),
            h(4, struct.pack(">BBH", 1, 6, 0)), h(5, struct.pack(">I", 77)), h(6, struct.pack(">IBBH", 77, 2, 9, 0)),
            h(7, struct.pack(">HHIIIIHHHH", 1, 2, 300, 400, 3, 2, 16, 0, 5, 0) + b"12345".ljust(64, b"\0") + b"sub".ljust(64, b"\0")),
            h(7, struct.pack(">HHIIIIHHHH", 1, 2, 300, 400, 9, 9, 16, 0, 0, 1) + b"1" * 64 + b"sub".ljust(64, b"\0")),
            h(8, struct.pack(">HHBBHIHHI", 1, 2, 7, 0, 3, 64000, 16, 0, 9)),
            h(9, struct.pack(">HHIIHH", 1, 2, 1, 5, 70, 2) + b"9" * 64 + b"88".ljust(64, b"\0") + b"s".ljust(64, b"\0")),
            h(10, struct.pack(">HHBBHHH", 1, 2, 3, 4, 5, 6, 7)), h(11, struct.pack(">HHIHHI", 1, 0, 9600, 4, 5, 3)),
            h(12, struct.pack(">HH", 1, 1)), h(13, struct.pack(">HBBHH", 1, 4, 0, 2, 0) + b"stats".ljust(128, b"\0")),
            h(14, struct.pack(">HHIIIIII", 1, 0, 1, 2, 3, 4, 5, 6)), h(15, struct.pack(">HHII", 1, 0, 0xffffffff, 0x12)),
            h(16, b""), h(0, b"xx"), h(99, b""), b"\0\x0c\0\x03", h(5, b"")]
    return [tcp(m) for m in msgs] + [tcp(h(5, struct.pack(">I", 78)), 1723, 22)]


def slow_set():
    """IEEE 802.3 slow protocols (ethertype 0x8809): LACP with actor,
    partner and collector TLVs, state flags, Marker and Marker Response
    TLVs, OAM Information (local/remote, organization specific, reserved),
    Event Notification with the four link events, Loopback Control,
    variable request/response, vendor and unknown codes; bad versions,
    unknown subtypes and TLV types, TLV lengths 0, too small, wrong for
    the type and past the frame, and frames too short for their header."""
    dst = "01:80:c2:00:00:02"

    def eth(pl, vlan=False):
        if vlan:
            return Ether(src=A, dst=dst) / Dot1Q(vlan=7, type=0x8809) / Raw(pl)
        return Ether(src=A, dst=dst, type=0x8809) / Raw(pl)

    def tlv(t, body, ln=None):
        return bytes([t, 2 + len(body) if ln is None else ln]) + body

    def actor(prio, mac, key, pprio, port, state):
        return (struct.pack(">H", prio) + bytes.fromhex(mac.replace(":", ""))
                + struct.pack(">HHHB", key, pprio, port, state) + b"\0" * 3)

    def marker(port, mac, xid):
        return struct.pack(">H", port) + bytes.fromhex(mac.replace(":", "")) + struct.pack(">I", xid) + b"\0\0"

    def lacp(*tlvs, sub=1, ver=1, pad=50):
        return bytes([sub, ver]) + b"".join(tlvs) + b"\0" * pad

    a1 = tlv(1, actor(32768, "00:11:22:33:44:55", 13, 32768, 25, 0x3d))
    p1 = tlv(2, actor(127, "66:77:88:99:aa:bb", 0x1234, 255, 0x8001, 0x00))
    coll = tlv(3, struct.pack(">H", 5) + b"\0" * 12)
    term = b"\0\0"

    def oam(code, data=b"", flags=0x0050):
        return b"\x03" + struct.pack(">HB", flags, code) + data

    def info(t, ver=1, rev=0x102, state=0, cfg=0x15, pdu=0x05ee, oui=0x00000c, vend=0xdeadbeef, ln=16):
        body = struct.pack(">BHBBH", ver, rev, state, cfg, pdu) + oui.to_bytes(3, "big") + struct.pack(">I", vend)
        return tlv(t, body[:ln - 2] if ln < 16 else body, ln)

    def event(t, ts=30, vals=(1000000, 10, 12, 345), total=6, ln=40):
        body = struct.pack(">HQQQQI", ts, *vals, total)
        return tlv(t, body[:ln - 2] if ln < 40 else body, ln)

    return [
        eth(lacp(a1, p1, coll, term)),
        eth(lacp(tlv(1, actor(1, "00:00:00:00:00:01", 0, 0, 0, 0xff)),
                 tlv(2, actor(0xffff, "ff:ff:ff:ff:ff:ff", 0xffff, 0xffff, 0xffff, 0xc2)), coll, term),
            vlan=True),
        eth(lacp(a1, p1, coll, term, ver=2)),
        eth(lacp(a1, tlv(2, b"", ln=0), term)),
        eth(lacp(a1, tlv(2, b"", ln=1), term)),
        eth(lacp(tlv(1, actor(1, "00:00:00:00:00:01", 2, 3, 4, 5)[:17]), p1, term)),
        eth(lacp(a1, p1, tlv(3, struct.pack(">H", 7) + b"\0" * 8), term)),
        eth(lacp(a1, tlv(9, b"\x01\x02\x03\x04"), tlv(0x7f, b""), coll, term)),
        eth(lacp(a1, tlv(2, b"\0" * 10, ln=60), pad=0)),
        eth(lacp(a1, b"\x02", pad=0)),
        eth(lacp(a1, p1, coll, pad=0)),
        eth(lacp(tlv(0, b"", ln=20), a1, pad=10)),
        eth(lacp(tlv(1, marker(3, "00:11:22:33:44:55", 0x01020304)), term, sub=2, pad=90)),
        eth(lacp(tlv(2, marker(3, "00:11:22:33:44:55", 0xfffffffe)), term, sub=2, pad=90)),
        eth(lacp(tlv(1, marker(3, "00:11:22:33:44:55", 9) + b"\0\0"), term, sub=2, pad=88)),
        eth(lacp(tlv(3, b"abcd"), term, sub=2, pad=4)),
        eth(lacp(term, sub=2, ver=0, pad=4)),
        eth(b"\x01"), eth(b"\x02"), eth(b""), eth(b"\x0a" + bytes(range(20))), eth(b"\x00"),
        eth(oam(0, info(1) + info(2, state=0x05, cfg=0x0a, pdu=0xf840, oui=0x0080c2, vend=0) + term + b"\0" * 10)),
        eth(oam(0, info(1, state=0x07, cfg=0x1f, pdu=0xffff, oui=0x123456, vend=1, ver=0xff, rev=0xffff)
                + tlv(0xfe, b"\x00\x10\x18\x01\x02") + tlv(7, b"xy") + term, flags=0)),
        eth(oam(0, info(1, ln=14) + info(2, ln=18) + term, flags=0x7f)),
        eth(oam(0, info(1) + tlv(2, b"", ln=1) + term, flags=0xff80)),
        eth(oam(0, info(1) + tlv(2, b"\0" * 5, ln=30), flags=0x0001)),
        eth(oam(0, info(1) + b"\x01", flags=0x0002)),
        eth(oam(0, tlv(0, b"", ln=9) + info(1), flags=0x0004)),
        eth(oam(0, b"", flags=0x0008)),
        eth(oam(1, struct.pack(">H", 513) + event(1) + event(2, ts=0xffff, vals=(2**64 - 1, 0, 1, 2), total=2**32 - 1)
                + event(3) + event(4) + tlv(0xfe, b"\x00\x12\x0f\x99") + tlv(9, b"") + term + b"\0" * 4)),
        eth(oam(1, struct.pack(">H", 7) + event(1, ln=30) + event(4, ln=42) + term)),
        eth(oam(1, struct.pack(">H", 8) + event(2) + tlv(1, b"", ln=0))),
        eth(oam(1, struct.pack(">H", 9) + event(2) + tlv(3, b"\0" * 4, ln=50))),
        eth(oam(1, struct.pack(">H", 10) + b"\x03")),
        eth(oam(1, b"\x01")),
        eth(oam(4, b"\x01" + b"\0" * 40)), eth(oam(4, b"\x02")), eth(oam(4, b"\x00")), eth(oam(4, b"\x09")),
        eth(oam(4)),
        eth(oam(2, b"\x07\x00\x10\x07\x00\x11")), eth(oam(3, b"\x07\x00\x10\x02\xab\xcd")),
        eth(oam(0xfe, b"\x00\x10\x18vendor")), eth(oam(0x36, b"\x01\x02\x03")), eth(oam(5, b"", flags=0xffff)),
        eth(b"\x03\x00"), eth(b"\x03"),
    ]


def stp_set():
    """IEEE 802.1D/Q BPDUs over LLC SAP 0x42: STP Config with each flag,
    TCN, RSTP with each port role, MSTP with two MSTIs and a name holding
    control bytes, SPB with its v4 block, one behind a VLAN tag; unknown
    protocol ID, version and BPDU type; Config, RSTP and MSTP shorter than
    their form, an MSTP v1 length not 0 and a v3 length past the BPDU."""
    dst = "01:80:c2:00:00:00"

    def eth(pl, vlan=False):
        llc = b"\x42\x42\x03" + pl
        pad = b"\0" * max(0, 46 - len(llc))
        if vlan:
            return Ether(src=A, dst=dst) / Dot1Q(vlan=5, type=len(llc)) / Raw(llc + pad)
        return Ether(src=A, dst=dst, type=len(llc)) / Raw(llc + pad)

    def bid(prio, mac):
        return struct.pack(">H", prio) + bytes.fromhex(mac.replace(":", ""))

    def bpdu(ver=0, typ=0, flags=0, root=bid(0x8000, "00:11:22:33:44:55"), cost=4,
             bridge=bid(0x8001, "00:11:22:33:44:66"), port=0x8001, times=(256, 5120, 512, 3840),
             proto=0):
        return (struct.pack(">HBBB", proto, ver, typ, flags) + root + struct.pack(">I", cost)
                + bridge + struct.pack(">H", port) + struct.pack(">HHHH", *times))

    def mstp(ver=3, flags=0x7c, name=b"region-1", mstis=(), v1=0, v3=None, extra=b""):
        mcid = b"\0" + name.ljust(32, b"\0") + struct.pack(">H", 7) + bytes(range(16))
        cist = struct.pack(">I", 20000) + bid(0x9000, "00:aa:bb:cc:dd:ee") + b"\x14"
        body = b"".join(mstis)
        v3len = len(mcid) + len(cist) + len(body) if v3 is None else v3
        return (bpdu(ver=ver, typ=2, flags=flags) + bytes([v1]) + struct.pack(">H", v3len)
                + mcid + cist + body + extra)

    def msti(inst, flags, prio, cost, bprio, pprio, hops):
        return (bytes([flags]) + struct.pack(">H", prio << 12 | inst)
                + bytes.fromhex("0011223344ff") + struct.pack(">I", cost) + bytes([bprio, pprio, hops]))

    spb = (struct.pack(">H", 85) + b"\0" + b"aux\x01name".ljust(32, b"\0") + struct.pack(">H", 3)
           + bytes(range(16, 32)) + bytes([0xdc, 0, 0x12, 0x34]) + struct.pack(">H", 9)
           + b"\0" * 8 + bytes(range(32, 52)))
    return [
        eth(bpdu()),
        eth(bpdu(flags=0x81, cost=0, times=(0, 5000, 1, 65535))),
        eth(bpdu(flags=0x7e)),
        eth(b"\0\0\0\x80"),
        eth(bpdu(ver=2, typ=2, flags=0x3c) + b"\0"),
        eth(bpdu(ver=2, typ=2, flags=0x46) + b"\0"),
        eth(bpdu(ver=2, typ=2, flags=0x09) + b"\0", vlan=True),
        eth(bpdu(ver=2, typ=0, flags=0x08)),
        eth(mstp(mstis=(msti(1, 0x7c, 8, 200, 0x80, 0x90, 19), msti(4094, 0x01, 15, 0, 0xf0, 0, 0)))),
        eth(mstp(name=b"a\x01\x7f\xffb")),
        eth(mstp(ver=4, extra=spb)),
        eth(bpdu(proto=1)),
        eth(bpdu(ver=1)),
        eth(bpdu(ver=9)),
        eth(bpdu(typ=5)),
        eth(bpdu()[:30]),
        eth(bpdu(ver=2, typ=2)),
        eth(mstp()[:90]),
        eth(mstp(v1=3)),
        eth(mstp(v3=400)),
        eth(mstp(ver=4, extra=spb[:60])),
        eth(b"\0\0\0"),
    ]


def cdp_set():
    """Cisco Discovery Protocol over SNAP (OUI 00:00:0c, PID 0x2000): a
    switch's announcement with every TLV tcpdump names (addresses IPv4,
    IPv6 and other protocols, prefixes, capabilities, a multi-line version,
    VLAN, duplex, VoIP VLAN, power, MTU, trust, location), unknown and
    unnamed types, TLVs outside their length bounds, lengths too short and
    past the PDU, a bad address list and prefix length; PVST+ BPDUs on
    PIDs 0x010b and 0x010c and RFC 2684's bridged BPDU; one frame behind a
    VLAN tag, one whose 802.3 length cuts the SNAP header; SNAP OUIs and
    PIDs without a decoder (tcpdump's generic SNAP line)."""
    dst = "01:00:0c:cc:cc:cc"

    def eth(pid, pl, vlan=False):
        llc = b"\xaa\xaa\x03\x00\x00\x0c" + struct.pack(">H", pid) + pl
        pad = b"\0" * max(0, 46 - len(llc))
        if vlan:
            return Ether(src=A, dst=dst) / Dot1Q(vlan=3, type=len(llc)) / Raw(llc + pad)
        return Ether(src=A, dst=dst, type=len(llc)) / Raw(llc + pad)

    def tlv(t, v, ln=None):
        return struct.pack(">HH", t, 4 + len(v) if ln is None else ln) + v

    def cdp(*tlvs, ver=2, ttl=180, ck=0xb1e5):
        return struct.pack(">BBH", ver, ttl, ck) + b"".join(tlvs)

    ip4 = b"\x01\x01\xcc\x00\x04" + bytes([10, 0, 0, 9])
    ip6 = (b"\x02\x08\xaa\xaa\x03\x00\x00\x00\x86\xdd\x00\x10"
           + bytes.fromhex("20010db8000000000000000000000009"))
    other = b"\x01\x01\x81\x00\x03\x49\x00\x01"
    full = cdp(tlv(1, b"switch"),
               tlv(2, struct.pack(">I", 3) + ip4 + ip6 + other),
               tlv(3, b"GigabitEthernet0/1"),
               tlv(4, struct.pack(">I", 0x29)),
               tlv(5, b"Cisco IOS Software, C2960\nVersion 15.0(2)SE\x01\n"),
               tlv(6, b"cisco WS-C2960-24TT-L"),
               tlv(7, bytes([10, 1, 0, 0, 16, 192, 168, 0, 0, 24])),
               tlv(8, b"\0\0\x0c\x01\x12"),
               tlv(9, b"corp"),
               tlv(0x0a, struct.pack(">H", 1)),
               tlv(0x0b, b"\x01"),
               tlv(0x0e, b"\x01\x00\x64"),
               tlv(0x0f, b"\x20\x00"),
               tlv(0x10, struct.pack(">H", 15400)),
               tlv(0x11, struct.pack(">I", 1500)),
               tlv(0x12, b"\x00"),
               tlv(0x13, b"\x05"),
               tlv(0x14, b"sw1.example"),
               tlv(0x15, b"\x06\x03\x2b\x06\x01"),
               tlv(0x16, struct.pack(">I", 1) + ip4),
               tlv(0x17, b"\x02rack 4"))
    return [
        eth(0x2000, cdp(tlv(1, b"switch"))),
        eth(0x2000, full),
        eth(0x2000, cdp(tlv(1, b"r\x01\xff"), tlv(0x0b, b"\x00"), tlv(0x10, b"\x05"),
                        tlv(0x10, b"\x01\x02\x03"), tlv(0x0f, b"\x01\x00\x05"), ver=1, ttl=0), vlan=True),
        eth(0x2000, cdp(tlv(0, b"ab"), tlv(0x0c, b""), tlv(0x0d, b"x"), tlv(0x30, b"\x01\x02\x03"),
                        tlv(1, b"d"))),
        eth(0x2000, cdp(tlv(4, b"\x01\x02"), tlv(0x0a, b"\x00\x01\x02"), tlv(0x16, b"\0\0"),
                        tlv(0x17, b""), tlv(0x10, b""), tlv(1, b"x"))),
        eth(0x2000, cdp(tlv(1, b"s"), tlv(6, b"", ln=2))),
        eth(0x2000, cdp(tlv(1, b"s"), tlv(0x30, b"", ln=3))),
        eth(0x2000, cdp(tlv(1, b"s"), tlv(6, b"abc", ln=40))),
        eth(0x2000, cdp(tlv(1, b"s")) + b"\x00\x06"),
        eth(0x2000, b"\x02\xb4"),
        eth(0x2000, cdp(tlv(2, b"\0\0")), vlan=False),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 2) + ip4))),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 1) + b"\x01"))),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 1) + b"\x01\x05\xcc"))),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 1) + b"\x01\x01\xcc\x00\x04\x0a"))),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 1) + b"\x05\x00\x00\x08\x01\x02"))),
        eth(0x2000, cdp(tlv(2, struct.pack(">I", 1) + ip4 + b"\x01\x02\x03"))),
        eth(0x2000, cdp(tlv(7, bytes(7)))),
        eth(0x2000, cdp(tlv(7, b""), tlv(0x0e, b"\x01\x02"))),
        eth(0x010b, bytes.fromhex("000002023c8001001122334455000000048001001122334466800100000100140002000f00")
            + b"\x00\x00\x02\x00\x05"),
        eth(0x010c, bytes.fromhex("000000000080010011223344550000000480010011223344668001000001001400020f00")),
        Ether(src=A, dst=dst, type=7) / Raw(b"\xaa\xaa\x03\x00\x00\x0c\x20" + b"\0" * 39),
        eth(0x2001, b"\x01\x02\x03\x04"),
        Ether(src=A, dst=dst, type=12) / Raw(b"\xaa\xaa\x03\x00\xe0\x2f\x00\x01\x01\x02\x03\x04" + b"\0" * 34),
        Ether(src=A, dst=dst, type=12) / Raw(b"\xaa\xaa\x03\x12\x34\x56\x88\x88\x01\x02\x03\x04" + b"\0" * 34),
        Ether(src=A, dst=dst, type=47) / Raw(b"\xaa\xaa\x03\x00\x80\xc2\x00\x0e"
                                             + bytes.fromhex("000000000000010011223344550000000480010011223344668001000001001400020f00")
                                             + b"\0" * 7),
    ]


def geneve_set():
    """Geneve (UDP 6081) headers: Ethernet (0x6558), IPv4, IPv6 and an
    unknown protocol inside, the O and C flags and reserved bits, a
    reserved byte, options of every class tcpdump names (critical, with
    data, a length past the options), an options length past the packet,
    a version other than 0, a packet shorter than the header, an empty
    payload, one from port 6081 and one over IPv6."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    inner = bytes(Ether(src=A, dst=B) / IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())
    inner4 = bytes(IP(src="192.168.0.1", dst="192.168.0.2") / UDP(sport=1, dport=2) / Raw(b"hi"))
    inner6 = bytes(IPv6(src=SA, dst="2001:db8::2") / ICMPv6EchoRequest())

    def gen(prot, pl, opts=b"", flags=0, vni=0x123456, rsvd=0, ver=0, olen=None):
        ol = len(opts) // 4 if olen is None else olen
        return bytes([ver << 6 | ol, flags]) + struct.pack(">H", prot) + vni.to_bytes(3, "big") + bytes([rsvd]) + opts + pl

    def opt(cls, typ, data=b""):
        return struct.pack(">HBB", cls, typ, len(data) // 4) + data

    opts = (opt(0x0100, 1) + opt(0x0101, 0x81, b"\x00\x00\x00\x2a") + opt(0x0102, 2)
            + opt(0x0103, 3, b"\x01\x02\x03\x04\x05\x06\x07\x08") + opt(0x0104, 4)
            + opt(0x0005, 5) + opt(0xfff1, 6) + opt(0x1234, 7))
    return [
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, inner)),
        e / UDP(sport=6081, dport=40001) / Raw(gen(0x0800, inner4, flags=0xc0)),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x86dd, inner6, flags=0x3f, rsvd=9)),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, inner, opts=opts)),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, inner, opts=opt(0x0101, 1) + struct.pack(">HBB", 0x0101, 2, 9) + b"\0" * 4)),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x1234, b"\x01\x02\x03\x04")),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, b"\0" * 8, olen=5)),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, inner, ver=1)),
        e / UDP(sport=40000, dport=6081) / Raw(b"\x00\x00\x65\x58\x00"),
        e / UDP(sport=40000, dport=6081) / Raw(gen(0x0800, b"")),
        Ether(src=A, dst=B) / IPv6(src=SA, dst="2001:db8::2") / UDP(sport=40000, dport=6081) / Raw(gen(0x6558, inner, vni=0)),
    ]


def radius_set():
    """RADIUS on each of its ports with every code tcpdump names and an
    unknown one, a length past the UDP payload, a length under the header,
    a header cut by the UDP length (tcpdump's form without -v)."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)

    def rad(code, ident, ln=None, attrs=b""):
        body = bytes(range(16)) + attrs
        return struct.pack(">BBH", code, ident, 20 + len(body) - 16 if ln is None else ln) + body

    frames = [e / UDP(sport=40000, dport=port) / Raw(rad(code, (code + 1) % 256, attrs=b"\x01\x06user"))
              for port, code in ((1812, 1), (1812, 2), (1812, 3), (1813, 4), (1813, 5), (1645, 11),
                                 (1646, 12), (1700, 13), (3799, 40), (3799, 41), (3799, 42),
                                 (3799, 43), (3799, 44), (3799, 45), (1812, 255), (1812, 99))]
    frames += [
        e / UDP(sport=1812, dport=40000) / Raw(rad(2, 7, ln=300)),
        e / UDP(sport=40000, dport=1812) / Raw(rad(1, 7, ln=12)),
        e / UDP(sport=40000, dport=1812) / Raw(rad(1, 7)[:14]),
    ]
    return frames


def sip_set():
    """SIP requests and responses on 5060 (either side), a method in lower
    case, one tcpdump does not list, an unterminated line, binary bytes."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    return [
        e / UDP(sport=5060, dport=5060) / Raw(b"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nCSeq: 1 INVITE\r\n\r\n"),
        e / UDP(sport=5060, dport=40000) / Raw(b"SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\n"),
        e / UDP(sport=40000, dport=5060) / Raw(b"register sip:example.com SIP/2.0\r\n\r\n"),
        e / UDP(sport=40000, dport=5060) / Raw(b"FOO sip:x SIP/2.0\r\n\r\n"),
        e / UDP(sport=40000, dport=5060) / Raw(b"BYE sip:bob@example.com SIP/2.0"),
        e / UDP(sport=40000, dport=5060) / Raw(b"\x01\x02binary"),
    ]


def udp_oneline_set():
    """The UDP applications printed by their fixed header alone without -v:
    LMP (701) with every message type, an unknown one and other versions;
    VQP (1589) with every type and error code, unknown ones, version 2 and
    a payload shorter than the header; sFlow (6343) v5 with IPv4 and IPv6
    agents and v4; LWAPP control frames to 12223 (after the AP identity)
    and from it, data frames on 12222 with each flag bit, version 1; OTV
    (8472) with and without the I flag around an Ethernet frame and shorter
    than its header; and these ports paired with syslog (514), VXLAN
    (4789), SIP (5060) and Geneve (6081), which tcpdump tries after them."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    inner = bytes(Ether(src=A, dst=B) / IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())

    def lmp(typ, ver=1):
        return struct.pack(">HBBHH", ver << 12, 0, typ, 8, 0) + b"\x00\x01\x02\x03"

    def vqp(typ, err, ver=1):
        return struct.pack(">BBBBI", ver, typ, err, 2, 0x1234) + b"\x00" * 6

    def sflow(ver, iptype):
        return struct.pack(">II4sIIII", ver, iptype, bytes([192, 0, 2, 1]), 7, 100, 5000, 0)

    def lwapp(first, ident=b""):
        return ident + bytes([first, 3]) + struct.pack(">HH", 20, 0) + bytes(range(20))

    ident = bytes([0, 0x11, 0x22, 0x33, 0x44, 0x55])
    pl = []
    pl += [(40000, 701, lmp(t)) for t in range(0, 22)]
    pl += [(701, 40000, lmp(4, ver=0)), (40000, 701, lmp(4, ver=2)), (40000, 701, lmp(1)[:7])]
    pl += [(40000, 1589, vqp(t, 0)) for t in range(0, 6)]
    pl += [(1589, 40000, vqp(2, err)) for err in (1, 3, 4, 5, 6, 255)]
    pl += [(40000, 1589, vqp(1, 0, ver=2)), (40000, 1589, vqp(1, 0)[:7])]
    pl += [(40000, 6343, sflow(5, 1)), (6343, 40000, sflow(5, 2)), (40000, 6343, sflow(4, 1)),
           (40000, 6343, sflow(5, 1)[:20])]
    pl += [(40000, 12223, lwapp(f, ident)) for f in (0x00, 0x01, 0x04, 0x07, 0x3f)]
    pl += [(12223, 40000, lwapp(0x04)), (40000, 12223, lwapp(0x44, ident)),
           (40000, 12223, ident[:4]), (12223, 40000, b"\x04\x00\x00")]
    pl += [(40000, 12222, lwapp(f)) for f in (0x00, 0x02, 0x05, 0x80)]
    pl += [(40000, 12222, b"\x00\x01\x00\x00\x00")]
    otv = lambda flags, body: struct.pack(">B3s3sB", flags, (77).to_bytes(3, "big"), (5).to_bytes(3, "big"), 0) + body
    pl += [(40000, 8472, otv(0x08, inner)), (8472, 40000, otv(0x00, inner)),
           (40000, 8472, otv(0x08, b"")), (40000, 8472, otv(0x08, inner)[:7])]
    # tcpdump 4.99.3 tries these ports before syslog, VXLAN, SIP and Geneve
    pl += [(514, 701, lmp(4)), (4789, 1589, vqp(1, 0)), (6343, 514, sflow(5, 1)),
           (5060, 12223, lwapp(0x04, ident)), (12222, 6081, lwapp(0x01)),
           (4789, 8472, otv(0x08, inner)), (514, 8472, otv(0x08, inner)),
           (8472, 6081, otv(0x08, inner))]
    frames = [e / UDP(sport=sp, dport=dp) / Raw(body) for sp, dp, body in pl]
    frames.append(Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=40000, dport=701) / Raw(lmp(5)))
    short = e / UDP(sport=40000, dport=6343) / Raw(sflow(5, 1))
    short[UDP].len = 20  # a UDP length inside the sFlow header
    short_vqp = e / UDP(sport=40000, dport=1589) / Raw(vqp(1, 0))
    short_vqp[UDP].len = 13  # and inside the VQP header
    return frames + [short, short_vqp]


def dccp_set():
    """DCCP (IP protocol 33) over IPv4 and IPv6: every packet type with
    48- and 24-bit sequence numbers, an unknown type, each option tcpdump
    decodes (features, cookies, ack vectors, timestamps, elapsed times,
    CCID options) and its bad lengths, a checksum coverage (CsCov) short
    of the packet, a bad checksum, lengths under the generic header and
    a type's fields, a data offset past the packet."""
    from socket import inet_aton, inet_pton, AF_INET6
    e = Ether(src=A, dst=B)

    def hdr(typ, sport=5001, dport=6001, x=1, seq=0x0102030405, doff=None, cc=0, rest=b"",
            opts=b"", data=b""):
        fixed = 16 if x else 12
        if doff is None:
            doff = (fixed + len(rest) + len(opts)) // 4
        h = struct.pack(">HHBBH", sport, dport, doff, cc, 0)
        if x:
            h += bytes([typ << 1 | 1, 0]) + seq.to_bytes(6, "big")
        else:
            h += bytes([typ << 1]) + (seq & 0xffffff).to_bytes(3, "big")
        return h + rest + opts + data

    def sealed(msg, pseudo, bad=False):
        cscov = msg[5] & 0xf
        cov = len(msg) if cscov == 0 else min(len(msg), (msg[4] + cscov - 1) * 4)
        ck = inet_sum(pseudo + msg[:cov]) ^ (0x4321 if bad else 0)
        return msg[:6] + struct.pack(">H", ck) + msg[8:]

    def v4(msg, bad=False):
        ps = inet_aton(IA) + inet_aton(IB) + struct.pack(">BBH", 0, 33, len(msg))
        return e / IP(src=IA, dst=IB, proto=33) / Raw(sealed(msg, ps, bad))

    def v6(msg):
        ps = inet_pton(AF_INET6, SA) + inet_pton(AF_INET6, SB) + struct.pack(">IxxxB", len(msg), 33)
        return e / IPv6(src=SA, dst=SB, nh=33) / Raw(sealed(msg, ps))

    ack6 = struct.pack(">HHI", 0, 0x0a0b, 0x0c0d0e0f)
    ack3 = b"\0\x0a\x0b\x0c"
    req_opts = (b"\x20\x04\x01\x02" + b"\x23\x03\x02" + b"\x29\x06\x00\x01\x02\x03" + b"\x00\x01"
                + b"\x80\x04\x01\x02" + b"\xc0\x06\x00\x00\x01\x00" + b"\x90\x03\x07\x00")
    ack_opts = (b"\x25\x04\x01\x02" + b"\x26\x05\xaa\xbb\xcc" + b"\x27\x03\x01" + b"\x28\x04\x10\x20"
                + b"\x24\x06\xde\xad\xbe\xef" + b"\x2a\x06\x00\x00\x00\x09"
                + b"\x2a\x08\x00\x00\x00\x09\x00\x05" + b"\x2a\x0a\x00\x00\x00\x09\x00\x00\x01\x00"
                + b"\x2b\x04\x01\x00" + b"\x2b\x06\x00\x01\x00\x00" + b"\x2c\x06\x01\x02\x03\x04"
                + b"\x64\x03\x01" + b"\x03" + b"\x21\x05\x0c\x01\x02" + b"\x02\x00\x00")
    bad_opts = (b"\x29\x05\x01\x02\x03" + b"\x2a\x07\x01\x02\x03\x04\x05" + b"\x2b\x05\x01\x02\x03"
                + b"\x22\x02" + b"\x24\x02" + b"\x2c\x02" + b"\x00\x00")
    return [
        v4(hdr(0, rest=struct.pack(">I", 42), opts=req_opts)),
        v4(hdr(1, sport=6001, dport=5001, rest=ack6 + struct.pack(">I", 42))),
        v4(hdr(2, data=b"hello dccp"), bad=True),
        v4(hdr(3, x=0, rest=ack3, opts=ack_opts)),
        v4(hdr(4, rest=ack6, cc=0x51, data=b"data" * 6)),
        v4(hdr(4, rest=ack6, cc=0x02, data=b"data" * 6)),
        v4(hdr(5, rest=ack6)),
        v4(hdr(6, x=0, rest=ack3)),
        v4(hdr(7, rest=ack6 + b"\x03\x00\x00\x00")),
        v4(hdr(7, rest=ack6 + b"\x14\x00\x00\x00")),
        v4(hdr(8, rest=ack6, opts=bad_opts)),
        v4(hdr(9, rest=ack6)),
        v4(hdr(12, rest=ack6)),
        v4(hdr(12, x=0, rest=b"")[:12]),
        v4(hdr(3, rest=ack6, opts=b"\x29\x01\x00\x00")),
        v4(hdr(3, rest=ack6, opts=b"\x85\x00\x00\x00")),
        v4(hdr(3, rest=ack6, opts=b"\x20\x09\x01\x02", doff=7)),
        v4(hdr(3, rest=ack6, opts=b"\x2c\x09\x01\x02", doff=6)),
        v4(hdr(3, rest=ack6, doff=40)),
        v4(hdr(3, rest=ack6, doff=2)),
        v4(hdr(2)[:8]),
        v4(hdr(2)[:14]),
        v4(hdr(0, x=0)),
        v4(hdr(1, rest=ack6)),
        v4(hdr(7, rest=ack6)),
        v4(hdr(3)),
        v6(hdr(0, rest=struct.pack(">I", 7), opts=b"\x20\x04\x01\x03")),
        v6(hdr(4, rest=ack6, data=b"six")),
    ]


def cisco_l2_set():
    """Cisco VTP (PID 0x2003), DTP (0x2004) and UDLD (0x0111) over SNAP:
    VTP summary and subset advertisements (VLAN fields with every TLV
    type, unknown status and types), requests, joins and an unknown code,
    domain lengths out of bounds, short messages, VLAN fields and TLVs
    past their room; DTP domain, status, type, neighbor and unknown TLVs,
    zero-type padding and bad lengths; UDLD of each opcode and flag with
    every TLV, and lengths that do not fit."""
    def snap(pid, pl, dst="01:00:0c:cc:cc:cc"):
        llc = b"\xaa\xaa\x03\x00\x00\x0c" + struct.pack(">H", pid) + pl
        return Ether(src=A, dst=dst, type=len(llc)) / Raw(llc + bytes(max(0, 46 - len(llc))))

    def vtp(code, b3, body, dom=b"corp", dlen=None, ver=1):
        return (bytes([ver, code, b3, len(dom) if dlen is None else dlen]) + dom.ljust(32, b"\0")
                + body)

    def vlan(name, tlvs=b"", status=0, vtype=1, vid=1, mtu=1500, said=100001, ln=None, nlen=None):
        nm = name.ljust(4 * ((len(name) + 3) // 4), b"\0")
        rest = bytes([status, vtype, len(name) if nlen is None else nlen]) + struct.pack(">HHI", vid, mtu, said) + nm + tlvs
        return bytes([1 + len(rest) if ln is None else ln]) + rest

    def vt(t, v, words=1):
        return bytes([t, words]) + struct.pack(">H", v)

    rev = struct.pack(">I", 0x1f)
    summary = rev + bytes([10, 0, 0, 1]) + b"930301000000" + bytes(range(16))
    tlvs = (vt(3, 2) + vt(3, 9) + vt(6, 1) + vt(6, 0) + vt(7, 1) + vt(7, 0) + vt(0x0a, 1) + vt(0x0a, 0)
            + vt(9, 7) + vt(8, 7) + vt(1, 0x0a0b) + vt(0x20, 0x1234))
    subset = rev + vlan(b"default") + vlan(b"v10", tlvs, status=1, vtype=5, vid=10) + vlan(b"odd", status=7, vtype=9)

    def dtp(*tlvs, ver=1):
        return bytes([ver]) + b"".join(tlvs)

    def dt(t, v, ln=None):
        return struct.pack(">HH", t, 4 + len(v) if ln is None else ln) + v

    mac = bytes.fromhex("001122334455")

    def udld(op, flags, *tlvs, ver=1):
        return bytes([ver << 5 | op, flags]) + b"\x12\x34" + b"".join(tlvs)

    probe = (dt(1, b"FOC1234X\0tail"), dt(2, b"Gi0/1"), dt(3, b"\0\0\0\x01FOC9\x01\x80"),
             dt(4, b"\x0f"), dt(5, b"\x05"), dt(6, b"sw1"), dt(7, struct.pack(">I", 77)), dt(9, b"ab"))
    return [
        snap(0x2003, vtp(1, 1, summary)),
        snap(0x2003, vtp(2, 1, subset, ver=2)),
        snap(0x2003, vtp(3, 0, struct.pack(">I", 5))),
        snap(0x2003, vtp(4, 0, b"\0" * 4)),
        snap(0x2003, vtp(9, 0, b"\0" * 4, dom=b"x" * 32)),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v") + b"\0" + b"\x77" * 3)),
        snap(0x2003, vtp(1, 1, b"", dlen=0)),
        snap(0x2003, vtp(1, 1, b"", dlen=40)),
        snap(0x2003, vtp(1, 1, b"")[:30]),
        snap(0x2003, vtp(2, 1, rev + b"\x08" + bytes(7))),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v", nlen=30))),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v", vt(3, 1, words=2) + b"\0\0"))),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v", b"\x03\x05\0\0"))),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v", b"\x03"))),
        snap(0x2003, vtp(2, 1, rev + vlan(b"v", ln=60))),
        snap(0x2004, dtp(dt(1, b"corp\0\0\0\0"), dt(2, b"\x03"), dt(3, b"\xa5"), dt(4, mac), dt(9, b"xy"),
                         b"\0" * 8)),
        snap(0x2004, dtp(dt(1, b"d"), dt(5, b"", ln=2))),
        snap(0x2004, dtp(dt(1, b"d"), dt(5, b"", ln=40))),
        snap(0x2004, dtp(dt(2, b"\x01\x02"))),
        snap(0x2004, dtp(dt(4, mac[:4]))),
        snap(0x2004, dtp(dt(2, b"\x01"), b"\x00\x01\x00")),
        snap(0x2004, b""),
        snap(0x0111, udld(1, 0x01, *probe)),
        snap(0x0111, udld(2, 0x02, dt(1, b"dev"))),
        snap(0x0111, udld(3, 0x00)),
        snap(0x0111, udld(0, 0xff, ver=7)),
        snap(0x0111, udld(9, 0x03, dt(4, b"\x0f"))),
        snap(0x0111, b"\x21\x01"),
        snap(0x0111, udld(1, 1, dt(1, b"", ln=4))),
        snap(0x0111, udld(1, 1, dt(1, b"abc", ln=30))),
        snap(0x0111, udld(1, 1, dt(4, b"\x01\x02"))),
        snap(0x0111, udld(1, 1, dt(7, b"\x01\x02\x03"))),
        snap(0x0111, udld(1, 1, dt(1, b"a"), b"\x00\x01\x00")),
    ]


def radius_v_set():
    """RADIUS attributes for -v and -vv: every printer tcpdump has (text
    with tunnel tags, salts and RFC 4675 tags, numbers with their named
    values and durations, IPv4 and IPv6 addresses and prefixes, dates,
    Vendor-Specific with raw sub-attributes, EAP-Message, ARAP fields,
    Error-Cause, MIP6 and RFC 5580 location attributes), types without a
    printer or name, values whose length misfits their form, attribute
    and sub-attribute lengths under their header or past the packet, a
    length field past the UDP payload; one over IPv6."""
    from socket import inet_pton, AF_INET6
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)

    def at(t, v, ln=None):
        return bytes([t, 2 + len(v) if ln is None else ln]) + v

    def u32(v):
        return struct.pack(">I", v)

    def rad(code, *attrs, ident=7, ln=None):
        body = b"".join(attrs)
        return struct.pack(">BBH", code, ident, 20 + len(body) if ln is None else ln) + bytes(range(16, 32)) + body

    def to(port, payload, src=40000):
        return e / UDP(sport=src, dport=port) / Raw(payload)

    ip6 = inet_pton(AF_INET6, "2001:db8::1")
    ntp = struct.pack(">II", 3913056000, 0x80000000)
    eap_id = b"\x02\x05\x00\x09\x01user"
    vsa = u32(311) + at(1, b"ms-chap") + at(26, b"\x00\x01\x7f")
    return [
        to(1812, rad(1, at(1, b"alice@example.com"), at(4, bytes([10, 0, 0, 1])), at(5, u32(3)),
                     at(6, u32(2)), at(7, u32(1)), at(30, b"00-11-22-33-44-55:corp"),
                     at(31, b"66-77-88-99-aa-bb"), at(32, b"ap1"), at(61, u32(19)),
                     at(79, eap_id), at(80, bytes(range(16))), at(24, b"st\x01\xfe"),
                     at(25, b"class\x00rest"))),
        to(1812, rad(2, at(8, u32(0xffffffff)), at(8, u32(0xfffffffe)), at(8, bytes([10, 1, 2, 3])),
                     at(9, bytes([255, 255, 255, 0])), at(10, u32(3)), at(12, u32(1500)), at(13, u32(1)),
                     at(22, b"10.9.0.0/16 10.0.0.1 1"), at(23, u32(0xfffffffe)), at(23, u32(77)),
                     at(88, b"pool1"), at(27, u32(30)), at(28, u32(600)), at(27, u32(7322)), at(29, u32(1)),
                     at(18, b"Welcome\r\n"), at(11, b"std.acl"), at(26, vsa), ident=8)),
        to(1812, rad(2, at(64, b"\x01\x00\x00\x0d"), at(65, b"\x00\x00\x00\x06"), at(64, b"\x21\x00\x00\x63"),
                     at(81, b"\x0110"), at(81, b"\x00x"), at(81, b"vlan"), at(56, b"\x31\x00\x00\x0a"),
                     at(56, b"\x40\x00\x00\x0b"), at(58, b"\x32guests"), at(69, b"\x05\x12\x34secret"),
                     at(69, b"\x40\x00\x01x"), at(83, b"\x00\x00\x00\x02"), at(83, b"\x03\x00\x00\x01"),
                     at(66, b"\x0210.0.0.9"), at(67, b"server"), at(82, b"\x1fid"), at(90, b"\x00c"),
                     at(91, b"srv"), ident=9)),
        to(1813, rad(4, at(40, u32(1)), at(40, u32(99)), at(41, u32(5)), at(42, u32(123456)), at(43, u32(654321)),
                     at(44, b"sess-0001"), at(45, u32(1)), at(46, u32(3600)), at(47, u32(10)), at(48, u32(20)),
                     at(49, u32(1)), at(49, u32(23)), at(50, b"multi"), at(51, u32(2)), at(52, u32(1)),
                     at(53, u32(0)), at(55, u32(1700000000)), at(85, u32(59)), at(68, b"conn"), at(86, u32(4)),
                     at(57, u32(1)), at(62, u32(9)), at(16, u32(23)), at(15, u32(8)), at(15, u32(9)), ident=10)),
        to(1813, rad(4, at(95, ip6), at(97, b"\x00\x40" + ip6[:8]), at(97, b"\x00\x81" + ip6), at(97, b"\x00\x80" + ip6[:2]),
                     at(97, b"\x00"), at(98, ip6), at(99, b"2001:db8::/64 :: 1"), at(100, b"v6pool"),
                     at(123, b"\x01\x38" + ip6[:7]), at(96, bytes(8)), at(124, bytes.fromhex("0003010000000003")),
                     at(125, b"\x40" + ip6), at(125, b"\x90" + ip6), at(126, b"\x31example.net"), at(126, b"\x20x"),
                     at(127, b"\x00\x01\x01\x00" + ntp + bytes(8) + b"gps"),
                     at(127, b"\x00\x02\x07\x09" + bytes(16) + b"m"),
                     at(128, b"\x00\x01US\x00\x01CA"), at(129, b"\x80\x01" + ntp + b"keep"),
                     at(129, b"\x00\x00" + bytes(8)), ident=11)),
        to(1812, rad(1, at(70, bytes(range(16))), at(71, b"\x01\x08" + bytes(range(12))),
                     at(71, b"\x00\x08" + bytes(12)), at(72, u32(4)), at(84, bytes(range(8, 16))), at(101, u32(201)),
                     at(101, u32(777)), at(76, u32(1)), at(37, u32(0)), at(37, u32(5)), at(38, u32(0)),
                     at(38, u32(6)), at(73, b"sec"), at(39, b"zone"))),
        to(1812, rad(1, at(0, b"zero"), at(130, b"next"), at(200, b"\x01\x02"), at(255, b""), at(2, bytes(16)),
                     at(3, bytes(17)), at(59, bytes(8)), at(102, b"key"), at(17, b"u"), at(60, b"chal"),
                     at(94, b"\x00\x01"), at(122, b"sip:bob@example.com"), at(103, b"resp"))),
        to(1812, rad(1, at(5, b"\x00\x01"), at(4, b"\x01\x02\x03"), at(95, bytes(4)), at(55, bytes(5)),
                     at(124, bytes(4)), at(125, bytes(3)), at(70, bytes(3)), at(71, bytes(3)), at(84, bytes(3)),
                     at(101, bytes(3)), at(126, b"\x31"), at(127, bytes(5)), at(128, b"ab"), at(129, bytes(4)),
                     at(69, b"\x01\x02"))),
        to(1812, rad(1, at(26, b"\x00\x00\x00"))),
        to(1812, rad(1, at(26, u32(9) + b"\x01\x01abc"))),
        to(1812, rad(1, at(26, u32(9) + b"\x01\x09abc"))),
        to(1812, rad(1, at(26, u32(12356) + at(1, b"forti") + b"\x07"))),
        to(1812, rad(1, at(79, b"\x01\x01\x00\x30\x01"))),
        to(1812, rad(11, at(79, b"\x01\x02\x00\x06\x0d\x20"), at(80, bytes(16)))),
        to(1812, rad(1, at(1, b"u"), at(1, b"v", ln=1))),
        to(1812, rad(1, at(1, b"u"), at(1, b"v", ln=0))),
        to(1812, rad(1, at(1, b"u"), at(1, b"vwxyz", ln=60))),
        to(1812, rad(1, at(1, b"u")) + b"\x01"),
        to(1812, rad(1, at(1, b"u"), ln=21) + b"\x05"),
        to(1812, rad(2, at(18, b"long"), ln=200)),
        to(1812, rad(2, at(18, b"x"), ln=12)),
        to(3799, rad(40, at(1, b"bob"), at(101, u32(503)))),
        to(3799, rad(44, at(101, u32(402)))),
        to(1646, rad(5), src=1813),
        Ether(src=A, dst=B) / IPv6(src=SA, dst=SB) / UDP(sport=40000, dport=1813) / Raw(rad(4, at(1, b"six"), at(40, u32(2)))),
    ]


def hsrp_set():
    """HSRP (RFC 2281) to UDP 1985: hello, coup and resign and an unknown
    op code, every state and an unknown one, a nonzero reserved byte,
    authentication data filling its 8 bytes, cut by a NUL and holding
    control and high bytes, hello and hold times over a minute; versions 1
    and 2 (tcpdump decodes version 0 only); a payload shorter than the
    header, from 1985 to another port (tcpdump goes by the destination),
    RADIUS and lwres ports paired with 1985 (RADIUS is tried first, lwres
    after), and one over IPv6."""
    from socket import inet_aton
    e = Ether(src=A, dst="01:00:5e:00:00:02") / IP(src=IA, dst="224.0.0.2", ttl=1)

    def hsrp(op=0, state=16, hello=3, hold=10, prio=100, group=1, rsvd=0, auth=b"cisco", vip="10.0.0.254", ver=0):
        return struct.pack(">8B", ver, op, state, hello, hold, prio, group, rsvd) + auth.ljust(8, b"\0")[:8] + inet_aton(vip)

    def to(payload, sport=1985, dport=1985, ip=e):
        return ip / UDP(sport=sport, dport=dport) / Raw(payload)

    pl = [hsrp(op=op) for op in range(4)] + [hsrp(op=200)]
    pl += [hsrp(state=st) for st in (0, 1, 2, 4, 8, 16, 3, 32, 255)]
    pl += [hsrp(rsvd=7, group=255, prio=255), hsrp(auth=b"12345678"), hsrp(auth=b"ab\0cdefg"),
           hsrp(auth=b"\x01\x7f\x80\xff\tz\x1b0"), hsrp(auth=b""), hsrp(hello=0, hold=255),
           hsrp(hello=61, hold=200), hsrp(ver=1), hsrp(ver=2, op=9), hsrp()[:12], hsrp()[:1], b""]
    frames = [to(x) for x in pl]
    frames += [to(hsrp(), dport=40000), to(hsrp(), sport=40000, dport=1985), to(hsrp(), sport=1812),
               to(hsrp(), sport=921), to(hsrp(), sport=646), to(hsrp(), sport=4567),
               to(hsrp(), ip=Ether(src=A, dst=B) / IPv6(src=SA, dst="ff02::66"))]
    long_udp = to(hsrp())
    long_udp[UDP].len = 40  # a UDP length past the IP payload
    short_udp = to(hsrp())
    short_udp[UDP].len = 20  # a UDP length inside the header
    return frames + [long_udp, short_udp]


def l2tp_set():
    """L2TPv2 (RFC 2661) on UDP 1701: control messages of every type with
    the AVPs tcpdump decodes (message types, result and error codes,
    versions, capabilities, names, counters, proxy authentication, Q.931
    and PPP disconnect causes, call errors, ACCM), hidden, vendor and
    unknown AVPs, each value printer's short forms (a 1-byte value of
    every type) and bad AVP lengths; ZLB acknowledgements, a control
    message without its length, lengths past the payload and under the
    header, offset padding, priority; data messages with PPP frames (IP,
    LCP, a compressed protocol field); L2F and other versions; 1701
    paired with the ports tcpdump tries around it, and one over IPv6."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    ppp_ip = b"\xff\x03\x00\x21" + bytes(IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())
    lcp = b"\xff\x03\xc0\x21" + bytes.fromhex("0101000e0104058c0506a1b2c3d4")

    def avp(t, v=b"", m=True, h=False, vendor=0, ln=None):
        flags = (0x8000 if m else 0) | (0x4000 if h else 0)
        return struct.pack(">HHH", flags | (6 + len(v) if ln is None else ln), vendor, t) + v

    def ctl(*avps, tun=3, sess=0, ns=0, nr=0, flags=0xc802, ln=None):
        body = b"".join(avps)
        return struct.pack(">HHHHHH", flags, 12 + len(body) if ln is None else ln, tun, sess, ns, nr) + body

    def msg(t):
        return avp(0, struct.pack(">H", t))

    def data(payload, flags=0x0002, tun=3, sess=9, extra=b""):
        return struct.pack(">H", flags) + extra + struct.pack(">HH", tun, sess) + payload

    def to(payload, sport=1701, dport=1701, ip=e):
        return ip / UDP(sport=sport, dport=dport) / Raw(payload)

    u16 = lambda v: struct.pack(">H", v)
    u32 = lambda v: struct.pack(">I", v)
    pl = [ctl(msg(t)) for t in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 300)]
    pl += [
        ctl(msg(1), avp(2, b"\x01\x00"), avp(3, u32(3)), avp(4, u32(3)), avp(5, bytes(range(8))),
            avp(6, u16(0x0680), m=False), avp(7, b"lac.example"), avp(8, b"Vendor \x01\x7f\xe9", m=False),
            avp(9, u16(7)), avp(10, u16(4)), avp(11, bytes(range(16)))),
        ctl(msg(2), avp(3, u32(1)), avp(4, u32(2)), avp(13, bytes(range(16, 32))), avp(9, u16(12))),
        ctl(msg(4), avp(1, u16(1)), avp(9, u16(7))),
        ctl(msg(4), avp(1, u16(2) + u16(6)), avp(1, u16(2) + u16(6) + b"try again"), avp(1, b"\x00\x02\x00")),
        ctl(msg(10), avp(14, u16(9)), avp(15, u32(123456)), avp(18, u32(1)), avp(22, b"5551234"),
            avp(21, b"5559876"), avp(23, b"sub"), avp(25, u32(0xffffffff)), avp(16, u32(9600)), avp(17, u32(64000))),
        ctl(msg(12), avp(24, u32(100000000)), avp(19, u32(2)), avp(26, lcp[4:]), avp(27, lcp[4:10]),
            avp(28, b"\x01"), avp(29, u16(2)), avp(29, u16(5)), avp(29, u16(9)), avp(30, b"alice"),
            avp(31, bytes(range(8))), avp(32, u16(0x1234)), avp(33, bytes(range(16))), avp(38, u32(56000)),
            avp(39), avp(37, b"grp"), sess=9),
        ctl(msg(14), avp(1, u16(3)), avp(12, u16(16) + b"\x80"), avp(12, u16(17) + b"\x02busy"),
            avp(46, u16(1) + u16(0xc021) + b"\x01"), avp(46, u16(2) + u16(0x8021) + b"\x02peer gone"),
            avp(46, u16(3) + u16(0xc021) + b"\x09"), avp(14, u16(9)), sess=9),
        ctl(msg(15), avp(34, bytes(2) + b"".join(u32(i) for i in range(1, 7))), sess=9),
        ctl(msg(16), avp(35, bytes(2) + u32(0xffffffff) + u32(0x000a0000)), sess=9),
        ctl(msg(1), avp(20, u16(5)), avp(36, bytes(range(12))), avp(40, b"x"), avp(100, u32(1)),
            avp(7, b"secret", h=True), avp(1, b"hidden", vendor=9), avp(9, u16(7), h=True, vendor=311),
            avp(0, b"\x00\x01", m=False)),
        ctl(msg(1), *[avp(t, b"\x01") for t in range(0, 47)]),
        ctl(msg(15), avp(34, b"\x00"), avp(34, bytes(2) + u32(1)), avp(34, bytes(2) + u32(1) * 3 + b"\x01"),
            avp(35, bytes(2)), avp(35, bytes(2) + u32(1) + b"\x02"), avp(12, b"\x00\x10"), avp(46, bytes(4))),
        ctl(msg(1), avp(7, b"h"), avp(8, b"v", ln=5)),
        ctl(msg(1), avp(7, b"h"), avp(8, b"vendor", ln=40)),
        ctl(msg(1), avp(7, b"h")) + b"\x80",
        ctl(ln=12),
        ctl(ln=12) + avp(0, u16(6)),
        ctl(msg(6), flags=0x8802)[:2] + ctl(msg(6))[4:],
        ctl(msg(6), ln=200),
        ctl(msg(6), ln=8),
        ctl(msg(6), flags=0xc902),
        data(ppp_ip),
        data(lcp),
        data(b"\x21" + bytes(IP(src="192.168.0.1", dst="192.168.0.2") / UDP(sport=5, dport=7))),
        data(ppp_ip, flags=0x4002, extra=u16(8 + len(ppp_ip))),
        data(ppp_ip, flags=0x0802, extra=b""),
        data(b"\x00\x04" + bytes(4) + ppp_ip, flags=0x0202),
        data(b"\x00\x40" + bytes(4), flags=0x0202),
        data(ppp_ip, flags=0x4002, extra=u16(7)),
        data(b"\xff\x03\x80\x57"),
        data(b"\x21"),
        data(b""),
        b"\xc8\x01\x00\x0c",
        b"\x00\x03\x00\x00",
        b"\xc8",
    ]
    frames = [to(x) for x in pl]
    # a data message with Ns/Nr (S) after its session id
    frames.append(to(struct.pack(">HHHHH", 0x0802, 3, 9, 1, 2) + ppp_ip))
    frames += [to(ctl(msg(6)), sport=88), to(ctl(msg(6)), sport=40000), to(ctl(msg(6)), dport=2103),
               to(ctl(msg(6)), dport=521), to(ctl(msg(6)), sport=750), to(ctl(msg(6)), dport=3456),
               to(ctl(msg(6)), dport=7001), to(ctl(msg(6)), sport=1701, dport=123),
               to(ctl(msg(6)), ip=Ether(src=A, dst=B) / IPv6(src=SA, dst=SB))]
    long_udp = to(ctl(msg(6)))
    long_udp[UDP].len = 40  # a UDP length past the IP payload
    short_udp = to(ctl(msg(6), avp(7, b"host")))
    short_udp[UDP].len = 24  # a UDP length inside the AVPs
    return frames + [long_udp, short_udp]


def gpe_mpls_set():
    """VXLAN-GPE (UDP 4790) with each flag bit and none, IPv4, IPv6,
    Ethernet and NSH inside and unknown next protocols, shorter than its
    header; NSH with MD type 1 context words, MD type 2 TLVs (and a TLV
    length past the header), an unknown MD type, flag and version bits, a
    length under 2 words or past the payload, each next protocol; MPLS in
    UDP (6635, RFC 7510) with one and two labels, explicit NULL labels,
    a payload guessed from its first byte or not, a stack past the
    payload; these ports paired with ZEP (17754), Geneve, VXLAN and PTP,
    which tcpdump tries around them (LISP 4342 and ZEP before MPLS are
    not decoded: tests/test_cli_print_diff.c); one over IPv6."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)
    ip4 = bytes(IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())
    ip6 = bytes(IPv6(src="2001:db8::a", dst="2001:db8::b") / UDP(sport=1000, dport=2000))
    eth = bytes(Ether(src=A, dst=B) / IP(src="192.168.0.1", dst="192.168.0.2") / ICMP())

    def gpe(np, body, flags=0x0c, vni=0x123456):
        return struct.pack(">BHB", flags, 0, np) + vni.to_bytes(3, "big") + b"\x00" + body

    def nsh(np, body, ctx=(), md=1, flags=0x00, words=None, spi=0x000abc, si=255):
        ctxb = b"".join(ctx)
        w = 2 + len(ctxb) // 4 if words is None else words
        return struct.pack(">BBBB", flags, w, md, np) + spi.to_bytes(3, "big") + bytes([si]) + ctxb + body

    def label(v, s=0, ttl=64, tc=0):
        return struct.pack(">I", (v << 12) | (tc << 9) | (s << 8) | ttl)

    def to(payload, sport=40000, dport=4790, ip=e):
        return ip / UDP(sport=sport, dport=dport) / Raw(payload)

    words = [struct.pack(">I", v) for v in (1, 0xdeadbeef, 3, 0xffffffff)]
    tlvs = [struct.pack(">HBB", 0x0101, 7, 1) + struct.pack(">I", 0xabcdef01),
            struct.pack(">HBB", 9, 1, 0)]
    pl = [gpe(1, ip4), gpe(2, ip6), gpe(3, eth), gpe(1, ip4, flags=0), gpe(1, ip4, flags=1),
          gpe(1, ip4, flags=2), gpe(1, ip4, flags=0xff), gpe(5, label(16, 1) + ip4), gpe(0x99, ip4),
          gpe(1, b""), gpe(1, ip4)[:5],
          gpe(4, nsh(1, ip4, words)), gpe(4, nsh(2, ip6, tlvs, md=2, flags=0x30)),
          gpe(4, nsh(3, eth, words[:1], md=3, flags=0xc0)), gpe(4, nsh(9, ip4)), gpe(4, nsh(4, ip4)),
          gpe(4, nsh(1, ip4, [struct.pack(">HBB", 1, 2, 5)], md=2)), gpe(4, nsh(1, ip4, words, words=1)),
          gpe(4, nsh(1, b"", words, words=40)), gpe(4, nsh(1, ip4)[:6]), gpe(4, nsh(1, ip4, flags=0x10))]
    frames = [to(x) for x in pl]
    mp = [label(16, 1) + ip4, label(100) + label(2, 1, tc=5) + ip6, label(0, 1) + ip4,
          label(3, 1) + ip4, label(200, 1) + b"\x00\x01\x02\x03", label(1) + label(300, 1) + ip6,
          label(500, 1), label(500), label(15, 1, ttl=1) + ip4]
    frames += [to(x, dport=6635) for x in mp]
    frames += [to(gpe(1, ip4), sport=4790, dport=17754),
               to(gpe(1, ip4), sport=6081), to(gpe(1, ip4), sport=4789), to(gpe(1, ip4), sport=319),
               to(label(16, 1) + ip4, sport=319, dport=6635), to(label(16, 1) + ip4, sport=4790, dport=6635),
               to(gpe(3, eth), ip=Ether(src=A, dst=B) / IPv6(src=SA, dst=SB)),
               to(label(16, 1) + ip4, dport=6635, ip=Ether(src=A, dst=B) / IPv6(src=SA, dst=SB))]
    return frames


def ipcomp_set():
    """IPComp (RFC 3173, IP protocol 108) over IPv4 and IPv6: CPIs of each
    size, a header cut by the IP length or the capture, after an AH
    header and in a later fragment (not decoded, as tcpdump)."""
    e = Ether(src=A, dst=B)

    def comp(cpi, nxt=4, flags=0, body=bytes(range(24))):
        return struct.pack(">BBH", nxt, flags, cpi) + body

    def v4(payload, **kw):
        return e / IP(src=IA, dst=IB, proto=108, **kw) / Raw(payload)

    ah = struct.pack(">BBHII", 108, 4, 0, 0x1000, 7) + bytes(12)
    frames = [v4(comp(cpi)) for cpi in (2, 3, 0x00ff, 0x4a5b, 0xffff)]
    frames += [v4(comp(0x1234, nxt=41, flags=0xff)), v4(comp(5)[:3]), v4(comp(5)[:1]), v4(b""),
               v4(comp(5), frag=8, flags=1), e / IP(src=IA, dst=IB, proto=51) / Raw(ah + comp(0x77)),
               e / IPv6(src=SA, dst=SB, nh=108) / Raw(comp(0x2222, nxt=41)),
               e / IPv6(src=SA, dst=SB, nh=0) / Raw(bytes([108, 0, 1, 4, 0, 0, 0, 0]) + comp(3)),
               e / IPv6(src=SA, dst=SB, nh=108) / Raw(comp(9)[:2])]
    return frames


def calm_set():
    """CALM FAST (ISO 29281, ethertype 0x1111): network references with and
    without data after them (dumped at -v), a payload of 1 and 0 bytes
    (tcpdump's length complaint), behind a VLAN tag, and in Geneve, whose
    printer passes no source address."""
    e = Ether(src=A, dst=B, type=0x1111)
    pl = [b"\xaa\xaa\x03\x00\x00\x0c", b"\x01\x02", bytes([0, 255]) + b"CALM data " + bytes(range(20)),
          b"\x07", b""]
    frames = [e / Raw(x) for x in pl]
    frames.append(Ether(src=A, dst=B) / Dot1Q(vlan=100, type=0x1111) / Raw(b"\x05\x06abc"))
    geneve = struct.pack(">BBHI", 0, 0, 0x1111, 0x00123400) + b"\x08\x09xyz"
    frames.append(Ether(src=A, dst=B) / IP(src=IA, dst=IB) / UDP(sport=40000, dport=6081) / Raw(geneve))
    return frames


def srh_set():
    """IPv6 segment routing headers (routing type 4, RFC 8754): segments
    counted by the header length (not the last entry), flags, an odd
    length, one of length 0, a second routing header after one; UDP and
    TCP checksums, whose pseudo-header takes segment 0 of the first
    routing header (tcpdump's ip6_finddst), also after hop-by-hop options.
    Raw bytes: the checksums are computed here over that destination."""
    s6 = bytes.fromhex("20010db8000000000000000000000001")
    d6 = bytes.fromhex("20010db8000000000000000000000002")
    seg_a = bytes.fromhex("20010db800000000000000000000000a")
    seg_b = bytes.fromhex("20010db800000000000000000000000b")

    def cksum(b):
        b += b"\0" * (len(b) % 2)
        t = sum(struct.unpack(">%dH" % (len(b) // 2), b))
        while t >> 16:
            t = (t & 0xffff) + (t >> 16)
        return ~t & 0xffff

    def srh(nh, length, last=0, flags=0, tag=7, segleft=1):
        return struct.pack(">BBBBBBH", nh, length, 4, segleft, last, flags, tag)

    def frame(first, ext, l4=b"", proto=59, ck_dst=d6):
        if proto in (6, 17):
            off = 6 if proto == 17 else 16
            ph = s6 + ck_dst + struct.pack(">I3xB", len(l4), proto)
            l4 = l4[:off] + struct.pack(">H", cksum(ph + l4)) + l4[off + 2:]
        pl = ext + l4
        ip6 = struct.pack(">IHBB", 0x60000000, len(pl), first, 64) + s6 + d6
        return bytes.fromhex("020000000002020000000001") + b"\x86\xdd" + ip6 + pl

    udp = struct.pack(">HHHH", 1000, 2000, 12, 0) + b"abcd"
    tcp = struct.pack(">HHIIBBHHH", 1000, 80, 1, 0, 0x50, 0x02, 512, 0, 0)
    rt0 = struct.pack(">BBBBI", 17, 2, 0, 1, 0) + seg_b
    return [frame(43, srh(17, 4, last=1) + seg_a + seg_b, udp, 17, seg_a),
            frame(43, srh(59, 2, last=3, flags=5, tag=0xbeef) + seg_a),
            frame(43, srh(59, 3, flags=5) + seg_a + seg_b[:8]),
            frame(43, srh(43, 2) + seg_a + rt0, udp, 17, seg_a),
            frame(43, srh(17, 0, segleft=0), udp + bytes(8), 17, d6),
            frame(43, srh(6, 2) + seg_a, tcp, 6, seg_a),
            frame(0, struct.pack(">BB6x", 43, 0) + srh(17, 2) + seg_a, udp, 17, seg_a)]


def babel_set():
    """Babel (RFC 8966) on UDP 6696 and 6697 for tcpdump's line without
    -v: every TLV type and an unknown one, Pad1, Update flag bits and an
    Update shorter than its fixed part, a trailer, a TLV past the body or
    the payload, a body length past the payload, a bad magic, version 1,
    a header shorter than 4 bytes; 6696 paired with RADIUS, HSRP and
    DHCPv6 ports (AHCP 5359, tried first, is not decoded); one over IPv6."""
    e = Ether(src=A, dst=B) / IP(src=IA, dst=IB)

    def tlv(t, body=b""):
        return bytes([t, len(body)]) + body

    def babel(*t, trailer=b"", ver=2, magic=42, blen=None):
        body = b"".join(t)
        return bytes([magic, ver]) + struct.pack(">H", len(body) if blen is None else blen) + body + trailer

    def to(payload, sport=6696, dport=6696, ip=e):
        return ip / UDP(sport=sport, dport=dport) / Raw(payload)

    upd = lambda flags, extra=b"": tlv(8, bytes([1, flags]) + bytes([24, 0]) + struct.pack(">HHH", 400, 7, 96) + extra)
    allt = [tlv(t, bytes(range(12))) for t in range(1, 22) if t != 8]
    pl = [babel(b"\x00", tlv(4, bytes(6)), tlv(5, bytes(8)), tlv(6, bytes(10)), upd(0x80, b"\x0a\x00\x00"),
                upd(0xc0), upd(0x00), upd(0x3f)),
          babel(*allt), babel(tlv(8, bytes(9))), babel(tlv(4, bytes(6)), trailer=tlv(16, bytes(10)) + b"\x00"),
          babel(tlv(4, bytes(6)), blen=7), babel(tlv(4, bytes(6)), blen=40), babel(tlv(4, bytes(6)) + b"\x04"),
          babel(tlv(4, bytes(6)), trailer=b"\x04\x09\x00"), babel(tlv(4, bytes(6)), magic=43),
          babel(tlv(4, bytes(6)), ver=1), babel()[:3], babel(), b""]
    frames = [to(x) for x in pl]
    frames += [to(babel(tlv(4, bytes(6))), sport=6697, dport=6697),
               to(babel(tlv(4, bytes(6))), sport=1812), to(babel(tlv(4, bytes(6))), sport=40000, dport=1985),
               to(babel(tlv(4, bytes(6))), sport=6697, dport=546),
               to(babel(tlv(4, bytes(6))), ip=Ether(src=A, dst=B) / IPv6(src="fe80::1", dst="ff02::1:6"))]
    return frames


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    write(outdir, "tcp.pcap", stamp(tcp_session()))
    write(outdir, "udp.pcap", stamp(udp_apps(), base=BASE + 100))
    write(outdir, "icmp.pcap", stamp(icmp_misc(), base=BASE + 200))
    write(outdir, "ipv6.pcap", stamp(ipv6_set(), base=BASE + 300))
    write(outdir, "l2.pcap", stamp(l2_set(), base=BASE + 400))
    write(outdir, "apps.pcap", stamp(apps_set(), base=BASE + 600))
    write(outdir, "nano.pcap", stamp(tcp_session()[:3], base=BASE + 500, step=0.000000123), nano=True)
    write(outdir, "review.pcap", stamp(review_set(), base=BASE + 700))
    # routing header with segments left 0 (-v checksum), PPP IPv6 (-e)
    write(outdir, "review6.pcap", stamp(review_set()[-3:], base=BASE + 750))
    write(outdir, "ipopt.pcap", stamp(ipopt_set(), base=BASE + 850))
    ipopt_cuts(outdir)
    linktype_files(outdir)
    truncated_set(outdir)
    cut_set(outdir, "cut_eth.pcap", ["tcp.pcap", "udp.pcap", "icmp.pcap", "ipv6.pcap", "l2.pcap", "apps.pcap"])
    cut_set(outdir, "cut_null.pcap", ["lt_null.pcap"])
    cut_set(outdir, "cut_loop.pcap", ["lt_loop.pcap"])
    write(outdir, "verbose.pcap", stamp(verbose_set(), base=BASE + 880))
    write(outdir, "udplen.pcap", stamp(udp_length_set(), base=BASE + 950))
    write(outdir, "vxlan.pcap", stamp(vxlan_set(), base=BASE + 990))
    cut_set(outdir, "cut_v.pcap", ["verbose.pcap"], flags=("-v",))
    write(outdir, "dns_vv.pcap", stamp(dns_vv_set(), base=BASE + 1010))
    cut_set(outdir, "cut_dns_vv.pcap", ["dns_vv.pcap"], flags=("-vvv",))
    write(outdir, "ntp.pcap", stamp(ntp_set(), base=BASE + 1100))
    write(outdir, "dhcpopt.pcap", stamp(dhcp_opts_set(), base=BASE + 1150))
    cut_set(outdir, "cut_ntp.pcap", ["ntp.pcap"], flags=("-v",))
    cut_set(outdir, "cut_dhcp.pcap", ["dhcpopt.pcap"], flags=("-vvv",))
    write(outdir, "vv.pcap", stamp(vv_set(), base=BASE + 1100))
    cut_set(outdir, "cut_vv.pcap", ["vv.pcap"], flags=("-vv",))
    write(outdir, "nd_lldp.pcap", stamp(nd_lldp_set(), base=BASE + 1020))
    cut_set(outdir, "cut_nd_lldp.pcap", ["nd_lldp.pcap"], flags=("-v",))
    cut_set(outdir, "cut_nd_lldp_vv.pcap", ["nd_lldp.pcap"], flags=("-vv",))
    write_raw(outdir, "arp_kinds.pcap", 1, arp_kinds_set())
    write(outdir, "vrrp.pcap", stamp(vrrp_set(), base=BASE + 1400))
    cut_set(outdir, "cut_vrrp.pcap", ["vrrp.pcap"], flags=("-v",))
    write(outdir, "syslog.pcap", stamp(syslog_set(), base=BASE + 1430))
    cut_set(outdir, "cut_syslog.pcap", ["syslog.pcap"])
    write(outdir, "tftp.pcap", stamp(tftp_set(), base=BASE + 1460))
    cut_set(outdir, "cut_tftp.pcap", ["tftp.pcap"])
    write(outdir, "rip.pcap", stamp(rip_set(), base=BASE + 1490))
    cut_set(outdir, "cut_rip.pcap", ["rip.pcap"], flags=("-v",))
    write(outdir, "mptcp.pcap", stamp(mptcp_set(), base=BASE + 1530))
    cut_set(outdir, "cut_mptcp.pcap", ["mptcp.pcap"])
    write(outdir, "ipsec.pcap", stamp(ipsec_set(), base=BASE + 1530))
    cut_set(outdir, "cut_ipsec.pcap", ["ipsec.pcap"], flags=("-v",))
    write(outdir, "pim.pcap", stamp(pim_set(), base=BASE + 1560))
    cut_set(outdir, "cut_pim.pcap", ["pim.pcap"], flags=("-v",))
    write_raw(outdir, "igmp_pim_edge.pcap", 1, igmp_pim_edge_set())
    write(outdir, "nbt.pcap", stamp(nbt_set(), base=BASE + 1630))
    cut_set(outdir, "cut_nbt.pcap", ["nbt.pcap"])
    write_raw(outdir, "igmp_mtrace.pcap", 1, igmp_mtrace_set())
    write(outdir, "dhcp6.pcap", stamp(dhcp6_set(), base=BASE + 1620))
    cut_set(outdir, "cut_dhcp6.pcap", ["dhcp6.pcap"], flags=("-v",))
    write(outdir, "snmp.pcap", stamp(snmp_set(), base=BASE + 1600))
    cut_set(outdir, "cut_snmp.pcap", ["snmp.pcap"], flags=("-v",))
    write(outdir, "ospf.pcap", stamp(ospf_set(), base=BASE + 1620))
    cut_set(outdir, "cut_ospf.pcap", ["ospf.pcap"], flags=("-v",))
    write(outdir, "ospf6.pcap", stamp(ospf6_set(), base=BASE + 1660))
    cut_set(outdir, "cut_ospf6.pcap", ["ospf6.pcap"], flags=("-vv",))
    write(outdir, "bgp.pcap", stamp(bgp_set(), base=BASE + 1700))
    cut_set(outdir, "cut_bgp.pcap", ["bgp.pcap"], flags=("-v",))
    write(outdir, "ldp.pcap", stamp(ldp_set(), base=BASE + 1700))
    cut_set(outdir, "cut_ldp.pcap", ["ldp.pcap"], flags=("-v",))
    write(outdir, "eigrp.pcap", stamp(eigrp_set(), base=BASE + 1730))
    cut_set(outdir, "cut_eigrp.pcap", ["eigrp.pcap"], flags=("-v",))
    write(outdir, "isakmp.pcap", stamp(isakmp_set(), base=BASE + 1700))
    cut_set(outdir, "cut_isakmp.pcap", ["isakmp.pcap"], flags=("-vv",))
    write(outdir, "bfd.pcap", stamp(bfd_set(), base=BASE + 1700))
    cut_set(outdir, "cut_bfd.pcap", ["bfd.pcap"], flags=("-v",))
    write(outdir, "ripng.pcap", stamp(ripng_set(), base=BASE + 1730))
    cut_set(outdir, "cut_ripng.pcap", ["ripng.pcap"], flags=("-vv",))
    write(outdir, "krb.pcap", stamp(krb_set(), base=BASE + 1760))
    cut_set(outdir, "cut_krb.pcap", ["krb.pcap"])
    write(outdir, "pppcp.pcap", stamp(pppcp_set(), base=BASE + 1760))
    cut_set(outdir, "cut_pppcp.pcap", ["pppcp.pcap"], flags=("-vv",))
    write(outdir, "eap.pcap", stamp(eap_set(), base=BASE + 1760))
    cut_set(outdir, "cut_eap.pcap", ["eap.pcap"], flags=("-v",))
    write(outdir, "ptp.pcap", stamp(ptp_set(), base=BASE + 1790))
    cut_set(outdir, "cut_ptp.pcap", ["ptp.pcap"])
    write(outdir, "tcpapps.pcap", stamp(tcpapps_set(), base=BASE + 1790))
    cut_set(outdir, "cut_tcpapps.pcap", ["tcpapps.pcap"], flags=("-v",))
    write(outdir, "pptp.pcap", stamp(pptp_set(), base=BASE + 1820))
    cut_set(outdir, "cut_pptp.pcap", ["pptp.pcap"], flags=("-v",))
    write(outdir, "slow.pcap", stamp(slow_set(), base=BASE + 1850))
    cut_set(outdir, "cut_slow.pcap", ["slow.pcap"], flags=("-vv",))
    write(outdir, "stp.pcap", stamp(stp_set(), base=BASE + 1880))
    cut_set(outdir, "cut_stp.pcap", ["stp.pcap"], flags=("-v",))
    write(outdir, "cdp.pcap", stamp(cdp_set(), base=BASE + 1910))
    cut_set(outdir, "cut_cdp.pcap", ["cdp.pcap"], flags=("-v",))
    write(outdir, "geneve.pcap", stamp(geneve_set(), base=BASE + 1940))
    cut_set(outdir, "cut_geneve.pcap", ["geneve.pcap"], flags=("-vv",))
    write(outdir, "radius.pcap", stamp(radius_set(), base=BASE + 1970))
    write(outdir, "sip.pcap", stamp(sip_set(), base=BASE + 1970))
    cut_set(outdir, "cut_radius_sip.pcap", ["radius.pcap", "sip.pcap"])
    write(outdir, "udp_oneline.pcap", stamp(udp_oneline_set(), base=BASE + 2000))
    cut_set(outdir, "cut_udp_oneline.pcap", ["udp_oneline.pcap"])
    write(outdir, "dccp.pcap", stamp(dccp_set(), base=BASE + 2000))
    cut_set(outdir, "cut_dccp.pcap", ["dccp.pcap"], flags=("-vv",))
    write(outdir, "cisco_l2.pcap", stamp(cisco_l2_set(), base=BASE + 2030))
    cut_set(outdir, "cut_cisco_l2.pcap", ["cisco_l2.pcap"], flags=("-v",))
    write(outdir, "radius_v.pcap", stamp(radius_v_set(), base=BASE + 2060))
    cut_set(outdir, "cut_radius_v.pcap", ["radius_v.pcap"], flags=("-vv",))
    write(outdir, "hsrp.pcap", stamp(hsrp_set(), base=BASE + 2090))
    cut_set(outdir, "cut_hsrp.pcap", ["hsrp.pcap"], flags=("-v",))
    write(outdir, "l2tp.pcap", stamp(l2tp_set(), base=BASE + 2120))
    cut_set(outdir, "cut_l2tp.pcap", ["l2tp.pcap"], flags=("-v",))
    write(outdir, "gpe_mpls.pcap", stamp(gpe_mpls_set(), base=BASE + 2150))
    cut_set(outdir, "cut_gpe_mpls.pcap", ["gpe_mpls.pcap"], flags=("-vvv",))
    write(outdir, "ipcomp.pcap", stamp(ipcomp_set(), base=BASE + 2180))
    cut_set(outdir, "cut_ipcomp.pcap", ["ipcomp.pcap"], flags=("-v",))
    write(outdir, "babel.pcap", stamp(babel_set(), base=BASE + 2210))
    cut_set(outdir, "cut_babel.pcap", ["babel.pcap"])
    write(outdir, "calm.pcap", stamp(calm_set(), base=BASE + 2240))
    cut_set(outdir, "cut_calm.pcap", ["calm.pcap"], flags=("-v",))
    write_raw(outdir, "srh.pcap", 1, [(BASE + 2270 + k, d, len(d)) for k, d in enumerate(srh_set())])
    cut_set(outdir, "cut_srh.pcap", ["srh.pcap"], flags=("-v",))


if __name__ == "__main__":
    conf.verb = 0
    main()

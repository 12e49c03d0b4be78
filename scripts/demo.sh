#!/bin/sh
# demo.sh - what `make demo` shows: the CLI reading a capture that ships in
# examples/ (made by examples/make_demo.py), printing tcpdump-style one-line
# summaries, then counting packets that match filters.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cap="$top/examples/demo.pcapng"
rc="$top/build/ringcap"
echo "== ringcap -r examples/demo.pcapng -n -c 10"
"$rc" -r "$cap" -n -c 10 2>/dev/null
echo "== ringcap -r examples/demo.pcapng -n -e vlan"
"$rc" -r "$cap" -n -e vlan 2>/dev/null
echo "== ringcap -r examples/demo.pcapng --count"
"$rc" -r "$cap" --count 2>/dev/null
echo "== ringcap -r examples/demo.pcapng --count tcp"
"$rc" -r "$cap" --count tcp 2>/dev/null
echo "== ringcap -r examples/demo.pcapng --count 'icmp or icmp6'"
"$rc" -r "$cap" --count 'icmp or icmp6' 2>/dev/null

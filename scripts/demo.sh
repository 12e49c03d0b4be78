#!/bin/sh
# demo.sh - what `make demo` shows: the CLI reading a capture that ships in
# examples/, printing one-line summaries, then counting packets.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cap="$top/examples/demo.pcapng"
echo "== build/ringcap -r examples/demo.pcapng -c 10"
"$top/build/ringcap" -r "$cap" -c 10
echo "== build/ringcap -r examples/demo.pcapng --count"
"$top/build/ringcap" -r "$cap" --count

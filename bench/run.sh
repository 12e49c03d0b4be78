#!/bin/sh
# run.sh - the benchmark suite behind `make bench`.
#
# Runs every benchmark program in build/bench/ (each compares ringcap with
# libpcap in the same run and prints a markdown table with ratios), and
# collects their tables into bench/results/latest.md with the machine named.
#   BENCH=offline|write|filter|live   run one part only
#   BENCH_QUICK=1                     small sizes (CI proves the suite works)
#   BENCH_PACKETS=N                   packets for the file benchmarks
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$top/build/bench"
out="$top/bench/results/latest.md"
mkdir -p "$top/bench/results" "$top/bench/data"
if [ -n "${BENCH_QUICK:-}" ]; then
	export BENCH_PACKETS="${BENCH_PACKETS:-50000}" BENCH_RUNS="${BENCH_RUNS:-3}"
fi

case "${BENCH:-all}" in
all) progs="bench_read bench_write bench_bpf_vm bench_filter_compile bench_capture" ;;
offline) progs="bench_read" ;;
write) progs="bench_write" ;;
filter) progs="bench_bpf_vm bench_filter_compile" ;;
live) progs="bench_capture" ;;
*) echo "run.sh: unknown BENCH=$BENCH (offline, write, filter, live)" >&2; exit 2 ;;
esac

{
	echo "# ringcap benchmark results"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
	echo "- kernel: $(uname -r)"
	echo "- compiler: $(cc --version | head -n1)"
	echo "- libpcap: $(tcpdump --version 2>&1 | grep -m1 libpcap || echo unknown)"
	echo "- quick mode: ${BENCH_QUICK:-no}"
	echo
} >"$out.tmp"

status=0
for p in $progs; do
	if [ ! -x "$bin/$p" ]; then
		echo "run.sh: $bin/$p was not built" >&2
		status=1
		continue
	fi
	echo "== $p" >&2
	if ! (cd "$top" && "$bin/$p") >>"$out.tmp"; then
		echo "run.sh: $p failed" >&2
		status=1
	fi
	echo >>"$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
exit $status

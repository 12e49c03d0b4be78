#!/bin/sh
# run.sh - the benchmark suite behind `make bench` (see bench/README.md).
#
# Every part compares ringcap with its peer (libpcap, tcpdump, netsniff-ng)
# in the same run and prints markdown tables with ratios.  The tables go to
# bench/results/latest.md with the machine named, every target of issue #8
# is listed at the end as MET / NOT MET with its numbers, and bench/plot.sh
# draws the SVG charts from the numbers collected in bench/results/*.dat.
# A full run (all parts, not quick) that succeeded is also kept as
# bench/RESULTS.md, the copy in the repository.
#   BENCH=offline|write|filter|live|cli   run one part only (default: all)
#   BENCH_QUICK=1     small sizes: proves the suite works (CI), judges nothing
#   BENCH_RUNS=N      runs per measurement (default 5; quick: 3)
#   BENCH_PACKETS=N   packets in the generated file (default 2,000,000)
#   BENCH_BUILD=DIR   build tree to take the programs from (default build/)
# Exit status: 0 when every part ran (whatever the numbers), 1 when a
# program failed or is missing.  The live part needs root; without it the
# part says so and is skipped.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD:-$top/build}
case "$build" in /*) ;; *) build="$top/$build" ;; esac
bin="$build/bench"
res="$top/bench/results"
out="$res/latest.md"
mkdir -p "$res" "$top/bench/data"
cd "$top"

quick=
if [ -n "${BENCH_QUICK:-}" ]; then
	quick=1
	export BENCH_PACKETS="${BENCH_PACKETS:-50000}" BENCH_RUNS="${BENCH_RUNS:-3}"
	# libpcap needs minutes for a 1,000-value list; quick mode only
	# proves the part runs, so it does not wait for it
	export BENCH_PCAP_TIMEOUT="${BENCH_PCAP_TIMEOUT:-3}"
fi
export BENCH_PACKETS="${BENCH_PACKETS:-2000000}" BENCH_RUNS="${BENCH_RUNS:-5}"
# libpcap takes minutes on 1,000+ value lists; 30 s each keeps the suite
# within 15 minutes, and a timeout still gives a lower bound for the ratio
export BENCH_PCAP_TIMEOUT="${BENCH_PCAP_TIMEOUT:-30}"
# bench_capture measures each case once per invocation and is run
# BENCH_RUNS times: frames per case sized so that the live part stays
# within about 6 minutes (quick mode divides them by 50)
export BENCH_N64="${BENCH_N64:-1000000}" BENCH_N1514="${BENCH_N1514:-400000}"
# rcb_live_tools runs the CLI and tcpdump on the ABI from this build
export BENCH_COMPAT_DIR="$build/compat" BENCH_RINGCAP="$build/ringcap"
runs=$BENCH_RUNS
npk=$BENCH_PACKETS

case "${BENCH:-all}" in
all) parts="offline write filter live cli" ;;
offline | write | filter | live | cli) parts=$BENCH ;;
*) echo "run.sh: unknown BENCH=$BENCH (offline, write, filter, live, cli)" >&2; exit 2 ;;
esac

# Two CPUs: the live part pins sender and capturer itself; everything else
# runs pinned to the last allowed CPU so that runs do not migrate.
cpu=$(taskset -pc $$ 2>/dev/null | sed 's/.*: //' | tr ',' '\n' | tail -n1 | sed 's/.*-//')
pin() { if [ -n "$cpu" ]; then taskset -c "$cpu" "$@"; else "$@"; fi; }

tmp=$(mktemp -d /tmp/rcb_run.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
status=0
suite_t0=$(date +%s)

# timed NAME COMMAND... : run COMMAND, print and record its seconds
timed() {
	n=$1
	shift
	echo "== $n" >&2
	t0=$(date +%s)
	rc=0
	"$@" || rc=$?
	dt=$(($(date +%s) - t0))
	echo "   $n: $dt s" >&2
	printf '%s %s s\n' "$n" "$dt" >>"$tmp/timing"
	return $rc
}

# prog NAME [ARG]... : run build/bench/NAME (pinned) into $tmp/NAME.md
prog() {
	p=$1
	shift
	if [ ! -x "$bin/$p" ]; then
		echo "run.sh: $bin/$p was not built (make build, with libpcap-dev)" >&2
		echo "$p: not built" >"$tmp/$p.md"
		status=1
		return
	fi
	if ! timed "$p" pin "$bin/$p" "$@" >"$tmp/$p.md"; then
		echo "run.sh: $p failed" >&2
		echo "$p: FAILED (see the messages on stderr)" >>"$tmp/$p.md"
		status=1
	fi
}

# script NAME [ARG]... : run bench/NAME.sh into $tmp/NAME.md
script() {
	s=$1
	shift
	if ! timed "$s.sh" pin "$top/bench/$s.sh" "$@" >"$tmp/$s.md"; then
		echo "run.sh: bench/$s.sh failed" >&2
		echo "$s.sh: FAILED (see the messages on stderr)" >>"$tmp/$s.md"
		status=1
	fi
}

# bench_capture measures each case once: run it $runs times (quick: 2)
# and merge the runs into median (min-max) rows
capture_runs() {
	mkdir -p "$tmp/capture"
	k=$runs
	[ -n "$quick" ] && k=2
	i=1
	while [ $i -le "$k" ]; do
		"$bin/bench_capture" >"$tmp/capture/run$i.md" || return 1
		i=$((i + 1))
	done
	awk -f "$top/bench/merge_capture.awk" "$tmp"/capture/run*.md
}

file="bench/data/read_$npk.pcap"
for part in $parts; do
	case $part in
	offline)
		prog bench_read
		if [ -f "$file" ] && [ -x "$bin/rcb_pcap_loop" ]; then
			script offline "$build" "$file" "$npk" "$runs"
		else
			echo "offline ABI rows: not available ($file or rcb_pcap_loop missing)" >"$tmp/offline.md"
			status=1
		fi
		;;
	write) prog bench_write ;;
	filter)
		prog bench_bpf_vm
		prog bench_filter_compile
		;;
	live)
		if [ "$(id -u)" != 0 ]; then
			echo "live part: skipped, it needs root (network namespaces)" >"$tmp/live.md"
			continue
		fi
		if ! ip netns add "rcbprobe$$" 2>/dev/null; then
			echo "live part: skipped, this machine cannot create network namespaces" >"$tmp/live.md"
			continue
		fi
		ip netns del "rcbprobe$$"
		if ! timed bench_capture capture_runs >"$tmp/bench_capture.md"; then
			echo "bench_capture: FAILED" >>"$tmp/bench_capture.md"
			status=1
		fi
		if ! timed rcb_live_tools "$bin/rcb_live_tools" >"$tmp/rcb_live_tools.md"; then
			echo "rcb_live_tools: FAILED" >>"$tmp/rcb_live_tools.md"
			status=1
		fi
		;;
	cli)
		if [ ! -f "$file" ]; then
			# the offline part makes the file; a cli-only run makes it here
			BENCH_RUNS=1 pin "$bin/bench_read" >/dev/null || status=1
		fi
		script cli "$build" "$file" "$npk" "$runs"
		;;
	esac
done

# ---- targets: every program prints its verdict lines as
#   "- PART, what: numbers (target ...): MET" (or NOT MET)
# target TITLE PREFIX... : the verdict lines starting with "- PREFIX",
# under one line that says MET only when every one of them is MET
target() {
	title=$1
	shift
	: >"$tmp/lines"
	for p in "$@"; do
		cat "$tmp"/*.md | grep -F -e "- $p" | grep -e '^- ' >>"$tmp/lines" || true
	done
	if [ ! -s "$tmp/lines" ]; then
		v="not measured (its part did not run)"
	elif grep -q 'NOT MET' "$tmp/lines"; then
		v="**NOT MET**"
	elif grep -q ': MET$' "$tmp/lines"; then
		v="**MET**"
	else
		v="not measured"
	fi
	echo "- $title: $v"
	sed 's/^- /  - /' "$tmp/lines"
}

targets() {
	target "1. Offline read >= 4x libpcap pcap_loop (pcap and pcapng)" "offline read,"
	target "2. Write >= 3x libpcap pcap_dump" "write, ringcap vs"
	target "3. BPF VM <= 0.7x libpcap bpf_filter time, with no more instructions" "BPF VM,"
	target "4. 10,000-host filter compiles >= 100x faster than libpcap" "compile, 10,000 hosts"
	target "5. Live capture: CPU per packet <= 0.5x libpcap (0.6x through the libpcap ABI, issue #6), zero drops at the sender-bound rate" \
		"live, default mode,"
	target "6. Immediate mode: CPU per packet <= 0.5x libpcap (0.6x through the libpcap ABI), fewer drops" "live, immediate mode,"
	target "7. CLI >= 3x tcpdump for -r -w" "CLI -r -w,"
	echo
	echo "Other checks (issue #8 discussion, not in the list of targets):"
	echo
	target "CLI printing (-n) >= 2x tcpdump" "CLI -n printing,"
	target "CLI live capture to a file <= 0.5x tcpdump's CPU per packet, zero drops" \
		"live to a file, default mode,"
	target "pcapng costs <= 1.3x pcap" "ringcap batch API pcapng/pcap" "write, pcapng / pcap"
	target "typical filters compile to no more instructions than libpcap's" "compile, typical filters"
}

# ---- data for the charts
extract() {
	if [ -f "$tmp/bench_read.md" ] || [ -f "$tmp/offline.md" ]; then
		# | reader | file | wall ns/pkt median (min-max) | ...: the pcap rows
		cat "$tmp/bench_read.md" "$tmp/offline.md" 2>/dev/null | awk -F'|' '
			$3 ~ /^ pcap $/ && $4 ~ /[0-9]/ { n = $2; gsub(/^ | $/, "", n); printf "\"%s\"\t%s\n", n, $4 + 0 }' \
			>"$res/read.dat"
	fi
	if [ -f "$tmp/bench_filter_compile.md" ]; then
		for kind in hosts ports; do
			awk -F'|' -v k=" $kind" '$2 ~ k" $" { n = $2 + 0
				r = ($3 ~ / ms/ && $3 !~ /refused/) ? $3 + 0 : "NaN"
				l = ($6 ~ / ms/ && $6 !~ /refused/) ? $6 + 0 : "NaN"
				printf "%d\t%s\t%s\n", n, r, l }' "$tmp/bench_filter_compile.md" >"$res/compile_$kind.dat"
		done
	fi
	if [ -f "$tmp/bench_capture.md" ] || [ -f "$tmp/rcb_live_tools.md" ]; then
		# | case | implementation | sent | captured | dropped | CPU ns/pkt | ratio |
		cat "$tmp/bench_capture.md" "$tmp/rcb_live_tools.md" 2>/dev/null | awk -F'|' '
			$2 ~ / B x .*default/ && $7 ~ /[0-9]/ { n = $3; gsub(/^ | $/, "", n)
				if (!(n in seen)) { seen[n] = 1; order[++k] = n }
				if ($2 ~ /^ 64 B/) a[n] = $7 + 0; else b[n] = $7 + 0 }
			END { for (i = 1; i <= k; i++) { n = order[i]
				printf "\"%s\"\t%s\t%s\n", n, (n in a) ? a[n] : "NaN", (n in b) ? b[n] : "NaN" } }' \
			>"$res/live.dat"
	fi
}

{
	echo "# ringcap benchmark results"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
	echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "- kernel: $(uname -r)"
	cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
	echo "- compiler: $("${cc:-cc}" --version 2>/dev/null | head -n1)"
	echo "- build: $(grep -m1 '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" 2>/dev/null | cut -d= -f2)"
	echo "- peers: $(tcpdump --version 2>&1 | head -n2 | tr '\n' ',' | sed 's/,$//')$(command -v netsniff-ng >/dev/null && printf ', %s' "$(netsniff-ng -v 2>&1 | head -n1)")"
	echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (a busy machine inflates every number and the min-max spread)"
	echo "- runs per measurement: $runs; file: $npk packets; quick mode: ${quick:-no}"
	echo "- suite time: $(($(date +%s) - suite_t0)) s ($(tr '\n' ',' <"$tmp/timing" | sed 's/,$//; s/,/, /g'))"
	echo
	for f in bench_read offline bench_write bench_bpf_vm bench_filter_compile live bench_capture rcb_live_tools cli; do
		[ -f "$tmp/$f.md" ] || continue
		cat "$tmp/$f.md"
		echo
	done
	echo "## Targets (issue #8)"
	echo
	if [ -n "$quick" ]; then
		echo "Quick mode: sizes are far too small for these verdicts to mean anything."
		echo
	fi
	targets
} >"$out.tmp"
mv "$out.tmp" "$out"
extract
"$top/bench/plot.sh" "$res" >&2 || echo "run.sh: charts not drawn" >&2
if [ -z "$quick" ] && [ "$parts" = "offline write filter live cli" ] && [ $status = 0 ]; then
	cp "$out" "$top/bench/RESULTS.md"
	echo "run.sh: a full run: kept as bench/RESULTS.md" >&2
fi
cat "$out"
exit $status

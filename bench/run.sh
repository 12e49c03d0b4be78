#!/bin/sh
# run.sh - the benchmark suite behind `make bench` (see bench/README.md).
#
# Every part compares ringcap with its peer (libpcap, tcpdump, netsniff-ng)
# in the same run and prints markdown tables with ratios.  The tables go to
# bench/results/latest.md with the machine named, the targets of issue #8
# are listed at the end as MET / NOT MET, and bench/plot.sh draws the SVG
# charts from the numbers collected in bench/results/*.dat.
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
	echo "== $p" >&2
	t0=$(date +%s)
	if ! pin "$bin/$p" "$@" >"$tmp/$p.md"; then
		echo "run.sh: $p failed" >&2
		echo "$p: FAILED (see the messages on stderr)" >>"$tmp/$p.md"
		status=1
	fi
	echo "   $p: $(($(date +%s) - t0)) s" >&2
}

# script NAME [ARG]... : run bench/NAME.sh into $tmp/NAME.md
script() {
	s=$1
	shift
	echo "== $s.sh" >&2
	t0=$(date +%s)
	if ! pin "$top/bench/$s.sh" "$@" >"$tmp/$s.md"; then
		echo "run.sh: bench/$s.sh failed" >&2
		echo "$s.sh: FAILED (see the messages on stderr)" >>"$tmp/$s.md"
		status=1
	fi
	echo "   $s.sh: $(($(date +%s) - t0)) s" >&2
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
		echo "== bench_capture" >&2
		t0=$(date +%s)
		"$bin/bench_capture" >"$tmp/bench_capture.md" || {
			echo "bench_capture: FAILED" >>"$tmp/bench_capture.md"
			status=1
		}
		echo "   bench_capture: $(($(date +%s) - t0)) s" >&2
		echo "== rcb_live_tools" >&2
		t0=$(date +%s)
		BENCH_COMPAT_DIR="$build/compat" BENCH_RINGCAP="$build/ringcap" \
			"$bin/rcb_live_tools" >"$tmp/rcb_live_tools.md" || {
			echo "rcb_live_tools: FAILED" >>"$tmp/rcb_live_tools.md"
			status=1
		}
		echo "   rcb_live_tools: $(($(date +%s) - t0)) s" >&2
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

# ---- targets: each program's own verdict lines, plus the ones computed here
targets() {
	# lines the programs already judge (met / NOT met)
	cat "$tmp"/*.md | grep -i 'target' | grep -iE '(^|[^a-z])met([^a-z]|$)' |
		sed 's/: met$/: MET/; s/: NOT met$/: NOT MET/; s/(target \(.*\): met)/(target \1): MET/;
		     s/(target \(.*\): NOT met)/(target \1): NOT MET/; s/^- //; s/^/- /'
	if [ -f "$tmp/bench_bpf_vm.md" ]; then
		awk '/total time ratio/ { s = $0; sub(/.*total time ratio: \*\*/, "", s); sub(/\*\*.*/, "", s)
			printf "- BPF VM total time vs libpcap bpf_filter: %.2f (target <= 0.70): %s\n", s,
				(s + 0 <= 0.70 ? "MET" : "NOT MET") }' "$tmp/bench_bpf_vm.md"
	fi
	if [ -f "$tmp/bench_filter_compile.md" ]; then
		awk -F'|' '/\*\*total\*\*/ { printf "- compiled instructions, 10 typical filters: ringcap %d, libpcap %d (target: not more): %s\n",
				$3, $4, ($3 + 0 <= $4 + 0 ? "MET" : "NOT MET") }
			$2 ~ /^ 10000 hosts/ && $3 ~ /refused/ {
				print "- 10,000-host compile (target >= 100x faster than libpcap): ringcap refused the list: NOT MET" }
			$2 ~ /^ 10000 hosts/ && $3 !~ /refused/ { r = $9; gsub(/[ x>]/, "", r)
				printf "- 10,000-host compile: %sx faster than libpcap (target >= 100x): %s\n",
					($9 ~ />/ ? "> " r : r), (r + 0 >= 100 ? "MET" : "NOT MET") }' \
			"$tmp/bench_filter_compile.md"
	fi
	if [ -f "$tmp/bench_capture.md" ]; then
		# columns: | case | implementation | sent | captured | dropped | CPU ns/pkt | ratio |
		awk -F'|' '$3 ~ /libpcap pcap_loop/ { lpdrop[$2] = $6 + 0 }
			$3 ~ /ringcap loop, 1 thread/ {
				mode = ($2 ~ /immediate/) ? "immediate" : "default"
				ok = ($8 + 0 >= 2) && (mode == "default" ? $6 + 0 == 0 : ($6 + 0 < lpdrop[$2] || $6 + 0 == 0))
				printf "- live,%s: ringcap CPU/packet %.2fx of libpcap, %d dropped vs libpcap %d (target <= 0.5x and %s): %s\n",
					$2, ($8 + 0 > 0 ? 1 / $8 : 0), $6, lpdrop[$2],
					(mode == "default" ? "zero drops" : "fewer drops"), (ok ? "MET" : "NOT MET") }' \
			"$tmp/bench_capture.md"
	fi
}

# ---- data for the charts
extract() {
	if [ -f "$tmp/bench_read.md" ] || [ -f "$tmp/offline.md" ]; then
		cat "$tmp/bench_read.md" "$tmp/offline.md" 2>/dev/null | awk -F'|' '
			$3 ~ /^ pcap $/ { n = $2; gsub(/^ | $/, "", n); printf "\"%s\"\t%s\n", n, $5 + 0 }
			$3 ~ /^ [0-9.]+ \(/ { n = $2; gsub(/^ | $/, "", n); printf "\"%s\"\t%s\n", n, $3 + 0 }' \
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
	echo "- kernel: $(uname -r)"
	cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
	echo "- compiler: $("${cc:-cc}" --version 2>/dev/null | head -n1)"
	echo "- build: $(grep -m1 '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" 2>/dev/null | cut -d= -f2)"
	echo "- peers: $(tcpdump --version 2>&1 | head -n2 | tr '\n' ',' | sed 's/,$//')$(command -v netsniff-ng >/dev/null && printf ', %s' "$(netsniff-ng -v 2>&1 | head -n1)")"
	echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (a busy machine inflates every number and the min-max spread)"
	echo "- runs per measurement: $runs; file: $npk packets; quick mode: ${quick:-no}"
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
cat "$out"
exit $status

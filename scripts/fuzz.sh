#!/bin/sh
# fuzz.sh DIR SECONDS - run every libFuzzer binary in DIR for SECONDS each,
# starting from fuzz/corpus/<target>/ (copied, so the repo corpus is only
# read) and its dictionary fuzz/<target>.dict if present.  Fails on the
# first crash, leak, timeout or UBSan report (the targets are built with
# -fno-sanitize-recover=undefined; halt_on_error=1 also covers a build
# without it); the reproducer is left in build-fuzz/crashes/.
set -e
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"
export UBSAN_OPTIONS
dir=$1
secs=${2:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
crashes="$top/build-fuzz/crashes"
mkdir -p "$crashes"
n=0
for bin in "$dir"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	target=${name#fuzz_}
	work="$top/build-fuzz/corpus/$target"
	mkdir -p "$work"
	if [ -d "$top/fuzz/corpus/$target" ]; then
		cp -r "$top/fuzz/corpus/$target/." "$work/"
	fi
	dict=""
	[ -f "$top/fuzz/$target.dict" ] && dict="-dict=$top/fuzz/$target.dict"
	echo "fuzz: $name for ${secs}s" >&2
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$crashes/$target-" $dict "$work" 2>"$top/build-fuzz/$target.log" || {
		tail -n 60 "$top/build-fuzz/$target.log" >&2
		echo "fuzz: $name FAILED (reproducer in $crashes)" >&2
		exit 1
	}
	grep -E "stat::number_of_executed_units|cov:" "$top/build-fuzz/$target.log" | tail -n 2 >&2
	n=$((n + 1))
done
if [ "$n" -eq 0 ]; then
	echo "fuzz: no fuzz targets were built" >&2
	exit 1
fi
echo "fuzz: $n targets ran ${secs}s each without a failure" >&2

#!/bin/sh
# valgrind.sh BUILDDIR [TEST_SUBSTRING...] - the test suite, then the CLI,
# under valgrind memcheck.  Any memory error or leak fails the run.
#
# Phase 1: BUILDDIR/tests/rc_tests under memcheck.  Every test runs in a
# child forked by the runner; fork(2) children are always traced, so each
# test is checked in its own process, and --error-exitcode turns a memory
# error or a definite/indirect leak found at that child's exit into a
# failed test.  Programs the tests exec (build/ringcap, tshark, tcpdump,
# python3, ip) run natively (--trace-children=no): the CLI code they would
# exercise is linked into rc_tests and tested there, and phase 2 covers
# the ringcap binary itself.  RC_TEST_TIMEOUT_SCALE stretches the time
# limits; tests named in EXCLUDED below are left out (reasons next to each).
#
# Phase 2: BUILDDIR/ringcap under memcheck on every case of
# tests/cli/cases.txt (output compared with tests/cli/expected/), plus
# pcap/pcapng conversion and filtered counting, so the CLI's own main,
# option parsing, output buffering and writer thread are checked too.
#
# Logs: BUILDDIR/valgrind/*.log (one per process).  Exit status 0 only
# if both phases pass and no log reports an error.
set -u
bdir=$(cd "$1" && pwd)
shift
top=$(cd "$(dirname "$0")/.." && pwd)
logs="$bdir/valgrind"
rm -rf "$logs"
mkdir -p "$logs"

# Tests left out under valgrind, and why.  Each line: NAME-SUBSTRING REASON.
# A test is excluded only for time, never because valgrind reported it.
EXCLUDED='
capture_stats_overload_        asserts sent = captured + dropped under an overload whose sender runs natively; under valgrind the reader is ~30x slower so nearly all is dropped and the per-backend minimum-captured checks measure valgrind, not ringcap
many_handles_                  10,000 open/activate/close cycles: ~60 s natively-bounded loop, hours under valgrind (its leak check is what this test is about, so it keeps running natively and under ASan)
'

vg() {
	valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
		--track-origins=no --trace-children=no --child-silent-after-fork=no \
		--suppressions="$top/scripts/valgrind.supp" \
		--log-file="$logs/$1.%p.log" "$@"
}

# ---- phase 1: the test runner ----
all=$("$bdir/tests/rc_tests" -l | cut -d' ' -f1)
sel=""
for t in $all; do
	skip=0
	for pat in $(printf '%s\n' "$EXCLUDED" | awk 'NF { print $1 }'); do
		case "$t" in *"$pat"*) skip=1 ;; esac
	done
	if [ $skip = 1 ]; then
		echo "valgrind: excluded $t" >&2
		continue
	fi
	if [ $# -gt 0 ]; then
		want=0
		for s in "$@"; do
			case "$t" in *"$s"*) want=1 ;; esac
		done
		[ $want = 1 ] || continue
	fi
	sel="$sel $t"
done
status=0
if [ -n "$sel" ]; then
	# Each name is passed whole; the runner matches substrings, so a name
	# that is a prefix of an excluded one would pull it back in: check.
	# shellcheck disable=SC2086
	RC_TEST_TIMEOUT_SCALE=${RC_TEST_TIMEOUT_SCALE:-20} RC_TEST_BUILDDIR="$bdir" \
		vg rc_tests "$bdir/tests/rc_tests" $sel >"$logs/rc_tests.out" 2>&1 || status=1
	grep -E '^(FAIL|ok  |SKIP) ' "$logs/rc_tests.out" | grep -v '^ok  ' >&2
	tail -n 1 "$logs/rc_tests.out" >&2
fi

# ---- phase 2: the CLI binary ----
cli_fail=0
corpus="$top/tests/cli/corpus"
n=0
tab=$(printf '\t')
grep -v '^#' "$top/tests/cli/cases.txt" | while IFS='|' read -r file flags; do
	[ -n "$file" ] || continue
	n=$((n + 1))
	# lt_sll2.pcap prints host-resolved interface names: no fixed expectation.
	# shellcheck disable=SC2086
	TZ=UTC vg ringcap "$bdir/ringcap" -r "$corpus/$file" $flags >"$logs/cli.$n.out" 2>/dev/null
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "valgrind: ringcap -r $file $flags: exit $rc" >&2
		echo fail >>"$logs/cli.failed"
	elif [ "$file" != lt_sll2.pcap ] && ! cmp -s "$logs/cli.$n.out" "$top/tests/cli/expected/$n.txt"; then
		echo "valgrind: ringcap -r $file $flags: output differs from expected/$n.txt" >&2
		echo fail >>"$logs/cli.failed"
	fi
done
: "$tab"
for f in "$corpus"/*.pcap; do
	b=$(basename "$f" .pcap)
	for fmt in pcap pcapng; do
		vg ringcap "$bdir/ringcap" -r "$f" -w "$logs/$b.$fmt" --format "$fmt" >/dev/null 2>&1 ||
			{ echo "valgrind: ringcap -r $b.pcap -w $fmt failed" >&2; echo fail >>"$logs/cli.failed"; }
	done
	vg ringcap "$bdir/ringcap" -r "$logs/$b.pcapng" --count 'tcp or udp or icmp' >/dev/null 2>&1 ||
		{ echo "valgrind: ringcap --count on $b.pcapng failed" >&2; echo fail >>"$logs/cli.failed"; }
done
[ -f "$logs/cli.failed" ] && cli_fail=1
echo "valgrind: CLI phase: $(ls "$logs"/ringcap.*.log | wc -l) runs, $([ $cli_fail = 0 ] && echo ok || echo FAILED)" >&2

# ---- every log: any error or leak at all (also from helper processes) ----
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|indirectly lost: [1-9]' "$logs"/*.log)
if [ -n "$bad" ]; then
	echo "valgrind: errors or leaks reported in:" >&2
	for f in $bad; do
		echo "--- $f" >&2
		sed -n '/^==[0-9]*== [A-Z]/,$p' "$f" | head -n 60 >&2
	done
	status=1
fi
[ $cli_fail = 0 ] || status=1
echo "valgrind: $([ $status = 0 ] && echo PASSED || echo FAILED) (logs in $logs)" >&2
exit $status

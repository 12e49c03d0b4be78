#!/bin/sh
# cli.sh - the CLI part: ringcap against Debian's tcpdump on the same files.
#
# usage: bench/cli.sh BUILD_DIR FILE PACKETS RUNS
#   copy:  `ringcap -r FILE -w OUT` vs `tcpdump -r FILE -w OUT`, OUT in
#          /dev/shm (memory, so a disk does not set the pace); FILE is the
#          offline part's generated capture.  RUNS runs each via rcb_cputime.
#          `cat FILE > OUT` is timed too: the CPU any program needs to put
#          that many bytes in OUT, so tcpdump / cat is the best ratio
#          reachable on this machine.
#   print: `ringcap -n -r F > /dev/null` vs `tcpdump -n -r F > /dev/null`
#          through bench_cli_print, which writes a capture of realistic
#          frames (TCP, DNS, ICMP, ARP, ICMPv6: the bench file's random
#          payloads would only exercise the hex dump), at most 1,000,000;
#          RUNS runs, medians.
# CPU = user + system time of the command; ratio = tcpdump / ringcap.
set -e
build=$1 file=$2 n=$3 runs=$4
bin="$build/bench"
rc="$build/ringcap"
out=/dev/shm/rcb_cli.$$.pcap
trap 'rm -f "$out" /tmp/rcb_cli.$$ /tmp/rcb_cli_ratio.$$' EXIT
trap 'exit 130' INT TERM

echo "## CLI: ringcap vs tcpdump on the same file"
echo
if ! command -v tcpdump >/dev/null 2>&1; then
	echo "tcpdump: not available (scripts/deps.sh bench installs it)"
	exit 0
fi
if [ ! -x "$rc" ]; then
	echo "ringcap CLI: not built ($rc)"
	exit 1
fi
echo "| command | CPU ns/pkt median (min-max) | wall ns/pkt median | tcpdump CPU / ringcap CPU |"
echo "|---|---:|---:|---:|"
t_td=$("$bin/rcb_cputime" -r "$runs" -- tcpdump -r "$file" -w "$out")
t_rc=$("$bin/rcb_cputime" -r "$runs" -- "$rc" -r "$file" -w "$out")
t_cat=$("$bin/rcb_cputime" -r "$runs" -o "$out" -- cat "$file")
printf '%s\n%s\n%s\n' "$t_td" "$t_rc" "$t_cat" | awk -v n="$n" '
	NR == 1 { base = $1; name = "tcpdump -r F -w OUT" }
	NR == 2 { name = "ringcap -r F -w OUT" }
	NR == 3 { name = "cat F > OUT (floor: copying the bytes)" }
	{ printf "| `%s` | %.1f (%.1f-%.1f) | %.1f | %.2fx |\n", name, $1*1e9/n, $2*1e9/n, $3*1e9/n,
		$4*1e9/n, base / $1 }'
copy=$(printf '%s\n%s\n' "$t_td" "$t_rc" | awk 'NR == 1 { b = $1 } NR == 2 { printf "%.2f", b / $1 }')
floor=$(printf '%s\n%s\n' "$t_td" "$t_cat" | awk 'NR == 1 { b = $1 } NR == 2 { printf "%.2f", b / $1 }')

# print: bench_cli_print writes its capture, runs `ringcap -n -r` and
# `tcpdump -n -r` on it once each and prints "  ringcap: X s CPU (Y s wall),
# N ns/packet" and the same for tcpdump; RUNS invocations, medians
pn=$n
[ "$pn" -gt 1000000 ] && pn=1000000 # tcpdump prints ~2 us/packet: keep the part short
[ -n "${BENCH_QUICK:-}" ] && pn=100000
i=0
: >/tmp/rcb_cli.$$
while [ $i -lt "$runs" ]; do
	"$bin/bench_cli_print" "$pn" | awk '
		/^  ringcap:/ { rc = $(NF-1) } /^  tcpdump:/ { td = $(NF-1) }
		END { if (rc == "" || td == "") exit 1; print rc, td }' >>/tmp/rcb_cli.$$
	i=$((i + 1))
done
# median (min-max) of each column; ratio of the medians
awk -v pn="$pn" -v f=/tmp/rcb_cli_ratio.$$ '
	function med(v, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
		lo = v[1]; hi = v[n]
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	{ rc[NR] = $1; td[NR] = $2 }
	END {
		t = med(td, NR); tlo = lo; thi = hi
		r = med(rc, NR)
		printf "| `tcpdump -n -r F > /dev/null` (%d realistic frames) | %.1f (%.1f-%.1f) | - | 1.00x |\n", pn, t, tlo, thi
		printf "| `ringcap -n -r F > /dev/null` (same file) | %.1f (%.1f-%.1f) | - | %.2fx |\n", r, lo, hi, t / r
		print t / r > f
	}' /tmp/rcb_cli.$$
pr=$(cat /tmp/rcb_cli_ratio.$$)
rm -f /tmp/rcb_cli.$$ /tmp/rcb_cli_ratio.$$
echo
awk -v c="$copy" -v f="$floor" -v p="$pr" 'BEGIN {
	printf "- CLI -r -w, ringcap vs tcpdump: %.2fx less CPU (target >= 3x; cat F > OUT reaches %.2fx): %s\n", c, f, (c >= 3 ? "MET" : "NOT MET")
	printf "- CLI -n printing, ringcap vs tcpdump: %.2fx less CPU (target >= 2x): %s\n", p, (p >= 2 ? "MET" : "NOT MET")
}'

#!/bin/sh
# cli.sh - the CLI part: ringcap against Debian's tcpdump on the same files.
#
# usage: bench/cli.sh BUILD_DIR FILE PACKETS RUNS
#   copy:  `ringcap -r FILE -w OUT` vs `tcpdump -r FILE -w OUT`, OUT in
#          /dev/shm (memory, so a disk does not set the pace); FILE is the
#          offline part's generated capture.  RUNS runs each via rcb_cputime.
#   print: `ringcap -n -r F > /dev/null` vs `tcpdump -n -r F > /dev/null`
#          through bench_cli_print, which writes a capture of realistic
#          frames (TCP, DNS, ICMP, ARP, ICMPv6: the bench file's random
#          payloads would only exercise the hex dump); RUNS runs, medians.
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
printf '%s\n%s\n' "$t_td" "$t_rc" | awk -v n="$n" '
	NR == 1 { base = $1; name = "tcpdump -r F -w OUT" }
	NR == 2 { name = "ringcap -r F -w OUT" }
	{ printf "| `%s` | %.1f (%.1f-%.1f) | %.1f | %.2fx |\n", name, $1*1e9/n, $2*1e9/n, $3*1e9/n,
		$4*1e9/n, base / $1 }'
copy=$(printf '%s\n%s\n' "$t_td" "$t_rc" | awk 'NR == 1 { b = $1 } NR == 2 { printf "%.2f", b / $1 }')

# print: bench_cli_print prints "  ringcap: X s CPU (Y s wall), N ns/packet"
# and the same for tcpdump; keep every run's ns/packet and their ratio
pn=$n
[ -n "${BENCH_QUICK:-}" ] && pn=100000
i=0
: >/tmp/rcb_cli.$$
while [ $i -lt "$runs" ]; do
	"$bin/bench_cli_print" "$pn" | awk '
		/^  ringcap:/ { rc = $(NF-1) } /^  tcpdump:/ { td = $(NF-1) }
		END { print rc, td, (rc > 0 ? td / rc : 0) }' >>/tmp/rcb_cli.$$
	i=$((i + 1))
done
sort -n -k3 /tmp/rcb_cli.$$ | awk -v pn="$pn" -v f=/tmp/rcb_cli_ratio.$$ '
	{ rc[NR] = $1; td[NR] = $2; r[NR] = $3 }
	END {
		m = int((NR + 1) / 2)
		printf "| `tcpdump -n -r F` (%d realistic frames) | %s | - | 1.00x |\n", pn, td[m]
		printf "| `ringcap -n -r F` (same file) | %s | - | %.2fx (min %.2f, max %.2f) |\n",
			rc[m], r[m], r[1], r[NR]
		print r[m] > f
	}'
pr=$(cat /tmp/rcb_cli_ratio.$$)
rm -f /tmp/rcb_cli.$$ /tmp/rcb_cli_ratio.$$
echo
awk -v c="$copy" -v p="$pr" 'BEGIN {
	printf "- ringcap -r -w vs tcpdump -r -w: %.2fx less CPU (target >= 3x): %s\n", c, (c >= 3 ? "MET" : "NOT MET")
	printf "- ringcap -n vs tcpdump -n printing: %.2fx less CPU (target >= 2x): %s\n", p, (p >= 2 ? "MET" : "NOT MET")
}'

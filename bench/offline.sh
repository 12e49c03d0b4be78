#!/bin/sh
# offline.sh - the libpcap-ABI and context rows of the offline read part.
#
# usage: bench/offline.sh BUILD_DIR FILE PACKETS RUNS
# Runs the SAME binary, rcb_pcap_loop (linked against the system libpcap),
# once as is and once with LD_LIBRARY_PATH=BUILD_DIR/compat, so the dynamic
# loader binds its pcap_* calls to ringcap's libpcap ABI; then `cat FILE`
# to /dev/null as the floor (reading the page cache, no parsing at all).
# Each row: RUNS runs through rcb_cputime; median wall ns/packet with the
# min-max, median CPU ns/packet, speed-up vs libpcap pcap_loop (wall).
# The file must be in the page cache already (bench_read warms it).
set -e
build=$1 file=$2 n=$3 runs=$4
bin="$build/bench"
compat="$build/compat"
trap 'rm -f /tmp/rcb_offline.$$' EXIT
trap 'exit 130' INT TERM

# row NAME LIBPATH COMMAND... -> "NAME|wall_med|wall_min|wall_max|cpu_med"
row() {
	name=$1 ldpath=$2
	shift 2
	if [ -n "$ldpath" ]; then
		t=$(LD_LIBRARY_PATH="$ldpath" "$bin/rcb_cputime" -r "$runs" -- "$@")
	else
		t=$("$bin/rcb_cputime" -r "$runs" -- "$@")
	fi
	echo "$t" | awk -v name="$name" -v n="$n" \
		'{ printf "%s|%.1f|%.1f|%.1f|%.1f\n", name, $4*1e9/n, $5*1e9/n, $6*1e9/n, $1*1e9/n }'
}

# the ABI really is in use: the library names itself
lib=$(LD_LIBRARY_PATH="$compat" "$bin/rcb_pcap_loop" loop "$file" | cut -d' ' -f2-)
case "$lib" in
ringcap*) ;;
*) echo "offline.sh: LD_LIBRARY_PATH=$compat still loads '$lib'" >&2; exit 1 ;;
esac

{
	row "libpcap pcap_loop (system libpcap)" "" "$bin/rcb_pcap_loop" loop "$file"
	row "libpcap pcap_next_ex (system libpcap)" "" "$bin/rcb_pcap_loop" next_ex "$file"
	row "same binary, pcap_loop on ringcap ABI" "$compat" "$bin/rcb_pcap_loop" loop "$file"
	row "same binary, pcap_next_ex on ringcap ABI" "$compat" "$bin/rcb_pcap_loop" next_ex "$file"
	row "cat FILE > /dev/null (floor)" "" cat "$file"
} >/tmp/rcb_offline.$$

echo "## libpcap ABI: one unmodified libpcap program, two libraries ($n packets, $runs runs)"
echo
echo "The binary is linked against libpcap.so.0.8; the ABI rows run it with"
echo "LD_LIBRARY_PATH=build/compat ($lib)."
echo
echo "| reader | wall ns/pkt median (min-max) | CPU ns/pkt median | speed-up vs libpcap pcap_loop |"
echo "|---|---:|---:|---:|"
awk -F'|' 'NR == 1 { base = $2 }
	{ printf "| %s | %s (%s-%s) | %s | %.2fx |\n", $1, $2, $3, $4, $5, base / $2 }' /tmp/rcb_offline.$$
echo
awk -F'|' 'NR == 1 { base = $2 } NR == 3 { r = base / $2 }
	END { printf "- ringcap libpcap ABI, pcap_loop vs libpcap pcap_loop: %.2fx faster (target >= 3x): %s\n",
		r, (r >= 3 ? "MET" : "NOT MET") }' /tmp/rcb_offline.$$
rm -f /tmp/rcb_offline.$$

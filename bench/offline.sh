#!/bin/sh
# offline.sh - the libpcap-ABI and context rows of the offline read part.
#
# usage: bench/offline.sh BUILD_DIR FILE PACKETS RUNS
# FILE is the pcap file; its pcapng twin (same name, .pcapng) is measured
# too.  Runs the SAME binary, rcb_pcap_loop (linked against the system
# libpcap), once as is and once with LD_LIBRARY_PATH=BUILD_DIR/compat, so
# the dynamic loader binds its pcap_* calls to ringcap's libpcap ABI; then
# `cat FILE` to /dev/null as the floor (reading the page cache, no parsing).
# Each row: RUNS runs through rcb_cputime; median wall ns/packet with the
# min-max, median CPU ns/packet, speed-up vs libpcap pcap_loop (wall).
# The file must be in the page cache already: bench_read leaves both files
# dropped and read back with read-ahead (large folios, see set_cache_state).
set -e
build=$1 file=$2 n=$3 runs=$4
bin="$build/bench"
compat="$build/compat"
trap 'rm -f /tmp/rcb_offline.$$ /tmp/rcb_offline_ratio.$$' EXIT
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

ng="${file%.pcap}.pcapng"
[ -f "$ng" ] || { echo "offline.sh: $ng missing (bench_read makes it)" >&2; exit 1; }

echo "## libpcap ABI: one unmodified libpcap program, two libraries ($n packets, $runs runs)"
echo
echo "The binary is linked against libpcap.so.0.8; the ABI rows run it with"
echo "LD_LIBRARY_PATH=build/compat ($lib).  Wall time per packet: median (min-max);"
echo "speed-up = the system libpcap's pcap_loop median / this row's, same file."
echo
echo "| reader | file | wall ns/pkt median (min-max) | CPU ns/pkt median | speed-up vs libpcap pcap_loop |"
echo "|---|---|---:|---:|---:|"
for f in "$file" "$ng"; do
	fmt=${f##*.}
	{
		row "libpcap pcap_loop (system libpcap)" "" "$bin/rcb_pcap_loop" loop "$f"
		row "libpcap pcap_next_ex (system libpcap)" "" "$bin/rcb_pcap_loop" next_ex "$f"
		row "same binary, pcap_loop on ringcap ABI" "$compat" "$bin/rcb_pcap_loop" loop "$f"
		row "same binary, pcap_next_ex on ringcap ABI" "$compat" "$bin/rcb_pcap_loop" next_ex "$f"
		row "cat FILE > /dev/null (floor)" "" cat "$f"
	} >/tmp/rcb_offline.$$
	awk -F'|' -v fmt="$fmt" 'NR == 1 { base = $2 }
		{ printf "| %s | %s | %s (%s-%s) | %s | %.2fx |\n", $1, fmt, $2, $3, $4, $5, base / $2 }' \
		/tmp/rcb_offline.$$
	awk -F'|' -v fmt="$fmt" 'NR == 1 { base = $2 } NR == 3 { r = base / $2 } END { printf "%s %.2f\n", fmt, r }' \
		/tmp/rcb_offline.$$ >>/tmp/rcb_offline_ratio.$$
done
echo
awk '{ r[$1] = $2 } END {
	printf "- offline read, ringcap libpcap ABI (pcap_loop) vs libpcap pcap_loop: %.2fx faster on pcap, %.2fx on pcapng (target >= 4x): %s\n",
		r["pcap"], r["pcapng"], (r["pcap"] >= 4 && r["pcapng"] >= 4 ? "MET" : "NOT MET") }' /tmp/rcb_offline_ratio.$$
rm -f /tmp/rcb_offline.$$ /tmp/rcb_offline_ratio.$$

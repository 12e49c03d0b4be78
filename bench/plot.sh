#!/bin/sh
# plot.sh [DIR] - draw the benchmark charts as SVG from the .dat files that
# bench/run.sh leaves in DIR (default bench/results):
#   read.svg     offline read: wall ns/packet per reader (pcap file, median)
#   compile.svg  filter compile time vs OR-list size, log-log, both compilers
#   live.svg     live capture: capturer CPU ns/packet per implementation,
#                64 B and 1514 B frames, default mode (log scale)
# A chart whose data file is missing or empty (part not run) is left as it
# was.  Needs gnuplot (Debian gnuplot-nox; `scripts/deps.sh bench`).
set -e
dir=${1:-$(cd "$(dirname "$0")" && pwd)/results}
if ! command -v gnuplot >/dev/null 2>&1; then
	echo "plot.sh: gnuplot not installed (apt-get install gnuplot-nox); no charts" >&2
	exit 1
fi
cd "$dir"
# noenhanced: labels like pcap_loop must not turn "_" into a subscript
common='set terminal svg size 960,560 dynamic font "sans,11" background "white"
set termoption noenhanced
set border 3
set xtics nomirror
set ytics nomirror'

if [ -s read.dat ]; then
	# horizontal bars: long reader names stay readable
	gnuplot <<GP
$common
set output "read.svg"
set title "Offline read of the same file: wall time per packet (median, lower is better)"
set xlabel "ns / packet"
set grid xtics
set lmargin 44
set yrange [-0.6:*] reverse
set xrange [0:*]
set ytics scale 0
set style fill solid 0.8 border -1
set key off
plot "read.dat" using (\$2/2):0:(\$2/2):(0.35):yticlabels(1) with boxxyerror linecolor rgb "#3b75af", \
     "" using 2:0:(sprintf(" %.0f", \$2)) with labels left
GP
	echo "plot.sh: $dir/read.svg" >&2
fi

if [ -s compile_hosts.dat ]; then
	ports=
	[ -s compile_ports.dat ] && ports=', "compile_ports.dat" using 1:2 with linespoints pt 6 lc rgb "#3b75af" dt 2 title "ringcap, port list", "compile_ports.dat" using 1:3 with linespoints pt 4 lc rgb "#c0392b" dt 2 title "libpcap, port list"'
	gnuplot <<GP
$common
set output "compile.svg"
set title "Filter compile time vs OR-list size (log-log, lower is better; missing point = libpcap timed out)"
set grid xtics ytics
set key top left
set logscale xy
set xlabel "values in the list (host A or host B or ... / port P or port Q or ...)"
set ylabel "ms"
set xrange [5:20000]
plot "compile_hosts.dat" using 1:2 with linespoints pt 7 lc rgb "#3b75af" title "ringcap, host list", \
     "compile_hosts.dat" using 1:3 with linespoints pt 5 lc rgb "#c0392b" title "libpcap, host list" $ports
GP
	echo "plot.sh: $dir/compile.svg" >&2
fi

if [ -s live.dat ]; then
	gnuplot <<GP
$common
set output "live.svg"
set title "Live capture: capturer CPU per packet, default mode (log scale, lower is better)"
set ylabel "CPU ns / packet"
set grid ytics
set logscale y
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics rotate by -25 left font ",10"
set bmargin 10
set rmargin 16
set key top left
plot "live.dat" using 2:xtic(1) title "64 B frames" linecolor rgb "#3b75af", \
     "" using 3 title "1514 B frames" linecolor rgb "#e69f00"
GP
	echo "plot.sh: $dir/live.svg" >&2
fi

#!/bin/sh
# plot.sh DIR - draw the benchmark charts as SVG from the .dat files that
# bench/run.sh leaves in DIR (bench/results by default):
#   read.svg     offline read, wall ns/packet per reader (pcap file, median)
#   compile.svg  filter compile time vs list size, log-log, ringcap and libpcap
#   live.svg     live capture CPU ns/packet per implementation, 64 B and 1514 B
# A chart whose data file is empty (part not run) is left alone.  Needs
# gnuplot (Debian gnuplot-nox, installed by `scripts/deps.sh bench`).
set -e
dir=${1:-$(cd "$(dirname "$0")" && pwd)/results}
if ! command -v gnuplot >/dev/null 2>&1; then
	echo "plot.sh: gnuplot not installed (apt-get install gnuplot-nox); no charts" >&2
	exit 1
fi
cd "$dir"
common='set terminal svg size 900,520 dynamic font "sans,11" background "white"
set grid ytics
set key top left
set border 3
set xtics nomirror
set ytics nomirror'

if [ -s read.dat ]; then
	gnuplot <<GP
$common
set output "read.svg"
set title "Offline read: wall time per packet (lower is better)"
set ylabel "ns / packet"
set style data histogram
set style fill solid 0.8 border -1
set boxwidth 0.8
set xtics rotate by -30 left font ",9"
set bmargin 9
set rmargin 12
set key off
plot "read.dat" using 2:xtic(1) linecolor rgb "#3b75af"
GP
	echo "plot.sh: $dir/read.svg" >&2
fi

if [ -s compile_hosts.dat ]; then
	ports=
	[ -s compile_ports.dat ] && ports=', "compile_ports.dat" using 1:2 with linespoints pt 6 lc rgb "#3b75af" dt 2 title "ringcap, port list", "compile_ports.dat" using 1:3 with linespoints pt 4 lc rgb "#c0392b" dt 2 title "libpcap, port list"'
	gnuplot <<GP
$common
set output "compile.svg"
set title "Filter compile time vs OR-list size (log-log, lower is better)"
set logscale xy
set xlabel "values in the list (host A or host B or ...)"
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
set title "Live capture: capturer CPU per packet, default mode (lower is better)"
set ylabel "CPU ns / packet"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics rotate by -30 left font ",9"
set bmargin 9
set rmargin 12
set key top right
plot "live.dat" using 2:xtic(1) title "64 B frames" linecolor rgb "#3b75af", \
     "" using 3 title "1514 B frames" linecolor rgb "#e69f00"
GP
	echo "plot.sh: $dir/live.svg" >&2
fi

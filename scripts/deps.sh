#!/bin/sh
# deps.sh KIND... - install the Debian packages a make target needs, only if
# something is missing (so repeated runs cost nothing).  Needs root for apt-get.
#   build: compilers and CMake         test: tools the tests use as oracles
#   fuzz:  clang's libFuzzer runtime   bench: peers the benchmarks compare with
#   valgrind: memcheck                 analyze: clang's static analyzer
set -e
pkgs=""
for kind in "$@"; do
	case "$kind" in
	build) pkgs="$pkgs gcc make cmake pkg-config" ;;
	test) pkgs="$pkgs gcc clang make cmake pkg-config binutils libpcap-dev tcpdump tshark tcpreplay tcpslice netsniff-ng python3 python3-scapy iproute2 ethtool util-linux strace" ;;
	fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
	valgrind) pkgs="$pkgs valgrind" ;;
	analyze) pkgs="$pkgs clang" ;;
	bench) pkgs="$pkgs libpcap-dev tcpdump netsniff-ng gnuplot-nox iproute2 util-linux" ;;
	*) echo "deps.sh: unknown kind '$kind'" >&2; exit 2 ;;
	esac
done
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages:$missing (run as root or install them)" >&2
	exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer before installing.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null

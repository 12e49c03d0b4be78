#!/bin/sh
# analyze.sh - clang's static analyzer (clang --analyze, the engine behind
# scan-build) over the library (src/) and the CLI (cli/): every file on
# its own, with the core, unix, security, deadcode and nullability
# checkers, path notes printed.  Exit status 1 if any finding is not in
# scripts/analyze.accepted (reviewed false positives, each explained in
# docs/SECURITY.md).  security.insecureAPI.strcpy is off: it flags every
# strcpy/strcat whatever the sizes; each call in src/ and cli/ was checked
# by hand (docs/SECURITY.md).
#
#   scripts/analyze.sh [FILE...]     default: src/*/*.c cli/*.c
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || { echo "analyze: $CLANG not found (apt-get install clang)" >&2; exit 2; }
[ $# -gt 0 ] || set -- src/*/*.c cli/*.c
out=$(mktemp)
trap 'rm -f "$out"' EXIT
bad=0
accepted=0
for f in "$@"; do
	# The same defines as CMakeLists.txt; include/ holds ringcap/ and the
	# libpcap-compatible pcap headers that src/compat needs.
	"$CLANG" --analyze -std=c11 -D_GNU_SOURCE -DRC_VERSION='"analyze"' \
		-Iinclude -Isrc -Icli \
		-Xclang -analyzer-output=text \
		-Xclang -analyzer-checker=core,unix,security,deadcode,nullability \
		-Xclang -analyzer-disable-checker=security.insecureAPI.DeprecatedOrUnsafeBufferHandling \
		-Xclang -analyzer-disable-checker=security.insecureAPI.strcpy \
		-o /dev/null "$f" >"$out" 2>&1
	new=0
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		# "FILE:LINE:COL: warning: MESSAGE [CHECKER]" -> "FILE|MESSAGE [CHECKER]"
		key=$(printf '%s\n' "$line" | sed -E 's/^([^:]*):[0-9]+:[0-9]+: warning: /\1|/')
		if grep -qxF "$key" scripts/analyze.accepted; then
			echo "analyze: accepted: $line" >&2
			accepted=$((accepted + 1))
		else
			new=1
		fi
	done <<EOF_W
$(grep -E ': (warning|error): ' "$out")
EOF_W
	if [ $new = 1 ]; then
		cat "$out" >&2
		bad=$((bad + 1))
	fi
done
echo "analyze: $# files, $bad with findings, $accepted accepted (scripts/analyze.accepted)" >&2
[ $bad = 0 ]

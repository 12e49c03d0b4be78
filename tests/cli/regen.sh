#!/bin/sh
# regen.sh - rebuild tests/cli/corpus and tests/cli/expected from scratch.
# Needs /usr/bin/python3 with scapy and tcpdump 4.99 (the reference output).
set -e
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$here/corpus" "$here/expected"
/usr/bin/python3 "$here/make_corpus.py" "$here/corpus"
mkdir -p "$here/expected"
n=0
grep -v '^#' "$here/cases.txt" | while IFS='|' read -r file flags; do
	[ -n "$file" ] || continue
	n=$((n + 1))
	# shellcheck disable=SC2086
	TZ=UTC tcpdump -r "$here/corpus/$file" $flags > "$here/expected/$n.txt" 2>/dev/null
done
echo "tcpdump $(tcpdump --version 2>&1 | head -1 | cut -d' ' -f3): $(ls "$here/expected" | wc -l) expected outputs"

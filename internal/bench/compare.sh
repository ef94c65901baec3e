#!/bin/sh
# compare.sh: rtlview side by side with fribidi (and the shell's own
# tools) on this machine, as issue 17 measures it. A tool run by hand, not
# a test: it prints times, ratios and peak memory; put the figures in your
# notes and compare code changes with `go test -bench` and benchstat.
#
#   internal/bench/compare.sh [ROUNDS]     (default 5 rounds, interleaved)
#
# Inputs are the built-in article repeated to 10 MB and 50 MB, in a
# temporary directory. Needs /usr/bin/time (GNU time); fribidi is used
# where installed (apt-get install libfribidi-bin).
set -eu
rounds=${1:-5}
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/rtlview" .
rv=$tmp/rtlview
# The article's text in logical order: the plain output of --bidi=terminal.
"$rv" --plain -w 0 --bidi=terminal >"$tmp/article.txt"
: >"$tmp/big10.txt"
while [ "$(wc -c <"$tmp/big10.txt")" -lt 10485760 ]; do cat "$tmp/article.txt" >>"$tmp/big10.txt"; done
for i in 1 2 3 4 5; do cat "$tmp/big10.txt"; done >"$tmp/big50.txt"

# best SECONDS of N runs of a command line (sh -c), output discarded
best() {
	b=
	for _ in $(seq "$rounds"); do
		/usr/bin/time -f %e -o "$tmp/time" sh -c "$1" >/dev/null 2>&1 || true
		t=$(tail -1 "$tmp/time")
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
# peak RSS in MB of one run
rss() {
	/usr/bin/time -f %M -o "$tmp/time" sh -c "$1" >/dev/null 2>&1 || true
	tail -1 "$tmp/time" | awk '{printf "%.1f", $1/1024}'
}
ratio() { echo "scale=2; $1 / $2" | bc; }

echo "rounds: $rounds (best of), $(nproc) cores"
if command -v fribidi >/dev/null; then
	for f in big10 big50; do
		r=$(best "$rv --plain -w 80 --color=never $tmp/$f.txt")
		b=$(best "fribidi --width 80 $tmp/$f.txt")
		echo "$f plain: rtlview ${r}s  fribidi ${b}s  fribidi/rtlview $(ratio "$b" "$r")"
	done
	r=$(best "$rv --plain -w 80 $tmp/big50.txt | head -50")
	b=$(best "head -50 $tmp/big50.txt | fribidi --width 80")
	echo "head -50 of 50 MB: rtlview ${r}s  head|fribidi ${b}s  rtlview/fribidi $(ratio "$r" "$b")"
	echo "peak RSS, plain 50 MB: rtlview $(rss "$rv --plain -w 80 $tmp/big50.txt") MB  fribidi $(rss "fribidi --width 80 $tmp/big50.txt") MB"
else
	echo "fribidi not installed: plain throughput only"
	echo "big10 plain: rtlview $(best "$rv --plain -w 80 $tmp/big10.txt")s"
fi
echo "--version: $(best "$rv --version")s (includes the shell's start)  true: $(best true)s"
echo "--entities on 10 MB: $(best "$rv --entities $tmp/big10.txt")s, peak $(rss "$rv --entities $tmp/big10.txt") MB"

#!/bin/sh
# compare.sh: rtlview side by side with fribidi, less (and the shell's own
# tools) on this machine, as issue 17 measures it. A tool run by hand, not
# a test: it prints times, ratios and memory; put the figures in your notes
# and compare code changes with `go test -bench` and benchstat.
#
#   internal/bench/compare.sh [ROUNDS]     (default 5 rounds, interleaved)
#
# INPUTS="article big50" measures the reader on those inputs only (default:
# all five); PLAIN=0 skips plain mode and the other commands, READER=0
# the reader.
#
# Inputs, in a temporary directory: the built-in article (its text in
# logical order), the article repeated to 1 MB, 10 MB and 50 MB, and one
# line of 10 MB (the article's text joined with spaces, repeated).
#
# Plain mode: rtlview --plain against fribidi (apt-get install
# libfribidi-bin), where installed. Needs /usr/bin/time (GNU time) for
# peak memory. Times are taken with hyperfine (apt-get install hyperfine)
# where installed, each command line run whole by `sh -c` (the shell's
# start included, as a user's pipeline has it), and with date(1) around
# it otherwise; rtlview and the other command are measured in turn, twice
# each, and each keeps its lower best.
#
# The reader: `rtlview FILE` and `less FILE`, each in an 80x24 tmux pane
# (a tmux server of its own, its socket in the temporary directory). The
# pane is polled every few ms with `tmux capture-pane`; a step's time runs
# from starting the program, or sending its keys, to the screen that shows
# the step done:
#   first screen  rtlview: the status bar and the first row of the text as
#                 --plain lays it out; less: the file name in the prompt
#   G             rtlview: the status bar's position reads 100%; less: (END)
#   search        rtlview: `/WORD` Enter, the status shows "match n/m" (the
#                 whole document is searched and counted); less has no
#                 count and, at the end, searches backward (`?WORD` Enter,
#                 a forward search from the end finds nothing): a match
#                 shows in reverse video
# and the RSS of the program (ps, the pane's process) is read when each
# step's screen is there. Times are the best of ROUNDS, RSS the lowest.
# The floor printed first is that time for a shell that prints one line:
# what starting a pane and polling it cost by themselves. less needs a
# minute or more for G and its search on the 10 MB line (each round).
# Without tmux the reader is skipped; without less rtlview is measured
# alone. Uses GNU date (%N), sleep (fractions) and env (-u).
set -eu
rounds=${1:-5}
word=کره        # "Korea": 14 times in the article, 208,110 in 50 MB
wait_s=${WAIT:-120} # the longest a step may take before it counts as failed
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
sock=$tmp/tmux.sock
cleanup() {
	if command -v tmux >/dev/null; then [ ! -S "$sock" ] || tmux -S "$sock" kill-server 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
go build -o "$tmp/rtlview" .
rv=$tmp/rtlview
# The article's text in logical order: the plain output of --bidi=terminal.
"$rv" --plain -w 0 --bidi=terminal >"$tmp/article.txt"
: >"$tmp/big1.txt"
while [ "$(wc -c <"$tmp/big1.txt")" -lt 1048576 ]; do cat "$tmp/article.txt" >>"$tmp/big1.txt"; done
cp "$tmp/big1.txt" "$tmp/big10.txt"
while [ "$(wc -c <"$tmp/big10.txt")" -lt 10485760 ]; do cat "$tmp/article.txt" >>"$tmp/big10.txt"; done
for i in 1 2 3 4 5; do cat "$tmp/big10.txt"; done >"$tmp/big50.txt"
# One line of 10 MB: the article's lines joined with single spaces, repeated.
tr -s '\n' ' ' <"$tmp/article.txt" >"$tmp/joined"
for i in $(seq 64); do cat "$tmp/joined"; done >"$tmp/chunk"
: >"$tmp/line10.txt"
while [ "$(wc -c <"$tmp/line10.txt")" -lt 10485760 ]; do cat "$tmp/chunk" >>"$tmp/line10.txt"; done
echo >>"$tmp/line10.txt"
rm "$tmp/joined" "$tmp/chunk"
sync # the inputs written back now, not during the first measurements

# best SECONDS of N runs of a command line (sh -c), output discarded:
# the least of hyperfine's runs (at least 10 runs, 3 warm-ups), or of
# ROUNDS runs timed with date
best() {
	if command -v hyperfine >/dev/null; then
		# (the command lines here hold no single quote)
		hyperfine -N -w 3 -m "$((rounds > 10 ? rounds : 10))" -i --export-json "$tmp/hf.json" \
			"sh -c '$1'" >/dev/null 2>&1 || true
		sed -n 's/.*"min": *\([0-9.e-]*\).*/\1/p' "$tmp/hf.json" | head -1 | awk '{printf "%.4f\n", $1}'
		return
	fi
	b=
	for _ in $(seq "$rounds"); do
		s=$(date +%s%N)
		sh -c "$1" >/dev/null 2>&1 || true
		t=$(($(date +%s%N) - s))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	awk -v ns="$b" 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}
# pair A B: "bestA bestB" for two command lines measured in turn, A B A B
# (each pass a best of), the lower of the two passes each: a disturbance
# (the inputs still being written back, another program) in one pass
# does not fall on one side only
pair() {
	a1=$(best "$1")
	b1=$(best "$2")
	a2=$(best "$1")
	b2=$(best "$2")
	awk -v a1="$a1" -v a2="$a2" -v b1="$b1" -v b2="$b2" \
		'BEGIN { printf "%.4f %.4f\n", (a1 < a2 ? a1 : a2), (b1 < b2 ? b1 : b2) }'
}
# peak RSS in MB of one run
rss() {
	/usr/bin/time -f %M -o "$tmp/time" sh -c "$1" >/dev/null 2>&1 || true
	tail -1 "$tmp/time" | awk '{printf "%.1f", $1/1024}'
}
# A / B to 2 places (3 below 0.1), or - when either is missing or B is 0
ratio() {
	case $1$2 in *[!0-9.]* | '') echo -; return ;; esac
	awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else { r = a / b; printf (r < 0.1 ? "%.3f\n" : "%.2f\n"), r } }'
}

echo "rounds: $rounds (best of), $(nproc) cores"
if [ "${PLAIN:-1}" = 0 ]; then
	:
elif command -v fribidi >/dev/null; then
	for f in big10 big50; do
		set -- $(pair "$rv --plain -w 80 --color=never $tmp/$f.txt" "fribidi --width 80 $tmp/$f.txt")
		r=$1 b=$2
		echo "$f plain: rtlview ${r}s  fribidi ${b}s  fribidi/rtlview $(ratio "$b" "$r")"
	done
	set -- $(pair "$rv --plain -w 80 $tmp/big50.txt | head -50" "head -50 $tmp/big50.txt | fribidi --width 80")
	r=$1 b=$2
	echo "head -50 of 50 MB: rtlview ${r}s  head|fribidi ${b}s  rtlview/fribidi $(ratio "$r" "$b")"
	echo "peak RSS, plain 50 MB: rtlview $(rss "$rv --plain -w 80 $tmp/big50.txt") MB  fribidi $(rss "fribidi --width 80 $tmp/big50.txt") MB"
else
	echo "fribidi not installed: plain throughput only"
	echo "big10 plain: rtlview $(best "$rv --plain -w 80 $tmp/big10.txt")s"
fi
if [ "${PLAIN:-1}" != 0 ]; then
	echo "--version: $(best "$rv --version")s (includes the shell's start)  true: $(best true)s"
	echo "--entities on 10 MB: $(best "$rv --entities $tmp/big10.txt")s, peak $(rss "$rv --entities $tmp/big10.txt") MB"
fi

# ---- the reader, in tmux ----
if [ "${READER:-1}" = 0 ]; then
	exit 0
fi
if ! command -v tmux >/dev/null; then
	echo "tmux not installed: the reader is skipped"
	exit 0
fi
tools=rtlview
if command -v less >/dev/null; then tools="rtlview less"; else echo "less not installed: the reader is measured alone"; fi
tm() { tmux -S "$sock" "$@"; }
esc=$(printf '\033')
now_ms() { date +%s%N | cut -c1-13; }
# A session that holds the server up, so that no step pays for its start.
tm -f /dev/null new-session -d -s hold -x 80 -y 24 'exec sleep 100000'

# shown KIND: whether $tmp/screen is the screen that ends step KIND
shown() {
	last=$(tail -1 "$tmp/screen")
	case $1 in
	rtlview.open)
		case $last in [0-9]*%*) ;; *) return 1 ;; esac
		[ ! -s "$tmp/marker" ] || grep -qF -f "$tmp/marker" "$tmp/screen" ;;
	rtlview.end) case $last in 100%*) ;; *) return 1 ;; esac ;;
	rtlview.search) echo "$last" | grep -qE 'match [0-9-]+/[0-9]|not found' ;;
	floor.open) grep -q '^bench-ready' "$tmp/screen" ;;
	less.open) case $last in *"$name"*) ;; *) return 1 ;; esac ;;
	less.end) case $last in *'(END)'*) ;; *) return 1 ;; esac ;;
	less.search) # a match on the screen in reverse video (less's standout), or "Pattern not found"
		sed '$d' "$tmp/screen" | grep -qE "$esc\\[([0-9]*;)*7[;m]" ||
			echo "$last" | grep -q 'Pattern not found' ;;
	esac
}
# wait_for SESSION KIND: poll the pane until step KIND is done; prints the
# ms since $t0, or - if the program exited or the step took over $wait_s
# (counted in polls, so at least that long)
wait_for() {
	e=
	if [ "$2" = less.search ]; then e=-e; fi
	polls=$((wait_s * 200))
	while [ "$polls" -gt 0 ]; do
		# shellcheck disable=SC2086 # $e is empty or one flag
		tm capture-pane -p $e -t "$1" >"$tmp/screen" 2>/dev/null || break
		if shown "$2"; then
			echo $(($(now_ms) - t0))
			return
		fi
		polls=$((polls - 1))
		sleep 0.005
	done
	echo -
}
# rss_mb PID: the resident set of PID in MB, or -
rss_mb() {
	k=$(ps -o rss= -p "$1" 2>/dev/null) || k=
	if [ -n "$k" ]; then echo "$k" | awk '{printf "%.1f", $1/1024}'; else echo -; fi
}
# session TOOL FILE: open FILE, go to its end, search for $word; appends
# "open G search rssOpen rssG rssSearch matches" to $tmp/res.FILE.TOOL
session() {
	s=$1-$$
	name=$2.txt
	case $1 in
	rtlview)
		"$rv" --plain -w 80 --color=never "$tmp/$name" 2>/dev/null | head -1 |
			sed 's/^[[:space:]]*//; s/[[:space:]]*$//' >"$tmp/marker"
		cmd="exec env XDG_STATE_HOME='$tmp/state' '$rv' --no-remember '$tmp/$name'"
		keys="/ $word Enter" ;;
	less)
		cmd="exec env -u LESSOPEN -u LESSCLOSE LESS= LESSHISTFILE=- LESSCHARSET=utf-8 less '$tmp/$name'"
		keys="? $word Enter" ;;
	esac
	t0=$(now_ms)
	tm new-session -d -s "$s" -x 80 -y 24 "$cmd"
	pid=$(tm list-panes -t "$s" -F '#{pane_pid}' 2>/dev/null) || pid=
	t_open=$(wait_for "$s" "$1.open")
	r_open=$(rss_mb "$pid")
	t0=$(now_ms)
	tm send-keys -t "$s" G
	t_end=$(wait_for "$s" "$1.end")
	r_end=$(rss_mb "$pid")
	t0=$(now_ms)
	# shellcheck disable=SC2086 # the keys are words
	tm send-keys -t "$s" $keys
	t_search=$(wait_for "$s" "$1.search")
	r_search=$(rss_mb "$pid")
	n=$(tail -1 "$tmp/screen" | sed -n 's|.*match [0-9-]*/\([0-9+]*\).*|\1|p')
	tm kill-session -t "$s" 2>/dev/null || true
	echo "$t_open $t_end $t_search $r_open $r_end $r_search ${n:--}" >>"$tmp/res.$2.$1"
}
# floor: the time to the first screen of a shell that prints one line, what
# tmux and the polling take by themselves; appended to $tmp/res.floor
floor() {
	t0=$(now_ms)
	tm new-session -d -s "floor-$$" -x 80 -y 24 "exec sh -c 'echo bench-ready; exec sleep 100000'"
	wait_for "floor-$$" floor.open >>"$tmp/res.floor"
	tm kill-session -t "floor-$$" 2>/dev/null || true
}
# col FILE TOOL N: the lowest number in column N of the results, or -
col() {
	if [ "$1" = floor ]; then r=$tmp/res.floor; else r=$tmp/res.$1.$2; fi
	awk -v n="$3" '$n ~ /^[0-9.]+$/ && (b == "" || $n + 0 < b + 0) { b = $n } END { print (b == "" ? "-" : b) }' "$r"
}
inputs=${INPUTS:-article big1 big10 big50 line10}
for _ in $(seq "$rounds"); do
	floor
	for f in $inputs; do
		for t in $tools; do session "$t" "$f"; done
	done
done
echo
if [ "$tools" = rtlview ]; then l=; else l=" (less: ?$word, from the end)"; fi
echo "reader in an 80x24 tmux pane, best of $rounds (RSS: lowest); search: /$word$l"
echo "floor (tmux and the polling, for a shell that prints a line): $(col floor - 1) ms"
# row LABEL UNIT COLUMN: rtlview's figure, less's and their ratio
row() {
	a=$(col "$f" rtlview "$3")
	if [ "$tools" = rtlview ]; then
		printf '  %-16s rtlview %7s %s\n' "$1" "$a" "$2"
	else
		b=$(col "$f" less "$3")
		printf '  %-16s rtlview %7s %-2s  less %7s %-2s  rtlview/less %s\n' "$1" "$a" "$2" "$b" "$2" "$(ratio "$a" "$b")"
	fi
}
for f in $inputs; do
	echo "$f.txt: $(wc -c <"$tmp/$f.txt" | awk '{ if ($1 < 1048576) printf "%.1f KB", $1/1024; else printf "%.1f MB", $1/1048576 }'), $(wc -l <"$tmp/$f.txt") lines, rtlview finds $(tail -1 "$tmp/res.$f.rtlview" | cut -d' ' -f7) matches"
	row "first screen" ms 1
	row "G (to the end)" ms 2
	row "search" ms 3
	row "RSS open" MB 4
	row "RSS after G" MB 5
	row "RSS after search" MB 6
done
echo "(- : the step did not finish within ${wait_s}s, or the program exited)"

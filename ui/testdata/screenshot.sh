#!/bin/sh
# How screenshot-light.png and screenshot-dark.png were made: the real
# binary in xterm (no bidi of its own, DejaVu Sans Mono for the Arabic
# glyphs) under Xvfb. Needs: apt-get install xvfb xterm x11-apps imagemagick
# Run from the repository root: sh ui/testdata/screenshot.sh
set -eu
go build -o /tmp/rtlview-shot .
Xvfb :77 -screen 0 1100x700x24 & xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
export DISPLAY=:77 LANG=C.UTF-8

# Light background: the first screen.
xterm -fa "DejaVu Sans Mono" -fs 12 -geometry 100x30+0+0 -bg white -fg black \
	-e /tmp/rtlview-shot & xt=$!
sleep 2.5
xwd -root -silent | convert xwd:- -crop 1004x604+0+0 +repage -colors 64 PNG8:ui/testdata/screenshot-light.png
kill $xt

# Dark background: a search for «کره» and the entity panel, keys sent
# through tmux (its status line off) inside the xterm.
xterm -fa "DejaVu Sans Mono" -fs 12 -geometry 100x30+0+0 -bg '#1c1c1c' -fg '#e4e4e4' \
	-e tmux -u -L shot -f /dev/null new-session -s s /tmp/rtlview-shot \; set -g status off & xt=$!
sleep 2
tmux -L shot send-keys -t s /
tmux -L shot send-keys -t s -l "کره"
sleep 0.3
tmux -L shot send-keys -t s Enter n n
tmux -L shot send-keys -t s e
sleep 0.5
xwd -root -silent | convert xwd:- -crop 1002x604+0+0 +repage -colors 64 PNG8:ui/testdata/screenshot-dark.png
tmux -L shot kill-server
kill $xt

# A Persian README (testdata/real/markdown) on a light background, moved
# with ] seven headings down to its settings section and table.
xterm -fa "DejaVu Sans Mono" -fs 12 -geometry 100x30+0+0 -bg white -fg black \
	-e tmux -u -L shot -f /dev/null new-session -s s /tmp/rtlview-shot testdata/real/markdown/fa-marzban-README-fa.md \; set -g status off & xt=$!
sleep 2
for k in ] ] ] ] ] ] ]; do tmux -L shot send-keys -t s "$k"; done
sleep 0.5
xwd -root -silent | convert xwd:- -crop 1002x604+0+0 +repage -colors 64 PNG8:ui/testdata/screenshot-readme.png
tmux -L shot kill-server
kill $xt

#!/bin/sh
# screenshots.sh: the README's pictures of the reader (overview, legend,
# compare, days, demands, presenter), made from the running program. Each screen is the real reader
# in a detached tmux pane of 120x40, driven with keys, captured with its
# colours (tmux capture-pane -e), rendered by charmbracelet/freeze to SVG
# with its embedded JetBrains Mono, and turned into a PNG at twice the size
# by headless Chromium. The PNGs go to docs/img/.
#
# Run it from anywhere in the repository; run it again after the look of
# the reader changes. It installs what it lacks (Debian's tmux and chromium
# with apt-get; freeze built once from its module into the cache) and is
# otherwise idempotent: the same program gives the same pictures.
#
#   scripts/screenshots.sh
set -eu

cd "$(dirname "$0")/.."
out=docs/img
cache=${XDG_CACHE_HOME:-$HOME/.cache}/dossier-screenshots
freeze_version=v0.2.2
cols=120
rows=40
mkdir -p "$out" "$cache"

# apt_install PKG: installs a Debian package, as root or with sudo.
apt_install() {
	echo "installing Debian's $1 package" >&2
	if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}

command -v tmux >/dev/null || apt_install tmux
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	apt_install chromium
	browser=$(command -v chromium)
fi

# freeze, built from a throwaway module: `go install freeze@version` needs
# the module proxy's version list, which some proxies refuse.
freeze=$cache/freeze-$freeze_version
if [ ! -x "$freeze" ]; then
	echo "building charmbracelet/freeze $freeze_version" >&2
	mod=$(mktemp -d)
	printf 'module freezebuild\n\ngo 1.24\n\nrequire github.com/charmbracelet/freeze %s\n' "$freeze_version" >"$mod/go.mod"
	printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/charmbracelet/freeze"\n' >"$mod/tools.go"
	(cd "$mod" && GOFLAGS=-mod=mod go build -o "$freeze" github.com/charmbracelet/freeze)
	rm -rf "$mod"
fi

tmp=$(mktemp -d)
sock=dossier-shots-$$
tmux_() { tmux -L "$sock" -f "$tmp/tmux.conf" "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$tmp" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"' EXIT INT TERM
printf 'set -g status off\n' >"$tmp/tmux.conf"

go build -o "$tmp/dossier" .
go build -o "$tmp/shotansi" ./scripts/shotansi

# start ARGS...: runs the reader with ARGS in a fresh pane. It is told it
# runs in a truecolor xterm (and not in tmux, whose colour support it would
# ask a tmux without a client about), so the capture holds its own colours.
start() {
	tmux_ kill-server 2>/dev/null || true
	sleep 0.2
	tmux_ new-session -d -x "$cols" -y "$rows" \
		"env -u TMUX -u NO_COLOR TERM=xterm-256color COLORTERM=truecolor $tmp/dossier $* --style dark"
}

# settle TEXT: waits until the pane shows TEXT and has stopped changing.
settle() {
	i=0
	prev=
	while :; do
		cur=$(tmux_ capture-pane -e -p -t 0 2>/dev/null || true)
		if [ -n "$cur" ] && [ "$cur" = "$prev" ] && tmux_ capture-pane -p -t 0 | grep -qF -- "$1"; then
			return 0
		fi
		i=$((i + 1))
		if [ "$i" -gt 150 ]; then
			echo "the screen never showed '$1'; it shows:" >&2
			tmux_ capture-pane -p -t 0 >&2 || true
			exit 1
		fi
		prev=$cur
		sleep 0.2
	done
}

# keys KEY...: types keys (tmux key names) and lets the screen redraw.
keys() {
	for k in "$@"; do
		tmux_ send-keys -t 0 "$k"
		sleep 0.15
	done
}

# shot NAME: captures the pane and writes docs/img/NAME.png. A line height
# of 1.1 keeps the cells of block characters (the timeline's bars, the
# cursor bar) touching, as in a terminal; freeze's 1.2 leaves gaps.
shot() {
	tmux_ capture-pane -e -p -t 0 | "$tmp/shotansi" >"$tmp/$1.ans"
	"$freeze" "$tmp/$1.ans" --language ansi --window --margin 0 --border.radius 0 \
		--padding 20,24 --font.size 14 --line-height 1.1 -o "$tmp/$1.svg" >/dev/null
	# the SVG's size, rounded up, is the browser window's
	size=$(sed -n 's/.*<svg width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$tmp/$1.svg" | head -1 |
		awk '{ printf "%d,%d", $1 + 0.999, $2 + 0.999 }')
	"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --hide-scrollbars \
		--user-data-dir="$tmp/chromium" --force-device-scale-factor=2 \
		--window-size="$size" --screenshot="$out/$1.png" "file://$tmp/$1.svg" 2>/dev/null
	echo "wrote $out/$1.png"
}

# overview: where a first-time reader lands (view 0)
start --view overview
settle "Days at a glance"
shot overview

# legend: what the badges, grades and marks mean (i)
keys i
settle "Source badges"
shot legend

# compare: the first topic, two accounts side by side
start --view compare
settle "Militant sanctuaries and the TTP"
shot compare

# days: the timeline, and 26 Oct, on whose length two sources disagree
keys 2
settle "What the accounts say about"
keys h
settle "hours: 9h (Dawn)"
shot days

# demands: the table and the details of the first demand
keys 4
settle "argued in:"
shot demands

# presenter: `dossier present` on the fifth stop of the briefing, a compare
# stop, with the presenter notes under it
start present
settle "briefing:"
keys Right Right Right Right Right
settle "stop 5/"
shot presenter

#!/bin/sh
# export-shots.sh: export the embedded dossier's briefing as HTML and
# screenshot it in headless Chromium at a desktop and a phone width, into
# docs/img/. Run by hand from the repository root (it is not part of
# `go test`): installs Debian's chromium package when it is missing.
#
#   scripts/export-shots.sh [BRIEFING]
set -eu

briefing=${1:-ten-minute}
out=docs/img
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "chromium not found; installing Debian's chromium package" >&2
	if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
	browser=$(command -v chromium)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run . export --briefing "$briefing" -o "$tmp/handout.html"

# shot NAME WIDTH,HEIGHT [FILE]: one screenshot of the handout (or of FILE).
shot() {
	"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run \
		--user-data-dir="$(mktemp -d -p "$tmp")" --hide-scrollbars \
		--window-size="$2" --screenshot="$out/$1" "file://${3:-$tmp/handout.html}" 2>/dev/null
	echo "wrote $out/$1 ($2)"
}

shot export-desktop.png 1280,2000
shot export-phone.png 390,2000

# The compare stops are further down the page, and headless Chromium's
# --screenshot ignores a #fragment. For the second pair of shots a copy of
# the page hides everything but the first compare stop (one added CSS
# rule; the handout itself is unchanged).
first=$(grep -o 'class="stop view-compare" id="stop-[0-9]*"' "$tmp/handout.html" | head -1 | grep -o 'stop-[0-9]*' || true)
if [ -n "$first" ]; then
	sed "s|</style>|header.doc, main > section:not(#$first), footer { display: none; } #$first { margin-top: 0; }\n</style>|" \
		"$tmp/handout.html" >"$tmp/compare.html"
	shot export-compare-desktop.png 1280,2000 "$tmp/compare.html"
	shot export-compare-phone.png 390,2000 "$tmp/compare.html"
fi

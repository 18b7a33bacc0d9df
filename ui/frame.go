package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dossier-dev/dossier/render"
)

// Minimum usable terminal size; below it the reader asks for more room.
const (
	minWidth  = 40
	minHeight = 10
	// maxWidth and maxHeight bound the frame the reader draws: a terminal
	// (or a client) claiming 65535x65535 would otherwise have it build a
	// frame of four billion cells. The SSH server clamps tighter still.
	maxWidth  = 1000
	maxHeight = 500
	// wideWidth is the width from which the two panes sit side by side;
	// below it they become tabs.
	wideWidth = 80
)

// fit cuts or pads a styled line to exactly w cells.
func (c *Common) fit(s string, w int) string { return render.Fit(s, w, c.Method) }

// blankLines returns n lines of w spaces.
func blankLines(n, w int) []string {
	out := make([]string, n)
	b := strings.Repeat(" ", max(0, w))
	for i := range out {
		out[i] = b
	}
	return out
}

// boxTop draws the top border of a frame inner cells wide, with a title.
func (c *Common) boxTop(title string, inner int, border lipgloss.Style) string {
	if inner < 0 {
		inner = 0
	}
	if title == "" || inner < 5 {
		return border.Render("╭" + strings.Repeat("─", inner) + "╮")
	}
	if c.Method.StringWidth(title) > inner-4 {
		title = render.Slice(title, 0, inner-5, c.Method) + "…"
	}
	tw := c.Method.StringWidth(title)
	return border.Render("╭─ ") + title + border.Render(" "+strings.Repeat("─", max(0, inner-3-tw))+"╮")
}

// boxBottom draws the bottom border of a frame, with a note at its right
// end (the scroll position).
func (c *Common) boxBottom(note string, inner int, border lipgloss.Style) string {
	if inner < 0 {
		inner = 0
	}
	nw := c.Method.StringWidth(note)
	if note == "" || nw+4 > inner {
		return border.Render("╰" + strings.Repeat("─", inner) + "╯")
	}
	return border.Render("╰"+strings.Repeat("─", inner-nw-3)+" ") + note + border.Render(" ─╯")
}

// splice lays box lines over base lines (each w cells wide) at column x
// and row y, keeping every line exactly w cells wide.
func (c *Common) splice(base []string, box []string, x, y, w int) {
	m := c.Method
	for i, line := range box {
		row := y + i
		if row < 0 || row >= len(base) {
			continue
		}
		bw := m.StringWidth(line)
		left := render.Slice(base[row], 0, x, m)
		right := render.Slice(base[row], x+bw, w, m)
		base[row] = c.fit(left+"\x1b[m"+line+"\x1b[m"+right, w)
	}
}

// frameBox wraps lines (each exactly inner cells) in a rounded frame with a
// title, for overlays.
func (c *Common) frameBox(title string, lines []string, inner int) []string {
	st := c.Styles.Overlay
	out := make([]string, 0, len(lines)+2)
	out = append(out, c.boxTop(c.Styles.OverlayTitle.Render(title), inner, st))
	bar := st.Render("│")
	for _, l := range lines {
		out = append(out, bar+c.fit(l, inner)+bar)
	}
	out = append(out, c.boxBottom("", inner, st))
	return out
}

// tooSmall is the whole screen when the terminal is below the minimum:
// a polite request for room, centred, every line exactly w cells.
func (c *Common) tooSmall(w, h int) []string {
	msg := []string{"Make the window larger", "(at least 40×10)"}
	if w < 24 {
		msg = []string{"Too small", "≥ 40×10"}
	}
	lines := blankLines(h, w)
	top := max(0, (h-len(msg))/2)
	for i, s := range msg {
		if top+i >= h {
			break
		}
		pad := max(0, (w-c.Method.StringWidth(s))/2)
		lines[top+i] = c.fit(strings.Repeat(" ", pad)+s, w)
	}
	return lines
}

// clampSize bounds a terminal size to what the reader draws; a negative
// size counts as zero.
func clampSize(w, h int) (int, int) {
	return min(max(0, w), maxWidth), min(max(0, h), maxHeight)
}

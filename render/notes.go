package render

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Notes returns the presenter notes of stop i of briefing b rendered as
// Markdown at the given width and style: cleaned of control characters like
// every text the package renders, each line at most width cells wide
// (ansi.StringWidth), no trailing padding. Notes over the claim budget are
// shown as plain text under a note. The result is cached by the notes' text,
// width and style, and shared: callers must not modify it. It
// may take milliseconds on a miss; readers call it from a tea.Cmd. A stop
// index out of range gives no lines.
func (c *Cache) Notes(d *dossier.Dossier, b *dossier.Briefing, i int, width int, st Style) []string {
	if b == nil || i < 0 || i >= len(b.Stops) {
		return nil
	}
	k := notesKey(b.Stops[i].Notes, width, st)
	if v, ok := c.get(k); ok {
		return v.([]string)
	}
	l := c.layout(width, st)
	l.renderMu.Lock()
	defer l.renderMu.Unlock()
	if v, ok := c.get(k); ok { // rendered while we waited
		return v.([]string)
	}
	src := Clean(b.Stops[i].Notes)
	var body []string
	if c.cost(b.Stops[i].Notes) > claimBudget {
		body = l.plainBlock(src, noteClaimTooComplex)
	} else {
		body = l.markdown(src)
	}
	lines := make([]string, 0, len(body))
	for _, line := range body {
		if ansi.StringWidth(line) > width {
			line = Slice(line, 0, width, ansi.GraphemeWidth)
		}
		lines = append(lines, line)
	}
	c.put(k, lines, linesSize(lines))
	return lines
}

// CachedNotes returns the rendered notes of a stop if they are already in
// the cache, without rendering anything (see Notes).
func (c *Cache) CachedNotes(d *dossier.Dossier, b *dossier.Briefing, i int, width int, st Style) ([]string, bool) {
	if b == nil || i < 0 || i >= len(b.Stops) {
		return nil, true
	}
	v, ok := c.get(notesKey(b.Stops[i].Notes, width, st))
	if !ok {
		return nil, false
	}
	return v.([]string), true
}

package render

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// notesKey names the presenter notes of one stop of one briefing.
type notesKey struct {
	d        *dossier.Dossier
	briefing string
	stop     int
}

// Notes returns the presenter notes of stop i of briefing b rendered as
// Markdown at the given width and style: cleaned of control characters like
// every text the package renders, each line at most width cells wide
// (ansi.StringWidth), no trailing padding. Notes over the claim budget are
// shown as plain text under a note. The result is cached per (dossier,
// briefing, stop, width, style) and shared: callers must not modify it. It
// may take milliseconds on a miss; readers call it from a tea.Cmd. A stop
// index out of range gives no lines.
func (c *Cache) Notes(d *dossier.Dossier, b *dossier.Briefing, i int, width int, st Style) []string {
	if b == nil || i < 0 || i >= len(b.Stops) {
		return nil
	}
	l := c.layout(width, st)
	k := notesKey{d, b.ID, i}
	if v, ok := l.notes.Load(k); ok {
		return v.([]string)
	}
	l.renderMu.Lock()
	defer l.renderMu.Unlock()
	if v, ok := l.notes.Load(k); ok { // rendered while we waited
		return v.([]string)
	}
	src := Clean(b.Stops[i].Notes)
	var body []string
	if markdownCost(src) > claimBudget {
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
	l.notes.Store(k, lines)
	return lines
}

// CachedNotes returns the rendered notes of a stop if they are already in
// the cache, without rendering anything (see Notes).
func (c *Cache) CachedNotes(d *dossier.Dossier, b *dossier.Briefing, i int, width int, st Style) ([]string, bool) {
	if b == nil || i < 0 || i >= len(b.Stops) {
		return nil, true
	}
	l := c.layout(width, st)
	v, ok := l.notes.Load(notesKey{d, b.ID, i})
	if !ok {
		return nil, false
	}
	return v.([]string), true
}

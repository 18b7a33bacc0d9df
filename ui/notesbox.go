package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// notesWindow returns the rows of notes the panel shows, scrolled by
// deck.off, and how many lines are above and below them. The first and
// last rows give way to "↑ above" and "↓ more" lines when the notes go on.
func (m *Model) notesWindow(notes []string, rows int) (shown []string, above, below int) {
	d := &m.deck
	if len(notes) <= rows || rows < 3 {
		d.off = 0
		return notes, 0, max(0, len(notes)-rows)
	}
	d.off = clamp(d.off, 0, len(notes)-rows+1) // the last: the top row says "above", the rest the end
	above = d.off
	if above > 0 {
		shown = append(shown, "") // the first row says how many are above
	}
	shown = append(shown, notes[d.off:]...)
	if len(shown) > rows {
		shown = shown[:rows]
		below = len(notes) - d.off - rows + 1 // the last row says how many more
		if above > 0 {
			below++
		}
	}
	return shown, above, below
}

// notesHint is the one-line panel's note on the notes: "P notes (12
// lines)", "" when the stop has none.
func (m *Model) notesHint() string {
	if m.pres.stop < 0 || len(m.deck.lines) == 0 || !m.c.Keys.Panel.Enabled() {
		return ""
	}
	return m.c.Keys.Panel.Help().Key + " notes (" + plural(len(m.deck.lines), "line", "lines") + ")"
}

// presenterNotesKey scrolls the presenter notes, and below panelMinHeight rows
// opens them in a box (P, J or K); ok is false for any other key.
func (m *Model) presenterNotesKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	if !m.presenting() {
		return nil, false
	}
	k := m.c.Keys
	short := m.c.Height < panelMinHeight
	switch {
	case short && key.Matches(msg, k.Panel, k.NotesDown, k.NotesUp):
		m.overlay = m.notesBox()
	case key.Matches(msg, k.NotesDown):
		m.deck.off++
	case key.Matches(msg, k.NotesUp):
		m.deck.off = max(0, m.deck.off-1)
	default:
		return nil, false
	}
	return nil, true
}

// notesBox shows the current stop's presenter notes in a box that
// scrolls, for a terminal too short for the panel.
func (m *Model) notesBox() overlay {
	d, b, cache, stop, style := m.c.Base, m.deck.b, m.c.Cache, m.pres.stop, m.c.Style
	title := "Notes · " + m.stopLabel()
	return &textBox{c: m.c, keys: newListKeys(true), title: title, close: []key.Binding{m.c.Keys.Panel},
		build: func(w int) []string {
			if stop < 0 {
				return []string{m.c.Styles.Faint.Render("Not on a stop yet: " + m.c.Keys.NextStop.Help().Key + " goes to the first.")}
			}
			lines := cache.Notes(d, b, stop, w, style)
			if len(lines) == 0 {
				return []string{m.c.Styles.Faint.Render("No notes for this stop.")}
			}
			return lines
		}}
}

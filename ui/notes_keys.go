package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
)

// target is the thing the notes keys act on: the marked claim of the
// compare view, the selected day, the demand or discrepancy under the
// cursor.
type target struct {
	anchor notes.Anchor
	quote  string // its text, one line, kept with the entry
	label  string // how the status line names it
}

// marked returns the thing the notes keys act on in the active view.
func (m *Model) marked() (target, bool) {
	switch v := m.views[m.active].(type) {
	case *compareView:
		i := v.current()
		if i < 0 {
			return target{}, false
		}
		cl, _, ok := m.c.claimByID(v.anchorOf(i).id)
		if !ok {
			return target{}, false
		}
		return target{anchor: notes.Anchor{Kind: notes.KindClaim, ID: cl.ID, FP: notes.Fingerprint(cl.Text)},
			quote: cl.Text, label: "claim " + render.Clean(cl.ID)}, true
	case *daysView:
		if day := v.day(); day != nil {
			return target{anchor: notes.Anchor{Kind: notes.KindDay, ID: day.ID}, quote: day.Label, label: render.Clean(day.Label)}, true
		}
	case *demandsView:
		if x := v.demand(); x != nil {
			return target{anchor: notes.Anchor{Kind: notes.KindDemand, ID: x.ID}, quote: x.Text, label: "demand " + render.Clean(x.ID)}, true
		}
	case *discrepanciesView:
		if i := v.pane.tbl.cursor; i >= 0 && i < len(v.ids) {
			if x, ok := m.c.Dossier.Discrepancy(v.ids[i]); ok {
				return target{anchor: notes.Anchor{Kind: notes.KindDiscrepancy, ID: x.ID}, quote: x.Fact, label: "this discrepancy"}, true
			}
		}
	}
	return target{}, false
}

// notesKey handles the keys of the notes layer; ok is false for any other
// key.
func (m *Model) notesKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k, n := m.c.Keys, m.c.Notes
	switch {
	case key.Matches(msg, k.Bookmark, k.Note, k.Bookmarks, k.OnlyNew):
		if n == nil {
			m.status = "notes are off in this session"
			return nil, true
		}
	case key.Matches(msg, k.Copy):
		return m.copyClaim(), true
	default:
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Bookmarks):
		m.overlay = newBookmarkList(m.c)
		return nil, true
	case key.Matches(msg, k.OnlyNew):
		return m.toggleOnlyNew(), true
	case !n.active():
		m.status = n.off
		return nil, true
	}
	t, found := m.marked()
	if !found {
		m.status = "nothing marked here to note: a claim, a day, a demand or a discrepancy"
		return nil, true
	}
	if key.Matches(msg, k.Note) {
		text := ""
		if e := n.book.Find(t.anchor.Kind, t.anchor.ID); e != nil {
			text = e.Text
		}
		m.overlay = newNoteEditor(m.c, t, text)
		return nil, true
	}
	done := "bookmark removed from " + t.label
	if n.book.ToggleBookmark(t.anchor, cell(t.quote), n.now()) {
		done = "bookmarked " + t.label + " (' lists bookmarks)"
	}
	return n.changed(m.c.Base.Title, done), true
}

// notesUpdate handles the messages of the notes layer.
func (m *Model) notesUpdate(msg tea.Msg) tea.Cmd {
	n := m.c.Notes
	switch msg := msg.(type) {
	case noteSaveMsg:
		if !n.active() {
			return nil
		}
		n.book.SetNote(msg.t.anchor, cell(msg.t.quote), msg.text, n.now())
		done := "note saved on " + msg.t.label
		if msg.text == "" {
			done = "note removed from " + msg.t.label
		}
		return n.changed(m.c.Base.Title, done)
	case noteSavedMsg:
		if msg.err != nil {
			m.status = "notes not saved: " + render.Clean(msg.err.Error())
		} else if msg.done != "" {
			m.status = msg.done
		}
		if msg.err == nil && msg.book != nil && n != nil && msg.gen == n.gen {
			// what the file holds now: ours, and what was written there
			// meanwhile (by hand, or by another session)
			n.book, n.placeOf = msg.book, nil
			n.ver++
		}
	}
	return nil
}

// toggleOnlyNew turns the `u` filter on or off.
func (m *Model) toggleOnlyNew() tea.Cmd {
	n := m.c.Notes
	if len(n.fresh) == 0 && !n.onlyNew {
		m.status = "nothing is new since " + n.since.Format("2 Jan 15:04")
		return nil
	}
	n.onlyNew = !n.onlyNew
	return m.applyFilters()
}

// copyClaim copies the marked claim with its citation to the clipboard
// through the terminal (OSC 52, which works over SSH too).
func (m *Model) copyClaim() tea.Cmd {
	cv, ok := m.views[m.active].(*compareView)
	if !ok {
		m.status = "y copies a claim: mark one in the compare view (1)"
		return nil
	}
	i := cv.current()
	if i < 0 {
		return nil
	}
	ref, ok := notes.FindClaim(m.c.Dossier, cv.anchorOf(i).id)
	if !ok {
		return nil
	}
	m.status = "copied claim " + render.Clean(ref.Claim.ID) + " with its citation"
	return tea.SetClipboard(notes.Cite(m.c.Dossier, ref))
}

// notesLocation adds to the header's location the marks of the thing
// marked in the view (★ ✎ changed new); "12 new since 3 Nov" goes with the
// filters (filter.go).
func (m *Model) notesLocation(loc string) string {
	n := m.c.Notes
	if n == nil {
		return loc
	}
	// claims carry their marks in the panes; a day, a demand or a
	// discrepancy carries them here (and marked() is cheap for those)
	if _, cmp := m.views[m.active].(*compareView); !cmp && len(n.book.Entries) > 0 {
		if t, ok := m.marked(); ok {
			if tags := m.c.tags(t.anchor.Kind, t.anchor.ID); tags != "" {
				loc += " " + tags
			}
		}
	}
	return loc
}

// tagPane writes the marks of each claim (★ bookmarked, ✎ noted, changed,
// new) at the right end of its first line, the badge line, when its end is
// blank; else at the right end of the blank line below the claim.
func (v *compareView) tagPane(p *pane, side, off, tw int) {
	if v.c.Notes == nil || v.lay == nil {
		return
	}
	first := v.lay.RowAt(off) // the first row on screen…
	if first < 0 {
		first = len(v.lay.Rows)
	}
	first = max(0, first-1) // …and the one above, whose marks may sit below it
	for _, r := range v.lay.Rows[min(first, len(v.lay.Rows)):] {
		if r.Start-off >= len(p.lines) {
			break
		}
		id := r.ThirdID // side 2: the third pane of three side by side
		if side < 2 {
			id = r.IDs[side]
		}
		if id == "" || r.Start+r.Height < off {
			continue
		}
		tags := v.c.tags(notes.KindClaim, id)
		if tags == "" {
			continue
		}
		tags = " " + tags
		w := v.c.Method.StringWidth(tags)
		if w >= tw {
			continue
		}
		y := r.Start - off
		if y >= 0 && y < len(p.lines) {
			line := ansi.Strip(p.lines[y])
			if len(line)-len(strings.TrimRight(line, " ")) < w {
				y = r.Start + r.Height - off // the badges fill the line: below the claim
			}
		}
		if y >= 0 && y < len(p.lines) {
			p.lines[y] = render.Slice(p.lines[y], 0, tw-w, v.c.Method) + "\x1b[m" + tags
		}
	}
}

// guardNote turns the first ctrl+c over a note editor holding unsaved text
// into its question ("drop the unsaved note?"); it reports whether it did.
// A second ctrl+c quits.
func (m *Model) guardNote() bool {
	e, ok := m.overlay.(*noteEditor)
	if !ok || e.asking || !e.dirty() {
		return false
	}
	e.asking = true
	return true
}

// rowMark returns a table's mark function for rows of one kind whose ids
// id(i) gives: ★ for a bookmark, else ✎ for a note.
func (c *Common) rowMark(k notes.Kind, id func(i int) string) func(i int) string {
	return func(i int) string {
		if c.Notes == nil {
			return ""
		}
		p, ok := c.Notes.place(c.Base, k, id(i))
		switch {
		case !ok:
			return ""
		case p.Entry.Bookmark:
			return c.Styles.Cursor.Render("★")
		case p.Entry.Text != "":
			return c.Styles.Cursor.Render("✎")
		}
		return ""
	}
}

// quit ends the program, first remembering every claim shown as seen (so
// the next opening tags what changed after this reading).
func (m *Model) quit() tea.Cmd {
	return tea.Sequence(m.c.Notes.recordSeen(m.c.Base), tea.Quit)
}

// tagDay adds to line y of the days view's document the marks of the
// claims that start there (★ ✎ changed new), at the right end of the
// claim's pane, or on the blank line below the claim when its badges fill
// the line. Where the claims start comes from the topic layouts the
// document was made of (in the cache already: nothing is rendered here).
func (v *daysView) tagDay(line string, y int) string {
	n := v.c.Notes
	if n == nil || v.doc == nil {
		return line
	}
	if n.dayFor != v.doc || n.dayVer != n.ver {
		n.dayFor, n.dayVer, n.dayTags = v.doc, n.ver, v.dayTags()
	}
	t, ok := n.dayTags[y]
	if !ok {
		return line
	}
	m := v.c.Method
	lw := m.StringWidth(line)
	for side, tags := range t {
		if tags == "" {
			continue
		}
		end := lw // the right pane, or the one pane of tabs, ends the line
		if side == 0 && v.doc.req.wide {
			end = render.DayPaneWidth(v.doc.req.width, true)
		}
		w := m.StringWidth(tags)
		if w >= end {
			continue
		}
		line = render.Slice(line, 0, end-w, m) + "\x1b[m" + tags + render.Slice(line, end, lw, m)
	}
	return line
}

// dayTags works out the marks of every claim of the days view's document:
// line → the marks of the left and right pane (one pane in tabs).
func (v *daysView) dayTags() map[int][2]string {
	out := map[int][2]string{}
	req := v.doc.req
	pw := render.DayPaneWidth(req.width, req.wide)
	for _, b := range v.doc.Blocks {
		t, ok := req.d.Topic(b.Topic)
		if !ok {
			continue
		}
		lay, ok := v.c.Cache.CachedCompareDay(req.d, t, req.day, req.pair, pw, req.style, req.method)
		if !ok {
			continue
		}
		for _, r := range lay.Rows {
			for side, id := range r.IDs {
				pane := side
				if !req.wide {
					if Focus(side) != req.side {
						continue
					}
					pane = 1 // the only pane ends the line
				}
				tags := v.c.tags(notes.KindClaim, id)
				if id == "" || tags == "" {
					continue
				}
				tags = " " + tags
				y := r.Start
				if l := ansi.Strip(lay.Lines[side][y]); len(l)-len(strings.TrimRight(l, " ")) < v.c.Method.StringWidth(tags) {
					y = r.Start + r.Height // the badges fill the line: below the claim
				}
				at := b.Start + 1 + y
				x := out[at]
				x[pane] = tags
				out[at] = x
			}
		}
	}
	return out
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
)

// noteSaveMsg carries a note the editor saved to the root, which keeps it
// in the book and writes the file.
type noteSaveMsg struct {
	t    target
	text string
}

// noteEditor is the small editor of a note (bubbles/textarea): ctrl+s
// saves and closes, esc closes and asks first when the text was changed.
type noteEditor struct {
	c       *Common
	t       target
	ta      textarea.Model
	orig    string
	asking  bool // "drop the unsaved note?" is on screen
	save    key.Binding
	close   key.Binding
	yes, no key.Binding
}

func newNoteEditor(c *Common, t target, text string) *noteEditor {
	ta := textarea.New()
	st := textarea.DefaultStyles(c.Style != render.StyleLight)
	st.Cursor.Blink = false
	ta.SetStyles(st)
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 20000
	ta.MaxHeight = 0
	ta.SetValue(render.Clean(text)) // a file edited by hand may hold escapes
	ta.Focus()
	return &noteEditor{c: c, t: t, ta: ta, orig: text,
		save:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		yes:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "drop it")),
		no:    key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep editing")),
	}
}

// dirty reports whether the text differs from what was saved.
func (e *noteEditor) dirty() bool { return e.ta.Value() != e.orig }

func (e *noteEditor) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	if e.asking {
		switch {
		case key.Matches(msg, e.yes):
			return nil, nil
		case key.Matches(msg, e.no):
			e.asking = false
		}
		return e, nil
	}
	switch {
	case key.Matches(msg, e.save):
		m := noteSaveMsg{t: e.t, text: strings.Trim(e.ta.Value(), "\n")}
		return nil, func() tea.Msg { return m }
	case key.Matches(msg, e.close):
		if e.dirty() {
			e.asking = true
			return e, nil
		}
		return nil, nil
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return e, cmd
}

func (e *noteEditor) Box(maxW, maxH int) []string {
	inner := min(maxW-2, 72)
	if inner < 4 || maxH < 6 {
		return nil
	}
	e.ta.SetWidth(inner - 2)
	e.ta.SetHeight(max(1, min(10, maxH-6)))
	st := e.c.Styles
	lines := []string{st.Faint.Render(" " + e.c.cut(render.Clean(cell(e.t.quote)), inner-3)), ""}
	for _, l := range strings.Split(e.ta.View(), "\n") {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "")
	if e.asking {
		lines = append(lines, st.StatusAlert.Render(" Drop the unsaved note? y drops it · n keeps editing"))
	} else {
		lines = append(lines, st.Faint.Render(" ctrl+s saves · esc closes · an empty note is removed"))
	}
	return e.c.frameBox("Note on "+e.t.label, lines[:min(len(lines), maxH-2)], inner)
}

func (e *noteEditor) ShortHelp() []key.Binding {
	if e.asking {
		return []key.Binding{e.yes, e.no}
	}
	return []key.Binding{e.save, e.close}
}
func (e *noteEditor) FullHelp() [][]key.Binding { return [][]key.Binding{e.ShortHelp()} }

// bookmarkList lists the bookmarks and notes, the orphaned ones last;
// enter goes to the thing.
type bookmarkList struct {
	c     *Common
	keys  listKeys
	items []notes.Placed
	sel   int
	page  int
}

func newBookmarkList(c *Common) *bookmarkList {
	l := &bookmarkList{c: c, keys: newListKeys(true), page: 10}
	var orphans []notes.Placed
	for _, p := range notes.Locate(c.Notes.book, c.Base) {
		if p.State == notes.Orphaned {
			orphans = append(orphans, p)
		} else {
			l.items = append(l.items, p)
		}
	}
	l.items = append(l.items, orphans...)
	return l
}

func (l *bookmarkList) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	if sel, ok := l.keys.move(msg, l.sel, len(l.items), l.page); ok {
		l.sel = sel
		return l, nil
	}
	switch {
	case key.Matches(msg, l.keys.Close), key.Matches(msg, l.c.Keys.Bookmarks):
		return nil, nil
	case key.Matches(msg, l.keys.Choose) && len(l.items) > 0:
		return nil, l.jump(l.items[l.sel])
	}
	return l, nil
}

// jump goes to the thing of an entry.
func (l *bookmarkList) jump(p notes.Placed) tea.Cmd {
	switch p.Entry.Kind {
	case notes.KindClaim:
		if r, ok := notes.FindClaim(l.c.Base, p.ID); ok {
			return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: r.Topic.ID, Anchor: p.ID, Accounts: l.c.pairWith(r.Account), Stop: -1}})
		}
	case notes.KindDay:
		return JumpCmd(JumpMsg{View: ViewDays, Pos: Position{Day: p.ID, Stop: -1}})
	case notes.KindDemand:
		return JumpCmd(JumpMsg{View: ViewDemands, Item: p.ID})
	case notes.KindDiscrepancy:
		return JumpCmd(JumpMsg{View: ViewDiscrepancies, Item: p.ID})
	}
	return func() tea.Msg { return StatusMsg{Text: "that is gone from the dossier; its note is kept in the file"} }
}

func (l *bookmarkList) Box(maxW, maxH int) []string {
	st := l.c.Styles
	inner := min(maxW-2, 90)
	if inner < 8 || maxH < 4 {
		return nil
	}
	if len(l.items) == 0 {
		lines := []string{"", st.Faint.Render(" No bookmarks or notes yet: m bookmarks the marked claim, n writes a note."), ""}
		return l.c.frameBox("Bookmarks & notes", lines, inner)
	}
	rows := max(1, min((maxH-4)/2, len(l.items)))
	l.page = rows
	var lines []string
	top := window(l.sel, len(l.items), rows)
	for i := top; i < len(l.items) && i < top+rows; i++ {
		p := l.items[i]
		mark := "  "
		if p.Entry.Bookmark {
			mark = "★ "
		}
		if p.Entry.Text != "" {
			mark += "✎ "
		}
		title := render.Clean(notes.Title(l.c.Base, p))
		head := mark + title
		switch p.State {
		case notes.Changed:
			head += "  " + st.StatusAlert.Render("changed")
		case notes.Orphaned:
			head = mark + st.StatusAlert.Render("orphaned") + " " + title
		}
		detail := p.Entry.Text
		if detail == "" {
			detail = p.Entry.Quote
		}
		detail = l.c.cut(cell(detail), inner-8) // cut with …
		if i == l.sel {
			head = st.Selected.Render("›") + " " + head
		} else {
			head = "  " + head
		}
		lines = append(lines, head, st.Faint.Render("      "+detail))
	}
	return l.c.frameBox("Bookmarks & notes", lines[:min(len(lines), max(0, maxH-2))], inner)
}

func (l *bookmarkList) ShortHelp() []key.Binding {
	return []key.Binding{l.keys.Up, l.keys.Down, l.keys.Choose, l.keys.Close}
}
func (l *bookmarkList) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// reloadFailed puts up the banner.
func (m *Model) reloadFailed(msg ReloadFailedMsg) {
	errs := msg.Problems.Errors()
	if len(errs) == 0 {
		return
	}
	p := errs[0]
	where := p.Pos.File
	if p.Pos.Line > 0 {
		where += ":" + strconv.Itoa(p.Pos.Line)
		if p.Pos.Col > 0 {
			where += ":" + strconv.Itoa(p.Pos.Col)
		}
	}
	what := p.Msg
	if p.Hint != "" {
		what += " (" + p.Hint + ")"
	}
	if where != "" {
		what = where + ": " + what
	}
	s := "not reloaded: " + render.Clean(what)
	if n := len(errs) - 1; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	if m.status == "reloaded from disk" {
		m.status = "" // the earlier reload is not the news now
	}
	m.reloadErr = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s) + " · last good version shown"
}

// banner is the line that says the dossier on disk has errors, "" when it
// has none.
func (m *Model) banner() string {
	if m.reloadErr == "" {
		return ""
	}
	// the end says which version is shown: cut the message, not it
	const tail = " · last good version shown"
	msg, ok := strings.CutSuffix(m.reloadErr, tail)
	if !ok || m.c.Method.StringWidth(m.reloadErr) <= m.c.Width-1 {
		return m.c.Styles.StatusAlert.Render(m.ellipsis(m.reloadErr, m.c.Width-1))
	}
	keep := tail
	if i := strings.LastIndex(msg, " (and "); i >= 0 {
		msg, keep = msg[:i], msg[i:]+tail // and how many more errors
	}
	return m.c.Styles.StatusAlert.Render(m.ellipsis(msg, max(1, m.c.Width-1-m.c.Method.StringWidth(keep))) + keep)
}

// reload swaps in a new version of the dossier and keeps the reader where
// it was. Views hear of it as of any change of Common.Dossier (a
// FilterChangedMsg): they rebuild from it, keeping their cursor by id.
func (m *Model) reload(d *dossier.Dossier) tea.Cmd {
	m.reloadErr = ""
	c := m.c
	if d == nil || d == c.Base {
		return nil
	}
	dayID := ""
	if day := c.selectedDay(); day != nil {
		dayID = day.ID
	}
	topicID := ""
	cv, _ := m.views[ViewCompare].(*compareView)
	if cv != nil {
		if t := cv.topic(); t != nil {
			topicID = t.ID
		}
	}

	c.Notes.reloaded(c.Base, d) // notes.go: --watch reloads count as changes
	c.Base = d
	if i, ok := d.DayIndex(dayID); ok {
		c.Day = i
	} else {
		c.Day = clamp(c.Day, 0, max(0, len(d.Days)-1))
	}
	if _, ok := d.Source(c.Sel.Source); !ok {
		c.Sel.Source = ""
	}
	_, ok0 := d.Account(c.Pair[0])
	_, ok1 := d.Account(c.Pair[1])
	if !ok0 || !ok1 {
		c.Pair = defaultPair(d)
	}
	if c.Query != nil {
		c.Query = newQuery(c, c.Query.Text)
	}
	if cv != nil {
		if i, ok := d.TopicIndex(topicID); ok {
			cv.nav.Topic = i
		} else {
			cv.nav.Topic = clamp(cv.nav.Topic, 0, max(0, len(d.Topics)-1))
		}
	}
	// Pickers, the search box and the provenance list the old version;
	// the help does not.
	switch m.overlay.(type) {
	case *helpOverlay, *noteEditor: // a note being written is never dropped
	default:
		m.overlay = nil
	}
	m.redeck(d)
	m.headerCache.key = headerKey{} // the title may have changed
	m.status = "reloaded from disk"
	return m.applyFilters()
}

// redeck finds the presented briefing again in a new version: the same
// stop when it still exists, the notes rendered again.
func (m *Model) redeck(d *dossier.Dossier) {
	id := ""
	if m.deck.b != nil {
		id = m.deck.b.ID
	}
	old := m.deck
	m.deck = newDeck(d, id) // none when the briefing is gone
	m.deck.hidden = old.hidden
	// keep the old notes on screen until the new ones are rendered
	m.deck.lines, m.deck.rows = old.lines, old.rows
	if m.pres.stop >= m.deck.stops() {
		m.pres.stop = m.deck.stops() - 1
	}
}

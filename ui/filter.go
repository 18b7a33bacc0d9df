package ui

import (
	"strconv"
	"sync"
	"weak"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/weakmemo"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// Filters is what narrows every view of a session: the selected day, the
// as-of toggle, the source filter and the active search. It is part of
// Common; the root changes it and tells the views with FilterChangedMsg.
type Filters struct {
	// Base is the dossier as loaded. Common.Dossier is Base seen through
	// Sel, so a view that reads Common.Dossier shows only what the
	// filters let through.
	Base *dossier.Dossier
	// Sel is the current selection (as of a day, one source).
	Sel dossier.Selection
	// AsOf says the as-of toggle is on: Sel.AsOf is then the date of Day.
	AsOf bool
	// Day is the selected day, an index into Base.Days: the day the days
	// view shows and the day "as of" counts from.
	Day int
	// Query is the last search the user went to, nil when none; its
	// matches are highlighted and walked with n and N.
	Query *Query
}

// FilterChangedMsg tells the views that the selected day, the selection
// (and so Common.Dossier) or the search changed.
type FilterChangedMsg struct{}

// DayMsg asks the root to select a day: the day at Index of the days, or,
// when Relative, the day Index days from the selected one (so that keys
// pressed faster than the messages come back all count).
type DayMsg struct {
	Index    int
	Relative bool
}

// SourceFilterMsg asks the root to show only what a source supports; an
// empty Source clears the filter.
type SourceFilterMsg struct{ Source string }

// newFilters returns the filters of a new session on d: nothing hidden,
// the last day of the talks selected (else the last day).
func newFilters(d *dossier.Dossier) Filters {
	f := Filters{Base: d, Day: max(0, len(d.Days)-1)}
	for i, day := range d.Days {
		if !d.End.IsZero() && !day.Date.After(d.End) {
			f.Day = i
		}
	}
	return f
}

// selectedDay returns the selected day, nil when the dossier has none.
func (c *Common) selectedDay() *dossier.Day {
	days := c.Base.Days
	if len(days) == 0 {
		return nil
	}
	return &days[clamp(c.Day, 0, len(days)-1)]
}

// selections remembers the dossiers derived from each dossier for each
// selection, so that every session asking for the same one gets the same
// pointer (and the same search index, and the same layouts in the render
// cache). A derived dossier points to its base, so it is held weakly: it
// lives while a session shows it, and its base with it; when neither is
// shown any more both go, with nothing to release by hand.
var selections weakmemo.Map[dossier.Dossier, *derived]

// derived holds the versions of one dossier seen through a selection.
type derived struct {
	sync.Mutex
	m map[dossier.Selection]weak.Pointer[dossier.Dossier]
}

// selected returns base seen through sel, shared between sessions.
func selected(base *dossier.Dossier, sel dossier.Selection) *dossier.Dossier {
	if sel.IsZero() {
		return base
	}
	sels := selections.Get(base, func() *derived {
		return &derived{m: map[dossier.Selection]weak.Pointer[dossier.Dossier]{}}
	})
	sels.Lock()
	defer sels.Unlock()
	if d := sels.m[sel].Value(); d != nil {
		return d
	}
	for s, wp := range sels.m { // those nobody shows any more
		if wp.Value() == nil {
			delete(sels.m, s)
		}
	}
	d := base.Select(sel)
	sels.m[sel] = weak.Make(d)
	return d
}

// applyFilters recomputes Common.Dossier from the filters and tells every
// view.
func (m *Model) applyFilters() tea.Cmd {
	c := m.c
	sel := dossier.Selection{Source: c.Sel.Source}
	if c.AsOf {
		if day := c.selectedDay(); day != nil {
			sel.AsOf = day.Date
		}
	}
	c.Sel = sel
	c.Dossier = c.Notes.onlyNewOf(selected(c.Base, sel)) // notes.go: u
	c.Keys.ClearFilter.SetEnabled(sel.Source != "")
	return m.broadcast(FilterChangedMsg{})
}

// broadcast gives a message to every view built so far.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, v := range m.views {
		cmds = append(cmds, m.route(v, msg))
	}
	return tea.Batch(cmds...)
}

// toggleAsOf turns "as of the selected day" on or off.
func (m *Model) toggleAsOf() tea.Cmd {
	if m.c.selectedDay() == nil {
		m.status = "this dossier has no days"
		return nil
	}
	m.c.AsOf = !m.c.AsOf
	cmd := m.applyFilters()
	if m.c.AsOf {
		all, known := countClaims(m.c.Base), countClaims(m.c.Dossier)
		m.status = "as of " + m.c.Sel.AsOf.Format("2 Jan") + ": " + strconv.Itoa(known) + " of " +
			strconv.Itoa(all) + " claims had been reported (o shows them all again)"
		if m.active != ViewDays {
			// the day comes from the days view: say which, and where to
			// pick another
			m.status = "as of " + m.c.Sel.AsOf.Format("2 Jan") + ", the day selected in the days view (2, then ←/→ picks another): " +
				strconv.Itoa(known) + " of " + strconv.Itoa(all) + " claims reported · o shows all"
		}
	}
	return cmd
}

// countClaims counts the claims of a dossier.
func countClaims(d *dossier.Dossier) int {
	n := 0
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			n += len(s.Claims)
		}
	}
	return n
}

// selectDay makes day i the selected one; as of it, when the toggle is on.
func (m *Model) selectDay(i int) tea.Cmd {
	if len(m.c.Base.Days) == 0 {
		return nil
	}
	m.c.Day = clamp(i, 0, len(m.c.Base.Days)-1)
	return m.applyFilters()
}

// filterSource shows only what a source supports ("" shows everything).
func (m *Model) filterSource(id string) tea.Cmd {
	if _, ok := m.c.Base.Source(id); !ok {
		id = ""
	}
	m.c.Sel.Source = id
	return m.applyFilters()
}

// filterNote says what the filters hide, for the header: "as of 26 Oct",
// "Dawn only".
func (c *Common) filterNote() string {
	var parts []string
	if c.AsOf && !c.Sel.AsOf.IsZero() {
		parts = append(parts, "as of "+c.Sel.AsOf.Format("2 Jan"))
	}
	if c.Sel.Source != "" {
		name := c.Sel.Source
		if s, ok := c.Base.Source(c.Sel.Source); ok {
			name = s.Short
			if name == "" {
				name = s.Outlet
			}
		}
		parts = append(parts, render.Clean(name)+" only")
	}
	if s := c.Notes.newNote(); s != "" { // notes.go: "3 new since 3 Nov", "new only"
		parts = append(parts, s)
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " · "
		}
		out += p
	}
	return out
}

// index returns the search index of the dossier as loaded (built once per
// dossier, shared by every session).
func (c *Common) index() *search.Index { return search.For(c.Base) }

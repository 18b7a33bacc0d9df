package ui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// tabSpan is where a view's tab sits in the header's right part, in
// cells from its start.
type tabSpan struct {
	view     ViewID
	from, to int
}

// Tab styles, from the widest: every view named; the other views by a
// short name; the other views by their digit; and, when even that does not
// fit, the active view alone. The active view is always named in full.
const (
	tabsNamed = iota
	tabsShort
	tabsDigits
	tabsActive
)

// shortNames are the views' names in tabsShort.
var shortNames = [numViews]string{"over", "compare", "days", "deleg", "dem", "src", "disc"}

// headerMinLoc is the fewest cells the header's location keeps before the
// tabs shorten; the dossier's title is kept whole before either.
const headerMinLoc = 16

// titleWholeWidth is the terminal width from which the tabs shorten
// before the dossier's title is cut; below it the title gives way to
// the tabs' digits.
const titleWholeWidth = 120

// headerRight returns the right part of the header for a location loc:
// the notes (free scroll, as of, source filter, search) and a tab per
// view, the active one highlighted; and where each tab is. The string
// ends with one space. The tabs take the widest style that leaves room
// for the title and the whole location; when none does, the digits, the
// location then giving way (drawHeader); and the active tab alone when
// even that is too wide.
func (m *Model) headerRight(loc string) (string, []tabSpan) {
	mw := m.c.Method
	title := mw.StringWidth(render.Clean(m.c.Dossier.Title))
	if m.c.Width < titleWholeWidth {
		title = min(title, m.c.Width/3)
	}
	left := title + 3 + mw.StringWidth(loc) + 2
	for _, style := range []int{tabsNamed, tabsShort, tabsDigits} {
		right, spans := m.tabs(style)
		if left+mw.StringWidth(right) <= m.c.Width {
			return right, spans
		}
	}
	right, spans := m.tabs(tabsDigits)
	if title+3+min(mw.StringWidth(loc), headerMinLoc)+2+mw.StringWidth(right) <= m.c.Width {
		return right, spans
	}
	return m.tabs(tabsActive)
}

// headerNote is what the right part says before the tabs: free scroll,
// the filters, the search.
func (m *Model) headerNote() string {
	note := ""
	if cv, ok := m.views[ViewCompare].(*compareView); ok && m.active == ViewCompare && !cv.nav.Sync {
		note = "free scroll"
	}
	if f := m.c.filterNote(); f != "" {
		if note != "" {
			note += " · "
		}
		note += f
	}
	if q := m.c.Query; q != nil {
		if note != "" {
			note += " · "
		}
		note += "/" + q.Text
	}
	return note
}

// tabs draws the notes and the tabs in one style.
func (m *Model) tabs(style int) (string, []tabSpan) {
	st := m.c.Styles
	out, col := "", 0
	if note := m.headerNote(); note != "" {
		note = m.ellipsis(note, max(8, m.c.Width/3))
		out = st.StatusAlert.Render(note) + "  "
		col = m.c.Method.StringWidth(note) + 2
	}
	var spans []tabSpan
	first := true
	for id := range numViews {
		label := strconv.Itoa(int(id))
		switch {
		case id == m.active || style == tabsNamed:
			label += " " + id.String()
		case style == tabsShort:
			label += " " + shortNames[id]
		case style == tabsActive:
			continue
		}
		if !first {
			out += " "
			col++
		}
		first = false
		w := m.c.Method.StringWidth(label)
		spans = append(spans, tabSpan{view: id, from: col, to: col + w})
		if id == m.active {
			out += st.HeaderTitle.Render(label)
		} else {
			out += st.HeaderDim.Render(label)
		}
		col += w
	}
	return out + " ", spans
}

// clickHeader switches to the view whose tab is at column x of the
// header.
func (m *Model) clickHeader(x int) tea.Cmd {
	loc := ""
	if v, ok := m.views[m.active]; ok {
		loc = v.Location()
	}
	right, spans := m.headerRight(loc)
	x -= m.c.Width - m.c.Method.StringWidth(right)
	for _, s := range spans {
		if x >= s.from && x < s.to {
			return m.goView(s.view)
		}
	}
	return nil
}

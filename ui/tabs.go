package ui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"
)

// tabSpan is where a view's tab sits in the header's right part, in
// cells from its start.
type tabSpan struct {
	view     ViewID
	from, to int
}

// fullTabsWidth is the terminal width from which every tab shows its
// view's name; below it only the active one does, the others their digit.
const fullTabsWidth = 150

// headerRight returns the right part of the header: the notes (free
// scroll, as of, source filter, search) and a tab per view, the active one
// highlighted; and where each tab is. The string ends with one space.
func (m *Model) headerRight() (string, []tabSpan) {
	st := m.c.Styles
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
	out := ""
	col := 0
	if note != "" {
		note = m.ellipsis(note, max(8, m.c.Width/3))
		out = st.StatusAlert.Render(note) + "  "
		col = m.c.Method.StringWidth(note) + 2
	}
	var spans []tabSpan
	views := []ViewID{ViewCompare, ViewDays, ViewDelegations, ViewDemands, ViewSources}
	if m.active == ViewDiscrepancies {
		views = append(views, ViewDiscrepancies)
	}
	for i, id := range views {
		label := strconv.Itoa(int(id) + 1)
		if id == ViewDiscrepancies {
			label = ""
		}
		if id == m.active || m.c.Width >= fullTabsWidth {
			if label != "" {
				label += " "
			}
			label += id.String()
		}
		if i > 0 {
			out += " "
			col++
		}
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
	right, spans := m.headerRight()
	rw := m.c.Method.StringWidth(right)
	if rw+30 > m.c.Width {
		return nil // the tabs are not drawn
	}
	x -= m.c.Width - rw
	for _, s := range spans {
		if x >= s.from && x < s.to {
			return m.show(s.view)
		}
	}
	return nil
}

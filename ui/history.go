package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// maxHistory bounds the places a session remembers.
const maxHistory = 100

// place is where the reader was: the view, its position (topic, claim,
// day, accounts) and the row under its cursor.
type place struct {
	view ViewID
	pos  Position
	item string
}

// history is the list of places the reader jumped from, as in a browser or
// vim's jump list: every jump (a search result, a link in provenance, a
// discrepancy's claim, a view key, the overview's lines) remembers where
// the reader was, and back and forward walk the list.
type history struct {
	list []place
	// at is the index of the place shown while walking the list; len(list)
	// when the reader is past its end (the usual case).
	at int
}

// here returns the place the reader is at.
func (m *Model) here() place {
	p := place{view: m.active, pos: m.position()}
	p.pos.Stop = 0
	if v, ok := m.views[m.active].(itemer); ok {
		p.item = v.Item()
	}
	return p
}

// itemer is a view with rows whose cursor history keeps.
type itemer interface {
	// Item is the id of the row under the cursor, as Select takes it.
	Item() string
}

// remember records the place the reader is at before a jump.
func (m *Model) remember() {
	h := &m.hist
	if h.at < len(h.list) {
		h.list = h.list[:h.at]
	}
	p := m.here()
	if n := len(h.list); n == 0 || h.list[n-1] != p {
		h.list = append(h.list, p)
	}
	if len(h.list) > maxHistory {
		h.list = h.list[len(h.list)-maxHistory:]
	}
	h.at = len(h.list)
}

// goBack returns to the place before the last jump; ok is false when there
// is none.
func (m *Model) goBack() (tea.Cmd, bool) {
	h := &m.hist
	if h.at == 0 || len(h.list) == 0 {
		return nil, false
	}
	if h.at >= len(h.list) {
		cur := m.here()
		if h.list[len(h.list)-1] != cur {
			h.list = append(h.list, cur)
		}
		h.at = len(h.list) - 1
		if h.at == 0 {
			return nil, false
		}
	}
	h.at--
	return m.restore(h.list[h.at]), true
}

// goForward undoes a goBack.
func (m *Model) goForward() (tea.Cmd, bool) {
	h := &m.hist
	if h.at+1 >= len(h.list) {
		return nil, false
	}
	h.at++
	cmd := m.restore(h.list[h.at])
	if h.at == len(h.list)-1 {
		h.list = h.list[:h.at] // at == len(list): past the end, where the reader is
	}
	return cmd, true
}

// restore shows a remembered place without remembering the one left.
func (m *Model) restore(p place) tea.Cmd {
	return m.jump(JumpMsg{View: p.view, Pos: p.pos, Item: p.item})
}

// goView shows a view from its key, remembering where the reader was.
func (m *Model) goView(id ViewID) tea.Cmd {
	if id < 0 || id >= numViews {
		return nil
	}
	if id != m.active {
		m.remember()
	}
	if v, ok := m.views[id].(*discrepanciesView); ok {
		v.narrow("") // the key shows every discrepancy
	}
	return m.show(id)
}

// goKey handles the keys of GoKeys and `d`; ok is false for any other key.
func (m *Model) goKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	if cmd, ok := m.presenterNotesKey(msg); ok { // notesbox.go
		return cmd, true
	}
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Legend):
		m.overlay = newLegend(m.c)
	case key.Matches(msg, k.HistoryBack):
		if cmd, ok := m.goBack(); ok {
			return cmd, true
		}
		m.status = "nothing to go back to: every jump (enter, a search, a view key) can be undone here"
	case key.Matches(msg, k.HistoryForward):
		if cmd, ok := m.goForward(); ok {
			return cmd, true
		}
		m.status = "nothing to go forward to"
	case key.Matches(msg, k.DefaultAccounts):
		p := defaultPair(m.c.Base)
		if p == m.c.Pair && m.c.Third == "" {
			m.status = "these are the default accounts: " + m.c.AccountName(p[0]) + " and " + m.c.AccountName(p[1])
			return nil, true
		}
		return m.setAccounts(p, ""), true // the default is two accounts: a third goes
	case key.Matches(msg, k.Discrepancies) && m.active != ViewSources && m.active != ViewDiscrepancies:
		return m.markedDiscrepancy(), true
	case key.Matches(msg, k.NextTopic, k.PrevTopic) && m.active == ViewCompare && m.topicEnd(msg):
		return nil, true
	default:
		return nil, false
	}
	return nil, true
}

// topicEnd says so when ] is pressed at the last topic or [ at the first,
// and reports whether it was.
func (m *Model) topicEnd(msg tea.KeyPressMsg) bool {
	cv, ok := m.views[ViewCompare].(*compareView)
	n := len(m.c.Dossier.Topics)
	if !ok || n == 0 {
		return false
	}
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.NextTopic) && cv.nav.Topic >= n-1:
		m.status = "this is the last topic (" + strconv.Itoa(n) + "/" + strconv.Itoa(n) + "); " +
			k.PrevTopic.Help().Key + " goes back, " + k.Topics.Help().Key + " lists them all"
	case key.Matches(msg, k.PrevTopic) && cv.nav.Topic <= 0:
		m.status = "this is the first topic; " + k.NextTopic.Help().Key + " goes on, " + k.Topics.Help().Key + " lists them all"
	default:
		return false
	}
	return true
}

// markedDiscrepancy shows the discrepancy of the marked thing: the current
// claim's in the compare view, the selected day's in the days view, else
// the topic's; the discrepancies view when nothing marked has one.
func (m *Model) markedDiscrepancy() tea.Cmd {
	c := m.c
	var ids []string
	switch v := m.views[m.active].(type) {
	case *compareView:
		if cl, _, ok := c.claimByID(v.Position().Anchor); ok {
			ids = append(ids, cl.Discrepancies...)
		}
		if t := v.topic(); t != nil {
			for _, x := range c.Dossier.Discrepancies {
				if x.Topic == t.ID {
					ids = append(ids, x.ID)
				}
			}
		}
	case *daysView:
		// the day's hours and events (disc:), then those about the day
		ids = v.discrepancyIDs()
	}
	if len(ids) == 0 {
		if m.active == ViewCompare || m.active == ViewDays {
			m.status = "nothing marked here is disputed: every discrepancy is listed"
		}
		return m.goView(ViewDiscrepancies)
	}
	if len(ids) > 1 {
		m.status = strconv.Itoa(len(ids)) + " discrepancies touch this; the first is selected"
	}
	m.remember()
	return m.jump(JumpMsg{View: ViewDiscrepancies, Item: ids[0]})
}

// Item returns the demand under the cursor.
func (v *demandsView) Item() string { return pick(v.ids, v.pane.tbl.cursor) }

// Item returns the source under the cursor.
func (v *sourcesView) Item() string { return pick(v.ids, v.pane.tbl.cursor) }

// Item returns the discrepancy under the cursor.
func (v *discrepanciesView) Item() string { return pick(v.ids, v.pane.tbl.cursor) }

// Item returns the member under the cursor as "party/n".
func (v *delegationsView) Item() string {
	r := v.current()
	if r == nil {
		return ""
	}
	return v.c.Base.Delegations[r.deleg].Party + "/" + strconv.Itoa(r.member)
}

// pick returns ids[i], "" out of range.
func pick(ids []string, i int) string {
	if i >= 0 && i < len(ids) {
		return ids[i]
	}
	return ""
}

// firstRunHint is the one-line hint shown the first time a dossier is read.
func firstRunHint(c *Common) string {
	return "New here? " + c.Keys.Legend.Help().Key + " explains badges and marks, " +
		c.Keys.Help.Help().Key + " lists keys, " + c.Keys.HistoryBack.Help().Key + " goes back"
}

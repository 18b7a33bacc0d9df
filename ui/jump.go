package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// JumpMsg asks the root to show a view at a place: a topic and claim in
// the compare view, a day, or a row of a table (Item: a demand, source or
// discrepancy id, or "party/n" for a delegation's member).
type JumpMsg struct {
	View ViewID
	// Pos is given to the view's SetPosition; Pos.Accounts, when set,
	// changes the pair of accounts first.
	Pos  Position
	Item string
}

// JumpCmd returns a command that sends a JumpMsg.
func JumpCmd(msg JumpMsg) tea.Cmd { return func() tea.Msg { return msg } }

// selecter is a view with rows that a jump can put the cursor on.
type selecter interface {
	// Select puts the cursor on the row of item; false when it has none.
	Select(item string) bool
}

// backer is a view with a state of its own that esc leaves before the
// root goes back to the compare view.
type backer interface {
	// Back leaves that state and reports whether there was one.
	Back() bool
}

// jump shows a view at a place.
func (m *Model) jump(msg JumpMsg) tea.Cmd {
	var cmds []tea.Cmd
	if p := msg.Pos.Accounts; p != ([2]string{}) && p[0] != p[1] {
		cmds = append(cmds, m.setPair(p))
	}
	if i, ok := m.c.Base.DayIndex(msg.Pos.Day); ok && msg.View == ViewDays {
		cmds = append(cmds, m.selectDay(i)) // at once, so that Select below sees the day
	}
	cmds = append(cmds, m.show(msg.View))
	v, _ := m.view(msg.View)
	cmds = append(cmds, v.SetPosition(msg.Pos))
	if s, ok := m.views[msg.View].(selecter); ok && msg.Item != "" {
		s.Select(msg.Item)
	}
	return tea.Batch(cmds...)
}

// pairWith returns the pair of accounts to show an account's claim: the
// current pair when it holds the account, else the current pair with the
// account in place of the right one (the left one when the right one is
// the account's partner already).
func (c *Common) pairWith(account string) [2]string {
	p := c.Pair
	if account == "" || p[0] == account || p[1] == account {
		return p
	}
	if _, ok := c.Base.Account(account); !ok {
		return p
	}
	return [2]string{p[0], account}
}

// back handles esc: the open view's own state first, then the search
// highlight, then (outside compare) the place before the last jump
// (history.go), else the compare view.
func (m *Model) back() tea.Cmd {
	if b, ok := m.views[m.active].(backer); ok && b.Back() {
		return nil
	}
	if m.c.Query != nil {
		m.c.Query = nil
		return m.broadcast(FilterChangedMsg{})
	}
	if m.active == ViewCompare {
		return nil // in compare, esc leaves only overlays and the search: ⌫ walks the history
	}
	if cmd, ok := m.goBack(); ok {
		return cmd
	}
	return m.show(ViewCompare)
}

// viewKeys handles the keys every view shares that belong to this work:
// as of, clearing the source filter, search and its matches. ok is false
// for any other key.
func (m *Model) viewKeys(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.AsOf):
		return m.toggleAsOf(), true
	case key.Matches(msg, k.ClearFilter):
		return m.filterSource(""), true
	case key.Matches(msg, k.Search):
		m.overlay = newSearchBox(m.c)
		return nil, true
	case key.Matches(msg, k.NextMatch):
		return m.walk(1), true
	case key.Matches(msg, k.PrevMatch):
		return m.walk(-1), true
	case key.Matches(msg, k.Back):
		return m.back(), true
	}
	return nil, false
}

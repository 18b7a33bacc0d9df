package ui

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Nav is the navigation state of the compare view: which topic, where each
// pane is scrolled, whether they scroll together, and which has focus.
// Every change to it goes through Step, a pure function.
type Nav struct {
	Topic  int    // index into the dossier's topics
	Offset [2]int // first line shown in the left and right pane
	Sync   bool   // the panes scroll together
	Focus  Focus
	// Row is the current row (the claim Enter explains): the row at the top
	// of the focused pane, or one further down once the pane cannot scroll
	// further.
	Row int
}

// Bounds is what Step needs to know about the screen and the content.
type Bounds struct {
	Topics int // number of topics
	Lines  int // lines of each pane of the current layout
	Height int // lines visible in a pane
	// RowStarts holds the first line of each aligned row, ascending; used
	// to re-align on a claim when synchronised scrolling is turned back on.
	RowStarts []int
}

// ActionKind names a navigation step.
type ActionKind int

// Navigation steps.
const (
	ActNone   ActionKind = iota
	ActScroll            // by N lines (negative: up)
	ActPageDown
	ActPageUp
	ActTop
	ActBottom
	ActNextTopic
	ActPrevTopic
	ActToggleSync
	ActFocusNext
	ActFocus      // focus pane N (0 left, 1 right)
	ActNextClaim  // bring the next row to the top, or make it current
	ActPrevClaim  // the previous row
	ActSelectLine // make the row at line N of the focused pane current
)

var actionNames = [...]string{"none", "scroll", "page-down", "page-up", "top", "bottom",
	"next-topic", "prev-topic", "toggle-sync", "focus-next", "focus", "next-claim", "prev-claim", "select-line"}

// String returns the step's name.
func (a ActionKind) String() string {
	if int(a) >= 0 && int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "unknown"
}

// Action is one navigation step with its argument.
type Action struct {
	Kind ActionKind
	N    int
}

// ActionFor maps a key press to a navigation step through the key map;
// ActNone when the key is not a navigation key.
func ActionFor(k KeyMap, msg tea.KeyPressMsg) Action {
	switch {
	case key.Matches(msg, k.Down):
		return Action{Kind: ActScroll, N: 1}
	case key.Matches(msg, k.Up):
		return Action{Kind: ActScroll, N: -1}
	case key.Matches(msg, k.PageDown):
		return Action{Kind: ActPageDown}
	case key.Matches(msg, k.PageUp):
		return Action{Kind: ActPageUp}
	case key.Matches(msg, k.Top):
		return Action{Kind: ActTop}
	case key.Matches(msg, k.Bottom):
		return Action{Kind: ActBottom}
	case key.Matches(msg, k.NextTopic):
		return Action{Kind: ActNextTopic}
	case key.Matches(msg, k.PrevTopic):
		return Action{Kind: ActPrevTopic}
	case key.Matches(msg, k.Sync):
		return Action{Kind: ActToggleSync}
	case key.Matches(msg, k.Focus):
		return Action{Kind: ActFocusNext}
	case key.Matches(msg, k.NextClaim):
		return Action{Kind: ActNextClaim}
	case key.Matches(msg, k.PrevClaim):
		return Action{Kind: ActPrevClaim}
	}
	return Action{}
}

// Navigate is ActionFor followed by Step: the whole of a key's effect on
// navigation, as a pure function. ok is false when the key is not a
// navigation key.
func Navigate(s Nav, k KeyMap, msg tea.KeyPressMsg, b Bounds) (next Nav, ok bool) {
	a := ActionFor(k, msg)
	if a.Kind == ActNone {
		return s, false
	}
	return Step(s, a, b), true
}

// Step applies one navigation step. It never leaves an offset outside the
// content: offsets stay within [0, max(0, Lines-Height)], the topic within
// [0, Topics-1]. A topic change scrolls both panes to the top. Turning
// synchronised scrolling back on puts both panes on the first line of the
// claim at the top of the focused pane. The current row follows the top of
// the focused pane, except that the claim keys move it further once the
// pane is at its end.
func Step(s Nav, a Action, b Bounds) Nav {
	page := max(1, b.Height-1)
	follow := true // the current row follows the top of the focused pane
	switch a.Kind {
	case ActScroll:
		s = scroll(s, a.N, b)
	case ActPageDown:
		s = scroll(s, page, b)
	case ActPageUp:
		s = scroll(s, -page, b)
	case ActTop:
		s = scroll(s, -b.Lines-1, b)
	case ActBottom:
		s = scroll(s, b.Lines+1, b)
	case ActNextTopic, ActPrevTopic:
		t := s.Topic + 1
		if a.Kind == ActPrevTopic {
			t = s.Topic - 1
		}
		if t >= 0 && t < b.Topics && t != s.Topic {
			s.Topic = t
			s.Offset = [2]int{}
		}
	case ActToggleSync:
		s.Sync = !s.Sync
		if s.Sync {
			top := snap(s.Offset[s.Focus], b.RowStarts)
			top = clamp(top, 0, maxOffset(b))
			s.Offset = [2]int{top, top}
		}
	case ActFocusNext:
		s.Focus = s.Focus.Other()
	case ActFocus:
		if a.N == 0 {
			s.Focus = FocusLeft
		} else {
			s.Focus = FocusRight
		}
	case ActNextClaim, ActPrevClaim:
		i := s.Row + 1
		if a.Kind == ActPrevClaim {
			i = s.Row - 1
		}
		if i >= 0 && i < len(b.RowStarts) {
			s = scroll(s, min(b.RowStarts[i], maxOffset(b))-s.Offset[s.Focus], b)
			s.Row = i
		}
		follow = false
	case ActSelectLine:
		s.Row = rowAt(a.N, b.RowStarts)
		follow = false
	}
	if follow {
		s.Row = rowAt(s.Offset[s.Focus], b.RowStarts)
	}
	s.Row = clamp(s.Row, 0, max(0, len(b.RowStarts)-1))
	s.Topic = clamp(s.Topic, 0, max(0, b.Topics-1))
	return s
}

// rowAt returns the index of the row shown at line y: the row holding it,
// or the next one when y is the blank line between two rows.
func rowAt(y int, starts []int) int {
	return max(0, sort.SearchInts(starts, y+2)-1)
}

// scroll moves the focused pane, or both when synchronised, by n lines.
func scroll(s Nav, n int, b Bounds) Nav {
	hi := maxOffset(b)
	if s.Sync {
		o := clamp(s.Offset[s.Focus]+n, 0, hi)
		s.Offset = [2]int{o, o}
		return s
	}
	s.Offset[s.Focus] = clamp(s.Offset[s.Focus]+n, 0, hi)
	return s
}

// snap returns the start of the row holding line y: the largest row start
// not after y (y itself when there are no rows).
func snap(y int, starts []int) int {
	i := sort.SearchInts(starts, y+1) - 1
	if i < 0 {
		return y
	}
	return starts[i]
}

func maxOffset(b Bounds) int { return max(0, b.Lines-b.Height) }

func clamp(v, lo, hi int) int {
	if hi < lo {
		hi = lo
	}
	return min(max(v, lo), hi)
}

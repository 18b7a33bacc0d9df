package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// daysView steps through the days: a timeline strip with the hours of
// talks as each source reports them, then the day's events and the two
// accounts' claims about the day, aligned as in the compare view. The
// selected day is Common.Day, owned by the root: the view asks for
// another with DayMsg.
type daysView struct {
	c    *Common
	w, h int
	off  int   // first line of the document shown
	item int   // the current topic block, the one enter opens
	side Focus // the account shown when the columns are tabs
	doc  *dayDoc
	want dayReq // the document being rendered, zero when none
	// top is the part above the document (strip, title), rebuilt with the
	// document's request; spans are the strip's day cells, for clicks.
	top   []string
	spans [][2]int
	topOf dayReq
	// event is an event to scroll to once its day's document is on
	// screen (a search jumped to it); the zero Pos for none.
	event dossier.Pos
}

func newDaysView(c *Common) View { return &daysView{c: c} }

// day returns the selected day of the shown dossier, nil when there is
// none.
func (v *daysView) day() *dossier.Day {
	days := v.c.Dossier.Days
	if len(days) == 0 {
		return nil
	}
	return &days[clamp(v.c.Day, 0, len(days)-1)]
}

// wide reports whether the two accounts sit side by side.
func (v *daysView) wide() bool { return v.w >= wideWidth }

// topHeight is the number of lines above the document: the strip (when
// there is room for it), the day's title and a rule.
func (v *daysView) topHeight() int {
	if v.h >= 12 {
		return stripLines + 2
	}
	return 2
}

func (v *daysView) docHeight() int { return max(0, v.h-v.topHeight()) }

func (v *daysView) req() dayReq {
	day := v.day()
	if day == nil {
		return dayReq{}
	}
	return dayReq{d: v.c.Dossier, day: day.ID, pair: v.c.Pair, width: max(1, v.w-2), side: v.side,
		wide: v.wide(), style: v.c.Style, method: v.c.Method}
}

func (v *daysView) Init() tea.Cmd { return v.relayout() }

func (v *daysView) SetSize(w, h int) tea.Cmd {
	v.w, v.h = w, h
	return v.relayout()
}

// relayout makes sure the document for the current request is on screen
// or being rendered in a Cmd.
func (v *daysView) relayout() tea.Cmd {
	want := v.req()
	if want.day == "" || v.w <= 0 || v.h <= 0 {
		return nil
	}
	v.buildTop(want)
	if v.doc != nil && v.doc.req == want {
		v.want = dayReq{}
		return nil
	}
	if v.want == want {
		return nil // on its way
	}
	v.want = want
	cache := v.c.Cache
	names := [2]string{v.c.AccountName(want.pair[0]), v.c.AccountName(want.pair[1])}
	st := v.c.Styles
	ds := dayDocStyles{heading: st.PaneTitleFocused, faint: st.Faint, label: st.PaneTitle, cursor: st.Cursor}
	return func() tea.Msg { return DayDocMsg{doc: buildDayDoc(want, cache, names, ds)} }
}

func (v *daysView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case DayDocMsg:
		if msg.doc.req != v.want || msg.doc.req != v.req() {
			return v, nil // late
		}
		keepDay := v.doc != nil && v.doc.req.day == msg.doc.req.day
		v.doc, v.want = msg.doc, dayReq{}
		if !keepDay {
			v.off, v.item = 0, 0
		}
		v.toEvent()
		v.clampScroll()
		return v, nil
	case FilterChangedMsg, PairChangedMsg:
		return v, v.relayout()
	case tea.KeyPressMsg:
		return v, v.key(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelDown:
			v.scroll(wheelLines)
		case tea.MouseWheelUp:
			v.scroll(-wheelLines)
		}
	case tea.MouseClickMsg:
		return v, v.click(msg.Mouse())
	}
	return v, nil
}

func (v *daysView) key(msg tea.KeyPressMsg) tea.Cmd {
	k := v.c.Keys
	switch {
	case key.Matches(msg, k.NextDay):
		return v.step(1)
	case key.Matches(msg, k.PrevDay):
		return v.step(-1)
	case key.Matches(msg, k.Down):
		v.scroll(1)
	case key.Matches(msg, k.Up):
		v.scroll(-1)
	case key.Matches(msg, k.PageDown):
		v.scroll(max(1, v.docHeight()-1))
	case key.Matches(msg, k.PageUp):
		v.scroll(-max(1, v.docHeight()-1))
	case key.Matches(msg, k.Top):
		v.scroll(-1 << 30)
	case key.Matches(msg, k.Bottom):
		v.scroll(1 << 30)
	case key.Matches(msg, k.NextClaim):
		if v.doc != nil && len(v.doc.Blocks) > 0 && v.off < v.doc.Blocks[clamp(v.item, 0, len(v.doc.Blocks)-1)].Start {
			v.toItem(v.item) // the current topic is still below: bring it up first
		} else {
			v.toItem(v.item + 1)
		}
	case key.Matches(msg, k.PrevClaim):
		v.toItem(v.item - 1)
	case key.Matches(msg, k.Focus):
		if !v.wide() {
			v.side = v.side.Other()
			return v.relayout()
		}
	case key.Matches(msg, k.Open):
		return v.open()
	}
	return nil
}

// discrepancyIDs lists the discrepancies of the day for d (the root's
// markedDiscrepancy): that of the first event on screen that has one
// first, then the day's (hours, events, then discrepancies about the day).
func (v *daysView) discrepancyIDs() []string {
	day := v.day()
	if day == nil {
		return nil
	}
	ids := v.c.Dossier.DayDiscrepancies(day.ID)
	if v.doc != nil {
		best, first := -1, ""
		for _, ev := range day.Events {
			if y, ok := v.doc.EventAt[ev.Pos]; ok && len(ev.Discrepancies) > 0 && y >= v.off && (best < 0 || y < best) {
				best, first = y, ev.Discrepancies[0]
			}
		}
		if first != "" {
			ids = append([]string{first}, slices.DeleteFunc(ids, func(s string) bool { return s == first })...)
		}
	}
	return ids
}

// step asks the root for the day n days on.
func (v *daysView) step(n int) tea.Cmd {
	return func() tea.Msg { return DayMsg{Index: n, Relative: true} }
}

// scroll moves the document by n lines; the current topic follows the top.
func (v *daysView) scroll(n int) {
	v.off += n
	v.clampScroll()
	if v.doc == nil {
		return
	}
	v.item = 0
	for i, b := range v.doc.Blocks {
		if b.Start <= v.off+1 {
			v.item = i
		}
	}
}

func (v *daysView) clampScroll() {
	n := 0
	if v.doc != nil {
		n = len(v.doc.Lines)
	}
	v.off = clamp(v.off, 0, max(0, n-v.docHeight()))
	if v.doc != nil {
		v.item = clamp(v.item, 0, max(0, len(v.doc.Blocks)-1))
	}
}

// toItem makes topic block i current and scrolls its title to the top.
func (v *daysView) toItem(i int) {
	if v.doc == nil || len(v.doc.Blocks) == 0 {
		return
	}
	v.item = clamp(i, 0, len(v.doc.Blocks)-1)
	v.off = v.doc.Blocks[v.item].Start
	n := len(v.doc.Lines)
	v.off = clamp(v.off, 0, max(0, n-v.docHeight()))
}

// open jumps to the current topic in the compare view, on its first claim
// about the day.
func (v *daysView) open() tea.Cmd {
	if v.doc == nil || len(v.doc.Blocks) == 0 {
		return statusCmd("no topic speaks of this day")
	}
	b := v.doc.Blocks[clamp(v.item, 0, len(v.doc.Blocks)-1)]
	return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: b.Topic, Anchor: b.First}})
}

// click selects a day in the strip, or the topic under the pointer.
func (v *daysView) click(m tea.Mouse) tea.Cmd {
	if m.Button != tea.MouseLeft {
		return nil
	}
	if len(v.spans) > 0 && m.Y < stripLines {
		for i, s := range v.spans {
			if m.X >= s[0] && m.X < s[1] && i != v.c.Day {
				return func() tea.Msg { return DayMsg{Index: i} }
			}
		}
		return nil
	}
	y := m.Y - v.topHeight() + v.off
	if v.doc == nil || y < 0 {
		return nil
	}
	for i, b := range v.doc.Blocks {
		if y >= b.Start && y < b.Start+b.Height {
			v.item = i
		}
	}
	return nil
}

func (v *daysView) Location() string {
	day := v.day()
	if day == nil {
		return "no days"
	}
	return "day " + strconv.Itoa(clamp(v.c.Day, 0, len(v.c.Dossier.Days)-1)+1) + "/" +
		strconv.Itoa(len(v.c.Dossier.Days)) + " · " + render.DayTag(v.c.Dossier, day.ID)
}

func (v *daysView) Position() Position {
	p := Position{Stop: -1}
	if day := v.day(); day != nil {
		p.Day = day.ID
	}
	return p
}

func (v *daysView) SetPosition(p Position) tea.Cmd {
	i, ok := v.c.Base.DayIndex(p.Day)
	if !ok || i == v.c.Day {
		return nil
	}
	return func() tea.Msg { return DayMsg{Index: i} }
}

// Select scrolls to an event ("event/n", n its index in the day of the
// jump's position, in the dossier as loaded) once that day is shown.
func (v *daysView) Select(item string) bool {
	n, ok := strings.CutPrefix(item, "event/")
	i, err := strconv.Atoi(n)
	if !ok || err != nil {
		return false
	}
	day := v.c.selectedDay()
	if day == nil || i < 0 || i >= len(day.Events) {
		return false
	}
	v.event = day.Events[i].Pos
	v.toEvent()
	return true
}

// toEvent scrolls to the pending event when the document holding it is
// the one shown.
func (v *daysView) toEvent() {
	if v.event == (dossier.Pos{}) || v.doc == nil || v.doc.req != v.req() {
		return
	}
	if y, ok := v.doc.EventAt[v.event]; ok {
		v.off = y
		v.clampScroll()
		v.event = dossier.Pos{}
	}
}

func (v *daysView) ShortHelp() []key.Binding {
	k := v.c.Keys
	open := relabel(k.Open, "open topic")
	return []key.Binding{relabel(k.NextDay, "next day"), relabel(k.PrevDay, "prev"), k.Down, relabel(k.NextClaim, "next topic"), open, k.AsOf, k.Search, k.Help, k.Quit}
}

func (v *daysView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	col := []key.Binding{relabel(k.NextClaim, "next topic of the day"), relabel(k.PrevClaim, "previous topic of the day"), relabel(k.Open, "open topic"),
		relabel(k.Discrepancies, "discrepancy of the day (⚑)"), k.Accounts}
	if !v.wide() {
		col = append(col, relabel(k.Focus, "other account"))
	}
	return [][]key.Binding{{k.NextDay, k.PrevDay, k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		append(col, k.Views, k.Search)}
}

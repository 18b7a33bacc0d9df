package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// topDiscrepancies is how many discrepancies the overview lists.
const topDiscrepancies = 5

// overviewView is view 0, where a first-time reader lands: the dossier's
// title, place and dates, parties and mediators, what the dossier holds,
// the outcome, the discrepancies that matter most, the days at a glance,
// the topics and the summary. Every line naming a place is a jump (↑/↓
// choose, enter goes).
type overviewView struct {
	c     *Common
	w, h  int
	lines []ovLine
	built [2]int // the width and filter generation lines were built for
	gen   int    // bumped by FilterChangedMsg
	off   int    // first line shown
	sel   int    // index into lines of the chosen jump
}

// ovLine is one line of the overview; jump is nil for a line that goes
// nowhere.
type ovLine struct {
	text string
	jump *JumpMsg
	key  string // names the jump, for history
}

func newOverviewView(c *Common) View { return &overviewView{c: c, sel: -1} }

func (v *overviewView) Init() tea.Cmd { return nil }

func (v *overviewView) SetSize(w, h int) tea.Cmd {
	v.w, v.h = w, h
	return nil
}

// build writes the overview for the width, when it or the filters changed.
func (v *overviewView) build() {
	if v.built == [2]int{v.w, v.gen} && v.lines != nil {
		return
	}
	key := v.Item()
	v.built = [2]int{v.w, v.gen}
	v.lines = v.c.overviewLines(max(10, v.w-4))
	v.sel = -1
	if key != "" {
		v.Select(key)
	}
	if v.sel < 0 {
		v.move(1)
	}
}

// overviewLines writes the overview wrapped at w cells.
func (c *Common) overviewLines(w int) []ovLine {
	d, b, st := c.Dossier, c.Base, c.Styles
	var out []ovLine
	add := func(s string) { out = append(out, ovLine{text: s}) }
	para := func(s string, indent int) {
		for _, l := range c.wrap(s, w, indent) {
			add(l)
		}
	}
	jump := func(text, key string, j JumpMsg) {
		out = append(out, ovLine{text: c.cut(text, w-2), jump: &j, key: key})
	}
	head := func(s string) { add(""); add(st.OverlayTitle.Render(s)) }
	// as of a day, the author's outcome and summaries were written with
	// hindsight: say they are held back rather than leak them
	asOf := !c.Sel.AsOf.IsZero()
	held := st.Faint.Render("Written after the talks: not shown as of " + c.Sel.AsOf.Format("2 Jan") +
		" (" + c.Keys.AsOf.Help().Key + " shows it).")

	para(st.HeaderTitle.Render(render.Clean(b.Title)), 0)
	var where []string
	if b.Place != "" {
		where = append(where, render.Clean(b.Place))
	}
	if dates := dateRange(b); dates != "" {
		where = append(where, dates)
	}
	if len(where) > 0 {
		para(st.Faint.Render(strings.Join(where, " · ")), 0)
	}
	var parties, mediators []string
	for _, p := range b.Parties {
		parties = append(parties, c.partyLabel(p.ID))
	}
	for _, p := range b.Mediators {
		mediators = append(mediators, c.partyLabel(p.ID))
	}
	if len(parties) > 0 {
		para(st.Label.Render("Parties: ")+strings.Join(parties, " · "), 2)
	}
	if len(mediators) > 0 {
		para(st.Label.Render("Mediators: ")+strings.Join(mediators, " · "), 2)
	}
	head("In the dossier")
	claims := countClaims(d)
	members := 0
	for _, del := range d.Delegations {
		members += len(del.Members)
	}
	jump(plural(len(d.Topics), "topic", "topics")+" · "+plural(claims, "claim", "claims")+st.Faint.Render("  1 compares two accounts topic by topic"),
		"view/compare", JumpMsg{View: ViewCompare})
	jump(plural(len(b.Days), "day", "days")+st.Faint.Render("  2 steps through them"), "view/days", JumpMsg{View: ViewDays})
	jump(plural(len(d.Delegations), "delegation", "delegations")+" · "+plural(members, "member", "members")+st.Faint.Render("  3: who sat at the table, by source"),
		"view/delegations", JumpMsg{View: ViewDelegations})
	jump(plural(len(d.Demands), "demand", "demands")+st.Faint.Render("  4: what each party asked and the answer"), "view/demands", JumpMsg{View: ViewDemands})
	jump(plural(len(b.Sources), "source", "sources")+st.Faint.Render("  5: outlet, origin and grade of each"), "view/sources", JumpMsg{View: ViewSources})
	jump(plural(len(d.Discrepancies), "discrepancy", "discrepancies")+st.Faint.Render("  6: facts the sources disagree on"),
		"view/discrepancies", JumpMsg{View: ViewDiscrepancies})

	if b.Outcome != "" {
		head("Outcome")
		for _, p := range paragraphs(b.Outcome) {
			if asOf {
				para(held, 0)
				break
			}
			para(p, 0)
		}
	}
	if top := c.topDiscrepancies(topDiscrepancies); len(top) > 0 {
		head("Discrepancies that matter most")
		for _, x := range top {
			n := len(c.touching(x.ID))
			line := "⚑ " + inline(x.Fact) + st.Faint.Render(" · "+plural(len(x.Versions), "version", "versions")+
				" · "+plural(n, "claim", "claims"))
			jump(line, "disc/"+x.ID, JumpMsg{View: ViewDiscrepancies, Item: x.ID})
		}
	}
	if len(d.Days) > 0 {
		head("Days at a glance")
		for _, day := range d.Days { // as the filters show them: no later event, hours or dispute
			jump(c.dayGlance(&day), "day/"+day.ID, JumpMsg{View: ViewDays, Pos: Position{Day: day.ID}})
		}
	}
	if len(d.Topics) > 0 {
		head("Topics")
		num := len(strconv.Itoa(len(d.Topics)))
		for i, t := range d.Topics {
			n := strconv.Itoa(i + 1)
			line := strings.Repeat(" ", num-len(n)) + n + "  " + render.Clean(t.Title)
			if span := daySpan(b, t.Days); span != "" {
				line += st.Faint.Render(" · " + span)
			}
			if t.Summary != "" && !asOf {
				line += st.Faint.Render(" — " + inline(t.Summary))
			}
			jump(line, "topic/"+t.ID, JumpMsg{View: ViewCompare, Pos: Position{Topic: t.ID}})
		}
	}
	if b.Summary != "" {
		head("Summary")
		for i, p := range paragraphs(b.Summary) {
			if asOf {
				para(held, 0)
				break
			}
			if i > 0 {
				add("")
			}
			para(p, 0)
		}
	}

	add("")
	add(st.Faint.Render(c.Keys.Legend.Help().Key + " explains badges and marks · " + c.Keys.Help.Help().Key +
		" lists the keys · " + c.Keys.HistoryBack.Help().Key + " comes back here after a jump"))
	return out
}

// dayGlance is one day in a line: "25 Oct  Day 1 · talks · 19h · 4 events".
func (c *Common) dayGlance(day *dossier.Day) string {
	st := c.Styles
	s := render.DayTag(c.Base, day.ID)
	var parts []string
	if day.Label != "" {
		parts = append(parts, render.Clean(day.Label))
	}
	parts = append(parts, day.Kind()) // a disputed day says so: the glance takes no side
	var hours []string
	for _, h := range day.Hours {
		hours = append(hours, inline(h.Text))
	}
	if len(hours) > 0 {
		parts = append(parts, strings.Join(hours, " / "))
	}
	if n := len(day.Events); n > 0 {
		parts = append(parts, plural(n, "event", "events"))
	}
	for _, x := range c.Dossier.Discrepancies {
		if x.Day == day.ID {
			parts = append(parts, "⚑")
			break
		}
	}
	return s + strings.Repeat(" ", max(0, 8-c.Method.StringWidth(s))) + st.Faint.Render(strings.Join(parts, " · "))
}

// topDiscrepancies returns the n discrepancies that matter most: those
// the most claims touch, then those with the most versions, in dossier
// order among equals.
func (c *Common) topDiscrepancies(n int) []*dossier.Discrepancy {
	type scored struct {
		x     *dossier.Discrepancy
		score int
	}
	var all []scored
	for i := range c.Dossier.Discrepancies {
		x := &c.Dossier.Discrepancies[i]
		all = append(all, scored{x, 10*len(c.touching(x.ID)) + len(x.Versions)})
	}
	// a stable insertion sort: the lists are short
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].score > all[j-1].score; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	var out []*dossier.Discrepancy
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, all[i].x)
	}
	return out
}

// dateRange writes the dates of the talks: "25–30 Oct 2025".
func dateRange(d *dossier.Dossier) string {
	switch {
	case d.Start.IsZero():
		return ""
	case d.End.IsZero() || d.End.Equal(d.Start):
		return d.Start.Format("2 Jan 2006")
	case d.Start.Month() == d.End.Month() && d.Start.Year() == d.End.Year():
		return strconv.Itoa(d.Start.Day()) + "–" + d.End.Format("2 Jan 2006")
	case d.Start.Year() == d.End.Year():
		return d.Start.Format("2 Jan") + " – " + d.End.Format("2 Jan 2006")
	}
	return d.Start.Format("2 Jan 2006") + " – " + d.End.Format("2 Jan 2006")
}

// paragraphs splits Markdown into plain one-line paragraphs.
func paragraphs(md string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n\n") {
		if s := inline(p); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// move chooses the next (dir 1) or previous (-1) line that is a jump.
func (v *overviewView) move(dir int) {
	for i := v.sel + dir; i >= 0 && i < len(v.lines); i += dir {
		if v.lines[i].jump != nil {
			v.sel = i
			break
		}
	}
	v.keepInSight()
}

func (v *overviewView) keepInSight() {
	if v.sel < 0 {
		return
	}
	if v.sel < v.off {
		v.off = v.sel
		if v.sel <= 8 { // near the top: show the title too
			v.off = 0
		}
	}
	if v.sel >= v.off+v.h {
		v.off = v.sel - v.h + 1
	}
	v.off = clamp(v.off, 0, max(0, len(v.lines)-v.h))
}

func (v *overviewView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case FilterChangedMsg:
		v.gen++
	case tea.KeyPressMsg:
		v.build()
		k := v.c.Keys
		switch {
		case key.Matches(msg, k.Down):
			v.move(1)
		case key.Matches(msg, k.Up):
			v.move(-1)
		case key.Matches(msg, k.PageDown):
			v.off = clamp(v.off+max(1, v.h-1), 0, max(0, len(v.lines)-v.h))
			v.selectShown()
		case key.Matches(msg, k.PageUp):
			v.off = clamp(v.off-max(1, v.h-1), 0, max(0, len(v.lines)-v.h))
			v.selectShown()
		case key.Matches(msg, k.Top):
			v.sel = -1
			v.move(1)
			v.off = 0
		case key.Matches(msg, k.Bottom):
			v.sel = len(v.lines)
			v.move(-1)
		case key.Matches(msg, k.Open):
			return v, v.open()
		}
	case tea.MouseClickMsg:
		v.build()
		m := msg.Mouse()
		if i := v.off + m.Y; m.Button == tea.MouseLeft && i >= 0 && i < len(v.lines) && v.lines[i].jump != nil {
			v.sel = i
			return v, v.open()
		}
	case tea.MouseWheelMsg:
		v.build()
		switch msg.Mouse().Button {
		case tea.MouseWheelDown:
			v.off = clamp(v.off+wheelLines, 0, max(0, len(v.lines)-v.h))
		case tea.MouseWheelUp:
			v.off = clamp(v.off-wheelLines, 0, max(0, len(v.lines)-v.h))
		}
		v.selectShown()
	}
	return v, nil
}

// selectShown keeps the chosen line on screen after a scroll.
func (v *overviewView) selectShown() {
	if v.sel >= v.off && v.sel < v.off+v.h {
		return
	}
	if v.sel < v.off {
		v.sel = v.off - 1
		v.move(1)
	} else {
		v.sel = v.off + v.h
		v.move(-1)
	}
}

func (v *overviewView) open() tea.Cmd {
	if v.sel < 0 || v.sel >= len(v.lines) || v.lines[v.sel].jump == nil {
		return nil
	}
	return JumpCmd(*v.lines[v.sel].jump)
}

func (v *overviewView) Body() []string {
	if v.w <= 0 || v.h <= 0 {
		return nil
	}
	v.build()
	st := v.c.Styles
	out := make([]string, 0, v.h)
	for i := v.off; i < len(v.lines) && len(out) < v.h; i++ {
		pre := "  "
		if i == v.sel {
			pre = st.Selected.Render("›") + " "
		}
		text := v.lines[i].text
		if i == v.sel {
			text = st.PaneTitleFocused.Render(text)
		}
		out = append(out, v.c.fit(pre+text, v.w))
	}
	if len(out) == v.h && v.off+v.h < len(v.lines) {
		out[v.h-1] = v.c.fit("  "+st.Faint.Render("… more below: ↓ or pgdn"), v.w)
	}
	for len(out) < v.h {
		out = append(out, v.c.fit("", v.w))
	}
	return out
}

func (v *overviewView) Location() string { return "overview" }

func (v *overviewView) Position() Position { return Position{Stop: -1} }

func (v *overviewView) SetPosition(Position) tea.Cmd { return nil }

// Item names the chosen line, for history.
func (v *overviewView) Item() string {
	if v.sel >= 0 && v.sel < len(v.lines) {
		return v.lines[v.sel].key
	}
	return ""
}

// Select chooses the line with the given key.
func (v *overviewView) Select(item string) bool {
	v.build()
	for i, l := range v.lines {
		if l.key == item && l.jump != nil {
			v.sel = i
			v.keepInSight()
			return true
		}
	}
	return false
}

func (v *overviewView) ShortHelp() []key.Binding {
	k := v.c.Keys
	return []key.Binding{k.Down, k.Up, relabel(k.Open, "go"), k.Views, k.Legend, k.Search, k.Help, k.Quit}
}

func (v *overviewView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}, {k.Open, k.Views, k.Search, k.Legend}}
}

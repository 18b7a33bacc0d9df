package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// The presenter's side of a briefing: the stops (→ and ← go to the next
// and previous one), and the presenter panel under the body, which shows
// the current stop, the next stop's title, the presenter notes, who
// follows and who asks for control. Followers never see the panel: notes
// are drawn only in a presenter's session, and nothing of them travels in
// a Position.

// Presenter panel sizes: below panelMinHeight terminal lines the panel is a
// one-line strip; otherwise it takes the notes' lines, at most a third of
// the screen.
const panelMinHeight = 24

// deck is a session's briefing and what its presenter panel shows.
type deck struct {
	b      *dossier.Briefing // nil: no briefing
	hidden bool              // the presenter hid the panel (P)
	// lines are the rendered notes of have; want is being rendered. Both
	// are set by Update only: the panel's View slices lines.
	have, want notesReq
	lines      []string
	rows       int // note rows shown last, kept while the next stop's render
	off        int // note lines scrolled past (J/K): notesbox.go
}

// notesReq is what a stop's notes are rendered for.
type notesReq struct {
	stop  int
	width int
	style render.Style
	set   bool
}

// NotesMsg carries a stop's presenter notes rendered off the key path,
// tagged with what they were rendered for; a late one is dropped.
type NotesMsg struct {
	req   notesReq
	lines []string
}

// newDeck finds the briefing to present: the one with the given id, else
// (id "") the dossier's first; nil when there is none.
func newDeck(d *dossier.Dossier, id string) deck {
	for i := range d.Briefings {
		if id == "" || d.Briefings[i].ID == id {
			return deck{b: &d.Briefings[i], have: notesReq{stop: -1}, want: notesReq{stop: -1}}
		}
	}
	return deck{}
}

// stops returns the number of stops of the briefing.
func (d *deck) stops() int {
	if d.b == nil {
		return 0
	}
	return len(d.b.Stops)
}

// title returns the sanitised title of stop i, "" out of range.
func (d *deck) title(i int) string {
	if i < 0 || i >= d.stops() {
		return ""
	}
	return strings.ReplaceAll(render.Clean(d.b.Stops[i].Title), "\n", " ")
}

// presenting reports whether the session has a presenter panel.
func (m *Model) presenting() bool {
	return m.pres.role == RolePresenter && m.deck.stops() > 0
}

// enable turns a binding on or off; one a config file left without keys
// stays off.
func enable(b *key.Binding, on bool) { b.SetEnabled(on && len(b.Keys()) > 0) }

// presenterKeys enables the keys that fit the session's part: f (follow)
// for anyone who does not drive; for a presenter, asking for control when
// someone else drives (or nobody does), handing it over when driving.
func (m *Model) presenterKeys() {
	if m.pres.hub == nil {
		return
	}
	enable(&m.c.Keys.Follow, !m.pres.driving)
	if m.pres.role != RolePresenter {
		return
	}
	enable(&m.c.Keys.AskControl, !m.pres.driving)
	enable(&m.c.Keys.HandOff, m.pres.driving)
}

// presenterKey handles the presenter's keys; ok is false for any other key.
func (m *Model) presenterKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := &m.c.Keys
	switch {
	case key.Matches(msg, k.NextStop):
		if i := m.pres.stop + 1; i < m.deck.stops() {
			return m.goStop(i), true
		}
		m.status = "this is the last stop"
	case key.Matches(msg, k.PrevStop):
		if i := m.pres.stop - 1; i >= 0 && i < m.deck.stops() {
			return m.goStop(i), true
		}
		m.status = "this is the first stop"
	case key.Matches(msg, k.AskControl):
		m.pres.hub.RequestControl()
	case key.Matches(msg, k.HandOff):
		m.pres.hub.HandOff()
	case key.Matches(msg, k.Panel):
		m.deck.hidden = !m.deck.hidden
	default:
		return nil, false
	}
	return nil, true
}

// goStop shows stop i: its view, topic, day and accounts (the dossier's
// default pair when the stop names none). The Update that called it reports
// the new position, stop index included, to the hub.
func (m *Model) goStop(i int) tea.Cmd {
	st := m.deck.b.Stops[i]
	id, ok := ParseViewID(st.View)
	if !ok {
		id = ViewCompare
	}
	p := Position{View: id.String(), Topic: st.Topic, Day: st.Day, Accounts: st.Accounts, Third: st.Third, Stop: i}
	if p.Accounts == ([2]string{}) {
		p.Accounts = defaultPair(m.c.Base)
	}
	m.pres.stop = i
	// a stop shows exactly the accounts it names: two, or three
	return tea.Batch(m.setAccounts(p.Accounts, p.Third), m.jump(JumpMsg{View: id, Pos: p}))
}

// syncNotes makes sure the notes of the current stop, at the panel's
// width and the session's style, are on screen or on their way: from the
// cache at once, else rendered in a Cmd. It is called after every message.
func (m *Model) syncNotes() tea.Cmd {
	if !m.presenting() {
		return nil
	}
	req := notesReq{stop: m.pres.stop, width: max(1, m.c.Width-4), style: m.c.Style, set: true}
	if m.deck.have == req || m.deck.want == req {
		return nil
	}
	d, b, cache := m.c.Base, m.deck.b, m.c.Cache
	if req.stop < 0 {
		m.deck.show(req, nil)
		return nil
	}
	if lines, ok := cache.CachedNotes(d, b, req.stop, req.width, req.style); ok {
		m.deck.show(req, lines)
		return nil
	}
	m.deck.want = req
	return func() tea.Msg {
		return NotesMsg{req: req, lines: cache.Notes(d, b, req.stop, req.width, req.style)}
	}
}

// show puts the notes rendered for req on screen; the panel takes their
// height until the next stop's arrive.
func (d *deck) show(req notesReq, lines []string) {
	if req.stop != d.have.stop {
		d.off = 0 // another stop's notes start at their top
	}
	d.have, d.lines, d.rows = req, lines, max(1, len(lines))
}

// notesArrived puts rendered notes on screen unless they are late, and
// renders the next stop's into the cache so that → finds them ready.
func (m *Model) notesArrived(msg NotesMsg) tea.Cmd {
	if msg.req != m.deck.want {
		return nil
	}
	m.deck.show(msg.req, msg.lines)
	m.deck.want = notesReq{stop: -1}
	next := msg.req.stop + 1
	if next >= m.deck.stops() {
		return nil
	}
	d, b, cache, r := m.c.Base, m.deck.b, m.c.Cache, msg.req
	return func() tea.Msg {
		cache.Notes(d, b, next, r.width, r.style)
		return nil
	}
}

// panelHeight is the number of lines the presenter panel takes under the
// body; 0 when there is none.
func (m *Model) panelHeight() int {
	if !m.presenting() || m.deck.hidden || !m.usable() {
		return 0
	}
	if m.c.Height < panelMinHeight {
		return 1
	}
	return clamp(m.deck.rows, 1, m.c.Height/3-2) + 2
}

// panel draws the presenter panel, h lines of exactly w cells.
func (m *Model) panel(w, h int) []string {
	if h <= 0 {
		return nil
	}
	st := m.c.Styles
	cur, next := m.stopLabel(), ""
	if t := m.deck.title(m.pres.stop + 1); t != "" {
		next = "next: " + t
	} else {
		next = "last stop"
	}
	who, control := m.followersLabel(), m.controlLabel()
	if h == 1 {
		parts := []string{st.PaneTitleFocused.Render(cur)}
		if hint := m.notesHint(); hint != "" {
			parts = append(parts, st.Label.Render(hint))
		}
		parts = append(parts, st.Faint.Render(next))
		if who != "" {
			parts = append(parts, who)
		}
		if control != "" {
			parts = append(parts, st.StatusAlert.Render(control))
		}
		return []string{m.c.fit(" "+m.c.cut(strings.Join(parts, st.Faint.Render(" · ")), w-1), w)}
	}
	inner := w - 2
	out := make([]string, 0, h)
	out = append(out, m.c.rule("╭", "╮", st.PaneTitleFocused.Render(cur), st.Faint.Render(next), inner, st.Border))
	bar := st.Border.Render("│")
	rows := h - 2
	var notes []string
	switch {
	case m.pres.stop < 0:
		notes = []string{st.Faint.Render("Not on a stop yet: " + m.c.Keys.NextStop.Help().Key + " goes to the first.")}
	case m.deck.have.stop == m.pres.stop && m.deck.have.set:
		notes = m.deck.lines
		if len(notes) == 0 {
			notes = []string{st.Faint.Render("No notes for this stop.")}
		}
	default:
		notes = []string{st.Faint.Render("…")}
	}
	notes, above, below := m.notesWindow(notes, rows) // notesbox.go
	for i := range rows {
		line := ""
		if i < len(notes) {
			line = notes[i]
		}
		switch {
		case i == 0 && above > 0:
			line = st.Faint.Render("↑ " + plural(above, "line", "lines") + " above · " + m.c.Keys.NotesUp.Help().Key + " scrolls up")
		case i == rows-1 && below > 0:
			line = st.Faint.Render("↓ " + plural(below, "more line", "more lines") + " · " + m.c.Keys.NotesDown.Help().Key + " scroll the notes")
		}
		out = append(out, bar+m.c.fit(" "+m.c.cut(line, inner-2), inner-1)+" "+bar)
	}
	if control != "" {
		control = st.StatusAlert.Render(control)
	}
	out = append(out, m.c.rule("╰", "╯", who, control, inner, st.Border))
	return out
}

// stopLabel is "stop 3/12 · Title", or where the briefing starts.
func (m *Model) stopLabel() string {
	n := strconv.Itoa(m.deck.stops())
	if m.pres.stop < 0 {
		return "briefing: " + strings.ReplaceAll(render.Clean(m.deck.b.Title), "\n", " ") + " · " + n + " stops"
	}
	return "stop " + strconv.Itoa(m.pres.stop+1) + "/" + n + " · " + m.deck.title(m.pres.stop)
}

// followersLabel is "2 following: bob, carol"; "" without a hub (dossier
// present), where nobody can follow.
func (m *Model) followersLabel() string {
	fs := m.pres.followers
	if m.pres.hub == nil {
		return ""
	}
	if len(fs) == 0 {
		return "nobody following"
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = render.Clean(f)
		if slices.Contains(m.pres.browsing, f) {
			names[i] += " (browsing)"
		}
	}
	return m.pres.count() + ": " + strings.Join(names, ", ")
}

// controlLabel says who drives and what the presenter's control key does:
// "bert asks for control · H hands over", "alice presents · r asks for
// control"; "" for a driver nobody asked, or without a hub.
func (m *Model) controlLabel() string {
	p, k := &m.pres, &m.c.Keys
	switch {
	case p.hub == nil:
		return ""
	case p.driving && len(p.requests) > 0:
		return render.Clean(p.requests[0]) + " asks for control · " + k.HandOff.Help().Key + " hands over"
	case p.driving:
		return ""
	case p.presenter != "":
		return render.Clean(p.presenter) + " presents · " + k.AskControl.Help().Key + " asks for control"
	}
	return "nobody presents · " + k.AskControl.Help().Key + " to present"
}

// presenterHelp returns the presenter's bindings for the footer, first:
// the stops, and the control key that applies now.
func (m *Model) presenterHelp() []key.Binding {
	if m.pres.role != RolePresenter {
		return nil
	}
	k := m.c.Keys
	var out []key.Binding
	if k.NextStop.Enabled() {
		label := keyLabel([]string{k.NextStop.Keys()[0], k.PrevStop.Keys()[0]})
		stops := key.NewBinding(key.WithKeys(k.NextStop.Keys()...), key.WithHelp(label, "stops"))
		out = append(out, stops)
	}
	if k.HandOff.Enabled() && len(m.pres.requests) > 0 {
		out = append(out, k.HandOff)
	}
	if k.AskControl.Enabled() {
		if m.pres.presenter == "" {
			out = append(out, relabel(k.AskControl, "take control")) // nobody presents: r takes it at once
		} else {
			out = append(out, k.AskControl)
		}
	}
	return out
}

// presenterGroup is the `?` overlay's column of presenter keys, empty for
// anyone else.
func (m *Model) presenterGroup() []key.Binding {
	var out []key.Binding
	for _, b := range append(m.c.Keys.PresentKeys.group(), m.c.Keys.NotesDown, m.c.Keys.NotesUp) {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// rule draws a border line inner cells wide between two corners, with a
// label at its left and a note at its right: "╭─ left ──── right ─╮". The
// note gives way first when they do not both fit.
func (c *Common) rule(lc, rc, left, right string, inner int, border lipgloss.Style) string {
	mw := c.Method
	inner = max(0, inner)
	lw, rw := mw.StringWidth(left), mw.StringWidth(right)
	if right != "" && lw+rw+7 > inner {
		if room := inner - lw - 7; room >= 12 {
			right, rw = c.cut(right, room), room
		} else {
			right, rw = "", 0
		}
	}
	if left != "" && lw+3 > inner {
		left = c.cut(left, max(0, inner-3))
		lw = mw.StringWidth(left)
	}
	if left == "" {
		return border.Render(lc + strings.Repeat("─", inner) + rc)
	}
	s := border.Render(lc+"─ ") + left + " "
	if right == "" {
		return s + border.Render(strings.Repeat("─", max(0, inner-lw-3))+rc)
	}
	return s + border.Render(strings.Repeat("─", max(0, inner-lw-rw-6))+" ") + right + border.Render(" ─"+rc)
}

// cut shortens a styled string to w cells, ending with "…" when it had to.
func (c *Common) cut(s string, w int) string {
	if c.Method.StringWidth(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	return render.Slice(s, 0, w-1, c.Method) + "…"
}

package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
)

// statuses in the order the status filter cycles through them.
var statuses = []dossier.Status{dossier.StatusOpen, dossier.StatusAccepted, dossier.StatusRejected,
	dossier.StatusWithdrawn, dossier.StatusDisputed}

// demandsView is the matrix of demands by party: the demand, the other
// side's response, status, days and sources, filtered by party and
// status; enter opens the topic where the demand is argued.
type demandsView struct {
	c    *Common
	pane listPane
	ids  []string // demand ids of the rows
	// party is the party shown ("" for all); status the status shown, -1
	// for all.
	party  string
	status dossier.Status
	gen    int
}

func newDemandsView(c *Common) View {
	v := &demandsView{c: c, pane: listPane{c: c, keep: -1}, status: -1}
	v.pane.tbl = table{c: c, cols: []column{
		{title: "id", cap: 14, drop: 3}, {title: "party"}, {title: "demand", grow: true}, {title: "response", grow: true},
		{title: "status", cap: 9}, {title: "days", cap: 16, drop: 2}, {title: "sources", cap: 24, drop: 1},
	}}
	v.pane.tbl.mark = c.rowMark(notes.KindDemand, func(i int) string { return v.ids[i] }) // notes_keys.go
	v.rebuild()
	return v
}

// rebuild fills the table from the dossier as the filters show it.
func (v *demandsView) rebuild() {
	cur := ""
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		cur = v.ids[i]
	}
	v.ids = v.ids[:0]
	var rows [][]string
	for _, x := range v.c.Dossier.Demands {
		if v.party != "" && x.Party != v.party || v.status >= 0 && x.Status != v.status {
			continue
		}
		v.ids = append(v.ids, x.ID)
		rows = append(rows, []string{cell(x.ID), cell(v.c.Base.PartyName(x.Party)), inline(x.Text), inline(x.Response),
			x.Status.String(), cell(v.c.dayList(x.Days)), cell(v.c.shorts(x.Sources))})
	}
	v.pane.tbl.setRows(rows)
	v.gen++
	v.cursorOn(cur)
}

// cursorOn puts the cursor on a demand shown; false when it is not.
func (v *demandsView) cursorOn(id string) bool {
	for i, x := range v.ids {
		if x == id {
			v.pane.tbl.cursor = i
			return true
		}
	}
	return false
}

// Select puts the cursor on a demand, clearing a party or status filter
// that hides it.
func (v *demandsView) Select(id string) bool {
	if v.cursorOn(id) {
		return true
	}
	if _, ok := v.c.Dossier.Demand(id); ok && (v.party != "" || v.status >= 0) {
		v.party, v.status = "", -1
		v.rebuild()
		return v.cursorOn(id)
	}
	return false
}

// demand returns the demand under the cursor.
func (v *demandsView) demand() *dossier.Demand {
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		x, _ := v.c.Dossier.Demand(v.ids[i])
		return x
	}
	return nil
}

// cycleParty shows the next party's demands (all, then each party).
func (v *demandsView) cycleParty() {
	parties := []string{""}
	for _, p := range v.c.Base.Parties {
		parties = append(parties, p.ID)
	}
	for i, p := range parties {
		if p == v.party {
			v.party = parties[(i+1)%len(parties)]
			break
		}
	}
	v.rebuild()
}

// cycleStatus shows the next status (all, then each status some demand
// has).
func (v *demandsView) cycleStatus() {
	next := dossier.Status(-1)
	for _, s := range statuses {
		if s <= v.status {
			continue
		}
		for _, x := range v.c.Dossier.Demands {
			if x.Status == s {
				next = s
				break
			}
		}
		if next >= 0 {
			break
		}
	}
	v.status = next
	v.rebuild()
}

func (v *demandsView) Init() tea.Cmd { return nil }

func (v *demandsView) SetSize(w, h int) tea.Cmd {
	v.pane.w, v.pane.h = w, h
	return nil
}

func (v *demandsView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case FilterChangedMsg:
		v.rebuild()
	case tea.KeyPressMsg:
		k := v.c.Keys
		switch {
		case key.Matches(msg, k.PartyFilter):
			v.cycleParty()
		case key.Matches(msg, k.StatusFilter):
			v.cycleStatus()
		case key.Matches(msg, k.Open):
			return v, v.open()
		default:
			v.pane.key(msg)
		}
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		v.pane.mouse(msg)
	}
	return v, nil
}

// open jumps to the topic where the demand under the cursor is argued.
func (v *demandsView) open() tea.Cmd {
	x := v.demand()
	if x == nil {
		return nil
	}
	if _, ok := v.c.Base.Topic(x.Topic); !ok {
		return statusCmd("no topic is given for this demand")
	}
	return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: x.Topic}})
}

func (v *demandsView) detail(row, w int) []string {
	x := v.demand()
	if x == nil {
		return nil
	}
	c, st := v.c, v.c.Styles
	out := c.wrap(st.OverlayTitle.Render(render.Clean(c.Base.PartyName(x.Party))+" demands")+
		st.Faint.Render(" · "+x.Status.String()+" · "+render.Clean(x.ID)), w, 2)
	out = append(out, c.wrap(inline(x.Text), w, 0)...)
	out = append(out, c.field("response", x.Response, w)...)
	out = append(out, c.field("days", c.dayList(x.Days), w)...)
	out = append(out, c.field("sources", c.sourceList(x.Sources), w)...)
	if t, ok := c.Base.Topic(x.Topic); ok {
		out = append(out, c.field("argued in", t.Title+" (enter)", w)...)
	}
	return out
}

func (v *demandsView) Body() []string {
	return v.pane.draw(v.gen, v.detail, "No demand matches (p: party, s: status).")
}

// filterLabel says what the party and status filters show.
func (v *demandsView) filterLabel() string {
	s := "all parties"
	if v.party != "" {
		s = render.Clean(v.c.Base.PartyName(v.party))
	}
	if v.status >= 0 {
		s += " · " + v.status.String()
	} else {
		s += " · any status"
	}
	return s
}

func (v *demandsView) Location() string {
	return "demands · " + plural(len(v.ids), "demand", "demands") + " · " + v.filterLabel()
}

func (v *demandsView) Position() Position { return Position{Stop: -1} }

func (v *demandsView) SetPosition(Position) tea.Cmd { return nil }

func (v *demandsView) ShortHelp() []key.Binding {
	k := v.c.Keys
	open := relabel(k.Open, "open topic")
	return []key.Binding{k.Down, k.Up, k.PartyFilter, k.StatusFilter, open, k.Search, k.AsOf, k.Help, k.Quit}
}

func (v *demandsView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.PageDown, k.PageUp},
		{k.PartyFilter, k.StatusFilter, k.Open, k.Views, k.Search}}
}

// StatusMsg asks the root to show a one-off notice in the status line.
type StatusMsg struct{ Text string }

// statusCmd returns a command that sends a StatusMsg.
func statusCmd(s string) tea.Cmd { return func() tea.Msg { return StatusMsg{Text: s} } }

package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// sourcesView lists every source with outlet, date, origin, grade, basis
// and how many claims it supports; enter filters every view to what the
// source supports (enter again, or c, clears it), d shows the
// discrepancies it takes part in.
type sourcesView struct {
	c      *Common
	pane   listPane
	ids    []string
	counts map[string]int
	gen    int
	claims sourceClaims // the claims the selected source supports: sourceclaims.go
}

func newSourcesView(c *Common) View {
	v := &sourcesView{c: c, pane: listPane{c: c, keep: -1}}
	v.pane.tbl = table{c: c, cols: []column{
		{title: "source"}, {title: "outlet", cap: 30, grow: true, drop: 3}, {title: "date", cap: 11, drop: 1},
		{title: "origin", cap: 30, grow: true, drop: 2}, {title: "grade", cap: 5}, {title: "claims", cap: 6}, {title: "basis", cap: 60, grow: true},
	}}
	v.rebuild()
	return v
}

// sourceDate writes when a source was published, with the relay's date
// for a relayed source: "28 Oct 2025", "28 Oct 2025 (via NationPress)".
func (c *Common) sourceDate(s *dossier.Source) string {
	d := c.Base.SourceDate(s.ID)
	if d.IsZero() {
		return "undated"
	}
	out := d.Format("2 Jan 2006")
	if via, ok := c.Base.Source(s.Via); ok && s.Date.IsZero() {
		out += " (the date of " + render.Clean(via.Outlet) + ", through which it is known)"
	}
	return out
}

// rebuild fills the table: the sources known as of the selected day when
// "as of" is on, with the claims each supports.
func (v *sourcesView) rebuild() {
	cur := ""
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		cur = v.ids[i]
	}
	c := v.c
	counted := selected(c.Base, dossier.Selection{AsOf: c.Sel.AsOf})
	v.counts = map[string]int{}
	for _, src := range c.Base.Sources {
		v.counts[src.ID] = counted.ClaimsSupported(src.ID)
	}
	v.ids = v.ids[:0]
	var rows [][]string
	for i := range c.Base.Sources {
		s := &c.Base.Sources[i]
		if !c.Sel.AsOf.IsZero() && !c.Base.KnownBy([]string{s.ID}, c.Sel.AsOf) {
			continue
		}
		short := s.Short
		if short == "" {
			short = s.Outlet
		}
		mark := "  "
		if s.ID == c.Sel.Source {
			mark = "● "
		}
		v.ids = append(v.ids, s.ID)
		date := "undated"
		if sd := c.Base.SourceDate(s.ID); !sd.IsZero() {
			date = sd.Format("2 Jan 2006")
		}
		rows = append(rows, []string{mark + cell(short), cell(s.Outlet), date, cell(s.Origin),
			cell(s.Reliability), strconv.Itoa(v.counts[s.ID]), cell(s.Basis)})
	}
	v.pane.tbl.setRows(rows)
	v.gen++
	v.Select(cur)
}

// Select puts the cursor on a source.
func (v *sourcesView) Select(id string) bool {
	for i, x := range v.ids {
		if x == id {
			v.pane.tbl.cursor = i
			return true
		}
	}
	return false
}

func (v *sourcesView) source() *dossier.Source {
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		s, _ := v.c.Base.Source(v.ids[i])
		return s
	}
	return nil
}

// discrepancies returns the ids of the discrepancies a source takes part
// in, as the filters show them.
func (v *sourcesView) discrepancies(id string) []string {
	var out []string
	for _, x := range v.c.Dossier.Discrepancies {
		for _, ver := range x.Versions {
			if v.c.Base.Supports(id, ver.Sources) {
				out = append(out, x.ID)
				break
			}
		}
	}
	return out
}

func (v *sourcesView) Init() tea.Cmd { return nil }

func (v *sourcesView) SetSize(w, h int) tea.Cmd {
	v.pane.w, v.pane.h = w, h
	return nil
}

func (v *sourcesView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case FilterChangedMsg:
		v.rebuild()
	case tea.KeyPressMsg:
		k := v.c.Keys
		s := v.source()
		if cmd, ok := v.claimKey(msg); ok { // sourceclaims.go
			return v, cmd
		}
		switch {
		case key.Matches(msg, k.Open) && s != nil:
			id := s.ID
			if id == v.c.Sel.Source {
				id = ""
			}
			return v, func() tea.Msg { return SourceFilterMsg{Source: id} }
		case key.Matches(msg, k.Discrepancies) && s != nil:
			if len(v.discrepancies(s.ID)) == 0 {
				return v, statusCmd("this source takes part in no discrepancy")
			}
			return v, JumpCmd(JumpMsg{View: ViewDiscrepancies, Item: "source:" + s.ID})
		default:
			v.pane.key(msg)
		}
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		v.pane.mouse(msg)
	}
	return v, nil
}

func (v *sourcesView) detail(row, w int) []string {
	s := v.source()
	if s == nil {
		return nil
	}
	c, st := v.c, v.c.Styles
	out := c.wrap(st.OverlayTitle.Render(render.Clean(s.Outlet))+st.Faint.Render(" · "+c.sourceDate(s)), w, 2)
	if s.Title != "" {
		out = append(out, c.wrap("“"+render.Clean(s.Title)+"”", w, 2)...)
	}
	out = append(out, c.field("origin", s.Origin, w)...)
	if s.Reliability != "" {
		out = append(out, c.field("grade", s.Reliability+" — "+gradeMeaning[s.Reliability], w)...)
	}
	out = append(out, c.field("basis", s.Basis, w)...)
	if via, ok := c.Base.Source(s.Via); ok {
		out = append(out, c.field("known via", via.Outlet, w)...)
	}
	out = append(out, c.field("url", s.URL, w)...)
	out = append(out, c.field("supports", plural(v.counts[s.ID], "claim", "claims"), w)...)
	ds := v.discrepancies(s.ID)
	if len(ds) > 0 {
		out = append(out, c.field("discrepancies", strconv.Itoa(len(ds))+" (d shows them)", w)...)
		for _, id := range ds {
			if x, ok := c.Dossier.Discrepancy(id); ok {
				out = append(out, c.wrap("⚑ "+inline(x.Fact), w, 4)...)
			}
		}
	}
	hint := "enter: show only what this source supports"
	if s.ID == c.Sel.Source {
		hint = "enter or c: show every source again"
	}
	out = append(out, "", st.Faint.Render(hint))
	return v.claimLines(out, s.ID, w) // sourceclaims.go
}

func (v *sourcesView) Body() []string {
	v.keepClaim()
	return v.pane.draw(v.gen, v.detail, "No source (or none published by the day chosen).")
}

func (v *sourcesView) Location() string {
	return "sources · " + plural(len(v.ids), "source", "sources")
}

func (v *sourcesView) Position() Position { return Position{Stop: -1} }

func (v *sourcesView) SetPosition(Position) tea.Cmd { return nil }

func (v *sourcesView) ShortHelp() []key.Binding {
	k := v.c.Keys
	open := relabel(k.Open, "filter by source")
	return []key.Binding{k.Down, k.Up, open, k.ClearFilter, k.Discrepancies, k.Search, k.AsOf, k.Help, k.Quit}
}

func (v *sourcesView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.PageDown, k.PageUp},
		{k.Open, k.ClearFilter, k.Discrepancies, k.Views, k.Search}}
}

package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
)

// discrepanciesView lists the facts on which sources disagree; under the
// table, the selected one's versions with who gives each, and the claims
// that touch it, each a jump ({ and } choose, enter opens). It is view 6,
// and `d` reaches it from every view with the marked thing's discrepancy
// selected.
type discrepanciesView struct {
	c    *Common
	pane listPane
	ids  []string
	gen  int
	// only narrows the list to the discrepancies a source takes part in
	// (d in the sources view); "" for all.
	only string
	// refs are the claims touching the selected discrepancy, for row;
	// sel is the one enter opens, claimsTop the line of the details
	// where they start.
	refs      []claimRef
	refsFor   string
	sel       int
	claimsTop int
}

func newDiscrepanciesView(c *Common) View {
	v := &discrepanciesView{c: c, pane: listPane{c: c, keep: -1}}
	v.pane.tbl = table{c: c, cols: []column{
		{title: "fact", grow: true}, {title: "versions", cap: 8}, {title: "claims", cap: 6}, {title: "day", cap: 7}, {title: "topic", cap: 24, drop: 1},
	}}
	v.pane.tbl.mark = c.rowMark(notes.KindDiscrepancy, func(i int) string { return v.ids[i] }) // notes_keys.go
	v.rebuild()
	return v
}

func (v *discrepanciesView) rebuild() {
	cur := ""
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		cur = v.ids[i]
	}
	c := v.c
	v.ids = v.ids[:0]
	var rows [][]string
	for _, x := range c.Dossier.Discrepancies {
		if v.only != "" && !takesPart(c, v.only, x.Versions) {
			continue
		}
		topic := ""
		if t, ok := c.Base.Topic(x.Topic); ok {
			topic = t.Title
		}
		day := ""
		if x.Day != "" {
			day = render.DayTag(c.Base, x.Day)
		}
		v.ids = append(v.ids, x.ID)
		rows = append(rows, []string{inline(x.Fact), strconv.Itoa(len(x.Versions)), strconv.Itoa(len(c.touching(x.ID))), day, cell(topic)})
	}
	v.pane.tbl.setRows(rows)
	v.gen++
	v.refsFor = "\x00"
	v.Select(cur)
}

// takesPart reports whether a source gives one of the versions.
func takesPart(c *Common, source string, vs []dossier.Version) bool {
	for _, ver := range vs {
		if c.Base.Supports(source, ver.Sources) {
			return true
		}
	}
	return false
}

// narrow lists only the discrepancies a source takes part in ("" lists
// them all).
func (v *discrepanciesView) narrow(source string) {
	if v.only != source {
		v.only = source
		v.rebuild()
	}
}

// Select puts the cursor on a discrepancy; "source:ID" lists only those
// the source takes part in, with the first selected.
func (v *discrepanciesView) Select(id string) bool {
	if src, ok := strings.CutPrefix(id, "source:"); ok {
		v.narrow(src)
		v.pane.tbl.cursor = 0
		return len(v.ids) > 0
	}
	for i, x := range v.ids {
		if x == id {
			v.pane.tbl.cursor = i
			return true
		}
	}
	if v.only != "" && id != "" {
		v.narrow("")
		return v.Select(id)
	}
	return false
}

func (v *discrepanciesView) discrepancy() *dossier.Discrepancy {
	if i := v.pane.tbl.cursor; i < len(v.ids) {
		x, _ := v.c.Dossier.Discrepancy(v.ids[i])
		return x
	}
	return nil
}

// claims makes refs the claims touching the selected discrepancy, with
// the first one in its topic chosen.
func (v *discrepanciesView) claims() {
	x := v.discrepancy()
	id := ""
	if x != nil {
		id = x.ID
	}
	if id == v.refsFor {
		return
	}
	v.refsFor, v.refs, v.sel = id, nil, 0
	if x == nil {
		return
	}
	v.refs = v.c.touching(x.ID)
	for i, r := range v.refs {
		if r.topic == x.Topic {
			v.sel = i
			break
		}
	}
}

// touching returns the claims that touch a discrepancy, with their topic
// and account, in dossier order.
func (c *Common) touching(id string) []claimRef {
	var out []claimRef
	for _, t := range c.Dossier.Topics {
		for _, s := range t.Sections {
			for i := range s.Claims {
				for _, d := range s.Claims[i].Discrepancies {
					if d == id {
						out = append(out, claimRef{topic: t.ID, account: s.Account, claim: &s.Claims[i]})
					}
				}
			}
		}
	}
	return out
}

// claimRef is a claim with the topic and account it belongs to.
type claimRef struct {
	topic, account string
	claim          *dossier.Claim
}

func (v *discrepanciesView) Init() tea.Cmd { return nil }

func (v *discrepanciesView) SetSize(w, h int) tea.Cmd {
	v.pane.w, v.pane.h = w, h
	return nil
}

func (v *discrepanciesView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case FilterChangedMsg:
		v.rebuild()
	case tea.KeyPressMsg:
		k := v.c.Keys
		v.claims()
		switch {
		case key.Matches(msg, k.Open):
			return v, v.open()
		case key.Matches(msg, k.NextClaim):
			v.sel = clamp(v.sel+1, 0, max(0, len(v.refs)-1))
			v.gen++
		case key.Matches(msg, k.PrevClaim):
			v.sel = clamp(v.sel-1, 0, max(0, len(v.refs)-1))
			v.gen++
		default:
			v.pane.key(msg)
		}
	case tea.MouseClickMsg:
		if v.pane.mouse(msg) < 0 {
			l := v.pane.detailLine(msg.Mouse().Y)
			if i := l - v.claimsTop; l >= 0 && i >= 0 && i < len(v.refs) {
				v.sel = i
				v.gen++
			}
		}
	case tea.MouseWheelMsg:
		v.pane.mouse(msg)
	}
	return v, nil
}

// target says where enter goes from the chosen discrepancy: "claim",
// "topic", "day", or "" when nothing is tied to it. The detail and the
// footer say the same as open does.
func (v *discrepanciesView) target() string {
	x := v.discrepancy()
	if x == nil {
		return ""
	}
	v.claims()
	if v.sel < len(v.refs) {
		return "claim"
	}
	if _, ok := v.c.Base.Topic(x.Topic); ok {
		return "topic"
	}
	if _, ok := v.c.Base.Day(x.Day); ok {
		return "day"
	}
	return ""
}

// open goes to the chosen claim touching the discrepancy, else to its
// topic, else to its day.
func (v *discrepanciesView) open() tea.Cmd {
	x := v.discrepancy()
	if x == nil {
		return nil
	}
	v.claims()
	if v.sel < len(v.refs) {
		r := v.refs[v.sel]
		return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: r.topic, Anchor: r.claim.ID, Accounts: v.c.pairWith(r.account)}})
	}
	if _, ok := v.c.Base.Topic(x.Topic); ok {
		return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: x.Topic}})
	}
	if _, ok := v.c.Base.Day(x.Day); ok {
		return JumpCmd(JumpMsg{View: ViewDays, Pos: Position{Day: x.Day}})
	}
	return statusCmd("no claim, topic or day is tied to this discrepancy")
}

func (v *discrepanciesView) detail(row, w int) []string {
	x := v.discrepancy()
	if x == nil {
		return nil
	}
	v.claims()
	c, st := v.c, v.c.Styles
	out := c.wrap(st.OverlayTitle.Render("⚑ "+inline(x.Fact)), w, 2)
	for _, ver := range x.Versions {
		out = append(out, c.wrap("– "+inline(ver.Value), w, 2)...)
		var who []string
		for _, id := range ver.Sources {
			s, ok := c.Base.Source(id)
			if !ok {
				who = append(who, render.Clean(id))
				continue
			}
			b := render.Badge(c.Base, id, 0)
			if s.Origin != "" {
				b += " (" + render.Clean(s.Origin) + ")"
			}
			who = append(who, b)
		}
		for _, l := range c.wrap(st.Label.Render("given by: ")+strings.Join(who, "; "), w-2, 2) {
			out = append(out, "  "+l)
		}
		if ver.Note != "" {
			for _, l := range c.wrap(st.Faint.Render(inline(ver.Note)), w-2, 0) {
				out = append(out, "  "+l)
			}
		}
	}
	out = append(out, "")
	if len(v.refs) == 0 {
		if t := v.target(); t != "" {
			out = append(out, st.Faint.Render("No claim touches it; "+v.c.Keys.Open.Help().Key+" opens its "+t+"."))
		} else {
			out = append(out, st.Faint.Render("No claim, topic or day is tied to it."))
		}
	} else {
		keys := c.Keys.PrevClaim.Help().Key + " " + c.Keys.NextClaim.Help().Key
		out = append(out, st.Label.Render(plural(len(v.refs), "claim touches it", "claims touch it"))+
			st.Faint.Render(" ("+keys+" choose, "+c.Keys.Open.Help().Key+" opens)"))
	}
	v.claimsTop = len(out)
	for i, r := range v.refs {
		t, _ := c.Base.Topic(r.topic)
		mark := "  "
		if i == v.sel {
			mark = st.Selected.Render("›") + " "
		}
		head := render.Clean(t.Title) + " · " + c.AccountName(r.account)
		out = append(out, c.cut(mark+st.Label.Render(head)+st.Faint.Render(" — "+inline(r.claim.Text)), w))
	}
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

func (v *discrepanciesView) Body() []string {
	v.claims()
	v.pane.keep = -1
	if len(v.refs) > 0 {
		v.pane.keep = v.claimsTop + v.sel
	}
	return v.pane.draw(v.gen, v.detail, "No discrepancy (or none the filters let through).")
}

func (v *discrepanciesView) Location() string {
	s := "discrepancies · " + plural(len(v.ids), "disputed fact", "disputed facts")
	if v.only != "" {
		s += " " + v.c.shorts([]string{v.only}) + " takes part in · 6 shows all"
	}
	return s
}

func (v *discrepanciesView) Position() Position { return Position{Stop: -1} }

func (v *discrepanciesView) SetPosition(Position) tea.Cmd { return nil }

func (v *discrepanciesView) ShortHelp() []key.Binding {
	k := v.c.Keys
	out := []key.Binding{k.Down, k.Up}
	// only the keys that do something here: {/} with claims to choose,
	// enter with somewhere to go
	if v.claims(); len(v.refs) > 1 {
		out = append(out, key.NewBinding(key.WithKeys(k.NextClaim.Keys()...), key.WithHelp(k.PrevClaim.Help().Key+"/"+k.NextClaim.Help().Key, "choose claim")))
	}
	if t := v.target(); t != "" {
		out = append(out, relabel(k.Open, "open "+t))
	}
	return append(out, k.HistoryBack, k.Search, k.AsOf, k.Help, k.Quit)
}

func (v *discrepanciesView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.PageDown, k.PageUp}, {k.NextClaim, k.PrevClaim, k.Open, k.Views, k.Search}}
}

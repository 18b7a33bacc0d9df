package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// delegFocus says what has the keyboard in the delegations view.
type delegFocus int

const (
	delegTable  delegFocus = iota // the members
	delegClaims                   // the claims naming the chosen member
)

// String returns "members" or "claims".
func (f delegFocus) String() string {
	if f == delegClaims {
		return "claims"
	}
	return "members"
}

// memberRef is a row of the delegations table: a member by delegation
// and index in the dossier as loaded.
type memberRef struct{ deleg, member int }

// delegationsView lists the members of every delegation (name, title,
// organisation, sources); enter on a named member lists every claim that
// names them.
type delegationsView struct {
	c     *Common
	pane  listPane
	refs  []memberRef
	focus delegFocus
	// claims are the claims naming the chosen member; sel the one under
	// the cursor.
	claims []search.Hit
	sel    int
	// claimsTop is the line of the details where the claims start.
	claimsTop int
	gen       int
}

func newDelegationsView(c *Common) View {
	v := &delegationsView{c: c, pane: listPane{c: c, keep: -1}}
	v.pane.tbl = table{c: c, cols: []column{
		{title: "name"}, {title: "title", grow: true}, {title: "organisation", cap: 28, drop: 1}, {title: "sources", cap: 30, drop: 2},
	}}
	v.pane.tbl.group = v.heading
	v.rebuild()
	return v
}

// rebuild fills the table from the dossier as the filters show it.
func (v *delegationsView) rebuild() {
	cur := v.current()
	v.refs = v.refs[:0]
	var rows [][]string
	for i, del := range v.c.Base.Delegations {
		for j, m := range del.Members {
			if !v.c.admits(m.Sources) {
				continue
			}
			name := cell(m.Name)
			if m.Unnamed {
				name = "(unnamed)"
			}
			v.refs = append(v.refs, memberRef{i, j})
			rows = append(rows, []string{name, cell(v.c.Dossier.MemberTitle(&m)), cell(m.Org), cell(v.c.shorts(v.c.shownSources(m.Sources)))})
		}
	}
	v.pane.tbl.setRows(rows)
	v.gen++
	if cur != nil {
		v.selectRef(*cur)
	}
}

func (v *delegationsView) current() *memberRef {
	if i := v.pane.tbl.cursor; i >= 0 && i < len(v.refs) {
		r := v.refs[i]
		return &r
	}
	return nil
}

func (v *delegationsView) selectRef(r memberRef) bool {
	for i, x := range v.refs {
		if x == r {
			v.pane.tbl.cursor = i
			return true
		}
	}
	return false
}

// heading is the delegation's name above its first member.
func (v *delegationsView) heading(i int) string {
	if i < 0 || i >= len(v.refs) || i > 0 && v.refs[i-1].deleg == v.refs[i].deleg {
		return ""
	}
	return v.c.partyLabel(v.c.Base.Delegations[v.refs[i].deleg].Party)
}

func (v *delegationsView) Init() tea.Cmd { return nil }

func (v *delegationsView) SetSize(w, h int) tea.Cmd {
	v.pane.w, v.pane.h = w, h
	return nil
}

func (v *delegationsView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case FilterChangedMsg:
		v.rebuild()
		if v.focus == delegClaims {
			v.findClaims()
		}
	case tea.KeyPressMsg:
		k := v.c.Keys
		if v.focus == delegClaims {
			switch {
			case key.Matches(msg, k.Down):
				v.sel = clamp(v.sel+1, 0, max(0, len(v.claims)-1))
			case key.Matches(msg, k.Up):
				v.sel = clamp(v.sel-1, 0, max(0, len(v.claims)-1))
			case key.Matches(msg, k.Open):
				if v.sel < len(v.claims) {
					return v, JumpCmd(v.c.jumpTo(v.claims[v.sel]))
				}
			}
			v.gen++
			return v, nil
		}
		if key.Matches(msg, k.Open) {
			v.findClaims()
			if len(v.claims) > 0 || v.name() != "" {
				v.focus = delegClaims
				v.gen++
			}
			return v, nil
		}
		v.pane.key(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		if v.focus == delegClaims {
			if c, ok := msg.(tea.MouseClickMsg); ok {
				v.clickClaim(c.Mouse().Y)
			}
			return v, nil
		}
		v.pane.mouse(msg)
	}
	return v, nil
}

// name is the chosen member's name, "" for an unnamed member.
func (v *delegationsView) name() string {
	r := v.current()
	if r == nil {
		return ""
	}
	return v.c.Base.Delegations[r.deleg].Members[r.member].Name
}

// findClaims lists the claims naming the member under the cursor: those
// holding any form of the name, its aliases, the family name, or a first
// or last word telling enough on its own (dossier.Member.NameTerms).
func (v *delegationsView) findClaims() {
	v.claims, v.sel = nil, 0
	r := v.current()
	if r == nil {
		return
	}
	terms := v.c.Base.Delegations[r.deleg].Members[r.member].NameTerms()
	if len(terms) == 0 {
		return
	}
	for _, h := range v.c.index().FindAny(terms, 0) {
		if h.Doc.Kind == search.KindClaim && v.c.visible(h) && len(v.claims) < maxHits {
			v.claims = append(v.claims, h)
		}
	}
}

// Back leaves the list of claims.
func (v *delegationsView) Back() bool {
	if v.focus == delegClaims {
		v.focus = delegTable
		v.gen++
		return true
	}
	return false
}

// Select puts the cursor on a delegation ("party") or member ("party/n").
func (v *delegationsView) Select(item string) bool {
	party, n, hasN := strings.Cut(item, "/")
	idx, _ := strconv.Atoi(n)
	v.focus = delegTable
	for i, del := range v.c.Base.Delegations {
		if del.Party != party {
			continue
		}
		if !hasN {
			for _, r := range v.refs {
				if r.deleg == i {
					return v.selectRef(r)
				}
			}
			return false
		}
		return v.selectRef(memberRef{i, idx})
	}
	return false
}

// clickClaim picks the claim at line y of the body.
func (v *delegationsView) clickClaim(y int) {
	l := v.pane.detailLine(y)
	if i := l - v.claimsTop; l >= 0 && i >= 0 && i < len(v.claims) {
		v.sel = i
		v.gen++
	}
}

// detail describes the member under the cursor and, once chosen, the
// claims naming them.
func (v *delegationsView) detail(row, w int) []string {
	if row < 0 || row >= len(v.refs) {
		return nil
	}
	c, st := v.c, v.c.Styles
	r := v.refs[row]
	del := c.Base.Delegations[r.deleg]
	m := del.Members[r.member]
	who := render.Clean(m.Name)
	if m.Unnamed {
		who = "unnamed: " + inline(c.Dossier.MemberTitle(&m))
	}
	out := c.wrap(st.OverlayTitle.Render(who)+st.Faint.Render(" · "+c.partyLabel(del.Party)), w, 2)
	if v.focus != delegClaims {
		if !m.Unnamed {
			out = append(out, c.field("title", c.Dossier.MemberTitle(&m), w)...) // as of a day, no later report's words
		}
		out = append(out, c.field("organisation", m.Org, w)...)
		out = append(out, c.field("sources", c.sourceList(c.shownSources(m.Sources)), w)...)
		out = append(out, c.field("delegation", del.Note, w)...)
		if m.Unnamed {
			out = append(out, "", st.Faint.Render("No claim can name an unnamed member."))
		} else {
			out = append(out, "", st.Faint.Render("enter: every claim that names them"))
		}
		return out
	}
	out = out[:1]
	if len(v.claims) == 0 {
		out = append(out, st.Label.Render("No claim names them")+st.Faint.Render(" (esc goes back)"), "")
	} else {
		out = append(out, st.Label.Render(plural(len(v.claims), "claim names them", "claims name them")+
			" (enter opens one, esc goes back)"), "")
	}
	if len(v.claims) == 0 {
		none := "none"
		if !v.c.Sel.IsZero() {
			none = "none the filters let through"
		}
		return append(out, st.Faint.Render(none))
	}
	m2 := search.NewMatcher(v.claimQuery())
	v.claimsTop = len(out)
	for i, h := range v.claims {
		mark := "  "
		if i == v.sel {
			mark = st.Selected.Render("›") + " "
		}
		head := c.where(h)
		out = append(out, mark+st.Label.Render(head)+"  "+snippet(c, h, m2, w-4-c.Method.StringWidth(head)))
	}
	return out
}

func (v *delegationsView) claimQuery() string {
	name := strings.Fields(v.name())
	if len(name) == 0 {
		return ""
	}
	return name[len(name)-1]
}

func (v *delegationsView) Body() []string {
	v.pane.keep = -1
	if v.focus == delegClaims {
		v.pane.keep = v.claimsTop + v.sel
	}
	return v.pane.draw(v.gen, v.detail, "No delegation members (or none the filters let through).")
}

func (v *delegationsView) Location() string {
	n := len(v.refs)
	s := "delegations · " + plural(n, "member", "members")
	if v.focus == delegClaims && v.name() != "" {
		s += " · claims naming " + render.Clean(v.name())
	}
	return s
}

func (v *delegationsView) Position() Position { return Position{Stop: -1} }

func (v *delegationsView) SetPosition(Position) tea.Cmd { return nil }

func (v *delegationsView) ShortHelp() []key.Binding {
	k := v.c.Keys
	open := relabel(k.Open, "claims naming them")
	if v.focus == delegClaims {
		open = relabel(k.Open, "open claim")
	}
	return []key.Binding{k.Down, k.Up, open, k.Back, k.Search, k.AsOf, k.Help, k.Quit}
}

func (v *delegationsView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.PageDown, k.PageUp}, {k.Open, k.Views, k.Search}}
}

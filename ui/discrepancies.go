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

func init() { RegisterView(ViewDiscrepancies, newDiscrepanciesView) }

// discrepanciesView lists the facts on which sources disagree, each with
// every version and who gives it; enter opens the topic where it is
// argued. It is reached from the sources view and from the provenance of
// a claim that touches a discrepancy.
type discrepanciesView struct {
	c    *Common
	pane listPane
	ids  []string
	gen  int
}

func newDiscrepanciesView(c *Common) View {
	v := &discrepanciesView{c: c, pane: listPane{c: c, keep: -1}}
	v.pane.tbl = table{c: c, cols: []column{
		{title: "fact", grow: true}, {title: "versions", cap: 8}, {title: "day", cap: 7}, {title: "topic", cap: 24, drop: 1},
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
		topic := ""
		if t, ok := c.Base.Topic(x.Topic); ok {
			topic = t.Title
		}
		day := ""
		if x.Day != "" {
			day = render.DayTag(c.Base, x.Day)
		}
		v.ids = append(v.ids, x.ID)
		rows = append(rows, []string{inline(x.Fact), strconv.Itoa(len(x.Versions)), day, cell(topic)})
	}
	v.pane.tbl.setRows(rows)
	v.gen++
	v.Select(cur)
}

// Select puts the cursor on a discrepancy.
func (v *discrepanciesView) Select(id string) bool {
	for i, x := range v.ids {
		if x == id {
			v.pane.tbl.cursor = i
			return true
		}
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
		if key.Matches(msg, v.c.Keys.Open) {
			return v, v.open()
		}
		v.pane.key(msg)
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		v.pane.mouse(msg)
	}
	return v, nil
}

// open goes to where the discrepancy is argued: the first claim touching
// it (in its topic when it names one), else its topic, else its day.
func (v *discrepanciesView) open() tea.Cmd {
	x := v.discrepancy()
	if x == nil {
		return nil
	}
	refs := v.c.touching(x.ID)
	for _, r := range refs {
		if x.Topic == "" || r.topic == x.Topic {
			return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: r.topic, Anchor: r.claim.ID, Accounts: v.c.pairWith(r.account)}})
		}
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
	refs := c.touching(x.ID)
	if len(refs) > 0 {
		out = append(out, "", st.Label.Render(plural(len(refs), "claim touches it", "claims touch it")+" (enter opens the first)"))
		for _, r := range refs {
			t, _ := c.Base.Topic(r.topic)
			out = append(out, c.wrap("• "+render.Clean(t.Title)+" · "+c.AccountName(r.account)+st.Faint.Render(" — "+inline(r.claim.Text)), w, 2)[0])
		}
	}
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

func (v *discrepanciesView) Body() []string {
	return v.pane.draw(v.gen, v.detail, "No discrepancy (or none the filters let through).")
}

func (v *discrepanciesView) Location() string {
	return "discrepancies · " + plural(len(v.ids), "disputed fact", "disputed facts")
}

func (v *discrepanciesView) Position() Position { return Position{Stop: -1} }

func (v *discrepanciesView) SetPosition(Position) tea.Cmd { return nil }

func (v *discrepanciesView) ShortHelp() []key.Binding {
	k := v.c.Keys
	open := relabel(k.Open, "open where argued")
	return []key.Binding{k.Down, k.Up, open, k.Back, k.Search, k.AsOf, k.Help, k.Quit}
}

func (v *discrepanciesView) FullHelp() [][]key.Binding {
	k := v.c.Keys
	return [][]key.Binding{{k.Down, k.Up, k.Top, k.Bottom, k.PageDown, k.PageUp}, {k.Open, k.Views, k.Search}}
}

package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"github.com/dossier-dev/dossier/render"
)

// TopicChosenMsg says the user picked a topic (an index into Topics).
type TopicChosenMsg struct{ Index int }

// PairChosenMsg says the user picked the accounts to put side by side: a
// pair, and a third account ("" for none).
type PairChosenMsg struct {
	Pair  [2]string
	Third string
}

// PairChangedMsg tells views that Common.Pair changed.
type PairChangedMsg struct{}

// topicPicker lists the topics, filtered fuzzily as the user types.
type topicPicker struct {
	c       *Common
	keys    listKeys
	query   string
	titles  []string // "title" per topic, sanitised
	matches fuzzy.Matches
	sel     int
	page    int
}

func newTopicPicker(c *Common, current int) *topicPicker {
	p := &topicPicker{c: c, keys: newListKeys(false), page: 10}
	for _, t := range c.Dossier.Topics {
		p.titles = append(p.titles, render.Clean(t.Title))
	}
	p.filter()
	p.sel = clamp(current, 0, max(0, len(p.matches)-1))
	return p
}

// filter recomputes the matches; an empty query lists every topic in order.
func (p *topicPicker) filter() {
	if p.query == "" {
		p.matches = make(fuzzy.Matches, len(p.titles))
		for i, t := range p.titles {
			p.matches[i] = fuzzy.Match{Str: t, Index: i}
		}
	} else {
		p.matches = fuzzy.Find(p.query, p.titles)
	}
	p.sel = 0
}

func (p *topicPicker) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	if sel, ok := p.keys.move(msg, p.sel, len(p.matches), p.page); ok {
		p.sel = sel
		return p, nil
	}
	switch {
	case key.Matches(msg, p.keys.Close):
		return nil, nil
	case key.Matches(msg, p.keys.Choose):
		if len(p.matches) == 0 {
			return p, nil
		}
		i := p.matches[p.sel].Index
		return nil, func() tea.Msg { return TopicChosenMsg{Index: i} }
	case msg.String() == "backspace":
		if r := []rune(p.query); len(r) > 0 {
			p.query = string(r[:len(r)-1])
			p.filter()
		}
	case msg.String() == "ctrl+u":
		p.query = ""
		p.filter()
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		p.query += render.Clean(msg.Text)
		p.filter()
	}
	return p, nil
}

func (p *topicPicker) Box(maxW, maxH int) []string {
	st := p.c.Styles
	inner := min(maxW-2, 72)
	rows := max(1, min(maxH-4, len(p.titles)))
	p.page = rows
	lines := []string{st.Label.Render("› ") + p.query + st.Cursor.Render("▏"), p.c.topicsNote()}
	if len(p.matches) == 0 {
		lines = append(lines, st.Faint.Render("  no topic matches"))
	}
	num := len(strconv.Itoa(len(p.titles)))
	top := window(p.sel, len(p.matches), rows)
	for i := top; i < len(p.matches) && i < top+rows; i++ {
		m := p.matches[i]
		n := strconv.Itoa(m.Index + 1)
		label := strings.Repeat(" ", num-len(n)) + n + "  " + highlight(m, st)
		if span := daySpan(p.c.Dossier, p.c.Dossier.Topics[m.Index].Days); span != "" {
			label += st.Faint.Render("  " + span)
		}
		label += p.c.topicCount(m.Index) // topiccount.go
		if note := p.c.hiddenNote(m.Index); note != "" {
			label += st.StatusAlert.Render("  ∅ " + note)
		}
		if i == p.sel {
			label = st.Selected.Render("›") + " " + label
		} else {
			label = "  " + label
		}
		lines = append(lines, p.c.cut(label, inner))
	}
	return p.c.frameBox("Topics", lines[:min(len(lines), max(0, maxH-2))], inner)
}

// highlight underlines the characters of a title the query matched.
func highlight(m fuzzy.Match, st *Styles) string {
	if len(m.MatchedIndexes) == 0 {
		return m.Str
	}
	var b strings.Builder
	hit := make(map[int]bool, len(m.MatchedIndexes))
	for _, i := range m.MatchedIndexes {
		hit[i] = true
	}
	for i, r := range m.Str {
		if hit[i] {
			b.WriteString(st.Match.Render(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (p *topicPicker) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Up, p.keys.Down, p.keys.Choose, p.keys.Close}
}
func (p *topicPicker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// accountPicker chooses the left account, then the right one, then
// (optionally) a third: two or three accounts side by side.
type accountPicker struct {
	c      *Common
	keys   listKeys
	side   int // 0 choosing left, 1 choosing right, 2 choosing a third
	chosen [2]string
	sel    int // on the third step, 0 is "no third account"
	note   string
}

func newAccountPicker(c *Common) *accountPicker {
	p := &accountPicker{c: c, keys: newListKeys(true), chosen: c.Pair}
	p.sel = p.index(c.Pair[0])
	return p
}

func (p *accountPicker) index(id string) int {
	for i, a := range p.c.Dossier.Accounts {
		if a.ID == id {
			return i
		}
	}
	return 0
}

// items is the number of rows of the list: the accounts, and on the third
// step "no third account" before them.
func (p *accountPicker) items() int {
	n := len(p.c.Dossier.Accounts)
	if p.side == 2 {
		n++
	}
	return n
}

func (p *accountPicker) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	accts := p.c.Dossier.Accounts
	if sel, ok := p.keys.move(msg, p.sel, p.items(), 5); ok {
		p.sel, p.note = sel, ""
		return p, nil
	}
	switch {
	case key.Matches(msg, p.keys.Close):
		return nil, nil
	case key.Matches(msg, p.keys.Choose):
		if len(accts) == 0 {
			return nil, nil
		}
		switch p.side {
		case 0:
			id := accts[p.sel].ID
			p.chosen[0], p.side = id, 1
			p.sel = p.index(p.chosen[1])
			if p.chosen[1] == id {
				p.sel = (p.sel + 1) % len(accts)
			}
			return p, nil
		case 1:
			id := accts[p.sel].ID
			if id == p.chosen[0] {
				p.note = "choose an account other than the left one"
				return p, nil
			}
			p.chosen[1] = id
			if len(accts) < 3 {
				return nil, p.chosenCmd("")
			}
			p.side, p.sel = 2, 0
			if t := p.c.Third; t != "" && t != p.chosen[0] && t != p.chosen[1] {
				p.sel = p.index(t) + 1
			}
			return p, nil
		default:
			if p.sel == 0 {
				return nil, p.chosenCmd("")
			}
			id := accts[p.sel-1].ID
			if id == p.chosen[0] || id == p.chosen[1] {
				p.note = "choose an account not shown yet, or no third account"
				return p, nil
			}
			return nil, p.chosenCmd(id)
		}
	}
	return p, nil
}

func (p *accountPicker) chosenCmd(third string) tea.Cmd {
	msg := PairChosenMsg{Pair: p.chosen, Third: third}
	return func() tea.Msg { return msg }
}

func (p *accountPicker) Box(maxW, maxH int) []string {
	st := p.c.Styles
	inner := min(maxW-2, 60)
	var q string
	switch p.side {
	case 0:
		q = "Left pane: which account?"
	case 1:
		q = "Right pane: which account? (left: " + p.c.AccountName(p.chosen[0]) + ")"
	default:
		q = "A third account beside " + p.c.AccountName(p.chosen[0]) + " and " + p.c.AccountName(p.chosen[1]) + "?"
	}
	lines := []string{q, ""}
	row := func(i int, label string) {
		if i == p.sel {
			label = st.Selected.Render("›") + " " + label
		} else {
			label = "  " + label
		}
		lines = append(lines, p.c.cut(label, inner))
	}
	off := 0
	if p.side == 2 {
		row(0, "no third account (two side by side)")
		off = 1
	}
	for i, a := range p.c.Dossier.Accounts {
		label := p.c.AccountName(a.ID)
		if p.side == 2 && (a.ID == p.chosen[0] || a.ID == p.chosen[1]) {
			row(i+off, st.Faint.Render(label+" · shown"))
			continue
		}
		if own := p.c.Dossier.AccountOwner(a.ID); own != "" && a.Mediator != "" {
			label += st.Faint.Render(" (" + render.Clean(own) + ")")
		}
		if a.Description != "" {
			label += st.Faint.Render(" — " + render.Clean(a.Description))
		}
		row(i+off, label)
	}
	if p.note != "" {
		lines = append(lines, "", st.StatusAlert.Render(p.note))
	}
	return p.c.frameBox("Accounts", lines[:min(len(lines), max(0, maxH-2))], inner)
}

func (p *accountPicker) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Up, p.keys.Down, p.keys.Choose, p.keys.Close}
}
func (p *accountPicker) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// hiddenNote says, for topic i, that the filters hide every claim of the
// pair shown although it has some: "nothing by 27 Oct", "nothing from
// Dawn"; "" when the topic shows claims or has none at all.
func (c *Common) hiddenNote(i int) string {
	if c.Sel.IsZero() || i < 0 || i >= len(c.Base.Topics) {
		return ""
	}
	al := c.Dossier.Relate(c.Base.Topics[i].ID, c.Pair[:], "")
	if len(al.Rows) == 0 || len(al.Visible()) > 0 {
		return ""
	}
	if c.AsOf && !c.Sel.AsOf.IsZero() {
		return "nothing reported by " + c.Sel.AsOf.Format("2 Jan")
	}
	return "nothing from " + render.SourceName(c.Base, c.Sel.Source)
}

package export

import (
	"strings"
	"time"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

var gradeText = map[string]string{
	"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
	"D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}

// builder collects the sources and discrepancies the handout cites while
// it builds the stops.
type builder struct {
	d     *dossier.Dossier
	cited map[string]bool
	discs map[string]bool
}

// build lays out briefing b of d.
func build(d *dossier.Dossier, b *dossier.Briefing, notes bool) *handout {
	bl := &builder{d: d, cited: map[string]bool{}, discs: map[string]bool{}}
	h := &handout{
		Title: clean(d.Title), Briefing: clean(b.Title), Outcome: clean(d.Outcome),
		SummaryMD: mdText(d.Summary), Notes: notes,
	}
	var meta []string
	if d.Place != "" {
		meta = append(meta, clean(d.Place))
	}
	if !d.Start.IsZero() {
		meta = append(meta, dateRange(d.Start, d.End))
	}
	h.Meta = strings.Join(meta, " · ")
	h.Parties = partyList(d.Parties)
	h.Mediators = partyList(d.Mediators)
	for i, s := range b.Stops {
		st := bl.stop(i+1, s)
		if !notes {
			st.NotesMD = ""
		}
		if strings.EqualFold(st.Caption, st.Title) {
			st.Caption = ""
		}
		if s.View == "discrepancies" {
			h.DiscsInBody = true
		}
		h.Stops = append(h.Stops, st)
	}
	for changed := true; changed; { // a source known via another cites that one too
		changed = false
		for _, s := range d.Sources {
			if bl.cited[s.ID] && s.Via != "" && !bl.cited[s.Via] {
				bl.cited[s.Via], changed = true, true
			}
		}
	}
	for _, s := range d.Sources {
		if bl.cited[s.ID] {
			h.Sources = append(h.Sources, bl.source(&s))
		}
	}
	for _, x := range d.Discrepancies {
		if bl.discs[x.ID] {
			h.Discs = append(h.Discs, bl.disc(&x))
		}
	}
	return h
}

func (bl *builder) stop(n int, s dossier.Stop) stop {
	st := stop{N: n, ID: "stop-" + itoa(n), Title: clean(s.Title), View: s.View, NotesMD: mdText(s.Notes)}
	d := bl.d
	switch s.View {
	case "compare":
		st.Compare = bl.compare(s)
		if st.Compare != nil {
			if t := st.Compare.Third; t != nil {
				st.Caption = st.Compare.TopicTitle + ": the " + st.Compare.Left.Name + ", " + st.Compare.Right.Name + " and " + t.Name + " accounts side by side"
			} else {
				st.Caption = st.Compare.TopicTitle + ": the " + st.Compare.Left.Name + " and " + st.Compare.Right.Name + " accounts side by side"
			}
		}
	case "days":
		if dy, ok := d.Day(s.Day); ok {
			st.Days = []day{bl.day(dy)}
			for _, x := range d.Discrepancies {
				if x.Day == dy.ID {
					bl.discs[x.ID] = true
				}
			}
		} else {
			for i := range d.Days {
				st.Days = append(st.Days, bl.day(&d.Days[i]))
			}
			st.Caption = "The days, in order"
		}
	case "delegations":
		st.Caption = "Who sat at the table"
		for _, g := range d.Delegations {
			st.Delegations = append(st.Delegations, bl.delegation(g))
		}
	case "demands":
		st.Caption = "What each side asked, and the answer"
		for _, m := range d.Demands {
			st.Demands = append(st.Demands, bl.demand(m))
		}
	case "sources":
		st.Caption = "The sources and how far to trust them"
		for i := range d.Sources {
			st.SourceList = append(st.SourceList, bl.source(&d.Sources[i]))
		}
	case "discrepancies":
		st.Caption = "Where the sources disagree"
		for i := range d.Discrepancies {
			st.Discs = append(st.Discs, bl.disc(&d.Discrepancies[i]))
		}
	}
	return st
}

func (bl *builder) compare(s dossier.Stop) *compare {
	d := bl.d
	t, ok := d.Topic(s.Topic)
	if !ok {
		return nil
	}
	pair := s.Accounts
	if pair[0] == "" {
		pair = d.DefaultPair
	}
	c := &compare{TopicTitle: clean(t.Title), SummaryMD: mdText(t.Summary),
		Left: bl.account(pair[0]), Right: bl.account(pair[1])}
	accts := pair[:]
	if s.Third != "" && s.Accounts[0] != "" {
		a := bl.account(s.Third)
		c.Third = &a
		accts = []string{pair[0], pair[1], s.Third}
	}
	for _, x := range d.Discrepancies {
		if x.Topic == t.ID {
			bl.discs[x.ID] = true
		}
	}
	for _, p := range d.Relate(t.ID, accts, "").Visible() {
		r := row{Key: clean(p.Key), Elsewhere: p.Cells[0].Elsewhere || p.Cells[1].Elsewhere}
		r.Rel, r.Mark, r.Label = relationAt(p, 0)
		if len(accts) > 2 {
			r.Rel2, r.Mark2, r.Label2 = relationAt(p, 1)
			if p.Cells[2].Shown() {
				r.Third = bl.claim(p.Cells[2].Claim)
			} else {
				r.Missing3 = clean(render.Placeholder(d, p.Cells[2]))
			}
		}
		if p.Cells[0].Shown() {
			r.Left = bl.claim(p.Cells[0].Claim)
		}
		if p.Cells[1].Shown() {
			r.Right = bl.claim(p.Cells[1].Claim)
		}
		if r.Left == nil || r.Right == nil {
			r.Missing = clean(render.Placeholder(d, p.Cells[0]))
			if r.Left != nil {
				r.Missing = clean(render.Placeholder(d, p.Cells[1]))
			}
		}
		c.Rows = append(c.Rows, r)
	}
	return c
}

// relationAt names the relation between cells i and i+1 of a row, with
// the gutter mark the reader uses.
func relationAt(p dossier.Row, i int) (rel, mark, label string) {
	mark = render.MarkText(p, i)
	switch p.Rel[i] {
	case dossier.RelAgree:
		return "agree", mark, "the accounts agree"
	case dossier.RelContradict:
		return "contradict", mark, "the accounts contradict each other"
	case dossier.RelOneSided:
		label = "only one account speaks to this"
		if p.Cells[i].Elsewhere || p.Cells[i+1].Elsewhere {
			label = "the other account's version is in another row"
		}
		return "one-sided", mark, label
	}
	return "unmarked", mark, "the same moment, relation not marked"
}

func (bl *builder) account(id string) account {
	if a, ok := bl.d.Account(id); ok {
		out := account{ID: a.ID, Name: clean(a.Name), Description: clean(a.Description)}
		if a.Mediator != "" {
			out.Owner = clean(bl.d.AccountOwner(a.ID))
		}
		return out
	}
	return account{ID: id, Name: clean(id)}
}

func (bl *builder) claim(c *dossier.Claim) *claim {
	out := &claim{ID: c.ID, TextMD: mdText(c.Text), Badges: bl.badges(c.Sources, c.Cred)}
	for _, id := range c.Days {
		out.Days = append(out.Days, clean(render.DayTag(bl.d, id)))
	}
	for _, id := range c.Discrepancies {
		bl.discs[id] = true
		out.Discs = append(out.Discs, id)
	}
	return out
}

func (bl *builder) badges(ids []string, cred int) []badge {
	var bs []badge
	for _, id := range ids {
		bl.cited[id] = true
		b := badge{SourceID: id, Label: clean(render.Badge(bl.d, id, cred)), Grade: "?"}
		if s, ok := bl.d.Source(id); ok {
			b.Tip = clean(s.Outlet)
			if g, ok := gradeText[s.Reliability]; ok {
				b.Grade = s.Reliability
				b.Tip += ": source " + s.Reliability + ", " + g
			}
		}
		if name := dossier.CredName(cred); name != "" {
			b.Tip += "; claim " + itoa(cred) + ", " + name
		}
		bs = append(bs, b)
	}
	return bs
}

func (bl *builder) day(x *dossier.Day) day {
	out := day{ID: x.ID, Date: longDate(x.Date), Label: clean(x.Label), Phase: x.Kind()}
	for _, r := range x.Readings {
		text := r.As
		if r.Text != "" {
			text += ": " + clean(r.Text)
		}
		out.Readings = append(out.Readings, hours{Text: text, Badges: bl.badges(r.Sources, 0)})
	}
	for _, h := range x.Hours {
		out.Hours = append(out.Hours, hours{Text: clean(h.Text), Badges: bl.badges(h.Sources, 0), Disputed: len(h.Discrepancies) > 0})
	}
	for _, e := range x.Events {
		ev := event{TextMD: mdText(e.Text), Badges: bl.badges(e.Sources, 0), Disputed: len(e.Discrepancies) > 0}
		if e.Account != "" {
			ev.Account = bl.account(e.Account).Name
		}
		out.Events = append(out.Events, ev)
	}
	return out
}

func (bl *builder) delegation(g dossier.Delegation) delegation {
	out := delegation{Party: clean(bl.d.PartyName(g.Party)), Note: clean(g.Note)}
	for _, m := range g.Members {
		name := clean(m.Name)
		if m.Unnamed || name == "" {
			name = "unnamed"
		}
		out.Members = append(out.Members, member{Name: name, Title: clean(m.Title), Org: clean(m.Org), Badges: bl.badges(m.Sources, 0)})
	}
	return out
}

func (bl *builder) demand(m dossier.Demand) demand {
	out := demand{ID: m.ID, Party: clean(bl.d.PartyName(m.Party)), Status: m.Status.String(),
		TextMD: mdText(m.Text), ResponseMD: mdText(m.Response), Badges: bl.badges(m.Sources, 0)}
	var days []string
	for _, id := range m.Days {
		days = append(days, clean(render.DayTag(bl.d, id)))
	}
	out.Days = strings.Join(days, ", ")
	if t, ok := bl.d.Topic(m.Topic); ok {
		out.Topic = clean(t.Title)
	}
	return out
}

func (bl *builder) source(s *dossier.Source) source {
	out := source{ID: s.ID, Short: clean(s.Short), Outlet: clean(s.Outlet),
		Grade: s.Reliability, GradeText: gradeText[s.Reliability], Basis: clean(s.Basis)}
	var det []string
	if t := clean(s.Title); t != "" {
		det = append(det, "“"+t+"”")
	}
	if !s.Date.IsZero() {
		det = append(det, longDate(s.Date))
	}
	if o := clean(s.Origin); o != "" {
		det = append(det, o)
	}
	if v, ok := bl.d.Source(s.Via); ok {
		det = append(det, "known via "+clean(v.Outlet))
	}
	out.Details = strings.Join(det, " · ")
	if safeURL(s.URL) {
		out.URL = s.URL
	}
	return out
}

func (bl *builder) disc(x *dossier.Discrepancy) disc {
	out := disc{ID: x.ID, Fact: clean(x.Fact)}
	var where []string
	if dy, ok := bl.d.Day(x.Day); ok {
		where = append(where, longDate(dy.Date))
	}
	if t, ok := bl.d.Topic(x.Topic); ok {
		where = append(where, clean(t.Title))
	}
	out.Where = strings.Join(where, " · ")
	for _, v := range x.Versions {
		out.Versions = append(out.Versions, version{Value: clean(v.Value), Note: clean(v.Note), Badges: bl.badges(v.Sources, 0)})
	}
	return out
}

func partyList(ps []dossier.Party) string {
	var names []string
	for _, p := range ps {
		names = append(names, clean(p.Name))
	}
	return strings.Join(names, ", ")
}

func longDate(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format("Mon 2 January 2006")
}

func dateRange(a, b time.Time) string {
	switch {
	case b.IsZero() || a.Equal(b):
		return a.Format("2 January 2006")
	case a.Year() == b.Year() && a.Month() == b.Month():
		return a.Format("2") + " to " + b.Format("2 January 2006")
	case a.Year() == b.Year():
		return a.Format("2 January") + " to " + b.Format("2 January 2006")
	}
	return a.Format("2 January 2006") + " to " + b.Format("2 January 2006")
}

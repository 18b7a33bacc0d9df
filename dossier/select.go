package dossier

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// Selection narrows a dossier to what a reader asked to see: what was
// known on a day, what one source supports, or both. The zero Selection
// selects everything.
type Selection struct {
	// AsOf, when not zero, hides what was reported only after that
	// calendar day (by SourceDate), and drops later sources from the
	// citations of what stays.
	AsOf time.Time
	// Source, when not empty, keeps only what that source supports
	// (Supports): claims, events, hours, members, demands and the
	// discrepancies it takes part in.
	Source string
}

// IsZero reports whether s selects everything.
func (s Selection) IsZero() bool { return s.AsOf.IsZero() && s.Source == "" }

// cite returns the citations of something that stay under s, and whether
// it stays at all. With no AsOf the citations are returned as they are.
func (s Selection) cite(d *Dossier, sources []string) ([]string, bool) {
	kept := sources
	if !s.AsOf.IsZero() {
		kept = nil
		for _, id := range sources {
			if d.KnownBy([]string{id}, s.AsOf) {
				kept = append(kept, id)
			}
		}
		if len(kept) == 0 {
			return nil, false
		}
	}
	if s.Source != "" && !d.Supports(s.Source, kept) {
		return nil, false
	}
	return kept, true
}

// Admits reports whether something citing sources stays under s.
func (s Selection) Admits(d *Dossier, sources []string) bool {
	_, ok := s.cite(d, sources)
	return ok
}

// Select returns the dossier as seen through s: a new immutable Dossier
// that keeps every topic, section, day, delegation, source, account and
// briefing (so ids and indexes stay valid), but holds only the claims,
// events, hours reports, members, demands and discrepancy versions s
// admits. Under AsOf, later sources are dropped from the citations of
// what stays, and a discrepancy is kept only while at least two versions
// of it were known; under Source, a discrepancy stays, with every version,
// when the source supports one of them. References from claims to
// discrepancies that are gone are dropped. The zero Selection returns d
// itself. d is not modified; the result shares unchanged data with it.
func (d *Dossier) Select(s Selection) *Dossier {
	if s.IsZero() || d == nil {
		return d
	}
	out := *d
	out.support = &supportCache{} // its own claims
	out.base, out.sel = d.Base(), s
	if d.base != nil {
		// selecting from a selection: the citations were trimmed already,
		// so combine the two selections on the dossier as loaded
		out.sel = combine(d.sel, s)
	}
	out.Discrepancies = nil
	gone := map[string]bool{}
	for _, x := range d.Discrepancies {
		if y, ok := s.discrepancy(d, x); ok {
			out.Discrepancies = append(out.Discrepancies, y)
		} else {
			gone[x.ID] = true
		}
	}
	out.Topics = make([]Topic, len(d.Topics))
	for i, t := range d.Topics {
		t.Sections = make([]Section, len(t.Sections))
		for j, sec := range d.Topics[i].Sections {
			var claims []Claim
			for _, cl := range sec.Claims {
				if src, ok := s.cite(d, cl.Sources); ok && !s.namesLater(d, cl.Text, cl.Sources, src) {
					if !s.AsOf.IsZero() && len(src) < len(cl.Sources) {
						// the grade weighed sources not yet published ("1,
						// confirmed by other sources"): as of the day it is
						// not known
						cl.Cred = 0
					}
					cl.Sources = src
					cl.Discrepancies = without(cl.Discrepancies, gone)
					claims = append(claims, cl)
				}
			}
			sec.Claims = claims
			t.Sections[j] = sec
		}
		out.Topics[i] = t
	}
	out.Days = make([]Day, len(d.Days))
	for i, day := range d.Days {
		day.Hours = keep(d, s, day.Hours, func(h *HoursReport) *[]string { return &h.Sources })
		day.Events = nil
		for _, e := range d.Days[i].Events {
			if src, ok := s.cite(d, e.Sources); ok && !s.namesLater(d, e.Text, e.Sources, src) {
				e.Sources = src
				day.Events = append(day.Events, e)
			}
		}
		for j := range day.Hours {
			day.Hours[j].Discrepancies = without(day.Hours[j].Discrepancies, gone)
		}
		for j := range day.Events {
			day.Events[j].Discrepancies = without(day.Events[j].Discrepancies, gone)
		}
		if day.Status == DayDisputed {
			// a dispute is shown while two different readings are known
			day.Readings = keep(d, s, day.Readings, func(r *DayReading) *[]string { return &r.Sources })
			// with one reading known, the day is what that reading makes
			// it, not what the author files it under; with none, the
			// question stays open (Kind says "in dispute") rather than
			// taking the author's side
			switch distinctReadings(day.Readings) {
			case 0:
				day.Readings = nil
			case 1:
				day.Status = DayPlain
				for _, r := range day.Readings {
					if ph, ok := readingPhase(r.As); ok {
						day.Phase = ph
						if r.As == "rest" {
							day.Status = DayRest
						}
						break
					}
				}
				day.Readings = nil
			}
		}
		out.Days[i] = day
	}
	out.Delegations = make([]Delegation, len(d.Delegations))
	for i, del := range d.Delegations {
		members := slices.Clone(del.Members)
		for j := range members {
			// a title gathered from several reports ("senior figure
			// (MNTV); senior Taliban figure (Dawn)") loses the parts
			// that name a report not yet published
			if src, ok := s.cite(d, members[j].Sources); ok {
				members[j].Title = s.laterPartsDropped(d, members[j].Title, members[j].Sources, src)
			}
		}
		del.Members = keep(d, s, members, func(m *Member) *[]string { return &m.Sources })
		out.Delegations[i] = del
	}
	out.Demands = keep(d, s, d.Demands, func(x *Demand) *[]string { return &x.Sources })
	out.Demands = s.demandParts(d, out.Demands)
	out.index = maps.Clone(d.index)
	for _, x := range d.Demands {
		delete(out.index, "demand:"+x.ID)
	}
	for i, x := range out.Demands {
		out.index["demand:"+x.ID] = i
	}
	for _, x := range d.Discrepancies {
		delete(out.index, "discrepancy:"+x.ID)
	}
	for i, x := range out.Discrepancies {
		out.index["discrepancy:"+x.ID] = i
	}
	return &out
}

// discrepancy returns a discrepancy as seen through s, and whether it
// stays.
func (s Selection) discrepancy(d *Dossier, x Discrepancy) (Discrepancy, bool) {
	if !s.AsOf.IsZero() {
		only := Selection{AsOf: s.AsOf}
		x.Versions = keep(d, only, x.Versions, func(v *Version) *[]string { return &v.Sources })
		for i := range x.Versions {
			v := &x.Versions[i]
			if v.NoteParts != nil {
				v.NoteParts = only.parts(d, v.NoteParts)
				v.Note = JoinParts(v.NoteParts)
			}
		}
		if len(x.Versions) < 2 {
			return x, false
		}
	}
	if s.Source != "" {
		for _, v := range x.Versions {
			if d.Supports(s.Source, v.Sources) {
				return x, true
			}
		}
		return x, false
	}
	return x, true
}

// keep returns the items s admits, each with its citations trimmed, in a
// new slice (nil when none stays).
func keep[T any](d *Dossier, s Selection, items []T, sources func(*T) *[]string) []T {
	var out []T
	for _, it := range items {
		p := sources(&it)
		if src, ok := s.cite(d, *p); ok {
			*p = src
			out = append(out, it)
		}
	}
	return out
}

// demandParts keeps, under AsOf, only the parts of the demands' split
// texts and responses known by then; a demand whose split text has no
// part known goes. The demands are copies (keep made them).
func (s Selection) demandParts(d *Dossier, ds []Demand) []Demand {
	if s.AsOf.IsZero() {
		return ds
	}
	only := Selection{AsOf: s.AsOf}
	out := ds[:0:0]
	for _, x := range ds {
		if x.TextParts != nil {
			x.TextParts = only.parts(d, x.TextParts)
			if len(x.TextParts) == 0 {
				continue
			}
			x.Text = JoinParts(x.TextParts)
		}
		if x.ResponseParts != nil {
			x.ResponseParts = only.parts(d, x.ResponseParts)
			x.Response = JoinParts(x.ResponseParts)
		}
		out = append(out, x)
	}
	return out
}

// parts returns the parts s admits, their citations trimmed; a part that
// cites nothing of its own stays (it stands on its record's sources,
// which s has admitted already).
func (s Selection) parts(d *Dossier, ps []Part) []Part {
	var out []Part
	for _, p := range ps {
		if len(p.Sources) == 0 {
			out = append(out, p)
			continue
		}
		if src, ok := s.cite(d, p.Sources); ok {
			p.Sources = src
			out = append(out, p)
		}
	}
	return out
}

// namesLater reports, under AsOf, whether text names (by its short name
// or outlet) a source it cites that was not yet published on the day: the
// text then tells what was not yet known, so the whole of it is hidden.
// (An author who wants the earlier part shown splits it off.)
func (s Selection) namesLater(d *Dossier, text string, cited, kept []string) bool {
	if s.AsOf.IsZero() || len(kept) == len(cited) {
		return false
	}
	for _, id := range cited {
		if contains(kept, id) {
			continue
		}
		src, ok := d.Source(id)
		if !ok {
			continue
		}
		for _, name := range []string{src.Short, src.Outlet} {
			if len(name) >= 3 && strings.Contains(text, name) {
				return true
			}
		}
	}
	return false
}

// laterPartsDropped returns text, a list of parts joined by "; ", less
// the parts that name a cited source not kept (namesLater).
func (s Selection) laterPartsDropped(d *Dossier, text string, cited, kept []string) string {
	if s.AsOf.IsZero() || len(kept) == len(cited) || !strings.Contains(text, "; ") {
		return text
	}
	var out []string
	for _, part := range strings.Split(text, "; ") {
		if !s.namesLater(d, part, cited, kept) {
			out = append(out, part)
		}
	}
	return strings.Join(out, "; ")
}

// without returns ids less those in gone (ids itself when nothing goes).
func without(ids []string, gone map[string]bool) []string {
	if len(gone) == 0 {
		return ids
	}
	var out []string
	for _, id := range ids {
		if !gone[id] {
			out = append(out, id)
		}
	}
	return out
}

// combine returns the selection that admits what both a and b admit.
func combine(a, b Selection) Selection {
	out := a
	if out.AsOf.IsZero() || !b.AsOf.IsZero() && b.AsOf.Before(out.AsOf) {
		out.AsOf = b.AsOf
	}
	if b.Source != "" {
		out.Source = b.Source
	}
	return out
}

// MemberTitle returns a member's title as the selection d was made with
// shows it: as of a day, without the parts that name a report not yet
// published. Views that list members from the dossier as loaded use it.
func (d *Dossier) MemberTitle(m *Member) string {
	if d == nil || d.sel.AsOf.IsZero() {
		return m.Title
	}
	src, ok := d.sel.cite(d.Base(), m.Sources)
	if !ok {
		return m.Title
	}
	return d.sel.laterPartsDropped(d.Base(), m.Title, m.Sources, src)
}

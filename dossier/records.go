package dossier

import (
	"net/url"
	"strings"
)

// listFile reads a file whose front matter holds one list under key, and
// calls each for every item.
func (l *loader) listFile(f *srcFile, key string, each func(v *yval)) {
	o, _ := l.fileObj(f, f.name, true)
	o.each(key, each)
	o.done()
}

// parseSources reads sources.md.
func (l *loader) parseSources(f *srcFile) {
	l.listFile(f, "sources", func(v *yval) {
		o := l.object(v, "source")
		s := Source{Pos: v.pos}
		s.ID, _ = o.id("id", true)
		s.Outlet, _ = o.req("outlet")
		s.Short = o.text("short")
		if s.Short == "" {
			s.Short = s.Outlet
		}
		s.Title = o.text("title")
		s.Date, _ = o.date("date")
		var up Pos
		s.URL, up = o.str("url")
		if s.URL != "" {
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				l.errf(up, "", "url %s is not an http(s) address", quote(s.URL))
			}
		}
		s.Origin = o.text("origin")
		var rp Pos
		s.Reliability, rp = o.str("reliability")
		switch {
		case o.v == nil:
		case s.Reliability == "":
			l.warnf(o.pos, "grade each source A–F on the Admiralty scale", "source %s has no reliability grade", quote(s.ID))
		case len(s.Reliability) != 1 || !strings.Contains("ABCDEF", s.Reliability):
			l.errf(rp, "A completely reliable … E unreliable, F cannot be judged", "reliability %s is not a grade A–F", quote(s.Reliability))
		}
		s.Basis = o.text("basis")
		var vp Pos
		s.Via, vp = o.str("via")
		if s.Via != "" {
			l.addRef("source", s.Via, vp)
		}
		o.done()
		l.d.Sources = append(l.d.Sources, s)
	})
}

// parseDelegations reads delegations.md.
func (l *loader) parseDelegations(f *srcFile) {
	l.listFile(f, "delegations", func(v *yval) {
		o := l.object(v, "delegation")
		dg := Delegation{Pos: v.pos}
		dg.Party = o.ref("party", "anyparty")
		if dg.Party == "" && o.v != nil {
			l.errf(o.pos, "", "delegation has no party")
		}
		dg.Note = o.text("note")
		for _, mv := range o.list("members") {
			dg.Members = append(dg.Members, l.member(mv))
		}
		o.done()
		l.d.Delegations = append(l.d.Delegations, dg)
	})
}

func (l *loader) member(v *yval) Member {
	o := l.object(v, "member")
	m := Member{Pos: v.pos}
	m.Name = o.text("name")
	m.Aliases = o.texts("aliases")
	m.Family = o.text("family")
	m.Unnamed = o.boolean("unnamed")
	m.Title = o.text("title")
	m.Org = o.text("org")
	m.Sources = o.refs("sources", "source")
	o.done()
	switch {
	case o.v == nil:
	case m.Name != "" && m.Unnamed:
		l.errf(v.pos, "", "member %s has a name and is marked unnamed", quote(m.Name))
	case m.Name == "" && !m.Unnamed:
		l.errf(v.pos, "give a name, or unnamed: true with a title that describes them", "member has no name")
	case m.Unnamed && (len(m.Aliases) > 0 || m.Family != ""):
		l.errf(v.pos, "", "unnamed member has aliases or a family name")
	case m.Unnamed && m.Title == "":
		l.errf(v.pos, "describe an unnamed member in title, e.g. \"a brigadier\"", "unnamed member has no title")
	}
	if len(m.Sources) == 0 && o.v != nil {
		l.warnf(v.pos, "", "member %s has no source", quote(memberLabel(m)))
	}
	return m
}

func memberLabel(m Member) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Title
}

// parseDemands reads demands.md.
func (l *loader) parseDemands(f *srcFile) {
	l.listFile(f, "demands", func(v *yval) {
		o := l.object(v, "demand")
		dm := Demand{Pos: v.pos}
		dm.ID, _ = o.id("id", true)
		dm.Party = o.ref("party", "party")
		if dm.Party == "" && o.v != nil {
			l.errf(o.pos, "", "demand %s has no party", quote(dm.ID))
		}
		dm.Text, dm.TextParts = o.parts("text")
		if dm.Text == "" && o.v != nil {
			l.errf(o.pos, "", "demand has no text")
		}
		dm.Response, dm.ResponseParts = o.parts("response")
		st, sp := o.str("status")
		dm.Status = StatusOpen
		if st != "" {
			found := false
			for i, n := range statusNames {
				if n == st {
					dm.Status, found = Status(i), true
				}
			}
			if !found {
				hint := didYouMean(st, statusNames[:])
				if hint == "" {
					hint = "status is one of " + strings.Join(statusNames[:], ", ")
				}
				l.errf(sp, hint, "unknown demand status %s", quote(st))
			}
		}
		dm.Days = o.refs("days", "day")
		dm.Topic = o.ref("topic", "topic")
		dm.Sources = withParts(o.refs("sources", "source"), dm.TextParts, dm.ResponseParts)
		if len(dm.Sources) == 0 && o.v != nil {
			l.errf(o.pos, "cite at least one source: sources: [id]", "demand %s has no source", quote(dm.ID))
		}
		o.done()
		l.d.Demands = append(l.d.Demands, dm)
	})
}

// parseDiscrepancies reads discrepancies.md.
func (l *loader) parseDiscrepancies(f *srcFile) {
	l.listFile(f, "discrepancies", func(v *yval) {
		o := l.object(v, "discrepancy")
		x := Discrepancy{Pos: v.pos}
		x.ID, _ = o.id("id", true)
		x.Fact, _ = o.req("fact")
		x.Day = o.ref("day", "day")
		x.Topic = o.ref("topic", "topic")
		for _, vv := range o.list("versions") {
			vo := l.object(vv, "version")
			ver := Version{Pos: vv.pos}
			ver.Value, _ = vo.req("value")
			ver.Note, ver.NoteParts = vo.parts("note")
			ver.Sources = withParts(vo.refs("sources", "source"), ver.NoteParts)
			if len(ver.Sources) == 0 && vo.v != nil {
				l.errf(vv.pos, "", "version %s has no source", quote(ver.Value))
			}
			vo.done()
			x.Versions = append(x.Versions, ver)
		}
		if len(x.Versions) < 2 && o.v != nil {
			l.errf(o.pos, "list each version with its sources under versions", "discrepancy %s needs at least two versions", quote(x.ID))
		}
		o.done()
		l.d.Discrepancies = append(l.d.Discrepancies, x)
	})
}

// withParts returns a record's sources followed by those of its parts that
// it does not cite already, so that the record's badges name every source
// of its text.
func withParts(sources []string, parts ...[]Part) []string {
	seen := map[string]bool{}
	for _, id := range sources {
		seen[id] = true
	}
	for _, ps := range parts {
		for _, p := range ps {
			for _, id := range p.Sources {
				if !seen[id] {
					seen[id] = true
					sources = append(sources, id)
				}
			}
		}
	}
	return sources
}

package ui

import (
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/search"
)

// maxRecent is how many past searches ↑ recalls.
const maxRecent = 20

// searchFields are the field filters a search may hold: "source:dawn
// day:26 account:afghan phone" finds the matches of "phone" that Dawn
// supports, about 26 Oct, in the Afghan account. A field alone lists
// everything it lets through.
var searchFields = []string{"source:", "day:", "account:"}

// fieldQuery is a search split into its words and its field filters,
// each value folded.
type fieldQuery struct {
	text                 string
	source, day, account []string
	hasFields, badFields bool
}

// parseQuery splits a search into its words and field filters.
func parseQuery(q string) fieldQuery {
	var f fieldQuery
	var words []string
	for _, w := range strings.Fields(q) {
		name, val, ok := strings.Cut(w, ":")
		lname := strings.ToLower(name)
		if !ok || val == "" || !(lname == "source" || lname == "day" || lname == "account") {
			words = append(words, w)
			continue
		}
		val = search.Fold(val)
		f.hasFields = true
		switch lname {
		case "source":
			f.source = append(f.source, val)
		case "day":
			f.day = append(f.day, val)
		case "account":
			f.account = append(f.account, val)
		}
	}
	f.text = strings.Join(words, " ")
	return f
}

// find returns the hits of a search with field filters, in index order.
func (c *Common) find(q string, limit int) []search.Hit {
	f := parseQuery(q)
	if !f.hasFields {
		return c.index().Find(q, limit)
	}
	var hits []search.Hit
	if strings.TrimSpace(f.text) != "" {
		hits = c.index().Find(f.text, 0)
	} else {
		docs := c.index().Docs()
		for i := range docs {
			hits = append(hits, search.Hit{Doc: &docs[i]})
		}
	}
	var out []search.Hit
	for _, h := range hits {
		if c.fieldsAdmit(f, h.Doc) {
			out = append(out, h)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
	}
	return out
}

// fieldsAdmit reports whether a document passes every field filter.
func (c *Common) fieldsAdmit(f fieldQuery, d *search.Doc) bool {
	b := c.Base
	for _, want := range f.source {
		ok := false
		for _, id := range d.Sources {
			if s, found := b.Source(id); found && sourceIs(s, want) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, want := range f.day {
		ok := false
		for _, id := range docDays(b, d) {
			if day, found := b.Day(id); found && dayIs(day, want) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, want := range f.account {
		if d.Account == "" {
			return false
		}
		a, found := b.Account(d.Account)
		if !found || !(strings.Contains(search.Fold(a.ID), want) || strings.Contains(search.Fold(a.Name), want)) {
			return false
		}
	}
	return true
}

// sourceIs reports whether a folded filter value names a source: its id,
// short name or outlet, or the start of one.
func sourceIs(s *dossier.Source, want string) bool {
	for _, n := range []string{s.ID, s.Short, s.Outlet} {
		n = strings.ReplaceAll(search.Fold(n), " ", "")
		if n != "" && strings.HasPrefix(n, strings.ReplaceAll(want, " ", "")) {
			return true
		}
	}
	return false
}

// dayIs reports whether a folded filter value names a day: its id, its
// date ("26", "26oct", "2025-10-26") or its label ("day2").
func dayIs(day *dossier.Day, want string) bool {
	names := []string{day.ID, day.Label}
	if !day.Date.IsZero() {
		names = append(names, day.Date.Format("2"), day.Date.Format("2jan"), day.Date.Format("2january"),
			day.Date.Format("2006-01-02"), day.Date.Format("jan2"))
	}
	for _, n := range names {
		n = strings.ReplaceAll(search.Fold(n), " ", "")
		if n != "" && (n == want || len(want) > 2 && strings.HasPrefix(n, want)) {
			return true
		}
	}
	return false
}

// docDays returns the days a document is about: a claim's days, an
// event's or day's own, a discrepancy's or a demand's.
func docDays(b *dossier.Dossier, d *search.Doc) []string {
	switch d.Kind {
	case search.KindClaim:
		for _, t := range b.Topics {
			if t.ID != d.Topic {
				continue
			}
			for _, s := range t.Sections {
				for _, cl := range s.Claims {
					if cl.ID == d.Claim {
						return cl.Days
					}
				}
			}
		}
	case search.KindDemand:
		for _, x := range b.Demands {
			if x.ID == d.Demand {
				return x.Days
			}
		}
	case search.KindTopic:
		if t, ok := b.Topic(d.Topic); ok {
			return t.Days
		}
	}
	if d.Day != "" {
		return []string{d.Day}
	}
	return nil
}

// matcherFor returns the matcher of a search's words, without its fields.
func matcherFor(q string) search.Matcher { return search.NewMatcher(parseQuery(q).text) }

// rememberSearch keeps a search for ↑ in the next search box.
func (c *Common) rememberSearch(q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	for i, r := range c.Recent {
		if r == q {
			c.Recent = append(c.Recent[:i], c.Recent[i+1:]...)
			break
		}
	}
	c.Recent = append(c.Recent, q)
	if len(c.Recent) > maxRecent {
		c.Recent = c.Recent[len(c.Recent)-maxRecent:]
	}
}

// hitView names the view a hit is shown in, for the search results.
func hitView(h search.Hit) string { return viewOf(h.Doc.Kind).String() }

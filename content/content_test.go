package content_test

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// These tests check the embedded dossier's integrity: that it loads clean,
// that every reference resolves, that the marks are consistent, that every
// claim is cited and graded and every source is used and graded. They do not
// ask the facts to take a shape: a topic where only one side speaks, or a day
// of talks for which no report gives hours, is a finding, not an error.

// loadDefault loads the embedded dossier and fails the test on any problem,
// warnings included: the default dossier must check clean.
func loadDefault(t *testing.T) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(content.Default())
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	if d == nil {
		t.Fatalf("the embedded dossier did not load")
	}
	return d
}

// TestDefaultChecksClean asserts the embedded dossier loads with no error and
// no warning, the same verdict `dossier check` gives.
func TestDefaultChecksClean(t *testing.T) {
	loadDefault(t)
}

// ids is the set of ids of one kind, for resolving references.
type ids map[string]bool

func (s ids) check(t *testing.T, where, kind, id string) {
	t.Helper()
	if id != "" && !s[id] {
		t.Errorf("%s names %s %q, which does not exist", where, kind, id)
	}
}

// TestReferencesResolve asserts that every id a claim, event, hours report,
// demand, delegate, discrepancy or briefing stop names exists.
func TestReferencesResolve(t *testing.T) {
	d := loadDefault(t)
	sources, days, topics, discs, accounts, sides := ids{}, ids{}, ids{}, ids{}, ids{}, ids{}
	for _, s := range d.Sources {
		sources[s.ID] = true
	}
	for _, s := range d.Sources {
		sources.check(t, "source "+s.ID+" (via)", "source", s.Via)
	}
	for _, day := range d.Days {
		days[day.ID] = true
	}
	for _, tp := range d.Topics {
		topics[tp.ID] = true
	}
	for _, ds := range d.Discrepancies {
		discs[ds.ID] = true
	}
	for _, a := range d.Accounts {
		accounts[a.ID] = true
	}
	for _, p := range append(append([]dossier.Party{}, d.Parties...), d.Mediators...) {
		sides[p.ID] = true
	}
	forEachCitation(d, func(where string, cited []string) {
		for _, id := range cited {
			sources.check(t, where, "source", id)
		}
	})
	for _, tp := range d.Topics {
		for _, id := range tp.Days {
			days.check(t, "topic "+tp.ID, "day", id)
		}
		for _, sec := range tp.Sections {
			accounts.check(t, "topic "+tp.ID, "account", sec.Account)
			for _, c := range sec.Claims {
				for _, id := range c.Days {
					days.check(t, "claim "+c.ID, "day", id)
				}
				for _, id := range c.Discrepancies {
					discs.check(t, "claim "+c.ID, "discrepancy", id)
				}
			}
		}
	}
	for _, day := range d.Days {
		for _, e := range day.Events {
			accounts.check(t, "event of day "+day.ID, "account", e.Account)
		}
	}
	for _, dm := range d.Demands {
		sides.check(t, "demand "+dm.ID, "party", dm.Party)
		topics.check(t, "demand "+dm.ID, "topic", dm.Topic)
		for _, id := range dm.Days {
			days.check(t, "demand "+dm.ID, "day", id)
		}
	}
	for _, dl := range d.Delegations {
		sides.check(t, "delegation", "party or mediator", dl.Party)
	}
	for _, ds := range d.Discrepancies {
		days.check(t, "discrepancy "+ds.ID, "day", ds.Day)
		topics.check(t, "discrepancy "+ds.ID, "topic", ds.Topic)
		if len(ds.Versions) < 2 {
			t.Errorf("discrepancy %s has %d versions, want at least 2", ds.ID, len(ds.Versions))
		}
	}
	for _, b := range d.Briefings {
		for _, s := range b.Stops {
			where := "briefing " + b.ID + " stop " + s.Title
			topics.check(t, where, "topic", s.Topic)
			days.check(t, where, "day", s.Day)
			for _, a := range s.Accounts {
				accounts.check(t, where, "account", a)
			}
		}
	}
}

// TestMarksConsistent asserts that the alignment marks mean what they say:
// every claim of a key group carries the same relation; an agreeing or
// contradicting group spans at least two accounts and a one-sided group
// exactly one; a relation other than one-sided needs a key.
func TestMarksConsistent(t *testing.T) {
	d := loadDefault(t)
	for _, tp := range d.Topics {
		type group struct {
			accounts map[string]bool
			rels     map[dossier.Relation]bool
		}
		groups := map[string]*group{}
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				if c.Key == "" {
					if c.Relation == dossier.RelAgree || c.Relation == dossier.RelContradict {
						t.Errorf("claim %s is marked %s but has no key", c.ID, c.Relation)
					}
					continue
				}
				g := groups[c.Key]
				if g == nil {
					g = &group{accounts: map[string]bool{}, rels: map[dossier.Relation]bool{}}
					groups[c.Key] = g
				}
				if g.accounts[sec.Account] {
					t.Errorf("topic %s: key %q appears twice in account %s", tp.ID, c.Key, sec.Account)
				}
				g.accounts[sec.Account] = true
				g.rels[c.Relation] = true
			}
		}
		for key, g := range groups {
			if len(g.rels) != 1 {
				t.Errorf("topic %s: the claims of key %q carry different marks %v", tp.ID, key, g.rels)
				continue
			}
			for rel := range g.rels {
				switch {
				case rel == dossier.RelOneSided && len(g.accounts) != 1:
					t.Errorf("topic %s: key %q is one-sided but spans %d accounts", tp.ID, key, len(g.accounts))
				case rel != dossier.RelOneSided && len(g.accounts) < 2:
					t.Errorf("topic %s: key %q appears in one account and is not marked one-sided", tp.ID, key)
				case rel == dossier.RelNone:
					t.Errorf("topic %s: key %q pairs claims without saying how they relate (.agree or .contradict)", tp.ID, key)
				}
			}
		}
	}
}

// TestEveryClaimCitedAndGraded asserts that no claim, event, hours report,
// demand, delegate or discrepancy version goes without a citation, and that
// every claim carries a credibility grade (1–6) by the rule in README.md.
func TestEveryClaimCitedAndGraded(t *testing.T) {
	d := loadDefault(t)
	forEachCitation(d, func(where string, ids []string) {
		if len(ids) == 0 {
			t.Errorf("%s cites no source", where)
		}
	})
	for _, tp := range d.Topics {
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				if c.Cred < 1 || c.Cred > 6 {
					t.Errorf("claim %s has no credibility grade (cred=1…6)", c.ID)
				}
			}
		}
	}
}

// TestEverySourceUsedAndGraded asserts that each source is cited at least
// once (a source that is only the "via" of another counts as used through it)
// and carries a reliability grade.
func TestEverySourceUsedAndGraded(t *testing.T) {
	d := loadDefault(t)
	used := map[string]bool{}
	forEachCitation(d, func(_ string, ids []string) {
		for _, id := range ids {
			used[id] = true
		}
	})
	for _, s := range d.Sources {
		if s.Via != "" {
			used[s.Via] = true
		}
	}
	for _, s := range d.Sources {
		if !used[s.ID] {
			t.Errorf("source %q is never cited", s.ID)
		}
		switch s.Reliability {
		case "A", "B", "C", "D", "E", "F":
		default:
			t.Errorf("source %q has no reliability grade (A–F)", s.ID)
		}
	}
}

// TestBackgroundCarriesNoBadge asserts that context no report carries,
// marked *Background* in the text, sits only where no source badge is shown
// (the dossier's and the topics' summaries), never inside a claim or an
// event, which would lend it a report's badge and grade.
func TestBackgroundCarriesNoBadge(t *testing.T) {
	d := loadDefault(t)
	for _, tp := range d.Topics {
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				if strings.Contains(c.Text, "Background") {
					t.Errorf("claim %s holds background under a report's badge", c.ID)
				}
			}
		}
	}
	for _, day := range d.Days {
		for _, e := range day.Events {
			if strings.Contains(e.Text, "Background") {
				t.Errorf("an event of day %s holds background under a report's badge", day.ID)
			}
		}
	}
}

// TestBriefingStopsHaveNotes asserts that every stop of every briefing has
// presenter notes: a stop without them is a slide nobody can present.
func TestBriefingStopsHaveNotes(t *testing.T) {
	d := loadDefault(t)
	if len(d.Briefings) == 0 {
		t.Fatal("no briefing")
	}
	for _, b := range d.Briefings {
		for _, s := range b.Stops {
			if s.Notes == "" {
				t.Errorf("briefing %s: stop %q has no presenter notes", b.ID, s.Title)
			}
		}
	}
}

// forEachCitation calls f with every list of source ids in the dossier and a
// label saying where it is.
func forEachCitation(d *dossier.Dossier, f func(where string, ids []string)) {
	for _, tp := range d.Topics {
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				f("claim "+c.ID, c.Sources)
			}
		}
	}
	for _, day := range d.Days {
		for _, h := range day.Hours {
			f("hours of day "+day.ID, h.Sources)
		}
		for _, e := range day.Events {
			f("event of day "+day.ID, e.Sources)
		}
	}
	for _, dm := range d.Demands {
		f("demand "+dm.ID, dm.Sources)
	}
	for _, dl := range d.Delegations {
		for _, m := range dl.Members {
			f("delegate "+m.Name+m.Title, m.Sources)
		}
	}
	for _, ds := range d.Discrepancies {
		for _, v := range ds.Versions {
			f("discrepancy "+ds.ID+" version "+v.Value, v.Sources)
		}
	}
}

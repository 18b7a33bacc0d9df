package content_test

import (
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

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

// TestEveryTopicHasBothDefaultAccounts asserts that each topic carries at
// least one claim from each account of the default pair.
func TestEveryTopicHasBothDefaultAccounts(t *testing.T) {
	d := loadDefault(t)
	if len(d.Topics) == 0 {
		t.Fatal("no topics")
	}
	for _, tp := range d.Topics {
		for _, acc := range d.DefaultPair {
			sec, ok := tp.Section(acc)
			if !ok || len(sec.Claims) == 0 {
				t.Errorf("topic %q has no claim from account %q", tp.ID, acc)
			}
		}
	}
}

// TestEveryDayHasAnEvent asserts that every day of the sequence records at
// least one event, and every talk day at least one report of its hours.
func TestEveryDayHasAnEvent(t *testing.T) {
	d := loadDefault(t)
	if len(d.Days) == 0 {
		t.Fatal("no days")
	}
	for _, day := range d.Days {
		if len(day.Events) == 0 {
			t.Errorf("day %q has no event", day.ID)
		}
		if day.Phase == dossier.PhaseTalks && len(day.Hours) == 0 {
			t.Errorf("talk day %q has no hours report", day.ID)
		}
	}
}

// TestEveryClaimHasASource asserts that no claim, event, hours report,
// demand, delegate or discrepancy version goes without a citation.
func TestEveryClaimHasASource(t *testing.T) {
	d := loadDefault(t)
	forEachCitation(d, func(where string, ids []string) {
		if len(ids) == 0 {
			t.Errorf("%s cites no source", where)
		}
	})
}

// TestEverySourceIsCited asserts that each source is cited at least once by
// a claim, event, hours report, demand, delegate or discrepancy version. A
// source that is only the "via" of another counts as cited through it.
func TestEverySourceIsCited(t *testing.T) {
	d := loadDefault(t)
	cited := map[string]bool{}
	forEachCitation(d, func(_ string, ids []string) {
		for _, id := range ids {
			cited[id] = true
		}
	})
	for _, s := range d.Sources {
		if !cited[s.ID] {
			t.Errorf("source %q is never cited", s.ID)
		}
	}
}

// TestAlignmentKeys asserts that every alignment key of a topic appears in at
// least two accounts, or is marked one-sided.
func TestAlignmentKeys(t *testing.T) {
	d := loadDefault(t)
	for _, tp := range d.Topics {
		accounts := map[string]map[string]bool{} // key -> accounts using it
		oneSided := map[string]bool{}
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				if c.Key == "" {
					continue
				}
				if accounts[c.Key] == nil {
					accounts[c.Key] = map[string]bool{}
				}
				accounts[c.Key][sec.Account] = true
				if c.Relation == dossier.RelOneSided {
					oneSided[c.Key] = true
				}
			}
		}
		for key, accs := range accounts {
			if len(accs) < 2 && !oneSided[key] {
				t.Errorf("topic %q: key %q appears in one account and is not marked one-sided", tp.ID, key)
			}
		}
	}
}

// TestCoverage asserts the minimum coverage the dossier promises: at least
// ten topics, five discrepancies, a briefing of 8–12 stops, and the five
// reports it is built from among the sources.
func TestCoverage(t *testing.T) {
	d := loadDefault(t)
	if n := len(d.Topics); n < 10 {
		t.Errorf("%d topics, want at least 10", n)
	}
	if n := len(d.Discrepancies); n < 5 {
		t.Errorf("%d discrepancies, want at least 5", n)
	}
	if len(d.Briefings) == 0 {
		t.Fatal("no briefing")
	}
	if n := len(d.Briefings[0].Stops); n < 8 || n > 12 {
		t.Errorf("first briefing has %d stops, want 8–12", n)
	}
	for _, s := range d.Briefings[0].Stops {
		if s.Notes == "" {
			t.Errorf("stop %q has no presenter notes", s.Title)
		}
	}
	direct := 0
	for _, s := range d.Sources {
		if s.Via == "" {
			direct++
		}
	}
	if direct != 5 {
		t.Errorf("%d sources known directly, want the 5 reports", direct)
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

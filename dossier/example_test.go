package dossier

import (
	"os"
	"sync"
	"testing"
)

// The example dossier in docs/ is the format's showcase: it must load with
// no problem at all.
func TestExampleDossierIsClean(t *testing.T) {
	d, probs, err := LoadDir("../docs/example/water-talks")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	if d == nil {
		t.Fatal("nil dossier")
	}
	if got := len(d.Topics); got != 2 {
		t.Errorf("topics = %d, want 2", got)
	}
	if _, ok := d.Source("wire-0304"); !ok {
		t.Error("index: source wire-0304 not found")
	}
	if i, ok := d.DayIndex("mar03"); !ok || i != 2 {
		t.Errorf("DayIndex(mar03) = %d, %v; want 2, true", i, ok)
	}
}

// Loads share nothing mutable: run several at once under -race, and read
// one loaded dossier from several goroutines.
func TestConcurrentLoads(t *testing.T) {
	var wg sync.WaitGroup
	results := make([]*Dossier, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _, _ = LoadDir("../docs/example/water-talks")
		}()
	}
	wg.Wait()
	d := results[0]
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range results {
				if r == nil || len(r.Topics) != len(d.Topics) {
					t.Errorf("load %d differs", i)
					return
				}
			}
			if _, ok := d.Topic("flows"); !ok {
				t.Error("topic flows not found")
			}
		}()
	}
	wg.Wait()
}

func TestLoadDirMissingFolder(t *testing.T) {
	_, _, err := LoadDir(t.TempDir() + "/nope")
	if err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Fatalf("err = %v, want a not-exist error", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

// The second example uses every addition to the format: it too loads with
// no problem, and each addition is there.
func TestSecondExampleIsClean(t *testing.T) {
	d, probs, err := LoadDir("../docs/example/straits-talks")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	if d == nil {
		t.Fatal("nil dossier")
	}
	if a, _ := d.Account("med"); a.Mediator != "cor" || d.AccountOwner("med") != "Corvia, mediator" {
		t.Errorf("mediator account = %+v, owner %q", a, d.AccountOwner("med"))
	}
	kinds := map[string]string{}
	for _, day := range d.Days {
		kinds[day.ID] = day.Kind()
	}
	if kinds["may10"] != "rest day" || kinds["may12"] != "in dispute: talks or after" || kinds["may14"] != "after" {
		t.Errorf("day kinds = %v", kinds)
	}
	if day, _ := d.Day("may08"); len(day.Hours) != 2 || day.Hours[0].Discrepancies[0] != "day1-length" {
		t.Errorf("hours of may08 = %+v", day.Hours)
	}
	if x, _ := d.Demand("kai-survey"); x.Status != StatusAccepted {
		t.Errorf("kai-survey = %+v", x)
	}
	if s, _ := d.Source("harbour-blog"); s.Reliability != "F" {
		t.Errorf("harbour-blog = %+v", s)
	}
	if b := d.Briefings[0].Stops[0]; b.Accounts != [2]string{"kai", "ard"} || b.Third != "med" {
		t.Errorf("first stop = %+v", b)
	}
	scripts := map[string]bool{}
	for _, dg := range d.Delegations {
		for _, m := range dg.Members {
			for _, f := range NameForms(m.Name, m.Aliases) {
				for _, r := range f {
					switch {
					case isCJK(r):
						scripts["cjk"] = true
					case r >= 0x0590 && r <= 0x05FF:
						scripts["hebrew"] = true
					}
				}
			}
		}
	}
	if !scripts["cjk"] || !scripts["hebrew"] {
		t.Errorf("scripts in names: %v", scripts)
	}
}

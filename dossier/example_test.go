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

package dossier

import (
	"os"
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

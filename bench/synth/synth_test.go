package synth

import (
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

// TestGeneratedDossierIsValid loads a small generated dossier: the generator
// is only useful for scale tests if what it writes checks clean.
func TestGeneratedDossierIsValid(t *testing.T) {
	dir := t.TempDir()
	if err := Generate(dir, 100<<10, 7); err != nil {
		t.Fatal(err)
	}
	d, problems, err := dossier.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s", p)
	}
	if d == nil {
		t.Fatal("no dossier")
	}
	if len(d.Accounts) != Accounts || len(d.Days) != Days || len(d.Topics) < 10 {
		t.Errorf("got %d accounts, %d days, %d topics", len(d.Accounts), len(d.Days), len(d.Topics))
	}
}

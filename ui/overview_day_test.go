package ui

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// TestDayGlanceTakesNoSide: the overview's line for a day whose status is
// in dispute says so; it does not give the day the phase one side gives it.
func TestDayGlanceTakesNoSide(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs)
	}
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	seen := false
	for i := range d.Days {
		day := &d.Days[i]
		if day.Status != dossier.DayDisputed {
			continue
		}
		seen = true
		got := m.c.dayGlance(day)
		if !strings.Contains(got, "dispute") {
			t.Errorf("the glance of %s, a day in dispute, does not say so: %q", day.ID, got)
		}
		if strings.Contains(got, "· "+day.Phase.String()+" ·") {
			t.Errorf("the glance of %s takes a side (%s): %q", day.ID, day.Phase, got)
		}
	}
	if !seen {
		t.Skip("the embedded dossier has no day in dispute")
	}
}

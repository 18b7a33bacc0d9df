package dossier

import (
	"os"
	"testing"
)

// testdata/ten-mistakes is the example dossier with ten different mistakes
// put in by hand; each must be reported once, at its exact position, and
// nothing else.
func TestTenMistakes(t *testing.T) {
	want := []string{
		"days.md:33:5: error: day 'mar04' (2031-03-04) comes after day 'mar05' (2031-03-05) (list days in date order)",
		"demands.md:15:13: error: unknown demand status 'acepted' (did you mean 'accepted'?)",
		"sources.md:6:25: warning: escape character (ESC) removed",
		"sources.md:28:5: error: duplicate source id 'wire-0304' (first defined at sources.md:12)",
		"sources.md:34:5: error: via chain of source 'un-0305' loops back to it (a source cannot be known through itself)",
		"topics/01-flows.md:11:29: error: unknown source 'gazete-0303' (did you mean 'gazette-0303'?)",
		"topics/01-flows.md:18:12: error: credibility '7' is not a grade 1–6 (1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged)",
		"topics/01-flows.md:32:3: error: claim has no source (cite at least one source: [@id])",
		"topics/02-committee.md:10:46: error: .one-sided on key 'committee', which 2 accounts use",
		"topics/02-committee.md:12:1: error: unknown account 'Downstrem' (did you mean 'Downstream'?)",
	}
	d, probs := Load(os.DirFS("testdata/ten-mistakes"))
	if d != nil {
		t.Error("Load returned a dossier despite errors")
	}
	if len(probs) != len(want) {
		t.Errorf("got %d problems, want %d", len(probs), len(want))
	}
	for i := range max(len(probs), len(want)) {
		var got, w string
		if i < len(probs) {
			got = probs[i].String()
		}
		if i < len(want) {
			w = want[i]
		}
		if got != w {
			t.Errorf("problem %d:\n got  %s\n want %s", i, got, w)
		}
	}
	if n := len(probs.Warnings()); n != 1 {
		t.Errorf("warnings = %d, want 1", n)
	}
}

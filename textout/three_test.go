package textout

import (
	"os"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

// print --accounts a,b,c writes three columns aligned on the same rows,
// with the marks of both neighbouring pairs, and every line fits the width.
func TestThreeAccountsFit(t *testing.T) {
	d, probs := dossier.Load(os.DirFS("../docs/example/straits-talks"))
	if d == nil {
		t.Fatal(probs)
	}
	for _, width := range []int{60, 80, 120, 200} {
		for _, color := range []bool{false, true} {
			var b strings.Builder
			if err := Write(&b, d, Options{Pair: [2]string{"kai", "ard"}, Third: "med", Width: width, Color: color}); err != nil {
				t.Fatal(err)
			}
			check(t, "three accounts", b.String(), width, color)
		}
	}
	var b strings.Builder
	if err := Write(&b, d, Options{Topic: "quota", Pair: [2]string{"kai", "ard"}, Third: "med", Width: 120}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Kaiyō") || !strings.Contains(out, "Corvian mediators") {
		t.Errorf("the column heads are missing:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "[Kaiyō Shimbun B2]") {
			if strings.Count(l, "≠") != 2 || !strings.Contains(l, "[Radio Ardon C3]") || !strings.Contains(l, "[Corvia MFA B2]") {
				t.Errorf("the first row is not three claims with two marks: %q", l)
			}
		}
	}
	if strings.Contains(out, "also:") {
		t.Error("an also: note although the accounts were chosen")
	}
}

// With no accounts chosen, print says which accounts it left out.
func TestAlsoNote(t *testing.T) {
	d, probs := dossier.Load(os.DirFS("../docs/example/straits-talks"))
	if d == nil {
		t.Fatal(probs)
	}
	var b strings.Builder
	if err := Write(&b, d, Options{Topic: "quota", Width: 100, AlsoNote: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "also: Corvian mediators (med), Independent (ind) — use --accounts") {
		t.Errorf("no also: note:\n%s", b.String())
	}
}

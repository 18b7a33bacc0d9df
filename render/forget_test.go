package render

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// A dossier loaded again after an edit is a new *Dossier: a claim whose id
// stayed while its text changed is rendered anew, never served from the
// previous version's entries; Forget gives those entries back.
func TestReloadedClaimIsNotServedStale(t *testing.T) {
	fsys := fstest.MapFS{}
	src := os.DirFS("../docs/example/water-talks")
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	old, probs := dossier.Load(fsys)
	if old == nil {
		t.Fatal(probs)
	}
	flows := string(fsys["topics/01-flows.md"].Data)
	fsys["topics/01-flows.md"] = &fstest.MapFile{Data: []byte(strings.Replace(flows, "no figure was ever put on paper", "a figure went on paper after all", 1))}
	edited, probs := dossier.Load(fsys)
	if edited == nil {
		t.Fatal(probs)
	}

	c := NewCache()
	text := func(d *dossier.Dossier) string {
		l := c.Compare(d, &d.Topics[0], [2]string{"up", "down"}, 60, StyleNoTTY, ansi.WcWidth)
		return ansi.Strip(strings.Join(l.Lines[1], "\n"))
	}
	if got := text(old); !strings.Contains(got, "no figure was ever put on paper") {
		t.Fatalf("old version:\n%s", got)
	}
	if got := text(edited); !strings.Contains(got, "a figure went on paper after all") {
		t.Fatalf("edited version served stale:\n%s", got)
	}
	if cl, lay := c.held(old); cl == 0 || lay == 0 {
		t.Fatalf("old version holds %d claims, %d layouts before Forget", cl, lay)
	}
	c.Notes(old, &old.Briefings[0], 0, 60, StyleNoTTY)
	c.Forget(old)
	if cl, lay := c.held(old); cl != 0 || lay != 0 {
		t.Fatalf("old version still holds %d claims, %d layouts after Forget", cl, lay)
	}
	if _, ok := c.CachedNotes(old, &old.Briefings[0], 0, 60, StyleNoTTY); ok {
		t.Fatal("old version's notes still cached after Forget")
	}
	if cl, lay := c.held(edited); cl == 0 || lay == 0 {
		t.Fatalf("Forget(old) dropped the edited version's entries (%d claims, %d layouts)", cl, lay)
	}
	if _, ok := c.CachedCompare(edited, &edited.Topics[0], [2]string{"up", "down"}, 60, StyleNoTTY, ansi.WcWidth); !ok {
		t.Fatal("Forget(old) dropped the edited version's layout")
	}
}

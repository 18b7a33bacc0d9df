package dossier

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// TestLeftoversIgnored: an editor's backup, auto-save and swap files beside
// the dossier's files change nothing: the loader gives the same problems
// as without them (and --watch ignores the same names).
func TestLeftoversIgnored(t *testing.T) {
	src := os.DirFS("../docs/example/water-talks")
	m := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, want := Load(m)
	var topic string
	for p := range m {
		if len(p) > 7 && p[:7] == "topics/" {
			topic = p[7:]
		}
	}
	for _, name := range []string{
		"dossier.md~", "#dossier.md#", ".dossier.md.swp", "dossier.md.swp", "4913",
		"topics/" + topic + "~", "topics/#" + topic + "#", "topics/." + topic + ".swx", "topics/" + topic + ".swp",
	} {
		m[name] = &fstest.MapFile{Data: []byte("half-saved \x00 junk")}
	}
	d, got := Load(m)
	if d == nil || len(got) != len(want) {
		t.Fatalf("with editor leftovers: %d problems, want %d:\n%v", len(got), len(want), got)
	}
	for _, name := range []string{"x.md~", "#x.md#", ".x.md.swp", "x.swx", "4913", ".git"} {
		if !Leftover(name) {
			t.Errorf("Leftover(%q) = false", name)
		}
	}
	for _, name := range []string{"x.md", "#", "days.md", "topics"} {
		if Leftover(name) {
			t.Errorf("Leftover(%q) = true", name)
		}
	}
}

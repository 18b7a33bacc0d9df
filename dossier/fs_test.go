package dossier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDir writes base (with the given changes) to a new folder.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range mapFS(files) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSymlinks(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("---\nid: x\ntitle: X\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeDir(t, nil)
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make symlinks here: %v", err)
		}
	}
	link(outside, "topics/escape.md")
	link("../../"+filepath.Base(filepath.Dir(dir)), "briefings")
	link("t1.md", "topics/t2.md")         // inside the root: followed
	link("missing.md", "topics/t3.md")    // broken
	link("../sources.md", "topics/t4.md") // inside, but a duplicate of nothing harmful
	d, probs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(problemStrings(probs), "\n")
	for _, want := range []string{
		"briefings: error: briefings is a symbolic link; it must be a real folder inside the dossier",
		"topics/escape.md: error: symbolic link to '" + outside + "' leaves the dossier folder; refused (a dossier may only link to files inside its own folder)",
		"topics/t2.md:1:1: error: duplicate topic id 't1' (first defined at topics/t1.md:1)",
		"topics/t3.md: error: symbolic link to 'missing.md' points to nothing; refused",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if d != nil {
		t.Error("dossier returned despite errors")
	}
	if strings.Contains(got, "secret") && !strings.Contains(got, "leaves the dossier folder") {
		t.Error("the outside file was read")
	}
}

func TestLoadDirExample(t *testing.T) {
	dir := writeDir(t, map[string]string{"README.md": "# notes\n", ".git/config": "x"})
	d, probs, err := LoadDir(dir)
	if err != nil || d == nil || len(probs) != 0 {
		t.Fatalf("err %v, problems %v", err, problemStrings(probs))
	}
}

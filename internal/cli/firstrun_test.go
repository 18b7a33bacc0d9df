package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain keeps the tests' readers off the user's state directory, and
// opening on compare as they expect: every dossier counts as opened.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dossier-state")
	if err != nil {
		panic(err)
	}
	os.MkdirAll(filepath.Join(dir, "dossier"), 0o700)
	os.WriteFile(filepath.Join(dir, "dossier", "opened"), []byte("*\n"), 0o600)
	os.Setenv("XDG_STATE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestFirstOpen(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if !firstOpen([]string{"a/dossier"}) {
		t.Fatal("a dossier never opened is not a first open")
	}
	if firstOpen([]string{"a/dossier"}) {
		t.Fatal("the second open counts as a first")
	}
	if !firstOpen(nil) || firstOpen(nil) {
		t.Fatal("the built-in dossier: first open wrong")
	}
}

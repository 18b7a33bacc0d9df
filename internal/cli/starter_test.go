package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/config"
	"github.com/dossier-dev/dossier/ui"
)

// TestStarterListsEveryAction: the starter file `dossier config --init`
// writes names every action a config file may rebind.
func TestStarterListsEveryAction(t *testing.T) {
	listed := map[string]bool{}
	for _, w := range regexp.MustCompile(`[a-z][a-z-]*`).FindAllString(config.Starter, -1) {
		listed[w] = true
	}
	k := ui.DefaultKeyMap()
	for a := range k.Named() {
		if !listed[a] {
			t.Errorf("config.Starter does not list the action %s", a)
		}
	}
}

// TestKeysPerScope: a key may serve actions of two different views, as
// the defaults do (s: sync and status-filter; enter: provenance and open),
// but not two actions that answer it in the same place.
func TestKeysPerScope(t *testing.T) {
	for _, tc := range []struct{ yaml, err string }{
		{"keys: {sync: [s]}\n", ""},
		{"keys: {open: [enter]}\n", ""},
		{"keys: {next-day: [right, l]}\n", ""},
		{"keys: {status-filter: [p]}\n", `key "p" is also bound to party-filter in the demands view`},
		{"keys: {sync: [q]}\n", `key "q" is also bound to quit;`},
		{"keys: {open: [d]}\n", `key "d" is also bound to discrepancies;`},
	} {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(t, "config", "--config", path)
		switch {
		case tc.err == "" && code != 0:
			t.Errorf("%q: exit %d, %s", tc.yaml, code, stderr)
		case tc.err != "" && !strings.Contains(stderr, tc.err):
			t.Errorf("%q: exit %d, stderr %q, want %q", tc.yaml, code, stderr, tc.err)
		}
	}
}

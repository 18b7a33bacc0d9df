package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/config"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// xdg points the config directory at a fresh folder and returns the path
// the config file is looked for at.
func xdg(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	p := filepath.Join(dir, "dossier", "config.yaml")
	if content != "" {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func TestConfigDefaults(t *testing.T) {
	p := xdg(t, "")
	code, out, errOut := run(t, "config")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{
		"config file: " + p + " (not found; the defaults are in use)\n",
		"style      auto ", "mouse      on ", "\n  quit         q ctrl+c\n", "\n  views        0 1 2 3 4 5 6        fixed\n",
	} {
		if !strings.Contains(squeeze(out), squeeze(want)) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestConfigFileAndFlags(t *testing.T) {
	xdg(t, "style: light\naccounts: [med, ind]\nmouse: off\nkeys:\n  quit: [ctrl+q]\n  next-topic: [\">\", \"]\"]\n")
	code, out, errOut := run(t, "config")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{
		"(found)", "style      light", "config file, line 1\n", "accounts   med, ind (when the dossier has both)",
		"mouse      off", "config file, line 3\n", "keys (config file, line 4):",
		"\n  quit         ctrl+q               config file, line 5\n", "\n  next-topic   > ]                  config file, line 6\n",
		"\n  swap         x\n",
	} {
		if !strings.Contains(squeeze(out), squeeze(want)) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	_, out, _ = run(t, "config", "--style", "dark", "--mouse", "--accounts", "up,down")
	for _, want := range []string{"style      dark", "mouse      on", "accounts   up, down"} {
		if !strings.Contains(out, want) || !strings.Contains(out[strings.Index(out, want):], "flag\n") {
			t.Errorf("flag did not win for %q:\n%s", want, out)
		}
	}
}

func TestConfigErrorsNameFileLine(t *testing.T) {
	p := xdg(t, "style: dark\nmouse: sometimes\nkeys:\n  qiut: q\n")
	code, _, errOut := run(t, "config")
	if code != 1 || !strings.Contains(errOut, p+":2:8: mouse is on or off") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
	xdg(t, "keys:\n  qiut: q\n")
	code, _, errOut = run(t, "config")
	if code != 1 || !strings.Contains(errOut, ":2:3: unknown action \"qiut\" (did you mean quit?)") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, "config", "--config", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != 1 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("missing --config file: code %d, %q", code, errOut)
	}
}

func TestConfigInit(t *testing.T) {
	p := xdg(t, "")
	if code, out, errOut := run(t, "config", "--init"); code != 0 || !strings.Contains(out, "wrote "+p) {
		t.Fatalf("code %d, %q %q", code, out, errOut)
	}
	c, err := config.Load(p)
	if err != nil || !c.Found || c.Style != render.StyleAuto || !c.Mouse || len(c.Keys) != 0 {
		t.Errorf("the starter file changes something: %+v %v", c, err)
	}
	if code, _, errOut := run(t, "config", "--init"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second --init: code %d, %q", code, errOut)
	}
}

// TestReaderSettings checks what the reader is given: the file's settings,
// with the flags the user typed on top, become ui.Options.
func TestReaderSettings(t *testing.T) {
	xdg(t, "style: light\naccounts: [med, ind]\nmouse: off\nkeys:\n  quit: [ctrl+q]\n")
	root := NewRoot()
	if err := root.ParseFlags([]string{"--style", "notty"}); err != nil {
		t.Fatal(err)
	}
	s, err := loadSettings(root)
	if err != nil {
		t.Fatal(err)
	}
	o := s.options(ui.Options{})
	if o.Style != render.StyleNoTTY || o.Pair != [2]string{"med", "ind"} || !o.NoMouse || o.Keys == nil {
		t.Fatalf("options %+v", o)
	}
	if k := o.Keys.Quit.Keys(); len(k) != 1 || k[0] != "ctrl+q" || o.Keys.Quit.Help().Key != "ctrl+q" {
		t.Errorf("quit %v %+v", k, o.Keys.Quit.Help())
	}
	root = NewRoot()
	if err := root.ParseFlags([]string{"--mouse=true", "--accounts", "pk,af"}); err != nil {
		t.Fatal(err)
	}
	if s, err = loadSettings(root); err != nil {
		t.Fatal(err)
	}
	if o := s.options(ui.Options{}); o.NoMouse || o.Pair != [2]string{"pk", "af"} || o.Style != render.StyleLight {
		t.Errorf("flags over file: %+v", o)
	}
}

// squeeze makes every run of spaces one space: the columns of dossier
// config are as wide as their widest cell, which other actions change.
func squeeze(s string) string { return regexp.MustCompile(` {2,}`).ReplaceAllString(s, " ") }

// TestConfigColumnsAligned: every key row starts its keys, and its source,
// in the same column, whatever the length of the action names.
func TestConfigColumnsAligned(t *testing.T) {
	xdg(t, "keys:\n  presenter-panel: [ctrl+alt+shift+p]\n")
	code, out, errOut := run(t, "config")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	_, rows, _ := strings.Cut(out, "):\n")
	keyCol, fromCol := -1, -1
	for _, row := range strings.Split(strings.TrimRight(rows, "\n"), "\n") {
		f := regexp.MustCompile(`^  (\S+)( +)(\S.*?)(?:( {2,})(\S.*))?$`).FindStringSubmatchIndex(row)
		if f == nil {
			t.Fatalf("row %q", row)
		}
		if keyCol < 0 {
			keyCol = f[6]
		}
		if f[6] != keyCol {
			t.Errorf("row %q: keys at column %d, not %d", row, f[6], keyCol)
		}
		if f[10] >= 0 {
			if fromCol < 0 {
				fromCol = f[10]
			}
			if f[10] != fromCol {
				t.Errorf("row %q: source at column %d, not %d", row, f[10], fromCol)
			}
		}
	}
}

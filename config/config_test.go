package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/dossier-dev/dossier/session"
)

func TestPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/xdg")
	if p, _ := Path(); p != filepath.FromSlash("/xdg/dossier/config.yaml") {
		t.Errorf("with XDG_CONFIG_HOME: %s", p)
	}
	t.Setenv("XDG_CONFIG_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/u")
	if p, _ := Path(); p != filepath.FromSlash("/home/u/.config/dossier/config.yaml") {
		t.Errorf("without: %s", p)
	}
}

func TestLoadMissingGivesDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "none.yaml"))
	if err != nil || c.Found || c.Style != session.StyleAuto || !c.Mouse || c.Accounts != [2]string{} || len(c.Keys) != 0 {
		t.Errorf("%+v, %v", c, err)
	}
}

func TestParseAll(t *testing.T) {
	src := `# my settings
style: light
accounts: [pk, af]
mouse: off
keys:
  quit: [q, ctrl+q]
  next-topic: n
  "help": ["?", f1]
  swap: []
`
	c, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Style != session.StyleLight || c.Accounts != [2]string{"pk", "af"} || c.Mouse {
		t.Errorf("%+v", c)
	}
	want := []struct {
		action string
		keys   string
		line   int
	}{{"quit", "q ctrl+q", 6}, {"next-topic", "n", 7}, {"help", "? f1", 8}, {"swap", "", 9}}
	if len(c.Keys) != len(want) {
		t.Fatalf("keys %+v", c.Keys)
	}
	for i, w := range want {
		o := c.Keys[i]
		if o.Action != w.action || strings.Join(o.Keys, " ") != w.keys || o.Pos.Line != w.line {
			t.Errorf("override %d = %+v, want %+v", i, o, w)
		}
	}
	if p, ok := c.FromFile("mouse"); !ok || p.Line != 4 {
		t.Errorf("FromFile(mouse) = %v %v", p, ok)
	}
	if _, ok := c.FromFile("nothing"); ok {
		t.Error("FromFile of an unset setting")
	}
	c, err = Parse("c.yaml", []byte("accounts: \"med, ind\"\nmouse: true\n"))
	if err != nil || c.Accounts != [2]string{"med", "ind"} || !c.Mouse {
		t.Errorf("a,b form: %+v %v", c, err)
	}
	for _, empty := range []string{"", "# nothing\n", "---\n", "keys:\n"} {
		if c, err := Parse("c.yaml", []byte(empty)); err != nil || c.Style != session.StyleAuto || !c.Mouse {
			t.Errorf("%q: %+v %v", empty, c, err)
		}
	}
}

// TestParseErrors checks that each mistake is reported at its line and
// column with a message that says what to do.
func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"style: blue\n", "c.yaml:1:8: unknown style \"blue\""},
		{"style: [dark]\n", "c.yaml:1:8: style is one word"},
		{"mouse: sometimes\n", "c.yaml:1:8: mouse is on or off"},
		{"accounts: [pk]\n", "c.yaml:1:11: accounts names two different account ids"},
		{"accounts: [pk, pk]\n", "c.yaml:1:11: accounts names two different"},
		{"accounts: [pk, 9x]\n", "\"9x\" is not an account id"},
		{"stlye: dark\n", "c.yaml:1:1: unknown setting \"stlye\" (did you mean style?)"},
		{"style: dark\nstyle: light\n", "c.yaml:2:1: YAML: mapping key \"style\" already defined"},
		{"keys:\n  quit: [ctlr+q]\n", "c.yaml:2:10: unknown modifier \"ctlr\""},
		{"keys:\n  quit: [shift+ctrl+q]\n", "c.yaml:2:10: write the modifiers of \"shift+ctrl+q\" in the order ctrl+alt+shift"},
		{"keys:\n  quit: [pgdwn]\n", "c.yaml:2:10: unknown key \"pgdwn\" (did you mean \"pgdown\"?)"},
		{"keys:\n  quit: {a: b}\n", "c.yaml:2:9: give quit one key or a list"},
		{"keys:\n  quit: \"\\e\"\n", "c.yaml:2:9: unknown key \"\\x1b\""},
		{"keys:\n  quit: \" \"\n", "c.yaml:2:9: unknown key \" \""},
		{"keys: [q]\n", "c.yaml:1:7: keys maps an action to its keys"},
		{"keys:\n  quit: q\n  quit: x\n", "c.yaml:3:3: YAML: mapping key \"quit\" already defined"},
		{"style: dark\n  mouse: [\n", "c.yaml:1:8: YAML: "},
		{"- a\n- b\n", "c.yaml:1:1: the config file is a list of settings"},
	}
	for _, tt := range tests {
		_, err := Parse("c.yaml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
		if _, ok := err.(Errors); !ok && err != nil {
			t.Errorf("%q: error of type %T", tt.src, err)
		}
	}
}

func TestLoadReportsFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte("style: dark\nmouse: maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if !c.Found || err == nil || !strings.HasPrefix(err.Error(), p+":2:8: ") {
		t.Errorf("found %v, err %v", c.Found, err)
	}
}

func bindings() (map[string]*key.Binding, *key.Binding, *key.Binding, *key.Binding) {
	quit := key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit"))
	next := key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next topic"))
	swap := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "swap sides"))
	return map[string]*key.Binding{"quit": &quit, "next-topic": &next, "swap": &swap}, &quit, &next, &swap
}

func TestApplyKeys(t *testing.T) {
	named, quit, next, swap := bindings()
	c, err := Parse("c.yaml", []byte("keys:\n  next-topic: [n, \"]\"]\n  quit: [ctrl+q, x]\n  swap: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ApplyKeys(named); err != nil {
		t.Fatal(err)
	}
	if strings.Join(next.Keys(), " ") != "n ]" || next.Help().Key != "n/]" || next.Help().Desc != "next topic" {
		t.Errorf("next-topic: %v %+v", next.Keys(), next.Help())
	}
	if strings.Join(quit.Keys(), " ") != "ctrl+q x" || swap.Enabled() {
		t.Errorf("quit %v, swap enabled %v", quit.Keys(), swap.Enabled())
	}
}

func TestApplyKeysErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"keys:\n  qiut: [z]\n", "c.yaml:2:3: unknown action \"qiut\" (did you mean quit?); actions are next-topic, quit, swap"},
		{"keys:\n  quit: [z, x]\n", "c.yaml:2:13: key \"x\" is also bound to swap; rebind swap too"},
		{"keys:\n  quit: []\n", "c.yaml:2:3: quit must keep at least one key"},
	}
	for _, tt := range tests {
		named, quit, _, _ := bindings()
		c, err := Parse("c.yaml", []byte(tt.src))
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		err = c.ApplyKeys(named)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
		if strings.Join(quit.Keys(), " ") != "q ctrl+c" {
			t.Errorf("%q: bindings changed despite the error: %v", tt.src, quit.Keys())
		}
	}
}

// FuzzParse checks that no file makes Parse panic, and that every error
// it reports names the file.
func FuzzParse(f *testing.F) {
	f.Add("style: dark\nkeys:\n  quit: [q]\n")
	f.Add("accounts: [a, b]\nmouse: off\n")
	f.Add("keys: {a: [b, {c: d}]}\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse("f.yaml", []byte(src))
		if err != nil && !strings.HasPrefix(err.Error(), "f.yaml") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}

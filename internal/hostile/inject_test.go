package hostile

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// injectDir is a dossier whose every text field, and the paragraphs,
// headings, code, tables, links, quotes and HTML of its claims, hold
// payload (and, in places, payload's numeric character references).
const injectDir = "testdata/inject"

// payload is every kind of injection at once: erase the screen, write the
// clipboard (OSC 52), set the window title (OSC 0), a hyperlink (OSC 8),
// BEL, DEL, and CSI spelt as the C1 character U+009B.
const payload = "\x1b[2J\x1b]52;c;SU5KRUNURUQ=\x07\x1b]0;PWNED-TITLE\x07\x1b]8;;https://evil.example/\x1b\\LINKTEXT\x1b]8;;\x1b\\" +
	"\x07BEL\x7fDEL\u009b31mC1"

var (
	injectOnce sync.Once
	injected   *dossier.Dossier
	injectErr  string
)

// loadInject loads the injection dossier once.
func loadInject(t testing.TB) *dossier.Dossier {
	t.Helper()
	injectOnce.Do(func() {
		d, probs, err := dossier.LoadDir(injectDir)
		switch {
		case err != nil:
			injectErr = err.Error()
		case d == nil:
			injectErr = probs.Err().Error()
		}
		injected = d
	})
	if injected == nil {
		t.Fatalf("the injection dossier does not load: %s", injectErr)
	}
	return injected
}

// strings walks every exported string reachable from v (through pointers,
// structs, slices and arrays) and calls f with it and its field's name.
// When f returns a different string and the field can be set, it is set.
func walkStrings(v reflect.Value, field string, f func(field, s string) string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), field, f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(v.Field(i), v.Type().Field(i).Name, f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), field, f)
		}
	case reflect.String:
		if s := f(field, v.String()); s != v.String() && v.CanSet() {
			v.SetString(s)
		}
	}
}

func TestInjectLoaderStripsAtReadTime(t *testing.T) {
	d := loadInject(t)
	fields := 0
	walkStrings(reflect.ValueOf(d), "Dossier", func(field, s string) string {
		if bad := firstControl(s); bad != "" {
			t.Errorf("field %s holds %q: %q", field, bad, s)
		}
		if strings.Contains(s, "PWNED-TITLE") {
			fields++
		}
		return s
	})
	if fields < 30 {
		t.Errorf("only %d fields carry the payload's text; the dossier lost some", fields)
	}
	_, probs, _ := dossier.LoadDir(injectDir)
	if probs.HasErrors() || len(probs) < 100 {
		t.Errorf("%d problems (errors %v); want only warnings, one per removal", len(probs), probs.HasErrors())
	}
}

// forEachOutput runs every command that prints the injection dossier and
// calls f with its name and output.
func TestInjectCommands(t *testing.T) {
	loadInject(t)
	cmds := [][]string{
		{"check", injectDir}, {"check", "--json", injectDir}, {"outline", injectDir}, {injectDir},
		{"export", "--notes", injectDir}, {"export", "--notes", "--format", "md", injectDir},
	}
	if hasCommand("print") {
		cmds = append(cmds, []string{"print", injectDir})
	}
	for _, args := range cmds {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := cliRun(t, args...)
			if args[0] != "check" && code != 0 {
				t.Fatalf("exit %d: %s", code, oneLine(errOut))
			}
			for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
				if bad := nonSGR(strings.ReplaceAll(s, "\t", " ")); bad != "" {
					t.Errorf("%s holds %q", name, bad)
				}
			}
			if args[0] == "check" && !strings.Contains(out, "escape character (ESC) removed") {
				t.Errorf("check does not report the removals:\n%s", oneLine(out))
			}
			if strings.Contains(out, "<script>alert") {
				t.Errorf("a <script> element from the dossier reached the output")
			}
			if len(args) > 1 && args[1] == "--json" {
				var list []map[string]any
				if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) < 100 {
					t.Errorf("--json: %d problems, %v", len(list), err)
				}
			}
		})
	}
}

// TestInjectFrames draws every view and overlay of the reader on the
// injection dossier, at several sizes, in colour and without, alone and as
// the driving presenter, and walks the provenance of every claim.
func TestInjectFrames(t *testing.T) {
	d := loadInject(t)
	for _, st := range []render.Style{render.StyleDark, render.StyleNoTTY} {
		r := newReader(t, d, nil, 120, 40, st)
		for _, sz := range [][2]int{{120, 40}, {80, 24}, {41, 12}} {
			r.resize(sz[0], sz[1])
			shown := strings.Join(r.screens(), "\n")
			if sz[0] >= 80 && !strings.Contains(ansi.Strip(shown), "PWNED-TITLE") {
				t.Errorf("%v %dx%d: the payload's text is not shown at all", st, sz[0], sz[1])
			}
			r.show(ui.ViewCompare)
			for range 8 {
				r.press("}", "enter")
				r.frame()
				r.press("esc", "tab", "enter")
				r.frame()
				r.press("esc", "tab")
			}
		}
		r.send(ui.PresenceMsg{Role: ui.RolePresenter, Driving: true, Followers: []string{"f" + payload},
			Requests: []string{"r" + payload}, Note: "note" + payload})
		r.screens()
		// A driving presenter, who sees the briefing's notes, at every stop.
		p := newReaderAs(t, d, nil, 120, 40, st, ui.RolePresenter)
		for range 4 {
			p.screens()
			p.press("right")
		}
		if !strings.Contains(ansi.Strip(p.frame().Content), "Notes") {
			t.Errorf("%v: the presenter's notes are not shown", st)
		}
		if r.frames < 100 {
			t.Errorf("only %d frames checked", r.frames)
		}
	}
}

// rawInject returns the injection dossier with the payload, unsanitised,
// appended to every text field the reader shows: as if the loader had let
// it through. Ids and references are left alone so that lookups still work.
func rawInject(t testing.TB) *dossier.Dossier {
	t.Helper()
	d, _, _ := dossier.LoadDir(injectDir) // a private copy to spoil
	if d == nil {
		t.Fatal("the injection dossier does not load")
	}
	texts := map[string]bool{"Title": true, "Place": true, "Name": true, "Description": true, "Summary": true,
		"Outcome": true, "Outlet": true, "Short": true, "Basis": true, "Origin": true, "URL": true, "Text": true,
		"Response": true, "Note": true, "Label": true, "Fact": true, "Value": true, "Notes": true, "Reliability": true}
	n := 0
	walkStrings(reflect.ValueOf(d), "Dossier", func(field, s string) string {
		if !texts[field] {
			return s
		}
		n++
		return s + payload + "\x9b\xff raw bytes"
	})
	if n < 40 {
		t.Fatalf("only %d fields spoilt", n)
	}
	return d
}

// TestRawInjectRenderPath is defence in depth: the render package and the
// reader get text that was never sanitised (glamour passes control
// sequences through) and must still draw nothing but SGR.
func TestRawInjectRenderPath(t *testing.T) {
	d := rawInject(t)
	c := render.NewCache()
	for _, st := range []render.Style{render.StyleDark, render.StyleLight, render.StyleNoTTY} {
		for _, w := range []int{1, 9, 30, 77} {
			for ti := range d.Topics {
				tp := &d.Topics[ti]
				for _, s := range tp.Sections {
					for ci := range s.Claims {
						for i, l := range c.Claim(d, &s.Claims[ci], w, st) {
							if bad := nonSGR(l); bad != "" {
								t.Fatalf("claim %s, %v, width %d, line %d holds %q", s.Claims[ci].ID, st, w, i, bad)
							}
						}
					}
				}
				cmp := c.Compare(d, tp, [2]string{"up", "down"}, w, st, ansi.WcWidth)
				for side := range cmp.Lines {
					if bad := nonSGR(strings.Join(cmp.Lines[side], "\n") + strings.Join(cmp.Marks, "")); bad != "" {
						t.Fatalf("compare %v width %d holds %q", st, w, bad)
					}
				}
			}
		}
		if bad := nonSGR(render.Badge(d, "s1", 2) + render.DayTag(d, "d1")); bad != "" {
			t.Errorf("badge or day tag holds %q", bad)
		}
		r := newReader(t, d, c, 100, 30, st)
		r.screens()
		r.resize(45, 12)
		r.screens()
	}
}

// lockedBuffer is a bytes.Buffer safe for a writer and a reader at once.
type lockedBuffer = testkit.SyncBuffer

// TestInjectProgramBytes runs the reader as a real Bubble Tea program on
// the injection dossier, unsanitised and sanitised, and checks every byte it
// writes to the terminal.
func TestInjectProgramBytes(t *testing.T) {
	for name, d := range map[string]*dossier.Dossier{"loaded": loadInject(t), "raw": rawInject(t)} {
		t.Run(name, func(t *testing.T) {
			out := &lockedBuffer{}
			m := ui.New(ui.Options{Dossier: d, Style: render.StyleAuto, Width: 100, Height: 30})
			p := tea.NewProgram(m, tea.WithInput(&bytes.Buffer{}), tea.WithOutput(out), tea.WithWindowSize(100, 30),
				tea.WithColorProfile(colorprofile.TrueColor), tea.WithoutSignals())
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			steps := []tea.Msg{tea.WindowSizeMsg{Width: 90, Height: 25}}
			for _, k := range []string{"2", "3", "4", "5", "1", "}", "enter", "esc", "?", "esc", "t", "esc", "a", "esc", "]"} {
				steps = append(steps, keyPress(k))
			}
			for _, msg := range steps {
				p.Send(msg)
				// Give the renderer a frame to draw each step; the test
				// does not depend on it, it only makes more frames.
				time.Sleep(20 * time.Millisecond)
			}
			p.Quit()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(hangLimit):
				p.Kill()
				t.Fatal("hang: the program did not quit")
			}
			s := out.String()
			if bad := streamViolation(s); bad != "" {
				t.Errorf("the program wrote %q", bad)
			}
			if !strings.Contains(s, "PWNED-TITLE") {
				t.Errorf("the payload's text never reached the screen; the test saw nothing")
			}
		})
	}
}

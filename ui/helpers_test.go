package ui

import (
	"os"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/render"
)

// Dossiers for tests, loaded once: the embedded one (long, real, growing),
// the format's example (small, stable: goldens use it) and a hostile one
// (wide, right-to-left, emoji, tabs, escape attempts).
var (
	loadOnce                   sync.Once
	embedded, example, hostile *dossier.Dossier
)

func dossiers(t testing.TB) {
	t.Helper()
	loadOnce.Do(func() {
		var probs dossier.Problems
		embedded, probs = dossier.Load(content.Default())
		if embedded == nil {
			panic("embedded dossier: " + probs.Err().Error())
		}
		example, probs = dossier.Load(os.DirFS("../docs/example/water-talks"))
		if example == nil {
			panic("example dossier: " + probs.Err().Error())
		}
		hostile, probs = dossier.Load(os.DirFS("testdata/hostile"))
		if hostile == nil {
			panic("hostile dossier: " + probs.Err().Error())
		}
	})
}

// frame is one View the program drew, with the state it was drawn from.
type frame struct {
	content string
	w, h    int
	method  ansi.Method
	nav     Nav
	lay     *render.Compare
}

// lines returns the frame's lines with ANSI stripped.
func (f frame) lines() []string {
	return strings.Split(ansi.Strip(f.content), "\n")
}

// session is a whole program under test: the reader, run by teatest, with
// every frame it drew (testkit.Program). Every press and every tm.Send ends
// with a barrier, and waitFor looks only at frames drawn after it.
type session struct {
	t  *testing.T
	tm *testkit.Program[vframe]
}

// start runs the reader on d at w×h and checks, when the test ends, that
// every frame it drew had exactly the terminal's size and only SGR escapes.
func start(t *testing.T, d *dossier.Dossier, w, h int, opts ...func(*Options)) *session {
	t.Helper()
	o := Options{Dossier: d, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h}
	for _, f := range opts {
		f(&o)
	}
	return &session{t: t, tm: startProgram(t, New(o), w, h)}
}

// startProgram runs m at w×h, recording a vframe of every View.
func startProgram(t *testing.T, m *Model, w, h int) *testkit.Program[vframe] {
	t.Helper()
	return testkit.Start(t, m, testkit.ProgramOptions[vframe]{Width: w, Height: h, Snap: vsnap,
		Check: func(t testing.TB, i int, f vframe) { checkFrame(t, i, f.frame) }})
}

// checkFrame asserts that a frame has exactly h lines of exactly w cells,
// and that the only escape sequences in it are SGR (testkit.NonSGR).
func checkFrame(t testing.TB, i int, f frame) {
	t.Helper()
	lines := f.lines()
	if len(lines) != f.h {
		t.Errorf("frame %d at %dx%d has %d lines", i, f.w, f.h, len(lines))
	}
	for y, l := range lines {
		if got := f.method.StringWidth(l); got != f.w {
			t.Errorf("frame %d at %dx%d: line %d is %d cells wide: %q", i, f.w, f.h, y, got, l)
			return
		}
	}
	if bad := nonSGR(f.content); bad != "" {
		t.Errorf("frame %d holds a non-SGR escape or control: %q", i, bad)
	}
}

// nonSGR returns the first escape sequence or control character in s that
// is not an SGR sequence or a newline (testkit.NonSGR).
func nonSGR(s string) string { return testkit.NonSGR(s) }

// last returns the latest frame.
func (s *session) last() frame { return s.tm.Last().frame }

// waitFor waits for a frame drawn after the last press or send that
// satisfies cond and returns it. The timeout only bounds a hung test;
// nothing is asserted about speed.
func (s *session) waitFor(what string, cond func(frame) bool) frame {
	s.t.Helper()
	return s.tm.Wait(s.t, what, func(f vframe) bool { return cond(f.frame) }, describe).frame
}

// describe is how a failed wait shows the last frame.
func describe(f vframe) string {
	return "(view " + f.active.String() + ")\n" + strings.Join(f.lines(), "\n")
}

// contains returns a condition: the frame shows every string.
func contains(subs ...string) func(frame) bool {
	return func(f frame) bool {
		text := ansi.Strip(f.content)
		for _, sub := range subs {
			if !strings.Contains(text, sub) {
				return false
			}
		}
		return true
	}
}

// press sends keys: single characters, or names ("tab", "enter", "esc",
// "pgdown", "down", "up", "ctrl+n"; see testkit.Key), then a barrier.
func (s *session) press(keys ...string) { s.tm.Press(keys...) }

func keyMsg(k string) tea.KeyPressMsg { return testkit.Key(k) }

// ready reports whether the compare view shows a fresh layout for topic i.
func ready(d *dossier.Dossier, i int) func(frame) bool {
	return func(f frame) bool {
		return f.lay != nil && f.nav.Topic == i && f.lay.Topic == d.Topics[i].ID &&
			!strings.Contains(ansi.Strip(f.content), "rendering…")
	}
}

package ui

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
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

// recorder wraps the reader and keeps every frame it draws, so tests see
// exactly what the program rendered.
type recorder struct {
	m      *Model
	mu     *sync.Mutex
	frames *[]frame
}

func (r recorder) Init() tea.Cmd { return r.m.Init() }

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.m.Update(msg)
	return r, cmd
}

func (r recorder) View() tea.View {
	v := r.m.View()
	f := frame{content: v.Content, w: r.m.c.Width, h: r.m.c.Height, method: r.m.c.Method}
	if cv, ok := r.m.views[ViewCompare].(*compareView); ok {
		f.nav, f.lay = cv.nav, cv.lay
	}
	r.mu.Lock()
	*r.frames = append(*r.frames, f)
	r.mu.Unlock()
	return v
}

// session is a whole program under test.
type session struct {
	t      *testing.T
	tm     *teatest.TestModel
	mu     sync.Mutex
	frames []frame
	seen   int // frames already checked for width
}

// start runs the reader on d at w×h and checks, when the test ends, that
// every frame it drew had exactly the terminal's size.
func start(t *testing.T, d *dossier.Dossier, w, h int, opts ...func(*Options)) *session {
	t.Helper()
	o := Options{Dossier: d, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h}
	for _, f := range opts {
		f(&o)
	}
	s := &session{t: t}
	rec := recorder{m: New(o), mu: &s.mu, frames: &s.frames}
	s.tm = teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)))
	t.Cleanup(func() {
		_ = s.tm.Quit()
		s.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		s.checkAllFrames()
	})
	return s
}

// checkAllFrames asserts that every frame had exactly h lines of exactly w
// cells, and that the only escape sequences in it are SGR.
func (s *session) checkAllFrames() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.frames {
		checkFrame(s.t, i, f)
	}
}

func checkFrame(t *testing.T, i int, f frame) {
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
// is not an SGR sequence or a newline.
func nonSGR(s string) string {
	var state byte
	for len(s) > 0 {
		seq, width, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		if width == 0 && seq != "\n" && !(strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") &&
			strings.Trim(seq[2:len(seq)-1], "0123456789;:") == "") {
			return seq
		}
		s = s[n:]
	}
	return ""
}

// last returns the latest frame.
func (s *session) last() frame {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.frames) == 0 {
		return frame{}
	}
	return s.frames[len(s.frames)-1]
}

// waitFor waits until a frame satisfies cond and returns it. The timeout
// only bounds a hung test; nothing is asserted about speed.
func (s *session) waitFor(what string, cond func(frame) bool) frame {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		for i := len(s.frames) - 1; i >= s.seen && i >= 0; i-- {
			if cond(s.frames[i]) {
				f := s.frames[i]
				s.seen = i
				s.mu.Unlock()
				return f
			}
		}
		s.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	f := s.last()
	s.t.Fatalf("no frame %s; last frame:\n%s", what, strings.Join(f.lines(), "\n"))
	return frame{}
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
// "pgdown", "down", "up").
func (s *session) press(keys ...string) {
	for _, k := range keys {
		s.tm.Send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok && len(c) == 1 {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// ready reports whether the compare view shows a fresh layout for topic i.
func ready(d *dossier.Dossier, i int) func(frame) bool {
	return func(f frame) bool {
		return f.lay != nil && f.nav.Topic == i && f.lay.Topic == d.Topics[i].ID &&
			!strings.Contains(ansi.Strip(f.content), "rendering…")
	}
}

package ui

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// vframe is one frame the program drew, with the state of the views
// tests look at, copied on the program's goroutine.
type vframe struct {
	frame
	active ViewID
	day    int
	dsr    *dossier.Dossier // Common.Dossier
	doc    *dayDoc          // the days view's document, when built
	cursor int              // the active table view's cursor
	items  []string         // the active table view's row ids
	query  string
	status string
}

func (f vframe) text() string { return ansi.Strip(f.content) }

// vrecorder wraps the reader and keeps every frame with its state.
type vrecorder struct {
	m      *Model
	mu     *sync.Mutex
	frames *[]vframe
}

func (r vrecorder) Init() tea.Cmd { return r.m.Init() }

func (r vrecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.m.Update(msg)
	return r, cmd
}

func (r vrecorder) View() tea.View {
	m := r.m
	v := m.View()
	f := vframe{frame: frame{content: v.Content, w: m.c.Width, h: m.c.Height, method: m.c.Method},
		active: m.active, day: m.c.Day, dsr: m.c.Dossier, cursor: -1, status: m.status}
	if cv, ok := m.views[ViewCompare].(*compareView); ok {
		f.nav, f.lay = cv.nav, cv.lay
	}
	if dv, ok := m.views[ViewDays].(*daysView); ok {
		f.doc = dv.doc
	}
	if m.c.Query != nil {
		f.query = m.c.Query.Text
	}
	switch v := m.views[m.active].(type) {
	case *delegationsView:
		f.cursor = v.pane.tbl.cursor
		for _, r := range v.refs {
			f.items = append(f.items, m.c.Base.Delegations[r.deleg].Members[r.member].Name)
		}
	case *demandsView:
		f.cursor, f.items = v.pane.tbl.cursor, append([]string(nil), v.ids...)
	case *sourcesView:
		f.cursor, f.items = v.pane.tbl.cursor, append([]string(nil), v.ids...)
	case *discrepanciesView:
		f.cursor, f.items = v.pane.tbl.cursor, append([]string(nil), v.ids...)
	}
	r.mu.Lock()
	*r.frames = append(*r.frames, f)
	r.mu.Unlock()
	return v
}

// vsession is a whole program under test.
type vsession struct {
	t      *testing.T
	tm     *teatest.TestModel
	mu     sync.Mutex
	frames []vframe
	seen   int
}

// vstart runs the reader on d at w×h; when the test ends it checks that
// every frame had exactly the terminal's size and only SGR sequences.
func vstart(t *testing.T, d *dossier.Dossier, w, h int) *vsession {
	t.Helper()
	o := Options{Dossier: d, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h}
	s := &vsession{t: t}
	rec := vrecorder{m: New(o), mu: &s.mu, frames: &s.frames}
	s.tm = teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)))
	t.Cleanup(func() {
		_ = s.tm.Quit()
		s.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		s.mu.Lock()
		defer s.mu.Unlock()
		for i, f := range s.frames {
			checkSize(t, i, f.frame)
		}
	})
	return s
}

// checkSize asserts that a frame has exactly h lines of exactly w cells
// and no escape sequence but SGR. It is checkFrame, except that a
// combining mark after an ASCII letter, which x/ansi's decoder returns on
// its own, is not taken for a control.
func checkSize(t *testing.T, i int, f frame) {
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
	s := f.content
	var state byte
	for len(s) > 0 {
		seq, width, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		s = s[n:]
		if width > 0 || seq == "\n" || strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") &&
			strings.Trim(seq[2:len(seq)-1], "0123456789;:") == "" {
			continue
		}
		marks := true
		for _, r := range seq {
			marks = marks && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
		}
		if !marks {
			t.Errorf("frame %d holds a non-SGR escape or control: %q", i, seq)
			return
		}
	}
}

// waitFor waits for a frame drawn after the last one waited for that
// satisfies cond. The timeout only bounds a hung test.
func (s *vsession) waitFor(what string, cond func(vframe) bool) vframe {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		for i := s.seen; i < len(s.frames); i++ {
			if cond(s.frames[i]) {
				f := s.frames[i]
				s.seen = i + 1
				s.mu.Unlock()
				return f
			}
		}
		s.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	s.mu.Lock()
	var last vframe
	if len(s.frames) > 0 {
		last = s.frames[len(s.frames)-1]
	}
	s.mu.Unlock()
	s.t.Fatalf("no frame %s; last frame (view %s):\n%s", what, last.active, last.text())
	return vframe{}
}

func (s *vsession) press(keys ...string) {
	for _, k := range keys {
		switch k {
		case "left":
			s.tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
		case "right":
			s.tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
		default:
			s.tm.Send(keyMsg(k))
		}
	}
}

// typeText types each character of text.
func (s *vsession) typeText(text string) {
	for _, r := range text {
		s.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// showing returns a condition: the view is active and the frame shows
// every string.
func showing(v ViewID, subs ...string) func(vframe) bool {
	return func(f vframe) bool {
		if f.active != v {
			return false
		}
		text := f.text()
		for _, sub := range subs {
			if !strings.Contains(text, sub) {
				return false
			}
		}
		return true
	}
}

// dayReady returns a condition: the days view shows the document of day i
// of the dossier currently shown.
func dayReady(i int) func(vframe) bool {
	return func(f vframe) bool {
		return f.active == ViewDays && f.day == i && f.doc != nil && f.doc.req.d == f.dsr &&
			i < len(f.dsr.Days) && f.doc.req.day == f.dsr.Days[i].ID && !strings.Contains(f.text(), "rendering…")
	}
}

// words returns the first n words of a Markdown text, as plain text.
func words(s string, n int) string {
	f := strings.Fields(inline(s))
	return strings.Join(f[:min(n, len(f))], " ")
}

// claimsAbout returns an account's claims in topic t that are about day.
func claimsAbout(t *dossier.Topic, account, day string) []dossier.Claim {
	sec, ok := t.Section(account)
	if !ok {
		return nil
	}
	var out []dossier.Claim
	for _, cl := range sec.Claims {
		for _, id := range cl.Days {
			if id == day {
				out = append(out, cl)
				break
			}
		}
	}
	return out
}

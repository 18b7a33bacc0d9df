package ui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// paneTop returns the frame line of the panes' top border: 1, or 2 when
// the topic's summary sits above them.
func paneTop(f frame) int {
	for i, l := range f.lines()[:min(3, len(f.lines()))] {
		if strings.HasPrefix(strings.TrimSpace(l), "╭─") {
			return i
		}
	}
	return 1
}

// paneTexts cuts a wide frame's body line into the left and right panes'
// text (ANSI stripped, trimmed).
func paneTexts(f frame, y int) (left, right string) {
	line := f.lines()[y]
	tw := (f.w - 9) / 2
	left = ansi.Cut(line, 2, 2+tw)
	right = ansi.Cut(line, tw+7, tw+7+tw)
	return strings.TrimSpace(left), strings.TrimSpace(right)
}

// firstLine returns a claim's first rendered line, stripped and trimmed.
func firstLine(d *dossier.Dossier, f frame, id string) string {
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for i := range s.Claims {
				if s.Claims[i].ID == id {
					lines := render.NewCache().Claim(d, &s.Claims[i], f.lay.Width, render.StyleDark)
					return strings.TrimSpace(ansi.Strip(lines[0]))
				}
			}
		}
	}
	return ""
}

// checkLevel asserts that every row visible in a synchronised frame starts
// on the same screen line in both panes, and shows each claim's first line
// there.
func checkLevel(t *testing.T, d *dossier.Dossier, f frame) int {
	t.Helper()
	if f.nav.Offset[0] != f.nav.Offset[1] {
		t.Fatalf("panes not level: offsets %v", f.nav.Offset)
	}
	off, ph := f.nav.Offset[0], f.h-3-paneTop(f)
	checked := 0
	for _, r := range f.lay.Rows {
		if r.Start < off || r.Start >= off+ph || r.IDs[0] == "" || r.IDs[1] == "" {
			continue
		}
		y := paneTop(f) + 1 + r.Start - off // header, summary and top border
		l, rt := paneTexts(f, y)
		if want := firstLine(d, f, r.IDs[0]); l != want {
			t.Errorf("offset %d, row %q: left pane line %d is %q, want %q", off, r.Key, y, l, want)
		}
		if want := firstLine(d, f, r.IDs[1]); rt != want {
			t.Errorf("offset %d, row %q: right pane line %d is %q, want %q", off, r.Key, y, rt, want)
		}
		checked++
	}
	return checked
}

func TestNextTopicChangesBothPanes(t *testing.T) {
	dossiers(t)
	d := embedded
	s := start(t, d, 120, 40)
	title := func(i int) string { return render.Clean(d.Topics[i].Title) }
	f := s.waitFor("with topic 1", ready(d, 0))
	for _, want := range []string{"Pakistani · " + title(0), "Afghan · " + title(0), "topic 1/"} {
		if !contains(want)(f) {
			t.Fatalf("first frame lacks %q:\n%s", want, strings.Join(f.lines(), "\n"))
		}
	}
	s.press("]")
	f = s.waitFor("with topic 2", ready(d, 1))
	for _, want := range []string{"Pakistani · " + title(1), "Afghan · " + title(1), "topic 2/"} {
		if !contains(want)(f) {
			t.Errorf("after ] the frame lacks %q", want)
		}
	}
	if contains(title(0))(f) && !strings.Contains(title(1), title(0)) {
		t.Errorf("after ] the old topic's title is still shown")
	}
	s.press("[")
	s.waitFor("back on topic 1", ready(d, 0))
}

// longest returns the index of the topic with the most lines at 120
// columns, so scrolling tests have room to scroll.
func longest(d *dossier.Dossier) int {
	best, lines := 0, 0
	c := render.NewCache()
	for i := range d.Topics {
		l := c.Compare(d, &d.Topics[i], defaultPair(d), 55, render.StyleDark, ansi.WcWidth)
		if l.Len() > lines {
			best, lines = i, l.Len()
		}
	}
	return best
}

// goTo moves the reader to topic i with ] and waits for it.
func (s *session) goTo(d *dossier.Dossier, i int) frame {
	s.t.Helper()
	f := s.waitFor("with topic 1", ready(d, 0))
	for j := 0; j < i; j++ {
		s.press("]")
		f = s.waitFor("on the next topic", ready(d, j+1))
	}
	return f
}

// boundsOf is what Step knows of a recorded frame.
func boundsOf(d *dossier.Dossier, f frame) Bounds {
	return Bounds{Topics: len(d.Topics), Lines: f.lay.Len(), Height: f.h - 3 - paneTop(f), RowStarts: rowStarts(f.lay)}
}

func TestScrollKeepsAlignedClaimsLevel(t *testing.T) {
	dossiers(t)
	d := embedded
	s := start(t, d, 120, 40)
	f := s.goTo(d, longest(d))
	if f.lay.Len() <= f.h-3-paneTop(f) {
		t.Fatalf("the longest topic fits on one screen (%d lines); nothing to scroll", f.lay.Len())
	}
	checked := checkLevel(t, d, f)
	for _, k := range []string{"j", "j", "j", "pgdown", "j", "space", "k", "G", "pgup", "b", "g"} {
		want, _ := Navigate(f.nav, DefaultKeyMap(), keyMsg(k), boundsOf(d, f))
		s.press(k)
		f = s.waitFor("after "+k, func(f frame) bool { return f.nav == want })
		checked += checkLevel(t, d, f)
	}
	if checked < 5 {
		t.Errorf("only %d aligned rows were seen on screen; the test checks too little", checked)
	}
	if f.nav.Offset != [2]int{} {
		t.Errorf("g left the panes at %v, want the top", f.nav.Offset)
	}
}

func TestSyncToggle(t *testing.T) {
	dossiers(t)
	d := embedded
	s := start(t, d, 120, 40)
	f := s.goTo(d, longest(d))
	_, right0 := paneTexts(f, paneTop(f)+1)
	s.press("s")
	s.waitFor("free scroll", contains("free scroll"))
	s.press("j", "j", "j", "j", "j")
	f = s.waitFor("left moved alone", func(f frame) bool { return f.nav.Offset == [2]int{5, 0} })
	if _, r := paneTexts(f, paneTop(f)+1); r != right0 {
		t.Errorf("the right pane moved while scrolling the left alone: %q, was %q", r, right0)
	}
	s.press("tab", "j", "j")
	s.waitFor("right moved alone", func(f frame) bool { return f.nav.Offset == [2]int{5, 2} && f.nav.Focus == FocusRight })
	s.press("tab", "s")
	f = s.waitFor("synchronised again", func(f frame) bool {
		return f.nav.Sync && f.nav.Offset[0] == f.nav.Offset[1] && !contains("free scroll")(f)
	})
	// re-aligned on the claim at the top of the focused (left) pane
	want := snap(5, rowStarts(f.lay))
	if f.nav.Offset[0] != want {
		t.Errorf("re-aligned at line %d, want %d (the start of the claim at line 5)", f.nav.Offset[0], want)
	}
	if checkLevel(t, d, f) == 0 {
		t.Errorf("no aligned row on screen after re-aligning")
	}
}

func rowStarts(l *render.Compare) []int {
	var out []int
	for _, r := range l.Rows {
		out = append(out, r.Start)
	}
	return out
}

func TestAccountPickerAndSwap(t *testing.T) {
	dossiers(t)
	d := embedded
	s := start(t, d, 120, 40)
	s.waitFor("with topic 1", ready(d, 0))
	s.press("a")
	s.waitFor("the account picker", contains("Left pane: which account?", "Mediators", "Independent"))
	s.press("down", "down", "enter") // Mediators on the left
	s.waitFor("the right-pane question", contains("Right pane: which account? (left: Mediators)"))
	s.press("enter") // keep Afghan on the right
	s.waitFor("the third-account question", contains("A third account beside Mediators and Afghan?", "no third account"))
	s.press("enter") // no third account
	f := s.waitFor("Mediators | Afghan", func(f frame) bool {
		return contains("Mediators · ", "Afghan · ")(f) && !contains("Pakistani ·")(f) && f.lay != nil &&
			f.lay.Pair == [2]string{"med", "af"}
	})
	if !strings.HasPrefix(strings.TrimSpace(f.lines()[paneTop(f)]), "╭─ Mediators") {
		t.Errorf("Mediators is not on the left: %q", f.lines()[paneTop(f)])
	}
	s.press("x")
	f = s.waitFor("swapped", func(f frame) bool { return f.lay != nil && f.lay.Pair == [2]string{"af", "med"} })
	if !strings.HasPrefix(strings.TrimSpace(f.lines()[paneTop(f)]), "╭─ Afghan") {
		t.Errorf("after x Afghan is not on the left: %q", f.lines()[paneTop(f)])
	}
	// the same account on both sides is refused
	s.press("a", "enter", "up", "enter")
	s.waitFor("the refusal", contains("choose an account other than the left one"))
	s.press("esc")
}

func TestTopicPickerFilters(t *testing.T) {
	dossiers(t)
	d := embedded
	last := len(d.Topics) - 1
	s := start(t, d, 120, 40)
	s.waitFor("with topic 1", ready(d, 0))
	s.press("t")
	s.waitFor("the topic picker", contains("Topics", render.Clean(d.Topics[last].Title)))
	for _, r := range strings.ToLower(render.Clean(d.Topics[last].Title)) {
		s.press(string(r))
	}
	s.press("enter")
	f := s.waitFor("the last topic", ready(d, last))
	if !contains("topic " + strconv.Itoa(last+1) + "/")(f) {
		t.Errorf("header does not say topic %d", last+1)
	}
}

func TestResize(t *testing.T) {
	dossiers(t)
	for _, d := range []*dossier.Dossier{embedded, hostile} {
		s := start(t, d, 120, 40)
		s.waitFor("with topic 1", ready(d, 0))
		s.press("j", "j")
		for _, sz := range [][2]int{{200, 60}, {80, 24}, {60, 20}, {20, 5}, {1, 1}, {40, 10}, {39, 10}, {79, 30}, {120, 40}} {
			s.tm.Send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			f := s.waitFor("at "+strconv.Itoa(sz[0])+"x"+strconv.Itoa(sz[1]), func(f frame) bool {
				return f.w == sz[0] && f.h == sz[1] && (sz[0] < minWidth || sz[1] < minHeight ||
					f.lay != nil && !contains("rendering…")(f) && f.lay.Width == (&compareView{w: sz[0]}).textWidth())
			})
			if sz[0] < minWidth || sz[1] < minHeight {
				if !contains("≥ 40×10")(f) && !contains("at least 40×10")(f) && sz[0] >= 10 {
					t.Errorf("at %dx%d: no request for a larger window", sz[0], sz[1])
				}
			}
		}
	}
}

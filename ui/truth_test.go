package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// TestDaysAfterFilterElsewhere is the class "a filter set elsewhere then
// days shown": the days view, built before, shows the day's document
// (not "rendering…" forever) after a source filter was set in the sources
// view (keys 2 ← 5 enter 2 on the example), after as-of was turned on in
// the compare view, and after a resize made in another view.
func TestDaysAfterFilterElsewhere(t *testing.T) {
	dossiers(t)
	d := example
	s := vstart(t, d, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("2")
	f := s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	s.press("left")
	f = s.waitFor("the day before", dayReady(f.day-1))
	day := f.day

	s.press("5", "enter")
	s.waitFor("the filter", func(f vframe) bool { return f.active == ViewSources && f.dsr != d })
	s.press("2")
	s.waitFor("the day, filtered", func(f vframe) bool { return dayReady(day)(f) && f.doc.req.d != d })

	s.press("1", "o")
	s.waitFor("as of, in the compare view", func(f vframe) bool {
		return f.active == ViewCompare && strings.Contains(f.text(), "as of")
	})
	s.press("2")
	s.waitFor("the day, as of", func(f vframe) bool { return dayReady(day)(f) && !f.dsr.Selection().AsOf.IsZero() })

	// a resize in another view: the days view lays itself out again for
	// the new width when it is shown
	s.press("1")
	s.waitFor("the compare view", func(f vframe) bool { return f.active == ViewCompare })
	s.tm.Send(tea.WindowSizeMsg{Width: 90, Height: 30})
	s.waitFor("the compare view at 90", func(f vframe) bool { return f.active == ViewCompare && f.w == 90 && f.lay != nil && f.lay.Width < 60 })
	s.press("2")
	s.waitFor("the day at 90 columns", func(f vframe) bool { return dayReady(day)(f) && f.doc.req.width == 88 })
}

// TestSearchJumpSelectsTheTab: below 80 columns the panes are tabs; a
// search jump to a claim of the right-hand account shows that tab.
func TestSearchJumpSelectsTheTab(t *testing.T) {
	dossiers(t)
	s := vstart(t, example, 60, 20)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("/")
	s.typeText("shown a map")
	s.waitFor("matches", func(f vframe) bool {
		return strings.Contains(f.text(), "shown a map") && !strings.Contains(f.text(), "no match")
	})
	s.press("enter")
	f := s.waitFor("the jump", func(f vframe) bool {
		return f.active == ViewCompare && f.nav.Focus == FocusRight && strings.Contains(f.text(), "[Downstream]")
	})
	if !strings.Contains(f.text(), "never shown a map") {
		t.Errorf("the match is not on screen:\n%s", f.text())
	}
}

// TestMarkerNeverOnAPlaceholder is the class "marker never on a
// placeholder": walking the rows of a topic with either pane focused, the
// cursor ▌ is drawn only on lines of a claim, never on "· no counterpart"
// or on the blank padding of a shorter claim, and enter opens the claim it
// marks.
func TestMarkerNeverOnAPlaceholder(t *testing.T) {
	dossiers(t)
	s := vstart(t, example, 120, 40)
	f := s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	rows := len(f.lay.Rows)
	check := func(f vframe) {
		text := f.text()
		if strings.Contains(text, "▌·") || strings.Contains(text, "▌ ·") {
			t.Errorf("the cursor marks a placeholder:\n%s", text)
		}
		r := f.lay.Rows[f.nav.Row]
		side := f.nav.Focus
		if !r.Cells[side].Shown() {
			side = side.Other()
		}
		if got, want := strings.Count(text, "▌"), r.Heights[side]; got != want {
			t.Errorf("the cursor marks %d lines, the claim takes %d:\n%s", got, want, text)
		}
	}
	for _, focus := range []string{"", "tab"} {
		if focus != "" {
			s.press(focus)
		}
		s.press("g")
		for i := 0; i < rows; i++ {
			s.press("}")
			f = s.waitFor("a row", func(f vframe) bool { return f.active == ViewCompare && f.lay != nil })
			check(f)
		}
	}
}

// TestProvenanceShowsTheWholeClaim: the provenance of the longest claim
// holds every word of it (rendered, no raw backticks), and scrolls.
func TestProvenanceShowsTheWholeClaim(t *testing.T) {
	dossiers(t)
	m := New(Options{Dossier: embedded, Style: render.StyleNoTTY, Width: 80, Height: 24})
	var long *dossier.Claim
	acct := ""
	for ti := range embedded.Topics {
		for si, sec := range embedded.Topics[ti].Sections {
			for ci := range sec.Claims {
				c := &embedded.Topics[ti].Sections[si].Claims[ci]
				if long == nil || len(c.Text) > len(long.Text) {
					long, acct = c, sec.Account
				}
			}
		}
	}
	p := newProvenance(m.c, ProvenanceMsg{Claim: long, Account: acct})
	box := p.Box(80, 20)
	text := ansi.Strip(strings.Join(p.lines, " "))
	for _, w := range strings.Fields(inline(long.Text)) {
		if w == ">" || w == "-" {
			continue // Markdown: drawn as a quote bar, a bullet
		}
		if !strings.Contains(text, w) {
			t.Errorf("the provenance lacks %q", w)
		}
	}
	if strings.Contains(text, "`") {
		t.Error("raw backticks in the provenance")
	}
	if !p.scrolls || len(box) != 20 {
		t.Errorf("a long provenance in 20 lines: scrolls %v, %d lines", p.scrolls, len(box))
	}
}

package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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

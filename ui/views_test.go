package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/dossier-dev/dossier/dossier"
)

// TestViewGoldens compares each view at 120x40, ANSI stripped, with
// testdata/TestViewGoldens/<case>.golden (refresh with go test -update).
// They use the format's example dossier, which does not change with the
// content.
func TestViewGoldens(t *testing.T) {
	dossiers(t)
	d := example
	last := len(d.Days) - 1
	cases := []struct {
		name string
		keys []string
		cond func(vframe) bool
	}{
		{"days", []string{"2"}, func(f vframe) bool { return dayReady(3)(f) && strings.Contains(f.text(), "Both sides agree") }},
		{"days-first", []string{"2", "h", "h", "h"}, dayReady(0)},
		{"days-last", []string{"2", "l"}, dayReady(last)},
		{"days-disagree", []string{"2", "h"}, func(f vframe) bool {
			return dayReady(2)(f) && strings.Contains(f.text(), "9h (Gazette) ≠ 11h (Radio Downstream)")
		}},
		// "o" waits until the step to 3 Mar has landed (see below): the
		// notice it shows is worked out for the day it was pressed on.
		{"days-as-of", []string{"2", "h", "@day=2", "o"}, func(f vframe) bool {
			return dayReady(2)(f) && strings.Contains(f.text(), "as of 3 Mar: 4 of 8 claims")
		}},
		{"days-topic", []string{"2", "}"}, func(f vframe) bool {
			return dayReady(3)(f) && strings.Contains(f.text(), "▌  The technical committee")
		}},
		{"delegations", []string{"3"}, showing(ViewDelegations, "Ana Mora", "Minister of Water")},
		{"delegations-claims", []string{"3", "j", "j", "j", "enter"}, showing(ViewDelegations, "claims naming Lena Varga")},
		{"demands", []string{"4"}, showing(ViewDemands, "demands · ", "response:")},
		{"demands-party", []string{"4", "p"}, showing(ViewDemands, "Upstream Republic · any status")},
		{"sources", []string{"5"}, showing(ViewSources, "grade", "supports:")},
		{"sources-filtered", []string{"5", "enter"}, showing(ViewSources, "Gazette only", "● Gazette")},
		{"discrepancies", []string{"5", "d"}, showing(ViewDiscrepancies, "given by:")},
		{"search", []string{"/", "f", "l", "o", "w"}, func(f vframe) bool {
			return strings.Contains(f.text(), "matches") && strings.Contains(f.text(), "/ flow")
		}},
		{"compare-filtered", []string{"5", "j", "j", "enter", "1"}, func(f vframe) bool {
			return f.active == ViewCompare && strings.Contains(f.text(), "Radio Downstream only") && f.lay != nil && f.lay.Dossier == f.dsr
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := vstart(t, d, 120, 40)
			s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
			for _, k := range tc.keys {
				// "@day=N" is not a key: it waits until day N is shown, so
				// that the keys after it see that day.
				if n, ok := strings.CutPrefix(k, "@day="); ok {
					s.waitFor("day "+n, dayReady(int(n[0]-'0')))
					continue
				}
				s.press(k)
			}
			f := s.waitFor("for "+tc.name, tc.cond)
			golden.RequireEqual(t, f.text())
		})
	}
}

// TestViewsFit draws every view, with its overlays and steps, at 80x24
// and 200x60 on the real and the hostile dossier; vstart checks every
// frame drawn is exactly the terminal's size.
func TestViewsFit(t *testing.T) {
	dossiers(t)
	for _, size := range [][2]int{{80, 24}, {200, 60}, {120, 40}} {
		for name, d := range map[string]*dossier.Dossier{"embedded": embedded, "hostile": hostile} {
			t.Run(name+"-"+ansi.Strip(string(rune('0'+size[0]/40))), func(t *testing.T) {
				s := vstart(t, d, size[0], size[1])
				s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
				s.press("2")
				s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
				s.press("h", "h", "}", "j", "pgdown", "tab", "o", "l", "o")
				s.press("3", "j", "enter", "j", "esc", "4", "p", "s", "j", "5", "j", "enter", "d", "5", "c")
				s.press("/", "a", "enter", "ctrl+n", "ctrl+p", "esc")
				s.press("1", "enter", "esc", "q")
				s.waitFor("the end", func(f vframe) bool { return f.active == ViewCompare })
			})
		}
	}
}

// TestDaysEveryDay steps from the first day to the last and checks that
// each shows its events, and both accounts' claims about it.
func TestDaysEveryDay(t *testing.T) {
	dossiers(t)
	d := embedded
	pair := defaultPair(d)
	s := vstart(t, d, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("2")
	f := s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	for range f.day {
		s.press("left")
	}
	f = s.waitFor("the first day", dayReady(0))
	for i, day := range d.Days {
		if i > 0 {
			s.press("right")
			f = s.waitFor("day "+day.ID, dayReady(i))
		}
		if !strings.Contains(f.text(), day.Date.Format("Mon 2 Jan 2006")) {
			t.Errorf("%s: the title is not shown", day.ID)
		}
		if f.doc.Events != len(day.Events) {
			t.Errorf("%s: %d events laid out, want %d", day.ID, f.doc.Events, len(day.Events))
		}
		if len(day.Events) > 0 && !strings.Contains(f.text(), words(day.Events[0].Text, 3)) {
			t.Errorf("%s: the first event %q is not on screen:\n%s", day.ID, words(day.Events[0].Text, 3), f.text())
		}
		var want [2]int
		var firsts [2]string
		for _, top := range d.Topics {
			for side, acct := range pair {
				cs := claimsAbout(&top, acct, day.ID)
				want[side] += len(cs)
				if len(cs) > 0 && firsts[side] == "" {
					firsts[side] = words(cs[0].Text, 3)
				}
			}
		}
		if f.doc.Claims != want {
			t.Errorf("%s: claims laid out %v, want %v", day.ID, f.doc.Claims, want)
		}
		if want == ([2]int{}) {
			continue
		}
		// the first topic of the day: both accounts side by side
		s.press("}")
		f = s.waitFor(day.ID+", its first topic", func(f vframe) bool {
			return dayReady(i)(f) && strings.Contains(f.text(), "▌  ")
		})
		for side, w := range firsts {
			if w != "" && !strings.Contains(f.text(), w) && !sideShows(f, side, d, pair, day.ID) {
				t.Errorf("%s: %s's first claim (%q) is not on screen:\n%s", day.ID, pair[side], w, f.text())
			}
		}
		if !strings.Contains(f.text(), "claims: Pakistani │ Afghan") {
			t.Errorf("%s: the accounts are not named", day.ID)
		}
	}
}

// sideShows reports whether the first topic block of the day shows a
// claim of that side (the first claim of the day may be in a later topic
// than the first block when only the other side speaks in the first).
func sideShows(f vframe, side int, d *dossier.Dossier, pair [2]string, day string) bool {
	if len(f.doc.Blocks) == 0 {
		return false
	}
	t, _ := d.Topic(f.doc.Blocks[0].Topic)
	cs := claimsAbout(t, pair[side], day)
	return len(cs) == 0 || strings.Contains(f.text(), words(cs[0].Text, 3))
}

// claimOnlyOn returns a claim of the default pair whose every source was
// published on date (by SourceDate), and its topic index.
func claimOnlyOn(d *dossier.Dossier, date string) (string, int) {
	pair := defaultPair(d)
	for ti, t := range d.Topics {
		for _, sec := range t.Sections {
			if sec.Account != pair[0] && sec.Account != pair[1] {
				continue
			}
			for _, cl := range sec.Claims {
				only := len(cl.Sources) > 0
				for _, s := range cl.Sources {
					if d.SourceDate(s).Format("2006-01-02") != date {
						only = false
					}
				}
				if only {
					return cl.ID, ti
				}
			}
		}
	}
	return "", -1
}

// TestAsOfHidesLaterReports checks that a claim sourced only on 29 Oct is
// hidden as of 26 Oct (and 28 Oct), and shown as of 29 Oct and when the
// toggle is off.
func TestAsOfHidesLaterReports(t *testing.T) {
	dossiers(t)
	d := embedded
	id, ti := claimOnlyOn(d, "2025-10-29")
	if id == "" {
		t.Fatal("no claim of the default pair is sourced only on 29 Oct")
	}
	d26, _ := d.DayIndex("oct26")
	d28, _ := d.DayIndex("oct28")
	d29, _ := d.DayIndex("oct29")
	s := vstart(t, d, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("2")
	f := s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	for range f.day - d26 {
		s.press("h")
	}
	s.waitFor("26 Oct", dayReady(d26))
	s.press("o", "1")
	for range ti {
		s.press("]")
	}
	onTopic := func(f vframe) bool {
		return f.active == ViewCompare && f.lay != nil && f.lay.Dossier == f.dsr && f.nav.Topic == ti && f.lay.Topic == d.Topics[ti].ID
	}
	f = s.waitFor("the claim's topic as of 26 Oct", onTopic)
	if !strings.Contains(f.text(), "as of 26 Oct") {
		t.Errorf("the header does not say as of 26 Oct:\n%s", f.text())
	}
	if f.lay.RowOf(id) >= 0 {
		t.Errorf("claim %s, sourced on 29 Oct, is shown as of 26 Oct", id)
	}
	for _, tc := range []struct {
		day   int
		shown bool
	}{{d28, false}, {d29, true}} {
		s.press("2")
		s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays })
		for range tc.day - d26 {
			s.press("l")
		}
		s.waitFor("the day", dayReady(tc.day))
		d26 = tc.day
		s.press("1")
		f = s.waitFor("the claim's topic", onTopic)
		if got := f.lay.RowOf(id) >= 0; got != tc.shown {
			t.Errorf("as of %s claim %s shown = %v, want %v", d.Days[tc.day].ID, id, got, tc.shown)
		}
	}
	s.press("2", "h", "1") // as of 28 Oct: hidden again; then off
	s.waitFor("hidden again", func(f vframe) bool { return onTopic(f) && f.lay.RowOf(id) < 0 })
	s.press("o")
	f = s.waitFor("the toggle off", func(f vframe) bool { return onTopic(f) && f.dsr == d })
	if f.lay.RowOf(id) < 0 || strings.Contains(f.text(), "as of") {
		t.Errorf("with the toggle off claim %s is hidden or the header still says as of", id)
	}
}

// TestSearchLands searches for "Torkham", "drone" and "Kalin" and checks
// that enter lands on the right place.
func TestSearchLands(t *testing.T) {
	dossiers(t)
	d := embedded
	next, _ := d.TopicIndex("next")
	air, _ := d.TopicIndex("airspace")
	s := vstart(t, d, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })

	// Torkham: a claim of the last topic, then the event of the last day
	s.press("/")
	s.typeText("Torkham")
	s.waitFor("matches", func(f vframe) bool { return strings.Contains(f.text(), "matches") })
	s.press("enter")
	f := s.waitFor("the claim", func(f vframe) bool {
		return f.active == ViewCompare && f.lay != nil && f.lay.Topic == "next" && f.nav.Topic == next && f.query == "Torkham"
	})
	row := f.lay.Rows[f.nav.Row]
	if !claimSays(d, row.IDs, "Torkham") {
		t.Errorf("the current row %v does not mention Torkham", row.IDs)
	}
	if !strings.Contains(f.content, d.Topics[0].Title[:0]+"Torkham") {
		t.Errorf("Torkham is not on screen")
	}
	// each search starts empty; ↑ recalls the last one
	s.press("/")
	s.waitFor("an empty search box", func(f vframe) bool { return strings.Contains(f.text(), "↑ recalls “Torkham”") })
	s.press("up")
	s.waitFor("the search box", func(f vframe) bool { return strings.Contains(f.text(), "/ Torkham") })
	var dayIdx = -1
	for i, day := range d.Days {
		for _, e := range day.Events {
			if strings.Contains(e.Text, "Torkham") {
				dayIdx = i
			}
		}
	}
	s.press("down", "enter")
	s.waitFor("the day of the event", func(f vframe) bool { return dayReady(dayIdx)(f) && strings.Contains(f.text(), "Torkham") })

	// drone: the topic on airspace and drones; n walks its claims
	s.press("esc", "/", "backspace")
	s.waitFor("an empty search box", func(f vframe) bool { return strings.Contains(f.text(), "type to search") })
	s.typeText("drone")
	s.waitFor("matches", func(f vframe) bool {
		return strings.Contains(f.text(), "/ drone") && strings.Contains(f.text(), "matches")
	})
	s.press("enter")
	s.waitFor("the drones topic", func(f vframe) bool {
		return f.active == ViewCompare && f.nav.Topic == air && f.lay != nil && f.lay.Topic == "airspace"
	})
	s.press("ctrl+n")
	f = s.waitFor("the next match", func(f vframe) bool { return strings.HasPrefix(f.status, "match 2 of ") })
	if f.nav.Topic != air {
		t.Errorf("n went to topic %d, want %d (the next match is a claim on drones)", f.nav.Topic, air)
	}

	// Kalin: İbrahim Kalın in the delegations view
	s.press("esc", "/")
	for range "drone" {
		s.press("backspace")
	}
	s.typeText("Kalin")
	s.waitFor("matches", func(f vframe) bool { return strings.Contains(f.text(), "Kalın") })
	s.press("enter")
	f = s.waitFor("Kalın", func(f vframe) bool { return f.active == ViewDelegations && f.cursor >= 0 })
	if f.items[f.cursor] != "İbrahim Kalın" || !strings.Contains(f.text(), "› İbrahim Kalın") {
		t.Errorf("the cursor is on %q, want İbrahim Kalın", f.items[f.cursor])
	}
}

// claimSays reports whether one of the claims holds text.
func claimSays(d *dossier.Dossier, ids [2]string, text string) bool {
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for _, c := range s.Claims {
				if (c.ID == ids[0] || c.ID == ids[1]) && strings.Contains(c.Text, text) {
					return true
				}
			}
		}
	}
	return false
}

func TestHighlight(t *testing.T) {
	dossiers(t)
	m := New(Options{Dossier: embedded, Width: 80, Height: 24})
	m.c.Query = newQuery(m.c, "kalin")
	in := []string{"\x1b[1mİbrahim Kalın\x1b[m hosted, KALIN said   ", "nothing here        "}
	out := m.highlight(in)
	if ansi.Strip(out[0]) != ansi.Strip(in[0]) || out[1] != in[1] {
		t.Errorf("highlight changed the text: %q", out)
	}
	if out[0] == in[0] || strings.Count(out[0], m.c.Styles.Selected.Render("Kalın")) != 1 || !strings.Contains(out[0], m.c.Styles.Selected.Render("KALIN")) {
		t.Errorf("matches not highlighted: %q", out[0])
	}
	if m.c.Method.StringWidth(out[0]) != m.c.Method.StringWidth(in[0]) {
		t.Errorf("width changed")
	}
}

// TestViewsMouse clicks a tab in the header and a row of a table.
func TestViewsMouse(t *testing.T) {
	dossiers(t)
	s := vstart(t, embedded, 120, 40)
	f := s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	header := f.lines()[0]
	i := strings.LastIndex(header, " 3 ")
	x := ansi.StringWidth(header[:i+1])
	s.tm.Send(tea.MouseClickMsg{X: x, Y: 0, Button: tea.MouseLeft})
	f = s.waitFor("the delegations view", showing(ViewDelegations, "Shahab Aslam"))
	for y, l := range f.lines() {
		if strings.Contains(l, "Anas Haqqani") {
			s.tm.Send(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
			break
		}
	}
	f = s.waitFor("Anas Haqqani chosen", func(f vframe) bool { return f.cursor >= 0 && f.items[f.cursor] == "Anas Haqqani" })
	i = strings.LastIndex(f.lines()[0], " 2 ")
	s.tm.Send(tea.MouseClickMsg{X: ansi.StringWidth(f.lines()[0][:i+1]), Y: 0, Button: tea.MouseLeft})
	f = s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	// a click on the first day of the strip selects it
	for x, r := range []rune(f.lines()[1]) {
		if r != ' ' {
			s.tm.Send(tea.MouseClickMsg{X: x, Y: 1, Button: tea.MouseLeft})
			break
		}
	}
	s.waitFor("the first day", dayReady(0))
}

// TestDiscrepanciesFromProvenance opens the discrepancies view with d from
// the provenance of a claim that touches one.
func TestDiscrepanciesFromProvenance(t *testing.T) {
	dossiers(t)
	s := vstart(t, example, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("}", "enter")
	s.waitFor("the provenance", func(f vframe) bool { return strings.Contains(f.text(), "d opens them") })
	s.press("d")
	f := s.waitFor("the discrepancies view", showing(ViewDiscrepancies, "given by:"))
	if f.cursor < 0 || f.items[f.cursor] != "day2-length" {
		t.Errorf("the cursor is on %d of %v, want day2-length", f.cursor, f.items)
	}
}

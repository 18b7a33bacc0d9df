package ui

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// The second example of the format (docs/example/straits-talks): three
// accounts, one a mediator's, a rest day, a disputed day, names in
// Japanese, Hebrew and Icelandic with aliases.
var (
	straitsOnce sync.Once
	straits     *dossier.Dossier
)

func loadStraits(t testing.TB) *dossier.Dossier {
	t.Helper()
	straitsOnce.Do(func() {
		d, probs := dossier.Load(os.DirFS("../docs/example/straits-talks"))
		if d == nil || len(probs) > 0 {
			panic("straits example: " + probs.Err().Error())
		}
		straits = d
	})
	return straits
}

// vstartThree is vstart with a third account beside the dossier's pair.
func vstartThree(t *testing.T, d *dossier.Dossier, w, h int, third string) *vsession {
	t.Helper()
	o := Options{Dossier: d, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h, Third: third}
	return &vsession{t: t, tm: startProgram(t, New(o), w, h)}
}

// TestStraitsGoldens drives the reader over the second example at
// 180x50 (three panes side by side), 120x40 (the third a tab) and 60x20,
// ANSI stripped, against testdata/TestStraitsGoldens/<case>.golden. The
// days view opens on the last day of talks, 11 May.
func TestStraitsGoldens(t *testing.T) {
	d := loadStraits(t)
	three := func(f vframe) bool { return f.lay != nil && f.lay.Third == "med" && f.lay.Topic == "quota" }
	cases := []struct {
		name  string
		w, h  int
		third string
		keys  []string
		cond  func(vframe) bool
	}{
		{"three-panes-180x50", 180, 50, "med", nil, func(f vframe) bool {
			return three(f) && strings.Contains(f.text(), "Corvian mediators · The fishing quota")
		}},
		{"three-panes-focus-third-180x50", 180, 50, "med", []string{"tab", "tab"}, func(f vframe) bool {
			return three(f) && strings.Contains(f.text(), "│▌ Corvia MFA B2")
		}},
		{"three-panes-agree-180x50", 180, 50, "med", []string{"]"}, func(f vframe) bool {
			return f.lay != nil && f.lay.Topic == "survey" && f.lay.Third == "med"
		}},
		{"one-sided-180x50", 180, 50, "med", []string{"]", "]"}, func(f vframe) bool {
			return f.lay != nil && f.lay.Topic == "seizure" && f.lay.Third == "med"
		}},
		{"third-tab-120x40", 120, 40, "med", []string{"tab", "tab"}, func(f vframe) bool {
			return f.lay != nil && f.lay.Pair == [2]string{"kai", "med"} && strings.Contains(f.text(), "[Corvian mediators]")
		}},
		{"two-120x40", 120, 40, "", nil, func(f vframe) bool { return f.lay != nil && f.lay.Topic == "quota" }},
		{"tabs-60x20", 60, 20, "med", []string{"tab", "tab"}, func(f vframe) bool {
			return f.lay != nil && f.lay.Pair == [2]string{"kai", "med"} && strings.Contains(f.text(), "[Corvian mediators]")
		}},
		{"days-hours-disc-120x40", 120, 40, "", []string{"2", "h", "h", "h"}, func(f vframe) bool {
			return dayReady(1)(f) && strings.Contains(f.text(), "6h (Kaiyō Shimbun) ⚑ ≠ 8h (Radio Ardon) ⚑")
		}},
		{"days-rest-120x40", 120, 40, "", []string{"2", "h"}, func(f vframe) bool {
			return dayReady(3)(f) && strings.Contains(f.text(), "no talks: rest day")
		}},
		{"days-disputed-180x50", 180, 50, "", []string{"2", "l"}, func(f vframe) bool {
			return dayReady(5)(f) && strings.Contains(f.text(), "in dispute: talks (Radio Ardon) ≠ after (Corvia MFA)")
		}},
		{"days-60x20", 60, 20, "", []string{"2", "h"}, dayReady(3)},
		{"delegations-claims-120x40", 120, 40, "", []string{"3", "enter"}, showing(ViewDelegations, "claims naming Sato Hanako")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := vstartThree(t, d, tc.w, tc.h, tc.third)
			s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
			s.press(tc.keys...)
			f := s.waitFor("for "+tc.name, tc.cond)
			golden.RequireEqual(t, f.text())
		})
	}
}

// Three panes are aligned on the same rows: a claim and its counterparts
// start on the same line in all three, and each gutter carries the mark of
// its neighbouring pair.
func TestThreePanesAligned(t *testing.T) {
	d := loadStraits(t)
	s := vstartThree(t, d, 180, 50, "med")
	f := s.waitFor("three panes", func(f vframe) bool { return f.lay != nil && f.lay.Third == "med" })
	lay := f.lay
	if len(lay.ThirdLines) != lay.Len() || len(lay.ThirdMarks) != len(lay.Marks) {
		t.Fatalf("third pane has %d lines and %d marks, the others %d and %d", len(lay.ThirdLines), len(lay.ThirdMarks), lay.Len(), len(lay.Marks))
	}
	for _, r := range lay.Rows {
		if r.Key == "share" {
			if r.IDs[0] == "" || r.IDs[1] == "" || r.ThirdID == "" {
				t.Errorf("row share does not hold three claims: %+v", r)
			}
		}
	}
	// both gutters of the first row say ≠
	for _, line := range f.lines() {
		if strings.Contains(line, "Kaiyō Shimbun B2") && strings.Count(line, "≠") != 2 {
			t.Errorf("first row %q: want ≠ in both gutters", line)
		}
	}
	// every line of the panes ends at the third pane's border
	for i, l := range f.lines() {
		if (strings.HasPrefix(l, "│") || strings.HasPrefix(l, "╭") || strings.HasPrefix(l, "╰")) &&
			!strings.HasSuffix(l, "│") && !strings.HasSuffix(l, "╮") && !strings.HasSuffix(l, "╯") {
			t.Errorf("line %d does not end at a border: %q", i, l)
		}
	}
	// enter on the third pane opens the mediators' claim
	s.press("tab", "tab", "enter")
	s.waitFor("the provenance of the mediators' claim", func(f vframe) bool {
		return strings.Contains(f.text(), "Corvian Ministry of Foreign Affairs")
	})
}

// The account picker chooses two or three accounts.
func TestPickThreeAccounts(t *testing.T) {
	d := loadStraits(t)
	s := vstartThree(t, d, 180, 50, "")
	s.waitFor("two panes", func(f vframe) bool { return f.lay != nil && f.lay.Third == "" })
	s.press("a", "enter", "enter")
	s.waitFor("the third question", func(f vframe) bool {
		return strings.Contains(f.text(), "A third account beside Kaiyō and Ardon?") &&
			strings.Contains(f.text(), "Corvian mediators (Corvia, mediator)")
	})
	s.press("down", "enter") // Kaiyō is shown: refused
	s.waitFor("the refusal", func(f vframe) bool { return strings.Contains(f.text(), "choose an account not shown yet") })
	s.press("down", "down", "enter")
	s.waitFor("three panes", func(f vframe) bool { return f.lay != nil && f.lay.Third == "med" })
	s.press("a", "enter", "enter", "up", "up", "up", "enter") // the third is preselected; "no third account" is first
	s.waitFor("two panes again", func(f vframe) bool { return f.lay != nil && f.lay.Third == "" })
}

// d in the days view opens the discrepancy of the day (here the hours).
func TestDaysDiscrepancyKey(t *testing.T) {
	d := loadStraits(t)
	s := vstartThree(t, d, 120, 40, "")
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("2", "h", "h", "h") // the days view opens on the last day of talks (11 May)
	s.waitFor("day 1", dayReady(1))
	s.press("d")
	s.waitFor("the discrepancy of the hours", showing(ViewDiscrepancies, "How long did the first day of talks run?"))
}

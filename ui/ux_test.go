package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// uxstart runs the reader on the example dossier with options.
func uxstart(t *testing.T, w, h int, opts ...func(*Options)) *vsession {
	t.Helper()
	dossiers(t)
	o := Options{Dossier: example, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h}
	for _, f := range opts {
		f(&o)
	}
	return &vsession{t: t, tm: startProgram(t, New(o), w, h)}
}

func onOverview(o *Options) { o.View = "overview" }

// TestUXGoldens: the overview, the legend, the discrepancies view with its
// claims, and a history round trip, at 120x40 on the example dossier.
func TestUXGoldens(t *testing.T) {
	cases := []struct {
		name string
		opts []func(*Options)
		keys []string
		cond func(vframe) bool
	}{
		{"overview", []func(*Options){onOverview}, nil,
			showing(ViewOverview, "In the dossier", "Discrepancies that matter most", "Days at a glance")},
		{"overview-first-run", []func(*Options){onOverview, func(o *Options) { o.FirstRun = true }}, nil,
			showing(ViewOverview, "New here? i explains")},
		{"legend", nil, []string{"i"}, func(f vframe) bool {
			return strings.Contains(f.text(), "Legend") && strings.Contains(f.text(), "reliability")
		}},
		{"discrepancies-claims", nil, []string{"6", "}"}, showing(ViewDiscrepancies, "claim touches it", "› Dry-season flows")},
		// discrepancy → its claim → back: the discrepancy again
		{"history-round-trip", nil, []string{"6", "enter", "@compare", "backspace"},
			func(f vframe) bool {
				return f.active == ViewDiscrepancies && f.cursor == 0 && strings.Contains(f.text(), "given by:")
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := uxstart(t, 120, 40, tc.opts...)
			s.waitFor("the first view", func(f vframe) bool { return f.active == ViewOverview || f.lay != nil })
			for _, k := range tc.keys {
				if k == "@compare" {
					s.waitFor("the claim in compare", func(f vframe) bool {
						return f.active == ViewCompare && f.lay != nil && strings.Contains(f.text(), "Upstream says the offer was withdrawn")
					})
					continue
				}
				s.press(k)
			}
			f := s.waitFor(tc.name, tc.cond)
			golden.RequireEqual(t, f.text())
		})
	}
}

// TestNamedTabs: the header of every view at 120 and 80 columns names the
// views as far as room allows, keeps the title, and never runs the
// location into the tabs.
func TestNamedTabs(t *testing.T) {
	for _, w := range []int{120, 80} {
		t.Run(map[int]string{120: "120", 80: "80"}[w], func(t *testing.T) {
			s := uxstart(t, w, 30, onOverview)
			var out []string
			for id := range numViews {
				s.press(string(rune('0' + id)))
				f := s.waitFor(id.String(), func(f vframe) bool { return f.active == id })
				head := f.lines()[0]
				if !strings.Contains(head, id.String()) {
					t.Errorf("%s: the active tab is not named: %q", id, head)
				}
				if !strings.Contains(head, "  ") {
					t.Errorf("%s: nothing parts the location from the tabs: %q", id, head)
				}
				out = append(out, head)
			}
			golden.RequireEqual(t, strings.Join(out, "\n"))
		})
	}
}

// TestFooterKeepsHelp: at 80x24 every view's footer ends with `? help`
// and `q quit`, whatever else it has to drop.
func TestFooterKeepsHelp(t *testing.T) {
	dossiers(t)
	s := vstart(t, embedded, 80, 24)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	for id := range numViews {
		s.press(string(rune('0' + id)))
		f := s.waitFor(id.String(), func(f vframe) bool { return f.active == id })
		lines := f.lines()
		foot := lines[len(lines)-1]
		if !strings.Contains(foot, "? help") || !strings.Contains(foot, "q quit") {
			t.Errorf("%s: the footer drops help or quit: %q", id, foot)
		}
		if strings.Contains(foot, "…") {
			t.Errorf("%s: the footer is cut: %q", id, foot)
		}
	}
}

// TestSearchStartsEmpty: each / starts empty; ↑ brings the last search
// back.
func TestSearchStartsEmpty(t *testing.T) {
	s := uxstart(t, 120, 40)
	s.waitFor("the compare view", func(f vframe) bool { return f.lay != nil })
	s.press("/")
	s.typeText("flow")
	s.waitFor("matches", func(f vframe) bool { return strings.Contains(f.text(), "/ flow") })
	s.press("enter")
	s.waitFor("the match", func(f vframe) bool { return f.query == "flow" })
	s.press("/")
	f := s.waitFor("an empty box", func(f vframe) bool { return strings.Contains(f.text(), "↑ recalls “flow”") })
	if strings.Contains(f.text(), "/ flow") {
		t.Error("the search box starts with the last search in it")
	}
	s.press("up")
	s.waitFor("the last search back", func(f vframe) bool {
		return strings.Contains(f.text(), "/ flow") && strings.Contains(f.text(), "matches")
	})
}

// TestSearchDigitGroups: 1800 finds 1,800 (and is highlighted there).
func TestSearchDigitGroups(t *testing.T) {
	dossiers(t)
	m := New(Options{Dossier: embedded, Width: 120, Height: 40})
	hits := m.c.find("1800", 0)
	found := false
	for _, h := range hits {
		if strings.Contains(h.Doc.Text, "1,800") {
			found = true
			if got := h.Doc.Text[h.Start:h.End]; got != "1,800" {
				t.Errorf("the match is %q, want 1,800", got)
			}
		}
	}
	if !found {
		t.Fatalf("1800 does not find 1,800 (%d hits)", len(hits))
	}
}

// TestSearchFields: source: keeps what the source supports, and with
// words narrows their matches; day: and account: likewise.
func TestSearchFields(t *testing.T) {
	dossiers(t)
	m := New(Options{Dossier: embedded, Width: 120, Height: 40})
	c := m.c
	paj := c.find("source:pajhwok", 0)
	if len(paj) == 0 {
		t.Fatal("source:pajhwok finds nothing")
	}
	claims := 0
	for _, h := range paj {
		ok := false
		for _, id := range h.Doc.Sources {
			if s, _ := c.Base.Source(id); s != nil && strings.Contains(strings.ToLower(s.Outlet), "pajhwok") {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s %q is not Pajhwok's", h.Doc.Kind, h.Doc.Text)
		}
		if h.Doc.Kind == search.KindClaim {
			claims++
		}
	}
	supported := 0
	for _, id := range []string{"pajhwok"} {
		supported = len(c.supported(id))
	}
	if supported > 0 && claims != supported {
		t.Errorf("source:pajhwok lists %d claims, the source supports %d", claims, supported)
	}
	narrow := c.find("source:pajhwok mediators", 0)
	if len(narrow) == 0 || len(narrow) >= len(paj) {
		t.Errorf("words do not narrow a field: %d of %d", len(narrow), len(paj))
	}
	for _, h := range c.find("day:26oct", 0) {
		if days := docDays(c.Base, h.Doc); len(days) == 0 {
			t.Errorf("day:26oct finds %s with no day", h.Doc.Kind)
		}
	}
	for _, h := range c.find("account:afghan", 0) {
		if h.Doc.Account != "af" {
			t.Errorf("account:afghan finds %s of account %q", h.Doc.Kind, h.Doc.Account)
		}
	}
}

// TestNotesScroll: presenter notes longer than the panel scroll with J
// and K at 80x24; at 60x20, too short for the panel, P opens them.
func TestNotesScroll(t *testing.T) {
	dossiers(t)
	pres := func(o *Options) { o.Dossier, o.Role = embedded, RolePresenter }
	s := uxstart(t, 80, 24, pres)
	s.press("right")
	s.waitFor("more notes below", func(f vframe) bool { return strings.Contains(f.text(), "more lines · J/K scroll the notes") })
	s.press("J", "J", "J")
	s.waitFor("scrolled", func(f vframe) bool { return strings.Contains(f.text(), "↑ 3 lines above") })
	s.press("K")
	s.waitFor("scrolled back", func(f vframe) bool { return strings.Contains(f.text(), "↑ 2 lines above") })

	s = uxstart(t, 60, 20, pres)
	s.press("right")
	s.waitFor("the strip", func(f vframe) bool { return strings.Contains(f.text(), "P notes (") })
	s.press("P")
	f := s.waitFor("the notes box", func(f vframe) bool { return strings.Contains(f.text(), "Notes · stop 1/") })
	if !strings.Contains(f.text(), words(embedded.Briefings[0].Stops[0].Notes, 3)) {
		t.Errorf("the box does not show the first stop's notes:\n%s", f.text())
	}
}

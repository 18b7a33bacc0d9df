package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
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

// vsnap makes the frame of a View with the state tests look at, on the
// program's goroutine.
func vsnap(model tea.Model, v tea.View) vframe {
	m := model.(*Model)
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
	return f
}

// vsession is a whole program under test (see session).
type vsession struct {
	t  *testing.T
	tm *testkit.Program[vframe]
}

// vstart runs the reader on d at w×h; when the test ends it checks that
// every frame had exactly the terminal's size and only SGR sequences.
func vstart(t *testing.T, d *dossier.Dossier, w, h int) *vsession {
	t.Helper()
	o := Options{Dossier: d, Cache: render.NewCache(), Style: render.StyleDark, Width: w, Height: h}
	return &vsession{t: t, tm: startProgram(t, New(o), w, h)}
}

// checkSize is checkFrame (testkit.NonSGR already lets a combining mark
// after an ASCII letter, which x/ansi's decoder returns on its own, pass).
func checkSize(t *testing.T, i int, f frame) {
	t.Helper()
	checkFrame(t, i, f)
}

// waitFor waits for a frame drawn after the last press or send that
// satisfies cond. The timeout only bounds a hung test.
func (s *vsession) waitFor(what string, cond func(vframe) bool) vframe {
	s.t.Helper()
	return s.tm.Wait(s.t, what, cond, describe)
}

// press sends keys (see keyMsg), then a barrier.
func (s *vsession) press(keys ...string) { s.tm.Press(keys...) }

// typeText types each character of text, then a barrier.
func (s *vsession) typeText(text string) { s.tm.Type(text) }

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

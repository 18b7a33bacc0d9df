package render

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// TestCounterpartInEveryLayout is the class "a counterpart shown in
// another view": the first Pakistani claim on sanctuaries is "=" with its
// Afghan counterpart in the compare layout, and no layout of a subset (a
// day, a source filter, as of a day) says "no counterpart" beside it.
func TestCounterpartInEveryLayout(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	tp, _ := d.Topic("sanctuaries")
	pair := [2]string{"pk", "af"}
	c := NewCache()
	row := func(l *Compare, id string) (Row, string, string) {
		i := l.RowOf(id)
		if i < 0 {
			t.Fatalf("%s not laid out", id)
		}
		r := l.Rows[i]
		right := ansi.Strip(strings.Join(l.Lines[1][r.Start:r.Start+r.Height], "\n"))
		return r, ansi.Strip(l.Marks[r.Start]), right
	}
	full := c.Compare(d, tp, pair, 50, StyleDark, ansi.WcWidth)
	if _, mark, right := row(full, "sanctuaries/pk/1"); mark != "=" || strings.Contains(right, "no counterpart") {
		t.Errorf("compare: mark %q, right pane:\n%s", mark, right)
	}
	cases := []struct {
		name, want string
		d          *dossier.Dossier
		day        string
	}{
		{"day", "counterpart (no day given):", d, "oct26"},
		{"source filter", "counterpart hidden by the filter (Dawn only)", d.Select(dossier.Selection{Source: "dawn-1027"}), ""},
		{"as of", "not reported by 27 Oct", d.Select(dossier.Selection{AsOf: time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC)}), ""},
	}
	for _, tc := range cases {
		l := c.CompareDay(tc.d, tp, tc.day, pair, 50, StyleDark, ansi.WcWidth)
		_, _, right := row(l, "sanctuaries/pk/1")
		if !strings.Contains(right, tc.want) || strings.Contains(right, "no counterpart") {
			t.Errorf("%s: right pane beside the claim says\n%s\nwant %q", tc.name, right, tc.want)
		}
		if tc.name == "day" && !strings.Contains(right, "written guarantees") {
			t.Errorf("day: the counterpart about no one day is not shown dimmed:\n%s", right)
		}
	}
}

// TestSilentAccountSaysSoOnce: an account with no claim in a topic says
// so once, with no placeholder or mark on every row.
func TestSilentAccountSaysSoOnce(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	for ti := range d.Topics {
		tp := &d.Topics[ti]
		if _, ok := tp.Section("med"); ok {
			continue
		}
		l := NewCache().Compare(d, tp, [2]string{"pk", "med"}, 60, StyleDark, ansi.WcWidth)
		right := ansi.Strip(strings.Join(l.Lines[1], "\n"))
		if strings.Count(right, "The Mediators account says nothing on this topic") != 1 || strings.Contains(right, "no counterpart") {
			t.Errorf("%s: the silent pane says\n%s", tp.ID, right)
		}
		for _, m := range l.Marks {
			if strings.TrimSpace(ansi.Strip(m)) != "" {
				t.Errorf("%s: mark %q beside a silent account", tp.ID, ansi.Strip(m))
				break
			}
		}
		return
	}
	t.Skip("every topic has a Mediators section")
}

// TestEmptyDayNamesTheFilterOnce: a day whose events the filters hide says
// which filter, with its verb once ("no event reported by 26 Oct", not
// "no event reported reported by 26 Oct").
func TestEmptyDayNamesTheFilterOnce(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	cases := []struct {
		sel  dossier.Selection
		want string
	}{
		{dossier.Selection{AsOf: time.Date(2025, 10, 26, 0, 0, 0, 0, time.UTC)}, "no event reported by 26 Oct"},
		{dossier.Selection{Source: "dawn-1027", AsOf: time.Date(2025, 10, 26, 0, 0, 0, 0, time.UTC)}, "no event from Dawn by 26 Oct"},
	}
	for _, tc := range cases {
		l := NewCache().Day(d.Select(tc.sel), DayRequest{Day: "oct26", Pair: [2]string{"pk", "af"}, Width: 100, Wide: true, Method: ansi.WcWidth}, DayChrome{})
		text := ansi.Strip(strings.Join(l.Lines, "\n"))
		if !strings.Contains(text, tc.want) || strings.Contains(text, "reported reported") {
			t.Errorf("as of %v from %q: the day says\n%s\nwant %q", tc.sel.AsOf, tc.sel.Source, text, tc.want)
		}
	}
}

// TestSilentAccountUnmarkedInDay: an account that says nothing on a topic
// leaves its rows unmarked in a day's layout as in the topic's (the days
// view put ◂ beside the evidence Pakistan presented, which compare leaves
// unmarked).
func TestSilentAccountUnmarkedInDay(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	pair := [2]string{"pk", "af"}
	seen := false
	for ti := range d.Topics {
		tp := &d.Topics[ti]
		if d.Relate(tp.ID, pair[:], "").Says[1] != 0 {
			continue
		}
		for _, day := range d.Days {
			l := NewCache().CompareDay(d, tp, day.ID, pair, 50, StyleDark, ansi.WcWidth)
			for _, m := range l.Marks {
				if strings.TrimSpace(ansi.Strip(m)) != "" {
					t.Errorf("%s on %s: mark %q beside an account silent on the topic", tp.ID, day.ID, ansi.Strip(m))
				}
			}
			seen = seen || len(l.Rows) > 0
		}
	}
	if !seen {
		t.Skip("no topic on which the Afghan account is silent has claims on a day")
	}
}

package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// TestDayGlanceTakesNoSide: the overview's line for a day whose status is
// in dispute says so; it does not give the day the phase one side gives it.
func TestDayGlanceTakesNoSide(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs)
	}
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	seen := false
	for i := range d.Days {
		day := &d.Days[i]
		if day.Status != dossier.DayDisputed {
			continue
		}
		seen = true
		got := m.c.dayGlance(day)
		if !strings.Contains(got, "dispute") {
			t.Errorf("the glance of %s, a day in dispute, does not say so: %q", day.ID, got)
		}
		if strings.Contains(got, "· "+day.Phase.String()+" ·") {
			t.Errorf("the glance of %s takes a side (%s): %q", day.ID, day.Phase, got)
		}
	}
	if !seen {
		t.Skip("the embedded dossier has no day in dispute")
	}
}

// TestOverviewAsOfHidesHindsight: as of a day, the overview shows nothing
// reported later: no outcome or summary written after the talks, and the
// days at a glance count only the events known then.
func TestOverviewAsOfHidesHindsight(t *testing.T) {
	d := defaultDossier(t)
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	for i := range d.Days {
		if d.Days[i].ID == "oct26" {
			m.c.Day = i
		}
	}
	m.toggleAsOf()
	var text []string
	for _, l := range m.c.overviewLines(116) {
		text = append(text, ansi.Strip(l.text))
	}
	got := strings.Join(text, "\n")
	for _, leak := range []string{"Tarar announced", "29 Oct  Failure announced · after · 5 events", "(in dispute)", "Every report makes"} {
		if strings.Contains(got, leak) {
			t.Errorf("as of 26 Oct the overview shows %q:\n%s", leak, got)
		}
	}
	if !strings.Contains(got, "not shown as of 26 Oct") {
		t.Errorf("as of 26 Oct the overview does not say the outcome is held back:\n%s", got)
	}
}

// TestStripFilesDisputedDayAlone: the days strip draws a rule on both
// sides of a day in dispute, so it is grouped with neither the talks nor
// the days after (28 Oct sat after the rule, with 29 Oct, as "after").
func TestStripFilesDisputedDayAlone(t *testing.T) {
	d := defaultDossier(t)
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	lines, _ := m.c.strip(118)
	top := ansi.Strip(lines[0])
	i28, i29 := strings.Index(top, "28 Oct"), strings.Index(top, "29 Oct")
	if i28 < 0 || i29 < 0 {
		t.Fatalf("strip: %q", top)
	}
	if !strings.Contains(top[i28:i29], "┊") {
		t.Errorf("no rule between the disputed 28 Oct and 29 Oct:\n%s", strings.Join(lines, "\n"))
	}
}

// TestLegendExplainsTheStrip: every mark the days strip draws (⚑ after a
// day, "talks?" or "?" for a day in dispute, the rule ┊, the cut ends ‹ ›)
// is explained by the legend.
func TestLegendExplainsTheStrip(t *testing.T) {
	d := defaultDossier(t)
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	legend := ansi.Strip(strings.Join(m.c.legend(80), "\n"))
	seen := map[string]bool{}
	for _, w := range []int{118, 40} { // 40: the strip scrolls, with ‹ ›
		for day := range d.Days {
			m.c.Day = day
			lines, _ := m.c.strip(w)
			for _, l := range lines {
				for _, f := range strings.Fields(ansi.Strip(l)) {
					for _, r := range f {
						if strings.ContainsRune("⚑┊‹›?≠", r) {
							seen[string(r)] = true
						}
					}
					if strings.HasSuffix(f, "?") || f == "rest" {
						seen[f] = true
					}
				}
			}
		}
	}
	for mark := range seen {
		if !strings.Contains(legend, mark) {
			t.Errorf("the strip draws %q; the legend does not explain it", mark)
		}
	}
	for _, must := range []string{"⚑", "┊", "talks?"} {
		if !seen[must] {
			t.Errorf("the strip drew no %q: the test no longer sees it", must)
		}
	}
}

// TestDayTitleCutMarked: on a narrow terminal the day's title line is cut
// with "…", not mid-word unmarked ("… and the night of 27/28 · t").
func TestDayTitleCutMarked(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 60, 20)
	s.press("2")
	f := s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	for _, l := range strings.Split(f.text(), "\n") {
		if strings.Contains(l, "Oct 2025 · ") {
			if l = strings.TrimRight(l, " "); ansi.StringWidth(l) >= 59 && !strings.HasSuffix(l, "…") {
				t.Errorf("the day's title is cut unmarked: %q", l)
			}
			return
		}
	}
	t.Errorf("no day title in\n%s", f.text())
}

// TestLegendNamesThisDossier: the legend's examples come from the dossier
// shown; the example dossier's legend named the embedded one's sources
// ("PK sources", "Dawn B2").
func TestLegendNamesThisDossier(t *testing.T) {
	d, probs := dossier.Load(os.DirFS("../docs/example/water-talks"))
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	text := ansi.Strip(strings.Join(append(m.c.legend(80), m.c.helpNotes()...), "\n"))
	for _, other := range []string{"PK sources", "AF-side report", "Dawn"} {
		if strings.Contains(text, other) {
			t.Errorf("the water talks' legend names %q:\n%s", other, text)
		}
	}
}

// TestCompareSummaryHeldAsOf: the compare view's line of topic summary,
// written after the talks, is not shown as of a day.
func TestCompareSummaryHeldAsOf(t *testing.T) {
	d := defaultDossier(t)
	tp := d.Topics[0]
	if tp.Summary == "" {
		t.Skip("the first topic has no summary")
	}
	first := words(tp.Summary, 4)
	s := vstart(t, d, 120, 40)
	s.press("1")
	s.waitFor("the summary", showing(ViewCompare, first))
	s.press("2", "left", "o", "1")
	f := s.waitFor("compare as of a day", showing(ViewCompare, "as of 26 Oct"))
	if strings.Contains(f.text(), first) {
		t.Errorf("as of 26 Oct the compare view shows the topic's summary:\n%s", f.text())
	}
}

// TestSearchHitSaysWhoseClaim: a claim's search result says whose claim
// it is even when its head is cut ("≠ claim in compare · Militant
// sanctuar…" lost the account).
func TestSearchHitSaysWhoseClaim(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 120, 40)
	s.waitFor("the first view", func(f vframe) bool { return f.content != "" })
	s.press("/")
	s.typeText("surprised")
	f := s.waitFor("the matches", func(f vframe) bool { return strings.Contains(f.text(), "claim in compare") })
	for _, l := range strings.Split(f.text(), "\n") {
		if strings.Contains(l, "claim in compare") && !strings.Contains(l, "Pakistani claim") && !strings.Contains(l, "Afghan claim") {
			t.Errorf("a claim's result does not say whose claim it is: %q", l)
		}
	}
}

// TestNoteQuoteCutMarked: the note editor quotes the claim on one line;
// cut, it ends in "…" (it stopped mid-word: "and princi").
func TestNoteQuoteCutMarked(t *testing.T) {
	s, _, _ := openExample(t, 60, 24)
	s.press("n")
	f := s.waitFor("the editor", contains("Note on"))
	for _, l := range f.lines() {
		if i := strings.Index(l, "Officials told"); i >= 0 {
			q := strings.TrimRight(strings.SplitN(l[i:], "│", 2)[0], " ")
			if !strings.HasSuffix(q, "…") {
				t.Errorf("the quote is cut unmarked: %q", q)
			}
			return
		}
	}
	t.Errorf("no quote in the editor:\n%s", strings.Join(f.lines(), "\n"))
}

// TestDiscrepancyOpenSaysWhereItGoes: a discrepancy tied to no claim,
// topic or day does not promise "enter opens its topic or day", and the
// footer lists no enter or {/} that would do nothing; one tied to a day
// says enter opens the day.
func TestDiscrepancyOpenSaysWhereItGoes(t *testing.T) {
	d := defaultDossier(t)
	if x := d.Discrepancies[0]; x.Topic != "" || x.Day != "" {
		t.Skip("the first discrepancy is tied to a topic or day")
	}
	s := vstart(t, d, 120, 40)
	s.press("6")
	f := s.waitFor("the discrepancies", showing(ViewDiscrepancies, "No claim, topic or day is tied to it."))
	lines := strings.Split(f.text(), "\n")
	if foot := lines[len(lines)-1]; strings.Contains(foot, "enter") || strings.Contains(foot, "choose claim") {
		t.Errorf("the footer offers keys that do nothing here: %q", foot)
	}
	if d.Discrepancies[1].Day != "" && d.Discrepancies[1].Topic == "" {
		s.press("j")
		s.waitFor("the next", showing(ViewDiscrepancies, "enter opens its day.", "enter open day"))
	}
}

// TestHelpListsEachKeyOnce: the ? overlay lists a key once in every view
// (the days view listed d as "discrepancy of the day" and again as
// "discrepancies"), and the days view lists a, which works there.
func TestHelpListsEachKeyOnce(t *testing.T) {
	d := defaultDossier(t)
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	for id := ViewOverview; id <= ViewDiscrepancies; id++ {
		m.show(id)
		seen := map[string]string{}
		for _, g := range m.fullHelp() {
			for _, b := range g {
				k, what := b.Help().Key, b.Help().Desc
				if prev, ok := seen[k]; ok {
					t.Errorf("view %v: %s listed as %q and as %q", id, k, prev, what)
				}
				seen[k] = what
			}
		}
		if id == ViewDays && seen["a"] == "" {
			t.Error("the days view's help does not list a (accounts)")
		}
	}
}

// TestOverviewEveryViewHinted: each line of "In the dossier" says what its
// view holds after the digit (3 and 4 had a bare digit).
func TestOverviewEveryViewHinted(t *testing.T) {
	d := defaultDossier(t)
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	for _, l := range m.c.overviewLines(116) {
		if l.jump == nil || !strings.HasPrefix(l.key, "view/") {
			continue
		}
		text := strings.TrimRight(ansi.Strip(l.text), " ")
		if last := text[len(text)-1]; last >= '0' && last <= '9' {
			t.Errorf("%s: a bare digit with no hint: %q", l.key, text)
		}
	}
}

// TestLegendExplainsSourceMark: view 5 marks the filtered source with ●;
// the legend explains it.
func TestLegendExplainsSourceMark(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 120, 40)
	s.press("5", "enter")
	s.waitFor("the filtered source marked", showing(ViewSources, "● "))
	m := New(Options{Dossier: d, Width: 120, Height: 40})
	if !strings.Contains(ansi.Strip(strings.Join(m.c.legend(80), "\n")), "●") {
		t.Error("view 5 marks the filtered source with ●; the legend does not explain it")
	}
}

// TestDelegationsAsOfTitles: as of a day, the delegations view lists
// members' titles without the parts a later report gave them.
func TestDelegationsAsOfTitles(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 120, 40)
	s.press("2")
	s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays })
	s.press("o", "3")
	f := s.waitFor("delegations as of 27 Oct", showing(ViewDelegations, "as of 27 Oct", "Nusrat"))
	if strings.Contains(f.text(), "(MNTV)") {
		t.Errorf("as of 27 Oct a title names MNTV (29 Oct):\n%s", f.text())
	}
}

// defaultDossier loads the embedded dossier.
func defaultDossier(t *testing.T) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs)
	}
	return d
}

// TestProvenanceAsOfCounterpart: as of a day, the provenance says of a
// counterpart not yet reported what the compare view's placeholder says
// ("not reported by 27 Oct"), not "none in the Afghan account not
// reported by 27 Oct".
func TestProvenanceAsOfCounterpart(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 120, 40)
	s.press("2")
	s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays })
	s.press("o", "1")
	s.waitFor("compare as of 27 Oct", showing(ViewCompare, "not reported by 27 Oct"))
	s.press("enter")
	f := s.waitFor("the provenance", showing(ViewCompare, "Provenance", "counterpart: "))
	if !strings.Contains(f.text(), "counterpart: not reported by 27 Oct (the Afghan account)") || strings.Contains(f.text(), "none in the") {
		t.Errorf("the provenance's counterpart line:\n%s", f.text())
	}
}

// TestDiscrepancyKeySaysWhyFromEveryView: d from a view whose marked
// thing has no discrepancy says so (from delegations it went to the list
// silently, the first fact selected as if it were the member's).
func TestDiscrepancyKeySaysWhyFromEveryView(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 120, 40)
	s.press("3")
	s.waitFor("delegations", func(f vframe) bool { return f.active == ViewDelegations })
	s.press("d")
	s.waitFor("the list, saying why", showing(ViewDiscrepancies, "nothing marked here is disputed"))
}

// TestHelpListsEveryKeyWhenNarrow: at 60x20 the ? overlay showed only the
// first two columns of keys (the rest cut to "…"); it stacks and scrolls,
// so paging down reaches the last key.
func TestHelpListsEveryKeyWhenNarrow(t *testing.T) {
	d := defaultDossier(t)
	s := vstart(t, d, 60, 20)
	s.press("1")
	s.waitFor("compare", func(f vframe) bool { return f.active == ViewCompare })
	s.press("?")
	s.waitFor("the keys", showing(ViewCompare, "Keys", "more lines"))
	s.press("pgdown", "pgdown", "pgdown")
	s.waitFor("the last keys", showing(ViewCompare, "only what is new", "esc or ? to close"))
}

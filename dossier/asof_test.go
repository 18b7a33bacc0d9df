package dossier

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/content"
)

// asOfFiles is a dossier whose sources are dated 27 and 29 October, with
// undated sources relayed through each, and one undated source known
// directly.
var asOfFiles = map[string]string{
	"sources.md": `---
sources:
  - {id: s27, outlet: S27, reliability: B, date: 2025-10-27}
  - {id: s29, outlet: S29, reliability: C, date: 2025-10-29}
  - {id: r27, outlet: R27, reliability: C, via: s27}
  - {id: r29, outlet: R29, reliability: C, via: s29}
  - {id: rr29, outlet: RR29, reliability: C, via: r29}
  - {id: own, outlet: Own, reliability: C, date: 2025-10-26, via: s29}
  - {id: nodate, outlet: ND, reliability: F}
---
`,
	"days.md": `---
days:
  - id: oct26
    date: 2025-10-26
    events:
      - {text: early event, sources: [s27]}
      - {text: late event, sources: [s29]}
  - id: oct29
    date: 2025-10-29
    hours:
      - {hours: 9, text: nine, sources: [s27]}
      - {hours: 11, text: eleven, sources: [r29]}
    events:
      - {text: announced, sources: [s29, nodate]}
---
`,
	"discrepancies.md": `---
discrepancies:
  - id: len
    fact: How long?
    versions:
      - {value: nine, sources: [s27]}
      - {value: eleven, sources: [r29]}
---
`,
	"demands.md": `---
demands:
  - {id: d27, party: a, text: early, sources: [s27]}
  - {id: d29, party: b, text: late, sources: [rr29]}
---
`,
	"topics/t1.md": `---
id: t1
title: Topic
---

## Alpha

- Only on the 29th. [@s29] {#k}
- Both. [@s27; @s29] {#j disc=len}
- Relayed late. [@r29] {.one-sided}

## Beta

- Early. [@s27] {#k}
- Own date. [@own] {#j}
`,
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSourceDate(t *testing.T) {
	d, probs := Load(mapFS(asOfFiles))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	for id, want := range map[string]string{
		"s27": "2025-10-27", "r27": "2025-10-27", "r29": "2025-10-29", "rr29": "2025-10-29",
		"own": "2025-10-26", // a date of its own wins over the relay's
	} {
		if got := d.SourceDate(id); !got.Equal(date(want)) {
			t.Errorf("SourceDate(%s) = %v, want %s", id, got, want)
		}
	}
	for _, id := range []string{"nodate", "missing"} {
		if got := d.SourceDate(id); !got.IsZero() {
			t.Errorf("SourceDate(%s) = %v, want zero", id, got)
		}
	}
	if d.KnownBy([]string{"r29"}, date("2025-10-28")) {
		t.Error("a source relayed through one of 29 Oct is known on 28 Oct")
	}
	if !d.KnownBy([]string{"r29"}, date("2025-10-29")) {
		t.Error("a source relayed through one of 29 Oct is not known on 29 Oct")
	}
	if !d.Supports("s29", []string{"s27", "rr29"}) || d.Supports("s27", []string{"r29"}) {
		t.Error("Supports does not follow the relays")
	}
}

// claimIDs returns the ids of the claims of d, in order.
func claimIDs(d *Dossier) []string {
	var ids []string
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for _, c := range s.Claims {
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

func TestSelectAsOf(t *testing.T) {
	d, probs := Load(mapFS(asOfFiles))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	all := claimIDs(d)
	tests := []struct {
		asOf   string
		claims []string
		events [2]int // events kept on oct26 and oct29
		hours  int    // hours reports kept on oct29
		disc   int
		dem    []string
	}{
		{"2025-10-25", nil, [2]int{0, 1}, 0, 0, nil},
		// a claim sourced only on 29 Oct is hidden as of 26 Oct (and 28)
		{"2025-10-26", []string{"t1/b/2"}, [2]int{0, 1}, 0, 0, nil},
		{"2025-10-28", []string{"t1/a/2", "t1/b/1", "t1/b/2"}, [2]int{1, 1}, 1, 0, []string{"d27"}},
		{"2025-10-29", all, [2]int{2, 1}, 2, 1, []string{"d27", "d29"}},
	}
	for _, tt := range tests {
		s := d.Select(Selection{AsOf: date(tt.asOf).Add(20 * time.Hour)})
		if got := claimIDs(s); !equal(got, tt.claims) {
			t.Errorf("as of %s: claims %v, want %v", tt.asOf, got, tt.claims)
		}
		if got := [2]int{len(s.Days[0].Events), len(s.Days[1].Events)}; got != tt.events {
			t.Errorf("as of %s: events %v, want %v", tt.asOf, got, tt.events)
		}
		if got := len(s.Days[1].Hours); got != tt.hours {
			t.Errorf("as of %s: %d hours reports, want %d", tt.asOf, got, tt.hours)
		}
		if got := len(s.Discrepancies); got != tt.disc {
			t.Errorf("as of %s: %d discrepancies, want %d", tt.asOf, got, tt.disc)
		}
		var dem []string
		for _, x := range s.Demands {
			dem = append(dem, x.ID)
			if got, ok := s.Demand(x.ID); !ok || got.ID != x.ID {
				t.Errorf("as of %s: Demand(%s) lookup broken", tt.asOf, x.ID)
			}
		}
		if !equal(dem, tt.dem) {
			t.Errorf("as of %s: demands %v, want %v", tt.asOf, dem, tt.dem)
		}
		if len(s.Topics) != len(d.Topics) || len(s.Days) != len(d.Days) || len(s.Sources) != len(d.Sources) {
			t.Errorf("as of %s: topics, days or sources dropped", tt.asOf)
		}
	}
	// what stays loses its later citations, and the gone discrepancy
	s := d.Select(Selection{AsOf: date("2025-10-28")})
	both := s.Topics[0].Sections[0].Claims[0]
	if both.ID != "t1/a/2" || !equal(both.Sources, []string{"s27"}) || len(both.Discrepancies) != 0 {
		t.Errorf("as of 28 Oct the claim citing both is %s %v %v, want t1/a/2 [s27] []", both.ID, both.Sources, both.Discrepancies)
	}
	if _, ok := s.Discrepancy("len"); ok {
		t.Error("a discrepancy with one known version is still found")
	}
	// the original is untouched
	if got := claimIDs(d); len(got) != 5 || len(d.Topics[0].Sections[0].Claims[1].Sources) != 2 || len(d.Demands) != 2 {
		t.Errorf("Select modified the dossier: %v", got)
	}
}

func TestSelectSource(t *testing.T) {
	d, probs := Load(mapFS(asOfFiles))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	s := d.Select(Selection{Source: "s29"})
	if got, want := claimIDs(s), []string{"t1/a/1", "t1/a/2", "t1/a/3", "t1/b/2"}; !equal(got, want) {
		t.Errorf("supported by s29: %v, want %v", got, want)
	}
	if len(s.Discrepancies) != 1 || len(s.Discrepancies[0].Versions) != 2 {
		t.Errorf("the discrepancy s29 takes part in should stay with both versions: %+v", s.Discrepancies)
	}
	if len(s.Demands) != 1 || s.Demands[0].ID != "d29" {
		t.Errorf("demands supported by s29: %+v", s.Demands)
	}
	if d.Select(Selection{}) != d {
		t.Error("the zero selection copies the dossier")
	}
	both := d.Select(Selection{Source: "s29", AsOf: date("2025-10-28")})
	if got := claimIDs(both); len(got) != 1 || got[0] != "t1/b/2" {
		t.Errorf("s29 as of 28 Oct: %v, want only t1/b/2 (own date)", got)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// BenchmarkSelect derives the embedded dossier as of a day, as the
// reader does when "as of" is on and the day changes.
func BenchmarkSelect(b *testing.B) {
	d, probs := Load(content.Default())
	if d == nil {
		b.Fatal(probs.Err())
	}
	asOf := date("2025-10-28")
	b.ReportAllocs()
	for b.Loop() {
		d.Select(Selection{AsOf: asOf})
	}
}

// TestAsOfDisputedDayTakesNoSide: as of a day when a disputed day's
// readings were not all known, the day is not filed under the author's
// phase: with one reading known it is what that reading says, with none
// it stays an open question.
func TestAsOfDisputedDayTakesNoSide(t *testing.T) {
	d, probs := Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	base, ok := d.Day("oct28")
	if !ok || base.Status != DayDisputed {
		t.Skip("the embedded dossier has no disputed 28 Oct")
	}
	at := func(day int) *Day {
		s := d.Select(Selection{AsOf: time.Date(2025, 10, day, 0, 0, 0, 0, time.UTC)})
		got, _ := s.Day("oct28")
		return got
	}
	if got := at(26); got.Status != DayDisputed || got.Kind() != "in dispute" {
		t.Errorf("as of 26 Oct (no reading known) 28 Oct is %q, status %v", got.Kind(), got.Status)
	}
	// as of 28 Oct only the reports of that day are known: "after"
	if got := at(28); got.Status != DayPlain || got.Phase != PhaseAfter {
		t.Errorf("as of 28 Oct 28 Oct is %q", got.Kind())
	}
	if got := at(29); got.Status != DayDisputed || len(got.Readings) < 2 {
		t.Errorf("as of 29 Oct 28 Oct is %q, want it in dispute", got.Kind())
	}
	// MNTV alone reads it as a day of talks
	s := d.Select(Selection{Source: "mntv-1029"})
	if got, _ := s.Day("oct28"); got.Phase != PhaseTalks || got.Status != DayPlain {
		t.Errorf("from MNTV only, 28 Oct is %q (phase %v)", got.Kind(), got.Phase)
	}
}

// TestAsOfDropsCredWeighedOnLaterSources: as of a day, a claim some of
// whose sources were not yet published loses its credibility digit (it
// showed "Dawn C1", confirmed by other sources, as of 27 Oct when Dawn
// was the only one); a claim that keeps all its sources keeps it.
func TestAsOfDropsCredWeighedOnLaterSources(t *testing.T) {
	d, probs := Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	asOf := time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC)
	s := d.Select(Selection{AsOf: asOf})
	trimmed, kept := 0, 0
	for ti, tp := range s.Topics {
		for si, sec := range tp.Sections {
			for _, cl := range sec.Claims {
				var full *Claim
				for i := range d.Topics[ti].Sections[si].Claims {
					if c := &d.Topics[ti].Sections[si].Claims[i]; c.ID == cl.ID {
						full = c
					}
				}
				switch {
				case len(cl.Sources) < len(full.Sources):
					trimmed++
					if cl.Cred != 0 {
						t.Errorf("%s: as of 27 Oct it keeps credibility %d weighed on %v", cl.ID, cl.Cred, full.Sources)
					}
				case cl.Cred != full.Cred:
					t.Errorf("%s: all its sources known, its credibility changed %d → %d", cl.ID, full.Cred, cl.Cred)
				default:
					kept++
				}
			}
		}
	}
	if trimmed == 0 || kept == 0 {
		t.Skipf("no claim trimmed (%d) or kept whole (%d) as of 27 Oct", trimmed, kept)
	}
}

// TestAsOfMemberTitleParts: as of a day, a member's title gathered from
// several reports loses the parts naming a report not yet published
// (Nusrat's "Deputy Defense Minister (MNTV)" as of 27 Oct, when only Dawn
// had written).
func TestAsOfMemberTitleParts(t *testing.T) {
	d, probs := Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatal(probs)
	}
	s := d.Select(Selection{AsOf: time.Date(2025, 10, 27, 0, 0, 0, 0, time.UTC)})
	found := false
	for _, del := range s.Delegations {
		for _, m := range del.Members {
			if strings.Contains(m.Title, "(MNTV)") {
				t.Errorf("as of 27 Oct %s's title names MNTV (29 Oct): %q", m.Name, m.Title)
			}
			if m.Name == "Noorur Rahman Nusrat" {
				found = true
				if m.Title != "senior Taliban figure (Dawn)" {
					t.Errorf("as of 27 Oct Nusrat's title is %q", m.Title)
				}
			}
		}
	}
	if !found {
		t.Skip("no Nusrat as of 27 Oct")
	}
	if full := d.Delegations; len(full) > 0 && !strings.Contains(fmtTitles(full), "(MNTV)") {
		t.Error("the dossier as loaded lost its titles")
	}
}

func fmtTitles(ds []Delegation) string {
	var b strings.Builder
	for _, del := range ds {
		for _, m := range del.Members {
			b.WriteString(m.Title + "\n")
		}
	}
	return b.String()
}

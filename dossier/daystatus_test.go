package dossier

import (
	"slices"
	"strings"
	"testing"
)

// daysFS is base with a days.md of the given days (YAML list items). A
// day on 4 Jan gets a source s4 of that date for its events: citing only
// earlier sources they would be anachronisms, which check warns of.
func daysFS(days string) map[string]string {
	files := map[string]string{"days.md": "---\ndays:\n" + days + "---\n"}
	if strings.Contains(days, "2030-01-04") {
		files["sources.md"] = `---
sources:
  - {id: s1, outlet: S1, reliability: B, date: 2030-01-02}
  - {id: s2, outlet: S2, reliability: C, date: 2030-01-03}
  - {id: s4, outlet: S4, reliability: C, date: 2030-01-04}
---
`
	}
	return files
}

func TestDayStatus(t *testing.T) {
	cases := []struct {
		name string
		days string
		want []string
	}{
		{"rest day needs no hours", `  - id: d1
    date: 2030-01-02
    hours: [{hours: 5, sources: [s1]}]
    events: [{text: E, sources: [s1]}]
  - id: d2
    date: 2030-01-03
    status: rest
    events: [{text: No talks; the delegations stay in their hotels, sources: [s2]}]
`, nil},
		{"talk day without hours still warned", `  - id: d1
    date: 2030-01-02
    events: [{text: E, sources: [s1]}]
`, []string{
			"days.md:3:5: warning: talk day 'd1' has no report of the hours of talks (status: rest for a day without talks, status: disputed when sources disagree)",
		}},
		{"disputed day after end, phase after", `  - id: d3
    date: 2030-01-04
    status: disputed
    versions:
      - {as: talks, text: a third day of talks, sources: [s1]}
      - {as: after, text: the talks ended the day before, sources: [s2]}
    events: [{text: E, sources: [s4]}]
`, nil},
		{"disputed day filed under talks after end: no phase warning", `  - id: d3
    date: 2030-01-04
    phase: talks
    status: disputed
    versions:
      - {as: talks, sources: [s1]}
      - {as: after, sources: [s2]}
    events: [{text: E, sources: [s4]}]
`, nil},
		{"day after end with a communiqué is neither", `  - id: d3
    date: 2030-01-04
    events: [{text: A joint communiqué, sources: [s1, s2, s4]}]
`, nil},
		{"phase contradicting the dates still warned", `  - id: d3
    date: 2030-01-04
    phase: talks
    events: [{text: E, sources: [s4]}]
`, []string{
			"days.md:3:5: warning: talk day 'd3' has no report of the hours of talks (status: rest for a day without talks, status: disputed when sources disagree)",
			"days.md:5:12: warning: phase talks does not match the date: the talks run from 2030-01-02 to 2030-01-03",
		}},
		{"disputed with one reading", `  - id: d3
    date: 2030-01-04
    status: disputed
    versions:
      - {as: talks, sources: [s1]}
      - {as: talks, sources: [s2]}
    events: [{text: E, sources: [s4]}]
`, []string{
			"days.md:3:5: error: disputed day 'd3' needs at least two different versions (list each reading with its sources: versions: [{as: talks, sources: [a]}, {as: after, sources: [b]}])",
		}},
		{"versions without disputed", `  - id: d1
    date: 2030-01-02
    status: rest
    versions:
      - {as: talks, sources: [s1]}
      - {as: rest, sources: [s2]}
    events: [{text: E, sources: [s1]}]
`, []string{
			"days.md:7:9: error: day 'd1' has versions but its status is not disputed (add status: disputed)",
		}},
		{"unknown status and reading", `  - id: d1
    date: 2030-01-02
    status: off
    hours: [{hours: 5, sources: [s1]}]
    events: [{text: E, sources: [s1, s2]}]
  - id: d2
    date: 2030-01-03
    status: disputed
    versions:
      - {as: talk, sources: [s1]}
      - {as: rest}
    events: [{text: E, sources: [s2]}]
`, []string{
			"days.md:5:13: error: unknown day status 'off' (status is rest (no talks that day) or disputed (sources disagree; list them under versions))",
			"days.md:8:5: error: disputed day 'd2' needs at least two different versions (list each reading with its sources: versions: [{as: talks, sources: [a]}, {as: after, sources: [b]}])",
			"days.md:12:14: error: unknown reading 'talk' of a day (as is one of talks, rest, before, after)",
			"days.md:13:9: error: day version has no source (say who reads the day so: sources: [id])",
		}},
		{"rest day outside the talks, with hours", `  - id: d0
    date: 2030-01-01
    status: rest
    hours: [{hours: 3, sources: [s1]}]
    events: [{text: E, sources: [s1, s2]}]
`, []string{
			"days.md:3:5: warning: rest day 'd0' is not in the talks (phase before) (a rest day is a day inside the talks without talks; leave status out for a day before the talks)",
			"days.md:6:13: warning: rest day 'd0' has a report of 3 hours of talks (if sources disagree whether talks were held, use status: disputed)",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Load(mapFS(daysFS(tc.days)))
			got := problemStrings(probs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(tc.want, "\n      "))
			}
		})
	}
}

func TestDayKind(t *testing.T) {
	d, probs := Load(mapFS(daysFS(`  - id: d1
    date: 2030-01-02
    status: rest
    events: [{text: E, sources: [s1]}]
  - id: d2
    date: 2030-01-04
    status: disputed
    versions:
      - {as: talks, sources: [s1]}
      - {as: after, sources: [s2]}
    events: [{text: E, sources: [s1]}]
`)))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	for i, want := range []string{"rest day", "in dispute: talks or after"} {
		if got := d.Days[i].Kind(); got != want {
			t.Errorf("day %d kind = %q, want %q", i, got, want)
		}
		if d.Days[i].HeldTalks() {
			t.Errorf("day %d: HeldTalks", i)
		}
	}
	if d.Days[1].Phase != PhaseAfter || d.Days[1].Status != DayDisputed || len(d.Days[1].Readings) != 2 {
		t.Errorf("day 2 = %+v", d.Days[1])
	}
}

func TestDiscOnEventsAndHours(t *testing.T) {
	files := daysFS(`  - id: d1
    date: 2030-01-02
    hours:
      - {hours: 5, sources: [s1], disc: len}
      - {hours: 7, sources: [s2], disc: [len]}
    events:
      - {text: E, sources: [s1], disc: [len, walkout]}
      - {text: F, sources: [s2], disc: [lenn]}
`)
	files["discrepancies.md"] = `---
discrepancies:
  - id: len
    fact: How long?
    versions:
      - {value: five hours, sources: [s1]}
      - {value: seven hours, sources: [s2]}
  - id: walkout
    fact: A walk-out?
    day: d1
    versions:
      - {value: yes, sources: [s1]}
      - {value: no, sources: [s2]}
---
`
	_, probs := Load(mapFS(files))
	want := []string{"days.md:10:41: error: unknown discrepancy 'lenn' (did you mean 'len'?)"}
	if got := problemStrings(probs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	files["days.md"] = strings.Replace(files["days.md"], "lenn", "len", 1)
	d, probs := Load(mapFS(files))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	day := d.Days[0]
	if !slices.Equal(day.Hours[0].Discrepancies, []string{"len"}) || !slices.Equal(day.Hours[1].Discrepancies, []string{"len"}) ||
		!slices.Equal(day.Events[0].Discrepancies, []string{"len", "walkout"}) {
		t.Errorf("day = %+v", day)
	}
	if got := d.DayDiscrepancies("d1"); !slices.Equal(got, []string{"len", "walkout"}) {
		t.Errorf("DayDiscrepancies = %v", got)
	}
	// as of a selection that drops a discrepancy, the references go too
	sel := d.Select(Selection{Source: "s1"})
	if sel.Days[0].Events[0].Discrepancies == nil {
		t.Error("selection dropped a discrepancy s1 supports")
	}
}

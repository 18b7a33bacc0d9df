package dossier

import (
	"maps"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/content"
)

// TestMixedDateResponseAsOf is the class "a mixed-date response under
// as-of": a response split into {text, sources} parts shows, as of a day,
// only the parts reported by then; the old one-text form still loads.
func TestMixedDateResponseAsOf(t *testing.T) {
	files := maps.Clone(asOfFiles)
	files["demands.md"] = `---
demands:
  - id: split
    party: a
    text:
      - {text: Early demand., sources: [s27]}
      - {text: Later detail (S29)., sources: [s29]}
    response:
      - {text: Refused at once (S27)., sources: [s27]}
      - {text: "Refused again, by S29's account.", sources: [s29]}
    sources: [s27]
  - id: old
    party: b
    text: One text
    response: One response
    sources: [s29]
---
`
	files["discrepancies.md"] = `---
discrepancies:
  - id: len
    fact: How long?
    versions:
      - value: nine
        sources: [s27]
        note:
          - {text: said on the 27th}
          - {text: repeated by S29 on the 29th, sources: [s29]}
      - {value: eleven, sources: [s29]}
      - {value: ten, sources: [s27]}
---
`
	d, probs := Load(mapFS(files))
	if d == nil {
		t.Fatal(probs)
	}
	x, _ := d.Demand("split")
	if x.Text != "Early demand. Later detail (S29)." || x.Response != "Refused at once (S27). Refused again, by S29's account." {
		t.Errorf("as loaded: %q / %q", x.Text, x.Response)
	}
	if strings.Join(x.Sources, ",") != "s27,s29" {
		t.Errorf("the demand's sources %v, want its own and its parts'", x.Sources)
	}
	if old, _ := d.Demand("old"); old.Response != "One response" || old.ResponseParts != nil {
		t.Errorf("the one-text form: %+v", old)
	}
	early := d.Select(Selection{AsOf: date("2025-10-27")})
	x, ok := early.Demand("split")
	if !ok || x.Text != "Early demand." || x.Response != "Refused at once (S27)." || strings.Contains(x.Response, "S29") {
		t.Errorf("as of 27 Oct: %q / %q", x.Text, x.Response)
	}
	if _, ok := early.Demand("old"); ok {
		t.Error("as of 27 Oct a demand reported on the 29th is shown")
	}
	disc, ok := early.Discrepancy("len")
	if !ok || disc.Versions[0].Note != "said on the 27th" {
		t.Errorf("as of 27 Oct, the note of a version: %+v", disc)
	}
	late := d.Select(Selection{AsOf: date("2025-10-29")})
	if x, _ := late.Demand("split"); x.Response != "Refused at once (S27). Refused again, by S29's account." {
		t.Errorf("as of 29 Oct: %q", x.Response)
	}
}

// TestCheckAnachronism: check warns, with file:line, of a claim, an event
// or an hours report about a day later than every source it cites.
func TestCheckAnachronism(t *testing.T) {
	_, probs := Load(mapFS(map[string]string{
		"days.md": `---
days:
  - id: d1
    date: 2030-01-02
    hours: [{hours: 5, sources: [s1]}]
    events: [{text: E, sources: [s1]}]
  - id: d2
    date: 2030-01-03
    hours: [{hours: 6, sources: [s1]}]
    events: [{text: Reported the day before, sources: [s1]}, {text: Fine, sources: [s1, s2]}]
---
`,
		"topics/t1.md": `---
id: t1
title: Topic
---

## Alpha

- Claim a. [@s1] {#k .agree day=d2}

## Beta

- Claim b. [@s2] {#k day=d2}
`,
	}))
	var got []string
	for _, p := range problemStrings(probs) {
		if strings.Contains(p, "later than every source") {
			got = append(got, p)
		}
	}
	want := []string{
		"days.md:9:13: warning: hours report is about 3 Jan 2030, later than every source it cites (the latest, 's1', is dated 2 Jan 2030) (check the day (day=…), or cite a source published on or after it)",
		"days.md:10:14: warning: event is about 3 Jan 2030, later than every source it cites (the latest, 's1', is dated 2 Jan 2030) (check the day (day=…), or cite a source published on or after it)",
		"topics/t1.md:8:3: warning: claim is about 3 Jan 2030, later than every source it cites (the latest, 's1', is dated 2 Jan 2030) (check the day (day=…), or cite a source published on or after it)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBuiltinDemandsAsOf: as of 27 Oct, no demand of the built-in dossier
// names in its text or response an outlet first dated later (MNTV, 29 Oct;
// the Pakistani-sources and Afghan-side reports, 28 Oct).
func TestBuiltinDemandsAsOf(t *testing.T) {
	d, probs := Load(content.Default())
	if d == nil {
		t.Fatal(probs)
	}
	early := d.Select(Selection{AsOf: date("2025-10-27")})
	if len(early.Demands) == 0 {
		t.Fatal("no demand known as of 27 Oct")
	}
	for _, x := range early.Demands {
		for _, later := range []string{"MNTV", "PK sources", "Pakistani-sources", "Afghan-side", "NationPress", "Tarar"} {
			if strings.Contains(x.Text+" "+x.Response, later) {
				t.Errorf("as of 27 Oct, demand %s names %s: %q / %q", x.ID, later, x.Text, x.Response)
			}
		}
	}
}

// TestAsOfHidesTextNamingALaterSource: as of a day, a claim that cites a
// later source by name in its text is hidden whole (it tells what was not
// yet known); one that only cites it shows with the earlier badge.
func TestAsOfHidesTextNamingALaterSource(t *testing.T) {
	files := maps.Clone(asOfFiles)
	files["topics/t1.md"] = `---
id: t1
title: Topic
---

## Alpha

- Early, and S29 later said more. [@s27; @s29] {#k}
- Early, backed later too. [@s27; @s29] {#j}

## Beta

- Early. [@s27] {#k}
- Own date. [@own] {#j}
`
	d, probs := Load(mapFS(files))
	if d == nil {
		t.Fatal(probs)
	}
	got := claimIDs(d.Select(Selection{AsOf: date("2025-10-27")}))
	if strings.Contains(strings.Join(got, " "), "t1/a/1") || !strings.Contains(strings.Join(got, " "), "t1/a/2") {
		t.Errorf("as of 27 Oct: claims %v; want t1/a/2 and not t1/a/1 (its text names S29)", got)
	}
}

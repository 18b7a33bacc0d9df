package dossier

import (
	"strings"
	"testing"
)

// Found by the hardening corpus (internal/hostile): strconv.ParseFloat reads
// "NaN", and NaN < 0 and NaN > 24 are both false, so an hours figure of NaN
// passed the range check into the model, where a timeline bar would turn it
// into a nonsense width.
func TestHoursNaNRefused(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "+Inf", "-inf", ".nan"} {
		d, probs := Load(mapFS(map[string]string{"days.md": "---\ndays:\n  - {id: d1, date: 2030-01-02, hours: [{hours: " + v +
			", text: x, sources: [s1]}], events: [{text: e, sources: [s1]}]}\n---\n"}))
		want := "hours must be a number from 0 to 24, not '" + v + "'"
		if d != nil || !strings.Contains(strings.Join(problemStrings(probs), "\n"), want) {
			t.Errorf("hours %s: want %q in %v", v, want, problemStrings(probs))
		}
	}
}

// Found by the hardening corpus (internal/hostile): a dossier.md saved with
// a byte order mark (as some Windows editors do) was reported as having no
// front matter.
func TestByteOrderMarkIgnored(t *testing.T) {
	files := map[string]string{}
	for name, s := range base {
		files[name] = "\ufeff" + s
	}
	d, probs := Load(mapFS(files))
	if d == nil || len(probs) != 0 {
		t.Fatalf("a BOM at the start of every file: %v", problemStrings(probs))
	}
	// Positions on the first line count from the first character after it.
	_, probs = Load(mapFS(map[string]string{"sources.md": "\ufeff---\nsources:\n  - {id: s1, outlet: S1, reliability: B, date: 2030-01-02}\n---\n\x07"}))
	if got := strings.Join(problemStrings(probs), "\n"); !strings.Contains(got, "sources.md:5:1: warning: control character U+0007 removed") {
		t.Errorf("problems: %s", got)
	}
}

// Found by the scaffold's FuzzFiles: a party named "{{{…" (22 braces),
// written by `dossier new` in several places, was refused as nesting too
// deeply; brackets in quoted text and comments are text.
func TestBracketsInQuotesAreText(t *testing.T) {
	braces := strings.Repeat("{", 40)
	d, probs := Load(mapFS(map[string]string{"dossier.md": `---
id: t
title: "T ` + braces + `"
parties:
  - {id: a, name: "` + braces + `"}
  - {id: b, name: '` + braces + ` it''s ` + braces + `'}
accounts: # ` + braces + braces + `
  - {id: a, name: Alpha, party: a, description: "x \" ` + braces + `"}
  - {id: b, name: Beta, party: b}
---
`}))
	if d == nil {
		t.Fatalf("brackets in quotes and comments refused: %v", problemStrings(probs))
	}
	// Real nesting is still refused, after a quote that runs over lines or a
	// block scalar. The bound counts the tokens of the YAML library's own
	// lexer, which the parser then reads: brackets the lexer takes for text
	// (in a quote that never ends, after an apostrophe in a plain scalar)
	// are text to the parser too, and cost it nothing.
	for name, fm := range map[string]string{
		"plain":              "sources: " + strings.Repeat("[", 65),
		"after a multi-line": "note: \"a\n  b\"\nsources: " + strings.Repeat("[", 65),
		"block scalar":       "note: |\n  \"x\nsources: " + strings.Repeat("[", 65),
		"in a flow map":      "sources: " + strings.Repeat("{a: ", 65),
	} {
		_, probs := Load(mapFS(map[string]string{"sources.md": "---\n" + fm + "\n---\n"}))
		if !strings.Contains(strings.Join(problemStrings(probs), "\n"), "nests too deeply") {
			t.Errorf("%s: not refused: %v", name, problemStrings(probs))
		}
	}
	for name, fm := range map[string]string{
		"in an open quote": "sources: \"a\n" + strings.Repeat("[", 65),
		"apostrophe":       "note: it's " + strings.Repeat("[", 65),
	} {
		_, probs := Load(mapFS(map[string]string{"sources.md": "---\n" + fm + "\n---\n"}))
		if strings.Contains(strings.Join(problemStrings(probs), "\n"), "nests too deeply") {
			t.Errorf("%s: text refused as nesting: %v", name, problemStrings(probs))
		}
	}
}

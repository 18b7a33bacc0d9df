package dossier

import (
	"strings"
	"testing"
)

func TestNFCHeadingNamesAccount(t *testing.T) {
	// "Beta" spelt with a decomposed ë (e + U+0308) in the heading, the
	// composed one in dossier.md.
	files := map[string]string{
		"dossier.md":   strings.Replace(base["dossier.md"], "name: Beta", "name: Bëta", 1),
		"topics/t1.md": strings.Replace(base["topics/t1.md"], "## Beta", "## Be\u0308ta", 1),
	}
	d, probs := Load(mapFS(files))
	if d == nil || len(probs) != 0 {
		t.Fatalf("problems: %v", problemStrings(probs))
	}
	if got := d.Topics[0].Sections[1].Account; got != "b" {
		t.Errorf("section account = %q, want b", got)
	}
	if a, _ := d.Account("b"); a.Name != "Bëta" {
		t.Errorf("name = %q, want NFC Bëta", a.Name)
	}
}

func TestNFCIDs(t *testing.T) {
	// A source id written composed in sources.md and decomposed in a
	// citation is the same id.
	files := map[string]string{
		"sources.md":   strings.Replace(base["sources.md"], "id: s2,", "id: sü,", 1),
		"topics/t1.md": strings.Replace(base["topics/t1.md"], "[@s2]", "[@su\u0308]", 1),
	}
	d, probs := Load(mapFS(files))
	if d == nil || len(probs) != 0 {
		t.Fatalf("problems: %v", problemStrings(probs))
	}
}

func TestInvisibleCharacters(t *testing.T) {
	files := map[string]string{
		"sources.md":   "---\nsources:\n  - {id: \"rumour\u200b-blog\", outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n  - {id: s1, outlet: S1, reliability: B}\n---\n",
		"topics/t1.md": strings.Replace(base["topics/t1.md"], "[@s2]", "[@s2\u2066]", 1),
		"days.md":      "---\ndays:\n  - id: d1\n    date: 2030-01-02\n    hours: [{hours: 3, sources: [s1]}]\n    events: [{text: E, sources: [\"s\u200d1\"]}]\n---\n",
	}
	_, probs := Load(mapFS(files))
	want := []string{
		`days.md:6:34: error: source id 's\u200d1' holds an invisible character (U+200D ZERO WIDTH JOINER) (delete it: it draws nothing, so the id looks right but matches nothing)`,
		`sources.md:3:5: warning: source 'rumour\u200b-blog' is never cited`,
		`sources.md:3:10: error: source id 'rumour\u200b-blog' holds an invisible character (U+200B ZERO WIDTH SPACE) (delete it: it draws nothing, so the id looks right but matches nothing typed)`,
		`sources.md:4:5: warning: source 's2' is never cited`,
		`topics/t1.md:12:3: error: claim has no source (cite at least one source: [@id])`,
		`topics/t1.md:12:13: error: citation '@s2\u2066' holds an invisible character (U+2066 LEFT-TO-RIGHT ISOLATE) (delete it: it draws nothing, so the id looks right but matches nothing)`,
	}
	got := problemStrings(probs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	if ValidID("a\u200bb") || !ValidID("dawn-1027") || !ValidID("Südmark") {
		t.Error("ValidID")
	}
}

func TestConfusableIDs(t *testing.T) {
	files := map[string]string{
		// s1 and a Cyrillic "ѕ1" (U+0455) both defined; a citation of a
		// Cyrillic "ѕ2" that is not defined points at the Latin s2.
		"sources.md":   "---\nsources:\n  - {id: s1, outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n  - {id: ѕ1, outlet: S3, reliability: C}\n---\n",
		"topics/t1.md": strings.Replace(base["topics/t1.md"], "[@s2]", "[@s2; @ѕ1; @ѕ2]", 1),
	}
	_, probs := Load(mapFS(files))
	want := []string{
		"sources.md:5:5: warning: source id 'ѕ1' looks the same as 's1' (sources.md:3) but differs ('ѕ1' has Cyrillic 'ѕ' (U+0455) where 's1' has Latin 's')",
		"topics/t1.md:12:24: error: unknown source 'ѕ2' ('ѕ2' has Cyrillic 'ѕ' (U+0455) where 's2' has Latin 's')",
	}
	got := problemStrings(probs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

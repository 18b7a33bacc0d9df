package dossier

import (
	"fmt"
	"strings"
	"testing"
)

// Inputs that would make the parsers crawl are refused before parsing, with
// a message naming the line.
func TestDeepNestingRefused(t *testing.T) {
	topic := func(body string) map[string]string {
		return map[string]string{"topics/t1.md": "---\nid: t1\ntitle: T\n---\n\n## Alpha\n\n- A [@s1] {#k}\n\n## Beta\n\n" + body}
	}
	var stair strings.Builder
	for i := range 70 {
		stair.WriteString(strings.Repeat("  ", i) + "- x [@s2]\n")
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"quotes", topic(strings.Repeat(">", 40) + " x\n"), "topics/t1.md:12:1: error: quotes and lists nest more than 32 deep"},
		{"list markers", topic(strings.Repeat("- ", 33) + "x\n"), "topics/t1.md:12:1: error: quotes and lists nest more than 32 deep"},
		{"ordered markers", topic(strings.Repeat("1. ", 33) + "x\n"), "topics/t1.md:12:1: error: quotes and lists nest more than 32 deep"},
		{"indentation", topic(stair.String()), "topics/t1.md:77:1: error: quotes and lists nest more than 32 deep, or the line is indented more than 128 columns"},
		{"yaml brackets", map[string]string{"sources.md": "---\nsources: " + strings.Repeat("[", 65) + "\n---\n"}, "sources.md:2:1: error: the front matter nests too deeply"},
		{"yaml indentation", map[string]string{"sources.md": "---\nsources:\n" + strings.Repeat(" ", 257) + "- x\n---\n"}, "sources.md:3:1: error: the front matter nests too deeply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs := Load(mapFS(tt.files))
			got := strings.Join(problemStrings(probs), "\n")
			if d != nil || !strings.Contains(got, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, got)
			}
		})
	}
	// Just under the bounds, all is well.
	ok := topic(strings.Repeat("> ", 31) + "x\n")
	if _, probs := Load(mapFS(ok)); strings.Contains(strings.Join(problemStrings(probs), "\n"), "nest") {
		t.Errorf("31 quotes refused: %v", problemStrings(probs))
	}
}

func TestProblemCaps(t *testing.T) {
	_, probs := Load(mapFS(map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: \"S" + strings.Repeat("\x1b", 25) +
		"1\", reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"}))
	ps := problemStrings(probs)
	if len(ps) != 21 || ps[0] != "sources.md: warning: 5 more control characters removed from this file" ||
		ps[1] != "sources.md:3:24: warning: escape character (ESC) removed" {
		t.Errorf("control warnings: %d\n%s", len(ps), strings.Join(ps, "\n"))
	}

	var b strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&b, "- claim %d with no source\n", i)
	}
	d, probs := Load(mapFS(map[string]string{"topics/t1.md": "---\nid: t1\ntitle: T\n---\n\n## Alpha\n\n" + b.String()}))
	if d != nil || len(probs) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d", len(probs), maxProblems+1)
	}
	if got := probs[0].String(); got != "error: 503 more problems not listed below the first 1000" {
		t.Errorf("first problem = %q", got)
	}
}

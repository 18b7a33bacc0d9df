package dossier

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// Hostile inputs of issue 18: each is reported, in words, at its place.
func TestHostileInputsReported(t *testing.T) {
	utf16le := func(s string) string {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	long := strings.Repeat("x", MaxIDLen+1)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"YAML tag on an id", map[string]string{"sources.md": "---\nsources:\n  - {id: !!binary czE=, outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"},
			[]string{"sources.md:3:10: error: YAML tags ('!!binary') are not supported in a dossier; write the value without it"}},
		{"YAML null tag", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: !!null x, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"},
			[]string{"error: YAML tags ('!!null') are not supported"}},
		{"control characters from YAML escapes", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: \"S\\e[2J\\x9b\\0\", reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"},
			[]string{"sources.md:3:22: warning: escape character (ESC) written as a YAML escape removed",
				"sources.md:3:22: warning: control character U+009B written as a YAML escape removed",
				"sources.md:3:22: warning: NUL character written as a YAML escape removed"}},
		{"UTF-16 without a byte order mark", map[string]string{"sources.md": utf16le(base["sources.md"])},
			[]string{"sources.md: error: the file is UTF-16LE (no byte order mark), not UTF-8; save it as UTF-8"}},
		{"UTF-16 with a byte order mark", map[string]string{"sources.md": "\xfe\xff" + utf16le(base["sources.md"])},
			[]string{"sources.md: error: the file is UTF-16BE (byte order mark FE FF), not UTF-8"}},
		{"long id", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n  - {id: " + long + ", outlet: S3, reliability: C}\n---\n"},
			[]string{"error: source id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 65 bytes long; the limit is 64"}},
		{"long alignment key", map[string]string{"topics/t1.md": strings.Replace(base["topics/t1.md"], "{#k .agree", "{#"+long+" .agree", 1)},
			[]string{"error: alignment key 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 65 bytes long; the limit is 64"}},
		{"a day given twice", map[string]string{
			"days.md":      "---\ndays:\n  - {id: d1, date: 2030-01-02, events: [{text: E, sources: [s1]}], hours: [{hours: 1, text: one, sources: [s1]}]}\n---\n",
			"topics/t1.md": strings.Replace(base["topics/t1.md"], "cred=2}", "cred=2 day=d1 day=d1}", 1)},
			[]string{"warning: day 'd1' is given twice on this claim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Load(mapFS(tt.files))
			got := strings.Join(problemStrings(probs), "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
			if strings.Contains(got, "NUL character removed") {
				t.Errorf("NULs reported one by one:\n%s", got)
			}
		})
	}
}

func TestSymlinkChainWorded(t *testing.T) {
	dir := t.TempDir()
	for name, s := range base {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	topics := filepath.Join(dir, "topics")
	if err := os.Rename(filepath.Join(topics, "t1.md"), filepath.Join(topics, "real")); err != nil {
		t.Fatal(err)
	}
	prev := "real"
	for i := range 12 {
		name := "l" + string(rune('a'+i))
		if err := os.Symlink(prev, filepath.Join(topics, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		prev = name
	}
	if err := os.Symlink(prev, filepath.Join(topics, "t1.md")); err != nil {
		t.Fatal(err)
	}
	_, probs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(problemStrings(probs), "\n")
	if !strings.Contains(got, "topics/t1.md: error: symbolic link to 'll' is a loop, or a chain of more than 8 links; refused") ||
		strings.Contains(got, "leaves the dossier folder") {
		t.Errorf("got:\n%s", got)
	}
}

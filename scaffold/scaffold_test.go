package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-dev/dossier/dossier"
)

var day = time.Date(2031, 3, 2, 15, 4, 5, 0, time.UTC)

// loadClean writes a scaffold into a fresh folder, loads it and fails on
// any problem.
func loadClean(t *testing.T, opts Options) *dossier.Dossier {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "new")
	if _, err := Write(dir, opts); err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	d, probs, err := dossier.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%+v: %s", opts.Parties, p)
	}
	if d == nil {
		t.Fatalf("no dossier")
	}
	return d
}

func TestScaffoldLoadsClean(t *testing.T) {
	d := loadClean(t, Options{Title: "The Geneva water talks", Parties: []string{"Upstream Republic", "Downstream Federation"}, Date: day})
	if d.Title != "The Geneva water talks" || d.ID != "the-geneva-water-talks" {
		t.Errorf("title %q id %q", d.Title, d.ID)
	}
	if len(d.Parties) != 2 || d.Parties[0].ID != "upstream-republic" || d.Parties[1].Name != "Downstream Federation" {
		t.Errorf("parties %+v", d.Parties)
	}
	if d.DefaultPair != [2]string{"upstream-republic", "downstream-federation"} {
		t.Errorf("default pair %v", d.DefaultPair)
	}
	if got := d.Start.Format(time.DateOnly); got != "2031-03-02" {
		t.Errorf("start %s", got)
	}
	if len(d.Topics) != 1 || len(d.Briefings) != 1 || len(d.Briefings[0].Stops) != 3 || len(d.Days) != 2 {
		t.Errorf("topics %d, briefings %d, days %d", len(d.Topics), len(d.Briefings), len(d.Days))
	}
	if n := len(d.Sources); n != 3 {
		t.Errorf("%d sources", n)
	}
}

func TestScaffoldNames(t *testing.T) {
	tests := []struct {
		title   string
		parties []string
		ids     []string
	}{
		{"Talks", []string{"A", "B"}, []string{"a", "b"}},
		{"Istanbul, October 2025", []string{"Pakistan", "Islamic Emirate of Afghanistan", "Türkiye", "Qatar"},
			[]string{"pakistan", "islamic-emirate-of-afghanistan", "turkiye", "qatar"}},
		{`Talks in "Dōha": round #2`, []string{"Пакистан", "中国", "한국"}, []string{"пакистан", "中国", "한국"}},
		{"x", []string{"7th [@x] {#k} Fleet", "Côte d'Ivoire"}, []string{"n7th-x-k-fleet", "cote-d-ivoire"}},
		{"x", []string{"a b", "A-B", "A.B", "b-2"}, []string{"a-b", "a-b-2", "a-b-3", "b-2"}},
		{"x", []string{"😀", "🙂", "हिंदी"}, []string{"party-1", "party-2", "हद"}},
		{"x", []string{"  Left\n\tside ", "Right\x1b[31m side\u009b"}, []string{"left-side", "right-31m-side"}},
		{"x", []string{`back\slash "quoted" #hash: colon`, "- dash"}, []string{"back-slash-quoted-hash-colon", "dash"}},
	}
	for _, tt := range tests {
		d := loadClean(t, Options{Title: tt.title, Parties: tt.parties, Date: day})
		if d.Title != clean(tt.title) {
			t.Errorf("title %q, want %q", d.Title, clean(tt.title))
		}
		for i, id := range tt.ids {
			if i >= len(d.Parties) {
				t.Fatalf("%v: %d parties", tt.parties, len(d.Parties))
			}
			if d.Parties[i].ID != id || d.Parties[i].Name != clean(tt.parties[i]) {
				t.Errorf("party %d = %q %q, want %q %q", i, d.Parties[i].ID, d.Parties[i].Name, id, clean(tt.parties[i]))
			}
			if _, ok := d.Topics[0].Section(id); !ok {
				t.Errorf("no topic section for %q", id)
			}
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Upstream Republic": "upstream-republic",
		"Türkiye":           "turkiye",
		"Ærø":               "ærø",
		"ﬁnance":            "finance",
		"  --x--  ":         "x",
		"2025 talks":        "n2025-talks",
		"Пакистан":          "пакистан",
		"!!!":               "",
		"":                  "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	for _, opts := range []Options{
		{Title: "", Parties: []string{"A", "B"}},
		{Title: "  \x1b ", Parties: []string{"A", "B"}},
		{Title: "T", Parties: []string{"A"}},
		{Title: "T", Parties: []string{"A", " ", ""}},
		{Title: "T", Parties: []string{"Iran", "IRAN"}},
	} {
		if _, err := Files(opts); err == nil {
			t.Errorf("Files(%+v) succeeded", opts)
		}
	}
}

func TestWriteRefusesNonEmpty(t *testing.T) {
	opts := Options{Title: "T", Parties: []string{"A", "B"}, Date: day}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, opts); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Write into a non-empty folder: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Errorf("the existing file was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "dossier.md")); err == nil {
		t.Errorf("dossier.md was written into a non-empty folder")
	}
	if _, err := Write(filepath.Join(dir, "notes.txt"), opts); err == nil {
		t.Errorf("Write onto a file succeeded")
	}
	empty := t.TempDir()
	names, err := Write(empty, opts)
	if err != nil || len(names) < 9 {
		t.Errorf("Write into an empty folder: %v, %v", names, err)
	}
}

// TestEveryFileCommented checks that each dossier file explains itself:
// a YAML comment in its front matter, and that the bodies that carry an
// HTML comment close it.
func TestEveryFileCommented(t *testing.T) {
	files, err := Files(Options{Title: "T", Parties: []string{"A", "B"}, Date: day})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"README.md", "briefings/01-overview.md", "days.md", "delegations.md", "demands.md",
		"discrepancies.md", "dossier.md", "sources.md", "topics/01-first-topic.md"}
	if len(files) != len(want) {
		t.Errorf("got %d files, want %d", len(files), len(want))
	}
	for _, name := range want {
		src, ok := files[name]
		if !ok {
			t.Errorf("missing %s", name)
			continue
		}
		if name == "README.md" {
			continue
		}
		parts := strings.SplitN(string(src), "\n---\n", 2)
		if !strings.HasPrefix(parts[0], "---\n") || len(parts) != 2 {
			t.Errorf("%s has no front matter", name)
			continue
		}
		if !strings.Contains(parts[0], "\n# ") {
			t.Errorf("%s: no comment line in the front matter", name)
		}
		if strings.Count(parts[1], "<!--") != strings.Count(parts[1], "-->") {
			t.Errorf("%s: unbalanced HTML comment", name)
		}
	}
}

// FuzzFiles checks that whatever title and names an author types, the
// scaffold is either refused with an error or loads without a problem.
func FuzzFiles(f *testing.F) {
	f.Add("Talks", "A", "B")
	f.Add(`"Dōha": #2`, "7th [@x] {#k}", "a-b")
	f.Add("x", "A B", "a-b")
	f.Fuzz(func(t *testing.T, title, a, b string) {
		files, err := Files(Options{Title: title, Parties: []string{a, b}, Date: day})
		if err != nil {
			return
		}
		fsys := fstest.MapFS{}
		for n, src := range files {
			fsys[n] = &fstest.MapFile{Data: src}
		}
		d, probs := dossier.Load(fsys)
		if len(probs) > 0 || d == nil {
			t.Fatalf("title %q parties %q %q: %v", title, a, b, probs)
		}
	})
}

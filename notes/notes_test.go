package notes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/dossier"
)

var day1 = time.Date(2025, 11, 3, 10, 0, 0, 0, time.UTC)

// example copies the example dossier to a temporary folder, applies edit
// to its flows topic, and loads it.
func example(t *testing.T, edit func(string) string) (*dossier.Dossier, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../docs/example/water-talks")); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		p := filepath.Join(dir, "topics", "01-flows.md")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, probs, err := dossier.LoadDir(dir)
	if err != nil || d == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	return d, dir
}

func TestFormatRoundTrip(t *testing.T) {
	b := &Book{Preamble: Header("Water talks") + "\nMy own words before the entries.\n"}
	b.ToggleBookmark(Anchor{Kind: KindClaim, ID: "flows/up/1", FP: "0a1b2c3d"}, "Officials told the Gazette", day1)
	b.SetNote(Anchor{Kind: KindClaim, ID: "flows/up/1", FP: "0a1b2c3d"}, "Officials told the Gazette",
		"bookmark: this line looks like a field\n\n## and this like a heading\n> a quote inside\n\\## already escaped", day1)
	b.SetNote(Anchor{Kind: KindDay, ID: "mar03"}, "", "Walk-out day.", day1)
	data := Format(b)
	got, err := Parse(data)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, data)
	}
	if got.Preamble != b.Preamble {
		t.Errorf("preamble = %q, want %q", got.Preamble, b.Preamble)
	}
	if len(got.Entries) != 2 {
		t.Fatalf("entries = %d, want 2:\n%s", len(got.Entries), data)
	}
	for i := range got.Entries {
		w, g := b.Entries[i], got.Entries[i]
		g.Line = 0
		if g != w {
			t.Errorf("entry %d:\n got %+v\nwant %+v\nfile:\n%s", i, g, w, data)
		}
	}
	if again := Format(got); string(again) != string(data) {
		t.Errorf("second format differs:\n%s\n---\n%s", again, data)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# Notes\n\n## clam x/y/1\n", "line 3: unknown kind \"clam\""},
		{"## claim a/b/1 @zz\n", "line 1: \"@zz\" is not a fingerprint"},
		{"## day d1\nbookmark: maybe\n", "line 2: bookmark: \"maybe\""},
		{"## day d1\nadded: yesterday\n", "line 2: added: \"yesterday\""},
		{"## day d1\n\nx\n## day d1\n", "line 4: a second entry for day d1 (the first is on line 1)"},
		{"## day d1\nok\n\xff\n", "line 3: bytes that are not UTF-8"},
		{"##\n", "line 1: a heading with nothing"},
		{"## demand\n", "line 1: \"## demand\": an id must follow"},
	} {
		_, err := Parse([]byte(c.in))
		var pe *ParseError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", c.in, err, c.want)
		}
	}
}

func TestHandWrittenFileParses(t *testing.T) {
	in := "# my notes\n\nfree text\n\n## claim flows/up/1\nThe note starts at once.\n\n## day mar03\nbookmark: yes\n"
	b, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].Text != "The note starts at once." || !b.Entries[1].Bookmark || b.Entries[1].Line != 8 {
		t.Errorf("entries = %+v", b.Entries)
	}
}

// A note whose claim was edited stays attached and says so; a note whose
// claim was deleted is kept, orphaned.
func TestLocateEditedAndDeletedClaims(t *testing.T) {
	d, _ := example(t, nil)
	b := &Book{}
	for _, id := range []string{"flows/up/1", "flows/up/2", "flows/down/2"} {
		r, ok := FindClaim(d, id)
		if !ok {
			t.Fatalf("no claim %s", id)
		}
		b.SetNote(Anchor{Kind: KindClaim, ID: id, FP: Fingerprint(r.Claim.Text)}, r.Claim.Text, "note on "+id, day1)
	}
	edited, _ := example(t, func(s string) string {
		s = strings.Replace(s, "40 cubic metres a second", "45 cubic metres a second", 1)
		// delete Downstream's second claim (the quoted aide)
		i := strings.Index(s, "- The Wire quoted a Downstream aide:")
		j := strings.Index(s, "## Mediators")
		return s[:i] + s[j:]
	})
	placed := Locate(b, edited)
	want := map[string]State{"flows/up/1": Changed, "flows/up/2": Attached, "flows/down/2": Orphaned}
	for _, p := range placed {
		if p.State != want[p.Entry.ID] {
			t.Errorf("%s: %v, want %v", p.Entry.ID, p.State, want[p.Entry.ID])
		}
	}
	memo := Memo(edited, b, "Notes", 1)
	for _, s := range []string{"(changed since the note)", "## Orphaned", "note on flows/down/2", "We were never shown a map"} {
		if !strings.Contains(memo, s) {
			t.Errorf("memo lacks %q:\n%s", s, memo)
		}
	}
}

// A claim inserted before another renumbers it; its note follows the text.
func TestLocateFollowsRenumberedClaim(t *testing.T) {
	d, _ := example(t, nil)
	r, _ := FindClaim(d, "flows/up/2")
	b := &Book{}
	b.SetNote(Anchor{Kind: KindClaim, ID: r.Claim.ID, FP: Fingerprint(r.Claim.Text)}, "", "walk-out", day1)
	moved, _ := example(t, func(s string) string {
		return strings.Replace(s, "## Upstream\n\n", "## Upstream\n\n- A new first claim. [@gazette-0303]\n", 1)
	})
	p := Locate(b, moved)[0]
	if p.State != Moved || p.ID != "flows/up/3" {
		t.Errorf("placed = %+v, want moved to flows/up/3", p)
	}
}

func TestSeenFresh(t *testing.T) {
	d, _ := example(t, nil)
	seen := SeenOf(d, day1)
	back, ok := ParseSeen(seen.Format())
	if !ok || !back.When.Equal(day1) || len(back.Claims) != len(seen.Claims) {
		t.Fatalf("seen round trip: %+v", back)
	}
	if f := back.Fresh(d); len(f) != 0 {
		t.Errorf("fresh on the same dossier = %v", f)
	}
	edited, _ := example(t, func(s string) string {
		s = strings.Replace(s, "40 cubic metres a second", "45 cubic metres a second", 1)
		return strings.Replace(s, "## Mediators\n\n", "## Mediators\n\n- A brand new claim. [@un-0305]\n", 1)
	})
	f := back.Fresh(edited)
	if !f["flows/up/1"] || !f["flows/med/1"] || len(f) != 2 {
		t.Errorf("fresh = %v, want flows/up/1 (changed) and flows/med/1 (new)", f)
	}
}

func TestCite(t *testing.T) {
	d, _ := example(t, nil)
	r, _ := FindClaim(d, "flows/down/1")
	got := Cite(d, r)
	for _, s := range []string{"“Radio Downstream said no figure was ever put on paper.”", "— Downstream, on Dry-season flows (claim flows/down/1)",
		"Sources: ", "grade ", "Credibility: 3 — possibly true"} {
		if !strings.Contains(got, s) {
			t.Errorf("Cite lacks %q:\n%s", s, got)
		}
	}
}

func TestStoreAtomicAndLimit(t *testing.T) {
	dir := t.TempDir()
	s := Place{Dir: dir, Limit: 200}.Store("../evil id")
	if !strings.HasPrefix(s.Path, dir+string(filepath.Separator)) || strings.Contains(s.Path, "..") {
		t.Fatalf("path %s escapes %s", s.Path, dir)
	}
	if err := s.Save([]byte("# a\n"), 2); err != nil {
		t.Fatal(err)
	}
	if err := s.Save([]byte("# older\n"), 1); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(s.Path); string(b) != "# a\n" {
		t.Errorf("an older save overwrote a newer one: %q", b)
	}
	if err := s.Save([]byte(strings.Repeat("x", 300)), 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("save over the limit: %v", err)
	}
	ents, _ := os.ReadDir(filepath.Dir(s.Path))
	if len(ents) != 1 {
		t.Errorf("files left: %v", ents)
	}
	if err := os.WriteFile(s.Path, []byte("## nonsense here\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(); err == nil || !strings.Contains(err.Error(), s.Path+":1:") {
		t.Errorf("load of a mangled file: %v", err)
	}
}

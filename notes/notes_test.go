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
	if _, err := s.Save(&Book{Preamble: "# a\n"}, 2); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Save(&Book{Preamble: "# older\n"}, 1); err != nil || b != nil {
		t.Fatal(b, err)
	}
	if b, _ := os.ReadFile(s.Path); string(b) != "# a\n" {
		t.Errorf("an older save overwrote a newer one: %q", b)
	}
	if _, err := s.Save(&Book{Preamble: strings.Repeat("x", 300)}, 3); !errors.Is(err, ErrTooLarge) {
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

// A claim both edited and renumbered (a claim inserted before it): the
// note follows the words it was made on, not the id.
func TestLocateEditedAndRenumbered(t *testing.T) {
	d, _ := example(t, nil)
	r, _ := FindClaim(d, "flows/up/1")
	b := &Book{}
	b.SetNote(Anchor{Kind: KindClaim, ID: r.Claim.ID, FP: Fingerprint(r.Claim.Text)}, r.Claim.Text, "the figure", day1)
	both, _ := example(t, func(s string) string {
		s = strings.Replace(s, "40 cubic metres a second", "45 cubic metres a second", 1)
		return strings.Replace(s, "## Upstream\n\n", "## Upstream\n\n- An unrelated new first claim. [@gazette-0303]\n", 1)
	})
	p := Locate(b, both)[0]
	if p.State != Changed || p.ID != "flows/up/2" {
		t.Errorf("placed = %+v, want changed on flows/up/2", p)
	}
}

// FuzzParse: whatever parses formats and parses back to the same entries
// (so a save never loses what was read), and nothing panics.
func FuzzParse(f *testing.F) {
	f.Add([]byte("# n\n\n## claim a/b/1 @0a1b2c3d\n> q\nbookmark: yes\nadded: 2025-11-03\n\ntext\n\\## x\n"))
	f.Add([]byte("pre\n## day d\n> not a quote?\n\nbookmark: no\n"))
	f.Add([]byte("## demand x\n\n\\\\## y\n> z\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data)
		if err != nil {
			return
		}
		again, err := Parse(Format(b))
		if err != nil {
			t.Fatalf("the formatted book does not parse: %v\n%q", err, Format(b))
		}
		if len(again.Entries) != len(b.Entries) {
			t.Fatalf("entries %d, then %d", len(b.Entries), len(again.Entries))
		}
		for i := range b.Entries {
			x, y := b.Entries[i], again.Entries[i]
			x.Line, y.Line = 0, 0
			x.Quote, y.Quote = oneLine(x.Quote), oneLine(y.Quote)
			if x != y {
				t.Fatalf("entry %d:\n%+v\n%+v\nformatted:\n%q", i, x, y, Format(b))
			}
		}
	})
}

// A save keeps what was written in the file meanwhile (by hand, or by
// another session): our changes win only where we made them.
func TestSaveMergesWithTheFile(t *testing.T) {
	s := Place{File: filepath.Join(t.TempDir(), "notes.md")}.Store("x")
	start := "# mine\n\n## day d1\n\nfirst\n\n## day d2\n\nsecond\n"
	if err := os.WriteFile(s.Path, []byte(start), 0o600); err != nil {
		t.Fatal(err)
	}
	ours, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	// meanwhile, by hand: d2 edited, d3 added, the preamble changed
	hand := "# mine, edited\n\n## day d1\n\nfirst\n\n## day d2\n\nsecond, edited by hand\n\n## day d3\n\nthird\n"
	if err := os.WriteFile(s.Path, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	// and in the reader: d1 changed, a bookmark on d4
	ours.SetNote(Anchor{Kind: KindDay, ID: "d1"}, "", "first, edited in the reader", day1)
	ours.ToggleBookmark(Anchor{Kind: KindDay, ID: "d4"}, "", day1)
	got, err := s.Save(ours, 1)
	if err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(s.Path)
	for _, want := range []string{"# mine, edited\n", "first, edited in the reader", "second, edited by hand", "third", "## day d4\nbookmark: yes"} {
		if !strings.Contains(string(file), want) {
			t.Errorf("the file lacks %q:\n%s", want, file)
		}
	}
	if len(got.Entries) != 4 {
		t.Errorf("the merged book has %d entries", len(got.Entries))
	}
	// a file mangled meanwhile is not written over
	if err := os.WriteFile(s.Path, []byte("## dya d1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ours.ToggleBookmark(Anchor{Kind: KindDay, ID: "d5"}, "", day1)
	if _, err := s.Save(ours, 2); err == nil || !strings.Contains(err.Error(), ":1: unknown kind") {
		t.Errorf("save over a mangled file: %v", err)
	}
	if b, _ := os.ReadFile(s.Path); string(b) != "## dya d1\n" {
		t.Errorf("the mangled file was written over: %q", b)
	}
}

package ui

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/notes"
)

var (
	nov3 = time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)
	nov5 = time.Date(2025, 11, 5, 9, 0, 0, 0, time.UTC)
)

// withNotes keeps the session's notes in file, with the clock at now.
func withNotes(file string, now time.Time) func(*Options) {
	return func(o *Options) {
		o.Notes = &notes.Place{File: file}
		o.Now = func() time.Time { return now }
	}
}

// exampleCopy copies the example dossier, applies edit to its flows topic
// and loads it.
func exampleCopy(t *testing.T, edit func(string) string) *dossier.Dossier {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../docs/example/water-talks")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "topics", "01-flows.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		b = []byte(edit(string(b)))
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs, err := dossier.LoadDir(dir)
	if err != nil || d == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	return d
}

// openExample starts the reader on the example dossier at w×h with notes
// in a fresh file, and waits for the first topic.
func openExample(t *testing.T, w, h int) (*session, *dossier.Dossier, string) {
	t.Helper()
	dossiers(t)
	file := filepath.Join(t.TempDir(), "notes.md")
	s := start(t, example, w, h, withNotes(file, nov3))
	s.waitFor("topic 1", ready(example, 0))
	return s, example, file
}

// typeText types text into the program, one key a rune.
func (s *session) typeText(text string) {
	for _, r := range text {
		s.press(string(r))
	}
}

// readFile reads a file the test expects to exist.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goldenFrame compares a frame, ANSI stripped, with its golden file.
func goldenFrame(t *testing.T, f frame) {
	t.Helper()
	golden.RequireEqual(t, ansi.Strip(f.content))
}

// m bookmarks, n writes a note; both are in the file, and a new session
// on it shows them, the note in full in the provenance.
func TestNotesBookmarkAndNote(t *testing.T) {
	s, d, file := openExample(t, 120, 40)
	s.press("m")
	s.waitFor("the bookmark", contains("bookmarked claim flows/up/1", "★"))
	s.press("n")
	s.waitFor("the editor", contains("Note on claim flows/up/1", "ctrl+s saves"))
	s.typeText("Check the 40 m3/s figure")
	s.press("ctrl+s")
	f := s.waitFor("the note saved", contains("note saved on claim flows/up/1", "★ ✎"))
	t.Run("marks", func(t *testing.T) { goldenFrame(t, f) })
	got := readFile(t, file)
	for _, want := range []string{"# Notes · ", "## claim flows/up/1 @" + notes.Fingerprint(mustClaim(t, d, "flows/up/1").Text),
		"bookmark: yes", "added: 2025-11-03", "\nCheck the 40 m3/s figure\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("the file lacks %q:\n%s", want, got)
		}
	}

	again := start(t, d, 120, 40, withNotes(file, nov3))
	again.waitFor("the marks after reopening", func(f frame) bool { return ready(d, 0)(f) && contains("★ ✎")(f) })
	again.press("enter")
	f = again.waitFor("the note in the provenance", contains("Provenance", "★ Bookmarked", "Your note", "Check the 40 m3/s figure"))
	t.Run("provenance", func(t *testing.T) { goldenFrame(t, f) })
	again.press("esc", "'")
	f = again.waitFor("the list", contains("Bookmarks & notes", "★ ✎ Upstream on Dry-season flows", "Check the 40 m3/s figure"))
	t.Run("list", func(t *testing.T) { goldenFrame(t, f) })
}

func mustClaim(t *testing.T, d *dossier.Dossier, id string) *dossier.Claim {
	t.Helper()
	r, ok := notes.FindClaim(d, id)
	if !ok {
		t.Fatalf("no claim %s", id)
	}
	return r.Claim
}

// esc with unsaved text asks first; n keeps editing, y drops it.
func TestNoteEditorAsksBeforeDropping(t *testing.T) {
	s, d, file := openExample(t, 100, 30)
	s.press("n")
	s.typeText("draft")
	s.press("esc")
	f := s.waitFor("the question", contains("Drop the unsaved note? y drops it"))
	t.Run("asks", func(t *testing.T) { goldenFrame(t, f) })
	s.press("n")
	s.waitFor("editing again", contains("draft", "ctrl+s saves"))
	s.press("esc", "y")
	s.waitFor("the editor closed", func(f frame) bool { return !contains("Note on")(f) && ready(d, 0)(f) })
	s.press("]") // a frame after the editor closed
	s.waitFor("the next topic", ready(d, 1))
	if _, err := os.Stat(file); err == nil {
		t.Errorf("a dropped draft was saved:\n%s", readFile(t, file))
	}
}

// A note whose claim was edited stays attached and the claim is tagged
// changed (and new, since the last reading).
func TestNoteOnEditedClaim(t *testing.T) {
	d := exampleCopy(t, nil)
	file := filepath.Join(t.TempDir(), "notes.md")
	s := start(t, d, 120, 40, withNotes(file, nov3))
	s.waitFor("topic 1", ready(d, 0))
	s.press("n")
	s.typeText("Figure tabled on day 1?")
	s.press("ctrl+s")
	s.waitFor("saved", contains("note saved on claim flows/up/1"))
	s.press("q") // quitting records what was seen
	waitForFile(t, file+".seen")

	edited := exampleCopy(t, func(s string) string {
		return strings.Replace(s, "40 cubic metres a second", "45 cubic metres a second", 1)
	})
	s2 := start(t, edited, 120, 40, withNotes(file, nov5))
	f := s2.waitFor("the changed claim", func(f frame) bool {
		return ready(edited, 0)(f) && contains("✎ changed new", "1 new since 3 Nov")(f)
	})
	goldenFrame(t, f)
	s2.press("enter")
	s2.waitFor("the old text in the provenance", contains("changed since the note; it read:", "40 cubic metres", "Figure tabled on day 1?"))
}

// A note whose claim is deleted is kept: listed as orphaned, and still in
// the file after a later save.
func TestNoteOnDeletedClaimIsKept(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	hand := "# my notes\n\n## claim flows/down/2 @00c0ffee\n> The Wire quoted a Downstream aide: We were never shown a map.\n\nAsk the Wire for the map.\n"
	if err := os.WriteFile(file, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	d := exampleCopy(t, func(s string) string {
		i := strings.Index(s, "- The Wire quoted a Downstream aide:")
		j := strings.Index(s, "## Mediators")
		return s[:i] + s[j:]
	})
	s := start(t, d, 120, 40, withNotes(file, nov3))
	s.waitFor("topic 1", ready(d, 0))
	s.press("'")
	f := s.waitFor("the orphan", contains("orphaned claim flows/down/2 (gone from the dossier)", "Ask the Wire for the map."))
	goldenFrame(t, f)
	s.press("enter")
	s.waitFor("why it cannot be opened", contains("its note is kept in the file"))
	s.press("m")
	s.waitFor("a later save", contains("bookmarked claim flows/up/1"))
	got := readFile(t, file)
	for _, want := range []string{"# my notes\n", "## claim flows/down/2 @00c0ffee\n", "Ask the Wire for the map.", "## claim flows/up/1 @"} {
		if !strings.Contains(got, want) {
			t.Errorf("after a save the file lacks %q:\n%s", want, got)
		}
	}
}

// A notes file mangled by hand: the reader opens with notes off and says
// which line; nothing is saved over the file.
func TestMangledNotesFile(t *testing.T) {
	dossiers(t)
	d := example
	file := filepath.Join(t.TempDir(), "notes.md")
	bad := "# notes\n\n## claim flows/up/1\nkeep me\n\n## clam flows/up/2\nand me\n"
	if err := os.WriteFile(file, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	s := start(t, d, 120, 40, withNotes(file, nov3))
	f := s.waitFor("the banner", func(f frame) bool {
		return ready(d, 0)(f) && contains("notes off: "+file+":6: unknown kind \"clam\"")(f)
	})
	if strings.Contains(ansi.Strip(f.content), "✎") {
		t.Error("a note of a file that did not parse is shown")
	}
	s.press("m")
	s.waitFor("m refused", contains("notes off:"))
	s.press("n", "]")
	s.waitFor("no editor", func(f frame) bool { return ready(d, 1)(f) && !contains("Note on")(f) })
	if got := readFile(t, file); got != bad {
		t.Errorf("the mangled file was changed:\n%s", got)
	}
}

// y copies the marked claim with its citation through OSC 52.
func TestCopyWithCitationOSC52(t *testing.T) {
	dossiers(t)
	d := example
	s := start(t, d, 120, 40)
	s.waitFor("topic 1", ready(d, 0))
	s.press("y")
	s.waitFor("copied", contains("copied claim flows/up/1 with its citation"))
	var text string
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
		i := bytes.Index(b, []byte("\x1b]52;c;"))
		if i < 0 {
			return false
		}
		rest := b[i+len("\x1b]52;c;"):]
		j := bytes.IndexAny(rest, "\x07\x1b")
		if j < 0 {
			return false
		}
		raw, err := base64.StdEncoding.DecodeString(string(rest[:j]))
		if err != nil {
			t.Fatalf("OSC 52 payload: %v", err)
		}
		text = string(raw)
		return true
	}, teatest.WithDuration(10*time.Second))
	for _, want := range []string{
		"“Officials told the Gazette that a figure of 40 cubic metres a second was tabled on the first day.”",
		"— Upstream, on Dry-season flows (claim flows/up/1)",
		"Sources: ", ", grade ",
		"Credibility: 2 — probably true",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the clipboard lacks %q:\n%s", want, text)
		}
	}
	src, _ := d.Source(mustClaim(t, d, "flows/up/1").Sources[0])
	if !strings.Contains(text, src.Outlet+", "+src.Date.Format("2 Jan 2006")+", grade "+src.Reliability) {
		t.Errorf("the clipboard lacks the source with its date and grade:\n%s", text)
	}
}

// What is new: claims not in the seen record are tagged and counted; u
// shows only them; a --watch reload counts as a change.
func TestWhatIsNew(t *testing.T) {
	dossiers(t)
	d := example
	file := filepath.Join(t.TempDir(), "notes.md")
	seen := notes.SeenOf(d, nov3)
	delete(seen.Claims, "flows/down/1")
	if err := os.WriteFile(file+".seen", seen.Format(), 0o600); err != nil {
		t.Fatal(err)
	}
	s := start(t, d, 120, 40, withNotes(file, nov5))
	s.waitFor("the count", func(f frame) bool { return ready(d, 0)(f) && contains("1 new since 3 Nov", " new ")(f) })
	s.press("u")
	f := s.waitFor("only the new claim", func(f frame) bool {
		return contains("new only", "Radio Downstream said no figure")(f) && !contains("Officials told the Gazette")(f) && ready(f.lay.Dossier, 0)(f)
	})
	goldenFrame(t, f)
	s.press("u")
	s.waitFor("everything again", contains("Officials told the Gazette", "Radio Downstream said no figure"))

	edited := exampleCopy(t, func(s string) string {
		return strings.Replace(s, "gave no figure.", "gave no figure at all.", 1)
	})
	s.tm.Send(ReloadMsg{Dossier: edited})
	s.waitFor("the reload counted", contains("2 new since 3 Nov"))
}

// Notes are searchable: / finds the note and goes to its claim.
func TestNotesSearchable(t *testing.T) {
	dossiers(t)
	d := example
	file := filepath.Join(t.TempDir(), "notes.md")
	hand := "## claim flows/down/1\nAsk about zanzibar.\n"
	if err := os.WriteFile(file, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	s := start(t, d, 120, 40, withNotes(file, nov3))
	s.waitFor("topic 1", ready(d, 0))
	s.press("/")
	s.typeText("zanzibar")
	s.waitFor("the note found", contains("✎ Ask about zanzibar."))
	s.press("enter")
	s.waitFor("at its claim", func(f frame) bool { return contains("/zanzibar", "✎")(f) && !contains("Search")(f) })
}

// waitForFile waits until a file written by a Cmd exists.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(testkit.Limit(10 * time.Second))
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s was never written", path)
}

// ctrl+c over a note with unsaved text asks first, as esc does.
func TestCtrlCAsksBeforeDroppingANote(t *testing.T) {
	dossiers(t)
	d := example
	s := start(t, d, 100, 30, withNotes(filepath.Join(t.TempDir(), "notes.md"), nov3))
	s.waitFor("topic 1", ready(d, 0))
	s.press("n")
	s.typeText("half a thought")
	s.press("ctrl+c")
	s.waitFor("the question", contains("Drop the unsaved note?"))
	s.press("n")
	s.waitFor("the editor again", contains("half a thought", "ctrl+s saves"))
}

// A note written in the file by hand while the reader is open is kept by
// the reader's next save, and shows in the list.
func TestSaveKeepsHandEditsMadeMeanwhile(t *testing.T) {
	s, _, file := openExample(t, 120, 40)
	if err := os.WriteFile(file, []byte("## day mar03\n\nWritten in an editor meanwhile.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.press("m")
	s.waitFor("saved", contains("bookmarked claim flows/up/1"))
	if got := readFile(t, file); !strings.Contains(got, "Written in an editor meanwhile.") || !strings.Contains(got, "## claim flows/up/1") {
		t.Errorf("the file after the save:\n%s", got)
	}
	s.press("'")
	s.waitFor("both in the list", contains("Written in an editor meanwhile.", "★ Upstream on Dry-season flows"))
}

// In the demands and discrepancies views the row carries the mark, and the
// header the marks of the row under the cursor.
func TestNotesOnDemandsAndDiscrepancies(t *testing.T) {
	s, _, file := openExample(t, 120, 40)
	s.press("4", "m")
	f := s.waitFor("the demand bookmarked", contains("bookmarked demand "))
	if !strings.Contains(ansi.Strip(f.content), "›★") {
		t.Errorf("no ★ in the demand's row:\n%s", ansi.Strip(f.content))
	}
	s.tm.Send(JumpMsg{View: ViewDiscrepancies})
	s.waitFor("the discrepancies", contains("discrepancies"))
	s.press("n")
	s.typeText("Which figure is right?")
	s.press("ctrl+s")
	f = s.waitFor("the discrepancy noted", contains("note saved on this discrepancy", "›✎"))
	goldenFrame(t, f)
	if got := readFile(t, file); !strings.Contains(got, "## demand ") || !strings.Contains(got, "## discrepancy ") {
		t.Errorf("the file:\n%s", got)
	}
}

// The legend explains the marks of the notes.
func TestLegendExplainsTheNotesMarks(t *testing.T) {
	dossiers(t)
	d := example
	s := start(t, d, 120, 60)
	s.waitFor("topic 1", ready(d, 0))
	s.press("i")
	s.waitFor("the marks in the legend", contains("Your marks", "★", "you bookmarked it", "✎", "changed", "since your note", "new or changed since you last read"))
}

// A notes file holding escape sequences (a clipboard write, a colour, a
// title change) shows them nowhere: every frame holds SGR only (checked by
// start for every frame), in the marks, the list, the provenance and the
// editor.
func TestHostileNotesFile(t *testing.T) {
	dossiers(t)
	d := example
	file := filepath.Join(t.TempDir(), "notes.md")
	evil := "## claim flows/up/1\n> quote \x1b]0;pwned\x07 \x1b[31mred\n\nnote \x1b]52;c;ZXZpbA==\x07 and \x1b[2J clear \u202e rtl\n"
	if err := os.WriteFile(file, []byte(evil), 0o600); err != nil {
		t.Fatal(err)
	}
	s := start(t, d, 120, 40, withNotes(file, nov3))
	s.waitFor("the mark", func(f frame) bool { return ready(d, 0)(f) && contains("✎")(f) })
	s.press("'")
	s.waitFor("the list", contains("Bookmarks & notes", "note "))
	s.press("esc", "enter")
	s.waitFor("the provenance", contains("Your note", "clear"))
	s.press("esc", "n")
	s.waitFor("the editor", contains("Note on claim flows/up/1", "clear"))
	if _, err := notes.Parse([]byte("## claim a\x1b[31m/1\n")); err == nil {
		t.Error("an id with an escape parsed")
	}
}

// The days view marks the claims of the day too.
func TestNotesInTheDaysView(t *testing.T) {
	s, _, _ := openExample(t, 120, 40)
	s.press("m", "tab", "n")
	s.typeText("Radio's word against the Gazette's")
	s.press("ctrl+s")
	s.waitFor("saved", contains("note saved on claim flows/down/1"))
	s.tm.Send(JumpMsg{View: ViewDays, Pos: Position{Day: "mar02"}})
	f := s.waitFor("the marks in the days view", func(f frame) bool {
		return contains("What the accounts say about", "Dry-season flows")(f) && strings.Count(ansi.Strip(f.content), " ★") == 1 && strings.Count(ansi.Strip(f.content), " ✎") == 1
	})
	goldenFrame(t, f)
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// a notes file as the reader writes it, for the example dossier
const exampleNotes = "# Notes · The Geneva water talks\n\n" +
	"## claim flows/up/1 @00000000\n> an older text of the claim\nbookmark: yes\nadded: 2025-11-03\n\nCheck the figure with the Wire.\n\n" +
	"## day mar03\n\nThe walk-out day.\n\n" +
	"## claim flows/gone/9 @12345678\n> a claim since deleted\n\nKept although its claim is gone.\n"

func TestNotesCommandPrintsAMemo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(file, []byte(exampleNotes), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "notes", example, "--notes", file)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{
		"# Notes on The Geneva water talks",
		"## Notes", "### ★ Upstream on Dry-season flows (changed since the note)",
		"> “Officials told the Gazette that a figure of 40 cubic metres a second was tabled on the first day.”",
		"> — Upstream, on Dry-season flows (claim flows/up/1)", "> Sources: ", "> Credibility: 2 — probably true",
		"> When noted it read: “an older text of the claim”", "Check the figure with the Wire.",
		"The walk-out day.",
		"## Orphaned", "claim flows/gone/9 (gone from the dossier)", "Kept although its claim is gone.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the memo lacks %q:\n%s", want, out)
		}
	}
}

func TestNotesCommandMangledFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(file, []byte("## claim a/b/1\nok\n## note x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "notes", example, "--notes", file)
	if code != 1 || !strings.Contains(errOut, file+":3: unknown kind \"note\"") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestNotesCommandDefaultPlace(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	dir := filepath.Join(state, "dossier", "geneva-water-2031")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(exampleNotes), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "notes", example)
	if code != 0 || !strings.Contains(out, "The walk-out day.") {
		t.Errorf("code %d, stderr %q, out:\n%s", code, errOut, out)
	}
}

func TestExportWithNotes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(file, []byte(exampleNotes), 0o600); err != nil {
		t.Fatal(err)
	}
	code, md, errOut := run(t, "export", example, "--format", "md", "--with-notes", "--notes-file", file)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{"## Your notes", "#### ★ Upstream on Dry-season flows", "Check the figure with the Wire.", "Kept although its claim is gone."} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown handout lacks %q", want)
		}
	}
	code, html, errOut := run(t, "export", example, "--with-notes", "--notes-file", file)
	if code != 0 || !strings.Contains(html, `<section id="your-notes"><h2>Your notes</h2>`) || !strings.Contains(html, "Check the figure with the Wire.") {
		t.Errorf("HTML handout: code %d, %s", code, errOut)
	}
	if _, plain, _ := run(t, "export", example, "--format", "md"); strings.Contains(plain, "Your notes") {
		t.Error("notes in a handout without --with-notes")
	}
}

package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// baseFiles is a small dossier with no problem at all; generated cases
// start from it and break one thing.
var baseFiles = map[string]string{
	"dossier.md": "---\nid: base\ntitle: A base dossier\naccounts:\n  - {id: up, name: Upstream}\n  - {id: down, name: Downstream}\n---\n\nA summary.\n",
	"sources.md": "---\nsources:\n  - {id: s1, outlet: The Wire, reliability: B}\n  - {id: s2, outlet: The Radio, reliability: C}\n---\n",
	"topics/01-flows.md": "---\nid: flows\ntitle: Flows\n---\n\n## Upstream\n\n- Upstream says the figure was tabled. [@s1] {#figure .contradict}\n\n" +
		"## Downstream\n\n- Downstream says it was not. [@s2] {#figure}\n",
}

// writeDossier writes files (slash paths) into a new folder under the
// test's temporary folder and returns the dossier's folder.
func writeDossier(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "d")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// withBase returns the base files with some replaced or added.
func withBase(extra map[string]string) map[string]string {
	files := map[string]string{}
	for k, v := range baseFiles {
		files[k] = v
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// topicWith returns a topic file whose Upstream claim has body as its
// further blocks (indented under the list item).
func topicWith(body string) string {
	return "---\nid: flows\ntitle: Flows\n---\n\n## Upstream\n\n- Upstream says the figure was tabled. [@s1] {#figure .contradict}\n\n" +
		body + "\n## Downstream\n\n- Downstream says it was not. [@s2] {#figure}\n"
}

// heavy are the cases left out of go test -short.
var heavy = map[string]bool{"big-file-50mb": true, "total-size": true, "ten-thousand-topics": true, "huge-line": true}

// generated are the malformed dossiers made by the test rather than
// committed; each returns the dossier's folder.
var generated = map[string]func(t *testing.T) string{
	"empty-folder": func(t *testing.T) string { return t.TempDir() },

	"big-file-50mb": func(t *testing.T) string {
		dir := writeDossier(t, baseFiles)
		line := "- Upstream says the figure was tabled again and again. [@s1]\n"
		f, err := os.Create(filepath.Join(dir, "topics", "02-big.md"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("---\nid: big\ntitle: Big\n---\n\n## Upstream\n\n"); err != nil {
			t.Fatal(err)
		}
		chunk := strings.Repeat(line, (1<<20)/len(line))
		for range 50 {
			if _, err := f.WriteString(chunk); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	},

	// Nine files of 7.5 MB: each under the per-file limit, too much together.
	// They have no front matter, so the ones read are cheap to refuse.
	"total-size": func(t *testing.T) string {
		files := withBase(nil)
		filler := strings.Repeat("words words words words words words words words words words\n", 7_500_000/60)
		for i := range 9 {
			files[fmt.Sprintf("topics/%02d-filler.md", i+2)] = filler
		}
		return writeDossier(t, files)
	},

	"symlink-out": func(t *testing.T) string {
		dir := writeDossier(t, baseFiles)
		if err := os.WriteFile(filepath.Join(dir, "..", "outside.md"), []byte("---\nid: out\ntitle: Outside\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		symlink(t, "../../outside.md", filepath.Join(dir, "topics", "02-outside.md"))
		symlink(t, "/etc/passwd", filepath.Join(dir, "sources.md"+".tmp"))
		if err := os.Remove(filepath.Join(dir, "sources.md")); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, "sources.md.tmp"), filepath.Join(dir, "sources.md")); err != nil {
			t.Fatal(err)
		}
		return dir
	},

	"symlink-dangling-and-loop": func(t *testing.T) string {
		dir := writeDossier(t, baseFiles)
		symlink(t, "nowhere.md", filepath.Join(dir, "topics", "02-dangling.md"))
		symlink(t, "03-loop.md", filepath.Join(dir, "topics", "03-loop.md"))
		symlink(t, ".", filepath.Join(dir, "briefings"))
		return dir
	},

	"symlink-to-folder": func(t *testing.T) string {
		dir := writeDossier(t, withBase(map[string]string{"days.md": ""}))
		if err := os.Remove(filepath.Join(dir, "days.md")); err != nil {
			t.Fatal(err)
		}
		symlink(t, "topics", filepath.Join(dir, "days.md"))
		return dir
	},

	// A named pipe would block a reader that opened it for ever.
	"fifo": func(t *testing.T) string {
		dir := writeDossier(t, baseFiles)
		if err := syscall.Mkfifo(filepath.Join(dir, "topics", "02-pipe.md"), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
		symlink(t, "topics/02-pipe.md", filepath.Join(dir, "days.md"))
		return dir
	},

	// 10,000 topics, each with a claim of both accounts.
	"ten-thousand-topics": func(t *testing.T) string {
		files := withBase(nil)
		for i := range 10_000 {
			files[fmt.Sprintf("topics/%05d.md", i+2)] = fmt.Sprintf("---\nid: t%05d\ntitle: Topic number %d\n---\n\n## up\n\n"+
				"- Up says %d. [@s1] {#k .agree}\n\n## down\n\n- Down says %d too. [@s2] {#k}\n", i, i, i, i)
		}
		return writeDossier(t, files)
	},

	// Quotes and lists nested just under the loader's limit, thousands of
	// times: a parser or renderer that is worse than linear in depth shows.
	"md-bomb": func(t *testing.T) string {
		var b strings.Builder
		for i := range 400 {
			b.WriteString("  " + strings.Repeat("> ", 15) + strings.Repeat("- ", 15) + fmt.Sprintf("bomb %d\n", i))
		}
		for i := range 30 {
			b.WriteString(strings.Repeat("  ", i+1) + "- nested item\n")
		}
		return writeDossier(t, withBase(map[string]string{"topics/01-flows.md": topicWith(b.String())}))
	},

	// One line of 3 MB with no space: under the file limit, but nothing
	// can wrap it.
	"huge-line": func(t *testing.T) string {
		return writeDossier(t, withBase(map[string]string{"topics/01-flows.md": topicWith("  " + strings.Repeat("x", 3<<20) + "\n")}))
	},

	// File names that are escape sequences: problems name files, so the
	// names reach the terminal unless they are cleaned.
	"hostile-file-names": func(t *testing.T) string {
		dir := writeDossier(t, withBase(map[string]string{
			"topics/02-\x1b]0;PWNED-TITLE\x07.md": "---\nid: \"t\x1b[2J2\"\ntitle: Two\n---\n",
			"stray\x1b[2J\u009b.txt":              "stray",
			"\x1b]52;c;SU5K\x07":                  "no extension",
		}))
		if err := os.Mkdir(filepath.Join(dir, "folder\x07\x7f"), 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	},

	// 70 levels of list indentation (a stair): refused before parsing.
	"deep-list-stair": func(t *testing.T) string {
		var b strings.Builder
		for i := range 70 {
			b.WriteString(strings.Repeat("  ", i+1) + "- step\n")
		}
		return writeDossier(t, withBase(map[string]string{"topics/01-flows.md": topicWith(b.String())}))
	},
}

package watch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
)

// exampleDir copies the example dossier into a temporary folder.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "water")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "docs", "example", "water-talks"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// started runs a watcher on dir with a short debounce; its events arrive
// on the returned channel. The watcher stops at the end of the test.
func started(t *testing.T, dir string) <-chan Event {
	t.Helper()
	w, err := New(dir, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Event, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx, func(e Event) { ch <- e }); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return ch
}

// waitEvent returns the first event that satisfies ok, failing the test
// when none comes within a generous bound.
func waitEvent(t *testing.T, ch <-chan Event, what string, ok func(Event) bool) Event {
	t.Helper()
	deadline := time.After(testkit.Limit(20 * time.Second))
	for {
		select {
		case ev := <-ch:
			if ok(ev) {
				return ev
			}
		case <-deadline:
			t.Fatalf("no event with %s", what)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// claimText returns the text of a claim of topic in d, "" when absent.
func claimText(d *dossier.Dossier, topic, account, id string) string {
	if d == nil {
		return ""
	}
	tp, ok := d.Topic(topic)
	if !ok {
		return ""
	}
	s, ok := tp.Section(account)
	if !ok {
		return ""
	}
	for _, c := range s.Claims {
		if c.ID == id {
			return c.Text
		}
	}
	return ""
}

func hasText(topic, account, id, text string) func(Event) bool {
	return func(e Event) bool { return strings.Contains(claimText(e.Dossier, topic, account, id), text) }
}

func TestSaveErrorAndFix(t *testing.T) {
	dir := exampleDir(t)
	ch := started(t, dir)
	flows := filepath.Join(dir, "topics", "01-flows.md")
	orig := read(t, flows)

	write(t, flows, strings.Replace(orig, "no figure was ever put on paper", "a figure was put on paper after all", 1))
	waitEvent(t, ch, "the edited claim", hasText("flows", "down", "flows/down/1", "a figure was put on paper after all"))

	bad := strings.Replace(orig, "[@radio-down; @wire-0304]", "[@radio-dawn; @wire-0304]", 1)
	write(t, flows, bad)
	ev := waitEvent(t, ch, "an error", func(e Event) bool { return e.Dossier == nil })
	p, ok := ev.FirstError()
	if !ok {
		t.Fatalf("no error among %v", ev.Problems)
	}
	wantFile := "topics/01-flows.md"
	line := 1 + strings.Count(bad[:strings.Index(bad, "@radio-dawn")], "\n")
	if p.Pos.File != wantFile || p.Pos.Line != line || !strings.Contains(p.Msg, "radio-dawn") {
		t.Fatalf("first error %s, want %s:%d naming radio-dawn", p, wantFile, line)
	}

	write(t, flows, orig)
	waitEvent(t, ch, "the fixed dossier", hasText("flows", "down", "flows/down/1", "no figure was ever put on paper"))
}

// An editor that saves by writing a temporary file and renaming it over the
// original (vim with backupcopy=no, VS Code, many others).
func TestSaveByRename(t *testing.T) {
	dir := exampleDir(t)
	ch := started(t, dir)
	flows := filepath.Join(dir, "topics", "01-flows.md")
	tmp := filepath.Join(dir, "topics", ".01-flows.md.tmp1234")
	write(t, tmp, strings.Replace(read(t, flows), "no figure was ever put on paper", "renamed into place", 1))
	if err := os.Rename(tmp, flows); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, ch, "the renamed file's text", hasText("flows", "down", "flows/down/1", "renamed into place"))
}

// A folder removed and made again (a checkout, a script) is watched again:
// later saves inside it are seen.
func TestRecreatedFolderIsWatchedAgain(t *testing.T) {
	dir := exampleDir(t)
	ch := started(t, dir)
	topics := filepath.Join(dir, "topics")
	saved := map[string]string{}
	entries, _ := os.ReadDir(topics)
	for _, e := range entries {
		saved[e.Name()] = read(t, filepath.Join(topics, e.Name()))
	}
	if err := os.RemoveAll(topics); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, ch, "no topics", func(e Event) bool { return e.Dossier != nil && len(e.Dossier.Topics) == 0 || e.Dossier == nil })
	if err := os.Mkdir(topics, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range saved {
		write(t, filepath.Join(topics, name), text)
	}
	waitEvent(t, ch, "the topics back", func(e Event) bool { return e.Dossier != nil && len(e.Dossier.Topics) == len(saved) })

	flows := filepath.Join(topics, "01-flows.md")
	write(t, flows, strings.Replace(saved["01-flows.md"], "no figure was ever put on paper", "seen in the new folder", 1))
	waitEvent(t, ch, "an edit in the recreated folder", hasText("flows", "down", "flows/down/1", "seen in the new folder"))
}

// A new topic file in a new folder the dossier does not read is only a
// warning; a new topic file appears at once.
func TestNewTopicFile(t *testing.T) {
	dir := exampleDir(t)
	ch := started(t, dir)
	src := read(t, filepath.Join(dir, "topics", "02-committee.md"))
	src = strings.Replace(src, "id: committee", "id: committee-two", 1)
	write(t, filepath.Join(dir, "topics", "03-more.md"), src)
	ev := waitEvent(t, ch, "a third topic", func(e Event) bool { return e.Dossier != nil && len(e.Dossier.Topics) == 3 || e.Dossier == nil })
	if ev.Dossier == nil {
		t.Fatalf("the new topic gave errors: %v", ev.Problems)
	}
}

func TestWatchRefusesWhatIsNotAFolder(t *testing.T) {
	f := filepath.Join(t.TempDir(), "f.md")
	write(t, f, "x")
	if _, err := New(f, 0); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("New on a file: %v", err)
	}
	if _, err := New(filepath.Join(t.TempDir(), "none"), 0); err == nil {
		t.Fatal("New on a missing folder: no error")
	}
}

func TestCloseWithoutRun(t *testing.T) {
	w, err := New(exampleDir(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	done := make(chan struct{})
	go func() { w.Run(context.Background(), func(Event) {}); close(done) }()
	select {
	case <-done:
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("Run after Close did not return")
	}
}

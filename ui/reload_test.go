package ui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/watch"
)

// copyDir copies a dossier into a new temporary folder.
func copyDir(t *testing.T, src fs.FS) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "dossier")
	if err := os.CopyFS(dir, src); err != nil {
		t.Fatal(err)
	}
	return dir
}

func edit(t *testing.T, path, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	text := strings.Replace(string(b), old, new, 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return text
}

// watched starts the reader on the dossier in dir with a watcher feeding it,
// as dossier --watch does.
func watched(t *testing.T, dir string, w, h int) *vsession {
	t.Helper()
	wt, err := watch.New(dir, 20e6) // 20 ms
	if err != nil {
		t.Fatal(err)
	}
	d, probs, err := dossier.LoadDir(dir)
	if d == nil {
		t.Fatal(err, probs)
	}
	s := vstart(t, d, w, h)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		wt.Run(ctx, func(ev watch.Event) {
			if ev.Dossier != nil {
				s.tm.Send(ReloadMsg{Dossier: ev.Dossier})
			} else {
				s.tm.Send(ReloadFailedMsg{Problems: ev.Problems})
			}
		})
		close(done)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return s
}

// A save shows at once; a save with an error keeps the last good version
// under a banner naming the file and line; the save that fixes it clears
// the banner.
func TestWatchShowsSavesErrorsAndRecovery(t *testing.T) {
	dir := copyDir(t, os.DirFS("../docs/example/water-talks"))
	s := watched(t, dir, 120, 30)
	s.waitFor("the first claim", showing(ViewCompare, "Radio Downstream said no figure"))

	flows := filepath.Join(dir, "topics", "01-flows.md")
	good := edit(t, flows, "Radio Downstream said no figure was ever put on paper.", "Radio Downstream now admits a figure.")
	s.waitFor("the edited claim", showing(ViewCompare, "Radio Downstream now admits a figure."))

	bad := edit(t, flows, "[@radio-down; @wire-0304]", "[@radio-dawn; @wire-0304]")
	line := 1 + strings.Count(bad[:strings.Index(bad, "@radio-dawn")], "\n")
	where := "topics/01-flows.md:" + itoa(line) + ":"
	f := s.waitFor("the error banner", func(f vframe) bool {
		return strings.Contains(strings.ReplaceAll(f.text(), "\n", ""), "not reloaded: "+where)
	})
	if !strings.Contains(f.text(), "Radio Downstream now admits a figure.") {
		t.Fatalf("the last good version is no longer shown:\n%s", f.text())
	}
	if !strings.Contains(f.text(), "radio-dawn") {
		t.Fatalf("the banner does not say what is wrong:\n%s", f.text())
	}

	if err := os.WriteFile(flows, []byte(strings.Replace(good, "now admits a figure", "admits a figure, fixed", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	f = s.waitFor("the fixed version", showing(ViewCompare, "Radio Downstream admits a figure, fixed"))
	if strings.Contains(f.text(), "not reloaded") {
		t.Fatalf("the banner stayed after the fix:\n%s", f.text())
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// mapOf reads a dossier into memory, to be edited and loaded again.
func mapOf(t *testing.T, src fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustLoad(t *testing.T, fsys fs.FS) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(fsys)
	if d == nil {
		t.Fatal(probs)
	}
	return d
}

// A reload keeps the topic by id (a topic added before it moves it down the
// list), the claim at the top of the panes, the day, and the view.
func TestReloadKeepsThePlace(t *testing.T) {
	fsys := mapOf(t, content.Default())
	d := mustLoad(t, fsys)
	s := vstart(t, d, 120, 30)
	s.press("]")
	s.waitFor("topic 2", func(f vframe) bool { return f.lay != nil && f.lay.Topic == d.Topics[1].ID })
	s.press("pgdown", "pgdown")
	before := s.waitFor("scrolled", func(f vframe) bool { return f.lay != nil && f.lay.Topic == d.Topics[1].ID && f.nav.Offset[0] > 0 })
	top := before.lay.Rows[before.nav.Row].IDs

	// a new first topic, and a claim edited in the topic shown
	var name string
	for p := range fsys {
		if strings.HasPrefix(p, "topics/") && strings.Contains(string(fsys[p].Data), "id: "+d.Topics[1].ID+"\n") {
			name = p
		}
	}
	if name == "" {
		t.Fatal("no file for topic 2")
	}
	first := d.Topics[1].Sections[0].Claims[0]
	text := strings.Replace(string(fsys[name].Data), firstWords(first.Text), "EDITED "+firstWords(first.Text), 1)
	fsys[name] = &fstest.MapFile{Data: []byte(text)}
	fsys["topics/00-new.md"] = &fstest.MapFile{Data: []byte("---\nid: brand-new\ntitle: A brand new topic\n---\n")}
	d2 := mustLoad(t, fsys)
	if d2.Topics[0].ID != "brand-new" || d2.Topics[2].ID != d.Topics[1].ID {
		t.Fatalf("topics %s, %s: the new topic did not go first", d2.Topics[0].ID, d2.Topics[2].ID)
	}
	s.tm.Send(ReloadMsg{Dossier: d2})
	after := s.waitFor("the new version", func(f vframe) bool {
		return f.dsr == d2 && f.lay != nil && f.lay.Dossier == d2
	})
	if after.lay.Topic != d.Topics[1].ID || after.nav.Topic != 2 {
		t.Fatalf("after the reload the topic is %s (index %d), want %s (index 2)", after.lay.Topic, after.nav.Topic, d.Topics[1].ID)
	}
	if got := after.lay.Rows[after.nav.Row].IDs; got != top {
		t.Fatalf("the claims at the top were %v, now %v", top, got)
	}
	if after.nav.Offset != before.nav.Offset {
		t.Errorf("offsets %v before, %v after a reload that changed nothing above them", before.nav.Offset, after.nav.Offset)
	}
	if !strings.Contains(after.status, "reloaded") {
		t.Errorf("status %q, want a word that the dossier was reloaded", after.status)
	}
	s.press("g")
	s.waitFor("the edited claim", showing(ViewCompare, "EDITED"))

	// the days view keeps its day by id when a day is added before it
	s.press("2")
	f := s.waitFor("the days view", func(f vframe) bool { return f.active == ViewDays && f.doc != nil })
	s.press("h")
	f = s.waitFor("the day before", dayReady(f.day-1))
	day := d2.Days[f.day].ID
	days := string(fsys["days.md"].Data)
	fsys["days.md"] = &fstest.MapFile{Data: []byte(strings.Replace(days, "days:\n", "days:\n  - id: early\n    date: 2025-10-01\n    label: Early\n    phase: before\n", 1))}
	d3 := mustLoad(t, fsys)
	s.tm.Send(ReloadMsg{Dossier: d3})
	g := s.waitFor("the days view of the new version", func(f vframe) bool { return f.active == ViewDays && f.dsr == d3 })
	if d3.Days[g.day].ID != day {
		t.Fatalf("day %s before the reload, %s after", day, d3.Days[g.day].ID)
	}
}

// firstWords returns a claim's first line, the part an edit can find in
// the file.
func firstWords(text string) string {
	line, _, _ := strings.Cut(text, "\n")
	return line
}

// A failed reload changes nothing but the banner; a reload to a version that
// lost the topic shown clamps to a topic that exists.
func TestReloadFailedAndTopicGone(t *testing.T) {
	dossiers(t)
	fsys := mapOf(t, os.DirFS("../docs/example/water-talks"))
	d := mustLoad(t, fsys)
	s := vstart(t, d, 100, 24)
	s.press("]")
	s.waitFor("topic 2", func(f vframe) bool { return f.lay != nil && f.lay.Topic == d.Topics[1].ID })
	probs := dossier.Problems{
		{Severity: dossier.SeverityWarning, Pos: dossier.Pos{File: "x/a.md", Line: 1}, Msg: "a warning"},
		{Severity: dossier.SeverityError, Pos: dossier.Pos{File: "x/topics/02.md", Line: 7, Col: 3}, Msg: "unknown source \x1b[31mevil"},
		{Severity: dossier.SeverityError, Pos: dossier.Pos{File: "x/topics/02.md", Line: 9}, Msg: "second"},
	}
	s.tm.Send(ReloadFailedMsg{Problems: probs})
	f := s.waitFor("the banner", func(f vframe) bool { return strings.Contains(f.text(), "not reloaded") })
	if !strings.Contains(f.text(), "not reloaded: x/topics/02.md:7:3: unknown source [31mevil") {
		t.Errorf("banner does not name the first error:\n%s", f.text())
	}
	if !strings.Contains(f.text(), "(and 1 more)") {
		t.Errorf("banner does not count the other errors:\n%s", f.text())
	}
	if f.dsr != d || f.lay.Topic != d.Topics[1].ID {
		t.Fatal("a failed reload changed what is shown")
	}

	delete(fsys, "topics/02-committee.md")
	d2 := mustLoad(t, fsys)
	s.tm.Send(ReloadMsg{Dossier: d2})
	g := s.waitFor("the new version", func(f vframe) bool { return f.dsr == d2 && f.lay != nil && f.lay.Dossier == d2 })
	if g.lay.Topic != d2.Topics[len(d2.Topics)-1].ID || strings.Contains(g.text(), "not reloaded") {
		t.Fatalf("topic %s after its topic went; banner still up: %v", g.lay.Topic, strings.Contains(g.text(), "not reloaded"))
	}
}

// A presenter keeps the stop; the notes of the new version replace the old
// ones; a briefing that lost stops clamps the stop.
func TestReloadPresenterNotes(t *testing.T) {
	fsys := mapOf(t, os.DirFS("../docs/example/water-talks"))
	d := mustLoad(t, fsys)
	s := start(t, d, 100, 30, func(o *Options) { o.Role = RolePresenter })
	s.press("right", "right")
	s.waitFor("stop 2's notes", contains("stop 2/", "Nine hours or eleven"))
	b := string(fsys["briefings/five-minute.md"].Data)
	fsys["briefings/five-minute.md"] = &fstest.MapFile{Data: []byte(strings.Replace(b, "Nine hours or eleven", "Ten hours, give or take", 1))}
	d2 := mustLoad(t, fsys)
	s.tm.Send(ReloadMsg{Dossier: d2})
	s.waitFor("the new notes on the same stop", contains("stop 2/", "Ten hours, give or take"))

	// only the first stop is left
	cut := strings.Index(b, "## The second day")
	fsys["briefings/five-minute.md"] = &fstest.MapFile{Data: []byte(b[:cut])}
	d3 := mustLoad(t, fsys)
	s.tm.Send(ReloadMsg{Dossier: d3})
	s.waitFor("stop 1 of 1", contains("stop 1/1", "Point at the two versions"))
}

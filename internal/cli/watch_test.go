package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// exampleCopy copies the example dossier into a temporary folder.
func exampleCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "water")
	if err := os.CopyFS(dir, os.DirFS(example)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// replaceIn edits a file in place and returns its new text.
func replaceIn(t *testing.T, path, old, new string) string {
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

func TestWatchRefusals(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--watch"}, "the built-in dossier never changes"},
		{[]string{"present", "--watch"}, "the built-in dossier never changes"},
		{[]string{"serve", "--watch", "--open", "--listen", "127.0.0.1:0"}, "the built-in dossier never changes"},
		{[]string{example, "--watch"}, "needs a terminal to reload on with --watch"},
		{[]string{filepath.Join(example, "nowhere"), "--watch"}, "cannot watch the dossier folder"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code == 0 || !strings.Contains(strings.ToLower(stderr), strings.ToLower(tc.want)) {
			t.Errorf("%v: exit %d, stderr %q; want a failure saying %q", tc.args, code, stderr, tc.want)
		}
	}
}

// ptyScreen is a terminal for the reader run in-process: the program writes
// to the pty's tty, the test reads what a user would see.
type ptyScreen struct {
	screen *vtest.Screen
	tty    *os.File
	ptmx   *os.File // keys typed go here
}

func openPTY(t *testing.T, w, h int) *ptyScreen {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		t.Fatal(err)
	}
	s := &ptyScreen{screen: vtest.New(w, h), tty: tty, ptmx: ptmx}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _, _ = io.Copy(s.screen, ptmx) }()
	t.Cleanup(func() { _ = tty.Close(); _ = ptmx.Close(); wg.Wait() })
	return s
}

func (s *ptyScreen) shows(t *testing.T, what string, cond func(text string) bool) {
	t.Helper()
	deadline := time.Now().Add(serveWait)
	for !cond(s.screen.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; the screen shows:\n%s", what, s.screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestReaderWatch runs `dossier PATH --watch` in a pty: a save shows, a save
// with an error shows the banner over the last good version, the fix
// clears it; the command returns when its context ends.
func TestReaderWatch(t *testing.T) {
	dir := exampleCopy(t)
	term := openPTY(t, 120, 30)
	// os/signal starts one goroutine for good on first use (Bubble Tea
	// uses it); start it before counting.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	signal.Stop(sig)
	base := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	// Bubble Tea reads keys from stdin when it is a terminal, else from
	// /dev/tty, which a test does not have.
	stdin := os.Stdin
	os.Stdin = term.tty
	t.Cleanup(func() { os.Stdin = stdin })
	var errb lockedBuf
	go func() { done <- Execute(ctx, "test", []string{dir, "--watch", "--style", "dark"}, term.tty, &errb) }()
	defer cancel()
	has := func(sub string) func(string) bool { return func(s string) bool { return strings.Contains(s, sub) } }
	term.shows(t, "the first claim", has("Radio Downstream said no figure"))

	flows := filepath.Join(dir, "topics", "01-flows.md")
	good := replaceIn(t, flows, "Radio Downstream said no figure", "Radio Downstream now admits a figure")
	term.shows(t, "the edited claim", has("Radio Downstream now admits a figure"))

	replaceIn(t, flows, "[@radio-down; @wire-0304]", "[@radio-dawn; @wire-0304]")
	term.shows(t, "the banner", has("not reloaded: topics/01-flows.md:17:"))
	if !term.screen.Contains("Radio Downstream now admits a figure") {
		t.Fatalf("the last good version is gone:\n%s", term.screen)
	}
	if err := os.WriteFile(flows, []byte(strings.Replace(good, "now admits", "then admitted", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	term.shows(t, "the fix", func(s string) bool {
		return strings.Contains(s, "Radio Downstream then admitted a figure") && !strings.Contains(s, "not reloaded")
	})
	if _, err := term.ptmx.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("the reader exited %d: %s", code, errb.String())
		}
	case <-time.After(serveWait):
		t.Fatal("the reader did not quit on q")
	}
	// the watcher and everything the reader started are gone
	deadline := time.Now().Add(serveWait)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after the reader quit, %d before:\n%s", runtime.NumGoroutine(), base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServeWatch: over SSH every session picks up a save, the banner of a
// save with errors (a session that connects meanwhile too), and the fix.
func TestServeWatch(t *testing.T) {
	dir := exampleCopy(t)
	addr := startServe(t, dir, "--watch", "--open")
	ann := openSSH(t, addr, "ann", nil, 120, 30)
	ben := openSSH(t, addr, "ben", nil, 100, 30)
	for _, s := range []*sshTerm{ann, ben} {
		s.shows(t, "Radio Downstream said no figure")
	}
	ben.keys(t, "]") // ben reads the second topic; he stays there
	ben.shows(t, "The technical committee")

	flows := filepath.Join(dir, "topics", "01-flows.md")
	good := replaceIn(t, flows, "Radio Downstream said no figure", "Radio Downstream now admits a figure")
	ann.shows(t, "Radio Downstream now admits a figure")
	ben.keys(t, "[")
	ben.shows(t, "Radio Downstream now admits a figure")

	replaceIn(t, flows, "[@radio-down; @wire-0304]", "[@radio-dawn; @wire-0304]")
	for _, s := range []*sshTerm{ann, ben} {
		s.shows(t, "not reloaded: topics/01-flows.md:17:")
	}
	cal := openSSH(t, addr, "cal", nil, 120, 30)
	cal.shows(t, "not reloaded: topics/01-flows.md:17:")
	cal.shows(t, "Radio Downstream now admits a figure")

	if err := os.WriteFile(flows, []byte(strings.Replace(good, "now admits", "then admitted", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*sshTerm{ann, ben, cal} {
		s.shows(t, "Radio Downstream then admitted a figure")
		s.waitFor(t, "the banner to go", func() bool { return !s.screen.Contains("not reloaded") })
	}
}

package server

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/internal/vtest"
)

// waitLimit only keeps a broken server from hanging a test; no test measures
// time against it. It scales with the machine (testkit.HangLimit).
var waitLimit = testkit.HangLimit()

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer = testkit.SyncBuffer

// newKey returns a fresh ed25519 client key and its authorized_keys line.
func newKey(t *testing.T, comment string) (gossh.Signer, string) {
	t.Helper()
	return testkit.NewKey(t, comment)
}

func writeFile(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	return testkit.WriteFile(t, dir, name, lines...)
}

// testDossier is a minimal hand-built dossier with a three-stop briefing.
func testDossier() *dossier.Dossier {
	return &dossier.Dossier{
		ID: "test", Title: "Test dossier",
		Briefings: []dossier.Briefing{{ID: "brief", Title: "Brief", Stops: []dossier.Stop{
			{Title: "one", View: "compare"}, {Title: "two", View: "compare"}, {Title: "three", View: "compare"},
		}}},
	}
}

// testServer is a server running on 127.0.0.1:0 for one test.
type testServer struct {
	*Server
	addr string
	logs *syncBuffer
	stop context.CancelFunc
	done chan error
}

// startServer starts a server; a zero cfg.Listen means 127.0.0.1:0 and a
// zero HostKey a key in a temporary folder.
func startServer(t *testing.T, cfg Config, factory Factory) *testServer {
	t.Helper()
	return startServerOn(t, cfg, testDossier(), factory)
}

// startServerOn is startServer serving d.
func startServerOn(t *testing.T, cfg Config, d *dossier.Dossier, factory Factory) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	cfg.Logger = log.New(logs)
	if cfg.HostKey == "" {
		cfg.HostKey = filepath.Join(t.TempDir(), "host_ed25519")
	}
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:0"
	}
	if cfg.RatePerSecond == 0 {
		cfg.RatePerSecond, cfg.RateBurst = 1000, 1000
	}
	if cfg.MaxSessionsPerAddress == 0 {
		cfg.MaxSessionsPerAddress = 1000 // every test client is 127.0.0.1
	}
	if factory == nil {
		factory = newFakeReader
	}
	srv, err := New(cfg, d, factory)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var sv *testkit.Served
	if cfg.Listen == "127.0.0.1:0" {
		sv = testkit.Serve(t, srv.ServeListener)
	} else {
		t.Fatalf("startServer listens on 127.0.0.1:0 only, not %s", cfg.Listen)
	}
	ts := &testServer{Server: srv, addr: sv.Addr, logs: logs, stop: sv.Stop, done: sv.Done}
	return ts
}

// dial connects as user with the given auth methods (none for a keyless
// client).
func dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return testkit.Dial(addr, user, auth...)
}

func mustDial(t *testing.T, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	return testkit.MustDial(t, addr, user, auth...)
}

// term is an interactive session seen through a terminal emulator (the
// fields of a testkit.Term, kept so that tests may build one by hand).
type term struct {
	sess   *gossh.Session
	screen *vtest.Screen
	raw    *syncBuffer // every byte of stdout
	stderr *syncBuffer
	stdin  interface{ Write([]byte) (int, error) }
	done   chan error // Wait's result
}

func openTerm(t *testing.T, c *gossh.Client, w, h int) *term {
	t.Helper()
	k := testkit.OpenTerm(t, c, testkit.TermOptions{Width: w, Height: h})
	return &term{sess: k.Sess, screen: k.Screen, raw: k.Raw, stderr: k.Stderr, stdin: k.Stdin, done: k.Done}
}

func (tm *term) kit() *testkit.Term {
	return &testkit.Term{Sess: tm.sess, Screen: tm.screen, Raw: tm.raw, Stderr: tm.stderr, Stdin: tm.stdin, Done: tm.done}
}

type multiWriter []interface{ Write([]byte) (int, error) }

func (m multiWriter) Write(p []byte) (int, error) {
	for _, w := range m {
		_, _ = w.Write(p)
	}
	return len(p), nil
}

// waitFor polls cond until it holds; it fails the test after waitLimit.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testkit.WaitUntil(t, what, cond)
}

func (tm *term) waitScreen(t *testing.T, sub string) {
	t.Helper()
	tm.kit().WaitScreen(t, sub)
}

// waitExit waits for the session to end and returns everything it wrote.
func (tm *term) waitExit(t *testing.T) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, err := tm.kit().WaitExit(t)
	var ee *gossh.ExitError
	if err != nil && !errors.As(err, &ee) && !errors.Is(err, errMissingExit) && err.Error() != errMissingExit.Error() {
		t.Logf("session ended: %v", err)
	}
	return stdout, stderr
}

var errMissingExit = &gossh.ExitMissingError{}

func (tm *term) keys(t *testing.T, s string) {
	t.Helper()
	tm.kit().Keys(t, s)
}

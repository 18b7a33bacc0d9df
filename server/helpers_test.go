package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/vtest"
)

// waitLimit only keeps a broken server from hanging a test; no test measures
// time against it.
const waitLimit = 15 * time.Second

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newKey returns a fresh ed25519 client key and its authorized_keys line.
func newKey(t *testing.T, comment string) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey()))) + " " + comment
	return signer, line
}

func writeFile(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
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
	srv, err := New(cfg, testDossier(), factory)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: srv, addr: ln.Addr().String(), logs: logs, stop: cancel, done: make(chan error, 1)}
	go func() { ts.done <- srv.ServeListener(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ts.done:
		case <-time.After(waitLimit):
			t.Errorf("server did not stop")
		}
	})
	return ts
}

// dial connects as user with the given auth methods (none for a keyless
// client).
func dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
	})
}

func mustDial(t *testing.T, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := dial(addr, user, auth...)
	if err != nil {
		t.Fatalf("dial as %s: %v", user, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// term is an interactive session seen through a terminal emulator.
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
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: sess, screen: vtest.New(w, h), raw: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout = multiWriter{tm.screen, tm.raw}
	sess.Stderr = tm.stderr
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	t.Cleanup(func() { _ = sess.Close() })
	return tm
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
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (tm *term) waitScreen(t *testing.T, sub string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !tm.screen.Contains(sub) {
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; it shows:\n%s", sub, tm.screen)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitExit waits for the session to end and returns everything it wrote.
func (tm *term) waitExit(t *testing.T) (stdout, stderr string) {
	t.Helper()
	select {
	case err := <-tm.done:
		var ee *gossh.ExitError
		if err != nil && !errors.As(err, &ee) && !errors.Is(err, errMissingExit) && err.Error() != errMissingExit.Error() {
			t.Logf("session ended: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatalf("session did not end; screen:\n%s", tm.screen)
	}
	return tm.raw.String(), tm.stderr.String()
}

var errMissingExit = &gossh.ExitMissingError{}

func (tm *term) keys(t *testing.T, s string) {
	t.Helper()
	if _, err := tm.stdin.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

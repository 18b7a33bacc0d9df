package hostile

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/vtest"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/server"
	"github.com/dossier-dev/dossier/ui"
)

// sshServer is a real dossier server with the real reader, on 127.0.0.1:0.
type sshServer struct {
	*server.Server
	addr string
	logs *lockedBuffer
	stop context.CancelFunc
	done chan error
}

// startSSH starts a server for d. A zero Listen, HostKey or rate limit is
// filled in for a test; the reader is built as `dossier serve` builds it.
func startSSH(t *testing.T, d *dossier.Dossier, cfg server.Config) *sshServer {
	t.Helper()
	logs := &lockedBuffer{}
	cfg.Logger = log.New(logs)
	if cfg.HostKey == "" {
		cfg.HostKey = filepath.Join(t.TempDir(), "host_ed25519")
	}
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:0"
	}
	if cfg.RatePerSecond == 0 {
		cfg.RatePerSecond, cfg.RateBurst = 1e6, 1e6
	}
	cache := render.NewCache()
	srv, err := server.New(cfg, d, func(s server.Session) tea.Model {
		return ui.New(ui.Options{Dossier: s.Dossier, Cache: cache, Width: s.Width, Height: s.Height, Role: s.Role, Presence: s.Presence, Briefing: s.Briefing})
	})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &sshServer{Server: srv, addr: ln.Addr().String(), logs: logs, stop: cancel, done: make(chan error, 1)}
	go func() { s.done <- srv.ServeListener(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(hangLimit):
			t.Error("hang: the server did not stop")
		}
	})
	return s
}

// newClientKey returns a fresh ed25519 key and its authorized_keys line
// with the given comment (the display name).
func newClientKey(t *testing.T, comment string) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey()))) + " " + comment
}

// writeTemp writes lines to a new file in the test's temporary folder.
func writeTemp(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// dialSSH logs in as user, with a key when signer is not nil.
func dialSSH(addr, user string, signer gossh.Signer) (*gossh.Client, error) {
	var auth []gossh.AuthMethod
	if signer != nil {
		auth = append(auth, gossh.PublicKeys(signer))
	}
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: hangLimit})
}

func mustDialSSH(t *testing.T, addr, user string, signer gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := dialSSH(addr, user, signer)
	if err != nil {
		t.Fatalf("dial as %q: %v", user, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// sshTerm is an interactive session seen through a terminal emulator,
// keeping every byte it received.
type sshTerm struct {
	sess   *gossh.Session
	screen *vtest.Screen
	raw    *lockedBuffer // stdout, every byte
	stderr *lockedBuffer
	stdin  interface{ Write([]byte) (int, error) }
	done   chan error
}

// openSSHTerm opens a session with a w×h PTY of the given TERM.
func openSSHTerm(t *testing.T, c *gossh.Client, term string, w, h int) *sshTerm {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &sshTerm{sess: sess, screen: vtest.New(w, h), raw: &lockedBuffer{}, stderr: &lockedBuffer{}, done: make(chan error, 1)}
	sess.Stdout = multi{&onlcr{w: st.screen}, st.raw}
	sess.Stderr = st.stderr
	if st.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(term, h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { st.done <- sess.Wait() }()
	t.Cleanup(func() { _ = sess.Close() })
	return st
}

// waitScreen waits until the screen shows sub.
func (st *sshTerm) waitScreen(t *testing.T, sub string) {
	t.Helper()
	deadline := time.Now().Add(hangLimit)
	for !st.screen.Contains(sub) {
		if time.Now().After(deadline) {
			t.Fatalf("hang: the screen never showed %q; it shows:\n%s", sub, st.screen)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// keys types s.
func (st *sshTerm) keys(t *testing.T, s string) {
	t.Helper()
	if _, err := st.stdin.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

// waitExit waits for the session to end.
func (st *sshTerm) waitExit(t *testing.T) {
	t.Helper()
	select {
	case <-st.done:
	case <-time.After(hangLimit):
		t.Fatalf("hang: the session did not end; screen:\n%s", st.screen)
	}
}

// waitUntil polls cond until it holds, failing after hangLimit.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(hangLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("hang: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

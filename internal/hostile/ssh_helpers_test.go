package hostile

import (
	"context"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
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

// startSSH starts a server for d. A zero HostKey or rate limit is filled in
// for a test; the reader is built as `dossier serve` builds it.
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
	sv := testkit.Serve(t, srv.ServeListener)
	return &sshServer{Server: srv, addr: sv.Addr, logs: logs, stop: sv.Stop, done: sv.Done}
}

// newClientKey returns a fresh ed25519 key and its authorized_keys line
// with the given comment (the display name).
func newClientKey(t *testing.T, comment string) (gossh.Signer, string) {
	t.Helper()
	return testkit.NewKey(t, comment)
}

// writeTemp writes lines to a new file in the test's temporary folder.
func writeTemp(t *testing.T, name string, lines ...string) string {
	t.Helper()
	return testkit.WriteFile(t, t.TempDir(), name, lines...)
}

// dialSSH logs in as user, with a key when signer is not nil.
func dialSSH(addr, user string, signer gossh.Signer) (*gossh.Client, error) {
	var auth []gossh.AuthMethod
	if signer != nil {
		auth = append(auth, gossh.PublicKeys(signer))
	}
	return testkit.Dial(addr, user, auth...)
}

func mustDialSSH(t *testing.T, addr, user string, signer gossh.Signer) *gossh.Client {
	t.Helper()
	var auth []gossh.AuthMethod
	if signer != nil {
		auth = append(auth, gossh.PublicKeys(signer))
	}
	return testkit.MustDial(t, addr, user, auth...)
}

// sshTerm is an interactive session seen through a terminal emulator,
// keeping every byte it received (a testkit.Term under the names these
// tests use).
type sshTerm struct {
	k      *testkit.Term
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
	k := testkit.OpenTerm(t, c, testkit.TermOptions{Term: term, Width: w, Height: h, ONLCR: true})
	return &sshTerm{k: k, sess: k.Sess, screen: k.Screen, raw: k.Raw, stderr: k.Stderr, stdin: k.Stdin, done: k.Done}
}

// waitScreen waits until the screen shows sub.
func (st *sshTerm) waitScreen(t *testing.T, sub string) {
	t.Helper()
	st.k.WaitScreen(t, sub)
}

// keys types s.
func (st *sshTerm) keys(t *testing.T, s string) {
	t.Helper()
	st.k.Keys(t, s)
}

// waitExit waits for the session to end.
func (st *sshTerm) waitExit(t *testing.T) {
	t.Helper()
	_, _, _ = st.k.WaitExit(t)
}

// waitUntil polls cond until it holds, failing after hangLimit.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testkit.WaitUntil(t, what, cond)
}

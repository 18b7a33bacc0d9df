package cli

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/vtest"
)

// serveWait only keeps a broken server from hanging the test; nothing is
// measured against it.
const serveWait = 20 * time.Second

type lockedBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs `dossier serve` in-process on a free loopback port and
// returns its address.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var errb lockedBuf
	done := make(chan int, 1)
	args = append([]string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "host")}, args...)
	go func() { done <- Execute(ctx, "test", args, io.Discard, &errb) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d:\n%s", code, errb.String())
			}
		case <-time.After(serveWait):
			t.Errorf("serve did not stop")
		}
	})
	re := regexp.MustCompile(`listening addr=(\S+)`)
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(errb.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("serve never listened:\n%s", errb.String())
	return ""
}

type sshTerm struct {
	screen *vtest.Screen
	stdin  io.Writer
}

func openSSH(t *testing.T, addr, user string, key gossh.Signer, w, h int) *sshTerm {
	t.Helper()
	var auth []gossh.AuthMethod
	if key != nil {
		auth = append(auth, gossh.PublicKeys(key))
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: serveWait})
	if err != nil {
		t.Fatalf("dial as %s: %v", user, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &sshTerm{screen: vtest.New(w, h)}
	sess.Stdout = st.screen
	if st.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return st
}

func (s *sshTerm) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(serveWait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; the screen shows:\n%s", what, s.screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *sshTerm) shows(t *testing.T, sub string) {
	t.Helper()
	s.waitFor(t, "\""+sub+"\"", func() bool { return s.screen.Contains(sub) })
}

func (s *sshTerm) keys(t *testing.T, k string) {
	t.Helper()
	if _, err := s.stdin.Write([]byte(k)); err != nil {
		t.Fatal(err)
	}
}

// TestServeFollowersFollowThePresenter runs the real reader over SSH: when
// the presenter moves to the next topic, every follower's screen shows it;
// a follower that navigated stays put until it presses f.
func TestServeFollowersFollowThePresenter(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	alice, _ := gossh.NewSignerFromKey(priv)
	presenters := filepath.Join(t.TempDir(), "presenters")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(alice.PublicKey()))) + " alice\n"
	if err := os.WriteFile(presenters, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := startServe(t, "--open", "--presenters", presenters)

	title := func(i int) string { return d.Topics[i].Title }
	pres := openSSH(t, addr, "alice", alice, 160, 40)
	pres.shows(t, title(0))
	pres.shows(t, "presenting")
	bob := openSSH(t, addr, "bob", nil, 120, 40)
	carol := openSSH(t, addr, "carol", nil, 160, 30)
	for _, f := range []*sshTerm{bob, carol} {
		f.shows(t, "following alice")
	}

	pres.keys(t, "]") // next topic
	pres.shows(t, title(1))
	for _, f := range []*sshTerm{bob, carol} {
		f.shows(t, title(1))
	}

	// carol browses on her own (next topic) and stays there.
	carol.keys(t, "]")
	carol.shows(t, "browsing on your own")
	carol.shows(t, title(2))
	pres.keys(t, "[") // back to the first topic
	bob.shows(t, title(0))
	if !carol.screen.Contains(title(2)) || carol.screen.Contains(title(0)) {
		t.Fatalf("a detached follower was moved:\n%s", carol.screen)
	}
	carol.keys(t, "f")
	carol.shows(t, "following alice")
	carol.shows(t, title(0))
}

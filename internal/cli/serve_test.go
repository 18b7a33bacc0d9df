package cli

import (
	"context"
	"io"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/internal/vtest"
)

// serveWait only keeps a broken server from hanging the test; nothing is
// measured against it. It scales with the machine (testkit.HangLimit).
var serveWait = testkit.HangLimit()

type lockedBuf = testkit.SyncBuffer

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

// sshTerm is a session of `dossier serve` seen through a terminal
// emulator (testkit.Term).
type sshTerm struct {
	k      *testkit.Term
	screen *vtest.Screen
}

func openSSH(t *testing.T, addr, user string, key gossh.Signer, w, h int) *sshTerm {
	t.Helper()
	var auth []gossh.AuthMethod
	if key != nil {
		auth = append(auth, gossh.PublicKeys(key))
	}
	k := testkit.OpenTerm(t, testkit.MustDial(t, addr, user, auth...), testkit.TermOptions{Width: w, Height: h})
	return &sshTerm{k: k, screen: k.Screen}
}

func (s *sshTerm) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	testkit.WaitUntilShowing(t, what, cond, s.screen.String)
}

func (s *sshTerm) shows(t *testing.T, sub string) {
	t.Helper()
	s.waitFor(t, "\""+sub+"\"", func() bool { return s.screen.Contains(sub) })
}

func (s *sshTerm) keys(t *testing.T, k string) {
	t.Helper()
	s.k.Keys(t, k)
}

// TestServeFollowersFollowThePresenter runs the real reader over SSH: when
// the presenter moves to the next topic, every follower's screen shows it;
// a follower that navigated stays put until it presses f.
func TestServeFollowersFollowThePresenter(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	alice, line := testkit.NewKey(t, "alice")
	presenters := testkit.WriteFile(t, t.TempDir(), "presenters", line)
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

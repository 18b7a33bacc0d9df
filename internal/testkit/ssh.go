package testkit

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// SyncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// NewKey returns a fresh ed25519 client key and its authorized_keys line
// ending in comment (the display name).
func NewKey(t testing.TB, comment string) (gossh.Signer, string) {
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

// WriteFile writes lines, each ending in a newline, to dir/name and
// returns its path.
func WriteFile(t testing.TB, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Served is a server started by Serve.
type Served struct {
	Addr string             // host:port it listens on
	Stop context.CancelFunc // cancels serve's context
	// Done receives what serve returned. A test that takes the value must
	// put one back for the cleanup.
	Done chan error
}

// Serve runs serve on a fresh listener on 127.0.0.1:0. When the test ends
// the context is cancelled and serve must return within HangLimit.
func Serve(t testing.TB, serve func(context.Context, net.Listener) error) *Served {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Served{Addr: ln.Addr().String(), Stop: cancel, Done: make(chan error, 1)}
	go func() { s.Done <- serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.Done:
		case <-time.After(HangLimit()):
			t.Error("hang: the server did not stop")
		}
	})
	return s
}

// Dial connects to an SSH server as user with the given auth methods (none
// for a keyless client), accepting any host key.
func Dial(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         HangLimit(),
	})
}

// MustDial is Dial that fails t on an error and closes the client when the
// test ends.
func MustDial(t testing.TB, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := Dial(addr, user, auth...)
	if err != nil {
		t.Fatalf("dial as %q: %v", user, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// Term is an interactive SSH session seen through a terminal emulator,
// keeping every byte it received.
type Term struct {
	Sess   *gossh.Session
	Screen *vtest.Screen
	Raw    *SyncBuffer // stdout, every byte
	Stderr *SyncBuffer
	Stdin  io.Writer
	Done   chan error // Wait's result
}

// TermOptions are the options of OpenTerm.
type TermOptions struct {
	Term          string // TERM; xterm-256color when empty
	Width, Height int
	// ONLCR turns "\n" into "\r\n" on the way to the screen, as a
	// terminal's line discipline does for text the program did not lay out.
	ONLCR bool
}

// OpenTerm opens a shell session with a PTY on c and shows its output on a
// vtest screen. The session is closed when the test ends.
func OpenTerm(t testing.TB, c *gossh.Client, o TermOptions) *Term {
	t.Helper()
	if o.Term == "" {
		o.Term = "xterm-256color"
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &Term{Sess: sess, Screen: vtest.New(o.Width, o.Height), Raw: &SyncBuffer{}, Stderr: &SyncBuffer{}, Done: make(chan error, 1)}
	var screen io.Writer = tm.Screen
	if o.ONLCR {
		screen = &onlcr{w: tm.Screen}
	}
	sess.Stdout = io.MultiWriter(screen, tm.Raw)
	sess.Stderr = tm.Stderr
	if tm.Stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(o.Term, o.Height, o.Width, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.Done <- sess.Wait() }()
	t.Cleanup(func() { _ = sess.Close() })
	return tm
}

// Keys types s.
func (tm *Term) Keys(t testing.TB, s string) {
	t.Helper()
	if _, err := tm.Stdin.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

// WaitScreen waits until the screen shows sub.
func (tm *Term) WaitScreen(t testing.TB, sub string) {
	t.Helper()
	deadline := time.Now().Add(HangLimit())
	for !tm.Screen.Contains(sub) {
		if time.Now().After(deadline) {
			t.Fatalf("hang: the screen never showed %q; it shows:\n%s", sub, tm.Screen)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// WaitExit waits for the session to end and returns what Wait returned
// (an *ssh.ExitError for a non-zero status) and everything it wrote.
func (tm *Term) WaitExit(t testing.TB) (stdout, stderr string, err error) {
	t.Helper()
	select {
	case err = <-tm.Done:
	case <-time.After(HangLimit()):
		t.Fatalf("hang: the session did not end; screen:\n%s", tm.Screen)
	}
	return tm.Raw.String(), tm.Stderr.String(), err
}

// ExitStatus returns the status of an ended session's Wait error: 0 for
// nil, the status of an ExitError, -1 for anything else.
func ExitStatus(err error) int {
	var ee *gossh.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitStatus()
	}
	return -1
}

// onlcr writes "\r\n" for every "\n" not already preceded by "\r".
type onlcr struct {
	w    io.Writer
	mu   sync.Mutex
	last byte
}

func (o *onlcr) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var b bytes.Buffer
	for _, c := range p {
		if c == '\n' && o.last != '\r' {
			b.WriteByte('\r')
		}
		b.WriteByte(c)
		o.last = c
	}
	_, err := o.w.Write(b.Bytes())
	return len(p), err
}

// ONLCR returns a writer that writes "\r\n" to w for every "\n" not
// already preceded by "\r", as a tty with output processing does.
func ONLCR(w io.Writer) io.Writer { return &onlcr{w: w} }

package server

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// Found by the hardening tests (internal/hostile): the handshake and idle
// timers of a connection were left running when it closed, and each kept the
// whole SSH connection alive through its context until it fired (the idle
// timer after half an hour): 1,000 short connections kept 20 MiB.
func TestClosedConnectionsAreNotKept(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	mustDial(t, ts.addr, "warm").Close()
	before := heap()
	const n = 300
	for i := range n {
		c, err := dial(ts.addr, fmt.Sprintf("u%d", i))
		if err != nil {
			t.Fatal(err)
		}
		_ = c.Close()
	}
	// Closing is asynchronous on the server's side; wait, bounded.
	deadline := time.Now().Add(waitLimit)
	for {
		after := heap()
		if after < before+n*8<<10 { // a kept connection holds about 20 KiB
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d closed connections left the heap at %d KiB, from %d KiB", n, after>>10, before>>10)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Found by the hardening tests (internal/hostile): a client that closed its
// session's channel but kept the connection left the reader running, and
// its session slot taken, until the idle timeout.
func TestClosedChannelEndsTheSession(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	c := mustDial(t, ts.addr, "closer")
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	pty := gossh.Marshal(struct {
		Term                 string
		Cols, Rows, PxW, PxH uint32
		Modes                string
	}{"xterm", 80, 24, 0, 0, ""})
	if ok, err := ch.SendRequest("pty-req", true, pty); !ok || err != nil {
		t.Fatalf("pty-req: %v %v", ok, err)
	}
	if ok, err := ch.SendRequest("shell", true, nil); !ok || err != nil {
		t.Fatalf("shell: %v %v", ok, err)
	}
	waitFor(t, "the session to start", func() bool { return ts.Sessions() == 1 })
	_ = ch.Close() // the channel only; the connection stays
	waitFor(t, "the session to end", func() bool { return ts.Sessions() == 0 })
	waitFor(t, "the log", func() bool { return strings.Contains(ts.logs.String(), "reason=\"client closed the session\"") })
}

// Found by the hardening tests (internal/hostile): a window change sent
// right after the shell request raced, inside charm.land/ssh, with the
// session reading its PTY. Under -race (as CI runs) this test failed; the
// last size must still reach the reader.
func TestWindowChangeAtOnce(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	c := mustDial(t, ts.addr, "quick")
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: sess, screen: vtest.New(100, 30), raw: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = multiWriter{tm.screen, tm.raw}, tm.stderr
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := sess.WindowChange(30, 81+i); err != nil {
			t.Fatal(err)
		}
	}
	tm.waitScreen(t, "size=100x30.")
	_ = sess.Close()
}

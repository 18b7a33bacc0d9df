package server

import (
	"fmt"
	"net"
	"runtime"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestSessionsLeaveNothingBehind opens and ends many sessions, politely and
// abruptly, and checks that the server's goroutines return to where they
// were; with shared frames too, where followers are members of a frame
// group until they type.
func TestSessionsLeaveNothingBehind(t *testing.T) {
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) { leaveNothingBehind(t, shared) })
	}
}

func leaveNothingBehind(t *testing.T, shared bool) {
	_, line := newKey(t, "alice") // presenters make every session join the hub
	ts := startServer(t, Config{Open: true, ShareFrames: shared, Presenters: writeFile(t, t.TempDir(), "presenters", line)}, nil)
	// One session first, so that lazily started goroutines are in the baseline.
	c := mustDial(t, ts.addr, "warm")
	w := openTerm(t, c, 80, 24)
	w.waitScreen(t, "FAKE READER")
	w.keys(t, "q")
	w.waitExit(t)
	_ = c.Close()
	waitFor(t, "no sessions", func() bool { return ts.Sessions() == 0 })
	base := runtime.NumGoroutine()

	for i := range 30 {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		cc, chans, reqs, err := gossh.NewClientConn(nc, ts.addr, &gossh.ClientConfig{
			User: fmt.Sprintf("u%d", i), HostKeyCallback: gossh.InsecureIgnoreHostKey()})
		if err != nil {
			t.Fatal(err)
		}
		c := gossh.NewClient(cc, chans, reqs)
		tm := openTerm(t, c, 80, 24)
		tm.waitScreen(t, "FAKE READER")
		switch i % 3 {
		case 0: // the reader quits
			tm.keys(t, "q")
			tm.waitExit(t)
			_ = c.Close()
		case 1: // the client hangs up mid-session
			_ = c.Close()
		case 2: // the TCP connection is reset under the session
			_ = nc.(*net.TCPConn).SetLinger(0)
			_ = nc.Close()
		}
	}
	// Connections that never finish the handshake.
	for range 10 {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = nc.Write([]byte("SSH-2.0-x\r\n"))
		_ = nc.Close()
	}
	waitFor(t, "sessions to end", func() bool { return ts.Sessions() == 0 })
	deadline := time.Now().Add(waitLimit)
	for {
		n := runtime.NumGoroutine()
		if n <= base+2 {
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

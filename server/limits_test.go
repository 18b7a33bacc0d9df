package server

import (
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

func TestMaxSessions(t *testing.T) {
	ts := startServer(t, Config{Open: true, MaxSessions: 3}, nil)
	for i := range 3 {
		tm := openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("u%d", i)), 80, 24)
		tm.waitScreen(t, "FAKE READER")
	}
	fourth := openTerm(t, mustDial(t, ts.addr, "u3"), 80, 24)
	_, stderr := fourth.waitExit(t)
	if !strings.Contains(stderr, msgFull) {
		t.Fatalf("fourth session's stderr = %q, want %q", stderr, msgFull)
	}
	if !strings.Contains(ts.logs.String(), "server full (3 sessions)") {
		t.Fatalf("not logged:\n%s", ts.logs)
	}
	if n := ts.Sessions(); n != 3 {
		t.Fatalf("%d sessions, want 3", n)
	}
}

func TestShutdownSaysGoodbye(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	var terms []*term
	for i := range 3 {
		tm := openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("u%d", i)), 80, 24)
		tm.waitScreen(t, "FAKE READER")
		terms = append(terms, tm)
	}
	// A connection with no session at all must not hold the shutdown up.
	mustDial(t, ts.addr, "idle")
	ts.stop()
	for i, tm := range terms {
		out, _ := tm.waitExit(t)
		if !strings.Contains(out, msgStopping) {
			t.Fatalf("session %d did not see the goodbye; it got %q", i, out)
		}
	}
	select {
	case err := <-ts.done:
		if err != nil {
			t.Fatalf("ServeListener returned %v, want nil", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("server did not stop")
	}
	ts.done <- nil // for the cleanup
	if _, err := dial(ts.addr, "late"); err == nil {
		t.Fatal("a connection was accepted after shutdown")
	}
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	a := openTerm(t, mustDial(t, ts.addr, "a"), 80, 24)
	b := openTerm(t, mustDial(t, ts.addr, "b"), 80, 24)
	a.waitScreen(t, "FAKE READER")
	b.waitScreen(t, "FAKE READER")
	a.keys(t, "!")
	out, _ := a.waitExit(t)
	if !strings.Contains(out, msgInternal) {
		t.Fatalf("panicking session got %q", out)
	}
	b.keys(t, "\x1b[C") // →: b still answers
	b.waitScreen(t, "topic=topic-0.")
	if !strings.Contains(ts.logs.String(), "session panic") {
		t.Fatalf("panic not logged:\n%s", ts.logs)
	}
}

func TestIdleAndMaxSession(t *testing.T) {
	t.Run("idle", func(t *testing.T) {
		ts := startServer(t, Config{Open: true, IdleTimeout: 200 * time.Millisecond}, nil)
		tm := openTerm(t, mustDial(t, ts.addr, "sleepy"), 80, 24)
		out, _ := tm.waitExit(t)
		if !strings.Contains(out, "idle for 200ms, disconnecting") {
			t.Fatalf("got %q", out)
		}
	})
	t.Run("connection without a session", func(t *testing.T) {
		ts := startServer(t, Config{Open: true, IdleTimeout: 200 * time.Millisecond}, nil)
		c := mustDial(t, ts.addr, "lurker")
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Fatal("an idle connection without a session was kept open")
		}
		waitFor(t, "log", func() bool {
			return strings.Contains(ts.logs.String(), "logged in but opened no session within 200ms")
		})
	})
	t.Run("connection whose sessions ended", func(t *testing.T) {
		ts := startServer(t, Config{Open: true, IdleTimeout: time.Hour, StartTimeout: 200 * time.Millisecond}, nil)
		c := mustDial(t, ts.addr, "done")
		tm := openTerm(t, c, 80, 24)
		tm.waitScreen(t, "FAKE READER")
		tm.keys(t, "q")
		tm.waitExit(t)
		done := make(chan error, 1)
		go func() { done <- c.Wait() }()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Fatal("a connection whose session ended was kept open")
		}
		waitFor(t, "log", func() bool { return strings.Contains(ts.logs.String(), "closed idle connection user=done") })
	})
	t.Run("max session", func(t *testing.T) {
		ts := startServer(t, Config{Open: true, MaxSession: 200 * time.Millisecond}, nil)
		tm := openTerm(t, mustDial(t, ts.addr, "long"), 80, 24)
		out, _ := tm.waitExit(t)
		if !strings.Contains(out, "session time limit (200ms) reached") {
			t.Fatalf("got %q", out)
		}
	})
}

func TestRateLimitPerAddress(t *testing.T) {
	ts := startServer(t, Config{Open: true, RatePerSecond: 0.001, RateBurst: 2}, nil)
	// Two sessions on one connection use the burst; a second connection
	// (allowed: connections have their own budget) is refused its session.
	c := mustDial(t, ts.addr, "u")
	for range 2 {
		openTerm(t, c, 80, 24).waitScreen(t, "FAKE READER")
	}
	third := openTerm(t, mustDial(t, ts.addr, "u2"), 80, 24)
	_, stderr := third.waitExit(t)
	if !strings.Contains(stderr, "rate limit exceeded") {
		t.Fatalf("stderr = %q", stderr)
	}
}

func TestHugeWindowIsClamped(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	c := mustDial(t, ts.addr, "big")
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "size=80x24.")
	// window-change to 65535x65535: the reader sees the clamped size.
	ok, err := tm.sess.SendRequest("window-change", true, gossh.Marshal(struct{ W, H, PW, PH uint32 }{65535, 65535, 0, 0}))
	if err != nil || !ok {
		t.Fatalf("window-change: %v %v", ok, err)
	}
	tm.waitScreen(t, fmt.Sprintf("size=%dx%d.", maxCols, maxRows))
}

func TestHandshakeTimeoutAndGarbage(t *testing.T) {
	ts := startServer(t, Config{Open: true, HandshakeTimeout: 200 * time.Millisecond}, nil)
	for name, send := range map[string]string{
		"silent":       "",
		"garbage":      "GET / HTTP/1.1\r\nHost: x\r\n\r\n\x00\xff\xfe",
		"version only": "SSH-2.0-slowloris\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if send != "" {
				_, _ = c.Write([]byte(send))
			}
			_ = c.SetReadDeadline(time.Now().Add(waitLimit))
			if _, err := io.Copy(io.Discard, c); err != nil {
				t.Fatalf("the server did not close the connection: %v", err)
			}
		})
	}
	// A logged-in connection outlives the handshake timeout.
	c := mustDial(t, ts.addr, "ok")
	time.Sleep(400 * time.Millisecond)
	openTerm(t, c, 80, 24).waitScreen(t, "FAKE READER")
}

// An idle timer that fires before the client has even sent a user name
// must neither crash the server nor cut the handshake short: before login
// only the handshake timeout applies.
func TestIdleBeforeLogin(t *testing.T) {
	ts := startServer(t, Config{Open: true, IdleTimeout: 20 * time.Millisecond, HandshakeTimeout: 300 * time.Millisecond}, nil)
	c, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := io.Copy(io.Discard, c); err != nil {
		t.Fatalf("the silent connection was not closed: %v", err)
	}
	waitFor(t, "handshake timeout log", func() bool { return strings.Contains(ts.logs.String(), "no login within 300ms") })
	mustDial(t, ts.addr, "after")
}

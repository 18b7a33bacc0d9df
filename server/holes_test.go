package server

// Tests of the three holes of issue 18 and of the window-change flood: a
// session channel that never asks for a shell, connections that never log
// in, followers that fill the server; every timeout on a fake clock.

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/internal/vtest"
)

func heapAlloc() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// envFloodBound is what an env flood may add to the server's live heap, in
// all: the requests are declined and dropped, none is kept.
const envFloodBound = 8 << 20

func TestEnvFloodIsBounded(t *testing.T) {
	perClient := 100 // 2 clients x 100 x 200 KB = 40 MB sent
	if testkit.Soaking() {
		perClient = 1000 // the flood: 400 MB sent
	}
	clk := newFakeClock() // no start timeout fires during the flood
	ts := startServer(t, Config{Open: true, clock: clk}, nil)
	before := heapAlloc()
	value := strings.Repeat("v", 200<<10)
	var sessions []*gossh.Session
	for c := range 2 {
		sess, err := mustDial(t, ts.addr, fmt.Sprintf("flood%d", c)).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, sess)
		for i := range perClient {
			if err := sess.Setenv(fmt.Sprintf("X%d", i), value); err == nil {
				t.Fatalf("env X%d accepted", i)
			}
		}
		if err := sess.Setenv("NO_COLOR", strings.Repeat("1", 1000)); err == nil {
			t.Fatal("a 1000-byte NO_COLOR accepted")
		}
		if err := sess.Setenv("NO_COLOR", "1"); err != nil {
			t.Fatalf("NO_COLOR refused: %v", err)
		}
		if err := sess.Setenv("NO_COLOR", "1"); err == nil {
			t.Fatal("NO_COLOR accepted twice")
		}
	}
	after := heapAlloc() // the sessions are still open
	t.Logf("heap %d KiB before, %d KiB after %d env requests of 200 KB", before>>10, after>>10, 2*perClient)
	if after > before+envFloodBound {
		t.Fatalf("env flood: heap %d KiB, from %d KiB (bound +%d KiB)", after>>10, before>>10, envFloodBound>>10)
	}
	for _, s := range sessions {
		_ = s.Close()
	}
	waitFor(t, "the refusals logged", func() bool { return strings.Contains(ts.logs.String(), `reason="env requests"`) })
}

func TestShellLessChannelIsClosed(t *testing.T) {
	clk := newFakeClock()
	ts := startServer(t, Config{Open: true, clock: clk}, nil)
	c := mustDial(t, ts.addr, "lurker")
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	if _, err := ch.SendRequest("env", true, gossh.Marshal(struct{ K, V string }{"NO_COLOR", "1"})); err != nil {
		t.Fatal(err)
	}
	clk.waitPending(t, 1) // the channel's start timer (opening it stopped the connection's)
	clk.Advance(DefaultStartTimeout - time.Millisecond)
	if strings.Contains(ts.logs.String(), "closed session channel") {
		t.Fatal("closed before its time")
	}
	clk.Advance(time.Millisecond)
	done := make(chan error, 1)
	go func() { _, err := io.ReadAll(ch); done <- err }()
	select {
	case <-done:
	case <-time.After(waitLimit):
		t.Fatal("the shell-less channel was not closed")
	}
	waitFor(t, "the log", func() bool {
		return strings.Contains(ts.logs.String(), `closed session channel user=lurker name=lurker key=none`) &&
			strings.Contains(ts.logs.String(), `reason="no shell within 5s"`)
	})
	if ts.Sessions() != 0 {
		t.Fatalf("%d sessions", ts.Sessions())
	}
}

func TestLoginWithoutSessionIsClosed(t *testing.T) {
	clk := newFakeClock()
	ts := startServer(t, Config{Open: true, clock: clk}, nil)
	c := mustDial(t, ts.addr, "idler")
	clk.waitPending(t, 1)
	clk.Advance(DefaultStartTimeout)
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
	case <-time.After(waitLimit):
		t.Fatal("the connection without a session was not closed")
	}
	waitFor(t, "the log", func() bool {
		return strings.Contains(ts.logs.String(), `closed connection user=idler name=idler key=none`) &&
			strings.Contains(ts.logs.String(), "logged in but opened no session within 5s")
	})
}

// rawConn opens a TCP connection from the local address ip that never
// speaks SSH: a connection that has not logged in.
func rawConn(t *testing.T, addr, ip string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: waitLimit}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// dialFrom logs in as user from the local address ip.
func dialFrom(t *testing.T, addr, ip, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	nc := rawConn(t, addr, ip)
	cc, chans, reqs, err := gossh.NewClientConn(nc, addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitLimit})
	if err != nil {
		t.Fatalf("dial from %s: %v", ip, err)
	}
	c := gossh.NewClient(cc, chans, reqs)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// refusedBeforeSSH reads what the server says to a connection it drops.
func refusedBeforeSSH(t *testing.T, c net.Conn) string {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(waitLimit))
	b, _ := io.ReadAll(c)
	return string(b)
}

func TestStartupsCapKeepsRoomForLoggedInUsers(t *testing.T) {
	clk := newFakeClock()
	ts := startServer(t, Config{Open: true, clock: clk, Startups: Startups{Start: 2, Rate: 50, Full: 4},
		StartupsPerAddress: 100}, nil)
	ts.gate.random = func() float64 { return 0.99 } // no early drop below Full
	reader := mustDial(t, ts.addr, "reader")
	first := openTerm(t, reader, 80, 24)
	first.waitScreen(t, "FAKE READER")
	for range 4 {
		rawConn(t, ts.addr, "127.0.0.1")
	}
	waitFor(t, "4 connections not logged in", func() bool { u, _ := ts.gate.counts(); return u == 4 })
	if got := refusedBeforeSSH(t, rawConn(t, ts.addr, "127.0.0.3")); got != "dossier: "+msgBusy+"\r\n" {
		t.Fatalf("the fifth connection got %q", got)
	}
	if _, err := dial(ts.addr, "newcomer"); err == nil {
		t.Fatal("a new login got in past the cap")
	}
	// the logged-in reader still gets in: a second session, and the first answers
	second := openTerm(t, reader, 80, 24)
	second.waitScreen(t, "FAKE READER")
	first.keys(t, "\x1b[C")
	first.waitScreen(t, "topic=topic-0.")
	if !strings.Contains(ts.logs.String(), "too many connections not logged in (4, max-startups 2:50:4)") {
		t.Fatalf("not logged:\n%s", ts.logs)
	}
}

func TestGateRandomEarlyDrop(t *testing.T) {
	g := newGate(Startups{Start: 10, Rate: 30, Full: 20}, 100)
	var r float64
	g.random = func() float64 { return r }
	for i := range 10 {
		if ok, _ := g.admit(fmt.Sprint("10.0.0.", i)); !ok {
			t.Fatalf("dropped below start (%d)", i)
		}
	}
	// the drop probability is 30 % at 10, 37 % at 11, 93 % at 19, 100 % at 20
	r = 0.29
	if ok, _ := g.admit("10.0.1.1"); ok {
		t.Fatal("0.29 < 30 %: should drop")
	}
	r = 0.31
	if ok, _ := g.admit("10.0.1.2"); !ok {
		t.Fatal("0.31 > 30 %: should admit")
	}
	r = 0.36
	if ok, _ := g.admit("10.0.1.3"); ok {
		t.Fatal("0.36 < 37 %: should drop")
	}
	r = 0.999
	for i := range 9 {
		if ok, _ := g.admit(fmt.Sprint("10.0.4.", i)); !ok {
			t.Fatalf("0.999 dropped at %d", 11+i)
		}
	}
	if ok, _ := g.admit("10.0.5.1"); ok {
		t.Fatal("admitted at full")
	}
	g.loggedIn("10.0.0.1")
	if u, a := g.counts(); u != 19 || a != 1 {
		t.Fatalf("counts %d, %d", u, a)
	}
	g.closed("10.0.0.1", true)
	g.closed("10.0.0.2", false)
	if u, a := g.counts(); u != 18 || a != 0 {
		t.Fatalf("counts %d, %d", u, a)
	}
}

func TestStartupsPerAddress(t *testing.T) {
	ts := startServer(t, Config{Open: true, clock: newFakeClock(), StartupsPerAddress: 2}, nil)
	rawConn(t, ts.addr, "127.0.0.1")
	rawConn(t, ts.addr, "127.0.0.1")
	waitFor(t, "2 connections not logged in", func() bool { u, _ := ts.gate.counts(); return u == 2 })
	if got := refusedBeforeSSH(t, rawConn(t, ts.addr, "127.0.0.1")); !strings.Contains(got, msgBusy) {
		t.Fatalf("a third connection from one address got %q", got)
	}
	tm := openTerm(t, dialFrom(t, ts.addr, "127.0.0.2", "elsewhere"), 80, 24)
	tm.waitScreen(t, "FAKE READER")
}

func TestPresenterGetsInWhenFollowersFillTheServer(t *testing.T) {
	dir := t.TempDir()
	lead, line := newKey(t, "lead")
	ts := startServer(t, Config{Open: true, Presenters: writeFile(t, dir, "presenters", line),
		MaxSessions: 2, MaxSessionsPerAddress: 2, clock: newFakeClock()}, nil)
	for i := range 2 {
		openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("f%d", i)), 80, 24).waitScreen(t, "role=follower")
	}
	_, stderr := openTerm(t, mustDial(t, ts.addr, "f2"), 80, 24).waitExit(t)
	if !strings.Contains(stderr, msgFull) {
		t.Fatalf("a third follower got %q", stderr)
	}
	p := openTerm(t, mustDial(t, ts.addr, "lead", gossh.PublicKeys(lead)), 80, 24)
	p.waitScreen(t, "user=lead role=presenter")
	if ts.Sessions() != 3 {
		t.Fatalf("%d sessions", ts.Sessions())
	}
}

func TestOneAddressTakesItsShare(t *testing.T) {
	ts := startServer(t, Config{Open: true, MaxSessions: 4, MaxSessionsPerAddress: 2, clock: newFakeClock()}, nil)
	for i := range 2 {
		openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("f%d", i)), 80, 24).waitScreen(t, "FAKE READER")
	}
	_, stderr := openTerm(t, mustDial(t, ts.addr, "f2"), 80, 24).waitExit(t)
	if !strings.Contains(stderr, msgAddrFull) {
		t.Fatalf("a third session from one address got %q", stderr)
	}
	openTerm(t, dialFrom(t, ts.addr, "127.0.0.2", "other"), 80, 24).waitScreen(t, "FAKE READER")
	if !strings.Contains(ts.logs.String(), "too many sessions from this address (2)") {
		t.Fatalf("not logged:\n%s", ts.logs)
	}
}

// sizeCounter wraps the fake reader and counts the window sizes it is given.
type sizeCounter struct {
	tea.Model
	n *atomic.Int64
}

func (m sizeCounter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); ok {
		m.n.Add(1)
	}
	var cmd tea.Cmd
	m.Model, cmd = m.Model.Update(msg)
	return m, cmd
}

func TestWindowChangeFloodIsCoalesced(t *testing.T) {
	clk := newFakeClock()
	var sizes atomic.Int64
	ts := startServer(t, Config{Open: true, clock: clk}, func(s Session) tea.Model {
		return sizeCounter{newFakeReader(s), &sizes}
	})
	c := mustDial(t, ts.addr, "shaker")
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "size=80x24.")
	start := sizes.Load()
	const flood = 2000
	for i := range flood {
		if err := tm.sess.WindowChange(20+i%50, 60+i%100); err != nil {
			t.Fatal(err)
		}
	}
	if err := tm.sess.WindowChange(33, 111); err != nil {
		t.Fatal(err)
	}
	_ = tm.sess.Setenv("NO_COLOR", "1") // answered once every request before it is handled
	clk.Advance(time.Second)
	tm.waitScreen(t, "size=111x33.")
	if n := sizes.Load() - start; n > 2 {
		t.Fatalf("%d window changes reached the reader, want at most 2 (the first, then the last)", n)
	}

	// one change a frame for 50 frames: the burst, then 10 a second
	start = sizes.Load()
	for i := range 50 {
		if err := tm.sess.WindowChange(40, 90+i); err != nil {
			t.Fatal(err)
		}
		_ = tm.sess.Setenv("NO_COLOR", "1")
		clk.Advance(winchFrame)
	}
	clk.Advance(10 * time.Second)
	tm.waitScreen(t, "size=139x40.")
	limit := int64(winchBurst + 50*winchFrame.Seconds()*winchRate + 2)
	if n := sizes.Load() - start; n > limit {
		t.Fatalf("%d window changes in 50 frames, want at most %d", n, limit)
	}
	waitFor(t, "the log", func() bool { return strings.Contains(ts.logs.String(), "window changes limited user=shaker") })
}

// noisyReader redraws its whole 200x50 screen, every cell in other colours,
// at every key: about 200 KB a frame, so that a client that stops reading
// fills its SSH window (2 MB) in a few dozen keys.
type noisyReader struct{ n int }

func (m *noisyReader) Init() tea.Cmd { return nil }

func (m *noisyReader) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		m.n++
	}
	return m, nil
}

func (m *noisyReader) View() tea.View {
	var b strings.Builder
	for y := range 50 {
		for x := range 200 {
			fmt.Fprintf(&b, "\x1b[38;5;%d;48;5;%dm%c", 16+(x+y+m.n)%200, 16+(x+2*y+m.n)%200, 'a'+(x+m.n)%26)
		}
		if y < 49 {
			b.WriteByte('\n')
		}
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func TestStuckSessionIsClosed(t *testing.T) {
	clk := newFakeClock()
	ts := startServer(t, Config{Open: true, clock: clk}, func(Session) tea.Model { return &noisyReader{} })
	c := mustDial(t, ts.addr, "stuck")
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 50, 200, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the session", func() bool { return ts.Sessions() == 1 })
	// type until the session is closed as stuck: each key makes a frame of
	// about 200 KB; once the window is full a write blocks, and the fake
	// clock's quarter-steps reach the write timeout
	waitFor(t, "the stuck session closed", func() bool {
		_, _ = stdin.Write([]byte("x"))
		clk.Advance(DefaultWriteTimeout / 4)
		return strings.Contains(ts.logs.String(), "closed stuck session user=stuck")
	})
	waitFor(t, "the slot freed", func() bool { return ts.Sessions() == 0 })
	waitFor(t, "the disconnect log", func() bool {
		return strings.Contains(ts.logs.String(), "your terminal accepted no output for 30s")
	})
}

func TestZeroSizedTerminalIs80x24(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	sess, err := mustDial(t, ts.addr, "nosize").NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: sess, screen: vtest.New(80, 24), raw: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = multiWriter{tm.screen, tm.raw}, tm.stderr
	if err := sess.RequestPty("xterm", 0, 0, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	tm.waitScreen(t, "size=80x24.")
	_ = sess.Close()
	if w, h := clampSize(0, 30); w != 80 || h != 30 {
		t.Fatalf("clampSize(0, 30) = %d, %d", w, h)
	}
}

// A session the server ends is told at once: the stop waits for the reader
// to quit, not for the quit grace (a fake clock's, never advanced here) nor
// for the connection (kept a minute by ShutdownGrace).
func TestServerEndedSessionEndsAtOnce(t *testing.T) {
	ts := startServer(t, Config{Open: true, clock: newFakeClock(), ShutdownGrace: time.Minute}, nil)
	tm := openTerm(t, mustDial(t, ts.addr, "leaver"), 80, 24)
	tm.waitScreen(t, "FAKE READER")
	ts.stop()
	if out, _ := tm.waitExit(t); !strings.Contains(out, msgStopping) {
		t.Fatalf("got %q", out)
	}
	waitFor(t, "the disconnect log", func() bool { return strings.Contains(ts.logs.String(), "disconnect user=leaver") })
}

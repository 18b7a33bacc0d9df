package hostile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/internal/vtest"
	"github.com/dossier-dev/dossier/server"
)

// ptyRequest is the payload of a "pty-req" channel request (RFC 4254 6.2).
type ptyRequest struct {
	Term                 string
	Cols, Rows, PxW, PxH uint32
	Modes                string
}

// windowChange is the payload of a "window-change" request (RFC 4254 6.7).
type windowChange struct{ Cols, Rows, PxW, PxH uint32 }

// openRawSession opens a session channel with a PTY of the given size and
// starts the shell, without reading anything from it.
func openRawSession(t *testing.T, c *gossh.Client, cols, rows uint32) gossh.Channel {
	t.Helper()
	ch, reqs, err := c.OpenChannel("session", nil)
	if err != nil {
		t.Fatal(err)
	}
	go gossh.DiscardRequests(reqs)
	if ok, err := ch.SendRequest("pty-req", true, gossh.Marshal(ptyRequest{Term: "xterm-256color", Cols: cols, Rows: rows})); err != nil || !ok {
		t.Fatalf("pty-req: %v %v", ok, err)
	}
	if ok, err := ch.SendRequest("shell", true, nil); err != nil || !ok {
		t.Fatalf("shell: %v %v", ok, err)
	}
	t.Cleanup(func() { _ = ch.Close() })
	return ch
}

// stallConn is a client's TCP connection that, once stalled, hands nothing
// more to the SSH client until resumed: the client sees no byte, so it
// neither reads its channel nor grants the server more window. Underneath,
// the connection keeps reading the socket into a buffer, to count what the
// server sent and to hand it over on resume.
type stallConn struct {
	net.Conn
	mu      sync.Mutex
	cond    *sync.Cond
	stalled bool
	resumed bool
	buf     bytes.Buffer
	err     error
	sent    atomic.Int64 // bytes the server sent after the stall
}

func newStallConn(c net.Conn) *stallConn {
	s := &stallConn{Conn: c}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// stall starts holding everything back.
func (s *stallConn) stall() {
	s.mu.Lock()
	s.stalled = true
	s.mu.Unlock()
	go func() {
		b := make([]byte, 32<<10)
		for {
			n, err := s.Conn.Read(b)
			s.sent.Add(int64(n))
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.err = err
			s.cond.Broadcast()
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
}

// resume hands over what was held back, and everything after it.
func (s *stallConn) resume() {
	s.mu.Lock()
	s.resumed = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

func (s *stallConn) Read(p []byte) (int, error) {
	s.mu.Lock()
	if !s.stalled {
		s.mu.Unlock()
		return s.Conn.Read(p)
	}
	defer s.mu.Unlock()
	for !s.resumed || s.buf.Len() == 0 && s.err == nil {
		s.cond.Wait()
	}
	if s.buf.Len() > 0 {
		return s.buf.Read(p)
	}
	return 0, s.err
}

// TestSSHStuckFollower has a follower that stops reading. It asks for fresh
// full screens (resizing its 500x200 terminal; keys would detach it) until the
// server has filled its SSH window (2 MiB) and its writes to it block. Then
// a presenter walks through the topics: the presenter and a follower that
// does read must get every move through, and a new client must get in at the
// presenter's place. Meanwhile the server may send the stuck follower
// nothing more than its window: its buffer is bounded. When it reads again
// it catches up with the presenter; when it leaves, its session ends.
func TestSSHStuckFollower(t *testing.T) {
	testkit.Soak(t) // fills a 2 MiB SSH window with full screens
	t.Parallel()    // the tests that measure the whole process (goroutines, heap) are not parallel
	d := embeddedDossier(t)
	pkey, pline := newClientKey(t, "alice")
	srv := startSSH(t, d, server.Config{Open: true, Presenters: writeTemp(t, "presenters", pline)})

	presenter := openSSHTerm(t, mustDialSSH(t, srv.addr, "alice", pkey), "xterm-256color", 120, 40)
	presenter.waitScreen(t, "presenting")
	healthy := openSSHTerm(t, mustDialSSH(t, srv.addr, "healthy", nil), "xterm-256color", 100, 30)
	healthy.waitScreen(t, "following alice")

	nc, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	sc := newStallConn(nc)
	cc, chans, reqs, err := gossh.NewClientConn(sc, srv.addr, &gossh.ClientConfig{User: "stuck", HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	stuckClient := gossh.NewClient(cc, chans, reqs)
	defer stuckClient.Close()
	stuck := openRawSession(t, stuckClient, 500, 200)
	// Stall once the reader has drawn its first frame.
	first := make([]byte, 1)
	if _, err := io.ReadFull(stuck, first); err != nil {
		t.Fatal(err)
	}
	sc.stall()
	const window = 2 << 20 // golang.org/x/crypto/ssh's channel window
	for i := 0; sc.sent.Load() < window-64<<10; i++ {
		before := sc.sent.Load()
		_, _ = stuck.SendRequest("window-change", false, gossh.Marshal(windowChange{Cols: uint32(500 - i%2), Rows: 200}))
		waitUntil(t, fmt.Sprintf("the server to send the stuck follower more than its %d bytes", before), func() bool {
			return sc.sent.Load() > before
		})
	}

	// The presenter goes from topic to topic, there and back.
	topics := len(d.Topics)
	at := func(n int) string { return "topic " + strconv.Itoa(n) + "/" + strconv.Itoa(topics) }
	presenter.keys(t, "1")
	for range topics {
		presenter.keys(t, "[")
	}
	healthy.waitScreen(t, at(1))
	n, step := 1, 1
	for range 3 * topics {
		if n+step < 1 || n+step > topics {
			step = -step
		}
		n += step
		if step > 0 {
			presenter.keys(t, "]")
		} else {
			presenter.keys(t, "[")
		}
		healthy.waitScreen(t, at(n))
	}
	presenter.waitScreen(t, at(n))
	late := openSSHTerm(t, mustDialSSH(t, srv.addr, "late", nil), "xterm-256color", 90, 25)
	late.waitScreen(t, at(n)) // joins straight at the presenter's place

	if got := sc.sent.Load(); got > window+window/8 {
		t.Errorf("the server sent the stuck follower %d bytes, more than its window of %d", got, window)
	}
	t.Logf("the server sent the stuck follower %d bytes and stopped (window %d)", sc.sent.Load(), window)

	// When it reads again, it catches up with the presenter's place.
	screen := vtest.New(500, 200)
	sc.resume()
	go func() { _, _ = io.Copy(testkit.ONLCR(screen), stuck) }()
	waitUntil(t, "the stuck follower to catch up with "+at(n), func() bool { return screen.Contains(at(n)) })

	for _, st := range []*sshTerm{presenter, healthy, late} {
		st.keys(t, "\x03")
		st.waitExit(t)
	}
	_ = stuckClient.Close()
	waitUntil(t, "every session to end", func() bool { return srv.Sessions() == 0 })
}

// closedWithin reports whether the server closes c (a read ends) within
// hangLimit, discarding whatever it sends first.
func closedWithin(c net.Conn) error {
	_ = c.SetReadDeadline(time.Now().Add(hangLimit))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return errors.New("the server kept the connection open")
	}
	return nil
}

// TestSSHGarbageAndSilence sends the server what is not SSH, and clients
// that never finish logging in: every connection must be closed, the
// silent ones once the (shortened) handshake timeout passes, and the server
// must go on serving.
func TestSSHGarbageAndSilence(t *testing.T) {
	akey, aline := newClientKey(t, "alice")
	srv := startSSH(t, exampleDossier(t), server.Config{AuthorizedKeys: writeTemp(t, "keys", aline),
		HandshakeTimeout: 300 * time.Millisecond})
	garbage := map[string][]byte{
		"HTTP":               []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
		"binary":             bytes.Repeat([]byte{0x00, 0xff, 0x1b, 0x9b, 0x07}, 13_000),
		"hostile version":    []byte("SSH-2.0-\x1b]0;PWNED-TITLE\x07\x1b[2J\r\n"),
		"huge packet":        []byte("SSH-2.0-x\r\n\xff\xff\xff\xf0\x00\x00\x00"),
		"endless version":    bytes.Repeat([]byte("x"), 300_000),
		"silent":             nil,
		"version then quiet": []byte("SSH-2.0-slowloris\r\n"),
	}
	for name, b := range garbage {
		t.Run(name, func(t *testing.T) {
			c, err := net.Dial("tcp", srv.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			go func() { _, _ = c.Write(b) }()
			if err := closedWithin(c); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("key exchange, then never authenticates", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		stall := gossh.PublicKeysCallback(func() ([]gossh.Signer, error) {
			<-release
			return nil, errors.New("released")
		})
		done := make(chan error, 1)
		go func() {
			c, err := gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{User: "slow", Auth: []gossh.AuthMethod{stall},
				HostKeyCallback: gossh.InsecureIgnoreHostKey()})
			if err == nil {
				_ = c.Close()
				err = errors.New("logged in")
			}
			done <- err
		}()
		// The client blocks in its callback; the server must hang up on it.
		waitUntil(t, "the server to log the handshake timeout", func() bool {
			return strings.Contains(srv.logs.String(), "no login within 300ms")
		})
	})
	// The server still serves.
	st := openSSHTerm(t, mustDialSSH(t, srv.addr, "alice", akey), "xterm-256color", 100, 30)
	st.waitScreen(t, "topic 1/")
	st.keys(t, "q")
	st.waitExit(t)
	if bad := nonSGR(srv.logs.String()); bad != "" {
		t.Errorf("the server logged %q", bad)
	}
}

// TestSSHBurstFromOneAddress opens connections from one address faster
// than the per-address limit allows: those over the burst are refused
// before the key exchange, and the log says why.
func TestSSHBurstFromOneAddress(t *testing.T) {
	srv := startSSH(t, exampleDossier(t), server.Config{Open: true, RatePerSecond: 0.01, RateBurst: 3})
	ok, refused := 0, 0
	for range 12 {
		c, err := dialSSH(srv.addr, "burst", nil)
		if err != nil {
			refused++
			continue
		}
		ok++
		_ = c.Close()
	}
	if ok != 3 || refused != 9 {
		t.Errorf("%d logins and %d refusals; want 3 and 9", ok, refused)
	}
	if !strings.Contains(srv.logs.String(), "too many connections from this address") {
		t.Errorf("the refusals are not logged:\n%s", srv.logs)
	}
}

// TestSSHHugeTerminal asks for a 65535x65535 PTY and then resizes to it,
// to 0x0 and back: the server must clamp what the reader renders (its
// frames stay within 500x200), keep memory bounded, and keep the session
// alive.
func TestSSHHugeTerminal(t *testing.T) {
	srv := startSSH(t, embeddedDossier(t), server.Config{Open: true})
	_, heapBefore := snapshot()
	c := mustDialSSH(t, srv.addr, "huge", nil)
	ch := openRawSession(t, c, 65535, 65535)
	out := &lockedBuffer{}
	go func() { _, _ = io.Copy(out, ch) }()
	waitUntil(t, "a first frame", func() bool { return strings.Contains(out.String(), "topic 1/") })
	for _, sz := range [][2]uint32{{65535, 65535}, {0, 0}, {1, 65535}, {65535, 1}, {65535, 65535}} {
		if _, err := ch.SendRequest("window-change", false, gossh.Marshal(windowChange{Cols: sz[0], Rows: sz[1]})); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ch.Write([]byte("]")); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the next topic", func() bool { return strings.Contains(out.String(), "topic 2/") })
	_, heapAfter := snapshot()
	if heapAfter > heapBefore+64<<20 {
		t.Errorf("heap grew from %.1f to %.1f MiB", mib(heapBefore), mib(heapAfter))
	}
	if !strings.Contains(srv.logs.String(), "width=500 height=200") {
		t.Errorf("the session's size was not clamped to 500x200:\n%s", srv.logs)
	}
	// No cursor position beyond the clamped size.
	if bad := farCursor(out.String(), 500, 200); bad != "" {
		t.Errorf("the reader drew at %q, beyond 500x200", bad)
	}
	if _, err := ch.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the session to end", func() bool { return srv.Sessions() == 0 })
	t.Logf("heap %.1f MiB before, %.1f MiB with a 65535x65535 client", mib(heapBefore), mib(heapAfter))
	runtime.KeepAlive(c)
}

// farCursor returns the first cursor-position sequence (CSI row;col H) in s
// beyond cols x rows, or "".
func farCursor(s string, cols, rows int) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return ""
		}
		s = s[i+2:]
		j := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != ';' })
		if j < 0 {
			return ""
		}
		if s[j] == 'H' {
			var r, c int
			parts := strings.SplitN(s[:j], ";", 2)
			r = atoi(parts[0])
			if len(parts) == 2 {
				c = atoi(parts[1])
			}
			if r > rows || c > cols {
				return "\x1b[" + s[:j+1]
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
		if n > 1<<30 {
			return n
		}
	}
	return n
}

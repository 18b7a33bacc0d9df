package hostile

// The floods of issue 18, against the real server and reader, measured for
// docs/hardening.md. They take long, so they run with DOSSIER_SOAK=1 only:
//
//	DOSSIER_SOAK=1 go test ./internal/hostile -run 'TestSSH.*Flood' -v -count=1

import (
	"bufio"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/server"
)

// openFDs counts the process's open file descriptors (Linux).
func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd:", err)
	}
	return len(ents)
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The connection flood: 201 loopback addresses each open 100
// connections that never speak SSH (the rate limit's burst), all held. The
// server keeps at most Startups.Full (128) of them, 16 from any one
// address; a reader already logged in opens a new session meanwhile.
func TestSSHConnectionFlood(t *testing.T) {
	testkit.Soak(t)
	// a handshake timeout longer than the test, so that every connection
	// admitted is still held at the end
	srv := startSSH(t, embeddedDossier(t), server.Config{Open: true, RatePerSecond: server.DefaultRatePerSecond,
		RateBurst: server.DefaultRateBurst, HandshakeTimeout: 10 * time.Minute})
	reader := mustDialSSH(t, srv.addr, "reader", nil)
	first := openSSHTerm(t, reader, "xterm-256color", 100, 30)
	first.waitScreen(t, "compare")
	fds0 := openFDs(t)

	var (
		mu       sync.Mutex
		held     []net.Conn
		refused  int
		told     int
		wg       sync.WaitGroup
		peakFDs  int
		addrs    = 201
		attempts = 100
	)
	for a := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 2+byte(a/250), 1+byte(a%250))}, Timeout: testkit.HangLimit()}
			for range attempts {
				c, err := d.Dial("tcp", srv.addr)
				if err != nil {
					mu.Lock()
					refused++
					mu.Unlock()
					continue
				}
				_ = c.SetReadDeadline(time.Now().Add(testkit.HangLimit()))
				line, _ := bufio.NewReader(c).ReadString('\n')
				mu.Lock()
				if strings.HasPrefix(line, "SSH-") {
					held = append(held, c) // admitted: it now sits in the handshake
				} else {
					refused++
					if strings.Contains(line, "too many connections") {
						told++
					}
					_ = c.Close()
				}
				if n := openFDs(t); n > peakFDs {
					peakFDs = n
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// a logged-in reader still gets a session, and the first one answers
	second := openSSHTerm(t, reader, "xterm-256color", 100, 30)
	second.waitScreen(t, "compare")
	t.Logf("%d connection attempts from %d addresses: %d admitted and held, %d refused (%d told why); "+
		"open fds (server and clients together) %d before, %d at the peak, %d with the flood held",
		addrs*attempts, addrs, len(held), refused, told, fds0, peakFDs, openFDs(t))
	if len(held) > server.DefaultStartups.Full {
		t.Errorf("%d connections not logged in held, cap %d", len(held), server.DefaultStartups.Full)
	}
	for _, c := range held {
		_ = c.Close()
	}
}

// The window-change flood: one follower sends 20,000 window
// changes, a few hundred bytes each, with no key; the server coalesces them
// (the last size, at most once a frame and ten a second after a burst).
func TestSSHWindowChangeFlood(t *testing.T) {
	testkit.Soak(t)
	_, pline := newClientKey(t, "lead")
	srv := startSSH(t, embeddedDossier(t), server.Config{Open: true, Presenters: writeTemp(t, "presenters", pline)})
	st := openSSHTerm(t, mustDialSSH(t, srv.addr, "shaker", nil), "xterm-256color", 100, 30)
	st.waitScreen(t, "compare")
	cpu0, start := cpuTime(), time.Now()
	const n = 20000
	for i := range n {
		if err := st.sess.WindowChange(10+i%60, 40+i%200); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	_ = st.sess.Setenv("NO_COLOR", "1") // answered once every request before it is handled
	sent := time.Since(start)
	st.keys(t, "?")
	st.waitScreen(t, "─ Keys ─") // the help overlay, drawn at the last size
	cpu := cpuTime() - cpu0
	t.Logf("%d window changes sent in %s; CPU (server and client together) %s", n, sent.Round(time.Millisecond), cpu.Round(time.Millisecond))
	if strings.Contains(srv.logs.String(), "window changes limited") {
		t.Log("logged: window changes limited")
	}
}

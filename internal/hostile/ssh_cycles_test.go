package hostile

import (
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/server"
)

// cycleKinds are the ways a client comes and goes.
var cycleKinds = []string{"quit", "hang-up mid-session", "reset mid-session", "reset mid-handshake", "login only"}

// cycle connects to addr once and leaves in the given way. It returns an
// error instead of failing, as it runs in a worker goroutine; every wait in
// it is bounded.
func cycle(addr string, kind, i int) error {
	nc, err := net.DialTimeout("tcp", addr, hangLimit)
	if err != nil {
		return err
	}
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(hangLimit))
	reset := func() {
		_ = nc.(*net.TCPConn).SetLinger(0)
		_ = nc.Close()
	}
	if kind == 3 {
		// The version line, half a key exchange, then a TCP reset.
		if _, err := nc.Write([]byte("SSH-2.0-cycle\r\n\x00\x00\x01\x0c\x0a\x14")); err != nil {
			return err
		}
		if _, err := io.ReadFull(nc, make([]byte, 8)); err != nil {
			return fmt.Errorf("no version line from the server: %w", err)
		}
		reset()
		return nil
	}
	cc, chans, reqs, err := gossh.NewClientConn(nc, addr, &gossh.ClientConfig{
		User: fmt.Sprintf("c%d", i), HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return err
	}
	c := gossh.NewClient(cc, chans, reqs)
	defer c.Close()
	if kind == 4 {
		return c.Close()
	}
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	out := &lockedBuffer{}
	sess.Stdout, sess.Stderr = out, out
	stdin, err := sess.StdinPipe()
	if err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	if err := sess.Shell(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	deadline := time.Now().Add(hangLimit)
	for !strings.Contains(out.String(), "topic 1/") {
		if time.Now().After(deadline) {
			return fmt.Errorf("cycle %d: no reader on screen; got %q", i, oneLine(out.String()))
		}
		time.Sleep(2 * time.Millisecond)
	}
	switch kind {
	case 0:
		if _, err := stdin.Write([]byte("q")); err != nil {
			return err
		}
		select {
		case <-done:
		case <-time.After(hangLimit):
			return errors.New("the reader did not quit")
		}
	case 1:
		return c.Close()
	case 2:
		reset()
	}
	return nil
}

// snapshot is the process's goroutines and live heap, after collecting.
func snapshot() (goroutines int, heap uint64) {
	var ms runtime.MemStats
	for range 3 {
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	return runtime.NumGoroutine(), ms.HeapAlloc
}

// TestSSHThousandCycles connects to a real server 1,000 times (200 under
// -race; .ci/run runs both), four clients
// at a time, leaving in every way: quitting the reader, hanging up, a TCP
// reset mid-session and mid-handshake, and logging in without a session.
// Afterwards the test process's goroutines and live heap must come back to
// where they were (within a tolerance), waiting a bounded time for them.
func TestSSHThousandCycles(t *testing.T) {
	testkit.Soak(t)                      // 1,000 SSH connections
	_, pline := newClientKey(t, "alice") // presenters: every session joins the hub
	srv := startSSH(t, embeddedDossier(t), server.Config{Open: true, Presenters: writeTemp(t, "presenters", pline),
		HandshakeTimeout: testkit.Limit(5 * time.Second)})
	for i := range 2 * len(cycleKinds) { // warm: lazily made goroutines and caches
		if err := cycle(srv.addr, i%len(cycleKinds), i); err != nil {
			t.Fatal(err)
		}
	}
	waitUntil(t, "warm-up sessions to end", func() bool { return srv.Sessions() == 0 })
	time.Sleep(100 * time.Millisecond) // let the warm-up's closing goroutines go
	baseG, baseHeap := snapshot()

	// 200 under -race; .ci/run runs the 1,000 without it too
	n, workers := testkit.UnderRace(1000, 5), 4
	jobs := make(chan int)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if err := cycle(srv.addr, i%len(cycleKinds), i); err != nil {
					errs <- fmt.Errorf("cycle %d (%s): %w", i, cycleKinds[i%len(cycleKinds)], err)
				}
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if failed++; failed <= 5 {
			t.Error(err)
		}
	}
	if failed > 0 {
		t.Fatalf("%d of %d cycles failed", failed, n)
	}
	waitUntil(t, "every session to end", func() bool { return srv.Sessions() == 0 })
	_, peakHeap := snapshot()

	// Bounded waiting: the server closes connections and timers fire
	// asynchronously.
	const goroutineSlack, heapSlack = 5, 16 << 20
	var g int
	var heap uint64
	deadline := time.Now().Add(2 * hangLimit)
	for {
		g, heap = snapshot()
		if g <= baseG+goroutineSlack && heap <= baseHeap+heapSlack {
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("after %d cycles: %d goroutines (before %d), heap %.1f MiB (before %.1f MiB)\n%s",
				n, g, baseG, mib(heap), mib(baseHeap), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%d cycles (%s): goroutines %d before, %d after; heap %.1f MiB before, %.1f MiB just after, %.1f MiB settled",
		n, strings.Join(cycleKinds, ", "), baseG, g, mib(baseHeap), mib(peakHeap), mib(heap))
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

package server

import (
	"fmt"
	"runtime"
	"testing"
	"time"
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

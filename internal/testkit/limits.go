package testkit

import (
	"crypto/sha256"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

// SoakEnv is the variable that turns the soak and flood tests on
// (DOSSIER_SOAK=1). .ci/run always sets it; `go test ./...` leaves them out.
const SoakEnv = "DOSSIER_SOAK"

// Soaking reports whether the soak and flood tests run.
func Soaking() bool {
	v := os.Getenv(SoakEnv)
	return v != "" && v != "0"
}

// Soak skips t unless the soak and flood tests were asked for. Call it
// first in a test that cycles, floods or loads something big.
func Soak(t testing.TB) {
	t.Helper()
	if !Soaking() {
		t.Skipf("soak test: runs with %s=1 (always in .ci/run)", SoakEnv)
	}
}

// UnderRace returns n, or n divided by div under the race detector (at
// least 1): for a soak test whose length is a count (connections, resizes)
// that .ci/run also runs in full without -race, so that the race detector
// still sees every path without taking ten times the time of the full count.
func UnderRace(n, div int) int {
	if Race {
		return max(n/div, 1)
	}
	return n
}

// HangScaleEnv multiplies every hang limit (DOSSIER_HANG_SCALE=3), for a
// machine known to be slow.
const HangScaleEnv = "DOSSIER_HANG_SCALE"

var (
	scaleOnce sync.Once
	scale     float64
)

// Scale is the factor every hang limit is multiplied by: 5 under the race
// detector, times the slowness of this machine measured once against a
// fixed piece of work (at least 1, at most 8), times DOSSIER_HANG_SCALE.
func Scale() float64 {
	scaleOnce.Do(func() {
		scale = 1
		if Race {
			scale = 5
		}
		scale *= slowness()
		if v, err := strconv.ParseFloat(os.Getenv(HangScaleEnv), 64); err == nil && v > 0 {
			scale *= v
		}
	})
	return scale
}

// reference is how long calibrate takes on an idle 2-core machine of 2026
// without the race detector (measured: 4–6 ms); slowness compares with it.
const reference = 6 * time.Millisecond

// slowness measures how much slower than reference this machine runs a
// fixed piece of work now: a loaded machine gets a bigger factor.
func slowness() float64 {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		calibrate()
		best = min(best, time.Since(start))
	}
	f := float64(best) / float64(reference)
	if Race {
		f /= 3 // calibrate itself runs slower under the race detector
	}
	// GOMAXPROCS below 2 serialises the program's goroutines with the test's.
	if runtime.GOMAXPROCS(0) < 2 {
		f *= 2
	}
	return min(max(f, 1), 8)
}

var sink [32]byte

func calibrate() {
	b := make([]byte, 1<<20)
	for i := range 8 {
		b[i] = byte(i)
		sink = sha256.Sum256(b)
	}
}

// Limit returns base scaled for this machine. Use it only to stop a test
// that hangs, never to measure speed.
func Limit(base time.Duration) time.Duration {
	return time.Duration(float64(base) * Scale())
}

// HangLimit is the default limit of a wait: 20 s scaled for the machine.
func HangLimit() time.Duration { return Limit(20 * time.Second) }

// Within runs f and fails t if it has not returned within HangLimit.
func Within(t testing.TB, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(HangLimit()):
		t.Fatalf("hang: %s did not finish within %s", what, HangLimit())
	}
}

// WaitUntil polls cond until it holds, failing t after HangLimit. It is for
// state another goroutine changes with no message to wait on.
func WaitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	WaitUntilShowing(t, what, cond, nil)
}

// WaitUntilShowing is WaitUntil that, on timeout, adds what show returns
// then (a screen, a log) to the failure.
func WaitUntilShowing(t testing.TB, what string, cond func() bool, show func() string) {
	t.Helper()
	deadline := time.Now().Add(HangLimit())
	for !cond() {
		if time.Now().After(deadline) {
			if show != nil {
				t.Fatalf("hang: timed out waiting for %s; it shows:\n%s", what, show())
			}
			t.Fatalf("hang: timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

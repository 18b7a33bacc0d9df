package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/creack/pty"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// stream feeds a pty's output to a screen and tells waiters when it
// changes. last is the time of the read that produced the current screen.
type stream struct {
	mu     sync.Mutex
	screen *vtest.Screen
	text   string // screen.String() after the last read
	last   time.Time
	grew   chan struct{}
	done   bool
}

func newStream(cols, rows int) *stream {
	return &stream{screen: vtest.New(cols, rows), grew: make(chan struct{})}
}

func (s *stream) read(r io.Reader) {
	b := make([]byte, 64<<10)
	for {
		n, err := r.Read(b)
		at := time.Now()
		s.mu.Lock()
		if n > 0 {
			_, _ = s.screen.Write(b[:n])
			if t := s.screen.String(); t != s.text {
				s.text, s.last = t, at
			}
		}
		if err != nil {
			s.done = true
		}
		close(s.grew)
		s.grew = make(chan struct{})
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitFor blocks until cond holds for the screen, or the deadline passes.
func (s *stream) waitFor(deadline time.Time, cond func(screen string, last time.Time) bool) error {
	for {
		s.mu.Lock()
		ok := cond(s.text, s.last)
		done, grew := s.done, s.grew
		s.mu.Unlock()
		if ok {
			return nil
		}
		if done {
			return errors.New("program ended")
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			return errors.New("timed out")
		}
		select {
		case <-grew:
		case <-time.After(min(wait, 20*time.Millisecond)):
		}
	}
}

// current returns the screen and when it last changed.
func (s *stream) current() (string, time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text, s.last
}

// drive waits for the first frame (ready on screen, after begin) and then
// times each key: from its write to the first screen that differs from the
// one before it. w is where keys are typed.
//
// pid, when not 0, is the program's process: its peak resident memory and
// its page faults are read from /proc the moment the first frame is seen.
func drive(s *stream, w io.Writer, pid int, begin time.Time, ready string, keys []string, settle, timeout time.Duration) (result, error) {
	deadline := begin.Add(timeout)
	var res result
	var firstAt time.Time
	err := s.waitFor(deadline, func(screen string, last time.Time) bool {
		if last.After(begin) && strings.Contains(screen, ready) {
			firstAt = last
			return true
		}
		return false
	})
	if err != nil {
		screen, _ := s.current()
		return res, fmt.Errorf("waiting for %q: %w; screen:\n%s", ready, err, screen)
	}
	res.first = firstAt.Sub(begin)
	if pid != 0 {
		res.peakKB, res.faults = procMemory(pid)
	}
	for _, k := range keys {
		// let the screen settle so the key's frame is not mixed with the last
		if err := s.waitFor(deadline.Add(time.Minute), func(_ string, last time.Time) bool { return time.Since(last) >= settle }); err != nil {
			return res, err
		}
		before, _ := s.current()
		b, ok := keyBytes[k]
		if !ok {
			b = k
		}
		sent := time.Now()
		if _, err := w.Write([]byte(b)); err != nil {
			return res, err
		}
		var at time.Time
		if err := s.waitFor(sent.Add(timeout), func(screen string, last time.Time) bool {
			if screen != before {
				at = last
				return true
			}
			return false
		}); err != nil {
			return res, fmt.Errorf("key %q: %w; screen:\n%s", k, err, before)
		}
		res.keys = append(res.keys, at.Sub(sent))
	}
	res.screen, _ = s.current()
	return res, nil
}

// rawPTY runs each program directly in a new pseudo-terminal.
type rawPTY struct{}

func (rawPTY) run(argv []string, ready string, keys []string, cols, rows int, settle, timeout time.Duration) (result, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	s := newStream(cols, rows)
	begin := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return result{}, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = f.Close()
	}()
	go s.read(f)
	return drive(s, f, cmd.Process.Pid, begin, ready, keys, settle, timeout)
}

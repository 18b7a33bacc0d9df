// Command termtime measures what a user of a terminal program feels, in a
// real pseudo-terminal: the time from process start to the first full frame,
// and from a key press to the changed screen. It runs each program N times
// and prints the median and the spread, so dossier and a bare Bubble Tea
// program (bench/bare) are measured side by side in one run.
//
//	go run ./bench/termtime -runs 15 -- ./dossier
//	go run ./bench/termtime -runs 15 -ready 'bare bubbletea' -- ./bare -fps 120
//
// A frame counts as shown when the text given by -ready has appeared in the
// program's output (the harness reads the raw bytes, so pick a word that the
// renderer writes in one piece, e.g. a title). A key counts as answered when
// the first bytes after it arrive: Bubble Tea writes one frame per flush.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/creack/pty"
)

func main() {
	runs := flag.Int("runs", 11, "how many times to start the program (median over runs)")
	ready := flag.String("ready", "Istanbul", "text that shows the first frame is on screen")
	keys := flag.String("keys", "j,],j,k,[", "comma-separated keys to time after the first frame (j, k, ], [, space, down)")
	cols := flag.Int("cols", 120, "terminal width")
	rows := flag.Int("rows", 40, "terminal height")
	settle := flag.Duration("settle", 250*time.Millisecond, "quiet time that ends a frame before the next key")
	timeout := flag.Duration("timeout", 10*time.Second, "give up on one run after this long")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: termtime [flags] -- COMMAND [ARGS...]")
		os.Exit(2)
	}
	var starts, answers []time.Duration
	for i := 0; i < *runs; i++ {
		first, keyTimes, err := once(flag.Args(), *ready, strings.Split(*keys, ","), *cols, *rows, *settle, *timeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "run %d: %v\n", i+1, err)
			os.Exit(1)
		}
		starts = append(starts, first)
		answers = append(answers, keyTimes...)
	}
	fmt.Printf("command: %s  (%dx%d, %d runs)\n", strings.Join(flag.Args(), " "), *cols, *rows, *runs)
	fmt.Printf("start -> first frame: %s\n", summary(starts))
	fmt.Printf("key -> changed screen: %s\n", summary(answers))
}

func summary(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no samples"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	q := func(p float64) time.Duration { return s[int(p*float64(len(s)-1)+0.5)] }
	return fmt.Sprintf("median %.2f ms  (min %.2f, p90 %.2f, max %.2f; n=%d)",
		ms(q(0.5)), ms(s[0]), ms(q(0.9)), ms(s[len(s)-1]), len(s))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var keyBytes = map[string]string{
	"space": " ", "down": "\x1b[B", "up": "\x1b[A", "enter": "\r", "tab": "\t",
	"pgdown": "\x1b[6~", "pgup": "\x1b[5~",
}

// stream collects a pty's output and tells waiters when it grows.
type stream struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	last time.Time
	grew chan struct{}
	done bool
}

func (s *stream) read(r io.Reader) {
	b := make([]byte, 64<<10)
	for {
		n, err := r.Read(b)
		s.mu.Lock()
		if n > 0 {
			s.buf.Write(b[:n])
			s.last = time.Now()
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

// waitFor blocks until cond holds on the output, or the deadline passes.
func (s *stream) waitFor(deadline time.Time, cond func(out []byte, last time.Time) bool) error {
	for {
		s.mu.Lock()
		ok := cond(s.buf.Bytes(), s.last)
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

func (s *stream) size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Len()
}

func once(argv []string, ready string, keys []string, cols, rows int, settle, timeout time.Duration) (time.Duration, []time.Duration, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	begin := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return 0, nil, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = f.Close()
	}()
	s := &stream{grew: make(chan struct{})}
	go s.read(f)
	deadline := begin.Add(timeout)
	var firstAt time.Time
	err = s.waitFor(deadline, func(out []byte, last time.Time) bool {
		if bytes.Contains(out, []byte(ready)) {
			firstAt = last
			return true
		}
		return false
	})
	if err != nil {
		return 0, nil, fmt.Errorf("waiting for %q: %w", ready, err)
	}
	first := firstAt.Sub(begin)
	var times []time.Duration
	for _, k := range keys {
		if k == "" {
			continue
		}
		// let the screen settle so the key's frame is not mixed with the last
		if err := s.waitFor(deadline, func(_ []byte, last time.Time) bool { return time.Since(last) >= settle }); err != nil {
			return 0, nil, err
		}
		before := s.size()
		b, ok := keyBytes[k]
		if !ok {
			b = k
		}
		sent := time.Now()
		if _, err := f.Write([]byte(b)); err != nil {
			return 0, nil, err
		}
		var at time.Time
		if err := s.waitFor(deadline, func(out []byte, last time.Time) bool {
			if len(out) > before {
				at = last
				return true
			}
			return false
		}); err != nil {
			return 0, nil, fmt.Errorf("key %q: %w", k, err)
		}
		times = append(times, at.Sub(sent))
	}
	_, _ = f.Write([]byte("q"))
	return first, times, nil
}

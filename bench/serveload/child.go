package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// child is the `dossier serve` process under test. It runs with
// GODEBUG=gctrace=1, so that its live heap after every garbage collection
// can be read from its standard error without any hook in the server.
type child struct {
	cmd  *exec.Cmd
	addr chan string

	mu       sync.Mutex
	liveMB   int // heap marked live by the last collection
	gcs      int
	lastLine string
}

// gcLine matches gctrace's "… 12->13->7 MB, 14 MB goal …": heap at the
// start of the cycle, at its end, and marked live.
var gcLine = regexp.MustCompile(`(\d+)->(\d+)->(\d+) MB`)

var listenLine = regexp.MustCompile(`listening addr=(\S+)`)

func startChild(bin string, args []string) (*child, error) {
	c := &child{cmd: exec.Command(bin, args...), addr: make(chan string, 1)}
	c.cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
	stderr, err := c.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	go c.scan(stderr)
	return c, nil
}

func (c *child) scan(r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := listenLine.FindStringSubmatch(line); m != nil {
			select {
			case c.addr <- m[1]:
			default:
			}
		}
		if strings.HasPrefix(line, "gc ") {
			if m := gcLine.FindStringSubmatch(line); m != nil {
				live, _ := strconv.Atoi(m[3])
				c.mu.Lock()
				c.liveMB, c.gcs = live, c.gcs+1
				c.mu.Unlock()
			}
			continue
		}
		c.mu.Lock()
		c.lastLine = line
		c.mu.Unlock()
	}
}

// listenAddr waits for the server's "listening" log line.
func (c *child) listenAddr(timeout time.Duration) (string, error) {
	select {
	case a := <-c.addr:
		return a, nil
	case <-time.After(timeout):
		c.mu.Lock()
		defer c.mu.Unlock()
		return "", fmt.Errorf("the server never said where it listens (last line: %q)", c.lastLine)
	}
}

// heap returns the live heap after the last collection, and how many
// collections there have been.
func (c *child) heap() (int, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.liveMB, c.gcs
}

// rssKB reads the process's resident set size from /proc.
func (c *child) rssKB() int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			f := strings.Fields(strings.TrimPrefix(l, "VmRSS:"))
			if len(f) > 0 {
				n, _ := strconv.Atoi(f[0])
				return n
			}
		}
	}
	return -1
}

// cpuTicks returns the process's user+system time in clock ticks (1/100 s).
func (c *child) cpuTicks() int64 { return cpuTicks(c.cmd.Process.Pid) }

// selfCPUTicks is cpuTicks for this process.
func selfCPUTicks() int64 { return cpuTicks(os.Getpid()) }

func cpuTicks(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// fields after the command name, which is in parentheses
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return u + st
}

// waitGC waits (up to d) for a collection after the current one, so that
// the heap figure is fresh.
func (c *child) waitGC(d time.Duration) error {
	_, n := c.heap()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if _, m := c.heap(); m > n {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("no garbage collection")
}

func (c *child) stop() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

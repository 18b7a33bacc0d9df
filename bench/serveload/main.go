// Command serveload measures `dossier serve` under load: it starts the server
// as a child process on loopback, opens SSH sessions (x/crypto/ssh, a PTY of
// -cols x -rows each), and reports the server's resident memory (VmRSS from
// /proc) at each session count, then the time for a presenter's step to show
// on every follower's screen.
//
//	go build -o /tmp/dossier . && go run ./bench/serveload -bin /tmp/dossier -sessions 1,50,200 -followers 50
//
// A step counts as arrived at a follower when that follower's screen (a
// vtest emulator fed with its output) shows -marker for the new step: by
// default "stop N/", from the follower status line of the reader. Bounded:
// every wait gives up after -timeout.
package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/vtest"
)

func main() {
	bin := flag.String("bin", "./dossier", "dossier binary to run as the server")
	path := flag.String("path", "", "dossier folder to serve (default: the embedded one)")
	levels := flag.String("sessions", "1,50,200", "session counts at which to read the server's memory")
	followers := flag.Int("followers", 50, "followers for the step timing (0 skips it)")
	steps := flag.Int("steps", 10, "presenter steps to time")
	cols := flag.Int("cols", 120, "terminal columns of every session")
	rows := flag.Int("rows", 40, "terminal rows of every session")
	timeout := flag.Duration("timeout", 60*time.Second, "give up on any one wait after this long")
	flag.StringVar(&stepKey, "step-key", "\x1b[C", "what the presenter types for one step (Go escapes allowed)")
	flag.StringVar(&marker, "marker", "stop %d/", "what a follower's screen shows once step N has arrived (%d is N+marker-base); "+
		"\"title\" means the title of topic N+marker-base (0-based) of the dossier")
	flag.StringVar(&backKey, "back-key", "", "after the forward steps, time as many steps back with this key (warm caches)")
	flag.IntVar(&markerBase, "marker-base", 0, "added to the step number in -marker")
	flag.Parse()
	for _, k := range []*string{&stepKey, &backKey} {
		if u, err := strconv.Unquote(`"` + *k + `"`); err == nil {
			*k = u
		}
	}
	if err := run(*bin, *path, *levels, *followers, *steps, *cols, *rows, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(1)
	}
}

var (
	stepKey    string
	backKey    string
	marker     string
	markerBase int
)

func run(bin, path, levelList string, followers, steps, cols, rows int, timeout time.Duration) error {
	var levels []int
	for _, f := range strings.Split(levelList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return fmt.Errorf("bad -sessions %q", levelList)
		}
		levels = append(levels, n)
	}
	dir, err := os.MkdirTemp("", "serveload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	presenter, _ := gossh.NewSignerFromKey(priv)
	presFile := filepath.Join(dir, "presenters")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(presenter.PublicKey()))) + " presenter\n"
	if err := os.WriteFile(presFile, []byte(line), 0o600); err != nil {
		return err
	}
	maxN := slices.Max(append(levels, followers)) + 2
	args := []string{"serve", "--listen", "127.0.0.1:0", "--open", "--presenters", presFile,
		"--host-key", filepath.Join(dir, "host"), "--max-sessions", strconv.Itoa(maxN),
		"--rate", "100000", "--rate-burst", "100000"}
	if path != "" {
		args = append(args, path)
	}
	srv := exec.Command(bin, args...)
	stderr, err := srv.StderrPipe()
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	addr, err := listenAddr(stderr, timeout)
	if err != nil {
		return err
	}
	fmt.Printf("server pid %d on %s, sessions %dx%d\n", srv.Process.Pid, addr, cols, rows)
	fmt.Printf("%-10s %-12s\n", "sessions", "VmRSS")
	fmt.Printf("%-10d %-12s\n", 0, rss(srv.Process.Pid))

	var open []*client
	defer func() {
		for _, c := range open {
			c.close()
		}
	}()
	for _, n := range levels {
		for len(open) < n {
			c, err := dial(addr, fmt.Sprintf("f%d", len(open)), nil, cols, rows)
			if err != nil {
				return err
			}
			open = append(open, c)
		}
		for _, c := range open {
			if err := c.waitFor(func(s *vtest.Screen) bool { return strings.TrimSpace(s.String()) != "" }, timeout); err != nil {
				return fmt.Errorf("first frame: %w", err)
			}
		}
		time.Sleep(time.Second) // let the renders and GC settle
		c0 := cpuTicks(srv.Process.Pid)
		time.Sleep(2 * time.Second)
		idle := float64(cpuTicks(srv.Process.Pid)-c0) / 100 / 2 * 100 // USER_HZ is 100 on Linux
		fmt.Printf("%-10d %-12s %.1f%% CPU while idle\n", n, rss(srv.Process.Pid), idle)
	}
	if followers == 0 {
		return nil
	}
	for len(open) < followers {
		c, err := dial(addr, fmt.Sprintf("f%d", len(open)), nil, cols, rows)
		if err != nil {
			return err
		}
		open = append(open, c)
	}
	for _, c := range open[followers:] {
		c.close()
	}
	open = open[:followers]
	p, err := dial(addr, "presenter", presenter, cols, rows)
	if err != nil {
		return err
	}
	defer p.close()
	if err := p.waitFor(func(s *vtest.Screen) bool { return s.Contains("presenting") }, timeout); err != nil {
		return fmt.Errorf("presenter screen: %w", err)
	}
	fmt.Printf("\n%d followers; per step: time until the last follower shows the new position\n", followers)
	pass := func(name, key string, target func(i int) int) error {
		var all []time.Duration
		for i := range steps {
			want := fmt.Sprintf(marker, target(i))
			if marker == "title" {
				var err error
				if want, err = topicTitle(path, target(i)); err != nil {
					return err
				}
			}
			last, median, per, err := timeStep(p, open, key, want, timeout)
			if err != nil {
				return fmt.Errorf("%s step %d: %w", name, i+1, err)
			}
			all = append(all, last)
			fmt.Printf("%s step %2d: all %d followers in %-10s (median follower %s, %d bytes per follower)\n",
				name, i+1, len(open), last.Round(time.Microsecond), median.Round(time.Microsecond), per)
			time.Sleep(200 * time.Millisecond)
		}
		slices.Sort(all)
		fmt.Printf("%s: step to all %d followers: median %s, max %s over %d steps\n", name, len(open),
			all[len(all)/2].Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond), len(all))
		return nil
	}
	if err := pass("forward", stepKey, func(i int) int { return i + 1 + markerBase }); err != nil {
		return err
	}
	if backKey != "" {
		if err := pass("back", backKey, func(i int) int { return steps - 1 - i + markerBase }); err != nil {
			return err
		}
	}
	fmt.Printf("VmRSS with %d followers + presenter: %s\n", len(open), rss(srv.Process.Pid))
	return nil
}

// timeStep has the presenter type key and waits until every follower's
// screen shows want. It returns the time until the last and the median
// follower showed it, and the bytes each follower received, on average.
func timeStep(p *client, open []*client, key, want string, timeout time.Duration) (last, median time.Duration, per int64, err error) {
	before := make([]int64, len(open))
	for j, c := range open {
		before[j] = c.bytes.Load()
	}
	t0 := time.Now()
	if _, err := p.stdin.Write([]byte(key)); err != nil {
		return 0, 0, 0, err
	}
	lat := make([]time.Duration, len(open))
	errs := make([]error, len(open))
	var wg sync.WaitGroup
	for j, c := range open {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[j] = c.waitFor(func(s *vtest.Screen) bool { return s.Contains(want) }, timeout)
			lat[j] = time.Since(t0)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, 0, 0, err
	}
	var sent int64
	for j, c := range open {
		sent += c.bytes.Load() - before[j]
	}
	slices.Sort(lat)
	return lat[len(lat)-1], lat[len(lat)/2], sent / int64(len(open)), nil
}

// topicTitle returns the first 24 characters of topic n's title (enough to
// tell the topics apart, short enough to survive truncation in a header).
func topicTitle(path string, n int) (string, error) {
	var d *dossier.Dossier
	var probs dossier.Problems
	var err error
	if path == "" {
		d, probs = dossier.Load(content.Default())
	} else {
		d, probs, err = dossier.LoadDir(path)
	}
	if err != nil {
		return "", err
	}
	if d == nil {
		return "", probs.Err()
	}
	if n < 0 || n >= len(d.Topics) {
		return "", fmt.Errorf("the dossier has %d topics; step needs topic %d", len(d.Topics), n)
	}
	r := []rune(d.Topics[n].Title)
	return string(r[:min(len(r), 24)]), nil
}

// listenAddr reads the server's log until its "listening" line.
func listenAddr(r io.Reader, timeout time.Duration) (string, error) {
	re := regexp.MustCompile(`listening addr=(\S+)`)
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case a := <-found:
		return a, nil
	case <-time.After(timeout):
		return "", errors.New("the server never said where it listens")
	}
}

func rss(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			return strings.Join(strings.Fields(strings.TrimPrefix(l, "VmRSS:")), " ")
		}
	}
	return "?"
}

// cpuTicks returns the process's user+system time in clock ticks.
func cpuTicks(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return u + st
}

// client is one SSH session with its screen.
type client struct {
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	screen *vtest.Screen
	bytes  atomic.Int64
	mu     sync.Mutex
	change chan struct{} // signalled on every write
}

func (c *client) Write(p []byte) (int, error) {
	c.bytes.Add(int64(len(p)))
	_, _ = c.screen.Write(p)
	select {
	case c.change <- struct{}{}:
	default:
	}
	return len(p), nil
}

func dial(addr, user string, key gossh.Signer, cols, rows int) (*client, error) {
	var auth []gossh.AuthMethod
	if key != nil {
		auth = append(auth, gossh.PublicKeys(key))
	}
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		return nil, err
	}
	c := &client{conn: conn, sess: sess, screen: vtest.New(cols, rows), change: make(chan struct{}, 1)}
	sess.Stdout = c
	sess.Stderr = io.Discard
	if c.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	return c, nil
}

// waitFor returns once cond holds for the screen, checking after every
// write; it gives up after timeout.
func (c *client) waitFor(cond func(*vtest.Screen) bool, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for !cond(c.screen) {
		select {
		case <-c.change:
		case <-deadline.C:
			return fmt.Errorf("timed out; screen:\n%s", c.screen)
		}
	}
	return nil
}

func (c *client) close() {
	_ = c.sess.Close()
	_ = c.conn.Close()
}

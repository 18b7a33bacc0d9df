// Command serveload measures `dossier serve` under load: it starts the server
// as a child process on loopback, opens SSH sessions (x/crypto/ssh, a PTY of
// -cols x -rows each, screens emulated by internal/vtest) and reports:
//
//   - at each session count in -sessions: the server's resident memory
//     (VmRSS), its live heap after the last garbage collection (from
//     GODEBUG=gctrace=1), both per session, and its CPU while idle;
//   - with -scroll N: the bytes one free-browsing session receives per
//     scroll step (j), over N steps;
//   - with -followers N: the time for a presenter's step to show on every
//     follower's screen (p50/p99 over all follower-steps, and the time to
//     the last follower), and the bytes each follower receives per step.
//
// One command runs it all (see docs/performance.md):
//
//	go build -o /tmp/dossier . && go run ./bench/serveload -bin /tmp/dossier -sessions 1,100,500 -scroll 20 -followers 500
//
// A step counts as arrived at a follower when its screen shows -marker for
// the new step: by default the title of the next topic (the presenter steps
// with ]). Everything is bounded: every wait gives up after -timeout.
package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// options are the command's flags.
type options struct {
	bin, path           string
	levels              []int
	followers, steps    int
	scroll              int
	cols, rows          int
	timeout, hold       time.Duration
	stepKey, backKey    string
	marker              string
	markerBase, dialers int
	cpuProfile          string
	browse              bool
	blind               bool
	serverArgs          string
}

func main() {
	var o options
	var levels string
	flag.StringVar(&o.bin, "bin", "./dossier", "dossier binary to run as the server")
	flag.StringVar(&o.path, "path", "", "dossier folder to serve (default: the embedded one)")
	flag.StringVar(&levels, "sessions", "1,50,200", "session counts at which to read the server's memory")
	flag.IntVar(&o.followers, "followers", 50, "followers for the step timing (0 skips it)")
	flag.IntVar(&o.steps, "steps", 10, "presenter steps to time")
	flag.IntVar(&o.scroll, "scroll", 0, "scroll steps of one free-browsing session to count bytes for (0 skips it)")
	flag.IntVar(&o.cols, "cols", 120, "terminal columns of every session")
	flag.IntVar(&o.rows, "rows", 40, "terminal rows of every session")
	flag.IntVar(&o.dialers, "dialers", 8, "sessions opened at once")
	flag.DurationVar(&o.timeout, "timeout", 60*time.Second, "give up on any one wait after this long")
	flag.DurationVar(&o.hold, "hold", 0, "keep every session open this long at the end (to profile the server)")
	flag.StringVar(&o.stepKey, "step-key", "]", "what the presenter types for one step (Go escapes allowed)")
	flag.StringVar(&o.marker, "marker", "header", "what a follower's screen shows once step N has arrived: "+
		"\"header\" means the header's \"topic K/\" for topic N+marker-base (0-based); "+
		"\"title\" the title of that topic; anything else is a format with %d for N+marker-base")
	flag.StringVar(&o.backKey, "back-key", "[", "after the forward steps, time as many steps back with this key (warm caches); empty skips it")
	flag.IntVar(&o.markerBase, "marker-base", 0, "added to the step number in -marker")
	flag.BoolVar(&o.browse, "browse", false, "the sessions of -sessions browse on their own (each types j once), "+
		"so that the memory figures are those of free-browsing sessions rather than of followers")
	flag.BoolVar(&o.blind, "blind", false, "followers keep no emulated screen: a step counts as arrived at a follower with "+
		"its first bytes after the key (cheaper for this tool, which shares the machine with the server)")
	flag.StringVar(&o.serverArgs, "server-args", "", "more flags for `dossier serve`, space-separated (e.g. --shared-frames=false)")
	flag.IntVar(&markerRow, "marker-row", 0, "the screen row (0 is the top) where -marker shows; -1 looks at every row (costlier for this tool)")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write this load tool's CPU profile to the file (to see what the client side costs)")
	flag.Parse()
	// this tool shares the machine with the server: collect less often
	debug.SetGCPercent(400)
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "serveload:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	for _, k := range []*string{&o.stepKey, &o.backKey} {
		if u, err := strconv.Unquote(`"` + *k + `"`); err == nil {
			*k = u
		}
	}
	for _, f := range strings.Split(levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			fmt.Fprintf(os.Stderr, "serveload: bad -sessions %q\n", levels)
			os.Exit(2)
		}
		o.levels = append(o.levels, n)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(o options) error {
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
	maxN := slices.Max(append(o.levels, o.followers)) + 4
	args := []string{"serve", "--listen", "127.0.0.1:0", "--open", "--presenters", presFile,
		"--host-key", filepath.Join(dir, "host"), "--max-sessions", strconv.Itoa(maxN),
		"--rate", "100000", "--rate-burst", "100000",
		// every session comes from 127.0.0.1, opened 8 at a time: lift the
		// per-address and unauthenticated-connection caps that protect a
		// real server from one address (docs/hardening.md)
		"--max-sessions-per-address", strconv.Itoa(maxN),
		"--max-startups", fmt.Sprintf("%d:30:%d", maxN, maxN), "--max-startups-per-address", strconv.Itoa(maxN)}
	args = append(args, strings.Fields(o.serverArgs)...)
	if o.path != "" {
		args = append(args, o.path)
	}
	srv, err := startChild(o.bin, args)
	if err != nil {
		return err
	}
	defer srv.stop()
	addr, err := srv.listenAddr(o.timeout)
	if err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
	base := srv.rssKB()
	baseHeap, _ := srv.heap()
	fmt.Printf("server pid %d on %s, sessions %dx%d, date %s, server flags %q\n", srv.cmd.Process.Pid, addr, o.cols, o.rows,
		time.Now().Format(time.DateTime), o.serverArgs)
	fmt.Printf("%-9s %-11s %-15s %-11s %-15s %s\n", "sessions", "VmRSS", "RSS/session", "live heap", "heap/session", "CPU idle")
	fmt.Printf("%-9d %-11s %-15s %-11s %-15s\n", 0, kb(base), "", mb(baseHeap), "")

	var open []*client
	defer func() {
		for _, c := range open {
			c.close()
		}
	}()
	for _, n := range o.levels {
		if n < len(open) {
			for _, c := range open[n:] {
				c.close()
			}
			open = open[:n]
		}
		more, err := dialMany(addr, len(open), n-len(open), o)
		open = append(open, more...)
		if err != nil {
			return err
		}
		time.Sleep(time.Second) // let the renders settle
		_ = srv.waitGC(3 * time.Second)
		c0 := srv.cpuTicks()
		time.Sleep(2 * time.Second)
		idle := float64(srv.cpuTicks()-c0) / 2 // ticks of 1/100 s over 2 s, in percent
		rss := srv.rssKB()
		heap, _ := srv.heap()
		fmt.Printf("%-9d %-11s %-15s %-11s %-15s %.1f%%\n", n, kb(rss), perSession(rss-base, n),
			mb(heap), perSession((heap-baseHeap)*1024, n), idle)
	}
	if o.scroll > 0 {
		if err := scrollBytes(addr, o); err != nil {
			return err
		}
	}
	if o.followers > 0 {
		if err := follow(srv, addr, presenter, open, o); err != nil {
			return err
		}
	}
	if o.hold > 0 {
		fmt.Printf("holding the sessions open for %s (server pid %d)\n", o.hold, srv.cmd.Process.Pid)
		time.Sleep(o.hold)
	}
	return nil
}

// dialMany opens n sessions, o.dialers at a time, and waits for each one's
// first frame.
func dialMany(addr string, from, n int, o options) ([]*client, error) {
	out := make([]*client, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, max(1, o.dialers))
	for i := range n {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			c, err := dial(addr, fmt.Sprintf("f%d", from+i), nil, o.cols, o.rows)
			if err == nil {
				out[i] = c
				if o.blind && !o.browse {
					c.blind = true
					err = c.waitFor(func(*vtest.Screen) bool { return c.bytes.Load() > 0 }, o.timeout)
				} else {
					err = c.waitFor(func(s *vtest.Screen) bool { return strings.TrimSpace(s.String()) != "" }, o.timeout)
				}
			}
			if err == nil && o.browse {
				c.quiet(200*time.Millisecond, o.timeout)
				screen := c.screen.String()
				if _, err = c.stdin.Write([]byte("j")); err == nil {
					err = c.waitFor(func(s *vtest.Screen) bool { return s.String() != screen }, o.timeout)
				}
			}
			errs <- err
		}()
	}
	var first error
	for range n {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	out = slices.DeleteFunc(out, func(c *client) bool { return c == nil })
	if first != nil {
		return out, fmt.Errorf("opening sessions: %w", first)
	}
	return out, nil
}

// scrollBytes opens one session, lets it browse on its own (j detaches a
// follower) and counts the bytes it receives for each scroll step.
func scrollBytes(addr string, o options) error {
	c, err := dial(addr, "scroller", nil, o.cols, o.rows)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.waitFor(func(s *vtest.Screen) bool { return strings.TrimSpace(s.String()) != "" }, o.timeout); err != nil {
		return err
	}
	c.quiet(300*time.Millisecond, o.timeout)
	var sizes []int
	key := "j"
	for i := 0; len(sizes) < o.scroll; i++ {
		if i > 4*o.scroll+10 {
			return errors.New("scroll steps do not change the screen")
		}
		before, screen := c.bytes.Load(), c.screen.String()
		if _, err := c.stdin.Write([]byte(key)); err != nil {
			return err
		}
		if err := c.waitFor(func(s *vtest.Screen) bool { return s.String() != screen }, time.Second); err != nil {
			// at the end of the topic: scroll the other way
			key = map[string]string{"j": "k", "k": "j"}[key]
			c.quiet(300*time.Millisecond, o.timeout)
			continue
		}
		c.quiet(150*time.Millisecond, o.timeout)
		if i > 0 { // the first j also detaches the session: its status line changes
			sizes = append(sizes, int(c.bytes.Load()-before))
		}
	}
	slices.Sort(sizes)
	sum := 0
	for _, s := range sizes {
		sum += s
	}
	fmt.Printf("\nscroll step (j or k) of a free-browsing session: mean %d bytes, median %d, max %d over %d steps\n",
		sum/len(sizes), sizes[len(sizes)/2], sizes[len(sizes)-1], len(sizes))
	return nil
}

// markerRow is the -marker-row flag.
var markerRow int

func kb(n int) string { return strconv.Itoa(n) + " kB" }

func mb(n int) string { return strconv.Itoa(n) + " MB" }

// perSession is the growth per session in KiB.
func perSession(deltaKB, n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(deltaKB/n) + " KiB"
}

package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/vtest"
)

// follow opens followers up to o.followers (reusing the open sessions),
// connects the presenter and times its steps.
func follow(srv *child, addr string, presenter gossh.Signer, open []*client, o options) error {
	if len(open) < o.followers {
		more, err := dialMany(addr, len(open), o.followers-len(open), o)
		open = append(open, more...)
		if err != nil {
			return err
		}
	}
	followers := open[:o.followers]
	p, err := dial(addr, "presenter", presenter, o.cols, o.rows)
	if err != nil {
		return err
	}
	defer p.close()
	if err := p.waitFor(func(s *vtest.Screen) bool { return s.Contains("presenting") }, o.timeout); err != nil {
		return fmt.Errorf("presenter screen: %w", err)
	}
	for _, c := range followers {
		c.quiet(100*time.Millisecond, o.timeout)
	}
	fmt.Printf("\n%d followers; presenter steps with %q\n", len(followers), o.stepKey)
	var all, toAll []time.Duration
	var bytes []int64
	var srvTicks, selfTicks int64
	pass := func(name, key string, target func(i int) int) error {
		for i := range o.steps {
			want, err := markerFor(o, target(i))
			if err != nil {
				return err
			}
			s0, c0 := srv.cpuTicks(), selfCPUTicks()
			lat, per, err := timeStep(p, followers, key, want, o.timeout)
			srvTicks += srv.cpuTicks() - s0
			selfTicks += selfCPUTicks() - c0
			if err != nil {
				return fmt.Errorf("%s step %d: %w", name, i+1, err)
			}
			all = append(all, lat...)
			toAll = append(toAll, slices.Max(lat))
			bytes = append(bytes, per)
			fmt.Printf("%s step %2d: all in %-10s median follower %-10s %6d bytes per follower\n",
				name, i+1, slices.Max(lat).Round(time.Microsecond), quantile(lat, 0.5).Round(time.Microsecond), per)
			time.Sleep(200 * time.Millisecond)
		}
		return nil
	}
	if err := pass("forward", o.stepKey, func(i int) int { return i + 1 + o.markerBase }); err != nil {
		return err
	}
	if o.backKey != "" {
		if err := pass("back", o.backKey, func(i int) int { return o.steps - 1 - i + o.markerBase }); err != nil {
			return err
		}
	}
	var sum int64
	for _, b := range bytes {
		sum += b
	}
	fmt.Printf("step latency per follower: p50 %s, p99 %s, max %s (n=%d)\n",
		quantile(all, 0.5).Round(time.Millisecond), quantile(all, 0.99).Round(time.Millisecond),
		slices.Max(all).Round(time.Millisecond), len(all))
	fmt.Printf("step to the last follower: p50 %s, p99 %s (n=%d steps)\n",
		quantile(toAll, 0.5).Round(time.Millisecond), quantile(toAll, 0.99).Round(time.Millisecond), len(toAll))
	fmt.Printf("bytes per follower per step: mean %d\n", sum/int64(len(bytes)))
	fmt.Printf("CPU per step (both share the machine): server %d ms, this load tool %d ms\n",
		srvTicks*10/int64(len(bytes)), selfTicks*10/int64(len(bytes)))
	heap, _ := srv.heap()
	fmt.Printf("with %d followers + presenter: VmRSS %s, live heap %s\n", len(followers), kb(srv.rssKB()), mb(heap))
	return nil
}

// quantile returns the q-quantile of ds (nearest rank).
func quantile(ds []time.Duration, q float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[int(q*float64(len(s)-1)+0.5)]
}

// markerFor is what a follower's screen shows once step n has arrived.
func markerFor(o options, n int) (string, error) {
	switch o.marker {
	case "title":
		return topicTitle(o.path, n)
	case "header": // the reader's header counts topics from 1: "topic 3/12"
		return fmt.Sprintf("topic %d/", n+o.markerBase+1), nil
	}
	return fmt.Sprintf(o.marker, n), nil
}

// timeStep has the presenter type key and waits until every follower's
// screen shows want. It returns each follower's time and the bytes each
// follower received, on average.
func timeStep(p *client, open []*client, key, want string, timeout time.Duration) ([]time.Duration, int64, error) {
	before := make([]int64, len(open))
	for j, c := range open {
		before[j] = c.bytes.Load()
	}
	t0 := time.Now()
	for _, c := range open {
		c.hit.Store(0)
		c.armed.Store(t0.UnixNano())
	}
	if _, err := p.stdin.Write([]byte(key)); err != nil {
		return nil, 0, err
	}
	lat := make([]time.Duration, len(open))
	errs := make([]error, len(open))
	var wg sync.WaitGroup
	for j, c := range open {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c.blind {
				errs[j] = c.waitFor(func(*vtest.Screen) bool { return c.hit.Load() != 0 }, timeout)
				lat[j] = time.Duration(c.hit.Load() - t0.UnixNano())
				return
			}
			errs[j] = c.waitFor(func(s *vtest.Screen) bool {
				if markerRow >= 0 {
					return strings.Contains(s.Line(markerRow), want)
				}
				return s.Contains(want)
			}, timeout)
			lat[j] = time.Since(t0)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	for _, c := range open {
		c.quiet(50*time.Millisecond, timeout)
		c.armed.Store(0)
	}
	var sent int64
	for j, c := range open {
		sent += c.bytes.Load() - before[j]
	}
	return lat, sent / int64(len(open)), nil
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
	return strings.TrimSpace(string(r[:min(len(r), 24)])), nil
}

package watch

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
)

// fakeFS records watches instead of asking the kernel.
type fakeFS struct {
	mu    sync.Mutex
	added []string
}

func (f *fakeFS) Add(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, name)
	return nil
}
func (f *fakeFS) Remove(string) error { return nil }
func (f *fakeFS) Close() error        { return nil }

// rig is a Watcher driven by hand: events are sent on events, each
// debounce timer the watcher starts arrives on timers (unbuffered, so that
// a send on one returns only once the watcher has taken it), and the
// files' fingerprint is whatever version holds.
type rig struct {
	w         *Watcher
	events    chan fsnotify.Event
	errs      chan error
	timers    chan chan time.Time
	published chan Event
	done      chan struct{}
	cancel    context.CancelFunc

	mu      sync.Mutex
	version string
	loads   int
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{events: make(chan fsnotify.Event), errs: make(chan error), timers: make(chan chan time.Time, 64),
		published: make(chan Event, 64), done: make(chan struct{}), version: "v0"}
	r.w = &Watcher{dir: t.TempDir(), debounce: time.Hour, fs: &fakeFS{}, events: r.events,
		errs: r.errs, watched: map[string]bool{}, last: "v0",
		after: func(time.Duration) <-chan time.Time {
			c := make(chan time.Time)
			r.timers <- c
			return c
		},
	}
	r.w.sum = func() string { r.mu.Lock(); defer r.mu.Unlock(); return r.version }
	r.w.load = func() Event {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.loads++
		return Event{Dossier: &dossier.Dossier{Title: r.version}}
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.w.Run(ctx, func(e Event) { r.published <- e }); close(r.done) }()
	t.Cleanup(r.stop)
	return r
}

// stop ends Run and waits for it.
func (r *rig) stop() {
	r.cancel()
	<-r.done
}

func (r *rig) setVersion(v string) {
	r.mu.Lock()
	r.version = v
	r.mu.Unlock()
}

// write sends a write event for a file and returns the timer it started.
func (r *rig) write(t *testing.T, name string) chan time.Time {
	t.Helper()
	r.events <- fsnotify.Event{Name: filepath.Join(r.w.dir, name), Op: fsnotify.Write}
	select {
	case c := <-r.timers:
		return c
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatalf("no debounce timer started for %s", name)
		return nil
	}
}

func TestBurstOfChangesLoadsOnce(t *testing.T) {
	r := newRig(t)
	var timers []chan time.Time
	for _, name := range []string{"topics/01.md", "topics/01.md", "topics/02.md", "dossier.md", "topics/01.md"} {
		timers = append(timers, r.write(t, name))
	}
	r.setVersion("v1")
	// The timers the burst superseded are no longer listened to.
	for i, c := range timers[:len(timers)-1] {
		select {
		case c <- time.Time{}:
			t.Fatalf("timer %d of the burst was still listened to", i)
		default:
		}
	}
	timers[len(timers)-1] <- time.Time{}
	select {
	case ev := <-r.published:
		if ev.Dossier == nil || ev.Dossier.Title != "v1" {
			t.Fatalf("published %+v, want the version v1", ev)
		}
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("nothing published after the burst settled")
	}
	r.stop()
	if r.loads != 1 || len(r.published) != 0 {
		t.Fatalf("a burst of 5 changes gave %d loads and %d more events, want 1 load", r.loads, len(r.published))
	}
}

func TestChangeThatLeavesTheFilesAsTheyWereLoadsNothing(t *testing.T) {
	r := newRig(t)
	r.write(t, "topics/01.md") <- time.Time{} // version unchanged: "v0"
	r.setVersion("v1")
	r.write(t, "topics/01.md") <- time.Time{}
	select {
	case ev := <-r.published:
		if ev.Dossier.Title != "v1" {
			t.Fatalf("first event is %q, want v1 (the unchanged save must publish nothing)", ev.Dossier.Title)
		}
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("nothing published for a real change")
	}
	r.stop()
	if r.loads != 1 {
		t.Fatalf("%d loads, want 1: a save that changed nothing loaded the dossier", r.loads)
	}
}

func TestOverflowReloads(t *testing.T) {
	r := newRig(t)
	r.setVersion("v1")
	// A queue overflow means events were lost: the files are looked at again.
	r.errs <- fsnotify.ErrEventOverflow
	select {
	case c := <-r.timers:
		c <- time.Time{}
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("an overflow started no timer")
	}
	select {
	case ev := <-r.published:
		if ev.Dossier.Title != "v1" {
			t.Fatalf("got %q, want v1", ev.Dossier.Title)
		}
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("an overflow did not reload")
	}
}

func TestWhichEventsCount(t *testing.T) {
	w := &Watcher{dir: "/d", fs: &fakeFS{}, watched: map[string]bool{}}
	for _, tc := range []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{"/d/topics/01.md", fsnotify.Write, true},
		{"/d/topics/01.md", fsnotify.Create, true},
		{"/d/topics/01.md", fsnotify.Remove, true},
		{"/d/topics/01.md", fsnotify.Rename, true},
		{"/d/topics/01.md.tmp", fsnotify.Rename, true}, // the loader errors on it while it is there
		{"/d/topics/01.md", fsnotify.Chmod, false},
		{"/d/topics/.01.md.swp", fsnotify.Write, false},
		{"/d/topics/01.md~", fsnotify.Create, false},
		{"/d/topics/4913", fsnotify.Create, false},
		{"/d/topics/#01.md#", fsnotify.Write, false},
		{"/d/.git", fsnotify.Write, false},
	} {
		if got := w.handle(fsnotify.Event{Name: tc.name, Op: tc.op}); got != tc.want {
			t.Errorf("%v %s: counts = %v, want %v", tc.op, tc.name, got, tc.want)
		}
	}
}

func TestDepth(t *testing.T) {
	w := &Watcher{dir: "/d"}
	for path, want := range map[string]int{
		"/d": 0, "/d/topics": 1, "/d/topics/sub": -1, "/dx": -1, "/": -1, "/d/../e": -1,
	} {
		if got := w.depth(filepath.Clean(path)); got != want {
			t.Errorf("depth(%s) = %d, want %d", path, got, want)
		}
	}
}

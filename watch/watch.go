// Package watch follows a dossier folder on disk for `--watch`: it watches
// the folder and its subfolders with fsnotify, waits until a burst of
// changes has settled (editors save through temporary files and renames,
// a checkout writes many files), loads the dossier again with
// dossier.LoadDir and publishes the new version, or its problems.
//
// It knows nothing of terminals: the reader and the SSH server turn an
// Event into their own messages.
package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
)

// DefaultDebounce is how long the folder must stay quiet after a change
// before the dossier is loaded again: long enough to cover an editor's
// write-rename-chmod sequence, short enough to feel immediate.
const DefaultDebounce = 150 * time.Millisecond

// maxDepth is how deep below the folder subfolders are watched. The loader
// reads the files at the root and in topics/ and briefings/; a folder
// deeper than that is only named in a warning, and its creation shows as
// an event in its parent, so watching deeper would only cost watches.
const maxDepth = 1

// Event is one new version of the dossier on disk.
type Event struct {
	// Dossier is the new version; nil when it has errors, in which case
	// readers keep showing the last good one.
	Dossier *dossier.Dossier
	// Problems is every problem of the new version, errors and warnings,
	// each file relative to the folder (as the loader gives them): a
	// banner in a reader has no room for the folder's path.
	Problems dossier.Problems
}

// FirstError returns the first error of the event, and false when it has
// none.
func (e Event) FirstError() (dossier.Problem, bool) {
	for _, p := range e.Problems {
		if p.Severity == dossier.SeverityError {
			return p, true
		}
	}
	return dossier.Problem{}, false
}

// notifier is what the watcher needs of fsnotify; tests give it a fake.
type notifier interface {
	Add(name string) error
	Remove(name string) error
	Close() error
}

// Watcher watches one dossier folder. Make one with New; Run publishes
// every new version until its context ends; Close (or the end of Run)
// releases the operating system's watches.
type Watcher struct {
	dir      string
	debounce time.Duration

	fs     notifier
	events <-chan fsnotify.Event
	errs   <-chan error
	// after starts the debounce timer; time.After outside tests.
	after func(time.Duration) <-chan time.Time
	// load and sum are dossier.LoadDir and fingerprint outside tests.
	load func() Event
	sum  func() string

	watched map[string]bool // folders with a watch, cleaned paths
	last    string          // fingerprint of the files as last loaded

	closeOnce sync.Once
	closeErr  error
}

// New starts watching the folder dir and its subfolders. Every change made
// after New returns is seen, so a caller that loads the dossier after New
// misses nothing. debounce <= 0 means DefaultDebounce.
func New(dir string, debounce time.Duration) (*Watcher, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, errors.New("cannot watch the dossier folder: " + sanitize.Text(err.Error()))
	}
	if !fi.IsDir() {
		return nil, errors.New("cannot watch " + sanitize.Text(dir) + ": not a folder")
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, errors.New("cannot watch the dossier folder: " + sanitize.Text(err.Error()))
	}
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	w := &Watcher{
		dir: dir, debounce: debounce, fs: fw, events: fw.Events, errs: fw.Errors,
		after: time.After, watched: map[string]bool{},
	}
	w.load = func() Event { return loadDir(dir) }
	w.sum = func() string { return fingerprint(dir) }
	if err := w.addTree(filepath.Clean(dir), 0); err != nil {
		fw.Close()
		return nil, errors.New("cannot watch the dossier folder: " + sanitize.Text(err.Error()))
	}
	w.last = w.sum()
	return w, nil
}

// Dir returns the folder being watched, as given to New.
func (w *Watcher) Dir() string { return w.dir }

// Close releases the watches. It is safe to call more than once and after
// Run has ended; Run returns soon after it.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() { w.closeErr = w.fs.Close() })
	return w.closeErr
}

// Run publishes a new Event each time the folder has changed and stayed
// quiet for the debounce time, until ctx ends or Close is called; it then
// closes the watcher and returns. A burst of changes gives one Event, and
// changes that leave every file as it was give none. publish is called
// from Run's goroutine, one Event at a time.
func (w *Watcher) Run(ctx context.Context, publish func(Event)) {
	defer w.Close()
	var timer <-chan time.Time // nil: nothing pending
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.events:
			if !ok {
				return
			}
			if w.handle(ev) {
				timer = w.after(w.debounce)
			}
		case _, ok := <-w.errs:
			if !ok {
				return
			}
			// The kernel's queue overflowed: events were lost, so look
			// at the files again.
			timer = w.after(w.debounce)
		case <-timer:
			timer = nil
			now := w.sum()
			if now == w.last {
				continue
			}
			w.last = now
			publish(w.load())
		}
	}
}

// handle keeps the watches in step with the folders (a folder created or
// recreated gets one) and reports whether the event may have changed the
// dossier.
func (w *Watcher) handle(ev fsnotify.Event) bool {
	name := filepath.Clean(ev.Name)
	if ev.Op == fsnotify.Chmod || ignored(filepath.Base(name)) {
		return false
	}
	switch {
	case ev.Has(fsnotify.Create):
		if d := w.depth(name); d >= 0 {
			if fi, err := os.Lstat(name); err == nil && fi.IsDir() {
				_ = w.addTree(name, d) // a folder we cannot watch is reported by the loader
			}
		}
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		if w.watched[name] {
			// A folder renamed away keeps its watch on the inode; drop it
			// so that its files' events stop arriving under the old name.
			_ = w.fs.Remove(name)
			delete(w.watched, name)
		}
	}
	return true
}

// depth returns how far below the watched folder path lies (0 for the
// folder itself), or -1 when it is outside or deeper than maxDepth.
func (w *Watcher) depth(path string) int {
	rel, err := filepath.Rel(filepath.Clean(w.dir), path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return -1
	}
	if rel == "." {
		return 0
	}
	d := strings.Count(rel, string(filepath.Separator)) + 1
	if d > maxDepth {
		return -1
	}
	return d
}

// addTree watches path (at depth d) and its subfolders down to maxDepth,
// skipping hidden folders (.git changes all the time) and symbolic links
// (the loader refuses them).
func (w *Watcher) addTree(path string, d int) error {
	if w.watched[path] {
		return nil
	}
	if err := w.fs.Add(path); err != nil {
		return err
	}
	w.watched[path] = true
	if d >= maxDepth {
		return nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil // gone already; its parent's events say so
	}
	for _, e := range entries {
		if e.IsDir() && !ignored(e.Name()) {
			if err := w.addTree(filepath.Join(path, e.Name()), d+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// ignored reports whether a change to a file of this name cannot change
// the dossier: the loader skips the same names (dossier.Leftover).
func ignored(name string) bool { return dossier.Leftover(name) }

// loadDir loads the dossier in dir. A folder that cannot be opened (it
// was removed) is one error, without a file.
func loadDir(dir string) Event {
	d, probs, err := dossier.LoadDir(dir)
	if err != nil {
		return Event{Problems: dossier.Problems{{Severity: dossier.SeverityError, Msg: sanitize.Text(err.Error())}}}
	}
	return Event{Dossier: d, Problems: probs}
}

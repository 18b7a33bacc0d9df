package server

import (
	"context"
	"errors"
	"fmt"

	"charm.land/log/v2"

	"github.com/dossier-dev/dossier/watch"
)

// ErrWatchEmbedded is returned for --watch without a dossier folder: the
// dossier built into the program cannot change. Callers add the command
// line to type (dossier serve PATH --watch).
var ErrWatchEmbedded = errors.New("the built-in dossier never changes, so there is nothing to watch; give a dossier folder")

// startWatch starts watching the dossier folder at path when on is set; it
// returns nil when it is not.
func startWatch(on bool, path string) (*watch.Watcher, error) {
	if !on {
		return nil, nil
	}
	if path == "" {
		return nil, fmt.Errorf("%w: dossier serve PATH --watch", ErrWatchEmbedded)
	}
	return watch.New(path, 0)
}

// followEdits serves every new version of the dossier that w sees until ctx
// ends, and logs each one. The function it returns waits until the watcher
// has stopped.
func followEdits(ctx context.Context, w *watch.Watcher, srv *Server, lg *log.Logger) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func(ev watch.Event) {
			if ev.Dossier != nil {
				srv.Reloaded(ev.Dossier)
				lg.Info("dossier reloaded", "dir", clean(w.Dir()), "warnings", len(ev.Problems.Warnings()))
				return
			}
			srv.ReloadFailed(ev.Problems)
			first, _ := ev.FirstError()
			lg.Warn("dossier not reloaded; sessions keep the last good version", "dir", clean(w.Dir()),
				"errors", len(ev.Problems.Errors()), "first", clean(first.String()))
		})
	}()
	return func() { <-done }
}

package cli

import (
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// readerFPS is the reader's frame rate: Bubble Tea flushes frames on a
// ticker, so 120 (its maximum) halves the time from a key to the screen
// compared with the default 60.
const readerFPS = 120

// addReaderFlags adds the reader's flags to the root command.
func addReaderFlags(root *cobra.Command) {
	root.Flags().String("style", "auto", "colours: auto (ask the terminal), dark, light or notty")
	root.Flags().String("view", "", "the view to open on: "+strings.Join(dossier.Views, ", ")+
		" (default: overview the first time a dossier is opened, compare after)")
	addSettingFlags(root.Flags())
	addWatchFlag(root)
	addNotesFlag(root)
}

// runReader is the root command's action: it opens the reader on the
// dossier. When stdout is not a terminal it prints instead, as print does
// with no flags (every topic, in columns).
func runReader(cmd *cobra.Command, args []string) (err error) {
	name, _ := cmd.Flags().GetString("style")
	if _, err := render.ParseStyle(name); err != nil {
		return err
	}
	wt, err := startWatch(cmd, args) // watch.go; before the load, so that no save is missed
	if err != nil {
		return err
	}
	if wt != nil {
		defer wt.Close()
	}
	view, _ := cmd.Flags().GetString("view")
	if view != "" && !slices.Contains(dossier.Views, view) {
		return fmt.Errorf("--view takes one of %s", strings.Join(dossier.Views, ", "))
	}
	out, ok := cmd.OutOrStdout().(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		if wt != nil {
			return errWatchNoTerminal
		}
		return runPrint(cmd, args)
	}
	set, err := settingsFor(cmd) // the config file, overridden by flags
	if err != nil {
		return err
	}
	opts := set.options(ui.Options{Cache: render.NewCache()})
	if opts.Notes, err = notesPlace(cmd); err != nil {
		return err
	}
	opts.NoColor = os.Getenv("NO_COLOR") != "" && opts.Style == render.StyleAuto
	opts.View = view
	opts.FirstRun = firstOpen(args) // firstrun.go
	if opts.FirstRun && view == "" {
		opts.View = "overview"
	}
	// the terminal's size now, so that the first layout is rendered for
	// it and not for 80x24
	if w, h, err := term.GetSize(out.Fd()); err == nil && w > 0 && h > 0 {
		opts.Width, opts.Height = w, h
	}
	defer pauseGC(firstFrameGrace)()
	var model tea.Model
	if len(args) == 0 || args[0] == "" {
		// the embedded dossier loads while the program starts (startup.go)
		st := newStartup(opts, func() *loaded { l, _ := load(nil); return l })
		defer func() {
			if st.failed != nil && err == nil {
				err = problemsErr(cmd, st.failed)
			}
		}()
		model = st
	} else {
		// a slow load shows its progress and q stops it (slowload.go)
		m, st, err := loadFolder(cmd, args, opts)
		if err != nil {
			return err
		}
		if st != nil {
			defer func() {
				if st.failed != nil && err == nil {
					err = problemsErr(cmd, st.failed)
				}
			}()
		}
		model = m
	}
	p := tea.NewProgram(model, tea.WithContext(cmd.Context()), tea.WithOutput(out), tea.WithFPS(readerFPS))
	if wt != nil {
		defer followEdits(cmd.Context(), wt, p)() // watch.go
	}
	_, err = p.Run()
	return err
}

// firstFrameGrace is how long after the start the garbage collector stays
// paused: past the first frame, which comes 20–30 ms after the start.
const firstFrameGrace = 500 * time.Millisecond

// pauseGC pauses the garbage collector for a short while after the start,
// or until the returned func is called. A process that has just started
// has a heap of a few megabytes, so the collector ran several times while
// the dossier loaded and the first layout rendered: measured, ~3–4 ms of
// the time to the first frame. A memory limit of 64 MB keeps the heap
// bounded meanwhile (a large dossier's load): the collector runs when the
// heap reaches it.
func pauseGC(grace time.Duration) (resume func()) {
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, 64<<20))
	gc := debug.SetGCPercent(-1)
	resume = sync.OnceFunc(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
	time.AfterFunc(grace, resume)
	return resume
}

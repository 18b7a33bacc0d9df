package cli

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/server"
	"github.com/dossier-dev/dossier/ui"
	"github.com/dossier-dev/dossier/watch"
)

// addWatchFlag adds --watch to the reader's and present's flags.
func addWatchFlag(cmd *cobra.Command) {
	cmd.Flags().Bool("watch", false, "reload the dossier when its files change, keeping the view where it was (PATH needed)")
}

// startWatch starts watching the dossier folder when --watch is given, and
// returns nil when it is not. The watch starts before the dossier is
// loaded, so that no save is missed. The embedded dossier is refused.
func startWatch(cmd *cobra.Command, args []string) (*watch.Watcher, error) {
	on, _ := cmd.Flags().GetBool("watch")
	if !on {
		return nil, nil
	}
	if len(args) == 0 || args[0] == "" {
		return nil, fmt.Errorf("%w: %s PATH --watch", server.ErrWatchEmbedded, cmd.CommandPath())
	}
	return watch.New(args[0], 0)
}

// errWatchNoTerminal refuses --watch when the reader would print instead.
var errWatchNoTerminal = errors.New("the reader needs a terminal to reload on with --watch; without one, dossier check and dossier print read the files as they are")

// followEdits sends the program every new version of the dossier that w
// sees, as ui.ReloadMsg or ui.ReloadFailedMsg, until the function it
// returns is called; that function stops the watcher and waits for it.
// Nothing is released by hand: what the reader derived from an old version
// goes with it (the render cache is keyed by content).
func followEdits(ctx context.Context, w *watch.Watcher, p *tea.Program) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func(ev watch.Event) {
			if ev.Dossier == nil {
				p.Send(ui.ReloadFailedMsg{Problems: ev.Problems})
				return
			}
			p.Send(ui.ReloadMsg{Dossier: ev.Dossier})
		})
	}()
	return func() { cancel(); <-done }
}

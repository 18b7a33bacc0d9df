package cli

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

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
	addSettingFlags(root.Flags())
	addWatchFlag(root)
}

// runReader is the root command's action: it opens the reader on the
// dossier. When stdout is not a terminal it prints instead, as print does
// with no flags (every topic, in columns).
func runReader(cmd *cobra.Command, args []string) error {
	name, _ := cmd.Flags().GetString("style")
	if _, err := render.ParseStyle(name); err != nil {
		return err
	}
	w, err := startWatch(cmd, args) // watch.go
	if err != nil {
		return err
	}
	if w != nil {
		defer w.Close()
	}
	out, ok := cmd.OutOrStdout().(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		if w != nil {
			return errWatchNoTerminal
		}
		return runPrint(cmd, args)
	}
	l, err := load(args)
	if err != nil {
		return err
	}
	if l.d == nil {
		errs := l.probs.Errors()
		for _, p := range errs {
			fmt.Fprintln(cmd.ErrOrStderr(), l.problemLine(p))
		}
		return &ExitError{Code: 1, Err: fmt.Errorf("the dossier has %s; dossier check lists every problem", plural(len(errs), "error"))}
	}
	set, err := settingsFor(cmd) // the config file, overridden by flags
	if err != nil {
		return err
	}
	opts := set.options(ui.Options{Dossier: l.d, Cache: render.NewCache()})
	opts.NoColor = os.Getenv("NO_COLOR") != "" && opts.Style == render.StyleAuto
	m := ui.New(opts)
	p := tea.NewProgram(m, tea.WithContext(cmd.Context()), tea.WithOutput(out), tea.WithFPS(readerFPS))
	if w != nil {
		defer followEdits(cmd.Context(), w, p, l.d, opts.Cache)()
	}
	_, err = p.Run()
	return err
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// newPresentCmd is `dossier present`: the presenter's screen of `dossier
// serve` (stops, notes) in the local terminal, without a server.
func newPresentCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "present [PATH]",
		Short: "Present a briefing in this terminal: stops and presenter notes, no server",
		Long: "present opens the reader as a presenter of one briefing of the dossier (the embedded one " +
			"with no PATH): → and ← go from stop to stop, each stop showing its view, topic, " +
			"day and accounts, and a panel under the reader shows the stop, the next stop's title and " +
			"the presenter notes (P hides it). Everything else works as in the reader. To present to " +
			"others over SSH, use dossier serve.",
		Example: "  dossier present\n  dossier present ./my-dossier --briefing five-minute\n  dossier present ./my-dossier --watch   # each save shows at once",
		Args:    cobra.MaximumNArgs(1),
		RunE:    runPresent,
	}
	cmd.Flags().StringP("briefing", "b", "", "id of the briefing to present (default: the first)")
	cmd.Flags().String("style", "auto", "colours: auto (ask the terminal), dark, light or notty")
	addSettingFlags(cmd.Flags())
	addNotesFlag(cmd)
	addWatchFlag(cmd)
	_ = cmd.RegisterFlagCompletionFunc("briefing", completeBriefings)
	cmd.ValidArgsFunction = completeDirs
	return cmd
}

func runPresent(cmd *cobra.Command, args []string) error {
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
	l, err := load(args)
	if err != nil {
		return err
	}
	if l.d == nil {
		return problemsErr(cmd, l)
	}
	id, _ := cmd.Flags().GetString("briefing")
	b, err := briefingOf(l.d, id)
	if err != nil {
		return err
	}
	out, ok := cmd.OutOrStdout().(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		return errors.New("dossier present needs a terminal; dossier export --notes writes a briefing with its notes to a file")
	}
	set, err := settingsFor(cmd)
	if err != nil {
		return err
	}
	opts := set.options(ui.Options{Dossier: l.d, Cache: render.NewCache(), Role: ui.RolePresenter, Briefing: b.ID})
	opts.NoColor = os.Getenv("NO_COLOR") != "" && opts.Style == render.StyleAuto
	if opts.Notes, err = notesPlace(cmd); err != nil {
		return err
	}
	p := tea.NewProgram(ui.New(opts), tea.WithContext(cmd.Context()), tea.WithOutput(out), tea.WithFPS(readerFPS))
	if w != nil {
		defer followEdits(cmd.Context(), w, p)()
	}
	_, err = p.Run()
	return err
}

// briefingOf returns the briefing with the given id, or the first one when
// id is ""; an error says which briefings there are.
func briefingOf(d *dossier.Dossier, id string) (*dossier.Briefing, error) {
	if len(d.Briefings) == 0 {
		return nil, errors.New("the dossier has no briefing to present; add one under briefings/ (see 'dossier help format')")
	}
	var ids []string
	for i := range d.Briefings {
		b := &d.Briefings[i]
		if id == "" || b.ID == id {
			if len(b.Stops) == 0 {
				return nil, fmt.Errorf("briefing %q has no stops to present", sanitize.Text(b.ID))
			}
			return b, nil
		}
		ids = append(ids, b.ID)
	}
	return nil, fmt.Errorf("no briefing %q; the briefings are %s", sanitize.Text(id), strings.Join(ids, ", "))
}

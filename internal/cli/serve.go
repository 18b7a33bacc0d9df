package cli

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/server"
	"github.com/dossier-dev/dossier/ui"
)

// newServeCmd is `dossier serve`: the reader over SSH. Every session gets its
// own reader; they share the loaded dossier and one render cache.
func newServeCmd() *cobra.Command {
	cache := render.NewCache()
	return server.Command(loadOne, func(s server.Session) tea.Model {
		return ui.New(ui.Options{
			Dossier:  s.Dossier,
			Cache:    cache,
			Width:    s.Width,
			Height:   s.Height,
			Role:     s.Role,
			Presence: s.Presence,
			Briefing: s.Briefing,
			Notes:    s.Notes,
		})
	})
}

// loadOne loads the dossier at path ("" for the embedded one) and refuses
// one with errors, listing them.
func loadOne(path string) (*dossier.Dossier, error) {
	var args []string
	if path != "" {
		args = []string{path}
	}
	l, err := load(args)
	if err != nil {
		return nil, err
	}
	if l.d == nil {
		var lines []string
		for _, p := range l.probs.Errors() {
			lines = append(lines, l.problemLine(p))
		}
		return nil, errors.New(strings.Join(lines, "\n") + "\n" +
			fmt.Sprintf("the dossier has %s; dossier check lists every problem", plural(len(lines), "error")))
	}
	return l.d, nil
}

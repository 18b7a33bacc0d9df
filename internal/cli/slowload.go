package cli

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/ui"
)

// slowLoad is how long a folder may take to load before the reader starts
// anyway and shows that it is loading: a dossier near the size limits
// takes seconds, and a terminal that shows nothing and ignores q looks
// hung.
const slowLoad = 200 * time.Millisecond

// loadFolder loads the folder of args for the reader. A load that ends
// within slowLoad returns its dossier, or its error, as load does, and the
// terminal is not touched; a slower one returns a model that shows the
// load's progress, lets q and ctrl+c quit, and becomes the reader when the
// load is done (startup.go).
func loadFolder(cmd *cobra.Command, args []string, opts ui.Options) (tea.Model, *startup, error) {
	type result struct {
		l   *loaded
		err error
	}
	ch := make(chan result, 1)
	go func() { l, err := load(args); ch <- result{l, err} }()
	t := time.NewTimer(slowLoad)
	defer t.Stop()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, nil, r.err
		}
		if r.l.d == nil {
			return nil, nil, problemsErr(cmd, r.l)
		}
		opts.Dossier = r.l.d
		return ui.New(opts), nil, nil
	case <-t.C:
	}
	st := newStartup(opts, func() *loaded {
		r := <-ch
		if r.err != nil {
			return &loaded{prefix: args[0], probs: dossier.Problems{{Severity: dossier.SeverityError, Msg: r.err.Error()}}}
		}
		return r.l
	})
	st.name, st.since = sanitize.Line(args[0]), time.Now().Add(-slowLoad)
	st.elapsed = slowLoad
	return st, st, nil
}

// progressMsg is a tick of a slow load's progress.
type progressMsg struct{ at time.Time }

// progressTick ticks ten times a second.
func progressTick() tea.Cmd {
	return tea.Tick(100*time.Millisecond, func(at time.Time) tea.Msg { return progressMsg{at} })
}

// progressView says what is loading, for how long, and how to stop it, in
// the middle of the screen.
func (s *startup) progressView() tea.View {
	lines := []string{
		fmt.Sprintf("loading %s … %.1f s", s.name, s.elapsed.Seconds()),
		"q or ctrl+c stops",
	}
	w, h := max(s.width, 1), max(s.height, 1)
	var b strings.Builder
	top := max(0, (h-len(lines))/2)
	for y := range h {
		line := ""
		if i := y - top; i >= 0 && i < len(lines) {
			line = ansi.Truncate(lines[i], w, "…")
			line = strings.Repeat(" ", max(0, (w-ansi.StringWidth(line))/2)) + line
		}
		b.WriteString(line)
		if y < h-1 {
			b.WriteByte('\n')
		}
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

package cli

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/ui"
)

// startup is the program's model while the embedded dossier loads.
//
// Bubble Tea draws its first frame on its renderer's first tick, one frame
// period (8 ms at 120 FPS) after Run starts, and loading the embedded
// dossier takes about as long again. Starting the program first and loading
// meanwhile puts the reader's first frame on that first tick instead of
// one load later. A folder named on the command line is loaded before the
// program starts instead, so that its problems are printed on a terminal
// the program never touched.
//
// Until the dossier is in, startup draws an empty alternate screen and
// keeps every message; then it builds the reader, hands it the kept
// messages in order and steps aside: the reader becomes the program's model.
type startup struct {
	opts   ui.Options
	loaded <-chan *loaded // receives exactly one result
	kept   []tea.Msg
	// failed is the load that had errors; the program quits and the
	// caller prints them.
	failed *loaded

	// A slow load (slowload.go) shows what it is loading and for how
	// long, and q stops it as ctrl+c does; the zero values are the
	// embedded dossier's quick load, which shows nothing.
	name    string    // what is loading, sanitised
	since   time.Time // when the load began; zero: not shown
	elapsed time.Duration
	width   int
	height  int
}

// loadedMsg carries the load's result into the program.
type loadedMsg struct{ l *loaded }

func newStartup(opts ui.Options, load func() *loaded) *startup {
	ch := make(chan *loaded, 1)
	go func() { ch <- load() }()
	return &startup{opts: opts, loaded: ch}
}

// Init waits for the load (and, for a slow load, ticks its progress).
func (s *startup) Init() tea.Cmd {
	wait := func() tea.Msg { return loadedMsg{<-s.loaded} }
	if s.since.IsZero() {
		return wait
	}
	return tea.Batch(wait, progressTick())
}

// Update keeps messages until the dossier is loaded, then hands over to
// the reader. ctrl+c quits at once.
func (s *startup) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.l.d == nil {
			s.failed = msg.l
			return s, tea.Quit
		}
		opts := s.opts
		opts.Dossier = msg.l.d
		r := ui.New(opts)
		cmds := []tea.Cmd{r.Init()}
		for _, k := range s.kept {
			_, cmd := r.Update(k)
			cmds = append(cmds, cmd)
		}
		s.kept = nil
		return r, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" || !s.since.IsZero() && msg.String() == "q" {
			return s, tea.Quit
		}
	case tea.WindowSizeMsg:
		s.width, s.height = msg.Width, msg.Height
	case progressMsg:
		s.elapsed = msg.at.Sub(s.since)
		return s, progressTick()
	}
	s.kept = append(s.kept, msg)
	return s, nil
}

// View is an empty alternate screen, as the reader's will be, so that the
// terminal does not switch modes when the reader takes over.
func (s *startup) View() tea.View {
	if !s.since.IsZero() {
		return s.progressView()
	}
	v := tea.NewView("")
	v.AltScreen = true
	return v
}

// Command barelinked is bench/bare with every package of dossier linked in
// and doing nothing: it separates what a start costs because of the
// packages dossier links (their initialisation, the code and data pages
// the loader maps) from what dossier itself does before its first frame.
// Measure it beside the others:
//
//	go build -o /tmp/barelinked ./bench/barelinked
//	go run ./bench/termtime -keys '' -ready 'Pakistani sources say,bare bubbletea' -- /tmp/dossier -- /tmp/barelinked -fps 120 -- /tmp/bare -fps 120
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	_ "github.com/dossier-dev/dossier/internal/cli" // every package the dossier binary links
)

type model struct{ n int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
		m.n++
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("bare bubbletea: %d keys", m.n))
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 60, "renderer frames per second")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Package bare is the framework's floor for the terminal benchmarks: a
// Bubble Tea v2 program that shows one line of text and changes it on
// every key. bench/bare runs it alone; bench/barelinked runs it with every
// package of dossier linked in.
package bare

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
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

// Main parses -fps and runs the program; it exits the process on error.
func Main() {
	fps := flag.Int("fps", 60, "renderer frames per second")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

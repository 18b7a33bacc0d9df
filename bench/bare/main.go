// Command bare is the framework's floor for the terminal-level benchmark: a
// Bubble Tea v2 program that shows one line of text and changes it on every
// key. bench/termtime measures it beside dossier in the same run, so the cost
// of Bubble Tea itself is known.
package main

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

func main() {
	fps := flag.Int("fps", 60, "renderer frames per second")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

package ui

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// TestOptionsKeysMousePair checks the options a config file feeds: custom
// key bindings reach the model and its quit key quits, NoMouse leaves
// mouse reporting off, and Pair opens on the given accounts only when the
// dossier has both.
func TestOptionsKeysMousePair(t *testing.T) {
	dossiers(t)
	km := DefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+q"), key.WithHelp("ctrl+q", "quit"))
	m := New(Options{Dossier: example, Keys: &km, NoMouse: true, Pair: [2]string{"med", "ind"}})
	if got := m.c.Keys.Quit.Keys(); len(got) != 1 || got[0] != "ctrl+q" {
		t.Errorf("quit keys %v", got)
	}
	if mm := m.View().MouseMode; mm != tea.MouseModeNone {
		t.Errorf("NoMouse: mouse mode %v", mm)
	}
	if m.c.Pair != [2]string{"med", "ind"} {
		t.Errorf("pair %v", m.c.Pair)
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd != nil && isQuit(cmd) {
		t.Error("q still quits after quit was rebound")
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Mod: tea.ModCtrl}); cmd == nil || !isQuit(cmd) {
		t.Error("ctrl+q does not quit")
	}

	m = New(Options{Dossier: example, Pair: [2]string{"med", "nobody"}})
	if m.c.Pair != example.DefaultPair {
		t.Errorf("unknown account: pair %v, want the default %v", m.c.Pair, example.DefaultPair)
	}
	if mm := m.View().MouseMode; mm != tea.MouseModeCellMotion {
		t.Errorf("default mouse mode %v", mm)
	}
}

// isQuit runs cmd (and a batch's commands) looking for tea.QuitMsg.
func isQuit(cmd tea.Cmd) bool {
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil && isQuit(c) {
				return true
			}
		}
	}
	return false
}

package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// overlay is a box drawn over the body that takes the keyboard while it is
// open: the pickers, the provenance, the help. Update returns nil to close.
type overlay interface {
	help.KeyMap
	Update(msg tea.KeyPressMsg) (overlay, tea.Cmd)
	// Box returns the framed lines of the overlay, all of one width, at
	// most maxW cells wide and maxH lines tall.
	Box(maxW, maxH int) []string
}

// listKeys are the keys of lists inside overlays.
type listKeys struct {
	Up, Down, PageUp, PageDown, Choose, Close key.Binding
}

// newListKeys returns the list keys; typing keys (letters) are left free
// when a list has a filter.
func newListKeys(letters bool) listKeys {
	up, down := []string{"up", "ctrl+p"}, []string{"down", "ctrl+n"}
	if letters {
		up, down = append(up, "k"), append(down, "j")
	}
	return listKeys{
		Up:       key.NewBinding(key.WithKeys(up...), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys(down...), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// move returns the list index after a list key, and whether the key was
// one.
func (k listKeys) move(msg tea.KeyPressMsg, sel, n, page int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		sel--
	case key.Matches(msg, k.Down):
		sel++
	case key.Matches(msg, k.PageUp):
		sel -= max(1, page)
	case key.Matches(msg, k.PageDown):
		sel += max(1, page)
	default:
		return sel, false
	}
	return clamp(sel, 0, n-1), true
}

// window returns the first index of a list window of height h that keeps
// sel visible, roughly centred.
func window(sel, n, h int) int {
	if n <= h {
		return 0
	}
	return clamp(sel-h/2, 0, n-h)
}

package ui

import "charm.land/bubbles/v2/key"

// GoKeys are the bindings for finding one's way: the legend, going back
// and forward through the places the reader was, and the dossier's default
// accounts. They are embedded in KeyMap.
type GoKeys struct {
	Legend          key.Binding // what badges, grades and marks mean
	HistoryBack     key.Binding // the place before the last jump
	HistoryForward  key.Binding // undo a HistoryBack
	DefaultAccounts key.Binding // back to the dossier's default pair
	// NotesDown and NotesUp scroll the presenter notes (in the panel, or
	// in the box P opens when the terminal is too short for the panel).
	NotesDown, NotesUp key.Binding
}

// DefaultGoKeys returns the default bindings of GoKeys. The presenter's
// note keys start disabled; New enables them for a presenter with stops.
func DefaultGoKeys() GoKeys {
	return GoKeys{
		Legend:          key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "legend")),
		HistoryBack:     key.NewBinding(key.WithKeys("backspace", "ctrl+o"), key.WithHelp("⌫/ctrl+o", "back (history)")),
		HistoryForward:  key.NewBinding(key.WithKeys("ctrl+]"), key.WithHelp("ctrl+]", "forward (history)")),
		DefaultAccounts: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "default accounts")),
		NotesDown:       key.NewBinding(key.WithKeys("J"), key.WithHelp("J/K", "scroll notes"), key.WithDisabled()),
		NotesUp:         key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "notes up"), key.WithDisabled()),
	}
}

// named returns the bindings by the action names a config file uses.
func (k *GoKeys) named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"legend": &k.Legend, "history-back": &k.HistoryBack, "history-forward": &k.HistoryForward,
		"default-accounts": &k.DefaultAccounts, "notes-down": &k.NotesDown, "notes-up": &k.NotesUp,
	}
}

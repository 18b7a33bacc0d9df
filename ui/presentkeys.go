package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// PresentKeys are the bindings a presenter has on top of the reader's: the
// briefing's stops, asking for and handing over control, and the presenter
// panel. They are embedded in KeyMap and disabled unless the session is a
// presenter's, so that nobody else sees them in the footer or the `?`
// overlay, and the keys they take keep their usual meaning for everyone
// else (→ and ← step days in the days view).
type PresentKeys struct {
	NextStop, PrevStop key.Binding // the briefing's next and previous stop
	AskControl         key.Binding // ask the driving presenter for control
	HandOff            key.Binding // give control to the presenter who asked
	Panel              key.Binding // hide or show the presenter panel (notes)
}

// DefaultPresentKeys returns the default bindings of PresentKeys, all
// disabled; New enables them for a presenter.
func DefaultPresentKeys() PresentKeys {
	return PresentKeys{
		NextStop:   key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next stop"), key.WithDisabled()),
		PrevStop:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "previous stop"), key.WithDisabled()),
		AskControl: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "ask for control"), key.WithDisabled()),
		HandOff:    key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "hand over control"), key.WithDisabled()),
		Panel:      key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "hide/show notes"), key.WithDisabled()),
	}
}

// named returns the bindings by the action names a config file uses.
func (k *PresentKeys) named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"next-stop": &k.NextStop, "prev-stop": &k.PrevStop,
		"ask-control": &k.AskControl, "hand-off": &k.HandOff, "presenter-panel": &k.Panel,
	}
}

// group is the `?` overlay's column of presenter keys (only the enabled
// ones are drawn).
func (k *PresentKeys) group() []key.Binding {
	return []key.Binding{k.NextStop, k.PrevStop, k.AskControl, k.HandOff, k.Panel}
}

// forPresenter enables the presenter's keys (the stop keys only when there
// are stops, the control keys only with a hub) and takes their keys away
// from every other binding, so that → means "next stop" everywhere for a
// presenter and the days view's footer then says "l next day".
func (k *KeyMap) forPresenter(stops, hub bool) {
	k.NextStop.SetEnabled(stops)
	k.PrevStop.SetEnabled(stops)
	k.AskControl.SetEnabled(hub)
	k.HandOff.SetEnabled(hub)
	k.Panel.SetEnabled(stops)
	k.NotesDown.SetEnabled(stops) // uxkeys.go
	k.NotesUp.SetEnabled(stops)
	mine := map[*key.Binding]bool{}
	var taken []string
	for _, b := range k.PresentKeys.named() {
		mine[b] = true
		if b.Enabled() {
			taken = append(taken, b.Keys()...)
		}
	}
	for _, b := range k.Named() {
		if mine[b] {
			continue
		}
		keep := slices.DeleteFunc(slices.Clone(b.Keys()), func(s string) bool { return slices.Contains(taken, s) })
		if len(keep) == len(b.Keys()) {
			continue
		}
		if len(keep) == 0 {
			b.SetEnabled(false)
		}
		b.SetKeys(keep...)
		b.SetHelp(keyLabel(keep), b.Help().Desc)
	}
}

// keyLabel is how the help shows a list of keys: "l", "↑/k".
func keyLabel(keys []string) string {
	out := make([]string, len(keys))
	for i, s := range keys {
		switch s {
		case "right":
			s = "→"
		case "left":
			s = "←"
		case "up":
			s = "↑"
		case "down":
			s = "↓"
		}
		out[i] = s
	}
	return strings.Join(out, "/")
}

package ui

import (
	"maps"

	"charm.land/bubbles/v2/key"
)

// Named returns the bindings of k by the action names a config file uses
// ("next-topic"), pointing into k so that a caller can rebind them. Views
// is left out: its keys are the digits 0–6, and the digit says which view.
func (k *KeyMap) Named() map[string]*key.Binding {
	named := map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "page-down": &k.PageDown, "page-up": &k.PageUp,
		"top": &k.Top, "bottom": &k.Bottom,
		"next-claim": &k.NextClaim, "prev-claim": &k.PrevClaim,
		"next-topic": &k.NextTopic, "prev-topic": &k.PrevTopic,
		"topics": &k.Topics, "accounts": &k.Accounts, "swap": &k.Swap, "sync": &k.Sync,
		"focus": &k.Focus, "provenance": &k.Provenance, "search": &k.Search,
		"follow": &k.Follow, "help": &k.Help, "back": &k.Back, "quit": &k.Quit,
	}
	maps.Copy(named, k.ViewKeys.named())    // viewkeys.go
	maps.Copy(named, k.PresentKeys.named()) // presentkeys.go
	maps.Copy(named, k.GoKeys.named())      // uxkeys.go
	maps.Copy(named, k.NotesKeys.named())   // noteskeys.go
	return named
}

// KeyScopes names, for each view (and for a presentation), the actions
// that only it handles, by config name; every other action is global. A
// config file may give one key to two actions that share no scope (sync
// and status-filter both s): config.ApplyKeysIn checks conflicts so.
func KeyScopes() map[string][]string {
	return map[string][]string{
		"the compare view":       {"sync", "focus", "provenance"},
		"the days view":          {"next-day", "prev-day", "open", "focus"},
		"the delegations view":   {"open"},
		"the demands view":       {"open", "party-filter", "status-filter"},
		"the sources view":       {"open"},
		"the discrepancies view": {"open"},
		"a presentation":         {"next-stop", "prev-stop", "ask-control", "hand-off", "presenter-panel"},
	}
}

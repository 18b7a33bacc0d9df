package ui

import "charm.land/bubbles/v2/key"

// ViewKeys are the bindings of the days, delegations, demands, sources and
// discrepancies views, of the as-of toggle and of the search. They are
// embedded in KeyMap, so every key of the reader is one key.Binding there
// and the footer and the `?` overlay are drawn from it.
type ViewKeys struct {
	NextDay, PrevDay key.Binding // days view: step through the days
	Open             key.Binding // open what is under the cursor
	AsOf             key.Binding // hide what was reported after the selected day
	NextMatch        key.Binding // the next search match in this view
	PrevMatch        key.Binding
	ClearFilter      key.Binding // show every source again; enabled while a source filter is on
	Discrepancies    key.Binding // the discrepancies view
	PartyFilter      key.Binding // demands view: cycle the party shown
	StatusFilter     key.Binding // demands view: cycle the status shown
}

// named returns the bindings by the action names a config file uses.
func (k *ViewKeys) named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"next-day": &k.NextDay, "prev-day": &k.PrevDay, "open": &k.Open, "as-of": &k.AsOf,
		"next-match": &k.NextMatch, "prev-match": &k.PrevMatch, "clear-filter": &k.ClearFilter,
		"discrepancies": &k.Discrepancies, "party-filter": &k.PartyFilter, "status-filter": &k.StatusFilter,
	}
}

// relabel returns a copy of a binding with another description, for a
// footer where the same key does something more particular.
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// DefaultViewKeys returns the default bindings of ViewKeys.
func DefaultViewKeys() ViewKeys {
	return ViewKeys{
		NextDay:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next day")),
		PrevDay:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous day")),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		AsOf:          key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "as of the day")),
		NextMatch:     key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n/p", "next/prev match")),
		PrevMatch:     key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "previous match")),
		ClearFilter:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clear source filter"), key.WithDisabled()),
		Discrepancies: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discrepancies")),
		PartyFilter:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "party")),
		StatusFilter:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status")),
	}
}

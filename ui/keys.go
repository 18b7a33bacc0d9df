package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the reader. The footer and the `?`
// overlay are drawn from these same bindings (through ShortHelp and
// FullHelp), so what the help says and what the keys do cannot drift.
type KeyMap struct {
	Up, Down         key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding

	NextClaim, PrevClaim key.Binding
	NextTopic, PrevTopic key.Binding
	Topics               key.Binding // topic picker
	Accounts             key.Binding // account picker
	Swap                 key.Binding
	Sync                 key.Binding
	Focus                key.Binding
	Provenance           key.Binding

	Views  key.Binding // 0–6; the digit says which (ViewID)
	Search key.Binding
	Follow key.Binding // re-attach to the presenter; enabled only in a presentation
	Help   key.Binding
	Back   key.Binding
	Quit   key.Binding

	ViewKeys    // the other views, as of, search: viewkeys.go
	PresentKeys // stops and control, for presenters: presentkeys.go
	GoKeys      // legend, history, default accounts, notes scrolling: uxkeys.go
	NotesKeys   // bookmarks, notes, copy, what is new: noteskeys.go
}

// DefaultKeyMap returns the default bindings, as documented in the README.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		NextClaim:  key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next claim")),
		PrevClaim:  key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous claim")),
		NextTopic:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next topic")),
		PrevTopic:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous topic")),
		Topics:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "topics")),
		Accounts:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accounts")),
		Swap:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "swap sides")),
		Sync:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sync scroll")),
		Focus:      key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "focus")),
		Provenance: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "provenance")),

		Views:  key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6"), key.WithHelp("0–6", "views")),
		Search: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Follow: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow presenter"), key.WithDisabled()),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		ViewKeys:    DefaultViewKeys(),
		PresentKeys: DefaultPresentKeys(),
		GoKeys:      DefaultGoKeys(),
		NotesKeys:   DefaultNotesKeys(),
	}
}

// ShortHelp returns the bindings of the footer for the compare view.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.NextTopic, k.Topics, k.Accounts, k.Sync, k.Provenance, k.Follow, k.Help, k.Quit}
}

// FullHelp returns every binding, grouped in columns, for the `?` overlay.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom, k.NextClaim, k.PrevClaim},
		{k.NextTopic, k.PrevTopic, k.Topics, k.Accounts, k.Swap},
		{k.Sync, k.Focus, k.Provenance, k.Views, k.Search},
		k.globalGroup(),
	}
}

// globalGroup is the column of keys every view shares.
func (k KeyMap) globalGroup() []key.Binding {
	return []key.Binding{k.AsOf, k.ClearFilter, k.NextMatch, k.Discrepancies, k.Legend, k.HistoryBack, k.HistoryForward,
		k.DefaultAccounts, k.Follow, k.Help, k.Back, k.Quit}
}

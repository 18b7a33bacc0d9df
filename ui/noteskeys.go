package ui

import "charm.land/bubbles/v2/key"

// NotesKeys are the bindings of the analyst's own layer (notes.go): the
// bookmark, the note, the list of both, the copy with citation and the
// filter on what is new. Embedded in KeyMap like ViewKeys.
type NotesKeys struct {
	Bookmark  key.Binding // bookmark the marked claim (or day, demand, discrepancy)
	Note      key.Binding // write a note on the marked thing
	Bookmarks key.Binding // the list of bookmarks and notes
	Copy      key.Binding // copy the marked claim with its citation (OSC 52)
	OnlyNew   key.Binding // show only the claims new since the last reading
}

// named returns the bindings by the action names a config file uses.
func (k *NotesKeys) named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"bookmark": &k.Bookmark, "note": &k.Note, "bookmarks": &k.Bookmarks,
		"copy": &k.Copy, "only-new": &k.OnlyNew,
	}
}

// DefaultNotesKeys returns the default bindings of NotesKeys.
func DefaultNotesKeys() NotesKeys {
	return NotesKeys{
		Bookmark:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "bookmark")),
		Note:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Bookmarks: key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "bookmarks & notes")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy with citation")),
		OnlyNew:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "only what is new")),
	}
}

// notesGroup is the column of the notes keys in the `?` overlay.
func (k KeyMap) notesGroup() []key.Binding {
	return []key.Binding{k.Bookmark, k.Note, k.Bookmarks, k.Copy, k.OnlyNew}
}

// Package notes is the analyst's own layer over a dossier: bookmarks, notes
// and the record of what was seen. It keeps them in a plain Markdown file
// the user owns (format.go documents it), anchored on claim ids plus a
// fingerprint of the claim's text so that a note survives an edit of its
// claim and is kept, listed as orphaned, when its claim is gone.
//
// The package is pure domain: it imports the dossier model and nothing of
// terminals. Reading and writing files is in store.go; everything else
// works on values.
package notes

import (
	"slices"
	"time"
)

// Kind is what an anchor points at.
type Kind string

// The kinds of things a note or bookmark can be attached to.
const (
	KindClaim       Kind = "claim"
	KindDay         Kind = "day"
	KindDemand      Kind = "demand"
	KindDiscrepancy Kind = "discrepancy"
)

// Kinds lists the kinds in the order the file format documents them.
var Kinds = []Kind{KindClaim, KindDay, KindDemand, KindDiscrepancy}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Anchor names the thing an entry belongs to. For a claim, FP is the
// fingerprint of its text when the entry was made (Fingerprint); for other
// kinds it is empty and the id alone anchors.
type Anchor struct {
	Kind Kind
	ID   string
	FP   string
}

// IsZero reports whether a names nothing.
func (a Anchor) IsZero() bool { return a.ID == "" }

// Entry is what the user keeps about one thing: a bookmark, a note, or
// both.
type Entry struct {
	Anchor
	// Quote is the text of the thing when the entry was made (one line),
	// kept so that an orphaned note still says what it was about.
	Quote string
	// Bookmark is set when the thing is bookmarked.
	Bookmark bool
	// Added is the day the entry was made; zero when unknown.
	Added time.Time
	// Text is the note, Markdown, as the user wrote it; "" for a bare
	// bookmark.
	Text string
	// Line is the line of the entry's heading in the file it was read
	// from; 0 for an entry made in this session.
	Line int
}

// Book is the content of one notes file: its free preamble (kept verbatim)
// and its entries in file order. The zero Book is empty and ready to use.
type Book struct {
	// Preamble is everything before the first entry, kept verbatim.
	Preamble string
	Entries  []Entry
}

// Find returns the entry of a thing (matched by kind and id), or nil.
func (b *Book) Find(k Kind, id string) *Entry {
	for i := range b.Entries {
		if b.Entries[i].Kind == k && b.Entries[i].ID == id {
			return &b.Entries[i]
		}
	}
	return nil
}

// entry returns the entry of a, adding an empty one when there is none.
func (b *Book) entry(a Anchor, quote string, now time.Time) *Entry {
	if e := b.Find(a.Kind, a.ID); e != nil {
		return e
	}
	b.Entries = append(b.Entries, Entry{Anchor: a, Quote: quote, Added: day(now)})
	return &b.Entries[len(b.Entries)-1]
}

// ToggleBookmark bookmarks the thing of a, or removes its bookmark; it
// reports whether the thing is bookmarked afterwards. An entry left with
// neither bookmark nor note is removed (nothing the user wrote is lost).
func (b *Book) ToggleBookmark(a Anchor, quote string, now time.Time) bool {
	e := b.entry(a, quote, now)
	e.Bookmark = !e.Bookmark
	on := e.Bookmark
	b.prune()
	return on
}

// SetNote replaces the note of the thing of a ("" removes the note, and
// the entry when it holds no bookmark either).
func (b *Book) SetNote(a Anchor, quote, text string, now time.Time) {
	e := b.entry(a, quote, now)
	e.Text = text
	if a.FP != "" && text != "" {
		// writing a note on a claim re-anchors it on the text the user
		// has just read
		e.FP, e.Quote = a.FP, quote
	}
	b.prune()
}

// prune removes entries that hold neither bookmark nor note.
func (b *Book) prune() {
	b.Entries = slices.DeleteFunc(b.Entries, func(e Entry) bool { return !e.Bookmark && e.Text == "" })
}

// day returns the calendar day of t in UTC.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

package ui

import (
	"maps"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// notebook is the analyst's own layer of one session: the bookmarks and
// notes (package notes) and what is new since the last reading. It lives in
// Common so that views can draw the marks; every method is safe on a nil
// notebook (notes not asked for: tests, --open over SSH, --no-notes), which
// then shows nothing and stores nothing.
type notebook struct {
	store *notes.Store
	book  *notes.Book
	// off says why notes are off although they were asked for (the file
	// did not parse): the status line shows it, and nothing is ever saved
	// over that file.
	off string
	gen uint64 // generation of the book, for ordered saves
	now func() time.Time
	// placed maps "kind:id" of the things of the dossier shown to their
	// entry, and its state; recomputed when the book or the dossier
	// changes.
	placed  map[string]notes.Placed
	placeOf *dossier.Dossier
	// fresh holds the ids of the claims new or changed since the last
	// reading (or since the version shown before a --watch reload); since
	// is when that reading was. firstTime is set when there was none.
	fresh     map[string]bool
	since     time.Time
	firstTime bool
	// onlyNew is the `u` filter; onlyOf and only cache the dossier it
	// derives from the selection.
	onlyNew bool
	onlyOf  *dossier.Dossier
	only    *dossier.Dossier
	// ver counts the changes of the book and of what is new; the days
	// view's marks (dayTags, for the document dayFor) are worked out again
	// when it moves.
	ver     uint64
	dayFor  *dayDoc
	dayVer  uint64
	dayTags map[int][2]string
}

// newNotebook opens the notes of a session: nil when the session has none.
// A file that does not parse leaves the notes off, with the reason.
func newNotebook(opts Options, d *dossier.Dossier) *notebook {
	if opts.Notes == nil {
		return nil
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	n := &notebook{store: opts.Notes.Store(d.ID), now: now}
	b, err := n.store.Load()
	if err != nil {
		n.off = "notes off: " + render.Clean(err.Error())
		b = &notes.Book{}
	}
	n.book = b
	if seen, ok := n.store.LoadSeen(); ok {
		n.fresh, n.since = seen.Fresh(d), seen.When
	} else {
		n.fresh, n.since, n.firstTime = map[string]bool{}, now(), true
	}
	return n
}

// active reports whether bookmarks and notes can be made.
func (n *notebook) active() bool { return n != nil && n.off == "" }

// recordSeen is the Cmd that remembers every claim of d as seen now, so
// that the next opening tags what changed after. Nothing is stored when
// the notes are off or not asked for.
func (n *notebook) recordSeen(d *dossier.Dossier) tea.Cmd {
	if n == nil || n.store == nil {
		return nil
	}
	seen := notes.SeenOf(d, n.now())
	st := n.store
	return func() tea.Msg {
		if old, ok := st.LoadSeen(); ok {
			seen = old.Merge(seen)
		}
		if err := st.SaveSeen(seen); err != nil {
			return noteSavedMsg{err: err}
		}
		return nil
	}
}

// reloaded counts a --watch reload as a change: the claims of d whose text
// the previous version did not have become new too.
func (n *notebook) reloaded(prev, d *dossier.Dossier) {
	if n == nil {
		return
	}
	before := notes.SeenOf(prev, n.since)
	fresh := before.Fresh(d)
	for id := range n.fresh {
		if _, ok := notes.FindClaim(d, id); ok {
			fresh[id] = true
		}
	}
	n.fresh = fresh
	n.placeOf, n.onlyOf = nil, nil
	n.ver++
}

// place returns the entry of a thing of d, placed.
func (n *notebook) place(d *dossier.Dossier, k notes.Kind, id string) (notes.Placed, bool) {
	if n == nil || len(n.book.Entries) == 0 {
		return notes.Placed{}, false
	}
	if n.placeOf != d || n.placed == nil {
		n.placed = map[string]notes.Placed{}
		for _, p := range notes.Locate(n.book, d) {
			if p.State != notes.Orphaned {
				n.placed[string(p.Entry.Kind)+":"+p.ID] = p
			}
		}
		n.placeOf = d
	}
	p, ok := n.placed[string(k)+":"+id]
	return p, ok
}

// changed forgets the placing after the book changed and returns the Cmd
// that saves it; done is what the status line says once it is saved.
func (n *notebook) changed(title, done string) tea.Cmd {
	n.placeOf = nil
	n.ver++
	if n.book.Preamble == "" && len(n.book.Entries) > 0 {
		n.book.Preamble = notes.Header(title)
	}
	n.gen++
	ours, gen, st := n.book.Clone(), n.gen, n.store
	return func() tea.Msg {
		merged, err := st.Save(ours, gen)
		return noteSavedMsg{err: err, done: done, book: merged, gen: gen}
	}
}

// noteSavedMsg reports a save of the notes or of the seen record: the
// error, else what to say, and the book as written (merged with what the
// file held) for generation gen.
type noteSavedMsg struct {
	err  error
	done string
	book *notes.Book
	gen  uint64
}

// tags returns the marks of a thing for the views: "★" bookmarked, "✎"
// noted, "changed" when a noted claim's text changed since, "new" when
// the claim is new since the last reading; styled, "" when none.
func (c *Common) tags(k notes.Kind, id string) string {
	n := c.Notes
	if n == nil {
		return ""
	}
	var parts []string
	if p, ok := n.place(c.Base, k, id); ok {
		if p.Entry.Bookmark {
			parts = append(parts, c.Styles.Cursor.Render("★"))
		}
		if p.Entry.Text != "" {
			parts = append(parts, c.Styles.Cursor.Render("✎"))
		}
		if p.State == notes.Changed {
			parts = append(parts, c.Styles.StatusAlert.Render("changed"))
		}
	}
	if k == notes.KindClaim && n.fresh[id] {
		parts = append(parts, c.Styles.StatusAlert.Render("new"))
	}
	return strings.Join(parts, " ")
}

// newNote is the header's "12 new since 3 Nov" ("new only (12 since 3
// Nov)" under `u`), "" when nothing is new.
func (n *notebook) newNote() string {
	if n == nil || len(n.fresh) == 0 {
		return ""
	}
	when := n.since.Format("2 Jan")
	if n.firstTime || day(n.since).Equal(day(n.now().In(n.since.Location()))) {
		when = n.since.Format("15:04") // earlier today
	}
	s := strconv.Itoa(len(n.fresh)) + " new since " + when
	if n.onlyNew {
		s = "new only (" + strconv.Itoa(len(n.fresh)) + " since " + when + ")"
	}
	return s
}

// onlyNewOf returns d with only the new claims when the `u` filter is on,
// else d.
func (n *notebook) onlyNewOf(d *dossier.Dossier) *dossier.Dossier {
	if n == nil || !n.onlyNew || d == nil {
		return d
	}
	if n.onlyOf == d {
		return n.only
	}
	out := *d
	out.Topics = make([]dossier.Topic, len(d.Topics))
	for i, t := range d.Topics {
		t.Sections = make([]dossier.Section, len(t.Sections))
		for j, sec := range d.Topics[i].Sections {
			var keep []dossier.Claim
			for _, cl := range sec.Claims {
				if n.fresh[cl.ID] {
					keep = append(keep, cl)
				}
			}
			sec.Claims = keep
			t.Sections[j] = sec
		}
		out.Topics[i] = t
	}
	n.onlyOf, n.only = d, &out
	return &out
}

// freshIDs returns a copy of the ids of the new claims (for tests and the
// list).
func (n *notebook) freshIDs() map[string]bool {
	if n == nil {
		return nil
	}
	return maps.Clone(n.fresh)
}

// statusNote is the status line's standing notice: why the notes are off.
func (n *notebook) statusNote() string {
	if n == nil || n.off == "" {
		return ""
	}
	return n.off + " · reading goes on; fix the file to bring them back (nothing is saved over it)"
}

// provenanceLines adds the note of a claim, in full, to its provenance.
func (c *Common) provenanceLines(claimID string) []string {
	p, ok := c.Notes.place(c.Base, notes.KindClaim, claimID)
	if !ok {
		return nil
	}
	st := c.Styles
	out := []string{"", st.OverlayTitle.Render("Your note") + st.Faint.Render(" · n edits it")}
	if p.Entry.Bookmark {
		out[1] = st.OverlayTitle.Render("★ Bookmarked") + st.Faint.Render(" · m removes it")
		if p.Entry.Text != "" {
			out = append(out, st.OverlayTitle.Render("Your note")+st.Faint.Render(" · n edits it"))
		}
	}
	if p.State == notes.Changed && p.Entry.Quote != "" {
		out = append(out, st.StatusAlert.Render("changed")+st.Faint.Render(" since the note; it read: “"+render.Clean(p.Entry.Quote)+"”"))
	}
	for _, l := range strings.Split(render.Clean(p.Entry.Text), "\n") {
		out = append(out, "  "+l)
	}
	return out
}

// noteHits returns the user's notes that match a search, as hits on the
// thing each is about (notes are searchable: search.go lists them first).
// Their text reads "✎ <the note>".
func (c *Common) noteHits(query string) []search.Hit {
	n := c.Notes
	if n == nil || strings.TrimSpace(query) == "" {
		return nil
	}
	var out []search.Hit
	for _, p := range notes.Locate(n.book, c.Base) {
		if p.State == notes.Orphaned || p.Entry.Text == "" {
			continue
		}
		text := "✎ " + cell(p.Entry.Text)
		all := true
		for _, term := range strings.Fields(query) {
			if len(search.NewMatcher(term).Spans(text)) == 0 {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		doc := &search.Doc{Text: text}
		switch p.Entry.Kind {
		case notes.KindClaim:
			r, ok := notes.FindClaim(c.Base, p.ID)
			if !ok {
				continue
			}
			doc.Kind, doc.Topic, doc.Claim, doc.Account = search.KindClaim, r.Topic.ID, p.ID, r.Account
		case notes.KindDay:
			doc.Kind, doc.Day = search.KindDay, p.ID
		case notes.KindDemand:
			doc.Kind, doc.Demand = search.KindDemand, p.ID
			if x, ok := c.Base.Demand(p.ID); ok {
				doc.Party = x.Party
			}
		case notes.KindDiscrepancy:
			doc.Kind, doc.Discrepancy = search.KindDiscrepancy, p.ID
		}
		sp := search.NewMatcher(query).Spans(text)
		h := search.Hit{Doc: doc}
		if len(sp) > 0 {
			h.Start, h.End = sp[0][0], sp[0][1]
		}
		out = append(out, h)
	}
	return out
}

// day returns the midnight that starts t's day, in t's location.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

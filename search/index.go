package search

import (
	"slices"
	"sort"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/internal/weakmemo"
)

// Kind says what a document of the index is, and so which view shows it.
type Kind int

// Kinds of documents, in the order results are listed.
const (
	KindTopic       Kind = iota // a topic's title and summary
	KindClaim                   // one claim of one account
	KindDay                     // a day's date and label
	KindEvent                   // one event of a day
	KindDelegation              // a delegation's note
	KindMember                  // one member of a delegation
	KindDemand                  // a demand and the answer to it
	KindSource                  // a source: outlet, title, origin, basis
	KindDiscrepancy             // a disputed fact and its versions
)

var kindNames = [...]string{"topic", "claim", "day", "event", "delegation", "member", "demand", "source", "discrepancy"}

// String returns the kind's name ("claim", …).
func (k Kind) String() string {
	if int(k) >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Doc is one searchable piece of a dossier, with what a reader needs to
// jump to it. Ids that do not apply to its kind are empty.
type Doc struct {
	Kind        Kind
	Topic       string // topic id (topics and claims)
	Claim       string // claim id
	Account     string // the claim's account, or the event's when it has one
	Day         string // day id (days and events; the first day of a claim)
	Party       string // the delegation's party (delegations and members)
	Member      int    // index of the member in its delegation's Members, or of the event in its day's Events
	Demand      string // demand id
	Source      string // source id
	Discrepancy string // discrepancy id
	// Sources are the citations, so that a reader can hide what its
	// selection does not admit.
	Sources []string
	// Text is what is searched and shown as context: plain text on one
	// line, sanitised.
	Text string
}

// Index is every document of one dossier with its folded text. It is
// immutable once built.
type Index struct {
	docs []Doc
	// all is every document's folded text, each followed by a NUL, and
	// starts[i] where document i begins in it; offs maps each byte of all
	// to the byte of its document's Text it was folded from.
	all    string
	starts []int
	offs   []int32
	// names holds the written forms of each person, party, mediator and
	// account that has more than one (a name and its aliases), and folded
	// the same forms folded: a query that is one form finds every form.
	names  [][]string
	folded [][]string
}

// Hit is one document that matches a query, with the span of Text to
// highlight (byte offsets; the first occurrence of the first term).
type Hit struct {
	Doc        *Doc
	Start, End int
	n          int // the document's place in the index, to merge hits in order
}

// memo holds the index of each dossier in use; an index goes with its
// dossier (it holds none of the dossier's pointers, only its text).
var memo weakmemo.Map[dossier.Dossier, *Index]

// For returns the index of d, building it on first use; every caller
// with the same d gets the same Index for as long as d is in use.
func For(d *dossier.Dossier) *Index {
	return memo.Get(d, func() *Index { return New(d) })
}

// New builds the index of d.
func New(d *dossier.Dossier) *Index {
	ix := &Index{}
	if d == nil {
		return ix
	}
	add := func(doc Doc) {
		doc.Text = plain(doc.Text)
		if doc.Text != "" {
			ix.docs = append(ix.docs, doc)
		}
	}
	for _, t := range d.Topics {
		add(Doc{Kind: KindTopic, Topic: t.ID, Text: strings.Join(nonEmpty(t.Title, t.Summary), " — ")})
	}
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for _, c := range s.Claims {
				day := ""
				if len(c.Days) > 0 {
					day = c.Days[0]
				}
				add(Doc{Kind: KindClaim, Topic: t.ID, Claim: c.ID, Account: s.Account, Day: day, Sources: c.Sources, Text: c.Text})
			}
		}
	}
	for _, day := range d.Days {
		text := day.Label
		if !day.Date.IsZero() {
			text = day.Date.Format("2 January 2006") + " — " + text
		}
		add(Doc{Kind: KindDay, Day: day.ID, Text: text})
		for i, e := range day.Events {
			add(Doc{Kind: KindEvent, Day: day.ID, Member: i, Account: e.Account, Sources: e.Sources, Text: e.Text})
		}
	}
	for _, del := range d.Delegations {
		add(Doc{Kind: KindDelegation, Party: del.Party, Text: strings.Join(nonEmpty(d.PartyName(del.Party), del.Note), " — ")})
		for i, m := range del.Members {
			add(Doc{Kind: KindMember, Party: del.Party, Member: i, Sources: m.Sources,
				Text: strings.Join(nonEmpty(append(append([]string{m.Name}, m.Aliases...), m.Title, m.Org)...), " — ")})
			ix.addNames(dossier.NameForms(m.Name, m.Aliases))
		}
	}
	for _, x := range d.Demands {
		// the id first, so that "up-flow" finds the demand
		add(Doc{Kind: KindDemand, Demand: x.ID, Party: x.Party, Topic: x.Topic, Sources: x.Sources,
			Text: strings.Join(nonEmpty(x.ID, x.Text, x.Response), " — ")})
	}
	for _, s := range d.Sources {
		add(Doc{Kind: KindSource, Source: s.ID, Sources: []string{s.ID},
			Text: strings.Join(nonEmpty(s.Outlet, s.Title, s.Origin, s.Basis), " — ")})
	}
	for _, x := range d.Discrepancies {
		parts := []string{x.Fact}
		var srcs []string
		for _, v := range x.Versions {
			parts = append(parts, nonEmpty(v.Value, v.Note)...)
			srcs = append(srcs, v.Sources...)
		}
		add(Doc{Kind: KindDiscrepancy, Discrepancy: x.ID, Topic: x.Topic, Day: x.Day, Sources: srcs,
			Text: strings.Join(parts, " — ")})
	}
	for i := range d.Parties {
		ix.addNames(d.Parties[i].Forms())
	}
	for i := range d.Mediators {
		ix.addNames(d.Mediators[i].Forms())
	}
	for i := range d.Accounts {
		ix.addNames(d.Accounts[i].Forms())
	}
	var b []byte
	ix.offs = []int32{} // not nil: fold records offsets
	for i := range ix.docs {
		ix.starts = append(ix.starts, len(b))
		b, ix.offs = fold(b, ix.offs, ix.docs[i].Text, 0)
		b = append(b, 0)
		ix.offs = append(ix.offs, int32(len(ix.docs[i].Text)))
	}
	ix.all = string(b)
	return ix
}

// addNames records the forms of one name when there is more than one.
func (ix *Index) addNames(forms []string) {
	if len(forms) < 2 {
		return
	}
	var f []string
	for _, s := range forms {
		f = append(f, strings.Join(strings.Fields(Fold(s)), " "))
	}
	ix.names = append(ix.names, forms)
	ix.folded = append(ix.folded, f)
}

// Forms returns every written form of the name query is one form of (the
// name of a person, party, mediator or account and its aliases, compared
// folded), or nil when query is no such name.
func (ix *Index) Forms(query string) []string {
	q := strings.Join(strings.Fields(Fold(sanitize.Text(query))), " ")
	for i, f := range ix.folded {
		if slices.Contains(f, q) {
			return ix.names[i]
		}
	}
	return nil
}

// FindAny returns the documents holding any of terms (each a query as for
// Find), in index order, each once, at most limit of them (no limit when
// limit <= 0).
func (ix *Index) FindAny(terms []string, limit int) []Hit {
	var all []Hit
	seen := map[int]bool{}
	for _, t := range terms {
		for _, h := range ix.find(t, 0) {
			if !seen[h.n] {
				seen[h.n] = true
				all = append(all, h)
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].n < all[j].n })
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	return all
}

// Docs returns every document, in the order results are listed. The
// slice is shared: callers must not modify it.
func (ix *Index) Docs() []Doc { return ix.docs }

// Find returns the documents holding every term of query (split at
// spaces, folded), in index order, at most limit of them (no limit when
// limit <= 0). An empty query finds nothing. A query that is a name with
// aliases ("Satō Hanako") finds every form of it (Forms).
func (ix *Index) Find(query string, limit int) []Hit {
	if forms := ix.Forms(query); forms != nil {
		return ix.FindAny(forms, limit)
	}
	return ix.find(query, limit)
}

// find is Find for one query, taken literally.
func (ix *Index) find(query string, limit int) []Hit {
	terms := strings.Fields(Fold(sanitize.Text(query)))
	if len(terms) == 0 || len(ix.docs) == 0 {
		return nil
	}
	// scan for the longest term, the likeliest to be rare
	first := 0
	for i, t := range terms {
		if len(t) > len(terms[first]) {
			first = i
		}
	}
	var hits []Hit
	pos, last := 0, -1
	for {
		j := strings.Index(ix.all[pos:], terms[first])
		if j < 0 {
			break
		}
		at := pos + j
		doc := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > at }) - 1
		end := len(ix.all)
		if doc+1 < len(ix.starts) {
			end = ix.starts[doc+1]
		}
		pos = end // the next document
		if doc == last {
			continue
		}
		last = doc
		text := ix.all[ix.starts[doc]:end]
		ok := true
		for i, t := range terms {
			if i != first && !strings.Contains(text, t) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// highlight the first term in reading order
		hs, he := at, at+len(terms[first])
		if k := strings.Index(text, terms[0]); first != 0 && k >= 0 {
			hs, he = ix.starts[doc]+k, ix.starts[doc]+k+len(terms[0])
		}
		hits = append(hits, Hit{Doc: &ix.docs[doc], Start: int(ix.offs[hs]), End: ix.origEnd(he), n: doc})
		if limit > 0 && len(hits) >= limit {
			break
		}
	}
	return hits
}

// origEnd maps the end of a match in all (exclusive) to the end of the
// rune it falls in, in the document's Text.
func (ix *Index) origEnd(he int) int {
	o := ix.offs[he-1]
	k := he
	for k < len(ix.offs) && ix.offs[k] == o {
		k++
	}
	return int(ix.offs[k])
}

// plain turns a Markdown text into one line of plain text: emphasis and
// code marks removed, white space collapsed, sanitised.
func plain(s string) string {
	s = sanitize.Text(s)
	s = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

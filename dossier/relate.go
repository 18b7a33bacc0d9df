package dossier

// This file holds the one answer to "what is this claim's counterpart, how
// do they relate, and is either shown?". Every view and output that puts
// accounts side by side (compare, days, search results, provenance, print,
// export) asks Relate, so they cannot disagree about a pair: a view that
// shows a subset of the claims (one day, one source, as of a day) still
// knows the counterpart it does not show, and says why.

// Hide says whether a view shows a claim, and when not, why.
type Hide int

// Reasons a claim is hidden, in the order they are told: what was not yet
// known wins over a filter, a filter over the day shown.
const (
	Shown        Hide = iota
	HiddenAsOf        // first reported after the as-of day
	HiddenSource      // not supported by the source the reader filters on
	HiddenDay         // not about the day shown
)

var hideNames = [...]string{"shown", "as-of", "source", "day"}

// String names the reason: "shown", "as-of", "source" or "day".
func (h Hide) String() string {
	if int(h) >= 0 && int(h) < len(hideNames) {
		return hideNames[h]
	}
	return "unknown"
}

// Cell is one account's place in a row of an Alignment.
type Cell struct {
	// Claim is the account's claim in this row, nil when it has none. A
	// claim the selection keeps (shown, or hidden only by the day) is taken
	// from the dossier as seen, its citations trimmed by the selection, so
	// that a counterpart shown dimmed names no later source; one the
	// selection hides is the claim as loaded, so that a view can name it.
	Claim *Claim
	// Index is the claim's index in the account's section as loaded, -1
	// when the cell is empty.
	Index int
	// Hide says whether the claim is shown, and why not.
	Hide Hide
	// Elsewhere is set on an empty cell when the account does have a claim
	// with the row's key, out of order, so it sits in a row of its own.
	Elsewhere bool
}

// Shown reports whether the cell holds a claim the view shows.
func (c Cell) Shown() bool { return c.Claim != nil && c.Hide == Shown }

// Known reports whether the cell holds a claim that was known in the
// subset: shown, or hidden only by a filter or by the day shown (a claim
// first reported after the as-of day was not known, so it counts as none).
func (c Cell) Known() bool { return c.Claim != nil && c.Hide != HiddenAsOf }

// Row is one moment of a topic across the accounts of an Alignment.
type Row struct {
	// Key is the alignment key the row's claims share ("" for an unkeyed
	// claim, which always has a row of its own).
	Key string
	// Cells holds one cell per account, in the Alignment's order.
	Cells []Cell
	// Rel holds the relation between neighbouring cells: Rel[i] is between
	// Cells[i] and Cells[i+1]. It is the key group's relation when both
	// hold a known claim (RelNone when unmarked), RelOneSided when only one
	// does, and RelNone when neither does.
	Rel []Relation
}

// Shown reports whether the row holds a claim the view shows.
func (r Row) Shown() bool {
	for _, c := range r.Cells {
		if c.Shown() {
			return true
		}
	}
	return false
}

// Alignment is one topic's claims of several accounts laid in rows, as a
// view of a subset of the dossier sees them. It is computed on the dossier
// as loaded, so the counterpart of a claim is the same in every subset.
type Alignment struct {
	Topic    string
	Day      string // the day the subset is restricted to, "" for none
	Accounts []string
	// Rows holds every row of the topic whose claims include one about Day
	// (every row when Day is ""), shown or not, in order.
	Rows []Row
	// Says counts, per account, the claims of the topic as loaded (about
	// Day when it is set); Shows those the subset shows.
	Says, Shows []int
}

// Visible returns the rows that hold a shown claim, in order.
func (a *Alignment) Visible() []Row {
	var out []Row
	for _, r := range a.Rows {
		if r.Shown() {
			out = append(out, r)
		}
	}
	return out
}

// Find returns the row and the column of the claim with the given id, or
// -1, -1.
func (a *Alignment) Find(claimID string) (row, col int) {
	for i, r := range a.Rows {
		for j, c := range r.Cells {
			if c.Claim != nil && c.Claim.ID == claimID {
				return i, j
			}
		}
	}
	return -1, -1
}

// Partner is a claim's neighbour in an alignment: the account beside it,
// the cell that account holds in the claim's row, and how the two relate.
type Partner struct {
	Account string
	Cell    Cell
	Rel     Relation
}

// Partners returns the neighbours of a claim (the account left of it and
// the one right of it, when there are such accounts), or nil when the
// claim is not in the alignment.
func (a *Alignment) Partners(claimID string) []Partner {
	i, j := a.Find(claimID)
	if i < 0 {
		return nil
	}
	r := a.Rows[i]
	var out []Partner
	if j > 0 {
		out = append(out, Partner{Account: a.Accounts[j-1], Cell: r.Cells[j-1], Rel: r.Rel[j-1]})
	}
	if j+1 < len(r.Cells) {
		out = append(out, Partner{Account: a.Accounts[j+1], Cell: r.Cells[j+1], Rel: r.Rel[j]})
	}
	return out
}

// Base returns the dossier as loaded that d was selected from (d itself
// when d was not made by Select).
func (d *Dossier) Base() *Dossier {
	if d.base != nil {
		return d.base
	}
	return d
}

// Selection returns the selection d was made with (zero for a dossier as
// loaded).
func (d *Dossier) Selection() Selection { return d.sel }

// hide returns why the subset (d as seen, restricted to day) hides claim c
// of the dossier as loaded. seen holds the ids of the claims d keeps.
func (d *Dossier) hide(c *Claim, day string, seen map[string]*Claim) Hide {
	if _, ok := seen[c.ID]; !ok {
		// not kept by the selection: as of the day when that alone hides
		// it (not yet reported, or its text names what was not), else the
		// source filter
		if asOf := d.sel.AsOf; !asOf.IsZero() {
			only := Selection{AsOf: asOf}
			src, ok := only.cite(d.Base(), c.Sources)
			if !ok || only.namesLater(d.Base(), c.Text, c.Sources, src) || d.sel.Source == "" {
				return HiddenAsOf
			}
		}
		return HiddenSource
	}
	if day != "" && !about(c, day) {
		return HiddenDay
	}
	return Shown
}

// about reports whether claim c is about the day.
func about(c *Claim, day string) bool {
	for _, id := range c.Days {
		if id == day {
			return true
		}
	}
	return false
}

// Relate aligns the claims of the accounts in a topic and says, for each,
// whether d shows it. The alignment is made on the dossier as loaded
// (d.Base()): claims with the same non-empty key share a row; each
// account's order is kept; among the orders possible the one with the
// most matched rows is chosen (a longest common subsequence on keys, taken
// account by account left to right); a claim with no counterpart gets a
// row of its own, earlier accounts' before later ones' between two matched
// rows. A claim is then shown when d (possibly a Select of the dossier)
// keeps it and, when day is not "", it is about that day; rows holding no
// claim about day are left out. Relate is pure; an unknown topic gives an
// alignment with no rows.
func (d *Dossier) Relate(topic string, accounts []string, day string) *Alignment {
	a := &Alignment{Topic: topic, Day: day, Accounts: append([]string(nil), accounts...),
		Says: make([]int, len(accounts)), Shows: make([]int, len(accounts))}
	base := d.Base()
	t, ok := topicOf(base, topic)
	if !ok {
		return a
	}
	cols := make([][]Claim, len(accounts))
	for i, acct := range accounts {
		if sec, ok := t.Section(acct); ok {
			cols[i] = sec.Claims
		}
	}
	seen := map[string]*Claim{}
	if st, ok := topicOf(d, topic); ok {
		for si := range st.Sections {
			for ci := range st.Sections[si].Claims {
				c := &st.Sections[si].Claims[ci]
				seen[c.ID] = c
			}
		}
	}
	for _, r := range alignKeys(cols) {
		keep := day == ""
		for i := range r.Cells {
			cell := &r.Cells[i]
			if cell.Index < 0 {
				cell.Elsewhere = r.Key != "" && hasKey(cols[i], r.Key)
				continue
			}
			c := &cols[i][cell.Index]
			cell.Claim, cell.Hide = c, d.hide(c, day, seen)
			if kept, ok := seen[c.ID]; ok {
				cell.Claim = kept // its citations as the selection trims them
			}
			if day != "" && about(c, day) {
				keep = true
			}
		}
		if !keep {
			continue
		}
		r.Rel = make([]Relation, max(0, len(r.Cells)-1))
		for i := range r.Rel {
			r.Rel[i] = relation(r.Cells[i], r.Cells[i+1])
		}
		for i, c := range r.Cells {
			if c.Claim != nil && (day == "" || about(c.Claim, day)) {
				a.Says[i]++
			}
			if c.Shown() {
				a.Shows[i]++
			}
		}
		a.Rows = append(a.Rows, r)
	}
	return a
}

// relation is the relation between two neighbouring cells.
func relation(l, r Cell) Relation {
	switch {
	case l.Known() && r.Known():
		rel := l.Claim.Relation
		if rel == RelNone || rel == RelOneSided {
			rel = r.Claim.Relation
		}
		if rel == RelOneSided {
			rel = RelNone
		}
		return rel
	case l.Known() || r.Known():
		return RelOneSided
	}
	return RelNone
}

func hasKey(cs []Claim, key string) bool {
	for i := range cs {
		if cs[i].Key == key {
			return true
		}
	}
	return false
}

// alignKeys lays the accounts' claims in rows by key, account by account:
// each next account is merged into the rows so far by a longest common
// subsequence on keys. Cells hold only indexes.
func alignKeys(cols [][]Claim) []Row {
	n := len(cols)
	var rows []Row
	for k, claims := range cols {
		rows = mergeAccount(rows, claims, k, n)
	}
	return rows
}

// mergeAccount merges account k's claims into rows (which hold accounts
// 0…k-1).
func mergeAccount(rows []Row, claims []Claim, k, n int) []Row {
	newRow := func(j int) Row {
		r := Row{Key: claims[j].Key, Cells: make([]Cell, n)}
		for i := range r.Cells {
			r.Cells[i].Index = -1
		}
		r.Cells[k].Index = j
		return r
	}
	nr, nc := len(rows), len(claims)
	match := func(i, j int) bool { return rows[i].Key != "" && rows[i].Key == claims[j].Key }
	// lcs[i][j] is the length of the LCS of rows[i:] and claims[j:].
	lcs := make([][]int32, nr+1)
	for i := range lcs {
		lcs[i] = make([]int32, nc+1)
	}
	for i := nr - 1; i >= 0; i-- {
		for j := nc - 1; j >= 0; j-- {
			switch {
			case match(i, j):
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	out := make([]Row, 0, nr+nc)
	var pending []Row
	i, j := 0, 0
	for i < nr || j < nc {
		switch {
		case i < nr && j < nc && match(i, j):
			out = append(out, pending...)
			pending = pending[:0]
			r := rows[i]
			r.Cells[k].Index = j
			out = append(out, r)
			i++
			j++
		case j >= nc || i < nr && lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, rows[i])
			i++
		default:
			pending = append(pending, newRow(j))
			j++
		}
	}
	return append(out, pending...)
}

// topicOf finds a topic by id, by the index when the dossier was loaded,
// else by a scan (a dossier built by hand in a test has no index).
func topicOf(d *Dossier, id string) (*Topic, bool) {
	if t, ok := d.Topic(id); ok {
		return t, true
	}
	for i := range d.Topics {
		if d.Topics[i].ID == id {
			return &d.Topics[i], true
		}
	}
	return nil, false
}

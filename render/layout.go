package render

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Row is one aligned row of a compare layout, placed on lines: the row of
// the alignment (dossier.Relate) it draws, and where.
type Row struct {
	dossier.Row
	// IDs holds the ids of the left and right claims shown ("" for none).
	IDs [2]string
	// Start is the first line of the row in both panes; Height the number
	// of lines it takes (the taller of its two sides). A blank line
	// separates rows and is not counted in Height.
	Start, Height int
	// Heights holds the lines each side's claim takes (0 on a side that
	// shows no claim, only a placeholder or nothing): a cursor marks
	// those lines and no others.
	Heights [2]int
	// ThirdID and ThirdHeight are IDs and Heights for the third pane of a
	// synopsis ("" and 0 in a two-pane layout).
	ThirdID     string
	ThirdHeight int
}

// Compare is a topic laid out for two panes: both panes have the same
// number of lines, every line exactly Width cells wide (by Method), and a
// claim aligned with another starts on the same line on both sides.
type Compare struct {
	Topic string
	// Day, when not "", restricts the layout to the claims about that day
	// (the days view and print --day); their counterparts about other
	// days are named, not shown.
	Day    string
	Pair   [2]string
	Width  int
	Style  Style
	Method ansi.Method
	// Lines holds the left and right panes' lines.
	Lines [2][]string
	// Rows are in line order: the alignment's rows that show a claim.
	Rows []Row
	// Marks holds the gutter mark of each line: the styled one-cell mark
	// on the first line of a row, a blank cell elsewhere.
	Marks []string
	// Third is the third account of a synopsis (three panes aligned on the
	// same rows, Cache.Synopsis), "" for two panes. ThirdLines are its
	// pane's lines and ThirdMarks the marks of the gutter between the
	// second pane and it, line by line as Lines and Marks.
	Third      string
	ThirdLines []string
	ThirdMarks []string
	// Dossier is the dossier the layout was made from: a reader may show
	// several (the one loaded, and the same seen through a filter). The
	// cache holds the layout without it (so that it keeps no dossier
	// alive) and hands each caller a copy naming it.
	Dossier *dossier.Dossier
}

// Len returns the number of lines of each pane.
func (c *Compare) Len() int { return len(c.Lines[0]) }

// RowAt returns the index of the row that holds line y, or of the next row
// when y falls on a separator; -1 past the end or when there are no rows.
func (c *Compare) RowAt(y int) int {
	i := sort.Search(len(c.Rows), func(i int) bool {
		return c.Rows[i].Start+c.Rows[i].Height > y
	})
	if i >= len(c.Rows) {
		return -1
	}
	return i
}

// RowOf returns the index of the row holding the claim with the given id
// (shown or not), or -1.
func (c *Compare) RowOf(claimID string) int {
	for i, r := range c.Rows {
		for _, cell := range r.Cells {
			if cell.Claim != nil && cell.Claim.ID == claimID {
				return i
			}
		}
	}
	return -1
}

// CachedCompare returns the layout of a topic if it is already in the
// cache, without rendering anything. Readers call it on the key path and
// fall back to rendering in the background when it misses.
func (c *Cache) CachedCompare(d *dossier.Dossier, t *dossier.Topic, pair [2]string, width int, st Style, m ansi.Method) (*Compare, bool) {
	return c.CachedCompareDay(d, t, "", pair, width, st, m)
}

// CachedCompareDay is CachedCompare for the claims about one day.
func (c *Cache) CachedCompareDay(d *dossier.Dossier, t *dossier.Topic, day string, pair [2]string, width int, st Style, m ansi.Method) (*Compare, bool) {
	return c.cached(d, t, day, pair, "", width, st, m)
}

// CachedSynopsis is CachedCompare for three accounts (Synopsis).
func (c *Cache) CachedSynopsis(d *dossier.Dossier, t *dossier.Topic, trio [3]string, width int, st Style, m ansi.Method) (*Compare, bool) {
	return c.cached(d, t, "", [2]string{trio[0], trio[1]}, trio[2], width, st, m)
}

func (c *Cache) cached(d *dossier.Dossier, t *dossier.Topic, day string, pair [2]string, third string, width int, st Style, m ansi.Method) (*Compare, bool) {
	k := c.layoutKey(d, t.ID, day, pair, clampWidth(width), st, m)
	k.Third = third
	v, ok := c.get(k)
	if !ok {
		return nil, false
	}
	c.count(func(s *Stats) { s.CompareHits++ })
	return v.(*Compare).of(d), true
}

// of returns a copy of the layout naming d as the dossier it was made
// from.
func (cmp *Compare) of(d *dossier.Dossier) *Compare {
	out := *cmp
	out.Dossier = d
	return &out
}

// Compare returns the layout of a topic for two accounts, rendering and
// caching whatever is missing. It may take tens of milliseconds for a
// topic not seen before at this width; readers call it from a tea.Cmd.
// The result's lines are shared: callers must not modify them.
func (c *Cache) Compare(d *dossier.Dossier, t *dossier.Topic, pair [2]string, width int, st Style, m ansi.Method) *Compare {
	return c.CompareDay(d, t, "", pair, width, st, m)
}

// CompareDay is Compare restricted to the claims about a day ("" for
// every claim). The rows, relations and placeholders come from
// dossier.Relate, so a claim whose counterpart is about another day, or
// hidden by the selection d was made with, says so.
func (c *Cache) CompareDay(d *dossier.Dossier, t *dossier.Topic, day string, pair [2]string, width int, st Style, m ansi.Method) *Compare {
	return c.compare(d, t, day, pair[:], width, st, m)
}

// Synopsis is Compare for three accounts, as in a synopsis of gospels:
// three panes aligned on the same rows (one dossier.Relate of the three),
// with a gutter mark between each neighbouring pair. The result is a
// Compare whose Pair holds the first two accounts and Third the third.
func (c *Cache) Synopsis(d *dossier.Dossier, t *dossier.Topic, trio [3]string, width int, st Style, m ansi.Method) *Compare {
	return c.compare(d, t, "", trio[:], width, st, m)
}

// compare lays a topic out for two or three accounts.
func (c *Cache) compare(d *dossier.Dossier, t *dossier.Topic, day string, accts []string, width int, st Style, m ansi.Method) *Compare {
	width = clampWidth(width)
	pair, third := [2]string{accts[0], accts[1]}, ""
	if len(accts) > 2 {
		third = accts[2]
	}
	if cmp, ok := c.cached(d, t, day, pair, third, width, st, m); ok {
		return cmp
	}
	c.count(func(s *Stats) { s.CompareMisses++ })
	l := c.layout(width, st)
	al := d.Relate(t.ID, accts, day)
	n := len(accts)
	// silent[i]: the account says nothing on the whole topic; a day's
	// layout then marks no row either, as the topic's layout does not
	silent := make([]bool, n)
	if day != "" {
		for i, k := range d.Relate(t.ID, accts, "").Says {
			silent[i] = k == 0
		}
	}
	claims := make([][]dossier.Claim, n)
	for _, r := range al.Rows {
		for side, cell := range r.Cells {
			if cell.Shown() {
				claims[side] = append(claims[side], *cell.Claim)
			}
		}
	}
	cmp := &Compare{Topic: t.ID, Day: day, Pair: pair, Third: third, Width: width, Style: l.key.style, Method: m}
	plain := c.topicPlainNote(claims)
	th := l.theme
	blank := strings.Repeat(" ", width)
	notes := paneNotes(d, al)
	lines := make([][]string, n)
	marks := make([][]string, n-1)
	for _, r := range al.Visible() {
		row := Row{Row: r, Start: len(lines[0])}
		blocks := make([][]string, n)
		heights := make([]int, n)
		ids := make([]string, n)
		for side, cell := range r.Cells {
			switch {
			case cell.Shown():
				ids[side] = cell.Claim.ID
				blocks[side] = c.claim(d, cell.Claim, width, st, plain)
				heights[side] = len(blocks[side])
			case notes[side] != "":
				// the pane says once why it is empty, on its first row
				if len(cmp.Rows) == 0 {
					blocks[side] = faintLines(th, notes[side], width, m)
				}
			default:
				blocks[side] = faintLines(th, "· "+Placeholder(d, cell), width, m)
				if cell.Hide == dossier.HiddenDay {
					// the counterpart about another day is shown dimmed
					// under the line that says which day
					for _, l := range c.claim(d, cell.Claim, width, st, plain) {
						blocks[side] = append(blocks[side], th.Faint.Render(ansi.Strip(l)))
					}
				}
			}
		}
		row.IDs, row.Heights = [2]string{ids[0], ids[1]}, [2]int{heights[0], heights[1]}
		if n > 2 {
			row.ThirdID, row.ThirdHeight = ids[2], heights[2]
		}
		row.Height = 1
		for _, b := range blocks {
			row.Height = max(row.Height, len(b))
		}
		for side := range blocks {
			for y := 0; y < row.Height; y++ {
				line := blank
				if y < len(blocks[side]) {
					line = Fit(blocks[side][y], width, m)
				}
				lines[side] = append(lines[side], line)
			}
			lines[side] = append(lines[side], blank)
		}
		for g := range marks {
			mark := th.Mark(r, g)
			if day == "" && (notes[g] != "" && al.Says[g] == 0 || notes[g+1] != "" && al.Says[g+1] == 0) || silent[g] || silent[g+1] {
				mark = " " // one account is silent on the topic: no mark says so on every row
			}
			marks[g] = append(marks[g], mark)
			for y := 1; y <= row.Height; y++ {
				marks[g] = append(marks[g], " ")
			}
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	if len(cmp.Rows) == 0 {
		for side := range lines {
			msg := notes[side]
			if msg == "" {
				msg = "nothing on this topic"
			}
			for _, l := range faintLines(th, msg, width, m) {
				lines[side] = append(lines[side], Fit(l, width, m))
			}
		}
		tall := 0
		for side := range lines {
			tall = max(tall, len(lines[side]))
		}
		for side := range lines {
			for len(lines[side]) < tall {
				lines[side] = append(lines[side], blank)
			}
		}
		for g := range marks {
			marks[g] = make([]string, tall)
			for i := range marks[g] {
				marks[g][i] = " "
			}
		}
	} else {
		// drop the separator after the last row
		for side := range lines {
			lines[side] = lines[side][:len(lines[side])-1]
		}
		for g := range marks {
			marks[g] = marks[g][:len(marks[g])-1]
		}
	}
	cmp.Lines, cmp.Marks = [2][]string{lines[0], lines[1]}, marks[0]
	size := linesSize(cmp.Lines[0]) + linesSize(cmp.Lines[1]) + 16*len(cmp.Marks) + 96*len(cmp.Rows)
	if n > 2 {
		cmp.ThirdLines, cmp.ThirdMarks = lines[2], marks[1]
		size += linesSize(cmp.ThirdLines) + 16*len(cmp.ThirdMarks)
	}
	k := c.layoutKey(d, t.ID, day, pair, width, st, m)
	k.Third = third
	c.put(k, cmp, size)
	return cmp.of(d)
}

// faintLines is quiet text wrapped at spaces to width.
func faintLines(th *Theme, s string, width int, m ansi.Method) []string {
	var out []string
	for _, l := range WrapWords(s, width, m) {
		out = append(out, th.Faint.Render(l))
	}
	return out
}

// paneNotes returns, for each account of an alignment, the one line its
// pane says when it shows none of the account's claims and either the
// account says nothing on the topic or the filters leave nothing on
// either side; its placeholders then stay blank. It is "" otherwise: each
// row then names its own counterpart ("counterpart hidden by the filter",
// "not reported by 27 Oct", "no counterpart").
func paneNotes(d *dossier.Dossier, al *dossier.Alignment) []string {
	notes := make([]string, len(al.Accounts))
	rows := al.Visible()
	if len(rows) == 0 {
		rows = al.Rows
	}
	for i, acct := range al.Accounts {
		if al.Shows[i] > 0 {
			continue
		}
		why := map[dossier.Hide]bool{}
		for _, r := range rows {
			if c := r.Cells[i]; c.Claim != nil {
				why[c.Hide] = true
			}
		}
		switch {
		case len(why) == 0:
			notes[i] = SilenceNote(d, al.Day, acct)
		case len(al.Visible()) == 0:
			// nothing shows on either side: say why once; where the other
			// side shows claims, each row names its hidden counterpart
			notes[i] = FilterNote(d)
		}
	}
	return notes
}

// FilterWords says what the selection d was made with lets through, to
// end a sentence: "reported by 27 Oct", "from Dawn", "from Dawn by 27 Oct";
// "" for the dossier as loaded.
func FilterWords(d *dossier.Dossier) string {
	sel := d.Selection()
	var parts []string
	if sel.Source != "" {
		parts = append(parts, "from "+SourceName(d.Base(), sel.Source))
	} else if !sel.AsOf.IsZero() {
		parts = append(parts, "reported")
	}
	if !sel.AsOf.IsZero() {
		parts = append(parts, "by "+sel.AsOf.Format("2 Jan"))
	}
	return strings.Join(parts, " ")
}

// FilterNote says why the selection d was made with shows nothing of a
// topic: "Nothing on this topic reported by 27 Oct", "Nothing on this
// topic from Dawn", "Nothing on this topic from Dawn by 27 Oct".
func FilterNote(d *dossier.Dossier) string {
	return strings.TrimSpace("Nothing on this topic " + FilterWords(d))
}

// SilenceNote says that an account has no claim on a topic (about day,
// when day is not ""): "The Mediators account says nothing on this topic".
func SilenceNote(d *dossier.Dossier, day, acct string) string {
	s := "The " + AccountName(d, acct) + " account says nothing "
	if day != "" {
		return s + "about " + DayTag(d, day) + " here"
	}
	return s + "on this topic"
}

// Placeholder says in words what an account has in a row where the view
// shows none of its claims: "no counterpart", "counterpart out of order",
// "counterpart (about 27 Oct):" (the day shown is another; the layout
// shows it dimmed below), "not reported by 27 Oct" (as of that day it was
// not known), "counterpart hidden by the filter (Dawn only)". d is the
// dossier as seen.
func Placeholder(d *dossier.Dossier, c dossier.Cell) string {
	if c.Claim == nil {
		if c.Elsewhere {
			return "counterpart out of order"
		}
		return "no counterpart"
	}
	switch c.Hide {
	case dossier.HiddenAsOf:
		return "not reported by " + d.Selection().AsOf.Format("2 Jan")
	case dossier.HiddenSource:
		return "counterpart hidden by the filter (" + SourceName(d.Base(), d.Selection().Source) + " only)"
	case dossier.HiddenDay:
		if len(c.Claim.Days) == 0 {
			return "counterpart (no day given):"
		}
		var tags []string
		for _, id := range c.Claim.Days {
			tags = append(tags, DayTag(d, id))
		}
		return "counterpart (about " + strings.Join(tags, ", ") + "):"
	}
	return ""
}

// AccountName is an account's display name, sanitised.
func AccountName(d *dossier.Dossier, id string) string {
	if a, ok := d.Account(id); ok && a.Name != "" {
		return Clean(a.Name)
	}
	return Clean(id)
}

// SourceName is a source's short name (its outlet when it has none),
// sanitised.
func SourceName(d *dossier.Dossier, id string) string {
	if s, ok := d.Source(id); ok {
		if s.Short != "" {
			return Clean(s.Short)
		}
		return Clean(s.Outlet)
	}
	return Clean(id)
}

// Mark returns the styled one-cell gutter mark between cells i and i+1
// of a row (MarkText).
func (t *Theme) Mark(r dossier.Row, i int) string {
	switch s := MarkText(r, i); s {
	case "":
		return " "
	case "=":
		return t.Agree.Render(s)
	case "≠":
		return t.Contradict.Render(s)
	case "◂", "▸":
		return t.OneSided.Render(s)
	default:
		return t.Unmarked.Render(s)
	}
}

// MarkText is the gutter mark between cells i and i+1 of a row: "=" they
// agree, "≠" they contradict, "◂" or "▸" toward the only one known, "·"
// for an unmarked pair; "" when i is not between two cells.
func MarkText(r dossier.Row, i int) string {
	if i < 0 || i >= len(r.Rel) {
		return ""
	}
	switch r.Rel[i] {
	case dossier.RelAgree:
		return "="
	case dossier.RelContradict:
		return "≠"
	case dossier.RelOneSided:
		if r.Cells[i].Known() {
			return "◂"
		}
		return "▸"
	}
	return "·"
}

// Fit returns s cut or padded with spaces to exactly width cells as
// measured by m, closing any style it cuts through. Cutting never splits a
// wide character: the cell it would have half-filled becomes a space.
func Fit(s string, width int, m ansi.Method) string {
	if width <= 0 {
		return ""
	}
	w := m.StringWidth(s)
	switch {
	case w == width:
		return s
	case w < width:
		return s + strings.Repeat(" ", width-w)
	}
	return Slice(s, 0, width, m)
}

// Slice returns the cells [from, to) of a styled line as measured by m,
// exactly to-from cells wide: a wide character cut by either edge becomes
// spaces, styles opened before the slice still apply inside it, and the
// result ends with a reset when it carries any style. (ansi.Truncate
// decides by grapheme width even for ansi.WcWidth, so it is not used.)
func Slice(s string, from, to int, m ansi.Method) string {
	if to <= from {
		return ""
	}
	from = max(from, 0)
	var (
		b      strings.Builder
		col    int
		state  byte
		styled bool
	)
	b.Grow(len(s))
	for len(s) > 0 && col < to {
		seq, _, n, ns := m.DecodeSequenceInString(s, state, nil)
		state = ns
		if n <= 0 {
			break
		}
		s = s[n:]
		if seq[0] == 0x1b {
			b.WriteString(seq)
			styled = true
			continue
		}
		w := m.StringWidth(seq)
		switch {
		case w == 0:
			if col > from {
				b.WriteString(seq) // a mark that joins the previous character
			}
		case col >= from && col+w <= to:
			b.WriteString(seq)
		case col < from && col+w > from: // cut by the left edge
			b.WriteString(strings.Repeat(" ", min(col+w, to)-from))
		case col < to && col+w > to: // cut by the right edge
			b.WriteString(strings.Repeat(" ", to-max(col, from)))
		}
		col += w
	}
	if styled {
		b.WriteString(reset)
	}
	if col < to {
		b.WriteString(strings.Repeat(" ", to-max(col, from)))
	}
	return b.String()
}

func clampWidth(w int) int {
	if w < 1 {
		return 1
	}
	return w
}

package render

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Row is one aligned row of a compare layout, placed on lines.
type Row struct {
	Pair
	// IDs holds the ids of the left and right claims ("" for none).
	IDs [2]string
	// Start is the first line of the row in both panes; Height the number
	// of lines it takes (the taller of its two claims). A blank line
	// separates rows and is not counted in Height.
	Start, Height int
}

// Compare is a topic laid out for two panes: both panes have the same
// number of lines, every line exactly Width cells wide (by Method), and a
// claim aligned with another starts on the same line on both sides.
type Compare struct {
	Topic  string
	Pair   [2]string
	Width  int
	Style  Style
	Method ansi.Method
	// Lines holds the left and right panes' lines.
	Lines [2][]string
	// Rows are in line order.
	Rows []Row
	// Marks holds the gutter mark of each line: the styled one-cell mark
	// on the first line of a row, a blank cell elsewhere.
	Marks []string
	// Dossier is the dossier the layout was asked for: a reader may show
	// several (the one loaded, and the same seen through a filter). The
	// cache holds the layout without it; each caller gets a copy naming
	// its own.
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

// RowOf returns the index of the row holding the claim with the given id,
// or -1.
func (c *Compare) RowOf(claimID string) int {
	for i, r := range c.Rows {
		if r.IDs[0] == claimID || r.IDs[1] == claimID {
			return i
		}
	}
	return -1
}

// CachedCompare returns the layout of a topic if it is already in the
// cache, without rendering anything. Readers call it on the key path and
// fall back to rendering in the background when it misses.
func (c *Cache) CachedCompare(d *dossier.Dossier, t *dossier.Topic, pair [2]string, width int, st Style, m ansi.Method) (*Compare, bool) {
	width = clampWidth(width)
	claims := sectionClaims(t, pair)
	return c.cachedCompare(d, c.compareKey(d, t.ID, pair, claims, width, st, m))
}

func (c *Cache) cachedCompare(d *dossier.Dossier, k Key) (*Compare, bool) {
	v, ok := c.get(k)
	if !ok {
		return nil, false
	}
	c.count(func(s *Stats) { s.CompareHits++ })
	return v.(*Compare).of(d), true
}

// of returns the layout as made from d: the cache holds layouts without
// their dossier (the same layout serves every dossier that shows the same
// claims), and hands out a copy naming the one asked about.
func (cmp *Compare) of(d *dossier.Dossier) *Compare {
	out := *cmp
	out.Dossier = d
	return &out
}

// sectionClaims returns the claims of the two accounts of pair in t.
func sectionClaims(t *dossier.Topic, pair [2]string) [2][]dossier.Claim {
	var claims [2][]dossier.Claim
	for side, acct := range pair {
		if sec, ok := t.Section(acct); ok {
			claims[side] = sec.Claims
		}
	}
	return claims
}

// Compare returns the layout of a topic for two accounts, rendering and
// caching whatever is missing. It may take tens of milliseconds for a
// topic not seen before at this width; readers call it from a tea.Cmd.
// The result's lines are shared: callers must not modify them.
func (c *Cache) Compare(d *dossier.Dossier, t *dossier.Topic, pair [2]string, width int, st Style, m ansi.Method) *Compare {
	return c.compare(d, t.ID, pair, sectionClaims(t, pair), clampWidth(width), st, m)
}

// compare lays two lists of claims out side by side under the name topic.
func (c *Cache) compare(d *dossier.Dossier, topic string, pair [2]string, claims [2][]dossier.Claim, width int, st Style, m ansi.Method) *Compare {
	k := c.compareKey(d, topic, pair, claims, width, st, m)
	if cmp, ok := c.cachedCompare(d, k); ok {
		return cmp
	}
	c.count(func(s *Stats) { s.CompareMisses++ })
	l := c.layout(width, st)
	cmp := &Compare{Topic: topic, Pair: pair, Width: width, Style: l.key.style, Method: m}
	plain := c.topicPlainNote(claims)
	th := l.theme
	blank := strings.Repeat(" ", width)
	for _, p := range Align(claims[0], claims[1]) {
		row := Row{Pair: p, Start: len(cmp.Lines[0])}
		var blocks [2][]string
		for side, idx := range [2]int{p.Left, p.Right} {
			if idx < 0 {
				msg := "no counterpart"
				if p.Elsewhere {
					msg = "counterpart out of order"
				}
				blocks[side] = []string{th.Faint.Render("· " + msg)}
				continue
			}
			cl := &claims[side][idx]
			row.IDs[side] = cl.ID
			blocks[side] = c.claim(d, cl, width, st, plain)
		}
		row.Height = max(len(blocks[0]), len(blocks[1]), 1)
		for side := range blocks {
			for y := 0; y < row.Height; y++ {
				line := blank
				if y < len(blocks[side]) {
					line = Fit(blocks[side][y], width, m)
				}
				cmp.Lines[side] = append(cmp.Lines[side], line)
			}
			cmp.Lines[side] = append(cmp.Lines[side], blank)
		}
		cmp.Marks = append(cmp.Marks, th.mark(p))
		for y := 1; y <= row.Height; y++ {
			cmp.Marks = append(cmp.Marks, " ")
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	if len(cmp.Rows) == 0 {
		msg := Fit(th.Faint.Render("nothing on this topic"), width, m)
		cmp.Lines = [2][]string{{msg}, {msg}}
		cmp.Marks = []string{" "}
	} else {
		// drop the separator after the last row
		for side := range cmp.Lines {
			cmp.Lines[side] = cmp.Lines[side][:len(cmp.Lines[side])-1]
		}
		cmp.Marks = cmp.Marks[:len(cmp.Marks)-1]
	}
	size := linesSize(cmp.Lines[0]) + linesSize(cmp.Lines[1]) + 16*len(cmp.Marks) + 64*len(cmp.Rows)
	c.put(k, cmp, size)
	return cmp.of(d)
}

// mark returns the one-cell gutter mark of a row.
func (t *Theme) mark(p Pair) string {
	switch p.Rel {
	case dossier.RelAgree:
		return t.Agree.Render("=")
	case dossier.RelContradict:
		return t.Contradict.Render("≠")
	case dossier.RelOneSided:
		if p.Left >= 0 {
			return t.OneSided.Render("◂")
		}
		return t.OneSided.Render("▸")
	default:
		return t.Unmarked.Render("·")
	}
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

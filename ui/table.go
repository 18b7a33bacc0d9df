package ui

import (
	"strings"

	"github.com/dossier-dev/dossier/render"
)

// column is one column of a table: its title, the widest it is drawn
// when room is short (cap, 0 for no cap), and whether it takes the room
// left over (grow).
type column struct {
	title string
	cap   int
	grow  bool
	// drop, when not zero, lets the column go when the growing columns
	// would be left fewer than minGrow cells each: the highest first.
	drop int
}

// minGrow is the fewest cells a growing column is given before optional
// columns are dropped to make room.
const minGrow = 16

// table is a list of one-line rows in columns, with a cursor. It draws
// exactly the size it is given, measured by the session's width method,
// and maps a click back to a row. (bubbles/table neither exposes its
// scroll offset, needed to map clicks, nor measures by the terminal's
// width method.)
type table struct {
	c      *Common
	cols   []column
	rows   [][]string // cells: plain, sanitised, one line
	cursor int
	offset int // first row drawn
	widths []int
	wFor   int // the width widths were worked out for
	// dropped marks the columns left out at this width
	dropped []bool
	// group, when set, returns a heading drawn above row i (a party's
	// name above its members), "" for none.
	group func(i int) string
	// mark, when set, returns the one-cell mark drawn in the gutter of
	// row i (the user's ★ or ✎: notes_keys.go), "" for none.
	mark func(i int) string
	// full caches the selected row's cut cells, wrapped: tablefull.go
	full fullRow
}

// cell makes text fit for a cell: sanitised, on one line.
func cell(s string) string { return strings.Join(strings.Fields(render.Clean(s)), " ") }

// setRows replaces the rows, keeping the cursor in range.
func (t *table) setRows(rows [][]string) {
	t.rows = rows
	t.cursor = clamp(t.cursor, 0, max(0, len(rows)-1))
	t.widths = nil
	t.full = fullRow{}
}

// layout works out the columns' widths for a table w cells wide (a
// two-cell cursor gutter, two cells between columns) with
// render.FitColumns, the one table fitter: the growing columns take the
// room left, optional columns go when those would have fewer than minGrow
// cells, and no column is cut below its longest word while another can
// give way.
func (t *table) layout(w int) {
	spec := render.Columns{Room: max(0, w-2), Gap: 2, MinGrow: minGrow, Fill: true, Method: t.c.Method}
	for i, col := range t.cols {
		c := render.Column{Title: col.title, Cap: col.cap, Grow: col.grow, Drop: col.drop}
		for _, r := range t.rows {
			if i < len(r) {
				c.Cells = append(c.Cells, r[i])
			}
		}
		spec.Cols = append(spec.Cols, c)
	}
	fit := render.FitColumns(spec)
	t.widths, t.dropped = fit.Widths, fit.Dropped
}

// visible returns the rows [from, to) drawn in h lines (less the
// header), keeping the cursor in sight; a group heading takes a line.
func (t *table) visible(h int) (from, to int) {
	avail := h - 1
	t.cursor = clamp(t.cursor, 0, max(0, len(t.rows)-1))
	t.offset = clamp(t.offset, 0, max(0, len(t.rows)-1))
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	for t.offset < t.cursor && t.linesFor(t.offset, t.cursor+1) > avail {
		t.offset++
	}
	to = t.offset
	for to < len(t.rows) && t.linesFor(t.offset, to+1) <= avail {
		to++
	}
	return t.offset, to
}

// linesFor is the number of lines rows [from, to) take with their
// headings.
func (t *table) linesFor(from, to int) int {
	n := to - from
	if t.cursor >= from && t.cursor < to {
		n += len(t.fullText()) // tablefull.go
	}
	if t.group != nil {
		for i := from; i < to; i++ {
			if t.group(i) != "" {
				n++
			}
		}
	}
	return n
}

// draw returns the table in exactly h lines of exactly w cells: the
// header, then the rows around the cursor. rowAt maps each line to its
// row (-1 for the header, headings and blank lines).
func (t *table) draw(w, h int) (lines []string, rowAt []int) {
	if h <= 0 || w <= 0 {
		return nil, nil
	}
	t.ensure(w)
	st := t.c.Styles
	var hdr []string
	for i, col := range t.cols {
		if !t.dropped[i] {
			hdr = append(hdr, t.c.fit(col.title, t.widths[i]))
		}
	}
	lines = append(lines, t.c.fit("  "+st.Label.Render(strings.Join(hdr, "  ")), w))
	rowAt = append(rowAt, -1)
	from, to := t.visible(h)
	for i := from; i < to; i++ {
		if t.group != nil {
			if g := t.group(i); g != "" {
				lines = append(lines, t.c.fit(st.OverlayTitle.Render(g), w))
				rowAt = append(rowAt, -1)
			}
		}
		var cells []string
		for j := range t.cols {
			if t.dropped[j] {
				continue
			}
			s := ""
			if j < len(t.rows[i]) {
				s = t.rows[i][j]
			}
			if t.c.Method.StringWidth(s) > t.widths[j] {
				s = render.Slice(s, 0, max(0, t.widths[j]-1), t.c.Method) + "…"
			}
			cells = append(cells, t.c.fit(s, t.widths[j]))
		}
		row := strings.Join(cells, "  ")
		gutter := " "
		if t.mark != nil {
			if m := t.mark(i); m != "" {
				gutter = m
			}
		}
		if i == t.cursor {
			row = st.Selected.Render("›") + gutter + st.PaneTitleFocused.Render(row)
		} else {
			row = " " + gutter + row
		}
		lines = append(lines, t.c.fit(row, w))
		rowAt = append(rowAt, i)
		if i == t.cursor {
			for _, l := range t.fullText() { // the selected row's cut cells, in full
				lines = append(lines, t.c.fit(l, w))
				rowAt = append(rowAt, i)
			}
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
		rowAt = append(rowAt, -1)
	}
	return lines[:h], rowAt[:h]
}

// move moves the cursor by n rows.
func (t *table) move(n int) { t.cursor = clamp(t.cursor+n, 0, max(0, len(t.rows)-1)) }

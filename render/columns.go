package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Column describes one column of a table for FitColumns: what it holds
// and how it may give way when the table is too wide.
type Column struct {
	// Title is the header; Cells the plain text of each row's cell.
	Title string
	Cells []string
	// Cap is the widest the column is drawn (0: as wide as its content).
	Cap int
	// Grow marks a column that takes the room left over when Fill is set
	// (the long text of a table: a demand, a title).
	Grow bool
	// Drop, when not zero, lets the column go when the table cannot fit
	// without cutting words: the highest Drop goes first.
	Drop int
}

// Columns is a table's columns and the room it must fit in.
type Columns struct {
	Cols []Column
	// Room is the cells available for the columns and the gaps between
	// them; Gap the cells between two columns.
	Room, Gap int
	// Wrap says the cells wrap at spaces (`dossier print`): a column then
	// needs only its longest word. Without it each cell is one line, cut
	// with "…" (the reader's tables): a column other than a growing one
	// then needs its natural width, a growing one six cells.
	Wrap bool
	// MinGrow is the fewest cells a growing column keeps before droppable
	// columns go (0: its longest word is enough).
	MinGrow int
	// Fill hands the room left over to the growing columns (a view that
	// draws rows the full width); without it a table is as narrow as its
	// content.
	Fill bool
	// Method measures cells; the zero value is ansi.WcWidth.
	Method ansi.Method
}

// Fitted is the outcome of FitColumns: the width of each column (0 for a
// dropped one) and which columns were dropped.
type Fitted struct {
	Widths  []int
	Dropped []bool
}

// FitColumns works out the width of each column of a table. It is the one
// table-width fitter of the program (the reader's tables and `dossier
// print`'s use it), and it tries, in order:
//
//  1. every column at its natural width (its widest cell or title, within
//     Cap);
//  2. columns with no content at all go first;
//  3. columns with a Drop go, the highest first, while the others still
//     cannot keep their longest words (and MinGrow cells for a growing
//     column);
//  4. columns shrink, the widest first (a growing column counting as a
//     third of its width), but never below their longest word, so that
//     wrapping cuts no word that fits;
//  5. only then do columns shrink below their longest word (a word is cut
//     only when it is longer than its column), the widest first, down to
//     one cell;
//  6. a table with more columns than cells loses columns from the right.
//
// With Fill the room left over goes to the growing columns, in proportion
// to their natural width. FitColumns is pure.
func FitColumns(t Columns) Fitted {
	m := t.Method
	n := len(t.Cols)
	nat, need := make([]int, n), make([]int, n)
	empty := make([]bool, n)
	for i, c := range t.Cols {
		nat[i] = m.StringWidth(c.Title)
		need[i] = longestWord(c.Title, m)
		empty[i] = true
		for _, s := range c.Cells {
			nat[i] = max(nat[i], m.StringWidth(s))
			need[i] = max(need[i], longestWord(s, m))
			if strings.TrimSpace(s) != "" {
				empty[i] = false
			}
		}
		if c.Cap > 0 {
			nat[i] = min(nat[i], c.Cap)
		}
		nat[i] = max(nat[i], 1)
		switch {
		case !t.Wrap && c.Grow:
			need[i] = 6
		case !t.Wrap:
			need[i] = nat[i]
		}
		need[i] = max(1, min(need[i], nat[i]))
	}
	f := Fitted{Widths: append([]int(nil), nat...), Dropped: make([]bool, n)}
	room := func() int {
		shown := 0
		for i := range f.Dropped {
			if !f.Dropped[i] {
				shown++
			}
		}
		return t.Room - t.Gap*max(0, shown-1)
	}
	sum := func(w []int) int {
		s := 0
		for i, x := range w {
			if !f.Dropped[i] {
				s += x
			}
		}
		return s
	}
	// 2. empty columns go first
	if sum(nat) > room() {
		for i := range empty {
			if empty[i] && n > 1 {
				f.Dropped[i] = true
			}
		}
	}
	// 3. droppable columns go while the longest words (and MinGrow cells
	// for a growing column) cannot all be kept
	want := append([]int(nil), need...)
	for i, c := range t.Cols {
		if c.Grow {
			want[i] = max(need[i], min(nat[i], t.MinGrow))
		}
	}
	for sum(want) > room() {
		wi := -1
		for i, c := range t.Cols {
			if !f.Dropped[i] && c.Drop > 0 && (wi < 0 || c.Drop > t.Cols[wi].Drop) {
				wi = i
			}
		}
		if wi < 0 {
			break
		}
		f.Dropped[wi] = true
	}
	// the growing columns (the long text) count three times as wide when
	// choosing which column gives way
	weight := make([]int, n)
	for i, c := range t.Cols {
		weight[i] = 1
		if c.Grow {
			weight[i] = 3
		}
	}
	shrink(f.Widths, need, weight, f.Dropped, sum(f.Widths)-room())
	// 5. words are cut only now
	floor := make([]int, n)
	for i := range floor {
		floor[i] = 1
	}
	shrink(f.Widths, floor, weight, f.Dropped, sum(f.Widths)-room())
	// 6. more columns than cells: drop from the right
	for i := n - 1; i > 0 && sum(f.Widths) > room(); i-- {
		f.Dropped[i] = true
	}
	if r := room(); sum(f.Widths) > r {
		for i := range f.Widths {
			if !f.Dropped[i] {
				f.Widths[i] = max(0, r)
			}
		}
	}
	if t.Fill {
		fill(f.Widths, nat, t.Cols, f.Dropped, room()-sum(f.Widths))
	}
	for i := range f.Widths {
		if f.Dropped[i] {
			f.Widths[i] = 0
		}
	}
	return f
}

// shrink takes over cells from the widths, one at a time from the column
// widest for its weight still above its floor, until over is taken or
// none can give.
func shrink(w, floor, weight []int, dropped []bool, over int) {
	for ; over > 0; over-- {
		wi := -1
		for i := range w {
			if !dropped[i] && w[i] > floor[i] && (wi < 0 || w[i]*weight[wi] > w[wi]*weight[i]) {
				wi = i
			}
		}
		if wi < 0 {
			return
		}
		w[wi]--
	}
}

// fill hands left cells to the growing columns in proportion to their
// natural width (evenly when they have none), the last taking the rest.
func fill(w, nat []int, cols []Column, dropped []bool, left int) {
	if left <= 0 {
		return
	}
	var grow []int
	total := 0
	for i, c := range cols {
		if c.Grow && !dropped[i] {
			grow = append(grow, i)
			total += nat[i]
		}
	}
	rest := left
	for k, i := range grow {
		share := rest
		if k < len(grow)-1 {
			share = left / len(grow)
			if total > 0 {
				share = left * nat[i] / total
			}
		}
		w[i] += share
		rest -= share
	}
}

// longestWord is the width of the widest space-separated word of s.
func longestWord(s string, m ansi.Method) int {
	n := 0
	for _, f := range strings.Fields(s) {
		n = max(n, m.StringWidth(f))
	}
	return n
}

// WrapWords wraps text to width cells at spaces (never at a hyphen); a
// word longer than the width is cut, and only such a word. Styles (SGR)
// in the text are kept and not counted; leading spaces stay on the first
// line. It returns at least one line.
func WrapWords(s string, width int, m ansi.Method) []string {
	width = max(1, width)
	var out []string
	line := s[:len(s)-len(strings.TrimLeft(s, " "))]
	lw := len(line)
	if lw >= width {
		line, lw = "", 0
	}
	for _, word := range strings.Fields(s) {
		ww := m.StringWidth(word)
		for ww > width { // a word longer than the column: cut it
			if lw > 0 {
				out = append(out, line)
				line, lw = "", 0
			}
			head := m.Truncate(word, width, "")
			if head == "" { // a character wider than the column
				head = cutCells(word, width, m)
			}
			out = append(out, head)
			word = m.TruncateLeft(word, m.StringWidth(head), "")
			ww = m.StringWidth(word)
		}
		switch {
		case ww == 0:
		case lw == 0 || strings.TrimSpace(line) == "" && lw+ww <= width:
			line, lw = line+word, lw+ww
		case lw+1+ww <= width:
			line, lw = line+" "+word, lw+1+ww
		default:
			if strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
			line, lw = word, ww
		}
	}
	if lw > 0 || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// cutCells returns the longest prefix of a plain word at most width cells
// wide (at least one grapheme, so that the cutting ends).
func cutCells(word string, width int, m ansi.Method) string {
	n, w := 0, 0
	for _, g := range graphemes(word) {
		gw := m.StringWidth(g)
		if w+gw > width && n > 0 {
			break
		}
		n += len(g)
		w += gw
	}
	return word[:n]
}

// graphemes splits plain text into its grapheme clusters.
func graphemes(s string) []string {
	var out []string
	state := byte(0)
	for len(s) > 0 {
		seq, _, n, ns := ansi.GraphemeWidth.DecodeSequenceInString(s, state, nil)
		if n <= 0 {
			break
		}
		state = ns
		out = append(out, seq)
		s = s[n:]
	}
	return out
}

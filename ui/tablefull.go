package ui

import "strings"

// fullRow is the selected row's cut cells in full, wrapped for the
// table's width, and what it was made for.
type fullRow struct {
	row, w int
	lines  []string
	set    bool
}

// fullText returns lines under the selected row giving in full each of
// its cells that the columns cut ("↳ title: Head of delegation; …"),
// wrapped at the table's width; none when nothing is cut or the widths
// are not known yet.
func (t *table) fullText() []string {
	if t.widths == nil || t.cursor < 0 || t.cursor >= len(t.rows) || t.wFor < 30 {
		return nil
	}
	if f := t.full; f.set && f.row == t.cursor && f.w == t.wFor {
		return f.lines
	}
	var parts []string
	for j, col := range t.cols {
		if j >= len(t.rows[t.cursor]) {
			break
		}
		s := t.rows[t.cursor][j]
		if t.dropped[j] && strings.TrimSpace(s) != "" || !t.dropped[j] && t.c.Method.StringWidth(s) > t.widths[j] {
			parts = append(parts, t.c.Styles.Label.Render(col.title+": ")+s)
		}
	}
	var lines []string
	if len(parts) > 0 {
		wrapped := t.c.wrap(strings.Join(parts, t.c.Styles.Faint.Render(" · ")), t.wFor-8, 0)
		for i, l := range wrapped {
			lead := "      "
			if i == 0 {
				lead = "    " + t.c.Styles.Faint.Render("↳ ")
			}
			if i == 2 && len(wrapped) > 3 { // the details below give the rest
				l += " …"
			}
			lines = append(lines, lead+l)
			if len(lines) == 3 {
				break
			}
		}
	}
	t.full = fullRow{row: t.cursor, w: t.wFor, lines: lines, set: true}
	return lines
}

// ensure works out the columns' widths for w cells when they are not
// known for it, so that the table's height (which counts the selected
// row's full text) is the same before and after the first draw.
func (t *table) ensure(w int) {
	if t.widths == nil || t.wFor != w {
		t.layout(w)
		t.wFor = w
		t.full = fullRow{}
	}
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// listPane is the body of the table views (delegations, demands, sources,
// discrepancies): a table above, the details of the row under the cursor
// below, with a rule between them.
type listPane struct {
	c     *Common
	tbl   table
	w, h  int
	rowAt []int // the row drawn on each line of the table, for clicks
	// detail is the details of the current row, wrapped for detailFor
	detail    []string
	detailFor detailKey
	detailOff int // lines of the details scrolled past
	// keep is a line of the details to keep in sight (a cursor in them),
	// -1 for none.
	keep int
}

// detailKey is what the wrapped details were made for.
type detailKey struct {
	row, w int
	gen    int
}

// tableHeight is how many lines the table takes: its rows and headings
// and header, at most a little over half the body.
func (p *listPane) tableHeight() int {
	n := p.tbl.linesFor(0, len(p.tbl.rows)) + 1
	return clamp(n, min(3, p.h), max(3, p.h*11/20))
}

// draw returns the body: the table, a rule, the details from detail
// (called only when the row or width changed), exactly p.h lines of p.w
// cells. gen changes when what the rows show changed.
func (p *listPane) draw(gen int, detail func(row, w int) []string, empty string) []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	if len(p.tbl.rows) == 0 {
		lines := blankLines(p.h, p.w)
		lines[min(p.h-1, p.h/3)] = p.c.fit("  "+p.c.Styles.Faint.Render(empty), p.w)
		p.rowAt = nil
		return lines
	}
	p.tbl.ensure(p.w) // tablefull.go: the height counts the selected row's full text
	th := p.tableHeight()
	lines, rowAt := p.tbl.draw(p.w, th)
	p.rowAt = rowAt
	rest := p.h - th - 1
	if rest < 0 {
		return lines[:p.h]
	}
	lines = append(lines, p.rule(rowAt))
	k := detailKey{row: p.tbl.cursor, w: p.w - 4, gen: gen}
	if k != p.detailFor {
		p.detail, p.detailFor, p.detailOff = detail(k.row, k.w), k, 0
	}
	if p.keep >= 0 {
		p.detailOff = clamp(p.detailOff, p.keep-rest+2, p.keep)
	}
	p.detailOff = clamp(p.detailOff, 0, max(0, len(p.detail)-rest))
	for i := 0; i < rest; i++ {
		s := ""
		if j := p.detailOff + i; j < len(p.detail) {
			s = p.detail[j]
		}
		if i == rest-1 && p.detailOff+rest < len(p.detail) {
			s = p.c.Styles.Faint.Render("… more below: pgdn")
		}
		lines = append(lines, p.c.fit("  "+s, p.w))
	}
	return lines
}

// key moves the cursor or scrolls the details; false for another key.
func (p *listPane) key(msg tea.KeyPressMsg) bool {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Down):
		p.tbl.move(1)
	case key.Matches(msg, k.Up):
		p.tbl.move(-1)
	case key.Matches(msg, k.Top):
		p.tbl.move(-len(p.tbl.rows))
	case key.Matches(msg, k.Bottom):
		p.tbl.move(len(p.tbl.rows))
	case key.Matches(msg, k.PageDown):
		p.detailOff += max(1, p.h-p.tableHeight()-3)
	case key.Matches(msg, k.PageUp):
		p.detailOff -= max(1, p.h-p.tableHeight()-3)
	default:
		return false
	}
	return true
}

// detailLine returns the line of the details shown at line y of the
// body, -1 when y is not in the details.
func (p *listPane) detailLine(y int) int {
	top := p.tableHeight() + 1
	if y < top || y >= p.h {
		return -1
	}
	return y - top + p.detailOff
}

// mouse selects the clicked row (reporting which, or -1) and scrolls
// with the wheel.
func (p *listPane) mouse(msg tea.Msg) int {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		m := msg.Mouse()
		if m.Button == tea.MouseLeft && m.Y >= 0 && m.Y < len(p.rowAt) && p.rowAt[m.Y] >= 0 {
			p.tbl.cursor = p.rowAt[m.Y]
			return p.tbl.cursor
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelDown:
			p.tbl.move(1)
		case tea.MouseWheelUp:
			p.tbl.move(-1)
		}
	}
	return -1
}

// wrap wraps styled text to w cells, each following line indented.
func (c *Common) wrap(s string, w, indent int) []string {
	var out []string
	pre := strings.Repeat(" ", indent)
	for i, l := range strings.Split(c.Method.Wrap(s, max(1, w-indent), ""), "\n") {
		if i > 0 || indent < 0 {
			l = pre + l
		}
		out = append(out, l)
	}
	return out
}

// field wraps "label: text" for the details, the label styled; nothing
// when text is empty.
func (c *Common) field(label, text string, w int) []string {
	text = inline(text)
	if text == "" {
		return nil
	}
	return c.wrap(c.Styles.Label.Render(label+": ")+text, w, 2)
}

// inline makes inline Markdown plain text on one line: sanitised, without
// emphasis marks.
func inline(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(render.Clean(s))
	return strings.Join(strings.Fields(s), " ")
}

// sourceList names the sources cited, with their grades: "Dawn B, MNTV C".
func (c *Common) sourceList(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, render.Badge(c.Base, id, 0))
	}
	return strings.Join(out, ", ")
}

// dayList names days: "25 Oct, 26 Oct".
func (c *Common) dayList(ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, render.DayTag(c.Base, id))
	}
	return strings.Join(out, ", ")
}

// rule is the line between the table and the details; it says how many
// rows the table has below the ones shown ("── 1 more row below: ↓ ─").
func (p *listPane) rule(rowAt []int) string {
	last := -1
	for _, r := range rowAt {
		last = max(last, r)
	}
	more := len(p.tbl.rows) - 1 - last
	if more <= 0 || p.w < 30 {
		return p.c.Styles.Border.Render(strings.Repeat("─", p.w))
	}
	note := " " + plural(more, "more row", "more rows") + " below: " + p.c.Keys.Down.Help().Key + " "
	n := p.c.Method.StringWidth(note)
	return p.c.Styles.Border.Render(strings.Repeat("─", max(0, p.w-n-2))) + p.c.Styles.Faint.Render(note) + p.c.Styles.Border.Render("──")
}

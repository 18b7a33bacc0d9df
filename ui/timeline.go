package ui

import (
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// stripLines is the height of the timeline strip: day labels, two rows of
// bars, and the hours as figures.
const stripLines = 4

// eighths are the block elements a bar is drawn with, from empty to full.
var eighths = []rune(" ▁▂▃▄▅▆▇█")

// hoursText writes hours as "9h" or "9.5h".
func hoursText(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64) + "h"
}

// stripCell is one day of the strip, before it is placed.
type stripCell struct {
	label string
	bars  [2]string // upper and lower row
	figs  string    // "9h", "9≠11h"
	dis   bool      // sources disagree (on the hours, or on what the day was)
	phase dossier.Phase
	// status marks a rest day ("rest" under the bars) and a disputed one
	// ("talks?" in the alert style: whether talks were held is the question).
	status dossier.DayStatus
	kind   string // the figure line when there are no hours
}

// bar returns the two rows of a vertical bar for hours out of 24.
func bar(hours float64) (upper, lower rune) {
	n := int(hours/24*16 + 0.5)
	n = clamp(n, 0, 16)
	if hours > 0 && n == 0 {
		n = 1
	}
	if n <= 8 {
		return ' ', eighths[n]
	}
	return eighths[n-8], eighths[8]
}

// cellOf works out a day's cell: a bar per hours report, side by side.
// flagged marks a day with a discrepancy (⚑ after its label).
func cellOf(day *dossier.Day, flagged bool) stripCell {
	c := stripCell{label: day.ID, phase: day.Phase, status: day.Status, kind: day.Phase.String()}
	switch day.Status {
	case dossier.DayRest:
		c.kind = "rest"
	case dossier.DayDisputed:
		c.kind = "?"
		for _, r := range day.Readings {
			if r.As == "talks" || (c.kind == "?" && r.As != "") {
				c.kind = r.As + "?"
			}
		}
	}
	if !day.Date.IsZero() {
		c.label = day.Date.Format("2 Jan")
	}
	if flagged {
		c.label += "⚑"
	}
	var up, lo []string
	var figs []string
	for _, h := range day.Hours {
		u, l := bar(h.Hours)
		up, lo = append(up, string(u)), append(lo, string(l))
		figs = append(figs, strings.TrimSuffix(hoursText(h.Hours), "h"))
	}
	c.dis = disagree(day.Hours) || day.Status == dossier.DayDisputed
	c.bars = [2]string{strings.Join(up, " "), strings.Join(lo, " ")}
	if len(figs) > 0 {
		sep := "/"
		if c.dis {
			sep = "≠"
		}
		c.figs = strings.Join(figs, sep) + "h"
	}
	return c
}

// ruleBefore reports whether the strip draws a rule before day i: between
// phases, and on both sides of a day in dispute, so that the strip files
// it with neither the talks nor the days after.
func ruleBefore(days []dossier.Day, i int) bool {
	if i == 0 {
		return false
	}
	a, b := &days[i-1], &days[i]
	return a.Phase != b.Phase || a.Status == dossier.DayDisputed || b.Status == dossier.DayDisputed
}

// strip draws the timeline: every day of the dossier (as the filters show
// its hours), the selected one highlighted, a rule between the phases;
// exactly stripLines lines of w cells. When the days do not fit, the strip
// scrolls to keep the selected day in sight, with ‹ › at the cut ends.
// spans reports the columns of each day's cell, for clicks.
func (c *Common) strip(w int) (lines []string, spans [][2]int) {
	days := c.Dossier.Days
	st := c.Styles
	cells := make([]stripCell, len(days))
	cw := 0
	for i := range days {
		cells[i] = cellOf(&days[i], len(c.Dossier.DayDiscrepancies(days[i].ID)) > 0)
		cw = max(cw, c.Method.StringWidth(cells[i].label), c.Method.StringWidth(cells[i].figs), c.Method.StringWidth(cells[i].bars[0]), c.Method.StringWidth(cells[i].kind))
	}
	cw += 2
	// the x of each cell, with a one-cell rule between phases
	xs := make([]int, len(days))
	x := 0
	for i := range days {
		if ruleBefore(days, i) {
			x++
		}
		xs[i] = x
		x += cw
	}
	total := x
	sel := clamp(c.Day, 0, max(0, len(days)-1))
	shift := 0
	if total > w-2 && len(days) > 0 {
		shift = clamp(xs[sel]+cw/2-(w-2)/2, 0, total-(w-2))
	}
	rows := [stripLines][]string{}
	rowW := [stripLines]int{}
	put := func(r int, col int, s string, styled string) {
		if col > rowW[r] {
			rows[r] = append(rows[r], strings.Repeat(" ", col-rowW[r]))
			rowW[r] = col
		}
		rows[r] = append(rows[r], styled)
		rowW[r] += c.Method.StringWidth(s)
	}
	center := func(s string) int { return (cw - c.Method.StringWidth(s)) / 2 }
	for i := range days {
		cl := cells[i]
		x0 := xs[i] - shift + 1
		if ruleBefore(days, i) && x0-1 >= 1 && x0-1 < w-1 {
			for r := range stripLines {
				put(r, x0-1, "┊", st.Faint.Render("┊"))
			}
		}
		if x0 < 1 || x0+cw > w-1 {
			spans = append(spans, [2]int{-1, -1})
			continue
		}
		spans = append(spans, [2]int{x0, x0 + cw})
		label := " " + cl.label + " "
		ls := st.Header.Render(label)
		switch {
		case i == sel:
			ls = st.Selected.Render(label)
		case cl.phase != dossier.PhaseTalks || cl.status == dossier.DayRest:
			ls = st.Faint.Render(label)
		}
		put(0, x0+center(label), label, ls)
		barSt := st.Status
		if cl.dis {
			barSt = st.StatusAlert
		}
		for r := range 2 {
			if cl.bars[r] != "" {
				put(1+r, x0+center(cl.bars[r]), cl.bars[r], barSt.Render(cl.bars[r]))
			}
		}
		fig := cl.figs
		if fig == "" && (cl.phase != dossier.PhaseTalks || cl.status != dossier.DayPlain) {
			fig = cl.kind
		}
		fs := st.Faint.Render(fig)
		if cl.dis {
			fs = st.StatusAlert.Render(fig)
		}
		put(3, x0+center(fig), fig, fs)
	}
	for r := range stripLines {
		line := strings.Join(rows[r], "")
		if r == 0 {
			if shift > 0 {
				line = "‹" + render.Slice(line, 1, w, c.Method)
			}
			if total-shift > w-2 {
				line = render.Slice(line, 0, w-1, c.Method) + "›"
			}
		}
		lines = append(lines, c.fit(line, w))
	}
	return lines, spans
}

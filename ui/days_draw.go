package ui

import (
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// buildTop draws the strip and the day's title for a request.
func (v *daysView) buildTop(r dayReq) {
	if v.topOf == r && v.top != nil {
		return
	}
	v.topOf = r
	c, st := v.c, v.c.Styles
	v.top, v.spans = nil, nil
	if v.h >= 12 {
		v.top, v.spans = c.strip(v.w)
	}
	day := v.day()
	title := " " + st.HeaderTitle.Render(c.cut(c.dayTitle(day), v.w-1)) // cut with …, never mid-word unmarked
	v.top = append(v.top, c.fit(title, v.w), v.rule(day))
}

// rule is the line under the day's title: the hours of talks as each
// source gives them (marked when they disagree), and the two accounts.
func (v *daysView) rule(day *dossier.Day) string {
	c, st := v.c, v.c.Styles
	left := ""
	switch {
	case day.Status == dossier.DayDisputed:
		left = st.Label.Render("in dispute: ") + st.StatusAlert.Render(readingsLine(c, day))
		if len(day.Hours) > 0 {
			left += st.Label.Render(" · hours: ") + st.Header.Render(hoursLine(c, day))
		}
	case day.Status == dossier.DayRest && len(day.Hours) == 0:
		left = st.Label.Render("no talks: ") + st.Header.Render("rest day")
	case day.Phase == dossier.PhaseTalks || len(day.Hours) > 0:
		hs := hoursLine(c, day)
		if hs == "" {
			hs = "no report of the hours"
		}
		hst := st.Header
		if disagree(day.Hours) {
			hst = st.StatusAlert
		}
		left = st.Label.Render("hours: ") + hst.Render(hs)
	}
	right := st.Label.Render("claims: ") + st.Header.Render(c.AccountName(c.Pair[0])+" │ "+c.AccountName(c.Pair[1]))
	lw, rw := c.Method.StringWidth(left), c.Method.StringWidth(right)
	if lw+rw+8 > v.w {
		right, rw = "", 0
	}
	if lw+6 > v.w {
		left = render.Slice(left, 0, max(0, v.w-7), c.Method) + "…"
		lw = c.Method.StringWidth(left)
	}
	line := st.Border.Render("─")
	if left != "" {
		line += st.Border.Render(" ") + left + " "
	}
	fill := v.w - c.Method.StringWidth(line) - rw - 3
	line += st.Border.Render(strings.Repeat("─", max(0, fill)))
	if right != "" {
		line += " " + right + st.Border.Render(" ─")
	}
	return c.fit(line, v.w)
}

// dayTitle is "Sun 26 Oct 2025 · Day 2 (Sunday) · talks" (or "· rest
// day", "· in dispute: talks or after").
func (c *Common) dayTitle(day *dossier.Day) string {
	s := render.Clean(day.ID)
	if !day.Date.IsZero() {
		s = day.Date.Format("Mon 2 Jan 2006")
	}
	if day.Label != "" {
		s += " · " + render.Clean(day.Label)
	}
	return s + " · " + day.Kind()
}

func (v *daysView) Body() []string {
	if v.w <= 0 || v.h <= 0 {
		return nil
	}
	if v.day() == nil {
		lines := blankLines(v.h, v.w)
		lines[v.h/2] = v.c.fit("  "+v.c.Styles.Faint.Render("This dossier has no days."), v.w)
		return lines
	}
	if v.topOf != v.req() {
		v.buildTop(v.req())
	}
	out := append([]string(nil), v.top...)
	if len(out) > v.h {
		return out[:v.h]
	}
	dh := v.h - len(out)
	fresh := v.doc != nil && v.doc.req.day == v.req().day && v.doc.req.d == v.c.Dossier
	if !fresh {
		out = append(out, v.c.fit("  "+v.c.Styles.Faint.Render("rendering…"), v.w))
		for len(out) < v.h {
			out = append(out, blankLines(1, v.w)[0])
		}
		return out
	}
	stale := v.doc.req.width != v.w-2 || v.doc.req.method != v.c.Method
	var cur render.DayBlock
	if len(v.doc.Blocks) > 0 {
		cur = v.doc.Blocks[clamp(v.item, 0, len(v.doc.Blocks)-1)]
	}
	cursor := v.c.Styles.Cursor.Render("▌")
	for i := 0; i < dh; i++ {
		y := v.off + i
		if y >= len(v.doc.Lines) {
			out = append(out, blankLines(1, v.w)[0])
			continue
		}
		l := v.doc.Lines[y]
		if stale {
			l = v.c.fit(l, v.w-2)
		}
		l = v.tagDay(l, y) // notes_keys.go: ★ ✎ changed new beside each claim
		pre := " "
		if cur.Height > 0 && y >= cur.Start && y < cur.Start+cur.Height {
			pre = cursor
		}
		out = append(out, v.c.fit(pre+l+" ", v.w))
	}
	return out
}

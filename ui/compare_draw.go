package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// Location shows the topic's title, its place among the topics and the
// days it spans.
func (v *compareView) Location() string {
	t := v.topic()
	if t == nil {
		return "no topics"
	}
	// the topic's title comes last, the first to be cut: the panes'
	// titles repeat it
	s := "topic " + strconv.Itoa(v.nav.Topic+1) + "/" + strconv.Itoa(len(v.c.Dossier.Topics))
	if span := daySpan(v.c.Dossier, t.Days); span != "" {
		s += " · " + span
	}
	return s + " · " + render.Clean(t.Title)
}

// daySpan writes the days a topic spans as "25–28 Oct" or "30 Oct–2 Nov".
func daySpan(d *dossier.Dossier, ids []string) string {
	var first, last *dossier.Day
	for _, id := range ids {
		day, ok := d.Day(id)
		if !ok || day.Date.IsZero() {
			continue
		}
		if first == nil || day.Date.Before(first.Date) {
			first = day
		}
		if last == nil || day.Date.After(last.Date) {
			last = day
		}
	}
	switch {
	case first == nil:
		return ""
	case first.Date.Equal(last.Date):
		return first.Date.Format("2 Jan")
	case first.Date.Month() == last.Date.Month() && first.Date.Year() == last.Date.Year():
		return fmt.Sprintf("%d–%s", first.Date.Day(), last.Date.Format("2 Jan"))
	default:
		return first.Date.Format("2 Jan") + "–" + last.Date.Format("2 Jan")
	}
}

// Body draws the panes from the layout's lines: no rendering happens here.
func (v *compareView) Body() []string {
	if v.w <= 0 || v.h <= 0 {
		return nil
	}
	t := v.topic()
	if t == nil {
		return v.message("This dossier has no topics yet.")
	}
	if v.h < 3 {
		return blankLines(v.h, v.w)
	}
	v.fitSummary()
	if v.three() {
		return v.withSummary(t, v.drawThree(t)) // topicsummary.go
	}
	if v.wide() {
		return v.withSummary(t, v.drawWide(t)) // topicsummary.go
	}
	return v.withSummary(t, v.drawTabs(t))
}

// message fills the body with one centred faint line.
func (v *compareView) message(s string) []string {
	lines := blankLines(v.h, v.w)
	pad := max(0, (v.w-v.c.Method.StringWidth(s))/2)
	lines[v.h/2] = v.c.fit(strings.Repeat(" ", pad)+v.c.Styles.Faint.Render(s), v.w)
	return lines
}

// pane is what a pane shows: its content lines (each exactly the text
// width), the gutter mark beside each, and whether the line belongs to
// the current claim (the one Enter explains).
type pane struct {
	lines, marks []string
	current      []bool
}

// pad returns the cell left of line i's text: the current-claim mark or a
// space.
func (p *pane) pad(i int, cursor string) string {
	if p.current[i] {
		return cursor
	}
	return " "
}

// pane slices the layout for one side (2 is the third pane of three side
// by side, which scrolls with the right one); nothing is rendered here
// except while a layout for a new width is on its way, when the old one
// is cut to fit.
func (v *compareView) pane(side int, tw int) pane {
	ph := v.paneHeight()
	p := pane{lines: make([]string, ph), marks: make([]string, ph), current: make([]bool, ph)}
	lay := v.lay
	req := v.req()
	usable := lay != nil && lay.Topic == req.topic && lay.Pair == req.pair && lay.Third == req.third
	if side == 2 {
		usable = usable && lay.Third != ""
	}
	blank := strings.Repeat(" ", tw)
	for i := range p.lines {
		p.lines[i], p.marks[i] = blank, " "
	}
	if !usable {
		if ph > 0 {
			p.lines[0] = v.c.fit(v.c.Styles.Faint.Render("rendering…"), tw)
		}
		return p
	}
	stale := lay.Width != tw || lay.Method != v.c.Method
	src, marks, off := lay.ThirdLines, lay.ThirdMarks, v.nav.Offset[1]
	if side < 2 {
		src, marks, off = lay.Lines[side], lay.Marks, v.nav.Offset[side]
	}
	level := v.nav.Offset[0] == v.nav.Offset[1]
	// the cursor marks the lines of the claim enter opens, and no
	// placeholder or padding
	var cur render.Row
	hasCur := false
	if i := v.current(); i >= 0 {
		switch {
		case v.thirdFocused():
			cur, hasCur = lay.Rows[i], side == 2 && lay.Rows[i].Cells[2].Shown()
		case side < 2:
			if ms, ok := v.markedSide(i); ok && int(ms) == side {
				cur, hasCur = lay.Rows[i], true
			}
		}
	}
	for i := range p.lines {
		y := off + i
		if y >= len(src) {
			break
		}
		l := src[y]
		if stale {
			l = v.c.fit(l, tw)
		}
		p.lines[i] = l
		if level && y < len(marks) {
			p.marks[i] = marks[y]
		}
		h := cur.ThirdHeight
		if side < 2 {
			h = cur.Heights[side]
		}
		p.current[i] = hasCur && y >= cur.Start && y < cur.Start+h
	}
	v.tagPane(&p, side, off, tw) // notes_keys.go: bookmark, note, new
	return p
}

// scrollNote says where a pane is: "top", "end" or a percentage.
func (v *compareView) scrollNote(side int) string {
	if v.lay == nil {
		return ""
	}
	hi := v.lay.Len() - v.paneHeight()
	off := v.nav.Offset[side]
	switch {
	case hi <= 0:
		return ""
	case off <= 0:
		return "top"
	case off >= hi:
		return "end"
	}
	return strconv.Itoa(off*100/hi) + "%"
}

// paneTitle is "Account · Topic" (side 2: the third pane of three).
func (v *compareView) paneTitle(side int, t *dossier.Topic) string {
	st := v.c.Styles.PaneTitle
	focused := side == int(v.nav.Focus)
	if v.three() {
		focused = side == v.acct
	}
	if focused {
		st = v.c.Styles.PaneTitleFocused
	}
	id := v.c.Third
	if side < 2 {
		id = v.pair()[side]
	}
	return st.Render(v.c.AccountName(id) + " · " + render.Clean(t.Title))
}

// chrome is the frame around the panes, drawn once for a given size,
// topic, pair, focus, style and scroll position rather than every frame.
type chrome struct {
	key            chromeKey
	top, bottom    string
	bars           [2]string
	bar3           string // the third pane's border, three side by side
	cursor, gutter string
}

type chromeKey struct {
	w, h   int
	topic  string
	pair   [2]string
	third  string
	acct   int
	focus  Focus
	styles *Styles
	notes  [2]string
}

// frameParts returns the chrome for the current state, redrawing it only
// when something it shows changed.
func (v *compareView) frameParts(t *dossier.Topic) *chrome {
	k := chromeKey{w: v.w, h: v.h, topic: t.ID, pair: v.pair(), third: v.c.Third, acct: v.acct, focus: v.nav.Focus, styles: v.c.Styles,
		notes: [2]string{v.scrollNote(0), v.scrollNote(1)}}
	if v.chrome != nil && v.chrome.key == k {
		return v.chrome
	}
	if v.chrome != nil && v.chrome.key.sameTop(k) {
		// only the scroll position changed: redraw the bottom border
		ch := *v.chrome
		ch.key = k
		ch.bottom = v.bottomBorder(k.notes)
		v.chrome = &ch
		return v.chrome
	}
	st := v.c.Styles
	ch := &chrome{key: k, cursor: st.Cursor.Render("▌")}
	tw := v.textWidth()
	switch {
	case v.three():
		extra := v.w - (3*tw + 14) // odd columns go to the third pane
		border := [3]lipgloss.Style{st.Border, st.Border, st.Border}
		border[v.acct] = st.BorderFocused
		ch.bars = [2]string{border[0].Render("│"), border[1].Render("│")}
		ch.bar3 = border[2].Render("│")
		ch.top = v.c.boxTop(v.paneTitle(0, t), tw+2, border[0]) + " " + v.c.boxTop(v.paneTitle(1, t), tw+2, border[1]) +
			" " + v.c.boxTop(v.paneTitle(2, t), tw+2+extra, border[2])
	case v.wide() && v.c.Third != "":
		// the right pane is a tab between the pair's right account and
		// the third
		extra := v.w - (2*tw + 9)
		border := [2]lipgloss.Style{st.Border, st.Border}
		border[v.nav.Focus] = st.BorderFocused
		ch.bars = [2]string{border[0].Render("│"), border[1].Render("│")}
		ch.top = v.c.boxTop(v.paneTitle(0, t), tw+2, border[0]) + " " + v.c.boxTop(v.thirdTabs(t), tw+2+extra, border[1])
	case v.wide():
		extra := v.w - (2*tw + 9) // an odd column goes to the right pane
		border := [2]lipgloss.Style{st.Border, st.Border}
		border[v.nav.Focus] = st.BorderFocused
		ch.bars = [2]string{border[0].Render("│"), border[1].Render("│")}
		ch.top = v.c.boxTop(v.paneTitle(0, t), tw+2, border[0]) + " " + v.c.boxTop(v.paneTitle(1, t), tw+2+extra, border[1])
	default:
		side := int(v.nav.Focus)
		ids := []string{v.c.Pair[0], v.c.Pair[1]}
		on := side
		if v.c.Third != "" {
			ids = append(ids, v.c.Third)
			on = v.acct
		}
		var tabs []string
		for s, id := range ids {
			name := v.c.AccountName(id)
			if s == on {
				tabs = append(tabs, st.PaneTitleFocused.Render("["+name+"]"))
			} else {
				tabs = append(tabs, st.TabInactive.Render(" "+name+" "))
			}
		}
		title := strings.Join(tabs, st.Border.Render("│")) + st.PaneTitle.Render(" · "+render.Clean(t.Title))
		bar := st.BorderFocused.Render("│")
		ch.bars = [2]string{bar, bar}
		ch.top = " " + v.c.boxTop(title, tw+2, st.BorderFocused)
	}
	ch.bottom = v.bottomBorder(k.notes)
	v.chrome = ch
	return ch
}

// sameTop reports whether two chrome keys differ at most in the scroll
// notes, which only the bottom border shows.
func (k chromeKey) sameTop(o chromeKey) bool {
	k.notes = o.notes
	return k == o
}

// bottomBorder draws the bottom border(s) with the scroll notes.
func (v *compareView) bottomBorder(notes [2]string) string {
	st := v.c.Styles
	tw := v.textWidth()
	if !v.wide() {
		return " " + v.c.boxBottom(notes[v.nav.Focus], tw+2, st.BorderFocused)
	}
	if v.three() {
		extra := v.w - (3*tw + 14)
		border := [3]lipgloss.Style{st.Border, st.Border, st.Border}
		border[v.acct] = st.BorderFocused
		return v.c.boxBottom(notes[0], tw+2, border[0]) + " " + v.c.boxBottom(notes[1], tw+2, border[1]) +
			" " + v.c.boxBottom("", tw+2+extra, border[2])
	}
	extra := v.w - (2*tw + 9)
	border := [2]lipgloss.Style{st.Border, st.Border}
	border[v.nav.Focus] = st.BorderFocused
	return v.c.boxBottom(notes[0], tw+2, border[0]) + " " + v.c.boxBottom(notes[1], tw+2+extra, border[1])
}

func (v *compareView) drawWide(t *dossier.Topic) []string {
	tw := v.textWidth()
	extra := v.w - (2*tw + 9) // an odd column goes to the right pane
	panes := [2]pane{v.pane(0, tw), v.pane(1, tw)}
	ch := v.frameParts(t)
	bars, cursor := ch.bars, ch.cursor
	rightPad := strings.Repeat(" ", 1+extra)

	out := make([]string, 0, v.h)
	out = append(out, ch.top)
	for i := range panes[0].lines {
		mark := panes[0].marks[i]
		if mark == " " {
			mark = panes[1].marks[i]
		}
		out = append(out, bars[0]+panes[0].pad(i, cursor)+panes[0].lines[i]+" "+bars[0]+
			mark+bars[1]+panes[1].pad(i, cursor)+panes[1].lines[i]+rightPad+bars[1])
	}
	out = append(out, ch.bottom)
	return out
}

func (v *compareView) drawTabs(t *dossier.Topic) []string {
	tw := v.textWidth()
	side := int(v.nav.Focus)
	p := v.pane(side, tw)
	ch := v.frameParts(t)
	bar := ch.bars[0]

	out := make([]string, 0, v.h)
	out = append(out, ch.top)
	for i := range p.lines {
		out = append(out, p.marks[i]+bar+p.pad(i, ch.cursor)+p.lines[i]+" "+bar)
	}
	out = append(out, ch.bottom)
	return out
}

// thirdTabs is the right pane's title when it is a tab between the pair's
// right account and the third: "[Ardon]│ Corvian mediators  · Topic".
func (v *compareView) thirdTabs(t *dossier.Topic) string {
	st := v.c.Styles
	var tabs []string
	for i, id := range []string{v.c.Pair[1], v.c.Third} {
		name := v.c.AccountName(id)
		if (i == 1) == v.showThird {
			s := st.PaneTitle
			if v.nav.Focus == FocusRight {
				s = st.PaneTitleFocused
			}
			tabs = append(tabs, s.Render("["+name+"]"))
		} else {
			tabs = append(tabs, st.TabInactive.Render(" "+name+" "))
		}
	}
	return strings.Join(tabs, st.Border.Render("│")) + st.PaneTitle.Render(" · "+render.Clean(t.Title))
}

// drawThree draws three panes side by side, aligned on the same rows,
// with the marks of each neighbouring pair in the gutters between them.
// They scroll together (the third with the right one).
func (v *compareView) drawThree(t *dossier.Topic) []string {
	tw := v.textWidth()
	extra := v.w - (3*tw + 14)
	panes := [3]pane{v.pane(0, tw), v.pane(1, tw), v.pane(2, tw)}
	ch := v.frameParts(t)
	bars, cursor := ch.bars, ch.cursor
	lastPad := strings.Repeat(" ", 1+extra)
	out := make([]string, 0, v.h)
	out = append(out, ch.top)
	for i := range panes[0].lines {
		out = append(out, bars[0]+panes[0].pad(i, cursor)+panes[0].lines[i]+" "+bars[0]+
			panes[0].marks[i]+bars[1]+panes[1].pad(i, cursor)+panes[1].lines[i]+" "+bars[1]+
			panes[2].marks[i]+ch.bar3+panes[2].pad(i, cursor)+panes[2].lines[i]+lastPad+ch.bar3)
	}
	out = append(out, ch.bottom)
	return out
}

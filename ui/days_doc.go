package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// dayReq is what a day's document is laid out for; a DayDocMsg for any
// other is late and dropped.
type dayReq struct {
	d      *dossier.Dossier
	day    string
	pair   [2]string
	width  int
	side   Focus // the account shown when the columns are tabs
	wide   bool
	style  render.Style
	method ansi.Method
}

// dayDoc is a day laid out for the days view: its events, then each topic
// with claims about the day, the two accounts aligned as in the compare
// view. Every line is exactly req.width cells.
type dayDoc struct {
	req    dayReq
	lines  []string
	blocks []dayBlock
	// events is the number of events shown, claims the claims of each
	// side, for tests and the location.
	events int
	claims [2]int
	// eventAt holds the first line of each event shown, by its position
	// in the dossier (the same in the dossier as loaded and as filtered).
	eventAt map[dossier.Pos]int
}

// dayBlock is one topic in a day's document.
type dayBlock struct {
	topic string // topic id
	first string // id of the first claim, to open the compare view on
	// account is the first claim's account.
	account string
	start   int // line of the block's title
	height  int
}

// DayDocMsg carries a day's document rendered off the key path.
type DayDocMsg struct{ doc *dayDoc }

// dayDocStyles are the chrome styles a document is built with, copied
// so that building it off the key path reads nothing the session changes.
type dayDocStyles struct {
	heading, faint, label, cursor lipgloss.Style
}

// buildDayDoc lays a day out. It renders through the shared cache and may
// take a while the first time; it reads only its arguments.
func buildDayDoc(req dayReq, cache *render.Cache, names [2]string, st dayDocStyles) *dayDoc {
	doc := &dayDoc{req: req, eventAt: map[dossier.Pos]int{}}
	d, w, m := req.d, req.width, req.method
	day, ok := d.Day(req.day)
	if !ok {
		return doc
	}
	add := func(s string) { doc.lines = append(doc.lines, render.Fit(s, w, m)) }
	add(st.heading.Render("Events"))
	if len(day.Events) == 0 {
		add(st.faint.Render("  no event reported (or none the filters let through)"))
	}
	for i, ev := range day.Events {
		pseudo := dossier.Claim{ID: "event:" + day.ID + ":" + strconv.Itoa(i), Text: ev.Text, Sources: ev.Sources}
		lines := cache.Claim(d, &pseudo, max(1, w-2), req.style)
		doc.eventAt[ev.Pos] = len(doc.lines)
		for j, l := range lines {
			pre := "  "
			if j == 0 {
				pre = "• "
				if ev.Account != "" {
					l += st.faint.Render("  " + accountName(d, ev.Account) + " version")
				}
			}
			add(pre + l)
		}
		doc.events++
	}
	add("")
	// the claims, topic by topic
	var heads [2]string
	for side := range heads {
		heads[side] = names[side]
	}
	add(st.heading.Render("What the accounts say about " + render.DayTag(d, day.ID)))
	pw := paneWidth(w, req.wide)
	if req.wide {
		add(st.label.Render(render.Fit(heads[0], pw, m)) + "   " + st.label.Render(heads[1]))
	} else {
		add(tabTitle(heads, req.side, st))
	}
	for ti := range d.Topics {
		t := &d.Topics[ti]
		// the claims about the day, with their counterparts named where
		// they are about another day (dossier.Relate, as everywhere)
		lay := cache.CompareDay(d, t, day.ID, req.pair, pw, req.style, m)
		if len(lay.Rows) == 0 {
			continue
		}
		b := dayBlock{topic: t.ID, start: len(doc.lines)}
		for _, r := range lay.Rows {
			for side, id := range r.IDs {
				if id == "" {
					continue
				}
				doc.claims[side]++
				if b.first == "" {
					b.first, b.account = id, req.pair[side]
				}
			}
		}
		add("")
		b.start = len(doc.lines)
		add("  " + st.heading.Render(render.Clean(t.Title)) + st.faint.Render("  · enter opens it in the compare view"))
		for y := 0; y < lay.Len(); y++ {
			if req.wide {
				add(lay.Lines[0][y] + " " + lay.Marks[y] + " " + lay.Lines[1][y])
			} else {
				add(lay.Marks[y] + " " + lay.Lines[req.side][y])
			}
		}
		b.height = len(doc.lines) - b.start
		doc.blocks = append(doc.blocks, b)
	}
	if len(doc.blocks) == 0 {
		add(st.faint.Render("  Neither account has a claim about this day."))
	}
	return doc
}

// paneWidth is the width each account's column is laid out at: side by
// side "left ≠ right", or one at a time after a gutter mark.
func paneWidth(w int, wide bool) int {
	if wide {
		return max(1, (w-3)/2)
	}
	return max(1, w-2)
}

// tabTitle names the two accounts as tabs, the shown one in brackets.
func tabTitle(names [2]string, side Focus, st dayDocStyles) string {
	var tabs [2]string
	for s := range tabs {
		if Focus(s) == side {
			tabs[s] = st.label.Render("[" + names[s] + "]")
		} else {
			tabs[s] = st.faint.Render(" " + names[s] + " ")
		}
	}
	return tabs[0] + "│" + tabs[1] + st.faint.Render("  tab: the other account")
}

// accountName is an account's display name, sanitised.
func accountName(d *dossier.Dossier, id string) string {
	if a, ok := d.Account(id); ok && a.Name != "" {
		return render.Clean(a.Name)
	}
	return render.Clean(id)
}

// hoursLine says how long the talks lasted as each source reports it,
// marking a disagreement: "9 h (Dawn) ≠ 11 h (PK sources)".
func hoursLine(c *Common, day *dossier.Day) string {
	var parts []string
	for _, h := range day.Hours {
		parts = append(parts, hoursText(h.Hours)+" ("+c.shorts(h.Sources)+")")
	}
	sep := " · "
	if disagree(day.Hours) {
		sep = " ≠ "
	}
	return strings.Join(parts, sep)
}

// readingsLine says what each source makes of a disputed day: "talks
// (MNTV) ≠ after (NP, AfPost)".
func readingsLine(c *Common, day *dossier.Day) string {
	var parts []string
	for _, r := range day.Readings {
		parts = append(parts, r.As+" ("+c.shorts(r.Sources)+")")
	}
	return strings.Join(parts, " ≠ ")
}

// disagree reports whether sources give different hours for a day.
func disagree(hs []dossier.HoursReport) bool {
	for _, h := range hs {
		if h.Hours != hs[0].Hours {
			return true
		}
	}
	return false
}

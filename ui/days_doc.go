package ui

import (
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

// dayDoc is a day laid out for the days view (render.Day), with the
// request it was laid out for.
type dayDoc struct {
	req dayReq
	*render.Day
}

// DayDocMsg carries a day's document rendered off the key path.
type DayDocMsg struct{ doc *dayDoc }

// dayDocStyles are the chrome styles a document is built with, copied
// so that building it off the key path reads nothing the session changes.
type dayDocStyles struct {
	heading, faint, label, cursor lipgloss.Style
}

// buildDayDoc lays a day out (render.Cache.Day). It renders through the
// shared cache and may take a while the first time; it reads only its
// arguments.
func buildDayDoc(req dayReq, cache *render.Cache, names [2]string, st dayDocStyles) *dayDoc {
	day := cache.Day(req.d, render.DayRequest{Day: req.day, Pair: req.pair, Names: names, Width: req.width,
		Wide: req.wide, Side: int(req.side), Style: req.style, Method: req.method},
		render.DayChrome{Heading: st.heading, Faint: st.faint, Label: st.label})
	doc := &dayDoc{req: req, Day: day}
	return doc
}

// hoursLine says how long the talks lasted as each source reports it,
// marking a disagreement: "9 h (Dawn) ≠ 11 h (PK sources)".
func hoursLine(c *Common, day *dossier.Day) string {
	var parts []string
	for _, h := range day.Hours {
		s := hoursText(h.Hours) + " (" + c.shorts(h.Sources) + ")"
		if len(h.Discrepancies) > 0 {
			s += " ⚑"
		}
		parts = append(parts, s)
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
	if len(parts) == 0 { // the filters hide every reading: the question stays open
		return strings.TrimSpace("no reading " + render.FilterWords(c.Dossier))
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

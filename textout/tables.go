package textout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
)

// tcol is a column of a text table: its title, the widest it grows to
// (0: as wide as its content), and whether it is the long text of a row.
type tcol struct {
	title string
	cap   int
	grow  bool
	drop  int // lets the column go when the table cannot fit: the highest first
}

// table writes rows under a header, each cell wrapped at spaces to its
// column, two spaces between columns, every line within the width. The
// widths come from render.FitColumns, the one table fitter: columns
// shrink to their longest word before any word is cut, and a column
// with nothing in it goes first.
func (w *writer) table(cols []tcol, rows [][]string) {
	spec := render.Columns{Room: w.o.Width, Gap: 2, Wrap: true, Method: ansi.WcWidth}
	for i, c := range cols {
		col := render.Column{Title: c.title, Cap: c.cap, Grow: c.grow, Drop: c.drop}
		for _, r := range rows {
			col.Cells = append(col.Cells, r[i])
		}
		spec.Cols = append(spec.Cols, col)
	}
	fit := render.FitColumns(spec)
	var hdr, rule []string
	for i, c := range cols {
		if fit.Dropped[i] {
			continue
		}
		hdr = append(hdr, render.Fit(c.title, fit.Widths[i], ansi.WcWidth))
		rule = append(rule, strings.Repeat("─", fit.Widths[i]))
	}
	w.line(w.bold.Render(strings.Join(hdr, "  ")))
	w.line(strings.Join(rule, "  "))
	for _, r := range rows {
		cells := make([][]string, len(cols))
		h := 1
		for i := range cols {
			if !fit.Dropped[i] {
				cells[i] = render.WrapWords(r[i], fit.Widths[i], ansi.WcWidth)
				h = max(h, len(cells[i]))
			}
		}
		for y := 0; y < h; y++ {
			var parts []string
			for i := range cols {
				if fit.Dropped[i] {
					continue
				}
				s := ""
				if y < len(cells[i]) {
					s = cells[i][y]
				}
				parts = append(parts, render.Fit(s, fit.Widths[i], ansi.WcWidth))
			}
			w.line(strings.Join(parts, "  "))
		}
	}
}

// dayDate writes a day's date as "Sun 26 Oct", or its id when undated.
func dayDate(day dossier.Day) string {
	if day.Date.IsZero() {
		return render.Clean(day.ID)
	}
	return day.Date.Format("Mon 2 Jan")
}

// view writes one of the table views.
func (w *writer) view(name string) error {
	d := w.d
	switch name {
	case "days":
		w.heading(render.Clean(d.Title) + " · days")
		var rows [][]string
		for _, day := range d.Days {
			rows = append(rows, []string{dayDate(day), inline(day.Label), day.Kind(), hours(d, day.Hours), strconv.Itoa(len(day.Events))})
		}
		w.table([]tcol{{title: "date"}, {title: "label", grow: true}, {title: "phase"}, {title: "hours", grow: true}, {title: "events"}}, rows)
		for _, day := range d.Days {
			w.line("")
			w.line(w.bold.Render(dayDate(day) + " · " + inline(day.Label)))
			for _, e := range day.Events {
				s := "• " + inline(e.Text) + " [" + badges(d, e.Sources) + "]"
				if e.Account != "" {
					s += " (" + accountName(d, e.Account) + " version)"
				}
				w.wrap(s, 2)
			}
		}
	case "delegations":
		w.heading(render.Clean(d.Title) + " · delegations")
		var rows [][]string
		for _, del := range d.Delegations {
			for _, m := range del.Members {
				name := render.Clean(m.Name)
				if m.Unnamed {
					name = "(unnamed)"
				}
				rows = append(rows, []string{render.Clean(d.PartyName(del.Party)), name, inline(m.Title), inline(m.Org), shorts(d, m.Sources)})
			}
		}
		w.table([]tcol{{title: "delegation", cap: 14}, {title: "name", cap: 20}, {title: "title", grow: true}, {title: "organisation", cap: 24}, {title: "sources", cap: 20}}, rows)
	case "demands":
		w.heading(render.Clean(d.Title) + " · demands")
		var rows [][]string
		for _, x := range d.Demands {
			rows = append(rows, []string{render.Clean(x.ID), render.Clean(d.PartyName(x.Party)), inline(x.Text), inline(x.Response), x.Status.String(), days(d, x.Days), shorts(d, x.Sources)})
		}
		w.table([]tcol{{title: "id", cap: 14, drop: 1}, {title: "party", cap: 12}, {title: "demand", grow: true}, {title: "response", grow: true}, {title: "status"}, {title: "days", cap: 8}, {title: "sources", cap: 14}}, rows)
	case "sources":
		w.heading(render.Clean(d.Title) + " · sources")
		var rows [][]string
		for _, s := range d.Sources {
			date := "undated"
			if sd := d.SourceDate(s.ID); !sd.IsZero() {
				date = sd.Format("2 Jan 2006")
			}
			short := s.Short
			if short == "" {
				short = s.Outlet
			}
			rows = append(rows, []string{render.Clean(short), render.Clean(s.Outlet), date, inline(s.Origin), render.Clean(s.Reliability),
				strconv.Itoa(d.ClaimsSupported(s.ID)), inline(s.Basis)})
		}
		w.table([]tcol{{title: "source", cap: 14}, {title: "outlet", grow: true}, {title: "date"}, {title: "origin", grow: true},
			{title: "grade"}, {title: "claims"}, {title: "basis", grow: true}}, rows)
	case "discrepancies":
		w.heading(render.Clean(d.Title) + " · discrepancies")
		for i, x := range d.Discrepancies {
			if i > 0 {
				w.line("")
			}
			where := ""
			if t, ok := d.Topic(x.Topic); ok {
				where = " (" + render.Clean(t.Title)
				if x.Day != "" {
					where += ", " + render.DayTag(d, x.Day)
				}
				where += ")"
			} else if x.Day != "" {
				where = " (" + render.DayTag(d, x.Day) + ")"
			}
			w.wrap(w.bold.Render("⚑ "+inline(x.Fact))+where, 2)
			for _, v := range x.Versions {
				w.wrap("  – "+inline(v.Value)+" — "+badges(d, v.Sources), 6)
				if v.Note != "" {
					w.wrap("    "+inline(v.Note), 4)
				}
			}
		}
	default:
		return fmt.Errorf("unknown view %q (views: %s)", sanitize.Text(name), strings.Join(Views, ", "))
	}
	return nil
}

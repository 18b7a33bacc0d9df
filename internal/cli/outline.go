package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
)

func newOutlineCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "outline [PATH]",
		Short: "Print a plain-text outline of a dossier",
		Long: "outline prints the dossier's parties, accounts, days, topics and sources, with counts, " +
			"as plain text (the embedded dossier with no PATH).",
		Args: cobra.MaximumNArgs(1),
		RunE: runOutline,
	}
}

func runOutline(cmd *cobra.Command, args []string) error {
	l, err := load(args)
	if err != nil {
		return err
	}
	if l.d == nil {
		return problemsErr(cmd, l)
	}
	var b strings.Builder
	writeOutline(&b, l.d)
	if _, err := io.WriteString(cmd.OutOrStdout(), sanitize.Text(b.String())); err != nil {
		return err
	}
	if n := len(l.probs.Warnings()); n > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s; run 'dossier check' to see them\n", plural(n, "warning"))
	}
	return nil
}

// writeOutline writes the plain-text outline of d.
func writeOutline(w io.Writer, d *dossier.Dossier) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	p("%s\n", d.Title)
	line := []string{d.ID}
	if d.Place != "" {
		line = append(line, d.Place)
	}
	if !d.Start.IsZero() {
		line = append(line, date(d.Start)+" to "+date(d.End))
	}
	p("%s\n\n", strings.Join(line, " · "))

	p("Parties:   %s\n", parties(d.Parties, false))
	if len(d.Mediators) > 0 {
		p("Mediators: %s\n", parties(d.Mediators, true))
	}
	if d.Outcome != "" {
		// wrapped under its label, to 80 columns
		lines := render.WrapWords(oneLine(d.Outcome), 80-11, ansi.WcWidth)
		p("Outcome:   %s\n", strings.Join(lines, "\n           "))
	}

	p("\nAccounts (%d; default pair %s and %s):\n", len(d.Accounts), d.DefaultPair[0], d.DefaultPair[1])
	claims := map[string]int{}
	total := 0
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			claims[s.Account] += len(s.Claims)
			total += len(s.Claims)
		}
	}
	tw := table(w)
	for _, a := range d.Accounts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", a.ID, a.Name, d.AccountOwner(a.ID), plural(claims[a.ID], "claim"))
	}
	tw.Flush()

	p("\nDays (%d):\n", len(d.Days))
	tw = table(w)
	for _, day := range d.Days {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", date(day.Date), day.ID, day.Kind(), day.Label,
			dayCounts(day))
	}
	tw.Flush()

	p("\nTopics (%d):\n", len(d.Topics))
	tw = table(w)
	for _, t := range d.Topics {
		var per []string
		n := 0
		for _, s := range t.Sections {
			per = append(per, fmt.Sprintf("%s %d", s.Account, len(s.Claims)))
			n += len(s.Claims)
		}
		if len(per) == 0 {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.ID, plural(n, "claim"), t.Title)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s (%s)\n", t.ID, plural(n, "claim"), t.Title, strings.Join(per, ", "))
	}
	tw.Flush()

	p("\nSources (%d):\n", len(d.Sources))
	tw = table(w)
	for _, s := range d.Sources {
		// a relayed source with no date of its own has the date of the
		// source it is known through, as in the reader
		dt := date(d.SourceDate(s.ID))
		via := ""
		if s.Via != "" {
			via = "via " + s.Via
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", s.ID, or(s.Reliability, "-"), dt, s.Short, via, s.Origin)
	}
	tw.Flush()

	members := 0
	for _, dg := range d.Delegations {
		members += len(dg.Members)
	}
	stops := 0
	for _, b := range d.Briefings {
		stops += len(b.Stops)
	}
	p("\nCounts: %s, %s, %s, %s, %s, %s (%s), %s, %s (%s).\n",
		plural(len(d.Sources), "source"), plural(total, "claim"), plural(len(d.Topics), "topic"),
		plural(len(d.Days), "day"), plural(len(d.Demands), "demand"),
		plural(len(d.Delegations), "delegation"), plural(members, "member"),
		plural(len(d.Discrepancies), "discrepancy"), plural(len(d.Briefings), "briefing"), plural(stops, "stop"))
}

// dayCounts says what a day holds: "3 events, 19h (1 source)", "5
// events, 9h ≠ 11h", "2 events".
func dayCounts(day dossier.Day) string {
	s := plural(len(day.Events), "event")
	if len(day.Hours) == 0 {
		return s
	}
	var figs []string
	differ := false
	for _, h := range day.Hours {
		figs = append(figs, strconv.FormatFloat(h.Hours, 'f', -1, 64)+"h")
		differ = differ || h.Hours != day.Hours[0].Hours
	}
	if differ {
		return s + ", hours " + strings.Join(figs, " ≠ ")
	}
	return s + ", hours " + figs[0]
}

// table returns a tabwriter for one aligned block of the outline.
func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

func parties(ps []dossier.Party, roles bool) string {
	var out []string
	for _, p := range ps {
		s := p.Name + " (" + p.ID
		if roles {
			s += ", " + p.Role
		}
		out = append(out, s+")")
	}
	return strings.Join(out, ", ")
}

func date(t time.Time) string {
	if t.IsZero() {
		return "----------"
	}
	return t.Format(time.DateOnly)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

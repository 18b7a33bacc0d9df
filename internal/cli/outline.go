package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/spf13/cobra"
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
		p("Outcome:   %s\n", oneLine(d.Outcome))
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
		party := ""
		if a.Party != "" {
			party = d.PartyName(a.Party)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", a.ID, a.Name, party, plural(claims[a.ID], "claim"))
	}
	tw.Flush()

	p("\nDays (%d):\n", len(d.Days))
	tw = table(w)
	for _, day := range d.Days {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s, %s\n", date(day.Date), day.ID, day.Kind(), day.Label,
			plural(len(day.Events), "event"), plural(len(day.Hours), "hours report"))
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
		fmt.Fprintf(tw, "  %s\t%s\t%s (%s)\n", t.ID, plural(n, "claim"), t.Title, strings.Join(per, ", "))
	}
	tw.Flush()

	p("\nSources (%d):\n", len(d.Sources))
	tw = table(w)
	for _, s := range d.Sources {
		via := ""
		if s.Via != "" {
			via = " (via " + s.Via + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s%s\t%s\n", s.ID, or(s.Reliability, "-"), date(s.Date), s.Short, via, s.Origin)
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

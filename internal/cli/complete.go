package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/textout"
)

// addCompletions walks the command tree once and gives the shells what to
// offer where a file would be wrong: the values of --style, --color,
// --view, the ids of the dossier's topics, days and accounts, and only
// folders for a dossier PATH. Completions a command registered itself are
// kept.
func addCompletions(root *cobra.Command) {
	fixed := map[string][]string{
		"style": {"auto", "dark", "light", "notty"},
		"color": {"auto", "always", "never"},
		"view":  textout.Views,
	}
	fromDossier := map[string]func(args []string) []string{
		"topic":    dossierIDs(func(l *loaded) (ids []string) { return topicIDs(l) }),
		"day":      dossierIDs(func(l *loaded) (ids []string) { return dayIDs(l) }),
		"accounts": dossierIDs(func(l *loaded) (ids []string) { return accountPairs(l) }),
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.ValidArgsFunction == nil && strings.Contains(c.Use, "[PATH]") {
			c.ValidArgsFunction = completeDirs
		}
		for name, values := range fixed {
			register(c, name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
		}
		for name, ids := range fromDossier {
			register(c, name, func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				return ids(args), cobra.ShellCompDirectiveNoFileComp
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// register gives c's flag name a completion unless c has no such flag or
// already has one.
func register(c *cobra.Command, name string, f cobra.CompletionFunc) {
	if c.Flags().Lookup(name) == nil {
		return
	}
	if _, ok := c.GetFlagCompletionFunc(name); ok {
		return
	}
	_ = c.RegisterFlagCompletionFunc(name, f)
}

// dossierIDs loads the dossier named by args (the embedded one when none
// is) and returns what ids gives, as "id\tdescription" lines; nothing when
// it does not load.
func dossierIDs(ids func(*loaded) []string) func(args []string) []string {
	return func(args []string) []string {
		l, err := load(args)
		if err != nil || l.d == nil {
			return nil
		}
		return ids(l)
	}
}

func topicIDs(l *loaded) []string {
	var out []string
	for _, t := range l.d.Topics {
		out = append(out, t.ID+"\t"+sanitize.Line(t.Title))
	}
	return out
}

func dayIDs(l *loaded) []string {
	var out []string
	for _, d := range l.d.Days {
		desc := sanitize.Line(d.Label)
		if !d.Date.IsZero() {
			desc = d.Date.Format("2006-01-02") + " " + desc
		}
		out = append(out, d.ID+"\t"+desc)
	}
	return out
}

// accountPairs offers every ordered pair of accounts, as --accounts takes
// them (a,b).
func accountPairs(l *loaded) []string {
	var out []string
	for _, a := range l.d.Accounts {
		for _, b := range l.d.Accounts {
			if a.ID != b.ID {
				out = append(out, a.ID+","+b.ID)
			}
		}
	}
	return out
}

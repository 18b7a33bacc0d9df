package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/muesli/mango"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dossier-dev/dossier/ui"
)

// newManCmd is `dossier man`: the man page, written here rather than by
// fang, whose generator spells short flags --b and leaves out defaults.
// It adds the sections a man page is read for: KEYS, FILES, ENVIRONMENT
// and EXIT STATUS.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Write the man page (roff) to standard output",
		Long:                  "man writes the man page of dossier to standard output: sudo mkdir -p /usr/local/share/man/man1 && dossier man | sudo tee /usr/local/share/man/man1/dossier.1",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), manPage(cmd.Root()))
			return err
		},
	}
}

// manPage builds the page of root and its visible subcommands.
func manPage(root *cobra.Command) string {
	page := mango.NewManPage(1, root.Name(), root.Short).WithLongDescription(root.Long)
	page.Root = *manCommand(root, true)
	page.WithSection("Keys", manKeys())
	page.WithSection("Files", strings.Join([]string{
		"$XDG_CONFIG_HOME/dossier/config.yaml (else ~/.config/dossier/config.yaml): the settings: style, accounts, mouse, keys. dossier config shows them; dossier config --init writes a commented file.",
		"$XDG_STATE_HOME/dossier/ID/notes.md (else ~/.local/state/dossier/ID/notes.md): your bookmarks and notes on the dossier ID, as Markdown (dossier notes).",
		"$XDG_DATA_HOME/dossier/host_ed25519 (else ~/.local/share/dossier/host_ed25519): the host key of dossier serve, made at its first start.",
		"A dossier is a folder: dossier.md, sources.md, delegations.md, demands.md, days.md, discrepancies.md, topics/*.md and briefings/*.md. Editors' backup and swap files (name~, #name#, .swp) are ignored.",
	}, "\n"))
	page.WithSection("Environment", strings.Join([]string{
		"XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME: where the files above live (absolute paths only).",
		"NO_COLOR: no colour when the style is auto, and in dossier print.",
		"COLUMNS: the width of dossier print through a pipe, when --width is not given.",
	}, "\n"))
	page.WithSection("Exit status", strings.Join([]string{
		"0: success. dossier check exits 0 when the dossier has no error; warnings alone do not fail it.",
		"1: an error: the dossier has errors (dossier check lists them), a flag or argument is wrong, a file cannot be read or written, or the server cannot start.",
	}, "\n"))
	return page.Build(roff.NewDocument())
}

// manCommand converts a command, its flags and its visible subcommands.
func manCommand(c *cobra.Command, root bool) *mango.Command {
	use := c.Use
	if root {
		use = ""
	}
	short := c.Short
	if !root && c.Long != "" {
		short = c.Long
	}
	m := mango.NewCommand(c.Name(), short, use)
	if root {
		m = mango.NewCommand(c.Name(), "", "")
	}
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		// mango writes "<prefix><short> <prefix><name>" with one prefix
		// for both; the name carries its second dash so that the page
		// reads "-b, --briefing".
		fl := mango.Flag{Name: "-" + f.Name, Usage: flagUsage(f)}
		if f.Shorthand != "" {
			fl.Short = f.Shorthand + ","
		}
		_ = m.AddFlag(fl)
	})
	for _, sub := range c.Commands() {
		if sub.Hidden || !sub.IsAvailableCommand() && sub.Name() != "help" {
			continue
		}
		_ = m.AddCommand(manCommand(sub, false))
	}
	return m
}

// flagUsage is a flag's usage with its default, when it has one worth
// saying and the usage does not say it already.
func flagUsage(f *pflag.Flag) string {
	u := f.Usage
	switch f.DefValue {
	case "", "0", "false", "[]", "0s":
		return u
	}
	if strings.Contains(u, "default") {
		return u
	}
	return fmt.Sprintf("%s (default: %s)", u, f.DefValue)
}

// manKeys lists the reader's keys by action, as a config file names them.
func manKeys() string {
	k := ui.DefaultKeyMap()
	named := k.Named()
	actions := make([]string, 0, len(named))
	for a := range named {
		actions = append(actions, a)
	}
	slices.Sort(actions)
	lines := []string{"The reader's keys, by the action names a config file uses to rebind them (keys: in config.yaml). ? in the reader shows the keys of the view at hand."}
	for _, a := range actions {
		b := named[a]
		keys := strings.Join(b.Keys(), ", ")
		if keys == "" {
			keys = "(none)"
		}
		lines = append(lines, fmt.Sprintf("*%s: %s. %s", a, keys, b.Help().Desc))
	}
	lines = append(lines, fmt.Sprintf("*views: %s. Switch to a view; not rebindable.", strings.Join(k.Views.Keys(), ", ")))
	return strings.Join(lines, "\n")
}

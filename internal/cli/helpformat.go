package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/docs"
	"github.com/dossier-dev/dossier/internal/sanitize"
)

// newHelpCmd is cobra's help command with one more topic: `dossier help
// format` prints the reference of the dossier format (docs/format.md, built
// into the binary), for authors who installed the binary alone.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command | format]",
		Short: "Help about any command; 'help format' prints the dossier format",
		Long: "help prints the help of a command. 'dossier help format' prints the reference of " +
			"the dossier format: every file, field and the claim syntax, with examples (Markdown).",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && strings.EqualFold(args[0], "format") {
				_, err := io.WriteString(cmd.OutOrStdout(), sanitize.Text(docs.Format))
				return err
			}
			c, _, err := root.Find(args)
			if c == nil || err != nil || len(args) > 0 && c == root {
				return fmt.Errorf("unknown help topic %q (try 'dossier help' or 'dossier help format')", strings.Join(args, " "))
			}
			return c.Help()
		},
	}
}

package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/scaffold"
	"github.com/spf13/cobra"
)

// authorCmds returns the commands for authors and for sharing (new,
// export, config), kept in one list so that adding one touches no other
// file.
func authorCmds() []*cobra.Command {
	return []*cobra.Command{newNewCmd(), newExportCmd(), newConfigCmd()}
}

func newNewCmd() *cobra.Command {
	var opts scaffold.Options
	cmd := &cobra.Command{
		Use:   "new DIR",
		Short: "Start a new dossier in a folder",
		Long: "new writes a complete dossier into DIR (created if missing; refused if not empty): every " +
			"file of the format, each with comments that show its syntax, filled in with the title and " +
			"parties you give. It passes dossier check at once; edit it from there.\n\n" +
			"Ids are made from the names (\"Upstream Republic\" becomes upstream-republic). Put a party " +
			"name that holds a comma in double quotes: --parties '\"Korea, Republic of\",Japan'.",
		Example: "  dossier new geneva-2031 --title \"The Geneva water talks\" --parties \"Upstream Republic,Downstream Federation\"\n" +
			"  dossier check geneva-2031\n  dossier geneva-2031",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if opts.Title == "" {
				opts.Title = titleFromDir(dir)
			}
			names, err := scaffold.Write(dir, opts)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			shown := sanitize.Text(dir)
			fmt.Fprintf(out, "Wrote a new dossier to %s:\n", shown)
			for _, n := range names {
				fmt.Fprintf(out, "  %s\n", n)
			}
			fmt.Fprintf(out, "\nNext: edit the files (each explains its syntax), then\n"+
				"  dossier check %s    list problems as file:line:col\n"+
				"  dossier %s          read it\n", shown, shown)
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Title, "title", "", "the negotiation's title (default: from DIR's name)")
	cmd.Flags().StringSliceVar(&opts.Parties, "parties", []string{"First party", "Second party"},
		"the sides, comma-separated; at least two")
	cmd.ValidArgsFunction = completeDirs
	return cmd
}

// titleFromDir makes a title of a folder name: "geneva-water_2031" gives
// "Geneva water 2031".
func titleFromDir(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	t := strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
	if t == "" || t == "." || t == string(filepath.Separator) {
		return "A new dossier"
	}
	r := []rune(t)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/spf13/cobra"
)

func newCheckCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check [PATH]",
		Short: "Validate a dossier and list its problems",
		Long: "check loads the dossier (the embedded one with no PATH) and prints one problem per line " +
			"as file:line:col: error|warning: message. It exits 0 when there is no error, 1 when there is.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the problems as a JSON array")
	return cmd
}

// jsonProblem is the --json form of a problem.
type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint"` // always present, "" when there is none (docs/format.md lists every field)
}

func runCheck(cmd *cobra.Command, args []string, asJSON bool) error {
	l, err := loadFiles(args)
	out := cmd.OutOrStdout()
	if err != nil && asJSON {
		// a program reading the JSON gets JSON: the folder, as one error
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if jerr := enc.Encode([]jsonProblem{{File: sanitize.Line(args[0]), Severity: "error", Message: err.Error()}}); jerr != nil {
			return jerr
		}
		return &ExitError{Code: 1, Err: err}
	}
	if err != nil {
		return err
	}
	// errors first, each kind in the loader's order: one error must not
	// hide among twenty warnings
	probs := slices.Clone(l.probs)
	slices.SortStableFunc(probs, func(a, b dossier.Problem) int { return cmp.Compare(a.Severity, b.Severity) })
	if asJSON {
		list := make([]jsonProblem, 0, len(probs))
		for _, p := range probs {
			list = append(list, jsonProblem{
				File: sanitize.Text(l.file(p.Pos)), Line: p.Pos.Line, Col: p.Pos.Col,
				Severity: p.Severity.String(), Message: sanitize.Text(p.Msg), Hint: sanitize.Text(p.Hint),
			})
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
	} else {
		for _, p := range probs {
			fmt.Fprintln(out, l.problemLine(p))
		}
		nerr, nwarn := l.probs.Count() // the problems not listed too
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s, %s\n", sanitize.Text(l.name()), plural(nerr, "error"), plural(nwarn, "warning"))
	}
	if l.probs.HasErrors() {
		return &ExitError{Code: 1, Silent: true}
	}
	return nil
}

// plural returns "1 claim", "2 claims", "3 discrepancies".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ay") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

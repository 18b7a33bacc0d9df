// Package cli holds the dossier command line: the root command (the reader,
// on the embedded dossier or on a folder), check and outline. main.go only
// calls Execute. Commands write to the cobra command's Out and Err writers,
// so tests run them in-process with buffers.
package cli

import (
	"context"
	"errors"
	"io"
	"strconv"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// ExitError carries a process exit code. A silent one means the command has
// already said everything (e.g. check printed the problems) and no error
// message must follow.
type ExitError struct {
	Code   int
	Silent bool
	Err    error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return "exit status " + strconv.Itoa(e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode returns the process exit code for an error returned by a
// command: 0 for nil, the code of an *ExitError, 1 otherwise.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return 1
}

// NewRoot builds the root command with its subcommands.
func NewRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "dossier [PATH]",
		Short: "Read a negotiation dossier in the terminal",
		Long: "dossier reads a negotiation dossier: what each side said, on which day, " +
			"according to which source. With no PATH it opens the dossier built into the " +
			"program (the Pakistan–Afghanistan talks, Istanbul, October 2025); with PATH, " +
			"the dossier in that folder.",
		Example: "  dossier\n  dossier ./my-dossier\n  dossier ./my-dossier --watch\n  dossier check ./my-dossier\n  dossier outline",
		Args:    cobra.MaximumNArgs(1),
		RunE:    runReader,
	}
	addReaderFlags(root)
	root.AddCommand(newCheckCmd(), newOutlineCmd(), newPrintCmd())
	root.AddCommand(authorCmds()...)
	root.AddCommand(newServeCmd(), newPresentCmd())
	root.AddCommand(newNotesCmd())
	root.SetHelpCommand(newHelpCmd(root))
	root.AddCommand(newManCmd())
	addCompletions(root) // complete.go: flag values and folders, once for every command
	return root
}

// Execute runs the command line with fang (styled help, --version,
// completions, man page) and returns the process exit code.
func Execute(ctx context.Context, version string, args []string, stdout, stderr io.Writer) int {
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(Version(version)),
		fang.WithoutManpage(), // manual.go writes it: fang's spells -b as --b

		fang.WithErrorHandler(func(w io.Writer, s fang.Styles, err error) {
			var ee *ExitError
			if errors.As(err, &ee) && ee.Silent {
				return
			}
			// an error may quote a value from the command line, a path
			// or a file: the one sanitiser before it reaches the terminal
			printError(w, stderr, s, errors.New(sanitize.Text(err.Error())))
		}),
	)
	return ExitCode(err)
}

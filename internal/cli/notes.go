package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
)

// addNotesFlag adds --notes FILE: where the bookmarks and notes of the
// dossier are kept instead of $XDG_STATE_HOME/dossier/<dossier id>/notes.md.
func addNotesFlag(cmd *cobra.Command) {
	cmd.Flags().String("notes", "", "keep your bookmarks and notes in FILE (default: $XDG_STATE_HOME/dossier/<dossier id>/notes.md)")
}

// notesPlace returns where the user's notes live, from --notes or the
// state directory.
func notesPlace(cmd *cobra.Command) (*notes.Place, error) {
	file, _ := cmd.Flags().GetString("notes")
	if f := cmd.Flags().Lookup("notes-file"); f != nil {
		file = f.Value.String() // export, where --notes is the presenter notes
	}
	if file != "" {
		return &notes.Place{File: file}, nil
	}
	dir, err := notes.StateDir()
	if err != nil {
		return nil, err
	}
	return &notes.Place{Dir: dir}, nil
}

// readNotes reads the user's notes of d; a file that does not parse is an
// error naming its line.
func readNotes(cmd *cobra.Command, d *dossier.Dossier) (*notes.Book, error) {
	p, err := notesPlace(cmd)
	if err != nil {
		return nil, err
	}
	b, err := p.Store(d.ID).Load()
	if err != nil {
		// printed as it is: the error handler would capitalise the path
		fmt.Fprintln(cmd.ErrOrStderr(), dossier.Sanitize(err.Error()))
		return nil, &ExitError{Code: 1, Silent: true, Err: err}
	}
	return b, nil
}

func newNotesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "notes [PATH]",
		Short: "Print your bookmarks and notes as Markdown, for a memo",
		Long: "notes prints the bookmarks and notes you made in the reader on the dossier (the embedded one " +
			"with no PATH) as Markdown: each with the claim, day, demand or discrepancy it is about and, for a " +
			"claim, its account, topic, sources (outlet, date, grade) and credibility. Notes whose claim was " +
			"edited since say so; notes whose claim is gone are listed last, kept. They live in " +
			"$XDG_STATE_HOME/dossier/<dossier id>/notes.md, a Markdown file you may edit, or in --notes FILE.",
		Example: "  dossier notes > memo.md\n  dossier notes ./my-dossier --notes ~/work/my-notes.md",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := load(args)
			if err != nil {
				return err
			}
			if l.d == nil {
				return problemsErr(cmd, l)
			}
			b, err := readNotes(cmd, l.d)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), notes.Memo(l.d, b, "Notes on "+dossier.Sanitize(l.d.Title), 1))
			return err
		},
	}
	addNotesFlag(cmd)
	cmd.ValidArgsFunction = completeDirs
	return cmd
}

// memoOf is the "Your notes" part of a handout.
func memoOf(d *dossier.Dossier, b *notes.Book) string { return notes.Memo(d, b, "", 3) }

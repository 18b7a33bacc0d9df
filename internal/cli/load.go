package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/spf13/cobra"
)

// loaded is a dossier as the commands see it: the model (nil when it has
// errors), every problem, and the prefix that makes a problem's file path
// usable from the current directory.
type loaded struct {
	d      *dossier.Dossier
	probs  dossier.Problems
	prefix string // joined before each problem's file
	// builtin is set for the embedded dossier
	builtin bool
}

// load loads the dossier at path, or the embedded default when path is "".
// The embedded dossier comes from its snapshot (loadEmbedded), which is the
// same model for a fraction of the cost; `dossier check` parses the files
// instead (loadFiles), since checking them is what it is for.
// The error is non-nil only when the folder cannot be opened.
func load(args []string) (*loaded, error) { return loadWith(args, loadEmbedded) }

// loadEmbedded returns the embedded dossier and its problems, as
// dossier.Load(content.Default()) would: from its snapshot when the
// snapshot was made from exactly the embedded files, else (the files were
// changed and the snapshot not remade) by loading the files.
func loadEmbedded() (*dossier.Dossier, dossier.Problems) {
	snap := content.Snapshot()
	if dossier.SnapshotKey(snap) == content.DefaultKey() {
		if d, probs, err := dossier.DecodeSnapshot(snap); err == nil {
			return d, probs
		}
	}
	return dossier.Load(content.Default())
}

// loadFiles is load, but the embedded dossier is parsed from its files
// rather than taken from its snapshot.
func loadFiles(args []string) (*loaded, error) {
	return loadWith(args, func() (*dossier.Dossier, dossier.Problems) { return dossier.Load(content.Default()) })
}

func loadWith(args []string, embedded func() (*dossier.Dossier, dossier.Problems)) (*loaded, error) {
	if len(args) == 0 || args[0] == "" {
		d, probs := embedded()
		return &loaded{d: d, probs: probs, prefix: filepath.ToSlash(filepath.Join("content", content.DefaultName)), builtin: true}, nil
	}
	d, probs, err := dossier.LoadDir(args[0])
	if err != nil {
		// The path comes from the command line; keep it from smuggling
		// control sequences into the error message.
		return nil, errors.New(sanitize.Text(err.Error()))
	}
	return &loaded{d: d, probs: probs, prefix: args[0]}, nil
}

// name is how a summary names the dossier: its folder as given, or "the
// built-in dossier" (its files' paths, under content/, are the source
// tree's, which a user of the binary does not have).
func (l *loaded) name() string {
	if l.builtin {
		return "the built-in dossier"
	}
	return l.prefix
}

// file returns a problem's file path as the user should see it.
func (l *loaded) file(p dossier.Pos) string {
	if p.File == "" {
		return l.prefix
	}
	return filepath.ToSlash(filepath.Join(l.prefix, p.File))
}

// problemLine formats a problem as "file:line:col: severity: message (hint)",
// sanitised.
func (l *loaded) problemLine(p dossier.Problem) string {
	q := p
	q.Pos.File = l.file(p.Pos)
	return sanitize.Line(q.String())
}

// problemsErr prints the errors of a dossier that did not load and returns
// the command's error.
func problemsErr(cmd *cobra.Command, l *loaded) error {
	errs := l.probs.Errors()
	for _, p := range errs {
		fmt.Fprintln(cmd.ErrOrStderr(), l.problemLine(p))
	}
	return &ExitError{Code: 1, Err: fmt.Errorf("the dossier has %s; dossier check lists every problem", plural(len(errs), "error"))}
}

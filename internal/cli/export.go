package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-dev/dossier/export"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var (
		briefing, format, out string
		notes, withNotes      bool
	)
	cmd := &cobra.Command{
		Use:   "export [PATH]",
		Short: "Write a briefing as a handout (HTML or Markdown)",
		Long: "export writes one briefing of the dossier (the embedded one with no PATH) as a handout for " +
			"people without a terminal: a single self-contained HTML file (no script, nothing loaded from " +
			"elsewhere; it reads on a phone and prints well) or the same as Markdown. Compare stops show the " +
			"two accounts side by side, claims aligned, with source badges, day tags and relation marks; " +
			"the sources cited and the discrepancies follow. Presenter notes are left out unless --notes.",
		Example: "  dossier export --briefing ten-minute -o brief.html\n" +
			"  dossier export ./my-dossier --format md -o brief.md\n" +
			"  dossier export ./my-dossier > brief.html",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := exportFormat(format, out)
			if err != nil {
				return err
			}
			l, err := load(args)
			if err != nil {
				return err
			}
			if l.d == nil {
				return problemsErr(cmd, l)
			}
			opts := export.Options{Briefing: briefing, Format: f, Notes: notes}
			if withNotes {
				book, err := readNotes(cmd, l.d)
				if err != nil {
					return err
				}
				opts.Memo = memoOf(l.d, book)
			}
			var b bytes.Buffer
			if err := export.Write(&b, l.d, opts); err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err := cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s (%s, %d bytes)\n", sanitize.Line(out), f, b.Len())
			return nil
		},
	}
	cmd.Flags().StringVarP(&briefing, "briefing", "b", "", "id of the briefing to export (default: the first)")
	cmd.Flags().StringVarP(&format, "format", "f", "", "html or md (default: from -o's extension, else html)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&notes, "notes", false, "include the presenter notes")
	cmd.Flags().BoolVar(&withNotes, "with-notes", false, "add your own bookmarks and notes (see dossier notes)")
	// --notes is the presenter notes here, so the file of your own is --notes-file
	cmd.Flags().String("notes-file", "", "with --with-notes: read your notes from FILE (default: $XDG_STATE_HOME/dossier/<dossier id>/notes.md)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"html", "md"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("briefing", completeBriefings)
	cmd.ValidArgsFunction = completeDirs
	return cmd
}

// exportFormat returns the format to write: --format when given, else the
// one -o's extension names, else HTML. An extension export cannot write
// (x.pdf), or one that contradicts --format, is refused rather than
// written as something else.
func exportFormat(format, out string) (export.Format, error) {
	var byExt export.Format
	ext := ""
	if out != "" && out != "-" {
		ext = filepath.Ext(out)
	}
	switch strings.ToLower(ext) {
	case "":
		byExt = -1
	case ".html", ".htm":
		byExt = export.HTML
	case ".md", ".markdown":
		byExt = export.Markdown
	default:
		hint := ""
		if strings.EqualFold(ext, ".pdf") {
			hint = "; for a PDF, open the HTML handout in a browser and print it"
		}
		return 0, fmt.Errorf("%s: dossier export writes HTML (.html) or Markdown (.md), not %s%s", out, ext, hint)
	}
	if format == "" {
		if byExt < 0 {
			return export.HTML, nil
		}
		return byExt, nil
	}
	f, err := export.ParseFormat(format)
	if err != nil {
		return 0, err
	}
	if byExt >= 0 && f != byExt {
		return 0, fmt.Errorf("--format %s but -o %s names %s; give one or make them agree", format, out, byExt)
	}
	return f, nil
}

// completeBriefings offers the briefing ids of the dossier named on the
// command line (the embedded one when none is).
func completeBriefings(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	l, err := load(args)
	if err != nil || l.d == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var ids []string
	for _, b := range l.d.Briefings {
		ids = append(ids, b.ID+"\t"+sanitize.Text(b.Title))
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// completeDirs offers folders for a dossier PATH argument.
func completeDirs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

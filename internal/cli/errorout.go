package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// printError prints an error as fang's default handler does (a plain line
// when stderr is not a terminal; else an ERROR badge and the message), but
// keeps the message as written: fang's error style title-cases the first
// word, which turned "--accounts" into "--Accounts" and every segment of a
// path into a capital ("…/Dossier/Config.Yaml"), and wraps at hyphens,
// which split "--authorized-keys" across two lines. Here the message wraps
// at spaces only. When stderr (the writer Execute was given; fang hands
// the handler a wrapper) is not a terminal, the message is one plain line.
func printError(w, stderr io.Writer, s fang.Styles, err error) {
	msg := err.Error()
	if f, ok := stderr.(term.File); !ok || !term.IsTerminal(f.Fd()) {
		_, _ = fmt.Fprintln(w, msg)
		return
	}
	text := s.ErrorText.UnsetTransform().UnsetWidth()
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, ":") {
		msg += "."
	}
	_, _ = fmt.Fprintln(w, s.ErrorHeader.String())
	_, _ = fmt.Fprintln(w, text.Render(wrapAtSpaces(msg, errorWidth()-4)))
	_, _ = fmt.Fprintln(w)
	if isUsageError(msg) {
		_, _ = fmt.Fprintln(w, lipgloss.JoinHorizontal(lipgloss.Left,
			text.Render("Try"),
			s.Program.Flag.Render(" --help "),
			text.UnsetMargins().Render("for usage."),
		))
		_, _ = fmt.Fprintln(w)
	}
}

// wrapAtSpaces breaks s into lines of at most width cells at spaces only
// (a word longer than width gets a line of its own), so that a flag name
// or a path is never cut.
func wrapAtSpaces(s string, width int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(s) {
		w := ansi.StringWidth(word)
		switch {
		case i == 0:
		case line+1+w > width:
			b.WriteByte('\n')
			line = 0
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += w
	}
	return b.String()
}

// errorWidth is the width fang lays its help and errors out in: the
// terminal's, at most 120 columns.
func errorWidth() int {
	w, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil || w <= 0 {
		return 120
	}
	return min(w, 120)
}

// isUsageError reports whether cobra's message is about the command line
// itself (fang's test, kept: cobra has no error type for it).
func isUsageError(msg string) bool {
	for _, prefix := range []string{"flag needs an argument:", "unknown flag:", "unknown shorthand flag:", "unknown command", "invalid argument"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

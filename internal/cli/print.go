package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/textout"
)

// defaultPrintWidth is the width of printed text when --width is not
// given and no terminal says how wide it is.
const defaultPrintWidth = 80

// printWidth is the width print lays text out at when --width is not
// given: the terminal's that stdout is (tty, fd); else, for a pipe, the
// width of the terminal the command was typed in, from $COLUMNS, then the
// controlling terminal (ctty); else 80.
func printWidth(tty bool, fd uintptr, getenv func(string) string, ctty func() (int, error)) int {
	if tty {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			return w
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if ctty != nil {
		if w, err := ctty(); err == nil && w > 0 {
			return w
		}
	}
	return defaultPrintWidth
}

// controllingTermWidth returns the width of the process's controlling
// terminal (/dev/tty), which a pipeline's stdout is not.
func controllingTermWidth() (int, error) {
	f, err := os.Open("/dev/tty")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w, _, err := term.GetSize(f.Fd())
	return w, err
}

func newPrintCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "print [PATH]",
		Short: "Write a topic, a day or a view as plain text",
		Long: "print writes the dossier as text for pipes and scripts: a topic as two columns aligned " +
			"claim by claim as in the reader, a day with its events and the accounts' claims about it, " +
			"or a view (days, delegations, demands, sources, discrepancies) as a table. With none of " +
			"--topic, --day and --view it writes every topic. There is no colour unless stdout is a " +
			"terminal or --color always; every line fits --width (default: the terminal's width; through a pipe, " +
			"$COLUMNS, then the width of the terminal the command was typed in; else 80). --topic and --day " +
			"together write the topic's claims about that day.",
		Example: "  dossier print --topic sanctuaries --accounts pk,af --width 100\n" +
			"  dossier print --day 2025-10-26\n  dossier print ./my-dossier --view demands | less",
		Args: cobra.MaximumNArgs(1),
		RunE: runPrint,
	}
	addPrintFlags(cmd)
	return cmd
}

// addPrintFlags adds print's flags to a command.
func addPrintFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("topic", "", "the topic to write, by id")
	f.String("day", "", "the day to write, by id or date (YYYY-MM-DD)")
	f.String("accounts", "", "the two or three accounts side by side, as a,b or a,b,c (default: the dossier's pair)")
	f.Int("width", 0, "the most cells a line may take (default: the terminal's width, or $COLUMNS, else 80)")
	f.String("view", "", "a view as a table: "+strings.Join(textout.Views, ", "))
	f.String("color", "auto", "colour: auto (when stdout is a terminal), always or never")
}

// runPrint is print's action; the root command runs it too when stdout is
// not a terminal.
func runPrint(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	str := func(name string) string {
		if f.Lookup(name) == nil {
			return ""
		}
		s, _ := f.GetString(name)
		return s
	}
	o := textout.Options{Topic: str("topic"), Day: str("day"), View: str("view")}
	if f.Lookup("width") != nil {
		o.Width, _ = f.GetInt("width")
	}
	if a := str("accounts"); a != "" {
		parts := strings.Split(a, ",")
		if len(parts) != 2 && len(parts) != 3 {
			return fmt.Errorf("--accounts wants two or three account ids, A,B or A,B,C")
		}
		o.Pair = [2]string{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}
		if len(parts) == 3 {
			o.Third = strings.TrimSpace(parts[2])
		}
	} else {
		o.AlsoNote = true // the reader did not choose: say which accounts are left out
	}
	out := cmd.OutOrStdout()
	file, isFile := out.(*os.File)
	tty := isFile && term.IsTerminal(file.Fd())
	if o.Width <= 0 {
		var outFd uintptr
		if tty {
			outFd = file.Fd()
		}
		o.Width = printWidth(tty, outFd, os.Getenv, controllingTermWidth)
	}
	color := str("color")
	if color == "" {
		color = "auto"
	}
	switch color {
	case "auto":
		o.Color = tty && os.Getenv("NO_COLOR") == ""
	case "always":
		o.Color = true
	case "never":
	default:
		return fmt.Errorf("--color is auto, always or never, not %q", color)
	}
	l, err := load(args)
	if err != nil {
		return err
	}
	if l.d == nil {
		return problemsErr(cmd, l)
	}
	var w io.Writer = out
	if o.Color {
		cw := colorprofile.NewWriter(out, os.Environ())
		if color == "always" && cw.Profile < colorprofile.ANSI256 {
			cw.Profile = colorprofile.ANSI256
		}
		w = cw
	}
	o.Cache = render.NewCache()
	return textout.Write(w, l.d, o)
}

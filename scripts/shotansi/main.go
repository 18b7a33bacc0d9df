// Command shotansi rewrites a terminal capture (tmux capture-pane -e) so
// that every change of style is a full reset followed by the whole new
// style: "ESC[0m ESC[1;38;2;…;48;2;…m". Renderers of ANSI text that know
// only some SGR codes (freeze ignores 39, 49, 22, 27 and reverse video)
// then draw exactly the colours the terminal showed. Reverse video is
// applied (the colours swapped); the default colours are those given by
// -fg and -bg. It reads stdin and writes stdout; it is used by
// scripts/screenshots.sh.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// style is the SGR state that matters for a picture.
type style struct {
	fg, bg                   string // SGR colour params ("38;5;141"), "" for the default
	bold, italic, under, rev bool
	faint, strike            bool
}

func (s style) sgr(defFG, defBG string) string {
	fg, bg := s.fg, s.bg
	if s.rev {
		if fg == "" {
			fg = defFG
		}
		if bg == "" {
			bg = defBG
		}
		fg, bg = "3"+bg[1:], "4"+fg[1:]
	}
	var p []string
	if s.bold {
		p = append(p, "1")
	}
	if s.faint {
		p = append(p, "2")
	}
	if s.italic {
		p = append(p, "3")
	}
	if s.under {
		p = append(p, "4")
	}
	if s.strike {
		p = append(p, "9")
	}
	if fg != "" {
		p = append(p, fg)
	}
	if bg != "" {
		p = append(p, bg)
	}
	out := "\x1b[0m"
	if len(p) > 0 {
		out += "\x1b[" + strings.Join(p, ";") + "m"
	}
	return out
}

// apply changes s by one SGR sequence's parameters.
func (s *style) apply(ps ansi.Params) {
	if len(ps) == 0 {
		*s = style{}
		return
	}
	for i := 0; i < len(ps); i++ {
		v := ps[i].Param(0)
		switch {
		case v == 0:
			*s = style{}
		case v == 1:
			s.bold = true
		case v == 2:
			s.faint = true
		case v == 3:
			s.italic = true
		case v == 4:
			s.under = true
		case v == 7:
			s.rev = true
		case v == 9:
			s.strike = true
		case v == 22:
			s.bold, s.faint = false, false
		case v == 23:
			s.italic = false
		case v == 24:
			s.under = false
		case v == 27:
			s.rev = false
		case v == 29:
			s.strike = false
		case v >= 30 && v <= 37:
			s.fg = fmt.Sprintf("38;5;%d", v-30)
		case v >= 90 && v <= 97:
			s.fg = fmt.Sprintf("38;5;%d", v-90+8)
		case v >= 40 && v <= 47:
			s.bg = fmt.Sprintf("48;5;%d", v-40)
		case v >= 100 && v <= 107:
			s.bg = fmt.Sprintf("48;5;%d", v-100+8)
		case v == 39:
			s.fg = ""
		case v == 49:
			s.bg = ""
		case v == 38 || v == 48:
			c, n := colour(ps[i+1:])
			if v == 38 {
				s.fg = "38;" + c
			} else {
				s.bg = "48;" + c
			}
			i += n
		}
	}
}

// colour reads an extended colour ("5;N" or "2;R;G;B") and how many
// parameters it took.
func colour(ps ansi.Params) (string, int) {
	if len(ps) >= 2 && ps[0].Param(0) == 5 {
		return fmt.Sprintf("5;%d", ps[1].Param(0)), 2
	}
	if len(ps) >= 4 && ps[0].Param(0) == 2 {
		return fmt.Sprintf("2;%d;%d;%d", ps[1].Param(0), ps[2].Param(0), ps[3].Param(0)), 4
	}
	return "5;7", len(ps)
}

func main() {
	defFG := flag.String("fg", "38;2;208;208;208", "default foreground, as SGR parameters")
	defBG := flag.String("bg", "48;2;23;23;23", "default background, as SGR parameters")
	flag.Parse()
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	out.WriteString(normalise(string(in), *defFG, *defBG))
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// normalise rewrites s: each run of text of one style is preceded by a
// reset and the whole style; every line ends with a reset; escape
// sequences other than SGR are dropped.
func normalise(s, defFG, defBG string) string {
	var out strings.Builder
	var cur, shown style
	first := true
	p := ansi.NewParser()
	var state byte
	for len(s) > 0 {
		seq, width, n, ns := ansi.DecodeSequence(s, state, p)
		state = ns
		s = s[n:]
		switch {
		case width > 0 || seq == " ":
			if first || cur != shown {
				out.WriteString(cur.sgr(defFG, defBG))
				shown, first = cur, false
			}
			out.WriteString(seq)
		case seq == "\n":
			out.WriteString("\x1b[0m\n")
			first = true
		case ansi.HasCsiPrefix(seq) && p.Command() == 'm':
			cur.apply(p.Params())
		}
	}
	out.WriteString("\x1b[0m")
	return out.String()
}

package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// TestLongQuoteKeepsItsBar is the class "a long quote at three widths":
// a block quote, a list and a code block inside a claim wrap inside their
// own decoration at the pane widths of 120, 100 and 81 columns, in every
// style: every line of the quote starts with its bar, a list item's lines
// hang under its text, a code line keeps its margin, no line is too wide.
func TestLongQuoteKeepsItsBar(t *testing.T) {
	d := &dossier.Dossier{Sources: []dossier.Source{{ID: "s1", Outlet: "Wire"}}}
	text := "Before.\n\n> The Afghan delegation, a senior official said, had come to Istanbul without a mandate and left without one, which **surprised nobody** in the room.\n> A second line of the quote that goes on for a while too, long enough to wrap.\n\n- a list item that is long enough to wrap at narrow widths, surely it ends\n\n```\ncode line that is rather long and will need wrapping somewhere in a pane\n```\n\nAfter."
	for _, st := range []Style{StyleDark, StyleLight, StyleNoTTY} {
		for _, w := range []int{55, 45, 36} {
			cl := &dossier.Claim{ID: "t/a/1", Text: text, Sources: []string{"s1"}}
			lines := NewCache().Claim(d, cl, w, st)
			var plain []string
			for _, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Errorf("style %v width %d: line %q is %d wide", st, w, ansi.Strip(l), lw)
				}
				plain = append(plain, ansi.Strip(l))
			}
			block := func(first, last string) []string {
				i, j := -1, -1
				for k, l := range plain {
					if i < 0 && strings.Contains(l, first) {
						i = k
					}
					if strings.Contains(l, last) {
						j = k
					}
				}
				if i < 0 || j < i {
					t.Fatalf("style %v width %d: %q…%q not found in\n%s", st, w, first, last, strings.Join(plain, "\n"))
				}
				return plain[i : j+1]
			}
			for _, l := range block("The Afghan", "wrap.") {
				if !strings.HasPrefix(l, "│ ") && !strings.HasPrefix(l, "| ") {
					t.Errorf("style %v width %d: a quote line without its bar: %q", st, w, l)
				}
			}
			for k, l := range block("a list item", "ends") {
				if k > 0 && !strings.HasPrefix(l, "  ") {
					t.Errorf("style %v width %d: a list line not under its item: %q", st, w, l)
				}
			}
			for _, l := range block("code line", "pane") {
				if !strings.HasPrefix(l, "  ") {
					t.Errorf("style %v width %d: a code line out of its margin: %q", st, w, l)
				}
			}
		}
	}
}

func TestWrapStyledCarriesStyles(t *testing.T) {
	s := "\x1b[1mbold words that wrap\x1b[m plain"
	lines := wrapStyled(s, 10, ansi.WcWidth)
	if len(lines) < 2 {
		t.Fatalf("%q", lines)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > 10 {
			t.Errorf("line %d too wide: %q", i, l)
		}
	}
	if !strings.HasPrefix(lines[1], "\x1b[1m") || !strings.HasSuffix(lines[0], reset) {
		t.Errorf("the bold run is not closed and opened again across the break: %q", lines)
	}
}

// TestCodeSpanNotPadded: a code span is told by its colours, with no
// spaces added around it (polish: "G-5  (north bank) ,").
func TestCodeSpanNotPadded(t *testing.T) {
	d := &dossier.Dossier{Sources: []dossier.Source{{ID: "s1", Outlet: "Wire"}}}
	cl := &dossier.Claim{ID: "t/a/1", Text: "At `G-5` `(north bank)`, the gauge.", Sources: []string{"s1"}}
	for _, st := range []Style{StyleDark, StyleLight, StyleNoTTY} {
		text := ansi.Strip(strings.Join(NewCache().Claim(d, cl, 60, st), "\n"))
		if !strings.Contains(text, "At G-5 (north bank), the gauge.") {
			t.Errorf("style %v: %q", st, text)
		}
	}
}

package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestWrapWordsCutsOnlyLongWords: wrapping breaks at spaces; a word is
// cut only when it is longer than the width.
func TestWrapWordsCutsOnlyLongWords(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"Pakistan rejected Afghanistan", 11, []string{"Pakistan", "rejected", "Afghanistan"}},
		{"Pakistan rejected", 20, []string{"Pakistan rejected"}},
		{"Afghanistan", 5, []string{"Afgha", "nista", "n"}},
		{"a Afghanistan b", 6, []string{"a", "Afghan", "istan", "b"}},
		{"", 5, []string{""}},
		{"Kalın İbrahim", 5, []string{"Kalın", "İbrah", "im"}},
	}
	for _, tt := range tests {
		got := WrapWords(tt.s, tt.width, ansi.WcWidth)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

// TestFitColumnsNeverSplitsAWordThatFits is the class "print tables never
// split a word that fits": at every width where the longest words fit, no
// column is narrower than its longest word, and the table fits.
func TestFitColumnsNeverSplitsAWordThatFits(t *testing.T) {
	cols := []Column{
		{Title: "party", Cap: 12, Cells: []string{"Pakistan", "Afghanistan"}},
		{Title: "demand", Grow: true, Cells: []string{"Clear, verifiable action against the groups", "Written guarantees"}},
		{Title: "response", Grow: true, Cells: []string{"The Afghan delegation rejected it outright", "rejected"}},
		{Title: "status", Cells: []string{"rejected", "disputed"}},
		{Title: "days", Cap: 8, Cells: []string{"", ""}},
		{Title: "sources", Cap: 14, Cells: []string{"Dawn, MNTV", "PK sources"}},
	}
	longest := []int{11, 10, 10, 8, 0, 7}
	for room := 30; room <= 160; room++ {
		f := FitColumns(Columns{Cols: cols, Room: room, Gap: 2, Wrap: true})
		total, shown := 0, 0
		for i, w := range f.Widths {
			if f.Dropped[i] {
				continue
			}
			total += w
			shown++
		}
		total += 2 * (shown - 1)
		if total > room {
			t.Errorf("room %d: the table takes %d", room, total)
		}
		need := 2 * 4
		for _, l := range longest {
			need += l
		}
		if room < need {
			continue
		}
		for i, w := range f.Widths {
			if !f.Dropped[i] && w < longest[i] {
				t.Errorf("room %d: column %q is %d wide, its longest word %d", room, cols[i].Title, w, longest[i])
			}
		}
		if room < 100 && !f.Dropped[4] {
			t.Errorf("room %d: the empty column stays while others shrink: %v", room, f.Widths)
		}
	}
}

// TestFitColumnsOneLine: for one-line cells the other columns keep their
// natural width and the growing ones share the rest; optional columns go
// before a growing one has fewer than MinGrow cells.
func TestFitColumnsOneLine(t *testing.T) {
	cols := []Column{
		{Title: "name", Cells: []string{"İbrahim Kalın"}},
		{Title: "title", Grow: true, Cells: []string{"Director of the National Intelligence Organisation"}},
		{Title: "sources", Drop: 1, Cells: []string{"Dawn, MNTV, AF-side report"}},
	}
	f := FitColumns(Columns{Cols: cols, Room: 78, Gap: 2, Fill: true, MinGrow: 16})
	if f.Widths[0] != 13 || f.Dropped[2] || f.Widths[1]+f.Widths[2]+13+4 != 78 {
		t.Errorf("wide: %+v", f)
	}
	f = FitColumns(Columns{Cols: cols, Room: 40, Gap: 2, Fill: true, MinGrow: 16})
	if !f.Dropped[2] || f.Widths[1] != 40-13-2 {
		t.Errorf("narrow: the optional column should go: %+v", f)
	}
}

package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Code blocks are drawn in the code block's own style, without syntax
// highlighting (the highlighter is replaced by a stand-in, see
// third_party/chroma): every line of the code is there, in order, and in
// the dark style it carries the code block colour.
func TestCodeBlockWithoutHighlighter(t *testing.T) {
	cl := &dossier.Claim{ID: "t/a/1", Text: "Before.\n\n```go\nfunc main() {\n\tprintln(\"x\")\n}\n```\n\nAfter."}
	for _, st := range []Style{StyleDark, StyleLight, StyleNoTTY} {
		lines := NewCache().Claim(&dossier.Dossier{}, cl, 60, st)
		plain := ansi.Strip(strings.Join(lines, "\n"))
		last := -1
		for _, want := range []string{"Before.", "func main() {", `println("x")`, "}", "After."} {
			i := strings.Index(plain[last+1:], want)
			if i < 0 {
				t.Fatalf("style %v: %q missing after offset %d in\n%s", st, want, last+1, plain)
			}
			last += 1 + i
		}
		if st == StyleDark && !strings.Contains(strings.Join(lines, ""), "38;5;244") {
			t.Errorf("dark code block lost its colour: %q", lines)
		}
	}
}

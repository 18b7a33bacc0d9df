package render

import (
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// styleConfig returns the glamour style for st, with the document margin
// and the blank lines around the document removed: a claim is a fragment
// inside a pane, not a page.
func styleConfig(st Style) gansi.StyleConfig {
	var cfg gansi.StyleConfig
	switch st.Concrete() {
	case StyleLight:
		cfg = styles.LightStyleConfig
	case StyleNoTTY:
		cfg = styles.NoTTYStyleConfig
	default:
		cfg = styles.DarkStyleConfig
	}
	zero := uint(0)
	cfg.Document.Margin = &zero
	cfg.Document.BlockPrefix = ""
	cfg.Document.BlockSuffix = ""
	// Code blocks are drawn in their plain code style: no syntax
	// highlighting. Claims are prose, and the highlighter (chroma) costs
	// ~13 ms of package initialisation on every start, so dossier's go.mod
	// replaces it with a stand-in (third_party/chroma) that has no lexers.
	cfg.CodeBlock.Chroma = nil
	cfg.CodeBlock.Theme = ""
	// A code span is told by its colours; the padding glamour puts around
	// it read as stray spaces in a pane ("G-5  (north bank) ,").
	cfg.Code.Prefix, cfg.Code.Suffix = "", ""
	return cfg
}

// markdown renders Markdown into trimmed lines at the layout's width. The
// caller holds l.renderMu.
func (l *layout) markdown(src string) []string {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	if l.md == nil {
		// unwrapped: the lines are wrapped below, each inside its own
		// decoration (wrapDecorated)
		md, err := glamour.NewTermRenderer(
			glamour.WithStyles(styleConfig(l.key.style)),
			glamour.WithWordWrap(0),
		)
		if err != nil {
			return plainLines(src)
		}
		l.md = md
	}
	out, err := l.md.Render(src)
	if err != nil {
		return plainLines(src)
	}
	var lines []string
	for _, line := range trimBlock(strings.Split(FilterANSI(out), "\n")) {
		lines = append(lines, wrapDecorated(line, l.key.width, ansi.GraphemeWidth)...)
	}
	return lines
}

// plainLines is the fallback when glamour fails: the text as it is, one
// line per source line.
func plainLines(src string) []string {
	return trimBlock(strings.Split(src, "\n"))
}

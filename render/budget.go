package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/dossier-dev/dossier/dossier"
)

// Glamour's time grows with the length of what it renders times the square
// of how deep quotes and lists nest (each level re-wraps everything inside
// it through its own chain of writers): 28 KB of lists nested 30 deep take
// it half a minute, and a few megabytes of plain lists take minutes. These
// budgets bound the work one claim, and one topic, can ask for. A claim over
// its budget, or any claim of a topic whose two shown sections together are
// over theirs, is shown as plain wrapped text under a note, which costs time
// linear in its length. The units are estimated output lines weighted by
// (1+depth)², where a list counts two levels and a quote one; a typical
// claim costs a few units, a long and richly formatted one a few hundred,
// and 1,000 units take glamour 10 to 20 ms.
const (
	claimBudget = 10_000
	topicBudget = 30_000
)

// maxRenderNesting is the deepest nesting of quotes and lists glamour is
// given. Past it the cost is no longer (1+depth)²: once the indentation
// nears the wrap width it explodes (one line in 32 quotes takes glamour
// 0.1–1 s, in 40 quotes 5 s), so deeper claims are shown as plain text
// whatever their length. No real claim nests more than four levels.
const maxRenderNesting = 8

// Notes shown above a claim rendered as plain text.
const (
	noteClaimTooComplex = "⚠ shown as plain text: too long or too deeply nested to format"
	noteTopicTooComplex = "⚠ shown as plain text: this topic is too long to format"
)

// costParser parses Markdown only to estimate what rendering it costs;
// goldmark parsers are safe for concurrent use.
var costParser = goldmark.New().Parser()

// markdownCost estimates the work glamour would do to render src, in the
// units of claimBudget.
func markdownCost(src string) int {
	if strings.TrimSpace(src) == "" {
		return 0
	}
	b := []byte(src)
	doc := costParser.Parse(text.NewReader(b))
	cost := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		// A leaf block: its lines, a long line counting as the lines it
		// wraps into, and a blank line around it.
		lines := 1
		segs := n.Lines()
		for i := range segs.Len() {
			s := segs.At(i)
			lines += 1 + (s.Stop-s.Start)/64
		}
		depth, levels := 0, 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			switch p.Kind() {
			case ast.KindList: // a nested list costs glamour about twice a quote
				depth += 2
				levels++
			case ast.KindBlockquote:
				depth++
				levels++
			}
		}
		if levels > maxRenderNesting {
			cost = claimBudget + 1
			return ast.WalkStop, nil
		}
		cost += lines * (1 + depth) * (1 + depth)
		return ast.WalkSkipChildren, nil
	})
	return cost
}

// plainBlock is a claim's Markdown as plain text, word-wrapped (long words
// broken) at width, under a faint note. It is the fallback for Markdown
// that would take glamour too long.
func (l *layout) plainBlock(src, note string) []string {
	width := max(1, l.key.width)
	out := []string{l.theme.Faint.Render(ansi.Truncate(note, width, "…"))}
	for _, line := range strings.Split(strings.TrimRight(src, "\n"), "\n") {
		out = append(out, strings.Split(ansi.Wrap(strings.TrimRight(line, " "), width, ""), "\n")...)
	}
	return trimBlock(out)
}

// topicPlainNote returns the note under which every claim of a topic is
// shown as plain text when the claims shown together, not counting those
// over their own budget, are over topicBudget; or "" when they may be
// formatted.
func (c *Cache) topicPlainNote(claims [][]dossier.Claim) string {
	total := 0
	for _, side := range claims {
		for i := range side {
			if n := c.cost(side[i].Text); n <= claimBudget { // else plain anyway
				total += n
			}
			if total > topicBudget {
				return noteTopicTooComplex
			}
		}
	}
	return ""
}

package dossier

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The dossier's inline syntax is parsed by two small goldmark inline parsers
// that run before goldmark's own link parser: citations "[@a; @b]" and
// attribute blocks "{#key .contradict cred=2 day=a,b}". Both must sit on one
// line. The result is a goldmark AST in which they appear as citationNode
// and attrsNode; topics.go and briefings.go read them from there.

// mdParser is shared: goldmark parsers are safe for concurrent use.
var mdParser = goldmark.New(goldmark.WithParserOptions(
	parser.WithInlineParsers(
		util.Prioritized(citeParser{}, 50),
		util.Prioritized(attrParser{}, 50),
	),
)).Parser()

var (
	kindCitation = ast.NewNodeKind("DossierCitation")
	kindAttrs    = ast.NewNodeKind("DossierAttributes")
)

// citationNode is "[@id; @id2]". Start and Stop are byte offsets of the
// whole span in the source.
type citationNode struct {
	ast.BaseInline
	Start, Stop int
	IDs         []string
	Offs        []int    // offset of each id's '@'
	Bad         []string // parts that are not "@id"
	BadOffs     []int
}

func (n *citationNode) Kind() ast.NodeKind { return kindCitation }

func (n *citationNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"IDs": fmt.Sprint(n.IDs)}, nil)
}

// attr is one item of an attribute block: "#key" (Kind '#'), ".class"
// (Kind '.') or "name=value" (Kind '=').
type attr struct {
	Kind  byte
	Name  string
	Value string
	Off   int
}

// attrsNode is "{…}". Start and Stop are byte offsets of the whole span.
type attrsNode struct {
	ast.BaseInline
	Start, Stop int
	Items       []attr
}

func (n *attrsNode) Kind() ast.NodeKind { return kindAttrs }

func (n *attrsNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Items": fmt.Sprint(n.Items)}, nil)
}

type citeParser struct{}

func (citeParser) Trigger() []byte { return []byte{'['} }

func (citeParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '[' || line[1] != '@' {
		return nil
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 {
		return nil
	}
	n := &citationNode{Start: seg.Start, Stop: seg.Start + end + 1}
	inner := line[1:end]
	off := 1
	for {
		i := bytes.IndexAny(inner, ";,")
		part := inner
		if i >= 0 {
			part = inner[:i]
		}
		lead := len(part) - len(bytes.TrimLeft(part, " "))
		p := bytes.TrimSpace(part)
		at := seg.Start + off + lead
		if len(p) > 1 && p[0] == '@' && validID(string(p[1:])) {
			n.IDs = append(n.IDs, string(p[1:]))
			n.Offs = append(n.Offs, at)
		} else {
			n.Bad = append(n.Bad, string(p))
			n.BadOffs = append(n.BadOffs, at)
		}
		if i < 0 {
			break
		}
		inner = inner[i+1:]
		off += i + 1
	}
	block.Advance(end + 1)
	return n
}

type attrParser struct{}

func (attrParser) Trigger() []byte { return []byte{'{'} }

func (attrParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '{' {
		return nil
	}
	end := bytes.IndexByte(line, '}')
	if end < 0 {
		return nil
	}
	items, ok := parseAttrs(line[1:end], seg.Start+1)
	if !ok {
		return nil
	}
	block.Advance(end + 1)
	return &attrsNode{Start: seg.Start, Stop: seg.Start + end + 1, Items: items}
}

// parseAttrs parses the inside of an attribute block; base is the offset of
// its first byte. ok is false unless every space-separated item has the
// form #key, .class or name=value (so "{sic}" stays text).
func parseAttrs(b []byte, base int) (items []attr, ok bool) {
	i := 0
	for i < len(b) {
		if b[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != ' ' {
			j++
		}
		tok := string(b[i:j])
		switch {
		case len(tok) > 1 && (tok[0] == '#' || tok[0] == '.'):
			items = append(items, attr{Kind: tok[0], Name: tok[1:], Off: base + i})
		case isAttrAssign(tok):
			k, v, _ := bytes.Cut([]byte(tok), []byte("="))
			items = append(items, attr{Kind: '=', Name: string(k), Value: string(v), Off: base + i})
		default:
			return nil, false
		}
		i = j
	}
	return items, len(items) > 0
}

// isAttrAssign reports whether tok is name=value with a lowercase ASCII
// name.
func isAttrAssign(tok string) bool {
	eq := -1
	for i := 0; i < len(tok); i++ {
		if tok[i] == '=' {
			eq = i
			break
		}
		if tok[i] < 'a' || tok[i] > 'z' {
			return false
		}
	}
	return eq > 0
}

// parseMarkdown parses the body of a file (src with its front matter
// blanked, so that offsets stay those of the file). A panic inside goldmark
// becomes an error naming the file.
func (l *loader) parseMarkdown(f *srcFile, bodyOff int) (doc ast.Node, src []byte) {
	if ln := markdownTooDeep(f.src[bodyOff:]); ln > 0 {
		l.markBroken(f.name)
		first := f.lines.pos(f.name, bodyOff).Line
		l.errf(Pos{File: f.name, Line: first + ln - 1, Col: 1}, "",
			"quotes and lists nest more than %d deep, or the line is indented more than %d columns; the file is not read",
			maxMarkdownNesting, maxMarkdownIndent)
		return nil, nil
	}
	src = blankFrontMatter(f.src, bodyOff)
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			l.markBroken(f.name)
			l.errf(Pos{File: f.name}, "", "the Markdown could not be read (parser failure: %v)", r)
		}
	}()
	return mdParser.Parse(text.NewReader(src)), src
}

// blankFrontMatter returns a copy of src with everything before bodyOff
// but the newlines blanked, so that the Markdown parser sees the body at
// its own line and byte offsets.
func blankFrontMatter(src []byte, bodyOff int) []byte {
	out := make([]byte, len(src))
	copy(out, src)
	for i := 0; i < bodyOff && i < len(out); i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

// blockSpan returns the first and last byte offsets covered by the lines of
// n and its descendant blocks; ok is false when it has none.
func blockSpan(n ast.Node) (start, stop int, ok bool) {
	start, stop = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		if lines := c.Lines(); lines != nil && lines.Len() > 0 {
			a, z := lines.At(0), lines.At(lines.Len()-1)
			if start < 0 || a.Start < start {
				start = a.Start
			}
			if z.Stop > stop {
				stop = z.Stop
			}
		}
		return ast.WalkContinue, nil
	})
	return start, stop, start >= 0
}

// inlines calls fn for every citation and attribute node under n.
func inlines(n ast.Node, fn func(ast.Node)) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (c.Kind() == kindCitation || c.Kind() == kindAttrs) {
			fn(c)
		}
		return ast.WalkContinue, nil
	})
}

// lastInline returns the last inline child of n that is not blank text.
func lastInline(n ast.Node, src []byte) ast.Node {
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			continue
		}
		return c
	}
	return nil
}

// cutSpans returns src[start:stop] with the spans removed (and the blanks
// just before each), each line after the first stripped of up to indent
// leading spaces, trailing blanks trimmed from every line, and the whole
// trimmed.
func cutSpans(src []byte, start, stop, indent int, spans [][2]int) string {
	var b bytes.Buffer
	atLineStart := false
	stripped := 0
	slices.SortFunc(spans, func(x, y [2]int) int { return x[0] - y[0] })
	next := 0 // index of the first span not yet passed
	for i := max(start, 0); i < stop && i < len(src); i++ {
		for next < len(spans) && spans[next][0] < i {
			next++
		}
		if next < len(spans) && spans[next][0] == i {
			trimTrailingBlanks(&b)
			i = spans[next][1] - 1
			next++
			continue
		}
		c := src[i]
		if c == '\n' {
			trimTrailingBlanks(&b)
			b.WriteByte('\n')
			atLineStart, stripped = true, 0
			continue
		}
		if atLineStart && c == ' ' && stripped < indent {
			stripped++
			continue
		}
		atLineStart = false
		b.WriteByte(c)
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

func trimTrailingBlanks(b *bytes.Buffer) {
	s := b.Bytes()
	n := len(s)
	for n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
		n--
	}
	b.Truncate(n)
}

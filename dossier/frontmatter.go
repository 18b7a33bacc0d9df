package dossier

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/sanitize"
	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// maxYAMLDepth bounds the nesting of front matter; dossier data never nests
// more than a few levels, and deep nesting is a sign of garbage input.
const maxYAMLDepth = 32

// yKind is the kind of a front matter value.
type yKind int

const (
	yNull yKind = iota
	yScalar
	yMap
	ySeq
	yBad // an error was reported for it; read as absent, silently
)

// yval is a front matter value with its position: a small, library-neutral
// tree the record decoders walk. Only this file knows the YAML library.
type yval struct {
	kind  yKind
	str   string // scalar text, as written (unquoted)
	pos   Pos
	keys  []ykv   // yMap, in file order
	items []*yval // ySeq
	// lazy, on a long ySeq of large front matter, holds the items unparsed
	// (fmchunks.go); obj.list parses them all, obj.each one at a time.
	lazy *lazyList
}

// ykv is one key of a mapping.
type ykv struct {
	key    string
	keyPos Pos
	val    *yval
}

// splitFrontMatter splits src into its front matter (the lines between a
// first line "---" and the next line "---" or "...") and its body. It
// returns the front matter text, the 1-based line number of its first line,
// and the byte offset where the body starts. has is false when src has no
// front matter; closed is false when the opening "---" is never closed.
func splitFrontMatter(src []byte) (fm []byte, fmLine int, bodyOff int, has, closed bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " ")) != "---" {
		return nil, 0, 0, false, false
	}
	off := len(first) + 1
	if off > len(src) {
		return nil, 2, len(src), true, false
	}
	start := off
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(line, " "))
		if t == "---" || t == "..." {
			body := off + len(line)
			if found {
				body++
			}
			return src[start:off], 2, body, true, true
		}
		off += len(line)
		if found {
			off++
		}
		rest = next
	}
	return src[start:], 2, len(src), true, false
}

// parseFrontMatter parses YAML text whose first line is line fmLine of
// file into a yval tree. lines is the whole file's line table, used to turn
// the parser's rune columns into byte columns. It never panics: a panic in
// the YAML library becomes an error problem naming the file.
func parseFrontMatter(file string, fm []byte, fmLine int, lines *lineTable) (root *yval, probs Problems) {
	defer func() {
		if r := recover(); r != nil {
			root = nil
			probs = append(probs, Problem{Severity: SeverityError, Pos: Pos{File: file, Line: fmLine},
				Msg: fmt.Sprintf("the YAML front matter could not be read (parser failure: %v)", r)})
		}
	}()
	if len(bytes.TrimSpace(fm)) == 0 {
		return &yval{kind: yNull, pos: Pos{File: file, Line: fmLine, Col: 1}}, nil
	}
	if len(fm) > chunkedAbove {
		return parseChunked(file, fm, fmLine, lines) // fmchunks.go
	}
	toks := lexer.Tokenize(string(fm))
	if ln := yamlTooDeep(toks); ln > 0 {
		return nil, Problems{{Severity: SeverityError, Pos: Pos{File: file, Line: fmLine + ln - 1, Col: 1},
			Msg: "the front matter nests too deeply to be a dossier (more than 64 brackets or 256 columns of indentation)"}}
	}
	f, err := parser.Parse(toks, 0)
	if err != nil {
		return nil, Problems{yamlError(file, fmLine, lines, err)}
	}
	c := &yconv{file: file, line0: fmLine - 1, lines: lines}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return &yval{kind: yNull, pos: Pos{File: file, Line: fmLine, Col: 1}}, nil
	}
	if len(f.Docs) > 1 {
		c.errAt(c.pos(f.Docs[1].GetToken()), "the front matter holds more than one YAML document")
	}
	root = c.conv(f.Docs[0].Body, 0)
	return root, c.probs
}

var yamlAt = regexp.MustCompile(`at \[\d+:\d+\]`)

// yamlError turns a YAML library error into a problem at its position.
func yamlError(file string, fmLine int, lines *lineTable, err error) Problem {
	p := Problem{Severity: SeverityError, Pos: Pos{File: file, Line: fmLine, Col: 1}}
	var ye yaml.Error
	if errors.As(err, &ye) {
		// The library counts lines from the start of the front matter;
		// turn its "at [line:col]" references into file lines.
		p.Msg = "YAML: " + yamlAt.ReplaceAllStringFunc(ye.GetMessage(), func(m string) string {
			var ln, col int
			if _, err := fmt.Sscanf(m, "at [%d:%d]", &ln, &col); err != nil {
				return m
			}
			return fmt.Sprintf("at line %d", ln+fmLine-1)
		})
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			p.Pos = (&yconv{file: file, line0: fmLine - 1, lines: lines}).pos(tk)
		}
	} else {
		p.Msg = "YAML: " + firstLine(err.Error())
	}
	return p
}

// yconv converts a goccy AST into a yval tree.
type yconv struct {
	file  string
	line0 int // lines before the front matter's first line
	lines *lineTable
	probs Problems
	// controls counts the control characters removed from escapes, so
	// that no more than maxControlWarnings are reported
	controls int
}

func (c *yconv) errAt(p Pos, msg string) {
	c.probs = append(c.probs, Problem{Severity: SeverityError, Pos: p, Msg: msg})
}

// escapedControls removes the control characters that a YAML escape put in
// a string ("\e[2J", "\x9b", "\0": the file's own control characters are
// gone before parsing), with a warning each, as for raw ones.
func (c *yconv) escapedControls(s string, p Pos) string {
	if strings.IndexFunc(s, sanitize.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !sanitize.IsControl(r) {
			return r
		}
		if c.controls++; c.controls <= maxControlWarnings {
			c.probs = append(c.probs, Problem{Severity: SeverityWarning, Pos: p,
				Msg: controlName(r) + " written as a YAML escape removed"})
		}
		return -1
	}, s)
}

// pos converts a token position (1-based line in the front matter, 1-based
// rune column) to a file position with a byte column.
func (c *yconv) pos(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil {
		return Pos{File: c.file}
	}
	return c.tokPos(tk.Position.Line, tk.Position.Column)
}

func (c *yconv) conv(n ast.Node, depth int) *yval {
	if n == nil {
		return &yval{kind: yNull}
	}
	p := c.posOf(n)
	if depth > maxYAMLDepth {
		c.errAt(p, "the front matter nests too deeply")
		return &yval{kind: yBad, pos: p}
	}
	switch v := n.(type) {
	case *ast.DocumentNode:
		return c.conv(v.Body, depth+1)
	case *ast.TagNode:
		// a tag (!!binary, !!null, !custom) would change what a value
		// means, or be silently ignored: neither is what the author sees
		tag := ""
		if v.Start != nil {
			tag = v.Start.Value
		}
		c.errAt(p, fmt.Sprintf("YAML tags (%s) are not supported in a dossier; write the value without it", quote(tag)))
		return &yval{kind: yBad, pos: p}
	case *ast.AnchorNode:
		return c.conv(v.Value, depth+1)
	case *ast.AliasNode:
		c.errAt(p, "YAML aliases (*name) are not supported in a dossier")
		return &yval{kind: yBad, pos: p}
	case *ast.NullNode:
		return &yval{kind: yNull, pos: p}
	case *ast.StringNode:
		return &yval{kind: yScalar, str: c.escapedControls(v.Value, p), pos: p}
	case *ast.LiteralNode:
		s := ""
		if v.Value != nil {
			s = v.Value.Value
		}
		return &yval{kind: yScalar, str: s, pos: p}
	case *ast.MappingNode:
		m := &yval{kind: yMap, pos: p}
		seen := map[string]Pos{}
		for _, mv := range v.Values {
			c.addPair(m, mv, depth, seen)
		}
		return m
	case *ast.MappingValueNode:
		m := &yval{kind: yMap, pos: p}
		c.addPair(m, v, depth, map[string]Pos{})
		return m
	case *ast.SequenceNode:
		s := &yval{kind: ySeq, pos: p}
		for _, it := range v.Values {
			s.items = append(s.items, c.conv(it, depth+1))
		}
		return s
	case *ast.CommentNode, *ast.CommentGroupNode:
		return &yval{kind: yNull, pos: p}
	}
	if tk := n.GetToken(); tk != nil {
		// Integers, floats, booleans, infinities: keep the text as written.
		return &yval{kind: yScalar, str: tk.Value, pos: p}
	}
	c.errAt(p, "unsupported YAML construct")
	return &yval{kind: yBad, pos: p}
}

// addPair adds one key and value to m; seen holds the keys m already has.
func (c *yconv) addPair(m *yval, mv *ast.MappingValueNode, depth int, seen map[string]Pos) {
	if mv == nil {
		return
	}
	var key string
	var kp Pos
	if mv.Key != nil {
		kp = c.posOf(mv.Key)
		k := c.conv(mv.Key, depth+1)
		if k.kind != yScalar {
			c.errAt(kp, "a mapping key must be a plain name")
			return
		}
		key = k.str
	}
	if first, dup := seen[key]; dup {
		c.errAt(kp, fmt.Sprintf("field %q is given twice (first at line %d)", key, first.Line))
		return
	}
	seen[key] = kp
	m.keys = append(m.keys, ykv{key: key, keyPos: kp, val: c.conv(mv.Value, depth+1)})
}

// posOf returns the file position of a node's token.
func (c *yconv) posOf(n ast.Node) Pos {
	if n == nil {
		return Pos{File: c.file}
	}
	// A mapping's own token is its first ':'; point at its first key.
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && m.Values[0] != nil && !m.IsFlowStyle {
		n = m.Values[0]
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		n = mv.Key
	}
	return c.pos(n.GetToken())
}

// tokPos converts a 1-based front matter line and rune column to a file
// position with a byte column.
func (c *yconv) tokPos(line, runeCol int) Pos {
	ln := c.line0 + line
	return Pos{File: c.file, Line: ln, Col: c.lines.byteCol(ln, runeCol)}
}

// lineTable maps byte offsets of a file to lines and columns.
type lineTable struct {
	src    []byte
	starts []int // byte offset of each line's first byte
}

func newLineTable(src []byte) *lineTable {
	t := &lineTable{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// pos returns the 1-based line and byte column of offset off.
func (t *lineTable) pos(file string, off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(t.src) {
		off = len(t.src)
	}
	lo, hi := 0, len(t.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return Pos{File: file, Line: lo + 1, Col: off - t.starts[lo] + 1}
}

// byteCol converts a 1-based rune column on 1-based line ln to a byte column.
func (t *lineTable) byteCol(ln, runeCol int) int {
	if ln < 1 || ln > len(t.starts) || runeCol < 1 {
		return runeCol
	}
	line := t.src[t.starts[ln-1]:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	b := 0
	for r := 1; r < runeCol && b < len(line); r++ {
		_, n := utf8.DecodeRune(line[b:])
		b += n
	}
	return b + 1
}

// scalarFloat parses a scalar as a number.
func scalarFloat(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

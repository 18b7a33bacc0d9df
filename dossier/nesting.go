package dossier

import (
	"bytes"

	"github.com/goccy/go-yaml/token"
)

// The parsers behind the loader slow down sharply (quadratically or worse)
// on very deep nesting: goldmark on quotes and lists nested thousands deep,
// the YAML library on deeply nested flow collections and indentation. No
// hand-written dossier nests more than a few levels, so files that do are
// refused before they reach a parser, which keeps check and load fast on
// any input.
const (
	maxMarkdownNesting = 32  // '>' and list markers opening one line
	maxMarkdownIndent  = 128 // columns of indentation before a line's text
	maxYAMLBrackets    = 64  // open '[' and '{' at any point
	maxYAMLIndent      = 256 // columns of indentation on one line
)

// markdownTooDeep returns the 1-based line of the first line of src that
// opens more than maxMarkdownNesting quotes and list items, or is indented
// more than maxMarkdownIndent columns (nesting by indentation), or 0.
func markdownTooDeep(src []byte) int {
	for ln, line := 1, src; len(line) > 0; ln++ {
		var rest []byte
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, rest = line[:i], line[i+1:]
		} else {
			rest = nil
		}
		if containerMarkers(line) > maxMarkdownNesting || len(line)-len(bytes.TrimLeft(line, " ")) > maxMarkdownIndent {
			return ln
		}
		line = rest
	}
	return 0
}

// containerMarkers counts the block quote and list markers at the start of
// a line, before its first other character.
func containerMarkers(line []byte) int {
	n := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(line) || line[i+1] == ' '):
			n++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ') {
				n++
				i = j + 1
				continue
			}
			return n
		default:
			return n
		}
	}
	return n
}

// yamlTooDeep returns the 1-based line (within the front matter) of the
// first token that opens a flow collection more than maxYAMLBrackets deep,
// or that starts a line indented more than maxYAMLIndent columns, or 0. It
// reads the tokens of the YAML library's own lexer, which are then parsed:
// what the lexer takes for text (a bracket in a quoted or plain scalar, in
// a comment, in a block scalar) is text to the parser too, and what it
// takes for nesting is what would slow the parser down. The lexer itself
// takes time linear in its input.
func yamlTooDeep(toks token.Tokens) int {
	depth, line := 0, 0
	for _, tk := range toks {
		if tk.Position == nil {
			continue
		}
		if tk.Position.Line != line {
			line = tk.Position.Line
			if tk.Position.Column-1 > maxYAMLIndent {
				return line
			}
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			if depth++; depth > maxYAMLBrackets {
				return line
			}
		case token.SequenceEndType, token.MappingEndType:
			depth = max(0, depth-1)
		}
	}
	return 0
}

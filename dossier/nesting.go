package dossier

import "bytes"

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

// yamlTooDeep returns the 1-based line (within fm) of the first place where
// the front matter nests flow collections more than maxYAMLBrackets deep or
// indents a line more than maxYAMLIndent columns, or 0. Brackets inside a
// quoted scalar that opens and closes on one line, and in comments, are not
// counted: they are text (found by the scaffold's FuzzFiles, whose party
// named "{{{…" wrote a file refused for its name alone). A quoted scalar
// that runs over lines has its later lines counted, so that nothing can
// hide real nesting from the bound.
func yamlTooDeep(fm []byte) int {
	depth, ln, col := 0, 1, 0
	indent := true
	var quote byte     // the quote of the scalar we are in, 0 outside one
	last := byte('\n') // the last byte outside quotes that is not a space
	for i := 0; i < len(fm); i++ {
		c := fm[i]
		if c == '\n' {
			ln, col, indent = ln+1, 0, true
			quote, last = 0, '\n'
			continue
		}
		col++
		if c != ' ' {
			indent = false
		} else if indent && col > maxYAMLIndent {
			return ln
		}
		switch {
		case quote == '"':
			if c == '\\' && i+1 < len(fm) && fm[i+1] != '\n' {
				i++
				col++
			} else if c == '"' {
				quote = 0
			}
			continue
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(fm) && fm[i+1] == '\'' { // '' is a quote inside
					i++
					col++
				} else {
					quote = 0
				}
			}
			continue
		case (c == '"' || c == '\'') && bytes.IndexByte([]byte("\n:-[{,?"), last) >= 0:
			quote = c
		case c == '#' && (last == '\n' || fm[i-1] == ' '):
			for i+1 < len(fm) && fm[i+1] != '\n' { // a comment, to the end of the line
				i++
			}
			continue
		case c == '[' || c == '{':
			depth++
			if depth > maxYAMLBrackets {
				return ln
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		if c != ' ' {
			last = c
		}
	}
	return 0
}

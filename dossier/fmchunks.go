package dossier

import (
	"bytes"
	"fmt"
)

// Large front matter is parsed in pieces. The YAML library takes about 70
// times its input in memory and holds all of it until the end: an 8 MiB
// sources.md took 1.2 GB. Above chunkedAbove, the front matter is cut at its
// top-level keys and, inside a long list, at its items, and each piece is
// parsed on its own (its syntax tree is garbage once converted): the peak is
// then the converted values plus one piece's tree. docs/format.md states
// the rule this needs: front matter over 64 KiB is written in block style,
// with no piece (a top-level field, or one entry of a list) over 64 KiB.
const (
	chunkedAbove = 64 << 10
	maxChunk     = 64 << 10
)

// fmLines is the front matter cut into lines, with each line's offset.
type fmLines struct {
	src    []byte
	starts []int
}

func (l fmLines) n() int { return len(l.starts) }

func (l fmLines) line(i int) []byte {
	end := len(l.src)
	if i+1 < len(l.starts) {
		end = l.starts[i+1]
	}
	return bytes.TrimRight(l.src[l.starts[i]:end], "\n")
}

// text returns lines [from, to) as one byte slice of src.
func (l fmLines) text(from, to int) []byte {
	end := len(l.src)
	if to < len(l.starts) {
		end = l.starts[to]
	}
	return l.src[l.starts[from]:end]
}

func indentOf(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// blankOrComment reports whether a line holds nothing for the parser.
func blankOrComment(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return len(t) == 0 || t[0] == '#'
}

// isItem reports whether line starts a list item at indentation k.
func isItem(line []byte, k int) bool {
	return indentOf(line) == k && len(line) > k && line[k] == '-' && (len(line) == k+1 || line[k+1] == ' ')
}

// parseChunked parses large front matter piece by piece (see chunkedAbove).
// It refuses front matter it cannot cut safely, with an error that says
// how to write it.
func parseChunked(file string, fm []byte, fmLine int, lines *lineTable) (*yval, Problems) {
	fl := fmLines{src: fm, starts: []int{0}}
	for i, c := range fm {
		if c == '\n' && i+1 < len(fm) {
			fl.starts = append(fl.starts, i+1)
		}
	}
	refuse := func(i int, why string) (*yval, Problems) {
		return nil, Problems{{Severity: SeverityError, Pos: Pos{File: file, Line: fmLine + i, Col: 1},
			Msg: fmt.Sprintf("the front matter is over %d KiB and %s; write it in block style (one 'field: value' "+
				"a line, lists as '- ' items), with no field or list entry over %d KiB", chunkedAbove>>10, why, maxChunk>>10)}}
	}
	root := &yval{kind: yMap, pos: Pos{File: file, Line: fmLine, Col: 1}}
	seen := map[string]Pos{}
	var probs Problems
	// parse parses lines [from, to) alone and returns the value.
	parse := func(from, to int) *yval {
		v, ps := parseFrontMatter(file, fl.text(from, to), fmLine+from, lines)
		probs = append(probs, ps...)
		return v
	}
	i := 0
	for i < fl.n() {
		line := fl.line(i)
		if blankOrComment(line) {
			i++
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			return refuse(i, "this line is indented where a top-level field should start")
		}
		switch line[0] {
		case '-', '[', '{', '?', '&', '*', '!', '|', '>', '%', '@', '`':
			return refuse(i, "this line is not a 'field:' line")
		}
		// the field runs to the next line that starts at column 1
		end := i + 1
		for end < fl.n() {
			if l := fl.line(end); len(l) > 0 && l[0] != ' ' && l[0] != '#' && l[0] != '\t' {
				break
			}
			end++
		}
		if len(fl.text(i, end)) <= maxChunk {
			if v := parse(i, end); v != nil && v.kind == yMap {
				for _, kv := range v.keys {
					addChunkKey(root, kv, seen, &probs)
				}
			}
			i = end
			continue
		}
		// a long field must be a list of block items: cut it at its items
		key, ok := chunkKey(line)
		if !ok {
			return refuse(i, "this field is too long to read unless it is a list")
		}
		first := i + 1
		for first < end && blankOrComment(fl.line(first)) {
			first++
		}
		if first == end {
			return refuse(i, "this field is too long to read unless it is a list")
		}
		k := indentOf(fl.line(first))
		if !isItem(fl.line(first), k) {
			return refuse(first, "this field is too long to read unless it is a list of '- ' items")
		}
		lazy := &lazyList{file: file, fmLine: fmLine, lines: lines, fl: fl, k: k}
		for j := first; j < end; {
			next := j + 1
			for next < end {
				l := fl.line(next)
				if isItem(l, k) {
					break
				}
				if !blankOrComment(l) && indentOf(l) <= k {
					return refuse(next, "a line of this list is not indented under its item")
				}
				next++
			}
			if len(fl.text(j, next)) > maxChunk {
				return refuse(j, "this list entry is too long")
			}
			lazy.items = append(lazy.items, [2]int32{int32(j), int32(next)})
			j = next
		}
		list := &yval{kind: ySeq, pos: Pos{File: file, Line: fmLine + first, Col: k + 1}, lazy: lazy}
		addChunkKey(root, ykv{key: key, keyPos: Pos{File: file, Line: fmLine + i, Col: 1}, val: list}, seen, &probs)
		i = end
	}
	return root, probs
}

// lazyList is a long list of front matter whose items are parsed one at a
// time when the list is read (obj.each), so that no more than one item's
// syntax tree and value are alive at once.
type lazyList struct {
	file   string
	fmLine int
	lines  *lineTable
	fl     fmLines
	k      int        // the items' indentation
	items  [][2]int32 // each item's lines [from, to) in fl
}

// each parses the items in order and calls fn with each; report gets the
// problems of each item's parse, before fn sees it.
func (z *lazyList) each(fn func(*yval), report func(Problems)) {
	for _, r := range z.items {
		from, to := int(r[0]), int(r[1])
		v, ps := parseFrontMatter(z.file, z.fl.text(from, to), z.fmLine+from, z.lines)
		if len(ps) > 0 {
			report(ps)
		}
		switch {
		case v == nil || v.kind == yBad:
		case v.kind == ySeq:
			for _, it := range v.items {
				fn(it)
			}
		default:
			report(Problems{{Severity: SeverityError, Pos: Pos{File: z.file, Line: z.fmLine + from, Col: z.k + 1},
				Msg: "this list entry could not be read on its own"}})
		}
	}
}

// chunkKey reads the key of a line "key:" whose value starts on the next
// line.
func chunkKey(line []byte) (string, bool) {
	t := bytes.TrimRight(line, " ")
	if i := bytes.IndexByte(t, '#'); i > 0 && t[i-1] == ' ' {
		t = bytes.TrimRight(t[:i], " ")
	}
	if len(t) < 2 || t[len(t)-1] != ':' {
		return "", false
	}
	k := t[:len(t)-1]
	if bytes.ContainsAny(k, ":\"'{}[],&*!|>%@`#") || bytes.IndexByte(k, ' ') >= 0 {
		return "", false
	}
	return string(k), true
}

// addChunkKey adds one top-level key to root, refusing one given twice as
// the whole-document parse does.
func addChunkKey(root *yval, kv ykv, seen map[string]Pos, probs *Problems) {
	if first, dup := seen[kv.key]; dup {
		*probs = append(*probs, Problem{Severity: SeverityError, Pos: kv.keyPos,
			Msg: fmt.Sprintf("field %q is given twice (first at line %d)", kv.key, first.Line)})
		return
	}
	seen[kv.key] = kv.keyPos
	root.keys = append(root.keys, kv)
}

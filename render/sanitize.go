package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean makes text from a dossier safe to hand to a renderer: it removes
// terminal control characters (ESC, C0 controls other than tab and newline,
// DEL, and the C1 range U+0080–U+009F), carriage returns and invalid UTF-8,
// expands tabs to the next multiple of four columns, and neutralises numeric
// character references (&#27; &#x9b; …) that a Markdown parser would decode
// back into such a character. It is the one place the render package
// sanitises input; the loader does the same when it reads a file, so this is
// a second fence, not the first.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			// invalid byte: drop it
		case r == '\n':
			b.WriteByte('\n')
			col = 0
		case r == '\t':
			n := 4 - col%4
			b.WriteString("    "[:n])
			col += n
		case isControl(r):
			// dropped
		case r == '&':
			if n := controlReference(s[i:]); n > 0 {
				i += n
				continue
			}
			b.WriteByte('&')
			col++
		default:
			b.WriteString(s[i : i+size])
			col++ // tab stops only need to be right for ASCII-indented text
		}
		i += size
	}
	return b.String()
}

// isClean reports whether s needs no change, the common case, so Clean can
// return it without copying.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c == '&' {
			return false
		}
		if c >= 0x80 {
			if !utf8.ValidString(s[i:]) {
				return false
			}
			for _, r := range s[i:] {
				if isControl(r) || r == '&' || r == '\t' {
					return false
				}
			}
			return true
		}
	}
	return true
}

// isControl reports whether r is a terminal control character other than
// tab and newline.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// controlReference returns the length of a numeric character reference at
// the start of s ("&#27;", "&#x1B;") that names a control character, or 0.
func controlReference(s string) int {
	if len(s) < 4 || s[1] != '#' {
		return 0
	}
	end := strings.IndexByte(s, ';')
	if end < 3 || end > 12 {
		return 0
	}
	num, base := s[2:end], 10
	if num[0] == 'x' || num[0] == 'X' {
		num, base = num[1:], 16
	}
	v, err := strconv.ParseUint(num, base, 32)
	if err != nil {
		return 0
	}
	if v == 0 || v == '\r' || isControl(rune(v)) {
		return end + 1
	}
	return 0
}

// FilterANSI removes from rendered output every escape sequence that is not
// an SGR (colour and attribute) sequence, and every control character other
// than newline. Glamour passes some content through verbatim; after this
// only escape sequences produced by styling remain.
func FilterANSI(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var state byte
	for len(s) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(s, state, nil)
		state = newState
		switch {
		case n <= 0:
			n = 1 // cannot happen; never loop forever
		case width > 0:
			r, _ := utf8.DecodeRuneInString(seq)
			if !(r == utf8.RuneError && len(seq) == 1) && !isControl(r) {
				b.WriteString(seq)
			}
		case seq == "\n":
			b.WriteByte('\n')
		case seq == "\t":
			b.WriteString("    ")
		case isSGR(seq):
			b.WriteString(seq)
		}
		s = s[n:]
	}
	return b.String()
}

// isSGR reports whether seq is a complete 7-bit CSI … m sequence with only
// digits, ';' and ':' as parameters.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[0] != 0x1b || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

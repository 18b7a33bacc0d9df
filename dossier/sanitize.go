package dossier

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// TabWidth is the tab stop interval used when tabs in a dossier file are
// expanded to spaces at load time.
const TabWidth = 4

// maxControlWarnings bounds the warnings for removed control characters in
// one file; the rest are counted in one last warning.
const maxControlWarnings = 20

// isControl reports whether r is a terminal control character that must
// never reach a terminal: ESC and the other C0 controls except tab and
// newline, DEL, and the C1 range U+0080–U+009F.
func isControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	}
	return false
}

// Sanitize returns s with every terminal control character removed: ESC and
// the other C0 controls except tab and newline, DEL, and the C1 controls
// U+0080–U+009F. Each byte of invalid UTF-8 is replaced by U+FFFD, so no
// stray byte can be read as an 8-bit control by a terminal. All valid
// printable Unicode is kept as is, including right-to-left scripts, combining
// marks and emoji. Sanitize is safe to call on text that is already clean; it
// then returns s unchanged without allocating.
func Sanitize(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || isControl(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case isControl(r):
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// controlName names a control character for a problem message.
func controlName(r rune) string {
	switch r {
	case 0x1b:
		return "escape character (ESC)"
	case '\r':
		return "carriage return"
	case 0x7f:
		return "delete character (DEL)"
	case 0:
		return "NUL character"
	}
	return fmt.Sprintf("control character U+%04X", r)
}

// cleanFile checks that src is valid UTF-8, turns CRLF line ends into LF,
// removes terminal control characters (one warning per occurrence, with the
// position where it was) and expands tabs to TabWidth-column stops. When src
// is not valid UTF-8 it returns ok == false and a single error naming the
// first bad byte's position; nothing else is reported for the file then.
// Columns in reported positions are counted in bytes of the cleaned text.
func cleanFile(file string, src []byte) (out []byte, probs Problems, ok bool) {
	// A byte order mark, which some editors write at the start of a UTF-8
	// file, is dropped: it is invisible, and before the first "---" it
	// hid the front matter. Editors do not count it as a column either.
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return nil, Problems{{
				Severity: SeverityError,
				Pos:      Pos{File: file, Line: line, Col: col},
				Msg:      fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d); save the file as UTF-8", src[i], i),
			}}, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += n
		}
		i += n
	}
	// Fast path: nothing to change.
	if !needsCleaning(src) {
		return src, nil, true
	}
	out = make([]byte, 0, len(src)+len(src)/8)
	line, col = 1, 1
	removed := 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n':
			// CRLF: the CR is a line ending, not a control to report.
		case r == '\n':
			out = append(out, '\n')
			line, col = line+1, 1
		case r == '\t':
			pad := TabWidth - (col-1)%TabWidth
			for range pad {
				out = append(out, ' ')
			}
			col += pad
		case isControl(r):
			removed++
			if removed <= maxControlWarnings {
				probs = append(probs, Problem{
					Severity: SeverityWarning,
					Pos:      Pos{File: file, Line: line, Col: col},
					Msg:      controlName(r) + " removed",
				})
			}
		default:
			out = append(out, src[i:i+n]...)
			col += n
		}
		i += n
	}
	if removed > maxControlWarnings {
		probs = append(probs, Problem{
			Severity: SeverityWarning,
			Pos:      Pos{File: file},
			Msg:      fmt.Sprintf("%d more control characters removed from this file", removed-maxControlWarnings),
		})
	}
	return out, probs, true
}

// needsCleaning reports whether src holds a tab, a CR or a control character.
func needsCleaning(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\t' || (c < 0x20 && c != '\n') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if isControl(r) {
			return true
		}
		i += n
	}
	return false
}

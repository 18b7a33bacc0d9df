package dossier

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// TabWidth is the tab stop interval used when tabs in a dossier file are
// expanded to spaces at load time.
const TabWidth = 4

// maxControlWarnings bounds the warnings for removed control characters in
// one file; the rest are counted in one last warning.
const maxControlWarnings = 20

// Sanitize is sanitize.Text, kept so that code written before the one
// sanitiser existed still builds.
//
// Deprecated: use sanitize.Text (internal/sanitize) or sanitize.Line.
func Sanitize(s string) string { return sanitize.Text(s) }

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
	if enc := wideEncoding(src); enc != "" {
		return nil, Problems{{
			Severity: SeverityError,
			Pos:      Pos{File: file},
			Msg:      "the file is " + enc + ", not UTF-8; save it as UTF-8",
		}}, false
	}
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
		case sanitize.IsControl(r):
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
		if sanitize.IsControl(r) {
			return true
		}
		i += n
	}
	return false
}

// wideEncoding names the encoding of src when it is UTF-16 or UTF-32, with
// or without a byte order mark ("UTF-16LE"), and returns "" otherwise. In
// those encodings text in Latin letters has a NUL byte beside every letter;
// read as UTF-8 it loaded with hundreds of "NUL character removed".
func wideEncoding(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe, 0, 0}):
		return "UTF-32LE (byte order mark FF FE 00 00)"
	case bytes.HasPrefix(src, []byte{0, 0, 0xfe, 0xff}):
		return "UTF-32BE (byte order mark 00 00 FE FF)"
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return "UTF-16LE (byte order mark FF FE)"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return "UTF-16BE (byte order mark FE FF)"
	}
	head := src[:min(len(src), 4096)]
	if len(head) < 8 {
		return ""
	}
	var zero [4]int // NUL bytes at each offset modulo 4
	for i, c := range head {
		if c == 0 {
			zero[i%4]++
		}
	}
	n := len(head) / 4 // positions per offset
	most := func(k int) bool { return zero[k] > n*3/4 }
	none := func(k int) bool { return zero[k] < n/8 }
	switch {
	case none(0) && most(1) && most(2) && most(3):
		return "UTF-32LE (no byte order mark)"
	case most(0) && most(1) && most(2) && none(3):
		return "UTF-32BE (no byte order mark)"
	case none(0) && none(2) && most(1) && most(3):
		return "UTF-16LE (no byte order mark)"
	case most(0) && most(2) && none(1) && none(3):
		return "UTF-16BE (no byte order mark)"
	}
	return ""
}

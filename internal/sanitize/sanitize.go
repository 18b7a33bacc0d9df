// Package sanitize is the one place that decides which characters may reach
// a terminal. Every string from any origin (a dossier file, a YAML or HTML
// escape once decoded, a path, a flag, a user name, an error) passes through
// Text or Line before it is printed, logged or drawn.
//
// It removes what a terminal would act on or what would make text read
// other than it is written: ESC and the other C0 controls except tab and
// newline, DEL, the C1 controls U+0080–U+009F, and the Unicode bidirectional
// controls (the Bidi_Control property: U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069), which can make a line display in another
// order than its bytes ("Trojan Source"). Invalid UTF-8 becomes U+FFFD, so
// no stray byte is read as an 8-bit control. All other Unicode is kept.
//
// It imports nothing of this module, so every package may use it.
package sanitize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsControl reports whether r is a terminal control character: a C0 control
// other than tab and newline, DEL, or a C1 control.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// IsBidi reports whether r is a bidirectional control character
// (Unicode's Bidi_Control property).
func IsBidi(r rune) bool {
	return r >= 0x61c && unicode.Is(unicode.Bidi_Control, r)
}

// Unsafe reports whether Text removes r.
func Unsafe(r rune) bool { return IsControl(r) || IsBidi(r) }

// Text returns s with every character Unsafe reports removed and every byte
// of invalid UTF-8 replaced by U+FFFD. Tabs and newlines are kept. Text on
// clean text returns s itself without allocating, so it is cheap to apply
// again after each decoding step.
func Text(s string) string { return clean(s, false) }

// Line is Text for one field on one line (a log value, a name, a value
// quoted in an error): tabs, newlines and carriage returns become spaces.
func Line(s string) string { return clean(s, true) }

// Cut is Line cut to at most n runes, with "…" added when it was cut.
func Cut(s string, n int) string {
	s = Line(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// Quote returns Line(s) in single quotes, for a value quoted in a message.
func Quote(s string) string { return "'" + Line(s) + "'" }

func clean(s string, oneLine bool) string {
	i := firstUnsafe(s, oneLine)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case oneLine && (r == '\t' || r == '\n' || r == '\r'):
			b.WriteByte(' ')
		case Unsafe(r):
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte clean must change, -1
// when there is none.
func firstUnsafe(s string, oneLine bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && (oneLine || c != '\t' && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || Unsafe(r) {
			return i
		}
		i += n
	}
	return -1
}

// Markdown is Text for Markdown (or HTML) source that a parser will decode
// later: it also drops the numeric character references ("&#27;",
// "&#x202E;") and the named ones ("&rlm;", "&lrm;") that would decode to a
// character Text removes, and "&#0;". Apply Text to the parser's output as
// well: Markdown is the fence before the decoding, Text the one after.
func Markdown(s string) string {
	s = Text(s)
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if n := unsafeReference(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// unsafeReference returns the length of a character reference at the start
// of s that names a character Text removes (or NUL, or CR), or 0.
func unsafeReference(s string) int {
	end := strings.IndexByte(s, ';')
	if end < 3 || end > 12 {
		return 0
	}
	if s[1] != '#' {
		switch strings.ToLower(s[1:end]) {
		case "lrm", "rlm":
			return end + 1
		}
		return 0
	}
	num, base := s[2:end], 10
	if num != "" && (num[0] == 'x' || num[0] == 'X') {
		num, base = num[1:], 16
	}
	v, err := strconv.ParseUint(num, base, 32)
	if err != nil {
		return 0
	}
	if r := rune(v); v == 0 || r == '\r' || Unsafe(r) {
		return end + 1
	}
	return 0
}

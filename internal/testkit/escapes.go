package testkit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// NonSGR returns the first escape sequence or control character in s that
// is not an SGR sequence or a newline, or "" when there is none. Invalid
// UTF-8 counts as a control (a terminal may read a stray byte as C1); a
// run of combining marks, which x/ansi's decoder may return on its own
// after an ASCII letter, does not.
//
// It is written apart from the program's sanitiser on purpose: a test
// should not check the code with the code.
func NonSGR(s string) string {
	var state byte
	for len(s) > 0 {
		seq, width, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		if n <= 0 {
			return s[:1]
		}
		switch {
		case width > 0:
			if r, _ := utf8.DecodeRuneInString(seq); r == utf8.RuneError && len(seq) == 1 || IsControl(r) {
				return seq
			}
		case seq == "\n", IsSGR(seq), marksOnly(seq):
		default:
			return seq
		}
		s = s[n:]
	}
	return ""
}

func marksOnly(seq string) bool {
	if seq == "" {
		return false
	}
	for _, r := range seq {
		if !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Me, r) {
			return false
		}
	}
	return true
}

// IsControl reports whether r is a terminal control character: C0 but tab
// and newline, DEL, C1.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// IsSGR reports whether seq is CSI … m with only digits, ';' and ':'.
func IsSGR(seq string) bool {
	if len(seq) < 3 || !strings.HasPrefix(seq, "\x1b[") || seq[len(seq)-1] != 'm' {
		return false
	}
	return strings.Trim(seq[2:len(seq)-1], "0123456789;:") == ""
}

// FirstControl returns the first terminal control character in s (C0 but
// tab and newline, DEL, C1, invalid UTF-8), or "".
func FirstControl(s string) string {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return s[i : i+1]
			}
		}
		if IsControl(r) {
			return string(r)
		}
	}
	return ""
}

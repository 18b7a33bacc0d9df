package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// reset is the SGR sequence that clears every attribute.
const reset = "\x1b[m"

// trimLine removes trailing blanks from a styled line, together with the
// escape sequences that only styled those blanks, and closes the line with
// a reset when it carries any style. Glamour pads every line to the wrap
// width with styled spaces; dropping them once per render makes the cached
// output several times smaller and every View cheaper.
func trimLine(s string) string {
	if !strings.Contains(s, "\x1b") {
		return strings.TrimRight(s, " ")
	}
	var (
		state   byte
		lastEnd int // byte offset just past the last visible non-blank
	)
	for i := 0; i < len(s); {
		seq, width, n, newState := ansi.DecodeSequence(s[i:], state, nil)
		state = newState
		if n <= 0 {
			break
		}
		if width > 0 && seq != " " {
			lastEnd = i + n
		}
		i += n
	}
	if lastEnd == 0 {
		return ""
	}
	out := s[:lastEnd]
	if strings.Contains(out, "\x1b") {
		out += reset
	}
	return out
}

// trimBlock trims every line and drops blank lines at the start and the
// end of a rendered block.
func trimBlock(lines []string) []string {
	for i := range lines {
		lines[i] = trimLine(lines[i])
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

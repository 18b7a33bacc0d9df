package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Glamour wraps a paragraph first and adds a block's decoration (a quote's
// bar, a list's bullet, a code block's margin) after, so a wrapped line of
// a quote overflowed the width and its end fell onto a line of its own with
// no bar. The claims are therefore rendered unwrapped and wrapped here, each
// line inside its own decoration: a quote's bars start every line, a list
// item's text hangs under its first word, a code line keeps its margin.

// wrapDecorated wraps one rendered line to width cells: at spaces, the
// decoration at its start (quote bars, bullet or number, margin) repeated
// on every line it takes (the bullet or number as blank cells), styles
// carried across the breaks. A line that fits is returned as it is.
func wrapDecorated(line string, width int, m ansi.Method) []string {
	if m.StringWidth(line) <= width {
		return []string{line}
	}
	pw := decorationWidth(ansi.Strip(line))
	if pw > width/2 {
		pw = 0 // too deep to repeat: wrap the whole line
	}
	head, body := splitCells(line, pw, m)
	cont := blankMarkers(head, m)
	var out []string
	for i, l := range wrapStyled(body, width-pw, m) {
		if i == 0 {
			out = append(out, head+l)
		} else {
			out = append(out, cont+l)
		}
	}
	return out
}

// decorationWidth returns the cells of the decoration a rendered line
// starts with: spaces, quote bars ("│ " or "| "), a bullet ("• ") or a
// number ("12. ").
func decorationWidth(plain string) int {
	n := 0
	rs := []rune(plain)
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case r == ' ':
			i++
			n++
		case (r == '│' || r == '|' || r == '•') && i+1 < len(rs) && rs[i+1] == ' ':
			i += 2
			n += 2
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			if j+1 < len(rs) && rs[j] == '.' && rs[j+1] == ' ' {
				n += j + 2 - i
				i = j + 2
				continue
			}
			return n
		default:
			return n
		}
	}
	return n
}

// blankMarkers returns a decoration for the lines after the first: the
// same, with bullets and numbers turned into spaces (quote bars stay).
func blankMarkers(head string, m ansi.Method) string {
	var b strings.Builder
	var state byte
	for s := head; len(s) > 0; {
		seq, _, n, ns := m.DecodeSequenceInString(s, state, nil)
		state = ns
		if n <= 0 {
			break
		}
		s = s[n:]
		switch {
		case seq == "•", seq == ".", len(seq) == 1 && seq[0] >= '0' && seq[0] <= '9':
			b.WriteString(" ")
		default:
			b.WriteString(seq)
		}
	}
	return b.String()
}

// wrapStyled wraps styled text to width cells at spaces. A word longer than
// the width is cut. The styles in effect where a line breaks are closed at
// its end and opened again at the start of the next, so that each line
// stands alone.
func wrapStyled(s string, width int, m ansi.Method) []string {
	width = max(1, width)
	var (
		lines     []string
		line      strings.Builder
		lineW     int
		lineOpen  bool     // line holds an SGR that is still in effect
		active    []string // SGR sequences in effect since the last reset
		word      strings.Builder
		wordW     int
		wordStart []string // active at the start of the word
		spaces    int      // spaces seen before the word
		state     byte
	)
	endLine := func() {
		if lineOpen {
			line.WriteString(reset)
		}
		lines = append(lines, line.String())
		line.Reset()
		lineW, lineOpen = 0, false
	}
	startLine := func(open []string) {
		for _, a := range open {
			line.WriteString(a)
		}
		lineOpen = len(open) > 0
	}
	flush := func() {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		switch {
		case lineW == 0 && len(lines) == 0 && line.Len() == 0:
			line.WriteString(w)
			lineW = wordW
		case lineW+spaces+wordW <= width || lineW == 0:
			line.WriteString(strings.Repeat(" ", spaces))
			line.WriteString(w)
			lineW += spaces + wordW
		default:
			endLine()
			startLine(wordStart)
			line.WriteString(w)
			lineW = wordW
		}
		lineOpen = len(active) > 0
		for lineW > width { // a word longer than the line: cut it
			headPart, rest := splitCells(line.String(), width, m)
			line.Reset()
			line.WriteString(headPart)
			lineOpen = false // splitCells closed it
			endLine()
			line.WriteString(rest) // opens the styles in effect at the cut
			lineW = m.StringWidth(rest)
			lineOpen = len(active) > 0
		}
		word.Reset()
		wordW, spaces = 0, 0
		wordStart = nil
	}
	for len(s) > 0 {
		seq, w, n, ns := m.DecodeSequenceInString(s, state, nil)
		state = ns
		if n <= 0 {
			break
		}
		s = s[n:]
		switch {
		case seq == " ":
			flush()
			spaces++
		case strings.HasPrefix(seq, "\x1b["):
			if word.Len() == 0 {
				wordStart = append([]string(nil), active...)
			}
			word.WriteString(seq)
			if seq == reset || seq == "\x1b[0m" {
				active = active[:0]
			} else if strings.HasSuffix(seq, "m") {
				active = append(active, seq)
			}
		default:
			if word.Len() == 0 {
				wordStart = append([]string(nil), active...)
			}
			word.WriteString(seq)
			wordW += w
		}
	}
	flush()
	if line.Len() > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// splitCells splits a styled line after n cells: the head closed with a
// reset when styled, the tail opening again the styles in effect at the
// cut. A wide character is not split: it goes to the tail.
func splitCells(s string, n int, m ansi.Method) (head, tail string) {
	var (
		b      strings.Builder
		col    int
		state  byte
		active []string
		styled bool
	)
	for len(s) > 0 {
		seq, w, k, ns := m.DecodeSequenceInString(s, state, nil)
		if k <= 0 {
			break
		}
		if w > 0 && col+w > n {
			break
		}
		state = ns
		s = s[k:]
		b.WriteString(seq)
		col += w
		if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
			styled = true
			if seq == reset || seq == "\x1b[0m" {
				active = active[:0]
			} else {
				active = append(active, seq)
			}
		}
	}
	if styled {
		b.WriteString(reset)
	}
	return b.String(), strings.Join(active, "") + s
}

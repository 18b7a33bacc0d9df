package render

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
)

// Clean makes text from a dossier safe to hand to a renderer: it applies
// the one sanitiser for Markdown source (sanitize.Markdown: no terminal or
// bidirectional control character, and no character reference that a
// Markdown parser would decode into one), and expands tabs to the next
// multiple of four columns. The loader sanitises when it reads a file, so
// this is a second fence, not the first; FilterANSI is the one after the
// renderer.
//
// It also removes the joiners and modifiers on whose width terminals and
// width tables disagree (zero-width joiner, variation selectors, skin-tone
// modifiers, keycap and tag characters): 👨‍👩‍👧 is drawn as three faces, ✈️
// as ✈, so that every terminal puts the next border where the layout
// counted it.
func Clean(s string) string {
	s = sanitize.Markdown(s)
	if !strings.ContainsAny(s, "\t\u200d\ufe0e\ufe0f\u20e3") &&
		!strings.Contains(s, "\xf0\x9f\x8f") && !strings.Contains(s, "\xf3\xa0") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	col := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			col = -1
		case r == '\t':
			n := dossier.TabWidth - col%dossier.TabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			i += size
			continue
		case unstableWidth(r):
			i += size
			continue
		}
		b.WriteString(s[i : i+size])
		col++ // tab stops are only exact after ASCII indentation
		i += size
	}
	return b.String()
}

// unstableWidth reports whether r is a joiner, selector or modifier whose
// effect on width depends on the terminal.
func unstableWidth(r rune) bool {
	switch {
	case r == 0x200D, r == 0xFE0E, r == 0xFE0F, r == 0x20E3:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag characters
		return true
	}
	return false
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
			if !(r == utf8.RuneError && len(seq) == 1) && !sanitize.Unsafe(r) {
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

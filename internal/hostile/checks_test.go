package hostile

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/internal/testkit"
)

// checkView fails t unless the view's content is exactly h lines of exactly
// w cells, holds no escape sequence other than SGR and no control character
// other than newline, and its window title is clean.
func checkView(t testing.TB, v tea.View, w, h int) {
	t.Helper()
	checkFrame(t, v.Content, w, h)
	if bad := firstControl(v.WindowTitle); bad != "" {
		t.Errorf("window title %q holds %q", v.WindowTitle, bad)
	}
}

// checkFrame is checkView for a frame's text.
func checkFrame(t testing.TB, content string, w, h int) {
	t.Helper()
	lines := strings.Split(content, "\n")
	if len(lines) != h {
		t.Errorf("frame at %dx%d has %d lines", w, h, len(lines))
	}
	for y, l := range lines {
		if got := ansi.WcWidth.StringWidth(l); got != w {
			t.Errorf("frame at %dx%d: line %d is %d cells wide: %q", w, h, y, got, oneLine(ansi.Strip(l)))
			break
		}
	}
	if bad := nonSGR(content); bad != "" {
		t.Errorf("frame at %dx%d holds %q, which is not SGR", w, h, bad)
	}
}

// nonSGR returns the first escape sequence or control character in s that
// is not an SGR sequence or a newline, or "" (testkit.NonSGR).
func nonSGR(s string) string { return testkit.NonSGR(s) }

// firstControl returns the first terminal control character in s, or "".
func firstControl(s string) string { return testkit.FirstControl(s) }

func isControl(r rune) bool { return testkit.IsControl(r) }

// isSGR reports whether seq is CSI … m with only digits, ';' and ':'.
func isSGR(seq string) bool { return testkit.IsSGR(seq) }

// streamViolation returns the first thing in the bytes a program wrote to a
// terminal that content could have put there, or "". A terminal stream
// holds the renderer's own control sequences, so it is allowed: CSI
// sequences (cursor movement, erasing, modes, SGR) except an erase of the
// whole screen that the renderer did not precede with its cursor-home; the
// two-byte ESC sequences of scrolling and cursor saving; the
// window title (OSC 2) when its text holds no control character; the
// background colour query (OSC 11;?); carriage return, line feed and
// backspace. Anything else is a violation: OSC 52 (clipboard), OSC 8
// (links), OSC 0, any other OSC, DCS, APC, PM or SOS string, a BEL, DEL or
// other C0 control on its own, a C1 character, invalid UTF-8.
func streamViolation(s string) string {
	var state byte
	prev := ""
	for len(s) > 0 {
		seq, width, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		if n <= 0 {
			return s[:1]
		}
		s = s[n:]
		p := prev
		prev = seq
		switch {
		case width > 0:
			if r, _ := utf8.DecodeRuneInString(seq); r == utf8.RuneError && len(seq) == 1 || isControl(r) {
				return seq
			}
		case seq == "\n" || seq == "\r" || seq == "\b":
		case len(seq) == 2 && seq[0] == 0x1b && strings.IndexByte("MDE78=>", seq[1]) >= 0:
			// index, reverse index, next line, save and restore the
			// cursor, keypad modes: the renderer scrolls with these
		case strings.HasPrefix(seq, "\x1b["):
			if seq == "\x1b[2J" && p != "\x1b[H" {
				return seq + " (not after the renderer's cursor-home)"
			}
		case strings.HasPrefix(seq, "\x1b]"):
			if seq == "\x1b]11;?\x07" || seq == "\x1b]11;?\x1b\\" {
				continue
			}
			if body, ok := strings.CutPrefix(seq, "\x1b]2;"); ok {
				body = strings.TrimSuffix(strings.TrimSuffix(body, "\x07"), "\x1b\\")
				if firstControl(body) == "" && !strings.Contains(body, "\x1b") {
					continue
				}
			}
			return seq
		default:
			return seq
		}
	}
	return ""
}

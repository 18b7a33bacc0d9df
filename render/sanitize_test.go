package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Dawn said so.", "Dawn said so."},
		{"esc", "a\x1b[31mred\x1b[0m", "a[31mred[0m"},
		{"c0 kept tab newline", "a\tb\nc\x07d\x00e\rf", "a   b\ncdef"},
		{"del and c1", "x\x7fy\u009bz\u0085w", "xyzw"},
		{"tab stops", "ab\tc\n\td", "ab  c\n    d"},
		{"entity esc", "a&#27;[2Jb &#x1B;c &#x9b;d", "a[2Jb c d"},
		{"entity kept", "&#65; &amp; &#x263A; & x", "&#65; &amp; &#x263A; & x"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"pashto kept", "د طالبانو ویاند", "د طالبانو ویاند"},
		{"emoji kept", "talks 🇹🇷 🤝 ✈", "talks 🇹🇷 🤝 ✈"},
		{"joiners and modifiers dropped", "👨\u200d👩\u200d👧 ✈\ufe0f 🤝🏽 1\ufe0f\u20e3", "👨👩👧 ✈ 🤝 1"},
		{"bidi overrides dropped", "a \u202ereversed\u202c b \u2067iso\u2069", "a reversed b iso"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFilterANSI(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"sgr kept", "\x1b[1;38;5;39mhi\x1b[0m", "\x1b[1;38;5;39mhi\x1b[0m"},
		{"sgr colon kept", "\x1b[38:2::1:2:3mx\x1b[m", "\x1b[38:2::1:2:3mx\x1b[m"},
		{"clear screen dropped", "a\x1b[2Jb", "ab"},
		{"cursor move dropped", "a\x1b[10;10Hb", "ab"},
		{"private mode dropped", "a\x1b[?1049hb", "ab"},
		{"osc title dropped", "a\x1b]0;pwned\x07b", "ab"},
		{"osc8 dropped", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"dcs dropped", "a\x1bP1$r\x1b\\b", "ab"},
		{"bell and cr dropped", "a\x07b\rc", "abc"},
		{"newline kept", "a\nb", "a\nb"},
		{"c1 csi dropped", "a\u009b2Jb", "a2Jb"},
		{"wide kept", "文字 د 🤝", "文字 د 🤝"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FilterANSI(tt.in); got != tt.want {
				t.Errorf("FilterANSI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTrimLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "abc   ", "abc"},
		{"styled padding", "\x1b[38;5;252mabc\x1b[0m\x1b[38;5;252m      \x1b[0m", "\x1b[38;5;252mabc" + reset},
		{"only padding", "\x1b[38;5;252m      \x1b[0m", ""},
		{"leading indent kept", "  \x1b[1mx\x1b[0m  ", "  \x1b[1mx" + reset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimLine(tt.in); got != tt.want {
				t.Errorf("trimLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		in    string
		width int
	}{
		{"short", 10}, {"exactly10!", 10}, {"much longer than the width", 10},
		{"\x1b[31mstyled and long text\x1b[0m", 7}, {"文字文字文字", 5}, {"🤝🤝🤝", 3},
		{"د طالبانو ویاند وایي", 9}, {"", 4}, {"x", 1},
	}
	for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for _, tt := range tests {
			got := Fit(tt.in, tt.width, m)
			if w := m.StringWidth(got); w != tt.width {
				t.Errorf("Fit(%q, %d, %v) width %d: %q", tt.in, tt.width, m, w, got)
			}
			if strings.Contains(tt.in, "\x1b") && !strings.HasSuffix(strings.TrimRight(got, " "), reset) &&
				strings.Count(got, "\x1b") > 0 && m.StringWidth(tt.in) > tt.width {
				t.Errorf("Fit(%q) cut a style without closing it: %q", tt.in, got)
			}
		}
	}
	if got := Fit("abc", 0, ansi.WcWidth); got != "" {
		t.Errorf("Fit to 0 = %q, want empty", got)
	}
}

// TestCleanWidthsAgree checks that after Clean the two ways of measuring a
// cell width (per code point, as most terminals do, and per grapheme) agree
// on text that mixes scripts and emoji, so borders land where counted.
func TestCleanWidthsAgree(t *testing.T) {
	for _, s := range []string{
		"👨\u200d👩\u200d👧\u200d👦 family", "🇹🇷🇶🇦🇵🇰🇦🇫 flags", "✈️ ❤️ ☺️ plane", "🤝🏽 👍🏿 tones", "1️⃣ #️⃣ keycaps",
		"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F england", "é́́́ ñ̃ combining",
		"د طالبانو ویاند ذبیح الله مجاهد", "和平谈判，没有达成协议。", "Mixed «د سولې خبرې» (۱۲۰۰۰)",
	} {
		c := Clean(s)
		if wc, gr := ansi.StringWidthWc(c), ansi.StringWidth(c); wc != gr {
			t.Errorf("Clean(%q) = %q: %d cells per code point, %d per grapheme", s, c, wc, gr)
		}
	}
}

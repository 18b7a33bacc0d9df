package sanitize

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello", "hello"},
		{"keeps tab and newline", "a\tb\nc", "a\tb\nc"},
		{"ESC", "a\x1b[31mred", "a[31mred"},
		{"C0", "a\x00b\x07c\rd", "abcd"},
		{"DEL", "a\x7fb", "ab"},
		{"C1", "a\u0085b\u009bc", "abc"},
		{"bidi overrides and isolates", "a\u202eb\u202cc\u2067d\u2069e", "abcde"},
		{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"keeps RTL", "سلام עולם", "سلام עולם"},
		{"keeps emoji, joiners and accents", "Türkiye 🇹🇷 naïve 👨\u200d👩", "Türkiye 🇹🇷 naïve 👨\u200d👩"},
		{"invalid byte", "a\x9bb\xff", "a\uFFFDb\uFFFD"},
		{"OSC 52", "\x1b]52;c;aGk=\x07", "]52;c;aGk="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLineAndCut(t *testing.T) {
	if got := Line("a\tb\nc\r\nd\x1b"); got != "a b c  d" {
		t.Errorf("Line = %q", got)
	}
	if got := Cut(strings.Repeat("é", 100), 64); got != strings.Repeat("é", 64)+"…" {
		t.Errorf("Cut = %q", got)
	}
	if got := Cut("short\u202e", 64); got != "short" {
		t.Errorf("Cut(short) = %q", got)
	}
	if got := Quote("x\u009by"); got != "'xy'" {
		t.Errorf("Quote = %q", got)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a&#27;[2Jb &#x1B;c &#x9b;d", "a[2Jb c d"},
		{"&#x202e;x&#8238;y&rlm;z&LRM;", "xyz"},
		{"&#0;&#13;", ""},
		{"&#65; &amp; &#x263A; & x &#xZZ; &#", "&#65; &amp; &#x263A; & x &#xZZ; &#"},
		{"\x1b&#27;", ""},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("clean text, Türkçe, 日本語\n", 10)
	if n := testing.AllocsPerRun(100, func() { _ = Text(s); _ = Markdown(s) }); n != 0 {
		t.Errorf("Text on clean text allocates %v times", n)
	}
}

func FuzzText(f *testing.F) {
	f.Add("a\x1b[2J\u202e\u009b\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		for _, r := range out {
			if Unsafe(r) {
				t.Fatalf("Text(%q) kept %U", s, r)
			}
		}
		if Text(out) != out {
			t.Fatalf("Text is not idempotent on %q", s)
		}
		for _, r := range Line(s) {
			if r == '\n' || r == '\t' || Unsafe(r) {
				t.Fatalf("Line(%q) kept %U", s, r)
			}
		}
	})
}

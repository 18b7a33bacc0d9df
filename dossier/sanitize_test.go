package dossier

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello", "hello"},
		{"keeps tab and newline", "a\tb\nc", "a\tb\nc"},
		{"strips ESC sequence intro", "a\x1b[31mred", "a[31mred"},
		{"strips C0", "a\x00b\x07c\rd", "abcd"},
		{"strips DEL", "a\x7fb", "ab"},
		{"strips C1", "a\u0085b\u009bc", "abc"},
		{"keeps RTL", "سلام עולם", "سلام עולם"},
		{"keeps emoji and accents", "Türkiye 🇹🇷 naïve", "Türkiye 🇹🇷 naïve"},
		{"invalid byte replaced", "a\x9bb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
